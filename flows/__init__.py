"""Prefect flows that run the :mod:`pipeline` library over folders of documents.

This package is orchestration only: listing inputs, batching, writing outputs
atomically, recording what happened.  Every text decision belongs to
:func:`pipeline.repair_document`; nothing here changes text.
"""

from .clean import clean_inbox

__all__ = ["clean_inbox"]

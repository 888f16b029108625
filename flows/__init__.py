"""Prefect flows that run the :mod:`pipeline` library over folders of documents.

This package is orchestration only: listing inputs, batching, writing outputs
atomically, recording what happened.  Every text decision belongs to
:func:`pipeline.repair_document`; nothing here changes text.
"""

__all__ = ["clean_inbox"]


def __getattr__(name: str):
    # Prefect is imported only when a flow is asked for: the repair worker
    # (:mod:`flows.worker`) and ``newsrepair repair`` need only the
    # library, and importing Prefect costs seconds.
    if name == "clean_inbox":
        from .clean import clean_inbox

        return clean_inbox
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

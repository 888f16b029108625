"""newsrepair's repair library: broken PDF copies of Chinese news articles in, canonical text out.

The public front is :func:`repair_document`; the stages it composes live in their
own modules (ingest, detection, encoding, rejoin, dedup, canonical) and can be used
on their own.  Pure and deterministic: no I/O beyond reading the input in ingest.
"""

from .api import repair_document
from .ingest import NamedBytes
from .model import (
    DedupMatch,
    Paragraph,
    RepairError,
    RepairOptions,
    RepairReport,
    RepairResult,
    Section,
    SectionKind,
    SourceInfo,
    StageReport,
    UndecodableInputError,
    UnsupportedInputError,
)

__all__ = [
    "repair_document",
    "NamedBytes",
    "DedupMatch",
    "Paragraph",
    "RepairError",
    "RepairOptions",
    "RepairReport",
    "RepairResult",
    "Section",
    "SectionKind",
    "SourceInfo",
    "StageReport",
    "UndecodableInputError",
    "UnsupportedInputError",
]

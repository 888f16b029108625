"""The typed data model every stage works on.

Everything here is immutable: a stage takes values of these types and returns new
ones together with a :class:`StageReport` that says what it changed.  The final
:class:`RepairReport` is assembled from those stage reports, never reconstructed
afterwards (the model is ftfy's ``fix_and_explain``: the text plus the account of
how it came to be).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import Enum
from typing import Any, Literal, Mapping

from .mojibake import MIN_MARGIN


class RepairError(Exception):
    """Base class of every error newsrepair raises on purpose.

    Callers that process many documents catch this one class to tell "this input is
    unusable" apart from a bug.
    """


class UnsupportedInputError(RepairError):
    """The input is of a kind newsrepair does not handle (yet), e.g. a PDF file."""


class UndecodableInputError(RepairError):
    """Bytes that are not text in any encoding we can recognise (binary data)."""


class SectionKind(str, Enum):
    """Whether a stretch of the input reads as clean web text or as a broken PDF copy."""

    CLEAN = "clean"
    BROKEN = "broken"


Script = Literal["auto", "simplified", "traditional", "keep"]


@dataclass(frozen=True)
class RepairOptions:
    """The one documented set of knobs of :func:`pipeline.repair_document`.

    The defaults are what a production cleaning run should use; every field exists
    because a user has a reason to turn it.

    script:
        ``"auto"`` converts the whole text to the document's dominant script
        (simplified or traditional, judged on the clean body when there is one);
        ``"simplified"`` / ``"traditional"`` force one; ``"keep"`` converts nothing.
    fix_encoding:
        Run the encoding repair stage: CJK mojibake (GBK, Big5, UTF-8 through a
        wrong codec), CJK-safe ftfy, dash variants, Kangxi radicals.
    restore_quotes:
        Restore U+FFFD that stand for lost quotation marks by quote pairing.
    dedup:
        Drop broken-copy paragraphs that the clean body already holds.  Off, the
        repaired broken copy is kept in full next to the clean body.
    anchor_k:
        Length of the k-gram anchors used to align broken paragraphs with the clean
        body (in comparison-form characters).
    duplicate_coverage:
        Share of a broken sentence's characters that must be found in the clean body
        for it to count as a duplicate.  Below it, the sentence is kept as novel text.
    lossy_margin:
        Where a wrong codec dropped bytes (UTF-8 read as GBK with errors
        replaced), how much likelier, in nats of log-probability, the best
        reading of a lost character must be than the next for it to be
        restored; closer calls are left as U+FFFD and counted
        (``unrecoverable_chars``).  The default, 2.0, flags rather than guesses
        where a copy has no clean body to read its words from; ``0.0``
        restores every hole by its likeliest reading (no flags, some wrong
        characters); a larger margin flags more.
    """

    script: Script = "auto"
    fix_encoding: bool = True
    restore_quotes: bool = True
    dedup: bool = True
    anchor_k: int = 6
    duplicate_coverage: float = 0.8
    lossy_margin: float = MIN_MARGIN

    def __post_init__(self) -> None:
        if self.script not in ("auto", "simplified", "traditional", "keep"):
            raise ValueError(f"script must be auto, simplified, traditional or keep, not {self.script!r}")
        if self.anchor_k < 2:
            raise ValueError("anchor_k must be at least 2")
        if not 0.0 < self.duplicate_coverage <= 1.0:
            raise ValueError("duplicate_coverage must be in (0, 1]")
        if not self.lossy_margin >= 0.0:
            raise ValueError("lossy_margin must be 0 or more")


@dataclass(frozen=True)
class SourceInfo:
    """Where the text came from and how it was decoded (filled by ingest)."""

    kind: Literal["text", "bytes", "file"]
    path: str | None = None
    encoding: str | None = None
    encoding_confidence: float | None = None
    bom: bool = False
    newline_fixes: int = 0
    # "pdf" where the text is a PDF's text layer (extracted with pdfminer.six);
    # encoding is then None: the PDF's fonts, not a codec, gave the characters.
    format: Literal["text", "pdf"] = "text"


@dataclass(frozen=True)
class Document:
    """Decoded input text split into lines (line endings normalised to LF)."""

    text: str
    lines: tuple[str, ...]
    source: SourceInfo


@dataclass(frozen=True)
class Section:
    """A maximal stretch of input lines of one kind.

    ``start`` and ``end`` are 1-based, inclusive line numbers of the input, so a
    user can open the file at that line.  ``confidence`` is the mean per-line
    probability of the chosen kind; ``layout`` names the PDF rendering detected in
    a broken section (``"runs"``: every text run on its own line with blank lines
    between; ``"lines"``: one visual line a line).
    """

    kind: SectionKind
    start: int
    end: int
    confidence: float
    layout: str | None = None


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of text with where it came from.

    ``origin`` is the kind of section it was read from; ``section`` the index of
    that section in ``RepairResult.sections``; ``start``/``end`` its input lines;
    ``restored`` the offsets in ``text`` of quotation marks restored from U+FFFD.
    """

    text: str
    origin: SectionKind
    section: int
    start: int
    end: int
    restored: tuple[int, ...] = ()


@dataclass(frozen=True)
class DedupMatch:
    """Where a broken-copy paragraph was found in the clean body.

    ``clean_paragraphs`` are indices into the clean body's paragraphs (0 = title),
    ``coverage`` the share of the broken paragraph's comparison form found there,
    ``kept`` the text kept as novel (empty when the whole paragraph was a duplicate).
    """

    broken_start: int
    broken_end: int
    clean_paragraphs: tuple[int, ...]
    coverage: float
    kept: str = ""


@dataclass(frozen=True)
class StageReport:
    """What one stage did: counters and, where useful, a list of details.

    ``counts`` are plain integers (e.g. ``{"fffd_restored": 17}``) so reports from
    many documents can be summed; ``details`` carry per-item records such as dedup
    matches.
    """

    stage: str
    counts: Mapping[str, int] = field(default_factory=dict)
    details: tuple[Any, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "stage": self.stage,
            "counts": dict(self.counts),
            "details": [_jsonable(d) for d in self.details],
        }


# The counters every RepairReport carries, in a fixed order, so downstream tables
# have stable columns even when a stage did nothing.
REPORT_COUNTERS = (
    "lines_in",
    "broken_sections",
    "fragments_joined",
    "furniture_lines_removed",
    "paragraphs_out",
    "fffd_restored",
    "fffd_left",
    "fffd_checked_against_clean",
    "fffd_disagreed_with_clean",
    "mojibake_spans_fixed",
    "lost_chars_flagged",
    "lost_marks_restored",
    "unrecoverable_chars",
    "unrecoverable_kunkao",
    "unrecoverable_cid",
    "unrecoverable_fffd_runs",
    "dash_variants_fixed",
    "script_conversions",
    "duplicate_paragraphs_removed",
    "repeated_clean_paragraphs_removed",
    "novel_paragraphs_kept",
    "canonical_changes",
)


@dataclass(frozen=True)
class RepairReport:
    """The account of a repair, assembled from the stages' own reports.

    ``counts`` sums the stages' counters over :data:`REPORT_COUNTERS`;
    ``stages`` keeps each stage's report in the order the stages ran;
    ``matches`` lists where each broken paragraph matched the clean body.
    """

    source: SourceInfo
    counts: Mapping[str, int]
    stages: tuple[StageReport, ...]
    matches: tuple[DedupMatch, ...] = ()

    @classmethod
    def from_stages(cls, source: SourceInfo, stages: tuple[StageReport, ...]) -> "RepairReport":
        """Sum the stages' counters and collect their dedup matches."""
        counts = dict.fromkeys(REPORT_COUNTERS, 0)
        matches: list[DedupMatch] = []
        for st in stages:
            for key, value in st.counts.items():
                counts[key] = counts.get(key, 0) + value
            matches.extend(d for d in st.details if isinstance(d, DedupMatch))
        return cls(source=source, counts=counts, stages=stages, matches=tuple(matches))

    def __getitem__(self, key: str) -> int:
        return self.counts[key]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "source": asdict(self.source),
            "counts": dict(self.counts),
            "matches": [asdict(m) for m in self.matches],
            "stages": [s.to_dict() for s in self.stages],
        }


@dataclass(frozen=True)
class RepairResult:
    """What :func:`pipeline.repair_document` returns.

    ``text`` is the canonical text (see docs/CANONICAL.md); ``sections`` the
    detected sections of the input; ``report`` what was done.
    """

    text: str
    sections: tuple[Section, ...]
    report: RepairReport

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form: text, sections and report."""
        return {
            "text": self.text,
            "sections": [_jsonable(s) for s in self.sections],
            "report": self.report.to_dict(),
        }


def _jsonable(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if hasattr(value, "__dataclass_fields__"):
        return {k: _jsonable(v) for k, v in asdict(value).items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    return value

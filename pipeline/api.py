"""The simple front: :func:`repair_document` composes the stages in order.

Like pdfminer's ``high_level`` module this holds no logic of its own: each stage
lives in its own module, takes the previous stage's output and returns its own
output with a :class:`StageReport`; the result's report is built from those.
"""

from __future__ import annotations

from . import canonical, dedup, detection, encoding, ingest, rejoin
from .model import RepairOptions, RepairReport, RepairResult


def repair_document(source: ingest.Source, *, options: RepairOptions | None = None) -> RepairResult:
    """Repair one document into canonical text.

    ``source`` is ``str`` (the text), ``bytes`` (text of unknown encoding, detected
    with charset-normalizer) or a path (``pathlib.Path`` or any ``os.PathLike``:
    a ``.txt`` file; ``.pdf`` raises :class:`UnsupportedInputError` for now).

    The stages, in order: ingest (decode, split lines); encoding repair of every
    line (CJK mojibake, CJK-safe ftfy, dash variants); detection (which line spans are clean
    web text and which broken PDF copies); rejoin (broken runs into
    paragraphs); quote restoration (U+FFFD that stood for “ ”); dedup (drop the
    broken paragraphs the clean body already holds, keep the rest at their place);
    canonical form (docs/CANONICAL.md).

    Raises only :class:`RepairError` subclasses for unusable input.
    """
    opts = options or RepairOptions()
    doc, r_ingest = ingest.ingest(source)
    text, sections, stages = _repair_lines(doc.lines, opts)
    stages = (r_ingest, *stages)
    # Canonical text is a fixed point: repairing it changes nothing.  Rarely,
    # the repaired text still holds a stretch that reads as a broken copy (short
    # rejoined paragraphs in a row); the stages then run again on their own
    # output, and their reports add up.  Not when the text carries U+FFFD: a
    # second round would take those flags of lost characters for lost quotes.
    for _ in range(MAX_ROUNDS - 1):
        if "\ufffd" in text:
            break
        lines = tuple(text.split("\n")[:-1]) if text else ()
        again, _ = detection.detect(lines)
        if not any(s.kind.value == "broken" for s in again):
            break
        text2, _, more = _repair_lines(lines, opts)
        if text2 == text:
            break
        text, stages = text2, stages + more
    report = RepairReport.from_stages(doc.source, stages)
    return RepairResult(text=text, sections=sections, report=report)


# Rounds of the stages at most (the first included); see repair_document.
MAX_ROUNDS = 3


def _repair_lines(lines: tuple[str, ...], opts: RepairOptions):
    """One round of the stages after ingest: (text, sections, stage reports)."""
    # Encoding first: detection reads the characters, and a line of mojibake
    # (three Latin letters per ideograph) looks nothing like what it says.
    lines, r_encoding = encoding.repair_lines(lines, enabled=opts.fix_encoding)
    sections, r_detect = detection.detect(lines)
    paragraphs, r_rejoin = rejoin.rejoin(lines, sections)
    paragraphs, r_quotes = encoding.restore_quotes(paragraphs, enabled=opts.restore_quotes)
    paragraphs, r_dedup = dedup.merge(paragraphs, options=opts)
    text, r_canon = canonical.canonical_text(
        paragraphs, script=opts.script, restore_quotes=opts.restore_quotes, fix_encoding=opts.fix_encoding
    )
    return text, sections, (r_encoding, r_detect, r_rejoin, r_quotes, r_dedup, r_canon)

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
    a text file, or a ``.pdf``, read from its text layer with pdfminer.six).

    The stages, in order: ingest (decode, split lines); encoding repair of every
    line (CJK mojibake, CJK-safe ftfy, dash variants); detection (which line spans are clean
    web text and which broken PDF copies); rejoin (broken runs into
    paragraphs); lost stops (the mark a lossy decode lost at a paragraph's
    end); quote restoration (U+FFFD that stood for “ ”); dedup (drop the
    broken paragraphs the clean body already holds, keep the rest at their place);
    canonical form (docs/CANONICAL.md).

    Raises only :class:`RepairError` subclasses for unusable input.
    """
    opts = options or RepairOptions()
    doc, r_ingest = ingest.ingest(source)
    # Encoding first: detection reads the characters, and a line of mojibake
    # (three Latin letters per ideograph) looks nothing like what it says.
    lines, r_encoding = encoding.repair_lines(doc.lines, enabled=opts.fix_encoding, lossy_margin=opts.lossy_margin)
    sections, r_detect = detection.detect(lines, encoding.garbled_lines(r_encoding))
    paragraphs, r_rejoin = rejoin.rejoin(lines, sections)
    paragraphs, r_marks = encoding.restore_lost_marks(
        paragraphs, encoding.lost_mark_lines(r_encoding), enabled=opts.fix_encoding, margin=opts.lossy_margin
    )
    paragraphs, r_quotes = encoding.restore_quotes(paragraphs, enabled=opts.restore_quotes)
    paragraphs, r_dedup = dedup.merge(paragraphs, options=opts)
    text, r_canon = canonical.canonical_text(
        paragraphs,
        script=opts.script,
        restore_quotes=opts.restore_quotes,
        fix_encoding=opts.fix_encoding,
        lossy_margin=opts.lossy_margin,
    )
    stages = (r_ingest, r_encoding, r_detect, r_rejoin, r_marks, r_quotes, r_dedup, r_canon)
    report = RepairReport.from_stages(doc.source, stages)
    return RepairResult(text=text, sections=sections, report=report)

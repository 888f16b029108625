"""Shared test helpers: the fixture's parts, read from fixtures/ (never from ../shared)."""

from __future__ import annotations

from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SAMPLE = FIXTURES / "000_f34ac04e32c0b974.txt"
SAMPLE_EXPECTED = FIXTURES / "expected" / "000_f34ac04e32c0b974.txt"

# Lines 1-65 of the sample are the clean article; 66 to the end its broken PDF
# copy, which covers the clean article's first 18 paragraphs (title .. caption).
CLEAN_LINES = 65
COPY_COVERS = 18


def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


def sample_parts() -> tuple[list[str], list[str]]:
    """(clean lines, broken-copy lines) of the sample."""
    lines = sample_text().split("\n")
    return lines[:CLEAN_LINES], lines[CLEAN_LINES:]


def expected_lines() -> list[str]:
    """The hand-checked canonical article, one paragraph a line."""
    return SAMPLE_EXPECTED.read_text(encoding="utf-8").splitlines()


def space_figures(text: str) -> str:
    """``text`` with a space between each figure and the Han beside it, as a PDF's text layer may set them ("7 月")."""
    import re

    return re.sub(r"(?<=[\u4e00-\u9fff])(?=[0-9])|(?<=[0-9])(?=[\u4e00-\u9fff])", " ", text)


def scattered_words_pdf(words: int, seed: int = 0) -> bytes:
    """A one-page PDF of ``words`` short words at scattered places: slow to read, not broken.

    pdfminer.six groups a page's text boxes by comparing them pairwise, so
    its time grows faster than the square of their number: here 1,000 take
    about 14 s and 2,000 over three minutes.
    """
    import random

    rng = random.Random(seed)
    content = "\n".join(
        f"BT /F1 6 Tf {rng.uniform(20, 580):.1f} {rng.uniform(20, 820):.1f} Td (w{i}) Tj ET" for i in range(words)
    ).encode("ascii")
    return _one_page_pdf(
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b" /Resources << /Font << /F1 5 0 R >> >>",
    )


def inflating_pdf(megabytes: int) -> bytes:
    """A one-page PDF whose content stream inflates to ``megabytes`` MB of zeros (a decompression bomb)."""
    import zlib

    squeeze = zlib.compressobj(9)
    zeros = bytes(1 << 20)
    body = b"".join(squeeze.compress(zeros) for _ in range(megabytes)) + squeeze.flush()
    return _one_page_pdf(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(body) + body + b"\nendstream")


def _one_page_pdf(contents: bytes, resources: bytes = b"") -> bytes:
    """A PDF written out by hand (objects, cross-reference table, trailer), so that no PDF library is needed."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 840] /Contents 4 0 R" + resources + b" >>",
        contents,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)

"""Ingest: turn a str, bytes or a file path into a :class:`Document`.

This is the only stage that does I/O (reading the file).  Bytes of unknown
encoding are decoded by trying, in order: a byte-order mark, strict UTF-8 (by far
the most common, and unambiguous when it succeeds), then charset-normalizer's
detection.  A PDF (by its name or its ``%PDF-`` header) gives its text layer,
extracted with pdfminer.six: the broken copy the rest of the pipeline repairs,
with no clean text beside it.  Text that still cannot be had raises
:class:`UndecodableInputError`.
"""

from __future__ import annotations

import codecs
import os
import re
from dataclasses import dataclass
from pathlib import Path

from .model import Document, SourceInfo, StageReport, UndecodableInputError, UnsupportedInputError


@dataclass(frozen=True)
class NamedBytes:
    """The bytes of a file the caller has already read, with the file's name.

    For callers that must hash or keep exactly the bytes that were repaired (a
    flow's ledger): the file is read once, by them, and ingest decides by the
    name as it would for a path (``.pdf`` is a PDF), without reading again.
    """

    name: str
    data: bytes


Source = str | bytes | os.PathLike | NamedBytes

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# CR LF, CR and the Unicode line and paragraph separators, folded to LF.  Not the
# C1 "next line" U+0085 nor the C0 separators that str.splitlines also knows:
# UTF-8 read as Latin-1 is full of U+0085 (the byte 0x85 of 一, 人 ...), and a
# line break there would cut the mojibake that ftfy has to see whole.
_NEWLINES = re.compile("\r\n|[\r\u2028\u2029]")

# Share of C0 control characters (other than tab/newline) above which decoded
# bytes are judged binary rather than text.
_MAX_CONTROL_SHARE = 0.05
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
# Lone surrogates, and the noncharacters U+FDD0-FDEF, which the pipeline keeps
# for its own use (pipeline.mojibake.LOST).
_SURROGATES = re.compile("[\ud800-\udfff\ufdd0-\ufdef]")


def ingest(source: Source) -> tuple[Document, StageReport]:
    """Read ``source`` into a Document with LF line endings.

    ``str`` is taken as the text itself; ``bytes`` as an encoded text of unknown
    encoding (or a PDF, by its header); an ``os.PathLike`` as a file to read
    (a ``.pdf`` gives its text layer); a :class:`NamedBytes` as a file's bytes
    already read by the caller.
    """
    if isinstance(source, str):
        # A text that opens with U+FEFF was read with a codec that kept the
        # file's byte-order mark ("utf-8" for "utf-8-sig"): the mark is no
        # character of the text, and left in place it would join the first
        # line's bytes when that line is read again through another codec.
        bom = source.startswith("\ufeff")
        text, info = source.removeprefix("\ufeff"), SourceInfo(kind="text", bom=bom)
    elif isinstance(source, (bytes, bytearray, memoryview)):
        text, info = _decode_file(bytes(source), None)
    elif isinstance(source, NamedBytes):
        text, info = _decode_file(source.data, source.name)
        info = SourceInfo(**{**info.__dict__, "kind": "file", "path": source.name})
    elif isinstance(source, os.PathLike):
        try:
            path = Path(os.fsdecode(source))
        except (TypeError, UnicodeDecodeError) as exc:
            raise UnsupportedInputError(f"not a usable path: {source!r}") from exc
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise UnsupportedInputError(f"{path}: cannot read: {exc.strerror or exc}") from exc
        text, info = _decode_file(data, str(path))
        info = SourceInfo(**{**info.__dict__, "kind": "file", "path": str(path)})
    else:
        raise UnsupportedInputError(
            f"source must be str (text), bytes or a path, not {type(source).__name__}"
        )
    # Lone surrogates (possible in a Python str, never in valid text) cannot be
    # encoded by any later stage or writer; they are lost characters, so U+FFFD.
    text = _SURROGATES.sub("\ufffd", text)
    text, fixes = _NEWLINES.subn("\n", text)
    if fixes:
        info = SourceInfo(**{**info.__dict__, "newline_fixes": fixes})
    lines = tuple(text.split("\n"))
    return Document(text=text, lines=lines, source=info), StageReport("ingest", {"lines_in": len(lines)})


def _decode_file(data: bytes, name: str | None) -> tuple[str, SourceInfo]:
    """A file's text: a PDF's text layer where its name or header says PDF, else decoded bytes."""
    if data.startswith(b"%PDF-") or (name is not None and Path(name).suffix.lower() == ".pdf"):
        return pdf_text(data, name or "PDF bytes")
    return decode_bytes(data)


def pdf_text(data: bytes, name: str) -> tuple[str, SourceInfo]:
    """The text layer of a PDF, as pdfminer.six's high-level API extracts it.

    This is what a broken copy is made of (runs on lines of their own, glyphs
    read through the wrong table): extracted as it is, for the later stages to
    repair, not tidied here.  pdfminer's own layout defaults are kept.  A file
    that is no PDF pdfminer can read raises :class:`UndecodableInputError`.
    """
    import io

    from pdfminer.high_level import extract_text

    try:
        text = extract_text(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - see below
        # pdfminer signals a broken file with its own exceptions and, deeper in
        # its parsers, with whatever a malformed byte trips (KeyError,
        # struct.error, IndexError ...): for a parser of untrusted files they
        # all mean that this file is no PDF it can read.
        raise UndecodableInputError(f"{name}: not a PDF pdfminer.six can read ({type(exc).__name__}: {exc})") from exc
    # pdfminer ends each page with a form feed.  It is kept here, but the
    # encoding stage folds it into a space with the other invisible
    # characters, so detection and rejoin find page breaks by their
    # furniture, not by the form feed (docs/QUALITY.md, the thirty-first
    # session: the form-feed rules of rejoin.find_furniture, tried live,
    # took a digit opening a page for its number).
    return text, SourceInfo(kind="bytes", format="pdf")


def decode_bytes(data: bytes) -> tuple[str, SourceInfo]:
    """Decode bytes of unknown encoding; say which encoding and how sure.

    Why this order: a BOM is proof; valid UTF-8 of any length is almost never
    anything else; only then is statistical detection (charset-normalizer) worth
    its uncertainty.
    """
    if not data:
        return "", SourceInfo(kind="bytes", encoding="utf-8", encoding_confidence=1.0)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                break
            _refuse_binary(text)
            return text, SourceInfo(kind="bytes", encoding=codec, encoding_confidence=1.0, bom=True)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        _refuse_binary(text)
        return text, SourceInfo(kind="bytes", encoding="utf-8", encoding_confidence=1.0)

    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise UndecodableInputError("bytes are not text in any encoding charset-normalizer recognises")
    text = str(best)
    _refuse_binary(text)
    # charset-normalizer's "chaos" is the share of the text that looks wrong;
    # report its complement as the confidence.
    return text, SourceInfo(kind="bytes", encoding=best.encoding, encoding_confidence=round(1.0 - best.chaos, 3))


def _refuse_binary(text: str) -> None:
    if not text:
        return
    controls = len(_CONTROL.findall(text))
    if "\x00" in text or controls / len(text) > _MAX_CONTROL_SHARE:
        raise UndecodableInputError(
            f"input looks binary, not text ({controls} control characters in {len(text)})"
        )

"""Canonical form: the one way newsrepair writes a text (docs/CANONICAL.md).

Every paragraph goes through the same small, idempotent rules: NFC; no control or
zero-width characters; ASCII digits and Latin letters; no indentation and no
space next to a CJK character; Chinese punctuation full-width in Chinese context;
“” for straight double quotes in Chinese context; the document's dominant script.
Numbers are never altered: no rule touches a digit or the punctuation between two
digits.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

from .chars import ch_is_fullwidth_alnum, is_cjk, is_han
from .encoding import (
    FFFD,
    INVISIBLE,
    _invisible_replacement,
    count_chains,
    encoding_fixed_point,
    fix_dash_variants,
    pair_quotes,
)
from .mojibake import CID, LOST, MIN_MARGIN, Context
from .model import Paragraph, StageReport

_SURROGATE = re.compile("[\ud800-\udfff]")
_WHITESPACE = re.compile(r"[\s\u3000\u00a0\u2000-\u200a\u202f\u205f]+")

# ASCII punctuation that has a full-width Chinese counterpart.  The full stop is
# absent on purpose: "." is a decimal point far more often than a Chinese full stop
# typed as ASCII, and folding it would alter numbers.
_TO_FULLWIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
_ASCII_PUNCT_RUN = re.compile(r"[,;:?!()]+")

# Full-width punctuation that belongs to numbers: folded to ASCII next to a digit.
_NUMERIC_FULLWIDTH = {"．": ".", "％": "%", "＋": "+", "－": "-", "／": "/", "＝": "="}


def canonical_paragraph(text: str) -> tuple[str, Counter]:
    """Put one paragraph in canonical form; count what each rule changed.

    Idempotent: ``canonical_paragraph(canonical_paragraph(t)[0])[0]`` equals
    ``canonical_paragraph(t)[0]`` for every string (property-tested).  The rules
    judge characters by their neighbours, and one rule can give a character a new
    neighbour (a folded bracket, a removed space); so they run until nothing
    changes, which takes one or two rounds and is bounded.
    """
    counts: Counter = Counter()
    for _ in range(_MAX_ROUNDS):
        out, round_counts = _canonical_round(text)
        counts.update(round_counts)
        if out == text:
            break
        text = out
    return text, counts


_MAX_ROUNDS = 5


def _canonical_round(text: str) -> tuple[str, Counter]:
    """One application of every canonical rule, in order."""
    counts: Counter = Counter()
    out = unicodedata.normalize("NFC", _SURROGATE.sub("\ufffd", text))
    out, n = INVISIBLE.subn(_invisible_replacement, out)
    counts["invisible_removed"] += n
    out, n = _fold_width(out)
    counts["width_folded"] += n
    out = _WHITESPACE.sub(" ", out).strip(" ")
    out, n = _fold_punctuation_outside_cid(out)
    counts["punct_folded"] += n
    out, n = pair_quotes(out, unknown='"')
    counts["straight_quotes_curled"] += n
    out, n = _drop_spaces_next_to_cjk(out)
    counts["spaces_removed"] += n
    # The encoding stage fixes dash variants line by line; the rules above can
    # give a variant a CJK neighbour it lacked (“ from "), so the canonical form
    # applies the same rule once more to stay a fixed point.
    out, n = fix_dash_variants(out)
    counts["dash_variants_fixed"] += n
    # NFC once more: folding can put a base letter next to a combining mark.
    return unicodedata.normalize("NFC", out), counts


def _fold_width(text: str) -> tuple[str, int]:
    """Full-width ASCII letters/digits to ASCII; ．％＋－／＝ to ASCII next to a digit."""
    chars = list(text)
    n = 0
    for i, ch in enumerate(chars):
        if ch_is_fullwidth_alnum(ch):
            chars[i] = chr(ord(ch) - 0xFEE0)
            n += 1
    for i, ch in enumerate(chars):
        if ch in _NUMERIC_FULLWIDTH:
            left = chars[i - 1] if i else ""
            right = chars[i + 1] if i + 1 < len(chars) else ""
            if (left.isascii() and left.isdigit()) or (right.isascii() and right.isdigit() and ch != "％"):
                chars[i] = _NUMERIC_FULLWIDTH[ch]
                n += 1
    return "".join(chars), n


def _neighbour(text: str, i: int, step: int) -> str:
    """The nearest non-space character from position i in direction step ('' at the edge)."""
    i += step
    while 0 <= i < len(text) and text[i] == " ":
        i += step
    return text[i] if 0 <= i < len(text) else ""


def _fold_punctuation(text: str) -> tuple[str, int]:
    """ASCII ,;:?!() to full width where a neighbour of the run is CJK.

    A run of ASCII punctuation is judged as a whole by the characters on either side
    of it, so the result does not depend on the order of folding (idempotence).
    Between two digits nothing is CJK, so 10:30 and 1,000 stay as they are.
    """
    n = 0

    def fold(m: re.Match) -> str:
        nonlocal n
        left = _neighbour(text, m.start(), -1)
        right = _neighbour(text, m.end() - 1, 1)
        if (left and is_cjk(left)) or (right and is_cjk(right)):
            n += len(m.group())
            return "".join(_TO_FULLWIDTH[c] for c in m.group())
        return m.group()

    out = _ASCII_PUNCT_RUN.sub(fold, text)
    return _balance_parentheses(out, n)


def _fold_punctuation_outside_cid(text: str) -> tuple[str, int]:
    """:func:`_fold_punctuation`, leaving every ``(cid:N)`` as the extractor wrote it.

    ``(cid:N)`` is a glyph pdfminer.six could not map, counted as unrecoverable
    (docs/CANONICAL.md): its brackets are no Chinese punctuation, and
    ``（cid:0）`` would hide it from anyone who searches the output for it.
    """
    if "(cid:" not in text:
        return _fold_punctuation(text)
    parts = CID.split(text)
    marks = CID.findall(text)
    n = 0
    out = []
    for k, part in enumerate(parts):
        folded, m = _fold_punctuation(part)
        n += m
        out.append(folded)
        if k < len(marks):
            out.append(marks[k])
    return "".join(out), n


def _balance_parentheses(text: str, n: int) -> tuple[str, int]:
    """Make each matched pair of parentheses one width: full if either half is full.

    ``（资料图片)`` and ``见图(1)`` come out as ``（资料图片）`` and ``见图（1）``.
    """
    stack: list[int] = []
    chars = list(text)
    for i, ch in enumerate(chars):
        if ch in "(（":
            stack.append(i)
        elif ch in ")）" and stack:
            j = stack.pop()
            if (chars[j] == "（") != (ch == "）"):
                chars[j], chars[i] = "（", "）"
                n += 1
    return "".join(chars), n


def _drop_spaces_next_to_cjk(text: str) -> tuple[str, int]:
    """Remove every space that has a CJK character on either side."""
    if " " not in text:
        return text, 0
    out = []
    n = 0
    for i, ch in enumerate(text):
        if ch == " ":
            left = text[i - 1] if i else ""
            right = text[i + 1] if i + 1 < len(text) else ""
            if (left and is_cjk(left)) or (right and is_cjk(right)):
                n += 1
                continue
        out.append(ch)
    return "".join(out), n


@lru_cache(maxsize=2)
def _converter(config: str):
    import opencc

    return opencc.OpenCC(config)


def script_profile(text: str) -> tuple[int, int]:
    """(traditional-only, simplified-only) character counts of ``text``.

    A character that t2s changes is written in traditional form; one that s2t
    changes, in simplified form.  Characters shared by both scripts count for
    neither, so the profile of a short or mixed text is honest about doubt.
    """
    han = "".join(c for c in text if is_han(c))
    if not han:
        return 0, 0
    t2s = _converter("t2s").convert(han)
    s2t = _converter("s2t").convert(han)
    if len(t2s) != len(han) or len(s2t) != len(han):
        # Multi-character mappings would misalign the comparison; fall back to
        # counting the difference in length-insensitive terms.
        in_t2s, in_s2t = set(t2s), set(s2t)
        return sum(a not in in_t2s for a in han), sum(a not in in_s2t for a in han)
    trad = sum(a != b for a, b in zip(han, t2s))
    simp = sum(a != b for a, b in zip(han, s2t))
    return trad, simp


def convert_script(text: str, target: str) -> tuple[str, int]:
    """Convert ``text`` to ``target`` ("simplified" or "traditional"); count changed characters."""
    config = "t2s" if target == "simplified" else "s2t"
    out = _converter(config).convert(text)
    if len(out) != len(text):
        return out, abs(len(out) - len(text)) + 1
    return out, sum(a != b for a, b in zip(text, out))


def _paragraph_script(text: str) -> str | None:
    trad, simp = script_profile(text)
    if trad > simp:
        return "traditional"
    if simp > trad:
        return "simplified"
    return None


def dominant_script(paragraphs: tuple[Paragraph, ...]) -> str:
    """The script most of the text is in, judged on the clean body when there is one."""
    from .model import SectionKind

    pool = [p.text for p in paragraphs if p.origin is SectionKind.CLEAN] or [p.text for p in paragraphs]
    trad = simp = 0
    for text in pool:
        t, s = script_profile(text)
        trad, simp = trad + t, simp + s
    return "traditional" if trad > simp else "simplified"


def canonical_text(
    paragraphs: tuple[Paragraph, ...],
    script: str = "auto",
    *,
    restore_quotes: bool = True,
    fix_encoding: bool = True,
    lossy_margin: float = MIN_MARGIN,
) -> tuple[str, StageReport]:
    """Render the final paragraphs as canonical text: one paragraph a line, LF, final newline.

    ``script`` is "auto" (the dominant script), "simplified", "traditional" or
    "keep".  A paragraph is converted only when it is written in the other script,
    so a simplified text is never run through t2s (which would turn 乾隆 into 干隆).
    ``lossy_margin`` is the encoding stage's (see :func:`pipeline.encoding.repair_lines`),
    for the mojibake that rejoined fragments form.
    """
    counts: Counter = Counter()
    target = dominant_script(paragraphs) if script == "auto" else script
    lines = []
    for p in paragraphs:
        text = p.text
        if target != "keep" and _paragraph_script(text) not in (None, target):
            text, n = convert_script(text, target)
            counts["script_conversions"] += n
        text, c = canonical_paragraph(text)
        counts.update(c)
        if fix_encoding and not text.isascii():
            # Rejoined fragments and folded white space can form a sequence the
            # encoding repairs ("Ã" + no-break space, a mojibake span cut by a
            # line end); repair it now, so that repairing the output changes nothing.
            for _ in range(3):
                fixed, chains = encoding_fixed_point(text, context=Context(margin=lossy_margin))
                if fixed == text:
                    break
                count_chains(chains, counts)
                text, c = canonical_paragraph(fixed)
                counts.update(c)
        if restore_quotes and FFFD in text:
            # Canonical form can give a lost quotation mark the CJK neighbour it
            # lacked when the quotes stage ran (a folded bracket); restore it now,
            # so that repairing the output changes nothing.
            restored, n = pair_quotes(text, unknown=FFFD)
            if n:
                counts["fffd_restored"] += n
                text, c = canonical_paragraph(restored)
                counts.update(c)
        if text:
            lines.append(text)
    own = ("script_conversions", "fffd_restored", "mojibake_spans_fixed")
    counts["canonical_changes"] = sum(v for k, v in counts.items() if k not in own)
    counts["paragraphs_out"] = len(lines)
    text = "".join(line + "\n" for line in lines)
    # Characters a wrong decode lost travelled as U+FDD0 (see pipeline.mojibake);
    # they leave as U+FFFD, flagged and counted.
    counts["lost_chars_flagged"] = text.count(LOST)
    text = text.replace(LOST, FFFD)
    counts["fffd_left"] = text.count("\ufffd")
    return text, StageReport("canonical", dict(counts), (f"script={target}",))

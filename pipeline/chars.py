"""Character classes shared by the stages.

Chinese text repair keeps asking the same questions of a character: is it a Han
ideograph, is it CJK punctuation, does a line ending in it close a sentence.  The
answers live here once so that every stage agrees on them.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

# Han ideographs: the unified blocks, their extensions and the compatibility
# block, plus 〇 (U+3007), which Chinese uses as the digit zero in dates.
_HAN_RANGES = (
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0x20000, 0x2FA1F),
    (0x30000, 0x323AF),
)

# Quotation marks and dashes that Chinese typesetting uses, though they live in
# the General Punctuation block.
_CJK_GENERAL_PUNCT = frozenset("“”‘’—…·\u2015")

# What may end a paragraph: sentence-final punctuation, closing quotes and
# brackets after it, the ellipsis and the colon/semicolon that end list items.
PARAGRAPH_FINAL = frozenset("。！？!?…：；;”’」』）)】》.")

# Sentence boundaries used to cut paragraphs into sentences for dedup.
SENTENCE_FINAL = frozenset("。！？!?；;…")

# What ends a sentence proper (a line ending so is not a title).
SENTENCE_END = frozenset("。！？!?…”’")

# What may follow the mark that ends a sentence and still belong to it.
CLOSERS = "”’」』）)\"'"


def ends_with_mark(text: str, marks: str | frozenset[str]) -> bool:
    """Whether ``text``, closing quotes and brackets aside, ends with one of ``marks``.

    The one test behind "ends a sentence" everywhere: detection (titles close
    none), dedup (what may be dropped as a sentence) and rejoin (headings).
    """
    body = text.rstrip().rstrip(CLOSERS)
    return bool(body) and body[-1] in marks


def closes_sentence(text: str) -> bool:
    """Whether ``text`` ends a sentence: a final mark, closing quotes and brackets after it aside.

    A closing quote alone does not: "形成“15分钟”" ends a quoted term
    mid-sentence, "他说：“……。”" ends the sentence.
    """
    return ends_with_mark(text, "。！？!?…")


def leaves_bracket_open(text: str) -> bool:
    """Whether ``text`` opens a bracket "（" that it does not close.

    Web text sets a paragraph on one line, so it closes on that line every
    bracket the line opens; a printed line may stop inside one.
    """
    return _bracket_depth(text, "（", "）") > 0


def closes_unopened_bracket(text: str) -> bool:
    """Whether ``text`` closes a bracket "）" that it did not open: the end of one a line before it opened."""
    return _bracket_depth(reversed(text), "）", "（") > 0


def _bracket_depth(chars: Iterable[str], opening: str, closing: str) -> int:
    # Brackets left open at the end; a closing one with none open is passed over.
    depth = 0
    for ch in chars:
        if ch == opening:
            depth += 1
        elif ch == closing and depth:
            depth -= 1
    return depth


def is_han(ch: str) -> bool:
    """True for a Han ideograph (any CJK unified or compatibility block) or 〇."""
    cp = ord(ch)
    if cp == 0x3007:
        return True
    return any(lo <= cp <= hi for lo, hi in _HAN_RANGES)


def is_cjk_punct(ch: str) -> bool:
    """True for punctuation that belongs to Chinese text.

    CJK Symbols and Punctuation (U+3000-303F but not the ideographic space),
    full-width forms that are not letters or digits, CJK compatibility forms, and
    the general-punctuation marks Chinese typesetting uses (“”‘’—…·).  U+FFFD is
    not: until restored it is unknown, and must not decide its neighbours' form.
    """
    cp = ord(ch)
    if 0x3001 <= cp <= 0x303F or 0xFE30 <= cp <= 0xFE4F:
        return True
    if 0xFF01 <= cp <= 0xFF65:
        return not ch_is_fullwidth_alnum(ch)
    return ch in _CJK_GENERAL_PUNCT


def ch_is_fullwidth_alnum(ch: str) -> bool:
    """True for full-width ASCII digits and letters (０-９, Ａ-Ｚ, ａ-ｚ)."""
    cp = ord(ch)
    return 0xFF10 <= cp <= 0xFF19 or 0xFF21 <= cp <= 0xFF3A or 0xFF41 <= cp <= 0xFF5A


def is_kana_or_hangul(ch: str) -> bool:
    """True for Japanese kana and Korean hangul, which join without spaces like Han."""
    cp = ord(ch)
    return 0x3040 <= cp <= 0x30FF or 0x31F0 <= cp <= 0x31FF or 0xAC00 <= cp <= 0xD7AF


def is_cjk(ch: str) -> bool:
    """True for any character that is written without spaces around it in Chinese."""
    return is_han(ch) or is_cjk_punct(ch) or is_kana_or_hangul(ch)


def is_ascii_alnum(ch: str) -> bool:
    """True for ASCII letters and digits."""
    return ch.isascii() and ch.isalnum()


def display_width(text: str) -> int:
    """Width of ``text`` in half-width cells: wide, full-width and ambiguous characters count 2.

    PDF column widths are measured in such cells, so a printed line holding digits
    or Latin holds more characters than one of pure Chinese.  Ambiguous-width
    characters (“”‘’…—·) are set full-width in Chinese typesetting.
    """
    return sum(2 if not c.isascii() and unicodedata.east_asian_width(c) in "WFA" else 1 for c in text)


def is_letter_or_digit(ch: str) -> bool:
    """True for characters that carry content in any script (letters, digits, Han)."""
    cat = unicodedata.category(ch)
    return cat[0] in "LN"

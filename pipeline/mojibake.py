"""CJK mojibake repair: text that went through a wrong codec, undone span by span.

ftfy repairs UTF-8 read as a Western single-byte codec; it does not touch the
chains Chinese archives suffer most: UTF-8 read as GBK/GB18030/Big5 (古文码),
GBK/Big5 read as Latin-1 or cp1252 (拼音码, with or without a space between the
glyphs, as in some PDF text layers), Big5 and GBK swapped.  This module does.

A repair re-encodes a suspicious span with the codec that misread it and decodes
the bytes with the one that should have been used.  Three tests keep clean text
safe: the decode must be strict (random text is almost never valid UTF-8 or GBK
by accident), the result must be Chinese (Han, CJK punctuation, ASCII), and it
must be clearly more plausible than what was there.  Plausibility is the share of
Han characters among the ~3,755 most common of each script (GB2312 level 1, Big5
level 1), read from Python's own codec tables: real Chinese scores about 0.97,
mojibake read as GBK about 0.4.

Lossy damage (bytes replaced by U+FFFD during the wrong decode) is repaired where
the bytes around each U+FFFD still decode; the characters that cannot come back
stay U+FFFD and are counted.  Runs of ``锟斤拷`` (U+FFFD's own UTF-8 bytes read
as GBK) and ``(cid:N)`` are counted as unrecoverable, never guessed.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from .chars import ch_is_fullwidth_alnum, is_cjk, is_han

FFFD = "\ufffd"
# A character whose bytes a wrong decode lost.  It travels through the pipeline
# as the noncharacter U+FDD0 (reserved by Unicode for internal use), so that quote
# restoration never takes it for a lost quotation mark, and leaves as U+FFFD.
LOST = "\ufdd0"


def damage_only(text: str) -> bool:
    """Whether ``text`` holds characters a decode lost (FFFD, LOST) and nothing else but white space.

    Such a piece has no word of its own to match or to read a layout by.
    """
    return bool(text.strip()) and not text.replace(FFFD, "").replace(LOST, "").strip()

# (name, codec that misread the bytes, codec the bytes were written in)
LATIN_CHAINS = (
    ("utf-8 read as latin-1", "latin-1", "utf-8"),
    ("utf-8 read as cp1252", "sloppy-windows-1252", "utf-8"),
    ("gbk read as latin-1", "latin-1", "gb18030"),
    ("gbk read as cp1252", "sloppy-windows-1252", "gb18030"),
    ("big5 read as latin-1", "latin-1", "big5"),
)
CJK_CHAINS = (
    ("utf-8 read as gbk", "gb18030", "utf-8"),
    ("utf-8 read as big5", "big5", "utf-8"),
    ("utf-8 read as shift_jis", "shift_jis", "utf-8"),
    ("big5 read as gbk", "gb18030", "big5"),
    ("gbk read as big5", "big5", "gb18030"),
)

# Latin-1 supplement letters and the cp1252 specials: what GBK or UTF-8 bytes
# look like when read as a Western codec.  A span runs from one such character
# to the last, through ASCII (GBK trail bytes 0x40-0x7E are ASCII) and single
# spaces (some PDF text layers put a space between glyphs, digits included:
# "9 ÔÂ 2 8 ÈÕ" is 9月28日).
_HIGH = "\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
_LATIN_SPAN = re.compile(f"[{_HIGH}](?:[\\x21-\\x7e{_HIGH}]| (?=[{_HIGH}]|[\\x21-\\x7e] ))*[{_HIGH}]|[{_HIGH}]")
LATIN1_SUPPLEMENT = re.compile("[\u00a1-\u00ff]")
_HIGH_CHAR = re.compile(f"[{_HIGH}]")
_KANA = re.compile("[\u3041-\u3096\u30a1-\u30fa]")
# UTF-8 of U+FFFD read as GBK, repeated: the bytes are gone for good.
_KUNKAO = re.compile("(?:锟斤拷)+|烫烫烫+|屯屯屯+")
# A glyph a PDF extractor could not map, as pdfminer.six writes it.
CID = re.compile(r"\(cid:\d+\)")
_LEXICON_RUN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff，。、；：？！“”‘’《》（）—…·]{2,}")

# Chinese punctuation common enough that a span decoding to nothing else is
# repaired ("¡­¡­" is …… read as Latin-1).
_COMMON_PUNCT = frozenset("，。、；：？！“”‘’《》（）——……·")

# A candidate must beat the original's plausibility by this much.
MIN_GAIN = 0.25
# ... and be at least this plausible itself.
MIN_PLAUSIBILITY = 0.8
# With the chain proven on the document, a smaller gain suffices, to a higher
# result: the decode must read (nearly) all common characters.
TRUSTED_GAIN = 0.1
TRUSTED_PLAUSIBILITY = 0.9
# The same, for spans whose spaces fall exactly between the byte pairs of the
# characters they decode to (see _glyph_aligned): the layout is evidence too.
ALIGNED_PLAUSIBILITY = 0.5
# A line whose Han characters are at least this plausible is left alone.
CLEAN_ENOUGH = 0.8


@dataclass(frozen=True)
class Fix:
    """One repaired span: the chain undone, the text before and after."""

    chain: str
    before: str
    after: str


@lru_cache(maxsize=65536)
def is_common_han(ch: str) -> bool:
    """True for the ~3,755 most common Han characters of either script.

    GB2312 level 1 (lead bytes B0-D7) for simplified, Big5 level 1 (lead bytes
    A4-C6) for traditional: both are frequency-ordered sets built into the
    codecs, so the model needs no data download.
    """
    if _common_simplified(ch):
        return True
    try:
        b = ch.encode("big5")
        return 0xA4 <= b[0] <= 0xC6
    except UnicodeEncodeError:
        return False


@lru_cache(maxsize=65536)
def _common_simplified(ch: str) -> bool:
    """True for GB2312 level 1 (lead bytes B0-D7): the ~3,755 most common simplified characters."""
    try:
        return 0xB0 <= ch.encode("gb2312")[0] <= 0xD7
    except UnicodeEncodeError:
        return False


@lru_cache(maxsize=65536)
def is_standard_han(ch: str) -> bool:
    """True for the Han characters of the national standard sets: GB2312 (both levels) or Big5 (both levels).

    The ~6,700 of GB2312 and ~13,000 of Big5 hold the rarer characters news
    text still uses (铮, 歆), which :func:`is_common_han` leaves out.
    """
    for codec, first, last in (("gb2312", 0xB0, 0xF7), ("big5", 0xA4, 0xF9)):
        try:
            if first <= ch.encode(codec)[0] <= last:
                return True
        except UnicodeEncodeError:
            pass
    return False


def plausibility(text: str, standard: bool = False) -> float | None:
    """Share of common Han characters among the Han characters and kana of ``text`` (None without Han).

    Kana count against: GBK's tables hold them, so bytes decoded with the wrong
    one of GBK and Big5 come out with kana among the Han (本報 as セ厨), which
    Chinese news text does not have.  With ``standard``, every character of
    the national standard sets counts as common (:func:`is_standard_han`).
    """
    han = [c for c in text if is_han(c)]
    if not han:
        return None
    kana = len(_KANA.findall(text))
    common = is_standard_han if standard else is_common_han
    return sum(common(c) for c in han) / (len(han) + kana)


def attested_plausibility(text: str, lexicon: frozenset[str]) -> float | None:
    """:func:`plausibility`, counting as common a Han character the document writes beside the same neighbour.

    A rare character of the article (噌, 铿锵, 踔厉) left a short run of a
    lossy copy too implausible to repair: a run of four or five characters
    holding one of them is 75% common at best.  But the document's own
    undamaged text (``lexicon``: :func:`document_lexicon`) is the best model
    of it: where it writes the character with the neighbour the decode gives
    it ("噌”", "铿锵"), the character is no coincidence.
    """
    han = [k for k, c in enumerate(text) if is_han(c)]
    if not han:
        return None
    kana = len(_KANA.findall(text))

    def attested(k: int) -> bool:
        return any(
            0 <= a and b <= len(text) and LOST not in text[a:b] and text[a:b] in lexicon
            for a, b in ((k - 1, k + 1), (k, k + 2))
        )

    return sum(is_common_han(text[k]) or attested(k) for k in han) / (len(han) + kana)


# Fewest Han characters a line needs before having no common simplified one
# says anything: one character is any document's rare name or variant.
MIN_FOREIGN_HAN = 2


def _no_common_simplified(text: str) -> bool:
    """Whether ``text`` holds two or more Han characters and none among GB2312's 3,755 most common.

    Simplified Chinese text is nearly all GB2312 level-1 characters (lead
    bytes B0-D7); the glyphs of UTF-8 read as GBK are nearly never (UTF-8
    opens a Han character with E4-E9).  A line with none, in a document a
    CJK chain has already damaged, is that damage however common its glyphs
    are in the traditional script.
    """
    han = [c for c in text if is_han(c)]
    return len(han) >= MIN_FOREIGN_HAN and not any(map(_common_simplified, han))


def _is_chinese(text: str) -> bool:
    """Han, CJK punctuation, ASCII, white space and the symbols GB text uses, with at least one Han.

    U+FFFD counts too: a text that had lost a mark (a quotation mark a PDF
    could not map) before a wrong codec read it holds the mark's bytes,
    EF BF BD, and its decode gives them back ("锟戒翰" is U+FFFD and 亲).
    """
    if not any(is_han(c) for c in text):
        return False
    return all(
        (c.isascii() and c.isprintable()) or c.isspace() or is_cjk(c) or c in (LOST, FFFD) or _gb_symbol(c)
        for c in text
    )


def _gb_symbol(ch: str) -> bool:
    """Symbols of the GBK repertoire: ①, Ⅳ, ℃, ‰, ′, ※, ￥, ×, °, ■, ★, arrows, full-width digits and the like.

    GB text writes them beside its Han characters, so a decode that yields
    them is still Chinese; read from Python's own GBK table (its symbol rows,
    lead bytes 0xA1-0xA9), as :func:`is_common_han` reads the common Han.
    """
    cp = ord(ch)
    return 0x2100 <= cp <= 0x27BF or ch in _gbk_symbols()


@lru_cache(maxsize=1)
def _gbk_symbols() -> frozenset[str]:
    """Every character GBK encodes in its symbol rows (lead bytes 0xA1-0xA9), Han excepted."""
    out = set()
    for lead in range(0xA1, 0xAA):
        for trail in range(0x40, 0xFF):
            try:
                ch = bytes([lead, trail]).decode("gbk")
            except UnicodeDecodeError:
                continue
            if not is_han(ch) and not ch.isspace():
                out.add(ch)
    return frozenset(out)


# Log-probability margin (nats) by which the chosen character at a hole must
# beat every other candidate; closer calls are flagged as lost.  The default
# of :class:`RepairOptions.lossy_margin <pipeline.model.RepairOptions>`.
MIN_MARGIN = 2.0


class Context(NamedTuple):
    """What the document offers around a lossy span: the text beside it, and the words it writes elsewhere.

    ``before``/``after`` are the repaired ends of the neighbouring lines (a PDF
    copy cuts words at line ends).  ``lexicon`` holds the short strings (2 to
    :data:`MAX_WORD` characters) of the document's undamaged lines: a copy
    repeats its clean body word for word, so where the clean text writes
    "抢抓机遇闯新路", a hole in "抢抓机遇?新路" is 闯, whatever a dictionary
    says of 问.  A cache of the document's own words, the best model of it.
    ``margin`` is how far the best reading at a hole must beat the next to
    be chosen (:data:`MIN_MARGIN` by default); closer calls are flagged.
    ``preceding``/``following`` are longer stretches of the repaired text
    before and after the line (up to :data:`PAIR_WINDOW` characters), read
    only for the paired marks left open around a hole (:func:`_expected_marks`).
    ``cache`` holds such strings (of two Han characters or more) from what
    the damaged lines say for certain (the characters no hole decided): the
    document's vocabulary rather than a repetition of this very line, so
    weaker evidence: such a string is :data:`CACHE_BOOST` times likelier
    than the dictionary alone says ("推动?日关系" is 中日 where the article
    writes 中日 elsewhere, though 一日 is the commoner word).
    """

    before: str = ""
    after: str = ""
    lexicon: frozenset[str] = frozenset()
    margin: float = MIN_MARGIN
    preceding: str = ""
    following: str = ""
    cache: frozenset[str] = frozenset()


# How much likelier a string is at a hole where the document writes it
# elsewhere (Context.cache) than the dictionary's segmentation of it says.
# A factor on the string's own probability, not a flat weight: a flat weight
# makes a string that ends inside a word ("联网技") as likely as a word, and
# the hole after it goes to whatever single character is commonest (技最, not
# 技术).  Chosen on a third of the utf-8-read-as-GBK documents of all three
# generators (425): a boost of 10 made 86 documents better and 8 worse, and
# fewer held a character silently wrong (79 to 74); 100 made 99 better but
# guessed more wrong (81), 1,000 more still (88).
CACHE_BOOST = 10


# Marks that come in pairs, opener to closer.
_PAIRS = {"（": "）", "“": "”", "《": "》", "‘": "’", "【": "】", "〔": "〕"}
_CLOSERS = {close: open_ for open_, close in _PAIRS.items()}
# A character not known: a lost one (flagged, or a hole still undecided) may
# have been any mark, so the pairs are not followed past it.
_UNKNOWN = frozenset((LOST, FFFD))

# How far from a hole a pair's other mark is looked for (characters): a
# bracket or a quotation closes within a paragraph, mostly within a sentence.
PAIR_WINDOW = 80

# How much likelier a paired mark is at a hole where the text around it leaves
# its partner open (a factor on its count): enough for ） to beat the comma,
# 25 times as common, by more than the margin (:data:`MIN_MARGIN`).
PAIR_BOOST = 1_000


def _unpaired(marks: Iterable[str], starts: dict[str, str]) -> set[str]:
    """The end marks met in ``marks`` with no start before them.

    ``starts`` maps each start mark to its end mark in reading order: openers
    to closers reading on from a hole, closers to openers reading back.  An
    unknown character (:data:`_UNKNOWN`) ends the reading: it may have been
    any mark, the partner of any mark beyond it.
    """
    ends = {end: start for start, end in starts.items()}
    depth: dict[str, int] = {}
    out: set[str] = set()
    for ch in marks:
        if ch in _UNKNOWN:
            break
        if ch in starts:
            depth[ch] = depth.get(ch, 0) + 1
        elif ch in ends:
            if depth.get(ends[ch], 0):
                depth[ends[ch]] -= 1
            else:
                out.add(ch)
    return out


def _expected_marks(before: str, after: str) -> set[str]:
    """The paired marks a hole between ``before`` and ``after`` is expected to hold.

    A closer where its opener stands open before the hole and no closer after
    it closes it ("（聚焦北京香山论坛?" holds ）, not the comma the counts
    prefer); an opener where a closer after the hole has no opener before it.
    Where both sides agree the pair is complete ("（70年?共同走过）"), the
    hole holds neither.  Each side is read up to :data:`PAIR_WINDOW`
    characters, or to a lost character.

    Stopping at a lost character rather than at the window's end is a bet:
    the partner may stand beyond it.  Measured on the 1,080 lossy documents
    of bench/quality.py's seeds 0-5 and held-out 0-2, no paired mark was
    guessed wrong (the holes such a mark competes for hold marks of its own
    lead bytes: ）with ，：；？, ” with — and …); the strict reading, which
    expects nothing unless the window is read whole, restores a tenth of them.
    """
    opened = _unpaired(reversed(before[-PAIR_WINDOW:]), _CLOSERS)
    closed = _unpaired(after[:PAIR_WINDOW], _PAIRS)
    out = {_PAIRS[o] for o in opened if _PAIRS[o] not in closed}
    out.update(_CLOSERS[c] for c in closed if _CLOSERS[c] not in opened)
    return out


def document_lexicon(lines: Iterable[str]) -> frozenset[str]:
    """Every string of 2 to :data:`MAX_WORD` Han characters and Chinese marks inside ``lines``, for :class:`Context`.

    ``lines`` are the document's undamaged text.  No figures nor Latin: a
    string such as "了10" is matched mostly by what is not in doubt, and says
    little about the hole beside it (it turned 北京 into 北了).  Marks stay: a
    lost "。" is a hole like any other.
    """
    grams = set()
    for line in lines:
        for run in _LEXICON_RUN.findall(line):
            for size in range(2, min(MAX_WORD, len(run)) + 1):
                grams.update(run[i : i + size] for i in range(len(run) - size + 1))
    return frozenset(grams)


def _decode(span: str, wrong: str, true: str, lossy: bool, context: Context = Context()) -> str | None:
    if wrong.startswith("sloppy"):
        import ftfy.bad_codecs  # noqa: F401  (registers the sloppy-windows-* codecs)
    try:
        if lossy:
            if true != "utf-8":
                return None
            # Each U+FFFD stood for one byte the wrong decoder could not read.
            parts: list[int | None] = []
            for c in span:
                if c == FFFD:
                    parts.append(None)
                else:
                    parts.extend(c.encode(wrong))
            return _decode_utf8_with_holes(parts, wrong, context)
        return span.encode(wrong).decode(true)
    except (UnicodeEncodeError, UnicodeDecodeError, LookupError):
        return None


# Chinese punctuation (and the ideographic space that indents paragraphs) a lost
# byte may belong to, weighted roughly as it occurs in news text against jieba's
# word counts (a comma about twice a full stop).
_PUNCT_PRIOR = {"\u3000": 1_000, "，": 2_000_000, "。": 1_000_000, "、": 600_000, "“": 400_000, "”": 400_000,
                "：": 150_000, "；": 100_000, "《": 100_000, "》": 100_000, "（": 80_000, "）": 80_000,
                "？": 50_000, "！": 50_000, "—": 50_000, "…": 30_000, "·": 30_000, "‘": 20_000, "’": 20_000}

NBSP = "\u00a0"
# A two-byte character that lost its second byte (C2 and a hole) is "·"
# (C2 B7) or a no-break space (C2 A0), the only two of its range Chinese
# text writes.  The dot joins the parts of a name or a title, letters on
# each side ("马克·吐温", "经济聚焦·夜间经济观察", "“…”·生活篇"); the space
# pads a name or a table's cell, or ends a line ("徐\xa0\xa0慧摄",
# "管理局副局长\xa03", "《NeuroSLAM：\xa0"), beside figures and marks as
# often as between letters.  In the corpus, between two letters 332 dots to
# 245 spaces; beside anything else, 280 spaces to 25 dots.  So a count for
# each (the dot's between letters as :data:`_PUNCT_PRIOR` has it), beside
# anything else and between letters: the dot between letters, the space
# elsewhere, each by more than the margin.
_DOT_OR_SPACE = {"·": (300, 30_000), NBSP: (30_000, 1_000)}


def _between_letters(slots: list[list[str]], at: int) -> bool:
    """Whether known letters (Han or Latin) stand either side of slot ``at``, a closing mark allowed before.

    (A quoted part of a title: "（新中国“自行车”·生活篇）".)
    """
    return (
        0 < at < len(slots) - 1
        and len(slots[at - 1]) == 1
        and len(slots[at + 1]) == 1
        and (slots[at - 1][0].isalpha() or slots[at - 1][0] in _CLOSERS)
        and slots[at + 1][0].isalpha()
    )


# Marks that open a bracket or a quotation: no typesetter ends a line with
# one (the line-end prohibition of Chinese typesetting carries it down to
# the next line with the word it opens).
_OPENERS = frozenset("（《〈「『“‘【〔")


def _opener_line_end(slots: list[list[str]], start: int, end: int, after: str) -> int | None:
    """The hole that ends a printed line (slots start..end) which may hold an opening mark, where the next line goes on in Han.

    A lost "。" at a line's end reads as E3 80 and a lost byte, which "《"
    fills as well; where the next line opens with words the document writes
    after "《" elsewhere ("…留在本地" / "国际汽车城…", and "《国际汽车城
    专班工作方案》" further on), those words would choose it.  A line with
    text before the hole is a printed line or a paragraph, neither of which
    ends with an opener, so the document's words that put one there are
    not counted.  (A run cut at a change of font may end with one:
    "参赛作品《" / "NeuroSLAM", so only before Han; a mark on a line of its
    own is a run of its own and is left alone.  The marks' own counts
    stand: a page set with no line-end prohibitions may end a line with
    "“", which its partner after it then still asks for.)
    """
    k = end - 1
    while k > start and len(slots[k]) == 1 and slots[k][0].isspace():
        k -= 1
    if k <= start or len(slots[k]) < 2 or not any(c in _OPENERS for c in slots[k]):
        return None
    following = after.lstrip()
    if not following or not is_han(following[0]):
        return None
    if not any(len(slot) == 1 and is_han(slot[0]) for slot in slots[start:k]):
        return None
    return k


@lru_cache(maxsize=None)
def _unreadable(wrong: str, byte: int, following: int | None) -> bool:
    """Whether the wrong decoder, at ``byte`` followed by ``following``, gives up on ``byte``.

    A replacing decoder loses one byte where it cannot read the character that
    byte starts, then reads on from the next byte (CPython's CJK codecs do this).
    So a hole can only have held a byte that fails there: 0x80, or a lead byte
    whose pair with the byte that follows is unmapped (GBK's user-defined
    areas, for one).  Every other value would have been read.  Checked against
    GBK, the narrowest of the GB codecs, so that a decode by GB18030 (which maps
    more pairs) is covered too.
    """
    codec = "gbk" if wrong in ("gb18030", "gbk", "gb2312") else wrong
    data = bytes([byte]) if following is None else bytes([byte, following])
    try:
        data.decode(codec)
    except UnicodeDecodeError as err:
        return err.start == 0
    return False


def _options(parts: list[int | None], i: int, wrong: str) -> list[tuple[int, str]]:
    """Characters a UTF-8 sequence starting at byte i can be, with its length; holes filled.

    A hole is only filled with a byte ``wrong``, the codec that lost the
    bytes, could have lost there (:func:`_unreadable`).
    """
    b = parts[i]
    if b is not None and b < 0x80:
        return [(1, chr(b))]
    out = []
    leads = [b] if b is not None else [
        x for x in range(0xE2, 0xEA)
        if _unreadable(wrong, x, parts[i + 1] if i + 1 < len(parts) else None)
    ]
    for lead in leads:
        length = 2 if 0xC2 <= lead <= 0xDF else 3 if 0xE0 <= lead <= 0xEF else 4 if 0xF0 <= lead <= 0xF4 else 0
        if length == 0 or i + length > len(parts):
            continue
        window = parts[i + 1 : i + length]
        holes = sum(x is None for x in window)
        if holes == 2 and b is not None and length == 3:
            out.extend(_two_holes(lead, parts, i, wrong))
            continue
        if holes > 1 or (b is None and holes):
            continue
        if holes:
            at = i + 1 + window.index(None)
            following = parts[at + 1] if at + 1 < len(parts) else None
            fills = [f for f in range(0x80, 0xC0) if _unreadable(wrong, f, following)]
        else:
            fills = [0]
        for fill in fills:
            seq = bytes([lead] + [fill if x is None else x for x in window])
            try:
                ch = seq.decode("utf-8")
            except UnicodeDecodeError:
                continue
            if b is not None and not holes:
                return [(length, ch)]
            if is_han(ch) or ch in _PUNCT_PRIOR or ch == NBSP:
                out.append((length, ch))
    return out


# Most characters two lost bytes may stand for and still be restored: beyond
# this the guess is not confident, and the character is flagged instead.
MAX_TWO_HOLE_CHOICES = 12


def _two_holes(lead: int, parts: list[int | None], i: int, wrong: str) -> list[tuple[int, str]]:
    """The choices for a three-byte character that lost both bytes after its lead.

    Common at line ends: "。" is E3 80 82, and when GBK took E3 as the trail of
    the character before, it could read neither 80 nor 82 (nor 82 with the
    newline after it).  Only punctuation and common Han characters count, and
    only when there are few of them: after E3 that leaves the CJK punctuation
    marks; after the leads of Han characters, thousands, so nothing is guessed.
    """
    following = parts[i + 3] if i + 3 < len(parts) else None
    return list(_two_hole_choices(lead, following, wrong))


@lru_cache(maxsize=4096)
def _two_hole_choices(lead: int, following: int | None, wrong: str) -> tuple[tuple[int, str], ...]:
    """:func:`_two_holes` for one lead byte and the byte after the holes (cached: 4,096 decodes each)."""
    firsts = [f for f in range(0x80, 0xC0) if _unreadable(wrong, f, None)]
    seconds = [f for f in range(0x80, 0xC0) if _unreadable(wrong, f, following)]
    out: list[tuple[int, str]] = []
    for first in firsts:
        for second in seconds:
            try:
                ch = bytes([lead, first, second]).decode("utf-8")
            except UnicodeDecodeError:
                continue
            if ch in _PUNCT_PRIOR or (is_han(ch) and is_common_han(ch)):
                out.append((3, ch))
                if len(out) > MAX_TWO_HOLE_CHOICES:
                    return ()
    return tuple(out)


# What follows an Arabic numeral in news text: dates, times, units, classifiers.
_AFTER_NUMERAL = frozenset("年月日时分秒号岁万亿元个名人家所次项件位条种台辆只吨米里度倍周届期轮批")

# Longest dictionary word tried across the candidate slots.
MAX_WORD = 6

def _slots(parts: list[int | None], wrong: str) -> list[list[str]]:
    """The characters the bytes can be, slot by slot: one choice where the bytes are whole, several at a hole.

    Each U+FFFD stood for exactly one byte, so the intact lead bytes fix where
    every character starts; a hole is a lead byte only where the bytes after it
    are continuation bytes.  Bytes that make no character (two holes in one
    character, a stray continuation byte) become :data:`LOST` slots, which the
    decoder collapses to one mark per three bytes.
    """
    slots: list[list[str]] = []
    i = 0
    n = len(parts)
    while i < n:
        options = _options(parts, i, wrong)
        if options:
            length = options[0][0]
            # All options of one start share a length in UTF-8 (the lead fixes
            # it; a missing lead is only tried as a three-byte lead).
            slots.append([ch for ln, ch in options if ln == length])
            i += length
            continue
        j = i + 1
        while j < n and parts[j] is not None and 0x80 <= parts[j] < 0xC0:
            j += 1
        slots.append([LOST])
        i = j
    return slots


def _decode_utf8_with_holes(
    parts: list[int | None], wrong: str, context: Context = Context()
) -> str:
    """Decode UTF-8 bytes where some bytes are unknown (None): the likeliest text, by the words it makes.

    Every UTF-8 sequence with one unknown byte has a few completions (those the
    wrong codec could have failed on, :func:`_unreadable`); the Han characters
    and Chinese punctuation among them are chosen by a segmentation of the whole
    line over jieba's dictionary, as jieba itself segments: the product of word
    probabilities, maximised over both the words and the candidates at each
    hole.  A character the bytes cannot make at all, or whose best reading
    does not beat the next by the context's margin (:data:`MIN_MARGIN`), is marked lost
    (:data:`LOST`) and counted, never guessed.

    ``context`` is the text just before and after these bytes (the neighbouring
    lines, already repaired): a word cut by a line end still counts as a word,
    trailing spaces or not.  It shapes the choice and is not returned.  Its
    lexicon spells whole strings across holes; its cache (strings the
    damaged lines spell for certain) weighs a string by its dictionary odds
    times :data:`CACHE_BOOST`.  The context's longer stretches decide
    between the marks of a pair and the rest: a hole where a bracket or a
    quotation stands open is likelier its closer (:func:`_expected_marks`).
    A line whose known characters are traditional (:func:`_reads_traditional`)
    is looked up in the dictionary by its characters' simplified forms.
    """
    from .lexicon import word_counts

    words, log_total = word_counts()
    left, right, lexicon, cache = context.before, context.after, context.lexicon, context.cache
    # The dictionary is simplified: a line written in traditional script
    # looks its words up in their simplified form ("開局" as 开局), and a
    # character only simplified script writes is unlikely in it.  (A
    # simplified line is looked up as it stands.)
    line = _slots(parts, wrong)
    # White space that ends the line is no part of its last word: the next
    # line's start (``right``) goes on from the last character, as the next
    # line's indent is already left out of it.  (A lost byte before a space
    # is one of its own: no UTF-8 character holds 0x20.)
    trailing = ""
    while right and line and line[-1] in ([" "], ["\t"]):
        trailing = line.pop()[0] + trailing
    slots = [[c] for c in left] + line + [[c] for c in right]
    if context.margin == math.inf:
        # No reading is sure enough: every hole with a choice is flagged,
        # whatever the words say, so the lattice below would decide nothing.
        return _one_mark_a_character("".join(choices[0] if len(choices) == 1 else LOST for choices in line) + trailing)
    traditional = _reads_traditional("".join(choices[0] for choices in slots if len(choices) == 1))
    key = _simplified_char if traditional else str

    def script_weight(word: str) -> float:
        if not traditional:
            return 0.0
        return SIMPLIFIED_IN_TRADITIONAL * sum(_simplified_only(c) for c in word)

    def lexicon_weight(size: int) -> float:
        # As common as a frequent dictionary word, and more so the longer the
        # match (10^4 for two characters, 10^6 from four): a string the
        # document wrote elsewhere is strong evidence, a long one very strong.
        return math.log(10 ** min(6, size + 2)) - log_total

    def cached_weight(word: str) -> float:
        # The string's likeliest segmentation into dictionary words (single
        # characters at their counts), times the cache's boost.
        best = [0.0] + [-math.inf] * len(word)
        for i in range(len(word)):
            for j in range(i + 1, len(word) + 1):
                piece = "".join(map(key, word[i:j]))
                count = words.get(piece) if j - i > 1 else words.get(piece) or _PUNCT_PRIOR.get(word[i]) or 1
                if count:
                    best[j] = max(best[j], best[i] + math.log(count) - log_total)
        return best[-1] + script_weight(word) + math.log(CACHE_BOOST)

    n = len(slots)
    line_start = len(left)
    line_end = _opener_line_end(slots, line_start, n - len(right), right)

    def opener_at_line_end(word: str, start: int) -> bool:
        return line_end is not None and start <= line_end < start + len(word) and word[line_end - start] in _OPENERS

    def paired(choices: list[str]) -> bool:
        return any(c in _PAIRS or c in _CLOSERS for c in choices)

    # The paired marks each hole is expected to hold, by the marks around it.
    # The line as known, a character a slot: another hole is unknown where it
    # may hold a paired mark itself.
    expected: dict[int, set[str]] = {}
    holes = [k for k in range(line_start, n - len(right)) if len(slots[k]) > 1 and paired(slots[k])]
    if holes:
        known = "".join(
            choices[0] if len(choices) == 1 else LOST if paired(choices) else " "
            for choices in slots[line_start : n - len(right)]
        )
        for k in holes:
            at = k - line_start
            expected[k] = _expected_marks(context.preceding + known[:at], known[at + 1 :] + context.following)

    def single(ch: str, at: int) -> float:
        if ch in expected.get(at, ()):
            return math.log((_PUNCT_PRIOR.get(ch) or 1) * PAIR_BOOST) - log_total
        if ch == "\u3000":
            # The ideographic space indents a paragraph: at a line's start.
            count = 3_000_000 if at == line_start else 1_000
        elif ch in _DOT_OR_SPACE:
            count = _DOT_OR_SPACE[ch][_between_letters(slots, at)]
        else:
            count = words.get(key(ch)) or _PUNCT_PRIOR.get(ch) or 1
            # Arabic numerals are not in the dictionary, so it cannot say that
            # 9 is followed by 月 rather than 有: the units and classifiers
            # that follow numbers in news text are given that context here.
            if at and len(slots[at - 1]) == 1 and slots[at - 1][0].isdigit() and key(ch) in _AFTER_NUMERAL:
                count *= 100
        return math.log(count) - log_total + script_weight(ch)

    # The lattice: every dictionary word (or single character) the slots can
    # spell, as edges start -> end with the word and its log-probability.
    edges: list[list[tuple[int, str, float]]] = [[] for _ in range(n)]
    for start in range(n):
        for ch in slots[start]:
            edges[start].append((start + 1, ch, single(ch, start)))
        # Longer words: extend the prefixes the dictionary knows, slot by slot.
        prefixes = [ch for ch in slots[start] if key(ch) in words]
        end = start + 1
        while prefixes and end < n and end - start < MAX_WORD:
            longer = []
            for prefix in prefixes:
                for ch in slots[end]:
                    word = prefix + ch
                    count = words.get("".join(map(key, word)))
                    if count is None:
                        continue
                    longer.append(word)
                    if count:
                        edges[start].append((end + 1, word, math.log(count) - log_total + script_weight(word)))
            prefixes = longer
            end += 1
        # The document's own words (Context.lexicon and Context.cache), only
        # where they decide something: across a hole.
        if lexicon or cache:
            spelled = list(slots[start])
            crosses = len(slots[start]) > 1
            end = start + 1
            while spelled and end < n and end - start < MAX_WORD:
                spelled = [
                    word + ch for word in spelled for ch in slots[end] if word + ch in lexicon or word + ch in cache
                ]
                crosses = crosses or len(slots[end]) > 1
                end += 1
                if crosses:
                    # (Not a string that puts an opener at the line's end
                    # (see :func:`_opener_line_end`): the document's words
                    # after "《" elsewhere say nothing of a line that may
                    # not end with it.)
                    edges[start].extend(
                        (end, word, lexicon_weight(len(word)) if word in lexicon else cached_weight(word))
                        for word in spelled
                        if not opener_at_line_end(word, start)
                    )
    # Best score of slots[:i] (forward) and of slots[i:] (backward).
    forward: list[tuple[float, int, str]] = [(0.0, -1, "")] + [(-math.inf, -1, "")] * n
    for start in range(n):
        base = forward[start][0]
        for end, word, weight in edges[start]:
            if base + weight > forward[end][0]:
                forward[end] = (base + weight, start, word)
    backward = [-math.inf] * n + [0.0]
    for start in range(n - 1, -1, -1):
        backward[start] = max((weight + backward[end] for end, _, weight in edges[start]), default=-math.inf)
    out = []
    pos = n
    while pos > 0:
        _, start, word = forward[pos]
        out.append(word)
        pos = start
    chars = list("".join(reversed(out)))
    # Confidence: at each hole, the best reading with the chosen character
    # against the best with any other.  A close second is flagged, not guessed.
    for k, choices in enumerate(slots):
        if len(choices) < 2:
            continue
        best_with: dict[str, float] = {}
        for start in range(max(0, k - MAX_WORD + 1), k + 1):
            for end, word, weight in edges[start]:
                if end > k:
                    score = forward[start][0] + weight + backward[end]
                    ch = word[k - start]
                    if score > best_with.get(ch, -math.inf):
                        best_with[ch] = score
        ranked = sorted(best_with.values(), reverse=True)
        if len(ranked) > 1 and ranked[0] - ranked[1] < context.margin:
            chars[k] = LOST
    return _one_mark_a_character("".join(chars[len(left) : n - len(right)]) + trailing)


def _one_mark_a_character(text: str) -> str:
    """Lost bytes inside one character collapse to one mark: a run of marks becomes one mark for every three bytes."""
    return re.sub(f"{LOST}+", lambda m: LOST * max(1, round(len(m.group()) / 3)), text)


# Log-weight of a character only simplified script writes, in a line written
# in traditional script: a thousand times less likely than its traditional
# form, which the dictionary counts the same.
SIMPLIFIED_IN_TRADITIONAL = -math.log(1_000)

# Traditional-only characters a line's known text needs to read as traditional.
MIN_TRADITIONAL = 2


def _reads_traditional(text: str) -> bool:
    """Whether ``text`` is written in traditional script: at least :data:`MIN_TRADITIONAL` characters only it writes, more than simplified-only ones."""
    from .canonical import script_profile

    trad, simp = script_profile(text)
    return trad >= MIN_TRADITIONAL and trad > simp


@lru_cache(maxsize=65536)
def _simplified_char(ch: str) -> str:
    """``ch`` in simplified script (OpenCC t2s), or itself where that is not one character."""
    from .compare import simplified

    out = simplified(ch)
    return out if len(out) == 1 else ch


@lru_cache(maxsize=65536)
def _simplified_only(ch: str) -> bool:
    """Whether only simplified script writes ``ch`` (OpenCC s2t changes it)."""
    from .canonical import script_profile

    return script_profile(ch)[1] > 0


def _best(
    span: str,
    chains,
    lossy: bool = False,
    trusted: frozenset[str] = frozenset(),
    context: Context = Context(),
    foreign: bool = False,
) -> Fix | None:
    """The most plausible strict re-decoding of ``span``, if clearly better than the span.

    ``trusted`` chains (seen repairing other lines of the same document) may
    repair a span as short as one character; ``context`` is the repaired text
    around a lossy span (see :func:`_decode_utf8_with_holes`).  A ``foreign``
    span (:func:`_no_common_simplified`, in a document a CJK chain damaged)
    counts as no evidence of clean text: its glyphs' plausibility is taken as
    none, so that a decode to common characters repairs it.
    """
    before = 0.0 if foreign else plausibility(span)
    floor = (before or 0.0) + MIN_GAIN
    # A run of common characters is no span of marks and figures: a line
    # already repaired, "\xa0\xa0�亲情廉线�", holds a U+FFFD its source had,
    # and read as lost bytes its characters would turn into nothing but
    # holes.  (One glyph beside a hole, "鑷�", is a character that lost a byte.)
    reads = (before or 0.0) >= CLEAN_ENOUGH and sum(map(is_han, span)) >= MIN_FOREIGN_HAN
    best: Fix | None = None
    best_score = -1.0
    variants = [span]
    if " " in span and all(1 <= len(t) <= 2 for t in span.split(" ")):
        # A space between every two bytes' glyphs: the PDF's glyph spacing.
        variants.insert(0, span.replace(" ", ""))
    for name, wrong, true in chains:
        for variant in variants:
            cand = _decode(variant, wrong, true, lossy, context)
            if cand is None or cand == span:
                continue
            marks = cand.replace(" ", "").replace("\u3000", "")
            if (len(marks) >= 2 or (marks and name in trusted)) and all(c in _COMMON_PUNCT for c in marks):
                return Fix(name, span, cand)  # "¡­¡­" is …… read as Latin-1
            if not marks and "\u3000" in cand and name in trusted:
                return Fix(name, span, cand)  # "¡¡¡¡" is a paragraph's indent, a run of its own
            if not cand.strip() and true == "utf-8":
                # "Â\xa0Â\xa0" is two no-break spaces' UTF-8 read as Latin-1
                # (a run of its own between a table's number and its title),
                # not GBK's 聽聽: whole UTF-8 sequences are no coincidence.
                return Fix(name, span, cand)
            if true == "utf-8" and name in trusted and NBSP in cand and all(c.isascii() or c == NBSP for c in cand):
                # The same before a figure or a Latin word ("聽聽10", a run
                # of its own), where the chain is proven on the document: a
                # chain that reads the glyphs as Han instead ("钮钮", GBK
                # read as Big5) would invent words.
                return Fix(name, span, cand)
            if marks and name in trusted and all(ch_is_fullwidth_alnum(c) for c in marks):
                return Fix(name, span, cand)  # "£±" is １ read as Latin-1
            if _punctuated_ascii(marks, proven=name in trusted) and not reads:
                return Fix(name, span, cand)  # "銆�19%銆�" is 、19%、 read as GBK
            if not _is_chinese(cand):
                continue
            # Mostly holes is no evidence for a chain; where other lines of the
            # document proved it, the glyphs are damage for certain and are
            # better flagged than left as mojibake (鈥�回归鈥�銆�).
            if lossy and cand.count(LOST) > max(1, len(cand) // 4) and name not in trusted:
                continue
            # One character from two accented letters is a coincidence, not a
            # repair; from a whole three-byte UTF-8 sequence (å®¶ → 家), or with
            # more Chinese after it (Æ¬£© → 片）), it is not.
            if len(cand.strip()) < 2 and not (true == "utf-8" and len(span) >= 3) and name not in trusted:
                continue
            # Glyphs of a Western codec (no Han of their own) that a chain
            # proven on the document reads as the standard sets' characters
            # are that damage: a rare character of the text (铁骨铮铮, 金歆)
            # must not keep its span unrepaired.
            score = plausibility(cand, standard=name in trusted and before is None) or 0.0
            if context.lexicon:
                score = max(score, attested_plausibility(cand, context.lexicon) or 0.0)
            # A U+FFFD in a document this chain has already damaged is damage
            # for certain, even where its glyphs happen to be common characters.
            if name in trusted:
                gain = max(TRUSTED_PLAUSIBILITY, (before or 0.0) + TRUSTED_GAIN)
                need = MIN_PLAUSIBILITY if lossy else max(MIN_PLAUSIBILITY, min(floor, gain))
            else:
                need = max(MIN_PLAUSIBILITY, floor)
            if variant is not span and _glyph_aligned(span, wrong, true):
                # Spaces fall exactly between the characters' byte pairs, each
                # pair a character of its own: rarer characters (峥嵘) may pass.
                need = max(ALIGNED_PLAUSIBILITY, floor)
            if score >= need and score > best_score:
                best, best_score = Fix(name, span, cand), score
    return best


def _punctuated_ascii(text: str, proven: bool = False) -> bool:
    """ASCII (figures, Latin) set off by Chinese punctuation marks, and nothing else.

    Such a decode has no Han for the plausibility model to judge, but the
    span it came from was Han glyphs, and every glyph turned into a mark that
    news text uses between figures (“39.7%、19%、16.7%”), or into a flagged
    lost character (:data:`LOST`) where a lossy decode kept too little to
    choose the mark.  At least one mark must be certain, unless the chain is
    ``proven`` on other lines of the document: then a run on its own line
    ("鈥�", the bytes of “ with its last byte lost) is flagged rather than left.
    With the chain proven, the symbols GB text sets beside figures count as
    marks too: a copy cut into runs at its font changes leaves "％；" or
    "％、" a run of its own after "0.9" ("锛咃紱", "锛呫��").
    """

    def is_mark(c: str) -> bool:
        return c in _COMMON_PUNCT or (proven and _gb_symbol(c))

    marks = sum(is_mark(c) for c in text)
    lost = text.count(LOST)
    enough = marks + lost >= 1 if proven else marks >= 1 and marks + lost >= 2
    return enough and all(is_mark(c) or c == LOST or (c.isascii() and c.isprintable()) for c in text)


def may_be_mojibake(text: str) -> bool:
    """Whether :func:`repair` could change ``text``: Latin-1 glyphs, or Han text too implausible to be clean."""
    if LATIN1_SUPPLEMENT.search(text):
        return True
    score = plausibility(text)
    return score is not None and score < CLEAN_ENOUGH


def _glyph_aligned(span: str, wrong: str, true: str) -> bool:
    """Whether every space-separated token of ``span`` is two glyphs that decode to one character.

    The PDF text layers that space glyphs apart put the space between whole
    characters, so a real spaced GBK span splits into byte pairs that each
    decode alone; random Latin text with spaces does not.
    """
    tokens = span.split(" ")
    if len(tokens) < 3:
        return False
    for token in tokens:
        if len(token) != 2:
            return False
        try:
            if len(token.encode(wrong).decode(true)) != 1:
                return False
        except (UnicodeEncodeError, UnicodeDecodeError, LookupError):
            return False
    return True


def repair(
    text: str, trusted: frozenset[str] = frozenset(), context: Context = Context()
) -> tuple[str, list[Fix]]:
    """Repair every mojibake span of one line; return the line and the fixes made.

    Latin spans (GBK or UTF-8 bytes read as a Western codec) are tried span by
    span; a line of implausible Han characters (UTF-8 read as GBK or Big5, or the
    two swapped) is tried whole, then piece by piece between ASCII white space.
    Clean text is never changed: see the module docstring for the tests.
    ``trusted`` names chains already proven on other lines of the document: a
    one-character span may be repaired with them (a title's last glyph wrapped
    onto a line of its own).  ``context`` is the repaired text of the lines
    around, for choosing lost characters across a line end.
    """
    fixes: list[Fix] = []
    if LATIN1_SUPPLEMENT.search(text):
        text = _repair_latin_spans(text, trusted, fixes)
    score = plausibility(text)
    lossy = FFFD in text
    # A U+FFFD where a CJK chain is proven is tried even when its glyphs look
    # plausible (鍛 is a traditional character, and the bytes of 告).
    cjk_proven = any(name in trusted for name, _, _ in CJK_CHAINS)
    proven = lossy and cjk_proven
    # So is a line with any uncommon glyph: a short line of mojibake can look
    # common enough (姘寸數宸ョ▼, 水电工程, is four in five common).
    suspect = score is not None and score < 1.0 and cjk_proven
    # And a line of traditional-looking glyphs none of which is a common
    # simplified character: UTF-8's lead bytes (E4-E9 for Han) never open a
    # GB2312 level-1 character in GBK, so a short run of UTF-8 read as GBK can
    # be all common traditional characters (澧為暱 is 增长, 鍛橈級 is 员）).
    foreign = cjk_proven and _no_common_simplified(text)
    if score is not None and (score < CLEAN_ENOUGH or proven or suspect or foreign):
        fix = _best(text, CJK_CHAINS, lossy, trusted, context, foreign=foreign)
        if fix is not None:
            fixes.append(fix)
            text = fix.after
        else:
            pieces = re.split(r"(\s+)", text)
            changed = False
            for k, piece in enumerate(pieces):
                p = plausibility(piece)
                if p is not None and p < CLEAN_ENOUGH and len(piece) >= 2:
                    fix = _best(piece, CJK_CHAINS, FFFD in piece, trusted)
                    if fix is not None:
                        fixes.append(fix)
                        pieces[k] = fix.after
                        changed = True
            if changed:
                text = "".join(pieces)
    return text, fixes


def _repair_latin_spans(text: str, trusted: frozenset[str], fixes: list[Fix]) -> str:
    """Repair the spans of Latin-1/cp1252 glyphs that stand for GBK, Big5 or UTF-8 bytes."""
    out: list[str] = []
    pos = 0
    for m in _LATIN_SPAN.finditer(text):
        if m.start() < pos:
            continue
        span = m.group()
        before = text[m.start() - 1] if m.start() else ""
        after = text[m.end()] if m.end() < len(text) else ""
        # One accented letter is a word (café), not mojibake; cp1252's
        # specials count too ("å…ƒ" is 元, with one Latin-1 letter).  But
        # where the document proved the damage, one glyph and the ASCII
        # letter after it may be one double-byte character whose trail
        # byte is ASCII: GBK writes many traditional characters so (鋒 is
        # E4 68, "äh"), and a name set apart by spaces leaves it alone.
        trail = bool(trusted) and len(span) == 1 and "\x40" <= after <= "\x7e"
        if (len(_HIGH_CHAR.findall(span)) < 2 and not trail) or not LATIN1_SUPPLEMENT.search(span):
            continue
        # A short span inside a Latin word ("BÄDÄÑ") is that word, unless the
        # document already showed this damage elsewhere.
        if len(span) < 6 and not trusted:
            if (before.isascii() and before.isalpha()) or (after.isascii() and after.isalpha()):
                continue
        fix = _best(span, LATIN_CHAINS, trusted=trusted)
        start, end = m.start(), m.end()
        if fix is None and after and "\x40" <= after <= "\x7e":
            # A double-byte character's trail byte can be ASCII ("¡C" is Big5 。).
            fix = _best(span + after, LATIN_CHAINS, trusted=trusted)
            end += 1
        if fix is None and len(span) > 2:
            # A lead byte whose partner was lost at either end ("Ô  Ôò" in a PDF
            # that dropped a byte): repair the rest, leave the orphan.
            for lo, hi in ((0, len(span) - 1), (1, len(span))):
                part = span[lo:hi]
                # Repair only the stripped part, so the spaces around it stay.
                lo += len(part) - len(part.lstrip())
                hi -= len(part) - len(part.rstrip())
                fix = _best(span[lo:hi], LATIN_CHAINS, trusted=trusted) if hi > lo else None
                if fix is not None:
                    start, end = m.start() + lo, m.start() + hi
                    break
        if fix is None:
            continue
        out.append(text[pos:start])
        out.append(fix.after)
        fixes.append(fix)
        pos = end
    out.append(text[pos:])
    return "".join(out)


def lost_mark_at_end(line: str, chain: str) -> bool:
    """Whether ``line``, UTF-8 read through ``chain``'s wrong codec, lost the bytes after its last character's lead E3.

    A character that opens E3 80 is a mark of U+3000-U+303F: 、。《》「」【】
    and their kin.  Lost at a line's end (its last byte, or its last two,
    where the wrong codec read the line's end as the second byte of a pair),
    the decode can say no more than that: 。 and 、 weigh alike and the hole
    is flagged.  But a line that ends a paragraph does not end with 、; where
    the paragraph is known the mark is (:func:`pipeline.encoding.restore_lost_marks`).
    With both bytes lost, E3 also leads kana and rare ideographs, none of
    them in Chinese news text nor among the decoder's choices (:func:`_two_holes`).
    """
    # The three bytes before the lead whole: the character before it was read
    # (a lost one beside it would share its flag, "教训。" as "教?").
    return _lost_at_end(line, chain, ([0xE3, 0x80, None], [0xE3, None, None]), whole_before=True)


def guessed_form_at_end(line: str, chain: str) -> bool:
    """Whether ``line``, UTF-8 read through ``chain``'s wrong codec, lost the last byte of a full-width mark (EF BC) at its end.

    EF BC leads ，：；？！（）and the full-width figures.  Inside a
    paragraph the comma outweighs the others thirty to one, and the decoder
    guesses it; but a paragraph does not end with a comma (23 of the
    corpus's 471 paragraphs after the first that end with a mark of that
    block), so where the line ends a paragraph the guess is reread there
    (:func:`pipeline.encoding.restore_lost_marks`).  A character lost
    before it does not matter: EF is no continuation byte, so it leads the
    last character whatever stood before, and a line that ends with the
    comma ends with the decoder's guess for it.
    """
    return _lost_at_end(line, chain, ([0xEF, 0xBC, None],), whole_before=False)


def _lost_at_end(line: str, chain: str, endings: tuple[list[int | None], ...], whole_before: bool) -> bool:
    """Whether ``line`` read back through ``chain``'s wrong codec ends with one of ``endings`` (bytes, None for a lost one).

    ``whole_before``: and the three bytes before them were read.
    """
    wrong = next((w for name, w, true in CJK_CHAINS if name == chain and true == "utf-8"), None)
    text = line.rstrip()
    if wrong is None or not text.endswith(FFFD):
        return False
    parts: list[int | None] = []
    for c in text[-5:]:
        if c == FFFD:
            parts.append(None)
        else:
            try:
                parts.extend(c.encode(wrong))
            except UnicodeEncodeError:
                return False
    if whole_before and (len(parts) < 6 or None in parts[-6:-3]):
        return False
    return parts[-3:] in endings


# Quotes stand at most two together (”“): a longer run of U+FFFD is text
# read as UTF-8 that was not (GBK read as UTF-8 gives one or two per
# character), and its bytes are gone.
MAX_QUOTE_RUN = 2
_FFFD_RUN = re.compile(f"\ufffd{{{MAX_QUOTE_RUN + 1},}}")


def unrecoverable(text: str) -> dict[str, int]:
    """Characters whose bytes are gone for good, by kind; never guessed at.

    ``kunkao``: ``锟斤拷`` (U+FFFD's own UTF-8 read as GBK) and its kin;
    ``cid``: ``(cid:N)``, a glyph a PDF extractor could not map;
    ``fffd_runs``: runs of three or more U+FFFD, non-UTF-8 bytes read as UTF-8.
    """
    return {
        "kunkao": sum(len(m.group()) for m in _KUNKAO.finditer(text)),
        "cid": len(CID.findall(text)),
        "fffd_runs": sum(len(m.group()) for m in _FFFD_RUN.finditer(text)),
    }

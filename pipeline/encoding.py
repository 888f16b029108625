"""Encoding repair: undo what codecs and font mappings did to the characters.

Two entry points, because the damage comes in two scopes:

* :func:`repair_lines` works line by line, before detection: CJK mojibake
  (:mod:`pipeline.mojibake`: GBK, Big5 and UTF-8 read through the wrong codec),
  then CJK-safe ftfy (UTF-8 read as Latin-1/cp1252 and friends), GB mapping
  variants (``――`` for ``——``, ``・`` for ``·``), Kangxi radicals for the
  ideographs they stand for.
* :func:`restore_lost_marks` and :func:`restore_quotes` work on whole
  paragraphs, after rejoin: a stop a lossy decode lost is told from 、 by the
  paragraph ending there, and a lost quotation mark (U+FFFD) as “ or ” by the
  quotes around it in its paragraph.

ftfy is used with ``uncurl_quotes`` and ``fix_character_width`` off: its defaults
fold ，；：（）“” to ASCII, which raised the sample's error rate from 2% to 11%.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import replace
from functools import lru_cache

from . import mojibake
from .chars import is_ascii_alnum, is_cjk, is_han, is_kana_or_hangul
from .model import Paragraph, StageReport

FFFD = mojibake.FFFD


@lru_cache(maxsize=1)
def ftfy_config():
    """ftfy's options with every rule that damages Chinese turned off.

    ``uncurl_quotes`` would turn “” into ", ``fix_character_width`` would fold
    ，；：（） to ASCII; ``fix_line_breaks`` is ingest's job; ``explain`` is off
    because we count changes ourselves per line.
    """
    import ftfy

    return ftfy.TextFixerConfig(
        uncurl_quotes=False,
        fix_character_width=False,
        fix_line_breaks=False,
        normalization="NFC",
        explain=False,
    )


# U+2015 HORIZONTAL BAR is what the GB2312 codec gives for A1AA, the dash that
# GBK/GB18030 map to U+2014; U+2500 is what some PDF fonts map it to.
_DASH_VARIANTS = re.compile("[\u2015\u2500]{1,2}")
_KATAKANA_MIDDLE_DOT = "\u30fb"
# Chinese quotation marks and brackets the interpunct may stand between
# (“甲”・“乙”), as it stands beside a Han character ("“第一”・体育篇",
# "人民论坛・70华诞"); kana or hangul beside it is Japanese or Korean, whose
# mark it is.
_DOT_AFTER = "”’」』）》"
_DOT_BEFORE = "“‘「『（《"
_RADICALS = re.compile("[\u2e80-\u2eff\u2f00-\u2fdf]")


def repair_lines(
    lines: tuple[str, ...], *, enabled: bool = True, lossy_margin: float = mojibake.MIN_MARGIN
) -> tuple[tuple[str, ...], StageReport]:
    """Repair the encoding of each line; return the lines and what was changed.

    Line count and order never change, so line numbers stay valid for the later
    stages.  Lines that need nothing come back as the same objects.
    ``lossy_margin``: how clearly a character a lossy decode dropped must be
    the likeliest to be restored rather than flagged (see
    :attr:`pipeline.model.RepairOptions.lossy_margin`).
    """
    if not enabled:
        return tuple(lines), StageReport("encoding", {})
    counts: Counter = Counter()
    details: list[tuple[int, str]] = []
    out = []
    # Chains proven on this document (two spans, or one of four ideographs or
    # more): a lone glyph left over elsewhere in it went through the same codec.
    seen: Counter = Counter()
    first_pass: dict[int, tuple[str, list]] = {}
    base = mojibake.Context(margin=lossy_margin)
    for no, line in enumerate(lines, 1):
        if mojibake.may_be_mojibake(line):
            first_pass[no] = mojibake.repair(line, context=base)
            for fix in first_pass[no][1]:
                seen[fix.chain] += 2 if sum(1 for c in fix.after if is_han(c)) >= 4 else 1
    trusted = frozenset(chain for chain, n in seen.items() if n >= 2)
    if trusted:
        # With proven chains the repair may go further: it is run again below.
        first_pass.clear()
    results: dict[int, tuple[str, list[str]]] = {}
    for no, line in enumerate(lines, 1):
        if not line.isascii() or "&" in line or INVISIBLE.search(line):
            results[no] = encoding_fixed_point(line, trusted, first_pass.get(no), base)
    # Lost bytes again, with the neighbouring lines' repaired text around them:
    # a PDF copy cuts words at line ends, and a lost character at an edge is
    # chosen by the word it makes with the next line.  The context comes from
    # the first pass, so the order of lines does not matter.
    # And with the document's own words: the lines that lost nothing (a clean
    # body the lossy copy repeats) say which character a hole held, and so,
    # more weakly, do the words the lossy lines spell for certain, holes left
    # open (a copy with no clean body writes 中日 in one line and lost its 中
    # in the next).
    repaired = [results[no][0] if no in results else line for no, line in enumerate(lines, 1)]
    lossy = [no for no in results if FFFD in lines[no - 1]]
    lexicon = cache = frozenset()
    if lossy:
        lexicon = mojibake.document_lexicon(
            text for no, text in enumerate(repaired, 1) if FFFD not in lines[no - 1] and mojibake.LOST not in text
        )
        certain = mojibake.Context(margin=math.inf)
        # Words, not marks: "…”" written elsewhere says nothing of "…?" here.
        cache = frozenset(
            gram
            for gram in mojibake.document_lexicon(
                encoding_fixed_point(lines[no - 1], trusted, None, certain)[0] for no in lossy
            )
            if sum(map(is_han, gram)) >= 2
        )
    for no in lossy:
        context = mojibake.Context(
            *_neighbour_context(repaired, no - 1), lexicon, lossy_margin, *_surrounding_text(repaired, no - 1), cache
        )
        if context != base:
            results[no] = encoding_fixed_point(lines[no - 1], trusted, None, context)
    for no, line in enumerate(lines, 1):
        fixed = line
        if no in results:
            fixed, chains = results[no]
            spans = count_chains(chains, counts)
            details.extend((no, chain) for chain in spans)
        # Every line, ASCII ones too: "(cid:0)" alone on a line is such damage.
        for kind, n in mojibake.unrecoverable(fixed).items():
            counts[f"unrecoverable_{kind}"] += n
            counts["unrecoverable_chars"] += n
        if no in results and fixed.rstrip().endswith(mojibake.LOST):
            if any(mojibake.lost_mark_at_end(line, chain) for chain in results[no][1]):
                # Not a repair: what the paragraph's end will decide (restore_lost_marks).
                details.append((no, LOST_MARK))
        elif no in results and fixed.rstrip().endswith(GUESSED_COMMA):
            if any(mojibake.guessed_form_at_end(line, chain) for chain in results[no][1]):
                details.append((no, LOST_MARK))
        fixed, n = fix_dash_variants(fixed)
        counts["dash_variants_fixed"] += n
        fixed, n = fix_radicals(fixed)
        counts["radicals_fixed"] += n
        out.append(fixed)
    return tuple(out), StageReport("encoding", dict(counts), tuple(details))


def garbled_lines(report: StageReport) -> frozenset[int]:
    """The (0-based) lines whose text :func:`repair_lines` restored from a wrong codec, by its report.

    A PDF copy goes through a wrong codec whole; the web text beside it does
    not.  Detection reads the restored text, so it is told which lines were
    restored: that mark tells a copy's text from the clean text's.  Only
    the CJK chains count: what ftfy changes (:data:`FTFY_CHAIN`) may be a
    ligature or a control character, in any text.
    """
    return frozenset(no - 1 for no, chain in report.details if chain not in _NOT_CJK_CODEC)


def lost_mark_lines(report: StageReport) -> frozenset[int]:
    """The (1-based) lines whose last character a lossy decode lost and knew for a CJK mark, by the report.

    The line ends with the flag (a mark of 、。《》…) or with the comma the
    decoder guessed (a mark of ，：；？！（）); :func:`restore_lost_marks`
    rereads it where the line ends a paragraph.
    """
    return frozenset(no for no, what in report.details if what == LOST_MARK)


# Characters of each neighbouring line given as context to a lossy line.
CONTEXT_CHARS = 4


def _neighbour_context(texts: list[str], i: int) -> tuple[str, str]:
    """The end of the nearest non-empty line before ``i`` and the start of the one after, up to lost marks."""
    left = right = ""
    for j in range(i - 1, -1, -1):
        if texts[j].strip():
            left = texts[j].rstrip().rsplit(mojibake.LOST, 1)[-1][-CONTEXT_CHARS:]
            break
    for j in range(i + 1, len(texts)):
        if texts[j].strip():
            right = texts[j].lstrip().split(mojibake.LOST, 1)[0][:CONTEXT_CHARS]
            break
    return left, right


def _surrounding_text(texts: list[str], i: int) -> tuple[str, str]:
    """The text of the lines before ``i`` and after it, up to :data:`mojibake.PAIR_WINDOW` characters each way.

    For the paired marks open around a lossy line (a bracket opened on the line
    before closes on this one): line breaks dropped, as the copy's wraps are.
    """
    window = mojibake.PAIR_WINDOW
    before = ""
    for j in range(i - 1, -1, -1):
        if len(before) >= window:
            break
        before = texts[j].strip() + before
    after = ""
    for j in range(i + 1, len(texts)):
        if len(after) >= window:
            break
        after += texts[j].strip()
    return before[-window:], after[:window]


def encoding_fixed_point(
    text: str,
    trusted: frozenset[str] = frozenset(),
    first: tuple[str, list] | None = None,
    context: mojibake.Context = mojibake.Context(),
) -> tuple[str, list[str]]:
    """CJK mojibake repair, CJK-safe ftfy and removal of invisible characters, until nothing changes.

    The CJK chains go first: ftfy would read pairs of GBK-as-Latin-1 glyphs that
    happen to form UTF-8 ("Î²" → "β") and cut the span.  One round is not always
    a fixed point (ftfy turning C1 controls into cp1252 letters can complete a
    span), and repairing our own output must change nothing, so the rounds repeat
    (at most four).  ``first`` is the result of ``mojibake.repair(text, trusted)``
    when the caller has it already; ``context`` the repaired text around the
    line, for lost bytes (:func:`pipeline.mojibake.repair`).  Returns the text
    and the chains undone (:data:`FTFY_CHAIN` for ftfy's), with one
    :data:`INVISIBLE_CHAIN` for each invisible character removed.
    """
    import ftfy

    config = ftfy_config()
    chains: list[str] = []
    for _ in range(4):
        if first is not None:
            # The caller already ran the first repair of this very text.
            (fixed, fixes), first = first, None
        else:
            fixed, fixes = mojibake.repair(text, trusted, context) if not text.isascii() else (text, [])
        chains.extend(f.chain for f in fixes)
        ftfyed = ftfy.fix_text(fixed, config)
        if ftfyed != fixed:
            chains.append(FTFY_CHAIN)
        # Invisible characters are no span read through a wrong codec (a PDF's
        # form feed is layout): counted apart, one entry for each.
        ftfyed, n = INVISIBLE.subn(_invisible_replacement, ftfyed)
        chains.extend([INVISIBLE_CHAIN] * n)
        if ftfyed == text:
            break
        text = ftfyed
    return text, chains


# What encoding_fixed_point reports besides the CJK chains: ftfy's own repairs
# (a Western mojibake, a ligature, a C1 control), and an invisible character
# removed.  Neither marks a line as read through a wrong CJK codec.
FTFY_CHAIN = "ftfy"
INVISIBLE_CHAIN = "invisible"
# And a line whose last character, lost, was a CJK mark (mojibake.lost_mark_at_end),
# or a full-width mark the decoder guessed a comma (mojibake.guessed_form_at_end).
LOST_MARK = "lost mark at the end"
GUESSED_COMMA = "，"
_NOT_CJK_CODEC = frozenset({FTFY_CHAIN, INVISIBLE_CHAIN, LOST_MARK})

def count_chains(chains: list[str], counts: Counter) -> list[str]:
    """Count what :func:`encoding_fixed_point` reported: mojibake spans and invisible characters apart.

    Returns the spans (every chain but :data:`INVISIBLE_CHAIN`), which are
    the repairs a report lists line by line.
    """
    spans = [chain for chain in chains if chain != INVISIBLE_CHAIN]
    counts["mojibake_spans_fixed"] += len(spans)
    counts["invisible_removed"] += len(chains) - len(spans)
    return spans


# C0 controls except tab/newline, DEL, C1 controls and invisible format characters
# that carry no content (zero-width space, word joiner, BOM).  ZWJ/ZWNJ stay:
# they are part of emoji and of some scripts.  Removed only after ftfy has seen
# them: C1 bytes are part of the mojibake it repairs.
INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u2060\ufeff]")


def _invisible_replacement(m: re.Match) -> str:
    return " " if m.group() in "\t\n\x0b\x0c" else ""


def _chinese_side(ch: str) -> bool:
    """Whether a character beside a horizontal bar shows Chinese context: CJK, or a Roman numeral (Ⅰ―Ⅲ类), GB2312's own."""
    return bool(ch) and (is_cjk(ch) or "\u2160" <= ch <= "\u217f")


def _chinese_line(text: str, i: int) -> bool:
    """Whether the line holding ``text[i]`` has a Han character and no kana or hangul.

    A GB2312 decode is what leaves U+2015 and U+30FB in such a line: Chinese
    typesetting writes neither, Japanese writes ``・`` among kana.
    """
    start = text.rfind("\n", 0, i) + 1
    end = text.find("\n", i)
    line = text[start : end if end >= 0 else len(text)]
    # (U+30FB is itself in the katakana block.)
    return any(is_han(ch) for ch in line) and not any(
        is_kana_or_hangul(ch) and ch != _KATAKANA_MIDDLE_DOT for ch in line
    )


def fix_dash_variants(text: str) -> tuple[str, int]:
    """``――``/``──`` to ``——`` and ``・`` to ``·`` where they stand in Chinese context.

    Chinese context is a CJK character (or a Roman numeral) beside a bar; a
    Han character, or Chinese quotation marks or brackets on both sides,
    beside ``・`` with no kana or hangul beside it; or, for either, a line
    with Han and no kana or hangul at all (``7―15岁``, ``9：00―16：30``,
    ``《流浪地球》・2019年``: GB2312's dash and interpunct between figures).
    Elsewhere U+2015 and U+2500 have their own uses (quotation dash, box
    drawing) and ``・`` is Japanese.
    """
    if "\u2015" not in text and "\u2500" not in text and _KATAKANA_MIDDLE_DOT not in text:
        return text, 0
    n = 0

    def dash(m: re.Match) -> str:
        nonlocal n
        left = text[m.start() - 1] if m.start() else ""
        right = text[m.end()] if m.end() < len(text) else ""
        run = m.group()
        # A lone box-drawing line is a table rule, not a dash.
        if run == "\u2500":
            return run
        # A doubled horizontal bar is the Chinese dash wherever it stands (the
        # sample's `――` alone on a line, `――2月26日` opening a list item); a
        # single one only next to CJK.
        if (
            _chinese_side(left)
            or _chinese_side(right)
            or run == "\u2015\u2015"
            or (run == "\u2015" and _chinese_line(text, m.start()))
        ):
            n += len(run)
            return "\u2014" * len(run)
        return run

    text = _DASH_VARIANTS.sub(dash, text)
    if _KATAKANA_MIDDLE_DOT in text:
        chars = list(text)
        for i, ch in enumerate(chars):
            if (
                ch == _KATAKANA_MIDDLE_DOT
                and 0 < i < len(chars) - 1
                and not is_kana_or_hangul(chars[i - 1])
                and not is_kana_or_hangul(chars[i + 1])
                and (
                    is_han(chars[i - 1])
                    or is_han(chars[i + 1])
                    or (chars[i - 1] in _DOT_AFTER and chars[i + 1] in _DOT_BEFORE)
                    or _chinese_line(text, i)
                )
            ):
                chars[i] = "\u00b7"
                n += 1
        text = "".join(chars)
    return text, n


def fix_radicals(text: str) -> tuple[str, int]:
    """Kangxi radicals and CJK radicals supplement to the ideographs they stand for.

    PDF fonts often map 十大高 to the radicals ⼗⼤⾼ (U+2F00-2FD5), or to their
    supplement forms (U+2E80-2EF3).  The mapping is Unicode's own
    Equivalent_Unified_Ideograph property (pipeline/data/EquivalentUnifiedIdeograph.txt),
    applied to these characters alone: NFKC, which covers the Kangxi radicals
    only, would also fold ，to , across the whole text.
    """
    if not _RADICALS.search(text):
        return text, 0
    table = equivalent_unified_ideographs()
    n = 0

    def fold(m: re.Match) -> str:
        nonlocal n
        target = table.get(m.group())
        if target is None:
            return m.group()
        n += 1
        return target

    return _RADICALS.sub(fold, text), n


@lru_cache(maxsize=1)
def equivalent_unified_ideographs() -> dict[str, str]:
    """Radical -> unified ideograph, for the two radical blocks, from Unicode's data file.

    The file ships with the package (Unicode data, under Unicode's terms of use,
    header kept).  CJK strokes, which the file also maps (㇐ to 一), are left
    out: a stroke in running text is as likely a drawing element as a character.
    """
    from importlib.resources import files

    table: dict[str, str] = {}
    text = (files("pipeline") / "data" / "EquivalentUnifiedIdeograph.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        source, target = (field.strip() for field in line.split(";"))
        first, _, last = source.partition("..")
        for cp in range(int(first, 16), int(last or first, 16) + 1):
            if 0x2E80 <= cp <= 0x2FDF:
                table[chr(cp)] = chr(int(target, 16))
    return table


def pair_quotes(text: str, *, unknown: str) -> tuple[str, int]:
    """Replace each ``unknown`` character that stood for a double quote by “ or ”.

    The quotes of a paragraph alternate: after an opening quote comes a closing
    one.  Walking the paragraph while tracking whether a quote is open decides each
    unknown mark from context alone; surviving curly quotes keep the walk in step,
    and ``��`` comes out as ``”“``.  Where the paragraph uses corner brackets 「」
    instead, those are restored.

    A mark is replaced only when a neighbour is CJK: Chinese quotation marks stand
    in Chinese text, and English quotations keep their ASCII quotes.  An unknown
    mark between two ASCII letters or digits is left alone: there it is not a quote.
    """
    if unknown not in text:
        return text, 0
    corner = ("「" in text or "」" in text) and "“" not in text and "”" not in text
    opening, closing = ("「", "」") if corner else ("“", "”")
    chars = list(text)
    left, right = _nearest_neighbours(chars, unknown)
    in_long_run = _in_runs(chars, unknown, mojibake.MAX_QUOTE_RUN + 1)
    is_open = False
    n = 0
    for i, ch in enumerate(chars):
        if ch == opening:
            is_open = True
        elif ch == closing:
            is_open = False
        elif ch == unknown:
            if in_long_run[i]:
                continue  # "����": bytes that were never quotes (unrecoverable)
            before, after = left[i], right[i]
            if before and after and is_ascii_alnum(before) and is_ascii_alnum(after):
                continue
            if not (_cjk_beyond_figures(chars, i, -1, before) or _cjk_beyond_figures(chars, i, 1, after)):
                continue
            chars[i] = closing if is_open else opening
            is_open = not is_open
            n += 1
    return "".join(chars), n


# What a figure in Chinese text is made of: digits, its point, its percent,
# and the signs of a sum or a span written in figures ("1900-1=0", "7×24",
# "3/4", "10:30").
_FIGURE = frozenset("0123456789.%+-=×÷/:")


def _cjk_beyond_figures(chars: list[str], i: int, step: int, neighbour: str) -> bool:
    """Whether the mark at ``i`` stands by CJK on the side ``step``, looking past a figure there.

    Figures are Chinese text's as much as English's: a quote that opens on
    one ("“70年是…”") or closes after one ("…增长22.4%”", a slogan in
    figures, "信念就是“1900-1=0”") stands by CJK beyond it.  ``neighbour``
    is the nearest deciding character on that side.
    """
    if not neighbour:
        return False
    if is_cjk(neighbour):
        return True
    if neighbour not in _FIGURE or neighbour == ".":
        return False
    j = i + step
    while 0 <= j < len(chars) and (chars[j] in _FIGURE or chars[j] == " "):
        j += step
    return 0 <= j < len(chars) and is_cjk(chars[j])


def _in_runs(chars: list[str], mark: str, length: int) -> list[bool]:
    """For each position, whether it lies in a run of at least ``length`` consecutive ``mark``."""
    out = [False] * len(chars)
    i = 0
    while i < len(chars):
        if chars[i] != mark:
            i += 1
            continue
        j = i
        while j < len(chars) and chars[j] == mark:
            j += 1
        if j - i >= length:
            out[i:j] = [True] * (j - i)
        i = j
    return out


# ASCII punctuation that canonical form may turn full-width: looked through when
# judging a mark's context, so that restoring before canonical form and after it
# decide alike (idempotence).
_FOLDABLE = frozenset(",;:?!()\"")


def _nearest_neighbours(chars: list[str], skip: str) -> tuple[list[str], list[str]]:
    """For each position, the nearest character on the left and on the right that decides its context.

    Spaces, other unknown marks and foldable ASCII punctuation are looked
    through ('' at an edge).  Two linear passes, so a paragraph of many unknown
    marks costs no more than any other.
    """
    def passable(c: str) -> bool:
        return c == " " or c == skip or c in _FOLDABLE

    left = [""] * len(chars)
    seen = ""
    for i, c in enumerate(chars):
        left[i] = seen
        if not passable(c):
            seen = c
    right = [""] * len(chars)
    seen = ""
    for i in range(len(chars) - 1, -1, -1):
        right[i] = seen
        if not passable(chars[i]):
            seen = chars[i]
    return left, right


def restore_quotes(
    paragraphs: tuple[Paragraph, ...], *, enabled: bool = True
) -> tuple[tuple[Paragraph, ...], StageReport]:
    """Restore U+FFFD that stood for quotation marks, paragraph by paragraph.

    Each paragraph remembers the offsets it restored (``Paragraph.restored``) so
    that dedup can check them against the clean body where one exists.
    """
    if not enabled:
        return paragraphs, StageReport("quotes", {})
    counts: Counter = Counter()
    out = []
    for p in paragraphs:
        if FFFD not in p.text:
            out.append(p)
            continue
        fixed, n = pair_quotes(p.text, unknown=FFFD)
        restored = tuple(i for i, (a, b) in enumerate(zip(p.text, fixed)) if a != b)
        counts["fffd_restored"] += n
        out.append(replace(p, text=fixed, restored=p.restored + restored))
    return tuple(out), StageReport("quotes", dict(counts))


# The CJK marks that open a pair and close where a paragraph ends (the lead
# bytes E3 80 of mojibake.lost_mark_at_end), with their closers.
_CJK_MARK_PAIRS = {"《": "》", "「": "」", "『": "』", "【": "】", "〔": "〕", "〈": "〉"}


def restore_lost_marks(
    paragraphs: tuple[Paragraph, ...],
    lines: frozenset[int],
    *,
    enabled: bool = True,
    margin: float = mojibake.MIN_MARGIN,
) -> tuple[tuple[Paragraph, ...], StageReport]:
    """Restore the CJK mark a lossy decode lost at a paragraph's end: 。, or the closer of a pair left open; reread a comma it guessed there.

    ``lines`` are the input lines whose last character was such a mark
    (:func:`lost_mark_lines`): the decode knew the lead byte and not which of
    、。《》「」【】 the lost bytes made.  Where rejoin ends a paragraph at
    such a line, it is no 、 (a pause, never an end) and no opener: it closes
    the paragraph's open 《 (or 「, 【) if one stands open, else it is 。.  In
    the corpus, the 5,577 paragraphs after the first that end with a mark of
    that block end with 。 (5,554), 》 (19) or 】 (4); the 5 titles that do
    end with 》.  The first paragraph of a section is left flagged: a title
    or a kicker ends without a stop.

    A full-width mark (，：；？！（）) lost at a line's end was guessed a
    comma, which few paragraphs end with: where the line ends a paragraph
    (a title too) the mark is reread by what the paragraph says
    (:func:`_paragraph_final_form`), and flagged where no mark beats the
    next by ``margin`` nats (the encoding stage's ``lossy_margin``).
    """
    if not enabled or not lines:
        return paragraphs, StageReport("marks", {})
    restored = flagged = 0
    out = []
    first_of_section: set[int] = set()
    for p in paragraphs:
        first = p.section not in first_of_section
        first_of_section.add(p.section)
        body = p.text.rstrip()
        if p.end not in lines:
            out.append(p)
            continue
        if body.endswith(GUESSED_COMMA):
            mark = _paragraph_final_form(body[:-1], margin)
            flagged += mark == mojibake.LOST
        elif body.endswith(mojibake.LOST) and not first:
            mark = _open_mark(body[:-1], _CJK_MARK_PAIRS, frozenset(_CJK_MARK_PAIRS.values())) or "。"
        else:
            out.append(p)
            continue
        out.append(replace(p, text=body[:-1] + mark + p.text[len(body):]))
        restored += mark != mojibake.LOST
    return tuple(out), StageReport("marks", {"lost_marks_restored": restored, "guessed_marks_flagged": flagged})


# The full-width pair whose closer shares its lead bytes (EF BC) with the comma,
# its opener full-width or not: text mixes them ("星座。(资料图片）").
_FORM_PAIRS = {"（": "）", "(": "）"}
_FORM_CLOSERS = frozenset("）)")

# Words that ask, in a paragraph's last clause ("何" only in the words that
# ask, not in "任何").
_QUESTION_WORD = re.compile("吗|呢|如何|怎样|怎么|为什么|为何|什么|有何|何时|何处|何以|哪|谁|多少|是否|能否|还是|难道")

# How the corpus's 721 titles and paragraphs that end with a full-width mark
# end, by what the paragraph says: one that leaves a bracket open closes it
# (447 of 447); one whose last clause asks ends with a question mark (46 of
# 47); the rest with no mark by a clear margin.
_FORMS_ENDING = {
    "open": {"）": 447},
    "asks": {"？": 46, "！": 1},
    "other": {"！": 100, "；": 53, "：": 34, "，": 23, "？": 11, "）": 6},
}


def _paragraph_final_form(text: str, margin: float) -> str:
    """The full-width mark that ends a paragraph reading ``text``, or :data:`mojibake.LOST` where none is likely enough.

    By :data:`_FORMS_ENDING`: the likeliest mark where it beats the next by
    ``margin`` nats (a bracket left open, a question), else the flag.
    """
    if _open_mark(text, _FORM_PAIRS, _FORM_CLOSERS):
        counts = _FORMS_ENDING["open"]
    elif _asks(text):
        counts = _FORMS_ENDING["asks"]
    else:
        counts = _FORMS_ENDING["other"]
    ranked = sorted(counts.values(), reverse=True) + [0]
    best = max(counts, key=counts.__getitem__)
    # (A mark the corpus never saw lose to it counts one half.)
    return best if math.log(ranked[0] / max(ranked[1], 0.5)) >= margin else mojibake.LOST


def _asks(text: str) -> bool:
    """Whether ``text``'s last clause (after its last ，；：。！？) holds a word that asks."""
    return bool(_QUESTION_WORD.search(re.split("[，；：。！？]", text)[-1]))


def _open_mark(text: str, pairs: dict[str, str], closers: frozenset[str]) -> str | None:
    """The closer of the last of ``pairs``' openers in ``text``, unless one of ``closers`` stands after it."""
    for ch in reversed(text):
        if ch in closers:
            return None
        if ch in pairs:
            return pairs[ch]
    return None

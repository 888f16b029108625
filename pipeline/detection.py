"""Detection: which stretches of the input are clean web text and which broken PDF copies.

Each content line gets a log-likelihood ratio, broken against clean, summed from
independent cues (naive Bayes with hand-set weights, each weight a measured
tendency on news text, documented where it is set).  A two-state Viterbi pass
with a switching cost then turns the per-line evidence into sections, so one odd
line (a short subhead in a clean article, a full sentence in a broken copy) does
not cut a section in two.  Blank and white-space-only lines belong to the section
around them.  Two passes then refine the boundaries with what only this document
can tell: how its clean and broken parts are laid out (adjacent lines against
blank-separated ones), and what the lines on each edge say (a fragment of the
copy that the clean text holds inside a longer line, a clean title that the copy
repeats).  A paragraph between two of a copy's white-space marks is the
copy's, and so is what closes a document that a copy cut off mid-sentence
opens, or text beside a document's one copy that wraps a printed line; of
two versions of an article, the one that wraps a printed line beside one
that reads as web text is the copy.  Last, a broken run beside a larger
clean body must copy it: a run
whose text the clean lines mostly lack is the article's own (a title block,
photo captions, a list), however much it looks like PDF fragments; and lines
that look clean between a copy and the title it opened with, which the clean
text after that title prints again, are the copy's.  Titles are compared in
comparison form, where a character a lossy decode lost stands for one or two.

Sections may stand anywhere: before, after or between clean parts, several of
them, or the whole document; a clean document yields one clean section.
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Callable, Iterable

from .chars import (
    PARAGRAPH_FINAL,
    closes_sentence,
    closes_unopened_bracket,
    display_width,
    ends_with_mark,
    is_han,
    leaves_bracket_open,
)
from .canonical import script_profile
from .compare import comparison_form, form_only, simplified
from .lexicon import splits_word
from .model import Section, SectionKind, StageReport
from .mojibake import LOST
from .rejoin import (
    CLOSE_FIGURE,
    CONTENT,
    EMPTY,
    MARKER,
    SPACED_FIGURE,
    LOST_INDENT,
    MAX_GLUED,
    MAX_PIECE_WIDTH,
    column_fit,
    column_width,
    find_furniture,
    head_width,
    indented_width,
    is_closing_note,
    is_furniture_form,
    is_indented,
    line_kind,
)

# Cost, in nats, of switching between clean and broken.  Entering and leaving a
# broken section costs twice this, so an isolated odd line needs an evidence of
# more than 2 * SWITCH_COST to be cut out of its surroundings.
SWITCH_COST = 4.0

# k-gram length used to find lines whose text recurs inside a longer line.
CONTAINMENT_K = 3

# How much longer a line must be to count as holding a shorter one: a third
# longer, so that a copy's title line (set at half the column) is found in the
# clean title, and the first printed line of a short paragraph in the clean
# paragraph, while two versions of one line (equal length) never count.
LONGER = 1.3

# A broken section holds fragments of printed lines; below this many content
# lines the evidence is too thin to call anything a PDF copy.
MIN_BROKEN_LINES = 3

# Evidence (nats) each of two lines must carry to be a copy all the same: a
# switch's cost apiece, so that together they pay for entering and leaving it.
THIN_COPY_EVIDENCE = SWITCH_COST

# Cells past a copy's column beyond which a line cannot be one of its printed
# lines (hanging punctuation and Latin wobble take up to four).
WIDER_THAN_COLUMN = 6


@dataclass(frozen=True)
class LineEvidence:
    """Per-line cues and their sum (log-likelihood ratio, broken against clean)."""

    kind: int
    llr: float


def detect(lines: tuple[str, ...], garbled: frozenset[int] = frozenset()) -> tuple[tuple[Section, ...], StageReport]:
    """Split the document's lines into clean and broken sections.

    Returns sections covering every line exactly once, in order, and a report of
    how many broken sections were found.  ``garbled``: the (0-based) lines the
    encoding stage repaired from a wrong codec, which web text beside them
    was not (:func:`pipeline.encoding.garbled_lines`).
    """
    if not lines:
        return (), StageReport("detection", {"broken_sections": 0})
    kinds = [line_kind(line) for line in lines]
    # Comparison forms (OpenCC t2s per line) are computed once and shared by the
    # passes that compare lines' text.
    forms = [form_only(line) if kind == CONTENT else "" for line, kind in zip(lines, kinds)]
    contained = _contained_in_longer_line(forms)
    evidence = line_evidence(lines, contained, kinds, garbled)
    labels = _drop_thin_broken(evidence, _viterbi(evidence))
    refined = _layout_contrast(lines, evidence, labels)
    if refined is not None:
        evidence = refined
        labels = _drop_thin_broken(evidence, _viterbi(evidence))
    labels = _restored_edge_copy(lines, kinds, forms, garbled, labels)
    labels = _between_copy_marks(lines, kinds, labels)
    labels = _split_repeated_title(lines, forms, labels, contained)
    # Before the edges are settled too: an article's title block the
    # evidence took for a copy, left on the copy's side, hides the clean
    # lines a copy's head is settled against.
    labels = _require_copy(lines, forms, labels, garbled)
    # And a copy's own lines left clean inside it (a list of one-line items,
    # closed and indented as web text's) would stand for the clean text
    # the edges are settled against: its first line taken for the
    # article's title, the real title for a fragment of its lead.
    labels = _absorb_clean_islands(forms, labels)
    labels = _settle_edges(lines, evidence, labels, contained, forms, garbled)
    labels = _clean_title_after_copy(lines, forms, labels)
    labels = _absorb_clean_islands(forms, labels)
    labels = _absorb_clean_tail(lines, forms, labels)
    labels = _require_copy(lines, forms, labels, garbled)
    labels = _furniture_to_copy(lines, labels)
    labels = _tail_printed_again(forms, labels)
    sections = _sections(lines, evidence, labels)
    broken = sum(s.kind is SectionKind.BROKEN for s in sections)
    return sections, StageReport("detection", {"broken_sections": broken})


def _han_lines(lines: tuple[str, ...], kinds: list[int]) -> frozenset[int]:
    """The content lines holding a Han character: the lines a wrong codec's repair can tell apart."""
    return frozenset(i for i, k in enumerate(kinds) if k == CONTENT and any(is_han(c) for c in lines[i]))


def _restored_edge_copy(
    lines: tuple[str, ...], kinds: list[int], forms: list[str], garbled: frozenset[int], labels: list[bool]
) -> list[bool]:
    """A copy's few lines at the document's edge, told by the wrong codec they alone went through.

    A copy set wide may hold no more than the title and the first paragraph,
    a line each: two lines that close their sentences as web text does say
    too little for the line evidence to cut them out (a copy before the
    clean text and another after it, the same two lines each, and only the
    last one was found).  But a copy goes through a wrong codec whole, and
    web text does not: where the content lines at an edge, fewer than
    :data:`MIN_BROKEN_LINES`, were all restored from one, beside at least
    that many lines with Han that were not, and the sound text holds each of them
    again (a lost character standing for up to :data:`MAX_LOST_SPAN`), they
    are a copy of it.  Longer restored runs carry the codec's evidence in
    the line evidence already.
    """
    if not garbled:
        return labels
    sound = sorted(_han_lines(lines, kinds) - garbled)
    if len(sound) < MIN_BROKEN_LINES:
        return labels
    content = [i for i, k in enumerate(kinds) if k == CONTENT]
    lossy = _lossy_patterns(lines, 0, len(lines)) if any(LOST in line for line in lines) else {}
    sound_text = "\n".join(forms[i] for i in sound)

    def said_again(i: int) -> bool:
        if i in lossy:
            return re.search(lossy[i], sound_text) is not None
        return bool(forms[i]) and forms[i] in sound_text

    out = list(labels)
    for edge in (content, content[::-1]):
        run = list(itertools.takewhile(garbled.__contains__, edge))
        if 0 < len(run) < MIN_BROKEN_LINES and all(said_again(i) for i in run):
            lo, hi = (0, max(run) + 1) if edge is content else (min(run), len(lines))
            out[lo:hi] = [True] * (hi - lo)
    return out


# Evidence (log-likelihood ratio) that a line is part of a copy because a full
# indented line runs on to an unindented one there: web text never wraps.
WRAP_EVIDENCE = 3.0

# Narrowest line (cells) taken for a full one of a column no indent or
# width shows (a copy set wide): a heading or a title line is narrower.
MIN_FLAT_WRAP = 60

# Evidence that a line with Han is a copy's because a wrong codec garbled it,
# or clean because none did, where the document holds both kinds.
CODEC_EVIDENCE = 3.0

# Evidence that a line is a copy's because it sets a figure apart from the Han
# beside it by a space ("本报北京 10 月 25 日电"), where other lines set theirs
# close ("10月25日"): a PDF's text layer spaces a run in another font, and one
# text is typed one way throughout.
SPACING_EVIDENCE = 1.5


def _spaced_figures(lines: tuple[str, ...], kinds: list[int]) -> frozenset[int]:
    """The content lines that space figures from Han, where other lines set them close three times or more.

    One source spaces its figures one way throughout; a document whose lines
    do both holds two sources, and the spacing one is the PDF's.
    """
    spaced, close = set(), 0
    for i, (line, kind) in enumerate(zip(lines, kinds)):
        if kind != CONTENT:
            continue
        if SPACED_FIGURE.search(line):
            spaced.add(i)
        else:
            close += len(CLOSE_FIGURE.findall(line))
    return frozenset(spaced) if close >= MIN_BROKEN_LINES else frozenset()


def line_evidence(
    lines: tuple[str, ...],
    contained: list[float | None] | None = None,
    kinds: list[int] | None = None,
    garbled: frozenset[int] = frozenset(),
) -> list[LineEvidence]:
    """Score every line; only CONTENT lines carry evidence (``contained``/``kinds`` when the caller has them).

    ``garbled``: the lines restored from a wrong codec (see :func:`detect`).
    """
    if kinds is None:
        kinds = [line_kind(line) for line in lines]
    if contained is None:
        contained = _contained_in_longer_line(
            [form_only(line) if kind == CONTENT else "" for line, kind in zip(lines, kinds)]
        )
    widths = [display_width(line.strip()) if k == CONTENT else 0 for line, k in zip(lines, kinds)]
    shown = _column(lines)
    column = shown or _runs_column(lines)
    # A printed line: open, and as wide as the column once its indentation
    # counts, or without it where the column was measured on indented first
    # lines' text (a copy set wide, whose paragraphs are a first line and a
    # last one, shows few wraps).  Not against a "column" narrower than any
    # text column (a page head's date recurring), which an indented short
    # line of the article would match without its indent.
    printed = [
        bool(column)
        and k == CONTENT
        and line.strip()[-1] not in PARAGRAPH_FINAL
        and (
            abs(display_width(line.rstrip()) - column) <= 2
            or (column >= MIN_RUN_COLUMN and abs(w - column) <= 2)
        )
        for line, k, w in zip(lines, kinds, widths)
    ]
    # A full indented line whose paragraph runs on to an unindented line: web
    # text indents every paragraph, so only a wrap continues a line that way
    # ("　　“把好山好水保护好，……责任。" / "牺牲绿水青山……表示。"), even where
    # both lines close a sentence.
    wraps = [False] * len(lines)
    # Where no column shows (a copy set wide, too short to show one), a
    # line the document holds none wider than, stopping mid-sentence, fills
    # what column there is.
    widest = widest_open = 0
    # (A "column" narrower than any text column is the headings' of a clean
    # text, "聚焦科研实践" / "解决突出问题": no column of the copy shows.)
    no_text_column = not column or column < MIN_RUN_COLUMN
    if not column:
        widest = max((indented_width(line.rstrip()) for line, k in zip(lines, kinds) if k == CONTENT), default=0)
    widest_open = max(
        (
            display_width(line.strip())
            for line, k in zip(lines, kinds)
            if k == CONTENT and not is_indented(line) and line.strip()[-1] not in PARAGRAPH_FINAL
        ),
        default=0,
    )
    # With no indent either (a copy set wide that marks no paragraph), one
    # such line may be a long heading over its text; two or more, each
    # running on to the next line, are a column's wraps.  Measured against
    # the widest such line, not the document's widest: a clean body's
    # paragraphs, each on a line, are far wider than the copy's column.  (A
    # paragraph's first line falls short of it by an indent the extraction
    # dropped.)  Where a column of text shows, the lines that fill it, or
    # fall short by that indent (see _flat_wrap), count the same way, and so
    # do such widest lines far past it (see _past_column).
    flat: list[tuple[int, int]] = []
    prev = None
    for i, (line, k) in enumerate(zip(lines, kinds)):
        if k == EMPTY:
            continue
        if k == CONTENT and prev is not None and not is_indented(line):
            before = lines[prev]
            stops_open = before.strip()[-1] not in PARAGRAPH_FINAL
            if is_indented(before):
                width = indented_width(before.rstrip())
                if _fills(width, line.strip(), column) if column else stops_open and width >= widest - 2:
                    wraps[i] = wraps[prev] = True
            elif stops_open:
                width, following = display_width(before.strip()), display_width(line.strip())
                widest_like = width >= max(widest_open - LOST_INDENT - 2, MIN_FLAT_WRAP)
                if (
                    widest_like
                    if no_text_column
                    else _flat_wrap(width, following, column) or (widest_like and _past_column(width, following, column))
                ):
                    flat.append((prev, i))
        prev = i if k == CONTENT else None
    flat_wraps = [False] * len(lines)
    if len(flat) >= 2:
        for a, b in flat:
            flat_wraps[a] = flat_wraps[b] = True
    # The content line before each line, across at most one empty line
    # where the column is one of text (a "column" of a dozen cells is the
    # headings' of a clean text set apart by blank lines: "（一）资格审查").
    previous: list[int | None] = [None] * len(lines)
    for i in range(1, len(lines)):
        if kinds[i - 1] == CONTENT:
            previous[i] = i - 1
        elif column and column >= MIN_RUN_COLUMN and i > 1 and kinds[i - 1] == EMPTY and kinds[i - 2] == CONTENT:
            previous[i] = i - 2
    split_words = _split_words(lines, kinds)
    blocks = _block_clean_share(lines, kinds, shown)
    joined = "\n".join(lines)
    starts = list(itertools.accumulate((len(line) + 1 for line in lines[:-1]), initial=0))
    # Is there a copy of a clean body here at all?  Then most open lines are found
    # inside longer lines, and an open line found nowhere is not part of the copy.
    candidates = [c for c, line, k in zip(contained, lines, kinds) if k == CONTENT and c is not None
                  and line.strip()[-1] not in PARAGRAPH_FINAL]
    has_copy = len(candidates) >= MIN_BROKEN_LINES and sum(c >= 0.5 for c in candidates) >= 0.5 * len(candidates)
    # A copy goes through a wrong codec whole, web text does not: where some
    # lines with Han needed that repair and others did not, the one kind is
    # a copy's and the other the clean text's, whatever their shape.
    han = _han_lines(lines, kinds) if garbled else frozenset()
    restored = len(han & garbled)
    codec_contrast = min(restored, len(han) - restored) >= MIN_BROKEN_LINES
    spaced_figures = _spaced_figures(lines, kinds)
    out = []
    n = len(lines)
    for i, (line, kind) in enumerate(zip(lines, kinds)):
        if kind != CONTENT:
            out.append(LineEvidence(kind, 0.0))
            continue
        text = line.strip()
        width = widths[i]
        llr = 0.0
        # Clean paragraphs end a sentence; printed lines and text runs mostly stop
        # mid-sentence (about 7 in 8 in the sample's copy).
        llr += 1.2 if text[-1] not in PARAGRAPH_FINAL else -1.2
        # Width: runs are often a few characters; clean paragraphs are long.
        # (Not an open line within the document's column: a copy set wide, 45
        # characters and more as a page set across, fills it as a narrow one
        # does, short of it by a dropped indent or a word carried down.)
        if width <= 8:
            llr += 0.8
        elif column and text[-1] not in PARAGRAPH_FINAL and width <= column + 2:
            pass
        elif width > 160:
            llr -= 3.0
        elif width > 90:
            llr -= 1.5
        # A copy's printed lines and runs fit its column (a closing mark may hang
        # one character past it); a line well past the column is not one of them.
        if shown and width > shown + WIDER_THAN_COLUMN:
            llr -= 1.5
        # Damage typical of PDF text layers.
        if "\ufffd" in text:
            llr += 2.0
        if "\u2015" in text:
            llr += 1.0
        # Web text indents paragraphs with U+3000; a PDF copy indents at most the
        # first printed line of a paragraph (which then fills the column).
        # (A one-line paragraph that fills the column, its closing mark hung
        # past it, is such a first line too.)
        if line.startswith("\u3000") and not printed[i] and not (
            column and text[-1] in PARAGRAPH_FINAL and abs(indented_width(line.rstrip()) - column) <= 2
        ):
            llr -= 1.5
        # A run that starts with the word gap it followed (" 促发展").
        if line.startswith(" ") and not line.startswith("  "):
            llr += 1.0
        # White-space-only lines are the PDF's paragraph marks; they sit between
        # fragments, almost never between clean paragraphs.
        if any(kinds[j] == MARKER for j in range(max(0, i - 4), min(n, i + 5))):
            llr += 1.5
        # The text of a fragment recurs inside a longer line: the clean paragraph
        # it was cut from.
        # (A clean title shares words with the article, but not all of them.)
        if contained[i] is not None and not (contained[i] >= 0.5 and _clause_aligned(lines, i, joined, starts)):
            llr += 2.5 * max(0.0, 2 * contained[i] - 1)
            if has_copy and contained[i] == 0.0:
                llr -= 1.5
        # Lines at the column width of a visual-line rendering, and the line
        # that continues one: clean text never breaks a sentence at a line end.
        # (The line before is the one before the blank line a spaced
        # rendering puts after every printed line.)
        if printed[i]:
            llr += 1.5
        if previous[i] is not None and printed[previous[i]]:
            llr += 1.5
        # (Two flat wraps or more count in full even on a printed line: a
        # wide copy of mostly one-line paragraphs, closed as web text's are,
        # shows little else.)
        if (wraps[i] and not printed[i] and not (i > 0 and printed[i - 1])) or flat_wraps[i]:
            llr += WRAP_EVIDENCE
        # A line end inside a word, on either side of the line: only a wrap
        # cuts one, and web text never wraps.
        if split_words[i]:
            llr += SPLIT_WORD_EVIDENCE
        # Inside a block of consecutive long, closed lines: a clean article.
        llr += blocks[i]
        if codec_contrast and i in han:
            llr += CODEC_EVIDENCE if i in garbled else -CODEC_EVIDENCE
        if i in spaced_figures:
            llr += SPACING_EVIDENCE
        out.append(LineEvidence(kind, llr))
    return out


# Evidence that a line is a copy's because a line end next to it falls inside
# a word (:func:`pipeline.lexicon.splits_word`): none of the corpus's 1,583
# paragraph ends without a mark reads so, a third of a copy's wraps between
# Han characters do.  As strong as a wrap's other signs.
SPLIT_WORD_EVIDENCE = WRAP_EVIDENCE


def _split_words(lines: tuple[str, ...], kinds: list[int]) -> list[bool]:
    """Lines that a line end inside a word joins to the next or the previous content line.

    Web text puts each paragraph on a line of its own, so its line ends fall
    between words; a copy's wraps fall anywhere ("…理李成钢应" / "邀参加会议").
    The next content line is looked for across one empty line at most (a
    rendering that puts a blank line after every printed line), never
    across a white-space mark.
    """
    out = [False] * len(lines)
    prev = None
    for i, kind in enumerate(kinds):
        if kind == CONTENT:
            if prev is not None and splits_word(lines[prev].strip(), lines[i].strip()):
                out[prev] = out[i] = True
            prev = i
        elif kind == MARKER or (kind == EMPTY and i > 0 and kinds[i - 1] == EMPTY):
            prev = None
    return out


def _flat_wrap(width: int, following: int, column: int) -> bool:
    """Whether an unindented open line ``width`` cells wide, then one ``following`` wide, are a printed line and its wrap.

    The line fills the column, or falls short of it by the indent the
    extraction dropped from a paragraph's first line (set wide, most
    paragraphs are that line and a last one, so few lines fill the column
    itself).  The next line is one of the column, never wider: a clean
    paragraph on its own line is.
    """
    fills = abs(width - column) <= 2 or abs(width - (column - LOST_INDENT)) <= 2
    return fills and width >= MIN_FLAT_WRAP and following <= column + 2


def _past_column(width: int, following: int, column: int) -> bool:
    """Whether a line ``width`` cells wide, then one ``following`` wide, wrap a column wider than the one measured.

    A short copy cut into runs shows few whole lines; its title block and a
    run or two of a like width can pass for a column ("动力充盈…" /
    "合力聚势…" / "月，规上…居"), and its real printed lines, far wider,
    then read as web text.  A line well past that column, going on to one
    no wider, is a printed line of a wider one.
    """
    return width > column + WIDER_THAN_COLUMN and following <= width + 2


def _fills(width: int, following: str, column: int) -> bool:
    """Whether a line ``width`` cells wide filled ``column``, the next line being ``following``.

    Within two cells of it, or short of it by less than the next line's first
    piece: a greedy typesetter moves a piece down only when it does not fit
    (a book title's opening mark and first character, "《新", a number).
    """
    return abs(width - column) <= 2 or (width <= column and width + head_width(following) > column)


def _column(lines: tuple[str, ...]) -> int | None:
    """The document's printed column, measured on its lines' text, or with their indent where that fits clearly better.

    A short copy set wide has few full lines, and its paragraphs' indented
    first lines are among them: without their indent they fall four cells
    short of the others, and no column stands out, or the wrong one.  But
    clean text indents its paragraphs too (four spaces in some archives),
    and its headings then fit no copy's column: the text alone decides
    unless the indent makes clearly more lines fit.
    """
    column, share = column_fit([line.strip() for line in lines])
    indented, indented_share = column_fit([line.rstrip() for line in lines])
    return indented if indented_share >= share + INDENT_COLUMN_GAIN else column


def _runs_column(lines: tuple[str, ...]) -> int | None:
    """The column a copy cut into runs fills, where :func:`_column` sees none.

    A copy cut into runs at every figure and Latin word hides, among its
    short runs, the column its whole lines fill.  Measured on the lines that
    might fill one (a dozen characters and more), the column shows.  It says
    which open lines are printed lines; not that a line wider than it is
    clean, which only a column all lines show says (two copies set at two
    widths show the narrower one's here).
    """
    return column_fit([line.strip() for line in lines if display_width(line.strip()) >= MIN_RUN_COLUMN])[0]


# The narrowest open line that may fill a copy's column, in cells (the
# generator's and the papers' narrowest columns are 14 characters).
MIN_RUN_COLUMN = 24


# Share of the open lines that must fit a column measured with indents beyond
# the share that fits the one measured without.
INDENT_COLUMN_GAIN = 0.1


# What may stand before a whole clause inside a paragraph.
_CLAUSE_BEFORE = "，。；：！？、…—“‘（(【■●◆▲"
_BULLETS = " \u3000■●◆▲•·"
SENTENCE_STOPS = frozenset("。！？")


def _clause_aligned(lines: tuple[str, ...], i: int, joined: str, starts: list[int]) -> bool:
    """Whether line i is a sentence of a longer line without its full stop: a summary's line, not a printed one.

    A standfirst or a bullet point that repeats a sentence of the article ("■ 要强
    化基础研究，……取得产业新优势") is found inside the paragraph it sums up,
    like a copy's printed line inside the paragraph it was cut from.  But it
    drops the sentence's full stop, and a printed line that stops where a
    sentence does keeps it (a full stop never opens a line).  So: a line
    ending in no mark, found in a longer line from a mark (or its start) up to
    a full stop.  ``joined`` is the lines joined by newlines, ``starts`` where
    each begins: one search of the whole text per line.
    """
    text = lines[i].strip(_BULLETS)
    if len(text) < MIN_ALIGNED_CLAUSE or not is_han(text[-1]):
        return False
    at = joined.find(text)
    while at >= 0:
        t = bisect.bisect_right(starts, at) - 1
        if t != i and len(lines[t]) >= LONGER * len(text):
            before = joined[starts[t] : at].rstrip(" \u3000")
            stop = joined[at + len(text) : at + len(text) + 1]
            if (not before or before[-1] in _CLAUSE_BEFORE) and stop in SENTENCE_STOPS:
                return True
        at = joined.find(text, at + 1)
    return False


# Shortest text (characters) whose repeat of a sentence is told from a printed line.
MIN_ALIGNED_CLAUSE = 8


def _contained_in_longer_line(forms: list[str]) -> list[float | None]:
    """Share of each line's k-grams found in some line at least :data:`LONGER` times as long.

    A clean paragraph is not part of a longer paragraph of the same article; a
    fragment of a PDF copy is part of the clean paragraph it was cut from.  Lines
    with fewer than two k-grams get None: too short to say.  Linear: one k-gram
    index.
    """
    k = CONTAINMENT_K
    index: dict[str, list[int]] = defaultdict(list)
    for no, form in enumerate(forms):
        for j in range(len(form) - k + 1):
            hits = index[form[j : j + k]]
            if len(hits) < 8 and (not hits or hits[-1] != no):
                hits.append(no)
    out = []
    for no, form in enumerate(forms):
        grams = len(form) - k + 1
        if grams < 1 or (grams < 2 and len(form) != k):
            out.append(None)
            continue
        found = 0
        for j in range(grams):
            if any(len(forms[o]) >= LONGER * len(form) for o in index[form[j : j + k]] if o != no):
                found += 1
        out.append(found / grams)
    return out


def _block_clean_share(lines: tuple[str, ...], kinds: list[int], column: int | None) -> list[float]:
    """Evidence for clean text from the adjacent lines around each line.

    Web text puts a paragraph on a line, so a line whose adjacent neighbours (no
    blank line between) are long and closed sits in a clean article; a visual-line
    PDF rendering also gives adjacent lines, but they stop mid-sentence at the
    column width.  The side with more such neighbours counts, so the last line of
    a clean article keeps its side even when a broken copy follows it directly.
    """
    n = len(lines)
    # Where the document shows a printed column, a clean paragraph line must be
    # longer than any printed line could be; a copy's paragraph-final lines are
    # closed too, but never wider than the column.
    long_enough = max(40, column + 6) if column else 40

    def paragraph_like(t: int) -> bool:
        text = lines[t].strip()
        return text[-1] in PARAGRAPH_FINAL and display_width(text) >= long_enough

    out = [0.0] * n
    for i in range(n):
        if kinds[i] != CONTENT:
            continue
        shares = []
        for step in (-1, 1):
            near = []
            t = i + step
            while 0 <= t < n and kinds[t] == CONTENT and len(near) < 3:
                near.append(t)
                t += step
            if near:
                shares.append(sum(paragraph_like(t) for t in near) / 3)
        if shares:
            out[i] = -4.0 * max(0.0, max(shares) - 0.2)
    return out


def _viterbi(evidence: list[LineEvidence]) -> list[bool]:
    """Most likely clean/broken labelling of the content lines (True = broken)."""
    idx = [i for i, e in enumerate(evidence) if e.kind == CONTENT]
    labels = [False] * len(evidence)
    if not idx:
        return labels
    # score[s]: best log-score ending in state s (0 clean, 1 broken).
    # A document is clean until its lines say otherwise: starting in the broken
    # state costs half a switch, so a few weakly odd lines alone stay clean text.
    score = [-evidence[idx[0]].llr / 2, evidence[idx[0]].llr / 2 - SWITCH_COST / 2]
    back: list[tuple[int, int]] = []
    for i in idx[1:]:
        half = evidence[i].llr / 2
        from_c = (score[0], score[1] - SWITCH_COST)
        from_b = (score[0] - SWITCH_COST, score[1])
        prev_c = 0 if from_c[0] >= from_c[1] else 1
        prev_b = 0 if from_b[0] >= from_b[1] else 1
        back.append((prev_c, prev_b))
        score = [max(from_c) - half, max(from_b) + half]
    state = 0 if score[0] >= score[1] else 1
    path = [state]
    for prev_c, prev_b in reversed(back):
        state = prev_c if state == 0 else prev_b
        path.append(state)
    path.reverse()
    for i, s in zip(idx, path):
        labels[i] = bool(s)
    # Non-content lines take the label of the content line before them (those
    # before the first content line, of the first).
    last = None
    for i, e in enumerate(evidence):
        if e.kind == CONTENT:
            last = labels[i]
        elif last is not None:
            labels[i] = last
    first = next((labels[i] for i in idx), False)
    for i, e in enumerate(evidence):
        if e.kind == CONTENT:
            break
        labels[i] = first
    return labels


def _layout_contrast(
    lines: tuple[str, ...], evidence: list[LineEvidence], labels: list[bool]
) -> list[LineEvidence] | None:
    """Second-pass evidence from how the two kinds of text are laid out in *this* document.

    Where the first pass found both clean and broken text, compare how often a
    line of each kind has a content line directly above or below it (no blank
    line between).  In the sample, clean paragraphs stand on adjacent lines and
    the copy's runs have blank lines between them; then adjacency itself says
    which side a doubtful line at a boundary belongs to (a byline, a title).
    The weight is the log ratio of the two frequencies, capped at 2 nats, and
    zero when the kinds are laid out alike.
    """
    n = len(lines)
    content = [i for i, e in enumerate(evidence) if e.kind == CONTENT]

    def adjacent(i: int) -> bool:
        return (i > 0 and evidence[i - 1].kind == CONTENT) or (i + 1 < n and evidence[i + 1].kind == CONTENT)

    broken = [adjacent(i) for i in content if labels[i]]
    clean = [adjacent(i) for i in content if not labels[i]]
    if len(broken) < MIN_BROKEN_LINES or len(clean) < 2:
        return None
    eps = 0.02
    a_b, a_c = sum(broken) / len(broken), sum(clean) / len(clean)
    w_adjacent = max(-2.0, min(2.0, math.log((a_b + eps) / (a_c + eps))))
    w_isolated = max(-2.0, min(2.0, math.log((1 - a_b + eps) / (1 - a_c + eps))))
    if abs(w_adjacent) < 0.5 and abs(w_isolated) < 0.5:
        return None
    return [
        LineEvidence(e.kind, e.llr + (w_adjacent if adjacent(i) else w_isolated)) if e.kind == CONTENT else e
        for i, e in enumerate(evidence)
    ]


# More clean/broken boundaries than this and the edge rules stand aside.
MAX_EDGES = 64

# Shortest text (content characters) trusted to show that a copy repeats itself.
MIN_SELF_REPEAT = 6

# The copy's line before a title-like line, joined to it in the clean text:
# at least this long, so a character or two cannot match by chance.
MIN_JOINED_PART = 2

# A line this many content lines or fewer before broken text heads that copy.
HEAD_LINES = 3

# Lines of a copy looked back over for its widest, where no column shows.
MAX_RUN_LOOKBACK = 40

# How many rounds of moving lines across clean/broken edges (each round moves
# at most one line per edge).
MAX_EDGE_MOVES = 6


def _settle_edges(
    lines: tuple[str, ...],
    evidence: list[LineEvidence],
    labels: list[bool],
    contained: list[float | None],
    line_forms: list[str],
    garbled: frozenset[int] = frozenset(),
) -> list[bool]:
    """Move lines across a clean/broken boundary where their content says which side they are.

    Where a copy touches the clean text with no blank line between, the Viterbi
    pass can put a line or two on the wrong side.  These rules settle them:

    * a clean line on the edge whose text stands inside another clean line at
      least as long is a fragment of the copy: an article does not repeat its own
      sentences.  The exception is the title opening the article, which its lead
      paragraph may repeat; a line ending a sentence (。！？) is not a title.  A
      line with no letters or ideographs at all ("”") on an edge is a fragment.
    * a clean line on the edge written in traditional script (two characters
      or more), beside clean text that has none, is a traditional copy's, as
      is one restored from a wrong codec (``garbled``) beside clean text that
      needed no such repair; and a broken line with Han on the edge of a copy
      whose every nearby line shows such a mark, where the clean text beside
      it and the line itself do not, is clean;
    * a broken line on the edge whose text is found in no clean line is clean
      text (a title, a subhead) that was pulled over when the rest of its broken
      run holds the same text (a copy does not repeat itself), or when it is
      written directly against the clean text although its own run puts blank
      lines between fragments;
    * once those settle, the lines of a copy after clean text that stand
      before its title (the clean title printed again) are clean text (its
      closing signature), unless they are the copy's page head or kicker.

    A copy's end settles before the next copy's start: in a round where a
    copy's end gave a line to the clean text, lines opening a copy wait.
    """
    labels = list(labels)
    content = [i for i, e in enumerate(evidence) if e.kind == CONTENT]
    if not any(labels[i] for i in content) or all(labels[i] for i in content):
        return labels
    edges = sum(1 for a, b in zip(content, content[1:]) if labels[a] != labels[b])
    if edges > MAX_EDGES:
        # Hundreds of alternations are no article with a copy beside it; the
        # rules below are for the few boundaries such a document has.
        return labels
    forms = {i: line_forms[i] for i in content}
    position = {i: pos for pos, i in enumerate(content)}
    column = column_width([line.strip() for line in lines])
    first_clean: int | None = None
    blank_separated = _blank_separated_runs(evidence, labels)
    # The clean text as one string and its lines as a multiset, rebuilt once a
    # round (not per question), so each round stays linear.
    clean_text = ""
    clean_lines: Counter = Counter()
    # Lines moved to the clean side by the blank-line boundary, or as the
    # clean text's closing lines a copy prints again, which the fragment rule
    # (looking at words only) must not pull back.
    at_boundary: set[int] = set()
    # Lines moved to the copy as standing before the clean title.
    before_title: set[int] = set()

    # Characters each line writes in traditional script: a traditional copy's
    # line on the edge of simplified clean text is the copy's, whatever its
    # words.
    # (Counted only where asked: OpenCC over every line costs.)
    profiles: dict[int, tuple[int, int]] = {}

    def profile(i: int) -> tuple[int, int]:
        if i not in profiles:
            profiles[i] = script_profile(lines[i])
        return profiles[i]

    def traditional_chars(i: int) -> int:
        return profile(i)[0]

    def traditional_line(i: int) -> bool:
        # Written in traditional script: two such characters at least, or
        # one and no simplified one beside a line that is so written (a
        # traditional copy's source line, "《人民日報》（…版）", under its
        # title: 報 alone in it).
        trad, simp = profile(i)
        if trad >= MIN_SCRIPT_CHARS:
            return True
        if not trad or simp:
            return False
        pos = position[i]
        return any(
            0 <= q < len(content) and profile(content[q])[0] >= MIN_SCRIPT_CHARS and not profile(content[q])[1]
            for q in (pos - 1, pos + 1)
        )

    def has_han(t: int) -> bool:
        return any(is_han(c) for c in lines[t])

    def nearest_clean(i: int, toward: int) -> list[int]:
        # The clean lines nearest the line on the side away from its copy.
        clean = [t for t in content if not labels[t] and (t - i) * toward < 0]
        return clean[:SCRIPT_REACH] if toward < 0 else clean[-SCRIPT_REACH:]

    def simplified_beside_traditional_copy(i: int, toward: int) -> bool:
        # The mirror of a traditional line on simplified clean text's edge:
        # a line in simplified script on the edge of a traditional copy,
        # beside clean text in simplified script, is that clean text (its
        # title block, short and open like the copy's lines, written right
        # under the copy's last page number).  A traditional copy holds no
        # simplified character; one is enough ("小粉丝迷上前沿新知").  The
        # lines between it and the copy proper may be simplified too (the
        # rest of the title block, moved one a round); the copy's nearest
        # lines must all be traditional.
        trad, simp = profile(i)
        if trad or not simp:
            return False
        run = _run_lines(i)
        pos = run.index(i)
        nearer = run[pos + toward :: toward] if pos + toward >= 0 else []
        block = 0
        while block < len(nearer) and block < MAX_HEAD_BLOCK and profile(nearer[block])[1] and not profile(nearer[block])[0]:
            block += 1
        # (Lines holding Han only; a run's "年" holds no character of either
        # script alone, so half of them showing the traditional is enough.)
        copy = [t for t in nearer[block:] if has_han(t)][:SCRIPT_REACH]
        if (
            len(copy) < MIN_BROKEN_LINES
            or any(profile(t)[1] for t in copy)
            or 2 * sum(profile(t)[0] > 0 for t in copy) < len(copy)
        ):
            return False
        clean = nearest_clean(i, toward)
        return bool(clean) and not any(traditional_chars(t) for t in clean)

    def sound_beside_garbled_copy(i: int, toward: int) -> bool:
        # The same for a copy that went through a wrong codec: web text
        # beside it did not, so a line with Han that needed no repair, on
        # the edge of a copy whose nearest lines with Han all did, is the
        # clean text's (a box of short lines closing the article, blank
        # lines between, as the copy's runs are).  Lines between it and the
        # copy proper that needed none either go with it, one a round.
        if not garbled or i in garbled or not has_han(i):
            return False
        nearer = [t for t in _run_lines(i) if (t - i) * toward > 0]
        nearer.sort(key=lambda t: (t - i) * toward)
        first = next((k for k, t in enumerate(nearer) if t in garbled), None)
        if first is None:
            return False
        copy = [t for t in nearer[first:] if has_han(t)][:SCRIPT_REACH]
        if len(copy) < MIN_BROKEN_LINES or any(t not in garbled for t in copy):
            return False
        clean = nearest_clean(i, toward)
        return bool(clean) and not any(t in garbled for t in clean)

    def clean_lacks(marked: Callable[[int], object], but: int) -> bool:
        # The clean text apart from the line and the marked lines it stands
        # among (a copy's last lines may all have been left clean): at least
        # as much of it, with no line marked.
        pos = position[but]
        lo = hi = pos
        while lo > 0 and not labels[content[lo - 1]] and marked(content[lo - 1]):
            lo -= 1
        while hi + 1 < len(content) and not labels[content[hi + 1]] and marked(content[hi + 1]):
            hi += 1
        block = set(content[lo : hi + 1])
        rest = [j for j in content if j not in block and not labels[j]]
        return (len(rest) >= len(block) or len(block) == 1) and not any(marked(j) for j in rest)

    def clean_is_simplified(but: int) -> bool:
        return clean_lacks(traditional_chars, but)

    def clean_is_sound(but: int) -> bool:
        return clean_lacks(garbled.__contains__, but)

    def marked_as_copy(i: int) -> bool:
        # A line holding U+FFFD (a quotation mark lost) or LOST (a character
        # a wrong codec lost), or restored from a wrong codec, beside clean
        # text that shows none of these is the copy's, as a traditional line
        # beside simplified text is.
        def damaged(t: int) -> bool:
            return "\ufffd" in lines[t] or LOST in lines[t] or t in garbled

        return damaged(i) and not any(damaged(j) for j in content if j != i and not labels[j])

    # Each content line's leading white space.
    indents = {i: _indent(lines[i]) for i in content}

    def refresh() -> None:
        nonlocal clean_text, clean_lines, first_clean
        first_clean = next((i for i in content if not labels[i]), None)
        clean = [f for j, f in forms.items() if not labels[j]]
        clean_text = "\n".join(clean)
        clean_lines = Counter(clean)

    def in_other_clean_line(i: int, form: str) -> bool:
        # Lines shorter than the form cannot hold it, so no length filter is needed.
        return clean_text.count(form) > (0 if labels[i] else 1)

    def indented_as_clean(i: int, toward: int) -> bool:
        # Indented as most of the clean text's lines are, where no line of
        # the copy is but the edge's own: web text's indent ("    ") on its
        # closing lines (a signing body's name, short and open like a
        # copy's), which the copy's rendering never gave its lines.
        # (``toward``: the step from the line into its copy.)
        indent = indents[i]
        edge = 0
        pos = position[i]
        while indent and 0 <= pos < len(content) and labels[content[pos]] and indents[content[pos]] == indent:
            edge += 1
            pos += toward
        return _clean_indent(lines, labels, indent, in_copy=edge)

    def is_fragment(i: int) -> bool:
        form = forms[i]
        if i in at_boundary:
            return False
        if not form:
            return True
        if traditional_line(i) and clean_is_simplified(but=i):
            return True
        # So is a line restored from a wrong codec beside clean text that
        # needed no such repair (a copy's title block left on the clean side).
        if i in garbled and clean_is_sound(but=i):
            return True
        # A title ends without a full stop (a closing quote or bracket it may
        # have).
        title_like = not _ends_sentence(lines[i]) and not _bracketed(lines[i])
        # A copy's line cut mid-sentence must go on: the sentence-closing line
        # after it, set within the copy's column, is the rest of its paragraph
        # (the copy ending with a paragraph the clean text lacks).
        if not title_like and continues_open_copy_line(i):
            return True
        # A title-like line may be such a line too (a copy cut after a word,
        # "…关系。”明", or its last run, "职业系列赛在"): the copy's line before
        # it and the line together stand in one clean line, which the copy's
        # last line and the clean title after it never do.
        if title_like and continues_open_copy_line(i) and joins_copy_line(i):
            return True
        # Of two equal title-like clean lines, the one that heads a copy (a few
        # lines before broken text) is the copy's title, and the other keeps
        # its side: the next rule moves the copy's.
        if (
            title_like
            and clean_lines[form] > 1
            and not heads_copy(i)
            and any(heads_copy(t) for t in content if t != i and forms[t] == form and not labels[t])
        ):
            return False
        # A title may stand again inside its lead paragraph, never as a line of
        # its own: a whole-line repeat is the copy's.
        if clean_lines[form] > 1:
            return True
        # A line between a copy and the clean title that the copy opened
        # with is the copy's: web text opens with its title.  (A kicker over
        # the clean title is no such line: the copy prints it too, as its
        # own first line, which the title under it does not hold.)
        if before_copys_title(i):
            # The clean title's place settles it: no rule moves it back.
            before_title.add(i)
            return True
        if i == first_clean and title_like:
            return False
        return in_other_clean_line(i, form)

    def before_copys_title(i: int) -> bool:
        # The copy's title: its first line that is no page furniture.  The
        # clean text's title, holding it, follows within a few clean lines.
        pos = position[i]
        if pos == 0 or not labels[content[pos - 1]]:
            return False
        run = [t for t in _run_lines(content[pos - 1]) if not is_furniture_form(lines[t], credits=False)]
        title = forms[run[0]] if run else ""
        # (Page furniture on the edge is the copy's too, but that is for
        # the furniture rules to say, which know what to remove.)
        if sum(c.isalpha() for c in title) < MIN_SHORT_TITLE or title in forms[i] or find_furniture((lines[i],)):
            return False
        # The lines up to that title must look like the copy's printed lines:
        # no wider than half as much again as its column or its widest line
        # (runs fill few lines, so a wider column may not have shown yet).
        # Web paragraphs, each a line of its own, are wider: between two
        # copies, they stand before the next copy's title left clean, which
        # holds the copy's title too.
        printed = max([column or 0] + [display_width(lines[t].strip()) for t in run])
        for t in content[pos : pos + MAX_LINES_BEFORE_TITLE]:
            if labels[t]:
                return False
            # Whole, or as its first or last printed line (the copy wrapped
            # it, or lost its first words).  A copy of part of the article
            # opens on a paragraph's first line instead, which the clean
            # text holds whole a few lines after its title: a paragraph is
            # longer than a title and closes with a full stop.
            text = lines[t].strip().rstrip(_CLOSERS)
            if (
                t != i
                and (forms[t].startswith(title) or forms[t].endswith(title))
                and len(forms[t]) <= MAX_TITLE_CHARS
                and not text.endswith("。")
            ):
                # The clean text's title opens clean text (not the next
                # copy's title, left on the clean side).
                q = position[t] + 1
                return q < len(content) and not labels[content[q]]
            if display_width(lines[t].strip()) > PRINTED_SLACK * printed:
                return False
        return False

    def continues_open_copy_line(i: int) -> bool:
        pos = position[i]
        if pos == 0 or not labels[content[pos - 1]]:
            return False
        prev = lines[content[pos - 1]].strip()
        if prev[-1] in PARAGRAPH_FINAL:
            return False
        if column is not None:
            return display_width(lines[i].rstrip()) <= column + 2
        # No column shows (a copy cut into runs at every change of script
        # fills few lines): within the widest line of the copy before it.
        run = [t for t in content[max(0, pos - MAX_RUN_LOOKBACK) : pos] if labels[t]]
        return len(run) >= MIN_BROKEN_LINES and display_width(lines[i].strip()) <= max(
            display_width(lines[t].strip()) for t in run
        )

    def joins_copy_line(i: int) -> bool:
        before = forms[content[position[i] - 1]]
        joined = before + forms[i]
        return len(before) >= MIN_JOINED_PART and len(joined) >= MIN_SELF_REPEAT and joined in clean_text

    def heads_copy(t: int) -> bool:
        following = [u for u in content if u > t][:HEAD_LINES]
        return any(labels[u] for u in following)

    def closes_clean_text(i: int) -> bool:
        last = next((j for j in reversed(content) if not labels[j]), None)
        return last is not None and last > i and forms[last] == forms[i]

    def is_stray_clean(i: int, ends_run: bool) -> bool:
        form = forms[i]
        toward = -1 if ends_run else 1
        # A line showing damage the clean text lacks (U+FFFD, LOST, or a
        # wrong codec's repair) is the copy's, whatever else it looks like
        # (a paragraph only the copy has, which it says twice).
        if marked_as_copy(i):
            return False
        # So is a line in traditional script beside clean text in simplified
        # script (the fragment rule would move it back: a traditional copy's
        # title that writes a character otherwise than the clean title, 座標
        # for 坐标, which the clean text lacks, went back and forth a round
        # each, and the count of rounds decided its side).
        if traditional_line(i) and clean_is_simplified(but=i):
            return False
        if (
            indented_as_clean(i, toward)
            or simplified_beside_traditional_copy(i, toward)
            or sound_beside_garbled_copy(i, toward)
        ):
            # (The fragment rule, looking at words only, must not pull it back.)
            at_boundary.add(i)
            return True
        if len(form) < 2:
            return False
        # A copy does not repeat itself: a line on a copy's edge whose text the
        # rest of the copy holds, or that holds a whole line of the copy (a title
        # the copy printed without its first words), is the clean text the copy
        # duplicates.  At the end of a copy that runs into the clean text that is
        # the clean title (which the lead may repeat, so the clean text is not
        # asked); at the start of a copy, only a line the clean text lacks (the
        # copy's own title is in the clean text and stays).
        # A line holding a copy's line counts unless the article says that
        # line's words twice itself (a lead quoted again to open a
        # paragraph), which its copy renders twice too.  (A line the copy
        # holds counts however often the article says it: a title that the
        # text quotes.)
        repeated = (
            len(form) >= MIN_SELF_REPEAT
            and form not in clean_lines
            and (
                form in _run_text(i)
                or any(
                    len(forms[t]) >= MIN_SELF_REPEAT and forms[t] in form and clean_text.count(forms[t]) < 2
                    for t in _run_lines(i)
                    if t != i
                )
            )
        )
        if ends_run and repeated and not _ends_sentence(lines[i]):
            return True
        # However short: the copy's last line that says again, whole, the
        # line the copy opened with (its title, words, not a run of figures
        # cut from it) is the clean text's title after the copy.
        run = _run_lines(i)
        if (
            ends_run
            and run
            and run[0] != i
            and form == forms[run[0]]
            and sum(c.isalpha() for c in form) >= MIN_SHORT_TITLE
            and not _ends_sentence(lines[i])
        ):
            return True
        # The mirror case: a run of adjacent printed lines, and the line ending
        # it that a blank line parts from the run but that touches the clean
        # text after it (the clean title right after a copy).  The blank line
        # is the boundary; the line's words cannot tell, since a title's words
        # recur throughout its article.  (At the start of a copy the same shape
        # is the copy's own title before a paragraph gap, so only the end counts.)
        # A line in traditional script beside simplified clean text is the
        # copy's whatever its shape (a traditional copy's subtitle), as one
        # showing the copy's damage is (asked first); so is one wholly in
        # brackets, which no title is (the copy's closing dateline),
        # and the line the clean text closes with, whole (the copy's own
        # closing source line, "数据来源：…", over the clean title): an
        # article does not print its closing line twice.
        if (
            ends_run
            and not closes_clean_text(i)
            and not blank_separated.get(i, True)
            and i + 1 < len(lines)
            and evidence[i + 1].kind == CONTENT
            and not labels[i + 1]
            and i > 0
            and evidence[i - 1].kind == EMPTY
            and not (traditional_line(i) and clean_is_simplified(but=i))
            and not _bracketed(lines[i])
        ):
            at_boundary.add(i)
            return True
        # And the line ending such a run that blank lines part from both
        # the run and the clean text after it, as they part the clean
        # text's own lines: the clean title block under a copy's last page,
        # set apart as the clean paragraphs are ("\u3000\u3000与法治…" /
        # "内容提要" / "●在改革开放进程中…").  Not a line the clean text
        # says again: a copy's last paragraph, one line after its marker.
        if (
            ends_run
            and not blank_separated.get(i, True)
            and 0 < i < len(lines) - 1
            and evidence[i - 1].kind == EMPTY
            and evidence[i + 1].kind == EMPTY
            and set_apart_after(i)
            and not in_other_clean_line(i, form)
            and not (traditional_line(i) and clean_is_simplified(but=i))
            and not _bracketed(lines[i])
        ):
            at_boundary.add(i)
            return True
        # The first line of a copy after the clean text that the copy prints
        # again, whole and to the mark, in its last lines (on one line or
        # cut across two): the clean text's own closing line that looks like
        # a copy's (a signature, a date), which the copy renders at its end.
        # A copy does not print a line twice; the article's words may stand
        # in many of its lines (the signing body's name), so this is asked
        # first.  (A copy's title
        # quoting its last sentence, "…自豪”", is that sentence without its
        # full stop.)
        if (
            not ends_run
            and repeated
            and run
            and run[0] == i
            and simplified(lines[i].strip()) in printed_again([t for t in run[-CLOSING_REACH:] if t != i])
        ):
            at_boundary.add(i)
            return True
        if in_other_clean_line(i, form):
            return False
        # The first line of a copy that the clean text lacks but the copy repeats
        # (the clean article's byline, which the copy also ends with, or its
        # title, which a copy's last line, open, seems to run into: the
        # fragment rule must not pull it back).  Not a line closing a copy
        # with a full stop, which no title does, that holds the copy's
        # first line: the lead saying the title again
        # ("…同巴西总统博索纳罗会谈。" under a title cut to "总统博索纳罗会谈").
        if repeated and not (ends_run and ends_with_mark(lines[i], "。") and form not in _run_text(i)):
            at_boundary.add(i)
            return True
        # The first line of a run that is a copy of the clean text (most of its
        # lines stand inside clean lines) is the copy's title, which the clean
        # text holds too; a line there that the clean text lacks is clean text
        # the copy swallowed.
        # (Not a page head's first piece, "2019" of "2019" / "年" / "10" / "月"
        # … "第" / "16" / "版", cut into runs over the copy's title: page
        # furniture, which the copy's rejoin removes.)
        if (
            not ends_run
            and len(form) >= 4
            and (_run_is_copy(i) or _opens_on_title(i))
            and 0 not in find_furniture(lines[i : _pieces_beyond(lines, i, 1) + 1], credits=False)
        ):
            return True
        adjacent_clean = any(
            0 <= j < len(lines) and evidence[j].kind == CONTENT and not labels[j] for j in (i - 1, i + 1)
        )
        return adjacent_clean and blank_separated.get(i, False)

    def set_apart_after(i: int) -> bool:
        # The clean text after line i puts a blank line after each of its
        # first lines, as far as they go.
        after = [t for t in content if t > i][:SET_APART_LINES]
        return (
            len(after) == SET_APART_LINES
            and not any(labels[t] for t in after)
            and all(t + 1 < len(lines) and evidence[t + 1].kind == EMPTY for t in after[:-1])
        )

    def printed_again(tail: list[int]) -> set[str]:
        # The texts of a copy's last lines, one line or consecutive ones
        # joined (a line the copy cut in two, or into runs), whole and to
        # the mark; in simplified script, as a traditional copy prints them
        # in its own.
        texts = [simplified(lines[t].strip()) for t in tail]
        return {"".join(texts[a:b]) for a in range(len(texts)) for b in range(a + 1, len(texts) + 1)}

    def _run_lines(i: int) -> list[int]:
        lo = i
        while lo > 0 and labels[lo - 1]:
            lo -= 1
        hi = i
        while hi + 1 < len(lines) and labels[hi + 1]:
            hi += 1
        return [t for t in range(lo, hi + 1) if t in forms]

    def _run_text(i: int) -> str:
        return "".join(forms[t] for t in _run_lines(i) if t != i)

    def _opens_on_title(i: int) -> bool:
        # The line before the copy's title: the run goes on with the clean
        # text's first line (the title, cut into printed lines, perhaps
        # without its first words), however much the rest of the copy is its
        # own (a paragraph only the copy has may be most of a short
        # article's copy).
        if first_clean is None or first_clean > i:
            return False
        title = forms[first_clean]
        following = "".join(forms[t] for t in [t for t in _run_lines(i) if t > i][:HEAD_LINES])
        return len(following) >= MIN_SELF_REPEAT and (following in title or title in following)

    def _title_after_head(i: int) -> bool:
        # Whether the run ``i`` opens goes on, a few lines on, with the
        # clean title printed again (cut into printed lines, perhaps without
        # its first words), every line before it (``i`` among them) a few
        # words (not a page number, "2", nor a section's name, "国际"; a
        # closing note in brackets, "（曹 华）", however short) and
        # neither page furniture, nor a piece of that title, nor the end of
        # a clean line (a kicker the copy prints over its title, as the
        # clean text does, perhaps without its first words), nor showing
        # the copy's damage or script.
        run = _run_lines(i)
        if not run or run[0] != i:
            return False
        # The clean title: the clean text's first line past page furniture
        # (a credit line over it), where it closes nothing (a kicker over
        # the headline, "财经短波", may be that line: four letters will do
        # where the copy prints it again whole).
        head = next((t for t in content if not labels[t] and not is_furniture_form(lines[t])), None)
        if head is None or head > i or len(forms[head]) < MIN_SHORT_TITLE or not _closes_nothing(lines[head].strip()):
            return False
        title = forms[head]
        # The clean text's lines, and the line over its title whichever side
        # it stands on yet (its kicker, left with the copy before it until
        # the clean title's rule moves it).
        over = [forms[content[position[head] - 1]]] if position[head] else []
        for p in range(1, min(MAX_HEAD_BLOCK, len(run))):
            # The title from line p on: its lines joined up to its last
            # words (a title's words inside a paragraph are no title).
            joined = ""
            for t in run[p : p + MAX_HEAD_BLOCK]:
                joined += forms[t]
                if joined not in title:
                    break
                # (A short title, a kicker over the headline as "财经短波",
                # only whole: its last words are common words.)
                if (len(joined) >= MIN_SELF_REPEAT and title.endswith(joined)) or (
                    joined == title and len(title) >= MIN_SHORT_TITLE
                ):
                    return not any(
                        forms[u] in title
                        or (sum(c.isalpha() for c in forms[u]) < MIN_SHORT_TITLE and not is_closing_note(lines[u].strip()))
                        or find_furniture((lines[u],), credits=False)
                        or any(line.endswith(forms[u]) for line in [*clean_lines, *over])
                        or marked_as_copy(u)
                        or (traditional_line(u) and clean_is_simplified(but=u))
                        for u in run[:p]
                    )
        return False

    def _run_is_copy(i: int) -> bool:
        shares = [contained[t] for t in _run_lines(i) if t != i and contained[t] is not None]
        return len(shares) >= MIN_BROKEN_LINES and sum(c >= 0.5 for c in shares) >= 0.5 * len(shares)

    for _ in range(MAX_EDGE_MOVES):
        refresh()
        moved = False
        # Where a copy's end gave up a line to the clean text after it this
        # round, the next copy's start waits for the next round: the line
        # before may now be on the edge, and it may be the clean title,
        # which the next copy's first lines print again (until the title is
        # clean text, they would read as lines the clean text lacks).
        ended = False
        for pos, i in enumerate(content):
            before = labels[content[pos - 1]] if pos > 0 else None
            after = labels[content[pos + 1]] if pos + 1 < len(content) else None
            if labels[i]:
                if (
                    (before is False or after is False)
                    and i not in before_title
                    and (after is False or not ended)
                    and is_stray_clean(i, ends_run=after is False)
                ):
                    ended = ended or after is False
                    # The line and the blank lines between it and the clean side.
                    side = content[pos + 1] if after is False else content[pos - 1]
                    for t in range(min(i, side) + 1, max(i, side)):
                        labels[t] = False
                    labels[i] = False
                    moved = True
                continue
            if (before or after) and is_fragment(i):
                # The line and the blank lines between it and the broken side.
                side = content[pos - 1] if before else content[pos + 1]
                for t in range(min(i, side), max(i, side) + 1):
                    labels[t] = True
                moved = True
        if not moved:
            break
    # The mirror of a line between a copy and the clean title: a copy opens
    # with its title (or its page head), so the lines of a run after clean
    # text that stand before the clean title printed again are the clean
    # text's, however short and open (a signing body's name closing the
    # article, "…研究院", which the article also writes inside a sentence).
    # Not a kicker the copy prints over its title, nor the copy's page head
    # (see :func:`_title_after_head`).  Asked once the edges are settled:
    # until then the clean text's own kicker and title may still stand in
    # the copy before it.  One line a round, the run's first.
    for _ in range(MAX_HEAD_BLOCK):
        refresh()
        moved = False
        for pos, i in enumerate(content):
            if pos and labels[i] and not labels[content[pos - 1]] and _title_after_head(i):
                for t in range(content[pos - 1] + 1, i + 1):
                    labels[t] = False
                moved = True
                break
        if not moved:
            break
    return labels


# A broken run beside a clean body must be a copy of it: at least this share of
# its content characters must stand in the clean text.
MIN_COPY_SHARE = 0.5
# A line this many times as wide as the copy's widest (a printed line, or a
# run of two or three of them) is a web paragraph: no copy prints it.  The
# sample's runs span up to 86 cells, its web paragraphs up to 180.
WIDER_THAN_THE_COPY = 1.5

# k-gram length for that test: long enough that common words do not count.
COPY_K = 4


def _clean_title_after_copy(lines: tuple[str, ...], forms: list[str], labels: list[bool]) -> list[bool]:
    """Relabel as clean a broken run's last line that is the clean text's title, which the run opened with cut.

    A copy before the clean text may open with its title's last words alone
    ("提振发力"), too few to show the title by themselves.  Where the run's
    last line, a title-like line just before the clean text, ends with that
    opening line, it is the whole title: the clean text's first line, however
    much the copy's last lines read on into it.
    """
    out = list(labels)
    for i, j in _broken_runs(labels):
        content = [t for t in range(i, j) if forms[t]]
        if len(content) < 3 or not any(forms[t] and not labels[t] for t in range(j, len(forms))):
            continue
        first, last = forms[content[0]], forms[content[-1]]
        if len(last) > len(first) and last.endswith(first) and _title_like(lines, forms, content[-1]):
            out[content[-2] + 1 : j] = [False] * (j - content[-2] - 1)
    return out


def _absorb_clean_islands(forms: list[str], labels: list[bool]) -> list[bool]:
    """Relabel as broken a clean stretch inside one copy: smaller than the copy's text around it, repeated nowhere in it.

    Web text beside a copy is what the copy repeats.  A stretch read as clean
    between two broken ones, smaller than the two together, whose text the
    copy does not hold (not one line of it), is the copy's own: its one-line
    paragraphs, indented and closed as web paragraphs are (a copy set wide
    holds whole paragraphs on a line).  A clean body between two copies is
    what they repeat (a line or two at least, where they copy only its first
    part); a list inside the clean text that reads as a copy is smaller than
    the body around it.
    """
    out = list(labels)
    runs = _broken_runs(labels)
    texts = ["".join(forms[s:e]) for s, e in runs]
    grams: set[str] | None = None
    for k in range(len(runs) - 1):
        (_, a), (b, _) = runs[k], runs[k + 1]
        island = "".join(forms[a:b])
        if not island or len(island) >= len(texts[k]) + len(texts[k + 1]):
            continue
        if grams is None:
            copy = "\n".join(texts)
            grams = _kgrams(copy)
        if not _copy_lacks(forms, range(a, b), grams):
            continue
        out[a:b] = [True] * (b - a)
    return out


def _between_copy_marks(lines: tuple[str, ...], kinds: list[int], labels: list[bool]) -> list[bool]:
    """Relabel as broken a paragraph set between two of a copy's paragraph marks.

    A copy may mark its paragraph breaks with lines of white space alone,
    two or more together (the sample's " " over "  "); web text puts no two
    such lines together.  A paragraph between two such marks (a few lines
    with no blank line among them) is the copy's, however much it reads like
    web text: a copy set wide prints a paragraph on one line, indented and
    closed.  (Not a longer stretch: the clean body between two copies whose
    last paragraphs close with a mark.)
    """
    n = len(lines)
    marks: list[tuple[int, int]] = []
    i = 0
    while i < n:
        if kinds[i] == CONTENT:
            i += 1
            continue
        j = i
        while j < n and kinds[j] != CONTENT:
            j += 1
        if sum(kinds[t] == MARKER for t in range(i, j)) >= 2 and 0 < i and j < n:
            marks.append((i, j))
        i = j
    out = list(labels)
    for (before, a), (b, after) in zip(marks, marks[1:]):
        # The copy's, where the evidence found the copy on one side at least
        # (the content line just past either mark): a run of one-line
        # paragraphs between marks that the evidence left to the clean text
        # throughout is settled as a whole by the versions' titles.
        if (
            b - a <= MAX_MARKED_LINES
            and all(kinds[t] == CONTENT for t in range(a, b))
            and (labels[before - 1] or labels[after])
        ):
            out[a:b] = [True] * (b - a)
    return out


# Printed lines of a paragraph between two copy marks that may read as clean text.
MAX_MARKED_LINES = 3


def _absorb_clean_tail(lines: tuple[str, ...], forms: list[str], labels: list[bool]) -> list[bool]:
    """Relabel as broken the clean text beside a document's one copy that goes on from it, or that wraps a line.

    A copy set wide prints its short paragraphs whole on a line, indented
    and closed as web paragraphs are; where those close the document, they
    read as clean text after the copy, and the paragraph the copy's last
    printed line left open was cut in two ("…用2分01" / "秒的时间，…报道。").
    Where the copy opens the document (no web text before it) and its last
    line closes nothing, text after it that opens with no title and no
    indent where its other paragraphs have one, and that the copy does not
    hold (as :func:`_absorb_clean_islands` asks), goes on from the copy: it
    is the copy's.  A clean body after its copy opens with its title and
    repeats what the copy holds; a clean article's title block that the
    evidence took for a copy closes nothing.

    The copy's own last line may close a sentence, the paragraph going on
    after it (or a paragraph only the copy has, its last, after it, where
    the clean body stands before the copy); and the clean-looking text may
    stand first, before a copy that closes the document (its title, a
    standfirst and a paragraph or two, closed as web text's are).  Then
    the text itself shows it is the copy's where one of its lines is a
    printed line (:func:`_wraps_a_line`): web text breaks no sentence at a
    line end.  (Where it is smaller than the copy, and the copy holds less
    than half of it: a clean body beside its copy is what the copy
    repeats.  And where none of its lines is half again as wide as the
    copy's widest: a web paragraph that no copy's line or run could hold
    says the text around it is web text, whatever line of it reads as a
    wrap, an indented heading over an unindented photo caption.)
    """
    content = [i for i, f in enumerate(forms) if f]
    runs = _broken_runs(labels)
    if len(runs) != 1:
        return labels
    start, end = runs[0]
    body = [t for t in content if start <= t < end]
    head = [t for t in content if t < start]
    tail = [t for t in content if t >= end]

    def wraps_what_the_copy_lacks(part: list[int], into: tuple[int, ...] = ()) -> bool:
        # (``into``: the copy's first line, which a head's last line may
        # wrap into: "…展厅中一间“未来诊室”" / "吸引了众多参观者。…".)
        widest = max(indented_width(lines[t].rstrip()) for t in body)
        return (
            sum(len(forms[t]) for t in part) < sum(len(forms[t]) for t in body)
            and all(indented_width(lines[t].rstrip()) <= WIDER_THAN_THE_COPY * widest for t in part)
            and _wraps_a_line(lines, [*part, *into], body)
            and _held_share("".join(forms[t] for t in part), _kgrams("\n".join(forms[t] for t in body))) < MIN_COPY_SHARE
        )

    if body and head and not tail:
        # (Not into a copy that opens with its title, or with the end of
        # it that a cut left, "促发展" under "谋规划 强创新 促发展—看…":
        # the clean text's last line, a heading, ends before it.)
        opens_titled = len(forms[body[0]]) >= 2 and forms[body[0]] in forms[head[0]]
        into = () if opens_titled else tuple(body[:1])
        return [True] * start + labels[start:] if wraps_what_the_copy_lacks(head, into) else labels
    # (A title block the evidence took for a copy closes nothing: the
    # article's head, whose body follows.)
    if not body or not tail or all(_closes_nothing(lines[t].strip()) for t in body):
        return labels
    if lines[body[-1]].strip()[-1] in PARAGRAPH_FINAL:
        # Whatever stands before the copy: a paragraph only the copy has,
        # its last, is no text of the clean body there either.  (Its first
        # line may close nothing, indented as no web title is: the printed
        # line that wraps, "　　自2017年起，…共涉及6" / "个行政村，…".)
        if _title_like(lines, forms, tail[0]) and not is_indented(lines[tail[0]]):
            return labels
        return labels[:end] + [True] * (len(labels) - end) if wraps_what_the_copy_lacks(tail) else labels
    if content[0] < start or _title_like(lines, forms, tail[0]):
        return labels
    # The text after it indents its paragraphs, and its first line has no
    # indent: it goes on from a paragraph before it.  (A clean article's
    # lead closing its title block with "文章如下：" and a byline opens its
    # own text, whose paragraphs all look alike.)
    if is_indented(lines[tail[0]]) or not any(is_indented(lines[t]) for t in tail[1:]):
        return labels
    if not _copy_lacks(forms, tail, _kgrams("\n".join(forms[t] for t in body))):
        return labels
    return labels[:end] + [True] * (len(labels) - end)


def _wraps_a_line(lines: tuple[str, ...], members: list[int], copy: list[int]) -> bool:
    """Whether a stretch of content lines holds a printed line: as wide as the document's column, running on.

    The line stops mid-sentence (no closing mark, no closing bracket: a
    title's "（民生观）"; no colon, which opens a list; a quoted term's
    closing quote closes nothing, "…一间“未来诊室”"), and the next line
    goes on from it unindented; or it is indented and the next line is not,
    however it ends (web text indents every paragraph, so only a wrap goes
    on from an indented line that way, as :func:`line_evidence` reads it:
    "…中央广播电视总台《新闻联播》" / "用2分01秒的时间，…").  Its width is
    the column's, give or take the indent the extraction dropped and a
    hung mark: a copy set wide has few full lines, so its column may be
    measured on paragraphs' first lines, and a line that stops a cell
    short (a half-width digit in it) or hangs a comma past it is still one
    of its printed lines.  Web text
    sets a paragraph on a line, and one that stops open (a heading) is far
    narrower or far wider than a copy's column.

    The column is the document's (:func:`_column`), or the widest line of
    the ``copy`` (its lines): a copy too short to show its column has its
    title's lines outnumber its printed ones (two of each, where it prints
    the clean text's title again).
    """
    widest = max((indented_width(lines[t].rstrip()) for t in copy), default=0)
    columns = [c for c in (_column(lines) or _runs_column(lines), widest) if c and c >= MIN_RUN_COLUMN]
    if not columns:
        return False
    for a, b in zip(members, members[1:]):
        text = lines[a].strip()
        if is_indented(lines[b]):
            continue
        if leaves_bracket_open(text) and closes_unopened_bracket(lines[b]):
            # However wide: web text closes its brackets on the line that
            # opens them ("第一辆国产自行车（新中国“第一”" / "·生活篇）").
            return True
        if not is_indented(lines[a]) and (text[-1] in PARAGRAPH_FINAL or text[-1] in _CLOSERS) and not _quoted_term_end(text):
            continue
        if any(abs(indented_width(lines[a].rstrip()) - column) <= LOST_INDENT + 2 for column in columns):
            return True
    return False


def _quoted_term_end(text: str) -> bool:
    """Whether a line ends with a quoted term, mid-sentence ("…展厅中一间“未来诊室”"), not with a quoted sentence."""
    return text[-1] in "”’" and not closes_sentence(text)


def _copy_lacks(forms: list[str], members: Iterable[int], grams: set[str]) -> bool:
    """Whether a copy (its k-grams) lacks a stretch of lines: little of its text, and not one line of it.

    A clean body beside a copy of only its first part repeats a line or two
    (its title), however much of it is new: one line the copy holds is
    enough to say the copy repeats the stretch.
    """
    members = list(members)
    if _held_share("".join(forms[t] for t in members), grams) > MAX_ISLAND_SHARE:
        return False
    return not any(_held_share(forms[t], grams) >= MIN_COPY_SHARE for t in members if len(forms[t]) >= COPY_K)


def _kgrams(text: str) -> set[str]:
    """The k-grams (k = :data:`COPY_K`) of a text, to look lines up in it."""
    return {text[j : j + COPY_K] for j in range(len(text) - COPY_K + 1)}


def _held_share(form: str, grams: set[str]) -> float:
    """Share of a line's k-grams found in ``grams``."""
    total = len(form) - COPY_K + 1
    return sum(form[j : j + COPY_K] in grams for j in range(total)) / total if total > 0 else 0.0


# Share of a clean island's k-grams the copy around it may hold, for the
# island to be the copy's own text (its title words recur in it).
MAX_ISLAND_SHARE = 0.2


def _require_copy(
    lines: tuple[str, ...], forms: list[str], labels: list[bool], garbled: frozenset[int] = frozenset()
) -> list[bool]:
    """Relabel as clean a broken run that copies nothing, in a document whose clean text outweighs it.

    Short unpunctuated lines with blank lines between them are what a PDF copy
    looks like, but also what a clean article's title block, photo captions or a
    list of items look like.  A copy beside a clean body repeats that body, so
    most of its text stands in the clean lines; a run of which little does, next
    to clean text at least twice its size, is part of the article.  (A copy with
    no clean body, or beside a small clean part, keeps its label: there the
    layout evidence alone has to decide.)  A short run opening the document
    whose title stands nowhere else is the article's own head, however much
    of it the body repeats (:func:`_untitled_head`); a short run closing the
    document that neither opens with the title nor reads on like a copy's
    page is its foot, and a short run between two clean lines whose line
    ends read on nowhere in them is the article's too (:func:`_untitled_block`).
    None of this moves a run that a wrong codec marks as a copy
    (:func:`_restored_run`): ``garbled``, as for :func:`detect`.
    """
    content = [i for i, f in enumerate(forms) if f]
    clean = [t for t in content if not labels[t]]
    clean_text = "\n".join(forms[t] for t in clean)
    grams = _kgrams(clean_text)
    clean_titles = [forms[i] for i in content if not labels[i] and _title_like(lines, forms, i)][:HEAD_LINES]

    def opens_with_title(i: int, j: int) -> bool:
        # A run that opens with a clean title, cut across lines or whole (a
        # copy's title that fits its column), or on one line without its
        # first words (at least half of it, as :func:`_split_repeated_title`
        # asks), is a copy, however much of it the clean text lacks (a
        # paragraph the web text dropped).
        # Its title block's second line may be the one that shows it (a
        # subtitle cut across lines under a title too short to tell); the
        # page head over it ("国际" / "人民日报") is passed over.
        # (A damaged copy's title may have lost characters to a lossy
        # decode, "第二届世界顶尖科" / "学家论坛举" LOST: see _lossy_patterns.)
        furniture = {i + k for k in find_furniture(lines[i:j], credits=False)}
        block = [q for q, t in enumerate(content) if i <= t < j and t not in furniture][:TITLE_LINES]
        lossy = _lossy_patterns(lines, i, j) if any(LOST in lines[t] for t in range(i, j)) else None
        # The clean title may have fallen inside the run, at its end (a short
        # copy right before the clean text takes the title over with it):
        # the run's own title-sized lines past its block count as titles its
        # opening lines may cut or lack the first words of, never as ones to
        # equal (a clean head the evidence took for a copy may be printed
        # again further on).
        later = [forms[t] for t in content if i <= t < j and t not in {content[q] for q in block}
                 and _title_like(lines, forms, t)]
        for q in block:
            own = forms[content[q]]
            if (
                own in clean_titles
                or any(_lossy_title(lossy, content[q], t) for t in clean_titles)
                or any(_cut_title_at(forms, content, q, t, lossy) for t in [*clean_titles, *later])
                or any(_lacks_first_words(own, t) for t in [*clean_titles, *later])
            ):
                return True
        return False

    # The clean text's first line: a run opening with it, or a piece of it, opens with the title.
    first_clean = next((forms[t] for t in content if not labels[t]), "")

    def opens_with_head(i: int) -> bool:
        own = next((forms[t] for t in content if t >= i), "")
        return bool(own) and own in first_clean

    out = list(labels)
    # The lines a title could stand in again: another title, a copy's title
    # line or a piece of it, closing no sentence; a paragraph may quote the
    # title's words at will.  Not the document's last line: a title heads
    # text, and nothing follows that one (a source line naming what the
    # title names, "数据来源：云南省曲靖应用技术学校", under its article).
    others = "\n".join(
        forms[t] for t in content[1:-1] if len(forms[t]) <= MAX_TITLE and not _ends_sentence(lines[t])
    )
    han = [t for t in content if any(is_han(c) for c in lines[t])] if garbled else []
    for i, j in _broken_runs(labels):
        if _restored_run(han, labels, garbled, i, j):
            continue
        head = content and i <= content[0] and _untitled_head(lines, content, forms, i, j, others)
        if head and len(clean_text) >= 2 * sum(map(len, forms[i:j])):
            # The document opens with a short block whose first line (its
            # title) stands nowhere else: a copy before the clean text would
            # repeat that title, so this is the clean article's own head (a
            # title, a subtitle, "核心阅读"), which looks like a copy's lines.
            out[i:j] = [False] * (j - i)
            continue
        if (
            content
            and j > content[-1]
            and len(clean_text) >= 2 * sum(map(len, forms[i:j]))
            and not opens_with_title(i, j)
            and not opens_with_head(i)
            and _untitled_block(lines, forms, labels, content, i)
        ):
            # Its mirror at the end: the article's foot (the bodies behind a
            # report, a name a line), however many of its words the text has
            # used.  A copy after the clean text opens with the title it
            # repeats (whole or cut, or a piece of its first line, however
            # short: "前三季度"); a copy of one page further on does not, but
            # see :func:`_untitled_block`.
            out[i:j] = [False] * (j - i)
            continue
        if (
            content[0] < i
            and j <= content[-1]
            and len(clean_text) >= 2 * sum(map(len, forms[i:j]))
            and not opens_with_title(i, j)
            and _untitled_block(lines, forms, labels, content, i, j)
        ):
            # A short run inside the clean text (a table's captions and the
            # heading under them, "表9…体系" / "表10 2019年度…" / "（五）…")
            # whose line ends read on nowhere as the clean text does: no
            # copy's page.  Its words may all stand in the paragraphs
            # around it, which is what made it look like one.
            out[i:j] = [False] * (j - i)
            continue
        run = [t for t in content if i <= t < j]
        size = covered = 0
        for form in forms[i:j]:
            marks = [False] * len(form)
            for t in range(len(form) - COPY_K + 1):
                if form[t : t + COPY_K] in grams:
                    marks[t : t + COPY_K] = [True] * COPY_K
            size += len(form)
            covered += sum(marks)
        if not size or len(clean_text) < 2 * size or opens_with_title(i, j):
            continue
        if covered >= MIN_COPY_SHARE * size and _seams(forms, run) < MIN_LIST_SEAMS:
            continue
        if _wraps_of_clean(lines, forms, run, clean_text, clean) < MIN_COPY_WRAPS:
            # Little of its text stands in the clean lines, or most does yet
            # of its many line ends hardly any reads on as a clean sentence
            # does: a list inside the article (a timeline's years and events,
            # films and their years) whose items the text mentions elsewhere.
            # Either way, not a copy: a copy's lines are narrower than the
            # paragraphs they were cut from, so it wraps the clean text.
            out[i:j] = [False] * (j - i)
    return out


def _restored_run(han: list[int], labels: list[bool], garbled: frozenset[int], i: int, j: int) -> bool:
    """Whether the broken run ``i:j`` is a copy by the wrong codec it went through (``han``: the lines with Han).

    A copy goes through a wrong codec whole and web text does not, so a run
    at least half of whose lines with Han (and :data:`MIN_BROKEN_LINES` of
    them) were restored from one, beside clean text with as many such lines
    none of which was, is a copy, whatever its words or its place say: a
    copy of the title block alone (title, byline, two subheads, a cut first
    line) printed before and after the clean text repeats its short open
    lines, which the rules of :func:`_require_copy` read as the article's
    own head and foot.  Sound lines it took over on its edge (the clean
    title block right after it) are for :func:`_settle_edges` to give back.
    """
    if not garbled:
        return False
    run = [t for t in han if i <= t < j]
    restored = sum(t in garbled for t in run)
    clean = [t for t in han if not labels[t]]
    return (
        restored >= MIN_BROKEN_LINES
        and 2 * restored >= len(run)
        and len(clean) >= MIN_BROKEN_LINES
        and not any(t in garbled for t in clean)
    )


# Line ends a run must show running on into its next line as the clean text
# reads (a sentence of it wrapped there) to be a copy whatever share of it the
# clean text lacks.
MIN_COPY_WRAPS = 2


# Line ends, between lines long enough to show a wrap, that a broken run beside
# a clean body must have for "hardly any of them wraps the clean text" to make
# it a list of the article's own.
MIN_LIST_SEAMS = 4


def _seams(forms: list[str], run: list[int]) -> int:
    """How many of a run's line ends stand between two lines long enough for :func:`_wraps_of_clean` to test."""
    return sum(len(forms[a]) >= COPY_K and len(forms[b]) >= COPY_K for a, b in zip(run, run[1:]))


# Marks a wrap keeps in its place, folded to one width: a line cut after
# "开工；" ends with the semicolon.  Quotation marks, dashes and U+FFFD are left
# out, as damage changes them.
_WRAP_MARKS = str.maketrans(",;:!?", "，；：！？")


def _marks(text: str) -> str:
    """The clause and sentence marks in ``text``, in order and in one width."""
    return "".join(c for c in text.translate(_WRAP_MARKS) if c in "，。；：、！？")


def _wraps_of_clean(
    lines: tuple[str, ...], forms: list[str], run: list[int], clean_text: str, clean: list[int]
) -> int:
    """How many of a run's line ends cut a clean sentence: the line's last characters and the next line's first stand together in the clean text.

    A copy that is mostly a paragraph the web text dropped still wraps the
    paragraphs it shares ("…从上世纪50年代" / "的作坊式工厂…"); an article's
    own head, captions or list under its clean text never break a clean
    sentence across their lines.  (``clean_text`` joins the forms of the
    ``clean`` lines with newlines, so two whole clean paragraphs in a row
    do not count.)  The forms drop punctuation, so the marks between the
    two stand in the clean line as they stand at the cut: a list's
    "2月26日" / "中国一汽…" is no wrap of "2月26日，中国一汽…", nor is
    "…开工。" / "5月31日" one of "…开工；5月31日".  Offsets back into a
    line are asked only of the lines a seam touches.
    """
    k = COPY_K
    offsets: dict[int, tuple[int, ...]] = {}

    def offsets_of(t: int) -> tuple[int, ...]:
        if t not in offsets:
            offsets[t] = comparison_form(lines[t])[1]
        return offsets[t]

    starts: list[int] = []
    wraps = 0
    for a, b in zip(run, run[1:]):
        if len(forms[a]) < k or len(forms[b]) < k:
            continue
        seam = forms[a][-k:] + forms[b][:k]
        at = clean_text.find(seam)
        if at < 0:
            continue
        cut = _marks(lines[a][offsets_of(a)[-1] + 1 :] + lines[b][: offsets_of(b)[0]])
        if not starts:
            starts = list(itertools.accumulate((len(forms[t]) + 1 for t in clean[:-1]), initial=0))
        while at >= 0:
            # (A seam never spans two clean lines: the newline is no form's.)
            q = bisect.bisect_right(starts, at) - 1
            x, y = offsets_of(clean[q])[at - starts[q] + k - 1 : at - starts[q] + k + 1]
            if _marks(lines[clean[q]][x + 1 : y]) == cut:
                wraps += 1
                break
            at = clean_text.find(seam, at + 1)
    return wraps


# Most content lines of an article's head (title block) taken for clean text
# by :func:`_untitled_head`.
MAX_HEAD_BLOCK = 5


def _untitled_head(lines: tuple[str, ...], content: list[int], forms: list[str], i: int, j: int, others: str) -> bool:
    """Whether the broken run i..j is a short block at the document's start whose first line stands in no other title-sized line.

    A page head opening the document ("2019年10月28日　星期一　第12版") is a
    copy's, never the article's title: the title is the first line past it.
    """
    block = [t for t in content if i <= t < j]
    title = next((forms[t] for t in content if not is_furniture_form(lines[t], credits=False)), "")
    return 0 < len(block) <= MAX_HEAD_BLOCK and len(title) >= MIN_SELF_REPEAT and title not in others


def _stands_apart(lines: tuple[str, ...], content: list[int], i: int) -> bool:
    """Whether line i stands where a whole title can: on a line of its own, not where a printed line of a paragraph does.

    A printed line can spell a title as its cut version does (a lead that
    opens with the title's words up to its figures).  A whole title is not
    indented ("　　前三季度，社会消费品…" is a lead), does not follow a copy's
    paragraph mark (a line of spaces opens the copy's next paragraph), and
    does not go on with the sentence of the line before ("…数据显示，" /
    "前三季度，全国累计新增减税降费").  Unless those lines of spaces are web
    text's gap (:func:`_web_gap`): then its title may be indented and follow
    one.
    """
    apart = _web_gap(lines, i) or (lines[i][:1] not in " \u3000" and not _after_marker(lines, i))
    return apart and not _after_open_clause(lines, content, i)


def _web_gap(lines: tuple[str, ...], i: int) -> bool:
    """Whether white-space lines part line i from the next, as they part the line after that from both of its neighbours.

    A copy's white-space lines mark its paragraphs, each of several printed
    lines or runs; web text may put one after every paragraph instead (a
    line holding a space or U+3000 as its gap), title and subtitle too.
    There they are no copy's marks, and the line may be indented as web text
    indents a title or a paragraph.
    """
    n = len(lines)

    def across(t: int, step: int) -> int | None:
        t += step
        while 0 <= t < n and line_kind(lines[t]) == EMPTY:
            t += step
        return t if 0 <= t < n else None

    def marked(t: int, step: int) -> bool:
        mark = across(t, step)
        return mark is not None and line_kind(lines[mark]) == MARKER

    if line_kind(lines[i]) != CONTENT or not marked(i, 1):
        return False
    mark = across(i, 1)
    other = across(mark, 1) if mark is not None else None
    return other is not None and line_kind(lines[other]) == CONTENT and marked(other, -1) and marked(other, 1)


def _after_marker(lines: tuple[str, ...], i: int) -> bool:
    """Whether the nearest non-empty line before line i holds white space only: a copy's paragraph mark."""
    t = i - 1
    while t >= 0 and line_kind(lines[t]) == EMPTY:
        t -= 1
    return t >= 0 and line_kind(lines[t]) == MARKER


def _after_open_clause(lines: tuple[str, ...], content: list[int], i: int) -> bool:
    """Whether line i goes on with the sentence of the content line before it.

    That line leaves a clause open (ends with ，、；：), and the text across the
    break stands in another line: the clean paragraph the two were printed
    from ("数据显示，" / "前三季度，…").  (A copy cut off mid-sentence, right
    before the clean title, leaves its clause open too, but reads on into
    nothing the article writes.)
    """
    before = [t for t in content if t < i]
    if not before or lines[before[-1]].rstrip()[-1:] not in OPEN_CLAUSE:
        return False
    join = lines[before[-1]].strip()[-JOIN_SIDE:] + lines[i].strip()[:JOIN_SIDE]
    return any(join in lines[t] for t in content if t not in (before[-1], i))


# Marks that leave a clause open at a line's end.
OPEN_CLAUSE = "，、；：,;:"


def _untitled_block(
    lines: tuple[str, ...], forms: list[str], labels: list[bool], content: list[int], i: int, j: int | None = None
) -> bool:
    """Whether the broken run from i to j (by default the document's end) is a short block of the article's own lines, not a copy's page.

    A copy of one page of the article (its last, or its first with the title
    cut to a word) may close the document too.  Its lines are the article's
    text in order, cut anywhere: one line's end and the next one's start stand
    side by side in the clean text, punctuation and all (a paragraph's end
    runs on into the next paragraph's start there).  It may print a page head
    or number, and a whole line of the clean text again (a subtitle).  Lines
    that name, each on its own, what the text names in a list
    ("…研究院、国信…研究院") stand apart in it.  The same holds of a short
    run between two clean lines (see :func:`_require_copy`).
    """
    block = [t for t in content if t >= i and (j is None or t < j)]
    if not 0 < len(block) <= MAX_HEAD_BLOCK:
        return False
    clean_forms = {forms[t] for t in content if not labels[t]}
    if any(forms[t] in clean_forms or is_furniture_form(lines[t], credits=False) for t in block):
        return False
    if find_furniture(tuple(lines[i:j]), credits=False):
        return False
    clean_raw = simplified("".join(lines[t].strip() for t in content if not labels[t]))
    for a, b in zip(block, block[1:]):
        join = simplified(lines[a].strip()[-JOIN_SIDE:] + lines[b].strip()[:JOIN_SIDE])
        if join in clean_raw:
            return False
    return True


# Characters taken from each side of a line break to find the break's text in the clean text.
JOIN_SIDE = 2

# Printed lines of a copy's last paragraph that may stand between it and the
# clean title (a paragraph the web text lacks, set in a narrow column).
MAX_LINES_BEFORE_TITLE = 8

# Characters (of its form) a title has at most: a headline and its subtitle on
# one line.
MAX_TITLE_CHARS = 60

# How much wider than the copy's printed lines a line before the clean title
# may be and still be taken for one of them.
PRINTED_SLACK = 1.5

# Closing marks a line may end with after its last word or full stop.
_CLOSERS = "”’」』）)】》"


# Characters in traditional script that make a line the traditional copy's.
MIN_SCRIPT_CHARS = 2

# Lines with Han of a copy (or of the clean text) nearest an edge whose script
# tells a simplified line there which side it is on.
SCRIPT_REACH = 10


def _ends_sentence(line: str) -> bool:
    """Whether a line ends a sentence (。！？……), closing quotes and brackets aside: titles do not."""
    return ends_with_mark(line, "。！？!?…")


def _bracketed(line: str) -> bool:
    """Whether a line is wholly in brackets: a byline or a note ("（本报记者 王瑨）"), never a title."""
    text = line.strip()
    return len(text) >= 2 and text[0] in "（(【[" and text[-1] in "）)】]"


# Lines after a copy that must each stand apart, for clean text to be set
# apart by blank lines.
SET_APART_LINES = 3


def _blank_separated_runs(evidence: list[LineEvidence], labels: list[bool]) -> dict[int, bool]:
    """For each broken content line: does its broken run put blank lines between fragments?"""
    out: dict[int, bool] = {}
    n = len(evidence)
    for i, j in _broken_runs(labels):
        content = [t for t in range(i, j) if evidence[t].kind == CONTENT]
        spaced = sum(1 for t in content if t + 1 < n and evidence[t + 1].kind != CONTENT)
        verdict = bool(content) and spaced >= 0.6 * len(content)
        for t in content:
            out[t] = verdict
    return out


def _title_like(lines: tuple[str, ...], forms: list[str], i: int) -> bool:
    """A line long enough to compare that closes no sentence nor clause: a title, a subtitle."""
    return len(forms[i]) >= MIN_SELF_REPEAT and _closes_nothing(lines[i].strip())


def _closes_nothing(text: str) -> bool:
    """Whether a line's text closes no sentence nor clause, as a title's or a heading's lines do, however short."""
    return not _ends_sentence(text) and text[-1] not in OPEN_CLAUSE


def _lacks_first_words(piece: str, title: str) -> bool:
    """Whether ``piece`` (a comparison form) is ``title`` without its first words: its end, at least half of it."""
    return piece != title and title.endswith(piece) and len(piece) >= max(MIN_SELF_REPEAT, len(title) // 2)


# Characters of a title that one lost character (LOST, where a lossy decode
# could not restore the bytes) may stand for: a lost UTF-8 character's bytes
# can take the next one's with them.
MAX_LOST_SPAN = 2


def _cut_title_end(
    forms: list[str], content: list[int], q: int, title: str, lossy: dict[int, str] | None = None
) -> int | None:
    """Where content lines from the q-th on spell ``title`` across two or more lines: the last one's position, else None.

    A copy may lack the title's first words, so the lines need only spell its
    end, as long as that is half the title.  ``lossy`` maps the lines that
    lost characters to a decode (which comparison forms drop) to a pattern of
    their form in which each lost character stands for up to
    :data:`MAX_LOST_SPAN` of the title's (see :func:`_lossy_patterns`).
    """
    if lossy and any(content[r] in lossy for r in range(q, min(q + TITLE_LINES + 2, len(content)))):
        return _lossy_cut_title_end(forms, content, q, title, lossy)
    joined = ""
    for r in range(q, len(content)):
        joined += forms[content[r]]
        if joined not in title:
            return None
        if title.endswith(joined):
            return r if r > q and len(joined) >= max(MIN_SELF_REPEAT, len(title) // 2) else None
    return None


def _lossy_cut_title_end(
    forms: list[str], content: list[int], q: int, title: str, lossy: dict[int, str]
) -> int | None:
    """:func:`_cut_title_end` over lines some of which lost characters: their patterns matched against the title."""
    pattern = ""
    size = 0
    for r in range(q, len(content)):
        i = content[r]
        pattern += lossy.get(i, re.escape(forms[i]))
        size += len(forms[i])
        if re.search(pattern, title) is None:
            return None
        if re.search(f"(?:{pattern})$", title) is not None:
            return r if r > q and size >= max(MIN_SELF_REPEAT, len(title) // 2) - MAX_LOST_SPAN else None
    return None


def _lossy_patterns(lines: tuple[str, ...], lo: int, hi: int) -> dict[int, str]:
    """Patterns of the content lines lo..hi that lost characters to a lossy decode, for :func:`_cut_title_end`.

    Each run of lost characters becomes a wildcard of up to
    :data:`MAX_LOST_SPAN` characters; the run that opens the next line
    ("工业经济如何提振发力量质齐" / LOST / LOST "7" LOST "8月…", the title's
    last character lost with its line break) is this line's end.
    """
    wild = f".{{0,{MAX_LOST_SPAN}}}"
    out: dict[int, str] = {}
    text_lines = [i for i in range(lo, hi) if lines[i].strip()]
    for n, i in enumerate(text_lines):
        pieces = re.split(f"{LOST}+", lines[i].strip())
        if len(pieces) == 1 and not (n + 1 < len(text_lines) and lines[text_lines[n + 1]].lstrip().startswith(LOST)):
            continue
        pattern = wild.join(re.escape(form_only(piece)) for piece in pieces)
        if n + 1 < len(text_lines) and lines[text_lines[n + 1]].lstrip().startswith(LOST) and pieces[-1]:
            pattern += wild
        if form_only(lines[i]):
            out[i] = pattern
    return out


def _lossy_title(lossy: dict[int, str] | None, i: int, title: str) -> bool:
    """Whether line i, which lost characters to a lossy decode, is ``title`` whole but for them."""
    return bool(lossy) and i in lossy and re.fullmatch(lossy[i], title) is not None


def _cut_title_at(
    forms: list[str], content: list[int], q: int, title: str, lossy: dict[int, str] | None = None
) -> bool:
    """Whether content lines from the q-th on spell ``title`` cut across lines (see :func:`_cut_title_end`)."""
    return _cut_title_end(forms, content, q, title, lossy) is not None


def _split_repeated_title(
    lines: tuple[str, ...], forms: list[str], labels: list[bool], contained: list[float | None] | None = None
) -> list[bool]:
    """Correct the labels by the title the clean text and its copies share.

    A short article (a title and a paragraph or two) beside its copy gives too
    few lines to tell the two apart: the whole document, or a small copy, comes
    out as the wrong kind.  But a copy sets its title narrower than the clean
    text does, so the title stands whole on one line in the clean text and cut
    across two or more lines in each copy (a copy's may lack its first words).
    Each such occurrence opens a part: a clean one at the whole title, a copy
    at a cut one (or at a whole one, where a copy wide enough to print the
    title whole opens a part the evidence mostly gives to the copy, beside a
    part it mostly gives to the clean text).  A part takes its occurrence's
    kind from there up to the next
    occurrence, or up to the first line (past the title) that the line evidence
    already gave that kind: where the evidence found the part, it keeps its
    own edges (the title found may be a subtitle, a line or two into its
    part), except that a copy's last lines before a clean title, which the
    clean part holds inside longer lines, stay the copy's.  A title closes no
    sentence nor clause, which keeps a printed line
    that happens to repeat its words from passing for it.  Where no cut title
    stands anywhere, :func:`_split_twin_titles` tries two whole ones.  The
    document's first line may also be the title without its first words, on
    one line; and the lines that look like a copy's at the end of a clean
    part are the article's where the next copy renders them again.  A page
    head ("人民日报" on every page of a copy) is no title: such lines are
    passed over.
    """
    content = [i for i, f in enumerate(forms) if f and not is_furniture_form(lines[i], credits=False)]
    # (Lines that lost characters to a lossy decode spell a title as patterns.)
    lossy = _lossy_patterns(lines, 0, len(lines)) if any(LOST in line for line in lines) else None
    # A whole title and a cut one need three lines at least.
    if len(content) < 3:
        return labels

    def cut_at(q: int, title: str) -> bool:
        return _cut_title_at(forms, content, q, title, lossy)

    def is_title(i: int) -> bool:
        return _title_like(lines, forms, i)

    def in_cut(p: int) -> bool:
        # The p-th content line is a piece of a title that a later line holds whole.
        return any(
            is_title(i) and (end := _cut_title_end(forms, content, q, forms[i], lossy)) is not None and end >= p
            for q in range(p + 1) for i in content[p + 1 :]
        )

    # The title: a whole line near the start, or the whole line a cut one near
    # the start spells.  A piece of such a cut is no whole title, however a
    # narrower copy cuts it again ("…加强城乡居" / "民用药保障" here,
    # "…印发指" / "导意见…城乡居" / "民用药保障" there).
    def opens_longer(p: int) -> bool:
        # A paragraph's first printed line in a wider copy: the clean text's
        # line goes on past it.
        form = forms[content[p]]
        return any(len(f) > len(form) and f.startswith(form) for f in forms)

    def followed_alike(i: int, j: int) -> bool:
        # What follows two versions of a title begins alike: the subtitle or
        # the first paragraph, whole or cut.  Not so after a line that only
        # happens to end with the title's words.
        a, b = (next((forms[t][:MIN_SELF_REPEAT] for t in content if t > x), "") for x in (i, j))
        return bool(a) and bool(b) and (a.startswith(b) or b.startswith(a))

    def cut_then(i: int, end: int) -> bool:
        # The cut title ending at ``end`` and the whole one at i are followed
        # alike, or the whole one follows the cut one right away: a copy's
        # page that holds the title only, before the clean text.  (Right
        # away but for the line the block opened with, which both print
        # whole: "南宁建设一批“长者饭堂”" over a subtitle cut at its figure,
        # "60" / "岁以上…", in the copy, and over the whole one after it.)
        following = [t for t in content if t > end][:2]
        return followed_alike(i, end) or following[:1] == [i] or (
            following[1:] == [i] and forms[following[0]] == forms[content[0]]
        )

    def lacks_first_words(p: int) -> bool:
        # A longer title-like line ends with it: that title, without its
        # first words (which both copies may lack); not a source line that
        # names what the title names ("数据来源：云南省…学校" under the text).
        form = forms[content[p]]
        return any(
            len(forms[i]) > len(form) and forms[i].endswith(form) and is_title(i) and followed_alike(i, content[p])
            for i in content
        )

    title = next((forms[content[p]] for p in range(HEAD_LINES) if is_title(content[p])
                  and any(cut_at(q, forms[content[p]]) for q in range(p + 1, len(content)))
                  and not in_cut(p) and not opens_longer(p) and not lacks_first_words(p)), None)
    if title is None:
        cut = next(((q, forms[i]) for q in range(HEAD_LINES) for i in content[q + 2 :]
                    if is_title(i) and cut_at(q, forms[i]) and _stands_apart(lines, content, i)
                    and cut_then(i, content[_cut_title_end(forms, content, q, forms[i], lossy)])), None)
        if cut is None:
            # The opening line may be the title without its first words, on one
            # line, where a whole title (unindented, as titles are, opening a
            # part the evidence takes for clean text) stands later: no clean
            # text drops its title's first words.  The two are followed alike
            # (a source line under the text, "数据来源：" and the name the
            # title is, is followed by nothing).
            def opens_clean(i: int) -> bool:
                # Past its title block (the title and a subtitle: short open
                # lines the evidence may give to the copy, and in a short
                # article a good share of its lines), up to the next title,
                # whole or without the same first words (a second copy).
                following = [t for t in content if t > i]
                end = next((k for k, t in enumerate(following) if forms[t] in (forms[i], forms[content[0]])), None)
                after = [labels[t] for t in following[:end]][TITLE_LINES - 1 :]
                return bool(after) and after.count(False) >= PART_MAJORITY * len(after)

            cut = next(((0, forms[i]) for i in content[2:]
                        if _lacks_first_words(forms[content[0]], forms[i])
                        and len(forms[i]) <= MAX_TITLE and (lines[i][:1] not in " \u3000" or _web_gap(lines, i))
                        and is_title(i) and opens_clean(i) and followed_alike(content[0], i)), None)
        # The opening line stands once again, whole, and no cut title starts
        # at it: two versions, each with its title on one line.  A later line
        # cut near the start is then a subtitle or a graphic's caption.  (Three
        # whole titles are two copies and the clean text: a cut subtitle is
        # what tells them apart.)
        twin = sum(forms[i] == forms[content[0]] for i in content[1:]) == 1
        if cut is None or (twin and cut[0] > 0):
            return _split_twin_titles(lines, forms, labels, content, contained, lossy)
        title = cut[1]
    opens: list[tuple[int, int, bool]] = []  # (title's first line, its last line, broken)
    q = 0
    while q < len(content):
        i = content[q]
        end = None if forms[i] == title else _cut_title_end(forms, content, q, title, lossy)
        if end is None and forms[i] != title and title.endswith(forms[i]):
            # The opening line without the title's first words, and the second
            # copy's title, cut the same way.
            if q == 0 or (opens and opens[0] == (content[0], content[0], True) and forms[i] == forms[content[0]]):
                end = q
        if end is None:
            if forms[i] == title and is_title(i):
                opens.append((i, i, False))
            q += 1
            continue
        opens.append((i, content[end], True))
        q = end + 1
    starts = [0] + [i for i, *_ in opens[1:]] + [len(labels)]
    whole = [k for k, (*_, broken) in enumerate(opens) if not broken]
    if len(whole) > 1:
        # A copy wide enough prints the title whole too: of the parts that
        # whole titles open, one the evidence mostly gave to the copy, beside
        # one it mostly gave to the clean text, is a copy.
        def broken_share(k: int) -> float:
            # The part's first lines: its end may hold the next copy's
            # head, up to where that copy's title (a subtitle) is cut.
            body = [t for t in content if opens[k][1] < t < starts[k + 1]][:PART_HEAD]
            return sum(labels[t] for t in body) / len(body) if body else 0.5

        shares = {k: broken_share(k) for k in whole}
        if min(shares.values()) <= round(1 - PART_MAJORITY, 6):  # 1/5 is a clean part's share
            opens = [(i, end, True) if k in shares and shares[k] >= PART_MAJORITY else (i, end, broken)
                     for k, (i, end, broken) in enumerate(opens)]
    if {broken for *_, broken in opens} != {True, False}:
        return labels
    # A part whose lines are printed ones is no clean version (_printed_beside).
    copies = [t for (_, _, broken), lo, hi in zip(opens, starts, starts[1:]) if broken for t in content if lo <= t < hi]
    for (_, end, broken), lo, hi in zip(opens, starts, starts[1:]):
        if not broken and _printed_beside(lines, [t for t in content if end < t < hi], copies):
            return labels
    out = list(labels)
    for k, ((_, title_end, broken), lo, hi) in enumerate(zip(opens, starts, starts[1:])):
        # The title's own lines, and after them every line up to where the
        # evidence already agrees (a part it found, from its second line on).
        for t in range(lo, hi):
            if t > title_end and forms[t] and labels[t] == broken:
                break
            out[t] = broken
        if broken and k + 1 < len(opens) and not opens[k + 1][2]:
            # The copy's last lines, which the evidence left clean, up to the
            # clean title: lines whose text the clean part holds inside a
            # longer line are the copy's fragments, not the article's.  (The
            # clean title itself, where the title found was its subtitle, is
            # held as a line of its own, by the next copy's title.)
            part = [f for f in forms[hi : starts[k + 2] if k + 2 < len(starts) else len(out)] if f]
            first = hi
            for t in range(hi - 1, title_end, -1):
                if forms[t] and labels[t]:
                    break
                if forms[t]:
                    if not any(forms[t] in f and forms[t] != f for f in part):
                        break
                    first = t
            out[first:hi] = [True] * (hi - first)
        if not broken and k + 2 < len(starts):
            # Lines that look like a copy's at the end of the clean part, up to
            # the next copy's title: the article's own list or timeline, where
            # that copy renders them again.  (The lines of a copy's title before
            # its cut subtitle are not rendered again.)
            first = hi
            while first > title_end + 1 and (not forms[first - 1] or labels[first - 1]):
                first -= 1
            tail = "".join(forms[first:hi])
            if len(tail) >= MIN_SELF_REPEAT and tail in "".join(forms[hi : starts[k + 2]]):
                out[first:hi] = [False] * (hi - first)
    return out


def _kicker_again(lines: tuple[str, ...], forms: list[str], content: list[int]) -> int | None:
    """The line of a second version's kicker, where the first content line is a kicker over a title that stands again whole.

    The kicker, too short to be a title, closes nothing; the title under it
    is a title's line; the line over the title's second occurrence is the
    kicker again, or its end.
    """
    if len(content) < 4 or len(forms[content[0]]) >= MIN_SELF_REPEAT or not _closes_nothing(lines[content[0]].strip()):
        return None
    if not _title_like(lines, forms, content[1]):
        return None
    kicker, title = forms[content[0]], forms[content[1]]
    again = next((p for p in range(3, len(content)) if forms[content[p]] == title), None)
    if again is None or not kicker.endswith(forms[content[again - 1]]):
        return None
    return content[again - 1]


def _split_twin_titles(
    lines: tuple[str, ...],
    forms: list[str],
    labels: list[bool],
    content: list[int],
    contained: list[float | None] | None = None,
    lossy: dict[int, str] | None = None,
) -> list[bool]:
    """Where a document of one label opens with a title that stands again, whole, further on: two versions.

    (The second may lack the title's first words, on one line, as a damaged
    copy's title does, or characters a lossy decode lost: see
    :func:`_lossy_patterns`.  Or the first may lack them, however short,
    where the same line stands under both.)

    A copy whose title fits on one line repeats the clean title exactly, so the
    title does not say which version is which; their lines do.  A copy's
    printed lines mostly stop mid-sentence, a clean paragraph closes one.  The
    part whose lines stop mid-sentence at least half the time, beside a part
    whose lines hardly ever do, is the copy; so is the part that wraps a
    printed line (:func:`_wraps_a_line`) beside one that reads as web text
    and wraps none (a copy set wide prints short paragraphs whole, as web
    text does, and wraps only its longer ones).  Only for documents the line
    evidence gave one label throughout; elsewhere it has found the edges.
    """
    title = forms[content[0]]
    # Neither closes a sentence: a printed line can quote a title that is a
    # quotation ("中国的真诚帮助让我们感动。”"), marks aside the same; nor
    # a clause ("架起更多法中民众沟通的桥梁，" quoting the title
    # "“架起更多法中民众沟通的桥梁”").
    # The second may lack the title's first words, on one line (a copy's
    # title damaged so).
    second = next(
        (
            i
            for i in content[1:]
            if (forms[i] == title or _lacks_first_words(forms[i], title) or _lossy_title(lossy, i, title))
            and _closes_nothing(lines[i].strip())
        ),
        None,
    )
    titles = {title}
    kicked = False
    if second is None:
        # The opening line may be a copy's title without its first words,
        # too short for :func:`_split_repeated_title` to tell as one ("华融"),
        # where the whole title ("中国华融") stands later on a line of its
        # own, and the line under each is the same (a subtitle both print
        # whole): no clean text drops its title's first words.  (Only the
        # same line: a lead that says the title's words again goes on
        # alike after a printed line ending with them.)  The checks below
        # weigh the whole title.
        def under(i: int) -> str:
            return next((forms[t] for t in content if t > i), "")

        second = next(
            (
                i
                for i in content[1:]
                if forms[i] != title
                and forms[i].endswith(title)
                and not _lacks_first_words(title, forms[i])
                and len(forms[i]) <= MAX_TITLE
                and not _ends_sentence(lines[i])
                and _stands_apart(lines, content, i)
                and len(under(i)) >= MIN_SELF_REPEAT
                and under(i) == under(content[0])
            ),
            None,
        )
        if second is not None:
            title = forms[second]
            titles.add(title)
    if second is None:
        # A kicker over the title ("公安部" / "国庆期间社会稳定治安良好"),
        # too short to compare: a copy repeats the title whole under its
        # own kicker, whole or without its first words ("部").  The
        # versions part at the kickers, and the title weighs them.
        second = _kicker_again(lines, forms, content)
        kicked = second is not None
        if kicked:
            title = forms[content[1]]
            titles = {title}
    if second is None or _ends_sentence(lines[content[0]]):
        return labels
    # A notice closes with its issuer's name over the date: where the name is
    # the title's first printed line ("长春市工业和信息化局" / "2022年招聘公告"),
    # it stands again with nothing after it but that date.  A signature opens
    # no version.
    if _CLOSING_DATE.fullmatch("".join(forms[i] for i in content if i > second)):
        return labels
    # A title has words, and stands at most three times (the clean text and
    # two copies): a figure, or a line every page repeats, is a page head's
    # piece ("2019" / "年" / "10" / "月").
    if sum(c.isalpha() for c in title) < MIN_SHORT_TITLE or sum(forms[i] == title for i in content) > MAX_VERSIONS:
        return labels
    # A short title ("中国华融", "金秋走金城") may still open versions, where
    # their lines tell them apart clearly: by the evidence's parts, or by
    # containment, never by open lines alone.
    short = not kicked and not _title_like(lines, forms, content[0])
    if short and len(title) < MIN_SHORT_TITLE:
        return labels

    def traditional_share(lo: int, hi: int) -> float | None:
        return _traditional_share(lines, [i for i in content if lo <= i < hi])

    def split(copy_first: bool) -> list[bool]:
        # (Not where the version it makes clean is printed: see _printed_beside.)
        clean = [i for i in content if (i >= second) == copy_first and i not in (content[0], second)]
        if _printed_beside(lines, clean, [i for i in content if (i >= second) != copy_first]):
            return labels
        return [copy_first] * second + [not copy_first] * (len(labels) - second)

    # A copy in traditional script beside clean text in simplified: the
    # script tells the versions apart, whatever their lines look like (as on
    # a clean/broken edge, see _settle_edges).
    scripts = (traditional_share(0, second), traditional_share(second, len(lines)))
    if None not in scripts and min(scripts) == 0.0 and max(scripts) >= PART_MAJORITY:
        return split(copy_first=scripts[0] > scripts[1])
    if len({labels[i] for i in content}) > 1:
        # Where one version's lines are the others' wrapped (they stand
        # inside its longer lines) and its own stand in none, that says which
        # is clean, whatever the evidence took their few lines for (a copy
        # of a title and a lead, cut off, reads like clean text).
        # Only where each part the title opens is of one kind in the
        # evidence; elsewhere the title found does not open the versions (a
        # copy's cut title that the second copy repeats takes the clean text
        # into the first copy's part).
        if contained is not None and _parts_of_one_kind(forms, labels, content):
            by_lines = _versions_by_containment(forms, labels, content, contained, titles)
            if by_lines != labels:
                return by_lines
        return _fill_title_blocks(lines, forms, labels, content, second)
    if short:
        return _versions_by_containment(forms, labels, content, contained, titles) if contained is not None else labels
    # The two rules below weigh the document's halves as two versions; with a
    # third (two copies around the clean text) the second half holds a copy.
    two = not any(forms[i] in (title, forms[second]) for i in content if i > second)
    # Web text has no pages: of two versions, the one that holds a page's
    # furniture (a page number at its end, a page head inside it) is the
    # copy, whatever its lines look like (a copy whose paragraphs each fit one
    # line).  Furniture between the two versions could close the first or
    # open the second, so it tells nothing.
    paged = _versions_with_furniture(lines, content, second)
    if two and len(paged) == 1:
        return split(copy_first=paged == {0})
    # A version of nothing but its title block beside one with a body is a
    # copy's, as where the evidence told the parts apart (see _fill_title_blocks).
    versions = ((0, second), (second, len(lines)))
    heads_only = [
        _title_block_only(
            lines, [i for i in content if lo <= i < hi], forms, frozenset(forms[i] for i in content if not lo <= i < hi)
        )
        for lo, hi in versions
    ]
    if two and heads_only.count(True) == 1:
        return split(copy_first=heads_only[0])
    # A version whose every line the other holds whole, the other holding
    # more, is a copy cut off after a paragraph or two: set wide, its title
    # and lead fit a line each and read like web text.  The article is the
    # version that goes on.  (Where both hold the same lines, which is which
    # decides nothing the dedup stage will not settle.)
    if two:
        parts = [Counter(forms[i] for i in content if lo <= i < hi) for lo, hi in versions]
        held = [a < b for a, b in (parts, parts[::-1])]
        if held.count(True) == 1:
            # The version that goes on is web text: its lines past the
            # other's close their paragraphs.  (A copy of a paragraph the web
            # text dropped holds the web text's one-line paragraphs too, and
            # its own printed lines besides, which stop mid-sentence.)
            lo, hi = versions[held.index(False)]
            extra = [i for i in content if lo <= i < hi and forms[i] not in parts[held.index(True)]]
            closed = [i for i in extra if lines[i].strip()[-1] in PARAGRAPH_FINAL]
            # That copy, set wide: it prints the web text's short paragraphs
            # whole, a line each, and goes on with its own paragraph's
            # printed lines, which run on (:func:`_wraps_a_line`), open as
            # wide as any of its closed lines (a clean version's open lines
            # are headings, narrower than its paragraphs) or indented over
            # an unindented one, however they end.  Where the version it
            # holds reads as web text: not a copy's closing signature and
            # date in runs, whose words its text says.
            opened = [i for i in extra if i not in closed]
            widest_closed = max((indented_width(lines[i].rstrip()) for i in closed), default=0)
            held_lo, held_hi = versions[held.index(True)]
            if (
                (not opened or max(indented_width(lines[i].rstrip()) for i in opened) >= widest_closed - 2)
                and _wraps_a_line(lines, extra, extra)
                and _reads_as_web_text(lines, [i for i in content if held_lo < i < held_hi and i != second])
            ):
                return split(copy_first=not held[0])
            if len(closed) >= PART_MAJORITY * len(extra):
                return split(copy_first=held[0])
    if two:
        # Neither holds the other (a clean body the copy covers only the
        # head of, and a paragraph only that copy has): of two versions,
        # one of which wraps a printed line and the other none, closing
        # most of its paragraphs as web text does, the one that wraps is
        # the copy, however many of its lines are the web text's one-line
        # paragraphs.  (Not a copy's title block and first runs, open,
        # before its title's words stand again in its text.)
        members = [[i for i in content if lo < i < hi and i != second] for lo, hi in versions]
        wrapped = [_wraps_a_line(lines, part, part) for part in members]
        if wrapped.count(True) == 1:
            # (Its lines the copy prints whole too say nothing of how it
            # reads: a byline and a subtitle, open in both, over a web
            # text of one paragraph beside a copy that adds another.)
            web = members[wrapped.index(False)]
            printed_too = {forms[i] for i in members[wrapped.index(True)]}
            if _reads_as_web_text(lines, [i for i in web if forms[i] not in printed_too]):
                return split(copy_first=wrapped[0])

    def open_share(lo: int, hi: int) -> float:
        body = [i for i in content if lo < i < hi and i != second]
        # Its text's, not its title block's: a subtitle that both versions
        # print whole closes nothing in either ("侦破…案件1.8万起" over a
        # one-paragraph article), and tells them nothing apart.
        others = {forms[i] for i in content if not lo <= i < hi}
        if len(body) > 1 and forms[body[0]] in others and _closes_nothing(lines[body[0]].strip()):
            body = body[1:]
        return _open_share(lines, body)

    first_open, second_open = open_share(content[0], second), open_share(second, len(lines))
    out = list(labels)
    if first_open >= 0.5 and second_open <= 0.2:
        out[:second] = [True] * second
        out[second:] = [False] * (len(out) - second)
    elif second_open >= 0.5 and first_open <= 0.2:
        out[:second] = [False] * second
        out[second:] = [True] * (len(out) - second)
    elif contained is not None:
        out = _versions_by_containment(forms, labels, content, contained, titles)
    return out


def _reads_as_web_text(lines: tuple[str, ...], members: list[int]) -> bool:
    """Whether a version's lines past its title close their paragraphs, most of them, as web text's do."""
    return bool(members) and _open_share(lines, members) < PRINTED_OPEN_SHARE


def _traditional_share(lines: tuple[str, ...], members: list[int]) -> float | None:
    """Of these lines with Han characters, the share written in traditional script (None where none has Han)."""
    profiles = [script_profile(lines[i]) for i in members]
    han = [trad for trad, simp in profiles if trad or simp]
    return sum(trad >= MIN_SCRIPT_CHARS for trad in han) / len(han) if han else None


def _printed_beside(lines: tuple[str, ...], members: list[int], copy: list[int]) -> bool:
    """:func:`_printed`, for a version beside the ``copy`` lines of another in the other script: not where its lines are far wider.

    Web paragraphs that close without a mark under headings ("…支持经济结构
    调整") stop mid-sentence as printed lines do.  Where the script sets the
    versions apart (one has no line in traditional script, the other
    mostly such lines), a copy's lines fit its column, and at least
    :data:`MIN_WIDE_LINES` lines :data:`WIDER_THAN_THE_COPY` times as wide as
    the widest of them are web paragraphs, however they end.  (Not where
    the script says nothing: a part that holds a copy and the clean text
    after it has wide lines too.)
    """
    if not _printed(lines, members):
        return False
    scripts = (_traditional_share(lines, members), _traditional_share(lines, copy))
    if None in scripts or min(scripts) != 0.0 or max(scripts) < PART_MAJORITY:
        return True
    widest = max((indented_width(lines[i].rstrip()) for i in copy), default=0)
    wide = sum(indented_width(lines[i].rstrip()) > WIDER_THAN_THE_COPY * widest for i in members)
    return not widest or wide < MIN_WIDE_LINES


# Lines past a copy's widest that make a version web text (one may be a
# table's row or a long heading the copy had to wrap).
MIN_WIDE_LINES = 2


def _open_share(lines: tuple[str, ...], members: list[int]) -> float:
    """Share of these lines that stop mid-sentence (no closing mark): a copy's printed lines mostly do, web text's hardly ever (0.0 for none)."""
    if not members:
        return 0.0
    return sum(lines[i].strip()[-1] not in PARAGRAPH_FINAL for i in members) / len(members)


def _printed(lines: tuple[str, ...], members: list[int]) -> bool:
    """Whether a version's lines past its title are a copy's printed lines, whatever its title says.

    Web text never wraps: a clean version's paragraphs are lines as long as
    they are, closing their sentences.  A version of more lines than a short
    article holds, most of which stop mid-sentence, is a copy's, whatever
    title it opens with (its first sentence saying the title's words again,
    cut into runs where its title was: "慶祝…成立" / "70" / "週年招待會" /
    "30" / "日晚…").  In a short article's few lines a subtitle or a caption
    may stop anywhere: there the title decides.
    """
    if len(members) <= MAX_SHORT_PART:
        return False
    return _open_share(lines, members) >= PRINTED_OPEN_SHARE


# Share of a version's lines stopping mid-sentence from which it is a copy's
# printed lines (a clean version's hardly ever do).
PRINTED_OPEN_SHARE = 0.5


def _parts_of_one_kind(forms: list[str], labels: list[bool], content: list[int]) -> bool:
    """Whether each part that the opening line, standing again, opens holds lines of mostly one label.

    Then the parts are the versions the evidence found, told apart or not;
    a part of both kinds holds a version the title found does not open.
    """
    title = forms[content[0]]
    starts = [i for i in content if forms[i] == title][1:]
    for lo, hi in zip([0, *starts], [*starts, len(labels)]):
        # A part's kind is its text's, not its title's: the evidence often
        # gives a title to the part before it (a copy's last line and the
        # clean title look alike).
        body = [labels[i] for i in content if lo <= i < hi and forms[i] != title]
        if not body:
            continue
        share = sum(body) / len(body)
        if 1 - PART_MAJORITY < share < PART_MAJORITY:
            return False
    return True


def _title_block_only(
    lines: tuple[str, ...], members: list[int], forms: list[str] | None = None, whole: frozenset[str] = frozenset()
) -> bool:
    """Whether a version's content lines are a title block alone: a title and a subtitle at most, closing nothing however short.

    The subtitle may be cut across lines ("60" / "岁以上老人用餐可享餐补", runs
    cut at its figure) where another version prints it whole (``whole``, the
    forms of that version's lines).
    """
    if not all(_closes_nothing(lines[i].strip()) for i in members):
        return False
    if len(members) <= TITLE_LINES:
        return True
    return forms is not None and "".join(forms[i] for i in members[1:]) in whole


def _versions_with_furniture(lines: tuple[str, ...], content: list[int], second: int) -> set[int]:
    """Which of two versions (0: before line ``second``, 1: from it) hold page furniture within them or beyond the document's edge."""
    gap = (max((i for i in content if i < second), default=-1), second)
    held = set()
    for i in find_furniture(lines, credits=False):
        if not gap[0] < i < gap[1]:
            held.add(0 if i < second else 1)
    return held


# The date under a notice's closing signature, as its lines' forms spell it
# (cut into runs or not): "2022年10月13日".
_CLOSING_DATE = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日")

# A copy's last lines searched for the clean text's closing line that it
# prints again: a signature and a date cut into runs at every change of
# script ("…管理局" / "2019" / "年" / "10" / "月" / "30" / "日") take that many.
CLOSING_REACH = 10

# Content lines past its title that a short article's clean part holds at
# most (a title and a paragraph or two, a subtitle, a byline, a caption).
MAX_SHORT_PART = 8

# Longest line (content characters) taken for a whole title.
MAX_TITLE = 40

# Shortest title (characters) that may open a version.
MIN_SHORT_TITLE = 4

# Lines a title takes in a version that prints it whole: a title and a subtitle.
TITLE_LINES = 2

# Versions of one article a document holds at most: the clean text and two copies.
MAX_VERSIONS = 3

# A version whose lines are found inside longer lines at most this often (the
# clean one), beside versions whose lines are at least COPY_CONTAINED so.
CLEAN_CONTAINED = 0.3
COPY_CONTAINED = 0.6


def _versions_by_containment(
    forms: list[str],
    labels: list[bool],
    content: list[int],
    contained: list[float | None],
    titles: set[str] | None = None,
) -> list[bool]:
    """Versions of one article, each opened by its whole title: the one whose lines no longer line holds is clean.

    Where the lines of every version close no sentence (an infographic's
    headings and captions), stopping mid-sentence tells nothing; but a copy
    cuts the clean text's lines, so its lines stand inside longer ones, and
    the clean version's do not.  The version that is clearly so is clean, the
    others are copies.  Lines that stand whole in every version are not
    counted (an infographic's headings fit a copy's column too).  ``titles``:
    the forms a version's title takes (the document's opening line, and the
    whole title where that line lacks its first words; by default the
    opening line's alone).
    """
    titles = titles or {forms[content[0]]}
    starts = [i for i in content if forms[i] in titles] + [len(labels)]
    # A line that stands whole in every version (a heading short enough for
    # the copy's column) is no longer line's piece in any: it tells nothing.
    # (Two copies of one rendering hold the same lines as each other, not as
    # the clean version.)
    parts = [{forms[i] for i in content if lo < i < hi} for lo, hi in zip(starts, starts[1:])]
    twins = set.intersection(*parts) if parts else set()
    shares = []
    for lo, hi in zip(starts, starts[1:]):
        measured = [contained[i] for i in content if lo < i < hi and contained[i] is not None and forms[i] not in twins]
        if not measured:
            return labels
        shares.append(sum(c >= 0.5 for c in measured) / len(measured))
    clean = min(range(len(shares)), key=shares.__getitem__)
    if shares[clean] > CLEAN_CONTAINED or any(x < COPY_CONTAINED for k, x in enumerate(shares) if k != clean):
        return labels
    # The first version runs from the document's start (lines before its title too).
    bounds = [0] + starts[1:]
    out = list(labels)
    for k, (lo, hi) in enumerate(zip(bounds, bounds[1:])):
        out[lo:hi] = [k != clean] * (hi - lo)
    # The few short pieces right above a later version's title that the
    # evidence gave to that version's kind are its page head ("1" / "要闻"
    # over a copy's title), not the end of the version before.
    for start in starts[1:-1]:
        heads = 0
        t = start - 1
        while t > 0 and heads < HEAD_LINES and labels[t] == out[start] and len(forms[t]) < MIN_SELF_REPEAT:
            heads += bool(forms[t])
            t -= 1
        out[t + 1 : start] = [out[start]] * (start - t - 1)
    return out


# Share of a part's lines that must carry one label for its title block to take it.
PART_MAJORITY = 0.8

# Content lines after a whole title that tell which kind of part it opens.
PART_HEAD = 5


def _fill_title_blocks(
    lines: tuple[str, ...], forms: list[str], labels: list[bool], content: list[int], second: int
) -> list[bool]:
    """Whole titles, parts the evidence already told apart: each title's block takes its part's kind.

    Under a title, a graphic's figures and captions ("7亿多", "1.7%") look like
    a copy's runs, short and unpunctuated, and the evidence gives the clean
    part's opening lines to the copy before it.  The title opens its part: from
    it up to the first line the evidence gave the part's own kind, the lines
    take that kind.  Only where each part is clearly of one kind (a part of
    nothing but its title block is a copy's).
    """
    # Every whole title opens a version (two copies around the clean text
    # give three).
    opens = [content[0]] + [i for i in content if i >= second and forms[i] == forms[second]]
    bounds = list(zip(opens, opens[1:] + [len(lines)]))
    # A version of nothing but its title block (a title, a subtitle) beside
    # one with a body is a copy's: a clean article has a body, and a copy of
    # its head alone says nothing by its few lines.
    members = [[i for i in content if lo <= i < hi] for lo, hi in bounds]

    def heading(i: int) -> bool:
        # However short its title ("截至九月底——").
        return _closes_nothing(lines[i].strip())

    heads_only = [
        _title_block_only(lines, m, forms, frozenset(forms[i] for other in members if other is not m for i in other))
        for m in members
    ]
    shares: list[float | None] = []
    for (lo, hi), head_only in zip(bounds, heads_only):
        if head_only and not all(heads_only):
            shares.append(None)
            continue
        body = [i for i in content if lo <= i < hi]
        # Its kind is its text's: not its title's lines (a title and a
        # subtitle), which the copies' titles hold and the evidence doubts.
        heads = 0
        while heads < min(TITLE_LINES, len(body) - 1) and heading(body[heads]):
            heads += 1
        body = body[heads:]
        shares.append(sum(labels[i] for i in body) / len(body))
    parts = []
    for k, ((lo, hi), share) in enumerate(zip(bounds, shares)):
        if share is None:
            parts.append((lo, hi, True))
            continue
        if PART_MAJORITY > share > 1 - PART_MAJORITY:
            # Mostly a copy's, beside versions all clearly clean: a short
            # copy's standfirst or lead, one closed line, reads as web
            # text, but an article has one clean version.
            others = [x for j, x in enumerate(shares) if j != k and x is not None]
            if not (share >= 0.5 and others and max(others) <= 1 - PART_MAJORITY):
                return labels
        parts.append((lo, hi, share >= 0.5))
    out = list(labels)
    for lo, hi, kind in parts:
        for t in range(lo, hi):
            if t > lo and forms[t] and labels[t] == kind:
                break
            out[t] = kind
    return out


# Lines around a copy searched for its page furniture: a page head or foot
# with its blank lines, cut into runs ("人民日报" / "2019" / "年" / … / "日 星期五").
FURNITURE_REACH = 20


def _indent(line: str) -> str:
    """A line's leading white space."""
    return line[: len(line) - len(line.lstrip())]


def _clean_indent(lines: tuple[str, ...], labels: list[bool], indent: str, in_copy: int = 0) -> bool:
    """Whether ``indent`` is the clean text's own: most clean lines carry it, and at most ``in_copy`` copy lines.

    Web text indents its paragraphs one way throughout ("　　", "    ");
    a copy's rendering indents at most its paragraphs' first lines, with
    whatever its extraction kept.  Where no line of the copy carries the
    clean text's indent (but the ``in_copy`` lines asked about), a line
    that does is the clean text's, however much it looks like a copy's
    (a signing body's name, a date under it).
    """
    if not indent:
        return False
    text = [j for j, line in enumerate(lines) if line.strip()]
    clean = [j for j in text if not labels[j]]
    return 2 * sum(_indent(lines[j]) == indent for j in clean) >= len(clean) > 0 and (
        sum(labels[j] and _indent(lines[j]) == indent for j in text) <= in_copy
    )


def _furniture_to_copy(lines: tuple[str, ...], labels: list[bool]) -> list[bool]:
    """Give page furniture on a copy's edge (a running header, a page number) to the copy.

    Web text has no pages: a header or page number between the clean text
    and a copy (the copy's first page head, its last page foot) belongs to the
    copy, whose rejoin removes it, even where the evidence, which knows
    nothing of pages, left it with the clean text.  Furniture is looked for in
    each copy and a few lines around it (never across the whole document,
    where two copies and the clean text print the title three times, like a
    running head); a page head's fixed form counts there too ("人民日报" on
    the copy's one page), but not a credit line, which the article may end
    with, unless the copy prints that line again inside it.
    """
    out = list(labels)
    # Whether an indent is the clean text's own, asked of the labels as they
    # came in (each a pass over the lines: asked once per indent).
    indents: dict[str, bool] = {}

    def clean_indent(indent: str) -> bool:
        if indent not in indents:
            indents[indent] = _clean_indent(lines, labels, indent)
        return indents[indent]

    for start, end in _broken_runs(labels):
        lo, hi = max(0, start - FURNITURE_REACH), min(len(lines), end + FURNITURE_REACH)
        found = {lo + i for i in find_furniture(lines[lo:hi], credits=False)}
        # So is, by its form alone, a line the clean side holds there that
        # is a page head's fixed form, a dressed page number ("- 23 -") or
        # the page's own credit ("本版责编：…", which names the page, not the
        # article): each is furniture seen on its own.
        found |= {i for i in range(lo, hi) if not labels[i] and find_furniture((lines[i],))}
        # A credit line is the copy's where the copy prints it again with its
        # text going on after it (a page's foot, not the article's end).
        # (Going on with text, not only with the page's foot under the
        # article's own last line: "版式设计：…" over "本版责编：…" and "23".)
        last = next((i for i in range(end - 1, start - 1, -1) if _text_line(lines[i])), start)
        feet = {lines[i].strip() for i in range(start, last) if is_furniture_form(lines[i])}
        found |= {i for i in range(lo, hi) if not labels[i] and lines[i].strip() in feet}
        # And the copy with the short pieces beyond its edges, where a head
        # or foot cut into runs ("第" / "8" / "版") opens or closes it.
        a, b = _pieces_beyond(lines, start, -1), _pieces_beyond(lines, end - 1, 1)
        found |= {a + i for i in find_furniture(lines[a : b + 1], credits=False)}
        # Not a clean line indented as the clean text's paragraphs, which no
        # line of the copy is: the date under the article's signature,
        # "　　2019年10月30日", looks like a page head's date.
        found = {i for i in found if labels[i] or not clean_indent(_indent(lines[i]))}
        for edge, step in ((start - 1, -1), (end, 1)):
            # Walk outward from the copy over blank lines and furniture.
            t = edge
            last = None
            while lo <= t < hi and (not lines[t].strip() or t in found):
                if t in found:
                    last = t
                t += step
            if last is not None:
                a, b = sorted((last, edge))
                out[a : b + 1] = [True] * (b + 1 - a)
    return out


def _tail_printed_again(forms: list[str], labels: list[bool]) -> list[bool]:
    """Give a copy the lines between its end and the clean title where the clean text prints every one of them again.

    A copy's last lines may each close a sentence (photo captions and their
    credits, a line each), which is what clean text looks like, so the
    evidence ends the copy above them, or at its page foot inside them.  But
    they stand between the copy and the title that opens the clean text, and
    web text does not say its lines twice: where the clean text after that
    title holds each of them, in their order, they are the copy's.  The
    title is the copy's own, whole on a line or cut across its first lines.
    """
    content = [i for i, f in enumerate(forms) if f]
    out = list(labels)
    for start, end in _broken_runs(labels):
        head = [q for q, i in enumerate(content) if start <= i < end][:1]
        after = [i for i in content if i >= end]
        if not head or not after:
            continue
        title = next((i for i in after if labels[i] or _titled(forms, content, head[0], forms[i])), None)
        if title is None or labels[title]:
            continue
        stretch = [forms[i] for i in after if i < title]
        clean = "\n".join(forms[i] for i in content if i > title and not labels[i])
        if not stretch or sum(map(len, stretch)) < MIN_SELF_REPEAT or not _in_order(stretch, clean):
            continue
        out[end:title] = [True] * (title - end)
    return out


def _titled(forms: list[str], content: list[int], q: int, title: str) -> bool:
    """Whether the content lines from the q-th on open with ``title``: whole on the first, or cut across lines."""
    return len(title) >= MIN_SELF_REPEAT and (forms[content[q]] == title or _cut_title_at(forms, content, q, title))


def _in_order(pieces: list[str], text: str) -> bool:
    """Whether every piece stands in ``text``, each after the one before it."""
    at = 0
    for piece in pieces:
        found = text.find(piece, at)
        if found < 0:
            return False
        at = found + len(piece)
    return True


def _text_line(line: str) -> bool:
    """Whether a line holds text: a letter or figure, no fixed form of a page's head or foot, no page number.

    (A dressed page number cut into runs, "- " / "20" / " -", leaves dashes
    alone on their lines: no text.)
    """
    t = line.strip()
    return (
        any(ch.isalnum() for ch in t)
        and not t.isdigit()
        and not is_furniture_form(t)
        and not find_furniture((t,))
    )


def _pieces_beyond(lines: tuple[str, ...], i: int, step: int) -> int:
    """The farthest line past ``i`` (by ``step``) over blank lines and up to MAX_GLUED short pieces."""
    far = t = i
    pieces = 0
    while 0 <= t + step < len(lines) and pieces < MAX_GLUED:
        t += step
        text = lines[t].strip()
        if text:
            if display_width(text) > MAX_PIECE_WIDTH:
                break
            pieces += 1
            far = t
    return far


def _broken_runs(labels: list[bool]) -> list[tuple[int, int]]:
    """(start, end) of each maximal stretch of broken labels, end exclusive."""
    runs = []
    i, n = 0, len(labels)
    while i < n:
        if not labels[i]:
            i += 1
            continue
        j = i
        while j < n and labels[j]:
            j += 1
        runs.append((i, j))
        i = j
    return runs


def _drop_thin_broken(evidence: list[LineEvidence], labels: list[bool]) -> list[bool]:
    """Relabel as clean any broken stretch with fewer than MIN_BROKEN_LINES content lines."""
    out = list(labels)
    for i, j in _broken_runs(labels):
        content = [t for t in range(i, j) if evidence[t].kind == CONTENT]
        # Unless the few lines each say it loudly (a copy of a title and a
        # line, in another script, with lost quotation marks), at the
        # document's edge, where a copy stands: between clean lines, two short
        # lines whose words the text holds are the article's headings
        # ("新任务" / "多学科联合观监测").
        edge = not any(e.kind == CONTENT for e in evidence[:i]) or not any(e.kind == CONTENT for e in evidence[j:])
        loud = edge and len(content) >= 2 and all(evidence[t].llr >= THIN_COPY_EVIDENCE for t in content)
        if len(content) < MIN_BROKEN_LINES and not loud:
            out[i:j] = [False] * (j - i)
    return out


def _sections(lines: tuple[str, ...], evidence: list[LineEvidence], labels: list[bool]) -> tuple[Section, ...]:
    """Group labelled lines into Sections with confidence and layout."""
    sections = []
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and labels[j] == labels[i]:
            j += 1
        broken = labels[i]
        llrs = [evidence[t].llr for t in range(i, j) if evidence[t].kind == CONTENT]
        sign = 1 if broken else -1
        confidence = sum(1 / (1 + math.exp(-sign * x)) for x in llrs) / len(llrs) if llrs else 1.0
        layout = _layout(lines[i:j]) if broken else None
        sections.append(
            Section(
                kind=SectionKind.BROKEN if broken else SectionKind.CLEAN,
                start=i + 1,
                end=j,
                confidence=round(confidence, 3),
                layout=layout,
            )
        )
        i = j
    return tuple(sections)


_LATIN_OR_DIGIT = re.compile(r"[A-Za-z0-9]")

# Lines with figures or Latin a copy needs before their never holding Han
# too marks it as runs.
MIN_RUN_EVIDENCE = 3


def _layout(lines: tuple[str, ...]) -> str:
    """Name the PDF rendering of a broken section.

    ``runs``: text runs on their own lines, blank lines between them (empty lines
    are separators, not paragraph breaks).  ``lines``: one printed line a line
    (an empty line, if any, ends a paragraph), possibly with a blank line after
    every line, which is then a separator too.
    """
    kinds = [line_kind(line) for line in lines]
    content = [i for i, k in enumerate(kinds) if k == CONTENT]
    if not content:
        return "lines"
    followed_by_blank = sum(1 for i in content if i + 1 < len(kinds) and kinds[i + 1] == EMPTY)
    if followed_by_blank >= 0.6 * len(content):
        widths = [display_width(lines[i].strip()) for i in content]
        short = sum(w <= 12 for w in widths)
        # Runs break at every font change, so many are a few characters long;
        # printed lines are mostly at the column width.  And a run holds one
        # script: where lines with figures or Latin never hold Han too, the
        # copy is of runs however long they are (few font changes).
        # (Running headers, which mix both, are page furniture, not text.)
        furniture = find_furniture(lines)
        latin = [lines[i] for i in content if i not in furniture and _LATIN_OR_DIGIT.search(lines[i])]
        mixed = sum(1 for line in latin if any(is_han(c) for c in line))
        if len(latin) >= MIN_RUN_EVIDENCE and mixed <= 0.1 * len(latin):
            return "runs"
        # Conversely, where most such lines hold Han too, they are printed
        # lines, however many short ones (a headline, a byline, a caption's
        # credit) a short copy has.
        if len(latin) >= MIN_RUN_EVIDENCE and mixed >= 0.5 * len(latin):
            return "spaced-lines"
        return "runs" if short >= 0.2 * len(widths) else "spaced-lines"
    return "lines"

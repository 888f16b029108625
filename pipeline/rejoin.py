"""Rejoin: turn the fragments of a broken section back into paragraphs.

Paragraph breaks come only from evidence, never from a mere line end:

* markers: white-space-only lines (the sample's " " and "  "), and two or more
  blank lines in a rendering where one blank line merely separates fragments;
* indentation: a fragment that starts with U+3000 or two spaces opens a paragraph;
* layout: in a rendering of printed lines, a line that stops short of the
  column ends its paragraph (see :func:`_short_line_ends`; in a rendering of
  runs, only where the copy has no markers at all).

Fragments join with nothing between CJK characters and with one space between
Latin words; a fragment's own leading or trailing space is kept as one space
(canonical form removes it again next to CJK).  Clean sections pass through with
one paragraph a line.

Page furniture inside a copy (running headers, 第N版, page numbers next to them)
is removed before joining; each removed line is listed, with its line number, in
the stage report, so nothing leaves the text unaccounted for.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter

from . import lexicon
from .chars import (
    CLOSERS,
    PARAGRAPH_FINAL,
    SENTENCE_END,
    SENTENCE_FINAL,
    closes_sentence,
    closes_unopened_bracket,
    display_width,
    ends_with_mark,
    is_han,
    is_letter_or_digit,
    leaves_bracket_open,
)
from .compare import simplified
from .model import Paragraph, Section, SectionKind, StageReport
from .mojibake import FFFD, LOST, damage_only

EMPTY, MARKER, CONTENT = 0, 1, 2

# A line this many half-width cells short of the column is "short": two CJK
# characters, so a line that merely ends with a narrower Latin run still counts
# as full.
SHORT_LINE_SLACK = 4

# Blank-line gaps a copy must show before they are taken as its way of marking
# paragraphs (one gap is as likely the seam where two copies meet).
MIN_GAPS = 2


def line_kind(line: str) -> int:
    """EMPTY for "", MARKER for white space only, else CONTENT."""
    if not line:
        return EMPTY
    if not line.strip():
        return MARKER
    return CONTENT


def column_width(texts: list[str]) -> int | None:
    """The printed column width (half-width cells) of a visual-line rendering, if any.

    The most common width of lines that stop mid-sentence, widened by two cells on
    either side (Latin runs make widths wobble), when at least three lines and 30%
    of such lines share it.  None when no column stands out (runs, clean text).
    """
    return column_fit(texts)[0]


def column_fit(texts: list[str]) -> tuple[int | None, float]:
    """:func:`column_width`, with the share of the lines that stop mid-sentence that fit it (0.0 with no column)."""
    widths = [display_width(t) for t in texts if t and display_width(t) >= 8 and t[-1] not in PARAGRAPH_FINAL]
    if len(widths) < 3:
        return None, 0.0
    counts = Counter(widths)

    def support(w: int) -> int:
        return sum(counts.get(w + d, 0) for d in (-2, -1, 0, 1, 2))

    # Ties go to the more common width: a stray wider line (a hung comma past
    # the column) must not pull the cluster off the lines that fill it.
    best = max(counts, key=lambda w: (support(w), counts[w], w))
    if support(best) >= 3 and support(best) >= 0.3 * len(widths):
        # The column is the widest line of the cluster, not its mode.
        return max(w for w in counts if abs(w - best) <= 2), support(best) / len(widths)
    return None, 0.0


def needs_space(left: str, right: str) -> bool:
    """Whether two fragments ending in ``left`` and starting with ``right`` need a space.

    Only between Latin words: a letter (or Latin punctuation) before a letter or
    digit.  Never between digits, so a number cut by a line wrap is rejoined
    unchanged, and never next to CJK.
    """
    if not (left.isascii() and right.isascii()):
        return False
    if left.isalpha() and right.isalnum():
        return True
    if left in ",;:!?)" and right.isalnum():
        return True
    return left == "." and right.isalpha()


def join_fragments(fragments: list[str]) -> str:
    """Join fragments of one paragraph (see module docstring for the rules)."""
    out = ""
    for frag in fragments:
        if not out:
            out = frag.strip()
            continue
        piece = frag.strip()
        if not piece:
            continue
        if frag[0].isspace() or out[-1].isspace():
            out += " " + piece
        elif needs_space(out[-1], piece[0]):
            out += " " + piece
        else:
            out += piece
    return out


# Marks that close what came before them: a line of these alone belongs to the paragraph before it.
_CLOSING_MARKS = CLOSERS + "》】"


def is_indented(line: str) -> bool:
    """Whether a line opens with a paragraph indent (U+3000, two spaces or a tab)."""
    return line.startswith("\u3000") or line.startswith("  ") or line.startswith("\t")


# Lines opening with two no-break spaces that make them a copy's indent,
# not the gap after a dateline carried down to a line's start.
MIN_NO_BREAK_INDENTS = 3


def _no_break_indents(lines: tuple[str, ...]) -> tuple[str, ...]:
    """The lines, with an indent of two no-break spaces written as the two spaces it stands for, where the copy indents so.

    A PDF's text layer may write a paragraph's indent as two no-break
    spaces; they mark a paragraph as plainly as two spaces do.  But news
    text also puts two after a dateline ("…10月12日电\xa0\xa0第三次…"), and
    a line may wrap right there; and a copy cut into runs at each change
    of font opens a run with the gap after a figure ("表1" /
    "\xa0\xa0中国大陆…", a table's caption).  Such lines follow a line that
    runs on; an indent, one that closed its paragraph.  Where at least
    :data:`MIN_NO_BREAK_INDENTS` lines open so, most of them after such a
    line, they are the copy's indents.
    """
    opening = [i for i, line in enumerate(lines) if line.startswith("\xa0\xa0")]
    if len(opening) < MIN_NO_BREAK_INDENTS:
        return lines
    closed = 0
    for i in opening:
        before = next((lines[t].strip() for t in range(i - 1, -1, -1) if line_kind(lines[t]) == CONTENT), "")
        closed += before[-1:] in PARAGRAPH_FINAL
    if 2 * closed <= len(opening):
        return lines
    return tuple("  " + line[2:] if line.startswith("\xa0\xa0") else line for line in lines)


# A line that is a byline and nothing else ("本报记者  韩俊杰", "新华社记者
# 张玉薇摄"; names set apart by spaces, not a printed line of a sentence
# that opens "本报记者走访…"): the paper sets it apart, so it is a paragraph
# of its own however short the lines beside it (a heading over it, which a
# rebuilt printed line would run into it).  Both scripts: a traditional copy
# prints "本報記者".
_BYLINE = re.compile(
    r"^(本报记者|本报通讯员|本报特约记者|本报评论员|新华社记者|人民日报记者|人民网记者"
    r"|本報記者|本報通訊員|本報特約記者|本報評論員|新華社記者|人民日報記者|人民網記者)"
    r"(?:[\s\u3000\xa0、]+[\u4e00-\u9fff·]{1,5})+[\s\u3000\xa0]*$"
)
# (A name's characters may be spaced out too, "新华社记者  刘  潇摄"; the
# name is two characters or more.)
MIN_BYLINE_NAME = 2


def _names_long_enough(names: str) -> bool:
    """Whether the names after a byline's or a credit's role hold :data:`MIN_BYLINE_NAME` characters, gaps aside."""
    return len(re.sub(r"[\s\u3000\xa0、]", "", names)) >= MIN_BYLINE_NAME


def _is_byline(line: str) -> bool:
    """Whether a line is a byline and nothing else (see :data:`_BYLINE`)."""
    match = _BYLINE.match(line)
    return match is not None and _names_long_enough(line[match.end(1) :])


# A section's number alone on its line ("（三）"), as a long article sets it
# between its parts: no wrap leaves a line holding only that, so it is a
# paragraph of its own however full the line before it.
_SECTION_NUMBER = re.compile(r"^[（(][一二三四五六七八九十\d]{1,3}[）)]$")


# The names an editors' credit line gives after its role ("版式设计：沈亦伶",
# "本版责编：赵  政  孙  萌"), set out as a byline's.
_CREDIT_NAMES = re.compile(r"[\s\u3000\xa0]*[\u4e00-\u9fff·]{1,5}(?:[\s\u3000\xa0、]+[\u4e00-\u9fff·]{1,5})*[\s\u3000\xa0]*")


def _is_credit_line(line: str) -> bool:
    """Whether a line is an editors' credit and nothing else: it closes the article, or the page, and opens nothing."""
    # (Every credit has its colon: asked before the script is, as every line is asked.)
    if "：" not in line and ":" not in line:
        return False
    text = simplified(line)
    match = _CREDIT.match(text)
    names = text[match.end() :] if match else ""
    return bool(match) and _CREDIT_NAMES.fullmatch(names) is not None and _names_long_enough(names)


# The end of a report's dateline: the day and "电" (wired), in either script.
_DATELINE_END = re.compile(r"\d\s*日\s*[电電]$")


# A report's dateline opening its lead: the agency, the place, the day and
# "电" ("本报北京10月8日电", "新华社北京10月16日电"), in either script.  The
# corpus's 600 articles open 182 paragraphs with one; the 46 others they
# hold follow "据" or "（" ("（本报北京10月9日电）", a note's source).
_DATELINE = re.compile(r"^(本报|新华社|人民网|中新社|本報|新華社|人民網)[\u4e00-\u9fff·]{1,12}\d{1,2}月\d{1,2}日[电電]")
# Pieces a dateline may be cut into: a run for each of its figures.
MAX_DATELINE_PIECES = 6


def _opens_dateline(pieces: list[tuple[int, str, bool]], k: int) -> bool:
    """Whether piece ``k`` opens a report's dateline (:data:`_DATELINE`), which opens a paragraph.

    No wrap puts a dateline at a line's start but after "据" or "（": a
    headline over it, or a rebuilt run that ran one into it, ended there.
    """
    if not pieces[k][1].lstrip().startswith(("本", "新", "人", "中")):
        return False
    if k > 0 and pieces[k - 1][1].rstrip().endswith(("据", "（", "(")):
        return False
    text = "".join(p[1].strip() for p in pieces[k : k + MAX_DATELINE_PIECES])
    return _DATELINE.match(text) is not None


# A note in brackets closing a paragraph, which web text sets on a line of its
# own: the reporter's name ("（钟艳宇）", "（新  彦）"), the source
# ("（据新华社电）", "（数据来源：武汉市经信局）"), the author ("（作者为钢琴家）",
# "（中国电信湖北省分公司党委书记、总经理  李洪波）"), the reporters
# ("（本报记者姜洁、江琳、刘洪超）").  Han characters and the marks that list
# names and roles only: a number's brackets are cut into runs with it ("（" /
# "2007" / "）").  (The corpus's 600 articles set 113 paragraphs so, the
# longest 33 characters; 57 of them a name or a source in Han characters
# alone, ten or fewer.)
_CLOSING_NOTE = re.compile(r"^（[\u4e00-\u9fff][\u4e00-\u9fff\s\u3000\xa0：、，·]{0,32}）$")


def is_closing_note(line: str) -> bool:
    """Whether a line's text is a bracketed note alone (:data:`_CLOSING_NOTE`): a reporter's name, a source, an author."""
    return _CLOSING_NOTE.match(line) is not None


def _closing_note(line: str, before: str) -> bool:
    """Whether a line is a bracketed note on its own after a closed sentence (see :data:`_CLOSING_NOTE`).

    After a closed sentence only: a title's column tag on its own line
    ("进一步做好“六稳”工作" / "（经济形势理性看）") follows none.
    """
    return is_closing_note(line) and closes_sentence(before.rstrip())


# The labels a paper sets on a line of their own over a part of an article:
# the standfirst's ("核心阅读", in 24 of the corpus's 600 articles, "内容提要"),
# a box's ("知识链接", "参观贴士"), a column's ("开栏的话", "亲历者说").
# Under a headline, a label is as short as a wrapped headline's last line,
# and no width tells it from one ("“绣花治理”让成都更有温情" / "核心阅读").
_LABELS = frozenset(
    "核心阅读 内容提要 阅读提示 编者按 开栏的话 记者手记 知识链接 相关链接 背景链接 延伸阅读 亲历者说 参观贴士".split()
)
MAX_LABEL = max(map(len, _LABELS))

# A photo's credit: the photographer's name (two to four characters, maybe
# spaced out), "摄", and the agency in brackets ("苗秋闹摄（新华社发）",
# "翟慧勇摄（影像中国）"; 10 of the 17 credits in the corpus's 600 articles,
# the others a byline's role and name, "新华社记者  刘  潇摄").  The
# bracket is required: a run of a sentence may end in "拍摄" ("2019" /
# "年拍摄" / "的照片").
_PHOTO_CREDIT = re.compile(r"^[\u4e00-\u9fff](?:[\s\u3000\xa0]*[\u4e00-\u9fff]){1,3}摄（[\u4e00-\u9fff]{2,8}）$")


def _stands_alone(line: str) -> bool:
    """Whether a line is a paragraph of its own by its form: a byline, a credit line, a section's number, a label or a photo's credit.

    No wrap leaves a line holding only that, and no paragraph runs on from it
    (a copy's title set right under the credit that closed the text before).
    """
    return (
        _is_byline(line)
        or _is_credit_line(line)
        or _SECTION_NUMBER.match(line) is not None
        or (len(line) <= MAX_LABEL and simplified(line) in _LABELS)
        or (line.endswith("）") and _PHOTO_CREDIT.match(simplified(line)) is not None)
    )


# A list's bullet opening a line ("■ 要强化基础研究…", a standfirst's
# points).  (Not "○", a zero in "二○一九"; not "□", a glyph's stand-in; not
# "·", a name's middle dot.)  A label in lenticular brackets opening a line
# ("【人物】社区民警汪勇", "【点评】…") opens a part the same way: the
# corpus's 600 articles open 12 paragraphs with one and set none inside one.
_BULLET = re.compile(r"^[\s\u3000]*([■●◆▲★▶►•]|【(?=[^】\s]{1,8}】))(?![■●◆▲★▶►•])")


def _item_bullets(texts: list[str]) -> frozenset[str]:
    """The bullets that open list items in these lines: those that open a line and stand inside none.

    A bullet stands before its item, not inside a sentence, so where a
    copy sets its items each on lines of their own, one opening a line
    opens an item, whatever the line before.  A copy that runs its items
    on in one paragraph ("…84.89%●中小城市…") shows bullets mid-line: there
    one at a line's start is where a wrap happened to fall.
    """
    opening = {m.group(1) for m in map(_BULLET.match, texts) if m}
    inside = {ch for text in texts for ch in text.strip()[1:] if ch in opening}
    return frozenset(opening - inside)


def _opens_item(text: str, bullets: frozenset[str]) -> bool:
    """Whether ``text`` opens with one of ``bullets`` (see :func:`_item_bullets`)."""
    m = _BULLET.match(text)
    return m is not None and m.group(1) in bullets


# A gap of white space inside a line that no typesetter leaves in running
# text: a table's cells, padded apart ("副部长        1").  A row is no wrap.
_TABLE_GAP = re.compile(r"\S[\s\u3000\xa0]{4,}\S")


def split_paragraphs(
    lines: tuple[str, ...], layout: str | None, skip: set[int] = frozenset()
) -> list[tuple[int, int, list[str]]]:
    """Cut a broken section's lines into paragraphs: (first, last, fragments) with 0-based offsets.

    Breaks come from markers and indentation before a fragment, and from the
    layout: a printed line that stops short of the column ends its paragraph.
    A line a list's bullet opens ("■ …") opens a paragraph (see
    :func:`_item_bullets`), as does a line a report's dateline opens
    (:func:`_opens_dateline`).
    A byline or a section's number on a line of its own is a paragraph of its own,
    as is a closing note in brackets after a closed sentence ("（钟艳宇）")
    or opening the section (the clean text's, set right over its copy);
    a dateline ends none, however short its line, and no paragraph opens
    with a closing mark or a comma.
    In a "runs" rendering the printed lines are first rebuilt from the runs.
    Lines in ``skip`` (page furniture) are passed over as if absent, with the
    one blank line that separates them in a blank-separated rendering.
    """
    lines = _no_break_indents(lines)
    pieces = _pieces(lines, layout, skip)
    if not pieces:
        return []
    marked = _marks_paragraphs(lines, pieces)
    bullets = _item_bullets([p[1] for p in pieces])
    if layout != "runs":
        printed = _lines_with_cut_figures(pieces) if layout == "spaced-lines" else [[k] for k in range(len(pieces))]
        # (Lines put back together at a cut figure are still printed lines.)
        ends = set()
        for page, following in _pages_by_column(pieces, printed, skip):
            # (Each page's last line measured with the next page's first
            # line after it, whose end is that page's to say.)
            keys = [k for group in page + following for k in group]
            index = {k: n for n, k in enumerate(keys)}
            found = _short_line_ends(
                [pieces[k] for k in keys],
                [[index[k] for k in group] for group in page + following],
                rebuilt=False,
                bullets=bullets,
                marked=marked,
            )
            ends |= {keys[n] for n in found if n < len(keys) - sum(map(len, following))}
        if marked:
            # Where the copy marks paragraphs, a short line that stops
            # mid-sentence is a run cut at a font change ("10" / "月"), which a
            # blank-separated rendering looks just like; only a short line that
            # closes a sentence may end a paragraph its marker lost.  A closing
            # quote closes one only after a final mark: a title's first line
            # set short may end with a quoted term, "进一步做好“六稳”" /
            # "工作（经济形势理性看）".
            ends = {k for k in ends if _closes_marked_paragraph(pieces[k][1].rstrip())}
    elif not marked:
        # Runs carry no printed-line ends of their own; rebuilding them is a
        # guess, used only where the copy marks no paragraph at all.  (Real PDF
        # text layers also cut runs inside a font, as the sample shows, so with
        # markers present the markers are the better evidence.)
        printed = _printed_lines(pieces)
        ends = _short_line_ends(pieces, printed, bullets=bullets)
    else:
        printed = _printed_lines(pieces)
        ends = set()
    # The page's source line is a paragraph of its own whatever else the
    # copy marks: the title over it has no paragraph mark of its own to
    # lose ("…（新视" / "点）" / "《人民日报》（" / "2019" / … / "版）").
    ends |= _source_line_ends(pieces, printed)
    # A dateline ends no paragraph, however short its line: the report runs on
    # from it ("本报加德满都10月12日电" / "（记者王慧、林芮）国家主席…").
    # (A run's text may hold only "日电", its figures the runs before it.)
    ends = {k for k in ends if not _DATELINE_END.search("".join(p[1].strip() for p in pieces[max(0, k - 2) : k + 1]))}
    ends = _attach_dashes(pieces, ends)
    # No paragraph opens with a closing mark or a comma: a line that starts
    # with one ("”……近年来…", a mark a typesetter would not leave at a line's
    # end pushed down with what follows) goes on the paragraph before,
    # however short that one's last line.  (Not "…": a paragraph may open
    # with an ellipsis.)
    ends = {k for k in ends if k + 1 == len(pieces) or pieces[k + 1][1].strip()[:1] not in _NO_PARAGRAPH_START}
    # Nor does one end inside a word: a line that stops short there wrapped
    # (a first line short by a dropped indent, a line rebuilt from runs
    # measured wrong), "…发现120周" / "年之际，".
    ends = {k for k in ends if not _inside_word(pieces, k)}
    ends = _close_lost_quotes(pieces, ends)
    # Nor does the lost indent a dateline's lead opens with end a paragraph:
    # alone after a paragraph's end, a piece of damage alone before the
    # dateline is that indent, though its rebuilt line looks short.
    ends = {
        k
        for k in ends
        if not (
            damage_only(pieces[k][1])
            and (k == 0 or k - 1 in ends or pieces[k][2])
            and k + 1 < len(pieces)
            and _opens_dateline(pieces, k + 1)
        )
    }
    # Nor does a paragraph end inside a bracket: a line that leaves one open,
    # before a line that closes it, wraps, however short ("第一辆国产自行车
    # （新中国“第一”" / "·生活篇）", a title set narrow).
    ends = {
        k
        for k in ends
        if k + 1 == len(pieces)
        or not (leaves_bracket_open(pieces[k][1]) and closes_unopened_bracket(pieces[k + 1][1]))
    }
    paragraphs: list[tuple[int, int, list[str]]] = []
    current: list[int] = []
    for k, (i, line, hard_break) in enumerate(pieces):
        # (A closing note only where no marker shows the paragraphs: where one
        # does, it says whether the note is a paragraph, "…10亿元。" /
        # "（资料图片）" running on.)
        # (A note opening the section closes the text before it: no title
        # opens with a reporter's name.)
        alone = (
            _stands_alone(line.strip())
            or (not marked and k > 0 and _closing_note(line.strip(), pieces[k - 1][1]))
            or (k == 0 and is_closing_note(line.strip()))
        )
        # A table's row opens a paragraph of its own, and, as a printed line,
        # ends it too; cut into runs, its figures follow in runs of their
        # own ("主管        " / "3").
        row = _TABLE_GAP.search(line.strip()) is not None
        alone = alone or (row and layout != "runs")
        # (What a dateline's paragraph holds before it so far, damage alone,
        # is its indent, lost to a lossy decode: it stays.  After a headline
        # run on, a lost character is the headline's last, "…4782" / LOST.)
        opens = _opens_item(line, bullets) or (
            _opens_dateline(pieces, k) and not all(damage_only(pieces[t][1]) for t in current)
        )
        if not line.strip(_CLOSING_MARKS + " \u3000"):
            # Closing marks alone ("”" pushed past a page break) end the
            # paragraph before them, whatever break they follow; they open none.
            if not current and paragraphs:
                first = paragraphs.pop()[0]
                current = [t for t in range(k + 1) if pieces[t][0] >= first]
                paragraphs.append((first, i, [pieces[t][1] for t in current]))
                current = []
                continue
        elif current and (hard_break or alone or row or opens):
            paragraphs.append((pieces[current[0]][0], pieces[current[-1]][0], [pieces[t][1] for t in current]))
            current = []
        current.append(k)
        if k in ends or alone:
            paragraphs.append((pieces[current[0]][0], pieces[current[-1]][0], [pieces[t][1] for t in current]))
            current = []
    if current:
        paragraphs.append((pieces[current[0]][0], pieces[current[-1]][0], [pieces[t][1] for t in current]))
    return paragraphs


def _pages_by_column(
    pieces: list[tuple[int, str, bool]], printed: list[list[int]], skip: set[int]
) -> list[tuple[list[list[int]], list[list[int]]]]:
    """The printed lines cut into parts measured apart: (a part's lines, the next part's first line or none).

    One part, unless page furniture (``skip``) parts pages that show columns
    of their own: an article continued on another page may be set to another
    measure there ("- 33 -" between lines of 24 cells and lines of 18), and
    measured against the first page's column, every line of the second
    looks short.  A page too short to show its column goes with the page
    before it (the first page's with the next).
    """
    whole = [(printed, [])]
    if not skip:
        return whole
    furniture = sorted(skip)
    pages: list[list[list[int]]] = [[]]
    for n, group in enumerate(printed):
        # (Furniture between the line before and this one: a page break.)
        if n and bisect.bisect_right(furniture, pieces[printed[n - 1][-1]][0]) < bisect.bisect_left(
            furniture, pieces[group[0]][0]
        ):
            pages.append([])
        pages[-1].append(group)
    if len(pages) < 2:
        return whole

    def column(page: list[list[int]]) -> int | None:
        # (Not a width the page's own open lines run past: a page of a copy
        # whose first lines dropped their indent may show most of its
        # lines short by it, and its wraps at the real column.)
        texts = ["".join(pieces[k][1].strip() for k in group) for group in page]
        widths = _printed_widths(pieces, page)
        indents = [is_indented(pieces[group[0]][1]) for group in page]
        measure = _column_cells(texts, widths, indents)
        if measure is None:
            return None
        past = any(
            w > measure + 2 and t and t[-1] not in _PUNCTUATION_END and not indented
            for t, w, indented in zip(texts, widths, indents)
        )
        return None if past else measure

    columns = [column(page) for page in pages]
    shown = [c for c in columns if c is not None]
    if len(shown) < 2 or max(shown) - min(shown) <= 2:
        return whole
    parts: list[list[list[int]]] = []
    measure: int | None = None
    for page, col in zip(pages, columns):
        if parts and (col is None or measure is None or abs(col - measure) <= 2):
            parts[-1].extend(page)
        else:
            parts.append(list(page))
        measure = col if col is not None else measure
    return [(part, parts[n + 1][:1] if n + 1 < len(parts) else []) for n, part in enumerate(parts)]


def _source_line_ends(pieces: list[tuple[int, str, bool]], printed: list[list[int]]) -> set[int]:
    """Pieces after which a paragraph ends because a printed line is the page's source line (:data:`_SOURCE_LINE`).

    The source line ends a paragraph, and so does the line over it.
    """
    ends: set[int] = set()
    for v, group in enumerate(printed):
        if _SOURCE_LINE.match("".join(pieces[k][1].strip() for k in group)):
            ends.add(group[-1])
            if v:
                ends.add(printed[v - 1][-1])
    return ends


def _inside_word(pieces: list[tuple[int, str, bool]], k: int) -> bool:
    """Whether the break after piece ``k`` falls inside a word (:func:`pipeline.lexicon.splits_word`).

    Each side is read across the pieces of its paragraph, a run cut out at a
    figure included ("120" / "周" / "年之际"), never past a marked break.
    """
    if k + 1 >= len(pieces) or pieces[k + 1][2]:
        return False
    span = lexicon.EDGE_WORD
    before = ""
    for t in range(k, -1, -1):
        before = pieces[t][1].strip() + before
        if len(before) >= span or pieces[t][2]:
            break
    after = ""
    for t in range(k + 1, len(pieces)):
        if t > k + 1 and pieces[t][2]:
            break
        after += pieces[t][1].strip()
        if len(after) >= span:
            break
    return lexicon.splits_word(before, after)


_DOUBLE_QUOTES = "“”" + FFFD


def _close_lost_quotes(pieces: list[tuple[int, str, bool]], ends: set[int]) -> set[int]:
    """Move a paragraph end past a lost quotation mark that closes the paragraph.

    A quotation mark the font could not map comes out as U+FFFD in a run of
    its own ("…奋斗目标。" / "\ufffd" / "中国人寿…"), so which paragraph it
    belongs to is not seen in the runs: the mark after a sentence's end may
    close that paragraph or open the next.  Paragraphs hold their quotation
    marks in pairs, so where the paragraph before it leaves one open and the
    one after it would hold an odd number too, the mark closes the paragraph
    before.  (Taken as an opening mark, it would also turn every quotation
    after it inside out once the marks are restored.)
    """
    order = sorted(ends)
    out = set(ends)
    for n, k in enumerate(order):
        if (
            k + 1 >= len(pieces)
            or pieces[k + 1][2]
            or pieces[k + 1][1].strip() != FFFD
            or not closes_sentence(pieces[k][1])
        ):
            continue
        start = order[n - 1] + 1 if n else 0
        stop = next((e for e in order[n + 1 :] if e > k + 1), len(pieces) - 1)
        # A marker's break bounds a paragraph as an end does.
        start = max([t for t in range(start, k + 1) if pieces[t][2]], default=start)
        stop = min([t - 1 for t in range(k + 2, stop + 1) if pieces[t][2]], default=stop)
        before = sum(pieces[t][1].count(q) for t in range(start, k + 1) for q in _DOUBLE_QUOTES)
        after = sum(pieces[t][1].count(q) for t in range(k + 1, stop + 1) for q in _DOUBLE_QUOTES)
        if before % 2 and after % 2:
            out.discard(k)
            out.add(k + 1)
    return out


# Closing quotation marks (brackets aside: a closing note, "（人民视觉）",
# ends a caption with no final mark before it).
_CLOSING_QUOTES = "”’」』\"'"


def _closes_marked_paragraph(text: str) -> bool:
    """Whether a short line of a copy that marks its paragraphs may end one its marker lost: it closes a sentence or a clause.

    A closing quotation mark closes one only after a final mark: "…“六稳”"
    quotes a term mid-sentence.
    """
    if text[-1] in _CLOSING_QUOTES:
        return closes_sentence(text)
    return text[-1] in PARAGRAPH_FINAL


# Dashes that may stand on a line, or in a run, of their own.
_DASHES = "—―"


def _dash_run(text: str) -> bool:
    """Whether a run holds dashes alone ("――"): a PDF may set them in a font of their own, cut from their line."""
    return bool(text) and not text.strip(_DASHES)


def _attach_dashes(pieces: list[tuple[int, str, bool]], ends: set[int]) -> set[int]:
    """Paragraph ends moved so that no dash stands as a paragraph of its own.

    A dash alone on a line, or cut into a run of its own for its font
    ("……交响" / "――" / "10" / "月…"), closes the paragraph that ended
    before it mid-sentence (a kicker's or a heading's dash, "…生动实践——").
    After a closed sentence or a paragraph mark, or after the headline
    where a figure's run follows, it opens the next paragraph (a subtitle,
    "——国庆70周年阅兵纪实"): the short line it makes ends none.  Inside a
    paragraph, its line's width decides as any line's does.
    """
    out = set(ends)
    for k, (_, line, hard) in enumerate(pieces):
        if line.strip(_DASHES + " \u3000") or not line.strip():
            continue
        before = pieces[k - 1][1].strip() if k else ""
        # (After the headline, a dash that a figure's run cut off goes
        # with it, opening the subtitle: "山西能源革命…发展" / "——" /
        # "2019" / "年太原…论坛见闻".  The paragraph a figure opens in the
        # body follows a dash that closed the one before: "…交响" / "――" /
        # "10" / "月1日…".)
        headline = not any(t in out or pieces[t + 1][2] for t in range(k - 1))
        cut_by_figure = k + 1 < len(pieces) and not pieces[k + 1][2] and pieces[k + 1][1].strip().isascii()
        if not k or hard or before[-1] in PARAGRAPH_FINAL or (headline and cut_by_figure):
            out.discard(k)
        elif k - 1 in out:
            out.discard(k - 1)
            out.add(k)
    return out


def _marks_paragraphs(lines: tuple[str, ...], pieces: list[tuple[int, str, bool]]) -> bool:
    """Whether the copy marks its paragraphs: a marker line or an indented piece, or a few blank gaps."""
    gaps = 0
    for (prev, _, _), (i, line, hard) in zip(pieces, pieces[1:]):
        if not hard:
            continue
        if is_indented(line) or any(line_kind(lines[t]) == MARKER for t in range(prev + 1, i)):
            return True
        gaps += 1
    return gaps >= MIN_GAPS


def _pieces(lines: tuple[str, ...], layout: str | None, skip: set[int]) -> list[tuple[int, str, bool]]:
    """Content lines as (offset, line, hard_break): whether a marker, a paragraph gap or indentation precedes it."""
    kinds = [line_kind(line) for line in lines]
    # In "runs" and "spaced-lines" one blank line only separates fragments.
    blank_separates = layout in ("runs", "spaced-lines")
    out: list[tuple[int, str, bool]] = []
    gap_markers = gap_blanks = 0
    # The blank lines on either side of a page's furniture are two gaps, not
    # one: a page break (pdfminer's form feed turned into one more blank line)
    # must not add up with the blank line before the foot to a paragraph gap.
    gap_apart = 0
    skip_blank = False
    for i, (line, kind) in enumerate(zip(lines, kinds)):
        if i in skip:
            skip_blank = blank_separates
            gap_apart = max(gap_apart, gap_blanks)
            gap_blanks = 0
            continue
        if skip_blank and kind == EMPTY:
            skip_blank = False
            continue
        skip_blank = False
        if kind == MARKER:
            if _word_gap(lines, kinds, i, out):
                # A space of its own between two Latin words ("Marie" / " " /
                # "Curie"): the words' gap, with the blank lines around it.
                gap_blanks = 0
                skip_blank = blank_separates
                continue
            gap_markers += 1
            continue
        if kind == EMPTY:
            gap_blanks += 1
            continue
        gap = max(gap_apart, gap_blanks)
        hard = bool(out) and (gap_markers > 0 or gap >= (2 if blank_separates else 1) or is_indented(line))
        out.append((i, line, hard))
        gap_markers = gap_blanks = gap_apart = 0
    return out


def _word_gap(lines: tuple[str, ...], kinds: list[int], i: int, before: list[tuple[int, str, bool]]) -> bool:
    """Whether the white-space line i is one space (U+0020, U+00A0) between a Latin word or number and the next."""
    if len(lines[i]) != 1 or not before:
        return False
    nxt = next((lines[j] for j in range(i + 1, len(lines)) if kinds[j] == CONTENT), None)
    prev = before[-1][1].rstrip()
    return nxt is not None and _is_latin_alnum(prev[-1]) and _is_latin_alnum(nxt.lstrip()[:1])


def _is_latin_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _char_class(ch: str) -> str:
    if ch == "\ufffd":
        return "lost"
    return "latin" if ch.isascii() else "cjk"


def _printed_lines(pieces: list[tuple[int, str, bool]]) -> list[list[int]]:
    """Group the runs of a "runs" rendering back into printed lines.

    A PDF cuts a printed line into runs only where the font changes, between
    CJK and Latin text (or at a glyph it cannot map); two adjacent runs of the
    same class must therefore lie on different printed lines.  A wrap that falls
    on a font change is not seen, which can only make a rebuilt line longer,
    never shorter: it hides a paragraph end at worst, it never invents one.
    """
    groups: list[list[int]] = []
    prev = ""
    for k, (_, line, hard) in enumerate(pieces):
        text = line.strip()
        if not groups or hard or _char_class(text[0]) == _char_class(prev[-1]):
            groups.append([k])
        else:
            groups[-1].append(k)
        prev = text
    return groups


def _cut_out(text: str) -> bool:
    """Whether a run is one a PDF cuts out of a CJK line at a change of font: figures or Latin, or lost marks."""
    return text.isascii() or not text.strip(FFFD)


def _lines_with_cut_figures(pieces: list[tuple[int, str, bool]]) -> list[list[int]]:
    """Printed lines of a blank-separated rendering, with a line cut into runs at a figure put back together.

    A copy with few figures or Latin words reads as printed lines, but the
    PDF still cut each line holding one into runs at the change of script:
    "唐代《元和郡县图志》中用" / "16" / "个字来描述绵阳：“东据天".  Neither
    piece around the figure is a short printed line.  A run of figures or
    Latin alone, before a run of the other script, goes on the printed line
    of the run before it where the three fit the section's column and that
    run closed no sentence; else it opens the next printed line with the run
    after it, where the two fit ("…成绩单。" closing its paragraph short,
    then "2019" / "年，…").  A run before that closed a sentence still takes
    the figure where the figure and the run after it would leave room for
    the next line's first piece, mid-sentence, even with a dropped indent:
    no typesetter wraps so, so the sentence closed inside their line
    ("…特別" / "合適。" / "2008" / "年，…買").
    A quotation mark lost to U+FFFD is cut out as a run of its own just the
    same (a glyph the font could not map), and is put back alike:
    "…特殊的玩具——" / "\ufffd" / "星海”牌" is one printed line.
    """
    texts = [line.strip() for _, line, _ in pieces]
    groups = [[k] for k in range(len(pieces))]
    if not any(_cut_out(text) for text in texts):
        return groups
    column, _ = column_fit(texts)
    if column is None:
        return groups
    hard = [h for _, _, h in pieces]

    def fits(members: list[int]) -> bool:
        return sum(display_width(texts[t]) for t in members) <= column + _hung(texts[members[-1]])

    # A copy that shows its indents lost none; in one that shows none, a
    # paragraph's first line may be short by one the extraction dropped.
    indent = 0 if any(is_indented(line) for _, line, _ in pieces) else LOST_INDENT

    def too_short(figure: int, after: int) -> bool:
        # The figure and the run after it, as a printed line of their own,
        # would go on mid-sentence to a next line whose first piece had room
        # on it, even had the line been a first line whose indent the
        # extraction dropped: no typesetter leaves that, so their line began
        # before them, with a sentence closed inside it ("…特別" / "合適。" /
        # "2008" / "年，…").
        following = after + 1
        return (
            following < len(texts)
            and not hard[following]
            and not closes_sentence(texts[after])
            and display_width(texts[figure] + texts[after]) + head_width(texts[following]) + indent <= column
        )

    k = 1
    while k < len(groups) - 1:
        # (A line may hold more than one figure: the run before may be put
        # back together already.)
        before, (figure,), (after,) = groups[k - 1], groups[k], groups[k + 1]
        if hard[figure] or hard[after] or not _cut_out(texts[figure]) or _char_class(texts[after][0]) != "cjk":
            k += 1
        elif (
            _char_class(texts[before[-1]][-1]) == "cjk"
            and (not closes_sentence(texts[before[-1]]) or too_short(figure, after))
            and fits([*before, figure, after])
        ):
            groups[k - 1 : k + 2] = [[*before, figure, after]]
        elif fits([figure, after]):
            groups[k : k + 2] = [[figure, after]]
            k += 1
        elif _char_class(texts[before[-1]][-1]) == "cjk" and fits([*before, figure]):
            # Too wide to open the line after, the run ended the line before:
            # a run cut out at a font change is no printed line of its own.
            groups[k - 1 : k + 1] = [[*before, figure]]
        else:
            k += 1
    return groups


def _short_line_ends(
    pieces: list[tuple[int, str, bool]],
    printed: list[list[int]],
    rebuilt: bool | None = None,
    *,
    bullets: frozenset[str],
    marked: bool = False,
) -> set[int]:
    """Pieces after which a paragraph ends because their printed line stops short.

    Two tests, either of which ends a paragraph:

    * slack: the line is at least :data:`SHORT_LINE_SLACK` cells below the
      column, where the column is the widest of the line and its two
      neighbours, capped at the section's usual width (so a title set narrower
      than the body is measured against itself, and two lines merged across an
      unseen wrap do not make their neighbours look short);
    * fit: in the body of a copy whose column is known exactly (see
      :func:`_column_cells`), the next line's first unbreakable piece would
      have fitted in the room left.  Typesetters fill lines greedily, so a
      wrap always leaves less room than that piece needs; a line that left
      enough stopped because its paragraph did.  This sees the paragraph ends
      one or two characters short that the slack test must let pass.

    A line is not short when the next line starts with a Latin word or number
    too long to have fitted in the space left.

    ``rebuilt`` says whether the printed lines are a guess rebuilt from runs,
    which the fit tests do not trust (by default: whether any group holds more
    than one piece).  A blank-separated copy's lines put back together at a
    cut figure are printed lines, and its caller says so.  ``bullets`` are
    the list bullets that open items in this copy (:func:`_item_bullets`):
    a line one opens is a paragraph's first line.  ``marked``: the copy
    marks its paragraphs (a marker line or an indent), so a short line ends
    one only where its marker was lost; a line the next one's first piece
    could not have been set on, short of the column by less than that
    piece, shows no such loss.

    Lines enough to show a column that show none are no copy's wraps: each
    ends a paragraph (:func:`_no_column`).

    Where the copy was set with a paragraph indent that the extraction
    dropped (:func:`_lost_indent_lines`), a paragraph's first line is measured with
    its indent, and a full line that closes a sentence ends its paragraph
    where the next line is such a first line (:func:`_opens_after_full_line`).
    """
    # Printed lines rebuilt from runs are a guess, not a typesetter's lines.
    if rebuilt is None:
        rebuilt = any(len(group) > 1 for group in printed)
    texts = ["".join(pieces[k][1].strip() for k in group) for group in printed]
    widths = _printed_widths(pieces, printed)
    if len(widths) < 2:
        return set()
    indents = [is_indented(pieces[group[0]][1]) for group in printed]
    column = _column_cells(texts, widths, indents, [not rebuilt or len(group) == 1 for group in printed])
    # Where the copy spaces its figures from Han, the next line's first piece
    # needed that space too to go up beside this line's last character
    # ("…阔步向前，1 小时" / "59 分 40 秒！…" filled its line).
    spaced = spaces_figures(texts)
    # A paragraph indent the extraction dropped: its first line stops short by
    # the indent, which is no paragraph end (see :func:`_lost_indent_lines`).
    middle = _middle_width(texts, widths, indents)
    if middle is None and column is not None and not rebuilt:
        wider = _wider_by_the_indent(texts, widths, indents, column)
        if wider is not None and _lost_indent_lines(texts, widths, indents, wider) >= MIN_SURE_INDENT_LINES:
            middle = wider
    shown = _lost_indent_lines(texts, widths, indents, middle)
    lost = LOST_INDENT if shown >= (MIN_REBUILT_INDENT_LINES if rebuilt else MIN_INDENT_LINES) else 0
    # (Shown by two first lines or more, the dropped indent is beyond doubt.)
    sure = bool(lost) and shown >= MIN_SURE_INDENT_LINES
    if lost:
        column = middle
    if not rebuilt and column is None and _no_column(texts):
        # Lines enough to show a column, and none shows: nothing here is a
        # wrap, so every line is a paragraph (an infographic's items, none
        # closed with a mark, of lengths all their own; a copy's wraps
        # would all fill one width).  Measuring each line against its
        # neighbours would run an item into the next shorter one.
        return {group[-1] for group in printed[:-1]}
    if any(len(group) > 1 for group in printed) and (column is not None or rebuilt):
        measure = column if column is not None else _widest_whole_line(texts, widths, printed)
        if measure is None and rebuilt:
            # A short copy with a figure on nearly every line shows no whole
            # line of its own to measure; the lines that carry a sentence on
            # from one that did still share the column's width (two lines
            # rebuilt across an unseen wrap, 143 and 124 cells in a copy of
            # 74, made every line beside them look short).  A cell of figures
            # either side makes that width a guess to a character, so the
            # cut allows one: it must not cut a line of the real column.
            measure = middle + 2 if middle is not None else None
        if measure is not None:
            cut = _split_unseen_wraps(pieces, printed, measure, lost)
            if cut != printed and not lost and middle is not None:
                # Lines cut out of one rebuilt across an unseen wrap are
                # lines of their own, which may show a dropped indent the
                # rebuilt line hid (a paragraph's first line after one
                # that closed at a font change): cut as a copy set with
                # one, are there first lines enough short by it?
                indented = _split_unseen_wraps(pieces, printed, measure, LOST_INDENT)
                cut_texts = ["".join(pieces[k][1].strip() for k in group) for group in indented]
                cut_indents = [is_indented(pieces[group[0]][1]) for group in indented]
                shown = _lost_indent_lines(cut_texts, _printed_widths(pieces, indented), cut_indents, middle)
                if shown >= MIN_REBUILT_INDENT_LINES:
                    lost, column, cut = LOST_INDENT, middle, indented
                    sure = shown >= MIN_SURE_INDENT_LINES
            printed = cut
            texts = ["".join(pieces[k][1].strip() for k in group) for group in printed]
            widths = _printed_widths(pieces, printed)
    # (Of two lines, the wider: a percentile of two is no measure.)
    usual = max(widths) if len(widths) == 2 else sorted(widths)[int(0.9 * (len(widths) - 1))]
    # A typesetter that never hangs a closing mark past the column, nor
    # starts a line with one, pushes the character before the mark down with
    # it ("…第三枚金" / "牌。"): there, the next line's first piece takes its
    # closing marks along.  Only lines as printed tell (lines rebuilt from
    # runs are a guess).  A line wider than the column by more than the
    # closing marks at its end was set to another measure (a headline on one
    # line) and tells nothing about hanging, unless a flag may stand for the
    # marks (a lost byte where a hung "，" was).
    as_printed = [v for v, group in enumerate(printed) if len(group) == 1]
    # (A closing mark may still open a line where it went down with the
    # mark after it, itself one that may not open a line: "…深夜剧场" /
    # "”……近年来".  The line before stops short of the column though the
    # first mark would have fitted; a line that starts with a mark because
    # the typesetter lets it follows one too full for it.)
    def carried_down(v: int) -> bool:
        return (
            v > 0
            and len(printed[v - 1]) == 1
            and widths[v - 1] + display_width(texts[v][:1]) <= column < widths[v - 1] + head_width(texts[v], True)
        )

    pushes = (
        column is not None
        and len(as_printed) >= MIN_COLUMN_LINES
        and not any(
            (texts[v][:1] in _HANGING and not carried_down(v))
            or column < widths[v] <= column + _hung(texts[v])
            or (widths[v] > column and _DAMAGE.search(texts[v]))
            for v in as_printed
        )
    )
    # A copy sets its title narrower than its body, in short lines that wrap
    # one another; past the first line that fills the column, a line short
    # of the usual width by more than a dropped indent and the slack is a
    # heading, a paragraph of its own however alike its neighbours' widths.
    # (Only lines whose widths are known: no flag in them, and lines as
    # printed, or rebuilt from runs each a run alone, a note "（作者为…）"
    # between runs of its own font; not one beside a dash's run, which a
    # PDF may cut from the same line, "华盖”" / "――" / "极度濒危…".)
    body_from = next((v for v, w in enumerate(widths) if column is not None and w >= column - 2), len(widths))
    # The page's source line ("《人民日报》（…第08版）") is a paragraph of its
    # own (see below), so the line after it opens one.  It closes the
    # headline block too: the lines under it are the body's, where a short
    # line is a heading of its own, not a headline's wrapped line.
    sources = {v for v, text in enumerate(texts) if _SOURCE_LINE.match(text)}
    if column is not None and sources:
        body_from = min(body_from, min(sources))
    ends: set[int] = set()
    # Each line's width as the tests below took it: with the indent a first
    # line lost, where they restored it.
    measured = list(widths)
    for v, width in enumerate(widths):
        if v + 1 == len(widths):
            break
        # The cells the next line's first piece needed to go up onto this one.
        need = head_width(texts[v + 1], pushes) + (1 if spaced and _figure_gap(texts[v], texts[v + 1]) else 0)
        if lost and _opens_after_full_line(texts, widths, v, column, lost, pushes, sure):
            # A paragraph that ended on a full line: only the next one's first
            # line, short by the indent and filled to it, shows the break.
            ends.add(printed[v][-1])
            continue
        # (A list's item opens a paragraph whatever the line before: see
        # _item_bullets.)
        bullet = _opens_item(texts[v], bullets)
        opener = v == 0 or printed[v - 1][-1] in ends or v - 1 in sources or bullet
        # In a copy whose indent the lines did not show, a first line may
        # still look like one set with a dropped indent (see _maybe_first_line).
        maybe_first = not lost and opener and _maybe_first_line(texts, widths, v)
        if opener:
            # A paragraph's first line is measured with the room its dropped
            # indent took; not a line short even with it (a heading, a source
            # line set short or centred took no indent to be short).  Where
            # the copy is too short to show its column, only a line that looks
            # like such a first line.  (Nor one whose next line's first
            # piece, a number carried down, would have fitted even with it:
            # "…同比分别增长" / "41.6%、11.1%。" stops short by more than the
            # slack.)
            if lost and (
                width + lost > column - SHORT_LINE_SLACK or width + lost + need > column
            ):
                width += lost
            elif (maybe_first and column is None and not rebuilt) or (
                not lost
                and bullet
                and width + LOST_INDENT <= widths[v + 1]
                and (column is None or widths[v + 1] > column)
            ):
                # (A list's item is a first line for sure: where a line
                # wider than it by the indent follows, wider than a column
                # measured on lines that lost it (a copy too short to show
                # its dropped indents), it may have lost that indent too.)
                width += LOST_INDENT
        # (Its neighbour below is measured against it so: a first line that
        # lost its indent filled the column.)
        measured[v] = width
        # The widest this line may have been printed: the fit tests below may
        # end a paragraph only where even that left room.
        widest = width + _unsure_cells(texts[v])
        # What the next line holds, as counted; never more than the column.
        # A body line counted up to a character wider than that overran it
        # by what it could not divide: an odd count of half-width figures
        # leaves half a character over ("…300元…", a real page's line
        # half a character past its margin), a number's last figures hang
        # past it as marks do ("…发电6.").  It held no more than any other
        # line.  (One wider still was set to another measure: a list's long
        # item under its short ones.)
        held = widths[v + 1] - _hung(texts[v + 1])
        if column is not None and column < held <= column + 2:
            held = column
        if (
            (not rebuilt or (len(printed[v]) == len(printed[v + 1]) == 1 and (column is None or held <= column)))
            and not _DAMAGE.search(texts[v] + texts[v + 1])
            and widest + need <= held
            and not maybe_first
        ):
            # The next line holds more than this one and the piece it would
            # have had to give up: a greedy typesetter would have moved that
            # piece up, so this line ended its paragraph (a title over a
            # longer subtitle, both short of the body's column).  Only where
            # both widths are known: no flag, and lines as printed, or
            # rebuilt from runs each a run alone (a run between two of its
            # own font is a whole printed line), the next no wider than the
            # column (one past it overran it with a piece it could not
            # break, "…实现良好开局——", and holds no more than the column).
            ends.add(printed[v][-1])
            continue
        if (
            v > 0
            and column is not None
            and printed[v - 1][-1] not in ends
            and (not rebuilt or len(printed[v - 1]) == len(printed[v]) == 1)
            and not is_indented(pieces[printed[v - 1][0]][1])
            and not _DAMAGE.search(texts[v - 1] + texts[v] + texts[v + 1])
            and widest + need <= _measure_at_least(texts[v - 1], widths[v - 1]) <= column
        ):
            # The same test against the line above, where this one carries on
            # its paragraph: that line was set to the same measure, so the
            # measure is at least its width.  A headline's measure is its
            # own, not the body's, and only its lines show it: a headline's
            # second line that left room for the next line's first piece
            # ended the headline ("第六届丝绸之路国际电影" / "节10月15日在福州
            # 开幕" / "光影盛宴丝路共享", a subtitle no wider than either).
            # (Not below an indented line, whose width is uncertain: four
            # ASCII spaces may stand for two ideographic ones.  Nor below a
            # line wider than the column, set to another measure: a
            # headline on one line, whose end the tests after this loop may
            # yet find.  Nor where no column is known: there, such a line
            # cannot be told.)
            ends.add(printed[v][-1])
            continue
        neighbours = [*measured[max(0, v - 1) : v], width, widths[v + 1]]
        local = min(max(neighbours), usual)
        # (A number in quotes is carried down with its opening quote, "…大力
        # 实施" / "“13715”专项行动".  Not one in brackets: a line that opens
        # with one may be a note of its own, a dateline under a headline
        # "（2019年10月10日）", which a short line before it ends.)
        quoted = texts[v + 1][: len(texts[v + 1]) - len(texts[v + 1].lstrip("“‘"))]
        head = _LATIN_HEAD.match(texts[v + 1][len(quoted) :])
        # An indented line's width is uncertain (two ASCII spaces may stand for
        # two ideographic ones), so it gets only the slack test.
        indented = is_indented(pieces[printed[v][0]][1])
        if column is not None and max(neighbours) >= column - 2 and not indented:
            if widest + need <= column:
                ends.add(printed[v][-1])
            continue
        # A line that ends a sentence is measured against the usual column, so
        # a run of one-line paragraphs is not mistaken for a narrow title block.
        # So is a body line whose last character a lossy decode lost: it may
        # have been the full stop ("…希望之火。" / "与梦同行，共创未来。", two
        # one-line paragraphs, the first read as running on into the second).
        # Not where the next line opens with a lost character too: that is
        # one character whose bytes the line end cut (a name set across two
        # lines: a flag closes the one, another opens the next).  Only a line
        # as printed: one rebuilt from runs may be short by a break it hides,
        # and a lost comma ends a line as a lost full stop does.
        closes = texts[v][-1] in SENTENCE_END or (
            v > body_from
            and texts[v][-1] == LOST
            and not texts[v + 1].startswith(LOST)
            and (not rebuilt or len(printed[v]) == 1)
        )
        heading = (
            v > body_from
            and (not rebuilt or (len(printed[v]) == 1 and not _dash_run(texts[v - 1]) and not _dash_run(texts[v + 1])))
            and width <= usual - SHORT_LINE_SLACK - LOST_INDENT
            and not _DAMAGE.search(texts[v] + texts[v + 1])
        )
        if width > (usual if closes else local) - SHORT_LINE_SLACK and not heading:
            continue
        if marked and column is not None and widest + need > column:
            # The next line's first piece, with the opening marks carried
            # with it, did not fit: the typesetter wrapped there, however
            # short the line ("…不足半年。" two characters short, then
            # "“‘一地两检’…"), and the copy's own marks show its paragraphs.
            continue
        if head and width + display_width(quoted + head.group()) > local - SHORT_LINE_SLACK:
            continue
        ends.add(printed[v][-1])
    # A heading set on its own line closes with no mark, or with the dash
    # that leads into the text under it ("教育与创新——", "黄大发——" over a
    # portrait; words alone before it: a sentence's tail may end with a dash
    # too, "…一张张老照片是最好的印证——"); when the line before it closes a
    # sentence, the heading is a paragraph of its own even though that line
    # filled the column.
    for v in range(1, len(widths)):
        last = v + 1 == len(widths) or printed[v][-1] in ends
        if (
            last
            and printed[v - 1][-1] not in ends
            and len(texts[v]) >= 2
            and (is_letter_or_digit(texts[v][-1]) or _LEAD_IN.match(texts[v]) is not None)
            and closes_sentence(texts[v - 1])
            and widths[v] <= usual - SHORT_LINE_SLACK
        ):
            ends.add(printed[v - 1][-1])
    # Above the body, a headline's lines end where its typography says so,
    # whatever their widths: a column tag in brackets closes a headline
    # ("…（人民时评）"), a kicker ends with a dash ("…王辅成——"), and a
    # subtitle opens with one ("——访…").
    # The body starts at the first indented line, or at the first two lines
    # in a row as wide as body lines may be (a paragraph's first line short by
    # a dropped indent is one; a headline on one line may be as wide as the
    # column, but the line after it is a subtitle or a byline).
    # (Lines split at unseen wraps above: indents by the final lines.)
    indents = [is_indented(pieces[group[0]][1]) for group in printed]
    if column is not None:

        def body_like(v: int) -> bool:
            return indents[v] or column - LOST_INDENT - 2 <= widths[v] <= column + 2

        head = next(
            (v for v in range(len(widths)) if indents[v] or (body_like(v) and v + 1 < len(widths) and body_like(v + 1))),
            len(widths),
        )
    else:
        # A copy too short to show its column (a wide one, a title block
        # and a paragraph or two): the body starts at the first indented
        # line or the first as wide as the widest, which a headline set to
        # a narrower measure over a body line is not.  (Title and subtitle
        # of one size each pass the slack test, and a flag in either hides
        # the fit.)  Or at the first line put together from runs, whose
        # width is a guess: a dateline's "（记者…）" closing one is no tag.
        widest_line = max(widths)
        head = next(
            (
                v
                for v in range(len(widths))
                if indents[v] or len(printed[v]) > 1 or widths[v] > widest_line - SHORT_LINE_SLACK
            ),
            len(widths),
        )
    opened = 0
    for v in range(min(head, len(widths) - 1)):
        # (The headline's lines so far: a column tag may open on the line
        # before the one it closes, "…保障（深入学习贯彻习近平新" / "时代
        # 中国特色社会主义思想）".)
        if v and printed[v - 1][-1] in ends:
            opened = v
        if _ends_headline("".join(texts[opened : v + 1]), texts[v + 1]):
            ends.add(printed[v][-1])
        elif (
            column is not None
            and len(printed[v]) == 1
            and widths[v] <= column - SHORT_LINE_SLACK - LOST_INDENT
            and texts[v + 1].endswith("。")
        ):
            # A line well short of the column over one that closes a
            # sentence: a headline set to a narrower measure wraps into a
            # line that closes nothing (no headline ends with "。"), so
            # the line under it opens a paragraph of its own, a standfirst
            # or a lead ("…量质齐升" / "7月，规上工业增长22.4%；…。").
            ends.add(printed[v][-1])
    # The page's source line ("《人民日报》（…第08版）") is a paragraph of its
    # own wherever it stands, however wide the headline over it.
    for v in range(len(widths) - 1):
        if v in sources or v + 1 in sources:
            ends.add(printed[v][-1])
    # So is the byline over it, a person's name ("王忠云" under "好政策让人心
    # 里温暖"), however its width compares with the headline's.  (A
    # headline's wrapped end may stand there too, "路径", but opens with no
    # family name.)
    for v in range(len(widths) - 2):
        if v + 2 in sources and _byline(texts[v + 1]):
            ends.add(printed[v][-1])
    # A line as printed within the slack of the column that closes a
    # sentence and opens another it leaves without a mark wrapped, however
    # much room it left: a real page justifies some lines short ("…还能当钱
    # 花。在安吉县城的超" / "市里，…", two characters short).  Body text ends
    # no paragraph so (18 of the corpus's 8,347 paragraphs, web text missing
    # its "。"), and a heading holds no "。".  (Not a line rebuilt from runs,
    # which may have run a heading into the sentence before it.)
    if column is not None:
        for v in range(len(widths) - 1):
            if (
                printed[v][-1] in ends
                and len(printed[v]) == 1
                and not indents[v]
                and widths[v] >= column - SHORT_LINE_SLACK
                and _OPEN_SENTENCE.search(texts[v]) is not None
            ):
                ends.discard(printed[v][-1])
    return ends


# A heading's words and the dash that leads into the text under it.
_LEAD_IN = re.compile(r"^[\w\s\u3000\xa0·]+(——|――)$")


# A sentence closed, then one opened and left without a mark at the line's end.
_OPEN_SENTENCE = re.compile(r"[。！？][^。！？]*[\u4e00-\u9fff]$")


# Characters of a Chinese name on a byline (a transliterated one has middle
# dots: "胡里奥·塞瓦略斯").
BYLINE_NAME = (2, 4)
MAX_TRANSLITERATED = 12


def _byline(text: str) -> bool:
    """Whether a line is a person's name alone, as a byline prints it ("谷业凯", "朱  柚").

    Two to four Han characters (or a transliterated name's parts between
    middle dots) opening with a family name (:func:`pipeline.lexicon.surnames`,
    read from jieba's dictionary on the first line asked about).
    """
    name = "".join(text.split())
    parts = name.split("·")
    if not all(part and all(is_han(ch) for ch in part) for part in parts):
        return False
    lo, hi = BYLINE_NAME
    if not (lo <= len(name) <= hi if len(parts) == 1 else len(name) <= MAX_TRANSLITERATED):
        return False
    return name[0] in lexicon.surnames()


def _ends_headline(text: str, following: str) -> bool:
    """Whether a line above a copy's body ends a headline, a kicker or a subtitle by its marks alone."""
    # (What follows must hold text: a line of flags alone is the tail of a
    # damaged line, a dash printed as a run of its own ends the line before
    # it; neither is a subtitle.)
    if not any(is_letter_or_digit(ch) for ch in following):
        return False
    if text.endswith(("）", ")")) and text.rfind("（" if text.endswith("）") else "(") >= 0:
        return True
    return text.endswith("——") or following.startswith("——")


# The source line a page prints under a headline: the paper's name and the
# date and page in brackets ("《人民日报》（2025年10月20日第08版）").
_SOURCE_LINE = re.compile(r"^《[^《》]{2,12}》\s*（[^（）]*\d[^（）]*）$")


# Flags and lost-byte marks stand for an unknown number of cells.
_DAMAGE = re.compile(f"[{FFFD}{LOST}]")


def _printed_widths(pieces: list[tuple[int, str, bool]], printed: list[list[int]]) -> list[int]:
    """Each printed line's width in cells; indentation takes room on the line, so the first run is measured with it."""
    return [sum(_run_cells(pieces, group)) for group in printed]


def _run_cells(pieces: list[tuple[int, str, bool]], group: list[int]) -> list[int]:
    """The cells each run of a printed line takes on it.

    The first run is measured with its indentation, and every run but the
    last with the spaces it ends with: they stand on the line between it and
    the next run (the gap after a dateline, "日电\u00a0\u00a0" / "10" / "月",
    sets the next words two cells on).  Taken without them, a full line
    looks a character short, and a short line ends its paragraph.
    """
    cells = []
    for n, k in enumerate(group):
        text = pieces[k][1].rstrip() if n == len(group) - 1 else pieces[k][1].rstrip("\r\n")
        cells.append(indented_width(text) if n == 0 else display_width(text.lstrip()))
    return cells


def indented_width(line: str) -> int:
    """A line's width, its indentation of ASCII spaces counted as the ideographic spaces they stand for.

    Extraction writes the two U+3000 that indent a Chinese paragraph (four
    cells) as two spaces just as often; taken at two cells, a full first line
    would look two cells short, and short lines end paragraphs.
    """
    body = line.lstrip(" ")
    spaces = len(line) - len(body)
    return display_width(body) + (2 * spaces if spaces >= 2 else spaces)


def _widest_whole_line(texts: list[str], widths: list[int], printed: list[list[int]]) -> int | None:
    """The width two lines or more of a copy cut into runs share at its widest, each a run alone, or None.

    A run with runs of its own font on both sides is a whole printed line,
    whose width is known.  In a copy too short to show its column, the
    widest such lines, two or more of a width, are as wide as the column
    may be taken to be: a line rebuilt from runs wider than they are hides
    a break at a change of font (a title's last line run into the body's
    first, "齐升" / "7" / "、" / "8" / "月，…").
    """
    whole = [widths[v] - _hung(texts[v]) for v, group in enumerate(printed) if len(group) == 1]
    if not whole:
        return None
    widest = max(whole)
    return widest if sum(w >= widest - 2 for w in whole) >= MIN_WHOLE_LINES else None


# Whole printed lines that must share the widest width before a copy too
# short to show its column is measured on them.
MIN_WHOLE_LINES = 2


def _split_unseen_wraps(
    pieces: list[tuple[int, str, bool]], printed: list[list[int]], column: int, lost: int = 0
) -> list[list[int]]:
    """Cut printed lines rebuilt from runs where a break fell on a font change.

    :func:`_printed_lines` cannot see a wrap or a paragraph end that falls
    between a CJK run and a Latin one, so two printed lines can come back as
    one, too wide for the column.  Such a line is cut again at run boundaries
    so that every piece fits the column, choosing the cut that explains the
    most line ends as greedy wraps (the next run's head did not fit) and so
    the fewest as paragraph ends; a paragraph end after closing punctuation is
    preferred to one mid-sentence.
    """
    out: list[list[int]] = []
    for g, group in enumerate(printed):
        texts = [pieces[k][1].strip() for k in group]
        cells = _run_cells(pieces, group)
        if sum(cells) <= column + _hung(texts[-1]):
            out.append(group)
            continue
        follower = None
        if g + 1 < len(printed) and not pieces[printed[g + 1][0]][2]:
            follower = pieces[printed[g + 1][0]][1].strip()
        # The line opens a paragraph where the line before stopped short of
        # the room its first piece needed, even had that line lost an indent
        # too (or there is none); so does each line cut from it after a cut
        # that is no wrap.  A paragraph's first printed line may be one whose
        # indent the extraction dropped (``lost`` cells): it wraps where the
        # next piece would not have fitted beside that indent.
        opens = not out or pieces[group[0]][2] or sum(_run_cells(pieces, out[-1])) + lost + head_width(texts[0]) <= column
        n = len(group)
        # best[j][o]: (cost, start of the last line, cuts) of the runs before
        # j, cut into printed lines, the line from j opening a paragraph (o)
        # or not.  Of equal costs, the earlier last cut is kept.
        best: list[dict[bool, tuple[float, int, list[int]]]] = [{} for _ in range(n + 1)]
        best[0][opens] = (0.0, 0, [])
        for j in range(1, n + 1):
            for i in range(j):
                if j < n and texts[j - 1][-1] in _NO_LINE_END:
                    # No line ends with an opening mark: it goes with what it opens.
                    continue
                used = sum(cells[i:j])
                # Only closing punctuation may hang past the column.
                room = column + _hung(texts[j - 1])
                if used > room and j - i > 1:
                    continue
                head = texts[j] if j < n else follower
                for first, (before, _, cuts) in best[i].items():
                    # (Not where the line would not have fitted beside that
                    # indent, a closing mark hung past the column aside.)
                    indent = lost if first and used + lost <= room else 0
                    fill = column - indent
                    # A closing mark would have hung on the line, never wrapped.
                    wrap = head is not None and head[0] not in _HANGING and used + head_width(head) > fill
                    cost = before + (0 if wrap else 1 if texts[j - 1][-1] in PARAGRAPH_FINAL else 2)
                    kept = best[j].get(not wrap)
                    if kept is None or cost < kept[0]:
                        best[j][not wrap] = (cost, i, cuts + [j])
        if not best[n]:
            # No cut fits (a run ends with an opening mark, which must stay
            # with what it opens, and the column measured is a cell narrower
            # than the two together): the line stays as it came.
            out.append(group)
            continue
        cuts = [0] + min(best[n].values(), key=lambda found: found[:2])[2]
        out.extend(group[a:b] for a, b in zip(cuts, cuts[1:]))
    return out


# Opening marks a typesetter never leaves at a line end: it carries them to the
# next line with the piece they open.
_NO_LINE_END = "（《「『“‘【〔"

# Closing marks a typesetter hangs past the column rather than start a line with.
_HANGING_MARKS = "，。、；：？！）》」』”’…%"
_NO_PARAGRAPH_START = frozenset(_HANGING_MARKS) - {"…"}
_HANGING = frozenset(_HANGING_MARKS)


def _hung(text: str) -> int:
    """Cells of closing marks hung past the column at the end of ``text`` (”， hang together)."""
    return 2 * min(2, len(text) - len(text.rstrip(_HANGING_MARKS)))


def _measure_at_least(text: str, width: int) -> int:
    """The least measure a line of ``width`` cells that wrapped was set to: its width but for the marks it may have hung past the measure.

    Those are the closing marks, and a dash or a middle dot, which a
    typesetter that keeps them off a line's start hangs too ("谋规划
    强创新 促发展—" over "看长春工业经济如何提", a measure of ten characters,
    not eleven).  An odd width is a line of half-width figures that left
    half a cell, or overran the measure by half a cell (a real page's
    "…300元…"): taken down to an even width, it claims no room that it did
    not have.
    """
    least = width - display_width(text[len(text.rstrip(_MAY_HANG)) :])
    return least - least % 2


# What may hang past the measure at a line's end: the closing marks, and the
# marks some typesetters keep off a line's start with them.
_MAY_HANG = _HANGING_MARKS + "—―·・"


# Marks that may end a line without being a wrap's casualty; a line ending in
# anything else that fills the column was cut mid-sentence by a wrap.
_PUNCTUATION_END = PARAGRAPH_FINAL | frozenset("，、")

# Printed lines that must share the column before it is trusted exactly.
MIN_COLUMN_LINES = 3


def _column_cells(
    texts: list[str], widths: list[int], indents: list[bool], whole: list[bool] | None = None
) -> int | None:
    """The exact column of a copy in cells, when the copy shows it, else None.

    Lines that end inside the text (no punctuation at the end) are wraps or
    title lines; the body's wraps fill the column to the cell when the line is
    all CJK, so the commonest such width is the column.  A line holding Latin
    may fill it one cell short, never more than full, which the "fit" test of
    :func:`_short_line_ends` allows for.  Indented lines do not count: their
    indent's width is a guess (four spaces may stand for two ideographic
    ones, or four), and as many paragraphs as wraps would make it the column.
    ``whole`` says which lines are known to be whole printed lines (None:
    all), the only ones whose widths may show that a width is no column.
    """
    opens = [
        (w, whole is None or whole[v])
        for v, (t, w, indented) in enumerate(zip(texts, widths, indents))
        if t and t[-1] not in _PUNCTUATION_END and not indented
    ]
    counts = Counter(w for w, _ in opens)
    # No printed line runs past its column but by hung marks: a width that
    # lines enough to show a column run past is none, however many lines
    # close nothing at it (a table's rows, "副主任　1", under running text).
    # (Only lines known whole: two rebuilt from runs across an unseen wrap
    # are as wide as two.)
    printed = Counter(w for w, known in opens if known)
    candidates = {
        w: n for w, n in counts.items() if sum(m for v, m in printed.items() if v > w + 2) < MIN_COLUMN_LINES
    }
    if not candidates:
        return None
    column, support = max(candidates.items(), key=lambda item: (item[1], item[0]))
    # Of the lines that may be its wraps (as wide as it but for the slack),
    # the column must hold a fair share; lines well short of it that close
    # nothing (a heading, a table's row) are no wraps of any column.
    near = sum(n for w, n in counts.items() if w >= column - SHORT_LINE_SLACK)
    if support < MIN_COLUMN_LINES or support < 0.3 * near:
        return None
    return column


# The indent of a Chinese paragraph: two ideographic spaces, four cells.
LOST_INDENT = 4

# Lines going on mid-sentence that must show a column, for a copy that shows
# none to be read as one that wraps nothing.
MIN_NO_COLUMN_LINES = 8


def _no_column(texts: list[str]) -> bool:
    """Whether printed lines enough to show a column show none, even allowing two cells either way (:func:`column_fit`).

    A copy's wraps fill its column, so among :data:`MIN_NO_COLUMN_LINES`
    lines or more that stop mid-sentence, each as wide as a column of text
    may be, some width must recur; where none does, the lines are not a
    copy's wraps but whole items of lengths of their own.  (Only such
    lines: a short copy's headline and headings, set short, would outnumber
    its few wraps.)
    """
    long_open = [t for t in texts if t and display_width(t) >= MIN_TEXT_COLUMN and t[-1] not in PARAGRAPH_FINAL]
    return len(long_open) >= MIN_NO_COLUMN_LINES and column_fit(long_open)[0] is None


def _middle_width(texts: list[str], widths: list[int], indents: list[bool]) -> int | None:
    """The commonest width of lines that carry a sentence on from a line that did the same.

    Such a line can open no paragraph (the line before it stopped mid-
    sentence), so it is set at the full column whatever the copy does with
    indents.  A line ending with closing marks (，、”) may have hung them
    past the column or ended it with them exactly, so it supports both
    widths; a width that lines without such marks support wins a tie, and
    where none do, the hung reading does (the typesetters measured hang).
    A line of an odd count of cells (half-width figures) supports the even
    widths on either side of it as well as its own, hung marks or not
    (counted only as it stands, such lines in a short copy were outnumbered
    by paragraphs' first lines, short by a dropped indent, which passed for
    the column).
    """
    plain: Counter[int] = Counter()
    either: Counter[int] = Counter()
    for v in range(1, len(texts)):
        if texts[v] and texts[v - 1] and texts[v - 1][-1] not in PARAGRAPH_FINAL and not indents[v] and not indents[v - 1]:
            hung = _hung(texts[v])
            if hung:
                either[widths[v]] += 1
                either[widths[v] - hung] += 1
                if widths[v] % 2:
                    # (Counted with its figures, it may have stopped a
                    # cell either side of either width: see below.)
                    either[widths[v] - 1] += 1
                    either[widths[v] + 1] += 1
            else:
                plain[widths[v]] += 1
                if widths[v] % 2:
                    # An odd count of cells cannot end flush with a column of
                    # whole characters: the line stopped a cell short of it
                    # (a typesetter that never overruns) or ran a cell past
                    # it (a real page's half-width figures), so it supports
                    # both neighbours.  (Its own width wins where no line
                    # of an even width says which: a copy whose every wrap
                    # holds a figure is measured as before.)
                    either[widths[v] - 1] += 1
                    either[widths[v] + 1] += 1
    if not plain and not either:
        return None

    def key(width: int) -> tuple[int, int, int]:
        return plain[width] + either[width], plain[width], width if plain[width] else -width

    column = max(set(plain) | set(either), key=key)
    return column if key(column)[0] >= MIN_COLUMN_LINES else None


def _wider_by_the_indent(texts: list[str], widths: list[int], indents: list[bool], column: int) -> int | None:
    """The column that a short copy's one overrunning body line shows, where its first lines passed for it, or None.

    In a short copy of one- and two-line paragraphs whose indents the
    extraction dropped, the lines that stop mid-sentence are mostly first
    lines, all short of the column by the indent, and pass for the column;
    too few lines go on from a wrap to show the true one
    (:func:`_middle_width`).  A line of CJK alone that goes on mid-sentence
    to a next line, wider than that column by the indent (its hung marks
    aside), lies inside a paragraph, and no printed line overruns its
    column: the column is its width.  (The caller still asks two first
    lines to show the indent.)
    """
    for v in range(1, len(texts) - 1):
        text = texts[v]
        if (
            text
            and texts[v + 1]
            and not indents[v]
            and text[-1] not in PARAGRAPH_FINAL
            and not any(ch.isascii() or ch == "\xa0" for ch in text)
            and not _DAMAGE.search(text)
            and widths[v] - _hung(text) == column + LOST_INDENT
        ):
            return column + LOST_INDENT
    return None


def _lost_indent_lines(texts: list[str], widths: list[int], indents: list[bool], column: int | None) -> int:
    """How many first lines show a paragraph indent the extraction dropped (0: the copy shows none).

    A PDF text layer holds no characters for the room a paragraph's first line
    is indented by (pdfminer writes the line from its first glyph), so each
    paragraph's first line comes out short of the column by the indent, just
    as a paragraph's last line does.  Two kinds of line show it, both going
    on to a next line (they close no sentence):

    * a line after a plain paragraph end (a sentence closed well short of the
      column): a paragraph's first line;
    * a line that stopped although the next line's first piece would have
      fitted the column: no wrap does that, so its room was less.

    Where most such lines are the column less the indent (a line holding
    Latin may stop a cell shorter), the copy was set with an indent, shown
    by as many lines as that (the caller asks for one or two).  In a copy
    set without one they
    fill the column, or stop short at widths of their own (headings).  Lines
    far shorter than an indented first line are not counted either way.
    ``column`` is the width of lines inside paragraphs (:func:`_middle_width`).
    """
    if column is None:
        return 0
    candidates = [
        v
        for v in range(1, len(texts) - 1)
        if texts[v]
        and texts[v][-1] not in PARAGRAPH_FINAL
        and not indents[v]
        and (
            (texts[v - 1][-1:] in PARAGRAPH_FINAL and widths[v - 1] <= column - LOST_INDENT - SHORT_LINE_SLACK)
            or widths[v] + head_width(texts[v + 1]) <= column
        )
    ]
    short = sum(_indent_short(texts[v], widths[v], column, LOST_INDENT, texts[v + 1]) for v in candidates)
    # A line far shorter than even an indented first line (a heading, a
    # title's wrapped line, a one-line item) was set short for its own
    # reasons and says nothing either way about the indent.
    telling = [v for v in candidates if widths[v] >= column - LOST_INDENT - SHORT_LINE_SLACK]
    return short if short >= 0.5 * len(telling) else 0


# First lines a copy must show short by the indent before it is taken as set
# with one: one where the lines are as printed (a one-paragraph news item
# shows no more), two where they were rebuilt from runs (whose widths are a
# guess, so that one may be a coincidence).
MIN_INDENT_LINES = 1
MIN_REBUILT_INDENT_LINES = 2
# First lines that put a dropped indent beyond doubt, where a heading's end
# rests on it alone (see _opens_after_full_line).
MIN_SURE_INDENT_LINES = 2


# The narrowest column of running text, in cells (twelve CJK characters).
MIN_TEXT_COLUMN = 24


def _maybe_first_line(texts: list[str], widths: list[int], v: int) -> bool:
    """Whether line v may be a paragraph's first line set with an indent the extraction dropped.

    For a copy too short to show its column (a paragraph or two): line v goes
    on mid-sentence, and the next line, not the copy's last, is wider by just
    the indent.  A greedy typesetter would not have left that room, unless the
    room was the indent's.
    """
    if v + 2 >= len(texts) or closes_sentence(texts[v]):
        return False
    # (A closing quote may end a term mid-sentence, "…“六城联动”"; other
    # closing marks end a title or a clause.)
    if texts[v][-1] in PARAGRAPH_FINAL - frozenset("”’"):
        return False
    # The column is the next line's width, or the one after's where the next
    # stops short of it by a carried opening mark (the line after that is
    # no last line); closing marks at a line's end may hang past it, or not.
    # A list's or a caption's short lines are no column of text, nor is a
    # line that closes a sentence (it may be a paragraph's last).
    carried = v + 3 < len(texts) and texts[v + 2][:1] in _NO_LINE_END
    ref = [u for u in ([v + 1, v + 2] if carried else [v + 1]) if not closes_sentence(texts[u])]
    if not ref and v + 3 < len(texts) and not closes_sentence(texts[v + 2]):
        # The next line closed a sentence (it may have been a paragraph's
        # last): the one after, going on mid-sentence, shows the column.
        ref = [v + 2]
    columns = {widths[u] - hung for u in ref for hung in (0, _hung(texts[u]))}
    if carried and v + 1 in ref:
        # The next line with the opening marks it carried down to the one after.
        columns.add(widths[v + 1] + display_width(_opening_marks(texts[v + 2])))
    columns -= set(range(MIN_TEXT_COLUMN))
    return any(_indent_short(texts[v], widths[v], column, LOST_INDENT, texts[v + 1]) for column in columns)


def _opens_after_full_line(
    texts: list[str], widths: list[int], v: int, column: int, lost: int, pushes: bool, sure: bool = False
) -> bool:
    """Whether line v + 1 opens a paragraph although line v filled the column.

    Line v closes a sentence; line v + 1 is filled to the column less the
    dropped indent (its next piece would not have fitted) and goes on to a
    further line.  A wrap inside a paragraph fills the whole column, so such
    a line can only be the next paragraph's first.  A line v that ends with
    a closing mark but no sentence (a closing quote may end a term,
    "形成“15分钟”"; a bracket a title, "…（最美奋斗者）") needs more: line
    v + 1 stopped mid-sentence (a paragraph's last line may stop anywhere)
    where the next piece would have fitted the whole column, even had the
    line's Latin or digits run a cell past their count (an odd count of
    half-width glyphs cannot end flush, see :func:`_indent_short`).  So does a line v
    with no mark at all (a heading, a kicker "2023年4月 主持召开…会议"),
    and only where two first lines or more show the dropped indent
    (``sure``) and line v + 1 ends with no mark either: where one line alone
    showed the indent, or line v + 1 closes with a mark, line v + 1 may be a
    two-line heading's last line, as short as a first line by chance.
    """
    if v + 2 >= len(texts):
        return False
    closes = closes_sentence(texts[v])
    latin = 1 if any(ch.isascii() and not ch.isspace() for ch in texts[v + 1]) else 0
    stopped = not closes_sentence(texts[v + 1]) and widths[v + 1] + latin + head_width(texts[v + 2], pushes) <= column
    # Line v + 2 must be able to go on from such a first line: a line that
    # stops short by the indent mid-sentence is a first line itself, so line
    # v + 1, short by as much, is the last line of a paragraph that happened
    # to end there ("…优良制度。" / "大家…恢复。" / "她表示，…"), as a
    # list's item may on its semicolon ("…向市工信局学习；" / "8月10日，…").
    next_opens = (
        v + 3 < len(texts)
        and ends_with_mark(texts[v + 1], SENTENCE_FINAL)
        and not closes_sentence(texts[v + 2])
        and _indent_short(texts[v + 2], widths[v + 2], column, lost, texts[v + 3])
    )
    # (Line v + 1 must end with no mark either: one that closes with a mark
    # may be a two-line heading's last line, "…在这种风气" / "中长大…当然”".)
    unmarked = texts[v][-1:] not in PARAGRAPH_FINAL
    if not closes and unmarked and not (sure and stopped and texts[v + 1][-1] not in PARAGRAPH_FINAL):
        return False
    return (
        _indent_short(texts[v + 1], widths[v + 1], column, lost, texts[v + 2])
        and not _DAMAGE.search(texts[v + 1] + texts[v + 2])
        and widths[v + 1] + head_width(texts[v + 2], pushes) > column - lost
        and not next_opens
        and (closes or stopped)
    )


def _indent_short(text: str, width: int, column: int, lost: int, after: str = "") -> bool:
    """Whether a line fills the column less a dropped indent of ``lost`` cells.

    Closing marks at its end may have been hung past the column, all, one or none.
    Opening marks that ``after`` (the next line) starts with were carried
    down from this line's end, which they may not close; a number or Latin
    word it starts with did not fit, so the line may stop short of its room
    by anything less than that word.  Counted in cells, a
    line holding Latin or digits may stop a cell short of what it fills, or
    run a cell past it: an odd count of half-width glyphs cannot end flush.
    (No more than that: a real page sets its figures exactly half a
    character wide, so a full line with eight of them, which a wider
    allowance took for a first line, counts the column.)
    """
    latin = sum(ch.isascii() and not ch.isspace() for ch in text)
    carried = display_width(_opening_marks(after))
    low, high = column - lost - carried - (1 if latin else 0), column - lost + (1 if latin else 0)
    if _LATIN_HEAD.match(after[len(_opening_marks(after)) :]):
        # A number or Latin word the line could not take moves down whole
        # ("…同比分别增长" / "41.6%、11.1%。"): the line stopped short of
        # its room by less than that piece.
        low = min(low, column - lost - head_width(after) + 1)
    # No-break spaces beside Chinese characters may have been set up to
    # twice as wide as counted (see _unsure_cells).
    unsure = _unsure_cells(text)
    # (Of two closing marks at its end, one may have hung and one fitted:
    # "…说到做到。" filling the room, "”" past it.)
    return any(w <= high and low <= w + unsure for w in range(width - _hung(text), width + 1, 2))


# No-break spaces beside a Chinese character inside a line: a dateline's gap
# ("电\xa0\xa0全国…", "电\xa0（记者…").  They are the font's own glyphs,
# whose width the text keeps no trace of; a PDF may set each a whole
# character wide (the real People's Daily pages do) or half of one.  (An
# ASCII space is counted as one cell: it is mostly the extractor's mark for
# a gap, and copies set a headline's word gaps that wide.)
_INNER_SPACES = re.compile(r"(?<=[^\x00-\x7f\xa0\u3000])\xa0+|\xa0+(?=[^\x00-\x7f\xa0\u3000])")


def _unsure_cells(text: str) -> int:
    """Cells a line may have taken beyond its measured width: each no-break space beside a Chinese character, counted at one cell, may have been set at two.

    Measured at one cell a space, a full line with a dateline's gap looks a
    character short, and a line that stops short ends its paragraph.
    """
    return sum(len(m.group()) for m in _INNER_SPACES.finditer(text.strip()))


def _opening_marks(text: str) -> str:
    """The opening marks a line starts with: carried down from the line before, which may not end with them."""
    return text[: len(text) - len(text.lstrip(_NO_LINE_END))]


def head_width(text: str, marks: bool = False) -> int:
    """Cells the first unbreakable piece of a line needs: a Latin word or number, or one character, with any opening marks carried before it.

    With ``marks``, the closing marks after it too (a typesetter that pushes
    a character down with the mark that may not open a line).
    """
    carried = len(_opening_marks(text))
    rest = text[carried:]
    head = _LATIN_HEAD.match(rest)
    piece = head.group() if head else rest[:1]
    if marks:
        after = rest[len(piece):]
        piece += after[: len(after) - len(after.lstrip(_HANGING_MARKS))]
    return display_width(text[:carried] + piece)


_LATIN_HEAD = re.compile(r"[A-Za-z0-9.%+\-/:]+")

# A figure set apart from the Han beside it by a space, and one set close.
SPACED_FIGURE = re.compile(r"[\u3400-\u9fff] +[0-9]|[0-9] +[\u3400-\u9fff]")
CLOSE_FIGURE = re.compile(r"[\u3400-\u9fff][0-9]|[0-9][\u3400-\u9fff]")


def spaces_figures(texts: list[str]) -> bool:
    """Whether a copy's lines set figures apart from Han with a space ("1 小时 59 分"), more often than close.

    A text layer that spaces a run in another font prints that space as
    text: it takes room on the line, and a wrap may fall on it.
    """
    spaced = sum(len(SPACED_FIGURE.findall(text)) for text in texts)
    return spaced >= 2 and spaced > sum(len(CLOSE_FIGURE.findall(text)) for text in texts)


def _figure_gap(before: str, after: str) -> bool:
    """Whether a line ending ``before`` and the next starting ``after`` meet between Han and a figure or Latin."""
    if not before or not after:
        return False
    return (is_han(before[-1]) and _is_latin_alnum(after[0])) or (_is_latin_alnum(before[-1]) and is_han(after[0]))


# A date up to its day's figure: "2019年10月18".
_DATE_FIGURES = r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*"

# Page furniture printed on every e-paper page: a paper's running header with its
# date and weekday, "第N版" / "第N页", and the editors' credit line.
# (A lossy decode may have lost the date's 日 or the weekday: the rest
# still says what the line is.)
_DATED_WEEKDAY = rf"{_DATE_FIGURES}[日{LOST}{FFFD}]\s*(?:星期|周)[一二三四五六日天{LOST}{FFFD}]"
_PAGE_HEAD = re.compile(
    rf"{_DATED_WEEKDAY}"
    r"|^第\s*\d+\s*[版页]|第\s*\d+\s*[版页]$"
    # A page's number and its section's name, set apart: "9　国际", "要闻 3".
    r"|^\d{1,3}[ \u3000]+[\u4e00-\u9fff]{2,6}$|^[\u4e00-\u9fff]{2,6}[ \u3000]+\d{1,3}$"
)
_CREDIT = re.compile(r"^(本版)?(责任编辑|责编|编辑|版式设计|美术编辑|美编|校对)\s*[:：]")
# The credit a page prints for itself ("本版责编：…"): an article's own credit
# line names no page.
_PAGE_CREDIT = re.compile(r"^本版(责任编辑|责编|编辑|版式设计|美术编辑|美编|校对)\s*[:：]")
_PAGE_NUMBER = re.compile(r"^\d{1,4}$")
# A page number in a dress no sentence wears: "- 6 -", "— 6 —", "第6版", "第 6 页".
_PAGE_MARK = re.compile(r"^(?:[-—–―]\s*\d{1,4}\s*[-—–―]|第\s*\d{1,4}\s*[版页])$")
# Lines a page head may take (a section's name, the paper's name and date).
MAX_HEAD_LINES = 3


def _within(text: str, cells: int) -> bool:
    """Whether ``text`` takes at most ``cells`` half-width cells (counted only where its length leaves it open)."""
    return len(text) <= cells and (2 * len(text) <= cells or display_width(text) <= cells)


def _section_name(text: str) -> bool:
    """Whether ``text`` could be a page's section name: a few letters, no punctuation ("要闻", "国际")."""
    return sum(c.isalpha() for c in text) <= MAX_SECTION_NAME and all(c.isalnum() or c.isspace() for c in text)


def _page_mark(text: str) -> bool:
    """Whether ``text`` is a dressed page number, in either script ("第 20 頁")."""
    # Short and holding a figure, before the script is asked (every line is).
    if len(text) > 12 or not any(c.isdigit() for c in text):
        return False
    return bool(_PAGE_MARK.match(simplified(text)))


# A paper's name, as its running header prints it.
_PAPER = r"[\u4e00-\u9fff]{2,6}?(?:日报|晚报|早报|时报|周报|商报|青年报)"
_MASTHEAD = re.compile(f"^{_PAPER}$")
# A dated head with its weekday that prints what only a page's head prints
# beside the date: the page's number at one edge, set apart by white space,
# the paper's name before it, or the section's name after a bar
# ("11　要闻　2019年10月11日　星期五", "人民日报  2019年10月22日  星期二",
# "2019年10月11日 星期五 | 要闻").  An article's own date line prints none.
_DRESSED_DATED_HEAD = re.compile(
    rf"^\d{{1,3}}\s.*{_DATED_WEEKDAY}|{_DATED_WEEKDAY}.*\s\d{{1,3}}$"
    rf"|^{_PAPER}\s+{_DATED_WEEKDAY}|{_DATED_WEEKDAY}\s*[|｜]\s*[\u4e00-\u9fff]{{2,6}}$"
)
# ... with the issue's date, and maybe the page's section between them, set
# apart ("人民日报 评论  2019年10月18日", "2019年10月5日 人民日报 要闻"): a
# head that prints no weekday.
_HEAD_GAP = r"[ \u3000|｜·]+"
# (Its 日 lost to a wrong codec, as the weekday's head allows.)
_DATE = _DATE_FIGURES + f"[日{LOST}{FFFD}]"
_DATED_MASTHEAD = re.compile(
    f"^{_PAPER}{_HEAD_GAP}(?:[\u4e00-\u9fff]{{2,6}}{_HEAD_GAP})?{_DATE}$"
    f"|^{_DATE}{_HEAD_GAP}{_PAPER}(?:{_HEAD_GAP}[\u4e00-\u9fff]{{2,6}})?$"
)
# A head or foot seen once that names its page's section beside the page's
# number or beside the paper's name and the date ("第 02 版  国内", "人民日报
# 国际  2019年10月27日"): an article's own lines print no section's name
# there.  (The number's dress may be lost to a wrong codec: "第 02 版" read
# as GBK keeps the figure alone, a lost character on each side.)  Without
# the section ("人民日报 2019年10月27日") the line may be an article's
# attribution, and it needs its page number beside it.
_SECTIONED_HEAD = re.compile(
    f"^[第{LOST}{FFFD}]\\s*\\d{{1,3}}\\s*[版{LOST}{FFFD}]{_HEAD_GAP}[\u4e00-\u9fff]{{2,6}}$"
    f"|^[\u4e00-\u9fff]{{2,6}}{_HEAD_GAP}[第{LOST}{FFFD}]\\s*\\d{{1,3}}\\s*[版{LOST}{FFFD}]$"
    f"|^{_PAPER}{_HEAD_GAP}[\u4e00-\u9fff]{{2,6}}{_HEAD_GAP}{_DATE}$"
    f"|^{_DATE}{_HEAD_GAP}{_PAPER}{_HEAD_GAP}[\u4e00-\u9fff]{{2,6}}$"
)
_DIGITS = re.compile(r"\d+")
# A running header or footer is short; an article sentence that happens to repeat
# is not treated as furniture.
MAX_FURNITURE_WIDTH = 60
# Lines between two occurrences of a running header or footer: a page's worth.
MIN_PAGE_GAP = 8


# What a wrong codec leaves of a head's words or a page number's dress: a
# recurring line that keeps only these beside a counting figure counts pages.
_LOST_LETTERS = frozenset(LOST + FFFD)

# Marks that open or close a quoted term, as runs of their own.
_QUOTE_OPENERS = frozenset("\ufffd“‘「『《（(")
_QUOTE_CLOSERS = frozenset("\ufffd”’」』》）)")

# Letters of a page's section name ("要闻", "经济·科技" without its dot).
MAX_SECTION_NAME = 6


def is_furniture_form(text: str, credits: bool = True) -> bool:
    """Whether a line has one of the fixed forms of a newspaper page's furniture.

    A page head (a date with its weekday, 第N版, the paper's name) or, with
    ``credits``, an editors' credit line (责任编辑：...): shapes, not proof (an
    article may end with its own credit line), so callers ask for a page
    number beside it or a place where only a page head stands.
    """
    t = text.replace("\f", "").strip()
    if not t or not _within(t, MAX_FURNITURE_WIDTH):
        return False
    # Every form holds a figure, ends with the paper's 报, or is a credit's
    # "…：" (asked before the script is, as every line is asked).
    if not (t[-1] in "报報" or "：" in t or ":" in t or any(c.isdigit() for c in t)):
        return False
    t = simplified(t)  # a traditional copy prints "人民日報", "責任編輯"
    return bool(
        _PAGE_HEAD.search(t)
        or _MASTHEAD.match(t)
        or _DATED_MASTHEAD.match(t)
        or _SECTIONED_HEAD.match(t)
        or (credits and _CREDIT.match(t))
    )


def find_furniture(lines: tuple[str, ...], credits: bool = True) -> set[int]:
    """Offsets of page headers, footers and page numbers among a broken section's lines.

    Furniture is recognised by more than its shape, because digit-only lines are
    also pieces of sentences (the sample's ``7``, ``15``, ``200``) and short
    lines recur in articles (a quoted term, a table's rows).  Furniture is

    * a dressed page number ("- 6 -", "— 6 —", "第 6 页"), by its shape alone;
    * a short line, closing no sentence, that recurs a page or more apart and
      either has a number beside words that counts up by one each time
      ("第6版", "6　要闻"; not "表3", "表4", whose number is inside), or has
      one of the fixed forms of a page's head (:func:`is_furniture_form`: a
      date with its weekday, 第N版, the paper's name, the editors' credit);
    * bare page numbers counting up by one, a page apart, from three pages
      on, among the text's own figures (:func:`_counting_folios`); the
      dress a wrong codec lost ("第 90 页" read as GBK keeps the figure
      between two lost characters) counts as the words beside the number;
    * a fixed form seen once, with a page number beside it or as the first
      line (a copy's first page head), or beside a numbered page head
      ("本版责编：…" over "2　评论"), and each line repeating it; a dated
      head seen once that prints its page's number, the paper's name or
      its section after a bar (:data:`_DRESSED_DATED_HEAD`); a head or foot
      seen once that names its section beside the page's number or the
      paper's name and the date (:data:`_SECTIONED_HEAD`);
    * a line one character off a head or foot found recurring
      (:func:`_furniture_misread`);
    * the page's own credit line ("本版责编：…"), by its form alone (with
      ``credits``);
    * a line a form feed opens (the page break pdfminer writes) that is
      page-number-shaped or recurs;
    * a dressed page number or a head's date cut into runs at every change
      of script (:func:`_glued_furniture`);
    * the bare figure beside a head or foot (:func:`_bare_page_numbers`);
    * a page's number seen once, closing the lines after a sentence or set
      apart from its section's name (:func:`_lone_page_marks`);
    * a short name standing next to furniture wherever it recurs (a
      section's name over the paper's: "评论").

    Without ``credits`` the editors' credit line is no fixed form (where the
    lines may include the article's end, which may carry its own).
    """
    texts = [line.replace("\f", "").strip() for line in lines]
    masked: dict[str, list[int]] = {}
    for i, t in enumerate(texts):
        if t and not _PAGE_NUMBER.match(t) and _within(t, MAX_FURNITURE_WIDTH) and t[-1] not in SENTENCE_END:
            masked.setdefault(_DIGITS.sub("#", t), []).append(i)
    bare = [i for i, t in enumerate(texts) if _PAGE_NUMBER.match(t)]
    content = [i for i, t in enumerate(texts) if t]
    last = content[-1] if content else -1

    def neighbour(i: int, step: int) -> int | None:
        j = i + step
        while 0 <= j < len(texts) and not texts[j]:
            j += step
        return j if 0 <= j < len(texts) else None

    def page_number_next_to(i: int) -> int | None:
        for step in (-1, 1):
            j = neighbour(i, step)
            if j is not None and (_PAGE_NUMBER.match(texts[j]) or _page_mark(texts[j])):
                return j
        return None

    def spaced(where: list[int]) -> bool:
        # A page apart each time; but the last page may be short, and its
        # foot closes the lines; so may the first, whose head opens them (an
        # article may start part way down its first page).  One full page
        # is always asked for.
        gaps = [b - a for a, b in zip(where, where[1:])]
        if gaps and where[-1] == last and len(gaps) > 1:
            gaps.pop()
        if content and where[0] == content[0] and len(gaps) > 1:
            gaps.pop(0)
        return bool(gaps) and min(gaps) >= MIN_PAGE_GAP

    def quoted(i: int) -> bool:
        # A term between quotation marks that have runs of their own (lost
        # to U+FFFD): "专精特新" is the article's, however often it recurs.
        before, after = neighbour(i, -1), neighbour(i, 1)
        return (before is not None and texts[before][-1:] in _QUOTE_OPENERS) and (
            after is not None and texts[after][:1] in _QUOTE_CLOSERS
        )

    def counts_pages(where: list[int]) -> bool:
        # A number that opens or closes the line (in its dress: 第…版, - … -)
        # and counts up by one each time: "表3 …", "表4 …" count tables.
        found = [[(int(m.group()), _at_edge(texts[i], m)) for m in _DIGITS.finditer(texts[i])] for i in where]
        return any(
            all(len(ns) > g and ns[g][1] for ns in found)
            and all(b[g][0] == a[g][0] + 1 for a, b in zip(found, found[1:]))
            for g in range(len(found[0]))
        )

    furniture: set[int] = {i for i, t in enumerate(texts) if _page_mark(t)}
    numbered = set(furniture)  # furniture lines that print the page's number
    folios = _counting_folios(texts, bare, neighbour, last)
    furniture.update(folios)
    numbered.update(folios)
    for key, where in masked.items():
        if not spaced(where):
            continue
        # Recurring a page or more apart: a page number counting up beside
        # words ("88.6" then "85.7" are figures; bare and dressed page numbers
        # are found above), or a page head's fixed form.  A table's rows
        # ("副部长 1") recur too, with words and a figure, but in neither
        # shape; a term the article quotes recurs between quotation marks.
        words = sum(1 for c in key if c.isalpha() or c in _LOST_LETTERS)
        if "#" in key and words and counts_pages(where):
            numbered.update(where)
            furniture.update(where)
        elif is_furniture_form(texts[where[0]], credits=credits) and not any(quoted(i) for i in where):
            furniture.update(where)
    for i, line in enumerate(lines):
        t = texts[i]
        if "\f" in line and t and display_width(t) <= MAX_FURNITURE_WIDTH:
            if _PAGE_NUMBER.match(t) or _MASTHEAD.match(simplified(t)) or len(masked.get(_DIGITS.sub("#", t), ())) >= 2:
                furniture.add(i)
    # A fixed form seen once counts only with its page number beside it, or
    # opening the lines, under nothing but a section's name (the head of a
    # copy's first page: "國際" / "人民日報"): an article may end with its
    # own credit line (版式设计：...).
    for q, i in enumerate(content):
        opening = q < MAX_HEAD_LINES and all(_section_name(texts[t]) for t in content[:q])
        # (Or a dated head dressed as only a page's head is, its number in
        # it: where a page break fell in a sentence, see _DRESSED_DATED_HEAD.)
        page_marked = (
            page_number_next_to(i) is not None
            or bool(_DRESSED_DATED_HEAD.search(texts[i]))
            or bool(_SECTIONED_HEAD.match(texts[i]))
        )
        with_credits = credits and (not opening or page_marked)
        if (page_marked or opening) and is_furniture_form(texts[i], credits=with_credits):
            furniture.add(i)
            if opening:
                # The copy's first page head, and the same head over each
                # page after, however short its first page (an article
                # set at a page's foot: the head again six lines on).
                furniture.update(content[:q])
                furniture.update(masked.get(_DIGITS.sub("#", texts[i]), ()))
        elif (
            credits
            and texts[i].startswith("本")
            and _within(texts[i], MAX_FURNITURE_WIDTH)
            and _PAGE_CREDIT.match(simplified(texts[i]))
        ):
            # The page's own credit, wherever it stands (the foot of a
            # copy's last page, closing the copy).  (本版 in either script
            # opens with 本: OpenCC is asked only then.)
            furniture.add(i)
    numbered_heads = _numbered_sections(texts, content, neighbour)
    furniture |= numbered_heads
    numbered |= numbered_heads
    # So does one beside a numbered page head or foot ("本版责编：…" closing
    # a page, "2　评论" opening the next), and then every line repeating it
    # (the same credit closing the copy's short last page).
    for i in content:
        beside = (neighbour(i, -1), neighbour(i, 1))
        if i not in furniture and any(j in numbered for j in beside if j is not None):
            if is_furniture_form(texts[i], credits=credits):
                furniture.add(i)
                furniture.update(masked.get(_DIGITS.sub("#", texts[i]), ()))
    furniture |= _furniture_misread(texts, masked, furniture)
    glued = _glued_furniture(texts, content, furniture)
    furniture |= glued
    numbered |= glued
    lone = _lone_page_marks(lines, texts, content, neighbour)
    furniture |= lone
    numbered |= lone
    furniture |= _bare_page_numbers(texts, furniture, numbered, neighbour)
    # Short names that stand next to furniture wherever they recur (a
    # section's name over the paper's: "评论"); a title follows its page head
    # in every copy too, but is longer or punctuated.
    for key, where in masked.items():
        if _section_name(key) and spaced(where) and not furniture.issuperset(where):
            if all(any(j is not None and j in furniture for j in (neighbour(i, -1), neighbour(i, 1))) for i in where):
                furniture.update(where)
    return furniture


# Characters a head must print for one that differs from it in one of them to
# be the same head misread: "要闻" and "要求" are two words.
MIN_MISREAD_HEAD = 8


def _furniture_misread(texts: list[str], masked: dict[str, list[int]], furniture: set[int]) -> set[int]:
    """Lines one character off a head or foot found recurring: the same line, one character misread.

    A lossy decode reads a head's lost weekday by the words it would make
    with the next line ("星期" + "实的…" as 星期事), and the head no longer
    recurs as it stands.  Masked as the recurrence is (figures as #), the
    same length, and at least :data:`MIN_MISREAD_HEAD` characters long.
    """
    heads = {
        key
        for key, where in masked.items()
        if len(key) >= MIN_MISREAD_HEAD and len(where) >= 2 and furniture.issuperset(where)
    }
    out: set[int] = set()
    for key, where in masked.items():
        if key in heads or furniture.issuperset(where):
            continue
        if any(len(head) == len(key) and sum(a != b for a, b in zip(head, key)) == 1 for head in heads):
            out.update(where)
    return out


# Characters that follow a figure of the text as its unit or measure word
# ("5月", "30多个", "8%"), and seldom open a page.
_UNITS = frozenset("年月日号时点分秒周岁天个名位元万亿千百多余次件项条家座所户辆台吨米倍成届期批%‰")
# Bare page numbers it takes to show a count of pages.
MIN_FOLIOS = 3
# Pages of one copy hold about as many lines: one page gap at most this many
# times the one before it (the text's figures fall where the text puts them).
MAX_PAGE_RATIO = 2.0


def _counting_folios(texts: list[str], bare: list[int], neighbour, last: int) -> list[int]:
    """The longest chain of bare figures that counts up by one, a page apart each time.

    Digit-only lines are also the text's own figures (a run of its own in a
    copy cut at every change of script: "5" / "月"), and they stand between
    the page numbers, so the chain skips them rather than stopping at them.
    What tells the pages' count from the text's ("5月" ... "6月" ...) is the
    spacing: pages hold about as many lines, so two links are a page's
    worth (:data:`MIN_PAGE_GAP`) apart and each gap is within
    :data:`MAX_PAGE_RATIO` of the one before.  Except before the copy's last
    line: the last page may be short, and its foot closes the copy.  Fewer
    than :data:`MIN_FOLIOS` numbers are no count, nor numbers most of which
    read on into the text beside them (a unit after them, a label before):
    that is the text counting months or tables (the shortest count, none
    of them); nor numbers the text says again and again (a table's counts).
    Four figures are years.  ``last`` is the copy's last line with text.
    """
    bare = [i for i in bare if len(texts[i]) < 4]
    values = [int(texts[i]) for i in bare]

    def piece(i: int, step: int) -> str:
        j = neighbour(i, step)
        return "" if j is None else texts[j]

    def reads_on(i: int) -> bool:
        # The text's figures read on into their neighbours: a unit or a
        # mark follows them ("5" / "月", "8" / "∶1", "2015" / "）"), an opening
        # mark or a label stands before them ("（" / "2015", "表" / "2").  A
        # page's number stands between a printed line's end and the next
        # page's start, which line-breaking rules never begin with a closing
        # mark nor end with an opening one.
        after, before = piece(i, 1)[:1], piece(i, -1)
        return (
            simplified(after) in _UNITS
            or (bool(after) and not after.isalnum() and after not in _NO_LINE_END)
            or (bool(before) and before[-1] in _NO_LINE_END)
            or len(before) == 1
        )

    reading = [reads_on(i) for i in bare]

    def ratio_ok(page: int, gap: int, final: bool) -> bool:
        # No page much longer than the one before; the last may be short.
        return gap <= MAX_PAGE_RATIO * page and (final or page <= MAX_PAGE_RATIO * gap)

    # Chains by their last link (q, k), as (figures, figures that read on,
    # bare indices): the longest, and of as long ones the one whose figures
    # read on least (a page's "10" rather than the "10" of "10余家" before it).
    ending: dict[int, list[tuple[int, int, list[int]]]] = {}
    for k, i in enumerate(bare):
        for q in range(k):
            gap, final = i - bare[q], i == last
            if values[k] != values[q] + 1 or (gap < MIN_PAGE_GAP and not final):
                continue
            chain = (2, reading[q] + reading[k], [q, k])
            for length, read, before in ending.get(q, ()):
                if len(before) > 1 and not ratio_ok(bare[q] - bare[before[-2]], gap, final):
                    continue
                if (length + 1, -read - reading[k]) > (chain[0], -chain[1]):
                    chain = (length + 1, read + reading[k], before + [k])
            ending.setdefault(k, []).append(chain)
    counts = Counter(values)
    chains = sorted((c for cs in ending.values() for c in cs), key=lambda c: (c[0], -c[1]), reverse=True)
    for length, read, chain in chains:
        if length < MIN_FOLIOS:
            # Two pages: two numbers are no count, unless the second closes
            # the copy, where no text ends (a figure with nothing after it),
            # a page after the first, and neither reads on nor stands
            # elsewhere among the text's figures.
            k, q = chain[-1], chain[0]
            if length == 2 and bare[k] == last and bare[k] - bare[q] >= MIN_PAGE_GAP and not read:
                if counts[values[q]] == counts[values[k]] == 1:
                    return [bare[q], bare[k]]
            continue
        # A table's counts ("1", "1", "2", "1", "3", ...) hold a chain too, but
        # say its numbers again and again; a page's number is said once.
        again = sum(counts[values[k]] - 1 for k in chain)
        # A page may open with a unit ("月" after a line's "10"), so a count
        # may hold figures that read on, but not most of them; and the
        # shortest count not one ("8时18分" just before pages 19 and 20).
        if again < length and 2 * read <= length and (read == 0 or length > MIN_FOLIOS):
            return [bare[k] for k in chain]
    return []


def _numbered_sections(texts: list[str], content: list[int], neighbour) -> set[int]:
    """A page's bare number and its section's name on lines of their own ("17" / "文化").

    The head "17　文化" of :data:`_PAGE_HEAD`, cut at the change of script:
    furniture where it recurs a page or more apart with the number counting
    up by one.  Seen once it is not taken: a title may open with a figure
    ("3" / "部门联合发文").  A name a unit could open ("18" / "岁") is the
    text's.
    """
    # By the name and the side the number stands on, which every page keeps:
    # a figure of the text that opens the page under the head ("17" / "评论"
    # / "7" / "、…") stands beside the name too, on its other side.
    heads: dict[tuple[str, int], list[tuple[int, int, int]]] = {}
    for i in content:
        if not _folio(texts[i]):
            continue
        for step in (1, -1):
            j = neighbour(i, step)
            if j is not None and _number_and_name(texts[i], texts[j]):
                name = texts[j]
                if simplified(name[0]) not in _UNITS:
                    heads.setdefault((name, step), []).append((min(i, j), max(i, j), int(texts[i])))
                break
    out: set[int] = set()
    for found in heads.values():
        counts = len(found) >= 2 and all(
            b[0] - a[1] >= MIN_PAGE_GAP and b[2] == a[2] + 1 for a, b in zip(found, found[1:])
        )
        if counts:
            out.update(line for first, last, _ in found for line in (first, last))
    return out


# A page head's date, as one string: "2019年10月10日星期四" (the paper's name
# may precede it, the page and its section follow it: "第16版文化").
_GLUED_DATE = re.compile(
    r"(?:[\u4e00-\u9fff]{2,8})?\d{4}年\d{1,2}月\d{1,2}日(?:星期|周)[一二三四五六日天]"
    r"(?:第\d{1,3}[版页][\u4e00-\u9fff]{0,6})?"
)
# Lines a piece of furniture may be cut into (a run for each change of script).
MAX_GLUED = 10
# Widest piece (half-width cells) such a line holds.
MAX_PIECE_WIDTH = 16

# The dashes a page number may be dressed in ("- 18 -", "—2—"), hyphens and
# en dashes too.  (Not :data:`_DASHES`, the text's dashes, which this once
# shadowed: a hyphen alone in a run is no dash of the text.)
_FOLIO_DASHES = "-—–―"
# (And the dress a wrong codec lost: "第 90 页" read as GBK keeps its figure
# alone, a lost character on each side.)
_DRESS = "第版页" + _FOLIO_DASHES + " \u3000" + LOST + FFFD


def _at_edge(text: str, number: re.Match) -> bool:
    """Whether ``number`` opens or closes ``text``, the dress of a page number aside."""
    return not text[: number.start()].strip(_DRESS) or not text[number.end() :].strip(_DRESS)


def _glued_furniture(texts: list[str], content: list[int], furniture: set[int]) -> set[int]:
    """Furniture cut into runs at every change of script ("第" / "7" / "版").

    Consecutive short lines whose text, put together, is a dressed page
    number (:data:`_PAGE_MARK`) or a page head's date, where that recurs a
    page apart, stands beside furniture already found, or opens or closes the
    lines (a copy's first head, its last foot).  Only these strong
    shapes: pieces of the article glue into figures and dates too ("2018" /
    "年"), never into "第7版" whole from a line's start to its end.
    ``content``: the offsets of the lines with text.
    """
    found: dict[str, list[list[int]]] = {}
    p = 0
    while p < len(content):
        pieces: list[int] = []
        longest: tuple[str, list[int]] | None = None
        for i in content[p : p + MAX_GLUED]:
            if not _within(texts[i], MAX_PIECE_WIDTH):
                break
            # Such a head is cut where its figures start or stop ("- " / "18"
            # / " -", "第" / "2" / "版　文化"): a line that goes on from the
            # last without that is the text's ("版　文化" / "财经短波", a
            # title under the head), however well it glues.
            if pieces and texts[pieces[-1]][-1].isdigit() == texts[i][0].isdigit():
                break
            pieces.append(i)
            text = "".join(texts[t] for t in pieces).replace(" ", "").replace("\u3000", "")
            # (Every shape holds a figure and 第, 年 or a dash, the same in either script.)
            if len(pieces) < 2 or not ("第" in text or "年" in text or text[0] in _FOLIO_DASHES) or not any(c.isdigit() for c in text):
                continue
            if _page_mark(text) or _GLUED_DATE.fullmatch(simplified(text)):
                longest = (text, list(pieces))
        if longest is None:
            p += 1
            continue
        found.setdefault(_DIGITS.sub("#", longest[0]), []).append(longest[1])
        p += len(longest[1])
    out: set[int] = set()
    for windows in found.values():
        starts = [w[0] for w in windows]
        recurs = len(windows) >= 2 and min(b - a for a, b in zip(starts, starts[1:])) >= MIN_PAGE_GAP
        for w in windows:
            before, after = w[0] - 1, w[-1] + 1
            while before >= 0 and not texts[before]:
                before -= 1
            while after < len(texts) and not texts[after]:
                after += 1
            # Or at the lines' very start or end: a copy's first page head,
            # its last page foot.
            edge = w[0] == content[0] or w[-1] == content[-1]
            if recurs or edge or before in furniture or after in furniture or furniture.intersection(w):
                out.update(w)
    return out


# Figures a bare page number has at most (a year has four).
MAX_LONE_FOLIO = 3


def _lone_page_marks(lines: tuple[str, ...], texts: list[str], content: list[int], neighbour) -> set[int]:
    """A page's number seen once: closing the lines after a sentence, or set apart from its section's name.

    Two shapes no sentence takes, where the page prints its number once (a
    copy of one or two pages):

    * the last page's foot: a bare figure that closes the lines, after a
      line that closes a sentence (a figure of the text goes on into its
      unit, or follows an open clause);
    * a page's head cut at the change of script, "17" / "　经济": the name's
      run keeps the gap the head sets between them (a title cut after its
      opening figure, "3" / "部门联合发文", keeps none), and opens the lines
      or follows a closed sentence.
    """
    out: set[int] = set()
    if len(content) >= 2 and _folio(texts[content[-1]]) and closes_sentence(texts[content[-2]]):
        out.add(content[-1])
    for q, i in enumerate(content):
        j = neighbour(i, 1)
        if not _folio(texts[i]) or j is None:
            continue
        gap = lines[j].replace("\f", "")[:1] in (" ", "\u3000")
        opens = q == 0 or closes_sentence(texts[content[q - 1]])
        if gap and opens and _number_and_name(texts[i], texts[j]) and simplified(texts[j][0]) not in _UNITS:
            out.update((i, j))
    return out


def _folio(text: str) -> bool:
    """Whether a line is a bare page number: three figures at most (a year, "2019", is the text's)."""
    return _PAGE_NUMBER.match(text) is not None and len(text) <= MAX_LONE_FOLIO


def _number_and_name(number: str, name: str) -> bool:
    """Whether a figure and the line beside it are a page head cut at the change of script ("17" / "文化")."""
    return len(name) >= 2 and _section_name(name) and is_furniture_form(number + "\u3000" + name)


def _bare_page_numbers(texts: list[str], furniture: set[int], numbered: set[int], neighbour) -> set[int]:
    """The digit-only lines beside furniture that are its page numbers.

    A page's head or foot that prints no number of its own takes the bare
    figure beside it.  Where several pages do, the figures must count up by
    one as pages do: a figure of the text that a page break put beside the
    head ("8" of "8月", a run of its own) breaks the count, and none is taken.
    One that prints its number takes only that number again.
    """
    clusters: list[list[int]] = []
    for i in sorted(furniture):
        if clusters and all(not texts[t] for t in range(clusters[-1][-1] + 1, i)):
            clusters[-1].append(i)
        else:
            clusters.append([i])
    figures = []
    echoes = set()
    # Numberless heads and feet between the first and the last, with and
    # without a figure beside them.
    beside, bare_of = 0, 0
    for c, cluster in enumerate(clusters):
        shown = {int(n) for i in cluster if i in numbered for n in _DIGITS.findall(texts[i])}
        found = False
        for j in (neighbour(cluster[0], -1), neighbour(cluster[-1], 1)):
            if j is not None and j not in furniture and _PAGE_NUMBER.match(texts[j]):
                if not shown:
                    found = True
                    if j not in figures:  # (between a foot and the next head, it is beside both)
                        figures.append(j)
                elif int(texts[j]) in shown:
                    echoes.add(j)  # the folio again ("第5版 要闻", then "5")
                break
        if not shown and 0 < c < len(clusters) - 1:
            beside += found
            bare_of += not found
    # A paper prints its page's number on every page: where more of a
    # numberless head's inner pages show no figure beside it than show one,
    # the figures are the text's, which a page break put there ("70" of
    # "70周年", a run of its own).  (The first and last pages may be cut.)
    if bare_of > beside:
        return echoes
    if all(int(texts[b]) == int(texts[a]) + 1 for a, b in zip(figures, figures[1:])):
        return echoes | set(figures)
    return echoes


def rejoin(lines: tuple[str, ...], sections: tuple[Section, ...]) -> tuple[tuple[Paragraph, ...], StageReport]:
    """Paragraphs of the whole document, in input order, with their origin.

    Clean sections give one paragraph per non-blank line; broken sections are
    rejoined.  ``fragments_joined`` counts the joins made.
    """
    out: list[Paragraph] = []
    joined = 0
    removed: list[tuple[int, str]] = []
    for index, section in enumerate(sections):
        span = lines[section.start - 1 : section.end]
        if section.kind is SectionKind.CLEAN:
            for offset, line in enumerate(span):
                if line.strip():
                    no = section.start + offset
                    out.append(Paragraph(line, SectionKind.CLEAN, index, no, no))
            continue
        furniture = find_furniture(span)
        for offset in sorted(furniture):
            removed.append((section.start + offset, span[offset].strip()))
        for first, last, fragments in split_paragraphs(span, section.layout, skip=furniture):
            text = join_fragments(fragments)
            joined += len(fragments) - 1
            out.append(Paragraph(text, SectionKind.BROKEN, index, section.start + first, section.start + last))
    counts = {"fragments_joined": joined, "furniture_lines_removed": len(removed)}
    return tuple(out), StageReport("rejoin", counts, tuple(removed))

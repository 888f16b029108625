"""Page furniture in a copy: running heads and page numbers in the dresses papers print them.

The copies are the fixture's article, typeset by the generator; the furniture
is put in here at every page break, in shapes the generator itself never
prints (a head without a number, dashed page numbers, a section's name over
the paper's, pdfminer's form feed), so that what is tested is the general
rule, not the generator's one header.
"""

from __future__ import annotations

import random

import pytest

from bench.degrade import Profile, render_copy
from pipeline import repair_document
from pipeline.canonical import canonical_paragraph
from pipeline.rejoin import MIN_PAGE_GAP, find_furniture

from .support import expected_lines, sample_parts

TRUTH = expected_lines()[:14]

# (head lines, foot lines) with {n} for the page number.
DRESSES = {
    "masthead, dashed foot": (["人民日报"], ["- {n} -"]),
    "section over masthead, page foot": (["评论", "人民日报"], ["第 {n} 页"]),
    "dated head, edition foot": (["人民日报\u30002019年10月11日\u3000星期五"], ["第{n}版"]),
    "numbered section head": (["{n}\u3000要闻"], []),
    "em-dashed foot only": ([], ["— {n} —"]),
    # Nothing but the figure, on every page and under the last line.
    "bare foot only": ([], ["{n}"]),
    # Cut into runs at every change of script, as the copy's text is.
    "head and foot in runs": (["人民日报\u3000", "2019", "年", "10", "月", "11", "日\u3000星期五"], ["第", "{n}", "版"]),
    "dated head with page and section, in runs": (
        ["2019", "年", "10", "月", "30", "日\u3000星期三\u3000\u3000第", "{n}", "版\u3000文化"],
        [],
    ),
    "em-dashed foot in runs": ([], ["— ", "{n}", " —"]),
    # A bare folio over the section's name, opening every page and the copy.
    "bare folio over section": (["{n}", "\u3000经济"], []),
    "bare folio opening every page": (["{n}"], []),
    # The paper's name and the date, with or without the section, no weekday
    # (the held-out 2 generator's heads).
    "masthead, section and date, page foot": (["人民日报 评论  2019年10月18日"], ["第 {n} 页"]),
    "date, masthead and section": (["2019年10月5日 人民日报 要闻"], []),
    # "第 17 页" read as GBK and lossy: the figure alone between two lost
    # characters (a lead byte cut from its trail by the space).
    "page foot whose dress a wrong codec lost": ([], ["\ufdd0 {n} \ufdd0"]),
}


def _paged(copy: str, head: list[str], foot: list[str], page: int, form_feed: bool, spaced: bool) -> tuple[str, list[str]]:
    """The copy with a head and a foot every ``page`` content lines, and the lines added.

    ``spaced``: a blank line after each, as the rendering puts after its lines.
    """
    out: list[str] = []
    added: list[str] = []
    count = 0
    # Pages from 17: a head that prints its number may print it again as a
    # bare folio beside it, and a figure of the text beside the head that
    # equals that number ("8" of "8月" under "8　要闻") cannot be told from
    # one.  That ambiguity is left out here; the text's figures are below 17.
    n = 17

    def put(lines: list[str], feed: bool) -> None:
        for k, line in enumerate(lines):
            text = line.format(n=n)
            added.append(text)
            out.append(("\f" if feed and k == 0 else "") + text)
            if spaced:
                out.append("")

    put(head, False)
    for line in copy.split("\n"):
        if line.strip() and count and count % page == 0:
            put(foot, False)
            n += 1
            put(head, form_feed)
        if line.strip():
            count += 1
        out.append(line)
    put(foot, False)
    return "\n".join(out), added


@pytest.mark.parametrize("dress", sorted(DRESSES))
@pytest.mark.parametrize("rendering, form_feed", [("lines", False), ("spaced-lines", True), ("runs", False)])
def test_running_heads_and_page_numbers_leave_the_copy(dress, rendering, form_feed):
    head, foot = DRESSES[dress]
    copy = render_copy(TRUTH, Profile("after", rendering, "space-lines", "none", 20), random.Random(0), False)
    paged, added = _paged(copy, head, foot, 14, form_feed, rendering != "lines")
    body = TRUTH[:1] + ["\u3000\u3000" + p for p in TRUTH[1:]]
    out = repair_document("\n".join(body) + "\n" + paged)
    assert out.text.splitlines() == TRUTH
    alone = repair_document(paged).text
    assert alone.splitlines() == TRUTH
    assert out.report.counts["furniture_lines_removed"] == len(added)


@pytest.mark.parametrize("width", [17, 26, 30, 37])
def test_a_term_between_lost_quotation_marks_recurs_and_stays(width):
    # Quotation marks lost to U+FFFD print as runs of their own, so "专精特新"
    # stands alone on a line wherever the article quotes it: a short
    # unpunctuated line that recurs through the copy, like a running head,
    # but the article's.
    from bench.degrade import _lose_quotes

    rng = random.Random(0)
    paras = [_lose_quotes(canonical_paragraph(line)[0], rng) for line in expected_lines()]
    lines = tuple(render_copy(paras, Profile("copy-only", "runs", "space-lines", "none", width), rng, True).split("\n"))
    assert sum(line.strip() == "专精特新" for line in lines) >= 3
    assert not find_furniture(lines)


@pytest.mark.parametrize("rendering", ["lines", "spaced-lines", "runs"])
@pytest.mark.parametrize("width", [14, 22, 30, 40])
def test_no_line_of_the_article_is_taken_for_furniture(rendering, width):
    paras = [canonical_paragraph(line)[0] for line in expected_lines()]
    for marker in ("space-lines", "indent-spaces", "none"):
        copy = render_copy(paras, Profile("copy-only", rendering, marker, "none", width), random.Random(1), False)
        assert not find_furniture(tuple(copy.split("\n")))


@pytest.mark.parametrize("dress", ["masthead, dashed foot", "section over masthead, page foot", "head and foot in runs"])
def test_a_traditional_copys_furniture_is_found_in_its_script(dress):
    # "人民日報", "第 7 頁": the fixed forms are matched in simplified script.
    import opencc

    head, foot = DRESSES[dress]
    copy = render_copy(TRUTH, Profile("after", "spaced-lines", "space-lines", "none", 20), random.Random(0), False)
    paged, added = _paged(copy, head, foot, 14, False, True)
    paged = opencc.OpenCC("s2t").convert(paged)
    body = TRUTH[:1] + ["\u3000\u3000" + p for p in TRUTH[1:]]
    out = repair_document("\n".join(body) + "\n" + paged)
    assert out.text.splitlines() == TRUTH
    assert out.report.counts["furniture_lines_removed"] == len(added)


@pytest.mark.parametrize(
    "head, foot",
    [(["人民日报\u3000", "2019", "年", "10", "月", "11", "日\u3000星期五"], ["第", "8", "版"]), (["人民日报"], ["第", "8", "版"])],
)
def test_a_one_page_copys_head_and_foot_in_runs_are_furniture(head, foot):
    # Seen once each, cut into runs: the head opens the copy, the foot
    # closes it.
    truth = TRUTH[:4]
    copy = render_copy(truth, Profile("before", "runs", "space-lines", "none", 24), random.Random(0), False)
    body = truth[:1] + ["\u3000\u3000" + p for p in truth[1:]]
    paged = "\n\n".join(head) + "\n\n" + copy + "\n\n" + "\n\n".join(foot) + "\n"
    out = repair_document(paged + "\n".join(body))
    assert out.text.splitlines() == truth
    assert out.report.counts["furniture_lines_removed"] == len(head) + len(foot)


@pytest.mark.parametrize("head", [["国际", "人民日报"], ["9\u3000国际"], ["9", "\u3000国际"]])
def test_a_one_page_copys_head_is_furniture(head):
    # A copy short enough for one page prints its head once: a section's
    # name over the paper's, or the page's number and its section, before
    # the title, whole or cut at the change of script ("9" / "　国际", the
    # gap kept).  Nothing recurs; the head's fixed form opening the copy
    # says what it is.  (After the clean text, a section's name alone is not
    # taken from it: it looks like a byline.)
    truth = TRUTH[:4]
    copy = render_copy(truth, Profile("before", "spaced-lines", "space-lines", "none", 24), random.Random(0), False)
    body = truth[:1] + ["\u3000\u3000" + p for p in truth[1:]]
    out = repair_document("\n\n".join(head) + "\n\n" + copy + "\n" + "\n".join(body))
    assert out.text.splitlines() == truth
    assert out.report.counts["furniture_lines_removed"] == len(head)


@pytest.mark.parametrize("rendering", ["lines", "spaced-lines", "runs"])
@pytest.mark.parametrize(
    "head, foot", [(["人民日报"], ["本版责编：赵政", "{n}"]), (["{n}", "\u3000经济"], [])], ids=["credit", "section"]
)
def test_a_two_page_copys_bare_folios_beside_its_heads_are_furniture(rendering, head, foot):
    # Two pages are too few for a count of bare figures.  The figure under
    # each page's credit line is its number all the same (the one between
    # the first page's foot and the second page's head stands beside both);
    # so is a figure over the same section's name on both pages.
    truth = TRUTH[:5]
    copy = render_copy(truth, Profile("copy-only", rendering, "space-lines", "none", 20), random.Random(0), False)
    page = sum(1 for line in copy.split("\n") if line.strip()) // 2 + 1
    paged, added = _paged(copy, head, foot, page, False, rendering != "lines")
    assert added.count(head[-1]) == 2
    out = repair_document(paged)
    assert out.text.splitlines() == truth
    assert out.report.counts["furniture_lines_removed"] == len(added)


@pytest.mark.parametrize("rendering", ["lines", "spaced-lines", "runs"])
@pytest.mark.parametrize("page", [14, 15])
def test_a_copys_last_credit_line_before_the_clean_text_leaves_with_it(rendering, page):
    # The copy's last page foot (a credit line) stands right above the clean
    # text, where an article's own credit line could stand too; the copy
    # printing the same line inside it, with its text going on after it,
    # says whose it is.  At 15 lines a page, the last page holds two lines,
    # so the last foot stands close to the one before.
    copy = render_copy(TRUTH, Profile("before", rendering, "space-lines", "none", 20), random.Random(0), False)
    paged, added = _paged(copy, ["{n}\u3000经济"], ["本版责编：张  楠  刘  洋"], page, False, rendering != "lines")
    body = TRUTH[:1] + ["\u3000\u3000" + p for p in TRUTH[1:]]
    out = repair_document(paged + "\n" + "\n".join(body))
    assert out.text.splitlines() == TRUTH
    assert out.report.counts["furniture_lines_removed"] == len(added)


@pytest.mark.parametrize(
    "layout, damage, seed", [("before", "furniture", 67), ("before", "trad+furniture", 113), ("both", "title_cut+furniture", 8)]
)
def test_a_running_heads_figure_opens_no_version(layout, damage, seed):
    # Documents of the second generator (bench/heldout.py), from the fixture's
    # article: each copy page opens with its head cut into runs, so the
    # document's first content line is the head's "2019", printed again on
    # every page.  A figure on every page is no title opening two versions.
    from bench.heldout import build_case

    lines = expected_lines()
    case = build_case({"title": lines[0], "paragraphs": lines[1:], "id": "fixture"}, layout, damage, random.Random(seed))
    assert repair_document(case.document).text == case.truth


@pytest.mark.parametrize("marker", ["none", "indent-lost"])
@pytest.mark.parametrize("width", [16, 22, 27, 34])
def test_a_page_break_between_the_lines_of_a_paragraph_is_no_paragraph_break(marker, width):
    # pdfminer ends a page with a form feed; read as a newline (or kept), it
    # adds a blank line after the page's foot.  The blank lines on either
    # side of the foot are two gaps, not one paragraph gap, so the paragraph
    # running over the page break comes out whole: the copy reads as it
    # would with no furniture at all.
    copy = render_copy(TRUTH, Profile("copy-only", "spaced-lines", marker, "none", width), random.Random(0), False)
    expected = repair_document(copy).text
    for feed in ("\n", "\f"):
        lines: list[str] = []
        printed, page = 0, 17
        for line in copy.split("\n"):
            if line.strip() and printed and printed % 11 == 0:
                lines += [f"第 {page} 页", ""]
                line = feed + line if feed == "\f" else line
                if feed == "\n":
                    lines.append("")
                page += 1
            printed += bool(line.strip())
            lines.append(line)
        out = repair_document("\n".join(lines))
        assert out.text == expected, repr(feed)
        assert out.report.counts["furniture_lines_removed"] == page - 17


def test_a_dated_head_in_runs_takes_no_line_of_the_text_after_it():
    # The head is cut into runs at every change of script ("2019" / "年" /
    # …  / "版　文化"); the copy's next line is not one of its runs, however
    # short and unpunctuated: a short title ("工业短波") or the last
    # character of a line the page break cut ("升").  Glued on, either would
    # still spell a head's date with its section, and the text would be lost.
    head = ["2019", "年", "10", "月", "30", "日\u3000星期三\u3000\u3000第", "{n}", "版\u3000文化"]
    title, first, second = TRUTH[0][:13], TRUTH[0][13:], TRUTH[1]
    cut = len(first) - 1
    lines = [h.format(n=2) for h in head] + ["工业短波", title, first[:cut]]
    lines += [h.format(n=3) for h in head] + [first[cut:], second]
    spaced = tuple(x for line in lines for x in (line, ""))
    found = {spaced[i] for i in find_furniture(spaced)}
    assert found == {h.format(n=n) for h in head for n in (2, 3)}


def test_a_figure_of_the_text_under_a_numbered_section_head_is_the_texts():
    # "17" / "评论" heads each page; the second page opens with a figure of
    # the text cut into its own run ("7" / "、" / "8" / "月，…"), which stands
    # beside the section's name too, on the other side.  The page number
    # stands on one side of the name on every page: the text's figure breaks
    # no count, and is kept.
    copy = render_copy(TRUTH[:6], Profile("copy-only", "runs", "space-lines", "none", 20), random.Random(0), False)
    lines = [line for line in copy.split("\n") if line.strip()]
    at = lines.index("、") - 1
    assert at >= 10 and lines[at] == "7"
    paged = ["17", "\u3000评论"] + lines[:at] + ["18", "\u3000评论"] + lines[at:]
    found = {i for i in find_furniture(tuple(paged))}
    assert found == {0, 1, at + 2, at + 3}


@pytest.mark.parametrize("rendering", ["lines", "spaced-lines", "runs"])
def test_a_copy_that_starts_low_on_its_first_page_has_its_heads_found(rendering):
    # An article may start part way down a page: the copy's first page holds
    # a few of its lines, the next ones a page's worth.  The heads count
    # the pages all the same.
    copy = render_copy(TRUTH, Profile("copy-only", rendering, "space-lines", "none", 20), random.Random(0), False)
    lines = copy.split("\n")
    content = [i for i, line in enumerate(lines) if line.strip()]
    first = sum(i < 6 for i in content) - 1  # a page of less than MIN_PAGE_GAP lines
    cuts = [content[first], content[first + 14], content[first + 28]]
    paged, added = [], []
    for n, (lo, hi) in enumerate(zip([0] + cuts, cuts + [len(lines)])):
        head = f"{n + 4}\u3000经济"
        paged += [head] + lines[lo:hi]
        added.append(len(paged) - (hi - lo) - 1)
    assert set(find_furniture(tuple(paged))) == set(added)


@pytest.mark.parametrize("rendering", ["lines", "spaced-lines", "runs"])
def test_a_two_page_copys_bare_folios_are_furniture(rendering):
    # Two bare page numbers, one under each page, the second closing the
    # copy: too few for a count among the text's own figures, but the
    # second stands where no text ends (a figure with nothing after it), a
    # page after the first, and neither reads on into the text beside it.
    truth = TRUTH[:8]
    copy = render_copy(truth, Profile("copy-only", rendering, "space-lines", "none", 20), random.Random(0), False)
    texts = [line.strip() for line in copy.split("\n") if line.strip()]
    # The page ends between two runs of words: a break beside a figure of the
    # text ("01" / "17" / "秒") cannot be told from the figure's own unit.
    page = len(texts) // 2 + 1
    while texts[page - 1].isdigit() or texts[page].isdigit():
        page += 1
    paged, added = _paged(copy, [], ["{n}"], page, False, rendering != "lines")
    assert added == ["17", "18"]
    out = repair_document(paged)
    assert out.text.splitlines() == truth
    assert out.report.counts["furniture_lines_removed"] == 2


@pytest.mark.parametrize("rendering", ["lines", "spaced-lines", "runs"])
@pytest.mark.parametrize("last", [1, 2, 3])
def test_a_credit_over_a_numbered_head_and_closing_a_short_last_page_is_furniture(rendering, last):
    # A copy of two pages after the clean text, each under "N　评论" and over
    # a credit line; the second page holds a few lines only, so the two
    # credits stand closer than a page apart.  A credit line alone may be
    # the article's own; but the first stands right over the next page's
    # numbered head, and the second repeats it: both are the page's.
    truth = TRUTH[:6]
    copy = render_copy(truth, Profile("after", rendering, "space-lines", "none", 20), random.Random(0), False)
    texts = [line for line in copy.split("\n") if line.strip()]
    credit = "责任编辑：赵  政"
    paged, added = _paged(copy, ["{n}\u3000评论"], [credit], len(texts) - last, False, rendering != "lines")
    assert added.count(credit) == 2
    body = truth[:1] + ["\u3000\u3000" + p for p in truth[1:]]
    out = repair_document("\n".join(body) + "\n\n" + paged)
    assert out.text.splitlines() == truth
    assert out.report.counts["furniture_lines_removed"] == len(added)


@pytest.mark.parametrize("rendering", ["lines", "spaced-lines", "runs"])
@pytest.mark.parametrize("glued", [True, False])
def test_the_pages_own_credit_closing_a_copy_is_furniture(rendering, glued):
    # A one-page copy after the clean text, its page's credit line ("本版…":
    # the page's, not the article's, which names no page) under its last
    # line, written against it or not.
    truth = TRUTH[:6]
    copy = render_copy(truth, Profile("after", rendering, "space-lines", "none", 20), random.Random(0), False)
    credit = "本版责编：陈丽华"
    paged = copy.rstrip("\n") + ("\n" if glued else "\n\n") + credit + "\n"
    body = truth[:1] + ["\u3000\u3000" + p for p in truth[1:]]
    out = repair_document("\n".join(body) + "\n\n" + paged)
    assert out.text.splitlines() == truth
    assert out.report.counts["furniture_lines_removed"] == 1


def test_a_figure_of_the_text_beside_one_numberless_head_stays():
    # A head that prints no number ("人民日报") at every page break, one of
    # which falls right before a figure of the text cut into a run or line of
    # its own ("70" of "70周年"): the head's other pages show no figure
    # beside them, so this one is the text's, not the page's number.  (Held
    # out: a copy lost "70" of "成立70周年" this way.)
    truth = TRUTH
    copy = render_copy(truth, Profile("copy-only", "runs", "space-lines", "none", 20), random.Random(0), False)
    texts = [line.strip() for line in copy.split("\n") if line.strip()]
    # Pages of a length whose breaks fall once before a figure, elsewhere
    # beside words.
    def breaks(page):
        return [k for k in range(page, len(texts), page)]

    page = next(
        p
        for p in range(8, len(texts) // 3)
        if len(breaks(p)) >= 4
        and sum(texts[k].isdigit() for k in breaks(p)) == 1
        and not any(texts[k - 1].isdigit() for k in breaks(p))
        and not texts[breaks(p)[-1]].isdigit()
    )
    paged, added = _paged(copy, ["人民日报"], [], page, False, True)
    out = repair_document(paged)
    assert out.text.splitlines() == truth
    assert out.report.counts["furniture_lines_removed"] == len(added)


@pytest.mark.parametrize("rendering", ["lines", "spaced-lines", "runs"])
@pytest.mark.parametrize("place", ["before", "after"])
def test_a_one_page_copys_bare_folio_under_its_last_sentence_is_furniture(rendering, place):
    # A copy of one page prints its number once, at its foot: a bare figure
    # under the copy's last sentence.  Nothing recurs, nothing dresses it;
    # but a figure of the text never stands alone after a closed sentence.
    truth = TRUTH[:4]
    copy = render_copy(truth, Profile(place, rendering, "space-lines", "none", 24), random.Random(0), False)
    paged = copy.rstrip("\n") + ("\n" if rendering == "lines" else "\n\n") + "17\n"
    body = "\n".join(truth[:1] + ["\u3000\u3000" + p for p in truth[1:]])
    out = repair_document(paged + body if place == "before" else body + "\n" + paged)
    assert out.text.splitlines() == truth
    assert out.report.counts["furniture_lines_removed"] == 1


@pytest.mark.parametrize(
    "lines",
    [
        # A title cut after its opening figure keeps no gap.
        ("3", "部门联合发文", "推进城乡居民用药保障"),
        # A figure after an open clause is the text's, however it closes the lines.
        ("全年共接待游客", "17"),
        # A year is no page number, closing the lines or not.
        ("全年计划如期完成。", "2019"),
        # Before a heading set in with a gap, too.
        ("各地参与试点的城市共有", "17", "\u3000经济新闻"),
        # So is a figure going on into its unit.
        ("截至目前。", "17", "\u3000万人"),
    ],
)
def test_a_lone_figure_of_the_text_is_no_page_number(lines):
    assert not find_furniture(lines)


@pytest.mark.parametrize("rendering", ["lines", "spaced-lines", "runs"])
@pytest.mark.parametrize("head", ["人民日报\u30002019年10月24日\u3000星期四", "人民日報\u30002019年10月24日\u3000星期四"])
def test_the_first_page_heads_fixed_form_found_again_a_few_lines_on_is_the_next_pages_head(rendering, head):
    # A copy-only document opens with its page's head, in the fixed form
    # of the paper's name, the date and the weekday; the article starts at
    # that page's foot, so the same head stands again a few lines on, over
    # the next page, too close to count as a page apart.  Found opening
    # the copy, the form is furniture wherever it stands again.
    copy = render_copy(TRUTH, Profile("copy-only", rendering, "space-lines", "none", 20), random.Random(0), False)
    lines = copy.split("\n")
    content = [i for i, line in enumerate(lines) if line.strip()]
    cut = max(i for i in content if i < MIN_PAGE_GAP - 2)  # a first page of a few lines
    paged = tuple([head] + lines[:cut] + [head] + lines[cut:])
    assert set(find_furniture(paged)) == {0, cut + 1}
    assert repair_document("\n".join(paged)).text.splitlines() == TRUTH


def test_a_dated_head_a_lossy_decode_cut_is_still_a_head():
    # UTF-8 read as GBK loses a character's bytes here and there: the date's
    # 日 or the weekday may be gone, and the rest still says what the line is.
    from pipeline.mojibake import LOST
    from pipeline.rejoin import is_furniture_form

    assert is_furniture_form(f"13 文化 2019年10月22{LOST}星期{LOST}")
    assert is_furniture_form(f"人民日报 2019年10月22日 星期{LOST}")
    assert not is_furniture_form(f"2019年10月22{LOST}，记者来到")


@pytest.mark.parametrize(
    "head",
    ["11　要闻　2022年9月2日　星期五", "2022年9月2日  星期五  要闻  11", "长春日报  2022年9月2日  星期五", "2022年9月2日 星期五 | 要闻"],
)
def test_a_dated_head_seen_once_dressed_as_a_pages_head_is_furniture_inside_a_sentence(head):
    # A page break inside a sentence: the next page's head, once, stood
    # glued into the sentence ("…第十一次党代会" "11 要闻 … 星期五"
    # "代表资格；").  Beside its date it prints what only a page's head
    # prints: its page's number, the paper's name, the section after a bar.
    # A date with its weekday alone, the article's own, stays.
    text = expected_lines()[2]
    lines = (text[:20], "", text[20:40], "", head, "", text[40:60], "", text[60:])
    assert find_furniture(lines) == {4}
    assert find_furniture((text[:20], "", "2022年9月2日 星期五", "", text[20:40])) == set()


@pytest.mark.parametrize(
    "head",
    [
        "第 02 版  国内",
        "国内\u3000第2版",
        "人民日报 国际  2022年9月2日",
        "2022年9月2日 人民日报 要闻",
        # Read as GBK and lossy: the number's dress, the date's 日 lost.
        "\ufdd0 02 \ufdd0  视点",
        "人民日报 要闻  2019年10月28\ufdd0",
    ],
)
def test_a_head_seen_once_naming_its_section_is_furniture_inside_a_sentence(head):
    # A two-page copy's one head or foot, glued into the sentence a page
    # break cut ("…各民主党派、" "人民日报 国际  2019年10月27日" "工商联、…"):
    # beside its page number, or beside the paper's name and the date, it
    # names the page's section, as no line of an article does.  The
    # paper's name and a date alone may be an article's attribution.
    text = expected_lines()[2]
    lines = (text[:20], "", text[20:40], "", head, "", text[40:60], "", text[60:])
    assert find_furniture(lines) == {4}
    assert find_furniture((text[:20], "", "人民日报 2022年9月2日", "", text[20:40])) == set()


def test_a_head_a_lossy_decode_misread_one_character_of_is_the_head_it_repeats():
    # The weekday a lossy decode lost, read by the words the next line
    # makes ("星期" + "实的…" as 星期事): one head of four no longer recurs
    # as it stands, and stood glued into a sentence.  A short line one
    # character off a short recurring one is another word ("要求", "要闻").
    from pipeline.mojibake import LOST

    text = "".join(expected_lines()[2:12])
    pieces = [text[k : k + 20] for k in range(0, 20 * 4 * MIN_PAGE_GAP, 20)]
    head = f"13  文化  2019年10月22{LOST}  星期{LOST}"
    heads = [head, head, f"13  文化  2019年10月22{LOST}  星期事", head]
    lines: list[str] = []
    where = []
    for page, line in enumerate(heads):
        where.append(len(lines))
        lines += [line, *pieces[page * MIN_PAGE_GAP : (page + 1) * MIN_PAGE_GAP]]
    assert find_furniture(tuple(lines)) == set(where)
    short = [line if k not in where else ("要求" if k == where[2] else "要闻") for k, line in enumerate(lines)]
    assert where[2] not in find_furniture(tuple(short))

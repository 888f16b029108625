"""Broken copies anywhere in a document, built from the sample's real parts."""

from __future__ import annotations

import pytest

from pipeline import SectionKind, repair_document
from pipeline.canonical import canonical_paragraph, script_profile

from .support import COPY_COVERS, expected_lines, sample_parts, space_figures


def _kinds(result):
    return [s.kind for s in result.sections]


def test_copy_before_the_clean_body():
    clean, broken = sample_parts()
    out = repair_document("\n".join(broken + clean))
    assert _kinds(out) == [SectionKind.BROKEN, SectionKind.CLEAN]
    assert out.text.splitlines() == expected_lines()


def test_copy_between_two_clean_parts():
    clean, broken = sample_parts()
    out = repair_document("\n".join(clean[:30] + broken + clean[30:]))
    assert _kinds(out) == [SectionKind.CLEAN, SectionKind.BROKEN, SectionKind.CLEAN]
    assert out.text.splitlines() == expected_lines()


def test_two_copies_around_the_clean_body():
    clean, broken = sample_parts()
    out = repair_document("\n".join(broken + clean + broken))
    assert _kinds(out) == [SectionKind.BROKEN, SectionKind.CLEAN, SectionKind.BROKEN]
    assert out.text.splitlines() == expected_lines()
    assert out.report.counts["duplicate_paragraphs_removed"] == 2 * COPY_COVERS


def test_paragraph_only_the_copy_has_is_kept_at_its_place():
    clean, broken = sample_parts()
    # Drop clean paragraph 6 ("有涉滩之险...") from the clean body: the copy still has it.
    missing = clean[5]
    out = repair_document("\n".join(clean[:5] + clean[6:] + broken))
    assert out.text.splitlines() == expected_lines()
    assert out.report.counts["novel_paragraphs_kept"] == 1
    kept = [m for m in out.report.matches if m.kept]
    assert len(kept) == 1 and kept[0].kept == canonical_paragraph(missing)[0]


@pytest.mark.parametrize("rendering", ["lines", "spaced-lines", "runs"])
def test_a_paragraph_only_the_copy_has_run_into_two_before_it_follows_them(rendering):
    # No paragraph mark showed between three of the copy's paragraphs (each
    # of the first two ended on a full line), and the clean text lacks the
    # third, the longest: the copy's paragraph is mostly new text.  The two
    # clean paragraphs it also holds still say where it stands: after them
    # (it had been placed after the title, by its neighbours).
    import random

    from bench.degrade import Profile, render_copy

    truth = expected_lines()[:10]
    merged = truth[4] + truth[5] + truth[6]
    copy = render_copy(truth[:4] + [merged] + truth[7:], Profile("before", rendering, "space-lines", "none", 20), random.Random(0), False)
    body = [truth[0]] + ["\u3000\u3000" + p for p in truth[1:6] + truth[7:]]
    out = repair_document(copy + "\n\n" + "\n".join(body) + "\n")
    assert out.text.splitlines() == truth
    assert out.report.counts["partial_paragraphs_kept"] == 1


def test_sentence_only_the_copy_has_is_kept():
    clean, broken = sample_parts()
    # The clean paragraph 6 lacks its first sentence; the copy has it whole.
    cut = clean[:5] + ["\u3000\u3000面对集合多重挑战的压力测试，长春工业经济是如何提振发力，实现量质齐升的？"] + clean[6:]
    out = repair_document("\n".join(cut + broken))
    lines = out.text.splitlines()
    assert "有涉滩之险，有爬坡之艰。" in lines
    # It opened the copy's paragraph, so it goes before the clean one.
    assert lines.index("有涉滩之险，有爬坡之艰。") + 1 == lines.index("面对集合多重挑战的压力测试，长春工业经济是如何提振发力，实现量质齐升的？")
    assert out.report.counts["partial_paragraphs_kept"] == 1


def test_copy_only_document():
    _, broken = sample_parts()
    out = repair_document("\n".join(broken))
    assert _kinds(out) == [SectionKind.BROKEN]
    assert out.text.splitlines()[1:] == expected_lines()[1:COPY_COVERS]


@pytest.mark.parametrize(
    "rendering, marker, width",
    [
        ("spaced-lines", "indent-spaces", 49),
        ("spaced-lines", "indent-spaces", 55),
        ("spaced-lines", "space-lines", 53),
        ("runs", "indent-ideographic", 49),
        ("runs", "indent-spaces", 53),
        ("runs", "indent-spaces", 57),
        ("lines", "indent-spaces", 49),
        # Whole paragraphs on a line, indented and closed as web paragraphs
        # are, between the copy's runs: the copy's own, not clean text.
        ("runs", "indent-ideographic", 55),
        ("spaced-lines", "indent-ideographic", 51),
    ],
)
def test_a_copy_set_wide_is_read_as_a_copy(rendering, marker, width):
    # A copy with no clean body, set across a page: 49 to 57 characters a
    # line, wider than a newspaper's column.  Its open lines are as long as
    # short web paragraphs, yet stop mid-sentence: printed lines, to be
    # rejoined.  (In a spaced rendering a blank line stands between a printed
    # line and the line that continues it; in runs, the figures' short runs
    # hide the column the whole lines fill.)  Read as clean text, each printed
    # line came out as a paragraph of its own.
    import random

    from bench.degrade import Profile, render_copy

    copy = render_copy(expected_lines(), Profile("copy-only", rendering, marker, "none", width), random.Random(0), False)
    out = repair_document(copy)
    assert out.text.splitlines() == expected_lines()
    assert out.report.counts["fragments_joined"] > 0


def test_clean_document_has_no_broken_section():
    clean, _ = sample_parts()
    for text in ("\n".join(clean), "\n\n".join(clean), "\r\n".join(clean) + "\r\n"):
        out = repair_document(text)
        assert _kinds(out) == [SectionKind.CLEAN]
        assert out.text.splitlines() == expected_lines()


def test_traditional_copy_is_converted_to_the_dominant_script():
    import opencc

    clean, broken = sample_parts()
    trad = opencc.OpenCC("s2t").convert("\n".join(broken))
    out = repair_document("\n".join(clean) + "\n" + trad)
    assert out.text.splitlines() == expected_lines()
    alone = repair_document(trad)
    # A traditional copy on its own stays traditional: that is its dominant script.
    assert alone.report.counts["script_conversions"] == 0
    trad_chars, simp_chars = script_profile(alone.text)
    assert trad_chars > 50 * max(1, simp_chars)


def _canonical_lines(lines: list[str]) -> list[str]:
    return [canonical_paragraph(line)[0] for line in lines if line.strip()]


@pytest.mark.parametrize("first, second", [(0, 1), (2, 3), (1, 4)])
def test_bullet_points_that_repeat_the_articles_sentences_are_clean(first, second):
    # Under the title, bullet points repeat sentences of the article word for
    # word, each on a line of its own with blank lines between: each stands
    # inside the paragraph it sums up, like a copy's printed line.  But each
    # drops its sentence's full stop, which a printed line would have kept.
    import re

    lines = expected_lines()
    body = lines[3:20]
    sentences = [s for p in body for s in re.findall(r"[^。！？]+[。！？]", p) if 20 <= len(s) <= 60]
    top = ["长春：工业经济走出回升曲线", "量质齐升 交出亮眼成绩单"]
    top += ["■ " + sentences[first].rstrip("。！？"), "■ " + sentences[second].rstrip("。！？")]
    out = repair_document("\n\n".join(top + body))
    assert _kinds(out) == [SectionKind.CLEAN]
    assert out.text.splitlines() == _canonical_lines(top + body)


@pytest.mark.parametrize("rendering, marker, width", [("runs", "indent-ideographic", 20), ("spaced-lines", "space-lines", 24)])
def test_a_list_closing_the_clean_text_before_the_second_copy_is_clean(rendering, marker, width):
    # The article ends in a list of short open lines (a graphic's figures),
    # blank lines between, and the second copy follows it: the list looks like
    # the copy it touches.  But the copy starts at its cut title, and renders
    # the list again after it.
    import random

    from bench.degrade import Profile, render_copy

    lines = expected_lines()
    items = ["长春工业这一年", "7月规上工业增长", "22.4%", "8月规上工业增长41.6%", "新增“专精特新”企业175户",
             "服务企业群即时解决企业困难", "现场签约授信超过10亿元"]
    truth = [lines[0], *lines[3:12], *items]
    copy = render_copy(truth, Profile("two-copies", rendering, marker, "none", width), random.Random(0), False)
    out = repair_document(copy + "\n" + "\n\n".join(truth) + "\n" + copy)
    assert _kinds(out) == [SectionKind.BROKEN, SectionKind.CLEAN, SectionKind.BROKEN]
    assert out.text.splitlines() == truth


@pytest.mark.parametrize("sep", ["\n", "\n\n"])
def test_an_articles_head_may_print_its_subtitle_again_over_the_byline(sep):
    # An essay prints its title again between the dateline and the author's
    # name: a repeat with the article's own text after it, not right after
    # what it repeats, is the article's, and stays.
    lines = expected_lines()
    subtitle = "长春工业经济提振发力"
    body = [lines[0], subtitle, "新华社长春10月13日电", subtitle, "本报记者  张三", *lines[3:9]]
    out = repair_document(sep.join(body))
    assert _kinds(out) == [SectionKind.CLEAN]
    assert out.text.splitlines() == _canonical_lines(body)


@pytest.mark.parametrize("where", ["after", "before", "before, page number"])
def test_a_copy_of_the_head_alone_where_copies_stand_is_dropped(where):
    # The guard on the rule above: a copy too short to tell from clean text
    # (the title and subtitle on lines of their own) that detection left in
    # the clean text repeats the head after the article, or before it, right
    # before the lines it repeats (its page's number between, "- 2 -", holds
    # no words).  Dedup drops it, naming each line's twin.
    from pipeline.dedup import _drop_repeated_clean
    from pipeline.model import Paragraph

    lines = expected_lines()
    subtitle = "长春工业经济提振发力"
    article = [lines[0], subtitle, *lines[3:9]]
    copy = [lines[0], subtitle] + (["- 2 -"] if "page" in where else [])
    texts = article + copy if where == "after" else copy + article
    kept, dropped = _drop_repeated_clean([Paragraph(t, SectionKind.CLEAN, 0, n, n) for n, t in enumerate(texts)])
    start = 8 if where == "after" else len(copy)
    assert [p.text for p in kept] == texts[:start] + texts[start + 2 :]
    assert [(m.broken_start, m.clean_paragraphs) for m in dropped] == [(start, (0,)), (start + 1, (1,))]


def test_clean_article_may_repeat_a_paragraph():
    # A speech repeats its address; only a copy's title-like line is a repeat to drop.
    clean, _ = sample_parts()
    refrain = "\u3000\u3000同志们、朋友们！"
    body = clean[:4] + [refrain] + clean[4:10] + [refrain] + clean[10:]
    for sep in ("\n", "\n\n"):
        out = repair_document(sep.join(body))
        assert _kinds(out) == [SectionKind.CLEAN]
        assert out.text.splitlines() == _canonical_lines(body)


@pytest.mark.parametrize(
    "title, subtitle",
    [("长春：工业经济走出回升曲线", "长春工业经济提振发力"), ("长春：工业经济走出回升曲线", "结构更优质量更高更加绿色"),
     ("长春工业经济提振发力", "工业经济走出回升曲线")],
)
def test_an_articles_head_that_looks_like_a_copy_is_clean(title, subtitle):
    # Title, a subtitle made of the article's words, "核心阅读": short open
    # lines with blank lines between, the subtitle found inside a paragraph.
    # A copy before the article would repeat its title on a line of its own;
    # this title stands in no other title-sized line (a paragraph may quote
    # its words), so the block is the article's own head.
    lines = expected_lines()
    body = [title, subtitle, "核心阅读", *lines[3:20]]
    out = repair_document("\n\n".join(body))
    assert _kinds(out) == [SectionKind.CLEAN]
    assert out.text.splitlines() == _canonical_lines(body)


def test_a_tables_cells_may_repeat_in_clean_text():
    # A recruitment table: each post, its title and the number wanted, a line
    # each.  "副部长1" recurs by right; only the head of an article (its title
    # block) is what a copy repeats.
    clean, _ = sample_parts()
    table = ["招聘岗位", "招商部", "部长1", "副部长1", "投资服务部", "部长1", "副部长1", "规划建设部", "副部长1", "主管5"]
    body = clean[:6] + table + clean[6:12]
    for sep in ("\n", "\n\n"):
        out = repair_document(sep.join(body))
        assert out.text.splitlines() == _canonical_lines(body)


def test_clean_caption_block_is_not_taken_for_a_copy():
    # Short unpunctuated lines with blank lines between them, as a PDF copy has,
    # but their text is nowhere else in the article: they are the article's.
    clean, _ = sample_parts()
    captions = [
        "图①：长春一汽红旗繁荣工厂生产线。",
        "新华社记者\u00a0\u00a0张\u00a0\u00a0扬摄",
        "图②：长光卫星公司的卫星总装车间。",
        "本报记者\u00a0\u00a0李\u00a0\u00a0明摄",
        "图③：长春新区的一家生物医药企业。",
        "新华社记者\u00a0\u00a0王\u00a0\u00a0涛摄",
        "版式设计：赵\u00a0\u00a0华",
    ]
    body = clean + captions
    out = repair_document("\n\n".join(body))
    assert _kinds(out) == [SectionKind.CLEAN]
    assert out.text.splitlines() == _canonical_lines(body)


def test_lossy_copy_is_a_duplicate_of_the_clean_body():
    # UTF-8 read as GBK with errors=replace: characters the decode lost are
    # flagged in the copy, and must not make its sentences look new.  (The
    # sample's copy already lost its quotation marks to U+FFFD; that twice
    # damaged text comes out as 锟斤拷 and is counted unrecoverable, so this
    # test gives the copy its marks back first.)
    clean, broken = sample_parts()
    marked = "\n".join(broken).replace("\ufffd", "“")
    lossy = marked.encode("utf-8").decode("gbk", errors="replace")
    out = repair_document("\n".join(clean) + "\n" + lossy)
    assert out.text.splitlines() == expected_lines()
    assert "\ufffd" not in out.text



@pytest.mark.parametrize("first, width", [(1, 16), (7, 16), (10, 20), (28, 25)])
def test_short_article_with_a_paragraph_only_its_copy_has(first, width):
    # A short article (title and two paragraphs) whose web copy lacks the middle
    # paragraph, and its PDF copy after it, blank lines between everything.
    # The clean paragraphs are wider than the copy's column, so they cannot be
    # its printed lines; the copy's last lines finish a paragraph that its
    # open line before them began, so they are the copy's, not the article's.
    import random

    from bench.degrade import Profile, render_copy

    lines = expected_lines()
    truth = [lines[0], lines[first], lines[first + 1], lines[first + 2]]
    profile = Profile("copy-novel", "spaced-lines", "indent-ideographic", "none", width)
    copy = render_copy(truth, profile, random.Random(0), False)
    body = "\n\n".join([truth[0], truth[1], truth[3]])
    out = repair_document(body + "\n\n" + copy)
    assert out.text.splitlines() == truth
    assert out.report.counts["novel_paragraphs_kept"] == 1


@pytest.mark.parametrize("rendering, marker, width", [("spaced-lines", "none", 30), ("runs", "space-lines", 15), ("lines", "indent-ideographic", 22)])
def test_a_signature_only_the_copy_has_that_repeats_the_titles_words_is_kept(rendering, marker, width):
    # The copy (its title cut by its first words, so no twin of the clean
    # title) closes with a signature the web text lacks, "…课题组", made of
    # the title's words but three.  It also shares a phrase with a table's
    # caption of its size; that does not make it the caption's rendering, so
    # it stands out of the article's order there and is new.
    import random

    from bench.degrade import Profile, render_copy

    lines = expected_lines()
    caption = "表1看长春工业经济如何走稳走强的主要数据"
    signature = "强创新促发展看长春工业经济如何提振发力课题组"
    truth = [lines[0], *lines[1:4], caption, *lines[4:9]]
    copy = render_copy([lines[0][10:], *truth[1:], signature], Profile("copy-novel", rendering, marker, "none", width), random.Random(0), False)
    out = repair_document("\n".join(truth) + "\n" + copy)
    assert out.text.splitlines() == truth + [signature]
    assert out.report.counts["novel_paragraphs_kept"] == 1


@pytest.mark.parametrize("rendering, marker", [("spaced-lines", "none"), ("runs", "space-lines"), ("lines", "indent-spaces")])
def test_copy_of_only_what_the_web_text_lacks_is_kept(rendering, marker):
    # The copy after the article holds its title, whole on one line, and the
    # one paragraph the web text lacks: nothing else of the clean body.  Its
    # title names it a copy, however little of it the clean text holds; as
    # clean text, its printed lines would come out as paragraphs of their own.
    import random

    from bench.degrade import Profile, render_copy

    lines = expected_lines()
    truth = ["长春工业经济提振发力", lines[6], lines[25], lines[26], lines[28]]
    copy = render_copy(truth[:2], Profile("copy-novel", rendering, marker, "none", 40), random.Random(0), False)
    out = repair_document("\n".join([truth[0], *truth[2:]]) + "\n" + copy)
    assert out.text.splitlines() == truth


def test_novel_paragraph_keeps_a_sentence_that_only_resembles_the_clean_text():
    # Articles repeat formulas with other names.  The paragraph only the copy
    # has ends with such a variant of a clean sentence; it is the paragraph's
    # own sentence, not a duplicate, and must stay.
    import random

    from bench.degrade import Profile, render_copy

    lines = expected_lines()
    formula = lines[24]  # 这是长春市上下心无旁骛服务企业发展的一个缩影。
    variant = formula.replace("长春", "吉林")
    truth = [lines[0], lines[22], lines[23] + variant, formula]
    profile = Profile("copy-novel", "runs", "indent-ideographic", "none", 26)
    copy = render_copy(truth, profile, random.Random(0), False)
    out = repair_document("\n".join([truth[0], truth[1], truth[3]]) + "\n" + copy)
    assert out.text.splitlines() == truth


@pytest.mark.parametrize("rendering, marker, width", [("runs", "space-lines", 14), ("lines", "indent-ideographic", 20)])
def test_standfirst_spelled_with_the_articles_phrases_is_kept_whole(rendering, marker, width):
    # Only the copy has the standfirst, and it joins phrases of two clean
    # paragraphs with a few words of its own.  Those words are no insertion
    # into a clean sentence (the clean text never writes the two phrases side
    # by side): the whole sentence is new, not its four new characters.
    import random

    from bench.degrade import Profile, render_copy

    lines = expected_lines()
    standfirst = "量质齐头并进，长春工业经济提振发力，全市上下，是结构更优、质量更高、更加绿色的增长。"
    truth = [lines[0], standfirst, *lines[3:9]]
    copy = render_copy(truth, Profile("copy-novel", rendering, marker, "none", width), random.Random(0), False)
    out = repair_document("\n".join([truth[0], *truth[2:]]) + "\n" + copy)
    assert out.text.splitlines() == truth


@pytest.mark.parametrize("missing", [1, 2])
@pytest.mark.parametrize("rendering, marker, width", [("runs", "space-lines", 21), ("spaced-lines", "indent-spaces", 17)])
def test_text_the_article_writes_twice_is_kept_twice(missing, rendering, marker, width):
    # A standfirst, and the news agency's lead that says it again after its
    # dateline: the web text lost one of the two (1: the standfirst, 2: the
    # lead).  The copy renders the other one whole and says its text a second
    # time, which is what the web text lacks.
    import random

    from bench.degrade import Profile, render_copy

    lines = expected_lines()
    standfirst = lines[3]
    lead = "本报长春9月20日电（记者王明）" + standfirst[:-1] + "，规上工业增速连续两个月居全国前列。"
    truth = [lines[0], standfirst, lead, *lines[4:9]]
    copy = render_copy(truth, Profile("copy-novel", rendering, marker, "none", width), random.Random(0), False)
    out = repair_document("\n".join(t for i, t in enumerate(truth) if i != missing) + "\n" + copy)
    assert out.text.splitlines() == truth


@pytest.mark.parametrize(
    "rendering, marker, width",
    [("lines", "indent-ideographic", 31), ("lines", "indent-spaces", 24), ("spaced-lines", "indent-ideographic", 28)],
)
def test_the_clean_texts_last_line_run_into_the_copy_stays_last(rendering, marker, width):
    # The article closes with a short line that says again a sentence of its
    # body, and the copy follows with no blank line: the line goes with the
    # copy's section, before any of its matches.  It stands after the whole
    # clean text in the input, and that is where it goes, not before the title.
    import random

    from bench.degrade import Profile, render_copy

    lines = expected_lines()
    closing = "这一增速，是结构更优、质量更高、更加绿色的增长。"
    truth = [lines[0], *lines[3:12], closing]
    copy = render_copy(truth[:6], Profile("after", rendering, marker, "none", width), random.Random(0), False)
    body = "\n".join([truth[0]] + ["\u3000\u3000" + p for p in truth[1:-1]] + [closing])
    out = repair_document(body + "\n" + copy)
    assert out.text.splitlines() == truth


@pytest.mark.parametrize("rendering, marker, width", [("runs", "space-lines", 21), ("spaced-lines", "indent-spaces", 17)])
def test_short_sentence_inside_a_new_paragraph_is_kept(rendering, marker, width):
    # The paragraph only the copy has says, between two sentences of its own,
    # a short one the clean text also says elsewhere ("萨利姆先生说。" in an
    # interview).  Held anywhere is no sign the clean text holds it here.
    import random

    from bench.degrade import Profile, render_copy

    lines = expected_lines()
    novel = "全市工业企业加快复工复产，一批重大项目相继开工建设。砥柱中流，折冲千里。各地企业纷纷表示将继续加大投入力度。"
    assert "砥柱中流，折冲千里。" in lines[7:13]
    truth = [lines[0], *lines[3:7], novel, *lines[7:13]]
    copy = render_copy(truth, Profile("copy-novel", rendering, marker, "none", width), random.Random(0), False)
    out = repair_document("\n".join(t for t in truth if t != novel) + "\n" + copy)
    assert out.text.splitlines() == truth


def test_subtitle_only_the_copy_has_is_kept():
    # The web page lost the subtitle; the copy has it.  Its words recur in the
    # body it heads, which must not make it a duplicate of the body.
    import random

    from bench.degrade import Profile, render_copy

    lines = expected_lines()
    subtitle = "——长春工业经济提振发力纪实"
    truth = [lines[0], subtitle, lines[3], lines[5], lines[7]]
    profile = Profile("copy-novel", "spaced-lines", "none", "none", 23)
    copy = render_copy(truth, profile, random.Random(0), False)
    out = repair_document("\n".join(truth[:1] + truth[2:]) + "\n" + copy)
    assert out.text.splitlines() == truth


@pytest.mark.parametrize(
    "rendering, marker, width",
    [("spaced-lines", "none", 23), ("runs", "space-lines", 16), ("lines", "indent-spaces", 38), ("lines", "indent-lost", 30)],
)
def test_subtitle_only_the_copy_has_that_a_sentence_holds_whole_is_kept(rendering, marker, width):
    # The web page lost the subtitle; a sentence of the body holds all of
    # its words ("量质齐头并进，长春工业经济提振发力，交出…").  A heading
    # held whole is a duplicate only where it stands next to what stands
    # beside it in the copy (a piece of that sentence the rejoin cut off);
    # this one stands between the title and another paragraph.
    lines = expected_lines()
    subtitle = "长春工业经济提振发力"
    assert subtitle in lines[3] and not lines[3].startswith(subtitle)
    truth = [lines[0], subtitle, lines[5], lines[3], lines[7]]
    assert _repaired_beside_a_copy(truth, subtitle, rendering, marker, width) == truth


def _repaired_beside_a_copy(truth: list[str], novel: str, rendering: str, marker: str, width: int) -> list[str]:
    """The lines repair gives for the clean text without ``novel``, then a copy of all of ``truth``."""
    import random

    from bench.degrade import Profile, render_copy

    copy = render_copy(truth, Profile("copy-novel", rendering, marker, "none", width), random.Random(0), False)
    return repair_document("\n".join(t for t in truth if t != novel) + "\n" + copy).text.splitlines()


@pytest.mark.parametrize("rendering, marker, width", [("runs", "space-lines", 35), ("lines", "indent-spaces", 32)])
def test_subtitle_a_sentence_holds_after_the_titles_last_words_is_kept(rendering, marker, width):
    # The report's first sentence says the title's last words and the
    # subtitle in a row ("习近平抵达加德满都" / "开始对尼泊尔进行国事访问",
    # "…乘专机抵达加德满都，开始对尼泊尔进行国事访问。").  The subtitle runs
    # on from the title's last words there, not from the title.
    lines = expected_lines()
    title, subtitle = "长春工业稳中求进", "交出一份亮眼的成绩单"
    lead = "今年以来，全市工业稳中求进，交出一份亮眼的成绩单。" + lines[4]
    truth = [title, subtitle, lead, lines[5], lines[7]]
    assert _repaired_beside_a_copy(truth, subtitle, rendering, marker, width) == truth


@pytest.mark.parametrize("rendering, marker, width", [("spaced-lines", "none", 23), ("lines", "indent-spaces", 38)])
def test_subtitle_only_the_copies_have_that_a_sentence_holds_whole_is_kept_once(rendering, marker, width):
    # Two copies, before and after the clean text, both print the subtitle
    # the web page lost.  The first copy's is kept as new; the second's is
    # held as a paragraph of its own by then, and is its duplicate.
    import random

    from bench.degrade import Profile, render_copy

    lines = expected_lines()
    subtitle = "长春工业经济提振发力"
    truth = [lines[0], subtitle, lines[5], lines[3], lines[7]]
    copy = render_copy(truth, Profile("two-copies", rendering, marker, "none", width), random.Random(0), False)
    clean = "\n".join(t for t in truth if t != subtitle)
    out = repair_document(copy + "\n" + clean + "\n" + copy)
    assert out.text.splitlines() == truth


def test_a_heading_sized_piece_cut_off_a_clean_sentence_is_a_duplicate():
    # The guard on the rule above: a rejoin that cut a long paragraph after
    # a heading's worth of words ("从变量看质量，长春坚定不移地稳工业运行" /
    # "、稳项目投资…") left a piece the clean text holds run on into the
    # piece beside it: after it, before it, or, alone at the copy's edge,
    # opening a clean paragraph.
    lines = expected_lines()
    para = lines[7]
    cut = para.index("、稳项目投资")
    head, tail = para[:cut], para[cut:]
    clean_texts = [lines[0], lines[4], para, lines[8]]
    assert _merged(clean_texts, [lines[0], lines[4], head, tail, lines[8]]) == clean_texts
    assert _merged(clean_texts, [lines[4], head, lines[0]]) == clean_texts
    assert _merged(clean_texts, [head]) == clean_texts
    # A copy that opens cut off, on a heading's worth of a paragraph's last
    # words ("…的生动实践——"), then says something the clean text lacks.
    novel = "全市工业企业加快复工复产，一批重大项目相继开工建设。"
    assert "的生动实践——" not in _merged([lines[0], lines[12], lines[13], lines[14]], ["的生动实践——", novel])


@pytest.mark.parametrize("rendering, marker, width", [("lines", "indent-spaces", 32), ("lines", "space-lines", 40)])
def test_tiny_article_beside_its_copy(rendering, marker, width):
    # The web text is a title and one short paragraph, too few lines to outweigh
    # the copy's evidence; the title, whole in the web text and cut across two
    # lines in the copy, tells the two apart.
    import random

    from bench.degrade import Profile, render_copy

    lines = expected_lines()
    truth = [lines[0], lines[9], lines[12]]
    profile = Profile("copy-novel", rendering, marker, "none", width)
    copy = render_copy(truth, profile, random.Random(0), False)
    out = repair_document("\n".join([truth[0], truth[2]]) + "\n" + copy)
    assert _kinds(out)[0] is SectionKind.CLEAN
    assert out.text.splitlines() == truth



@pytest.mark.parametrize(
    "first, rendering, marker, width",
    [(7, "lines", "indent-ideographic", 36), (7, "spaced-lines", "space-lines", 30), (11, "lines", "indent-ideographic", 30)],
)
def test_copy_whose_title_fits_one_line_beside_a_short_article(first, rendering, marker, width):
    # The copy's title repeats the clean title exactly, so only the two
    # versions' lines tell them apart: the copy's stop mid-sentence.
    import random

    from bench.degrade import Profile, render_copy

    lines = expected_lines()
    truth = ["谋规划强创新促发展", lines[first], lines[first + 1]]
    profile = Profile("copy-novel", rendering, marker, "none", width)
    copy = render_copy(truth, profile, random.Random(0), False)
    out = repair_document("\n".join([truth[0], truth[2]]) + "\n" + copy)
    assert out.text.splitlines() == truth


def test_novel_sentence_spelled_by_two_clean_paragraphs_is_kept():
    # A short sentence of a paragraph only the copy has can be spelled by
    # phrases of two neighbouring clean paragraphs ("进出口商品结构" + "更加优化"
    # in a trade report).  Pieces from two places are no duplicate of a
    # sentence the article never wrote: it must stay whole.
    import random

    from bench.degrade import Profile, render_copy

    lines = expected_lines()
    novel = "企业经营收益增加，潜力持续释放。记者走访多家企业发现，新的订单正在陆续落地，生产线满负荷运转。"
    truth = [lines[0], lines[3], lines[7], lines[8], novel, lines[9], lines[12]]
    profile = Profile("copy-novel", "lines", "indent-ideographic", "none", 24)
    copy = render_copy(truth, profile, random.Random(0), False)
    body = [line for line in truth if line != novel]
    out = repair_document("\n".join(body) + "\n" + copy)
    assert out.text.splitlines() == truth


def test_a_closing_quote_on_a_line_of_its_own_stays_with_its_sentence():
    # A straight quotation mark that closes a paragraph, pushed onto a line of
    # its own (a page break fell there), is part of the paragraph: nothing may
    # be lost, not even a mark.
    import random

    from bench.degrade import Profile, render_copy

    lines = expected_lines()
    truth = [lines[0], lines[3], "“" + lines[4] + "”", lines[5]]
    source = [truth[0], truth[1], "“" + lines[4] + '"', truth[3]]
    profile = Profile("copy-only", "lines", "indent-ideographic", "none", 22)
    copy = render_copy(source, profile, random.Random(0), False).split("\n")
    k = next(i for i, line in enumerate(copy) if line.endswith('"'))
    copy[k : k + 1] = [copy[k][:-1], '"']
    out = repair_document("\n".join(copy))
    assert out.text.splitlines() == truth


def test_a_straight_closing_quote_ends_its_sentence():
    # Dedup keeps or drops whole sentences; a straight quote after the final
    # mark is part of the sentence it closes, never a sentence of its own
    # (which, holding no text, would be dropped).
    from pipeline.dedup import sentence_spans

    text = '他说：“只有奋斗才能创造奇迹！"家里几代人都在铁路系统工作。'
    assert [text[a:b] for a, b in sentence_spans(text)] == ['他说：“只有奋斗才能创造奇迹！"', "家里几代人都在铁路系统工作。"]


@pytest.mark.parametrize("rendering", ["lines", "spaced-lines"])
@pytest.mark.parametrize("first", ["这一增速，是结构更优、质量更高、更加绿色的增长。", "汽车工业是长春工业经济发展的中流砥柱。"])
def test_a_copy_ending_in_lines_that_close_sentences_is_still_a_copy(rendering, first):
    # A copy-only document whose last paragraphs happen to end every printed
    # line on a full stop: the full, indented first line runs on to an
    # unindented one, which web text (one indented paragraph a line) never
    # does.  The tail is the copy's, not a clean body.
    import random

    from bench.degrade import Profile, render_copy

    lines = expected_lines()
    width = len(first) + 2  # the indented first line fills the column exactly
    truth = lines[:12] + [first + "加快推进创新驱动发展战略。", "助力企业轻装上阵搞发展。"]
    copy = render_copy(truth, Profile("copy-only", rendering, "indent-ideographic", "none", width), random.Random(0), False)
    out = repair_document(copy)
    assert [s.kind for s in out.sections] == [SectionKind.BROKEN]
    assert out.text.splitlines() == truth


@pytest.mark.parametrize("second_copy", [False, True])
@pytest.mark.parametrize("title", ["长春工业经济提振发力", "长春工业"])
def test_a_title_block_opens_the_part_its_title_opens(title, second_copy):
    # Under the clean title, a graphic's figures and captions ("22.4%", "7月规上
    # 工业增长") look like the copy's printed lines before them, and the line
    # evidence gives them to the copy.  The title stands twice whole (the
    # copy's fits one line): each opens its part, whose first lines take the
    # part's kind.
    from bench.degrade import typeset
    from pipeline.compare import form_only
    from pipeline.detection import _split_twin_titles

    # (A title as short as four characters still opens its part.)
    lines = expected_lines()
    block = ["22.4%", "7月规上工业增长", "41.6%", "8月规上工业增长"]
    copy = [title] + [printed for para in block + lines[2:40] for printed in typeset(para, 20, False)]
    clean = [title, *block, *lines[2:40]]
    doc = tuple(copy + clean)
    forms = [form_only(line) for line in doc]
    content = [i for i, form in enumerate(forms) if form]
    # The evidence's labels: the copy broken, and the clean part's title block too.
    labels = [True] * (len(copy) + 1 + len(block)) + [False] * (len(clean) - 1 - len(block))
    if second_copy:
        # Two copies around the clean text: three whole titles, three parts.
        doc += tuple(copy)
        forms += [form_only(line) for line in copy]
        content = [i for i, form in enumerate(forms) if form]
        labels += [True] * len(copy)
    out = _split_twin_titles(doc, forms, labels, content)
    assert out == [True] * len(copy) + [False] * len(clean) + ([True] * len(copy) if second_copy else [])


@pytest.mark.parametrize("two", [False, True])
@pytest.mark.parametrize("first, width", [(3, 38), (6, 30), (10, 34)])
def test_tiny_copy_whose_title_lacks_its_first_words(first, width, two):
    # Before a short article (and after it, if two), a copy of its title and
    # first paragraph; the copy's title lost its first words and fits one
    # line.  No clean text drops its title's first words: the opening line is
    # a copy's title, the second copy's title is cut the same way, and the
    # whole title opens the clean text.
    from bench.degrade import typeset

    lines = expected_lines()
    truth = [lines[0], lines[first], lines[first + 1], lines[first + 2]]
    copy = ["看长春工业经济如何提振发力量质齐升"] + typeset(lines[first], width, False)
    out = repair_document("\n".join(copy + truth + (copy if two else [])))
    kinds = [SectionKind.BROKEN, SectionKind.CLEAN] + ([SectionKind.BROKEN] if two else [])
    assert [s.kind for s in out.sections] == kinds
    assert out.text.splitlines() == truth


@pytest.mark.parametrize("width, sep", [(35, "\n"), (20, "\n")])
def test_copy_title_without_its_first_words_before_a_graphic_under_the_clean_title(width, sep):
    # The copy comes first, its title cut of its first words on one line; under
    # the clean title, a graphic's figures look like a copy's lines and the
    # evidence gives them, and the clean title, to the copy.  The whole title
    # opens the part the evidence otherwise takes for clean text.
    from bench.degrade import typeset

    lines = expected_lines()
    block = ["22.4%", "7月规上工业增长", "41.6%", "8月规上工业增长"]
    truth = [lines[0], *block, *lines[3:30]]
    copy = ["  看长春工业经济如何提振发力量质齐升"] + [line for p in truth[1:] for line in typeset(p, width, True)]
    out = repair_document("\n".join(copy) + "\n" + sep.join(truth))
    assert _kinds(out) == [SectionKind.BROKEN, SectionKind.CLEAN]
    assert out.text.splitlines() == truth


def test_a_caption_the_copy_cuts_does_not_pass_for_the_title():
    # The copy's title fits one line and stands again, whole, over the clean
    # text; a caption under it is long enough for the copy to cut it across
    # two lines.  The title opens the two versions, not the caption: the
    # clean title and the figure under it belong to the clean part.
    from bench.degrade import typeset
    from pipeline.compare import form_only
    from pipeline.detection import _contained_in_longer_line, _split_repeated_title

    lines = expected_lines()
    title = "长春工业经济提振发力"
    block = ["22.4%", "7月份全市规模以上工业企业总产值同比增长22.4%　增速创年内新高"]
    copy = [title] + [printed for para in block + lines[2:40] for printed in typeset(para, 20, False)]
    clean = [title, *block, *lines[2:40]]
    doc = tuple(copy + clean)
    forms = [form_only(line) for line in doc]
    assert len(typeset(block[1], 20, False)) > 1
    labels = [True] * (len(copy) + 1 + len(block)) + [False] * (len(clean) - 1 - len(block))
    out = _split_repeated_title(doc, forms, labels, _contained_in_longer_line(forms))
    assert out == [True] * len(copy) + [False] * len(clean)


def test_three_versions_of_an_infographic_are_told_apart_by_their_lines():
    # Headings and captions close no sentence in any version, so stopping
    # mid-sentence tells nothing; but each copy cuts the clean text's lines,
    # which then stand inside longer lines, and the clean version's do not.
    # The title, short as it is, opens each version.
    import random
    import re

    from bench.degrade import Profile, render_copy
    from pipeline.compare import form_only
    from pipeline.detection import _contained_in_longer_line, _split_twin_titles

    items = [s.rstrip("。！？") for line in expected_lines()[1:14] for s in re.findall(r"[^。！？]+[。！？]", line)]
    truth = ["长春工业", *items[:16]]
    copy = render_copy(truth, Profile("two-copies", "spaced-lines", "indent-ideographic", "none", 32), random.Random(0), False)
    copy_lines = copy.split("\n")
    doc = tuple(copy_lines + truth + copy_lines)
    forms = [form_only(line) if line.strip() else "" for line in doc]
    content = [i for i, form in enumerate(forms) if form]
    out = _split_twin_titles(doc, forms, [True] * len(doc), content, _contained_in_longer_line(forms))
    n = len(copy_lines)
    assert out == [True] * n + [False] * len(truth) + [True] * n


def _opening_words(paragraph: str) -> str:
    """A paragraph's first 40 characters without a trailing comma: words an article may say twice (a lead, a standfirst)."""
    return paragraph[:40].rstrip("，、；：")


def _copy_of(paragraphs: list[str], marker: str = "space-lines", width: int = 24) -> str:
    import random

    from bench.degrade import Profile, render_copy

    return render_copy(paragraphs, Profile("copy-novel", "spaced-lines", marker, "none", width), random.Random(0), False)


@pytest.mark.parametrize("merged_with", ["before", "after"])
def test_a_paragraph_only_the_copy_has_goes_beside_what_the_copy_merged_it_with(merged_with):
    # No marker showed the break between two paragraphs, so the copy holds
    # them as one.  Paragraph 8 is the copy's alone: it follows the merged
    # paragraphs 6 and 7 (placed after 7, not after 6), or the copy merged it
    # into paragraph 9 (placed before 9, not after it).
    lines = expected_lines()[:12]
    if merged_with == "before":
        printed = [lines[0], *lines[1:6], lines[6] + lines[7], *lines[8:]]
    else:
        printed = [lines[0], *lines[1:8], lines[8] + lines[9], *lines[10:]]
    body = [lines[0]] + ["\u3000\u3000" + p for p in lines[1:8] + lines[9:]]
    out = repair_document("\n".join(body) + "\n" + _copy_of(printed))
    assert out.text.splitlines() == lines


def test_a_subtitle_only_the_copy_has_that_its_title_ran_into_is_kept_after_the_title():
    # The copy's title and a series subtitle the web text lacks, joined with no
    # sentence end between them: the title is a duplicate, the subtitle is new.
    lines = expected_lines()[:12]
    subtitle = "——长春工业经济观察①"
    body = [lines[0]] + ["\u3000\u3000" + p for p in lines[1:]]
    out = repair_document("\n".join(body) + "\n" + _copy_of([lines[0] + subtitle, *lines[1:]]))
    assert out.text.splitlines() == [lines[0], subtitle, *lines[1:]]


def test_two_copies_whose_narrower_one_cuts_the_others_first_title_line_again():
    # The first copy sets the title on two lines, the second (narrower) on
    # four; its first two spell the first copy's first line.  That line is a
    # piece of the title, not a whole title opening a clean part.
    import random

    from bench.degrade import Profile, render_copy

    truth = expected_lines()[:12]

    def copy(width: int) -> str:
        return render_copy(truth, Profile("two-copies", "runs", "space-lines", "none", width), random.Random(0), False)

    assert copy(32).split("\n")[0] == truth[0][:16]
    out = repair_document(copy(32) + "\n" + "\n\n".join(truth) + "\n" + copy(16))
    assert _kinds(out) == [SectionKind.BROKEN, SectionKind.CLEAN, SectionKind.BROKEN]
    assert out.text.splitlines() == truth


@pytest.mark.parametrize("wide, narrow", [(28, 14), (36, 18), (40, 20)])
def test_two_copies_whose_wider_one_prints_a_paragraphs_first_line_like_a_title(wide, narrow):
    # Both copies lost the title's first words.  The wider copy's first
    # paragraph line closes no sentence and the narrower copy cuts it across
    # two lines, as a copy cuts a title; but the clean paragraph goes on past
    # it, which a title's line never does.
    import random

    from bench.degrade import Profile, render_copy

    lines = expected_lines()
    truth = [lines[0], *lines[2:12]]

    def copy(width: int) -> str:
        profile = Profile("two-copies", "lines", "space-lines", "none", width)
        return render_copy([truth[0][4:], *truth[1:]], profile, random.Random(0), False)

    out = repair_document(copy(wide) + "\n" + "\n\n".join(truth) + "\n" + copy(narrow))
    assert _kinds(out) == [SectionKind.BROKEN, SectionKind.CLEAN, SectionKind.BROKEN]
    assert out.text.splitlines() == truth


@pytest.mark.parametrize(
    "marker, rendering, width",
    [("space-lines", "lines", 30), ("indent-spaces", "spaced-lines", 34), ("indent-ideographic", "spaced-lines", 38)],
)
def test_two_copies_whose_first_prints_the_title_whole(marker, rendering, width):
    # The first copy is wide enough to print the title on one line, as the
    # clean text does; only the second cuts it.  Two whole titles, then: the
    # part whose lines the evidence gives to the copy is the copy.
    import random

    from bench.degrade import Profile, render_copy

    truth = expected_lines()[:12]

    def copy(w: int) -> list[str]:
        return render_copy(truth, Profile("two-copies", rendering, marker, "none", w), random.Random(0), False).split("\n")

    title_lines = 2 if rendering == "lines" else 4  # the cut title's two lines, with their blank lines
    first = [truth[0]] + copy(width)[title_lines:]
    body = truth[:1] + ["\u3000\u3000" + p for p in truth[1:]]
    out = repair_document("\n".join(first + body + copy(width - 6)))
    assert _kinds(out) == [SectionKind.BROKEN, SectionKind.CLEAN, SectionKind.BROKEN]
    assert out.text.splitlines() == truth


@pytest.mark.parametrize("rendering, width", [("lines", 24), ("spaced-lines", 28), ("lines", 32)])
def test_two_copies_that_both_lack_the_titles_first_words(rendering, width):
    # The wider copy prints the cut title on one line, the narrower cuts it
    # again; the clean title ends with it.  That line is the title without
    # its first words, opening a copy, not a whole title opening clean text.
    import random

    from bench.degrade import Profile, render_copy

    truth = expected_lines()[:12]
    cut = truth[0][4:]

    def copy(w: int) -> list[str]:
        profile = Profile("two-copies", rendering, "space-lines", "none", w)
        return render_copy([cut, *truth[1:]], profile, random.Random(0), False).split("\n")

    title_lines = 2 if rendering == "lines" else 4
    first = [cut] + copy(width + 8)[title_lines:]
    body = truth[:1] + ["\u3000\u3000" + p for p in truth[1:]]
    out = repair_document("\n".join(first + body + copy(width)))
    assert _kinds(out) == [SectionKind.BROKEN, SectionKind.CLEAN, SectionKind.BROKEN]
    assert out.text.splitlines() == truth


def test_a_clean_part_ending_in_the_next_copys_head_is_told_by_its_first_lines():
    # Title and subtitle stand whole in the first copy and in the clean text;
    # the second copy cuts the subtitle, after its page head and its whole
    # title.  The evidence gave the clean part's paragraphs to the clean
    # text, and the second copy's head to the copy: the clean part is told by
    # its first lines (four of five clean), not by the copy's lines it runs
    # into before that copy's cut subtitle.
    from pipeline import detection
    from pipeline.compare import form_only

    lines = expected_lines()
    title, subtitle = lines[0].split("—")
    printed = [lines[1][:20], lines[1][20:], lines[2][:20], lines[2][20:40], lines[2][40:60], lines[2][60:]]
    copy1 = [title, subtitle, *printed]
    clean = [title, "\u3000\u3000" + subtitle, *["\u3000\u3000" + p for p in lines[1:5]]]
    copy2 = ["人民日报\u30002019年10月11日\u3000星期五", title, subtitle[:10], subtitle[10:], *printed]
    doc = tuple(copy1 + clean + copy2)
    evidence = [True] * len(copy1) + [False] * len(clean) + [True] * len(copy2)
    out = detection._split_repeated_title(doc, [form_only(line) for line in doc], evidence)
    assert out == evidence


def test_a_copy_of_two_lines_stays_a_copy_where_they_say_so_loudly():
    # Fewer than three lines are too few to call a copy on weak cues, but
    # two that each carry a copy's strongest (a lost quotation mark, another
    # script, text the clean lines hold) are a copy all the same; two weak
    # ones stay clean.
    from pipeline import detection
    from pipeline.detection import LineEvidence

    def run(llrs: list[float]) -> list[bool]:
        evidence = [LineEvidence(detection.CONTENT, -8.0)] * 4 + [LineEvidence(detection.CONTENT, x) for x in llrs]
        labels = [False] * 4 + [True] * len(llrs)
        return detection._drop_thin_broken(evidence, labels)

    assert run([7.2, 5.2]) == [False] * 4 + [True, True]
    assert run([5.1, 5.2]) == [False] * 4 + [True, True]
    assert run([3.5, 5.4]) == [False] * 6
    assert run([9.0]) == [False] * 5
    assert run([1.0, 1.0, 1.0]) == [False] * 4 + [True] * 3


def test_two_loud_lines_between_clean_lines_are_the_articles_headings():
    # A copy stands at the document's edge (or is long enough to show it
    # whole); two short lines between clean paragraphs, loud as a copy's
    # (words the title and a paragraph hold: "新任务" / "多学科联合观监测"),
    # are a heading and its subtitle, and had been dropped as duplicates.
    from pipeline import detection
    from pipeline.detection import LineEvidence

    clean = [LineEvidence(detection.CONTENT, -6.0)] * 3
    evidence = clean + [LineEvidence(detection.CONTENT, 4.5), LineEvidence(detection.CONTENT, 5.2)] + clean
    labels = [False] * 3 + [True, True] + [False] * 3
    assert detection._drop_thin_broken(evidence, labels) == [False] * 8


def _last_copy_line_left_clean(
    convert=lambda text: text, strip: str = "", left: int = 1, garbled: bool = False
) -> tuple[list[bool], list[bool]]:
    """(settled, expected) labels of a copy before the clean text whose last ``left`` lines the evidence left clean.

    The copy's last printed line ("…顺利交付……") touches the clean title with
    no blank line between; ``convert`` is applied to the copy, ``strip``
    taken off its last line's end; with ``garbled``, the encoding stage
    restored every line of the copy from a wrong codec.
    """
    import random

    from bench.degrade import Profile, render_copy

    lines = expected_lines()
    truth = [lines[0], *lines[28:32]]
    copy = render_copy(truth, Profile("before", "lines", "indent-spaces", "none", 26), random.Random(0), False)
    copy_lines = convert(copy.rstrip("\n")).split("\n")
    copy_lines[-1] = copy_lines[-1].rstrip(strip)
    doc = tuple(copy_lines + [truth[0]] + ["\u3000\u3000" + p for p in truth[1:]])
    labels = [True] * (len(copy_lines) - left) + [False] * (len(doc) - len(copy_lines) + left)
    restored = frozenset(i for i, line in enumerate(copy_lines) if line.strip()) if garbled else frozenset()
    settled = _settled(doc, labels, restored)
    return settled, [True] * len(copy_lines) + [False] * (len(doc) - len(copy_lines))


@pytest.mark.parametrize("width", [20, 30, 40])
def test_a_traditional_copys_source_line_under_its_title_beside_simplified_clean_text_is_the_copys(width):
    # A traditional copy after the clean text opens with its title and the
    # page's source line under it, both left on the clean side.  The source
    # line writes one traditional character (報), too few alone to tell its
    # script, and it stood on the edge, so neither it nor the title behind
    # it moved: the title came out twice.  Beside the title's traditional
    # line, with no simplified character, it is the copy's.
    import random

    import opencc

    from bench.degrade import Profile, render_copy

    lines = expected_lines()
    truth = [lines[0], *lines[28:32]]
    printed = render_copy(truth, Profile("after", "lines", "none", "none", width), random.Random(0), False)
    copy = opencc.OpenCC("s2t").convert(printed.rstrip("\n")).split("\n")
    # (The copy's title lines: the pieces of the clean title.)
    head = next(k for k, line in enumerate(copy) if opencc.OpenCC("t2s").convert(line) not in lines[0])
    assert head >= 1
    copy = [*copy[:head], "《人民日報》（2022年10月13日 第 01 版）", *copy[head:]]
    doc = tuple([truth[0]] + ["\u3000\u3000" + p for p in truth[1:]] + copy)
    clean = len(truth) + head + 1
    settled = _settled(doc, [False] * clean + [True] * (len(doc) - clean))
    assert settled == [False] * len(truth) + [True] * len(copy)


def test_a_copys_last_line_ending_in_an_ellipsis_is_no_title():
    # The last line stands inside a clean paragraph, so it is the copy's
    # fragment: an ellipsis closes a sentence, as 。 does, and the clean
    # text's first line may be kept as its title only where it closes none.
    settled, expected = _last_copy_line_left_clean()
    assert settled == expected


def test_a_traditional_copys_last_lines_beside_simplified_clean_text_are_the_copys():
    # Two traditional lines left on the clean side: each is beside the other,
    # which must not count as clean text in traditional script.
    import opencc

    settled, expected = _last_copy_line_left_clean(opencc.OpenCC("s2t").convert, left=2)
    assert settled == expected


def test_a_traditional_copys_last_line_beside_simplified_clean_text_is_the_copys():
    # The copy is in traditional script, the clean text all simplified; the
    # last line, without its ellipsis, is told by its script alone.
    import opencc

    settled, expected = _last_copy_line_left_clean(opencc.OpenCC("s2t").convert, strip="…")
    assert settled == expected


@pytest.mark.parametrize("left", [1, 2, 3])
def test_a_copys_last_lines_restored_from_a_wrong_codec_beside_clean_text_are_the_copys(left):
    # The copy went through a lossy wrong codec, which the encoding stage
    # undid but for the characters it lost ("长" here); the clean text
    # beside it needed no such repair.  Its last lines, left on the clean
    # side, are no longer found inside clean lines (they lost characters)
    # nor end with the ellipsis that would show one closing a sentence:
    # they are told by that mark alone, as a traditional copy's are by
    # their script.
    from pipeline.mojibake import LOST

    settled, expected = _last_copy_line_left_clean(
        lambda text: text.replace("长", LOST), strip="…", left=left, garbled=True
    )
    assert settled == expected


@pytest.mark.parametrize("subheads, paragraphs", [(2, 4), (3, 7)])
@pytest.mark.parametrize("cut", [8, 15])
def test_copies_of_the_title_block_alone_through_a_wrong_codec_are_copies(subheads, paragraphs, cut):
    # A copy cut short after its title block (title, subheads, the lead's
    # first words), printed before the clean text and again after it, in
    # UTF-8 read as Latin-1.  Its short open lines, a blank line between,
    # look like the clean title block under them, which the evidence took
    # over with the first copy; then both copies read as the article's own
    # head and foot, and came out as paragraphs.  The codec the copies
    # alone went through says what they are.
    lines = expected_lines()
    head = [lines[0], "长春工业经济提振发力", "量质齐头并进", "从挑战看应战"][: 1 + subheads]
    body = lines[1 : 1 + paragraphs]
    copy = "".join(line.encode("utf-8").decode("latin-1") + "\n\n" for line in [*head, body[0][:cut]])
    doc = copy + "\n\n" + "\n\n".join("    " + line for line in head + body) + "\n" + copy
    out = repair_document(doc)
    assert _kinds(out) == [SectionKind.BROKEN, SectionKind.CLEAN, SectionKind.BROKEN]
    assert out.text.splitlines() == _canonical_lines(head + body)


@pytest.mark.parametrize("rendering", ["runs", "lines", "spaced-lines"])
@pytest.mark.parametrize("prefix", [" ", "    ", "\u3000\u3000"])
@pytest.mark.parametrize("gap", ["\u3000", " "])
def test_web_text_parted_by_white_space_lines_keeps_its_indented_title_block(rendering, prefix, gap):
    # Web text that puts a line holding a space or U+3000 after every
    # paragraph, and indents its title, between two copies.  Those lines
    # are what a copy's paragraph marks look like, so its title block's
    # short open lines (title, subtitle, "核心阅读") read as the first copy's
    # last lines, and the indented title as a copy's printed line: the clean
    # title was lost and the second copy's head came out.  A white-space line
    # between every two lines is the text's gap, no copy's mark.
    import random

    from bench.degrade import Profile, render_copy

    lines = expected_lines()
    truth = [lines[0], "长春工业经济提振发力", "核心阅读", *lines[1:10]]
    copy = render_copy(truth, Profile("two-copies", rendering, "space-lines", "none", 24), random.Random(0), False)
    clean = prefix + truth[0] + "\n" + "".join(gap + "\n" + p + "\n" for p in truth[1:])
    out = repair_document(copy + "\n" + clean + copy)
    assert _kinds(out) == [SectionKind.BROKEN, SectionKind.CLEAN, SectionKind.BROKEN]
    assert out.text.splitlines() == truth


@pytest.mark.parametrize("width, lead, after", [(26, 3, 2), (26, 3, 6), (26, 6, 2), (30, 3, 6), (30, 6, 2), (40, 6, 2)])
def test_a_copys_own_list_read_as_clean_text_does_not_stand_for_the_articles_start(width, lead, after):
    # Two copies around the article, indented with U+3000 and closing their
    # sentences: a list of one-line items (years and what they saw), closed
    # with ；, reads as web text inside the first copy.  Left clean while
    # the copy's edges were settled, it stood as the article's first line,
    # so the title opening the real clean text (words its lead paragraph
    # repeats) no longer counted as that title and went to the copy as a
    # fragment of the lead.  A clean island inside one copy that the copy
    # holds nowhere else is the copy's before the edges are settled.
    import random

    from bench.degrade import Profile, render_copy

    lines = expected_lines()
    items = [
        "1977年，年仅18岁的" + lines[9][:-1] + "；",
        "1979年，" + lines[62][:-1] + "；",
        "1991年，" + lines[12][:-1] + "；",
        "……",
    ]
    truth = [lines[3][:17], *lines[1:lead], *items, *lines[lead : lead + after]]
    copy = render_copy(truth, Profile("before", "spaced-lines", "indent-ideographic", "none", width), random.Random(0), False)
    out = repair_document(copy + "\n" + "\n".join(truth) + "\n" + copy)
    assert out.text.splitlines() == truth


def test_a_running_head_is_no_title_to_split_versions_by():
    # A copy's pages each open with the paper's name: the document's first
    # line stands again, whole, further on, like a title printed by two
    # versions; but a page head is no title, and the copy stays whole.
    from pipeline import detection
    from pipeline.compare import form_only

    lines = expected_lines()
    printed = [p[k : k + 20] for p in lines[1:4] for k in range(0, len(p), 20)]
    # Three pages, the last holding a line only.
    copy = ["人民日报", *printed[:5], "人民日报", *printed[5:-1], "人民日报", printed[-1]]
    clean = [lines[0]] + ["\u3000\u3000" + p for p in lines[1:40]]
    doc = tuple(copy + clean)
    evidence = [True] * len(copy) + [False] * len(clean)
    out = detection._split_repeated_title(doc, [form_only(line) for line in doc], evidence)
    assert out == evidence


@pytest.mark.parametrize("layout, seed", [("both", 12), ("both", 33), ("extra_para", 8)])
def test_a_version_is_told_by_its_text_not_by_its_whole_title(layout, seed):
    # Documents of the second generator (bench/heldout.py) from a short
    # article cut from the fixture: every version prints its title whole, the
    # copies' titles hold the clean one, and the evidence gives the clean
    # title to a copy.  The clean version's text, under its title, says what
    # kind of version it is.
    import random

    from bench.heldout import build_case

    lines = expected_lines()
    article = {"title": lines[0], "paragraphs": lines[1:6], "id": "fixture"}
    case = build_case(article, layout, "none", random.Random(seed))
    assert repair_document(case.document).text == case.truth


def test_a_source_line_naming_what_the_title_names_is_no_longer_title():
    # The title printed whole by one copy and by the clean text, cut by the
    # other copy; the article ends with its source, "数据来源：" and the
    # title's words.  That line ends with the title but is no version of it
    # with more words: what follows it is not what follows the title.
    import random

    from bench.degrade import Profile, render_copy

    title = "长春工业经济提振发力"
    paras = [canonical_paragraph(line)[0] for line in expected_lines()[1:6]] + ["数据来源：" + title]
    wide = render_copy([title, *paras], Profile("two-copies", "runs", "none", "none", 24), random.Random(0), False)
    narrow = render_copy([title, *paras], Profile("two-copies", "runs", "none", "none", 14), random.Random(0), False)
    assert title in wide.split("\n") and title not in narrow.split("\n")
    clean = "\n".join([title] + ["\u3000\u3000" + p for p in paras])
    out = repair_document(wide + "\n" + clean + "\n" + narrow)
    assert out.text.splitlines() == [title, *paras]


def test_a_printed_line_that_ends_with_the_title_words_is_no_title():
    # A paragraph only the copy has wraps right after the title's words
    # ("…，是保护渔业资源和海洋生态环境" / "的重要措施…").  That line ends with
    # the copy's title, cut across two lines at its head, but what follows
    # it is the paragraph going on, not the subtitle that follows the title.
    from bench.degrade import typeset

    title, subtitle = "保护渔业资源和海洋生态环境", "广东压减渔船4782艘"
    first = canonical_paragraph(expected_lines()[2])[0]
    novel = "实施减船转产工程，是保护渔业资源和海洋生态环境的重要措施，是当前降低海洋捕捞强度、养护渔业资源最直接、最有效的措施和手段。"
    copy = ["保护渔业资源和海洋生态", "环境", subtitle, *typeset(first, 23, False)]
    copy += ["实施减船转产工程，是保护渔业资源和海洋生态环境", "的重要措施，是当前降低海洋捕捞强度、养护渔业资", "源最直接、最有效的措施和手段。"]
    document = "\n\n".join(copy) + "\n\n" + "\n".join([title, subtitle, "\u3000\u3000" + first]) + "\n"
    assert repair_document(document).text.splitlines() == [title, subtitle, first, novel]


@pytest.mark.parametrize(
    "rendering, marker, width", [("runs", "indent-lost", 21), ("lines", "none", 30), ("spaced-lines", "space-lines", 17)]
)
def test_a_paragraph_only_the_copy_has_that_quotes_a_subheading_is_kept_whole(rendering, marker, width):
    # The copy prints the subheading on its own, and then a paragraph the web
    # text lacks that opens by saying the subheading again.  The copy renders
    # each clean paragraph once, so its subheading is the copy of the clean
    # one; the paragraph's first sentence is its own, not a duplicate to drop.
    import random

    from bench.degrade import Profile, render_copy

    lines = expected_lines()
    subheading = lines[21]
    novel = subheading + "。这是一年来长春工业人的共同心声，也是各项工作的生动写照。"
    truth = [lines[0], lines[20], subheading, novel, lines[22], lines[23]]
    copy = render_copy(truth, Profile("copy-novel", rendering, marker, "none", width), random.Random(0), False)
    out = repair_document("\n".join(t for t in truth if t != novel) + "\n" + copy)
    assert out.text.splitlines() == truth


@pytest.mark.parametrize("rendering, width", [("lines", 16), ("spaced-lines", 22), ("runs", 30)])
def test_the_clean_texts_last_line_against_the_copys_title_stays_clean(rendering, width):
    # The web text (blank lines between its paragraphs) ends with a subheading
    # and the copy follows on the next line, its title first.  The copy is
    # mostly a paragraph the web text lacks, so the copy's lines are mostly
    # not the clean text's; but the line right before the copy's title is the
    # clean text's, not a line of the copy run into that title.
    import random

    from bench.degrade import Profile, render_copy

    lines = expected_lines()
    title, novel, paragraph, subheading = lines[0], lines[43], lines[44], lines[45]
    copy = render_copy([title, novel, paragraph], Profile("copy-novel", rendering, "space-lines", "none", width), random.Random(0), False)
    body = "\n\n".join([title, paragraph, subheading])
    out = repair_document(body + "\n" + copy + "\n")
    assert out.text.splitlines() == [title, novel, paragraph, subheading]


def test_versions_told_by_containment_pass_over_headings_both_print_whole():
    # An infographic's article: a short title ("中国华融") opens both versions,
    # and its many headings are short enough for the copy's column, so they
    # stand whole in both and inside no longer line.  They tell nothing; the
    # rest tells the copy (its lines stand inside the clean text's longer
    # ones) from the clean version (whose lines stand in none).  Counted with
    # the headings, the copy's share fell short and both stayed one kind.
    import random
    import re

    from bench.degrade import Profile, render_copy
    from pipeline.compare import form_only
    from pipeline.detection import _contained_in_longer_line, _versions_by_containment

    lines = expected_lines()
    headings = [lines[21], lines[34], lines[45], lines[51], lines[13], lines[9], lines[12]]
    first_sentences = [re.match(".+?[。；]", p).group() for p in (lines[14], lines[35], lines[46], lines[53], lines[15], lines[10])]
    paragraphs = [*first_sentences, lines[62]]
    truth = ["中国华融"] + [x for pair in zip(headings, paragraphs) for x in pair]
    copy = render_copy(truth, Profile("before", "lines", "none", "none", 36), random.Random(0), False)
    doc = tuple((copy + "\n\n" + "\n\n".join(truth)).split("\n"))
    forms = [form_only(line) if line.strip() else "" for line in doc]
    content = [i for i, f in enumerate(forms) if f]
    contained = _contained_in_longer_line(forms)
    second = [i for i in content if forms[i] == "中国华融"][1]
    labels = _versions_by_containment(forms, [True] * len(doc), content, contained)
    assert all(labels[i] for i in content if i < second)
    assert not any(labels[i] for i in content if i >= second)


@pytest.mark.parametrize("rendering, width", [("runs", 26), ("runs", 22), ("spaced-lines", 24)])
def test_a_short_title_its_lead_repeats_is_kept_after_a_copy_before_the_clean_text(rendering, width):
    # The copy comes first and the clean text's title, four characters,
    # stands on the line after it.  The lead repeats the title's words, so a
    # line of that text stands inside a clean line, and the title had gone
    # with the copy and been dropped as a duplicate, with the copy's own:
    # the output had no title.  The copy's last line that says again the
    # line it opened with is the clean title.
    import random

    from bench.degrade import Profile, render_copy

    lines = expected_lines()
    title = "前三季度"
    lead = "本报长春9月20日电（记者王明）长春市工信局20日举行新闻发布会。数据显示，前三季度，长春规上工业增加值增长22.4%。"
    truth = [title, lines[1], lead, lines[4], lines[5]]
    copy = render_copy(truth, Profile("before", rendering, "indent-ideographic", "none", width), random.Random(0), False)
    body = "\n".join([title] + ["\u3000\u3000" + p for p in truth[1:]])
    out = repair_document(copy + "\n\n" + body + "\n")
    assert out.text.splitlines() == truth


@pytest.mark.parametrize("rendering, width", [("spaced-lines", 17), ("runs", 22), ("lines", 17)])
def test_the_clean_title_between_two_copies_is_settled_before_the_second_copys_start(rendering, width):
    # Two copies around the web text, each under its page head and printing
    # it again at its page break.  The evidence left the web text's title
    # block (title, byline, subtitle) with the first copy, and the second
    # copy's head and title touch the clean text.  Moved first, that head
    # (which its copy repeats) and the title under it, which the clean text
    # lacked while its own title was still the copy's, took the clean
    # title's place: the clean title, left with the first copy, was dropped
    # as a duplicate.  A copy's end settles before the next copy's start.
    import random

    from bench.degrade import Profile, render_copy

    truth = ["振兴老工业基地", "本报记者  王明", "长春工业经济提振发力", *expected_lines()[1:5]]
    head = "人民日报 要闻  2019年10月5日"
    printed = render_copy(truth, Profile("both", rendering, "none", "none", width), random.Random(0), False).split("\n")
    middle = len(printed) // 4 * 2
    copy = [head, "", *printed[:middle], head, "", *printed[middle:]]
    body = [truth[0], ""] + [line for p in truth[1:] for line in ("    " + p, "")]
    doc = tuple(copy + ["", ""] + body + copy)
    clean_title = len(copy) + 2
    labels = [k < clean_title + 5 or k >= clean_title + len(body) for k in range(len(doc))]
    settled = _settled(doc, labels)
    assert not settled[clean_title]
    assert all(settled[: len(copy)])


@pytest.mark.parametrize(
    "credits",
    [
        ["长春工业经济研究课题组", "金赛国际医药产业园", "百克生物制药研发基地"],
        ["谋规划强创新促发展课题组", "金赛国际医药产业园", "百克生物制药研发基地"],
    ],
)
@pytest.mark.parametrize("sep", ["\n", "\n\n"])
def test_an_articles_closing_credit_lines_are_its_own(credits, sep):
    # A report ends with the bodies behind it, a name a line: short lines
    # closing nothing, whose words the article has used ("金赛国际医药产业园、
    # 百克生物制药研发基地" in a paragraph, the title's words before "课题组").
    # They look like a copy's printed lines and are covered by the text, but
    # a copy after the article opens with its title; these had been joined
    # into one line and dropped as a duplicate, the last name lost.
    clean, _ = sample_parts()
    body = clean + credits
    out = repair_document(sep.join(body))
    assert _kinds(out) == [SectionKind.CLEAN]
    assert out.text.splitlines() == _canonical_lines(body)


@pytest.mark.parametrize("title", ["长春市工业和信息化局", "吉林省长春市工业和信息化局"])
@pytest.mark.parametrize("sep", ["\n", "\n\n"])
def test_a_source_line_under_the_text_that_ends_with_the_title_is_no_title(title, sep):
    # An institution's report, titled with its name, closes with its source:
    # "数据来源：" and the name.  That last line ends with the whole opening
    # line, as a title holds a copy's title that lacks its first words, and
    # the whole article had been taken for such a copy of it.  Two versions
    # of a title are followed alike (a subtitle, a first paragraph); nothing
    # follows the source line.
    lines = expected_lines()
    body = [title, "示范引领 产教融合 立德树人", *lines[1:12], "数据来源：" + title]
    out = repair_document(sep.join(body))
    assert _kinds(out) == [SectionKind.CLEAN]
    assert out.text.splitlines() == _canonical_lines(body)


@pytest.mark.parametrize("rendering", ["lines", "spaced-lines"])
@pytest.mark.parametrize("width", [30, 38])
def test_a_short_copy_after_the_text_opening_with_a_short_title_is_a_copy(rendering, width):
    # A short block closing the document is the article's foot unless it
    # opens with the title; a four-character title ("前三季度") is too short
    # to count as a title line, but a copy of the article's head opening
    # with it is still a copy.
    import random

    from bench.degrade import Profile, render_copy

    title = "前三季度"
    lead = "本报北京10月30日电（记者吴秋余）国家税务总局30日举行新闻发布会，发布减税降费统计核算情况。数据显示，前三季度，全国累计新增减税降费17834亿元。"
    truth = [title, "全国累计新增减税降费17834亿元", lead, *expected_lines()[5:9]]
    copy = render_copy(truth[:3], Profile("after", rendering, "space-lines", "none", width), random.Random(0), False)
    assert 3 <= sum(1 for line in copy.split("\n") if line.strip()) <= 5
    body = "\n".join([title] + ["\u3000\u3000" + p for p in truth[1:]])
    out = repair_document(body + "\n\n" + copy + "\n")
    assert _kinds(out) == [SectionKind.CLEAN, SectionKind.BROKEN]
    assert out.text.splitlines() == truth


@pytest.mark.parametrize("width,cut", [(24, 14), (27, 11), (29, 9)])
def test_a_printed_line_that_quotes_the_title_and_closes_a_sentence_is_no_title(width, cut):
    # The title is a quotation the article closes with ("…，中国的真诚帮助让我
    # 们感动。”"), and the copy wraps right before it: a printed line equal to
    # the title but for its marks.  It had been taken for a copy's whole title
    # opening a version, and the clean text ahead of the copy for part of
    # that copy: the whole document came out as one broken section.  A title
    # closes no sentence.
    import random

    from bench.degrade import Profile, render_copy

    lines = expected_lines()
    title = "“中国的真诚帮助让我们感动”"
    quote = "中国的真诚帮助让我们感动。”"
    para = "看着修复一天天推进，周边的老百姓都很高兴。“感谢中国专家帮我们修复心中的圣地，"[cut:] + quote
    truth = [title, *sorted(lines[1:30], key=len)[-3:], para]
    copy = render_copy(["国的真诚帮助让我们感动”", *truth[1:]], Profile("after", "spaced-lines", "none", "none", width),
                       random.Random(0), False)
    assert quote in copy.split("\n")
    body = "\n".join([title] + ["\u3000\u3000" + p for p in truth[1:]])
    out = repair_document(body + "\n\n" + copy + "\n")
    assert _kinds(out) == [SectionKind.CLEAN, SectionKind.BROKEN]
    assert out.text.splitlines() == truth


@pytest.mark.parametrize("at_end", [True, False])
@pytest.mark.parametrize("rendering", ["lines", "runs"])
def test_a_short_sentence_opening_or_closing_a_new_paragraph_is_kept(at_end, rendering):
    # A paragraph only the copy has opens or closes with a short sentence
    # whose words the article has written elsewhere, inside a longer one
    # ("…笃行不怠的长春工业稳扎稳打，章法精巧…"; a run-in head "坚定理想信念。",
    # a closing "克瓦希涅夫斯基说。").  Held somewhere is no sign the clean text
    # holds it here: beside the paragraph's new sentence and nothing else, it
    # is the paragraph's own.  It had been dropped as a duplicate.
    import random

    from bench.degrade import Profile, render_copy

    lines = expected_lines()
    short = "长春工业稳扎稳打。"
    rest = "企业订单陆续落地，生产线满负荷运转，各项指标稳中有进，记者走访多家企业发现，新的项目正在加快建设。"
    novel = rest + short if at_end else short + rest
    truth = [lines[0], lines[3], lines[7], lines[8], novel, lines[9], lines[11]]
    copy = render_copy(truth, Profile("copy-novel", rendering, "indent-ideographic", "none", 24), random.Random(0), False)
    body = [line for line in truth if line != novel]
    out = repair_document("\n".join(body) + "\n" + copy)
    assert out.text.splitlines() == truth


@pytest.mark.parametrize("rendering", ["lines", "runs", "spaced-lines"])
def test_a_short_clean_paragraph_a_copy_runs_into_a_new_one_is_still_a_duplicate(rendering):
    # The copy sets "砥柱中流，折冲千里。" as one full line and marks no
    # paragraph breaks, so it runs into the paragraph only the copy has.  A
    # short sentence beside a new one is kept as that paragraph's own, but
    # not where the clean text holds it as a paragraph of its own.
    import random

    from bench.degrade import Profile, render_copy

    lines = expected_lines()
    novel = "企业订单陆续落地，生产线满负荷运转，各项指标稳中有进，记者走访多家企业发现，新的项目正在加快建设。"
    truth = [lines[0], lines[3], lines[7], lines[8], lines[9], novel, lines[10], lines[11]]
    copy = render_copy(truth, Profile("copy-novel", rendering, "none", "none", 10), random.Random(0), False)
    assert lines[9] in copy.split("\n")
    body = [line for line in truth if line != novel]
    out = repair_document("\n".join(body) + "\n" + copy)
    assert out.text.splitlines() == truth


@pytest.mark.parametrize("rendering", ["lines", "runs"])
def test_a_short_sentence_beside_a_damaged_twin_sentence_is_not_kept_again(rendering):
    # The copy renders a clean paragraph whose second sentence it misprints
    # (wrong glyphs for "估算价值"): that sentence is new words to dedup, and
    # is kept.  The short sentence before it is the clean paragraph's own
    # and must not come along: beside a sentence the clean text mostly holds,
    # it is no new paragraph's edge.
    import random

    from bench.degrade import Profile, render_copy

    lines = expected_lines()
    short = "这是一本难算的旧账。"
    para = short + "按照当时的办法，参与竞标的企业需先缴纳一笔保证金，一般是项目估算价值的百分之二以内，中标公示后五个工作日内退还。"
    truth = [lines[0], lines[3], lines[7], para, lines[8], lines[11]]
    misprinted = [*truth[:3], para.replace("估算价值", "古苋介直"), *truth[4:]]
    copy = render_copy(misprinted, Profile("after", rendering, "indent-ideographic", "none", 24), random.Random(0), False)
    out = repair_document("\n".join(truth) + "\n" + copy)
    assert out.text.count(short) == 1
    assert [line for line in out.text.splitlines() if line in truth] == truth


@pytest.mark.parametrize("marker", ["indent-spaces", "indent-ideographic"])
@pytest.mark.parametrize("width", [16, 20, 24])
def test_a_lead_opening_with_the_titles_words_is_no_whole_title(marker, width):
    # A copy with no clean text, in runs: the title is cut at its figures
    # ("长春规上工业增加" / "值同比增长" / "22.4%"), and the lead opens with the
    # same words, on an indented line up to the same figures.  That line
    # had been taken for the whole title of a clean version, and the rest of
    # the copy left as clean text, unjoined.  Titles are not indented.
    import random

    from bench.degrade import Profile, render_copy

    lines = expected_lines()
    title = "长春规上工业增加值同比增长22.4%"
    lead = "长春规上工业增加值同比增长22.4%，增速连续两个月居15个副省级城市和全国省会城市首位，交出了一份亮眼的成绩单。"
    truth = [title, lead, lines[4], lines[5], lines[7]]
    copy = render_copy(truth, Profile("copy-only", "runs", marker, "none", width), random.Random(0), False)
    out = repair_document(copy)
    assert _kinds(out) == [SectionKind.BROKEN]
    assert out.text.splitlines() == truth


@pytest.mark.parametrize("rendering", ["runs", "spaced-lines", "lines"])
@pytest.mark.parametrize("width,marker", [(34, "indent-ideographic"), (38, "indent-spaces"), (40, "indent-spaces")])
def test_a_short_copy_shows_its_column_in_its_indented_lines(rendering, width, marker):
    # A copy of five paragraphs, no clean text, set wide: few of its lines
    # are full, and the paragraphs' indented first lines are among them.
    # Measured without their indent they fell four cells short of the
    # others, no column stood out, and the copy was read as clean text.
    import random

    from bench.degrade import Profile, render_copy

    lines = expected_lines()
    truth = [lines[0], lines[3], lines[4], lines[5], lines[7]]
    copy = render_copy(truth, Profile("copy-only", rendering, marker, "none", width), random.Random(0), False)
    out = repair_document(copy)
    assert _kinds(out) == [SectionKind.BROKEN]
    assert out.text.splitlines() == truth


@pytest.mark.parametrize("width,cut", [(16, 4), (20, 13), (24, 5), (26, 0)])
def test_a_printed_line_going_on_from_an_open_clause_is_no_whole_title(width, cut):
    # A copy in runs before the clean text.  Its title block is a short title
    # and a subtitle ("前三季度" / "长春规上工业增加值增长22.4%"), and the lead
    # says "…数据显示，前三季度，长春规上工业增加值增长22.4%": a printed line
    # opens right at "前三季度，长春…" and spells title and subtitle up to the
    # figures.  It had been taken for the clean text's whole title, and the
    # copy's rest for clean text.  A title does not go on from a line that
    # leaves its clause open.
    import random

    from bench.degrade import Profile, render_copy

    lines = expected_lines()
    title, sub = "前三季度", "长春规上工业增加值增长22.4%"
    base = "本报长春9月20日电（记者王明）长春市工业和信息化局20日举行新闻发布会，通报全市工业运行情况。数据显示，"
    lead = base[:24] + base[24 + cut :] + "前三季度，长春规上工业增加值增长22.4%；其中，汽车产业增长31.2%。"
    truth = [title, sub, lead, lines[4], lines[5]]
    copy = render_copy(truth, Profile("before", "runs", "indent-ideographic", "none", width), random.Random(0), False)
    runs = [line for line in copy.split("\n") if line.strip()]
    assert any(b.startswith("前三季度，长春") and a.endswith("，") for a, b in zip(runs, runs[1:]))
    body = "\n".join([title, sub] + ["\u3000\u3000" + p for p in truth[2:]])
    out = repair_document(copy + "\n\n" + body + "\n")
    assert out.text.splitlines() == truth


@pytest.mark.parametrize("width,rendering,cut", [(14, "runs", 19), (20, "runs", 53), (28, "spaced-lines", 17)])
def test_a_copy_cut_off_after_an_open_clause_before_the_clean_title(width, rendering, cut):
    # The first copy is one page of the article, cut off at a line ending
    # "，" or "、", right before the clean text's title; a whole copy follows.
    # The title goes on from no sentence there: the break's two sides stand
    # nowhere side by side.
    import random

    from bench.degrade import Profile, render_copy

    truth = expected_lines()[:5]
    copy = render_copy(truth, Profile("two-copies", rendering, "none", "none", width), random.Random(0), False)
    page = copy.split("\n")[:cut]
    assert page[-1].rstrip()[-1:] in "，、"
    body = "\n".join([truth[0]] + ["\u3000\u3000" + p for p in truth[1:]])
    out = repair_document("\n".join(page) + "\n" + body + "\n\n" + copy)
    assert out.text.splitlines() == truth


@pytest.mark.parametrize("width,rendering", [(20, "runs"), (20, "spaced-lines"), (24, "runs")])
def test_a_copys_page_holding_only_the_title_before_the_clean_title(width, rendering):
    # The first copy is a page holding the title only, cut across lines; the
    # clean text's whole title follows it right away, a whole copy after.
    # What follows the cut title is the whole title itself, not the same
    # subtitle or paragraph: the cut title had passed for a title of its own
    # and the copy's page for clean text.
    import random

    from bench.degrade import Profile, render_copy

    truth = expected_lines()[:5]
    copy = render_copy(truth, Profile("two-copies", rendering, "none", "none", width), random.Random(0), False)
    page = copy.split("\n")[:6]
    assert "".join(page).replace(" ", "") == truth[0]
    body = "\n".join([truth[0]] + ["\u3000\u3000" + p for p in truth[1:]])
    out = repair_document("\n".join(page) + "\n" + body + "\n\n" + copy)
    assert out.text.splitlines() == truth


@pytest.mark.parametrize("width", [14, 18, 24])
def test_a_paragraph_after_a_copys_paragraph_mark_is_no_whole_title(width):
    # A copy in runs before the clean text, its paragraphs marked by lines of
    # spaces; the lead opens with the title's words up to its figures, on a
    # run of its own.  That run spelled the title as its cut version does,
    # and had been taken for the clean text's whole title.  It follows the
    # copy's paragraph mark; a title follows none.
    import random

    from bench.degrade import Profile, render_copy

    lines = expected_lines()
    title, sub = "长春规上工业增加值同比增长22.4%", "工业经济“压舱石”作用更加凸显"
    lead = "长春规上工业增加值同比增长22.4%，增速连续两个月居15个副省级城市和全国省会城市首位，交出了一份亮眼的成绩单。"
    truth = [title, sub, lead, lines[4], lines[5], lines[7]]
    copy = render_copy(truth, Profile("before", "runs", "space-lines", "none", width), random.Random(0), False)
    body = "\n".join([title, sub] + ["\u3000\u3000" + p for p in truth[2:]])
    out = repair_document(copy + "\n" + body)
    assert out.text.splitlines() == truth


def test_a_list_the_copy_ran_into_one_paragraph_is_a_duplicate():
    # A timeline of short items, a paragraph each in the clean text; no
    # marker showed their breaks in the copy, which holds them as one
    # paragraph with no sentence end.  It stands whole in the clean text, in
    # order, across more paragraphs than a sentence usually spans.
    lines = expected_lines()[:8]
    items = ["长春工业这一年", "7月规上工业增长22.4%", "8月规上工业增长41.6%", "新增“专精特新”企业175户",
             "服务企业群即时解决企业困难", "现场签约授信超过10亿元"]
    truth = [*lines, *items, *expected_lines()[8:12]]
    printed = [*lines, "".join(items), *expected_lines()[8:12]]
    body = [truth[0]] + ["\u3000\u3000" + p for p in truth[1:]]
    out = repair_document("\n".join(body) + "\n" + _copy_of(printed))
    assert out.text.splitlines() == truth


@pytest.mark.parametrize("rendering", ["lines", "spaced-lines"])
def test_the_clean_texts_closing_lines_that_the_copy_prints_again_are_clean(rendering):
    # A notice ends with its signing body and date, short open lines that
    # look like a copy's, and the evidence gave them to the copy that
    # follows.  The copy prints them again as its own last lines, and a copy
    # prints no line twice; the body's name stands in the article's
    # sentences too ("…长春振兴发展…"), which must not make its line a
    # fragment of the copy.
    import random

    from bench.degrade import Profile, render_copy
    from pipeline import detection
    from pipeline.compare import form_only

    lines = expected_lines()[:12]
    sig = ["长春振兴发展", "2019年9月20日"]
    assert any(sig[0] in line for line in lines)
    clean = [lines[0]] + ["\u3000\u3000" + p for p in lines[1:]] + sig
    copy = render_copy([*lines, *sig], Profile("after", rendering, "space-lines", "none", 24), random.Random(0), False)
    doc = tuple("\n\n".join(clean).split("\n") + ["", ""] + copy.rstrip("\n").split("\n"))
    kinds = [detection.line_kind(line) for line in doc]
    forms = [form_only(line) if kind == detection.CONTENT else "" for line, kind in zip(doc, kinds)]
    contained = detection._contained_in_longer_line(forms)
    evidence = detection.line_evidence(doc, contained, kinds)
    first_sig = doc.index(sig[0])
    labels = [False] * first_sig + [True] * (len(doc) - first_sig)
    settled = detection._settle_edges(doc, evidence, labels, contained, forms)
    copy_start = doc.index(sig[1]) + 1
    assert [settled[i] for i in range(len(doc)) if forms[i]] == [i >= copy_start for i in range(len(doc)) if forms[i]]


@pytest.mark.parametrize("rendering", ["runs", "spaced-lines", "lines"])
def test_a_short_copy_whose_title_lacks_its_first_words_is_a_copy_of_what_the_clean_text_lacks(rendering):
    # After the clean text, a copy of the title and the first paragraph
    # only, which the clean text lacks; the copy's title lacks its first
    # words and fits one line ("经济如何提振发力量质齐升").  Little of the
    # copy stands in the clean text, but it opens with the title's end: it
    # is a copy, and its paragraph is kept, after the title.
    import random

    from bench.degrade import Profile, render_copy

    lines = expected_lines()
    # A first paragraph with few words of the rest (the title's piece is
    # then a small part of the copy).
    truth = [lines[0], lines[6], *lines[1:6], *lines[7:10]]
    body = [truth[0]] + ["\u3000\u3000" + p for p in truth[2:]]
    copy = render_copy([truth[0][13:], truth[1]], Profile("copy-novel", rendering, "space-lines", "none", 30),
                       random.Random(0), False)
    out = repair_document("\n".join(body) + "\n" + copy)
    assert out.text.splitlines() == truth


@pytest.mark.parametrize("rendering", ["lines", "spaced-lines"])
def test_a_standfirst_saying_again_sentences_of_two_paragraphs_the_copy_renders_is_kept(rendering):
    # Only the copy has the standfirst under the title, and it is spelled
    # with sentences of two paragraphs further on, which the copy also
    # renders, each whole, in their places.  One copy renders each paragraph
    # once: the standfirst is the copy's own text, not those paragraphs.
    import random

    from bench.degrade import Profile, render_copy

    lines = expected_lines()[:12]
    standfirst = "有涉滩之险，有爬坡之艰。量质齐头并进，长春工业经济提振发力，交出了一份亮眼的成绩单。"
    assert standfirst[:12] in lines[5] and standfirst[12:] in lines[3]
    truth = [lines[0], standfirst, *lines[1:]]
    body = [lines[0]] + ["\u3000\u3000" + p for p in lines[1:]]
    copy = render_copy(truth, Profile("copy-novel", rendering, "space-lines", "none", 24), random.Random(0), False)
    out = repair_document("\n".join(body) + "\n" + copy)
    assert out.text.splitlines() == truth


def test_a_copys_last_run_closing_its_sentence_is_the_copys_where_no_column_shows():
    # A copy cut into runs at every change of script, before the clean text:
    # too few of its lines fill a column to measure one.  Its last paragraph
    # is its own (the clean text lacks it), and its last line closes the
    # sentence the line before left open ("…交出" / "了一份亮眼的成绩单。"),
    # no wider than the copy's lines: the rest of the copy's paragraph, not
    # the clean text's first line.
    import random

    from bench.degrade import Profile, render_copy
    from pipeline import detection
    from pipeline.compare import form_only
    from pipeline.rejoin import column_width

    truth = expected_lines()[:4]
    copy = render_copy(truth, Profile("before", "runs", "space-lines", "none", 20), random.Random(0), False)
    copy_lines = copy.rstrip("\n").split("\n")
    assert column_width([line.strip() for line in copy_lines]) is None
    doc = tuple(copy_lines + [truth[0]] + ["\u3000\u3000" + p for p in truth[1:3]])
    kinds = [detection.line_kind(line) for line in doc]
    forms = [form_only(line) if kind == detection.CONTENT else "" for line, kind in zip(doc, kinds)]
    contained = detection._contained_in_longer_line(forms)
    evidence = detection.line_evidence(doc, contained, kinds)
    labels = [True] * (len(copy_lines) - 1) + [False] * (len(doc) - len(copy_lines) + 1)
    settled = detection._settle_edges(doc, evidence, labels, contained, forms)
    assert settled == [True] * len(copy_lines) + [False] * (len(doc) - len(copy_lines))


def test_a_short_clean_text_after_a_copy_keeps_its_title_and_subtitle():
    # The copy opens with the title without its first words, on one line,
    # and prints the subtitle as an indented paragraph.  The clean text after
    # it is short; its title and subtitle are short open lines with blank
    # lines between, as a copy's are, and the evidence gave them to the copy:
    # they are two of the clean part's five lines.  The part past its title
    # block is clean, which is what says where the clean text starts.
    from pipeline import detection
    from pipeline.compare import form_only

    lines = expected_lines()
    title, subtitle = lines[0], "长春工业经济观察"
    printed = [lines[1], lines[2][:39], lines[2][39:], lines[3]]
    copy = [title[5:], "\u3000\u3000" + subtitle, *printed]
    clean = [title, subtitle, *lines[1:4]]
    doc = tuple(copy + clean)
    evidence = [True] * (len(copy) + 2) + [False] * (len(clean) - 2)
    out = detection._split_repeated_title(doc, [form_only(line) for line in doc], evidence)
    assert out == [True] * len(copy) + [False] * len(clean)


@pytest.mark.parametrize(
    "rendering, marker, width, whole",
    # (Under a lost indent at 35, the copy's subtitle runs into its
    # paragraph: a rejoin matter, not the versions'.)
    [("lines", "indent-lost", 28, True), ("lines", "none", 28, True), ("spaced-lines", "indent-lost", 35, False)],
)
def test_a_short_traditional_copy_whose_title_fits_one_line_is_the_copy(rendering, marker, width, whole):
    # A short title stands whole in the clean text and in the copy after it;
    # the copy is short (title, subtitle and the paragraph only it has) and
    # its lines tell it from the clean text poorly.  But it is written in
    # traditional script, and the clean text in simplified: of two versions,
    # the traditional one is the copy, as on a clean/broken edge.
    import random

    import opencc

    from bench.degrade import Profile, render_copy

    lines = expected_lines()
    truth = ["长春工业回升", "规上工业增速居前列", lines[2], lines[3], lines[4], lines[6]]
    clean = [truth[0], truth[1], *truth[3:]]
    copy = render_copy(truth[:3], Profile("copy-novel", rendering, marker, "none", width), random.Random(0), False)
    out = repair_document("\n\n".join(clean) + "\n" + opencc.OpenCC("s2t").convert(copy))
    assert _kinds(out) == [SectionKind.CLEAN, SectionKind.BROKEN]
    if whole:
        assert out.text.splitlines() == truth


@pytest.mark.parametrize("title", ["长春工业回升", "截至七月底——"])
@pytest.mark.parametrize("marker", ["indent-spaces", "space-lines", "none"])
def test_two_copies_of_only_the_title_and_subtitle_around_the_clean_text(marker, title):
    # Each copy holds the title and the subtitle only, whole; the clean text
    # between them opens with the same two short lines, which the evidence
    # gives to the copies.  Of the three parts the whole titles open, the
    # two of nothing but a title block are the copies, and the clean one is
    # told by its lines past its title block, however short its title.
    import random

    from bench.degrade import Profile, render_copy

    lines = expected_lines()
    truth = [title, "规上工业增速居前列", *lines[1:4]]
    copy = render_copy(truth[:2], Profile("two-copies", "spaced-lines", marker, "none", 16), random.Random(0), False)
    out = repair_document(copy + "\n" + "\n\n".join(truth) + "\n" + copy)
    assert out.text.splitlines() == truth


def test_a_traditional_copys_subtitle_touching_the_clean_title_stays_the_copys():
    # A traditional copy of the title and subtitle only, its subtitle set
    # right against the clean title (no blank line between), a blank line
    # before it: the shape of a clean title after a copy.  Its script says
    # it is the copy's, beside clean text in simplified.
    import opencc

    s2t = opencc.OpenCC("s2t").convert
    lines = expected_lines()
    title, subtitle = "长春工业回升", "规上工业增速居前列"
    truth = [title, subtitle, *lines[1:4]]
    copy = [s2t(title), "", s2t(subtitle)]
    clean = [title, "\u3000\u3000" + subtitle, *["\u3000\u3000" + p for p in lines[1:4]]]
    out = repair_document("\n".join(copy + clean))
    assert out.text.splitlines() == truth


@pytest.mark.parametrize("width,last", [(20, "。"), (24, "全国省会城市首位。"), (28, "城市首位。")])
def test_a_copys_last_lines_going_on_from_its_open_line_are_the_copys_though_title_like(width, last):
    # A copy cut into runs, cut off before the clean text: its last run
    # closes a sentence, and the run before it stops on a word with no mark
    # ("15" / "个副省级城市和" / "全国省会城市首位。"), so it looks like a
    # title.  Both were left on the clean side.  The copy's run before it and
    # that line stand together in one clean line, which a clean title after
    # a copy's last line never does: both are the copy's.
    import random

    from bench.degrade import Profile, render_copy
    from pipeline import detection
    from pipeline.compare import form_only

    truth = expected_lines()[:4]
    copy = render_copy(truth, Profile("before", "runs", "none", "none", width), random.Random(0), False)
    copy_lines = copy.rstrip("\n").split("\n")
    end = next(i for i, line in enumerate(copy_lines) if line.strip() == last) + 1
    copy_lines = copy_lines[:end]
    doc = tuple(copy_lines + [truth[0]] + ["\u3000\u3000" + p for p in truth[1:]])
    title_like = [i for i, line in enumerate(copy_lines) if line.strip()][-2]
    assert copy_lines[title_like].strip()[-1] not in "。！？，、；：”"
    kinds = [detection.line_kind(line) for line in doc]
    forms = [form_only(line) if kind == detection.CONTENT else "" for line, kind in zip(doc, kinds)]
    contained = detection._contained_in_longer_line(forms)
    evidence = detection.line_evidence(doc, contained, kinds)
    labels = [True] * title_like + [False] * (len(doc) - title_like)
    settled = detection._settle_edges(doc, evidence, labels, contained, forms)
    assert settled == [True] * len(copy_lines) + [False] * (len(doc) - len(copy_lines))


@pytest.mark.parametrize("paragraphs", [1, 2])
@pytest.mark.parametrize("place", ["after", "before"])
def test_of_two_versions_whose_lines_each_hold_a_paragraph_the_paged_one_is_the_copy(paragraphs, place):
    # A copy of the title and the first paragraphs, each fitting one printed
    # line, with a page head before and a page number after: its lines close
    # their sentences like the clean text's, so only the page tells it apart.
    # Web text has no pages.  (The head between the two versions, where the
    # copy comes after, could as well close the clean text: it is not asked.)
    truth = expected_lines()[:12]
    clean = [truth[0]] + ["\u3000\u3000" + p for p in truth[1:]]
    copy = ["人民日报\u30002019年10月6日\u3000星期日", "", truth[0], ""]
    for p in truth[1 : 1 + paragraphs]:
        copy += [p, ""]
    copy += ["第 3 页", ""]
    doc = clean + [""] + copy if place == "after" else copy + clean
    out = repair_document("\n".join(doc))
    kinds = [SectionKind.CLEAN, SectionKind.BROKEN]
    assert _kinds(out) == (kinds if place == "after" else kinds[::-1])
    assert out.text.splitlines() == truth


@pytest.mark.parametrize("width", [10, 14, 20])
def test_a_page_head_opening_the_document_is_no_title_of_the_article(width):
    # A copy's page before the clean text holding the title cut across two
    # lines, under its page head and over its page number.  The block is
    # short and opens the document like an article's own title block; but
    # its first line is a page head, which no article opens with: its title
    # is the line after, which the clean title holds.
    truth = expected_lines()[:12]
    clean = [truth[0]] + ["\u3000\u3000" + p for p in truth[1:]]
    title = truth[0]
    copy = ["2019年10月28日\u3000星期一\u3000\u3000第12版\u3000国内", "", title[:width], "", title[width:], "", "- 12 -", ""]
    out = repair_document("\n".join(copy + clean))
    assert _kinds(out) == [SectionKind.BROKEN, SectionKind.CLEAN]
    assert out.text.splitlines() == truth


@pytest.mark.parametrize("rendering", ["lines", "spaced-lines"])
@pytest.mark.parametrize("width", [16, 24])
@pytest.mark.parametrize("quoted", [6, 7])
def test_a_copy_saying_twice_what_its_article_says_twice_stays_one_copy(quoted, width, rendering):
    # The article opens with a lead that a later paragraph opens with again,
    # word for word.  Its copy, cut off before the clean text at the printed
    # line of that paragraph that holds the lead's short last line whole,
    # renders those words twice too: a line holding a line of its own copy
    # is no evidence of clean text on the copy's edge when the article
    # itself says that line's words twice.
    import random

    from bench.degrade import Profile, render_copy

    lines = expected_lines()
    lead = _opening_words(lines[quoted])
    truth = [lines[0], lead, lines[5], lines[quoted], lines[quoted + 1]]
    clean = [truth[0]] + ["\u3000\u3000" + p for p in truth[1:]]
    copy = render_copy(truth[:4], Profile("before", rendering, "none", "none", width), random.Random(0), False)
    copy_lines = copy.rstrip("\n").split("\n")
    content = [i for i, line in enumerate(copy_lines) if line.strip()]
    starts = [content.index(i) for i in content if lines[quoted].startswith(copy_lines[i].strip())]
    lead_lines = next(
        n for n in range(1, 9) if "".join(copy_lines[i].strip() for i in content[starts[0] : starts[0] + n]) == lead
    )
    last = content[starts[1] + lead_lines - 1]
    assert copy_lines[content[starts[0] + lead_lines - 1]].strip() in copy_lines[last]
    cut = last + 1
    out = repair_document("\n".join(copy_lines[:cut] + clean))
    assert _kinds(out) == [SectionKind.BROKEN, SectionKind.CLEAN]
    assert out.text.splitlines() == truth


@pytest.mark.parametrize("cut", [5, 9, 10])
@pytest.mark.parametrize("subtitle", [True, False])
def test_a_copy_of_the_title_block_alone_without_the_titles_first_words_after_the_clean_text(subtitle, cut):
    # The copy after the clean text holds only its title block, the title
    # without its first words on one line (and the subtitle): two versions,
    # one of nothing but a title block, beside one with a body, of which the
    # first is the copy, whether its title is whole or lacks its first words.
    lines = expected_lines()
    truth = [lines[0]] + ([lines[13]] if subtitle else []) + lines[14:16]
    clean = [truth[0]] + ["\u3000\u3000" + p for p in truth[1:]]
    copy = [" " + lines[0][cut:], ""] + (["  " + lines[13], ""] if subtitle else [])
    out = repair_document("\n".join(clean + ["", ""] + copy))
    assert _kinds(out) == [SectionKind.CLEAN, SectionKind.BROKEN]
    assert out.text.splitlines() == truth


@pytest.mark.parametrize("lost", ["\ufffd", "\ufffd\ufffd"])
def test_a_copys_damaged_subtitle_touching_the_clean_title_stays_the_copys(lost):
    # A copy of the title block before the clean text, its subtitle written
    # right against the clean title, with characters lost to U+FFFD.  A line
    # ending a run of lines parted by blanks and touching the clean text is
    # taken for the clean title, whatever its words; but web text holding no
    # U+FFFD does not gain one on its edge: like a traditional line beside
    # simplified text, the line is the copy's.
    lines = expected_lines()
    truth = [lines[0], lines[13], lines[14], lines[15]]
    clean = truth[:2] + ["\u3000\u3000" + p for p in truth[2:]]
    copy = [" " + lines[0], "", lines[13].replace("实践", lost)]
    out = repair_document("\n".join(copy + clean))
    assert _kinds(out) == [SectionKind.BROKEN, SectionKind.CLEAN]
    assert out.text.splitlines() == truth


@pytest.mark.parametrize("rendering", ["lines", "spaced-lines", "runs"])
@pytest.mark.parametrize("width", [10, 12, 14])
def test_the_clean_texts_closing_line_that_the_copy_prints_again_cut_in_two_is_clean(rendering, width):
    # Two copies around the clean text, all three ending with the author's
    # line in brackets.  The first copy's runs into the clean title; the
    # clean text's was given to the second copy, which, narrower than the
    # line, prints it again cut across its last two lines.  A copy prints no
    # line twice, whole or cut: the first is the clean text's.
    import random

    from bench.degrade import Profile, render_copy
    from pipeline import detection
    from pipeline.compare import form_only

    lines = expected_lines()[:12]
    byline = "（作者为长春市工业和信息化局局长）"
    truth = [*lines, byline]
    clean = "\n\n".join([lines[0]] + ["\u3000\u3000" + p for p in lines[1:]] + [byline]).split("\n")
    first = render_copy(truth, Profile("two-copies", rendering, "space-lines", "none", 24), random.Random(0), False)
    second = render_copy(truth, Profile("two-copies", rendering, "space-lines", "none", width), random.Random(1), False)
    first_lines = first.rstrip().split("\n")
    second_lines = second.rstrip("\n").split("\n")
    assert first_lines[-1].strip() == byline and byline not in (line.strip() for line in second_lines)
    doc = tuple(first_lines + clean + ["", ""] + second_lines)
    kinds = [detection.line_kind(line) for line in doc]
    forms = [form_only(line) if kind == detection.CONTENT else "" for line, kind in zip(doc, kinds)]
    contained = detection._contained_in_longer_line(forms)
    evidence = detection.line_evidence(doc, contained, kinds)
    start, end = len(first_lines), len(first_lines) + len(clean) - 1
    labels = [not start <= i < end for i in range(len(doc))]
    settled = detection._settle_edges(doc, evidence, labels, contained, forms)
    assert [settled[i] for i in range(len(doc)) if forms[i]] == [not start <= i <= end for i in range(len(doc)) if forms[i]]


@pytest.mark.parametrize("kept", [10, 20])
@pytest.mark.parametrize("width", [20, 27])
def test_a_clean_title_between_two_copies_whose_titles_lack_their_first_words(width, kept):
    # Both copies print the title without its first words, on one line; the
    # first is cut off after a page, the second is whole and longer than the
    # clean text.  The evidence gave the clean title block (the title and the
    # paragraph under it, set apart by blank lines) to the first copy.  The
    # whole title opens the clean part up to the second copy's title: the
    # second copy's lines, past it, are another part's and do not count.
    import random

    from bench.degrade import Profile, render_copy
    from pipeline import detection
    from pipeline.compare import form_only

    truth = expected_lines()[:8]

    def copy(width, seed):
        printed = render_copy(truth, Profile("two-copies", "lines", "none", "none", width), random.Random(seed), False)
        printed = printed.rstrip("\n").split("\n")
        title_lines = next(k for k in range(1, 6) if "".join(line.strip() for line in printed[:k]) == truth[0])
        return [" " + truth[0][5:]] + printed[title_lines:]

    clean = "\n\n".join([truth[0]] + ["\u3000\u3000" + p for p in truth[1:]]).split("\n")
    first = copy(width, 0)[:kept] + ["", ""]
    doc = tuple(first + clean + copy(width - 4, 1))
    forms = [form_only(line) if detection.line_kind(line) == detection.CONTENT else "" for line in doc]
    start, end = len(first), len(first) + len(clean)
    labels = [not start + 3 <= i < end for i in range(len(doc))]
    split = detection._split_repeated_title(doc, forms, labels)
    assert [split[i] for i in range(len(doc)) if forms[i]] == [not start <= i < end for i in range(len(doc)) if forms[i]]


@pytest.mark.parametrize("place", ["after", "before"])
@pytest.mark.parametrize("rendered", [4, 7])
@pytest.mark.parametrize("quoted", [6, 11])
def test_a_standfirst_only_the_copy_has_saying_again_a_later_paragraph_is_kept(quoted, rendered, place):
    # The article opens with a standfirst that a later paragraph says again;
    # the clean text lacks the standfirst, and the copy, cut off after a few
    # paragraphs, renders it between the title and the first paragraph.  Its
    # words stand in the clean text, but only far past that place: a copy
    # renders the article in order, so here the article says them twice.
    import random

    from bench.degrade import Profile, render_copy

    lines = expected_lines()
    standfirst = _opening_words(lines[quoted])
    truth = [lines[0], standfirst, *lines[1:12]]
    clean = "\n".join([lines[0]] + ["\u3000\u3000" + p for p in lines[1:12]])
    copy = render_copy(truth[:rendered], Profile(place, "spaced-lines", "space-lines", "none", 20), random.Random(0), False)
    out = repair_document(clean + "\n\n" + copy if place == "after" else copy + "\n" + clean)
    assert out.text.splitlines() == truth


@pytest.mark.parametrize("place", ["after", "before"])
@pytest.mark.parametrize("rendering", ["spaced-lines", "lines", "runs"])
def test_a_paragraph_only_the_copy_has_ending_with_a_sentence_said_further_on_is_kept_whole(rendering, place):
    # A paragraph the clean text lacks, between its second and third, says a
    # sentence of its own and then one that the article's tenth paragraph
    # says too.  The copy renders it in its place: that sentence stands in
    # the clean text only far from there, so the article says it twice, and
    # the paragraph is kept whole.
    import random

    from bench.degrade import Profile, render_copy

    lines = expected_lines()
    novel = lines[22].split("。")[0] + "。" + lines[10]
    truth = [*lines[:3], novel, *lines[3:12]]
    clean = "\n".join([lines[0]] + ["\u3000\u3000" + p for p in lines[1:12]])
    copy = render_copy(truth[:9], Profile(place, rendering, "space-lines", "none", 20), random.Random(0), False)
    out = repair_document(clean + "\n\n" + copy if place == "after" else copy + "\n" + clean)
    assert out.text.splitlines() == truth


def test_a_copy_paragraph_rendering_a_far_clean_paragraph_whole_is_no_second_saying():
    # A table's heading floats: the copy sets "2019年度…百强县市" (its "表3"
    # rejoined apart) between the renderings of clean paragraphs 1 and 2,
    # the web text at paragraph 5.  It renders that paragraph of its size
    # whole, so it is that paragraph, wherever it stands, not the article
    # saying it twice; it stays a duplicate.
    from pipeline import dedup
    from pipeline.compare import comparison_form
    from pipeline.model import Paragraph

    texts = [expected_lines()[k] for k in (1, 13, 2)]
    floated = "2019年度全国综合实力百强县市"
    clean_forms = [comparison_form(t)[0] for t in (expected_lines()[0], texts[0], texts[2], "", "", "表3" + floated)]
    sizes = [len(f) for f in clean_forms]
    paragraphs = [Paragraph(t, SectionKind.BROKEN, 1, k, k) for k, t in enumerate([texts[0], floated, texts[2]])]
    forms = [comparison_form(p.text)[0] for p in paragraphs]
    decisions = [(paragraphs[0], (1,), "", 1.0, 1), (paragraphs[1], (5, 3), "", 1.0, 3), (paragraphs[2], (2,), "", 1.0, 2)]
    assert dedup._keep_out_of_order(decisions, forms, sizes) == decisions
    # Where it repeats only part of that far paragraph, the article says it twice: it is kept.
    sizes[5] = 4 * len(forms[1])
    kept = dedup._keep_out_of_order(decisions, forms, sizes)
    assert kept[1] == (paragraphs[1], (), floated, 1.0, None)


@pytest.mark.parametrize("head", [[], ["国际", "人民日报"]])
@pytest.mark.parametrize("rendering", ["lines", "spaced-lines"])
@pytest.mark.parametrize("width", [16, 20])
def test_a_copy_mostly_of_what_the_clean_text_lacks_shows_itself_by_its_cut_subtitle(width, rendering, head):
    # A copy before the clean text: under its page head, the title's last
    # words only (too few to tell), the subtitle cut across lines, and two
    # paragraphs the clean text lacks, most of the copy.  A run beside a
    # larger clean text that copies little of it is the article's own, unless
    # its title block repeats the clean one: here its second line does.
    import random

    from bench.degrade import Profile, render_copy

    lines = expected_lines()
    truth = [lines[0], lines[13], lines[1], lines[6], lines[7], *lines[2:6], *lines[8:12]]
    clean = [truth[0]] + ["\u3000\u3000" + p for p in truth[1:] if p not in (lines[6], lines[7])]
    copy = render_copy(truth[:5], Profile("before", rendering, "indent-ideographic", "none", width), random.Random(0), False)
    copy_lines = copy.split("\n")
    title_end = next(k for k in range(1, 12) if "".join(x.strip() for x in copy_lines[:k]) == truth[0])
    copy_lines = head + [" " + truth[0][-5:]] + copy_lines[title_end:]
    out = repair_document("\n".join(copy_lines + clean))
    assert _kinds(out) == [SectionKind.BROKEN, SectionKind.CLEAN]
    assert out.text.splitlines() == truth


def _split(doc: list[str], labels: list[bool]) -> tuple[list[bool], list[str]]:
    """:func:`detection._split_repeated_title` over ``doc`` with the evidence's ``labels``, and the lines' forms."""
    from pipeline import detection
    from pipeline.compare import form_only

    lines = tuple(doc)
    forms = [form_only(line) if detection.line_kind(line) == detection.CONTENT else "" for line in lines]
    contained = detection._contained_in_longer_line(forms)
    return detection._split_repeated_title(lines, forms, labels, contained), forms


def _settled(doc: tuple[str, ...], labels: list[bool], garbled: frozenset[int] = frozenset()) -> list[bool]:
    """:func:`detection._settle_edges` over ``doc`` with the evidence's ``labels`` (``garbled``: the lines restored from a wrong codec)."""
    from pipeline import detection
    from pipeline.compare import form_only

    kinds = [detection.line_kind(line) for line in doc]
    forms = [form_only(line) if kind == detection.CONTENT else "" for line, kind in zip(doc, kinds)]
    contained = detection._contained_in_longer_line(forms)
    evidence = detection.line_evidence(doc, contained, kinds)
    return detection._settle_edges(doc, evidence, labels, contained, forms, garbled)


@pytest.mark.parametrize("rendering", ["runs", "spaced-lines"])
@pytest.mark.parametrize("n", [4, 6])
def test_a_traditional_line_beside_simplified_clean_text_stays_the_copys(rendering, n):
    # Two traditional copies around simplified web text that closes with
    # the author's note.  The second copy's title writes one character
    # otherwise than the web title (座標, 坐标), so the clean text lacks it:
    # moved to the clean side as a line the copy swallowed once the note
    # before it went over, it went back as traditional script beside
    # simplified text, then over again, a round each, and the count of
    # rounds left it clean (heldout2 1 #513).  Traditional script beside
    # simplified clean text is the copy's for the rules that move lines to
    # the clean side too.
    import random

    import opencc

    from bench.degrade import Profile, render_copy

    s2t = opencc.OpenCC("s2t")
    lines = expected_lines()
    title, note = "英雄是民族最闪亮的坐标", "（作者单位：长春市工业经济研究中心）"
    truth = [title, *lines[1:n], note]
    printed = [s2t.convert("英雄是民族最闪亮的座标")] + [s2t.convert(p) for p in truth[1:]]
    copy = render_copy(printed, Profile("both", rendering, "space-lines", "none", 24), random.Random(0), False).split("\n")
    body = [title, ""] + [x for p in truth[1:-1] for x in ("  " + p, "")]
    doc = tuple(copy + [" ", ""] + body + ["  " + note, " "] + copy)
    clean_title = len(copy) + 2
    # The evidence's labels: the clean title with the first copy, the note
    # with the second.
    labels = [k <= clean_title or k >= clean_title + len(body) for k in range(len(doc))]
    settled = _settled(doc, labels)
    assert not settled[clean_title]
    assert not settled[clean_title + len(body)]
    assert settled[clean_title + len(body) + 2]


def _with_whole_title(copy: str, title: str) -> list[str]:
    """A rendered copy's lines with its title on one line, as a copy wide enough prints it."""
    lines = copy.rstrip("\n").split("\n")
    end = next(k for k in range(1, 12) if "".join(line.strip() for line in lines[:k]) == title)
    return [title, *lines[end:]]


def _two_copies_of_title_and_lead(lead: int) -> tuple[list[str], list[str], list[str]]:
    """(first copy, clean text, second copy): the title printed whole by both, the first cut off after the lead."""
    import random

    from bench.degrade import Profile, render_copy

    lines = expected_lines()
    truth = [lines[0], lines[lead], *lines[5:9]]
    clean = [truth[0]] + ["\u3000\u3000" + p for p in truth[1:]]
    profile = Profile("two-copies", "lines", "none", "none", 28)
    first = _with_whole_title(render_copy(truth[:2], profile, random.Random(0), False), truth[0])
    second = _with_whole_title(render_copy(truth, profile, random.Random(0), False), truth[0])
    return first, clean, second


@pytest.mark.parametrize("lead", [2, 6])
def test_a_cut_copy_of_the_title_and_lead_whose_lines_are_the_clean_ones_wrapped_is_a_copy(lead):
    # Two copies around the clean text, each printing the title whole on one
    # line; the first is cut off after the lead, which it wraps over a few
    # lines, and the evidence took its few lines for clean text.  Its lines
    # stand inside the clean lead's longer line and the clean text's stand in
    # none: it is a copy, whatever its lines looked like.
    first, clean, second = _two_copies_of_title_and_lead(lead)
    doc = first + [""] + clean + [""] + second
    start, end = len(first) + 1, len(first) + 1 + len(clean)
    split, forms = _split(doc, [i > end for i in range(len(doc))])
    assert [split[i] for i in range(len(doc)) if forms[i]] == [not start <= i < end for i in range(len(doc)) if forms[i]]


@pytest.mark.parametrize("lead", [2, 6])
def test_versions_are_not_told_by_their_lines_where_the_opening_line_does_not_open_them(lead):
    # Both copies open with a kicker the clean text lacks ("产业发展"), so the
    # line that stands again opens the first copy and the second, and the
    # first part holds the first copy and the clean text, which the evidence
    # told apart.  Such parts are no versions: their lines say nothing.
    first, clean, second = _two_copies_of_title_and_lead(lead)
    doc = ["产业发展", "", *first, "", *clean, "", "产业发展", "", *second]
    start, end = len(first) + 3, len(first) + 3 + len(clean)
    labels = [not start <= i < end for i in range(len(doc))]
    split, forms = _split(doc, labels)
    assert [split[i] for i in range(len(doc)) if forms[i]] == [labels[i] for i in range(len(doc)) if forms[i]]


@pytest.mark.parametrize("rendering", ["lines", "runs", "spaced-lines"])
@pytest.mark.parametrize("width", [16, 24])
def test_a_copys_page_head_over_its_whole_title_stays_with_the_copy(width, rendering):
    # A copy after the clean text, its title whole on one line under its page
    # head ("1" / "要闻"), which the evidence gave to the copy.  Told apart by
    # their lines, the clean version runs up to the copy's title; the head's
    # short pieces right above it stay the copy's.
    import random

    from bench.degrade import Profile, render_copy

    lines = expected_lines()
    truth = lines[:12]
    clean = [truth[0]] + ["\u3000\u3000" + p for p in truth[1:]]
    profile = Profile("after", rendering, "space-lines", "none", width)
    copy = _with_whole_title(render_copy(truth, profile, random.Random(0), False), truth[0])
    doc = clean + ["", "1", "", "\u3000要闻", "", *copy]
    split, forms = _split(doc, [i > len(clean) for i in range(len(doc))])
    assert [split[i] for i in range(len(doc)) if forms[i]] == [i > len(clean) for i in range(len(doc)) if forms[i]]


@pytest.mark.parametrize("width", [16, 20, 24])
def test_a_copys_closing_dateline_touching_the_clean_title_stays_the_copys(width):
    # A copy before the clean text ends with its dateline in brackets, after
    # a blank line, right against the clean title.  A line so placed is
    # taken for the clean title; but no title is wholly in brackets.
    import random

    from bench.degrade import Profile, render_copy
    from pipeline import detection
    from pipeline.compare import form_only

    lines = expected_lines()
    dateline = "（本报长春9月20日电）"
    truth = [*lines[:6], dateline]
    clean = [truth[0]] + ["\u3000\u3000" + p for p in truth[1:]]
    copy = render_copy(truth[:6], Profile("before", "lines", "space-lines", "none", width), random.Random(0), False)
    copy_lines = copy.rstrip("\n").split("\n") + ["", dateline]
    doc = tuple(copy_lines + clean)
    kinds = [detection.line_kind(line) for line in doc]
    forms = [form_only(line) if kind == detection.CONTENT else "" for line, kind in zip(doc, kinds)]
    contained = detection._contained_in_longer_line(forms)
    evidence = detection.line_evidence(doc, contained, kinds)
    labels = [i < len(copy_lines) for i in range(len(doc))]
    settled = detection._settle_edges(doc, evidence, labels, contained, forms)
    assert [settled[i] for i in range(len(doc)) if forms[i]] == [labels[i] for i in range(len(doc)) if forms[i]]


@pytest.mark.parametrize("rendering", ["spaced-lines", "runs", "lines"])
@pytest.mark.parametrize("width", [16, 21, 24])
def test_an_exclaimed_title_after_a_copy_ending_on_a_dash_stays_clean(width, rendering):
    # Two copies, their titles without their first words, around the clean
    # text.  The first ends with a paragraph closing on "——", open, and the
    # clean title after it closes with "！”", like a sentence: it reads as
    # the copy's paragraph going on, and as the clean title the copy prints
    # again.  Settled as the title once, it stays so (the two rules took
    # turns, and the second copy's title came into the clean text).
    import random

    from bench.degrade import Profile, render_copy

    lines = expected_lines()
    title = "“长春工业经济提振发力量质齐升！”"
    paragraphs = lines[9:18]
    assert paragraphs[4].endswith("——")
    truth = [title, *paragraphs]
    clean = [title] + ["\u3000\u3000" + p for p in paragraphs]
    profile = Profile("two-copies", rendering, "indent-lost", "title-cut", width)
    first = render_copy([title[3:], *paragraphs[:5]], profile, random.Random(0), False).rstrip("\n")
    second = render_copy([title[3:], *paragraphs], profile, random.Random(1), False)
    out = repair_document(first + "\n\n" + "\n".join(clean) + "\n" + second)
    assert out.text.splitlines() == truth


def test_a_run_of_clean_paragraphs_the_copy_ran_into_one_pins_a_second_saying_too():
    # A standfirst only the copy has, saying again sentences of clean
    # paragraphs 4 and 7, between the copy's title and a paragraph into
    # which the copy ran clean paragraphs 1 and 2 (no marker showed their
    # break).  That paragraph renders 1 and 2 whole, so the standfirst's
    # place is between 0 and 1, far from 4 and 7: it is kept whole.
    from pipeline import dedup
    from pipeline.compare import comparison_form
    from pipeline.model import Paragraph

    lines = expected_lines()
    clean = [lines[0], lines[1], lines[3], lines[4], lines[6], lines[9], lines[12], lines[7]]
    sizes = [len(comparison_form(t)[0]) for t in clean]
    standfirst = lines[6][:30] + "。" + lines[7][:20]
    texts = [clean[0], standfirst, clean[1] + clean[2], clean[3]]
    paragraphs = [Paragraph(t, SectionKind.BROKEN, 1, k, k) for k, t in enumerate(texts)]
    forms = [comparison_form(t)[0] for t in texts]
    decisions = [
        (paragraphs[0], (0,), "", 1.0, 0),
        (paragraphs[1], (4, 7), "", 0.9, 4),
        (paragraphs[2], (1, 2), "", 1.0, 2),
        (paragraphs[3], (3,), "", 1.0, 3),
    ]
    kept = dedup._keep_out_of_order(decisions, forms, sizes)
    assert kept[1] == (paragraphs[1], (), standfirst, 0.9, None)
    assert kept[:1] + kept[2:] == decisions[:1] + decisions[2:]


@pytest.mark.parametrize(
    "extra, rendering, width",
    [(12, "spaced-lines", 24), (13, "runs", 24), (17, "lines", 14), (21, "lines", 30), (51, "runs", 20)],
)
def test_a_copys_new_last_paragraph_against_the_clean_title_is_the_copys(extra, rendering, width):
    # A copy before the clean text ends with a paragraph the web text lacks,
    # its last lines written right against the clean title.  Those lines
    # close a sentence, or end like a heading, as clean lines do; but web
    # text opens with its title, and the title the copy opened with stands
    # right after them: they are the copy's, and its new paragraph goes
    # after the paragraph before it, not before the title.
    import random

    from bench.degrade import Profile, render_copy

    lines = expected_lines()
    truth = lines[:5] + [lines[extra]]
    copy = render_copy(truth, Profile("before", rendering, "none", "none", width), random.Random(0), False)
    body = "\n".join([truth[0]] + ["\u3000\u3000" + p for p in truth[1:5]])
    out = repair_document(copy.rstrip("\n") + "\n" + body + "\n")
    assert out.text.splitlines() == truth


def test_web_paragraphs_before_the_next_copys_title_stay_clean():
    # Clean paragraphs between two copies, the second copy left on the clean
    # side: the copy's title stands again a few lines after them.  They are
    # web paragraphs, wider than the copy's column, not the copy's last
    # printed lines.
    import random

    from bench.degrade import Profile, render_copy

    truth = expected_lines()[:4]
    copy = render_copy(truth, Profile("two-copies", "lines", "none", "none", 20), random.Random(0), False)
    copy_lines = copy.rstrip("\n").split("\n")
    web = ["\u3000\u3000" + p for p in truth[2:]]
    doc = tuple(copy_lines + web + copy_lines)
    settled = _settled(doc, [True] * len(copy_lines) + [False] * (len(web) + len(copy_lines)))
    assert settled[len(copy_lines) : len(copy_lines) + len(web)] == [False] * len(web)


@pytest.mark.parametrize("foot", ["本版责编：陈丽华", "- 23 -"])
@pytest.mark.parametrize("rendering, width", [("lines", 26), ("spaced-lines", 29), ("runs", 20)])
def test_a_copys_page_foot_against_the_clean_title_leaves_with_the_copy(foot, rendering, width):
    # A copy before the clean text ends with its page's foot, written right
    # against the clean title: the page's credit line (which names the
    # page, not the article) or a dressed page number.  Web text has no
    # pages; the foot is the copy's and leaves with its furniture.
    import random

    from bench.degrade import Profile, render_copy

    truth = expected_lines()[:5]
    copy = render_copy(truth, Profile("before", rendering, "none", "none", width), random.Random(0), False)
    sep = "\n" if rendering == "lines" else "\n\n"
    body = "\n".join([truth[0]] + ["\u3000\u3000" + p for p in truth[1:]])
    out = repair_document(copy.rstrip("\n") + sep + foot + "\n" + body + "\n")
    assert out.text.splitlines() == truth
    assert out.report.counts["furniture_lines_removed"] == 1


@pytest.mark.parametrize("rendering", ["lines", "spaced-lines", "runs"])
def test_an_articles_credit_line_over_the_copys_page_foot_is_the_articles(rendering):
    # The article ends with its own credit line ("版式设计：…"), which both
    # the clean text and the copy after it print; under the copy's, the
    # page's foot closes the copy ("本版责编：…", the page number).  Only the
    # page's foot follows it: it is the article's end, not a page's foot
    # inside the copy, so the clean text keeps it.
    import random

    from bench.degrade import Profile, render_copy

    truth = expected_lines()[:5] + ["版式设计：蔡华伟"]
    copy = render_copy(truth, Profile("after", rendering, "none", "none", 24), random.Random(0), False)
    sep = "\n" if rendering == "lines" else "\n\n"
    foot = sep.join(["本版责编：赵  政  孙  萌", "23"])
    body = "\n".join([truth[0]] + ["\u3000\u3000" + p for p in truth[1:-1]] + [truth[-1]])
    out = repair_document(body + "\n" + copy.rstrip("\n") + sep + foot + "\n")
    assert out.text.splitlines() == truth


@pytest.mark.parametrize("paragraphs", [3, 4])
def test_versions_are_told_by_their_text_where_the_evidence_gave_the_clean_title_to_the_copy_before(paragraphs):
    # A whole copy, a short clean text, and a second copy cut off after the
    # lead, each printing the title whole.  The evidence ran the first copy
    # on over the clean title, and took the short second copy for clean
    # text.  A part's kind is its text's: the clean title in the copy's
    # label does not make the clean part one of both kinds (a title and
    # three paragraphs would be a quarter broken), and the lines tell the
    # versions apart.
    import random

    from bench.degrade import Profile, render_copy

    lines = expected_lines()
    truth = [lines[0], lines[2], *lines[5 : 4 + paragraphs]]
    clean = [truth[0]] + ["\u3000\u3000" + p for p in truth[1:]]
    profile = Profile("two-copies", "lines", "none", "none", 28)
    whole = _with_whole_title(render_copy(truth, profile, random.Random(0), False), truth[0])
    cut = _with_whole_title(render_copy(truth[:2], profile, random.Random(0), False), truth[0])
    doc = whole + [""] + clean + [""] + cut
    start, end = len(whole) + 1, len(whole) + 1 + len(clean)
    labels = [i <= start for i in range(len(doc))]
    split, forms = _split(doc, labels)
    assert [split[i] for i in range(len(doc)) if forms[i]] == [not start <= i < end for i in range(len(doc)) if forms[i]]


@pytest.mark.parametrize("heading", ["坚定不移地稳工业运行，动力强劲", "企业经营收益增加，底气更足", "产业投资快速增长绿色发展"])
def test_a_heading_only_the_copy_has_run_into_the_next_paragraph_is_told_apart_by_its_opening(heading):
    # A copy's subheading that fills its printed line, over a paragraph
    # whose indent the extraction dropped, shows no break: rejoin gives one
    # paragraph, the heading and the clean paragraph's text.  The heading
    # uses the article's words (from the paragraph after), so new words
    # join two phrases the clean text never writes side by side, and the
    # whole sentence read as the copy's own: the clean paragraph came out
    # twice.  The clean paragraph's opening shows where the heading ends.
    lines = expected_lines()
    clean_texts = [lines[0], *lines[2:8]]
    copy_texts = [lines[0], lines[2], heading + lines[6], lines[7]]
    assert _merged(clean_texts, copy_texts) == [*clean_texts[:5], heading, *clean_texts[5:]]


def test_a_heading_only_the_copy_has_ending_with_a_dash_is_told_apart_from_the_short_paragraph_it_ran_into():
    # A heading may end with a dash ("…基础设施“硬联通”——"), over a
    # paragraph whose break nothing showed, here one of a heading's size (a
    # list's short item, a caption).  All that follows the dash is that
    # paragraph: the heading is a sentence of its own.
    lines = expected_lines()
    heading = "稳运行，促满产——"
    clean_texts = [lines[0], lines[2], lines[29], lines[30], lines[31]]
    copy_texts = [lines[0], lines[2], lines[29], heading + lines[30], lines[31]]
    assert _merged(clean_texts, copy_texts) == [*clean_texts[:3], heading, *clean_texts[3:]]


def test_a_new_paragraph_that_says_the_subtitle_again_is_kept_whole():
    # A paragraph only the copy has opens with a sentence of its own, then
    # says the subtitle again ("奋斗成就伟业，梦想凝聚力量。全年看，长春工业
    # 经济提振发力，…").  The copy renders the subtitle whole just before
    # it, so the text is the article saying it twice, though a later
    # paragraph also says the subtitle's words and both matched it.
    lines = expected_lines()
    subtitle = "长春工业经济提振发力交出亮眼成绩单"
    novel = "奋斗成就伟业，梦想凝聚力量。全年看，长春工业经济提振发力，交出亮眼成绩单。"
    later = lines[7] + "长春工业经济提振发力，交出亮眼成绩单。"
    clean_texts = [lines[0], subtitle, lines[4], lines[5], later]
    copy_texts = [lines[0], subtitle, novel, lines[4], lines[5], later]
    assert _merged(clean_texts, copy_texts) == [*clean_texts[:2], novel, *clean_texts[2:]]


def test_a_copy_paragraph_spread_over_several_clean_ones_is_no_twin():
    # The guard on the rule above: a copy paragraph matched by three clean
    # paragraphs or more is a mixture of them (a title run into its
    # subtitle, in a copy whose clean text holds a lossy copy's title
    # lines), not one paragraph rendered whole; text it shares with another
    # copy paragraph is no sign the article says that text twice.
    from pipeline.dedup import Reference, _keep_second_occurrences
    from pipeline.model import Paragraph

    mixture = "长春工业经济提振发力交出亮眼成绩单"
    later = "奋斗成就伟业梦想凝聚力量长春工业经济提振发力交出亮眼成绩单"
    paragraphs = [Paragraph(t, SectionKind.BROKEN, 1, n, n) for n, t in enumerate([mixture, later])]
    sizes = [len(mixture), 40, 40]
    ref = Reference(6)
    for form in (mixture, "从挑战看应战" * 6 + "一度", "从变量看质量" * 6 + "长春"):
        ref.add(form)
    for where, twin in (((0,), True), ((0, 1), True), ((0, 1, 2), False)):
        decisions = [(paragraphs[0], where, "", 1.0, 0), (paragraphs[1], (0,), "奋斗成就伟业，梦想凝聚力量。", 0.6, 0)]
        out = _keep_second_occurrences(decisions, [mixture, later], sizes, ref)
        assert (out[1][2] == later) is twin, where


def test_a_signature_the_copy_prints_apart_from_the_paragraph_it_closes_is_no_second_occurrence():
    # A notice's last paragraph closes with its signing bodies and date,
    # whose words its title holds; the copy before the web text prints the
    # signature apart, as a paragraph of its own.  That paragraph repeats
    # the copy's title, but the clean text says those words twice as well
    # (title and signature): the article does not say them once more.
    import random

    from bench.degrade import Profile, render_copy

    lines = expected_lines()
    title = "长春市工业和信息化局、长春市发展和改革委员会关于提振工业经济的通告"
    signature = "长春市工业和信息化局、长春市发展和改革委员会\u3000\u30002022年10月13日"
    wrong = []
    for a, b, c, width in ((10, 19, 25, 35), (16, 25, 31, 25), (19, 28, 31, 25)):
        truth = [title, "".join(lines[a:b]), "".join(lines[b:c]) + signature]
        copy = render_copy(truth, Profile("before", "lines", "none", "fffd-quotes", width), random.Random(0), False)
        out = repair_document(copy + "\n" + "\n".join(truth))
        if out.text.splitlines() != [canonical_paragraph(t)[0] for t in truth]:
            wrong.append((a, b, c, width))
    assert wrong == []


def _merged(clean_texts: list[str], copy_texts: list[str]) -> list[str]:
    """The texts dedup gives for clean paragraphs and one copy's paragraphs after them."""
    from pipeline.dedup import merge
    from pipeline.model import Paragraph, RepairOptions

    clean = [Paragraph(t, SectionKind.CLEAN, 0, i + 1, i + 1) for i, t in enumerate(clean_texts)]
    broken = [Paragraph(t, SectionKind.BROKEN, 1, 50 + i, 50 + i) for i, t in enumerate(copy_texts)]
    out, _ = merge(tuple(clean + broken), options=RepairOptions())
    return [p.text for p in out]


@pytest.mark.parametrize("mark", ["\ufdd0", "\ufffd", "\ufdd0\ufdd0"])
def test_a_lost_character_standing_alone_between_duplicates_is_not_kept_as_novel(mark):
    # A lossy copy's title lost its last bracket, which the rejoin left as
    # a paragraph of its own between the title and the label under it (held-
    # out 7 #233).  The clean body writes that bracket; beside text only the
    # copy has, the same mark stays, and is flagged.
    from pipeline.mojibake import LOST

    assert LOST == "\ufdd0"
    lines = expected_lines()
    title, lead, body = lines[0], lines[1], lines[2]
    assert _merged([title, lead, body], [title, mark, lead, body]) == [title, lead, body]
    assert _merged([title, lead, body], [mark, title, lead]) == [title, lead, body]
    novel = "这一段只有副本才有，网页正文里没有。"
    assert _merged([title, lead, body], [title, novel, mark, lead]) == [title, novel, mark, lead, body]


@pytest.mark.parametrize("byline", ["本报记\ufdd0王明", "本报记者王\ufdd0", "\ufdd0报记者王明"])
def test_a_byline_run_into_the_title_with_a_character_lost_is_the_clean_bylines_duplicate(byline):
    # A lossy copy's byline lost a character ("新华社记者  李寒芳" read as
    # GBK: 者 before the spaces), and its rejoin ran the byline into the
    # title over it, one paragraph.  The title is the clean title's
    # duplicate and the rest, the clean byline but for the lost character,
    # is one too: looked up as it stands it was new text, and kept, the
    # byline stood twice (heldout2 3 #488).  A line the clean text lacks
    # stays, lost character or not.
    lines = expected_lines()
    title, lead = lines[0], lines[1]
    assert _merged([title, "本报记者王明", lead], [title + byline, lead]) == [title, "本报记者王明", lead]
    other = _merged([title, "本报记者王明", lead], [title + "本报通讯\ufdd0李华", lead])
    assert sorted(other) == sorted([title, "本报记者王明", "本报通讯\ufdd0李华", lead])


@pytest.mark.parametrize("k", [4, 6, 8])
def test_a_paragraph_both_copies_say_where_the_clean_text_lacks_it_is_kept_once(k):
    # Two copies around the web text, each printing under the title a
    # paragraph the web text lacks there: the first half of its last
    # paragraph, said again (a standfirst).  Kept by the first copy as the
    # article saying it twice, the second copy's was kept too, for the
    # same reason, though the first copy's, kept, is its twin: one copy
    # does not repeat itself (heldout2 1 #265, a source line sharing its
    # date with the title).
    from pipeline.dedup import merge
    from pipeline.model import Paragraph, RepairOptions

    lines = expected_lines()
    novel = lines[k - 1][: len(lines[k - 1]) // 2 + 6]
    copy = [lines[0], novel, *lines[1:k]]
    doc = (
        [Paragraph(t, SectionKind.BROKEN, 0, 1 + i, 1 + i) for i, t in enumerate(copy)]
        + [Paragraph(t, SectionKind.CLEAN, 1, 100 + i, 100 + i) for i, t in enumerate(lines[:k])]
        + [Paragraph(t, SectionKind.BROKEN, 2, 200 + i, 200 + i) for i, t in enumerate(copy)]
    )
    out, report = merge(tuple(doc), options=RepairOptions())
    assert [p.text for p in out] == copy
    assert report.counts["novel_paragraphs_kept"] == 1


def test_a_closing_note_run_on_after_a_lost_stop_is_no_novel_text():
    # A lossy copy lost a paragraph's stop, and rejoin ran the author's note
    # under it on ("…的认识" LOST "（作者为…研究员）", ours 0 #47).  The
    # paragraph is the copy's own, but the note is the clean text's last
    # paragraph: kept, it would stand twice.
    from pipeline.mojibake import LOST

    lines = expected_lines()
    note = "（作者为武汉大学马克思主义理论与中国实践协同创新中心研究员）"
    novel = "这一段只有副本才有，网页正文里没有，深化了对社会主义生产目的的认识"
    assert _merged([lines[0], lines[1], note], [novel + LOST + note]) == [lines[0], lines[1], novel + LOST, note]
    # A note the clean text lacks stays with the paragraph.
    other = "（作者为中国人民大学教授）"
    assert _merged([lines[0], lines[1], note], [novel + LOST + other]) == [lines[0], lines[1], note, novel + LOST + other]


@pytest.mark.parametrize("case", ["after a clause", "heading-sized paragraph", "heading-sized paragraph ending it"])
@pytest.mark.parametrize("place", ["alone", "after the lead"])
def test_a_sentence_only_the_copy_has_that_goes_on_with_a_paragraphs_opening_is_kept_whole(case, place):
    # What runs into a paragraph's opening is a heading only where it ends
    # on a word: a clause the copy's own sentence opens with ("…首位，")
    # goes on into the clean text's words by right, and the sentence, which
    # joins two things the clean text says far apart, is kept whole.  Nor
    # is a heading-sized paragraph ("无惧风浪立潮头，…") the opening of one:
    # a sentence may end with the words a subheading quotes.
    lines = expected_lines()
    if case == "after a clause":
        clean_texts = [lines[0], *lines[2:8]]
        new = "规上工业增速连续两个月居15个副省级城市和全国省会城市首位，" + lines[6]
    else:
        # (Ending the sentence too: only after a heading's dash is all of a
        # sentence's rest a heading-sized paragraph of its own.)
        clean_texts = [lines[0], lines[2], lines[10], lines[12]]
        new = "长春工业的七十年，正是这样一段" + lines[12]
        if case == "heading-sized paragraph":
            new += "新时代必将产生更多英雄模范。"
    copy_texts = [new] if place == "alone" else [lines[0], lines[2], new]
    assert new in _merged(clean_texts, copy_texts)


@pytest.mark.parametrize("rendering", ["runs", "spaced-lines"])
def test_a_copy_whose_first_sentence_says_the_title_again_is_one_copy(rendering):
    # A copy-only document whose title holds a figure, so runs cut it at the
    # figure ("长春全市…增长" / "22.4%"), and whose lead says the title's
    # words again, cut at the same figure.  The lead's first run reads like
    # a whole title beside the copy's cut one, and the rest of the copy
    # like the clean version it opens.  But that version's many lines stop
    # mid-sentence, as printed lines do and web paragraphs never: the whole
    # document is one copy.
    import random

    from bench.degrade import Profile, render_copy

    lines = expected_lines()
    title = "长春全市规模以上工业增加值增长22.4%"
    truth = [title, title + "，" + lines[3], *lines[4:12]]
    wrong = []
    for width in range(14, 41):
        copy = render_copy(truth, Profile("copy-only", rendering, "none", "none", width), random.Random(0), False)
        out = repair_document(copy)
        if set(_kinds(out)) != {SectionKind.BROKEN} or out.text.splitlines()[0] != title:
            wrong.append(width)
    assert wrong == []


@pytest.mark.parametrize("rendering", ["lines", "spaced-lines"])
@pytest.mark.parametrize("marker", ["indent-ideographic", "none", "space-lines"])
def test_a_short_article_with_a_subtitle_before_its_wide_copy_is_told_by_its_text(rendering, marker):
    # A title, a subtitle and one paragraph, then a copy set wide enough to
    # print the title whole, holding a lead the web text lacks.  The two
    # versions are told apart by how often their lines stop mid-sentence;
    # the subtitle closes nothing in either, and in a version of one
    # paragraph it made the clean one look half open.  It is the title
    # block's, not the text's, and no longer counts.  (At some widths the
    # copy's lines happen to close their sentences, and nothing tells the
    # versions apart: 34 here.)
    import random

    from bench.degrade import Profile, render_copy

    lines = expected_lines()
    title, subtitle = "长春工业提振发力", "量质齐头并进交出亮眼成绩单"
    wrong = []
    for width in (30, 37, 40):
        for lead in (2, 6):
            truth = [title, subtitle, lines[lead], lines[5]]
            copy = render_copy(truth, Profile("copy-novel", rendering, marker, "none", width), random.Random(0), False)
            out = repair_document("\n\n".join([title, subtitle, lines[5]]) + "\n\n" + copy)
            if out.text.splitlines() != [canonical_paragraph(t)[0] for t in truth]:
                wrong.append((width, lead))
    assert wrong == []


@pytest.mark.parametrize("rendering", ["runs", "spaced-lines", "lines"])
def test_a_copy_of_the_title_and_a_lead_after_the_clean_text_is_told_by_its_open_lines(rendering):
    # The clean text (a title and four paragraphs) and, after it, a copy of
    # the title and the lead the web text lacks, two printed lines.  The
    # copy's first line closes nothing, as a subtitle would; but only a
    # line both versions print whole is a title block's, passed over when
    # their lines are weighed: this one is the copy's text, and it shows
    # the copy's lines stop mid-sentence.
    import random

    from bench.degrade import Profile, render_copy

    lines = expected_lines()
    title, body = "长春工业提振发力", [lines[3], lines[4], lines[9], lines[12]]
    wrong = []
    for width in range(30, 41, 2):
        for lead in (5, 8):
            copy = render_copy([title, lines[lead]], Profile("copy-novel", rendering, "none", "none", width), random.Random(0), False)
            out = repair_document("\n".join([title] + ["\u3000\u3000" + p for p in body]) + "\n" + copy)
            if out.text.splitlines() != [canonical_paragraph(t)[0] for t in [title, lines[lead], *body]]:
                wrong.append((width, lead))
    assert wrong == []


@pytest.mark.parametrize("rendering", ["runs", "spaced-lines", "lines"])
@pytest.mark.parametrize("traditional", [False, True])
def test_the_clean_texts_signature_and_date_the_copy_prints_again_at_its_end_are_clean(rendering, traditional):
    # A notice closes with its signing body and date; a copy of it follows,
    # its title whole.  The evidence gave the two short lines to the copy
    # (the signature stands inside the copy's title).  The copy prints them
    # again at its end, so they are the clean text's: compared by form, as
    # a traditional copy prints them in its script, and over the copy's
    # last runs, into which a date is cut at every change of script
    # ("2022" / "年" / "10" / "月" / "13" / "日").
    import random

    import opencc

    from bench.degrade import Profile, render_copy

    lines = expected_lines()
    title = "长春市工业和信息化局关于提振工业经济的通告"
    truth = [title, *lines[2:6], "长春市工业和信息化局", "2022年10月13日"]
    clean = [truth[0]] + ["    " + p for p in truth[1:]]
    wrong = []
    for width in (17, 23, 29, 35):
        copy = render_copy(truth, Profile("after", rendering, "none", "none", width), random.Random(0), False)
        copy_lines = _with_whole_title(copy, title)
        if traditional:
            copy_lines = [opencc.OpenCC("s2t").convert(line) for line in copy_lines]
        doc = tuple(clean + [""] + copy_lines)
        settled = _settled(doc, [i >= len(clean) - 2 for i in range(len(doc))])
        if settled[len(clean) - 2 : len(clean)] != [False, False]:
            wrong.append(width)
    assert wrong == []


@pytest.mark.parametrize("rendering", ["runs", "spaced-lines"])
def test_a_copys_page_number_and_section_name_over_its_title_stay_the_copys(rendering):
    # The copy after the web text opens with its page's number and section
    # name, "2" / "国际", then its title: lines before the copy's title, but
    # too few words to be the clean text's closing lines (the rule below).
    import random

    from bench.degrade import Profile, render_copy

    lines = expected_lines()
    truth = lines[:12]
    clean = [truth[0]] + ["    " + p for p in truth[1:]]
    wrong = []
    for width in (15, 22, 30, 39):
        copy = render_copy(truth, Profile("after", rendering, "space-lines", "none", width), random.Random(0), False)
        doc = tuple(clean + ["2", "", "\u3000国际", ""] + copy.rstrip("\n").split("\n"))
        settled = _settled(doc, [i >= len(clean) for i in range(len(doc))])
        if not (settled[len(clean)] and settled[len(clean) + 2]):
            wrong.append(width)
    assert wrong == []


@pytest.mark.parametrize("rendering, marker", [("runs", "space-lines"), ("spaced-lines", "none"), ("lines", "indent-ideographic")])
def test_the_clean_texts_signature_that_a_sentence_says_too_before_the_copys_title_is_clean(rendering, marker):
    # The web text, a paragraph a line with blank lines between, closes with
    # its signing body, a short open line whose words a sentence of the
    # article says too ("8月10日，长春市工业和信息化局牵头举办…"); a copy
    # of the article's first paragraphs follows, cut narrow, so the
    # signature looks like one of its printed lines.  The copy opens with
    # its title, so the line before the title is the clean text's.
    import random

    from bench.degrade import Profile, render_copy

    lines = expected_lines()
    truth = [*lines[:18], "长春市工业和信息化局"]
    wrong = []
    for width in (12, 15, 18):
        copy = render_copy(lines[:6], Profile("after", rendering, marker, "none", width), random.Random(0), False)
        if repair_document("\n\n".join(truth) + "\n" + copy).text.splitlines() != truth:
            wrong.append(width)
    assert wrong == []


@pytest.mark.parametrize("rendering", ["lines", "spaced-lines", "runs"])
def test_a_copys_title_quoting_its_last_sentence_without_the_full_stop_stays_the_copys(rendering):
    # A second copy after the clean text opens with its title without its
    # first words, which quotes the article's last sentence ("中国人我感到由衷
    # 自豪”"); the copy ends with that sentence, full stop and all.  Only a
    # line printed again to the mark is the clean text's closing line: the
    # title is no closing line of the clean text, and stays the copy's.
    import random

    from bench.degrade import Profile, render_copy
    from pipeline.compare import form_only

    lines = expected_lines()
    title = "“我们要让长春工业昂首向前”"
    truth = [title, lines[2], lines[3], lines[4] + "他说：“我们要让长春工业昂首向前。”"]
    clean = [truth[0]] + ["\u3000\u3000" + p for p in truth[1:]]
    checked, wrong = 0, []
    for width in range(14, 41):
        copy = render_copy(truth, Profile("after", rendering, "none", "none", width), random.Random(0), False)
        copy_lines = copy.rstrip("\n").split("\n")
        last = copy_lines[-1].strip()
        if len(form_only(last)) < 8 or not last.endswith("。”"):
            continue
        checked += 1
        end = next(k for k in range(1, 8) if "".join(line.strip() for line in copy_lines[:k]) == title)
        doc = tuple(clean + ["", ""] + [" " + last.replace("。", "")] + copy_lines[end:])
        if not _settled(doc, [i >= len(clean) for i in range(len(doc))])[len(clean) + 2]:
            wrong.append(width)
    assert checked >= 10 and wrong == []


# Photo captions and their credits, a line each: lines that close their
# sentences in a copy as in clean text.
_CAPTIONS = [
    "图①：北京建国门桥西北角的主题花坛。",
    "本报记者贺勇摄",
    "图②：北京东单路口的主题花坛。",
    "马怀刚摄（影像中国）",
    "图③：北京西单路口的主题花坛。",
    "何建勇摄（人民视觉）",
]


@pytest.mark.parametrize("rendering", ["lines", "spaced-lines", "runs"])
@pytest.mark.parametrize("style", ["indent", "blank"])
def test_a_copys_captions_under_its_page_foot_before_the_clean_title_are_the_copys(rendering, style):
    # A copy before the clean text ends with the article's photo captions,
    # its page's foot printed after the first.  Each caption closes its
    # sentence, so the evidence ends the copy at the foot and takes the
    # captions under it for clean text, which printed them twice; the clean
    # text's own then went as their duplicates, or stayed beside them.  They
    # stand between the copy and the clean title, and the clean text prints
    # every one again: they are the copy's.
    import random

    from bench.degrade import Profile, render_copy

    truth = expected_lines()[:5] + _CAPTIONS
    copy = render_copy(truth, Profile("before", rendering, "none", "none", 24), random.Random(0), False)
    sep = "\n" if rendering == "lines" else "\n\n"
    copy = copy.replace(_CAPTIONS[0] + sep, _CAPTIONS[0] + sep + sep.join(["第17版 要闻", "17"]) + sep)
    if style == "indent":
        body = "\n".join([truth[0]] + ["\u3000\u3000" + p for p in truth[1:5]] + _CAPTIONS)
    else:
        body = "\n\n".join(truth)
    out = repair_document(copy.rstrip("\n") + sep + body + "\n")
    assert out.text.splitlines() == truth


@pytest.mark.parametrize(
    "between, kept",
    [
        (_CAPTIONS[2:], False),  # printed again in order: the copy's
        (["编者按：这是一条只在网页上的按语。", *_CAPTIONS[2:]], True),  # one the clean text lacks
        ([_CAPTIONS[4], _CAPTIONS[2]], True),  # printed again, but not in that order
    ],
)
def test_lines_between_a_copy_and_the_clean_title_go_to_the_copy_only_if_the_clean_text_prints_them_again(
    between, kept
):
    from pipeline import detection
    from pipeline.compare import form_only

    title = expected_lines()[0]
    copy = [title[:10], title[10:], "7月，规上工业增长22.4%；8", "月，增长41.6%。", *_CAPTIONS[:2]]
    clean = [title, "\u3000\u3000" + expected_lines()[1], *_CAPTIONS]
    doc = copy + between + clean
    forms = [form_only(line) for line in doc]
    labels = [i < len(copy) for i in range(len(doc))]
    out = detection._tail_printed_again(forms, labels)
    assert out[len(copy) : len(copy) + len(between)] == [not kept] * len(between)
    assert out[: len(copy)] == labels[: len(copy)] and out[len(copy) + len(between) :] == labels[len(copy) + len(between) :]


@pytest.mark.parametrize(
    "title, width",
    [
        (0, 26),  # the title's last character lost with its line break: a line of its own
        (51, 20),  # a character lost inside the title cut across two lines
        (51, 30),  # a character lost inside the title printed whole
        (45, 24),
    ],
)
def test_a_lossy_copys_title_that_lost_a_character_still_opens_the_copy(title, width):
    # A copy through UTF-8 read as GBK with errors replaced loses characters
    # where a byte pair was invalid; comparison forms drop them.  A copy
    # holding a paragraph the clean text lacks is told by its title, cut
    # across lines or whole; with a character of it lost, the title matched
    # no clean title, the copy was taken for clean text and came out
    # unrepaired, its title twice.  A lost character stands for one or two
    # of the title's.
    import random

    from bench.degrade import Profile, _codec, render_copy

    lines = expected_lines()
    truth = [lines[title], lines[2], lines[3], lines[6], lines[7]]
    clean = [truth[0]] + ["\u3000\u3000" + p for p in truth[2:]]
    profile = Profile("copy-novel", "lines", "indent-ideographic", "utf8-as-gbk", width)
    copy = render_copy(truth[:2], profile, random.Random(0), False)
    out = repair_document("\n".join(clean) + "\n" + _codec(copy, "utf8-as-gbk"))
    assert [s.kind for s in out.sections] == [SectionKind.CLEAN, SectionKind.BROKEN]
    texts = out.text.splitlines()
    assert len(texts) == len(truth) and texts[0] == truth[0]
    assert sum(truth[0][:4] in text for text in texts) == 1


def test_a_lost_character_stands_for_at_most_two_of_the_titles():
    from pipeline import detection
    from pipeline.compare import form_only
    from pipeline.mojibake import LOST

    title = "潜力释放梯度培育专精特新"
    for lost, spells in [("梯", True), ("梯度", True), ("释放梯度", False)]:
        doc = ("潜力" + title[2:8].replace(lost, LOST, 1), title[8:])
        forms = [form_only(line) for line in doc]
        lossy = detection._lossy_patterns(doc, 0, len(doc))
        assert (detection._cut_title_end(forms, [0, 1], 0, title, lossy) is not None) is spells


@pytest.mark.parametrize("style", ["blank", "indent"])
@pytest.mark.parametrize("copies", [1, 2])
def test_copies_of_the_title_block_alone_whose_subtitle_is_cut_at_its_figure(style, copies):
    # A copy holding only the title block (the title whole, the subtitle cut
    # into runs at its opening figure, "60" / "岁以上老人用餐可享餐补") before
    # the clean text, and another after it.  Each was too thin to keep,
    # and its pieces came out beside the clean text's.  With two copies,
    # three whole titles tell nothing; the cut subtitle does, though the
    # whole one follows it only after the clean title.  With one, the
    # version of a title block alone is the copy's, its subtitle cut in
    # two as it is.
    lines = expected_lines()
    title, subtitle = "南宁建设一批“长者饭堂”", "60岁以上老人用餐可享餐补"
    truth = [title, subtitle, lines[2], lines[3], lines[4]]
    block = "\n\n".join([title, "60", "岁以上老人用餐可享餐补"])
    if style == "blank":
        clean = "\n\n".join(truth)
    else:
        clean = "\n".join([title, subtitle] + ["\u3000\u3000" + p for p in truth[2:]])
    out = repair_document(block + "\n\n\n" + clean + ("\n\n\n" + block) * (copies - 1) + "\n")
    assert out.text.splitlines() == truth


def test_three_short_lines_are_a_title_block_only_where_the_last_two_spell_a_line_of_the_other_version():
    # A title block is a title and a subtitle; three lines closing nothing
    # are one only where the last two are the subtitle cut, which the other
    # version prints whole (not a title over a subtitle and a kicker).
    from pipeline.compare import form_only
    from pipeline.detection import _title_block_only

    lines = ("南宁建设一批“长者饭堂”", "60", "岁以上老人用餐可享餐补")
    forms = [form_only(line) for line in lines]
    assert _title_block_only(lines, [0, 1, 2], forms, frozenset({"60岁以上老人用餐可享餐补"}))
    assert not _title_block_only(lines, [0, 1, 2], forms, frozenset({"60岁以上老人用餐", "可享餐补"}))


ADDRESS = "同志们、朋友们！"


@pytest.mark.parametrize("variant", ["same marks", "other marks"])
def test_an_address_the_copy_says_once_more_than_the_clean_text_is_kept_where_it_stands(variant):
    # A speech addresses its audience three times ("同志们、朋友们！"); the
    # web text lacks the first.  The copy's three paragraphs of the same
    # words are one more than the clean text holds, so one of them is the
    # article's own; the one whose neighbours the clean text does not set
    # beside those words is it.  (The clean text's two are the copy's other
    # two: nothing is kept twice.)
    lines = expected_lines()
    first = ADDRESS if variant == "same marks" else "同志们，朋友们："
    clean_texts = [lines[0], lines[2], lines[3], ADDRESS, lines[4], lines[5], ADDRESS, lines[6]]
    copy_texts = [lines[0], first, lines[2], lines[3], ADDRESS, lines[4], lines[5], ADDRESS, lines[6]]
    assert _merged(clean_texts, copy_texts) == [lines[0], first, *clean_texts[1:]]


def test_an_address_the_copy_runs_into_a_paragraphs_end_is_kept_where_the_clean_text_lacks_it():
    # The copy's last paragraph break fell on a full line, so its rejoin ran
    # the speech's last address into the paragraph before it.  The clean
    # text says the address twice, elsewhere, and the copy three times: the
    # one the clean text lacks is kept, after that paragraph.
    lines = expected_lines()
    clean_texts = [lines[0], ADDRESS, lines[2], lines[3], ADDRESS, lines[4], lines[5]]
    copy_texts = [lines[0], ADDRESS, lines[2], lines[3], ADDRESS, lines[4], lines[5] + ADDRESS]
    assert _merged(clean_texts, copy_texts) == [*clean_texts, ADDRESS]


def test_an_address_the_copy_holds_as_often_as_the_clean_text_is_no_new_text():
    # A paragraph the copy ran the address into, where the copy holds it no
    # more often than the clean text: a caption or a heading set elsewhere
    # than in the web text, not new text.  Nothing is kept.
    lines = expected_lines()
    clean_texts = [lines[0], ADDRESS, lines[2], lines[3], ADDRESS, lines[4], lines[5]]
    copy_texts = [lines[0], lines[2], lines[3], ADDRESS, lines[4], lines[5] + ADDRESS]
    assert _merged(clean_texts, copy_texts) == clean_texts
    copy_texts = [lines[0], ADDRESS, lines[2], lines[3], lines[4], ADDRESS, lines[5]]
    assert _merged(clean_texts, copy_texts) == clean_texts


def test_the_next_copys_title_at_the_end_of_a_copys_section_is_no_new_text():
    # Two copies back to back, the second cut off after its title, which
    # detection left in the first copy's section: the section says the
    # title twice, once more than the clean text, but the second stands at
    # the section's edge, with nothing after it to place it by.  It is the
    # next copy's, a duplicate.
    lines = expected_lines()
    clean_texts = [lines[0], lines[2], lines[3], lines[4]]
    assert _merged(clean_texts, [*clean_texts, lines[0]]) == clean_texts


@pytest.mark.parametrize("rendering", ["spaced-lines", "runs"])
def test_the_clean_texts_closing_lines_indented_as_its_paragraphs_stay_clean_before_a_copy(rendering):
    # Web text indented with four spaces ends with the signing bodies'
    # names, short open lines like a copy's, which its last paragraph says
    # too, as a copy's lines stand in longer ones: right before the copy,
    # whose lines carry no indent.  The indent is the clean text's: the
    # names stay with it, and none is lost to the copy's title.
    import random

    from bench.degrade import Profile, render_copy

    lines = expected_lines()
    names = ["中小城市发展战略研究院", "国信中小城市指数研究院"]
    truth = [*lines[:12], f"研究成果由{names[0]}和{names[1]}联合发布。", *names]
    clean = "\n".join([lines[0]] + ["    " + p for p in truth[1:]])
    copy = render_copy(lines[:8], Profile("after", rendering, "space-lines", "none", 20), random.Random(0), False)
    out = repair_document(clean + "\n\n" + copy)
    assert out.text.splitlines() == truth


def test_a_copys_last_line_indented_as_the_clean_text_stays_the_copys_where_its_other_lines_are_too():
    # A copy before web text indented with two spaces, set with the same
    # indent at each paragraph's start, ends with a one-line paragraph the
    # web text lacks, against the clean title.  Its indent shows nothing:
    # the copy's other paragraphs carry it too.  It stays the copy's, kept
    # after the paragraph it follows there.
    import random

    from bench.degrade import Profile, render_copy

    lines = expected_lines()
    novel = "记者在现场看到，工人们正忙着装车。"
    truth = [*lines[:8], novel, *lines[8:12]]
    clean = "\n".join([lines[0]] + ["  " + p for p in lines[1:12]])
    copy = render_copy([*lines[:8], novel], Profile("before", "lines", "indent-spaces", "none", 20), random.Random(0), False)
    out = repair_document(copy + "\n" + clean)
    assert out.text.splitlines() == truth


@pytest.mark.parametrize("rendering", ["runs", "lines", "spaced-lines"])
def test_the_date_under_the_clean_texts_signature_stays_clean_before_a_copys_page_head(rendering):
    # Web text indented with U+3000 ends with its signature and the date
    # under it, "　　2019年10月30日"; the copy after it opens with its page
    # head, the paper's name and the date cut into runs.  The date line
    # looks like the head's, but it carries the clean text's indent, which
    # no line of the copy does: it stays clean.
    import random

    from bench.degrade import Profile, render_copy

    lines = expected_lines()
    truth = [*lines[:12], "长春市工业和信息化局", "2019年10月30日"]
    clean = "\n".join([lines[0]] + ["\u3000\u3000" + p for p in truth[1:]])
    head = "\n\n".join(["人民日报\u3000", "2019", "年", "10", "月", "25", "日\u3000星期五"])
    copy = render_copy(lines[:9], Profile("after", rendering, "space-lines", "none", 20), random.Random(0), False)
    out = repair_document(clean + "\n\n\n" + head + "\n\n" + copy)
    assert out.text.splitlines() == truth


def test_a_heading_only_the_copy_has_sharing_a_phrase_with_a_clean_heading_is_kept():
    # A subheading the web text lacks, "深入实施国家粮食安全战略", whose
    # words a later sentence says and whose phrase "国家粮食安全" another
    # heading of its size holds.  That heading is no damaged twin of it
    # (it holds one of its anchors, not half): the new heading is kept.
    lines = expected_lines()
    heading = "深入实施国家粮食安全战略"
    other = "深刻认识保障国家粮食安全的极端重要性"
    later = "党的十八大以来，我们坚持" + heading + "，粮食生产连年丰收。"
    clean_texts = [lines[0], other, lines[2], lines[3], later]
    copy_texts = [lines[0], other, lines[2], lines[3], heading, later]
    assert _merged(clean_texts, copy_texts) == [*clean_texts[:4], heading, later]


@pytest.mark.parametrize("rendering", ["spaced-lines", "lines"])
@pytest.mark.parametrize("width", [20, 24, 28])
def test_a_copy_mostly_of_a_paragraph_the_web_text_dropped_is_told_by_its_wraps(width, rendering):
    # A short copy before a short article: the title's last words alone
    # (too few to show the title), one paragraph the clean text has, and a
    # longer one it dropped, so the clean text holds less than half of the
    # copy.  Its lines still cut the shared paragraph's sentences where the
    # clean text runs on ("…工业经济回升" / "走高向好…"): it is a copy, and
    # the dropped paragraph is kept in its place.
    import random

    from bench.degrade import Profile, render_copy

    lines = expected_lines()
    novel = lines[14] + lines[12]
    truth = ["长春工业稳中求进提振发力", lines[8], novel, lines[10], lines[11], lines[15], lines[16], lines[18]]
    clean = "\n\n".join(["长春工业 稳中求进 提振发力", lines[8], *truth[3:]])
    copy = render_copy(["提振发力", lines[8], novel], Profile("before", rendering, "indent-spaces", "none", width), random.Random(0), False)
    out = repair_document(copy + "\n\n" + clean)
    assert out.text.splitlines() == truth


@pytest.mark.parametrize("rendering", ["runs", "spaced-lines"])
def test_a_copys_page_head_cut_into_runs_stays_with_the_copy_after_the_clean_text(rendering):
    # The copy after the clean text opens with its page head cut into runs
    # at every change of script ("2019" / "年" / "10" / … / "版　评论").
    # Its first piece, a line the clean text lacks, is the page's furniture,
    # not clean text the copy swallowed: it goes with the copy, whose rejoin
    # removes the head.
    import random

    from bench.degrade import Profile, render_copy

    lines = expected_lines()
    truth = [*lines[:12], "（本报长春电）"]
    clean = "\n".join([lines[0]] + ["\u3000\u3000" + p for p in truth[1:]])
    head = "\n\n".join(["2019", "年", "10", "月", "15", "日\u3000星期二\u3000\u3000第", "16", "版\u3000评论"])
    copy = render_copy(lines[:9], Profile("after", rendering, "space-lines", "none", 20), random.Random(0), False)
    out = repair_document(clean + "\n\n\n" + head + "\n\n" + copy)
    assert out.text.splitlines() == truth


@pytest.mark.parametrize("rendering", ["runs", "spaced-lines"])
def test_the_clean_texts_credit_line_stays_where_the_copy_ends_with_it_over_a_page_number_cut_into_runs(rendering):
    # The web text ends with its layout credit, "版式设计：沈亦伶"; the copy
    # after it, under its page head cut into runs, ends with the same line
    # over the page's number, dressed and cut into runs ("- " / "20" /
    # " -").  The dashes are no text going on after the credit: it is the
    # article's end, not a page's foot, so the clean text keeps its own.
    import random

    from bench.degrade import Profile, render_copy

    lines = expected_lines()
    credit = "版式设计：沈亦伶"
    truth = [*lines[:12], credit]
    clean = "\n".join(truth)
    head = "\n\n".join(["2019", "年", "10", "月", "5", "日\u3000星期六\u3000\u3000第", "20", "版\u3000社会"])
    copy = render_copy(lines[:12], Profile("after", rendering, "space-lines", "none", 39), random.Random(0), False)
    foot = "\n\n".join([credit, "- ", "20", " -"])
    out = repair_document(clean + "\n\n\n" + head + "\n\n" + copy + "\n\n" + foot + "\n")
    assert out.text.splitlines() == truth


def test_a_clean_subheading_run_into_a_paragraph_only_the_copy_has_is_not_kept_again():
    # The copy's subheading, a paragraph of its own in the web text, fills
    # its printed line over a paragraph the web text lacks; no marker shows
    # the break, so the rejoin runs them into one.  The paragraph before
    # runs on into the subheading in the clean text as in the copy: the
    # subheading is that paragraph's rendering, a duplicate, and only the
    # new paragraph is kept, after it.
    lines = expected_lines()
    heading = "“我们正和中国朋友开展一场彻底消除疟疾的行动”"
    novel = "10月底，在科摩罗进行的第二轮疟疾防治行动已经结束，不到两个月时间，大科摩罗岛已实现全民服药。"
    clean_texts = [lines[0], lines[2], heading, lines[3], lines[4]]
    copy_texts = [lines[0], lines[2], heading + novel, lines[3], lines[4]]
    assert _merged(clean_texts, copy_texts) == [*clean_texts[:3], novel, *clean_texts[3:]]
    # A new last paragraph that quotes the subheading and goes on keeps all
    # its words: the paragraph before it is not the one the subheading
    # follows.
    quoting = heading + "这句话道出了科摩罗人民的心声，也是中国专家多年坚持的动力。"
    copy_texts = [lines[3], lines[4], quoting]
    assert _merged(clean_texts, copy_texts) == [*clean_texts, quoting]


def test_a_name_sized_clean_heading_opening_a_new_paragraph_elsewhere_stays_in_it():
    # The clean text's kicker is a name, "林郑月娥：", and a later paragraph
    # opens with the name too.  A paragraph only the copy has opens with it
    # ("林郑月娥表示，…") right after the paragraph that the later one
    # follows: the name runs on from there in the clean text, but not as
    # the kicker, whose paragraph stands first.  The new paragraph keeps
    # its first word.
    lines = expected_lines()
    later = "林郑月娥强调，" + lines[3]
    novel = "林郑月娥表示，暴乱已经持续近4个月，必须采取一些更坚定的行动去处理这次前所未有的局面。"
    clean_texts = ["林郑月娥：", lines[0], lines[2], later, lines[4]]
    copy_texts = [lines[0], lines[2], novel, later, lines[4]]
    assert _merged(clean_texts, copy_texts) == [*clean_texts[:3], novel, *clean_texts[3:]]


def _timeline_article() -> list[str]:
    # An article whose text lists its milestones again as a timeline, a date
    # and an event a paragraph, each said before in a longer paragraph: the
    # dates and events are found inside it, as a copy's printed lines are.
    lines = expected_lines()
    events = [
        ("2月26日", "中国一汽集团与比亚迪股份有限公司合资动力电池项目开工。"),
        ("5月31日", "全新红旗H5量产正式启动。"),
        ("6月28日", "奥迪一汽新能源汽车项目正式开工。"),
        ("7月8日", "长春圣博玛生物材料有限公司启动超高性能医疗器械产业化项目。"),
        ("8月10日", "“吉林一号”在轨卫星数量增至70颗。"),
    ]
    timeline = ["发展历程", *(part for event in events for part in event)]
    return [lines[0], *lines[53:58], *timeline, *lines[58:64]]


@pytest.mark.parametrize("separator", ["\n", "\n\n"])
def test_a_timeline_inside_the_clean_text_is_not_taken_for_a_copy(separator):
    # Short open lines (the dates) found inside a longer paragraph, between
    # closed ones: a copy's printed lines look so.  But none of the list's
    # line ends runs on into its next line as the clean text reads: a copy's
    # lines, narrower than the paragraphs they were cut from, would.  With no
    # copy in the document, nothing changes but the canonical form.
    truth = _timeline_article()
    out = repair_document(separator.join(truth))
    assert _kinds(out) == [SectionKind.CLEAN]
    assert out.text.splitlines() == truth


@pytest.mark.parametrize("rendering", ["spaced-lines", "lines"])
def test_a_timeline_inside_the_clean_text_is_printed_once_beside_its_copy(rendering):
    # The same article with its copy after it: the timeline stays in the
    # clean text, and the copy's timeline is its duplicate.
    import random

    from bench.degrade import Profile, render_copy

    truth = _timeline_article()
    copy = render_copy(truth, Profile("after", rendering, "space-lines", "none", 24), random.Random(0), False)
    out = repair_document("\n\n".join(truth) + "\n\n" + copy)
    assert out.text.splitlines() == truth


@pytest.mark.parametrize("cover", [6, 9])
@pytest.mark.parametrize("rendering", ["runs", "spaced-lines"])
def test_a_simplified_title_block_under_a_traditional_copys_page_number_is_the_clean_texts(rendering, cover):
    # A traditional copy of the article's first part, under its page head,
    # ends with its page's number, cut into runs ("第 " / "14" / " 頁"),
    # and the clean article follows on the next line: its title block,
    # short open lines with blank lines between, as the copy's are, the
    # last too short to say again ("核心阅读").  They are in simplified
    # script, as the clean text is, which a traditional copy never writes:
    # the clean text's head, not the copy's end.
    import random

    import opencc

    from bench.degrade import Profile, render_copy

    lines = expected_lines()
    truth = ["谋规划强创新促发展", "看长春工业经济如何提振发力量质齐升", "核心阅读", *lines[1:12]]
    to_traditional = opencc.OpenCC("s2t").convert
    copy = render_copy(
        [to_traditional(p) for p in truth[:cover]], Profile("before", rendering, "space-lines", "none", 25), random.Random(0), False
    )
    head = "\n\n".join(["人民日報\u3000", "2019", "年", "10", "月", "21", "日\u3000星期一"])
    foot = "\n\n".join(["第 ", "14", " 頁"])
    out = repair_document(head + "\n\n" + copy + "\n\n" + foot + "\n" + "\n\n".join(truth) + "\n")
    assert out.text.splitlines() == truth
    assert _kinds(out) == [SectionKind.BROKEN, SectionKind.CLEAN]


@pytest.mark.parametrize(
    "new, heading",
    [
        ("长春市工信系统全力服务企业发展", "长春工业经济提振发力量质齐升"),
        # Subtitles that hold a comma, as many do ("我国外贸仍然保持了较强的
        # 韧劲，前三季度呈逐季攀升态势" run into "民营企业进出口增长10.4%，
        # 占外贸总值的42.3%", held-out 7 #309): a comma ends no sentence.
        ("长春市工信系统全力服务企业，工业经济稳中有进", "长春工业经济提振发力，量质齐升"),
    ],
)
@pytest.mark.parametrize("place", ["under the title", "between paragraphs"])
def test_a_heading_only_the_copy_has_run_into_a_clean_heading_is_kept_before_it(place, new, heading):
    # A title block printed without paragraph marks: the copy's subtitle,
    # which the web text dropped, runs into the next heading, which the
    # clean text holds, with no mark between ("习近平同…互致贺电李克强同…互
    # 致贺电").  The paragraph is two headings: the one only the copy has is
    # kept, in its place, and the other is the clean one's duplicate.
    lines = expected_lines()
    if place == "under the title":
        clean_texts = [lines[0], heading, *lines[1:4]]
        expected = [lines[0], new, heading, *lines[1:4]]
    else:
        clean_texts = [lines[0], *lines[1:3], heading, lines[3]]
        expected = [lines[0], *lines[1:3], new, heading, lines[3]]
    copy_texts = [t if t != heading else new + heading for t in clean_texts]
    assert _merged(clean_texts, copy_texts) == expected
    # A sentence of the copy's own that ends with the heading's words is one
    # sentence: it closes with its mark.
    sentence = new + heading + "。"
    copy_texts = [t if t != heading else sentence for t in clean_texts]
    assert sentence in _merged(clean_texts, copy_texts)


def test_a_byline_with_a_lost_character_run_into_a_clean_heading_is_kept_after_it():
    # A lossy copy's heading, which the clean text holds as a paragraph of
    # its own, run into the byline under it, which the clean text lacks
    # ("媒体融合应兼具流量与质量腾\ufdd0集团首席运营官任宇昕", held-out 7
    # #316), below the title block: the byline's lost character is one of
    # its twelve, enough to tell a paragraph of its own from a word opening
    # a sentence.
    from pipeline.mojibake import LOST

    lines = expected_lines()
    heading = "奋力开创长春工业新局面"
    byline = "工业和信息化局局" + LOST + "王明远"
    clean_texts = [*lines[:5], heading, *lines[5:7]]
    copy_texts = [*lines[2:5], heading + byline, *lines[5:7]]
    assert _merged(clean_texts, copy_texts) == [*clean_texts[:6], byline, *clean_texts[6:]]


@pytest.mark.parametrize("marker", ["indent-spaces", "space-lines"])
@pytest.mark.parametrize("rendering", ["lines", "spaced-lines"])
def test_an_infographics_copy_opening_with_its_short_title_cut_is_told_from_the_clean_version(rendering, marker):
    # An infographic: a short title ("长春工业") over headings and short
    # paragraphs, and a source line at its end.  Its copy before it lost
    # the title's first words ("工业": too short to be told as a title by
    # itself) and ends with the same source line, right over the clean
    # title.  The whole title, later on a line of its own and followed as
    # the opening line is, opens the second version; the copy's lines stand
    # inside the clean version's longer ones, so the first is the copy.  Its
    # source line is the copy's last line, not the clean text's head: the
    # clean text says it again, whole, at its end.
    import random

    from bench.degrade import Profile, render_copy

    lines = expected_lines()
    body = [lines[21], lines[24], lines[34], lines[30], lines[39], lines[42], lines[45], lines[51], lines[52], lines[62]]
    body.append("数据来源：长春市工业和信息化局")
    truth = ["长春工业", *body]
    copy = render_copy(["工业", *body], Profile("before", rendering, marker, "none", 28), random.Random(0), False)
    out = repair_document(copy + "\n" + "\n\n".join(truth) + "\n")
    assert _kinds(out) == [SectionKind.BROKEN, SectionKind.CLEAN]
    assert out.text.splitlines() == truth


@pytest.mark.parametrize("indent", ["    ", "\u3000\u3000"])
@pytest.mark.parametrize("head", ["", "2019年10月3日\u3000星期四\n"])
def test_a_copys_closing_source_line_over_the_clean_title_stays_the_copys(head, indent):
    # The copy's last paragraph, a blank line, then its source line
    # ("数据来源：…") right over the clean title: where a line parted from
    # its copy by a blank line touches the clean text, it is usually the
    # clean title.  But the clean text closes with this one, whole, and an
    # article does not print its closing line twice: it is the copy's.
    lines = expected_lines()
    subtitle = "心无旁骛助企克难"
    body = [subtitle, lines[24], lines[34], lines[30], lines[39], lines[42], lines[45], lines[51], lines[52], lines[62]]
    source = "数据来源：长春市工业和信息化局"
    truth = ["长春工业", *body, source]
    printed = ["\n".join(p[k : k + 14] for k in range(0, len(p), 14)) for p in body]
    copy = "\n\n".join(["工业", *printed, source])
    clean = "\n".join([truth[0]] + [indent + p for p in truth[1:]])
    out = repair_document(head + copy + "\n" + clean + "\n")
    assert _kinds(out) == [SectionKind.BROKEN, SectionKind.CLEAN]
    assert out.text.splitlines() == truth


@pytest.mark.parametrize("damage", ["utf8-as-cp1252", "gbk-as-latin1"])
@pytest.mark.parametrize("rendering", ["runs", "spaced-lines", "lines"])
def test_the_clean_texts_closing_box_before_a_copy_through_a_wrong_codec_stays_clean(rendering, damage):
    # The clean text closes with a box of short lines, blank lines between
    # (a heading, dates and events, each found inside a paragraph), as a
    # copy's runs look; its copy after it, under its page head, went
    # through a wrong codec.  The encoding stage restores the copy, and
    # tells detection which lines it restored: the box, which needed no
    # repair, is the clean text's, however like a copy it looks.
    import random

    from bench.degrade import Profile, _codec, render_copy

    lines = expected_lines()
    box = ["长春工业大事记：", "2月26日", "中国一汽集团与比亚迪股份有限公司合资动力电池项目开工", "5月31日", "全新红旗H5量产正式启动"]
    box += ["6月28日", "奥迪一汽新能源汽车项目正式开工", "8月10日", "“吉林一号”在轨卫星数量增至70颗"]
    truth = [*lines[:12], lines[57], *box]
    copy = render_copy(truth, Profile("after", rendering, "space-lines", "none", 15), random.Random(0), False)
    head = "\n\n".join(["2019", "年", "10", "月", "23", "日\u3000星期三"])
    out = repair_document("\n\n".join(truth) + "\n" + _codec(head + "\n\n" + copy, damage) + "\n")
    assert _kinds(out) == [SectionKind.CLEAN, SectionKind.BROKEN]
    assert out.text.splitlines() == truth


@pytest.mark.parametrize("marker", ["indent-spaces", "none"])
@pytest.mark.parametrize("damage", ["utf8-as-cp1252", "utf8-as-latin1", "gbk-as-latin1"])
def test_a_wide_copy_after_the_clean_text_through_a_wrong_codec_is_told_by_the_repair(damage, marker):
    # Two copies around the clean text, wide enough to print most
    # paragraphs on one line each, as web text does, so their lines look
    # clean; the one after the clean text ran on from it as more clean
    # text.  But both went through a wrong codec and the clean text did
    # not: the lines the encoding stage restored are the copies'.
    import random

    from bench.degrade import Article, Profile, make_case

    lines = expected_lines()
    case = make_case(
        Article("长春工业稳中求进", ("提振发力量质齐升", *lines[1:6])),
        Profile("two-copies", "lines", marker, damage, 39),
        random.Random(0),
    )
    out = repair_document(case.document)
    assert _kinds(out) == [SectionKind.BROKEN, SectionKind.CLEAN, SectionKind.BROKEN]
    assert out.text.splitlines() == case.truth.splitlines()


@pytest.mark.parametrize("rendering", ["spaced-lines", "runs"])
@pytest.mark.parametrize("marker", ["indent-spaces", "none"])
@pytest.mark.parametrize("width", [15, 26])
def test_a_clean_title_after_a_copy_that_opened_with_its_last_words_is_the_clean_texts(rendering, marker, width):
    # A copy before the article prints only the title's last words,
    # "提振发力": too few to show the title.  The copy's last lines read on
    # into the clean title ("长春工业稳中求进提振发力"), which then came
    # out last, after the article, and the copy's piece stood as the title.
    # The run's last line, a title ending with the run's first line, just
    # before the clean text, is the clean text's title.
    import random

    from bench.degrade import Profile, render_copy

    lines = expected_lines()
    truth = ["长春工业稳中求进提振发力", *lines[8:12]]
    copy = render_copy(["提振发力", *truth[1:]], Profile("before", rendering, marker, "none", width), random.Random(0), False)
    out = repair_document(copy + "\n\n" + "\n\n".join(truth))
    assert out.text.splitlines() == truth


@pytest.mark.parametrize("marker", ["indent-lost", "indent-spaces", "none", "space-lines"])
def test_a_wide_copy_cut_off_after_its_lead_before_the_clean_text_is_the_copy(marker):
    # Set 56 characters wide, a copy prints the title and the first
    # paragraph whole, a line each, as web text does, and stops there.  Both
    # versions then read as clean text, and the title and lead came out
    # twice.  The version whose every line the other holds, the other
    # holding more, is the copy.
    import random

    from bench.degrade import Profile, render_copy

    truth = expected_lines()[:6]
    copy = render_copy(truth[:2], Profile("before", "lines", marker, "none", 56), random.Random(0), False)
    clean = "\n".join("\u3000\u3000" + line if i else line for i, line in enumerate(truth))
    out = repair_document(copy + "\n" + clean + "\n")
    assert _kinds(out) == [SectionKind.BROKEN, SectionKind.CLEAN]
    assert out.text.splitlines() == truth


@pytest.mark.parametrize("marker, width", [("indent-ideographic", 50), ("indent-ideographic", 57), ("indent-spaces", 46)])
def test_a_wide_copys_closing_paragraphs_that_read_as_web_text_go_on_from_it(marker, width):
    # A copy with no clean text beside it, set wide and cut into runs at
    # every figure: its last paragraphs fit a line each, indented and closed
    # as web paragraphs are, and read as clean text, which cut the paragraph
    # the copy's last run left open in two ("…用2分01" / "秒的时间，…").
    # Text after a copy that opens the document and stops mid-sentence,
    # text the copy does not hold and that opens with no title, is the
    # copy's.
    import random

    from bench.degrade import Article, Profile, make_case

    lines = expected_lines()
    case = make_case(
        Article(lines[0][:12], tuple(lines[1:5])), Profile("copy-only", "runs", marker, "none", width), random.Random(0)
    )
    out = repair_document(case.document)
    assert _kinds(out) == [SectionKind.BROKEN]
    assert out.text == case.truth


@pytest.mark.parametrize(
    "head",
    [
        ["谋规划强创新促发展—看长春工业经济如何提振发力量质齐升", "长春工业经济提振发力", "核心阅读"],
        ["长春工业全力抢回进度", "谋规划强创新促发展—看长春工业经济如何提振发力量质齐升", "核心阅读"],
    ],
)
@pytest.mark.parametrize("body", [(3, 4, 5, 6, 10), (10, 11, 3, 7)])
def test_a_clean_articles_title_block_read_as_a_copy_takes_no_body_with_it(head, body):
    # A title block whose lines the body repeats reads as a short copy
    # opening the document; the rule that gives a copy cut off mid-sentence
    # the text after it must not take the article's body for the copy's
    # (a title block closes nothing, a copy's text does).
    lines = expected_lines()
    truth = head + [lines[i] for i in body]
    out = repair_document("\n\n".join(truth) + "\n")
    assert _kinds(out) == [SectionKind.CLEAN]
    assert out.text.splitlines() == truth


@pytest.mark.parametrize("lead", ["本报长春电  记者近日从长春市工信局获悉，长春工业经济企稳回升。文章如下：", "长春工业经济如何提振发力？记者采访了有关负责人："])
def test_a_clean_articles_head_ending_in_a_byline_takes_no_body_with_it(lead):
    # Title, subtitle, a lead that closes with "文章如下：", the subtitle
    # again and a byline: a title block the evidence reads as a copy whose
    # last line (the byline) closes nothing.  The article's body after it,
    # whose paragraphs all look alike, does not go on from it.
    from pipeline.canonical import canonical_paragraph

    lines = expected_lines()
    head = ["长春市工信局局长发表署名文章", "谋规划强创新促发展", lead, "谋规划强创新促发展", "长春市工信局局长  赵明瑞"]
    text = head + [lines[i] for i in (22, 23, 24, 25)]
    out = repair_document("\n\n".join(text) + "\n")
    assert _kinds(out) == [SectionKind.CLEAN]
    assert out.text.splitlines() == [canonical_paragraph(t)[0] for t in text]



@pytest.mark.parametrize("rendering", ["lines", "spaced-lines"])
@pytest.mark.parametrize("marker", ["indent-ideographic", "indent-spaces"])
@pytest.mark.parametrize("width", [46, 53])
def test_a_short_wide_copy_shows_its_wrap_where_no_column_shows(rendering, marker, width):
    # A copy of a heading and two paragraphs, set wide: one printed line
    # fills the column, too few to show it.  But that line is indented,
    # stops mid-sentence ("…稳产" / "达产、…"), is the widest of the
    # document and runs on to an unindented line: web text never wraps.
    import random

    from bench.degrade import Article, Profile, make_case

    lines = expected_lines()
    case = make_case(
        Article(lines[0][:12], (lines[13], lines[14], lines[17])),
        Profile("copy-only", rendering, marker, "none", width),
        random.Random(0),
    )
    out = repair_document(case.document)
    assert out.text == case.truth


def test_a_paragraph_only_the_copy_has_between_its_marks_is_the_copys():
    # A copy set wide marks its paragraph breaks with " " over "  " and
    # prints the paragraph the web text dropped whole on one line, closed
    # like a web paragraph: it read as clean text and came out after the
    # article, not at its place.  Web text puts no two white-space lines
    # together: a paragraph between two such marks, beside lines the
    # evidence gave the copy, is the copy's.
    import random

    from bench.degrade import Article, Profile, make_case

    lines = expected_lines()
    case = make_case(
        Article("探索融合之路 壮大军媒之声", tuple(lines[i] for i in (4, 10, 11, 14))),
        Profile("copy-novel", "lines", "space-lines", "none", 46),
        random.Random(11),
    )
    out = repair_document(case.document)
    assert out.text == case.truth


@pytest.mark.parametrize(
    "layout, rendering, marker, width, seed",
    [
        ("after", "spaced-lines", "space-lines", 24, 2),
        ("after", "runs", "none", 30, 2),
        ("copy-novel", "spaced-lines", "indent-ideographic", 30, 1),
    ],
)
def test_a_clean_title_block_read_as_a_copy_is_the_articles_before_the_edges_are_settled(layout, rendering, marker, width, seed):
    # The article opens with a title block of short lines (title, kicker,
    # subtitle, byline) that the line evidence reads as a copy, and the copy
    # after the article opens with its title cut.  Settled with that block
    # still on the copy's side, the copy's head found no clean line holding
    # it and went to the clean text, and its cut title came out as new
    # text.  A broken run that copies nothing beside a larger clean body is
    # the article's; that is now settled first.
    import random

    from bench.degrade import Article, Profile, make_case

    lines = expected_lines()
    head = ("稳增长先锋赵明瑞", "服务企业筑起发展屏障", "本报记者\u00a0\u00a0张\u00a0\u00a0三")
    article = Article("行动起来，共建长春工业", head + tuple(lines[i] for i in (22, 23, 24, 25)) + ("版式设计：张丹峰",))
    case = make_case(article, Profile(layout, rendering, marker, "title-cut", width), random.Random(seed))
    out = repair_document(case.document)
    assert out.text == case.truth


@pytest.mark.parametrize("place", ["after", "before"])
@pytest.mark.parametrize("rendering", ["spaced-lines", "lines"])
@pytest.mark.parametrize("rendered", [4, 7])
@pytest.mark.parametrize("quoted", [6, 11, 20])
def test_a_standfirst_under_a_cut_title_saying_again_a_later_paragraph_is_kept(quoted, rendered, rendering, place):
    # As above, but the copy's title lost its first words, so it renders no
    # clean paragraph whole and nothing before the standfirst shows where it
    # stands.  Nothing rendered before it: it stands at the article's start,
    # and its words stand in the clean text only far past there.
    import random

    from bench.degrade import Profile, render_copy

    lines = expected_lines()
    standfirst = _opening_words(lines[quoted])
    truth = [lines[0], standfirst, *lines[1:12]]
    clean = "\n".join([lines[0]] + ["\u3000\u3000" + p for p in lines[1:12]])
    copy = render_copy([lines[0][5:], *truth[1:rendered]], Profile(place, rendering, "space-lines", "none", 20), random.Random(0), False)
    out = repair_document(clean + "\n\n" + copy if place == "after" else copy + "\n" + clean)
    assert out.text.splitlines() == truth


@pytest.mark.parametrize("place", ["after", "before"])
@pytest.mark.parametrize("rendering", ["spaced-lines", "lines", "runs"])
@pytest.mark.parametrize("start", [8, 10])
@pytest.mark.parametrize("quoted", [2, 4])
def test_a_closing_line_only_the_copy_has_saying_again_an_early_sentence_is_kept(quoted, start, rendering, place):
    # The article closes with a line that says again the first sentence of
    # an early paragraph; the clean text lacks it, and the copy, covering
    # the article's last paragraphs, renders it after the last one.  Nothing
    # rendered after it: it stands at the article's end, and its words stand
    # in the clean text only far before there.
    import random

    from bench.degrade import Profile, render_copy

    lines = expected_lines()
    closing = lines[quoted].split("。")[0] + "。"
    truth = [*lines[:12], closing]
    clean = "\n".join([lines[0]] + ["\u3000\u3000" + p for p in lines[1:12]])
    copy = render_copy(truth[start:], Profile(place, rendering, "space-lines", "none", 20), random.Random(0), False)
    out = repair_document(clean + "\n\n" + copy if place == "after" else copy + "\n" + clean)
    assert out.text.splitlines() == truth


def test_a_paragraph_after_one_out_of_order_still_shows_the_place_it_renders():
    # The copy renders the title (clean 0), then a standfirst that says
    # again a sentence of clean 7, then clean 2 whole, whose words clean 8
    # says again.  Matched in the copy's order, that paragraph was taken for
    # clean 8, past the standfirst's 7: it is still clean 2's twin, the one
    # paragraph of its size it matched, so the standfirst stands between
    # clean 0 and clean 2, and its words only far past there: it is kept.
    from pipeline import dedup
    from pipeline.compare import comparison_form
    from pipeline.model import Paragraph

    lines = expected_lines()
    standfirst = lines[10].split("，")[0] + "，" + lines[10].split("，")[1] + "。"
    texts = [lines[0], standfirst, lines[2]]
    clean_forms = [comparison_form(t)[0] for t in lines[:10]] + [comparison_form(lines[10])[0]]
    sizes = [len(f) for f in clean_forms]
    sizes[8] = 3 * sizes[2]  # a long paragraph that repeats clean 2's words
    paragraphs = [Paragraph(t, SectionKind.BROKEN, 1, k, k) for k, t in enumerate(texts)]
    forms = [comparison_form(p.text)[0] for p in paragraphs]
    assert len(forms[1]) >= dedup.MIN_SECOND_OCCURRENCE
    decisions = [(paragraphs[0], (0,), "", 1.0, 0), (paragraphs[1], (10,), "", 1.0, 10), (paragraphs[2], (2, 8), "", 1.0, 8)]
    kept = dedup._keep_out_of_order(decisions, forms, sizes)
    assert kept[1] == (paragraphs[1], (), standfirst, 1.0, None)
    assert kept[0] == decisions[0] and kept[2] == decisions[2]


@pytest.mark.parametrize("rendering", ["spaced-lines", "lines"])
@pytest.mark.parametrize("width", [45, 50, 55, 60])
def test_a_tagged_title_over_a_flagged_subtitle_in_a_copy_too_short_for_its_column(width, rendering):
    # A wide copy of the title block and one line and a bit of the lead:
    # too few lines to show its column.  The title closes with its column
    # tag ("（经济观察）") and the subtitle, one flag for each quotation
    # mark, opens with a dash; the two are of a size, so the slack test
    # passes them, and the flags hide the fit.  Their marks still end the
    # title and the subtitle, above the first line as wide as the body's.
    import random

    from bench.degrade import Profile, render_copy

    lines = expected_lines()
    title, subtitle = "谋规划强创新促发展看长春工业振兴（经济观察）", "——经济“如何提振发力”"
    truth = [title, subtitle, *lines[1:9]]
    clean = "\n".join([title, "\u3000\u3000" + subtitle] + ["\u3000\u3000" + p for p in lines[1:9]])
    copy = render_copy([title, subtitle, lines[2][:60]], Profile("after", rendering, "none", "fffd-quotes", width), random.Random(0), False)
    copy = copy.replace("“", "\ufffd").replace("”", "\ufffd")
    out = repair_document(clean + "\n" + copy)
    assert out.text.splitlines() == truth


@pytest.mark.parametrize("width", [51, 54, 57, 60])
@pytest.mark.parametrize("start, rendering", [(8, "lines"), (8, "spaced-lines"), (4, "spaced-lines")])
def test_a_short_wide_copy_with_no_paragraph_mark_shows_itself_by_two_full_open_lines(start, rendering, width):
    # A copy only, set wide with no indent or marker: the title and three
    # paragraphs, too few lines to show a column.  Its wrapped lines are the
    # widest of the document, of one width, and stop mid-sentence; web text
    # sets no two such lines (one may be a long heading), so the document is
    # a copy and its wraps join.  (Where both stand in one paragraph under
    # three closed one-line ones, start 4 in "lines", the evidence is still
    # too thin.)
    import random

    from bench.degrade import Profile, render_copy

    lines = expected_lines()
    truth = [lines[0], *lines[start : start + 3]]
    copy = render_copy(truth, Profile("copy-only", rendering, "none", "none", width), random.Random(start), False)
    assert repair_document(copy).text.splitlines() == truth


@pytest.mark.parametrize("rendering", ["lines", "spaced-lines", "runs"])
@pytest.mark.parametrize("width", [16, 24, 32])
def test_lost_quotation_marks_next_to_a_figure_are_restored(width, rendering):
    # A copy only, its quotation marks lost to U+FFFD.  One paragraph opens
    # with a quote whose first word is a figure ("“7月，…"), and one closes
    # one right after a figure ("…增长41.6%”"): a figure is Chinese text's
    # as much as English's, so the CJK beyond it decides, and each mark
    # comes back as the quote it was.
    import random

    from bench.degrade import Profile, render_copy

    lines = expected_lines()
    truth = [lines[0], "“" + lines[1] + "”有关负责人说。", "有关负责人说：“8月，增长41.6%”", *lines[3:6]]
    copy = render_copy(truth, Profile("copy-only", rendering, "space-lines", "fffd-quotes", width), random.Random(0), False)
    copy = copy.replace("“", "\ufffd").replace("”", "\ufffd")
    assert repair_document(copy).text.splitlines() == truth


@pytest.mark.parametrize(
    "width, marker, rendering",
    [
        (59, "indent-lost", "lines"),
        (59, "indent-lost", "spaced-lines"),
        (59, "none", "lines"),
        (59, "none", "spaced-lines"),
        (55, "indent-lost", "spaced-lines"),
        (55, "none", "spaced-lines"),
        (55, "none", "lines"),
    ],
)
def test_a_short_wide_copy_after_an_indented_body_with_headings_shows_its_wraps(width, marker, rendering):
    # An indented clean body with three short headings, then a wide copy of
    # the title, its first paragraph and a paragraph only the copy has, set
    # with no indent (or one the extraction dropped).  The clean paragraphs,
    # a line each, are far wider than the copy's column, and the copy's
    # first lines fall short of its column by the dropped indent: its full
    # lines, measured against the widest open line and allowed that indent,
    # are still wraps, and the copy's paragraph is kept at its place.  (Not
    # yet at 55 cells in "lines" with the indent dropped: a line holding
    # half-width figures falls a cell further short.)
    import random

    from bench.degrade import Profile, render_copy

    lines = expected_lines()
    body = [lines[0], lines[2], "稳工业运行", lines[3], lines[4], "稳项目投资", lines[6], lines[7], "稳市场预期", lines[8], lines[10]]
    clean = "\n".join([body[0]] + ["\u3000\u3000" + p for p in body[1:]])
    copy = render_copy([lines[0], lines[2], lines[11]], Profile("after", rendering, marker, "none", width), random.Random(width), False)
    out = repair_document(clean + "\n" + copy)
    assert out.text.splitlines() == [*body[:2], lines[11], *body[2:]]


@pytest.mark.parametrize("novel", [4, 5])
@pytest.mark.parametrize("cut", [3, 5])
@pytest.mark.parametrize("marker", ["indent-lost", "none"])
@pytest.mark.parametrize("width", [55, 59])
def test_a_short_wide_copy_with_a_cut_title_and_a_standfirst_only_it_has_is_one_copy(width, marker, cut, novel):
    # A clean article, then a wide copy of its title without the first
    # words, a standfirst only the copy has (one closed line, read as web
    # text) and the first paragraph's wrapped lines.  The evidence finds the
    # paragraph's lines; of the two versions the titles open, the clean one
    # is clean throughout, so the other, mostly a copy's, is the copy whole:
    # its title is no new text, and its standfirst is kept under the title.
    import random

    from bench.degrade import Profile, render_copy

    lines = expected_lines()
    body = [lines[0], *lines[6:12]]
    clean = "\n".join([body[0]] + ["\u3000\u3000" + p for p in body[1:]])
    copy = render_copy([lines[0][cut:], lines[novel], lines[6]], Profile("after", "spaced-lines", marker, "none", width), random.Random(width), False)
    assert repair_document(clean + "\n" + copy).text.splitlines() == [body[0], lines[novel], *body[1:]]


@pytest.mark.parametrize("place", ["after", "before"])
@pytest.mark.parametrize("width", [20, 32, 50])
@pytest.mark.parametrize("rendering", ["lines", "spaced-lines", "runs"])
@pytest.mark.parametrize("cut", [0, 3, 5])
def test_a_standfirst_that_is_the_last_paragraph_less_its_first_sentence_is_kept(cut, rendering, width, place):
    # The article's standfirst says again its last paragraph without that
    # paragraph's short opening sentence ("砥柱中流，折冲千里。"); the clean
    # text lacks the standfirst.  Of the last paragraph's size (within the
    # 15% that damage may take from a copy's twin), it says nothing of its
    # first sentence, which a twin, however damaged, would: it is no
    # rendering of that paragraph but the article saying it twice, at the
    # copy's head, and is kept there.
    import random

    from bench.degrade import Profile, render_copy

    lines = expected_lines()
    last = "砥柱中流，折冲千里。" + lines[11]
    standfirst = lines[11][:-1]
    body = [lines[0], *lines[1:6], last]
    clean = "\n".join([body[0]] + ["\u3000\u3000" + p for p in body[1:]])
    copy = render_copy([lines[0][cut:], standfirst, *lines[1:4]], Profile(place, rendering, "space-lines", "none", width), random.Random(width), False)
    out = repair_document(clean + "\n\n" + copy if place == "after" else copy + "\n" + clean)
    assert out.text.splitlines() == [lines[0], standfirst, *body[1:]]


@pytest.mark.parametrize("rendering", ["lines", "spaced-lines"])
@pytest.mark.parametrize("marker, width", [("indent-lost", 59), ("indent-lost", 60), ("none", 57), ("none", 59)])
def test_a_wide_copy_of_mostly_one_line_paragraphs_shows_itself_by_its_full_open_lines(marker, width, rendering):
    # A copy only, set wide: the title, headings and short paragraphs each
    # on one closed line, as web text sets them, and three paragraphs that
    # wrap once.  So few lines stop mid-sentence that the column is
    # measured on those three first lines themselves; they fill it (or
    # fall short by the indent the extraction dropped) and run on to a
    # line no wider.  Web text sets no two such lines, so the document is
    # a copy and its wraps join.
    import random

    from bench.degrade import Profile, render_copy

    lines = expected_lines()
    truth = [lines[i] for i in (0, 3, 21, 22, 24, 34, 35, 36, 39, 44, 45, 46, 42, 51, 63)]
    copy = render_copy(truth, Profile("copy-only", rendering, marker, "none", width), random.Random(width), False)
    assert repair_document(copy).text.splitlines() == truth


@pytest.mark.parametrize("marker, width", [("indent-lost", 48), ("indent-lost", 50), ("indent-lost", 52), ("none", 46), ("none", 48), ("none", 50)])
def test_a_short_wide_copy_cut_into_runs_is_not_measured_on_its_heading_and_runs(marker, width):
    # A copy only, set wide and cut into runs: a heading and three
    # paragraphs.  Its heading and two runs of a like width pass for a
    # column of some thirty cells, against which its real printed lines,
    # three times as wide, read as web text.  Two lines or more as wide as
    # the widest open line, far past that column and going on to a line no
    # wider, are the wraps of a wider column: the document is a copy.
    import random

    from bench.degrade import Profile, render_copy

    lines = expected_lines()
    truth = [lines[45], lines[14], lines[33], lines[61]]
    copy = render_copy(truth, Profile("copy-only", "runs", marker, "none", width), random.Random(width), False)
    assert repair_document(copy).text.splitlines() == truth


@pytest.mark.parametrize("rendering", ["runs", "spaced-lines"])
@pytest.mark.parametrize("style", ["\n\n", "\n\u3000\u3000"])
@pytest.mark.parametrize("cut", [1, 2])
@pytest.mark.parametrize("novel", [0, 1])
def test_a_short_article_under_a_kicker_and_its_copy_under_a_cut_one_are_two_versions(novel, cut, style, rendering):
    # A short article: a kicker ("工信局"), the title and one paragraph, the
    # kicker and title set apart as a copy's lines are.  Then its copy, set
    # wide: the kicker without its first words ("信局", "局"), the title
    # whole on one line, the paragraph and one only the copy has.  The
    # kicker is too short to compare and the title stands whole twice, so
    # no cut title parts the versions: the kicker over the title's second
    # occurrence does, and the versions' lines tell which is the copy:
    # its paragraph only it has is kept, the rest is no new text.
    import random

    from bench.degrade import Profile, render_copy

    lines = expected_lines()
    kicker, title = "工信局", lines[21]
    body = [lines[23], lines[22]] if novel else [lines[22], lines[23]]
    clean = kicker + "\n\n" + title + style + body[0]
    copy = render_copy([kicker[cut:], title, *body], Profile("copy-novel", rendering, "indent-lost", "title-cut", 52), random.Random(52), False)
    assert repair_document(clean + "\n" + copy).text.splitlines() == [kicker, title, *body]


@pytest.mark.parametrize("rendering", ["lines", "spaced-lines", "runs"])
@pytest.mark.parametrize("marker", ["none", "space-lines", "indent-lost"])
@pytest.mark.parametrize("width", [16, 28, 40])
def test_a_copy_of_the_first_paragraphs_that_ends_on_a_point_only_it_has_keeps_it(width, marker, rendering):
    # The copy renders only the article's head (the sample's covers a
    # third): its title and a standfirst's two points.  The clean text lacks
    # the second point, whose words a paragraph far down says again after
    # its opening sentence.  Right after the first point's twin, with
    # nothing after it, the second stands in the article's second place:
    # the text it shares with the clean body stands far from there, so the
    # article says it twice, and it is kept.
    import random

    from bench.degrade import Profile, render_copy

    lines = expected_lines()
    first, second = "■" + lines[14].split("。")[0], "■" + lines[18].split("。")[1].rstrip("；")
    body = [lines[0], first, lines[2], lines[3], lines[4], lines[5], lines[14], lines[18]]
    clean = "\n".join([body[0]] + ["\u3000\u3000" + p for p in body[1:]])
    copy = render_copy([lines[0], first, second], Profile("after", rendering, marker, "none", width), random.Random(width), False)
    assert repair_document(clean + "\n" + copy).text.splitlines() == [*body[:2], second, *body[2:]]


def test_a_short_run_inside_the_clean_text_whose_lines_read_on_nowhere_is_the_articles_own():
    # Two tables' captions and the heading under them, between two
    # paragraphs ("表9…研究指标体系" / "表10 2019年度…" / "（五）…"): short open
    # lines in words the paragraphs use, which the evidence took for a copy.
    # A copy's lines are the text cut anywhere, so their ends read on in the
    # clean text; these read on nowhere, and are the article's.  Three
    # printed lines of a paragraph in the same place stay a copy.
    from pipeline import detection
    from pipeline.compare import form_only

    lines = expected_lines()
    captions = ["表1长春市特事快办解决企业问题情况", "表2 2022年度长春市工业企业全面复工复产情况", "（三）三级保供专班"]
    printed = [lines[14][:20], lines[14][20:40], lines[14][40:60]]
    for run, is_copy in ((captions, False), (printed, True)):
        doc = tuple(lines[:15] + run + lines[15:30])
        labels = [False] * 15 + [True] * 3 + [False] * 15
        out = detection._require_copy(doc, [form_only(line) for line in doc], labels)
        assert out == (labels if is_copy else [False] * len(doc))


@pytest.mark.parametrize(
    "rows,rendering,marker,width",
    [
        ((0, 11, 12, 13, 14, 15), "runs", "none", 48),
        ((0, 11, 12, 13, 14, 15), "runs", "indent-ideographic", 50),
        ((0, 11, 12, 13, 14, 15), "spaced-lines", "indent-spaces", 49),
        (tuple(range(9)), "lines", "indent-ideographic", 57),
        (tuple(range(9)), "spaced-lines", "indent-ideographic", 58),
        (tuple(range(9)), "lines", "indent-spaces", 59),
        # The printed line closes with a book title's mark, indented and
        # going on unindented ("…《新闻联播》" / "用2分01秒的时间，…").
        (tuple(range(9)), "lines", "indent-ideographic", 53),
        (tuple(range(9)), "spaced-lines", "indent-spaces", 54),
    ],
)
def test_a_wide_copys_head_that_reads_as_web_text_but_wraps_a_line_is_the_copys(rows, rendering, marker, width):
    # A copy only, set wide: its title and first paragraphs, each closed as
    # web text closes its paragraphs, were read as a clean article and the
    # rest as its copy, which repeats none of it; the head's paragraphs kept
    # their printed lines apart.  Among them stands a line as wide as the
    # copy's column, stopping mid-sentence and going on in the next line,
    # or indented and going on unindented: web text wraps no sentence, so
    # the head is the copy's too.
    import random

    from bench.degrade import Profile, render_copy

    lines = expected_lines()
    truth = [lines[i] for i in rows]
    copy = render_copy(truth, Profile("copy-only", rendering, marker, "none", width), random.Random(width), False)
    out = repair_document(copy)
    assert _kinds(out) == [SectionKind.BROKEN]
    assert out.text.splitlines() == truth


@pytest.mark.parametrize("width,kept", [(50, 10), (50, 12), (54, 11), (54, 12), (58, 10)])
def test_text_closing_a_wide_copy_after_a_closed_line_is_the_copys_where_it_wraps_a_line(width, kept):
    # A copy only, set wide: its last printed lines after one that closes
    # a sentence read as web text (a page's furniture before them cut the
    # copy's run short).  The copy's last line closes, so nothing shows the
    # paragraph going on there; but the text after it holds a printed line,
    # open and running on into the next: it is the copy's.  Web paragraphs
    # of the same article in the same place stay clean.
    import random

    from bench.degrade import Profile, render_copy
    from pipeline import detection
    from pipeline.compare import form_only

    lines = expected_lines()
    truth = [lines[0]] + lines[3:12]
    doc = tuple(render_copy(truth, Profile("copy-only", "spaced-lines", "indent-ideographic", "none", width), random.Random(width), False).split("\n"))
    content = [i for i, line in enumerate(doc) if line.strip()]
    cut = content[kept] + 1
    assert doc[cut - 1].strip().endswith("。")
    labels = [True] * cut + [False] * (len(doc) - cut)
    forms = [form_only(line) if line.strip() else "" for line in doc]
    assert detection._absorb_clean_tail(doc, forms, labels) == [True] * len(doc)
    # The same place, the article's last paragraphs as web text.
    web = doc[:cut] + ("",) + tuple("\u3000\u3000" + p for p in truth[-2:])
    labels = [True] * cut + [False] * (len(web) - cut)
    forms = [form_only(line) if line.strip() else "" for line in web]
    assert detection._absorb_clean_tail(web, forms, labels) == labels


@pytest.mark.parametrize("rendering", ["runs", "lines", "spaced-lines"])
@pytest.mark.parametrize("marker", ["space-lines", "indent-ideographic", "none"])
@pytest.mark.parametrize("width", [16, 22])
@pytest.mark.parametrize("kicker", [None, "长春工业", 21])
def test_the_clean_texts_closing_note_right_over_its_copy_stays_clean(kicker, width, marker, rendering):
    # A short item closing with its reporter's name in brackets ("（曹 华）"),
    # its copy set right under it with no blank line.  The note, short and
    # open, read as the copy's first run, and the copy prints it again at
    # its end: it came out twice, or ran into the title.  A copy opens with
    # its title (here under a kicker, however short, "长春工业"), so a note
    # before the title printed again is the clean text's, a name of two
    # letters though it is (a page head's "国际" stays with the copy).
    import random

    from bench.degrade import Profile, render_copy

    lines = expected_lines()
    head = [] if kicker is None else [lines[kicker] if isinstance(kicker, int) else kicker]
    body = [*head, lines[0], lines[3], lines[4]]
    clean = "\n\n".join([body[0]] + ["\u3000\u3000" + p if len(p) > 30 else p for p in body[1:]] + ["（曹 华）"])
    copy = render_copy([*body, "（曹 华）"], Profile("after", rendering, marker, "none", width), random.Random(width), False)
    assert repair_document(clean + "\n" + copy).text.splitlines() == [*body, "（曹华）"]


@pytest.mark.parametrize("rendering", ["lines", "spaced-lines", "runs"])
@pytest.mark.parametrize("marker", ["indent-ideographic", "indent-spaces"])
@pytest.mark.parametrize("width", [54, 58])
@pytest.mark.parametrize("novel", [7, 14])
def test_a_wide_copy_of_one_line_paragraphs_and_a_paragraph_only_it_has_is_the_copy(novel, width, marker, rendering):
    # A short article, then its copy set wide: the title and the two
    # paragraphs fit a line each, indented as the web text's are, and the
    # copy goes on with a paragraph only it has, wrapped.  Line by line the
    # copy is the web text but for that paragraph, so the whole document
    # read as clean text, said twice.  Of two versions, the one that holds
    # the other and goes on with a printed line (open and running on, or
    # indented over an unindented line) is the copy.
    import random

    from bench.degrade import Profile, render_copy

    lines = expected_lines()
    truth = [lines[0], lines[3], lines[4], lines[novel]]
    clean = "\n".join([truth[0]] + ["\u3000\u3000" + p for p in truth[1:-1]])
    copy = render_copy(truth, Profile("copy-novel", rendering, marker, "none", width), random.Random(width), False)
    assert repair_document(clean + "\n" + copy).text.splitlines() == truth


@pytest.mark.parametrize("rendering", ["lines", "spaced-lines", "runs"])
@pytest.mark.parametrize("marker", ["indent-ideographic", "indent-spaces", "none"])
@pytest.mark.parametrize("width", [54, 58])
def test_of_two_versions_neither_holding_the_other_the_one_that_wraps_is_the_copy(width, marker, rendering):
    # A clean article of four paragraphs, then a copy set wide of its title
    # and first paragraph, a line each as the web text sets them, and a
    # paragraph only the copy has, wrapped.  Neither version holds the
    # other, and both open with the title whole: the document read as
    # clean text throughout, the title and first paragraph said twice.
    # Web text wraps no line, so the version that does is the copy.
    import random

    from bench.degrade import Profile, render_copy

    lines = expected_lines()
    body = [lines[0], lines[5], lines[10], lines[11], lines[13]]
    clean = "\n".join([body[0]] + ["\u3000\u3000" + p for p in body[1:]])
    copy = render_copy([lines[0], lines[5], lines[7]], Profile("copy-novel", rendering, marker, "none", width), random.Random(width), False)
    assert repair_document(clean + "\n" + copy).text.splitlines() == [lines[0], lines[5], lines[7], *body[2:]]


def test_a_paragraph_only_the_copy_has_closing_the_document_is_the_copys_where_it_wraps_a_line():
    # The clean article, then a copy set wide of its title, its subtitle
    # and first paragraph, and a paragraph only the copy has, which closes
    # the document.  The copy's first paragraph closes on a line of its
    # own, and the evidence gave that last paragraph's two lines to the
    # clean text: an indented line that closes nothing, and its last.
    # Web text wraps no line, so they are the copy's, clean text before
    # the copy though there is.  The same paragraph as web text, a line
    # of its own, stays clean.
    from pipeline import detection
    from pipeline.compare import form_only

    lines = expected_lines()
    title, sub, first, novel = lines[0], "长春工业经济提振发力", lines[6], lines[7]

    def printed(paragraph: str, width: int = 48) -> list[str]:
        cut = [paragraph[: width - 2]] + [paragraph[k : k + width] for k in range(width - 2, len(paragraph), width)]
        return ["\u3000\u3000" + cut[0], *cut[1:]]

    clean = [title, "\u3000\u3000" + sub, "\u3000\u3000" + first, "\u3000\u3000" + lines[10], "\u3000\u3000" + lines[11]]
    copy = [title, "\u3000\u3000" + sub, *printed(first)]
    for tail, is_copy in ((printed(novel), True), (["\u3000\u3000" + novel], False)):
        assert not is_copy or tail[0].strip()[-1] not in "。！？”）"
        doc = tuple(clean + copy + tail)
        labels = [False] * len(clean) + [True] * len(copy) + [False] * len(tail)
        forms = [form_only(line) if line.strip() else "" for line in doc]
        expected = [False] * len(clean) + [True] * (len(copy) + len(tail)) if is_copy else labels
        assert detection._absorb_clean_tail(doc, forms, labels) == expected


@pytest.mark.parametrize("marker,width", [("indent-ideographic", 32), ("space-lines", 30)])
def test_a_copys_title_block_in_runs_is_no_web_version_where_its_text_says_the_title_again(marker, width):
    # A copy only, cut into runs at its figures: its title
    # ("长春规上工业增加值增长22.4%") stands again in its lead, so the two
    # look like two versions, the first of which (title block and first
    # runs) wraps no line.  But its runs stop mid-sentence as web text
    # never does: it is no clean version, and the whole document is the
    # copy.
    import random

    from bench.degrade import Profile, render_copy

    lines = expected_lines()
    lead = "本报长春9月20日电（记者王明）数据显示，前三季度，长春规上工业增加值增长22.4%；其中，汽车产业增长31.2%。"
    truth = ["长春规上工业增加值增长22.4%", lines[3], lead, lines[4], lines[5]]
    copy = render_copy(truth, Profile("copy-only", "runs", marker, "none", width), random.Random(width), False)
    assert repair_document(copy).text.splitlines() == truth


@pytest.mark.parametrize("width", [20, 22, 24, 26, 28])
def test_a_copys_closing_signature_that_says_its_title_is_no_web_version(width):
    # A notice's copy only, cut into runs: its title, the body's name
    # ("长春市工业和信息化局"), stands again as its closing signature over
    # the date.  The signature and date, runs that the text before holds,
    # are no web version beside a copy that wraps: they stay the copy's.
    import random

    from bench.degrade import Profile, render_copy

    lines = expected_lines()
    truth = ["长春市工业和信息化局", lines[3], lines[4], lines[5], "长春市工业和信息化局", "2022年10月13日"]
    copy = render_copy(truth, Profile("copy-only", "runs", "indent-ideographic", "none", width), random.Random(width), False)
    assert repair_document(copy).text.splitlines() == truth


@pytest.mark.parametrize("rendering,marker", [("lines", "indent-ideographic"), ("spaced-lines", "space-lines")])
@pytest.mark.parametrize("title,width", [("长春市工业和信息化局公告", 20), ("长春市工业和信息化局2022年招聘公告", 20),
                                         ("长春市工业和信息化局2022年招聘公告", 22)])
def test_a_notices_signature_that_is_its_titles_first_line_opens_no_version(rendering, marker, title, width):
    # A notice's copy only: its title, cut after the issuer's name
    # ("长春市工业和信息化局" / "公告"), opens the document, and that name
    # stands again, whole, as the closing signature over the date.  The
    # signature and date are no second version of the article: the whole
    # document is the copy, its paragraphs rejoined and in order.
    import random

    from bench.degrade import Profile, render_copy

    lines = expected_lines()
    truth = [title, lines[3], lines[4], lines[5], "长春市工业和信息化局", "2022年10月13日"]
    copy = render_copy(truth, Profile("copy-only", rendering, marker, "none", width), random.Random(width), False)
    assert copy.startswith("长春市工业和信息化局\n")
    assert repair_document(copy).text.splitlines() == truth


@pytest.mark.parametrize("marker,width", [("none", 20), ("none", 26), ("none", 36), ("indent-lost", 18),
                                          ("indent-lost", 26), ("indent-lost", 38)])
def test_the_gap_after_a_dateline_takes_room_on_its_printed_line(marker, width):
    # A copy cut into runs, whose lead opens with a dateline and the gap
    # the paper sets after it ("…日电\u00a0\u00a0" / "9" / "月" / "19" /
    # "日，…"): the gap's two cells stand on the printed line, so the line
    # is full, no paragraph end.  Measured without them, it looked a
    # character short, and the lead was cut in two.
    import random

    from bench.degrade import Profile, render_copy

    lines = expected_lines()
    truth = [lines[0], "新华社长春9月20日电\u00a0\u00a09月19日，" + lines[3], *lines[4:12]]
    copy = render_copy(truth, Profile("copy-only", "runs", marker, "none", width), random.Random(width), False)
    assert "电\u00a0\u00a0\n" in copy
    assert repair_document(copy).text.splitlines() == [canonical_paragraph(p)[0] for p in truth]


@pytest.mark.parametrize("offset,width", [(15, 20), (19, 24), (23, 28), (25, 30)])
def test_a_leads_first_line_short_by_its_dropped_indent_wraps_at_a_figure(offset, width):
    # A copy cut into runs whose indents the extraction dropped: the lead's
    # first printed line, after the headline, stops four cells short of the
    # column, ending with a figure ("…10月21" / "日，…").  The runs join
    # across the break, as they do at any change of font, so the line must
    # be cut again; it is cut where its first line fills the column less the
    # dropped indent, not before the figure as a paragraph of its own.
    import random

    from bench.degrade import Profile, render_copy

    lines = expected_lines()
    lead = lines[3][:offset] + "10月21日，" + lines[3][offset:]
    truth = [lines[0], lead, *lines[4:12]]
    copy = render_copy(truth, Profile("copy-only", "runs", "indent-lost", "none", width), random.Random(width), False)
    assert repair_document(copy).text.splitlines() == truth


@pytest.mark.parametrize("quoted,is_copy", [("“工业强市”", True), ("“工业强市。”", False)])
def test_a_copys_first_printed_line_ending_with_a_quoted_term_wraps_into_the_copy(quoted, is_copy):
    # A copy only, with no paragraph marker: its title and first printed
    # line, which ends at the column with a quoted term ("…提振发力，“工业强
    # 市”"), read as clean text before the copy.  A quoted term closes no
    # sentence, and the line runs on into the copy's first line, unindented:
    # web text breaks no sentence at a line end, so the two are the copy's.
    # A line that closes a quoted sentence there breaks nothing.
    from pipeline import detection
    from pipeline.compare import form_only

    lines = expected_lines()
    width = 24

    def printed(paragraph: str) -> list[str]:
        return [paragraph[k : k + width] for k in range(0, len(paragraph), width)]

    source = lines[3] + lines[4]
    lead = source[: width - len(quoted)] + quoted + source[width - len(quoted) :]
    head = ["长春工业经济提振发力", printed(lead)[0]]
    assert head[1].endswith(quoted)
    copy = printed(lead)[1:] + [line for p in lines[5:10] for line in printed(p)]
    doc = tuple(head + copy)
    forms = [form_only(line) for line in doc]
    labels = [False] * len(head) + [True] * len(copy)
    expected = [True] * len(doc) if is_copy else labels
    assert detection._absorb_clean_tail(doc, forms, labels) == expected


@pytest.mark.parametrize("head,is_copy", [(["长春工业经济（新时代“第一”", "·发展篇）"], True),
                                          (["长春工业经济（新时代“第一”）", "·发展篇"], False)])
def test_a_copys_headline_cut_inside_its_bracket_is_the_copys(head, is_copy):
    # A copy only, its headline set narrow and cut inside the bracketed
    # column name: the two short lines read as clean text before the copy
    # (the first ends with a quoted term, the second closes a bracket).
    # Web text closes its brackets on the line that opens them: a line
    # that leaves one for the next line to close is a printed line, and
    # the headline is the copy's.  Two lines that each close what they
    # open say nothing.
    from pipeline import detection
    from pipeline.compare import form_only

    lines = expected_lines()
    width = 24
    copy = [p[k : k + width] for p in lines[3:9] for k in range(0, len(p), width)]
    doc = tuple(head + copy)
    forms = [form_only(line) for line in doc]
    labels = [False] * len(head) + [True] * len(copy)
    expected = [True] * len(doc) if is_copy else labels
    assert detection._absorb_clean_tail(doc, forms, labels) == expected


@pytest.mark.parametrize("offset,width", [(4, 20), (12, 24), (20, 28)])
def test_a_paragraph_opening_with_a_figure_after_a_short_line_keeps_its_first_line(offset, width):
    # A copy cut into runs whose indents the extraction dropped: a
    # paragraph that opens with a figure ("80" / "后…"), after one whose
    # last line stops short, with another figure near its first line's end
    # ("2011" / "年…").  The runs join across both breaks, at changes of
    # font, and the line is cut again.  The paragraph's first printed line
    # is the one that fills the column less the dropped indent, wherever
    # the cut before it falls, not only at the rebuilt line's start.
    import random

    from bench.degrade import Profile, render_copy

    lines = expected_lines()
    second = "80后" + lines[4][:offset] + "2011年" + lines[4][offset:]
    truth = [lines[0], lines[3], second, *lines[5:12]]
    copy = render_copy(truth, Profile("copy-only", "runs", "indent-lost", "none", width), random.Random(width), False)
    assert repair_document(copy).text.splitlines() == truth


@pytest.mark.parametrize("rendering", ["lines", "spaced-lines", "runs"])
@pytest.mark.parametrize("width", [16, 24, 32])
def test_lost_quotation_marks_around_a_sum_in_figures_are_restored(width, rendering):
    # A slogan written as a sum ("“1900-1=0”") or a span of hours
    # ("“7×24”"), its quotation marks lost to U+FFFD: the signs are the
    # figure's, so the CJK beyond it decides, as for a figure.  Left as
    # U+FFFD, a mark would also put every mark after it in its paragraph
    # out of step.
    import random

    from bench.degrade import Profile, render_copy

    lines = expected_lines()
    truth = [
        lines[0],
        "信念就是“1900-1=0”",
        "“1900-1=0！”" + lines[1],
        "提供“7×24”的服务，" + lines[3],
        *lines[4:6],
    ]
    copy = render_copy(truth, Profile("copy-only", rendering, "space-lines", "fffd-quotes", width), random.Random(0), False)
    copy = copy.replace("“", "\ufffd").replace("”", "\ufffd")
    assert repair_document(copy).text.splitlines() == truth


@pytest.mark.parametrize("rendering", ["lines", "spaced-lines"])
@pytest.mark.parametrize("marker", ["indent-lost", "none"])
def test_a_tiny_wide_copy_whose_wraps_cut_a_word_is_read_as_a_copy(rendering, marker):
    # A copy of a title and one paragraph set across a page (45 to 60
    # characters a line): two or three printed lines as long as web
    # paragraphs, one of them closed, read as clean text they stayed as
    # printed.  Web text never ends a line inside a word, and a wrap that
    # does ("…奋" / "力书写…") shows the copy.  Some copies still read as
    # web text (the cut word the one sign among loud clean ones); before
    # that cue, about 40% were read right.
    import random

    from bench.degrade import Profile, render_copy, typeset
    from pipeline.lexicon import splits_word

    lines = expected_lines()
    right = cases = 0
    for para in lines[1:]:
        for width in range(45, 61):
            printed = typeset(para, width, marker == "indent-lost")
            if not 2 <= len(printed) <= 3 or not any(splits_word(a, b) for a, b in zip(printed, printed[1:])):
                continue
            copy = render_copy([lines[0], para], Profile("copy-only", rendering, marker, "none", width), random.Random(0), False)
            cases += 1
            right += repair_document(copy).text.splitlines() == [lines[0], para]
    assert cases > 100
    assert right >= 0.85 * cases


@pytest.mark.parametrize("damage", ["utf8-as-gbk", "utf8-as-cp1252", "gbk-as-latin1"])
@pytest.mark.parametrize("marker", ["indent-spaces", "none"])
@pytest.mark.parametrize("where", ["before", "after", "two-copies"])
def test_a_copy_of_a_title_and_one_line_through_a_wrong_codec_is_a_copy(where, marker, damage):
    # A copy set wide holds only the title and the first paragraph, each on
    # one printed line, through a wrong codec the clean text beside it never
    # went through.  Two plain lines at the document's edge said too little
    # to be cut out as a copy, so the copy was read as clean text and came
    # out a second time, its lost characters flagged.  A copy goes through
    # the codec whole: lines restored from it, beside sound clean text, are
    # the copy's however plain their shape.
    import random

    from bench.degrade import Profile, _codec, render_copy

    lines = expected_lines()
    truth = [lines[21], lines[5], lines[3], lines[4], lines[2]]
    clean = "\n".join([truth[0]] + ["\u3000\u3000" + p for p in truth[1:]])
    copy = _codec(render_copy(truth[:2], Profile(where, "lines", marker, damage, 50), random.Random(0), False), damage)
    parts = {"before": [copy, clean], "after": [clean, copy], "two-copies": [copy, clean, copy]}[where]
    out = repair_document("\n\n".join(parts) + "\n")
    assert [s.kind for s in out.sections if s.kind is SectionKind.CLEAN] == [SectionKind.CLEAN]
    assert len(out.sections) == len(parts)
    assert out.text.splitlines() == truth


def test_a_title_that_only_the_documents_last_line_names_again_heads_its_own_article():
    # A clean article whose title is a name its paragraphs repeat, and whose
    # last line, a source line, names once more ("…学校" / "数据来源：…学校"):
    # the title stands in no other title-sized line, for the last line heads
    # nothing.  Taken for a copy's title line, the title was dropped as a
    # duplicate of the body.  The same title printed again as the title
    # line of a copy after the body still marks the first one as a copy.
    from pipeline import detection
    from pipeline.compare import form_only

    lines = expected_lines()
    title = "长春工业经济"
    body = ["\u3000" + line for line in lines[1:12]]
    for foot, is_copy in (([f"数据来源：{title}"], False), ([title, lines[1][:10]], True)):
        doc = tuple([title, *body, *foot])
        labels = [True] + [False] * (len(doc) - 1)
        out = detection._require_copy(doc, [form_only(line) for line in doc], labels)
        assert out == (labels if is_copy else [False] * len(doc))


@pytest.mark.parametrize(
    "rendering, marker, width",
    [("runs", "indent-ideographic", 30), ("runs", "none", 40), ("spaced-lines", "space-lines", 30), ("lines", "indent-spaces", 40)],
)
def test_a_one_paragraph_web_text_beside_a_copy_that_adds_a_longer_one_is_told_apart_past_its_title_block(
    rendering, marker, width
):
    # The web text is a title, a byline, a subtitle and one paragraph, each
    # parted by a line of one space; its copy prints the title block whole
    # and goes on to a longer paragraph the web text lacks.  Where the
    # evidence gave the whole document to the copy, the web version read as
    # printed: its byline and subtitle stop mid-sentence.  The copy prints
    # them whole as well, so they tell nothing of how the version reads.
    import random

    from bench.degrade import Profile, render_copy
    from pipeline import detection
    from pipeline.compare import form_only

    lines = expected_lines()
    clean = ["长春工业经济提振发力", "本报记者  张明", "交出一份亮眼的成绩单", lines[2]]
    copy = render_copy([*clean, lines[6]], Profile("after", rendering, marker, "none", width), random.Random(width), True)
    doc = tuple(("\n \n".join("  " + p for p in clean) + "\n" + copy).split("\n"))
    kinds = [detection.line_kind(line) for line in doc]
    forms = [form_only(line) if kind == detection.CONTENT else "" for line, kind in zip(doc, kinds)]
    contained = detection._contained_in_longer_line(forms)
    out = detection._split_repeated_title(doc, forms, [True] * len(doc), contained)
    assert out == [False] * 7 + [True] * (len(doc) - 7)


def test_a_web_text_whose_paragraphs_close_without_a_mark_is_told_from_its_traditional_copy_by_width():
    # Headings over paragraphs that end without a full stop ("…支持经济结构
    # 调整"): most of the web text's lines stop mid-sentence, as a copy's
    # printed lines do, and the script that tells the versions apart was
    # overruled.  But its paragraphs are far wider than any line of the
    # copy beside it, which no copy set as that one prints.  A version whose
    # lines are as narrow as the copy's stays printed.
    import random

    import opencc

    from bench.degrade import Profile, render_copy
    from pipeline import detection
    from pipeline.compare import form_only

    lines = expected_lines()
    headings = ["一、谋划在前", "二、服务在先", "三、落实在后", "四、保障有力", "五、成效显著"]
    paragraphs = [line.rstrip("。") for line in lines[6:11]]
    article = ["长春工业经济提振发力", lines[3]] + [p for pair in zip(headings, paragraphs) for p in pair]
    copy = render_copy(article, Profile("after", "lines", "none", "none", 30), random.Random(1), False)
    copy = opencc.OpenCC("s2t").convert(copy)
    for web, is_split in ((article, True), (copy.strip("\n").split("\n"), False)):
        doc = tuple(["\u3000\u3000" + p for p in web] + copy.split("\n"))
        kinds = [detection.line_kind(line) for line in doc]
        forms = [form_only(line) if kind == detection.CONTENT else "" for line, kind in zip(doc, kinds)]
        contained = detection._contained_in_longer_line(forms)
        out = detection._split_repeated_title(doc, forms, [True] * len(doc), contained)
        assert out == ([False] * len(web) + [True] * (len(doc) - len(web)) if is_split else [True] * len(doc))


def test_a_short_copy_before_the_clean_text_that_took_the_clean_title_with_it_is_still_a_copy():
    # A copy cut off after its lead's first printed lines, right before the
    # clean text: the evidence ran it on into the clean title and the lead
    # the copy was cut from, so no clean title stood outside it to say that
    # it opens with one, and little of its text stood in the clean lines
    # left.  Its title, cut across lines or without its first words, is
    # the clean title inside the run: that marks it a copy still.
    from pipeline import detection
    from pipeline.compare import form_only

    lines = expected_lines()
    title, lead = lines[0], lines[1]
    for head in ([title[:14], title[14:]], [title[10:]]):
        copy = [*head, lead[:12], lead[12:]]
        clean = [title, lead, *lines[2:12]]
        doc = tuple(copy + clean)
        labels = [True] * (len(copy) + 2) + [False] * (len(clean) - 2)
        assert detection._require_copy(doc, [form_only(line) for line in doc], labels) == labels


def test_a_printed_line_that_quotes_the_title_and_closes_a_clause_opens_no_version():
    # A copy whose title is a quotation ("“长春工业经济提振发力”") and whose
    # text quotes it again, cut at a line end after its comma
    # ("长春工业经济提振发力，"): the same words, but a title closes no
    # clause.  Taken for a second version's title, it split the copy in two
    # where a page head in its first part said that part was the copy.
    from pipeline import detection
    from pipeline.compare import form_only

    lines = expected_lines()
    body = "".join(lines[1:4])
    pieces = [body[k : k + 14] for k in range(0, len(body), 14)]
    doc = (
        "“长春工业经济提振发力”",
        *pieces[:6],
        "2022年9月2日 星期五 | 要闻",
        *pieces[6:12],
        "“我们要让",
        "长春工业经济提振发力，",
        "交出一份亮眼的成绩单。”",
        *pieces[12:],
    )
    kinds = [detection.line_kind(line) for line in doc]
    forms = [form_only(line) if kind == detection.CONTENT else "" for line, kind in zip(doc, kinds)]
    labels = [True] * len(doc)
    assert detection._split_repeated_title(doc, forms, labels, detection._contained_in_longer_line(forms)) == labels


@pytest.mark.parametrize("width", [28, 30, 32])
def test_a_short_copy_that_spaces_its_figures_and_whose_lead_holds_its_cut_title(width):
    # Before the clean text, a copy of its title cut of its first words and
    # of a lead only the copy has, a few lines whose figures stand apart
    # from the Han beside them ("7、8 月", "居 15 个"), as the clean text's
    # never do ("8月21日").  The spacing says the lines are another source's;
    # the lead's last line, closing with a full stop, holds the cut title
    # (the lead says the title again), which makes it no clean title after
    # the copy.  Nothing is lost or said twice, whatever the lead's breaks.
    from bench.degrade import typeset

    lines = expected_lines()
    title = "长春推动工业经济企稳回升"
    copy = [" 推动工业经济企稳回升", *map(space_figures, typeset(lines[2], width, False))]
    body = [title] + ["\u3000\u3000" + p for p in lines[3:30]]
    out = repair_document("\n\n".join(copy) + "\n\n" + "\n".join(body) + "\n")
    assert _kinds(out) == [SectionKind.BROKEN, SectionKind.CLEAN]
    assert "".join(out.text.splitlines()) == "".join([title, lines[2], *lines[3:30]])


@pytest.mark.parametrize("width", [20, 24])
def test_the_clean_title_block_set_apart_under_a_copys_last_page_is_clean(width):
    # A copy in printed lines with no blank line between them, its last page
    # number and a page break, then the clean text, every line set apart by
    # a blank line, its title indented with U+3000 and a short heading under
    # it ("谋规划", like "内容提要").  The heading is the copy's last line
    # to the evidence, and the title before it; blank lines part them from
    # the copy as they part the clean text's own lines, and the clean text
    # lacks them elsewhere: they are the clean text's head.
    from bench.degrade import typeset

    lines = expected_lines()
    truth = [lines[0], "谋规划", *lines[1:14]]
    copy = [line for k, p in enumerate(truth) for line in typeset(p, width, k > 1)]
    clean = ["\u3000\u3000" + truth[0], *truth[1:]]
    out = repair_document("\n".join(copy) + "\n第 1 页\n\x0c\n\n" + "\n\n".join(clean) + "\n")
    assert _kinds(out) == [SectionKind.BROKEN, SectionKind.CLEAN]
    assert out.text.splitlines() == truth

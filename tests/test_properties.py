"""Invariants of repair_document on arbitrary and on sample-built inputs (hypothesis)."""

from __future__ import annotations

from hypothesis import assume, example, given
from hypothesis import strategies as st

from pipeline import Paragraph, RepairError, RepairOptions, SectionKind, repair_document
from pipeline.canonical import canonical_paragraph, canonical_text
from pipeline.ingest import ingest
from pipeline.encoding import pair_quotes, repair_lines

from .support import sample_parts

CLEAN, BROKEN = sample_parts()

# Text that looks like the problem: Chinese, digits, Latin, the punctuation and
# white space of the sample, U+FFFD and the dash variants, and line breaks.
chinese_like = st.text(
    alphabet=st.sampled_from(
        list("长春工业经济发展增长的是在和了") + list("0123456789.%+-ABCxyz")
        + list("，。、；：？！“”（）《》——…― \u3000\ufffd\n\n\n\"'()")
    ),
    max_size=300,
)
any_text = st.text(max_size=300)
# The same, with the marks pdfminer.six writes for glyphs it cannot map, which
# the canonical form leaves as they are (next to brackets that it folds).
with_cid_marks = st.lists(
    st.one_of(st.sampled_from(list("长春经济，。（）()：:1 \n")), st.sampled_from(["(cid:0)", "(cid:12)"])),
    max_size=60,
).map("".join)


def _repair(source):
    """repair_document, where only the package's own errors are allowed to escape."""
    try:
        return repair_document(source)
    except RepairError:
        return None


@given(with_cid_marks)
def test_the_canonical_form_keeps_every_cid_mark_and_is_a_fixed_point(text):
    from pipeline.canonical import canonical_paragraph
    from pipeline.mojibake import CID

    once = canonical_paragraph(text)[0]
    assert canonical_paragraph(once)[0] == once
    assert CID.findall(once) == CID.findall(text)


@given(st.one_of(any_text, chinese_like))
def test_never_raises_on_text_and_is_idempotent(text):
    first = repair_document(text)  # str input is always usable text
    assert repair_document(first.text).text == first.text


@given(st.binary(max_size=400))
def test_never_raises_on_bytes_but_its_own_errors(data):
    result = _repair(data)
    if result is not None:
        assert repair_document(result.text).text == result.text


@given(st.binary(max_size=400))
def test_never_raises_on_a_broken_pdf_but_its_own_errors(data):
    # Bytes with a PDF header go to pdfminer.six, whatever follows.
    _repair(b"%PDF-1.4\n" + data)


@given(st.one_of(any_text, chinese_like))
def test_every_clean_paragraph_is_in_the_output(text):
    result = repair_document(text, options=RepairOptions(script="keep"))
    out = set(result.text.splitlines())
    lines = ingest(text)[0].lines
    for section in result.sections:
        if section.kind is SectionKind.CLEAN:
            for line in lines[section.start - 1 : section.end]:
                # The clean line as the per-line and per-paragraph repairs make it.
                repaired = pair_quotes(repair_lines((line,))[0][0], unknown="\ufffd")[0]
                para = canonical_text((Paragraph(repaired, SectionKind.CLEAN, 0, 1, 1),), script="keep")[0].strip()
                if para:
                    assert para in out


@given(
    # A clean body of at least the title and three paragraphs: a body of a title and
    # a line or two right after a copy cannot be told from the copy's own tail.
    st.lists(st.sampled_from(range(1, len(CLEAN))), min_size=3, max_size=12, unique=True),
    st.sampled_from(["before", "after", "both", "none"]),
)
# A body the copy (which covers the article's first part only) hardly repeats,
# between two copies: it once passed for the copy's own text, its title lost.
@example(picked=[3, 40, 1], where="both")
# A body ending on an indented heading as wide as the copy's widest run, the
# copy right under it opening with its cut title's end (" 促发展"): the
# heading once read as a printed line wrapping into the copy, and the whole
# body as the copy's, its title run into the standfirst.
@example(picked=[1, 2, 3, 4, 5, 18, 21, 45], where="after")
# An indented heading over an unindented photo caption, as wide as the
# copy's runs: it once read as a printed line wrapping, and the whole body
# (two of whose paragraphs are twice as wide as any run of the copy) as the
# copy's.
@example(picked=[1, 2, 3, 4, 5, 21, 39, 45, 53], where="after")
def test_sample_built_documents_keep_every_clean_paragraph_once(picked, where):
    """Any subset of the clean article (title first), with the broken copy around it."""
    body = [CLEAN[0]] + [CLEAN[i] for i in sorted(picked)]
    # A body with at least two real paragraphs (indented, a sentence or more): a
    # title, subheads and a byline alone are no article to tell from a copy.
    assume(sum(line.startswith("\u3000") and len(line) >= 30 for line in body) >= 2)
    doc = {"before": BROKEN + body, "after": body + BROKEN, "both": BROKEN + body + BROKEN, "none": body}[where]
    result = repair_document("\n".join(doc))
    out = result.text.splitlines()
    for i, line in enumerate(body):
        para = canonical_paragraph(line)[0]
        # Never lost, never duplicated ...
        assert para in result.text
        assert out.count(para) <= 1
        # ... and its own paragraph, but for a short last line of the body that a
        # copy follows directly, with no blank line between (a byline): it may be
        # read as the copy's first fragment and joined to it.
        if not (i == len(body) - 1 and where in ("after", "both")):
            assert para in out
    # Nothing the clean body lacks is lost: every copy paragraph is either
    # matched against the body or kept.
    assert len(out) >= len(body)
    assert "\ufffd" not in result.text
    assert repair_document(result.text).text == result.text

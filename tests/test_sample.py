"""The user's sample, end to end: the numbers issue #2 asks for, as assertions."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from pipeline import RepairOptions, SectionKind, repair_document
from pipeline.canonical import canonical_paragraph
from pipeline.metrics import char_error_rate

from .support import COPY_COVERS, SAMPLE, SAMPLE_EXPECTED, expected_lines, sample_parts, sample_text


@pytest.fixture(scope="module")
def result():
    return repair_document(SAMPLE)


def test_whole_sample_equals_expected_output(result):
    assert result.text == SAMPLE_EXPECTED.read_text(encoding="utf-8")


def test_whole_sample_error_rate_is_zero_against_canonical_clean_article(result):
    clean, _ = sample_parts()
    canonical_clean = "\n".join(canonical_paragraph(line)[0] for line in clean)
    assert char_error_rate(result.text, canonical_clean) == 0.0
    # Against the clean article as printed, only the documented canonical
    # changes remain: one "(" folded to "（" (spaces do not count).
    assert char_error_rate(result.text, "\n".join(clean)) == pytest.approx(1 / 6619, abs=1e-4)
    # The raw input is far off (the baseline issue #2 measured).
    assert char_error_rate(sample_text(), "\n".join(clean)) > 0.19


def test_sections_found(result):
    kinds = [(s.kind, s.start, s.end) for s in result.sections]
    assert kinds == [(SectionKind.CLEAN, 1, 65), (SectionKind.BROKEN, 66, 349)]
    assert result.sections[1].layout == "runs"
    assert all(s.confidence > 0.8 for s in result.sections)


def test_report_accounts_for_every_repair(result):
    c = result.report.counts
    assert c["broken_sections"] == 1
    assert c["fffd_restored"] == 17
    assert c["fffd_left"] == 0
    assert c["fffd_checked_against_clean"] == 17
    assert c["fffd_disagreed_with_clean"] == 0
    assert c["dash_variants_fixed"] == 2
    assert c["duplicate_paragraphs_removed"] == COPY_COVERS
    assert c["novel_paragraphs_kept"] == 0
    assert c["paragraphs_out"] == 65
    # every broken paragraph matched exactly its clean counterpart, in order
    assert [m.clean_paragraphs for m in result.report.matches] == [(i,) for i in range(COPY_COVERS)]
    json.dumps(result.to_dict(), ensure_ascii=False)


def test_broken_copy_alone_reproduces_its_clean_counterpart():
    clean, broken = sample_parts()
    out = repair_document("\n".join(broken))
    assert "\ufffd" not in out.text
    assert out.report.counts["fffd_restored"] == 17
    got = out.text.splitlines()
    want = expected_lines()[:COPY_COVERS]
    assert len(got) == len(want)
    # The copy lost the title's first words and its dash: the only difference.
    assert got[0] == "促发展看长春工业经济如何提振发力量质齐升"
    assert want[0] == "谋规划强创新" + got[0][:3] + "—" + got[0][3:]
    assert got[1:] == want[1:]
    assert char_error_rate(out.text, "\n".join(clean[:COPY_COVERS])) <= 0.01


def test_clean_part_alone_is_unchanged_but_for_canonical_form():
    clean, _ = sample_parts()
    out = repair_document("\n".join(clean))
    assert [s.kind for s in out.sections] == [SectionKind.CLEAN]
    assert out.text.splitlines() == expected_lines()
    assert out.text.splitlines() == [canonical_paragraph(line)[0] for line in clean]


@pytest.mark.parametrize("kind", ["str", "bytes", "path", "gb18030", "utf-16"])
def test_all_source_kinds_agree(kind, result, tmp_path):
    text = sample_text()
    source = {
        "str": text,
        "bytes": text.encode("utf-8"),
        "path": SAMPLE,
        "gb18030": text.encode("gb18030"),
        "utf-16": text.encode("utf-16"),
    }[kind]
    out = repair_document(source)
    assert out.text == result.text
    if kind == "gb18030":
        assert out.report.source.encoding == "gb18030"


def test_options_turn_stages_off():
    no_dedup = repair_document(sample_text(), options=RepairOptions(dedup=False))
    assert len(no_dedup.text.splitlines()) == 65 + COPY_COVERS
    no_quotes = repair_document("\n".join(sample_parts()[1]), options=RepairOptions(restore_quotes=False))
    assert no_quotes.text.count("\ufffd") == 17
    assert no_quotes.report.counts["fffd_left"] == 17


def test_command_line_prints_canonical_text():
    proc = subprocess.run(
        [sys.executable, "-m", "pipeline", str(SAMPLE)], capture_output=True, text=True, encoding="utf-8", check=True
    )
    assert proc.stdout == SAMPLE_EXPECTED.read_text(encoding="utf-8")
    bad = subprocess.run([sys.executable, "-m", "pipeline", "nope.pdf"], capture_output=True, text=True)
    assert bad.returncode == 2 and "cannot read" in bad.stderr

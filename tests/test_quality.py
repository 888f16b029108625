"""Issue #3's quality thresholds on a small seeded set generated from the fixture's own article.

The generator (bench/degrade.py) renders the sample's clean article in every
layout, rendering and damage; the scores come from bench/scoring.py, the same
yardstick bench/quality.py uses on the evaluation corpus.  Nothing here reads
../shared.
"""

from __future__ import annotations

from collections import defaultdict

import pytest

from bench.degrade import DAMAGES, LAYOUTS, Article, generate
from bench.scoring import score, summarize
from pipeline import repair_document

from .support import sample_parts

# Damages whose repair is the CJK mojibake repairer's (issue #4); until it lands
# they are measured by bench/quality.py but not held to the thresholds here.
PENDING = {"utf8-as-gbk", "gbk-as-latin1"}


def _article() -> Article:
    clean, _ = sample_parts()
    return Article(clean[0], tuple(line.strip("\u3000 ") for line in clean[1:] if line.strip()), "sample")


@pytest.fixture(scope="module")
def scored():
    cases = [c for c in generate([_article()], 4 * len(LAYOUTS) * len(DAMAGES), seed=7) if c.profile.damage not in PENDING]
    return [(c, score(repair_document(c.document).text, c)) for c in cases]


def test_every_layout_and_damage_meets_the_thresholds(scored):
    groups = defaultdict(list)
    for case, s in scored:
        groups[("layout", case.profile.layout)].append(s)
        groups[("damage", case.profile.damage)].append(s)
    failures = []
    for key, scores in sorted(groups.items()):
        m = summarize(scores)
        if m["cer"] > 0.005 or m["exact"] < 0.99 or m["duplicated"] or m["lost"] or m["space_cjk"]:
            failures.append((key, {k: round(v, 4) for k, v in m.items()}))
    assert not failures


def test_clean_only_documents_come_out_as_their_canonical_form(scored):
    clean_only = [(c, s) for c, s in scored if c.profile.layout == "clean-only"]
    assert clean_only
    assert all(s.exact_output for _, s in clean_only)


def test_no_document_loses_or_duplicates_a_paragraph(scored):
    bad = [c.profile.name for c, s in scored if s.lost or s.duplicated]
    assert bad == []

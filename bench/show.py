"""Show one generated case: its profile, the document, the output and a diff against the truth.

Run: .venv/bin/python bench/show.py INDEX [-n 600] [--seed 0] [--doc]
"""

from __future__ import annotations

import argparse
import difflib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.degrade import generate, load_jsonl  # noqa: E402
from bench.quality import DEFAULT_CORPUS  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("index", type=int)
    parser.add_argument("-n", type=int, default=600)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--corpus", default=str(DEFAULT_CORPUS))
    parser.add_argument("--doc", action="store_true", help="print the degraded document too")
    args = parser.parse_args()
    from pipeline import repair_document

    case = generate(load_jsonl(args.corpus), args.n, seed=args.seed)[args.index]
    result = repair_document(case.document)
    print("profile:", case.profile.name, case.article_id, case.notes)
    print("sections:", [(s.kind.value, s.start, s.end, s.confidence, s.layout) for s in result.sections])
    if args.doc:
        print("----- document\n" + case.document)
    print("----- diff truth -> output")
    for line in difflib.unified_diff(case.truth.splitlines(), result.text.splitlines(), lineterm="", n=0):
        print(line)
    print("----- matches")
    for m in result.report.matches:
        print(" ", m.broken_start, m.broken_end, m.clean_paragraphs, m.coverage, m.kept[:40])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

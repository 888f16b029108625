"""Two fixed points of the repair: canonical text in comes out unchanged, and a repair's output repaired again is the same.

Run:
    .venv/bin/python bench/fixed_point.py [ARTICLES.jsonl] [-n 600] [--seed 0] [--generator heldout]

* Canonical input: every article of ARTICLES.jsonl (default
  ../shared/corpus/rmrb-2019-10-sample.jsonl, evaluation only), written in
  canonical form (title and paragraphs, one a line), is fed to
  repair_document as a clean-body-only document, and must come back byte for
  byte.  This is the commonest form of web text, and the form newsrepair
  itself writes; the generator's clean bodies indent their paragraphs or set
  blank lines between them, so bench/quality.py's clean-only row does not
  see it.
* Idempotence: the seeded generated set (as bench/quality.py draws it, from
  bench/degrade.py or, with ``--generator heldout``, bench/heldout.py) is
  repaired, and the output repaired again.  Counted apart: documents through
  UTF-8 read as GBK, whose output may hold U+FFFD flags a second pass reads
  as lost marks (issue #4).

Prints the counts and the documents that fail.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.degrade import canonical_truth, generate, load_jsonl  # noqa: E402
from bench.quality import DEFAULT_CORPUS  # noqa: E402
from pipeline import repair_document  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    parser.add_argument("-n", type=int, default=600, help="generated documents for the idempotence check (default 600)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--generator", choices=("degrade", "heldout"), default="degrade")
    args = parser.parse_args(argv)
    articles = load_jsonl(args.corpus)

    changed = []
    for article in articles:
        text = canonical_truth(article.title, list(article.paragraphs))
        if repair_document(text).text != text:
            changed.append(article.id)
    print(f"canonical input unchanged: {len(articles) - len(changed)} of {len(articles)}")
    for article_id in changed:
        print(f"  changed: {article_id}")

    moved: dict[bool, list[str]] = {False: [], True: []}
    if args.generator == "heldout":
        from bench import heldout

        plain = [{"id": a.id, "title": a.title, "paragraphs": list(a.paragraphs)} for a in articles]
        cases = heldout.generate(plain, args.n, args.seed)
    else:
        cases = generate(articles, args.n, seed=args.seed)

    def lossy_codec(case) -> bool:
        # (The two generators spell the codec's name apart.)
        return any(name in case.profile.name for name in ("utf8-as-gbk", "utf8_gbk"))

    for i, case in enumerate(cases):
        once = repair_document(case.document).text
        if repair_document(once).text != once:
            moved[lossy_codec(case)].append(f"#{i} {case.profile.name}")
    lossy = sum(lossy_codec(case) for case in cases)
    print(f"idempotent, outside utf8-as-gbk: {len(cases) - lossy - len(moved[False])} of {len(cases) - lossy}")
    print(f"idempotent, utf8-as-gbk: {lossy - len(moved[True])} of {lossy}")
    for name in moved[False]:
        print(f"  not idempotent: {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

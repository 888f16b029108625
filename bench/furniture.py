"""False furniture: article lines that page-furniture detection would remove.

Run:
    .venv/bin/python bench/furniture.py [ARTICLES.jsonl] [--seed 5]

Renders every article of the corpus as a copy with no page furniture at all,
once per rendering (runs, lines, spaced-lines), at a random column width and
paragraph marker, half of them with their quotation marks lost to U+FFFD, and
counts the copies in which :func:`pipeline.rejoin.find_furniture` takes any
line for furniture.  Every such line would be removed from the output, so the
figure should be 0; each one found is printed.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.degrade import MARKERS, RENDERINGS, Profile, _lose_quotes, load_jsonl, render_copy  # noqa: E402
from bench.quality import DEFAULT_CORPUS  # noqa: E402
from pipeline.rejoin import find_furniture  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    copies = flagged = 0
    for article in load_jsonl(args.corpus):
        for rendering in RENDERINGS:
            width, marker, lost = rng.randint(14, 40), rng.choice(MARKERS), rng.random() < 0.5
            paragraphs = [article.title, *article.paragraphs]
            if lost:
                paragraphs = [_lose_quotes(p, rng) for p in paragraphs]
            copy = render_copy(paragraphs, Profile("copy-only", rendering, marker, "none", width), rng, lost)
            lines = tuple(copy.split("\n"))
            taken = find_furniture(lines)
            copies += 1
            if taken:
                flagged += 1
                print(f"  {article.id} {rendering}/{marker}/w{width}: {[lines[i] for i in sorted(taken)][:6]}")
    print(f"{copies} furniture-free copies (seed {args.seed}); {flagged} with a line taken for furniture")
    return 1 if flagged else 0


if __name__ == "__main__":
    sys.exit(main())

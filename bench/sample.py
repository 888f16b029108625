"""Measure issue #2's numbers on the user's sample (fixtures/000_f34ac04e32c0b974.txt).

Run: .venv/bin/python bench/sample.py

Prints the paragraph-aware character error rate (one paragraph a line, other
white space ignored; Levenshtein over the truth's length) for the raw input, for
ftfy's defaults, for ftfy with CJK-safe settings, and for repair_document, on
three inputs: the whole sample (truth: the clean article, lines 1-65), the broken
copy alone (truth: its clean counterpart, the first 18 paragraphs) and the clean
part alone (truth: itself).  Also the U+FFFD accounting and whether the output
equals the hand-checked expected file.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import ftfy

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline import repair_document  # noqa: E402
from pipeline.canonical import canonical_paragraph  # noqa: E402
from pipeline.encoding import ftfy_config  # noqa: E402
from pipeline.metrics import char_error_rate  # noqa: E402

SAMPLE = ROOT / "fixtures" / "000_f34ac04e32c0b974.txt"
EXPECTED = ROOT / "fixtures" / "expected" / "000_f34ac04e32c0b974.txt"


def main() -> int:
    text = SAMPLE.read_text(encoding="utf-8")
    lines = text.split("\n")
    clean, broken = lines[:65], lines[65:]
    cases = {
        "whole sample": (text, "\n".join(clean)),
        "broken copy alone": ("\n".join(broken), "\n".join(clean[:18])),
        "clean part alone": ("\n".join(clean), "\n".join(clean)),
    }
    methods = {
        "raw input": lambda t: t,
        "ftfy default": ftfy.fix_text,
        "ftfy CJK-safe": lambda t: ftfy.fix_text(t, ftfy_config()),
        "newsrepair": lambda t: repair_document(t).text,
    }
    print(f"{'input':<20}" + "".join(f"{m:>15}" for m in methods))
    for name, (source, truth) in cases.items():
        row = [char_error_rate(fn(source), truth) for fn in methods.values()]
        print(f"{name:<20}" + "".join(f"{v:>14.2%} " for v in row))

    print()
    clean_canonical = "\n".join(canonical_paragraph(line)[0] for line in clean)
    t0 = time.perf_counter()
    result = repair_document(SAMPLE)
    elapsed = time.perf_counter() - t0
    c = result.report.counts
    print(f"whole sample vs canonical clean article: CER {char_error_rate(result.text, clean_canonical):.4%}")
    print(f"output equals fixtures/expected: {result.text == EXPECTED.read_text(encoding='utf-8')}")
    print(f"sections: {[(s.kind.value, s.start, s.end, s.confidence, s.layout) for s in result.sections]}")
    print(
        f"U+FFFD in input {text.count(chr(0xFFFD))}, restored {c['fffd_restored']}, left {c['fffd_left']}, "
        f"checked against clean {c['fffd_checked_against_clean']}, disagreed {c['fffd_disagreed_with_clean']}"
    )
    print(
        f"duplicate paragraphs removed {c['duplicate_paragraphs_removed']}, novel kept {c['novel_paragraphs_kept']}, "
        f"fragments joined {c['fragments_joined']}, paragraphs out {c['paragraphs_out']}, time {elapsed * 1000:.0f} ms"
    )
    alone = repair_document("\n".join(broken))
    got, want = alone.text.splitlines(), EXPECTED.read_text(encoding="utf-8").splitlines()[:18]
    same = sum(a == b for a, b in zip(got, want))
    print(
        f"broken copy alone: {len(got)} paragraphs, {same} identical to the clean counterpart "
        f"(the title lost its first words in the copy), U+FFFD restored {alone.report['fffd_restored']}, "
        f"left {alone.report['fffd_left']}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

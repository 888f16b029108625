"""Write fixtures/mojibake/cases.json: CJK mojibake test cases in ftfy's schema.

Run: .venv/bin/python bench/make_mojibake_cases.py

Each case has ftfy's fields (label, comment, original, fixed, expect): the
sentences come from the fixture's own article, passed through every chain that
pipeline.mojibake claims to undo, plus clean Chinese lines that must come back
unchanged.  Regenerating gives the same file (no randomness).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import ftfy.bad_codecs  # noqa: E402,F401  (sloppy-windows-1252)
import opencc  # noqa: E402

SAMPLE = ROOT / "fixtures" / "000_f34ac04e32c0b974.txt"
OUT = ROOT / "fixtures" / "mojibake" / "cases.json"

CHAINS = [
    ("utf-8 read as latin-1", "utf-8", "latin-1", None),
    ("utf-8 read as cp1252", "utf-8", "sloppy-windows-1252", None),
    ("utf-8 read as gbk", "utf-8", "gbk", None),
    ("utf-8 read as big5", "utf-8", "big5", "traditional"),
    ("gbk read as latin-1", "gbk", "latin-1", None),
    ("gbk read as cp1252", "gbk", "sloppy-windows-1252", None),
    ("gbk read as latin-1, spaced glyphs", "gbk", "latin-1", "spaced"),
    ("big5 read as latin-1", "big5", "latin-1", "traditional"),
    ("big5 read as gbk", "big5", "gbk", "traditional"),
]


def sentences() -> list[str]:
    text = SAMPLE.read_text(encoding="utf-8").split("\n")[:65]
    out = []
    for line in text:
        for s in re.findall(r"[^。！？]+[。！？]", line.strip("\u3000 ")):
            if 16 <= len(s) <= 64 and s not in out:
                out.append(s)
    return out[:12]


def main() -> None:
    s2t = opencc.OpenCC("s2t")
    cases = []
    for sentence in sentences():
        for label, true, wrong, variant in CHAINS:
            src = s2t.convert(sentence) if variant == "traditional" else sentence
            try:
                data = src.encode(true)
                if variant == "spaced":
                    # A PDF text layer that puts a space between glyphs.
                    garbled = " ".join(ch.encode(true).decode(wrong) for ch in src)
                else:
                    garbled = data.decode(wrong)
            except (UnicodeEncodeError, UnicodeDecodeError):
                continue  # the chain cannot carry this sentence (lossy decode): not a lossless case
            cases.append({"label": label, "comment": "from the fixture's article", "original": garbled,
                          "fixed": src, "expect": "pass"})
    # Lossy: UTF-8 read as GBK with errors=replace.  "expect" says whether the
    # repair restores the sentence exactly today ("fail" cases are the ones the
    # dictionary model gets wrong or flags: known failures, as in ftfy's suite).
    from pipeline.mojibake import LOST, repair

    for sentence in sentences():
        garbled = sentence.encode("utf-8").decode("gbk", errors="replace")
        if "\ufffd" not in garbled:
            continue
        restored = repair(garbled)[0].replace(LOST, "\ufffd")
        cases.append({"label": "utf-8 read as gbk, lossy", "comment": "errors=replace; each U+FFFD lost one byte",
                      "original": garbled, "fixed": sentence, "expect": "pass" if restored == sentence else "fail"})
    for sentence in sentences():
        cases.append({"label": "clean Chinese stays", "comment": "", "original": sentence, "fixed": sentence,
                      "expect": "pass"})
    OUT.write_text(json.dumps(cases, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(cases)} cases written to {OUT}")


if __name__ == "__main__":
    main()

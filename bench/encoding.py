"""Recovery of Chinese text through wrong codecs: newsrepair against ftfy and charset-normalizer.

Run: .venv/bin/python bench/encoding.py [ARTICLES.jsonl] [-n 200]

Sentences of 8, 16, 32 and 64 characters are cut from the corpus (default
../shared/corpus, evaluation only) and sent through each chain.  Each method
gets the damaged string:

* newsrepair: pipeline.encoding.repair_lines, the encoding stage, on the
  damaged sentence as a one-line document;
* ftfy: fix_text with its defaults, and with the CJK-safe settings;
* charset-normalizer: it repairs no strings, so it gets its best case: the bytes
  the wrong codec read (``damaged.encode(wrong)``), whose encoding it detects.

Prints the share of sentences recovered exactly, per chain and length, and for
the lossy chain the share of characters too.  Also checks that no clean
sentence is changed.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "rmrb-2019-10-sample.jsonl"
LENGTHS = (8, 16, 32, 64)


def chains():
    """(label, encode, decode, spaced, traditional): the damage is text.encode(encode).decode(decode)."""
    return [
        ("utf-8 read as latin-1", "utf-8", "latin-1", False, False),
        ("utf-8 read as cp1252", "utf-8", "sloppy-windows-1252", False, False),
        ("utf-8 read as gbk", "utf-8", "gbk", False, False),
        ("utf-8 read as gb18030", "utf-8", "gb18030", False, False),
        ("utf-8 read as big5", "utf-8", "big5", False, True),
        ("gbk read as latin-1", "gbk", "latin-1", False, False),
        ("gbk read as cp1252", "gbk", "sloppy-windows-1252", False, False),
        ("gbk read as latin-1, spaced", "gbk", "latin-1", True, False),
        ("big5 read as latin-1", "big5", "latin-1", False, True),
        ("big5 read as gbk", "big5", "gbk", False, True),
    ]


def damage(text: str, enc: str, dec: str, spaced: bool) -> str | None:
    """The chain applied strictly (None when it cannot carry the text losslessly)."""
    try:
        if spaced:
            return " ".join(ch.encode(enc).decode(dec) for ch in text)
        return text.encode(enc).decode(dec)
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    parser.add_argument("-n", type=int, default=200, help="sentences per length (default 200)")
    args = parser.parse_args(argv)

    import ftfy
    import ftfy.bad_codecs  # noqa: F401
    import opencc
    from charset_normalizer import from_bytes

    from pipeline.encoding import ftfy_config, repair_lines
    from pipeline.metrics import char_error_rate

    s2t = opencc.OpenCC("s2t")
    paragraphs = []
    article_of = []  # index of each paragraph's article
    articles: list[list[str]] = []
    with open(args.corpus, encoding="utf-8") as fh:
        for line in fh:
            paras = [p.strip() for p in json.loads(line)["paragraphs"] if p.strip()]
            articles.append(paras)
            paragraphs.extend(paras)
            article_of.extend([len(articles) - 1] * len(paras))
    samples = {n: [p[:n] for p in paragraphs if len(p) >= n][: args.n] for n in LENGTHS}
    # The same sentences with the rest of their article: a lossy copy's novel
    # paragraph beside a clean body that lacks it (its own paragraph removed,
    # so nothing is copied, only the article's words are known).
    in_article = {
        n: [(p[:n], [q for q in articles[article_of[i]] if q is not p])
            for i, p in enumerate(paragraphs) if len(p) >= n][: args.n]
        for n in LENGTHS
    }

    def detector(damaged: str, dec: str) -> str:
        try:
            best = from_bytes(damaged.encode(dec)).best()
        except UnicodeEncodeError:
            return damaged
        return str(best) if best is not None else damaged

    methods = {
        "newsrepair": lambda d, dec: repair_lines((d,))[0][0],
        "ftfy": lambda d, dec: ftfy.fix_text(d),
        "ftfy-cjk": lambda d, dec: ftfy.fix_text(d, ftfy_config()),
        "charset-normalizer": detector,
    }
    print(f"sentences recovered exactly, {args.n} per length, from {Path(args.corpus).name}\n")
    header = f"{'chain':<30}{'len':>4}" + "".join(f"{m:>20}" for m in methods)
    print(header)
    for label, enc, dec, spaced, trad in chains():
        for n in LENGTHS:
            row = {m: 0 for m in methods}
            total = 0
            for s in samples[n]:
                src = s2t.convert(s) if trad else s
                damaged = damage(src, enc, dec, spaced)
                if damaged is None:
                    continue
                total += 1
                for m, fn in methods.items():
                    out = fn(damaged, dec)
                    if spaced:
                        # Glyph spacing hides the text's own spaces: compare without any.
                        out, want = out.replace(" ", ""), src.replace(" ", "")
                    else:
                        want = src
                    row[m] += out == want
            if total:
                print(f"{label:<30}{n:>4}" + "".join(f"{row[m] / total:>19.1%} " for m in methods) + f"  ({total})")
    # Lossy: UTF-8 read as GBK with errors=replace.
    print("\nutf-8 read as gbk, errors=replace (lossy): exact sentences, characters restored (1 - CER),")
    print("and of the characters not restored, how many are flagged (U+FFFD) rather than wrong guesses")
    for n in LENGTHS:
        exact = cer = 0.0
        flagged = wrong = 0
        for s in samples[n]:
            damaged = s.encode("utf-8").decode("gbk", errors="replace")
            out = repair_lines((damaged,))[0][0].replace("\ufdd0", "\ufffd")
            exact += out == s
            cer += char_error_rate(out, s)
            if len(out) == len(s):
                flagged += sum(a != b and a == "\ufffd" for a, b in zip(out, s))
                wrong += sum(a != b and a != "\ufffd" for a, b in zip(out, s))
            else:
                wrong += round(char_error_rate(out, s) * len(s))
        k = len(samples[n])
        share = flagged / (flagged + wrong) if flagged + wrong else 1.0
        print(f"  {n:>3} chars: newsrepair {exact / k:.1%} sentences, {1 - cer / k:.1%} characters; "
              f"not restored: {flagged} flagged, {wrong} wrong ({share:.0%} flagged)")
    print("\nthe same, each sentence beside the rest of its article (a lossy copy's paragraph the clean body lacks)")
    for n in LENGTHS:
        exact = cer = 0.0
        for s, rest in in_article[n]:
            damaged = s.encode("utf-8").decode("gbk", errors="replace")
            out = repair_lines(tuple(rest) + (damaged,))[0][-1].replace("\ufdd0", "\ufffd")
            exact += out == s
            cer += char_error_rate(out, s)
        k = len(in_article[n])
        print(f"  {n:>3} chars: newsrepair {exact / k:.1%} sentences, {1 - cer / k:.1%} characters")
    # Clean text must never change.
    changed = sum(repair_lines((p,))[0][0] != p for p in paragraphs)
    print(f"\nclean corpus paragraphs changed by newsrepair's encoding stage: {changed} of {len(paragraphs)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

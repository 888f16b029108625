"""jieba's packaged dictionary, read lazily, once per process.

The dictionary jieba segments with lists about 349,000 words with a count and
a part of speech each.  Two stages draw on it: the lossy decoder chooses lost
characters by the words they make (:func:`pipeline.mojibake.jieba_words`), and
rejoin tells a byline from a headline's wrapped end by whether it opens with a
family name (:func:`surnames`).  Only the package's own file is read (never
jieba's segmenter, whose start-up loads and writes a pickle in the temporary
directory).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from functools import lru_cache


def entries() -> Iterator[tuple[str, int, str]]:
    """Each dictionary line as (word, count, part-of-speech tag), in the file's order.

    (jieba's format allows a line without its tag; such a word has tag "".)
    """
    from importlib.resources import files

    with (files("jieba") / "dict.txt").open(encoding="utf-8") as fh:
        for line in fh:
            word, count, *tag = line.split()
            yield word, int(count), tag[0] if tag else ""


# A character is a family name where at least this share of the dictionary's
# words it opens are people's names (tags nr, nrfg, nrt): 王 0.98, 黄 0.70,
# 谷 0.66; 路 0.40, 本 0.11, 中 0.02.
SURNAME_SHARE = 0.5

# ... and it opens at least this many names (a rare character opening two
# words, one a name, says nothing).
MIN_NAMES = 20


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    """The characters that open a Chinese person's name, by how the dictionary's names open.

    Read once, when first asked (a byline under a headline), in about a
    third of a second.
    """
    names: Counter = Counter()
    words: Counter = Counter()
    for word, _, tag in entries():
        words[word[0]] += 1
        if tag.startswith("nr"):
            names[word[0]] += 1
    return frozenset(ch for ch, n in names.items() if n >= MIN_NAMES and n >= SURNAME_SHARE * words[ch])

"""jieba's packaged dictionary, read lazily, once per process.

The dictionary jieba segments with lists about 349,000 words with a count and
a part of speech each.  Three stages draw on it: the lossy decoder chooses
lost characters by the words they make (:func:`word_counts`); rejoin tells a
byline from a headline's wrapped end by whether it opens with a family name
(:func:`surnames`), and a wrap from a paragraph's end by whether the break
falls inside a word (:func:`splits_word`); detection takes a line end inside
a word for a copy's wrap.  Only the package's own file is read (never
jieba's segmenter, whose start-up loads and writes a pickle in the temporary
directory).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from functools import lru_cache

from .chars import is_han
from .compare import simplified


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


@lru_cache(maxsize=1)
def word_counts() -> tuple[dict[str, int], float]:
    """The dictionary as word counts, every word's prefixes present with count 0, and the log of the total.

    The prefix dictionary jieba segments with, read from its packaged data
    once, lazily: the lossy decoder's model of which characters make words,
    and rejoin's and detection's of where a word goes on across a line end.
    """
    import math

    words: dict[str, int] = {}
    total = 0
    for word, n, _ in entries():
        words[word] = n
        total += n
        for end in range(1, len(word)):
            words.setdefault(word[:end], 0)
    return words, math.log(total)


# Longest word looked for at a break's edge, and longest piece of a word
# across it taken from either side.
EDGE_WORD = 4
CROSSING_PART = 3


def splits_word(before: str, after: str) -> bool:
    """Whether a line end between ``before`` and ``after`` falls inside a word: then it is a wrap, no paragraph end.

    A paragraph that stops without a mark (a headline, a kicker, a byline)
    ends with a whole word and the next one opens with one.  A wrap cuts
    wherever the column ends, inside a word as often as not ("…发现120周" /
    "年之际", "…相关服务企" / "业（简称…").  The break is inside a word where
    the characters either side of it make a dictionary word together, while
    neither side alone ends or opens a word of two characters or more at the
    break (that would make the break a word boundary as plausibly: "…基" /
    "本报北京…", "本报" a word, is a name's end before a dateline).

    Measured on the corpus's 1,583 paragraph ends without a closing mark
    (title to body included): none reads as inside a word; of line ends
    at random places between two Han characters, 36% do.  Only Han
    characters on both sides are tested, read in simplified script: the
    dictionary is, and a traditional copy's words ("預期", "市場") are
    unknown to it, so that a break between two of them would read as
    inside the word they seem to make ("期市").
    """
    if not (before and after and is_han(before[-1]) and is_han(after[0])):
        return False
    # (Only the characters a word at the break can reach are converted.)
    before, after = simplified(before[-EDGE_WORD:]), simplified(after[:EDGE_WORD])
    words = word_counts()[0]

    def known(word: str) -> bool:
        return words.get(word, 0) > 0

    edge = range(2, EDGE_WORD + 1)
    if any(known(before[-k:]) for k in edge if len(before) >= k) or any(known(after[:k]) for k in edge if len(after) >= k):
        return False
    part = range(1, CROSSING_PART + 1)
    return any(known(before[-i:] + after[:j]) for i in part for j in part if len(before) >= i and len(after) >= j)

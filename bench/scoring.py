"""Scores of one repaired document against its ground truth (bench/quality.py, tests).

Kept apart from the pipeline's own alignment code on purpose: the yardstick must
not share the mechanism it measures.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from pipeline.metrics import char_error_rate

_SPACE_NEXT_TO_CJK = re.compile(r"(?<=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”‘’])[ \t\u00a0]|[ \t\u00a0](?=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”‘’])")

# Truth paragraphs shorter than this (in content characters) are too short to be
# looked up as "lost" or "duplicated" on their own ("……", a one-word subhead).
MIN_CONTENT = 6

FFFD = "\ufffd"


@dataclass(frozen=True)
class Score:
    """Measures of one document."""

    cer: float
    exact: float  # share of truth paragraphs found as whole output lines
    exact_output: bool  # output equals the truth
    duplicated: bool
    lost: bool  # a truth paragraph held fewer times than the truth holds it, or only with characters silently wrong
    flagged: bool  # a truth paragraph found only with some characters flagged as U+FFFD
    fffd_left: int
    space_cjk: int


def content(text: str) -> str:
    """Letters, digits and ideographs only, width- and case-folded: what must survive."""
    out = []
    for ch in text:
        if unicodedata.category(ch)[0] in "LN":
            out.append(unicodedata.normalize("NFKC", ch).casefold())
    return "".join(out)


def _marked_content(text: str) -> str:
    """:func:`content`, keeping U+FFFD: the flags that stand for characters the text could not restore."""
    return "".join(ch if ch == FFFD else content(ch) for ch in text)


# Most characters one U+FFFD may stand for: a mark is left for every three lost
# bytes, and a lost byte can cut two characters.
CHARS_PER_FLAG = 3

# Most of a paragraph that flags may stand for and it still count as present.
MAX_FLAGGED_SHARE = 0.25


def _flag_pattern(marked_line: str) -> str:
    """A regex for a marked line's content: each flag stands for up to :data:`CHARS_PER_FLAG` characters or itself."""
    return "".join(f"(?:.{{0,{CHARS_PER_FLAG}}}|{FFFD})" if ch == FFFD else re.escape(ch) for ch in marked_line)


def found_flagged(para: str, marked: str) -> bool:
    """Whether content ``para`` stands in ``marked`` with flags where some of its characters were.

    A repair that cannot restore a character must leave U+FFFD instead of a
    guess: such a paragraph is not lost, it is present with its damage
    declared.  Every character must match, except where the output holds a
    flag; each flag stands for up to :data:`CHARS_PER_FLAG` characters, or
    none (a flagged punctuation mark), and flags may stand for at most
    :data:`MAX_FLAGGED_SHARE` of the paragraph (a run of flags is no
    paragraph).  A missing character with no flag, or a wrong one, fails.  A
    scan over ``marked`` keeping, for each paragraph position reachable at
    the current output position, the fewest characters flags stood for:
    exact, and short, since a position survives only while characters match.
    """
    if FFFD not in marked:
        return False
    n = len(para)
    allowed = MAX_FLAGGED_SHARE * n
    live: dict[int, int] = {}
    for ch in marked:
        live.setdefault(0, 0)  # the paragraph may start anywhere
        step: dict[int, int] = {}
        for i, absorbed in live.items():
            if ch == FFFD:
                for k in range(min(n - i, CHARS_PER_FLAG) + 1):
                    if absorbed + k <= allowed and step.get(i + k, n + 1) > absorbed + k:
                        step[i + k] = absorbed + k
            elif i < n and para[i] == ch and step.get(i + 1, n + 1) > absorbed:
                step[i + 1] = absorbed
        if n in step:
            return True
        live = step
    return False


def score(output: str, case) -> Score:
    """Score ``output`` against ``case.truth``."""
    truth_lines = [line for line in case.truth.split("\n") if line]
    out_lines = [line for line in output.split("\n") if line.strip()]
    out_set = set(out_lines)
    exact = sum(line in out_set for line in truth_lines) / len(truth_lines) if truth_lines else 1.0
    out_content = content(output)
    truth_content = content(case.truth)
    marked = _marked_content(output)
    lost = duplicated = flagged = False
    for line in truth_lines:
        c = content(line)
        if len(c) < MIN_CONTENT:
            continue
        found = out_content.count(c)
        expected = truth_content.count(c)
        if found < expected:
            # Counted, not only looked for: a paragraph whose words another
            # paragraph also holds (a subtitle the report's sentence repeats)
            # is lost when the output holds them fewer times than the truth,
            # though found.  The missing ones may stand with flags.
            if found_flagged(c, marked.replace(c, "")):
                flagged = True
            else:
                lost = True
        elif found > expected:
            duplicated = True
    # Partial duplicates: an output line that is not a truth line but whose
    # content stands again elsewhere in the output (a broken title kept beside
    # the clean one).
    truth_set = set(truth_lines)
    for line in out_lines:
        if line in truth_set:
            continue
        c = content(line)
        # Found again beyond its own occurrence in the output, and more often
        # than the truth holds it (flags standing for what they may stand for:
        # an article may say a sentence twice, and a lossy copy flag it twice).
        if len(c) >= MIN_CONTENT and out_content.count(c) > 1:
            pattern = _flag_pattern(_marked_content(line))
            if len(re.findall(pattern, marked)) > max(1, len(re.findall(pattern, truth_content))):
                duplicated = True
    return Score(
        cer=char_error_rate(output, case.truth),
        exact=exact,
        exact_output=output == case.truth,
        duplicated=duplicated,
        lost=lost,
        flagged=flagged,
        fffd_left=output.count("\ufffd"),
        space_cjk=len(_SPACE_NEXT_TO_CJK.findall(output)),
    )


def summarize(scores: list[Score]) -> dict:
    """Means and document counts over a group of scores."""
    n = len(scores) or 1
    return {
        "cer": sum(s.cer for s in scores) / n,
        "exact": sum(s.exact for s in scores) / n,
        "duplicated": sum(s.duplicated for s in scores),
        "lost": sum(s.lost for s in scores),
        "flagged": sum(s.flagged for s in scores),
        "fffd_docs": sum(s.fffd_left > 0 for s in scores),
        "space_cjk": sum(s.space_cjk for s in scores),
    }

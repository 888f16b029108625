"""Evaluation metrics: how far a repaired text is from the truth.

Not a repair stage: tests and bench/ use these to measure the pipeline, and users
can measure their own outputs the same way.
"""

from __future__ import annotations

import re

_SPACE = re.compile(r"[^\S\n]+|\u3000|\ufeff|\u200b")


def paragraph_form(text: str) -> str:
    """One paragraph a line, all other white space removed, no empty lines.

    The comparison form of the paragraph-aware error rate: paragraph breaks count,
    indentation and spaces do not.
    """
    lines = (_SPACE.sub("", line) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def char_error_rate(hypothesis: str, truth: str) -> float:
    """Paragraph-aware character error rate: Levenshtein distance over the truth's length.

    Both texts are put in :func:`paragraph_form` first, so a merged or split
    paragraph costs one edit (the line break) and white space costs nothing.
    """
    from rapidfuzz.distance import Levenshtein

    hyp, ref = paragraph_form(hypothesis), paragraph_form(truth)
    if not ref:
        return 0.0 if not hyp else 1.0
    return Levenshtein.distance(hyp, ref) / len(ref)

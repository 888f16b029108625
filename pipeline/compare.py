"""Comparison form: what two copies of the same text have in common.

A broken PDF copy and the clean web text differ in white space, punctuation,
quotation marks, character width and sometimes script, but not in their letters,
digits and ideographs.  The comparison form keeps exactly those, width-folded,
case-folded and in simplified script, with a map back to the original offsets.
Detection and dedup both align texts in this form.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from .chars import is_letter_or_digit


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def comparison_form(text: str) -> tuple[str, tuple[int, ...]]:
    """Return (form, offsets): the content characters of ``text`` and where each came from.

    ``offsets[i]`` is the index in ``text`` of ``form[i]``.  Width and case are
    folded by NFKC on each kept character alone (never on punctuation, which is
    dropped anyway); script by OpenCC t2s when the text has any character t2s
    changes in place.
    """
    kept = []
    offsets = []
    for i, ch in enumerate(text):
        if ch == "\ufffd" or not is_letter_or_digit(ch):
            continue
        folded = unicodedata.normalize("NFKC", ch).casefold()
        if len(folded) != 1:
            folded = ch.casefold()[:1] or ch
        kept.append(folded)
        offsets.append(i)
    form = "".join(kept)
    if form and not form.isascii():
        simplified = _t2s().convert(form)
        # t2s maps some phrases to a different length; keep the unsimplified form
        # there rather than lose the offset map.
        if len(simplified) == len(form):
            form = simplified
    return form, tuple(offsets)


def simplified(text: str) -> str:
    """``text`` in simplified script (OpenCC t2s), for matching fixed forms in either script."""
    return _t2s().convert(text) if not text.isascii() else text


def form_only(text: str) -> str:
    """The comparison form without offsets."""
    return comparison_form(text)[0]

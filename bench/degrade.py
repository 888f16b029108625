"""Degradation generator: a clean article in, a broken document and its ground truth out.

It imitates what e-paper PDF extraction and archive handling do to Chinese news
(the user's sample is the model; see docs/QUALITY.md for the catalogue):

* layouts: where the broken copy stands relative to the clean web text (after it,
  before it, both, alone; a paragraph only the copy has; no copy at all);
* renderings: how the PDF text layer is cut into lines (every text run on its own
  line with blank lines between; one printed line a line; the same with a blank
  line after each), at column widths of 14-40 characters, with paragraph breaks
  marked by white-space-only lines, by indentation, by an indent the
  extraction dropped (the first line stops short by the indent's width: what
  pdfminer gives of a real People's Daily page) or by nothing but layout;
* damage: quotation marks lost to U+FFFD, ``――`` for ``——``, the title's first
  words lost, traditional script, a wrong codec, page headers and numbers.

The ground truth is the article in canonical form (one paragraph a line), which
is what a perfect repair returns.  Where the copy is the only source, what the
copy itself lost (a title's first words) cannot come back, so those damages are
only applied where a clean body exists.

Everything is driven by one ``random.Random``, so a seed gives the same set on
every machine.
"""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass, field

LAYOUTS = ("after", "before", "two-copies", "copy-only", "copy-novel", "clean-only")
RENDERINGS = ("runs", "lines", "spaced-lines")
MARKERS = ("space-lines", "indent-ideographic", "indent-spaces", "indent-lost", "none")
DAMAGES = (
    "none",
    "fffd-quotes",
    "dash-variant",
    "title-cut",
    "traditional",
    "utf8-as-latin1",
    "utf8-as-cp1252",
    "utf8-as-gbk",
    "gbk-as-latin1",
    "page-furniture",
)


@dataclass(frozen=True)
class Article:
    """A clean article: a title and its paragraphs (no indentation)."""

    title: str
    paragraphs: tuple[str, ...]
    id: str = ""


@dataclass(frozen=True)
class Profile:
    """One combination of layout, rendering, paragraph marker, damage and column width."""

    layout: str
    rendering: str
    marker: str
    damage: str
    width: int

    @property
    def name(self) -> str:
        return f"{self.layout}/{self.rendering}/{self.marker}/{self.damage}/w{self.width}"


@dataclass(frozen=True)
class Case:
    """A generated document with what a perfect repair returns."""

    document: str
    truth: str
    profile: Profile
    article_id: str
    notes: dict = field(default_factory=dict)


# Column widths drawn, in characters (the "about 14 to 40"; a page set
# across, as reports and journals are, holds 45 to 60).
COLUMN_WIDTHS = (14, 40)


def random_profile(rng: random.Random, widths: tuple[int, int] = COLUMN_WIDTHS) -> Profile:
    """Draw a profile uniformly over layouts, renderings, markers and damages, and a column in ``widths``."""
    return Profile(
        layout=rng.choice(LAYOUTS),
        rendering=rng.choice(RENDERINGS),
        marker=rng.choice(MARKERS),
        damage=rng.choice(DAMAGES),
        width=rng.randint(*widths),
    )


def cell_width(ch: str) -> int:
    """Printed width of a character in half-width cells."""
    return 2 if unicodedata.east_asian_width(ch) in "WFA" and not ch.isascii() else 1


def _is_latin(ch: str) -> bool:
    return ch.isascii() and not ch.isspace()


# Characters a line must not start with, nor a line end with (Chinese kinsoku):
# typesetters move them across the break.
_NO_LINE_START = set("，。、；：？！）》」』”’…%")
_NO_LINE_END = set("（《「『“‘")


def typeset(paragraph: str, width: int, indent: bool) -> list[str]:
    """Break a paragraph into printed lines of at most ``width`` full-width characters.

    Latin and digits take half a cell; a number or Latin word is not split unless
    it is longer than a line; line-start and line-end prohibitions are applied.
    """
    cells = width * 2
    tokens = re.findall(r"[A-Za-z0-9.%+\-/:]+|.", paragraph)
    lines: list[str] = []
    line = "\u3000\u3000" if indent else ""
    used = 4 if indent else 0
    hanging = False
    for tok in tokens:
        w = sum(cell_width(c) for c in tok)
        if hanging and tok[0] in _NO_LINE_START:
            # More closing punctuation after a hung mark hangs with it ("。”").
            lines[-1] += tok
            continue
        hanging = False
        if used + w > cells and line.strip():
            if tok[0] in _NO_LINE_START:
                # Hang the punctuation at the end of the line.
                line += tok
                lines.append(line)
                line, used = "", 0
                hanging = True
                continue
            carry = ""
            while line and line[-1] in _NO_LINE_END:
                carry = line[-1] + carry
                line = line[:-1]
            lines.append(line)
            line, used = carry, sum(cell_width(c) for c in carry)
        line += tok
        used += w
    if line.strip():
        lines.append(line)
    return lines


def split_runs(line: str, lost_quotes: bool) -> list[str]:
    """Cut a printed line into text runs at font changes (CJK/Latin, lost-quote glyphs)."""
    runs: list[str] = []
    cur = ""
    kind = None
    for ch in line:
        k = "latin" if _is_latin(ch) else "fffd" if (lost_quotes and ch == "\ufffd") else "cjk"
        if ch == "\ufffd" and kind == "latin":
            # A lost quote glyph after digits stays in their run ("13715�").
            cur += ch
            continue
        if kind is not None and k != kind and cur:
            runs.append(cur)
            cur = ""
        cur += ch
        kind = k
    if cur:
        runs.append(cur)
    return runs


def _cells(text: str) -> int:
    return sum(map(cell_width, text))


def _first_piece(paragraph: str) -> str:
    """What a typesetter moves to the next line as one: a Latin word or number, or a character, with an opening mark before it."""
    tokens = re.findall(r"[A-Za-z0-9.%+\-/:]+|.", paragraph)
    return tokens[0] + tokens[1] if tokens[0] in _NO_LINE_END and len(tokens) > 1 else tokens[0]


def _title_runs_on(title: str, following: str, p: "Profile") -> bool:
    """Whether the title's end looks exactly like a wrap: the paragraph under it reads as its next line.

    The title is set to a narrower measure than the body (see
    :func:`render_copy`), which the copy never states: its widest line is
    all a reader sees of it.  A paragraph of one line under the title, no
    wider than the title's lines, whose first piece would not have fitted
    after the title's last line within that width, is what the title wrapped
    onto a next line would look like, unless marks tell them apart: a
    headline never ends with a full stop, and a column tag in brackets or a
    dash closes one ("…（人民时评）", "…王辅成——"), as a dash opens a
    subtitle ("——访…").
    """
    under = typeset(following, p.width, p.marker == "indent-lost")
    if len(under) != 1 or following.endswith("。") or title.endswith(("）", ")", "——")) or following.startswith("——"):
        return False
    lines = typeset(title, max(8, p.width // 2), False)
    # (As the copy shows it: an indent the extraction dropped takes no room.)
    seen = _cells(under[0].removeprefix("\u3000\u3000"))
    measure = max(seen, *map(_cells, lines))
    return _cells(lines[-1]) + _cells(_first_piece(following)) > measure


def unseen_breaks(case: "Case") -> tuple[int, int]:
    """(paragraphs, paragraphs touching an unseen break) of a copy-only case marked by layout alone.

    With no paragraph marker, a break shows only as a printed line that stops
    short; where the paragraph's last line left no room for the next
    paragraph's first piece, the break looks exactly like a wrap and no reader
    of the text can see it.  Where the indent was set but dropped by the
    extraction ("indent-lost"), the next paragraph's first line also shows the
    break by stopping short, unless that line is the paragraph's only one.
    The title, set to a measure of its own, ends unseen where the paragraph
    under it reads as its next line (:func:`_title_runs_on`).  Both
    paragraphs beside an unseen break are then out of reach, so this is the
    ceiling of exact paragraphs for such copies.  (0, 0) for
    any other case.  Measured on the truth's canonical text: where the copy
    held spaces the canonical form drops (电\u00a0\u00a0（记者）, its lines
    are a cell or two wider, so the ceiling is close, not exact.
    """
    p = case.profile
    if p.layout != "copy-only" or p.marker not in ("none", "indent-lost"):
        return 0, 0
    paras = [x for x in case.truth.split("\n") if x]
    hidden: set[int] = set()
    if len(paras) > 2 and _title_runs_on(paras[0], paras[1], p):
        hidden.update({0, 1})
    for i in range(1, len(paras) - 1):  # the title's end: above
        last = typeset(paras[i], p.width, p.marker == "indent-lost")[-1]
        if p.marker == "indent-lost" and len(typeset(paras[i + 1], p.width, True)) > 1:
            continue
        if _cells(last) + _cells(_first_piece(paras[i + 1])) > 2 * p.width:
            hidden.update({i, i + 1})
    return len(paras), len(hidden)


def render_copy(paragraphs: list[str], profile: Profile, rng: random.Random, lost_quotes: bool) -> str:
    """Render paragraphs (title first) as a PDF text layer would be extracted."""
    out: list[str] = []
    furniture = profile.damage == "page-furniture"
    page_lines = rng.randint(18, 30)
    page = rng.randint(1, 20)
    printed = 0
    # A running header is the same on every page but for the page number.
    header = rng.choice(["人民日报 2019年10月{d}日 星期{w}", "第{p}版 要闻", "本版责编：张三 李四", "人民日报 要闻 第{p}版"])
    day, weekday = rng.randint(1, 31), "一二三四五六日"[rng.randrange(7)]

    def emit(piece: str) -> None:
        out.append(piece)
        if profile.rendering != "lines":
            out.append("")

    def paragraph_break(first: bool) -> None:
        if first:
            return
        if profile.marker == "space-lines":
            out.append(" ")
            if profile.rendering != "lines":
                out.append("")
            out.append("  ")
            if profile.rendering != "lines":
                out.append("")

    for pi, para in enumerate(paragraphs):
        is_title = pi == 0
        width = max(8, profile.width // 2) if is_title else profile.width
        indent = not is_title and profile.marker in ("indent-ideographic", "indent-spaces", "indent-lost")
        lines = typeset(para, width, indent)
        if profile.marker == "indent-spaces":
            lines = ["  " + ln[2:] if ln.startswith("\u3000\u3000") else ln for ln in lines]
        elif profile.marker == "indent-lost":
            # Set with its indent, extracted without it: pdfminer writes no
            # characters for the space a line starts at.
            lines = [ln.removeprefix("\u3000\u3000") for ln in lines]
        paragraph_break(pi == 0)
        for line in lines:
            if furniture and printed and printed % page_lines == 0:
                page += 1
                emit(header.format(d=day, w=weekday, p=page))
                emit(str(page))
            printed += 1
            if profile.rendering == "runs":
                for run in split_runs(line, lost_quotes):
                    emit(run)
            else:
                emit(line)
    return "\n".join(out)


def _lose_quotes(text: str, rng: random.Random) -> str:
    """Turn most double quotation marks into U+FFFD, as an unmapped font glyph does."""
    return "".join("\ufffd" if ch in "“”" and rng.random() < 0.8 else ch for ch in text)


def _codec(text: str, damage: str) -> str:
    """Pass text through a wrong codec."""
    if damage == "utf8-as-latin1":
        return text.encode("utf-8").decode("latin-1")
    if damage == "utf8-as-cp1252":
        import ftfy.bad_codecs  # noqa: F401  (registers sloppy-windows-1252)

        return text.encode("utf-8").decode("sloppy-windows-1252")
    if damage == "utf8-as-gbk":
        return text.encode("utf-8").decode("gbk", errors="replace")
    if damage == "gbk-as-latin1":
        # GBK has no no-break space (the corpus's only character it lacks): a
        # GBK system stores a plain space there, not the "?" of errors=replace,
        # which would put a mark in the copy that the truth never had.
        return text.replace("\xa0", " ").encode("gbk", errors="replace").decode("latin-1")
    return text


def clean_body(article: Article, rng: random.Random, skip: int | None = None) -> str:
    """The web text: title, then paragraphs indented with two U+3000 (or blank-line separated)."""
    paras = [p for i, p in enumerate(article.paragraphs) if i != skip]
    style = rng.choice(["indent", "indent", "blank"])
    if style == "indent":
        return "\n".join([article.title] + ["\u3000\u3000" + p for p in paras])
    return "\n\n".join([article.title] + paras)


def canonical_truth(title: str, paragraphs: list[str]) -> str:
    """The canonical form of an article, as the repair should return it."""
    from pipeline.canonical import canonical_paragraph

    lines = [canonical_paragraph(p)[0] for p in [title, *paragraphs]]
    return "".join(line + "\n" for line in lines if line)


def make_case(article: Article, profile: Profile, rng: random.Random) -> Case:
    """Build one degraded document and its truth from ``article`` under ``profile``."""
    import opencc

    paragraphs = list(article.paragraphs)
    has_clean = profile.layout != "copy-only"
    # The copy covers the whole article or a prefix of it (the sample's covers a third).
    cover = len(paragraphs) if rng.random() < 0.5 else max(1, rng.randint(len(paragraphs) // 3, len(paragraphs)))
    copy_paras = [article.title] + paragraphs[:cover]
    damage = profile.damage
    notes: dict = {}
    if damage == "title-cut" and has_clean:
        cut = rng.randint(2, max(2, min(6, len(article.title) - 2)))
        copy_paras[0] = article.title[cut:]
    if damage == "dash-variant":
        copy_paras = [p.replace("——", "――") for p in copy_paras]
    lost = damage == "fffd-quotes"
    if lost:
        copy_paras = [_lose_quotes(p, rng) for p in copy_paras]
    if damage == "traditional":
        conv = opencc.OpenCC("s2t")
        copy_paras = [conv.convert(p) for p in copy_paras]
    copy = _codec(render_copy(copy_paras, profile, rng, lost), damage)

    truth_paras = list(paragraphs)
    truth_title = article.title
    skip = None
    if profile.layout == "copy-novel":
        # A paragraph only the copy has: drop it from the clean body.
        skip = rng.randrange(cover) if cover else None
        notes["novel_paragraph"] = skip
    if profile.layout == "copy-only":
        truth_paras = paragraphs[:cover]
        if damage == "traditional":
            conv = opencc.OpenCC("s2t")
            truth_title = conv.convert(truth_title)
            truth_paras = [conv.convert(p) for p in truth_paras]
    body = clean_body(article, rng, skip=skip) if has_clean else ""
    gap = rng.choice(["\n", "\n\n"])
    document = {
        "after": lambda: body + gap + copy,
        "before": lambda: copy + gap + body,
        "two-copies": lambda: copy + gap + body + gap + copy,
        "copy-only": lambda: copy,
        "copy-novel": lambda: body + gap + copy,
        "clean-only": lambda: body,
    }[profile.layout]()
    return Case(document + "\n", canonical_truth(truth_title, truth_paras), profile, article.id, notes)


def generate(articles: list[Article], n: int, seed: int = 0, widths: tuple[int, int] = COLUMN_WIDTHS) -> list[Case]:
    """``n`` cases, articles and profiles drawn with ``seed``; every layout and damage equally often.

    ``widths``: the range the copies' columns are drawn from, in characters
    (the same draws for any range: only the widths differ).
    """
    rng = random.Random(seed)
    cases = []
    combos = [(layout, damage) for layout in LAYOUTS for damage in DAMAGES]
    for i in range(n):
        layout, damage = combos[i % len(combos)]
        base = random_profile(rng, widths)
        profile = Profile(layout, base.rendering, base.marker, damage, base.width)
        article = articles[rng.randrange(len(articles))]
        cases.append(make_case(article, profile, rng))
    return cases


def load_jsonl(path: str) -> list[Article]:
    """Articles from a JSONL file of ``{"id", "title", "paragraphs"}`` objects."""
    import json

    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                obj = json.loads(line)
                paras = tuple(p.strip() for p in obj["paragraphs"] if p.strip())
                if obj.get("title", "").strip() and paras:
                    out.append(Article(obj["title"].strip(), paras, obj.get("id", "")))
    return out

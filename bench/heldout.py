"""Held-out degradation generator for newsrepair: a second, independent author's degradations.

Written (by a helper, on the issue's text and the sample alone) without looking
at the project's own generator (bench/degrade.py), its docs or its tests; only
pipeline/canonical.py is used, to define the truth.  It varies what a different
author would: two damages in one document, footers as well as headers, page
numbers in several dresses, form feeds, four clean-body styles, CRLF line ends,
trailing spaces, other line-breaking rules, copies that stop mid-paragraph.  The
pipeline was not tuned on it until it had been run once (see docs/QUALITY.md);
`bench/quality.py --generator heldout` runs it.

A case is a clean article (title + paragraphs) turned into a document that holds a
clean web body and/or one or two "e-paper PDF" copies of the article, rendered the
way text extractors print a laid-out page, and damaged the way real copies are.

    from heldout import generate
    cases = generate(articles, n=600, seed=0)

Everything random comes from one random.Random(seed), so the output is a pure
function of (articles, n, seed).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache
import random

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parent.parent))
from pipeline.canonical import canonical_paragraph  # noqa: E402

# --------------------------------------------------------------------------- spec

LAYOUTS = ("after", "before", "both", "copy_only", "extra_para", "clean_only")

SINGLE_DAMAGES = (
    "none",
    "fffd",          # “” lost to U+FFFD (glyph without a Unicode mapping)
    "dash",          # —— as ―― (GB2312 A1AA), · as ・
    "title_cut",     # the copy's title lost its first words
    "trad",          # the copy in traditional characters (opencc s2t)
    "utf8_latin1",   # UTF-8 bytes read as Latin-1
    "utf8_cp1252",   # UTF-8 bytes read as Windows-1252 (undefined bytes kept as C1)
    "utf8_gbk",      # UTF-8 bytes read as GBK, errors=replace (lossy)
    "gbk_latin1",    # GBK bytes read as Latin-1
    "furniture",     # running headers, footers, page numbers inside the copy
)
COMBOS = (
    "fffd+furniture",
    "dash+title_cut",
    "trad+fffd",
    "utf8_cp1252+furniture",
    "title_cut+furniture",
    "utf8_latin1+dash",
    "trad+furniture",
)
DAMAGES = SINGLE_DAMAGES + COMBOS

RENDERINGS = ("runs", "lines", "lines_blank")
MARKERS = ("ws", "indent", "none")
CLEAN_STYLES = ("ideo2", "blank", "noindent", "spaces4")
KINSOKU = ("overhang", "push", "none")
TITLE_MODES = ("narrow", "wide", "oneline")


def valid_damages(layout: str) -> tuple[str, ...]:
    if layout == "clean_only":
        # Nothing to damage but the body itself: plain, or the body in traditional
        # script (truth = canonical form of the input either way).
        return ("none", "trad")
    if layout == "copy_only":
        # The cut title cannot come back without a clean body.
        return tuple(d for d in DAMAGES if "title_cut" not in d)
    return DAMAGES


@dataclass(frozen=True)
class Profile:
    layout: str
    damage: str
    rendering: str
    marker: str
    width: int
    clean_style: str = "ideo2"
    kinsoku: str = "overhang"
    title_mode: str = "wide"
    coverage: str = "full"
    eol: str = "lf"
    extras: tuple = ()

    @property
    def damages(self) -> tuple[str, ...]:
        return tuple(self.damage.split("+"))

    @property
    def name(self) -> str:
        parts = [self.layout, self.damage, self.rendering, self.marker, f"w{self.width}",
                 self.clean_style, self.kinsoku, self.title_mode, self.coverage, self.eol]
        parts += list(self.extras)
        return "/".join(parts)


@dataclass
class Case:
    document: str
    truth: str
    profile: Profile
    article_id: str
    meta: dict = field(default_factory=dict)


# --------------------------------------------------------------------------- truth

def canon(p: str) -> str:
    return canonical_paragraph(p)[0]


def truth_of(paragraphs: list[str]) -> str:
    return "".join(c + "\n" for c in (canon(p) for p in paragraphs) if c)


@lru_cache(maxsize=1)
def _s2t():
    import opencc
    return opencc.OpenCC("s2t")


def s2t(text: str) -> str:
    return _s2t().convert(text)


# --------------------------------------------------------------------------- typesetting

# Latin/digit runs (a different font in a Chinese page): kept whole on a line.
LATIN = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9.,%+\-/:&']*[A-Za-z0-9%+])?")
# Characters that must not start a line (closing marks) / end a line (opening marks).
NO_START = set("，。、；：？！）》〉」』”’…—―%％·・")
NO_END = set("（《〈「『“‘")
TOKEN = re.compile(LATIN.pattern + r"|——|――|……|\s+|.", re.S)


def cells(tok: str) -> float:
    return sum(0.5 if ord(c) < 0x2000 else 1.0 for c in tok)


def wrap(text: str, width: int, kinsoku: str, indent_cells: float = 0.0) -> list[str]:
    """Break ``text`` into visual lines of ``width`` cells (CJK = 1, ASCII = 0.5)."""
    toks = TOKEN.findall(text)
    lines: list[list[str]] = []
    cur: list[str] = []
    w = indent_cells
    for tok in toks:
        tw = cells(tok)
        if tok.isspace():
            if cur:
                cur.append(tok)
                w += tw
            continue
        if w + tw <= width or not cur:
            cur.append(tok)
            w += tw
            continue
        closing = tok[0] in NO_START
        if closing and kinsoku == "overhang":
            cur.append(tok)  # hung punctuation past the margin
            lines.append(cur)
            cur, w = [], 0.0
            continue
        carry: list[str] = []
        if closing and kinsoku == "push" and len(cur) > 1:
            carry = [cur.pop()]  # carry the last character down with the mark
        if kinsoku != "none":
            while len(cur) > 1 and cur[-1] and cur[-1][-1] in NO_END:
                carry.insert(0, cur.pop())
        lines.append(cur)
        cur = carry + [tok]
        w = sum(cells(t) for t in cur)
    if cur:
        lines.append(cur)
    out = ["".join(l).strip(" ") for l in lines]
    return [l for l in out if l]


def runs_of(line: str, glue_fffd: bool) -> list[str]:
    """Split a visual line into text runs: a run ends where the font changes."""
    pieces: list[tuple[str, str]] = []  # (kind, text)
    pos = 0
    pat = re.compile(LATIN.pattern + r"|\ufffd+|――")
    for m in pat.finditer(line):
        if m.start() > pos:
            pieces.append(("cjk", line[pos:m.start()]))
        s = m.group()
        kind = "fffd" if s[0] == "\ufffd" else ("dash" if s[0] in "―—" else "latin")
        pieces.append((kind, s))
        pos = m.end()
    if pos < len(line):
        pieces.append(("cjk", line[pos:]))
    runs: list[str] = []
    prev = None
    for kind, s in pieces:
        if kind == "fffd" and prev == "latin" and glue_fffd and runs:
            runs[-1] += s
        elif kind == "cjk" and prev == "cjk" and runs:
            runs[-1] += s
        else:
            runs.append(s)
        prev = kind
    return [r for r in runs if r.strip()]


# --------------------------------------------------------------------------- damage

def lose_quotes(text: str, rng: random.Random, p: float) -> str:
    return "".join("\ufffd" if c in "“”" and rng.random() < p else c for c in text)


def gb2312_dash(text: str) -> str:
    return text.replace("——", "――").replace("·", "・")


def cut_title(title: str, rng: random.Random) -> str:
    words = [w for w in re.split(r"[ \u3000]+", title) if w]
    if len(words) >= 2:
        k = rng.randint(1, len(words) - 1)
        return " ".join(words[k:])
    n = len(title)
    if n <= 4:
        return title[max(1, n // 2):]
    k = rng.randint(2, min(6, n - 3))
    return title[k:]


def sloppy_decode(b: bytes, codec: str) -> str:
    """Decode with a single-byte codec, undefined bytes taken as Latin-1 (Windows' way)."""
    out = []
    for byte in b:
        try:
            out.append(bytes([byte]).decode(codec))
        except UnicodeDecodeError:
            out.append(chr(byte))
    return "".join(out)


def wrong_codec(text: str, kind: str) -> str:
    if kind == "utf8_latin1":
        return text.encode("utf-8").decode("latin-1")
    if kind == "utf8_cp1252":
        return sloppy_decode(text.encode("utf-8"), "cp1252")
    if kind == "utf8_gbk":
        return text.encode("utf-8").decode("gbk", errors="replace")
    if kind == "gbk_latin1":
        # GBK has no U+00A0: a GBK page would have carried a plain space there.
        return text.replace("\xa0", " ").encode("gbk", errors="strict").decode("latin-1")
    raise ValueError(kind)


CODECS = ("utf8_latin1", "utf8_cp1252", "utf8_gbk", "gbk_latin1")


def gbk_safe(paragraphs: list[str]) -> bool:
    try:
        for p in paragraphs:
            p.replace("\xa0", " ").encode("gbk")
        return True
    except UnicodeEncodeError:
        return False


# --------------------------------------------------------------------------- page furniture

WEEKDAYS = "一二三四五六日"
EDITORS = ("王  伟", "李晓明", "张  楠  刘  洋", "陈丽华", "赵  政  孙  萌")
SECTIONS = ("要闻", "国内", "评论", "经济", "国际", "文化", "社会")


@dataclass
class Furniture:
    header: str | None      # format with {n}, {d}, {w}, {sec}
    footer: str | None
    page_len: int           # visual lines per page
    first_break: int
    start_page: int
    formfeed: bool
    day: int
    section: str

    def header_lines(self, page: int) -> list[str]:
        if not self.header:
            return []
        return [s.format(n=page, d=self.day, w=WEEKDAYS[self.day % 7], sec=self.section)
                for s in self.header.split("\n")]

    def footer_lines(self, page: int) -> list[str]:
        if not self.footer:
            return []
        return [s.format(n=page, ed=EDITORS[self.day % len(EDITORS)]) for s in self.footer.split("\n")]


def make_furniture(rng: random.Random) -> Furniture:
    headers = (
        "人民日报",
        "人民日报　2019年10月{d}日　星期{w}",
        "{n}　{sec}",
        "2019年10月{d}日　星期{w}　　第{n}版　{sec}",
        "{sec}\n人民日报",
    )
    footers = ("- {n} -", "第{n}版", "{n}", "第 {n} 页", "— {n} —", "本版责编：{ed}\n{n}")
    kind = rng.choice(("header", "footer", "both", "both"))
    header = rng.choice(headers) if kind in ("header", "both") else None
    footer = rng.choice(footers) if kind in ("footer", "both") else None
    if header and footer and "{n}" in header and "{n}" in footer:
        footer = rng.choice(("本版责编：{ed}", "- {n} -"))
    page_len = rng.randint(18, 42)
    return Furniture(header, footer, page_len, rng.randint(4, page_len), rng.randint(1, 20),
                     rng.random() < 0.5, rng.randint(1, 31), rng.choice(SECTIONS))


# --------------------------------------------------------------------------- rendering of a copy

@dataclass
class CopyStyle:
    rendering: str
    marker: str
    width: int
    kinsoku: str
    title_mode: str
    title_width: int
    ws_lines: tuple[str, ...]      # marker lines for "ws"
    indent: str                    # indentation for "indent"
    indent_own_run: bool           # runs: the indentation printed as its own run
    glue_fffd: bool
    title_lead_space: bool
    furniture: Furniture | None


def render_copy(title: str | None, paras: list[str], style: CopyStyle, rng: random.Random,
                cut_last: bool, furniture_script=None) -> str:
    """Render a title and paragraphs the way a PDF text extractor prints them."""
    # 1. Visual lines, each tagged: ('text', s, first_of_para) or ('break',)
    vis: list[tuple] = []
    blocks: list[tuple[str, list[str]]] = []
    if title:
        if style.title_mode == "oneline":
            tl = [title]
        else:
            tw = style.title_width if style.title_mode == "narrow" else style.width
            tl = wrap(title, tw, style.kinsoku)
        blocks.append(("title", tl))
    for i, p in enumerate(paras):
        ind = style.indent if style.marker == "indent" else ""
        lines = wrap(p, style.width, style.kinsoku, indent_cells=cells(ind) if ind else 0.0)
        if cut_last and i == len(paras) - 1 and len(lines) > 1:
            lines = lines[: rng.randint(1, len(lines) - 1)]
        blocks.append(("para", lines))
    for bi, (kind, lines) in enumerate(blocks):
        if bi > 0:
            vis.append(("break",))
        for li, s in enumerate(lines):
            vis.append(("text", s, li == 0, kind))

    # 2. Page furniture between visual lines.
    fur = style.furniture
    items: list[tuple] = []
    if fur:
        page = fur.start_page
        count = 0
        limit = fur.first_break
        items += [("fur", h) for h in fur.header_lines(page)]
        for v in vis:
            if v[0] == "text":
                if count >= limit:
                    items += [("fur", f) for f in fur.footer_lines(page)]
                    if fur.formfeed:
                        items.append(("ff",))
                    page += 1
                    items += [("fur", h) for h in fur.header_lines(page)]
                    count, limit = 0, fur.page_len
                count += 1
            items.append(v)
        items += [("fur", f) for f in fur.footer_lines(page)]
    else:
        items = vis

    # 3. Print.
    out: list[str] = []
    pending_ff = False

    def emit(s: str) -> None:
        nonlocal pending_ff
        if pending_ff:
            s = "\f" + s
            pending_ff = False
        out.append(s)
        if style.rendering in ("runs", "lines_blank"):
            out.append("")

    for it in items:
        if it[0] == "ff":
            pending_ff = True
            continue
        if it[0] == "break":
            if style.marker == "ws":
                for m in style.ws_lines:
                    if style.rendering == "runs" and m == "":
                        continue
                    emit(m)
            continue
        if it[0] == "fur":
            s = furniture_script(it[1]) if furniture_script else it[1]
            if style.rendering == "runs":
                for r in runs_of(s, style.glue_fffd):
                    emit(r)
            else:
                emit(s)
            continue
        _, s, first, kind = it
        lead = ""
        if kind == "para" and first and style.marker == "indent":
            lead = style.indent
        if kind == "title" and style.title_lead_space and first:
            lead = " "
        if style.rendering == "runs":
            rs = runs_of(s, style.glue_fffd)
            if lead and style.indent_own_run and kind == "para":
                emit(lead)
            elif lead and rs:
                rs[0] = lead + rs[0]
            for r in rs:
                emit(r)
        else:
            emit(lead + s)
    if pending_ff:
        out.append("\f")
    return "\n".join(out).rstrip("\n") + "\n"


# --------------------------------------------------------------------------- clean body

def render_clean(title: str, paras: list[str], style: str, rng: random.Random, trailing: bool) -> str:
    ind = {"ideo2": "\u3000\u3000", "spaces4": "    "}.get(style, "")
    lines = [title] + [ind + p for p in paras]
    if trailing:
        lines = [l + rng.choice((" ", "  ", "\u3000", "\t")) if rng.random() < 0.3 else l for l in lines]
    sep = "\n\n" if style == "blank" else "\n"
    return sep.join(lines) + "\n"


# --------------------------------------------------------------------------- one case

def build_case(art: dict, layout: str, damage: str, rng: random.Random) -> Case:
    title = art["title"].strip()
    paras = [p.strip() for p in art["paragraphs"] if p.strip()]
    damages = damage.split("+")
    truth_full = truth_of([title, *paras])

    rendering = rng.choice(RENDERINGS)
    marker = rng.choice(MARKERS)
    width = rng.randint(14, 40)
    clean_style = rng.choice(CLEAN_STYLES)
    kinsoku = rng.choice(KINSOKU)
    title_mode = rng.choice(TITLE_MODES)
    eol = rng.choices(("lf", "crlf", "trailsp"), weights=(6, 2, 2))[0]
    ws_choices = {
        "runs": ((" ", "  "), (" ",), ("  ",), ("\u3000",)),
        "lines": (("",), (" ",), ("\u3000",), (" ", "  ")),
        "lines_blank": ((" ",), (" ", "  "), ("\u3000",), ("",)),
    }[rendering]
    extras: list[str] = []

    def new_style() -> CopyStyle:
        fur = make_furniture(rng) if "furniture" in damages else None
        w = width if rng.random() < 0.7 else rng.randint(14, 40)
        return CopyStyle(
            rendering=rendering, marker=marker, width=w, kinsoku=kinsoku,
            title_mode=title_mode, title_width=rng.randint(8, max(9, min(16, w - 2))),
            ws_lines=rng.choice(ws_choices),
            indent=rng.choice(("\u3000\u3000", "  ", "    ")),
            indent_own_run=rng.random() < 0.5,
            glue_fffd=rng.random() < 0.7,
            title_lead_space=rng.random() < 0.4,
            furniture=fur,
        )

    # ----- clean only
    if layout == "clean_only":
        t, ps = title, paras
        if "trad" in damages:
            t, ps = s2t(t), [s2t(p) for p in ps]
        doc = render_clean(t, ps, clean_style, rng, trailing=(eol == "trailsp"))
        if eol == "crlf":
            doc = doc.replace("\n", "\r\n")
        truth = "".join(c + "\n" for c in (canon(l) for l in doc.split("\n")) if c)
        prof = Profile(layout, damage, "-", "-", 0, clean_style, "-", "-", "-", eol)
        return Case(doc, truth, prof, art["id"])

    # ----- the article as the copy carries it
    qp = rng.uniform(0.6, 1.0)

    def copy_text(ctitle: str | None, cparas: list[str]) -> tuple[str | None, list[str]]:
        t, ps = ctitle, list(cparas)
        if "trad" in damages:
            t = s2t(t) if t else t
            ps = [s2t(p) for p in ps]
        if "dash" in damages:
            t = gb2312_dash(t) if t else t
            ps = [gb2312_dash(p) for p in ps]
        if "fffd" in damages:
            t = lose_quotes(t, rng, qp) if t else t
            ps = [lose_quotes(p, rng, qp) for p in ps]
        return t, ps

    copy_title = cut_title(title, rng) if "title_cut" in damages else title
    codec = next((d for d in damages if d in CODECS), None)
    if codec == "gbk_latin1" and not gbk_safe([title, *paras]):
        codec = "utf8_latin1"  # article not encodable in GBK: fall back (noted in extras)
        extras.append("gbk->utf8")

    has_clean = layout != "copy_only"
    n = len(paras)

    def choose_coverage(must_include: int | None = None) -> tuple[int, bool, str]:
        """How many paragraphs the copy carries; whether it ends mid-paragraph."""
        if not has_clean or rng.random() < 0.5:
            k = n
        else:
            lo = max(1, int(n * 0.3))
            k = rng.randint(lo, n)
        if must_include is not None:
            k = max(k, must_include + 1)
        cut = has_clean and k < n and rng.random() < 0.3
        if must_include is not None and k == must_include + 1:
            cut = False
        return k, cut, ("full" if k == n and not cut else f"part{k}of{n}" + ("cut" if cut else ""))

    def make_copy(cparas: list[str], k: int, cut: bool) -> str:
        t, ps = copy_text(copy_title, cparas[:k])
        # A traditional-script e-paper prints its running heads in traditional too.
        text = render_copy(t, ps, new_style(), rng, cut_last=cut,
                           furniture_script=s2t if "trad" in damages else None)
        if codec:
            text = wrong_codec(text, codec)
        return text

    body_paras = paras
    extra_idx = None
    if layout == "extra_para":
        extra_idx = rng.randrange(n) if n > 1 else 0
        body_paras = paras[:extra_idx] + paras[extra_idx + 1:]
        extras.append(f"extra{extra_idx}")

    seps = ("", "\n", "\n\n")
    sections: list[str] = []
    coverage = "full"
    if layout in ("after", "before", "extra_para"):
        k, cut, coverage = choose_coverage(extra_idx)
        copy = make_copy(paras, k, cut)
        clean = render_clean(title, body_paras, clean_style, rng, trailing=(eol == "trailsp"))
        where = layout if layout != "extra_para" else rng.choice(("after", "before"))
        if layout == "extra_para":
            extras.append(where)
        sections = [clean, copy] if where == "after" else [copy, clean]
    elif layout == "both":
        k1, c1, cov1 = choose_coverage()
        k2, c2, cov2 = choose_coverage()
        coverage = cov1 + "+" + cov2
        sections = [make_copy(paras, k1, c1),
                    render_clean(title, body_paras, clean_style, rng, trailing=(eol == "trailsp")),
                    make_copy(paras, k2, c2)]
    elif layout == "copy_only":
        k, cut, coverage = choose_coverage()
        sections = [make_copy(paras, k, cut)]
    else:
        raise ValueError(layout)

    doc = ""
    for s in sections:
        if doc:
            doc += rng.choice(seps)
        doc += s
    if eol == "crlf":
        doc = doc.replace("\n", "\r\n")

    if layout == "copy_only" and "trad" in damages:
        truth = truth_of([s2t(title), *[s2t(p) for p in paras]])
    else:
        truth = truth_full
    prof = Profile(layout, damage, rendering, marker, width, clean_style if has_clean else "-",
                   kinsoku, title_mode, coverage, eol, tuple(extras))
    return Case(doc, truth, prof, art["id"])


# --------------------------------------------------------------------------- generate

def generate(articles: list[dict], n: int, seed: int) -> list[Case]:
    rng = random.Random(seed)
    usable = [a for a in articles
              if a.get("title", "").strip() and len([p for p in a["paragraphs"] if p.strip()]) >= 2]
    order = list(range(len(usable)))
    rng.shuffle(order)
    # Each layout gets n/len(LAYOUTS) cases; within a layout the damages cycle
    # (shuffled once per layout) so every layout meets every damage evenly.
    plan: list[tuple[str, str]] = []
    per_layout = {l: list(valid_damages(l)) for l in LAYOUTS}
    for l in LAYOUTS:
        rng.shuffle(per_layout[l])
    counters = {l: 0 for l in LAYOUTS}
    for i in range(n):
        l = LAYOUTS[i % len(LAYOUTS)]
        ds = per_layout[l]
        plan.append((l, ds[counters[l] % len(ds)]))
        counters[l] += 1
    rng.shuffle(plan)
    cases = []
    for i, (layout, damage) in enumerate(plan):
        art = usable[order[i % len(order)]]
        cases.append(build_case(art, layout, damage, rng))
    return cases

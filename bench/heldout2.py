"""Second held-out generator of degraded Chinese news documents (independent author).

Who wrote this and from what
----------------------------
An independent helper wrote this module for the project, on purpose without
reading the project's own generators (bench/degrade.py, bench/heldout.py), its
tests, its docs, or any pipeline module except ``pipeline/canonical.py``, of which
only :func:`canonical_paragraph` is used (to put the truth in canonical form).
The degradations come from three sources only: the issue text (the list of
layouts, renderings and damages the library must cover), the user's real sample
(``seeds/000_f34ac04e32c0b974.txt``: a clean article followed by its broken PDF
copy, read byte by byte) and what pdfminer.six really extracts from a People's
Daily e-paper PDF (``pdfs/kings-en__rmrb_20251020.pdf``).  Whether the library
generalises is measured by documents it was not tuned on; nothing here was tuned
to the library's output.

Interface
---------
``generate(articles, n, seed) -> list[Case]``; articles are dicts
``{"id", "title", "paragraphs"}``.  Everything random comes from one
``random.Random(seed)``: the output is a pure function of (articles, n, seed).

The truth
---------
Title, then (if the case has one) the byline, then the paragraphs, each through
``canonical_paragraph(p)[0]``, one a line, each ending in "\\n", empty ones
dropped.  Choices made:

* Bylines (``本报记者  张  烁``) are article content: when a case gets one it is
  printed under the title in the copy *and* in the clean body, and it is in the
  truth as its own paragraph right after the title (meta["byline"]).  The name is
  taken from the article's own ``（记者某某）`` when there is one, else invented.
* Source lines (``《人民日报》（2019年10月01日 第 01 版）``), editor lines
  (``本版责编：…``), running headers, footers, page numbers and form feeds are page
  furniture: only in the copy, never in the truth.
* A copy in traditional script gives a traditional truth only when the document
  has no clean (simplified) body (layout copy_only); otherwise the truth is the
  simplified article.
* clean_only: the truth is the canonical form of the clean body's lines.
* Damage that a reader could not undo is only used where the clean body holds the
  text (title_cut and truncated need a clean body); the one lossy damage is
  utf8_gbk (UTF-8 bytes read as GBK, errors="replace"), as the brief allows.

Profile axes (field values)
---------------------------
layout     after | before | both | copy_only | extra_para | clean_only
damage     "none" or one or two of (joined by "+"):
           fffd          “” lost to U+FFFD (modes: all / random subset /
                         the ones touching a digit or Latin run, like the sample)
           gb2312_punct  —— printed as ―― (U+2015) and · as ・ (GB2312 decode)
           title_cut     the copy's title lost its first words (needs a clean body)
           s2t           the copy in traditional script (opencc s2t)
           utf8_latin1   copy's UTF-8 bytes read as Latin-1
           utf8_cp1252   ... as cp1252 (undefined bytes kept as C1 controls)
           utf8_gbk      ... as GBK, errors="replace" (lossy)
           gbk_latin1    copy's GBK bytes read as Latin-1
           furniture     page headers / footers / page numbers / form feeds, source
                         and editor lines (several house styles, see _furniture)
           truncated     the copy stops mid-article (at a paragraph end or
                         mid-sentence; needs a clean body)
rendering  runs         every text run on its own line, blank line after each;
                        runs break at line wraps and where the font changes
                        (digits/Latin vs CJK; a lost-quote glyph is its own run
                        or sticks to a neighbouring Latin run, as in the sample)
           lines        one visual line a line
           lines_blank  one visual line a line, blank line after each (pdfminer)
           web          clean_only documents
marker     spaces  paragraph break = line(s) holding only white space
                   (" ", " " + "  " like the sample, "   ", or U+3000)
           indent  first line indented (U+3000 U+3000, one U+3000, 2 or 4 spaces,
                   two no-break spaces)
           layout  nothing but the short last line (not with runs).  In copy_only
                   cases the title is then set at the body width and the column
                   width is chosen so that every paragraph end (title and byline
                   included) is at least three cells short and every other line
                   at most two cells short; if no width allows that the marker
                   falls back to indent (meta copy.marker_fallback)
           blank   an empty line between paragraphs (lines rendering only, ~15 %
                   of lines documents, outside the balancing)
           none    clean_only
           Markers sit before the paragraph they open, before any page furniture
           a page break puts there, so a marker never hides behind a form feed.

Other variations (recorded in meta, not in the profile name)
------------------------------------------------------------
* typesetting: CJK one cell, ASCII half a cell; column width 14-40 cells; numbers
  and Latin words never split unless longer than a line; closing punctuation
  hangs past the right margin (never starts a line); opening marks are pushed
  down (never end a line); ——/…… never split; a wrap at a space keeps the space
  at the line end (so Latin words stay separable);
* headline block over the copy, set narrower than the body (50-85 % of the body
  width), split into two or three decks at the title's own breaks (a space between
  Han characters, ：, ——, ，) or just wrapped; sometimes each headline line starts
  with a space (as in the sample);
* byline, source and editor lines are text boxes of their own, never wrapped;
  in the runs rendering the source line splits into runs like body text
  (``《人民日报》（`` / ``2019`` / ``年`` ...), running headers and footers do not;
* a different column width on later pages of the same copy (only where page
  furniture shows the page break);
* page breaks that fall anywhere (mid-sentence, mid-word), with the form feed
  glued to the next page's first line as pdfminer writes it;
* spaces put between digit/Latin runs and Han neighbours (pdftotext style);
* trailing spaces / tabs after lines that end in a CJK character;
* two copies (layout both) may differ in column width and truncation;
* the wrong codec applied to the copy only, or (for lossless codecs, 30 %) to the
  whole document, clean body included;
* clean body web styles: indents (U+3000 U+3000, spaces, no-break spaces, tab,
  none), blank or white-space lines between paragraphs or none, trailing white
  space, an indented or centred title;
* sections separated by 0-3 extra empty lines or a white-space line;
* CRLF or CR line ends in the whole document, a UTF-8 BOM (U+FEFF) at the start,
  no final newline.
"""

from __future__ import annotations

import codecs
import datetime as _dt
import os
import re
import random
import sys
import unicodedata
from dataclasses import dataclass, field, fields

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

from pipeline.canonical import canonical_paragraph  # noqa: E402

import opencc  # noqa: E402

__all__ = ["Profile", "Case", "generate", "LAYOUTS", "DAMAGES", "RENDERINGS", "MARKERS"]

# --------------------------------------------------------------------------- types


@dataclass(frozen=True)
class Profile:
    layout: str
    damage: str
    rendering: str
    marker: str

    @property
    def name(self) -> str:
        return "/".join(str(getattr(self, f.name)) for f in fields(self))


@dataclass
class Case:
    document: str
    truth: str
    profile: Profile
    article_id: str
    meta: dict = field(default_factory=dict)


LAYOUTS = ("after", "before", "both", "copy_only", "extra_para", "clean_only")
CODECS = ("utf8_latin1", "utf8_cp1252", "utf8_gbk", "gbk_latin1")
DAMAGES = ("fffd", "gb2312_punct", "title_cut", "s2t", *CODECS, "furniture", "truncated")
RENDERINGS = ("runs", "lines", "lines_blank")
MARKERS = ("spaces", "indent", "layout", "blank")
_MARKERS_FOR = {
    "runs": ("spaces", "indent"),
    "lines_blank": ("spaces", "indent", "layout"),
    "lines": ("spaces", "indent", "layout", "blank"),
}
_NEEDS_CLEAN_BODY = {"title_cut", "truncated"}
_LOSSLESS_CODECS = ("utf8_latin1", "utf8_cp1252", "gbk_latin1")

FFFD = "\ufffd"

_S2T = opencc.OpenCC("s2t")
_T2S = opencc.OpenCC("t2s")


def _c1_passthrough(err: UnicodeDecodeError):
    """Decode bytes cp1252 leaves undefined (81 8D 8F 90 9D) as the C1 control of the
    same value, as Windows' own decoder and most "sloppy" readers do."""
    return "".join(chr(b) for b in err.object[err.start:err.end]), err.end


codecs.register_error("heldout2_c1", _c1_passthrough)


def _canon(text: str) -> str:
    return canonical_paragraph(text)[0]


# ------------------------------------------------------------------- typesetting

_OPEN = set("“‘（《「『【〈〔")
_CLOSE = set("，。、；：？！）》」』】〉〕”’·～%")
_ASCII_CLOSE = set(",.;:!?)]}%")
_PAIRS = set("—―…")
_SPACE = set(" \t\xa0\u3000")


def _cw(ch: str) -> int:
    """Width of one character in half cells (a CJK character is one cell = 2)."""
    if ch in " \t\xa0":
        return 1
    if ch == "\u3000":
        return 2
    if ord(ch) < 0x7F:
        return 1
    return 2 if unicodedata.east_asian_width(ch) in "WFA" else 1


@dataclass
class _Atom:
    s: str
    w: int
    kind: str  # cjk | ascii | space | open | close | pair


def _atoms(text: str) -> list[_Atom]:
    out: list[_Atom] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in _SPACE:
            out.append(_Atom(ch, _cw(ch), "space"))
            i += 1
        elif "!" <= ch <= "~":
            j = i
            while j < n and "!" <= text[j] <= "~":
                j += 1
            tok = text[i:j]
            out.append(_Atom(tok, len(tok), "close" if tok[0] in _ASCII_CLOSE else "ascii"))
            i = j
        elif ch in _PAIRS and i + 1 < n and text[i + 1] == ch:
            out.append(_Atom(ch * 2, 2 * _cw(ch), "pair"))
            i += 2
        elif ch in _CLOSE:
            out.append(_Atom(ch, _cw(ch), "close"))
            i += 1
        elif ch in _OPEN:
            out.append(_Atom(ch, _cw(ch), "open"))
            i += 1
        else:
            out.append(_Atom(ch, _cw(ch), "cjk"))
            i += 1
    return out


@dataclass
class _Line:
    text: str
    avail: int  # half cells available to the content on this line
    used: int  # half cells the content takes (may exceed avail: hanging punctuation)


def _wrap(text: str, width_of, start: int, prefix: str = "") -> list[_Line]:
    """Greedy line breaking.  ``width_of(i)`` gives the column width (half cells) of
    global line i; ``prefix`` (an indent) goes before the first line and uses room.

    Rules: a closing mark that does not fit hangs past the margin; opening marks at
    a line end go down to the next line; numbers / Latin words go whole to the next
    line unless longer than a line; a break at white space keeps the white space at
    the end of the line.
    """
    atoms = _atoms(text)
    lines: list[_Line] = []
    li = start
    pre = prefix
    avail = width_of(li) - sum(_cw(c) for c in prefix)
    cur: list[_Atom] = []
    curw = 0

    def push(content: list[_Atom], width: int) -> None:
        nonlocal li, pre, avail
        if not content:
            return
        lines.append(_Line(pre + "".join(a.s for a in content), avail, width))
        li += 1
        pre = ""
        avail = width_of(li)

    k = 0
    while k < len(atoms):
        a = atoms[k]
        if curw + a.w <= avail:
            cur.append(a)
            curw += a.w
            k += 1
            continue
        if a.kind == "space":
            while k < len(atoms) and atoms[k].kind == "space":
                cur.append(atoms[k])
                k += 1
            push(cur, curw)
            cur, curw = [], 0
            continue
        if a.kind == "close" and cur:
            cur.append(a)
            curw += a.w
            k += 1
            continue
        full = avail if not cur else width_of(li + 1)
        if a.kind in ("ascii", "close") and a.w > full:
            room = avail - curw
            if room >= 2 or (not cur and room >= 1):
                cur.append(_Atom(a.s[:room], room, a.kind))
                curw += room
                atoms[k] = _Atom(a.s[room:], a.w - room, "ascii")
            push(cur, curw)
            cur, curw = [], 0
            continue
        if not cur:
            cur.append(a)
            curw += a.w
            k += 1
            continue
        moved: list[_Atom] = []
        while len(cur) > 1 and cur[-1].kind == "open":
            moved.insert(0, cur.pop())
        push(cur, sum(x.w for x in cur))
        cur = moved
        curw = sum(x.w for x in cur)
    push(cur, curw)
    return lines


def _runs(line: str) -> list[str]:
    """Split a printed line into text runs the way pdfminer reports font changes:
    digits/Latin, CJK text and a lost-quote glyph are different fonts; a lost
    quote next to a Latin run sticks to it (``13715�``, ``1+21+N�`` in the sample);
    white space stays with the run before it (or the next one at line start)."""
    segs: list[list] = []  # [cls, text]
    lead = ""
    for ch in line:
        if ch in _SPACE:
            if segs:
                segs[-1][1] += ch
            else:
                lead += ch
            continue
        cls = "A" if "!" <= ch <= "~" else ("F" if ch == FFFD else "C")
        if segs and segs[-1][0] == cls:
            segs[-1][1] += ch
        else:
            segs.append([cls, ch])
    # lost-quote glyphs stick to an adjacent Latin run
    merged: list[list] = []
    i = 0
    while i < len(segs):
        cls, s = segs[i]
        if cls == "F":
            if merged and merged[-1][0] == "A":
                merged[-1][1] += s
                i += 1
                continue
            if i + 1 < len(segs) and segs[i + 1][0] == "A":
                segs[i + 1][1] = s + segs[i + 1][1]
                i += 1
                continue
        if merged and merged[-1][0] == cls:
            merged[-1][1] += s
        else:
            merged.append([cls, s])
        i += 1
    out = [s for _, s in merged]
    if lead:
        if out:
            out[0] = lead + out[0]
        else:
            out = [lead]
    return out


# ------------------------------------------------------------------ small helpers

_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建文辉力鹏晓宇浩凯健俊帆帅旭鑫欣怡佳悦思雨晨阳博志鸿海峰波琳雪梅兰婷倩颖璐曦琦瑶凡荣昊瀚"
_SECTIONS = ("要闻", "要闻", "国内", "国际", "经济", "评论", "文化", "社会", "体育", "理论", "政治", "综合", "视点", "副刊")
_WEEKDAYS = "一二三四五六日"
_DATELINE_REPORTER = re.compile(r"[（(]记者([\u4e00-\u9fff、]{2,24})[）)]")
_HAN_CLASS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TITLE_BREAKS = re.compile(r"(——|—|：|:|，| +|\u3000+)")


def _is_han(ch: str) -> bool:
    return bool(ch) and re.match(f"[{_HAN_CLASS}]", ch) is not None


# Characters after which a trailing space is harmless: the canonical form drops a
# space next to any of them (checked against canonical_paragraph).
_SAFE_END = set("，。、；：？！）》」』”’…—·（《「『“‘")


def _safe_line_end(ch: str) -> bool:
    return _is_han(ch) or ch in _SAFE_END or "\u3001" <= ch <= "\u303f"


def _spaced_name(name: str) -> str:
    """People's Daily prints two-character names with two spaces inside: 刘  赫."""
    return name[0] + "  " + name[1] if len(name) == 2 else name


def _invent_name(rng: random.Random) -> str:
    return rng.choice(_SURNAMES) + "".join(rng.choice(_GIVEN) for _ in range(rng.choice((1, 2, 2))))


def _article_date(article_id: str, rng: random.Random):
    m = re.match(r"(\d{4})(\d{2})(\d{2})-(\d{1,2})", article_id or "")
    if m:
        try:
            return _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))), int(m.group(4))
        except ValueError:
            pass
    return _dt.date(2019, 10, rng.randint(1, 31)), rng.randint(1, 20)


def _make_byline(rng: random.Random, paras: list[str]) -> tuple[str, str]:
    """(copy form, clean-body form) of a byline; same words, different spacing."""
    names: list[str] = []
    agency = "本报记者"
    if paras:
        m = _DATELINE_REPORTER.search(paras[0])
        if m:
            names = [x for x in m.group(1).split("、") if x]
        if paras[0].startswith("新华社"):
            agency = "新华社记者"
    if not names:
        names = [_invent_name(rng) for _ in range(rng.choice((1, 1, 1, 2)))]
    copy = agency + "  " + "  ".join(_spaced_name(x) for x in names)
    sep = rng.choice((" ", "\u3000", "  ", ""))
    # the same words as the copy (canonical form drops every space next to a Han
    # character, so both give the same truth line)
    body = agency + sep + rng.choice((" ", "\u3000", "  ")).join(names)
    return copy, body


def _pick_balanced(rng: random.Random, options, counts: dict) -> str:
    """Mostly the least used option (ties broken at random), sometimes any."""
    options = list(options)
    if rng.random() < 0.3:
        return rng.choice(options)
    low = min(counts.get(o, 0) for o in options)
    return rng.choice([o for o in options if counts.get(o, 0) == low])


# ---------------------------------------------------------------------- damages


def _lose_quotes(rng: random.Random, text: str, mode: str, rate: float) -> tuple[str, int]:
    chars = list(text)
    idx = [i for i, c in enumerate(chars) if c in "“”"]
    lost = 0
    for i in idx:
        if mode == "all":
            hit = True
        elif mode == "ascii_adjacent":
            left = chars[i - 1] if i else ""
            right = chars[i + 1] if i + 1 < len(chars) else ""
            near = (left.isascii() and left.isalnum()) or (right.isascii() and right.isalnum())
            hit = near or rng.random() < 0.25
        else:
            hit = rng.random() < rate
        if hit:
            chars[i] = FFFD
            lost += 1
    return "".join(chars), lost


def _cut_title(rng: random.Random, title: str) -> str:
    parts = [p for p in _TITLE_BREAKS.split(title)]
    # parts alternate text / separator; drop the first text part and its separator
    if len(parts) >= 3 and len("".join(parts[2:]).strip()) >= 3 and rng.random() < 0.7:
        return "".join(parts[2:]).lstrip()
    k = rng.randint(2, max(2, min(6, len(title) - 3)))
    return title[k:]


def _apply_codec(text: str, codec: str) -> str:
    if codec == "utf8_latin1":
        return text.encode("utf-8").decode("latin-1")
    if codec == "utf8_cp1252":
        return text.encode("utf-8").decode("cp1252", errors="heldout2_c1")
    if codec == "utf8_gbk":
        return text.encode("utf-8").decode("gbk", errors="replace")
    if codec == "gbk_latin1":
        # GBK has no no-break space: a GBK-encoded text layer holds plain spaces.
        return text.replace("\xa0", " ").encode("gbk").decode("latin-1")
    raise ValueError(codec)


def _gbk_ok(texts) -> bool:
    try:
        for t in texts:
            t.replace("\xa0", " ").encode("gbk")
    except UnicodeEncodeError:
        return False
    return True


# -------------------------------------------------------------------- furniture


def _furniture(rng: random.Random, date: _dt.date, edition: int) -> dict:
    """A house style of page furniture.  Every style is recognisable by more than
    the shape of a number: a bare page number only ever comes with a form feed."""
    section = rng.choice(_SECTIONS)
    y, m, d = date.year, date.month, date.day
    wd = _WEEKDAYS[date.weekday()]
    dd = f"{d:02d}" if rng.random() < 0.5 else str(d)
    mm = f"{m:02d}" if dd.startswith("0") or rng.random() < 0.3 else str(m)
    headers = (
        f"{y}年{mm}月{dd}日 星期{wd} | {section}",
        f"人民日报  {y}年{mm}月{dd}日  星期{wd}",
        f"{edition:02d}  {section}  {y}年{mm}月{dd}日  星期{wd}",
        f"人民日报 {section}  {y}年{mm}月{dd}日",
    )
    style = rng.choice(("rmrb", "header_footer", "header_only", "footer_only"))
    start = rng.randint(1, 180)
    f = {"style": style, "section": section, "start": start, "header": None, "footer": None,
         "ff": True, "first_header": False}
    if style == "rmrb":
        f["footer"] = "第 {p} 页"
    elif style == "header_footer":
        f["header"] = rng.choice(headers)
        f["footer"] = rng.choice(("- {p} -", "{p}", "第 {p} 页"))
        f["first_header"] = rng.random() < 0.5
    elif style == "header_only":
        f["header"] = rng.choice(headers)
        f["ff"] = rng.random() < 0.5
        f["first_header"] = rng.random() < 0.5
    else:
        f["footer"] = rng.choice(("第 {p} 页", "- {p} -", f"第 {edition:02d} 版  {section}", "第{p}页"))
        f["ff"] = rng.random() < 0.5
    p_source = 0.85 if style == "rmrb" else 0.4
    f["source"] = (f"《人民日报》（{y}年{m:02d}月{d:02d}日 第 {edition:02d} 版）"
                   if rng.random() < p_source else None)
    if rng.random() < 0.3:
        eds = [_spaced_name(_invent_name(rng)) for _ in range(rng.randint(1, 3))]
        f["editor"] = "本版责编：" + "  ".join(eds)
    else:
        f["editor"] = None
    return f


# ------------------------------------------------------------------ copy render


@dataclass
class _CopyConf:
    rendering: str
    marker: str
    width: int  # cells
    width2: int | None  # cells on pages after the first
    head_width: int  # cells
    head_split: bool
    head_lead_space: bool
    page_height: int
    space_marker: tuple
    indent: str
    spaced_latin: bool
    trailing_ws: float
    furniture: dict | None


def _typeset(units, conf: _CopyConf):
    """Visual lines of every unit: list of (kind, [_Line]) in order."""
    def width_of(i: int) -> int:
        if conf.width2 and i // conf.page_height >= 1:
            return 2 * conf.width2
        return 2 * conf.width

    out = []
    li = 0
    for kind, text in units:
        if kind == "title":
            segs = [text]
            if conf.head_split:
                pieces = _TITLE_BREAKS.split(text)
                segs, acc = [], ""
                for j, p in enumerate(pieces):
                    if j % 2 == 0:
                        acc += p
                    else:
                        if p.strip() == "":
                            # a space between Han characters breaks the deck (the
                            # truth drops it anyway); any other space stays put
                            nxt = pieces[j + 1][:1] if j + 1 < len(pieces) else ""
                            if acc and (_is_han(acc[-1]) or _is_han(nxt)):
                                segs.append(acc)
                                acc = ""
                            else:
                                acc += p
                        else:  # punctuation stays at the end of its deck
                            acc += p
                            if len(acc) >= 4:
                                segs.append(acc)
                                acc = ""
                if acc:
                    segs.append(acc)
                if len(segs) > 3:
                    segs = segs[:2] + ["".join(segs[2:])]
            lines = []
            for s in segs:
                for ln in _wrap(s, lambda i: 2 * conf.head_width, 0):
                    if conf.head_lead_space:
                        ln.text = " " + ln.text
                    lines.append(ln)
        elif kind == "para":
            prefix = conf.indent if conf.marker == "indent" else ""
            lines = _wrap(text, width_of, li, prefix)
        else:  # byline, source, editor: a text box of their own, never wrapped
            lines = [_Line(text, width_of(li), sum(_cw(c) for c in text))]
        li += len(lines)
        out.append((kind, lines))
    return out


def _layout_ok(typeset) -> bool:
    """With nothing but layout marking paragraphs, each paragraph must end in a
    visibly short line and every other line must look full."""
    for kind, lines in typeset:
        if kind not in ("para", "title", "byline"):
            continue
        for ln in lines[:-1]:
            if ln.used < ln.avail - 4:
                return False
        if lines and lines[-1].used > lines[-1].avail - 6:
            return False
    return True


def _spaced(text: str) -> str:
    text = re.sub(rf"(?<=[{_HAN_CLASS}])(?=[0-9A-Za-z])", " ", text)
    return re.sub(rf"(?<=[0-9A-Za-z%])(?=[{_HAN_CLASS}])", " ", text)


def _render_copy(rng: random.Random, units, conf: _CopyConf, typeset) -> tuple[str, dict]:
    items: list[tuple[str, str]] = []  # (kind, text); kind text|marker|furniture
    pending_ff = False
    fur = conf.furniture
    page = 0
    info = {"pages": 1}

    def emit(kind: str, text: str) -> None:
        nonlocal pending_ff
        if pending_ff:
            text = "\f" + text
            pending_ff = False
        items.append((kind, text))

    def footer() -> None:
        nonlocal pending_ff
        if fur and fur["footer"]:
            emit("furniture", fur["footer"].format(p=fur["start"] + page))
        if fur and fur["ff"]:
            pending_ff = True

    def page_break() -> None:
        nonlocal page
        footer()
        page += 1
        info["pages"] = page + 1
        if fur and fur["header"]:
            emit("furniture", fur["header"])

    if fur and fur["header"] and fur["first_header"]:
        emit("furniture", fur["header"])
    li = 0
    for ui, (kind, lines) in enumerate(typeset):
        for j, ln in enumerate(lines):
            # the break between paragraphs is marked before any page furniture, so
            # a marker line never hides behind a form feed
            if j == 0 and ui > 0:
                if conf.marker == "spaces":
                    for s in conf.space_marker:
                        emit("marker", s)
                elif conf.marker == "blank":
                    emit("marker", "")
            if li and li % conf.page_height == 0 and fur:
                page_break()
            text = ln.text
            if conf.rendering == "runs":
                for r in _runs(text):
                    emit("text", r)
            else:
                emit("text", text)
            li += 1
    if fur and (fur["footer"] or fur["ff"]):
        footer()
    # trailing white space after lines that end in a non-ASCII character
    if conf.trailing_ws:
        for i, (kind, text) in enumerate(items):
            if kind != "marker" and text and _safe_line_end(text[-1]) and rng.random() < conf.trailing_ws:
                items[i] = (kind, text + rng.choice((" ", "  ", "\t", " \t")))
    step = "\n" if conf.rendering == "lines" else "\n\n"
    out = "".join(t + step for _, t in items)
    if pending_ff:
        out += "\f"
    if not out.endswith("\n"):
        out += "\n"
    return out, info


def _copy_conf(rng: random.Random, rendering: str, marker: str, furniture: dict | None) -> _CopyConf:
    width = rng.randint(14, 40)
    width2 = None
    # a page of another column width, only where the page break shows (furniture)
    if rng.random() < 0.3 and furniture:
        width2 = min(40, max(14, width + rng.choice((-8, -6, -4, -3, -2, 2, 3, 4, 6, 8))))
        if width2 == width:
            width2 = None
    head_width = max(6, round(width * rng.uniform(0.5, 0.85)))
    return _CopyConf(
        rendering=rendering,
        marker=marker,
        width=width,
        width2=width2,
        head_width=head_width,
        head_split=rng.random() < 0.6,
        head_lead_space=rng.random() < 0.2,
        page_height=rng.randint(14, 42),
        space_marker=rng.choice(((" ",), (" ", "  "), (" ", "  "), ("   ",), ("\u3000",))),
        indent=rng.choice(("\u3000\u3000", "\u3000\u3000", "\u3000", "  ", "    ", "\xa0\xa0")),
        spaced_latin=rendering != "runs" and rng.random() < 0.2,
        trailing_ws=rng.choice((0.0, 0.0, 0.0, 0.15, 0.4)),
        furniture=furniture,
    )


# ------------------------------------------------------------------ clean body


def _render_body(rng: random.Random, lines: list[str]) -> tuple[str, dict]:
    """A clean web rendering: title line then one line a paragraph."""
    indent = rng.choice(("\u3000\u3000", "\u3000\u3000", "", "  ", "    ", "\u3000", "\xa0\xa0", "\t"))
    title_pre = rng.choice(("", "", "", "    ", "\u3000\u3000", " "))
    gap = rng.choice(("", "", "\n", "\n", " \n", "\u3000\n"))
    trail = rng.choice((0.0, 0.0, 0.2, 0.5))
    out = []
    for i, line in enumerate(lines):
        pre = title_pre if i == 0 else indent
        tail = rng.choice((" ", "  ", "\t", "\u3000")) if rng.random() < trail else ""
        out.append(pre + line + tail + "\n")
        if i < len(lines) - 1:
            out.append(gap)
    return "".join(out), {"indent": indent, "title_prefix": title_pre, "gap": gap, "trailing": trail}


# -------------------------------------------------------------------- generate


def _clean_article(article: dict) -> tuple[str, list[str]]:
    title = re.sub(r"\s+", " ", str(article.get("title", ""))).strip()
    paras = []
    for p in article.get("paragraphs", []):
        p = re.sub(r"[\r\n]+", " ", str(p)).strip()
        if p and _canon(p):
            paras.append(p)
    return title, paras


def _choose_damages(rng, layout, title, paras, extra, counts) -> list[str]:
    if layout == "clean_only":
        return []
    text = title + "".join(paras)
    valid = []
    for d in DAMAGES:
        if d in _NEEDS_CLEAN_BODY and layout == "copy_only":
            continue
        if d == "fffd" and not any(c in text for c in "“”"):
            continue
        if d == "gb2312_punct" and "—" not in text and "·" not in text:
            continue
        if d == "title_cut" and len(title) < 6:
            continue
        if d == "s2t":
            if _S2T.convert(text) == text:
                continue
            if extra is not None and _T2S.convert(_S2T.convert(paras[extra])) != paras[extra]:
                continue
        if d == "gbk_latin1" and not (_gbk_ok([text]) and _gbk_ok([_S2T.convert(text)])):
            continue
        if d == "truncated":
            first_cut = (extra + 1) if extra is not None else 1
            if len(paras) - first_cut < 1 or len(paras) < 3:
                continue
        valid.append(d)
    r = rng.random()
    k = 0 if r < 0.12 else (1 if r < 0.62 else 2)
    chosen: list[str] = []
    for _ in range(k):
        cands = [d for d in valid if d not in chosen]
        if any(c in CODECS for c in chosen):
            cands = [d for d in cands if d not in CODECS]
        if "gbk_latin1" in chosen:
            cands = [d for d in cands if d not in ("fffd", "gb2312_punct")]
        if any(c in ("fffd", "gb2312_punct") for c in chosen):
            cands = [d for d in cands if d != "gbk_latin1"]
        if not cands:
            break
        sample = rng.sample(cands, min(3, len(cands)))
        low = min(counts.get(d, 0) for d in sample)
        pick = rng.choice([d for d in sample if counts.get(d, 0) == low])
        chosen.append(pick)
    return [d for d in DAMAGES if d in chosen]


def _make_copy(rng, units_copy, damages, rendering, marker, furniture, *, check_layout, truncate_from):
    """Render one broken copy.  Returns (text, marker actually used, meta)."""
    meta: dict = {}
    units = list(units_copy)
    if "truncated" in damages and truncate_from is not None:
        para_pos = [i for i, (k, _) in enumerate(units) if k == "para"]
        first = truncate_from  # index into para list: paragraphs before it are kept whole
        cut = rng.randint(first, len(para_pos) - 1)
        ui = para_pos[cut]
        kind, text = units[ui]
        if rng.random() < 0.5 and len(text) > 12:
            # stop mid-sentence, never inside a digit/Latin run
            lo, hi = int(len(text) * 0.25), int(len(text) * 0.8)
            pos = rng.randint(max(1, lo), max(1, hi))
            while pos < len(text) and text[pos - 1].isascii() and text[pos - 1].isalnum():
                pos += 1
            units = units[:ui] + [(kind, text[:pos])]
            meta["truncated"] = {"paragraph": cut, "chars_kept": pos}
        else:
            units = units[:ui]
            meta["truncated"] = {"paragraph": cut, "chars_kept": 0}
    elif furniture and furniture.get("editor"):  # the editor line ends a complete article
        units.append(("editor", furniture["editor"]))
    if furniture and furniture.get("source"):
        pos = 2 if len(units) > 1 and units[1][0] == "byline" else 1
        units.insert(pos, ("source", furniture["source"]))

    conf = _copy_conf(rng, rendering, marker, furniture)
    if conf.spaced_latin:  # spaces are printed text: they take room and can be wrapped at
        units = [(k, _spaced(t)) if k in ("para", "title") else (k, t) for k, t in units]
    if check_layout and marker == "layout":
        # Nothing but line lengths will tell where a paragraph ends, so the title
        # is set at the body width like any paragraph (a narrower headline block
        # would read as a run of one-line paragraphs).
        conf.head_width, conf.head_split = conf.width, False
    typeset = _typeset(units, conf)
    if check_layout and marker == "layout":
        tries = 0
        while not _layout_ok(typeset) and tries < 16:
            conf.width = rng.randint(14, 40)
            conf.width2 = None
            conf.head_width = conf.width
            typeset = _typeset(units, conf)
            tries += 1
        if not _layout_ok(typeset):
            conf.marker = "indent"
            meta["marker_fallback"] = "layout->indent"
            typeset = _typeset(units, conf)
    text, info = _render_copy(rng, units, conf, typeset)
    meta.update({
        "width": conf.width, "width2": conf.width2, "head_width": conf.head_width,
        "head_split": conf.head_split, "head_lead_space": conf.head_lead_space,
        "page_height": conf.page_height, "pages": info["pages"],
        "space_marker": conf.space_marker if conf.marker == "spaces" else None,
        "indent": conf.indent if conf.marker == "indent" else None,
        "spaced_latin": conf.spaced_latin, "trailing_ws": conf.trailing_ws,
    })
    return text, conf.marker, meta


def _one_case(rng: random.Random, article: dict, layout: str, counts: dict) -> Case:
    title, paras = _clean_article(article)
    aid = str(article.get("id", ""))
    meta: dict = {"article_title": title}

    # a paragraph only the copy has
    extra = None
    if layout == "extra_para":
        good = [i for i in range(len(paras)) if _T2S.convert(_S2T.convert(paras[i])) == paras[i]]
        pool = good if good and rng.random() < 0.9 else list(range(len(paras)))
        # prefer one that leaves room to truncate after it
        extra = rng.choice(pool)
        meta["extra_index"] = extra

    damages = _choose_damages(rng, layout, title, paras, extra, counts["damage"])
    for d in damages:
        counts["damage"][d] = counts["damage"].get(d, 0) + 1

    byline_copy = byline_body = None
    if rng.random() < 0.35:
        byline_copy, byline_body = _make_byline(rng, paras)
        meta["byline"] = byline_copy

    # ---- truth
    truth_units = [title] + ([byline_copy] if byline_copy else []) + paras
    trad_truth = layout == "copy_only" and "s2t" in damages
    if trad_truth:
        truth_units = [_S2T.convert(u) for u in truth_units]
    truth = "".join(c + "\n" for c in (_canon(u) for u in truth_units) if c)

    # ---- clean body
    body = None
    if layout != "copy_only":
        body_lines = [title] + ([byline_body] if byline_body else [])
        body_lines += [p for i, p in enumerate(paras) if i != extra]
        body, meta["body_style"] = _render_body(rng, body_lines)

    if layout == "clean_only":
        profile = Profile(layout, "none", "web", "none")
        doc = body
        meta["sections"] = ["body"]
    else:
        rendering = _pick_balanced(rng, RENDERINGS, counts["rendering"])
        counts["rendering"][rendering] = counts["rendering"].get(rendering, 0) + 1
        if rendering == "lines" and rng.random() < 0.15:
            marker = "blank"  # a minor variant, kept out of the balancing
        else:
            marker = _pick_balanced(rng, ("spaces", "indent", "layout") if rendering != "runs"
                                    else ("spaces", "indent"), counts["marker"])

        # ---- the copy's text before rendering
        date, edition = _article_date(aid, rng)
        furniture = _furniture(rng, date, edition) if "furniture" in damages else None
        units = [("title", title)] + ([("byline", byline_copy)] if byline_copy else [])
        units += [("para", p) for p in paras]
        if "s2t" in damages:
            units = [(k, _S2T.convert(t)) for k, t in units]
            if furniture:
                for key in ("source", "editor", "header", "section"):
                    if furniture.get(key):
                        furniture[key] = _S2T.convert(furniture[key])
        if "gb2312_punct" in damages:
            units = [(k, t.replace("—", "―").replace("·", "・")) for k, t in units]
        if "fffd" in damages:
            mode = rng.choice(("all", "random", "ascii_adjacent", "ascii_adjacent"))
            rate = rng.uniform(0.3, 0.8)
            lost_total = 0
            new = []
            for k, t in units:
                t2, lost = _lose_quotes(rng, t, mode, rate)
                lost_total += lost
                new.append((k, t2))
            if lost_total == 0:  # make sure the damage is there
                for i, (k, t) in enumerate(new):
                    j = min((t.find(q) for q in "“”" if q in t), default=-1)
                    if j >= 0:
                        new[i] = (k, t[:j] + FFFD + t[j + 1:])
                        lost_total = 1
                        break
            units = new
            meta["fffd"] = {"mode": mode, "lost": lost_total}
        if "title_cut" in damages:
            units[0] = ("title", _cut_title(rng, units[0][1]))
            meta["copy_title"] = units[0][1]

        trunc_from = None
        if "truncated" in damages:
            trunc_from = (extra + 1) if extra is not None else 1

        check = layout == "copy_only"
        copy1, used_marker, cmeta = _make_copy(
            rng, units, damages, rendering, marker, furniture,
            check_layout=check, truncate_from=trunc_from)
        counts["marker"][used_marker] = counts["marker"].get(used_marker, 0) + 1
        meta["copy"] = cmeta
        copies = [copy1]
        if layout == "both":
            dmg2 = [d for d in damages if d != "truncated"]
            if "truncated" in damages and rng.random() < 0.5:
                dmg2.append("truncated")
            if rng.random() < 0.5:
                sub = random.Random(rng.getrandbits(64))
                copy2, _, cmeta2 = _make_copy(sub, units, dmg2, rendering, used_marker, furniture,
                                             check_layout=False, truncate_from=trunc_from)
            else:
                copy2, cmeta2 = copy1, dict(cmeta, same_as_first=True)
            copies.append(copy2)
            meta["copy2"] = cmeta2

        codec = next((d for d in damages if d in CODECS), None)
        scope = "copy"
        if codec and body is not None and codec in _LOSSLESS_CODECS and rng.random() < 0.3:
            scope = "document"
        if codec and scope == "copy":
            copies = [_apply_codec(c, codec) for c in copies]
        if codec:
            meta["codec"] = {"codec": codec, "scope": scope}
        if furniture:
            meta["furniture"] = dict(furniture)

        def sep() -> str:
            return rng.choice(("", "", "\n", "\n", "\n\n", "\n\n\n", " \n", "\n\u3000\n"))

        if layout == "after" or (layout == "extra_para" and rng.random() < 0.7):
            parts, names = [body, copies[0]], ["body", "copy"]
        elif layout in ("before", "extra_para"):
            parts, names = [copies[0], body], ["copy", "body"]
        elif layout == "both":
            parts, names = [copies[0], body, copies[1]], ["copy", "body", "copy"]
        else:
            parts, names = [copies[0]], ["copy"]
        doc = ""
        for i, p in enumerate(parts):
            if i:
                doc += sep()
            doc += p if p.endswith("\n") else p + "\n"
        if codec and scope == "document":
            doc = _apply_codec(doc, codec)
        meta["sections"] = names
        profile = Profile(layout, "+".join(damages) if damages else "none", rendering, used_marker)

    # ---- document frame: line ends, BOM, final newline
    frame = rng.choices(("lf", "crlf", "cr"), weights=(0.72, 0.2, 0.08))[0]
    if rng.random() < 0.15:
        doc = doc.rstrip("\n")
    if frame == "crlf":
        doc = doc.replace("\n", "\r\n")
    elif frame == "cr":
        doc = doc.replace("\n", "\r")
    bom = rng.random() < 0.1
    if bom:
        doc = "\ufeff" + doc
    meta["frame"] = {"line_end": frame, "bom": bom, "final_newline": doc.endswith(("\n", "\r"))}
    meta["truth_script"] = "traditional" if trad_truth else "simplified"
    return Case(document=doc, truth=truth, profile=profile, article_id=aid, meta=meta)


def _layout_deck(rng: random.Random, n: int) -> list[str]:
    n_copy = round(n / 6)
    n_clean = round(n / 8)
    rest = n - n_copy - n_clean
    deck = ["copy_only"] * n_copy + ["clean_only"] * n_clean
    others = ["after", "before", "both", "extra_para"]
    for i in range(rest):
        deck.append(others[i % 4])
    rng.shuffle(deck)
    return deck


def generate(articles: list[dict], n: int, seed: int) -> list[Case]:
    """n degraded documents with their truths; a pure function of (articles, n, seed)."""
    rng = random.Random(seed)
    if not articles:
        raise ValueError("no articles")
    counts: dict = {"damage": {}, "rendering": {}, "marker": {}}
    cases: list[Case] = []
    for layout in _layout_deck(rng, n):
        need = 3 if layout == "extra_para" else (2 if layout != "clean_only" else 1)
        article = None
        for _ in range(100):
            cand = articles[rng.randrange(len(articles))]
            t, ps = _clean_article(cand)
            if t and _canon(t) and len(ps) >= need:
                article = cand
                break
        if article is None:
            raise ValueError("no usable article")
        cases.append(_one_case(rng, article, layout, counts))
    return cases


if __name__ == "__main__":  # a quick look: python bench/heldout2.py CORPUS.jsonl [N] [SEED]
    import json
    from collections import Counter

    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "corpus", "rmrb-2019-10-sample.jsonl")
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 600
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    with open(path, encoding="utf-8") as fh:
        arts = [json.loads(line) for line in fh if line.strip()]
    cs = generate(arts, n, seed)
    for axis in ("layout", "damage", "rendering", "marker"):
        print(axis, Counter(getattr(c.profile, axis) for c in cs).most_common())

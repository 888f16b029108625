"""Real PDF text layers, scored against the truth their own layout gives.

Run:
    .venv/bin/python bench/realpdf.py [PDF ...] [--show N]

PDF defaults to ../shared/pdfs/kings-en__rmrb_20251020.pdf (228 pages of
People's Daily articles, one article a run of pages; evaluation material,
never copied into the project).

A PDF's text layer, as pdfminer.six extracts it, is what a broken copy is made
of: one printed line a line, no characters for a paragraph's indent, page
numbers between the lines.  The PDF's layout keeps what the text lost: each
printed line's box.  This script reads the boxes (pdfminer's ``LTTextLine``)
and builds each article's truth from them alone, without the pipeline:

* a page whose first line is set larger than the body opens an article;
* a body line (the page's commonest line height) opens a paragraph where it
  starts indented (its left edge a CJK character or more right of the body's
  margin), and ends one where it stops short of the right margin by one or
  more characters, or where the next line is set in another size;
* lines set in another size than the body are paragraphs of their own (a
  headline's lines joined, a byline, a source line), except lines smaller
  than the body at a page's foot or head, which are furniture;
* lines in reading order, top to bottom (the pages are one column).

Each article's text is extracted with pdfminer.six's ``extract_text`` over
its pages, which is what a user's file would hold, and given to
``repair_document``.  Printed per article and overall: paragraph-aware
character error rate, share of truth paragraphs reproduced exactly, output
paragraphs and truth paragraphs.  Where pdfminer's own reading order differs
from the printed order (a line it places elsewhere), the error counts against
newsrepair too: the layout's truth is the standard.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_PDF = ROOT.parent / "shared" / "pdfs" / "kings-en__rmrb_20251020.pdf"

# A body line starting this many characters (of its own height) right of the
# margin is indented; one stopping this many short of the right margin is short.
INDENT_EMS = 1.0
SHORT_EMS = 1.0
# A first line this many times the body's height is a headline.
HEADLINE_RATIO = 1.5


@dataclass(frozen=True)
class Line:
    """One printed line: its text and its box."""

    text: str
    x0: float
    x1: float
    top: float
    height: float


@dataclass
class Article:
    """The pages of one article and the paragraphs its layout shows."""

    pages: list[int]
    truth: list[str]


def read_pages(path: Path) -> list[list[Line]]:
    """Every page's printed lines, top to bottom."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTTextContainer, LTTextLine

    pages = []
    for page in extract_pages(str(path)):
        lines = []
        for box in page:
            if not isinstance(box, LTTextContainer):
                continue
            for line in box:
                if isinstance(line, LTTextLine) and line.get_text().strip():
                    text = line.get_text().strip("\n")
                    lines.append(Line(text, line.x0, line.x1, -line.y1, round(line.height, 1)))
        pages.append(sorted(lines, key=lambda ln: (round(ln.top), ln.x0)))
    return pages


def _join(left: str, right: str) -> str:
    """Two printed lines of one paragraph: nothing between, but a space between Latin words."""
    if left and right and left[-1].isascii() and left[-1].isalnum() and right[0].isascii() and right[0].isalnum():
        return left + " " + right
    return left + right


def articles(pages: list[list[Line]]) -> list[Article]:
    """Cut the pages into articles and build each one's truth paragraphs from the layout."""
    from pipeline.canonical import canonical_paragraph

    body = Counter(ln.height for page in pages for ln in page).most_common(1)[0][0]
    out: list[Article] = []
    for number, page in enumerate(pages):
        if not page:
            continue
        if not out or page[0].height >= HEADLINE_RATIO * body:
            out.append(Article([], []))
        out[-1].pages.append(number)
    for article in out:
        lines = [ln for number in article.pages for ln in pages[number]]
        body_lines = [ln for ln in lines if ln.height == body]
        if not body_lines:
            continue
        # The margins are where most body lines start and stop (punctuation
        # hangs past the right one).
        margin = Counter(round(ln.x0, 1) for ln in body_lines).most_common(1)[0][0]
        right = Counter(round(ln.x1, 1) for ln in body_lines).most_common(1)[0][0]
        paragraphs: list[str] = []
        current = ""
        prev: Line | None = None
        for number in article.pages:
            page = pages[number]
            for k, ln in enumerate(page):
                if ln.height < body and (k == 0 or k == len(page) - 1):
                    continue  # a page's head or foot: furniture
                text = ln.text.strip()
                if ln.height == body:
                    opens = (
                        prev is None
                        or prev.height != body
                        or ln.x0 >= margin + INDENT_EMS * ln.height
                        or prev.x1 <= right - SHORT_EMS * prev.height
                    )
                elif prev is not None and prev.height == ln.height and ln.height > body:
                    opens = False  # a headline's next line
                else:
                    opens = True
                if opens and current:
                    paragraphs.append(current)
                    current = ""
                current = _join(current, text)
                prev = ln
        if current:
            paragraphs.append(current)
        article.truth = [p for p in (canonical_paragraph(p)[0] for p in paragraphs) if p]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pdf", nargs="*", default=[str(DEFAULT_PDF)])
    parser.add_argument("--show", type=int, default=0, help="print the N worst articles' first differing paragraphs")
    args = parser.parse_args(argv)

    from pdfminer.high_level import extract_text

    from pipeline import repair_document
    from pipeline.metrics import char_error_rate, paragraph_form

    rows = []
    started = time.perf_counter()
    for pdf in map(Path, args.pdf):
        for article in articles(read_pages(pdf)):
            if not article.truth:
                continue
            text = extract_text(str(pdf), page_numbers=article.pages)
            out = repair_document(text).text
            truth = "\n".join(article.truth)
            got = set(paragraph_form(out).split("\n"))
            exact = sum(p in got for p in paragraph_form(truth).split("\n"))
            rows.append((pdf.name, article, char_error_rate(out, truth), exact, out))
    elapsed = time.perf_counter() - started

    print(f"{'article':<34} {'pages':>5} {'CER':>7} {'exact':>7} {'out':>5} {'truth':>5}")
    for name, article, cer, exact, out in rows:
        head = article.truth[0][:14]
        n_out = len([x for x in out.split("\n") if x.strip()])
        print(
            f"{head:<{34 - sum(ord(c) > 0x2E80 for c in head)}} {len(article.pages):>5} {cer:>7.2%} "
            f"{exact / len(article.truth):>7.1%} {n_out:>5} {len(article.truth):>5}"
        )
    truth_chars = sum(len(paragraph_form("\n".join(a.truth))) for _, a, _, _, _ in rows)
    weighted = sum(cer * len(paragraph_form("\n".join(a.truth))) for _, a, cer, _, _ in rows) / max(1, truth_chars)
    paragraphs = sum(len(a.truth) for _, a, _, _, _ in rows)
    exact = sum(e for _, _, _, e, _ in rows)
    print(
        f"\n{len(rows)} articles, {paragraphs} truth paragraphs: CER {weighted:.2%} (weighted by length), "
        f"mean CER {sum(r[2] for r in rows) / max(1, len(rows)):.2%}, exact {exact / max(1, paragraphs):.1%}; "
        f"{elapsed:.1f} s"
    )
    if args.show:
        import difflib

        for name, article, cer, _, out in sorted(rows, key=lambda r: -r[2])[: args.show]:
            print(f"\n== {article.truth[0][:30]} (pages {article.pages[0] + 1}-{article.pages[-1] + 1}) CER {cer:.2%}")
            diff = difflib.unified_diff(
                paragraph_form("\n".join(article.truth)).split("\n"), paragraph_form(out).split("\n"), lineterm="", n=0
            )
            for line in list(diff)[2:14]:
                print("   ", line[:120])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

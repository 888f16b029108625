"""Dedup: drop what the clean body already holds, keep what it lacks, at its place.

Each broken paragraph is aligned with the reference text (the clean body, plus
the broken paragraphs already kept from other sections) in comparison form
(:mod:`pipeline.compare`), through an index of k-gram anchors: cost grows
linearly with the document.  The paragraph is then judged sentence by sentence:
a sentence that one place of the reference holds is a duplicate; the others are
novel and kept, in their order, right after the clean paragraph their neighbours
matched (or, with no match at all, where their section stands in the document).
Nothing the clean body lacks is dropped.

Restored quotation marks in a matched paragraph are checked against the clean
paragraph it matched, and the agreement counted.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .chars import CLOSERS, SENTENCE_FINAL, ends_with_mark, is_letter_or_digit
from .compare import comparison_form
from .mojibake import LOST, damage_only
from .model import DedupMatch, Paragraph, RepairOptions, SectionKind, StageReport
from .rejoin import is_closing_note

# Positions kept per k-gram in the index: enough to locate a paragraph, few
# enough that a very common k-gram cannot make the alignment quadratic.
MAX_HITS = 8
QUOTES = "“”「」"
# Uncovered content characters inside an otherwise duplicate sentence that are
# kept as novel text: fewer are damage (a character t2s maps differently).
MIN_NOVEL_RUN = 4


@dataclass
class Reference:
    """A growing k-gram index over reference paragraphs in comparison form.

    The paragraphs are indexed as one running text, so that k-grams spanning
    two adjacent paragraphs are anchors too: a broken paragraph that merged a
    clean paragraph with a short neighbour ("（据新华社电）") still aligns across
    the join.  A k-gram votes for the paragraph it ends in.
    """

    k: int
    forms: list[str] = field(default_factory=list)
    index: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    tail: str = ""
    _joined: str | None = None
    _starts: list[int] = field(default_factory=list)

    def add(self, form: str) -> int:
        """Index one more reference paragraph; return its number."""
        no = len(self.forms)
        self.forms.append(form)
        self._joined = None
        run = self.tail + form
        for j in range(max(0, len(self.tail) - self.k + 1), len(run) - self.k + 1):
            hits = self.index[run[j : j + self.k]]
            if len(hits) < MAX_HITS and (not hits or hits[-1] != no):
                hits.append(no)
        self.tail = run[-(self.k - 1) :] if self.k > 1 else ""
        return no

    def joined(self) -> str:
        """The reference paragraphs' forms as one string (built once per change)."""
        if self._joined is None:
            self._joined = "".join(self.forms)
            self._starts = list(itertools.accumulate((len(f) for f in self.forms[:-1]), initial=0))
        return self._joined

    def cover(self, form: str) -> tuple[list[bool], Counter, list[list[int]] | None]:
        """Which characters of ``form`` the reference holds, the votes per paragraph, and each anchor's paragraphs.

        ``hits[j]`` lists the reference paragraphs holding the k-gram that starts
        at j (None for a form shorter than k, looked up whole).
        """
        covered = [False] * len(form)
        votes: Counter = Counter()
        k = self.k
        if len(form) < k:
            # Too short for an anchor: look for the whole form in the running
            # text (short forms only, so this stays cheap).
            at = self.joined().find(form) if form else -1
            if at < 0:
                return covered, votes, None
            # The paragraph the first occurrence starts in.
            no = bisect.bisect_right(self._starts, at) - 1
            return [True] * len(form), Counter({no: len(form)}), None
        hits: list[list[int]] = []
        for j in range(len(form) - k + 1):
            found = self.index.get(form[j : j + k]) or []
            hits.append(found)
            if found:
                for t in range(j, j + k):
                    covered[t] = True
                for no in found:
                    votes[no] += 1
        return covered, votes, hits

    def paragraphs_spanned(self, form: str) -> int:
        """How many reference paragraphs the first occurrence of ``form`` in the running text reaches into (0: none)."""
        at = self.joined().find(form) if form else -1
        if at < 0:
            return 0
        return bisect.bisect_left(self._starts, at + len(form)) - bisect.bisect_right(self._starts, at) + 1


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Cut a paragraph into sentences: (start, end) offsets, each ending after its final mark.

    A closing quote right after the final mark stays with its sentence.
    """
    spans = []
    start = 0
    i = 0
    while i < len(text):
        if text[i] in SENTENCE_FINAL:
            end = i + 1
            while end < len(text) and (text[end] in SENTENCE_FINAL or text[end] in CLOSERS):
                end += 1
            spans.append((start, end))
            start = i = end
            continue
        i += 1
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def merge(paragraphs: tuple[Paragraph, ...], *, options: RepairOptions) -> tuple[tuple[Paragraph, ...], StageReport]:
    """Return the paragraphs to output, in order, and the dedup account.

    Clean paragraphs are all kept, in order.  A broken paragraph is dropped where
    the reference covers it, kept whole where the reference lacks it, and reduced
    to its uncovered sentences where it is partly new.
    """
    clean = [p for p in paragraphs if p.origin is SectionKind.CLEAN]
    broken = [p for p in paragraphs if p.origin is SectionKind.BROKEN]
    if not options.dedup:
        return paragraphs, StageReport("dedup", {"novel_paragraphs_kept": len(broken) if clean else 0})
    clean, repeats = _drop_repeated_clean(clean)
    if not broken:
        counts = {"repeated_clean_paragraphs_removed": len(repeats)}
        return tuple(clean), StageReport("dedup", counts, tuple(repeats))

    ref = Reference(options.anchor_k)
    clean_forms = [comparison_form(p.text)[0] for p in clean]
    for form in clean_forms:
        ref.add(form)
    n_clean = len(clean)
    clean_sizes = [len(form) for form in clean_forms]
    clean_texts = [p.text for p in clean]
    clean_joined = "\n".join(clean_texts)
    # The title block: what a copy's title line may run into (a subheading
    # further down opens paragraphs of the article's own, "第一届全运会开幕前夕").
    clean_heads = [p.text.strip() for p in clean[:HEAD_PARAGRAPHS] if len(comparison_form(p.text)[0]) >= MIN_HEAD]
    # Where each clean paragraph stands, to place novel text by input position
    # when nothing in its section matched.
    clean_lines = [p.start for p in clean]

    counts: Counter = Counter()
    matches: list[DedupMatch] = []
    # Novel text to insert: (after which clean paragraph, -1 = before all; order; paragraph).
    inserts: list[tuple[int, int, Paragraph]] = []
    # Novel paragraphs of other sections join the reference, but not before their
    # own section is done: one PDF copy does not repeat itself, so a paragraph is
    # only ever a duplicate of another copy.
    pending: list[tuple[int, str]] = []
    section_of_pending = None

    by_section: dict[int, list[Paragraph]] = defaultdict(list)
    for p in broken:
        by_section[p.section].append(p)

    for section, members in by_section.items():
        if section_of_pending is not None and section_of_pending != section:
            for _, form in pending:
                ref.add(form)
            pending = []
        section_of_pending = section
        decisions = []
        merges = []  # the clean paragraphs each one's match spans (see _span)
        last_best = -1
        comparisons = [comparison_form(p.text) for p in members]
        forms_here = [form for form, _ in comparisons]
        repeated = _repeated_more([p.text for p in members], forms_here, ref)
        for m, p in enumerate(members):
            form, offsets = comparisons[m]
            covered, votes, hits = ref.cover(form)
            coverage = sum(covered) / len(covered) if covered else 1.0
            if form:
                # In a paragraph the reference mostly lacks, a sentence that only
                # resembles one of the clean text (an article's formula with
                # other names: "曹为民还存在其他违纪违法问题…") is the paragraph's
                # own; only a whole duplicate is dropped.
                # A heading (short, closing no sentence) that only long clean
                # paragraphs cover is a duplicate only where one holds all of it:
                # its words recur all over the article it heads
                # ("复旦大学新闻学院课程思政纪实").  Matched by a clean line of
                # its own size (its clean twin, damaged), the usual share holds;
                # a twin shares at least half the anchors of it or of the
                # heading (another heading of that size sharing a phrase,
                # "国家粮食安全", is none).
                heading = (
                    len(form) <= MAX_HEADING
                    and LOST not in p.text
                    and "\ufffd" not in p.text
                    and not _ends_sentence(p.text)
                    and not any(
                        clean_sizes[no] <= 2 * len(form)
                        and 2 * n >= max(1, min(len(form), clean_sizes[no]) - ref.k + 1)
                        for no, n in votes.items()
                        if no < n_clean
                    )
                )
                strict = heading or coverage < MIN_PLACING_COVERAGE
                threshold = 1.0 if strict else options.duplicate_coverage
                whole = p.text.strip()
                rest = _after_clean_line(whole, clean_heads)
                if (
                    rest != whole
                    and not any(c in SENTENCE_FINAL for c in rest)
                    and len(comparison_form(rest)[0]) <= MAX_HEADING
                ):
                    # A line of the clean title block, then a heading's worth
                    # of text with no sentence end: the copy's rejoin ran the
                    # title into a subtitle.  The title is a duplicate.  The
                    # rest is one too where a clean paragraph opens with it
                    # (its first printed line, run in as well) or holds it
                    # whole and long; a subtitle only the copy has
                    # ("——…观察①") may use the article's words.  (A
                    # paragraph may open with the title's words, but it goes
                    # on past a heading's size: "第一届全运会开幕前夕，…。")
                    head = comparison_form(rest)[0]
                    held = any(f.startswith(head) for f in clean_forms) or (
                        len(head) >= MIN_HELD_REST and head in ref.joined()
                    )
                    holed = _holed(rest) if len(head) >= MIN_HEAD else None
                    if not held and holed is not None:
                        # Its characters a lossy decode lost are looked
                        # past, one or two each ("新华社记" LOST "李寒芳").
                        held = any(holed.match(f) for f in clean_forms) or (
                            len(head) >= MIN_HELD_REST and holed.search(ref.joined()) is not None
                        )
                    kept = "" if held else rest
                elif heading and (
                    form not in ref.joined()
                    or not _held_in_sequence(form, forms_here[:m], forms_here[m + 1 :], ref)
                ):
                    # Covered piece by piece is not held whole.  Held whole,
                    # but not next to what stands beside it in the copy, it
                    # is a heading of the copy's own whose words a sentence
                    # of the article repeats (a subtitle "进一步做好…工作"
                    # the clean text lacks, in "为进一步做好…工作，更好…"):
                    # a piece of that sentence cut off by the rejoin would
                    # run on into the piece beside it.
                    kept = p.text.strip()
                else:
                    previous = next((f for f in reversed(forms_here[:m]) if f), "")
                    kept = _uncovered_sentences(
                        p.text, form, offsets, covered, hits, ref, threshold, repeated, previous
                    )
            else:
                # Punctuation only ("……", a stray "。"): a duplicate where the
                # clean body holds the same marks, kept where it has none.
                kept = "" if p.text.strip() in clean_joined else p.text.strip()
            # A paragraph none of whose sentences is a duplicate matched nothing:
            # stray shared phrases must not decide where it goes.
            where = _matched_paragraphs(votes, n_clean) if kept != p.text.strip() else ()
            # A paragraph the reference mostly lacks is placed by its
            # neighbours: the phrases it shares are as likely from anywhere.
            # (A paragraph that lost a good part of its text as duplicates of
            # one clean paragraph did match it: the copy merged that paragraph
            # with new text, which follows it.  So did one that lost all of
            # consecutive ones, no marker having shown their breaks; not one
            # that lost a sentence the article says in two of them.)
            placed_by_match = coverage >= MIN_PLACING_COVERAGE or (
                bool(where)
                and len(kept) < 0.9 * len(p.text.strip())
                and (
                    len(where) == 1
                    or (
                        max(where) - min(where) + 1 == len(where)
                        and len(form) - len(comparison_form(kept)[0])
                        >= TWIN_SHARE * sum(clean_sizes[no] for no in where)
                    )
                )
            )
            best = _best_match(where, votes, last_best) if placed_by_match else None
            if best is not None:
                last_best = best
            decisions.append((p, where, kept, coverage, best))
            merges.append(_span(best, votes, clean_sizes, ref.k))
        decisions = _keep_second_occurrences(decisions, forms_here, clean_sizes, ref)
        decisions = _keep_out_of_order(decisions, forms_here, clean_sizes, clean_texts)
        decisions = _keep_repeats_out_of_place(decisions, forms_here, repeated, ref)
        decisions = _drop_lost_between_duplicates(decisions)
        decisions = _drop_kept_by_another_copy(decisions, forms_here, set(ref.forms[n_clean:]))
        # Anchor of each paragraph: the clean paragraph it matched, else the
        # nearest matched neighbour in its section, else its section's position.
        anchors = _anchors(decisions, merges, members[0].start, clean_lines)
        for order, ((p, where, kept, coverage, _), anchor) in enumerate(zip(decisions, anchors)):
            if not where and kept:
                counts["novel_paragraphs_kept"] += 1
            elif kept:
                counts["partial_paragraphs_kept"] += 1
            else:
                counts["duplicate_paragraphs_removed"] += 1
            if where:
                agree, disagree = _check_quotes(p, [clean[no].text for no in where])
                counts["fffd_checked_against_clean"] += agree + disagree
                counts["fffd_disagreed_with_clean"] += disagree
            matches.append(DedupMatch(p.start, p.end, where, round(coverage, 3), kept))
            if kept:
                novel = Paragraph(kept, SectionKind.BROKEN, p.section, p.start, p.end)
                inserts.append((anchor, (p.start, order), novel))
                pending.append((p.start, comparison_form(kept)[0]))

    by_anchor: dict[int, list[Paragraph]] = defaultdict(list)
    for anchor, _, novel in sorted(inserts, key=lambda t: (t[0], t[1])):
        by_anchor[anchor].append(novel)
    out: list[Paragraph] = list(by_anchor.get(-1, ()))
    for i, p in enumerate(clean):
        out.append(p)
        out.extend(by_anchor.get(i, ()))
    counts["repeated_clean_paragraphs_removed"] = len(repeats)
    return tuple(out), StageReport("dedup", dict(counts), tuple(matches) + tuple(repeats))


# Anchors' worth of a neighbouring paragraph that must run on into a heading
# in the reference for the heading to be a piece of the same text.
SEQUENCE_ANCHORS = 3


def _held_in_sequence(form: str, before: list[str], after: list[str], ref: Reference) -> bool:
    """Whether the reference holds ``form`` run on from the copy's paragraph before it or into the one after.

    ``before`` and ``after`` are the comparison forms of the paragraphs around
    it in its copy.  A paragraph of its own in the reference (another copy
    kept it) is held as it stands.  A piece a rejoin cut off a paragraph
    stands in the reference next to the piece beside it in the copy (the
    neighbour's :data:`SEQUENCE_ANCHORS` anchors' worth of characters nearest
    to it, or all of a shorter one, tell).  At the copy's edge, where a copy
    cut off mid-paragraph has nothing beside it, its first piece counts as
    run on where a reference paragraph closes with it, its last where one
    opens.
    """
    if form in ref.forms:
        # A paragraph of its own there (another copy's, kept as new).
        return True
    prev = next((f for f in reversed(before) if f), "")
    nxt = next((f for f in after if f), "")
    if _runs_on(form, prev, nxt, ref):
        return True
    # (A copy cut off mid-paragraph: its first piece closes a paragraph, its
    # last one opens one.)
    return (not prev and any(f.endswith(form) for f in ref.forms)) or (
        not nxt and any(f.startswith(form) for f in ref.forms)
    )


def _runs_on(form: str, prev: str, nxt: str, ref: Reference) -> bool:
    """Whether the reference holds ``form`` run on from the end of ``prev`` or into the start of ``nxt`` (comparison forms; empty: no neighbour)."""
    # (Three anchors' worth of the neighbour, or all of a short one: a
    # title's last words may run on into a subtitle in a sentence of the
    # report, "习近平抵达加德满都" / "开始对尼泊尔进行国事访问" in "…乘专机
    # 抵达加德满都，开始对尼泊尔…", but not the whole title.)
    k = SEQUENCE_ANCHORS * ref.k
    joined = ref.joined()
    return bool(prev and prev[-k:] + form in joined) or bool(nxt and form + nxt[:k] in joined)


def _repeated_more(texts: list[str], forms: list[str], ref: Reference) -> Counter:
    """How many more times one copy says each reference paragraph's text, as a paragraph or a sentence, than the reference holds it.

    A copy renders the article once, so where its paragraphs, or its
    sentences, say a clean paragraph's words more often than the clean
    text holds them, the article says them that many more times than the
    web text (a speech's address, "同志们、朋友们！", which the web text
    gives twice of three): so many of the copy's occurrences are new,
    wherever each one looks a duplicate.  Only whole paragraphs and
    sentences count: the title's words inside a paragraph only the copy
    has ("…公开选调公务员报名开始，考生可于…") are that paragraph's, and
    kept with it.  ``texts`` are one copy's paragraphs, ``forms`` their
    comparison forms.
    """
    wanted = {form for form in ref.forms if len(form) >= MIN_HEAD}
    said: Counter = Counter()
    for text, form in zip(texts, forms):
        if form in wanted:
            said[form] += 1
            continue
        for start, end in sentence_spans(text):
            sentence = comparison_form(text[start:end])[0]
            if sentence in wanted:
                said[sentence] += 1
    joined = ref.joined()
    more: Counter = Counter()
    for form, n in said.items():
        extra = n - joined.count(form)
        if extra > 0:
            more[form] = extra
    return more


def _keep_repeats_out_of_place(decisions: list, forms: list[str], repeated: Counter, ref: Reference) -> list:
    """Keep whole the copy paragraphs that repeat a clean paragraph once more than the clean text, where it lacks them.

    ``repeated`` (from :func:`_repeated_more`, less what sentences already
    kept) says how many occurrences of each clean paragraph's text are new.
    A dropped copy paragraph of that text is one of them where the
    reference sets neither of its neighbours in the copy beside it: the
    clean text's occurrences stand elsewhere.  One at the copy's edge has
    a neighbour on one side only and is left a duplicate: a copy cut off
    after the next copy's title (run into its section) says the title
    again there.  At most so many are kept, first come first; each is
    placed by its neighbours.  ``forms`` are the
    paragraphs' comparison forms, in the order of ``decisions``.
    """
    left = Counter(repeated)
    out = []
    for i, (form, (p, where, kept, coverage, best)) in enumerate(zip(forms, decisions)):
        prev = next((f for f in reversed(forms[:i]) if f), "")
        nxt = next((f for f in forms[i + 1 :] if f), "")
        if not kept and left[form] > 0 and prev and nxt and not _runs_on(form, prev, nxt, ref):
            left[form] -= 1
            out.append((p, (), p.text.strip(), coverage, None))
        else:
            out.append((p, where, kept, coverage, best))
    return out


# Content characters of a reference paragraph's opening that, found right
# after a heading's worth of text in a copy's sentence, show where that
# paragraph starts.
MIN_OPENING = 12


def _run_in_headings(
    text: str,
    form: str,
    offsets: tuple[int, ...],
    sentences: list[tuple[int, int]],
    ref: Reference,
    previous: str = "",
) -> tuple[list[tuple[int, int]], set[int]]:
    """Sentences cut where a reference paragraph starts after a heading only the copy has; the headings' indices.

    A copy's subheading that fills its printed line, over a paragraph whose
    indent the extraction dropped, shows no break: rejoin runs the two into
    one sentence ("结构不断优化，绿色发展动力强劲2018年，全国粮食总产量…").
    The reference shows where its paragraph starts: where, after a heading's
    worth of text ending on a word, the sentence goes on with the opening of
    a reference paragraph longer than a heading (or, after a heading's
    dash, is all of a heading-sized one).  The heading is then a
    sentence of its own, and is judged as a heading is: new unless the
    reference holds it whole, however its words recur elsewhere.  So is a
    heading-sized reference paragraph the paragraph opens with, where it
    follows ``previous`` (the copy's paragraph before, in comparison form)
    as in the reference (:func:`_opening_heading`).
    """
    # Paragraphs longer than a heading, by their openings.  A heading-sized
    # one (a subheading quoting the text's phrase, "英雄辈出、星光熠熠的激情
    # 岁月") recurs inside sentences by right: it counts only where it is all
    # of the sentence after a heading's dash (a list's short item under a
    # heading only the copy has: "…基础设施“硬联通”——" / "2018年9月23日，
    # 广深港高铁香港段正式通车；").  Where two share an opening, the longer
    # one's is kept.
    openings = {f[:MIN_OPENING]: f for f in sorted(ref.forms, key=len) if len(f) >= MIN_OPENING}
    # Heading-sized reference paragraphs: one the sentence opens with, run
    # into what follows with no mark between, is that heading (its mirror).
    short = {f for f in ref.forms if MIN_HEAD <= len(f) <= MAX_HEADING}
    out: list[tuple[int, int]] = []
    headings: set[int] = set()
    for start, end in sentences:
        lo = bisect.bisect_left(offsets, start)
        hi = bisect.bisect_left(offsets, end)
        cut = _opening_heading(text, form, offsets, lo, hi, short, previous, ref) if short and lo == 0 else None
        if cut is not None:
            headings.add(len(out))
            out.extend(((start, cut), (cut, end)))
            continue
        for at in range(lo + MIN_HEAD, min(lo + MAX_HEADING, hi - MIN_OPENING) + 1):
            opening = openings.get(form[at : at + MIN_OPENING])
            if opening is None:
                continue
            before = text[: offsets[at]].rstrip()
            if len(opening) > MAX_HEADING:
                # A heading ends on a word, not on a clause's mark ("…国家，",
                # "…日电日前，", a dateline's "（记者王明）").
                size = min(len(opening), hi - at)
                ends_heading = is_letter_or_digit(before[-1])
            elif at + len(opening) == hi and (
                before.endswith("——") or _two_headings(text, form, lo, hi, before, ref)
            ):
                size, ends_heading = len(opening), True
            else:
                continue
            if ends_heading and form[at : at + size] == opening[:size]:
                cut = offsets[at]
            break
        if cut is None:
            out.append((start, end))
        else:
            headings.add(len(out))
            out.extend(((start, cut), (cut, end)))
    return out, headings


# Marks no heading holds: a paragraph holding one is no two headings run
# together.  (A comma it may hold: "我国外贸仍然保持了较强的韧劲，前三季度呈逐季
# 攀升态势" is a subtitle.)
HEADING_FREE_MARKS = frozenset("。；！？;!?")


def _two_headings(text: str, form: str, lo: int, hi: int, before: str, ref: Reference) -> bool:
    """Whether a paragraph that ends with a heading-sized reference paragraph is two headings run together.

    A title block printed without paragraph marks reads as one line of
    text: a subtitle only the copy has runs into the next one, which the
    reference holds ("习近平同蒙古国总统巴特图勒嘎互致贺电李克强同蒙古国总理
    呼日勒苏赫互致贺电").  So: the sentence is the whole paragraph and holds
    no sentence's mark, as headings do not (a comma they may), what comes before
    the reference's heading is heading-sized and ends on a word, and the
    reference does not say the two together.  (A sentence ending in a
    short paragraph's words, "…正是这样一段无惧风浪立潮头，长春工业，昂首
    向前。", is no such pair.)
    """
    return (
        not any(c in HEADING_FREE_MARKS for c in text)
        and lo == 0
        and hi == len(form)
        and bool(before)
        and is_letter_or_digit(before[-1])
        and form[lo:hi] not in ref.joined()
    )


def _opening_heading(
    text: str,
    form: str,
    offsets: tuple[int, ...],
    lo: int,
    hi: int,
    headings: set[str],
    previous: str,
    ref: Reference,
) -> int | None:
    """Where a paragraph goes on past a heading-sized reference paragraph it opens with (text offset), or None.

    A subheading the clean text has as a paragraph of its own, over a
    paragraph only the copy has, run into it by the rejoin where no marker
    showed the break ("“我们正和中国朋友开展…行动”10月底，在科摩罗…"):
    the sentence is new, but its opening is the heading's duplicate.  Only
    where the copy's paragraph before ends as the reference paragraph
    before the heading does, as the heading's rendering would stand (a new
    sentence elsewhere may quote a heading and go on, and a name-sized
    heading, "林郑月娥：", opens many a sentence), where nothing but closing marks and
    spaces stand between the heading and what follows (a sentence that
    goes on with a comma uses the heading's words by right), and with at
    least :data:`MIN_OPENING` content characters after it, a character a
    lossy decode lost counting as one (it was a character of the text:
    "腾\ufdd0集团首席运营官任宇昕" is a byline's twelve).
    """
    for m in range(min(MAX_HEADING, hi - lo - 1), MIN_HEAD - 1, -1):
        heading = form[lo : lo + m]
        if heading not in headings or hi - lo - m + text.count(LOST, offsets[lo + m - 1] + 1) < MIN_OPENING:
            continue
        between = text[offsets[lo + m - 1] + 1 : offsets[lo + m]]
        if (
            all(ch in CLOSERS or ch.isspace() for ch in between)
            and not ends_with_mark(text[: offsets[lo + m]], SENTENCE_FINAL)
            and _follows(heading, previous, ref)
        ):
            return offsets[lo + m]
        return None
    return None


def _follows(form: str, previous: str, ref: Reference) -> bool:
    """Whether ``form`` is a reference paragraph whose paragraph before ends as ``previous`` (a copy paragraph's comparison form) does."""
    tail = previous[-SEQUENCE_ANCHORS * ref.k :]
    return bool(tail) and any(
        no > 0 and f == form and ref.forms[no - 1].endswith(tail) for no, f in enumerate(ref.forms)
    )


def _after_clean_line(text: str, lines: list[str]) -> str:
    """``text`` without the longest of ``lines`` that opens it (all of it where none does)."""
    head = max((line for line in lines if len(line) < len(text) and text.startswith(line)), key=len, default="")
    return text[len(head) :].strip()


# Shortest rest of a merged heading (content characters) that the clean text
# holds by containing it anywhere: shorter ones ("前三季度") recur as words.
MIN_HELD_REST = 8

# Shortest clean paragraph (content characters) taken to open a merged heading.
MIN_HEAD = 4

# Longest paragraph (content characters) dedup treats as a heading.
MAX_HEADING = 30


# Reference paragraphs, counted from the first, that make one place a duplicate
# sentence must stand in.
PLACE_SPAN = 3

# Share of a broken paragraph the reference must cover before the clean
# paragraph it matched decides where the paragraph's novel text goes.
MIN_PLACING_COVERAGE = 0.5

# Shortest paragraph (content characters) whose whole-line repeat is dropped.
MIN_REPEAT = 4

# Paragraphs at the head of the clean text whose repeats are a copy's.
HEAD_PARAGRAPHS = 4


def _drop_repeated_clean(clean: list[Paragraph]) -> tuple[list[Paragraph], list[DedupMatch]]:
    """Drop clean paragraphs that repeat an earlier one word for word.

    A copy too short to tell from clean text by its layout (a title and a
    subtitle printed on their own lines) still repeats the article line for line.
    Only lines that end no sentence are taken for such repeats: an article
    itself repeats a title-like line only by accident, but a speech repeats
    "同志们、朋友们！" and an essay its refrain, and those must stay.  The first
    occurrence stays.  Each drop is recorded as a match with coverage 1.0.

    A copy stands where copies stand: after the article, or right after the
    lines it repeats (a copy before the clean text, whose head the clean text
    then prints again).  A repeat with article text after it that is no
    repeat, and not right after what it repeats, is the article's own (an
    essay's title printed again over its byline, mid-head).
    """
    seen: dict[str, int] = {}
    # Each paragraph's earlier twin in the head, if it repeats one.
    twins: list[int | None] = []
    forms = [comparison_form(p.text)[0] for p in clean]
    originals = 0
    for n, (p, form) in enumerate(zip(clean, forms)):
        twin = seen.get(form) if len(form) >= MIN_REPEAT and not _ends_sentence(p.text) else None
        twins.append(twin)
        if twin is not None:
            continue
        # Only the article's head (title, subtitle, kicker) is what a copy
        # repeats: a table's cells ("副部长1") recur further down by right.
        if len(form) >= MIN_REPEAT and originals < HEAD_PARAGRAPHS:
            seen[form] = n
        originals += 1
    drop = set()
    i = 0
    while i < len(clean):
        if twins[i] is None:
            i += 1
            continue
        j = i
        while j < len(clean) and twins[j] is not None:
            j += 1
        # A run of repeats [i, j): the copy's, where it closes the clean text
        # or follows the very lines it repeats (a page's number between,
        # "- 2 -", holds no words of the article).
        between = range(twins[j - 1] + 1, i)
        if j == len(clean) or all(len(forms[n]) < MIN_REPEAT for n in between):
            drop.update(range(i, j))
        i = j
    kept = [p for n, p in enumerate(clean) if n not in drop]
    # (A match names its twin by its number among the kept paragraphs.)
    number = {n: m for m, n in enumerate(n for n in range(len(clean)) if n not in drop)}
    dropped = [DedupMatch(clean[n].start, clean[n].end, (number[twins[n]],), 1.0, "") for n in sorted(drop)]
    return kept, dropped


def _ends_sentence(text: str) -> bool:
    """Whether a paragraph's last mark, closing quotes and brackets aside, ends a sentence or clause."""
    return ends_with_mark(text, SENTENCE_FINAL)


def _matched_paragraphs(votes: Counter, n_clean: int) -> tuple[int, ...]:
    """Clean paragraphs that hold a real share of the anchors (not stray common k-grams).

    A broken paragraph can span two clean ones (a merged paragraph) or share a
    phrase with a third; only paragraphs with at least a quarter of the best
    paragraph's anchors count as matched.
    """
    clean_votes = {no: v for no, v in votes.items() if no < n_clean}
    if not clean_votes:
        return ()
    best = max(clean_votes.values())
    return tuple(sorted(no for no, v in clean_votes.items() if v >= max(2, best / 4) or v == best))


def _uncovered_sentences(
    text: str,
    form: str,
    offsets: tuple[int, ...],
    covered: list[bool],
    hits: list[list[int]] | None,
    ref: Reference,
    threshold: float,
    repeated: Counter | None = None,
    previous: str = "",
) -> str:
    """What of ``text`` the reference lacks: uncovered sentences, and long uncovered runs inside covered ones.

    A sentence is a duplicate only where one place of the reference (a paragraph
    and the next one or two) holds at least ``threshold`` of it, or the reference
    holds it whole, in one piece: phrases an article repeats here and there
    ("国家治理体系和治理能力现代化") must not add up to a sentence it never
    wrote.  A covered sentence can still hold a stretch the
    reference lacks (a clean title joined to the copy's last sentence, a header
    line): any uncovered run of at least :data:`MIN_NOVEL_RUN` content characters
    is kept too, so that a duplicate sentence never takes new text with it;
    where that run joins two pieces the reference never writes side by side
    (:func:`_separates`), the whole sentence is new and kept.  A short
    duplicate sentence between two new ones stays with them.

    Characters a lossy decode could not restore (:data:`LOST`) cut the
    sentence's anchors short; the stretches between them are looked up whole
    (:func:`_cover_around_holes`), so a damaged copy of a clean sentence is
    still a duplicate.

    ``repeated`` counts the clean paragraphs' texts the copy says more often
    than the clean text (:func:`_repeated_more`); a sentence kept as one of
    them is taken off the count.  ``previous`` is the copy's paragraph
    before, in comparison form (see :func:`_run_in_headings`).
    """
    k = ref.k
    # Each sentence's verdict: ("whole", span), ("marks", span), or ("pieces",
    # [spans]) (none: a duplicate), with its content size.
    verdicts: list[tuple[str, list[tuple[int, int]], int]] = []
    sentences, headings = _run_in_headings(text, form, offsets, _note_apart(text, sentence_spans(text), ref), ref, previous)
    sentence_forms = []
    # Share of each sentence one place of the reference holds.
    held: list[float] = []
    for no, (start, end) in enumerate(sentences):
        lo = bisect.bisect_left(offsets, start)
        hi = bisect.bisect_left(offsets, end)
        n = hi - lo
        sentence_forms.append(form[lo:hi])
        held.append(0.0)
        if n == 0:
            verdicts.append(("marks", [(start, end)], 0))
            continue
        if no in headings:
            verdicts.append(("pieces", [], n) if form[lo:hi] in ref.joined() else ("whole", [(start, end)], n))
            continue
        mask = covered[lo:hi] if hits is None else _best_place_mask(lo, hi, hits, k)
        if not all(mask) and ref.paragraphs_spanned(form[lo:hi]) > PLACE_SPAN:
            # Held whole, in order, across more paragraphs than a place
            # spans: short paragraphs (a list, a timeline) the copy ran into
            # one, no marker having shown their breaks.  (Across fewer, a
            # place would have held it; a short sentence stands whole in
            # some longer one by chance: "泰兴：" in "泰兴市…".)
            mask = [True] * n
        if LOST in text[start:end] and not all(mask):
            mask = _cover_around_holes(text, form, offsets, lo, hi, mask, ref.joined())
        held[-1] = sum(mask) / n
        if sum(mask) / n < threshold or (
            # Held whole, in a paragraph the reference mostly lacks, means
            # held in one piece: anchors from two neighbouring paragraphs
            # ("促进出口商品结构…" and "…更加优化。今年以来") can spell a
            # short sentence the article never wrote.
            threshold >= 1.0 and LOST not in text[start:end] and form[lo:hi] not in ref.joined()
        ):
            verdicts.append(("whole", [(start, end)], n))
            continue
        runs = []
        t = 0
        while t < n:
            if mask[t]:
                t += 1
                continue
            u = t
            while u < n and not mask[u]:
                u += 1
            if u - t >= MIN_NOVEL_RUN:
                runs.append((t, u))
            t = u
        if (
            LOST not in text[start:end]
            and any(0 < t and u < n and _separates(form, lo + t, lo + u, ref) for t, u in runs)
            and form[lo:hi] not in ref.joined()
        ):
            # New words between two pieces the reference never writes side by
            # side: the sentence is the copy's own, spelled partly with the
            # article's phrases (a standfirst), not a clean sentence with
            # something inserted.
            verdicts.append(("whole", [(start, end)], n))
            continue
        pieces = [(offsets[lo + t], offsets[lo + u] if lo + u < len(offsets) and u < n else end) for t, u in runs]
        verdicts.append(("pieces", pieces, n))
    # A short sentence the reference holds, between two new sentences of the
    # paragraph: "萨利姆先生说。" recurs all over an interview, and held
    # anywhere is no sign that the clean text holds it here.
    content = [i for i, (_, _, n) in enumerate(verdicts) if n]
    for a, b, c in zip(content, content[1:], content[2:]):
        kind, spans, n = verdicts[b]
        if kind == "pieces" and not spans and n < MAX_SHORT_SENTENCE and verdicts[a][0] == verdicts[c][0] == "whole":
            verdicts[b] = ("whole", [sentences[b]], n)
    # So too at the paragraph's edge, beside its new sentence ("坚定理想信念。"
    # opening a paragraph, "克瓦希涅夫斯基说。" closing one), unless the
    # reference holds the sentence as a paragraph of its own: a short
    # paragraph the copy ran into the new one ("砥柱中流，折冲千里。").  New
    # means mostly new: a clean sentence damaged past matching (mojibake
    # left in it) is still largely held, and its neighbour is its twin's.
    if len(content) >= 2:
        paragraphs = None
        for b, a in ((content[0], content[1]), (content[-1], content[-2])):
            kind, spans, n = verdicts[b]
            if (
                kind == "pieces"
                and not spans
                and n < MAX_SHORT_SENTENCE
                and verdicts[a][0] == "whole"
                and held[a] < MIN_PLACING_COVERAGE
            ):
                paragraphs = paragraphs if paragraphs is not None else set(ref.forms)
                if sentence_forms[b] not in paragraphs:
                    verdicts[b] = ("whole", [sentences[b]], n)
    # At the edge, beside a duplicate, a whole clean paragraph's text that
    # the copy says more often than the clean text, where the reference does
    # not run it on from that neighbour: a short paragraph (a speech's
    # address) the copy's rejoin ran into the one beside it, which the web
    # text lacks here.
    if len(content) >= 2 and repeated:
        for b, a, last in ((content[0], content[1], False), (content[-1], content[-2], True)):
            kind, spans, n = verdicts[b]
            sentence = sentence_forms[b]
            if (
                kind == "pieces"
                and not spans
                and verdicts[a][0] == "pieces"
                and repeated[sentence] > 0
                and not _runs_on(sentence, sentence_forms[a] if last else "", "" if last else sentence_forms[a], ref)
            ):
                repeated[sentence] -= 1
                verdicts[b] = ("whole", [sentences[b]], n)
    kept = []
    last_kept = True
    any_content = False
    for kind, spans, _ in verdicts:
        if kind == "marks":
            # Marks alone (a quotation mark cut off the sentence it closes)
            # go with the sentence before them.
            if last_kept:
                kept.append(text[spans[0][0] : spans[0][1]])
            continue
        last_kept = kind == "whole"
        any_content = any_content or bool(spans)
        kept.extend(text[a:b] for a, b in spans)
    # Marks with no sentence kept beside them are nothing to keep.
    return "".join(kept).strip() if any_content else ""


def _note_apart(text: str, sentences: list[tuple[int, int]], ref: Reference) -> list[tuple[int, int]]:
    """``sentences``, with a bracketed note the reference sets as a paragraph of its own cut from the last, after a lost character.

    A lossy copy lost a paragraph's stop, and rejoin, seeing none, ran the
    author's note under it on ("…的认识" LOST "（作者为…研究员）", ours 0
    #47): the note is the clean text's paragraph, the sentence the copy's
    own.  Only where the reference holds the note alone: a column's tag
    after a title's lost last character ("…治理价" LOST "（人民观点）") is
    part of the clean title, and the two are looked up together.
    """
    if not sentences or LOST not in text:
        return sentences
    start, end = sentences[-1]
    note = text.rfind(LOST + "（", start, end)
    if note < 0 or not is_closing_note(text[note + 1 : end].rstrip()):
        return sentences
    if comparison_form(text[note + 1 : end])[0] not in set(ref.forms):
        return sentences
    return [*sentences[:-1], (start, note + 1), (note + 1, end)]


# Content characters below which a duplicate sentence between two new ones
# is kept with them.
MAX_SHORT_SENTENCE = 12


def _separates(form: str, a: int, b: int, ref: Reference) -> bool:
    """Whether the reference lacks ``form``'s text on each side of a, b joined: what lies between them separates two pieces.

    A header line or a note inside a copied sentence leaves the sentence whole
    once it is taken out; new words that join two phrases from different places
    do not.
    """
    k = ref.k
    return form[max(0, a - k) : a] + form[b : b + k] not in ref.joined()


def _holed(text: str) -> re.Pattern[str] | None:
    """``text``'s comparison form as a pattern in which each character a lossy decode lost (:data:`LOST`) is one or two characters; None where none was lost.

    A lost character stands for the one the bytes held, a mark or a letter
    (a lost mark's place may have held two, "——").
    """
    if LOST not in text:
        return None
    return re.compile(".{1,2}".join(re.escape(comparison_form(piece)[0]) for piece in text.split(LOST)))


def _cover_around_holes(
    text: str, form: str, offsets: tuple[int, ...], lo: int, hi: int, mask: list[bool], reference: str
) -> list[bool]:
    """Extend ``mask`` (form positions lo..hi) over the stretches between lost characters that the reference holds.

    A stretch of two or more characters between holes is covered when it stands
    in the reference as it is; a single character between two covered
    stretches is covered too (the hole on each side is what cut it off).
    """
    pieces: list[tuple[int, int]] = []
    a = lo
    for p in range(lo + 1, hi):
        if LOST in text[offsets[p - 1] + 1 : offsets[p]]:
            pieces.append((a, p))
            a = p
    pieces.append((a, hi))
    out = list(mask)
    done = []
    for a, b in pieces:
        whole = all(out[a - lo : b - lo]) or (b - a >= 2 and form[a:b] in reference)
        if whole:
            out[a - lo : b - lo] = [True] * (b - a)
        done.append(whole)
    for n, (a, b) in enumerate(pieces):
        if b - a == 1 and 0 < n < len(pieces) - 1 and done[n - 1] and done[n + 1]:
            out[a - lo] = True
    return out


def _best_match(where: tuple[int, ...], votes: Counter, last: int) -> int | None:
    """The clean paragraph a broken paragraph stands for.

    A copy follows the article's order, so among the matched paragraphs the
    first one at or after the previous paragraph's match wins, by votes (a
    phrase shared with a later paragraph must not pull it forward); ties go to
    the earlier paragraph.
    """
    if not where:
        return None
    ahead = [no for no in where if no >= last] or list(where)
    return max(ahead, key=lambda no: (votes[no], -no))


def _best_place_mask(lo: int, hi: int, hits: list[list[int]], k: int) -> list[bool]:
    """Coverage of form positions lo..hi by the anchors of the one place that covers them most.

    A place is a reference paragraph with the next ones, :data:`PLACE_SPAN` in
    all (a copy can merge short paragraphs, and an anchor across a join votes
    for the later one).  Linear in the anchors: each anchor is filed under the
    places it belongs to, then each place's anchors are merged once.
    """
    first = max(0, lo - k + 1)
    last = min(hi, len(hits))
    by_place: dict[int, list[int]] = defaultdict(list)
    for j in range(first, last):
        for no in hits[j]:
            for place in range(max(0, no - PLACE_SPAN + 1), no + 1):
                if not by_place[place] or by_place[place][-1] != j:
                    by_place[place].append(j)
    best: list[bool] = [False] * (hi - lo)
    best_n = 0
    for starts in by_place.values():
        if len(starts) * k <= best_n:
            continue
        mask = [False] * (hi - lo)
        for j in starts:
            for t in range(max(j, lo), min(j + k, hi)):
                mask[t - lo] = True
        n = sum(mask)
        if n > best_n:
            best, best_n = mask, n
    return best


# A copy paragraph is a clean paragraph's twin (the copy's rendering of it)
# when it duplicates that paragraph alone and is this close to it in size.
TWIN_SIZE = 0.15


def _keep_second_occurrences(decisions: list, forms: list[str], clean_sizes: list[int], ref: Reference) -> list:
    """Keep whole the copy paragraphs that repeat text of a clean paragraph the copy already renders on its own.

    One copy renders each paragraph of the article once.  Where it renders a
    clean paragraph whole (its twin) and, in another paragraph, text of that
    same clean paragraph again, the article wrote that text twice: a
    standfirst that the news agency's lead then repeats ("听取…汇报" and
    "新华社北京…电 国务院总理…，听取…汇报"), and the clean body holds it
    once; so too where it repeats text of several clean paragraphs the copy
    renders each on its own (a standfirst spelled with sentences from further
    on).  The same holds where only the part the paragraph would lose repeats
    the twin (a paragraph only the copy has, which opens by quoting the
    subheading the copy also prints: "“…发展故事。中国发布白皮书…”").  The
    second occurrence is what the web text lacks; it is kept whole and placed
    by its neighbours.  Twins of one another (a repeated running
    title) are all twins, so none is kept.  Nor is text the reference
    writes, whole, as often as the copy does: the clean text says it twice
    too (a signature, "…管委会2019年10月17日", whose words the title holds,
    which the copy printed apart from the paragraph it closes).  ``forms``
    are the paragraphs' comparison forms, in the order of ``decisions``.
    """
    # A twin renders one clean paragraph whole: the one it was placed by, of
    # its size (a subtitle whose words one later paragraph says again matched
    # that paragraph too; one that matched more is a mixture, no twin).
    is_twin = [
        not kept
        and best is not None
        and len(where) <= MAX_TWIN_MATCHES
        and abs(len(form) - clean_sizes[best]) <= TWIN_SIZE * clean_sizes[best]
        for form, (_, where, kept, _, best) in zip(forms, decisions)
    ]
    twins: dict[int, str] = {}  # clean paragraph -> the copy's twin of it, in comparison form
    for form, twin, (*_, best) in zip(forms, is_twin, decisions):
        if twin:
            twins.setdefault(best, form)
    copy = "".join(forms)
    out = []
    for form, own_twin, (p, where, kept, coverage, best) in zip(forms, is_twin, decisions):
        # Each clean paragraph it matched rendered on its own (a standfirst
        # may say again sentences of several).
        twin = "\n".join(twins[no] for no in where) if where and not own_twin and all(no in twins for no in where) else None
        dropped = _dropped(form, kept) if twin is not None and len(form) >= MIN_SECOND_OCCURRENCE else ""
        if dropped and _repeats(dropped, twin) and copy.count(dropped) > ref.joined().count(dropped):
            out.append((p, (), p.text.strip(), coverage, None))
        else:
            out.append((p, where, kept, coverage, best))
    return out


def _keep_out_of_order(
    decisions: list, forms: list[str], clean_sizes: list[int], clean_texts: list[str] | None = None
) -> list:
    """Keep whole the copy paragraphs whose duplicate text the clean body holds only far from their place.

    A copy renders the article in order.  A paragraph between two that
    render clean paragraphs a and b whole (twins, or runs of neighbours the
    copy ran into one paragraph), a paragraph or two apart, stands, in the
    article, between a and b; where the text it shares with the clean body
    stands only before a or after b, the article says it twice (a standfirst its
    last paragraph says again, a summary of figures given further on) and
    the web text lacks it here.  Where nothing after it renders a
    paragraph (a copy of the article's first paragraphs only), its place is
    right after the paragraph before it.  It is kept whole and placed by its
    neighbours.  ``forms`` are the paragraphs' comparison forms, in the
    order of ``decisions``; ``clean_texts``, where given, the clean
    paragraphs' text, whose sentences tell a twin from a paragraph that
    says all but one of them again (see :func:`_lacks_edge_sentence`).
    """

    def renders(form: str, lo: int, hi: int) -> bool:
        # Of the size of clean paragraphs lo to hi, and saying their first
        # and last sentences: a standfirst that is a paragraph less its
        # opening sentence ("难忘军运，难忘武汉。") is of its size too.
        size = sum(clean_sizes[lo : hi + 1])
        return abs(len(form) - size) <= TWIN_SIZE * size and (
            clean_texts is None or not _lacks_edge_sentence(form, "".join(clean_texts[lo : hi + 1]))
        )

    def twin_of(form: str, no: int) -> bool:
        return renders(form, no, no)

    def rendered(form: str, where: tuple[int, ...], kept: str, best: int | None) -> tuple[int, int] | None:
        # The clean paragraphs it renders whole: the one it was placed by, or
        # a run of neighbours the copy ran into one (no marker showed their
        # breaks), their sizes adding up to its own.
        if kept or best is None or len(form) < MIN_ORDER_TWIN:
            return None
        if twin_of(form, best):
            return best, best
        # The place a match is taken from follows the copy's order, which a
        # paragraph out of order before this one led astray (the very kind
        # sought here): the one clean paragraph of its size it matched is the
        # one it renders, where it says that paragraph's words (a signature
        # only the copy has, "…指数研究课题组", matches the title it all but
        # repeats and, by a phrase, a table's caption of its size, "表2…";
        # the clean text's closing signature and date, "…管委会2019年10月17日",
        # is of the size of the title whose words it repeats).
        sized = [
            no
            for no in where
            if twin_of(form, no)
            and (clean_texts is None or _repeats(form, comparison_form(clean_texts[no])[0], EDGE_SENTENCE_K, TWIN_SHARE))
        ]
        if len(sized) == 1:
            return sized[0], sized[0]
        lo, hi = min(where), max(where)
        if hi - lo + 1 == len(where) and renders(form, lo, hi):
            return lo, hi
        return None

    def renders_whole(form: str, where: tuple[int, ...], coverage: float) -> bool:
        # A copy paragraph that renders a clean paragraph of its size whole
        # is that paragraph, wherever the copy set it (a table's heading or a
        # caption floats): only text that repeats part of a far paragraph is
        # the article saying it twice.
        return coverage >= WHOLE_COVERAGE and any(twin_of(form, no) for no in where)

    spans = [rendered(form, where, kept, best) for form, (_, where, kept, _, best) in zip(forms, decisions)]
    out = []
    for i, (form, (p, where, kept, coverage, best)) in enumerate(zip(forms, decisions)):
        # With nothing rendered on one side, the article's edge stands there
        # (a copy whose cut title renders nothing whole opens the article; a
        # copy may end with its last paragraph): the gap check still asks
        # that the other side render a paragraph next to that edge.
        before = next((t[1] for t in reversed(spans[:i]) if t is not None), -1)
        after = next((t[0] for t in spans[i + 1 :] if t is not None), len(clean_sizes))
        # A copy may render only the article's first paragraphs (the
        # sample's covers a third): where nothing after renders a paragraph,
        # this one's place is right after the one before it, as that one's
        # match placed it (a subtitle a flag kept from being a twin still
        # renders its paragraph).  Not where it says how a paragraph it
        # matched opens: the copy's cut may fall there, after a paragraph it
        # left out or ran into this one.
        if (
            after == len(clean_sizes)
            and i
            and decisions[i - 1][4] is not None
            and clean_texts is not None
            and not any(_says_opening(form, clean_texts[no]) for no in where)
        ):
            before = max(before, decisions[i - 1][4])
            after = min(after, before + MAX_ORDER_GAP)
        if (
            where
            and spans[i] is None
            and len(form) >= MIN_SECOND_OCCURRENCE
            and 0 < after - before <= MAX_ORDER_GAP
            and all(no < before or no > after for no in where)
            and not renders_whole(form, where, coverage)
        ):
            out.append((p, (), p.text.strip(), coverage, None))
        else:
            out.append((p, where, kept, coverage, best))
    return out


# Share of a copy paragraph's k-grams a clean paragraph of its size must
# hold for the copy paragraph to be its rendering: damage here and there
# (a flag, a lost byte) leaves most of them.
TWIN_SHARE = 0.8

# Twins at most this many clean paragraphs apart pin the place between them
# (a table or a figure may stand elsewhere in the copy than in the web text,
# so twins far apart say little).
MAX_ORDER_GAP = 2

# Share of a copy paragraph the reference covers for it to render a clean
# paragraph of its size whole.
WHOLE_COVERAGE = 0.9

# Shortest twin (content characters) that shows the copy's place in the
# article: a title does; a name or a figure may stand anywhere.
MIN_ORDER_TWIN = 8


# Characters in a row by which a sentence shows in a paragraph.
EDGE_SENTENCE_K = 4


def _drop_kept_by_another_copy(decisions: list, forms: list[str], kept_elsewhere: set[str]) -> list:
    """Drop the copy paragraphs kept whole that another copy's paragraph, kept as new, says word for word.

    The passes that keep a paragraph whole as the article saying something
    twice (:func:`_keep_out_of_order` and the rest) weigh what it shares
    with the clean text: a page's source line shares its date with the
    title ("…10月15日在福州开幕"), far from its place.  Where the document
    holds two copies, the first copy's own paragraph, kept, is the second's
    twin: one copy does not repeat itself, so the second says it again.
    ``forms`` are the paragraphs' comparison forms; ``kept_elsewhere``, the
    forms other copies kept.
    """
    if not kept_elsewhere:
        return decisions
    out = []
    for form, (p, where, kept, coverage, best) in zip(forms, decisions):
        if kept and kept == p.text.strip() and form in kept_elsewhere:
            kept = ""
        out.append((p, where, kept, coverage, best))
    return out


def _drop_lost_between_duplicates(decisions: list) -> list:
    """Drop the copy paragraphs that hold only lost characters beside duplicates.

    A lossy decode leaves a character it could not restore (:data:`LOST`,
    or U+FFFD for a quotation mark) where it stood, and the rejoin may give
    one cut off from its words (a title's last bracket, an indent) a
    paragraph of its own.  With no words to match, dedup would keep it as
    text the clean body lacks.  Between paragraphs the clean body holds
    whole (or next to one, at the section's edge) it is a character of the
    duplicated text, which the clean body writes undamaged: dropping it loses
    nothing.  Beside text only the copy has, it stays, flagged.
    """
    out = list(decisions)
    for m, (p, where, kept, coverage, best) in enumerate(decisions):
        if not damage_only(kept):
            continue
        neighbours = [decisions[n][2] for n in (m - 1, m + 1) if 0 <= n < len(decisions)]
        if neighbours and not any(neighbours):
            out[m] = (p, where, "", coverage, best)
    return out


def _lacks_edge_sentence(form: str, text: str) -> bool:
    """Whether ``form`` (a copy paragraph's comparison form) says nothing of the first or the last sentence of ``text``.

    A copy renders a paragraph whole, damaged here and there (a flag, a
    lost byte), so each of its sentences keeps a few characters in a row;
    a paragraph that lacks a whole sentence at an edge says the rest again.
    """
    spans = sentence_spans(text)
    if len(spans) < 2:
        return False
    k = EDGE_SENTENCE_K
    for lo, hi in (spans[0], spans[-1]):
        sentence = comparison_form(text[lo:hi])[0]
        if len(sentence) >= MIN_HEAD and not any(sentence[j : j + k] in form for j in range(len(sentence) - k + 1)):
            return True
    return False


def _says_opening(form: str, text: str) -> bool:
    """Whether ``form`` (a copy paragraph's comparison form) holds the first characters of ``text``, a paragraph."""
    opening = comparison_form(text)[0][:EDGE_SENTENCE_K]
    return len(opening) == EDGE_SENTENCE_K and opening in form


def _dropped(form: str, kept: str, k: int = 6) -> str:
    """The part of ``form`` (comparison form) that keeping only ``kept`` would drop.

    Taken as the run of ``form`` from its first k-gram that ``kept`` lacks to
    its last: the sentences judged duplicates, with what lies between them.
    """
    if not kept:
        return form
    held = comparison_form(kept)[0]
    lacking = [j for j in range(len(form) - k + 1) if form[j : j + k] not in held]
    return form[lacking[0] : lacking[-1] + k] if lacking else ""


def _repeats(form: str, twin: str, k: int = 6, share: float = 0.5) -> bool:
    """Whether at least ``share`` of ``form``'s k-grams stand in ``twin``: it says again what the twin says.

    A piece of the clean paragraph the twin lacks (the copy's rejoin cut the
    paragraph in two) shares nothing with the twin, and is no repeat.
    """
    grams = [form[j : j + k] for j in range(len(form) - k + 1)]
    return bool(grams) and sum(g in twin for g in grams) >= share * len(grams)


# Most clean paragraphs a twin may match: the one it renders, and one that
# says its words again.
MAX_TWIN_MATCHES = 2

# Shortest copy paragraph (content characters) taken for a second occurrence:
# shorter ones (a name, a figure) recur by chance.
MIN_SECOND_OCCURRENCE = 16


def _anchors(decisions: list, merges: list, section_start: int, clean_lines: list[int]) -> list[int]:
    """Clean paragraph index after which each paragraph's kept text goes (-1: before all).

    A matched paragraph anchors to the clean paragraph it stands for (the
    text it keeps, to the side of its match that text stood on); an
    unmatched one to the nearest matched paragraph before it in its section,
    or just before the nearest one after it where the section stands before
    that clean paragraph in the input (else where the section stands); a
    section with no match at all stays where it stands in the input relative
    to the clean paragraphs.  Two passes, forward and backward, find the
    nearest matches.
    """
    bests = [best for *_, best in decisions]
    # A copy paragraph that merged consecutive clean paragraphs (no marker
    # showed the break between them) stands for all of them: what follows it
    # follows the last, what precedes it precedes the first.
    spans = [span if best is not None else None for span, best in zip(merges, bests)]
    by_position = bisect.bisect_left(clean_lines, section_start) - 1
    before: list[int | None] = []
    seen: int | None = None
    for span in spans:
        before.append(seen)
        if span is not None:
            seen = span[1]
    after: list[int | None] = [None] * len(bests)
    seen = None
    for i in range(len(bests) - 1, -1, -1):
        after[i] = seen
        if spans[i] is not None:
            seen = spans[i][0]
    anchors = []
    for (p, _, kept, _, _), span, best, b, a in zip(decisions, spans, bests, before, after):
        if span is not None:
            # What a matched paragraph keeps (text the clean one lacks, merged
            # into it by the copy) goes on the side of the match it stood on.
            text = p.text.strip()
            if kept and kept != text and text.startswith(kept):
                anchors.append(span[0] - 1)
            elif kept and kept != text and text.endswith(kept):
                anchors.append(span[1])
            else:
                anchors.append(best)
        elif b is not None:
            anchors.append(b)
        elif a is not None:
            # Just before the first match, unless the section stands after
            # that clean paragraph in the input: then a paragraph before any
            # match is most likely the clean text's end, run into the copy.
            anchors.append(a - 1 if by_position < a else by_position)
        else:
            anchors.append(by_position)
    return anchors


def _span(best: int | None, votes: Counter, clean_sizes: list[int], k: int) -> tuple[int, int] | None:
    """The consecutive clean paragraphs around ``best`` that a copy paragraph holds (None if unmatched).

    A neighbour counts where the copy paragraph holds at least
    :data:`MERGED_SHARE` of its k-grams: the copy merged the two (no marker
    showed the break between them).  A phrase shared with a neighbour makes
    no merge.
    """
    if best is None:
        return None

    def held(no: int) -> bool:
        return 0 <= no < len(clean_sizes) and votes[no] >= MERGED_SHARE * max(1, clean_sizes[no] - k + 1)

    lo = hi = best
    while held(lo - 1):
        lo -= 1
    while held(hi + 1):
        hi += 1
    return lo, hi


# Share of a clean paragraph's k-grams a copy paragraph must hold to have merged it.
MERGED_SHARE = 0.5


def _check_quotes(p: Paragraph, clean_texts: list[str]) -> tuple[int, int]:
    """(agreeing, disagreeing) restored quotes of ``p`` against the clean paragraphs.

    A restored quote is compared with the quote that stands between the same
    content characters in the clean text; one with no such counterpart is not
    counted either way.
    """
    if not p.restored:
        return 0, 0
    contexts: dict[tuple[str, str, int], str] = {}
    for text in clean_texts:
        for i, ch in enumerate(text):
            if ch in QUOTES:
                contexts.setdefault(_context(text, i), ch)
    agree = disagree = 0
    for i in p.restored:
        expected = contexts.get(_context(p.text, i))
        if expected is None:
            continue
        if expected == p.text[i]:
            agree += 1
        else:
            disagree += 1
    return agree, disagree


def _context(text: str, i: int, width: int = 3) -> tuple[str, str, int]:
    """Up to ``width`` content characters on each side of position i, and i's place in its run of quotes.

    Quotes and space are skipped in the context; the run index tells the two marks
    of ``”“`` apart, which share their context characters.
    """
    run = 0
    while i - run - 1 >= 0 and (text[i - run - 1] in QUOTES or text[i - run - 1] == "\ufffd"):
        run += 1
    left = []
    j = i - 1
    while j >= 0 and len(left) < width:
        if text[j] not in QUOTES and not text[j].isspace() and text[j] != "\ufffd":
            left.append(text[j])
        j -= 1
    right = []
    j = i + 1
    while j < len(text) and len(right) < width:
        if text[j] not in QUOTES and not text[j].isspace() and text[j] != "\ufffd":
            right.append(text[j])
        j += 1
    return "".join(reversed(left)), "".join(right), run

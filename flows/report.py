"""What a run shows in the Prefect UI: its summary, the documents table, the excerpts.

Pure functions from the documents' records (:class:`flows.inbox.Outcome`) to
dicts and markdown; the flows only hand their output to Prefect's artifact
calls.  Every number here comes from the library's own reports, summed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable

from .inbox import EXCERPT_CHARS, REPAIR_KINDS, Outcome, repairs

# Rows of the documents table: enough to browse, bounded so that a run over
# ten thousand documents does not send the UI a table it cannot show.
MAX_TABLE_ROWS = 500

__all__ = [
    "MAX_TABLE_ROWS",
    "document_rows",
    "document_rows_description",
    "excerpts_markdown",
    "file_markdown",
    "run_summary",
    "status_counts",
    "summary_markdown",
    "sum_counts",
]


def sum_counts(records: Iterable[dict[str, Any]]) -> dict[str, int]:
    """Add up the report counters of the successful records (key order kept)."""
    total: dict[str, int] = {}
    for record in records:
        for key, value in (record.get("report") or {}).items():
            total[key] = total.get(key, 0) + value
    return total


def run_summary(inbox: Path, outbox: Path, outcomes: list[Outcome], *, known: int, elapsed: float) -> dict[str, Any]:
    """The run's numbers: documents by status, bytes, time, throughput and summed counters."""
    records = [o.record for o in outcomes]
    by_status = {s: sum(r["status"] == s for r in records) for s in ("ok", "failed", "timeout", "error")}
    size = sum(r.get("size", 0) for r in records)
    return {
        "inbox": str(inbox),
        "outbox": str(outbox),
        "processed": len(records),
        "ok": by_status["ok"],
        "failed": by_status["failed"],
        "timeouts": by_status["timeout"],
        "errors": by_status["error"],
        "skipped": known,
        "bytes": size,
        "seconds": round(elapsed, 3),
        "documents_per_second": round(len(records) / elapsed, 1) if elapsed > 0 else None,
        "counts": sum_counts(records),
        "failures": [{"name": r["name"], "status": r["status"], "reason": r["reason"]} for r in records
                     if r["status"] != "ok"],
    }


def status_counts(summary: dict[str, Any]) -> str:
    """"2 ok, 1 failed, 0 errors": the documents by status (timeouts only when there are some)."""
    timeouts = f"{summary['timeouts']} timed out, " if summary.get("timeouts") else ""
    return f"{summary['ok']} ok, {summary['failed']} failed, {timeouts}{summary['errors']} errors"


def summary_markdown(summary: dict[str, Any]) -> str:
    """The ``clean-inbox-summary`` artifact: what the run did, in a page."""
    mb = summary["bytes"] / 1e6
    rate = summary["documents_per_second"]
    lines = [
        "# clean-inbox",
        "",
        f"- inbox: `{summary['inbox']}`",
        f"- outbox: `{summary['outbox']}`",
        f"- documents processed: **{summary['processed']}** ({status_counts(summary)}); "
        f"already done before this run: {summary['skipped']}",
        f"- input: {mb:.2f} MB in {summary['seconds']:.1f} s"
        + (f" ({rate} documents/s, {mb / summary['seconds']:.2f} MB/s)" if rate else ""),
        "",
        "## Repairs by kind",
        "",
        "| repair | total |",
        "| --- | ---: |",
    ]
    counts = summary["counts"]
    lines += [f"| {kind} | {counts.get(kind, 0)} |" for kind in REPAIR_KINDS]
    left = {k: counts[k] for k in ("fffd_left", "lost_chars_flagged", "unrecoverable_kunkao", "unrecoverable_cid",
                                   "unrecoverable_fffd_runs") if counts.get(k)}
    if left:
        lines += ["", "Flagged, not restored: " + ", ".join(f"{k} {v}" for k, v in left.items())]
    if summary["failures"]:
        lines += ["", "## Failures", "", "| document | status | reason |", "| --- | --- | --- |"]
        lines += [f"| `{f['name']}` | {f['status']} | {_cell(f['reason'])} |" for f in summary["failures"]]
    return "\n".join(lines) + "\n"


def document_rows(outcomes: list[Outcome]) -> list[dict[str, Any]]:
    """The ``clean-inbox-documents`` table: one row per document, its main repairs first."""
    rows = []
    for outcome in outcomes[:MAX_TABLE_ROWS]:
        r = outcome.record
        counts = r.get("report") or {}
        main = sorted((k for k in REPAIR_KINDS if counts.get(k)), key=lambda k: -counts[k])[:3]
        rows.append({
            "document": r["name"],
            "status": r["status"],
            "repairs": repairs(counts),
            "main repairs": ", ".join(f"{k} {counts[k]}" for k in main) or ("-" if r["status"] == "ok" else r["reason"]),
            "sections": len(r.get("sections") or ()),
            "chars out": r.get("chars_out", 0),
        })
    return rows


def document_rows_description(outcomes: list[Outcome]) -> str:
    """Say when the table shows only the first rows."""
    if len(outcomes) > MAX_TABLE_ROWS:
        return f"first {MAX_TABLE_ROWS} of {len(outcomes)} documents (all are in manifest.jsonl)"
    return f"{len(outcomes)} documents"


def excerpts_markdown(outcomes: list[Outcome], n: int) -> str:
    """Before/after excerpts of the ``n`` documents with the most repairs."""
    shown = sorted((o for o in outcomes if o.after), key=lambda o: -repairs(o.record["report"]))[:n]
    if not shown:
        return "# Before and after\n\nNo document was repaired in this run.\n"
    lines = ["# Before and after", ""]
    for o in shown:
        lines += [f"## `{o.record['name']}` ({repairs(o.record['report'])} repairs)", ""]
        lines += _excerpt_block("input", o.before) + _excerpt_block("output", o.after)
    return "\n".join(lines)


def file_markdown(source: Path, result, outcome: Outcome) -> str:
    """The ``repair-file`` artifact: one document's counters and its excerpt."""
    counts = result.report.counts
    read_as = "PDF text layer" if result.report.source.format == "pdf" else result.report.source.encoding
    lines = [f"# repair-file `{source.name}`", "", f"- encoding: {read_as}",
             f"- sections: {len(result.sections)}", "", "| counter | value |", "| --- | ---: |"]
    lines += [f"| {k} | {v} |" for k, v in counts.items() if v]
    lines += [""] + _excerpt_block("input", outcome.before) + _excerpt_block("output", outcome.after)
    return "\n".join(lines)


def _excerpt_block(label: str, text: str) -> list[str]:
    # Indented code blocks cannot be closed early by text that holds a fence.
    body = ["    " + line for line in text.split("\n")]
    more = " (first %d characters)" % EXCERPT_CHARS if len(text) >= EXCERPT_CHARS else ""
    return [f"{label}{more}:", ""] + body + [""]


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")

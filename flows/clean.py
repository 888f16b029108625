"""The ``clean_inbox`` flow: repair every ``*.txt`` of an inbox folder into an outbox.

Layout of the outbox after a run::

    outbox/<stem>.txt            canonical text of each repaired input
    outbox/_failed/<stem>.txt    a copy of each input the library refused
    outbox/_failed/<stem>.reason why it was refused (one line, UTF-8)
    outbox/manifest.jsonl        one JSON line per input of this run, in input order

Why it is shaped like this:

* One Prefect task per *batch* of documents, not per document: every task run
  costs the Prefect server about 25 ms of CPU, more than a small document's repair.
* Batches run one after another in the flow's own thread.  The repair is pure
  Python and CPU-bound, so threads would not make it faster, and a fixed order
  keeps runs reproducible.
* A :class:`pipeline.RepairError` is a property of one input ("this file is not
  usable"), so it is caught per document and never stops the batch.  Any other
  exception is a bug and fails the task and the flow, as it should.
* Every file is written to a temporary file in its target folder and moved into
  place with :func:`os.replace`, so a reader (or a crash) never sees half a file.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
from pathlib import Path
from typing import Any, Iterable

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE

import pipeline

FAILED_DIR = "_failed"
MANIFEST = "manifest.jsonl"
SUMMARY_ARTIFACT_KEY = "clean-inbox-summary"


def list_inbox(inbox: Path) -> list[Path]:
    """Return the inbox's ``*.txt`` files (not its sub-folders), sorted by name.

    Sorted so that batches, the manifest and the logs come out in the same order
    on every run and every machine (directory order is not stable).
    """
    if not inbox.is_dir():
        raise NotADirectoryError(f"inbox {inbox} is not a directory")
    paths = (p for p in inbox.glob("*.txt") if p.is_file())
    return sorted(paths, key=lambda p: p.name)


def batched(items: list[Path], size: int) -> list[list[Path]]:
    """Split ``items`` into consecutive lists of at most ``size`` (the task unit)."""
    if size < 1:
        raise ValueError(f"batch_size must be at least 1, not {size}")
    return [items[i : i + size] for i in range(0, len(items), size)]


def atomic_write_bytes(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` so that ``target`` is either old or complete.

    The temporary file lives in the target's own folder (``os.replace`` is only
    atomic within one file system) and is flushed to disk before the rename, so
    a crash leaves the old file or the new one, never a torn one.  On error the
    temporary file is removed.
    """
    # Not tempfile.mkstemp: it creates mode 0600 files, which os.replace would
    # keep; os.open with 0o666 gives the usual umask-governed permissions.
    tmp = target.parent / f".{target.name}.{secrets.token_hex(6)}.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def clean_document(path: Path, outbox: Path) -> dict[str, Any]:
    """Repair one input file into ``outbox`` and return its manifest record.

    On success writes ``outbox/<stem>.txt``; when the library refuses the input
    (:class:`pipeline.RepairError`) copies it to ``outbox/_failed/<stem>.txt``
    with the reason in ``_failed/<stem>.reason``.  Whichever of the two a
    previous run left for the same input is removed, so the outbox always shows
    the latest outcome.
    """
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    out_path = outbox / f"{path.stem}.txt"
    failed_dir = outbox / FAILED_DIR
    failed_copy = failed_dir / f"{path.stem}.txt"
    failed_reason = failed_dir / f"{path.stem}.reason"
    try:
        # The path, not the bytes: the library decides by the file's kind
        # (e.g. .pdf) and records the path in the report's source.
        result = pipeline.repair_document(path)
    except pipeline.RepairError as exc:
        reason = f"{type(exc).__name__}: {exc}"
        failed_dir.mkdir(exist_ok=True)
        atomic_write_bytes(failed_copy, data)
        atomic_write_bytes(failed_reason, (reason + "\n").encode("utf-8"))
        out_path.unlink(missing_ok=True)
        return {"name": path.name, "sha256": digest, "status": "failed", "reason": reason,
                "report": None, "sections": None}
    atomic_write_bytes(out_path, result.text.encode("utf-8"))
    failed_copy.unlink(missing_ok=True)
    failed_reason.unlink(missing_ok=True)
    as_dict = result.to_dict()
    return {"name": path.name, "sha256": digest, "status": "ok",
            "report": as_dict["report"]["counts"], "sections": as_dict["sections"]}


@task(name="clean-batch", task_run_name="clean-batch-{index}", cache_policy=NO_CACHE, persist_result=False)
def clean_batch(paths: list[Path], outbox: Path, index: int) -> list[dict[str, Any]]:
    """Prefect task: repair one batch of documents, one manifest record each.

    Not cached and its result not persisted: the task's effect is the files it
    writes, and a cached result would skip writing them.  ``index`` only names
    the task run.
    """
    logger = get_run_logger()
    records = []
    for path in paths:
        record = clean_document(path, outbox)
        if record["status"] == "failed":
            logger.warning("%s failed: %s", record["name"], record["reason"])
        records.append(record)
    return records


def sum_counts(records: Iterable[dict[str, Any]]) -> dict[str, int]:
    """Add up the report counters of the successful records (key order kept)."""
    total: dict[str, int] = {}
    for record in records:
        for key, value in (record.get("report") or {}).items():
            total[key] = total.get(key, 0) + value
    return total


def summary_markdown(summary: dict[str, Any], records: list[dict[str, Any]]) -> str:
    """Render the run's summary as the markdown of the ``clean-inbox-summary`` artifact."""
    lines = [
        "# clean-inbox summary",
        "",
        f"- inbox: `{summary['inbox']}`",
        f"- outbox: `{summary['outbox']}`",
        f"- documents: {summary['documents']} ({summary['ok']} ok, {summary['failed']} failed)",
        "",
    ]
    failed = [r for r in records if r["status"] == "failed"]
    if failed:
        lines += ["## Failures", "", "| document | reason |", "| --- | --- |"]
        lines += [f"| `{r['name']}` | {_md_cell(r['reason'])} |" for r in failed]
        lines.append("")
    lines += ["## Report counters (summed over ok documents)", "", "| counter | total |", "| --- | ---: |"]
    lines += [f"| {key} | {value} |" for key, value in summary["counts"].items()]
    return "\n".join(lines) + "\n"


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


@flow(name="clean-inbox")
def clean_inbox(inbox: str, outbox: str, batch_size: int = 20) -> dict[str, Any]:
    """Repair every ``*.txt`` in ``inbox`` into ``outbox``; return a small summary.

    Lists the inputs (sorted), runs one ``clean-batch`` task per ``batch_size``
    documents, then writes ``manifest.jsonl`` (one line per input of this run, in
    input order, replaced atomically) and records the markdown artifact
    ``clean-inbox-summary``.  The returned dict holds the folders, the numbers of
    documents, ok and failed, and the summed report counters.
    """
    inbox_path, outbox_path = Path(inbox), Path(outbox)
    paths = list_inbox(inbox_path)
    batches = batched(paths, batch_size)
    outbox_path.mkdir(parents=True, exist_ok=True)

    records: list[dict[str, Any]] = []
    for index, batch in enumerate(batches):
        records.extend(clean_batch(batch, outbox_path, index))

    manifest = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    atomic_write_bytes(outbox_path / MANIFEST, manifest.encode("utf-8"))

    n_failed = sum(r["status"] == "failed" for r in records)
    summary = {
        "inbox": str(inbox_path),
        "outbox": str(outbox_path),
        "documents": len(records),
        "ok": len(records) - n_failed,
        "failed": n_failed,
        "counts": sum_counts(records),
    }
    create_markdown_artifact(
        markdown=summary_markdown(summary, records),
        key=SUMMARY_ARTIFACT_KEY,
        description=f"clean_inbox over {inbox_path}",
    )
    return summary

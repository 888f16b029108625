"""The Prefect flows: ``clean_inbox`` (a folder, resumable) and ``repair_file`` (one document).

Why they are shaped like this:

* One task per *batch* of documents, not per document: a task run costs the
  Prefect server about 25 ms of CPU, more than a small document's repair.
  ``bench/flow_overhead.py`` measures the overhead per batch size; the default
  (:data:`DEFAULT_BATCH_SIZE`) keeps it within a few per cent.
* Batches are submitted to the flow's task runner.  By default that is one
  worker thread: the repair is pure Python and CPU-bound, so more threads would
  not make it faster.  For more cores, run the flow with prefect-dask's
  ``DaskTaskRunner`` (:func:`flows.runners.dask_runner`): the same batches run in
  worker processes, with byte-identical outputs.
* Results are folded in batch order, whatever order the batches finish in:
  the ledger (``manifest.jsonl``) and the artifacts come out the same on
  every run.
* The ledger and the atomic writes (:mod:`flows.inbox`) make a run resumable:
  a re-run processes only what is new, and a run killed midway resumes with
  every document exactly once.
* Each batch repairs in a worker process (:mod:`flows.worker`) with a time
  and a memory limit per document: a PDF that keeps pdfminer.six busy for
  good, or inflates without end, cannot hold the run, and its outbox lock,
  for ever.
* A refused input (:class:`pipeline.RepairError`) is a property of the input;
  it goes to ``_failed/`` and never stops the batch.  An ``OSError`` while
  reading or writing is treated as transient and the batch is retried.
"""

from __future__ import annotations

import contextlib
import time
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.artifacts import (
    create_markdown_artifact,
    create_progress_artifact,
    create_table_artifact,
    update_progress_artifact,
)
from prefect.cache_policies import NO_CACHE
from prefect.states import Completed
from prefect.task_runners import ThreadPoolTaskRunner

import pipeline

from . import report
from .inbox import (
    InboxItem,
    Ledger,
    OutboxBusy,
    Outcome,
    atomic_write_bytes,
    clean_document,
    excerpts,
    outbox_lock,
    pending,
    remove_stale_temporaries,
    repairs,
)
from .worker import DEFAULT_MEMORY_LIMIT, DEFAULT_TIME_LIMIT, borrowed_worker

# Documents per task, at most.  A task run costs the flow tens of milliseconds
# (more in a Dask worker); at 200 documents of a few milliseconds each that is
# about 2% (bench/flow_overhead.py measures it).
DEFAULT_BATCH_SIZE = 200

# Batches a run is cut into at least, when the default size is used: small
# inboxes still show progress and still spread over parallel workers.
MIN_BATCHES = 8

# Before/after excerpts shown per run, from the documents with the most repairs.
EXCERPTS = 3
# The library's own default (see pipeline.RepairOptions.lossy_margin).
DEFAULT_LOSSY_MARGIN = pipeline.RepairOptions().lossy_margin

SUMMARY_ARTIFACT_KEY = "clean-inbox-summary"
DOCUMENTS_ARTIFACT_KEY = "clean-inbox-documents"
PROGRESS_ARTIFACT_KEY = "clean-inbox-progress"
EXCERPTS_ARTIFACT_KEY = "clean-inbox-excerpts"
REPAIR_FILE_ARTIFACT_KEY = "repair-file"


def default_batch_size(n: int) -> int:
    """Documents per batch for ``n`` documents: :data:`DEFAULT_BATCH_SIZE`, or less for at least :data:`MIN_BATCHES`."""
    return max(1, min(DEFAULT_BATCH_SIZE, -(-n // MIN_BATCHES)))


def batched(items: list[InboxItem], size: int | None) -> list[list[InboxItem]]:
    """Split ``items`` into consecutive lists of at most ``size`` (the task unit).

    ``size`` None chooses: :data:`DEFAULT_BATCH_SIZE`, or less so that there
    are at least :data:`MIN_BATCHES` batches.
    """
    if size is None:
        size = default_batch_size(len(items))
    if size < 1:
        raise ValueError(f"batch_size must be at least 1, not {size}")
    return [items[i : i + size] for i in range(0, len(items), size)]


def _transient(task, task_run, state) -> bool:
    """Retry a batch only for I/O errors (a full disk, a network share that hiccuped).

    Any other exception escaping a batch is a bug in this code; retrying it
    would only repeat it.
    """
    try:
        state.result()
    except OSError:
        return True
    except Exception:  # noqa: BLE001 - anything else is not transient
        return False
    return False


@task(
    name="clean-batch",
    task_run_name="clean-batch-{index}",
    cache_policy=NO_CACHE,
    persist_result=False,
    retries=2,
    retry_delay_seconds=[1, 5],
    retry_condition_fn=_transient,
)
def clean_batch(
    items: list[InboxItem],
    outbox: Path,
    index: int,
    lossy_margin: float = DEFAULT_LOSSY_MARGIN,
    time_limit: float | None = DEFAULT_TIME_LIMIT,
    memory_limit: int | None = DEFAULT_MEMORY_LIMIT,
) -> list[Outcome]:
    """Prefect task: repair one batch of documents, one :class:`Outcome` each.

    Not cached and its result not persisted: the task's effect is the files it
    writes, and a cached result would skip writing them.  A document that
    vanished from the inbox since listing is skipped (it has no outcome); only
    the :data:`EXCERPTS` documents with the most repairs keep their excerpts,
    so a batch's result stays small.  ``index`` only names the task run;
    ``lossy_margin`` is :attr:`pipeline.RepairOptions.lossy_margin`.
    ``time_limit`` is each document's, in seconds: the repairs run in a
    worker process (:mod:`flows.worker`) that is killed when one passes it;
    None repairs in this process, with no limit (and no ``memory_limit``,
    the worker's address space in megabytes, None for none).
    """
    logger = get_run_logger()
    options = pipeline.RepairOptions(lossy_margin=lossy_margin)
    outcomes = []
    in_worker = time_limit is not None
    with borrowed_worker(time_limit, memory_limit) if in_worker else contextlib.nullcontext() as worker:
        for item in items:
            try:
                outcome = clean_document(item, outbox, options, worker)
            except FileNotFoundError:
                logger.warning("%s vanished from the inbox before it was read; skipped", item.name)
                continue
            if outcome.record["status"] != "ok":
                logger.warning("%s %s: %s", item.name, outcome.record["status"], outcome.record["reason"])
            outcomes.append(outcome)
    keep = {id(o) for o in sorted(outcomes, key=lambda o: -repairs(o.record["report"]))[:EXCERPTS]}
    return [o if id(o) in keep else Outcome(o.record) for o in outcomes]


@flow(name="clean-inbox", task_runner=ThreadPoolTaskRunner(max_workers=1))
def clean_inbox(
    inbox: str,
    outbox: str,
    batch_size: int | None = None,
    limit: int | None = None,
    lossy_margin: float = DEFAULT_LOSSY_MARGIN,
    time_limit: float | None = DEFAULT_TIME_LIMIT,
    memory_limit: int | None = DEFAULT_MEMORY_LIMIT,
):
    """Repair the documents of ``inbox`` that its ledger lacks into ``outbox``; return a summary.

    Lists the inbox against the ledger in ``outbox/manifest.jsonl`` (name and
    content hash), submits one ``clean-batch`` task per ``batch_size`` new
    documents (by default chosen by :func:`batched`), appends each batch's
    records to the ledger as it is folded in, and keeps a progress artifact up
    to date.  At the end it records a markdown summary, a table of the
    documents and before/after excerpts of the documents with the most
    repairs.  ``limit`` caps the documents taken this run (the rest wait for
    the next).  A second run on the same outbox while one holds it does
    nothing and says so.  ``lossy_margin``: how clearly a character a lossy
    decode dropped must be the likeliest to be restored rather than flagged
    (:attr:`pipeline.RepairOptions.lossy_margin`; a flow parameter, so the
    run's page in the UI shows it).  ``time_limit``: seconds each document
    may take before its repair is stopped (status "timeout", tried again by
    the next runs up to :data:`flows.inbox.TIMEOUT_ATTEMPTS` attempts in
    all); None for no limit (see :func:`clean_batch`).
    ``memory_limit``: megabytes the repair may map (None for no limit); a
    PDF that needs more fails as unreadable.

    The flow run completes even when documents failed; its state message says
    how many, and they are in ``outbox/_failed/`` with their reasons.
    """
    inbox_path, outbox_path = Path(inbox), Path(outbox)
    outbox_path.mkdir(parents=True, exist_ok=True)
    try:
        with outbox_lock(outbox_path):
            return _clean_inbox(
                inbox_path, outbox_path, batch_size, limit, lossy_margin, time_limit, memory_limit
            )
    except OutboxBusy as exc:
        # A schedule that fires while the previous run is still going: that
        # run will take the new documents too, or the next one will.
        get_run_logger().warning("%s; this run does nothing", exc)
        return Completed(message=f"skipped: {exc}", data=None)


def _clean_inbox(
    inbox_path: Path,
    outbox_path: Path,
    batch_size: int | None,
    limit: int | None,
    lossy_margin: float = DEFAULT_LOSSY_MARGIN,
    time_limit: float | None = DEFAULT_TIME_LIMIT,
    memory_limit: int | None = DEFAULT_MEMORY_LIMIT,
):
    logger = get_run_logger()
    started = time.perf_counter()
    stale = remove_stale_temporaries(outbox_path)
    if stale:
        logger.info("removed %d temporary files a killed run left", stale)
    ledger = Ledger.load(outbox_path)
    todo, known = pending(inbox_path, ledger)
    if limit is not None:
        todo = todo[: max(0, limit)]
    batches = batched(todo, batch_size)
    logger.info("%d new documents in %d batches; %d already in the ledger", len(todo), len(batches), known)

    progress = create_progress_artifact(
        progress=0.0 if batches else 100.0,
        key=PROGRESS_ARTIFACT_KEY,
        description=f"batches done of {len(batches)}",
    )
    futures = [
        clean_batch.submit(batch, outbox_path, index, lossy_margin, time_limit, memory_limit)
        for index, batch in enumerate(batches)
    ]
    outcomes: list[Outcome] = []
    for done, future in enumerate(futures, 1):
        batch_outcomes = future.result()
        # Errors (library bugs) are not recorded: a later run retries them.
        # Timeouts are, one line an attempt (the ledger counts them).
        ledger.append(o.record for o in batch_outcomes if o.record["status"] != "error")
        outcomes.extend(batch_outcomes)
        update_progress_artifact(progress, 100.0 * done / len(futures), description=f"{done} of {len(futures)} batches")

    elapsed = time.perf_counter() - started
    summary = report.run_summary(inbox_path, outbox_path, outcomes, known=known, elapsed=elapsed)
    create_markdown_artifact(
        markdown=report.summary_markdown(summary),
        key=SUMMARY_ARTIFACT_KEY,
        description=f"clean-inbox over {inbox_path}",
    )
    create_table_artifact(
        table=report.document_rows(outcomes),
        key=DOCUMENTS_ARTIFACT_KEY,
        description=report.document_rows_description(outcomes),
    )
    create_markdown_artifact(
        markdown=report.excerpts_markdown(outcomes, EXCERPTS),
        key=EXCERPTS_ARTIFACT_KEY,
        description="before/after of the documents with the most repairs",
    )
    message = f"{summary['processed']} processed ({report.status_counts(summary)}), {summary['skipped']} already done"
    logger.info(message)
    return Completed(message=message, data=summary)


@flow(name="repair-file")
def repair_file(path: str, output: str | None = None) -> dict[str, Any]:
    """Repair one document, for ad hoc runs from the UI or the command line.

    Writes the canonical text to ``output`` (atomically) when given, records a
    markdown artifact with the report and a before/after excerpt, and returns
    the report's counters.  A refused input fails the flow run with the
    library's reason.
    """
    source = Path(path)
    data = source.read_bytes()
    result = pipeline.repair_document(pipeline.NamedBytes(source.name, data))
    if output:
        atomic_write_bytes(Path(output), result.text.encode("utf-8"))
    outcome = Outcome(
        {"name": source.name, "status": "ok", "report": dict(result.report.counts), "output": output},
        *excerpts(data, result),
    )
    create_markdown_artifact(
        markdown=report.file_markdown(source, result, outcome),
        key=REPAIR_FILE_ARTIFACT_KEY,
        description=f"repair-file {source.name}",
    )
    return dict(result.report.counts)


__all__ = [
    "DEFAULT_BATCH_SIZE",
    "batched",
    "default_batch_size",
    "clean_batch",
    "clean_inbox",
    "repair_file",
]

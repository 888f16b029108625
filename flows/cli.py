"""The ``newsrepair`` command: repair one file, run the inbox flow once, or serve it on a schedule.

    newsrepair repair FILE [-o OUT] [--report]
    newsrepair run INBOX OUTBOX [--batch-size N] [--limit N] [--time-limit S] [--memory-limit MB] [--workers N | --dask-address tcp://...]
    newsrepair serve INBOX OUTBOX --cron "*/15 * * * *"

``repair`` calls the library directly (no Prefect, fast).  ``run`` runs the
``clean-inbox`` flow: with no ``PREFECT_API_URL`` Prefect starts a temporary
server for it, so nothing needs setting up; a progress bar follows the ledger.
``serve`` registers a deployment with a cron schedule and runs it until
interrupted (it needs a Prefect server: ``prefect server start``).
"""

from __future__ import annotations

import contextlib
import json
import sys
import threading
from pathlib import Path
from typing import Optional

import typer

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__.splitlines()[0])


# pipeline.RepairOptions.lossy_margin's default is 2.0 (the library is
# imported only inside the commands, to keep the CLI quick to start).
# flows.worker.DEFAULT_TIME_LIMIT and DEFAULT_MEMORY_LIMIT, likewise.
TIME_LIMIT = 600.0
MEMORY_LIMIT = 4096
LOSSY_MARGIN_HELP = (
    "where a wrong codec lost bytes: how clearly a character must be the likeliest to be restored "
    "(0: always guess, never flag; larger: flag more)"
)


@app.command()
def repair(
    file: Path = typer.Argument(..., exists=True, dir_okay=False, readable=True, help="document to repair"),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="write the text here (default: stdout)"),
    show_report: bool = typer.Option(False, "--report", help="print the report's counters as JSON on stderr"),
    lossy_margin: float = typer.Option(2.0, min=0.0, help=LOSSY_MARGIN_HELP),
) -> None:
    """Repair one document with the library and print (or write) its canonical text."""
    import pipeline
    from flows.inbox import atomic_write_bytes

    try:
        result = pipeline.repair_document(file, options=pipeline.RepairOptions(lossy_margin=lossy_margin))
    except pipeline.RepairError as exc:
        typer.echo(f"newsrepair: {exc}", err=True)
        raise typer.Exit(2) from exc
    if output is None:
        sys.stdout.write(result.text)
    else:
        atomic_write_bytes(output, result.text.encode("utf-8"))
    if show_report:
        typer.echo(json.dumps(dict(result.report.counts), ensure_ascii=False), err=True)


@app.command()
def run(
    inbox: Path = typer.Argument(..., help="folder of documents to repair"),
    outbox: Path = typer.Argument(..., help="folder for the texts, _failed/ and manifest.jsonl"),
    batch_size: Optional[int] = typer.Option(None, help="documents per Prefect task (default: up to 200, at least 8 tasks)"),
    limit: Optional[int] = typer.Option(None, help="take at most this many new documents"),
    workers: Optional[int] = typer.Option(None, help="run batches on a local Dask cluster of N processes"),
    dask_address: Optional[str] = typer.Option(None, help="run batches on an existing Dask scheduler"),
    progress: bool = typer.Option(True, help="show a progress bar"),
    lossy_margin: float = typer.Option(2.0, min=0.0, help=LOSSY_MARGIN_HELP),
    time_limit: float = typer.Option(
        TIME_LIMIT, min=0.0, help="seconds a document may take before its repair is stopped (0: no limit)"
    ),
    memory_limit: int = typer.Option(
        MEMORY_LIMIT, min=0, help="megabytes a document's repair may map; a PDF that needs more fails (0: no limit)"
    ),
) -> None:
    """Run the clean-inbox flow once over INBOX; only documents its ledger lacks are processed."""
    from flows.clean import clean_inbox
    from flows.inbox import Ledger, list_inbox, pending
    from flows.runners import dask_runner, shared_api

    if not inbox.is_dir():
        typer.echo(f"newsrepair: inbox {inbox} is not a folder", err=True)
        raise typer.Exit(2)
    # What the flow will find new (it lists again itself: the bar only follows it).
    total = len(pending(inbox, Ledger.load(outbox))[0]) if outbox.is_dir() else len(list_inbox(inbox))
    if limit is not None:
        total = min(total, limit)
    runner = dask_runner(workers, dask_address)
    flow_fn = clean_inbox.with_options(task_runner=runner) if runner else clean_inbox
    params = {
        "inbox": str(inbox),
        "outbox": str(outbox),
        "batch_size": batch_size,
        "limit": limit,
        "lossy_margin": lossy_margin,
        "time_limit": time_limit or None,
        "memory_limit": memory_limit or None,
    }
    with shared_api() if runner else contextlib.nullcontext():
        with _LedgerProgress(outbox, total, enabled=progress and total > 0):
            state = flow_fn(**params, return_state=True)
    summary = state.result(raise_on_failure=False)
    if not state.is_completed():
        typer.echo(f"newsrepair: the flow run ended {state.type.value}: {state.message or summary}", err=True)
        raise typer.Exit(1)
    out = outbox.resolve()
    typer.echo(f"Output: {out}/ (ledger: {out / 'manifest.jsonl'})")
    typer.echo(state.message)
    if summary and (summary["failed"] or summary.get("timeouts")):
        typer.echo(f"Failed inputs and their reasons: {out / '_failed'}/")


@app.command()
def serve(
    inbox: Path = typer.Argument(..., help="folder to watch"),
    outbox: Path = typer.Argument(..., help="folder for the results"),
    cron: str = typer.Option("*/15 * * * *", help="schedule, cron syntax"),
    name: str = typer.Option("clean-inbox-scheduled", help="deployment name"),
    batch_size: Optional[int] = typer.Option(None, help="documents per Prefect task"),
) -> None:
    """Serve the clean-inbox flow as a deployment that runs on a cron schedule (Ctrl-C stops it)."""
    from flows.clean import clean_inbox

    params = {"inbox": str(inbox.resolve()), "outbox": str(outbox.resolve()), "batch_size": batch_size}
    clean_inbox.serve(name=name, cron=cron, parameters=params)


class _LedgerProgress:
    """A rich progress bar that follows the ledger's length while the flow runs.

    The flow appends a line per document as each batch is folded in, so the
    count of new ledger lines is the count of documents done; reading it from
    the file keeps the flow free of any display code.
    """

    def __init__(self, outbox: Path, total: int, enabled: bool):
        self.path = outbox / "manifest.jsonl"
        self.total = total
        self.enabled = enabled
        self.stop = threading.Event()

    def _lines(self) -> int:
        try:
            with self.path.open("rb") as fh:
                return sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 20), b""))
        except FileNotFoundError:
            return 0

    def __enter__(self):
        if not self.enabled:
            return self
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.start = self._lines()
        self.progress = Progress(TextColumn("documents"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                                 transient=False)
        self.task = self.progress.add_task("documents", total=self.total)
        self.progress.start()

        def follow():
            while not self.stop.wait(0.5):
                self.progress.update(self.task, completed=min(self.total, self._lines() - self.start))

        self.thread = threading.Thread(target=follow, daemon=True)
        self.thread.start()
        return self

    def __exit__(self, *exc):
        if self.enabled:
            self.stop.set()
            self.thread.join()
            self.progress.update(self.task, completed=min(self.total, self._lines() - self.start))
            self.progress.stop()
        return False


def main() -> None:
    """Entry point of the ``newsrepair`` console script."""
    app()


if __name__ == "__main__":
    main()

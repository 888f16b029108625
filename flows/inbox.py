"""Inbox and outbox plumbing for the flows: listing, the ledger, atomic writes, one document's repair.

No Prefect here: these are plain functions the tasks call, so they can be
tested (and reasoned about) without a server.

Layout of an outbox::

    outbox/<name>                canonical text of each repaired input (``<name>.txt``
                                 when the input's name does not end in .txt; an
                                 input X beside an input X.txt is refused)
    outbox/_failed/<name>        a copy of each input the library refused
    outbox/_failed/<name>.reason why it was refused (one line, UTF-8)
    outbox/manifest.jsonl        the ledger: one JSON line per document processed
                                 (per attempt, for one stopped at the time limit)

The ledger is what makes runs resumable.  A document is identified by its name
and the SHA-256 of its bytes; a line is appended only after the document's
output is in place, so:

* a re-run over the same inbox finds every document in the ledger and
  processes none;
* a run killed at any point leaves outputs that are either complete (written
  by rename) or absent, and a ledger whose lines each describe a complete
  output.  The next run processes what the ledger lacks; an output written
  just before the kill is written again, identical, since the repair is
  deterministic.  Every document ends up in the ledger once done (a
  library bug, status "error", is not recorded, so a later run retries it);
* a document whose content changes is new (a new hash) and processed again;
* a document whose repair ran past the time limit has a line for each
  attempt (status "timeout"), and is tried again by later runs until it has
  :data:`TIMEOUT_ATTEMPTS` of them: then it counts as done, and stays in
  ``_failed/`` until its content changes.

A kill can at worst cut the ledger's last line short, which :class:`Ledger`
drops when it reads and before it appends, and leave a hidden temporary file,
which the next run removes.  One run at a time holds an outbox
(:func:`outbox_lock`).
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import secrets
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

import pipeline

from .worker import RepairWorker, TimeLimitExceeded

FAILED_DIR = "_failed"

# Statuses the ledger does not record as done, so that a later run tries the
# document again: a library bug ("error") and a repair stopped at the time
# limit ("timeout"), which a busy machine may have caused.
NOT_DONE = ("error", "timeout")

# Runs that may stop a document at the time limit before the ledger takes it
# as done: a busy machine may slow one run, but a document that keeps
# pdfminer.six busy for good would otherwise cost every scheduled run the
# whole limit, for ever.
TIMEOUT_ATTEMPTS = 3
MANIFEST = "manifest.jsonl"

# Report counters that are repairs (the rest describe the document), in the
# order summaries show them.
REPAIR_KINDS = (
    "fragments_joined",
    "duplicate_paragraphs_removed",
    "repeated_clean_paragraphs_removed",
    "fffd_restored",
    "lost_marks_restored",
    "mojibake_spans_fixed",
    "dash_variants_fixed",
    "radicals_fixed",
    "script_conversions",
    "furniture_lines_removed",
    "canonical_changes",
)

# Characters of input and output kept for the before/after excerpts.
EXCERPT_CHARS = 400


@dataclass(frozen=True)
class InboxItem:
    """One input file as listed: its name, where it is, and the hash it had when listed."""

    name: str
    path: Path
    sha256: str
    size: int
    # Another input whose output would have the same name (only "X" beside
    # "X.txt" can collide); this one is refused rather than overwrite it.
    collides_with: str | None = None
    # Earlier runs that stopped this very content at the time limit.
    timeouts: int = 0


def output_name(name: str) -> str:
    """The outbox file name for an input: the same name, with ``.txt`` added when it lacks it."""
    return name if name.lower().endswith(".txt") else name + ".txt"


def sha256_file(path: Path) -> str:
    """SHA-256 of a file's bytes, read in chunks (inputs can be large)."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


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


@dataclass
class Ledger:
    """The outbox's ``manifest.jsonl``: which documents are done, and their reports.

    ``done`` maps (name, sha256) to the document's latest record; ``stats``
    remembers each name's size and modification time with its hash, so that
    listing a large unchanged inbox need not read every file again;
    ``timeouts`` counts the records of each (name, sha256) stopped at the
    time limit.
    """

    path: Path
    done: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)
    stats: dict[str, tuple[int, int, str]] = field(default_factory=dict)
    timeouts: Counter = field(default_factory=Counter)

    @classmethod
    def load(cls, outbox: Path) -> "Ledger":
        """Read the ledger of ``outbox`` (an absent file is an empty ledger).

        A last line cut short by a kill is not a record and is skipped; any
        other unreadable line is an error, since it means someone edited the
        ledger and the outbox can no longer be trusted to say what is done.
        """
        ledger = cls(outbox / MANIFEST)
        if not ledger.path.exists():
            return ledger
        raw = ledger.path.read_bytes()
        lines = raw.split(b"\n")
        complete = lines[:-1]  # the part after the last newline is empty or torn
        for number, line in enumerate(complete, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{ledger.path}:{number}: not a ledger record: {exc}") from exc
            ledger._remember(record)
        return ledger

    def _remember(self, record: dict[str, Any]) -> None:
        key = (record["name"], record["sha256"])
        if record["status"] == "timeout":
            self.timeouts[key] += 1
            if self.timeouts[key] >= TIMEOUT_ATTEMPTS:
                self.done[key] = record
        elif record["status"] not in NOT_DONE:
            self.done[key] = record
        if record.get("mtime_ns") is not None:
            self.stats[record["name"]] = (record["size"], record["mtime_ns"], record["sha256"])

    def is_done(self, name: str, sha256: str) -> bool:
        """Whether this exact document (name and content) has been processed (or stopped at the time limit :data:`TIMEOUT_ATTEMPTS` times)."""
        return (name, sha256) in self.done

    def append(self, records: Iterable[dict[str, Any]]) -> int:
        """Append records, one line each, and flush them to disk; return how many.

        A torn last line (a kill during an earlier append) is cut off first, so
        that the new lines start on a line of their own.  Each record is one
        ``write`` on a file opened for appending, then one fsync for them all.
        """
        records = list(records)
        if not records:
            return 0
        self._drop_torn_tail()
        fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o666)
        try:
            for record in records:
                os.write(fd, (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8"))
                self._remember(record)
            os.fsync(fd)
        finally:
            os.close(fd)
        return len(records)

    def _drop_torn_tail(self) -> None:
        if not self.path.exists():
            return
        with self.path.open("rb+") as fh:
            fh.seek(0, os.SEEK_END)
            size = fh.tell()
            if size == 0:
                return
            fh.seek(size - 1)
            if fh.read(1) == b"\n":
                return
            # Cut back to the end of the last complete line.
            fh.seek(0)
            data = fh.read()
            fh.truncate(data.rfind(b"\n") + 1)


class OutboxBusy(RuntimeError):
    """Another run holds the outbox's lock."""


@contextlib.contextmanager
def outbox_lock(outbox: Path) -> Iterator[None]:
    """Hold the outbox for one run at a time (an advisory lock on ``outbox/.lock``).

    A scheduled run that starts while the previous one is still going would
    otherwise list the same documents and race it for the ledger.  The lock is
    the flow process's; the workers that write outputs do not take it.  It goes
    with the process, so a killed run leaves no stale lock behind.
    """
    fd = os.open(outbox / ".lock", os.O_WRONLY | os.O_CREAT, 0o666)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise OutboxBusy(f"another run is using {outbox}") from exc
        yield
    finally:
        os.close(fd)


def remove_stale_temporaries(outbox: Path) -> int:
    """Delete temporary files a killed run left (``.<name>.<hex>.tmp``); return how many.

    Called with the outbox lock held, so no live writer owns them.
    """
    removed = 0
    for folder in (outbox, outbox / FAILED_DIR):
        if folder.is_dir():
            for tmp in folder.glob(".*.tmp"):
                tmp.unlink(missing_ok=True)
                removed += 1
    return removed


def list_inbox(inbox: Path) -> list[Path]:
    """The inbox's files (not sub-folders, not hidden files), sorted by name.

    Any file is listed: the library decides what it can read (text of any
    encoding, and PDFs from their text layer; binary files and PDFs with no
    readable text layer are refused and land in ``_failed/`` with the
    reason).  Sorted so that batches, the ledger and the
    logs come out in the same order on every run and machine.
    """
    if not inbox.is_dir():
        raise NotADirectoryError(f"inbox {inbox} is not a directory")
    paths = (p for p in inbox.iterdir() if p.is_file() and not p.name.startswith("."))
    return sorted(paths, key=lambda p: p.name)


def pending(inbox: Path, ledger: Ledger) -> tuple[list[InboxItem], int]:
    """The inbox's documents the ledger lacks, and how many it already has.

    A file whose size and modification time match the ledger's record takes the
    recorded hash; any other is hashed.
    """
    todo: list[InboxItem] = []
    known = 0
    paths = list_inbox(inbox)
    names = {p.name for p in paths}
    for path in paths:
        st = path.stat()
        cached = ledger.stats.get(path.name)
        if cached is not None and cached[:2] == (st.st_size, st.st_mtime_ns):
            digest = cached[2]
        else:
            digest = sha256_file(path)
        if ledger.is_done(path.name, digest):
            known += 1
        else:
            out = output_name(path.name)
            clash = out if out != path.name and out in names else None
            todo.append(InboxItem(path.name, path, digest, st.st_size, clash, ledger.timeouts[(path.name, digest)]))
    return todo, known


def repairs(counts: dict[str, int] | None) -> int:
    """Total of a report's repair counters (:data:`REPAIR_KINDS`): how much a document needed."""
    return sum((counts or {}).get(kind, 0) for kind in REPAIR_KINDS)


@dataclass(frozen=True)
class Outcome:
    """One document's ledger record, with the excerpts a run summary may show."""

    record: dict[str, Any]
    before: str = ""
    after: str = ""


def clean_document(
    item: InboxItem,
    outbox: Path,
    options: pipeline.RepairOptions | None = None,
    worker: RepairWorker | None = None,
) -> Outcome:
    """Repair one input into ``outbox`` and return its ledger record.

    The file is read once; the record's hash is of the bytes actually repaired
    (which differ from the listed hash if the file changed since listing).  On
    success writes ``outbox/<output name>``; when the library refuses the input
    (:class:`pipeline.RepairError`) copies it to ``outbox/_failed/`` with the
    reason beside it, status "failed".  Any other exception is a bug in the
    library, not a property of the input: it is recorded with status "error"
    and its type, so that one document cannot stop a batch, and the ledger
    does not count it as done (a later run, with the bug fixed, retries it).
    Whichever output a previous run left for the same name is removed, so the
    outbox always shows the latest outcome.

    With a ``worker`` (:class:`flows.worker.RepairWorker`) the repair runs in
    its child process under its time and memory limits.  A document past the limit gets
    status "timeout": copied to ``outbox/_failed/`` with the reason, like a
    refused one, and its record says which attempt this was.  The ledger
    takes it as done only at the :data:`TIMEOUT_ATTEMPTS`-th, since a busy
    machine may be the cause: until then later runs try it again.
    """
    data = item.path.read_bytes()
    st = item.path.stat()
    digest = hashlib.sha256(data).hexdigest()
    out_path = outbox / output_name(item.name)
    failed_dir = outbox / FAILED_DIR
    failed_copy = failed_dir / item.name
    failed_reason = failed_dir / f"{item.name}.reason"
    base = {"name": item.name, "sha256": digest, "size": len(data), "mtime_ns": st.st_mtime_ns}
    try:
        if item.collides_with:
            raise pipeline.UnsupportedInputError(
                f"its output {out_path.name} would overwrite that of the input {item.collides_with}; rename one"
            )
        source = pipeline.NamedBytes(item.name, data)
        if worker is None:
            result = pipeline.repair_document(source, options=options)
        else:
            result = worker.repair(source, options)
    except (pipeline.RepairError, TimeLimitExceeded) as exc:
        status = "timeout" if isinstance(exc, TimeLimitExceeded) else "failed"
        reason = f"{type(exc).__name__}: {exc}"
        extra: dict[str, Any] = {}
        if status == "timeout":
            attempt = item.timeouts + 1
            extra["attempt"] = attempt
            reason += (
                f" (attempt {attempt} of {TIMEOUT_ATTEMPTS}; "
                + ("not tried again until its content changes)" if attempt >= TIMEOUT_ATTEMPTS else "the next run tries it again)")
            )
        failed_dir.mkdir(exist_ok=True)
        atomic_write_bytes(failed_copy, data)
        atomic_write_bytes(failed_reason, (reason + "\n").encode("utf-8"))
        if not item.collides_with:  # that output is the other input's
            out_path.unlink(missing_ok=True)
        return Outcome({**base, "status": status, "reason": reason, "output": None, "report": None, **extra})
    except Exception as exc:  # noqa: BLE001 - isolating a library bug to its document
        reason = f"internal error {type(exc).__name__}: {exc}"
        return Outcome({**base, "status": "error", "reason": reason, "output": None, "report": None})
    text = result.text
    atomic_write_bytes(out_path, text.encode("utf-8"))
    failed_copy.unlink(missing_ok=True)
    failed_reason.unlink(missing_ok=True)
    as_dict = result.to_dict()
    record = {
        **base,
        "status": "ok",
        "output": out_path.name,
        "chars_out": len(text),
        "encoding": as_dict["report"]["source"]["encoding"],
        "format": as_dict["report"]["source"]["format"],
        "report": as_dict["report"]["counts"],
        "sections": as_dict["sections"],
    }
    return Outcome(record, *excerpts(data, result))


def excerpts(data: bytes, result: pipeline.RepairResult) -> tuple[str, str]:
    """The first :data:`EXCERPT_CHARS` of an input (decoded as ingest decoded it) and of its repair."""
    if result.report.source.format == "pdf":
        # Its bytes are no text; the repair below is made from its text layer.
        return "(a PDF: its text layer was extracted and repaired)", result.text[:EXCERPT_CHARS]
    try:
        before = data.decode(result.report.source.encoding or "utf-8", errors="replace")
    except LookupError:
        before = data.decode("utf-8", errors="replace")
    return before[:EXCERPT_CHARS], result.text[:EXCERPT_CHARS]

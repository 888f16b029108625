"""Repair documents in a child process, so that one that runs too long can be stopped.

Why a process: pdfminer.six's layout analysis grows faster than the square of
a page's text boxes (a page of 1,000 scattered words takes 14 s here, of
2,000 over three minutes), and some malformed PDFs keep it busy for good
(pdfminer.six issue #879).  A flow run stuck on one document never ends and
keeps its outbox lock, so every scheduled run after it does nothing.  A
thread cannot be stopped; a process can be killed, and the run goes on.

:class:`RepairWorker` keeps one child (running :func:`main`), started at
its first document and reused for the next ones, so a batch pays the child's
start-up (about two seconds: it imports :mod:`pipeline`, not Prefect, and
reads jieba's dictionary) once.  The time limit counts from the child's
word that it is ready, so that a slow start-up (a busy machine) does not
spend a document's time.
The child is killed when a document passes the time limit, and started again
for the next document.  It runs exactly :func:`pipeline.repair_document`: the
outputs are byte for byte those of a repair in the flow's own process.

No Prefect here, like :mod:`flows.inbox`.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import pickle
import selectors
import struct
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Iterator

import pipeline
from pipeline import lexicon

# Seconds a document may take by default: a whole e-paper page of text takes
# about 15 s, an article well under one; a document still going after ten
# minutes is stuck, not slow.
DEFAULT_TIME_LIMIT = 600.0

# Megabytes of address space the child may map while it repairs a document:
# it maps under 200 MB for a whole e-paper page, so 4 GB stops only a PDF
# whose streams inflate without end (a decompression bomb), before it takes
# the machine's memory.  (POSIX only: elsewhere there is no such limit.)
DEFAULT_MEMORY_LIMIT = 4096

# Seconds the child may take to start: about two here, and start-ups have
# taken 25 times as long on a loaded machine; one that takes longer than this
# is stuck, and the document gets no child to blame it on.
START_TIMEOUT = 120.0

# Messages between the processes: an 8-byte length, then a pickle.  Both ends
# are this module, started from the same interpreter, so pickle is safe here.
_HEADER = struct.Struct(">Q")

# Where this process imported the flows from, so that the child runs the same
# code: put first on the child's path unless it is there already (a checkout
# that is not installed; an installed package's folder is already there).
_ROOT = str(Path(__file__).resolve().parent.parent)
_BOOT = "import sys; root = sys.argv[1]; root in sys.path or sys.path.insert(0, root); import flows.worker as w; w.main()"


class TimeLimitExceeded(Exception):
    """A document's repair ran past the time limit; its worker was killed."""


class WorkerDied(Exception):
    """The worker process ended while repairing a document (killed for memory, a crash in C code)."""


class RepairWorker:
    """A child process that runs :func:`pipeline.repair_document` on one document at a time.

    ``time_limit`` is in seconds per document, ``memory_limit`` in megabytes
    of address space (a document past it fails as the library fails on it:
    a PDF that needs more is one pdfminer.six cannot read, status
    "failed").  Use as a context manager, or
    call :meth:`close`; a worker the parent forgets ends anyway when the
    parent does (its input pipe closes, and it checks for its parent).
    """

    def __init__(self, time_limit: float = DEFAULT_TIME_LIMIT, memory_limit: int | None = DEFAULT_MEMORY_LIMIT):
        self.time_limit = time_limit
        self.memory_limit = memory_limit
        self._proc: subprocess.Popen | None = None

    @property
    def memory_limit(self) -> int | None:
        """Megabytes of address space the child may use for a document (None: no limit)."""
        return self._memory_limit

    @memory_limit.setter
    def memory_limit(self, megabytes: int | None) -> None:
        if megabytes is not None and not megabytes > 0:
            raise ValueError(f"memory_limit must be more than 0 MB or None, not {megabytes}")
        self._memory_limit = megabytes

    @property
    def time_limit(self) -> float:
        """Seconds a document may take."""
        return self._time_limit

    @time_limit.setter
    def time_limit(self, seconds: float) -> None:
        if not seconds > 0:
            raise ValueError(f"time_limit must be more than 0 seconds, not {seconds}")
        self._time_limit = float(seconds)

    def __enter__(self) -> "RepairWorker":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def repair(self, source: pipeline.NamedBytes, options: pipeline.RepairOptions | None = None) -> pipeline.RepairResult:
        """What ``pipeline.repair_document(source, options=options)`` returns or raises, within the time limit.

        Raises :class:`TimeLimitExceeded` when the document is not done in
        time and :class:`WorkerDied` when the child ends without an answer;
        whatever the library raised (its :class:`pipeline.RepairError` for a
        refused input, or a bug's exception) is raised again here.
        """
        proc = self._start()
        deadline = time.monotonic() + self.time_limit
        try:
            _send(proc.stdin, (source, options, self.memory_limit))
            status, value = _receive(proc.stdout, deadline)
        except TimeoutError:
            self._kill()
            raise TimeLimitExceeded(
                f"the repair took longer than {self.time_limit:g} s and was stopped"
            ) from None
        except (EOFError, BrokenPipeError):
            raise WorkerDied(f"the repair process ended ({_how(self._kill())}) before the document was done") from None
        if status == "ok":
            return value
        # The library's refusal, or a bug in it: the exception it raised.
        raise value

    def close(self) -> None:
        """End the child: close its input, which it reads as the end of work."""
        proc, self._proc = self._proc, None
        if proc is None:
            return
        proc.stdin.close()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        proc.stdout.close()

    def _start(self) -> subprocess.Popen:
        """The child, started if there is none, once it has said that it is ready (within :data:`START_TIMEOUT`)."""
        if self._proc is not None and self._proc.poll() is not None:
            # It ended between documents (killed from outside): this
            # document did not end it, so it gets a new child, not the blame.
            self._kill()
        if self._proc is None:
            self._proc = subprocess.Popen(
                [sys.executable, "-c", _BOOT, _ROOT], stdin=subprocess.PIPE, stdout=subprocess.PIPE
            )
            try:
                _receive(self._proc.stdout, time.monotonic() + START_TIMEOUT)
            except TimeoutError:
                self._kill()
                raise WorkerDied(f"the repair process did not start within {START_TIMEOUT:g} s") from None
            except EOFError:
                raise WorkerDied(f"the repair process ended ({_how(self._kill())}) before it was ready") from None
        return self._proc

    def _kill(self) -> int:
        proc, self._proc = self._proc, None
        proc.kill()
        code = proc.wait()
        for pipe in (proc.stdin, proc.stdout):
            try:
                pipe.close()
            except OSError:
                pass
        return code


def _how(code: int) -> str:
    """How a process with return code ``code`` ended, in words."""
    return f"signal {-code}" if code < 0 else f"exit code {code}"


# Workers between batches, kept so that the next batch (of this run or of a
# later one in a long-lived process) does not start a child again.  There are
# never more than batches run at once; all end when the process does.
_idle: list[RepairWorker] = []
_idle_lock = threading.Lock()


@contextlib.contextmanager
def borrowed_worker(
    time_limit: float = DEFAULT_TIME_LIMIT, memory_limit: int | None = DEFAULT_MEMORY_LIMIT
) -> Iterator[RepairWorker]:
    """A worker for one batch: an idle one if there is one, else a new one; given back afterwards."""
    with _idle_lock:
        worker = _idle.pop() if _idle else RepairWorker(time_limit, memory_limit)
    worker.time_limit, worker.memory_limit = time_limit, memory_limit
    try:
        yield worker
    finally:
        with _idle_lock:
            _idle.append(worker)


@atexit.register
def _close_idle() -> None:
    with _idle_lock:
        workers = _idle[:]
        _idle.clear()
    for worker in workers:
        worker.close()


def _send(pipe, message) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    pipe.write(_HEADER.pack(len(data)) + data)
    pipe.flush()


def _receive(pipe, deadline: float | None = None):
    """One message from ``pipe``; ``TimeoutError`` past ``deadline``, ``EOFError`` if the pipe closes."""
    header = _read_exact(pipe, _HEADER.size, deadline)
    (size,) = _HEADER.unpack(header)
    return pickle.loads(_read_exact(pipe, size, deadline))


def _read_exact(pipe, n: int, deadline: float | None) -> bytes:
    if deadline is None:
        data = pipe.read(n)
        if len(data) < n:
            raise EOFError
        return data
    fd = pipe.fileno()
    chunks = []
    with selectors.DefaultSelector() as sel:
        sel.register(fd, selectors.EVENT_READ)
        while n:
            left = deadline - time.monotonic()
            if left <= 0 or not sel.select(left):
                raise TimeoutError
            chunk = os.read(fd, min(n, 1 << 20))
            if not chunk:
                raise EOFError
            chunks.append(chunk)
            n -= len(chunk)
    return b"".join(chunks)


def _orphan_watch(parent: int) -> None:
    """End the child once its parent is gone, even in the middle of a document."""
    while True:
        time.sleep(1.0)
        if os.getppid() != parent:
            os._exit(1)


def _without_tracebacks(exc: BaseException) -> BaseException:
    """``exc`` with the tracebacks of it and its causes dropped, so that the repair's data they hold is freed."""
    seen = exc
    while seen is not None:
        seen.__traceback__ = None
        seen = seen.__cause__ or seen.__context__
    return exc


def _limit_memory(megabytes: int | None) -> None:
    """Cap this process's address space (the soft limit, so that the next document may have another)."""
    try:
        import resource
    except ImportError:  # not POSIX
        return
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    soft = resource.RLIM_INFINITY if megabytes is None else megabytes << 20
    if hard != resource.RLIM_INFINITY:
        soft = hard if soft == resource.RLIM_INFINITY else min(soft, hard)
    resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def main() -> None:
    """The child: repair each (source, options, memory limit) read from stdin, answer on stdout, until stdin closes."""
    inp = sys.stdin.buffer
    # Answers go to the real stdout; anything a library prints goes to stderr.
    out = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    threading.Thread(target=_orphan_watch, args=(os.getppid(),), daemon=True).start()
    # Read the dictionary that most repairs need (over a second) before the
    # parent starts a document's clock, then say so.
    lexicon.word_counts()
    _send(out, ("ready", None))
    while True:
        try:
            source, options, memory_limit = _receive(inp)
        except EOFError:
            return
        _limit_memory(memory_limit)
        try:
            answer = ("ok", pipeline.repair_document(source, options=options))
        except Exception as exc:  # noqa: BLE001 - raised again in the parent, which decides
            answer = ("raised", _without_tracebacks(exc))
        # The limit is the repair's: the answer is pickled without it (a
        # repair stopped by the limit leaves little room to say so).
        _limit_memory(None)
        try:
            _send(out, answer)
        except Exception as exc:  # noqa: BLE001 - an exception that does not pickle
            _send(out, ("raised", RuntimeError(f"{type(answer[1]).__name__}: {answer[1]} ({exc})")))


if __name__ == "__main__":
    main()

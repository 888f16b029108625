"""The repair worker (flows.worker): the library's answers, within a time limit, in a child process."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

import pipeline
from flows import inbox as ib
from flows import worker as fw
from flows.worker import RepairWorker, TimeLimitExceeded, WorkerDied

from .support import FIXTURES, SAMPLE, inflating_pdf, scattered_words_pdf

REPO = Path(__file__).resolve().parent.parent

# Far more than a small PDF takes, far less than the slow one (three minutes here).
LIMIT = 3.0
SLOW_WORDS = 2000


def _named(path: Path) -> pipeline.NamedBytes:
    return pipeline.NamedBytes(path.name, path.read_bytes())


def test_the_worker_answers_as_the_library_does():
    sources = [_named(SAMPLE), _named(FIXTURES / "pdfjs__XiaoBiaoSong.pdf")]
    options = pipeline.RepairOptions(lossy_margin=0.0)
    with RepairWorker(60) as worker:
        for source in sources:
            assert worker.repair(source, options).to_dict() == pipeline.repair_document(source, options=options).to_dict()
        with pytest.raises(pipeline.UndecodableInputError, match="binary"):
            worker.repair(pipeline.NamedBytes("noise.bin", bytes(range(32)) * 64))
        # The refusal did not end the child: it repairs the next document.
        assert worker.repair(sources[0]).text == pipeline.repair_document(sources[0]).text


def test_a_document_past_the_limit_is_stopped_and_the_next_one_repaired():
    slow = pipeline.NamedBytes("scattered.pdf", scattered_words_pdf(SLOW_WORDS))
    with RepairWorker(LIMIT) as worker:
        started = time.monotonic()
        with pytest.raises(TimeLimitExceeded, match=f"longer than {LIMIT:g} s"):
            worker.repair(slow)
        assert time.monotonic() - started < LIMIT + 10
        assert worker.repair(_named(SAMPLE)).text == pipeline.repair_document(SAMPLE).text


def _slow_start(monkeypatch, folder: Path, code: str) -> None:
    """Run ``code`` at the start of every child the test starts (a ``sitecustomize`` on its path), as a loaded machine would."""
    (folder / "sitecustomize.py").write_text(code, encoding="utf-8")
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(folder), os.environ.get("PYTHONPATH")])))


def test_the_time_limit_counts_the_repair_not_the_start_of_the_worker(monkeypatch, tmp_path):
    """A child slow to start (a busy machine, a cold disk) does not spend the first document's time.

    The sample takes a third of a second once the child has started; the
    child takes longer than the whole limit to start.
    """
    _slow_start(monkeypatch, tmp_path, f"import time\ntime.sleep({LIMIT + 1})\n")
    with RepairWorker(LIMIT) as worker:
        assert worker.repair(_named(SAMPLE)).text == pipeline.repair_document(SAMPLE).text


def test_a_worker_that_does_not_start_is_reported(monkeypatch, tmp_path):
    monkeypatch.setattr(fw, "START_TIMEOUT", 1.0)
    _slow_start(monkeypatch, tmp_path, "import time\ntime.sleep(60)\n")
    started = time.monotonic()
    with RepairWorker(60) as worker:
        with pytest.raises(WorkerDied, match="did not start within 1 s"):
            worker.repair(_named(SAMPLE))
    assert time.monotonic() - started < 10
    _slow_start(monkeypatch, tmp_path, "import os\nos._exit(3)\n")
    with RepairWorker(60) as worker:
        with pytest.raises(WorkerDied, match="exit code 3.* before it was ready"):
            worker.repair(_named(SAMPLE))


def test_a_worker_that_dies_on_a_document_is_reported_and_replaced():
    import threading

    slow = pipeline.NamedBytes("scattered.pdf", scattered_words_pdf(SLOW_WORDS))
    with RepairWorker(60) as worker:
        worker.repair(_named(SAMPLE))
        # Killed in the middle of a document, as the kernel's OOM killer would.
        threading.Timer(1.0, worker._proc.kill).start()
        with pytest.raises(WorkerDied, match="signal 9"):
            worker.repair(slow)
        assert worker.repair(_named(SAMPLE)).text == pipeline.repair_document(SAMPLE).text


def test_a_worker_that_died_between_documents_is_replaced_without_blame():
    with RepairWorker(60) as worker:
        worker.repair(_named(SAMPLE))
        worker._proc.kill()
        worker._proc.wait()
        assert worker.repair(_named(SAMPLE)).text == pipeline.repair_document(SAMPLE).text


def test_a_timed_out_document_goes_to_failed_and_is_tried_again(tmp_path):
    inbox, outbox = tmp_path / "in", tmp_path / "out"
    inbox.mkdir()
    outbox.mkdir()
    (inbox / "scattered.pdf").write_bytes(scattered_words_pdf(SLOW_WORDS))
    (item,) = ib.pending(inbox, ib.Ledger.load(outbox))[0]
    with RepairWorker(LIMIT) as worker:
        record = ib.clean_document(item, outbox, None, worker).record
    assert record["status"] == "timeout" and record["attempt"] == 1
    ledger = ib.Ledger.load(outbox)
    ledger.append([record])
    assert [t.timeouts for t in ib.pending(inbox, ib.Ledger.load(outbox))[0]] == [1]
    assert "TimeLimitExceeded" in record["reason"]
    assert (outbox / ib.FAILED_DIR / "scattered.pdf").read_bytes() == item.path.read_bytes()
    assert "longer than" in (outbox / ib.FAILED_DIR / "scattered.pdf.reason").read_text(encoding="utf-8")
    assert not (outbox / "scattered.pdf.txt").exists()


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads process states from /proc")
def test_the_worker_ends_when_its_parent_is_killed():
    """A flow process killed mid-document leaves no child repairing on its own."""
    script = (
        "import os, sys, pipeline, flows.worker as fw\n"
        "from tests.support import scattered_words_pdf\n"
        "w = fw.RepairWorker(600)\n"
        "proc = w._start()\n"
        "print(proc.pid, flush=True)\n"
        "fw._send(proc.stdin, (pipeline.NamedBytes('s.pdf', scattered_words_pdf(4000)), None, None))\n"
        "os._exit(0)\n"
    )
    out = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, timeout=60)
    child = int(out.stdout.split()[0])
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and _running(child):
        time.sleep(0.2)
    assert not _running(child)


def _running(pid: int) -> bool:
    """Whether ``pid`` is a live process (a zombie waiting for its reaper is not)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state != "Z"


def test_a_pdf_that_inflates_past_the_memory_limit_fails_as_unreadable():
    """A decompression bomb: 200 MB of zeros in a 200 KB stream, against a 300 MB address space."""
    bomb = pipeline.NamedBytes("bomb.pdf", inflating_pdf(200))
    with RepairWorker(60, memory_limit=300) as worker:
        with pytest.raises(pipeline.UndecodableInputError, match="MemoryError"):
            worker.repair(bomb)
        # The limit is the document's: the next one has the whole of it again.
        assert worker.repair(_named(SAMPLE)).text == pipeline.repair_document(SAMPLE).text


def test_a_document_stopped_by_the_memory_limit_is_answered_and_the_worker_goes_on():
    """The slow PDF's layout analysis needs more than 250 MB: pdfminer fails, and the child can still say so."""
    slow = pipeline.NamedBytes("scattered.pdf", scattered_words_pdf(SLOW_WORDS))
    with RepairWorker(600, memory_limit=250) as worker:
        with pytest.raises(pipeline.UndecodableInputError, match="MemoryError"):
            worker.repair(slow)
        assert worker.repair(_named(SAMPLE)).text == pipeline.repair_document(SAMPLE).text


def test_limits_must_be_positive():
    with pytest.raises(ValueError, match="more than 0"):
        RepairWorker(0)
    with pytest.raises(ValueError, match="more than 0 MB"):
        RepairWorker(10, memory_limit=0)

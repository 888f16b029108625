"""The clean_inbox and repair_file flows end to end, on the session's temporary Prefect server."""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import pipeline

pytestmark = pytest.mark.flow

REPO = Path(__file__).resolve().parent.parent
FIXTURE = REPO / "fixtures" / "000_f34ac04e32c0b974.txt"


def _binary_bytes(n: int = 4096) -> bytes:
    # Fixed seed: the same "random" bytes on every run.  Full of NULs and control
    # characters, so no encoding detection can take them for text.
    return random.Random(20240706).randbytes(n)


def _variants(inbox: Path, n: int) -> list[Path]:
    """n distinct documents: the fixture with a numbered clean paragraph added, so each has its own hash."""
    base = FIXTURE.read_text(encoding="utf-8")
    paths = []
    for i in range(n):
        path = inbox / f"doc{i:03d}.txt"
        path.write_text(base + f"\n第{i}号补充说明：本文件用于测试。\n", encoding="utf-8")
        paths.append(path)
    return paths


def _ledger(outbox: Path) -> list[dict]:
    return [json.loads(line) for line in (outbox / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]


def _artifacts(flow_run_id) -> dict:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId

    with get_client(sync_client=True) as client:
        found = client.read_artifacts(
            artifact_filter=ArtifactFilter(flow_run_id=ArtifactFilterFlowRunId(any_=[flow_run_id]))
        )
    return {a.key: a for a in found}


def test_clean_inbox_end_to_end(prefect_server, tmp_path):
    from flows.clean import (
        DOCUMENTS_ARTIFACT_KEY,
        EXCERPTS_ARTIFACT_KEY,
        PROGRESS_ARTIFACT_KEY,
        SUMMARY_ARTIFACT_KEY,
        clean_inbox,
    )

    inbox, outbox = tmp_path / "inbox", tmp_path / "outbox"
    inbox.mkdir()
    good = inbox / FIXTURE.name
    shutil.copyfile(FIXTURE, good)
    gbk = inbox / "notes"  # no extension, GB18030 bytes: any text file is listed
    gbk.write_bytes("本报北京电  （记者）国务院总理李克强会见外宾。\n".encode("gb18030"))
    bad = inbox / "zz_binary.txt"
    bad.write_bytes(_binary_bytes())
    (inbox / ".hidden.txt").write_text("hidden files are not listed")
    (inbox / "sub").mkdir()
    (inbox / "sub" / "nested.txt").write_text("sub-folders are not listed")

    # batch_size=1 puts every document in its own task; the default puts them
    # in one, where the failure must not stop the others.
    for batch_size in (50, 1):
        shutil.rmtree(outbox, ignore_errors=True)
        state = clean_inbox(str(inbox), str(outbox), batch_size=batch_size, return_state=True)
        assert state.is_completed(), state
        assert "1 failed" in state.message
        summary = state.result()
        assert (summary["processed"], summary["ok"], summary["failed"], summary["skipped"]) == (3, 2, 1, 0)

        expected = pipeline.repair_document(good)
        assert (outbox / good.name).read_text(encoding="utf-8") == expected.text
        assert (outbox / "notes.txt").read_text(encoding="utf-8") == pipeline.repair_document(gbk).text
        assert (outbox / "_failed" / bad.name).read_bytes() == bad.read_bytes()
        assert (outbox / "_failed" / f"{bad.name}.reason").read_text(encoding="utf-8").strip()
        assert not (outbox / bad.name).exists()
        assert {p.name for p in outbox.iterdir()} == {"_failed", good.name, "notes.txt", "manifest.jsonl", ".lock"}

        records = _ledger(outbox)
        assert [r["name"] for r in records] == [good.name, "notes", bad.name]
        by_name = {r["name"]: r for r in records}
        assert by_name[good.name]["sha256"] == hashlib.sha256(good.read_bytes()).hexdigest()
        assert by_name[good.name]["report"] == dict(expected.report.counts)
        assert by_name[good.name]["sections"] == expected.to_dict()["sections"]
        assert by_name["notes"]["encoding"] == "gb18030"
        assert by_name[bad.name]["status"] == "failed" and by_name[bad.name]["reason"]
        assert [p for p in outbox.rglob("*.tmp")] == []

        artifacts = _artifacts(state.state_details.flow_run_id)
        assert set(artifacts) >= {SUMMARY_ARTIFACT_KEY, DOCUMENTS_ARTIFACT_KEY, PROGRESS_ARTIFACT_KEY,
                                  EXCERPTS_ARTIFACT_KEY}
        summary_md = artifacts[SUMMARY_ARTIFACT_KEY].data
        assert "documents processed: **3** (2 ok, 1 failed, 0 errors)" in summary_md
        assert f"| fragments_joined | {expected.report['fragments_joined']} |" in summary_md
        assert bad.name in summary_md
        table = artifacts[DOCUMENTS_ARTIFACT_KEY].data
        rows = json.loads(table) if isinstance(table, str) else table
        assert [row["document"] for row in rows] == [good.name, "notes", bad.name]
        assert float(artifacts[PROGRESS_ARTIFACT_KEY].data) == 100.0
        assert good.name in artifacts[EXCERPTS_ARTIFACT_KEY].data


def test_rerun_processes_nothing_and_changed_documents_again(prefect_server, tmp_path):
    from flows.clean import clean_inbox

    inbox, outbox = tmp_path / "inbox", tmp_path / "outbox"
    inbox.mkdir()
    docs = _variants(inbox, 3)
    first = clean_inbox(str(inbox), str(outbox), batch_size=2)
    assert (first["processed"], first["skipped"]) == (3, 0)
    ledger_before = (outbox / "manifest.jsonl").read_bytes()

    again = clean_inbox(str(inbox), str(outbox), batch_size=2)
    assert (again["processed"], again["skipped"]) == (0, 3)
    assert (outbox / "manifest.jsonl").read_bytes() == ledger_before

    # A changed document is a new one; a failure that is fixed replaces its stale outcome.
    docs[0].write_bytes(_binary_bytes())
    third = clean_inbox(str(inbox), str(outbox))
    assert (third["processed"], third["failed"], third["skipped"]) == (1, 1, 2)
    assert not (outbox / docs[0].name).exists() and (outbox / "_failed" / docs[0].name).exists()
    shutil.copyfile(FIXTURE, docs[0])
    fourth = clean_inbox(str(inbox), str(outbox))
    assert (fourth["processed"], fourth["ok"]) == (1, 1)
    assert (outbox / docs[0].name).exists()
    assert not (outbox / "_failed" / docs[0].name).exists()
    assert not (outbox / "_failed" / f"{docs[0].name}.reason").exists()


def test_empty_inbox(prefect_server, tmp_path):
    """No inputs: a zero summary, not an error."""
    from flows.clean import clean_inbox

    inbox, outbox = tmp_path / "inbox", tmp_path / "outbox"
    inbox.mkdir()
    summary = clean_inbox(str(inbox), str(outbox))
    assert summary["processed"] == 0 and summary["failed"] == 0


def test_documents_past_the_limits_are_stopped_and_the_run_goes_on(prefect_server, tmp_path):
    """A stuck document is stopped, shown and left for the next run; a bomb fails; the others are repaired."""
    from flows.clean import clean_inbox

    from .support import inflating_pdf, scattered_words_pdf

    inbox, outbox = tmp_path / "inbox", tmp_path / "outbox"
    inbox.mkdir()
    shutil.copy(FIXTURE, inbox / FIXTURE.name)
    (inbox / "scattered.pdf").write_bytes(scattered_words_pdf(2000))
    # (No memory limit here: the slow PDF's layout analysis may reach one
    # before the time limit, and then fails as unreadable.)
    state = clean_inbox(str(inbox), str(outbox), time_limit=3.0, memory_limit=None, return_state=True)
    summary = state.result()
    assert (summary["ok"], summary["timeouts"], summary["failed"], summary["errors"]) == (1, 1, 0, 0)
    assert "1 timed out" in state.message
    assert [f["name"] for f in summary["failures"]] == ["scattered.pdf"]
    assert (outbox / FIXTURE.name).read_text(encoding="utf-8") == pipeline.repair_document(FIXTURE).text
    assert "longer than 3 s" in (outbox / "_failed" / "scattered.pdf.reason").read_text(encoding="utf-8")
    # Not done yet: the ledger counts the attempt, and the next run tries it
    # again (and stops it again).
    assert [(r["name"], r["status"], r.get("attempt")) for r in _ledger(outbox)] == [
        (FIXTURE.name, "ok", None),
        ("scattered.pdf", "timeout", 1),
    ]
    again = clean_inbox(str(inbox), str(outbox), time_limit=3.0, memory_limit=None)
    assert (again["processed"], again["timeouts"], again["skipped"]) == (1, 1, 1)
    assert _ledger(outbox)[-1]["attempt"] == 2

    # The memory limit reaches the worker: a bomb fails, and is done.
    (inbox / "scattered.pdf").unlink()
    (inbox / "bomb.pdf").write_bytes(inflating_pdf(200))
    bombed = clean_inbox(str(inbox), str(outbox), memory_limit=300)
    assert (bombed["processed"], bombed["failed"], bombed["errors"]) == (1, 1, 0)
    assert "MemoryError" in (outbox / "_failed" / "bomb.pdf.reason").read_text(encoding="utf-8")
    assert sorted(r["name"] for r in _ledger(outbox) if r["status"] != "timeout") == sorted([FIXTURE.name, "bomb.pdf"])


def test_the_lossy_margin_reaches_every_document(prefect_server, tmp_path):
    """The flow's ``lossy_margin`` parameter is the library's option, for each batch."""
    from flows.clean import clean_inbox

    from .support import sample_parts

    clean, _ = sample_parts()
    inbox, outbox = tmp_path / "inbox", tmp_path / "outbox"
    inbox.mkdir()
    doc = inbox / "lossy.txt"
    doc.write_text("\n".join(clean[2:8]).encode("utf-8").decode("gbk", errors="replace"), encoding="utf-8")
    summary = clean_inbox(str(inbox), str(outbox), lossy_margin=0.0)
    assert summary["ok"] == 1
    guessed = pipeline.repair_document(doc, options=pipeline.RepairOptions(lossy_margin=0.0)).text
    assert (outbox / doc.name).read_text(encoding="utf-8") == guessed
    assert "\ufffd" not in guessed and "\ufffd" in pipeline.repair_document(doc).text


def test_kill_9_midway_then_resume(prefect_server, tmp_path):
    """SIGKILL a run in the middle; the next run leaves every document exactly once and nothing partial."""
    from prefect.settings import PREFECT_API_URL

    from flows.clean import clean_inbox

    inbox, outbox = tmp_path / "inbox", tmp_path / "outbox"
    inbox.mkdir()
    docs = _variants(inbox, 60)
    env = dict(os.environ, PREFECT_API_URL=PREFECT_API_URL.value(), PREFECT_LOGGING_LEVEL="WARNING")
    cmd = [sys.executable, "-m", "flows", "run", str(inbox), str(outbox), "--batch-size", "1", "--no-progress"]
    proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        manifest = outbox / "manifest.jsonl"
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None:
            if manifest.exists() and manifest.read_bytes().count(b"\n") >= 5:
                break
            time.sleep(0.05)
        assert proc.poll() is None, proc.stderr.read().decode()
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.stderr.close()
    done_before = len(_ledger(outbox))
    assert 5 <= done_before < len(docs)

    summary = clean_inbox(str(inbox), str(outbox), batch_size=7)
    assert summary["processed"] == len(docs) - done_before and summary["skipped"] == done_before

    records = _ledger(outbox)
    assert sorted(r["name"] for r in records) == [d.name for d in docs]  # each exactly once
    for doc in docs:
        assert (outbox / doc.name).read_text(encoding="utf-8") == pipeline.repair_document(doc).text
    assert list(outbox.rglob("*.tmp")) == []


def test_dask_workers_give_identical_outputs(prefect_server, tmp_path):
    """Two Dask worker processes write byte-identical outputs and the same ledger as one thread."""
    pytest.importorskip("prefect_dask")
    from flows.clean import clean_inbox
    from flows.runners import dask_runner, shared_api

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    _variants(inbox, 6)
    (inbox / "zz_binary.txt").write_bytes(_binary_bytes())
    seq, par = tmp_path / "seq", tmp_path / "par"
    clean_inbox(str(inbox), str(seq), batch_size=2)
    with shared_api():
        state = clean_inbox.with_options(task_runner=dask_runner(workers=2))(
            str(inbox), str(par), batch_size=2, return_state=True
        )
    assert state.is_completed(), state

    def files(root: Path) -> dict[str, bytes]:
        return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file() and p.name != ".lock"}

    # Outputs, failures and the ledger alike.
    assert files(seq) == files(par)


def test_repair_file_flow(prefect_server, tmp_path):
    from flows.clean import REPAIR_FILE_ARTIFACT_KEY, repair_file

    out = tmp_path / "out.txt"
    state = repair_file(str(FIXTURE), str(out), return_state=True)
    assert state.is_completed()
    expected = pipeline.repair_document(FIXTURE)
    assert out.read_text(encoding="utf-8") == expected.text
    assert state.result() == dict(expected.report.counts)
    artifact = _artifacts(state.state_details.flow_run_id)[REPAIR_FILE_ARTIFACT_KEY]
    assert "fragments_joined" in artifact.data

    binary = tmp_path / "scan.bin"
    binary.write_bytes(bytes(range(256)) * 4)
    failed = repair_file(str(binary), return_state=True)
    assert failed.is_failed()

"""The clean_inbox flow end to end, on a temporary Prefect server."""

from __future__ import annotations

import hashlib
import json
import random
import shutil
from pathlib import Path

import pytest

import pipeline

pytestmark = pytest.mark.flow

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "000_f34ac04e32c0b974.txt"


def _binary_bytes(n: int = 4096) -> bytes:
    # Fixed seed: the same "random" bytes on every run.  Full of NULs and control
    # characters, so no encoding detection can take them for text.
    return random.Random(20240706).randbytes(n)


def test_clean_inbox_end_to_end(prefect_server, tmp_path):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId, ArtifactFilterKey

    from flows.clean import SUMMARY_ARTIFACT_KEY, clean_inbox

    inbox, outbox = tmp_path / "inbox", tmp_path / "outbox"
    inbox.mkdir()
    good = inbox / FIXTURE.name
    shutil.copyfile(FIXTURE, good)
    bad = inbox / "zz_binary.txt"
    bad.write_bytes(_binary_bytes())
    (inbox / "ignored.md").write_text("not a .txt, not listed")
    (inbox / "expected").mkdir()
    (inbox / "expected" / "nested.txt").write_text("in a sub-folder, not listed")

    # batch_size=1 puts the two documents in separate tasks; the default puts
    # them in one, where the failure must not stop the good document.
    for batch_size in (20, 1):
        shutil.rmtree(outbox, ignore_errors=True)
        state = clean_inbox(str(inbox), str(outbox), batch_size=batch_size, return_state=True)
        assert state.is_completed(), state
        summary = state.result()
        assert summary["documents"] == 2 and summary["ok"] == 1 and summary["failed"] == 1

        expected = pipeline.repair_document(good)
        out = outbox / good.name
        assert out.read_text(encoding="utf-8") == expected.text
        assert summary["counts"] == dict(expected.report.counts)

        failed_copy = outbox / "_failed" / "zz_binary.txt"
        reason = outbox / "_failed" / "zz_binary.reason"
        assert failed_copy.read_bytes() == bad.read_bytes()
        assert reason.read_text(encoding="utf-8").strip()
        assert not (outbox / "zz_binary.txt").exists()
        assert {p.name for p in outbox.iterdir()} == {"_failed", good.name, "manifest.jsonl"}

        lines = (outbox / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
        records = [json.loads(line) for line in lines]
        assert [r["name"] for r in records] == [good.name, bad.name]
        ok, failed = records
        assert ok["status"] == "ok" and failed["status"] == "failed"
        assert ok["sha256"] == hashlib.sha256(good.read_bytes()).hexdigest()
        assert failed["sha256"] == hashlib.sha256(bad.read_bytes()).hexdigest()
        assert ok["report"] == dict(expected.report.counts)
        assert ok["sections"] == expected.to_dict()["sections"]
        assert failed["reason"]

        leftovers = [p for p in outbox.rglob("*") if p.name.startswith(".") or p.suffix == ".tmp"]
        assert leftovers == []

        flow_run_id = state.state_details.flow_run_id
        with get_client(sync_client=True) as client:
            artifacts = client.read_artifacts(
                artifact_filter=ArtifactFilter(
                    key=ArtifactFilterKey(any_=[SUMMARY_ARTIFACT_KEY]),
                    flow_run_id=ArtifactFilterFlowRunId(any_=[flow_run_id]),
                )
            )
        assert len(artifacts) == 1
        artifact = artifacts[0]
        assert artifact.type == "markdown"
        assert "2 (1 ok, 1 failed)" in artifact.data
        assert "zz_binary.txt" in artifact.data


def test_rerun_replaces_stale_outcome(prefect_server, tmp_path):
    """A document that failed before and succeeds now (or the reverse) leaves only its latest outcome."""
    from flows.clean import clean_inbox

    inbox, outbox = tmp_path / "inbox", tmp_path / "outbox"
    inbox.mkdir()
    doc = inbox / "doc.txt"
    doc.write_bytes(_binary_bytes())
    clean_inbox(str(inbox), str(outbox))
    assert (outbox / "_failed" / "doc.txt").exists() and not (outbox / "doc.txt").exists()

    shutil.copyfile(FIXTURE, doc)
    clean_inbox(str(inbox), str(outbox))
    assert (outbox / "doc.txt").exists()
    assert not (outbox / "_failed" / "doc.txt").exists()
    assert not (outbox / "_failed" / "doc.reason").exists()

    doc.write_bytes(_binary_bytes())
    clean_inbox(str(inbox), str(outbox))
    assert not (outbox / "doc.txt").exists()
    assert (outbox / "_failed" / "doc.reason").exists()


def test_empty_inbox(prefect_server, tmp_path):
    """No inputs: an empty manifest and a zero summary, not an error."""
    from flows.clean import clean_inbox

    inbox, outbox = tmp_path / "inbox", tmp_path / "outbox"
    inbox.mkdir()
    summary = clean_inbox(str(inbox), str(outbox))
    assert summary["documents"] == 0 and summary["failed"] == 0
    assert (outbox / "manifest.jsonl").read_bytes() == b""

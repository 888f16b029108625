"""The clean_inbox flow against a real ``prefect server start``, read back over its REST API.

Unlike test_flow_clean.py (in-process, on the session's ``prefect_test_harness``
server), this module starts its own ``prefect server start`` subprocess on a free
loopback port with its own throw-away PREFECT_HOME and SQLite database, runs the
flow in a *separate Python process* pointed at that server, and then checks what
the server recorded: the flow run, one task run per batch and the artifacts.
The test process's own Prefect settings are never touched: both subprocesses get
an environment with every inherited ``PREFECT_*`` variable removed and only the
ones set here.

One module-scoped fixture starts the server and runs the flow once (11-12 s
here: about 9 s for the server's first start with its database migrations,
2 s for the flow); the tests then only read.  The server and flow plumbing,
and the Prefect facts it relies on, are in bench/prefect_server.py.
"""

from __future__ import annotations

import json
import re
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import pytest

from bench.prefect_server import Server, api

pytestmark = pytest.mark.flow

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "fixtures"

BATCH_SIZE = 2
COPIES = 5  # copies of each fixture: with one fixture, 5 documents in 3 batches (2, 2, 1)

ARTIFACT_KEYS = {
    "clean-inbox-summary": "markdown",
    "clean-inbox-documents": "table",
    "clean-inbox-progress": "progress",
    "clean-inbox-excerpts": "markdown",
}


@dataclass
class ServerRun:
    """What the fixture leaves for the tests: the API, the flow's folders and the child's answer."""

    api_url: str
    inbox: Path
    outbox: Path
    names: list[str]
    child: dict[str, Any]


@pytest.fixture(scope="module")
def server_run(tmp_path_factory) -> Iterator[ServerRun]:
    tmp = tmp_path_factory.mktemp("prefect_server")
    # The inbox: COPIES copies of every fixture document, under distinct names.
    inbox, outbox = tmp / "inbox", tmp / "outbox"
    inbox.mkdir()
    sources = sorted(FIXTURES.glob("*.txt"))
    assert sources, f"no fixture documents in {FIXTURES}"
    for source in sources:
        for i in range(COPIES):
            shutil.copyfile(source, inbox / f"{i:02d}_{source.name}")
    names = sorted(p.name for p in inbox.iterdir())
    with Server(tmp / "prefect-home") as server:
        answer = server.run_flow(inbox, outbox, BATCH_SIZE)
        yield ServerRun(server.api_url, inbox, outbox, names, answer)


# --- the tests ----------------------------------------------------------------


def _flow_run(run: ServerRun) -> dict[str, Any]:
    runs = api(run.api_url, "/flow_runs/filter", {
        "flows": {"name": {"any_": ["clean-inbox"]}},
        "sort": "START_TIME_DESC",
        "limit": 10,
    })
    assert len(runs) == 1, [(r["name"], r["state_type"]) for r in runs]  # a fresh database: only ours
    return runs[0]


def _artifacts(run: ServerRun) -> dict[str, list[dict[str, Any]]]:
    """All artifacts of the flow run (its tasks' too), by key."""
    flow_run_id = run.child["flow_run_id"]
    artifacts = api(run.api_url, "/artifacts/filter", {
        "artifacts": {"flow_run_id": {"any_": [flow_run_id]}},
        "sort": "CREATED_DESC",
    })
    by_key: dict[str, list[dict[str, Any]]] = {}
    for artifact in artifacts:
        by_key.setdefault(artifact["key"], []).append(artifact)
    return by_key


def _one_artifact(run: ServerRun, key: str) -> dict[str, Any]:
    by_key = _artifacts(run)
    assert key in by_key, f"no artifact {key!r}; the flow run has keys {sorted(k for k in by_key if k)}"
    assert len(by_key[key]) == 1, f"{len(by_key[key])} artifacts with key {key!r}"
    artifact = by_key[key][0]
    assert artifact["type"] == ARTIFACT_KEYS[key], artifact["type"]
    return artifact


def test_flow_run_completed(server_run):
    flow_run = _flow_run(server_run)
    assert flow_run["id"] == server_run.child["flow_run_id"]
    assert flow_run["state_type"] == "COMPLETED", flow_run["state"]
    assert server_run.child["state"] == "COMPLETED"
    assert flow_run["parameters"]["batch_size"] == BATCH_SIZE
    assert flow_run["parameters"]["inbox"] == str(server_run.inbox)

    # The flow's own output: one repaired text per input and a manifest line each, in input order.
    assert sorted(p.name for p in server_run.outbox.glob("*.txt")) == server_run.names
    lines = (server_run.outbox / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["name"] for r in records] == server_run.names
    assert all(r["status"] == "ok" for r in records)


def test_one_completed_task_run_per_batch(server_run):
    # Task-run states reach the database through the server's event pipeline
    # (task_run_recorder), not the API call itself: allow them a few seconds.
    deadline = time.monotonic() + 15
    while True:
        task_runs = api(server_run.api_url, "/task_runs/filter", {
            "flow_runs": {"id": {"any_": [server_run.child["flow_run_id"]]}},
            "sort": "EXPECTED_START_TIME_ASC",
        })
        settled = task_runs and all(t["state_type"] == "COMPLETED" for t in task_runs)
        if settled or time.monotonic() > deadline:
            break
        time.sleep(0.25)
    n_batches = -(-len(server_run.names) // BATCH_SIZE)
    assert n_batches >= 2
    batch_runs = sorted((t["name"] for t in task_runs if t["name"].startswith("clean-batch-")),
                        key=lambda name: int(name.rsplit("-", 1)[1]))
    assert batch_runs == [f"clean-batch-{i}" for i in range(n_batches)]
    not_completed = [(t["name"], t["state_type"]) for t in task_runs if t["state_type"] != "COMPLETED"]
    assert not_completed == []


def test_summary_artifact(server_run):
    artifact = _one_artifact(server_run, "clean-inbox-summary")
    markdown = artifact["data"]
    n = len(server_run.names)
    # The count on the line that names the documents, e.g. "- documents processed: **5** (5 ok, ...)"
    assert re.search(rf"documents[^\n]*?(?<![\d.]){n}(?![\d.])", markdown, re.IGNORECASE), markdown


def test_documents_table_artifact(server_run):
    artifact = _one_artifact(server_run, "clean-inbox-documents")
    data = artifact["data"]
    table = json.loads(data) if isinstance(data, str) else data
    # create_table_artifact takes list[dict] (rows), list[list] (rows) or dict[str, list] (columns)
    n_rows = len(next(iter(table.values()))) if isinstance(table, dict) else len(table)
    assert n_rows == len(server_run.names), table
    text = json.dumps(table, ensure_ascii=False)
    assert all(name in text for name in server_run.names), table


def test_progress_artifact(server_run):
    artifact = _one_artifact(server_run, "clean-inbox-progress")
    assert float(artifact["data"]) == 100.0, artifact["data"]


def test_excerpts_artifact(server_run):
    artifact = _one_artifact(server_run, "clean-inbox-excerpts")
    assert isinstance(artifact["data"], str) and artifact["data"].strip(), artifact["data"]

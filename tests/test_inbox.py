"""The flows' plumbing without Prefect: the ledger, listing, the outbox lock."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from flows import inbox as ib


def _record(name: str, sha: str = "0" * 64, **extra) -> dict:
    return {"name": name, "sha256": sha, "size": 1, "mtime_ns": 1, "status": "ok", **extra}


def test_torn_last_line_is_skipped_then_cut_before_the_next_append(tmp_path):
    path = tmp_path / ib.MANIFEST
    path.write_bytes((json.dumps(_record("a")) + "\n" + '{"name": "b", "sha2').encode())
    ledger = ib.Ledger.load(tmp_path)
    assert list(ledger.done) == [("a", "0" * 64)]

    ledger.append([_record("c")])
    lines = path.read_text().splitlines()
    assert [json.loads(line)["name"] for line in lines] == ["a", "c"]
    assert ib.Ledger.load(tmp_path).is_done("c", "0" * 64)


def test_an_edited_ledger_is_refused(tmp_path):
    (tmp_path / ib.MANIFEST).write_text("not json\n" + json.dumps(_record("a")) + "\n")
    with pytest.raises(ValueError, match="manifest.jsonl:1"):
        ib.Ledger.load(tmp_path)


def test_pending_hashes_only_files_whose_size_or_time_changed(tmp_path, monkeypatch):
    inbox, outbox = tmp_path / "in", tmp_path / "out"
    inbox.mkdir()
    outbox.mkdir()
    for name in ("a.txt", "b.txt"):
        (inbox / name).write_text(name)
    ledger = ib.Ledger.load(outbox)
    todo, known = ib.pending(inbox, ledger)
    assert [t.name for t in todo] == ["a.txt", "b.txt"] and known == 0
    for item in todo:
        st = item.path.stat()
        ledger.append([_record(item.name, item.sha256, size=st.st_size, mtime_ns=st.st_mtime_ns)])

    def no_hashing(path):
        raise AssertionError(f"{path} hashed again")

    monkeypatch.setattr(ib, "sha256_file", no_hashing)
    assert ib.pending(inbox, ib.Ledger.load(outbox)) == ([], 2)


def test_hidden_files_and_folders_are_not_listed(tmp_path):
    (tmp_path / "doc").write_text("x")
    (tmp_path / ".partial").write_text("x")
    (tmp_path / "sub").mkdir()
    assert [p.name for p in ib.list_inbox(tmp_path)] == ["doc"]
    with pytest.raises(NotADirectoryError):
        ib.list_inbox(tmp_path / "doc")


def test_output_names():
    assert ib.output_name("a.txt") == "a.txt"
    assert ib.output_name("A.TXT") == "A.TXT"
    assert ib.output_name("notes") == "notes.txt"
    assert ib.output_name("page.html") == "page.html.txt"


def test_one_run_at_a_time_holds_the_outbox(tmp_path):
    with ib.outbox_lock(tmp_path):
        with pytest.raises(ib.OutboxBusy):
            with ib.outbox_lock(tmp_path):
                pass
    with ib.outbox_lock(tmp_path):  # released with the first holder
        pass


def test_stale_temporaries_are_removed(tmp_path):
    (tmp_path / ib.FAILED_DIR).mkdir()
    (tmp_path / ".a.txt.0123abcd.tmp").write_text("half")
    (tmp_path / ib.FAILED_DIR / ".b.0123abcd.tmp").write_text("half")
    (tmp_path / "a.txt").write_text("whole")
    assert ib.remove_stale_temporaries(tmp_path) == 2
    assert [p.name for p in tmp_path.rglob("*") if p.is_file()] == ["a.txt"]


def test_atomic_write_leaves_no_temporary_on_error(tmp_path):
    target = tmp_path / "missing-folder" / "x.txt"
    with pytest.raises(FileNotFoundError):
        ib.atomic_write_bytes(target, b"data")
    ib.atomic_write_bytes(tmp_path / "x.txt", b"data")
    assert (tmp_path / "x.txt").read_bytes() == b"data"
    assert [p.name for p in tmp_path.iterdir()] == ["x.txt"]


def test_an_input_whose_output_would_overwrite_another_is_refused(tmp_path):
    import pipeline

    inbox, outbox = tmp_path / "in", tmp_path / "out"
    inbox.mkdir()
    outbox.mkdir()
    sample = (Path(__file__).resolve().parent.parent / "fixtures" / "000_f34ac04e32c0b974.txt").read_bytes()
    (inbox / "X.txt").write_bytes(sample)
    (inbox / "X").write_bytes(sample + "\n补充。\n".encode())
    todo, _ = ib.pending(inbox, ib.Ledger.load(outbox))
    # X.txt first, so that X's refusal must also leave X.txt's output alone.
    outcomes = {item.name: ib.clean_document(item, outbox) for item in sorted(todo, key=lambda t: t.name != "X.txt")}
    assert outcomes["X.txt"].record["status"] == "ok"
    assert outcomes["X"].record["status"] == "failed"
    assert "would overwrite" in outcomes["X"].record["reason"]
    assert (outbox / "X.txt").read_text(encoding="utf-8") == pipeline.repair_document(inbox / "X.txt").text
    assert (outbox / ib.FAILED_DIR / "X").read_bytes() == (inbox / "X").read_bytes()


def test_a_document_stopped_at_the_time_limit_is_tried_again_up_to_its_last_attempt(tmp_path):
    inbox, outbox = tmp_path / "in", tmp_path / "out"
    inbox.mkdir()
    outbox.mkdir()
    doc = inbox / "a.pdf"
    doc.write_bytes(b"%PDF-1.4 slow")
    ledger = ib.Ledger.load(outbox)
    for attempt in range(1, ib.TIMEOUT_ATTEMPTS + 1):
        todo, known = ib.pending(inbox, ib.Ledger.load(outbox))
        assert [(t.name, t.timeouts) for t in todo] == [("a.pdf", attempt - 1)] and known == 0
        ledger.append([_record("a.pdf", todo[0].sha256, status="timeout", attempt=attempt)])
    # The last attempt makes it done: later runs skip it.
    assert ib.pending(inbox, ib.Ledger.load(outbox)) == ([], 1)
    # New content is a new document, tried afresh.
    doc.write_bytes(b"%PDF-1.4 fixed")
    todo, known = ib.pending(inbox, ib.Ledger.load(outbox))
    assert [(t.name, t.timeouts) for t in todo] == [("a.pdf", 0)] and known == 0


def test_a_timeout_record_says_which_attempt_it_was(tmp_path):
    from flows.worker import TimeLimitExceeded

    class Stuck:
        def repair(self, source, options=None):
            raise TimeLimitExceeded("took longer than 1 s")

    (tmp_path / "in").mkdir()
    doc = tmp_path / "in" / "a.pdf"
    doc.write_bytes(b"%PDF-1.4 slow")
    (item,) = ib.pending(tmp_path / "in", ib.Ledger.load(tmp_path))[0]
    first = ib.clean_document(item, tmp_path, None, Stuck()).record
    assert first["attempt"] == 1 and "the next run tries it again" in first["reason"]
    last = ib.clean_document(ib.InboxItem(item.name, item.path, item.sha256, item.size, None, ib.TIMEOUT_ATTEMPTS - 1), tmp_path, None, Stuck()).record
    assert last["attempt"] == ib.TIMEOUT_ATTEMPTS and "not tried again until its content changes" in last["reason"]
    assert (tmp_path / ib.FAILED_DIR / "a.pdf.reason").read_text(encoding="utf-8") == last["reason"] + "\n"

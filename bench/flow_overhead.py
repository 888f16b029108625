"""What Prefect costs: the clean-inbox flow against a plain loop, and 1 against 2 Dask workers.

Run: .venv/bin/python bench/flow_overhead.py [ARTICLES.jsonl] [-n 10000] [--batch-size 50]
                                            [--sweep 10,50,200] [--sweep-n 2000]

Generates n small documents (an article's title and first three paragraphs,
degraded by bench/degrade.py) from ../shared/corpus into a temporary inbox,
starts one Prefect server for the whole benchmark (as a deployment would have),
then times, over the same inbox:

* plain: a Python loop over the documents doing exactly the flow's per-document
  work (read, repair_document, atomic write, ledger line) with no Prefect;
* flow: the clean-inbox flow, one worker thread (the default);
* dask-1, dask-2: the flow with prefect-dask's DaskTaskRunner on a local
  cluster of 1 and 2 worker processes (cluster start-up included).

Then checks that every run's outbox (texts, failures, ledger) is byte-identical
to the plain loop's.  ``--sweep`` also times the flow at other batch sizes on
``--sweep-n`` documents, which is how the default batch size was chosen.
Exits non-zero when issue #5's bars are missed (flow overhead <= 10%, 2 workers
>= 1.6x one, identical outputs).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

os.environ.setdefault("PREFECT_HOME", str(ROOT / ".prefect"))
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")

from bench.degrade import generate, load_jsonl  # noqa: E402
from bench.quality import DEFAULT_CORPUS  # noqa: E402

MAX_OVERHEAD = 0.10
MIN_SPEEDUP = 1.6


def make_inbox(corpus: str, n: int, folder: Path) -> int:
    """Write n generated documents into ``folder``; return their total size in bytes."""
    articles = [replace(a, paragraphs=a.paragraphs[:3]) for a in load_jsonl(corpus)]
    folder.mkdir(parents=True)
    total = 0
    for i, case in enumerate(generate(articles, n, seed=0)):
        data = case.document.encode("utf-8")
        (folder / f"doc{i:05d}.txt").write_bytes(data)
        total += len(data)
    return total


def plain_loop(inbox: Path, outbox: Path, batch_size: int) -> None:
    """The flow's per-document work in a plain loop: same reads, repairs, writes and ledger appends."""
    from flows.inbox import Ledger, clean_document, pending

    outbox.mkdir(parents=True)
    ledger = Ledger.load(outbox)
    todo, _ = pending(inbox, ledger)
    for start in range(0, len(todo), batch_size):
        ledger.append(clean_document(item, outbox).record for item in todo[start : start + batch_size])


def snapshot(outbox: Path) -> dict[str, bytes]:
    """Every file of an outbox but its lock, by relative path."""
    return {str(p.relative_to(outbox)): p.read_bytes() for p in sorted(outbox.rglob("*"))
            if p.is_file() and p.name != ".lock"}


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    parser.add_argument("-n", type=int, default=10_000, help="documents (default 10000)")
    parser.add_argument("--batch-size", type=int, default=None, help="documents per task (default: the flow's)")
    parser.add_argument("--sweep", default="", help="other batch sizes to time, e.g. 10,50,200")
    parser.add_argument("--sweep-n", type=int, default=2000, help="documents for the sweep (default 2000)")
    args = parser.parse_args(argv)

    from flows.clean import clean_inbox, default_batch_size
    from flows.runners import dask_runner, shared_api

    batch_size = args.batch_size or default_batch_size(args.n)
    work = Path(tempfile.mkdtemp(prefix="flow-overhead-"))
    try:
        inbox = work / "inbox"
        t = timed(lambda: make_inbox(args.corpus, args.n, inbox))
        size = sum(p.stat().st_size for p in inbox.iterdir())
        print(f"{args.n} documents, {size / 1e6:.1f} MB, generated in {t:.0f} s; batch size {batch_size}; "
              f"{os.cpu_count()} CPUs", flush=True)
        results: dict[str, float] = {}
        with shared_api() as api:
            print(f"Prefect API: {api}", flush=True)
            results["plain"] = timed(lambda: plain_loop(inbox, work / "plain", batch_size))
            print(f"  plain loop      {results['plain']:7.1f} s", flush=True)
            results["flow"] = timed(lambda: clean_inbox(str(inbox), str(work / "flow"), batch_size=batch_size))
            print(f"  flow            {results['flow']:7.1f} s", flush=True)
            for workers in (1, 2):
                name = f"dask-{workers}"
                runner_flow = clean_inbox.with_options(task_runner=dask_runner(workers=workers))
                results[name] = timed(lambda: runner_flow(str(inbox), str(work / name), batch_size=batch_size))
                print(f"  {name:<15} {results[name]:7.1f} s", flush=True)

            sweep = [int(s) for s in args.sweep.split(",") if s]
            if sweep:
                sub = work / "sweep-inbox"
                sub.mkdir()
                for p in sorted(inbox.iterdir())[: args.sweep_n]:
                    os.link(p, sub / p.name)
                base = timed(lambda: plain_loop(sub, work / "sweep-plain", batch_size))
                print(f"\nbatch-size sweep on {args.sweep_n} documents (plain loop {base:.1f} s)")
                for b in sweep:
                    t = timed(lambda: clean_inbox(str(sub), str(work / f"sweep-{b}"), batch_size=b))
                    print(f"  batch {b:>5}: {t:6.1f} s, overhead {t / base - 1:+.1%}", flush=True)

        reference = snapshot(work / "plain")
        identical = {name: snapshot(work / name) == reference for name in ("flow", "dask-1", "dask-2")}
        overhead = results["flow"] / results["plain"] - 1
        speedup = results["dask-1"] / results["dask-2"]
        print(f"\nflow overhead over the plain loop: {overhead:+.1%} (bar <= {MAX_OVERHEAD:.0%})")
        print(f"2 Dask workers against 1: {speedup:.2f}x (bar >= {MIN_SPEEDUP}x)")
        print(f"per document: plain {1000 * results['plain'] / args.n:.2f} ms, flow {1000 * results['flow'] / args.n:.2f} ms")
        print("outboxes identical to the plain loop's: "
              + ", ".join(f"{k} {'yes' if v else 'NO'}" for k, v in identical.items()))
        ok = overhead <= MAX_OVERHEAD and speedup >= MIN_SPEEDUP and all(identical.values())
        print("PASS" if ok else "FAIL")
        return 0 if ok else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())

"""``python -m flows INBOX OUTBOX``: run the ``clean_inbox`` flow once and print a summary.

Without ``PREFECT_API_URL`` Prefect starts a temporary local server for the run
(10-15 s the first time), so this needs no Prefect set-up at all.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from .clean import MANIFEST, clean_inbox


def main(argv: list[str] | None = None) -> int:
    """Parse the command line, run the flow, print where the output is and its summary.

    Exits 0 when the flow completed, even if some documents failed (they are
    listed in the summary and kept in OUTBOX/_failed/); a crash of the flow
    itself propagates as an exception (exit 1).
    """
    parser = argparse.ArgumentParser(prog="python -m flows", description=__doc__.splitlines()[0])
    parser.add_argument("inbox", help="folder of .txt documents to repair")
    parser.add_argument("outbox", help="folder to write repaired texts, _failed/ and manifest.jsonl to")
    parser.add_argument("--batch-size", type=int, default=20, help="documents per Prefect task (default 20)")
    args = parser.parse_args(argv)

    summary = clean_inbox(args.inbox, args.outbox, batch_size=args.batch_size)

    outbox = Path(args.outbox).resolve()
    print()
    print(f"Output: {outbox}/ (manifest: {outbox / MANIFEST})")
    print(f"Documents: {summary['documents']} ({summary['ok']} ok, {summary['failed']} failed)")
    if summary["failed"]:
        print(f"Failed inputs and their reasons: {outbox / '_failed'}/")
    nonzero = {k: v for k, v in summary["counts"].items() if v}
    if nonzero:
        print("Report counters (summed): " + ", ".join(f"{k}={v}" for k, v in nonzero.items()))
    else:
        print("Report counters (summed): all zero")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

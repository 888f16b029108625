"""``python -m pipeline FILE``: print the canonical text of FILE (``-`` reads stdin bytes)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import RepairError, repair_document
from .mojibake import MIN_MARGIN


def main(argv: list[str] | None = None) -> int:
    """Repair one document and print its canonical text (or the JSON result with --json)."""
    parser = argparse.ArgumentParser(prog="python -m pipeline", description=__doc__)
    parser.add_argument("file", help="a .txt file of any common encoding, or - for standard input")
    parser.add_argument("--json", action="store_true", help="print the whole result (text, sections, report) as JSON")
    parser.add_argument("--script", choices=["auto", "simplified", "traditional", "keep"], default="auto")
    parser.add_argument(
        "--lossy-margin",
        type=float,
        default=MIN_MARGIN,
        help="how clearly a character a lossy decode dropped must be the likeliest to be restored (0: always guess)",
    )
    args = parser.parse_args(argv)
    from .model import RepairOptions

    source = sys.stdin.buffer.read() if args.file == "-" else Path(args.file)
    try:
        result = repair_document(source, options=RepairOptions(script=args.script, lossy_margin=args.lossy_margin))
    except RepairError as exc:
        print(f"newsrepair: {args.file}: {exc}", file=sys.stderr)
        return 2
    if args.json:
        json.dump(result.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(result.text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

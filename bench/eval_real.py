"""Score the whole pipeline on real published review openings, against a reader's gold.

    .venv/bin/python bench/eval_real.py [DIR] [--json OUT] [--model M] [--exclude-seen [READ_DIR]]

The gold format, the stages run and the figures are described in
`pipeline/evaluate/real.py`.  Only counts and file stems are printed or
written: the texts are real reviews.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from pipeline.evaluate.real import DEFAULT_DIR, evaluate, load_cases, result_lines, seen_stems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "folder", nargs="?", type=Path, default=DEFAULT_DIR, help=f"*.txt + *.gold.json (default {DEFAULT_DIR})"
    )
    parser.add_argument("--model", default=None)
    parser.add_argument("--json", type=Path, default=None, help="also write the counts as JSON (no text)")
    parser.add_argument(
        "--exclude-seen",
        type=Path,
        nargs="?",
        const=Path("/tmp/realread"),
        default=None,
        metavar="READ_DIR",
        help="leave out files whose SOURCES.txt address is listed in READ_DIR/*.txt (default /tmp/realread)",
    )
    args = parser.parse_args(argv)
    skip = seen_stems(args.folder, args.exclude_seen) if args.exclude_seen else set()
    if skip:
        print(f"left out (read since): {', '.join(sorted(skip))}")
    if not load_cases(args.folder, skip):
        print(f"no *.txt with a *.gold.json in {args.folder}", file=sys.stderr)
        return 2
    result = evaluate(args.folder, args.model, skip=skip)
    print("\n".join(result_lines(result)))
    if args.json:
        args.json.write_text(json.dumps(result, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

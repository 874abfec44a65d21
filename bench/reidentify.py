"""Re-identify a real (already coded) review and measure how well we code it again.

The draft, the gold and the scoring are described in `pipeline/evaluate/reidentify.py`.

Usage (from the repository root)::

    .venv/bin/python bench/reidentify.py                 # seeds 1 2 3, with Presidio
    .venv/bin/python bench/reidentify.py --seeds 7 --no-presidio --repeat 1
    .venv/bin/python bench/reidentify.py --report path/to/other_review.txt
    .venv/bin/python bench/reidentify.py --key-style names --no-presidio   # key without titles
    .venv/bin/python bench/reidentify.py --seeds 21 --repeat 5 --clock cpu  # CPU seconds: steadier when shared

Drafts, keys and outputs go to `bench/out/reidentify/` (git-ignored); a
summary JSON to `bench/out/reidentify/summary.json`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pipeline.evaluate.reidentify import DEFAULT_REPORT, OUT_DIR, evaluate
from pipeline.evaluate.timing import CLOCKS


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--report", type=Path, default=DEFAULT_REPORT)
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--model", default=None)
    parser.add_argument("--repeat", type=int, default=3, help="timing runs (best of N) on the first seed")
    parser.add_argument("--no-presidio", action="store_true")
    parser.add_argument(
        "--clock",
        choices=sorted(CLOCKS),
        default="wall",
        help="wall seconds, or this process's CPU seconds (steadier on a shared machine)",
    )
    parser.add_argument(
        "--key-style",
        choices=["titles", "names"],
        default="titles",
        help="titles: the key lists 'Ms Smith' for adults who share a surname; names: full/first names only",
    )
    parser.add_argument("--out", type=Path, default=OUT_DIR)
    args = parser.parse_args(argv)
    for seed, row in evaluate(
        args.report, args.seeds, args.model, args.repeat, not args.no_presidio, args.clock, args.key_style, args.out
    ):
        _print_row(seed, row)
    return 0


def _print_row(seed: int, row: dict) -> None:
    def line(name: str, s: dict) -> str:
        return (
            f"  {name:9s} names left {s['names_left']:4d} ({s['mentions_with_name_left']} mentions) | "
            f"code accuracy {s['code_accuracy']:.2%} of {s['mentions']} | "
            f"other words changed {s['other_words_changed_share']:.2%} "
            f"({s['other_words_changed']}/{s['other_words']}) | "
            f"planted {s['planted_exact_placeholder']}/{s['planted']} exact, "
            f"{s['planted_removed']}/{s['planted']} removed"
        )

    print(f"seed {seed}: {row['words']} words, {row['unplaced_people']} unplaced people, {row['ambiguous']} ambiguous")
    print(line("ours", row["ours"]))
    if "presidio" in row:
        print(line("presidio", row["presidio"]))
    if "time" in row:
        print("  time     " + ", ".join(f"{k} {v}" for k, v in row["time"].items()))


if __name__ == "__main__":
    sys.exit(main())

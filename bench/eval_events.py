"""Evaluate `scr events` against a hand-annotated chronology (gold JSONL).

The matching and the figures are described in `pipeline/evaluate/events.py`
(`--help` prints that description).

    .venv/bin/python bench/eval_events.py [--file corpus/child_e_stockport_2017.txt]
        [--gold corpus/gold/child_e_events.jsonl] [--model M] [--misses] [--json]
        [--cache DIR] [--shapes] [--blind] [--blind2]
"""

from __future__ import annotations

import argparse
import json

from pipeline.evaluate import events as scorer


def print_shapes(title: str, result: dict) -> None:
    print(
        f"== {title}: dated events right {result['dated_right']:.3f} of {result['gold']}, "
        f"false dates {result['false_dates']}"
    )
    for name, figures in result["files"].items():
        print(
            f"  {name:38s} right {figures['dated_right']:>6}  false dates {figures['false_dates']}  "
            f"events {figures['events']:>3} ({figures['outside_gold']} outside gold)"
        )
        for line in figures.get("misses", []):
            print(f"      {line}")


def main() -> None:
    parser = argparse.ArgumentParser(description=scorer.__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--file", "--report", dest="file", default=str(scorer.CHILD_E))
    parser.add_argument("--gold", default=str(scorer.GOLD_EVENTS))
    parser.add_argument("--model", default=None)
    parser.add_argument("--misses", action="store_true", help="list date, actor and action misses")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--cache", default=None, help="directory to cache the spaCy parse in (development)")
    parser.add_argument("--shapes", action="store_true", help="also score the real-review shapes (open set)")
    parser.add_argument("--blind", action="store_true", help="score the held-out real-review shapes (end of work only)")
    parser.add_argument("--blind2", action="store_true", help="score the second held-out set (end of work only)")
    args = parser.parse_args()

    results, misses = scorer.evaluate(
        args.file, args.gold, args.model, args.cache, args.shapes, args.blind, args.blind2, args.misses
    )
    if args.json:
        print(json.dumps(results, indent=1))
        return
    for name, figures in results.items():
        if name.startswith("real shapes"):
            print_shapes(name, figures)
            continue
        print(f"== {name}")
        for key, value in figures.items():
            print(f"  {key:26s} {value:.3f}" if isinstance(value, float) else f"  {key:26s} {value}")
    if args.misses:
        print("== misses")
        print("\n".join(misses))


if __name__ == "__main__":
    main()

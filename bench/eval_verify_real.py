"""Evaluate `scr verify` on review openings written in the shapes of real published reviews.

    python bench/eval_verify_real.py [--blind] [--blind2] [--show] [--json]

What is scored is described in `pipeline/evaluate/verify_shapes.py`.  ``--show``
prints each false alarm and miss with its file (fictional text only).
"""

from __future__ import annotations

import argparse
import json

from pipeline.evaluate.verify_shapes import evaluate


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=None)
    parser.add_argument("--blind", action="store_true", help="also score the blind set (do this once, at the end)")
    parser.add_argument("--blind2", action="store_true", help="also score the second blind set (once, at the end)")
    parser.add_argument("--show", action="store_true", help="list false alarms and misses (fictional fixtures only)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    out, per_file = evaluate(args.model, args.blind, args.blind2)
    if args.json:
        print(json.dumps({**out, "per_file": per_file} if args.show else out, indent=1, ensure_ascii=False))
        return 0
    for section, values in out.items():
        print(f"== {section}")
        for k, v in values.items():
            print(f"  {k}: {v}")
    if args.show:
        for name, results in per_file.items():
            for r in results:
                print(f"-- {name}/{r['file']}: missed {r['missed']}")
                for fa in r["false_alarms"]:
                    print(f"   FA {fa}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

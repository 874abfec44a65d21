"""Evaluate `scr verify`: recall on planted leaks, precision on the real review, and cost.

    python bench/eval_verify.py [--model NAME] [--repeat 2] [--json] [--skip-real]

What is measured is described in `pipeline/evaluate/verify.py`.
"""

from __future__ import annotations

import argparse
import json

from pipeline.evaluate.verify import evaluate


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=None)
    parser.add_argument("--repeat", type=int, default=2, help="timing repetitions (best is reported)")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--skip-real", action="store_true")
    args = parser.parse_args(argv)

    out = evaluate(args.model, args.repeat, real=not args.skip_real)
    if args.json:
        print(json.dumps(out, indent=1))
    else:
        for section, values in out.items():
            print(f"== {section}")
            for k, v in values.items():
                print(f"  {k}: {v}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

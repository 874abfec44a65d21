"""Score the structured-identifier recognizers on a held-out list of fictional sentences.

    python bench/eval_recognizers.py [--file tests/recognizers/data/recognizers_heldout.tsv] [--misses]

The file format and the figures are described in `pipeline/evaluate/recognizers.py`.
`--misses` prints the line numbers (not the text) of misses and false alarms, so that
the held-out sentences are not read while tuning.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from pipeline.evaluate.recognizers import DEFAULT, score


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", type=Path, default=DEFAULT)
    parser.add_argument("--misses", action="store_true", help="print line numbers of misses and false alarms")
    args = parser.parse_args(argv)
    result = score(args.file)
    total: Counter[str] = Counter()
    print(f"{'type':<16} {'recall':>12} {'precision':>12} {'false alarms':>14}")
    for etype, c in sorted(result["counts"].items()):
        total.update(c)
        predicted = c["found"] + c["false_alarms"]
        precision = c["hits"] / predicted if predicted else 1.0
        print(
            f"{etype:<16} {c['hits']:>4}/{c['positives']:<3} {c['hits'] / max(c['positives'], 1):4.0%} "
            f"{precision:>10.0%} {c['false_alarms']:>6} in {c['negatives']}"
        )
    predicted = total["found"] + total["false_alarms"]
    print(
        f"{'all':<16} {total['hits']:>4}/{total['positives']:<3} {total['hits'] / max(total['positives'], 1):4.0%} "
        f"{(total['hits'] / predicted if predicted else 1.0):>10.0%} "
        f"{total['false_alarms']:>6} in {total['negatives']}"
    )
    if args.misses:
        for number, what in result["misses"]:
            print(f"  line {number}: {what}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

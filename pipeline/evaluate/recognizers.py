"""Score the structured-identifier recognizers on a held-out list of fictional sentences.

    python bench/eval_recognizers.py [--file tests/recognizers/data/recognizers_heldout.tsv] [--misses]

Each line of the file is tab-separated:

    +  TYPE  span  sentence     TYPE must be found with exactly `span` (a hit)
    -  TYPE        sentence     no finding of TYPE in the sentence (else a false alarm)

Reports, per type: recall (exact-span hits / positive lines), precision
(exact-span hits / all findings of that type on the positive lines plus false
alarms on the negative lines), and false alarms.  `--misses` prints the line
numbers (not the text) of misses and false alarms, so that the held-out
sentences are not read while tuning.
"""
from __future__ import annotations

import argparse
import sys
import warnings
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DEFAULT = ROOT / "tests" / "recognizers" / "data" / "recognizers_heldout.tsv"


def read_cases(path: Path) -> list[tuple[int, str, str, str, str]]:
    """(line number, sign, type, span, sentence) for every non-comment line."""
    cases = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        sign, etype, span, sentence = line.split("\t", 3)
        cases.append((number, sign, etype, span, sentence))
    return cases


def score(path: Path) -> dict:
    """Per-type counts: positives, hits, findings on positive lines, false alarms."""
    from pipeline.nlp import load_nlp
    from pipeline.recognizers import analyze_doc, build_analyzer

    nlp = load_nlp()
    analyzer = build_analyzer(nlp)
    counts: dict[str, Counter] = {}
    misses: list[tuple[int, str]] = []
    for number, sign, etype, span, sentence in read_cases(path):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            doc = nlp(sentence)
        found = [sentence[r.start:r.end] for r in analyze_doc(analyzer, doc) if r.entity_type == etype]
        c = counts.setdefault(etype, Counter())
        if sign == "+":
            c["positives"] += 1
            c["found"] += len(found)
            if span in found:
                c["hits"] += 1
            else:
                misses.append((number, "miss" if not found else "wrong span"))
        else:
            c["negatives"] += 1
            c["false_alarms"] += len(found)
            if found:
                misses.append((number, "false alarm"))
    return {"counts": counts, "misses": misses}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", type=Path, default=DEFAULT)
    parser.add_argument("--misses", action="store_true", help="print line numbers of misses and false alarms")
    args = parser.parse_args(argv)
    result = score(args.file)
    total = Counter()
    print(f"{'type':<16} {'recall':>12} {'precision':>12} {'false alarms':>14}")
    for etype, c in sorted(result["counts"].items()):
        total.update(c)
        predicted = c["found"] + c["false_alarms"]
        precision = c["hits"] / predicted if predicted else 1.0
        print(f"{etype:<16} {c['hits']:>4}/{c['positives']:<3} {c['hits'] / max(c['positives'], 1):4.0%} "
              f"{precision:>10.0%} {c['false_alarms']:>6} in {c['negatives']}")
    predicted = total["found"] + total["false_alarms"]
    print(f"{'all':<16} {total['hits']:>4}/{total['positives']:<3} {total['hits'] / max(total['positives'], 1):4.0%} "
          f"{(total['hits'] / predicted if predicted else 1.0):>10.0%} {total['false_alarms']:>6} in {total['negatives']}")
    if args.misses:
        for number, what in result["misses"]:
            print(f"  line {number}: {what}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

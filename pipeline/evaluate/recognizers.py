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

import warnings
from collections import Counter
from pathlib import Path
from typing import Any

from pipeline.evaluate.paths import REPO

DEFAULT = REPO / "tests" / "recognizers" / "data" / "recognizers_heldout.tsv"


def read_cases(path: Path) -> list[tuple[int, str, str, str, str]]:
    """(line number, sign, type, span, sentence) for every non-comment line."""
    cases = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        sign, etype, span, sentence = line.split("\t", 3)
        cases.append((number, sign, etype, span, sentence))
    return cases


def score(path: Path) -> dict[str, Any]:
    """Per-type counts: positives, hits, findings on positive lines, false alarms."""
    from pipeline.deid.recognizers import analyze_doc, build_analyzer
    from pipeline.nlp import load_nlp

    nlp = load_nlp()
    analyzer = build_analyzer(nlp)
    counts: dict[str, Counter] = {}
    misses: list[tuple[int, str]] = []
    for number, sign, etype, span, sentence in read_cases(path):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            doc = nlp(sentence)
        found = [sentence[r.start : r.end] for r in analyze_doc(analyzer, doc) if r.entity_type == etype]
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

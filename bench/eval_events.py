"""Evaluate `scr events` against a hand-annotated chronology (gold JSONL).

    .venv/bin/python bench/eval_events.py [--report corpus/child_e_stockport_2017.txt]
        [--gold corpus/gold/child_e_events.jsonl] [--model M] [--json]

Predicted events are matched to gold records by sentence overlap: a gold record
(`char_start` + `quote`) is matched by the predicted event whose span overlaps
it most, if that overlap covers at least half of the quote.  Printed for the
gold records with `inherited == false` (explicit or relative date phrase: the
event-level set) and for all records:

- event recall (gold records matched by any predicted event) and precision
  (predicted events within the gold's annotated sections that overlap a gold
  record of the subset; for the explicit subset only predicted events with a
  date phrase of their own are counted);
- date-value accuracy over matched records: exact ISO date, and within
  tolerance (±1 day for day precision, ±7 for week, ±31 for month/approx);
  date-value precision/recall = exact dates / predicted events / gold records;
- precision-field accuracy, actor-set accuracy (exact and mean Jaccard) and
  KPE accuracy (None counts as a label) over matched records;
- time of the events stage against the spaCy pass.
Only the gold's sections are scored for precision, because the annotation
guideline left the rest of the report unannotated.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TOLERANCE = {"day": 1, "week": 7, "month": 31, "approx": 31}


def load_gold(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def match(gold: list[dict], events: list) -> dict[int, object]:
    """gold id -> best-overlapping predicted event (at least half the quote)."""
    matched = {}
    for record in gold:
        g0 = record["char_start"]
        g1 = g0 + len(record["quote"])
        best, best_overlap = None, 0
        for event in events:
            ov = overlap(g0, g1, event.start, event.end)
            if ov > best_overlap:
                best, best_overlap = event, ov
        if best is not None and best_overlap >= 0.5 * (g1 - g0):
            matched[record["id"]] = best
    return matched


def jaccard(a: set, b: set) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


def score(gold: list[dict], events: list, report, comparable=None) -> dict:
    """Figures for one gold subset.

    Every predicted event may match a gold record (recall, accuracies);
    precision is over `comparable(event)` predictions only (for the explicit
    subset: predicted events that have a date phrase of their own).
    """
    matched = match(gold, events)
    sections = {g["section"] for g in gold}
    in_sections = [e for e in events if e.section in sections and (comparable is None or comparable(e))]
    covered = [e for e in in_sections if any(overlap(g["char_start"], g["char_start"] + len(g["quote"]), e.start, e.end) for g in gold)]
    pairs = [(g, matched[g["id"]]) for g in gold if g["id"] in matched]
    n = len(pairs) or 1
    exact = sum(1 for g, e in pairs if e.date and e.date.isoformat() == g["date"])
    within = 0
    for g, e in pairs:
        if e.date and g["date"]:
            tol = TOLERANCE.get(g["precision"], 1)
            within += abs((e.date - dt.date.fromisoformat(g["date"])).days) <= tol
    predicted_dates = {id(e) for g, e in pairs if e.date}
    return {
        "gold": len(gold),
        "predicted_in_sections": len(in_sections),
        "matched": len(pairs),
        "event_recall": len(pairs) / len(gold),
        "event_precision": len(covered) / (len(in_sections) or 1),
        "date_exact_accuracy": exact / n,
        "date_within_tolerance_accuracy": within / n,
        "date_value_recall": exact / len(gold),
        "date_value_precision": sum(1 for g, e in pairs if e.date and e.date.isoformat() == g["date"]) / (len(predicted_dates) or 1),
        "precision_field_accuracy": sum(1 for g, e in pairs if e.precision == g["precision"]) / n,
        "actor_exact_accuracy": sum(1 for g, e in pairs if set(e.actors) == set(g["actors"])) / n,
        "actor_mean_jaccard": sum(jaccard(set(e.actors), set(g["actors"])) for g, e in pairs) / n,
        "kpe_accuracy": sum(1 for g, e in pairs if (e.kpe or None) == (g["kpe"] or None)) / n,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--report", default=str(ROOT / "corpus" / "child_e_stockport_2017.txt"))
    parser.add_argument("--gold", default=str(ROOT / "corpus" / "gold" / "child_e_events.jsonl"))
    parser.add_argument("--model", default=None)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()

    from pipeline.events import extract_events
    from pipeline.ingest import load_report
    from pipeline.nlp import load_nlp, parse_report

    report = load_report(args.report)
    nlp = load_nlp(args.model)
    t0 = time.perf_counter()
    doc = parse_report(report, nlp)
    t1 = time.perf_counter()
    events = extract_events(report, doc)
    t2 = time.perf_counter()
    # a second run: dateparser's cache is warm, as it is for every report after the first
    extract_events(report, doc)
    t3 = time.perf_counter()

    gold = load_gold(Path(args.gold))
    results = {
        "explicit_or_relative (inherited == false)": score(
            [g for g in gold if not g["inherited"]], events, report, comparable=lambda e: not e.inherited
        ),
        "all records": score(gold, events, report),
        "timing": {
            "spacy_parse_s": round(t1 - t0, 3),
            "events_s": round(t2 - t1, 3),
            "events_warm_s": round(t3 - t2, 3),
            "events_over_parse": round((t2 - t1) / (t1 - t0), 3),
            "events_total": len(events),
        },
    }
    if args.json:
        print(json.dumps(results, indent=1))
        return
    for name, figures in results.items():
        print(f"== {name}")
        for key, value in figures.items():
            print(f"  {key:32s} {value:.3f}" if isinstance(value, float) else f"  {key:32s} {value}")


if __name__ == "__main__":
    main()

"""Evaluate `scr events` against a hand-annotated chronology (gold JSONL).

    .venv/bin/python bench/eval_events.py [--file corpus/child_e_stockport_2017.txt]
        [--gold corpus/gold/child_e_events.jsonl] [--model M] [--misses] [--json]
        [--cache DIR] [--shapes] [--blind] [--blind2]

Matching: a gold record (its `quote`, at `char_start` or else found in the
text) is matched by the predicted event whose sentence contains it; when no
sentence contains it whole (the parser split it), by the event overlapping at
least half of it.

Figures, for the gold records that carry their own date phrase
(`inherited == false`, "own") and for all records ("all"):

- date accuracy: the event's `date` is the gold day and, where the gold is a
  range (`date_end` set), `date_end` is the gold end too.  Unmatched gold
  records count as misses;
- actor precision / recall / F1, micro over matched gold records:
  sum |pred & gold| / sum |pred|, / sum |gold|.  Our labels are mapped to the
  gold's conventions by `normalise_actor` (one documented table,
  `ACTOR_CONVENTIONS`, no per-record rules);
- action agreement: share of matched records whose action head lemma (the verb
  without "not" and particles) equals the gold action's head lemma;
- KPE accuracy (None counts as a label).

`--misses` lists every date, actor and action miss (gold id, line, expected vs
got).  Timing: the events stage against the one spaCy pass.

`--shapes` also scores the fictional reviews written in the shapes of real
published ones (tests/data/events_real_shapes/: covers, contents, page chrome,
citations, d.m.yy dates, chronologies with and without a chronology heading):
per file and in all, dated events right (date and range end) and "false dates",
events dated by a phrase that is a cover, publication, page-header, citation or
footnote date, or sentences that should be no event at all
(`<name>.not_events.jsonl`); "outside gold" counts events that match no gold
record (mostly undated sentences placed in a window, which the gold leaves out).  `--blind` scores the held-out set
(tests/data/events_real_shapes_blind/) instead: run it only at the end.
`--blind2` scores the second held-out set (tests/data/events_real_shapes_blind2/,
written without reading the rules), also only at the end.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path
from typing import Any

from pipeline.evaluate.paths import CHILD_E, GOLD, TEST_DATA

GOLD_EVENTS = GOLD / "child_e_events.jsonl"

# Our actor labels -> the gold's conventions (gold README "actors"): generic
# agency and role labels the extractor writes in lower case, the gold writes
# as these.  Role codes pass through unchanged.
ACTOR_CONVENTIONS = {
    "court": "Court",
    "local authority": "Local Authority",
    "children's social care": "CS",
}
# Suffixes the gold shortens: "Stockport CSC" -> "Stockport CS".
SUFFIX_CONVENTIONS = {" CSC": " CS", " Children's Services": " CS", " Children's Social Care": " CS"}


def normalise_actor(label: str) -> str:
    """One of our actor labels written the gold's way."""
    label = ACTOR_CONVENTIONS.get(label, label)
    for long, short in SUFFIX_CONVENTIONS.items():
        if label.endswith(long):
            label = label[: -len(long)] + short
    return label


def find_quote(text: str, record: dict) -> int:
    """Where a gold quote starts; a line break in the quote may be a space in text whose hard wraps
    ingest re-joined (the record's quote is then set to the text's own spelling)."""
    at = text.find(record["quote"])
    if at >= 0 or not re.search(r"\s", record["quote"]):
        return at
    pattern = r"\s+".join(re.escape(part) for part in record["quote"].split())
    m = re.search(pattern, text)
    if not m:
        return -1
    record["quote"] = m.group(0)
    return m.start()


def load_gold(path: Path, text: str) -> list[dict]:
    gold = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for number, record in enumerate(gold, 1):
        record.setdefault("id", number)
        record.setdefault("inherited", False)
        record.setdefault("kpe", None)
        record.setdefault("date_end", None)
        record.setdefault("actors", [])
        if record.get("char_start") is None:
            record["char_start"] = find_quote(text, record)
        if record.get("line") is None:
            record["line"] = text.count("\n", 0, max(record["char_start"], 0)) + 1
    return gold


def overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def match(gold: list[dict], events: list) -> dict[int, object]:
    """gold id -> the event whose sentence contains the quote (else overlaps half of it)."""
    matched = {}
    for record in gold:
        g0 = record["char_start"]
        g1 = g0 + len(record["quote"])
        containing = [e for e in events if e.start <= g0 + 1 and g1 - 1 <= e.end]
        if containing:
            matched[record["id"]] = min(containing, key=lambda e: e.end - e.start)
            continue
        best, best_overlap = None, 0
        for event in events:
            ov = overlap(g0, g1, event.start, event.end)
            if ov > best_overlap:
                best, best_overlap = event, ov
        if best is not None and best_overlap >= 0.5 * (g1 - g0):
            matched[record["id"]] = best
    return matched


def date_ok(record: dict, event) -> bool:
    if event is None or event.date is None or event.date.isoformat() != record["date"]:
        return False
    if record.get("date_end"):
        return event.date_end is not None and event.date_end.isoformat() == record["date_end"]
    return True


def head_lemma(action: str | None) -> str | None:
    if not action:
        return None
    words = [w for w in action.lower().split() if w != "not"]
    return words[0] if words else None


def score(gold: list[dict], matched: dict) -> dict:
    n = len(gold) or 1
    pairs = [(g, matched.get(g["id"])) for g in gold]
    hit = [(g, e) for g, e in pairs if e is not None]
    tp = sum(len({normalise_actor(a) for a in e.actors} & set(g["actors"])) for g, e in hit)
    n_pred = sum(len({normalise_actor(a) for a in e.actors}) for g, e in hit)
    n_gold = sum(len(set(g["actors"])) for g, e in hit)
    precision = tp / (n_pred or 1)
    recall = tp / (n_gold or 1)
    with_action = [(g, e) for g, e in hit if g.get("action")]
    return {
        "gold": len(gold),
        "matched": len(hit),
        "date_accuracy": sum(date_ok(g, e) for g, e in pairs) / n,
        "range_end_accuracy": (
            sum(date_ok(g, e) for g, e in pairs if g.get("date_end")) / (sum(1 for g in gold if g.get("date_end")) or 1)
        ),
        "precision_field_accuracy": sum(1 for g, e in hit if e.precision == g.get("precision")) / n,
        "actor_precision": precision,
        "actor_recall": recall,
        "actor_f1": 2 * precision * recall / ((precision + recall) or 1),
        "action_agreement": (
            sum(head_lemma(e.action) == head_lemma(g["action"]) for g, e in with_action) / (len(with_action) or 1)
        ),
        "kpe_accuracy": sum(1 for g, e in hit if (e.kpe or None) == (g.get("kpe") or None)) / (len(hit) or 1),
    }


def misses(gold: list[dict], matched: dict) -> list[str]:
    lines = []
    for g in gold:
        e = matched.get(g["id"])
        tag = f"id {g['id']:>3} line {g['line']:>4}{'' if g['inherited'] else ' own'}"
        if e is None:
            lines.append(f"{tag} UNMATCHED  {g['quote'][:70]!r}")
            continue
        if not date_ok(g, e):
            lines.append(
                f"{tag} DATE   expected {g['date']}..{g.get('date_end')} ({g.get('precision')}) "
                f"got {e.date}..{e.date_end} ({e.precision}) via {e.expression!r}  | {g['quote'][:60]!r}"
            )
        pred = {normalise_actor(a) for a in e.actors}
        if pred != set(g["actors"]):
            lines.append(f"{tag} ACTORS expected {sorted(g['actors'])} got {sorted(pred)}  | {g['quote'][:60]!r}")
        if g.get("action") and head_lemma(e.action) != head_lemma(g["action"]):
            lines.append(f"{tag} ACTION expected {g['action']!r} got {e.action!r}")
    return lines


SHAPES = TEST_DATA / "events_real_shapes"
BLIND = TEST_DATA / "events_real_shapes_blind"
BLIND2 = TEST_DATA / "events_real_shapes_blind2"


def false_dates(path: Path, text: str, events: list, source_text: str | None = None) -> list[str]:
    """Events dated by a phrase inside a quote that must not date anything, or lying wholly inside one.

    A quote that ingest removed from the text (a running header, a page
    footer: `source_text` still has it) can date nothing and is passed.
    """
    if not path.exists():
        return []
    found = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        q0 = text.find(record["quote"])
        if q0 < 0:
            if source_text is not None and record["quote"] in source_text:
                continue  # page furniture the reader removed
            raise ValueError(f"{path.name}: quote not in the text: {record['quote']!r}")
        q1 = q0 + len(record["quote"])
        for event in events:
            dated_inside = (
                event.expression_start is not None and q0 <= event.expression_start and event.expression_end <= q1
            )
            if dated_inside or (q0 <= event.start and event.end <= q1):
                found.append(
                    f"{record['why']}: {record['quote'][:60]!r} -> "
                    f"event {event.id} {event.date} {event.sentence[:50]!r}"
                )
    return found


def score_shapes(folder: Path, nlp, show_misses: bool) -> dict:
    """Date accuracy and false dates on every review (`<name>.txt`, `.md`...) with a `<name>.gold.jsonl`."""
    from pipeline.events import extract_events
    from pipeline.ingest import load_report
    from pipeline.nlp import parse_report

    per_file, right, total, false_all = {}, 0, 0, []
    for gold_path in sorted(folder.glob("*.gold.jsonl")):
        name = gold_path.name[: -len(".gold.jsonl")]
        source = next(f for f in sorted(folder.glob(f"{name}.*")) if not f.name.endswith(".jsonl"))
        report = load_report(source)
        events = extract_events(report, parse_report(report, nlp))
        gold = load_gold(gold_path, report.text)
        for record in gold:
            if record["char_start"] < 0:
                raise ValueError(f"{gold_path.name}: quote not in the text: {record['quote']!r}")
        matched = match(gold, events)
        ok = sum(date_ok(g, matched.get(g["id"])) for g in gold)
        false = false_dates(
            folder / f"{name}.not_events.jsonl", report.text, events, source.read_text(encoding="utf-8")
        )
        outside = len(events) - len({id(e) for e in matched.values()})
        per_file[name] = {
            "dated_right": f"{ok}/{len(gold)}",
            "false_dates": len(false),
            "events": len(events),
            "outside_gold": outside,
        }
        right, total = right + ok, total + len(gold)
        false_all += [f"{name}: {f}" for f in false]
        if show_misses:
            lines = [m for m in misses(gold, matched) if " DATE " in m or "UNMATCHED" in m]
            per_file[name]["misses"] = lines + [f"FALSE {f}" for f in false]
    return {"files": per_file, "dated_right": right / (total or 1), "gold": total, "false_dates": len(false_all)}


def parse(report, nlp, cache: str | None):
    """The one spaCy parse (optionally cached as Doc bytes for quick re-runs) and its time."""
    from spacy.tokens import Doc

    from pipeline.nlp import parse_report

    if cache:
        path = Path(cache) / f"{report.source.sha256[:16]}.doc"
        if path.exists():
            doc = Doc(nlp.vocab).from_bytes(path.read_bytes())
            return doc, float(path.with_suffix(".secs").read_text())
    t0 = time.perf_counter()
    doc = parse_report(report, nlp)
    secs = time.perf_counter() - t0
    if cache:
        Path(cache).mkdir(parents=True, exist_ok=True)
        path.write_bytes(doc.to_bytes(exclude=["user_data"]))
        path.with_suffix(".secs").write_text(str(secs))
    return doc, secs


def evaluate(
    file: Path = CHILD_E,
    gold_path: Path = GOLD_EVENTS,
    model: str | None = None,
    cache: str | None = None,
    shapes: bool = False,
    blind: bool = False,
    blind2: bool = False,
    show_misses: bool = False,
) -> tuple[dict[str, dict[str, Any]], list[str]]:
    """(figures by section, miss lines): the gold chronology, timing, and the real-review shapes asked for."""
    from pipeline.events import extract_events
    from pipeline.ingest import load_report
    from pipeline.nlp import load_nlp

    report = load_report(file)
    nlp = load_nlp(model)
    doc, parse_s = parse(report, nlp, cache)
    t1 = time.perf_counter()
    events = extract_events(report, doc)
    t2 = time.perf_counter()
    extract_events(report, doc)  # warm: dateparser's cache is filled, as for every report after the first
    t3 = time.perf_counter()

    gold = load_gold(Path(gold_path), report.text)
    matched = match(gold, events)
    own = [g for g in gold if not g["inherited"]]
    results: dict[str, dict[str, Any]] = {
        f"own date phrase ({len(own)})": score(own, matched),
        f"all records ({len(gold)})": score(gold, matched),
        "timing": {
            "spacy_parse_s": round(parse_s, 3),
            "events_s": round(t2 - t1, 3),
            "events_warm_s": round(t3 - t2, 3),
            "events_over_parse": round((t2 - t1) / parse_s, 3),
            "events_total": len(events),
        },
    }
    if shapes:
        results["real shapes (open)"] = score_shapes(SHAPES, nlp, show_misses)
    if blind:
        results["real shapes (blind)"] = score_shapes(BLIND, nlp, show_misses)
    if blind2:
        results["real shapes (blind2)"] = score_shapes(BLIND2, nlp, show_misses)
    return results, misses(gold, matched)

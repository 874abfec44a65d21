"""Evaluate `scr verify` on review openings written in the shapes of real published reviews.

    python bench/eval_verify_real.py [--blind] [--blind2] [--show] [--json]

Reports, for ``tests/data/verify_real_shapes`` (open: tuned on) and, with
``--blind``, ``tests/data/verify_real_shapes_blind`` (scored only at the end) and,
with ``--blind2``, ``tests/data/verify_real_shapes_blind2`` (a second blind set
written without reading the rules, also scored only at the end):

* false alarms per 1,000 words: findings at medium or above that overlap no
  planted identifier (target <= 1);
* planted recall: planted identifiers with a medium-or-above finding over
  their first occurrence (target: all);
* recall of ``tests/data/names_heldout/unknown_people.jsonl`` (fictional
  sentences naming people from communities the gazetteers used to miss,
  written before tuning).

``--show`` prints each false alarm and miss with its file (fictional text only).
The scoring functions are also used by ``tests/test_verify_real_shapes.py``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from pipeline.evaluate.paths import TEST_DATA

OPEN = TEST_DATA / "verify_real_shapes"
BLIND = TEST_DATA / "verify_real_shapes_blind"
BLIND2 = TEST_DATA / "verify_real_shapes_blind2"
HELDOUT = TEST_DATA / "names_heldout" / "unknown_people.jsonl"


def load_fixtures(folder: Path) -> list[tuple[Path, str, dict]]:
    """(path, text, gold) for every ``*.txt`` with a ``*.gold.json`` beside it."""
    out = []
    for path in sorted(folder.glob("*.txt")):
        gold_path = path.with_suffix(".gold.json")
        if gold_path.exists():
            out.append((path, path.read_text(encoding="utf-8"), json.loads(gold_path.read_text(encoding="utf-8"))))
    return out


def planted_spans(text: str, gold: dict) -> tuple[list[tuple[str, int, int]], list[tuple[int, int]]]:
    """First occurrence of each planted string, and every occurrence of it or of its
    capitalised words (a later "Mr Osman" is the same planted person, not a false alarm)."""
    firsts, cover = [], []
    for leak in gold["planted"]:
        start = text.find(leak)
        firsts.append((leak, start, start + len(leak)))
        parts = {leak} | {w for w in re.findall(r"[^\W\d_][\w'’-]*", leak) if len(w) >= 3 and w[0].isupper()}
        for part in parts:
            for m in re.finditer(rf"(?<!\w){re.escape(part)}(?!\w)", text):
                cover.append((m.start(), m.end()))
    return firsts, cover


def score_report(text: str, gold: dict, findings) -> dict:
    from pipeline.deid.policy import SEVERITY_RANK

    medium = [f for f in findings if SEVERITY_RANK[f.severity] >= SEVERITY_RANK["medium"] and f.location is None]
    firsts, cover = planted_spans(text, gold)
    found: list[str] = []
    missed: list[str] = []
    for leak, start, end in firsts:
        hit = start >= 0 and any(f.start < end and start < f.end for f in medium)
        (found if hit else missed).append(leak)
    false_alarms = [f for f in medium if not any(f.start < e and s < f.end for s, e in cover)]
    return {
        "words": len(re.findall(r"\w+", text)),
        "found": found,
        "missed": missed,
        "false_alarms": [(f.text, f.type, f.severity, f.rule) for f in false_alarms],
    }


def run_folder(folder: Path, nlp, analyzer) -> list[dict]:
    from pipeline.deid.verify import verify_report
    from pipeline.ingest.text import normalise
    from pipeline.nlp import parse_report
    from pipeline.report import Source
    from pipeline.structure import build_report

    results = []
    for path, text, gold in load_fixtures(folder):
        report = build_report(normalise(text), Source(name=path.name, sha256="0" * 64, format="text"))
        doc = parse_report(report, nlp)
        findings = verify_report(report, doc, analyzer=analyzer)
        results.append({"file": path.name, **score_report(report.text, gold, findings)})
    return results


def summarise(results: list[dict]) -> dict:
    words = sum(r["words"] for r in results)
    alarms = sum(len(r["false_alarms"]) for r in results)
    found = sum(len(r["found"]) for r in results)
    total = found + sum(len(r["missed"]) for r in results)
    return {
        "files": len(results),
        "words": words,
        "false_alarms_medium_plus": alarms,
        "false_alarms_per_1000_words": round(1000 * alarms / words, 2) if words else None,
        "planted_recall": round(found / total, 3) if total else None,
        "planted": f"{found}/{total}",
    }


def heldout_names_recall(nlp, without_gazetteer_rule: bool = False) -> dict:
    """Recall of unknown person names in the held-out sentences (find_unknown_names alone).

    `without_gazetteer_rule` drops the rule that proposes listed first names, to show what the
    parse-based rules find on their own (the curated lists hold some of the held-out names)."""
    from pipeline.deid.names import unknown as names_module
    from pipeline.deid.names.unknown import find_unknown_names
    from pipeline.nlp import parse

    saved = names_module.RULES
    if without_gazetteer_rule:
        names_module.RULES = tuple(r for r in saved if r is not names_module._gazetteer_spans)  # type: ignore[assignment]
    try:
        return _heldout(nlp, find_unknown_names, parse)
    finally:
        names_module.RULES = saved


def _heldout(nlp, find_unknown_names, parse) -> dict:

    cases = [json.loads(line) for line in HELDOUT.read_text(encoding="utf-8").splitlines() if line.strip()]
    found, total, missed = 0, 0, []
    for case in cases:
        doc = parse(case["text"], nlp, case.get("codes", []))
        cands = find_unknown_names(doc)
        for name in case["names"]:
            start = case["text"].find(name)
            total += 1
            if any(c.start < start + len(name) and start < c.end for c in cands):
                found += 1
            else:
                missed.append(case["id"])
    return {"recall": round(found / total, 3) if total else None, "found": f"{found}/{total}", "missed_ids": missed}


def evaluate(
    model: str | None = None, blind: bool = False, blind2: bool = False
) -> tuple[dict[str, Any], dict[str, list]]:
    """(summary per set and held-out name recall, per-file results per set): the open and asked-for blind sets."""
    from pipeline.deid.recognizers import build_analyzer
    from pipeline.nlp import load_nlp

    nlp = load_nlp(model)
    analyzer = build_analyzer(nlp)
    out: dict[str, Any] = {}
    per_file: dict[str, list] = {}
    folders = [("open", OPEN)] + ([("blind", BLIND)] if blind else []) + ([("blind2", BLIND2)] if blind2 else [])
    for name, folder in folders:
        results = run_folder(folder, nlp, analyzer)
        out[name] = summarise(results)
        per_file[name] = results
    out["heldout_unknown_names"] = heldout_names_recall(nlp)
    out["heldout_unknown_names_without_gazetteer_rule"] = heldout_names_recall(nlp, without_gazetteer_rule=True)
    return out, per_file

"""Evaluate `scr verify`: recall on planted leaks, precision on the real review, and cost.

    python bench/eval_verify.py [--model NAME] [--repeat 2] [--json]

Reports
* recall on ``tests/data/leaks/tuned.jsonl`` (the cases the detectors were
  tuned on) and ``heldout.jsonl`` (written before tuning, never tuned on), per
  kind, with the ids of missed leaks (no leak text is printed);
* medium-or-above findings on those cases that overlap no planted leak;
* on the real Child E review: whether LB, ECFSSW and ESSW are found at
  medium+, the number of other medium+ findings (target <= 5), and whether the
  lead reviewer is recognised (allowed, info);
* time of verify (detectors + Presidio on the parsed Doc) against one plain
  spaCy pass of the same model (``nlp(text)`` without our components' work
  differences are negligible); target: parse + verify <= 1.5 x plain pass.

The harness functions (`leak_report`, `evaluate_case`) are also used by
``tests/test_verify_leaks.py``.
"""

from __future__ import annotations

import json
import time
from collections import defaultdict
from typing import Any

from pipeline.evaluate.paths import CHILD_E, TEST_DATA

LEAKS = TEST_DATA / "leaks"
LEAK_SETS = ("tuned.jsonl", "heldout.jsonl", "heldout2.jsonl")
EXPECTED_CODES = ("LB", "ECFSSW", "ESSW")


def load_cases(name: str) -> list[dict]:
    return [json.loads(line) for line in (LEAKS / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def leak_report(text: str):
    """A small review around `text`: cover, lead reviewer, key and an abbreviation, then the narrative."""
    from pipeline.ingest.text import normalise
    from pipeline.report import Source
    from pipeline.structure import build_report

    preamble = (LEAKS / "preamble.txt").read_text(encoding="utf-8")
    full = normalise(preamble + text + "\n\n3 Findings\n\nThe review found that agencies shared information well.\n")
    return build_report(full, Source(name="leak-case.txt", sha256="0" * 64, format="text"))


def evaluate_case(case: dict, nlp, analyzer, policy=None) -> dict:
    """Run verify on one case: which leaks were found, and which medium+ findings hit nothing planted."""
    from pipeline.deid.keyfile import parse_key
    from pipeline.deid.policy import SEVERITY_RANK
    from pipeline.deid.verify import verify_report
    from pipeline.nlp import parse_report

    report = leak_report(case["text"])
    doc = parse_report(report, nlp)
    key = parse_key({"people": case["key"]}) if case.get("key") else None
    findings = verify_report(report, doc, key=key, policy=policy, analyzer=analyzer)
    body = report.text.find(case["text"][:40])
    need = SEVERITY_RANK[case.get("min_severity", "medium")]
    spans = []
    for leak in case["leaks"]:
        start = report.text.find(leak, body)
        spans.append((leak, start, start + len(leak)))
    found: list[str] = []
    missed: list[str] = []
    for leak, start, end in spans:
        hit = [f for f in findings if f.start < end and start < f.end and SEVERITY_RANK[f.severity] >= need]
        (found if start >= 0 and hit else missed).append(leak)
    extra = [
        f
        for f in findings
        if f.start >= body
        and SEVERITY_RANK[f.severity] >= SEVERITY_RANK["medium"]
        and not any(f.start < e and s < f.end for _, s, e in spans)
    ]
    dirty = [c for c in case.get("clean", []) if any(f.text == c or c in f.text for f in extra)]
    return {"id": case["id"], "kind": case["kind"], "found": found, "missed": missed, "extra": extra, "dirty": dirty}


def recall(results: list[dict]) -> dict:
    per_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for r in results:
        per_kind[r["kind"]][0] += len(r["found"])
        per_kind[r["kind"]][1] += len(r["found"]) + len(r["missed"])
    total_found = sum(v[0] for v in per_kind.values())
    total = sum(v[1] for v in per_kind.values())
    return {
        "recall": round(total_found / total, 3) if total else None,
        "found": total_found,
        "leaks": total,
        "per_kind": {k: f"{v[0]}/{v[1]}" for k, v in sorted(per_kind.items()) if v[1]},
        "missed_ids": [r["id"] for r in results if r["missed"]],
        "extra_medium_plus": sum(len(r["extra"]) for r in results),
        "extra_ids": [r["id"] for r in results if r["extra"]],
    }


def real_report(nlp, analyzer, repeat: int) -> dict:
    from pipeline.deid.policy import SEVERITY_RANK
    from pipeline.deid.verify import verify_report
    from pipeline.ingest import load_report
    from pipeline.nlp import parse_report

    report = load_report(CHILD_E)
    text = report.text
    plain, parse_t, verify_t = [], [], []
    for _ in range(repeat):
        with nlp.select_pipes(disable=["role_codes"]):
            t = time.perf_counter()
            nlp(text)
            plain.append(time.perf_counter() - t)
        t = time.perf_counter()
        doc = parse_report(report, nlp)
        parse_t.append(time.perf_counter() - t)
        t = time.perf_counter()
        findings = verify_report(report, doc, analyzer=analyzer)
        verify_t.append(time.perf_counter() - t)
    medium = [f for f in findings if SEVERITY_RANK[f.severity] >= SEVERITY_RANK["medium"]]
    codes_found = {c: any(f.text == c for f in medium) for c in EXPECTED_CODES}
    others = [f for f in medium if f.text not in EXPECTED_CODES]
    author = report.metadata.author
    lead = [f for f in findings if author and f.text == author]
    best_plain, best_parse, best_verify = min(plain), min(parse_t), min(verify_t)
    return {
        "expected_codes_medium_plus": codes_found,
        "other_medium_plus": len(others),
        "other_medium_plus_types": sorted({f.type for f in others}),
        "findings_by_severity": {s: sum(f.severity == s for f in findings) for s in ("high", "medium", "low", "info")},
        "lead_reviewer_recognised": bool(lead) and all(f.severity == "info" for f in lead),
        "seconds_plain_spacy": round(best_plain, 2),
        "seconds_parse_report": round(best_parse, 2),
        "seconds_verify_detectors": round(best_verify, 2),
        "ratio_parse_plus_verify_to_plain": round((best_parse + best_verify) / best_plain, 2),
        "ratio_verify_only_to_plain": round(best_verify / best_plain, 2),
    }


def evaluate(model: str | None = None, repeat: int = 2, real: bool = True) -> dict[str, dict[str, Any]]:
    """Recall and extra findings on every leak set, then (unless `real` is false) the Child E review and its timing."""
    from pipeline.deid.recognizers import build_analyzer
    from pipeline.nlp import load_nlp

    nlp = load_nlp(model)
    analyzer = build_analyzer(nlp)
    out = {}
    for name in LEAK_SETS:
        out[name] = recall([evaluate_case(c, nlp, analyzer) for c in load_cases(name)])
    if real:
        out["child_e"] = real_report(nlp, analyzer, repeat)
    return out

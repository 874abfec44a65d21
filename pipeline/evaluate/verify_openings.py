"""`scr verify` over a folder of review openings without gold: medium-or-above findings per 1,000 words.

    python bench/verify_openings.py FOLDER [--show]

For real published reviews kept outside the repository (their text is never committed):
every ``*.txt`` in FOLDER is read as ``scr ingest`` reads text, parsed once and verified.
Prints, per file and in total, the words and the findings at medium or above by type, so
a held-out folder can be scored without anyone reading its findings; ``--show`` also
prints each medium-or-above finding (line, severity, type, text, rule) for judging by
hand which are false alarms and which are residual identifiers.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any


def verify_folder(folder: Path, nlp, analyzer) -> list[dict]:
    from pipeline.deid.policy import SEVERITY_RANK
    from pipeline.deid.verify import verify_report
    from pipeline.ingest.text import normalise
    from pipeline.nlp import parse_report
    from pipeline.report import Source
    from pipeline.structure import build_report

    results = []
    for path in sorted(folder.glob("*.txt")):
        report = build_report(
            normalise(path.read_text(encoding="utf-8", errors="replace")),
            Source(name=path.name, sha256="0" * 64, format="text"),
        )
        findings = verify_report(report, parse_report(report, nlp), analyzer=analyzer)
        serious = [f for f in findings if SEVERITY_RANK[f.severity] >= SEVERITY_RANK["medium"]]
        results.append(
            {
                "file": path.name,
                "words": len(re.findall(r"\w+", report.text)),
                "medium_plus": len(serious),
                "by_type": dict(Counter(f.type for f in serious)),
                "findings": [(f.line, f.severity, f.type, f.text, f.rule) for f in serious],
            }
        )
    return results


def evaluate(folder: Path, model: str | None = None) -> tuple[dict[str, Any], list[dict]]:
    """(summary over the folder, per-file results): words and medium-or-above findings by type."""
    from pipeline.deid.recognizers import build_analyzer
    from pipeline.nlp import load_nlp

    nlp = load_nlp(model)
    results = verify_folder(folder, nlp, build_analyzer(nlp))
    words = sum(r["words"] for r in results)
    total = sum(r["medium_plus"] for r in results)
    summary = {
        "files": len(results),
        "words": words,
        "medium_plus": total,
        "medium_plus_per_1000_words": round(1000 * total / words, 2) if words else None,
        "by_type": dict(sum((Counter(r["by_type"]) for r in results), Counter())),
    }
    return summary, results

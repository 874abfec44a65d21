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

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def verify_folder(folder: Path, nlp, analyzer) -> list[dict]:
    from pipeline.ingest.text import normalise
    from pipeline.nlp import parse_report
    from pipeline.policy import SEVERITY_RANK
    from pipeline.report import Source
    from pipeline.structure import build_report
    from pipeline.verify import verify_report

    results = []
    for path in sorted(folder.glob("*.txt")):
        report = build_report(normalise(path.read_text(encoding="utf-8", errors="replace")),
                              Source(name=path.name, sha256="0" * 64, format="text"))
        findings = verify_report(report, parse_report(report, nlp), analyzer=analyzer)
        serious = [f for f in findings if SEVERITY_RANK[f.severity] >= SEVERITY_RANK["medium"]]
        results.append({
            "file": path.name,
            "words": len(re.findall(r"\w+", report.text)),
            "medium_plus": len(serious),
            "by_type": dict(Counter(f.type for f in serious)),
            "findings": [(f.line, f.severity, f.type, f.text, f.rule) for f in serious],
        })
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--show", action="store_true", help="print each medium-or-above finding")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--model", default=None)
    args = parser.parse_args(argv)
    if not args.folder.is_dir():
        parser.error(f"not a folder: {args.folder}")

    from pipeline.nlp import load_nlp
    from pipeline.recognizers import build_analyzer

    nlp = load_nlp(args.model)
    results = verify_folder(args.folder, nlp, build_analyzer(nlp))
    words = sum(r["words"] for r in results)
    total = sum(r["medium_plus"] for r in results)
    summary = {"files": len(results), "words": words, "medium_plus": total,
               "medium_plus_per_1000_words": round(1000 * total / words, 2) if words else None,
               "by_type": dict(sum((Counter(r["by_type"]) for r in results), Counter()))}
    if args.json:
        print(json.dumps({"summary": summary, "files": results if args.show else
                          [{k: v for k, v in r.items() if k != "findings"} for r in results]}, indent=1, ensure_ascii=False))
        return 0
    for r in results:
        print(f"{r['file']}: {r['words']} words, {r['medium_plus']} medium+ {r['by_type']}")
        if args.show:
            for line, severity, kind, text, rule in r["findings"]:
                print(f"   {line}: {severity} {kind} {text!r} {rule}")
    print(json.dumps(summary, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

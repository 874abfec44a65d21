"""`scr verify` over a folder of review openings without gold: medium-or-above findings per 1,000 words.

    python bench/verify_openings.py FOLDER [--show] [--json] [--model M]

For real published reviews kept outside the repository (their text is never committed);
the scoring is in `pipeline/evaluate/verify_openings.py`.  Prints, per file and in total,
the words and the findings at medium or above by type; ``--show`` also prints each
medium-or-above finding (line, severity, type, text, rule) for judging by hand.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from pipeline.evaluate.verify_openings import evaluate


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--show", action="store_true", help="print each medium-or-above finding")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--model", default=None)
    args = parser.parse_args(argv)
    if not args.folder.is_dir():
        parser.error(f"not a folder: {args.folder}")

    summary, results = evaluate(args.folder, args.model)
    if args.json:
        files = results if args.show else [{k: v for k, v in r.items() if k != "findings"} for r in results]
        print(json.dumps({"summary": summary, "files": files}, indent=1, ensure_ascii=False))
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

"""Evaluate the theme tagger against gold theme labels.

The gold, the held-out and real-shape sets and the figures are described in
`pipeline/evaluate/themes.py`.  Prints micro precision/recall/F1 and per-theme
precision/recall.

    .venv/bin/python bench/eval_themes.py [--gold FILE] [--report FILE] [--heldout FILE]... [--errors]
        [--json OUT] [--blind] [--blind2]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from pipeline.evaluate.themes import CHILD_E, GOLD_THEMES, evaluate


def print_score(title: str, result: dict) -> None:
    m = result["micro"]
    print(
        f"\n== {title}: micro P={m['precision']:.3f} R={m['recall']:.3f} F1={m['f1']:.3f} "
        f"(tp={result['tp']} fp={result['fp']} fn={result['fn']})"
    )
    print(f"{'theme':40s} {'P':>6s} {'R':>6s} {'F1':>6s} {'tp':>4s} {'fp':>4s} {'fn':>4s}")
    for theme, r in result["per_theme"].items():
        print(
            f"{theme:40s} {r['precision']:6.2f} {r['recall']:6.2f} {r['f1']:6.2f} "
            f"{r['tp']:4d} {r['fp']:4d} {r['fn']:4d}"
        )


def print_errors(pairs) -> None:
    for item_id, gold, pred in pairs:
        if gold != pred:
            print(f"  {item_id}: missed {sorted(gold - pred)} extra {sorted(pred - gold)}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--report", type=Path, default=CHILD_E)
    ap.add_argument("--gold", type=Path, default=GOLD_THEMES)
    ap.add_argument(
        "--heldout",
        type=Path,
        action="append",
        default=None,
        help="hand-written held-out set(s) (default: every tests/data/themes_*.jsonl but the dev set)",
    )
    ap.add_argument("--model", default=None)
    ap.add_argument("--errors", action="store_true", help="list each item's missed and extra themes")
    ap.add_argument("--json", type=Path, default=None, help="also write the figures as JSON")
    ap.add_argument(
        "--blind",
        action="store_true",
        help="also score the blind real-shape set (tests/data/themes_real_shapes_blind): only at the end",
    )
    ap.add_argument(
        "--blind2",
        action="store_true",
        help="also score the second blind real-shape set (tests/data/themes_real_shapes_blind2): only at the end",
    )
    args = ap.parse_args(argv)

    located, scored = evaluate(args.report, args.gold, args.heldout, args.model, args.blind, args.blind2)
    print(f"gold: {args.gold.name}, {located} items located in {args.report.name}")
    for item in scored:
        print_score(item.title, item.result)
        if args.errors and item.pairs is not None:
            print_errors(item.pairs)
    print("\n== summary: micro P / R / F1")
    for item in scored:
        m = item.result["micro"]
        print(f"{item.name:40s} {m['precision']:.3f} {m['recall']:.3f} {m['f1']:.3f}")
    if args.json:
        args.json.write_text(json.dumps({item.name: item.result for item in scored}, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Pseudonymisation on fictional drafts the pipeline has never seen, scored against generated gold.

What is scored, and how, is described in `pipeline/evaluate/pseudonymise.py`
(the draft source format in `pipeline/evaluate/drafts.py`).  Only counts are
printed; `--misses` also prints the missed surfaces (fictional here, but the
habit matters).  Summary JSON: `bench/out/eval_drafts/summary.json`.

    .venv/bin/python bench/eval_drafts.py                 # corpus/drafts
    .venv/bin/python bench/eval_drafts.py --blind --misses
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pipeline.evaluate.drafts import load_source, problems, source_paths
from pipeline.evaluate.pseudonymise import OUT_DIR, evaluate_drafts
from pipeline.evaluate.timing import CLOCKS


def _pct(x) -> str:
    return "   -  " if x is None else f"{x:6.1%}"


def print_table(rows: dict[str, dict], total: dict) -> None:
    head = (
        f"{'draft':26s} {'words':>5s} {'ment':>4s} {'left':>4s} {'unfl':>4s} {'code':>6s} {'key':>6s} {'unk':>6s} "
        f"{'2nd':>3s} {'wrng':>4s} {'other':>6s} {'trap':>5s} {'ids':>6s} {'exact':>6s} {'x spaCy':>7s}"
    )
    print(head)
    print("-" * len(head))
    for name, r in list(rows.items()) + [("OVERALL", total)]:
        t = r["time"]
        ratio = t.get("ours_vs_spacy") or (round(t["ours_s"] / t["spacy_s"], 2) if t["spacy_s"] else None)
        print(
            f"{name[:26]:26s} {r['words']:5d} {r['mentions']:4d} {r['names_left']:4d} "
            f"{r['verify']['names_left_unflagged']:4d} "
            f"{_pct(r['code_accuracy'])} {_pct(r['code_accuracy_key'])} {_pct(r['code_accuracy_unknown'])} "
            f"{r['second_identity']:3d} {r['wrong_code']:4d} {_pct(r['other_words_changed_share'])} "
            f"{r['trap_failures']:2d}/{r['traps']:<2d} {_pct(r['identifiers_removed_share'])} "
            f"{_pct(r['identifiers_exact_share'])} {ratio:7.2f}"
        )
    print(
        "\nleft = person mentions with a name character not replaced; unfl = of those, not covered by a medium/high "
        "verify --key finding;\ncode = mentions carrying exactly the right code / consistent [PERSON-n] "
        "(key, unk = by kind); 2nd = key person given a [PERSON-n];\nwrng = key person given another key code; "
        "other = other words changed; trap = traps touched; ids = identifiers whose value is gone;\n"
        "exact = replaced by their own type's placeholder; x spaCy = our pseudonymise time / one plain spaCy pass."
    )
    print(
        f"name words of marked people left in the outputs (cross-check): {total['name_words_left_in_output']}; "
        f"identifiers left unflagged by verify: {total['verify']['identifiers_left_unflagged']}"
    )
    v = total["verify"]
    print(
        f"verify medium/high findings on unmarked text (false flags): key backstop {v.get('false_flags_key', 0)}, "
        f"all types {v.get('false_flags_all', 0)}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", type=Path, help="draft sources (default: corpus/drafts/*.md.src)")
    parser.add_argument("--blind", action="store_true", help="also corpus/drafts_blind/*.md.src")
    parser.add_argument("--misses", action="store_true", help="print the missed surfaces (debugging)")
    parser.add_argument("--model", default=None)
    parser.add_argument("--repeat", type=int, default=3, help="timing runs per draft (best of N)")
    parser.add_argument("--clock", choices=sorted(CLOCKS), default="wall")
    parser.add_argument("--out", type=Path, default=OUT_DIR)
    args = parser.parse_args(argv)

    paths = args.paths or source_paths(args.blind)
    if not paths:
        print("no draft sources found", file=sys.stderr)
        return 2
    drafts = [load_source(path) for path in paths]
    for draft in drafts:
        issues = problems(draft)
        if issues:
            print(
                f"{draft.name}: {len(issues)} annotation problems (run bench/drafts.py); scored anyway", file=sys.stderr
            )
    result = evaluate_drafts(drafts, args.model, args.repeat, args.clock, args.out, args.blind)
    print_table(result["drafts"], result["overall"])
    if args.misses:
        for name, m in result["misses"].items():
            print(f"\n== {name}")
            for k, v in m.items():
                if v:
                    print(f"  {k} ({len(v)}):")
                    for item in v[:60]:
                        print(f"    {item}")
    print(f"\nsummary: {args.out / 'summary.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

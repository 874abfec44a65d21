"""Evaluate structure detection on review openings written in the shapes of real published reviews.

    python bench/eval_structure_real.py [--blind] [--blind2] [--show]

Scores ``tests/data/real_shapes`` (open: tuned on) and, with ``--blind``,
``tests/data/real_shapes_blind`` (scored only at the end), with the scoring
functions of ``tests/test_structure_real_shapes.py``.  ``--blind2`` also scores
``tests/data/real_shapes_blind2``, a second blind set written without reading
the rules (score it once, at the end):

* sections: headings found that the gold lists, headings found, headings wanted;
* contents lines that became sections (target 0);
* key entries right (code, description, kind, pseudonym) of those the gold lists, and extra codes;
* cover fields right (board, title, subject, author, chair, pseudonyms declared, report type);
* page furniture strings left in the text (target 0); hard wraps re-joined.

``--show`` prints the per-file counts (fictional text only).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for path in (ROOT, ROOT / "tests"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

from pipeline.ingest import load_report  # noqa: E402
from test_structure_real_shapes import BLIND, DATA, OPEN, _gold, score  # noqa: E402

BLIND2 = sorted(p for p in (DATA / "real_shapes_blind2").iterdir() if p.suffix in (".txt", ".md") and p.name != "README.md")

FIELDS = ("sections_tp", "sections_got", "sections_want", "contents_as_sections", "key_right", "key_want", "key_extra",
          "meta_right", "meta_want", "chrome_left", "joined", "joined_want")


def evaluate(paths: list[Path], show: bool) -> dict:
    total = dict.fromkeys(FIELDS, 0)
    for path in paths:
        counts = score(load_report(path), _gold(path))
        for field in FIELDS:
            total[field] += int(counts[field])
        if show:
            print(f"  {path.name:55} " + " ".join(f"{f}={int(counts[f])}" for f in FIELDS))
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--blind", action="store_true", help="also score the blind set (only at the end)")
    parser.add_argument("--blind2", action="store_true", help="also score the second blind set (once, at the end)")
    parser.add_argument("--show", action="store_true", help="per-file counts")
    args = parser.parse_args()
    sets = [("open", OPEN)] + ([("blind", BLIND)] if args.blind else []) + ([("blind2", BLIND2)] if args.blind2 else [])
    for name, paths in sets:
        t = evaluate(paths, args.show)
        print(f"{name} ({len(paths)} files): sections {t['sections_tp']}/{t['sections_want']} (found {t['sections_got']}), "
              f"contents as sections {t['contents_as_sections']}, key {t['key_right']}/{t['key_want']} (extra {t['key_extra']}), "
              f"cover fields {t['meta_right']}/{t['meta_want']}, furniture left {t['chrome_left']}, "
              f"wraps joined {t['joined']}/{t['joined_want']}")


if __name__ == "__main__":
    main()

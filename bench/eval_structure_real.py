"""Evaluate structure detection on review openings written in the shapes of real published reviews.

    python bench/eval_structure_real.py [--blind] [--blind2] [--show]

The sets and the counts are described in `pipeline/evaluate/structure.py`.
``--show`` prints the per-file counts (fictional text only).
"""

from __future__ import annotations

import argparse

from pipeline.evaluate import structure as scorer


def main() -> None:
    parser = argparse.ArgumentParser(description=scorer.__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--blind", action="store_true", help="also score the blind set (only at the end)")
    parser.add_argument("--blind2", action="store_true", help="also score the second blind set (once, at the end)")
    parser.add_argument("--show", action="store_true", help="per-file counts")
    args = parser.parse_args()
    sets = [("open", scorer.OPEN)] + ([("blind", scorer.BLIND)] if args.blind else [])
    sets += [("blind2", scorer.BLIND2)] if args.blind2 else []
    for name, paths in sets:
        t, per_file = scorer.evaluate(paths)
        if args.show:
            for file_name, counts in per_file.items():
                print(f"  {file_name:55} " + " ".join(f"{f}={counts[f]}" for f in scorer.FIELDS))
        print(
            f"{name} ({len(paths)} files): sections {t['sections_tp']}/{t['sections_want']} "
            f"(found {t['sections_got']}), contents as sections {t['contents_as_sections']}, "
            f"key {t['key_right']}/{t['key_want']} (extra {t['key_extra']}, declared {t['key_extra_declared']}), "
            f"cover fields {t['meta_right']}/{t['meta_want']}, furniture left {t['chrome_left']}, "
            f"wraps joined {t['joined']}/{t['joined_want']}"
        )


if __name__ == "__main__":
    main()

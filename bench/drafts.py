"""Summarise (and check) the marked-up fictional draft sources.

The source format and the gold generated from it are described in
`pipeline/evaluate/drafts.py`.

    .venv/bin/python bench/drafts.py [PATH...] [--blind]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pipeline.evaluate.drafts import KINDS, load_source, problems, source_paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Summarise (and check) the draft sources.")
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--blind", action="store_true")
    args = parser.parse_args(argv)
    bad = 0
    for path in args.paths or source_paths(args.blind):
        draft = load_source(path)
        kinds = {k: len(draft.of_kind(k)) for k in KINDS}
        issues = problems(draft)
        bad += bool(issues)
        print(
            f"{draft.name}: {len(draft.text.split())} words, {len(draft.key)} key people, "
            + ", ".join(f"{k} {n}" for k, n in kinds.items())
            + f", {len(issues)} problems"
        )
        for issue in issues:
            print("  " + issue)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())

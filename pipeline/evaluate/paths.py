"""Where the evaluation data lives: a source checkout of the repository.

The scorers read the committed gold (`corpus/`, `tests/data/`) and write their
scratch files under `bench/out/` (git-ignored); none of it is installed with the
package, so the evaluations run from a checkout (`pip install -e .`).
"""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "corpus"
CHILD_E = CORPUS / "child_e_stockport_2017.txt"
GOLD = CORPUS / "gold"
TEST_DATA = REPO / "tests" / "data"
OUT = REPO / "bench" / "out"

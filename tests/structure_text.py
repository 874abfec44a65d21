"""Shared helpers for the structure tests: a report built from plain text, and the key codes it declares."""

from __future__ import annotations

from pipeline.ingest.text import normalise
from pipeline.report import Source
from pipeline.structure import build_report


def build(text: str):
    """The report `scr ingest` would build from `text` as a plain-text file."""
    return build_report(normalise(text), Source(name="r.txt", sha256="0" * 64, format="text"))


def check_declared(text: str, want: set[str], not_codes: set[str]) -> None:
    """Every code of `want` is declared by the text's key, and no word of `not_codes` is."""
    declared = {e.code for e in build(text).key if e.source == "declared"}
    assert want <= declared, f"missing {want - declared}, found {declared}"
    assert not (not_codes & declared), f"wrongly declared {not_codes & declared}"

"""A review page people can read: one self-contained, offline HTML file.

`scr report FILE --out report.html` draws the document with every finding
(and, with a key, every replacement) highlighted, the chronology as a table
and a timeline picture, the theme profile as a linked bar chart, and a
provenance footer.  Public API:

- `from_review(path, model=None, key_path=None)` / `from_folder(folder)` /
  `from_outputs(report, outputs)`: the page's inputs, computed, read from a
  `scr run` output folder, or taken from `pipeline.batch.run_stages`;
- `render_page(inputs) -> str`: the HTML;
- `write_page(inputs, out, inputs_paths)`: atomic write, never over an input.
"""

from __future__ import annotations

from pathlib import Path

from .inputs import PageInputs, add_replacements, from_folder, from_outputs, from_review, stage_folder
from .render import render_page

__all__ = [
    "PageInputs",
    "add_replacements",
    "from_folder",
    "from_outputs",
    "from_review",
    "render_page",
    "stage_folder",
    "write_page",
]


def write_page(inputs: PageInputs, out: Path, sources: list[Path]) -> Path:
    """Render and write atomically; owner-only when the page shows a key's replacements (real names)."""
    from ..fileio import atomic_write_text, refuse_overwriting_input

    refuse_overwriting_input(out, *sources)
    return atomic_write_text(out, render_page(inputs), private=bool(inputs.replacements))

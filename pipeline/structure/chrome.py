"""Page furniture that ingest left in the text: the teaser lines of document-sharing transcripts.

A transcript site repeats, before each PDF page, the document's title cut short and a sentence from
deep inside the report ("Page 1: <TITLE> ...€¦ · <a recommendation, a date, a role code>").  Ingest
drops such lines when they repeat; a single one (an opening cut after page 1, a site that shows it
once) stays, in the cover area, where its sentence was read as cover metadata, a heading or a key
declaration.  Structure keeps it out of those and marks its paragraph `chrome`, which events and
themes do not read.  The shapes are data: `models/structure/report_shapes.yaml` `teaser_lines`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..resources import load_yaml
from .lines import Line


@lru_cache(maxsize=1)
def _teaser_patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in load_yaml("structure", "report_shapes.yaml")["teaser_lines"])


def is_teaser(text: str) -> bool:
    """A transcript's teaser line: a title cut short, then a sentence from elsewhere in the report."""
    return any(p.search(text.strip()) for p in _teaser_patterns())


def teaser_lines(lines: list[Line]) -> set[int]:
    """Indexes of the teaser lines."""
    return {line.index for line in lines if not line.is_blank and is_teaser(line.text)}


def masked(text: str, lines: list[Line], indexes: set[int]) -> str:
    """`text` with the given lines blanked (spaces, offsets kept), for detectors that read the running text."""
    if not indexes:
        return text
    chars = list(text)
    for line in lines:
        if line.index in indexes:
            chars[line.start : line.end] = " " * (line.end - line.start)
    return "".join(chars)

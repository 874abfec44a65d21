"""Compiled regexes for patterns built at run time (from word lists, labels, a key's names).

`re` keeps only 512 compiled patterns.  One pseudonymise run builds more than
that from data (a pattern per role word, per cover label, per chrome line), so
`re`'s cache emptied itself on every report and stable, expensive patterns (the
cover's author labels, the kin-title alternations) were compiled again each
time: about a tenth of a plain spaCy pass on the bundled review.  Sites that
build many patterns take them from here instead, keyed by the pattern text
itself, so a changed data file (a new pattern text) can never be served a
stale one.
"""

from __future__ import annotations

import re
from functools import lru_cache

WORD_EDGE_BEFORE = r"(?<![\w-])"
WORD_EDGE_AFTER = r"(?![\w-])"


@lru_cache(maxsize=4096)
def compiled(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, once per distinct (pattern, flags) while it stays in use."""
    return re.compile(pattern, flags)


@lru_cache(maxsize=8)
def all_matches(pattern: re.Pattern[str], text: str) -> tuple[re.Match[str], ...]:
    """Every match of `pattern` in `text`, found once: a cue scan that several stages make over the same
    review (the alias declarations are read before and after strangers' surnames are dropped, and again by
    the unlisted-name detector) then costs one scan.  Small: each entry holds its text."""
    return tuple(pattern.finditer(text))


@lru_cache(maxsize=4096)
def whole_phrase(phrase: str) -> re.Pattern[str]:
    """`phrase` literally, not inside a longer word or hyphened compound ("mother", not "grandmother"
    or "step-mother"): the shape the key's role-word lists are matched in."""
    return re.compile(WORD_EDGE_BEFORE + re.escape(phrase) + WORD_EDGE_AFTER)

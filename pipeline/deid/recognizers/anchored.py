"""A pattern tried only where its anchor word can be reached: the same matches, a fraction of the time.

The name-shaped patterns ("St Oswald's CE Primary School", "the Jamia Masjid")
open on any capitalised word and run up to a few words before a word of a
list ("School", "Mosque").  Run over a whole review they try every capitalised
word (most of the recognizers' time), although the list's words are rare.

A pattern whose file names an `anchor` list is tried only from the starts of the
words before an occurrence of that list, back to the first character that
`anchor_reach` (engine.yaml) leaves out: every match holds its anchor word and,
before it, only characters of that class, so no match starts anywhere else.  The
matches are then taken left to right, each search resuming after the last match,
as `finditer` takes them.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from functools import lru_cache

import regex

# a word's start: where every anchored pattern opens (each begins with `(?<![\w\-])`)
WORD_START = regex.compile(r"(?<![\w\-])(?=\S)")


class AnchoredRegex:
    """`finditer` of `compiled`, tried only from the word starts before each `anchor` occurrence that a
    run of `reach` characters joins to it."""

    def __init__(self, compiled: regex.Pattern, anchor: str, reach: str, ignore_case: bool):
        self.compiled = compiled
        self.pattern = compiled.pattern
        self.flags = compiled.flags
        # the list's words in the pattern's case, unbounded: every occurrence the pattern can match is among them
        self.anchor = regex.compile(anchor, regex.IGNORECASE if ignore_case else 0)
        self.reach_back = regex.compile(rf"(?r){reach}*")

    def finditer(self, text: str, timeout: float | None = None) -> Iterator[regex.Match]:
        """The matches; `timeout` (Presidio's per-pattern limit) is not passed on: see `UntimedRegex`."""
        pos = 0
        for start in self._starts(text):
            if start < pos:
                continue
            m = self.compiled.match(text, start)
            if m is not None and m.end() > m.start():
                yield m
                pos = m.end()

    def _starts(self, text: str) -> list[int]:
        starts: set[int] = set()
        covered: list[tuple[int, int]] = []  # windows already walked (anchors of one name share them)
        for a in self.anchor.finditer(text, overlapped=True):
            end = a.start()
            back = self.reach_back.match(text, 0, end)
            begin = back.start() if back is not None else end
            i = bisect.bisect_left(covered, (begin, end))
            if i < len(covered) and covered[i] == (begin, end):
                continue
            covered.insert(i, (begin, end))
            words = _word_starts(text)
            starts.update(words[bisect.bisect_left(words, begin) : bisect.bisect_right(words, end)])
        return sorted(starts)


class UntimedRegex:
    """`finditer` of `compiled` without the clock Presidio asks the `regex` module to watch.

    Presidio gives every pattern a timeout (60 s) and, when one runs out, skips the
    pattern with a log warning: a silent gap in what is replaced.  Watching the clock
    costs about a quarter of the whole scan on every pattern of every review.  The one
    guard kept is the per-review limit (`scr run --timeout`, SCR_RUN_TIMEOUT), which
    stops a runaway review loudly instead of leaving its identifiers in the output;
    matches are the same, since no pattern comes near 60 s.
    """

    def __init__(self, compiled: regex.Pattern):
        self.compiled = compiled
        self.pattern = compiled.pattern
        self.flags = compiled.flags

    def finditer(self, text: str, timeout: float | None = None) -> Iterator[regex.Match]:
        return self.compiled.finditer(text)


@lru_cache(maxsize=1)
def _word_starts(text: str) -> list[int]:
    """Every word start of `text`, found once for all the anchored patterns: a window's are a slice of them
    (the look-behind sees past a window's start, so the whole text's starts inside it are the window's)."""
    return [m.start() for m in WORD_START.finditer(text)]

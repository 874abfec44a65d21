"""Spans of text and the one way overlapping spans are resolved.

Every detector that marks stretches of a text (verify's findings, the Presidio
recognizers, pseudonymise's replacements, name proposals, the date candidates
of events) produces candidates that can overlap.  They differ only
in which candidate wins a clash, so there is one resolver here and each caller
passes its precedence as a sort key:

- verify: the more severe, then the longer (`key=lambda s: (-rank[s.severity], -s.length)`);
- the recognizers: the higher score, then the longer, then the type listed first;
- pseudonymise: known name > structured identifier > unknown name, then the
  longer, and a loser that only partly overlaps is trimmed to what is left
  (`on_clash`);
- date candidates (events): the longer, then the pattern listed first (a range beats
  the two days in it).

`Span` is the candidate type for new code; the resolver accepts anything with
integer `start` and `end` (Presidio's `RecognizerResult`, pseudonymise's
`Replacement`), so callers keep their own richer records.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar


class HasOffsets(Protocol):
    """Anything with character offsets into one text (`end` exclusive)."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


T = TypeVar("T", bound=HasOffsets)


@dataclass(frozen=True)
class Span:
    """One candidate stretch of text: where, what, who proposed it and how sure or how bad.

    `type`: what it is (NAME, POSTCODE, QUASI_BIRTH…); `source`: the detector
    family (names, codes, recognizer, quasi, key, known, structured, unknown…);
    `rule`: the rule inside it; `score`: its confidence (0-1, or a similarity);
    `severity`: for findings (info | low | medium | high); `reason`: why, for people.
    """

    start: int
    end: int
    type: str
    source: str = ""
    rule: str = ""
    score: float = 0.0
    severity: str | None = None
    reason: str = ""

    @property
    def length(self) -> int:
        return self.end - self.start

    def overlaps(self, other: HasOffsets) -> bool:
        return overlaps(self, other)


def overlaps(a: HasOffsets, b: HasOffsets) -> bool:
    """Whether two half-open spans share at least one character."""
    return a.start < b.end and b.start < a.end


def overlaps_any(spans, start: int, end: int) -> bool:
    """Whether [start, end) shares a character with any of `spans` ((start, end) pairs)."""
    return any(s < end and start < e for s, e in spans)


class OverlapIndex:
    """Fixed (start, end) pairs, which may overlap one another, with `overlaps_any`'s answer in O(log n).

    For a text-wide scan that tests every match against every span found before
    (quadratic on a long review): sorted by start, the spans that start before
    `end` are a prefix, and one of them reaches past `start` exactly when the
    furthest end of that prefix does.
    """

    def __init__(self, pairs: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(pairs)
        self._starts = [s for s, _ in ordered]
        self._reach = list(itertools.accumulate((e for _, e in ordered), max))

    def overlaps(self, start: int, end: int) -> bool:
        """Whether [start, end) shares a character with any pair (as `overlaps_any`)."""
        i = bisect.bisect_left(self._starts, end)
        return i > 0 and self._reach[i - 1] > start


class SpanIndex:
    """Accepted spans, sorted and non-overlapping, with an overlap look-up in O(log n + k)."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self.items: list[Any] = []

    def overlapping(self, start: int, end: int) -> list[Any]:
        """The accepted spans that share a character with [start, end)."""
        i = bisect.bisect_left(self._starts, end)
        found = []
        while i > 0 and self.items[i - 1].end > start:  # non-overlapping: ends grow with starts
            i -= 1
            found.append(self.items[i])
        return found

    def add(self, span: HasOffsets) -> None:
        i = bisect.bisect_left(self._starts, span.start)
        self._starts.insert(i, span.start)
        self.items.insert(i, span)


def resolve_overlaps(
    spans: Iterable[T],
    key: Callable[[T], Any],
    on_clash: Callable[[T, list], T | None] | None = None,
    into: SpanIndex | None = None,
) -> list[T]:
    """Non-overlapping spans, sorted by position: the best by `key` (smallest first) wins each clash.

    Candidates are taken in `key` order (stable: equal keys keep their input
    order); each that overlaps none already accepted is kept.  A candidate
    that does overlap is dropped, unless `on_clash(candidate, clashing)`
    returns a replacement (e.g. the candidate trimmed to what is left), which
    is kept if it overlaps nothing.  `into`: an index of spans accepted
    before (by an earlier pass), which the result then includes.
    """
    taken = into if into is not None else SpanIndex()
    for cand in sorted(spans, key=key):
        clash = taken.overlapping(cand.start, cand.end)
        if clash:
            if on_clash is None:
                continue
            trimmed = on_clash(cand, clash)
            if trimmed is None or taken.overlapping(trimmed.start, trimmed.end):
                continue
            cand = trimmed
        taken.add(cand)
    return sorted(taken.items, key=lambda s: (s.start, s.end))


def merge_overlapping(spans: Iterable[T], combine: Callable[[T, T], T]) -> list[T]:
    """Overlapping spans joined into one, in position order: `combine(run, next)` builds the union.

    Unlike `resolve_overlaps`, nothing is dropped: proposals that share text
    are one candidate (two name rules agreeing on "Jo Bloggs" and "Bloggs").
    """
    merged: list[T] = []
    for span in sorted(spans, key=lambda s: (s.start, s.end)):
        if merged and span.start < merged[-1].end:
            merged[-1] = combine(merged[-1], span)
        else:
            merged.append(span)
    return merged

"""Match compiled cues (`patterns.compile_cue`) over one parsed review with spaCy's PhraseMatcher.

A cue compiles to spaCy token patterns whose words are sets: every inflection
of a cue word ("explore", "explored", "exploring"), every word of a class, or
every word starting with a prefix ("escalat*").  Over the whole taxonomy those
sets stand for close to a million fixed phrases, but one review holds only a
few thousand word types, so each cue is *specialised* to the review's words
(`DocWords`): a set keeps only the words that occur, a prefix becomes the
review's words that start with it.  What is left is a short list of fixed
phrases, which spaCy's `PhraseMatcher` finds on the lower-case form (`LOWER`),
or on the exact text (`ORTH`) when the cue has an all-capitals word ("DASH").

A gap cue ("not|n't ... explor*": up to `gap` ordinary words between) is cut
at its gaps into fixed segments, each matched as phrases like any cue (a
segment shared by many cues, "@PARENT|she|he|they", once); a match is a chain
of segment matches with at most `gap` words, and no punctuation or line,
between one and the next.  The rare pattern no phrase list can express goes
to spaCy's token `Matcher`.

The result is the shortest match of each cue at each start, which is all the
tagger uses; the tests check it equals what spaCy's `Matcher` finds with the
unspecialised patterns.  A line break inside a paragraph (text wrapped by a
PDF reader or in a hard-wrapped file) is made transparent by passing its token
as a soft break: a cue split by it still matches.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import Any

from spacy.attrs import IS_PUNCT, IS_SPACE, LOWER, ORTH
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc

Pattern = list[dict[str, Any]]
Match = tuple[str, int, int]
Phrases = tuple[str, list[tuple[str, ...]]]  # ("LOWER" | "ORTH", phrases)
# a segment standing for more fixed phrases than this in one review is matched token by token instead
MAX_PHRASES = 2000
# a pattern for the token Matcher is split into at most this many equality patterns (sets are slow there)
MAX_VARIANTS = 64
_WORD_ATTRS = ("LOWER", "TEXT", "ORTH")


@dataclass(frozen=True)
class Slot:
    """One token of a segment: the words it accepts (a set, or prefixes) in one attribute."""

    attr: str  # "LOWER" or "ORTH"
    words: frozenset[str]
    prefixes: tuple[str, ...]
    optional: bool


Segment = tuple[Slot, ...]


@dataclass(frozen=True)
class Plan:
    """How one token pattern of a cue is matched: a chain of segments (gap before each), or tokens."""

    key: str
    chain: tuple[tuple[int, int], ...]  # (segment number in `CueSet.segments`, gap before it)
    pattern: Pattern  # the token pattern itself, for the Matcher when no phrase list can express it


class CueSet:
    """Keyed cue patterns, analysed once into phrase segments; `matcher(doc)` matches them in one Doc."""

    def __init__(self, patterns: dict[str, list[Pattern]]):
        self.patterns = patterns
        numbers: dict[Segment, int] = {}
        self.plans: list[Plan] = []
        for key, alternatives in patterns.items():
            for pattern in alternatives:
                chain = tuple((numbers.setdefault(segment, len(numbers)), gap) for segment, gap in _chain(pattern))
                self.plans.append(Plan(key, chain, pattern))
        self.segments: list[Segment] = list(numbers)

    def matcher(self, doc: Doc, words: DocWords | None = None, soft_breaks: Collection[int] = ()) -> CueMatcher:
        return CueMatcher(doc, self, words, soft_breaks)


class DocWords:
    """The word types of one document, for specialising patterns to it."""

    def __init__(self, doc: Doc):
        strings = doc.vocab.strings
        lower, orth = (set(doc.to_array(attr).tolist()) if len(doc) else set() for attr in (LOWER, ORTH))
        self._sets = {"LOWER": {strings[h] for h in lower}, "ORTH": {strings[h] for h in orth}}
        self._sorted = {attr: sorted(words) for attr, words in self._sets.items()}
        self._texts_of: dict[str, list[str]] = {}
        for text in self._sorted["ORTH"]:
            self._texts_of.setdefault(text.lower(), []).append(text)

    def accepted(self, slot: Slot, exact: bool = False) -> list[str]:
        """The document's words a slot accepts; spelled as in the text when `exact`."""
        found = self._sets[slot.attr].intersection(slot.words)
        types = self._sorted[slot.attr]
        for prefix in slot.prefixes:
            i = bisect.bisect_left(types, prefix)
            while i < len(types) and types[i].startswith(prefix):
                found.add(types[i])
                i += 1
        if exact and slot.attr == "LOWER":
            return sorted(text for word in found for text in self._texts_of.get(word, ()))
        return sorted(found)

    def phrases(self, segment: Segment, limit: int) -> Phrases | None:
        """The fixed phrases a segment matches in this document (an empty list: none can).

        None when it stands for more than `limit` phrases or may match nothing
        at all (every token optional).  A segment with an exact word is matched
        exactly, its lower-case words spelled as the document spells them.
        """
        exact = any(slot.attr == "ORTH" for slot in segment)
        attr = "ORTH" if exact else "LOWER"
        choices: list[list[str | None]] = []
        count = 1
        for slot in segment:
            words: list[str | None] = list(self.accepted(slot, exact))
            if slot.optional:
                words.append(None)
            elif not words:
                return attr, []
            choices.append(words)
            count *= len(words)
        if count > limit:
            return None
        phrases = [tuple(w for w in combo if w is not None) for combo in itertools.product(*choices)]
        if any(not p for p in phrases):
            return None
        return attr, phrases

    def specialise(self, pattern: Pattern, max_variants: int = MAX_VARIANTS) -> list[Pattern]:
        """A token pattern restricted to this document's words, for spaCy's Matcher: [] if it cannot match.

        Set and prefix predicates become one pattern per word (equality is
        checked in C, sets in Python) unless that makes more than
        `max_variants` patterns; then they stay sets of the document's words.
        """
        choices: list[list[dict[str, Any]]] = []
        for token in pattern:
            attr = next((a for a in _WORD_ATTRS if a in token and isinstance(token[a], dict)), None)
            if attr is None:
                choices.append([token])
                continue
            values = self.accepted(_slot(token, attr))
            optional = token.get("OP") == "?"
            if not values:
                if optional:
                    continue
                return []
            extra = {"OP": "?"} if optional else {}
            choices.append([{attr: v, **extra} for v in values])
        variants = 1
        for options in choices:
            variants *= len(options)
        if variants > max_variants:
            return [[options[0] if len(options) == 1 else _as_set(options) for options in choices]]
        return [list(combo) for combo in itertools.product(*choices)]


class CueMatcher:
    """A `CueSet` specialised to one Doc; calling it gives the matches."""

    def __init__(self, doc: Doc, cues: CueSet, words: DocWords | None = None, soft_breaks: Collection[int] = ()):
        self.doc, self._where = _without(doc, soft_breaks)
        words = words or DocWords(doc)
        vocab = doc.vocab
        self._lower = PhraseMatcher(vocab, attr="LOWER")
        self._exact = PhraseMatcher(vocab, attr="ORTH")
        self._tokens = Matcher(vocab)
        self._chains: list[tuple[str, list[tuple[str, int]]]] = []
        self._run: list[int] | None = None
        found = [words.phrases(segment, MAX_PHRASES) for segment in cues.segments]
        phrases: dict[tuple[str, str], list[tuple[str, ...]]] = {}
        fallback: dict[str, list[Pattern]] = {}
        chained: dict[int, Phrases] = {}  # segments of gap cues, matched once each under the name "#n"
        for plan in cues.plans:
            parts = [found[n] for n, _ in plan.chain]
            known = [part for part in parts if part is not None]
            if not parts or len(known) < len(parts):
                fallback.setdefault(plan.key, []).extend(words.specialise(plan.pattern))
            elif not all(forms for _, forms in known):
                continue  # a segment has no words in this document
            elif len(known) == 1:
                phrases.setdefault((known[0][0], plan.key), []).extend(known[0][1])
            else:
                chained.update((n, part) for (n, _), part in zip(plan.chain, known, strict=True))
                self._chains.append((plan.key, [(f"#{n}", gap) for n, gap in plan.chain]))
        for n, (attr, forms) in chained.items():
            phrases[(attr, f"#{n}")] = forms
        for (attr, name), forms in phrases.items():
            docs = [Doc(vocab, words=list(p)) for p in dict.fromkeys(forms)]
            (self._lower if attr == "LOWER" else self._exact).add(name, docs)
        for key, variants in fallback.items():
            if variants:
                self._tokens.add(key, variants)
        self._segment_names = {f"#{n}" for n in chained}
        self._keys = {vocab.strings.add(name): name for name in {name for _, name in phrases} | set(fallback)}

    def __call__(self) -> list[Match]:
        """(key, start, end) of the shortest match of each cue at each start, by start then key."""
        shortest: dict[tuple[str, int], int] = {}
        segments: dict[str, dict[int, list[int]]] = {}
        keys, segment_names = self._keys, self._segment_names
        for matcher in (self._lower, self._exact, self._tokens):
            if not len(matcher):
                continue
            for match_id, start, end in matcher(self.doc):
                name = keys[match_id]
                if name in segment_names:
                    segments.setdefault(name, {}).setdefault(start, []).append(end)
                elif end < shortest.get((name, start), end + 1):
                    shortest[(name, start)] = end
        for key, chain in self._chains:
            for start, end in self._chain_matches(chain, segments):
                if end < shortest.get((key, start), end + 1):
                    shortest[(key, start)] = end
        found = [(key, start, end) for (key, start), end in shortest.items()]
        if self._where is not None:
            where = self._where
            found = [(key, where[start], where[end - 1] + 1) for key, start, end in found]
        return sorted(found, key=lambda m: (m[1], m[0]))

    def _chain_matches(
        self, chain: list[tuple[str, int]], segments: dict[str, dict[int, list[int]]]
    ) -> Iterable[tuple[int, int]]:
        """(start, shortest end) of each chain of segment matches, each within its gap of the one before."""
        first = segments.get(chain[0][0])
        if not first or any(name not in segments for name, _ in chain[1:]):
            return
        run = self._word_run()
        for start, ends in first.items():
            reach = set(ends)
            for name, gap in chain[1:]:
                at = segments[name]
                reach = {end for e in reach for b in range(e, e + min(gap, run[e]) + 1) for end in at.get(b, ())}
                if not reach:
                    break
            if reach:
                yield start, min(reach)

    def _word_run(self) -> list[int]:
        """How many tokens from each index on are neither punctuation nor space (what a gap may cross)."""
        if self._run is None:
            doc = self.doc
            # flat lists of ints: a list per token would wake the garbage collector over a large heap
            stops = [p or s for p, s in zip(*(doc.to_array(a).tolist() for a in (IS_PUNCT, IS_SPACE)), strict=True)]
            run, count = [0] * (len(doc) + 1), 0
            for j in range(len(doc) - 1, -1, -1):
                count = 0 if stops[j] else count + 1
                run[j] = count
            self._run = run
        return self._run


def _chain(pattern: Pattern) -> tuple[tuple[Segment, int], ...]:
    """A token pattern cut at its gaps: (segment, gap before it); () if no chain can express it."""
    out: list[tuple[list[Slot], int]] = []
    gap = 0
    for token in pattern:
        op = str(token.get("OP", ""))
        if op.startswith("{"):
            if set(token) != {"IS_PUNCT", "IS_SPACE", "OP"} or token["IS_PUNCT"] or token["IS_SPACE"]:
                return ()
            gap += int(op.strip("{}").split(",")[1])
            continue
        attr = next((a for a in _WORD_ATTRS if a in token), None)
        if attr is None or set(token) - {attr, "OP"} or op not in ("", "?"):
            return ()
        if gap or not out:
            out.append(([], gap))
            gap = 0
        out[-1][0].append(_slot(token, attr))
    return tuple((tuple(slots), gap) for slots, gap in out)


def _slot(token: dict[str, Any], attr: str) -> Slot:
    """A token's word predicate ("word", {"IN": [...]}, {"REGEX": "^(?:a|b)"}) as a `Slot`."""
    want = token[attr]
    words = [want] if isinstance(want, str) else want.get("IN", [])
    prefixes = _prefixes(want["REGEX"]) if isinstance(want, dict) and "REGEX" in want else []
    # words without letters ("-") read the same in either attribute
    caseless = attr != "LOWER" and words and not prefixes and all(w.lower() == w.upper() for w in words)
    kind = "LOWER" if attr == "LOWER" or caseless else "ORTH"
    return Slot(kind, frozenset(words), tuple(prefixes), token.get("OP") == "?")


def _without(doc: Doc, soft_breaks: Collection[int]) -> tuple[Doc, list[int] | None]:
    """The Doc with the soft-break tokens left out, and each kept token's index in `doc`."""
    if not soft_breaks:
        return doc, None
    kept = [i for i in range(len(doc)) if i not in soft_breaks]
    return Doc(doc.vocab, words=[doc[i].text for i in kept]), kept


def _as_set(options: list[dict[str, Any]]) -> dict[str, Any]:
    """Fold equality alternatives back into one set predicate."""
    attr = next(a for a in _WORD_ATTRS if a in options[0])
    folded: dict[str, Any] = {attr: {"IN": [o[attr] for o in options]}}
    if "OP" in options[0]:
        folded["OP"] = options[0]["OP"]
    return folded


def _prefixes(regex: str) -> list[str]:
    """The literal prefixes of a `^(?:a|b)` / `^a` regex built by `patterns`."""
    body = regex[1:]
    if body.startswith("(?:") and body.endswith(")"):
        body = body[3:-1]
    return [re.sub(r"\\(.)", r"\1", part) for part in body.split("|")]

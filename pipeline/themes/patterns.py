"""Compile the cue syntax of `models/themes*.yaml` into spaCy Matcher patterns.

Why a small syntax instead of raw Matcher JSON: a taxonomy is read and edited
by learning leads, and "not|n't ... explor*" is reviewable where the token
dictionaries are not.  Every cue is matched on the token's lower-cased text
against the cue word *and its inflections* (explore, explored, exploring,
exploration via `explor*`).  We deliberately do not match on `LEMMA`: the
small English model gives capitalised words at the start of a bullet the
PROPN tag and leaves their lemma unchanged ("Domestic Abuse", "Escalation"),
so lemma matching silently misses the commonest place a theme is named.
Generating inflections of the cue word gives the same equivalence classes as
lemmas, independent of tagging errors.

Syntax (tokens separated by spaces):
    word      the word or its inflections      a|b      alternatives
    word*     a token starting with "word"     tok?     optional token
    ...       up to N words (no punctuation)   @CLASS   a class word or role code
    ABC       all capitals: case-sensitive     a-b      hyphen optional
"""
from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokenizer import Tokenizer

GAP = "..."


@dataclass
class CompileContext:
    """What a cue needs to be compiled: a tokenizer, irregular forms, classes."""

    tokenizer: Tokenizer
    irregular: dict[str, list[str]] = field(default_factory=dict)
    classes: dict[str, list[str]] = field(default_factory=dict)
    gap: int = 4
    # close wordings that count as the same cue word ("unexpected" ~ "unexplained"),
    # from the taxonomy's `variants`; each word maps to the others of its group
    variants: dict[str, list[str]] = field(default_factory=dict)


def variant_map(groups: list[list[str]]) -> dict[str, list[str]]:
    """Each word of a variant group -> the other words of its group."""
    out: dict[str, list[str]] = {}
    for group in groups:
        words = [w.lower() for w in group]
        for word in words:
            out.setdefault(word, []).extend(w for w in words if w != word)
    return out


def word_forms(word: str, ctx: CompileContext) -> set[str]:
    """A cue word's inflections and those of its listed variants."""
    forms = inflections(word, ctx.irregular)
    for variant in ctx.variants.get(word, ()):
        forms |= inflections(variant, ctx.irregular)
    return forms


def inflections(word: str, irregular: dict[str, list[str]]) -> set[str]:
    """Regular English inflections of a lower-case word, plus listed irregular ones.

    Over-generation is harmless (a form that is not a word never occurs), so
    the rules are simple; function words are left alone so that "a" never
    starts matching "as".
    """
    forms = {word}
    forms.update(irregular.get(word, []))
    if word in STOP_WORDS or len(word) < 3 or not word.isalpha():
        return forms
    forms.update({word + "s", word + "es", word + "ed", word + "d", word + "ing", word + "er", word + "ers"})
    if word.endswith("e"):
        forms.update({word[:-1] + "ing", word[:-1] + "ed"})
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        forms.update({word[:-1] + "ies", word[:-1] + "ied"})
    if re.search(r"[^aeiou][aeiou][bdglmnprt]$", word):
        forms.update({word + word[-1] + "ed", word + word[-1] + "ing"})
    return forms


def _is_case_sensitive(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _alternative_tokens(alt: str, ctx: CompileContext) -> list[dict]:
    """One alternative ("multi-agency", "explor*", "DASH", "@FATHER") as a token sequence."""
    if alt.startswith("@"):
        if alt[1:] not in ctx.classes:
            raise ValueError(f"unknown class {alt}")
        return [{"LOWER": {"IN": sorted(ctx.classes[alt[1:]])}}]
    prefix = alt.endswith("*") and len(alt) > 1
    bare = alt[:-1] if prefix else alt
    pieces = [t.text for t in ctx.tokenizer(bare)] or [bare]
    tokens: list[dict] = []
    for i, piece in enumerate(pieces):
        last = i == len(pieces) - 1
        if piece == "-":
            tokens.append({"ORTH": "-", "OP": "?"})
        elif prefix and last:
            attr = "TEXT" if _is_case_sensitive(piece) else "LOWER"
            text = piece if attr == "TEXT" else piece.lower()
            tokens.append({attr: {"REGEX": "^" + re.escape(text)}})
        elif _is_case_sensitive(piece):
            tokens.append({"TEXT": {"IN": sorted({piece, piece + "s"})}})
        else:
            tokens.append({"LOWER": {"IN": sorted(word_forms(piece.lower(), ctx))}})
    return tokens


def _merge_single_tokens(alternatives: list[list[dict]]) -> list[list[dict]]:
    """Fold one-token alternatives of the same kind into one token (fewer patterns)."""
    merged: dict[tuple[str, str], set[str]] = {}
    out: list[list[dict]] = []
    for seq in alternatives:
        if len(seq) != 1 or "OP" in seq[0]:
            out.append(seq)
            continue
        (attr, pred), = seq[0].items()
        (kind, value), = pred.items()
        values = set(value) if kind == "IN" else {value}
        merged.setdefault((attr, kind), set()).update(values)
    for (attr, kind), values in sorted(merged.items()):
        if kind == "IN":
            out.insert(0, [{attr: {"IN": sorted(values)}}])
        else:
            regex = "|".join(sorted(v.removeprefix("^") for v in values))
            out.insert(0, [{attr: {"REGEX": f"^(?:{regex})"}}])
    return out


def _element(raw: str, ctx: CompileContext) -> list[list[dict]]:
    """One space-separated element as a list of alternative token sequences."""
    if raw == GAP:
        return [[{"IS_PUNCT": False, "IS_SPACE": False, "OP": f"{{0,{ctx.gap}}}"}]]
    optional = raw.endswith("?") and len(raw) > 1
    if optional:
        raw = raw[:-1]
    alternatives = _merge_single_tokens([_alternative_tokens(a, ctx) for a in raw.split("|") if a])
    if optional:
        if any(len(seq) != 1 for seq in alternatives):
            raise ValueError(f"only a single token can be optional: {raw}?")
        alternatives = [[{**seq[0], "OP": "?"}] for seq in alternatives]
    return alternatives


def compile_cue(cue: str, ctx: CompileContext) -> list[list[dict]]:
    """All Matcher token patterns a cue string stands for."""
    elements = [_element(raw, ctx) for raw in cue.split()]
    if not elements:
        raise ValueError("empty cue")
    patterns = []
    for combo in itertools.product(*elements):
        pattern = [tok for seq in combo for tok in seq]
        if all(tok.get("OP") in ("?", "*") or str(tok.get("OP", "")).startswith("{0") for tok in pattern):
            raise ValueError(f"cue can match nothing: {cue!r}")
        patterns.append(pattern)
    return patterns


def class_forms(words: list[str], ctx: CompileContext, codes: list[str] = ()) -> list[str]:
    """Lower-case forms of a class's words plus the role codes that belong to it."""
    forms: set[str] = set()
    for word in words:
        forms |= word_forms(word.lower(), ctx) if "-" not in word else {word.lower()}
    forms |= {code.lower() for code in codes if " " not in code}
    return sorted(forms)


class TokenArrays:
    """The token attributes matching needs, read from a Doc once."""

    def __init__(self, doc):
        self.lower, self.text, self.punct, self.space, self.idx, self.end = [], [], [], [], [], []
        for token in doc:
            self.lower.append(token.lower_)
            self.text.append(token.text)
            self.punct.append(token.is_punct)
            self.space.append(token.is_space)
            self.idx.append(token.idx)
            self.end.append(token.idx + len(token.text))


class DocVocabulary:
    """The word types of one document, for specialising patterns to it.

    spaCy's Matcher evaluates `IN` and `REGEX` predicates in Python for every
    token and pattern, which made a 100-page review take half a minute with a
    thousand cues.  Specialising each pattern to the words the document
    actually contains turns most predicates into plain equality (evaluated in
    C) and drops the many cues whose words never occur: same matches, ~50x faster.
    """

    def __init__(self, tokens: "TokenArrays"):
        self._lower_set, self._text_set = set(tokens.lower), set(tokens.text)
        self.lower, self.text = sorted(self._lower_set), sorted(self._text_set)

    def _values(self, attr: str, kind: str, value) -> set[str]:
        types, type_set = (self.lower, self._lower_set) if attr == "LOWER" else (self.text, self._text_set)
        if kind == "IN":
            return type_set.intersection(value)
        out: set[str] = set()
        for prefix in _prefixes(value):
            i = bisect.bisect_left(types, prefix)
            while i < len(types) and types[i].startswith(prefix):
                out.add(types[i])
                i += 1
        return out

    def specialise(self, pattern: list[dict], max_variants: int = 64) -> list[list[dict]]:
        """The pattern restricted to this document's words: [] if it cannot match.

        Set predicates are expanded into one pattern per word (equality is
        checked in C, sets in Python) unless that makes more than
        `max_variants` patterns.
        """
        choices: list[list[dict]] = []
        for token in pattern:
            attr = next((a for a in ("LOWER", "TEXT") if a in token and isinstance(token[a], dict)), None)
            kind = next(iter(token[attr])) if attr else None
            if kind not in ("IN", "REGEX"):
                choices.append([token])
                continue
            values = sorted(self._values(attr, kind, token[attr][kind]))
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


def _as_set(options: list[dict]) -> dict:
    """Fold equality alternatives back into one set predicate."""
    attr = next(a for a in ("LOWER", "TEXT") if a in options[0])
    folded = {attr: {"IN": [o[attr] for o in options]}}
    if "OP" in options[0]:
        folded["OP"] = options[0]["OP"]
    return folded


def _prefixes(regex: str) -> list[str]:
    """The literal prefixes of a `^(?:a|b)` / `^a` regex built by this module."""
    body = regex[1:]
    if body.startswith("(?:") and body.endswith(")"):
        body = body[3:-1]
    return [re.sub(r"\\(.)", r"\1", part) for part in body.split("|")]


class IndexedMatcher:
    """Runs spaCy Matcher token patterns through a first-token index.

    spaCy's Matcher starts every pattern at every token, so its cost grows
    with tokens x patterns: with a thousand cues a 100-page review took 10-30
    seconds.  Cues are sparse (most words of a review start no cue), so here
    the patterns, once specialised to the document's words, are indexed by the
    words their first token accepts and tried only where such a word occurs.
    The patterns are the same spaCy token patterns (validated by spaCy's
    Matcher in the tests, which also check both give the same matches); the
    result is the shortest match of each pattern at each start, which is all
    the tagger uses.  Supported: LOWER/TEXT/ORTH equality and IN, IS_PUNCT and
    IS_SPACE flags, and the operators "?" and "{0,n}".

    Each pattern is compiled once into plain tuples (`_Step`), and most cues
    (fixed words, no operator) are checked as one list-slice comparison in C
    after the anchor word: the per-token dictionary work of a generic matcher
    was three quarters of the tagging time.
    """

    def __init__(self, tokens: "TokenArrays", patterns: dict[str, list[list[dict]]]):
        vocabulary = DocVocabulary(tokens)
        self.lower, self.text, self.punct, self.space = tokens.lower, tokens.text, tokens.punct, tokens.space
        self._arrays = (self.lower, self.text)
        compiled: dict[tuple[str, str], list[tuple]] = {}
        for key, alternatives in patterns.items():
            for pattern in alternatives:
                for variant in vocabulary.specialise(pattern):
                    steps = _compile_steps(variant)
                    for anchor in _anchors(variant):
                        compiled.setdefault(anchor, []).append((key, *_plan(steps)))
        self._run: list[int] | None = None
        self._by_lower = {word: entries for (attr, word), entries in compiled.items() if attr == "LOWER"}
        self._by_text = {word: entries for (attr, word), entries in compiled.items() if attr == "TEXT"}

    def __call__(self) -> list[tuple[str, int, int]]:
        found: dict[tuple[str, int], int] = {}
        by_lower, by_text, lower, text = self._by_lower, self._by_text, self.lower, self.text
        for i in range(len(lower)):
            for entries in (by_lower.get(lower[i]), by_text.get(text[i])):
                if not entries:
                    continue
                for key, fast, rest, steps in entries:
                    if fast is not None:
                        # fixed words after a required anchor word: compare the slice
                        end = i + 1 + len(rest)
                        if (fast == 0 and lower[i + 1:end] == rest) or (fast == 1 and text[i + 1:end] == rest) or (
                                fast == 2 and self._fixed(rest, i + 1)):
                            pass
                        else:
                            continue
                    else:
                        end = self._shortest(steps, 0, i)
                        if end is None or end <= i:
                            continue
                    if (key, i) not in found or end < found[(key, i)]:
                        found[(key, i)] = end
        return [(key, start, end) for (key, start), end in sorted(found.items(), key=lambda kv: (kv[0][1], kv[0][0]))]

    def _word_run(self, i: int) -> int:
        """How many tokens from i on are neither punctuation nor space (computed once)."""
        if self._run is None:
            run, count = [0] * (len(self.lower) + 1), 0
            for j in range(len(self.lower) - 1, -1, -1):
                count = 0 if self.punct[j] or self.space[j] else count + 1
                run[j] = count
            self._run = run
        return self._run[i] if i < len(self._run) else 0

    def _fixed(self, rest: tuple, i: int) -> bool:
        """Required single tokens from i on (mixed attributes or set predicates)."""
        if i + len(rest) > len(self.lower):
            return False
        arrays = self._arrays
        for n, (arr, want, is_set) in enumerate(rest):
            have = arrays[arr][i + n]
            if (have not in want) if is_set else (have != want):
                return False
        return True

    def _accepts(self, step: "_Step", i: int) -> bool:
        if i >= len(self.lower):
            return False
        arr, want, is_set, punct, space = step[0], step[1], step[2], step[3], step[4]
        if punct is not None and self.punct[i] != punct:
            return False
        if space is not None and self.space[i] != space:
            return False
        if arr < 0:
            return True
        have = self._arrays[arr][i]
        return (have in want) if is_set else (have == want)

    def _shortest(self, steps: tuple, p: int, i: int) -> int | None:
        """End of the shortest match of steps[p:] starting at token i."""
        while p < len(steps):
            step = steps[p]
            if step[5] != 1 or step[6] != 1:
                break
            if not self._accepts(step, i):
                return None
            p, i = p + 1, i + 1
        if p == len(steps):
            return i
        step = steps[p]
        most = min(step[6], len(self.lower) - i)
        if step[:5] == _GAP_STEP:
            # a gap of ordinary words: how many follow is known in advance
            most = min(most, self._word_run(i))
            best = None
            for n in range(most + 1):
                end = self._shortest(steps, p + 1, i + n)
                if end is not None and (best is None or end < best):
                    best = end
            return best
        best = None
        for n in range(most + 1):
            if n and not self._accepts(step, i + n - 1):
                break
            end = self._shortest(steps, p + 1, i + n)
            if end is not None and (best is None or end < best):
                best = end
        return best


# (array: 0 lower, 1 text, -1 none; wanted word or set; is a set; IS_PUNCT; IS_SPACE; min; max)
_Step = tuple
_GAP_STEP = (-1, None, False, False, False)


def _compile_steps(pattern: list[dict]) -> tuple:
    """A spaCy token pattern as plain tuples (see `_Step`)."""
    steps = []
    for token in pattern:
        arr, want, is_set = -1, None, False
        for attr, index in (("LOWER", 0), ("TEXT", 1), ("ORTH", 1)):
            if attr in token:
                arr, want = index, token[attr]
                if isinstance(want, dict):
                    want, is_set = frozenset(want["IN"]), True
        op = token.get("OP")
        least, most = (1, 1) if op is None else (0, 1) if op == "?" else (0, int(op.strip("{}").split(",")[1]))
        steps.append((arr, want, is_set, token.get("IS_PUNCT"), token.get("IS_SPACE"), least, most))
    return tuple(steps)


def _plan(steps: tuple) -> tuple:
    """(fast kind, fixed rest, steps): fast is 0/1 (all lower/text equality after the
    anchor), 2 (required single tokens of mixed kinds) or None (operators: generic)."""
    head, rest = steps[0], steps[1:]
    if head[5:] != (1, 1) or any(s[5:] != (1, 1) or s[0] < 0 or s[3] is not None or s[4] is not None for s in rest):
        return None, (), steps
    if all(not s[2] for s in rest):
        for arr in (0, 1):
            if all(s[0] == arr for s in rest):
                return arr, [s[1] for s in rest], steps
    return 2, tuple((s[0], s[1], s[2]) for s in rest), steps


def _anchors(pattern: list[dict]) -> set[tuple[str, str]]:
    """The (attribute, word) pairs a match of `pattern` can start with."""
    anchors: set[tuple[str, str]] = set()
    for token in pattern:
        attr = next((a for a in ("LOWER", "TEXT", "ORTH") if a in token), None)
        if attr is None:
            raise ValueError(f"a pattern may not start with a gap: {pattern}")
        want = token[attr]
        attr = "TEXT" if attr == "ORTH" else attr
        values = want["IN"] if isinstance(want, dict) else [want]
        anchors |= {(attr, v) for v in values}
        if token.get("OP") is None:
            return anchors
    raise ValueError(f"a pattern needs at least one required token: {pattern}")

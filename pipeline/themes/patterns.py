"""Compile the cue syntax of `models/themes*.yaml` into spaCy Matcher token patterns.

The token patterns are the cues' meaning, checked by spaCy's own Matcher in
the tests; `matcher.py` specialises them to one review's words and matches
them with spaCy's PhraseMatcher.

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

import itertools
import re
from collections.abc import Sequence
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
        ((attr, pred),) = seq[0].items()
        ((kind, value),) = pred.items()
        values = set(value) if kind == "IN" else {value}
        merged.setdefault((attr, kind), set()).update(values)
    for (attr, kind), values in sorted(merged.items()):
        if kind == "IN":
            out.insert(0, [{attr: {"IN": sorted(values)}}])
        else:
            regex = "|".join(sorted(v.removeprefix("^") for v in values))
            out.insert(0, [{attr: {"REGEX": f"^(?:{regex})"}}])
    return out


def _irregular_of_prefixes(alts: list[str], ctx: CompileContext) -> list[str]:
    """Irregular forms of a prefix cue's stem when the stem is a word ("drink*" also
    matches "drank", "drunk"): a prefix finds the regular forms, not these."""
    out: list[str] = []
    for alt in alts:
        stem = alt[:-1].lower() if alt.endswith("*") and len(alt) > 2 else ""
        if stem.isalpha():
            out.extend(f for f in ctx.irregular.get(stem, ()) if not f.startswith(stem) and f.isalpha())
    return out


def _element(raw: str, ctx: CompileContext) -> list[list[dict]]:
    """One space-separated element as a list of alternative token sequences."""
    if raw == GAP:
        return [[{"IS_PUNCT": False, "IS_SPACE": False, "OP": f"{{0,{ctx.gap}}}"}]]
    optional = raw.endswith("?") and len(raw) > 1
    if optional:
        raw = raw[:-1]
    alts = [a for a in raw.split("|") if a]
    alternatives = _merge_single_tokens([_alternative_tokens(a, ctx) for a in alts + _irregular_of_prefixes(alts, ctx)])
    if optional:
        if any(len(seq) != 1 for seq in alternatives):
            raise ValueError(f"only a single token can be optional: {raw}?")
        alternatives = [[{**seq[0], "OP": "?"}] for seq in alternatives]
    return alternatives


def compile_cue(cue: str, ctx: CompileContext) -> list[list[dict]]:
    """All Matcher token patterns a cue string stands for."""
    raws = cue.split()
    if not raws:
        raise ValueError("empty cue")
    if raws[0] == GAP or raws[-1] == GAP:
        raise ValueError(f"a cue may not start or end with a gap: {cue!r}")
    elements = [_element(raw, ctx) for raw in raws]
    patterns = []
    for combo in itertools.product(*elements):
        pattern = [tok for seq in combo for tok in seq]
        if all(tok.get("OP") in ("?", "*") or str(tok.get("OP", "")).startswith("{0") for tok in pattern):
            raise ValueError(f"cue can match nothing: {cue!r}")
        patterns.append(pattern)
    return patterns


def class_forms(words: list[str], ctx: CompileContext, codes: Sequence[str] = ()) -> list[str]:
    """Lower-case forms of a class's words plus the role codes that belong to it."""
    forms: set[str] = set()
    for word in words:
        forms |= word_forms(word.lower(), ctx) if "-" not in word else {word.lower()}
    forms |= {code.lower() for code in codes if " " not in code}
    return sorted(forms)

"""Forms of a keyed name that the key never spells out: short forms, nicknames, misspellings.

An author lists "Kasia Nowak" and then writes "Kas", lists "Tomasz" and
writes "Tom", lists "Jade" and types "Jayde", lists "MacDonnell" and types
"McDonnell".  Each is still that person, and leaving it (or giving it a new
placeholder, a second identity) is the harm the key exists to prevent.

One pass over the capitalised words that the exact matcher left:

- **nickname**: the word is a recorded nickname of a keyed first name
  (the `nicknames` dataset: "Bill" for William, "Liz" for Elizabeth);
- **short form**: the word is a prefix of a keyed first name of at least
  `short_form_min_letters` letters ("Kas", "Tom");
- **misspelling**: the word is within a small edit distance (Damerau/OSA,
  rapidfuzz) of a keyed first name or surname, begins with the same letter,
  and is not itself a listed name of someone else ("Jane" is not a slip of
  "Jade" when Jane is a name in the gazetteer and differs by a substitution).

Only words that look like a person are considered: capitalised, not an
ordinary English word (unless spaCy tags it a proper noun or a person's
name), not followed by an organisation or place head word ("Tom Hood
Centre"), not a role code.  Settings live in
``models/pseudonymise/name_context.yaml``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import OSA

from ..resources import load_yaml, read_lines
from .folding import fold

_WORD = re.compile(r"(?<![\w@.])[A-Z\u00C0-\u024F][\w\u00C0-\u024F'’-]*")
_POSSESSIVE = re.compile(r"(?:['’]s|s['’]|['’])$")


@dataclass(frozen=True)
class Derived:
    """A word that is a derived form of one or more keyed names."""

    start: int
    end: int
    text: str
    targets: tuple[tuple[str, str, str], ...]  # (code, keyed word, rule: nickname/short_form/misspelling)


@lru_cache(maxsize=1)
def settings() -> dict:
    return load_yaml("pseudonymise", "name_context.yaml")


@lru_cache(maxsize=1)
def _org_heads() -> frozenset[str]:
    return frozenset(read_lines("names", "non_person_words.txt"))


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """Frequent English words (wordfreq-based list, British words such as "carer" included) and role words."""
    words = set(read_lines("names", "common_words.txt"))
    for line in read_lines("names", "role_words.txt"):
        words.update(line.casefold().split())
    return frozenset(words)


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


@lru_cache(maxsize=1)
def _gazetteer_names() -> frozenset[str]:
    words = set(read_lines("gazetteer", "first_names.txt")) | set(read_lines("gazetteer", "surnames.txt"))
    return frozenset(fold(w).casefold() for w in words)


@lru_cache(maxsize=1)
def _nicknamer():
    try:
        from nicknames import NickNamer
    except ImportError:  # optional data: without it, nicknames are simply not derived
        return None
    return NickNamer()


@lru_cache(maxsize=4096)
def nicknames_of(first_name: str) -> frozenset[str]:
    """Recorded nicknames of a first name, lower case ("william" -> {"bill", "will", ...})."""
    namer = _nicknamer()
    return frozenset(namer.nicknames_of(first_name.casefold())) if namer else frozenset()


@dataclass(frozen=True)
class KeyedWord:
    """One word of a keyed name, for the derived-form pass."""

    code: str
    word: str  # as keyed
    folded: str  # folded, lower case
    first: bool  # a first (given) name, so short forms and nicknames apply


def _misspelling(word: str, target: str, conf: dict, names: frozenset[str]) -> bool:
    if len(word) < conf["min_letters"] or len(target) < conf["min_letters"] or word == target:
        return False
    if conf.get("same_first_letter", True) and word[0] != target[0]:
        return False
    limit = conf["max_edits_long"] if min(len(word), len(target)) >= conf["long_from"] else conf["max_edits_short"]
    distance = OSA.distance(word, target)
    if distance == 0 or distance > limit:
        return False
    if word in names and len(word) == len(target) and distance == 1 and sorted(word) != sorted(target):
        # "Jane" for "Jade" is another real name, not a slip; "Mariam" for "Maryam" is a transliteration
        swapped = {a for a, b in zip(word, target) if a != b} | {b for a, b in zip(word, target) if a != b}
        return swapped <= _VOWELS
    return True


_VOWELS = frozenset("aeiouy")


def classify(word: str, keyed: list[KeyedWord]) -> list[tuple[str, str, str]]:
    """Which keyed names `word` derives from, and how (empty when none)."""
    folded = fold(word).casefold()
    conf = settings()
    min_prefix = int(conf.get("short_form_min_letters", 3))
    names = _gazetteer_names()
    found = []
    for k in keyed:
        if folded == k.folded:
            continue  # an exact form: the exact matcher's (or deliberately skipped there)
        if k.first and folded in nicknames_of(k.folded):
            found.append((k.code, k.word, "nickname"))
        elif k.first and len(folded) >= min_prefix and len(k.folded) > len(folded) and k.folded.startswith(folded):
            found.append((k.code, k.word, "short_form"))
        elif _misspelling(folded, k.folded, conf["misspelling"], names):
            found.append((k.code, k.word, "misspelling"))
    return found


_DATE_NEXT = re.compile(r"^\.?,?[ \t]+(?:\d|of\b)")
_DATE_PREV = re.compile(r"\d(?:st|nd|rd|th)?[ \t]+$")


def _looks_like_person(text: str, start: int, end: int, word: str, possessive: bool, lexicon: frozenset[str],
                       doc_tokens, strict: bool = True) -> bool:
    """Capitalised, not part of a date, an organisation's or a place's name, and a name rather than an ordinary word.

    An ordinary English word ("Tom", "Will", "Sun") needs a person's context:
    spaCy's PERSON entity, a possessive, or a reporting verb after it.
    """
    after = text[end:end + 40]
    if _DATE_NEXT.match(after) or _DATE_PREV.search(text[max(0, start - 8):start]):
        return False  # "Jan 2020", "3 Mar"
    nxt = re.match(r"[ \t]+([A-Za-z][\w'’-]*)", after)
    if nxt and nxt.group(1) in _org_heads():
        return False
    if re.match(r"-[A-Za-z]", after):
        return False  # "Tom-Tom", "Ashton-under-Lyne"
    lower = word.casefold()
    if lower not in _common_words() and (lower not in lexicon or not strict):
        return True  # a recorded nickname or a short form is a name unless it is a frequent word ("Biddy" yes, "Will" no)
    if possessive or (nxt and nxt.group(1).casefold() in reporting_verbs()):
        return True
    token = doc_tokens.get(start) if doc_tokens is not None else None
    return token is not None and token.ent_type_ == "PERSON"


@lru_cache(maxsize=1)
def reporting_verbs() -> frozenset[str]:
    return frozenset(settings()["reporting_verbs"])


def find_derived(text: str, keyed: list[KeyedWord], taken: list[tuple[int, int]], protected: frozenset[str],
                 lexicon: frozenset[str], doc=None) -> list[Derived]:
    """Every capitalised word outside `taken` that derives from a keyed name."""
    if not keyed:
        return []
    doc_tokens = {t.idx: t for t in doc} if doc is not None else None
    spans = sorted(taken)
    seen: dict[str, list] = {}  # a review repeats its words: classify each once
    out = []
    j = 0
    for m in _WORD.finditer(text):
        start, end = m.start(), m.end()
        word = m.group(0)
        poss = _POSSESSIVE.search(word)
        if poss:
            word, end = word[: poss.start()], end - len(poss.group(0))
        word = word.rstrip("-")
        end = start + len(word)
        if len(word) < 3 or word in protected or word.isupper() or word.casefold() in _stop_words():
            continue  # "She said" is never a short form of Sheila
        while j < len(spans) and spans[j][1] <= start:
            j += 1
        if j < len(spans) and spans[j][0] < end:
            continue
        if word not in seen:
            seen[word] = classify(word, keyed)
        targets = seen[word]
        strict = any(rule == "misspelling" for _, _, rule in targets)  # rarer English words can be misspelt names' neighbours
        if targets and _looks_like_person(text, start, end, word, bool(poss), lexicon, doc_tokens, strict):
            out.append(Derived(start, end, word, tuple(targets)))
    return out

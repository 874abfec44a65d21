"""What may be left of a keyed name after pseudonymise, for `scr verify --key` to point at.

Pseudonymise must be sure before it replaces a word (a wrong replacement
breaks the text); verify only has to point a person at what to check.  So,
with a key, verify also reports at medium the shapes that pseudonymise
leaves when it is not sure (keyed initials left in the text are
`names.initials.leftover_initials`):

- **short form**: a capitalised word of 2-4 letters that is no English word
  and begins or ends a keyed given name ("Lu" of Luciana, "Cel" of Maricel);
- **extended form**: a longer capitalised word, no English word, that is a
  keyed given name with an ending ("Yusufs", "Clarinha" of Clara);
- **lower case**: a lower-case word that is a keyed name word and no English
  word ("kawai" of Ka-Wai);
- **titled initial**: a title before one capital letter that begins a keyed
  person's surname ("Mr A", "Ms K.").

Settings: ``models/names/residue.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from ...lexicon import calendar, title_words
from ...resources import load_yaml
from ..keyfile import Key
from .folding import fold
from .known import split_name, split_title, without_generation


@dataclass(frozen=True)
class Residue:
    start: int
    end: int
    text: str
    codes: tuple[str, ...]  # every keyed person it may be
    kind: str  # short_form / extended_form / lower_case / titled_initial


@dataclass(frozen=True)
class _Person:
    code: str
    given: frozenset[str]  # folded, lower case
    words: frozenset[str]  # every name word, folded, lower case, hyphens and spaces removed
    surname_letters: frozenset[str]


@lru_cache(maxsize=1)
def settings() -> dict:
    return load_yaml("names/residue.yaml")


@lru_cache(maxsize=1)
def _calendar_words() -> frozenset[str]:
    cal = calendar()
    words = [*cal.months, *cal.full_months, *cal.weekdays, *cal.weekday_abbreviations]
    return frozenset(w.casefold() for w in words)


def _letters(word: str) -> list[str]:
    return [part[0].upper() for part in re.split(r"[-‐‑]", word) if part[:1].isalpha()]


def _person(code: str, names: tuple[str, ...]) -> _Person:
    given: set[str] = set()
    words: set[str] = set()
    surname_letters: set[str] = set()
    for name in names:
        _, listed = split_title(name.split())
        parts = without_generation([w.strip(".,") for w in listed if w.strip(".,")])
        first, last = split_name(parts)
        words.update(fold(w).casefold().replace("-", "") for w in parts)
        given.update(fold(w).casefold() for w in first)
        if last:
            surname_letters.update(_letters(last[-1])[:1])
    return _Person(
        code,
        frozenset(given),
        frozenset(words),
        frozenset(surname_letters),
    )


def _extends(word: str, given: str, conf: dict) -> bool:
    """ "Yusufs" of Yusuf, "Clarinha" of Clara: the given name with an ending, or all but its last letter."""
    if word == given or len(given) < conf["stem_min"]:
        return False
    return word.startswith(given) or (len(given) > conf["stem_min"] and word.startswith(given[:-1]))


def _people(key: Key) -> list[_Person]:
    return [_person(p.code, p.names) for p in key.people]


def find_residue(doc: Doc, key: Key, taken: list[tuple[int, int]], codes: set[str], common: frozenset[str]) -> list:
    """Tokens that may be what is left of a keyed name, outside the spans in `taken`."""
    conf = settings()
    people = _people(key)
    titles = title_words()
    out: list[Residue] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    for token in doc:
        text, start = token.text, token.idx
        end = start + len(text)
        if not free(start, end) or text in codes:
            continue
        found = _classify(token, people, conf, titles, common)
        if found:
            kind, who, end = found
            out.append(Residue(start, end, doc.text[start:end], who, kind))
    return out


def _classify(token, people: list[_Person], conf: dict, titles, common) -> tuple[str, tuple[str, ...], int] | None:
    text = token.text
    end = token.idx + len(text)
    bare = text.replace(".", "")
    word = fold(text).casefold()
    if text.istitle() and text.isalpha() and conf["short_min"] <= len(text) <= conf["short_max"]:
        if word not in common and word not in _calendar_words() and text not in titles:
            who = tuple(
                p.code
                for p in people
                if any(
                    g != word and len(g) >= len(word) + 2 and (g.startswith(word) or g.endswith(word)) for g in p.given
                )
            )
            if who:
                return "short_form", who, end
    if text.istitle() and text.isalpha() and len(text) > conf["short_max"] and word not in common:
        who = tuple(p.code for p in people if any(_extends(word, g, conf) for g in p.given))
        if who:
            return "extended_form", who, end
    if text.islower() and text.isalpha() and len(text) >= conf["lower_min"] and word not in common:
        who = tuple(p.code for p in people if word in p.words)
        if who:
            return "lower_case", who, end
    prev = token.nbor(-1) if token.i > 0 else None
    if prev is not None and prev.text.rstrip(".") in titles and len(bare) == 1 and bare.isupper():
        who = tuple(p.code for p in people if bare in p.surname_letters)
        if who:
            return "titled_initial", who, end
    return None

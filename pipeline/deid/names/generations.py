"""A generation word beside a name says which of the people who share it is meant.

"old Giorgi" and "young Giorgi" (a father and the grandfather whose name he has), "Mrs Connors senior" (the
grandmother, not the mother, Mrs Connors), "Patrick Connors senior" (the father's father, whom the key
leaves out).  The word stays inside the mention and goes into the code with the name.  Which person it
points to comes from the key: a keyed name's own marker ("Giorgi Beridze Snr"), else the generation the
roles give (a grandparent above a parent above a child).  When the word points above every keyed person of
the name ("senior" of the keyed father's name, no keyed grandfather), the mention is of someone the key
leaves out: it is dropped here for the unknown-name pass, never given the younger namesake's code.

Words and ranks: models/names/generation_words.yaml.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ...lexicon import title_pattern
from ...resources import load_yaml, read_lines
from . import role_cues

OLDER, YOUNGER = "older", "younger"


@lru_cache(maxsize=1)
def _data() -> dict:
    return dict(load_yaml("names", "generation_words.yaml") or {})


@lru_cache(maxsize=1)
def _before_re() -> re.Pattern[str]:
    words = {w: d for d in (OLDER, YOUNGER) for w in _data()[d]["before"]}
    return re.compile(rf"(?<![\w'’-])(?P<gen>(?i:{title_pattern(words)}))[ \t]+\Z")


@lru_cache(maxsize=1)
def _after_re() -> re.Pattern[str]:
    words = {w: d for d in (OLDER, YOUNGER) for w in _data()[d]["after"]}
    # a possessive goes with the whole name ("at Mr Okafor senior's flat")
    return re.compile(
        rf"[ \t]+(?P<gen>(?i:{title_pattern(words)}))\.?(?=['’]s\b|(?![\w'’-]))(?:['’]s)?(?P<next>[ \t]+[\w'’-]+)?"
    )


@lru_cache(maxsize=1)
def _direction() -> dict[str, str]:
    return {w.casefold(): d for d in (OLDER, YOUNGER) for part in ("before", "after") for w in _data()[d][part]}


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    listed = {w.casefold() for w in read_lines("names", "role_words.txt")}
    return frozenset(listed | {str(w).casefold() for w in _data().get("title_words") or ()})


@lru_cache(maxsize=1)
def _markers() -> dict[str, str]:
    """Generation words a key writes in a name ("Giorgi Beridze Snr") -> their direction."""
    return {w.casefold(): d for d in (OLDER, YOUNGER) for w in _data()[d]["after"]}


def generation_word(text: str, start: int, end: int) -> tuple[str, int, int] | None:
    """(direction, start, end) of the mention widened to a generation word right before or after it
    ("Old Patsy", "Mrs Connors senior"), else None.  "senior" before a job title, or capitalised before a
    capitalised word ("Fiona Lennox Senior Social Worker"), is no generation word."""
    m = _before_re().search(text, max(0, start - 8), start)
    if m:
        return _direction()[m.group("gen").casefold()], m.start("gen"), end
    m = _after_re().match(text, end)
    if m:
        nxt = (m.group("next") or "").strip()
        if nxt.casefold() in _title_words() or (m.group("gen")[:1].isupper() and nxt[:1].isupper()):
            return None
        # "Snr." with its full stop; a word ("senior.") leaves the sentence's full stop in the text
        abbreviated = m.group("gen").casefold() not in _english_words()
        stop = m.end("gen") + (abbreviated and text[m.end("gen") : m.end("gen") + 1] == ".")
        return _direction()[m.group("gen").casefold()], start, stop
    return None


@lru_cache(maxsize=1)
def _english_words() -> frozenset[str]:
    """Common English words (models/names/common_words.txt): "senior" is one, "Snr" an abbreviation."""
    return frozenset(w.casefold() for w in read_lines("names", "common_words.txt"))


def rank(person) -> float | None:
    """The generation the key gives a person: their name's own marker first (Snr above, Jnr below), else
    their role's relation; None for someone the roles place in no family generation (a professional)."""
    words = {w.strip(".,").casefold() for name in person.names for w in name.split()[1:]}
    marked = {_markers()[w] for w in words if w in _markers()}
    base = max((_data()["ranks"].get(c, 0) for c in role_cues.relations(person)), default=0) or (
        1 if person.child else None
    )
    if base is None:
        return None
    if OLDER in marked:
        return base + 0.5
    if YOUNGER in marked:
        return base - 0.5
    return base


def _surname_kin(key, codes: set[str], keyed_words) -> set[str]:
    """The keyed people who share a surname with the people `codes`, of the same gender: the family among
    whom a generation word chooses ("Mrs Connors senior": the Connors women)."""
    people = key.by_code()
    surnames = {k.folded for k in keyed_words if k.code in codes and not k.first}
    genders = {people[c].gender for c in codes}
    return {
        k.code
        for k in keyed_words
        if not k.first and k.folded in surnames and (people[k.code].gender in genders or None in genders)
    }


def choose(
    key, keyed_words, codes: set[str], direction: str, gender: str | None = None, mention: str = ""
) -> tuple[str | None, bool]:
    """(code, decided): the keyed person a generation word points to among those a name may be (of the
    `gender` a title gives, "Mrs Okafor senior").  decided and code None: someone the key leaves out (the
    word points above every keyed bearer of the name)."""
    people = key.by_code()
    codes = {c for c in codes if gender is None or people[c].gender in (None, gender)}
    ranked = {c: r for c in codes | _surname_kin(key, codes, keyed_words) if (r := rank(people[c])) is not None}
    own = {c: ranked[c] for c in codes if c in ranked}
    if not own:
        return None, False
    if len(own) > 1:
        best = (max if direction == OLDER else min)(own.values())
        fits = [c for c, r in own.items() if r == best]
        return (fits[0], True) if len(fits) == 1 else (None, False)
    ((code, mine),) = own.items()
    beyond = {c for c, r in ranked.items() if (r > mine if direction == OLDER else r < mine)}
    if not _surname_only(keyed_words, code, mention):
        # "GRANT, Dwayne Jnr", "Young Patsy": only a namesake, one keyed with the given name the mention
        # writes, is the other generation ("Mrs Connors senior" is any older Mrs Connors)
        given = _given_words(keyed_words, code, mention)
        beyond = {c for c in beyond if any(k.code == c and k.first and k.folded in given for k in keyed_words)}
    if len(beyond) == 1:
        return beyond.pop(), True  # "Mrs Connors senior": the keyed older Mrs Connors
    if beyond:
        return None, False
    if direction == YOUNGER or mine >= 3:
        return code, True  # "Young Patsy": the keyed Patsy himself (a namesake son is rarer than a father)
    return None, True


def _surname_only(keyed_words, code: str, mention: str) -> bool:
    """The mention names the person by title and surname alone ("Mrs Connors senior")."""
    from .folding import fold

    surnames = {k.folded for k in keyed_words if k.code == code and not k.first}
    words = [fold(w).casefold() for w in re.findall(r"[^\W\d_][\w'’-]*", mention)]
    names = [w for w in words if w not in _direction() and w.rstrip(".") not in _titles()]
    return bool(names) and all(w in surnames for w in names)


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    from ...lexicon import title_words

    return frozenset(w.casefold().rstrip(".") for w in title_words())


def _given_words(keyed_words, code: str, mention: str) -> set[str]:
    """The keyed given names of `code` that the mention writes ("Dwayne" of "GRANT, Dwayne Jnr")."""
    from .folding import fold

    words = {fold(w).casefold() for w in re.findall(r"[^\W\d_][\w'’-]*", mention)}
    return {k.folded for k in keyed_words if k.code == code and k.first and k.folded in words}

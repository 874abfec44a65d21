"""Words that belong to a person's mention but are not the name: ranks, judicial titles and name markers.

"LCpl Tomasi Naivalu", "District Judge Ashcombe", "Acting DI Leys": a rank or office written before a name is
part of how the record identifies the person (a lance corporal of one unit is few people), and the name finders
either leave it beside the code ("LCpl EF") or take a rank word alone for a second person ("CPL" of "L/CPL
NAIVALU").  Balinese sex markers and birth-order words ("I", "Ni", "Wayan") open a name and are dropped from
the keyed forms because alone they are anybody's (`known.split_markers`); beside a replaced name they are the
rest of the same mention ("Ni W. Pradnyani", "SEKAR Ni Wayan" in a record line).

The step runs last over the chosen person replacements (`reconcile`), looks only at the few characters beside
each, and so costs one short regular-expression match per person mention.  Data: models/names/ranks.yaml and
``opening_markers``/``following_markers`` of models/names/name_shapes.yaml.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from ...lexicon import title_pattern
from ...resources import load_yaml

if TYPE_CHECKING:
    from ..pseudonymise import Replacement

_PERSON_TYPES = ("PERSON", "PERSON_UNKNOWN")


@lru_cache(maxsize=1)
def _rank_parts() -> tuple[str, str]:
    """(qualifier, rank) patterns of models/names/ranks.yaml: "L/", "Acting " before "Cpl", "DI", "Judge"."""
    data = load_yaml("names", "ranks.yaml")
    qualifier = rf"(?:{title_pattern(data['qualifiers'])})\.?(?:[ \t]+|/)"
    return qualifier, rf"(?:{title_pattern(data['ranks'])})\.?"


@lru_cache(maxsize=1)
def _rank_before() -> re.Pattern:
    """A rank with its qualifiers ending just before a name: "L/CPL ", "Acting DI ", "District Judge "."""
    qualifier, rank = _rank_parts()
    return re.compile(rf"(?<![\w/.])(?:{qualifier}){{0,3}}{rank}[ \t]+\Z", re.IGNORECASE)


@lru_cache(maxsize=1)
def _qualifiers_before() -> re.Pattern:
    """Qualifiers ending just before a mention that opens with a rank: "L/" of "L/Cpl Naivalu", "Acting "."""
    qualifier, _ = _rank_parts()
    return re.compile(rf"(?<![\w/.])(?:{qualifier}){{1,3}}\Z", re.IGNORECASE)


@lru_cache(maxsize=1)
def _rank_only() -> re.Pattern:
    qualifier, rank = _rank_parts()
    return re.compile(rf"(?:{qualifier}){{0,3}}{rank}", re.IGNORECASE)


@lru_cache(maxsize=1)
def _markers() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """Marker runs just before a name ("Ni ", "I Gusti ") and just after one (" Ni Wayan" in "SEKAR Ni Wayan"),
    as written or in capitals.  A one-letter opening marker ("I") is also the English pronoun and a numeral: it
    joins only with a following marker after it, and so does every run after a name."""
    shapes = load_yaml("names", "name_shapes.yaml")
    opening = [*shapes.get("opening_markers", ())]
    following = [*shapes.get("following_markers", ())]
    opening += [w.upper() for w in opening]
    following += [w.upper() for w in following]
    long_opening = title_pattern(w for w in opening if len(w) > 1)
    rest = rf"(?:[ \t]+(?:{title_pattern(following)}))"
    run = rf"(?:(?:{title_pattern(opening)}){rest}+|(?:{long_opening}){rest}*)"
    before = re.compile(rf"(?<![\w'’])(?:{run})[ \t]+\Z")
    after = re.compile(rf",?[ \t]+(?:{title_pattern(opening)}){rest}+(?![\w'’])")
    short = re.compile(rf"(?<![\w'’])(?:{title_pattern(w for w in opening if len(w) == 1)})[ \t]+\Z")
    return before, after, short


@lru_cache(maxsize=1)
def _following_markers() -> frozenset[str]:
    words = load_yaml("names", "name_shapes.yaml").get("following_markers", ())
    return frozenset(w.casefold() for w in words)


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def with_mention_words(chosen: list[Replacement], text: str) -> list[Replacement]:
    """`chosen` (sorted by start) with ranks and name markers beside a person's replacement joined to it, and a
    rank-only person piece joined to the name straight after it."""
    ordered = _record_layout_names(_without_marker_pieces(sorted(chosen, key=lambda r: r.start), text), text)
    out: list[Replacement] = []
    for i, r in enumerate(ordered):
        if r.type not in _PERSON_TYPES:
            out.append(r)
            continue
        prev = out[-1] if out else None
        if prev is not None and _rank_piece(prev, r, text):
            out.pop()
            r = replace(r, start=prev.start, text=text[prev.start : r.end])
            prev = out[-1] if out else None
        r = _joined_before(r, text, prev.end if prev is not None else 0)
        ceiling = ordered[i + 1].start if i + 1 < len(ordered) else len(text)
        out.append(_joined_after(r, text, ceiling))
    return _titled_by_document_use(out)


def _without_marker_pieces(ordered: list[Replacement], text: str) -> list[Replacement]:
    """A person piece that is only name markers ("Ni Kadek" after "RATIH" in a record line), read as a second
    person, is the rest of the name beside it."""
    out: list[Replacement] = []
    for r in ordered:
        prev = out[-1] if out else None
        if (
            prev is not None
            and r.type in _PERSON_TYPES
            and prev.type in _PERSON_TYPES
            and "\n" not in text[prev.end : r.start]
            and _only_markers(text[prev.end : r.end].strip(" \t"))
        ):
            out[-1] = replace(prev, end=r.end, text=text[prev.start : r.end])
            continue
        out.append(r)
    return out


@lru_cache(maxsize=1)
def _layout() -> tuple[re.Pattern, re.Pattern]:
    data = load_yaml("names", "ranks.yaml")
    titles = "|".join(map(re.escape, data["passenger_titles"]))
    return re.compile(rf"(?:{data['record_separators']})"), re.compile(rf"[ \t]+(?:{titles})(?![\w'’])")


def _record_layout_names(ordered: list[Replacement], text: str) -> list[Replacement]:
    """ "OKONJO/CHIDI MSTR", "OKONJO<<EMEKA": a family name in capitals, a record separator and a given name
    found as two people are one mention, the given name's (its owner is the person; the family name is
    shared).  A passenger title after a slashed name joins it."""
    separator, passenger_title = _layout()
    out: list[Replacement] = []
    for r in ordered:
        prev = out[-1] if out else None
        if (
            prev is not None
            and r.type in _PERSON_TYPES
            and prev.type in _PERSON_TYPES
            and prev.text.isupper()
            and _name_pair_not_initials(prev.text, r.text)
            and separator.fullmatch(text[prev.end : r.start])
        ):
            r = replace(r, start=prev.start, text=text[prev.start : r.end])
            out.pop()
            m = passenger_title.match(text, r.end)
            if m and "/" in r.text:
                r = replace(r, end=m.end(), text=text[r.start : m.end()])
        out.append(r)
    return out


def _name_pair_not_initials(family: str, given: str) -> bool:
    """A record's "FAMILY/GIVEN" has a capitalised given name and a name longer than initials on one side; a
    letter reference's "GW/rt" or "GW/PB" (author and typist) is two people."""
    return given[:1].isupper() and max(len(family), len(given)) >= 4


def _only_markers(surface: str) -> bool:
    words = surface.split()
    return (
        bool(words)
        and all(w.casefold() in _following_markers() for w in words[1:])
        and (words[0].casefold() in _following_markers() or _markers()[1].fullmatch(" " + surface) is not None)
    )


def _rank_piece(prev: Replacement, r: Replacement, text: str) -> bool:
    """ "Capt" or "CPL" taken for a person of its own, written just before this name."""
    if prev.type not in _PERSON_TYPES or prev.end > r.start or text[prev.end : r.start].strip(" \t"):
        return False
    return _rank_only().fullmatch(text[prev.start : prev.end]) is not None


def _joined_before(r: Replacement, text: str, floor: int) -> Replacement:
    window_start = max(floor, r.start - 60)
    window = text[window_start : r.start]
    for pattern in (_rank_before(), _markers()[0]):
        m = pattern.search(window)
        if m and _capitalised(m.group(0)):
            start = window_start + m.start()
            r = replace(r, start=start, text=text[start : r.end])
            window = text[window_start : r.start]
    first_word = r.text.split(maxsplit=1)[0] if r.text.strip() else ""
    m = _markers()[2].search(window)
    if m and first_word.casefold() in _following_markers():  # "I" before "Gusti Ngurah Putra"
        start = window_start + m.start()
        r = replace(r, start=start, text=text[start : r.end])
        window = text[window_start : r.start]
    m = _qualifiers_before().search(window)
    if m and _capitalised(m.group(0)) and _rank_only().match(r.text):
        start = window_start + m.start()
        r = replace(r, start=start, text=text[start : r.end])
    return r


def _joined_after(r: Replacement, text: str, ceiling: int) -> Replacement:
    m = _markers()[1].match(text, r.end, min(ceiling, r.end + 40))
    if m is None or "," in m.group(0):
        return r
    return replace(r, end=m.end(), text=text[r.start : m.end()])


def _title_key(surface: str) -> tuple[str, str] | None:
    """(rank or title, family name) of a titled mention: "L/Cpl Tuidraki" -> ("cpl", "tuidraki"), "LCpl Josaia
    Tuidraki" -> ("lcpl", "tuidraki"); "LCpl TUIDRAKI J" keeps the name before a closing initial."""
    words = [w.strip(".,") for w in surface.replace("/", " ").split()]
    while len(words) > 2 and len(words[-1]) == 1:
        words.pop()
    if len(words) < 2:
        return None
    titled = [
        i
        for i, w in enumerate(words[:-1])
        if w.casefold() not in _personal_titles() and (_rank_only().fullmatch(w) or w.casefold() in _title_set())
    ]
    if not titled:
        return None
    return _rank_head(words[titled[-1]]), words[-1].casefold()


def _rank_head(word: str) -> str:
    """ "LCpl", "Cpl" and "CPL" are one rank for this purpose: the last capitalised part, casefolded."""
    parts = re.findall(r"[A-Z][a-z]*|\d+", word) or [word]
    return parts[-1].casefold()


@lru_cache(maxsize=1)
def _title_set() -> frozenset[str]:
    from ...lexicon import title_words

    return title_words(personal=False, casefold=True)  # "Mr"/"Mrs" are every man's and woman's: no rank


@lru_cache(maxsize=1)
def _personal_titles() -> frozenset[str]:
    from ...lexicon import title_words

    return title_words(personal=True, casefold=True)


def _titled_by_document_use(out: list[Replacement]) -> list[Replacement]:
    """ "LCpl Tuidraki" of a family that shares the name: the keyed person the document itself names with the
    same rank and a given name ("LCpl Josaia Tuidraki") is the one, whatever the nearest mention was.  Ranks
    and offices only: a personal title ("Mr") says nothing of which man."""
    named: dict[tuple[str, str], set[str]] = {}
    for r in out:
        sure = r.source == "known" and r.code and not r.ambiguous and len(r.text.split()) >= 3
        key = _title_key(r.text) if sure else None  # a given name between: "LCpl Josaia Tuidraki"
        if key is not None:
            named.setdefault(key, set()).add(r.code or "")
    if not named:
        return out
    fixed = []
    for r in out:
        key = _title_key(r.text) if r.source == "known" and r.ambiguous else None
        codes = named.get(key, set()) if key else set()
        if len(codes) == 1 and r.code not in codes and (not r.candidates or codes <= set(r.candidates)):
            code = next(iter(codes))
            r = replace(r, code=code, replacement=code, resolved_by="document_title")
        fixed.append(r)
    return fixed

"""Records-system shapes of a name: the initials and collar numbers that go with a person's mention.

Police, health, education, housing and court systems print a person as "HALE T", "PC 2210 HALE T",
"MRS D WHITFORTH", "Pryce J.L.", "K.V. Ramanathan" or "OKORO, Ada (Mrs)".  The name itself is found by the
keyed and the unlisted matchers; this module widens each person's span over the letters the system prints with it, so
the initials are not left beside the code, and codes the bare collar number wherever the draft repeats
it after having given it with that officer's name.  Evidence comes from the draft itself (the letters are
the keyed person's given-name initials, the name is in capitals and the letters close the field, or the
letters carry their stops) and from the key (the person's given names).  Settings:
models/names/keyed_forms.yaml `record_initials`, `collar_number_ranks`, `collar_number_digits`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from functools import lru_cache
from typing import Any

from ..keyfile import title_genders
from .initials import _word_in_capitals, never_initials, ordinary_acronym
from .initials import settings as initials_settings
from .known import _keyed_forms, _title_lookup, record_field_words, split_name, split_title, without_generation

_PERSON_TYPES = ("PERSON", "PERSON_UNKNOWN")


@lru_cache(maxsize=1)
def _conf() -> dict:
    return _keyed_forms().get("record_initials") or {}


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    """The letter groups, compiled once: dotted ("J.L.", "E. M."), bare ("H", "K S") and the title before."""
    n = int(_conf().get("max_letters", 3))
    ends = re.escape(str(_conf().get("field_end_chars", ":,;)]|")))
    titles = sorted(_title_lookup().values(), key=len, reverse=True)
    title = "|".join(re.escape(v) for t in titles for v in dict.fromkeys([t, t.upper()]))
    gendered = "|".join(re.escape(v) for t, g in title_genders().items() if g for v in dict.fromkeys([t, t.upper()]))
    dotted = rf"[A-Z]\.(?:[ \t]?[A-Z]\.){{0,{n - 1}}}"
    bare = rf"(?:[A-Z](?:[ \t][A-Z]){{0,{n - 1}}}|[A-Z]{{2,{n}}})"  # "K S" or run together, "JK"
    return {
        # after the name: "Pryce J.L." (not "Jade M. Smith": no capitalised word after the stops)
        "dotted_after": re.compile(rf"[ \t]+(?P<l>{dotted})(?![\w'’-])(?![ \t]*[A-Z][a-z])"),
        # after the name: "HALE T", "OKORO A N"
        "bare_after": re.compile(rf"[ \t]+(?P<l>{bare})(?![\w'’-])(?!\.\w)(?P<end>[ \t]*(?:[{ends}]|$))?", re.M),
        # before the name: "E.M. ", "K.S. ", with an optional title ("Ms A.B.C. ")
        "dotted_before": re.compile(rf"(?:(?<![\w.])(?:{title})\.?[ \t]+)?(?<![\w.])(?P<l>{dotted})[ \t]*$"),
        # after the name, a health system's gendered title in brackets: "OKORO, Ada (Mrs)" (not a rank: "(DS)")
        "title_after": re.compile(rf"[ \t]*\((?:{gendered})\.?\)"),
        # before the name, after a title: "MRS P ", "Mr S "
        "titled_bare_before": re.compile(rf"(?<![\w.])(?:{title})\.?[ \t]+(?P<l>{bare})[ \t]+$"),
    }


def _given_initials(key) -> dict[str, set[str]]:
    """code -> the first letters of the person's given names, from every name the key lists."""
    out: dict[str, set[str]] = {}
    for person in key.people:
        letters: set[str] = set()
        for name in person.names:
            _, words = split_title(name.split())
            given, surname = split_name(without_generation(words))
            if surname:
                letters |= {w[0].upper() for w in given if w[:1].isalpha()}
        out[person.code] = letters
    return out


def _word_before(text: str, pos: int) -> str:
    m = re.search(r"([^\W\d_]+)[ \t]*$", text[max(0, pos - 24) : pos])
    return m.group(1).casefold() if m else ""


def _capitals(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _letters_after(text: str, r, own: set[str], protected: frozenset[str]) -> int:
    """Where the person's printed initials after `r` end (r.end when there are none)."""
    pats = _patterns()
    m = pats["dotted_after"].match(text, r.end)
    if m is None:
        m = pats["bare_after"].match(text, r.end)
        if m is None:
            return r.end
        letters = m.group("l").replace(" ", "").replace("\t", "")
        last_word = r.text.split()[-1] if r.text.split() else ""
        keyed = r.type == "PERSON" and letters[0] in own
        printed = _capitals(last_word) and m.group("end") is not None  # "HALE T:", "| WHITFORTH D |"
        if not (keyed or printed):
            return r.end
        if len(letters) > 1 and _a_word(letters):
            return r.end  # "HOLLIS HE SAID", "OKORO DOB ...": a word or an abbreviation of the record
        if letters in initials_settings()["lone_letter_never"] and not _capitals(last_word):
            return r.end  # "Halvorsen I think": a word, unless the record prints the name in capitals
    group = m.group("l")
    if _a_code(group, protected):
        return r.end
    return m.start("l") + len(group)


def _a_word(letters: str) -> bool:
    """Run-together capitals that are a word or an abbreviation ("HE", "DOB", "PC"), not initials."""
    return _word_in_capitals(letters) or letters in never_initials() or ordinary_acronym(letters)


def _a_code(group: str, protected: frozenset[str]) -> bool:
    """Letters the draft uses as a code ("M" of a mother coded M) are no initials; letters with their stops
    ("M.") are initials unless the key itself has them as a code."""
    return group in protected or ("." not in group and group.rstrip(".") in protected)


def _letters_before(text: str, r, protected: frozenset[str]) -> int:
    """Where the person's printed initials (and a title before them) before `r` start (r.start if none)."""
    window = text[max(0, r.start - 24) : r.start]
    base = r.start - len(window)
    pats = _patterns()
    m = pats["dotted_before"].search(window) or pats["titled_bare_before"].search(window)
    if m is None:
        return r.start
    group = m.group("l")
    if _a_code(group, protected) or _word_before(text, base + m.start()) in _letter_heads():
        return r.start  # "Child B. Pryce said": the review's lettering, not an initial
    return base + m.start()


@lru_cache(maxsize=1)
def _letter_heads() -> frozenset[str]:
    return frozenset(w.casefold() for w in initials_settings()["lone_letter_not_after"])


def take_record_initials(text: str, chosen: list, key, protected: frozenset[str]) -> None:
    """Widen each person's replacement over the initials a records system prints with the name (in place).
    Linear in the replacements: a cheap look at the characters beside each name first, and a binary search
    for a neighbour in the letters only when a span would grow."""
    own = _given_initials(key)
    starts = sorted(r.start for r in chosen)
    ends = sorted(r.end for r in chosen)
    for r in chosen:
        if r.type not in _PERSON_TYPES:
            continue
        end, start = r.end, r.start
        if _RIGHT_HINT.match(text, r.end):
            end = _letters_after(text, r, own.get(r.code or "", set()), protected)
            title = _patterns()["title_after"].match(text, end)
            end = title.end() if title else end  # "(Mrs)" would keep the gender the code hides
        if _LEFT_HINT.search(text, max(0, r.start - 3), r.start):
            start = _letters_before(text, r, protected)
        start, end = _name_field(text, start, end)
        if (start, end) == (r.start, r.end):
            continue
        i = bisect.bisect_left(starts, r.end)
        j = bisect.bisect_right(ends, start)
        if (i < len(starts) and starts[i] < end) or (j < len(ends) and ends[j] <= r.start):
            continue  # another replacement sits in the letters
        r.start, r.end, r.text = start, end, text[start:end]


def _name_field(text: str, start: int, end: int) -> tuple[int, int]:
    """The name's field as the records system printed it: a rank and collar number before an officer's name
    ("DC 4417 HOLT", any officer: the number identifies them as the name does) and the word a system writes
    for a surname it does not know ("UNKNOWN Godfrey", "Godfrey UNKNOWN"; models/names/keyed_forms.yaml)."""
    before, after = _field_patterns()
    m = before.search(text, max(0, start - 24), start)
    start = m.start() if m is not None else start
    m = after.match(text, end)
    return start, (m.end() if m is not None else end)


@lru_cache(maxsize=1)
def _field_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    ranks, unknown, low, high = record_field_words()
    before = rf"(?<![\w/])(?:(?:{ranks})\.?[ \t]+\d{{{max(3, low)},{high}}}|{unknown})[ \t]+$"
    return re.compile(before), re.compile(rf"[ \t]+(?:{unknown})(?![\w/])")


# what must stand right beside a name before the letter patterns are tried: a space and a capital or a
# bracket after it; a capital and a space, or a stop and a space, before it
_RIGHT_HINT = re.compile(r"[ \t]*[A-Z(]")
_LEFT_HINT = re.compile(r"[A-Z.][ \t]+$")


@lru_cache(maxsize=1)
def _collar_re() -> re.Pattern[str]:
    ranks, _, low, high = record_field_words()
    return re.compile(rf"^(?:{ranks})\.?[ \t]+(\d{{{max(3, low)},{high}}})[ \t]")


def collar_number_uses(text: str, chosen: list) -> list:
    """ "22:40 2210 ON SCENE": a collar number the draft printed with an officer's name ("PC 2210 HALE")
    stands for that officer wherever it stands alone (one number, one officer, in one draft)."""
    numbers: dict[str, Any] = {}
    for r in chosen:
        m = _collar_re().match(r.text) if r.type in _PERSON_TYPES else None
        if m is not None:
            numbers.setdefault(m.group(1), r)
    if not numbers:
        return []
    taken = [(r.start, r.end) for r in chosen]
    out = []
    for m in re.finditer(r"(?<![\w/.:,£$-])(\d{3,6})(?![\w/:-]|[.,]\d|[ \t]+[a-z])", text):
        r = numbers.get(m.group(1))
        if r is None or any(s < m.end() and m.start() < e for s, e in taken):
            continue
        out.append(replace(r, start=m.start(), end=m.end(), text=m.group(1), rule="collar_number"))
    return out

"""A records system's line for a person of a family with no shared family name: "GANBOLD T", "EINARSDOTTIR,
FREYJA", "TESFAYE/Liya", "Ганболдын Тэмүүлэн", "S. Anbu".

In Icelandic, Mongolian, Tamil, Ethiopian and Eritrean families (and in Sikh families for Singh and Kaur) the
second part of a name is no family name: it is built from a parent's given name (or is a religious name), so
siblings share it, a parent carries it as a given name, and strangers carry it too.  An English system still
prints it where a surname goes, in capitals and first.  Matched word by word, the capitals part then goes to
whichever keyed person has the word (often the father, whose given name it is) and the given name to its
owner, so one person's line carries two codes, or a sibling's.  The line's shape says which word names the
person: the given name (or its initial) after the capitals, or after the parent's initial or genitive before
it.  This pass codes the whole line by that given name:

- the given name is one keyed person's given name (and the other part is a keyed word, or a patronymic
  of a keyed given name): that person;
- an initial: the one keyed person whose second part is the capitals word and whose given name starts so;
- a given name nobody in the key has, after a capitals word that two or more keyed people carry: a relative
  the key does not list, one placeholder (not a keyed code beside a placeholder).

Anything else (two keyed people fit, an identifier inside) is left to the other passes.  Evidence: the key
and the line's shape only.  Endings: models/names/name_shapes.yaml `patronymic_endings`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

import regex

from ...resources import load_yaml
from .derived import family_spelling
from .folding import fold, romanised
from .known import split_title
from .unknown import lexicon

_PERSON_TYPES = ("PERSON", "PERSON_UNKNOWN")

# "GANBOLD T", "TESFAYE, Liya", "DHILLON, Gurleen Kaur", "TESFAYE/Liya": a word in capitals (any script), a
# comma, slash or space, then a capitalised word or one or two capital letters closing the field
_SURNAME_FIRST = regex.compile(
    r"(?<![\p{L}\p{M}'’-])(?P<sur>\p{Lu}[\p{Lu}\p{M}'’-]*\p{Lu})(?P<sep>[ \t]*[,/][ \t]*|[ \t]+)"
    r"(?:(?P<given>\p{Lu}[\p{L}\p{M}'’-]*\p{Ll}[\p{L}\p{M}'’-]*|\p{Lu}{3,})(?![\p{L}\p{M}])"
    r"|(?P<initials>\p{Lu}(?:[ \t]?\p{Lu})?)\.?(?=[ \t]*(?:[,;:|)\]\x22\u201d\u2019\u00bb]|$)|[ \t]+\p{Ll}|[ \t]+\d))",
    regex.M,
)
# "Ганболдын Тэмүүлэн", "S. Anbu", "Г. Ананд": the parent's name in the genitive, or its initial, then the
# bearer's given name
_PARENT_FIRST = regex.compile(
    r"(?<![\p{L}\p{M}.'’-])(?P<parent>\p{Lu}\.|\p{Lu}[\p{L}\p{M}]+)[ \t]+(?P<given>\p{Lu}[\p{L}\p{M}'’-]+)"
)


@lru_cache(maxsize=1)
def _endings() -> tuple[str, ...]:
    data = load_yaml("names", "name_shapes.yaml") or {}
    return tuple(sorted((str(e) for e in data.get("patronymic_endings") or ()), key=len, reverse=True))


@dataclass(frozen=True)
class _Names:
    """The key read as given names and second parts, romanised and lower case."""

    given: dict[str, frozenset[str]]  # given name -> codes
    second: dict[str, frozenset[str]]  # a second (or later) part -> codes
    initials: dict[str, frozenset[str]]  # code -> first letters of the given names

    def owners(self, word: str) -> frozenset[str]:
        return self.given.get(word, frozenset()) | self.second.get(word, frozenset())

    def patronymic_of_keyed(self, word: str) -> bool:
        """ "einarsdottir" of a keyed Einar, "hauksdottir" of Haukur, "astudottir" of Ásta, "ganboldyn" of
        Ganbold: a keyed given name's stem and a patronymic ending."""
        stems = [word[: -len(e)] for e in _endings() if word.endswith(e) and len(word) - len(e) >= 3]
        return any(_built_from(stem, given) for stem in stems for given in self.given)


def _built_from(stem: str, given: str) -> bool:
    """`stem` is `given` in the case a patronymic is built from: the same letters, or the nominative ending
    (at most two letters) changed or dropped (Icelandic Haukur -> Hauks-, Sigríður -> Sigríðar-, Ásta ->
    Ástu-; the patronymic's -s- is the genitive)."""
    common = len(os.path.commonprefix([stem, given]))
    return common >= 3 and common >= max(len(stem.rstrip("s")), len(given)) - 2


Rewrites = tuple[tuple[str, str], ...]


def _word(w: str, rewrites: Rewrites = ()) -> str:
    """`w` romanised, lower case, letters only, in the family's romanisation ("Ж." is "j", not "zh")."""
    out = re.sub(r"[^a-z]", "", romanised(w))
    for a, b in rewrites:
        out = out.replace(a, b)
    return out


def _read_key(key, rewrites: Rewrites = ()) -> _Names:
    """The key as given names and second parts (read once per key and romanisation)."""
    return _read_people(tuple((p.code, tuple(p.names)) for p in key.people), rewrites)


@lru_cache(maxsize=8)
def _read_people(people: tuple[tuple[str, tuple[str, ...]], ...], rewrites: Rewrites) -> _Names:
    given: dict[str, set[str]] = {}
    second: dict[str, set[str]] = {}
    initials: dict[str, set[str]] = {}
    for code, person_names in people:
        for name in person_names:
            title, words = split_title(name.split())
            words = [_word(w, rewrites) for w in words if _word(w, rewrites)]
            if not words:
                continue
            if title and len(words) == 1:
                second.setdefault(words[0], set()).add(code)
                continue
            given.setdefault(words[0], set()).add(code)
            initials.setdefault(code, set()).add(words[0][0])
            for w in words[1:]:
                second.setdefault(w, set()).add(code)
    freeze = lambda d: {k: frozenset(v) for k, v in d.items()}  # noqa: E731
    return _Names(freeze(given), freeze(second), freeze(initials))


def _by_given(names: _Names, sur: list[str], given: str) -> str | None:
    """The one keyed person whose given name this is, when the capitals part is where a surname goes: some
    keyed person's second part (the parent's given name as the children's surname) or a patronymic of a
    keyed given name."""
    codes = names.given.get(given, frozenset())
    return next(iter(codes)) if len(codes) == 1 and all(_second_part(names, s) for s in sur) else None


def _second_part(names: _Names, word: str) -> bool:
    return word in names.second or names.patronymic_of_keyed(word)


def _by_initial(names: _Names, sur: list[str], letters: str) -> str | None:
    """The one keyed person who carries the capitals word as a second part and whose given name starts with
    the initial ("GANBOLD T" of Temuulen Ganbold, not of Ganbold Bat-Erdene, whose given name it is)."""
    fits = set.intersection(*(set(names.second.get(s, ())) for s in sur))
    fits = {c for c in fits if letters[:1] in names.initials.get(c, ())}
    return next(iter(fits)) if len(fits) == 1 else None


def _ordinary_word(text: str, word: str) -> bool:
    """A frequent English word the draft also writes in lower case ("GANBOLD Family" of "the family"): no
    given name; a frequent word it only capitalises ("Bethlehem", "Grace") may be one."""
    if not lexicon().is_common_word(word):
        return False
    return re.search(rf"(?<![\w-]){re.escape(word.lower())}(?![\w-])", text) is not None


def _unlisted(names: _Names, sur: list[str], word: str, rw: Rewrites) -> bool:
    """A given name no keyed person has (no frequent English word: "GANBOLD Family"), after a capitals word
    that is the second part of two or more keyed people: a relative the key leaves out ("GANBOLD Khulan"
    beside keyed Temuulen and Anand Ganbold)."""
    given = _word(word, rw)
    parts = [_word(p, rw) for p in re.split(r"[-‐‑]", word)]
    if any(names.owners(p) for p in [given, *parts]) or len(given) < 3:
        return False  # "Tianna-Marie" of a keyed Tianna
    carriers = set().union(*(names.second.get(s, frozenset()) for s in sur))
    if len(carriers) < 2 or not all(len(names.second.get(s, ())) >= 2 for s in sur):
        return False
    their_given = {w for w, cs in names.given.items() if cs & carriers}
    return not any(SequenceMatcher(None, given, w).ratio() >= 0.75 for w in their_given)  # "Christos" of Christakis


def record_line_people(text: str, chosen: list, key, make: Callable[[int, int, str, str | None], object]) -> list:
    """`chosen` with each record line of a family without a shared family name coded as one person (see the
    module docstring).  `make(start, end, text, code)` builds a replacement (code None: an unlisted person).
    Linear: one scan per shape, the key read once, a binary-free overlap test against the few lines found."""
    names: _Names | None = None
    rw: Rewrites = ()
    lines: list[tuple[int, int, str | None]] = []
    for m in _SURNAME_FIRST.finditer(text):
        if names is None:
            rw = family_spelling(text)[0]
            names = _read_key(key, rw)
        sur = [_word(w, rw) for w in re.split(r"[ -]", m.group("sur")) if _word(w, rw)]
        if not sur or not all(_second_part(names, s) for s in sur):
            continue
        if m.group("initials"):
            code = _by_initial(names, sur, _word(m.group("initials"), rw))
            if code:
                lines.append((m.start(), m.end("initials"), code))
            continue
        given = _word(m.group("given"), rw)
        if m.group("given").isupper() and not m.group("sep").strip():
            continue  # "ANAND GANBOLD": two words in capitals, in either order; a comma or slash says which
        if given in names.given or given in names.second:
            code = _by_given(names, sur, given)
            if code:
                lines.append((m.start(), m.end("given"), code))
        elif _unlisted(names, sur, m.group("given"), rw) and not _ordinary_word(text, m.group("given")):
            lines.append((m.start(), m.end("given"), None))
    for m in _PARENT_FIRST.finditer(text):
        if m.group("parent").isascii() and not m.group("parent").endswith(".") and m.group("given").isascii():
            continue  # two English-script words: an ordinary full name, the keyed matcher's
        if names is None:
            rw = family_spelling(text)[0]
            names = _read_key(key, rw)
        code = _parent_first(names, m.group("parent"), m.group("given"), rw)
        if code:
            lines.append((m.start(), m.end("given"), code))
    return _apply(text, chosen, lines, make) if lines else chosen


def _parent_first(names: _Names, parent: str, given_word: str, rw: Rewrites) -> str | None:
    """ "Ганболдын Тэмүүлэн", "S. Anbu": the given name of one keyed person, after the initial of that
    person's own second part (the parent's name) or after a keyed given name in the genitive."""
    codes = names.given.get(_word(given_word, rw), frozenset())
    if len(codes) != 1:
        return None
    code = next(iter(codes))
    p = _word(parent, rw)
    if parent.endswith("."):
        seconds = {w for w, cs in names.second.items() if code in cs}
        return code if any(w[:1] == p for w in seconds) else None
    return code if names.patronymic_of_keyed(p) and p not in names.given else None


def _apply(text: str, chosen: list, lines: list[tuple[int, int, str | None]], make) -> list:
    out = list(chosen)
    for start, end, code in lines:
        inside = [r for r in out if r.start < end and start < r.end]
        if any(r.type not in _PERSON_TYPES or r.start < start or r.end > end for r in inside):
            continue  # an identifier in the line, or a longer name around it: not this pass's
        if [(r.start, r.end, r.code) for r in inside] == [(start, end, code)]:
            continue  # already the one person's
        out = [r for r in out if all(r is not i for i in inside)]
        out.append(make(start, end, text[start:end], code))
    return sorted(out, key=lambda r: r.start)


_RUN_GAP = re.compile(r"[ \t]+")


def strangers_sharing_a_part(text: str, chosen: list, key, make: Callable[[int, int, str, str | None], object]) -> list:
    """`chosen` with each two-part name whose one part is a keyed person's and whose other part no keyed person
    has coded as one unlisted person: "Ms Tsering Lhamo" beside keyed Dawa Tsering, "Kuldeep Singh Dhillon"
    beside keyed Jaswinder Singh Dhillon, "Ms Kavya Sundaram" beside keyed Kavya Selvaraj.  Where a name part
    is a parent's given name, a religious name or one of a few common given names, sharing it says nothing
    of who the person is; the key gives the keyed person's full name, and this one is not it (the matcher
    would have found it), so the whole is someone else, not a code beside a placeholder.  Only when the keyed
    person's key entry has a given name and a second part, and the other word is in no keyed name: a person
    keyed by title and surname alone ("Dr Marchbank") may be named in full by a given name the key lacks."""
    names: _Names | None = None
    out = list(chosen)
    people = sorted((r for r in chosen if r.type in _PERSON_TYPES), key=lambda r: r.start)
    for a, b in zip(people, people[1:], strict=False):
        if not _RUN_GAP.fullmatch(text[a.end : b.start]) or {a.type, b.type} != {"PERSON", "PERSON_UNKNOWN"}:
            continue
        keyed, other = (a, b) if a.type == "PERSON" else (b, a)
        names = names or _read_key(key)
        if _a_stranger(names, keyed, other):
            out = [r for r in out if r is not a and r is not b]
            out.append(make(a.start, b.end, text[a.start : b.end], None))
    return sorted(out, key=lambda r: r.start)


def _a_stranger(names: _Names, keyed, other) -> bool:
    """`keyed` is one or two keyed name parts (not one person's given name with a second part: that is the
    person named in full) of people whose key entries have a given name and a second part, and `other` a
    capitalised word no keyed name has, that is no frequent English word and no misspelling of those
    people's parts ("Fenwik" of Fenwick)."""
    _, words = split_title(keyed.text.split())
    words = [_word(w) for w in words if _word(w)]
    _, other_typed = split_title(other.text.split())
    unkeyed = [w for w in other_typed if _word(w) and not names.owners(_word(w))]
    if not words or not unkeyed or any(_word(w) in names.given for w in other_typed):
        return False  # "Kuldeep Singh" may carry a keyed second part, never a keyed given name
    if any(not w[:1].isupper() or lexicon().is_common_word(w) for w in unkeyed):
        return False
    codes = set().union(*(names.owners(w) for w in words))
    if not codes or not all(names.owners(w) for w in words):
        return False
    parts = set()
    for code in codes:
        own_given = {w for w, cs in names.given.items() if code in cs}
        own_second = {w for w, cs in names.second.items() if code in cs}
        if not own_given or not own_second:
            return False  # "Dr Marchbank" alone in the key: "Helen Marchbank" may be her
        if any(w in own_given for w in words) and any(w in own_second for w in words):
            return False
        parts |= own_given | own_second
    if any(w in names.given for w in words):
        return False  # "Hajiya Hadiza", "Emine Hussain", "Kelly Marie": a keyed given name is the person's
    return not any(SequenceMatcher(None, _word(u), w).ratio() >= 0.75 for u in unkeyed for w in parts)


def stranger_of_run(run: list, key) -> bool:
    """A run of two pieces, a keyed part and a word no keyed name has, that is somebody the key leaves out
    (`_a_stranger`): for `reconcile`, before it gives the run the keyed part's code."""
    if len(run) != 2 or {r.source for r in run} != {"known", "unknown"}:
        return False
    keyed, other = (run[0], run[1]) if run[0].source == "known" else (run[1], run[0])
    return _a_stranger(_read_key(key), keyed, other)


# --- family name first, however the system spells the family name ----------------------------------------------
#
# "TE RANGI-WALSH, Kahurangi Aroha", "NAKAMRUA Hinata", "Van der Berg, Pieter", "DE LA CRUZ ROMERO, Lucía",
# "VANG Mai Yer épouse XIONG": a records system prints the family name first, in capitals or before a comma,
# however many words it has (a particle, two surnames, a hyphen) and sometimes with one letter slipped.  Word by
# word the family name is shared by the whole family, so its words go to whoever else is keyed with them and the
# line carries several codes.  The given name decides whose line it is: the one keyed person whose given name it
# is and whose family name, compared with spaces, hyphens, case and accents removed (one slipped letter allowed
# in a long name), is the words before it.

# one word of the family name before the given name, and what joins it to the next: a comma or spaces (before the
# given name), spaces, a hyphen or one line break (inside a family name written over a line end)
_FAMILY_WORD_BEFORE = regex.compile(
    r"(?<![\p{L}\p{M}'’])(?P<w>[\p{L}\p{M}'’]+)(?P<gap>[ \t]*,[ \t]*|[ \t]+|[ \t]*\n[ \t]*|[-‐‑])$"
)
_FOLLOWING_WORD = regex.compile(r"[ \t]+(?P<w>\p{Lu}[\p{L}\p{M}'’-]*)(?![\p{L}\p{M}'’-])")
_FIELD_END = re.compile(r"[ \t]*(?:[|,;:)\]]|$)", re.M)
_MAX_FAMILY_WORDS = 4


@dataclass(frozen=True)
class _Families:
    """The key read as (given words, family name) splits: a person keyed "Lucía de la Cruz Romero" may be
    printed under "de la Cruz Romero" or "Cruz Romero", the key does not say which words are the family name."""

    owners: dict[str, frozenset[str]]  # first given word -> codes
    firsts: tuple[str, ...]  # the first given words as the key writes them
    given: dict[str, frozenset[str]]  # code -> every word of the person's keyed names
    family: dict[str, frozenset[str]]  # code -> the family names, letters only, lower case


def _letters(w: str) -> str:
    return re.sub(r"[^a-z]", "", romanised(w))


@lru_cache(maxsize=8)
def _read_families(people: tuple[tuple[str, tuple[str, ...]], ...]) -> _Families:
    owners: dict[str, set[str]] = {}
    words: dict[str, set[str]] = {}
    family: dict[str, set[str]] = {}
    firsts: set[str] = set()
    for code, person_names in people:
        for name in person_names:
            title, parts = split_title(name.split())
            parts = [p for p in parts if _letters(p)]
            words.setdefault(code, set()).update(_letters(p) for p in parts)
            if title or len(parts) < 2:
                continue
            owners.setdefault(_letters(parts[0]), set()).add(code)
            firsts.add(parts[0])
            for k in range(1, len(parts)):
                family.setdefault(code, set()).add("".join(_letters(p) for p in parts[k:]))
    freeze = lambda d: {k: frozenset(v) for k, v in d.items()}  # noqa: E731
    return _Families(freeze(owners), tuple(sorted(firsts)), freeze(words), freeze(family))


def _same_family(written: str, keyed: frozenset[str]) -> bool:
    """The letters of the printed family name are one of the person's, or one slipped letter (a transposition,
    a letter missed, added or changed) away from one of at least six letters ("nakamrua" of "nakamura")."""
    from rapidfuzz.distance import OSA

    return written in keyed or any(len(k) >= 6 and OSA.distance(written, k) <= 1 for k in keyed)


@lru_cache(maxsize=8)
def _given_regex(firsts: tuple[str, ...]) -> regex.Pattern[str]:
    """The keyed given names as words in the text, in any case, with or without their accents (one scan)."""
    alternatives = sorted({v for w in firsts for v in (w, fold(w))}, key=len, reverse=True)
    words = "|".join(regex.escape(w) for w in alternatives)
    return regex.compile(rf"(?<![\p{{L}}\p{{M}}'’-])(?:{words})(?![\p{{L}}\p{{M}}'’-])", regex.IGNORECASE)


def _family_before(text: str, at: int, keyed: frozenset[str]) -> tuple[int, bool, bool] | None:
    """Where the printed family name before the given name at `at` starts, whether a comma closes it and
    whether it is in capitals; None when the words before are not one of `keyed` (the longest that is)."""
    window_start = max(0, at - 60)
    pos, first_gap = at, None
    words: list[str] = []
    found: tuple[int, list[str]] | None = None
    for _ in range(_MAX_FAMILY_WORDS):
        m = _FAMILY_WORD_BEFORE.search(text, window_start, pos)
        if m is None or m.end() != pos:
            break
        gap = m.group("gap")
        if first_gap is None:
            if "\n" in gap or "-" in gap or "‐" in gap or "‑" in gap:
                return None  # a family name runs on to the given name on the same line
            first_gap = gap
        elif "," in gap:
            break
        words.insert(0, m.group("w"))
        pos = m.start()
        if _same_family("".join(_letters(w) for w in words), keyed):
            found = (pos, list(words))
    if found is None or first_gap is None:
        return None
    start, family = found
    capitals = all(c.isupper() for w in family for c in w if c.isalpha())
    return start, "," in first_gap, capitals


def _given_run_end(text: str, end: int, own: frozenset[str]) -> int:
    """The end of the given names after the first: the person's own keyed words, then at most two more
    capitalised words (middle names the key leaves out) when the field ends after them."""
    pos = end
    while (m := _FOLLOWING_WORD.match(text, pos)) and _letters(m.group("w")) in own:
        pos = m.end()
    extra = pos
    for _ in range(2):
        m = _FOLLOWING_WORD.match(text, extra)
        if m is None or _ordinary_word(text, m.group("w")):
            break
        extra = m.end()
        if _FIELD_END.match(text, extra):
            return extra
    return pos


def _cue_after(text: str, end: int) -> int:
    """The end of a maiden- or married-name declaration right after a record line ("épouse XIONG",
    "(née Paewai)"): the name it gives is the same person's (links.py `_maiden_cue`)."""
    from .links import _maiden_cue

    cue = _maiden_cue()
    m = cue.match(text, end) if cue is not None else None
    if m is None:
        return end
    word = _FOLLOWING_WORD.match(text, m.end() - 1) if text[m.end() - 1 : m.end()].isspace() else None
    if word is None:
        return end
    if "(" in m.group(0):
        return end  # "(née Jansen)": an aside the maiden-name pass codes on its own
    return word.end()


def family_first_lines(text: str, chosen: list, key, make: Callable[[int, int, str, str | None], object]) -> list:
    """`chosen` with each record line that prints a keyed person's family name first ("NAKAMRUA Hinata",
    "TE RANGI-WALSH, Kahurangi Aroha", "Van der Berg, Pieter") coded as that one person (see above).  The line
    must have a record's shape: the family name in capitals, or a comma after it and the field ending after the
    given names; no title before it ("Mr Walsh, Kahurangi's father" is two people).  Linear: one scan for
    capitalised words, a look back of a few words at each keyed given name."""
    fam = _read_families(tuple((p.code, tuple(p.names)) for p in key.people))
    if not fam.owners:
        return chosen
    from .links import _titles

    lines: list[tuple[int, int, str | None]] = []
    for m in _given_regex(fam.firsts).finditer(text):
        codes = fam.owners.get(_letters(m.group(0)), frozenset())
        if len(codes) != 1 or not m.group(0)[:1].isupper():
            continue
        (code,) = codes
        before = _family_before(text, m.start(), fam.family.get(code, frozenset()))
        if before is None:
            continue
        start, comma, capitals = before
        end = _given_run_end(text, m.end(), fam.given.get(code, frozenset()))
        if not capitals and not (comma and _FIELD_END.match(text, end)):
            continue  # "Ms Walsh Kahurangi", "Walsh, Kahurangi's father": no record's line
        title = _FAMILY_WORD_BEFORE.search(text, max(0, start - 16), start)
        if title is not None and title.end() == start and title.group("w").rstrip(".").casefold() in _titles():
            continue
        lines.append((start, _cue_after(text, end), code))
    return _apply(text, chosen, lines, make) if lines else chosen

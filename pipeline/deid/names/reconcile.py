"""One person, one identity: the last look at person replacements before placeholders are numbered.

The keyed-name matcher and the unlisted-name detector work word by word, so a
name that only partly matches the key comes out in pieces: "Adrian Hoxa"
(keyed Adrian Hoxha) as ``MP [PERSON-3]``, "Mohammed Nasser Stanikzai"
(keyed Mohammad Nasir Stanekzai) as a code for the surname and a placeholder
for the rest, "Nasir" alone (a middle name the key lists only inside the full
name) as a new person, and an unlisted "Ms Tilly" / "Baines" split by a line
break as two people.  Each is one real person given two identities, which
the key exists to prevent.

Two steps, both over the chosen replacements:

- **runs**: person replacements separated only by a space, a hyphen or one
  line break are one name.  If every word of the run fits one keyed person
  (exactly, folded, within a small edit distance of one of that person's
  listed words, or sounding the same, in any order), with its first and last words among them, the
  run becomes that person's code.  Two unlisted pieces split by a line break
  ("Ms Tilly" / "Baines") become one unlisted person (on one line the
  detector has already decided whether they are one name).
- **lone pieces**: an unlisted piece whose every word is, exactly (diacritics
  folded), a given name of exactly one keyed person ("Nasir" of "Mohammad
  Nasir Stanekzai") is that person; so is a name that fits one keyed person
  word by word with one word exact ("Dr Tariq Elfadil" of Tarig Elfadil), and
  one longer word close to exactly one keyed given name ("Jubayer" of Jubair).
  A surname alone is not enough: "Mr Kazlauskas" may be the child's father
  whom the key leaves out.

A choice between several keyed people is logged as ambiguous
(``resolved_by="whole_name"``).  Settings: ``models/names/reconcile.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

import jellyfish
from rapidfuzz.distance import OSA

from ...lexicon import title_words
from ...resources import load_yaml
from .folding import fold
from .initials import INITIALS_ONLY
from .record_lines import stranger_of_run

if TYPE_CHECKING:
    from ..keyfile import Key
    from ..pseudonymise import Replacement

_NAME_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_POSSESSIVE = re.compile(r"['’]s?$")


@lru_cache(maxsize=1)
def settings() -> dict:
    return load_yaml("names/reconcile.yaml")


@dataclass(frozen=True)
class _Keyed:
    code: str
    words: frozenset[str]  # folded, lower-case words of every listed name (titles and initials left out)
    given: frozenset[str]  # of those, the words before a surname ("nasir" of "Mohammad Nasir Stanekzai")
    gender: str | None = None
    child: bool = False
    titles: frozenset[str] = frozenset()  # casefolded titles the key writes before this person's names ("dr")


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    return frozenset(t.casefold() for t in title_words())


def _words(text: str) -> list[str]:
    """Folded, lower-case name words of `text`, without titles, initials or possessive endings."""
    titles = _titles()
    out = []
    for w in _NAME_WORD.findall(text):
        w = _POSSESSIVE.sub("", fold(w)).casefold()
        if len(w) > 1 and w.rstrip(".") not in titles:
            out.append(w)
    return out


def _given(name: str) -> list[str]:
    """The given-name words of a listed name: all but the last word; none after a title and one word ("Ms
    Ward"), but "Tarig" of "Dr Tarig Elfadil"."""
    from .known import split_markers, without_generation

    titled = re.match(r"[^\W\d_]+\.?\s", name) and name.split()[0].rstrip(".").casefold() in _titles()
    # "Dwayne Grant Jnr": Grant is a surname; "Ni Kadek Ratih": "Ni" and "Kadek" are shared by strangers
    words = _words(" ".join(split_markers(without_generation(name.split()))[1]))
    if titled:
        return words[:-1]
    return words[:-1] if len(words) > 1 else words


def keyed_words(key: Key) -> list[_Keyed]:
    return [
        _Keyed(
            p.code,
            frozenset(w for name in p.names for w in _words(name)),
            frozenset(w for name in p.names for w in _given(name)),
            p.gender,
            p.child,
            frozenset(
                n.split()[0].rstrip(".").casefold()
                for n in p.names
                if len(n.split()) > 1 and n.split()[0].rstrip(".").casefold() in _titles()
            ),
        )
        for p in key.people
    ]


def _close(word: str, keyed: str, conf: dict) -> bool:
    """A slip or another spelling of `keyed`: same first letter, then a small edit distance for its
    length, or (longer words) the same sound: "Kareem" is "Karim", "Nasser" is "Nasir" (metaphone)."""
    if word == keyed:
        return True
    shorter = min(len(word), len(keyed))
    if word[0] != keyed[0] or shorter < conf["fuzzy_min_letters"]:
        return False
    allowed = 2 if shorter >= conf["two_edits_from_letters"] else 1
    if OSA.distance(word, keyed) <= allowed:
        return True
    return (
        shorter >= conf["sound_alike_from_letters"]
        and abs(len(word) - len(keyed)) <= 2  # "Small" is no "Samiullah", though both sound "SML"
        and jellyfish.metaphone(word) == jellyfish.metaphone(keyed)
    )


def _fits(words: list[str], person: _Keyed, conf: dict, exact: bool, beside: bool = False) -> bool:
    """Every word is one of the person's (`exact`) or close to one; `beside`: the run already holds the
    person's code, so a shorter word one letter off counts too ("Ruy" of Rui beside "Carvalo")."""
    if not words:
        return False
    if exact:
        return all(w in person.words for w in words)
    return all(any(_close(w, k, conf) or (beside and _short_slip(w, k, conf)) for k in person.words) for w in words)


def _short_slip(word: str, keyed: str, conf: dict) -> bool:
    """One letter changed in a short word of the same length and first letter ("Ruy" of Rui)."""
    return (
        len(word) == len(keyed) >= conf["fuzzy_min_letters_beside_code"]
        and word[0] == keyed[0]
        and OSA.distance(word, keyed) == 1
    )


def _is_person(r: Replacement) -> bool:
    return r.source in ("known", "unknown") and r.type in ("PERSON", "PERSON_UNKNOWN")


def _joined(text: str, a: Replacement, b: Replacement) -> bool:
    """`b` follows `a` with only a space, a hyphen or one line break between them."""
    gap = text[a.end : b.start]
    return b.start >= a.end and re.fullmatch(r"[ \t]?-?[ \t]?|[ \t]*\n[ \t]*", gap) is not None


def _connector_gap(text: str, a: Replacement, b: Replacement) -> bool:
    """Only a patronymic connector stands between `a` and `b` on one line ("Nur Aisyah binti Ahmad")."""
    m = re.fullmatch(r"[ \t]+(\S+)[ \t]+", text[a.end : b.start]) if b.start > a.end else None
    return m is not None and m.group(1) in _connectors() and (m.group(1).islower() or m.group(1).isupper())


@lru_cache(maxsize=1)
def _connectors() -> frozenset[str]:
    words = settings().get("patronymic_connectors", ())
    return frozenset(w for word in words for w in (word, word.upper()))


def _patronymic_bearer(run: list[Replacement], text: str) -> tuple[str, str] | None:
    """The person a run joined by a patronymic connector names: the first piece's, since what follows the
    connector is a parent's name ("Nur Aisyah binti Ahmad" is the child, not the child and her father).
    (code, "known") for a keyed first piece, ("", "unknown") for an unlisted one; None without a connector."""
    inside = len(run) > 1 and any(w in _connectors() for w in text[run[0].start : run[-1].end].split())
    if not inside and not any(_connector_gap(text, a, b) for a, b in zip(run, run[1:], strict=False)):
        return None  # "Hakim Noor bin" read as one unlisted piece, then the father's keyed "Rashid": still one
    first = run[0]
    return (first.code or "", "known") if first.source == "known" else ("", "unknown")


def _runs(text: str, people: list[Replacement]) -> list[list[Replacement]]:
    """Adjacent person pieces; across a line break only one name word each side ("Ms Tilly" / "Baines"); across
    a patronymic connector ("binti", "ap") on one line."""
    runs: list[list[Replacement]] = []
    for r in people:
        prev = runs[-1][-1] if runs else None
        if prev and (
            (_joined(text, prev, r) and ("\n" not in text[prev.end : r.start] or _one_word_each(text, prev, r)))
            or _connector_gap(text, prev, r)
        ):
            runs[-1].append(r)
        else:
            runs.append([r])
    return runs


def _one_word_each(text: str, a: Replacement, b: Replacement) -> bool:
    return len(_words(text[a.start : a.end])) == 1 and len(_words(text[b.start : b.end])) == 1


def _nearest_code(codes: list[str], run: list[Replacement], coded: list[Replacement]) -> str:
    """Of tied people, the one coded nearest before the run (else the first in key order)."""
    start = run[0].start
    for r in reversed(coded):
        if r.end <= start and r.code in codes:
            return r.code
    return codes[0]


def _merge(text: str, run: list[Replacement], code: str, candidates: list[str], source: str) -> Replacement:
    first, last = run[0], run[-1]
    return replace(
        first,
        end=last.end,
        text=text[first.start : last.end],
        replacement=code if source == "known" else first.replacement,
        type="PERSON" if source == "known" else first.type,
        source=source,
        rule=f"{first.rule}+whole_name" if source == "known" else first.rule,
        confidence=min(r.confidence for r in run),
        code=code if source == "known" else first.code,
        ambiguous=len(candidates) > 1 or any(r.ambiguous for r in run),
        candidates=tuple(candidates) if len(candidates) > 1 else (),
        resolved_by="whole_name" if len(candidates) > 1 else first.resolved_by,
    )


def _keyed_initials(key: Key, coded: list[Replacement]) -> dict[str, set[str]]:
    """Capitals -> codes of the keyed people they are the initials of: from the names the key lists and from
    the person's coded mentions in this draft ("Dr M. Stone", "Dr Marcus Stone" of a keyed "Dr Stone" give
    MS), so that a note signed "MS" is that person."""
    from .initials import initials_of

    out: dict[str, set[str]] = {}
    for code, name in [(p.code, n) for p in key.people for n in p.names] + [(r.code, r.text) for r in coded]:
        for letters in initials_of(name):
            if code:
                out.setdefault(letters, set()).add(code)
    return out


def _keyed_ranks(key: Key) -> dict[tuple[str, str], list[str]]:
    """(rank, surname), folded and lower case -> codes of keyed people the key lists only by a rank or
    professional title and a surname ("Dr Stone", "PC Reading"), with no given name anywhere."""
    personal = {str(t).casefold() for t in settings().get("titles_relatives_share") or ()}
    titles = _titles()
    out: dict[tuple[str, str], list[str]] = {}
    for p in key.people:
        forms = [n.split() for n in p.names]
        if any(len(f) != 2 or f[0].rstrip(".").casefold() not in titles for f in forms):
            continue  # a given name somewhere, or no title
        for title, surname in forms:
            rank = title.rstrip(".").casefold()
            if rank not in personal:
                out.setdefault((rank, fold(surname).casefold()), []).append(p.code)
    return out


def _ranked_surname(text: str, ranks: dict[tuple[str, str], list[str]]) -> str | None:
    """ "Dr Marcus Stone" of a key that lists only "Dr Stone": an unlisted piece with the same rank or
    professional title and surname and given names between is that one person (never after a personal
    title: "Mr David Stone" may be a keyed Mr Stone's father)."""
    words = text.split()
    if len(words) < 3 or not ranks:
        return None
    codes = ranks.get((words[0].rstrip(".").casefold(), _POSSESSIVE.sub("", fold(words[-1])).casefold()), [])
    return codes[0] if len(codes) == 1 else None


def _keyed_person_of_run(
    run: list[Replacement],
    text: str,
    keyed: list[_Keyed],
    coded: list[Replacement],
    conf: dict,
    ranks: dict[tuple[str, str], list[str]],
) -> tuple[str, list[str]] | None:
    words = _words(text[run[0].start : run[-1].end])
    if len(run) == 1:
        if run[0].source != "unknown":
            return None
        if INITIALS_ONLY.fullmatch(run[0].text):
            return None  # capitals: `_initials_of_keyed`, once every keyed mention is known
        ranked = _ranked_surname(run[0].text, ranks)
        if ranked:
            return ranked, [ranked]
        titled = len(words) == 1 and re.match(r"\s*[^\W\d_]+\.?\s", run[0].text) is not None
        fits = _lone_piece_fits(words, keyed, conf, titled)
        if titled and not fits:
            fits = _titled_sound_alike(run[0].text, words[0], keyed, conf)
        if titled and not fits:
            fits = _titled_half_of_double(run[0].text, words[0], keyed)
    else:
        known_codes = {r.code for r in run if r.source == "known"}
        fits = [k.code for k in keyed if _fits(words, k, conf, exact=False, beside=k.code in known_codes)]
        if known_codes and fits:  # a code already in the run is the first choice among those that fit
            fits = [c for c in fits if c in known_codes] or fits
        elif not fits:
            fits = _honorific_before_given(run, text, keyed) or _given_beside_own_form(run, text, keyed, known_codes)
    if not fits or (len(run) == 1 and len(fits) > 1):
        return None
    return _nearest_code(fits, run, coded), fits


def _given_name_leads(run: list[Replacement], text: str, keyed: list[_Keyed]) -> str | None:
    """ "Hodan Abdirahman Warsame" coded as the child then her father ("Abdirahman Warsame"), "Luz Ortiz
    Vega" as the mother then her sister, "Ines Moreno-Ruiz" as Ines then a Ruiz: pieces of several keyed
    people written as one name are the person whose given name leads it.  Where a second name is the
    father's given name (Somali, Eritrean, Arabic patronymics) or a person carries both parents' surnames,
    the words after a given name are family words the relatives share, not a second person.  Only when the
    first word is a given name of exactly one keyed person of the run, and every later word is that
    person's or a surname (never only a given name) of another keyed person."""
    codes = {r.code for r in run if r.source == "known"}
    if len(codes) < 2:
        return None
    words = [p for w in _words(text[run[0].start : run[-1].end]) for p in w.split("-") if len(p) > 1]
    if len(words) < 2:
        return None
    leads = [k for k in keyed if words[0] in k.given and k.code in codes]
    if len(leads) != 1 or any(words[0] in k.words for k in keyed if k is not leads[0]):
        return None
    person = leads[0]
    if run[0].code != person.code:
        return None
    surnames = {w for k in keyed if k is not person for w in k.words - k.given}
    if not all(w in person.words or w in surnames for w in words[1:]):
        return None
    return person.code


def _lone_piece_fits(words: list[str], keyed: list[_Keyed], conf: dict, titled: bool = False) -> list[str]:
    """Keyed people an unlisted piece on its own may be: its words all given names of theirs ("Nasir"); a
    name of two words or more that fits them word by word with one word exact and a given name among
    them ("Dr Tariq Elfadil" of Tarig Elfadil); one longer word close to exactly one keyed given name
    ("Jubayer" of Jubair).  Never a family surname alone: relatives the key leaves out share it."""
    if not words:
        return []
    surnames = {w for k in keyed for w in k.words - k.given}
    exact = [k.code for k in keyed if all(w in k.given for w in words)]
    if exact or (len(words) == 1 and words[0] in surnames):
        return exact
    if len(words) >= 2:
        fits = [
            k.code
            for k in keyed
            if _fits(words, k, conf, exact=False)
            and any(w in k.words for w in words)
            and any(_close(w, g, conf) for w in words for g in k.given)
        ]
        if not fits:
            fits = _other_language_form(words, keyed)
        if fits or len(words) < 3:
            return fits
        # "Nasir Khan Stanekzai" of Mohammad Nasir Stanekzai: a given name and the surname, exactly, round
        # middle names the key leaves out
        return [k.code for k in keyed if words[0] in k.given and words[-1] in k.words - k.given]
    if titled:
        return []  # a surname after a title ("Mrs Small"): somebody else
    if len(words[0]) < conf["lone_slip_min_letters"]:
        # a short near-name is somebody else; a short form or nickname of one keyed given name ("Kat" of
        # Katrina signing an email) is that person, never a second identity
        derived = _derived_given(words[0], keyed, kinds=("short_form", "nickname"))
        return derived if len(derived) == 1 else []
    close = [k.code for k in keyed if any(_close(words[0], g, conf) for g in k.given)]
    if not close:
        close = _derived_given(words[0], keyed)
    return close if len(close) == 1 else []


def _other_language_form(words: list[str], keyed: list[_Keyed]) -> list[str]:
    """ "Nadia Halil" of a grandmother keyed Halilova whom the draft also names Nadezhda: the name in another
    language's forms, its given name one of the person's in another language (given_name_equivalents.yaml) and
    its surname the person's, or the form the family's language gives it without its ending (family_forms.py).
    The surname ties the given name to the person; a given name alone is left to the other rules."""
    from .derived import equivalent_names
    from .family_forms import family_surnames

    first, last = words[0], words[-1]
    fits = []
    for k in keyed:
        surnames = k.words - k.given
        if last not in surnames and not any(last == fold(f).casefold() for s in surnames for f in family_surnames(s)):
            continue
        if any(first == g or first in equivalent_names(g) for g in k.given):
            fits.append(k.code)
    return fits if len(fits) == 1 else []


def _derived_given(word: str, keyed: list[_Keyed], kinds: tuple[str, ...] = ()) -> list[str]:
    """The keyed people whose given name `word` is a derived form of (glued tail, clipped start, short form,
    pet ending, another romanisation: derived.py `classify`): checked before an unlisted word gets a
    placeholder, so that "Sofia" of a keyed Zsofia is no second identity."""
    from .derived import KeyedWord, classify

    forms = [KeyedWord(k.code, g, g, True) for k in keyed for g in k.given]
    return sorted({code for code, _, kind in classify(word, forms) if not kinds or kind in kinds})


def _given_beside_own_form(
    run: list[Replacement], text: str, keyed: list[_Keyed], known_codes: set[str | None]
) -> list[str]:
    """ "Cucu Nyambura" (a declared pet name of the grandmother, then her keyed middle name): unlisted pieces
    whose every word is a given name of the one keyed person the run's coded pieces name are that person's."""
    if len(known_codes) != 1:
        return []
    (code,) = known_codes
    person = next((k for k in keyed if k.code == code), None)
    unlisted = [w for r in run if r.source != "known" for w in _words(r.text)]
    if person is None or not unlisted or not all(w in person.given for w in unlisted):
        return []
    return [person.code]


def _honorific_before_given(run: list[Replacement], text: str, keyed: list[_Keyed]) -> list[str]:
    """ "Haja Isatu", "Ya Mariatu": one unlisted word straight before a keyed person's given name, the word
    in no name list, is an honorific of whatever language and goes with the name into its code.  A listed
    given name before it ("Mary Isatu") is somebody's own first name and is left to the other rules."""
    from .derived import _gazetteer_names

    if len(run) != 2 or run[0].source != "unknown" or run[1].source != "known":
        return []
    head, name = _words(run[0].text), _words(run[1].text)
    if len(head) != 1 or len(name) != 1 or head[0] in _gazetteer_names():
        return []
    return [k.code for k in keyed if k.code == run[1].code and name[0] in k.given]


def _titled_sound_alike(text: str, word: str, keyed: list[_Keyed], conf: dict) -> list[str]:
    """ "Ms McVey" of a keyed Dawn McVeigh: a title and one word that sounds like exactly one keyed adult's
    surname (metaphone, same first letter, `titled_sound_alike_min_letters` letters or more) of the title's
    gender.  Only a sound-alike: a title before a surname one letter off ("Mrs Small") may be somebody else."""
    from ..keyfile import title_genders

    title = text.split()[0].rstrip(".")
    gender = next((g for t, g in title_genders().items() if t.casefold() == title.casefold()), None)
    # a professional title the key itself writes for the person ("Dr Tuho" of a keyed "Dr Tuhoe") is evidence
    # enough for a shorter word: relatives do not share it (`titles_relatives_share`)
    shared = {t.casefold() for t in conf.get("titles_relatives_share") or ()}
    own_title = title.casefold() not in shared
    least = min(conf["titled_sound_alike_min_letters"], conf.get("titled_sound_alike_min_letters_own_title", 99))
    if len(word) < least or any(word in k.words for k in keyed):
        return []  # a keyed surname itself after a title: a relative the key leaves out may share it

    def long_enough(k: _Keyed, s: str) -> bool:
        low = least if own_title and title.casefold() in k.titles else conf["titled_sound_alike_min_letters"]
        return min(len(s), len(word)) >= low

    sound = jellyfish.metaphone(word)
    fits = [
        k.code
        for k in keyed
        if not k.child
        and (gender is None or k.gender in (None, gender))
        and any(s[0] == word[0] and long_enough(k, s) and jellyfish.metaphone(s) == sound for s in k.words - k.given)
    ]
    return fits if len(fits) == 1 else []


def _titled_half_of_double(text: str, word: str, keyed: list[_Keyed]) -> list[str]:
    """ "Mr Owusu" of a keyed "Mr Owusu-Ansah": a record that keeps one half of a double-barrelled surname.  The
    one keyed adult whose double surname has the word as a half, whom the key itself writes with this title
    (so of its gender), and nobody keyed with the word as a whole surname (then a relative may carry it)."""
    title = text.split()[0].rstrip(".").casefold()
    if any(word in k.words for k in keyed):
        return []
    fits = [
        k.code
        for k in keyed
        if not k.child and title in k.titles and any(word in w.split("-") for w in k.words - k.given if "-" in w)
    ]
    return fits if len(fits) == 1 else []


def _one_unlisted_name(text: str, run: list[Replacement], conf: dict) -> bool:
    """Two unlisted pieces that are one name: split by a line break ("Ms Tilly" / "Baines"), or side by side
    on one line after a piece as long as the detector's longest run ("Malam Sulaiman Garba" + "Yakasai")."""
    gap = text[run[0].end : run[1].start]
    if "\n" in gap:
        return True
    return gap == " " and len(_words(run[0].text)) >= conf["unlisted_run_words"] and len(_words(run[1].text)) == 1


def reconcile(chosen: list[Replacement], text: str, key: Key) -> list[Replacement]:
    """`chosen` with split names joined and lone slips of keyed names given the keyed code."""
    conf = settings()
    people = sorted((r for r in chosen if _is_person(r)), key=lambda r: r.start)
    people = _record_names(people, text, keyed_words(key))
    keyed = _with_adopted(keyed_words(key), text, people)
    coded = [r for r in people if r.source == "known"]
    ranks = _keyed_ranks(key)
    out = [r for r in chosen if not _is_person(r)]
    for run in _runs(text, people):
        bearer = _patronymic_bearer(run, text)
        if bearer is not None:
            out.append(_merge(text, run, bearer[0], [bearer[0]] if bearer[0] else [], bearer[1]))
            continue
        led = _given_name_leads(run, text, keyed)
        if led:
            out.append(_merge(text, run, led, [led], "known"))
            continue
        if all(r.source == "known" for r in run):
            out.extend(run)
            continue
        found = _keyed_person_of_run(run, text, keyed, coded, conf, ranks)
        stranger = (
            (_generation_stranger(text, run, found[0], key) or _grandparents_namesake(text, run, found[0], key))
            if found
            else None
        )
        if stranger is not None:
            out.append(stranger)
            continue
        if found and stranger_of_run(run, key):  # "Karma Yudron" beside keyed Karma Wangdu: someone else
            out.append(_merge(text, run, "", [], "unknown"))
        elif found:
            code, fits = found
            out.append(_merge(text, run, code, fits, "known"))
        elif len(run) == 2 and all(r.source == "unknown" for r in run) and _one_unlisted_name(text, run, conf):
            out.append(_merge(text, run, "", [], "unknown"))
        elif (wife := _married_name(run, text, key, keyed)) is not None:
            out.append(_merge(text, run, wife, [wife], "known"))
        else:
            out.extend(run)
    out = _initials_of_keyed(out, text, key)
    return sorted(_wives_by_surname(out, text, key, keyed, _declared_women(out, key, keyed)), key=lambda r: r.start)


def _generation_stranger(text: str, run: list[Replacement], code: str, key: Key) -> Replacement | None:
    """ "Patrick Connors senior", "Old Patsy" of a keyed Patrick Connors (the father) when no keyed older
    namesake exists: the generation word says the run is someone the key leaves out, so the run stays an
    unlisted person, the word with it, and is never given the keyed namesake's code (generations.py)."""
    from .generations import choose, generation_word
    from .known import _keyed_words

    found = generation_word(text, run[0].start, run[-1].end)
    if found is None or not code:
        return None
    direction, start, end = found
    if choose(key, _keyed_words(key), {code}, direction, mention=text[start:end]) != (None, True):
        return None
    merged = _merge(text, run, "", [], "unknown")
    return replace(merged, start=start, end=end, text=text[start:end])


def _grandparents_namesake(text: str, run: list[Replacement], code: str, key: Key) -> Replacement | None:
    """ "Yiayia Maroulla", "grandmother Hawa" of a keyed CHILD's name: a grandparent's family word says the
    name is the child's namesake of the grandparents' generation, whom the key leaves out (kin_forms.py
    `grandparent_before`), so the run stays an unlisted person."""
    from .kin_forms import grandparent_before

    if not code or not grandparent_before(text, run[0].start, key, code):
        return None
    return _merge(text, run, "", [], "unknown")


# a record's comma after its capital surname, with the unkeyed half of a double surname ("GRANT-LEWIS, ")
_RECORD_COMMA = re.compile(r"(?:-(?P<tail>[^\W\d_]+))?,[ \t]*")


def _record_names(people: list[Replacement], text: str, keyed: list[_Keyed]) -> list[Replacement]:
    """ "FARAH, Mohamed Jama", "MEJIA ORTIZ, Gloria": a record's surname in capitals, a comma, then given
    names is one person's name.  When the given names are nobody's the key lists, the pieces are one unlisted
    person (the surname may be a keyed relative's: an aunt carries the mother's surname), so that the
    record and the prose's "Gloria Mejia Ortiz" get one placeholder, never a code and a placeholder."""
    given = {w for k in keyed for w in k.given}
    out: list[Replacement] = []
    for r in people:
        if _record_of_given(out, r, text, keyed):
            out[-1] = _merge(text, [out[-1], r], r.code or "", [r.code or ""], "known")
            continue
        surname = _record_surname(out, r, text, given)
        if surname and r.source == "unknown" and not _capitals(r.text) and (words := _words(r.text)):
            if words[0] not in given:
                start = out[-surname].start
                del out[-surname:]
                out.append(replace(r, start=start, text=text[start : r.end]))
                continue
        out.append(r)
    return out


def _record_of_given(out: list[Replacement], r: Replacement, text: str, keyed: list[_Keyed]) -> bool:
    """ "AHMAD, Nur Aisyah": a record's capital surname coded as one keyed person and, after its comma, the
    given names of another. The record names one person, and the given names say who: the surname slot
    holds a parent's name (patronymic naming) or a family word several relatives share."""
    prev = out[-1] if out else None
    if prev is None or prev.source != "known" or r.source != "known" or prev.code == r.code:
        return False
    comma = _RECORD_COMMA.fullmatch(text[prev.end : r.start])
    if comma is None or comma.group("tail") or not _capitals(prev.text) or _capitals(r.text):
        return False
    if "initial" in prev.rule or len(prev.text) < 3 or text[: prev.start].rstrip(" \t").endswith(","):
        return False  # "Present: DM, RG, ES, Shilan": a list of people, not a record's name
    words = _words(r.text)
    person = next((k for k in keyed if k.code == r.code), None)
    return person is not None and bool(words) and all(w in person.given for w in words)


def _record_surname(out: list[Replacement], r: Replacement, text: str, given: set[str]) -> int:
    """How many pieces before `r` are a record's surname in capitals followed by a comma ("MEJIA" "ORTIZ"):
    0 when there is none, or when one of them is a keyed given name."""
    comma = _RECORD_COMMA.fullmatch(text[out[-1].end : r.start]) if out else None
    if comma is None or (comma.group("tail") and not _capitals(comma.group("tail"))):
        return 0
    if "initial" in out[-1].rule and out[-1].source == "known":
        return 0  # "Present: KL, Precious Moyo": a keyed person's initials, then the next person of a list
    n = 0
    while n < len(out) and _capitals(out[-1 - n].text) and not any(w in given for w in _words(out[-1 - n].text)):
        n += 1
        if n == len(out) or not _joined(text, out[-1 - n], out[-n]):
            break
    return n


def _capitals(surface: str) -> bool:
    """Every letter of a name piece of two letters or more is a capital ("ORTIZ", "MEJIA ORTIZ")."""
    letters = [c for c in surface if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _possessed_role(sentence: str) -> bool:
    """A family word of `role_word_forms` after a possessive ("Mrs Mensah's mother", "her mother"): somebody
    else's relative, not the role's own holder."""
    words = {w for ws in (settings().get("role_word_forms") or {}).values() for w in ws}
    alternatives = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
    return bool(alternatives) and bool(
        re.search(rf"(?:['’]s|\b(?:her|his|their))\s+(?:{alternatives})\b", sentence, re.IGNORECASE)
    )


def _declared_women(chosen: list[Replacement], key: Key, keyed: list[_Keyed]) -> dict[str, list[str]]:
    """Surname -> keyed women the draft itself names with it although the key gives it to somebody else
    ("Ildiko Orban", coded as the mother whose birth surname the grandmother, keyed Orban, still carries)."""
    people = key.by_code()
    surnames = {w: {k.code for k in keyed if w in k.words - k.given} for k in keyed for w in k.words - k.given}
    out: dict[str, list[str]] = {}
    for r in chosen:
        person = people.get(r.code or "")
        words = _words(r.text)
        if r.source != "known" or person is None or person.gender != "female" or person.child or len(words) < 2:
            continue
        own = next((k for k in keyed if k.code == r.code), None)
        for w in words:
            if own is not None and w not in own.words and surnames.get(w) and own.code not in out.get(w, []):
                out.setdefault(w, []).append(own.code)
    return out


def _adopted_words(text: str, people: list[Replacement], keyed: list[_Keyed]) -> dict[str, str]:
    """Unlisted words written inside one keyed person's full name ("Jhon Fredy RESTREPO", "DUMITRESCU Ionut
    Catalin", "CHAN Hoi Yan Hailey"): a run holding a given name of exactly one keyed person and another
    keyed word, every keyed word in it that person's, makes its unlisted words (a second surname, a middle or
    another given name) that person's, here and wherever they stand alone ("Restrepo", "Mr Alves").  A word two
    runs give to two people is nobody's."""
    adopted: dict[str, str | None] = {}
    for run in _runs(text, people):
        known = list(dict.fromkeys(w for r in run if r.source == "known" for w in _words(r.text)))
        unknown = [
            w for r in run if r.source == "unknown" and not INITIALS_ONLY.fullmatch(r.text) for w in _words(r.text)
        ]
        owners = {k.code for k in keyed for w in known if w in k.given}
        if len(owners) != 1 or not unknown or len(known) < 2:
            continue  # one keyed word beside an unlisted one ("Annika Moreau", "Mary Kadie") may be somebody else
        person = next(k for k in keyed if k.code in owners)
        if not all(w in person.words for w in known):
            continue
        for w in unknown:
            if not any(w in k.words for k in keyed):
                adopted[w] = person.code if adopted.get(w, person.code) == person.code else None
    return {w: c for w, c in adopted.items() if c is not None}


def _learned_middle_names(people: list[Replacement], keyed: list[_Keyed]) -> dict[str, str]:
    """Words the keyed-name matcher learned as one keyed person's middle name from a full name in this draft
    (rule ``middle_name``, `known.py`), or a whole name the draft declared for them with their own surname
    (`_declared_full_name`): that person's given names here too, as an adopted word is, so that a short form,
    slip or other language's form of one ("Kobi" of a learned "Kwabena", "Nadia Halil" of a declared Nadezhda
    Halilova) is still that person and no second identity."""
    learned: dict[str, str | None] = {}
    for r in people:
        if r.source != "known" or not r.code:
            continue
        if "middle_name" not in (r.rule or "").split("+") and not _declared_full_name(r, keyed):
            continue
        for w in _words(r.text):
            if not any(w in k.words for k in keyed):
                learned[w] = r.code if learned.get(w, r.code) == r.code else None
    return {w: c for w, c in learned.items() if c is not None}


def _declared_full_name(r: Replacement, keyed: list[_Keyed]) -> bool:
    """A declared name (rule ``alias``) written whole with the person's own keyed surname ("her old identity card
    reads Nadezhda Halilova"): its new word is a given name of theirs.  A one-word alias ("Mamani", "Ba Bwalya"
    of a pet name) is not: a pet name or honorific form would draw other people's slips to the person."""
    if "alias" not in (r.rule or "").split("+"):
        return False
    words = _words(r.text)
    person = next((k for k in keyed if k.code == r.code), None)
    return person is not None and len(words) >= 2 and any(w in person.words - person.given for w in words)


def _with_adopted(keyed: list[_Keyed], text: str, people: list[Replacement]) -> list[_Keyed]:
    """The keyed people with the words their full names adopt (`_adopted_words`) and the middle names the
    matcher learned (`_learned_middle_names`) as given names of theirs."""
    adopted = _learned_middle_names(people, keyed) | _adopted_words(text, people, keyed)
    if not adopted:
        return keyed
    return [
        replace(k, words=k.words | extra, given=k.given | extra)
        if (extra := frozenset(w for w, c in adopted.items() if c == k.code))
        else k
        for k in keyed
    ]


def _married_name(run: list[Replacement], text: str, key: Key, keyed: list[_Keyed]) -> str | None:
    """ "Mrs Al-Maqtari" (keyed Mr Al-Maqtari), "Mrs Chan" (keyed children Chan): a woman's title before a
    surname no keyed woman carries is the one keyed woman who may have taken it -- the partner of the keyed
    man who bears it, or the mother of the keyed children who do (by the key's roles).  Else nobody: a
    relative the key leaves out."""
    from ..keyfile import title_genders

    if len(run) != 1 or run[0].source != "unknown":
        return None
    parts = run[0].text.split()
    words = _words(run[0].text)
    genders = {t.casefold(): g for t, g in title_genders().items()}
    if len(parts) != 2 or len(words) != 1 or genders.get(parts[0].rstrip(".").casefold()) != "female":
        return None
    women = _surname_women(key, keyed, words[0], mothers=True)
    return women[0] if len(women) == 1 else None


_SENTENCE_END = re.compile(r"[.!?]\s|\n")
_WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")


def _beside(text: str, start: int, end: int) -> str:
    """The few words right around a mention, within its sentence: `beside_words` before ("recorded the mother as
    'Mrs Bangura'") and `beside_words_after` after ("Mrs Bangura, mother").  Only these: a family word further
    off is usually somebody else ("Mrs Wojcik helped when the mother was at work")."""
    conf = settings()
    head = text[max(0, start - 120) : start]
    cuts = [m.end() for m in _SENTENCE_END.finditer(head)]
    head = head[cuts[-1] if cuts else 0 :]
    tail = text[end : end + 80]
    stop = _SENTENCE_END.search(tail)
    tail = tail[: stop.start() if stop else len(tail)]
    before = _WORD_RE.findall(head)[-int(conf.get("beside_words", 3)) :]
    after = _WORD_RE.findall(tail)[: int(conf.get("beside_words_after", 1))]
    return " ".join(before + after)


def _surname_women(key: Key, keyed: list[_Keyed], surname: str, mothers: bool = False) -> list[str]:
    """Keyed women who may be "Mrs <surname>": those keyed with the surname, and the partner (the other
    parent of his child, by the roles) of each keyed man who bears it, as a wife written under her husband's
    name ("Mrs Qadir" for a mother keyed by her own surname); with `mothers`, also the keyed mother of keyed
    children who bear it ("Mrs Chan" for the mother of a keyed Hailey Chan)."""
    from .kin_forms import _spouse
    from .known import _family_roles

    people = key.by_code()
    bearers = [k for k in keyed if surname in k.words - k.given and not k.child]
    women = [k.code for k in bearers if k.gender == "female"]
    family = _family_roles(key)
    for man in (k for k in bearers if k.gender == "male"):
        wife = _spouse(family, people, man.code, "female")
        if wife and wife not in women:
            women.append(wife)
    if mothers and not women:
        women = _mothers_of_bearers(key, keyed, family, surname)
    return women


def _mothers_of_bearers(key: Key, keyed: list[_Keyed], family: dict, surname: str) -> list[str]:
    """The keyed mothers (by the key's roles) of the keyed children who carry `surname`; a bare "Mother" role
    is the mother of the review's subject children."""
    from .known import _SUBJECT, _subject_children

    children = {k.code for k in keyed if k.child and surname in k.words}
    out = set()
    for parent, (ref, relation) in family["parent_of"].items():
        kids = set(_subject_children(key)) if ref == _SUBJECT else {family["child"].get(ref)}
        if relation == "mother" and kids & children:
            out.add(parent)
    return sorted(out)


def _keyed_form_of_one(key: Key, mention: str) -> bool:
    """The mention, as written (spacing and a possessive aside), is a name the key lists for exactly one person."""
    said = _POSSESSIVE.sub("", " ".join(mention.split())).casefold()
    return sum(any(" ".join(n.split()).casefold() == said for n in p.names) for p in key.people) == 1


def _role_word_owner(sentence: str, codes: list[str], key: Key) -> str | None:
    """The one candidate whose role's family word (or a word for it, reconcile.yaml `role_word_forms`) the
    words beside the mention use: "recorded the mother as Mrs Bangura" is the mother."""
    forms = settings().get("role_word_forms") or {}
    people = key.by_code()
    low = sentence.casefold()
    hits = []
    for code in codes:
        role = (people[code].role or "").casefold()
        words = {w for head, ws in forms.items() if re.search(rf"\b{re.escape(head)}\b", role) for w in ws}
        if any(re.search(rf"\b{re.escape(w)}\b", low) for w in words):
            hits.append(code)
    return hits[0] if len(hits) == 1 else None


def _wives_by_surname(
    chosen: list[Replacement], text: str, key: Key, keyed: list[_Keyed], declared: dict[str, list[str]] | None = None
) -> list[Replacement]:
    """ "Mrs Bangura" when a keyed grandmother is a Bangura and the keyed mother, partner of Mr Bangura, was
    written under his name: a woman's title before a surname two keyed women may carry.  A family word right
    beside it picks one ("recorded the mother as Mrs Bangura"); without one the matcher's choice stays.
    Either way the mention is logged as ambiguous with both candidates.  A woman the draft names with the
    surname (`declared`, her birth surname) is one of the candidates too."""
    from ..keyfile import title_genders

    genders = {t.casefold(): g for t, g in title_genders().items()}
    out = []
    for r in chosen:
        words = _words(r.text)
        title = r.text.split()[0].rstrip(".").casefold() if r.text.split() else ""
        if r.source != "known" or len(words) != 1 or genders.get(title) != "female":
            out.append(r)
            continue
        wife = _wife_not_child(r, words[0], title, key, keyed)
        if wife is not None:
            out.append(replace(r, replacement=wife, code=wife, ambiguous=True, candidates=(r.code or "", wife)))
            continue
        women = _surname_women(key, keyed, words[0])
        born = [c for c in (declared or {}).get(words[0], []) if c not in women]  # her birth surname
        women += born
        if len(women) < 2 or r.code not in women or _keyed_form_of_one(key, r.text):
            out.append(r)  # "Mrs Kamau" listed for the grandmother only (the mother as "Ms Kamau"): the key says
            continue
        beside = _beside(text, r.start, r.end)
        pick = _role_word_owner(beside, women, key)
        if pick in born and _possessed_role(beside):
            pick = None  # "Mrs Mensah's mother, Ms Boateng": the possessor's relative, not the mother herself
        code = pick or r.code
        out.append(
            replace(
                r,
                replacement=code,
                code=code,
                ambiguous=True,
                candidates=tuple(women),
                resolved_by="sentence_role_word" if pick else (r.resolved_by or "title_surname"),
            )
        )
    return out


def _wife_not_child(r: Replacement, surname: str, title: str, key: Key, keyed: list[_Keyed]) -> str | None:
    """ "Mrs Tevita" coded as a keyed child who carries Tevita as a surname: a woman's title that records never
    give a child (not "Miss") is the one keyed woman who may be called by the name, the partner of a keyed man
    who bears it as surname or as given name (where a father's given name is his children's surname: Fijian,
    Ethiopian, Somali) or the mother of the keyed children who carry it."""
    from .kin_forms import _spouse
    from .known import _child_titles, _family_roles

    person = next((k for k in keyed if k.code == r.code), None)
    if person is None or not person.child or title in _child_titles():
        return None
    women = _surname_women(key, keyed, surname, mothers=True)
    family = _family_roles(key)
    for man in (k for k in keyed if k.gender == "male" and not k.child and surname in k.given):
        wife = _spouse(family, key.by_code(), man.code, "female")
        if wife and wife not in women:
            women.append(wife)
    adults = [w for w in women if not next((k.child for k in keyed if k.code == w), True)]
    return adults[0] if len(adults) == 1 else None


def _initials_of_keyed(chosen: list[Replacement], text: str, key: Key) -> list[Replacement]:
    """An unlisted piece that is capitals ("RL", a note's author) is the one keyed person whose initials they
    are, by the key's names or by the person's coded mentions (a table's "Dr Tobias Okonjo" just joined
    to a keyed "Dr Okonjo" gives TO)."""
    pieces = [r for r in chosen if r.source == "unknown" and _is_person(r) and INITIALS_ONLY.fullmatch(r.text)]
    if not pieces:
        return chosen
    initials = _keyed_initials(key, [r for r in chosen if r.source == "known" and _is_person(r)])
    ids = {id(r) for r in pieces}
    out = []
    for r in chosen:
        fits = sorted(initials.get(r.text.replace(".", ""), ())) if id(r) in ids else []
        out.append(_merge(text, [r], fits[0], fits, "known") if len(fits) == 1 else r)
    return out

"""Known names: every way a name from the key can appear in a draft.

This is the known-identifier scrubbing that reaches ~98% recall in UK
practice (CRIS, CRATE): from each key entry we generate the forms people
actually write (full name, first name, surname alone and after a title,
initial + surname) and match them with one compiled regular expression that
also accepts the slips drafts contain: any case, a line break or several
spaces between words, hyphen/space variants of double-barrelled names, a
full stop after a title or an initial, and a possessive or plural after the
name ("Jade's", "Jade’s", "the Kershaws'").  The longest match wins.

A form that two people share ("Kershaw" for mother and grandfather) must
still be replaced; we pick the best-supported person (a form the author
listed, the title's gender, then the nearest unambiguous mention) and mark
the match `ambiguous` so the author can check it.

Lower-case slips are only trusted when the word is not ordinary English
("kershaw" yes, "will" / "hope" no, unless spaCy tags it a proper noun).
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from ...lexicon import calendar, kin_words, reporting_forms, reporting_forms_pattern, superscript_digits, title_words
from ...resources import load_yaml
from ...spans import overlaps_any
from ..keyfile import Key, Person, infer_child, role_head, title_genders
from . import role_cues
from .derived import KeyedWord, _business_possessive, _in_fixed_phrase, classify, find_derived
from .folding import fold
from .gaelic import surname_variants
from .groups import group_reading
from .initials import (
    attending_initials,
    bare_letter_after_first_name,
    capitals_line,
    code_letters,
    declared_initials,
    lone_letters,
    mid_sentence_initial,
    modifier_abbreviations,
    modifies_next,
    never_initials,
    ordinary_acronym,
    person_verb_after,
    quote_attribution,
    roster_initials,
    signed_letters,
    speaker_label,
    used_as_person,
)
from .kin_forms import kin_forms
from .links import declared_surnames, first_name_with_family_slip, link, maiden_names, own_name_runs
from .scripts import other_script_names

# separators allowed between the words of a name: spaces / a line break, a
# hyphen (with a line break after it) for double-barrelled names, or a dot or
# underscore with no space, as user names and e-mail local parts join them ("june.whitby")
_SEP = r"(?:\s*[-‐‑–—]\s*|\s+|[._](?=[^\W\d_]))"
_TITLE_SEP = r"(?:\.\s*|\s+)"
_INITIAL_SEP = r"(?:\.\s*|\s+)"
_LETTER_SEP = r"(?:\.[ \t]?|[ \t])?"
_APOS = "['’]"
# what may follow a name: nothing word-like, or a plural / possessive s
# a name may touch an underscore ("_Fatima_" in Markdown) and be followed by a footnote number ("Iqbal12")
# (a footnote mark in superscript is no letter: "Ó Súilleabháin¹ told")
_END = r"(?:(?![^\W\d_{sup}])|(?=s(?:['’])?(?![^\W\d_{sup}])))".replace("{sup}", superscript_digits())
_START = r"(?<![^\W_]|@)"
_TITLES_ALLOWING_LOWER = 4  # "mr kershaw" is a slip; "lady kershaw" is not a title use
_SURNAME_PARTICLES = {
    "van",
    "von",
    "de",
    "der",
    "den",
    "du",
    "da",
    "di",
    "del",
    "della",
    "la",
    "le",
    "st",
    "st.",
    "bin",
    "ibn",
    "al",
    "el",
    "ap",
    "mac",
    # Irish and Scottish Gaelic: "Ó Súilleabháin", "Ní Bhriain", "Nic Dhonnchadha", "Uí Néill"
    "ó",
    "o",
    "ní",
    "ni",
    "nic",
    "uí",
    "ui",
    "mhic",
    "bint",
    "ab",
}

# forms used for adults only (children go by first or full name)
ADULT_RULES = frozenset({"title_surname", "title_full_name", "surname", "initial_surname", "title_initial"})
# single-word forms that must not be taken out of a date ("17th May" when a surname is May)
_DATE_BEFORE = re.compile(r"(?<![\d.:/,])\b\d{1,2}(?:st|nd|rd|th)?(?:\s+of)?\s+$", re.IGNORECASE)
_WEEKDAYS = frozenset(d.casefold() for d in calendar().weekdays)
_WEEKDAY_CUES = frozenset(
    "on every last next each this that by until till since from a one the following previous".split()
)
ORDINARY_WORD = "ordinary_word"  # a keyed word-name used as the word ("NHS Trust", "rated Amber", "Ray of Hope")
_SEASONS = frozenset("spring summer autumn winter".split())
_SEASON_CUES = frozenset("in during last next this the early late mid each every".split())
_PERSON_AFTER = re.compile(r"[ \t]+(?:was|is|had|has|said|told|would|will|did|and|who|could)\b")
_SEASON_AFTER = re.compile(r",?[ \t]+(?:of[ \t]+)?(?:19|20)\d{2}\b|[ \t]+(?:term|holidays?|half-term)\b")
_MONTHS = frozenset(m.casefold() for m in calendar().full_months)
_DATE_AFTER = re.compile(r"^,?\s+(?:(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?(?:19|20)\d{2}|\d{1,2}(?:st|nd|rd|th))\b")
# a day number then a year around another language's month word, with at most one short link word on each side
# ("le 3 mai 2024", "el 3 de abril de 2024", "3. toukokuuta 2021"): both numbers are needed, as the word alone
# may be a given name ("Mai", "Abril")
_DAY_BEFORE_ABROAD = re.compile(r"(?<![\d.:/,])\b\d{1,2}\.?[ \t]+(?:[a-z]{1,3}[ \t]+)?$")
_YEAR_AFTER_ABROAD = re.compile(r"^,?[ \t]+(?:[a-z]{1,3}[ \t]+)?(?:19|20)\d{2}\b")


def _month_abroad(text: str, start: int, end: int, word: str) -> bool:
    """ "le 3 mai 2024": a keyed word that is a month in another language (dateparser's CLDR month names, as the
    date recognizers read them), between a day number and a year, is the month."""
    from ..recognizers.month_words import months_abroad

    return (
        word in months_abroad()
        and _DAY_BEFORE_ABROAD.search(text[max(0, start - 12) : start]) is not None
        and _YEAR_AFTER_ABROAD.match(text[end : end + 12]) is not None
    )


@dataclass(frozen=True)
class KnownScores:
    """The keyed-name scores of ``models/names/scores.yaml`` (``known:``), read once; see the file for each."""

    default: float
    rules: dict[str, float]
    middle_name: float
    relative: float
    title_other_gender: float
    lowercase: float
    ambiguous_listed_or_title: float
    ambiguous_other: float

    def of(self, rule: str) -> float:
        """A form's confidence from its rule; a rule the data does not list scores ``default``."""
        return self.rules.get(rule, self.default)


@lru_cache(maxsize=1)
def known_scores() -> KnownScores:
    """Keyed-name confidences are data beside the unknown-name ones, so a team can tune both in one place."""
    data = dict(load_yaml("names", "scores.yaml")["known"])
    rules = {str(rule): float(score) for rule, score in data.pop("rules").items()}
    return KnownScores(rules=rules, **{name: float(score) for name, score in data.items()})


def _ambiguous_cap(how: str) -> float:
    """The most a form several people share can score, by what chose among them."""
    scores = known_scores()
    return scores.ambiguous_listed_or_title if how in ("listed", "title") else scores.ambiguous_other


INITIALS_RULES = frozenset({"initials", "given_initials", "title_initial", "first_initial", "single_initial"})


@dataclass(frozen=True)
class NameForm:
    """One surface form of one person's name."""

    text: str  # canonical spelling, e.g. "Ms Kershaw"
    code: str
    rule: str  # listed / full_name / title_full_name / title_surname / initial_surname / first_name / surname
    listed: bool = False  # the author wrote this exact form in the key
    title_gender: str | None = None  # gender the form's title implies
    tokens: tuple[tuple[str, str], ...] = ()  # (kind, word) with kind in title / initial / word
    family: bool = False  # made from a relative's form of the surname ("Duda" of Dudová): yields to a real one

    @property
    def confidence(self) -> float:
        return known_scores().of(self.rule)


@dataclass(frozen=True)
class NameMatch:
    """A known name found in the text, with the code it stands for."""

    start: int
    end: int  # the name itself; a possessive/plural suffix after it is not included
    text: str
    code: str
    form: str
    rule: str
    confidence: float
    ambiguous: bool = False
    candidates: tuple[str, ...] = ()  # codes that share the form, when ambiguous
    resolved_by: str | None = None  # listed / title / nearest / key_order, when ambiguous
    suffix: str = ""  # "'s", "’s", "s'" or "s" following the name


# ---------------------------------------------------------------- forms
@lru_cache(maxsize=1)
def _title_lookup() -> dict[str, str]:
    """casefolded title -> canonical title."""
    return {t.casefold(): t for t in title_genders()}


def split_title(words: Sequence[str]) -> tuple[str | None, list[str]]:
    """Split a leading honorific off a listed name ("Ms Jane Doe")."""
    lookup = _title_lookup()
    if len(words) > 1 and words[0].rstrip(".").casefold() in lookup:
        return lookup[words[0].rstrip(".").casefold()], list(words[1:])
    return None, list(words)


def split_name(words: Sequence[str]) -> tuple[list[str], list[str]]:
    """Given names and surname words ("Anna van der Berg" -> [Anna], [van, der, Berg])."""
    words = list(words)
    if len(words) < 2:
        return words, []
    if all(w.casefold() in _SURNAME_PARTICLES for w in words[:-1]):
        return [], words  # "ap Dafydd" of "Mr ap Dafydd", "van der Berg": a surname with its particles
    cut = len(words) - 1
    while cut > 1 and words[cut - 1].casefold() in _SURNAME_PARTICLES:
        cut -= 1
    return words[:cut], words[cut:]


@lru_cache(maxsize=1)
def _generation_suffixes() -> frozenset[str]:
    from ...resources import read_lines

    return frozenset(w.casefold() for w in read_lines("names", "generation_suffixes.txt"))


def without_generation(words: Sequence[str]) -> list[str]:
    """A listed name without a trailing "Junior", "Snr", "II" (kept when it is all there is after one word)."""
    words = list(words)
    if len(words) > 2 and words[-1].rstrip(".").casefold() in _generation_suffixes():
        return words[:-1]
    return words


def _initial(word: str) -> str | None:
    letter = word[:1]
    return letter.upper() if letter.isalpha() else None


def _compatible_titles(person: Person) -> list[str]:
    return [t for t, g in title_genders().items() if g is None or person.gender is None or g == person.gender]


def person_forms(person: Person, family_first: frozenset[str] = frozenset()) -> list[NameForm]:
    """Every form of one person's names, with the rule that makes it (`family_first`: family names the key
    writes first for a relative, `family_name_first`)."""
    forms: dict[tuple, NameForm] = {}
    genders = title_genders()

    def add(tokens: list[tuple[str, str]], rule: str, listed: bool = False, family: bool = False) -> None:
        if not any(kind in ("word", "letter", "glued") for kind, _ in tokens):
            return
        title = next((w for k, w in tokens if k == "title"), None)
        text = " ".join(w + ("." if k == "initial" else "") for k, w in tokens)
        key = tuple((k, w.casefold()) for k, w in tokens)
        old = forms.get(key)
        new = NameForm(
            text=text,
            code=person.code,
            rule=rule,
            listed=listed or bool(old and old.listed),
            title_gender=genders.get(title) if title else None,
            tokens=tuple(tokens),
            family=family and not (old and not old.family),
        )
        if (
            old is None
            or new.listed
            and not old.listed
            or known_scores().rules.get(rule, 0) > known_scores().rules.get(old.rule, 0)
        ):
            forms[key] = new

    own_titled = _titled_surnames(person.names)
    for name in keyboard_spellings(person.names):
        title, as_listed = split_title(name.split())
        words = without_generation(as_listed)  # "Tendai Moyo Junior": the name is Tendai Moyo
        markers, personal = split_markers(words)  # "I Made Bagus Aditya": "I", "Made", "Bagus" are anybody's
        _add_marker_forms(add, markers, personal)
        # a relative's order only for a family name and one given name ("Lin Jiahao"): in "Trần Bảo Ngọc" the
        # word a person is called by is the last, so the middle word must not become a first name
        titled_surnames = own_titled | family_first if len(words) == 2 else own_titled
        given, surname = split_name(_given_name_order(words, titled_surnames))
        name_tokens = [("word", w) for w in words]
        # the form exactly as listed
        listed_tokens = ([("title", title)] if title else []) + [("word", w) for w in as_listed]
        rule = (
            "title_surname"
            if title and len(words) == 1
            else "title_full_name"
            if title
            else "full_name"
            if len(words) > 1
            else "listed"
        )
        add(listed_tokens, rule, listed=True)
        if title:
            add(name_tokens, "full_name" if len(words) > 1 else "surname")
        if len(words) == 1:
            if title:  # "Ms Doe" tells us Doe is a surname: give it every title
                for t in _compatible_titles(person) or list(genders):
                    add([("title", t)] + name_tokens, "title_surname")
                _add_gaelic_forms(add, [], words, person)
            elif initial := _initial(words[0]):  # "F. went upstairs" of a child listed as "Femi"
                add([("letter", initial)], "single_initial")
            continue
        sur_tokens = [("word", w) for w in surname]
        _add_gaelic_forms(add, given, surname, person)
        if not given:  # "Mr ap Dafydd": a surname with its particles, and every title before it
            add(sur_tokens, "surname")
            for t in _compatible_titles(person) or list(genders):
                add([("title", t)] + sur_tokens, "title_surname")
            continue
        add([("word", given[0])] + sur_tokens, "full_name")
        add(name_tokens, "full_name")
        first = given[len(markers)] if len(markers) < len(given) else None  # a marker alone is anybody's
        if first and not (len(given) > 1 and fold(given[0]).casefold() in _middle_markers()):  # "Thị" too
            add([("word", first)], "first_name")
            for t in _personal_titles(person):  # "Mr Tesfaye": records that took the first name for a surname
                add([("title", t), ("word", first)], "title_first_name")
        if len(given) > 1:  # "Mei Lin" of "Mei Lin Zhou", "Mary Jane" of "Mary Jane Hollis"
            add([("word", g) for g in given], "first_name")
            if all(g[:1].isalpha() for g in given):  # "Meilin", "Dilmaya": the given names run together
                add([("word", "".join(given))], "first_name")
            # the last two names as one surname ("Mr Hama Karim", "Mr Hamakarim" of Rebwar Hama Karim)
            joined = given[-1] + "".join(surname)
            for t in _personal_titles(person):
                add([("title", t), ("word", given[-1])] + sur_tokens, "title_surname")
                add([("title", t), ("word", joined)], "title_surname")
        add(sur_tokens, "surname")
        for t in genders:  # all titles: the ambiguity step uses the title's gender
            add([("title", t)] + sur_tokens, "title_surname")
            add([("title", t)] + name_tokens, "title_full_name")
            add([("title", t), ("word", given[0])] + sur_tokens, "title_full_name")
        _add_surname_variants(add, given, surname, _compatible_titles(person) or list(genders))
        initials = [_initial(w) for w in given]
        _add_initials(add, given, surname, initials, genders)
        if len(caps := name_capitals(words)) >= 3:  # "MFG" of Maria de Fátima Gonçalves, "SLQ" of Sarah Le Quesne
            add([("word", caps)], "initials")
        letters_of_given = [i for i in initials if i]
        if len(letters_of_given) == len(initials):  # every given name starts with a letter
            initial_sets = [[letters_of_given[0]]]
            parts = [part for part in re.split(r"[-‐‑]", given[0]) if part]
            part_letters = [i for part in parts if (i := _initial(part))]
            if len(parts) > 1 and len(part_letters) == len(parts):  # "K.W. Leung" of Ka-Wai Leung
                initial_sets.append(part_letters)
            if len(letters_of_given) > 1:
                initial_sets.append(letters_of_given)
                add([("word", given[0])] + [("initial", i) for i in letters_of_given[1:]] + sur_tokens, "full_name")
            for letters in initial_sets:
                add([("initial", i) for i in letters] + sur_tokens, "initial_surname")
                if len(letters) > 1:  # "KA Whitlock": the given names' letters run together
                    add([("word", "".join(letters))] + sur_tokens, "initial_surname")
                for t in _compatible_titles(person) or list(genders):  # "Dr K.W. Leung", "Mrs N. Chowdhury"
                    add([("title", t)] + [("initial", i) for i in letters] + sur_tokens, "title_full_name")
            if len(parts) > 1 and len(part_letters) == len(parts):  # "K-A Whitlock", "Ms K-A. Whitlock"
                hyphened = [("hletters", "-".join(part_letters))]
                add(hyphened + sur_tokens, "initial_surname")
                for t in _compatible_titles(person) or list(genders):
                    add([("title", t)] + hyphened + sur_tokens, "title_full_name")
    # title forms that do not fit the person's gender stay (a slip in the draft
    # must not leave the name) but are only used when no better person fits
    return list(forms.values())


@lru_cache(maxsize=1)
def _name_markers() -> tuple[tuple[tuple[str, ...], ...], frozenset[str]]:
    """Opening marker phrases (longest first) and the words that may follow them (``opening_markers`` and
    ``following_markers`` of models/names/name_shapes.yaml: Balinese sex, birth-order and caste words)."""
    shapes = load_yaml("names", "name_shapes.yaml")
    opening = sorted((tuple(p.split()) for p in shapes.get("opening_markers", ())), key=len, reverse=True)
    return tuple(opening), frozenset(shapes.get("following_markers", ()))


def split_markers(words: Sequence[str]) -> tuple[list[str], list[str]]:
    """The marker words a name opens with, and the rest ("I Made Bagus Aditya" -> [I, Made, Bagus], [Aditya]).
    Markers say sex, birth order or caste and are shared by strangers, so they must never become a one-word
    form (the pronoun "I" of a keyed "I Nyoman ...").  Case as written; a name of markers only stays whole."""
    words = list(words)
    opening, following = _name_markers()
    lead = next((len(p) for p in opening if tuple(words[: len(p)]) == p), 0)
    if not lead:
        return [], words
    while lead < len(words) and words[lead] in following:
        lead += 1
    if lead >= len(words):
        return [], words
    return words[:lead], words[lead:]


def _add_marker_forms(add, markers: list[str], words: list[str]) -> None:
    """Records drop the sex marker but keep a birth-order or caste word before the personal name or the last
    name ("Made Aditya", "Wayan Pradnyani", "Ketut Sriasih"): with a personal word after it, it is the person;
    so are its initials before the last name, with or without the sex marker ("Ni K. Wulandari")."""
    following = _name_markers()[1]
    for marker in [m for m in markers[1:] if m in following]:
        add([("word", marker)] + [("word", w) for w in words], "full_name")
        if len(words) > 1:
            add([("word", marker), ("word", words[-1])], "full_name")
    rest = (markers + words)[1:]  # without the sex marker: "K. Wulandari", "Ni K. Wulandari" of Ni Kadek ...
    if not markers or len(rest) < 2 or not all(_initial(w) for w in rest[:-1]):
        return
    for letters in ([rest[0]], rest[:-1]):
        initials = [("initial", _initial(w) or "") for w in letters]
        add(initials + [("word", rest[-1])], "initial_surname")
        add([("word", markers[0])] + initials + [("word", rest[-1])], "initial_surname")


def _personal_titles(person: Person) -> list[str]:
    """The everyday titles ("Mr", "Ms", "Dr") that fit the person's gender."""
    personal = title_words(personal=True, casefold=True)
    return [t for t in _compatible_titles(person) if t.casefold() in personal]


def _titled_surnames(names: Sequence[str]) -> set[str]:
    """Words the key itself puts after a title alone ("Mrs Wong"): those are surnames."""
    out = set()
    for name in names:
        title, words = split_title(name.split())
        if title and len(words) == 1:
            out.add(words[0])
    return out


def family_name_first(key: Key) -> frozenset[str]:
    """Family names the key itself writes first: the first word of a person's full name that is also their
    own surname after a title ("Lin Jianhua" beside "Mr Lin").  A relative's full name starting with the same
    word is written family name first too ("Lin Jiahao", the son): Lin is the boy's surname, not his given
    name (`person_forms` applies this to two-word names only).  A surname only written last ("Dylan Thomas",
    "Mr Thomas") says nothing of anybody's order."""
    out = set()
    for person in key.people:
        titled = _titled_surnames(person.names)
        for name in person.names:
            _, words = split_title(name.split())
            if len(words) > 1 and words[0] in titled and words[-1] not in titled:
                out.add(words[0])
    return frozenset(out)


def _given_name_order(words: list[str], titled_surnames: set[str] | frozenset[str]) -> list[str]:
    """A name written family name first ("Wong Siu Ling" beside "Mrs Wong"; Chinese, Vietnamese,
    Korean, Hungarian order) is read as given names then surname, so its initials and short
    forms come out right ("S.L. Wong", "Siu Ling"); other names are left as written."""
    if len(words) > 1 and words[0] in titled_surnames and words[-1] not in titled_surnames:
        return words[1:] + words[:1]
    if len(words) == 3 and fold(words[1]).casefold() in _middle_markers():
        return words[1:] + words[:1]  # "Nguyễn Văn Nam": a Vietnamese middle name marks the family name first
    return words


@lru_cache(maxsize=1)
def _middle_markers() -> frozenset[str]:
    """Vietnamese middle names (Thị, Văn) that mark a three-word name as family name first
    (``middle_markers`` of models/names/name_shapes.yaml)."""
    return frozenset(fold(w).casefold() for w in load_yaml("names", "name_shapes.yaml").get("middle_markers", ()))


def _add_gaelic_forms(add, given: list[str], surname: list[str], person: Person) -> None:
    """The surname's Gaelic, English and women's Gaelic forms ("Ms NicDhòmhnaill" of a keyed MacDonald,
    "Mr O'Sullivan" of Ó Súilleabháin): alone when not an English word, after a title, after the first name."""
    from .derived import _common_words, _gazetteer_first
    from .family_forms import family_surnames

    titles = _compatible_titles(person) or list(title_genders())
    family = family_surnames(" ".join(surname))  # "Mrs Duda" of Dudová, "Kazlauskas" of Kazlauskienė
    for variant in surname_variants(" ".join(surname), person.gender) + list(family):
        tokens = [("word", w) for w in variant.split()]
        if variant in family and fold(variant).casefold() in _gazetteer_first():
            pass  # "Duda", "Dave" (of Davis): a first name too, so only after a title or a first name
        elif len(tokens) > 1 or fold(variant).casefold() not in _common_words():
            add(tokens, "surname", family=variant in family)  # "Grant" of a keyed Grannd: a title or a first name
        for t in titles:
            add([("title", t)] + tokens, "title_surname", family=variant in family)
        if given:
            add([("word", given[0])] + tokens, "full_name", family=variant in family)


def _add_surname_variants(add, given: list[str], surname: list[str], titles: list[str]) -> None:
    """Shorter ways drafts write a particle or double-barrelled surname.

    "Mr Gruffydd" of Rhodri ap Gruffydd (the particle dropped after a title), "Mr Vandermerwe" of
    van der Merwe (the particles run in), "Dr M-Llewelyn"
    and "Siân M-Llewelyn" of Morgan-Llewelyn (its first part cut to an
    initial), "Dr M-L" (both parts), "Jo Ann-Smith"'s "Ms A-S"; each with the
    titles that fit the person.
    """
    core = [w for w in surname if w.casefold() not in _SURNAME_PARTICLES]
    if core and len(core) < len(surname):  # only with a title: a bare "Berg" or "Cruz" is too often a word
        joined = "".join(surname)  # "Vandermerwe", "Dasilva": the particles run into the surname
        add([("word", joined)], "surname")
        for t in titles:
            add([("title", t)] + [("word", w) for w in core], "title_surname")
            add([("title", t), ("word", joined)], "title_surname")
    _add_apostrophe_particle_forms(add, given, surname, titles)
    parts = [p for p in re.split(r"[-‐‑]", surname[-1]) if p]
    if len(surname) == 1 and len(parts) == 2 and parts[0].casefold() in _SURNAME_PARTICLES and len(parts[1]) >= 4:
        _add_hyphened_particle_forms(add, parts, titles)
    if len(parts) != 2 or not all(_initial(p) for p in parts) or len(parts[1]) < 3:
        return
    cut = f"{_initial(parts[0])}-{parts[1]}"  # "M-Llewelyn"
    letters = f"{_initial(parts[0])}-{_initial(parts[1])}"  # "M-L"
    add([("word", given[0]), ("word", cut)], "full_name")
    for t in titles:
        add([("title", t), ("word", cut)], "title_surname")
        add([("title", t), ("word", given[0]), ("word", cut)], "title_full_name")
        add([("title", t), ("word", letters)], "title_initial")


def _add_apostrophe_particle_forms(add, given: list[str], surname: list[str], titles: list[str]) -> None:
    """ "Dr O'Riordain" of a keyed "Ó Riordáin": English records write a particle that stands apart in the
    language as an apostrophe form glued to the surname (name_shapes.yaml `apostrophe_particles`)."""
    if len(surname) != 2:
        return
    glued = _apostrophe_particles().get(fold(surname[0]).casefold())
    if not glued:
        return
    word = f"{glued}{surname[1]}"
    add([("word", word)], "surname")
    for t in titles:
        add([("title", t), ("word", word)], "title_surname")
    if given:
        add([("word", given[0]), ("word", word)], "full_name")


@lru_cache(maxsize=1)
def _apostrophe_particles() -> dict[str, str]:
    data = load_yaml("names", "name_shapes.yaml").get("apostrophe_particles") or {}
    return {fold(str(k)).casefold(): str(v) for k, v in data.items()}


def _add_hyphened_particle_forms(add, parts: list[str], titles: list[str]) -> None:
    """ "Almaqtari", "Al Maqtari" and (after a title) "Mr Maqtari" of a keyed Al-Maqtari: records glue the
    article on, part it with a space or drop it.  The bare core only after a title (it may be a word)."""
    glued = parts[0] + parts[1].lower()
    add([("word", glued)], "surname")
    add([("word", parts[0]), ("word", parts[1])], "surname")
    for t in titles:
        add([("title", t), ("word", parts[1])], "title_surname")
        add([("title", t), ("word", glued)], "title_surname")
        add([("title", t), ("word", parts[0]), ("word", parts[1])], "title_surname")


def _add_initials(add, given: list[str], surname: list[str], initials: list[str | None], genders) -> None:
    """Initials of a full name: "J.K.", "JK", "J. L. K.", "Mr K.", "Jade K." (letters are case-sensitive)."""
    sur = [_initial(w) for w in surname if w.casefold() not in _SURNAME_PARTICLES][:1]
    if not sur or not sur[0] or not initials or not initials[0]:
        return
    add([("letter", initials[0]), ("letter", sur[0])], "initials")
    if len(surname) == 1 and surname[0][1:].isalpha() and surname[0][1:].islower():
        # "GPugh" in a crew line: the initial typed against the surname, capital and all (case-sensitive)
        add([("glued", initials[0] + surname[0])], "initial_surname")
    add([("letter", initials[0])], "single_initial")  # "N. said": only with its stop and a person's context
    particles = [w for w in surname[:-1] if w.casefold() in _SURNAME_PARTICLES]
    if particles:  # Welsh, Dutch, Arabic patronymics: "H. ap D.", "H.ap D.", "A. bin S."
        add([("letter", initials[0])] + [("word", w) for w in particles] + [("letter", sur[0])], "initials")
        # the particle's own letter in lower case: "R.a.G.", "RaG" of Rhodri ap Gruffydd, "A.b.S."
        add([("letter", initials[0])] + [("letter", w[0]) for w in particles] + [("letter", sur[0])], "initials")
    if len(initials) > 1 and all(initials):
        add([("letter", i) for i in initials] + [("letter", sur[0])], "initials")
    sur_parts = [p for p in re.split(r"[-‐‑]", surname[-1]) if p]
    if len(sur_parts) > 1 and all(_initial(p) for p in sur_parts):  # "TCW" of Tyrese Campbell-Whyte
        add([("letter", initials[0])] + [("letter", _initial(p)) for p in sur_parts], "initials")
        # "Y.A-H." of Yusuf Al-Hamwi: the surname's letters keep its hyphen
        add([("letter", initials[0]), ("hletters", "-".join(_initial(p) or "" for p in sur_parts))], "initials")
    _add_given_letters(add, given, sur[0])
    add([("word", given[0]), ("letter", sur[0])], "first_initial")
    for word in given[1:] + surname[:-1]:  # "Luciana B" of Luciana Barbosa da Silva: a later name's letter
        if word.casefold() not in _SURNAME_PARTICLES and (letter := _initial(word)):
            add([("word", given[0]), ("letter", letter)], "first_initial")
    parts = [p for p in re.split(r"[-‐‑]", surname[-1]) if p]
    letters = [i for p in parts if (i := _initial(p))]
    if len(parts) > 1 and len(letters) == len(parts):  # "Joanne K-S" of Kershaw-Smith
        add([("word", given[0]), ("word", "-".join(letters))], "full_name")
    for t in genders:
        add([("title", t), ("letter", sur[0])], "title_initial")
    _add_clan_initials(add, given, surname, genders)


def name_capitals(words: Sequence[str]) -> str:
    """The capitals a name is initialled by: each capitalised word's and hyphened part's first letter and the
    capital after a Mc/Mac/O' prefix ("MFG" of Maria de Fátima Gonçalves: a lower-case particle has none;
    "SLQ" of Sarah Le Quesne; "GMA" of Gordon McAteer, written "GMcA")."""
    out = []
    for word in words:
        for part in (p for p in re.split(r"[-‐‑]", word) if p):
            if not part[:1].isupper():
                continue
            out.append(fold(part[0]))
            if m := _CLAN_PREFIX.match(part):
                out.append(fold(m.group(2)).upper())
    return "".join(out)


def _add_given_letters(add, given: list[str], sur: str) -> None:
    """Initials of a hyphenated or two-word given name: "KWL" and "KW" of Ka-Wai Leung, "AC" of Ana Clara
    Barbosa (the given names' letters alone are how notes sign and name a child called by both names)."""
    letters = [i for word in given for part in re.split(r"[-‐‑]", word) if part and (i := _initial(part))]
    if len(letters) < 2:
        return
    add([("letter", i) for i in letters] + [("letter", sur)], "initials")
    add([("letter", i) for i in letters], "given_initials")  # yields to someone whose full initials they are


_CLAN_PREFIX = re.compile(r"(O['’]|D['’]|Mac|Mc|Fitz)([^\W\d_])")


def _part_initials(word: str) -> str:
    """ "O'D" of O'Driscoll, "McG-K" of McGuinness-Kaur, "K-A" of Kerry-Ann: each hyphenated part's
    initial, with an Irish or Scottish prefix kept ("O'", "Mc", "Mac")."""
    out = []
    for part in (p for p in re.split(r"[-‐‑]", word) if p):
        m = _CLAN_PREFIX.match(part)
        out.append(m.group(1) + m.group(2).upper() if m else part[0].upper())
    return "-".join(out)


def _add_clan_initials(add, given: list[str], surname: list[str], genders) -> None:
    """Initials that keep a surname's prefix or a hyphenated name's parts: "K-A O'D" of Kerry-Ann
    O'Driscoll, "Mrs McG-K" of McGuinness-Kaur (the plain letters are made in `_add_initials`)."""
    core = [w for w in surname if w.casefold() not in _SURNAME_PARTICLES]
    if not core or not given or not given[0][:1].isalpha():
        return
    sur = _part_initials(core[-1])
    first = _part_initials(given[0])
    if len(sur) == 1 and len(first) == 1:
        return
    add([("word", first), ("word", sur)], "initials")
    add([("word", first + sur)], "initials")  # "AS-M" of Abena Sarpong-Mensah, "GMcA" of Gordon McAteer: run together
    if len(sur) > 1:
        for t in genders:
            add([("title", t), ("word", sur)], "title_initial")


def keyboard_spellings(names: Sequence[str]) -> list[str]:
    """The key's names and, for a name with a letter English keyboards lack and accents do not explain
    (Icelandic þ, æ; German ß; Old English-style œ), the name as an English record types it: "Einar
    Þórsson" is "Einar Thorsson" on a police or housing system.  The spelling is the transliteration
    passports print in their machine-readable line (ICAO Doc 9303 part 3: Þ -> TH, Æ -> AE, ß -> SS),
    which `anyascii` also gives; letters that only carry accents are folded by the matcher itself."""
    out = list(names)
    for name in names:
        if _latin_letters_english_lacks(name):
            from anyascii import anyascii

            out.append(anyascii(name))
    return out


def _latin_letters_english_lacks(name: str) -> bool:
    """`name` is in Latin letters, and one of them is still no English letter once accents are folded
    (þ, æ; a Cyrillic key name is left to the other-script matcher)."""
    if name.isascii():
        return False
    letters = [ch for ch in name if ch.isalpha()]
    latin = all("LATIN" in unicodedata.name(ch, "") for ch in letters)
    # thorn folds to t (folding.py) for the records that write "Torsson", and is still "Th" on the others
    folded = fold("".join(letters)).casefold()
    return latin and (any(ch in "þÞ" for ch in letters) or any(not ("a" <= ch <= "z") for ch in folded))


def name_forms(person: Person) -> list[str]:
    """The surface forms generated for one key entry (canonical spellings)."""
    return [form.text for form in person_forms(person)]


# ---------------------------------------------------------------- regex
def _word_regex(word: str) -> str:
    parts = re.split(r"[-‐‑–—]", word)
    out = []
    for part in parts:
        out.append("".join(_APOS if ch in "'’" else re.escape(ch) for ch in fold(part)))  # matched on folded text
    return _SEP.join(out)


def _title_regex(title: str) -> str:
    variants = {title, title.upper()}
    if len(title) <= _TITLES_ALLOWING_LOWER and title not in {"Miss", "Sir", "Lady", "Lord", "Dame"}:
        variants.add(title.lower())
    return "(?-i:" + "|".join(sorted(map(re.escape, variants), key=len, reverse=True)) + ")"


def _token_regex(kind: str, word: str) -> tuple[str, str]:
    """(regex for the token, separator regex after it)."""
    if kind == "title":
        return _title_regex(word), _TITLE_SEP
    if kind == "initial":
        return f"(?-i:{re.escape(fold(word))})", _INITIAL_SEP
    if kind == "letter":  # initials run together or apart: "J.K.", "J. K.", "JK"; never the "O" of "O'Brien"
        return f"(?-i:{re.escape(fold(word))})" + r"(?![’'](?!s(?!\w))\w)(?![-‐‑][A-Za-z])", _LETTER_SEP
    if kind == "glued":  # "GPugh": only with its two capitals, never the word "gpugh"
        return f"(?-i:{re.escape(fold(word))})", _SEP
    if kind == "hletters":  # a hyphenated surname's letters, stops optional: "A-H", "A.-H"
        rx = r"\.?[-‐‑]".join(re.escape(fold(p)) for p in word.split("-"))
        return f"(?-i:{rx})" + r"(?![’'](?!s(?!\w))\w)(?![-‐‑][A-Za-z])", _LETTER_SEP
    return _word_regex(word), _SEP


def _build_trie(forms: Iterable[NameForm]) -> dict:
    trie: dict = {}
    for form in forms:
        node = trie
        for kind, word in form.tokens:
            rx, sep = _token_regex(kind, word)
            node = node.setdefault((rx, sep), {})
        node[None] = True
    return trie


def _trie_regex(node: dict) -> str:
    alternatives = []

    # branches that must go on first ("D. Holt" before "D." that may end there), then longer tokens first:
    # an alternation takes its first success, not its longest
    def order(k):
        child = node[k]
        must_go_on = None not in child and any(c is not None for c in child)
        return (must_go_on, len(k[0]))

    for key in sorted((k for k in node if k is not None), key=order, reverse=True):
        rx, sep = key
        child = node[key]
        rest = _trie_regex(child) if any(k is not None for k in child) else None
        if rest is None:
            alternatives.append(rx)
        elif None in child:
            alternatives.append(f"{rx}(?:{sep}{rest})?")
        else:
            alternatives.append(f"{rx}{sep}{rest}")
    return "(?:" + "|".join(alternatives) + ")"


def one_token(doc, start: int, end: int):
    """The parse's one token at exactly [start, end), or None (no token boundary there, or several tokens):
    the rules that ask what the parse made of a single name word."""
    span = doc.char_span(start, end)
    return span[0] if span is not None and len(span) == 1 else None


def normalise_match(text: str) -> str:
    """Normalise matched text to the key of the form that produced it."""
    text = fold(text).replace("’", "'").replace(".", " ").replace("_", " ")
    text = re.sub(r"[-‐‑–—]", " ", text)
    return re.sub(r"\s+", " ", text).strip().casefold()


def _form_key(form: NameForm) -> str:
    return normalise_match(" ".join(w for _, w in form.tokens))


# ---------------------------------------------------------------- lexicon
@lru_cache(maxsize=4)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


@lru_cache(maxsize=4)
def english_lexicon(nlp) -> frozenset[str]:
    """Ordinary English words, from the model's own lemmatizer tables (WordNet index).

    Used to tell a lower-case name slip ("kershaw") from an ordinary word that
    happens to be a first name ("will", "hope").  Falls back to stop words.
    """
    words = set(_stop_words())
    try:
        lookups = nlp.get_pipe("lemmatizer").lookups
        if lookups.has_table("lemma_index"):
            for values in lookups.get_table("lemma_index").values():
                words.update(values)
    except (KeyError, AttributeError):
        pass
    return frozenset(words)


# ---------------------------------------------------------------- matcher
@dataclass
class KnownNameMatcher:
    """All forms of all people in a key, compiled once."""

    key: Key
    lexicon: frozenset[str] = field(default_factory=_stop_words)
    protected: frozenset[str] = frozenset()  # role codes never to be replaced

    def __post_init__(self) -> None:
        self.forms: dict[str, list[NameForm]] = {}
        all_forms = []
        family_first = family_name_first(self.key)
        for person in self.key.people:
            for form in person_forms(person, family_first):
                all_forms.append(form)
                self.forms.setdefault(_form_key(form), []).append(form)
        self.people = self.key.by_code()
        self.keyed_words = _keyed_words(self.key)
        self.protected = frozenset(self.protected) | frozenset(self.key.codes())
        self.regex = (
            re.compile(_START + _trie_regex(_build_trie(all_forms)) + _END, re.IGNORECASE) if all_forms else None
        )

    # -- candidates for one matched form --------------------------------
    def _candidates(self, matched: str) -> list[NameForm]:
        key = normalise_match(matched)
        forms = self.forms.get(key) or (self.forms.get(" ".join(key), []) if key.isalpha() and len(key) <= 4 else [])
        by_code: dict[str, NameForm] = {}
        for form in forms:  # one per person: the best-supported form
            old = by_code.get(form.code)
            if old is None or (form.listed, form.confidence) > (old.listed, old.confidence):
                by_code[form.code] = form
        found = list(by_code.values())
        if any(f.rule == "initials" for f in found):  # "TM" of Tendai Moyo, not of Tendai Moyo Junior's given names
            found = [f for f in found if f.rule != "given_initials"]
        # "Lakatoš" is the man keyed so, not his wife's "Lakatošová"; but "Mrs Lakatoš" is the wife
        own = [f for f in found if not f.family]
        return own if any(self._fits_title(f) for f in own) else found

    def _lower_case_common(self, matched: str, forms: list[NameForm]) -> bool:
        """A lower-case hit that is ordinary English: a common word ("hope"), or a phrase with a function
        word ("will hope")."""
        if any(ch.isupper() for ch in matched):
            return False
        if any(kind == "title" for kind, _ in forms[0].tokens):
            return False
        words = [w.casefold() for k, w in forms[0].tokens if k == "word"]
        if len(words) > 1:
            # "martin webb" is a full name typed in lower case; "will hope" is a verb phrase
            return any(w in _stop_words() for w in words)
        return all(w in self.lexicon or w.replace("-", " ") in self.lexicon for w in words)

    def find(self, text: str, doc=None) -> list[NameMatch]:
        """Every known-name mention in `text`, non-overlapping, in order."""
        return self.search(text, doc).matches

    def search(self, text: str, doc=None) -> NameSearch:
        """Known-name mentions (exact and derived forms) and the mentions deliberately kept (with why)."""
        if self.regex is None:
            return NameSearch([], [])
        raw: list[tuple[int, int, str, list[NameForm]]] = []
        kept: list[KeptMention] = []
        pending: list[tuple[int, int, str, list[NameForm]]] = []
        for m in self.regex.finditer(fold(text)):  # same offsets: "Wojcik" finds "Wójcik" and the other way round
            start, end = m.start(), m.end()
            matched = text[start:end]
            if matched in self.protected or matched.rstrip(".") in self.protected:
                continue
            forms = self._candidates(matched)
            if not forms:
                continue
            if forms[0].rule in INITIALS_RULES:
                if not self._initials_ok(text, start, end, matched, forms, doc):
                    if forms[0].rule in ("initials", "given_initials") and matched.isalpha():
                        pending.append((start, end, matched, forms))  # a later use may show it is the person
                    first = re.match(r"[^\W\d_][\w'’-]*", matched) if forms[0].rule == "first_initial" else None
                    forms = self._candidates(first.group(0)) if first else []
                    if not forms or first is None:
                        continue
                    end = start + first.end()  # "Jade K said": the first name stands alone
                    matched = text[start:end]
                end += _initials_dot(text, end)
                matched = text[start:end]
            if (
                self._lower_case_common(matched, forms)
                and not _is_propn(doc, start, end)
                and not (forms[0].rule == "first_name" and _lower_case_slip(text, start, end))
            ):
                continue
            if " " not in matched.strip() and _in_fixed_phrase(text, start, end):
                kept.append(KeptMention(start, end, matched, forms[0].code, "part_of_fixed_phrase"))
                continue  # "Clare's Law", "Moses basket": a phrase of models/names/not_people.yaml
            if self._word_not_name(text, start, end, forms, doc):
                if self._used_as_word(text, start, end, doc):
                    kept.append(KeptMention(start, end, matched, forms[0].code, ORDINARY_WORD))
                continue  # (kept: logged, so an unlisted-name proposal over the same word does not bring it back)
            if (
                self._in_date(text, start, end, forms)
                or self._modifier(text, start, end, forms, doc)
                or _business_possessive(text, start, _suffix(text, end)[:1] in ("'", "’"))
            ):
                continue
            raw.append((start, end, matched, forms))
        raw = [_with_rank(text, _run_on(text, r)) for r in raw]
        raw += used_as_person(text, raw, pending, doc, self.protected)  # "DL tells …" makes "Sibling DL (4)" him
        raw += roster_initials(text, raw, pending, doc, self.protected)  # "FG (consultant), ST (reg)", "| JH |"
        raw += attending_initials(text, raw, pending, doc, self.protected)  # "Present: Ruth Ellery" then "RE to"
        raw += self._initials_after_keyed_role(text, raw, pending)  # "Clinical navigator (RC)"
        raw += used_as_person(text, raw, pending, doc, self.protected)  # the roster's finds vouch for other uses
        raw += declared_initials(text, raw, self.protected, self._key_capitals())  # "| Hannah Pryce | HP |"
        raw = self._places(text, raw, kept, doc)
        strangers: set[str] = set()
        raw = link(self, text, raw, strangers)  # "Nasima Begum", "N. Begum", "Anwar Chowdhury", "Nasima Choudhury"
        raw = [r for r in raw if not self._english_alias_use(r, doc)]  # "Nine days passed" of a grandmother "Nine"
        raw = declared_surnames(self, text, maiden_names(self, text, raw))  # "(née Orban)", then "Ms Orban"
        raw += self._given_before_own_surname(text, raw, kept)  # "Bridget Ward" once "(née Ward)" is hers
        raw = self._strangers_titled(raw, strangers)
        raw += self._derived(text, raw, doc)
        raw = first_name_with_family_slip(self, text, raw)  # "Marta Berzin": the given name's person
        raw = own_name_runs(self, text, raw)  # "Jamal Aydemir" of Cemal Aydemir, once "Jamal" is found his
        raw = declared_surnames(self, text, maiden_names(self, text, raw))  # again, with the slips' full names
        raw = kin_forms(self, text, raw)  # "anh Long", "Sami jan", "Abu Yusuf", "at Gogo's"
        raw += other_script_names(self.key, text, raw)  # "서연" of the keyed Seo-yeon
        raw += lone_letters(self, text, raw, doc)  # "D refused to speak", "Seen Y and A.C."
        raw += signed_letters(self, text, raw)  # "I'll be at the meeting. J"
        raw += code_letters(self, text, raw)  # "L (a boy, aged 8)": the letter of the keyed code "Child L"
        words = [r for r in raw if self._lower_case_word(text, r, doc)]  # "hina dolls", "*koro* (grandfather)"
        if words:  # kept, with why, so no unlisted-name repeat of the word brings the person back
            kept += [KeptMention(s, e, t, forms[0].code, ORDINARY_WORD) for s, e, t, forms in words]
            raw = [r for r in raw if r not in words]
        raw.sort(key=lambda r: r[0])
        middles: list[tuple[str, str]] = []
        matches = _merge_adjacent(text, self._resolve(text, raw), middles)
        return NameSearch(sorted(matches + self._middle_names(text, matches, middles), key=lambda m: m.start), kept)

    def _english_alias_use(self, hit, doc) -> bool:
        """A declared name that is an English word, used here as that word: the parse makes it the number or
        modifier of a noun after it ("Nine days passed", "Sugar and salt advice" where a grandmother is called
        Nine or Sugar).  A name is the subject, object or possessor ("Nine is here", "see Nine", "Nine's")."""
        from .derived import _common_words

        start, end, matched, forms = hit
        if doc is None or forms[0].rule != "alias" or fold(matched).casefold() not in _common_words():
            return False
        return _any_token(doc, start, end, _modifies_noun_after)

    def _lower_case_word(self, text: str, hit, doc) -> bool:
        """A lower-case hit the draft uses as a word of the family's language (`family_language_word`)."""
        start, end, _matched, _forms = hit
        return family_language_word(text, start, end, doc, frozenset(kw.folded for kw in self.keyed_words))

    def _key_capitals(self) -> dict[str, set[str]]:
        """Code -> the capitals of each of the person's key names of two words or more, titles left out ("CO'H"
        of Mr Ciarán O'Hare: `name_capitals`, with the capital after an O'/Mc prefix)."""
        titles = {t.casefold() for t in title_words()}
        out: dict[str, set[str]] = {}
        for person in self.key.people:
            for name in person.names:
                words = [w for w in name.split() if w.rstrip(".").casefold() not in titles]
                if len(words) >= 2:
                    out.setdefault(person.code, set()).add(name_capitals(words))
        return out

    def _initials_after_keyed_role(self, text: str, raw: list, pending: list) -> list:
        """ "Clinical navigator (RC) on call", "the health visitor (JH)": run-together initials in brackets right
        after the role the key gives the one person they fit (its words before any comma): the draft names
        the person by role and initials together, so the capitals are theirs, even when they spell an
        abbreviation."""
        taken = [(r[0], r[1]) for r in raw]
        out = []
        for start, end, matched, forms in pending:
            if text[start - 1 : start] != "(" or text[end : end + 1] != ")" or overlaps_any(taken, start, end):
                continue
            before = " ".join(re.findall(r"[^\W\d_]+", text[max(0, start - 60) : start - 1].casefold()))
            fits = [f for f in forms if self._role_words_end(before, f.code)]
            if len({f.code for f in fits}) == 1:
                out.append((start, end, matched, fits[:1]))
                taken.append((start, end))
        return out

    def _role_words_end(self, before: str, code: str) -> bool:
        """`before` (lower-case words) ends with the first part of the person's keyed role ("clinical
        navigator" of "Clinical navigator, emergency operations centre")."""
        role = self.people[code].role or ""
        head = " ".join(re.findall(r"[^\W\d_]+", re.split(r"[,(;]", role_head(role))[0].casefold()))
        return bool(head) and (before == head or before.endswith(" " + head))

    def _given_before_own_surname(self, text: str, raw: list, kept: list[KeptMention]) -> list:
        """A given name set aside as part of a place's or body's name ("Bridget Ward", "Ward" being a
        hospital's word) that stands right before a surname the draft has since shown to be the same person's
        (her declared maiden name): a person's full name, not a place; taken back out of `kept`."""
        surname_at = {r[0]: {f.code for f in r[3]} for r in raw if all(f.rule == "surname" for f in r[3])}
        out = []
        for k in list(kept):
            if k.reason != "part_of_place_or_organisation_name":
                continue
            gap = re.match(r"[ \t]+", text[k.end : k.end + 4])
            codes = surname_at.get(k.end + gap.end(), set()) if gap else set()
            forms = [f for f in self._candidates(k.text) if f.code in codes]
            if len(codes) == 1 and forms:
                out.append((k.start, k.end, k.text, forms))
                kept.remove(k)
        return out

    def _middle_names(self, text: str, matches: list[NameMatch], middles: list[tuple[str, str]]) -> list[NameMatch]:
        """ "Dr bin Salem", "Ms Begum": a name the draft gives a keyed person between their keyed first name and
        surname ("Mohammed bin Salem al-Yafei", "Shahanara Begum Talukdar") is theirs after a title too."""
        learned: dict[str, str] = {}
        for middle, code in middles:
            low = fold(middle).casefold()
            if not any(kw.folded == low for kw in self.keyed_words) and low not in _stop_words():
                learned.setdefault(middle, code)
        if not learned:
            return []
        titles = "|".join(sorted(map(re.escape, _title_lookup().values()), key=len, reverse=True))
        taken = [(m.start, m.end) for m in matches]
        out = []
        for middle, code in learned.items():
            words = r"[ \t]+".join(map(re.escape, middle.split()))
            for m in re.finditer(rf"(?<![\w.])(?:{titles})\.?[ \t]+{words}(?![\w'’-])", text):
                if any(s < m.end() and m.start() < e for s, e in taken):
                    continue
                out.append(_middle_name_match(text, m, code, middle))
                taken.append((m.start(), m.end()))
        return out + self._bare_middle_names(text, learned, taken)

    def _bare_middle_names(self, text: str, learned: dict[str, str], taken: list[tuple[int, int]]) -> list[NameMatch]:
        """ "Piroska, as her sister calls her": a one-word middle name the draft gives a keyed person ("Ildiko
        Piroska Varga") is theirs standing alone too, one sense per document, when it is no English word and
        stands apart from other capitalised words (not the start of somebody else's full name)."""
        out = []
        for middle, code in learned.items():
            if " " in middle or not middle[:1].isupper() or fold(middle).casefold() in self.lexicon:
                continue
            for m in re.finditer(rf"(?<![\w.'’-]){re.escape(middle)}(?![\w'’-]|[ \t]+[A-Z])", text):
                if any(s < m.end() and m.start() < e for s, e in taken) or _NAME_WORD_BEFORE.search(
                    text, max(0, m.start() - 30), m.start()
                ):
                    continue  # "Ayaan Yusuf": the surname of somebody else whose given name stands before it
                out.append(_middle_name_match(text, m, code, middle))
                taken.append((m.start(), m.end()))
        return out

    def _strangers_titled(self, raw, strangers: set[str]):
        """ "Mr Nicolson" when the key's Nicolson is a boy and the draft names his father "Murdo Nicolson", whom
        the key leaves out: a title that fits none of the surname's keyed people (a child, or the other
        gender) goes with the unkeyed adult of that surname, for the unknown-name pass."""
        if not strangers:
            return raw
        out = []
        for r in raw:
            forms = r[3]
            words = [w for k, w in forms[0].tokens if k == "word"]
            gender = forms[0].title_gender
            if (
                gender
                and len(words) == 1
                and all(f.rule == "title_surname" for f in forms)
                and fold(words[0]).casefold() in strangers
                and not any(
                    not self.people[f.code].child and self.people[f.code].gender in (None, gender) for f in forms
                )
            ):
                continue
            out.append(r)
        return out

    def _code_letter(self, text: str, start: int, end: int) -> bool:
        before = re.search(r"(\S+)[ \t]+$", text[max(0, start - 24) : start])
        return before is not None and f"{before.group(1)} {text[start:end]}" in self.protected

    def _initials_ok(self, text: str, start: int, end: int, matched: str, forms: list[NameForm], doc=None) -> bool:
        """Initials run together ("JK") look like the abbreviations reviews are full of ("LP meeting", "SW"):
        they count only as a person's — a reporting verb or a possessive after them — and never when a
        general abbreviation or a code."""
        if forms[0].rule == "first_initial" and text[end : end + 1] != ".":
            return bare_letter_after_first_name(text, end, matched)  # "Dovydas K"
        if forms[0].rule in ("title_initial", "first_initial"):
            return self._title_initial_ok(text, end, matched)
        if self._code_letter(text, start, end) or _after_letter_head(text, start):
            return False  # the letter of a code the draft uses ("Child F.", "Adult N."), of "Appendix A."
        if forms[0].rule == "single_initial":  # "N. said", "N.'s": never a list marker ("A. Introduction")
            if re.match(r"\.(?:['’]s\b|[ \t]+(?:" + reporting_forms_pattern() + r")\b)", text[end : end + 20]):
                return True
            return (
                _verb_after_initial(text, start, end, doc)
                or mid_sentence_initial(text, start, end)
                or person_verb_after(text, start, end)
            )
        if forms[0].rule not in ("initials", "given_initials") or re.search(r"[.\s]", matched):
            return True
        if any(ch.islower() or not ch.isascii() for ch in matched):
            return True  # "RaG", "MÓS": a particle's letter inside initials is no abbreviation
        if matched.casefold() in _stop_words() and capitals_line(text, start):
            return False  # "DRIVEN BY A MALE KNOWN AS JAY": in a line of capitals, "AS" is the word
        if re.search(r"(?:[A-Z]\.){2,}[ \t]+(?:and|&)[ \t]+$", text[max(0, start - 16) : start]):
            return True  # "check with S.T. and WC": beside another person's initials
        if matched not in self.protected and _signed(text, start, end):
            # 'signed "CS"', a note ending "... seen at home. CS": its author, even if "CS" is also an abbreviation
            return True
        from ..codes import general_abbreviations

        if matched in modifier_abbreviations() and matched not in self.protected and not modifies_next(text, end):
            return _initials_in_person_slot(text, start, end, doc) or speaker_label(text, start, end)  # "HM gave"
        if matched in general_abbreviations() or matched in self.protected:
            return False
        if _suffix(text, end).startswith(("'", "’")):
            return True
        nxt = re.match(r"[ \t]+([a-z]+)", text[end : end + 20])
        if nxt and nxt.group(1) in reporting_forms():
            return True
        if matched in never_initials() or ordinary_acronym(matched):
            return False  # "AC" of air conditioning: only a reporting verb, a possessive or a dotted use
        return (
            _initials_in_person_slot(text, start, end, doc)
            or speaker_label(text, start, end)
            or quote_attribution(text, start, end)
        )

    def _title_initial_ok(self, text: str, end: int, matched: str = "") -> bool:
        """ "Mr N." is the keyed Mr Nowak, and not before another surname ("Dr J. Smith", "Dr D. Marsh").

        Without its stop only after a personal title ("Mr P says good morning", "Dr M-L"): a rank or
        role before a letter ("PC A", "DC B") is how reviews name their own anonymised people.
        """
        if text[end : end + 1] != ".":
            title = matched.split()[0].rstrip(".").casefold() if matched.split() else ""
            if title not in title_words(personal=True, casefold=True):
                return False
            if re.match(r"[\w\-]|['’](?!s\b)", text[end : end + 2]):
                return False  # "Mr A's" is the person; "Mr AB", "Mr A-level", "Mr A'x" are not
            nxt = re.match(r"[ \t]+([A-Z][\w'’-]+)", text[end : end + 40])
            from .derived import is_other_name

            return not (nxt and is_other_name(nxt.group(1)))
        if re.match(r"\.[ \t]?[A-Z]\.", text[end : end + 4]):
            return False  # "Dr K.W. Leung": the first of a person's initials, not "Dr K." of a surname
        nxt = re.match(r"\.[ \t]+([A-Z][\w'’-]+)", text[end : end + 40])
        if not nxt:
            return True
        from .derived import is_other_name

        return not is_other_name(nxt.group(1))

    def _places(self, text: str, raw, kept: list, doc) -> list:
        """Keep out of `raw` the keyed surnames that stand for a place, recording each in `kept`.

        Strong signals decide alone; a weak one ("from Ashton") needs the word to
        be a place elsewhere in the review, a known place or spaCy's place.
        """
        given_ends = {r[1]: {f.code for f in r[3]} for r in raw if not all(self._is_surname(f) for f in r[3])}
        readings = [
            (
                r,
                (None, False)
                if self._after_own_given(text, r, given_ends)
                else self._place_reading(text, r[0], r[1], r[3]),
            )
            for r in raw
        ]
        strong = {fold(r[2]).casefold() for r, (reason, is_strong) in readings if reason and is_strong}
        # a keyed first name is a place elsewhere only where the review wrote it as a town ("Hope Street"
        # does not make "with Hope" a place)
        towns = {fold(r[2]).casefold() for r, (reason, is_strong) in readings if is_strong and reason in _TOWN_READINGS}
        out = []
        for r, (reason, is_strong) in readings:
            word = fold(r[2]).casefold()
            surname = all(self._is_surname(f) for f in r[3])
            if not reason:
                out.append(r)
            elif is_strong or word in (strong if surname else towns):
                kept.append(KeptMention(r[0], r[1], r[2], r[3][0].code, reason))
            elif surname and (word in _known_places() or _is_place_entity(doc, r[0], r[1])):
                kept.append(KeptMention(r[0], r[1], r[2], r[3][0].code, reason))
            else:
                out.append(r)
        return out

    def _after_own_given(self, text: str, r, given_ends: dict[int, set[str]]) -> bool:
        """A keyed surname right after the same person's given name or a short form of it ("Ben Kiss" of the
        keyed Bence Kiss): the person's full name, though "Ben" opens a mountain's name and "Kiss" is a word."""
        if not all(self._is_surname(f) for f in r[3]):
            return False
        codes = {f.code for f in r[3]}
        before = re.search(r"([A-Z][^\W\d_]+)[ \t]+$", text[max(0, r[0] - 30) : r[0]])
        if before is None:
            return False
        if given_ends.get(r[0] - len(before.group(0)) + len(before.group(1)), set()) & codes:
            return True
        return any(code in codes for code, _, _ in classify(before.group(1), self.keyed_words) if code)

    def _place_reading(self, text: str, start: int, end: int, forms: list[NameForm]) -> tuple[str | None, bool]:
        """Why a keyed surname used alone may be a place here, and whether that reason decides alone."""
        word = text[start:end]
        conf = _context()
        before_word = re.search(r"([A-Z][a-z]*)\.?[ \t]+$", text[max(0, start - 12) : start])
        if before_word and before_word.group(1) in conf.get("place_prefixes", ()):
            return "part_of_place_or_organisation_name", True  # "St Mark's", "Fort William", "Port Ellen"
        if " " in word.strip() or _suffix(text, end).startswith(("'", "’")):
            return None, False  # "Ashton's view": the person
        group = group_reading(text, start, end, keyed=True)
        if group:
            return group, True  # "the Gurung community", "speaks Gurung": a people or a language
        if not all(self._is_surname(f) for f in forms):
            # a first name is a place only as part of one: "Hope Street", "Rose Hill Surgery"
            nxt = re.match(r"[ \t]+([A-Z][\w'’]*)", text[end : end + 30])
            if forms[0].rule in ("first_name", "listed") and nxt and nxt.group(1) in _place_heads():
                return "part_of_place_or_organisation_name", True
            if (
                forms[0].rule in ("first_name", "listed")
                and fold(word).casefold() in self.lexicon
                and _org_run(text, end)
            ):
                return "part_of_place_or_organisation_name", True  # "the Faith and Communities Forum"
            if forms[0].rule in ("first_name", "listed"):
                return _first_name_place(text, start, end, conf)
            return None, False
        if _org_run(text, end):
            return "part_of_place_or_organisation_name", True  # "the Leigh Miners Welfare Centre"
        nxt = re.match(r"[ \t]+([A-Z][a-z]+)\b(?![’']s)", text[end : end + 30])
        if nxt and nxt.group(1).casefold() in self.lexicon and not _is_name_word(nxt.group(1)):
            return "before_a_capitalised_word", False  # "the Leigh Food Share": a place's, if it is one
        cont = re.match(r"-([a-z]+)-", text[end : end + 12])
        if cont and cont.group(1) in conf["place_continuations"]:
            return "place_name_continuation", True
        nxt = re.match(r"[ \t]+([A-Z][\w'’]*)", text[end : end + 30])
        if nxt and nxt.group(1) in _place_heads():
            return "part_of_place_or_organisation_name", True  # "Bury Road Community Centre", "Ashton Hospital"
        if nxt and nxt.group(1) in conf.get("event_heads", ()):
            return "part_of_event_name", True  # "Trevithick Day", "the Pascoe Festival"
        if _POSTCODE_AFTER.match(text, end):
            return "place_before_postcode", True  # "41 Tottington Walk, Bury BL9 6QT"
        before = text[max(0, start - 30) : start].split()
        prev = before[-1].casefold() if before else ""
        if prev in conf["locative_before"]:
            return "place_after_locative", True
        if prev in conf["weak_locative_before"]:
            return "place_after_locative", False
        if (
            prev == "to"
            and len(before) > 1
            and (before[-2].casefold() in conf["movement_before_to"] or _route_before(before))
        ):
            return "place_after_movement", False
        return None, False

    def _is_surname(self, form: NameForm) -> bool:
        if form.rule == "surname":
            return True
        if form.rule != "listed":
            return False
        word = normalise_match(form.text)
        return any(
            kw.code == form.code and not kw.first and normalise_match(kw.word) == word for kw in self.keyed_words
        )

    def family_codes(self) -> frozenset[str]:
        """The key's family members: a role whose head is a child or a family word ("Child B", "Child B's sister",
        "Maternal grandmother"); not the practitioners (nor "Detective sergeant, child abuse investigation team")."""
        kin = {k.word for k in kin_words()}
        nouns = {p.code: _role_noun(p.role or "") for p in self.key.people}
        return frozenset(c for c, n in nouns.items() if infer_child(n) or kin.intersection(re.findall(r"[a-z-]+", n)))

    def _derived(self, text: str, raw, doc) -> list[tuple[int, int, str, list[NameForm]]]:
        """Short forms, nicknames and misspellings of keyed names, outside the exact matches."""
        taken = [(s, e) for s, e, _, _ in raw]
        out = []
        genders = title_genders()
        for d in find_derived(text, self.keyed_words, taken, self.protected, self.lexicon, doc, self.family_codes()):
            start = d.start
            title = _TITLE_BEFORE.search(text, max(0, start - 16), start)
            title_word = None
            if title and title.group(1).rstrip(".").casefold() in _title_lookup():
                title_word = _title_lookup()[title.group(1).rstrip(".").casefold()]
                start = title.start(1)  # "Mr Qureshy": the title goes with the name, and its gender decides
            forms: list[NameForm] = []
            targets: tuple[tuple[str, str, str], ...] | list[tuple[str, str, str]] = d.targets
            letter = title.group(2) if title and title_word else None
            if letter:  # "Mr S. Pryddech": the initial says which of the Prydderchs
                fits = [
                    t
                    for t in targets
                    if any(
                        kw.code == t[0] and kw.first and fold(kw.word[:1]).upper() == letter for kw in self.keyed_words
                    )
                ]
                targets = fits or targets
            if title_word:
                targets = self._titled_form_owner(title_word, targets)
            for code, keyed, rule in targets:
                if any(f.code == code for f in forms):
                    continue
                tokens = ((("title", title_word),) if title_word else ()) + (("word", keyed),)
                forms.append(
                    NameForm(
                        text=keyed,
                        code=code,
                        rule=rule,
                        tokens=tokens,
                        title_gender=genders.get(title_word) if title_word else None,
                    )
                )
            out.append((start, d.end, text[start : d.end], forms))
        return out

    def _titled_form_owner(self, title: str, targets):
        """ "Mrs Kuczerra" in a family that all carries Kuczera: a title and a slip of the surname complete the one
        titled form the key lists ("Mrs Kuczera", the mother), a woman's title standing for any woman's; that
        person is meant, not whichever relative the slip's letters come closest to.  Else `targets` unchanged."""
        genders = title_genders()
        gender = genders.get(title)
        owners = {
            t
            for t in targets
            for name in self.people[t[0]].names
            if (found := split_title(name.split()))[0] is not None
            and len(found[1]) == 1
            and fold(found[1][0]).casefold() == fold(t[1]).casefold()
            and (found[0] == title or (gender is not None and genders.get(found[0]) == gender))
        }
        return sorted(owners) if len({t[0] for t in owners}) == 1 else targets

    def _modifier(self, text: str, start: int, end: int, forms: list[NameForm], doc) -> bool:
        """ "Precious weeks were lost": a first name that is an English adjective, parsed as one modifying the
        noun after it, is the word (a possessive or a reporting verb after it would make it the person)."""
        if doc is None or forms[0].rule not in ("first_name", "listed") or " " in text[start:end].strip():
            return False
        if fold(text[start:end]).casefold() not in self.lexicon or _suffix(text, end):
            return False
        token = one_token(doc, start, end)
        if token is None:
            return False
        return (
            token.pos_ == "ADJ"
            and token.dep_ == "amod"
            and token.head.i == token.i + 1
            and token.head.pos_ == "NOUN"
            and token.head.is_lower
        )

    def _word_not_name(self, text: str, start: int, end: int, forms: list[NameForm], doc=None) -> bool:
        """ "The Trust's board", "NHS Trust", "a Blessing in disguise": a keyed first name that is an
        English word, after a determiner, an acronym or an organisation word, is the word ("Uncle Trust",
        "Trust said" stay the person)."""
        if forms[0].rule not in ("first_name", "listed") or " " in text[start:end].strip():
            return False
        word = fold(text[start:end]).casefold()
        if word not in self.lexicon and text[start:end] not in _org_heads():
            return False
        if text[start:end].isupper() or re.match(r"[ \t]+[A-Z]", text[end : end + 2]):
            return False  # a heading in capitals; "the Sky Garden": the organisation rules decide
        if self._used_as_word(text, start, end, doc):
            return True
        before = re.search(r"([\w&]+)[ \t]+$", text[max(0, start - 30) : start])
        if before is None:
            return False
        prev = before.group(1)
        acronym = prev.isupper() and len(prev) > 1 and prev.casefold() not in _stop_words()
        return prev.casefold() in _context().get("word_name_not_after", ()) or acronym or prev in _org_heads()

    def _used_as_word(self, text: str, start: int, end: int, doc=None) -> bool:
        """The sentence itself uses the word as a word (a rating, the end of a body's name): logged as kept, so
        no unlisted-name proposal over it brings the person back."""
        return self._closes_title_phrase(text, start, end, doc) or (
            _after_rating(text, start) and not _suffix(text, end)
        )

    def _closes_title_phrase(self, text: str, start: int, end: int, doc=None) -> bool:
        """ "the Ray of Hope food bank", 'the "Bundles of Joy" baby bank': a capitalised English noun, a lower-case
        link word, then the word closes the name of a charity, church or group that names a thing after it (a
        common noun follows, or the name is quoted).  A heading's "the Case of Charlotte" or "the Death of
        Hope" ends there: a person's, and so is "Mother of Hope" (a family word or title before the link)."""
        if not _names_a_thing(text, end, doc):
            return False
        m = re.search(r"(?<![\w'’-])([A-Z][a-z]+)[ \t]+([a-z]+)[ \t]+$", text[max(0, start - 40) : start])
        if m is None or m.group(2) not in _context().get("word_name_phrase_links", ()):
            return False
        head = m.group(1).casefold()
        if head in _kin() or m.group(1) in title_words():
            return False
        return head in self.lexicon or (head.endswith("s") and head[:-1] in self.lexicon)

    def _in_date(self, text: str, start: int, end: int, forms: list[NameForm]) -> bool:
        """A one-word form inside a date ("On 17th May", "May 2017", "June 5th") is the month.

        Only a number next to the word counts: the model also tags a girl
        named June as a DATE ("putting June first"), so its entities are not used.
        """
        if forms[0].rule not in {"first_name", "surname", "listed"} or " " in text[start:end].strip():
            return False
        word = fold(text[start:end]).casefold()
        if word in _SEASONS:  # "Summer 2022 – Health visiting", "in the summer of 2021", "last Summer"
            before = text[max(0, start - 12) : start].split()
            return bool(_SEASON_AFTER.match(text[end : end + 12])) or (
                bool(before)
                and before[-1].casefold() in _SEASON_CUES
                and not _suffix(text, end)
                and not _PERSON_AFTER.match(text, end)
            )
        if word in _WEEKDAYS:  # "every Sunday", "on Sunday morning": the day, not a boy named Sunday
            before = text[max(0, start - 12) : start].split()
            return bool(before) and before[-1].casefold() in _WEEKDAY_CUES
        if word not in _MONTHS:
            return _month_abroad(text, start, end, word)  # "4.1 Jade", "12 Kasia": only a month can be in a date
        if _DATE_BEFORE.search(text[max(0, start - 12) : start]) or _DATE_AFTER.match(text[end : end + 14]):
            return True
        return False

    # -- ambiguity ---------------------------------------------------------
    def _resolve(self, text: str, raw) -> list[NameMatch]:
        sure = [(s, forms[0].code) for s, e, t, forms in raw if len(forms) == 1]
        sure_pos = [s for s, _ in sure]
        self._sure_ends = {e: forms[0].code for s, e, t, forms in raw if len(forms) == 1}
        out = []
        for start, end, matched, forms in raw:
            suffix = _suffix(text, end)
            if len(forms) == 1:
                f = forms[0]
                conf = f.confidence
                relative = self._relative_meant(text, start, f)
                if relative:  # "Mrs Karim" of the father's surname: his wife; "Baby Tesfaye": their child
                    out.append(
                        NameMatch(
                            start,
                            end,
                            matched,
                            relative,
                            f.text,
                            f.rule,
                            known_scores().relative,
                            ambiguous=True,
                            candidates=(f.code, relative),
                            resolved_by="relative",
                            suffix=suffix,
                        )
                    )
                    continue
                if f.title_gender and self.people[f.code].gender and f.title_gender != self.people[f.code].gender:
                    # "Mr" before a woman's surname: keep the code, flag low
                    conf = min(conf, known_scores().title_other_gender)
                if matched.islower():
                    conf = min(conf, known_scores().lowercase)
                out.append(NameMatch(start, end, matched, f.code, f.text, f.rule, conf, suffix=suffix))
                continue
            chosen, how = self._choose(forms, start, sure, sure_pos, text, end)
            out.append(
                NameMatch(
                    start,
                    end,
                    matched,
                    chosen.code,
                    chosen.text,
                    chosen.rule,
                    round(min(chosen.confidence, _ambiguous_cap(how)), 2),
                    ambiguous=True,
                    candidates=tuple(f.code for f in forms),
                    resolved_by=how,
                    suffix=suffix,
                )
            )
        return out

    def _choose(
        self, forms: list[NameForm], start: int, sure, sure_pos, text: str = "", end: int = -1
    ) -> tuple[NameForm, str]:
        cued = self._role_cued(text, start, end, forms, sure, sure_pos) if text and end > start else None
        if cued is not None:
            return cued, "role_cue"
        record_child = self._record_child(forms)
        if record_child is not None:
            return record_child, "subject"
        forms, how = self._title_first_name(forms)
        if how:
            return forms[0], how
        relatives = {r for f in forms if not self.people[f.code].child and (r := self._relative_meant(text, start, f))}
        if len(relatives) == 1 and not any(
            self._fits_title(f) and not self.people[f.code].child for f in forms if f.title_gender
        ):
            code = relatives.pop()  # "Mrs Karim", "Baby Tesfaye" when no keyed bearer fits
            return NameForm(text=forms[0].text, code=code, rule=forms[0].rule, tokens=forms[0].tokens), "relative"
        prev_word = re.search(r"([A-Za-z]+)[ \t]+$", text[max(0, start - 12) : start]) if text else None
        if prev_word and prev_word.group(1).casefold() in _context().get("child_before", ()):
            children = [f for f in forms if self.people[f.code].child]  # "Baby Tesfaye": the child
            if len(children) == 1:
                return children[0], "child"
        listed = [f for f in forms if f.listed]
        if len(listed) == 1:
            return listed[0], "listed"
        pool, how = (listed, "listed") if listed else (forms, None)
        girls_or_boys = self._child_title_fits(pool)
        if girls_or_boys:
            return girls_or_boys[0], "child_title"
        gender = next((f.title_gender for f in pool if f.title_gender), None)
        if gender:
            fits = [f for f in pool if self.people[f.code].gender == gender]
            if len(fits) == 1:
                return fits[0], "title"
            if fits:
                pool = fits
        before = re.search(r"(?<![\w'’-])[\w'’-]+[ \t]+$", text[max(0, start - 40) : start]) if text else None
        if before:  # "Tiernan McDonnell": the first name just before a shared surname says whose it is
            at = start - len(before.group(0))
            i = bisect.bisect_left(sure_pos, at)
            if i < len(sure) and sure[i][0] == at and any(f.code == sure[i][1] for f in pool):
                return next(f for f in pool if f.code == sure[i][1]), "adjacent"
        joined = self._joined_to_sure(text, start, pool)
        if joined:
            return joined, "adjacent"
        after = re.match(r"[\w'’-]+,?[ \t]+", text[start : start + 60]) if text else None
        # "Mohamed Iqbal": the surname just after a shared first name says whose it is ("IQBAL, Amir": the first name)
        if after:
            i = bisect.bisect_left(sure_pos, start + after.end())
            if i < len(sure) and sure[i][0] == start + after.end() and any(f.code == sure[i][1] for f in pool):
                return next(f for f in pool if f.code == sure[i][1]), "adjacent"
        if pool[0].rule in ADULT_RULES:
            # children are not called "Ms Kershaw", "Kershaw" or "J. Kershaw"
            adults = [f for f in pool if not self.people[f.code].child]
            if len(adults) == 1:
                return adults[0], "adult"
            pool = adults or pool
        partner = self._partner_beside(text, start, pool, sure, sure_pos)
        if partner is not None:
            return partner, "partner"
        near = _nearest_by_code(start, sure, sure_pos, {f.code for f in pool})
        # someone named plainly a few words away ("Jade and Mrs Kershaw") is
        # rarely the one then called by a shared form
        named_beside = {c for c, p in near.items() if _coordinated(text, p, start)}
        if named_beside and len(named_beside) < len(pool):
            pool = [f for f in pool if f.code not in named_beside]
            near = {c: p for c, p in near.items() if c not in named_beside}
        if near:
            code = min(near, key=lambda c: (abs(near[c] - start), near[c] > start))
            return next(f for f in pool if f.code == code), "nearest"
        return min(pool, key=lambda f: self.people[f.code].index), how or "key_order"

    def _record_child(self, forms: list[NameForm]) -> NameForm | None:
        """ "Took D. swimming" when the subject child Deniz and the carer David share the letter: a record names
        the child it is about by a lone capital (adults sign and are minuted by their initials), so a lone letter
        several keyed people share is the review's subject child, else the one keyed child among them."""
        if not all(f.rule == "single_initial" for f in forms):
            return None
        subjects = _subject_children(self.key)
        fits = [f for f in forms if f.code in subjects]
        return fits[0] if len({f.code for f in fits}) == 1 else None

    def _role_cued(self, text: str, start: int, end: int, forms: list[NameForm], sure, sure_pos) -> NameForm | None:
        """The one person a kinship noun beside the shared name points to ("the grandmother, Mrs Adebayo",
        "Mr Tran (uncle)", "Tendai MOYO (5)"): of the candidates, the one whose keyed role holds that relation;
        if none does, the one keyed person of the family who does ("his mother has been addressed as 'Mrs
        Yohannes'" when the key gives her another surname). No cue, or several fits: None."""
        cue, owned = role_cues.cue_before_with_owner(text, start)
        if cue is None:
            cue, owned = role_cues.cue_after(text, end), False
        if cue is None:
            return None
        if owned:  # "Her mother, Mrs Kamau" right after the mother is named: her mother, not herself
            i = bisect.bisect_left(sure_pos, start) - 1
            if i >= 0 and role_cues.fits(cue, self.people[sure[i][1]]):
                return None
        title_gender = next((f.title_gender for f in forms if f.title_gender), None)
        if title_gender and role_cues.cue_gender(cue) not in (None, title_gender):
            return None  # "the mother, Mr Tran": a list, not an apposition
        fits = {f.code for f in forms if role_cues.fits(cue, self.people[f.code])}
        if len(fits) == 1:
            return next(f for f in forms if f.code in fits)
        if fits or cue == role_cues.AGE:
            return None
        keyed = [
            p.code
            for p in self.key.people
            if role_cues.fits(cue, p) and (not title_gender or p.gender in (None, title_gender))
        ]
        if len(keyed) != 1 or any(kind in ("initial", "letter", "word") for f in forms for kind, _ in f.tokens[:-1]):
            return None  # only a bare family word (with a title) can be another relative's
        return NameForm(text=forms[0].text, code=keyed[0], rule=forms[0].rule, tokens=forms[0].tokens)

    def _partner_beside(self, text: str, start: int, pool: list[NameForm], sure, sure_pos) -> NameForm | None:
        """ "an argument between Ms Dizon and Mr Makiese", "drop-off Ms D., pick-up Mr M.": of the women (or
        men) a shared form may be, the one the key's roles make the partner -- the other parent of the same
        child -- of a keyed person named plainly in the same clause."""
        if not text or len(pool) < 2:
            return None
        from .kin_forms import _spouse

        family = _family_roles(self.key)
        lo = bisect.bisect_left(sure_pos, start - _COORDINATION_CHARS)
        hi = bisect.bisect_right(sure_pos, start + _COORDINATION_CHARS)
        codes = {f.code for f in pool}
        partners = set()
        for pos, code in sure[lo:hi]:
            if code in codes or pos == start or not _coordinated(text, pos, start):
                continue
            gap = text[min(pos, start) : max(pos, start)]  # from the first of the two, its own words stripped
            if not _PAIRED.fullmatch(re.sub(r"^(?:[A-Z][\w'’.-]*[ \t]*)+", "", gap)):
                continue  # "the father calls her 'Ba Mwape'": a clause about the person, not a pair of people
            for f in pool:
                gender = self.people[f.code].gender
                if gender and _spouse(family, self.people, code, gender) == f.code:
                    partners.add(f.code)
        if len(partners) != 1:
            return None
        return next(f for f in pool if f.code in partners)

    def _child_title_fits(self, pool: list[NameForm]) -> list[NameForm]:
        """ "Miss R. Varga" on a school letter: a title that records also give children ("Miss", "Master";
        titles.yaml `child`) fits the one keyed child of the surname better than a keyed woman whom the key
        itself calls by another title ("Mrs Varga")."""
        title = next((w.rstrip(".").casefold() for f in pool for k, w in f.tokens if k == "title"), None)
        if title is None or title not in _child_titles():
            return []
        children = [f for f in pool if self.people[f.code].child and self._fits_title(f)]
        adults = [f for f in pool if not self.people[f.code].child]
        if len(children) != 1 or not all(self._other_title_listed(f.code, title) for f in adults):
            return []
        return children

    def _other_title_listed(self, code: str, title: str) -> bool:
        """The key lists the person with a personal title other than `title` ("Mrs Varga", not "Miss")."""
        listed = {n.split()[0].rstrip(".").casefold() for n in self.people[code].names if n.split()}
        return bool(listed & (set(_title_lookup()) - {title}))

    def _joined_to_sure(self, text: str, start: int, pool: list[NameForm]) -> NameForm | None:
        """The one person a sure mention ending right before this one names, when the two are joined as one
        name: by a hyphen ("Rosalind Orban-Varga": the second half of a double surname is the first
        half's person) or, for a given-name reading, by a record's comma ("SZABO, Laszlo": the
        surname first, then the first name of the same person)."""
        gap = _JOINED_GAP.search(text, max(0, start - 30), start) if text else None
        if gap is None:
            return None
        code = getattr(self, "_sure_ends", {}).get(gap.start())
        fits = [f for f in pool if f.code == code]
        if not fits:
            return None
        if "," in gap.group(0) and (
            fits[0].rule not in ("first_name", "listed") or not text[:start].rstrip(", \t")[-2:].isupper()
        ):
            return None  # "Ashby, Varga and Kiss": a list of surnames, not a record's name
        return fits[0]

    def _fits_title(self, form: NameForm) -> bool:
        gender = self.people[form.code].gender
        return not form.title_gender or gender in (None, form.title_gender)

    def _relative_meant(self, text: str, start: int, form: NameForm) -> str | None:
        """The keyed relative a family surname stands for when its only keyed bearer cannot be meant: a title of
        the other gender before a parent's surname is the other parent ("Mrs Karim" when only the father,
        "Child A's father", is keyed as Karim); "Baby" before a parent's surname is their child."""
        person = self.people[form.code]
        family = _family_roles(self.key)
        if (
            any(kind in ("initial", "letter") for kind, _ in form.tokens)
            or sum(k == "word" for k, _ in form.tokens) > 1
        ):
            return None  # "Miss R. Varga": the person's own initial or given name names the person, not a parent
        if person.child and form.title_gender:
            return _parent_for_title(family, self.people, form.code, form.title_gender)
        parent_of = family["parent_of"].get(form.code)
        if parent_of is None:
            return None
        if form.title_gender and person.gender and form.title_gender != person.gender:
            other = [
                c
                for c, (child, _) in family["parent_of"].items()
                if child == parent_of[0] and self.people[c].gender == form.title_gender
            ]
            return other[0] if len(other) == 1 else None
        prev_word = re.search(r"([A-Za-z]+)[ \t]+$", text[max(0, start - 12) : start])
        if prev_word and prev_word.group(1).casefold() in _context().get("child_before", ()) and not form.title_gender:
            return family["child"].get(parent_of[0])
        return None

    def _title_first_name(self, forms: list[NameForm]) -> tuple[list[NameForm], str | None]:
        """ "Mr Tesfaye" is the man whose first name is Tesfaye unless somebody the title fits (an adult of
        the title's gender) has Tesfaye as a surname: a first name after a title is the weaker reading."""
        if not any(f.rule == "title_first_name" for f in forms):
            return forms, None

        def fits(f: NameForm) -> bool:
            person = self.people[f.code]
            return not person.child and (not f.title_gender or person.gender in (None, f.title_gender))

        surnames = [f for f in forms if f.rule != "title_first_name" and fits(f)]
        if surnames:
            return surnames, None
        firsts = [f for f in forms if f.rule == "title_first_name" and fits(f)]
        if len(firsts) == 1:
            return firsts, "title"
        return firsts or forms, None


@dataclass(frozen=True)
class KeptMention:
    """A word from the key deliberately left in place, with the reason (for the log)."""

    start: int
    end: int
    text: str
    code: str
    reason: str


@dataclass(frozen=True)
class NameSearch:
    matches: list[NameMatch]
    kept: list[KeptMention]


_PARENT_ROLE = re.compile(
    r"^(?P<child>.+?)['’]s\s+(?P<relation>mother|father|parent|step-?father|step-?mother)\b", re.IGNORECASE
)
# "Family B: mother", "Household 2 - father": a thematic review's families, labelled before the relation
_GROUP_ROLE = re.compile(
    r"^(?P<child>[^:–—-]+?)\s*[:–—-]\s*(?P<relation>mother|father|parent|step-?father|step-?mother)\b",
    re.IGNORECASE,
)
_FAMILY_CACHE: dict = {}


def _family_roles(key: Key) -> dict:
    """From the key's roles: parent code -> (the child's reference, relation) for roles like "Child A's
    father", and child reference -> the code of the keyed child it names ("Child A" as a code or role)."""
    cached = _FAMILY_CACHE.get(id(key))
    if cached is not None and cached[0] is key:
        return cached[1]
    parent_of = {}
    for person in key.people:
        role = person.role or ""
        m = _PARENT_ROLE.match(role) or _GROUP_ROLE.match(role) or _PARENT_OF_ROLE.match(role)
        if m:
            parent_of[person.code] = (m.group("child").strip().casefold(), m.group("relation").casefold())
        elif bare := _BARE_PARENT_ROLE.fullmatch(role_head(person.role or "")):
            parent_of[person.code] = (_SUBJECT, bare.group("relation").casefold())  # "Mother", "Father of both"
    child = {}
    for ref in {c for c, _ in parent_of.values()}:
        if ref == _SUBJECT:
            hits = _subject_children(key)
        else:
            hits = [p.code for p in key.people if p.code.casefold() == ref or (p.role or "").strip().casefold() == ref]
            if not hits:  # "Father of Child P" beside "Child P, aged 5, …"
                hits = [p.code for p in key.people if (p.role or "").strip().casefold().startswith(ref + ",")]
            if not hits and not _NAMED_CHILD.search(ref):  # "Mother of both children": the review's subject
                hits = _subject_children(key)
        if not hits:  # "Family B: child": the one keyed child of the family the parents' roles name
            hits = [p.code for p in key.people if p.child and _in_group(p.role, ref)]
        if len(hits) == 1:
            child[ref] = hits[0]
    out = {"parent_of": parent_of, "child": child}
    _FAMILY_CACHE.clear()
    _FAMILY_CACHE[id(key)] = (key, out)
    return out


# "Mother of Child S", "Father to both children": the relation first, the child after
_PARENT_OF_ROLE = re.compile(
    r"^(?:birth\s+)?(?P<relation>mother|father|parent|step-?father|step-?mother)\s+(?:of|to)\s+(?P<child>.+)$",
    re.IGNORECASE,
)
_NAMED_CHILD = re.compile(r"\b(?:child|children|baby|sibling|family|household)\s+[a-z0-9]{1,2}\b")
_SUBJECT = ""  # the child reference of a parent whose role names no child ("Mother"): the review's subject
_BARE_PARENT_ROLE = re.compile(r"(?:birth[ \t]+)?(?P<relation>mother|father|parent|step-?father|step-?mother)", re.I)


def _subject_children(key: Key) -> list[str]:
    """The child a bare "Mother" / "Father" role is the parent of: the keyed child whose role's head calls them
    the subject ("Child F, subject of the review"; not "Half-sister of the subject child"), else the only child."""
    children = [p for p in key.people if p.child]
    words = "|".join(map(re.escape, load_yaml("pseudonymise", "role_words.yaml").get("subject", ["subject"])))
    subjects = [
        p.code for p in children if re.search(rf"(?<![\w-])(?:{words})(?![\w-])", role_head(p.role or ""), re.I)
    ]
    return subjects if subjects else [p.code for p in children]


def _parent_for_title(family: dict, people: dict, child: str, gender: str) -> str | None:
    """ "Mrs Chen" when only the father and the infant are keyed as Chen: a child is never "Mrs", so the title
    is the child's one keyed parent of the title's gender (the mother who kept her own surname)."""
    refs = {ref for ref, code in family["child"].items() if code == child}
    fits = [c for c, (ref, _) in family["parent_of"].items() if ref in refs and people[c].gender == gender]
    return fits[0] if len(fits) == 1 else None


def _in_group(role: str | None, ref: str) -> bool:
    """The role is labelled with the family `ref` ("Family B: child" of "family b")."""
    m = _GROUP_ROLE.match(role or "") or re.match(r"^(?P<child>[^:–—-]+?)\s*[:–—-]", role or "")
    return m is not None and m.group("child").strip().casefold() == ref


def _context() -> dict:
    from .derived import settings

    return settings()


def _names_a_thing(text: str, end: int, doc=None) -> bool:
    """The name that ends at `end` is quoted or modifies a common noun after it ("... food bank", "... pantry")."""
    if text[end : end + 1] in ('"', "”", "’", "'") and not text[end : end + 2].endswith(("s", "S")):
        return True  # '"Bundles of Joy"' (not the possessive "Joy's")
    m = re.match(r"[ \t]+([a-z][a-z-]*)", text[end : end + 30])
    if m is None:
        return False
    if doc is None:
        return m.group(1) not in _stop_words()
    span = doc.char_span(end + m.start(1), end + m.end(1), alignment_mode="expand")
    return span is not None and span[0].pos_ in ("NOUN", "PROPN")  # lower case, so a common noun ("food bank")


@lru_cache(maxsize=1)
def _kin() -> frozenset[str]:
    return frozenset(k.word.casefold() for k in kin_words())


@lru_cache(maxsize=1)
def _rating_before() -> re.Pattern:
    """A rating word earlier in the same clause (`word_name_rating_cues`)."""
    cues = "|".join(re.escape(c) for c in _context().get("word_name_rating_cues", ()))
    return re.compile(rf"\b(?:{cues})\b[^.;:!?\n]{{0,40}}$", re.IGNORECASE)


def _after_rating(text: str, start: int) -> bool:
    """ "rates the concern Amber", "RAG rating moved to Amber": a keyed first name that is a word, after a rating
    word in its clause, is the rating (a colour of a red-amber-green scale), not the person."""
    return bool(_rating_before().search(text, max(0, start - 60), start))


def _org_heads() -> frozenset[str]:
    from .derived import org_heads

    return org_heads()


def _place_heads() -> frozenset[str]:
    return _context()["place_heads"]


@lru_cache(maxsize=1)
def _known_places() -> frozenset[str]:
    from ...resources import read_lines

    return frozenset(fold(w).casefold() for w in read_lines("gazetteer", "uk_places.txt"))


_POSTCODE_AFTER = re.compile(r",?[ \t]+[A-Z]{1,2}\d[A-Z\d]?[ \t]*\d[A-Z]{2}\b")


def _keyed_words(key: Key):
    """Every word of every keyed name, told first (given) names from surnames."""
    out: dict = {}
    for person in key.people:
        titled = any(split_title(n.split())[0] for n in person.names if len(n.split()) == 2)
        for name in person.names:
            title, words = split_title(name.split())
            core = without_generation(words)  # "Grant" of "Dwayne Grant Jnr" is his surname, not a given name
            given, surname = split_name(core)
            surname += words[len(core) :]
            if len(words) == 1:
                given, surname = (
                    ([], words) if title or (titled and words[0] in _listed_surnames(person)) else (words, [])
                )
            for w, first in [(g, True) for g in given] + [(w, False) for w in surname]:
                w = w.strip(".,")
                if len(w) < 2 or w.casefold() in _SURNAME_PARTICLES:
                    continue
                kw = KeyedWord(person.code, w, fold(w).casefold(), first, person.gender)
                out.setdefault((kw.code, kw.folded, kw.first), kw)
    return list(out.values())


def _role_noun(role: str) -> str:
    """What the role says the person is, lower case, without its notes: "Detective sergeant, child abuse
    investigation team" -> "detective sergeant" (the team's "child" is no family word of the officer)."""
    return re.split(r"[,;(]", role_head(role))[0].casefold()


def _listed_surnames(person: Person) -> set[str]:
    found = set()
    for name in person.names:
        title, words = split_title(name.split())
        if title and len(words) == 1:
            found.add(words[0])
        elif len(words) > 1:
            found.add(split_name(words)[1][-1])
    return found


_TOWN_READINGS = frozenset({"place_before_postcode", "place_after_locative"})


def _first_name_place(text: str, start: int, end: int, conf: dict) -> tuple[str | None, bool]:
    """A keyed first name that is also a town ("Moira", "Brandon"): the town of a postal address (right
    before its postcode) decides alone; after a locative or a movement, or before a place's predicate
    ("... is within the Trust area"), it is the place only where the review has shown it is one."""
    if _POSTCODE_AFTER.match(text, end):
        return "place_before_postcode", True  # "Drumbeg Court, Moira BT67 0QL"
    before = text[max(0, start - 30) : start].split()
    prev = before[-1].casefold() if before else ""
    if prev != "of" and (prev in conf["locative_before"] or prev in conf["weak_locative_before"]):
        return "place_after_locative", False  # "father of Hope" is the person
    if prev == "to" and len(before) > 1 and before[-2].casefold() in conf["movement_before_to"]:
        return "place_after_movement", False
    after = " ".join(text[end : end + 40].split()[:2]).casefold()
    if any(after.startswith(p) for p in conf.get("place_predicates_after", ())):
        return "place_before_place_predicate", False
    return None, False


def _route_before(before: list[str]) -> bool:
    """ "from Southmere to …", "to Leeds and to …": the "to" of a route (the words before it, last first)."""
    words = [w.casefold().strip(",;") for w in before[-5:-1]]
    if len(words) >= 2 and words[-2] == "from" and before[-2][:1].isupper():
        return True  # "ran from Southmere to"
    return len(words) >= 3 and words[-1] == "and" and words[-3] == "to" and before[-3][:1].isupper()


@lru_cache(maxsize=1)
def _keyed_forms() -> dict:
    return load_yaml("names", "keyed_forms.yaml")


@lru_cache(maxsize=1)
def record_field_words() -> tuple[str, str, int, int]:
    """keyed_forms.yaml's records-system field words as regex alternations, longest first: the ranks that take
    a collar number and the words a system writes for a surname it does not know; then the collar number's
    least and most digits.  One reading for every pattern built on them (links, record_forms, unknown)."""
    conf = _keyed_forms()
    ranks = "|".join(sorted(map(re.escape, conf.get("collar_number_ranks") or ()), key=len, reverse=True))
    unknown = "|".join(sorted(map(re.escape, conf.get("unknown_name_words") or ()), key=len, reverse=True))
    low, high = conf.get("collar_number_digits") or (2, 6)
    return ranks, unknown, int(low), int(high)


@lru_cache(maxsize=1)
def _rank_before() -> re.Pattern:
    ranks = sorted(_keyed_forms()["rank_abbreviations"], key=len, reverse=True)
    alternation = "|".join(r"\.?[ \t]*".join(map(re.escape, r.replace(".", " ").split())) for r in ranks)
    return re.compile(rf"(?<![\w.])(?:{alternation})\.[ \t]+$")


def _with_rank(text: str, r):
    """ "Con. Murphy": a rank abbreviation with its stop before a keyed surname goes with the name."""
    start, end, matched, forms = r
    if not all(k == "word" for k, _ in forms[0].tokens) or not all(f.rule in ("surname", "listed") for f in forms):
        return r
    m = _rank_before().search(text, max(0, start - 16), start)
    return (m.start(), end, text[m.start() : end], forms) if m else r


def _run_on(text: str, r):
    """ "Hauwa'u" of a keyed Hauwa: the letters after an apostrophe that is no English clitic are the name's."""
    start, end, matched, forms = r
    m = re.match(r"['’]([^\W\d_]+)(?![\w'’-])", text[end : end + 16])
    if m is None or m.group(1).casefold() in _keyed_forms()["apostrophe_clitics"] or not m.group(1).islower():
        return r
    return (start, end + m.end(), text[start : end + m.end()], forms)


def _initials_dot(text: str, end: int) -> int:
    """1 when the full stop after final initials belongs to them ("Mr N.'s", "J.K. and"), not to the sentence."""
    if text[end : end + 1] != ".":
        return 0
    return 1 if re.match(r"\.(?:['’]|[ \t]+[a-z(,]|[,;:)])", text[end : end + 3]) else 0


_RUN_WORD = re.compile(r"[ \t]+(?:(?:and|of|for|&)[ \t]+)?([A-Z][\w'’-]*)")


def _org_run(text: str, end: int, max_words: int = 4) -> bool:
    """The capitalised words after `end` (joined by "and", "of", "for", "&") run on to an organisation's
    or a place's head word: "Faith and Communities Forum", "Miners Welfare Centre"."""
    from .derived import org_heads

    pos = end
    for _ in range(max_words):
        m = _RUN_WORD.match(text, pos, min(len(text), pos + 40))
        if m is None:
            return False
        word = m.group(1)
        if word in org_heads() or word in _place_heads():
            return True
        if _is_name_word(word):
            return False  # "the concerns of Victor and Stuart Green": another person, not an organisation
        pos = m.end()
    return False


def _is_name_word(word: str) -> bool:
    from .derived import _gazetteer_names

    return fold(word).casefold() in _gazetteer_names()


def _after_letter_head(text: str, start: int) -> bool:
    """A letter that labels a part of a document or a series ("Appendix A.", "Table B", "Option C")."""
    before = re.search(r"([A-Za-z]+)[ \t]+$", text[max(0, start - 24) : start])
    return before is not None and before.group(1).casefold() in _context().get("letter_heads", ())


def _verb_after_initial(text: str, start: int, end: int, doc) -> bool:
    """ "and F. went straight upstairs", "that "A. never once said"": a lone initial with its stop,
    mid-sentence, before a verb (adverbs between allowed) (never a list marker at a line's start: "A. Introduction")."""
    if doc is None or not re.match(r"\.[ \t]+[a-z]", text[end : end + 4]):
        return False
    line_start = text.rfind("\n", 0, start) + 1
    if not text[line_start:start].strip() or re.match(
        r"[ \t]*(?:[(\[]?\w{1,3}[.)\]]|[-*•])[ \t]*$", text[line_start:start]
    ):
        return False  # a list marker, not a person: "A. Introduction", "(b) C. Background"
    after = re.match(r"\.[ \t]+", text[end : end + 4])
    if after is None:
        return False
    span = doc.char_span(end + after.end(), end + after.end() + 1, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    token = span[0]
    for _ in range(3):  # "A. never once said", "F. then went": adverbs before the verb
        if token.pos_ not in ("ADV", "PART") or token.i + 1 >= len(doc):
            break
        token = doc[token.i + 1]
    return token.pos_ in ("VERB", "AUX")


def _initials_in_person_slot(text: str, start: int, end: int, doc) -> bool:
    """ "Visit by NM", "Mum RK", "Sibling DL (4)", "VL starts at nursery": run-together initials (already known
    to be no general abbreviation and no code) where the sentence puts a person: after a word that takes one
    (`initials_before`, role and kinship words) or as the subject right before a verb."""
    from .derived import _role_words

    before = re.search(r"([A-Za-z]+)[ \t]+[\"'‘“]?$", text[max(0, start - 24) : start])  # 'signed "CS"' too
    if before and (
        before.group(1).lower() in _context()["initials_before"] or before.group(1).lower() in _role_words()
    ):
        return True
    if doc is None or not re.match(r"[ \t]+[a-z]", text[end : end + 3]):
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or span.end >= len(doc) or _has_determiner(span[-1]):
        return False  # "The WC was broken", "The CPS and WC were told": a thing, not a person
    token = doc[span.end]
    for _ in range(2):  # "VL then starts", "LL has left"
        if token.pos_ not in ("ADV", "PART") or token.i + 1 >= len(doc):
            break
        token = doc[token.i + 1]
    return token.pos_ in ("VERB", "AUX") and token.tag_ != "VBG"


_SIGNATURE = re.compile(r"(?:[.!?][ \t]+|[ \t][-–—/][ \t]*|^[ \t]*)\Z", re.MULTILINE)
_SIGNATURE_END = re.compile(r"[ \t]*(?:\n|\Z|\)|\|)")


def _signed(text: str, start: int, end: int) -> bool:
    """Initials as a signature: after "signed"/"initialled"/"signs himself" (quotes allowed), or closing a case
    note's line after its last sentence ("... seen at home. CS")."""
    if re.search(
        r"\b(?:signs?|signed|initials|initialled|countersigned)"
        r"(?:[ \t]+(?:as|by|off|himself|herself|themselves))?[ \t]+[\"'‘“]?$",
        text[max(0, start - 30) : start],
        re.IGNORECASE,
    ):
        return True
    return bool(_SIGNATURE.search(text, max(0, start - 4), start) and _SIGNATURE_END.match(text, end))


def _has_determiner(token) -> bool:
    """An article or demonstrative on the phrase a token heads or is coordinated into ("the CPS and WC")."""
    head = token
    while head.dep_ == "conj" and head.head is not head:
        head = head.head
    return any(
        c.dep_ == "det" and c.lower_ in ("the", "a", "an", "this", "that", "these", "those")
        for t in (token, head)
        for c in t.children
    )


def _lower_case_slip(text: str, start: int, end: int) -> bool:
    """ "rose said she would help": a name that is also a word, typed in lower case, before a reporting verb."""
    conf = _context()
    nxt = re.match(r"[ \t]+([a-z]+)", text[end : end + 20])
    if not nxt or nxt.group(1) not in reporting_forms():
        return False
    before = text[max(0, start - 20) : start].split()
    return not before or before[-1].casefold().strip(",;:") not in conf["not_after"] or before[-1][-1:] in ",;:"


_MAX_NAME_PARTS = 4


def _merge_adjacent(text: str, matches: list[NameMatch], middles: list | None = None) -> list[NameMatch]:
    """ "Siân MacDonell": a first name and a misspelt surname of one person, side by side, are one mention
    (at most a few words: "Kas Kas Kas …" stays separate mentions).  Middle names found between two parts
    ("bin Salem" of "Mohammed bin Salem al-Yafei") are added to `middles` as (words, code)."""
    out: list[NameMatch] = []
    parts: list[int] = []
    for m in matches:
        prev = out[-1] if out else None
        if prev is not None and parts[-1] >= _MAX_NAME_PARTS:
            prev = None
        gap = text[prev.end : m.start] if prev is not None else ""
        # side by side, or with one capitalised word between ("Hodan Yusuf Abdi": a middle name the key omits)
        surname_first = bool(
            prev is not None
            and re.fullmatch(r",[ \t]+", gap)
            and prev.text.isupper()
            and len(prev.text) > 1
            and not m.text.isupper()
            and m.rule in ("first_name", "listed")
        )
        one_word = prev is not None and (" " not in prev.text.strip() or prev.rule == "title_first_name")
        if (
            prev is not None
            and prev.code == m.code
            and not prev.suffix
            and (
                re.fullmatch(r"[ \t]+|[ \t]*\n[ \t]*", gap)
                or surname_first
                or (
                    one_word
                    and not prev.text[:1].islower()
                    and (_MIDDLE_WORD.fullmatch(gap) or _SECOND_PART.fullmatch(gap))
                )
            )
        ):
            end = m.end
            initial = _INITIAL_AFTER.match(text, end) if surname_first else None
            if initial:  # "ASANTE, Kwame O.": a record's surname first, the middle initial after
                end = initial.end()
            out[-1] = NameMatch(
                prev.start,
                end,
                text[prev.start : end],
                m.code,
                f"{prev.form} {m.form}",
                prev.rule if prev.rule == m.rule else f"{prev.rule}+{m.rule}",
                min(prev.confidence, m.confidence),
                prev.ambiguous or m.ambiguous,
                prev.candidates or m.candidates,
                prev.resolved_by or m.resolved_by,
                "" if initial else m.suffix,
            )
            parts[-1] += 1
            if (
                middles is not None
                and len(gap.strip()) > 2
                and "\n" not in gap
                and not surname_first
                and not gap.startswith("-")
            ):
                middle = gap.strip()
                middles.append((middle, m.code))
                bare = re.sub(rf"^{_MIDDLE_PARTICLES}[ \t]+", "", middle)
                if bare != middle:  # "Dr Salem" of "bin Salem"
                    middles.append((bare, m.code))
                words = middle.split()
                if len(words) > 1 and " " not in m.text.strip():  # "Mr Fernandes Carvalho" of Rui Miguel
                    middles.append((f"{words[-1]} {m.text.strip()}", m.code))  # Fernandes Carvalho: a double surname
            continue
        out.append(m)
        parts.append(1)
    return out


# a title just before a derived form, perhaps with an initial between ("Mr Qureshy", "Mr S. Pryddech")
_TITLE_BEFORE = re.compile(r"(?<![\w.])([A-Z][A-Za-z]{1,9}\.?)[ \t]+(?:([A-Z])\.[ \t]*)?$")
# one or two capitalised words, each perhaps after a patronymic or a particle ("Mohammed bin Salem al-Yafei")
_MIDDLE_PARTICLES = r"(?:bin|bint|ibn|ben|al|el|ap|ab|van|von|de|da|di|du|dos|das)"
_MIDDLE_WORD = re.compile(rf"(?:[ \t]+(?:{_MIDDLE_PARTICLES}[ \t]+)?(?:[A-Z][\w'’-]+|[A-Z]\.)){{1,2}}[ \t]+")
_SECOND_PART = re.compile(r"-[A-Z][\w'’]+[ \t]+")  # "Andrei-Florin Lăcătuș" of a keyed Andrei Lăcătuș
_INITIAL_AFTER = re.compile(r"[ \t]+[A-Z]\.?(?![\w'’-])")


@lru_cache(maxsize=1)
def _child_titles() -> frozenset[str]:
    """Titles records also give children ("Miss", "Master"): models/lexicon/titles.yaml `child: true`."""
    data = load_yaml("lexicon", "titles.yaml")["titles"]
    return frozenset(str(w).casefold() for w, f in data.items() if (f or {}).get("child"))


# what may stand between two people named as a pair: coordinators, punctuation and hyphenated labels
# ("Ms Dizon and Mr Makiese", "drop-off Ms D., pick-up Mr M.")
_PAIRED = re.compile(r"[^\w]*(?:(?:and|or|with|&|[a-z]+-[a-z]+)[^\w]*){0,2}")
_NAME_WORD_BEFORE = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]*[ \t]+$")
# what joins a sure mention to the next one as one name: a hyphen, or a record's "SURNAME, " comma
_JOINED_GAP = re.compile(r"(?:[ \t]*[-‐‑][ \t]*|,[ \t]+|[ \t]+[A-Z][\w'’-]+[ \t]+)$")
_SENTENCE_BREAK = re.compile(r"[.!?;:]\s|\n")
_COORDINATION_CHARS = 40


def _coordinated(text: str, a: int, b: int) -> bool:
    """Two mentions a few words apart in one clause ("Jade and Ms Kershaw", "Jade, Ms Kershaw")."""
    lo, hi = min(a, b), max(a, b)
    return bool(text) and hi - lo < _COORDINATION_CHARS and not _SENTENCE_BREAK.search(text, lo, hi)


def _nearest_by_code(start: int, sure, sure_pos, codes: set[str]) -> dict[str, int]:
    """For each of `codes`, the position of its unambiguous mention nearest to `start`."""
    i = bisect.bisect_left(sure_pos, start)
    found: dict[str, int] = {}
    left, right = i - 1, i
    while (left >= 0 or right < len(sure)) and len(found) < len(codes):
        dl = start - sure[left][0] if left >= 0 else None
        dr = sure[right][0] - start if right < len(sure) else None
        if dr is None or (dl is not None and dl <= dr):
            pos, code = sure[left]
            left -= 1
        else:
            pos, code = sure[right]
            right += 1
        if code in codes and code not in found:
            found[code] = pos
    return found


def _suffix(text: str, end: int) -> str:
    m = re.match(r"(?:['’]s|s['’]|['’]|s)(?!\w)", text[end : end + 3])
    return m.group(0) if m else ""


def _any_token(doc, start: int, end: int, test) -> bool:
    """Whether a token of the parse over [start, end) passes `test` (False without a parse)."""
    if doc is None:
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(test(t) for t in span)


def _is_place_entity(doc, start: int, end: int) -> bool:
    return _any_token(doc, start, end, lambda t: t.ent_type_ in ("GPE", "LOC", "FAC"))


_MODIFIER_DEPS = frozenset({"nummod", "amod", "nmod", "compound", "det", "quantmod"})
# the modifier links of a word before a noun ("hina dolls", "paj ntaub"), and markdown emphasis around a word
_WORD_MODIFIER_DEPS = frozenset({"amod", "nmod", "compound"})
_EMPHASIS_OPEN = re.compile(r"(?:^|[^\w*])([*_]{1,2})$")


def family_language_word(text: str, start: int, end: int, doc, keyed: frozenset[str]) -> bool:
    """A name written in lower case where the draft uses it as a word of the family's language, not as the
    person: set in emphasis, the house convention for a word quoted from another language ("*koro*
    (grandfather)", "shortened to *moko*"), or parsed as the modifier of the lower-case word after it ("hina
    dolls", "the huia feather", "paj ntaub", "in te reo").  A lower-case slip of a name stays the person: it is
    the subject, object or possessor ("hetal seemed flat", "ring emine", "rukhsana's"), and the word after a
    lower-case full name ("hauwa musa") is itself keyed (`keyed`: the key's name words, folded, lower case).
    Pseudonymise and verify's lower-case residue read the same rule."""
    matched = text[start:end]
    if not matched.isalpha() or not matched.islower():
        return False
    opened = _EMPHASIS_OPEN.search(text[max(0, start - 3) : start])
    if (
        opened
        and text[end : end + 3].startswith(opened.group(1))
        and not text[end + len(opened.group(1)) :][:1].isalnum()
    ):
        return True
    if doc is None:
        return False
    token = one_token(doc, start, end)
    if token is None:
        return False
    if token.dep_ not in _WORD_MODIFIER_DEPS or token.head.i != token.i + 1:
        return False
    head = token.head
    return (
        head.pos_ in ("NOUN", "PROPN")
        and head.is_alpha
        and head.is_lower
        and len(head.text) >= 3
        and fold(head.text).casefold() not in keyed
    )


def _modifies_noun_after(token) -> bool:
    """The token modifies (counts, describes) a noun that comes after it."""
    head = token.head
    return token.dep_ in _MODIFIER_DEPS and head.i > token.i and head.pos_ in ("NOUN", "PROPN")


def _is_propn(doc, start: int, end: int) -> bool:
    return _any_token(doc, start, end, lambda t: t.pos_ == "PROPN")


_MATCHER_CACHE: dict[tuple, KnownNameMatcher] = {}


def matcher_for(key: Key, lexicon: frozenset[str] | None = None, protected: Iterable[str] = ()) -> KnownNameMatcher:
    """A (cached) compiled matcher for a key."""
    lexicon = lexicon if lexicon is not None else _stop_words()
    cache_key = (key, lexicon, frozenset(protected))
    if cache_key not in _MATCHER_CACHE:
        _MATCHER_CACHE.clear()
        _MATCHER_CACHE[cache_key] = KnownNameMatcher(key, lexicon=lexicon, protected=frozenset(protected))
    return _MATCHER_CACHE[cache_key]


def find_known_names(
    text: str, key: Key, doc=None, lexicon: frozenset[str] | None = None, protected: Iterable[str] = ()
) -> list[NameMatch]:
    """Find every mention of a key's people in `text` (offsets into `text`).

    `doc` (optional, the parse of `text`) lets a lower-case ordinary word count
    as a name when spaCy tags it a proper noun; `lexicon` is the set of
    ordinary English words (see `english_lexicon`); `protected` are role codes
    already used in the draft, never treated as names.
    """
    return matcher_for(key, lexicon, protected).find(text, doc=doc)


def _middle_name_match(text: str, m: re.Match, code: str, middle: str) -> NameMatch:
    """A mention of a middle name the draft gave keyed person `code` (rule ``middle_name``)."""
    return NameMatch(
        m.start(),
        m.end(),
        m.group(0),
        code,
        middle,
        "middle_name",
        known_scores().middle_name,
        suffix=_suffix(text, m.end()),
    )

"""The shared vocabulary: titles, family words and genders, the calendar, reporting verbs,
superscript digits and Key Practice Episode patterns, loaded once from `models/`.

Several stages need the same words (a title before a surname, "mother" as a female word,
"Jan" as no name); each concept has one list in `models/` (`models/lexicon/*.yaml`, the
calendar in `models/dates/lexicon.yaml`) and every user reads it through this module, so two
stages can no longer disagree about what a title or a month is.  Where two users need
different parts of a list, the list says which (a `personal` or `weak` flag on a title,
`before_name` on a family word, `quotes` on a reporting verb) and the accessors take the flag.

Return values are immutable (frozen dataclasses, tuples, frozensets, compiled patterns) and
cached: the data is read once per process.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

from .resources import fill_template, load_yaml, read_lines

GENDERS = ("female", "male")


# ---------------------------------------------------------------- titles
@dataclass(frozen=True)
class Title:
    """A title that stands before a person's name ("Mrs", "Dr", "PC")."""

    word: str
    gender: str | None = None
    weak: bool = False
    personal: bool = False
    person: bool = True
    finder: bool = False  # a title to the unlisted-name finder only (religious callings, family honorifics)


@lru_cache(maxsize=1)
def titles() -> tuple[Title, ...]:
    """Every title, in the data's order (models/lexicon/titles.yaml)."""
    data = load_yaml("lexicon", "titles.yaml")["titles"]
    out = []
    for word, fields in data.items():
        fields = fields or {}
        gender = fields.get("gender")
        if gender not in (None, *GENDERS):
            raise ValueError(f"titles.yaml: {word}: gender must be female, male or absent, not {gender!r}")
        out.append(
            Title(
                str(word),
                gender,
                bool(fields.get("weak", False)),
                bool(fields.get("personal", False)),
                bool(fields.get("person", True)),
                bool(fields.get("finder", False)),
            )
        )
    return tuple(out)


@lru_cache(maxsize=16)
def title_words(
    *,
    personal: bool | None = None,
    weak: bool | None = None,
    places: bool = False,
    finder: bool = False,
    casefold: bool = False,
) -> frozenset[str]:
    """The titles' words, filtered by flag (None: either).  `places` adds "St"/"Saint", which are no
    person's titles but must never be read as part of a person's name; `finder` adds the titles only
    the unlisted-name finder reads (religious callings, family honorifics)."""
    found = (
        t.word
        for t in titles()
        if (t.person or places)
        and (finder or not t.finder)
        and (personal is None or t.personal == personal)
        and (weak is None or (t.weak == weak and t.person))
    )
    return frozenset(w.casefold() if casefold else w for w in found)


@lru_cache(maxsize=1)
def title_genders() -> Mapping[str, str | None]:
    """Person title -> gender (None when the title says nothing), in the data's order."""
    return MappingProxyType({t.word: t.gender for t in titles() if t.person and not t.finder})


def title_pattern(words: Iterable[str]) -> str:
    """A regular-expression alternation of `words`, longest first ("Mrs" before "Mr")."""
    return "|".join(sorted(set(map(re.escape, words)), key=lambda w: (-len(w), w)))


# ---------------------------------------------------------------- family words and genders
@dataclass(frozen=True)
class KinWord:
    """A family word ("mother", "uncle") and what it says."""

    word: str
    gender: str | None
    before_name: bool = False


@lru_cache(maxsize=1)
def _kinship() -> dict:
    return load_yaml("lexicon", "kinship.yaml")


@lru_cache(maxsize=1)
def kin_words() -> tuple[KinWord, ...]:
    """Every family word, in the data's order (models/lexicon/kinship.yaml `kin`)."""
    out = []
    for word, fields in _kinship()["kin"].items():
        gender = (fields or {}).get("gender")
        if gender not in (None, *GENDERS):
            raise ValueError(f"kinship.yaml: {word}: gender must be female, male or null, not {gender!r}")
        out.append(KinWord(str(word), gender, bool((fields or {}).get("before_name", False))))
    return tuple(out)


@lru_cache(maxsize=4)
def gendered_words(gender: str, *, with_titles: bool = True) -> frozenset[str]:
    """Lower-case words that say `gender` ("female": mother, woman, mrs, ...): family words,
    person words ("girl") and, unless `with_titles` is False, gendered titles."""
    if gender not in GENDERS:
        raise ValueError(f"gender must be one of {GENDERS}, not {gender!r}")
    words = {k.word for k in kin_words() if k.gender == gender}
    words |= {str(w) for w, g in _kinship()["people"].items() if g == gender}
    if with_titles:
        words |= {t.word.casefold() for t in titles() if t.person and t.gender == gender}
    return frozenset(words)


@lru_cache(maxsize=1)
def before_name_words() -> frozenset[str]:
    """Lower-case words used like titles before a first name ("Uncle Sunny", "Nana Rose",
    "Baby Tesfaye"): family words marked `before_name` and the familiar prefixes."""
    return frozenset(k.word for k in kin_words() if k.before_name) | frozenset(_kinship()["familiar_prefixes"])


@lru_cache(maxsize=1)
def welsh_words() -> frozenset[str]:
    """Common Welsh words, lower case (models/lexicon/welsh_words.txt): a bilingual heading or a Welsh
    service's name ("Adolygiad Ymarfer Plant", "Ysbyty Bro ...") is words, not a person's name."""
    return frozenset(read_lines("lexicon", "welsh_words.txt"))


@lru_cache(maxsize=1)
def honorifics() -> dict:
    """The family-honorific table (models/lexicon/honorifics.yaml): `alone`, `suffix`, `teknonym` and
    `teknonym_after` words,
    keys in lower case, each with its fields; `namesake`: its two word lists, in lower case; `syllable_forms`
    and `married_suffix` as written; `diminutives`: language -> its `cues`, `endings` and `suffixes`;
    `teknonym_joiners` and `clan_prefixes` as written; `kin_suffixes`: its `attached` and `hyphened` lists;
    `speaker_relatives`: a parent's relation -> the relative a
    family word means when that parent says it; `family_language`: its `margin` and language -> script range."""
    data = load_yaml("lexicon", "honorifics.yaml") or {}
    out: dict = {
        part: {str(w).casefold(): dict(f or {}) for w, f in (data.get(part) or {}).items()}
        for part in ("alone", "suffix", "teknonym", "teknonym_after", "before_given")
    }
    out["namesake"] = {
        k: frozenset(str(w).casefold() for w in v or ()) for k, v in (data.get("namesake") or {}).items()
    }
    out["syllable_forms"] = dict(data.get("syllable_forms") or {})
    out["married_suffix"] = tuple(str(w).casefold() for w in data.get("married_suffix") or ())
    out["diminutives"] = {str(lang): dict(f or {}) for lang, f in (data.get("diminutives") or {}).items()}
    out["teknonym_joiners"] = tuple(str(w) for w in data.get("teknonym_joiners") or ())
    kin_suffixes = dict(data.get("kin_suffixes") or {})
    out["kin_suffixes"] = {
        part: tuple(str(w) for w in kin_suffixes.get(part) or ()) for part in ("attached", "hyphened")
    }
    out["clan_prefixes"] = {str(w): str(g) for w, g in (data.get("clan_prefixes") or {}).items()}
    conf = dict(data.get("family_language") or {})
    out["family_language"] = {
        "margin": float(conf.get("margin", 2)),
        "scripts": {str(lang): str(chars) for lang, chars in (conf.get("scripts") or {}).items()},
    }
    out["speaker_relatives"] = {
        str(k): {str(m): dict(f or {}) for m, f in (v or {}).items()}
        for k, v in (data.get("speaker_relatives") or {}).items()
    }
    return out


# ---------------------------------------------------------------- the calendar
@dataclass(frozen=True)
class Calendar:
    """Month and weekday words (models/dates/lexicon.yaml)."""

    months: Mapping[str, int]  # every written form ("January", "Jan", "Sept") -> 1-12
    full_months: tuple[str, ...]
    weekdays: tuple[str, ...]
    weekday_abbreviations: tuple[str, ...]

    @property
    def month_abbreviations(self) -> tuple[str, ...]:
        """Forms of a month that are not its full name ("Jan", "Sept")."""
        return tuple(m for m in self.months if m not in self.full_months)

    def date_abbreviations(self) -> frozenset[str]:
        """Lower-case short forms of months and weekdays ("jan", "sept", "thurs")."""
        return frozenset(w.casefold() for w in (*self.month_abbreviations, *self.weekday_abbreviations))

    def month_pattern(self, *, abbreviations: bool = True) -> str:
        """A regular-expression alternation of the month names (longest first)."""
        return title_pattern(self.months if abbreviations else self.full_months)


@lru_cache(maxsize=1)
def calendar() -> Calendar:
    """The calendar's words, read once."""
    data = load_yaml("dates", "lexicon.yaml")
    return Calendar(
        MappingProxyType({str(k): int(v) for k, v in data["months"].items()}),
        tuple(data["full_months"]),
        tuple(data["weekdays"]),
        tuple(data.get("weekday_abbreviations", ())),
    )


# ---------------------------------------------------------------- reporting verbs
@dataclass(frozen=True)
class ReportingVerb:
    """A verb that introduces what someone said, wrote or thought."""

    lemma: str
    kind: str  # say, contact, think
    forms: tuple[str, ...]
    quotes: bool = False  # the clause under it is what was said (events)
    self_report: bool = False  # its clause's pronoun subject is the speaker's (events)


@lru_cache(maxsize=1)
def reporting_verbs() -> tuple[ReportingVerb, ...]:
    """Every reporting verb, in the data's order (models/lexicon/reporting_verbs.yaml)."""
    return tuple(
        ReportingVerb(
            str(lemma),
            f["kind"],
            tuple(f.get("forms") or ()),
            bool(f.get("quotes", False)),
            bool(f.get("self_report", False)),
        )
        for lemma, f in load_yaml("lexicon", "reporting_verbs.yaml")["verbs"].items()
    )


@lru_cache(maxsize=1)
def reporting_forms() -> frozenset[str]:
    """The inflected forms of every reporting verb ("said", "told", "texted", "felt")."""
    return frozenset(f for v in reporting_verbs() for f in v.forms)


@lru_cache(maxsize=1)
def reporting_forms_pattern() -> str:
    """A regular-expression alternation of the reporting verbs' forms, longest first."""
    return title_pattern(reporting_forms())


@lru_cache(maxsize=4)
def reporting_lemmas(*, quotes: bool | None = None, self_report: bool | None = None) -> frozenset[str]:
    """Lemmas of the reporting verbs, filtered by flag (None: either)."""
    return frozenset(
        v.lemma
        for v in reporting_verbs()
        if (quotes is None or v.quotes == quotes) and (self_report is None or v.self_report == self_report)
    )


# ---------------------------------------------------------------- marks
@lru_cache(maxsize=1)
def superscript_digits() -> str:
    """The superscript digits 0-9 in order ("⁰¹²³⁴⁵⁶⁷⁸⁹"): footnote markers."""
    digits = str(load_yaml("lexicon", "marks.yaml")["superscript_digits"])
    if len(digits) != 10:
        raise ValueError("marks.yaml: superscript_digits must be the ten digits 0-9")
    return digits


@lru_cache(maxsize=1)
def to_superscript() -> Mapping[int, int]:
    """A `str.translate` table (read-only) from ASCII digits to superscript digits."""
    return MappingProxyType(str.maketrans("0123456789", superscript_digits()))


@lru_cache(maxsize=1)
def from_superscript() -> Mapping[int, int]:
    """A `str.translate` table (read-only) from superscript digits to ASCII digits."""
    return MappingProxyType(str.maketrans(superscript_digits(), "0123456789"))


# ---------------------------------------------------------------- Key Practice Episodes
@dataclass(frozen=True)
class KpePatterns:
    """Compiled patterns for Key Practice Episode markers and headings (case-insensitive)."""

    marker: re.Pattern[str]  # "(KPE4)": group 1 the number
    in_title: re.Pattern[str]  # "4.7 KPE7 Urgent...": group 1 the number
    trailing: re.Pattern[str]  # "... (KPE 4)." at the end of a line
    heading: re.Pattern[str]  # "KPE 12: ESW visit": group 1 the number, group 2 the title

    @staticmethod
    def label(number: int | str) -> str:
        """The canonical label of an episode ("KPE4")."""
        return f"KPE{int(number)}"


@lru_cache(maxsize=1)
def kpe() -> KpePatterns:
    """The KPE patterns of models/lexicon/kpe.yaml, with `<<label>>` and `<<number>>` filled in."""
    data = load_yaml("lexicon", "kpe.yaml")

    def build(key: str) -> re.Pattern[str]:
        fills = {"label": data["label"], "number": data["number"]}
        return re.compile(fill_template(str(data[key]), fills, "models/lexicon/kpe.yaml"), re.IGNORECASE)

    return KpePatterns(build("marker"), build("in_title"), build("trailing"), build("heading"))

"""Forms of a keyed name that the key never spells out: short forms, nicknames, misspellings.

An author lists "Kasia Nowak" and then writes "Kas", lists "Tomasz" and
writes "Tom", lists "Jade" and types "Jayde", lists "MacDonnell" and types
"McDonnell".  Each is still that person, and leaving it (or giving it a new
placeholder, a second identity) is the harm the key exists to prevent.

One pass over the capitalised words that the exact matcher left:

- **nickname**: the word is a recorded nickname of a keyed first name
  (the `nicknames` dataset: "Bill" for William, "Biddy" for Bridget);
- **short form**: the word is a prefix of a keyed first name of at least
  `short_form_min_letters` letters ("Kas", "Tom"), but not a name of its own
  that differs only by a gendered ending ("Paul" is not Paula);
- **misspelling**: the word is within a small edit distance (Damerau/OSA,
  rapidfuzz) of a keyed first name or surname, begins with the same letter,
  and is not another listed name one consonant away ("Jane" is not "Jade";
  "Mariam" is "Maryam").

Only words that look like a person are taken: capitalised, not a role word
("Carer", "Nurse"), not a month or weekday abbreviation ("Jul", "Sun")
without a person's context, not an ordinary English word unless a
possessive, a reporting verb or spaCy's PERSON says so, not followed by an
organisation's head word ("Tom Hood Centre"), and not the first half of
somebody else's full name ("Harry Jones" when the key has Harold Smith).
An ALL-CAPS word is taken only beside a keyed name in capitals ("SIAN
MCDONNELL").  Settings live in ``models/pseudonymise/name_context.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from nicknames import NickNamer
from rapidfuzz.distance import OSA

from ...lexicon import before_name_words, calendar, reporting_forms, title_pattern, title_words
from ...resources import load_yaml, read_lines
from .folding import fold, in_latin_script, romanised, skeleton

_WORD = re.compile(r"(?<![\w@.])\w[\w'’-]*")
_POSSESSIVE = re.compile(r"(?:['’]s|s['’]|['’])$")
_VOWEL_SWAPS = (frozenset("iy"), frozenset("ae"), frozenset("ou"), frozenset("ei"))  # Maryam/Mariam, Mohammed/Muhammad
_GENDERED_ENDINGS = ("a", "e", "le", "ne", "na", "ia", "ette", "elle", "ine", "ina")


@dataclass(frozen=True)
class Derived:
    """A word that is a derived form of one or more keyed names."""

    start: int
    end: int
    text: str
    targets: tuple[tuple[str, str, str], ...]  # (code, keyed word, rule: nickname/short_form/misspelling)


@dataclass(frozen=True)
class KeyedWord:
    """One word of a keyed name, for the derived-form pass."""

    code: str
    word: str  # as keyed
    folded: str  # folded, lower case
    first: bool  # a first (given) name, so short forms and nicknames apply
    gender: str | None = None  # the person's, when the key or role says it (gendered pet endings)


# ---------------------------------------------------------------- data
@lru_cache(maxsize=1)
def settings() -> dict:
    """``models/pseudonymise/name_context.yaml``, with word lists as sets."""
    conf = dict(load_yaml("pseudonymise", "name_context.yaml"))
    for k in (
        "locative_before",
        "weak_locative_before",
        "movement_before_to",
        "not_after",
        "place_heads",
        "initials_before",
    ):
        conf[k] = frozenset(conf.get(k) or ())
    return conf


@lru_cache(maxsize=1)
def _personal_title_before() -> re.Pattern[str]:
    """An everyday title ("Mr", "Dr"; models/lexicon/titles.yaml `personal`) right before a word."""
    return re.compile(rf"(?<![\w.])(?:{title_pattern(title_words(personal=True))})\.?[ \t]+(?:[A-Z]\.?[ \t]+)?$")


@lru_cache(maxsize=1)
def org_heads() -> frozenset[str]:
    """Head words of organisations, services, places and documents (``models/names/non_person_words.txt``)."""
    return frozenset(read_lines("names", "non_person_words.txt"))


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


@lru_cache(maxsize=1)
def _role_words() -> frozenset[str]:
    return frozenset(w for line in read_lines("names", "role_words.txt") for w in line.casefold().split())


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """Frequent English words (wordfreq-based list) with role words ("carer") and stop words."""
    return frozenset(read_lines("names", "common_words.txt")) | _role_words() | stop_words()


@lru_cache(maxsize=1)
def _gazetteer_first() -> frozenset[str]:
    return frozenset(fold(w).casefold() for w in read_lines("gazetteer", "first_names.txt"))


@lru_cache(maxsize=1)
def _gazetteer_names() -> frozenset[str]:
    return _gazetteer_first() | frozenset(fold(w).casefold() for w in read_lines("gazetteer", "surnames.txt"))


def is_other_name(word: str) -> bool:
    """A capitalised word that is a name in its own right: listed in a gazetteer, or not an English word."""
    lower = fold(word).casefold()
    return lower in _gazetteer_names() or lower not in _common_words()


@lru_cache(maxsize=1)
def _nicknamer() -> NickNamer:
    return NickNamer()


@lru_cache(maxsize=1)
def _diminutives() -> dict[str, frozenset[str]]:
    """``models/pseudonymise/diminutives.yaml``: other languages' everyday forms ("kasia" of Katarzyna)."""
    data = load_yaml("pseudonymise", "diminutives.yaml") or {}
    return {fold(str(k)).casefold(): frozenset(fold(str(v)).casefold() for v in vs or ()) for k, vs in data.items()}


@lru_cache(maxsize=4096)
def nicknames_of(first_name: str) -> frozenset[str]:
    """Recorded nicknames of a first name, lower case ("william" -> {"bill", "will", ...};
    "katarzyna" -> {"kasia", ...})."""
    name = first_name.casefold()
    return frozenset(_nicknamer().nicknames_of(name)) | _diminutives().get(fold(name), frozenset())


@lru_cache(maxsize=1)
def _equivalents() -> dict[str, frozenset[str]]:
    """``models/names/given_name_equivalents.yaml``: each form of a given name -> its forms in other languages."""
    data = load_yaml("names", "given_name_equivalents.yaml") or {}
    out: dict[str, frozenset[str]] = {}
    for group in data.get("groups") or ():
        forms = frozenset(fold(str(name)).casefold() for name in group)
        for form in forms:
            out[form] = out.get(form, frozenset()) | (forms - {form})
    return out


def equivalent_names(first_name: str) -> frozenset[str]:
    """The keyed given name in other languages ("jiri" -> {"georg", "george", ...}), folded, lower case."""
    return _equivalents().get(fold(first_name).casefold(), frozenset())


# ---------------------------------------------------------------- classification
def _three_letter_slip(word: str, target: str) -> bool:
    """ "Ezeh" for Eze, "Alli" for Ali: one letter added to a three-letter name, same first letter,
    no English word; a real name of its own only when the letter is an h or doubles a neighbour."""
    if len(target) != 3 or len(word) != 4 or word[0] != target[0] or word in _common_words():
        return False
    for i in range(1, 4):
        if word[:i] + word[i + 1 :] == target:
            letter = word[i]
            doubled = word[i - 1] == letter or (i < 3 and word[i + 1] == letter)
            return word not in _gazetteer_names() or letter == "h" or doubled
    return False


def _misspelling(word: str, target: str, conf: dict) -> bool:
    if conf.get("three_letter_slips", True) and _three_letter_slip(word, target):
        return True
    if len(word) < conf["min_letters"] or len(target) < conf["min_letters"] or word == target:
        return False
    if _same_skeleton(word, target, conf):
        return True  # "Kadir" of Qadir, "Aishe" of Ayşe: one name in two romanisations, whatever the first letter
    if conf.get("same_first_letter", True) and word[0] != target[0]:
        return False
    if _same_transliteration(word, target, conf):
        return True
    limit = conf["max_edits_long"] if min(len(word), len(target)) >= conf["long_from"] else conf["max_edits_short"]
    distance = OSA.distance(word, target)
    if distance == 0 or distance > limit:
        return False
    if word in _gazetteer_names() and len(word) == len(target) and sorted(word) != sorted(target):
        # another real name one letter away ("Jane"/"Jade", "Mollie"/"Millie") is another person;
        # a transliteration swaps like vowels ("Mariam"/"Maryam")
        # (every changed letter pair a vowel swap: transliterations of one name, "Mohammed"/"Muhammad")
        pairs = [frozenset((a, b)) for a, b in zip(word, target, strict=False) if a != b]
        return bool(pairs) and all(any(p <= swap for swap in _VOWEL_SWAPS) for p in pairs)
    return True


def _same_transliteration(word: str, target: str, conf: dict) -> bool:
    """ "Nabil" of Nabeel, "Sharif" of Shareef: two romanisations of one name that write a long vowel
    differently (name_context.yaml `misspelling.transliterations`)."""
    pairs = conf.get("transliterations") or ()
    if not pairs:
        return False

    def plain(w: str) -> str:
        for long, short in pairs:
            w = w.replace(long, short)
        return w

    a, b = plain(word), plain(target)
    return a == b and len(a) >= int(conf.get("transliteration_min_letters", 5))


def _same_skeleton(word: str, target: str, conf: dict) -> bool:
    """ "Aishe" or "Ayshe" of Ayşe, "Mehmedowa" of Mehmedova, "Khadidja" of Khadija: one name in two
    romanisations (name_context.yaml `misspelling.skeleton`)."""
    rewrites = conf.get("skeleton")
    if not rewrites:
        return False
    pairs = _pairs(rewrites)
    a, b = _skeleton(word, pairs), _skeleton(target, pairs)
    return a == b and len(a) >= int(conf.get("skeleton_min_letters", 4))


_PAIRS: dict[int, tuple[object, tuple[tuple[str, ...], ...]]] = {}


def _pairs(rewrites) -> tuple[tuple[str, ...], ...]:
    """The settings' rewrite list as a hashable tuple, made once per list (the settings are loaded once;
    the list is kept with its tuple, so its id cannot be reused by another list)."""
    held = _PAIRS.get(id(rewrites))
    if held is None or held[0] is not rewrites:
        held = _PAIRS[id(rewrites)] = (rewrites, tuple(tuple(pair) for pair in rewrites))
    return held[1]


@lru_cache(maxsize=8192)
def _skeleton(word: str, pairs: tuple[tuple[str, ...], ...]) -> str:
    """`skeleton` once per word: every keyed name is compared with every capitalised word of the draft."""
    return skeleton(word, pairs)


def _short_form(
    word: str, target: str, min_prefix: int, accented: bool = False, family_endings: tuple[str, ...] = ()
) -> bool:
    """A prefix ("Kas" of Kasia), a diminutive of a prefix ("Sunny" of Sunday, "Tommy" of Tomasz) or,
    for long names, an ending ("Kemi" of Oluwakemi, "Femi" of Oluwafemi)."""
    if len(word) < min_prefix:
        return False
    if _pet_suffixed(word, target, min_prefix, accented, family_endings) or _syllable_pet_form(word, target):
        return True  # "Clarinha" of Clara: a pet ending may make the form longer than the name
    if len(target) <= len(word) - 2:
        return False
    if target.startswith(word) and len(target) > len(word):
        # "Paul" is not Paula, "Daniel" not Danielle: a name of its own with a gendered ending
        return not (word in _gazetteer_first() and target[len(word) :] in _GENDERED_ENDINGS)
    if len(target) >= 7 and len(word) >= 4 and len(target) - len(word) >= 3 and target.endswith(word):
        return True
    for cut in range(min_prefix, len(target)):
        stem = target[:cut]
        if word in (stem + "y", stem + "ie", stem + stem[-1] + "y", stem + stem[-1] + "ie"):
            return True
    stem = target[:2]  # "Imi" of Imran, "Kasi" of Kasia: a two-letter stem and a pet ending, no name of its own
    return (
        len(target) >= 5
        and word in (stem + "i", stem + "y", stem + "ie", stem + "si")
        and word not in _gazetteer_names()
        and word not in _common_words()
    )


@lru_cache(maxsize=1)
def _pet_suffixes() -> tuple[str, ...]:
    """``diminutive_suffixes`` of name_context.yaml, folded, longest first."""
    return tuple(
        sorted({fold(str(s)).casefold() for s in settings().get("diminutive_suffixes") or ()}, key=len, reverse=True)
    )


def _pet_suffixed(
    word: str, target: str, min_prefix: int, accented: bool = False, family_endings: tuple[str, ...] = ()
) -> bool:
    """ "Vani" of Vanesa, "Gabo" of Gabriel, "Dovis" of Dovydas, "Ruizinho" of Rui: the first letters of the
    keyed name (at least `min_prefix`, up to all of it) and a pet-name ending; never a listed name or an
    English word.  With the endings of the family's language (`family_pet_endings`), a listed name is one
    too: the draft's own word for the language says "Lili" is Lilla's pet form, not a name of its own."""
    if word in _common_words():
        return False
    if _ends_a_prefix(word, target, min_prefix, family_endings) or _ends_a_short_form(
        word, target, min_prefix, family_endings
    ):
        return True
    if word in _gazetteer_names() and not accented:
        return False  # "Paulina" is a name of its own; "Martiņa" (Marta's Latvian pet form) is spelt as no listed name
    return _ends_a_prefix(word, target, min_prefix, _pet_suffixes())


# marks an ending written after the stem's last consonant doubled (pet_forms.yaml `doubled_endings`): "=a" is "Sigga"
_DOUBLED = "="


def _ends_a_prefix(word: str, target: str, min_prefix: int, endings: tuple[str, ...]) -> bool:
    """`word` is the first letters of `target` (at least `min_prefix`) and one of `endings` (with a doubled ending,
    the first letters, their last consonant again, and the ending: "Sigga" of Sigríður)."""
    for suffix in endings:
        if suffix.startswith(_DOUBLED):
            cut = len(word) - len(suffix)  # the ending's letters and the doubled consonant
            if (
                word.endswith(suffix[1:])
                and min_prefix <= cut
                and word[cut - 1] == word[cut]
                and word[cut] not in "aeiouy"
                and target.startswith(word[:cut])
            ):
                return True
            continue
        cut = len(word) - len(suffix)
        if word.endswith(suffix) and min_prefix <= cut <= len(target) and target.startswith(word[:cut]):
            return True
    return False


def _ends_a_short_form(word: str, target: str, min_prefix: int, endings: tuple[str, ...]) -> bool:
    """ "Tanechka" of Tatiana: languages that build pet forms on the name's short form ("Tanya", a recorded
    nickname of Tatiana) put the family's endings on that short form's first letters, which the full name
    need not begin with.  Only with the family's endings: the draft names the language."""
    return bool(endings) and any(_ends_a_prefix(word, short, min_prefix, endings) for short in nicknames_of(target))


@lru_cache(maxsize=1)
def _family_pet_table() -> tuple[re.Pattern[str] | None, dict[str, tuple[str, ...]]]:
    """``models/names/pet_forms.yaml``: one pattern of every language cue, and each cue's pet endings."""
    data = load_yaml("names", "pet_forms.yaml") or {}
    endings: dict[str, tuple[str, ...]] = {}
    for name, entry in data.items():
        if name in ("syllable_pet_forms", "doubled_syllable_pet_forms"):
            continue
        found = set()
        for gender in ("", "female", "male"):  # "female:a" applies to women only (`for_gender`)
            mark = f"{gender}:" if gender else ""
            key = f"{gender}_endings" if gender else "endings"
            found |= {mark + fold(str(e)).casefold() for e in entry.get(key) or ()}
            found |= {mark + _DOUBLED + fold(str(e)).casefold() for e in entry.get(f"doubled_{key}") or ()}
        folded = tuple(sorted(found, key=len, reverse=True))
        for cue in entry.get("cues") or ():
            endings[str(cue)] = folded
    if not endings:
        return None, {}
    cues = "|".join(sorted(map(re.escape, endings), key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{cues})(?![\w-])"), endings


@lru_cache(maxsize=64)
def for_gender(endings: tuple[str, ...], gender: str | None) -> tuple[str, ...]:
    """The family's pet endings that fit a person of `gender` (None: unknown, so every one): a gendered ending
    ("female:a") only for that gender, marked in `_family_pet_table`."""
    out = []
    for ending in endings:
        mark, _, bare = ending.rpartition(":")
        if not mark or gender is None or mark == gender:
            out.append(bare)
    return tuple(sorted(set(out), key=len, reverse=True))


@lru_cache(maxsize=2)
def family_pet_endings(text: str) -> tuple[str, ...]:
    """The pet endings of every language the draft names as a capitalised word ("the family is Hungarian"):
    the family's own ways of shortening a name (models/names/pet_forms.yaml).  One scan of the text, kept
    for the text's next asker (derived forms, and the alias declarations read twice)."""
    rx, endings = _family_pet_table()
    if rx is None:
        return ()
    found = {m.group(0) for m in rx.finditer(text)}
    return tuple(sorted({e for cue in found for e in endings[cue]}, key=len, reverse=True))


@lru_cache(maxsize=1)
def _orthography_table() -> tuple[re.Pattern[str] | None, dict[str, tuple[tuple[tuple[str, str], ...], int]]]:
    """``models/names/orthographies.yaml``: one pattern of every language cue, and each cue's rewrites."""
    data = load_yaml("names", "orthographies.yaml") or {}
    by_cue: dict[str, tuple[tuple[tuple[str, str], ...], int]] = {}
    for entry in data.values():
        rewrites = tuple((str(a).casefold(), str(b).casefold()) for a, b in entry.get("rewrites") or ())
        for cue in entry.get("cues") or ():
            by_cue[str(cue)] = (rewrites, int(entry.get("min_letters", 4)))
    if not by_cue:
        return None, {}
    cues = "|".join(sorted(map(re.escape, by_cue), key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{cues})(?![\w-])"), by_cue


FamilySpelling = tuple[tuple[tuple[str, str], ...], int]  # (rewrites, fewest letters taken as one name)


def family_spelling(text: str) -> FamilySpelling:
    """The letter rewrites of every language the draft names as a capitalised word ("The family are Somali"):
    how the family's spelling of a name and an English record's differ (models/names/orthographies.yaml).
    One scan of the text; no rewrites when no such language is named."""
    rx, by_cue = _orthography_table()
    if rx is None:
        return (), 0
    found = sorted({m.group(0) for m in rx.finditer(text)})
    if not found:
        return (), 0
    rewrites = tuple(dict.fromkeys(pair for cue in found for pair in by_cue[cue][0]))
    return rewrites, min(by_cue[cue][1] for cue in found)


_QUOTED_NAME = re.compile(r"[\"“‘]((?-i:[A-Z])[^\W\d_]+)[\"”’]")


_QUOTED_LIST = re.compile(
    r"[\"“‘][^\"“”‘’\n]{1,40}[\"”’](?:[ \t]*(?:,|;|/)?[ \t]*(?:(?:and|or)[ \t]+)?[\"“‘][^\"“”‘’\n]{1,40}[\"”’])*"
)
_CUE_REACH = 60  # characters before a quoted list that may hold its spelling cue


@lru_cache(maxsize=1)
def _spelling_cue() -> re.Pattern[str] | None:
    """A spelling cue (name_context.yaml `spelling_cues`) ending right before a quoted list: looked for only
    before the draft's quoted lists, which are few, not across the whole text."""
    cues = settings().get("spelling_cues") or ()
    if not cues:
        return None
    alternation = "|".join(f"(?:{c})" for c in cues)
    return re.compile(rf"(?<![\w-])(?:{alternation})[ \t]*:?[ \t]*$", re.IGNORECASE)


def declared_spellings(text: str, keyed: list[KeyedWord]) -> frozenset[tuple[str, str]]:
    """(variant, keyed word), folded: spellings the draft declares for keyed names ('"Jallow" and "Bah" are
    Gambian spellings; the same names are written "Diallo" and "Barry" in Guinea'; 'Senait, also spelt
    "Senayt"').  The quoted names after a spelling cue pair, in order, with as many quoted keyed names before
    it in the same sentence; a single variant with the one keyed name before it.  A list that does not pair
    declares nothing."""
    if not keyed:
        return frozenset()
    return _declared_spellings(text, frozenset(k.folded for k in keyed))


@lru_cache(maxsize=2)
def _declared_spellings(text: str, keyed_folded: frozenset[str]) -> frozenset[tuple[str, str]]:
    """`declared_spellings` once per text: the derived-form pass and the name runs both ask."""
    rx = _spelling_cue()
    if rx is None:
        return frozenset()
    out: set[tuple[str, str]] = set()
    for q in _QUOTED_LIST.finditer(text):
        m = rx.search(text, max(0, q.start() - _CUE_REACH), q.start())
        if m is None:
            continue
        variants = [fold(v).casefold() for v in _QUOTED_NAME.findall(q.group(0))]
        variants = [v for v in variants if v not in keyed_folded]
        start = max(text.rfind(".", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
        before = text[start : m.start()]
        named = [w for w in (fold(q).casefold() for q in _QUOTED_NAME.findall(before)) if w in keyed_folded]
        if not named and len(variants) == 1:
            named = [w for w in (fold(q).casefold() for q in _WORD.findall(before)) if w in keyed_folded][-1:]
        if variants and len(named) == len(variants):
            out.update(zip(variants, named, strict=True))
    return frozenset(out)


def _family_spelt(word: str, target: str, spelling: FamilySpelling, conf: dict) -> bool:
    """ "Jama" of Jaamac, "Hussein" of Xuseen: the two agree once the family's letters are written as English
    records write them, or differ then only as a slip would (`_misspelling`)."""
    rewrites, min_letters = spelling
    a, b = _skeleton(word, rewrites), _skeleton(target, rewrites)
    if (a, b) == (word, target):
        return False  # no letter of the family's spelling: the plain comparison has answered
    return (a == b and len(a) >= min_letters) or _misspelling(a, b, conf)


@lru_cache(maxsize=1)
def _doubled_syllable_letters() -> int:
    conf = (load_yaml("names", "pet_forms.yaml") or {}).get("doubled_syllable_pet_forms") or {}
    return int(conf.get("min_letters", 3))


def _doubled_syllable(word: str, target: str) -> bool:
    """ "Haohao" of Jiahao, "Xinxin" of Yuxin: the first or last syllable of a given name said twice, as
    Chinese families call a child (models/names/pet_forms.yaml `doubled_syllable_pet_forms`); the syllable is
    a proper start or end of the keyed name, so the keyed name itself is the evidence."""
    half, odd = divmod(len(word), 2)
    if odd or half < _doubled_syllable_letters() or half >= len(target) or word[:half] != word[half:]:
        return False
    return target.startswith(word[:half]) or target.endswith(word[:half])


@lru_cache(maxsize=1)
def _syllable_settings() -> tuple[int, tuple[str, ...]]:
    conf = (load_yaml("names", "pet_forms.yaml") or {}).get("syllable_pet_forms") or {}
    endings = tuple(sorted({str(e).casefold() for e in conf.get("endings") or ()}, key=len, reverse=True))
    return int(conf.get("min_letters", 3)), endings


def _syllable_pet_form(word: str, target: str) -> bool:
    """ "Yeonie" of Seo-yeon, "Junie" of Min-jun: one syllable of a hyphened given name with a pet ending,
    the hyphen being the key's own evidence that each half is a part of the name (models/names/pet_forms.yaml)."""
    if "-" not in target or word in _common_words():
        return False
    min_letters, endings = _syllable_settings()
    parts = [p for p in target.split("-") if len(p) >= min_letters]
    return any(word == p + e or word == p + p[-1] + e for p in parts for e in endings)


@lru_cache(maxsize=1)
def _mutations() -> tuple[tuple[str, str], ...]:
    """Initial consonant mutations of Welsh, Scottish Gaelic and Irish as (radical, mutated) pairs."""
    pairs = settings().get("initial_mutations", [])
    return tuple(sorted(((a.casefold(), b.casefold()) for a, b in pairs), key=lambda p: -len(p[0])))


def _mutated(word: str, target: str, min_prefix: int) -> bool:
    """ "Wen" of Gwenllian ("i Wen": soft mutation of a short form), "Ddafydd" of Dafydd, "Mhàiri" of
    Màiri (lenition after "a"), "nGráinne" (eclipsis): a name inside Welsh or Gaelic speech or
    writing starts with another consonant.  The mutated name, or a short form of it, must not be a
    name of its own."""
    if word in _gazetteer_names() or len(word) < min_prefix:
        return False  # an English word ("Wen") is left to the person-context test after
    return any(word == form or _short_form(word, form, min_prefix) for form in _mutated_forms(target))


@lru_cache(maxsize=4096)
def _mutated_forms(target: str) -> tuple[str, ...]:
    """The mutated forms of a keyed name ("wen", "gwen" -> ...), computed once per name."""
    out = []
    for radical, mutated in _mutations():
        if target.startswith(radical) and len(target) > len(radical):
            form = mutated + target[len(radical) :]
            if form != target:
                out.append(form)
    return tuple(out)


def _accented_suffix(word: str, folded: str) -> bool:
    """The word's ending carries letters that folding loses ("Martiņa"): no spelling of a listed name."""
    return word[-3:].casefold() != folded[-3:]


def classify(
    word: str,
    keyed: list[KeyedWord],
    family_endings: tuple[str, ...] = (),
    family: frozenset[str] = frozenset(),
    spelling: FamilySpelling = ((), 0),
) -> list[tuple[str, str, str]]:
    """Which keyed names `word` derives from, and how (empty when none).  A word in another script ("Айше")
    is compared in Latin letters; `family_endings` are the pet endings of the family's language
    (`family_pet_endings`), for the given names of the family's members (codes in `family`) only: the
    family's language says nothing of how the social worker's name is shortened.  `spelling` is the letters of
    the family's language (`family_spelling`), also for the family's members only."""
    folded = romanised(word)
    conf = settings()
    min_prefix = int(conf.get("short_form_min_letters", 3))
    found = []
    for k in keyed:
        if folded == k.folded:
            continue  # an exact form (accents folded): the exact matcher's
        if k.first and (folded in nicknames_of(k.folded) or _nickname_spelling(folded, k.folded)):
            found.append((k.code, k.word, "nickname"))
        elif k.first and _short_form(
            folded,
            k.folded,
            min_prefix,
            in_latin_script(word) and _accented_suffix(word, folded),
            for_gender(family_endings, k.gender) if k.code in family else (),
        ):
            found.append((k.code, k.word, "short_form"))
        elif k.first and _doubled_syllable(folded, k.folded):
            found.append((k.code, k.word, "short_form"))
        elif _misspelling(folded, k.folded, conf["misspelling"]) or (
            spelling[0] and k.code in family and _family_spelt(folded, k.folded, spelling, conf["misspelling"])
        ):
            found.append((k.code, k.word, "misspelling"))
        elif k.first and _mutated(folded, k.folded, min_prefix):
            found.append((k.code, k.word, "short_form"))
        elif k.first and (_glued(folded, k.folded, conf) or _clipped(folded, k.folded, conf)):
            found.append((k.code, k.word, "short_form"))
        elif k.first and folded in equivalent_names(k.folded):
            found.append((k.code, k.word, "equivalent"))  # "Georg" of Jiri: kept only where the draft ties it
    return found


def _pet_ending(word: str) -> str:
    """`word` with an English pet-name ending written one way (name_context.yaml `nickname_endings`)."""
    for ending in settings().get("nickname_endings") or ():
        if word.endswith(ending) and len(word) - len(ending) >= 2:
            return word[: -len(ending)] + "_"
    return word


def _nickname_spelling(word: str, target: str) -> bool:
    """ "Olly" of Oliver (the dataset has "Ollie"), "Gaz" of Gary: another spelling of a recorded nickname's
    pet ending, or the English clipped form of the first syllable and a z ("Baz", "Shaz", "Jez";
    name_context.yaml `clipped_z`); never an English word."""
    if word in _common_words() or len(word) < 3:
        return False
    ending = _pet_ending(word)
    if ending != word and any(_pet_ending(n) == ending for n in nicknames_of(target)):
        return True
    for z in settings().get("clipped_z") or ():
        stem = word[: -len(z)]
        if (
            word.endswith(z)
            and 2 <= len(stem) < len(target)
            and target.startswith(stem)
            and target[len(stem)] not in "aeiouyz"
            and any(ch in "aeiouy" for ch in stem)
        ):
            return True
    return False


def _glued(word: str, target: str, conf: dict) -> bool:
    """ "Jigneshbhai" of Jignesh, "Bincymol" of Bincy, "Jomonchayan" of Jomon: the whole keyed given name
    (`glued_forms.min_name_letters` or more) with a short tail glued on, an honorific or pet ending of any
    language; no list of endings, only the shape, so never a listed name ("Paula", "Jameson") or a word."""
    g = conf.get("glued_forms") or {}
    tail = len(word) - len(target)
    ending = word[len(target) :]
    if ending in set(g.get("place_tails") or ()) or (len(ending) >= 3 and ending in _common_words()):
        return False  # "Heatherbank", "Rosehill": a name and an English word or place ending are a place
    return (
        len(target) >= int(g.get("min_name_letters", 4))
        and int(g.get("min_tail_letters", 2)) <= tail <= int(g.get("max_tail_letters", 6))
        and word.startswith(target)
        and word not in _gazetteer_names()
        and word not in _common_words()
    )


def _glued_before_kin_word(text: str, end: int, word: str, targets, keyed: list[KeyedWord]) -> bool:
    """ "Reyanshni mummy": a glued form before a family word is a genitive ("Reyansh's mummy"), another
    person; left to the teknonym rules and verify rather than coded as the named one."""
    from ...lexicon import kin_words

    nxt = re.match(r"[ \t]+([^\W\d_]+)", text[end : end + 30])
    family = {k.word for k in kin_words()} | set((settings().get("glued_forms") or {}).get("not_before") or ())
    if nxt is None or nxt.group(1).casefold() not in family:
        return False
    folded = romanised(word)
    conf = settings()
    return any(_glued(folded, k.folded, conf) for k in keyed if k.first and k.code in {t[0] for t in targets})


def _clipped(word: str, target: str, conf: dict) -> bool:
    """ "Minata" of Aminata, "Sofia" of Zsofia: a keyed given name with its first letter or two dropped, as
    a clerk hears or a family shortens it.  One letter off: a given name or a word that is no English word;
    two: only a word that is no listed name of its own and no English word either (`clipped_forms`)."""
    c = conf.get("clipped_forms") or {}
    cut = len(target) - len(word)
    if len(word) < int(c.get("min_letters", 5)) or not 1 <= cut <= int(c.get("max_letters_dropped", 2)):
        return False
    if not target.endswith(word):
        return False
    if cut == 1:  # "Sofia" is a frequent word only as a name (or a city): a given name is still a form
        return word not in _common_words() or word in _gazetteer_first()
    return word not in _common_words() and word not in _gazetteer_names()


# ---------------------------------------------------------------- context
_SPEAKER = re.compile(r"(?:^|\n)[ \t]*(?:>[ \t]*)?$")
_SIGNED_OFF = re.compile(r"[.!?][ \t]+$")
_ALIAS_AFTER = re.compile(
    r"[ \t]*[,(][ \t]*as[ \t]+(?:[\w'’]+[ \t]+){0,4}(?:call(?:s|ed)?|know(?:s|n)?|refer(?:s|red)?[ \t]+to"
    r"|introduc(?:es|ed|e)|sign(?:s|ed)?)\b"
)


def _person_context(text: str, start: int, end: int, possessive: bool, doc_tokens, trust_ner: bool) -> bool:
    """A possessive, a reporting verb after, a title before, or (where trusted) spaCy's PERSON."""
    if possessive:
        return True
    nxt = re.match(r"[ \t]+([a-z]+)", text[end : end + 20])
    if nxt and nxt.group(1) in reporting_forms():
        return True
    if _personal_title_before().search(text[max(0, start - 10) : start]):  # "Mrs Sted", "Mrs M. Sted"
        return True
    if _ALIAS_AFTER.match(text, end):
        return True  # "Toby, as colleagues call Mr van der Merwe", "Toby (as he is known)", "as he introduces himself"
    if _speaker_or_signature(text, start, end):
        return True
    before = re.search(r"(\w+)[ \t]+$", text[max(0, start - 12) : start])
    if before and before.group(1).casefold() in before_name_words() and before.group(1)[:1].isupper():
        return True  # "Uncle Sunny"
    token = doc_tokens.get(start) if doc_tokens is not None else None
    if token is None or not trust_ner:
        return False
    if token.ent_type_ == "PERSON":
        return True
    nxt_token = token.nbor(1) if token.i + 1 < len(token.doc) else None
    # a proper noun mid-sentence that a verb follows ("when Sunny comes home")
    return (
        token.pos_ == "PROPN"
        and not token.is_sent_start
        and nxt_token is not None
        and nxt_token.pos_ in ("VERB", "AUX")
    )


def _speaker_or_signature(text: str, start: int, end: int) -> bool:
    """ "> Lu: hi miss" (the speaker of a message or transcript line) or "... on Friday. Jet" (the name
    signing a message off); never a month or weekday ("Jun:" heading a chronology's month)."""
    if fold(text[start:end]).casefold() in calendar().date_abbreviations():
        return False
    if _SPEAKER.search(text, max(0, start - 8), start) and text[end : end + 1] == ":":
        return True
    return bool(_SIGNED_OFF.search(text[max(0, start - 3) : start])) and bool(
        re.match(r"[ \t]*(?:\n|$)", text[end : end + 3])
    )


def _looks_like_person(
    text: str, start: int, end: int, word: str, possessive: bool, lexicon: frozenset[str], doc_tokens, misspelt: bool
) -> bool:
    """Not a role word, a month, part of an organisation's name or another person's full name; a name
    rather than an ordinary word.

    A nickname or short form that is not a frequent word ("Biddy", "Kas") is a
    name; a frequent one ("Will", "Tom") or a month abbreviation ("Jul") needs a
    person's context.  A misspelling that is an English word ("Carer" for
    Carter) needs more than spaCy's PERSON tag, which capitalisation fools.
    """
    lower = fold(word).casefold()
    if lower in _role_words():
        return False
    after = text[end : end + 40]
    nxt = re.match(r"[ \t]+([A-Za-z][\w'’-]*)", after)
    if nxt and nxt.group(1) in org_heads():
        return False
    if re.match(r"-[A-Za-z]", after):
        return False  # "Tom-Tom", "Ashton-under-Lyne"
    if lower in calendar().date_abbreviations():
        return _person_context(text, start, end, possessive, None, False)
    common = lower in _common_words() or (misspelt and lower in lexicon)
    if not common:
        return True
    if _opens_as_verb(start, doc_tokens):
        return False  # "Met Sigga and Freyja": a log's verb, capitalised by position, before the name it met
    return _person_context(text, start, end, possessive, doc_tokens, trust_ner=not misspelt)


def _opens_as_verb(start: int, doc_tokens) -> bool:
    """An English word that opens a subject-dropped clause as a verb (opening_verbs.py), by the parse."""
    token = doc_tokens.get(start) if doc_tokens is not None else None
    if token is None:
        return False
    from .opening_verbs import opening_verb
    from .unknown import lexicon

    lex = lexicon()
    return opening_verb(token, lex.common, lex.is_known_name)


def _someone_elses_full_name(text: str, end: int, targets, keyed: list[KeyedWord]) -> bool:
    """ "Harry Jones, the GP": a capitalised surname after the word that none of the candidates has."""
    nxt = re.match(r"[ \t]+([A-Z][\w'’-]+)", text[end : end + 40])
    if not nxt or not is_other_name(nxt.group(1)) or nxt.group(1) in org_heads():
        return False
    following = fold(nxt.group(1)).casefold()
    if any(not k.first and k.folded == following for k in keyed):
        return False  # "Hawa Okonkwo" of a keyed Hauwa: a keyed family's surname, as "Nasima Begum" (names/links.py)
    codes = {code for code, _, _ in targets}
    return not any(
        k.code in codes and not k.first and (following in _surname_parts(k) or classify(nxt.group(1), [k]))
        for k in keyed
    )


def _surname_parts(k: KeyedWord) -> set[str]:
    """A keyed surname, its first part when double-barrelled ("Campbell" of Campbell-Whyte), and its family
    forms ("Yusuf" of Yusufov, "Kowalski" of Kowalska: names/family_forms.py)."""
    from .family_forms import family_surnames

    forms = {fold(f).casefold() for f in family_surnames(k.word)}
    return {k.folded, re.split(r"[-‐‑]", k.folded)[0], *forms}


# ---------------------------------------------------------------- the pass
def find_derived(
    text: str,
    keyed: list[KeyedWord],
    taken: list[tuple[int, int]],
    protected: frozenset[str],
    lexicon: frozenset[str],
    doc=None,
    family: frozenset[str] = frozenset(),
) -> list[Derived]:
    """Every capitalised word outside `taken` that derives from a keyed name (`family`: the codes of the
    family's members, whose names the family's language shortens; see `classify`)."""
    if not keyed:
        return []
    doc_tokens = _TokensAt(doc) if doc is not None else None
    damaged = _damaged_names(text, keyed, taken)
    spans = sorted([*taken, *((d.start, d.end) for d in damaged)])
    ends = {e for _, e in spans}
    starts = {s for s, _ in spans}
    seen: dict[str, list] = {}  # a review repeats its words: classify each once
    family_endings = family_pet_endings(text)
    spelling = family_spelling(text)
    declared = declared_spellings(text, keyed)
    lower_forms: dict[str, bool] = {}  # and tests each lower-case word once
    out = []
    pending: list[Derived] = []  # person-like only by the draft's other uses of the word
    j = 0
    claimed: set[int] = set()  # surname forms already taken with the given name before them

    def spelt(w: str) -> list[tuple[str, str, str]]:
        """`classify` of a word, once per word (the word's neighbours are asked about too)."""
        if w not in seen:
            seen[w] = classify(w, keyed, family_endings, family, spelling)
        return seen[w]

    for m in _WORD.finditer(text):
        start = m.start()
        word = m.group(0)
        if start in claimed:
            continue
        if not word[:1].isupper():
            if word not in lower_forms:
                lower_forms[word] = _lower_case_form(word, keyed, lexicon)
            if not lower_forms[word]:
                continue
        poss = _POSSESSIVE.search(word)
        if poss:
            word = word[: poss.start()]
        word = word.rstrip("-")
        end = start + len(word)
        if word in protected or word.casefold() in stop_words() or len(word) < 2:
            continue  # "She said" is never a short form of Sheila
        # an acronym, unless next to a keyed name in capitals ("SIAN MCDONNELL") or a record's "HUSSEIN, Deniz"
        caps_alone = word.isupper() and not _beside_caps_name(text, start, end, starts, ends)
        record_comma = re.match(r",[ \t]+[A-Z]", text[end : end + 3])
        if caps_alone and not record_comma and not _capitalised_beside(text, start, end):
            continue
        while j < len(spans) and spans[j][1] <= start:
            j += 1
        if j < len(spans) and spans[j][0] < end:
            continue
        targets = spelt(word)
        if len(word) < 3:
            targets = [t for t in targets if t[2] == "nickname"]  # "Jo", "Ed": recorded nicknames only
        paired = bool(targets) and _beside_own_spelling(text, start, end, targets, spelt)
        if not targets or (caps_alone and not paired and not _beside_own_given(text, start, end, targets, keyed)):
            continue
        misspelt = all(rule == "misspelling" for _, _, rule in targets)
        before_own = _before_own_surname(text, end, targets, keyed) or _before_own_name_word(
            text, end, targets, keyed, family, spelling, declared
        )
        if not before_own and all(rule == "equivalent" for _, _, rule in targets):
            # "Georg" of a keyed Jiri: the same name in another language, but alone it may be anybody; it is his
            # only where the draft writes it before his surname ("Georg Schimek"), here or elsewhere
            if not _before_org_or_place(text, end):
                pending.append(Derived(start, end, word, tuple(targets)))
            continue
        if before_own and fold(word).casefold() not in _role_words():
            # "Muhammad Iqbal" with Mohammed Iqbal keyed: the surname says it is him; a family form of it
            # ("Ismayil Yusuf" of Ismail Yusufov) or its spelling in another language ("Georg Schimek" of Jiri
            # Šimek) is his too, and is taken with the given name
            companion = _own_surname_form(text, end, targets, keyed, spans, family, spelling)
            out += companion
            claimed.update(d.start for d in companion)
        elif _in_fixed_phrase(text, start, end) or _business_possessive(text, start, bool(poss)):
            continue  # "the Old Bill", "a McDonald's": not even a person elsewhere confirms it
        elif not _looks_like_person(text, start, end, word, bool(poss), lexicon, doc_tokens, misspelt) and not (
            paired or _beside_own_given(text, start, end, targets, keyed)
        ):
            if (not misspelt or word.isupper() or word[1:].islower()) and not _before_org_or_place(text, end):
                if _mid_sentence(text, start) or misspelt:
                    pending.append(Derived(start, end, word, tuple(targets)))
            continue
        if len(word) < 3 and not _person_context(text, start, end, bool(poss), doc_tokens, True):
            if _mid_sentence(text, start) and not _before_org_or_place(text, end):
                pending.append(Derived(start, end, word, tuple(targets)))  # "talked to Lu about": as elsewhere
            continue
        if (not before_own and _someone_elses_full_name(text, end, targets, keyed)) or _in_fixed_phrase(
            text, start, end
        ):
            continue
        if _glued_before_kin_word(text, end, word, targets, keyed):
            continue
        out.append(Derived(start, end, word, tuple(targets)))
    # a short form the draft uses as a person once ("Uncle Sunny") is that person wherever it is
    # capitalised mid-sentence ("asked about Sunny when …"), not only where its context says so
    # (a spelling of a keyed surname too: "Koseoglou" beside the child's keyed first name is the family's name
    # wherever the draft writes it, "letters to Koseoglou came back")
    confirmed = {d.text.casefold() for d in out}
    out += [d for d in pending if d.text.casefold() in confirmed]
    slashed = slashed_forms(text, keyed, list(spans))
    out = [d for d in out if not any(s.start < d.end and d.start < s.end for s in slashed)]
    return sorted(out + damaged + slashed, key=lambda d: d.start)


_DAMAGED = re.compile(r"(?<![\w'’?\ufffd-])[^\W\d_]+(?:[?\ufffd][^\W\d_]*)+(?<!\?)(?![\w'’-])")


def _damaged_names(text: str, keyed: list[KeyedWord], taken: list[tuple[int, int]]) -> list[Derived]:
    """ "Ay?e", "Ay\ufffde" for Ayşe: a system that could not store a letter wrote "?" or the replacement
    character in its place.  A capitalised word with such a mark inside that matches exactly one keyed
    person's word letter for letter (the mark standing for any one letter, at least three letters kept)."""
    out = []
    for m in _DAMAGED.finditer(text):
        word = m.group(0)
        letters = sum(ch.isalpha() for ch in word)
        if not word[:1].isupper() or letters < 3 or any(s < m.end() and m.start() < e for s, e in taken):
            continue
        pattern = re.compile("".join("." if ch in "?\ufffd" else re.escape(ch) for ch in fold(word).casefold()))
        hits = {(k.code, k.word) for k in keyed if pattern.fullmatch(k.folded)}
        if len({code for code, _ in hits}) == 1:
            out.append(Derived(m.start(), m.end(), word, tuple((c, w, "misspelling") for c, w in sorted(hits))))
    return out


def _lower_case_form(word: str, keyed: list[KeyedWord], lexicon: frozenset[str]) -> bool:
    """ "kawai" of Ka-Wai, "meiling" of Mei-Ling: a lower-case word (a text message, a slip) that is a keyed
    hyphenated given name run together, and no English word."""
    low = fold(word).casefold()
    if len(low) < 4 or low in _common_words() or low in lexicon:
        return False
    return any(k.first and low == re.sub(r"[-‐‑ ]", "", k.folded) != k.folded for k in keyed)


_PHRASE_WORD = re.compile(r"[\w'’-]+")


def _in_fixed_phrase(text: str, start: int, end: int) -> bool:
    """The word is inside a fixed phrase that names no person ("the Old Bill", "Moses basket"; the
    phrases of ``models/names/not_people.yaml``)."""
    from .unknown import _phrase_key, lexicon

    phrases = lexicon().not_people_phrases
    lo = max(0, start - 40)
    words = [
        (m.start() + lo, _phrase_key(m.group(0))) for m in _PHRASE_WORD.finditer(text[lo : min(len(text), end + 40)])
    ]
    at = next((i for i, (pos, _) in enumerate(words) if pos == start), None)
    if at is None:
        return False
    keys = [k for _, k in words]
    for k in range(max(0, at - 3), at + 1):
        for phrase in phrases.get(keys[k], ()):
            if k + len(phrase) > at and tuple(keys[k : k + len(phrase)]) == phrase:
                return True
    return False


def _business_possessive(text: str, start: int, possessive: bool) -> bool:
    """ "worked at a McDonald's", "an Asda's car park": a possessive after "a"/"an" is a shop or a firm,
    never a person."""
    return possessive and bool(re.search(r"(?<![\w'’-])(?:a|an|A|An)[ \t]+$", text[max(0, start - 4) : start]))


class _TokensAt:
    """The token starting at a character offset, built only for the few words asked about (iterating a
    whole Doc builds a Token object per token: a tenth of a second on a long review)."""

    def __init__(self, doc):
        from spacy.attrs import IDX

        self.doc = doc
        self.index = {idx: i for i, idx in enumerate(doc.to_array(IDX).tolist())} if len(doc) else {}

    def get(self, start: int):
        i = self.index.get(start)
        return None if i is None else self.doc[i]


def _mid_sentence(text: str, start: int) -> bool:
    """Capitalised although not at the start of a sentence, a line or a quotation."""
    before = text[max(0, start - 4) : start]
    return bool(before) and not re.search(r"(?:^|[.!?:;\n\"“‘'(\[]|\d)[ \t]*$", before)


def _before_org_or_place(text: str, end: int) -> bool:
    nxt = re.match(r"[ \t]+([A-Z][\w'’-]*)", text[end : end + 40])
    return nxt is not None and (nxt.group(1) in org_heads() or nxt.group(1) in settings()["place_heads"])


def _before_own_surname(text: str, end: int, targets, keyed: list[KeyedWord]) -> bool:
    """The next word on the line is a keyed surname of one of the people the word may be."""
    nxt = re.match(r"[ \t]+([A-Z][\w'’-]+)", text[end : end + 40])
    if not nxt:
        return False
    following = fold(nxt.group(1)).casefold()
    codes = {code for code, _, _ in targets}
    return any(k.code in codes and not k.first and following in _surname_parts(k) for k in keyed)


def _before_own_name_word(
    text: str,
    end: int,
    targets,
    keyed: list[KeyedWord],
    family: frozenset[str],
    spelling: FamilySpelling,
    declared: frozenset[tuple[str, str]] = frozenset(),
) -> bool:
    """ "Abdullahi Ali FARAH" of a keyed Cabdullahi Cali Faarax, "Fatoumata Diallo" of Fatoumatta Jallow when the
    draft says "Jallow" is also written "Diallo": the next word on the line spells another word of the same
    person's keyed name in the family's spelling (`family_spelling`) or a spelling the draft declares
    (`declared_spellings`), so the two are one name however little else in the sentence says it is a person."""
    if not spelling[0] and not declared:
        return False
    nxt = re.match(r"[ \t]+([A-Z][\w'’-]+)", text[end : end + 40])
    if not nxt:
        return False
    codes = {code for code, _, _ in targets}
    own = [k for k in keyed if k.code in codes]
    following = fold(nxt.group(1)).casefold()
    if any((following, k.folded) in declared for k in own):
        return True
    return bool(spelling[0]) and (
        any(rule == "misspelling" for _, _, rule in classify(nxt.group(1), own, (), family, spelling))
        or any(_spelt_in_family(nxt.group(1), k, family, spelling) for k in own)
    )


def _own_surname_form(
    text: str,
    end: int,
    targets,
    keyed: list[KeyedWord],
    spans,
    family: frozenset[str] = frozenset(),
    spelling: FamilySpelling = ((), 0),
) -> list[Derived]:
    """The word after a derived given name when it is a family form or a spelling in the family's languages
    (`family_spelling`), not the keyed spelling, of the same person's surname and no other match has it."""
    nxt = re.match(r"[ \t]+([A-Z][\w'’-]+)", text[end : end + 40])
    if not nxt:
        return []
    start, stop = end + nxt.start(1), end + nxt.end(1)
    word = re.sub(r"['’]s?$", "", nxt.group(1))
    following = fold(word).casefold()
    codes = {code for code, _, _ in targets}
    owners = [
        k
        for k in keyed
        if k.code in codes
        and not k.first
        and (following in _surname_parts(k) or _spelt_in_family(word, k, family, spelling))
    ]
    if not owners or any(k.folded == following for k in owners) or any(s < stop and start < e for s, e in spans):
        return []
    return [Derived(start, start + len(word), word, tuple((k.code, k.word, "misspelling") for k in owners[:1]))]


def _spelt_in_family(word: str, k: KeyedWord, family: frozenset[str], spelling: FamilySpelling) -> bool:
    """ "Schimek" of a keyed Šimek when the draft names the family's Czech: the surname in another language's
    letters (models/names/orthographies.yaml), for the family's members only."""
    if k.code not in family or not spelling[0] or k.first:
        return False
    low = romanised(re.sub(r"['’]s?$", "", word))
    return any(_family_spelt(low, form, spelling, settings()["misspelling"]) for form in _surname_parts(k))


def _beside_own_given(text: str, start: int, end: int, targets, keyed: list[KeyedWord]) -> bool:
    """ "YUSUF KOSEOGLOU", "KOSEOGLOU, Yusuf": a spelling of a keyed surname right beside a keyed given name of one of
    the people whose surname it may be (before it, or after a record's comma) is that name's surname."""
    codes = {code for code, _, _ in targets}
    before = re.search(r"([^\W\d_][\w'’-]*)[ \t]+$", text[max(0, start - 40) : start])
    after = re.match(r",?[ \t]+([^\W\d_][\w'’-]*)", text[end : end + 40])
    near = [m.group(1) for m in (before, after) if m]
    return any(k.code in codes and k.first and k.folded == fold(w).casefold() for w in near for k in keyed)


def _neighbours(text: str, start: int, end: int) -> list[str]:
    """The word right before (same line) and the word right after (or after a record's comma)."""
    before = re.search(r"([^\W\d_][\w'’-]*)[ \t]+$", text[max(0, start - 40) : start])
    after = re.match(r",?[ \t]+([^\W\d_][\w'’-]*)", text[end : end + 40])
    return [m.group(1) for m in (before, after) if m]


def _capitalised_beside(text: str, start: int, end: int) -> bool:
    """A capitalised word next to this one: a capitals word may be a name written whole ("VASEMATHA RANGONA")."""
    return any(w[:1].isupper() for w in _neighbours(text, start, end))


def _beside_own_spelling(text: str, start: int, end: int, targets, spelt) -> bool:
    """ "VASEMATHA RANGONA" of a keyed Vasemaca Raqona, "RANGONA Vasematha": the word next to this one is a
    spelling (`spelt`: `classify` of it) of ANOTHER word of the same person's keyed name, so the two are that
    person's name written whole, in capitals or in another order, though neither is the keyed spelling."""
    own = {(code, word) for code, word, _ in targets}
    for near in _neighbours(text, start, end):
        if len(near) < 3 or fold(near).casefold() in stop_words():
            continue
        for code, word, _ in spelt(near.rstrip("-")):
            if any(c == code and w != word for c, w in own):
                return True
    return False


def _beside_caps_name(text: str, start: int, end: int, starts: set[int], ends: set[int]) -> bool:
    before = re.search(r"[ \t]+$", text[max(0, start - 4) : start])
    after = re.match(r"[ \t]+", text[end : end + 4])
    return bool(before and start - len(before.group(0)) in ends) or bool(after and end + len(after.group(0)) in starts)


# "G/hiwet", "W/Mariam": a capital, a slash, then the rest of a name (Ethiopian and Eritrean records shorten
# a compound name's first part, Gebre-, Wolde-, Haile-, to its initial and a slash)
_SLASHED = re.compile(r"(?<![\w/])(?P<letter>[^\W\d_])/(?P<rest>[^\W\d_]{3,})(?![\w/])")


def slashed_forms(text: str, keyed: list[KeyedWord], taken: list[tuple[int, int]]) -> list[Derived]:
    """A keyed word shortened to its first letter, a slash and its ending ("G/hiwet" of Gebrehiwet,
    "G/Hiwet" of Gebre-Hiwet): the word begins with the letter and ends with the rest, the part cut out is at
    least two letters, and exactly one keyed person has such a word.  The shape is the evidence: a slash
    between a capital and a name's ending is no English abbreviation ("w/c", "N/A" are lower case or short)."""
    out = []
    for m in _SLASHED.finditer(text):
        letter_end = m.start() + 1  # "Ms G" (a title and an initial) may have taken the letter: the slash says more
        if not m.group("letter").isupper() or any(s < m.end() and m.start() < e != letter_end for s, e in taken):
            continue
        letter, rest = fold(m.group("letter")).casefold(), fold(m.group("rest")).casefold()
        plain = [k for k in keyed if len(k.folded.replace("-", "")) >= len(rest) + 3]
        fits = {
            k.code: k.word
            for k in plain
            if k.folded.replace("-", "").startswith(letter) and k.folded.replace("-", "").endswith(rest)
        }
        if len(fits) == 1:
            out.append(Derived(m.start(), m.end(), m.group(0), tuple((c, w, "short_form") for c, w in fits.items())))
    return out

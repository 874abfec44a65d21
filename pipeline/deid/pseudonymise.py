"""Pseudonymise a draft review: real names to role codes, identifiers to placeholders.

Three nets, on the one spaCy parse the pipeline already made:

1. **known names** from the author's key, matched exhaustively
   (`pipeline.deid.names.known`) and replaced by the person's code,
   keeping any possessive ("Jade's" -> "EM's");
2. **structured identifiers** (NHS / NI numbers, postcodes, phones, e-mails,
   dates of birth, addresses, schools, case references…) found by the Presidio
   recognizers of `pipeline.deid.recognizers` on the same parse, replaced by a
   typed placeholder ("[NHS_NUMBER]");
3. **names nobody listed** (`pipeline.deid.names.unknown`), one consistent
   placeholder per person for the whole document ("[PERSON-1]"), listed for
   the author to place.

An identifier found once is the same identifier where the text names it again
without the cue or number that found it (a school's short name, a pupil referral
unit in a later table, the named building of a flat); a street found with its house number is
not, as the street alone names many homes.  An identifier a policy
keeps (a named venue, when venues are not replaced) is not an unlisted person either.

Overlaps are resolved known name > structured > unknown name, except that an
identifier which wholly contains a name ("jade.kershaw@mail.com", "12 Kershaw
Road") is replaced whole: its placeholder removes the name too.  The text is
rebuilt by offsets, so everything else stays byte-for-byte as it was.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace
from functools import lru_cache
from typing import Any

from ..resources import load_yaml
from ..spans import OverlapIndex, SpanIndex, overlaps_any, resolve_overlaps
from . import place_names
from .codes import is_role_code
from .keyfile import Key, title_genders
from .names.initials import in_initials_column, initials_of
from .names.known import KeptMention, NameMatch, matcher_for, normalise_match, one_token
from .names.mention_words import with_mention_words
from .names.reconcile import reconcile
from .names.record_forms import collar_number_uses, take_record_initials
from .names.record_lines import family_first_lines, record_line_people, strangers_sharing_a_part
from .names.unlisted_forms import unlisted_forms

PRIORITY = {"known": 3, "structured": 2, "unknown": 1}
PERSON_PLACEHOLDER = "[PERSON-{n}]"
# identifier types replaced unless a policy says otherwise; URL is kept because
# published reviews cite their sources by URL (a name inside one is still coded).
# A named youth club, mosque, church or GP surgery is replaced (issue 12: it says where
# a child is), although the drafts' gold leaves venues unmarked and so counts each as
# other words changed; a policy's `replace_types` can keep them.
DEFAULT_REPLACE_TYPES = frozenset(
    {
        "NHS_NUMBER",
        "NI_NUMBER",
        "POSTCODE",
        "PHONE",
        "EMAIL",
        "DATE_OF_BIRTH",
        "ADDRESS",
        "SCHOOL",
        "NURSERY",
        "CASE_REF",
        "SOCIAL_HANDLE",
        "VEHICLE_REG",
        "COMMUNITY_VENUE",
        "DATE_OF_DEATH",
    }
)
# identifiers whose text can embed a name ("jade.kershaw@…"): replaced whole
EMBEDDING_TYPES = frozenset({"EMAIL", "URL", "SOCIAL_HANDLE"})
SINGLE_WORD_RULES = frozenset({"first_name", "surname", "title_surname", "listed"})
# a person's initials matched inside a reference ("LL-ID 417702", with a keyed "I. D..."): the code's letters are the
# code's, so the identifier is replaced whole
INITIALS_INSIDE_RULES = frozenset({"initials", "given_initials", "single_initial"})


@dataclass
class Replacement:
    """One replaced stretch of the draft (offsets into the input text)."""

    start: int
    end: int
    text: str  # the real text: only ever written to the private log
    replacement: str  # code or placeholder written to the output
    type: str  # PERSON (known), PERSON_UNKNOWN, or an identifier type (NHS_NUMBER…)
    source: str  # known / structured / unknown
    rule: str
    confidence: float
    code: str | None = None  # the role code, for known names
    ambiguous: bool = False
    candidates: tuple[str, ...] = ()
    resolved_by: str | None = None
    out_start: int | None = None
    out_end: int | None = None

    def record(self) -> dict[str, Any]:
        data = asdict(self)
        data["candidates"] = list(self.candidates)
        return data


@dataclass
class UnplacedPerson:
    """A person the key does not list: one placeholder, every mention."""

    placeholder: str
    names: list[str]  # distinct real spellings (private)
    mentions: int
    rules: list[str]


@dataclass
class PseudonymiseResult:
    text: str
    replacements: list[Replacement]
    unplaced: list[UnplacedPerson] = field(default_factory=list)
    ambiguous: list[Replacement] = field(default_factory=list)
    kept: list[KeptMention] = field(default_factory=list)  # key words left on purpose, with the reason

    def counts(self) -> Counter:
        return Counter(r.type for r in self.replacements)


# ---------------------------------------------------------------- candidates
def _known(report, doc, key: Key, lexicon, protected) -> tuple[list[Replacement], list[KeptMention]]:
    """Key names in every form, and the key words deliberately left (a place that shares a surname)."""
    found = matcher_for(key, lexicon, protected).search(report.text, doc=doc)
    return [_from_match(m) for m in found.matches], found.kept


def _from_match(m: NameMatch) -> Replacement:
    return Replacement(
        m.start,
        m.end,
        m.text,
        m.code,
        "PERSON",
        "known",
        m.rule,
        m.confidence,
        code=m.code,
        ambiguous=m.ambiguous,
        candidates=m.candidates,
        resolved_by=m.resolved_by,
    )


def _structured(
    doc, analyzer, protected: set[str], replace_types: set[str] | None
) -> tuple[list[Replacement], list[tuple[int, int]]]:
    """Identifiers to replace, and the spans of those found but kept (a named venue when
    COMMUNITY_VENUE is not replaced): "the Jamia Masjid" or "Masjid Abu Bakr" is a place,
    so no unlisted person either.  Types that can embed a name (a URL) keep nothing out."""
    if analyzer is None or doc is None:
        return [], []
    from ..nlp import doc_text
    from .recognizers import PLACEHOLDERS, analyze_doc

    whole = doc_text(doc)  # Doc.text is rebuilt on every access
    out, kept = [], []
    for r in analyze_doc(analyzer, doc):
        if replace_types is not None and r.entity_type not in replace_types:
            if r.entity_type not in EMBEDDING_TYPES:
                kept.append((r.start, r.end))
            continue
        text = whole[r.start : r.end]
        if text.strip() in protected:
            continue
        rule = getattr(r, "recognition_metadata", None) or {}
        rule = rule.get("recognizer_name") if isinstance(rule, dict) else None
        out.append(
            Replacement(
                r.start,
                r.end,
                text,
                PLACEHOLDERS.get(r.entity_type, f"[{r.entity_type}]"),
                r.entity_type,
                "structured",
                rule or r.entity_type,
                round(float(r.score), 2),
            )
        )
    return out + _short_names(whole, out), kept


@lru_cache(maxsize=1)
def _institution_words() -> frozenset[str]:
    """The kind-of-school words ("CE Primary School", "Day Nursery") of `models/recognizers/`."""
    from ..resources import load_yaml

    words: set[str] = set()
    for name, lists in (("school.yaml", ("institution", "qualifiers")), ("nursery.yaml", ("institution",))):
        data = load_yaml("recognizers", name).get("lists") or {}
        for key in lists:
            for entry in data.get(key) or ():
                words.update(w.casefold() for w in re.split(r"[\s-]+", str(entry)) if w)
                # ... and a hyphened kind word whole, as a name ends in it ("Pre-School" of "Little Wrens Pre-School")
                words.update(w.casefold() for w in str(entry).split() if "-" in w)
    return frozenset(words)


SHORT_NAME_TYPES = ("SCHOOL", "NURSERY")
# a house number (and a flat before it) that opens an address: "Flat 3, 27 " of "Flat 3, 27 Larkspur Court"
_HOUSE_NUMBER = re.compile(
    r"^(?:\w+\.?\s+\d+[A-Za-z]?,?\s+|\d{1,2}/\d{1,2},?\s+)?\d{1,4}[A-Za-z]?(?:\s?[-–]\s?\d{1,4}[A-Za-z]?)?,?\s+"
)


def _school_stems(r: Replacement, kinds: frozenset[str]) -> list[str]:
    """Other ways the text names a school or nursery found once: its full name (found
    with a context word or cue once, "the pupil referral unit, The Beacon Centre",
    and later alone in a table) and its short name, if distinctive (two words or
    more, a saint's or a possessive name, or one coined word that no list knows,
    "Broomfield ELCC" ... "at Broomfield"; never a lone town, name or common word).  The name without its district
    ("Acorn Tree Nursery" of "Acorn Tree Nursery, Crookes") and without only its last kind words ("Westbank Primary"
    of "Westbank Primary School") are the same setting: a name that keeps a kind word still says what it names."""
    name = r.text.split(",")[0].strip()
    words = name.split()
    out = [r.text] if len(words) >= 2 else []
    if name != r.text and len(words) >= 2:
        out.append(name)
    while words and words[-1].strip(".,").casefold() in kinds:
        words.pop()
        if len(words) >= 2 and words[-1].strip(".,").casefold() in kinds:
            out.append(" ".join(words))
    stem = " ".join(words)
    coined = r.type == "NURSERY" and len(words) == 1 and _coined_word(stem)  # schools share their area's name
    distinctive = len(words) >= 2 or re.search(r"['’]s$", stem) or coined
    if stem and stem != r.text and distinctive and stem[:1].isupper():
        out.append(stem)
    return out


def _coined_word(word: str) -> bool:
    """A single capitalised word that is no listed place, country, name or common word ("Broomfield" is a
    place-like coinage, "Rainbow", "Hamilton" and "Grace" are not): alone, it still names the setting."""
    from .names.unknown import lexicon

    lex = lexicon()
    return (
        len(word) >= 5
        and word.isalpha()
        and word not in lex.places
        and word not in lex.countries
        and not lex.is_known_name(word)
        and word.lower() not in lex.common
    )


def _street_stem(r: Replacement) -> list[str]:
    """The building of a flat in a named building ("Flat 6, Dunmore House, Cressfield Road") or a named house
    or farm ("Tŷ Isaf, Llanfor, Bala"), which the text may name again without the rest ("a car parked outside
    Dunmore House", "known as Emyr Tŷ Isaf"): two words or more, not opening with "The".

    Not the street of a numbered address ("27 Larkspur Walk"): the house number is what makes a street one
    home, and the street named alone ("a neighbour at Larkspur Walk", "the tenancy at Larkspur Walk ended")
    names many; the drafts' gold keeps it (every street named alone after its numbered address is unmarked in
    corpus/drafts/), whereas a named building or house, or a numbered court of flats, is the home itself."""
    if _numbered_street(r) is not None:
        return []  # a numbered street: the street alone is no address
    number = _HOUSE_NUMBER.match(r.text) or _flat_number().match(r.text)
    if number is None and "," not in r.text:
        return []  # a street named without a number or a place ("lived on Rose Street"): found by context only
    street = r.text[number.end() if number else 0 :].split(",")[0].strip()
    words = street.split()
    return [street] if len(words) >= 2 and words[0] != "The" and street[:1].isupper() else []


def _numbered_street(r: Replacement) -> str | None:
    """The street of an address found with its house number ("Heronsgate Walk" of "Flat 6, 19 Heronsgate Walk,
    Ashmoor"), if it is a name of two words or more.  Not a block whose head is a building's ("Flat 3, 27 Mill Race
    Court"): a court of flats is one building, named alone as the home ("the tenancy for Mill Race Court")."""
    number = _HOUSE_NUMBER.match(r.text) or _flat_number().match(r.text)
    if number is None or (number.re is _flat_number() and not number.group("house")):
        return None
    street = r.text[number.end() :].split(",")[0].strip()
    words = street.split()
    if len(words) < 2 or not street[:1].isupper() or words[-1] in _building_types():
        return None
    return street


@lru_cache(maxsize=1)
def _building_types() -> frozenset[str]:
    """The head words of a named building (models/recognizers/address.yaml `building_types`: Court, House ...)."""
    from ..resources import load_yaml

    return frozenset(load_yaml("recognizers", "address.yaml")["lists"]["building_types"])


def _numbered_street_mentions(text: str, found: list[Replacement]) -> list[tuple[int, int]]:
    """Where the draft names again, alone, the street of an address it gave with a house number: the draft itself
    says that name is a street, so a name proposal inside it is no person (the street alone stays: `_street_stem`)."""
    streets = {s for r in found if r.type == "ADDRESS" and (s := _numbered_street(r))}
    return [
        (m.start(), m.end())
        for street in streets
        for m in re.finditer(rf"(?<![\w'’-]){re.escape(street)}(?![\w'’-])", text)
    ]


def _without_bare_streets(found: list[Replacement], streets: list[tuple[int, int]]) -> list[Replacement]:
    """Drop an address that is only the street of a numbered address the draft gives elsewhere ("home visit,
    Heronsgate Walk" after "19 Heronsgate Walk, Ashmoor"): the home is replaced where the draft gives it, and the
    street alone names many homes (a residence word lifted it; a street with no numbered address stays an address)."""
    bare = set(streets)
    return [r for r in found if not (r.type == "ADDRESS" and (r.start, r.end) in bare)]


@lru_cache(maxsize=1)
def _flat_number() -> re.Pattern[str]:
    """A flat (or a plot on a site) and its number before a named building or a numbered street: "Flat 6, "
    of "Flat 6, Dunmore House", "Flat 2/1, 17 " of "Flat 2/1, 17 Burnbrae Crescent" (the flat words of
    models/recognizers/address.yaml)."""
    from ..resources import load_yaml

    words = load_yaml("recognizers", "address.yaml")["lists"]["flat_words"]
    alternatives = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
    return re.compile(rf"^(?:{alternatives})\.?\s+[\w/]{{1,5}},?\s+(?P<house>\d{{1,4}}[A-Za-z]?,?\s+)?(?=[A-Z])")


# the rest of an e-mail header's display name: one or two capitalised words, then the address in angle brackets
_SENDER_NAME_REST = r"(?:[ \t]+[A-Z][a-z]+){1,2}(?=[ \t]*<[^\s<>@]+@)"


def _short_names(text: str, found: list[Replacement]) -> list[Replacement]:
    """A school, nursery or street named in full once and again elsewhere (by the same name, a
    short name, "St Oswald's CE Primary School" ... "held at St Oswald's", or a street without
    its number): the other mentions are the same identifier."""
    kinds = _institution_words()
    stems: dict[str, Replacement] = {}
    for r in found:
        names = (
            _school_stems(r, kinds) if r.type in SHORT_NAME_TYPES else _street_stem(r) if r.type == "ADDRESS" else []
        )
        for name in names:
            stems.setdefault(name, r)
    out = []
    spans = [(r.start, r.end) for r in found]
    # a short name takes the kind words written after it this time ("Wyvern Lane Primary" of "... Primary School"),
    # or the rest of a sender's display name before its e-mail address ("From: Little Acorns Kettering <office@...>":
    # the header names one sender, so the words up to "<" are the setting's name)
    kind = "|".join(re.escape(k) for k in sorted(kinds, key=len, reverse=True))
    for stem, r in stems.items():
        tail = rf"(?:{_SENDER_NAME_REST}|(?:[ \t]+(?i:{kind})(?![\w'’-])){{0,3}})" if r.type in SHORT_NAME_TYPES else ""
        for m in re.finditer(rf"(?<![\w'’-]){re.escape(stem)}(?![\w'’-]){tail}", text):
            if any(s < m.end() and m.start() < e for s, e in spans):
                continue
            out.append(
                Replacement(
                    m.start(), m.end(), m.group(0), r.replacement, r.type, "structured", "short_name", r.confidence
                )
            )
            spans.append((m.start(), m.end()))
    return out


def _unknown_candidates(doc, allow: set[str]):
    """Names nobody listed (spaCy PERSON, title/role + name, gazetteer booster)."""
    if doc is None:
        return []
    from .names.unknown import find_unknown_names

    return list(find_unknown_names(doc, allow=allow))


@lru_cache(maxsize=1)
def _place_identifiers() -> frozenset[str]:
    from ..resources import load_yaml

    return frozenset(load_yaml("pseudonymise", "name_context.yaml").get("place_identifiers") or ())


def _outside_places(cands, structured: list[Replacement]):
    """Proposals that do not lie inside a replaced address, school, nursery or venue: a word found only
    there ("Llanfair Teifi" of an address) is a place word, so its other mentions are not that person."""
    places = [(r.start, r.end) for r in structured if r.type in _place_identifiers()]
    return [c for c in cands if not any(s <= c.start and c.end <= e for s, e in places)]


def _repeated_unknown(text: str, cands, taken: list[Replacement]):
    """Other mentions of a name word of an unlisted person ("Dwayne" once found as a person, then
    "THE VIEWS OF DWAYNE" in a heading, or a mid-sentence "Dwayne" the rules missed): the same person.

    Only words of confident proposals, never an English word, a title, a place or an
    organisation's word, nor the family's word for a relative nobody keyed ("Ssenga" of "Ssenga Flo": the
    aunt's title, also said of others) or a word the draft explains as a form of address ("Ato (Mr)" of "Ato
    Dawit"); a repeat must be capitalised mid-sentence or in capitals."""
    from .names.kin_forms import glossed_words, hyphened_kin_pattern, unresolved_family_word
    from .names.unknown import NameCandidate, lexicon, name_words, scores

    lex = lexicon()
    min_confidence = float(scores()["repeat_min_confidence"])
    words = set()
    for c in cands:
        if c.confidence < min_confidence:
            continue
        for w in name_words(c.text):
            if (
                len(w) >= 3
                and w[:1].isupper()
                and not lex.is_common_word(w)
                and w.lower() not in lex.common
                and w not in lex.places
                and w not in lex.countries
                and w not in lex.non_person
                and w not in lex.titles
                and not unresolved_family_word(w, text)
            ):
                words.add(w)
    words -= {w for w in words if w.casefold() in glossed_words(text)}
    full = _full_names_to_repeat(cands, min_confidence)
    spans = sorted([(c.start, c.end) for c in cands] + [(t.start, t.end) for t in taken])
    if not words:  # no single word to look for (an empty alternation would match everywhere)
        return _repeated_full_names(text, full, spans)
    starts = [s for s, _ in spans]
    # in capitals in a heading, and in lower case where a text message or a chat log is quoted ("shorty says")
    forms = (
        {w for w in words} | {w.upper() for w in words} | {w.lower() for w in words if _lower_case_safe(w.lower(), lex)}
    )
    alternatives = "|".join(sorted(map(re.escape, forms), key=len, reverse=True))
    out = []
    kin = hyphened_kin_pattern(text)  # "Darshan-mama": the name with a family word hyphened to it
    for m in re.finditer(rf"(?<![\w@.'’-])(?:{alternatives})(?![\w@])(?:(?!-)|(?={kin}))", text):
        i = bisect.bisect_left(starts, m.end())
        if any(s < m.end() and m.start() < e for s, e in spans[max(0, i - 3) : i]):
            continue
        if not m.group(0).isupper() and re.search(r"(?:^|[.!?:]\s*|\n\s*)$", text[max(0, m.start() - 3) : m.start()]):
            pass  # a capitalised word at a sentence start is still the person's name: it is in no English list
        out.append(NameCandidate(m.start(), m.end(), m.group(0), "repeat", 0.6))
    return out + _repeated_full_names(text, full, spans + [(c.start, c.end) for c in out])


def _declared_unlisted_aliases(text: str, cands, taken: list[Replacement]):
    """The name the draft gives an unlisted person right after their name ('Ekaterine Lomidze ("Eka" to the
    family)', 'Riikka Laine ("Riikkis")', 'Munkh-Orgil (known as "Mögi")'), wherever the draft writes it: the
    declaration makes the word a person's name, though no name list holds it (group_mentions joins it to them)."""
    from .names.links import alias_declared_after
    from .names.unknown import NameCandidate

    spans = [(c.start, c.end) for c in cands] + [(t.start, t.end) for t in taken]
    keyed = OverlapIndex((t.start, t.end) for t in taken)  # every candidate against every keyed mention was quadratic
    keyed_surfaces = {t.text for t in taken}  # "Bank", a keyed boy's name: never an unlisted person's as well
    aliases = set()
    for c in cands:
        if keyed.overlaps(c.start, c.end):
            continue  # a keyed mention the unlisted finder also proposed ("Oliver"): its names are the key's
        alias = alias_declared_after(text, c.end)
        if alias is not None and " " not in alias and alias[:1].isupper() and alias not in keyed_surfaces:
            aliases.add(alias)
    out = []
    for alias in sorted(aliases):
        for m in re.finditer(rf"(?<![\w@.'’-]){re.escape(alias)}(?![\w@'’-])", text):
            if not any(s < m.end() and m.start() < e for s, e in spans):
                out.append(NameCandidate(m.start(), m.end(), alias, "declared_alias", 0.8))
                spans.append((m.start(), m.end()))
    return out


@lru_cache(maxsize=1)
def _quoted_teknonym_re() -> re.Pattern[str]:
    """A quoted "<Name>'s <family word>" ("Sota's mum", "Sota-kun's mama", "Ji-woo's eomma"), the name perhaps
    with an honorific suffix joined by a hyphen."""
    from ..lexicon import honorifics, kin_words
    from .names.kin_forms import hyphened_kin_re

    words = {k.word for k in kin_words()} | set(honorifics()["alone"]) | {"mummy", "mommy", "daddy", "mama", "papa"}
    alternation = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
    suffix = hyphened_kin_re().pattern
    return re.compile(
        rf"(?<=[\"“‘'])(?P<span>(?P<name>[A-Z][^\W\d_]+(?:-[A-Z]?[^\W\d_]+)*?)(?:{suffix})?['’]s[ \t]+"
        rf"(?i:{alternation}))(?=[\"”’'])"
    )


def _quoted_teknonyms(text: str, cands, taken: list[Replacement]):
    """ "Sota's mum", quoted, as the draft calls a person it does not name ('known in the entries as "Sota-kun's
    mama"'): the quotes make the phrase a name (a teknonym: a parent called after her child), so the whole phrase
    is one unlisted person's mention and the child's name in it goes with it.  Unquoted ("Maisie's mum said")
    the phrase describes the parent of the person named, who is the mention.  Not when the name in it is a
    keyed person's (the key's teknonym passes judge those)."""
    from .names.unknown import NameCandidate

    if "'s" not in text and "’s" not in text:
        return []
    spans = OverlapIndex([(c.start, c.end) for c in cands] + [(t.start, t.end) for t in taken])
    keyed = OverlapIndex((t.start, t.end) for t in taken if t.source == "known")
    phrases = {
        m.group("span")
        for m in _quoted_teknonym_re().finditer(text)
        if not keyed.overlaps(*m.span("span")) and not _common_word(m.group("name"))
    }
    out = []
    for phrase in sorted(phrases):
        # declared once in quotes, the phrase is that person's name wherever the draft writes it
        for m in re.finditer(rf"(?<![\w'’-]){re.escape(phrase)}(?![\w-])", text):
            start, end = m.span()
            if keyed.overlaps(start, end):
                continue
            if spans.overlaps(start, end):
                # the unlisted finder's own candidate for the name inside gives way to the whole phrase
                cands[:] = [c for c in cands if not (c.start < end and start < c.end)]
            out.append(NameCandidate(start, end, phrase, "quoted_teknonym", 0.8))
    return out


def _typist_initials(text: str, cands, taken: list[Replacement]):
    """A letter's typist by the lower-case initials of its reference line ("FL/dk"): an unlisted person, the one
    the draft names with those initials where it does ("dk (Debbie Knowles, medical secretary)"; group_mentions
    joins them by initials)."""
    from .names.initials import reference_typists
    from .names.unknown import NameCandidate

    spans = [(c.start, c.end) for c in cands] + [(t.start, t.end) for t in taken]
    return [
        NameCandidate(s, e, text[s:e], "typist_initials", 0.6)
        for s, e in reference_typists(text)
        if not any(a < e and s < b for a, b in spans)
    ]


def _full_names_to_repeat(cands, min_confidence: float) -> set[str]:
    """The full names ("Martin Ward") of confident unlisted proposals whose words the single-word repeats leave
    out (English words): the whole name repeated is the same person, one sense per draft."""
    from .names.unknown import name_words

    return {
        c.text
        for c in cands
        if c.confidence >= min_confidence
        and len(words := name_words(c.text)) in (2, 3)
        and all(w[:1].isupper() for w in words)
        and " ".join(words) == c.text
    }


def _repeated_full_names(text: str, names: set[str], spans: list[tuple[int, int]]):
    """Other uses of `names`, word for word and not running on into a capitalised word ("the Grace Hill
    Trust" is a body's name)."""
    from .names.unknown import NameCandidate

    if not names:
        return []
    alternatives = "|".join(sorted(map(re.escape, names), key=len, reverse=True))
    out = []
    taken = OverlapIndex(spans)
    for m in re.finditer(rf"(?<![\w@.'’-])(?:{alternatives})(?![\w@'’-])(?![ \t]+[A-Z])", text):
        if not taken.overlaps(m.start(), m.end()):
            out.append(NameCandidate(m.start(), m.end(), m.group(0), "repeat", 0.6))
    return out


WORD_NAME_CUES = frozenset({"kin_title", "named", "role", "title", "title_word"})
_DETERMINERS = r"(?:the|a|an|this|that|our|its|their|his|her|my|your)"


@lru_cache(maxsize=1)
def _word_name_patterns() -> dict:
    """models/names/word_names.yaml compiled: `declared` (a list), `called_before`, `as_called_after`."""
    from ..resources import load_yaml

    data = load_yaml("names", "word_names.yaml") or {}
    return {
        "kin_possessives": tuple(str(w) for w in data.get("kin_possessives") or ()),
        "declared": tuple(re.compile(p) for p in data.get("declared") or ()),
        "called_before": re.compile(data["called_before"]),
        "as_called_after": re.compile(data["as_called_after"]),
    }


def _declared_word_names(text: str) -> set[str]:
    """Names the text declares as what someone is called, however ordinary ("whom everyone calls Golf",
    "Dot, as you call her")."""
    return {m.group("w") for rx in _word_name_patterns()["declared"] for m in rx.finditer(text)}


def _named_relatives(text: str, doc) -> set[str]:
    """A relative's name after a possessive and a family word, where the parse makes it the subject of a verb
    whose subject is a person ("her daughter Favour told", "his brother Robo stays"), however ordinary."""
    from .names.residue import _kin
    from .names.unknown import lexicon

    if doc is None:
        return set()
    owners = "|".join(_word_name_patterns()["kin_possessives"])
    out = set()
    for m in re.finditer(rf"\b(?i:{owners})[ \t]+(?P<kin>[a-z-]+)[ \t]+(?P<w>[A-Z][a-z]{{2,}})\b", text):
        if m.group("kin") not in _kin():
            continue
        span = doc.char_span(m.start("w"), m.end("w"))
        token = span[0] if span is not None and len(span) == 1 else None
        if token is not None and token.dep_ == "appos" and token.head.i == token.i - 1:
            token = token.head  # "her daughter Favour told": the parse makes the family word the subject
        if token is not None and token.dep_ in ("nsubj", "nsubjpass") and token.head.lemma_ in lexicon().subject_verbs:
            out.add(m.group("w"))
    return out


def _person_context(text: str, start: int, end: int, doc, others: set[str]) -> bool:
    """The text treats the word at start..end as a person: before "who" or the person's other name word,
    after a naming verb ("calls Golf"), in apposition after a family or role word ("your uncle, Golf,"),
    before ", as you call her", or (by the parse) as the subject of a verb whose subject is a person
    ("Innocent lived there")."""
    from .names.derived import _role_words
    from .names.residue import _kin
    from .names.unknown import lexicon

    after = "who" + "".join(f"|{re.escape(o)}" for o in sorted(others))
    if re.match(rf"[ \t]+(?i:{after})\b", text[end : end + 40]) or _word_name_patterns()["as_called_after"].match(
        text, end
    ):
        return True
    before = text[max(0, start - 40) : start]
    if _word_name_patterns()["called_before"].search(before):
        return True
    m = re.search(r"([a-z]+)[ \t]*(?P<p>[,(])[ \t]*\Z", before)  # "your uncle, Golf,", "the uncle (Robo)"
    closing = {",": (",", " ("), "(": (")",)}[m.group("p")] if m else ()
    if m and (m.group(1) in _kin() or m.group(1) in _role_words()) and text[end:].startswith(closing):
        return True
    owners = "|".join(_word_name_patterns()["kin_possessives"])
    m = re.search(rf"\b(?i:{owners})[ \t]+([a-z-]+)[ \t]+\Z", before)
    if m and m.group(1) in _kin():
        return True  # "her daughter Favour"
    if doc is None:
        return False
    token = one_token(doc, start, end)
    if token is None:
        return False
    return token.dep_ in ("nsubj", "nsubjpass") and token.head.lemma_ in lexicon().subject_verbs


def _after_determiner(text: str, start: int, end: int, doc) -> bool:
    """A determiner before the word ("the Trust who"); by the parse when there is one ("knew that Innocent
    lived there": "that" opens a clause)."""
    if not re.search(rf"(?i)\b{_DETERMINERS}[ \t]+$", text[max(0, start - 8) : start]):
        return False
    token = one_token(doc, start, end) if doc is not None else None
    if token is None or token.i == 0:
        return True
    return doc[token.i - 1].dep_ != "mark"


def _repeated_word_names(text: str, cands, taken: list[Replacement], doc=None):
    """Other mentions of a name that is also an ordinary or an agency word ("Trust", "Blessing", "Memory"),
    once a cue made it a person ("Uncle Trust", "a girl called Blessing", a full name "Innocent Bwalya", "whom
    everyone calls Golf"): one sense per draft, but only where the text again treats it as a person
    (`_person_context`), and never after a determiner ("the Trust who")."""
    from .names.unknown import NameCandidate, lexicon, name_words, scores

    lex = lexicon()
    min_confidence = float(scores()["repeat_min_confidence"])
    words: dict[str, set[str]] = {}

    def ordinary(w: str) -> bool:
        return lex.is_common_word(w) or w.lower() in lex.common or w in lex.non_person

    for c in cands:
        if c.confidence < min_confidence:
            continue
        parts = name_words(c.text)
        full = len(parts) >= 2 and any(not ordinary(o) and len(o) > 1 for o in parts)  # "Innocent Bwalya"
        if not (WORD_NAME_CUES & set(c.rule.split("+")) or full):
            continue
        for w in parts:
            if len(w) >= 3 and w[:1].isupper() and ordinary(w) and w not in lex.titles and w not in lex.places:
                words.setdefault(w, set()).update(o.lower() for o in parts if o != w)
    for w in _declared_word_names(text) | _named_relatives(text, doc):
        if w not in lex.titles and w not in lex.places:
            words.setdefault(w, set())
    if not words:
        return []
    found_before = OverlapIndex([(c.start, c.end) for c in cands] + [(t.start, t.end) for t in taken])
    added: list[tuple[int, int]] = []  # this scan's own finds, also taken (few: tested one by one)
    out = []
    for word, others in words.items():
        for m in re.finditer(rf"(?<![\w@.'’-]){re.escape(word)}(?![\w@'’-]|['’]s\b)", text):
            if _after_determiner(text, m.start(), m.end(), doc):
                continue
            if found_before.overlaps(m.start(), m.end()) or overlaps_any(added, m.start(), m.end()):
                continue
            if not _person_context(text, m.start(), m.end(), doc, others):
                continue
            out.append(NameCandidate(m.start(), m.end(), m.group(0), "repeat", 0.6))
            added.append((m.start(), m.end()))
    return out


def _lower_case_safe(word: str, lex) -> bool:
    """A name word that in lower case is still no English word, no stop word and no function word
    ("shorty", "dwayne"; never "will", "may", "bill")."""
    from .names.derived import _common_words

    return len(word) >= 4 and word not in lex.common and word not in _common_words()


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    return frozenset(t.casefold() for t in title_genders())


@lru_cache(maxsize=1)
def _kin_prefixes() -> frozenset[str]:
    """Family honorifics written before a name (models/lexicon/kinship.yaml `before_name`)."""
    from .names.kin_forms import prefix_words

    return prefix_words()


@lru_cache(maxsize=1)
def _title_before() -> re.Pattern:
    titles = sorted(title_genders(), key=len, reverse=True)
    variants = "|".join(re.escape(v) for t in titles for v in dict.fromkeys([t, t.upper()]))
    return re.compile(rf"(?<!\w)(?:{variants})\.?[ \t]+$")


def _with_title(text: str, r: Replacement) -> Replacement:
    """Take a title just before an unlisted name into its span ("Ms [PERSON-1]" would keep a gender)."""
    if r.text[:1].isupper():
        m = _title_before().search(text, max(0, r.start - 16), r.start)
        if m:
            r.start = m.start()
            r.text = text[r.start : r.end]
    return r


@lru_cache(maxsize=1)
def _genderless_title() -> re.Pattern:
    """A title that tells no gender ("Dr", "RN", "DC"; models/lexicon/titles.yaml), then spaces."""
    titles = sorted((t for t, gender in title_genders().items() if not gender), key=len, reverse=True)
    variants = "|".join(re.escape(v) for t in titles for v in dict.fromkeys([t, t.upper()]))
    return re.compile(rf"(?:{variants})\.?[ \t]+(?=\S)")


def _leave_genderless_titles(text: str, chosen: list[Replacement]) -> None:
    """Give back a title that tells no gender from the front of an unlisted name's span ("TRIAGE RN [PERSON-5]",
    "Dr [PERSON-3]"): `_with_title` took it so that spans meet the keyed forms that carry titles, but only a
    gendered title would tell a reader anything, and the clinical or police designation is the draft's own word."""
    for r in chosen:
        if r.source != "unknown":
            continue
        m = _genderless_title().match(text, r.start, r.end)
        if m and m.end() < r.end:
            r.start = m.end()
            r.text = text[r.start : r.end]


def _take_hyphened_kin(text: str, chosen: list[Replacement]) -> None:
    """ "[PERSON-1]-mama" would keep a family word joined to the unlisted name: take it into the span."""
    from .names.kin_forms import hyphened_kin_end

    starts = {r.start for r in chosen}
    for r in chosen:
        end = hyphened_kin_end(text, r.end) if r.source == "unknown" else r.end
        if end > r.end and not any(r.end < s < end for s in starts):
            r.end, r.text = end, text[r.start : end]


# ---------------------------------------------------------------- overlaps
def _trim(cand: Replacement, taken: list[Replacement], text: str) -> Replacement | None:
    """The largest piece of `cand` outside the accepted spans, or None."""
    pieces = [(cand.start, cand.end)]
    for t in taken:
        nxt = []
        for s, e in pieces:
            if t.end <= s or t.start >= e:
                nxt.append((s, e))
                continue
            if s < t.start:
                nxt.append((s, t.start))
            if t.end < e:
                nxt.append((t.end, e))
        pieces = nxt
    best = None
    for s, e in pieces:
        piece = text[s:e]
        lead = len(piece) - len(piece.lstrip(" \t\n,.;:-'’"))
        tail = len(piece) - len(piece.rstrip(" \t\n,.;:-'’"))
        s, e = s + lead, e - tail
        if text[s:e].rstrip(".").casefold() in _title_words() | _kin_prefixes():
            continue  # "Mr" of "Mr Qureshy", "Vovó" of "Vovó Cida" once the name is coded: not a person on its own
        if " " not in text[s:e].strip() and _common_word(text[s:e]) and _before_first_name(taken, e, text):
            continue  # "Team" of a group "Team Ethan" once Ethan is coded: an English word before a given name
        if e - s >= 2 and re.search(r"[A-Za-z0-9]", text[s:e]) and (best is None or e - s > best[1] - best[0]):
            best = (s, e)
    if best is None:
        return None
    return Replacement(**{**cand.__dict__, "start": best[0], "end": best[1], "text": text[best[0] : best[1]]})


def _before_first_name(taken: list[Replacement], end: int, text: str) -> bool:
    """A keyed first name follows right after `end` ("Trust" before a keyed surname "Moyo" is a given name)."""
    return any(t.rule == "first_name" and text[end : t.start].strip(" \t") == "" and t.start >= end for t in taken)


def _common_word(word: str) -> bool:
    from .names.unknown import lexicon

    return lexicon().is_common_word(word.strip("'’\"“”"))


def _contains_names(s: Replacement, known: list[Replacement]) -> bool:
    """An identifier that should be replaced whole although names lie inside it.

    An e-mail or handle always ("jade.kershaw@…"); an address or reference only when the
    names in it are single words or initials ("12 Kershaw Road", "LL-ID 417702"), not a full name that an
    address-shaped pattern swallowed ("KPE 12 Stuart Green Visit").
    """
    inside = [k for k in known if s.start <= k.start and k.end <= s.end and (s.end - s.start) > (k.end - k.start)]
    if not inside:
        return False
    return s.type in EMBEDDING_TYPES or all(k.rule in SINGLE_WORD_RULES | INITIALS_INSIDE_RULES for k in inside)


def resolve(candidates: list[Replacement], text: str) -> list[Replacement]:
    """Non-overlapping replacements: known > structured > unknown.

    A structured identifier that wholly contains known names wins over them
    (see `_contains_names`); a lower-priority span that only partly overlaps is
    trimmed to what is left (so "Jade Smith", with only Jade in the key,
    becomes "EM [PERSON-1]").
    """
    known = sorted((c for c in candidates if c.source == "known"), key=lambda c: c.start)
    known_starts = [k.start for k in known]
    containers = []
    for s in (c for c in candidates if c.source == "structured"):
        lo, hi = bisect.bisect_left(known_starts, s.start), bisect.bisect_left(known_starts, s.end)
        if _contains_names(s, known[lo:hi]):
            containers.append(s)
    taken = SpanIndex()
    resolve_overlaps(containers, key=lambda c: c.start - c.end, into=taken)
    chosen = {id(c) for c in containers}

    def trim(cand: Replacement, clash: list[Replacement]) -> Replacement | None:
        return None if cand.source == "known" else _trim(cand, clash, text)  # a known name inside an identifier: gone

    rest = (c for c in candidates if id(c) not in chosen)
    return resolve_overlaps(
        rest, key=lambda c: (-PRIORITY[c.source], c.start - c.end, c.start), on_clash=trim, into=taken
    )


def rebuild(text: str, replacements: list[Replacement]) -> str:
    """Apply replacements by offset, recording where each lands in the output."""
    parts, pos, out_len = [], 0, 0
    for r in replacements:
        parts.append(text[pos : r.start])
        out_len += r.start - pos
        r.out_start = out_len
        parts.append(r.replacement)
        out_len += len(r.replacement)
        r.out_end = out_len
        pos = r.end
    parts.append(text[pos:])
    return "".join(parts)


# ---------------------------------------------------------------- main
NOT_NEEDED: tuple[str, ...] = ()  # the dependency parse finds unlisted people by where they stand in a sentence


def parse_for_key(report, nlp, key: Key):
    """The one parse for pseudonymising, with the key's codes tagged as ROLE.

    A draft may already use some codes ("EM said Jade…"); tagging them (with
    the report's own code-shaped declarations) keeps the unknown-name detector
    and the recognizers off them.  The dependency parse is kept: people nobody
    listed and no gazetteer knows are found by where they stand in a sentence
    (it costs about 0.2x of a plain spaCy pass; pseudonymise stays near 1.3x).
    """
    from ..nlp import parse_report

    own = sorted(protected_codes(report, key) - set(key.codes()))  # a name in the draft's own key table is no code
    return parse_report(report, nlp, extra_codes=key.codes(), without=NOT_NEEDED, declared=own)


def _policy_get(policy, name: str, default=None):
    if policy is None:
        return default
    if isinstance(policy, dict):
        return policy.get(name, default)
    return getattr(policy, name, default)


def allowed_names(report, policy) -> set[str]:
    """People the coded text may still name: the policy's `allow.names` and the
    lead reviewer / author on the cover (published reviews name them)."""
    allow = _policy_get(policy, "allow", None)
    names = set(_policy_get(allow, "names", None) or ()) if allow is not None else set()
    names |= set(_policy_get(policy, "allowed_names", None) or ())
    author = getattr(getattr(report, "metadata", None), "author", None)
    if author:
        names.add(author)
    if hasattr(report, "text") and getattr(report, "metadata", None) is not None:
        from .verify import review_authors

        names |= review_authors(report)  # "Lead reviewers: Kim Vale and Ray Holt", "| Independent reviewer | …"
    return names


def replace_types(policy) -> set[str]:
    """Identifier types to replace: the defaults, less any the policy switches off
    (`report: {URL: false}`), or exactly `replace_types` when a policy gives it."""
    explicit = _policy_get(policy, "replace_types", None)
    if explicit is not None:
        return set(explicit)
    switched = _policy_get(policy, "report", None) or {}
    return {t for t in DEFAULT_REPLACE_TYPES if switched.get(t, True)}


def protected_codes(report, key: Key) -> set[str]:
    """Role codes that must never be replaced: the key's, and the draft's own that are shaped like codes.

    A draft's own key table may list real names ("Nasima Chowdhury | Mother"):
    structure reads them as declared names, but in a draft they are the very
    names to replace, so only code-shaped entries ("EM", "Child E", "Adult 2",
    "Mother") are protected, and never one the author's key lists as a name.
    """
    codes = set(key.codes())
    names = {normalise_match(n) for p in key.people for n in p.names}
    keyed_initials = {i for p in key.people for n in p.names for i in initials_of(n)}
    for entry in getattr(report, "key", None) or []:
        code = entry.code
        if not code or not is_role_code(code) or normalise_match(code) in names or _shortens_a_keyed_name(code, key):
            continue
        if code in keyed_initials or in_initials_column(report.text, entry.code_start):
            continue  # "| RH | Paediatric Liaison Nurse |" of a keyed Robin Heath, or under "Initials": a person's
        codes.add(code)
    return {c for c in codes if c}


def _shortens_a_keyed_name(code: str, key: Key) -> bool:
    """A title and capitals the draft uses as a person ("Mr P says", read by structure as a code shown by
    use) that are the initials of a keyed name with that title ("Mr Preston") or of a keyed full name
    are that person written short, to be coded, not a code to protect."""
    m = _TITLE_AND_CAPITALS.fullmatch(code.strip())
    if not m or m["title"].rstrip(".").casefold() not in {t.casefold() for t in title_genders()}:
        return False
    title, letters = m["title"].rstrip(".").casefold(), m["letters"]
    for name in (n for p in key.people for n in p.names):
        words = [w for w in re.split(r"[\s\-]+", name) if w]
        if words and words[0].rstrip(".").casefold() == title:
            words = words[1:]  # "Mr Preston": the letters stand for what follows the title
        if "".join(w[0] for w in words[-len(letters) :]).upper() == letters:
            return True
    return False


_TITLE_AND_CAPITALS = re.compile(r"(?P<title>[A-Z][a-z]{1,3}\.?)\s+(?P<letters>[A-Z]{1,2})")


def pseudonymise_report(
    report, doc, key: Key, analyzer=None, policy=None, lexicon: frozenset[str] | None = None
) -> PseudonymiseResult:
    """Code a draft: known names -> codes, identifiers -> placeholders, unknown names -> [PERSON-n].

    `doc` is the parse of `report.text` (`parse_for_key`; None matches known
    names only), `analyzer`
    the Presidio engine from `pipeline.deid.recognizers.build_analyzer` (None skips
    structured identifiers), `policy` (`pipeline.deid.policy.Policy` or a dict) may
    allow names (`allow.names`; the cover's author is always allowed) and switch
    identifier types off (`report: {TYPE: false}`), `lexicon` the ordinary English words used to judge
    lower-case slips (`names.known.english_lexicon(nlp)`).
    """
    text = report.text
    protected = protected_codes(report, key)
    allow = allowed_names(report, policy) | protected

    known, kept = _known(report, doc, key, lexicon, protected)
    named_places = place_names.name_runs(text)  # "the Deniz Meze Bar", "Tunde's Kitchen", "on Hampstead Heath"
    known, kept = _in_place_names(known, kept, named_places, text, doc)
    known += _lower_case_before_who(text, key, known)
    structured, kept_identifiers = _structured(doc, analyzer, protected, replace_types(policy))
    unknown_cands = [c for c in _unknown_candidates(doc, allow) if c.text.strip() not in protected]
    unknown_cands = [c for c in unknown_cands if not place_names.inside(c.start, c.end, named_places)]
    streets = _numbered_street_mentions(text, structured)  # "the tenancy at Heronsgate Walk": a street, no person
    structured = _without_bare_streets(structured, streets)
    unknown_cands = [c for c in unknown_cands if not place_names.inside(c.start, c.end, streets)]
    from .verify import postal_towns

    towns = postal_towns(text)  # "her sister's home in Brackwell (BK1 2LN)": a town, not an unlisted person
    towns |= place_names.towns_by_use(text, doc)  # "Grandmother (Madeira)" beside "grew up in Madeira, where"
    unknown_cands = [c for c in unknown_cands if c.text.strip() not in towns]
    unknown_cands += _declared_unlisted_aliases(text, unknown_cands, known + structured)
    unknown_cands += _typist_initials(text, unknown_cands, known + structured)
    unknown_cands += _repeated_unknown(text, _outside_places(unknown_cands, structured), known + structured)
    unknown_cands += _repeated_word_names(text, unknown_cands, known + structured, doc)
    unknown_cands += unlisted_forms(text, unknown_cands, known + structured, doc)  # "PIKE", "Pike" of a "JORDAN PIKE"
    unknown_cands += _quoted_teknonyms(text, unknown_cands, known + structured)  # after the passes it replaces
    glossed = _glossed_family_words(text, key)
    unknown_cands += _glossed_prefix_names(text, glossed, known + structured, unknown_cands, protected)
    kept = kept + _group_words(text, unknown_cands, kept)  # "a Magar family": a people, logged as kept
    kept = kept + _public_works(text, unknown_cands)  # "the Marshall Inquiry": a public figure's work
    # decided a place by context, or an identifier kept (a named venue): not an unlisted person either
    places = [(k.start, k.end) for k in kept] + kept_identifiers
    unknown = [
        _with_title(
            text, Replacement(c.start, c.end, c.text, "", "PERSON_UNKNOWN", "unknown", c.rule, float(c.confidence))
        )
        for c in unknown_cands
        if not any(c.start < e and s < c.end for s, e in places)
    ]

    suffixes = _inferred_suffix_words(text, known + unknown, key, doc, lexicon)
    unknown = _without_suffixes(unknown, suffixes)
    family = _inferred_family_words(text, known + unknown, glossed, key) | suffixes
    known = _yield_to_unlisted(known, unknown, key, family)
    initials = _unlisted_initials(report, unknown_cands, known + structured + unknown, doc, protected, key)
    chosen = reconcile(resolve(known + structured + unknown, text), text, key)
    _leave_genderless_titles(text, chosen)
    _take_inferred_prefixes(text, chosen, glossed, key)
    _take_forms_of_address(text, chosen, suffixes, key)
    # listed and explained family words and the inferred suffixes; not the prefixes inferred by use, which take
    # in a given name written before two forms of one surname ("Murdo Nicolson", "Murdo N.")
    chosen += _nameless_initials(report, chosen, [r for r, _ in initials], doc, protected, allow, key)
    chosen = record_line_people(text, chosen, key, _record_line_replacement)
    chosen = family_first_lines(text, chosen, key, _record_line_replacement)  # "TE RANGI-WALSH, Kahurangi"
    chosen = strangers_sharing_a_part(text, chosen, key, _record_line_replacement)
    unplaced = _number_unknown([c for c in chosen if c.source == "unknown"], glossed | suffixes | _kin_prefixes(), text)
    _take_hyphened_kin(text, chosen)
    chosen = chosen + _placed_initials(chosen, initials)
    take_record_initials(text, chosen, key, frozenset(protected))  # "HALE T", "MRS D WHITFORTH", "K.V. Ramanathan"
    chosen = with_mention_words(chosen, text)  # "LCpl EF", "District Judge [PERSON-3]", "Ni W. Pradnyani"
    chosen = sorted(
        chosen + collar_number_uses(text, chosen) + _respaced_identifiers(text, chosen), key=lambda r: r.start
    )
    out_text = rebuild(text, chosen)
    ambiguous = [c for c in chosen if c.ambiguous]
    return PseudonymiseResult(out_text, chosen, unplaced, ambiguous, kept)


def _record_line_replacement(start: int, end: int, text: str, code: str | None) -> Replacement:
    """One person's record line ("GANBOLD T"): the keyed code, or an unlisted person numbered with the rest."""
    if code is None:
        return Replacement(start, end, text, "", "PERSON_UNKNOWN", "unknown", "record_line", 0.8)
    return Replacement(start, end, text, code, "PERSON", "known", "record_line", 0.9, code=code)


PLACE_NAME = place_names.PLACE_NAME


@lru_cache(maxsize=1)
def _respaced_types() -> frozenset[str]:
    return frozenset(load_yaml("recognizers", "engine.yaml").get("respaced_in_draft") or ())


def _respaced_identifiers(text: str, chosen: list[Replacement]) -> list[Replacement]:
    """The draft's other spellings of an identifier value it was found with ("LB68VTE" of "LB68 VTE"): the
    same characters with the spaces dropped or moved (models/recognizers/engine.yaml `respaced_in_draft`)."""
    seen: dict[str, Replacement] = {}
    for r in chosen:
        compact = re.sub(r"\s+", "", r.text)
        if r.type in _respaced_types() and len(compact) >= 5:
            seen.setdefault(compact, r)
    if not seen:
        return []
    taken = [(r.start, r.end) for r in chosen]
    out = []
    for compact, r in seen.items():
        spaced = "[ \t]?".join(map(re.escape, compact))
        for m in re.finditer(rf"(?<![\w-]){spaced}(?![\w-])", text):
            if not any(s < m.end() and m.start() < e for s, e in taken):
                out.append(replace(r, start=m.start(), end=m.end(), text=m.group(0), rule="respaced_in_draft"))
                taken.append((m.start(), m.end()))
    return out


def _in_place_names(
    known: list[Replacement], kept: list[KeptMention], runs: list[tuple[int, int]], text: str, doc
) -> tuple[list[Replacement], list[KeptMention]]:
    """Keyed-name matches inside the name of a venue, business, street or open space, or written as a town
    (`place_names`), are that place: left in place and logged as kept."""
    inside = [
        r for r in known if place_names.inside(r.start, r.end, runs) or place_names.town_use(text, r.start, r.end, doc)
    ]
    moved = [KeptMention(r.start, r.end, r.text, r.code or "", PLACE_NAME) for r in inside]
    return [r for r in known if r not in inside], kept + moved


def _lower_case_before_who(text: str, key: Key, known: list[Replacement]) -> list[Replacement]:
    """A keyed given name written in lower case right before "who" ("spoke to memory, who confirmed"): an
    ordinary word is never followed by "who", a person is.  Only a given name of one keyed person."""
    owners: dict[str, set[str]] = {}
    for person in key.people:
        for name in person.names:
            words = [w for w in name.split() if w.isalpha() and len(w) >= 3]
            if words and words[0][:1].isupper() and words[0].casefold() not in _title_words():
                owners.setdefault(words[0].casefold(), set()).add(person.code)
    spans = [(k.start, k.end) for k in known]
    out = []
    # one pass over the words before "who" (not one pass over the text per keyed name)
    for m in _WORD_BEFORE_WHO.finditer(text):
        codes = owners.get(m.group(0))
        if not codes or len(codes) != 1:
            continue
        code = next(iter(codes))
        if any(s < m.end() and m.start() < e for s, e in spans):
            continue
        if re.search(rf"(?i)\b{_DETERMINERS}[ \t]+$", text[max(0, m.start() - 8) : m.start()]):
            continue
        out.append(Replacement(m.start(), m.end(), m.group(0), code, "PERSON", "known", "lower_case_who", 0.7, code))
        spans.append((m.start(), m.end()))
    return out


_WORD_BEFORE_WHO = re.compile(r"(?<![\w'’.-])[^\W\d_]+(?:['’-][^\W\d_]+)*(?=,?[ \t]+who\b)")


def _key_words(key: Key) -> frozenset[str]:
    from .names.folding import fold

    return frozenset(fold(w).casefold() for p in key.people for n in p.names for w in n.split())


def _glossed_family_words(text: str, key: Key) -> frozenset[str]:
    """Words the draft explains as a family word or form of address (`kin_forms.glossed_words`), less the
    keyed people's own name words ('"Pim" is what her mum calls her' names the child)."""
    from .names.kin_forms import glossed_words

    return glossed_words(text) - _key_words(key)


def _glossed_prefix_names(text: str, glossed: frozenset[str], taken: list[Replacement], cands, protected):
    """ "Tok Hashim", "Na Golf": an explained family word and the capitalised word after it, not already a
    keyed person's or another proposal's, is a person the family names in its own language."""
    from .names.kin_forms import glossed_prefix_names
    from .names.unknown import NameCandidate, scores

    spans = [(t.start, t.end) for t in taken] + [(c.start, c.end) for c in cands]
    out = []
    for start, end in glossed_prefix_names(text, glossed):
        name = text[start:end].split()[-1]
        if name in protected or any(s < end and start < e for s, e in spans):
            continue
        out.append(NameCandidate(start, end, text[start:end], "kin_title", float(scores()["rules"]["kin_title"])))
        spans.append((start, end))
    return out


def _ordinary_word(key: Key):
    """A test: the word is a frequent English word, a role, title, family word, listed or keyed name, place or
    country, so no family word or form of address the draft could teach."""
    from .names.derived import _role_words
    from .names.kin_forms import frequent_words, prefix_words
    from .names.unknown import lexicon as name_lexicon

    lex = name_lexicon()
    keyed = _key_words(key)
    kin = prefix_words()
    frequent = frequent_words()
    roles = _role_words()

    def ordinary(word: str) -> bool:
        low = word.casefold()
        return (
            low in frequent
            or low in roles
            or low in lex.roles
            or lex.is_known_name(word)
            or word in lex.titles
            or low in _title_words()
            or low in kin
            or low in keyed
            or word in lex.places
            or word in lex.countries
        )

    return ordinary


def _inferred_family_words(text: str, people: list, glossed: frozenset[str], key: Key) -> frozenset[str]:
    """The explained family words and the words standing before two or more different people's names
    (`kin_forms.prefixes_by_use`) that are no frequent English word, title, listed or keyed name, place or
    country ("Ba" of "Ba Mwansa" and "Ba Bwalya")."""
    from .names.kin_forms import prefixes_by_use

    return glossed | prefixes_by_use(text, [(r.start, r.end) for r in people], _ordinary_word(key))


def _inferred_suffix_words(text: str, people: list, key: Key, doc, english: frozenset[str] | None) -> frozenset[str]:
    """Forms of address the draft writes after given names (`kin_forms.suffixes_by_use`): "Hanım" of "Ayla
    Hanım" and "Oren Hanım", a lower-case "di" after a name that the parse does not read as ordinary text."""
    from .names.folding import fold
    from .names.kin_forms import _inferred_conf, suffixes_by_use

    not_pos = frozenset(_inferred_conf().get("suffix_not_pos") or ())

    def fits(word: str, at: int) -> bool:
        if doc is None:
            return True
        span = doc.char_span(at, at + len(word), alignment_mode="expand")
        if span is None or any(t.pos_ in not_pos for t in span):
            return False
        # a lower-case inflection of an English word ("rang"), whatever the parse tagged it, a comparative
        # ("brighter", "calmer") or a texting spelling the model's lexeme norms give an English word for
        # ("thx" -> thanks, "pls" -> please)
        return not (word.islower() and english and any(_english_variant(t, english) for t in span))

    given = frozenset(fold(n.split()[0]).casefold() for p in key.people for n in p.names if n.split())
    spans = [(r.start, r.end) for r in people]
    return suffixes_by_use(text, spans, _ordinary_word(key), fits, english or frozenset(), given - _title_words())


def _english_variant(token, english: frozenset[str]) -> bool:
    """`token` is an English word in another form than the lemma index lists: an inflection the lemmatizer
    undid ("rang"), a comparative or superlative of an English adjective ("brighter", "calmer": the stem with
    "-er"/"-est" off, a doubled consonant undone, "i" back to "y" or an "e" restored, which the parse often
    tags a noun after a name) or a spelling the model's lexeme norm table maps to an English word ("thx" ->
    "thanks")."""
    low = token.lower_
    lemma = token.lemma_.casefold()
    if lemma not in (low, "") and lemma in english:
        return True
    if token.norm_ not in (low, "") and token.norm_ in english:
        return True
    return any(s in _adjectives() for s in _comparative_stems(low))


def _comparative_stems(low: str) -> tuple[str, ...]:
    """The adjectives "-er"/"-est" may have been added to: "bright" (brighter), "big" (bigger), "nice"
    (nicer), "happy" (happier)."""
    for ending in ("er", "est"):
        if low.endswith(ending) and len(low) > len(ending) + 2:
            stem = low[: -len(ending)]
            undoubled = stem[:-1] if stem[-1] == stem[-2] else stem
            return (stem, undoubled, stem + "e", stem[:-1] + "y" if stem.endswith("i") else stem)
    return ()


@lru_cache(maxsize=1)
def _adjectives() -> frozenset[str]:
    """English adjectives (and adverbs) of the model's lemma index (WordNet): what a comparative is made of."""
    from .names.unknown import model_lemma_lookups

    try:
        index = model_lemma_lookups().get_table("lemma_index")
        return frozenset(w for pos in ("adj", "adv") for w in index.get(pos, ()))
    except (KeyError, AttributeError):
        return frozenset()


def _without_suffixes(unknown: list[Replacement], words: frozenset[str]) -> list[Replacement]:
    """An unlisted mention ending in an inferred form of address ("Ayla Hanım") is the name before it: the
    keyed given name can then claim it, and the word rejoins the name after resolution."""
    if not words:
        return unknown
    for r in unknown:
        if r.rule == "quoted_teknonym":
            continue  # "Riku-kun's mama": the family word is part of the name the draft gives the person
        m = re.search(r"(?<=\S)(?:[ \t]+|-)([^\W\d_]+)\s*\Z", r.text)
        if m and m.group(1).casefold() in words and re.search(r"[^\W\d_]{2}", r.text[: m.start()]):
            r.end, r.text = r.start + m.start(), r.text[: m.start()]
    return unknown


def _take_forms_of_address(text: str, chosen: list[Replacement], words: frozenset[str], key: Key) -> None:
    """A form of address the draft itself shows ("Ayla Hanım": `_inferred_suffix_words`; "Ust. Farid": a short
    capitalised abbreviation with a stop before a name that is no listed title, English word or name) goes
    with the name into its code or placeholder, and an unlisted "person" that is only such a word beside the
    name is that word."""
    from .names.kin_forms import _inferred_conf, inferred_suffix_end

    abbreviation = re.compile(str(_inferred_conf().get("title_abbreviation") or r"(?!)"))
    ordinary = _ordinary_word(key)
    people = sorted((r for r in chosen if r.type in ("PERSON", "PERSON_UNKNOWN")), key=lambda r: r.start)
    removed: set[int] = set()  # by identity: `r in chosen` compared every field of every replacement
    for r, nxt in zip(people, people[1:], strict=False):
        if id(r) in removed:
            continue
        if (
            nxt.source == "unknown"
            and nxt.text.casefold() in words
            and re.fullmatch(r"[ \t-]+", text[r.end : nxt.start])
        ):
            chosen.remove(nxt)
            removed.add(id(nxt))
            r.end, r.text = nxt.end, text[r.start : nxt.end]
        elif (
            r.source == "unknown"
            and re.fullmatch(r"\.?[ \t]+", text[r.end : nxt.start])
            and _address_abbreviation(text[r.start : nxt.start].strip(), ordinary)
        ):
            chosen.remove(r)
            removed.add(id(r))
            nxt.start, nxt.text = r.start, text[r.start : nxt.end]
    starts = sorted(r.start for r in chosen)
    for r in chosen:
        if r.type not in ("PERSON", "PERSON_UNKNOWN"):
            continue
        end = inferred_suffix_end(text, r.end, words)
        if end > r.end and not any(r.end <= s < end for s in starts):
            r.end, r.text = end, text[r.start : end]
        m = abbreviation.search(text, max(0, r.start - 8), r.start)
        if (
            m
            and _address_abbreviation(m.group(0).strip(), ordinary)
            and not any(m.start() < e <= r.start for e in (c.end for c in chosen if c is not r))
        ):
            r.start, r.text = m.start(), text[m.start() : r.end]


def _address_abbreviation(word: str, ordinary) -> bool:
    """ "Ust." before a name: two to four letters, capitalised, with a stop, no title, English word or name."""
    bare = word.rstrip(".")
    return word.endswith(".") and bool(re.fullmatch(r"[A-Z][a-z]{1,3}", bare)) and not ordinary(bare)


def _take_inferred_prefixes(text: str, chosen: list[Replacement], glossed: frozenset[str], key: Key) -> None:
    """ "Pi Ploy", "Ba Mwansa": a family word of a language no list has, inferred from the draft (explained in
    it, or standing before two or more different people's names), goes into the placeholder of the name after
    it; unlike a listed title it could be part of a name.  An unlisted "person" that is only such a word, right
    before a name ("Zeb" of "Zeb Losa" split by the key), is that word and goes with the name."""
    from .names.kin_forms import inferred_prefix_before

    people = sorted((r for r in chosen if r.type in ("PERSON", "PERSON_UNKNOWN")), key=lambda r: r.start)
    words = _inferred_family_words(text, people, glossed, key)
    if not words:
        return
    for r, nxt in zip(people, people[1:], strict=False):
        if r.source == "unknown" and r.text.casefold() in words and re.fullmatch(r"[ \t]+", text[r.end : nxt.start]):
            chosen.remove(r)
            nxt.start, nxt.text = r.start, text[r.start : nxt.end]
    ends = {r.end for r in chosen}
    for r in chosen:
        if r.type not in ("PERSON", "PERSON_UNKNOWN"):
            continue
        start = inferred_prefix_before(text, r.start, words)
        if start < r.start and not any(start < e <= r.start for e in ends if e != r.end):
            r.start, r.text = start, text[start : r.end]


def _group_words(text: str, cands, kept: list[KeptMention]) -> list[KeptMention]:
    """Unlisted one-word names that name a people, caste or language here ("the Magar community",
    "speaks Tamang"; `names.groups`), or that a group word kept before them names in brackets
    ("Gurung (Tamu kyi)"), kept with that reason for the log."""
    from .names.groups import GROUP, group_reading, other_name_of_group

    out = []
    groups = [(k.start, k.end) for k in kept if k.reason == GROUP]
    for c in sorted(cands, key=lambda c: c.start):
        if " " in c.text.strip():
            continue
        reason = group_reading(text, c.start, c.end)
        if reason or other_name_of_group(text, c.start, groups):
            out.append(KeptMention(c.start, c.end, c.text, "", reason or GROUP))
            groups.append((c.start, c.end))
    return out


_WORK_AFTER = re.compile(r"(?:['’]s?)?[ \t]+([A-Za-z]+)(?:[ \t]+([A-Za-z]+))?")


@lru_cache(maxsize=1)
def _public_work_words() -> tuple[frozenset[str], frozenset[str]]:
    """Surnames of the public figures reviews cite (models/names/public_names.txt) and the kinds of work
    named after them (models/names/not_people.yaml `public_work_heads`)."""
    from ..resources import load_yaml, read_lines

    surnames = frozenset(line.split()[-1] for line in read_lines("names", "public_names.txt"))
    return surnames, frozenset(load_yaml("names", "not_people.yaml").get("public_work_heads") or ())


def _public_works(text: str, cands) -> list[KeptMention]:
    """An unlisted one-word name that is a public figure's surname followed, within two words, by the
    kind of work it names ("the Brandon biennial analyses", "the Marshall Inquiry"): the work, kept and
    logged.  `verify` still reports the figure at info."""
    surnames, heads = _public_work_words()
    out = []
    for c in cands:
        word = c.text.strip()
        m = _WORK_AFTER.match(text, c.end)
        if word in surnames and m and any((w or "").casefold() in heads for w in m.groups()):
            out.append(KeptMention(c.start, c.end, c.text, "", "public_figure_work"))
    return out


SINGLE_KEYED_WORD = frozenset({"first_name", "surname"})
UNLISTED_FULL_NAME_MIN = 0.7


def _yield_to_unlisted(
    known: list[Replacement], unknown: list[Replacement], key: Key, family_words: frozenset[str] = frozenset()
) -> list[Replacement]:
    """Drop a keyed first name or surname alone that is one word of an unlisted person's full name whose
    other words are none of that key person's ("Mr Abdullahi Farah" is not Farah Al-Khatib; "Trust
    Moyo" is not Mrs Moyo): a relative or a namesake, one unlisted person.  A word within two
    letters of one of the person's names (a misspelling) keeps the keyed reading."""
    from rapidfuzz.distance import OSA

    from .names.folding import fold
    from .names.kin_forms import prefix_words
    from .names.unknown import lexicon, name_words

    names = {p.code: {fold(w).lower() for n in p.names for w in n.split()} for p in key.people}
    full = [u for u in unknown if u.confidence >= UNLISTED_FULL_NAME_MIN and len(name_words(u.text)) >= 2]
    if not full:
        return known
    lex = lexicon()
    kin = prefix_words() | family_words  # with the draft's own family words ("Zeb Iosefa")

    def yields(k: Replacement) -> bool:
        if k.rule not in SINGLE_KEYED_WORD:
            return False
        own = names.get(k.code or "", set())
        for u in full:
            if not (u.start <= k.start and k.end <= u.end) or (u.start, u.end) == (k.start, k.end):
                continue
            if any(o is not k and u.start <= o.start and o.end <= u.end for o in known):
                return False  # "Luciana Yusufs": two keyed people side by side
            others = name_words(u.text[: k.start - u.start] + " " + u.text[k.end - u.start :])
            if k.rule == "first_name" and others and all(w.casefold() in kin for w in others):
                continue  # "Nan Marjorie", "Nana Rose": a family word before the keyed given name, not a name
            cue = any(r in u.rule.split("+") for r in ("role", "title"))
            if not others or not (cue or all(lex.is_known_name(w) for w in others)):
                continue  # "Kak Rebwar": a word of address, no name of another person
            if k.rule == "first_name" and all(lex.is_common_word(w) for w in others):
                continue  # a group "called Team Ethan": an English word beside a keyed given name, no other name
            if not any(OSA.distance(fold(o).lower(), w) <= 2 for o in others for w in own):
                return True
        return False

    return [k for k in known if not yields(k)]


def _unlisted_initials(report, cands, taken: list[Replacement], doc, protected, key) -> list:
    """Initials of unlisted people the draft names ("DP", "D.A. Pratt" of a Dean Pratt), outside every other
    replacement, each as (replacement, (start, end) of the unlisted mention whose placeholder it takes).
    `cands` are the unlisted-name candidates, which already leave out the people the coded text may
    name (the review's authors and reviewers, `allowed_names`): "AH" in a tracked comment is the lead
    reviewer's, not an unlisted person's."""
    from .names.initials import unlisted_initials

    found = unlisted_initials(report.text, cands, [(t.start, t.end) for t in taken], doc, protected, key)
    return [
        (Replacement(start, end, surface, "", "PERSON_UNKNOWN", "unknown", "unlisted_initials", 0.6), name)
        for start, end, surface, name in found
    ]


def _nameless_initials(report, chosen: list[Replacement], initials: list[Replacement], doc, protected, allow, key):
    """Capitals of people the draft never names, standing where a record puts a person ("| KD | Radiographer |"):
    one unlisted person per set of letters (`names.initials.nameless_initials`).  Letters that are something the
    draft or the key explains are left: codes, keyed and allowed people's initials, declared abbreviations."""
    from .names.initials import keyed_initials, nameless_initials

    known = set(protected) | set(keyed_initials(key)) | {a.abbr for a in getattr(report, "abbreviations", None) or []}
    known |= {i for name in allow for i in initials_of(name)}
    taken = [(r.start, r.end) for r in chosen + initials]
    people = [(r.start, r.end) for r in chosen + initials if r.type in ("PERSON", "PERSON_UNKNOWN")]
    found = nameless_initials(report.text, taken, people, doc, frozenset(known))
    return [Replacement(s, e, t, "", "PERSON_UNKNOWN", "unknown", "nameless_initials", 0.5) for s, e, t in found]


def _placed_initials(chosen: list[Replacement], initials: list) -> list[Replacement]:
    """The unlisted people's initials, given their person's placeholder (left out when that person's
    mention was not replaced after all)."""
    unknown = [c for c in chosen if c.source == "unknown" and c.replacement]
    out = []
    for r, (start, end) in initials:
        person = next((c for c in unknown if c.start < end and start < c.end), None)
        if person is not None:
            r.replacement = r.code = person.replacement
            out.append(r)
    return out


def _number_unknown(
    unknown: list[Replacement], address: frozenset[str] = frozenset(), text: str | None = None
) -> list[UnplacedPerson]:
    """One placeholder per person, in order of first mention; a family word or form of address (`address`:
    listed or inferred from the draft, before or after the name) is no name word ("Oren Hanım" and "Tia
    Oren" are Oren Demir); a name the draft gives a person named in full (`text`) is theirs."""
    from .names.folding import fold
    from .names.unknown import group_mentions

    groups = group_mentions(unknown, frozenset(fold(w).lower() for w in address), text)
    people = []
    for n, group in enumerate(groups, 1):
        placeholder = PERSON_PLACEHOLDER.format(n=n)
        for r in group:
            r.replacement = placeholder
            r.code = placeholder
        people.append(
            UnplacedPerson(placeholder, sorted({r.text for r in group}), len(group), sorted({r.rule for r in group}))
        )
    return people


def log_records(result: PseudonymiseResult) -> Iterable[dict[str, Any]]:
    """The replacement log's records (after its provenance header, see `pipeline.stagefile`):
    one per replacement, one per unplaced person, one per keyed word kept as a place."""
    for r in result.replacements:
        yield {"record": "replacement", **r.record()}
    for p in result.unplaced:
        yield {"record": "unplaced", **asdict(p)}
    for k in result.kept:
        yield {"record": "kept", **asdict(k)}

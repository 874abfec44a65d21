"""Quasi-identifiers: facts that identify a child in combination, not alone.

The ICO's motivated-intruder test asks whether someone determined, with local
knowledge or a newspaper archive, could pick out the child.  Published reviews
routinely give the month of an incident or the local authority; what tips the
balance is a combination, so these findings are `low` by default: a human
judges them.  Three kinds:

* ``QUASI_BIRTH``     a birth cue with an exact date, or with a month and year
                      together with the gestation ("born at 28 weeks in March 2017");
* ``QUASI_AGE_DATE``  an exact age and an exact date in one sentence (together
                      they give a date-of-birth window);
* ``QUASI_PLACE``     a place below local-authority level: an estate, village or
                      street, or a place entity not listed as a local authority or
                      town (``models/gazetteer/uk_places.txt``).  Where the text ties
                      it to the family or a person of the story ("lived in Oakbury",
                      "Kim Vale, 23, from Oakbury"; ``tied_place_rules`` in the
                      policy) verify reports it as ``QUASI_PLACE_TIED`` severity
                      (medium): that is where the child is found.

Cue words are in the ``quasi:`` section of the policy (``models/policy.yaml``).

An exact date of birth or death with a clear cue ("born on 3 May 2021", "On
3rd May 2021 X gave birth", "died on 14.3.19", "Date of death: ...") is a
structured identifier (DATE_OF_BIRTH / DATE_OF_DEATH, ``high``) found by
``pipeline.deid.recognizers``; verify keeps the more severe of two overlapping
findings, so the same fact is never ``low`` in one review and ``high`` in
another.  ``birth-exact-date`` here is the looser net (a birth cue anywhere
near the date) for what the recognizer deliberately leaves, and stays ``low``;
a month and year alone is never exact.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from .. import spans
from ..lexicon import calendar
from .names.unknown import lexicon

MONTH = rf"(?:{calendar().month_pattern()})"  # names and abbreviations (models/dates/lexicon.yaml)
NUM_WORD = (
    r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
    r"|sixteen|seventeen|eighteen)"
)
EXACT_DATE_RE = re.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}\b(?:,?\s+\d{{4}})?"
    rf"|{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}})?"
    rf"|\d{{1,2}}[/.]\d{{1,2}}[/.](?:\d{{4}}|\d{{2}}))(?!\d)"
)
MONTH_YEAR_RE = re.compile(rf"\b{MONTH}\s+(?:of\s+)?\d{{4}}\b")
AGE_RE = re.compile(
    rf"\b(?:aged|age)\s+{NUM_WORD}(?:\s+(?:years?|months?|weeks?))?(?:\s+old)?\b"
    rf"|\b{NUM_WORD}[- ](?:years?|months?|weeks?|days?)[- ]old\b",
    re.IGNORECASE,
)


def _candidate(start: int, end: int, kind: str, rule: str, reason: str) -> spans.Span:
    """A quasi-identifier span: its type is QUASI_BIRTH, QUASI_AGE_DATE or QUASI_PLACE."""
    return spans.Span(start, end, kind, source="quasi", rule=rule, reason=reason)


def _cue_re(words: list[str]) -> re.Pattern:
    return re.compile(
        r"(?<![\w.])(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")(?!\w)",
        re.IGNORECASE,
    )


def find_quasi_identifiers(doc: Doc, settings: dict, allowed_places: set[str] | None = None) -> list[spans.Span]:
    """Birth facts, age-with-date combinations and small places, sentence by sentence."""
    exclusions = frozenset(w.lower() for w in settings.get("birth_cue_exclusions", ()))
    birth = _cue_re(settings["birth_cues"])
    gestation = _cue_re(settings["gestation_cues"])
    out: list[spans.Span] = []
    for sent in doc.sents:
        text = sent.text
        if birth.search(text):
            out.extend(_birth(sent, birth, gestation, exclusions))
        if AGE_RE.search(text):
            out.extend(_age_with_date(sent))
    out.extend(find_small_places(doc, settings, allowed_places or set()))
    return sorted(out, key=lambda c: c.start)


def _excluded_cue(text: str, end: int, exclusions: frozenset[str]) -> bool:
    """'birth visit', 'birth plan': the word after the cue shows it is not about the child's birth."""
    nxt = re.match(r"[\s-]*([A-Za-z]+)", text[end:])
    return nxt is not None and nxt.group(1).lower() in exclusions


def _near(spans: list[tuple[int, int]], start: int, end: int, window: int = 80) -> bool:
    return any(s - window <= end and start <= e + window for s, e in spans)


def _birth(sent: Span, birth: re.Pattern, gestation: re.Pattern, exclusions: frozenset[str]):
    text, base = sent.text, sent.start_char
    cues = [m.span() for m in birth.finditer(text) if not _excluded_cue(text, m.end(), exclusions)]
    exact = [m for m in EXACT_DATE_RE.finditer(text) if _near(cues, *m.span())]
    for m in exact:
        yield _candidate(
            base + m.start(),
            base + m.end(),
            "QUASI_BIRTH",
            "birth-exact-date",
            "an exact date next to a birth cue: a date of birth identifies the child",
        )
    if exact or not gestation.search(text):
        return
    for m in MONTH_YEAR_RE.finditer(text):
        if _near(cues, *m.span(), window=120):
            yield _candidate(
                base + m.start(),
                base + m.end(),
                "QUASI_BIRTH",
                "birth-month-gestation",
                "birth month and year together with the gestation narrow the birth to a few days",
            )


def _age_with_date(sent: Span):
    text, base = sent.text, sent.start_char
    if not EXACT_DATE_RE.search(text):
        return
    for m in AGE_RE.finditer(text):
        if re.search(r"gestation|pregnan", text[m.end() : m.end() + 30], re.IGNORECASE):
            continue
        yield _candidate(
            base + m.start(),
            base + m.end(),
            "QUASI_AGE_DATE",
            "age-with-date",
            "an exact age and an exact date in one sentence give a date-of-birth window",
        )


# ---------------------------------------------------------------- places
def _is_known_place(phrase: str, allowed: set[str]) -> bool:
    """A listed local authority or town, a place the policy allows, or a country ("moved from Poland"): never
    below local-authority level."""
    places = lexicon().places
    if phrase in places or phrase in allowed or phrase in lexicon().countries:
        return True
    words = [w for w in re.split(r"\s+|\band\b", phrase) if w]
    return bool(words) and all(w in places or w in allowed for w in words)


def _plausible_name(words: list[str], doc_lower: set[str]) -> bool:
    """Capitalised words that may name a place, none written in lower case elsewhere in the text.  A single
    word must be no frequent English word; in a name of two or three words one such word is enough ("Lower
    Tadley", "Cray Moor": an English word beside it is the place's own, as "Upper", "Moor", "Green" are)."""
    lex = lexicon()

    def shaped(w: str) -> bool:
        return w[:1].isupper() and not w.isupper() and w.lower() not in doc_lower and w not in lex.non_person

    def unusual(w: str) -> bool:
        return not (w.lower() in lex.common and not lex.is_known_name(w))

    if not words or not all(shaped(w) for w in words):
        return False
    return all(unusual(w) for w in words) if len(words) == 1 else any(unusual(w) for w in words)


def find_small_places(doc: Doc, settings: dict, allowed: set[str]) -> list[spans.Span]:
    """Estates, villages, streets and unlisted place entities."""
    text = doc.text
    doc_lower = {t.lower_ for t in doc if t.is_lower and t.is_alpha}
    cap = r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}"
    heads = "|".join(re.escape(h) for h in sorted(settings["small_place_heads"], key=len, reverse=True))
    streets = "|".join(re.escape(s) for s in settings["street_types"])
    befores = "|".join(re.escape(b) for b in settings["small_place_before"])
    patterns = [
        (
            re.compile(rf"\b(?P<p>{cap})\s+(?:{heads})\b"),
            "place-head",
            "a named estate, village or area: below local-authority level",
        ),
        (
            re.compile(rf"(?<![\d\w])(?<!\d )(?P<p>{cap}\s+(?:{streets}))\b"),
            "street",
            "a street name: below local-authority level",
        ),
        (
            re.compile(rf"\b(?:{befores})\s+(?:the\s+)?(?P<p>{cap})\b"),
            "place-context",
            "a place named as where someone lived or went, not a local authority or town",
        ),
    ]
    appositions = "|".join(re.escape(a) for a in settings.get("small_place_apposition", ()))
    if appositions:  # "in Cray Moor, a hamlet on the edge of the county"
        patterns.append(
            (
                re.compile(rf"\b(?P<p>{cap}),\s+(?:{appositions})\b"),
                "place-apposition",
                "a place the text itself calls a village, hamlet or estate: below local-authority level",
            )
        )
    person_befores = "|".join(re.escape(b) for b in settings.get("person_place_before", ()))
    if person_befores:  # a newspaper's "Kim Vale, 23, from Oakbury, who ...": where a person of the story lives
        patterns.append(
            (
                re.compile(
                    rf"[A-Z][\w'’-]+(?:,\s*(?:aged\s+)?\d{{1,2}})?,\s+(?:{person_befores})\s+(?P<p>{cap})"
                    rf"(?=\s*(?:[,.;]|\bwho\b|$))"
                ),
                "place-of-person",
                "the town or village a person of the story is from, below local-authority level",
            )
        )
    out: dict[tuple[int, int], spans.Span] = {}
    for pattern, rule, reason in patterns:
        for m in pattern.finditer(text):
            phrase = m.group("p")
            words = phrase.split()
            name_words = words[:-1] if rule == "street" else words
            if _is_known_place(phrase, allowed) or not _plausible_name(name_words, doc_lower):
                continue
            out.setdefault(m.span("p"), _candidate(m.start("p"), m.end("p"), "QUASI_PLACE", rule, reason))
    for ent in doc.ents:
        if ent.label_ not in ("GPE", "LOC", "FAC") or "\n" in ent.text:
            continue
        words = [t.text for t in ent if not t.is_punct and t.lower_ not in ("the", "and")]
        if _is_known_place(" ".join(words), allowed) or not _plausible_name(words, doc_lower):
            continue
        if any(s <= ent.start_char < e for s, e in out):
            continue
        out[(ent.start_char, ent.end_char)] = _candidate(
            ent.start_char,
            ent.end_char,
            "QUASI_PLACE",
            "place-entity",
            "a place that is not a listed local authority or town: check it is not too local",
        )
    return list(out.values())

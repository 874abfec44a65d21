"""Key names in any form, misspellings included, for `scr verify --key`.

`pipeline.deid.names.known` finds every regular form of a key's names
(full, first, surname, title + surname, any case).  A draft edited by hand
also carries slips: "Shanon Pryce", "Darren Lacy", "Ms Price".  This module
adds an approximate pass with rapidfuzz over capitalised words and pairs of
words: a pair is compared with each full name, a single word with each first
name and surname.  Long names match at `min_ratio` (rapidfuzz ratio); short
ones (fewer than `short_name_length` letters) only with one edit
(Damerau-OSA).  A misspelling is a slip that makes no word: a month or weekday
("March" one letter from "Marsh", "June" from "Juno") is never one, and an
ordinary English word ("Price", "Wood") only right after a title ("Ms Price"
of a keyed "Pryce"), where the title says a surname follows.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA
from spacy.tokens import Doc, Token

from ...lexicon import calendar
from ...nlp import ROLE_LABEL  # the label pipeline.nlp gives declared codes
from ..keyfile import Key
from ..place_names import PLACE_NAME as PLACE_NAME_RUN
from ..place_names import inside, name_runs
from .known import matcher_for, split_title
from .residue import find_residue
from .unknown import lexicon

_DERIVED_RULES = frozenset({"misspelling", "short_form", "nickname"})


@dataclass(frozen=True)
class KeyNameMatch:
    """A mention of a key person, exact or approximate."""

    start: int
    end: int
    text: str
    code: str
    form: str  # the key form it matches
    rule: str  # "exact:<known_names rule>", "fuzzy", "place:<why>" or "residue:<kind>" (names.residue)
    score: float  # 0-100


@dataclass(frozen=True)
class _Form:
    text: str
    words: int
    code: str


def key_forms(key: Key) -> list[_Form]:
    """Full names, first names and surnames of every key person (titles dropped)."""
    forms: dict[tuple[str, str], _Form] = {}
    for person in key.people:
        for name in person.names:
            _, words = split_title(name.split())
            words = [w.strip(".,") for w in words if w.strip(".,")]
            if not words:
                continue
            parts = {" ".join(words): len(words), words[0]: 1, words[-1]: 1}
            for text, n in parts.items():
                if len(text) >= 3:
                    forms[(text.casefold(), person.code)] = _Form(text, n, person.code)
    return list(forms.values())


def _capitalised(token: Token) -> bool:
    return token.text[:1].isupper() and token.is_alpha and not token.is_upper


def _close(a: str, b: str, min_ratio: float, short_len: int) -> float:
    """Similarity score (0-100) when `a` is an acceptable misspelling of `b`, else 0."""
    a, b = a.casefold(), b.casefold()
    if a == b:
        return 0.0  # exact forms are the known-name matcher's
    if min(len(a), len(b)) < short_len:
        return 100.0 - 10 * OSA.distance(a, b) if OSA.distance(a, b) <= 1 and min(len(a), len(b)) >= 4 else 0.0
    score = fuzz.ratio(a, b)
    return score if score >= min_ratio else 0.0


def find_key_names(doc: Doc, key: Key, settings: dict | None = None) -> list[KeyNameMatch]:
    """Every mention of a key person in `doc`: exact forms, then misspellings."""
    settings = settings or {}
    min_ratio = float(settings.get("min_ratio", 85))
    short_len = int(settings.get("short_name_length", 6))
    codes = [e.text for e in doc.ents if e.label_ == ROLE_LABEL] + key.codes()
    lex = lexicon()
    by_char = {t.idx: t for t in doc}
    exact = []
    search = matcher_for(key, lex.common, codes).search(doc.text, doc=doc)
    places = [KeyNameMatch(k.start, k.end, k.text, k.code, k.text, f"place:{k.reason}", 100.0) for k in search.kept]
    runs = name_runs(doc.text)  # "at Marsh Farm": pseudonymise kept the word inside a place's name
    for m in search.matches:
        if inside(m.start, m.end, runs):
            places.append(KeyNameMatch(m.start, m.end, m.text, m.code, m.text, f"place:{PLACE_NAME_RUN}", 100.0))
            continue
        token = by_char.get(m.start)
        one_word = token is not None and m.end <= token.idx + len(token.text)
        if one_word and token is not None and token.lower_ in lex.common and not _name_context(token, lex):
            continue  # "the Court", "Stone" starting a sentence: an ordinary word, not the surname
        if _DERIVED_RULES & set(m.rule.split("+")):  # a short form, nickname or misspelling of a key name
            exact.append(
                KeyNameMatch(m.start, m.end, m.text, m.code, m.form, "fuzzy", round(fuzz.ratio(m.text, m.form), 0))
            )
        else:
            exact.append(KeyNameMatch(m.start, m.end, m.text, m.code, m.form, f"exact:{m.rule}", 100.0))
    taken = [(m.start, m.end) for m in exact + places]
    fuzzy = _fuzzy_matches(doc, key_forms(key), min_ratio, short_len, taken)
    residue = [
        KeyNameMatch(r.start, r.end, r.text, "/".join(r.codes), r.text, f"residue:{r.kind}", 50.0)
        for r in find_residue(doc, key, taken, set(key.codes()), lex.common)  # a code-shaped "KW" may be initials
    ]
    return sorted(exact + fuzzy + places + residue, key=lambda m: (m.start, m.end))


def _fuzzy_matches(doc: Doc, forms: list[_Form], min_ratio: float, short_len: int, taken) -> list[KeyNameMatch]:
    lex = lexicon()
    full = [f for f in forms if f.words >= 2]
    single = [f for f in forms if f.words == 1]
    out: list[KeyNameMatch] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    for token in doc:
        if not _capitalised(token):
            continue
        nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if nxt is not None and _capitalised(nxt) and "\n" not in token.whitespace_ + token.text:
            text = f"{token.text} {nxt.text}"
            best = max(
                ((_close(text, f.text, min_ratio, short_len), f) for f in full), key=lambda x: x[0], default=(0, None)
            )
            start, end = token.idx, nxt.idx + len(nxt.text)
            form = best[1]
            if best[0] and form is not None and free(start, end):
                out.append(KeyNameMatch(start, end, doc.text[start:end], form.code, form.text, "fuzzy", best[0]))
                taken.append((start, end))
                continue
        start, end = token.idx, token.idx + len(token.text)
        if not free(start, end) or not _may_be_misspelt(token, lex):
            continue
        best = max(
            ((_close(token.text, f.text, min_ratio, short_len), f) for f in single),
            key=lambda x: x[0],
            default=(0, None),
        )
        form = best[1]
        if not best[0] or form is None:
            continue
        if token.text in lex.places or token.text in lex.non_person:
            continue  # "Stoke" is a town, not a misspelt "Stone"
        out.append(KeyNameMatch(start, end, token.text, form.code, form.text, "fuzzy", best[0]))
        taken.append((start, end))
    return out


@lru_cache(maxsize=1)
def _calendar_words() -> frozenset[str]:
    """Months and weekdays in every written form (models/dates/lexicon.yaml), folded."""
    cal = calendar()
    return frozenset(w.casefold() for w in (*cal.months, *cal.weekdays, *cal.weekday_abbreviations))


def _may_be_misspelt(token: Token, lex) -> bool:
    """Whether a word can be a slip for a key name: a slip makes no word, so a month or weekday never is
    one ("3 March" beside a keyed "Marsh"), and an English word only where a title before it says a
    surname follows ("Ms Price" of "Pryce"); "the Reason", "Hope Street" or a Proper-cased "Star" are words."""
    if token.lower_ in _calendar_words():
        return False
    if token.lower_ not in lex.common:
        return True
    prev = token.doc[token.i - 1] if token.i > 0 else None
    return prev is not None and prev.text.rstrip(".") in lex.titles


def _name_context(token: Token, lex) -> bool:
    """An ordinary word ("Pat", "Stone", "Court") counts as a key name only with a person's context:
    a title before it, another capitalised name next to it, or (not being an institution word) a verb
    after it or a proper-noun tag mid-sentence; never after an article."""
    doc = token.doc
    prev = doc[token.i - 1] if token.i > 0 else None
    nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if prev is not None and prev.text.rstrip(".") in lex.titles:
        return True
    if prev is not None and prev.lower_ in ("the", "a", "an", "this", "that"):
        return False
    if nxt is not None and nxt.text in ("'s", "’s", "'", "’"):
        return True  # "Jade's use of cannabis": a possessive is a person's (after "the" it was not)

    def name_word(t) -> bool:
        return t is not None and t.is_title and t.lower_ not in lex.common and t.text not in lex.non_person

    if (name_word(nxt) and "\n" not in token.whitespace_) or (
        prev is not None and name_word(prev) and "\n" not in prev.whitespace_
    ):
        return True  # "Emma Moss": next to another capitalised name
    if token.text in lex.non_person or not token.is_title:
        return False
    if nxt is not None and nxt.pos_ in ("VERB", "AUX"):
        return True  # "Pat said …"
    return token.pos_ == "PROPN" and not token.is_sent_start

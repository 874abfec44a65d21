"""Sentences about reviews in general: no theme of the case takes evidence from them.

A landing page or a news page says what a review is for and what comes with it ("The
aim of a practice review is to learn where a child has been harmed by neglect", "Every
published review comes with a summary of the multi-agency improvements", "These reviews
involve the family and the agencies").  Such a sentence is generic: its subject is a
review or a document of one taken indefinitely or in the plural (or what one is for, "the
aim of a review"), and its verb is in the present, telling what holds of reviews at any
time.  The theme words in it ("neglect", "multi-agency") are the reviews', not this
case's.  "The review found that the mother's drinking was not explored" is about this
case: a definite review, and a past in what it reports.  The subject nouns and
determiners are data (models/themes_blocks.yaml `generic_review`).
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from ..resources import load_yaml


@lru_cache(maxsize=1)
def _rules() -> dict:
    cfg = load_yaml("themes_blocks.yaml")["generic_review"]
    return {key: frozenset(cfg[key]) for key in ("nouns", "purposes", "determiners")}


def generic_sentences(doc: Doc) -> set[int]:
    """Numbers (in `doc.sents` order) of the sentences that speak of reviews in general."""
    if not doc.has_annotation("DEP"):
        return set()
    return {i for i, sent in enumerate(doc.sents) if is_generic_review_sentence(sent)}


def is_generic_review_sentence(sent: Span) -> bool:
    """The root is in the present, reports no past, and its subject is a review or a document of
    one taken generically (`_generic_review_noun`)."""
    root = sent.root
    if root.pos_ not in ("VERB", "AUX") or not _present(root) or _reports_past(root, sent):
        return False
    subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(_generic_review_noun(s) for s in subjects)


def _generic_review_noun(noun: Token) -> bool:
    """ "a practice review", "every published review", "these reviews", "reviews", or the aim,
    purpose or output of one ("the aim of a review")."""
    rules = _rules()
    if noun.lemma_.lower() in rules["purposes"]:
        inner = [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]
        return any(_generic_review_noun(p) for p in inner if p.dep_ == "pobj")
    if noun.lemma_.lower() not in rules["nouns"] and noun.lower_ not in rules["nouns"]:
        return False
    dets = [c.lower_ for c in noun.children if c.dep_ in ("det", "predet")]
    plural = noun.tag_ in ("NNS", "NNPS")
    if any(c.dep_ == "poss" for c in noun.children):
        return False  # "the council's review": that one
    return any(d in rules["determiners"] for d in dets) or (plural and not dets)


def _present(verb: Token) -> bool:
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ in ("VBD", "MD") for a in auxiliaries):
        return False
    return verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxiliaries)


def _reports_past(verb: Token, sent: Span) -> bool:
    """A past tense in what the verb reports ("... found that the GP did not refer"): the case."""
    return any(
        t.tag_ == "VBD" for c in verb.children if c.dep_ == "ccomp" for t in c.subtree if sent.start <= t.i < sent.end
    )


@lru_cache(maxsize=1)
def _population() -> tuple[int, frozenset[str]]:
    cfg = load_yaml("themes_blocks.yaml")["population"]
    people = load_yaml("themes_people.yaml")["classes"]
    nouns = frozenset(w for cls in cfg["classes"] for w in people[cls])
    return int(cfg["min_count"]), nouns


def population_sentences(doc: Doc) -> set[int]:
    """Numbers (in `doc.sents` order) of the sentences that count a population ("there were 412
    children looked after, 96 of whom ...", "services work with over 1,500 families"): figures of
    an authority's caseload, whose theme words ("looked after", "foster") are no one's in the case.
    A family's own count ("two children", "ten boys" a review is about) stays under `min_count`
    (themes_blocks.yaml `population`; person nouns: themes_people.yaml `classes`)."""
    if not doc.has_annotation("DEP"):
        return set()
    least, nouns = _population()
    out = set()
    for i, sent in enumerate(doc.sents):
        for token in sent:
            if token.lower_ not in nouns or token.tag_ not in ("NNS", "NNPS"):
                continue
            counts = [_number(c.text) for c in token.children if c.dep_ == "nummod"]
            if any(n is not None and n >= least for n in counts):
                out.add(i)
                break
    return out


def _number(text: str) -> int | None:
    digits = text.replace(",", "")
    return int(digits) if digits.isdigit() else None

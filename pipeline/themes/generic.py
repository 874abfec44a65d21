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

import re
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from ..resources import load_yaml


@lru_cache(maxsize=1)
def _rules() -> dict:
    cfg = load_yaml("themes_blocks.yaml")["generic_review"]
    return {key: frozenset(cfg[key]) for key in ("nouns", "purposes", "determiners", "bodies")}


def generic_sentences(doc: Doc) -> set[int]:
    """Numbers (in `doc.sents` order) of the sentences that speak of reviews in general."""
    if not doc.has_annotation("DEP"):
        return set()
    return {i for i, sent in enumerate(doc.sents) if is_generic_review_sentence(sent)}


def is_generic_review_sentence(sent: Span) -> bool:
    """The root is in the present (or a modal of it: "such reviews should consider cases where a
    parent misuses drugs"), reports no past, and its subject is a review or a document of one taken
    generically (`_generic_review_noun`), or, in the indicative, a body that holds and answers reviews
    (`bodies`: "The partnership now runs training on ...", "the council reports that ..."): what
    reviews are for and what the board does now, not what happened in the case.  A body with a modal
    ("The Partnership should ensure ...") is a recommendation and keeps its themes."""
    root = sent.root
    if root.pos_ not in ("VERB", "AUX") or not _present(root, modal=True) or _reports_past(root, sent):
        return False
    subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
    if any(_generic_review_noun(s) for s in subjects):
        return True
    # a body's work only in the indicative: "The Partnership should ensure that ..." is a recommendation,
    # whose themes are the review's learning
    return _present(root) and any(_review_body(s) for s in subjects) and not _states_a_claim(root)


def _states_a_claim(root: Token) -> bool:
    """The body's sentence reports a clause about the past ("The Board is concerned that managers did
    not challenge the plan", "The partners agree that the neglect should have been recognised"): the
    clause is the case's learning, so the sentence keeps its themes.  A clause in the present ("the
    partnership reports that respite homes are open") is the body's work now."""
    clauses = [c for c in root.children if c.dep_ == "ccomp"]
    clauses += [g for c in root.children if c.dep_ == "acomp" for g in c.children if g.dep_ == "ccomp"]
    return any(not _present(c, modal=True) or any(t.tag_ == "VBD" for t in c.subtree) for c in clauses)


def _review_body(noun: Token) -> bool:
    """ "the partnership", "the Westmoor Safeguarding Children Board", "the local authority": by its
    head (themes_blocks.yaml `generic_review.bodies`), a body speaking of its own work now."""
    return noun.lemma_.lower() in _rules()["bodies"] or noun.lower_ in _rules()["bodies"]


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


def _present(verb: Token, modal: bool = False) -> bool:
    """The verb is in the present ("is", "has been asked"); with `modal`, a modal of the present
    counts too ("should include", "can report"), not one of the past ("should have seen")."""
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "VBD" for a in auxiliaries):
        return False
    if any(a.tag_ == "MD" for a in auxiliaries):
        return modal and not any(a.lemma_ == "have" for a in auxiliaries)
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


def list_items_after(doc: Doc, leads: set[int]) -> set[int]:
    """Numbers of the sentences that are items of a list a lead-in sentence of `leads` opens
    with a colon ("The purpose of a review is to:", "Under the framework every partnership is
    expected to:"): each item ("* learn lessons within and between agencies;") completes that
    sentence, so it speaks as the lead-in does.  An item opens with a list mark or a lower-case
    word (themes_blocks.yaml `list_item`); the list ends at the first sentence that does not."""
    if not leads or not doc.has_annotation("SENT_START"):
        return set()
    item = _list_item_re()
    sents = list(doc.sents)
    out: set[int] = set()
    for i in sorted(leads):
        if not sents[i].text.rstrip().endswith(":"):
            continue
        j = i + 1
        while j < len(sents) and (item.match(sents[j].text) or _lone_mark(sents[j - 1].text, item)):
            out.add(j)
            j += 1
    return out


def _lone_mark(text: str, item: re.Pattern) -> bool:
    """A list mark the parse made a sentence of its own ("•", then "Setting up a new triage desk ..."):
    the sentence after it is the item."""
    mark = text.strip()
    return 0 < len(mark) <= 4 and not mark[:1].isalnum() and item.match(mark) is not None


@lru_cache(maxsize=1)
def _list_item_re() -> re.Pattern:
    return re.compile(load_yaml("themes_blocks.yaml")["list_item"])

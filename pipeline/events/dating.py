"""When a sentence's event happened: the date phrase that dates it, and the fields it gives.

The date candidates of a sentence (candidates.py), less the document's own
dates (masks.py) and paragraph numbers, minus those inside what someone said
("she said he had visited the following day") or about a noun ("a plan based on
her remaining there during her pregnancy"); the best ranked one is resolved
(resolve.py) and may be planned ("was planned to take place on 31st May").  Two
coordinated clauses with a date each are two clauses; a date phrase may date no
happening of the case at all (the review's own history, a cited work, a state
at the time of writing).  `DateFields` is the one value an event's date fields
are built from.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass
from functools import lru_cache
from itertools import pairwise
from typing import Any

from spacy.tokens import Doc, Span, Token

from .candidates import Candidate, find_candidates
from .masks import Mask
from .predicate import (
    dated_by_the_writer,
    describes_noun,
    governing_verb,
    main_verb,
    names_happening,
    tells_modal_present,
    tells_present,
)
from .resolve import Resolution, Resolver, config
from .scope import (
    ABSOLUTE_KINDS,
    POINT_KINDS,
    dates_a_document_change,
    dates_the_review,
    is_paragraph_number,
    names_review_body,
    scope_config,
    sent_to_review,
)
from .vocabulary import REPORTING_QUOTES, event_nouns, lexicon

SHORT_HOP = 6  # most tokens an "after ..." relative phrase is extended by


@dataclass
class Dated:
    """A sentence's date phrase, resolved: offsets in the report text."""

    candidate: Candidate
    resolution: Resolution
    planned: bool
    start: int  # offsets in the report text
    end: int
    text: str


@dataclass(frozen=True, kw_only=True)
class DateFields:
    """An event's date fields, as the Event record (and events.jsonl) writes them.

    Built from a date phrase of the event's own (`phrase`) or taken over from an
    earlier date (`inherit`); `as_fields()` gives the Event keyword arguments.
    """

    date: dt.date | None
    date_end: dt.date | None = None
    precision: str | None = None
    confidence: float = 0.0
    expression: str | None = None
    expression_start: int | None = None
    expression_end: int | None = None
    relative: bool = False
    inherited: bool = False
    anchor: int | None = None
    modality: str | None = None

    @classmethod
    def phrase(
        cls,
        res: Resolution,
        text: str,
        start: int,
        end: int,
        *,
        relative: bool = False,
        anchor: int | None = None,
        modality: str | None = None,
    ) -> DateFields:
        """Dated by its own phrase `text` at `start`..`end`, resolved to `res`."""
        return cls(
            date=res.date,
            date_end=res.date_end,
            precision=res.precision,
            confidence=res.confidence,
            expression=text,
            expression_start=start,
            expression_end=end,
            relative=relative,
            anchor=anchor,
            modality=modality,
        )

    @classmethod
    def inherit(
        cls,
        date: dt.date | None,
        date_end: dt.date | None,
        precision: str | None,
        confidence: float,
        anchor: int | None = None,
    ) -> DateFields:
        """No phrase of its own: the date of its paragraph, a date line or the narrative."""
        return cls(
            date=date, date_end=date_end, precision=precision, confidence=confidence, inherited=True, anchor=anchor
        )

    def as_fields(self) -> dict[str, Any]:
        return asdict(self)


class DateReader:
    """Date phrases of a report's sentences, resolved against the running narrative (`resolver`)."""

    def __init__(self, doc: Doc, mask: Mask, numbers, resolver: Resolver):
        self.doc, self.text, self.mask, self.numbers, self.resolver = doc, doc.text, mask, numbers, resolver

    def candidates(self, text: str, offset: int) -> list[Candidate]:
        """Date candidates of a piece of the report at `offset`, less the document's own
        dates (cover, version, page headers) and paragraph numbers read as dates ("4.1.10")."""
        return [
            c
            for c in find_candidates(text)
            if not self.mask.covers(offset + c.start, offset + c.end)
            and not is_paragraph_number(self.text, offset + c.start, c.text, self.numbers)
        ]

    def absolute(self, sent: Span) -> list[tuple[Candidate, Span]]:
        """Absolute date phrases of a sentence with their tokens."""
        found = []
        for cand in self.candidates(sent.text, sent.start_char):
            if cand.kind in ABSOLUTE_KINDS or cand.kind == "year_since":
                tokens = self.doc.char_span(
                    sent.start_char + cand.start, sent.start_char + cand.end, alignment_mode="expand"
                )
                if tokens is not None:
                    found.append((cand, tokens))
        return found

    def clauses(self, sent: Span) -> list[Span]:
        """A sentence that narrates two dated happenings, as two clauses.

        "Child E was made the subject of an Interim Care Order on 17th May and
        remained in hospital until discharge on 5th June" is two events: the
        second date belongs to a verb coordinated with the first, or with a verb the
        first hangs from (the parser joins "..., a child who was injured on 1st May, and
        who died the following day, 2nd May" to the sentence's main verb).
        """
        dated = [(c, t) for c, t in self.absolute(sent) if c.kind != "year_since" and not is_reported(t, sent)]
        if len(dated) < 2:
            return [sent]
        verbs = [governing_verb(t.root, sent) for _, t in dated]
        for first, second in pairwise(verbs):
            if first is None or second is None or second.dep_ != "conj":
                continue
            if second.head != first and second.head not in first.ancestors:
                continue
            cut = min(t.i for t in second.subtree)
            while cut > sent.start and self.doc[cut - 1].dep_ in ("cc", "punct"):
                cut -= 1
            if cut - sent.start >= 3 and sent.end - cut >= 3:
                return [self.doc[sent.start : cut], self.doc[cut : sent.end]]
        return [sent]

    def reported_events(self, sent: Span) -> list[tuple[Span, DateFields]]:
        """What someone said happened on a date of its own ("she said she had
        experienced anxiety since 2013"): the reported clause and its date."""
        found = []
        for cand, tokens in self.absolute(sent):
            clause = reported_clause(tokens, sent)
            if clause is None:
                continue
            res = self.resolver.resolve(cand)
            if res is None:
                continue
            span = _trimmed(self.doc[clause.left_edge.i : clause.right_edge.i + 1])
            start, end = sent.start_char + cand.start, sent.start_char + cand.end
            found.append((span, DateFields.phrase(res, self.text[start:end], start, end)))
        return found

    def when_events(self, sent: Span) -> list[tuple[Span, DateFields]]:
        """A "when" clause on an absolute date ("the period from January 2013, when the
        family moved, to May 2015, when the nursery raised its concern"): the happening that
        marks that date, whatever the sentence around it tells (here the review's period)."""
        found = []
        dates = self.absolute(sent)
        for i, (cand, tokens) in enumerate(dates):
            after = tokens.end + (tokens.end < sent.end and self.doc[tokens.end].text == ",")
            when = self.doc[after] if after < sent.end else None
            # the parser may hang the clause on the date or on the noun before it ("the period")
            if when is None or when.lower_ != "when" or when.head.dep_ not in ("relcl", "advcl"):
                continue
            if cand.kind in ("range", "year_range"):
                continue  # "between 1 March 2021 and 28 February 2022, when ...": the review's span, no one date
            res = self.resolver.resolve(cand)
            if res is None:
                continue
            end = when.head.right_edge.i + 1
            if i + 1 < len(dates):  # "..., when X, to May 2015, when Y": each clause stops at the next date
                end = min(end, dates[i + 1][1].start)
            while end - 1 > when.i and (self.doc[end - 1].is_punct or self.doc[end - 1].pos_ in ("ADP", "CCONJ")):
                end -= 1
            span = self.doc[when.i : end]
            start, end = tokens.start_char, tokens.end_char
            found.append((span, DateFields.phrase(res, self.text[start:end], start, end)))
        return found

    def relative_clause_events(self, sent: Span, main_start: int | None) -> list[tuple[Span, DateFields]]:
        """A relative clause with an absolute date of its own that the sentence's event does
        not take ("... a friend from the home that Child V had lived at since February
        2021"): what it tells happened at its own date."""
        found = []
        for cand, tokens in self.absolute(sent):
            if tokens.start_char == main_start or cand.kind in ("range", "year_range") or is_reported(tokens, sent):
                continue
            verb = governing_verb(tokens.root, sent)
            if verb is None or verb.dep_ != "relcl":
                continue
            res = self.resolver.resolve(cand)
            if res is None:
                continue
            span = _trimmed(self.doc[verb.left_edge.i : verb.right_edge.i + 1])
            found.append(
                (
                    span,
                    DateFields.phrase(
                        res, self.text[tokens.start_char : tokens.end_char], tokens.start_char, tokens.end_char
                    ),
                )
            )
        return found

    def participle_events(self, sent: Span, main_id: int, main_start: int) -> list[tuple[Span, DateFields]]:
        """A perfect participle clause with a date of its own ("On 4 April two boys
        assaulted a child, having assaulted another the previous weekend"): what it tells
        happened before the sentence's event (`main_id`, dated by the phrase at
        `main_start`), on its own date resolved against the one the sentence gave."""
        found = []
        for cand in self.candidates(sent.text, sent.start_char):
            start, end = sent.start_char + cand.start, sent.start_char + cand.end
            if start == main_start or not (cand.kind in ABSOLUTE_KINDS or cand.kind in POINT_KINDS):
                continue
            tokens = self.doc.char_span(start, end, alignment_mode="expand")
            clause = governing_verb(tokens.root, sent) if tokens is not None else None
            if (
                clause is None
                or clause.dep_ not in ("advcl", "conj")
                or not any(c.dep_ == "aux" and c.lower_ == "having" for c in clause.children)
            ):
                continue
            res = self.resolver.resolve(cand)
            if res is None:
                continue
            having = min(c.i for c in clause.children if c.dep_ == "aux" and c.lower_ == "having")
            span = _trimmed(self.doc[having : clause.right_edge.i + 1])
            found.append(
                (
                    span,
                    DateFields.phrase(
                        res,
                        self.text[start:end],
                        start,
                        end,
                        relative=res.relative,
                        anchor=main_id if res.relative else None,
                    ),
                )
            )
        return found

    def remember_occasion(self, dated: Dated, sent: Span, happening: Token | None) -> None:
        """Keep the date of a birth, death or admission the narrative dates ("Baby T was
        born in August 2015", "Death of a baby in February 2016"), so that "On the day of
        the birth" later is that day (lexicon.yaml `occasions`)."""
        verb = verb_of(dated, sent)
        happening = happening or names_happening(sent)  # "Death of a girl ... caused by a fall in May 2011"
        lemmas = {t.lemma_.lower() for t in (verb, happening) if t is not None}
        lemmas |= nouns_over(dated, sent)  # "following the death of a toddler in March 2017"
        for occasion, words in lexicon()["occasions"].items():
            if lemmas & set(words):
                self.resolver.occasions[occasion] = dated.resolution

    def date_of(self, sent: Span) -> Dated | None:
        """The candidate that dates the sentence, resolved; None when it has none."""
        rank = config()["rank"]
        options: list[tuple[int, int, Candidate, Span | None, int, int]] = []
        for cand in self.candidates(sent.text, sent.start_char):
            start, end = sent.start_char + cand.start, sent.start_char + cand.end
            tokens = self.doc.char_span(start, end, alignment_mode="expand")
            if tokens is None or is_reported(tokens, sent):
                continue
            if cand.kind in config()["noun_content_kinds"] and describes_noun(tokens, sent):
                continue
            if dates_relative_state(tokens, sent):
                continue  # "the county where she lived until 2009": the state's date, not the sentence's
            if cand.kind == "rel_vague" and tokens.root.dep_ == "amod":
                continue  # "the later visits": an adjective, no time
            if cand.kind == "rel_offset" and any(t.lower_ in ("before", "after") and t.dep_ == "mark" for t in tokens):
                # "nearly six months before they were looked into", "ten days after she was admitted": from that
                # clause, not the anchor
                continue
            if cand.kind == "rel_offset" and cand.groups.get("dir", "").lower() == "after":
                end = extend_after(tokens, sent)
            if cand.kind in ("rel_duration", "rel_span") and tells_sentence_length(tokens, sent):
                continue  # "jailed for two years": the length of a sentence, no time of the story
            options.append((rank.get(cand.kind, 9), cand.start, cand, tokens, start, end))
        occasion = self.occasion_subject(sent)
        if occasion is not None:
            options.append(
                (
                    rank.get(occasion.kind, 9),
                    occasion.start,
                    occasion,
                    None,
                    sent.start_char + occasion.start,
                    sent.start_char + occasion.end,
                )
            )
        for _, _, cand, tokens, start, end in sorted(options, key=lambda o: (o[0], o[1])):
            res = self.resolver.resolve(cand)
            if res is None:
                continue
            planned = tokens is not None and is_planned(tokens, sent)
            cue = approximate_cue_re().search(self.text[max(sent.start_char, start - 25) : start])
            if cue is not None:
                start -= len(cue.group())
                res = Resolution(res.date, res.date_end, "approx", res.confidence, res.relative)
            return Dated(cand, res, planned, start, end, self.text[start:end])
        return None

    def occasion_subject(self, sent: Span) -> Candidate | None:
        """ "The death occurred when...", "Her admission followed a fall": a subject that
        names, with "the" or a possessive, a birth, death or admission the narrative has
        dated (lexicon.yaml `occasions`) dates the sentence as "on the day of the death"
        would, before any duration or vague phrase in it."""
        verb = main_verb(sent)
        if verb is None or not self.resolver.occasions:
            return None
        for child in verb.children:
            if child.dep_ not in ("nsubj", "nsubjpass") or child.pos_ != "NOUN":
                continue
            occasion = _occasion_of(child)
            if occasion is None or occasion not in self.resolver.occasions:
                continue
            start = min(t.idx for t in child.subtree) - sent.start_char
            end = child.idx + len(child.text) - sent.start_char
            return Candidate("rel_occasion", start, end, sent.text[start:end], {"occasion": occasion})
        return None


def dates_no_happening(dated: Dated, sent: Span) -> bool:
    """The sentence's date phrase dates no happening of the case: the review's own
    history, a cited work in the present, a state since then, or what can or will be
    at the time of writing."""
    verb = verb_of(dated, sent)
    if (dates_the_review(verb) or dates_a_document_change(verb)) and not dates_happening(dated, sent):
        return True
    nouns = noun_tokens_over(dated, sent)
    if sent_to_review(nouns):
        return True  # "after a notification to the Threlmoor Safeguarding Partnership on 2 May": the review's start
    if verb is None and nouns and names_review_body(nouns[0]):
        return True  # "... Threlmoor Safeguarding Partnership on 2 May": a line cut off its verb
    if dated_by_the_writer(verb, sent):  # "..., having trained in 2008": the author's career
        return True
    if dates_present_subject(dated, sent):
        return True
    kind = dated.candidate.kind
    if kind == "rel_vague" and tells_modal_present(main_verb(sent)):
        return True  # "Services can then identify lessons": what may or will be, no happening
    if kind == "rel_back" and (verb := main_verb(sent)) is not None and tells_present(verb, sent):
        return True  # "In the last six years referrals to the hub have doubled": back from the time of writing
    if counts_people(verb_of(dated, sent)):
        return True  # "On 31 March there were 412 children in care": a count at a date, no happening
    if (
        (kind == "year_since" or _after_since(dated, sent))
        and (verb := main_verb(sent)) is not None
        and tells_present(verb, sent)
        and not tells_agency_status(sent.text)
    ):
        # "The service has kept a register since 2009", "have been in foster care since April": how things stand
        return True
    # "the boys will move to their adoptive family in December": to come at the time of writing
    return kind in ABSOLUTE_KINDS and tells_modal_present(verb_of(dated, sent))


def counts_people(verb: Token | None) -> bool:
    """An existential sentence that counts people ("there were 96 children subject to a plan",
    "there were 512 young people in care that March"): a figure of a population at a
    date, a state, not a happening of the case.  "There were three referrals in 2010" counts
    happenings and stays (`verb`: the verb the date phrase hangs from; person nouns: scope.yaml
    `acting_subject_heads`)."""
    if verb is None or verb.lemma_ != "be" or not any(c.dep_ == "expl" for c in verb.children):
        return False
    heads = set(scope_config()["acting_subject_heads"])
    return any(
        c.dep_ in ("attr", "nsubj") and c.lower_ in heads and any(n.dep_ == "nummod" and n.like_num for n in c.children)
        for c in verb.children
    )


@lru_cache(maxsize=1)
def _agency_status_res() -> tuple[re.Pattern, ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in scope_config().get("agency_status_since", ()))


def tells_agency_status(text: str) -> bool:
    """The sentence tells a status an agency gave the family ("has been known to children's
    services since 2006", "have been in care since May 2011"): a "since" date there is when it
    began, an event of the case, though the verb is in the present perfect (scope.yaml
    `agency_status_since`)."""
    return any(p.search(text) for p in _agency_status_res())


def _after_since(dated: Dated, sent: Span) -> bool:
    """The date phrase opens with "since", or follows it ("since January 2020": the
    month-and-year form reads the date without the preposition)."""
    before = sent.doc.text[max(sent.start_char, dated.start - 8) : dated.start]
    return dated.text.lower().startswith("since") or re.search(r"\bsince\s+$", before, re.IGNORECASE) is not None


def dates_happening(dated: Dated, sent: Span) -> bool:
    """The date phrase hangs from a noun naming a happening of the case ("commissioned
    after the death of a baby in November 2018"): it dates the death, not the review's
    commissioning (actions.yaml `event_nouns`)."""
    return bool((nouns_over(dated, sent) | nouns_before(dated, sent)) & event_nouns())


def noun_tokens_over(dated: Dated, sent: Span) -> list[Token]:
    """The nouns a date phrase hangs from, and those over the word just before it, up to their
    verb ("a notification to the partnership on 3 May": partnership, notification)."""
    doc = sent.doc
    first = doc.char_span(dated.start, dated.end, alignment_mode="expand")
    if first is None:
        return []
    starts = [first.root]
    i = first.start - 1
    while i >= sent.start and doc[i].pos_ == "ADP":
        i -= 1
    if i >= sent.start:
        starts.append(doc[i])
    found: list[Token] = []
    for begin in starts:
        for token in [begin, *begin.ancestors]:
            if first.start <= token.i < first.end:
                continue  # the date phrase's own words ("July")
            if not (sent.start <= token.i < sent.end) or token.pos_ in ("VERB", "AUX"):
                break
            if token.pos_ in ("NOUN", "PROPN") and token not in found:
                found.append(token)
    return found


def nouns_before(dated: Dated, sent: Span) -> set[str]:
    """Lemmas of the nouns over the word just before a date phrase (and its preposition), up
    to their verb: "published the findings of a review into the death of a baby in May 2012" is
    parsed with the date under "published", but it follows, and dates, the death."""
    doc = sent.doc
    first = doc.char_span(dated.start, dated.end, alignment_mode="expand")
    if first is None:
        return set()
    i = first.start - 1
    while i >= sent.start and doc[i].pos_ == "ADP":
        i -= 1
    if i < sent.start or doc[i].pos_ not in ("NOUN", "PROPN", "ADJ", "NUM"):
        return set()
    found = set()
    for token in [doc[i], *doc[i].ancestors]:
        if not (sent.start <= token.i < sent.end) or token.pos_ in ("VERB", "AUX"):
            break
        if token.pos_ == "NOUN":
            found.add(token.lemma_.lower())
    return found


def nouns_over(dated: Dated, sent: Span) -> set[str]:
    """Lemmas of the nouns a date phrase hangs from, up to its verb ("the death of a
    girl in December 2019": girl, death), and of the object of a preposition it hangs
    from ("following the death of a girl in December 2019")."""
    tokens = sent.doc.char_span(dated.start, dated.end, alignment_mode="expand")
    if tokens is None:
        return set()
    found = set()
    for ancestor in tokens.root.ancestors:
        if not (sent.start <= ancestor.i < sent.end) or (ancestor.pos_ in ("VERB", "AUX") and ancestor.dep_ != "prep"):
            break
        if ancestor.pos_ == "NOUN":
            found.add(ancestor.lemma_.lower())
            found |= _objects_before(ancestor, tokens.start)
        if ancestor.dep_ == "prep":  # "following the death ... in December 2019": the date hangs from "following"
            found |= {c.lemma_.lower() for c in ancestor.children if c.dep_ == "pobj" and c.pos_ == "NOUN"}
    return found


def _objects_before(noun: Token, before: int) -> set[str]:
    """Lemmas of the nouns a noun's prepositions take before the date phrase ("the review into
    the death of a baby in December 2007": the parse hangs the date from "review", but what
    it dates is the death the review is into)."""
    return {
        obj.lemma_.lower()
        for prep in noun.children
        if prep.dep_ == "prep" and prep.i < before
        for obj in prep.children
        if obj.dep_ == "pobj" and obj.pos_ == "NOUN" and obj.i < before
    }


def verb_of(dated: Dated, sent: Span) -> Token | None:
    """The verb a date phrase belongs to."""
    tokens = sent.doc.char_span(dated.start, dated.end, alignment_mode="expand")
    if tokens is None:
        return None
    root = tokens.root
    return root if root.pos_ in ("VERB", "AUX") else governing_verb(root, sent)


def dates_relative_state(tokens: Span, sent: Span) -> bool:
    """The date phrase belongs to a relative clause telling a lasting state of someone or
    somewhere named in passing ("records were obtained from the county where she lived until
    2009"): it dates that state, not the happening the sentence tells
    (scope.yaml `relative_clause_states`)."""
    verb = governing_verb(tokens.root, sent)
    return verb is not None and verb.dep_ == "relcl" and verb.lemma_.lower() in scope_config()["relative_clause_states"]


def tells_sentence_length(tokens: Span, sent: Span) -> bool:
    """A duration under a court's outcome ("was jailed for two years", "sentenced to
    serve for six years"): how long the sentence is, not when anything happened
    (scope.yaml `outcome_lemmas`)."""
    verb = governing_verb(tokens.root, sent)
    return verb is not None and verb.lemma_.lower() in scope_config()["outcome_lemmas"]


def dates_present_subject(dated: Dated, sent: Span) -> bool:
    """A date inside the subject of a verb in the present ("The Night Harbour report by
    the Ombudsman in 2015 is guiding this work"): it tells when a cited
    work or earlier thing was, and the sentence a state at the time of writing.  A date
    of a happening named there ("the report into the death of Sam in January 2018")
    is still the case's (actions.yaml `event_nouns`)."""
    verb = main_verb(sent)
    if verb is None or dated.candidate.kind not in ABSOLUTE_KINDS:
        return False
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if not (verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxiliaries)):
        return False
    if any(a.tag_ == "VBD" for a in auxiliaries):
        return False
    if dates_happening(dated, sent):
        return False  # "The report into the death of Sam in January 2018 examines...": the death is the case's
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(
        min(t.idx for t in c.subtree) <= dated.start and dated.end <= max(t.idx + len(t.text) for t in c.subtree)
        for c in subjects
    )


def is_reported(tokens: Span, sent: Span) -> bool:
    """Inside what someone said: a ccomp under a reporting verb."""
    return reported_clause(tokens, sent) is not None


def reported_clause(tokens: Span, sent: Span) -> Token | None:
    """The head of the reported clause (ccomp of a reporting verb) around `tokens`."""
    token = tokens.root
    for ancestor in token.ancestors:
        if ancestor.i < sent.start or ancestor.i >= sent.end:
            break
        if token.dep_ == "ccomp" and ancestor.lemma_.lower() in REPORTING_QUOTES:
            return token
        token = ancestor
    return None


def is_planned(tokens: Span, sent: Span) -> bool:
    """A planned or hypothetical date ("was planned to take place on 31st May")."""
    if tokens.start - sent.start <= 2:  # fronted dates narrate
        return False
    for ancestor in [tokens.root, *tokens.root.ancestors]:
        if ancestor.i < sent.start or ancestor.i >= sent.end:
            break
        if ancestor.pos_ not in ("VERB", "AUX", "ADJ"):
            continue
        lemma = ancestor.lemma_.lower()
        complements = any(c.dep_ in ("xcomp", "ccomp") for c in ancestor.children)
        if (lemma in _planned_lemmas() or (lemma == "go" and ancestor.tag_ == "VBG")) and complements:
            return True
        if any(c.dep_ == "aux" and c.lower_ in _planned_auxiliaries() for c in ancestor.children):
            return True
    return False


def extend_after(tokens: Span, sent: Span) -> int:
    """Extend "Three days after" to "Three days after this meeting"."""
    after = tokens[-1]
    last = after
    for token in sent.doc[after.i + 1 : min(sent.end, after.i + 1 + SHORT_HOP)]:
        if token.is_punct or token.ent_type_ == "ROLE" or token.head.i < after.i:
            break
        if not (token.head == after or after in token.ancestors):
            break
        last = token
    return last.idx + len(last.text)


def _trimmed(span: Span) -> Span:
    """A clause without its closing punctuation."""
    while len(span) > 1 and span[-1].is_punct:
        span = span[:-1]
    return span


@lru_cache(maxsize=1)
def _planned_lemmas() -> frozenset[str]:
    return frozenset(config()["planned_lemmas"])


@lru_cache(maxsize=1)
def _planned_auxiliaries() -> frozenset[str]:
    return frozenset(config()["planned_auxiliaries"])


@lru_cache(maxsize=1)
def approximate_cue_re() -> re.Pattern:
    cues = "|".join(config()["approximate_cues"])
    return re.compile(rf"\b(?:{cues})\s+(?:on\s+|in\s+)?(?:the\s+)?$", re.IGNORECASE)


def _occasion_of(noun: Token) -> str | None:
    """The occasion ("death", "birth", ...) a noun with "the" or a possessive names ("The
    death", "her admission"), from lexicon.yaml `occasions`; None for anything else."""
    if noun.pos_ != "NOUN":
        return None
    occasion = next(
        (
            name
            for name, words in lexicon()["occasions"].items()
            if noun.lower_ == name or noun.lemma_.lower() in words and noun.lower_ in words
        ),
        None,
    )
    definite = any(
        c.dep_ in ("det", "poss") and c.lower_ in ("the", "her", "his", "their", "its") for c in noun.children
    )
    return occasion if definite else None


def occasion_noun_subject(verb: Token) -> str | None:
    """The occasion a main verb's subject names ("Her death shocked everyone")."""
    return next(
        (o for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and (o := _occasion_of(c)) is not None), None
    )

"""Where the story stands: the narrative anchor, the paragraph's dates, and windows.

A sentence without a date phrase of its own takes the date of its paragraph,
of a date standing alone as a sub-heading, or of the running narrative, unless
it tells a time of its own, a state, an outcome told out of order or the
review's own history (`may_inherit`, `moves_time`, `continues`).  A sentence
placed only after the last date narrated is a window, closed at the next date
the narrative gives (`Narrative.close_windows`); a section heading that gives
dates, or a bare year, starts a new narrative.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from functools import lru_cache

from spacy.tokens import Span, Token

from ..nlp import ROLE_LABEL
from .dating import Dated, DateFields, DateReader, is_planned, is_reported, occasion_noun_subject
from .mentions import AgencyFinder, sentence_mentions
from .model import Event
from .normalise import last_day
from .predicate import main_verb, tells_earlier_state, tells_modal_present, tells_present, voices_the_review
from .resolve import Anchor, Resolution, Resolver, config
from .scope import (
    ABSOLUTE_KINDS,
    BARE_YEAR_RE,
    Block,
    continuation_re,
    names_review_people,
    review_is_subject,
    scope_config,
)
from .vocabulary import lexicon

# openers that are only a determiner: the sentence goes on narrating when what it names acts
_DETERMINER_OPENERS = frozenset({"the", "her", "his", "their", "both"})
# words that open a sentence going on with a narration ("Later the police attended")
_NARRATIVE_OPENERS = frozenset(
    {
        "later",
        "then",
        "subsequently",
        "afterwards",
        "following",
        "after",
        "when",
        "the",
        "on",
        "during",
        "at",
        "both",
        "her",
        "his",
        "their",
        "as",
    }
)


class Narrative:
    """The running narrative of a chronology: its anchor (kept by `resolver`) and what the
    current section and paragraph have narrated."""

    def __init__(self, resolver: Resolver, dates: DateReader):
        self.resolver, self.dates = resolver, dates
        self.section = None
        self.section_period: tuple[dt.date, dt.date] | None = None  # a range the section heading states
        self.moved = False  # did the last sentence read move the anchor?
        self.kinds: dict[int, str] = {}  # event id -> kind of its own date phrase
        self.para_dates: list[dt.date] = []  # dates the current paragraph has narrated
        self.para_base: dt.date | None = None  # where the current paragraph's narration counts from
        self.windows: set[int] = set()  # events placed only between two narrated dates
        self.carry = False  # may an undated paragraph take the date last narrated (a window)?
        self.line_anchor: Resolution | None = None  # a date standing alone as a sub-heading dates what follows

    def new_paragraph(self) -> None:
        self.para_dates = []
        self.para_base = None

    def break_off(self) -> None:
        """A heading, table row or new part: what a date narrated before no longer covers what follows."""
        self.carry = False
        self.line_anchor = None

    def close_windows(self, events: Sequence[Event]) -> None:
        """End each window event at the next date the narrative gives.

        "EM made contact with her PA..." in a paragraph with no date, or
        "Whilst in hospital EM told the midwife...", happened somewhere between
        the last date narrated and the next one: date_end is the next event
        dated by a phrase of its own (the end of its month for a month).
        """
        dated = [e for e in events if self.kinds.get(e.id) in config()["window_bounds"] and e.modality is None]
        for event in events:
            if event.id not in self.windows or event.date is None:
                continue
            if event.inherited and event.anchor in self.windows and event.anchor < event.id:
                event.date_end = events[event.anchor - 1].date_end
                continue
            nxt = next((e for e in dated if e.id > event.id and e.date is not None and e.date > event.date), None)
            if nxt is not None and nxt.date is not None:
                event.date_end = last_day(nxt.date.year, nxt.date.month) if nxt.precision == "month" else nxt.date
                event.precision = "approx"

    def enter_section(self, section) -> bool:
        """A heading that gives dates ("3.1 9th January to 2nd February 2017") resets the anchor.
        True when `section` is a new one (a new narrative)."""
        if section is None or section is self.section:
            return False
        self.section = section
        self.section_period = None
        self.resolver.anchor = None  # a new section starts a new narrative
        self.carry = False
        self.line_anchor = None
        heading = self.dates.text[section.heading_start : section.heading_end]
        bare_year = BARE_YEAR_RE.match(heading)
        if bare_year:
            year = int(bare_year.group(1))
            self.resolver.anchor = Anchor(dt.date(year, 1, 1), dt.date(year, 12, 31), "approx", None)
            return True
        for cand in self.dates.candidates(heading, section.heading_start):
            res = self.resolver.resolve(cand)
            if res is not None and self.resolver.moves_anchor(cand.kind):
                self.resolver.set_anchor(res, None, cand.kind)
                self.carry = True
                if cand.kind == "range" and res.date_end is not None:
                    self.section_period = (res.date, res.date_end)
                return True
        return True

    def date_line(self, block: Block) -> None:
        """A date standing alone ("12th March 2014") over the paragraphs it dates.  A year
        alone ("2016") places the days and months under it ("14 March: ..."), as a year
        heading does (`enter_section`), and dates nothing by itself."""
        text = self.dates.text[block.start : block.end]
        bare_year = BARE_YEAR_RE.match(text)
        if bare_year:
            year = int(bare_year.group(1))
            self.resolver.anchor = Anchor(dt.date(year, 1, 1), dt.date(year, 12, 31), "approx", None)
            self.carry, self.line_anchor = False, None
            return
        for cand in self.dates.candidates(text, block.start):
            res = self.resolver.resolve(cand) if cand.kind in ABSOLUTE_KINDS else None
            if res is not None:
                self.resolver.set_anchor(res, None, cand.kind)
                self.line_anchor = res
                self.carry = block.carry
                return

    def continues_previous(self, units: list[Span], events: Sequence[Event]) -> Event | None:
        """The anchor event, when this paragraph goes on about the same occasion.

        "On 25th May, a discharge planning meeting was held..." followed by a
        paragraph opening "The meeting discussed..." is still 25th May (and
        still that paragraph's Key Practice Episode).
        """
        anchor = self.resolver.anchor
        if not units or anchor is None or anchor.event_id is None or not continuation_re().match(units[0].text.strip()):
            return None
        if not events or events[-1].id < anchor.event_id:
            return None
        return events[anchor.event_id - 1]

    def narrate(
        self, dated: Dated, sent: Span, block: Block, event_id: int, para_anchor: Event | None, happening: Token | None
    ) -> DateFields:
        """The date fields of a sentence dated by a phrase of its own; the narrative moves on to
        that date unless it is planned or does not move the anchor (resolve.py `moves_anchor`)."""
        res = self.narrated_span(dated)
        fields = DateFields.phrase(
            res,
            dated.text,
            dated.start,
            dated.end,
            relative=res.relative,
            anchor=self.resolver.anchor.event_id if res.relative and self.resolver.anchor is not None else None,
            modality="planned" if dated.planned else None,
        )
        kind = dated.candidate.kind
        self.kinds[event_id] = kind
        if kind in ABSOLUTE_KINDS and not dated.planned:
            self.dates.remember_occasion(dated, sent, happening)
        if self.resolver.moves_anchor(kind) and not dated.planned:
            if not self.para_dates:  # where this paragraph's narration counts from
                prior = self.resolver.anchor
                self.para_base = prior.date if res.relative and prior is not None else res.date
            self.para_dates.append(res.date)
            self.resolver.set_anchor(res, event_id, kind)
            self.moved = True
            self.carry = block.carry
            if kind in ABSOLUTE_KINDS and sent.start_char == block.start:
                self.line_anchor = None  # a paragraph that opens with a date of its own starts anew
            self.last_mentioned(sent, dated, event_id)
        window_para = para_anchor is not None and para_anchor.id in self.windows
        if res.date_end is None and (kind == "rel_window" or (kind == "rel_vague" and window_para)):
            self.windows.add(event_id)
        return fields

    def inherit(
        self, sent: Span, block: Block, event_id: int, para_anchor: Event | None, finder: AgencyFinder
    ) -> DateFields | None:
        """The date fields of a sentence with no date phrase that may inherit one (`may_inherit`):
        its paragraph's date, a date line's over it, or a window opening at the date last
        narrated; None when nothing dates it."""
        if para_anchor is not None and (block.carry or continues(sent, finder)):
            conf = config()["confidence"]["inherited_paragraph"]
            if para_anchor.id in self.windows:
                self.windows.add(event_id)
            return DateFields.inherit(
                para_anchor.date, para_anchor.date_end, para_anchor.precision, conf, anchor=para_anchor.id
            )
        if self.line_anchor is not None:  # under a date standing alone as a sub-heading
            line = self.line_anchor
            return DateFields.inherit(
                line.date, line.date_end, line.precision, config()["confidence"]["inherited_paragraph"]
            )
        if self.resolver.anchor is not None and self.carry:
            anchor = self.resolver.anchor
            conf = config()["confidence"]["inherited_narrative"]
            self.windows.add(event_id)
            return DateFields.inherit(
                self.window_start(sent, anchor.date), None, "approx", conf, anchor=anchor.event_id
            )
        return None

    def window_start(self, sent: Span, narrated: dt.date) -> dt.date:
        """Where an undated sentence's window opens: the last date narrated, or,
        for an ongoing activity, the start of the period its section heading states.

        Under "3.1 9th January to 2nd February 2017", "The service established and
        maintained contact with her PA." is kept up over the period the section
        covers; it need not have begun after the last date narrated before it
        (a one-off happening, "ESW visited EM in hospital", still does).
        Ongoing verbs: models/dates/resolution.yaml `ongoing_lemmas`.
        """
        period = self.section_period
        if period is None or not period[0] < narrated <= period[1]:
            return narrated
        verb = main_verb(sent)
        if verb is None:
            return narrated
        verbs = [verb, *(t for t in verb.conjuncts if sent.start <= t.i < sent.end)]
        ongoing = set(config()["ongoing_lemmas"])
        return period[0] if any(v.lemma_.lower() in ongoing for v in verbs) else narrated

    def narrated_span(self, dated: Dated) -> Resolution:
        """An episode or "this period" looking back over what the paragraph narrated.

        "In August 2016 an Interim Care Order was granted... a Placement Order on
        4th January 2017. During the proceedings EM..." and "Two days after
        entering the placement... two days later... In this time period...": once
        a paragraph has narrated two dates, the episode is the span they cover,
        from where the paragraph's narration counted from to the anchor.
        Otherwise an episode is a window forward (`close_windows`).
        """
        res, kind = dated.resolution, dated.candidate.kind
        looks_back = kind == "rel_window" or (kind == "rel_vague" and "period" in dated.text.lower())
        anchor = self.resolver.anchor
        if not looks_back or anchor is None or len(self.para_dates) < 2 or self.para_base is None:
            return res
        if self.para_base >= anchor.date:
            return res
        return Resolution(self.para_base, anchor.date, "approx", res.confidence, True)

    def since_last_seen(self, event: Event, events: Sequence[Event]) -> None:
        """A happening completed by the anchor lies between the last earlier date at
        which one of its participants was narrated (OHV1's last home visit) and the
        anchor: nothing narrated before that tells when it happened."""
        if event.date is None:
            return
        actors = set(event.actors)
        for earlier in reversed(events):
            if earlier.date is None or earlier.date >= event.date or earlier.modality is not None:
                continue
            if self.kinds.get(earlier.id) == "embedded":  # what someone said once happened is not narration
                continue
            if actors & set(earlier.actors):
                event.date_end, event.date = event.date, earlier.date
                event.precision = "approx"
                return

    def last_mentioned(self, sent: Span, dated: Dated, event_id: int) -> None:
        """Move the anchor on to a later date the same sentence narrates.

        "...made the subject of an Interim Care Order on 17th May and remained
        in hospital until discharge on 5th June. Child E and EM then moved...":
        "then" is after the last date mentioned, not the first.
        """
        for cand in self.dates.candidates(sent.text, sent.start_char):
            if cand.kind not in ("day", "range") or sent.start_char + cand.start <= dated.start:
                continue
            tokens = sent.doc.char_span(
                sent.start_char + cand.start, sent.start_char + cand.end, alignment_mode="expand"
            )
            if tokens is None or is_reported(tokens, sent) or is_planned(tokens, sent):
                continue
            res = self.resolver.resolve(cand)
            anchor = self.resolver.anchor  # set by the sentence's own date before this is called
            if res is not None and anchor is not None and res.date > anchor.date:
                self.resolver.set_anchor(res, event_id, cand.kind)


def tells_outcome(sent: Span) -> bool:
    """A criminal court's outcome ("was convicted", "was sentenced", "pleaded
    guilty", "found not guilty"): told out of the story's order, its date is not
    carried on (scope.yaml `outcome_lemmas`, `outcome_cues`)."""
    verb = main_verb(sent)
    outcomes = set(scope_config()["outcome_lemmas"])
    if verb is not None and any(v.lemma_.lower() in outcomes for v in [verb, *verb.conjuncts]):
        return True
    return any(re.search(cue, sent.text, re.IGNORECASE) for cue in scope_config()["outcome_cues"])


def may_inherit(sent: Span) -> bool:
    """Whether an undated sentence goes on narrating at the date last given.

    "On the day of Ruby's death...", "At the age of six weeks...", "There
    had been contact over a period of some six years" have a time of their
    own we cannot place; "The baby is now known as Baby N" and "Baby T has since
    recovered" tell a present state; "Baby L lived with her mother" a
    lasting one.  None happened on the date the paragraph last gave
    (models/dates/scope.yaml `no_inherit`).
    """
    for pattern in no_inherit_patterns():
        for match in pattern.finditer(sent.text):
            tokens = sent.doc.char_span(
                sent.start_char + match.start(), sent.start_char + match.end(), alignment_mode="expand"
            )
            if tokens is None or not is_reported(tokens, sent):  # "she said she had previously..." is hers
                return False
    if has_own_time_phrase(sent):  # "Last winter the school raised concerns": a time we cannot place
        return False
    if names_review_people(sent.text):  # "An independent reviewer led the review...": the review's history
        return False
    if voices_the_review(sent):  # "..., the review found", "The council said it accepted ...": said when written
        return False
    verb = main_verb(sent)
    if verb is None:
        return True
    if review_is_subject(verb) or sent.text.rstrip().endswith(":"):  # "The panel considered...", a lead-in to a list
        return False
    if tells_outcome(sent):  # "The father was jailed": a court's outcome comes later than the story around it
        return False
    if tells_modal_present(verb):  # "Agencies will need to improve...", "The family can then move"
        return False
    if occasion_noun_subject(verb) in scope_config()["no_inherit"]["own_time_occasions"]:
        return False  # "Her death shocked everyone": the death's own time, which no date gave
    passive = verb.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.tag_ == "VBD" for c in verb.children)
    if verb.lemma_.lower() in scope_config()["no_inherit"]["stative_lemmas"] and (verb.tag_ == "VBD" or passive):
        return False
    if (
        passive
        and verb.lemma_.lower() in scope_config()["no_inherit"]["described_as_lemmas"]
        and any(c.dep_ == "prep" and c.lower_ == "as" and c.i > verb.i for c in verb.children)
    ):
        return False  # "He was described as a gifted footballer", "was seen as a risk": what he was taken to be
    return not tells_present(verb, sent)


def has_own_time_phrase(sent: Span) -> bool:
    """An undated sentence whose own verb carries a time phrase of its own that the date reader
    did not place: a date entity of the parser ("Last winter the school raised concerns", "These
    visits were only days before the fire"), not a duration ("for two weeks"), a noun's modifier
    ("the two-year-old") or a time pointing back at the one narrated ("that evening"); or a
    period of someone's own life ("during his adolescence").  Such a sentence is at that time,
    not at its paragraph's date (scope.yaml `no_inherit.own_time_entity`)."""
    conf = scope_config()["no_inherit"]["own_time_entity"]
    for ent in _entities(sent, conf["labels"]):
        if is_reported(ent, sent):
            continue
        root = ent.root
        if root.dep_ not in conf["attach_deps"]:
            continue
        head = root.head
        if root.dep_ == "pobj" and head.lower_ in conf["duration_preps"]:
            continue
        if any(t.lower_ in conf["anaphoric_openers"] for t in ent[:2]) or (len(ent) == 2 and ent[0].lower_ == "the"):
            continue  # "that evening", "the same day", "during the day": the time the paragraph gave
        if _hangs_from_verb(head):
            return True
    return any(
        _owned_period(t, t.lower_ in conf["time_of_preps"])
        for t in sent
        if t.dep_ == "prep" and t.lower_ in (*conf["period_preps"], *conf["time_of_preps"])
    )


def _entities(sent: Span, labels) -> list[Span]:
    """The parser's entities of `labels` inside `sent`, read from its own tokens (`Span.ents`
    scans every entity of the document, once per sentence)."""
    found, doc = [], sent.doc
    for t in sent:
        if t.ent_iob_ == "B" and t.ent_type_ in labels:
            end = t.i + 1
            while end < sent.end and doc[end].ent_iob_ == "I":
                end += 1
            found.append(doc[t.i : end])
    return found


def _hangs_from_verb(head: Token) -> bool:
    """`head`, or the preposition or adverb it is under ("only days before the fire"), is the
    sentence's own verb (its root, or a verb joined to it), not one of a clause inside it ("a plan
    based on her staying there during her pregnancy")."""
    for _ in range(2):
        if head.pos_ not in ("ADP", "ADV", "SCONJ") or head.head is head:
            break
        head = head.head
    # a verb joined to the root, or the clause of another occasion the phrase measures from ("only
    # days before he died"): the sentence is placed against that occasion
    return head.dep_ == "ROOT" or (
        head.pos_ in ("VERB", "AUX") and head.dep_ in ("conj", "advcl") and head.head.dep_ == "ROOT"
    )


def _owned_period(prep: Token, time_of: bool) -> bool:
    """A period of someone's own life under a verb ("during his adolescence", "throughout
    her pregnancy", "at the time of his birth"): a possessor makes it that person's time, not
    the occasion just narrated ("during the visit" goes on with it)."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    if not objects or not _hangs_from_verb(prep.head):
        return False
    obj = objects[0]
    if time_of:  # "at the time of his birth", not "at her home"
        if obj.lower_ != "time":
            return False
        of = [g for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        if not of:
            return False
        obj = of[0]
    return any(c.dep_ == "poss" for c in obj.children)


def moves_time(sent: Span, dates: DateReader) -> bool:
    """An undated sentence that moves the story to a time of its own we cannot place ("She
    was 14 months old when...", "At the age of six weeks...") outside what someone said
    (scope.yaml `no_inherit.moves_time`), or one set at a time of its own by the parse ("Last
    winter ...", "During his teens ...", `has_own_time_phrase`) that holds no date phrase the
    reader can place; one with a date phrase of its own is placed by it."""
    if dates.absolute(sent):
        return False
    for pattern in moves_time_patterns():
        for match in pattern.finditer(sent.text):
            tokens = sent.doc.char_span(
                sent.start_char + match.start(), sent.start_char + match.end(), alignment_mode="expand"
            )
            if tokens is None or not is_reported(tokens, sent):
                return True
    return not dates.candidates(sent.text, sent.start_char) and has_own_time_phrase(sent)


def opens_at_another_occasion(sent: Span, dates: DateReader) -> bool:
    """ "Following his birth, parents refused consent to treatment" after "Death of a baby in
    June 2012": the sentence places itself at an occasion that comes before everything else told
    (scope.yaml `no_inherit.opener_occasions`, words from lexicon.yaml `occasions`) and is not the
    one the date last narrated dates, so it is not at that date (`no_inherit.occasion_opener`).
    "Following her discharge" is left alone: a discharge follows the admission just narrated.
    A relative phrase after it still counts from the date last narrated."""
    match = occasion_opener_re().match(sent.text)
    if match is None:
        return False
    occasions = lexicon()["occasions"]
    occasion = next(
        (name for name in scope_config()["no_inherit"]["opener_occasions"] if match.group("noun") in occasions[name]),
        None,
    )
    if occasion is None:
        return False
    if dates.absolute(sent):
        return False  # "Following his birth on 4 May ...": its own date places it
    known, anchor = dates.resolver.occasions.get(occasion), dates.resolver.anchor
    return known is None or anchor is None or known.date != anchor.date


def continues(sent: Span, finder: AgencyFinder) -> bool:
    """Outside a recognised chronology, an undated sentence takes its paragraph's date only when it
    goes on narrating: it opens with a person or a sequence word and tells something in the past
    ("She told the nurse…", "Later the police attended…"), not "This report has been anonymised", nor a
    state in the simple past of "be" or in the past perfect ("He was not the father", "had had some
    contact"), which a summary gives as background to its date, not as what happened on it."""
    words = [t for t in sent if not t.is_punct and not t.is_space]
    if not words:
        return False
    first = words[0]
    if first.lower_ in _DETERMINER_OPENERS:  # "Her cause of death was …": a pronoun by its tag, a determiner here
        opens = _subject_acts(sent, finder)
    else:
        opens = (
            first.lower_ in _NARRATIVE_OPENERS
            or first.pos_ in ("PROPN", "PRON")
            and first.lower_ not in ("it", "this", "these", "that")
            or first.ent_type_ == "PERSON"
        )
    verb = main_verb(sent)
    if verb is not None and tells_earlier_state(verb):  # "He was not the father", "had had some contact"
        return False
    if not opens and verb is not None:  # "Child T was taken to hospital", "Paramedics took...": a person or agency acts
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        mentioned = sentence_mentions(sent, finder) if subjects else {}
        opens = any(
            t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", ROLE_LABEL) or t.i in mentioned
            for c in subjects
            for t in c.subtree
        )
    return opens and any(t.tag_ == "VBD" for t in sent)


def _subject_acts(sent: Span, finder: AgencyFinder) -> bool:
    """The main verb's subject names a person, a role or an agency ("The police attended", "The
    mother rang"), not a finding or a thing ("The cause of his death was determined")."""
    verb = main_verb(sent)
    if verb is None:
        return True
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects:
        return True
    mentioned = sentence_mentions(sent, finder)
    heads = set(scope_config()["acting_subject_heads"])
    return any(
        t.pos_ == "PROPN"
        or (t.pos_ == "PRON" and t.tag_ != "PRP$")  # "she", not the "her" of "her skull fracture"
        or t.ent_type_ in ("PERSON", ROLE_LABEL)
        or t.i in mentioned
        or t.lower_ in heads
        for c in subjects
        for t in _head_words(c)
    )


def _head_words(noun: Token) -> list[Token]:
    """A noun phrase's head with the words set before it ("the health visitor"), not what hangs
    from it ("the cause of his death": not "his")."""
    return [noun, *(t for c in noun.children if c.dep_ in ("compound", "amod", "det") for t in c.subtree)]


def completed_by(sent: Span, dated: Dated) -> bool:
    """ "By this time OHV1 had left": a past perfect under "by this time" says
    the happening was over by the anchor, not that it happened then."""
    if dated.candidate.kind != "rel_vague" or dated.resolution.date_end is not None:
        return False
    if not re.match(config()["completed_by"]["phrase"], dated.text, re.IGNORECASE):
        return False
    verb = main_verb(sent)
    return (
        verb is not None
        and verb.tag_ == "VBN"
        and any(c.dep_ == "aux" and c.lower_ in config()["completed_by"]["auxiliaries"] for c in verb.children)
    )


@lru_cache(maxsize=1)
def inline_heading_re() -> re.Pattern:
    return re.compile(scope_config()["inline_heading"], re.IGNORECASE)


@lru_cache(maxsize=1)
def occasion_opener_re() -> re.Pattern:
    return re.compile(scope_config()["no_inherit"]["occasion_opener"])


@lru_cache(maxsize=1)
def moves_time_patterns() -> list[re.Pattern]:
    return [re.compile(p, re.IGNORECASE) for p in scope_config()["no_inherit"]["moves_time"]]


@lru_cache(maxsize=1)
def no_inherit_patterns() -> list[re.Pattern]:
    return [re.compile(p, re.IGNORECASE) for p in scope_config()["no_inherit"]["own_time"]]

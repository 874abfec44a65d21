"""The chronology as data: `extract_events(report, doc) -> list[Event]`.

Reads the chronology paragraphs (scope.py) of the one parsed Doc, sentence by
sentence and left to right, the way a careful reader does:
1. date candidates by pattern (candidates.py), minus those inside reported
   speech ("she said he had visited the following day");
2. the best candidate dates the sentence; it is normalised with dateparser
   and a year inferred from the review period and the narrative; relative
   phrases are resolved against the last resolved date (resolve.py), and the
   narrative moves on to the last date a sentence narrates ("...on 17th May
   and remained in hospital until 5th June. They then moved...");
3. a sentence with no date phrase inherits the date of its paragraph; a
   paragraph with none, and episodes ("whilst in hospital", "during the
   pregnancy"), are windows from the last date narrated to the next one
   (precision approx, `date_end` filled once the next date is read); an
   undated ongoing activity ("established and maintained contact") opens its
   window at the start of the period its section heading states, and a past
   perfect under "by this time" lies between its participants' last narrated
   date and the anchor;
4. two coordinated clauses each with a date of its own are two events, and a
   reported clause with its own absolute date ("said she had experienced
   anxiety since 2013") is an event of its own;
5. actors, action and object from the dependency parse (actors.py), with
   pronouns resolved to the latest actor of the paragraph they can stand for,
   meetings and documents that decide, and the agency column of a table.
Tables printed as "Date ⇥ Agency ⇥ Event" rows give one event per row.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from spacy.tokens import Doc, Span

from ..nlp import ROLE_LABEL
from .dating import (
    Dated, DateFields, DateReader, dates_no_happening, is_planned, is_reported, occasion_noun_subject, reported_clause,
)
from .discourse import Discourse
from .masks import Mask
from .mentions import AgencyFinder, agencies_in, sentence_mentions, unique
from .model import Event
from .normalise import last_day
from .predicate import (
    governing_verb,
    main_verb,
    names_happening,
    tells_earlier_state,
    tells_modal_present,
    tells_present,
    told_by_the_writer,
    verb_lemma,
)
from .resolve import Anchor, Resolution, Resolver, config
from .roles import Roles, analyse, implied_actors
from .tables import is_table_row, read_row, row_actors, row_agencies, row_date
from .scope import (
    ABSOLUTE_KINDS,
    POINT_KINDS,
    TERMINAL_RE,
    Block,
    chronology_blocks,
    continuation_re,
    describes_document,
    is_evaluative,
    is_inline_contents,
    is_purpose_item,
    names_review_people,
    paragraph_numbers,
    review_is_subject,
    scope_config,
    section_chain,
)

YEAR_RE = re.compile(r"\b(?:19|20)\d{2}\b")
BARE_YEAR_RE = re.compile(r"^\s*(?:[\d.]+\s+)?((?:19|20)\d{2})\s*:?\s*$")


# words that open a sentence going on with a narration ("Later the police attended")
_NARRATIVE_OPENERS = frozenset({"later", "then", "subsequently", "afterwards", "following", "after", "when", "the", "on",
                                "during", "at", "both", "her", "his", "their", "as"})


def default_year(report) -> int | None:
    """The most frequent year written in the report: the last resort for year inference."""
    years = Counter(int(y) for y in YEAR_RE.findall(report.text) if 1990 <= int(y) <= 2100)
    return years.most_common(1)[0][0] if years else None


def section_label(section) -> str | None:
    if section is None:
        return None
    return section.number or section.title


class _Sentences:
    """Sentences of the Doc, found by character offset."""

    def __init__(self, doc: Doc):
        self.sents = list(doc.sents)
        self.starts = [s.start_char for s in self.sents]

    def within(self, start: int, end: int) -> list[Span]:
        i = bisect.bisect_left(self.starts, start)
        out = []
        while i < len(self.sents) and self.sents[i].start_char < end:
            out.append(self.sents[i])
            i += 1
        return out


class EventExtractor:
    """Walks a report's chronology once, keeping the narrative anchor."""

    def __init__(self, report, doc: Doc, scope: str = "chronology"):
        self.report, self.doc, self.scope = report, doc, scope
        period = (report.metadata.period_start, report.metadata.period_end)
        self.resolver = Resolver(period, default_year(report))
        self.finder = AgencyFinder(report)
        self.codes = set(report.codes())
        self.sentences = _Sentences(doc)
        self.subject_children = frozenset(e.code for e in getattr(report, "key", []) if e.subject)
        self.discourse = Discourse(report, self.sentences.sents, self.codes)
        self.events: list[Event] = []
        self._section = None
        self._section_period: tuple[dt.date, dt.date] | None = None  # a range the section heading states
        self._moved = False
        self._kinds: dict[int, str] = {}  # event id -> kind of its own date phrase
        self._para_dates: list[dt.date] = []  # dates the current paragraph has narrated
        self._para_base: dt.date | None = None
        self._windows: set[int] = set()  # events placed only between two narrated dates
        self.mask = Mask.of_report(report)  # cover, version and page-header dates: the document's own
        self.numbers = paragraph_numbers(report)
        self.dates = DateReader(doc, self.mask, self.numbers, self.resolver)
        self._carry = False  # may an undated paragraph take the date last narrated (a window)?
        self._line_anchor: Resolution | None = None  # a date standing alone as a sub-heading dates what follows

    # ---- the walk --------------------------------------------------------
    def run(self) -> list[Event]:
        for block in chronology_blocks(self.report, self.scope, self.mask):
            if block.after_break or not block.carry:
                self._carry = False  # a heading, footnote or table ends what a date narrated before it covers
            self._enter_section(block.section)
            if block.kind == "date_line":
                self._date_line(block)
                continue
            if is_table_row(block.kind, self.report.text[block.start:block.end]):
                self._table_row(block)
            else:
                self._paragraph(block)
        self._close_windows()
        return self.events

    def _close_windows(self) -> None:
        """End each window event at the next date the narrative gives.

        "EM made contact with her PA..." in a paragraph with no date, or
        "Whilst in hospital EM told the midwife...", happened somewhere between
        the last date narrated and the next one: date_end is the next event
        dated by a phrase of its own (the end of its month for a month).
        """
        dated = [e for e in self.events if self._kinds.get(e.id) in config()["window_bounds"] and e.modality is None]
        for event in self.events:
            if event.id not in self._windows or event.date is None:
                continue
            if event.inherited and event.anchor in self._windows and event.anchor < event.id:
                event.date_end = self.events[event.anchor - 1].date_end
                continue
            nxt = next((e for e in dated if e.id > event.id and e.date is not None and e.date > event.date), None)
            if nxt is not None:
                event.date_end = last_day(nxt.date.year, nxt.date.month) if nxt.precision == "month" else nxt.date
                event.precision = "approx"

    def _enter_section(self, section) -> None:
        """A heading that gives dates ("3.1 9th January to 2nd February 2017") resets the anchor."""
        if section is None or section is self._section:
            return
        self._section = section
        self._section_period = None
        self.discourse.new_section()
        self.resolver.anchor = None  # a new section starts a new narrative
        self._carry = False
        self._line_anchor = None
        heading = self.report.text[section.heading_start:section.heading_end]
        bare_year = BARE_YEAR_RE.match(heading)
        if bare_year:
            year = int(bare_year.group(1))
            self.resolver.anchor = Anchor(dt.date(year, 1, 1), dt.date(year, 12, 31), "approx", None)
            return
        for cand in self.dates.candidates(heading, section.heading_start):
            res = self.resolver.resolve(cand)
            if res is not None and self.resolver.moves_anchor(cand.kind):
                self.resolver.set_anchor(res, None, cand.kind)
                self._carry = True
                if cand.kind == "range" and res.date_end is not None:
                    self._section_period = (res.date, res.date_end)
                return

    def _date_line(self, block: Block) -> None:
        """A date standing alone ("12th March 2014") over the paragraphs it dates."""
        text = self.report.text[block.start:block.end]
        for cand in self.dates.candidates(text, block.start):
            res = self.resolver.resolve(cand) if cand.kind in ABSOLUTE_KINDS else None
            if res is not None:
                self.resolver.set_anchor(res, None, cand.kind)
                self._line_anchor = res
                self._carry = block.carry
                return

    def _units(self, block: Block) -> list[Span]:
        """The block's sentences, re-joining pieces the parser or a page break split.

        "Between 19th May and 23rd May it was noted..." can come back from the
        small model as two sentences, and "ESW recorded that EM was" / "going to
        meet with EF." sit on two lines; a piece that does not end a sentence is
        joined to the next one.
        """
        units: list[Span] = []
        pending: Span | None = None
        for sent in self.sentences.within(block.start, block.end):
            start, end = _strip(sent)
            if end <= start or not block.contains(start, end):
                continue
            if pending is not None:
                sent = self.doc[pending.start:sent.end]
            if TERMINAL_RE.search(self.report.text[start:end]):
                units.append(sent)
                pending = None
            else:
                pending = sent
        if pending is not None:
            units.append(pending)
        return units

    def _continues_previous(self, units: list[Span]) -> Event | None:
        """The anchor event, when this paragraph goes on about the same occasion.

        "On 25th May, a discharge planning meeting was held..." followed by a
        paragraph opening "The meeting discussed..." is still 25th May (and
        still that paragraph's Key Practice Episode).
        """
        anchor = self.resolver.anchor
        if not units or anchor is None or anchor.event_id is None or not continuation_re().match(units[0].text.strip()):
            return None
        if not self.events or self.events[-1].id < anchor.event_id:
            return None
        return self.events[anchor.event_id - 1]

    def _paragraph(self, block: Block) -> None:
        units = self._units(block)
        self._para_dates: list[dt.date] = []
        self._para_base: dt.date | None = None
        para_anchor = self._continues_previous(units)
        if para_anchor is not None and block.kpe is None:
            block.kpe = self.events[-1].kpe
        for sent in units:
            if inline_heading_re().match(sent.text):
                para_anchor = None  # "Background: ..." starts a part of its own
                self._carry = False
                self._line_anchor = None
            elif self._moves_time(sent):
                para_anchor = None  # "She was 14 months old when...": what follows is then, not at the date given before
                self._carry = False
                self._line_anchor = None
                self.resolver.anchor = None
            for clause in self.dates.clauses(sent):
                event = self._sentence_event(clause, block, para_anchor)
                if event is None:
                    continue
                self.events.append(event)
                if self._moved and self._tells_outcome(clause):
                    para_anchor = None  # "...was convicted in May 2022. The pregnancy had been uneventful...": not then
                    self._carry = False
                elif self._moved:
                    para_anchor = event
                elif para_anchor is None and event.inherited and event.id in self._windows:
                    para_anchor = event  # an undated paragraph: its sentences share one window
                self._embedded_events(clause, block)
                self._participle_events(clause, block, event)

    def _window_start(self, sent: Span, narrated: dt.date) -> dt.date:
        """Where an undated sentence's window opens: the last date narrated, or,
        for an ongoing activity, the start of the period its section heading states.

        Under "3.1 9th January to 2nd February 2017", "The service established and
        maintained contact with her PA." is kept up over the period the section
        covers; it need not have begun after the last date narrated before it
        (a one-off happening, "ESW visited EM in hospital", still does).
        Ongoing verbs: models/dates/resolution.yaml `ongoing_lemmas`.
        """
        period = self._section_period
        if period is None or not period[0] < narrated <= period[1]:
            return narrated
        verb = main_verb(sent)
        if verb is None:
            return narrated
        verbs = [verb, *(t for t in verb.conjuncts if sent.start <= t.i < sent.end)]
        ongoing = set(config()["ongoing_lemmas"])
        return period[0] if any(v.lemma_.lower() in ongoing for v in verbs) else narrated

    def _narrated_span(self, dated: Dated) -> Resolution:
        """An episode or "this period" looking back over what the paragraph narrated.

        "In August 2016 an Interim Care Order was granted... a Placement Order on
        4th January 2017. During the proceedings EM..." and "Two days after
        entering the placement... two days later... In this time period...": once
        a paragraph has narrated two dates, the episode is the span they cover,
        from where the paragraph's narration counted from to the anchor.
        Otherwise an episode is a window forward (`_close_windows`).
        """
        res, kind = dated.resolution, dated.candidate.kind
        looks_back = kind == "rel_window" or (kind == "rel_vague" and "period" in dated.text.lower())
        anchor = self.resolver.anchor
        if not looks_back or anchor is None or len(self._para_dates) < 2 or self._para_base is None:
            return res
        if self._para_base >= anchor.date:
            return res
        return Resolution(self._para_base, anchor.date, "approx", res.confidence, True)

    def _embedded_events(self, sent: Span, block: Block) -> None:
        """What someone said happened on a date of its own ("she said she had
        experienced anxiety since 2013"): an event of the reported clause, which
        leaves the narrative anchor alone."""
        for cand, tokens in self.dates.absolute(sent):
            clause = reported_clause(tokens, sent)
            if clause is None:
                continue
            res = self.resolver.resolve(cand)
            if res is None:
                continue
            span = self.doc[clause.left_edge.i:clause.right_edge.i + 1]
            while len(span) > 1 and span[-1].is_punct:
                span = span[:-1]
            start, end = sent.start_char + cand.start, sent.start_char + cand.end
            event_id = len(self.events) + 1
            fields = DateFields.phrase(res, self.report.text[start:end], start, end)
            self._kinds[event_id] = "embedded"
            self.events.append(self._make_event(event_id, span, block, fields))

    def _participle_events(self, sent: Span, block: Block, main: Event) -> None:
        """A perfect participle clause with a date of its own ("On 4 April two boys
        assaulted a child, having assaulted another the previous weekend"): what it tells
        happened before the sentence's event, on its own date (resolved against the one
        the sentence gave), and is an event of its own; the narrative anchor stays put."""
        if main.date is None or main.expression_start is None:
            return
        for cand in self.dates.candidates(sent.text, sent.start_char):
            start, end = sent.start_char + cand.start, sent.start_char + cand.end
            if start == main.expression_start or not (cand.kind in ABSOLUTE_KINDS or cand.kind in POINT_KINDS):
                continue
            tokens = self.doc.char_span(start, end, alignment_mode="expand")
            clause = governing_verb(tokens.root, sent) if tokens is not None else None
            if clause is None or clause.dep_ not in ("advcl", "conj") or not any(c.dep_ == "aux" and c.lower_ == "having" for c in clause.children):
                continue
            res = self.resolver.resolve(cand)
            if res is None:
                continue
            having = min(c.i for c in clause.children if c.dep_ == "aux" and c.lower_ == "having")
            span = self.doc[having:clause.right_edge.i + 1]
            while len(span) > 1 and span[-1].is_punct:
                span = span[:-1]
            event_id = len(self.events) + 1
            fields = DateFields.phrase(res, self.report.text[start:end], start, end, relative=res.relative,
                                       anchor=main.id if res.relative else None)
            self._kinds[event_id] = "embedded"
            self.events.append(self._make_event(event_id, span, block, fields))

    # ---- one sentence ------------------------------------------------------
    def _sentence_event(self, sent: Span, block: Block, para_anchor: Event | None, offset_span: Span | None = None) -> Event | None:
        text = sent.text.strip()
        if (len(re.findall(r"[A-Za-z]{2,}", text)) < 3 or is_evaluative(text) or describes_document(sent) or is_purpose_item(text)
                or is_inline_contents(text)):
            return None
        if told_by_the_writer(sent):
            return None  # "I have worked in children's services since 2008", "We commissioned this review": the writer's
        happening = names_happening(sent) if main_verb(sent) is None else None
        if main_verb(sent) is None and happening is None:
            return None
        dated = self.dates.date_of(sent)
        if happening is not None and (
            dated is None or dated.candidate.kind not in ABSOLUTE_KINDS
            or "\n" in self.report.text[min(happening.idx, dated.start):max(happening.idx, dated.start)]
        ):
            return None  # a headline event ("Death of a 16-year-old girl in May 2011.") needs its own date, on its own line
        self._moved = False
        if dated is not None and dates_no_happening(dated, sent):
            return None
        event_id = len(self.events) + 1
        if dated is not None:
            res = self._narrated_span(dated)
            fields = DateFields.phrase(
                res, dated.text, dated.start, dated.end, relative=res.relative,
                anchor=self.resolver.anchor.event_id if res.relative and self.resolver.anchor is not None else None,
                modality="planned" if dated.planned else None,
            )
            kind = dated.candidate.kind
            self._kinds[event_id] = kind
            if kind in ABSOLUTE_KINDS and not dated.planned:
                self.dates.remember_occasion(dated, sent, happening)
            if self.resolver.moves_anchor(kind) and not dated.planned:
                if not self._para_dates:  # where this paragraph's narration counts from
                    prior = self.resolver.anchor
                    self._para_base = prior.date if res.relative and prior is not None else res.date
                self._para_dates.append(res.date)
                self.resolver.set_anchor(res, event_id, kind)
                self._moved = True
                self._carry = block.carry
                if kind in ABSOLUTE_KINDS and sent.start_char == block.start:
                    self._line_anchor = None  # a paragraph that opens with a date of its own starts anew
                self._last_mentioned(sent, dated, event_id)
            window_para = para_anchor is not None and para_anchor.id in self._windows
            if res.date_end is None and (kind == "rel_window" or (kind == "rel_vague" and window_para)):
                self._windows.add(event_id)
        elif not self._may_inherit(sent):
            return None
        elif para_anchor is not None and (block.carry or self._continues(sent)):
            conf = config()["confidence"]["inherited_paragraph"]
            fields = DateFields.inherit(para_anchor.date, para_anchor.date_end, para_anchor.precision, conf,
                                        anchor=para_anchor.id)
            if para_anchor.id in self._windows:
                self._windows.add(event_id)
        elif self._line_anchor is not None:  # under a date standing alone as a sub-heading
            line = self._line_anchor
            fields = DateFields.inherit(line.date, line.date_end, line.precision,
                                        config()["confidence"]["inherited_paragraph"])
        elif self.resolver.anchor is not None and self._carry:
            anchor = self.resolver.anchor
            conf = config()["confidence"]["inherited_narrative"]
            fields = DateFields.inherit(self._window_start(sent, anchor.date), None, "approx", conf,
                                        anchor=anchor.event_id)
            self._windows.add(event_id)
        else:
            return None
        event = self._make_event(event_id, sent, block, fields)
        if dated is not None and self._completed_by(sent, dated):
            self._since_last_seen(event)
        return event

    def _tells_outcome(self, sent: Span) -> bool:
        """A criminal court's outcome ("was convicted", "was sentenced", "pleaded
        guilty", "found not guilty"): told out of the story's order, its date is not
        carried on (scope.yaml `outcome_lemmas`, `outcome_cues`)."""
        verb = main_verb(sent)
        outcomes = set(scope_config()["outcome_lemmas"])
        if verb is not None and any(v.lemma_.lower() in outcomes for v in [verb, *verb.conjuncts]):
            return True
        return any(re.search(cue, sent.text, re.IGNORECASE) for cue in scope_config()["outcome_cues"])

    def _may_inherit(self, sent: Span) -> bool:
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
                tokens = self.doc.char_span(sent.start_char + match.start(), sent.start_char + match.end(), alignment_mode="expand")
                if tokens is None or not is_reported(tokens, sent):  # "she said she had previously..." is hers
                    return False
        if names_review_people(sent.text):  # "An independent reviewer led the review...": the review's history
            return False
        verb = main_verb(sent)
        if verb is None:
            return True
        if review_is_subject(verb) or sent.text.rstrip().endswith(":"):  # "The panel considered...", a lead-in to a list
            return False
        if self._tells_outcome(sent):  # "The father was jailed": a court's outcome comes later than the story around it
            return False
        if tells_modal_present(verb):  # "Agencies will need to improve...", "The family can then move"
            return False
        if occasion_noun_subject(verb) in scope_config()["no_inherit"]["own_time_occasions"]:
            return False  # "Her death shocked everyone": the death's own time, which no date gave
        passive = verb.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.tag_ == "VBD" for c in verb.children)
        if verb.lemma_.lower() in scope_config()["no_inherit"]["stative_lemmas"] and (verb.tag_ == "VBD" or passive):
            return False
        if passive and verb.lemma_.lower() in scope_config()["no_inherit"]["described_as_lemmas"] and any(
                c.dep_ == "prep" and c.lower_ == "as" and c.i > verb.i for c in verb.children):
            return False  # "He was described as a gifted footballer", "was seen as a risk": what he was taken to be
        return not tells_present(verb, sent)

    def _moves_time(self, sent: Span) -> bool:
        """An undated sentence that moves the story to a time of its own we cannot place ("She
        was 14 months old when...", "At the age of six weeks...") outside what someone said
        (scope.yaml `no_inherit.moves_time`); one with a date phrase of its own is placed by it."""
        if self.dates.absolute(sent):
            return False
        for pattern in moves_time_patterns():
            for match in pattern.finditer(sent.text):
                tokens = self.doc.char_span(sent.start_char + match.start(), sent.start_char + match.end(), alignment_mode="expand")
                if tokens is None or not is_reported(tokens, sent):
                    return True
        return False

    def _continues(self, sent: Span) -> bool:
        """Outside a recognised chronology, an undated sentence takes its paragraph's date only when it
        goes on narrating: it opens with a person or a sequence word and tells something in the past
        ("She told the nurse…", "Later the police attended…"), not "This report has been anonymised", nor a
        state in the simple past of "be" or in the past perfect ("He was not the father", "had had some
        contact"), which a summary gives as background to its date, not as what happened on it."""
        words = [t for t in sent if not t.is_punct and not t.is_space]
        if not words:
            return False
        first = words[0]
        opens = (first.lower_ in _NARRATIVE_OPENERS or first.pos_ in ("PROPN", "PRON") and first.lower_ not in ("it", "this", "these", "that")
                 or first.ent_type_ == "PERSON")
        verb = main_verb(sent)
        if verb is not None and tells_earlier_state(verb):  # "He was not the father", "had had some contact"
            return False
        if not opens and verb is not None:  # "Child T was taken to hospital", "Paramedics took...": a person or agency acts
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            mentioned = sentence_mentions(sent, self.finder) if subjects else {}
            opens = any(t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", ROLE_LABEL) or t.i in mentioned
                        for c in subjects for t in c.subtree)
        return opens and any(t.tag_ == "VBD" for t in sent)

    def _completed_by(self, sent: Span, dated: Dated) -> bool:
        """"By this time OHV1 had left": a past perfect under "by this time" says
        the happening was over by the anchor, not that it happened then."""
        if dated.candidate.kind != "rel_vague" or dated.resolution.date_end is not None:
            return False
        if not re.match(config()["completed_by"]["phrase"], dated.text, re.IGNORECASE):
            return False
        verb = main_verb(sent)
        return verb is not None and verb.tag_ == "VBN" and any(
            c.dep_ == "aux" and c.lower_ in config()["completed_by"]["auxiliaries"] for c in verb.children
        )

    def _since_last_seen(self, event: Event) -> None:
        """A happening completed by the anchor lies between the last earlier date at
        which one of its participants was narrated (OHV1's last home visit) and the
        anchor: nothing narrated before that tells when it happened."""
        actors = set(event.actors)
        for earlier in reversed(self.events):
            if earlier.date is None or earlier.date >= event.date or earlier.modality is not None:
                continue
            if self._kinds.get(earlier.id) == "embedded":  # what someone said once happened is not narration
                continue
            if actors & set(earlier.actors):
                event.date_end, event.date = event.date, earlier.date
                event.precision = "approx"
                return

    def _make_event(self, event_id: int, span: Span, block: Block, fields: DateFields) -> Event:
        return self._event_with_roles(event_id, span, block, fields)[0]

    def _event_with_roles(self, event_id: int, span: Span, block: Block, fields: DateFields,
                          extra_agencies: Sequence[str] = ()) -> tuple[Event, Roles]:
        """The event of `span` and the roles its parse gave (a table row reads them for its agency)."""
        mentions = sentence_mentions(span, self.finder)
        analysis = analyse(span, mentions, self.finder, self.subject_children)
        actors = list(analysis.actors)
        if analysis.subject_pronoun:
            antecedent = self.discourse.antecedent(analysis.subject_pronoun, self.events, block.start, set(actors), span)
            if antecedent is not None:
                actors = unique([antecedent, *actors])
        actors = self.discourse.actors(analysis, actors, event_id)
        verb = main_verb(span)
        implied = implied_actors(span, verb_lemma(verb) if verb is not None else None)
        if implied:  # "ES was made the subject of a Care Order": the court acts, ES is acted upon
            actors = unique([*implied, *(a for a in actors if a != analysis.patient)])
        people = {m.label for m in mentions.values() if m.kind == "generic"}
        if analysis.meeting:
            people.add(analysis.meeting)
        if self.discourse.meeting:
            people.add(self.discourse.meeting)
        named = [a for a in actors if a[:1].isupper() and a not in self.codes and a not in people]
        agencies = unique([*agencies_in(span.text, span.start_char, self.finder), *extra_agencies, *named])
        start, end = _strip(span)
        event = Event(
            id=event_id, sentence=self.report.text[start:end], start=start, end=end,
            actors=actors, action=analysis.action, object=analysis.object, agencies=agencies,
            kpe=block.kpe, section=section_label(block.section or (section_chain(self.report, start) or [None])[0]),
            **fields.as_fields(),
        )
        return event, analysis

    # ---- dates in a sentence -----------------------------------------------
    def _last_mentioned(self, sent: Span, dated: Dated, event_id: int) -> None:
        """Move the anchor on to a later date the same sentence narrates.

        "...made the subject of an Interim Care Order on 17th May and remained
        in hospital until discharge on 5th June. Child E and EM then moved...":
        "then" is after the last date mentioned, not the first.
        """
        for cand in self.dates.candidates(sent.text, sent.start_char):
            if cand.kind not in ("day", "range") or sent.start_char + cand.start <= dated.start:
                continue
            tokens = self.doc.char_span(sent.start_char + cand.start, sent.start_char + cand.end, alignment_mode="expand")
            if tokens is None or is_reported(tokens, sent) or is_planned(tokens, sent):
                continue
            res = self.resolver.resolve(cand)
            if res is not None and res.date > self.resolver.anchor.date:
                self.resolver.set_anchor(res, event_id, cand.kind)

    # ---- tables ----------------------------------------------------------------
    def _table_row(self, block: Block) -> None:
        """One event per "Date ⇥ Agency ⇥ Event" row (tables.py)."""
        row = read_row(self.report.text[block.start:block.end], block.start)
        if row is None:
            return
        span = self.doc.char_span(row.event.start, row.event.end, alignment_mode="expand")
        if span is None or not any(t.pos_ in ("VERB", "AUX") for t in span):
            return
        event_id = len(self.events) + 1
        dated = row_date(row, self.resolver)
        if dated is None:
            inner = self.dates.date_of(span)
            if inner is not None:
                dated = (inner.candidate, inner.resolution, inner.start, inner.end)
        if dated is not None:
            cand, res, s, e = dated
            fields = DateFields.phrase(
                res, self.report.text[s:e], s, e, relative=res.relative,
                anchor=self.resolver.anchor.event_id if res.relative and self.resolver.anchor is not None else None,
            )
            if self.resolver.moves_anchor(cand.kind):
                self.resolver.set_anchor(res, event_id, cand.kind)
        elif self.resolver.anchor is not None:
            anchor = self.resolver.anchor
            fields = DateFields.inherit(anchor.date, anchor.date_end, anchor.precision,
                                        config()["confidence"]["inherited_paragraph"], anchor=anchor.event_id)
        else:
            return
        extra = row_agencies(row, self.finder)
        event, roles = self._event_with_roles(event_id, span, block, fields, extra_agencies=extra)
        event.actors = row_actors(roles, event.actors, extra)
        event.source = "table_row"
        self.events.append(event)
        self._carry = False  # a row dates itself only
        self._line_anchor = None

@lru_cache(maxsize=1)
def inline_heading_re() -> re.Pattern:
    return re.compile(scope_config()["inline_heading"], re.IGNORECASE)


@lru_cache(maxsize=1)
def moves_time_patterns() -> list[re.Pattern]:
    return [re.compile(p, re.IGNORECASE) for p in scope_config()["no_inherit"]["moves_time"]]


@lru_cache(maxsize=1)
def no_inherit_patterns() -> list[re.Pattern]:
    return [re.compile(p, re.IGNORECASE) for p in scope_config()["no_inherit"]["own_time"]]


def _strip(span: Span) -> tuple[int, int]:
    text = span.text
    start = span.start_char + (len(text) - len(text.lstrip()))
    end = span.end_char - (len(text) - len(text.rstrip()))
    return start, end


def extract_events(report, doc: Doc, scope: str = "chronology") -> list[Event]:
    """The dated events of a review's chronology, in text order.

    `doc` is the one parse from `pipeline.nlp.parse_report(report, nlp)`;
    nothing is re-parsed.  `scope="all"` also reads sections that are not
    chronology (evaluation, findings).
    """
    if doc.text != report.text:
        raise ValueError("the Doc was not parsed from this report's text; use pipeline.nlp.parse_report")
    return EventExtractor(report, doc, scope).run()

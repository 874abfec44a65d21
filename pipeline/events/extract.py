"""The chronology as data: `extract_events(report, doc) -> list[Event]`.

The orchestrator.  Reads the chronology blocks (scope.py) of the one parsed
Doc, sentence by sentence and left to right, the way a careful reader does,
and asks each concern in turn:
1. the date phrase that dates the sentence, if any (dating.py, over
   candidates.py, normalise.py and resolve.py), skipping sentences that tell
   no happening of the case (the review's own voice, evaluation, headlines
   without a date of their own);
2. where the sentence stands in the narrative (narrative.py): a date of its
   own moves the anchor on; without one it inherits its paragraph's date, a
   date line's, or a window from the date last narrated, closed once the next
   date is read;
3. two coordinated clauses each with a date of its own are two events, and a
   reported or participle clause with its own date is an event of its own
   (dating.py);
4. actors, action and object from the dependency parse (mentions.py,
   predicate.py, roles.py), with pronouns, meetings and documents resolved
   from what came before (discourse.py);
5. "Date ⇥ Agency ⇥ Event" table rows give one event per row (tables.py);
6. the subject's birth, death or incident as the cover labels it ("Born 4th
   February 2016", cover.py), and a title that names the happening with its
   date, are events read alone, dropped where the text tells them again.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from itertools import pairwise

from spacy.tokens import Doc, Span

from .cover import cover_vitals
from .dating import DateFields, DateReader, dates_happening, dates_no_happening
from .discourse import Discourse
from .masks import Mask
from .mentions import AgencyFinder, agencies_in, sentence_mentions, unique
from .model import Event
from .narrative import (
    Narrative,
    completed_by,
    inline_heading_re,
    may_inherit,
    moves_time,
    opens_at_another_occasion,
    tells_outcome,
)
from .predicate import addresses_the_reader, main_verb, names_happening, told_by_the_writer, verb_lemma
from .resolve import Resolver, config
from .roles import Roles, analyse, implied_actors
from .scope import (
    ABSOLUTE_KINDS,
    TERMINAL_RE,
    Block,
    chronology_blocks,
    dates_a_document_change,
    dates_the_review,
    describes_document,
    is_date_line,
    is_evaluative,
    is_inline_contents,
    is_purpose_item,
    is_review_method,
    paragraph_numbers,
    scope_config,
    section_chain,
)
from .tables import is_table_row, read_row, row_actors, row_agencies, row_date

YEAR_RE = re.compile(r"\b(?:19|20)\d{2}\b")
LEADERS = " \t•·*-–—"  # bullets and dashes before a list item's text


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
        self.mask = Mask.of_report(report)  # cover, version and page-header dates: the document's own
        self.numbers = paragraph_numbers(report)
        self.dates = DateReader(doc, self.mask, self.numbers, self.resolver)
        self.narrative = Narrative(self.resolver, self.dates)

    # ---- the walk --------------------------------------------------------
    def run(self) -> list[Event]:
        cover = self._cover_events()
        introduction: set[int] = set()
        for block in chronology_blocks(self.report, self.scope, self.mask):
            before = len(self.events)
            self._block(block)
            if block.alone:
                introduction.update(e.id for e in self.events[before:])
        self.narrative.close_windows(self.events)
        return self._without_cover_repeats(self._without_duplicates(introduction, cover), cover)

    def _cover_events(self) -> set[int]:
        """The subject's birth and death as the cover states them ("Born 4th February 2016",
        cover.py): events of their own, outside the narrative (they move no anchor), that
        remember the day for "on the day of her death" later."""
        text = self.report.text
        subject = self.report.metadata.subject_child
        for vital in cover_vitals(text, self.mask):
            res = self.resolver.resolve(vital.candidate)
            if res is None:
                continue
            fields = DateFields.phrase(res, text[vital.date_start : vital.date_end], vital.date_start, vital.date_end)
            self.events.append(
                Event(
                    id=len(self.events) + 1,
                    sentence=text[vital.start : vital.date_end],
                    start=vital.start,
                    end=vital.date_end,
                    actors=[subject] if subject else [],
                    action=vital.action,
                    **fields.as_fields(),
                )
            )
            self.resolver.occasions.setdefault(vital.occasion, res)
        return {e.id for e in self.events}

    def _without_cover_repeats(self, events: list[Event], cover: set[int]) -> list[Event]:
        """The events less a cover's birth or death that the review tells again: on the same
        day, or the same happening within the period its text gives ("D.O.D: 14/06/2019" over
        "Baby J died in June 2019"), or in a later copy of the cover (a document-sharing site
        repeats the cover above it, so the last copy is the cover itself)."""
        told = [e for e in events if e.id not in cover]
        kept = []
        for i, event in enumerate(events):
            later = [e for e in events[i + 1 :] if e.id in cover and e.action == event.action]
            if event.id in cover and any(_tells_again(e, event) for e in told + later):
                continue
            kept.append(event)
        return kept

    def _without_duplicates(self, introduction: set[int], cover: AbstractSet[int] = frozenset()) -> list[Event]:
        """The events, less an introduction's event the chronology already tells at least as
        precisely: "a baby who was seriously injured in January 2020" over "On 3rd January
        2020 Child Q was taken to the Emergency Department" (same month, and the introduction
        gives no day), or the same day told twice.  A month the chronology also gives only as
        a month ("In April 2014, Baby K was taken to hospital") may be another happening of
        that month ("Baby K died in April 2014"): both stay.  "It concerns Baby R, who died on
        11/02/2017" stays beside "On the night of 10 February 2017 ...": a day the chronology
        does not give.  The cover's birth and death (`cover`) are left out for the text's
        own telling, not the other way round."""
        if not introduction:
            return self.events
        told = [e for e in self.events if e.id not in introduction and e.id not in cover and e.date]
        anchors = {e.anchor for e in self.events if e.id not in introduction}

        def told_already(event: Event) -> bool:
            if event.date is None:
                return False
            if event.precision == "day":
                return any(e.date == event.date and e.precision == "day" for e in told)
            month = (event.date.year, event.date.month)
            finer = ("day", "week") if event.precision == "month" else ("day", "week", "month", "approx")
            return any(e.date and e.precision in finer and (e.date.year, e.date.month) == month for e in told)

        return [e for e in self.events if e.id not in introduction or e.id in anchors or not told_already(e)]

    def _block(self, block: Block) -> None:
        """One logical paragraph of the chronology, read in order."""
        if block.after_break or not block.carry:
            self.narrative.carry = False  # a heading, footnote or table ends what a date narrated before it covers
        if self.narrative.enter_section(block.section):
            self.discourse.new_section()
        if block.kind == "date_line":
            self.narrative.date_line(block)
            return
        if is_table_row(block.kind, self.report.text[block.start : block.end]):
            self._table_row(block)
        else:
            self._paragraph(block)

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
                sent = self.doc[pending.start : sent.end]
                start = _strip(pending)[0]
            piece = self.report.text[start:end]
            if TERMINAL_RE.search(piece) and not is_date_line(piece.lstrip(LEADERS).rstrip(":–- ")):
                units.append(sent)
                pending = None
            else:  # "• 2/4/14:" before "Police attended ...": the date opens the sentence after it
                pending = sent
        if pending is not None:
            units.append(pending)
        return [piece for unit in units for piece in self._at_lost_stops(unit)]

    def _at_lost_stops(self, unit: Span) -> list[Span]:
        """A unit cut where a converted PDF lost a full stop between two dated sentences
        ("... the case was closed on 12.4.09 On 20.4.09 the mother ..."): a capitalised
        opener (scope.yaml `lost_stop_openers`) after a lower-case word or a number, and
        right before a date phrase, starts a sentence of its own."""
        openers = set(scope_config()["lost_stop_openers"])
        cuts = [
            t.i
            for t in unit[1:]
            if t.text in openers
            and not (prev := self.doc[t.i - 1]).is_punct
            and (prev.text[-1:].isdigit() or prev.text[:1].islower())
            and self._date_opens(t.idx + len(t.text))
        ]
        bounds = [unit.start, *(c for c in cuts if c - unit.start >= 3 and unit.end - c >= 3), unit.end]
        return [self.doc[a:b] for a, b in pairwise(bounds)]

    def _date_opens(self, offset: int) -> bool:
        """An absolute date phrase starts at `offset` (after spaces)."""
        tail = self.report.text[offset : offset + 40]
        lead = len(tail) - len(tail.lstrip())
        found = self.dates.candidates(tail, offset)
        return bool(found) and found[0].start == lead and found[0].kind in ABSOLUTE_KINDS

    def _paragraph(self, block: Block) -> None:
        units = self._units(block)
        self.narrative.new_paragraph()
        para_anchor = self.narrative.continues_previous(units, self.events)
        if para_anchor is not None and block.kpe is None:
            block.kpe = self.events[-1].kpe
        for sent in units:
            if inline_heading_re().match(sent.text):
                para_anchor = None  # "Background: ..." starts a part of its own
                self.narrative.break_off()
            elif moves_time(sent, self.dates):
                # "She was 14 months old when...": what follows is then, not at the date given before
                para_anchor = None
                self.narrative.break_off()
                self.resolver.anchor = None
            elif opens_at_another_occasion(sent, self.dates):
                # "Following his birth, ...": at that occasion's time, not the paragraph's date; a relative
                # phrase still counts from the date last narrated
                para_anchor = None
                self.narrative.break_off()
            for clause in self.dates.clauses(sent):
                event = self._sentence_event(clause, block, para_anchor)
                if event is None:
                    if not block.title and not self._tells_nothing(clause):
                        # "This information showed that the parents had moved in May 2019": the sentence
                        # itself is undated, what was reported in it has a date of its own
                        self._embedded_events(clause, block)
                        # "The flood, which swept through the town on 9 March, is thought to ...": the
                        # sentence tells a present view, its relative clause a happening at its own date
                        for span, fields in self.dates.relative_clause_events(clause, None):
                            if not (dates_the_review(span.root) or dates_a_document_change(span.root)):
                                self._add_embedded(span, block, fields)  # not "a review that was commissioned in May"
                    elif not block.title:  # "The review covers the period from May 2013, when ..."
                        self._when_events(clause, block)
                    continue
                self.events.append(event)
                if self.narrative.moved and tells_outcome(clause):
                    para_anchor = None  # "...was convicted in May 2022. The pregnancy had been uneventful...": not then
                    self.narrative.carry = False
                elif self.narrative.moved:
                    para_anchor = event
                elif para_anchor is None and event.inherited and event.id in self.narrative.windows:
                    para_anchor = event  # an undated paragraph: its sentences share one window
                self._embedded_events(clause, block)
                self._participle_events(clause, block, event)
                for span, fields in self.dates.relative_clause_events(clause, event.expression_start):
                    self._add_embedded(span, block, fields)  # "..., the home that she had lived at since May"

    def _embedded_events(self, sent: Span, block: Block) -> None:
        """What someone said happened on a date of its own: events of the reported
        clauses (dating.py `reported_events`), which leave the narrative anchor alone."""
        for span, fields in self.dates.reported_events(sent):
            self._add_embedded(span, block, fields)

    def _when_events(self, sent: Span, block: Block) -> None:
        """The happenings a sentence that tells none itself names by a "when" clause on a date
        (dating.py `when_events`); they leave the narrative anchor alone."""
        for span, fields in self.dates.when_events(sent):
            self._add_embedded(span, block, fields)

    def _participle_events(self, sent: Span, block: Block, main: Event) -> None:
        """Perfect participle clauses with a date of their own, told before the sentence's
        event `main` (dating.py `participle_events`); the narrative anchor stays put."""
        if main.date is None or main.expression_start is None:
            return
        for span, fields in self.dates.participle_events(sent, main.id, main.expression_start):
            self._add_embedded(span, block, fields)

    def _add_embedded(self, span: Span, block: Block, fields: DateFields) -> None:
        event_id = len(self.events) + 1
        self.narrative.kinds[event_id] = "embedded"
        self.events.append(self._make_event(event_id, span, block, fields))

    # ---- one sentence ------------------------------------------------------
    def _tells_nothing(self, sent: Span) -> bool:
        """A sentence that tells no happening of the case, whatever dates it holds: the reviewer's
        judgement, what a document contained, the review's purpose, method or contents, a request
        to the reader ("Read the overview report"), or the writer's own voice ("I have worked in
        children's services since 2008", "We commissioned this review")."""
        text = sent.text.strip()
        return (
            len(re.findall(r"[A-Za-z]{2,}", text)) < 3
            or is_evaluative(text)
            or describes_document(sent)
            or is_purpose_item(text)
            or is_inline_contents(text)
            or is_review_method(text)
            or addresses_the_reader(sent)
            or told_by_the_writer(sent)
        )

    def _sentence_event(self, sent: Span, block: Block, para_anchor: Event | None) -> Event | None:
        if self._tells_nothing(sent):
            return None
        happening = names_happening(sent) if main_verb(sent) is None else None
        if main_verb(sent) is None and happening is None:
            return None
        dated = self.dates.date_of(sent)
        if happening is not None and (
            dated is None
            or dated.candidate.kind not in ABSOLUTE_KINDS
            or "\n" in self.report.text[min(happening.idx, dated.start) : max(happening.idx, dated.start)]
        ):
            # a headline event ("Death of a 16-year-old girl in May 2011.") needs its own date, on its own line
            return None
        self.narrative.moved = False
        if dated is not None and dates_no_happening(dated, sent):
            return None
        if block.title and (dated is None or not dates_happening(dated, sent)):
            return None  # a title's date is the case's only under a happening it names ("a burn ... in 2019")
        event_id = len(self.events) + 1
        if dated is not None:
            fields = self.narrative.narrate(dated, sent, block, event_id, para_anchor, happening)
        elif not may_inherit(sent):
            return None
        else:
            inherited = self.narrative.inherit(sent, block, event_id, para_anchor, self.finder)
            if inherited is None:
                return None
            fields = inherited
        event = self._make_event(event_id, sent, block, fields)
        if dated is not None and completed_by(sent, dated):
            self.narrative.since_last_seen(event, self.events)
        return event

    def _make_event(self, event_id: int, span: Span, block: Block, fields: DateFields) -> Event:
        return self._event_with_roles(event_id, span, block, fields)[0]

    def _event_with_roles(
        self, event_id: int, span: Span, block: Block, fields: DateFields, extra_agencies: Sequence[str] = ()
    ) -> tuple[Event, Roles]:
        """The event of `span` and the roles its parse gave (a table row reads them for its agency)."""
        mentions = sentence_mentions(span, self.finder)
        roles = analyse(span, mentions, self.finder, self.subject_children)
        actors = list(roles.actors)
        if roles.subject_pronoun:
            antecedent = self.discourse.antecedent(roles.subject_pronoun, self.events, block.start, set(actors), span)
            if antecedent is not None:
                actors = unique([antecedent, *actors])
        actors = self.discourse.actors(roles, actors, event_id)
        verb = main_verb(span)
        implied = implied_actors(span, verb_lemma(verb) if verb is not None else None)
        if implied:  # "ES was made the subject of a Care Order": the court acts, ES is acted upon
            actors = unique([*implied, *(a for a in actors if a != roles.patient)])
        people = {m.label for m in mentions.values() if m.kind == "generic"}
        if roles.meeting:
            people.add(roles.meeting)
        if self.discourse.meeting:
            people.add(self.discourse.meeting)
        named = [a for a in actors if a[:1].isupper() and a not in self.codes and a not in people]
        agencies = unique([*agencies_in(span.text, span.start_char, self.finder), *extra_agencies, *named])
        start, end = _strip(span)
        event = Event(
            id=event_id,
            sentence=self.report.text[start:end],
            start=start,
            end=end,
            actors=actors,
            action=roles.action,
            object=roles.object,
            agencies=agencies,
            kpe=block.kpe,
            section=section_label(block.section or (section_chain(self.report, start) or [None])[0]),
            **fields.as_fields(),
        )
        return event, roles

    # ---- tables ----------------------------------------------------------------
    def _table_row(self, block: Block) -> None:
        """One event per "Date ⇥ Agency ⇥ Event" row (tables.py)."""
        row = read_row(self.report.text[block.start : block.end], block.start)
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
                res,
                self.report.text[s:e],
                s,
                e,
                relative=res.relative,
                anchor=self.resolver.anchor.event_id if res.relative and self.resolver.anchor is not None else None,
            )
            if self.resolver.moves_anchor(cand.kind):
                self.resolver.set_anchor(res, event_id, cand.kind)
        elif self.resolver.anchor is not None:
            anchor = self.resolver.anchor
            fields = DateFields.inherit(
                anchor.date,
                anchor.date_end,
                anchor.precision,
                config()["confidence"]["inherited_paragraph"],
                anchor=anchor.event_id,
            )
        else:
            return
        extra = row_agencies(row, self.finder)
        event, roles = self._event_with_roles(event_id, span, block, fields, extra_agencies=extra)
        event.actors = row_actors(roles, event.actors, extra)
        event.source = "table_row"
        self.events.append(event)
        self.narrative.break_off()  # a row dates itself only


def _tells_again(event: Event, vital: Event) -> bool:
    """`event` tells the cover's birth or death `vital` again: the same day, or the same
    action (any, for an incident) over a period (its month, or its year when approximate)
    holding that day.  A
    month is no day: "Died February 2016" on the cover stays beside "The review was
    commissioned ... in February 2016", another happening of that month."""
    if event.date is None or vital.date is None:
        return False
    if event.date == vital.date and "day" == event.precision == vital.precision:
        return True
    if vital.action is not None and event.action != vital.action:
        return False  # an incident the cover names no verb for is any happening of its period
    if event.precision == "month":
        return (event.date.year, event.date.month) == (vital.date.year, vital.date.month)
    return event.precision == "approx" and event.date.year == vital.date.year


def _strip(span: Span) -> tuple[int, int]:
    """The span's character offsets without its leading and trailing white space."""
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

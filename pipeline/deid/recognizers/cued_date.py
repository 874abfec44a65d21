"""Cued-date recognizers: a full date plus a cue next to it (date of birth, date of death).

A plain date recognizer with "born" as a Presidio context word would still
report every event date (the boost only raises a score), and a review is full
of event dates that must stay.  So the cue is a condition here, not a boost:
a date is reported only when

* a cue ("born", "DOB", "date of birth", "(b."; "died", "date of death")
  ends a few words before it in the same sentence, with nothing between that
  starts a new clause ("born in Poland and moved to the UK on 5 June 2010");
* or a label follows it ("14/03/2016 (DOB)");
* or the event itself follows it a few words later in the same clause ("On
  3rd May 2021 Jade gave birth to Child K", "on 19 April 2019 Child X died"),
  with no word between that makes the date that of something else ("On 2 July
  the midwife was told that the baby had been born");
* or it sits in a table column whose header is a cue (a family table with a
  "DOB" column), or in a row whose first cell is one ("| DOB | ... |");
* or it is bracketed after a person in a record's field of people ("Child(ren): KISS, Anna (02/01/2024)":
  `person_fields`);
* or it names the same day as a date reported by one of the rules here, in any format (`recurring_values`: "DOB
  09/01/2012" ... "RE: <name> 9.1.2012");
* or it follows a reported date as another version of it ("recorded as
  03/10/2009 by the school and as 10/03/2009 by the police": `coordinated_gap`; "3 April 1991 on one
  record, 04/03/1991 on another": `parallel_gap`).

One class serves every such type; the cues are data (`models/recognizers/
date_of_birth.yaml`, `date_of_death.yaml`).  A file may take its date shapes
from another with `dates_from:` so that both types read dates alike.
"""

from __future__ import annotations

import regex
from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult

from .base import register
from .config import RecognizerSpec, load_spec
from .month_words import calendar_value
from .tables import column_header, row_label

_WINDOW = 120  # characters looked at before a date for a cue
_AFTER = 40  # characters looked at after a date for a label
_SENTENCE_END = regex.compile(r"[.!?;]\s")
_WORD = regex.compile(r"[^\W_]+(?:['’][^\W_]+)?")
# a chronology entry's date starts its line, perhaps after the row's own number cell ("| 1 | 09/11/2019 |")
_ROW_START = regex.compile(r"\s*(?:[-*•|]\s*)?(?:\d{1,4}\.?\s*[|\t]\s*)?(?:\*\*)?")
_LIST_SEPARATOR = regex.compile(r"[,;]|\band\b|&")  # between the items of a list
_MONTH_FIRST = frozenset({"numeric_mdy", "month_day_year"})  # date shapes whose first number is the month
_LAST_DATES: dict = {}  # the date matches of the last text analysed (see CuedDateRecognizer._dates)


def _alternation(patterns: list[str], flags: int) -> regex.Pattern | None:
    """One regex matching any of the cue patterns (None for an empty list)."""
    return regex.compile("|".join(f"(?:{c})" for c in patterns), flags) if patterns else None


# "and" inside a capitalised name ("Hull Women and Children's Hospital") joins the name's words, not two clauses: it is
# no gap breaker between a cue and its date ("born at Hull Women and Children's Hospital on ...")
_NAME_AND = regex.compile(r"(?<=\b\p{Lu}[\p{L}'’]*)\s+(?:and|&)\s+(?=\p{Lu})")


@register("cued_date")
@register("date_of_birth")
class CuedDateRecognizer(EntityRecognizer):
    """Full dates that a cue introduces, labels or is followed by (birth, death)."""

    name: str  # set by EntityRecognizer.__init__

    def __init__(self, spec: RecognizerSpec):
        self.spec = spec
        flags = spec.regex_flags
        patterns = load_spec(spec.options["dates_from"]).patterns if "dates_from" in spec.options else spec.patterns
        self.date_patterns = [(p, regex.compile(p.regex, flags)) for p in patterns]
        self._shapes_key = (flags, tuple(p.regex for p in patterns))
        cues_before = _alternation(spec.options["cues_before"], flags)
        if cues_before is None:
            raise ValueError(f"{spec.source}: a cued date needs cues_before")
        self.cues_before: regex.Pattern = cues_before
        self.cues_after = _alternation(spec.options.get("cues_after", []), flags)
        self.events_after = _alternation(spec.options.get("events_after", []), flags)
        self.events_next_sentence = _alternation(spec.options.get("events_next_sentence", []), flags)
        self.next_sentence_breakers = {w.lower() for w in spec.options.get("next_sentence_breakers", [])}
        self.max_gap_words = int(spec.options.get("max_gap_words", 6))
        self.max_gap_words_after = int(spec.options.get("max_gap_words_after", self.max_gap_words))
        self.gap_breakers = {w.lower() for w in spec.options.get("gap_breakers", [])}
        self.gap_breakers_after = self.gap_breakers | {w.lower() for w in spec.options.get("gap_breakers_after", [])}
        self.row_events = _alternation(spec.options.get("row_events", []), flags)
        self.max_gap_words_row = int(spec.options.get("max_gap_words_row", 6))
        self.range_before = _alternation(spec.options.get("range_before", []), flags)
        self.range_after = _alternation(spec.options.get("range_after", []), flags)
        self.coordinated_gap = _alternation(spec.options.get("coordinated_gap", []), flags)
        parallel = spec.options.get("parallel_gap")
        self.parallel_gap = regex.compile(parallel, flags) if parallel else None
        self.person_fields = _alternation(spec.options.get("person_fields", []), flags)
        self.max_list_item_words = int(spec.options.get("max_list_item_words", 0))
        self.recurring_values = bool(spec.options.get("recurring_values", False))
        self.recurring_score = float(spec.options.get("recurring_score", 0.85))
        name = spec.entity.title().replace("_", "") + "Recognizer"
        super().__init__(supported_entities=[spec.entity], name=name, context=list(spec.context))

    @classmethod
    def from_spec(cls, spec: RecognizerSpec) -> CuedDateRecognizer:
        """Build the recognizer its data file describes."""
        return cls(spec)

    def load(self) -> None:
        """Nothing to load: patterns are compiled in the constructor."""

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None) -> list[RecognizerResult]:
        """Find every full date, keep those with a cue."""
        dates = self._dates(text)
        results: list[RecognizerResult] = []
        previous_end = 0
        for i, (start, end, pattern) in enumerate(dates):
            if start < previous_end:  # overlapping date shapes: keep the first, longest
                continue
            next_start = next((s for s, _, _ in dates[i + 1 :] if s >= end), len(text))
            if self._in_range(text, start, end):
                previous_end = end
                continue
            if (
                self._cued_before(text, max(previous_end, start - _WINDOW), start)
                or self._labelled_after(text, end)
                or self._event_after(text, end, next_start)
                or self._event_next_sentence(text, end, next_start)
                or self._in_birth_column(text, start)
                or self._row_event(text, start, end)
                or self._coordinated(text, results, start)
                or self._parallel(text, results, start, end)
                or self._in_person_field(text, start, end)
                or self._in_cued_list(text, start)
            ):
                results.append(self._result(start, end, pattern))
            previous_end = end
        return self._with_recurrences(text, dates, results) if self.recurring_values else results

    def _with_recurrences(self, text: str, dates: list, results: list[RecognizerResult]) -> list[RecognizerResult]:
        """The results, and every other full date naming the same day as one of them, in any format: a date the
        document gives once as a date of birth ("DOB 09/01/2012") is that person's date of birth where a subject
        line, a log or a second record writes it without a cue ("RE: <name> 9.1.2012", "<NAME> (14/03/1986)").
        Only dates with a year count, so a day and month alone never recur."""
        values = {self._value(text, r.start, r.end, r.analysis_explanation) for r in results}
        values.discard(None)
        if not values:
            return results
        taken = [(r.start, r.end) for r in results]
        extra: list[RecognizerResult] = []
        previous_end = 0
        for start, end, pattern in dates:
            if start < previous_end or any(s < end and start < e for s, e in taken):
                continue
            previous_end = end
            if calendar_value(text[start:end], pattern.name in _MONTH_FIRST) in values:
                extra.append(self._result(start, end, pattern, self.recurring_score))
        return sorted(results + extra, key=lambda r: r.start) if extra else results

    @staticmethod
    def _value(text: str, start: int, end: int, explanation) -> tuple[int, int, int] | None:
        name = explanation.pattern_name if explanation is not None else None
        return calendar_value(text[start:end], name in _MONTH_FIRST)

    def _dates(self, text: str) -> list[tuple[int, int, object]]:
        """All date matches, in text order, longest first at equal starts.

        Dates of birth and of death read the same shapes (`dates_from`), so the
        last text's matches are kept and shared between the two recognizers.
        """
        key = (hash(text), len(text), self._shapes_key)
        if _LAST_DATES.get("key") != key:
            found = [(m.start(), m.end(), p) for p, rx in self.date_patterns for m in rx.finditer(text)]
            _LAST_DATES.update(key=key, dates=sorted(found, key=lambda d: (d[0], -(d[1] - d[0]))))
        return _LAST_DATES["dates"]

    def _cued_before(self, text: str, window_start: int, date_start: int) -> bool:
        """True if a cue ends shortly before the date with nothing clause-breaking between."""
        window = text[window_start:date_start]
        for cue in reversed(list(self.cues_before.finditer(window))):
            gap = window[cue.end() :]
            if _SENTENCE_END.search(gap):
                return False
            words = [w.lower() for w in _WORD.findall(_NAME_AND.sub(" ", gap))]
            if words and ("|" in gap or "\t" in gap):  # the cue is in another table cell's text
                return False
            if "\n" in gap and self._is_table_row(self._line_at(text, date_start)):
                return False  # the cue is in an earlier row of the table
            if len(words) <= self.max_gap_words and not self.gap_breakers.intersection(words):
                return True
        return False

    def _coordinated(self, text: str, results: list[RecognizerResult], date_start: int) -> bool:
        """True if the date follows the last reported one as another version of it:
        "as 03/10/2009 by the school and as 10/03/2009 by the police", "DOB 1/2/2003 or 2/1/2003"."""
        if self.coordinated_gap is None or not results:
            return False
        gap = text[results[-1].end : date_start]
        return len(gap) <= _AFTER and bool(self.coordinated_gap.fullmatch(gap))

    def _parallel(self, text: str, results: list[RecognizerResult], date_start: int, date_end: int) -> bool:
        """True if the date and the last reported one each name their source in the same words: "3 April 1991 on
        one record, 04/03/1991 on another" (the parallel makes the second another version of the first)."""
        if self.parallel_gap is None or not results:
            return False
        gap = self.parallel_gap.fullmatch(text[results[-1].end : date_start])
        if gap is None:
            return False
        return (
            regex.match(
                rf"\s+{regex.escape(gap.group('prep'))}\b", text[date_end : date_end + 20], self.parallel_gap.flags
            )
            is not None
        )

    def _in_range(self, text: str, date_start: int, date_end: int) -> bool:
        """True if the date bounds a period ("children who died between 1 April 2019 and 31 March 2020")."""
        before = self.range_before is not None and self.range_before.search(text[max(0, date_start - 20) : date_start])
        after = self.range_after is not None and self.range_after.match(text[date_end : date_end + 20])
        return bool(before or after)

    def _labelled_after(self, text: str, date_end: int) -> bool:
        """True if a label follows the date: "14/03/2016 (DOB)"."""
        return self.cues_after is not None and bool(self.cues_after.match(text[date_end : date_end + _AFTER]))

    def _event_after(self, text: str, date_end: int, next_date: int) -> bool:
        """True if the event follows the date in the same clause: "On 3 May 2021 Jade gave birth".

        Only the first event cue counts; the words between must be few, hold no
        sentence end, no table cell break and none of `gap_breakers_after`
        ("told", "that": the date is then when someone learnt of the event);
        an event right before the next date ("died on 14 March") is that date's.
        """
        if self.events_after is None:
            return False
        window = text[date_end : min(date_end + _WINDOW, next_date)]  # the event of a later date is not this one's
        event = self.events_after.search(window)
        if event is None:
            return False
        gap = window[: event.start()]
        if _SENTENCE_END.search(gap) or "|" in gap or "\t" in gap:
            return False
        if next_date < len(text) and len(_WORD.findall(text[date_end + event.end() : next_date])) <= 2:
            return False  # "born 3 May 2015, died 14 March 2019": the event belongs to the next date
        words = [w.lower() for w in _WORD.findall(gap)]
        return len(words) <= self.max_gap_words_after and not self.gap_breakers_after.intersection(words)

    def _event_next_sentence(self, text: str, date_end: int, next_date: int) -> bool:
        """True if the sentence after the date's own tells the event, with no date of its own: "On 4 May
        2012 Child X was rushed to hospital. Resuscitation failed and he died there that
        night." (`events_next_sentence`).  The two sentences are one paragraph, and no word of
        the second (`next_sentence_breakers`: "later", "weeks") moves the event to another day."""
        if self.events_next_sentence is None or not self._opens_sentence(text, date_end):
            return False
        window = text[date_end : min(next_date, date_end + 3 * _WINDOW)]
        first = _SENTENCE_END.search(window)
        if first is None or "\n" in window[: first.end()]:
            return False
        rest = window[first.end() :]
        second = _SENTENCE_END.search(rest)
        sentence = rest[: second.start() + 1] if second else None
        if sentence is None or "\n" in sentence:
            return False  # the second sentence ends after the next date or in another paragraph
        event = self.events_next_sentence.search(sentence)
        words = {w.lower() for w in _WORD.findall(sentence)}
        return event is not None and not self.next_sentence_breakers.intersection(words)

    @staticmethod
    def _opens_sentence(text: str, date_end: int, max_words_before: int = 3) -> bool:
        """Does the date open its sentence ("On 19 November 2009, …", "In the early hours of 3 May 2015")?  A date
        told in passing ("the panel, which met on 19 March.") dates something else than the next sentence."""
        line_start = text.rfind("\n", 0, date_end) + 1
        head = text[line_start:date_end]
        ends = list(_SENTENCE_END.finditer(head))
        sentence = head[ends[-1].end() :] if ends else head
        return len(_WORD.findall(sentence)) <= max_words_before + 3  # the date's own words: day, month, year

    def _row_event(self, text: str, date_start: int, date_end: int) -> bool:
        """True if the date opens a chronology entry whose first clause is the event:
        "17/06/2015 | Maternity | Tiernan born at 37 weeks", "- 03.01.2022 – Hospital: Summer born".

        The date must start its line (after a bullet or a table bar); the event
        (`row_events`) must come within `max_gap_words_row` words, before any
        sentence end and without a gap breaker.
        """
        if self.row_events is None:
            return False
        line_start = text.rfind("\n", 0, date_start) + 1
        if not _ROW_START.fullmatch(text[line_start:date_start]):
            return False
        line_end = text.find("\n", date_end)
        window = text[date_end : line_end if line_end >= 0 else len(text)][:_WINDOW]
        event = self.row_events.search(window)
        if event is None:
            return False
        before = window[: event.start()]
        # in a table row the setting and staff cells stand between: the birth opens the clause of its own cell
        # ("| 14/02/2025 | Delivery suite | Midwife A. Byrne | Ayla born by normal delivery |")
        clause = before[max(before.rfind("|"), before.rfind("\t")) + 1 :]
        if _SENTENCE_END.search(clause):
            return False
        words = [w.lower() for w in _WORD.findall(clause)]
        return len(words) <= self.max_gap_words_row and not self.gap_breakers_after.intersection(
            w.lower() for w in _WORD.findall(before)
        )

    def _in_person_field(self, text: str, date_start: int, date_end: int) -> bool:
        """True if the date is bracketed after a person in a record's field of people ("**Child(ren):** KISS, Anna
        (02/01/2024); KISS, Ben (17/06/2017)"): a record lists each child with the date that identifies them, so
        the field's label is the cue.  A date bracketed after a name in running text is not ("(Child K, 2021)")."""
        if (
            self.person_fields is None
            or text[date_start - 1 : date_start] != "("
            or text[date_end : date_end + 1] != ")"
        ):
            return False
        line_start = text.rfind("\n", 0, date_start) + 1
        return bool(self.person_fields.search(text[line_start : date_start - 1][-_WINDOW:]))

    def _in_cued_list(self, text: str, date_start: int) -> bool:
        """True if the date is an item of a list that a cue opens before a colon in the same sentence: "the dates of
        birth were taken from their cards: <name> 2 May 1979, <name> 1983-10-19".  The cue says what every date of
        the list is, however far the colon moves it from the dates; each date's own item (the words since the last
        comma, semicolon or "and") names only whose it is: a few words, none that starts another clause."""
        if not self.max_list_item_words:
            return False
        head = text[max(0, date_start - 2 * _WINDOW) : date_start]
        colon = head.rfind(":")
        if colon < 0:
            return False
        opening = head[:colon]
        ends = list(_SENTENCE_END.finditer(opening))
        opening = opening[ends[-1].end() :] if ends else opening
        # the clause the colon closes: from the last paragraph break, cell bar or earlier colon (a record's fields on
        # the lines above, "DOB: ... | School: ...", are no cue of this colon's list)
        opening = opening[max(opening.rfind("\n\n"), opening.rfind("|"), opening.rfind(":")) + 1 :]
        items = head[colon + 1 :]
        if _SENTENCE_END.search(items) or "\n\n" in items or "|" in items or not self.cues_before.search(opening):
            return False
        words = [w.lower() for w in _WORD.findall(_LIST_SEPARATOR.split(items)[-1])]
        return len(words) <= self.max_list_item_words and not self.gap_breakers.intersection(words)

    def _in_birth_column(self, text: str, date_start: int) -> bool:
        """True if the date is in a table column headed by a birth cue, or in a row whose label cell is one ("| DOB
        | 09/07/2009 | 2009-07-09 |": a record that lists its fields down the side; see `tables`)."""
        header = column_header(text, date_start)
        if header is None:
            return False
        label = row_label(text, date_start)
        return bool(self.cues_before.search(header)) or (label is not None and bool(self.cues_before.search(label)))

    @staticmethod
    def _line_at(text: str, offset: int) -> str:
        start = text.rfind("\n", 0, offset) + 1
        end = text.find("\n", offset)
        return text[start : end if end >= 0 else len(text)]

    @staticmethod
    def _is_table_row(line: str) -> bool:
        return "|" in line or "\t" in line

    def _result(self, start: int, end: int, pattern, score: float | None = None) -> RecognizerResult:
        score = pattern.score if score is None else score
        explanation = AnalysisExplanation(
            recognizer=self.name,
            original_score=score,
            pattern_name=pattern.name,
            textual_explanation=f"date ({pattern.name}) with a {self.spec.entity.lower().replace('_', ' ')} cue",
        )
        return RecognizerResult(
            entity_type=self.spec.entity,
            start=start,
            end=end,
            score=score,
            analysis_explanation=explanation,
            recognition_metadata={
                RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
            },
        )

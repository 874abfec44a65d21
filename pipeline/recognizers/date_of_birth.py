"""Date-of-birth recognizer: a full date plus a birth cue next to it.

A plain date recognizer with "born" as a Presidio context word would still
report every event date (the boost only raises a score), and a review is full
of event dates that must stay.  So the cue is a condition here, not a boost:
a date is reported only when a cue ("born", "DOB", "date of birth", "(b.")
ends a few words before it in the same sentence, with nothing between that
starts a new clause ("born in Poland and moved to the UK on 5 June 2010"), or
when a label follows it ("14/03/2016 (DOB)"), or when it sits in a table
column whose header is a birth cue (a family table with a "DOB" column).
"""
from __future__ import annotations

from typing import List

import regex
from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult

from .base import register
from .config import RecognizerSpec

_WINDOW = 120  # characters looked at before a date for a cue
_AFTER = 40  # characters looked at after a date for a label
_SENTENCE_END = regex.compile(r"[.!?;]\s")
_WORD = regex.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_CELL_SPLIT = regex.compile(r"\s*(?:\||\t)\s*")
_RULE_ROW = regex.compile(r"^[\s|:+\-=]*$")  # markdown |---|---| separator


@register("date_of_birth")
class DateOfBirthRecognizer(EntityRecognizer):
    """Full dates that a birth cue introduces or labels."""

    def __init__(self, spec: RecognizerSpec):
        self.spec = spec
        flags = spec.regex_flags
        self.date_patterns = [(p, regex.compile(p.regex, flags)) for p in spec.patterns]
        self.cues_before = regex.compile("|".join(f"(?:{c})" for c in spec.options["cues_before"]), flags)
        self.cues_after = regex.compile("|".join(f"(?:{c})" for c in spec.options["cues_after"]), flags)
        self.max_gap_words = int(spec.options.get("max_gap_words", 6))
        self.gap_breakers = {w.lower() for w in spec.options.get("gap_breakers", [])}
        super().__init__(supported_entities=[spec.entity], name="DateOfBirthRecognizer", context=list(spec.context))

    @classmethod
    def from_spec(cls, spec: RecognizerSpec) -> "DateOfBirthRecognizer":
        """Build the recognizer its data file describes."""
        return cls(spec)

    def load(self) -> None:
        """Nothing to load: patterns are compiled in the constructor."""

    def analyze(self, text: str, entities: List[str], nlp_artifacts=None) -> List[RecognizerResult]:
        """Find every full date, keep those with a birth cue."""
        dates = self._dates(text)
        results = []
        previous_end = 0
        for start, end, pattern in dates:
            if start < previous_end:  # overlapping date shapes: keep the first, longest
                continue
            if (
                self._cued_before(text, max(previous_end, start - _WINDOW), start)
                or self._labelled_after(text, end)
                or self._in_birth_column(text, start)
            ):
                results.append(self._result(start, end, pattern))
            previous_end = end
        return results

    def _dates(self, text: str) -> list[tuple[int, int, object]]:
        """All date matches, in text order, longest first at equal starts."""
        found = [(m.start(), m.end(), p) for p, rx in self.date_patterns for m in rx.finditer(text)]
        return sorted(found, key=lambda d: (d[0], -(d[1] - d[0])))

    def _cued_before(self, text: str, window_start: int, date_start: int) -> bool:
        """True if a cue ends shortly before the date with nothing clause-breaking between."""
        window = text[window_start:date_start]
        for cue in reversed(list(self.cues_before.finditer(window))):
            gap = window[cue.end():]
            if _SENTENCE_END.search(gap):
                return False
            words = [w.lower() for w in _WORD.findall(gap)]
            if words and ("|" in gap or "\t" in gap):  # the cue is in another table cell's text
                return False
            if len(words) <= self.max_gap_words and not self.gap_breakers.intersection(words):
                return True
        return False

    def _labelled_after(self, text: str, date_end: int) -> bool:
        """True if a DOB label follows the date: "14/03/2016 (DOB)"."""
        return bool(self.cues_after.match(text[date_end:date_end + _AFTER]))

    def _in_birth_column(self, text: str, date_start: int) -> bool:
        """True if the date is in a table column headed by a birth cue.

        A table is a run of lines holding "|" or tabs; its first line is the
        header.  The date's cell index must be that of a header cell with a cue.
        """
        line_start = text.rfind("\n", 0, date_start) + 1
        line_end = text.find("\n", date_start)
        if not self._is_table_row(text[line_start:line_end if line_end >= 0 else len(text)]):
            return False
        column = len(_CELL_SPLIT.findall(text[line_start:date_start].lstrip().lstrip("|")))
        header = None
        end = line_start - 1
        while end > 0:
            start = text.rfind("\n", 0, end) + 1
            line = text[start:end]
            if not self._is_table_row(line):
                break
            if not _RULE_ROW.match(line):
                header = line
            end = start - 1
        if header is None:
            return False
        cells = _CELL_SPLIT.split(header.strip().strip("|").strip())
        return column < len(cells) and bool(self.cues_before.search(cells[column]))

    @staticmethod
    def _is_table_row(line: str) -> bool:
        return "|" in line or "\t" in line

    def _result(self, start: int, end: int, pattern) -> RecognizerResult:
        explanation = AnalysisExplanation(
            recognizer=self.name,
            original_score=pattern.score,
            pattern_name=pattern.name,
            textual_explanation=f"date ({pattern.name}) with a birth cue",
        )
        return RecognizerResult(
            entity_type=self.spec.entity,
            start=start,
            end=end,
            score=pattern.score,
            analysis_explanation=explanation,
            recognition_metadata={
                RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
            },
        )

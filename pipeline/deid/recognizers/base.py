"""The generic recognizer built from a data file, and the name registry.

Most identifier types are fully described by their YAML file (patterns, context
words, exclusions): `ConfiguredPatternRecognizer` is a Presidio
`PatternRecognizer` made from it.  Types that need validation (a checksum, a
phone-number library, a date-of-birth cue) subclass it or `EntityRecognizer`
and register themselves under the name their file gives in `recognizer:`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import regex
from presidio_analyzer import EntityRecognizer, Pattern, PatternRecognizer, RecognizerResult

from .anchored import AnchoredRegex, UntimedRegex
from .config import RecognizerSpec, engine_config
from .tables import column_header, row_label

RECOGNIZER_CLASSES: dict[str, type[Any]] = {}  # EntityRecognizer subclasses with a `from_spec` constructor


R = TypeVar("R", bound=type[EntityRecognizer])


def register(name: str) -> Callable[[R], R]:
    """Class decorator: make a recognizer class available to data files by name."""

    def decorate(cls: R) -> R:
        RECOGNIZER_CLASSES[name] = cls
        return cls

    return decorate


def pattern_name(result: RecognizerResult) -> str | None:
    """The name of the file's pattern that found a result (Presidio keeps it in the result's explanation)."""
    explanation = result.analysis_explanation
    return explanation.pattern_name if explanation is not None else None


def build_recognizer(spec: RecognizerSpec) -> EntityRecognizer:
    """Instantiate the class a spec names."""
    try:
        cls = RECOGNIZER_CLASSES[spec.recognizer]
    except KeyError:
        raise KeyError(f"{spec.source}: unknown recognizer '{spec.recognizer}'") from None
    return cls.from_spec(spec)


def _anchor_ignores_case(pattern: str, anchor: str, flags: int) -> bool:
    """Whether a pattern matches its anchor words in any case: the file's flag, a global `(?i)`, or a scoped
    `(?i:` opened before the anchor (one after it cannot reach it)."""
    at = pattern.find(anchor)
    return bool(flags & regex.IGNORECASE) or "(?i)" in pattern or at < 0 or "(?i" in pattern[:at]


@register("pattern")
class ConfiguredPatternRecognizer(PatternRecognizer):
    """A Presidio PatternRecognizer whose patterns and context come from a data file.

    `exclude` (optional, in the file) lists regexes: a match whose whole text
    matches one of them is dropped (e.g. a "case reference" that is a date).
    """

    def __init__(self, spec: RecognizerSpec):
        self.spec = spec
        self._exclude = [regex.compile(p) for p in spec.options.get("exclude", [])]
        # `column_context: true`: a table column headed by a context word counts as context
        self._column_context = (
            regex.compile(rf"(?i)\b(?:{'|'.join(regex.escape(w) for w in spec.context)})\b")
            if spec.options.get("column_context") and spec.context
            else None
        )
        # `row_label`: a regex; a table row whose first cell it finds ("| Father's "Green Book" no. | ... |") lifts
        # every match in the row's other cells, as a column header does for its column
        self._row_label = regex.compile(spec.options["row_label"]) if spec.options.get("row_label") else None
        patterns = [Pattern(p.name, p.regex, p.score) for p in spec.patterns]
        reach = str(engine_config()["anchor_reach"])
        for pattern, pattern_spec in zip(patterns, spec.patterns, strict=True):
            compiled = regex.compile(pattern.regex, flags=spec.regex_flags)
            # Presidio runs the compiled regex it keeps while the flags are those it was made with; its
            # stub types both attributes as None (set on first use)
            if pattern_spec.anchor is not None:
                ignore_case = _anchor_ignores_case(pattern.regex, pattern_spec.anchor, spec.regex_flags)
                pattern.compiled_regex = AnchoredRegex(compiled, pattern_spec.anchor, reach, ignore_case)  # type: ignore[assignment]
            else:
                pattern.compiled_regex = UntimedRegex(compiled)  # type: ignore[assignment]
            pattern.compiled_with_flags = spec.regex_flags  # type: ignore[assignment]
        super().__init__(
            supported_entity=spec.entity,
            name=f"{spec.entity.title().replace('_', '')}Recognizer",
            patterns=patterns,
            context=list(spec.context),
            global_regex_flags=spec.regex_flags,
        )

    @classmethod
    def from_spec(cls, spec: RecognizerSpec) -> ConfiguredPatternRecognizer:
        """Build the recognizer a data file describes."""
        return cls(spec)

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        """Presidio's matches, lifted where the column's header names the type (`column_context`)."""
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        if self._column_context is not None:
            for result in results:
                self._lift_by_column(text, result, self._column_context)
        if self._row_label is not None:
            for result in results:
                self._lift_by_row(text, result, self._row_label)
        return results

    @staticmethod
    def _lift_by_row(text: str, result, label: regex.Pattern) -> None:
        """A cell in a row whose first cell is a label ("| Hospital no. | – | WP4471902 |") gets the context lift:
        a record laid out as fields down the side says once, on the left, what the row's cells hold."""
        cell = row_label(text, result.start)
        if cell is None or not label.search(cell):
            return
        result.score = min(1.0, result.score + engine_config()["context"]["similarity_factor"])
        result.recognition_metadata[RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY] = True

    @staticmethod
    def _lift_by_column(text: str, result, context: regex.Pattern) -> None:
        """A cell under a header holding a context word ("| NHS number |") gets the context
        lift the word would give beside it: a table states what its column is once, at the top."""
        header = column_header(text, result.start)
        if header is None or not context.search(header):
            return
        result.score = min(1.0, result.score + engine_config()["context"]["similarity_factor"])
        result.recognition_metadata[RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY] = True

    def invalidate_result(self, pattern_text: str) -> bool | None:
        """Drop matches that one of the file's `exclude` patterns describes."""
        if any(p.fullmatch(pattern_text) for p in self._exclude):
            return True
        return None

"""Address recognizer: a street named alone is not one the draft's own addresses give as their locality.

A street named without a number ("lived in Hazel Grove") is reported only with a residence word near it, and
that is all the pattern can see.  But a name that a full address of the same text writes after its street,
as the district or town ("41 Torkington Road, Hazel Grove, Stockport"), is a place there, and a place stays
in a review like a town: the draft itself says what the name is.  So a result of a `locality_only_patterns`
pattern (data, in `address.yaml`) whose text is a locality of one of the text's full addresses is dropped.
"""

from __future__ import annotations

import re

from .base import ConfiguredPatternRecognizer, pattern_name, register
from .config import RecognizerSpec

_PART_SPLIT = re.compile(r",\s*")


@register("address")
class AddressRecognizer(ConfiguredPatternRecognizer):
    """The file's address patterns, less streets-without-number that the text's own addresses call a locality."""

    def __init__(self, spec: RecognizerSpec):
        super().__init__(spec)
        self._unnumbered = frozenset(spec.options.get("locality_only_patterns", []))

    @classmethod
    def from_spec(cls, spec: RecognizerSpec) -> AddressRecognizer:
        """Build the recognizer a data file describes."""
        return cls(spec)

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        """Every match, less a street named alone that a full address of the text gives as its locality."""
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        if not self._unnumbered:
            return results
        full = [r for r in results if pattern_name(r) not in self._unnumbered]
        localities = {part for r in full for part in _PART_SPLIT.split(text[r.start : r.end])[1:]}
        return [
            r for r in results if pattern_name(r) not in self._unnumbered or text[r.start : r.end] not in localities
        ]

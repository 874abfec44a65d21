"""Phone recognizer: regex candidates checked with python-phonenumbers.

Presidio's stock PhoneRecognizer runs phonenumbers' matcher over the whole text
for eight regions, which is slow and finds dates and references; here a
UK-shaped regex (and one for numbers with another country's calling code)
proposes candidates and the library only checks each one.
"""

from __future__ import annotations

from functools import lru_cache

import phonenumbers
import regex
from presidio_analyzer import RecognizerResult

from .base import ConfiguredPatternRecognizer, pattern_name, register
from .tables import row_label


@register("phone")
class UkPhoneRecognizer(ConfiguredPatternRecognizer):
    """Keep a candidate if it is a possible GB number with an allowed national prefix,
    or another country's number that its numbering plan accepts (`international`)."""

    def __init__(self, spec):
        super().__init__(spec)
        self.region = spec.options.get("region", "GB")
        self.prefixes = tuple(str(p) for p in spec.options.get("national_prefixes", ["1", "2", "3", "7"]))
        self.valid_score = float(spec.options.get("valid_score", 0.75))
        self.international = str(spec.options.get("international", "none"))
        other_rows, phone_rows = spec.options.get("other_number_rows"), spec.options.get("phone_rows")
        self.other_number_rows = regex.compile(other_rows) if other_rows else None
        self.phone_rows = regex.compile(phone_rows) if phone_rows else None
        self.abroad_patterns = frozenset(spec.options.get("abroad_patterns", ()))

    def phone_score(self, candidate: str, base: float) -> float:
        """0 if not a plausible UK number; `valid_score` if the numbering plan knows it."""
        try:
            number = phonenumbers.parse(candidate.replace("(0)", ""), self.region)
        except phonenumbers.NumberParseException:
            return 0.0
        if number.country_code != 44:
            return self._international_score(number, base)
        national = str(number.national_number)
        if not national.startswith(self.prefixes):
            return 0.0
        if not phonenumbers.is_possible_number(number):
            return 0.0
        return max(base, self.valid_score) if phonenumbers.is_valid_number(number) else base

    def _international_score(self, number: phonenumbers.PhoneNumber, base: float) -> float:
        """Another country's number: kept as the `international` option says (valid / possible / none)."""
        if self.international == "valid":
            return max(base, self.valid_score) if phonenumbers.is_valid_number(number) else 0.0
        if self.international == "possible" and phonenumbers.is_possible_number(number):
            return max(base, self.valid_score) if phonenumbers.is_valid_number(number) else base
        return 0.0

    def _in_other_number_row(self, text: str, start: int) -> bool:
        """A cell of a table row whose label names another kind of number and no phone ("| Georgian personal no. |
        01017084315 |"): the record says what the row holds, and an 11-digit personal number can look like a
        landline."""
        if self.other_number_rows is None:
            return False
        label = row_label(text, start)
        if label is None or not self.other_number_rows.search(label):
            return False
        return self.phone_rows is None or not self.phone_rows.search(label)

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts=None, regex_flags: int | None = None
    ) -> list[RecognizerResult]:
        """Pattern matches, rescored (or dropped) by the phone-number check."""
        kept = []
        for result in super().analyze(text, entities, nlp_artifacts, regex_flags):
            if self._in_other_number_row(text, result.start):
                continue
            candidate = text[result.start : result.end]
            if pattern_name(result) in self.abroad_patterns:
                result.score = result.score if valid_abroad(candidate, self.region) else 0.0
            else:
                result.score = self.phone_score(candidate, result.score)
            if result.score > 0:
                kept.append(result)
        return kept


@lru_cache(maxsize=256)
def valid_abroad(candidate: str, home: str) -> bool:
    """Whether a number written in national form (no calling code) is a valid number of some country other than
    `home` and, written with the trunk prefix 0, no valid number of `home` ("0800 1111" is the home patterns' to
    judge): the document seldom says which country, and python-phonenumbers knows every country's plan, so each is
    tried (only for the few candidates the pattern proposes)."""
    if candidate.startswith("0") and _valid_in(candidate, home):
        return False  # a home number written with the trunk prefix: the home patterns' to judge
    return any(_valid_in(candidate, region) for region in sorted(phonenumbers.SUPPORTED_REGIONS - {home}))


def _valid_in(candidate: str, region: str) -> bool:
    """Whether `candidate`, read as a national number of `region`, is valid in that region's plan."""
    try:
        return phonenumbers.is_valid_number(phonenumbers.parse(candidate, region))
    except phonenumbers.NumberParseException:
        return False

"""UK vehicle registration recognizer: current-format marks need a real age identifier."""

from __future__ import annotations

import datetime

from .base import ConfiguredPatternRecognizer, register


def age_identifier_issued(number: int, today: datetime.date | None = None) -> bool:
    """True if a current-format age identifier (the two digits) has been issued.

    March plates carry the year (02 = 2002 ...), September plates year + 50
    (51 = Sept 2001, 52 = Sept 2002 ...).
    """
    today = today or datetime.date.today()
    year = today.year % 100
    return 2 <= number <= year or 51 <= number <= year + 50


@register("vehicle_reg")
class VehicleRegRecognizer(ConfiguredPatternRecognizer):
    """Drop current-format shapes whose age identifier was never issued (AB99 CDE)."""

    def invalidate_result(self, pattern_text: str) -> bool | None:
        """Older formats have no age identifier to check; current ones do."""
        compact = pattern_text.replace(" ", "")
        if len(compact) == 7 and compact[:2].isalpha() and compact[2:4].isdigit() and compact[4:].isalpha():
            if not age_identifier_issued(int(compact[2:4])):
                return True
        return super().invalidate_result(pattern_text)

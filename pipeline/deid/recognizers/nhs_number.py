"""NHS number recognizer: the pattern finds 10-digit shapes, the checksum decides."""

from __future__ import annotations

from .base import ConfiguredPatternRecognizer, register


def nhs_checksum_ok(digits: str) -> bool:
    """True if the 10 digits pass the NHS modulus-11 check.

    Weights 10..2 over the first nine digits; check = 11 - (sum mod 11), where
    11 means 0 and 10 means the number can never be issued.
    """
    if len(digits) != 10 or not digits.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


@register("nhs_number")
class NhsNumberRecognizer(ConfiguredPatternRecognizer):
    """NHS numbers: a shape that passes the checksum scores 1.0; others keep the
    (sub-threshold) pattern score and need an "NHS" context word."""

    def validate_result(self, pattern_text: str) -> bool | None:
        """True (score 1.0) if the modulus-11 check passes; None leaves the pattern score."""
        return True if nhs_checksum_ok("".join(ch for ch in pattern_text if ch.isdigit())) else None

    def invalidate_result(self, pattern_text: str) -> bool | None:
        """A run of one repeated digit (0000000000) passes the checksum but is filler."""
        digits = "".join(ch for ch in pattern_text if ch.isdigit())
        if len(set(digits)) == 1:
            return True
        return super().invalidate_result(pattern_text)

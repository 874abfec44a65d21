"""Check digits of other countries' national identity numbers, for the CASE_REF recognizer.

A family's Turkish, Polish, Brazilian, Chinese, Indian, Spanish, Icelandic, Finnish or Norwegian identity number is a
bare run of digits that a review may write with no label ("the number on the admission form, 85071422184").  A run of
eleven digits is also a telephone or a record number, so the shape alone stays below the threshold; the number's
own check digit, where its country defines one, says it is an identity number.  A file names, per pattern,
the checks that may validate it (`checksums:` in `models/recognizers/case_ref.yaml`); a match that passes
one is lifted to `checksum_score`, one that passes none is dropped (a label finds it by another pattern).

Sources for each algorithm are in the docstrings (public specifications of each scheme).

python-stdnum (is_valid for many countries) was weighed for these checks (ids19) and not taken: it is LGPL where the
project is MIT, 6 MB installed for the handful of checks used here, its Chinese check raised KeyError on 3% of random
18-digit inputs and rejects any region code outside its table (fictional numbers too), and its PESEL check accepts
births in the 1800s, 2100s and 2200s, so a bare run of digits would pass more often.  Its Turkish, Brazilian, Indian
and Spanish checks agreed with these on 300,000 random inputs each.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from .base import ConfiguredPatternRecognizer, pattern_name, register
from .config import RecognizerSpec


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit() or ch in "Xx")


def _is_date(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def tr_kimlik(text: str) -> bool:
    """Turkish citizen number (T.C. Kimlik No): 11 digits, first not 0; the 10th is (7 x the sum of the odd
    places - the sum of the even places) mod 10 and the 11th the sum of the first ten mod 10 (Nüfus ve
    Vatandaşlık İşleri Genel Müdürlüğü's published rule)."""
    d = [int(c) for c in _digits(text)]
    if len(d) != 11 or d[0] == 0:
        return False
    return (sum(d[0:9:2]) * 7 - sum(d[1:8:2])) % 10 == d[9] and sum(d[:10]) % 10 == d[10]


def pl_pesel(text: str) -> bool:
    """Polish PESEL: birth date YYMMDD (month + 20 for births from 2000), serial, check digit with weights
    1-3-7-9 (Ustawa o ewidencji ludności, the Ministry of Digital Affairs' description)."""
    s = _digits(text)
    if len(s) != 11 or not s.isdigit():
        return False
    year, month, day = int(s[0:2]), int(s[2:4]), int(s[4:6])
    century = 1900 if month <= 12 else 2000 if 21 <= month <= 32 else 0
    if not century or not _is_date(century + year, month % 20, day):
        return False
    weights = (1, 3, 7, 9, 1, 3, 7, 9, 1, 3)
    return (10 - sum(int(c) * w for c, w in zip(s[:10], weights, strict=True)) % 10) % 10 == int(s[10])


def br_cpf(text: str) -> bool:
    """Brazilian CPF: nine digits and two mod-11 check digits (Receita Federal); a run of one digit is invalid."""
    s = _digits(text)
    if len(s) != 11 or not s.isdigit() or len(set(s)) == 1:
        return False
    for n in (9, 10):
        total = sum(int(c) * w for c, w in zip(s[:n], range(n + 1, 1, -1), strict=True))
        if (total * 10) % 11 % 10 != int(s[n]):
            return False
    return True


def cn_resident(text: str) -> bool:
    """Chinese resident identity card number: region (6), birth date YYYYMMDD, serial (3), and an ISO 7064
    MOD 11-2 check character, 0-9 or X (GB 11643-1999)."""
    s = _digits(text).upper()
    if len(s) != 18 or not s[:17].isdigit() or not _is_date(int(s[6:10]), int(s[10:12]), int(s[12:14])):
        return False
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    return "10X98765432"[sum(int(c) * w for c, w in zip(s[:17], weights, strict=True)) % 11] == s[17]


_VERHOEFF_D = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
    [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
    [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
    [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
    [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
    [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
    [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
    [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
    [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
]
_VERHOEFF_P = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
    [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
    [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
    [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
    [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
    [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
    [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
]


def in_aadhaar(text: str) -> bool:
    """Indian Aadhaar number: 12 digits, the first 2-9, with a Verhoeff check digit (UIDAI)."""
    s = _digits(text)
    if len(s) != 12 or not s.isdigit() or s[0] in "01":
        return False
    check = 0
    for i, c in enumerate(reversed(s)):
        check = _VERHOEFF_D[check][_VERHOEFF_P[i % 8][int(c)]]
    return check == 0


def es_dni(text: str) -> bool:
    """Spanish DNI (8 digits) or NIE (X, Y or Z and 7 digits) with its check letter, the number mod 23
    (Ministerio del Interior)."""
    s = "".join(ch for ch in text.upper() if ch.isalnum())
    if len(s) != 9 or not s[-1].isalpha():
        return False
    body = s[:-1]
    if body[0] in "XYZ":
        body = str("XYZ".index(body[0])) + body[1:]
    return body.isdigit() and "TRWAGMYFPDXBNJZSQVHLCKE"[int(body) % 23] == s[-1]


def is_kennitala(text: str) -> bool:
    """Icelandic kennitala: birth date DDMMYY, two serial digits, a check digit (weights 3-2-7-6-5-4-3-2, 11 minus the
    sum mod 11; a remainder giving 10 is never issued) and the century (9 for the 1900s, 0 for the 2000s; 8, the
    1800s, is no living person's); a company's adds 40 to the day (Þjóðskrá Íslands, the registry's description)."""
    s = _digits(text)
    if len(s) != 10 or not s.isdigit() or s[9] not in "90":
        return False
    day, month, year = int(s[0:2]) % 40, int(s[2:4]), int(s[4:6])
    if not _is_date({"9": 1900, "0": 2000}[s[9]] + year, month, day):
        return False
    check = (11 - sum(int(c) * w for c, w in zip(s[:8], (3, 2, 7, 6, 5, 4, 3, 2), strict=True)) % 11) % 11
    return check != 10 and check == int(s[8])


def fi_hetu(text: str) -> bool:
    """Finnish henkilötunnus: DDMMYY, the century sign (+ 1800s, - or Y-U 1900s, A-F 2000s: Digi- ja
    väestötietovirasto, 2023 rules), a three-digit serial and a check character: DDMMYYNNN mod 31 in
    0123456789ABCDEFHJKLMNPRSTUVWXY."""
    s = text.strip().upper()
    if len(s) != 11 or not (s[:6].isdigit() and s[7:10].isdigit()):
        return False
    century = 1800 if s[6] == "+" else 1900 if s[6] in "-YXWVU" else 2000 if s[6] in "ABCDEF" else 0
    if not century or not _is_date(century + int(s[4:6]), int(s[2:4]), int(s[0:2])):
        return False
    return "0123456789ABCDEFHJKLMNPRSTUVWXY"[int(s[:6] + s[7:10]) % 31] == s[10]


def no_fodselsnummer(text: str) -> bool:
    """Norwegian fødselsnummer: DDMMYY, a three-digit individual number and two mod-11 check digits (weights
    3-7-6-1-8-9-4-5-2, then 5-4-3-2-7-6-5-4-3-2; Skatteetaten); a D-number adds 40 to the day."""
    s = _digits(text)
    if len(s) != 11 or not s.isdigit() or not _is_date(1900 + int(s[4:6]), int(s[2:4]), int(s[0:2]) % 40 or 99):
        return False
    d = [int(c) for c in s]
    for n, weights in ((9, (3, 7, 6, 1, 8, 9, 4, 5, 2)), (10, (5, 4, 3, 2, 7, 6, 5, 4, 3, 2))):
        check = (11 - sum(a * b for a, b in zip(d[:n], weights, strict=True)) % 11) % 11
        if check == 10 or check != d[n]:
            return False
    return True


CHECKSUMS: dict[str, Callable[[str], bool]] = {
    "tr_kimlik": tr_kimlik,
    "pl_pesel": pl_pesel,
    "br_cpf": br_cpf,
    "cn_resident": cn_resident,
    "in_aadhaar": in_aadhaar,
    "es_dni": es_dni,
    "is_kennitala": is_kennitala,
    "fi_hetu": fi_hetu,
    "no_fodselsnummer": no_fodselsnummer,
}


@register("checksummed")
class ChecksummedPatternRecognizer(ConfiguredPatternRecognizer):
    """The file's patterns, and for those its `checksums:` names, a lift when the match's check digit holds."""

    def __init__(self, spec: RecognizerSpec):
        super().__init__(spec)
        self._checks = {
            pattern: [CHECKSUMS[name] for name in names] for pattern, names in spec.options.get("checksums", {}).items()
        }
        self._checksum_score = float(spec.options.get("checksum_score", 0.7))

    @classmethod
    def from_spec(cls, spec: RecognizerSpec) -> ChecksummedPatternRecognizer:
        """Build the recognizer a data file describes."""
        return cls(spec)

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        """The file's matches; a checksum pattern's match scores `checksum_score` when its check digit holds and
        is dropped when it does not (a label finds a labelled number through the file's other patterns), so that
        no context word lifts a bare run of digits ("invoice number 12345678901")."""
        kept = []
        for result in super().analyze(text, entities, nlp_artifacts, regex_flags):
            checks = self._checks.get(pattern_name(result))
            if checks:
                if not any(check(text[result.start : result.end]) for check in checks):
                    continue
                result.score = max(result.score, self._checksum_score)
            kept.append(result)
        return kept

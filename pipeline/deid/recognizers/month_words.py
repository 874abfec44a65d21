"""Month names in other languages, from dateparser's language data, and the calendar value of a written date.

A date of birth copied from a passport or identity card abroad keeps that country's month name ("25 AGU 1987"
on an Indonesian passport, "14 березня 1986" in Ukrainian, "1956 წლის 4 აპრილი" in Georgian, "1 Julai 1984" in
Swahili).  The words are not listed by hand here: dateparser (a core dependency) carries every language's month
names and abbreviations from the Unicode CLDR, and `months_abroad` reads them from its locale data
(`dateparser.languages.loader.default_loader`, each locale's `info["january"]` ...).  Only forms of three or more
letters are kept ("Ag", "Ni" are no month alone), and forms holding a digit ("tháng 8") are left to the
Vietnamese pattern of `date_of_birth.yaml`, which reads the number.

`calendar_value` turns a date as written into (two-digit year, month, day), so that a date the document gives as
a date of birth is known again in another format ("25 AGU 1987" ... "25/08/1987"): see `cued_date`.
"""

from __future__ import annotations

from functools import lru_cache
from types import MappingProxyType

import regex

from ...lexicon import calendar

_MONTH_KEYS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_MONTH_WORD = regex.compile(r"\p{L}[\p{L}\p{M}.'’]{2,}")
_NUMBER = regex.compile(r"\d+")
_WORD = regex.compile(r"\p{L}[\p{L}\p{M}]*\.?")


@lru_cache(maxsize=1)
def months_abroad() -> MappingProxyType:
    """Every language's month words in dateparser's data, lower-cased -> month number (1-12).

    A word that names different months in two languages (none among the CLDR forms of three letters or more was
    found to do so, but the data may change) keeps the first language's month in dateparser's own order."""
    from dateparser.data import language_order
    from dateparser.languages.loader import default_loader

    words: dict[str, int] = {}
    for language in language_order:
        if "-" in language:  # a regional variant repeats its language's months
            continue
        info = default_loader.get_locale(language).info
        for number, key in enumerate(_MONTH_KEYS, start=1):
            for word in info.get(key, ()):
                word = str(word)
                if _MONTH_WORD.fullmatch(word):
                    words.setdefault(word.lower(), number)
    return MappingProxyType(words)


@lru_cache(maxsize=1)
def _all_months() -> MappingProxyType:
    english = {word.lower(): number for word, number in calendar().months.items()}
    return MappingProxyType({**months_abroad(), **english})


def month_number(word: str) -> int | None:
    """The month a written month word names, in English or any language of dateparser's data."""
    return _all_months().get(word.lower().rstrip("."))


def calendar_value(text: str, month_first: bool = False) -> tuple[int, int, int] | None:
    """(year mod 100, month, day) of a full date as written, or None without a year or a readable month.

    Numbers alone are read year first when the first has four digits ("1991-04-23", "1989年4月16日"), else day
    first (month first when the shape says so: `month_first`); with a month word, the four-digit number is the
    year and the other the day ("25 AGU 1987", "1956 წლის 4 აპრილი").  A two-digit year is compared by its last
    two digits, as "2.9.22" and "02/09/2022" name the same day."""
    numbers = _NUMBER.findall(text)
    months = [n for n in (month_number(w) for w in _WORD.findall(text)) if n is not None]
    if months and len(numbers) == 2:
        first, second = numbers
        year, day = (first, second) if len(first) == 4 else (second, first)
        return int(year) % 100, months[0], int(day)
    if len(numbers) != 3:
        return None
    a, b, c = numbers
    if len(a) == 4:
        return int(a) % 100, int(b), int(c)
    if month_first:
        return int(c) % 100, int(a), int(b)
    return int(c) % 100, int(b), int(a)

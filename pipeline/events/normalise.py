"""Turn the clean core of a date phrase into a date, and infer missing years.

`dateparser.parse` is called on a short, clean string ("6 February",
"12/03/2012") with explicit settings (English only, day-first, required parts),
never on prose, and its results are cached: a review repeats the same dates
many times and dateparser costs about a millisecond a call.  The year of a date
written without one is *not* taken from today's date: it is inferred from the
review period and the running narrative (`infer_year`).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache

import dateparser

from ..resources import load_yaml
from .vocabulary import calendar as words_calendar

# A leap year, so that "29 February" written without a year still parses.
_NEUTRAL_BASE = dt.datetime(2000, 1, 1)


@lru_cache(maxsize=1)
def _config() -> dict:
    return load_yaml("dates", "resolution.yaml")


def month_number(name: str) -> int | None:
    """Month number of a month name or abbreviation ("Sept." -> 9)."""
    months = words_calendar().months
    return months.get(name.strip().rstrip(".").capitalize()) or months.get(name.strip().rstrip("."))


def day_number(text: str) -> int:
    """The day of a day phrase ("3rd" -> 3); its caller matched the digits, so none is a caller's bug."""
    m = re.match(r"\d+", text.strip())
    if m is None:
        raise ValueError(f"no day number in {text!r}")
    return int(m.group())


@lru_cache(maxsize=4096)
def parse_core(core: str, parts: tuple[str, ...] = ("day", "month")) -> dt.date | None:
    """Parse a clean date string with dateparser (cached).

    `parts` are the parts that must be present (REQUIRE_PARTS).  Without a
    year in `core` the year of the result is meaningless (a neutral base
    year); callers replace it with an inferred one.
    """
    cfg = _config()["dateparser"]
    settings = dict(cfg["settings"])
    settings["REQUIRE_PARTS"] = list(parts)
    settings["RELATIVE_BASE"] = _NEUTRAL_BASE
    parsed = dateparser.parse(core, languages=cfg["languages"], settings=settings)
    return parsed.date() if parsed else None


def day_month(day: str, month: str, year: str | None = None) -> tuple[int, int, int | None] | None:
    """(day, month, year or None) of a written day and month, via dateparser."""
    month_no = month_number(month)
    if month_no is None:
        return None
    core = f"{day_number(day)} {calendar.month_name[month_no]}"
    if year:
        core += f" {year}"
    parsed = parse_core(core, ("day", "month", "year") if year else ("day", "month"))
    if parsed is None:
        return None
    return parsed.day, parsed.month, (parsed.year if year else None)


def numeric_date(text: str) -> dt.date | None:
    """A numeric day-first date ("3/5/22", "12/03/2012", "2012-03-12")."""
    return parse_core(text.strip(), ("day", "month", "year"))


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    """date(year, month, day), clamping the day to the month's length."""
    try:
        return dt.date(year, month, min(day, calendar.monthrange(year, month)[1]))
    except ValueError:
        return None


def last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def infer_year(
    month: int,
    day: int,
    anchor: dt.date | None,
    period: tuple[dt.date | None, dt.date | None],
    default_year: int | None,
) -> tuple[int | None, str]:
    """The year of a day and month written without one, and how sure we are.

    Candidates are the years around the review period and the anchor.  A year
    that puts the date inside the review period (widened by `year_window`) is
    preferred; among several, the one at or just after the running anchor,
    because chronologies move forward.  Returns (year, confidence key).
    """
    window = _config()["year_window"]
    start, end = period
    years = {y for d in (start, end, anchor) if d for y in (d.year - 1, d.year, d.year + 1)}
    if not years:
        if default_year is None:
            return None, "no_year_context"
        return default_year, "no_year_context"
    dates = {y: d for y in sorted(years) if (d := safe_date(y, month, day))}
    in_window = dates
    first, last = start or end, end or start  # both set, or both None
    if first is not None and last is not None:
        lo = first - dt.timedelta(days=window["before_days"])
        hi = last + dt.timedelta(days=window["after_days"])
        in_window = {y: d for y, d in dates.items() if lo <= d <= hi}
    pool = in_window or dates
    if len(pool) == 1:
        return next(iter(pool)), "inferred_year" if in_window else "inferred_year_ambiguous"
    if anchor is not None:
        slack = dt.timedelta(days=window["back_slack_days"])
        forward = {y: d for y, d in pool.items() if d >= anchor - slack}
        chosen = min(forward or pool, key=lambda y: abs((pool[y] - anchor).days))
        return chosen, "inferred_year" if forward and len(forward) == 1 else "inferred_year_ambiguous"
    reference = first
    assert reference is not None  # without an anchor the candidate years came from the period
    chosen = min(pool, key=lambda y: abs((pool[y] - reference).days))
    return chosen, "inferred_year_ambiguous"

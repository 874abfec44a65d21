"""Exact dates of the harm a review is about, for `scr verify` only (DATE_OF_INCIDENT).

A published review about a child gives the month and year of the incident that led to it ("admitted to
hospital in May 2011"); the exact day, with the child's age and the local authority, is what a newspaper
archive needs to find the child.  Dates of birth and death are structured identifiers (high, in every
review); the exact day of the injury, the hospital admission or the assault is found here with the same
cued-date machinery (`models/recognizers/date_of_incident.yaml`: cues before the date, the incident after
it in the same clause), but only by verify: the file is not in the analyzer, so pseudonymise keeps event
dates in a draft.

How severe the finding is depends on how the review writes its dates.  Where month-and-year dates are at
least as many as exact ones, or the exact ones are few (`exact_style_min` in the data file), the review's own
style is month and year and an exact day of the incident is a slip (``DATE_OF_INCIDENT`` in the policy,
medium).  Where exact dates outnumber them and are many, the review is written as a chronology, every date in
it is exact, and the reviewer has decided on that style: the incident's day is listed for a glance
(``DATE_OF_INCIDENT_EXACT_STYLE``, low).
"""

from __future__ import annotations

from functools import lru_cache

from .policy import Policy

INCIDENT_FILE = "date_of_incident.yaml"
_WITH_YEAR = frozenset({"day_month_year", "month_day_year", "numeric_dmy", "iso"})
_NO_YEAR = frozenset({"day_month", "month_day"})


@lru_cache(maxsize=1)
def _recognizer():
    from .recognizers.config import load_spec
    from .recognizers.cued_date import CuedDateRecognizer

    return CuedDateRecognizer(load_spec(INCIDENT_FILE))


def date_style(text: str) -> tuple[int, int]:
    """(exact dates with a year, month-and-year dates that are not part of one) written in `text`."""
    from .quasi import MONTH_YEAR_RE

    recognizer = _recognizer()
    exact = [
        (m.start(), m.end())
        for pattern, rx in recognizer.date_patterns
        if pattern.name in _WITH_YEAR
        for m in rx.finditer(text)
    ]
    month_year = [m for m in MONTH_YEAR_RE.finditer(text) if not any(s <= m.start() < e for s, e in exact)]
    starts = {s for s, _ in exact}  # two shapes matching one date count once
    return len(starts), len(month_year)


def _days_without_year(text: str) -> int:
    """Day-and-month dates written without a year ("on 5 June"), those of a chronology that leaves the year to its
    heading included."""
    recognizer = _recognizer()
    with_year = [
        (m.start(), m.end())
        for pattern, rx in recognizer.date_patterns
        if pattern.name in _WITH_YEAR
        for m in rx.finditer(text)
    ]
    starts = {
        m.start()
        for pattern, rx in recognizer.date_patterns
        if pattern.name in _NO_YEAR
        for m in rx.finditer(text)
        if not any(s <= m.start() < e for s, e in with_year)
    }
    return len(starts)


def incident_dates(text: str, policy: Policy) -> list[tuple[int, int, str, str]]:
    """(start, end, severity, reason) of each exact day of harm in `text`, at the severity the review's date
    style gives it.

    A day and month without the year ("the fire broke out on 5 February") counts only where the text writes few
    exact days at all (fewer than `exact_style_min`, with or without a year): a page or an opening that gives the
    year in the sentence before.  A chronology written without years dates every visit so, and its incident's day
    is left to the reader as before."""
    recognizer = _recognizer()
    minimum = int(recognizer.spec.options.get("exact_style_min", 3))
    found = [
        r
        for r in recognizer.analyze(text, [recognizer.spec.entity])
        if r.analysis_explanation is not None and r.analysis_explanation.pattern_name in _WITH_YEAR | _NO_YEAR
    ]
    if not found:
        return []
    exact, month_year = date_style(text)
    results = [r for r in found if r.analysis_explanation.pattern_name in _WITH_YEAR]
    if len(results) < len(found) and exact + _days_without_year(text) < minimum:
        results = found
    if not results:
        return []
    if exact > month_year and exact >= minimum:
        severity = policy.severity_of("DATE_OF_INCIDENT_EXACT_STYLE")
        style = f"the review writes {exact} exact dates and {month_year} as month and year (a chronology)"
    else:
        severity = policy.severity_of("DATE_OF_INCIDENT")
        style = f"the review otherwise writes dates as month and year ({month_year}; exact: {exact})"
    reason = (
        "the exact day of the incident (an injury, hospital admission or assault): with the child's age it "
        f"finds the child in a newspaper archive; {style}"
    )
    return [(r.start, r.end, severity, reason) for r in results]

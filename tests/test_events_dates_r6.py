"""Date reading on real published openings, round 6 (issue 13, events): a month after a
preposition keeps the year written after it, a night across two days, an abbreviated
month with its full stop, holidays and school terms, a day without "the", school and
financial years.  All sentences are fictional, written in shapes seen on real pages.
"""

from __future__ import annotations

import datetime as dt

from pipeline.events.candidates import find_candidates
from test_events_real_shapes import event_with, events_of

D = dt.date


def test_a_month_after_a_preposition_keeps_the_year_written_after_it():
    """ "around January 2020", "during March 2019": the month-and-year form wins over the
    yearless "during March", which is longer only by its preposition."""
    for text, want in (
        ("had died around January 2020 while", "January 2020"),
        ("during March 2019 the", "March 2019"),
        ("throughout September 2018 she", "September 2018"),
        ("since April 2017 he", "April 2017"),
    ):
        assert [c.text for c in find_candidates(text)] == [want], text
    assert [c.text for c in find_candidates("during May the")] == ["during May"]


def test_a_yearless_month_after_a_preposition_is_not_placed_by_the_anchor(tmp_path, nlp):
    text = (
        "Summary of events\n\n"
        "Child W was referred to the family support team in November 2021. The family had moved to "
        "Eastmere during March 2019 after losing their tenancy.\n"
    )
    _, events = events_of(tmp_path, nlp, text)
    assert event_with(events, "had moved to").date == D(2019, 3, 1)


def test_a_night_across_two_days_starts_on_the_first():
    """ "the night of 2nd/3rd May 2017", "3rd and 4th June 2014": a range from the first day,
    not the second day alone."""
    for text, start in (
        ("on the night of 2nd/3rd May 2017 the", D(2017, 5, 2)),
        ("over the weekend of 4/5 June 2016 the", D(2016, 6, 4)),
        ("on 3rd and 4th June 2014 she", D(2014, 6, 3)),
    ):
        found = find_candidates(text)
        assert [c.kind for c in found] == ["range"] and found[0].groups["d"][:1] == str(start.day)[:1], text


def test_an_abbreviated_month_with_its_full_stop_keeps_the_day(tmp_path, nlp):
    text = "Summary of events\n\nOn 3 Sept. 2015 the health visitor saw Baby Q at home.\n"
    _, events = events_of(tmp_path, nlp, text)
    seen = event_with(events, "health visitor saw")
    assert seen.date == D(2015, 9, 3) and seen.precision == "day"


def test_holidays_and_school_terms_narrow_their_year(tmp_path, nlp):
    text = (
        "Summary of events\n\n"
        "Over Christmas 2019 the police were called to the family home twice. In the autumn term of 2020 "
        "Child S missed eleven days of school.\n"
    )
    _, events = events_of(tmp_path, nlp, text)
    christmas = event_with(events, "police were called")
    assert (christmas.date, christmas.date_end) == (D(2019, 12, 1), D(2019, 12, 31))
    term = event_with(events, "missed eleven days")
    assert (term.date, term.date_end) == (D(2020, 9, 1), D(2020, 12, 31))


def test_a_day_without_the_needs_a_sentence_after_it():
    assert [c.kind for c in find_candidates("On 14th the school nurse saw her")] == ["day_only"]
    assert find_candidates("on 2nd visit the nurse saw her") == []


def test_a_school_or_financial_year_is_its_two_calendar_years(tmp_path, nlp):
    text = (
        "Summary of events\n\n"
        "Child A was referred to the speech and language service in March 2017. During 2017/18 Child A "
        "attended nursery three days a week. In 2019-20 the school raised concerns about his attendance.\n"
    )
    _, events = events_of(tmp_path, nlp, text)
    nursery = event_with(events, "attended nursery")
    assert (nursery.date, nursery.date_end) == (D(2017, 1, 1), D(2018, 12, 31))
    assert event_with(events, "raised concerns").date == D(2019, 1, 1)
    assert [c.text for c in find_candidates("from 2014-2016 the")] == ["from 2014-2016"]

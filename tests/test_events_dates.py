"""Date candidates, normalisation and narrative resolution (no spaCy needed)."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.events.candidates import find_candidates
from pipeline.events.normalise import infer_year, parse_core
from pipeline.events.resolve import Resolver

D = dt.date


@pytest.mark.parametrize(
    "text, phrase, kind",
    [
        ("On 6th February 2017, EM attended.", "6th February 2017", "day"),
        ("On 1st March ESW visited EM.", "1st March", "day"),
        ("Seen on 3/5/22 by the GP.", "3/5/22", "day"),
        ("Referral received 12/03/2012.", "12/03/2012", "day"),
        ("In March 2012 the family moved.", "March 2012", "month"),
        ("w/c 19/03/2012 three visits were made.", "w/c 19/03/2012", "week_of"),
        ("In late April 2012 she left.", "In late April 2012", "month_part"),
        ("By the middle of July the plan changed.", "By the middle of July", "month_part"),
        ("Between 20th and 25th April, EM visited the NNU.", "Between 20th and 25th April", "range"),
        ("On 20–25 April the baby was on the ward.", "20–25 April", "range"),
        ("Between 19th May and 23rd May it was noted.", "Between 19th May and 23rd May", "range"),
        ("A week later EM met with the midwife.", "A week later", "rel_offset"),
        ("Two days later a 999 call was made.", "Two days later", "rel_offset"),
        ("Three days after this meeting EM presented.", "Three days after", "rel_offset"),
        ("The following day EM rang.", "The following day", "rel_next"),
        ("The following night she left.", "The following night", "rel_next"),
        ("During the following week EM met her PA.", "During the following week", "rel_next"),
        ("That same day EF contacted ESW.", "That same day", "rel_same"),
        ("That evening the police were called.", "That evening", "rel_same"),
        ("Later that month a review took place.", "Later that month", "rel_period"),
        ("Over the following four days, EM was inconsistent.", "Over the following four days", "rel_span"),
        ("For the next five nights EM stayed.", "For the next five nights", "rel_span"),
        ("From the middle of July onwards, the log showed concerns.", "From the middle of July onwards", "month_part"),
        ("In 2014 EM met EF.", "In 2014", "year"),
    ],
)
def test_forms_are_found_with_their_kind(text, phrase, kind):
    found = find_candidates(text)
    assert [(c.text, c.kind) for c in found] == [(phrase, kind)]


@pytest.mark.parametrize(
    "text",
    [
        "She did not want counselling as it would be traumatic and may affect the unborn baby.",
        "EM was present at the meeting and said that it was all boring. (KPE 10)",
        "EM was confirmed as being twenty four weeks pregnant.",
        "Child E was born at 28 weeks gestation.",
        "Working Together to Safeguard Children (2015) sets out the duties.",
        "At the time of writing neither parent has been contacted.",
        "EM took Child E to be weighed at 11.45 and did not return until 6.30 p.m.",
        "Section 3.12 describes the plan.",
    ],
)
def test_non_dates_are_not_candidates(text):
    assert find_candidates(text) == []


def test_day_first_numeric_dates_and_cache():
    assert parse_core("3/5/22", ("day", "month", "year")) == D(2022, 5, 3)
    before = parse_core.cache_info().hits
    parse_core("3/5/22", ("day", "month", "year"))
    assert parse_core.cache_info().hits == before + 1


def test_year_is_inferred_from_the_review_period_across_new_year():
    period = (D(2018, 11, 1), D(2019, 2, 28))
    assert infer_year(12, 28, None, period, None)[0] == 2018
    assert infer_year(1, 10, D(2018, 12, 28), period, None)[0] == 2019


def test_year_is_not_today():
    resolver = Resolver((D(2017, 2, 6), D(2017, 9, 26)))
    (cand,) = find_candidates("On 26th September EM returned.")
    assert resolver.resolve(cand).date == D(2017, 9, 26)


def test_leap_day_without_year():
    resolver = Resolver((D(2020, 1, 1), D(2020, 6, 30)))
    (cand,) = find_candidates("On 29th February the GP saw her.")
    assert resolver.resolve(cand).date == D(2020, 2, 29)


def narrate(resolver: Resolver, sentences: list[str]) -> list:
    """Resolve the first candidate of each sentence, moving the anchor as the extractor does."""
    out = []
    for sentence in sentences:
        (cand,) = find_candidates(sentence)
        res = resolver.resolve(cand)
        if res is not None and resolver.moves_anchor(cand.kind):
            resolver.set_anchor(res, len(out), cand.kind)
        out.append(res)
    return out


def test_relative_phrases_resolve_against_the_last_resolved_date():
    resolver = Resolver((D(2017, 2, 6), D(2017, 9, 26)))
    res = narrate(
        resolver,
        [
            "On 22nd March, EM contacted ESW.",
            "ESW rang EF the following day.",
            "Two days later EM was discharged.",
            "A week later EM met with the midwife.",
        ],
    )
    assert [r.date for r in res] == [D(2017, 3, 22), D(2017, 3, 23), D(2017, 3, 25), D(2017, 4, 1)]
    assert [r.relative for r in res] == [False, True, True, True]
    assert res[3].precision == "week"


def test_spans_do_not_move_the_anchor():
    resolver = Resolver((D(2017, 2, 6), D(2017, 9, 26)))
    res = narrate(
        resolver,
        [
            "On 25th May, a meeting was held.",
            "Over the following four days, EM was inconsistent.",
            "That same day the nurse rang.",
        ],
    )
    assert (res[1].date, res[1].date_end) == (D(2017, 5, 26), D(2017, 5, 29))
    assert res[2].date == D(2017, 5, 25)


def test_a_duration_and_an_episode_run_from_the_anchor():
    resolver = Resolver((D(2017, 2, 6), D(2017, 9, 26)))
    res = narrate(
        resolver,
        [
            "On 8th March EM presented to hospital.",
            "She remained in hospital for three days.",
            "Whilst in hospital EM told the midwife about the texts.",
            "She then rang the ward.",
        ],
    )
    assert (res[1].date, res[1].date_end, res[1].precision) == (D(2017, 3, 8), D(2017, 3, 11), "day")
    # the extractor closes an episode's window at the next narrated date
    assert (res[2].date, res[2].precision, res[2].relative) == (D(2017, 3, 8), "approx", True)
    assert [c.kind for c in find_candidates("Whilst in hospital EM told the midwife.")] == ["rel_window"]
    assert [c.kind for c in find_candidates("During the pregnancy police were called.")] == ["rel_window"]
    assert (res[3].date, res[3].precision) == (D(2017, 3, 8), "approx")


def test_ranges_take_month_and_year_from_their_end():
    resolver = Resolver((D(2019, 4, 1), D(2020, 1, 31)))
    (cand,) = find_candidates("Between 28th December and 3rd January 2020 she stayed with family.")
    res = resolver.resolve(cand)
    assert (res.date, res.date_end) == (D(2019, 12, 28), D(2020, 1, 3))


def test_month_only_and_year_only_conventions():
    resolver = Resolver((D(2017, 2, 6), D(2017, 9, 26)))
    (month,) = find_candidates("In February 2016 ES was born.")
    (year,) = find_candidates("In 2014 EM met EF.")
    (mid,) = find_candidates("From the middle of July onwards, the log showed concerns.")
    m, y, h = resolver.resolve(month), resolver.resolve(year), resolver.resolve(mid)
    assert (m.date, m.precision) == (D(2016, 2, 1), "month")
    assert (y.date, y.precision) == (D(2014, 1, 1), "approx")
    assert (h.date, h.date_end, h.precision) == (D(2017, 7, 15), None, "approx")


def test_week_commencing_is_a_week():
    res = Resolver().resolve(find_candidates("w/c 19/03/2012 HV1 tried to visit.")[0])
    assert (res.date, res.date_end, res.precision) == (D(2012, 3, 19), D(2012, 3, 25), "week")


def test_relative_phrase_without_anchor_is_unresolved():
    (cand,) = find_candidates("The following day she rang.")
    assert Resolver().resolve(cand) is None


def test_day_of_month_and_weekday_follow_the_anchor():
    resolver = Resolver((D(2019, 1, 1), D(2019, 12, 31)))
    res = narrate(
        resolver,
        [
            "On Wednesday 28th August 2019 SW1 visited.",  # a Wednesday
            "On the 3rd a strategy meeting was held.",
            "The following Friday the GP saw Child Q.",
        ],
    )
    assert [r.date for r in res] == [D(2019, 8, 28), D(2019, 9, 3), D(2019, 9, 6)]


def test_since_a_year_does_not_move_the_narrative():
    resolver = Resolver((D(2017, 2, 6), D(2017, 9, 26)))
    narrate(resolver, ["On 25th April, EM attended an appointment."])
    (since,) = find_candidates("She said she had experienced anxiety since 2013.")
    assert since.kind == "year_since" and not resolver.moves_anchor(since.kind)
    assert resolver.resolve(since).date == D(2013, 1, 1)


@pytest.mark.parametrize("text", ["See paragraphs 3.12.1 and 3.12.10.", "Recommendation 4.2.11 applies."])
def test_section_numbers_are_not_dotted_dates(text):
    assert find_candidates(text) == []


def test_dotted_and_month_range_forms():
    assert [c.kind for c in find_candidates("from 12.03.2012 to 14.03.2012")] == ["range"]
    res = Resolver().resolve(find_candidates("January–March 2019 the family lived in a hostel.")[0])
    assert (res.date, res.date_end, res.precision) == (D(2019, 1, 1), D(2019, 3, 31), "month")


def test_overlapping_date_candidates_keep_the_longest_left_to_right():
    """Date candidates go through the one resolver (pipeline.spans): a range beats the days inside it."""
    text = "Between 3 and 5 March 2014 the family moved; from 12/03/2015 to 14/04/2015 she stayed with her aunt."
    found = find_candidates(text)
    assert [(c.kind, c.text) for c in found] == [
        ("range", "Between 3 and 5 March 2014"),
        ("range", "from 12/03/2015 to 14/04/2015"),
    ]
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))


def test_an_offset_from_a_year_alone_stays_in_that_year():
    """ "Baby L died in 2019 ... A week before the death, ...": the death is known only to
    the year, so a week before it is in that year, not on a day of the year before."""
    resolver = Resolver()
    res = narrate(
        resolver,
        [
            "Baby L died in 2019.",
            "A week before the death, a neighbour called the police.",
            "The next day the police visited the flat.",
        ],
    )
    assert [(r.date.year, r.precision) for r in res[1:]] == [(2019, "approx"), (2019, "approx")]

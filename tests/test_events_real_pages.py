"""Events on what real published reviews and their summaries hold beyond the
chronology (issue 13, events): a date carried into background, present states
and sentences with a time of their own; the review's own history and terms of
reference; headline sentences without a verb; court outcomes told out of order;
dated title lines of list entries.  All texts are fictional, in shapes seen on
real pages.
"""

from __future__ import annotations

import datetime as dt

from test_events_real_shapes import event_with, events_of

D = dt.date


def sentences(events) -> list[str]:
    return [e.sentence for e in events]


def test_the_date_is_not_carried_into_states_or_sentences_with_a_time_of_their_own(tmp_path, nlp):
    text = (
        "Chronology\n\n"
        "On 2nd February 2014 Child V was taken to hospital with a fractured arm. Doctors found older rib fractures. "
        "The exact date of the rib fractures is unknown. Child V is now cared for by his grandparents.\n\n"
        "In August 2012 the mother moved to Hartfield. There had been involvement with her family over a period of "
        "some six years. At the age of six weeks Child V was seen by the GP. On the day of the birth the midwife noted "
        "that the father smelled of alcohol. The family lived in a rented flat.\n"
    )
    _, events = events_of(tmp_path, nlp, text)
    assert event_with(events, "Doctors found older rib fractures").date == D(2014, 2, 2)
    for fragment in (
        "is unknown",
        "is now cared for",
        "over a period of",
        "At the age of",
        "On the day of",
        "lived in a rented flat",
    ):
        assert not any(fragment in s for s in sentences(events)), fragment


def test_what_someone_said_had_happened_previously_still_takes_the_date(tmp_path, nlp):
    text = (
        "Chronology\n\n"
        "On 1st March 2017 the social worker visited EM at home. EM told him that she had previously suffered from "
        "depression.\n"
    )
    _, events = events_of(tmp_path, nlp, text)
    assert event_with(events, "had previously suffered").date == D(2017, 3, 1)


def test_the_reviews_own_history_and_terms_of_reference_are_no_events(tmp_path, nlp):
    text = (
        "1. Introduction\n\n"
        "1.1 The full report behind this summary was commissioned in April 2014 by the Serious Case Review sub-group "
        "of the Board. In March 2014 the Regional Office was told of the decision to hold a review.\n\n"
        "1.2 At a meeting of the Serious Case Review sub-group held on 18th February 2014 members decided that the "
        "criteria were met.\n\n"
        "1.3 On 2nd February 2014 Child V was taken to hospital with a fractured arm.\n\n"
        "1.4 The review was asked:\n\n"
        "• To examine how agencies worked with the family between 01.06.12 and 02.02.14;\n\n"
        "• To identify learning for the Board.\n"
    )
    _, events = events_of(tmp_path, nlp, text)
    assert [e.date for e in events] == [D(2014, 2, 2)], sentences(events)


def test_a_headline_without_a_verb_is_an_event_dated_by_its_own_phrase(tmp_path, nlp):
    text = (
        "Summaries\n\n"
        "Death of a 10-week-old baby in January 2021 from a head injury.\n\n"
        "Criminal exploitation of a 15-year-old boy between 2018 and 2020.\n\n"
        "Recommendations for the partnership.\n"
    )
    _, events = events_of(tmp_path, nlp, text)
    death = event_with(events, "Death of a 10-week-old baby")
    assert (death.date, death.precision) == (D(2021, 1, 1), "month")
    exploitation = event_with(events, "Criminal exploitation")
    assert (exploitation.date, exploitation.date_end) == (D(2018, 1, 1), D(2020, 12, 31))
    assert not any("Recommendations" in s for s in sentences(events))


def test_a_court_outcome_is_not_carried_to_the_story_told_after_it(tmp_path, nlp):
    text = (
        "Summary\n\n"
        "Baby L died in January 2021 from a head injury. The partner was convicted of manslaughter in May 2022. "
        "The pregnancy had been uneventful. The partner was sentenced two weeks later.\n"
    )
    _, events = events_of(tmp_path, nlp, text)
    assert event_with(events, "convicted of manslaughter").date == D(2022, 5, 1)
    assert not any("pregnancy" in s for s in sentences(events))
    assert event_with(events, "sentenced two weeks later").date == D(2022, 5, 15)


def test_the_dated_title_line_of_a_list_entry_dates_nothing(tmp_path, nlp):
    text = (
        "Case reviews published this year\n\n"
        "June 2022 – Westdale – Baby L\n"
        "Death of a 10-week-old baby in January 2021 from a head injury.\n"
        "Background: Baby L lived with her mother. On 3 December 2020 the health visitor saw a bruise.\n\n"
        "April 2022 Northmoor on behalf of an unnamed board - Child C\n"
        "Neglect of a 6-year-old boy over two winters.\n"
    )
    _, events = events_of(tmp_path, nlp, text)
    assert not any(e.date in (D(2022, 6, 1), D(2022, 4, 1)) for e in events), [(e.date, e.sentence) for e in events]
    assert event_with(events, "Death of a 10-week-old").date == D(2021, 1, 1)
    assert event_with(events, "the health visitor saw a bruise").date == D(2020, 12, 3)
    assert not any("lived with her mother" in s for s in sentences(events))


def test_a_document_title_that_names_learning_does_not_exclude_the_whole_document(tmp_path, nlp):
    """A bulletin titled "Lessons from local reviews" is not a "lessons" section: its
    entries are read (before, the title's exclude word left no events at all)."""
    text = (
        "Lessons from local reviews\n\n"
        "Summaries of reviews published by the Eastvale partnership\n\n"
        "Child P\n"
        "Death of a 2-year-old girl in March 2020 after a fall from a window. On 4 January 2020 the health "
        "visitor visited the home and noted that the windows had no restrictors.\n"
    )
    _, events = events_of(tmp_path, nlp, text)
    assert event_with(events, "Death of a 2-year-old girl").date == D(2020, 3, 1)
    assert event_with(events, "the health visitor visited the home").date == D(2020, 1, 4)


def test_an_offset_counted_from_a_clause_is_not_counted_from_the_anchor(tmp_path, nlp):
    """ "It took six months before these were assessed": "before" opens a clause, so
    the six months run up to that clause's happening, not back from the date last
    narrated; "Three days after this meeting" still counts from the anchor."""
    text = (
        "Chronology\n\n"
        "On 10th January 2018 the health visitor raised concerns. Children's social care needed nearly six months "
        "before "
        "they were looked into.\n\n"
        "On 2nd March 2018 a strategy meeting was held. Three days after this meeting the social worker visited.\n"
    )
    _, events = events_of(tmp_path, nlp, text)
    assert not any(e.expression and "six months" in e.expression for e in events), [
        (e.expression, e.date) for e in events
    ]
    assert event_with(events, "Three days after this meeting").date == D(2018, 3, 5)


def test_the_day_of_a_birth_or_death_narrated_before_is_that_day(tmp_path, nlp):
    """ "On the day of Ruby's death" is the date the death was given, also when a
    headline gave it; with no such date it dates nothing (and takes no carried date)."""
    text = (
        "Background\n\n"
        "Death of a 9-week-old girl from a head injury inflicted in February 2016. The father was convicted "
        "in March 2018. On the day of Ruby's death her father was looking after her on his own. He rang for an "
        "ambulance.\n\n"
        "Chronology\n\n"
        "Baby T was born on 3rd August 2015. On 5th September 2015 the health visitor visited. On the day of the "
        "birth the midwife had noted that the father smelled of alcohol. On the night of the admission the police "
        "attended.\n"
    )
    _, events = events_of(tmp_path, nlp, text)
    death_day = event_with(events, "On the day of Ruby's death")
    assert (death_day.date, death_day.precision) == (D(2016, 2, 1), "month")
    assert event_with(events, "He rang for an ambulance").date == D(2016, 2, 1)
    assert event_with(events, "On the day of the birth").date == D(2015, 8, 3)
    assert not any("night of the admission" in s for s in sentences(events))

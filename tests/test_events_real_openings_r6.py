"""Events on real published openings, round 6 (issue 13, events, measured with
bench/eval_real.py on the open real sets): what someone reported with its own date in
an undated sentence, a full stop lost between two dated sentences of a converted PDF,
list items opening with a date and a colon, a chronology by years, the subject's birth,
death or incident as the cover states them, a title naming the happening, and the
writer's own career glued to a contents page.  All texts are fictional and written for
these tests, in shapes seen on real pages; none is a sentence of a published review.
"""

from __future__ import annotations

import datetime as dt

from test_events_real_shapes import event_with, events_of

D = dt.date


def test_since_a_month_and_year_in_the_present_is_a_state(tmp_path, nlp):
    text = (
        "Summary of events\n\n"
        "Child W was referred to the family support team in November 2021. Child W has lived with her "
        "aunt since January 2022.\n"
    )
    _, events = events_of(tmp_path, nlp, text)
    assert not any("has lived with her aunt" in e.sentence for e in events)


def test_what_was_reported_keeps_its_own_date_in_an_undated_sentence(tmp_path, nlp):
    """The sentence itself ("This information showed that ...") dates nothing outside a
    chronology; what the pupil told a teacher in it has a date of its own."""
    text = (
        "Birchfield Partnership publishes a practice review\n\n"
        "Ashby Academy shared its records with the partnership in March 2023. "
        "This information showed that, while the academy was preparing an exclusion, the pupil had told a "
        "teacher that she had stopped going to her grandmother's flat around June 2021.\n"
    )
    _, events = events_of(tmp_path, nlp, text)
    assert [e.date for e in events if "grandmother's flat" in e.sentence] == [D(2021, 6, 1)]
    assert event_with(events, "shared its records").date == D(2023, 3, 1)


def test_a_full_stop_lost_between_two_dated_sentences(tmp_path, nlp):
    """ "... a meeting on 12.4.09 On 20.4.09 the night before ...": the second date opens
    a sentence of its own and dates what follows it (the parser keeps the two as one)."""
    text = (
        "Child T lived with his father and two sisters. Concerns raised by the nursery resulted in a decision "
        "to hold a meeting on 12.4.09 On 20.4.09 the night before the fire his father and the children watched "
        "television with a friend.\n"
    )
    _, events = events_of(tmp_path, nlp, text)
    assert event_with(events, "hold a meeting").date == D(2009, 4, 12)
    assert event_with(events, "watched").date == D(2009, 4, 20)


def test_a_capitalised_title_word_is_no_lost_full_stop(tmp_path, nlp):
    text = (
        "Summary of events\n\nOn 4 May 2016 the Northvale Board On Child Protection met the mother and agreed a plan.\n"
    )
    _, events = events_of(tmp_path, nlp, text)
    assert [e.date for e in events if "Board On Child Protection" in e.sentence] == [D(2016, 5, 4)]


def test_the_subjects_birth_and_death_on_the_cover_are_events(tmp_path, nlp):
    """Under the child's name on the cover: events of the case, while the cover's own date
    (its publication) stays none; a date without its year gives none."""
    text = (
        "Westmarsh Safeguarding Children Board\n\n"
        "Serious Case Review\n\n"
        "Re Toby Grayling\n\n"
        "Born 4th February 2016\n\n"
        "Died 19th August 2018\n\n"
        "Overview Report\n\n"
        "Published October 2019\n\n"
        "1. Introduction\n\n"
        "1.1 This review was commissioned by the Board after the death of a young child.\n"
    )
    report, events = events_of(tmp_path, nlp, text)
    assert event_with(events, "Born 4th February 2016").date == D(2016, 2, 4)
    died = event_with(events, "Died 19th August 2018")
    assert died.date == D(2018, 8, 19) and died.action == "die"
    assert not any(e.date == D(2019, 10, 1) for e in events)


def test_a_cover_birth_without_its_year_gives_no_event(tmp_path, nlp):
    text = (
        "Serious Case Review in respect of Baby Q Born 3rd June Died 9th July Report by: Ada Pellow Page 1\n\n"
        "1. Introduction\n\n"
        "1.1 This review was commissioned by the Board after the death of a baby.\n"
    )
    _, events = events_of(tmp_path, nlp, text)
    assert not any(e.sentence.startswith(("Born", "Died")) for e in events)


def test_a_cover_death_the_review_tells_again_is_told_once(tmp_path, nlp):
    """ "D.O.D: 14/06/2019" over "Baby J died ... in June 2019": the narrative's telling stands."""
    text = (
        "NORTHMOOR SAFEGUARDING CHILDREN BOARD\n\n"
        "SERIOUS CASE REVIEW - BABY J\n\n"
        "D.O.B: 02/02/2019\n\n"
        "D.O.D: 14/06/2019\n\n"
        "Author: Ada Pellow\n\n"
        "1 INTRODUCTION\n\n"
        "1.1 Baby J died suddenly at home aged four months in June 2019.\n"
    )
    _, events = events_of(tmp_path, nlp, text)
    assert [e.sentence for e in events if e.date and e.date.month == 6] == [
        "1.1 Baby J died suddenly at home aged four months in June 2019."
    ] or [e.sentence for e in events if e.date and e.date.month == 6] == [
        "Baby J died suddenly at home aged four months in June 2019."
    ]
    assert event_with(events, "D.O.B: 02/02/2019").date == D(2019, 2, 2)


def test_the_authors_career_glued_to_the_contents_is_no_event(tmp_path, nlp):
    """A contents page read into one paragraph with the writer's note after it: "I have
    worked as a family support worker for 12 years, having trained in 2008" is the
    writer's, even where the parse hangs it from the contents line."""
    text = (
        "Contents\n\n"
        "1. Introduction 4\n\n"
        "2. Summary of events 6\n\n"
        "Appendix One – Glossary of terms used in the report Appendix Two - Northvale Trust Guidance\n"
        "Notes on the writer I have worked as a family support worker for 12 years, having trained at "
        "Westmarsh College in 2008, and now lead a small independent practice.\n\n"
        "1. Introduction\n\n"
        "1.1 Child V was admitted to hospital with a fractured arm in May 2019.\n"
    )
    _, events = events_of(tmp_path, nlp, text)
    assert not any(e.date and e.date.year == 2008 for e in events), [e.sentence for e in events]
    assert event_with(events, "fractured arm").date == D(2019, 5, 1)


def test_a_family_members_own_words_keep_their_date(tmp_path, nlp):
    text = (
        "Summary of events\n\n"
        "Child V was admitted to hospital in May 2019. “We moved to Northvale in 2017 to be near my sister,” "
        "the mother told the reviewer.\n"
    )
    _, events = events_of(tmp_path, nlp, text)
    assert any(e.date and e.date.year == 2017 for e in events), [e.sentence for e in events]


def test_a_title_naming_the_happening_with_its_date_is_an_event(tmp_path, nlp):
    """A page whose title names what the review is about ("... after a burn to a toddler in
    the winter of 2019"); no chronology below it, only the review's reasons."""
    text = (
        "Practice Review – Learning after a burn to a toddler in the winter of 2019\n\n"
        "Authors\n\n"
        "  • Ada Pellow, Head of Service\n\n"
        "1.0 Introduction\n\n"
        "1.1 The Westmarsh Partnership decided to conduct a review because the toddler was in foster care at "
        "the time. The partnership wanted to understand how decisions were made.\n"
    )
    _, events = events_of(tmp_path, nlp, text)
    burn = event_with(events, "after a burn to a toddler")
    assert burn.date.year == 2019


def test_a_titles_publication_or_period_date_is_no_event(tmp_path, nlp):
    for title in (
        "Learning from local reviews published in 2021",
        "Annual report of the Westmarsh Partnership for the year 2020",
        "Thematic review of neglect cases between 2016 and 2019",
    ):
        text = (
            f"{title}\n\n"
            "1. Introduction\n\n"
            "1.1 The partnership publishes what it learns so that practitioners can improve their work.\n"
        )
        _, events = events_of(tmp_path, nlp, text)
        assert not [e for e in events if e.date is not None], (title, [e.sentence for e in events])


def test_a_list_item_date_with_a_colon_dates_its_own_entry(tmp_path, nlp):
    """ "• 2/4/14: Police attended ...": the colon ends no sentence; the entry is dated by
    its own date, not the entry above."""
    text = (
        "Key events\n\n"
        "• 12.03.14 – The GP saw the mother, who said she was low in mood.\n"
        "• 2/4/14: Police attended the home after a neighbour reported shouting.\n"
        "• 9 April 2014: The family moved to a hostel in Eastmere.\n"
    )
    _, events = events_of(tmp_path, nlp, text)
    assert event_with(events, "Police attended").date == D(2014, 4, 2)
    assert event_with(events, "moved to a hostel").date == D(2014, 4, 9)


def test_the_text_tells_a_cover_death_again_the_texts_own_event_stays(tmp_path, nlp):
    text = (
        "Serious Case Review\n\n"
        "Re Baby K\n\n"
        "Died 17th October 2014\n\n"
        "1. Introduction\n\n"
        "1.1 This review concerns Baby K, who died on 17th October 2014 at the age of four months.\n\n"
        "2. Summary of events\n\n"
        "2.1 Baby K was born in June 2014. The health visitor saw her at home on 2nd July 2014.\n"
    )
    _, events = events_of(tmp_path, nlp, text)
    deaths = [e for e in events if e.date == D(2014, 10, 17)]
    assert [e.sentence.startswith("Died") for e in deaths] == [False], [e.sentence for e in deaths]


def test_a_year_standing_alone_places_the_days_under_it(tmp_path, nlp):
    """A chronology by years: "2016" on its own line, then "14 March: ..." entries."""
    text = (
        "Chronology of key events\n\n"
        "2016\n\n"
        "14 March: The GP saw Child A with a rash and prescribed cream.\n\n"
        "2017\n\n"
        "In January the family moved to Eastmere. On 14th the school nurse saw Child A.\n\n"
        "2019\n\n"
        "2 April: The health visitor visited the home.\n"
    )
    _, events = events_of(tmp_path, nlp, text)
    assert event_with(events, "GP saw Child A").date == D(2016, 3, 14)
    assert event_with(events, "moved to Eastmere").date == D(2017, 1, 1)
    assert event_with(events, "school nurse saw").date == D(2017, 1, 14)
    assert event_with(events, "health visitor visited").date == D(2019, 4, 2)


def test_a_cover_date_of_incident_is_the_cases_unless_the_text_tells_it(tmp_path, nlp):
    cover = "SERIOUS CASE REVIEW\n\nCHILD G\n\nDate of Incident: July 2016\n\nDate of Publication: January 2018\n\n"
    _, events = events_of(tmp_path, nlp, cover + "1. INTRODUCTION\n\n1.1 This review was commissioned by the Board.\n")
    assert [(e.sentence, e.date) for e in events if e.date] == [("Date of Incident: July 2016", D(2016, 7, 1))]
    told = cover + (
        "1. INTRODUCTION\n\n1.1 In July 2016 Child G, who was 3 years old, was taken by ambulance to hospital "
        "with a head injury.\n"
    )
    _, events = events_of(tmp_path, nlp, told, name="told.txt")
    assert [e.date for e in events if e.date] == [D(2016, 7, 1)]
    assert not any(e.sentence.startswith("Date of") for e in events)

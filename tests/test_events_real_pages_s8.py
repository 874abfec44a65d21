"""Events on real published pages, session 8 (issue 13, measured with bench/eval_real.py on
realeval6's odd files): a whole page run into one line under a page cue, a findings heading
over a paragraph that tells the case year by year, the review's or publisher's voice, states
the grammar shows (past perfect progressive, present with "does"), and counts of people at a
date.  All texts are fictional and written for these tests; none is a sentence of a published
review.
"""

from __future__ import annotations

import datetime as dt

from pipeline.events.masks import document_date_spans
from test_events_real_shapes import event_with, events_of

D = dt.date


def test_a_page_run_into_one_line_keeps_its_sentences_dates(tmp_path, nlp):
    """ "Page 2 Item 9 ... Date: 8 May 2020 ... 1.1 ...": the stretch around the page cue, up to
    the first sentence end, is the document's; the story after it is dated as any other."""
    text = (
        "Page 2 Item 9 Eastmere City Council Report to the Families Committee Date: 8 May 2020 Report of the "
        "Head of Safeguarding 1. Summary 1.1 This paper sets out the learning from the review about Tilly Brook. "
        "2. The case 2.1 Tilly Brook was born on 3 March 2016 and was taken to Westgate Hospital on 7 July 2018. "
        "Her mother's partner was convicted of cruelty on 2 October 2019. He was jailed on 1 November 2019.\n"
    )
    _, events = events_of(tmp_path, nlp, text)
    assert event_with(events, "was born").date == D(2016, 3, 3)
    assert event_with(events, "was convicted").date == D(2019, 10, 2)
    assert event_with(events, "was jailed").date == D(2019, 11, 1)
    assert not any(e.date == D(2020, 5, 8) for e in events)


def test_a_short_page_line_is_still_masked_whole():
    text = "Page 4 of 30 Westdale Review May 2019\nThe nurse visited on 3 June 2018.\n"
    spans = document_date_spans(text)
    assert spans and spans[0] == (0, text.index("\n"))


def test_a_findings_paragraph_that_tells_the_story_by_years_is_read(tmp_path, nlp):
    """No chronology is recognised; under "Key Findings" a paragraph with three and more
    sentences dated by their own years is the case's story."""
    text = (
        "Neglect of two brothers over four years.\n"
        "Key Findings\n"
        "- The neglect of Sam and Rory by their mother between 2014 and 2018. In 2015 the nursery "
        "referred Rory to the health visitor. In 2016 Sam was excluded from school. The mother was "
        "cautioned by the police in 2018.\n"
        "- Findings include: staff did not look at the home for themselves.\n"
    )
    _, events = events_of(tmp_path, nlp, text)
    assert event_with(events, "nursery referred").date == D(2015, 1, 1)
    assert event_with(events, "excluded from school").date == D(2016, 1, 1)
    assert event_with(events, "cautioned").date == D(2018, 1, 1)


def test_a_findings_paragraph_with_one_date_stays_unread(tmp_path, nlp):
    text = (
        "A review about a baby.\n"
        "Key Findings\n"
        "- Practitioners did not ask about the father. In 2019 the review panel met twice.\n"
    )
    _, events = events_of(tmp_path, nlp, text)
    assert not any("panel met" in e.sentence for e in events)


def test_the_reviews_and_the_publishers_voice_take_no_paragraph_date(tmp_path, nlp):
    text = (
        "Review published into toddler's death\n\n"
        "A toddler named Toby died in a fall from a window in Marrowby in June 2020. Services had known "
        "the family for years, the practice review found. Marrowby Council said it accepted every "
        "recommendation. The grandfather, the report says, was never asked about the flat. "
        "Report author Ada Pellow found gaps in the records. Toby's sister then ran to a neighbour.\n"
    )
    _, events = events_of(tmp_path, nlp, text)
    for said in ("the practice review found", "Council said", "the report says", "Report author"):
        assert not any(said in e.sentence and e.inherited for e in events), said
    assert event_with(events, "ran to a neighbour").date == D(2020, 6, 1)


def test_a_person_of_the_story_speaking_still_narrates(tmp_path, nlp):
    text = (
        "Summary\n\nIn August 2019 Mia was taken to hospital with a burn. Her mother said she had spilt the kettle.\n"
    )
    _, events = events_of(tmp_path, nlp, text)
    assert event_with(events, "Her mother said").date == D(2019, 8, 1)


def test_past_perfect_progressive_and_present_with_do_are_states(tmp_path, nlp):
    text = (
        "A boy died at home in Kelby in May 2017. The father had been drinking for months. "
        "The aunt does not believe that enough was done.\n"
    )
    _, events = events_of(tmp_path, nlp, text)
    assert not any("had been drinking" in e.sentence for e in events)
    assert not any("does not believe" in e.sentence for e in events)
    assert event_with(events, "died at home").date == D(2017, 5, 1)


def test_a_count_of_people_at_a_date_is_no_happening(tmp_path, nlp):
    text = (
        "Background\n\nOn 30 June 2021 there were 350 children in the care of the council. "
        "Over the past three years the number of referrals has risen. "
        "There were two referrals about Noah in 2020.\n"
    )
    _, events = events_of(tmp_path, nlp, text)
    assert not any("350 children" in e.sentence for e in events)
    assert not any("past three years" in e.sentence for e in events)
    assert event_with(events, "two referrals about Noah").date == D(2020, 1, 1)


def test_a_relative_clause_dates_its_own_happening_under_a_present_view(tmp_path, nlp):
    """ "The flood, which swept through Fernholt on 9 March, is thought to ...": the sentence is a present
    view and no event; its relative clause is a happening at its own date (the year from the story)."""
    text = (
        "Review into boy's death in flood\n\n"
        "A review into the death of a boy in a flood in 2018 concluded that nobody could have predicted it. "
        "The flood, which swept through Fernholt on 9 March, is thought to have been caused by a blocked drain.\n"
    )
    _, events = events_of(tmp_path, nlp, text)
    assert event_with(events, "swept through Fernholt").date == D(2018, 3, 9)


def test_a_relative_clause_on_the_review_is_its_history(tmp_path, nlp):
    text = (
        "News\n\nToday the Ashdale Partnership publishes a practice review that was commissioned by the "
        "Partnership in May 2021. Lena, who was scalded at home in the spring of 2020, is now well.\n"
    )
    _, events = events_of(tmp_path, nlp, text)
    assert not any(e.date == D(2021, 5, 1) for e in events)
    assert event_with(events, "scalded at home").date.year == 2020


def test_a_page_run_into_one_line_that_ends_with_its_footer_is_the_body(tmp_path, nlp):
    """The line ends with "... | Page 9", not a full stop: its sentences are still the body."""
    text = (
        "Learning summary: Child Ada\n\n"
        "2.1 Ada was born on 5 May 2020 and lived with her grandmother. 2.2 On 9 June 2021 she was taken to "
        "hospital with a burn. 2.3 Her grandmother said the kettle had tipped over. Northvale Partnership | "
        "Child Ada | Page 9\n\n"
        "What we learned\n\n"
        "In 2019 the grandmother asked the council for help twice. In 2020 the nursery noticed bruises. "
        "In 2021 the family moved to Eastwick.\n"
    )
    _, events = events_of(tmp_path, nlp, text)
    assert event_with(events, "was born").date == D(2020, 5, 5)
    assert event_with(events, "taken to hospital").date == D(2021, 6, 9)

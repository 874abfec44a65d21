"""The board's and the review's own history is no event of the case (round eight).

Published openings date the review's history with verbs the earlier list missed: a board
*recommends* or *concludes* that a review be held, a committee *considers* the case at its
meeting, the final report is *sent* to a government department, the terms of reference are
revised, the case is referred to a board named in full.  None of these is an event; a date of
the case in the same paragraph still is.  Invented text; all names and places are fictional.
"""

from __future__ import annotations

import datetime as dt

from events_text import events_of

D = dt.date


def test_the_boards_decisions_and_the_reports_journey_are_no_events(tmp_path, nlp):
    text = (
        "Background to the review\n\n"
        "On 3rd May 2019, the Fenbury Local Safeguarding Children Board recommended that a review should be held. "
        "The matter was referred to the Fenbury Safeguarding Children Board in April 2019 by the ward sister. "
        "The Case Review Subcommittee considered the case at their meeting of 21st April 2019. "
        "In June 2020 the new Chair of the Fenbury LSCB concluded that the report should be published. "
        "The final practice review report was sent to the regional office in July 2020. "
        "Terms of Reference for the review were revised in October 2019.\n\n"
        "What happened\n\n"
        "On 2nd April 2019 Baby Tam was taken to hospital with a burn to his foot.\n"
    )
    events = events_of(tmp_path, nlp, text)
    dated = {e.sentence: e.date for e in events if e.date is not None}
    for fragment in ("recommended", "referred to", "Subcommittee", "concluded", "was sent", "Terms of Reference"):
        assert not any(fragment in s for s in dated), (fragment, dated)
    assert any("Baby Tam was taken" in s and d == D(2019, 4, 2) for s, d in dated.items())


def test_a_practitioner_who_considers_or_sends_still_makes_an_event(tmp_path, nlp):
    text = (
        "Chronology\n\n"
        "On 5th March 2018 the social worker considered the referral and sent a letter to the mother. "
        "In May 2018 the GP referred Baby Lark to the paediatrician.\n"
    )
    events = events_of(tmp_path, nlp, text)
    dated = {e.sentence: e.date for e in events if e.date is not None}
    assert any("social worker considered" in s and d == D(2018, 3, 5) for s, d in dated.items())
    assert any("GP referred" in s and d == D(2018, 5, 1) for s, d in dated.items())


def test_a_review_into_a_dated_death_still_dates_the_death(tmp_path, nlp):
    text = (
        "News\n\n"
        "The review into the death of an infant girl in December 2011, found Westham's social workers "
        "had not seen her for months.\n"
    )
    events = events_of(tmp_path, nlp, text)
    assert any("review into the death" in e.sentence and e.date == D(2011, 12, 1) for e in events)


def test_a_status_an_agency_gave_since_a_date_is_dated_a_household_arrangement_is_not(tmp_path, nlp):
    text = (
        "Summary of events\n\n"
        "Baby Ivo was admitted to hospital on 3rd May 2020. Baby Ivo and his sister have been in local "
        "authority care since June 2020. Their mother has been known to Westfold Children's Services since "
        "14 March 2016. Their grandmother has lived in Eastfold since 2015.\n"
    )
    events = events_of(tmp_path, nlp, text)
    dated = {e.sentence.strip(): e.date for e in events if e.date is not None and e.expression_start is not None}
    assert any("in local authority care" in s and d == D(2020, 6, 1) for s, d in dated.items()), dated
    assert any("known to Westfold" in s and d == D(2016, 3, 14) for s, d in dated.items()), dated
    assert not any("has lived in Eastfold" in e.sentence for e in events if e.date is not None)


def test_a_date_after_the_death_a_published_review_is_into_dates_the_death(tmp_path, nlp):
    text = (
        "News\n\n"
        "Westfold's child safeguarding board released a serious case review this morning into the death "
        "of a six-week-old boy in May 2012.\n\n"
        "The final report about the baby was sent to the Welsh Government in July 2014.\n"
    )
    events = events_of(tmp_path, nlp, text)
    assert any("into the death" in e.sentence and e.date == D(2012, 5, 1) for e in events)
    assert not any("was sent" in e.sentence and e.date is not None for e in events)


def test_the_reviews_frame_is_no_event(tmp_path, nlp):
    text = (
        "Introduction\n\n"
        "The terms of reference were set when the review was commissioned and were later revised in March 2016. "
        "A national study of case reviews from April 2009 to March 2010 found that few were completed on time. "
        "The incident happened before the publication of Working Together 2018 in July 2018. "
        "Westfold Children's Services were judged inadequate by Ofsted in January 2016. "
        "On 9th February 2016 Baby Oona was taken to hospital with a head injury.\n"
    )
    events = events_of(tmp_path, nlp, text)
    dated = [(e.sentence, e.date) for e in events if e.date is not None]
    assert [d for _, d in dated] == [D(2016, 2, 9)], dated

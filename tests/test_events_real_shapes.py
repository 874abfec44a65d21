"""Events on the shapes real published reviews take (issue: "hold up on real
published reviews, not just the bundled one").

Fictional reviews written in the shapes seen on the opening pages of published
reviews (tests/data/events_real_shapes/): repository and cover pages, contents
lists, running page headers, citations of guidance, d.m.yy dates, month ranges,
footnotes, a Date/Agency/Event table, and chronologies under headings that do
not say "chronology" or under no such heading at all.  Each goes through the
real ingest and the one parse.  The held-out set (events_real_shapes_blind/) is
scored by bench/eval_events.py --blind only.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pipeline.events import extract_events
from pipeline.ingest import load_report
from pipeline.nlp import parse_report

ROOT = Path(__file__).resolve().parents[1]
SHAPES = ROOT / "tests" / "data" / "events_real_shapes"
D = dt.date


def events_of(tmp_path, nlp, text: str, name: str = "review.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    report = load_report(path)
    return report, extract_events(report, parse_report(report, nlp))


def event_with(events, fragment: str):
    found = [e for e in events if fragment in e.sentence]
    assert found, f"no event for {fragment!r}: {[e.sentence for e in events]}"
    return found[0]


@pytest.fixture(scope="module")
def shapes(nlp):
    from pipeline.evaluate.events import score_shapes

    return score_shapes(SHAPES, nlp, show_misses=True)


def test_real_shapes_have_their_dated_events_right(shapes):
    assert shapes["gold"] >= 80
    assert shapes["dated_right"] >= 0.85, shapes["files"]


def test_no_cover_publication_header_or_citation_date_becomes_an_event(shapes):
    assert shapes["false_dates"] == 0, {n: f.get("misses") for n, f in shapes["files"].items()}


def test_every_real_shape_yields_events(shapes):
    """Before: 21 of 30 real files gave no events at all when no chronology heading was recognised."""
    assert all(figures["events"] > 0 for figures in shapes["files"].values())


def test_short_numeric_dates_are_read(tmp_path, nlp):
    text = (
        "Chronology\n\n"
        "On 7.11.03 the health visitor saw the mother at home. She weighed the baby.\n\n"
        "On 7/1/04 the GP saw the baby with a rash. The GP prescribed a cream.\n\n"
        "On 12.2.04 the mother missed an appointment at the clinic.\n"
    )
    _, events = events_of(tmp_path, nlp, text)
    assert event_with(events, "On 7.11.03").date == D(2003, 11, 7)
    assert event_with(events, "On 7/1/04").date == D(2004, 1, 7)
    assert event_with(events, "On 12.2.04").date == D(2004, 2, 12)


def test_a_month_range_shares_the_year_written_after_it(tmp_path, nlp):
    text = (
        "Chronology\n\n"
        "In January 2016 the family moved to the area. The school was told.\n\n"
        "During March/April 2016 the mother missed three appointments at the surgery.\n\n"
        "In June 2016 the health visitor visited the family at home.\n"
    )
    _, events = events_of(tmp_path, nlp, text)
    event = event_with(events, "March/April 2016")
    assert (event.date, event.date_end) == (D(2016, 3, 1), D(2016, 4, 30))


def test_document_dates_are_no_events_and_date_nothing(tmp_path, nlp):
    text = (
        "Serious Case Review: Child V\n\n"
        "Published: March 2019\n\n"
        "Final version 12.4.2018\n\n"
        "1. Summary of events\n\n"
        "1.1 On 3rd May 2017 the police attended the home after a report of shouting. "
        "The officers spoke to both parents.\n\n"
        "Child V Serious Case Review – Page 3 of 12 – January 2020\n\n"
        "1.2 The social worker visited the mother the following week and completed an assessment.\n\n"
        "1.3 On 9th June 2017 a strategy discussion was held.\n"
    )
    _, events = events_of(tmp_path, nlp, text)
    assert all(e.date is None or e.date.year == 2017 for e in events), [(e.date, e.sentence) for e in events]
    assert not any("Published" in e.sentence or "Final version" in e.sentence or "Page 3" in e.sentence for e in events)
    assert event_with(events, "the following week").date == D(2017, 5, 10)


def test_a_cited_guidance_date_does_not_beat_the_sentences_own(tmp_path, nlp):
    text = (
        "Chronology\n\n"
        "On 4th February 2015 the midwife made a referral to children's social care. "
        "The next day the referral was screened in line with the local procedures (DfE March 2013).\n\n"
        "On 2nd March 2015 an assessment was started, as Working Together (2013) expects "
        "and as set out by the Board (HM Government, 2013).\n\n"
        "On 20th March 2015 the assessment was completed.\n"
    )
    _, events = events_of(tmp_path, nlp, text)
    assert event_with(events, "The next day the referral").date == D(2015, 2, 5)
    assert event_with(events, "an assessment was started").date == D(2015, 3, 2)


def test_no_chronology_heading_recognised_by_its_run_of_dated_paragraphs(tmp_path, nlp):
    text = (
        "1. Why we held this review\n\n"
        "1.1 The Partnership agreed to hold this review after Child W was injured.\n\n"
        "2. The early months\n\n"
        "2.1 On 4th April 2019 the midwife saw the mother for her booking appointment. She said she felt well.\n\n"
        "2.2 On 2nd June 2019 the mother went to the emergency department with pain.\n\n"
        "3. After the birth\n\n"
        "3.1 Child W was born on 30th September 2019.\n\n"
        "3.2 The health visitor saw the family on 12th October 2019.\n\n"
        "4. Recommendations\n\n"
        "4.1 By 1st June 2020 the Partnership should audit its pre-birth pathway.\n"
    )
    _, events = events_of(tmp_path, nlp, text)
    dates = [e.date for e in events]
    assert D(2019, 4, 4) in dates and D(2019, 10, 12) in dates
    assert event_with(events, "She said she felt well").date == D(2019, 4, 4)
    assert D(2020, 6, 1) not in dates  # recommendations are not the chronology


def test_without_a_chronology_the_body_is_read_and_dates_do_not_carry(tmp_path, nlp):
    text = (
        "Child X Learning Review\n\n"
        "Contents\n\n"
        "Introduction 2\n"
        "The review 3\n"
        "Findings 5\n\n"
        "Introduction\n\n"
        "Child X was admitted to hospital with a burn in January 2021. The family had moved to the area in 2019.\n\n"
        "The family were known to the housing service because of overcrowding. The school described Child X as "
        "quiet.\n\n"
        "Findings\n\n"
        "On 5th March 2020 the school should have shared its concern.\n"
    )
    _, events = events_of(tmp_path, nlp, text)
    assert event_with(events, "admitted to hospital with a burn").date == D(2021, 1, 1)
    assert not any("overcrowding" in e.sentence or "quiet" in e.sentence for e in events)
    assert not any("should have shared" in e.sentence for e in events)


def test_a_carried_date_stops_at_a_footnote_and_a_table(tmp_path, nlp):
    text = (
        "Chronology\n\n"
        "On 3rd May 2018 the police attended the family home.¹ The officers spoke to the mother.\n\n"
        "On 9th May 2018 the social worker visited. She saw the children.\n\n"
        "The mother agreed to a safety plan.\n\n"
        "Date\tAgency\tEvent\n"
        "12/06/2018\tHealth\tThe GP saw the mother, who said she was low in mood.\n"
        "20/06/2018\tSchool\tThe school recorded that the older child was tired.\n\n"
        "The family moved house and the records were sent on.\n\n"
        "¹ The attendance was logged as a domestic incident in April 2016 guidance.\n"
    )
    report, events = events_of(tmp_path, nlp, text)
    assert event_with(events, "The mother agreed to a safety plan").date == D(
        2018, 5, 9
    )  # still the chronology's window
    assert not any("moved house" in e.sentence for e in events)  # nothing dates it after the table
    assert not any(e.start >= text.index("¹ The attendance") for e in events)


def test_paragraph_numbers_are_not_dotted_dates(tmp_path, nlp):
    text = (
        "4. Chronology\n\n"
        "4.1.9 On 2nd March 2011 the health visitor visited the family.\n\n"
        "4.1.10 The health visitor weighed the baby and gave advice about feeding.\n\n"
        "4.1.11 On 9th March 2011 the GP saw the baby.\n"
    )
    _, events = events_of(tmp_path, nlp, text)
    assert all(e.date is None or e.date.year == 2011 for e in events), [(e.date, e.sentence) for e in events]
    assert all(e.expression != "4.1.10" for e in events)


def test_the_reviews_own_history_is_no_event(tmp_path, nlp):
    text = (
        "1. Introduction\n\n"
        "1.1 This review was commissioned by the partnership after Child L, aged eight months, "
        "was admitted to hospital with a fractured femur in February 2022.\n\n"
        "1.2 The panel met on five occasions between December 2022 and March 2023. "
        "The lead reviewer met the mother in February 2023.\n\n"
        "1.3 The partnership decided on 3rd November 2022 that the criteria were met.\n"
    )
    _, events = events_of(tmp_path, nlp, text)
    assert event_with(events, "admitted to hospital with a fractured femur").date == D(2022, 2, 1)
    assert not any(
        "panel met" in e.sentence or "lead reviewer" in e.sentence or "decided" in e.sentence for e in events
    )


def test_a_date_standing_alone_dates_the_paragraphs_under_it(tmp_path, nlp):
    text = (
        "3. Chronology\n\n"
        "12th March 2014\n\n"
        "The health visitor visited the family at home. She noted that the mother seemed low.\n\n"
        "The health visitor made a referral to the perinatal team.\n\n"
        "3 April 2014\n\n"
        "The GP saw the mother, who said she was feeling better.\n\n"
        "4. Analysis\n\n"
        "4.1 The visit of 12th March was thorough.\n"
    )
    _, events = events_of(tmp_path, nlp, text)
    assert event_with(events, "made a referral to the perinatal team").date == D(2014, 3, 12)
    assert event_with(events, "The GP saw the mother").date == D(2014, 4, 3)
    assert not any("thorough" in e.sentence for e in events)


def test_a_running_header_inside_a_paragraph_neither_dates_nor_splits_it(tmp_path, nlp):
    text = (
        "2. Chronology\n\n"
        "2.1 On 4th June 2018 the health visitor saw the mother at the clinic. The mother said that her partner\n\n"
        "Child Z Serious Case Review – March 2020 14\n\n"
        "had moved back into the family home. The health visitor recorded this in the notes.\n\n"
        "2.2 On 20th June 2018 the police attended the home.\n\n"
        "Child Z Serious Case Review – March 2020 15\n\n"
        "2.3 On 2nd July 2018 a strategy discussion was held.\n"
    )
    _, events = events_of(tmp_path, nlp, text)
    assert event_with(events, "had moved back into the family home").date == D(2018, 6, 4)
    assert event_with(events, "recorded this in the notes").date == D(2018, 6, 4)
    assert all(e.date is None or e.date.year == 2018 for e in events), [(e.date, e.sentence) for e in events]


def test_an_unlabelled_date_on_the_cover_dates_nothing(tmp_path, nlp):
    text = (
        "Child P and Child Q\n\nA Serious Case Review\n\nExecutive Summary\n\nJune 2014\n\n"
        "Northvale Safeguarding Children Board, Civic Centre, Northvale\n\n"
        "1. INTRODUCTION\n\n"
        "1.1 This report is about two sisters, referred to as Child P and Child Q, who are now aged seven and five.\n\n"
        "1.2 They were placed with foster carers in March 2013 after Child P was found to have a burn.\n"
    )
    _, events = events_of(tmp_path, nlp, text)
    assert not [e for e in events if e.date and (e.date.year, e.date.month) == (2014, 6)]
    assert event_with(events, "placed with foster carers").date.isoformat().startswith("2013-03")


def test_outside_a_chronology_a_date_does_not_spread_to_sentences_about_the_report(tmp_path, nlp):
    text = (
        "1. Introduction\n\n"
        "1.1 The two boys were placed in foster care in March 2016 after Child P was found to have a burn. "
        "This report has been anonymised to protect the family. "
        "Later the police interviewed their father.\n\n"
        "1.2 The review considers how agencies worked together.\n"
    )
    _, events = events_of(tmp_path, nlp, text)
    assert not [e for e in events if "anonymised" in e.sentence]
    assert event_with(events, "police interviewed").date.isoformat().startswith("2016-03")

"""Chronologies written in other styles than the bundled review.

Hand-written, fictional reviews: numbered paragraphs, a Date/Agency/Event
table, and a prose summary crossing a new year with a planned date and
reported speech.  Each is read through the real ingest and the one parse.
"""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.events import extract_events
from pipeline.ingest import load_report
from pipeline.nlp import parse_report

D = dt.date

NUMBERED = """Serious Case Review: Child Q

Period under review: 1st April 2019 to 31st January 2020

1. Introduction

1.1 This review concerns Child Q, a baby who was seriously injured in January 2020.

Key

Child Q – the subject of the review

MQ – mother of Child Q

FQ – father of Child Q

SW1 – allocated social worker

2. Chronology of key events

2.1 On 5 June 2019 the health visitor visited MQ at home and weighed Child Q.

2.2 Two days later MQ telephoned the GP surgery to ask for an appointment.

2.3 On 12/07/2019 police attended the home after a neighbour reported shouting. FQ was arrested.

2.4 The following morning SW1 visited MQ and discussed a safety plan.

2.5 In late August 2019 the family moved to a new address in the same town.

2.6 Between 2nd and 6th September, Child Q stayed with her maternal grandmother.

2.7 On 3rd January Child Q was taken to the Emergency Department by MQ. A skeletal survey was completed. (KPE 4)

3. Analysis and learning

3.1 On 5 June 2019 the health visitor should have asked about the father.
"""

TABLE = """Child Safeguarding Practice Review: Baby R

The review covers the period from 1st January 2021 to 30th April 2021.

1. Key

Baby R – the subject of the review

MR – mother of Baby R

SW2 – social worker

HV2 – health visitor

2. Chronology

Date\tAgency\tEvent
03/02/2021\tPolice\tOfficers attended the home following a report of a domestic incident.
04/02/2021\tChildren's Social Care\tA strategy discussion was held and SW2 was allocated.
12 February\tHealth Visiting\tHV2 visited MR and noted a bruise on Baby R's cheek.

3. Findings

Agencies did not share information about the incident on 3rd February.
"""

PROSE = """Child Safeguarding Practice Review: Child T

Period under review: 1st November 2018 to 28th February 2019

Key

Child T – subject of the review

MT – mother of Child T

SW4 – social worker

PHV – health visitor

1. Summary of events

On 28th December MT took Child T to the GP with a rash. The GP referred Child T to the paediatric clinic.

A week later PHV visited MT at home. MT told PHV that Child T had been unsettled the previous night.

On 10th January a strategy meeting was held. A child protection medical was planned to take place on 14th January. The following day SW4 visited the family home. It may be that MT did not understand the plan.

2. Analysis

In hindsight the GP should have considered a safeguarding referral on 28th December.
"""  # noqa: E501


def events_of(text: str, tmp_path, nlp, name: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    report = load_report(path)
    return report, extract_events(report, parse_report(report, nlp))


def find(events, words: str):
    hits = [e for e in events if words in e.sentence]
    assert hits, f"no event with {words!r}"
    return hits[0]


@pytest.fixture(scope="module")
def numbered(tmp_path_factory, nlp):
    return events_of(NUMBERED, tmp_path_factory.mktemp("numbered"), nlp, "child_q.txt")


@pytest.fixture(scope="module")
def table(tmp_path_factory, nlp):
    return events_of(TABLE, tmp_path_factory.mktemp("table"), nlp, "baby_r.txt")


@pytest.fixture(scope="module")
def prose(tmp_path_factory, nlp):
    return events_of(PROSE, tmp_path_factory.mktemp("prose"), nlp, "child_t.txt")


def test_numbered_paragraphs(numbered):
    report, events = numbered
    visit = find(events, "the health visitor visited MQ")
    assert (visit.date, visit.precision) == (D(2019, 6, 5), "day")
    assert visit.actors[:2] == ["health visitor", "MQ"] and visit.action == "visit"
    assert find(events, "Two days later MQ telephoned").date == D(2019, 6, 7)
    police = find(events, "police attended the home")
    assert police.date == D(2019, 7, 12) and "police" in police.actors
    assert find(events, "FQ was arrested").inherited
    assert find(events, "The following morning SW1").date == D(2019, 7, 13)
    late = find(events, "In late August 2019")
    assert (late.date, late.date_end, late.precision) == (D(2019, 8, 21), D(2019, 8, 31), "approx")
    stay = find(events, "Between 2nd and 6th September")
    assert (stay.date, stay.date_end) == (D(2019, 9, 2), D(2019, 9, 6))


def test_numbered_year_from_period_and_kpe(numbered):
    report, events = numbered
    ed = find(events, "taken to the Emergency Department")
    assert ed.date == D(2020, 1, 3)  # January after a September anchor, inside the review period
    assert ed.kpe == "KPE4" and "emergency department" in ed.agencies
    assert find(events, "skeletal survey").kpe == "KPE4"


def test_numbered_analysis_and_introduction_are_not_chronology(numbered):
    report, events = numbered
    assert not [e for e in events if "should have" in e.sentence or "This review concerns" in e.sentence]


def test_table_rows_give_one_event_each(table):
    report, events = table
    rows = [e for e in events if e.source == "table_row"]
    assert [e.date for e in rows] == [D(2021, 2, 3), D(2021, 2, 4), D(2021, 2, 12)]  # day-first
    assert rows[0].actors == ["police"] and rows[0].expression == "03/02/2021"
    assert "children's social care" in rows[1].agencies and "SW2" in rows[1].actors
    assert rows[2].actors[:2] == ["HV2", "MR"] and rows[2].action == "visit"
    assert not [e for e in events if "did not share" in e.sentence]


def test_prose_across_new_year(prose):
    report, events = prose
    gp = find(events, "MT took Child T to the GP")
    assert gp.date == D(2018, 12, 28)
    assert "GP" in find(events, "The GP referred").actors
    week = find(events, "A week later PHV")
    assert (week.date, week.precision) == (D(2019, 1, 4), "week")


def test_prose_reported_speech_and_plans(prose):
    report, events = prose
    told = find(events, "MT told PHV")
    assert told.date == D(2019, 1, 4) and told.expression is None  # "the previous night" is what MT said
    planned = find(events, "was planned to take place")
    assert (planned.date, planned.modality) == (D(2019, 1, 14), "planned")
    assert find(events, "The following day SW4").date == D(2019, 1, 11)
    assert not [e for e in events if e.sentence.startswith(("It may be", "In hindsight"))]


MARKDOWN_TABLE = """# Review of Child V

Period under review: 1st January 2021 to 30th April 2021

## Chronology

| Date | Agency | Event |
|---|---|---|
| 03/02/2021 | Police | Officers attended the home after a report of a domestic incident. |
| 4 February 2021 | Health Visiting | The health visitor visited the mother. |
| | | The following day the GP saw the mother. |
"""


def test_markdown_pipe_table(tmp_path, nlp):
    report, events = events_of(MARKDOWN_TABLE, tmp_path, nlp, "child_v.md")
    assert [(e.date, e.source) for e in events] == [
        (D(2021, 2, 3), "table_row"),
        (D(2021, 2, 4), "table_row"),
        (D(2021, 2, 5), "table_row"),
    ]
    assert events[1].actors == ["health visitor"] and events[1].agencies == ["health visiting"]
    assert events[2].relative and events[2].expression == "The following day"


MIXED = """Child Safeguarding Practice Review: Child K

Period under review: 1st January 2018 to 31st December 2018

Key

Child K – subject of the review

MK – mother of Child K

FK – father of Child K

SW6 – social worker

4. Chronology

In early 2018 MK moved to the area with Child K.

On 3 March 2018 (Saturday) FK was arrested by police following a disturbance. 14th-16th March 2018 Child K stayed with a neighbour.

On or around 12 May the school nurse saw Child K and noted she was underweight. At 02:00 on 6 June police attended the home.

On Monday 9th July SW6 made a referral to the MASH. On the 12th a strategy discussion was held. Later that week the paediatrician examined Child K.

By 20 July FK had returned to the family home. Six weeks later MK told the health visitor that FK had left.
"""  # noqa: E501


def test_mixed_forms(tmp_path, nlp):
    report, events = events_of(MIXED, tmp_path, nlp, "child_k.txt")
    early = find(events, "In early 2018")
    assert (early.date, early.date_end, early.precision) == (D(2018, 1, 1), D(2018, 4, 30), "approx")
    arrest = find(events, "FK was arrested by police")
    # the one acted upon by a named agent is the object, not an actor (the gold's convention)
    assert arrest.date == D(2018, 3, 3) and arrest.actors == ["police"] and arrest.action == "arrest"
    assert arrest.object == "FK"
    stay = find(events, "Child K stayed with a neighbour")
    assert (stay.date, stay.date_end) == (D(2018, 3, 14), D(2018, 3, 16))
    around = find(events, "the school nurse saw Child K")
    assert (around.date, around.precision, around.expression) == (D(2018, 5, 12), "approx", "On or around 12 May")
    assert find(events, "police attended the home").date == D(2018, 6, 6)  # the time "02:00" is not a date
    assert find(events, "On the 12th").date == D(2018, 7, 12)
    week = find(events, "Later that week")
    # the rest of the calendar week of Thursday 12 July (to Sunday 15th)
    assert (week.date, week.date_end, week.precision) == (D(2018, 7, 13), D(2018, 7, 15), "approx")
    six = find(events, "Six weeks later")
    assert (six.date, six.precision) == (D(2018, 8, 31), "week")


AGENCIES = """Child Safeguarding Practice Review: Child N

Period under review: 1st January 2020 to 31st December 2020

Key

Child N – subject of the review

MN – mother of Child N

IDW – domestic abuse worker

2. Chronology

On 2nd March Northshire Police (NP) received a call from MN. The case was allocated to an Independent Domestic Abuse Worker (IDW).

On 9th March Brightway Family Solutions received a referral from Northshire Children's Social Care. NP shared information with IDW.
"""  # noqa: E501


def test_agencies_named_by_the_report(tmp_path, nlp):
    report, events = events_of(AGENCIES, tmp_path, nlp, "child_n.txt")
    call = find(events, "received a call from MN")
    assert call.actors == ["NP", "MN"] and "NP" in call.agencies
    assert "IDW" in find(events, "allocated to an Independent Domestic Abuse Worker").actors
    referral = find(events, "Brightway Family Solutions received")
    assert referral.actors[0] == "Brightway Family Solutions"
    assert "Northshire Children's Social Care" in referral.agencies
    assert find(events, "NP shared information").actors == ["NP", "IDW"]


KEYED = """Serious Case Review: Child Q

The review covers the period from 1st January 2020 to 31st December 2020.

1. Key

Child Q – the subject of the review

QM – Child Q's mother

QFC – Foster Carer for Child Q

QSSW – QFC Supervising Social Worker

2. Chronology

On 3rd March 2020 QFC discussed her concerns with the supervising social worker and QM was told that she had to return by 6pm.

On 4th March a strategy meeting was held at the police station, attended by QM and the Staffordshire social worker. It was agreed that Child Q would stay with QFC.

3. Findings

The plan was not reviewed.
"""  # noqa: E501


def test_roles_from_the_key_meetings_and_attendees(tmp_path, nlp):
    report, events = events_of(KEYED, tmp_path, nlp, "child_q.txt")
    discussed = find(events, "QFC discussed her concerns")
    # "the supervising social worker" is the key's "QSSW – QFC Supervising Social Worker"
    assert discussed.actors[:2] == ["QFC", "QSSW"]
    held = find(events, "a strategy meeting was held")
    # a place-qualified role is someone else, written as the report writes it
    assert {"QM", "Staffordshire social worker"} <= set(held.actors)
    agreed = find(events, "It was agreed that Child Q would stay")
    assert agreed.actors == ["strategy meeting"] and agreed.date == D(2020, 3, 4)


PERIODS = """Serious Case Review: Child P

Period under review: 1st January 2019 to 31st December 2019

Key

Child P – the subject of the review

MP – mother of Child P

SW2 – allocated social worker

3. Chronology

3.1 4th March to 30th April 2019

On 4th March 2019 the midwife notified Westshire Children's Services that MP was pregnant.

On 20th March the case was transferred to the assessment team.

Westshire Children's Services established and maintained contact with the family support worker. The team liaised with the housing service and began to draw up a plan based on MP staying with her aunt during the pregnancy.

SW2 visited MP at her aunt's address and asked about her plans.

On 30th April SW2 completed the assessment.
"""  # noqa: E501


def test_ongoing_activity_is_bounded_by_the_period_its_heading_states(tmp_path, nlp):
    report, events = events_of(PERIODS, tmp_path, nlp, "child_p.txt")
    # kept up over the subsection's period: from the heading's start, not from 20th March
    kept = find(events, "established and maintained contact")
    assert (kept.date, kept.date_end, kept.precision) == (D(2019, 3, 4), D(2019, 4, 30), "approx")
    # "during the pregnancy" tells what the plan was about, not when the team liaised:
    # the sentence shares its paragraph's window
    liaised = find(events, "The team liaised with the housing service")
    assert (liaised.date, liaised.date_end, liaised.expression) == (D(2019, 3, 4), D(2019, 4, 30), None)
    # a one-off happening with no date still follows the narrative order
    visit = find(events, "SW2 visited MP at her aunt's address")
    assert (visit.date, visit.date_end) == (D(2019, 3, 20), D(2019, 4, 30))


COMPLETED = """Serious Case Review: Child R

Period under review: 1st January 2019 to 31st December 2019

Key

Child R – the subject of the review

MR – mother of Child R

HV1 – first health visitor

HV2 – second health visitor

SW3 – allocated social worker

2. Chronology

On 3rd May HV1 visited MR at home and weighed Child R.

On 20th May SW3 visited MR and discussed the plan.

On 14th June a core group meeting took place. By this time HV1 had left and HV2 had taken over. By this time MR was living with her aunt.
"""  # noqa: E501


def test_a_past_perfect_by_this_time_lies_between_its_participant_last_seen_and_the_anchor(tmp_path, nlp):
    report, events = events_of(COMPLETED, tmp_path, nlp, "child_r.txt")
    # HV1 was last narrated on 3rd May; the handover was over by 14th June
    handover = find(events, "HV1 had left and HV2 had taken over")
    assert (handover.date, handover.date_end, handover.precision) == (D(2019, 5, 3), D(2019, 6, 14), "approx")
    # a state holding at the anchor (no past perfect) stays at the anchor
    living = find(events, "MR was living with her aunt")
    assert (living.date, living.date_end) == (D(2019, 6, 14), None)

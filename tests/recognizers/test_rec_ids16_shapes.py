"""Issue 12 (set 16): identifiers written in shapes the recognizers did not read, by shape class and context:
dates of birth year first (as Hungarian, Korean, Chinese, Japanese records write them) or month first where the day
cannot be a month; a date bracketed after each child in a record's field of people; record numbers of digit groups
with no letters, a serial longer than ten digits after a record system, a log number with a compact day-month-year
stamp, year / serial / district letters; plates of other countries and the Crown Dependencies beside a vehicle word;
a school whose name opens with a town called "New ..."; a username after "<App> ID"; a plot on a site whose name ends
in a plural possessive; the value of an address field, whatever the country's street words.  All invented, none of
the open drafts' values."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text, kind, value",
    [
        # dates of birth
        (
            "| Name | Relation | Date of birth |\n|---|---|---|\n| Ji-woo | Son | 2015.11.02 |",
            "DATE_OF_BIRTH",
            "2015.11.02",
        ),
        ("checked by date of birth (given as 1979. 04. 17.) with no trace", "DATE_OF_BIRTH", "1979. 04. 17"),
        ("His DOB is written 2008/7/19 on the Japanese passport.", "DATE_OF_BIRTH", "2008/7/19"),
        ("a date of birth of 11/23/2019, in the American order", "DATE_OF_BIRTH", "11/23/2019"),
        ("**Young person:** ORTIZ, Mateo (14/09/2009)", "DATE_OF_BIRTH", "14/09/2009"),
        ("**Children:** Lee, Amy (05/05/2018); Lee, Tom (30/01/2020)", "DATE_OF_BIRTH", "30/01/2020"),
        # references
        (
            "The patient report form (PRF 5520-1187-40, written by the crew) says",
            "CASE_REF",
            "PRF 5520-1187-40",
        ),  # the system goes with it
        ("The 111 call was case 3318-0042-7716-05 in their system.", "CASE_REF", "3318-0042-7716-05"),
        ("Occurrence number OCC 240001987733 was given.", "CASE_REF", "OCC 240001987733"),
        ("found by the police (log STORM 0533/03NOV24) near the canal", "CASE_REF", "STORM 0533/03NOV24"),
        ("and the intelligence entry SIR 24/004417/WY was graded", "CASE_REF", "SIR 24/004417/WY"),
        # vehicles of other countries
        ("His car, registered in Bulgaria (CA 4471 KM), was parked there.", "VEHICLE_REG", "CA 4471 KM"),
        ("A van with French plates, FR-552-ZD, was seen twice.", "VEHICLE_REG", "FR-552-ZD"),
        ("The Irish-registered car 192-KY-4410 left at 9pm.", "VEHICLE_REG", "192-KY-4410"),
        ("the father's car (J 77120) was parked at the harbour", "VEHICLE_REG", "J 77120"),
        # schools, handles, addresses
        (
            "On Saturdays she goes to New Barnet Tamil Supplementary School.",
            "SCHOOL",
            "New Barnet Tamil Supplementary School",
        ),
        ("| Mother | LINE app: Viber ID mai_tran88 |", "SOCIAL_HANDLE", "mai_tran88"),
        (
            "they stay at Plot 2, Sandholme Travellers' Site, Carr Lane, Hexley, HX4 9RT in a trailer",
            "ADDRESS",
            "Plot 2, Sandholme Travellers' Site, Carr Lane, Hexley",
        ),
        (
            "the family live on Pitch 4, Willowmead Gypsies' Site, in a chalet",
            "ADDRESS",
            "Pitch 4, Willowmead Gypsies' Site",
        ),
        (
            "| Address | Flat 2, Le Clos du Moulin, Rue de la Mer, St Aubin JE3 8XX |",
            "ADDRESS",
            "Flat 2, Le Clos du Moulin, Rue de la Mer, St Aubin",
        ),
        ("Home address: Maison Verte, La Route du Nord, Trinity", "ADDRESS", "Maison Verte, La Route du Nord, Trinity"),
    ],
)
def test_shapes_are_found(find, text, kind, value):
    assert (kind, value) in find(text.replace("\\n", "\n"))


@pytest.mark.parametrize(
    "text, kind",
    [
        ("The review covers the years 2019-2020-2021 in turn.", "CASE_REF"),  # a run of years
        ("See paragraphs 4.2-4.7 and the 2024-03-15 meeting.", "CASE_REF"),  # a range and a date
        ("The panel met Child K (Child K, 2021-05-03) and discussed it.", "DATE_OF_BIRTH"),  # no field of people
        ("He saw the children: Jay (3.4.2019) and Ann.", "DATE_OF_BIRTH"),  # a sentence, not a record's field
        ("The meeting on 2024.03.14 agreed the plan.", "DATE_OF_BIRTH"),  # a year-first event date, no cue
        ("Section AB-123 of the form was blank.", "VEHICLE_REG"),  # a plate shape without a vehicle word
        ("The New School and the New Primary School opened.", "SCHOOL"),  # "New" with no town after it
        ("**Strategy ID:** STR-2025-00731 was used.", "SOCIAL_HANDLE"),
        ("| Address | withheld |", "ADDRESS"),  # an address field with no address in it
        (
            "The address was confirmed, then the family moved.",
            "ADDRESS",
        ),  # the word in a sentence  # a record system's ID in capitals
    ],
)
def test_shapes_without_their_context_are_not_found(find, text, kind):
    assert [v for k, v in find(text) if k == kind] == []


def test_a_day_month_date_is_not_read_month_first(find):
    """ "04/05/2016" after a birth cue is one date of birth (the UK order), found once."""
    assert find("She was born on 04/05/2016 at home.", "DATE_OF_BIRTH") == [("DATE_OF_BIRTH", "04/05/2016")]

"""Issue 12 (ids21): identifiers read by their shape or by what the record itself declares, whatever a house style's
label or language: a capitals-and-digits code or a bare run of nine or more digits is a reference; a list of
references runs on across a wrapped line; a cue before a colon makes every date of its list a date of birth, in any
calendar shape (a Japanese era date) or language's long form ("de"); another country's phone number in its national
form; a school named by its own language's school word or any script's letters; an address abroad whose line wraps.
Fictional sentences, names, places and numbers only.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text, value",
    [
        ("The interpreter was booked under QX-55021-B for the visit.", "QX-55021-B"),
        ("Her BRP ZT9042871 was seen at the office.", "ZT9042871"),
        ("Referral to children's services (MASH ref\n> HX-MASH-240318-07), to be discussed.", "HX-MASH-240318-07"),
        ("| Enhanced DBS | Clear | 001784560021 / 001784560039 |", "001784560021"),
        ("The card numbers were 180430110000 and 190931200000.", "190931200000"),
    ],
)
def test_a_reference_shape_is_a_reference_whatever_its_label(find, text, value):
    assert ("CASE_REF", value) in find(text, "CASE_REF")


@pytest.mark.parametrize(
    "text",
    [
        "The review covers Q1-2024 and FY2023; COVID-19 restrictions applied.",
        "The council spent £125000000 in 2019-2020 under section 47 of the Children Act 1989.",
        "She was seen at 10:30 on 12/03/2024 and again on 2024-03-19.",
        "1530HRS OFFICERS ATTENDED THE ADDRESS.",
    ],
)
def test_years_money_dates_and_statutes_are_no_reference(find, text):
    assert find(text, "CASE_REF") == []


def test_a_list_of_references_runs_on_across_a_wrapped_line(find):
    found = find("Hospital numbers: K4471002, 44810003 and\n> 44810097.", "CASE_REF")
    assert ("CASE_REF", "44810097") in found


@pytest.mark.parametrize(
    "text, values",
    [
        (
            "The parents' dates of birth were taken from their identity cards for the booking: Tam 2 janvier 1979, "
            "Lia 1983-10-19. The cards were returned.",
            ["2 janvier 1979", "1983-10-19"],
        ),
        (
            "Dates of birth came from the Brazilian passports: Ana 15 de agosto de 1988, and her brother 2012-04-30.",
            ["15 de agosto de 1988", "2012-04-30"],
        ),
    ],
)
def test_a_cue_before_a_colon_makes_each_date_of_its_list_a_birth(find, text, values):
    found = find(text, "DATE_OF_BIRTH")
    for value in values:
        assert ("DATE_OF_BIRTH", value) in found


@pytest.mark.parametrize(
    "text",
    [
        "The panel dates were set: 3 May 2021, 12 June 2021 and 4 July 2021.",
        "> Young person: Tam Lo | DOB: 14.07.08\n> School: Brook Academy, Year 10\n> Interview: 20/02/2024, 16:00.",
    ],
)
def test_a_list_after_a_colon_without_its_own_birth_cue_is_event_dates(find, text):
    assert ("DATE_OF_BIRTH", "20/02/2024") not in find(text, "DATE_OF_BIRTH")
    assert ("DATE_OF_BIRTH", "12 June 2021") not in find(text, "DATE_OF_BIRTH")


def test_a_japanese_era_date_with_a_birth_cue_is_a_birth(find):
    assert ("DATE_OF_BIRTH", "H27.11.2") in find('The uncle gave her DOB as "H27.11.2" from habit.', "DATE_OF_BIRTH")


@pytest.mark.parametrize(
    "text, value",
    [
        ("The worker's contact details were given as 04 66 21 38 15 by letter.", "04 66 21 38 15"),
        ("Her landline was recorded as (21) 3254-8871 in Rio.", "(21) 3254-8871"),
    ],
)
def test_a_phone_abroad_in_national_form_beside_a_phone_word(find, text, value):
    assert ("PHONE", value) in find(text, "PHONE")


@pytest.mark.parametrize(
    "text",
    [
        "On 01 02 2020 there were 12 visits.",
        "Phone calls on 05.09.23 and 06.09.23 to the school.",
        "Call Childline on 0800 1111 free.",
    ],
)
def test_dates_digit_groups_and_helplines_are_no_phone_abroad(find, text):
    assert find(text, "PHONE") == []


@pytest.mark.parametrize(
    "text, value",
    [
        ("She taught at Whakaora Area School in New Zealand.", "Whakaora Area School"),
        ("The transfer papers came from Collège les Oliviers last year.", "Collège les Oliviers"),
        ("He was at Kura Waiora before the move.", "Kura Waiora"),
        ("He had attended Yeşilköy Ortaokulu for a year.", "Yeşilköy Ortaokulu"),
        ("The sibling is enrolled at 北浜小学校 in Japan.", "北浜小学校"),
        ("The sibling is enrolled at 한빛초등학교 in Korea.", "한빛초등학교"),
    ],
)
def test_a_school_abroad_by_its_own_school_word(find, text, value):
    assert ("SCHOOL", value) in find(text, "SCHOOL")


@pytest.mark.parametrize(
    "text, value",
    [
        (
            "They stayed with the aunt at 12 rue des Amandiers, 30140\nSaint-Jean-des-Prés. The worker said",
            "12 rue des Amandiers, 30140\nSaint-Jean-des-Prés",
        ),
        (
            "The address in Japan was 3-8-21 Midorigaoka,\nKitahama-shi, Shizuoka-ken 431-0299, on the form.",
            "3-8-21 Midorigaoka,\nKitahama-shi, Shizuoka-ken 431-0299",
        ),
    ],
)
def test_an_address_abroad_runs_on_where_the_prose_wraps(find, text, value):
    assert ("ADDRESS", value) in find(text, "ADDRESS")

"""Issue 12 (ids20): identifiers of records written abroad and of record shapes, read by the naming system or shape
rather than by the surfaces seen.  A date of birth with another language's month name (dateparser's CLDR data), in
the Georgian year-first order or the Vietnamese worded order; a date naming the same day as a date of birth found
once; a date after a person's sex marker or after a role and a name in capitals in a log; another country's personal
number in a row labelled as a number (not a phone); a passport row; a service number; a number labelled with where it
was read; an address abroad closed by a town, a postcode and a country; a business page named in quotes after its
platform; a nursery's name before a hyphened kind word.  Fictional sentences, names, places and numbers.
"""

from __future__ import annotations

import pytest

from pipeline.deid.recognizers.month_words import calendar_value, month_number
from pseudonymise_text import code_text


def test_month_words_come_from_dateparser_in_every_language():
    assert month_number("agu") == 8  # Indonesian
    assert month_number("березня") == 3  # Ukrainian genitive
    assert month_number("მარტი") == 3  # Georgian
    assert month_number("Julai") == 7  # Swahili
    assert month_number("Mart") == 3  # Turkish
    assert month_number("Tuesday") is None


def test_one_day_written_in_many_ways_has_one_calendar_value():
    same = {calendar_value(s) for s in ("7 OKT 1990", "07/10/1990", "1990-10-07", "7.10.90", "1990 წლის 7 ოქტომბერი")}
    assert same == {(90, 10, 7)}
    assert calendar_value("10/21/1990", month_first=True) == (90, 10, 21)


@pytest.mark.parametrize(
    "text, value",
    [
        ("Her date of birth on the Turkish card: 3 Mart 1979.", "3 Mart 1979"),
        ("The passport gives DOB 19 ОКТ 1983 in Bulgarian.", "19 ОКТ 1983"),
        ("Born 14 березня 2011 in Lviv, she came in 2022.", "14 березня 2011"),
        ("The uncle's date of birth 1971 წლის 12 მარტი is on his card.", "1971 წლის 12 მარტი"),
        ("Her date of birth is ngày 5 tháng 11 năm 1994 on the form.", "ngày 5 tháng 11 năm 1994"),
        ("DOB (Kenyan ID) 9 Agosti 1988.", "9 Agosti 1988"),
    ],
)
def test_a_month_in_another_language_is_a_month(find, text, value):
    assert ("DATE_OF_BIRTH", value) in find(text, "DATE_OF_BIRTH")


def test_a_foreign_month_date_without_a_cue_is_an_event(find):
    assert find("On 3 Mart 2019 the family moved to Izmir.", "DATE_OF_BIRTH") == []


def test_a_date_naming_a_known_date_of_birth_is_that_date_of_birth(find):
    text = "Child P, DOB 21/05/2013, was seen.\n\nSubject: RE: Pia Novak 21.5.2013 - referral\n\nSeen again 22/05/2013."
    found = find(text, "DATE_OF_BIRTH")
    assert ("DATE_OF_BIRTH", "21.5.2013") in found
    assert ("DATE_OF_BIRTH", "22/05/2013") not in found


def test_a_date_after_a_sex_marker_in_a_nominal_record(find):
    text = "PERSONS: KOVAC Ana (F) 1988-02-14, NINO not held; KOVAC Emil (M) dob not known."
    assert ("DATE_OF_BIRTH", "1988-02-14") in find(text, "DATE_OF_BIRTH")


def test_a_date_bracketed_after_a_role_and_a_capitals_name_in_a_log(find):
    assert ("DATE_OF_BIRTH", "11/04/1985") in find(
        "CALLER HOLT MARIA (11/04/1985) STATES EX-P AT DOOR.", "DATE_OF_BIRTH"
    )
    assert find("PREVIOUS INCIDENT (03/02/2025) REFERS.", "DATE_OF_BIRTH") == []


TABLE = """| Item | Mother | Father |
|---|---|---|
| Armenian public service no. | 02108833417 | 01105527730 |
| Passport | Armenian, 44AK10937 | – |
| Contact no. | 01632 960 221 | – |
"""


def test_a_personal_number_in_a_row_labelled_as_a_number_is_no_phone(find):
    found = find(TABLE)
    assert ("CASE_REF", "02108833417") in found and ("CASE_REF", "01105527730") in found
    assert ("CASE_REF", "44AK10937") in found
    assert ("PHONE", "01632 960 221") in found


@pytest.mark.parametrize(
    "text, value",
    [
        ("Father (M), svc no. 25516093, posted abroad.", "25516093"),
        ("The ID card number (KTP), on the visa form: 3273014507850002.", "3273014507850002"),
        ("Booked via the agency, Somali interpreter ID TL-ID 552301, by phone.", "TL-ID 552301"),
    ],
)
def test_a_number_by_its_own_name(find, text, value):
    assert ("CASE_REF", value) in find(text, "CASE_REF")


@pytest.mark.parametrize(
    "text, value",
    [
        (
            "His mother lives at Sitio Malaya, Purok 4, Brgy. Talon, Tanauan 4232, Philippines, with his sister.",
            "Sitio Malaya, Purok 4, Brgy. Talon, Tanauan 4232, Philippines",
        ),
        (
            "Previous home: 12 Nyerere Avenue, Ngara, Nairobi 00600, Kenya.",
            "12 Nyerere Avenue, Ngara, Nairobi 00600, Kenya",
        ),
        (
            "The grandmother's flat is at vul. Sadova 9, kv. 41, Poltava 36000, Ukraine.",
            "vul. Sadova 9, kv. 41, Poltava 36000, Ukraine",
        ),
    ],
)
def test_an_address_abroad_closed_by_town_postcode_and_country(find, text, value):
    assert ("ADDRESS", value) in find(text, "ADDRESS")


def test_years_and_countries_are_no_address(find):
    assert find("In 2019, Warsaw 2020, Poland hosted the games.", "ADDRESS") == []


def test_a_business_page_in_quotes_after_its_platform_is_a_handle(find):
    text = 'He sells through a Facebook page "Marku Roofing & Sons", his mother says.'
    assert ("SOCIAL_HANDLE", "Marku Roofing & Sons") in find(text, "SOCIAL_HANDLE")
    assert find('A Facebook message "why are you ignoring me" came at 2am.', "SOCIAL_HANDLE") == []


DRAFT = """Rapid Review: Child R

| Field | Entry |
|---|---|
| Early years setting | Busy Owls Pre-School |

2.1 Child R started at Busy Owls in May. Busy Owls staff saw a bruise.
2.2 Mother's interpreter was booked, ID RD-ID 661204, by the health visitor.
"""
KEY = {"people": [{"code": "RM", "role": "Child R's mother", "names": ["Ruta Danne"]}]}


@pytest.fixture(scope="module")
def coded(tmp_path_factory, nlp, analyzer):
    return code_text(tmp_path_factory.mktemp("draft"), DRAFT, KEY, nlp, analyzer)


def test_a_nursery_named_before_a_hyphened_kind_word_recurs_without_it(coded):
    assert "Owls" not in coded.text


def test_a_code_holding_a_persons_initials_is_replaced_whole(coded):
    assert "661204" not in coded.text and "RD-" not in coded.text


@pytest.mark.parametrize(
    "text, value",
    [
        ("Seen on the ward; NHS number 731 552 0194 on the band.", "731 552 0194"),
        ("| Field | Entry |\n|---|---|\n| CHI number | 220419 3317 |\n", "220419 3317"),
    ],
)
def test_a_number_after_its_nhs_or_chi_label_is_that_number_even_mistyped(find, text, value):
    assert ("NHS_NUMBER", value) in find(text)


def test_a_chat_groups_name_is_no_handle(find):
    assert find('The rota was kept in a WhatsApp group called "Team Arlo Rota".', "SOCIAL_HANDLE") == []

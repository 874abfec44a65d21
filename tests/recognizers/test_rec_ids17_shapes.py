"""Issue 12 (set 17 and set 16's cause 10): identifiers written in shapes the recognizers did not read, by class.

Dates of birth with the month as a word joined by hyphens, dots or slashes (hospital and police systems) and in the
CJK year-month-day characters; addresses abroad by their own country's structure (street word before or after the
name, house number, district, postcode shape, city); UK addresses led by a house name or a room; national identity
numbers by a label (across a relative clause), a country prefix or their check digit; a school in capitals in a log;
a partial vehicle mark with "?" for the unseen characters; usernames after a label with words before its colon,
after an account word and a colon or quotes, the second of two after one platform label; a nursery's district
before the clause goes on.  And a neighbour: a street is not lifted by its own word "Street".  All invented, none of
the open drafts' values.
"""

from __future__ import annotations

import pytest

from pipeline.deid.recognizers import national_id


@pytest.mark.parametrize(
    "text, kind, value",
    [
        # dates of birth
        ("  NAME: OKONJO, TAYO   DOB: 03-Apr-2019 (5y)   SEX: F", "DATE_OF_BIRTH", "03-Apr-2019"),
        ("the baby (date of birth 11.Sep.2023) was weighed", "DATE_OF_BIRTH", "11.Sep.2023"),
        ("ARRESTED: DOE, JON   DOB 28FEB1979   NFA", "DATE_OF_BIRTH", "28FEB1979"),
        ("his DOB is given as 1991-Dec-05 on the visa", "DATE_OF_BIRTH", "1991-Dec-05"),
        ("her date of birth, 2001年12月3日, is on the residence card", "DATE_OF_BIRTH", "2001年12月3日"),
        ("date of birth 1977년 8월 30일 (passport)", "DATE_OF_BIRTH", "1977년 8월 30일"),
        # addresses abroad
        (
            "his address in Turkey is Yeni Mahallesi, Gül Sokak No. 7, Elbistan, Kahramanmaraş, he said",
            "ADDRESS",
            "Yeni Mahallesi, Gül Sokak No. 7, Elbistan, Kahramanmaraş",
        ),
        (
            "the uncle lives at Via dei Mille 42, 50131 Firenze, Italy.",
            "ADDRESS",
            "Via dei Mille 42, 50131 Firenze, Italy",
        ),
        (
            "the grandmother's flat, Room 1104, Building 3, Heping Xiaoqu, Gulou District, Nanjing, has one room",
            "ADDRESS",
            "Room 1104, Building 3, Heping Xiaoqu, Gulou District, Nanjing",
        ),
        ("they lived at ul. Ogrodowa 9/12, 61-821 Poznań until 2016", "ADDRESS", "ul. Ogrodowa 9/12, 61-821 Poznań"),
        ("an aunt at 8 rue des Lilas, 69003 Lyon, France.", "ADDRESS", "8 rue des Lilas, 69003 Lyon, France"),
        ("the address was Lindenstraße 14, 04109 Leipzig.", "ADDRESS", "Lindenstraße 14, 04109 Leipzig"),
        ("Previous address: 17 Banpo-daero, Seocho-gu, Seoul.", "ADDRESS", "17 Banpo-daero, Seocho-gu, Seoul"),
        ("Address in China: 广东省深圳市南山区科技园8号", "ADDRESS", "广东省深圳市南山区科技园8号"),
        # UK addresses led by a house name or a room
        (
            "to reside at Birchfield House, 23 Mallory Road, Ilford IG1 2XX and report",
            "ADDRESS",
            "Birchfield House, 23 Mallory Road, Ilford",
        ),
        ("a room in a shared house: Room 5, 48 Hatton Street, Bootle.", "ADDRESS", "Room 5, 48 Hatton Street, Bootle"),
        # national identity numbers
        ("her Turkish identity number, T.C. 27451963074, was on the letter", "CASE_REF", "T.C. 27451963074"),
        (
            "The mother's identity card number, which the housing officer copied, is 440305199208152718.",
            "CASE_REF",
            "440305199208152718",
        ),
        ("his Indian passport, which is Z7734012, was held by the uncle", "CASE_REF", "Z7734012"),
        ("the number on the consular letter was 85071422184 and", "CASE_REF", "85071422184"),  # a valid PESEL
        ("a CPF of 418.307.652-80 appears on the form", "CASE_REF", "418.307.652-80"),
        # schools, plates, handles, nurseries
        ("14:02 CALL FROM DSL BRAMWELL LANE PRIMARY. CHILD NOT IN.", "SCHOOL", "BRAMWELL LANE PRIMARY"),
        ("A witness saw part of the plate: KM62 ?TL, a blue Ford.", "VEHICLE_REG", "KM62 ?TL"),
        ("The Telegram usernames are mo_k1987 (father) and dana.k.sh (mother).", "SOCIAL_HANDLE", "dana.k.sh"),
        ("Instagram username from her sister: tilly_rose_09", "SOCIAL_HANDLE", "tilly_rose_09"),
        ("Second account: zed.k.2011", "SOCIAL_HANDLE", "zed.k.2011"),
        ('he ran another account, "tk_runner_21", from the hostel', "SOCIAL_HANDLE", "tk_runner_21"),
        (
            "She went to Happy Days Nursery, Walton, from 2020 until she started school.",
            "NURSERY",
            "Happy Days Nursery, Walton",
        ),
    ],
)
def test_shapes_are_found(find, text, kind, value):
    assert (kind, value) in find(text)


@pytest.mark.parametrize(
    "text, kind",
    [
        ("The review meeting on 19-Jun-2025 agreed the plan.", "DATE_OF_BIRTH"),  # an event date, no cue
        ("Held: Room 4, Block C, Civic Centre, Northtown.", "ADDRESS"),  # a meeting room, no district word
        ("Venue: Room 2, Weald House.", "ADDRESS"),  # a meeting room in a named building
        ("as Brandon et al. Sidebotham 2016 found", "ADDRESS"),  # "al." is no street word here
        # 8 digits, no valid check digit (a bare run of nine or more digits is a reference since ids21: case_ref.yaml
        # bare_long_number)
        ("The invoice number was 12345678 and it was paid.", "CASE_REF"),
        ("RISK HIGH. DSL SCHOOL LIAISON TO FOLLOW. PRIMARY SCHOOL.", "SCHOOL"),  # log words, no school's name
        ("Answers: ???? ??? and A??? ?BC", "VEHICLE_REG"),  # too few known characters
        ("Her bank account: 40-12-77 was closed.", "SOCIAL_HANDLE"),
        ("The office is in Hope Street, and the joke about it was made.", "ADDRESS"),  # no residence word
    ],
)
def test_shapes_without_their_evidence_are_not_found(find, text, kind):
    assert [v for k, v in find(text) if k == kind] == []


def test_a_nursery_keeps_the_person_after_it(find):
    """The place after a nursery's comma is taken only where a place's clause goes on, never a person's name."""
    assert find("At Busy Bees Nursery, Sarah, the manager, said he was fine.", "NURSERY") == [
        ("NURSERY", "Busy Bees Nursery")
    ]


def test_a_time_is_not_a_plate(find):
    """ "02:30 AT" in a log in capitals: the minutes of a time and a preposition, not a dateless mark."""
    assert find("FOUND 02:30 AT ADDRESS WITH MALES IN AUDI.", "VEHICLE_REG") == []


@pytest.mark.parametrize(
    "check, valid, invalid",
    [
        (national_id.tr_kimlik, "27451963074", "27451963075"),
        (national_id.pl_pesel, "85071422184", "85071422185"),
        (national_id.br_cpf, "418.307.652-80", "418.307.652-81"),
        (national_id.cn_resident, "440305199208152718", "440305199208152719"),
        (national_id.es_dni, "12345678Z", "12345678A"),
        (national_id.in_aadhaar, "234123412346", "234123412347"),
    ],
)
def test_check_digits(check, valid, invalid):
    assert check(valid) and not check(invalid)

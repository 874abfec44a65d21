"""Issue 12 (ids18): identifiers as records and authorities abroad write them, by shape and label rather than by
the values seen: numbered schools and kindergartens named in their own language, dates of birth listed under one
cue or given twice in parallel, a file reference after another country's label, German and Polish plates, an
estate-and-block address, a postal address led by a building; and a street named alone after its numbered address
is no address (fictional sentences, names and places).
"""

from __future__ import annotations

import pytest

from pseudonymise_text import code_text


@pytest.mark.parametrize(
    "text, entity, value",
    [
        (
            "Both girls went to Szkoła Podstawowa nr 7 im. Marii Konopnickiej w Nowej Dębie until 2020.",
            "SCHOOL",
            "Szkoła Podstawowa nr 7 im. Marii Konopnickiej w Nowej Dębie",
        ),
        (
            "Before that he was at Przedszkole Publiczne nr 3 w Zawierciu.",
            "NURSERY",
            "Przedszkole Publiczne nr 3 w Zawierciu",
        ),
        (
            'He attended the kindergarten Detska gradina No. 12 "Zvanche" in Haskovo.',
            "NURSERY",
            'Detska gradina No. 12 "Zvanche"',
        ),
        ("She was enrolled at Școala Gimnazială nr. 9 Botoșani in 2018.", "SCHOOL", "Școala Gimnazială nr. 9 Botoșani"),
        (
            "Her brother went to Grădinița cu Program Normal nr. 4 Vaslui.",
            "NURSERY",
            "Grădinița cu Program Normal nr. 4 Vaslui",
        ),
        ("They came from Escola Básica n.º 5 de Almada last year.", "SCHOOL", "Escola Básica n.º 5 de Almada"),
        (
            "Records were asked of the Scuola dell'Infanzia Arcobaleno in Prato.",
            "NURSERY",
            "Scuola dell'Infanzia Arcobaleno",
        ),
    ],
)
def test_a_numbered_or_kind_first_institution_abroad_is_found_whole(find, text, entity, value):
    assert (entity, value) in find(text, entity)


@pytest.mark.parametrize(
    "text, dates",
    [
        (
            "The letter concerns the boys Tomek and Olek, born 03.02.2012 and 17.11.2015, who left in May.",
            ["03.02.2012", "17.11.2015"],
        ),
        (
            "Her date of birth is recorded differently (9 May 1990 on the passport, 05/09/1990 on the GP form).",
            ["9 May 1990", "05/09/1990"],
        ),
        ("DOB 12/01/2016 in the school file, 01/12/2016 in the police file.", ["12/01/2016", "01/12/2016"]),
    ],
)
def test_dates_of_birth_listed_under_one_cue_or_given_in_parallel(find, text, dates):
    assert [v for _, v in find(text, "DATE_OF_BIRTH")] == dates


@pytest.mark.parametrize(
    "text",
    [
        "Children born between 1 April 2019 and 31 March 2020 were included.",
        "DOB 12/01/2016. She was seen on 3 May 2021 in clinic, 4 June 2021 in A&E.",
        "Mira was born on 2 March 2018 and on 5 June 2020 the family moved.",
    ],
)
def test_range_ends_and_later_event_dates_are_no_dates_of_birth(find, text):
    assert [v for _, v in find(text, "DATE_OF_BIRTH") if v not in ("12/01/2016", "2 March 2018")] == []


@pytest.mark.parametrize(
    "text, ref",
    [
        ("Mit freundlichen Grüßen, Jugendamt Essen, Az. 42/7-KS-2023-1177, per e-mail.", "42/7-KS-2023-1177"),
        ("His Bulgarian personal number (ЕГН) was given as 8803154471.", "8803154471"),
        ("A Kenyan passport numbered AK0093317 was on file.", "AK0093317"),
        ("Her national identification number, NX55120398QRT, was on the tenancy.", "NX55120398QRT"),
        ("The officer left a card and a reference (CM/24/1183/07) with the carer.", "CM/24/1183/07"),
        ("The Spanish expediente 2021/00388-SS was closed.", "2021/00388-SS"),
        ("Nr. dosar: 2210/118/2022 at the Iași tribunal.", "2210/118/2022"),
    ],
)
def test_a_reference_after_another_countrys_label_or_an_apposition(find, text, ref):
    assert ref in [v for _, v in find(text, "CASE_REF")]


@pytest.mark.parametrize("text", ["See Cm 9876 and HC 1204 for the guidance.", "Published as DFE-00195-2013."])
def test_publication_references_stay_excluded(find, text):
    assert find(text, "CASE_REF") == []


@pytest.mark.parametrize(
    "text, plate",
    [
        ("A German-plated car (K-LM 2290) was seen outside.", "K-LM 2290"),
        ("The van, a Polish-registered Fiat SK 77401, was parked on the drive.", "SK 77401"),
    ],
)
def test_german_and_polish_plates_with_a_vehicle_word(find, text, plate):
    assert ("VEHICLE_REG", plate) in find(text, "VEHICLE_REG")


@pytest.mark.parametrize("text", ["The form K-LM 2290 was filed.", "Invoice SK 77401 was paid."])
def test_plate_shapes_without_a_vehicle_word_are_not_plates(find, text):
    assert find(text, "VEHICLE_REG") == []


@pytest.mark.parametrize(
    "text, address",
    [
        (
            "Her address in Bulgaria was zh.k. Trakia, bl. 112, vh. A, et. 4, ap. 15, Plovdiv 4023, until 2021.",
            "zh.k. Trakia, bl. 112, vh. A, et. 4, ap. 15, Plovdiv 4023",
        ),
        (
            "The father lives at Str. Teilor nr. 9, bl. D1, sc. A, et. 2, ap. 8, Bacău 600093.",
            "Str. Teilor nr. 9, bl. D1, sc. A, et. 2, ap. 8, Bacău 600093",
        ),
        (
            "Write to the panel at Quarry Bank Offices, Tanner Street, Hexley HX4 9ZZ for copies.",
            "Quarry Bank Offices, Tanner Street, Hexley",
        ),
    ],
)
def test_an_estate_block_address_and_a_building_led_postal_address(find, text, address):
    assert ("ADDRESS", address) in find(text, "ADDRESS")


@pytest.mark.parametrize(
    "text",
    [
        "Write to Jane Oduya, Tanner Street, Hexley HX4 9ZZ for copies.",  # a person, not a building, leads it
        "The panel met at the Civic Centre, Tanner Street, in the spring.",  # no postcode: an office in running text
    ],
)
def test_a_person_or_an_office_without_postcode_is_no_building_led_address(find, text):
    assert all(not v.startswith(("Jane", "Civic")) for _, v in find(text, "ADDRESS"))


DRAFT = """2.1 Child V lived with her mother Tara Quill at 19 Heronsgate Walk, Ashmoor, until March 2023.
2.2 Home visit to Heronsgate Walk on 4 April: no answer. The tenancy at Heronsgate Walk ended in May.
2.3 In June the family moved to Larkspur Court, a block near the station.
2.4 The father took Flat 3, 27 Wrenfield Court, Ashmoor in July; the tenancy for Wrenfield Court is in his name.
"""
KEY = {"people": [{"code": "RM", "role": "Child V's mother", "names": ["Tara Quill", "Tara"]}]}


@pytest.fixture(scope="module")
def coded(tmp_path_factory, nlp, analyzer):
    return code_text(tmp_path_factory.mktemp("draft"), DRAFT, KEY, nlp, analyzer)


def test_the_street_of_a_numbered_address_named_alone_is_kept_and_is_no_person(coded):
    assert "Home visit to Heronsgate Walk on 4 April" in coded.text
    assert "The tenancy at Heronsgate Walk ended" in coded.text
    assert "19 Heronsgate Walk" not in coded.text


def test_a_street_given_only_alone_as_a_home_is_still_an_address(coded):
    assert "moved to [ADDRESS]" in coded.text


def test_a_label_word_in_capitals_is_not_taken_as_a_systems_letters(find):
    assert find("  ATTENDED 22:41. OCC REF 30110417-2291\n", "CASE_REF") == [("CASE_REF", "30110417-2291")]


@pytest.mark.parametrize(
    "text, date",
    [
        ("Mãe: Rita (data de nascimento 14.07.1989), residente em Braga.", "14.07.1989"),
        ("Dziecko: Ola, ur. 02.10.2014, uczennica klasy 3.", "02.10.2014"),
        ("Vater: Herr B., geb. 19.01.1981, wohnhaft in Kassel.", "19.01.1981"),
        ("La madre, nata il 05/12/1992 a Torino, vive a Milano.", "05/12/1992"),
    ],
)
def test_a_birth_label_of_a_record_abroad_makes_a_date_of_birth(find, text, date):
    assert ("DATE_OF_BIRTH", date) in find(text, "DATE_OF_BIRTH")


def test_a_letters_date_is_no_date_of_birth(find):
    assert find("Thank you for your letter of 12.03.2020 about the family.", "DATE_OF_BIRTH") == []


def test_a_numbered_court_of_flats_is_one_building_named_alone_as_the_home(coded):
    assert "Wrenfield" not in coded.text
    assert "the tenancy for [ADDRESS] is in his name" in coded.text

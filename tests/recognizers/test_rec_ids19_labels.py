"""Issue 12 (ids19): an identifier is what the record's label, row or slot says it is, whatever its shape: a
reference after a label of an NHS system, a professional register, an account or another country's personal number
(values in any script, digits in spaced groups, a second spelling in brackets); a table row labelled down the side; an
address after the word "address" or filling its cell; a date in a DOB row or after "her birth"; a telephone's
extension; a nursery named in its own slot; a quoted dotted username; bare Nordic personal numbers by their check
digits.  And a bare flat number is no address.  Fictional sentences, names, places and numbers.
"""

from __future__ import annotations

import pytest

from pipeline.deid.recognizers.national_id import fi_hetu, is_kennitala, no_fodselsnummer
from pseudonymise_text import code_text


@pytest.mark.parametrize(
    "text, value",
    [
        ("The e-Referral UBRN is 2210 4471 8036 for the clinic.", "2210 4471 8036"),
        ("Seen by Dr Amos Tilley, GMC 6120448, on the ward.", "6120448"),
        ("The health visitor (NMC PIN 11B2034E) saw the twins.", "11B2034E"),
        ("Her pupil number (UPN) was given as H803311270456.", "H803311270456"),
        ("Letter re: Milo Greer, Hosp. no. KX2209318, clinic 4.", "KX2209318"),
        ("Council tax account: CT 5512 0087 3 was in arrears.", "CT 5512 0087"),
        ("His henkilötunnus 030388-912F was on the Kela form.", "030388-912F"),
        ("Her Danish CPR number 220890-1146 was on the school form.", "220890-1146"),
        ("The father's Kazakh registration number ЖК55019332 was on the visa.", "ЖК55019332"),
    ],
)
def test_a_labelled_value_is_a_reference_whatever_its_shape(find, text, value):
    assert ("CASE_REF", value) in find(text, "CASE_REF")


def test_a_second_spelling_in_brackets_is_the_same_reference(find):
    found = find('Her registration number АБ70112234 (transliterated as "AB70112234") was checked.', "CASE_REF")
    assert ("CASE_REF", "АБ70112234") in found and ("CASE_REF", "AB70112234") in found


@pytest.mark.parametrize(
    "text",
    [
        "The review met on 12 03 2024 and again later.",
        "Case numbers rose from 2019 2020 onwards.",
        "Her mobile: 07700 900 123 was switched off.",
    ],
)
def test_spaced_digits_that_are_a_date_years_or_a_phone_are_no_reference(find, text):
    assert find(text, "CASE_REF") == []


def test_a_row_label_lifts_a_code_cell(find):
    table = "| Item | Police | Council |\n|---|---|---|\n| Mother's Eritrean ID card no. | – | ER 7731092 |\n"
    assert ("CASE_REF", "ER 7731092") in find(table, "CASE_REF")
    unlabelled = "| Item | Police | Council |\n|---|---|---|\n| Mother's team | – | ER 7731092 |\n"
    assert ("CASE_REF", "ER 7731092") not in find(unlabelled, "CASE_REF")


def test_a_dob_row_label_is_the_cue_for_every_date_in_the_row(find):
    table = "| Field | GP record | School record |\n|---|---|---|\n| Date of birth | 04/02/2014 | 2014-02-04 |\n"
    dates = find(table, "DATE_OF_BIRTH")
    assert ("DATE_OF_BIRTH", "04/02/2014") in dates and ("DATE_OF_BIRTH", "2014-02-04") in dates
    visits = "| Field | GP record | School record |\n|---|---|---|\n| Last seen | 04/02/2024 | 2024-02-04 |\n"
    assert find(visits, "DATE_OF_BIRTH") == []


def test_her_birth_is_a_cue_and_and_inside_a_name_breaks_no_clause(find):
    text = "The red book records his birth at St Ann and St Luke Maternity Unit on 3 June 2019."
    assert ("DATE_OF_BIRTH", "3 June 2019") in find(text, "DATE_OF_BIRTH")
    assert find("She was born in Kerry and moved to Leeds on 3 June 2019.", "DATE_OF_BIRTH") == []


@pytest.mark.parametrize(
    "text, value",
    [
        ("Her previous address in Oslo was Trondheimsveien 44 B, 0560 Oslo.", "Trondheimsveien 44 B, 0560 Oslo"),
        ("The grandmother's address: 17 Adetokunbo Crescent, Wuse 2, Abuja.", "17 Adetokunbo Crescent, Wuse 2, Abuja"),
    ],
)
def test_an_address_after_its_label_in_running_text(find, text, value):
    assert ("ADDRESS", value) in find(text, "ADDRESS")


def test_an_email_address_label_is_no_street_address(find):
    assert find("His email address was given as A7 Kent, Leeds team.", "ADDRESS") == []


def test_an_address_cell_takes_its_places_and_skips_empty_cells(find):
    table = (
        "| Item | Health | Council |\n|---|---|---|\n"
        "| Address | 9 Osier Way, Pelsall, Walsall | same |\n"
        "| Address abroad | – | Plot 12, Ring Road, Kasoa, Central Region 00233 |\n"
    )
    found = find(table, "ADDRESS")
    assert ("ADDRESS", "9 Osier Way, Pelsall, Walsall") in found
    assert ("ADDRESS", "Plot 12, Ring Road, Kasoa, Central Region 00233") in found


def test_a_bare_flat_number_is_no_address(find):
    assert find("The neighbour in Flat 4 complained about the noise again.", "ADDRESS") == []


@pytest.mark.parametrize(
    "text, value",
    [
        ("Switchboard 0113 243 3144 ext 55021 (Named Nurse).", "0113 243 3144 ext 55021"),
        ("Please ring 01904 631 000 x 4410 and ask for the duty worker.", "01904 631 000 x 4410"),
    ],
)
def test_a_phone_keeps_its_extension(find, text, value):
    assert ("PHONE", value) in find(text, "PHONE")


@pytest.mark.parametrize(
    "text, value",
    [
        ("Her younger brother has started nursery at Ladybirds on Beech Road.", "Ladybirds on Beech Road"),
        ("| Nursery | Tadpoles at Kirkstall |", "Tadpoles at Kirkstall"),
        ("Nursery (Honeypot) were asked for attendance.", "Honeypot"),
    ],
)
def test_a_nursery_named_in_its_own_slot(find, text, value):
    assert ("NURSERY", value) in find(text, "NURSERY")


@pytest.mark.parametrize(
    "text",
    [
        "He was late to nursery, Mum said.",
        "Back at nursery (Monday) he was calm.",
        "She attends Bright Sparks Day Nursery (Fenwood) on Mondays.",
    ],
)
def test_a_person_or_day_after_nursery_is_no_nursery(find, text):
    assert all(value.endswith("Nursery") for _, value in find(text, "NURSERY"))


def test_a_quoted_dotted_username_near_an_account_word(find):
    text = 'His account is "rafe.k.77" and his brother\'s own is "milo.bright".'
    assert ("SOCIAL_HANDLE", "milo.bright") in find(text, "SOCIAL_HANDLE")
    assert find('The file "report.pdf" was attached to the account note.', "SOCIAL_HANDLE") == []


def test_nordic_check_digits():
    assert is_kennitala("230791-2289") and not is_kennitala("230791-2288") and not is_kennitala("230791-2298")
    assert fi_hetu("030388-912F") and not fi_hetu("030388-912E")
    assert no_fodselsnummer("12078549392") and not no_fodselsnummer("12078549393")


def test_a_bare_kennitala_is_found_by_its_check_digit(find):
    assert ("CASE_REF", "230791-2289") in find("A copy of the card, 230791-2289, was kept.", "CASE_REF")
    assert find("A copy of the invoice, 230791-2288, was kept.", "CASE_REF") == []


DRAFT = """Rapid Review: Child W

| Field | Entry |
|---|---|
| Hospital no. | QR4471209 |
| School | Fernlea Primary School |
| Nursery | Little Wrens Day Nursery, Harehills |

2.1 At the case conference (QR4471209) the family support worker at Fernlea Primary said Child W was hungry.
2.2 The nursery manager (Little Wrens) replied in May.
"""
KEY = {"people": [{"code": "WM", "role": "Child W's mother", "names": ["Dana Ruck"]}]}


@pytest.fixture(scope="module")
def coded(tmp_path_factory, nlp, analyzer):
    return code_text(tmp_path_factory.mktemp("draft"), DRAFT, KEY, nlp, analyzer)


def test_a_reference_found_under_its_label_is_replaced_where_it_recurs_bare(coded):
    assert "QR4471209" not in coded.text


def test_a_school_recurs_without_its_last_kind_word(coded):
    assert "Fernlea" not in coded.text


def test_a_nursery_found_with_its_district_recurs_without_it(coded):
    assert "Wrens" not in coded.text

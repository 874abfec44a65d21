"""NHS_NUMBER: 10 digits (3-3-4 or not) that pass the modulus-11 check."""

import pytest

from pipeline.deid.recognizers import analyze_text
from pipeline.deid.recognizers.nhs_number import nhs_checksum_ok


@pytest.mark.parametrize(
    "sentence, number",
    [
        ("Her NHS number is 943 476 5919 according to the GP record.", "943 476 5919"),
        ("The baby (NHS No. 3982597919) was discharged home.", "3982597919"),
        ("Records for 678-698-1984 were requested from the hospital.", "678-698-1984"),
        ("NHS number: 634 648 4850.", "634 648 4850"),
    ],
)
def test_valid_nhs_numbers_are_found(find, sentence, number):
    assert ("NHS_NUMBER", number) in find(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The reference 7251027346 appears on the letter.",  # fails the check digit
        "The reference 623 286 0129 was quoted on the referral.",  # fails the check digit
        "The form showed 000 000 0000 as a placeholder.",  # passes the checksum but is filler
        "The Trust saw 1,234 referrals and 5,678 contacts in 2017.",
        "The file ran to 9434765919123 characters.",  # part of a longer number
    ],
)
def test_invalid_or_other_numbers_are_not_nhs_numbers(find, sentence):
    assert find(sentence, "NHS_NUMBER") == []


def test_mistyped_nhs_number_is_found_only_next_to_nhs(find, nlp):
    """A number failing the check is still someone's (mistyped) NHS number when labelled so."""
    sentence = "Her NHS number was recorded as 623 286 0129 on the referral."
    assert find(sentence) == [("NHS_NUMBER", "623 286 0129")]
    (result,) = analyze_text(sentence, nlp=nlp)
    assert result.score < 1.0  # below a checksum-valid number


def test_checksum_examples():
    assert nhs_checksum_ok("9434765919")
    assert not nhs_checksum_ok("9434765918")
    assert not nhs_checksum_ok("943476591")


def test_nhs_number_wins_over_other_shapes(find):
    """A checksum-valid number is reported once, as an NHS number."""
    assert find("NHS 943 476 5919") == [("NHS_NUMBER", "943 476 5919")]


def test_mistyped_nhs_number_in_an_nhs_number_column_is_found(find):
    """A family table states "NHS number" once, in the header: every cell under it is one,
    even when the checksum fails (a typo in the record)."""
    table = (
        "| Name | Date of birth | NHS number | Address |\n"
        "|---|---|---|---|\n"
        "| Child R | 03/02/2019 | 623 286 0129 | as above |\n"
        "| Child S | 11/12/2020 | 512 770 3184 | as above |\n"
    )
    found = find(table, "NHS_NUMBER")
    assert ("NHS_NUMBER", "623 286 0129") in found
    assert ("NHS_NUMBER", "512 770 3184") in found


def test_mistyped_number_in_another_column_is_not_an_nhs_number(find):
    """Only the column the header names: a checksum-failing number under "Case number" is not one."""
    table = "| Agency | Case number | NHS contact |\n|---|---|---|\n| Police | 623 286 0129 | none |\n"
    assert find(table, "NHS_NUMBER") == []


@pytest.mark.parametrize(
    ("sentence", "number"),
    [
        ("Her CHI number, 120516 1007, was on the referral.", "120516 1007"),  # passes the check
        ("CHI 030419 1001 (as the health board recorded it).", "030419 1001"),  # fails it: the CHI cue decides
        ("His H&C number 320 456 7891 was on the discharge letter.", "320 456 7891"),
    ],
)
def test_scottish_chi_and_northern_irish_hc_numbers_are_found(find, sentence, number):
    assert ("NHS_NUMBER", number) in find(sentence)


def test_a_date_shaped_six_four_number_without_a_cue_that_fails_the_check_is_left(find):
    assert not [f for f in find("The reference 030419 1001 was quoted on the invoice.") if f[0] == "NHS_NUMBER"]

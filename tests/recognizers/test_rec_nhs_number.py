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

"""NI_NUMBER: National Insurance numbers with HMRC's prefix rules."""

import pytest


@pytest.mark.parametrize(
    "sentence, number",
    [
        ("His National Insurance number is QQ 12 34 56 C.", "QQ 12 34 56 C"),
        ("NI number AB123456C was given to the benefits office.", "AB123456C"),
        ("The DWP letter quoted JK 123456 D for the claim.", "JK 123456 D"),
        ("Her NINO, ZA 98 76 54 A, was on the tenancy form.", "ZA 98 76 54 A"),
        ("National insurance: ce 12 34 56 b.", "ce 12 34 56 b"),
        ("NI: JT\u00a045\u00a067\u00a089\u00a0B (from a Word table).", "JT\u00a045\u00a067\u00a089\u00a0B"),
    ],
)
def test_ni_numbers_are_found(find, sentence, number):
    assert ("NI_NUMBER", number) in find(sentence)


def test_ni_number_without_suffix_needs_context(find):
    assert ("NI_NUMBER", "AB 12 34 56") in find("Her National Insurance number was AB 12 34 56 on the form.")
    assert find("The leaflet code AB 12 34 56 was printed on the back.", "NI_NUMBER") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The number BG123456C was on the form.",  # BG is never allocated
        "The number GB 12 34 56 A was on the form.",  # GB is never allocated
        "Code DA123456A appeared on the printout.",  # D is not a valid first letter
        "Code AO123456A appeared on the printout.",  # O is not a valid second letter
        "The code AB123456E appeared on the printout.",  # suffix must be A-D
        "Section 47 enquiries started at 10 12 34 on the log.",
    ],
)
def test_invalid_prefixes_and_other_codes_are_rejected(find, sentence):
    assert find(sentence, "NI_NUMBER") == []

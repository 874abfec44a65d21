"""PHONE: UK mobiles and landlines, national and +44 forms, spacing variants."""

import pytest


@pytest.mark.parametrize(
    "sentence, number",
    [
        ("EM's mobile number was 07700 900123 at the time.", "07700 900123"),
        ("She texted from 07700900456 late at night.", "07700900456"),
        ("He gave 07700-900-789 as a contact number.", "07700-900-789"),
        ("The foster carer can be reached on 0161 496 0000.", "0161 496 0000"),
        ("The grandmother's landline (0161) 496 0123 was disconnected.", "(0161) 496 0123"),
        ("Her sister in London used 020 7946 0000.", "020 7946 0000"),
        ("The aunt's number was 01632 960123.", "01632 960123"),
        ("From abroad he called +44 7700 900321 twice.", "+44 7700 900321"),
        ("A message was left on +44 (0)161 496 0999 for the father.", "+44 (0)161 496 0999"),
        ("The advice line number was 0300 123 4567.", "0300 123 4567"),
        ("Contact: 0044 20 7946 0123.", "0044 20 7946 0123"),
        ("Copied from Word: 07700\u00a0900555.", "07700\u00a0900555"),  # non-breaking space
    ],
)
def test_uk_phone_numbers_are_found(find, sentence, number):
    assert ("PHONE", number) in find(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The strategy meeting was held on 03/04/2017 at 10.30.",
        "ChildLine can be called free on 0800 1111.",  # helpline: an organisation's number
        "The NSPCC helpline is 0808 800 5000.",
        "The review covered 2016-2017 and 47 referrals.",
        "The case was logged as 1234567890123 in the system.",
        "The reference 0712345 was too short to be a number.",
        "The code 077009001234 was garbled in transcription.",  # twelve digits: a longer number
    ],
)
def test_other_numbers_are_not_phones(find, sentence):
    assert find(sentence, "PHONE") == []


@pytest.mark.parametrize(
    "sentence, number",
    [
        ("She left her own number, +380 50 318 2276, with the helpline.", "+380 50 318 2276"),
        ("Her mother's number in Brazil is +55 21 99876 5432.", "+55 21 99876 5432"),
        ("His cousin in Poland was on 0048 601 234 567.", "0048 601 234 567"),
        ("The uncle's mobile was +48 601-234-567 until May.", "+48 601-234-567"),
    ],
)
def test_numbers_with_another_countrys_calling_code(find, sentence, number):
    assert ("PHONE", number) in find(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The score rose by +12 3456 7890 points in the trial.",
        "The ratio was +1.5 and the grant +2000000000.",
    ],
)
def test_signed_figures_are_not_international_numbers(find, sentence):
    assert find(sentence, "PHONE") == []

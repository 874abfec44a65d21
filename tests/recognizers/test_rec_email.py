"""EMAIL: e-mail addresses, without any network look-up of domains."""

import pytest


@pytest.mark.parametrize(
    "sentence, address",
    [
        ("EM emailed the social worker from kayleigh.smith87@example.com on Monday.", "kayleigh.smith87@example.com"),
        ("Her address was j_doe+cases@mail.example.co.uk, which she rarely checked.", "j_doe+cases@mail.example.co.uk"),
        ("Contact: <Jane.Doe@Example.org>.", "Jane.Doe@Example.org"),
        ("The father used dad-2016@example.net.", "dad-2016@example.net"),
    ],
)
def test_email_addresses_are_found(find, sentence, address):
    assert ("EMAIL", address) in find(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Email was used more often than text messages.",
        "She sent a message @ 10pm to the worker.",
        "The handle @kayleigh_s was on her profile.",
        "The address user@localhost has no domain.",
        "The figure 3@4 per week was quoted.",
    ],
)
def test_non_emails_are_ignored(find, sentence):
    assert find(sentence, "EMAIL") == []

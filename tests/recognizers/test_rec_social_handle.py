"""SOCIAL_HANDLE: @handles, never e-mail addresses."""
import pytest


@pytest.mark.parametrize(
    "sentence, handle",
    [
        ("EF posted threats on Instagram as @dark_angel_99.", "@dark_angel_99"),
        ("Her Twitter account @kayleigh.s was public.", "@kayleigh.s"),
        ("Messages came from @JayDee2016 on TikTok.", "@JayDee2016"),
        ("@mummy_of_two shared photographs of the baby.", "@mummy_of_two"),
    ],
)
def test_handles_are_found(find, sentence, handle):
    assert ("SOCIAL_HANDLE", handle) in find(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "She wrote to kayleigh.smith@example.com about the visit.",
        "The meeting was @ 10:30 in the contact centre.",
        "The price was quoted as 3 @ £4 each.",
        "The symbol @ was missing from her address.",
    ],
)
def test_emails_and_stray_at_signs_are_not_handles(find, sentence):
    assert find(sentence, "SOCIAL_HANDLE") == []


def test_email_is_reported_as_email_not_handle(find):
    assert find("Write to jo.bloggs@example.org please.") == [("EMAIL", "jo.bloggs@example.org")]

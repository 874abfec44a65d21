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


@pytest.mark.parametrize(
    "sentence, handle",
    [
        ("snap: jadeyk", "jadeyk"),
        ("She used the Instagram account jade.k.2004 to message him.", "jade.k.2004"),
        ('Her Snapchat name was "tiggs".', "tiggs"),
        ("His TikTok username was bex_99 and he posted daily.", "bex_99"),
        ("Snapchat: kai.m, Instagram: kaim_07", "kai.m"),
        ("Snapchat: kai.m, Instagram: kaim_07", "kaim_07"),
        ("The Roblox account shadowfox_12 sent the messages.", "shadowfox_12"),
        ("He messaged her on Instagram as tommo.b_07.", "tommo.b_07"),
        ("She added him on TikTok (username kerr_ace9).", "kerr_ace9"),
    ],
)
def test_usernames_after_a_platform_label(find, sentence, handle):
    assert ("SOCIAL_HANDLE", handle) in find(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Her Instagram account was deleted in June.",
        "She had a private Instagram account which her mother monitored.",
        "He used Snapchat and Instagram daily.",
        "Snapchat: the messages were sexual in content.",
        "She described Snapchat as 'toxic'.",
        "Her Facebook profile e.g. showed photographs of the baby.",
        "She sent a snap to her friend.",
        "Instagram account: private",
        "Facebook profile - deleted.",
    ],
)
def test_platform_mentions_without_a_username(find, sentence):
    assert find(sentence, "SOCIAL_HANDLE") == []


def test_a_username_in_brackets_after_the_account_word(find):
    assert ("SOCIAL_HANDLE", "lee.carr.4410") in find("His Facebook account (lee.carr.4410) was reported.")
    assert find("Her Facebook account (now closed) was reported.", "SOCIAL_HANDLE") == []


@pytest.mark.parametrize(
    "sentence, handle",
    [
        (
            "Her only link outside the home was a WeChat group; her ID, zhoufy_2207, was given to the police.",
            "zhoufy_2207",
        ),
        ("Police found his username was mk_raider09 on the gaming site.", "mk_raider09"),
        ("His Viber handle: dj_kofi77.", "dj_kofi77"),
        ("She was in a Discord server where her gamertag, nyx_shadow4, was known.", "nyx_shadow4"),
    ],
)
def test_username_after_an_account_word_with_a_platform_near(find, sentence, handle):
    """Without an @: an underscore-and-digit token after an account word, lifted by a platform word."""
    assert ("SOCIAL_HANDLE", handle) in find(sentence, "SOCIAL_HANDLE")


@pytest.mark.parametrize(
    "sentence",
    [
        "The patient ID, ward_12b, was printed on the wristband.",  # no platform or account word near
        "The form asked for an ID, then a signature.",
        "Her WeChat ID was never recorded.",
        "The school's user id list was reviewed in 2021.",
    ],
)
def test_ids_without_a_platform_or_a_username_shape_are_not_handles(find, sentence):
    assert find(sentence, "SOCIAL_HANDLE") == []

"""POSTCODE: every UK postcode shape, with or without the space."""

import pytest


@pytest.mark.parametrize(
    "sentence, postcode",
    [
        ("The family moved to a flat in SK4 1AA last spring.", "SK4 1AA"),  # AA9 9AA
        ("Her grandmother's address ended M1 1AE.", "M1 1AE"),  # A9 9AA
        ("Letters went to B33 8TH without reply.", "B33 8TH"),  # A99 9AA
        ("The postcode CR2 6XH was on the referral.", "CR2 6XH"),
        ("They were rehoused in DN55 1PT.", "DN55 1PT"),  # AA99 9AA
        ("The foster carers live near W1A 0AX.", "W1A 0AX"),  # A9A 9AA
        ("The school is in EC1A 1BB, near the station.", "EC1A 1BB"),  # AA9A 9AA
        ("Postcode: OL16 2QT.", "OL16 2QT"),
        ("Her postcode was written as SK41AA on the form.", "SK41AA"),  # no space
    ],
)
def test_postcodes_are_found(find, sentence, postcode):
    assert ("POSTCODE", postcode) in find(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The family lived in the SK4 area of Stockport.",  # outward code only: an area
        "The role codes EM1 and OHV2 are used throughout.",
        "At KPE12 3 referrals were made to the team.",
        "The invalid shape QA1 1AA should not match.",  # Q never starts a postcode
        "The inward code may not use C: SK4 1CA.",
        "The review was published in 2018 by the board.",
        "Lower case sk4 1aa in running prose is not treated as a postcode.",
    ],
)
def test_non_postcodes_are_ignored(find, sentence):
    assert find(sentence, "POSTCODE") == []

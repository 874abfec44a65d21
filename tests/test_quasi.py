"""Quasi-identifiers: birth facts, exact age with an exact date, small places (fictional)."""

from __future__ import annotations

import pytest

from pipeline.deid.policy import load_policy
from pipeline.deid.quasi import find_quasi_identifiers
from pipeline.nlp import parse


def quasi(nlp, text, allowed=None):
    doc = parse(text, nlp, ["KM", "KF", "Child K"])
    return [(doc.text[c.start : c.end], c.type) for c in find_quasi_identifiers(doc, load_policy().quasi, allowed)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Child K was born on 14th February 2019 at home.", ("14th February 2019", "QUASI_BIRTH")),
        ("Child K was born prematurely, at 30 weeks gestation, in July 2020.", ("July 2020", "QUASI_BIRTH")),
        ("On 1st May 2020, aged 15, KM disclosed the abuse.", ("aged 15", "QUASI_AGE_DATE")),
        ("KF, then a 19-year-old, was arrested on 6 June 2019.", ("19-year-old", "QUASI_AGE_DATE")),
        ("The family lived on the Moorside estate.", ("Moorside", "QUASI_PLACE")),
        ("KM stayed with friends in the village of Nether Bramwell.", ("Nether Bramwell", "QUASI_PLACE")),
        ("A neighbour on Pilkington Avenue called the police.", ("Pilkington Avenue", "QUASI_PLACE")),
    ],
)
def test_quasi_identifier_found(nlp, text, expected):
    assert expected in quasi(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Child K was born in March 2019.",  # a birth month alone is normal in a review
        "On 3rd March 2020 KM attended the clinic.",  # a date without an age
        "KM was 17 at the time.",  # an age without a date
        "KM moved from Oldham to Leeds in 2019.",  # local authorities and towns
        "The birth plan was discussed at the antenatal clinic.",
    ],
)
def test_not_a_quasi_identifier(nlp, text):
    assert quasi(nlp, text) == []


def test_allowed_places_are_not_reported(nlp):
    text = "KM moved to Northshire after the birth."
    assert quasi(nlp, text, {"Northshire"}) == []

"""VEHICLE_REG: UK number plates; older shapes need a context word."""

import datetime

import pytest

from pipeline.deid.recognizers.vehicle_reg import age_identifier_issued


@pytest.mark.parametrize(
    "sentence, plate",
    [
        ("A silver Ford Focus, registration AB12 CDE, was seen outside.", "AB12 CDE"),
        ("Police stopped the car LM67 XYZ on the motorway.", "LM67 XYZ"),
        ("The vehicle AB12CDE was registered to the father.", "AB12CDE"),  # unspaced: context needed
        ("He drove a van with the plate K123 ABC.", "K123 ABC"),  # prefix format
        ("The old car, reg ABC 123D, belonged to the grandfather.", "ABC 123D"),  # suffix format
        ("EF was seen near YK15 HGT at the contact centre.", "YK15 HGT"),  # spaced current format stands alone
    ],
)
def test_number_plates_are_found(find, sentence, plate):
    assert ("VEHICLE_REG", plate) in find(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The case was discussed at KPE 12A in the chronology.",  # suffix shape, no vehicle context
        "Code A123 BCD was printed on the leaflet.",  # prefix shape, no vehicle context
        "The car AB99 CDE was seen.",  # age identifier 99 was never issued
        "The worker noted OHV1 and EMGM in the minutes.",
        "The PLO meeting and ICPC followed in May.",
    ],
)
def test_code_like_strings_without_context_are_not_plates(find, sentence):
    assert find(sentence, "VEHICLE_REG") == []


def test_age_identifiers():
    today = datetime.date(2026, 1, 1)
    assert age_identifier_issued(2, today)
    assert age_identifier_issued(26, today)
    assert age_identifier_issued(51, today)
    assert age_identifier_issued(76, today)
    assert not age_identifier_issued(27, today)
    assert not age_identifier_issued(77, today)
    assert not age_identifier_issued(1, today)
    assert not age_identifier_issued(50, today)

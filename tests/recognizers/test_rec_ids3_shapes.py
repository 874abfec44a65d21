"""Issue 12: address, nursery and number-plate shapes from Scotland, Cornwall and Northern Ireland
(fictional sentences, written for these rules)."""

import pytest


@pytest.mark.parametrize(
    "sentence, address",
    [
        # Scottish tenement flats: floor/flat ("0/2", "2/1"), Edinburgh "3F2", stair/flat "12/3"
        ("The boys lived at Flat 0/2, 44 Rowanlea Street with their aunt.", "Flat 0/2, 44 Rowanlea Street"),
        ("She rented Flat 3F2, 9 Marchburn Road, Leith, from a landlord.", "Flat 3F2, 9 Marchburn Road, Leith"),
        ("Police attended 12/3 Calder Gardens at midnight.", "12/3 Calder Gardens"),
        ("Her new flat was Flat 1/L, 30 Skene Terrace.", "Flat 1/L, 30 Skene Terrace"),
        ("Letters went to GF1, 8 Leven Street for a year.", "GF1, 8 Leven Street"),
        # a flat in a named court or close, with the town after it
        ("The family were housed at Flat 4, Carn Brea Court, Redruth.", "Flat 4, Carn Brea Court, Redruth"),
        ("The tenancy was for Flat 1, Pol Kernow Close, Helston TR13 8QZ.", "Flat 1, Pol Kernow Close, Helston"),
        ("Police went to Apartment 7, Tregenna Row, St Ives, at night.", "Apartment 7, Tregenna Row, St Ives"),
    ],
)
def test_flat_shapes_are_whole_addresses(find, sentence, address):
    assert ("ADDRESS", address) in find(sentence)


@pytest.mark.parametrize(
    "sentence, nursery",
    [
        (
            "EF started at Broomfield Early Learning and Childcare Centre in August.",
            "Broomfield Early Learning and Childcare Centre",
        ),
        ("The key worker at Broomfield ELCC raised a concern.", "Broomfield ELCC"),
        ("She moved to Fernlea Early Years Centre in 2022.", "Fernlea Early Years Centre"),
        ("He joined Oakhill Nursery Class after Easter.", "Oakhill Nursery Class"),
    ],
)
def test_scottish_nurseries(find, sentence, nursery):
    assert ("NURSERY", nursery) in find(sentence)


@pytest.mark.parametrize("sentence", ["The ELC setting sent a concern form.", "Staff at the ELCC were worried."])
def test_the_kind_of_setting_alone_is_no_nursery(find, sentence):
    assert find(sentence, "NURSERY") == []


@pytest.mark.parametrize(
    "sentence, plate",
    [
        ("He was seen driving a grey Corsa, registration KIW 4412, near the shop.", "KIW 4412"),  # Northern Ireland
        ("Police checked the vehicle GJZ 9051 on the PNC.", "GJZ 9051"),
        ("The car, reg ABC 123, was registered to the uncle.", "ABC 123"),  # dateless
        ("His van, a white Transit (1234 AB), was seen by ANPR.", "1234 AB"),
    ],
)
def test_older_and_northern_ireland_plates_with_a_vehicle_word(find, sentence, plate):
    assert ("VEHICLE_REG", plate) in find(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The note said ABC 123 in the margin.",  # no vehicle word
        "PC 1234 drove the car to the station at 10 PM.",  # collar number, time
        "The car was doing 40 MPH on the A38 when police stopped it.",
        "DS 412 checked the car.",
        "The car was seen at KPE 3.",
        "Officer KZ 12 wrote the statement.",  # NI shape, no vehicle word
    ],
)
def test_codes_ranks_and_speeds_are_not_plates(find, sentence):
    assert find(sentence, "VEHICLE_REG") == []

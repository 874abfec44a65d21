"""ADDRESS: house number + street name + street type, flats; towns are kept."""

import pytest


@pytest.mark.parametrize(
    "sentence, address",
    [
        ("The family lived at 27 Rose Street until the fire.", "27 Rose Street"),
        ("EM moved to Flat 3, 27 Acacia Avenue in May.", "Flat 3, 27 Acacia Avenue"),
        ("Police attended 4b Hill Top Drive after the call.", "4b Hill Top Drive"),
        ("Her grandmother lives at 12 St Mary's Road, Stockport.", "12 St Mary's Road, Stockport"),
        ("Visits took place at 101 Kings Close.", "101 Kings Close"),
        ("The address given was 9 Oak Tree Crescent, SK4 1AA.", "9 Oak Tree Crescent"),
        ("He was staying at 15-17 Mill Lane with friends.", "15-17 Mill Lane"),
        ("EM was offered Flat 2, Harbour Court by the council.", "Flat 2, Harbour Court"),
        ("The tenancy at 6 Chapel Way ended in June.", "6 Chapel Way"),
        ("She moved to 7 The Crescent with her partner.", "7 The Crescent"),
        ("They were placed at 2 The Old Mews in 2019.", "2 The Old Mews"),
        ("They lived at 33 Bank Top, Northtown, for a year.", "33 Bank Top, Northtown"),
        ("The notes give 27 Rose street as her address.", "27 Rose street"),
        ("EF lived on Rose Street with his brother.", "Rose Street"),  # no number, residence context
    ],
)
def test_addresses_are_found(find, sentence, address):
    assert ("ADDRESS", address) in find(sentence)


def test_postcode_after_an_address_is_separate_and_the_town_completes_the_address(find):
    """A full postal address is one identifier: street and town go together (the town alone elsewhere stays)."""
    sentence = "She lived at 27 Rose Street, Stockport, SK4 1AA."
    assert find(sentence) == [("ADDRESS", "27 Rose Street, Stockport"), ("POSTCODE", "SK4 1AA")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Child B was seen at Stepping Hill Hospital by the paediatrician.",
        "2 Court Hearings took place and 4 Home Visits were made.",
        "The GP at Park Lane Surgery made a referral.",
        "The review was published by Stockport Safeguarding Children Board.",
        "At 28 weeks gestation the baby was delivered at the hospital.",
        "Section 47 enquiries began in Oldham and Stockport.",
        "The meeting was chaired at Oldham Council offices.",
        "In 2017 Greater Manchester Police received 3 calls.",
        "The 5 Key Practice Episodes place the events in context.",
        "There were 2 Health Visitors way before the birth.",
    ],
)
def test_services_towns_and_counts_are_not_addresses(find, sentence):
    assert find(sentence, "ADDRESS") == []


@pytest.mark.parametrize(
    "sentence, address",
    [
        ("They moved to 14 Heol y Bryn in 2020.", "14 Heol y Bryn"),
        ("Police attended Flat 2, 9 Ffordd Glyndwr after the call.", "Flat 2, 9 Ffordd Glyndwr"),
    ],
)
def test_welsh_street_names_put_the_type_first(find, sentence, address):
    assert ("ADDRESS", address) in find(sentence)


@pytest.mark.parametrize(
    "sentence, address",
    [
        ("The family moved to Flat 3, 17 Heol y Felin, Llanfair.", "Flat 3, 17 Heol y Felin, Llanfair"),
        ("They lived at 5 Stryd Fawr until 2021.", "5 Stryd Fawr"),
        ("Police attended 22 Ffordd yr Orsaf that night.", "22 Ffordd yr Orsaf"),
    ],
)
def test_welsh_street_names_put_the_street_word_first(find, sentence, address):
    assert ("ADDRESS", address) in find(sentence)


def test_a_street_word_without_a_number_is_not_an_address(find):
    assert find("She said Heol was her favourite word in Welsh.", "ADDRESS") == []


@pytest.mark.parametrize(
    "sentence, address",
    [
        ("They moved to 14 Alder Close, Wyrebridge, WY3 2PL in May.", "14 Alder Close, Wyrebridge"),
        ("She rented Flat 3, 27 Ffordd Tegid, Rhyl.", "Flat 3, 27 Ffordd Tegid, Rhyl"),
        ("The home was 8 Mill Lane, Stockton-on-Tees.", "8 Mill Lane, Stockton-on-Tees"),
        ("Police went to 9 Park Road, where the door was open.", "9 Park Road"),
    ],
)
def test_the_town_that_completes_a_numbered_address_is_part_of_it(find, sentence, address):
    assert ("ADDRESS", address) in find(sentence)


def test_a_scottish_tenement_flat_number_is_part_of_the_address(find):
    assert ("ADDRESS", "2/1, 15 Rowan Terrace, Kilbrae") in find(
        "They lived at 2/1, 15 Rowan Terrace, Kilbrae, in 2022."
    )


@pytest.mark.parametrize(
    "sentence, address",
    [
        # a named house stands for the number; the village that follows completes the address
        (
            "The sponsors lived at Quince House, Sallow Road, Great Wendham, CB8 4TQ.",
            "Quince House, Sallow Road, Great Wendham",
        ),
        (
            "- Bramble Cottage, Tithe Lane, Lower Ashby (the grandparents' home)",
            "Bramble Cottage, Tithe Lane, Lower Ashby",
        ),
        ("He moved into Flat 4, Heron House, Dunmore Road in May.", "Flat 4, Heron House, Dunmore Road"),
        # a court or place named without a number, with a residence word
        ("She moved to Larkspur Court with the baby.", "Larkspur Court"),
        ("| 02/05/23 | Housing | Move to Wren Place | Tenancy in her name |", "Wren Place"),
        # the town before a bracketed postcode is part of the address
        ("Police searched 8 Gull Street, Seabridge (SB3 1QT) at dawn.", "8 Gull Street, Seabridge"),
    ],
)
def test_named_houses_and_courts_without_numbers(find, sentence, address):
    assert ("ADDRESS", address) in find(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The council meeting was held at County Hall, Market Road, Northtown.",
        "The case moved to Northtown Crown Court in May.",
        "The hearing was listed at Ashby Court on Monday.",
        "She moved to the Family Court's list in June.",
        "The social worker moved to Larkspur in 2019.",
    ],
)
def test_public_buildings_and_courts_of_law_are_not_addresses(find, sentence):
    assert find(sentence, "ADDRESS") == []


@pytest.mark.parametrize(
    "sentence, address",
    [
        ("The family lived at Bryn Awel, Llanuwchllyn, Bala, LL23 4RT.", "Bryn Awel, Llanuwchllyn, Bala"),
        ("They farm above the lake at Hafod Wen, Rhydymain, Dolgellau, LL40 9QA.", "Hafod Wen, Rhydymain, Dolgellau"),
        ("The couple moved to Tŷ Canol, Cwm Cynllwyd, Llanuwchllyn.", "Tŷ Canol, Cwm Cynllwyd, Llanuwchllyn"),
        ("Post was sent to Pen y Bryn, Llandderfel, LL23 9SX.", "Pen y Bryn, Llandderfel"),
    ],
)
def test_welsh_house_name_with_village_and_town(find, sentence, address):
    """A Welsh house or farm name, its village and town, no number: a postcode or a residence word
    makes it an address."""
    assert ("ADDRESS", address) in find(sentence, "ADDRESS")


@pytest.mark.parametrize(
    "sentence",
    [
        "Bryn Jones, Llanfor, Bala was the duty social worker.",  # a first name, no residence word or postcode
        "The meeting heard from Tan Wei, Cardiff, Wales and others.",
        "Pen Portraits, Family Views, Practice Learning are the headings used.",
    ],
)
def test_first_names_and_headings_are_not_welsh_house_names(find, sentence):
    assert find(sentence, "ADDRESS") == []

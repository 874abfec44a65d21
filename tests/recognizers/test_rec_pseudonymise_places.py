"""A word found only inside a replaced address is a place, so its other mentions are not looked for as a
person; the building of a flat found once is replaced where the draft names it again (fictional draft and
key: no name, place or number belongs to a real person or place)."""

from __future__ import annotations

import pytest

from pseudonymise_text import code_text

DRAFT = """BWRDD DIOGELU PLANT RHANBARTHOL DWYRAIN CENNEN
EAST CENNEN REGIONAL SAFEGUARDING CHILDREN BOARD

Adolygiad Ymarfer Plant / Child Practice Review

2.1 Tara Quill and her son lived at Bryn Eithin, Heol y Nant, Llanfihangel Cennen SA99 9ZZ.
2.2 Her son was born at Ysbyty Bro Cennen in 2022.
2.3 In 2024 they moved to Flat 6, Maelor House, Orchard Road, Penwick PW9 9ZZ.
2.4 A neighbour saw a car parked outside Maelor House most nights.
"""
KEY = {"people": [{"code": "RM", "role": "Child R's mother", "names": ["Tara Quill", "Tara"]}]}


@pytest.fixture(scope="module")
def coded(tmp_path_factory, nlp, analyzer):
    return code_text(tmp_path_factory.mktemp("draft"), DRAFT, KEY, nlp, analyzer)


def test_a_place_word_of_an_address_is_no_person_elsewhere(coded):
    assert "Ysbyty Bro Cennen" in coded.text
    assert "DWYRAIN CENNEN" in coded.text and "EAST CENNEN" in coded.text
    assert not any(r.source == "unknown" for r in coded.replacements)


def test_a_welsh_heading_is_kept(coded):
    assert "Adolygiad Ymarfer Plant / Child Practice Review" in coded.text


def test_the_building_of_a_flat_is_replaced_where_it_recurs(coded):
    assert "Maelor" not in coded.text
    assert "a car parked outside [ADDRESS] most nights" in coded.text


FARM = """C1. Gwenda and Idris Rowlands farm sheep at Bryn Celyn, Llanfechan, Penwick, PW9 8ZZ.
In the valley Idris is known, as farmers there often are, by the name of his farm: "Idris Bryn Celyn".
"""


def test_a_farm_named_in_an_address_is_replaced_where_it_recurs(tmp_path, nlp, analyzer):
    coded = code_text(
        tmp_path,
        FARM,
        {"people": [{"code": "CF", "role": "father", "names": ["Idris Rowlands", "Idris"]}]},
        nlp,
        analyzer,
        name="farm.txt",
    )
    assert '"CF [ADDRESS]"' in coded.text  # the farm is the address, not a second person

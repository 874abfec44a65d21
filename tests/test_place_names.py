"""Names of venues, businesses, streets and open spaces that hold a person's or a name-like word, and keyed
names written as a town, are places, not people (pipeline/deid/place_names.py; fictional text)."""

from __future__ import annotations

import pytest

from pipeline.deid.place_names import name_runs, town_use
from pseudonymise_text import code_text


def _runs(text: str) -> list[str]:
    return [text[s:e] for s, e in name_runs(text)]


@pytest.mark.parametrize(
    "text, run",
    [
        ("He collected orders from the Yusuf Kebab Bar on weekdays.", "Yusuf Kebab Bar"),
        ("She had a room above Tomasz's Kitchen for a year.", "Tomasz's Kitchen"),
        ("Her uncle drives for Okafor Haulage.", "Okafor Haulage"),
        ("They walked on Wandle Heath most Sundays.", "Wandle Heath"),
        ("The group meets at the hall on Saxon Bank.", "Saxon Bank"),
        ("The flat is above a chemist in Dunmore Green.", "Dunmore Green"),
        ("She was seen at the Ketley Road Health Centre.", "Ketley Road"),
        ("He worked in Brighton and Hove for a year.", "Brighton and Hove"),
    ],
)
def test_place_and_venue_names_are_runs(text, run):
    assert run in _runs(text)


@pytest.mark.parametrize(
    "text",
    [
        "She spoke with Joanne Heath about the plan.",
        "When Heath arrived the baby was asleep.",
        "Nurse Heath saw the baby.",
        "The family call him Nana Bank at home.",
        "The designated safeguarding lead, Wesley Sands, met the family.",
        "They spoke to Stuart Green on Monday.",
        "Mr Osei's Kitchen was not mentioned.",
        "KPE 12 Stuart Green Visit on 20 May",
    ],
)
def test_people_are_not_runs(text):
    assert _runs(text) == []


@pytest.mark.parametrize(
    "text, word, is_town",
    [
        ("They moved here from Brighton in 2021.", "Brighton", True),
        ("She grew up in Leigh, near the canal.", "Leigh", True),
        ("There was a message from Femi, that she was safe.", "Femi", False),
        ("Support came from Nene (paternal grandmother).", "Nene", False),
        ("The decision was in Brighton's hands.", "Brighton", False),
        ("She told Brighton in the morning.", "Brighton", False),
        ("The family had moved from Hong Kong to Bolton with their aunt.", "Bolton", True),
        ("From Tendai to Ruta, 2 December: see you soon.", "Ruta", False),
        ("The plan was for visits to Charlotte at the unit.", "Charlotte", False),
    ],
)
def test_a_keyed_name_written_as_a_town(text, word, is_town):
    start = text.index(word)
    assert town_use(text, start, start + len(word)) is is_town


DRAFT = """Learning review: Child K

Child K's father Brighton Mensah worked in the Mensah Bar on Quay Street; the family moved from Brighton in 2022.
Brighton said that he walked with Child K on Hollin Heath. The health visitor, Ann Heath, visited in May.
"""
KEY = {
    "people": [
        {"code": "FK", "role": "Child K's father", "names": ["Brighton Mensah", "Brighton", "Mr Mensah"]},
        {"code": "HVK", "role": "Health visitor", "names": ["Ann Heath", "Ms Heath"]},
    ]
}


def test_names_inside_places_stay_and_people_are_coded(tmp_path_factory, nlp, analyzer):
    coded = code_text(tmp_path_factory.mktemp("draft"), DRAFT, KEY, nlp, analyzer).text
    assert "the Mensah Bar" in coded
    assert "moved from Brighton in 2022" in coded
    assert "on Hollin Heath" in coded
    assert "FK said" in coded
    assert "The health visitor, HVK, visited" in coded

"""Issue 12, set 16: pet forms of keyed given names in the family's language, and syllable pet forms of
hyphened given names, that drafts gave a second identity (all names fictional).

- a pet ending of the language the draft names ("the family is Hungarian": "Zsuzsi" of Zsuzsanna) is the
  keyed person's even when the form is a listed name of its own, and only for the family's members;
- without the language named, a listed name stays a name of its own;
- one syllable of a hyphened given name with a pet ending ("Hyunie" of Ji-hyun) is that person.
"""

from __future__ import annotations

from pipeline.deid.keyfile import parse_key
from pipeline.deid.names.known import find_known_names

KEY = parse_key(
    {
        "people": [
            {"code": "CD", "role": "Child D, the subject", "names": ["Dorottya Varga", "Dorottya"]},
            {"code": "DM", "role": "Child D's mother", "names": ["Zsuzsanna Varga", "Zsuzsanna"]},
            {"code": "DF", "role": "Child D's father", "names": ["Gábor Varga", "Gábor"]},
            {"code": "SW", "role": "Social worker", "names": ["Dorothy Pell", "Ms Pell"]},
        ]
    }
)
KOREAN = parse_key(
    {
        "people": [
            {"code": "CJ", "role": "Child J, the subject", "names": ["Ji-hyun Park", "Ji-hyun"]},
            {"code": "JB", "role": "Child J's brother", "names": ["Tae-woo Park", "Tae-woo"]},
        ]
    }
)


def _codes(text: str, word: str, key=KEY) -> list[str]:
    return [m.code for m in find_known_names(text, key) if m.text == word]


def test_a_pet_ending_of_the_language_the_draft_names_is_the_persons():
    text = "The family is Hungarian. Zsuzsanna said that Zsuzsi had been tired, and Gabi said he works nights."
    assert _codes(text, "Zsuzsi") == ["DM"]
    assert _codes(text, "Gabi") == ["DF"]


def test_without_the_language_a_listed_name_is_a_name_of_its_own():
    text = "Zsuzsanna said that Feri had called. Gabi said he works nights."
    assert _codes(text, "Gabi") == []


def test_the_familys_endings_never_shorten_a_practitioners_name():
    text = "The family is Hungarian. Dorottya is six. Dori said she likes school. Dorika was brave."
    assert _codes(text, "Dori") == ["CD"]
    assert _codes(text, "Dorika") == ["CD"]


def test_a_syllable_of_a_hyphened_given_name_with_a_pet_ending_is_the_person():
    text = "Ji-hyun is nine and Tae-woo is four. Hyunie said that Woo-ya cried at night."
    assert _codes(text, "Hyunie", KOREAN) == ["CJ"]
    assert _codes(text, "Woo-ya", KOREAN) == []  # a hyphened vocative is no word of the pattern

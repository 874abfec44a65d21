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


# Issue 12, set 18: soft pet forms, double diminutives and vocatives (Polish, Czech), and pet forms built on a
# name's short form (Russian), each only when the draft names the family's language
SLAVIC = parse_key(
    {
        "people": [
            {"code": "CL", "role": "Child L, the subject", "names": ["Liliana Sowa", "Liliana"]},
            {"code": "CB", "role": "Child L's brother", "names": ["Bartosz Sowa", "Bartosz"]},
            {"code": "LM", "role": "Child L's mother", "names": ["Ekaterina Sowa", "Ekaterina"]},
            {"code": "LA", "role": "Child L's aunt", "names": ["Pavla Dvořáková", "Pavla"]},
            {"code": "SW", "role": "Social worker", "names": ["Rachel Denholm"]},
        ]
    }
)


def test_polish_soft_pet_forms_and_their_vocatives_are_the_persons():
    text = "The father is Polish. Liliana is seven. Lilia cried and her father called 'Liliu!' from the door."
    assert _codes(text, "Lilia", SLAVIC) == ["CL"]
    assert _codes(text, "Liliu", SLAVIC) == ["CL"]


def test_polish_double_diminutive_and_its_vocative():
    text = "The family is Polish. Bartosz is four. His grandmother calls him Barteczek, and Barteczku when cross."
    assert _codes(text, "Barteczek", SLAVIC) == ["CB"]
    assert _codes(text, "Barteczku", SLAVIC) == ["CB"]


def test_russian_pet_forms_are_built_on_the_short_form():
    # "Katya" is the recorded short form of Ekaterina; "Katenka" puts the Russian ending on it
    text = "The mother, Ekaterina, is Russian. Her sister wrote to Katenka and signed off to Katyusha."
    assert _codes(text, "Katenka", SLAVIC) == ["LM"]
    assert _codes(text, "Katyusha", SLAVIC) == ["LM"]


def test_short_form_endings_need_the_language_named():
    text = "Ekaterina said that Katenka had phoned her."
    assert _codes(text, "Katenka", SLAVIC) == []


def test_czech_vocative_of_a_pet_form():
    text = "The family are Czech. Pavla came in. Her mother said 'Pavlinko, sit down'."
    assert _codes(text, "Pavlinko", SLAVIC) == ["LA"]


def test_a_pet_form_in_a_declared_list_is_the_person_it_derives_from():
    # the list after "at home" also holds Liliana's name; "Bartek" is Bartosz's by its own shape
    text = "The family is Polish. Bartosz is Bartek or Bartuś at home, and Liliana is Lilka."
    assert _codes(text, "Bartuś", SLAVIC) == ["CB"]

"""Issue 12, set 17: a keyed name in the family's spelling and in an English record's, its doubled-syllable pet
form, and a given name followed by words of the same person's name (all names fictional).

- a draft that names the family's language (Somali) compares the family's keyed names with the draft's words
  once the language's letters are written as English records write them ("Jama" of Jaamac, "Ali" of Cali);
- without the language named, those spellings are not the keyed person's;
- the first or last syllable of a keyed given name said twice is that person ("Tingting" of Meiting);
- a given name, then words of that same person's name in another spelling or case, is that person as a whole,
  even when a word of it is also a relative's name.
"""

from __future__ import annotations

from pipeline.deid.keyfile import parse_key
from pipeline.deid.names.known import find_known_names

SOMALI = parse_key(
    {
        "people": [
            {"code": "CB", "role": "Child B, the subject", "names": ["Ilhaan Xasan Cumar", "Ilhaan"]},
            {"code": "BF", "role": "Child B's father", "names": ["Xasan Cumar Dirie", "Xasan", "Mr Dirie"]},
            {"code": "BM", "role": "Child B's mother", "names": ["Idil Cabdi Faarax", "Idil"]},
            {"code": "SW", "role": "Social worker", "names": ["Carla Hext", "Ms Hext"]},
        ]
    }
)
CHINESE = parse_key(
    {
        "people": [
            {"code": "CT", "role": "Child T, the subject", "names": ["Wu Meiting", "Meiting"]},
            {"code": "TB", "role": "Child T's brother", "names": ["Wu Zihan", "Zihan"]},
        ]
    }
)


def _codes(text: str, surface: str, key=SOMALI) -> list[str]:
    return [m.code for m in find_known_names(text, key) if m.text == surface]


def test_the_family_spelling_and_the_english_record_spelling_are_one_name():
    text = "The family are Somali. Idil met the nurse. The GP holds the mother as Idil Abdi FARAH, and Mr Dirie came."
    assert _codes(text, "Idil Abdi FARAH") == ["BM"]


def test_without_the_language_named_an_english_spelling_stays_apart():
    text = "Idil met the nurse. The GP wrote to Farah about the appointment."
    assert _codes(text, "Farah") == []


def test_the_familys_letters_never_respell_a_practitioners_name():
    text = "The family are Somali. Ilhaan was seen. Arla Hext visited; Ms Hext wrote it up."
    assert _codes(text, "Arla") == []


def test_a_given_name_then_words_of_the_same_persons_name_is_that_person():
    text = "The family are Somali. The register lists Ilhaan Hasan UMAR, and Mr Dirie signed the form."
    assert _codes(text, "Ilhaan Hasan UMAR") == ["CB"]


def test_a_word_shared_with_a_relative_goes_with_the_given_name_before_it():
    # Hasan is the father's given name and the child's second name: the whole mention is the child's
    text = "The family are Somali. Xasan came alone. Later Ilhaan Hasan said he was hungry."
    assert _codes(text, "Ilhaan Hasan") == ["CB"]
    assert _codes(text, "Xasan") == ["BF"]


def test_a_doubled_syllable_of_a_given_name_is_the_person():
    text = "Meiting and Zihan were at home. Tingting said that Hanhan had been crying."
    assert _codes(text, "Tingting", CHINESE) == ["CT"]
    assert _codes(text, "Hanhan", CHINESE) == ["TB"]


def test_a_doubled_word_that_is_no_syllable_of_a_keyed_name_is_nobody():
    text = "Meiting and Zihan were at home. Lulu said that Mama had been crying."
    assert _codes(text, "Lulu", CHINESE) == []
    assert _codes(text, "Mama", CHINESE) == []


KURDISH = parse_key(
    {
        "people": [
            {"code": "KM", "role": "Child K's mother", "names": ["Berfin Kaya", "Berfin", "Mrs Kaya"]},
            {"code": "KU", "role": "Child K's paternal uncle", "names": ["Cihan Kaya"]},
            {"code": "DR", "role": "Consultant paediatrician", "names": ["Berna Hanley", "Dr Hanley"]},
        ]
    }
)
FAMILY_FIRST = parse_key(
    {
        "people": [
            {"code": "CZ", "role": "Child Z, the subject", "names": ["Zhao Ruolan", "Ruolan"]},
            {"code": "ZF", "role": "Child Z's father", "names": ["Zhao Guoqiang", "Mr Zhao"]},
            {"code": "ZM", "role": "Child Z's mother", "names": ["Tang Lihua", "Lihua", "Ms Tang"]},
            {"code": "ZGM", "role": "Child Z's grandmother", "names": ["Gu Peiling", "Mrs Gu"]},
        ]
    }
)


def test_an_honorific_after_a_given_name_goes_with_it_into_the_code():
    text = 'The receptionist wrote "Berfin Hanım" in the notes. Later "Cihan Bey" phoned. Dr Hanley saw the baby.'
    assert _codes(text, "Berfin Hanım", KURDISH) == ["KM"]
    assert _codes(text, "Cihan Bey", KURDISH) == ["KU"]


def test_the_english_spelling_of_a_turkish_c_is_the_person_in_a_draft_that_names_the_language():
    text = 'The family are Kurds. The uncle gave his name as "Jihan Kaya". Jihan left at noon. Cihan came back.'
    assert _codes(text, "Jihan Kaya", KURDISH) == ["KU"]


def test_a_relatives_full_name_written_family_name_first_makes_the_family_name_a_surname():
    # "Zhao Guoqiang" beside "Mr Zhao": Zhao is the family name, so the daughter's name is family name first too
    text = "The GP held the mother as Mrs Lihua Zhao. Ruolan Zhao is the girl. Mr Zhao was out."
    assert _codes(text, "Mrs Lihua Zhao", FAMILY_FIRST) == ["ZM"]
    assert _codes(text, "Ruolan Zhao", FAMILY_FIRST) == ["CZ"]


def test_madam_before_a_family_name_is_a_title():
    text = "Madam Gu lives with them. The grandmother, Mrs Gu, was not asked."
    assert _codes(text, "Madam Gu", FAMILY_FIRST) == ["ZGM"]


def test_names_in_a_known_as_column_are_the_rows_person():
    text = (
        "| Name on the birth certificate | Known as | School |\n"
        "|---|---|---|\n"
        '| ZHAO Ruolan | Grace; "Lanlan" at home | Year 6 |\n'
        "| TANG Lihua | Lily | - |\n\n"
        "Grace said that Lily cooks. The Grace Street flat is small."
    )
    assert _codes(text, "Grace", FAMILY_FIRST) == ["CZ", "CZ"]
    assert _codes(text, "Lily", FAMILY_FIRST) == ["ZM", "ZM"]


def test_a_column_of_names_beside_no_keyed_person_declares_nothing():
    text = "| Name | Known as |\n|---|---|\n| Mrs Ellery | Bunny |\n\nBunny rang the office."
    assert _codes(text, "Bunny", FAMILY_FIRST) == []


def test_a_record_spelling_at_the_start_of_a_cell_is_the_person_when_the_next_word_spells_their_name_too():
    key = parse_key(
        {
            "people": [
                {"code": "BB", "role": "Child B's brother", "names": ["Cabdiraxmaan Xasan Cumar", "Cabdiraxmaan"]},
                {"code": "BF", "role": "Child B's father", "names": ["Xasan Cumar Dirie", "Xasan"]},
            ]
        }
    )
    text = "The family are Somali.\n\n| Name | Relationship |\n|---|---|\n| Abdirahman Hasan UMAR | Brother |\n"
    assert _codes(text, "Abdirahman Hasan UMAR", key) == ["BB"]


GAMBIAN = parse_key(
    {
        "people": [
            {"code": "GM", "role": "Child G's mother", "names": ["Isatou Ceesay", "Isatou"]},
            {"code": "GF", "role": "Child G's father", "names": ["Ebrima Touray", "Ebrima"]},
        ]
    }
)


def test_a_spelling_the_draft_declares_joins_the_persons_given_name():
    text = (
        'Isatou and Ebrima are Gambian. "Ceesay" and "Touray" are Gambian spellings; the same names are written '
        '"Sise" and "Ture" in Senegal. A clinic letter is addressed to Isatou Sise, and another to Ebrima Ture.'
    )
    assert _codes(text, "Isatou Sise", GAMBIAN) == ["GM"]
    assert _codes(text, "Ebrima Ture", GAMBIAN) == ["GF"]


def test_a_spelling_list_that_does_not_pair_declares_nothing():
    text = (
        'Isatou and Ebrima are Gambian. "Ceesay" is a Gambian spelling; the names are also written "Sise" and '
        '"Ture". A clinic letter is addressed to Isatou Ture.'
    )
    assert _codes(text, "Isatou Ture", GAMBIAN) == []

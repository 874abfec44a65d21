"""Issue 12, set 16: names a draft declares for one keyed person in shapes the alias cues did not read, which
drafts gave a second identity (all names and wording invented).

- a calling clause after the name ("Bubu, as his mother calls him, ..."), and '"Sese", short for Selam';
- a passive "called" with the keyed subject, and a further quoted name after a bracketed gloss
  ('Rahel was called "Mimi" (little one) by her grandmother and "Rara" by her mother');
- "gave Dawit the name "Danny"";
- names tagged with where or by whom they are used, in a list of one person's names or in a table row about
  one person ("Rahel; Mimi at home; Rae at school", "Dawit on the passport and Wedi to his friends");
- never a list of several people ("Rahel met Kevin at school") or a quoted word after "was called a".
"""

from __future__ import annotations

from pipeline.deid.keyfile import parse_key
from pipeline.deid.names.known import find_known_names

KEY = parse_key(
    {
        "people": [
            {"code": "CR", "role": "Child R, the subject", "names": ["Rahel Tesfaye", "Rahel"]},
            {"code": "RB", "role": "Child R's brother", "names": ["Dawit Tesfaye", "Dawit"]},
            {"code": "RM", "role": "Child R's mother", "names": ["Selam Wayni Tesfaye", "Selam", "Ms Tesfaye"]},
            {"code": "SW", "role": "Social worker", "names": ["Harriet Coe", "Ms Coe"]},
        ]
    }
)


def _codes(text: str, word: str) -> list[str]:
    return [m.code for m in find_known_names(text, KEY) if m.text == word]


def test_a_calling_clause_after_the_name_declares_it():
    text = "Dawit is four. Bubu, as his mother calls him, is meeting his milestones. Later Bubu slept."
    assert _codes(text, "Bubu") == ["RB", "RB"]


def test_short_for_a_keyed_name_says_whose():
    text = 'Selam Wayni Tesfaye came to the UK as a student. Her family call her "Wawa", short for Wayni. Wawa said.'
    assert _codes(text, "Wawa") == ["RM", "RM"]


def test_a_passive_called_with_a_gloss_declares_every_quoted_name():
    text = 'Rahel was called "Mimi" (little one) by her grandmother and "Rara" by her mother. Mimi cried. Rara ate.'
    assert _codes(text, "Mimi") == ["CR", "CR"]
    assert _codes(text, "Rara") == ["CR", "CR"]


def test_a_name_given_to_a_keyed_person():
    text = 'The nursery gave Dawit the name "Danny" because staff could not say it. Danny was happy.'
    assert _codes(text, "Danny") == ["RB", "RB"]


def test_tagged_names_in_a_list_of_one_persons_names():
    text = "| Rahel Tesfaye | Rahel; Mimi at home; Rae at school | Subject |\n\nRae said no to Mimi."
    assert _codes(text, "Mimi") == ["CR", "CR"]
    assert _codes(text, "Rae") == ["CR", "CR"]
    prose = "He was Dawit on the passport and Dawitu at work and Wedi to his friends. Wedi said so."
    assert _codes(prose, "Wedi") == ["RB", "RB"]


def test_a_tagged_name_in_a_table_row_about_one_person():
    text = "| Dawit Tesfaye | Bubu to his grandmother | Brother |\n\nBubu was asleep."
    assert _codes(text, "Bubu") == ["RB", "RB"]


def test_a_list_of_people_or_another_persons_row_declares_nothing():
    assert _codes("Rahel met Kevin at school and Tom at church. Kevin said.", "Kevin") == []
    assert _codes("Rahel, Kevin at home and Tom were there. Kevin said.", "Kevin") == []
    assert _codes("| Rahel Tesfaye | Dawit Tesfaye | Kevin at school |", "Kevin") == []
    assert _codes('Rahel was called a liar by "Tom". Tom said.', "Tom") == []


GM_KEY = parse_key(
    {
        "people": [
            {"code": "GM", "role": "Maternal grandmother", "names": ["Hyacinth Grant", "Hyacinth", "Mrs Grant"]},
            {"code": "M", "role": "Mother", "names": ["Ruta Jonaitiene", "Ruta"]},
        ]
    }
)


def test_a_maiden_name_in_apposition_is_the_persons():
    text = (
        "Ruta is their only daughter; her maiden name, Kazlauskaite, appears on the certificate. Kazlauskaite is rare."
    )
    assert [m.code for m in find_known_names(text, GM_KEY) if m.text == "Kazlauskaite"] == ["M", "M"]


def test_a_full_maiden_name_with_her_own_given_name_takes_even_an_english_word():
    text = 'Mrs Grant came in 1968. The form lists her under her maiden name, "Hyacinth Baker". Hyacinth Baker is 70.'
    found = [(m.text, m.code) for m in find_known_names(text, GM_KEY)]
    assert found.count(("Hyacinth Baker", "GM")) == 2


def test_a_calling_clause_mid_sentence_or_after_a_longer_name_declares_nothing():
    text = "Ms Coe said the talk had been mostly with Nana, as they called her, while Rahel slept. Nana left."
    assert _codes(text, "Nana") == []
    text = "Dawit was there. Chacha Yonas, as Rahel called him, was unknown. Yonas left."
    assert _codes(text, "Yonas") == []


def test_as_a_role_describes_the_person_named_and_introduces_nobody():
    text = 'Mrs Grant came to Leeds in 1968 as a child. The form lists her under her maiden name, "Hyacinth Baker".'
    assert [m.code for m in find_known_names(text, GM_KEY) if m.text == "Hyacinth Baker"] == ["GM"]
    text = 'Dawit Tesfaye has a lodger. A lodger known only as "Tiny" stays. Tiny said.'
    assert _codes(text, "Tiny") == []


def test_a_declared_english_surname_after_a_strangers_given_name_is_the_strangers():
    text = (
        'Mrs Grant came in 1968. The form lists her under her maiden name, "Hyacinth Baker". '
        "Her sister, Miss Dorcas Baker, lives in Leeds."
    )
    found = [(m.text, m.code) for m in find_known_names(text, GM_KEY)]
    assert ("Hyacinth Baker", "GM") in found
    assert not [t for t, c in found if "Baker" in t and "Dorcas" not in t and t != "Hyacinth Baker"]
    assert not [t for t, _ in found if t == "Baker"]


def test_a_declared_english_name_after_a_glossed_family_word_is_the_persons():
    key = parse_key({"people": [{"code": "SB", "role": "Child P's brother", "names": ["Oliver Hartley", "Oliver"]}]})
    text = 'Oliver is three. Everybody calls him "Bank", and you call him Nong Bank ("nong" means little brother).'
    assert [m.code for m in find_known_names(text, key) if m.text.endswith("Bank")] == ["SB", "SB"]
    text = 'Oliver is three. Everybody calls him "Bank". Miss Hyacinth Bank, a neighbour, came.'
    assert [m.code for m in find_known_names(text, key) if m.text.endswith("Bank")] == ["SB"]

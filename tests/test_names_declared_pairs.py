"""Issue 12, set 19: names a draft declares for several people in one sentence, family words of more languages
and honorific endings joined by a hyphen (all names and sentences invented).

- 'The children call their parents "X" and "Y"': respectively the keyed mother and father;
- 'At home Child Q is "X", her brother is "Y", and their aunt is "Z"': each quoted name is the person named
  or described before it (a role phrase is the keyed person of that relation to the child);
- 'The mother is known to neighbours as "X"', 'the grandmother, <name>, is "nan X" to the children';
- a word the draft explains ('"X" is Mongolian for "dad"', "X = mum") stays a word;
- "-la" (Tibetan), "-da"/"-di" (Bengali) and an ending the draft quotes ('adds "-ah"') join the name;
- a message line's writer is who says a family word ("Nomin: Eej, come"): her own mother.
"""

from __future__ import annotations

from pipeline.deid.keyfile import parse_key
from pipeline.deid.names.known import find_known_names

KEY = parse_key(
    {
        "people": [
            {"code": "CQ", "role": "Child Q", "names": ["Liya Berhane", "Liya"]},
            {"code": "QB", "role": "Child Q's brother", "names": ["Samuel Berhane", "Samuel"]},
            {"code": "QM", "role": "Child Q's mother", "names": ["Almaz Worku", "Ms Worku"]},
            {"code": "QF", "role": "Child Q's father", "names": ["Berhane Kidane", "Mr Kidane"]},
            {"code": "PA", "role": "Paternal aunt", "names": ["Saba Kidane"]},
            {"code": "PAH", "role": "Paternal aunt's husband", "names": ["Neil Arkwright"]},
            {"code": "MGM", "role": "Maternal grandmother", "names": ["Tsehay Bekele"]},
        ]
    }
)


def _codes(text: str, word: str) -> list[str]:
    return [m.code for m in find_known_names(text, KEY) if m.text == word]


def test_a_plural_role_takes_its_quoted_names_respectively():
    text = 'Liya Berhane is 8. The children call their parents "Tadde" and "Gashe". Later Gashe shouted at Tadde.'
    assert _codes(text, "Tadde") == ["QM", "QM"]
    assert _codes(text, "Gashe") == ["QF", "QF"]


def test_two_roles_joined_by_and_and_an_uncle_keyed_as_the_aunts_husband():
    text = 'Liya Berhane is 8. The children call their aunt and uncle "Zuzu" and "Bobo". Zuzu and Bobo came.'
    assert _codes(text, "Zuzu") == ["PA", "PA"]
    assert _codes(text, "Bobo") == ["PAH", "PAH"]


def test_a_list_of_pairs_with_the_keys_own_label_and_role_phrases():
    text = (
        'Liya Berhane is 8.\n\nAt home Child Q is "Lulu", her brother is "Sammy", and their aunt is "Sisi". '
        "Sisi fetched Lulu and Sammy."
    )
    assert _codes(text, "Lulu") == ["CQ", "CQ"]
    assert _codes(text, "Sammy") == ["QB", "QB"]
    assert _codes(text, "Sisi") == ["PA", "PA"]


def test_a_role_subject_known_as_and_a_lower_case_family_word():
    text = (
        'Liya Berhane is 8. The mother is known to friends and family as "Mazi". '
        'The children call their grandmother "ayo". Mazi said "ayo is here".'
    )
    assert _codes(text, "Mazi") == ["QM", "QM"]
    assert _codes(text, "ayo") == ["MGM", "MGM"]


def test_a_family_word_before_a_declared_name_stays_a_word():
    text = 'Her mother, Tsehay Bekele, is "nan Tutu" to the children. Liya said Tutu was cross.'
    assert _codes(text, "Tutu") == ["MGM", "MGM"]


def test_no_declaration_without_a_sign_that_a_name_is_given():
    text = 'Liya Berhane is "fine", her mother said. Her mother was "devastated". Liya was fine.'
    assert not _codes(text, "fine") and not _codes(text, "devastated")


def test_a_role_nobody_is_keyed_with_declares_nothing():
    text = 'Liya Berhane is 8. The children call their grandfather "Abbo". Abbo is in Gondar.'
    assert not _codes(text, "Abbo")


def test_the_declared_word_explained_as_a_word_is_left():
    text = (
        'Liya Berhane is 8. The children call their grandmother "ayo" ("ayo" is Tigrinya for "granny"). '
        'A sheet lists "ayo = granny".'
    )
    assert _codes(text, "ayo") == ["MGM"]


def test_hyphened_endings_listed_or_declared_join_the_name(code_draft):
    key = """
people:
  - {code: CK, role: Child K, names: [Dolma Tashi, Dolma]}
  - {code: KG, role: "Maternal grandfather", names: [Rabiul Hoque]}
  - {code: KS, role: "Child K's sister", names: [Min-seo Park]}
"""
    out = code_draft(key, 'Dolma-la was tired. Rabiul-da came. The mother adds "-ah" to a name: Min-seo-ah.\n')
    assert "CK was tired" in out and "KG came" in out and "KS." in out
    assert "-la" not in out and "-da" not in out


def test_a_hyphen_only_ending_spaced_after_a_name_is_another_word(code_draft):
    key = "people:\n  - {code: CK, role: Child K, names: [Dolma Tashi, Dolma]}\n"
    out = code_draft(key, "Dolma la la la sang the song.\n")
    assert out.startswith("CK la la la")


def test_a_message_lines_writer_says_the_family_word(code_draft):
    key = """
people:
  - {code: CT, role: Child T, names: [Bold Ganzorig, Bold]}
  - {code: TM, role: "Child T's mother", names: [Nomin Altai, Nomin]}
  - {code: MGM, role: "Maternal grandmother", names: [Saraa Dorj]}
"""
    text = "The family speak Mongolian.\n\n> 12 Dec, 21:37 – Nomin: Eej, he is tired.\n\n> 13 Dec – Bold: Eej is sad.\n"
    out = code_draft(key, text)
    assert "TM: MGM, he is tired" in out and "CT: TM is sad" in out


def test_the_english_rendering_of_a_quoted_family_word_is_the_same_person(code_draft):
    key = """
people:
  - {code: CT, role: Child T, names: [Bold Ganzorig, Bold]}
  - {code: TF, role: "Child T's father", names: [Ganzorig Bat, Mr Bat]}
"""
    text = 'The family speak Mongolian. Bold said "Aav was angry", literally "Dad was angry". Dad is a word.\n'
    out = code_draft(key, text)
    assert 'literally "TF was angry"' in out and "Dad is a word" in out


def test_a_lower_case_family_word_quoted_alone_is_a_word_unless_a_naming_verb_lists_it(code_draft):
    key = """
people:
  - {code: CT, role: Child T, names: [Bold Ganzorig, Bold]}
  - {code: TF, role: "Child T's father", names: [Ganzorig Bat, Mr Bat]}
"""
    text = (
        'The family speak Mongolian. Bold said "aav is cross". The nurse recognised "aav" at once. '
        'Bold kept calling him "Zorigoo" and "aav".\n'
    )
    out = code_draft(key, text)
    assert '"TF is cross"' in out and 'recognised "aav"' in out and 'and "TF"' in out


def test_a_name_declared_for_a_child_after_an_adult_title_is_not_the_child():
    text = 'Liya Berhane is 8.\n\nAt home Liya is "Tesso", her brother is "Sammy". Mr Tesso came. Tesso cried.'
    found = [(m.text, m.code) for m in find_known_names(text, KEY)]
    assert [c for w, c in found if w == "Tesso"] == ["CQ", "CQ"]
    assert not [w for w, c in found if c == "CQ" and w.startswith("Mr")]


def test_a_word_the_draft_explains_after_it_is_that_relative_and_the_explanation_stays(code_draft):
    key = """
people:
  - {code: CM, role: Child M, names: [Hanna Desta, Hanna]}
  - {code: PA, role: "Paternal aunt", names: [Rahel Desta]}
"""
    text = 'The family speak Amharic at home ("Wayzo" is Amharic for "aunt"). Hanna said Wayzo came. Wayzo cooked.\n'
    out = code_draft(key, text)
    assert '"Wayzo" is Amharic' in out and "CM said PA came. PA cooked." in out

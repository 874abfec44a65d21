"""Issue 12, session 14 (pets19): forms the draft declares for keyed and unlisted people, pet forms of the family's
language, unlisted people by rank and surname, and initials in the record fields that put a person (all names
fictional).

- a declaration names its person by the review's label ("At home Child Q is ..."), a definite role subject ("The
  mother is known to friends as ..."), a name then "is "X" to the children", or a field table's "Known as" row;
- an unlisted person's declared name ('Hafsteinn ("Haffi")', '(known as "Dolo")') is theirs, also when the name
  itself is one word, and found wherever the draft writes it;
- a rank and surname ("DC Ashgrove") and the rank with the full name are one unlisted person;
- Icelandic pet forms double the root's last consonant before -a/-i, keeping the person's gender;
- initials: of an unlisted or keyed person before their bracketed name in minutes ("CO'D (Dr Cara O'Dowd)"),
  abbreviations declared by an attendance list, a reply label after a sentence ("... HK: no."), the author and
  typist of a letter's reference line ("GW/rt"), and the author field of a bar- or tilde-delimited log.
"""

from __future__ import annotations

import re

import pytest

from pipeline.deid.keyfile import parse_key
from pipeline.deid.names.known import find_known_names
from pseudonymise_text import code_text

KEY = {
    "people": [
        {"code": "CQ", "role": "Child Q", "names": ["Bolormaa Tsend", "Bolormaa"]},
        {"code": "QM", "role": "Child Q's mother", "names": ["Valgerður Ólafsdóttir", "Valgerður"]},
        {"code": "QG", "role": "Maternal grandmother", "names": ["Ástrós Pétursdóttir"]},
        {"code": "QB", "role": "Child Q's brother", "names": ["Nergui Tsend"]},
        {"code": "DOC", "role": "Consultant paediatrician", "names": ["Dr Harriet Kells", "Dr Kells"]},
        {"code": "HOY", "role": "Head of Year", "names": ["Mr Colm O'Dwyer", "Mr O'Dwyer"]},
        {"code": "EW", "role": "Education welfare officer", "names": ["Gwen Wrenfield", "Ms Wrenfield"]},
    ]
}


def _codes(text: str, word: str) -> list[str]:
    return [m.code for m in find_known_names(text, parse_key(KEY)) if m.text == word]


def test_a_declaration_may_name_its_person_by_the_reviews_label():
    text = 'Bolormaa is four. At home Child Q is "Duudu", and the school uses her full name. Duudu was tired.'
    assert _codes(text, "Duudu") == ["CQ", "CQ"]


def test_a_definite_role_subject_says_whose_name_a_cue_declares():
    text = 'None of them is "Mrs Tsend". The mother is known to friends and neighbours as "Krummi". Krummi phoned.'
    assert _codes(text, "Krummi") == ["QM", "QM"]


def test_a_role_subject_with_no_keyed_role_declares_nothing():
    text = 'The lodger is known to friends as "Krummi". Krummi phoned.'
    assert _codes(text, "Krummi") == []


def test_a_name_is_a_quoted_name_to_the_people_who_use_it():
    text = 'The grandmother, Ástrós Pétursdóttir, is "amma Rósa" to the children. Later Rósa visited.'
    assert _codes(text, "Rósa") == ["QG", "QG"]


def test_a_relative_clause_gives_the_quoted_name_too():
    text = 'Her foster carer is Gwen Wrenfield, who is "Winnie" to the children in her care. Winnie drove her.'
    assert _codes(text, "Winnie") == ["EW", "EW"]


def test_a_field_tables_known_as_row_names_the_tables_person():
    text = (
        "| Field | Entry |\n|---|---|\n| Name on school record | Nergui Tsend |\n"
        '| Known as | Negee at home; "Neil" at school |\n\nNegee was quiet. Neil said nothing.\n'
    )
    assert _codes(text, "Negee") == ["QB", "QB"]
    assert _codes(text, "Neil") == ["QB", "QB"]


def test_icelandic_pet_forms_double_the_roots_consonant_and_keep_the_gender():
    text = 'The family is Icelandic. Valgerður moved in 2020. A man shouted "Valla, open up". Valli is a cousin.'
    assert _codes(text, "Valla") == ["QM"]
    assert _codes(text, "Valli") == []  # a man's pet form: not the mother's


def test_without_the_language_no_doubled_pet_form():
    text = 'Valgerður moved in 2020. A man shouted "Valla, open up".'
    assert _codes(text, "Valla") == []


@pytest.fixture(scope="module")
def coded(tmp_path_factory, nlp):
    def run(draft: str):
        return code_text(tmp_path_factory.mktemp("pets19"), draft, KEY, nlp)

    return run


def _placeholders(result, surface: str) -> set[str]:
    return {r.replacement for r in result.replacements if r.text == surface}


def test_rank_and_surname_is_the_unlisted_officer_named_in_full(coded):
    result = coded(
        "The opinion went to DC Miriam Ashgrove at noon. Later Dr Kells sent the note to DC Ashgrove by email.\n"
    )
    officer = {r.replacement for r in result.replacements if r.text.endswith("Ashgrove")}
    assert len(officer) == 1 and "Ashgrove" not in result.text


def test_an_unlisted_one_word_name_and_its_declared_name_are_one_person(coded):
    result = coded(
        'Her uncle, Hafsteinn ("Haffi"), lives in Leeds. Haffi drives her to work.\n\n'
        'A family friend, Dolgorsuren (known as "Dolo"), collected him. Dolo said nothing.\n'
    )
    assert len({r.replacement for r in result.replacements if r.text in ("Hafsteinn", "Haffi")}) == 1
    assert len({r.replacement for r in result.replacements if r.text in ("Dolgorsuren", "Dolo")}) == 1
    assert "Haffi" not in result.text and "Dolo" not in result.text


def test_an_unlisted_persons_declared_name_is_found_wherever_written(coded):
    result = coded('The interpreter, Tamsin Velloway ("Minty" to the family), was present. Minty said little.\n')
    assert "Minty" not in result.text
    assert len({r.replacement for r in result.replacements if r.text in ("Tamsin Velloway", "Minty")}) == 1


def test_initials_before_a_bracketed_name_in_minutes(coded):
    result = coded(
        "Present: HK (chair), JO'D (Dr Jessamy O'Dare, associate specialist), CO'D (Mr O'Dwyer, Head of Year).\n"
        "HK presented the findings. JO'D asked about the interpreter. CO'D agreed. Bolormaa was quiet.\n"
        "- JO'D asked whether the marks matched the grip. HK: the photographs show a smooth grip.\n"
    )
    assert "JO'D" not in result.text
    assert _placeholders(result, "JO'D") == _placeholders(result, "Jessamy O'Dare")
    assert _placeholders(result, "CO'D") == {"HOY"}
    assert _placeholders(result, "HK") == {"DOC"}
    assert not re.search(r"\bHK\b", result.text)


def test_a_reference_lines_author_and_typist(coded):
    result = coded(
        "Yours sincerely\n\nGwen Wrenfield\nEducation Welfare Officer\n"
        "Dictated 3/10/23, typed 5/10/23 GW/rt (Rhoswen Tully, team administrator)\n\nOur ref: GW/pb\n"
    )
    assert _placeholders(result, "GW") == {"EW"}
    assert _placeholders(result, "rt") == _placeholders(result, "Rhoswen Tully") != set()
    assert _placeholders(result, "pb") not in ({""}, set(), _placeholders(result, "rt"))


def test_capitals_before_a_name_with_a_role_after_it(coded):
    result = coded(
        "| Attendee | Agency |\n|---|---|\n| RMcA (Rhona McAvoy, SENCo) | School |\n\n"
        "Notes: RMcA said Bolormaa has been excluded twice.\n\nRef: GW/sj\n"
    )
    assert "RMcA" not in result.text
    assert _placeholders(result, "RMcA") == _placeholders(result, "Rhona McAvoy") != set()
    assert "sj" not in result.text


def test_the_author_field_of_a_delimited_log(coded):
    result = coded(
        "Bolormaa was absent again.\n"
        "02/11/2023 | 12:20 | GW | Email in | Subject: absence.\n"
        "12.09.2023 ~ 08:50 ~ GW ~ Phoned mother, no answer.\n"
    )
    assert _placeholders(result, "GW") == {"EW"}

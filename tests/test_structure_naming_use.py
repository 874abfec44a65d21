"""Codes a review shows by using them, not by a declaration sentence (issue 13, keyreal9), on fictional text.

1. A title and an index used in a sentence ("Mr T admitted …", "driven home by Ms V"): a person's code; a title
   before initials and a surname ("Mr J. Hale") is a real name, and a capitalised word after the full stop that
   the text also uses alone starts the next sentence.
2. A single capital set off after a person noun phrase ("a lodger, P.") and used again.
3. A name set in quotes once and then used unquoted as a person (a possessive, "who", a person verb), whatever
   phrase gave it; a word the text also writes in lower case is an ordinary word in quotes.
4. A setting anonymised with a letter ("Surgery R", "Academy Y"), used twice and once in a sentence.
"""

from __future__ import annotations

import pytest

from pipeline.structure import naming
from structure_text import build, check_declared

HEAD = "Fernhollow Safeguarding Partnership\n\nPractice Review\n\n1. Introduction\n\n"


def _codes(found) -> set[str]:
    return {d.code for d in found}


# ---------------------------------------------------------------- 1. title codes
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The boy was hurt by his stepfather. Mr T later admitted the assault.", {"Mr T"}),
        ("Tobin was taken to the clinic by Ms K. Tobin was feverish.", {"Ms K"}),
        ("In May the nurse phoned the aunt, and Mrs B2 said she would come.", {"Mrs B2"}),
    ],
)
def test_title_code_used_in_a_sentence(text: str, want: set[str]) -> None:
    assert _codes(naming.find_title_codes(text)) == want


@pytest.mark.parametrize(
    "text",
    [
        "The chair was Mr J. Hale, who wrote to the panel.",  # initials and a surname
        "Reviewer: Ms R Okonedo\nSummary\n",  # initial and a surname on a cover line
        "Fernhollow Review\nMr T\nJune 2024\n",  # a title line only: no sentence uses it
        "Dr K. wrote to the school and copied in Ms B.'s manager.",  # initials with their stops, inside a sentence
    ],
)
def test_title_before_a_name_or_only_on_a_cover_is_no_code(text: str) -> None:
    assert naming.find_title_codes(text) == []


def test_title_code_is_described_by_the_nearest_role_and_never_the_subject() -> None:
    text = "The toddler was injured while alone with her father. Mr Q was arrested that night."
    (found,) = naming.find_title_codes(text)
    assert found.code == "Mr Q" and found.description == "her father" and not found.subject


# ---------------------------------------------------------------- 2. a single capital in apposition
def test_single_capital_after_a_person_noun_and_used_again() -> None:
    text = "A lodger, P, moved in during May. Later P left the flat. Orrin's uncle, D. He visited. D stayed."
    assert {"P", "D"} <= _codes(naming.find_apposed_initials(text))


def test_single_capital_before_a_surname_or_used_once_is_no_code() -> None:
    assert naming.find_apposed_initials("Her partner, A. Lorimer, attended. Later he left.") == []
    assert naming.find_apposed_initials("Her partner, R, attended the meeting.") == []


# ---------------------------------------------------------------- 3. a quoted name used again
def test_quoted_once_then_used_as_a_person() -> None:
    text = (
        "The review refers to the young man as 'Corrin'. Corrin's mother moved away in 2019. "
        "Corrin visited his grandfather most weekends."
    )
    found = naming.find_quoted_names(text)
    assert _codes(found) == {"Corrin"} and found[0].pseudonym and found[0].description == "the young man"


@pytest.mark.parametrize(
    "text",
    [
        # an ordinary word the text also writes in lower case
        "A 'Prevent' referral was made. Prevent staff met. Prevent's guidance helped to prevent harm.",
        # quoted but never used again as a person
        "The school ran a scheme called 'Lanterns'. Lanterns met on Fridays. Lanterns closed in June.",
        # used only once more
        "The girl is called 'Mirren'. Mirren's aunt came.",
    ],
)
def test_quoted_word_not_used_as_a_person_is_no_name(text: str) -> None:
    assert naming.find_quoted_names(text) == []


@pytest.mark.parametrize("verb", ["denied", "cried", "slapped", "fled"])
def test_an_irregular_or_doubled_past_shows_a_person(verb: str) -> None:
    """The verb forms come from the shared inflection rules and the lemmatizer's irregular forms, so a past
    that doubles its consonant, turns y into ied or is irregular shows the quoted name used as a person."""
    text = f"This report calls the girl 'Oriel'. Oriel {verb} when the officer spoke. The name Oriel is on every page."
    assert _codes(naming.find_quoted_names(text)) == {"Oriel"}


# ---------------------------------------------------------------- 4. settings coded with a letter
def test_setting_with_a_letter_used_in_sentences() -> None:
    text = "The boy attended College Q from 2020. Staff at College Q saw bruises and phoned Practice H twice."
    assert _codes(naming.find_setting_codes(text)) == {"College Q"}  # Practice H used once


@pytest.mark.parametrize(
    "text",
    [
        # capitals of a heading, used in prose too
        "HOSPITAL A LEVEL REVIEW\n\nThe HOSPITAL A LEVEL team was read, and the HOSPITAL A LEVEL team met.",
        # accident and emergency, twice in sentences
        "She was taken to Hospital A and E at night. Hospital A and E staff saw her again in May.",
        "The case went to the Council I saw. The Council I mean.",  # a pronoun, not an index
    ],
)
def test_no_setting_code(text: str) -> None:
    assert naming.find_setting_codes(text) == []


# ---------------------------------------------------------------- the readers in build_report
def test_build_report_declares_codes_shown_by_use() -> None:
    text = HEAD + (
        "1.1 This review concerns a boy of eight who is called ‘Ruan’ in this report. Ruan's father, a driver, "
        "left in 2021. Ruan attended Academy V, where his teacher noticed he was tired.\n\n"
        "1.2 His stepmother, Mrs L, cared for him. A neighbour, F, told Academy V that Mrs L shouted at him. "
        "F later moved away. Section 47 enquiries began in March.\n"
    )
    check_declared(text, {"Ruan", "Mrs L", "F", "Academy V"}, {"Section 47", "Section", "March"})
    assert not any(e.subject and e.code != "Ruan" for e in build(text).key)


def test_single_capital_after_a_possessive_person_noun_phrase() -> None:
    text = "Their father's new partner, T; stayed most weekends. T was not known to the school."
    assert {"T"} == _codes(naming.find_apposed_initials(text))


@pytest.mark.parametrize(
    "text",
    [
        # a name quoted from a record or from the family is the real one (drafts are full of them)
        "Officers noted a man, recorded as 'Ivor'. Ivor's van was outside. Ivor said he was a friend.",
        "She said her mother's friend 'Tobias' came at night. Tobias visited often and Tobias's car was seen.",
        "His cousins call him 'Dandy'. Dandy's school was told. Dandy attended twice.",
    ],
)
def test_quoted_real_name_without_the_review_naming_it_is_no_pseudonym(text: str) -> None:
    assert naming.find_quoted_names(text) == []


def test_title_and_the_initial_of_a_surname_the_text_writes_is_no_code() -> None:
    text = "The teacher, Mr Pellow, phoned home. Later Mr P said the boy was tired."
    assert naming.find_title_codes(text) == []

"""A keyed name that is also a word of the family's language is the word where the draft uses it as one.

Fictional names and text only.  Each case fails without its rule: another language's month in a written date,
a lower-case name word set in emphasis (a word quoted from another language), and a lower-case name word that
modifies the noun after it; a lower-case slip of a name in a person's slot stays the person.
"""

from __future__ import annotations

import pytest

from pipeline.deid.keyfile import parse_key
from pipeline.deid.names.known import english_lexicon, find_known_names

KEY = parse_key(
    {
        "people": [
            {"code": "Child L", "role": "Child L, the subject", "names": ["Lumi Virtanen", "Lumi"]},
            {"code": "LM", "role": "Child L's mother", "names": ["Abril Ortega", "Abril"]},
            {"code": "LGF", "role": "Child L's grandfather", "names": ["Onni Virtanen", "Onni"]},
            {"code": "LA", "role": "Child L's aunt", "names": ["Sunniva Dahl", "Sunniva"]},
        ]
    }
)


@pytest.fixture(scope="module")
def found(nlp):
    lexicon = english_lexicon(nlp)

    def run(text: str) -> list[tuple[str, str]]:
        return [(m.text, m.code) for m in find_known_names(text, KEY, doc=nlp(text), lexicon=lexicon)]

    return run


def test_a_month_of_another_language_between_day_and_year_is_the_month(found):
    text = 'Abril sent a letter headed "el 3 de abril de 2024" and one dated "3. abril 2023".'
    assert found(text) == [("Abril", "LM")]


def test_the_same_word_without_a_date_around_it_stays_the_person(found):
    assert found("On 3 March abril said she would come.") == [("abril", "LM")]


def test_a_lower_case_name_word_in_emphasis_is_a_quoted_word(found):
    text = "Lumi calls the snow *lumi* and her grandfather says _onni_ (luck) often. Onni visited."
    assert found(text) == [("Lumi", "Child L"), ("Onni", "LGF")]


def test_a_lower_case_name_word_modifying_the_noun_after_it_is_the_word(found):
    text = "Lumi built a lumi fort in the garden with Onni."
    assert ("lumi", "Child L") not in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "The nursery noted that lumi seemed tired.",  # subject of a verb
        "Please ring lumi tomorrow about contact.",  # object
        "The worker noted that lumi's mood was low.",  # possessor
    ],
)
def test_a_lower_case_slip_in_a_person_slot_stays_the_person(found, text):
    assert ("lumi", "Child L") in found(text)


def test_verify_reads_the_same_words_as_no_left_over_name(nlp):
    from pipeline.deid.names.residue import find_residue

    text = 'LM sent a letter headed "el 3 de abril de 2024". The family lit a lumi lantern. Please ring lumi today.'
    left = [(r.text, r.kind) for r in find_residue(nlp(text), KEY, [], set(), frozenset())]
    assert left == [("lumi", "lower_case")]


def test_a_family_language_word_is_logged_as_kept_so_no_repeat_brings_the_person_back(nlp):
    from pipeline.deid.names.known import ORDINARY_WORD, matcher_for

    text = "Lumi built a lumi fort in the garden."
    found = matcher_for(KEY, english_lexicon(nlp)).search(text, doc=nlp(text))
    assert [(k.text, k.code, k.reason) for k in found.kept] == [("lumi", "Child L", ORDINARY_WORD)]


def test_verify_does_not_point_at_those_words_in_a_persons_place_either(nlp):
    from pipeline.deid.names.residue import find_person_slots

    text = 'LM wrote "el 3 de abril de 2024" to Child L. The family lit a lumi lantern for her.'
    assert [r.text for r in find_person_slots(nlp(text), KEY, [])] == []

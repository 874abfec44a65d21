"""Welsh words are no names: bilingual headings, the names of Welsh services and a quoted Welsh sentence
(models/lexicon/welsh_words.txt).  Every sentence here is invented; no name belongs to a real person or
service."""

from __future__ import annotations

import pytest

from pipeline.deid.names.unknown import find_unknown_names, lexicon
from pipeline.lexicon import welsh_words
from pipeline.nlp import parse
from pipeline.resources import read_lines

CODES = ["CM", "CF", "SW1"]


def names(nlp, text):
    return [c.text for c in find_unknown_names(parse(text, nlp, CODES))]


def test_the_list_is_lower_case_single_words():
    words = read_lines("lexicon", "welsh_words.txt")
    assert len(words) > 400
    assert all(w == w.lower() and " " not in w for w in words)
    assert len(words) == len(set(words))


def test_no_welsh_word_is_a_listed_given_name():
    """A given name that is also a Welsh word ("Bryn", "Haf", "Gwyn", "Mai") is never in the list."""
    given = set(read_lines("gazetteer", "first_names.txt")) | set(read_lines("gazetteer", "first_names_uk.txt"))
    assert not {w for w in welsh_words() if w.capitalize() in given}


def test_welsh_words_count_as_common_words():
    lex = lexicon()
    for word in ("Adolygiad", "Ymarfer", "Ysbyty", "Meddygfa", "Canolfan", "Diogelu", "Bro", "Diolch"):
        assert lex.is_common_word(word), word


@pytest.mark.parametrize(
    "text, word",
    [
        ("Adolygiad Ymarfer Plant Thematig / Thematic Child Practice Review\n\nThe review began in May.", "Thematig"),
        ("BWRDD DIOGELU PLANT RHANBARTHOL GORLLEWIN CENNEN\n\n1. Introduction", "RHANBARTHOL"),
        ("CM was seen at Ysbyty Bro Cennen on the same day by the on-call registrar.", "Ysbyty"),
        ("The family registered with Meddygfa Tŷ Gwyn in the spring.", "Meddygfa"),
        ('CM said: "Diolch o galon i chi am bopeth." She asked for it to stay in Welsh.', "Diolch"),
    ],
)
def test_welsh_headings_and_services_are_not_people(nlp, text, word):
    assert not any(word in n for n in names(nlp, text))


def test_a_welsh_person_is_still_a_person(nlp):
    found = names(nlp, "His teacher, Mrs Eirlys Haf Prydderch, described a bright, chatty boy.")
    assert any("Prydderch" in n for n in found)

"""`scr verify --key`: what the coded text itself says is a person, key or no key (`residue._text_shapes`) -
letters of people nobody keyed, a keyed given name that is an English word typed in lower case in a message, and an
English word set off before a role word - on an invented key and invented sentences; and the words beside them
that must stay quiet."""

from __future__ import annotations

import pytest

from pipeline.deid.keyfile import parse_key
from verify_text import serious_with_key

KEY = parse_key(
    {
        "people": [
            {"code": "Child N", "role": "Subject child", "names": ["Nkechi Obiora", "Nkechi"]},
            {"code": "NM", "role": "Mother", "names": ["Patience Obiora", "Mrs Obiora"]},
            {"code": "NS", "role": "Sister", "names": ["Hope Obiora"]},
            {"code": "SW", "role": "Social worker", "names": ["Trudy Lanyon", "Ms Lanyon"]},
        ]
    }
)
CODED = (
    "Visit record\n"
    "\n"
    "Saw Child N at home. V very quiet today, says she misses her gran.\n"
    "SW asked who collects her. Child N said she is afraid of Q. and would not say more.\n"
    '"RJ" is the school\'s pastoral lead, [PERSON-3]. RJ rang on Friday.\n'
    'A text from Child N to her mother read: "tell hope i am fine dont worry".\n'
    "Marlow, the downstairs neighbour, told police about the shouting. A note says a neighbour (Marlow) rang.\n"
    "There was hope that the plan would work. NM was at the mercy of her landlord.\n"
    "Appendix Q lists the agencies. Plan V was agreed. Vitamin D was prescribed. The Marlow Road flats were cold.\n"
    "Overall, the social worker visited weekly.\n"
    'Her phone held one more: "ask zuri i will ring later".\n'
    "At the first visit her relative interpreted (Hazel). Hazel was not checked.\n"
    "The uncle moved (Birmingham) in May. The nurse called (Monday) to rebook.\n"
    'Her uncle is known to the twins as "Bear [PERSON-4]". They went out to find Bear.\n'
    "Home visit. K. present at the visit, refused to give a name.\n"
    'Another text read: "mama i am at school now".\n'
)


@pytest.fixture(scope="module")
def flagged(tmp_path_factory, nlp):
    return serious_with_key(tmp_path_factory.mktemp("textshapes"), nlp, CODED, KEY)


def _line(start: int) -> int:
    return CODED.count("\n", 0, start)


def _flagged_on(flagged, text: str, line: int) -> bool:
    return any(t.rstrip(".") == text and _line(s) == line for (t, s) in flagged)


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("V", 2),  # a letter opening a sentence before a lower-case word: note shorthand for a person
        ("Q", 3),  # "afraid of Q.": the object of a preposition closing the clause
        ("RJ", 4),  # '"RJ" is ... [PERSON-3]': the text says whom the letters stand for
        ("RJ", 4),  # and "RJ rang" after it (one sense per document)
        ("hope", 5),  # a keyed given name in a message typed without capitals
        ("Marlow", 6),  # set off before a role word, and "(Marlow)" later
        ("zuri", 10),  # no English word, where the parse puts a person, in a message typed without capitals
        ("Hazel", 11),  # alone in brackets after a family word, and its next use
        ("Bear", 13),  # quoted with a placeholder after "known ... as", English word or not, and its next use
        ("K", 14),  # an initial with its stop opening a note before a word the parse may read as a noun
    ],
)
def test_the_text_says_a_person(flagged, text, line):
    assert _flagged_on(flagged, text, line), sorted(flagged)


def test_every_use_of_letters_said_to_be_a_person(flagged):
    assert sum(1 for (t, s) in flagged if t == "RJ" and _line(s) == 4) == 2
    assert sum(1 for (t, s) in flagged if t == "Marlow" and _line(s) == 6) == 2
    assert sum(1 for (t, s) in flagged if t == "Hazel" and _line(s) == 11) == 2
    assert sum(1 for (t, s) in flagged if t == "Bear" and _line(s) == 13) == 2


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("hope", 7),  # "there was hope": the English word, in a line written with capitals
        ("mercy", 7),
        ("Q", 8),  # "Appendix Q": a letter of a capitalised phrase
        ("V", 8),  # "Plan V"
        ("D", 8),  # "Vitamin D"
        ("Marlow", 8),  # "The Marlow Road flats": inside a capitalised phrase
        ("Overall", 9),  # an adverb before a role word is no name
        ("Birmingham", 12),  # a place in brackets after a family word
        ("Monday", 12),
        ("mama", 15),  # a family word typed in lower case in a message
    ],
)
def test_words_that_stay_quiet(flagged, text, line):
    assert not _flagged_on(flagged, text, line), sorted(flagged)

"""Words a record's layout capitalises are not people: a label before a value, a table cell's first word, a stop
word in a line of capitals.  Fictional names and text only; each case fails without its rule, and the person
beside it is still found."""

from __future__ import annotations

import pytest

from pipeline.deid.keyfile import parse_key
from pipeline.deid.names.initials import nameless_initials
from pipeline.deid.names.known import english_lexicon, find_known_names
from pipeline.deid.names.unknown import find_unknown_names


def _nameless(nlp, text: str) -> set[str]:
    return {letters for _, _, letters in nameless_initials(text, [], [], nlp(text), frozenset())}


def test_capitals_before_a_changing_score_are_a_measure(nlp):
    text = "On arrival GCS 12. Discussed with GCS. Discussed with KD. GCS 15 by morning. KD 7 stayed in bed."
    assert _nameless(nlp, text) == {"KD"}


def test_capitals_before_a_decimal_reading_are_a_measure(nlp):
    assert _nameless(nlp, "Discussed with BM. BM 5.1, pupils equal and reactive.") == set()


def test_capitals_before_an_identifier_placeholder_are_its_label(nlp):
    text = "Mother (DOB [DATE_OF_BIRTH], NI [NI_NUMBER]). Discussed with NI."
    assert _nameless(nlp, text) == set()


def test_the_same_age_beside_initials_stays_a_person(nlp):
    assert _nameless(nlp, "Discussed with JT. JT 7 at school; JT 7 at home.") == {"JT"}


_TABLE = """| Time | Complaint | Triage |
|---|---|---|
| 10:14 | Scald to left hand | Orange |

| Field | Value |
|---|---|
| Reason for form | Scald |
"""


def test_a_table_cells_first_word_is_capitalised_by_the_layout(nlp):
    found = {c.text for c in find_unknown_names(nlp(_TABLE + "\nLater Grace Mwale came to the ward.\n"))}
    assert "Orange" not in found and "Reason" not in found
    assert any("Grace" in f for f in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('HE WAS SEEN IN A GREY CAR DRIVEN BY AN OLDER MALE KNOWN AS "TYLER". FAMILY HAVE CHECKED.', []),
        ("Discussed with AS, who said the risk was high. AS said she would call.", [("AS", "MEC"), ("AS", "MEC")]),
    ],
)
def test_a_stop_word_in_a_line_of_capitals_is_the_word(nlp, text, expected):
    key = parse_key({"people": [{"code": "MEC", "role": "Missing coordinator", "names": ["Anita Shore"]}]})
    found = find_known_names(text, key, doc=nlp(text), lexicon=english_lexicon(nlp))
    assert [(m.text, m.code) for m in found] == expected


def test_a_cells_word_the_draft_also_writes_as_a_full_name_stays_a_name(nlp):
    text = (
        "The support worker, Shannon Rowe, visited twice.\n\n"
        "| Date | From | Message |\n|---|---|---|\n| 12/12/24 09:30 | Shannon | I'll check and get back to you |\n"
    )
    found = [c for c in find_unknown_names(nlp(text)) if c.text == "Shannon"]
    assert found

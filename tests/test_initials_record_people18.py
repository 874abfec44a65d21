"""Initials and lone letters where a record puts a person, read from the record's own shape: a log entry's
heading that ends with its writer's capitals after the weekday, date and time ("**Tue 12/03/24 — 21:05 —
GF**"), a lone capital shared by several keyed people (the child the record is about), two lone capitals
joined by "and" once the draft has used one of them as a person, and a kinship word with an initial ("Uncle
S"): the keyed relative with that kinship, not a child who shares the letter.

All names are invented."""

from __future__ import annotations

import re

import pytest

from pipeline.deid.keyfile import parse_key
from pseudonymise_text import code_text

KEY = parse_key(
    {
        "people": [
            {"code": "Child B", "role": "The subject child", "names": ["Soren Lindqvist", "Soren"]},
            {"code": "Child C", "role": "Child B's sister", "names": ["Wren Lindqvist", "Wren"]},
            {"code": "F", "role": "Father of Child B and Child C", "names": ["Stellan Lindqvist", "Mr Lindqvist"]},
            {"code": "MU", "role": "Maternal uncle", "names": ["Sixten Nyberg"]},
            {"code": "FC1", "role": "Foster carer", "names": ["Gwyneth Faraday"]},
            {"code": "FC2", "role": "Foster carer", "names": ["Cormac Faraday"]},
        ]
    }
)

LOG = """Appendix: the carers' log

Soren came to Gwyneth and Cormac Faraday on 4 March.

**Tue 12/03/24 — 21:05 — GF**
Stellan Lindqvist rang at six. S. asked about his dad.

**Wed 13/03/24 — 07:30 — CF**
Took S. to school. He was cheerful and ate breakfast.

Sat 16 Mar 2024, 14:10, GF
S was tired after football. W rang in the evening.

Thursday 21/03/2024 | 19:45 | CF
The social worker says S and W can see each other at Easter. Soren Lindqvist was excited.
Uncle S visited and brought a kite.
"""


@pytest.fixture(scope="module")
def log(tmp_path_factory, nlp):
    return code_text(tmp_path_factory.mktemp("log"), LOG, KEY, nlp, name="draft.md").text


def test_capitals_ending_a_log_entry_heading_are_its_writer(log):
    assert "**Tue 12/03/24 — 21:05 — FC1**" in log
    assert "**Wed 13/03/24 — 07:30 — FC2**" in log  # both carers of the one surname


def test_a_written_date_and_a_pipe_separated_heading_name_the_writer_too(log):
    assert "Sat 16 Mar 2024, 14:10, FC1" in log
    assert "Thursday 21/03/2024 | 19:45 | FC2" in log


def test_a_lone_letter_shared_by_the_subject_child_and_an_adult_is_the_child(log):
    assert "Child B asked about his dad" in log
    assert "Took Child B to school" in log  # not the father, not the uncle
    assert "Child B was tired" in log


def test_lone_letters_joined_by_and_are_people_once_one_is(log):
    assert "says Child B and Child C can see" in log


def test_a_kinship_word_and_an_initial_is_the_relative_of_that_kinship(log):
    assert "MU visited" in log or "Uncle MU visited" in log


NOT_PEOPLE = """Site notes

**Mon 11/03/24 — 09:00 — GF**
Blocks D and E are closed. Parts S and W of the form were sent. The room is on floor B.
"""


def test_letters_that_letter_things_stay(tmp_path, nlp):
    out = code_text(tmp_path, NOT_PEOPLE, KEY, nlp, name="draft.md").text
    assert "Blocks D and E are closed" in out
    assert "Parts S and W of the form" in out


PARTNER_KEY = parse_key(
    {
        "people": [
            {"code": "Child B", "role": "The subject child", "names": ["Saoirse Lindqvist", "Saoirse"]},
            {"code": "MP", "role": "Mother's partner", "names": ["Sixten Nyberg"]},
        ]
    }
)

PARTNER = """Chronology

1. The children call their mother's partner "Uncle Sixten". He does not live at the address.
2. On 3 May Saoirse Lindqvist told her teacher that Uncle S had pushed her.
"""


def test_a_kinship_word_and_an_initial_is_whom_the_draft_calls_by_that_word(tmp_path, nlp):
    out = code_text(tmp_path, PARTNER, PARTNER_KEY, nlp, name="draft.md").text
    assert "teacher that Uncle MP had pushed her" in out or "teacher that MP had pushed her" in out


AGAIN = """Contact notes

Wren refused to get in the car. W cried at the gate.
The nurse saw W on Monday and has no record of W's asthma plan. The social worker will visit W at school.
W. quiet at tea.
Vitamin W is not a thing; the form has a box W 3 and the W route bus was late.
"""


def test_a_letter_used_as_a_person_is_that_person_where_a_noun_stands(tmp_path, nlp):
    out = code_text(tmp_path, AGAIN, KEY, nlp, name="draft.md").text
    assert "Child C cried at the gate" in out
    assert "saw Child C on Monday" in out and "record of Child C's asthma" in out and "visit Child C at school" in out
    assert "Child C. quiet at tea" in out or "Child C quiet at tea" in out
    assert "Vitamin W" in out and "box W 3" in out and "the W route" in out


HV_KEY = parse_key(
    {
        "people": [
            {"code": "Child B", "role": "The subject child", "names": ["Saoirse Lindqvist", "Saoirse"]},
            {"code": "HV", "role": "Health visitor", "names": ["Hollis Marwood"]},
        ]
    }
)

HV_NOTES = """Health visiting

Seen at home by Hollis Marwood, HV, on 2 May. HM gave the mother a leaflet about safe sleep.
The father had been released from HM Prison Leeds in April; HM Coroner was not involved.
"""


def test_a_possessive_abbreviation_alone_before_a_verb_is_someones_initials(tmp_path, nlp):
    out = code_text(tmp_path, HV_NOTES, HV_KEY, nlp, name="draft.md").text
    assert "HV gave the mother a leaflet" in out
    assert "HM Prison Leeds" in out and "HM Coroner" in out


MINUTES = """Strategy discussion, 4 June

Chair: DI Ken Wu. Present: DS Priya Lomax (Police), PC Saul Oddie (Police, covering), Ruth Ellery (Health).

PL: no previous reports at the address.
SO: nothing further from the neighbourhood team.
Decision: SO to update the log. So the plan stands; the ECG and SO were not discussed.
"""


def test_initials_of_people_an_attendance_list_names_are_theirs_where_a_person_stands(tmp_path, nlp):
    out = code_text(tmp_path, MINUTES, HV_KEY, nlp, name="draft.md").text
    oddie = re.search(r"(\[PERSON-\d+\]) \(Police, covering\)", out).group(1)
    assert f"{oddie}: nothing further" in out and f"{oddie} to update" in out
    assert "So the plan stands" in out


OT_KEY = parse_key(
    {
        "people": [
            {"code": "Child B", "role": "The subject child", "names": ["Saoirse Lindqvist", "Saoirse"]},
            {"code": "INT", "role": "Interpreter", "names": ["Orla Tierney"]},
        ]
    }
)

OT_MINUTES = """Core group, 9 July

| Attendee | Role |
|---|---|
| Orla Tierney | Interpreter |
| Priya Lomax | Police |

OT: the mother asked for a female interpreter. Referral to OT for a bath seat was made.
"""


def test_a_keyed_person_the_attendance_list_names_takes_their_acronym_initials(tmp_path, nlp):
    out = code_text(tmp_path, OT_MINUTES, OT_KEY, nlp, name="draft.md").text
    assert "INT: the mother asked" in out
    assert "Referral to OT for a bath seat" in out


SHORTHAND_KEY = parse_key(
    {
        "people": [
            {"code": "Baby R", "role": "The subject child", "names": ["Rhodri Vance", "Rhodri"]},
            {"code": "CP", "role": "Consultant paediatrician", "names": ["Fenella Price", "Dr Price"]},
        ]
    }
)

SHORTHAND = """Case notes

F refused to give a history. Police to see M and F separately; F's brother is staying.
R cried at triage. The Trust saw R four times before the admission; R's weight was not plotted.
"""


def test_role_shorthand_is_not_spread_as_a_person(tmp_path, nlp):
    out = code_text(tmp_path, SHORTHAND, SHORTHAND_KEY, nlp, name="draft.md").text
    assert "see M and F separately; F's brother" in out
    assert "saw Baby R four times" in out  # a lettered code's letter alone is the code's child either way

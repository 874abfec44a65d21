"""Capitals a draft declares as a person's: an attendance table's initials column ("| Dr Wenna Polkinghorne | WP |"),
the person's initials in brackets after the name, and the capitals of names with particles, clan prefixes and
double-barrelled surnames run together ("MdJT" is no shape a draft uses; "MJT", "RMcK", "TO-B" are).  Once declared,
the capitals are that person (or that unlisted person's placeholder) wherever they stand, even where the letters
also have an everyday sense ("HP", "CD"); the review's own author in the same table keeps her name and initials.

All names are invented."""

from __future__ import annotations

import re

import pytest

from pipeline.deid.keyfile import parse_key
from pipeline.deid.names.known import name_capitals, name_forms
from pseudonymise_text import code_text

KEY = parse_key(
    {
        "people": [
            {"code": "Child T", "role": "Subject child", "names": ["Tobiah Penwarden", "Tobiah"]},
            {"code": "SW", "role": "Social worker", "names": ["Hedda Pascoe", "Ms Pascoe"]},
            {"code": "TL", "role": "Team leader", "names": ["Rory McKinnell", "Mr McKinnell"]},
            {"code": "HV", "role": "Health visitor", "names": ["Maria de Jesus Teixeira", "Ms Teixeira"]},
            {"code": "CNS", "role": "Nurse specialist", "names": ["Tamsin Opie-Bray"]},
        ]
    }
)

DRAFT = """Panel minutes: Child T

| Name | Initials | Role |
|---|---|---|
| Dr Wenna Polkinghorne | WP | Independent reviewer (author) |
| Hedda Pascoe | HP | Social worker |
| Tamsin Opie-Bray | TO-B | Nurse specialist |
| Colin Dunstan | CD | Police |

1.1 WP opened the meeting. HP summarised the visits; TO-B said the clinic had three missed appointments.
1.2 CD asked for the strategy notes. The HP printer was broken.
1.3 The assessment was countersigned by RMcK. MJT completed the health review and RMK agreed.
"""


@pytest.fixture(scope="module")
def coded(tmp_path_factory, nlp):
    return code_text(tmp_path_factory.mktemp("draft"), DRAFT, KEY, nlp, name="draft.md").text


def test_name_capitals_skip_lower_case_particles_and_keep_clan_capitals():
    assert name_capitals("Maria de Jesus Teixeira".split()) == "MJT"
    assert name_capitals(["Rory", "McKinnell"]) == "RMK"
    assert name_capitals(["Tamsin", "Opie-Bray"]) == "TOB"
    forms = set(name_forms(KEY.by_code()["TL"])) | set(name_forms(KEY.by_code()["HV"]))
    assert {"RMcK", "RMK", "MJT"} <= forms


def test_initials_declared_in_a_table_row_are_the_person_everywhere(coded):
    assert "| SW | SW | Social worker |" in coded
    assert "| CNS | CNS | Nurse specialist |" in coded
    assert "SW summarised the visits; CNS said" in coded
    assert "The HP printer was broken." in coded  # after a determiner: a thing


def test_run_together_capitals_of_particle_and_clan_names(coded):
    assert "countersigned by TL. HV completed the health review and TL agreed." in coded


def test_an_unlisted_persons_declared_initials_take_the_placeholder(coded):
    m = re.search(r"\| (\[PERSON-\d+\]) \| (\[PERSON-\d+\]) \| Police \|", coded)
    assert m and m.group(1) == m.group(2), coded
    assert f"1.2 {m.group(1)} asked for the strategy notes." in coded


def test_the_reviewer_in_the_attendance_table_keeps_name_and_initials(coded):
    assert "| Dr Wenna Polkinghorne | WP | Independent reviewer (author) |" in coded
    assert "1.1 WP opened the meeting." in coded

"""A family name of several words, printed first by a records system, and a bracketed other given name.

A family name may be several words (a particle, two surnames, a hyphen): "dos Santos Ferreira".  A records
system prints it first, in capitals or before a comma, sometimes with one letter slipped, and married or birth
names after a civil-record marker.  Word by word the family name is every relative's, so the line must be
coded by its given name.  A name in brackets between a person's given and family name is that person's other
given name.  Fictional Portuguese family; each test fails without its rule.
"""

from __future__ import annotations

from tests.pseudonymise_text import code_text

FAMILY = [
    {"code": "CT", "role": "Child T, the subject", "names": ["Tiago dos Santos Ferreira", "Tiago"]},
    {"code": "TM", "role": "Child T's mother", "names": ["Inês dos Santos", "Inês"]},
    {"code": "TF", "role": "Child T's father", "names": ["Rui Ferreira", "Mr Ferreira"]},
]


def _coded(tmp_path, nlp, draft: str, people=FAMILY) -> str:
    return code_text(tmp_path, draft, {"people": people}, nlp).text


def test_a_family_name_of_several_words_printed_first_is_the_given_names_person(tmp_path, nlp):
    out = _coded(tmp_path, nlp, "| Patient | DOS SANTOS FERREIRA, Tiago Miguel |\n| Mother | DOS SANTOS, Inês |\n")
    assert "| Patient | CT |" in out and "| Mother | TM |" in out
    assert "Miguel" not in out and "SANTOS" not in out


def test_one_slipped_letter_in_a_family_name_printed_first(tmp_path, nlp):
    """ "FERRIERA Tiago": a second hospital record with the letters of the family name swapped."""
    out = _coded(tmp_path, nlp, "A second record was opened for FERRIERA Tiago by the ambulance crew.\n")
    assert "for CT by" in out and "FERRIERA" not in out


def test_a_mixed_case_family_name_before_a_comma_needs_a_field_end(tmp_path, nlp):
    out = _coded(tmp_path, nlp, "| Father | Ferreira, Rui |\nMr Ferreira, Tiago's father, was seen.\n")
    assert "| Father | TF |" in out
    assert "TF, CT's father" in out  # a title before it: two people, not a record line


def test_a_married_name_after_a_civil_record_marker_is_the_same_womans(tmp_path, nlp):
    people = [
        {"code": "CT", "role": "Child T", "names": ["Tiago Ferreira", "Tiago"]},
        {"code": "TM", "role": "Child T's mother", "names": ["Ana Sousa", "Ana"]},
        {"code": "TF", "role": "Child T's father", "names": ["Rui Ferreira", "Mr Ferreira"]},
    ]
    out = _coded(tmp_path, nlp, "The French register writes the mother as SOUSA Ana épouse FERREIRA.\n", people)
    assert "mother as TM." in out and "TF" not in out


def test_a_bracketed_name_between_given_and_family_name_is_the_same_person(tmp_path, nlp):
    people = [
        {"code": "CT", "role": "Child T", "names": ["Tiago Ferreira", "Tiago"]},
        {"code": "TG", "role": "Child T's grandmother", "names": ["Lurdes Ferreira", "Mrs Ferreira"]},
        {"code": "TF", "role": "Child T's grandfather", "names": ["Joaquim Ferreira", "Joaquim"]},
    ]
    out = _coded(
        tmp_path,
        nlp,
        "The applicants are Mrs Lurdes Ferreira and Mr Joaquim (James) Ferreira. James works nights.\n",
        people,
    )
    assert "and TF (TF) TF." in out
    assert "TG (" not in out and ") TG" not in out
    assert "TF works nights" in out and "James" not in out

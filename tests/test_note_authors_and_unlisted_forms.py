"""People nobody listed and initials: the author of a note, a table row beside a role, an apposition whose
surname is an agency word, the subject in a family member's own words, a collar number, a surname's letter
after a keyed first name, a titled full name of a key that gives only the title and surname.

All names are invented."""

from __future__ import annotations

import re

import pytest

from pipeline.deid.keyfile import parse_key
from pipeline.deid.names.initials import initials_of, note_authors
from pipeline.deid.names.unknown import NameCandidate, group_mentions
from pseudonymise_text import code_text

KEY = parse_key(
    {
        "people": [
            {"code": "CK", "role": "Subject child", "names": ["Kwabena"]},
            {"code": "SW1", "role": "Social worker", "names": ["Rhoda Lacey"]},
            {"code": "SF", "role": "Stepfather", "names": ["Bartholomew Hale"]},
            {"code": "GP1", "role": "General practitioner", "names": ["Dr Okonjo"]},
            {"code": "PC1", "role": "Police constable", "names": ["PC Thornbury"]},
        ]
    }
)

DRAFT = """Child Safeguarding Practice Review: Child K
Lead reviewer: Moira Hendry

1.1 Kwabena was three when he was admitted. He is Kwabena B. on the nursery register.

[MH: This is the version after panel. Comments to me.]

[Comment — PV (Designated Nurse): Suggest we say "seldom seen". MH: agreed.]

[Comment — RL: The family are fine with it.]

[Comment — TO (GP rep): The practice was not told. MH: added.]

[Comment — SW1: noted.]

2.1 The nursery key worker, Shanice Hall, recorded the bruise and told the manager. The business manager,
Beatrix Hollings, is checking the costs. Rosalind Pettifer, the nursery manager, made the referral.

2.2 His grandmother told the reviewer:

> "I went with my cousin to the counter. The man gave me a form in English. Dariusz read it to me. Nobody
wrote anything down."

2.3 Rosie said the nursery had recorded the stepfather's name wrongly.

| Date | Agency | Contact | Who |
|---|---|---|---|
| 12/03/2024 | Police | Shouting reported, "all calm". | PC 5521 Thornbury |
| 14/03/2024 | GP | Seen for a cough. | Dr Okonjo |

Appendix 1 — Panel

| Name | Role |
|---|---|
| Priscilla Vane | Designated Nurse |
| Dr Tobias Okonjo | GP representative |
| B. Hollings | Business manager |
"""


@pytest.fixture(scope="module")
def coded(tmp_path_factory, nlp):
    return code_text(tmp_path_factory.mktemp("draft"), DRAFT, KEY, nlp, name="draft.md")


def _line(text: str, start: str) -> str:
    return next(line for line in text.splitlines() if line.startswith(start))


def test_a_note_authors_initials_are_the_keyed_person_or_the_unlisted_person_named_in_full(coded):
    text = coded.text
    assert "[Comment — SW1: The family" in text  # RL: Rhoda Lacey's initials
    assert "[Comment — GP1 (GP rep)" in text  # TO: the keyed Dr Okonjo, named Dr Tobias Okonjo in the table
    pv = re.search(r"\[Comment — (\[PERSON-\d+\]) \(Designated Nurse\)", text)
    assert pv, text
    assert _line(text, f"| {pv.group(1)} |") == f"| {pv.group(1)} | Designated Nurse |"  # Priscilla Vane


def test_the_review_authors_initials_and_the_keys_codes_stay(coded):
    assert "[MH: This is the version" in coded.text
    assert "MH: agreed" in coded.text
    assert "[Comment — SW1: noted.]" in coded.text


def test_a_titled_full_name_and_a_collar_number_take_the_keyed_code(coded):
    assert "| GP1 | GP representative |" in coded.text
    assert "| PC1 |" in coded.text
    assert "5521" not in coded.text


def test_a_keyed_first_name_with_a_surname_letter_is_coded_whole(coded):
    assert "He is CK on the nursery register" in coded.text


def test_an_initial_and_surname_in_a_table_join_the_full_name_though_a_keyed_person_shares_the_initials(coded):
    text = coded.text
    m = re.search(r"business manager,\n(\[PERSON-\d+\]), is checking", text)
    assert m, text
    assert f"| {m.group(1)} | Business manager |" in text
    assert "Hollings" not in text and "B." not in text.split("Appendix 1")[1]


def test_an_apposed_name_whose_surname_is_an_agency_word_is_a_person(coded):
    assert "Shanice" not in coded.text and "Hall," not in coded.text
    assert "The nursery key worker, [PERSON-" in coded.text


def test_the_subject_of_any_verb_in_a_family_members_own_words_is_a_person(coded):
    assert "Dariusz" not in coded.text
    assert "The man gave me a form in English." in coded.text  # the rest of the account untouched


def test_a_pet_name_joins_the_unlisted_full_name_it_shortens(coded):
    text = coded.text
    m = re.search(r"(\[PERSON-\d+\]), the nursery manager", text)
    assert m, text
    assert f"2.3 {m.group(1)} said" in text


def test_note_authors_and_initials_of_names():
    text = "[Comment — GR (Designated Nurse): yes]\n[comment TB: delete]\nComment (RPJ, 14/03 15:02): ok\n[HW: fine]"
    assert [w for _, _, w in note_authors(text)] == ["GR", "TB", "RPJ", "HW"]
    assert note_authors("The [NHS: England] note") == []
    assert "CLR" in initials_of("Callum Lorimer-Reid")
    assert initials_of("Dr M. Stone") == {"MS"}
    assert initials_of("Ms Stone") == set()


def test_initials_join_the_one_full_name_they_fit():
    def cand(text, start):
        return NameCandidate(start, start + len(text), text, "test", 0.9)

    groups = [[c.text for c in g] for g in group_mentions([cand("Gwen Roe", 0), cand("GR", 50), cand("HR", 80)])]
    assert ["Gwen Roe", "GR"] in groups
    assert ["HR"] in groups


def test_a_titled_given_name_no_list_holds_keeps_an_ordinary_word_as_its_surname(nlp):
    from pipeline.deid.names.unknown import find_unknown_names
    from pipeline.nlp import parse

    doc = parse("The DSL, Mrs Zephyrine Bucket, agreed that the log was complete.", nlp, ["CM"])
    assert "Zephyrine Bucket" in [c.text for c in find_unknown_names(doc)]

"""Initials a draft pairs with a person, and `verify --key` findings a coded text does not deserve.

- a table whose column is headed as initials ("Initials in minutes") pairs the capitals with the name in the
  same row, across the cells between, for titled names and names with an initial ("Sgt K Brennan": KB);
- initials of an O'/D' surname are written with or without the apostrophe ("NO'R", "NOR"): one declaration;
- a keyed person's initials that are also an abbreviation ("HV": health visitor) are the person as an item of a
  list of other people's bare initials ("Informed TM and HV"), not where the draft uses the abbreviation;
- a code is never a name: a gloss pseudonymise wrote ('"CRF (father)"') is no alias, and a code
  before an English clitic ("CRF've") is no name's remainder.

Every name is invented."""

from __future__ import annotations

import re

import pytest

from pipeline.deid.keyfile import parse_key
from pseudonymise_text import code_text
from verify_text import serious_with_key

KEY = parse_key(
    {
        "people": [
            {"code": "Child R", "role": "Subject child", "names": ["Kofi Asante-Boadu", "Kofi"]},
            {"code": "CRF", "role": "Child R's father", "names": ["Kwame Asante-Boadu", "Kwame", "Mr Asante-Boadu"]},
            {"code": "YJW", "role": "Case manager", "names": ["Tobias Marsh", "Mr Marsh"]},
            {"code": "EHW", "role": "Early help practitioner", "names": ["Hannah Vickery", "Ms Vickery"]},
            {"code": "HVN", "role": "Health visitor", "names": ["Siobhan O'Rourke", "Ms O'Rourke"]},
        ]
    }
)

DRAFT = """Panel minutes: Child R

| Name | Agency | Initials used |
|---|---|---|
| Tobias Marsh | Youth justice | TM |
| DC Rowan Ashdown | Police | RA |
| Sgt K Brennan | Police, neighbourhood | KB |
| Niamh O'Rourke | Victim liaison | NOR |
| Siobhan O'Rourke | Health visiting | SOR |

1. RA summarised the interview. Kofi admitted the offence.
2. KB: two stop-and-search contacts, nothing found.
3. SO'R said the family were known to health visiting since 2021. NO'R: no identifiable victim.
4. Informed TM and HV of the outcome by email. HV visits were monthly in 2022.
"""


@pytest.fixture(scope="module")
def coded(tmp_path_factory, nlp):
    return code_text(tmp_path_factory.mktemp("pairings"), DRAFT, KEY, nlp, name="draft.md").text


def test_initials_in_an_initials_column_belong_to_the_rows_person(coded):
    # the rank may stay before the placeholder or join the mention (ranks.yaml): the initials follow the person
    rows = {
        re.sub(r"^(?:DC|Sgt) ", "", line.split("|")[1].strip()): line.split("|")[3].strip()
        for line in coded.splitlines()[4:9]
    }
    assert rows["[PERSON-1]"] == "[PERSON-1]"  # a title before the name, a role cell between
    assert rows["[PERSON-2]"] == "[PERSON-2]"  # a first name given by its initial
    assert "1. [PERSON-1] summarised" in coded
    assert "2. [PERSON-2]: two stop-and-search" in coded


def test_an_apostrophe_surnames_initials_are_one_declaration(coded):
    assert "3. HVN said the family" in coded
    assert "NO'R" not in coded and "[PERSON-3]: no identifiable victim" in coded


def test_an_abbreviation_listed_among_peoples_initials_is_the_person(coded):
    assert "Informed YJW and EHW of the outcome" in coded
    assert "HV visits were monthly" in coded  # the service the letters also stand for


def test_a_row_without_an_initials_column_pairs_nothing(tmp_path, nlp):
    draft = (
        "| Name | Agency | Notes |\n|---|---|---|\n| DC Rowan Ashdown | Police | NB |\n\n"
        "NB the interview was recorded.\n"
    )
    out = code_text(tmp_path, draft, KEY, nlp, name="draft.md").text
    assert "NB the interview" in out


CODED = (
    "Home visit with YJW. Kofi was at school.\n"
    "\n"
    'The minutes list the family as "Child R (child)" and "CRF (father)". CRF was calm.\n'
    "CRF said he works nights. The email from the worker read: \"Hi both, CRF've been allocated and CRF'll visit "
    'on Thursday."\n'
)


def test_a_code_pseudonymise_wrote_into_a_gloss_is_no_name(tmp_path, nlp):
    flagged = serious_with_key(tmp_path, nlp, CODED, KEY)
    assert not [k for k, rule in flagged.items() if k[0] == "CRF" and rule.startswith("key:")]


def test_a_code_before_an_english_clitic_is_no_name_remainder(tmp_path, nlp):
    flagged = serious_with_key(tmp_path, nlp, CODED, KEY)
    assert not [k for k in flagged if k[0].startswith("CRF'")]
    glued = serious_with_key(tmp_path, nlp, "The father, CRF'ena, came late.\n", KEY)
    assert any(rule.endswith("code_remainder") for rule in glued.values())


SHAPES_KEY = parse_key(
    {
        "people": [
            {"code": "Child K", "role": "Subject child", "names": ["Ama Boateng", "Ama"]},
            {"code": "KM", "role": "Child K's mother", "names": ["Efua Boateng", "Mrs Boateng"]},
            {"code": "POM", "role": "Probation officer (case manager)", "names": ["Wilf Drummond", "Mr Drummond"]},
            {"code": "CCW", "role": "Children's centre worker", "names": ["Petra Lindgren"]},
        ]
    }
)


def test_a_countrys_adjective_in_brackets_after_an_interpreter_is_no_name(tmp_path, nlp):
    coded = (
        "Home visit with KM.\nInterpreter [PERSON-1] (Indonesian). Present: KM, Child K.\n"
        "KM said the Indonesian church helped.\n"
        "A friend, Tesfa, the family's neighbour, came later (Tesfa) and Tesfa stayed.\n"
    )
    flagged = serious_with_key(tmp_path, nlp, coded, SHAPES_KEY)
    assert not [k for k in flagged if k[0] == "Indonesian"]
    assert [k for k in flagged if k[0] == "Tesfa"]  # a word set off before a family or role word stays a name


def test_letters_after_a_places_word_that_spell_its_kind_are_the_place(tmp_path, nlp):
    coded = (
        "CCW works at Ashcombe Children's Centre.\n"
        "CALL TO ASHCOMBE CC (CCW). CC open to family since 03/24.\n"
        "CC report two minor injuries.\n"
    )
    flagged = serious_with_key(tmp_path, nlp, coded, SHAPES_KEY)
    assert not [k for k in flagged if k[0] == "CC"]


def test_letters_that_spell_a_keyed_role_are_that_roles_shorthand(tmp_path, nlp):
    coded = "The panel asked for an assessment. POM (PO) agreed.\nPO declines to attend the review.\nJD declines too.\n"
    flagged = serious_with_key(tmp_path, nlp, coded, SHAPES_KEY)
    assert not [k for k in flagged if k[0] == "PO"]
    assert [k for k in flagged if k[0] == "JD"]  # letters the text uses as a person, of no role the key gives

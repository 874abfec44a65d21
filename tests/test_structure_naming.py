"""The general key readers of pipeline/structure/naming.py (issue 13, struct8), on fictional text.

1. A naming verb after a person noun phrase, whatever the verb ("is called", "is described as", "whom the
   summary calls", "known by the name", "hereafter"), with a coordinated list, a role phrase after the verb, and
   a second role left out before "as" ("… as Carer 1 and her husband as Carer 2").  A content word between the
   noun and the verb breaks the link.
2. A role word and an index used as a person: singular or plural with a coordinated list, counted over the
   document; a word outside the role inventory counts when the text puts a person noun in apposition to it.
   A code used only on a cover or title line names the review (source "cover_subject").
"""

from __future__ import annotations

import pytest

from pipeline.structure import naming
from structure_text import build, check_declared

HEAD = "Fernhollow Safeguarding Partnership\n\nPractice Review\n\n1. Introduction\n\n"


def _named(text: str) -> dict[str, str]:
    return {d.code: d.description for d in naming.find_named(text)}


def _role_codes(text: str) -> set[str]:
    return {d.code for d in naming.find_role_codes(text)}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Names are not their real names: the toddler is called Pip and his cousin is called Moss.", {"Pip", "Moss"}),
        ("The lodger, who in this report is described as Adult 3, moved in.", {"Adult 3"}),
        ("A nine year old whose foster brother the summary calls Ash stayed.", {"Ash"}),
        ("Her step-grandmother, known by the name Granny Fen, helped.", {"Granny Fen"}),
        ("An older neighbour, hereafter Resident J, saw the boys.", {"Resident J"}),
        ("The brothers are known in this report as Sorrel and Tansy.", {"Sorrel", "Tansy"}),
    ],
)
def test_naming_verb_after_a_person_noun(text: str, want: set[str]) -> None:
    assert want <= set(_named(text)), _named(text)


def test_role_phrase_after_the_verb_takes_a_bare_index() -> None:
    text = "Four pupils, referred to here as young persons D, E and G, were excluded."
    assert {"Young Person D", "Young Person E", "Young Person G"} <= set(_named(text))


def test_role_phrase_after_the_verb_with_the_roles_initials_is_the_code() -> None:
    text = "They are referred to below as young people YQ4 and YQ5 because of their age."
    assert {"YQ4", "YQ5"} <= set(_named(text))


def test_gapped_second_role() -> None:
    text = "The foster mother is described as Carer 1 and her husband as Carer 2."
    named = _named(text)
    assert {"Carer 1", "Carer 2"} <= set(named)
    assert named["Carer 2"] == "husband"


@pytest.mark.parametrize(
    "text",
    [
        "The mother attended a meeting known as Circle Time each week.",  # the meeting is named
        "The father called Brimley Surgery twice.",  # a telephone call, no agent of naming
        "The grandmother was then known as a reliable carer.",  # no code after the verb
    ],
)
def test_no_person_named(text: str) -> None:
    assert _named(text) == {}


def test_plural_role_with_a_coordinated_list() -> None:
    text = "The review concerns Cousins K and L. Cousin K was fourteen. Cousin L was twelve."
    assert {"Cousin K", "Cousin L"} <= _role_codes(text)


def test_role_code_used_twice_or_in_a_series() -> None:
    text = "Tenant B was evicted. Lodger Q had keys. Lodger Q left. Neighbour 1 and Neighbour 2 called the police."
    found = _role_codes(text)
    assert {"Lodger Q", "Neighbour 1", "Neighbour 2"} <= found
    assert "Tenant B" not in found  # no role word, and no apposition


@pytest.mark.parametrize(
    ("text", "not_codes"),
    [
        ("Grandson Z, 15, was the victim. Grandson Z had left school.", {"Grandson 15"}),  # an age, not a code
        ("2. THE CHILD AND THE FAMILY 2.1 Background 2.2 The family 3. Analysis", {"Family 2", "Family 3"}),
        ("MOTHER AND BABY UNIT. MOTHER AND BABY UNIT.", {"Mother AND"}),
        ("The child I met was calm. The child I met later was not.", {"Child I"}),
    ],
)
def test_role_code_lookalikes(text: str, not_codes: set[str]) -> None:
    assert not (not_codes & _role_codes(text))


def test_apposed_code_outside_the_inventory() -> None:
    text = "Tenant Q, a man of forty, rented the flat. Police later arrested Tenant Q. Annex B and Annex B again."
    found = {d.code for d in naming.find_apposed_codes(text)}
    assert found == {"Tenant Q"}


def test_review_declares_by_naming_verb() -> None:
    text = HEAD + "1.1 The infant in this review is known as Bramble. Her father is described as Parent B.\n"
    check_declared(text, {"Bramble", "Parent B"}, {"Parent"})


@pytest.mark.parametrize(
    "text",
    [
        "1.1 The baby was called Mirela at home.",  # "is called" with no statement that names are invented
        "1.1 The referral names a man known only as Biscuit.",  # a nickname of a real person
        "1.1 Her partner was recorded as Tomasz.",  # a record, not a naming
        "1.1 Her partner is described as G. Vale in the notes.",  # an initial of a full name
    ],
)
def test_plain_name_not_declared(text: str) -> None:
    assert not [e for e in build(HEAD + text + "\n").key if e.pseudonym]


def test_cover_only_code_names_the_review() -> None:
    text = (
        "Fernhollow Safeguarding Partnership\n\nPractice Review\n\nSIBLING X SIBLING Y\n\nSIBLING X SIBLING Y\n\n"
        "1. Introduction\n\n1.1 The review looked at how agencies worked with the family over two years.\n"
    )
    entries = {e.code: e.source for e in build(text).key}
    assert entries.get("Sibling Y") == "cover_subject"


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("1.1 The name Juniper is the pseudonym her aunt chose. Juniper was seven.\n", {"Juniper"}),
        ("1.1 This review concerns ‘Tobin’ (not his real name), who was three.\n", {"Tobin"}),
        ("1.1 Marlowe [name changed] lived with his father.\n", {"Marlowe"}),
        ("1.1 Her stepfather, GK, had a conviction. GK moved out in 2019.\n", {"GK"}),
        ("1.1 We looked at the household the review calls the Treloar family. The Treloars moved.\n", {"Treloar"}),
        ("1.1 Her nephew Anselm, better known as AJ, was nine. AJ attended a pupil referral unit.\n", {"AJ"}),
    ],
)
def test_further_declarations(text: str, want: set[str]) -> None:
    check_declared(HEAD + text, want, set())


@pytest.mark.parametrize(
    "text",
    [
        "1.1 The health visitor, HV, called. HV wrote it down.\n",  # the initials of the words before it
        "1.1 Her stepfather, GK, had a conviction.\n",  # used once: not shown to be a code
    ],
)
def test_apposed_initials_lookalikes(text: str) -> None:
    assert not {e.code for e in build(HEAD + text).key} & {"HV", "GK"}

"""Key readers by grammar (issue 13, keyreal12), on fictional text.

1. A reduced naming clause right after the person noun, in apposition or in brackets ("the aunt, called Nell in
   this summary,", "a lodger (designated Lodger 2)", "a neighbour, here Adult 5,"): a code after it is declared; a
   plain name only with an "in this report"-type phrase beside it ("her friend, called Jade," is a real name).
2. Where a plain name may not be the review's pseudonym, a full name after "was called" is no key entry either.
3. An index spelt as a number word after a role phrase ("identified as cousin three").
4. A key table's code column read by the head of its header ("Name given in this summary").
5. A naming sentence outranks a code's mere use: the entry is declared, with the sentence's description.
"""

from __future__ import annotations

import pytest

from pipeline.structure import naming
from structure_text import build, check_declared

HEAD = "Fernhollow Safeguarding Partnership\n\nPractice Review\n\n1. Introduction\n\n"


def _named(text: str) -> dict[str, str]:
    return {d.code: d.description for d in naming.find_named(text)}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Her aunt, called Nell in this summary, cared for the boys.", {"Nell": "Her aunt"}),
        ("The lodger (designated Lodger 2) moved in during the spring.", {"Lodger 2": "The lodger"}),
        ("A neighbour, here Adult 5, heard shouting.", {"Adult 5": "A neighbour"}),
        ("The stepfather, anonymised as Mr V, left in May.", {"Mr V": "The stepfather"}),
    ],
)
def test_reduced_naming_clause_declares(text: str, want: dict[str, str]) -> None:
    assert _named(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "Her friend, called Jade, came round after school.",  # no "in this report": the real name
        "Her friend, named Jade Wren, came round after school.",
        "Her friend was called Jade Wren and came round.",
        "The father, called Mr Pike, rang the school.",
        "The health visitor phoned. The mother, here, said nothing.",
    ],
)
def test_real_names_after_naming_verbs_are_not_declared(text: str) -> None:
    assert _named(text) == {}


def test_number_word_index_after_role() -> None:
    assert _named("At a party, a six-year-old, identified as cousin three, was hurt.") == {"cousin three": "cousin"}


def test_number_word_alone_is_no_code() -> None:
    assert _named("The mother, known as one of the most reliable carers, stayed.") == {}


def test_key_table_header_read_by_its_head() -> None:
    text = (
        HEAD
        + "Name given in this summary\tRelationship to Child K\tAge\n"
        + "Child K\tSubject\t4\nCarer 1\tMother\t29\nCarer 2\tMother's partner\t33\n\n"
        + "1.1 Child K lived with Carer 1 and Carer 2 in a flat above a bakery in the town for two years.\n"
    )
    check_declared(text, {"Child K", "Carer 1", "Carer 2"}, {"Subject", "Mother"})


def test_header_that_is_no_naming_noun_is_no_key() -> None:
    text = HEAD + "Agency\tRole\tDates\nHealth visiting\tUniversal service\t2029\nNursery\tEarly years\t2030\n\n"
    assert {e.code for e in build(text).key if e.source == "declared"} == set()


def test_naming_sentence_outranks_use() -> None:
    text = (
        HEAD
        + "1.1 The panel asked how a small girl - referred to as Baby Q - came to harm.\n\n"
        + "1.2 Baby Q was born in March. Baby Q lived with her grandmother in Fernhollow.\n"
    )
    entry = next(e for e in build(text).key if e.code == "Baby Q")
    assert entry.source == "declared"
    assert entry.description == "a small girl"


def test_footnote_names_the_marked_phrase() -> None:
    text = (
        HEAD
        + "1.1 The girl went to a nursery in the village³ and later to an academy on the coast⁴ where staff raised "
        + "the first concern about her weight in the spring.\n\n"
        + "³ Called Nursery 7 in this review.\n⁴ Known below as Academy 9.\n\n"
        + "1.2 Nursery 7 said she was often hungry at drop-off and at lunch.\n"
    )
    entries = {e.code: e for e in build(text).key if e.source == "declared"}
    assert {"Nursery 7", "Academy 9"} <= set(entries)
    assert entries["Nursery 7"].description == "a nursery in the village"


def test_footnote_without_naming_verb_declares_nothing() -> None:
    text = (
        HEAD
        + "1.1 The girl went to a nursery in the village³ and the staff there raised the first concern in spring.\n\n"
        + "³ Ofsted rated Nursery 7 good in its last inspection.\n"
    )
    assert "Nursery 7" not in {e.code for e in build(text).key if e.source == "declared"}


def test_initials_after_a_role_that_stand_alone_elsewhere_are_the_code() -> None:
    text = "Tests found drugs. His aunt QV had cared for two children before. QV has used cannabis for years."
    assert {(d.code, d.description) for d in naming.find_role_codes(text, set())} == {("QV", "aunt")}


def test_initials_only_after_the_role_keep_the_role() -> None:
    text = "The nephew RJ was at school. Later the nephew RJ came home."
    assert {d.code for d in naming.find_role_codes(text, set())} == {"Nephew RJ"}

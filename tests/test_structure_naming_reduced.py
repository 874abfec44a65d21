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
        + "1.1 The panel looked at the death of the infant - referred to as Baby Q - and the care of her cousins.\n\n"
        + "1.2 Baby Q was born in March. Baby Q lived with her grandmother in Fernhollow.\n"
    )
    entry = next(e for e in build(text).key if e.code == "Baby Q")
    assert entry.source == "declared"
    assert entry.description == "the infant"

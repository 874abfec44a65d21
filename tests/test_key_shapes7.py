"""Key declarations in further shapes of published reviews and of pages about them (issue 13, struct7),
on fictional text.

Shapes: a key in two columns with the role first and the code last under a "Key" heading (rows naming a
school or a service count there too); capitals-and-digit codes in apposition to a role ("their mother, A1,");
two bracketed codes after a plural role ("two baby girls (B3) and (B4)"); a code followed by where it is
used ("the toddler (referred to as Child P in the report)"); a single letter the review is about, with its role
in apposition ("regarding E, a child in care"); and a news page's statements of what the review calls its
people ("given the pseudonym Toby Brennan", "can only be identified as Child K", "referred to by the
pseudonyms Kai and Jodie").
"""

from __future__ import annotations

import pytest

from structure_text import build, check_declared

HEAD = "Westmere Safeguarding Children Board\n\nSerious Case Review\n\n1. Introduction\n\n"

COLUMN_KEY = (
    "Key\n\n"
    " Subject                                    Wren (not her real name)\n"
    " Mother                                     MW\n"
    " Father of Wren                             FW\n"
    " Partner of mother                          PMW\n"
    " Primary School                             SCH1\n"
    " Secondary School                           SCH2\n\n"
)

CASES = {
    "role_first_column_key_under_key_heading": (
        COLUMN_KEY + "1.1 Wren was twelve when the school raised its concern.\n",
        {"Wren", "MW", "FW", "PMW", "SCH1", "SCH2"},
        {"Mother", "Subject"},
    ),
    "letter_digit_code_in_apposition": (
        "1.1 Their mother, P1, had two older children. Her eldest daughter, B1, lives with a grandparent. "
        "The twins' father, P2, had moved to the area a year earlier.\n",
        {"P1", "B1", "P2"},
        set(),
    ),
    "two_numbered_codes_after_plural_role": (
        "1.1 This review concerns two infants, KT1 and KT2. KT1 lived with her parents.\n",
        {"KT1", "KT2"},
        set(),
    ),
    "two_bracketed_codes_after_plural_role": (
        "1.1 The review concerns two baby girls (B3) and (B4) born in May 2016, and twin babies (T1) and (T2).\n",
        {"B3", "B4", "T1", "T2"},
        set(),
    ),
    "referred_to_as_code_in_the_report_in_brackets": (
        "1.1 The review looked at the care of an infant (referred to as Child P in the report) who lived nearby.\n",
        {"Child P"},
        set(),
    ),
    "single_letter_subject_in_apposition": (
        "1.1 The board agreed to conduct a review regarding D, a boy in foster care who was injured in 2015.\n",
        {"D"},
        set(),
    ),
    "news_given_the_pseudonym": (
        "So that he cannot be traced, the boy has been given the pseudonym Toby Brennan.\n\n"
        "His parents are referred to by the pseudonyms Kai and Shannon throughout.\n\n"
        "The little girl, who can only be identified as Child K, saw her GP twice that winter.\n",
        {"Toby Brennan", "Kai", "Shannon", "Child K"},
        set(),
    ),
    # a plain name in apposition with no digit, and a narrative "regarding" with no role, stay undeclared
    "name_and_narrative_stay_undeclared": (
        "1.1 The meeting regarding A, B and C was held in May. Her mother, Tanya, was not invited.\n",
        set(),
        {"A", "Tanya"},
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_shape(name: str) -> None:
    text, want, not_codes = CASES[name]
    check_declared(HEAD + text, want, not_codes)


def test_column_key_is_not_contents_and_its_heading_is_a_section() -> None:
    """A key after a contents page ends the contents table; its "Key" line heads a section."""
    text = (
        "Westmere Safeguarding Children Board\n\nSerious Case Review\n\nContents\n\n"
        "1. Introduction                                   3\n\n2. What happened                             5\n\n"
        "3. Findings                                       9\n\n" + COLUMN_KEY + "1. Introduction\n\n"
        "1.1 Wren was twelve when the school raised its concern about her weight.\n"
    )
    report = build(text)
    titles = [report.text[s.heading_start : s.heading_end] for s in report.sections]
    assert "Key" in titles
    contents = [p for p in report.paragraphs if p.kind == "contents"]
    assert not any("MW" in report.text[p.start : p.end] for p in contents)
    assert {"MW", "SCH1"} <= {e.code for e in report.key}


def test_pseudonym_from_news_marked_as_name_and_code_not() -> None:
    report = build(
        "The girl has been given the pseudonym Ava Lund.\n\nThe baby can only be identified as Baby R in the report.\n"
    )
    by_code = {e.code: e for e in report.key}
    assert by_code["Ava Lund"].pseudonym
    assert not by_code["Baby R"].pseudonym


def test_news_child_given_a_pseudonym_is_the_subject() -> None:
    report = build(
        "12 May 2018\n\nA serious case review about an infant's death was released this week by the Westmere "
        "Safeguarding Children Board.\n\nSo that the family cannot be traced, the baby has been given "
        "the pseudonym Poppy Marsh.\n"
    )
    assert report.metadata.subject_child == "Poppy Marsh"

"""Key declarations in the shapes published reviews use (issue 13, second pass), on fictional text.

Each case is a short opening in one shape seen across real reviews (the catalogue keeps counts only),
with the codes a reader would list as declared (`want`) and words that must not become a key entry
(`not_codes`): a narrative sentence, an agency, a place.
"""

from __future__ import annotations

import pytest

from structure_text import check_declared

HEAD = "Ravensmoor Safeguarding Children Partnership\n\nChild Safeguarding Practice Review\n\n1. Introduction\n\n"

CASES = {
    "role_comma_adult_number": (
        "1.1 Child 1 was taken to the surgery by the father, Adult 2, as the child seemed unwell. "
        "Later the mother (Adult 1) came downstairs with Child 2.\n",
        {"Adult 1", "Adult 2"},
        set(),
    ),
    "role_then_shaped_code_no_comma": (
        "1.1 Child T lived mainly with her mother Adult R and two older half-siblings. Their Sibling T3 was four.\n",
        {"Adult R", "Sibling T3"},
        set(),
    ),
    "bracketed_initials_after_comma": (
        "1.1 An ambulance was called to the home where Poppy lived with her mother, (MP), her father (FP), "
        "and her sibling. The names used are not their real names.\n",
        {"MP", "FP"},
        set(),
    ),
    "referred_to_in_the_report_as": (
        "1.1 This report concerns a baby, referred to in the report as Baby Q, who died aged ten weeks.\n",
        {"Baby Q"},
        set(),
    ),
    "plural_role_two_codes": (
        "1.1 This is the review of two children known in this review as Child E and Child F. "
        "Child F died in the spring.\n",
        {"Child E", "Child F"},
        set(),
    ),
    "long_phrase_will_be_known_as": (
        "1.1 To protect their anonymity the children have been given pseudonyms; the child found in "
        "Kettleby will be known as Child R, the baby cared for in the Marshfield area will be known as "
        "Sibling S.\n",
        {"Child R", "Sibling S"},
        {"Kettleby", "Marshfield"},
    ),
    "hereinafter_lower_case_label": (
        "1.1 Child V's mother (hereinafter referred to as mother) was the main contact for the school, and "
        "Child V's father (hereinafter referred to as father) worked away.\n",
        {"Mother", "Father"},
        set(),
    ),
    # bare initials after a role ("His mother JT had …") are left undeclared on purpose: a review that says
    # they are initials may be giving real ones, which verify keeps as a possible leak
    # (tests/test_verify_real_causes.py)
    "owner_role_bare_initials_stay_undeclared": (
        "1.1 KT was born in 2015. His mother JT had two earlier children.\n",
        set(),
        {"JT"},
    ),
    "name_as_she_is_known": (
        "1.1 Tilly, as she is known in this review, was two when she died.\n",
        {"Tilly"},
        set(),
    ),
    "relationship_table": (
        "Name used in this report | Relationship\n---|---\nJade | Mother\nCarl | Father\nMia | Subject child\n\n"
        "1.1 Mia lived with Jade.\n",
        {"Jade", "Carl", "Mia"},
        set(),
    ),
    "quoted_name_known_as_in_this_report": (
        "1.1 The review concerns a boy, known as 'Rory' in this report, and his mother, known as 'Nell'.\n",
        {"Rory", "Nell"},
        set(),
    ),
    "role_label_with_code_in_brackets_list": (
        "Key to the family\n\nMother (MH)\nFather (FH)\nMaternal grandmother (MGM)\n\n1.1 MH was nineteen.\n",
        {"MH", "FH", "MGM"},
        set(),
    ),
    "dash_list_subject_of_review": (
        "The family\n\nChild B – the subject of this review\nAdult 1 – mother of Child B\nAdult 2 – partner of "
        "Adult 1\n\n1.1 Child B was born early.\n",
        {"Child B", "Adult 1", "Adult 2"},
        set(),
    ),
    "narrative_is_not_a_key": (
        "1.1 The health visitor (HV) saw the mother at the clinic in Kettleby. The General Practitioner "
        "(Marshfield) referred her to the Community Mental Health Team (CMHT).\n",
        set(),
        {"HV", "Marshfield", "CMHT", "Kettleby"},
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_shape(name: str) -> None:
    text, want, not_codes = CASES[name]
    check_declared(HEAD + text, want, not_codes)

"""People a review names on purpose in list and acknowledgement shapes (issue 13), each beside a family member
who must still be found.  Fictional text: members listed in a numbered paragraph, a label in brackets after a
name mid-sentence, advisers thanked with their job titles, a bulleted members list whose first item has no
role word."""

from __future__ import annotations

from verify_text import findings_of, worst
from verify_text import serious as _serious_severity


def serious(findings, text: str) -> bool:
    return _serious_severity(worst(findings, text))


TEXT = """Child Safeguarding Practice Review: Child T

1. Introduction

1.1 The panel met four times. Its standing members are:

  • Elspeth Varley, a family law barrister
  • Hamish Dorran, Head of Safeguarding, Westmere Hospitals NHS Trust
  • Ottilie Brannock, Designated Nurse for Safeguarding Children

1.2 The review was overseen by Edwina Tallis (Chair of the Panel) and written by Cosmo Ferrant.

1.3 The author is grateful to Dr Pella Quist, Designated Doctor, and Fenna Rossiter, Named Nurse, for their advice.

1.4 Panel members: Agatha Mormont (Westmere Council), Lysander Pike (Westmere Police) and Winifred Cole (Westmere ICB).

2. Background

2.1 Child T lived with her mother and her mother's partner, Kieran Dobbyn. The reviewer thanks Child T's
grandmother, Maud Ellery, for her support. Yusuf Barlow (Chair of the Child Protection Conference) agreed a plan.
"""


def test_members_chairs_and_advisers_named_on_purpose_are_no_leak(nlp, analyzer):
    findings = findings_of(TEXT, nlp, analyzer)
    for name in ("Elspeth Varley", "Edwina Tallis", "Pella Quist", "Fenna Rossiter", "Lysander Pike", "Winifred Cole"):
        assert not serious(findings, name), name
    for name in ("Kieran Dobbyn", "Maud Ellery", "Yusuf Barlow"):
        assert serious(findings, name), name


def test_a_bulleted_list_of_family_members_gives_nobody_a_pass(nlp, analyzer):
    text = (
        "1. The family\n\n  • Kerensa Lowe, mother, aged 24\n  • Dale Penrose, father, aged 27\n"
        "  • Gwen Lowe, maternal grandmother\n"
    )
    findings = findings_of(text, nlp, analyzer)
    for name in ("Kerensa Lowe", "Dale Penrose", "Gwen Lowe"):
        assert serious(findings, name), name


def test_medical_conditions_in_capitals_are_no_people_a_name_after_due_to_is(nlp, analyzer):
    text = (
        "1. Background\n\n1.1 Child K was diagnosed with Cerebral Palsy in 2014. The death was due to Congenital "
        "Toxoplasmosis. Her brother had Spinal Muscular Atrophy and Hirschsprung's Disease.\n\n"
        "1.2 The delay was due to Corwen Baxendale, the father's friend, who refused entry.\n"
    )
    findings = findings_of(text, nlp, analyzer)
    for words in ("Cerebral Palsy", "Congenital Toxoplasmosis", "Atrophy", "Hirschsprung"):
        assert not serious(findings, words), words
    assert serious(findings, "Corwen Baxendale")


def test_a_family_list_after_the_panel_list_is_still_reported(nlp, analyzer):
    """Two bulleted lists set apart only by a blank line read as one run; the family's items stay leaks."""
    text = (
        "1. Introduction\n\n1.1 The panel members were:\n\n"
        "  • Elspeth Varley, Head of Safeguarding, Westmere Council\n"
        "  • Hamish Dorran, Designated Nurse, Westmere ICB\n"
        "  • Ottilie Brannock, a family law barrister\n\n"
        "  • Kerensa Lowe, mother of Child T\n"
        "  • Dale Penrose, maternal grandfather\n\n"
        "1.2 Child T lived with her mother.\n"
    )
    findings = findings_of(text, nlp, analyzer)
    for name in ("Elspeth Varley", "Hamish Dorran", "Ottilie Brannock"):
        assert not serious(findings, name), name
    for name in ("Kerensa Lowe", "Dale Penrose"):
        assert serious(findings, name), name

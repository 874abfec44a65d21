"""Shapes of published reviews' openings where verify raised false alarms or rated a leak low (issue 13).

Every text is fictional, written in a shape seen on real openings: a cover label naming the review's
subjects on the next line, a letterhead address that starts a line above its postcode and telephone, a
front-matter statement that the children are given other names followed by the paragraph introducing the
family, and a cover field labelled as a date of birth whose label runs on.
"""

from __future__ import annotations

import pytest

from verify_text import findings_of, report_of, serious, worst

SUBJECTS = """WESTMERE SAFEGUARDING CHILDREN BOARD

SERIOUS CASE REVIEW

SUBJECTS

Tamsin and her brothers Reuben, Kit and Ned

OVERVIEW REPORT

CONTENTS

1. Introduction Page 3

2. The family Page 4

1. Introduction

1.1 Tamsin lived with Reuben, Kit and Ned and their mother. Their uncle, Gideon Marlowe, visited every week.
"""


def test_subjects_a_cover_label_names_are_the_subject_and_info_an_uncle_is_not():
    report = report_of(SUBJECTS)
    assert report.metadata.subject_child == "Tamsin"
    assert report.metadata.subjects == ["Tamsin", "Reuben", "Kit", "Ned"]
    for label, subject in (("SUBJECT:\n\nBaby Q and his mother", "Baby Q"), ("Subject child: Mia, aged 3", "Mia")):
        cover = SUBJECTS.replace("SUBJECTS\n\nTamsin and her brothers Reuben, Kit and Ned", label)
        assert cover != SUBJECTS and report_of(cover).metadata.subject_child == subject
    assert {e.code for e in report.key if e.source == "cover_subject"} == {"Tamsin", "Reuben", "Kit", "Ned"}


def test_subjects_named_under_a_cover_label_are_no_leak(nlp, analyzer):
    findings = findings_of(SUBJECTS, nlp, analyzer)
    for name in ("Tamsin", "Reuben", "Ned"):
        assert not serious(worst(findings, name)), name
    assert serious(worst(findings, "Gideon Marlowe"))


def test_a_lone_subject_cell_of_a_family_table_is_no_cover_label():
    from pipeline.structure.lines import split_lines
    from pipeline.structure.metadata import labelled_subject

    table = [
        ln for ln in split_lines("Name\n\nRelationship\n\nChild D\n\nSubject\n\nKerensa\n\nMother\n") if not ln.is_blank
    ]
    assert labelled_subject(table) is None
    inline = [ln for ln in split_lines("Serious Case Review\n\nSubject: Child Q\n") if not ln.is_blank]
    assert labelled_subject(inline) == "Child Q"


def test_a_letterhead_address_split_over_two_lines_is_low_a_family_address_stays_high(nlp, analyzer):
    text = (
        "Page 1 of 30\n\nWexcombe House,\n\nMillbrook Road, Bath, BA2 9ZZ 01225-555019\n\n"
        "Re-consideration of a Serious Case Review\n\n"
        "1. Introduction\n\n1.1 The family moved to 14 Tansley Close, Keynsham, BS31 9QQ in 2016.\n"
    )
    findings = findings_of(text, nlp, analyzer)
    assert not serious(worst(findings, "Wexcombe House"))
    assert worst(findings, "14 Tansley Close") == "high"


STATEMENT = """Serious Case Review

Contents

1. Background Page 2

To keep the family anonymous, the children have been given different names and the adults are referred to by
their role in the family.

1. Background to the review

1.1 Wren was six months old when she died. She lived with her mother (MW), her father (FW) and her older brother,
Juniper, who was three. The parents were both in their twenties.

1.2 The police spoke to MW and FW. Juniper was placed with foster carers.

1.3 Later the mother moved in with a new partner, Lorcan, who had a history of violence.
"""


def test_front_matter_statement_reaches_the_paragraph_introducing_the_family(nlp, analyzer):
    report = report_of(STATEMENT)
    assert {"MW", "FW", "Juniper"} <= {e.code for e in report.key}
    assert "Lorcan" not in {e.code for e in report.key}  # further on, a name beside a role may be a real one left in
    findings = findings_of(STATEMENT, nlp, analyzer)
    assert not serious(worst(findings, "Juniper"))


@pytest.mark.parametrize("label", ["Date of birth and :", "Date of birth and death:", "DOB:"])
def test_a_date_in_a_date_of_birth_field_is_high_whatever_the_label_runs_on_with(nlp, analyzer, label):
    text = (
        f"SERIOUS CASE REVIEW\n\nRelating to Baby Q\n\n{label} 5th May 2013\n\nOVERVIEW REPORT\n\n"
        "Date of publication: 3rd April 2015\n"
    )
    findings = findings_of(text, nlp, analyzer)
    assert worst(findings, "5th May 2013") == "high"
    assert not serious(worst(findings, "3rd April 2015"))


def test_a_board_named_only_by_its_abbreviation_on_the_cover():
    cover = "CHILD T\n\nA SERIOUS CASE REVIEW\n\nCommissioned by Westmere LSCB in 2016\n\n1. Introduction\n"
    assert report_of(cover).metadata.board == "Westmere LSCB"
    chair = "CHILD T\n\nA SERIOUS CASE REVIEW\n\nIndependent LSCB Chair: Rhoda Penwarden\n\n1. Introduction\n"
    assert report_of(chair).metadata.board is None
    full = (
        "Westmere Safeguarding Children Board\n\nSERIOUS CASE REVIEW\n\nCopyright: Westmere LSCB\n\n1. Introduction\n"
    )
    assert report_of(full).metadata.board == "Westmere Safeguarding Children Board"


FLAT = (
    "Vale Harbour Associates Limited ELLA A SERIOUS CASE REVIEW Kim Vale JP, BA, MSc, CQSW Commissioned by the "
    "Westmere Safeguarding Children Board Independent Chair Rhoda Penwarden May 2014 Page 1 of 30 CONTENTS "
    "1. INTRODUCTION 4 2. THE FAMILY 5\n\n1. Introduction\n\n1.1 Ella lived with her mother.\n"
)


def test_a_cover_run_into_one_line_gives_its_title_subject_and_qualified_author():
    meta = report_of(FLAT).metadata
    assert meta.title == "ELLA A SERIOUS CASE REVIEW"
    assert meta.subject_child == "Ella"
    assert meta.author == "Kim Vale"
    sheet = report_of(
        "Re-evaluation of Serious Case Review LSCB: Westmere Child's initials JT Date of death 14/03/09 Date first "
        "sent 02/11/10\n\n1. Introduction\n\n1.1 JT died in hospital.\n"
    ).metadata
    assert sheet.title == "Re-evaluation of Serious Case Review"
    spaced = report_of(FLAT.replace("Kim Vale JP", "Kim  Vale JP")).metadata  # a justified PDF line
    assert spaced.author == "Kim Vale"
    (person,) = [p for p in spaced.named_people if p.role == "author"]
    assert FLAT.replace("Kim Vale JP", "Kim  Vale JP")[person.start : person.start + 3] == "Kim"


def test_a_chair_with_qualifications_in_a_flattened_cover_is_not_its_author():
    from pipeline.structure.metadata import _inline_qualified_name

    assert _inline_qualified_name("SERIOUS CASE REVIEW Panel Chair Osric Tull MA, CQSW May 2014 This report") is None
    assert _inline_qualified_name("SERIOUS CASE REVIEW Kim Vale MA, CQSW May 2014 This report") == "Kim Vale"


def test_a_repository_cover_sheet_label_names_the_board_and_an_asterisked_title_name_is_the_subject():
    sheet = report_of(
        "Title: Serious case review overview report: Child Q. LSCB: Westmere Author: Rosalind Pevensey Date of "
        "publication: 2015\n\nSERIOUS CASE REVIEW\n\nCHILD Q\n\n1. Introduction\n\n1.1 Child Q was two.\n"
    ).metadata
    assert sheet.board == "Westmere"
    starred = report_of(
        "Westmere Safeguarding Children Partnership\n\nLearning Review: Poppy*\n\n*Poppy is not her real name\n\n"
        "1. Introduction\n\n1.1 Poppy lived with her mother (Ms P) and her brothers, Sibling 1 and Sibling 2.\n"
    ).metadata
    assert starred.subject_child == "Poppy"


def test_the_chair_of_the_review_panel_in_lower_case_is_named_on_purpose(nlp, analyzer):
    text = (
        "1. Introduction\n\n1.1 The chair of the review panel was Barnaby Quellyn, Assistant Director of Westmere "
        "Council. The chair of the school governors was Oswin Threlfall.\n"
    )
    findings = findings_of(text, nlp, analyzer)
    assert not serious(worst(findings, "Barnaby Quellyn"))
    assert serious(worst(findings, "Oswin Threlfall"))

"""Issue 13, cover and key on real shapes (fictional text): where each key entry comes from, covers
titled "Learning from the death of 'X'", and transcript teaser lines in the cover area."""

from __future__ import annotations

import json

from pipeline.report import Report, RoleEntry, Source
from pipeline.structure import build_report

SOURCE = Source(name="t.txt", sha256="0", format="text")


def _build(text: str) -> Report:
    return build_report(text, SOURCE)


# ---------------------------------------------------------------- key entry source
def test_subject_named_only_on_the_cover_is_a_cover_subject_entry():
    report = _build(
        "Serious Case Review\n\nChild Q\n\n1.1 Child Q lived with her grandmother (GM) and her father (FQ).\n"
    )
    source = {e.code: e.source for e in report.key}
    assert source == {"GM": "declared", "FQ": "declared", "Child Q": "cover_subject"}


def test_title_codes_of_two_subjects_are_cover_subject_entries():
    report = _build(
        "Upfield Safeguarding Children Board\n\nSerious Case Review\n\nconcerning KT1 & KT2\n\n"
        "1. Introduction\n\n1.1 Two infants died in 2017.\n"
    )
    assert {e.code: e.source for e in report.key} == {"KT1": "cover_subject", "KT2": "cover_subject"}


def test_a_code_used_only_in_prose_that_the_cover_names_becomes_the_cover_subject():
    report = _build(
        "Serious Case Review\n\nBaby N\n\n1.1 Baby N was born early. Baby N went home after three weeks.\n"
        "1.2 Baby N was seen by the health visitor.\n"
    )
    entry = next(e for e in report.key if e.code == "Baby N")
    assert entry.subject and entry.source == "cover_subject"


def test_a_key_list_declares_every_entry():
    report = _build(
        "Serious Case Review: Child H\n\nKey\n\nChild H – the subject of the review\nHM – Child H's mother\n"
        "HF – Child H's father\n\n1. Introduction\n\n1.1 Child H lived with HM.\n"
    )
    assert report.key and {e.source for e in report.key} == {"declared"}


def test_report_json_without_source_reads_as_declared():
    report = _build("Child A – the subject of the review\nAM – Child A's mother\n")
    data = json.loads(report.to_json())
    for entry in data["key"]:
        entry.pop("source")
    again = Report.model_validate(data)
    assert [e.source for e in again.key] == ["declared", "declared"]
    assert RoleEntry.model_fields["source"].default == "declared"


# ---------------------------------------------------------------- "Learning from the death of 'X'" covers
def test_learning_title_above_the_type_line_is_the_title_and_names_the_subject():
    report = _build(
        "Learning from the death of ‘Tilly’\n\nA Child Safeguarding Practice Review\n\n"
        "Eastmoor Safeguarding Children Partnership\n\nIndependent Reviewer: Fenella Quarry\n\nMarch 2022\n\n"
        "1. Introduction\n\n1.1 This review concerns Tilly, who died aged seven months. Tilly is not her real name.\n"
    )
    meta = report.metadata
    assert meta.title == "Learning from the death of ‘Tilly’" and meta.subject_child == "Tilly"
    assert meta.board == "Eastmoor Safeguarding Children Partnership" and meta.author == "Fenella Quarry"
    assert meta.report_type == "CSPR"


def test_learning_title_under_the_board_with_a_code_shaped_subject():
    report = _build(
        "EASTMOOR SAFEGUARDING CHILDREN PARTNERSHIP\n\nLearning from the death of 'Baby Wrenna'\n\n"
        "Serious Case Review\n\nAuthor: Fenella Quarry\n\nMarch 2022\n\n1. Introduction\n\n"
        "1.1 This review concerns Baby Wrenna, who died aged seven weeks.\n"
    )
    assert report.metadata.title == "Learning from the death of 'Baby Wrenna'"
    assert report.metadata.subject_child == "Baby Wrenna"
    assert [(e.code, e.source) for e in report.key] == [("Baby Wrenna", "cover_subject")]


def test_learning_title_after_the_type_on_one_line_with_an_age():
    report = _build(
        'Local Child Safeguarding Practice Review: Learning from the death of "Olly" aged 2\n\n'
        "Westwold Children's Safeguarding Partnership\n\nLead reviewer: Fenella Quarry\n\n"
        "1. Introduction\n\n1.1 Olly died in hospital in 2020 after a head injury at home.\n"
    )
    assert report.metadata.title.startswith("Local Child Safeguarding Practice Review: Learning from")
    assert report.metadata.subject_child == "Olly"


def test_learning_title_split_before_two_subjects():
    report = _build(
        "Eastmoor Safeguarding Children Partnership\n\nChild Safeguarding Practice Review\n\n"
        "Learning from the life and death of\n\n‘Ruby’ and ‘Maya’\n\nMarch 2022\n\n1. Introduction\n\n"
        "1.1 Ruby and Maya were sisters.\n"
    )
    assert report.metadata.title == "Learning from the life and death of ‘Ruby’ and ‘Maya’"
    assert report.metadata.subject_child == "Ruby and Maya"
    assert {e.code: e.source for e in report.key} == {"Ruby": "cover_subject", "Maya": "cover_subject"}


def test_thematic_learning_titles_and_body_headings_name_no_subject():
    thematic = _build(
        "Eastmoor Safeguarding Children Partnership\n\nLearning from the deaths of Infants in Eastmoor\n\n"
        "A Thematic Review\n\n1. Introduction\n\n1.1 Four infants died.\n"
    )
    assert thematic.metadata.subject_child is None and not thematic.key
    heading = _build(
        "Serious Case Review\n\nChild K\n\nContents\n\n1. Introduction 3\n\n6. Learning from the Review 9\n\n"
        "1. Introduction\n\n1.1 Child K was nine.\n"
    )
    assert heading.metadata.title == "Serious Case Review Child K" and heading.metadata.subject_child == "Child K"


# ---------------------------------------------------------------- transcript teaser lines
def test_a_single_teaser_line_is_no_cover_author_and_no_key_declaration():
    report = _build(
        "Page 1: Serious Case Review Child T - Westmere · Lead Reviewer: Alan Pike 5.3 Mother (MT) told the GP "
        "on 2nd May 2015 that\n\nSerious Case Review\n\nChild T\n\nMarch 2018\n\n1. Introduction\n\n"
        "1.1 This review concerns Child T, who was seriously injured in 2016.\n"
    )
    assert report.metadata.author is None and report.metadata.named_people == []
    assert [(e.code, e.source) for e in report.key] == [("Child T", "cover_subject")]
    assert report.paragraphs[0].kind == "chrome"
    assert report.key[0].start > report.paragraphs[0].end  # the subject is found on the cover, not in the teaser


def test_a_teaser_with_a_site_ellipsis_opens_no_sections_and_declares_no_partner():
    report = _build(
        "Page 1: WESTMERE SAFEGUARDING CHILDREN BOARD ...€¦ · the mother of YP7 and her partner (referred to as "
        "Mr DQ) were seen on 4th March 2016 by the\n\nWESTMERE SAFEGUARDING CHILDREN BOARD\n\nSERIOUS CASE REVIEW\n\n"
        "CHILD T\n\n1. Introduction\n\n1.1 This review concerns Child T, who was seriously injured in 2016.\n"
    )
    assert [s.title for s in report.sections] == ["Introduction"]
    assert "Mr DQ" not in report.codes()
    assert report.metadata.board == "WESTMERE SAFEGUARDING CHILDREN BOARD"
    assert report.metadata.title == "SERIOUS CASE REVIEW CHILD T"


def test_teaser_shapes_and_ordinary_lines():
    from pipeline.structure.chrome import is_teaser

    assert is_teaser("serious case review child q - upfield · 3 1. introduction 1.1 this review was...")
    assert is_teaser(
        "Page 2: UPFIELD LOCAL SAFEGUARDING CHILDREN ...upfieldlscb.org.uk/wp-content/uploads/Ne...the panel met"
    )
    assert is_teaser("Upfield Review Child Q … · Her grandmother took the twins to the clinic")
    assert not is_teaser("Page 3: Serious Case Review Child Q")  # a running header: ingest's to remove when it repeats
    assert not is_teaser("1. Introduction ........................................ 3")
    assert not is_teaser("1.1 The mother said she was 'fine...' and left · then returned.")


# ---------------------------------------------------------------- a title in the type's abbreviation
def test_abbreviated_type_line_above_the_subject_line_is_the_title():
    report = _build(
        "Upfield SCR\n\nCase Q\n\nPUBLICATION DATE: MARCH 2019\n\nContents\n\n1. Introduction ........ 3\n\n"
        "1. Introduction\n\n1.1 This review concerns Case Q, a boy of nine.\n"
    )
    assert report.metadata.title == "Upfield SCR Case Q" and report.metadata.subject_child == "Case Q"


def test_abbreviated_type_line_without_a_subject_line_is_no_title():
    report = _build("Upfield SCR\n\nPUBLICATION DATE: MARCH 2019\n\n1. Introduction\n\n1.1 The review began in 2018.\n")
    assert report.metadata.title is None


def test_a_contents_entry_that_opens_with_its_page_is_no_teaser():
    from pipeline.structure.chrome import is_teaser

    assert not is_teaser("Page 3: Introduction ..........................")
    assert is_teaser("Page 3: UPFIELD SAFEGUARDING CHILDREN BOARD ...€¦ the review panel met")

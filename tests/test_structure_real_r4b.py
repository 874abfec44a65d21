"""Issue 13, structure and cover shapes seen on published openings (fictional text): a contents table with no
heading whose entries end in a page number after one space, a board line under the author's name or under a
glossary's abbreviation, a board named only by its abbreviation, an author in capitals before "Published", a
"Lead Reviewer and Independent Report Author – …" label, the national panel's running header, a web page's
"published 4 June 2025" after the title, and a transcript whose short lines must not be run together."""

from __future__ import annotations

import textwrap

from pipeline.ingest.layout import clean_plain_text
from pipeline.report import Report, Source
from pipeline.structure import build_report

SOURCE = Source(name="t.txt", sha256="0", format="text")
PROSE = (
    "The review was asked to look at how the agencies worked with the family over the two years before the "
    "incident, and what could be learned from it."
)


def _build(text: str) -> Report:
    return build_report(text, SOURCE)


def _kinds(report: Report) -> dict[str, str]:
    return {report.text[p.start : p.end]: p.kind for p in report.paragraphs}


# ---------------------------------------------------------------- contents with no heading
def test_numbered_entries_with_a_page_after_one_space_are_a_contents_table():
    text = "\n\n".join(
        [
            "Serious Case Review",
            "Child R Overview Report",
            "1 INTRODUCTION 3",
            "2 TERMS OF REFERENCE 4",
            "3 FAMILY VIEWS 6",
            "4 WHAT HAPPENED 6",
            "5 FINDINGS 12",
            "1 Introduction",
            "1.1 " + PROSE,
        ]
    )
    report = _build(text)
    assert [s.title for s in report.sections] == ["Introduction"]
    assert _kinds(report)["3 FAMILY VIEWS 6"] == "contents"


def test_numbered_paragraphs_ending_in_a_number_are_not_a_contents_table():
    text = "\n\n".join(
        [
            "1 Introduction",
            "1.1 The mother had three children, the youngest aged 2",
            "1.2 The family moved house in the spring of that year, twice in 3",
            "1.3 The review panel met 4",
            "2 Findings",
            "2.1 " + PROSE,
        ]
    )
    assert [s.title for s in _build(text).sections][:1] == ["Introduction"]
    assert "contents" not in _kinds(_build(text)).values()


# ---------------------------------------------------------------- board lines
def test_author_name_above_the_board_line_is_not_part_of_the_board():
    report = _build(
        "Serious case review: summary – Child W\n\n"
        + PROSE
        + "\n\nMarta Quinlan\nUpbridge Safeguarding Children Board\n"
    )
    assert report.metadata.board == "Upbridge Safeguarding Children Board"


def test_glossary_abbreviation_above_the_board_line_is_not_part_of_the_board():
    text = "Glossary:\n\nUSCB\n\nUpbridge Safeguarding Children Board\n\nIntroduction\n\n" + PROSE + "\n"
    assert _build(text).metadata.board == "Upbridge Safeguarding Children Board"


def test_a_place_alone_above_the_board_phrase_is_still_joined():
    text = "Isle of Wight\nSafeguarding Children Board\n\nSerious Case Review\n\n" + PROSE + "\n"
    assert _build(text).metadata.board == "Isle of Wight Safeguarding Children Board"


def test_board_named_only_by_its_abbreviation():
    text = "Serious Case Review\n\nChild P\n\nThe QSCB is grateful to the family for their help.\n\n" + PROSE + "\n"
    assert _build(text).metadata.board == "QSCB"


def test_the_bare_board_type_is_no_board():
    text = "Serious Case Review\n\nChild P\n\nThe LSCB is grateful to the family for their help.\n\n" + PROSE + "\n"
    assert _build(text).metadata.board is None


def test_national_panel_running_header_is_the_board_not_the_title():
    text = (
        "Hidden in plain sight\n\nChildren at risk online\n\nTHE CHILD SAFEGUARDING PRACTICE REVIEW PANEL 3\n\n"
        "Contents\n\nForeword 4\n\nIntroduction 6\n\nForeword\n\n" + PROSE + "\n"
    )
    meta = _build(text).metadata
    assert meta.board == "CHILD SAFEGUARDING PRACTICE REVIEW PANEL"
    assert meta.title != "THE CHILD SAFEGUARDING PRACTICE REVIEW PANEL 3"


# ---------------------------------------------------------------- authors and titles
def test_author_in_capitals_before_published_and_a_date():
    text = (
        "UPBRIDGE SAFEGUARDING CHILDREN BOARD\n\nSERIOUS CASE REVIEW\n\nCHILD V\n\nMARTA QUINLAN Published May 2019\n\n"
        "1. Introduction\n\n1.1 " + PROSE + "\n"
    )
    assert _build(text).metadata.author == "MARTA QUINLAN"


def test_lead_reviewer_and_independent_report_author_label_with_a_dash():
    text = (
        "Serious Case Review\n\nChild V Overview Report\n\n"
        "Lead Reviewer and Independent Report Author – Marta Quinlan\n\n"
        "1. Introduction\n\n1.1 " + PROSE + "\n"
    )
    assert _build(text).metadata.author == "Marta Quinlan"


def test_published_and_a_date_after_a_web_page_title_is_no_part_of_the_title():
    text = (
        "Child Safeguarding Practice Review: Child G UPB 2023/02 published 4 June 2025\n\n"
        "1. Introduction\n\n1.1 " + PROSE + "\n"
    )
    assert _build(text).metadata.title == "Child Safeguarding Practice Review: Child G UPB 2023/02"


# ---------------------------------------------------------------- transcripts: short lines stay apart
def test_short_transcript_lines_after_a_joined_paragraph_are_not_run_on():
    wrapped = [
        "This publication is licensed under the terms of an open licence except where otherwise stated and",
        "where we have identified any third party material you will need permission from the holders of it",
        "To view this licence:",
        "visit the licence page of the archive",
        "write to the Policy Team, The Record Office, Upfield, London, UP9 4XX",
        "About this publication:",
        "The review was written for the panel by a team of reviewers who read the records of the agencies,",
        "met the practitioners and talked with the family over several months in the year before it was",
        "published.",
    ]
    text = "\n\n".join(wrapped) + "\n"
    lines = clean_plain_text(text).split("\n")
    assert "To view this licence:" in lines or any(line.endswith("To view this licence:") for line in lines)
    assert "visit the licence page of the archive" in lines  # a short line: its own, whatever was joined before
    assert any(line.startswith("write to the Policy Team") for line in lines)


# ---------------------------------------------------------------- headings
def test_a_heading_after_a_page_break_is_not_joined_to_the_contents_entry_before_it():
    para = (
        "The review looked at how the agencies worked with the family over the two years before the incident, and "
        "what could be learned from the way they shared what they knew with one another and with the family."
    )
    author = (
        "I have been a social worker for many years and have written reviews for several partnerships, none of "
        "which had worked with this family or with the agencies that did."
    )
    lines = [
        "Contents",
        "1. Introduction 3",
        "2. Findings 5",
        *textwrap.wrap("Appendix Two - The guidance on perinatal mental health of the Upfield Health Trust", 60),
        "Upfield Review Page 3 of 9",
        "About the author",
        *textwrap.wrap(author, 90),
        "Upfield Review Page 4 of 9",
        "1. Introduction",
        *textwrap.wrap("1.1 " + para, 90),
        "Upfield Review Page 5 of 9",
        *textwrap.wrap("1.2 " + para, 90),
    ]
    report = _build(clean_plain_text("\n\n".join(lines) + "\n"))
    assert [s.title for s in report.sections] == ["About the author", "Introduction"]


def test_a_question_naming_the_review_type_heads_a_paragraph():
    text = (
        "SERIOUS CASE REVIEW\n\nCase Number 7\n\nWhat is a Serious Case Review?\n\n"
        "Serious Case Reviews look at how local agencies worked together when a child died or was seriously "
        "harmed and abuse or neglect is known or suspected.\n"
    )
    report = _build(text)
    assert [s.title for s in report.sections] == ["What is a Serious Case Review?"]
    assert report.metadata.title == "SERIOUS CASE REVIEW"


def test_a_short_title_ending_in_a_colon_heads_prose_but_a_lead_in_does_not():
    text = (
        "Child Safeguarding Practice Review: Child G UPB 2023/02\n\nIntroduction and background to the review:\n\n"
        + PROSE
        + "\n\nThe agencies involved were:\n\n"
        + PROSE
        + "\n"
    )
    titles = [s.title for s in _build(text).sections]
    assert titles == ["Introduction and background to the review"]


# ---------------------------------------------------------------- subject
def test_a_case_number_alone_on_the_cover_is_the_subject():
    text = "SERIOUS CASE REVIEW\n\nIn respect of the death of\n\nCase No.UPF14(2)\n\nReport by:\n\nMarta Quinlan\n"
    assert _build(text).metadata.subject_child == "Case No.UPF14(2)"


def test_a_first_line_naming_a_topic_review_is_the_title():
    text = (
        "Upfield LSCB child exploitation review\n\nReview Team Marta Quinlan Owen Thorley\n\nMay 2019\n\n"
        + PROSE
        + "\n"
    )
    assert _build(text).metadata.title == "Upfield LSCB child exploitation review"


def test_a_first_line_that_is_a_sentence_is_no_title():
    text = "The partnership published its review.\n\n" + PROSE + "\n"
    assert _build(text).metadata.title is None


def test_a_numbered_paragraph_cut_after_a_passive_verb_and_agent_is_no_heading():
    text = (
        "1 Introduction\n\n1.1 This review was commissioned by the Upfield Safeguarding Children\n\n"
        "Board (the Board) after the death of a baby in 2019.\n\n1.2 What was known by the school\n\n" + PROSE + "\n"
    )
    titles = [s.title for s in _build(text).sections]
    assert titles == ["Introduction", "What was known by the school"]

"""Contents tables and page text in more published shapes (fictional text).

Each case is a shape that recurs across published reviews: a table headed "Content" or "Index" with a
column-label row, page numbers set under the entries close together, appendices numbered again from 1,
the body's first heading repeating the first entry in a longer wording, a heading glued to the first
numbered paragraph, and transcripts that indent every page and put a blank line after every line.
"""

from __future__ import annotations

from pipeline.ingest.layout import clean_plain_text, page_indent
from pipeline.report import Source
from pipeline.structure import build_report

SOURCE = Source(name="t.txt", sha256="0" * 64, format="text", bytes=1)


def _kinds(text: str) -> dict[str, str]:
    report = build_report(text, SOURCE)
    return {text[p.start : p.end]: p.kind for p in report.paragraphs}


def _titles(text: str) -> list[str]:
    return [s.title for s in build_report(text, SOURCE).sections]


PROSE = (
    "The reviewer read the records of every agency and met the practitioners who had worked with the family "
    "over the two years before the review began."
)


def test_singular_content_heading_and_item_page_labels_with_pages_below():
    text = "\n".join(
        ["Content", "Item Page", "Introduction", "3", "Methodology", "3", "Family Context", "4", "Findings", "9"]
        + ["Introduction", PROSE]
    )
    kinds = _kinds(text)
    assert all(kinds[t] == "contents" for t in ("Content", "Item Page", "Methodology", "Family Context"))
    assert _titles(text) == ["Introduction"]


def test_index_heading_and_section_page_no_label_row():
    text = "\n".join(
        [
            "INDEX",
            "Section Page No.",
            "1. Introduction 3",
            "2. Background 4",
            "3. Analysis 7",
            "",
            "1. Introduction",
            PROSE,
        ]
    )
    assert _kinds(text)["Section Page No."] == "contents"
    assert _titles(text) == ["Introduction"]


def test_appendix_entries_numbered_again_stay_in_the_table():
    text = "\n".join(
        ["Contents", "1. Introduction Page 3", "2. Terms of Reference Page 4", "3. Findings Page 9", "Appendices"]
        + ["1. Terms of Reference", "2. Panel members", "", "1. Introduction", PROSE]
    )
    assert _kinds(text)["1. Terms of Reference"] == "contents"
    assert _titles(text) == ["Introduction"]


def test_first_heading_that_expands_the_first_entry_ends_the_table():
    text = "\n".join(
        ["CONTENTS", "1. Introduction to the LRM Page 3", "2. The case Page 4", "3. Findings Page 9"]
        + ["Appendices", "1. Panel members", "", "1 Introduction to the Learning Review Model (LRM)", PROSE]
    )
    assert _titles(text) == ["Introduction to the Learning Review Model (LRM)"]


def test_a_sentence_glued_to_a_heading_ends_the_table():
    line = "1. Overview and Purpose 1.1 The boy was eight months old when he was taken to hospital with a broken arm"
    text = "\n".join(["Contents", "Overview Page 3", "What happened Pages 4-9", "What we learnt Pages 9-20", line])
    assert _kinds(text)[line] != "contents"


def test_page_numbers_set_close_under_contents_entries_are_kept():
    lines = ["CONTENTS", "PAGE", "1. Introduction", "2", "2. The family", "4", "3. Analysis", "30"]
    lines += ["4. Conclusions", "32", "5. Recommendations", "34", "6. References", "36", "Appendix A", "37"]
    text = "\n".join(lines + ["", "1. Introduction", PROSE])
    cleaned = clean_plain_text(text)
    assert "\n32\n5. Recommendations\n34\n" in cleaned


def test_indented_pages_with_a_blank_line_after_every_line_are_rejoined():
    body = [
        "  • 3",
        "    1.1 The review looked at the help given to a baby and her family before she died, at",
        "    four months old, and at what the agencies who knew them could have done.",
        "    1.2 The panel met six times and was chaired by an independent chair who had no part",
        "    in the services given to the family or in managing those who gave them.",
        "  • 4",
        "    2.1 Each agency wrote a report on its own work with the family, and the reviewer met",
        "    the practitioners in two workshops before this report was written.",
    ]
    cleaned = clean_plain_text("\n\n".join(body))
    assert "died, at four months old" in cleaned
    assert "no part in the services" in cleaned
    assert "• 4" not in cleaned
    assert page_indent(["    a", "", "    b", "    c", "    e", "  d"]) == "    "
    assert page_indent(["a", "    b"]) == ""


def test_a_subjects_label_names_the_subject_on_its_own_line_or_after_a_colon():
    cover = "WESTMERE SAFEGUARDING CHILDREN BOARD\nSERIOUS CASE REVIEW\nSUBJECTS\nMia and her brother Leo\n\n" + PROSE
    assert build_report(cover, SOURCE).metadata.subject_child == "Mia"
    cover = "SERIOUS CASE REVIEW\nSubject child: Child K\n\n" + PROSE
    assert build_report(cover, SOURCE).metadata.subject_child == "Child K"


def test_a_subject_cell_of_a_family_table_is_no_label():
    cover = "SERIOUS CASE REVIEW\nSubject\nWhite British\n\n" + PROSE
    assert build_report(cover, SOURCE).metadata.subject_child is None


def test_a_part_title_in_other_case_on_the_cover_is_no_running_header():
    pages = [
        "1",
        "Overview report",
        "Executive Summary",
        "and Overview Report",
        "2",
        "CONTENTS",
        "EXECUTIVE SUMMARY",
        "1. Introduction 3",
        "2. Findings 5",
        "3",
        "EXECUTIVE SUMMARY",
        "1. INTRODUCTION",
        PROSE,
    ]
    cleaned = clean_plain_text("\n\n".join(pages))
    assert cleaned.count("EXECUTIVE SUMMARY") == 2
    assert "Executive Summary" in cleaned


def test_the_owner_of_the_report_named_by_place_and_abbreviation_is_the_board():
    cover = "CHILD T\nA SERIOUS CASE REVIEW OVERVIEW REPORT\nCopyright of this report is with Upton LSCB\n\n" + PROSE
    assert build_report(cover, SOURCE).metadata.board == "Upton LSCB"
    cover = "SERIOUS CASE REVIEW\nThis report is the property of the Upton Safeguarding Children Board.\n\n" + PROSE
    assert build_report(cover, SOURCE).metadata.board == "Upton Safeguarding Children Board"


def test_a_numbered_line_that_runs_like_a_sentence_is_no_heading():
    text = "1. Introduction\n1.1 The review was held because the family had been known to the services for"
    assert _titles(text) == ["Introduction"]
    question = "1. Introduction\n1.1 What does this case tell us about how well the agencies shared what they knew?\n"
    assert _titles(question + PROSE)[-1].startswith("What does this case")

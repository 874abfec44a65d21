"""Cover fields and headings read from general shapes (issue 13, struct9), on fictional text.

- a document-sharing page's title line "<document> - <site> · <snippet>" names the board when the site is one,
  though ingest drops that preamble (read from the raw text) and masks its teaser lines;
- a partnership of several areas ("A, B and C …", "A and the B …") keeps every place the gazetteer knows;
- a board's place at the end of the line above its phrase ("… to the Wiltshire ⏎ Safeguarding Children Board");
- "… Partnership Board" keeps its last word;
- a person's name set above its role ("Kim Vale ⏎ Independent Chair"), a label with a spaced dash, a name with
  letters after it and then a post;
- a sentence-case sub-heading under a numbered heading before the first paragraph, and "2 . Scope".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.ingest import load_report
from pipeline.structure import metadata
from structure_text import build

BODY = "\n\n1. Introduction\n\n1.1 The review began after the injury was reported to the police in June.\n"


@pytest.mark.parametrize(
    ("rows", "board"),
    [
        (
            ["learning review child t - dunmoor safeguarding · the school had noticed that...", ""],
            "dunmoor safeguarding",
        ),
        (["Overview Report Baby S | Hollin Vale LSCB", "", "Overview Report"], "Hollin Vale LSCB"),
        (["", "Child F Review - bvscp"], "bvscp"),
        (
            ["Page 1: Child F Review – Farrow Safeguarding Children Partnership€¦ · the nurse..."],
            "Farrow Safeguarding Children Partnership",
        ),
        (["Serious Case Review - Home · the nurse visited..."], None),  # a site that is no board
        (
            ["Child F Review - Home", "Transcript of Child F Review | Kestle Safeguarding Partnership"],
            "Kestle Safeguarding Partnership",
        ),
        (["Child F Review - Home", "", "Child F Review - Ordley Safeguarding Board"], None),  # not the first line
    ],
)
def test_site_board(rows: list[str], board: str | None) -> None:
    assert metadata.site_board(rows) == board


def test_site_board_from_the_dropped_preamble(tmp_path: Path) -> None:
    raw = (
        "practice review child t - dunmoor safeguarding children partnership · the school had noticed...\n\n"
        "41\n\nUpload: someone\n\nPost on 03-Mar-2021\n\nTranscript\n\nPractice Review\n\nChild T" + BODY
    )
    path = tmp_path / "page.txt"
    path.write_text(raw, encoding="utf-8")
    assert load_report(path).metadata.board == "dunmoor safeguarding children partnership"


@pytest.mark.parametrize(
    ("cover", "board"),
    [
        (
            "Bath, Swindon and Wiltshire Safeguarding Children Partnership",
            "Bath, Swindon and Wiltshire Safeguarding Children Partnership",
        ),
        (
            "Devon and the Isle of Wight Safeguarding Children Partnership",
            "Devon and the Isle of Wight Safeguarding Children Partnership",
        ),
        (
            "Devon and Torbay Safeguarding Children Partnership Board",
            "Devon and Torbay Safeguarding Children Partnership Board",
        ),
        # not a list of places: the piece before the comma is no place, or the name has no "and"
        (
            "Child Q, Torbay and Devon Safeguarding Children Partnership",
            "Torbay and Devon Safeguarding Children Partnership",
        ),
        ("Report to Devon, Torbay Safeguarding Children Board", "Torbay Safeguarding Children Board"),
    ],
)
def test_partnership_of_several_places(cover: str, board: str) -> None:
    assert build(f"{cover}\n\nPractice Review\n\nChild Q" + BODY).metadata.board == board


def test_board_place_on_the_line_above() -> None:
    text = (
        "Serious Case Review\n\nChild P\n\n1. Introduction\n\n1.1 The case was referred to the Wiltshire\n\n"
        "Safeguarding Children Board on 3 May by the police.\n"
    )
    assert build(text).metadata.board == "Wiltshire Safeguarding Children Board"


def test_board_place_above_must_be_a_place() -> None:
    text = (
        "Serious Case Review\n\nChild P\n\n1. Introduction\n\n1.1 The case was referred by Constable Farrow\n\n"
        "Safeguarding Children Board on 3 May by the police.\n"
    )
    assert build(text).metadata.board != "Farrow Safeguarding Children Board"


def test_name_above_its_role() -> None:
    cover = (
        "Serious Case Review\n\nChild P\n\nRowan Pellow\nIndependent Chair\nPanel\nTegan Marsh\nIndependent Author\n"
        "Overview"
    )
    report = build(cover + BODY)
    assert report.metadata.author == "Tegan Marsh"
    assert {(p.name, p.role) for p in report.metadata.named_people} >= {("Rowan Pellow", "chair")}


def test_label_with_a_spaced_dash() -> None:
    cover = "Serious Case Review Child P\n\nExecutive summary Lead reviewer and independent author - Harriet Quayle"
    assert build(cover + BODY).metadata.author == "Harriet Quayle"


def test_name_with_letters_then_a_post() -> None:
    cover = "Serious Case Review\n\nChild P\n\nCallum Ferris OBE Director Ferris Reviews Limited"
    assert build(cover + BODY).metadata.author == "Callum Ferris"


def test_sub_heading_under_a_numbered_heading() -> None:
    text = (
        "Practice Review\n\nChild P\n\n1. Introduction\n\nHow the case came to the panel\n\n"
        "1.1 The school told the police about the bruise on a Monday morning.\n\n2 . The family\n\n"
        "2.1 Child P lived with his aunt.\n"
    )
    titles = [s.title for s in build(text).sections]
    assert "How the case came to the panel" in titles
    assert "The family" in titles


def test_page_headline_before_prose_stays_a_title() -> None:
    text = "Baby was left alone in the flat\n\nA review found that nobody had visited the family for weeks.\n"
    assert not build(text).sections or build(text).sections[0].title != "Baby was left alone in the flat"


@pytest.mark.parametrize(
    ("cover", "subject"),
    [
        ("Westmere Safeguarding Children Board\n\nSCR KT21\n\nOverview Report", "KT21"),
        ("Serious Case Review WB07 (2)\n\nExecutive Summary", "WB07 (2)"),
        ("Serious Case Review DX12 Harriet*\n\nExecutive Summary", "Harriet"),
        ("Child Safeguarding Practice Review: Child V\n\nCSPR KT21", "Child V"),  # a coded child wins
        ("Serious Case Review\n\nOverview Report", None),
    ],
)
def test_subject_from_the_review_code(cover: str, subject: str | None) -> None:
    assert build(cover + BODY).metadata.subject_child == subject


def test_child_who_is_no_code() -> None:
    cover = "UPTON SAFEGUARDING CHILDREN BOARD\n\nSERIOUS CASE REVIEW CONCERNING A CHILD WHO WAS HARMED AGED 3 YEARS"
    assert build(cover + BODY).metadata.subject_child is None  # "CHILD WHO" is no code


def test_child_code_of_letters_stays() -> None:
    cover = "SERIOUS CASE REVIEW CONCERNING CHILD QX"
    assert build(cover + BODY).metadata.subject_child == "Child QX"


def test_name_under_a_publication_notice_is_no_author() -> None:
    cover = "Publication of Practice Review 4\n\nImogen Tarrant\n\nThe board commissioned a practice review in May."
    meta = build(cover + BODY).metadata
    assert meta.author is None
    assert [(p.name, p.role) for p in meta.named_people] == [("Imogen Tarrant", "other")]  # named in public


@pytest.mark.parametrize(
    "furniture", ["2 Final Version", "Version 3.2", "Draft v2", "OFFICIAL-SENSITIVE", "Updated on:", "May 2021"]
)
def test_page_furniture_is_no_heading(furniture: str) -> None:
    text = (
        "1. Introduction\n\n1.1 The review began after the school raised a concern about Child P.\n\n"
        f"{furniture}\n\n1.2 The family had moved twice in a year and the health visitor lost touch.\n\n"
        "2. What We Learned\n\n2.1 Nobody asked where the family had gone.\n"
    )
    titles = [s.title for s in build(text).sections]
    assert furniture not in titles
    assert "What We Learned" in titles

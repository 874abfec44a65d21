"""Co-authors alone on a cover line above the cover's date are the review's authors (issue 13, real9):
the metadata's author is the first of them, and every one is a named person of the cover.  All names
are fictional."""

from __future__ import annotations

from pipeline.ingest.text import normalise
from pipeline.report import Source
from pipeline.structure import build_report


def _metadata(text: str):
    return build_report(normalise(text), Source(name="draft.txt", sha256="0" * 64, format="text")).metadata


def test_co_authors_joined_by_an_ampersand_above_a_numeric_date():
    meta = _metadata(
        "Wexcombe Safeguarding Children Board\n\nSerious Case Review\n\nLeo\n\n"
        "Odile Fennimore & Rhodri Castellane\n\n14.09.2018\n\nCONTENTS\n\n1 INTRODUCTION 1\n"
    )
    assert meta.author == "Odile Fennimore"
    assert {p.name for p in meta.named_people if p.role == "author"} >= {"Odile Fennimore", "Rhodri Castellane"}


def test_three_co_authors_above_the_month_of_publication():
    meta = _metadata(
        "Overview Report\n\nAnselm Gatacre, Bryony Lathbury and Hesketh Vandome\n\nMarch 2022\n\n1. Scope\n"
    )
    assert {p.name for p in meta.named_people} >= {"Anselm Gatacre", "Bryony Lathbury", "Hesketh Vandome"}


def test_a_family_named_together_above_a_date_is_no_byline():
    meta = _metadata(
        "Child Safeguarding Practice Review\n\nAmos Tredinnick and Lottie Tredinnick\n\nJune 2024\n\n1. Introduction\n"
    )
    assert not any("Tredinnick" in p.name for p in meta.named_people)


def test_two_names_above_a_date_in_the_narrative_are_no_byline():
    meta = _metadata(
        "Serious Case Review\n\n1. Introduction\n\n1.1 The family moved twice.\n\n"
        "Perpetua Hollins and Garrick Doudney\n\n3 March 2019\n\n1.2 They were seen at the clinic.\n"
    )
    assert not any("Doudney" in p.name for p in meta.named_people)

"""Cover titles and subjects in shapes of published reviews and pages about them (issue 13, struct7), on fictional
text: a title split over lines ("… RELATING TO THE ⏎ M FAMILY", "… REVIEW ⏎ AND DOMESTIC HOMICIDE REVIEW"),
publication notices and articles around it, a page about a review that names only its kind, a family subject.
"""

from __future__ import annotations

import pytest

from pipeline.ingest.text import normalise
from pipeline.report import Source
from pipeline.structure import build_report


def build(text: str):
    return build_report(normalise(text), Source(name="t.txt", sha256="0" * 64, format="text"))


BODY = "\n\n1. INTRODUCTION\n\n1.1 The review looked at the work of the agencies with the family over two years.\n"

TITLES = {
    "dangling_title_then_family": (
        "UPPER DALE SAFEGUARDING CHILDREN BOARD\n\nSERIOUS CASE REVIEW RELATING TO THE\n\n\nM FAMILY\n\n"
        "Approved by the board on 8 July 2019" + BODY,
        "SERIOUS CASE REVIEW RELATING TO THE M FAMILY",
        "M FAMILY",
    ),
    "joint_review_second_type_line": (
        "CHILD R SERIOUS CASE REVIEW\nAND DOMESTIC HOMICIDE REVIEW\n\nReport into the death of Child R" + BODY,
        "CHILD R SERIOUS CASE REVIEW AND DOMESTIC HOMICIDE REVIEW",
        "Child R",
    ),
    "publication_notice_before": (
        "Publication of Westmere Concise Child Practice Review 2\n\nThe board has published the review." + BODY,
        "Westmere Concise Child Practice Review 2",
        None,
    ),
    "board_publishes_a_review": (
        "WSCB publishes a Serious Case Review concerning Child M and Child N\n\nThe board released "
        "its review of the care of two brothers on Friday." + BODY,
        "Serious Case Review concerning Child M and Child N",
        "Child M",
    ),
    "notice_after": (
        "Serious Case Review Published\n\nThe review was published on Monday." + BODY,
        "Serious Case Review",
        None,
    ),
    "board_before_type": (
        "Westmere Safeguarding Children Board Serious Case Review: Child E\n\nThe review of the care of E." + BODY,
        "Serious Case Review: Child E",
        "Child E",
    ),
    "family_letters_with_slash": (
        "SERIOUS CASE REVIEW FAMILY R/W EXECUTIVE SUMMARY\n\nVersion 1.1" + BODY,
        "SERIOUS CASE REVIEW FAMILY R/W EXECUTIVE SUMMARY",
        "FAMILY R/W",
    ),
}


@pytest.mark.parametrize("name", sorted(TITLES))
def test_cover_title(name: str) -> None:
    text, title, subject = TITLES[name]
    meta = build(text).metadata
    assert meta.title == title
    if subject is not None:
        assert meta.subject_child == subject


NEWS = (
    "Toddler's death 'could not have been predicted'\n\n"
    "The death of a two-year-old boy could not have been predicted, a serious case review has found.\n\n"
    "The Westmere Safeguarding Children Board said agencies had since changed how they share information.\n"
)


def test_page_about_a_review_takes_the_kind_it_names() -> None:
    assert build(NEWS).metadata.title == "Serious Case Review"


def test_review_opening_with_numbered_paragraphs_gets_no_kind_title() -> None:
    """A review's own opening that names a kind in a sentence ("… to conduct a Child Safeguarding Practice Review")
    has no title on its page: none is made up."""
    text = (
        "1. Introduction\n1.1 The partnership decided to conduct a Child Safeguarding Practice Review after the "
        "death of Child J in 2021.\n"
    )
    assert build(text).metadata.title is None


def test_article_before_a_type_in_a_sentence_is_dropped() -> None:
    text = (
        "Partnership statement\n\nThe partnership commissioned a Child Safeguarding Practice Review after the "
        "injuries to a baby in the spring of 2021, and will publish it in the autumn when the family have seen it.\n"
    )
    assert build(text).metadata.title == "Child Safeguarding Practice Review"


BOARDS = {
    "officer_before_board": (
        "Serious Case Review\n\nForeword by the Independent Chair of the Westmere Safeguarding Children Board\n" + BODY,
        "Westmere Safeguarding Children Board",
    ),
    "place_after_bare_board": (
        "The Local Safeguarding Children Board Wiltshire released a serious case review on Friday.\n",
        "Local Safeguarding Children Board Wiltshire",
    ),
    "possessive_childrens_board_in_a_sentence": (
        "Baby died after falling asleep on a sofa\n\nThe family were only referred to by the pseudonyms Kai and "
        "Jodie in the Westmere Safeguarding Children's Board serious case review.\n",
        "Westmere Safeguarding Children's Board",
    ),
}


@pytest.mark.parametrize("name", sorted(BOARDS))
def test_board(name: str) -> None:
    text, board = BOARDS[name]
    assert build(text).metadata.board == board


AUTHORS = {
    "label_words_then_name_no_colon": (
        "WESTMERE SAFEGUARDING CHILDREN PARTNERSHIP\n   SERIOUS CASE REVIEW WREN\n\n"
        "         Independent Reviewer and Author Dana Whitcombe\n" + BODY,
        "Dana Whitcombe",
    ),
    "plural_label_alone_then_names": (
        "CHILD R SERIOUS CASE REVIEW\n\nIndependent Reviewers:\nInes Carver & Tom Abbot May 2020\n" + BODY,
        "Ines Carver",
    ),
    "reported_by": (
        "WESTMERE SAFEGUARDING CHILDREN BOARD K7 SERIOUS CASE REVIEW Reported by: Petra Holm, OBE, BA (Hons)\n" + BODY,
        "Petra Holm",
    ),
    "plural_lead_reviewers_label": (
        "Serious Case Review: Child E\n\nLead Reviewers: Ines Carver Tom Abbot April 2016\n" + BODY,
        "Ines Carver",
    ),
}


@pytest.mark.parametrize("name", sorted(AUTHORS))
def test_author(name: str) -> None:
    text, author = AUTHORS[name]
    got = build(text).metadata.author
    assert got is not None and got.startswith(author)

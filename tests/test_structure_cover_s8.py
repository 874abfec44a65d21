"""Cover fields and headings read from general shapes (issue 13, struct8), on fictional text.

- the author after a verb of authorship in a sentence about the review, with an adverb or the writer's role
  between ("The review was completed jointly by lead reviewers …");
- a person's name that runs into the board's name on one line (a slide's presenter): the board starts at its place;
- a review named after a person, the name before or after the review's type, is named after its subject;
- a title and subtitle across one dash is a heading; a key row with a dash is not.
"""

from __future__ import annotations

import pytest

from pipeline.structure import metadata
from structure_text import build


@pytest.mark.parametrize(
    ("text", "author"),
    [
        (
            "Practice Review: Baby R\n\nThis practice review was compiled by Dr Imogen Tarrant in May 2020.\n\n"
            "1. Introduction\n\n1.1 The review began in 2019.\n",
            "Dr Imogen Tarrant",
        ),
        (
            "Practice Review: Baby R\n\nThe report was written independently by Callum Ferris, a former nurse.\n\n"
            "1. Introduction\n\n1.1 The review began in 2019.\n",
            "Callum Ferris",
        ),
    ],
)
def test_author_after_a_verb_of_authorship(text: str, author: str) -> None:
    assert build(text).metadata.author == author


def test_person_name_run_into_the_board() -> None:
    text = (
        "Serious Case Review\n\nImogen Tarrant Leeds Safeguarding Children Board\n\n1. Introduction\n\n1.1 It began.\n"
    )
    assert build(text).metadata.board == "Leeds Safeguarding Children Board"


@pytest.mark.parametrize(
    ("title", "subject"),
    [
        ("Serious Case Review: Oliver Penhallow", "Oliver Penhallow"),
        ("Oliver Penhallow Serious Case Review", "Oliver Penhallow"),
        ("Quellan Nowak Serious Case Review", "Quellan Nowak"),  # an unlisted first name, a listed surname
    ],
)
def test_review_named_after_a_person(title: str, subject: str) -> None:
    assert metadata._title_person(title, title) == subject


@pytest.mark.parametrize(
    "title", ["Leeds Serious Case Review", "Neglect Thematic Serious Case Review", "Serious Case Review"]
)
def test_review_named_after_no_person(title: str) -> None:
    assert metadata._title_person(title, title) is None


def test_title_and_subtitle_heading() -> None:
    text = (
        "Thornvale Safeguarding Board\n\nLearning from reviews\n\nThe board has published two reviews this year.\n\n"
        "Quiet Rooms – Hearing the Younger Child\n\nThe first review looked at three children who were not seen.\n"
    )
    titles = [s.title for s in build(text).sections]
    assert "Quiet Rooms – Hearing the Younger Child" in titles


def test_key_row_with_a_dash_is_no_heading() -> None:
    text = (
        "Thornvale Safeguarding Board\n\nThe names used are listed.\n\nMaternal Grandmother – Ms Q\n\n"
        "The grandmother cared for the children at weekends.\n"
    )
    titles = [s.title for s in build(text).sections]
    assert "Maternal Grandmother – Ms Q" not in titles

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
        "Serious Case Review\n\nImogen Tarrant Exeter Safeguarding Children Board\n\n1. Introduction\n\n1.1 It began.\n"
    )
    assert build(text).metadata.board == "Exeter Safeguarding Children Board"


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
    "title", ["Swindon Serious Case Review", "Neglect Thematic Serious Case Review", "Serious Case Review"]
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


def _titles(text: str) -> list[str]:
    return [s.title for s in build(text).sections]


def test_heading_over_a_sub_heading() -> None:
    text = (
        "Thornvale Safeguarding Board\n\nThis review was written by Callum Ferris in 2021.\n\n"
        "Background\n\nWhat the Family Told Us\n\nThe grandmother said the children were often hungry.\n"
    )
    assert {"Background", "What the Family Told Us"} <= set(_titles(text))


def test_key_row_above_a_heading_is_no_heading() -> None:
    text = (
        "Thornvale Safeguarding Board\n\nThe review began in 2020 and ended in 2021.\n\nKey people\n\n"
        "Uncle (UV)\n\nBackground\n\nThe children lived with their uncle.\n"
    )
    assert "Uncle (UV)" not in _titles(text)


def test_review_named_in_the_body_heads_a_section() -> None:
    text = (
        "Thornvale Safeguarding Board\n\nThe board publishes each review when the family agrees.\n\n"
        "Practice Review: Baby K (TV21)\n\nThe board has published the review of the death of a baby.\n\n"
        "Serious Case Review\n\nThe board also published an older review.\n"
    )
    titles = _titles(text)
    assert "Practice Review: Baby K (TV21)" in titles
    assert "Serious Case Review" not in titles  # only the review's type: a title, not a section


def test_running_header_with_a_dash_is_no_heading() -> None:
    text = (
        "1. Chronology\n\n1.1 On 3rd May 2019 the nurse visited. The father said that he\n\n"
        "Baby Q Practice Review – June 2021 7\n\nhad found work in the town.\n"
    )
    assert not any("June 2021" in t for t in _titles(text))

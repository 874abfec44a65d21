"""Co-authors named alone on a cover line, the date of the report alone on the line below (issue 13,
real9): the review's writers, named on purpose, with no label to say so.  Each case keeps a person of
the narrative who must stay flagged.  All names are fictional."""

from __future__ import annotations

import pytest

from pipeline.deid.policy import SEVERITY_RANK
from test_verify_real_shapes import severity_of, verify_text

MEDIUM = SEVERITY_RANK["medium"]

CASES = [
    # (cover and opening, a co-author, a person of the narrative)
    (
        "Wexcombe Safeguarding Children Board\n\nSerious Case Review\n\nLeo\n\n"
        "Odile Fennimore & Rhodri Castellane\n\n14.09.2018\n\nCONTENTS\n\n1 INTRODUCTION 1\n\n"
        "1 INTRODUCTION\n\n1.1 Leo lived with his grandmother, Winifred Ashcombe, until he was four.\n",
        "Rhodri Castellane",
        "Winifred Ashcombe",
    ),
    (
        "Overview Report\n\nAnselm Gatacre, Bryony Lathbury and Hesketh Vandome\n\nMarch 2022\n\n"
        "1. Introduction\n\n1.1 The mother's partner, Crispin Ellesmere, moved into the flat in 2020.\n",
        "Hesketh Vandome",
        "Crispin Ellesmere",
    ),
    (
        "Thematic Review\n\nDr Isolde Penhaligon and Tobias Wreford\n\n2nd May 2023\n\n"
        "1. Why we looked at these cases\n\n1.1 A neighbour, Ottoline Fairweather, rang the police twice.\n",
        "Isolde Penhaligon",
        "Ottoline Fairweather",
    ),
]


@pytest.mark.parametrize("text,author,narrative", CASES)
def test_co_authors_above_the_cover_date_are_named_on_purpose(nlp, analyzer, text, author, narrative):
    _, findings = verify_text(text, nlp, analyzer)
    assert SEVERITY_RANK.get(severity_of(findings, author), 0) < MEDIUM
    assert SEVERITY_RANK[severity_of(findings, narrative)] >= MEDIUM


def test_names_sharing_a_surname_above_a_date_are_a_family_not_co_authors(nlp, analyzer):
    """Siblings a cover names together ("Amos Tredinnick and Lottie Tredinnick") share their surname: co-authors
    do not, so the line is no byline and both names stay flagged."""
    text = (
        "Child Safeguarding Practice Review\n\nAmos Tredinnick and Lottie Tredinnick\n\nJune 2024\n\n"
        "1. Introduction\n\n1.1 The children lived with their mother.\n"
    )
    _, findings = verify_text(text, nlp, analyzer)
    assert SEVERITY_RANK[severity_of(findings, "Lottie Tredinnick")] >= MEDIUM


def test_co_authors_in_the_narrative_above_a_dated_line_stay_flagged(nlp, analyzer):
    """Past the cover (a numbered paragraph has begun) two names above a date are part of the story."""
    text = (
        "Serious Case Review\n\n1. Introduction\n\n1.1 The family moved twice.\n\n"
        "Perpetua Hollins and Garrick Doudney\n\n3 March 2019\n\n1.2 They were seen at the clinic.\n"
    )
    _, findings = verify_text(text, nlp, analyzer)
    assert SEVERITY_RANK[severity_of(findings, "Garrick Doudney")] >= MEDIUM

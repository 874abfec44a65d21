"""Sentences about reviews in general give no theme of the case (pipeline/themes/generic.py).
Fictional text written for these tests."""

from __future__ import annotations

from pipeline.themes import tag_text
from pipeline.themes.generic import is_generic_review_sentence


def _tagged(nlp, text: str) -> set[str]:
    return {t for label in tag_text(text + "\n", nlp) for t in label.theme_ids()}


def _generic(nlp, sentence: str) -> bool:
    return is_generic_review_sentence(next(iter(nlp(sentence).sents)))


def test_what_reviews_are_for_is_generic(nlp):
    assert _generic(nlp, "The aim of a practice review is to learn where a child has been harmed by neglect.")
    assert _generic(nlp, "Every published review comes with a summary of the multi-agency improvements.")
    assert _generic(nlp, "These reviews involve the family, the agencies and the practitioners.")


def test_this_review_and_what_it_found_are_not_generic(nlp):
    assert not _generic(nlp, "The review found that the mother's drinking was not explored.")
    assert not _generic(nlp, "This review considers how agencies responded to domestic abuse.")
    assert not _generic(nlp, "A practice review was commissioned after the death of Baby Lou.")


def test_no_theme_from_a_landing_page_about_reviews(nlp):
    page = (
        "The aim of a practice review is to learn where a child has been harmed by neglect or domestic abuse. "
        "Every published review comes with a summary of progress listing the multi-agency improvements "
        "that partners have agreed."
    )
    got = _tagged(nlp, page)
    assert "domestic_abuse" not in got and "multi_agency_working" not in got
    assert "domestic_abuse" in _tagged(nlp, "Baby Lou's mother was a victim of domestic abuse by her partner.")


def test_a_population_count_gives_no_theme(nlp):
    """An authority's caseload ("412 children looked after, 96 of whom in foster homes") is no
    one's in the case; a family's own count is."""
    stats = "On 31 May there were 412 children looked after by the county, 96 of whom were in foster placements."
    assert "placement_type_mother_baby_foster" not in _tagged(nlp, stats)
    family = "The two children were looked after by the county and placed with foster carers."
    assert "placement_type_mother_baby_foster" in _tagged(nlp, family)

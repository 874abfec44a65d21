"""Themes and events on real-shaped openings: rules from the third development pass.

Each rule was motivated by a real published opening (never quoted).  Every test
uses invented text in the same shape, worded differently, and checks both sides
where there are two: the wrong reading stays out, the right one is still found.
All names, places and dates are fictional.
"""

from __future__ import annotations

import pytest

from pipeline.events import extract_events
from pipeline.events.masks import document_date_spans
from pipeline.nlp import parse_report
from pipeline.themes import tag_report, tag_text
from pipeline.themes.__init__ import text_report


def _tagged(nlp, text: str) -> set[str]:
    return {t for label in tag_text(text + "\n", nlp) for t in label.theme_ids()}


# ---- themes: close wordings of a theme the cues missed ------------------------------------
@pytest.mark.parametrize(
    "theme, text",
    [
        # co-sleeping told as "whilst sleeping with parents"
        (
            "safe_sleep_sudi",
            "1. Introduction\n\n1.1 The review concerns two babies from different families who died before "
            "they were three months old whilst sleeping with parents who had drunk heavily that night.",
        ),
        # an infant's unexplained collapse is a sudden unexpected death in infancy
        (
            "safe_sleep_sudi",
            "1. Introduction\n\n1.1 Baby Orla was found at home after an unexplained collapse when she was "
            "seven weeks old and died the next morning.",
        ),
        # a young baby's serious injuries and the charge for them
        (
            "non_mobile_baby_bruising",
            "1. Introduction\n\n1.1 Baby Fenn was five weeks old when he suffered serious injuries at home. "
            "His father was charged with grievous bodily harm.",
        ),
    ],
)
def test_close_wordings_find_the_theme(nlp, theme, text):
    assert theme in _tagged(nlp, text)


@pytest.mark.parametrize(
    "theme, text",
    [
        # a birth at term is no prematurity
        (
            "premature_vulnerable_infant",
            "1. Introduction\n\n1.1 Child Nell was born at 40 weeks gestation and went home with her "
            "mother the next day.",
        ),
        (
            "premature_vulnerable_infant",
            "1. Introduction\n\n1.1 Child Nell was born at 38 weeks and went home with her mother the next day.",
        ),
        # a mother sleeping with her partner is no infant's unsafe sleep
        (
            "safe_sleep_sudi",
            "1. Introduction\n\n1.1 Mother told the health visitor that she was sleeping badly and that her "
            "partner worked nights.",
        ),
        # an older child's injury in a fight is no baby's injury
        (
            "non_mobile_baby_bruising",
            "1. Introduction\n\n1.1 Dion, aged 16, was injured in a fight outside a shop and was treated "
            "at the walk-in centre.",
        ),
    ],
)
def test_wrong_readings_stay_out(nlp, theme, text):
    assert theme not in _tagged(nlp, text)


def test_prematurity_is_still_found(nlp):
    text = "1. Introduction\n\n1.1 Child Nell was born at 31 weeks gestation and spent a month in the neonatal unit."
    assert "premature_vulnerable_infant" in _tagged(nlp, text)


# ---- themes: what the review gathered is not practice in the case ---------------------------
def test_the_reviews_own_sources_give_no_practice_theme(nlp):
    text = (
        "1. Introduction\n\n1.1 Reports were sought from the agencies that knew Child Tam. Additional historical "
        "information was obtained from a search of the case files held in the county where he lived until "
        "2010.\n"
    )
    assert "chronology_history" not in _tagged(nlp, text)


def test_history_in_the_case_is_still_chronology(nlp):
    text = (
        "1. Analysis\n\n1.1 The social worker did not read the historical information on the file and the "
        "assessment started again from nothing.\n"
    )
    assert "chronology_history" in _tagged(nlp, text)


# ---- themes: a first paragraph run into the contents page ---------------------------------
RUN_INTO_CONTENTS = (
    "Serious Case Review in respect of Child Wren\n\nContents\n\nIntroduction Page 3\n\n"
    "Background Pages 4 - 5\n\nNarrative Pages 6-9\n\nLessons Learned Pages 10-12\n\n"
    "1. Introduction and Summary 1.1 Child Wren was just over four weeks old when she suffered serious "
    "injuries while living with her parents. Both parents were arrested on suspicion of grievous bodily "
    "harm and Child Wren is now in foster care.\n"
)


def test_a_story_filed_under_the_contents_page_is_still_tagged(nlp):
    report = text_report(RUN_INTO_CONTENTS)
    labels = tag_report(report, parse_report(report, nlp))
    themes = {t for label in labels for t in label.theme_ids()}
    assert "non_mobile_baby_bruising" in themes
    # the contents entries themselves stay untagged
    assert not any("Lessons Learned" in label.text for label in labels if label.themes)


# ---- events: a cover date before its label, on a cover flattened into one line ----------------
FLAT_COVER = (
    "Title: Serious case review overview report: Child Rowe. LSCB: Tarnbury Safeguarding Children Board "
    "Author: Edwin Saltmarsh Date of publication: 2019 This report was deposited with the national "
    "repository. Tarnbury Safeguarding Children Board Serious Case Review Overview Report Child Rowe "
    "14 May 2019 Report Author Edwin Saltmarsh CONTENTS 1 INTRODUCTION 3 2 THE STORY OF CHILD ROWE 5\n\n"
    "1. Introduction\n\n1.1 Child Rowe was admitted to hospital on 3 March 2018 with a head injury.\n"
)


def test_a_date_before_a_cover_label_is_the_documents():
    spans = document_date_spans(FLAT_COVER)
    at = FLAT_COVER.index("14 May 2019")
    assert any(a <= at < b for a, b in spans)
    story = FLAT_COVER.index("3 March 2018")
    assert not any(a <= story < b for a, b in spans)


def test_a_date_followed_by_a_comma_and_a_label_is_not_masked():
    text = "The nurse saw him on 3 July 2016, independent author interviews came later.\n"
    assert not document_date_spans(text)


def test_the_flat_cover_date_dates_no_event(nlp):
    report = text_report(FLAT_COVER)
    events = extract_events(report, parse_report(report, nlp))
    dates = {e.date.isoformat() for e in events if e.date}
    assert "2019-05-14" not in dates
    assert "2018-03-03" in dates


# ---- themes: whose schooling --------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "1. Introduction\n\n1.1 Mother was excluded from school at 13 and had no qualifications when she had Kit.",
        "1. Introduction\n\n1.1 Father had poor school attendance as a boy and later worked on farms.",
    ],
)
def test_a_parents_own_schooling_is_not_the_childs_education(nlp, text):
    assert "education_not_in_school" not in _tagged(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "1. Introduction\n\n1.1 Kit was excluded from school twice in the spring term.",
        "1. Introduction\n\n1.1 The academy excluded Kit for five days after a fight in the yard.",
        "1. Introduction\n\n1.1 Mother withdrew Kit from school in Year 8 to educate him at home.",
        "1. Introduction\n\n1.1 Kit was taken off the school roll and did not attend school for a year.",
    ],
)
def test_the_childs_schooling_is_still_education(nlp, text):
    assert "education_not_in_school" in _tagged(nlp, text)


# ---- themes: a thematic review's title names its theme --------------------------------------
def test_a_thematic_reviews_title_is_tagged(nlp):
    text = (
        "Bed-Sharing Thematic Review 2\n\nBED-SHARING THEMATIC REVIEW\n\nTARNBURY SAFEGUARDING CHILDREN BOARD\n\n"
        "Maud Ellery, Independent Reviewer\n\nBed-Sharing Thematic Review 3\n\nTABLE OF CONTENTS\n\n"
        "1. Introduction ........ 3\n\n2. Findings ........ 5"
    )
    assert "safe_sleep_sudi" in _tagged(nlp, text)


def test_other_cover_titles_stay_untagged(nlp):
    text = (
        "Serious Case Review: Neglect of Child Kit\n\nTARNBURY SAFEGUARDING CHILDREN BOARD\n\n"
        "1. Introduction\n\n1.1 The board agreed the review in May."
    )
    assert "neglect" not in _tagged(nlp, text)


# ---- themes: a theme about babies needs a baby ---------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "1. Introduction\n\n1.1 This review concerns the death of Child Otis at the age of 13. He died at home "
        "from a head injury caused by his stepfather.",
        "1. Introduction\n\n1.1 Child Otis, a 10 year old boy, had bruising to his back which he said came from "
        "a fall in the park.",
    ],
)
def test_an_older_childs_injury_is_no_babys(nlp, text):
    assert "non_mobile_baby_bruising" not in _tagged(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "1. Introduction\n\n1.1 Baby Iris had bruising to her ear when she was seen by the GP. Her brother, "
        "aged 4, was at nursery.",
        "1. Introduction\n\n1.1 Child Iris, aged 3 months, was taken to hospital with a fractured arm.",
    ],
)
def test_a_babys_injury_is_still_found_beside_an_older_sibling(nlp, text):
    assert "non_mobile_baby_bruising" in _tagged(nlp, text)


# ---- themes: a list of the agencies that took part is no need of the family ------------------
def test_a_list_of_agencies_run_into_a_paragraph_gives_no_theme(nlp):
    text = (
        "1. Introduction\n\n1.1 The agencies that contributed to the review were: Children's Social Care, "
        "Tarnbury Police, GP practices, Adult Mental Health Services and Housing.\n"
    )
    assert not _tagged(nlp, text)


def test_agencies_in_a_sentence_are_still_read(nlp):
    text = (
        "1. Analysis\n\n1.1 The agencies involved were slow to share what they knew about Mother's depression "
        "and her drinking.\n"
    )
    assert {"parental_mental_health", "substance_misuse"} <= _tagged(nlp, text)


# ---- themes: cue data that could never match -------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "1. Introduction\n\n1.1 Ivo told his teacher that his uncle had sexually abused him.",
        "1. Introduction\n\n1.1 Nola said her stepbrother and her cousin sexually abused her over two summers.",
    ],
)
def test_a_relative_who_sexually_abused_the_child(nlp, text):
    assert "intrafamilial_sexual_abuse" in _tagged(nlp, text)


def test_a_parent_who_was_looked_after(nlp):
    assert "young_care_experienced_parents" in _tagged(
        nlp, "1. Introduction\n\n1.1 Mother had been a looked after child and left foster care at 18."
    )
    assert "young_care_experienced_parents" not in _tagged(
        nlp, "1. Introduction\n\n1.1 Ivo was a looked after child and lived with foster carers."
    )

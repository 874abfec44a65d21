"""Themes on what real reviews say about themselves, and on words every review uses.

A reader judging theme assignments on the openings of published reviews found
most wrong ones in three places: sentences about the review itself (its panel,
its terms of reference, the agencies' reports), words that every review of a
kind uses ("baby", "father", "agencies") deciding a theme on their own, and
non-content blocks (a contents page without page numbers, the review's long
title, a "Label: value" cover line).  All examples are fictional.
"""

from __future__ import annotations

from pipeline.themes import tag_text, text_report
from pipeline.themes.blocks import BlockFilter
from pipeline.themes.taxonomy import load_taxonomy


def _ids(labels) -> set[str]:
    return {t for label in labels for t in label.theme_ids()}


def _themes_at(labels, text: str, quote: str) -> set[str]:
    offset = text.index(quote)
    return {t for label in labels if label.start <= offset < label.end for t in label.theme_ids()}


# ---- the review's own process -----------------------------------------------------
def test_the_review_panel_and_agency_reports_are_not_multi_agency_working(nlp):
    process = _ids(
        tag_text(
            "A review panel chaired by the independent author met six times, and the agencies "
            "provided Individual Management Reviews and chronologies.\n",
            nlp,
        )
    )
    practice = _ids(
        tag_text(
            "The core group chaired by the social worker met only twice, and the agencies did not "
            "attend the strategy meeting.\n",
            nlp,
        )
    )
    assert "multi_agency_working" not in process
    assert "multi_agency_working" in practice


def test_commissioning_and_criteria_sentences_give_no_practice_theme(nlp):
    commissioned = _ids(
        tag_text(
            "The Chair agreed that a Serious Case Review should be initiated because there were "
            "concerns about how agencies had worked together and shared information.\n",
            nlp,
        )
    )
    finding = _ids(
        tag_text(
            "Agencies had not worked together and information about the father was not shared with "
            "the health visitor.\n",
            nlp,
        )
    )
    assert not {"multi_agency_working", "information_sharing"} & commissioned
    assert {"multi_agency_working", "information_sharing"} <= finding


def test_a_circumstance_named_where_the_review_was_commissioned_still_counts(nlp):
    labels = tag_text(
        "This review was commissioned after a baby died while co-sleeping with a parent who had been "
        "drinking heavily.\n",
        nlp,
    )
    assert {"safe_sleep_sudi", "substance_misuse"} <= _ids(labels)


def test_the_statutory_criteria_quoted_in_an_introduction_are_not_the_case(nlp):
    criteria = _ids(
        tag_text(
            "A review must be considered where abuse or neglect of a child is known or suspected and "
            "the child has died (including death by suspected suicide).\n",
            nlp,
        )
    )
    case = _ids(
        tag_text(
            "The children lived with chronic neglect for five years; the eldest spoke of wanting to kill himself.\n",
            nlp,
        )
    )
    assert not {"neglect", "children_mental_health"} & criteria
    assert "neglect" in case


def test_a_review_conference_in_the_case_is_not_the_review_process(nlp):
    labels = tag_text(
        "At the review child protection conference the plan was agreed, but the father was not "
        "invited and the core group did not meet again.\n",
        nlp,
    )
    assert "multi_agency_working" in _ids(labels)


# ---- words every review uses ---------------------------------------------------------
def test_baby_and_birth_alone_are_no_vulnerable_infant_but_a_young_age_with_them_is(nlp):
    generic = _ids(
        tag_text("The pre-birth assessment did not consider what a new baby would mean for the family.\n", nlp)
    )
    # a young age said of a baby supports the theme; with another of its words it makes it
    young = _ids(
        tag_text("Baby K, a two month old boy, was the youngest infant a babysitter of fourteen had minded.\n", nlp)
    )
    older = _ids(tag_text("At nine months old Baby K moved with his mother to a flat near the station.\n", nlp))
    assert "premature_vulnerable_infant" not in generic
    assert "premature_vulnerable_infant" in young
    assert "premature_vulnerable_infant" not in older


def test_a_father_mentioned_is_not_the_invisible_men_theme(nlp):
    mentioned = _ids(
        tag_text(
            "Her father drove Sam to football on Saturdays; her father and her dad's sister both "
            "came to the school play.\n",
            nlp,
        )
    )
    theme = _ids(
        tag_text(
            "The mother's new partner moved into the home, but he was never spoken to or assessed by "
            "any practitioner.\n",
            nlp,
        )
    )
    assert "fathers_invisible_men" not in mentioned
    assert "fathers_invisible_men" in theme


def test_support_only_cues_are_declared_among_each_themes_cues():
    taxonomy = load_taxonomy()
    with_company = [t for t in taxonomy.themes if t.needs_company]
    assert len(with_company) >= 5
    for theme in with_company:
        listed = {c for cues in theme.cues.values() for c in cues}
        assert set(theme.needs_company) <= listed


# ---- whose word, which sense ---------------------------------------------------------------
def test_worries_are_not_mental_ill_health(nlp):
    worries = _ids(tag_text("Both parents shared their anxieties about money and about the move to a new town.\n", nlp))
    illness = _ids(
        tag_text("The mother had suffered from anxiety since her teens and was prescribed medication.\n", nlp)
    )
    assert "parental_mental_health" not in worries
    assert "parental_mental_health" in illness


def test_child_victims_of_exploitation_are_not_domestic_abuse(nlp):
    exploited = _ids(
        tag_text(
            "Seven girls were child victims of sexual exploitation by a gang, and four perpetrators "
            "have been convicted.\n",
            nlp,
        )
    )
    partner = _ids(tag_text("She was the victim of repeated assaults by her partner.\n", nlp))
    assert "domestic_abuse" not in exploited
    assert "adolescent_exploitation" in exploited
    assert "domestic_abuse" in partner


# ---- blocks that are not content ------------------------------------------------------------
CONTENTS_AND_PROSE = """SERIOUS CASE REVIEW

Child W

Date Commissioned: May 2015 Parallel Proceedings: June 2015 – March 2016

Contents

Introduction

What the older brother and the carers told us

How agencies worked together with the young person

1. INTRODUCTION

1.1 This review concerns Child W, aged 15
who was sexually exploited by older men over two years while she went missing from her foster placement.

1.2 Each missing episode was treated separately and no practitioner asked Child W about her life.
"""


def test_contents_entries_without_page_numbers_are_not_tagged_but_the_prose_after_them_is(nlp):
    labels = tag_text(CONTENTS_AND_PROSE, nlp)
    assert not _themes_at(labels, CONTENTS_AND_PROSE, "What the older brother and the carers")
    assert not _themes_at(labels, CONTENTS_AND_PROSE, "How agencies worked together with")
    assert "adolescent_exploitation" in _themes_at(labels, CONTENTS_AND_PROSE, "who was sexually exploited")


def test_a_label_value_cover_line_is_not_content():
    report = text_report(CONTENTS_AND_PROSE)
    reasons = BlockFilter(report).non_content()
    offset = report.text.index("Date Commissioned")
    cover = [i for i, p in enumerate(report.paragraphs) if p.start <= offset < p.end]
    assert cover and reasons.get(cover[0]) == "cover"


def test_the_reviews_long_title_is_not_tagged_but_its_findings_are(nlp):
    text = (
        "Serious Case Review into the Grooming of Young People in Northtown by an Organised Group\n\n"
        "1. Findings\n\n1.1 The girls were groomed and sexually exploited by a group of men, and their missing "
        "episodes were not linked by the police.\n"
    )
    labels = tag_text(text, nlp)
    assert not _themes_at(labels, text, "Serious Case Review into")
    assert "adolescent_exploitation" in _themes_at(labels, text, "1.1 The girls")


def test_a_short_numbered_findings_title_under_a_narrative_heading_sets_the_role(nlp):
    text = (
        "3. Narrative of key events\n\n3.1 The family moved to the area in 2019 and the children started school.\n\n"
        "7. Findings\n\n7.1 The school recorded the children's hunger but did not share it with the health visitor.\n"
    )
    labels = tag_text(text, nlp)
    finding = [label for label in labels if "7.1 The school" in label.text]
    assert finding and finding[0].section_role == "findings"


def test_a_glossary_run_into_one_paragraph_is_not_tagged(nlp):
    text = (
        "Westmere Safeguarding Children Board Serious Case Review\n\nGlossary of terms used\n\nCAF Common Assessment "
        "Framework CAFCASS Children and Family Court Advisory and Support Service CAMHS Child and Adolescent Mental "
        "Health Service LAC Looked After Children LADO Local Authority Designated Officer MARAC Multi Agency Risk "
        "Assessment Conference YOS Youth Offending Service\n\n1. Findings\n\n1.1 CAMHS did not see the young person "
        "for eight months after her first overdose.\n"
    )
    labels = tag_text(text, nlp)
    assert not _themes_at(labels, text, "CAF Common Assessment")
    assert "children_mental_health" in _themes_at(labels, text, "1.1 CAMHS did not")


def test_an_impact_on_the_child_is_not_adult_services_on_its_own(nlp):
    alone = _ids(
        tag_text("Missing most of Year 6 had a lasting impact on the children's reading and friendships.\n", nlp)
    )
    adult = _ids(
        tag_text(
            "Adult mental health services did not consider the impact on the children of the mother's illness.\n", nlp
        )
    )
    assert "think_family_adult_services" not in alone
    assert "think_family_adult_services" in adult


def test_a_support_only_word_gives_no_negated_theme_either(nlp):
    labels = tag_text("There were no concerns about the baby or the father during the visit.\n", nlp)
    negated = {h.id for label in labels for h in label.negated}
    assert not {"premature_vulnerable_infant", "fathers_invisible_men"} & negated
    named = tag_text("There was no evidence of domestic abuse in the household.\n", nlp)
    assert "domestic_abuse" in {h.id for label in named for h in label.negated}


def test_what_the_review_was_asked_to_examine_is_not_practice(nlp):
    asked = _ids(
        tag_text(
            "This review was asked to examine whether professionals shared information and escalated their concerns.\n",
            nlp,
        )
    )
    done = _ids(tag_text("Professionals did not share information and did not escalate their concerns.\n", nlp))
    assert not {"information_sharing", "escalation"} & asked
    assert {"information_sharing", "escalation"} <= done

"""Themes and events on real-shaped openings: rules from the fifth development pass.

Each rule describes a shape seen on the opening pages of several published reviews (a
cover and contents page read into one line, a family table's header row run into the
sentence above it, the statutory guidance named with a wrapped or glued year, an
adjectival "then"); every test here uses invented text and checks both sides where there
are two (the wrong reading stays out, the right one is still found).  All names, places
and dates are fictional.
"""

from __future__ import annotations

import pytest

from pipeline.events.candidates import find_candidates
from pipeline.events.scope import is_inline_contents
from pipeline.themes import tag_text
from test_events_real_shapes import events_of


def _tagged(nlp, text: str) -> set[str]:
    return {t for label in tag_text(text + "\n", nlp) for t in label.theme_ids()}


# ---- events: "then" and "later" before a noun are no time ------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Father had left the family home because of his (then) girlfriend.",
        "Her then partner moved into the flat.",
        "The then head teacher made the referral.",
        "Her later husband was never identified.",
    ],
)
def test_adjectival_then_is_no_relative_date(text):
    assert not [c for c in find_candidates(text) if c.kind == "rel_vague"]


@pytest.mark.parametrize(
    "text",
    [
        "Mother then moved to Eastfold.",
        "Later the police attended.",
        "The GP saw her then referred her to a paediatrician.",
    ],
)
def test_adverbial_then_is_still_a_relative_date(text):
    assert [c.kind for c in find_candidates(text)] == ["rel_vague"]


def test_an_adjectival_then_takes_no_date_from_the_last_one(tmp_path, nlp):
    text = (
        "1. Introduction On 3 May 2011 Harlan was admitted to hospital with a head injury. His mother Wren "
        "had lost the care of an older child because of the violence of her (then) boyfriend.\n"
    )
    _, events = events_of(tmp_path, nlp, text)
    assert not [e for e in events if "(then)" in e.sentence and e.relative]


# ---- events: a cover and contents page read into one line ------------------------------------
def test_leader_dot_entries_are_contents_whatever_else_the_sentence_holds():
    assert is_inline_contents("KEY EPISODES.................................. 9 6. PARENTS' VIEWS")
    assert is_inline_contents("Key dates …………… 7")
    assert not is_inline_contents("On 2 June 2016 the school nurse saw Pippa... and referred her.")


def test_a_date_before_the_ownership_line_of_a_one_line_cover_is_no_event(tmp_path, nlp):
    text = (
        "ROSA A Serious Case Review written by Ada Pellow MA for the Westmere Safeguarding Children Board Panel "
        "chaired by Tobias Reed March 2015 This report is the property of the Westmere Partnership.\n\n"
        "1. Introduction On 4 January 2014 Rosa was seen by the GP with a rash. On 9 January 2014 the health "
        "visitor visited.\n"
    )
    _, events = events_of(tmp_path, nlp, text)
    dated = {e.date.isoformat() for e in events if e.date is not None}
    assert "2015-03-01" not in dated
    assert {"2014-01-04", "2014-01-09"} <= dated


# ---- themes: the statutory guidance named with its year glued on or wrapped away --------------
@pytest.mark.parametrize(
    "text",
    [
        "1.2 In line with Working Together 2015/18 the review considered the involvement of all agencies.",
        # the second edition's year on the next line of a transcript that keeps every line a paragraph
        "1.1 This report sets out the findings of the review into the death of Baby Q. As required by Working "
        "Together 2013* and Working Together\n\n2015* the report analyses what happened and identifies lessons.",
        "2.1 Chapter 3 of Working Together sets out when a partnership must review a case.",
    ],
)
def test_working_together_as_guidance_is_not_multi_agency_working(nlp, text):
    assert "multi_agency_working" not in _tagged(nlp, text)


def test_agencies_working_together_is_still_multi_agency_working(nlp):
    text = (
        "5. Findings\n\n5.1 Agencies were not working together: the school, the GP and children's social care "
        "each held part of the picture and no multi-agency meeting was called."
    )
    assert "multi_agency_working" in _tagged(nlp, text)


# ---- themes: furniture inside a paragraph that is content ---------------------------------------
def test_leader_dot_contents_entries_inside_a_paragraph_of_content_are_not_tagged(nlp):
    dots = "." * 40
    text = (
        "Serious Case Review Child P Ada Pellow March 2016 Westmere Safeguarding Children Board "
        f"CONTENTS 1. INTRODUCTION {dots} 2 2. CHRONOLOGY {dots} 4 3. DOMESTIC ABUSE AND "
        f"THE FAMILY {dots} 9 4. FINDINGS {dots} 12 1. INTRODUCTION 1.1 This review concerns Child P, who was four "
        "years old when she was admitted to hospital in March 2015 with a broken arm that her mother could not "
        "explain, and it looks at how the school, the GP and the police responded to her over the year before."
    )
    assert not {"chronology_history", "domestic_abuse"} & _tagged(nlp, text)


def test_a_family_table_header_row_is_not_about_ethnicity(nlp):
    header = (
        "1.4 This review concerns two sisters, Child M and Child N, who lived with their mother. The members of "
        "the household were: NAME | GENDER | AGE | RELATIONSHIP | ETHNICITY"
    )
    assert "race_culture_identity" not in _tagged(nlp, header)
    interpreter = (
        "5. Findings\n\n5.2 No interpreter was booked for the visit although Mother's first language was Tigrinya, "
        "and her culture was never explored."
    )
    assert "race_culture_identity" in _tagged(nlp, interpreter)


# ---- themes: ethnicity said to be the area's majority ----------------------------------------------
def test_ethnicity_said_to_be_the_majority_is_no_race_theme(nlp):
    text = (
        "1.1 When Nico died, aged 4 months, the family lived in a rented flat. The family's ethnicity and "
        "religion are representative of the majority of the local population."
    )
    assert "race_culture_identity" not in _tagged(nlp, text)


# ---- themes: a parent's age in the teens is young parenthood -----------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "1.1 Kit lived with his mother and father and his older sister. His parents were 18 years old.",
        "1.1 Kit's mother, aged 17, had moved into a flat of her own shortly before the birth.",
    ],
)
def test_a_parent_in_their_teens_is_a_young_parent(nlp, text):
    assert "young_care_experienced_parents" in _tagged(nlp, text)


def test_a_child_in_their_teens_is_no_young_parent(nlp):
    text = "1.1 Kit lived with his mother. His brother was 17 years old and attended the local college."
    assert "young_care_experienced_parents" not in _tagged(nlp, text)


# ---- themes: growth failure is the neglect cue said the other way round -------------------------------
def test_growth_failure_is_neglect(nlp):
    text = "5. Findings\n\n5.3 The paediatrician recorded growth failure that a poor diet over many months explained."
    assert "neglect" in _tagged(nlp, text)


def test_an_age_bound_of_a_service_is_no_young_parent(nlp):
    text = (
        "5. Findings\n\n5.4 The adult mental health service accepts referrals of adults aged 18 and over, and the "
        "family support team works with parents aged 16 to 25 who live in Eastfold."
    )
    assert "young_care_experienced_parents" not in _tagged(nlp, text)

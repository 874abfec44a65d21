"""Themes on real openings, round six: what a reader judged wrong or missed, and the general cause.

Each rule was motivated by a published review's opening (never quoted here); every test
uses invented text in the same shape, worded differently, and checks both sides: the
wrong sense stays untagged and the right sense is still tagged.  All names, places and
facts are fictional.
"""

from __future__ import annotations

from pipeline.themes import tag_text


def _ids(labels) -> set[str]:
    return {t for label in labels for t in label.theme_ids()}


def _tagged(nlp, text: str) -> set[str]:
    return _ids(tag_text(text + "\n", nlp))


BODY = (
    "1. Introduction\n\n"
    "1.1 Riley was four months old when he was taken to hospital with a skull fracture. "
    "His mother told the ambulance crew that he had rolled off a sofa.\n"
)


# ---- the author presenting themself is not the case ----------------------------------------------
def test_an_about_the_author_block_gives_no_theme(nlp):
    text = (
        "Brackenford Safeguarding Children Partnership\n\nChild R\n\nLocal Child Safeguarding Practice Review\n\n"
        "About the author\n\n"
        "I am a registered nurse and health visitor; for fifteen years I worked alongside adult mental "
        "health services and domestic abuse refuges in the county. Since 2015 I have written reviews "
        "for several partnerships.\n\n" + BODY
    )
    found = _tagged(nlp, text)
    assert not found & {"health_visiting_records", "parental_mental_health", "domestic_abuse"}
    assert "non_mobile_baby_bruising" in found  # the body is still read


def test_the_reviewers_credentials_under_another_heading_give_no_theme(nlp):
    text = (
        "Serious Case Review\n\nBaby Tomasz\n\nOVERVIEW REPORT\n\nGovernance\n\n"
        "My background: I trained as a midwife and health visitor and later managed a multi-agency "
        "safeguarding hub. I declare no conflict of interest with the partnership or any of its partner "
        "agencies.\n\n" + BODY
    )
    found = _tagged(nlp, text)
    assert not found & {"health_visiting_records", "multi_agency_working"}
    assert "non_mobile_baby_bruising" in found


def test_a_sentence_in_the_first_person_about_the_case_is_still_content(nlp):
    # only the author's own career is skipped, not what the author says about the case
    text = (
        "Serious Case Review\n\nChild Wren\n\n1. Findings\n\n"
        "1.1 I found that the health visitor was never told that the mother had stopped taking her "
        "antidepressants, although the GP knew.\n"
    )
    assert "health_visiting_records" in _tagged(nlp, text)


# ---- a contents page found by its lines' shape goes on into its entries ----------------------------
def test_a_finding_listed_on_a_contents_page_is_no_theme(nlp):
    text = (
        "Ashmoor Safeguarding Children Board\n\nSerious Case Review: Child Jem\n\n"
        "Introduction 3 Timeline of events 6 The review team 9 Sources of information 11 About the area 12 "
        "Practice episodes 14 Analytical method 20 Finding 1: Practitioners did not hear what the child "
        "was telling them through her behaviour at school\n\n"
        "22\n\n"
        "Finding 2: Multi-agency arrangements in Ashmoor leave early help plans without an owner\n"
    )
    assert "multi_agency_working" not in _tagged(nlp, text)


def test_a_finding_in_the_body_after_its_sentences_is_still_content(nlp):
    text = (
        "3. Findings\n\n"
        "3.1 The practice episodes show a pattern that reaches beyond this family. Practitioners from "
        "different agencies did not agree on who was leading the work.\n\n"
        "Finding 2: Multi-agency arrangements in Ashmoor leave early help plans without an owner\n\n"
        "3.2 Health, schools and children's social care each thought another agency was the lead "
        "professional, and no agency convened a meeting of all of them.\n"
    )
    assert "multi_agency_working" in _tagged(nlp, text)


# ---- a family with no faith of its own -------------------------------------------------------------
def test_no_particular_religion_is_no_race_or_culture_theme(nlp):
    none = _tagged(nlp, "1.3 The family are White British. None of them follows any particular religion or faith.")
    some = _tagged(nlp, "1.3 Practitioners never asked the family how their faith shaped their care of the baby.")
    assert "race_culture_identity" not in none
    assert "race_culture_identity" in some


# ---- a thematic review's title line names its subject ----------------------------------------------
def test_a_national_reviews_subtitle_names_its_theme(nlp):
    text = (
        "Nobody saw it coming\n\n"
        "Safeguarding young people at risk from county lines exploitation\n\n"
        "Contents\n\nForeword 3\n\nMethod 5\n\nKey findings 8\n"
    )
    assert "adolescent_exploitation" in _tagged(nlp, text)


def test_a_boards_name_is_no_thematic_title(nlp):
    text = (
        "Millbrook\n\nSafeguarding Children Board\n\nSerious Case Review\n\nChild Orla\n\nContents\n\nIntroduction 3\n"
    )
    assert _tagged(nlp, text) == set()


# ---- close wordings ---------------------------------------------------------------------------------
def test_a_child_and_parent_placement_is_a_parent_and_child_placement(nlp):
    found = _tagged(
        nlp, "After the birth, Baby Suri and her mother moved to a child and parent foster placement in the city."
    )
    assert "placement_type_mother_baby_foster" in found


def test_legal_action_to_remove_a_child_is_the_legal_process(nlp):
    found = _tagged(nlp, "Eastcombe children's services began legal action to remove the baby from her parents' care.")
    assert "legal_court_process" in found


# ---- whose history of care ---------------------------------------------------------------------------
def test_a_parents_history_of_care_is_care_experience_a_young_persons_is_not(nlp):
    parents = _tagged(nlp, "Tilly's father had a history of care and left his last foster home at seventeen.")
    young_person = _tagged(nlp, "The young person had a long history of care and had lived in four placements.")
    assert "young_care_experienced_parents" in parents
    assert "young_care_experienced_parents" not in young_person


# ---- the statutory test put as a possibility ---------------------------------------------------------
def test_abuse_or_neglect_that_could_be_suspected_is_the_review_criteria(nlp):
    criteria = _tagged(
        nlp,
        "Given the serious injury to Jonah, and because abuse and neglect of Jonah could be suspected, "
        "the partnership decided to commission a review.",
    )
    found = _tagged(nlp, "Jonah was left hungry and unwashed for weeks; the neglect was plain to his teacher.")
    assert "neglect" not in criteria
    assert "neglect" in found


# ---- a baby's age alone does not make a review about vulnerable infants ------------------------------
def test_a_young_babys_age_alone_is_no_vulnerable_infant_theme(nlp):
    age_only = _tagged(nlp, "The police found a three-month-old baby alone in the flat with his older sister.")
    age_and_more = _tagged(
        nlp, "The police found a three-month-old baby, born prematurely at 31 weeks, alone in the flat."
    )
    assert "premature_vulnerable_infant" not in age_only
    assert "premature_vulnerable_infant" in age_and_more


def test_prose_cut_off_at_a_page_end_after_a_contents_page_is_content(nlp):
    # numbers and capitalised names in a sentence a page end cut off are no run of contents entries
    text = (
        "CONTENTS\n\n1. INTRODUCTION\n\n2. FAMILY BACKGROUND\n\n3. KEY EPISODES\n\n"
        "1. INTRODUCTION\n\n"
        "In late May 2019 two brothers, Sibling 1 and Sibling 2, aged 6 and 3 were found by Police Officers "
        "at the home of an aunt after a night of domestic violence between their Mother and her Partner, and "
        "Social Worker SW2 arranged for them to stay with the Grandmother under a plan agreed by the"
    )
    assert "domestic_abuse" in _tagged(nlp, text)

"""Themes on real openings, round seven: causes that recurred across many published reviews.

A reader judged the themes of twenty-one published reviews' openings and summaries (none
quoted here) and sorted each wrong or missed theme by its cause: a cue about the wrong person
(a parent's vulnerability as the baby's, a young woman's sudden death as an infant's), words
every review uses standing for a theme ("partner agencies", "parenting capacity", "universal
services", the Housing Department as a source of information), a mark seen on a child or a
contact arrangement read as the child seen, a parent's criminal sentence as the family court,
a dashed contents sub-entry read as content, and close wordings missing from the taxonomy
(parents "under 18", "a 17-year-old single mother", "unfit for human habitation", "other
boroughs", "not properly considered", "school transition").  Every test uses invented text
in the same shape and checks both sides.  All names, places and facts are fictional.
"""

from __future__ import annotations

from pipeline.themes import tag_text


def _tagged(nlp, text: str) -> set[str]:
    return {t for label in tag_text(text + "\n", nlp) for t in label.theme_ids()}


# ---- whose a cue is -----------------------------------------------------------------------------
def test_a_teenage_parent_in_other_shapes_is_a_young_parent(nlp):
    assert "young_care_experienced_parents" in _tagged(nlp, "Both parents were under 18 when Baby Orla was born.")
    assert "young_care_experienced_parents" in _tagged(
        nlp, "Child Q was a 16-year-old single mother with a baby son of ten weeks."
    )
    assert "young_care_experienced_parents" in _tagged(
        nlp,
        "The midwife knew that a mother who is a child herself, and parents who are children themselves, need help.",
    )


def test_a_teenager_with_a_parent_is_no_young_parent(nlp):
    found = _tagged(nlp, "Jayden, a 15-year-old, lived with his mother and went to the youth club on Fridays.")
    assert "young_care_experienced_parents" not in found


def test_the_vulnerability_of_the_babys_mother_is_not_the_babys(nlp):
    found = _tagged(nlp, "The midwife saw the vulnerability of Baby Finn's mother, who had no family nearby.")
    assert "premature_vulnerable_infant" not in found
    found = _tagged(nlp, "Nobody weighed the vulnerability of the baby, who was born at 31 weeks.")
    assert "premature_vulnerable_infant" in found


def test_the_sudden_death_of_a_young_woman_is_no_infant_death(nlp):
    found = _tagged(nlp, "The panel met after the sudden unexpected death of a woman aged nineteen in Marlby.")
    assert "safe_sleep_sudi" not in found
    assert "safe_sleep_sudi" in _tagged(nlp, "Baby Ada was found lifeless after sharing a sofa with her father.")


# ---- words of any review ------------------------------------------------------------------------
def test_a_mark_seen_on_a_child_or_a_contact_rule_is_no_child_seen(nlp):
    found = _tagged(
        nlp,
        "A small bruise was noticed on Baby 2 at the clinic. Relatives should not have unsupervised "
        "contact with their child on the ward.",
    )
    assert "voice_lived_experience_child" not in found
    found = _tagged(nlp, "Nobody asked for the child's views about what life at home was like.")
    assert "voice_lived_experience_child" in found


def test_universal_services_alone_are_no_health_visiting(nlp):
    assert "health_visiting_records" not in _tagged(
        nlp, "Before the move the Okafor household had contact with universal services and nobody else."
    )
    assert "health_visiting_records" in _tagged(nlp, "The health visitor saw the family twice before the move.")


def test_parenting_capacity_alone_is_no_think_family(nlp):
    found = _tagged(nlp, "The assessment looked at parenting capacity and at the children in the household.")
    assert "think_family_adult_services" not in found
    found = _tagged(nlp, "Adult mental health services never asked about the children in the household.")
    assert "think_family_adult_services" in found


def test_partner_agencies_alone_are_no_multi_agency_working(nlp):
    found = _tagged(nlp, "Leaders should seek assurance from partner agencies about the new bruising policy.")
    assert "multi_agency_working" not in found
    assert "multi_agency_working" in _tagged(nlp, "A strategy meeting was held with police and health.")


def test_a_housing_agency_taking_part_is_no_housing_problem(nlp):
    found = _tagged(nlp, "The Housing Department attended the strategy meeting and was a useful source of information.")
    assert "housing_poverty" not in found
    found = _tagged(
        nlp, "By 2019 the children were sleeping in a damp bedsit the council called unfit for human habitation."
    )
    assert "housing_poverty" in found


def test_a_parents_criminal_sentence_is_no_family_court_process(nlp):
    found = _tagged(nlp, "Both parents were later sentenced at Ashbury Crown Court for child cruelty.")
    assert "legal_court_process" not in found
    found = _tagged(nlp, "The local authority issued care proceedings and the court made an interim care order.")
    assert "legal_court_process" in found


def test_violent_resistance_is_a_kind_of_abuse_not_disengagement(nlp):
    found = _tagged(nlp, "The typology names violent resistance and situational couple violence.")
    assert "service_access_disengagement" not in found
    found = _tagged(nlp, "There was a low level of contact between professionals and the family for two years.")
    assert "service_access_disengagement" in found


# ---- close wordings -------------------------------------------------------------------------------
def test_close_wordings_of_practice_themes(nlp):
    assert "escalation" in _tagged(nlp, "Practitioners showed robust challenge when the case was to be closed.")
    assert "cross_border_out_of_area" in _tagged(
        nlp, "Nobody had agreed how open cases would be handed on when families moved to other boroughs."
    )
    assert "assessment_quality" in _tagged(nlp, "The risk of physical harm to the toddler was not properly considered.")


def test_close_wordings_of_a_childs_needs(nlp):
    found = _tagged(
        nlp, "Commissioners should offer quick access to psychological support for children with long-term illness."
    )
    assert "children_mental_health" in found
    assert "education_not_in_school" in _tagged(
        nlp, "The school transition from primary to secondary school went badly for Kai."
    )


# ---- a dashed contents sub-entry ------------------------------------------------------------------
def test_a_dashed_contents_sub_entry_is_no_content(nlp):
    text = (
        "ASHBURY SAFEGUARDING CHILDREN BOARD\n\nSERIOUS CASE REVIEW AB12\n\nCHILD T\n\nCONTENTS\n\n"
        "1. Introduction 2. Background to the Review 3. The Review Process 4. Findings 5. Multi-Agency "
        "Recommendations\n\n- Partnership Learning Points Annex B Improvement Plan For Agencies\n\n"
        "1. INTRODUCTION\n\n1.1 Child T was three when she was admitted to hospital with burns. Her father "
        "told the nurse that she had pulled a kettle down.\n\n"
        "- The health visitor had not been told that the family had moved.\n"
    )
    found = _tagged(nlp, text)
    assert "multi_agency_working" not in found
    assert "health_visiting_records" in found  # a bulleted point of the body is still content


# ---- round two: causes seen again on the pages kept aside -----------------------------------------
def test_a_plan_status_is_no_care_planning(nlp):
    found = _tagged(nlp, "In his early teens Rhys had been made subject to a child protection plan.")
    assert "care_planning_decision_making" not in found
    found = _tagged(nlp, "The child protection plan was not reviewed when the father moved back in.")
    assert "care_planning_decision_making" in found


def test_a_press_conference_or_a_parents_partners_are_no_multi_agency_working(nlp):
    found = _tagged(nlp, "The agencies no longer hold press conferences when a review is published.")
    assert "multi_agency_working" not in found
    found = _tagged(
        nlp, "Services should consider the partners of parents who use drugs and make a referral if needed."
    )
    assert "multi_agency_working" not in found
    assert "multi_agency_working" in _tagged(nlp, "A child protection conference was held with all partners.")


def test_a_parent_seen_alone_is_no_child_seen(nlp):
    found = _tagged(nlp, "Prescribing services should make sure that the partners of patients are seen alone.")
    assert "voice_lived_experience_child" not in found
    assert "voice_lived_experience_child" in _tagged(nlp, "The boy was never seen alone by his social worker.")


def test_wordings_of_round_two(nlp):
    assert "education_not_in_school" in _tagged(nlp, "Both boys had histories of neglect and school exclusion.")
    assert "education_not_in_school" in _tagged(nlp, "Tyler left education at 14 and spent his days in the park.")
    assert "fathers_invisible_men" in _tagged(nlp, "Keywords for the review were substance misuse and unknown men.")
    found = _tagged(nlp, "Prescribing services did not consider the parenting capacity of the partner.")
    assert "think_family_adult_services" in found
    assert "housing_poverty" not in _tagged(nlp, "At fifteen Leon was used as a money mule by older boys.")


def test_a_span_of_time_names_no_baby(nlp):
    text = "Callum was aged 15. A month before his death he suffered a head injury in a bike crash."
    assert "non_mobile_baby_bruising" not in _tagged(nlp, text)
    assert "non_mobile_baby_bruising" in _tagged(nlp, "At six weeks old Ella was found to have a head injury.")

"""Themes on real openings, round eight: causes that recurred across published reviews.

A reader's gold on forty-four published openings showed three recurring causes of wrong
themes: the criminal side of a case (its trial, charges, "the court heard") and words that
only look like the family court ("judged", a Special Guardianship) taken as legal process; a
parent's own childhood neglect taken as neglect of the child; and the review's outcome and the
board's response (recommendations for all agencies, improvements to its multi-agency work)
taken as practice in the case.  Every test uses invented text in the same shape and checks both
sides.  All names, places and facts are fictional.
"""

from __future__ import annotations

from pipeline.themes import tag_text


def _tagged(nlp, text: str) -> set[str]:
    return {t for label in tag_text(text + "\n", nlp) for t in label.theme_ids()}


# ---- the criminal side of a case is not the family court ---------------------------------------------
def test_criminal_proceedings_and_a_news_trial_are_no_legal_process(nlp):
    assert "legal_court_process" not in _tagged(nlp, "There were no criminal proceedings after Baby Mo died.")
    assert "legal_court_process" not in _tagged(
        nlp, "The court heard that the stepfather had shaken the baby. He was convicted of assault."
    )
    assert "legal_court_process" in _tagged(nlp, "The local authority issued care proceedings in March.")
    assert "legal_court_process" in _tagged(nlp, "The court made an interim care order for Baby Mo.")


def test_judged_and_special_guardianship_are_no_legal_process(nlp):
    found = _tagged(
        nlp,
        "A health visitor judged the baby's progress to be satisfactory. "
        "Special Guardianship with an aunt was discussed but not pursued.",
    )
    assert "legal_court_process" not in found
    assert "legal_court_process" in _tagged(nlp, "The judge granted the placement order at the final hearing.")


# ---- a parent's own childhood --------------------------------------------------------------------
def test_a_parents_childhood_neglect_is_not_the_childs(nlp):
    for text in (
        "The mother said she had experienced neglect in her own childhood.",
        "Her partner had a history of early neglect and several convictions.",
        "The father had been neglected as a child and moved between foster homes.",
        "She spoke of her own upbringing as one of neglect.",
    ):
        assert "neglect" not in _tagged(nlp, text), text
    assert "neglect" in _tagged(nlp, "Baby Pim was neglected: he was often hungry and his nappy was soaked.")
    assert "neglect" in _tagged(nlp, "The health visitor raised concerns about neglect of the three children.")


# ---- the review's outcome and the board's response -----------------------------------------------------
def test_recommendations_for_agencies_and_the_boards_response_are_no_practice(nlp):
    found = _tagged(
        nlp,
        "Each agency was given recommendations, and since then the partners have worked to address the "
        "recommendations. The board has made improvements to its multi-agency work. The agencies "
        "involved have already reviewed their procedures.",
    )
    assert "multi_agency_working" not in found
    found = _tagged(
        nlp,
        "No multi-agency strategy meeting was held after the injury, and the agencies did not work together "
        "on a shared plan.",
    )
    assert "multi_agency_working" in found


# ---- homographs, agency names, a contents page's number columns ----------------------------------------
def test_lying_down_is_no_lie(nlp):
    assert "disguised_compliance" not in _tagged(
        nlp, "The father woke at six and found Baby Rue lying on the sofa beside him, not breathing."
    )
    assert "disguised_compliance" in _tagged(nlp, "The mother was lying to the health visitor about her new partner.")


def test_a_commissioning_group_in_a_list_of_partners_is_no_commissioning_gap(nlp):
    found = _tagged(
        nlp,
        "The statutory partners are Westshire Council, Westshire Police and Westshire Clinical Commissioning Group.",
    )
    assert "organisational_context" not in found


def test_a_contents_page_read_column_by_column_is_no_content(nlp):
    text = (
        "Contents\n\n"
        "Page Glossary 1 Introduction 1.1 Summary 1.2 Terms of Reference 2: 2.1 2.2 2.3 2.4 2.5 3. 3.1 3.2 3.3 "
        "Family History Domestic abuse and parental substance misuse Child sexual exploitation and the "
        "multi-agency response Could the harm to Child Z have been prevented? 1 3 4 4 5 8 9 9 11 12\n\n"
        "1. Introduction\n\n"
        "1.1 Child Z lived with her grandmother in Eastfold and went to the village school.\n"
    )
    found = _tagged(nlp, text)
    assert not found & {"domestic_abuse", "substance_misuse", "adolescent_exploitation", "multi_agency_working"}
    found = _tagged(nlp, "See paragraphs 2.1, 2.2 and 2.3: the mother's drug use and domestic abuse were known.")
    assert {"domestic_abuse", "substance_misuse"} <= found


def test_contents_entries_worded_as_sentences_are_contents(nlp):
    text = (
        "LIST OF CONTENTS\n\n"
        "1\n\nIntroduction\n\n"
        "1.1 Why the partnership held this review.\n\n"
        "2\n\nAnalysis of practice\n\n"
        "2.1 What the review shows about how the agencies responded to domestic abuse in the home.\n\n"
        "2.2 What the review shows about a parent's drinking and the risk it posed to the older boy.\n\n"
        "1. INTRODUCTION\n\n"
        "1.1 Child V was sixteen and lived with his grandmother in Eastfold.\n\n"
        "1.2 His grandmother told the GP in 2019 that Child V's father was drinking heavily and hit her.\n"
    )
    found = _tagged(nlp, text)
    assert "multi_agency_working" not in found
    # the body after the contents page starts again at 1: its numbered sentences are content
    assert {"substance_misuse", "domestic_abuse"} <= found


def test_no_previous_concerns_is_no_history_theme(nlp):
    assert "chronology_history" not in _tagged(
        nlp, "The health visitor had no previous concerns about Baby Tia, and the review found none."
    )
    assert "chronology_history" in _tagged(
        nlp, "Previous concerns about the care of Baby Tia and her brother were not considered when she was seen."
    )


def test_a_list_of_who_was_involved_and_an_agencys_own_review_are_no_practice(nlp):
    found = _tagged(
        nlp,
        "The practitioners working with the family included midwives, health visitors, a GP and a family "
        "support worker. An initial single agency review of the maternity service was completed first.",
    )
    assert "health_visiting_records" not in found and "multi_agency_working" not in found
    assert "health_visiting_records" in _tagged(
        nlp, "The health visitor did not see the baby at the new birth visit, and the GP was not told."
    )


# ---- close wordings and a contrary that reached too far ------------------------------------------------
def test_a_victim_of_domestic_abuse_and_sexual_violence_is_domestic_abuse(nlp):
    assert "domestic_abuse" in _tagged(
        nlp, "Officers had recorded Rhian as a victim of domestic abuse and of a reported sexual assault."
    )
    found = _tagged(nlp, "Jade, 15, was a victim of child sexual exploitation and of knife crime.")
    assert "domestic_abuse" not in found and "adolescent_exploitation" in found


def test_violence_at_home_is_domestic_abuse(nlp):
    assert "domestic_abuse" in _tagged(
        nlp, "The midwife did not ask about the violence at home that the mother had lived with."
    )

"""Guidance in the modal, a board's present work, and the items of a list under a generic or
process lead-in give no theme of the case (pipeline/themes/generic.py).  Fictional text."""

from __future__ import annotations

from pipeline.themes import tag_text
from pipeline.themes.generic import is_generic_review_sentence


def _tagged(nlp, text: str) -> set[str]:
    return {t for label in tag_text(text + "\n", nlp) for t in label.theme_ids()}


def _generic(nlp, sentence: str) -> bool:
    return is_generic_review_sentence(next(iter(nlp(sentence).sents)))


def test_guidance_in_the_modal_is_generic_but_a_past_modal_is_not(nlp):
    assert _generic(nlp, "Such reviews should consider cases where a carer misuses drugs or drinks heavily.")
    assert _generic(nlp, "These reviews must look at how a parent's low mood affected the baby.")
    assert not _generic(nlp, "The review should have asked why the mother's drinking was missed.")


def test_a_board_speaking_of_its_work_now_is_generic(nlp):
    assert _generic(nlp, "The partnership now runs a course on hidden harm for every nursery in Eastfold.")
    assert _generic(nlp, "The partnership reports that respite foster homes are open to teenagers.")
    # what a body says about the past, or an agency of the case in the present, is the case
    assert not _generic(nlp, "The Board is concerned that managers did not challenge the plan in supervision.")
    assert not _generic(nlp, "The partners agree that the neglect should have been recognised far sooner.")
    assert not _generic(nlp, "The local authority has no record of any referral about violence at home.")
    assert not _generic(nlp, "The partnership knew that Mr Orrin Vale drank heavily in 2019.")
    # a recommendation to the board keeps its themes
    assert not _generic(nlp, "The Partnership should ensure that every school knows its escalation policy.")


def test_no_theme_from_guidance_bullets_under_a_colon(nlp):
    text = (
        "Why reviews are held\n\n"
        "The aim of each case review is to:\n\n"
        "• find lessons about how services work between agencies;\n\n"
        "• strengthen supervision and joint working across services.\n\n"
        "Such reviews should include cases where a child lived with violence at home."
    )
    got = _tagged(nlp, text)
    assert not got & {"multi_agency_working", "management_oversight_supervision", "domestic_abuse"}, got


def test_a_bullet_after_a_lone_mark_and_the_case_after_the_list(nlp):
    """The parse may make the bullet a sentence of its own; the item after it is still an item.
    The case told after the list keeps its themes."""
    text = (
        "Since the review\n\n"
        "The recommendations have been acted on through several changes, including:\n\n"
        "•\nIntroducing supervision checklists for team managers in every service;\n\n"
        "• a new joint working protocol between agencies.\n\n"
        "What happened\n\n"
        "Tomasz's father, Mr Ivo Brandt, had a long history of psychosis and was twice detained in hospital."
    )
    got = _tagged(nlp, text)
    assert "management_oversight_supervision" not in got and "multi_agency_working" not in got, got
    assert "parental_mental_health" in got


def test_a_review_documents_name_and_its_audience_give_no_practice_theme(nlp):
    """ "Individual Management Review" names a report to the review (a shield in models/themes.yaml),
    and a briefing produced for "multi agency staff" names its readers (review_process)."""
    text = (
        "About this review\n\n"
        "Each service wrote an Individual Management Review for the panel. "
        "This briefing was written for multi agency staff in Eastfold."
    )
    got = _tagged(nlp, text)
    assert not got & {"management_oversight_supervision", "multi_agency_working", "organisational_context"}, got
    assert "management_oversight_supervision" in _tagged(
        nlp, "The social worker's line manager did not review the case in supervision for six months."
    )

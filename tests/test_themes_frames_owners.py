"""Whose a theme cue is and what noun it hangs on, by the parse (session 10, themes12).

Three causes of wrong themes on published reviews, each decided from the
sentence's structure rather than from the words of the misses:

- the actor of the cue's clause is the review's own people ("the author once ran
  a drug service"): the cue is about the review, unless the verb reports a
  finding ("the panel found that...");
- the cue names the topic of guidance, research or training, with no judgement
  of practice ("a briefing on domestic abuse was circulated");
- the cue names an offence charged or tried ("charges of cruelty and neglect
  were dropped"): not the circumstance the review learns from (a conviction
  is the person's history, and counts);
- "neither parent had any..." denies the circumstance (NegEx's "neither").

All examples are fictional.
"""

from __future__ import annotations

from pipeline.themes import tag_text
from pipeline.themes.frames import Frames


def _ids(labels) -> set[str]:
    return {t for label in labels for t in label.theme_ids()}


# ---- the review's own people --------------------------------------------------------
def test_a_cue_whose_actor_is_the_review_author_gives_no_theme(nlp):
    own = _ids(tag_text("The author of this report once ran a community drug and alcohol service.\n", nlp))
    case = _ids(tag_text("The stepfather once ran up debts buying drugs and alcohol.\n", nlp))
    assert "substance_misuse" not in own
    assert "substance_misuse" in case


def test_a_relative_clause_on_the_panel_chair_gives_no_theme(nlp):
    labels = tag_text(
        "The panel was led by Dr Iveta Norrcombe, who formerly headed a perinatal mental health team.\n", nlp
    )
    assert "parental_mental_health" not in _ids(labels)


def test_what_the_panel_found_is_the_case(nlp):
    labels = tag_text("The panel found that the mother had misused cocaine throughout the pregnancy.\n", nlp)
    assert "substance_misuse" in _ids(labels)


# ---- material and legal-record frames ---------------------------------------------
def test_a_briefing_on_a_topic_is_no_evidence_of_it(nlp):
    topic = _ids(tag_text("A short briefing on domestic abuse was circulated to the panel members.\n", nlp))
    case = _ids(tag_text("Domestic abuse by the father was reported to the police twice.\n", nlp))
    assert "domestic_abuse" not in topic
    assert "domestic_abuse" in case


def test_an_offence_charged_is_not_the_circumstance_but_a_conviction_is_history(nlp):
    charged = _ids(tag_text("Charges of child cruelty and neglect against the grandfather were dropped.\n", nlp))
    convicted = _ids(tag_text("The lodger had two convictions for violence against a former wife.\n", nlp))
    assert "neglect" not in charged
    assert "domestic_abuse" in convicted


def test_frames_climb_noun_phrases_but_not_verbs(nlp):
    doc = nlp("Recent research on neglect was read. The nurse followed guidance while the baby was neglected.")
    frames = Frames(doc)
    first = next(t for t in doc if t.lower_ == "neglect")
    verb = next(t for t in doc if t.lower_ == "neglected")
    assert frames.kind(first.i, first.i + 1) == "material"
    assert frames.kind(verb.i, verb.i + 1) is None


# ---- NegEx "neither" ----------------------------------------------------------------
def test_neither_parent_denies_a_circumstance(nlp):
    denied = _ids(tag_text("Neither carer had any record of drug misuse.\n", nlp))
    stated = _ids(tag_text("Each carer had a record of drug misuse.\n", nlp))
    assert "substance_misuse" not in denied
    assert "substance_misuse" in stated


# ---- more than one place at once ------------------------------------------------------
def test_several_administrative_units_at_once_are_cross_border(nlp):
    several = _ids(tag_text("Over six years the brothers were known to services in three boroughs.\n", nlp))
    topic = _ids(tag_text("One further area for improvement was the quality of referrals.\n", nlp))
    assert "cross_border_out_of_area" in several
    assert "cross_border_out_of_area" not in topic

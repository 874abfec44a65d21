"""Themes and events on real-shaped openings: rules from the fourth development pass.

The rules were motivated by fictional openings written in the shapes of real
published reviews; every test here uses other invented text, and checks both
sides where there are two (the wrong reading stays out, the right one is still
found).  All names, places and dates are fictional.
"""

from __future__ import annotations

import pytest

from pipeline.themes import tag_text
from pipeline.themes.lemmas import lemma_exception_forms
from pipeline.themes.patterns import CompileContext, compile_cue


def _tagged(nlp, text: str) -> set[str]:
    return {t for label in tag_text(text + "\n", nlp) for t in label.theme_ids()}


# ---- themes: a shortfall named outright in a chronology counts there ----------------------
@pytest.mark.parametrize(
    "theme, text",
    [
        (
            "self_report_face_value",
            "4. Chronology of events\n\n4.2 On 3rd May 2019 nursery staff saw a graze on Tamsin's chin. The "
            "explanation was accepted without question.",
        ),
        (
            "health_visiting_records",
            "4. Chronology of events\n\n4.3 On 9th June 2019 the health visitor did not see Tamsin or ask who "
            "lived at the flat.",
        ),
    ],
)
def test_strong_cue_in_chronology_reaches_threshold(nlp, theme, text):
    assert theme in _tagged(nlp, text)


def test_neutral_mention_in_chronology_stays_damped(nlp):
    # a visit told as narrative, no shortfall: one strong cue in a chronology does not make the theme
    text = "4. Chronology of events\n\n4.3 On 9th June 2019 the health visitor called at the flat and weighed Tamsin."
    assert "health_visiting_records" not in _tagged(nlp, text)


def test_moderate_word_in_chronology_stays_damped(nlp):
    # a visit to the GP is narrative in a chronology: one moderate word does not make the theme
    text = "4. Chronology of events\n\n4.4 On 1st July 2019 Tamsin's father took her to the GP with a cough."
    assert "health_visiting_records" not in _tagged(nlp, text)


# ---- themes: a school nurse is not health visiting -----------------------------------------
def test_school_nurse_alone_is_not_health_visiting(nlp):
    text = (
        "5. Findings\n\n5.1 In March 2020 Rowan told the school nurse that he was being bullied and could not "
        "sleep, and the nurse arranged to see him again the following week."
    )
    assert "health_visiting_records" not in _tagged(nlp, text)


def test_health_visitor_still_is(nlp):
    text = "5. Findings\n\n5.2 The health visitor did not see Rowan's younger sister after the family moved."
    assert "health_visiting_records" in _tagged(nlp, text)


# ---- themes: irregular forms come from the lemmatizer's tables -----------------------------
def test_lemmatizer_tables_give_irregular_forms():
    forms = lemma_exception_forms(("verb", "noun"))
    assert {"drank", "drunk"} <= set(forms["drink"])
    assert "teeth" in forms["tooth"]


def test_prefix_cue_takes_its_stems_irregular_forms(nlp):
    ctx = CompileContext(nlp.tokenizer, irregular={"drink": ["drank", "drunk"]})
    words = {w for p in compile_cue("drink*", ctx) for t in p for w in t["LOWER"].get("IN", [])}
    assert {"drank", "drunk"} <= words


@pytest.mark.parametrize(
    "text",
    [
        "2. The family\n\n2.1 Mr Hale drank heavily at weekends and was often asleep when the children came home.",
        "2. The family\n\n2.1 Ms Ode's partner had two convictions for drink driving before they met.",
    ],
)
def test_drinking_told_with_an_irregular_verb(nlp, text):
    assert "substance_misuse" in _tagged(nlp, text)


def test_drank_water_is_no_substance_misuse(nlp):
    text = "2. The family\n\n2.1 Milo drank some water and went back to sleep in his own cot."
    assert "substance_misuse" not in _tagged(nlp, text)

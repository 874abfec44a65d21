"""Themes and events on real-shaped openings: rules from the sixth development pass.

Each rule describes a shape seen on published review openings and partnership pages (the review's
start told with another verb, a lasting state told in passing in a relative clause, a sound or a
bone that cracks); every test uses invented text and checks both sides where there are two (the
wrong reading stays out, the right one is still found).  All names, places and dates are fictional.
"""

from __future__ import annotations

import pytest

from pipeline.themes import tag_text
from test_events_real_shapes import events_of


def _tagged(nlp, text: str) -> set[str]:
    return {t for label in tag_text(text + "\n", nlp) for t in label.theme_ids()}


def _dated(events) -> dict[str, str]:
    return {e.sentence: e.date.isoformat() for e in events if e.date is not None}


# ---- events: the review's start told with another verb -----------------------------------------
@pytest.mark.parametrize("verb", ["implemented", "instigated", "launched"])
def test_a_review_implemented_at_a_date_is_no_event_and_dates_nothing_after_it(tmp_path, nlp, verb):
    text = (
        "1. Introduction\n\n"
        f"1.1 The Fernleigh learning committee {verb} a review of 'Otto' in March 2023. Otto was born at home "
        "and went home to live with his mother. On 4 May 2022 he was taken to hospital with a swollen arm.\n"
    )
    _, events = events_of(tmp_path, nlp, text)
    dated = _dated(events)
    assert "2023-03-01" not in dated.values(), dated
    assert "2022-05-04" in dated.values()


# ---- events: a lasting state told in a relative clause -------------------------------------------
@pytest.mark.parametrize(
    "sentence",
    [
        "Records were also obtained from the county in the north where Bryony lived until 2009.",
        "The mother was supported by the family centre, where she had worked since 2014.",
    ],
)
def test_a_state_in_a_relative_clause_does_not_date_the_sentence(tmp_path, nlp, sentence):
    text = f"1. Introduction\n\n1.1 {sentence} On 3 March 2012 Bryony was seen by the school nurse.\n"
    _, events = events_of(tmp_path, nlp, text)
    dated = _dated(events)
    assert sentence not in dated, dated
    assert dated.get("On 3 March 2012 Bryony was seen by the school nurse.") == "2012-03-03"


def test_a_state_told_as_the_sentence_itself_still_dates_it(tmp_path, nlp):
    text = "2. Background\n\n2.1 In June 2015 the family moved to the flat where his sister had lived since 2012.\n"
    _, events = events_of(tmp_path, nlp, text)
    assert "2015-06-01" in _dated(events).values()


# ---- themes: "crack" the drug is a noun ------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "When Milo was six weeks old his parents heard cracking sounds in his chest and took him to hospital.",
        "The health visitor noticed the cracked window in the bedroom.",
    ],
)
def test_a_crack_that_is_no_drug_is_no_substance_misuse(nlp, text):
    assert "substance_misuse" not in _tagged(nlp, text)


@pytest.mark.parametrize(
    "text", ["The father was a crack user.", "Mother told the midwife she had smoked crack in the past."]
)
def test_crack_the_drug_is_still_substance_misuse(nlp, text):
    assert "substance_misuse" in _tagged(nlp, text)


# ---- events: an instruction to the reader ---------------------------------------------------------
def test_a_link_or_request_to_the_reader_takes_no_date(tmp_path, nlp):
    # a repository's list of reviews: each entry's dated headline, labelled lines, then a link
    text = (
        "Recently added reviews\n\nLast updated: 12 Mar 2021\nReviews added in 2021\n\n"
        "A list of the summaries and full reports of practice reviews published in 2021.\n\n\n"
        "2021 – Eastcombe – Ivy\n\n"
        "Sexual exploitation of a 15-year-old girl from May 2017 to June 2019.\n"
        "Learning: practitioners in several agencies described what happened to her as a lifestyle choice; "
        "the effect of neglect on teenagers is often missed.\n"
        "Recommendations: to make sure that every practitioner understands exploitation and works with the "
        "girl's school and friends.\n"
        "Model: uses a systems model which asks why people acted as they did at the time.\n"
        "Keywords: emotional abuse, grooming, missing children.\n"
        "> Read the overview report\n\n"
        "2021 – Eastcombe – Jack\n\n"
        "Multiple injuries to a 2-year-old boy between March and May 2018. Jack had a broken arm.\n"
        "Please share these findings with your teams.\n"
    )
    _, events = events_of(tmp_path, nlp, text)
    dated = _dated(events)
    assert not [s for s in dated if "Read the overview" in s or "Please share" in s], dated
    assert dated.get("Jack had a broken arm.") == "2018-03-01"


@pytest.mark.parametrize(
    "sentence",
    ["Visit to the home by the health visitor.", "Attended the clinic with a bruise to the cheek."],
)
def test_a_note_style_entry_is_no_instruction(nlp, sentence):
    from pipeline.events.predicate import addresses_the_reader

    assert not addresses_the_reader(nlp(sentence)[:])


# ---- events: a sentence placed at another occasion ------------------------------------------------
def test_a_sentence_placed_after_an_undated_birth_takes_no_date_from_the_death(tmp_path, nlp):
    text = (
        "Death of a four-month-old girl in May 2015 after a fall at home. Following Ada's death her parents "
        "told the police she had been unwell for two days. Following her birth, her parents refused a hearing "
        "test for Ada, which led to a referral to children's services.\n"
    )
    _, events = events_of(tmp_path, nlp, text)
    dated = _dated(events)
    assert not [s for s in dated if s.startswith("Following her birth")], dated
    assert [d for s, d in dated.items() if s.startswith("Following Ada's death")] == ["2015-05-01"]


def test_a_sentence_placed_after_the_occasion_just_dated_goes_on_at_its_date(tmp_path, nlp):
    text = (
        "2. Background\n\n2.1 On 3 March 2016 Kit was admitted to hospital with a burn to his hand. "
        "Following his admission the ward sister rang the police.\n"
    )
    _, events = events_of(tmp_path, nlp, text)
    assert _dated(events).get("Following his admission the ward sister rang the police.") == "2016-03-03"


# ---- events: outside a chronology, "The ..." goes on narrating only when someone acts ---------------
def test_a_finding_opening_with_the_takes_no_date_outside_a_chronology(tmp_path, nlp):
    text = (
        "1. Introduction\n\n1.1 Tilly died in hospital in March 2018, aged seven weeks. The police attended the "
        "home. The mother rang her sister. The cause of her death was found at the post mortem to be a head "
        "injury. Her skull fracture was judged to be some days old. Both parents were arrested.\n"
    )
    _, events = events_of(tmp_path, nlp, text)
    dated = _dated(events)
    assert not [s for s in dated if s.startswith(("The cause of her death", "Her skull fracture"))], dated
    for sentence in ("The police attended the home.", "The mother rang her sister.", "Both parents were arrested."):
        assert dated.get(sentence) == "2018-03-01", (sentence, dated)


# ---- themes: what reviews are, said of reviews in general ---------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "A Local Child Safeguarding Practice Review is a locally conducted multi-agency review in circumstances "
        "where a child has been abused or neglected, resulting in serious harm or death.",
        "Case reviews describe children and young people's experiences of abuse and neglect.",
    ],
)
def test_the_criteria_for_a_review_are_no_theme_of_the_case(nlp, text):
    assert _tagged(nlp, text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "The review found that the children had suffered neglect for many years.",
        "The health visitor saw no sign that Amy was abused or neglected.",
    ],
)
def test_neglect_told_of_the_case_is_still_neglect(nlp, text):
    assert "neglect" in _tagged(nlp, text)


def test_a_sentence_placed_after_a_discharge_goes_on_from_the_admission(tmp_path, nlp):
    text = (
        "2. Background\n\n2.1 On 3 March 2016 Kit's mother was admitted to hospital with a broken wrist. "
        "Following her discharge she telephoned the health visitor.\n"
    )
    _, events = events_of(tmp_path, nlp, text)
    assert _dated(events).get("Following her discharge she telephoned the health visitor.") == "2016-03-03"

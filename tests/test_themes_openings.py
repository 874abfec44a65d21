"""Themes on the openings of real reviews: what a reader judged wrong or missed, and why.

Each rule here was motivated by a real published opening (never quoted); every
test uses invented text worded differently from what motivated the rule, and
checks both sides: the wrong sense stays untagged and the right sense is still
tagged.  All names and facts are fictional.
"""

from __future__ import annotations

import pytest

from pipeline.themes import ThemeTagger, load_taxonomy, tag_text


def _ids(labels) -> set[str]:
    return {t for label in labels for t in label.theme_ids()}


def _tagged(nlp, text: str) -> set[str]:
    return _ids(tag_text(text + "\n", nlp))


# ---- one word, two senses -------------------------------------------------------------
@pytest.mark.parametrize(
    "theme, wrong_sense, right_sense",
    [
        # a noun "enquiries", and "prob*" reading "problem", are no unasked question
        (
            "professional_curiosity",
            "The meetings with the family were not enquiries into blame, and the late bus was not "
            "a problem for the nursery.",
            "The health visitor did not enquire who the man at the door was.",
        ),
        # raising a concern is an ordinary referral; escalation takes it further
        (
            "escalation",
            "The childminder raised her concerns with the duty team the same afternoon.",
            "The school escalated its concerns to the team manager when nothing changed.",
        ),
        # difficulties a child presents are not professional challenge
        (
            "escalation",
            "Kai presented with real challenges at home because of his behaviour and his sleep.",
            "The health visitor challenged the decision to close the case at the review meeting.",
        ),
        # minimising a risk is reducing it
        (
            "over_optimism",
            "A safety plan was written to minimise the risk to both children over the holidays.",
            "Professionals minimised the risk posed by the stepfather's temper.",
        ),
        # a parent's supervision of a child is care, not management oversight
        (
            "management_oversight_supervision",
            "The toddlers were often left without proper supervision and care in the flat.",
            "The social worker had received no supervision from her manager for four months.",
        ),
        # "found dead" says nothing about how a baby slept
        (
            "safe_sleep_sudi",
            "The man who rented the garage was found dead there in March.",
            "Baby R was found unresponsive on the sofa next to her father.",
        ),
        # sexual abuse by strangers is not abuse in the family
        (
            "intrafamilial_sexual_abuse",
            "She had been sexually abused by men she met through an online game.",
            "The girl told her teacher about sexual abuse by her stepfather.",
        ),
        # a debt run up for drugs is not the family's poverty
        (
            "housing_poverty",
            "Leon said he owed money to a dealer for the drugs he had been given.",
            "The family fell behind with the rent and were served with an eviction notice.",
        ),
        # a youth justice service is where a child was known, not exploitation itself
        (
            "adolescent_exploitation",
            "He was supervised by the youth offending team after a shoplifting caution.",
            "He was exploited by a county lines gang and went missing for days at a time.",
        ),
    ],
)
def test_the_wrong_sense_gives_no_theme_and_the_right_one_does(nlp, theme, wrong_sense, right_sense):
    assert theme not in _tagged(nlp, wrong_sense)
    assert theme in _tagged(nlp, right_sense)


def test_violence_and_violent_in_one_paragraph_are_one_mention_not_domestic_abuse(nlp):
    one_family = _tagged(
        nlp, "Nothing in the man's record suggested the violence he later used; he had no violent convictions."
    )
    partner = _tagged(nlp, "He was violent towards his partner whenever he had been drinking.")
    assert "domestic_abuse" not in one_family
    assert "domestic_abuse" in partner


def test_an_age_in_passing_is_no_vulnerable_infant_but_a_young_baby_with_more_is(nlp):
    # a young age said of a baby only supports the theme (a reader of real openings judged "a
    # two month old baby found alone" a neglect review, not one about vulnerable infants)
    passing = _tagged(nlp, "When Isla was six weeks old the family moved to a flat across the river.")
    said_of_a_baby = _tagged(nlp, "Their six-week-old baby was admitted with a chest infection.")
    with_more = _tagged(
        nlp, "Their six-week-old baby, still under the neonatal team, was admitted with a chest infection."
    )
    assert "premature_vulnerable_infant" not in passing
    assert "premature_vulnerable_infant" not in said_of_a_baby
    assert "premature_vulnerable_infant" in with_more


# ---- whose is it ----------------------------------------------------------------------
def test_an_age_phrase_and_a_relative_clause_say_whose_the_overdoses_were(nlp):
    teenager = _tagged(nlp, "The review concerns a 15-year-old girl who had taken several overdoses.")
    mother = _tagged(nlp, "The review concerns a 38-year-old mother who had taken several overdoses.")
    assert "children_mental_health" in teenager and "parental_mental_health" not in teenager
    assert "parental_mental_health" in mother and "children_mental_health" not in mother


def test_children_in_crisis_are_the_childs_mental_health(nlp):
    ids = _tagged(nlp, "Nurses on the ward should be trained to care for teenagers who are in a mental health crisis.")
    assert "children_mental_health" in ids
    assert "parental_mental_health" not in ids


# ---- close wordings and inflections from the taxonomy's data ---------------------------
@pytest.mark.parametrize(
    "theme, text",
    [
        (
            "children_mental_health",
            "At fifteen, the girl had taken her own life after months of worry about her exams.",
        ),
        ("parental_mental_health", "The father told the GP that he wanted to die and could not cope with the baby."),
        ("race_culture_identity", "The family came to England from Romania in 2019 and spoke little English."),
        ("race_culture_identity", "Race and gender shaped how the boys were seen by the officers who stopped them."),
        ("information_sharing", "Communication across the agencies involved with the family was slow and partial."),
        ("neglect", "The children, aged three and five, were left alone overnight in the caravan."),
        ("voice_lived_experience_child", "Nobody listened to the children's wishes about where they wanted to live."),
        ("multi_agency_working", "A multi-professional meeting was never arranged for the family."),
        (
            "service_access_disengagement",
            "Practitioners found it hard to engage the father, who rarely answered calls.",
        ),
        ("domestic_abuse", "The boys' exposure to violence at home was known to their school."),
        (
            "organisational_context",
            "The team was understaffed and morale was low after a year of churn in its workers.",
        ),
    ],
)
def test_a_wording_the_cues_had_missed_is_tagged(nlp, text, theme):
    assert theme in _tagged(nlp, text)


def test_benefits_alone_are_not_poverty_but_benefit_sanctions_are(nlp):
    assert "housing_poverty" not in _tagged(nlp, "The course had many benefits for the parents who attended it.")
    assert "housing_poverty" in _tagged(nlp, "A benefit sanction left the mother with no money for food for a month.")


# ---- sentences about reviews in general ---------------------------------------------------
def test_what_reviews_are_for_gives_no_practice_theme(nlp):
    about_reviews = _tagged(
        nlp,
        "Practice reviews do not decide who is to blame; those are matters for the coroner and "
        "the criminal courts. Every review should help partner agencies to learn together.",
    )
    the_case = _tagged(
        nlp,
        "The partner agencies never held a strategy meeting, and the criminal court granted the "
        "stepfather bail without conditions.",
    )
    assert not {"multi_agency_working", "legal_court_process"} & about_reviews
    assert {"multi_agency_working", "legal_court_process"} <= the_case


def test_a_publication_held_back_by_a_trial_is_the_reviews_process(nlp):
    process = _tagged(nlp, "Publication of the full report was postponed until the criminal proceedings had ended.")
    case = _tagged(nlp, "Care proceedings were issued and the court made an interim care order.")
    assert "legal_court_process" not in process
    assert "legal_court_process" in case


# ---- non-content blocks ---------------------------------------------------------------------
GLUED_CONTENTS = """LEARNING REVIEW

Family Q

Contents

1. Introduction 3
2. The family 4 3. Chronology of key events 5 4. Analysis of agency involvement 9 5. Background history 12 1 Introduction This review concerns the Q children, whose mother left them alone in the house for two days while she visited a friend.
"""  # noqa: E501


def test_contents_entries_glued_before_the_first_paragraph_give_no_theme(nlp):
    labels = tag_text(GLUED_CONTENTS, nlp)
    evidence = [e.text.lower() for label in labels for hit in label.themes for e in hit.evidence]
    assert "chronology_history" not in _ids(labels)
    assert not any("chronology" in e or "history" in e for e in evidence)
    assert "neglect" in _ids(labels)  # the sentence after the entries is still content


COVER_RUN_INTO_CONTENTS = """A thematic review of the response to neglect of teenagers in Brackley. Final Report Lee Fenner May 2021 Contents 1 INTRODUCTION 3 1.1 Context of the review 3 1.2 Domestic abuse and drinking in the home 4 1.3 Episodes of self-harm: March - June 2019 6 2 ANALYSIS 8 2.1 Missing from school and exploitation 9 3 RECOMMENDATIONS 14
"""  # noqa: E501


def test_a_contents_page_run_into_the_cover_line_gives_no_theme(nlp):
    labels = tag_text(COVER_RUN_INTO_CONTENTS, nlp)
    evidence = " ".join(e.text.lower() for label in labels for hit in label.themes for e in hit.evidence)
    for entry_word in ("domestic abuse", "drinking", "self-harm", "missing", "exploitation"):
        assert entry_word not in evidence
    assert "neglect" in _ids(labels)  # the review's own title, before the contents, still names its theme


# ---- the document-level decision ------------------------------------------------------------
OPENING = """The Westmoor Safeguarding Children Partnership commissioned this learning review after Jay, aged
four, was admitted to hospital with burns to both hands. His mother and her partner were arrested.

Jay lived with his mother and two older sisters in a rented house on the edge of the town. The
family had moved there from another county a year earlier, and the girls had changed schools
twice. Neighbours described the children as cheerful and well dressed.

Professionals in the nursery, the GP practice and the housing office all knew the family. The
learning set out below asks whether more could have been known about the home, and the panel
thanks the practitioners who gave their time to a careful analysis of the risk at each stage.

The nursery had noticed that Jay was often tired and that he flinched when adults raised their
voices, and recorded this, but the records were not read together.
"""


def test_one_paragraph_of_supporting_words_does_not_tag_a_document(nlp):
    labels = tag_text(OPENING, nlp)
    assert "assessment_quality" not in _ids(labels)  # "analysis" and "risk" in one sentence only
    sure = OPENING + "\nNo risk assessment was completed when the burns were first seen.\n"
    assert "assessment_quality" in _ids(tag_text(sure, nlp))


def test_the_document_rule_is_data(nlp):
    taxonomy = load_taxonomy().model_copy(deep=True)
    assert taxonomy.scoring.document is not None
    taxonomy.scoring.document = None
    labels = tag_text(OPENING, nlp, tagger=ThemeTagger(taxonomy=taxonomy))
    assert "assessment_quality" in _ids(labels)


def test_a_bullet_tagged_on_its_own_is_no_document(nlp):
    ids = _tagged(nlp, "• A careful analysis of the risk to each child was needed at every review.")
    assert "assessment_quality" in ids


# ---- inflections: spaCy's lemmatizer as the check on the generated forms -----------------------
def _cue_words(taxonomy) -> set[str]:
    """Plain lower-case cue words (no prefix, class, capitals or function words)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    words = set()
    for theme in taxonomy.themes:
        for cue in (c for cues in theme.cues.values() for c in cues):
            for element in cue.split():
                for alt in element.rstrip("?").split("|"):
                    if alt.isalpha() and alt.islower() and alt not in STOP_WORDS and len(alt) > 2:
                        words.add(alt)
    return words


def test_every_inflection_spacy_lemmatises_to_a_cue_word_is_matched(nlp):
    """The matcher compares generated word forms, not LEMMA (a capitalised bullet's
    PROPN keeps its own lemma); spaCy's lemmatizer checks those forms instead: on
    the bundled review, any token whose lemma is a cue word must be one of the
    word's forms (irregular ones come from `irregular_forms` in the taxonomy)."""
    from pathlib import Path

    from pipeline.themes.patterns import CompileContext, variant_map, word_forms
    from pipeline.themes.tagger import _tokenizer

    taxonomy = load_taxonomy()
    ctx = CompileContext(
        _tokenizer(), taxonomy.irregular_forms, {}, taxonomy.scoring.gap, variant_map(taxonomy.variants)
    )
    forms = {w: word_forms(w, ctx) for w in _cue_words(taxonomy)}
    text = (Path(__file__).resolve().parents[1] / "corpus" / "child_e_stockport_2017.txt").read_text(encoding="utf-8")
    unused = [name for name in nlp.pipe_names if name not in ("tok2vec", "tagger", "attribute_ruler", "lemmatizer")]
    with nlp.select_pipes(disable=unused):  # only the lemmas are needed
        doc = nlp(text)
    missed = {
        (t.lemma_.lower(), t.lower_)
        for t in doc
        if t.is_alpha
        and t.tag_ not in ("JJR", "JJS", "RBR", "RBS")
        and t.lemma_.lower() in forms
        and t.lower_ not in forms[t.lemma_.lower()]
    }
    assert not missed

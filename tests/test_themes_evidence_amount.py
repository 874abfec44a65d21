"""How much evidence a theme needs, and which theme a shared word belongs to (pipeline/themes/tagger.py,
`scoring.longer_cue_claims`, `scoring.document.own_words_score` and
`scoring.document.neutral_practice_sentences` in models/themes.yaml).
Fictional text written for these tests."""

from __future__ import annotations

from pipeline.themes import load_taxonomy, tag_text
from pipeline.themes.tagger import CueInfo, ThemeTagger, _claimed

# neutral story text without theme cues, so the whole text is long enough to be a document
FILLER = (
    "Rowan Ashby lived with his grandmother in a small terraced house near the harbour in Kelmsford. "
    "He liked drawing boats and spent most afternoons at the sailing club with his cousin Ferdie. "
    "In the spring he started at a new primary school and made friends quickly with two boys in his class. "
    "His grandmother walked him to the gate every morning and collected him at half past three. "
) * 3


def _themes(nlp, text: str) -> set[str]:
    return {t for label in tag_text(text, nlp) for t in label.theme_ids()}


def _info(theme: str, cue: str) -> CueInfo:
    return CueInfo(theme, "strong", 1.0, cue, False)


def test_a_word_inside_another_themes_longer_cue_counts_for_that_theme_only():
    info = {"a": _info("legal_court_process", "supervision order*"), "b": _info("management", "supervision")}
    found = [("a", 10, 12), ("b", 10, 11)]
    assert _claimed(found, info) == [("a", 10, 12)]


def test_a_gap_cue_or_a_cue_of_the_same_theme_claims_nothing():
    info = {"a": _info("information_sharing", "shar* ... information"), "b": _info("multi_agency", "agencies")}
    assert _claimed([("a", 3, 9), ("b", 5, 6)], info) == [("a", 3, 9), ("b", 5, 6)]
    same = {"a": _info("legal", "care order*"), "b": _info("legal", "order")}
    assert _claimed([("a", 3, 5), ("b", 4, 5)], same) == [("a", 3, 5), ("b", 4, 5)]


def test_a_word_of_a_longer_term_does_not_place_another_theme(nlp):
    text = "Rowan was rude and abusive in class and was referred to the serious youth violence project.\n"
    got = _themes(nlp, text)
    assert "adolescent_exploitation" in got
    assert "domestic_abuse" not in got  # "violence" there is the project's term, not violence at home
    assert "domestic_abuse" in _themes(nlp, "Rowan's father was abusive and violent towards his mother.\n")


def test_supporting_words_do_not_make_a_theme_of_a_document(nlp):
    # "invited" is the theme's own word; "agencies" and "partnership" only support it
    weak = FILLER + "\n\nCouncillors were invited to note the reply that the agencies and the partnership sent.\n"
    assert "multi_agency_working" not in _themes(nlp, weak)
    # two of the theme's own words in the paragraph still make it (told as good practice: a practice
    # theme named in passing is no theme, `neutral_practice_sentences`)
    strong = FILLER + "\n\nThe agencies collaborated well and coordinated their visits to the family.\n"
    assert "multi_agency_working" in _themes(nlp, strong)


# ---- a practice theme named once in passing ------------------------------------------------
PASSING = FILLER + "\n\nIn the autumn a strategy discussion was held about the family.\n"


def test_a_procedure_named_once_in_passing_is_no_practice_theme(nlp):
    assert "multi_agency_working" not in _themes(nlp, PASSING)


def test_a_procedure_told_as_a_shortfall_is_a_practice_theme(nlp):
    text = FILLER + "\n\nNo strategy discussion was held, although the bruise was never explained.\n"
    assert "multi_agency_working" in _themes(nlp, text)


def test_a_procedure_told_in_several_sentences_is_a_practice_theme(nlp):
    text = (
        FILLER
        + "\n\nIn the autumn a strategy discussion was held about the family.\n"
        + "\nA second strategy discussion followed in December.\n"
        + "\nThe last strategy discussion took place in the new year.\n"
    )
    assert "multi_agency_working" in _themes(nlp, text)


def test_a_circumstance_named_once_is_still_a_theme(nlp):
    # the family's circumstances are facts of the case however plainly they are told
    text = FILLER + "\n\nHis grandmother drank heavily in the evenings.\n"
    assert "substance_misuse" in _themes(nlp, text)


def test_a_procedure_named_where_the_review_states_its_learning_is_a_practice_theme(nlp):
    text = "Findings\n\n" + FILLER + "\n\nIn the autumn a strategy discussion was held about the family.\n"
    assert "multi_agency_working" in _themes(nlp, text)
    assert "multi_agency_working" not in _themes(nlp, "Family life\n\n" + PASSING)


def test_the_passing_mention_rule_is_data(nlp):
    taxonomy = load_taxonomy().model_copy(deep=True)
    assert taxonomy.scoring.document is not None
    taxonomy.scoring.document.neutral_practice_sentences = None
    labels = tag_text(PASSING, nlp, tagger=ThemeTagger(taxonomy=taxonomy))
    assert "multi_agency_working" in {t for label in labels for t in label.theme_ids()}

"""The cue matcher (spaCy's PhraseMatcher over cues specialised to a review's words).

Every text here is invented.  The reference for what a cue means is spaCy's
own token `Matcher` over the compiled patterns; the PhraseMatcher route must
find the same (shortest) match of each cue at each start, and a line break
inside a paragraph must not split a cue.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.matcher import Matcher

from pipeline.themes import load_taxonomy, tag_text
from pipeline.themes import matcher as cue_matcher
from pipeline.themes.matcher import CueSet
from pipeline.themes.patterns import CompileContext, compile_cue
from pipeline.themes.tagger import ThemeTagger

TEXT = (
    "The DASH checklist was not completed.  Professionals did not fully explore the Father's role, "
    "and multi agency meetings never escalated the concerns.  EF was not seen; the unexplored "
    "injuries and the parents' rent arrears were noted.  A multi-agency strategy discussion took place."
)


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


def _ctx(blank) -> CompileContext:
    return CompileContext(blank.tokenizer, load_taxonomy().irregular_forms, {"FATHER": ["father", "ef"]})


def _ours(blank, cues: list[str], text: str, soft_breaks: tuple[int, ...] = ()) -> list[str]:
    ctx = _ctx(blank)
    doc = blank(text)
    cues_set = CueSet({f"cue{i}": compile_cue(cue, ctx) for i, cue in enumerate(cues)})
    return [doc[s:e].text for _, s, e in cues_set.matcher(doc, soft_breaks=soft_breaks)()]


def _newline_tokens(blank, text: str) -> tuple[int, ...]:
    return tuple(t.i for t in blank(text) if t.is_space and "\n" in t.text)


def _spacy_shortest(doc, patterns) -> list[tuple[str, int, int]]:
    """What spaCy's token Matcher finds with the unspecialised patterns: the shortest match per cue and start."""
    full = Matcher(doc.vocab)
    for key, alternatives in patterns.items():
        full.add(key, alternatives)
    shortest: dict[tuple[str, int], int] = {}
    for match_id, start, end in full(doc):
        key = (doc.vocab.strings[match_id], start)
        shortest[key] = min(end, shortest.get(key, end))
    return sorted((key, start, end) for (key, start), end in shortest.items())


def test_fixed_cue_found_case_insensitively_across_a_wrapped_line(blank):
    text = "The Domestic\nABUSE was known to the school."
    assert _ours(blank, ["domestic abuse"], text) == []  # the line break is a token of its own
    assert _ours(blank, ["domestic abuse"], text, _newline_tokens(blank, text)) == ["Domestic\nABUSE"]


def test_a_wrapped_line_inside_a_paragraph_does_not_split_a_theme_cue_but_a_blank_line_does(nlp):
    wrapped = tag_text("Findings\n\n- The Domestic\nAbuse in the home was not recognised.\n", nlp)
    evidence = [e.text for label in wrapped for hit in label.themes if hit.id == "domestic_abuse" for e in hit.evidence]
    assert evidence == ["Domestic\nAbuse"]
    apart = tag_text("Findings\n\n- The home was not safe for the domestic\n\nabuse victim or the children.\n", nlp)
    assert not any(hit.id == "domestic_abuse" for label in apart for hit in label.themes)


def test_gap_cue_takes_the_shortest_match_within_the_gap_of_words(blank):
    cue = ["not|n't ... explor*"]
    assert _ours(blank, cue, "The risk was not fully explored.") == ["not fully explored"]
    assert _ours(blank, cue, "It was not explored, nor was it ever explored.") == ["not explored"]
    # more words than the gap allows, or punctuation between, and there is no match
    assert _ours(blank, cue, "It was not at any point in the year explored.") == []
    assert _ours(blank, cue, "It was not. Exploring came later.") == []
    text = "The risk was not fully\nexplored."
    assert _ours(blank, cue, text) == []
    assert _ours(blank, cue, text, _newline_tokens(blank, text)) == ["not fully\nexplored"]


def test_cue_does_not_match_inside_another_word(blank):
    assert _ours(blank, ["rent arrears"], "The parents arrears were noted.") == []
    assert _ours(blank, ["rent arrears"], "Rent arrears were noted.") == ["Rent arrears"]
    assert _ours(blank, ["not|n't ... explor*"], "The injuries were not unexplored.") == []
    assert _ours(blank, ["DASH"], "The DASHBOARD showed a DASH risk score; dash was ignored.") == ["DASH"]


def test_hyphen_optional_words_all_capitals_and_classes(blank):
    assert _ours(blank, ["multi-agency"], TEXT) == ["multi agency", "multi-agency"]
    assert _ours(blank, ["@FATHER ... not|n't|never ... seen"], TEXT) == ["EF was not seen"]
    assert _ours(blank, ["DASH checklist|form"], TEXT) == ["DASH checklist"]
    assert _ours(blank, ["explore ... @FATHER 's? role"], TEXT) == ["explore the Father's role"]


@pytest.mark.parametrize("max_phrases", [2000, 1])
def test_phrase_matcher_route_equals_spacy_matcher(blank, monkeypatch, max_phrases):
    """With few phrases per cue the PhraseMatcher does the work; with MAX_PHRASES=1 most
    cues go to spaCy's token Matcher instead: the same matches either way."""
    monkeypatch.setattr(cue_matcher, "MAX_PHRASES", max_phrases)
    doc = blank(TEXT)
    patterns, _ = ThemeTagger().theme_patterns({"FATHER": ("EF",)})
    got = sorted(CueSet(patterns).matcher(doc)())
    assert len(got) > 10 and got == _spacy_shortest(doc, patterns)


def test_context_and_guard_cues_equal_spacy_matcher_on_the_real_report(child_e_doc):
    tagger = ThemeTagger()
    for cues in (tagger.context_cues(), tagger.guard_cues()):
        expected = _spacy_shortest(child_e_doc, cues.patterns)
        assert expected and sorted(cues.matcher(child_e_doc)()) == expected

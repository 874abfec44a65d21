"""The analyzer as a whole: our recognizers only, no network, no second parse,
one result per stretch of text, and nothing spurious on a real published review."""

from __future__ import annotations

import socket
import warnings

import pytest
import regex
from presidio_analyzer import RecognizerResult

from pipeline.deid.recognizers import (
    PLACEHOLDERS,
    SCORE_THRESHOLD,
    analyze_doc,
    analyze_text,
    build_analyzer,
    engine,
    resolve_overlaps,
)
from pipeline.deid.recognizers.base import RECOGNIZER_CLASSES
from pipeline.deid.recognizers.config import alternation, expand

EXPECTED_PLACEHOLDERS = {
    "NHS_NUMBER": "[NHS_NUMBER]",
    "NI_NUMBER": "[NI_NUMBER]",
    "POSTCODE": "[POSTCODE]",
    "PHONE": "[PHONE]",
    "EMAIL": "[EMAIL]",
    "DATE_OF_BIRTH": "[DATE_OF_BIRTH]",
    "DATE_OF_DEATH": "[DATE_OF_DEATH]",
    "ADDRESS": "[ADDRESS]",
    "SCHOOL": "[SCHOOL]",
    "NURSERY": "[NURSERY]",
    "COMMUNITY_VENUE": "[COMMUNITY_VENUE]",
    "CASE_REF": "[CASE_REF]",
    "SOCIAL_HANDLE": "[SOCIAL_HANDLE]",
    "VEHICLE_REG": "[VEHICLE_REG]",
    "URL": "[URL]",
}

PARAGRAPH = (
    "Kayleigh (DOB 14/03/1998, NHS number 943 476 5919, NI number QQ 12 34 56 C) lived at "
    "Flat 3, 27 Rose Street, Stockport, SK4 1AA. Her mobile was 07700 900123 and her e-mail "
    "kayleigh.s@example.com; she posted as @kayleigh_s98 on Instagram and her page was "
    "<https://www.example.com/kayleigh>. Her son attended Oakwood Academy and her daughter "
    "Little Stars Nursery. Care proceedings (Case No. MA17C00123) followed after a blue Vauxhall "
    "Corsa, registration AB12 CDE, was seen. On 5th June 2017 the social worker visited."
)
PARAGRAPH_EXPECTED = [
    ("DATE_OF_BIRTH", "14/03/1998"),
    ("NHS_NUMBER", "943 476 5919"),
    ("NI_NUMBER", "QQ 12 34 56 C"),
    ("ADDRESS", "Flat 3, 27 Rose Street, Stockport"),
    ("POSTCODE", "SK4 1AA"),
    ("PHONE", "07700 900123"),
    ("EMAIL", "kayleigh.s@example.com"),
    ("SOCIAL_HANDLE", "@kayleigh_s98"),
    ("URL", "https://www.example.com/kayleigh"),
    ("SCHOOL", "Oakwood Academy"),
    ("NURSERY", "Little Stars Nursery"),
    ("CASE_REF", "MA17C00123"),
    ("VEHICLE_REG", "AB12 CDE"),
]


class CountingNlp:
    """A spaCy pipeline stand-in that counts how often text is parsed."""

    def __init__(self, nlp):
        self._nlp = nlp
        self.calls = 0

    def __call__(self, text, *args, **kwargs):
        self.calls += 1
        return self._nlp(text, *args, **kwargs)

    def pipe(self, texts, *args, **kwargs):
        for text in texts:
            self.calls += 1
            yield self._nlp(text)

    def __getattr__(self, name):
        return getattr(self._nlp, name)


def parse(nlp, text):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return nlp(text)


def test_placeholders_cover_every_type():
    assert PLACEHOLDERS == EXPECTED_PLACEHOLDERS


def test_registry_holds_only_our_recognizers(analyzer):
    ours = tuple(RECOGNIZER_CLASSES.values())
    assert all(isinstance(r, ours) for r in analyzer.registry.recognizers)
    assert len(analyzer.registry.recognizers) == len(PLACEHOLDERS)
    assert set(analyzer.get_supported_entities()) == set(PLACEHOLDERS)


def test_paragraph_with_every_type(nlp, analyzer):
    results = analyze_doc(analyzer, parse(nlp, PARAGRAPH))
    assert [(r.entity_type, PARAGRAPH[r.start : r.end]) for r in results] == PARAGRAPH_EXPECTED


def test_analyze_doc_does_not_parse_again(nlp):
    counting = CountingNlp(nlp)
    analyzer = build_analyzer(counting)
    doc = parse(counting, PARAGRAPH)
    assert counting.calls == 1
    results = analyze_doc(analyzer, doc)
    assert counting.calls == 1
    assert len(results) == len(PARAGRAPH_EXPECTED)
    assert analyzer.nlp_engine.artifacts_from_doc(doc).tokens is doc


def test_analyzer_uses_the_loaded_pipeline(nlp, analyzer):
    assert analyzer.nlp_engine.get_nlp("en") is nlp


def test_works_with_sockets_blocked(nlp, monkeypatch):
    def no_network(*args, **kwargs):
        raise OSError("network access attempted")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    engine._cached_analyzer.cache_clear()  # build from scratch, offline
    analyzer = build_analyzer(nlp)
    text = "Write to jo.bloggs@example.org.uk or see https://www.example.co.uk/page and example.gov.uk/x."
    found = [(r.entity_type, text[r.start : r.end]) for r in analyze_doc(analyzer, parse(nlp, text))]
    assert found == [
        ("EMAIL", "jo.bloggs@example.org.uk"),
        ("URL", "https://www.example.co.uk/page"),
        ("URL", "example.gov.uk/x"),
    ]


def test_build_analyzer_is_cached_per_pipeline_and_entities(nlp):
    assert build_analyzer(nlp) is build_analyzer(nlp)
    assert build_analyzer(nlp, ["URL", "EMAIL"]) is build_analyzer(nlp, ["EMAIL", "URL"])
    assert build_analyzer(nlp, ["URL"]) is not build_analyzer(nlp)


def test_entities_restrict_the_recognizers_and_results(nlp):
    only_phone = build_analyzer(nlp, ["PHONE"])
    assert only_phone.get_supported_entities() == ["PHONE"]
    results = analyze_doc(only_phone, parse(nlp, PARAGRAPH))
    assert [(r.entity_type, PARAGRAPH[r.start : r.end]) for r in results] == [("PHONE", "07700 900123")]
    full = build_analyzer(nlp)
    restricted = analyze_doc(full, parse(nlp, PARAGRAPH), entities=["POSTCODE", "EMAIL"])
    assert {r.entity_type for r in restricted} == {"POSTCODE", "EMAIL"}


def test_unknown_entity_is_refused(nlp):
    with pytest.raises(ValueError, match="PASSPORT"):
        build_analyzer(nlp, ["PASSPORT"])


def test_score_threshold_lets_weak_shapes_through_only_when_lowered(nlp, analyzer):
    doc = parse(nlp, "Code A123 BCD was printed on the leaflet.")
    assert analyze_doc(analyzer, doc) == []
    weak = analyze_doc(analyzer, doc, score_threshold=0.1)
    assert [(r.entity_type, doc.text[r.start : r.end]) for r in weak] == [("VEHICLE_REG", "A123 BCD")]
    assert all(r.score < SCORE_THRESHOLD for r in weak)


def test_analyze_text_convenience(nlp):
    results = analyze_text("Ring her on 07700 900456 after 5pm.", nlp=nlp)
    assert [(r.entity_type, r.start, r.end) for r in results] == [("PHONE", 12, 24)]


def test_overlaps_keep_the_higher_score_then_the_longer_span():
    def result(entity, start, end, score):
        return RecognizerResult(entity, start, end, score)

    kept = resolve_overlaps(
        [
            result("PHONE", 0, 12, 0.6),
            result("NHS_NUMBER", 0, 12, 1.0),
            result("ADDRESS", 20, 40, 0.7),
            result("POSTCODE", 30, 37, 0.7),
            result("URL", 50, 60, 0.9),
            result("EMAIL", 45, 60, 0.9),
        ]
    )
    assert [(r.entity_type, r.start, r.end) for r in kept] == [
        ("NHS_NUMBER", 0, 12),
        ("ADDRESS", 20, 40),
        ("EMAIL", 45, 60),
    ]


def test_list_references_expand_longest_first():
    """The longest entry wins wherever entries share a start, a space matches any run of whitespace, and the
    list is one group whatever quantifier follows it (the alternation is written as a trie)."""
    group = alternation(["Nursery", "Day Nursery", "Day", "Daycare", "St. Jude's"])
    assert regex.search(group, "at the Day  Nursery on").group(0) == "Day  Nursery"
    assert regex.search(group, "the Daycare unit").group(0) == "Daycare"
    assert regex.search(group, "on Day one").group(0) == "Day"
    assert regex.search(group, "St. Jude's").group(0) == "St. Jude's"
    assert regex.search(group, "St X Jude's") is None  # an escaped full stop is no wildcard
    assert regex.fullmatch(f"x{group}?y", "xy") and regex.fullmatch(f"x{group}?y", "xDay Nurseryy")
    assert regex.fullmatch(expand("x<<a>>y", {"a": ["b", "bc"]}), "xbcy")
    with pytest.raises(KeyError, match="missing"):
        expand("<<missing>>", {})


def test_real_review_has_only_its_footnote_urls(child_e_doc, analyzer):
    """A published, anonymised review: towns, agencies, hospitals, event dates and
    role codes stay; the only structured identifiers are its reference links."""
    text = child_e_doc.text
    results = analyze_doc(analyzer, child_e_doc)
    assert {r.entity_type for r in results} == {"URL"}
    assert len(results) == text.count("http")
    for r in results:
        url = text[r.start : r.end]
        assert url.startswith(("http://", "https://"))
        assert not url.endswith((">", ")", "]", ".", ","))


def test_artifacts_match_presidios_own_conversion(nlp, analyzer):
    """The fast Doc -> NlpArtifacts path gives Presidio what its engine would."""
    from presidio_analyzer.nlp_engine import SpacyNlpEngine

    doc = parse(nlp, PARAGRAPH + "\nThe carers' note: ring: 0161 496 0000.")
    ours = analyzer.nlp_engine.artifacts_from_doc(doc)
    theirs = SpacyNlpEngine._doc_to_nlp_artifact(analyzer.nlp_engine, doc, "en")
    assert ours.tokens_indices == theirs.tokens_indices
    assert ours.lemmas == theirs.lemmas
    assert list(ours.keywords) == theirs.keywords
    assert ours.entities == []


def test_match_token_lookup_agrees_with_presidio(nlp):
    from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer

    doc = parse(nlp, "Call  07700 900123 (mobile) or e-mail jo@example.org.\n\nThanks")
    indices = [t.idx for t in doc]
    for start in range(len(doc.text)):
        assert engine.DocContextEnhancer._find_index_of_match_token("", start, doc, indices) == (
            LemmaContextAwareEnhancer._find_index_of_match_token("", start, doc, indices)
        ), start


def test_works_on_a_pipeline_without_lemmas_or_ner():
    """`--model` may name any pipeline; a bare tokenizer still gets structured identifiers."""
    import spacy

    blank = spacy.blank("en")
    results = analyze_doc(build_analyzer(blank), blank(PARAGRAPH))
    found = [(r.entity_type, PARAGRAPH[r.start : r.end]) for r in results]
    assert ("NHS_NUMBER", "943 476 5919") in found
    assert ("POSTCODE", "SK4 1AA") in found
    assert ("DATE_OF_BIRTH", "14/03/1998") in found


@pytest.mark.parametrize(
    "sentence",
    [
        "Northshire County Council, Northtown Metropolitan Borough Council and Westbury Police shared information.",
        "Child K was taken to Riverside General Hospital and then to St James's University Hospital in Leeds.",
        "The Multi-Agency Safeguarding Hub (MASH), CAMHS, Cafcass and the Probation Service attended.",
        "Northshire Safeguarding Children Partnership commissioned the review under Working Together 2018.",
        "The family moved from Bradford to Halifax and then to Upper Hadley in West Yorkshire.",
        "On 12th March 2019 the health visitor saw the baby, then aged 6 weeks, at the Children's Centre.",
    ],
)
def test_agencies_places_and_event_dates_are_not_identifiers(find, sentence):
    assert find(sentence) == []


@pytest.mark.parametrize("text", ["", "   \n\n", "No identifiers here."])
def test_empty_and_clean_texts(nlp, text):
    assert analyze_text(text, nlp=nlp) == []


def test_a_context_word_that_spacy_calls_a_stop_word_still_lifts_a_match(find):
    """spaCy lists "move" and "call" as stop words; a recognizer that names them keeps them."""
    assert ("ADDRESS", "Larkspur Court") in find("She moved to Larkspur Court with the baby.")
    assert find("She walked past Larkspur Court with the baby.", "ADDRESS") == []

"""An address and the postcode written straight after it are one identifier for pseudonymise
(`join_adjacent`, engine.yaml `join_after`)."""

from __future__ import annotations

from presidio_analyzer import RecognizerResult

from pipeline.deid.recognizers import analyze_text, join_adjacent


def _types(text: str) -> list[tuple[str, str]]:
    return [(r.entity_type, text[r.start : r.end]) for r in join_adjacent(analyze_text(text), text)]


def test_address_then_postcode_is_one_address():
    text = "The family moved to 9 Quillet Row, Harnby, Dunmoor DM4 7QE in the spring."
    assert ("ADDRESS", "9 Quillet Row, Harnby, Dunmoor DM4 7QE") in _types(text)
    assert not any(t == "POSTCODE" for t, _ in _types(text))


def test_postcode_alone_or_on_another_line_stays_a_postcode():
    text = "She gave the postcode DM4 7QE only.\n\n4 Tansy Walk, Harnby\nDM4 7QF"
    types = _types(text)
    assert ("POSTCODE", "DM4 7QE") in types
    assert ("POSTCODE", "DM4 7QF") in types  # a line break between: the join is not made


def test_join_takes_only_a_comma_and_spaces_between():
    text = "4 Tansy Walk and DM4 7QF"
    results = [RecognizerResult("ADDRESS", 0, 12, 0.7), RecognizerResult("POSTCODE", 17, 24, 0.9)]
    assert [r.entity_type for r in join_adjacent(results, text)] == ["ADDRESS", "POSTCODE"]
    results = [RecognizerResult("ADDRESS", 0, 12, 0.7), RecognizerResult("POSTCODE", 14, 21, 0.9)]
    joined = join_adjacent(results, "4 Tansy Walk, DM4 7QF")
    assert [(r.entity_type, r.start, r.end) for r in joined] == [("ADDRESS", 0, 21)]

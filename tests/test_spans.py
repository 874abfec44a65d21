"""The one overlap resolver (pipeline/spans.py) under the precedence policies its callers pass."""

from __future__ import annotations

import random
from dataclasses import replace

from pipeline.spans import OverlapIndex, Span, SpanIndex, merge_overlapping, overlaps, overlaps_any, resolve_overlaps

RANK = {"info": 0, "low": 1, "medium": 2, "high": 3}


def by_severity(s: Span):
    return (-RANK[s.severity or "info"], -s.length, s.start)


def test_more_severe_wins_then_longer():
    name = Span(10, 20, "NAME", severity="medium")
    postcode = Span(15, 22, "POSTCODE", severity="high")
    quasi = Span(0, 30, "QUASI_BIRTH", severity="low")
    kept = resolve_overlaps([name, postcode, quasi], key=by_severity)
    assert kept == [postcode]
    wide = Span(8, 24, "NAME", severity="high")
    assert resolve_overlaps([postcode, wide], key=by_severity) == [wide]  # same severity: the longer


def test_result_is_sorted_and_non_overlapping_whatever_the_input_order():
    rng = random.Random(7)
    spans = [Span(s, s + rng.randint(1, 9), "X", score=rng.random()) for s in (rng.randint(0, 200) for _ in range(300))]
    kept = resolve_overlaps(spans, key=lambda s: -s.score)
    assert kept == sorted(kept, key=lambda s: (s.start, s.end))
    assert all(a.end <= b.start for a, b in zip(kept, kept[1:], strict=False))
    # greedy: every dropped span overlaps a kept one at least as good
    for s in spans:
        if s not in kept:
            assert any(overlaps(s, k) and -k.score <= -s.score for k in kept)


def test_touching_spans_do_not_clash_and_equal_keys_keep_input_order():
    a, b = Span(0, 5, "A"), Span(5, 9, "B")
    assert resolve_overlaps([b, a], key=lambda s: 0) == [a, b]
    first, second = Span(3, 7, "FIRST"), Span(4, 8, "SECOND")
    assert resolve_overlaps([first, second], key=lambda s: 0) == [first]
    assert resolve_overlaps([second, first], key=lambda s: 0) == [second]


def test_on_clash_trims_the_loser_to_what_is_left():
    """Pseudonymise's policy: a known name beats an unknown one, whose rest is kept ("Jo Bloggs" -> "EM [PERSON-1]")."""
    known = Span(0, 4, "PERSON", source="known")
    unknown = Span(0, 10, "PERSON_UNKNOWN", source="unknown")
    priority = {"known": 2, "unknown": 1}

    def trim(cand: Span, clash: list) -> Span | None:
        end = max(c.end for c in clash)
        return replace(cand, start=end + 1) if end + 1 < cand.end else None

    kept = resolve_overlaps([unknown, known], key=lambda s: (-priority[s.source], -s.length), on_clash=trim)
    assert [(s.start, s.end, s.source) for s in kept] == [(0, 4, "known"), (5, 10, "unknown")]
    assert resolve_overlaps([unknown, known], key=lambda s: (-priority[s.source], -s.length)) == [known]


def test_an_earlier_pass_is_respected():
    taken = SpanIndex()
    email = Span(0, 20, "EMAIL")
    resolve_overlaps([email], key=lambda s: 0, into=taken)
    name = Span(0, 4, "PERSON")
    after = Span(25, 30, "PERSON")
    assert resolve_overlaps([name, after], key=lambda s: 0, into=taken) == [email, after]


def test_span_index_finds_every_overlap():
    index = SpanIndex()
    for s in (Span(0, 3, "A"), Span(5, 8, "B"), Span(10, 12, "C")):
        index.add(s)
    assert {s.type for s in index.overlapping(2, 11)} == {"A", "B", "C"}
    assert index.overlapping(3, 5) == []
    assert [s.type for s in index.overlapping(7, 8)] == ["B"]


def test_merge_joins_overlapping_proposals_and_keeps_apart_ones():
    def join(a: Span, b: Span) -> Span:
        rules = "+".join(sorted({*a.rule.split("+"), b.rule}))
        return replace(a, end=max(a.end, b.end), rule=rules, score=max(a.score, b.score))

    proposals = [
        Span(4, 6, "NAME", rule="ner", score=0.5),
        Span(0, 5, "NAME", rule="title", score=0.7),
        Span(6, 9, "NAME", rule="gazetteer", score=0.4),
    ]
    merged = merge_overlapping(proposals, join)
    assert [(m.start, m.end, m.rule, m.score) for m in merged] == [(0, 6, "ner+title", 0.7), (6, 9, "gazetteer", 0.4)]


def test_any_object_with_offsets_can_be_resolved():
    """Presidio's RecognizerResult and pseudonymise's Replacement go through the same resolver."""
    from presidio_analyzer import RecognizerResult

    phone = RecognizerResult("PHONE", 0, 11, 0.6)
    nhs = RecognizerResult("NHS_NUMBER", 0, 12, 1.0)
    assert resolve_overlaps([phone, nhs], key=lambda r: -r.score) == [nhs]


def test_overlap_index_answers_as_overlaps_any_for_spans_that_overlap_each_other():
    rng = random.Random(11)
    pairs = [(s, s + rng.randint(0, 12)) for s in (rng.randint(0, 300) for _ in range(200))]
    index = OverlapIndex(pairs)
    for _ in range(2000):
        start = rng.randint(-5, 320)
        end = start + rng.randint(0, 15)
        assert index.overlaps(start, end) == overlaps_any(pairs, start, end)
    assert not OverlapIndex([]).overlaps(0, 10)

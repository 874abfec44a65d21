"""Issue 12, identifier shapes by class: a reference after a verb label or "quoting", a body's letters with the
year and a short serial, an operation's name written with its reference, education providers named by a GIAS
establishment type or an alternative-provision head word, a saint's name before "Primary", and schools named in
another language (institution word first, particles inside).  All invented."""

from __future__ import annotations

import pytest

from pipeline.deid.recognizers import analyze_text


def _found(text: str) -> list[tuple[str, str]]:
    return [(r.entity_type, text[r.start : r.end]) for r in analyze_text(text)]


@pytest.mark.parametrize(
    "text, kind, value",
    [
        ("The crime ref issued was 52-118840-23 on the day.", "CASE_REF", "52-118840-23"),
        ("Write to the business unit quoting HXSCP/LCSPR/2025/11.", "CASE_REF", "HXSCP/LCSPR/2025/11"),
        ("Please quote TVYOS-SIR-2022-04b in any reply.", "CASE_REF", "TVYOS-SIR-2022-04b"),
        ("It is part of Op. MARIGOLD / 31QT/0457/22 still.", "CASE_REF", "Op. MARIGOLD / 31QT/0457/22"),
        ("under Operation Sorrel, ref 17HJ/9920/24, the", "CASE_REF", "Operation Sorrel, ref 17HJ/9920/24"),
        ("He moved to Brackenfold Pupil Referral Unit in May.", "SCHOOL", "Brackenfold Pupil Referral Unit"),
        ("She has a place at The Lantern Tuition Centre now.", "SCHOOL", "The Lantern Tuition Centre"),
        ("He left Ferrymoor UTC after one term.", "SCHOOL", "Ferrymoor UTC"),
        ("She was at St Odo's Vale Primary until 2021.", "SCHOOL", "St Odo's Vale Primary"),
        ("In Portugal she attended Escola Básica do Vale Sereno.", "SCHOOL", "Escola Básica do Vale Sereno"),
        ("He went to Rue des Lilas Primary School.", "SCHOOL", "Rue des Lilas Primary School"),
    ],
)
def test_shapes_are_found(text, kind, value):
    assert (kind, value) in _found(text)


@pytest.mark.parametrize(
    "text",
    [
        "The trafficking inquiry was known as Operation Birchwood.",  # an operation named alone
        "An Operation Encompass notification reached the school.",  # a national scheme
        "The Learning Centre at the hospital has a library.",  # a head word with no name
    ],
)
def test_no_reference_or_school_without_a_name(text):
    assert [k for k, _ in _found(text) if k in ("CASE_REF", "SCHOOL")] == []


@pytest.mark.parametrize(
    "text, wrong",
    [
        ("Mum told Dad a Westfield College place was offered.", "Dad a Westfield College"),  # English 'a' joins nothing
        ("She took Spanish classes at the Instituto Cervantes.", "Instituto Cervantes"),  # an institute, no school
    ],
)
def test_a_school_name_does_not_swallow_the_words_before_it(text, wrong):
    assert ("SCHOOL", wrong) not in _found(text)

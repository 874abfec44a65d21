"""Anchored patterns (pipeline/deid/recognizers/anchored.py): tried only near their anchor words, they find
exactly what the pattern finds over the whole text.  Invented sentences and names only."""

from __future__ import annotations

import regex

from pipeline.deid.recognizers.anchored import AnchoredRegex
from pipeline.deid.recognizers.config import _anchor, alternation, engine_config

TEXTS = [
    "Tamsin attended St. Aldric's C of E Primary School until Year 4, then Brackenholt Academy.",
    "She moved to Oriel Vale High School.  Her brother stayed at Quillon Primary; the school said little.",
    "The family worshipped at the Greyfell Road Methodist Church and at Noor-ul-Huda Mosque on Fridays.",
    "Ms Petronelle Askew, the head of Hallow Lane Infants, rang the Fernlea Community Centre about the club.",
    "He lived at Flat 2, Larchmere Cottage, Willowby Lane, Dunmere, and then at Tŷ Gwyn with his aunt.",
    "Kestrel Day Nursery, Ambledown (a nursery in the town) and Little Wrens Nursery shared one building.",
    "Lowercase school words only: the primary school, the nursery and the church hall were all closed.",
    "A list: St Oren's RC Primary, Harrowgate Pupil Referral Unit, the Selwyn Learning Centre.\nSchool",
    "Names over a line break: Thornbury Heath\nCommunity Primary School, and Calder-Brook\n\nAcademy.",
    "Nothing to find here at all: 12 March 2021, 07700 900123, (see above) and the report's summary.",
]


def _anchored_patterns(analyzer) -> list[tuple[str, AnchoredRegex]]:
    return [
        (p.name, p.compiled_regex)
        for rec in analyzer.registry.recognizers
        for p in getattr(rec, "patterns", None) or ()
        if isinstance(p.compiled_regex, AnchoredRegex)
    ]


def test_anchored_patterns_are_in_use(analyzer):
    names = {name for name, _ in _anchored_patterns(analyzer)}
    assert {"named_school", "named_venue_weak", "named_nursery", "named_house"} <= names


def test_anchored_patterns_find_what_the_whole_text_scan_finds(analyzer):
    text = "\n\n".join(TEXTS)
    found_any = False
    for name, anchored in _anchored_patterns(analyzer):
        for sample in [*TEXTS, text]:
            gated = [m.span() for m in anchored.finditer(sample)]
            assert gated == [m.span() for m in anchored.compiled.finditer(sample)], name
            found_any = found_any or bool(gated)
    assert found_any


def test_a_match_far_from_the_text_start_is_found_after_earlier_matches():
    anchored = AnchoredRegex(
        regex.compile(r"(?=[A-Z])(?<![\w\-])[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}\s+" + alternation(["School", "Hall"])),
        alternation(["School", "Hall"]),
        str(engine_config()["anchor_reach"]),
        ignore_case=False,
    )
    text = "x " * 500 + "Brindle Oak School and Marrow Hall; then (Quent Hall)"
    assert (
        [m.group(0) for m in anchored.finditer(text)]
        == [m.group(0) for m in anchored.compiled.finditer(text)]
        == ["Brindle Oak School", "Marrow Hall", "Quent Hall"]
    )


def test_a_list_before_the_anchor_with_other_characters_turns_the_anchor_off():
    pattern = {"name": "p", "regex": "<<names>>\\s+<<heads>>", "anchor": "heads"}
    assert _anchor(pattern, {"names": ["Oak", "Elm Tree"], "heads": ["School"]}) is not None
    assert _anchor(pattern, {"names": ["Oak (Upper)"], "heads": ["School"]}) is None

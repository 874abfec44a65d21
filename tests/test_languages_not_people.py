"""Languages a family speaks are not people (models/names/not_people.yaml `languages`); invented sentences."""

from __future__ import annotations

import pytest

from pipeline.deid.names.unknown import find_unknown_names
from pipeline.nlp import parse


@pytest.mark.parametrize(
    "text, word",
    [
        ("She speaks Darija (Moroccan Arabic) and French, with some English.", "Darija"),
        ("Leaflets were offered in Arabic (including Darija) and French.", "Darija"),
        ("The interpreter spoke Tamazight and Sindhi.", "Sindhi"),
    ],
)
def test_a_language_is_no_person(nlp, text, word):
    found = [c.text for c in find_unknown_names(parse(text, nlp, ["CM"]))]
    assert not any(word in f for f in found), found

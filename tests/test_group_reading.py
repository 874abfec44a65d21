"""A word in apposition to a group noun is the group only where the apposition closes ("her language, Rai,",
"her clan (Rai)"); a name after an opening phrase ("Within the Kurdish community, Soran is known as ...") is the
person.  Invented sentences."""

from __future__ import annotations

import pytest

from pipeline.deid.names.groups import GROUP, group_reading


def _reading(text: str, word: str):
    start = text.index(word)
    return group_reading(text, start, start + len(word))


@pytest.mark.parametrize(
    "text",
    [
        "Her grandmother's language, Tamang, is not written.",
        "The family belong to a small clan (Tamang) from the hills.",
        "Services rarely met her community, Tamang.",
    ],
)
def test_a_closed_apposition_to_a_group_noun_is_the_group(text):
    assert _reading(text, "Tamang") == GROUP


@pytest.mark.parametrize(
    "text",
    [
        "Within the Kurdish community, Soran is known as a careful father.",
        "Across the wider community, Soran said he felt watched.",
        "The interpreter spoke Kurmanji rather than Sorani, and Shirin ended up interpreting.",
    ],
)
def test_a_name_after_an_opening_phrase_is_the_person(text):
    assert _reading(text, "Shirin" if "Shirin" in text else "Soran") is None

"""Re-joining hard-wrapped lines keeps numbered paragraphs apart (fictional text).

A converted PDF drops a paragraph's full stop now and then ("... a rare illness" with nothing after
it); in a transcript that sets a blank line after every line, the next line opening with the next
paragraph number is still a paragraph of its own, not a wrapped line of the one before.
"""

from __future__ import annotations

from pipeline.ingest.layout import clean_plain_text, numbers_next

PAGE = [
    "2.1 Holly was born at home in the spring and was seen by the midwife on the same day, who",
    "found her well and arranged for the health visitor to call at the end of the following week.",
    "2.2 Holly's mother told the health visitor that she had moved to the town the year before, that",
    "she knew nobody in the street and that her own family lived a long way north of the river",
    "2.3 The health visitor wrote to the family doctor to ask for the mother's records, which had not",
    "arrived when the health visitor called again and found the baby asleep in her pram outside.",
]


def test_a_numbered_paragraph_that_lost_its_stop_does_not_swallow_the_next():
    cleaned = clean_plain_text("\n\n".join(PAGE))  # a transcript: a blank line after every line
    paragraphs = [p for p in cleaned.split("\n") if p.strip()]
    assert [p[:3] for p in paragraphs] == ["2.1", "2.2", "2.3"]
    assert "who found her well" in paragraphs[0]


def test_the_numbers_that_follow_a_paragraph_number():
    assert numbers_next("1.3 Baby D was seen", "1.4 The nurse rang")
    assert numbers_next("1.3 Baby D was seen", "1.3.1 The nurse rang")
    assert numbers_next("1.3 Baby D was seen", "2. The family")
    assert numbers_next("1.3 Baby D was seen", "2.1 The family")
    assert not numbers_next("1.3 Baby D was seen", "1.6 The nurse rang")
    assert not numbers_next("Baby D was seen on", "1.4 The nurse rang")
    assert not numbers_next("1.3 Baby D was seen by", "3 Health Visitors")

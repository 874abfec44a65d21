"""A nursery or school found by its full name is the same setting where an e-mail header names it as the sender
with its town ("From: Tiny Oaks Wexham <office@...>"): the display name is one sender's name, so the words up to
the address are the setting's.  Fictional draft and key."""

from __future__ import annotations

import pytest

from pseudonymise_text import code_text

DRAFT = """Rapid Review: Child Q

2.1 Child Q attended Tiny Oaks Day Nursery three mornings a week while his mother, Nessa Varga, worked.
2.2 The nursery wrote to the review:

> **From:** Tiny Oaks Wexham <office@tinyoaks-wexham.example>
> Child Q attended Tiny Oaks on Mondays. Wexham Road was closed that week.
"""
KEY = {"people": [{"code": "QM", "role": "Child Q's mother", "names": ["Nessa Varga", "Nessa"]}]}


@pytest.fixture(scope="module")
def coded(tmp_path_factory, nlp, analyzer):
    return code_text(tmp_path_factory.mktemp("draft"), DRAFT, KEY, nlp, analyzer)


def test_the_sender_name_with_its_town_is_the_nursery(coded):
    assert "**From:** [NURSERY] <[EMAIL]>" in coded.text


def test_the_town_elsewhere_is_left(coded):
    assert "attended [NURSERY] on Mondays. Wexham Road was closed" in coded.text

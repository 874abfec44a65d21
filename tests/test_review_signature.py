"""The review's signatory: a name alone on its line "for" / "on behalf of" the panel, board or partnership
is the writer of the review or its foreword, named on purpose (pseudonymise keeps it, verify reports it at info)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from pipeline.deid.verify import review_authors


def _report(text: str):
    return SimpleNamespace(text=text, metadata=SimpleNamespace(author=None))


@pytest.mark.parametrize(
    "text, who",
    [
        (
            "Foreword text.\n\nProfessor Ilsa Brandwick, for the Panel's practice sub-group\n\nPart 1\n",
            "Professor Ilsa Brandwick",
        ),
        (
            "We thank the families.\n\nOswin Tarrant, on behalf of the Marlow Vale Safeguarding Partnership\n",
            "Oswin Tarrant",
        ),
        ("Dr Meribel Ashdown, for the Board\n", "Dr Meribel Ashdown"),
    ],
)
def test_signature_lines_name_the_review_author(text, who):
    assert who in review_authors(_report(text))


@pytest.mark.parametrize(
    "text",
    [
        # a contributor signing for an agency is a practitioner, whom a draft codes
        "Contributors:\nTamsin Oakridge, for Children's Social Care\nBrent Haskell, for the Local Authority\n",
        # a sentence that runs on past a comma or ends with a full stop
        "Tamsin Oakridge, for the Partnership, said the plan was agreed.\n",
        "Tamsin Oakridge, for the Partnership was the first to speak.\n",
    ],
)
def test_agency_contributors_and_sentences_are_not_signatures(text):
    assert review_authors(_report(text)) == set()

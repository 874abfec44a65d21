"""The subject's given name on the cover of a review that says its children go by other names (issue 13, real13).

"The children have been given different names" declares every child's name an invented one, the cover's too:
structure lists the subject as a declared pseudonym, not only as the subject the cover names.  A review that
says nothing about its names keeps the cover's subject apart (source "cover_subject").  Every text is invented.
"""

from __future__ import annotations

import pytest

from verify_text import report_of

COVER = (
    "Thornbury Safeguarding Partnership\n\nSerious Case Review\n\nOverview Report\n\nLeocadia\n\n"
    "Author: Dr Ines Halvard\n\n"
)
BODY = (
    "1. Introduction\n\n1.1 Leocadia was six months old when she was admitted to hospital. She lived with her "
    "mother and her brother, Teodor.\n"
)


@pytest.mark.parametrize(
    "statement",
    [
        "To protect their privacy, the children have been given different names in this report.\n\n",
        "The names used in this report are not the children's real names.\n\n",
    ],
)
def test_a_cover_name_in_a_review_declaring_other_names_is_a_declared_pseudonym(statement):
    report = report_of(COVER + statement + BODY)
    entry = next(e for e in report.key if e.code == "Leocadia")
    assert (entry.source, entry.pseudonym, entry.subject) == ("declared", True, True)


def test_a_cover_name_in_a_review_silent_about_names_stays_the_cover_subject():
    report = report_of(COVER + BODY)
    entry = next(e for e in report.key if e.code == "Leocadia")
    assert entry.source == "cover_subject"

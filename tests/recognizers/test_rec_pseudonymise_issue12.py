"""Issue 12: on a draft in another house style, every identifier is replaced, in the
header and cover lines as well as in the body (fictional draft and key)."""

from __future__ import annotations

import pytest

from pseudonymise_text import code_text

DRAFT = """Northtown Safeguarding Children Partnership
Local Child Safeguarding Practice Review: Child K
Children's Social Care case reference (panel use only): ABC-1234567
| Police reference | 4471239 |

1 Introduction

Child K was born at 32 weeks on 3.5.21. Jade Kerr gave birth at Northtown General Hospital.
Police reference XYZ-2300001 and the missing person report MFH/2022/01234 were shared; the
assault was recorded as crime number CRI/12345/21 and care proceedings were issued as ZW21C00123.
Child K went to St Bede's Youth Club. Her Instagram account was jade.k.2004, and snap: jadeyk
The case reference ABC-1234567 was quoted in every referral.
"""
KEY = {"people": [{"code": "KM", "role": "Child K's mother", "names": ["Jade Kerr", "Jade"]}]}
LEFT_BEHIND = [
    "ABC-1234567",
    "4471239",
    "3.5.21",
    "XYZ-2300001",
    "MFH/2022/01234",
    "CRI/12345/21",
    "ZW21C00123",
    "jade.k.2004",
    "jadeyk",
    "Jade",
]


@pytest.fixture(scope="module")
def coded(tmp_path_factory, nlp, analyzer):
    return code_text(tmp_path_factory.mktemp("draft"), DRAFT, KEY, nlp, analyzer)


@pytest.mark.parametrize("identifier", LEFT_BEHIND)
def test_no_identifier_is_left(coded, identifier):
    assert identifier not in coded.text


def test_header_and_body_reference_get_the_same_placeholder(coded):
    lines = coded.text.splitlines()
    assert lines[2] == "Children's Social Care case reference (panel use only): [CASE_REF]"
    assert "The case reference [CASE_REF] was quoted" in coded.text
    assert "| Police reference | [CASE_REF] |" in coded.text
    assert "born at 32 weeks on [DATE_OF_BIRTH]" in coded.text


def test_a_named_venue_is_replaced(coded):
    assert "St Bede's" not in coded.text
    assert "went to [COMMUNITY_VENUE]." in coded.text

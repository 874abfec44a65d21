"""`scr verify` points at the identifier shapes of issue 12 set 16 where a text still holds them (a year-first date
of birth, a record number of digit groups, another country's plate beside a car, an app's username after "ID"),
at medium or worse, and stays quiet on the same shapes without their context.  Fictional text."""

from __future__ import annotations

import pytest

from verify_text import findings_of, serious, worst

TEXT = (
    "2.1 Amira's date of birth, as her Egyptian papers write it, is 2013/10/05 and her brother's DOB 2016.02.29.\n\n"
    "2.2 The ambulance crew's record is ePRF 6620-1934-07. Her mother's car, registered in Romania (BV 21 KLO), "
    "was parked there; her Telegram handle was never asked for, but her KakaoTalk ID amira_mum77 was.\n\n"
    "2.3 The review covered 2019-2020-2021; the meeting of 2024.03.14 agreed the plan.\n"
)


@pytest.fixture(scope="module")
def findings(nlp, analyzer):
    return findings_of(TEXT, nlp, analyzer)


@pytest.mark.parametrize("value", ["2013/10/05", "2016.02.29", "6620-1934-07", "BV 21 KLO", "amira_mum77"])
def test_a_left_identifier_is_a_serious_finding(findings, value):
    assert serious(worst(findings, value))


@pytest.mark.parametrize("value", ["2019-2020-2021", "2024.03.14"])
def test_the_same_shapes_without_their_context_are_not(findings, value):
    assert not serious(worst(findings, value))

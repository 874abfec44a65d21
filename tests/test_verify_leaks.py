"""Every planted leak in the tuned set is found at its expected severity (fictional data).

The held-out set (`tests/data/leaks/heldout.jsonl`) is deliberately NOT tested
here: it was written before tuning and is only scored by `bench/eval_verify.py`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.evaluate import verify as harness

ROOT = Path(__file__).resolve().parents[1]

CASES = harness.load_cases("tuned.jsonl")


def test_the_tuned_set_covers_every_type():
    kinds = {c["kind"] for c in CASES}
    leaks = sum(len(c["leaks"]) for c in CASES)
    assert leaks >= 40
    assert {
        "NAME",
        "PERSON_CODE",
        "KEY_NAME",
        "QUASI",
        "SOCIAL_HANDLE",
        "VEHICLE_REG",
        "URL",
        "NHS_NUMBER",
        "POSTCODE",
    } <= kinds


def _param(case):
    marks = [pytest.mark.xfail(reason=case["known_miss"], strict=True)] if case.get("known_miss") else []
    return pytest.param(case, id=case["id"] + "-" + case["kind"], marks=marks)


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_planted_leak_is_found(case, nlp, analyzer):
    result = harness.evaluate_case(case, nlp, analyzer)
    assert result["missed"] == [], f"{case['id']}: missed {result['missed']}"
    assert result["dirty"] == [], f"{case['id']}: declared/public text reported: {result['dirty']}"
    if case["kind"] == "CLEAN":
        assert result["extra"] == []

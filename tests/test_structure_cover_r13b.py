"""Issue 13, cover and key on real shapes (fictional text): where each key entry comes from, covers
titled "Learning from the death of 'X'", and transcript teaser lines in the cover area."""

from __future__ import annotations

import json

from pipeline.report import Report, RoleEntry, Source
from pipeline.structure import build_report

SOURCE = Source(name="t.txt", sha256="0", format="text")


def _build(text: str) -> Report:
    return build_report(text, SOURCE)


# ---------------------------------------------------------------- key entry source
def test_subject_named_only_on_the_cover_is_a_cover_subject_entry():
    report = _build(
        "Serious Case Review\n\nChild Q\n\n1.1 Child Q lived with her grandmother (GM) and her father (FQ).\n"
    )
    source = {e.code: e.source for e in report.key}
    assert source == {"GM": "declared", "FQ": "declared", "Child Q": "cover_subject"}


def test_title_codes_of_two_subjects_are_cover_subject_entries():
    report = _build(
        "Upfield Safeguarding Children Board\n\nSerious Case Review\n\nconcerning KT1 & KT2\n\n"
        "1. Introduction\n\n1.1 Two infants died in 2017.\n"
    )
    assert {e.code: e.source for e in report.key} == {"KT1": "cover_subject", "KT2": "cover_subject"}


def test_a_code_used_only_in_prose_that_the_cover_names_becomes_the_cover_subject():
    report = _build(
        "Serious Case Review\n\nBaby N\n\n1.1 Baby N was born early. Baby N went home after three weeks.\n"
        "1.2 Baby N was seen by the health visitor.\n"
    )
    entry = next(e for e in report.key if e.code == "Baby N")
    assert entry.subject and entry.source == "cover_subject"


def test_a_key_list_declares_every_entry():
    report = _build(
        "Serious Case Review: Child H\n\nKey\n\nChild H – the subject of the review\nHM – Child H's mother\n"
        "HF – Child H's father\n\n1. Introduction\n\n1.1 Child H lived with HM.\n"
    )
    assert report.key and {e.source for e in report.key} == {"declared"}


def test_report_json_without_source_reads_as_declared():
    report = _build("Child A – the subject of the review\nAM – Child A's mother\n")
    data = json.loads(report.to_json())
    for entry in data["key"]:
        entry.pop("source")
    again = Report.model_validate(data)
    assert [e.source for e in again.key] == ["declared", "declared"]
    assert RoleEntry.model_fields["source"].default == "declared"

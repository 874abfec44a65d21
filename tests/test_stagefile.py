"""One JSON Lines contract: every stage file starts with the same provenance header and tags its records."""

from __future__ import annotations

import json

import pytest

from pipeline import stagefile

REVIEW = """Northshire Safeguarding Children Partnership

Child Safeguarding Practice Review: Child Q

1 Introduction

QM – Child Q's mother
QSW – Social Worker for Child Q

2 Chronology

On 3rd March 2020 QSW visited QM at home. Domestic abuse was not explored and QM's account was accepted.
"""


def test_dumps_then_loads_round_trips_and_tags_records():
    text = stagefile.dumps({"tool": "t", "tool_version": "1"}, [{"id": 1}, {"record": "kept", "id": 2}], "event")
    lines = [json.loads(line) for line in text.splitlines()]
    assert lines[0] == {"record": "provenance", "tool": "t", "tool_version": "1"}
    assert [r["record"] for r in lines[1:]] == ["event", "kept"]
    parsed = stagefile.loads(text)
    assert parsed.header["tool"] == "t" and [r["id"] for r in parsed.records] == [1, 2]


def test_old_files_still_read_and_bad_lines_are_counted():
    legacy = '{"kind": "header", "tool": "scr-pipeline"}\n{"kind": "replacement", "id": 1}\nnot json\n'
    parsed = stagefile.loads(legacy, strict=False)
    assert parsed.header["tool"] == "scr-pipeline" and parsed.records == [{"kind": "replacement", "id": 1}]
    assert parsed.bad_lines == 1
    with pytest.raises(ValueError):
        stagefile.loads(legacy)
    assert stagefile.loads('{"id": 1}\n').header is None  # a headerless file of old `scr run`


def test_untagged_records_need_a_type():
    with pytest.raises(ValueError):
        stagefile.dumps({}, [{"id": 1}])


def test_scr_run_and_the_stage_commands_write_the_same_contract(tmp_path, scr):
    """`scr run`'s events.jsonl/themes.jsonl and `scr events`/`scr themes` share header and records.

    The page reads both.
    """
    from pipeline.page.inputs import read_jsonl

    folder = tmp_path / "reviews"
    folder.mkdir()
    review = folder / "child_q.txt"
    review.write_text(REVIEW, encoding="utf-8")
    result = scr("run", folder, "--out", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    for stage, name, record in (("events", "events.jsonl", "event"), ("themes", "themes.jsonl", "theme_label")):
        single = scr(stage, review)
        assert single.returncode == 0, single.stderr
        from_run = (tmp_path / "out" / "child_q" / name).read_text(encoding="utf-8")
        alone, batch = stagefile.loads(single.stdout.decode()), stagefile.loads(from_run)
        assert alone.header == batch.header and alone.header["rules"].startswith("sha256:")
        assert alone.records == batch.records and alone.records
        assert {r["record"] for r in batch.records} == {record}
        warnings: list[str] = []
        assert read_jsonl(tmp_path / "out" / "child_q" / name, warnings) == batch.records and not warnings

"""`scr events` on the command line: formats, provenance, exit codes."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

REVIEW = """Child Safeguarding Practice Review: Child W

Period under review: 1st March 2022 to 31st August 2022

Key

Child W – subject of the review

MW – mother of Child W

SW5 – social worker

2. Chronology

On 4th May MW told SW5 that she had moved in with a new partner. That evening SW5 rang the police.

Three days later SW5 visited MW and Child W at home.
"""


def scr(*args, cwd=ROOT):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "pipeline.cli", *map(str, args)], cwd=cwd, capture_output=True, env=env, timeout=600
    )


@pytest.fixture(scope="module")
def review(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "child_w.txt"
    path.write_text(REVIEW, encoding="utf-8")
    return path


def test_jsonl_has_a_provenance_header_then_events(review):
    result = scr("events", review)
    assert result.returncode == 0, result.stderr.decode()
    lines = [json.loads(line) for line in result.stdout.decode().splitlines()]
    header, events = lines[0], lines[1:]
    assert header["record"] == "provenance"
    assert header["source"]["sha256"] == hashlib.sha256(review.read_bytes()).hexdigest()
    assert header["model"]["name"] and header["tool_version"] and header["events"] == len(events)
    assert header["rules"].startswith("sha256:")  # the rule data it was made with
    assert [e["date"] for e in events] == ["2022-05-04", "2022-05-04", "2022-05-07"]
    assert events[1]["expression"] == "That evening" and events[1]["relative"] is True
    assert {
        "date",
        "date_end",
        "precision",
        "expression",
        "sentence",
        "start",
        "end",
        "actors",
        "action",
        "kpe",
    } <= set(events[0])


def test_csv_to_a_file(review, tmp_path):
    out = tmp_path / "events.csv"
    result = scr("events", review, "--format", "csv", "--out", out)
    assert result.returncode == 0, result.stderr.decode()
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert len(rows) == 3
    assert rows[2]["date"] == "2022-05-07" and rows[2]["actors"].startswith("SW5")
    assert rows[0]["source_sha256"] == hashlib.sha256(review.read_bytes()).hexdigest()


def test_report_json_input(review, tmp_path):
    assert scr("ingest", review, "--out", tmp_path).returncode == 0
    result = scr("events", tmp_path / "child_w.report.json")
    assert result.returncode == 0, result.stderr.decode()
    assert len(result.stdout.decode().splitlines()) == 4


def test_unusable_input_exits_2(tmp_path, review):
    assert scr("events", tmp_path / "missing.txt").returncode == 2
    assert scr("events", review, "--out", review).returncode == 2  # never overwrite the input

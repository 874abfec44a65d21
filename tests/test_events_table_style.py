"""The same extractor on a chronology written in another common style: a
tab-separated "Date / Agency / Event" table with dd/mm/yyyy dates, "w/c" weeks,
relative rows ("Two days later", "Same day"), a blank date cell and KPE markers
(tests/data/chronology_table_style.txt, gold written by hand before the
extractor was run on it)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pipeline.events import extract_events
from pipeline.ingest import load_report
from pipeline.nlp import parse_report

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
D = dt.date


@pytest.fixture(scope="module")
def table(nlp):
    report = load_report(DATA / "chronology_table_style.txt")
    return report, extract_events(report, parse_report(report, nlp))


@pytest.fixture(scope="module")
def scored(table):
    from pipeline.evaluate.events import load_gold, match, score

    report, events = table
    gold = load_gold(DATA / "chronology_table_style.gold.jsonl", report.text)
    return score(gold, match(gold, events))


def test_date_accuracy_on_the_table_style(scored):
    assert scored["matched"] == scored["gold"] == 34
    assert scored["date_accuracy"] >= 0.9


def test_actors_and_kpe_on_the_table_style(scored):
    assert scored["actor_f1"] >= 0.75
    assert scored["kpe_accuracy"] >= 0.9


def find(events, text: str, quote: str):
    start = text.index(quote)
    return next(e for e in events if e.start <= start < e.end)


def test_rows_read_in_the_table_style(table):
    report, events = table
    text = report.text
    assert all(e.source == "table_row" for e in events)
    week = find(events, text, "HV1 tried twice")
    assert (week.date, week.date_end, week.precision) == (D(2021, 4, 5), D(2021, 4, 11), "week")
    # relative rows count from the row above; after a stay, from its last day
    assert find(events, text, "SW1 reviewed the notification").date == D(2021, 3, 17)
    assert find(events, text, "HV1 completed the new birth visit").date == D(2021, 5, 16)
    # a blank date cell carries the row above
    invited = find(events, text, "TF was invited but did not attend")
    assert (invited.date, invited.inherited) == (D(2021, 6, 3), True)
    # "Later that week" is the rest of the anchor's calendar week
    later = find(events, text, "HV1 handed the case over")
    assert (later.date, later.date_end) == (D(2021, 9, 15), D(2021, 9, 19))
    # the year turns over in January; the analysis section's dates are not events
    assert find(events, text, "A legal planning meeting agreed").date == D(2022, 1, 18)
    assert not any(e.start > text.index("3. Analysis") for e in events)


def test_the_agency_column_acts_when_the_event_names_no_one(table):
    report, events = table
    notification = find(events, report.text, "A domestic abuse notification was sent")
    assert notification.actors[0] == "police"
    meeting = find(events, report.text, "A legal planning meeting agreed")
    assert meeting.actors == ["legal planning meeting"]

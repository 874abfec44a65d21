"""The seams of the events package: the values passed between its modules.

`DateFields` is the one value an event's date fields are built from, so it must
name exactly the Event's date fields (events.jsonl keeps its format); `Roles` is
frozen and built with keywords; a table row splits into its date, event and
agency cells.  Fictional text only.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from pipeline.events.dating import DateFields
from pipeline.events.model import Event
from pipeline.events.resolve import Resolution, Resolver
from pipeline.events.roles import Roles
from pipeline.events.tables import read_row, row_date

D = dt.date
NOT_DATE_FIELDS = {
    "id",
    "sentence",
    "start",
    "end",
    "actors",
    "action",
    "object",
    "agencies",
    "kpe",
    "section",
    "source",
}


def test_date_fields_name_exactly_the_event_date_fields():
    names = {f.name for f in dataclasses.fields(DateFields)}
    assert names == set(Event.model_fields) - NOT_DATE_FIELDS


def test_a_phrase_gives_the_event_its_expression_and_offsets():
    res = Resolution(D(2019, 3, 4), None, "day", 0.9, True)
    fields = DateFields.phrase(res, "two days later", 120, 134, relative=True, anchor=3)
    event = Event(id=4, sentence="Two days later the social worker visited.", start=120, end=161, **fields.as_fields())
    data = event.model_dump(mode="json")
    assert data["date"] == "2019-03-04" and data["precision"] == "day" and data["confidence"] == 0.9
    assert (data["expression"], data["expression_start"], data["expression_end"]) == ("two days later", 120, 134)
    assert data["relative"] is True and data["anchor"] == 3 and data["inherited"] is False
    assert data["modality"] is None


def test_an_inherited_date_has_no_expression():
    fields = DateFields.inherit(D(2019, 3, 4), D(2019, 3, 9), "approx", 0.6, anchor=2)
    assert fields.inherited and fields.anchor == 2 and fields.date_end == D(2019, 3, 9)
    assert fields.expression is None and fields.expression_start is None and not fields.relative
    with pytest.raises(dataclasses.FrozenInstanceError):
        fields.date = D(2020, 1, 1)  # type: ignore[misc]


def test_roles_are_frozen_and_built_with_keywords():
    roles = Roles(actors=("MW",), action="visit", object="the home")
    assert roles.acting == () and roles.meeting is None and not roles.decision_without_actor
    with pytest.raises(TypeError):
        Roles(("MW",), "visit", "the home")  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        roles.action = "telephone"  # type: ignore[misc]


def test_a_table_row_splits_into_date_event_and_agency_cells():
    row_text = "12/03/2018\tHealth Visiting\tThe health visitor saw Baby Q at home and weighed him."
    row = read_row(row_text, 1000)
    assert row is not None and row.date is not None
    assert row.date.text == "12/03/2018" and row.date.start == 1000
    assert row.event.text.startswith("The health visitor saw Baby Q")
    assert row_text[row.event.start - 1000 : row.event.end - 1000] == row.event.text
    assert [c.text for c in row.others] == ["Health Visiting"]
    dated = row_date(row, Resolver((D(2017, 6, 1), D(2019, 1, 31))))
    assert dated is not None and dated[1].date == D(2018, 3, 12) and dated[2:] == (1000, 1010)


def test_a_row_of_only_a_date_is_no_event():
    assert read_row("  03/02/2021\t  \t", 0) is None

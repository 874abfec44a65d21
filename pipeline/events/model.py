"""The event record: one dated happening in a review's chronology."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Precision = Literal["day", "week", "month", "approx"]


class Event(BaseModel):
    """When, who, did what, to whom, in which Key Practice Episode.

    `start`/`end` are offsets of the sentence (or table row) in `report.text`;
    `expression_start`/`expression_end` those of the date phrase that dated it
    (None when the date is inherited).  `relative` marks a date resolved from a
    relative phrase against `anchor` (the id of the event whose date it was
    resolved from); `inherited` marks a sentence with no date phrase that took
    the date of its paragraph or of the running narrative.  `confidence` is the
    confidence in the date (0-1).
    """

    model_config = ConfigDict(extra="forbid")
    id: int
    date: dt.date | None
    date_end: dt.date | None = None
    precision: Precision | None = None
    expression: str | None = None
    expression_start: int | None = None
    expression_end: int | None = None
    sentence: str
    start: int
    end: int
    actors: list[str] = Field(default_factory=list)
    action: str | None = None
    object: str | None = None
    agencies: list[str] = Field(default_factory=list)
    kpe: str | None = None
    section: str | None = None
    relative: bool = False
    inherited: bool = False
    anchor: int | None = None
    modality: Literal["planned"] | None = None
    confidence: float = 0.0
    source: Literal["sentence", "table_row"] = "sentence"

    def row(self) -> dict:
        """A flat dict for CSV output (lists joined with '; ')."""
        data = self.model_dump(mode="json")
        for key in ("actors", "agencies"):
            data[key] = "; ".join(data[key])
        return data

"""Output records of the theme tagger.

Field names follow the design (`{start, end, text, themes: [{id, evidence}]}`);
the extra fields (polarity, score, section) are what lets a learning lead tell
"information was shared appropriately" from "information was not shared".
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Polarity = Literal["concern", "good_practice", "mixed", "neutral", "negated"]


class Evidence(BaseModel):
    """The words that justify a theme, as offsets into the report text."""

    model_config = ConfigDict(extra="forbid")
    text: str
    start: int
    end: int
    cue: str
    weight: float
    polarity: Polarity


class ThemeHit(BaseModel):
    """One theme assigned to a paragraph."""

    model_config = ConfigDict(extra="forbid")
    id: str
    label: str
    score: float
    polarity: Polarity
    evidence: list[Evidence]


class ThemeLabel(BaseModel):
    """A paragraph or bullet with the learning themes it speaks to."""

    model_config = ConfigDict(extra="forbid")
    start: int
    end: int
    text: str
    section: str | None = None
    section_title: str | None = None
    section_role: str = "other"
    paragraph_kind: str = "text"
    themes: list[ThemeHit]
    negated: list[ThemeHit] = Field(default_factory=list)

    def theme_ids(self) -> list[str]:
        return [hit.id for hit in self.themes]

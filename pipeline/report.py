"""The report model: one review's normalised text and its structure.

Everything is a character offset into `Report.text` ("offsets are sacred"):
a finding, an event or a theme label can always be pointed back at the exact
place in the text.  The model is plain data (pydantic) and round-trips through
JSON without loss, so every stage can be run and inspected on its own.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from . import PIPELINE_SCHEMA_VERSION, __version__

RoleKind = Literal["child", "family", "practitioner"]
# where a key entry comes from: the review declares the code (a key list or table, "referred to as Ms A",
# "Child 3, aged 4"), or structure added the subject as the cover or title names it ("Serious Case Review
# Child M") because nothing in the text declared it
KeySource = Literal["declared", "cover_subject"]
ReportType = Literal["SCR", "CSPR", "DHR", "SAR", "unknown"]
# "chrome": page furniture ingest left in the text (a document-sharing transcript's teaser line), read by no stage
ParagraphKind = Literal["text", "heading", "bullet", "numbered", "table_row", "key", "footnote", "contents", "chrome"]


class Span(BaseModel):
    """A half-open character range [start, end) into the report text."""

    model_config = ConfigDict(extra="forbid")
    start: int
    end: int


class Section(Span):
    """A heading and the body it governs.

    `start`/`end` cover the whole section (heading to the next heading of the
    same or a higher level); `heading_start`/`heading_end` cover the heading line.
    `number` is None for unnumbered headings ("KPE 12 ESW Visit…").
    """

    number: str | None
    title: str
    level: int
    heading_start: int
    heading_end: int
    kpe: str | None = None
    # what the section is (chronology, background, analysis, findings, method, ...; None: the
    # title does not say, the parent's role applies), decided once from the title by
    # pipeline/structure/roles.py; computed when missing (report.json written before roles,
    # or a Section built by hand)
    role: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _decide_role(cls, data: Any) -> Any:
        if isinstance(data, dict) and "role" not in data and isinstance(data.get("title"), str):
            from .structure.roles import role_of_title

            data = {**data, "role": role_of_title(data["title"])}
        return data


class Paragraph(Span):
    """A block of text between blank lines (or one table row / bullet)."""

    section: str | None = None
    kind: ParagraphKind = "text"
    kpe: str | None = None
    number: str | None = None  # "7.1" for numbered paragraphs and list items


class Footnote(BaseModel):
    """A footnote text and, where found, the marker in the body that points to it."""

    model_config = ConfigDict(extra="forbid")
    marker: str
    text: str
    start: int
    end: int
    marker_start: int | None = None
    marker_end: int | None = None


class RoleEntry(Span):
    """One declared role code of the report's key ("EM – Child E's mother").

    `start`/`end` is the declaration line; `code_start`/`code_end` the code in it.
    """

    code: str
    description: str
    kind: RoleKind
    subject: bool = False
    section: str | None = None
    code_start: int
    code_end: int
    # the "code" is a name the review uses in place of a real one ("Jade – Mother"
    # in a "Name used in this report" table, "referred to as Jade")
    pseudonym: bool = False
    # "declared": the review declares the code; "cover_subject": the subject as the cover or title names
    # it, added when no key line or sentence declared it (a consumer counting declared codes skips these)
    source: KeySource = "declared"


class KpeMarker(Span):
    """A Key Practice Episode marker such as "(KPE4)" or "(KPE 10)"."""

    label: str
    number: int


class Abbreviation(Span):
    """An abbreviation the report expands itself: "Neonatal Unit (NNU)"."""

    abbr: str
    expansion: str


class Page(Span):
    """A page of a paginated source (PDF, Word), so a finding can say "page 14"."""

    number: int


class HiddenPart(BaseModel):
    """Something a draft carries outside its visible text: where names survive.

    kind: comment, tracked_insertion, tracked_deletion, hidden_text, property,
    custom_property, thumbnail, header, footer.  `location` is for people
    ("comment 3 by …", "tracked deletion in paragraph 41").
    """

    model_config = ConfigDict(extra="forbid")
    kind: str
    location: str
    text: str = ""
    author: str | None = None
    paragraph: int | None = None


NamedRole = Literal["author", "chair", "panel", "reviewer", "other"]


class NamedPerson(BaseModel):
    """A person the review names on purpose (author, lead reviewer, chair, panel member).

    `start`/`end` is the mention of the name in the text, when it was found there.
    """

    model_config = ConfigDict(extra="forbid")
    name: str
    role: NamedRole
    start: int | None = None
    end: int | None = None


class Metadata(BaseModel):
    """Cover facts of the review."""

    model_config = ConfigDict(extra="forbid")
    board: str | None = None
    title: str | None = None
    subject_child: str | None = None
    # every subject a cover label names when it names several ("SUBJECTS ⏎ Mia and her brother Leo"), the
    # subject child first; empty when the cover names one
    subjects: list[str] = Field(default_factory=list)
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    author: str | None = None
    report_type: ReportType = "unknown"
    # the review states that the names it uses are not the real names
    pseudonyms_declared: bool = False
    named_people: list[NamedPerson] = Field(default_factory=list)


class Source(BaseModel):
    """Where the text came from."""

    model_config = ConfigDict(extra="forbid")
    name: str
    sha256: str
    format: str
    encoding: str | None = None
    bytes: int = 0


class Provenance(BaseModel):
    """Tool versions recorded in every output."""

    tool: str = "scr-pipeline"
    tool_version: str = __version__
    schema_version: int = PIPELINE_SCHEMA_VERSION
    model: dict[str, str] = Field(default_factory=dict)
    rules: str | None = Field(default_factory=lambda: _rules_fingerprint())


def _rules_fingerprint() -> str | None:
    """The digest of the `models/` rule data this output was made with (None if not found)."""
    from .resources import data_fingerprint

    try:
        return data_fingerprint()
    except FileNotFoundError:
        return None


class Report(BaseModel):
    """A review: normalised text plus structure, all as offsets into `text`."""

    model_config = ConfigDict(extra="forbid")
    text: str
    source: Source
    metadata: Metadata = Field(default_factory=Metadata)
    sections: list[Section] = Field(default_factory=list)
    paragraphs: list[Paragraph] = Field(default_factory=list)
    footnotes: list[Footnote] = Field(default_factory=list)
    key: list[RoleEntry] = Field(default_factory=list)
    kpe_markers: list[KpeMarker] = Field(default_factory=list)
    abbreviations: list[Abbreviation] = Field(default_factory=list)
    pages: list[Page] = Field(default_factory=list)
    hidden: list[HiddenPart] = Field(default_factory=list)
    provenance: Provenance = Field(default_factory=Provenance)

    # ---- serialisation -------------------------------------------------
    def to_json(self, indent: int | None = 1) -> str:
        return self.model_dump_json(indent=indent)

    @classmethod
    def from_json(cls, data: str | bytes) -> Report:
        return cls.model_validate_json(data)

    @classmethod
    def load(cls, path: str | Path) -> Report:
        return cls.from_json(Path(path).read_bytes())

    # ---- look-ups ------------------------------------------------------
    def codes(self) -> list[str]:
        """The declared role codes."""
        return [entry.code for entry in self.key]

    def section_at(self, offset: int) -> Section | None:
        """The innermost section containing `offset`."""
        best = None
        for section in self.sections:
            if section.start <= offset < section.end and (best is None or section.level >= best.level):
                best = section
        return best

    def paragraph_at(self, offset: int) -> Paragraph | None:
        """The paragraph containing `offset` (paragraphs are sorted and disjoint)."""
        import bisect

        starts = [p.start for p in self.paragraphs]
        index = bisect.bisect_right(starts, offset) - 1
        if index >= 0 and offset < self.paragraphs[index].end:
            return self.paragraphs[index]
        return None

    def page_at(self, offset: int) -> int | None:
        """Page number of an offset, for paginated sources."""
        for page in self.pages:
            if page.start <= offset < page.end:
                return page.number
        return None

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of an offset, as editors and compilers show them."""
        line = self.text.count("\n", 0, offset) + 1
        col = offset - (self.text.rfind("\n", 0, offset) + 1) + 1
        return line, col

    def slice(self, span: Span) -> str:
        return self.text[span.start : span.end]

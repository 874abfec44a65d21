"""Chronology tables: one event per "Date ⇥ Agency ⇥ Event" row.

A row is split at its tabs (or the pipes of a Markdown table) into cells: the
cell that is (almost) only a date dates the row, the longest other cell is the
event, and the cells left name who acted (the agency column).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .candidates import Candidate, find_candidates
from .mentions import AgencyFinder, agencies_in, unique
from .resolve import Resolution, Resolver
from .roles import Roles


@dataclass(frozen=True)
class Cell:
    """A cell's text, stripped, and its offsets in the report text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class TableRow:
    event: Cell  # the longest cell that is not the date
    date: Cell | None  # the cell that is (almost) only a date
    others: tuple[Cell, ...]  # the rest: agency and the like


def is_table_row(kind: str, text: str) -> bool:
    """A block read as a table row: so classified, or tab- or pipe-separated."""
    return kind == "table_row" or "\t" in text or is_pipe_row(text)


def is_pipe_row(text: str) -> bool:
    """A Markdown table row ("| 03/02/2021 | Police | Officers attended... |")."""
    stripped = text.strip()
    return stripped.startswith("|") and stripped.count("|") >= 3


def is_date_cell(cell: str) -> bool:
    """A table cell that is (almost) only a date."""
    found = find_candidates(cell)
    if not found:
        return False
    covered = sum(c.end - c.start for c in found)
    return covered >= 0.6 * len(cell.strip())


def read_row(row: str, row_start: int) -> TableRow | None:
    """The cells of a row at `row_start` in the report; None when nothing but a date is in it."""
    separator = "\t" if "\t" in row else "|"
    cells, pos = [], 0
    for piece in row.split(separator):
        lead = len(piece) - len(piece.lstrip())
        cells.append(Cell(row_start + pos + lead, row_start + pos + len(piece.rstrip()), piece.strip()))
        pos += len(piece) + 1
    date_cell = next((c for c in cells if is_date_cell(c.text)), None)
    rest = [c for c in cells if c is not date_cell and c.text]
    if not rest:
        return None
    event_cell = max(rest, key=lambda c: len(c.text))
    return TableRow(event_cell, date_cell, tuple(c for c in rest if c is not event_cell))


def row_date(row: TableRow, resolver: Resolver) -> tuple[Candidate, Resolution, int, int] | None:
    """The date cell's first date phrase, resolved, with its offsets in the report."""
    if row.date is None:
        return None
    cand = find_candidates(row.date.text)[0]
    res = resolver.resolve(cand)
    if res is None:
        return None
    return cand, res, row.date.start + cand.start, row.date.start + cand.end


def row_agencies(row: TableRow, finder: AgencyFinder) -> list[str]:
    """The agencies the other cells name, or the cells themselves ("Police", "School")."""
    extra: list[str] = []
    for cell in row.others:
        found = agencies_in(cell.text, cell.start, finder)
        extra.extend(found or [cell.text])
    return extra


def row_actors(roles: Roles, actors: Sequence[str], agencies: Sequence[str]) -> list[str]:
    """ "A domestic abuse notification was sent": when the event names no one acting, the
    row's agency is who acted."""
    acted = roles.acting or roles.meeting_acts or roles.document_acts
    if not acted and not set(actors) & set(agencies):
        return unique([*agencies, *actors])
    return list(actors)

"""Table cells: which column header a match sits under, and which row label it sits beside.

A table is a run of lines holding "|" or tabs; its first line that is not a
markdown rule (|---|---|) is the header.  Recognizers use the header as the
cell's label: a family table's "DOB" or "NHS number" column says what every
value below it is, however far the header is from the value.  A record laid out
as "| Field | Entry |" (or comparing two records: "| Item | CAMHS record | LA
record |") labels its rows instead: the row's first cell says what every other
cell of the row holds ("| DOB | 09/07/2009 | 2009-07-09 |").
"""

from __future__ import annotations

import regex

CELL_SPLIT = regex.compile(r"\s*(?:\||\t)\s*")
RULE_ROW = regex.compile(r"^[\s|:+\-=]*$")  # markdown |---|---| separator


def line_at(text: str, offset: int) -> str:
    """The whole line that holds `offset`."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return text[start : end if end >= 0 else len(text)]


def is_table_row(line: str) -> bool:
    """A line of a pipe or tab table."""
    return "|" in line or "\t" in line


def column_header(text: str, offset: int) -> str | None:
    """The header cell of the column that holds `offset`, or None outside a table
    (or in the header row itself)."""
    line_start = text.rfind("\n", 0, offset) + 1
    if not is_table_row(line_at(text, offset)):
        return None
    column = len(CELL_SPLIT.findall(text[line_start:offset].lstrip().lstrip("|")))
    header = None
    end = line_start - 1
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end]
        if not is_table_row(line):
            break
        if not RULE_ROW.match(line):
            header = line
        end = start - 1
    if header is None:
        return None
    cells = CELL_SPLIT.split(header.strip().strip("|").strip())
    return cells[column] if column < len(cells) else None


def row_label(text: str, offset: int) -> str | None:
    """The first cell of the table row that holds `offset`, when `offset` is in a later cell; None outside a
    table, in the first cell itself, or in the header row (whose first cell labels a column, not a row)."""
    line_start = text.rfind("\n", 0, offset) + 1
    line = line_at(text, offset)
    if not is_table_row(line) or column_header(text, offset) is None:
        return None
    cells = CELL_SPLIT.split(line.strip().strip("|").strip())
    before = text[line_start:offset].lstrip().lstrip("|")
    if len(cells) < 2 or not CELL_SPLIT.search(before):
        return None
    return cells[0]


def column_cells(text: str, header_matches) -> list[str]:
    """The cells of every table column whose header cell `header_matches` (a predicate on the header cell's
    text), in one pass over the lines: a "RAG" or "Rating" column says what its cells are, however many rows
    below the header they stand."""
    cells_out: list[str] = []
    columns: list[int] | None = None  # the matching columns of the table being read; None outside a table
    for line in text.split("\n"):
        if not is_table_row(line):
            columns = None
            continue
        if RULE_ROW.match(line):
            continue
        cells = CELL_SPLIT.split(line.strip().strip("|").strip())
        if columns is None:  # the table's first row is its header
            columns = [k for k, cell in enumerate(cells) if header_matches(cell)]
            continue
        cells_out.extend(cells[k] for k in columns if k < len(cells))
    return cells_out

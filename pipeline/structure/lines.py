"""Split normalised text into lines and blank-line separated blocks, keeping offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass

BULLET_RE = re.compile(r"^\s*(?:[-*•●▪◦‣–·o]|\(?[a-z]\)|\(?[ivx]{1,4}\))\s+\S")


@dataclass(frozen=True)
class Line:
    """One line of the text: its content (without the newline) and offsets."""

    text: str
    start: int
    end: int
    index: int  # 0-based line number

    @property
    def stripped(self) -> str:
        return self.text.strip()

    @property
    def is_blank(self) -> bool:
        return not self.text.strip()

    @property
    def is_bullet(self) -> bool:
        return bool(BULLET_RE.match(self.text))

    @property
    def is_table_row(self) -> bool:
        """Tab-separated, pipe-framed ("| a | b |"), or pipes between short cells without a frame ("Jade | Mother")."""
        text = self.text.strip()
        if "\t" in text or text.startswith("|"):
            return True
        return " | " in text and len(text) <= 160 and all(0 < len(c.strip()) <= 60 for c in text.split("|"))


def split_lines(text: str) -> list[Line]:
    """All lines with their [start, end) offsets (end excludes the newline)."""
    lines, pos = [], 0
    for index, raw in enumerate(text.split("\n")):
        lines.append(Line(raw, pos, pos + len(raw), index))
        pos += len(raw) + 1
    return lines


def blocks(lines: list[Line]) -> list[list[Line]]:
    """Runs of non-blank lines separated by blank lines."""
    out: list[list[Line]] = []
    current: list[Line] = []
    for line in lines:
        if line.is_blank:
            if current:
                out.append(current)
                current = []
        else:
            current.append(line)
    if current:
        out.append(current)
    return out


def trimmed_span(line: Line) -> tuple[int, int]:
    """Offsets of the line without leading/trailing whitespace."""
    lead = len(line.text) - len(line.text.lstrip())
    trail = len(line.text) - len(line.text.rstrip())
    return line.start + lead, line.end - trail

"""The report's key: role codes declared as "EM – Child E's mother".

Common shapes: "EM – …", "EM - …", "EM: …", "EM\t…", "EM = …", Markdown
or tab tables ("| EM | Child E's mother |").  A line is a declaration when
its code looks like a code (capitals and digits, or "Child E"/"Baby A"), and
its description is short and names a role (words in
`models/structure/key_roles.yaml`).  Single stray matches are dropped: a key
is a run of at least two declarations, and a table counts only when most of
its rows are declarations (a panel list "LSCB ⇥ Business Manager" is not a key).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..resources import load_yaml
from .lines import Line

CODE = r"(?:(?:Child|Baby|Infant|Sibling|Adult|Young Person|Parent|Mr|Mrs|Ms|Miss|Mx)\s+[A-Z][A-Za-z0-9]{0,2}|[A-Z][A-Z0-9]{1,7}(?:\s?[0-9]{1,2})?)"
KEY_LINE_RE = re.compile(
    rf"^\s*(?:[-*•]\s*)?\|?\s*(?P<code>{CODE})\s*(?:\s[–—-]\s?|[–—]|:|=|\t+|\s*\|)\s*(?P<desc>\S.*?)\s*\|?\s*$"
)
MAX_DESC_WORDS = 14
MIN_RUN = 2
RUN_GAP_LINES = 6


@dataclass
class KeyLine:
    line: Line
    code: str
    code_start: int
    description: str
    kind: str
    subject: bool


def _roles() -> dict:
    return load_yaml("structure", "key_roles.yaml")


def _has_any(text: str, phrases: list[str]) -> bool:
    lowered = text.lower()
    return any(re.search(rf"(?<![\w-]){re.escape(p)}(?![\w-])", lowered) for p in phrases)


def classify(description: str) -> tuple[str, bool] | None:
    """(kind, is_subject) for a key description, or None when it names no role."""
    roles = _roles()
    subject = _has_any(description, roles["subject"])
    if _has_any(description, roles["practitioner"]):
        return "practitioner", False
    if subject or _has_any(description, roles["family"]):
        return "family", subject
    return None


def parse_key_line(line: Line) -> KeyLine | None:
    """A declaration on one line, or None."""
    m = KEY_LINE_RE.match(line.text)
    if not m:
        return None
    description = m["desc"].strip().strip("|").strip()
    if len(description.split()) > MAX_DESC_WORDS or description.endswith((".", ";")) and len(description.split()) > 8:
        return None
    kind = classify(description)
    if kind is None:
        return None
    code = re.sub(r"\s+", " ", m["code"])
    return KeyLine(line, code, line.start + m.start("code"), description, kind[0], kind[1])


def cells(line: Line) -> list[tuple[str, int]]:
    """Table cells of a tab- or pipe-separated row, with their start offsets."""
    sep = "|" if line.text.lstrip().startswith("|") else "\t"
    out, pos = [], 0
    for raw in line.text.split(sep):
        if raw.strip():
            out.append((raw.strip(), line.start + pos + (len(raw) - len(raw.lstrip()))))
        pos += len(raw) + 1
    return out


def _is_key_header(line: Line) -> bool:
    headers = _roles()["table_headers"]
    row = [c.lower().rstrip(":") for c, _ in cells(line)]
    return len(row) >= 2 and row[0] in headers["code"] and any(
        c in headers["description"] or c.startswith("relationship") or c.startswith("role") for c in row[1:]
    )


def key_table(block: list[Line]) -> list[KeyLine]:
    """Rows of a table whose header says it is a key ("Name used ⇥ Relationship")."""
    header = next((i for i, line in enumerate(block) if line.is_table_row and _is_key_header(line)), None)
    if header is None:
        return []
    rows = []
    for line in block[header + 1 :]:
        row = cells(line)
        if len(row) < 2 or set(row[0][0]) <= set("-:| "):
            continue  # a Markdown separator row
        (code, code_start), (description, _) = row[0], row[1]
        kind, subject = classify(description) or ("practitioner", False)
        rows.append(KeyLine(line, code, code_start, description, kind, subject))
    return rows


def find_key(lines: list[Line], blocks: list[list[Line]], skip: set[int]) -> list[KeyLine]:
    """Declarations that form a key (runs of two or more; tables mostly of declarations)."""
    candidates: list[KeyLine] = []
    for block in blocks:
        declared = key_table(block)
        if declared:
            candidates.extend(declared)
            continue
        parsed = [parse_key_line(line) for line in block if line.index not in skip]
        hits = [p for p in parsed if p is not None]
        if len(block) > 2 and len(hits) * 2 <= len(block):
            continue  # a table or paragraph that is mostly not a key
        candidates.extend(hits)
    return _in_runs(candidates)


def _in_runs(candidates: list[KeyLine]) -> list[KeyLine]:
    """Keep declarations that have another declaration within a few lines."""
    kept = []
    for i, cand in enumerate(candidates):
        near = [
            other
            for j, other in enumerate(candidates)
            if j != i and abs(other.line.index - cand.line.index) <= RUN_GAP_LINES
        ]
        if len(near) + 1 >= MIN_RUN:
            kept.append(cand)
    seen: set[str] = set()
    unique = []
    for cand in kept:  # first declaration of a code wins
        if cand.code not in seen:
            seen.add(cand.code)
            unique.append(cand)
    return unique

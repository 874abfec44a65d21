"""One contract for every JSON Lines stage file, written and read in one place.

Every `.jsonl` the pipeline writes (`scr events`, `scr themes`, `scr run`'s
`events.jsonl` and `themes.jsonl`, the pseudonymise replacement log) is:

- a first line `{"record": "provenance", ...}` saying who made it from what
  (tool and version, model, the rule-data fingerprint, the source's hash);
- then one JSON object per line, each with the same discriminator key
  `"record"` naming what it is (`"event"`, `"theme_label"`, `"replacement"`…).

Readers go through `loads`, so a file made by one command is read the same
way by the page, the store and the tests.  Files from before this contract
(no header, or the replacement log's old `{"kind": "header"}`) still read.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

RECORD = "record"
PROVENANCE = "provenance"
_LEGACY_HEADER_KEY = "kind"  # replacement logs written before the contract: {"kind": "header", ...}


def dumps(header: dict[str, Any], records: Iterable[dict[str, Any]], record_type: str | None = None) -> str:
    """The file's text: the provenance header, then one line per record.

    `record_type` tags every record that does not already carry a `"record"`
    key (a file of one kind); mixed files tag each record themselves.
    """
    lines = [_line({RECORD: PROVENANCE, **{k: v for k, v in header.items() if k != RECORD}})]
    for record in records:
        if RECORD not in record:
            if record_type is None:
                raise ValueError("a stage record needs a 'record' type")
            record = {RECORD: record_type, **record}
        lines.append(_line(record))
    return "".join(line + "\n" for line in lines)


def _line(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, sort_keys=False, default=str)


@dataclass
class StageFile:
    """A parsed stage file: its header (None for an old headerless file) and records."""

    header: dict[str, Any] | None = None
    records: list[Any] = field(default_factory=list)
    bad_lines: int = 0


def is_header(record: Any) -> bool:
    """True for a provenance header, in the current or the old replacement-log shape."""
    return isinstance(record, dict) and (record.get(RECORD) == PROVENANCE or record.get(_LEGACY_HEADER_KEY) == "header")


def payload(record: dict[str, Any]) -> dict[str, Any]:
    """A record without its discriminator: the fields of the model it was dumped from."""
    return {k: v for k, v in record.items() if k != RECORD}


def loads(text: str, strict: bool = True) -> StageFile:
    """Parse a stage file's text; with `strict=False` lines that are not JSON are counted, not raised."""
    parsed = StageFile()
    for line in text.splitlines():
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError:
            if strict:
                raise
            parsed.bad_lines += 1
            continue
        if is_header(record):
            if parsed.header is None and not parsed.records:
                parsed.header = record
            continue
        parsed.records.append(record)
    return parsed

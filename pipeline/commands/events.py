"""`scr events FILE [--format jsonl|csv] [--out PATH] [--model M]`: a review's chronology as data.

FILE is a review (.txt/.md, read with `pipeline.ingest.load_report`) or a
`*.report.json` written by `scr ingest`.  Output goes to stdout unless --out.

Provenance:
- JSONL: the first line is a header record
  `{"record": "provenance", "tool": ..., "tool_version": ..., "model": {...},
  "source": {"name": ..., "sha256": ...}, "events": N}`; every following line
  is one event (`"record": "event"`).
- CSV: one row per event; the provenance is repeated in the last columns of
  every row (`tool_version`, `model`, `source_sha256`), so a row copied
  elsewhere still says where it came from.
"""

from __future__ import annotations

import csv
import io
from enum import Enum
from pathlib import Path

import typer

from ..errors import UnusableInput
from .common import MODEL_OPTION, check_output_path, emit, events_header, load_and_parse, steps, to_jsonl

CSV_FIELDS = [
    "id",
    "date",
    "date_end",
    "precision",
    "expression",
    "actors",
    "action",
    "object",
    "agencies",
    "kpe",
    "section",
    "relative",
    "inherited",
    "anchor",
    "modality",
    "confidence",
    "start",
    "end",
    "expression_start",
    "expression_end",
    "source",
    "sentence",
]
PROVENANCE_FIELDS = ["tool_version", "model", "source_sha256"]


class Format(str, Enum):
    jsonl = "jsonl"
    csv = "csv"


def to_csv(events, header: dict) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(
        buffer, fieldnames=CSV_FIELDS + PROVENANCE_FIELDS, extrasaction="ignore", lineterminator="\n"
    )
    writer.writeheader()
    model = f"{header['model'].get('name', '')} {header['model'].get('version', '')}".strip()
    for event in events:
        row = event.row()
        row.update(tool_version=header["tool_version"], model=model, source_sha256=header["source"]["sha256"])
        writer.writerow(row)
    return buffer.getvalue()


def events_command(
    file: Path = typer.Argument(..., help="Review (.txt, .md) or a *.report.json from `scr ingest`."),
    format: Format = typer.Option(Format.jsonl, "--format", "-f", help="jsonl (first line: provenance) or csv."),
    out: Path | None = typer.Option(None, "--out", "-o", help="Write here instead of stdout."),
    scope: str = typer.Option("chronology", "--scope", help="chronology (default) or all sections."),
    model: str | None = MODEL_OPTION,
) -> None:
    """Extract the chronology: dated events with actors, actions and KPE links."""
    from ..events import extract_events

    if scope not in ("chronology", "all"):
        raise UnusableInput(f"--scope {scope}: use 'chronology' or 'all'")
    check_output_path(out, file)
    with steps() as step:
        report, nlp, doc = load_and_parse(file, model, step)
        step("extracting events")
        events = extract_events(report, doc, scope=scope)
    header = events_header(report, nlp, events)
    text = to_csv(events, header) if format == Format.csv else to_jsonl(events, header, "event")
    emit(text, out, f"{len(events)} events")


def register(app: typer.Typer) -> None:
    app.command("events")(events_command)

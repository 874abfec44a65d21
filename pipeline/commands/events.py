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
import json
from enum import Enum
from pathlib import Path

import typer

from .. import __version__
from ..errors import UnusableInput
from ..fileio import atomic_write_text, refuse_overwriting_input
from .common import MODEL_OPTION

CSV_FIELDS = [
    "id", "date", "date_end", "precision", "expression", "actors", "action", "object", "agencies", "kpe",
    "section", "relative", "inherited", "anchor", "modality", "confidence", "start", "end",
    "expression_start", "expression_end", "source", "sentence",
]
PROVENANCE_FIELDS = ["tool_version", "model", "source_sha256"]


class Format(str, Enum):
    jsonl = "jsonl"
    csv = "csv"


def provenance(report, nlp_info: dict, count: int) -> dict:
    return {
        "record": "provenance",
        "tool": "scr-pipeline events",
        "tool_version": __version__,
        "model": nlp_info,
        "source": {"name": report.source.name, "sha256": report.source.sha256},
        "period": [str(report.metadata.period_start or ""), str(report.metadata.period_end or "")],
        "events": count,
    }


def to_jsonl(events, header: dict) -> str:
    lines = [json.dumps(header, ensure_ascii=False)]
    for event in events:
        lines.append(json.dumps({"record": "event", **event.model_dump(mode="json")}, ensure_ascii=False))
    return "\n".join(lines) + "\n"


def to_csv(events, header: dict) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_FIELDS + PROVENANCE_FIELDS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    model = f"{header['model'].get('name', '')} {header['model'].get('version', '')}".strip()
    for event in events:
        row = event.row()
        row.update(tool_version=header["tool_version"], model=model, source_sha256=header["source"]["sha256"])
        writer.writerow(row)
    return buffer.getvalue()


def load_any(path: Path):
    """A Report from a review text or a saved report.json."""
    from ..ingest import load_report

    return load_report(path)


def events_command(
    file: Path = typer.Argument(..., help="Review (.txt, .md) or a *.report.json from `scr ingest`."),
    format: Format = typer.Option(Format.jsonl, "--format", "-f", help="jsonl (first line: provenance) or csv."),
    out: Path | None = typer.Option(None, "--out", "-o", help="Write here instead of stdout."),
    scope: str = typer.Option("chronology", "--scope", help="chronology (default) or all sections."),
    model: str | None = MODEL_OPTION,
) -> None:
    """Extract the chronology: dated events with actors, actions and KPE links."""
    from rich.progress import Progress, SpinnerColumn, TextColumn

    from ..events import extract_events
    from ..nlp import load_nlp, model_info, parse_report

    if scope not in ("chronology", "all"):
        raise UnusableInput(f"--scope {scope}: use 'chronology' or 'all'")
    if out is not None:
        refuse_overwriting_input(out, file)
        if out.exists() and out.is_dir():
            raise UnusableInput(f"--out {out} is a directory; give a file name")
    report = load_any(file)
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), transient=True,
                  console=_stderr_console()) as progress:
        task = progress.add_task("loading the spaCy model", total=None)
        nlp = load_nlp(model)
        progress.update(task, description=f"parsing {file.name}")
        doc = parse_report(report, nlp)
        progress.update(task, description="extracting events")
        events = extract_events(report, doc, scope=scope)
    header = provenance(report, model_info(nlp), len(events))
    text = to_csv(events, header) if format == Format.csv else to_jsonl(events, header)
    if out is None:
        typer.echo(text, nl=False)
    else:
        atomic_write_text(out, text)
        typer.echo(f"{len(events)} events -> {out}", err=True)


def _stderr_console():
    from rich.console import Console

    return Console(stderr=True)


def register(app: typer.Typer) -> None:
    app.command("events")(events_command)

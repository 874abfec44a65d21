"""`scr themes FILE [--format jsonl|profile] [--out PATH] [--model M]`: learning themes with evidence.

FILE is a review (.txt/.md, read with `pipeline.ingest.load_report`) or a
`*.report.json` written by `scr ingest`.  The report is parsed once and every
paragraph and bullet is tagged with the themes of `models/themes.yaml`.
Output goes to stdout unless --out.

Formats:
- `jsonl` (default): the first line is a header record
  `{"record": "provenance", "tool": "scr-pipeline themes", "tool_version": ...,
  "model": {...}, "taxonomy": {"name": ..., "version": ...},
  "source": {"name": ..., "sha256": ...}, "labels": N}`; every following line
  is one paragraph (`"record": "theme_label"`) with the design's fields
  `{start, end, text, themes: [{id, evidence}]}`, where each theme also has
  `label`, `score` and `polarity` (concern / good_practice / mixed / neutral) and
  `evidence` is a list of `{text, start, end, cue, weight, polarity}`; a label
  also gives `section`, `section_title`, `section_role`, `paragraph_kind` and
  `negated` (themes mentioned only as absent: "no evidence of alcohol misuse").
- `profile`: one JSON object, per theme how many paragraphs and where
  (`pipeline.themes.profile`), with the same provenance under `"provenance"`.
"""
from __future__ import annotations

import json
from enum import Enum
from pathlib import Path

import typer

from .. import __version__
from ..errors import UnusableInput
from ..fileio import atomic_write_text, refuse_overwriting_input
from .common import MODEL_OPTION


class Format(str, Enum):
    jsonl = "jsonl"
    profile = "profile"


def provenance(report, nlp_info: dict, taxonomy, count: int) -> dict:
    """The header every themes output carries."""
    return {
        "record": "provenance",
        "tool": "scr-pipeline themes",
        "tool_version": __version__,
        "model": nlp_info,
        "taxonomy": {"name": taxonomy.name, "version": taxonomy.version},
        "source": {"name": report.source.name, "sha256": report.source.sha256},
        "labels": count,
    }


def to_jsonl(labels, header: dict) -> str:
    lines = [json.dumps(header, ensure_ascii=False)]
    for label in labels:
        lines.append(json.dumps({"record": "theme_label", **label.model_dump(mode="json")}, ensure_ascii=False))
    return "\n".join(lines) + "\n"


def themes_command(
    file: Path = typer.Argument(..., help="Review (.txt, .md) or a *.report.json from `scr ingest`."),
    format: Format = typer.Option(Format.jsonl, "--format", "-f", help="jsonl (first line: provenance) or profile (JSON)."),
    out: Path | None = typer.Option(None, "--out", "-o", help="Write here instead of stdout."),
    model: str | None = MODEL_OPTION,
) -> None:
    """Tag each paragraph with the learning themes it speaks to, with the words that justify them."""
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn

    from ..ingest import load_report
    from ..nlp import load_nlp, model_info, parse_report
    from ..themes import load_taxonomy, profile, tag_report

    if out is not None:
        refuse_overwriting_input(out, file)
        if out.exists() and out.is_dir():
            raise UnusableInput(f"--out {out} is a directory; give a file name")
    report = load_report(file)
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), transient=True, console=Console(stderr=True)) as progress:
        task = progress.add_task("loading the spaCy model", total=None)
        nlp = load_nlp(model)
        progress.update(task, description=f"parsing {file.name}")
        doc = parse_report(report, nlp)
        progress.update(task, description="tagging themes")
        labels = tag_report(report, doc)
    header = provenance(report, model_info(nlp), load_taxonomy(), len(labels))
    if format == Format.profile:
        text = json.dumps({"provenance": header, **profile(labels, report)}, ensure_ascii=False, indent=1) + "\n"
    else:
        text = to_jsonl(labels, header)
    if out is None:
        typer.echo(text, nl=False)
    else:
        atomic_write_text(out, text)
        typer.echo(f"{len(labels)} labelled paragraphs -> {out}", err=True)


def register(app: typer.Typer) -> None:
    app.command("themes")(themes_command)

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

from .common import MODEL_OPTION, check_output_path, emit, load_and_parse, steps, themes_header, to_jsonl


class Format(str, Enum):
    jsonl = "jsonl"
    profile = "profile"


def themes_command(
    file: Path = typer.Argument(..., help="Review (.txt, .md) or a *.report.json from `scr ingest`."),
    format: Format = typer.Option(
        Format.jsonl, "--format", "-f", help="jsonl (first line: provenance) or profile (JSON)."
    ),
    out: Path | None = typer.Option(None, "--out", "-o", help="Write here instead of stdout."),
    model: str | None = MODEL_OPTION,
) -> None:
    """Tag each paragraph with the learning themes it speaks to, with the words that justify them."""
    from ..themes import profile, tag_report

    check_output_path(out, file)
    with steps() as step:
        report, nlp, doc = load_and_parse(file, model, step)
        step("tagging themes")
        labels = tag_report(report, doc)
    header = themes_header(report, nlp, labels)
    if format == Format.profile:
        text = json.dumps({"provenance": header, **profile(labels, report)}, ensure_ascii=False, indent=1) + "\n"
    else:
        text = to_jsonl(labels, header, "theme_label")
    emit(text, out, f"{len(labels)} labelled paragraphs")


def register(app: typer.Typer) -> None:
    app.command("themes")(themes_command)

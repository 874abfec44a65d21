"""`scr verify FILE`: residual identifiers in an anonymised review, like a linter.

Findings go to standard output (that is where they belong: a reviewer reads
them before publication); nothing is logged or written elsewhere.  Exit code
0 when nothing reaches ``--fail-on`` (default medium), 1 when something does,
2 when the input (review, key or policy) cannot be used.
"""

from __future__ import annotations

import json
from collections import Counter
from enum import Enum
from pathlib import Path

import typer

from .common import MODEL_OPTION


class OutputFormat(str, Enum):
    text = "text"
    json = "json"


class FailOn(str, Enum):
    low = "low"
    medium = "medium"
    high = "high"


def verify(
    file: Path = typer.Argument(..., help="The anonymised review (.txt, .md or .report.json)."),
    key: Path | None = typer.Option(
        None, "--key", help="The author's key of real names (YAML): every form, misspellings too, is a high finding."
    ),
    policy: Path | None = typer.Option(None, "--policy", help="A policy YAML merged over models/policy.yaml."),
    output_format: OutputFormat = typer.Option(OutputFormat.text, "--format", help="text (file:line:col: …) or json."),
    fail_on: FailOn = typer.Option(FailOn.medium, "--fail-on", help="Exit 1 when a finding reaches this severity."),
    model: str | None = MODEL_OPTION,
    signoff: Path | None = typer.Option(
        None, "--signoff", help="A sign-off record (scr apply): findings it dismissed are reported as accepted."
    ),
) -> None:
    """List every residual identifier with its location, type, severity and reason."""
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from ..deid.keyfile import load_key
    from ..deid.policy import load_policy
    from ..deid.recognizers import build_analyzer
    from ..deid.verify import at_or_above, format_text, verify_report
    from ..ingest import load_report
    from ..nlp import load_nlp, parse_report

    console = Console(stderr=True)
    with Progress(
        SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(), console=console, transient=True
    ) as progress:
        task = progress.add_task("reading the review", total=None)
        report = load_report(file)
        the_policy = load_policy(policy)
        the_key = load_key(key) if key is not None else None
        record = _signoff_record(signoff)  # a bad record is refused before any work
        if record is not None and the_key is None:
            from ..review.signoff import record_key

            the_key = record_key(record)  # the codes signed off are declared
        progress.update(task, description="loading the language model")
        nlp = load_nlp(model)
        progress.update(task, description="parsing")
        doc = parse_report(report, nlp)
        progress.update(task, description="looking for identifiers")
        findings = verify_report(report, doc, key=the_key, policy=the_policy, analyzer=build_analyzer(nlp))

    # --- sign-off (pipeline.review.signoff): dismissed findings are accepted, anything new still counts
    accepted: list = []
    if record is not None:  # given exactly when --signoff was
        from ..review.signoff import accepted_lines, split_signed_off

        findings, accepted, notes = split_signed_off(findings, record, file)
        for note in notes:
            typer.echo(f"warning: {note}", err=True)
        if output_format is OutputFormat.text and accepted:
            typer.echo("\n".join(accepted_lines(accepted, str(file))))
    # --- end sign-off

    if output_format is OutputFormat.json:
        typer.echo(json.dumps([f.to_dict() for f in findings], ensure_ascii=False, indent=1))
    elif findings:
        typer.echo(format_text(findings, str(file)))
    counts = Counter(f.severity for f in findings)
    summary = ", ".join(f"{counts[s]} {s}" for s in ("high", "medium", "low", "info") if counts[s]) or "no findings"
    if signoff is not None:
        summary += f"; {len(accepted)} accepted at sign-off"
    console.print(f"{file}: {summary}", highlight=False)
    if at_or_above(findings, fail_on.value):
        raise typer.Exit(code=1)


def _signoff_record(path: Path | None) -> dict | None:
    """The sign-off record given with --signoff (`pipeline.review.signoff`), or None."""
    if path is None:
        return None
    from ..review.signoff import load_record

    return load_record(path)


def register(app: typer.Typer) -> None:
    app.command("verify")(verify)

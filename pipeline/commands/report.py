"""`scr report FILE --out report.html`: a review page to read instead of JSON.

FILE is a review (.txt, .md, …) — every stage runs — or a `scr run` output
folder (`OUT/<name>/`), whose outputs are used as they are.  The page is one
HTML file with no external resources: open it from disk, offline.  With
`--key` the replacements `scr pseudonymise` would make are highlighted too;
that page shows real names beside their codes, so it is written owner-only.
"""

from __future__ import annotations

from pathlib import Path

import typer

from ..errors import UnusableInput
from .common import MODEL_OPTION


def report(
    file: Path = typer.Argument(..., help="A review file, or a `scr run` output folder (OUT/<name>/)."),
    out: Path = typer.Option(..., "--out", "-o", help="Where to write the page (.html)."),
    key: Path | None = typer.Option(
        None, "--key", "-k", help="Key file (YAML): also highlight what pseudonymise would replace."
    ),
    model: str | None = MODEL_OPTION,
) -> None:
    """Write a self-contained HTML page: highlighted document, chronology, themes, provenance."""
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from ..fileio import check_writable, refuse_overwriting_input
    from ..page import add_replacements, from_folder, from_review, stage_folder, write_page

    if not file.exists():
        raise UnusableInput(f"{file} does not exist")
    if out.suffix.lower() not in (".html", ".htm"):
        raise UnusableInput(f"--out {out}: the page is HTML; give a name ending in .html")
    check_writable(out)
    folder = stage_folder(file)
    sources = [file] if folder is None else [folder / "report.json"]
    if key is not None:
        sources.append(key)
    refuse_overwriting_input(out, *sources)  # before any work, not after minutes of it
    console = Console(stderr=True)
    with Progress(
        SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(), console=console, transient=True
    ) as progress:
        task = progress.add_task("reading", total=None)
        step = lambda message: progress.update(task, description=message)  # noqa: E731
        if folder is None:
            inputs = from_review(file, model=model, key_path=key, progress=step)
        else:
            step("reading the stage outputs")
            inputs = from_folder(folder)
            if key is not None:
                step("finding replacements for the key")
                add_replacements(inputs, key, model)
        step("drawing the page")
        write_page(inputs, out, sources)
    size = out.stat().st_size
    note = " (owner-only: it shows real names from the key)" if inputs.replacements else ""
    console.print(
        f"wrote {out} ({size / 1024:.0f} KiB): {len(inputs.findings)} findings, {len(inputs.events)} events, "
        f"{len(inputs.themes)} themed paragraphs{note}",
        highlight=False,
    )
    for warning in inputs.warnings:
        console.print(f"warning: {warning}", highlight=False)


def register(app: typer.Typer) -> None:
    app.command("report")(report)

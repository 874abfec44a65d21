"""`scr index FILE|DIR... --db DB`: fill the corpus store from `scr run` outputs or review files."""
from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from ..errors import UnusableInput
from .common import MODEL_OPTION


def index(
    inputs: list[Path] = typer.Argument(..., help="`scr run` output folders (OUT or OUT/<name>), or review files to process here."),
    db: str = typer.Option(..., "--db", help="The SQLite store (created if missing). A postgresql:// URL for a shared server."),
    summary_json: bool = typer.Option(False, "--json", help="Print the summary as JSON on stdout."),
    model: str = MODEL_OPTION,
) -> None:
    """Index reviews into the corpus store; re-indexing unchanged outputs does nothing."""
    from ..store import connect, index_inputs
    from ..store.index import job_count

    if any(Path(i).resolve() == Path(db).resolve() for i in inputs):
        raise UnusableInput(f"{db}: the store cannot also be an input")
    conn = connect(db)
    columns = (TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    try:
        with Progress(*columns, transient=True) as progress:
            task = progress.add_task("indexing", total=job_count(inputs))

            def advance(name: str, status: str) -> None:
                if status == "failed":
                    progress.console.print(f"[red]not indexed[/red] {name}")
                progress.advance(task)

            summary = index_inputs(conn, inputs, model=model, on_item=advance)
    finally:
        conn.close()
    for name, error in summary.failed:
        typer.echo(f"failed {name}: {error}", err=True)
    if summary_json:
        typer.echo(json.dumps(summary.as_dict(), indent=1))
    typer.echo(
        f"{len(summary.indexed)} indexed, {len(summary.unchanged)} unchanged, {len(summary.failed)} failed, "
        f"{len(summary.run_failed)} skipped (failed in the run); store {db}",
        err=True,
    )
    if summary.failed:
        raise typer.Exit(code=1)


def register(app: typer.Typer) -> None:
    app.command("index")(index)

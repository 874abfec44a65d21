"""`scr index FILE|DIR... --db DB`: fill the corpus store from `scr run` outputs or review files."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from ..errors import UnusableInput
from .common import MODEL_OPTION


def index(
    inputs: list[Path] = typer.Argument(
        ..., help="`scr run` output folders (OUT or OUT/<name>), or review files to process here."
    ),
    db: str = typer.Option(
        ..., "--db", help="The SQLite store (created if missing). A postgresql:// URL for a shared server."
    ),
    summary_json: bool = typer.Option(False, "--json", help="Print the summary as JSON on stdout."),
    model: str = MODEL_OPTION,
) -> None:
    """Index reviews into the corpus store; re-indexing unchanged outputs does nothing.

    Exit 1 when a review could not be indexed or its run did not finish
    (killed half-way: run `scr run` again); reviews the run itself recorded
    as failed are listed but do not change the exit code.
    """
    from ..store.index import plan_index

    if any(Path(i).resolve() == Path(db).resolve() for i in inputs):
        raise UnusableInput(f"{db}: the store cannot also be an input")
    jobs = plan_index(inputs, model)  # every input checked before the store is touched
    store = _Store(db)
    try:
        summary = _run(jobs, store)
    finally:
        store.close()
    for label, items in (("failed", summary.failed), ("incomplete", summary.incomplete)):
        for name, error in items:  # one line each; the error usually starts with the name already
            typer.echo(f"{label} {error}" if error.startswith(f"{name}:") else f"{label} {name}: {error}", err=True)
    if summary_json:
        typer.echo(json.dumps(summary.as_dict(), indent=1))
    typer.echo(
        f"{len(summary.indexed)} indexed, {len(summary.unchanged)} unchanged, {len(summary.failed)} failed, "
        f"{len(summary.incomplete)} incomplete (run not finished), "
        f"{len(summary.run_failed)} skipped (failed in the run); "
        + (f"store {db}" if store.opened else "no store written"),
        err=True,
    )
    if summary.failed or summary.incomplete:
        raise typer.Exit(code=1)


class _Store:
    """The store, opened when the first review is ready.

    An existing store is checked at once; a new one is created only when needed.
    """

    def __init__(self, db: str):
        from ..store import connect
        from ..store.db import check_store_path
        from ..store.pg import is_url

        self.db, self.conn = db, None
        if is_url(db) or Path(db).exists():
            self.conn = connect(db)
        else:
            check_store_path(db)

    @property
    def opened(self) -> bool:
        return self.conn is not None

    def __call__(self):
        from ..store import connect

        if self.conn is None:
            self.conn = connect(self.db)
        return self.conn

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()


def _run(jobs, store: _Store):
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from ..store.index import index_jobs

    columns = (
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    console = Console(stderr=True)
    with Progress(
        *columns, transient=True, console=console, disable=not console.is_terminal
    ) as progress:  # no stray line in logs
        task = progress.add_task("indexing", total=len(jobs))

        def advance(name: str, status: str) -> None:
            if status == "failed":
                progress.console.print(f"[red]not indexed[/red] {name}")
            progress.advance(task)

        return index_jobs(store, jobs, on_item=advance)


def register(app: typer.Typer) -> None:
    app.command("index")(index)

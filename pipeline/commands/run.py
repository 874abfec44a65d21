"""`scr run FILE|DIR... --out DIR [--workers N] [--executor local|dask [--scheduler ADDRESS]]`: every stage, batched."""

from __future__ import annotations

import json
import time
from pathlib import Path

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from ..batch import EXECUTORS, discover, run_batch
from ..config import LIMITS
from ..errors import UnusableInput
from ..fileio import atomic_write_text, check_writable
from .common import MODEL_OPTION


def run(
    inputs: list[Path] = typer.Argument(..., help="Review files (.txt, .md, .report.json) or directories of them."),
    out: Path = typer.Option(..., "--out", "-o", help="Output directory: one folder per review."),
    workers: int = typer.Option(
        1, "--workers", "-w", min=1, help="Worker processes (the model is loaded once per worker)."
    ),
    executor: str = typer.Option(
        "local",
        "--executor",
        help="local: a process pool on this machine; dask: a Dask cluster (pip install 'scr-pipeline[cluster]').",
    ),
    scheduler: str = typer.Option(
        None,
        "--scheduler",
        envvar="SCR_DASK_SCHEDULER",
        help="With --executor dask: a running scheduler (tcp://host:8786); "
        "without it, a LocalCluster of --workers processes.",
    ),
    model: str = MODEL_OPTION,
    timeout: float = typer.Option(
        LIMITS["run_timeout_s"].default,
        "--timeout",
        envvar=LIMITS["run_timeout_s"].env,
        min=0,
        help="Seconds one review may take before it is stopped and marked failed (0 = no limit).",
    ),
) -> None:
    """Run ingest → nlp → verify → events → themes for each review; resumable, failure-isolated."""
    if executor not in EXECUTORS:
        raise UnusableInput(f"--executor must be one of {', '.join(EXECUTORS)}, not {executor!r}")
    if scheduler and executor != "dask":
        raise UnusableInput("--scheduler needs --executor dask")
    missing = [str(i) for i in inputs if not Path(i).exists()]
    if missing:  # a mistyped path is refused before any model is loaded or folder made
        raise UnusableInput(f"no such file or directory: {', '.join(missing)}")
    paths = outside_output(discover(inputs), inputs, out)
    if not paths:
        raise UnusableInput("no review files found in the given inputs")
    if out.exists() and not out.is_dir():
        raise UnusableInput(f"{out}: --out must be a directory")
    check_writable(out, folder=True)
    resolved = {p.resolve() for p in paths}
    if out.resolve() in resolved:
        raise UnusableInput(f"{out}: --out must not be one of the inputs")
    counts = {"done": 0, "skipped": 0, "failed": 0}
    failures: list[dict] = []
    words = 0
    started = time.perf_counter()
    columns = (
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, transient=False) as progress:
        task = progress.add_task("reviews", total=len(paths), rate="")
        for outcome in run_batch(
            paths, out, workers=workers, model=model, timeout=timeout, executor=executor, scheduler=scheduler
        ):
            counts[outcome.status] += 1
            words += outcome.words
            if outcome.status == "failed":
                failures.append({"file": str(outcome.path), "error": outcome.error})
                progress.console.print(f"[red]failed[/red] {outcome.path.name}: {outcome.error}")
            elapsed = max(time.perf_counter() - started, 1e-9)
            done = counts["done"] + counts["failed"]
            progress.update(task, advance=1, rate=f"{done / elapsed:.2f} docs/s, {words / elapsed:,.0f} words/s")
    summary = {
        **counts,
        "total": len(paths),
        "words": words,
        "seconds": round(time.perf_counter() - started, 2),
        "failures": failures,
    }
    atomic_write_text(out / "run-summary.json", json.dumps(summary, indent=1))
    typer.echo(
        f"{counts['done']} processed, {counts['skipped']} unchanged (skipped), {counts['failed']} failed; "
        f"outputs in {out}",
        err=True,
    )
    if counts["failed"]:
        raise typer.Exit(code=1)


def outside_output(paths: list[Path], inputs: list[Path], out: Path) -> list[Path]:
    """Reviews found in a folder, less those under --out when --out lies inside that folder.

    `scr run reviews --out reviews/out` is a natural layout; a page written
    there later (`scr report reviews/out/x --out reviews/out/x.html`) must not
    come back as a review on the next run.  A file named directly is kept.
    """
    root = out.resolve()
    named = {Path(i).resolve() for i in inputs}
    kept = [p for p in paths if p.resolve() in named or not p.resolve().is_relative_to(root)]
    if len(kept) < len(paths):
        typer.echo(
            f"warning: {len(paths) - len(kept)} file(s) under --out {out} left out (outputs, not reviews)", err=True
        )
    return kept


def register(app: typer.Typer) -> None:
    app.command("run")(run)

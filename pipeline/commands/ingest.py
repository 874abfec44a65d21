"""`scr ingest FILE... --out DIR`: text to `DIR/<stem>.report.json`."""

from __future__ import annotations

from pathlib import Path

import typer

from ..errors import UnusableInput
from ..fileio import atomic_write_text, check_writable, refuse_overwriting_input
from ..ingest import load_report


def report_json_path(source: Path, out_dir: Path) -> Path:
    """`report.txt` → `OUT/report.report.json`."""
    return out_dir / f"{source.stem}.report.json"


def report_json_paths(sources: list[Path], out_dir: Path) -> list[Path]:
    """One distinct output per input, in order.

    `OUT/<stem>.report.json`, except that inputs sharing a stem
    (`good.pdf`, `good.docx`) keep their suffix (`good.pdf.report.json`), and
    any name still taken (the same file name from two folders) gets `-2`, `-3`.
    """
    from collections import Counter

    stems = Counter(source.stem for source in sources)
    taken: set[str] = set()
    targets = []
    for source in sources:
        base = source.stem if stems[source.stem] == 1 else source.name
        name, count = base, 1
        while name in taken:
            count += 1
            name = f"{base}-{count}"
        taken.add(name)
        targets.append(out_dir / f"{name}.report.json")
    return targets


def ingest(
    files: list[Path] = typer.Argument(..., help="Review files (.txt, .md)."),
    out: Path = typer.Option(..., "--out", "-o", help="Directory for the <stem>.report.json files."),
) -> None:
    """Read reviews, detect their structure and key, and write one report.json each."""
    if out.exists() and not out.is_dir():
        raise UnusableInput(f"{out}: --out must be a directory")
    check_writable(out, folder=True)
    failures = 0
    for path, target in zip(files, report_json_paths(files, out), strict=True):
        try:
            report = load_report(path)
            refuse_overwriting_input(target, path)
            atomic_write_text(target, report.to_json())
        except UnusableInput as exc:
            failures += 1
            typer.secho(f"error: {exc}", err=True, fg=typer.colors.RED)
            continue
        typer.echo(
            f"{path.name}: {len(report.sections)} sections, {len(report.paragraphs)} paragraphs, "
            f"{len(report.key)} key codes, {len(report.footnotes)} footnotes -> {target}",
            err=True,
        )
    if failures:
        raise typer.Exit(code=2)


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest)

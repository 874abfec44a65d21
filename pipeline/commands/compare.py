"""`scr compare --db DB [--out matrix.csv] [--plot heatmap.png]` or `scr compare --db DB REPORT_A REPORT_B`."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path

import typer

from ..errors import UnusableInput
from ..fileio import atomic_write_text, check_writable, refuse_overwriting_input


class Value(str, Enum):
    counts = "counts"
    shares = "shares"


class Align(str, Enum):
    start = "start"
    date = "date"


class Format(str, Enum):
    text = "text"
    json = "json"


def compare(
    names: list[str] = typer.Argument(
        None, help="Two report names: their theme profiles and chronologies side by side."
    ),
    db: str = typer.Option(
        ..., "--db", help="The SQLite store built by `scr index`. A postgresql:// URL for a shared server."
    ),
    out: Path = typer.Option(None, "--out", "-o", help="Write the report × theme matrix as CSV (default: to stdout)."),
    plot: Path = typer.Option(None, "--plot", help="Write the matrix as a heatmap PNG."),
    value: Value = typer.Option(
        Value.counts, "--value", help="Paragraph counts, or shares of each report's theme-tagged paragraphs."
    ),
    report: list[str] = typer.Option(None, "--report", help="Only these reports (glob patterns allowed)."),
    fmt: Format = typer.Option(Format.text, "--format", "-f", help="For two reports: text (side by side) or json."),
    align: Align = typer.Option(
        Align.start,
        "--align",
        help="For two reports: chronologies by month since each review's start, or by calendar date.",
    ),
) -> None:
    """The report × theme matrix and heatmap, or two reviews side by side."""
    from ..store import compare_reports, connect, theme_matrix, write_heatmap
    from ..store.db import readable

    names = list(names or [])
    conn = connect(db, create=False)
    with readable(db):  # a damaged store is one line, exit 2
        if names:
            if len(names) != 2:
                raise UnusableInput(f"give two report names to compare side by side, not {len(names)}")
            first, second = names
            result = compare_reports(conn, first, second, align=align.value)
            if fmt is Format.json:
                sys.stdout.write(json.dumps(result, indent=1, ensure_ascii=False) + "\n")
            else:
                _print_side_by_side(result)
            return
        for path, option in ((out, "--out"), (plot, "--plot")):
            if path is not None:
                refuse_overwriting_input(path, Path(db))
                check_writable(path, option)
        matrix = theme_matrix(conn, value.value, list(report or []))
        if out is not None:
            atomic_write_text(out, matrix.to_csv())
        elif plot is None:
            sys.stdout.write(matrix.to_csv())
        if plot is not None:
            _write_plot(write_heatmap, matrix, plot)
        typer.echo(
            f"{len(matrix.reports)} report(s) × {len(matrix.themes)} theme(s)"
            + (f"; matrix {out}" if out else "")
            + (f"; heatmap {plot}" if plot else ""),
            err=True,
        )


def _write_plot(write_heatmap, matrix, plot: Path) -> None:
    """Render into a private temporary folder beside `plot`, then rename into place (owner-only):
    a reader never sees half a PNG, and an interrupted run leaves the old one intact."""
    import shutil
    import tempfile

    from ..fileio import atomic_write_bytes

    plot.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=f".{plot.name}.", dir=plot.parent))
    try:
        rendered = write_heatmap(matrix, scratch / plot.name)
        atomic_write_bytes(plot, rendered.read_bytes(), private=True)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _print_side_by_side(result: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(width=max(120, Console().width))
    a, b = result["a"], result["b"]
    table = Table(title="Theme profiles (paragraphs, share of tagged paragraphs)")
    table.add_column("theme")
    table.add_column(a["name"], justify="right")
    table.add_column(b["name"], justify="right")
    for theme in result["themes"]:
        table.add_row(
            theme["label"],
            f"{theme['a_paragraphs']} ({theme['a_share']:.0%})",
            f"{theme['b_paragraphs']} ({theme['b_share']:.0%})",
        )
    console.print(table)
    by_start = result["align"] == "start"
    chron = Table(
        title="Chronologies by month since the review period's start" if by_start else "Chronologies by date",
        show_lines=True,
    )
    chron.add_column("month" if by_start else "date", no_wrap=True)
    chron.add_column(f"{a['name']} ({a['period_start'] or '?'} – {a['period_end'] or '?'})", ratio=1)
    chron.add_column(f"{b['name']} ({b['period_start'] or '?'} – {b['period_end'] or '?'})", ratio=1)
    for row in result["chronology"]:
        chron.add_row(row["when"], _events(row["a"], by_start), _events(row["b"], by_start))
    console.print(chron)


def _events(events: list[dict], dated: bool) -> str:
    from rich.markup import escape

    def line(e: dict) -> str:
        sentence = e["sentence"] if len(e["sentence"]) <= 160 else e["sentence"][:157] + "…"
        return escape((f"{e['date']}: " if dated else "") + sentence)

    return "\n".join(line(e) for e in events)


def register(app: typer.Typer) -> None:
    app.command("compare")(compare)

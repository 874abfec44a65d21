"""`scr search --db DB [--theme ID]... [--any-theme ID]... [--text Q] [--from D --to D] [--report NAME]...`."""

from __future__ import annotations

import csv
import json
import sys
from enum import Enum

import typer

from ..errors import UnusableInput


class Format(str, Enum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


class Within(str, Enum):
    paragraph = "paragraph"
    report = "report"


CSV_FIELDS = (
    "rank",
    "report",
    "section",
    "section_title",
    "kind",
    "number",
    "start",
    "end",
    "themes",
    "dates",
    "score",
    "snippet",
)


def search(
    db: str = typer.Option(
        ..., "--db", help="The SQLite store built by `scr index`. A postgresql:// URL for a shared server."
    ),
    theme: list[str] = typer.Option(None, "--theme", help="Theme id the paragraph must carry (repeat: all of them)."),
    any_theme: list[str] = typer.Option(
        None, "--any-theme", help="Theme ids of which the paragraph carries at least one."
    ),
    text: str = typer.Option(
        None,
        "--text",
        help='Full-text query as you would type it: words (all required), "a phrase", OR, -word, prefix*; '
        "other punctuation is ignored.",
    ),
    raw_query: bool = typer.Option(
        False,
        "--raw-query",
        help="Read --text in the store's own query syntax (SQLite FTS5: NEAR(), ^, column:; "
        "PostgreSQL: to_tsquery). A syntax error is exit 2.",
    ),
    date_from: str = typer.Option(None, "--from", help="Earliest event date (YYYY, YYYY-MM or YYYY-MM-DD)."),
    date_to: str = typer.Option(None, "--to", help="Latest event date."),
    date_scope: Within = typer.Option(
        Within.paragraph, "--date-scope", help="Dates of the paragraph's events, or the report's review period."
    ),
    report: list[str] = typer.Option(None, "--report", help="Report name (glob patterns allowed; repeat for several)."),
    within: Within = typer.Option(
        None,
        "--within",
        help="Where all --theme must co-occur: same paragraph (default for hits) "
        "or same report (default for --by-report).",
    ),
    by_report: bool = typer.Option(
        False, "--by-report", help="Co-occurrence summary: one row per report where all --theme occur."
    ),
    limit: int = typer.Option(20, "--limit", "-n", min=0, help="Most hits to show (0 = all)."),
    fmt: Format = typer.Option(Format.table, "--format", "-f", help="table, jsonl or csv."),
) -> None:
    """Find paragraphs by theme, text, date and report; ranked, with highlighted snippets."""
    from ..store import SearchQuery, connect, cooccurrence
    from ..store import search as run_search
    from ..store.db import readable

    conn = connect(db, create=False)
    with readable(db):  # a damaged store is one line, exit 2
        if by_report:
            rows = cooccurrence(
                conn, list(theme or []), within=(within or Within.report).value, reports=list(report or [])
            )
            _print_cooccurrence(rows, list(theme or []), fmt)
            return
        if raw_query and not text:
            raise UnusableInput("--raw-query needs --text")
        if not (theme or any_theme or text or date_from or date_to or report):
            raise UnusableInput("give at least one of --theme, --any-theme, --text, --from/--to or --report")
        query = SearchQuery(
            themes=list(theme or []),
            any_themes=list(any_theme or []),
            text=text,
            date_from=date_from,
            date_to=date_to,
            reports=list(report or []),
            within=(within or Within.paragraph).value,
            date_scope=date_scope.value,
            limit=limit,
            raw=raw_query,
        )
        hits = run_search(conn, query)
        if fmt is Format.jsonl:
            for hit in hits:
                sys.stdout.write(json.dumps(hit.as_dict(), ensure_ascii=False) + "\n")
        elif fmt is Format.csv:
            writer = csv.DictWriter(sys.stdout, fieldnames=CSV_FIELDS, extrasaction="ignore", lineterminator="\n")
            writer.writeheader()
            for hit in hits:
                row = hit.as_dict()
                row["themes"] = "; ".join(t["id"] for t in hit.themes)
                row["dates"] = "; ".join(hit.dates)
                writer.writerow(row)
        else:
            _print_table(hits)
        typer.echo(
            f"{len(hits)} paragraph(s)"
            + (f" (first {limit}; --limit 0 for all)" if limit and len(hits) == limit else ""),
            err=True,
        )


def _print_table(hits) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=True)
    for name in ("#", "report", "section", "themes", "snippet"):
        table.add_column(name, overflow="fold", ratio=4 if name == "snippet" else None)
    for hit in hits:
        section = " ".join(x for x in (hit.section, hit.section_title) if x) or "-"
        themes = "\n".join(t["id"] for t in hit.themes) or "-"
        table.add_row(str(hit.rank), hit.report, section[:60], themes, _bold(hit.snippet))
    Console(width=max(120, Console().width)).print(table)


def _bold(snippet: str) -> str:
    """Markers to rich bold (escaping rich's own markup)."""
    parts = snippet.replace("[", r"\[").split("**")
    return "".join(f"[bold yellow]{p}[/bold yellow]" if i % 2 else p for i, p in enumerate(parts))


def _print_cooccurrence(rows: list[dict], themes: list[str], fmt: Format) -> None:
    if fmt is Format.jsonl:
        for row in rows:
            sys.stdout.write(json.dumps(row) + "\n")
        return
    writer = csv.writer(sys.stdout, lineterminator="\n", delimiter="," if fmt is Format.csv else "\t")
    writer.writerow(["report", *themes, "together"])
    for row in rows:
        writer.writerow([row["report"], *(row["paragraphs"][t] for t in themes), row["together"]])
    typer.echo(f"{len(rows)} report(s) with all of {', '.join(themes)}", err=True)


def register(app: typer.Typer) -> None:
    app.command("search")(search)

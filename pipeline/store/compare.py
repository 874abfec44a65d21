"""Compare reviews: the report × theme matrix, its heatmap, and two reviews side by side.

Counts are paragraphs carrying a theme (negated mentions excluded).  A share
is that count over the report's theme-tagged paragraphs, the same measure as
`pipeline.themes.profile` (`share_of_tagged`), so long and short reviews can
be compared; shares of one report add up to more than 1 because a paragraph
can carry several themes.
"""

from __future__ import annotations

import csv
import io
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import UnusableInput

VALUES = ("counts", "shares")


@dataclass
class Matrix:
    reports: list[str]
    themes: list[str]
    labels: dict[str, str]
    values: list[list[float]]
    value: str  # counts | shares

    def to_csv(self) -> str:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["report", *self.themes])
        for name, row in zip(self.reports, self.values, strict=True):
            writer.writerow([name, *(_fmt(v, self.value) for v in row)])
        return out.getvalue()


def _fmt(value: float, kind: str) -> str:
    return str(int(value)) if kind == "counts" else f"{value:.3f}"


def theme_order(found: set[str]) -> list[str]:
    """Themes in taxonomy order (so matrices of different stores line up), unknown ones after."""
    try:
        from ..themes import load_taxonomy

        ordered = [t for t in load_taxonomy().ids() if t in found]
    except Exception:  # a store can outlive a taxonomy: fall back to names
        ordered = []
    return ordered + sorted(found - set(ordered))


def theme_matrix(conn: sqlite3.Connection, value: str = "counts", reports: list[str] | None = None) -> Matrix:
    """Reports (rows, by name) × themes (columns) of paragraph counts or shares."""
    if value not in VALUES:
        raise UnusableInput(f"--value must be one of {', '.join(VALUES)}, not {value!r}")
    where, params = _report_filter(conn, reports)
    names = [row[0] for row in conn.execute(f"SELECT name FROM reports r {where} ORDER BY name", params)]
    if not names:
        raise UnusableInput("the store holds no reports" + (" matching --report" if reports else ""))
    counts: dict[tuple[str, str], int] = {}
    labels: dict[str, str] = {}
    for row in conn.execute(
        f"SELECT r.name, t.theme_id, max(t.theme_label) AS label, count(DISTINCT t.char_start) AS n FROM theme_labels t"
        f" JOIN reports r ON r.id = t.report_id {where} {'AND' if where else 'WHERE'} t.negated = 0"
        " GROUP BY r.name, t.theme_id",
        params,
    ):
        counts[(row["name"], row["theme_id"])] = row["n"]
        labels[row["theme_id"]] = row["label"] or row["theme_id"]
    tagged = {
        row["name"]: row["n"]
        for row in conn.execute(
            f"SELECT r.name, count(DISTINCT t.char_start) AS n FROM theme_labels t"
            f" JOIN reports r ON r.id = t.report_id {where}"
            f" {'AND' if where else 'WHERE'} t.negated = 0 GROUP BY r.name",
            params,
        )
    }
    themes = theme_order({theme for _, theme in counts})
    values = []
    for name in names:
        row = [float(counts.get((name, theme), 0)) for theme in themes]
        if value == "shares":
            row = [v / tagged[name] if tagged.get(name) else 0.0 for v in row]
        values.append(row)
    return Matrix(names, themes, labels, values, value)


def _report_filter(conn, reports: list[str] | None) -> tuple[str, list]:
    from .pg import dialect
    from .search import name_clause

    if not reports:
        return "", []
    clauses = [name_clause(n, dialect(conn)) for n in reports]
    return "WHERE (" + " OR ".join(c for c, _ in clauses) + ")", [v for _, values in clauses for v in values]


def write_heatmap(matrix: Matrix, path: Path, title: str | None = None) -> Path:
    """A heatmap PNG of the matrix (matplotlib, Agg backend: no display needed)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    n_rows, n_cols = len(matrix.reports), len(matrix.themes)
    if not n_cols:
        raise UnusableInput("no theme labels in the store: nothing to plot")
    height = min(60.0, max(3.0, 0.16 * n_rows + 2.5))
    width = min(40.0, max(6.0, 0.28 * n_cols + 3.0))
    fig, ax = plt.subplots(figsize=(width, height))
    image = ax.imshow(matrix.values, aspect="auto", cmap="viridis", interpolation="nearest")
    ax.set_xticks(range(n_cols), labels=matrix.themes, rotation=60, ha="right", fontsize=7)
    row_font = 7 if n_rows <= 80 else 4
    ax.set_yticks(range(n_rows), labels=matrix.reports, fontsize=row_font)
    fig.colorbar(
        image,
        ax=ax,
        label="paragraphs" if matrix.value == "counts" else "share of tagged paragraphs",
        shrink=min(0.6, 4.0 / height),
        fraction=0.04,
        pad=0.02,
        anchor=(0.0, 1.0),
    )
    ax.set_title(title or f"Themes by report ({matrix.value})", fontsize=10)
    fig.tight_layout()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=100, format="png")
    plt.close(fig)
    return path


# ------------------------------------------------------------------ two reviews
def _report_id(conn: sqlite3.Connection, name: str) -> sqlite3.Row:
    """The report of that exact name, else the one whose input sha256 starts with `name` (8+ hex digits).

    Compared by equality and by prefix substring, never LIKE: `%` and `_` in
    a name are ordinary characters.
    """
    columns = "SELECT id, name, title, board, period_start, period_end, words FROM reports"
    row = conn.execute(f"{columns} WHERE name = ?", (name,)).fetchone()
    if row is None and re.fullmatch(r"[0-9a-f]{8,64}", name):
        rows = conn.execute(f"{columns} WHERE substr(sha256, 1, ?) = ? ORDER BY name", (len(name), name)).fetchall()
        if len(rows) > 1:
            starting = ", ".join(r["name"] for r in rows[:5])
            raise UnusableInput(f"{name}: the input of {len(rows)} reports starts so ({starting}); give a name")
        row = rows[0] if rows else None
    if row is None:
        raise UnusableInput(f"{name}: no such report in the store (see `scr search --db DB --format csv` for names)")
    return row


def compare_reports(conn: sqlite3.Connection, a: str, b: str, align: str = "start") -> dict:
    """Two reviews' theme profiles and chronologies, aligned for side-by-side reading.

    `align="start"` lines the chronologies up by month since each review's
    period start (two cases in different years become comparable: "month 3:
    first strategy meeting"); `align="date"` by calendar date.
    """
    if align not in ("start", "date"):
        raise UnusableInput(f"--align must be start or date, not {align!r}")
    ra, rb = _report_id(conn, a), _report_id(conn, b)
    matrix = theme_matrix(conn, "counts", [ra["name"], rb["name"]])
    shares = theme_matrix(conn, "shares", [ra["name"], rb["name"]])
    index = {name: i for i, name in enumerate(matrix.reports)}
    themes: list[dict[str, Any]] = []
    for j, theme in enumerate(matrix.themes):
        ia, ib = index[ra["name"]], index[rb["name"]]
        themes.append(
            {
                "id": theme,
                "label": matrix.labels.get(theme, theme),
                "a_paragraphs": int(matrix.values[ia][j]),
                "b_paragraphs": int(matrix.values[ib][j]),
                "a_share": round(shares.values[ia][j], 3),
                "b_share": round(shares.values[ib][j], 3),
            }
        )
    themes.sort(key=lambda t: (-max(t["a_share"], t["b_share"]), t["id"]))
    return {
        "a": _meta(ra),
        "b": _meta(rb),
        "themes": themes,
        "align": align,
        "chronology": _aligned_chronology(
            _events(conn, ra["id"]),
            _events(conn, rb["id"]),
            (_origin(conn, ra), _origin(conn, rb)) if align == "start" else None,
        ),
    }


def _origin(conn: sqlite3.Connection, row: sqlite3.Row) -> str | None:
    """Where a review's clock starts: its period start, else its first dated event."""
    if row["period_start"]:
        return row["period_start"]
    first = conn.execute("SELECT min(date) FROM events WHERE report_id = ?", (row["id"],)).fetchone()[0]
    return first


def _month_offset(date: str, origin: str | None) -> int | None:
    """Whole months from origin to date ('2017-02-06' → '2017-04-10' is month 2)."""
    if not origin:
        return None
    (y1, m1, d1), (y2, m2, d2) = (map(int, origin[:10].split("-")), map(int, date[:10].split("-")))
    return (y2 - y1) * 12 + (m2 - m1) - (1 if d2 < d1 else 0)


def _meta(row: sqlite3.Row) -> dict:
    return {k: row[k] for k in ("name", "title", "board", "period_start", "period_end", "words")}


def _events(conn: sqlite3.Connection, report_id: int) -> list[dict]:
    rows = conn.execute(
        "SELECT date, date_end, precision, sentence, action, actors, kpe FROM events"
        " WHERE report_id = ? AND date IS NOT NULL"
        " ORDER BY date, char_start",
        (report_id,),
    )
    return [dict(row) for row in rows]


def _aligned_chronology(a: list[dict], b: list[dict], origins: tuple[str | None, str | None] | None) -> list[dict]:
    """One row per date (or per month since the start) with either review's events: {when, a: [...], b: [...]}."""
    rows: dict[tuple, dict] = {}
    for i, (side, events) in enumerate((("a", a), ("b", b))):
        for event in events:
            if origins is None:
                key, when = (0, event["date"]), event["date"]
            else:
                month = _month_offset(event["date"], origins[i])
                key = (1, month) if month is not None else (2, event["date"])
                when = f"month {month}" if month is not None else event["date"]
            row = rows.setdefault(key, {"when": when, "a": [], "b": []})
            row[side].append(
                {
                    "date": event["date"],
                    "sentence": event["sentence"],
                    "action": event["action"],
                    "precision": event["precision"],
                    "kpe": event["kpe"],
                }
            )
    return [rows[k] for k in sorted(rows, key=lambda k: (k[0], k[1]))]

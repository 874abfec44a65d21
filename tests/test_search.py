"""Search and compare over a small store: the store must return what the run outputs say.

The oracle is always the run outputs on disk (themes.jsonl, events.jsonl,
report.json): a search by theme returns exactly the paragraphs the tagger
labelled, a date search exactly the paragraphs narrating dated events in the
range, and so on.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from pipeline import stagefile
from pipeline.errors import UnusableInput
from pipeline.store import (
    SearchQuery,
    compare_reports,
    connect,
    cooccurrence,
    fts_query,
    search,
    theme_matrix,
    write_heatmap,
)
from test_store_corpus import REVIEWS, db, make_run, run_out  # noqa: F401  (db, run_out: shared store fixtures)


@pytest.fixture()
def conn(db):
    connection = connect(db, create=False)
    yield connection
    connection.close()


# ------------------------------------------------------------------ oracles from the run outputs
def _labels(run_out: Path) -> list[tuple[str, int, set[str]]]:
    """(report, paragraph start, theme ids) for every tagged paragraph."""
    out = []
    for name in REVIEWS:
        for label in stagefile.loads((run_out / name / "themes.jsonl").read_text()).records:
            out.append((name, label["start"], {h["id"] for h in label["themes"]}))
    return out


def _paragraphs(run_out: Path) -> list[tuple[str, int, int, str, str]]:
    """(report, start, end, kind, text) of every paragraph."""
    out = []
    for name in REVIEWS:
        report = json.loads((run_out / name / "report.json").read_text())
        out += [
            (name, p["start"], p["end"], p["kind"], report["text"][p["start"] : p["end"]]) for p in report["paragraphs"]
        ]
    return out


def _keys(hits) -> set[tuple[str, int]]:
    return {(h.report, h.start) for h in hits}


def _theme_oracle(run_out, predicate) -> set[tuple[str, int]]:
    return {(name, start) for name, start, ids in _labels(run_out) if predicate(ids)}


def _common_themes(run_out) -> list[str]:
    """Themes tagged in at least two reviews (the test reviews are written so there are some)."""
    seen: dict[str, set[str]] = {}
    for name, _, ids in _labels(run_out):
        for theme in ids:
            seen.setdefault(theme, set()).add(name)
    common = sorted(t for t, names in seen.items() if len(names) >= 2)
    assert len(common) >= 2, seen
    return common


# ------------------------------------------------------------------ search
def test_theme_search_returns_exactly_the_labelled_paragraphs(run_out, conn):
    for theme in _common_themes(run_out):
        hits = search(conn, SearchQuery(themes=[theme], limit=0))
        assert _keys(hits) == _theme_oracle(run_out, lambda ids, theme=theme: theme in ids), theme
        assert all(theme in {t["id"] for t in h.themes} for h in hits)
        assert all("**" in h.snippet for h in hits)  # the evidence words are highlighted
        assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_all_themes_and_any_theme(run_out, conn):
    a, b = _common_themes(run_out)[:2]
    both = search(conn, SearchQuery(themes=[a, b], limit=0))
    assert _keys(both) == _theme_oracle(run_out, lambda ids: {a, b} <= ids)
    either = search(conn, SearchQuery(any_themes=[a, b], limit=0))
    assert _keys(either) == _theme_oracle(run_out, lambda ids: bool({a, b} & ids))
    assert _keys(both) <= _keys(either)


def test_text_search_finds_known_paragraphs_with_stemming_and_highlights(run_out, conn):
    hits = search(conn, SearchQuery(text="shared", limit=0))
    expected = {
        (name, start)
        for name, start, _, kind, text in _paragraphs(run_out)
        if kind not in ("heading", "contents") and any(w in text.lower() for w in ("share", "sharing"))
    }
    assert _keys(hits) == expected and len(expected) >= 3
    assert all("**shared**" in h.snippet.lower() or "**shar" in h.snippet.lower() for h in hits)
    assert [h.score for h in hits] == sorted(h.score for h in hits)  # bm25: lower is better
    phrase = search(conn, SearchQuery(text='"face value"', limit=0))
    assert [(h.report, "face value" in h.snippet.replace("**", "")) for h in phrase] == [("westshire_child_t", True)]


def test_theme_and_text_together(run_out, conn):
    theme = "domestic_abuse" if "domestic_abuse" in _common_themes(run_out) else _common_themes(run_out)[0]
    hits = search(conn, SearchQuery(themes=[theme], text="police OR assessment", limit=0))
    tagged = _theme_oracle(run_out, lambda ids: theme in ids)
    texts = {(n, s): t.lower() for n, s, _, _, t in _paragraphs(run_out)}
    expected = {key for key in tagged if "police" in texts[key] or "assessment" in texts[key]}
    assert _keys(hits) == expected and expected


def test_date_range_returns_paragraphs_narrating_events_in_it(run_out, conn):
    events = [
        (name, json.loads(line))
        for name in REVIEWS
        for line in (run_out / name / "events.jsonl").read_text().splitlines()
    ]
    dated = [(name, e) for name, e in events if e.get("date")]
    assert dated, "the test reviews narrate dated events"
    name, first = dated[0]
    month = first["date"][:7]
    hits = search(conn, SearchQuery(date_from=month, date_to=month, limit=0))
    paragraphs = _paragraphs(run_out)
    expected = set()
    for n, e in dated:
        if e["date"] <= f"{month}-31" and (e.get("date_end") or e["date"]) >= f"{month}-01":
            expected |= {(n, s) for pn, s, end, _, _ in paragraphs if pn == n and s <= e["start"] < end}
    assert (
        _keys(hits) == expected
        and (name, next(s for pn, s, end, _, _ in paragraphs if pn == name and s <= first["start"] < end)) in expected
    )
    assert all(any(d.startswith(month) for d in h.dates) for h in hits)
    dated_phrases = [
        e["expression"] for n, e in dated if e.get("expression_start") is not None and e["date"].startswith(month)
    ]
    assert any(
        f"**{phrase}**" in " ".join(h.snippet for h in hits) for phrase in dated_phrases
    )  # the date phrase is highlighted
    # the review period scope: reports whose period overlaps the range
    by_period = search(
        conn, SearchQuery(date_from="2016-06-01", date_to="2016-06-30", date_scope="report", text="child", limit=0)
    )
    assert {h.report for h in by_period} == {"eastborough_child_r"}


def test_report_filter_and_glob(conn):
    hits = search(conn, SearchQuery(text="child", reports=["northvale_child_p"], limit=0))
    assert hits and {h.report for h in hits} == {"northvale_child_p"}
    hits = search(conn, SearchQuery(text="child", reports=["*_child_[pt]"], limit=0))
    assert {h.report for h in hits} == {"northvale_child_p", "westshire_child_t"}


def test_cooccurrence_in_the_same_report_and_the_same_paragraph(run_out, conn):
    labels = _labels(run_out)
    a, b = _common_themes(run_out)[:2]
    in_report = {
        name
        for name in REVIEWS
        if any(a in ids for n, _, ids in labels if n == name) and any(b in ids for n, _, ids in labels if n == name)
    }
    rows = cooccurrence(conn, [a, b], within="report")
    assert {r["report"] for r in rows} == in_report
    for row in rows:
        assert row["paragraphs"][a] == sum(1 for n, _, ids in labels if n == row["report"] and a in ids)
        assert row["together"] == sum(1 for n, _, ids in labels if n == row["report"] and {a, b} <= ids)
    same_paragraph = {r["report"] for r in cooccurrence(conn, [a, b], within="paragraph")}
    assert same_paragraph == {n for n, _, ids in labels if {a, b} <= ids}
    # the paragraph-level hits of a report-level co-occurrence query come from those reports only
    hits = search(conn, SearchQuery(themes=[a, b], within="report", limit=0))
    assert {h.report for h in hits} == in_report
    assert all({a, b} & {t["id"] for t in h.themes} for h in hits)


def test_fts_query_quotes_plain_words_and_keeps_phrases_and_or():
    assert fts_query("face-value child's") == '"face-value" "child\'s"'
    assert fts_query("escalat*") == '"escalat"*'
    assert (
        fts_query('"not shared" OR police') == '"not shared" OR "police"'
    )  # every term quoted: plain text, never FTS5 syntax
    with pytest.raises(UnusableInput):
        fts_query("  ")


def test_bad_queries_are_unusable_input(conn):
    with pytest.raises(UnusableInput, match="full-text"):
        search(conn, SearchQuery(text="AND OR"))
    with pytest.raises(UnusableInput, match="ISO date"):
        search(conn, SearchQuery(date_from="June 2019"))
    with pytest.raises(UnusableInput, match="real date"):
        search(conn, SearchQuery(date_to="2019-02-30"))
    theme = conn.execute("SELECT theme_id FROM theme_labels LIMIT 1").fetchone()[0]
    with pytest.raises(UnusableInput, match=f"did you mean {theme}"):
        search(conn, SearchQuery(themes=[theme[:-1]]))


# ------------------------------------------------------------------ compare
def test_matrix_counts_and_shares_match_the_theme_labels(run_out, conn):
    labels = _labels(run_out)
    counts = theme_matrix(conn, "counts")
    assert counts.reports == sorted(REVIEWS)
    for i, name in enumerate(counts.reports):
        tagged = sum(1 for n, _, ids in labels if n == name and ids)
        for j, theme in enumerate(counts.themes):
            expected = sum(1 for n, _, ids in labels if n == name and theme in ids)
            assert counts.values[i][j] == expected
    shares = theme_matrix(conn, "shares")
    for i, name in enumerate(shares.reports):
        tagged = sum(1 for n, _, ids in labels if n == name and ids)
        assert shares.values[i] == pytest.approx([v / tagged for v in counts.values[i]])
    rows = list(csv.reader(io.StringIO(counts.to_csv())))
    assert rows[0] == ["report", *counts.themes] and len(rows) == 1 + len(REVIEWS)


def test_heatmap_png_is_written_and_readable(conn, tmp_path):
    import matplotlib.image

    path = write_heatmap(theme_matrix(conn, "shares"), tmp_path / "plots" / "heatmap.png")
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 1000
    height, width, _ = matplotlib.image.imread(str(path)).shape
    assert height > 100 and width > 100


def test_two_reviews_side_by_side(run_out, conn):
    result = compare_reports(conn, "westshire_child_t", "northvale_child_p", align="date")
    labels = _labels(run_out)
    for theme in result["themes"]:
        assert theme["a_paragraphs"] == sum(
            1 for n, _, ids in labels if n == "westshire_child_t" and theme["id"] in ids
        )
        assert theme["b_paragraphs"] == sum(
            1 for n, _, ids in labels if n == "northvale_child_p" and theme["id"] in ids
        )
    dates = [row["when"] for row in result["chronology"]]
    assert dates == sorted(dates)
    a_events = [json.loads(x) for x in (run_out / "westshire_child_t" / "events.jsonl").read_text().splitlines()]
    assert sum(len(row["a"]) for row in result["chronology"]) == sum(1 for e in a_events if e.get("date"))
    by_start = compare_reports(conn, "westshire_child_t", "northvale_child_p")
    assert all(row["when"].startswith("month ") for row in by_start["chronology"])
    with pytest.raises(UnusableInput, match="no such report"):
        compare_reports(conn, "westshire_child_t", "nowhere")


# ------------------------------------------------------------------ command line
def test_scr_search_outputs_parse(db, run_out, scr):
    theme = _common_themes(run_out)[0]
    jsonl = scr("search", "--db", db, "--theme", theme, "--format", "jsonl", "--limit", "0")
    assert jsonl.returncode == 0, jsonl.stderr
    records = [json.loads(line) for line in jsonl.stdout.decode().splitlines()]
    assert {(r["report"], r["start"]) for r in records} == _theme_oracle(run_out, lambda ids: theme in ids)
    table = scr("search", "--db", db, "--text", "shared", "--format", "csv", "--limit", "0")
    rows = list(csv.DictReader(io.StringIO(table.stdout.decode())))
    assert (
        rows and all("**" in r["snippet"] for r in rows) and {"report", "section", "themes", "snippet"} <= set(rows[0])
    )
    assert scr("search", "--db", db, "--text", "shared").returncode == 0
    co = scr(
        "search", "--db", db, "--theme", theme, "--theme", _common_themes(run_out)[1], "--by-report", "--format", "csv"
    )
    assert co.returncode == 0 and co.stdout.decode().startswith("report,")
    assert scr("search", "--db", db).returncode == 2  # no criteria
    assert scr("search", "--db", db, "--text", "AND OR").returncode == 2
    assert scr("search", "--db", db.parent / "missing.db", "--text", "x").returncode == 2


def test_scr_compare_writes_matrix_and_heatmap(db, tmp_path, scr):
    matrix, png = tmp_path / "matrix.csv", tmp_path / "heatmap.png"
    result = scr("compare", "--db", db, "--out", matrix, "--plot", png, "--value", "shares")
    assert result.returncode == 0, result.stderr
    rows = list(csv.reader(matrix.open()))
    assert [r[0] for r in rows[1:]] == sorted(REVIEWS) and all(0.0 <= float(v) <= 1.0 for r in rows[1:] for v in r[1:])
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    side = scr("compare", "--db", db, "westshire_child_t", "eastborough_child_r", "--format", "json")
    assert side.returncode == 0 and json.loads(side.stdout)["b"]["name"] == "eastborough_child_r"
    text = scr("compare", "--db", db, "westshire_child_t", "eastborough_child_r", "--align", "date")
    assert text.returncode == 0, text.stderr
    assert "Theme profiles" in text.stdout.decode() and "Chronologies by date" in text.stdout.decode()
    assert scr("compare", "--db", db, "westshire_child_t").returncode == 2
    assert scr("compare", "--db", db, "--out", db).returncode == 2  # never over the store

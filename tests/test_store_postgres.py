"""The PostgreSQL store (docs/scaling.md) holds the same data and answers the same queries as SQLite.

Runs only where PostgreSQL's server binaries are installed: a throwaway
cluster is created in a temporary folder, listening on a Unix socket only,
and removed afterwards.  The SQLite store's rows are copied into it with
`COPY`, then the documented theme + text query must return the same
paragraphs as `pipeline.store.search`.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest

from pipeline.store import SearchQuery, connect, index_inputs, search
from pipeline.store.db import schema_sql
from test_store_corpus import REVIEWS, make_run

BINARIES = ("initdb", "pg_ctl", "psql")
COPIED = ("reports", "sections", "paragraphs", "events", "theme_labels", "theme_evidence", "findings")
NOT_INSTALLED = (
    "PostgreSQL server binaries (initdb, pg_ctl, psql) not found on PATH or in /usr/lib/postgresql/*/bin;"
    " `make test` installs them with scripts/ensure_postgres.sh where apt-get may be used"
)


def pg_bin(name: str) -> str | None:
    """A PostgreSQL program: on PATH, else in Debian's versioned folder (the newest).

    That folder is where the Debian package puts the server.
    """
    found = shutil.which(name)
    if found:
        return found
    versions = sorted(
        Path("/usr/lib/postgresql").glob(f"*/bin/{name}"),
        key=lambda p: int(p.parts[-3]) if p.parts[-3].isdigit() else 0,
    )
    return str(versions[-1]) if versions else None


HAVE_SERVER = all(pg_bin(b) for b in BINARIES)
needs_postgres = pytest.mark.skipif(not HAVE_SERVER, reason=NOT_INSTALLED)
pytestmark = needs_postgres


def _as_server_user(args: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: use the `postgres` account then."""
    if os.geteuid() != 0:
        return args
    if not shutil.which("runuser"):
        pytest.skip("running as root without runuser")
    return ["runuser", "-u", "postgres", "--", *args]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def pg():
    """(socket dir, port) of a throwaway server; stopped and deleted afterwards.

    The folder is made directly under the system temporary directory because
    pytest's own (0700, owned by root) cannot be entered by the server account.
    """
    base = Path(tempfile.mkdtemp(prefix="scr-pg-"))
    data, port = base / "data", _free_port()
    started = False
    try:
        if os.geteuid() == 0:
            try:
                shutil.chown(base, "postgres")
            except (LookupError, PermissionError):
                pytest.skip("no postgres account to run the server as")
        init = subprocess.run(
            _as_server_user(
                [pg_bin("initdb"), "-D", str(data), "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"]
            ),
            capture_output=True,
            text=True,
        )
        if init.returncode:
            pytest.skip(f"initdb failed: {init.stderr[-300:]}")
        start = subprocess.run(
            _as_server_user(
                [
                    pg_bin("pg_ctl"),
                    "-D",
                    str(data),
                    "-o",
                    f"-k {base} -p {port} -c listen_addresses=''",
                    "-l",
                    str(base / "log"),
                    "-w",
                    "start",
                ]
            ),
            capture_output=True,
            text=True,
        )
        if start.returncode:
            pytest.skip(f"the server did not start: {start.stderr[-300:]}")
        started = True
        yield base, port
    finally:
        if started:
            subprocess.run(
                _as_server_user([pg_bin("pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"]), capture_output=True
            )
        shutil.rmtree(base, ignore_errors=True)


def psql(pg, sql: str | None = None, file: Path | None = None, stdin: str | None = None) -> str:
    host, port = pg
    args = [
        pg_bin("psql"),
        "-h",
        str(host),
        "-p",
        str(port),
        "-U",
        "postgres",
        "-v",
        "ON_ERROR_STOP=1",
        "-X",
        "-q",
        "-A",
        "-t",
        "-F",
        "\t",
    ]
    args += ["-f", str(file)] if file else ["-c", sql]
    result = subprocess.run(args, input=stdin, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def run_out(tmp_path_factory, nlp) -> Path:
    return make_run(tmp_path_factory.mktemp("reviews"), tmp_path_factory.mktemp("run"))


@pytest.fixture(scope="module")
def sqlite_store(tmp_path_factory, run_out) -> Path:
    db = tmp_path_factory.mktemp("store") / "corpus.db"
    index_inputs(connect(db), [run_out])
    return db


def _copy_table(conn, pg, table: str) -> int:
    """Copy one table's rows (ids included) from SQLite into PostgreSQL."""
    columns = [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    rows = conn.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY id").fetchall()
    for row in rows:
        writer.writerow(["\\N" if v is None else v for v in row])
    psql(pg, f"COPY {table} ({', '.join(columns)}) FROM STDIN WITH (FORMAT csv, NULL '\\N')", stdin=out.getvalue())
    return len(rows)


def test_postgres_schema_holds_the_store_and_answers_the_same_search(pg, sqlite_store, tmp_path):
    schema = tmp_path / "schema_postgres.sql"
    schema.write_text(schema_sql("postgresql"), encoding="utf-8")
    psql(pg, file=schema)
    conn = connect(sqlite_store, create=False)
    for table in COPIED:
        copied = _copy_table(conn, pg, table)
        assert int(psql(pg, f"SELECT count(*) FROM {table}").strip()) == copied
    theme = conn.execute(
        "SELECT theme_id FROM theme_labels WHERE negated = 0 GROUP BY theme_id ORDER BY count(*) DESC"
    ).fetchone()[0]
    word = (
        "police"
        if theme == "domestic_abuse"
        else conn.execute(
            "SELECT p.text FROM paragraphs p JOIN theme_labels t ON t.paragraph_id = p.id WHERE t.theme_id = ?",
            (theme,),
        )
        .fetchone()[0]
        .split()[-1]
        .strip(".,;:")
        .lower()
    )
    expected = {(h.report, h.start) for h in search(conn, SearchQuery(themes=[theme], text=word, limit=0))}
    assert expected
    query = f"""
        WITH q AS (SELECT websearch_to_tsquery('english', '{word}') AS q)
        SELECT r.name, p.char_start,
               ts_headline('english', p.text, q.q, 'StartSel=**, StopSel=**, MaxWords=24, MinWords=12') AS snippet
        FROM paragraphs p CROSS JOIN q
        JOIN reports r ON r.id = p.report_id
        LEFT JOIN sections s ON s.id = p.section_id
        WHERE p.tsv @@ q.q AND p.kind NOT IN ('contents', 'heading')
          AND EXISTS (SELECT 1 FROM theme_labels t
                      WHERE t.paragraph_id = p.id AND t.negated = 0 AND t.theme_id = '{theme}')
        ORDER BY ts_rank_cd(p.tsv, q.q) DESC, r.name, p.char_start"""
    rows = [line.split("\t") for line in psql(pg, query).splitlines() if line]
    assert {(name, int(start)) for name, start, _ in rows} == expected
    assert all("**" in snippet for _, _, snippet in rows)


def test_one_schema_gives_both_databases_the_same_tables_columns_and_indexes(pg, sqlite_store):
    """schema.sql rendered for each dialect.

    The same tables, columns (in order) and indexes; types as dialects.yaml says.
    """
    import yaml

    from pipeline.resources import model_path

    types = yaml.safe_load(model_path("store", "dialects.yaml").read_text(encoding="utf-8"))
    to_pg = {
        "TEXT": "text",
        "INTEGER": "integer",
        "REAL": "real",
        "BIGINT": "bigint",
        "DATE": "date",
        "TIMESTAMPTZ": "timestamp with time zone",
        "JSONB": "jsonb",
    }
    lite = connect(sqlite_store, create=False)
    pg_columns = {}
    for line in psql(
        pg,
        "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'public'"
        " ORDER BY table_name, ordinal_position",
    ).splitlines():
        table, column, kind = line.split("\t")
        pg_columns.setdefault(table, []).append((column, kind))
    for table in COPIED:
        on_lite = [(row[1], row[2]) for row in lite.execute(f"PRAGMA table_info({table})")]
        on_pg = [
            c for c in pg_columns[table] if c[0] != "tsv"
        ]  # PostgreSQL's full-text column (SQLite: the FTS5 table)
        assert [c for c, _ in on_pg] == [c for c, _ in on_lite], table
        for (column, lite_type), (_, pg_type) in zip(on_lite, on_pg, strict=True):
            same = pg_type == to_pg[lite_type]
            mapped = any(
                lite_type == types["sqlite"][token] and pg_type == to_pg[pg_decl.split()[0]]
                for token, pg_decl in types["postgresql"].items()
            )
            assert same or mapped, (table, column, lite_type, pg_type)
    lite_indexes = {
        r[0] for r in lite.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'")
    }
    pg_indexes = set(psql(pg, "SELECT indexname FROM pg_indexes WHERE schemaname = 'public'").split())
    assert lite_indexes <= pg_indexes and pg_indexes - lite_indexes - {"paragraphs_tsv"} == {
        f"{t}_pkey" for t in (*COPIED, "schema_version")
    } | {"reports_name_key"}
    assert "paragraphs_fts" in {r[0] for r in lite.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


QUERIES = [
    dict(themes=["information_sharing"]),
    dict(any_themes=["domestic_abuse", "neglect"]),
    dict(themes=["domestic_abuse", "escalation"], within="report"),
    dict(date_from="2018", date_to="2019-06"),
    dict(date_from="2016-06-01", date_to="2016-06-30", date_scope="report", text="child"),
    dict(text="shared", reports=["*_child_[pt]"]),
    dict(text='"face value" OR police'),
    dict(themes=["information_sharing"], text="police"),
]


def test_the_store_runs_on_postgresql_with_the_same_answers(pg, run_out, sqlite_store, scr):
    """`connect("postgresql://…")`: indexing, search, co-occurrence and compare agree with SQLite."""
    pytest.importorskip("psycopg")
    host, port = pg
    psql(pg, "CREATE DATABASE corpus")
    url = f"postgresql://postgres@/corpus?host={host}&port={port}"
    pg_conn, lite = connect(url), connect(sqlite_store, create=False)
    summary = index_inputs(pg_conn, [run_out])
    assert len(summary.indexed) == 3 and len(summary.run_failed) == 1
    assert index_inputs(pg_conn, [run_out]).unchanged == summary.indexed  # idempotent there too
    for table in COPIED:
        assert (
            pg_conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            == lite.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        )
    for spec in QUERIES:
        on_pg = search(pg_conn, SearchQuery(limit=0, **spec))
        on_lite = search(lite, SearchQuery(limit=0, **spec))
        assert {(h.report, h.start, tuple(t["id"] for t in h.themes)) for h in on_pg} == {
            (h.report, h.start, tuple(t["id"] for t in h.themes)) for h in on_lite
        }, spec
        if spec.get("text"):
            assert all("**" in h.snippet for h in on_pg)
    from pipeline.store import compare_reports, cooccurrence, theme_matrix

    assert cooccurrence(pg_conn, ["domestic_abuse", "escalation"]) == cooccurrence(
        lite, ["domestic_abuse", "escalation"]
    )
    assert theme_matrix(pg_conn, "shares").values == theme_matrix(lite, "shares").values
    assert compare_reports(pg_conn, "westshire_child_t", "northvale_child_p") == compare_reports(
        lite, "westshire_child_t", "northvale_child_p"
    )
    cli = scr("search", "--db", url, "--theme", "information_sharing", "--format", "jsonl")
    assert cli.returncode == 0 and cli.stdout.count(b"\n") == len(
        search(lite, SearchQuery(themes=["information_sharing"]))
    )
    assert (
        scr("search", "--db", f"postgresql://postgres@/nowhere?host={host}&port={port}", "--text", "x").returncode == 2
    )


# The command line, the same on both stores: `scr index` straight into postgresql://, then search and compare.
CLI_SEARCHES = [
    ("--theme", "information_sharing"),
    ("--theme", "domestic_abuse", "--theme", "escalation", "--by-report"),
    ("--text", "police"),
    ("--text", '"face value" OR police'),
    ("--from", "2018", "--to", "2019-06"),
    ("--from", "2016-06-01", "--to", "2016-06-30", "--date-scope", "report", "--text", "child"),
    ("--report", "*_child_[pt]", "--text", "shared"),
    ("--report", "westshire_child_t"),
    ("--any-theme", "domestic_abuse", "--any-theme", "neglect"),
    ("--theme", "domestic_abuse", "--theme", "information_sharing", "--within", "paragraph", "--by-report"),
]


def _csv_rows(stdout: bytes) -> list[tuple]:
    """CSV rows without rank, score and snippet (bm25 and ts_rank_cd order ties differently), sorted."""
    rows = list(csv.reader(io.StringIO(stdout.decode())))
    if not rows:
        return []
    header, body = rows[0], rows[1:]
    keep = [i for i, name in enumerate(header) if name not in ("rank", "score", "snippet")]
    return [tuple(header[i] for i in keep)] + sorted(tuple(row[i] for i in keep) for row in body)


def test_scr_index_search_and_compare_on_postgresql_match_sqlite(pg, run_out, tmp_path, scr):
    psql(pg, "CREATE DATABASE cli")
    host, port = pg
    url = f"postgresql://postgres@/cli?host={host}&port={port}"
    lite = tmp_path / "corpus.db"
    for db in (url, lite):
        first = scr("index", run_out, "--db", db, "--json")
        summary = json.loads(first.stdout)
        assert (summary["indexed"], len(summary["run_failed"])) == (len(REVIEWS), 1), (
            first.stderr
        )  # the broken run is reported
        again = json.loads(
            scr("index", run_out, "--db", db, "--json").stdout
        )  # re-indexing unchanged outputs changes nothing
        assert (again["indexed"], again["unchanged"]) == (0, len(REVIEWS))
    for args in CLI_SEARCHES:
        on_pg = scr("search", "--db", url, *args, "--limit", "0", "--format", "csv")
        on_lite = scr("search", "--db", lite, *args, "--limit", "0", "--format", "csv")
        assert on_pg.returncode == on_lite.returncode == 0, (args, on_pg.stderr)
        assert _csv_rows(on_pg.stdout) == _csv_rows(on_lite.stdout), args
        assert len(_csv_rows(on_lite.stdout)) > 1, args  # every query finds something: the comparison is not vacuous
    matrix = [scr("compare", "--db", db) for db in (url, lite)]
    assert matrix[0].returncode == 0 and matrix[0].stdout == matrix[1].stdout
    pair = [
        scr("compare", "--db", db, "westshire_child_t", "northvale_child_p", "--format", "json") for db in (url, lite)
    ]
    assert pair[0].returncode == 0 and json.loads(pair[0].stdout) == json.loads(pair[1].stdout)
    assert json.loads(pair[0].stdout)["chronology"]

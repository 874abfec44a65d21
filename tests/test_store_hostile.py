"""The corpus store under hostile, huge and half-broken inputs.

Each command case checks the README's contract: exit 0 (ok), 1 (found
something / documents failed), 2 (unusable input); a one-line message; no
traceback; nothing half-written (no store file from an unusable input, no
row of a review that failed to index).  The oracle is always the run
outputs on disk.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.errors import UnusableInput
from pipeline.store import SearchQuery, connect, fts_query, index_inputs, search
from pipeline.store.search import parse_text
from test_store_corpus import REVIEWS, db, make_run, run_out  # noqa: F401  (db, run_out: shared store fixtures)
from test_store_postgres import pg, psql  # noqa: F401  (the throwaway PostgreSQL server fixture)

FUZZ_EXAMPLES = int(os.environ.get("SCR_FUZZ_EXAMPLES", "60"))
# the queries a tester typed that ended in an SQLite traceback, and more of the same kind
TYPED = [
    'police"',
    'Child E"s',
    "meeting at 10:30",
    "note: police",
    "a:b",
    "(police",
    "police)",
    "^police",
    "+police",
    "police -",
    "NEAR(police",
    "shared AND",
    "OR police",
    "child's mother",
    "face-value",
    '"face value',
    "police*",
]


@pytest.fixture(scope="module")
def conn(db):
    connection = connect(db, create=False)
    yield connection
    connection.close()


def _text(result) -> str:
    return result.stderr.decode("utf-8", "replace")


def _clean_failure(result, code: int) -> str:
    """The exit code, no traceback, and (for exit 2) exactly one line on stderr; returns stderr."""
    err = _text(result)
    assert result.returncode == code, err
    assert "Traceback" not in err and "sqlite3." not in err and "psycopg." not in err, err
    if code == 2:
        assert len(err.strip().splitlines()) == 1 and err.startswith("error: "), err
    return err


def _copy(run_out: Path, dest: Path, names: dict[str, str]) -> Path:
    """Copies of run folders under new names: {new name: original name}."""
    for new, old in names.items():
        shutil.copytree(run_out / old, dest / new)
    return dest


def _paragraphs(run_out: Path, name: str) -> list[tuple[int, str, str]]:
    report = json.loads((run_out / name / "report.json").read_text())
    return [(p["start"], p["kind"], report["text"][p["start"] : p["end"]]) for p in report["paragraphs"]]


def _count(conn, sql: str, *params) -> int:
    return conn.execute(sql, params).fetchone()[0]


# ------------------------------------------------------------------ index: half-finished runs
def test_a_run_folder_the_run_did_not_finish_is_reported_not_indexed(run_out, tmp_path, scr):
    out = _copy(run_out, tmp_path / "out", {n: n for n in REVIEWS})
    killed = out / "westshire_child_t"  # killed after report.json: no stage outputs, no manifest
    for name in ("manifest.json", "events.jsonl", "themes.jsonl", "findings.json"):
        (killed / name).unlink()
    (out / "northvale_child_p" / "themes.jsonl").unlink()  # a manifest that lists a file no longer there
    rerun = out / "eastborough_child_r"  # a re-run of changed content killed before its manifest was rewritten
    report = json.loads((rerun / "report.json").read_text())
    report["source"]["sha256"] = "0" * 64
    (rerun / "report.json").write_text(json.dumps(report))
    store = tmp_path / "corpus.db"

    result = scr("index", out, "--db", store, "--json")
    err = _clean_failure(result, 1)
    summary = json.loads(result.stdout)
    assert sorted(i["name"] for i in summary["incomplete"]) == sorted(REVIEWS) and summary["indexed"] == 0
    assert "no manifest.json" in err and "themes.jsonl missing" in err and "re-run did not finish" in err
    assert "0 indexed" in err and "3 incomplete" in err and "no store written" in err
    assert not store.exists()  # nothing to put in it: no store

    shutil.copytree(run_out / "westshire_child_t", out / "westshire_child_t_done")
    result = scr("index", out, "--db", store)
    err = _clean_failure(result, 1)
    assert "1 indexed" in err and "3 incomplete" in err
    conn = connect(store, create=False)
    assert [r[0] for r in conn.execute("SELECT name FROM reports")] == ["westshire_child_t_done"]
    assert _count(conn, "SELECT count(*) FROM theme_labels") > 0 and _count(conn, "SELECT count(*) FROM events") > 0


def test_a_review_that_fails_to_index_leaves_no_row(run_out, tmp_path):
    out = _copy(run_out, tmp_path / "out", {"broken": "westshire_child_t", "fine": "northvale_child_p"})
    report = json.loads((out / "broken" / "report.json").read_text())
    del report["paragraphs"][-1]["start"]  # passes reading, fails half-way through writing the paragraphs
    (out / "broken" / "report.json").write_text(json.dumps(report))
    conn = connect(tmp_path / "corpus.db")
    summary = index_inputs(conn, [out])
    assert [n for n, _ in summary.failed] == ["broken"] and summary.indexed == ["fine"]
    assert [r[0] for r in conn.execute("SELECT name FROM reports")] == ["fine"]
    fine_paragraphs = len(_paragraphs(run_out, "northvale_child_p"))
    assert _count(conn, "SELECT count(*) FROM paragraphs") == fine_paragraphs
    assert _count(conn, "SELECT count(*) FROM paragraphs_fts") == fine_paragraphs
    conn.execute("INSERT INTO paragraphs_fts(paragraphs_fts) VALUES ('integrity-check')")


def test_paragraphs_go_to_their_innermost_section_even_when_sections_overlap():
    """The sweep that places paragraphs in sections agrees with the definition.

    The deepest containing section; the later one wins a tie.
    """
    hypothesis = pytest.importorskip("hypothesis")
    from hypothesis import strategies as st

    from pipeline.store.index import _innermost_sections

    def by_definition(sections, offset):
        best = None
        for start, end, level, sid in sections:
            if start <= offset < end and (best is None or level >= best[0]):
                best = (level, sid)
        return best[1] if best else None

    section = st.tuples(st.integers(-5, 60), st.integers(-3, 40), st.integers(1, 4))

    @hypothesis.settings(max_examples=FUZZ_EXAMPLES * 3, deadline=None, database=None)
    @hypothesis.given(raw=st.lists(section, max_size=12), offsets=st.lists(st.integers(-5, 80), max_size=15))
    def check(raw, offsets):
        sections = [(a, a + length, level, 100 + k) for k, (a, length, level) in enumerate(raw)]
        offsets = sorted(offsets)
        assert _innermost_sections(sections, offsets) == [by_definition(sections, o) for o in offsets]

    check()


def test_any_damage_to_the_outputs_indexes_fully_or_leaves_the_store_as_it_was(run_out, tmp_path):
    """Hypothesis replaces one value anywhere in a finished run's JSON with any JSON value.

    Indexing must either succeed or record the review as failed/incomplete;
    never raise, never leave part of a review behind (the previous version
    stays whole), never break the full-text index.
    """
    hypothesis = pytest.importorskip("hypothesis")
    from hypothesis import strategies as st

    folder = _copy(run_out, tmp_path / "out", {"fuzzed": "westshire_child_t"}) / "fuzzed"
    pristine = {
        name: (folder / name).read_text(encoding="utf-8")
        for name in ("report.json", "findings.json", "events.jsonl", "themes.jsonl", "manifest.json")
    }
    conn = connect(tmp_path / "corpus.db")
    assert index_inputs(conn, [folder]).indexed == ["fuzzed"]
    values = st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=6),
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
        max_leaves=6,
    )

    def state():
        row = conn.execute("SELECT id, outputs_sha256 FROM reports WHERE name = 'fuzzed'").fetchone()
        counts = tuple(
            _count(conn, f"SELECT count(*) FROM {t} WHERE report_id = ?", row["id"])
            for t in ("paragraphs", "events", "theme_labels", "findings")
        )
        return row["outputs_sha256"], counts

    def replace_somewhere(data, node, value):
        """Walk down from `node` as far as Hypothesis likes, then swap that value."""
        while isinstance(node, (dict, list)) and node and data.draw(st.booleans()):
            key = data.draw(st.sampled_from(sorted(node) if isinstance(node, dict) else range(len(node))))
            child = node[key]
            if not isinstance(child, (dict, list)) or not child or not data.draw(st.booleans()):
                node[key] = value
                return
            node = child
        if isinstance(node, dict):
            node[data.draw(st.sampled_from(sorted(node) or ["x"]))] = value
        elif isinstance(node, list) and node:
            node[data.draw(st.integers(0, len(node) - 1))] = value

    @hypothesis.settings(max_examples=FUZZ_EXAMPLES, deadline=None, database=None)
    @hypothesis.given(data=st.data(), file=st.sampled_from(sorted(pristine)), value=values)
    def check(data, file, value):
        for name, text in pristine.items():
            (folder / name).write_text(text, encoding="utf-8")
        lines = pristine[file].splitlines()
        if file.endswith(".jsonl"):
            i = data.draw(st.integers(0, len(lines) - 1))
            record = json.loads(lines[i])
            replace_somewhere(data, record, value)
            lines[i] = json.dumps(record)
            (folder / file).write_text("\n".join(lines) + "\n", encoding="utf-8")
        else:
            document = json.loads(pristine[file])
            replace_somewhere(data, document, value)
            (folder / file).write_text(json.dumps(document), encoding="utf-8")
        before = state()
        summary = index_inputs(conn, [folder])
        if summary.failed or summary.incomplete or summary.run_failed:
            assert state() == before  # the old version, whole
        else:
            assert summary.indexed == ["fuzzed"] or summary.unchanged == ["fuzzed"]
        assert _count(conn, "SELECT count(*) FROM reports") == 1
        assert _count(conn, "SELECT count(*) FROM paragraphs WHERE report_id NOT IN (SELECT id FROM reports)") == 0
        conn.execute("INSERT INTO paragraphs_fts(paragraphs_fts) VALUES ('integrity-check')")

    check()


# ------------------------------------------------------------------ index: identity
def test_identical_content_under_two_names_is_two_rows_and_reindexing_is_unchanged(run_out, tmp_path, scr):
    out = _copy(run_out, tmp_path / "out", {**{n: n for n in REVIEWS}, "westshire_copy": "westshire_child_t"})
    store = tmp_path / "corpus.db"
    first = scr("index", out, "--db", store, "--json")
    assert first.returncode == 0, _text(first)
    assert json.loads(first.stdout)["indexed"] == 4
    again = scr("index", out, "--db", store)
    assert again.returncode == 0 and "0 indexed, 4 unchanged" in _text(again)
    conn = connect(store, create=False)
    rows = conn.execute("SELECT name, sha256 FROM reports ORDER BY name").fetchall()
    assert [r["name"] for r in rows] == sorted([*REVIEWS, "westshire_copy"])
    by_name = {r["name"]: r["sha256"] for r in rows}
    assert by_name["westshire_copy"] == by_name["westshire_child_t"]
    expected = {
        start for start, kind, _ in _paragraphs(run_out, "westshire_child_t") if kind not in ("heading", "contents")
    }
    for name in ("westshire_child_t", "westshire_copy"):
        hits = search(conn, SearchQuery(reports=[name], limit=0))
        assert {h.start for h in hits} == expected and {h.report for h in hits} == {name}
    cli = scr("search", "--db", store, "--report", "westshire_copy", "--format", "jsonl", "--limit", "0")
    assert cli.returncode == 0 and len(cli.stdout.decode().splitlines()) == len(expected)


def test_two_index_processes_on_one_store_serialise(run_out, tmp_path):
    """Two real `scr index` processes, one new store, the same twelve reviews: each indexed exactly once."""
    names = {f"{old}_{i}": old for i in range(4) for old in REVIEWS}
    out = _copy(run_out, tmp_path / "out", names)
    store = tmp_path / "shared" / "corpus.db"
    command = [
        sys.executable,
        "-c",
        "from pipeline.cli import main; main()",
        "index",
        str(out),
        "--db",
        str(store),
        "--json",
    ]
    procs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(2)]
    results = [(p.wait(timeout=300), *p.communicate()) for p in procs]
    for code, _, stderr in results:
        assert code == 0 and b"Traceback" not in stderr and b"UNIQUE" not in stderr, stderr.decode()
    summaries = [json.loads(stdout) for _, stdout, _ in results]
    assert sum(s["indexed"] for s in summaries) == len(names)  # each review written by one of them
    assert sum(s["unchanged"] for s in summaries) == len(names)  # and found unchanged by the other
    assert store.stat().st_mode & 0o777 == 0o600
    conn = connect(store, create=False)
    assert sorted(r[0] for r in conn.execute("SELECT name FROM reports")) == sorted(names)
    expected = sum(len(_paragraphs(run_out, old)) for old in names.values())
    assert _count(conn, "SELECT count(*) FROM paragraphs") == expected
    assert _count(conn, "SELECT count(*) FROM schema_version") == 1
    conn.execute("INSERT INTO paragraphs_fts(paragraphs_fts) VALUES ('integrity-check')")


# ------------------------------------------------------------------ index: unusable inputs create nothing
def test_an_unusable_input_creates_no_store(run_out, tmp_path, scr):
    store = tmp_path / "new" / "corpus.db"
    (tmp_path / "a_file").write_text("not a folder")
    err = _clean_failure(scr("index", run_out, "--db", tmp_path / "a_file" / "corpus.db"), 2)
    assert "cannot create the store" in err
    _clean_failure(scr("index", tmp_path / "nowhere", "--db", store), 2)
    (tmp_path / "empty").mkdir()
    err = _clean_failure(scr("index", tmp_path / "empty", "--db", store), 2)
    assert "nothing to index" in err
    assert not store.exists() and not store.parent.exists()
    not_a_store = tmp_path / "notes.db"
    not_a_store.write_text("plain words, not SQLite " * 50)
    before = not_a_store.read_bytes()
    _clean_failure(scr("index", tmp_path / "empty", "--db", not_a_store), 2)
    assert not_a_store.read_bytes() == before


def test_a_version_1_store_is_upgraded_in_place(db, run_out, tmp_path):
    """Version 1 had UNIQUE(sha256): rebuild such a store, reopen it.

    It must hold the same rows without the constraint.
    """
    old = tmp_path / "v1.db"
    shutil.copy(db, old)
    os.chmod(old, 0o600)
    raw = sqlite3.connect(old, isolation_level=None)
    ddl = raw.execute("SELECT sql FROM sqlite_master WHERE name = 'reports'").fetchone()[0]
    raw.executescript(
        "PRAGMA foreign_keys = OFF; BEGIN;"
        + ddl.replace("CREATE TABLE reports (", "CREATE TABLE reports_v1 (").replace(
            "sha256           TEXT NOT NULL,", "sha256 TEXT NOT NULL UNIQUE,"
        )
        + "; INSERT INTO reports_v1 SELECT * FROM reports; DROP TABLE reports;"
        " ALTER TABLE reports_v1 RENAME TO reports;"
        " UPDATE schema_version SET version = 1; COMMIT;"
    )
    assert "UNIQUE" in raw.execute("SELECT sql FROM sqlite_master WHERE name = 'reports'").fetchone()[0]
    counts = {
        t: raw.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("reports", "paragraphs", "theme_labels", "events")
    }
    raw.close()
    with pytest.raises(UnusableInput, match="scr index"):
        connect(old, create=False)  # search never upgrades behind the user's back

    conn = connect(old)
    assert conn.execute("SELECT max(version) FROM schema_version").fetchone()[0] == 2
    assert {t: _count(conn, f"SELECT count(*) FROM {t}") for t in counts} == counts
    assert not conn.execute("PRAGMA foreign_key_check").fetchall()
    assert {row[2] for row in conn.execute("PRAGMA foreign_key_list(paragraphs)")} >= {"reports"}
    copy = _copy(run_out, tmp_path / "out", {"northvale_again": "northvale_child_p"})
    assert index_inputs(conn, [copy]).indexed == ["northvale_again"]  # identical content, second name: allowed now
    assert old.stat().st_mode & 0o777 == 0o600


# ------------------------------------------------------------------ search: what people type
def _oracle(run_out: Path, words: list[str]) -> set[tuple[str, int]]:
    """Paragraphs (not headings) holding every word (as a token, by prefix: porter stems)."""
    out = set()
    for name in REVIEWS:
        for start, kind, text in _paragraphs(run_out, name):
            tokens = re.findall(r"[^\W_]+", text.lower())
            if kind not in ("heading", "contents") and all(any(t.startswith(w) for t in tokens) for w in words):
                out.add((name, start))
    return out


def test_typed_punctuation_is_text_not_syntax(conn, run_out):
    for query in TYPED:
        hits = search(conn, SearchQuery(text=query, limit=0))
        assert isinstance(hits, list), query
    # the punctuation is a separator: the hits are the paragraphs with the words
    for query, words in (
        ('police"', ["police"]),
        ("note: police", ["note", "police"]),
        ("(police", ["police"]),
        ("information: shared", ["information", "shar"]),
        ('"face value', ["face", "value"]),
    ):
        hits = search(conn, SearchQuery(text=query, limit=0))
        assert {(h.report, h.start) for h in hits} == _oracle(run_out, words), query
    assert _oracle(run_out, ["information", "shar"])
    # operators a person means: OR, -word, "phrases"
    either = {(h.report, h.start) for h in search(conn, SearchQuery(text="hungry OR perinatal", limit=0))}
    assert either == _oracle(run_out, ["hungry"]) | _oracle(run_out, ["perinatal"]) and len(either) == 2
    police = _oracle(run_out, ["police"])
    without = {(h.report, h.start) for h in search(conn, SearchQuery(text="police -domestic", limit=0))}
    assert without == police - _oracle(run_out, ["domestic"]) and without and without != police
    assert fts_query("note: police") == '"note:" "police"' and fts_query("NEAR(a b)") == '"NEAR(a" "b)"'


def test_queries_with_nothing_to_find_are_one_clean_error(conn):
    for query in ("  ", "AND OR NOT", '""', "-", ":::", "*", "-police", "NOT police OR -child"):
        with pytest.raises(UnusableInput) as caught:
            search(conn, SearchQuery(text=query))
        assert "\n" not in str(caught.value) and (
            "no words" in str(caught.value) or "leave out" in str(caught.value) or "empty" in str(caught.value)
        ), query


def test_scr_search_typed_queries_and_raw_syntax(db, run_out, scr):
    for query in TYPED:
        result = scr("search", "--db", db, "--text", query, "--format", "jsonl", "--limit", "0")
        _clean_failure(result, 0)
    same = scr("search", "--db", db, "--text", "meeting at 10:30", "--format", "jsonl")
    assert same.returncode == 0 and same.stdout == b""  # no review says so: an empty answer, not an error
    # raw FTS5 only on request; its syntax errors are one line, exit 2
    for query in ('police"', "a:b", "NEAR(police", "AND"):
        err = _clean_failure(scr("search", "--db", db, "--text", query, "--raw-query"), 2)
        assert "not a valid raw full-text query" in err
    near = scr(
        "search", "--db", db, "--text", "NEAR(police shared, 6)", "--raw-query", "--format", "jsonl", "--limit", "0"
    )
    assert near.returncode == 0 and near.stdout  # raw syntax is honoured
    plain = scr("search", "--db", db, "--text", "NEAR(police shared, 6)", "--format", "jsonl", "--limit", "0")
    assert plain.returncode == 0 and plain.stdout != near.stdout
    _clean_failure(scr("search", "--db", db, "--text", "-police"), 2)
    long_query = " ".join(f"word{i}" for i in range(65))  # the cost of a query grows faster than its length
    for extra in ([], ["--raw-query"]):
        assert "at most 64" in _clean_failure(scr("search", "--db", db, "--text", long_query, *extra), 2)
    repeated = scr("search", "--db", db, "--text", " ".join(["police"] * 500), "--format", "jsonl", "--limit", "0")
    assert repeated.returncode == 0 and len(repeated.stdout.splitlines()) == len(_oracle(run_out, ["police"]))
    _clean_failure(scr("search", "--db", db, "--text", ""), 2)
    _clean_failure(scr("search", "--db", db, "--raw-query", "--theme", "neglect"), 2)


def _expect_search_or_no_words(conn, text: str, raw: bool = False) -> None:
    """The property: a list of hits, or UnusableInput that says why, for any string."""
    try:
        hits = search(conn, SearchQuery(text=text, limit=5, raw=raw))
    except UnusableInput as exc:
        message = str(exc)
        assert "\n" not in message
        if not raw:
            try:
                parse_text(text)
            except UnusableInput:
                return  # nothing to look for: the documented refusal
            raise AssertionError(f"{text!r} has words but search refused it: {message}") from exc
        return
    assert isinstance(hits, list)


def test_any_text_is_searchable_without_an_exception(conn):
    hypothesis = pytest.importorskip("hypothesis")
    from hypothesis import strategies as st

    pieces = st.sampled_from(
        [
            '"',
            "(",
            ")",
            ":",
            "*",
            "^",
            "-",
            "+",
            " ",
            "AND",
            "OR",
            "NOT",
            "NEAR",
            "police",
            "child",
            "10:30",
            "\x00",
            "\ud800",
            "'",
            "{",
            "}",
            ",",
            "é",
            "ß",
            "\u200b",
        ]
    )
    typed = st.lists(pieces, max_size=12).map("".join)
    anything = st.text(alphabet=st.characters(codec=None), max_size=40)

    @hypothesis.settings(max_examples=FUZZ_EXAMPLES, deadline=None, database=None)
    @hypothesis.given(text=st.one_of(typed, anything), raw=st.booleans())
    def check(text: str, raw: bool) -> None:
        _expect_search_or_no_words(conn, text, raw)

    check()


def test_a_damaged_store_is_one_line_exit_2(db, tmp_path, scr):
    broken_index = tmp_path / "fts.db"
    shutil.copy(db, broken_index)
    raw = sqlite3.connect(broken_index)
    raw.execute("DROP TABLE paragraphs_fts_config")  # the full-text index can no longer be opened
    raw.commit()
    raw.close()
    for args in (["--text", "police"], ["--text", "police", "--raw-query"]):
        err = _clean_failure(scr("search", "--db", broken_index, *args), 2)
        assert "the store cannot be read" in err and "rebuild it" in err
    assert (
        scr("search", "--db", broken_index, "--report", "westshire_child_t").returncode == 0
    )  # what does not need it still works
    truncated = tmp_path / "half.db"
    truncated.write_bytes(db.read_bytes()[: db.stat().st_size // 2])
    for args in (
        ["search", "--db", truncated, "--text", "police"],
        ["compare", "--db", truncated],
        ["index", tmp_path / "nowhere", "--db", truncated],
    ):
        _clean_failure(scr(*args), 2)


# ------------------------------------------------------------------ compare: names are names
def test_compare_reads_percent_and_underscore_literally(run_out, tmp_path, scr):
    out = _copy(
        run_out,
        tmp_path / "out",
        {
            "child_t_100%": "westshire_child_t",
            "child_p_v1": "northvale_child_p",
            "child_r_[draft]": "eastborough_child_r",
        },
    )
    store = tmp_path / "corpus.db"
    assert scr("index", out, "--db", store).returncode == 0
    for wildcard in ("%%%%%%%%", "________", "child_t_%", "child_p_v_"):
        err = _clean_failure(scr("compare", "--db", store, wildcard, "child_p_v1"), 2)
        assert "no such report" in err
    side = scr("compare", "--db", store, "child_t_100%", "child_r_[draft]", "--format", "json")
    assert side.returncode == 0, _text(side)
    result = json.loads(side.stdout)
    assert (result["a"]["name"], result["b"]["name"]) == ("child_t_100%", "child_r_[draft]")
    matrix = scr("compare", "--db", store, "--report", "child_r_[draft]", "--report", "child_t_100%")
    assert matrix.returncode == 0
    assert sorted(line.split(",")[0] for line in matrix.stdout.decode().splitlines()[1:]) == [
        "child_r_[draft]",
        "child_t_100%",
    ]
    conn = connect(store, create=False)
    sha = conn.execute("SELECT sha256 FROM reports WHERE name = 'child_p_v1'").fetchone()[0]
    by_hash = scr("compare", "--db", store, sha[:12], "child_t_100%", "--format", "json")
    assert by_hash.returncode == 0 and json.loads(by_hash.stdout)["a"]["name"] == "child_p_v1"


# ------------------------------------------------------- the same on PostgreSQL (where a server can be started)
from test_store_postgres import needs_postgres  # noqa: E402  (skips with the reason when the server cannot be had)


def _pg_database(pg, name: str) -> str:
    pytest.importorskip("psycopg")
    psql(pg, f"CREATE DATABASE {name}")
    host, port = pg
    return f"postgresql://postgres@/{name}?host={host}&port={port}"


@needs_postgres
def test_postgres_typed_queries_raw_errors_and_any_text(pg, run_out, conn):
    url = _pg_database(pg, "typed")
    store = connect(url)
    index_inputs(store, [run_out])
    for query in TYPED:
        assert isinstance(search(store, SearchQuery(text=query, limit=0)), list), query
    for query in ('police"', "information: shared", "(police", "hungry OR perinatal", "police -domestic"):
        on_pg = {(h.report, h.start) for h in search(store, SearchQuery(text=query, limit=0))}
        assert on_pg == {(h.report, h.start) for h in search(conn, SearchQuery(text=query, limit=0))} and on_pg, query
    for pattern in (
        "x[z-a]",
        "[\\]",
        "*_child_[pt]",
        "*%*",
        "west_hire*",
    ):  # globs: what SQLite's GLOB says, never a server error
        on_pg = {(h.report, h.start) for h in search(store, SearchQuery(text="police", reports=[pattern], limit=0))}
        assert on_pg == {
            (h.report, h.start) for h in search(conn, SearchQuery(text="police", reports=[pattern], limit=0))
        }, pattern
    assert search(store, SearchQuery(text="polic:*", raw=True, limit=0))  # to_tsquery syntax on request
    for query in ("police & (", "&", "a:b:c"):
        with pytest.raises(UnusableInput, match="not a valid raw full-text query") as caught:
            search(store, SearchQuery(text=query, raw=True))
        assert "\n" not in str(caught.value)
    hypothesis = pytest.importorskip("hypothesis")
    from hypothesis import strategies as st

    pieces = st.sampled_from(
        ['"', "(", ")", ":", "*", "&", "|", "!", "<->", "-", " ", "OR", "or", "NOT", "police", "\x00", "\\", "'"]
    )

    @hypothesis.settings(max_examples=max(10, FUZZ_EXAMPLES // 3), deadline=None, database=None)
    @hypothesis.given(
        text=st.one_of(st.lists(pieces, max_size=10).map("".join), st.text(max_size=30)), raw=st.booleans()
    )
    def check(text: str, raw: bool) -> None:
        _expect_search_or_no_words(store, text, raw)

    check()
    store.close()


@needs_postgres
def test_postgres_two_index_processes_serialise(pg, run_out, tmp_path):
    url = _pg_database(pg, "shared")
    names = {f"{old}_{i}": old for i in range(3) for old in REVIEWS}
    out = _copy(run_out, tmp_path / "out", names)
    command = [sys.executable, "-c", "from pipeline.cli import main; main()", "index", str(out), "--db", url, "--json"]
    procs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(2)]
    results = [(p.wait(timeout=300), *p.communicate()) for p in procs]
    for code, _, stderr in results:
        assert code == 0 and b"Traceback" not in stderr, stderr.decode()
    summaries = [json.loads(stdout) for _, stdout, _ in results]
    assert sum(s["indexed"] for s in summaries) == len(names) and sum(s["unchanged"] for s in summaries) == len(names)
    store = connect(url, create=False)
    assert sorted(r[0] for r in store.execute("SELECT name FROM reports")) == sorted(names)
    assert store.execute("SELECT count(*) FROM paragraphs").fetchone()[0] == sum(
        len(_paragraphs(run_out, old)) for old in names.values()
    )
    store.close()

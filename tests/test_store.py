"""Corpus store: schema and versioning, indexing `scr run` outputs, idempotent upserts, failure isolation."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from pipeline.errors import UnusableInput
from pipeline.store import STORE_SCHEMA_VERSION, TABLES, connect, index_inputs
from test_store_corpus import REVIEWS, make_run


@pytest.fixture(scope="module")
def run_out(tmp_path_factory, nlp) -> Path:
    """`scr run` outputs (in-process, the session's model) for the small reviews and one broken file."""
    return make_run(tmp_path_factory.mktemp("reviews"), tmp_path_factory.mktemp("run"))


def _jsonl(path: Path) -> list[dict]:
    """A stage file's records: after its provenance header (`pipeline.stagefile`)."""
    from pipeline import stagefile

    return stagefile.loads(path.read_text(encoding="utf-8")).records


def _count(conn, table: str) -> int:
    return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_schema_is_created_and_versioned(tmp_path):
    db = tmp_path / "new" / "corpus.db"
    conn = connect(db)
    assert db.stat().st_mode & 0o777 == 0o600  # owner-only: findings can hold real names
    names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')")}
    assert set(TABLES) <= names
    assert {"paragraphs_ai", "paragraphs_ad"} <= names  # the FTS index follows the paragraphs table
    assert [tuple(r) for r in conn.execute("SELECT version FROM schema_version")] == [(STORE_SCHEMA_VERSION,)]
    conn.close()
    conn = connect(db)  # reopening does not re-apply the schema
    assert _count(conn, "schema_version") == 1
    conn.execute("UPDATE schema_version SET version = ?", (STORE_SCHEMA_VERSION + 1,))
    conn.commit()
    conn.close()
    with pytest.raises(UnusableInput, match="schema version"):
        connect(db)


def test_one_schema_renders_each_dialect_and_refuses_a_malformed_template(tmp_path, monkeypatch):
    """schema.sql is the one source: each rendering has its own types and full-text statements and no leftover marks."""
    import re

    from pipeline.store import db

    lite, pg = (
        re.sub(r"--[^\n]*", "", db.schema_sql(d)) for d in ("sqlite", "postgresql")
    )  # the SQL, not its comments
    for text in (lite, pg):
        assert not re.search(r"\{\{\w+\}\}", text)
    assert "USING fts5" in lite and "tsvector" not in lite and "JSONB" not in lite
    assert (
        "tsvector" in pg
        and "fts5" not in pg
        and "GENERATED ALWAYS AS IDENTITY" in pg
        and "INTEGER PRIMARY KEY," not in pg.replace("version      INTEGER PRIMARY KEY,", "")
    )
    assert [line.split()[0] for line in lite.splitlines() if line.startswith("CREATE TABLE")] == [
        line.split()[0] for line in pg.splitlines() if line.startswith("CREATE TABLE")
    ]
    with pytest.raises(ValueError, match="no store dialect"):
        db.schema_sql("oracle")
    template = tmp_path / "store"
    template.mkdir()
    (template / "dialects.yaml").write_text(db.model_path(*db.DIALECTS_FILE).read_text(encoding="utf-8"))
    monkeypatch.setattr(db, "model_path", lambda *parts: tmp_path.joinpath(*parts))
    for broken, message in (
        ("-- @only sqlite\nCREATE TABLE a (x {{id}});\n", "no '-- @end'"),
        ("-- @end\n", "without '-- @only'"),
        ("CREATE TABLE a (x {{uuid}});\n", "no type for uuid"),
    ):
        (template / "schema.sql").write_text(broken)
        with pytest.raises(ValueError, match=message):
            db.schema_sql("sqlite")


def test_other_files_are_not_taken_for_a_store(tmp_path):
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    with pytest.raises(UnusableInput, match="not a corpus store"):
        connect(other)
    text = tmp_path / "notes.db"
    text.write_text("this is not a database at all, just some words " * 20)
    with pytest.raises(UnusableInput, match="not a corpus store"):
        connect(text)
    with pytest.raises(UnusableInput, match="no such store"):
        connect(tmp_path / "missing.db", create=False)
    assert not (tmp_path / "missing.db").exists()


def test_indexing_a_run_fills_every_table_as_the_outputs_say(run_out, tmp_path):
    conn = connect(tmp_path / "corpus.db")
    summary = index_inputs(conn, [run_out])
    assert sorted(summary.indexed) == sorted(REVIEWS)
    assert [name for name, _ in summary.run_failed] == ["broken_binary"] and not summary.failed
    for table in TABLES:
        assert _count(conn, table) > 0, table
    for name in REVIEWS:
        folder = run_out / name
        report = json.loads((folder / "report.json").read_text())
        (rid, sha, words) = conn.execute("SELECT id, sha256, words FROM reports WHERE name = ?", (name,)).fetchone()
        assert sha == report["source"]["sha256"] and words == len(report["text"].split())

        def per_report(table: str, rid: int = rid) -> int:
            return conn.execute(f"SELECT count(*) FROM {table} WHERE report_id = ?", (rid,)).fetchone()[0]

        assert per_report("paragraphs") == len(report["paragraphs"])
        assert per_report("sections") == len(report["sections"])
        assert per_report("events") == len(_jsonl(folder / "events.jsonl"))
        assert per_report("findings") == len(json.loads((folder / "findings.json").read_text()))
        labels = _jsonl(folder / "themes.jsonl")
        assert per_report("theme_labels") == sum(len(x["themes"]) + len(x.get("negated", [])) for x in labels)
        # offsets are sacred: stored paragraph text is the report's text at those offsets
        for start, end, text in conn.execute(
            "SELECT char_start, char_end, text FROM paragraphs WHERE report_id = ?", (rid,)
        ):
            assert report["text"][start:end] == text
        # every theme label and event sits in the paragraph that contains it
        for start, p_start, p_end in conn.execute(
            "SELECT t.char_start, p.char_start, p.char_end FROM theme_labels t"
            " JOIN paragraphs p ON p.id = t.paragraph_id WHERE t.report_id = ?",
            (rid,),
        ):
            assert p_start <= start < p_end
    assert conn.execute("SELECT count(*) FROM theme_labels WHERE paragraph_id IS NULL").fetchone()[0] == 0
    types = {row[0] for row in conn.execute("SELECT type FROM findings")}
    assert "PHONE" in types  # the residual phone number of one review
    conn.execute("INSERT INTO paragraphs_fts(paragraphs_fts) VALUES ('integrity-check')")


def test_reindexing_is_an_idempotent_upsert(run_out, tmp_path):
    db = tmp_path / "corpus.db"
    conn = connect(db)
    index_inputs(conn, [run_out])
    before = {t: _count(conn, t) for t in TABLES if t != "paragraphs_fts"}
    again = index_inputs(conn, [run_out])
    assert sorted(again.unchanged) == sorted(REVIEWS) and not again.indexed
    assert {t: _count(conn, t) for t in before} == before

    # new stage outputs for the same content (a newer pipeline): the review's rows are replaced, not added
    copy = tmp_path / "run2"
    shutil.copytree(run_out, copy)
    themes = copy / "westshire_child_t" / "themes.jsonl"
    kept = themes.read_text().splitlines()[:2]  # the provenance header and the first label
    themes.write_text("\n".join(kept) + "\n")
    update = index_inputs(conn, [copy / "westshire_child_t"])
    assert update.indexed == ["westshire_child_t"]
    assert _count(conn, "reports") == before["reports"]
    rid = conn.execute("SELECT id FROM reports WHERE name = 'westshire_child_t'").fetchone()[0]
    assert conn.execute("SELECT count(*) FROM theme_labels WHERE report_id = ?", (rid,)).fetchone()[0] == len(
        json.loads(kept[1])["themes"]
    )
    assert _count(conn, "paragraphs") == before["paragraphs"]
    conn.execute("INSERT INTO paragraphs_fts(paragraphs_fts) VALUES ('integrity-check')")


def test_a_revised_review_replaces_the_old_version_of_the_same_name(run_out, tmp_path, nlp):
    from pipeline.batch import Job, process

    conn = connect(tmp_path / "corpus.db")
    index_inputs(conn, [run_out])
    old_sha = conn.execute("SELECT sha256 FROM reports WHERE name = 'northvale_child_p'").fetchone()[0]
    revised = tmp_path / "northvale_child_p.txt"
    revised.write_text(
        REVIEWS["northvale_child_p"] + "\n3.3 The father was not invited to the child protection conference.\n",
        encoding="utf-8",
    )
    out = tmp_path / "run"
    process(Job(revised, out / "northvale_child_p", None))
    summary = index_inputs(conn, [out])
    assert summary.replaced == ["northvale_child_p"]
    rows = conn.execute("SELECT sha256 FROM reports WHERE name = 'northvale_child_p'").fetchall()
    assert len(rows) == 1 and rows[0][0] != old_sha
    hits = conn.execute("SELECT count(*) FROM paragraphs_fts WHERE paragraphs_fts MATCH 'invited'").fetchone()[0]
    assert hits == 1


def test_indexing_review_files_runs_the_stages_in_process(tmp_path, nlp):
    review = tmp_path / "eastborough_child_r.txt"
    review.write_text(REVIEWS["eastborough_child_r"], encoding="utf-8")
    conn = connect(tmp_path / "corpus.db")
    summary = index_inputs(conn, [review])
    assert summary.indexed == ["eastborough_child_r"]
    assert _count(conn, "paragraphs") > 5 and _count(conn, "theme_labels") > 0
    assert conn.execute("SELECT text FROM findings WHERE type = 'NAME'").fetchone()[0] == "Olive Brackenbury"


def test_a_broken_output_folder_does_not_stop_the_others(run_out, tmp_path):
    copy = tmp_path / "run"
    shutil.copytree(run_out, copy)
    (copy / "eastborough_child_r" / "report.json").write_text('{"text": "truncated', encoding="utf-8")
    conn = connect(tmp_path / "corpus.db")
    summary = index_inputs(conn, [copy])
    assert [name for name, _ in summary.failed] == ["eastborough_child_r"]
    assert sorted(summary.indexed) == ["northvale_child_p", "westshire_child_t"]
    assert _count(conn, "reports") == 2


def test_scr_index_command(run_out, tmp_path, scr):
    db = tmp_path / "corpus.db"
    result = scr("index", run_out, "--db", db, "--json")
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["indexed"] == len(REVIEWS) and summary["run_failed"][0]["name"] == "broken_binary"
    again = scr("index", run_out, "--db", db)
    assert again.returncode == 0 and b"0 indexed, 3 unchanged" in again.stderr
    missing = scr("index", tmp_path / "nowhere", "--db", db)
    assert missing.returncode == 2 and b"no such file" in missing.stderr
    not_a_store = tmp_path / "notes.db"
    not_a_store.write_text("plain words, not SQLite " * 50)
    assert scr("index", run_out, "--db", not_a_store).returncode == 2

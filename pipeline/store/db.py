"""Open the corpus store: one SQLite file (or a PostgreSQL database), schema versioned.

SQLite because it is embedded (no server to start, one file to copy or
archive) and ships FTS5 with bm25 ranking and highlighted snippets.  The
schema is plain SQL kept as a data file so that the same tables can be
created on PostgreSQL (docs/scaling.md).
"""
from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

from .. import __version__
from ..errors import UnusableInput
from ..resources import model_path

STORE_SCHEMA_VERSION = 1
SCHEMA_FILE = ("store", "schema.sql")
TABLES = ("schema_version", "reports", "sections", "paragraphs", "paragraphs_fts", "events", "theme_labels", "theme_evidence", "findings")


def schema_sql() -> str:
    return model_path(*SCHEMA_FILE).read_text(encoding="utf-8")


def connect(path: str | Path, create: bool = True):
    """A connection to the store at `path`, created (with its schema) when `create` is true.

    `path` is a SQLite file, or a `postgresql://` URL for a shared server
    (`pipeline.store.pg`).  Refuses a store of another schema version rather
    than guessing, because searching a half-migrated index would silently miss rows.
    """
    from . import pg

    if pg.is_url(str(path)) and not isinstance(path, Path):
        return pg.connect(str(path), create)
    path = Path(path)
    if path.is_dir():
        raise UnusableInput(f"{path}: --db must be a file, not a directory")
    if not path.exists() and not create:
        raise UnusableInput(f"{path}: no such store; build it with `scr index ... --db {path}`")
    if not create and path.stat().st_size == 0:
        raise UnusableInput(f"{path}: the store is empty; build it with `scr index`")
    if not path.exists():
        _create_private_file(path)
    try:
        conn = sqlite3.connect(path)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys = ON")
        version = _stored_version(conn)
    except sqlite3.DatabaseError as exc:
        raise UnusableInput(f"{path}: not a corpus store ({exc})") from exc
    if version is None:
        if not create:
            raise UnusableInput(f"{path}: not a corpus store (no schema_version table)")
        _create(conn)
    elif version != STORE_SCHEMA_VERSION:
        conn.close()
        raise UnusableInput(
            f"{path}: store schema version {version}, this tool uses {STORE_SCHEMA_VERSION}; "
            "re-create it with `scr index` into a new file"
        )
    return conn


def _create_private_file(path: Path) -> None:
    """An empty owner-only file for SQLite to fill: the findings table can hold real names."""
    path.parent.mkdir(parents=True, exist_ok=True)
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


def _stored_version(conn: sqlite3.Connection) -> int | None:
    has_table = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'").fetchone()
    if not has_table:
        if conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            raise sqlite3.DatabaseError("it holds other tables")
        return None
    row = conn.execute("SELECT max(version) FROM schema_version").fetchone()
    return row[0]


def _create(conn: sqlite3.Connection) -> None:
    with conn:
        conn.executescript(schema_sql())
        conn.execute(
            "INSERT INTO schema_version(version, applied_at, tool_version) VALUES (?, ?, ?)",
            (STORE_SCHEMA_VERSION, dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"), __version__),
        )

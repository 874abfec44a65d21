"""Open the corpus store: one SQLite file (or a PostgreSQL database), schema versioned.

SQLite because it is embedded (no server to start, one file to copy or
archive) and ships FTS5 with bm25 ranking and highlighted snippets.  The
schema is plain SQL kept as a data file so that the same tables can be
created on PostgreSQL (docs/scaling.md).

Several `scr index` processes may write one store at once: every write is
one `BEGIN IMMEDIATE` transaction (SQLite takes the write lock first, then
reads), so a check and the write it decides are never interleaved with
another writer's; the others wait (`BUSY_TIMEOUT_S`) instead of failing.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .. import __version__
from ..errors import UnusableInput
from ..resources import model_path

STORE_SCHEMA_VERSION = 2  # 2: a review is identified by its name; identical content under two names is two rows
SCHEMA_FILE = ("store", "schema.sql")
DIALECTS_FILE = ("store", "dialects.yaml")
_ONLY = re.compile(r"^-- @only (\w+)\s*$")
_END = re.compile(r"^-- @end\s*$")
TABLES = (
    "schema_version",
    "reports",
    "sections",
    "paragraphs",
    "paragraphs_fts",
    "events",
    "theme_labels",
    "theme_evidence",
    "findings",
)
BUSY_TIMEOUT_S = 120.0  # another process indexing a large review holds the write lock for a few seconds


def schema_sql(dialect: str = "sqlite") -> str:
    """The store schema for one database: models/store/schema.sql with that dialect's types and blocks.

    One schema for SQLite and PostgreSQL, so the two cannot drift apart:
    `{{token}}` marks are column types from models/store/dialects.yaml, and
    lines between `-- @only DIALECT` and `-- @end` belong to that dialect only.
    """
    import yaml

    types = yaml.safe_load(model_path(*DIALECTS_FILE).read_text(encoding="utf-8"))
    if dialect not in types:
        raise ValueError(f"no store dialect {dialect!r} in {'/'.join(DIALECTS_FILE)}")
    kept, only = [], None
    for line in model_path(*SCHEMA_FILE).read_text(encoding="utf-8").splitlines(keepends=True):
        if start := _ONLY.match(line):
            if only is not None:
                raise ValueError(
                    f"{'/'.join(SCHEMA_FILE)}: '-- @only {start.group(1)}' inside the '-- @only {only}' block"
                )
            only = start.group(1)
        elif _END.match(line):
            if only is None:
                raise ValueError(f"{'/'.join(SCHEMA_FILE)}: '-- @end' without '-- @only'")
            only = None
        elif only in (None, dialect):
            kept.append(line)
    if only is not None:
        raise ValueError(f"{'/'.join(SCHEMA_FILE)}: the '-- @only {only}' block has no '-- @end'")
    text = "".join(kept)
    missing = sorted(set(re.findall(r"\{\{(\w+)\}\}", text)) - set(types[dialect]))
    if missing:
        raise ValueError(f"store dialect {dialect!r} has no type for {', '.join(missing)}")
    return re.sub(r"\{\{(\w+)\}\}", lambda m: str(types[dialect][m.group(1)]), text)


def statements(script: str) -> list[str]:
    """The SQL statements of a script (trigger bodies kept whole), to run inside a transaction.

    `executescript` would commit the caller's transaction first, so the schema
    is run statement by statement instead.
    """
    out, buffer = [], ""
    for line in script.splitlines(keepends=True):
        if not buffer and (not line.strip() or line.lstrip().startswith("--")):
            continue
        buffer += line
        if sqlite3.complete_statement(buffer):
            out.append(buffer.strip())
            buffer = ""
    return out


def connect(path: str | Path, create: bool = True):
    """A connection to the store at `path`, created (with its schema) when `create` is true.

    `path` is a SQLite file, or a `postgresql://` URL for a shared server
    (`pipeline.store.pg`).  Refuses a store of another schema version rather
    than guessing, because searching a half-migrated index would silently miss
    rows; a version-1 store is migrated in place.  A store file this call
    created is removed again if it cannot be made into a store.
    """
    from . import pg

    if pg.is_url(str(path)) and not isinstance(path, Path):
        return pg.connect(str(path), create)
    path = check_store_path(path, create)
    created = not path.exists() and _create_private_file(path)
    try:
        return _open(path, create)
    except BaseException:
        if created and path.exists() and path.stat().st_size == 0:
            path.unlink()
        raise


def check_store_path(path: str | Path, create: bool = True) -> Path:
    """The store path, or UnusableInput when it cannot be a store (checked before anything is created)."""
    path = Path(path)
    if path.is_dir():
        raise UnusableInput(f"{path}: --db must be a file, not a directory")
    if not path.exists() and not create:
        raise UnusableInput(f"{path}: no such store; build it with `scr index ... --db {path}`")
    if not create and path.stat().st_size == 0:
        raise UnusableInput(f"{path}: the store is empty; build it with `scr index`")
    if create and not path.exists():
        ancestor = next(p for p in path.absolute().parents if p.exists())  # where the folders would be made
        if not ancestor.is_dir() or not os.access(ancestor, os.W_OK | os.X_OK):
            raise UnusableInput(f"{path}: cannot create the store ({ancestor} is not a folder this user can write to)")
    return path


def _open(path: Path, create: bool) -> sqlite3.Connection:
    try:
        # isolation_level=None: no implicit transactions; writers use `transaction(conn)` (BEGIN IMMEDIATE)
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys = ON")
        version = _stored_version(conn)
        if version is None or version < STORE_SCHEMA_VERSION and create:
            if not create:
                raise UnusableInput(f"{path}: not a corpus store (no schema_version table)")
            conn.execute("PRAGMA foreign_keys = OFF")  # only outside a transaction; a rebuilt table needs it off
            with transaction(conn):  # re-read under the write lock: another process may have just done it
                version = _stored_version(conn)
                if version is None:
                    _create(conn)
                elif version == 1:
                    _migrate_v1(conn)
                version = _stored_version(conn)
            conn.execute("PRAGMA foreign_keys = ON")
    except sqlite3.DatabaseError as exc:
        raise UnusableInput(f"{path}: not a corpus store ({exc})") from exc
    if version != STORE_SCHEMA_VERSION:
        conn.close()
        raise UnusableInput(
            f"{path}: store schema version {version}, this tool uses {STORE_SCHEMA_VERSION}; "
            + (
                "re-create it with `scr index` into a new file"
                if version is not None and version > STORE_SCHEMA_VERSION
                else "run `scr index` on it once to upgrade it"
            )
        )
    return conn


@contextmanager
def transaction(conn) -> Iterator:
    """One write transaction: BEGIN IMMEDIATE on SQLite (the write lock first), a psycopg transaction on PostgreSQL."""
    from .pg import dialect

    if dialect(conn) == "postgresql":
        with conn:
            yield conn
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


@contextmanager
def readable(db) -> Iterator[None]:
    """A store that fails while being read is one line, exit 2.

    A damaged page, a broken full-text index, a lost server.

    Query errors the caller can explain (a bad raw query, an unknown theme)
    are raised as UnusableInput before they get here.
    """
    from .pg import _redact

    try:
        yield
    except Exception as exc:
        if not isinstance(exc, sqlite3.DatabaseError) and not type(exc).__module__.startswith("psycopg"):
            raise
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        busy = any(word in first for word in ("locked", "busy"))
        hint = "another process holds it; try again" if busy else "rebuild it with `scr index` into a new file"
        raise UnusableInput(f"{_redact(str(db))}: the store cannot be read ({first}); {hint}") from exc


def _create_private_file(path: Path) -> bool:
    """An empty owner-only file for SQLite to fill: the findings table can hold real names.

    False when another process created it first (it is then opened as it is).
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        if path.is_file():
            return False
        raise UnusableInput(f"{path}: cannot create the store ({path.parent} is not a folder)") from None
    except OSError as exc:
        raise UnusableInput(f"{path}: cannot create the store ({exc.strerror or exc})") from exc
    return True


def _stored_version(conn: sqlite3.Connection) -> int | None:
    has_table = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'").fetchone()
    if not has_table:
        if conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            raise sqlite3.DatabaseError("it holds other tables")
        return None
    row = conn.execute("SELECT max(version) FROM schema_version").fetchone()
    return row[0]


def _record_version(conn) -> None:
    conn.execute(
        "INSERT INTO schema_version(version, applied_at, tool_version) VALUES (?, ?, ?)",
        (STORE_SCHEMA_VERSION, dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), __version__),
    )


def _create(conn: sqlite3.Connection) -> None:
    for statement in statements(schema_sql()):
        conn.execute(statement)
    _record_version(conn)


def _migrate_v1(conn: sqlite3.Connection) -> None:
    """Version 1 had UNIQUE(sha256) on reports; SQLite cannot drop a constraint, so the table is rebuilt.

    SQLite's documented way (foreign keys off, new table, copy, drop, rename):
    the other tables' `REFERENCES reports(id)` then name the rebuilt table.
    """
    found = re.search(r"CREATE TABLE IF NOT EXISTS reports \(.*?\n\);", schema_sql(), re.S)
    assert found is not None, "schema.sql (shipped with the package) creates the reports table"
    ddl = found.group(0)
    conn.execute(ddl.replace("EXISTS reports (", "EXISTS reports_v2 (", 1))
    columns = ", ".join(row[1] for row in conn.execute("PRAGMA table_info(reports)"))
    conn.execute(f"INSERT INTO reports_v2 ({columns}) SELECT {columns} FROM reports")
    conn.execute("DROP TABLE reports")
    conn.execute("ALTER TABLE reports_v2 RENAME TO reports")
    if conn.execute("PRAGMA foreign_key_check").fetchone():
        raise sqlite3.DatabaseError("the version 1 store has rows that point at no report")
    for statement in statements(schema_sql()):  # the indexes version 2 adds
        if statement.startswith("CREATE INDEX") and " ON reports(" in statement:
            conn.execute(statement)
    _record_version(conn)

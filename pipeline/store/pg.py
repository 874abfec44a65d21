"""The corpus store on PostgreSQL, for a team that shares one index.

`connect("postgresql://…")` returns a `PgConnection`: a thin wrapper giving a
psycopg connection the small part of the `sqlite3` interface the store uses
(`execute` with `?` placeholders, `executemany`, `with conn:` transactions,
rows readable by position and by name, dates as ISO strings), so indexing,
search and compare run the same code on both.  The few statements that differ
(full text, glob, generated ids) ask `dialect(conn)`.  The schema is
`models/store/schema.sql` rendered for PostgreSQL (`db.schema_sql("postgresql")`:
the same file as SQLite's, with types from models/store/dialects.yaml); psycopg
is needed only for this backend.
"""

from __future__ import annotations

import datetime as dt
import re

from .. import __version__
from ..errors import UnusableInput

URL_PREFIXES = ("postgresql://", "postgres://")
SCHEMA_LOCK = 0x5C5_0001  # pg_advisory_xact_lock key: creating or upgrading the store schema


def is_url(target) -> bool:
    return isinstance(target, str) and target.startswith(URL_PREFIXES)


class Row(tuple):
    """A result row readable as row[0] and row["name"], like sqlite3.Row."""

    names: dict[str, int]

    def __new__(cls, values, names):
        row = super().__new__(cls, values)
        row.names = names
        return row

    def __getitem__(self, key):
        if isinstance(key, str):
            return tuple.__getitem__(self, self.names[key])
        return tuple.__getitem__(self, key)

    def keys(self):
        return list(self.names)


def _row_factory(cursor):
    names = {c.name: i for i, c in enumerate(cursor.description or [])}

    def make(values):
        return Row([v.isoformat() if isinstance(v, (dt.date, dt.datetime)) else v for v in values], names)

    return make


_PLACEHOLDER = re.compile(r"'(?:[^']|'')*'|(\?)|(%)")


def _convert(sql: str) -> str:
    """`?` → `%s` and `%` → `%%` outside string literals."""
    return _PLACEHOLDER.sub(lambda m: "%s" if m.group(1) else "%%" if m.group(2) else m.group(0), sql)


class PgConnection:
    dialect = "postgresql"

    def __init__(self, raw):
        self.raw = raw
        self._tx = []

    def execute(self, sql: str, params=()):
        cursor = self.raw.cursor(row_factory=_row_factory)
        cursor.execute(_convert(sql), tuple(params) if params else None)
        return cursor

    def executemany(self, sql: str, rows):
        rows = list(rows)
        cursor = self.raw.cursor(row_factory=_row_factory)
        if rows:
            cursor.executemany(_convert(sql), rows)
        return cursor

    def __enter__(self):
        tx = self.raw.transaction()
        tx.__enter__()
        self._tx.append(tx)
        return self

    def __exit__(self, *exc):
        return self._tx.pop().__exit__(*exc)

    def commit(self) -> None:
        """Statements outside `with conn:` are already committed (autocommit)."""

    def close(self) -> None:
        self.raw.close()


def connect(url: str, create: bool = True) -> PgConnection:
    """A store on a PostgreSQL server; the schema is created in an empty database."""
    try:
        import psycopg
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise UnusableInput("a postgresql:// store needs psycopg (pip install 'psycopg[binary]')") from exc
    from .db import STORE_SCHEMA_VERSION, schema_sql

    try:
        raw = psycopg.connect(url, autocommit=True)
    except psycopg.Error as exc:
        raise UnusableInput(
            f"cannot connect to the store at {_redact(url)}: {str(exc).strip().splitlines()[0]}"
        ) from exc
    conn = PgConnection(raw)
    version = _version(conn)
    if version is None and not create:
        conn.close()
        raise UnusableInput(f"{_redact(url)}: not a corpus store (no schema_version table); build it with `scr index`")
    if create and (version is None or version < STORE_SCHEMA_VERSION):
        with conn:  # one process creates or upgrades the schema; the others wait, then see it done
            conn.execute("SELECT pg_advisory_xact_lock(?)", (SCHEMA_LOCK,))
            version = _version(conn)
            if version is None:
                conn.raw.execute(schema_sql("postgresql"))
            elif version == 1:
                conn.execute("ALTER TABLE reports DROP CONSTRAINT IF EXISTS reports_sha256_key")
                conn.execute("CREATE INDEX IF NOT EXISTS reports_sha256 ON reports(sha256)")
            if version is None or version == 1:
                conn.execute(
                    "INSERT INTO schema_version(version, applied_at, tool_version) VALUES (?, ?, ?)"
                    " ON CONFLICT (version) DO NOTHING",
                    (STORE_SCHEMA_VERSION, dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), __version__),
                )
                version = STORE_SCHEMA_VERSION
    if version != STORE_SCHEMA_VERSION:
        conn.close()
        raise UnusableInput(f"{_redact(url)}: store schema version {version}, this tool uses {STORE_SCHEMA_VERSION}")
    return conn


def _version(conn: PgConnection) -> int | None:
    """The store's schema version; None in a database without the store.

    Asks pg_tables with a plain query (a fresh snapshot) rather than
    to_regclass, whose catalog cache may not yet see a table another
    process has just created.
    """
    exists = conn.execute(
        "SELECT count(*) FROM pg_catalog.pg_tables WHERE tablename = 'schema_version'"
        " AND schemaname = ANY (current_schemas(false))"
    ).fetchone()[0]
    if not exists:
        return None
    return conn.execute("SELECT max(version) FROM schema_version").fetchone()[0]


def _redact(url: str) -> str:
    """The URL without its password, for messages."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", url)


def dialect(conn) -> str:
    return getattr(conn, "dialect", "sqlite")


def glob_regex(pattern: str) -> str:
    """A shell glob (as SQLite's GLOB reads it) as an anchored POSIX regex."""
    out, i = ["^"], 0
    while i < len(pattern):
        c = pattern[i]
        if c == "*":
            out.append(".*")
        elif c == "?":
            out.append(".")
        elif c == "[":
            end = pattern.find("]", i + 1)
            if end == -1:
                out.append(r"\[")
            else:
                body = pattern[i + 1 : end]
                out.append("[" + ("^" + body[1:] if body.startswith("^") else body) + "]")
                i = end
        else:
            out.append(re.escape(c))
        i += 1
    return "".join(out) + "$"


def web_query(text: str) -> str:
    """What a user typed (`search.parse_text`) in PostgreSQL's websearch syntax: "phrase", or, -"word".

    Built from the parsed terms, each quoted, so the server reads the same
    query as SQLite does; websearch_to_tsquery has no prefix search, so
    `word*` is the word.
    """
    from .search import parse_text

    return " or ".join(
        " ".join(("-" if t.negated else "") + '"' + t.text + '"' for t in group) for group in parse_text(text)
    )

"""The corpus store: many reviews' structure, chronologies, themes and findings in one SQLite file.

Public API:
- `connect(path, create=True)`: open (or create) a store; the schema lives in
  `models/store/schema.sql` (one schema for SQLite and PostgreSQL, the
  differing types in `models/store/dialects.yaml`) and is versioned;
- `index_inputs(conn, inputs, model=None)`: fill it from finished `scr run`
  output folders or review files (idempotent upserts; a review is its name
  plus the sha256 of its input, one transaction each);
- `search(conn, SearchQuery(...))` and `cooccurrence(conn, themes, within)`;
  `parse_text` reads a typed query (never a syntax error; `raw=True` for
  the backend's own syntax);
- `theme_matrix(conn, value)`, `write_heatmap(matrix, path)`,
  `compare_reports(conn, a, b)`.
"""

from .compare import Matrix, compare_reports, theme_matrix, write_heatmap
from .db import STORE_SCHEMA_VERSION, TABLES, connect
from .index import IndexSummary, RunOutputs, index_inputs, index_outputs, read_run_folder
from .search import Hit, SearchQuery, cooccurrence, fts_query, parse_text, search

__all__ = [
    "STORE_SCHEMA_VERSION",
    "TABLES",
    "Hit",
    "IndexSummary",
    "Matrix",
    "RunOutputs",
    "SearchQuery",
    "compare_reports",
    "connect",
    "cooccurrence",
    "fts_query",
    "index_inputs",
    "index_outputs",
    "parse_text",
    "read_run_folder",
    "search",
    "theme_matrix",
    "write_heatmap",
]

"""The corpus store: many reviews' structure, chronologies, themes and findings in one SQLite file.

Public API:
- `connect(path, create=True)`: open (or create) a store; the schema lives in
  `models/store/schema.sql` and is versioned (`schema_version` table);
- `index_inputs(conn, inputs, model=None)`: fill it from `scr run` output
  folders or review files (idempotent upserts keyed by the input's sha256);
- `search(conn, SearchQuery(...))` and `cooccurrence(conn, themes, within)`;
- `theme_matrix(conn, value)`, `write_heatmap(matrix, path)`,
  `compare_reports(conn, a, b)`.
"""
from .compare import Matrix, compare_reports, theme_matrix, write_heatmap
from .db import STORE_SCHEMA_VERSION, TABLES, connect
from .index import IndexSummary, RunOutputs, index_inputs, index_outputs, read_run_folder
from .search import Hit, SearchQuery, cooccurrence, fts_query, search

__all__ = [
    "STORE_SCHEMA_VERSION", "TABLES", "Hit", "IndexSummary", "Matrix", "RunOutputs", "SearchQuery", "compare_reports",
    "connect", "cooccurrence", "fts_query", "index_inputs", "index_outputs", "read_run_folder", "search", "theme_matrix",
    "write_heatmap",
]

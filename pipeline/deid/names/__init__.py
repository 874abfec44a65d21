"""Finding identifiers: known names from a key, unknown names, role codes,
structured identifiers (via `pipeline.deid.recognizers`) and quasi-identifiers.
Shared by `pseudonymise` (which replaces them) and `verify` (which reports them)."""

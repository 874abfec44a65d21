"""People's names: the key's names in every form (`known`), names nobody listed (`unknown`), and
the key's names misspelt (`fuzzy`). Shared by `pipeline.deid.pseudonymise` (which replaces them)
and `pipeline.deid.verify` (which reports them); structured identifiers are in
`pipeline.deid.recognizers`, role codes in `pipeline.deid.codes`."""

-- The corpus store: one SQLite file per corpus, or one PostgreSQL database for a team.
-- ONE schema for both: a `{{...}}` token is a column type that differs between the two, looked up
-- in dialects.yaml; lines between `-- @only DIALECT` and `-- @end` exist in that dialect only
-- (SQLite's FTS5 table and triggers; PostgreSQL's tsvector column and GIN index).
-- pipeline.store.db.schema_sql(dialect) renders it.
-- Version: keep STORE_SCHEMA_VERSION in pipeline/store/db.py in step.
-- Every offset (start, end) is a character offset into the report's normalised text,
-- as in report.json, so any hit can be pointed back at the exact place in the review.

CREATE TABLE IF NOT EXISTS schema_version (
    version      INTEGER PRIMARY KEY,
    applied_at   TEXT NOT NULL,
    tool_version TEXT NOT NULL
);

-- One row per indexed review.  Identity: the review's name (its `scr run` output folder,
-- i.e. the file stem) together with the sha256 of its input bytes.  Re-indexing the same
-- name with the same content and the same stage outputs changes nothing ("unchanged"); the
-- same content with new outputs updates the row; new content under a known name replaces
-- the old version (a revised review keeps its name).  Identical content under two names is
-- two rows: each indexed review can be found by its own name.
CREATE TABLE IF NOT EXISTS reports (
    id               {{id}},
    sha256           TEXT NOT NULL,             -- of the input bytes (not unique: copies keep their own rows)
    name             TEXT NOT NULL UNIQUE,      -- run output folder name (file stem)
    source_name      TEXT,
    source_format    TEXT,
    source_bytes     {{bigint}},
    words            INTEGER,
    board            TEXT,
    title            TEXT,
    subject_child    TEXT,
    report_type      TEXT,
    period_start     {{date}},                    -- ISO dates
    period_end       {{date}},
    author           TEXT,
    tool_version     TEXT,                      -- pipeline that produced the run outputs
    pipeline_schema  INTEGER,
    model_name       TEXT,
    model_version    TEXT,
    outputs_sha256   TEXT NOT NULL,             -- hash of the stage outputs: unchanged -> not re-indexed
    origin           TEXT,                      -- the run folder or file it was indexed from
    indexed_at       {{timestamp}} NOT NULL
);
CREATE INDEX IF NOT EXISTS reports_sha256 ON reports(sha256);

CREATE TABLE IF NOT EXISTS sections (
    id            {{id}},
    report_id     {{ref}} NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    ordinal       INTEGER NOT NULL,
    number        TEXT,
    title         TEXT NOT NULL,
    level         INTEGER NOT NULL,
    kpe           TEXT,
    char_start    INTEGER NOT NULL,
    char_end      INTEGER NOT NULL,
    heading_start INTEGER NOT NULL,
    heading_end   INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS sections_report ON sections(report_id, char_start);

CREATE TABLE IF NOT EXISTS paragraphs (
    id            {{id}},
    report_id     {{ref}} NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    ordinal       INTEGER NOT NULL,
    section_id    {{ref}} REFERENCES sections(id) ON DELETE SET NULL,  -- innermost section
    kind          TEXT NOT NULL,
    number        TEXT,
    kpe           TEXT,
    char_start    INTEGER NOT NULL,
    char_end      INTEGER NOT NULL,
    text          TEXT NOT NULL
-- @only postgresql
    -- full text: 'english' stems as FTS5's porter tokenizer does (ranked by ts_rank_cd, snippets by ts_headline)
    , tsv         tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED
-- @end
);
CREATE INDEX IF NOT EXISTS paragraphs_report ON paragraphs(report_id, ordinal);

-- @only postgresql
CREATE INDEX IF NOT EXISTS paragraphs_tsv ON paragraphs USING GIN (tsv);
-- @end
-- @only sqlite
-- Full text over paragraph text; external content (the text is stored once, in paragraphs).
CREATE VIRTUAL TABLE IF NOT EXISTS paragraphs_fts USING fts5(
    text, content='paragraphs', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER IF NOT EXISTS paragraphs_ai AFTER INSERT ON paragraphs BEGIN
    INSERT INTO paragraphs_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER IF NOT EXISTS paragraphs_ad AFTER DELETE ON paragraphs BEGIN
    INSERT INTO paragraphs_fts(paragraphs_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER IF NOT EXISTS paragraphs_au AFTER UPDATE OF text ON paragraphs BEGIN
    INSERT INTO paragraphs_fts(paragraphs_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO paragraphs_fts(rowid, text) VALUES (new.id, new.text);
END;
-- @end

-- The dated chronology (events.jsonl).
CREATE TABLE IF NOT EXISTS events (
    id            {{id}},
    report_id     {{ref}} NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    paragraph_id  {{ref}} REFERENCES paragraphs(id) ON DELETE SET NULL,
    event_no      INTEGER,                      -- the event's id within its report
    date          {{date}},                     -- ISO; NULL when undated
    date_end      {{date}},
    precision     TEXT,
    expression    TEXT,
    expression_start INTEGER,                  -- the date phrase (NULL when the date is inherited)
    expression_end   INTEGER,
    sentence      TEXT NOT NULL,
    char_start    INTEGER NOT NULL,
    char_end      INTEGER NOT NULL,
    actors        {{json}} NOT NULL DEFAULT '[]', -- JSON arrays
    agencies      {{json}} NOT NULL DEFAULT '[]',
    action        TEXT,
    object        TEXT,
    kpe           TEXT,
    section       TEXT,
    confidence    REAL,
    extra         {{json}} NOT NULL DEFAULT '{}'  -- any other fields of the record, as JSON
);
CREATE INDEX IF NOT EXISTS events_report ON events(report_id, date);
CREATE INDEX IF NOT EXISTS events_date ON events(date, date_end);
CREATE INDEX IF NOT EXISTS events_paragraph ON events(paragraph_id);

-- One row per (paragraph, theme) from themes.jsonl; negated = the theme was mentioned but ruled out.
CREATE TABLE IF NOT EXISTS theme_labels (
    id            {{id}},
    report_id     {{ref}} NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    paragraph_id  {{ref}} REFERENCES paragraphs(id) ON DELETE SET NULL,
    theme_id      TEXT NOT NULL,
    theme_label   TEXT,
    score         REAL,
    polarity      TEXT,
    negated       INTEGER NOT NULL DEFAULT 0,
    section       TEXT,
    section_role  TEXT,
    char_start    INTEGER NOT NULL,
    char_end      INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS theme_labels_theme ON theme_labels(theme_id, negated, paragraph_id);
CREATE INDEX IF NOT EXISTS theme_labels_report ON theme_labels(report_id, theme_id);
CREATE INDEX IF NOT EXISTS theme_labels_paragraph ON theme_labels(paragraph_id);

CREATE TABLE IF NOT EXISTS theme_evidence (
    id            {{id}},
    label_id      {{ref}} NOT NULL REFERENCES theme_labels(id) ON DELETE CASCADE,
    text          TEXT NOT NULL,
    cue           TEXT,
    weight        REAL,
    polarity      TEXT,
    char_start    INTEGER NOT NULL,
    char_end      INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS theme_evidence_label ON theme_evidence(label_id);

-- Verification findings (findings.json): residual identifiers, so this table may hold
-- real names; the store is as sensitive as the run outputs it was built from.
CREATE TABLE IF NOT EXISTS findings (
    id            {{id}},
    report_id     {{ref}} NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    paragraph_id  {{ref}} REFERENCES paragraphs(id) ON DELETE SET NULL,
    type          TEXT NOT NULL,
    severity      TEXT,
    text          TEXT,
    reason        TEXT,
    rule          TEXT,
    line          INTEGER,
    char_start    INTEGER NOT NULL,
    char_end      INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS findings_report ON findings(report_id, severity);

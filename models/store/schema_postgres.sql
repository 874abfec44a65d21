-- The corpus store on PostgreSQL (>= 12): the same tables and columns as schema.sql,
-- for a team that shares one index.  Differences, all mechanical:
--   INTEGER PRIMARY KEY            -> BIGINT GENERATED ALWAYS AS IDENTITY
--   FTS5 table + triggers          -> a generated tsvector column with a GIN index
--   bm25() / snippet()             -> ts_rank_cd() / ts_headline() (see docs/scaling.md)
-- Offsets (char_start, char_end) are character offsets into the report text, as in report.json.

CREATE TABLE IF NOT EXISTS schema_version (
    version      INTEGER PRIMARY KEY,
    applied_at   TEXT NOT NULL,
    tool_version TEXT NOT NULL
);

-- One row per indexed review, identified by name + sha256 of the input (see schema.sql).
CREATE TABLE IF NOT EXISTS reports (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sha256           TEXT NOT NULL,
    name             TEXT NOT NULL UNIQUE,
    source_name      TEXT,
    source_format    TEXT,
    source_bytes     BIGINT,
    words            INTEGER,
    board            TEXT,
    title            TEXT,
    subject_child    TEXT,
    report_type      TEXT,
    period_start     DATE,
    period_end       DATE,
    author           TEXT,
    tool_version     TEXT,
    pipeline_schema  INTEGER,
    model_name       TEXT,
    model_version    TEXT,
    outputs_sha256   TEXT NOT NULL,
    origin           TEXT,
    indexed_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX IF NOT EXISTS reports_sha256 ON reports(sha256);

CREATE TABLE IF NOT EXISTS sections (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    report_id     BIGINT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
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
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    report_id     BIGINT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    ordinal       INTEGER NOT NULL,
    section_id    BIGINT REFERENCES sections(id) ON DELETE SET NULL,
    kind          TEXT NOT NULL,
    number        TEXT,
    kpe           TEXT,
    char_start    INTEGER NOT NULL,
    char_end      INTEGER NOT NULL,
    text          TEXT NOT NULL,
    -- full text: replaces the FTS5 table; 'english' stems as FTS5's porter tokenizer does
    tsv           tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED
);
CREATE INDEX IF NOT EXISTS paragraphs_report ON paragraphs(report_id, ordinal);
CREATE INDEX IF NOT EXISTS paragraphs_tsv ON paragraphs USING GIN (tsv);

CREATE TABLE IF NOT EXISTS events (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    report_id     BIGINT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    paragraph_id  BIGINT REFERENCES paragraphs(id) ON DELETE SET NULL,
    event_no      INTEGER,
    date          DATE,
    date_end      DATE,
    precision     TEXT,
    expression    TEXT,
    expression_start INTEGER,                  -- the date phrase (NULL when the date is inherited)
    expression_end   INTEGER,
    sentence      TEXT NOT NULL,
    char_start    INTEGER NOT NULL,
    char_end      INTEGER NOT NULL,
    actors        JSONB NOT NULL DEFAULT '[]',
    agencies      JSONB NOT NULL DEFAULT '[]',
    action        TEXT,
    object        TEXT,
    kpe           TEXT,
    section       TEXT,
    confidence    REAL,
    extra         JSONB NOT NULL DEFAULT '{}'
);
CREATE INDEX IF NOT EXISTS events_report ON events(report_id, date);
CREATE INDEX IF NOT EXISTS events_date ON events(date, date_end);
CREATE INDEX IF NOT EXISTS events_paragraph ON events(paragraph_id);

CREATE TABLE IF NOT EXISTS theme_labels (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    report_id     BIGINT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    paragraph_id  BIGINT REFERENCES paragraphs(id) ON DELETE SET NULL,
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
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    label_id      BIGINT NOT NULL REFERENCES theme_labels(id) ON DELETE CASCADE,
    text          TEXT NOT NULL,
    cue           TEXT,
    weight        REAL,
    polarity      TEXT,
    char_start    INTEGER NOT NULL,
    char_end      INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS theme_evidence_label ON theme_evidence(label_id);

CREATE TABLE IF NOT EXISTS findings (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    report_id     BIGINT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    paragraph_id  BIGINT REFERENCES paragraphs(id) ON DELETE SET NULL,
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

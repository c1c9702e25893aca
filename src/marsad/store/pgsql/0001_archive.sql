-- The archive on a PostgreSQL server: the SQLite store's tables (store/sql), as they are after its last migration,
-- without the kept tables its answers read (counts, facets, topics): here the answers count from the facts' indexes.
-- Every text column compares as bytes (COLLATE "C"), as SQLite's do: ids by prefix, ISO dates against 'date~',
-- and the same order of facts and documents whatever the server's default collation.
CREATE TABLE documents (
    rowid BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id TEXT COLLATE "C" NOT NULL UNIQUE,  -- SHA-256 of the original bytes
    source TEXT COLLATE "C" NOT NULL,
    origin TEXT COLLATE "C" NOT NULL,
    media_type TEXT COLLATE "C" NOT NULL,
    title TEXT COLLATE "C",
    url TEXT COLLATE "C",
    published TEXT COLLATE "C",
    published_json TEXT,
    published_from TEXT COLLATE "C",
    captured_at TEXT COLLATE "C",
    ingested_at TEXT COLLATE "C" NOT NULL,
    size BIGINT NOT NULL,
    parent TEXT COLLATE "C",
    languages TEXT COLLATE "C" NOT NULL,
    declared_language TEXT COLLATE "C",
    paragraphs TEXT NOT NULL,
    meta TEXT NOT NULL,
    warnings TEXT NOT NULL,
    text TEXT NOT NULL,
    version_of TEXT COLLATE "C",
    version_at TEXT COLLATE "C",
    superseded_by TEXT COLLATE "C"
);
CREATE INDEX documents_parent ON documents(parent);
CREATE INDEX documents_published ON documents(published);
CREATE INDEX documents_version ON documents(version_of) WHERE version_of IS NOT NULL;
CREATE INDEX documents_superseded ON documents(superseded_by) WHERE superseded_by IS NOT NULL;
CREATE INDEX documents_dated_from ON documents(published_from) WHERE superseded_by IS NULL AND published IS NOT NULL;

CREATE TABLE originals (
    doc BIGINT PRIMARY KEY REFERENCES documents(rowid),
    data BYTEA NOT NULL                   -- bytes exactly as received
);

-- The folded text's words as a tsvector, a part of at most store.postgres._PART words a row (a tsvector holds at
-- most 1 MB and positions up to 16,383), each part beginning with the last words of the one before, so that a
-- phrase is never split between two parts.
CREATE TABLE documents_fts (
    doc BIGINT NOT NULL REFERENCES documents(rowid),
    part INTEGER NOT NULL,
    body TSVECTOR NOT NULL,
    PRIMARY KEY (doc, part)
);
CREATE INDEX documents_fts_body ON documents_fts USING GIN (body);

CREATE TABLE facts (
    seq BIGINT GENERATED ALWAYS AS IDENTITY,  -- the order facts were written, as SQLite's rowid keeps it
    id TEXT COLLATE "C" PRIMARY KEY,
    doc BIGINT NOT NULL REFERENCES documents(rowid),
    kind TEXT COLLATE "C" NOT NULL,
    predicate TEXT COLLATE "C" NOT NULL,
    span_start BIGINT NOT NULL,
    span_end BIGINT NOT NULL,
    text TEXT NOT NULL,
    date TEXT COLLATE "C",
    date_end TEXT COLLATE "C",
    precision TEXT COLLATE "C",
    calendar TEXT COLLATE "C",
    hijri TEXT COLLATE "C",
    uncertainty INTEGER,
    anchor TEXT COLLATE "C",
    subject TEXT COLLATE "C",
    value TEXT COLLATE "C",
    extractor TEXT COLLATE "C" NOT NULL,
    version TEXT COLLATE "C" NOT NULL,
    confidence DOUBLE PRECISION NOT NULL,
    detail TEXT NOT NULL,                 -- JSON object, as the SQLite store keeps it (LIKE reads it as text)
    modality TEXT COLLATE "C"
);
CREATE INDEX facts_doc ON facts(doc, kind, subject, extractor);
CREATE INDEX facts_kind_date ON facts(kind, date);
CREATE INDEX facts_subject ON facts(subject, kind, date);
CREATE INDEX facts_group ON facts(kind, subject, predicate, value, date, date_end, precision, modality);
CREATE INDEX facts_kind_date_end ON facts(kind, date_end) WHERE date_end IS NOT NULL;

CREATE TABLE extractions (
    doc BIGINT NOT NULL REFERENCES documents(rowid),
    extractor TEXT COLLATE "C" NOT NULL,
    version TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (doc, extractor)
);

CREATE TABLE kb_entities (
    rowid BIGINT GENERATED ALWAYS AS IDENTITY,
    id TEXT COLLATE "C" PRIMARY KEY,
    source TEXT COLLATE "C" NOT NULL,
    type TEXT COLLATE "C" NOT NULL,
    name TEXT COLLATE "C" NOT NULL,
    data TEXT NOT NULL
);
CREATE INDEX kb_entities_source ON kb_entities(source);

CREATE TABLE reviews (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    doc_id TEXT COLLATE "C" NOT NULL,
    span_start BIGINT NOT NULL,
    span_end BIGINT NOT NULL,
    kind TEXT COLLATE "C" NOT NULL,
    fact_id TEXT COLLATE "C" NOT NULL,
    verdict TEXT COLLATE "C" NOT NULL CHECK (verdict IN ('confirm', 'reject', 'correct')),
    field TEXT COLLATE "C",
    value TEXT COLLATE "C",
    note TEXT NOT NULL DEFAULT '',
    reviewer TEXT NOT NULL,
    created_at TEXT COLLATE "C" NOT NULL
);
CREATE INDEX reviews_evidence ON reviews(doc_id, span_start, span_end, kind);

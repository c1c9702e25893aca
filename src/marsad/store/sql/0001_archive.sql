-- The archive: documents with provenance, their original bytes, and a full-text index of a folded copy.
CREATE TABLE documents (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,              -- SHA-256 of the original bytes
    source TEXT NOT NULL,                 -- path or URL as ingested
    origin TEXT NOT NULL,                 -- folder, host or channel: what `stats` groups by
    media_type TEXT NOT NULL,
    title TEXT,
    url TEXT,                             -- canonical URL
    published TEXT,                       -- ISO prefix, for sorting and ranges
    published_json TEXT,                  -- the full PartialDate
    published_from TEXT,
    captured_at TEXT,
    ingested_at TEXT NOT NULL,
    size INTEGER NOT NULL,
    parent TEXT,
    languages TEXT NOT NULL,              -- space separated, largest share first
    declared_language TEXT,
    paragraphs TEXT NOT NULL,             -- JSON [[start, end, lang, score], ...]
    meta TEXT NOT NULL,                   -- JSON object
    warnings TEXT NOT NULL,               -- JSON list
    text TEXT NOT NULL
);
CREATE INDEX documents_parent ON documents(parent);
CREATE INDEX documents_published ON documents(published);

CREATE TABLE originals (
    doc INTEGER PRIMARY KEY REFERENCES documents(rowid),  -- rowid, not the 64-character id: no second index
    data BLOB NOT NULL                    -- bytes exactly as received
);

-- Contentless: the folded text is only needed by the index; documents.text keeps the real text.
CREATE VIRTUAL TABLE documents_fts USING fts5(
    body, content='', prefix='2 3', tokenize='unicode61 remove_diacritics 0'
);

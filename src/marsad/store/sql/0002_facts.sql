-- Facts: statements extracted from documents, each with its evidence span, extractor and version.
CREATE TABLE facts (
    id TEXT PRIMARY KEY,                  -- deterministic: extractor, kind, span, value
    doc INTEGER NOT NULL REFERENCES documents(rowid),
    kind TEXT NOT NULL,                   -- date | actor | publication_issue | campaign | statement | event | inconsistency
    predicate TEXT NOT NULL,
    span_start INTEGER NOT NULL,          -- character offsets into documents.text
    span_end INTEGER NOT NULL,
    text TEXT NOT NULL,                   -- the evidence, exactly as in the text
    date TEXT,                            -- ISO prefix (Gregorian)
    date_end TEXT,
    precision TEXT,
    calendar TEXT,
    hijri TEXT,
    uncertainty INTEGER,
    anchor TEXT,
    subject TEXT,
    value TEXT,
    extractor TEXT NOT NULL,
    version TEXT NOT NULL,
    confidence REAL NOT NULL,
    detail TEXT NOT NULL                  -- JSON object
);
CREATE INDEX facts_doc ON facts(doc, extractor);
CREATE INDEX facts_kind_date ON facts(kind, date);

-- Which extractor version has run on which document (a run that found nothing is recorded too).
CREATE TABLE extractions (
    doc INTEGER NOT NULL REFERENCES documents(rowid),
    extractor TEXT NOT NULL,
    version TEXT NOT NULL,
    PRIMARY KEY (doc, extractor)
);

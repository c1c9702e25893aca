-- An analyst's reviews of facts (confirm, reject, correct a field): records of their own, never an edit of a
-- fact. Keyed to the fact's evidence — the document's id (its SHA-256, not its rowid), the span and the kind —
-- not to the fact's id, which changes with the extractor's version: `marsad extract --force` or a new extractor
-- replaces the facts, and a review re-attaches to the fact found at the same span of the same kind.
CREATE TABLE reviews (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    kind TEXT NOT NULL,
    fact_id TEXT NOT NULL,                -- the fact as it was reviewed (for the record; not the key)
    verdict TEXT NOT NULL CHECK (verdict IN ('confirm', 'reject', 'correct')),
    field TEXT,                           -- what a correction corrects: date | actor | predicate | issue
    value TEXT,                           -- the corrected value
    note TEXT NOT NULL DEFAULT '',        -- the reviewer's why
    reviewer TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX reviews_evidence ON reviews(doc_id, span_start, span_end, kind);

-- Timelines and cadence checks count facts by what they say; this index covers that count, so they
-- aggregate without reading the facts themselves, and serves lookups by kind and entity too. It replaces
-- the narrower facts_issue and facts_subject: each index costs every fact written at ingest.
DROP INDEX IF EXISTS facts_issue;
DROP INDEX IF EXISTS facts_subject;
CREATE INDEX facts_group ON facts(kind, subject, predicate, value, date, date_end, precision);

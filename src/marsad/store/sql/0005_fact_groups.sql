-- Timelines and cadence checks count facts by what they say; this index covers that count, so they
-- aggregate without reading the facts themselves. It replaces the narrower facts_issue.
DROP INDEX IF EXISTS facts_issue;
CREATE INDEX facts_group ON facts(kind, subject, predicate, value, date, date_end, precision);

-- A date range asked of the facts ("from 2023-10") reads the facts dated in or after its year, and the ranges that
-- began before it and end in or after it: the second through this index (few facts carry an end date).
CREATE INDEX facts_kind_date_end ON facts(kind, date_end) WHERE date_end IS NOT NULL;

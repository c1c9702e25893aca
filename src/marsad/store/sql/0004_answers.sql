-- Answers (timeline, first mention, latency, check) read facts by entity and date, and issues by number.
CREATE INDEX facts_subject ON facts(subject, kind, date);
CREATE INDEX facts_issue ON facts(kind, subject, value, date);
-- Documents that are themselves an issue of a series: a JSON Lines record with "series" and "issue" fields.
CREATE INDEX documents_issue ON documents(json_extract(meta, '$.fields.series'), json_extract(meta, '$.fields.issue'))
    WHERE json_extract(meta, '$.fields.issue') IS NOT NULL;

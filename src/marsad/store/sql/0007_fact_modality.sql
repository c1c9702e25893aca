-- What is not asserted (a denial, a negation, a rumour, a habit, a condition, a call) is kept out of first
-- mentions, absences, latencies and the timeline unless asked for: its modality is a column, NULL when the fact
-- is asserted or reported (a claim of its speaker), and the grouping index carries it so the filter stays covered.
ALTER TABLE facts ADD COLUMN modality TEXT;
UPDATE facts SET modality = json_extract(detail, '$.modality')
    WHERE kind IN ('statement', 'event')
      AND json_extract(detail, '$.modality') NOT IN ('asserted', 'reported');
DROP INDEX IF EXISTS facts_group;
CREATE INDEX facts_group ON facts(kind, subject, predicate, value, date, date_end, precision, modality);

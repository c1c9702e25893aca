-- The writer adds what new facts bring to the kept tables once a transaction (store/kept.py), where a trigger a
-- fact did it row by row (twice the cost of writing facts). Deletes stay triggers, and may take a count below zero
-- until the transaction's tally is added (a fact written again in place, INSERT OR REPLACE, is deleted first).
DROP TRIGGER fact_group_counts_insert;
DROP TRIGGER issue_topics_insert;
DROP TRIGGER fact_group_counts_delete;
CREATE TRIGGER fact_group_counts_delete AFTER DELETE ON facts
WHEN OLD.kind IN ('statement', 'event', 'publication_issue', 'campaign') BEGIN
    INSERT INTO fact_group_counts VALUES (
        json_array(OLD.kind, OLD.subject, OLD.predicate, OLD.value, OLD.date, OLD.date_end, OLD.precision,
                   OLD.modality),
        OLD.kind, OLD.subject, OLD.predicate, OLD.value, OLD.date, OLD.date_end, OLD.precision, OLD.modality, -1)
    ON CONFLICT(key) DO UPDATE SET n = n - 1;
END;

-- The timeline's and the checks' counts of facts by what they say (store fact_groups), kept as the facts are written:
-- an answer over every statement, event, issue and campaign reads these few rows, not every fact of them.
-- `key` is the group as one value (json_array keeps NULL apart from ''), the columns beside it what filters read.
CREATE TABLE fact_group_counts (
    key TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    subject TEXT,
    predicate TEXT,
    value TEXT,
    date TEXT,
    date_end TEXT,
    precision TEXT,
    modality TEXT,
    n INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX fact_group_counts_kind_date ON fact_group_counts(kind, date);

INSERT INTO fact_group_counts
SELECT json_array(kind, subject, predicate, value, date, date_end, precision, modality),
       kind, subject, predicate, value, date, date_end, precision, modality, count(*)
FROM facts WHERE kind IN ('statement', 'event', 'publication_issue', 'campaign')
GROUP BY kind, subject, predicate, value, date, date_end, precision, modality;

-- INSERT OR REPLACE deletes the fact it replaces: its delete trigger runs with PRAGMA recursive_triggers (store/sqlite)
CREATE TRIGGER fact_group_counts_insert AFTER INSERT ON facts
WHEN NEW.kind IN ('statement', 'event', 'publication_issue', 'campaign') BEGIN
    INSERT INTO fact_group_counts VALUES (
        json_array(NEW.kind, NEW.subject, NEW.predicate, NEW.value, NEW.date, NEW.date_end, NEW.precision,
                   NEW.modality),
        NEW.kind, NEW.subject, NEW.predicate, NEW.value, NEW.date, NEW.date_end, NEW.precision, NEW.modality, 1)
    ON CONFLICT(key) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER fact_group_counts_delete AFTER DELETE ON facts
WHEN OLD.kind IN ('statement', 'event', 'publication_issue', 'campaign') BEGIN
    UPDATE fact_group_counts SET n = n - 1
    WHERE key = json_array(OLD.kind, OLD.subject, OLD.predicate, OLD.value, OLD.date, OLD.date_end, OLD.precision,
                           OLD.modality);
    DELETE FROM fact_group_counts
    WHERE key = json_array(OLD.kind, OLD.subject, OLD.predicate, OLD.value, OLD.date, OLD.date_end, OLD.precision,
                           OLD.modality) AND n <= 0;
END;

CREATE TRIGGER fact_group_counts_update AFTER UPDATE OF kind, subject, predicate, value, date, date_end, precision,
    modality ON facts BEGIN
    UPDATE fact_group_counts SET n = n - 1
    WHERE OLD.kind IN ('statement', 'event', 'publication_issue', 'campaign')
      AND key = json_array(OLD.kind, OLD.subject, OLD.predicate, OLD.value, OLD.date, OLD.date_end, OLD.precision,
                           OLD.modality);
    DELETE FROM fact_group_counts WHERE n <= 0
      AND key = json_array(OLD.kind, OLD.subject, OLD.predicate, OLD.value, OLD.date, OLD.date_end, OLD.precision,
                           OLD.modality);
    INSERT INTO fact_group_counts SELECT
        json_array(NEW.kind, NEW.subject, NEW.predicate, NEW.value, NEW.date, NEW.date_end, NEW.precision,
                   NEW.modality),
        NEW.kind, NEW.subject, NEW.predicate, NEW.value, NEW.date, NEW.date_end, NEW.precision, NEW.modality, 1
    WHERE NEW.kind IN ('statement', 'event', 'publication_issue', 'campaign')
    ON CONFLICT(key) DO UPDATE SET n = n + 1;
END;

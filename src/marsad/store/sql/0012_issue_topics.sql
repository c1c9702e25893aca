-- The topics each issue fact's sentence names (its detail's "topics": what absence reads of pages about a series'
-- issues), kept as facts are written: "which issues 300-499 of al-Naba did a page say named Gaza" reads these
-- rows, not the detail of every issue fact of the series (767,771 at 100,000 documents: 52 s).
CREATE TABLE issue_topics (
    fact TEXT NOT NULL,     -- facts.id (a rowid may change on VACUUM)
    series TEXT,
    issue TEXT,
    topic TEXT NOT NULL
);
CREATE INDEX issue_topics_topic ON issue_topics(topic, series, issue);
CREATE INDEX issue_topics_fact ON issue_topics(fact);

INSERT INTO issue_topics
SELECT f.id, f.subject, f.value, json_extract(t.value, '$.id')
FROM facts f, json_each(f.detail, '$.topics') t
WHERE f.kind = 'publication_issue' AND json_extract(t.value, '$.id') IS NOT NULL;

CREATE TRIGGER issue_topics_insert AFTER INSERT ON facts WHEN NEW.kind = 'publication_issue' BEGIN
    INSERT INTO issue_topics
    SELECT NEW.id, NEW.subject, NEW.value, json_extract(t.value, '$.id') FROM json_each(NEW.detail, '$.topics') t
    WHERE json_extract(t.value, '$.id') IS NOT NULL;
END;

CREATE TRIGGER issue_topics_delete AFTER DELETE ON facts WHEN OLD.kind = 'publication_issue' BEGIN
    DELETE FROM issue_topics WHERE fact = OLD.id;
END;

CREATE TRIGGER issue_topics_update AFTER UPDATE OF id, kind, subject, value, detail ON facts BEGIN
    DELETE FROM issue_topics WHERE fact = OLD.id;
    INSERT INTO issue_topics
    SELECT NEW.id, NEW.subject, NEW.value, json_extract(t.value, '$.id') FROM json_each(NEW.detail, '$.topics') t
    WHERE NEW.kind = 'publication_issue' AND json_extract(t.value, '$.id') IS NOT NULL;
END;

-- The topics each issue fact's sentence names, kept beside the facts as in SQLite's store (store/sql/0012): which
-- issues 300-499 of a series a page said named a topic reads these rows, not the JSON detail of every issue fact
-- of the series (at 2,000 documents that read took 76 ms of absence's 126). A trigger keeps them with the facts.
CREATE TABLE issue_topics (
    fact TEXT COLLATE "C" NOT NULL REFERENCES facts(id) ON DELETE CASCADE,
    series TEXT COLLATE "C",
    issue TEXT COLLATE "C",
    topic TEXT COLLATE "C" NOT NULL
);
CREATE INDEX issue_topics_topic ON issue_topics(topic, series, issue);
CREATE INDEX issue_topics_fact ON issue_topics(fact);

CREATE FUNCTION issue_topics_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        DELETE FROM issue_topics WHERE fact = OLD.id;
    END IF;
    IF NEW.kind = 'publication_issue' THEN
        INSERT INTO issue_topics
        SELECT DISTINCT NEW.id, NEW.subject, NEW.value, t ->> 'id'
        FROM json_array_elements(
            CASE WHEN json_typeof(NEW.detail::json -> 'topics') = 'array' THEN NEW.detail::json -> 'topics' END
        ) t
        WHERE t ->> 'id' IS NOT NULL;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER issue_topics_kept AFTER INSERT OR UPDATE ON facts FOR EACH ROW EXECUTE FUNCTION issue_topics_kept();

INSERT INTO issue_topics
SELECT DISTINCT f.id, f.subject, f.value, t ->> 'id'
FROM facts f, json_array_elements(
    CASE WHEN json_typeof(f.detail::json -> 'topics') = 'array' THEN f.detail::json -> 'topics' END
) t
WHERE f.kind = 'publication_issue' AND t ->> 'id' IS NOT NULL;

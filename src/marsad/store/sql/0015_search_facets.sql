-- What a search's facets count, a row a document (its first language, media type, origin, year) and a row a
-- document and entity it names (actor and issue facts): a frequent word's facets read these compact rows for the
-- documents it ranks, not each document's record (its text beside) and each of its facts (0011's index). On a cold
-- page cache at 100,000 documents that was 0.1-0.5 s a search.
CREATE TABLE document_facets (
    doc INTEGER PRIMARY KEY,  -- documents.rowid
    language TEXT,            -- the first of its languages, 'und' when none was found
    media_type TEXT,
    origin TEXT,
    year TEXT                 -- of publication; NULL: undated
);
INSERT INTO document_facets
SELECT rowid, CASE WHEN languages = '' THEN 'und' ELSE substr(languages, 1, instr(languages || ' ', ' ') - 1) END,
       media_type, origin, substr(published, 1, 4)
FROM documents;

CREATE TRIGGER document_facets_insert AFTER INSERT ON documents BEGIN
    INSERT OR REPLACE INTO document_facets VALUES (
        NEW.rowid,
        CASE WHEN NEW.languages = '' THEN 'und'
             ELSE substr(NEW.languages, 1, instr(NEW.languages || ' ', ' ') - 1) END,
        NEW.media_type, NEW.origin, substr(NEW.published, 1, 4));
END;

CREATE TRIGGER document_facets_update AFTER UPDATE OF languages, media_type, origin, published ON documents BEGIN
    UPDATE document_facets SET
        language = CASE WHEN NEW.languages = '' THEN 'und'
                        ELSE substr(NEW.languages, 1, instr(NEW.languages || ' ', ' ') - 1) END,
        media_type = NEW.media_type, origin = NEW.origin, year = substr(NEW.published, 1, 4)
    WHERE doc = NEW.rowid;
END;

CREATE TRIGGER document_facets_delete AFTER DELETE ON documents BEGIN
    DELETE FROM document_facets WHERE doc = OLD.rowid;
END;

-- n: how many of the document's facts of that kind name the entity. The writer adds a transaction's new facts
-- once (store/kept.py, as for fact_group_counts); deletes and updates are triggers, and may take n below zero until
-- the tally is added. A row at zero or below is no facet value (and is deleted when the tally is written).
CREATE TABLE document_subjects (
    doc INTEGER NOT NULL,     -- documents.rowid
    kind TEXT NOT NULL,       -- actor | publication_issue
    subject TEXT NOT NULL,    -- the entity (an actor or topic; a series)
    n INTEGER NOT NULL,
    PRIMARY KEY (doc, kind, subject)
) WITHOUT ROWID;
CREATE INDEX document_subjects_empty ON document_subjects(doc) WHERE n <= 0;
INSERT INTO document_subjects
SELECT doc, kind, subject, count(*) FROM facts
WHERE kind IN ('actor', 'publication_issue') AND subject IS NOT NULL
GROUP BY doc, kind, subject;

CREATE TRIGGER document_subjects_delete AFTER DELETE ON facts
WHEN OLD.kind IN ('actor', 'publication_issue') AND OLD.subject IS NOT NULL BEGIN
    INSERT INTO document_subjects VALUES (OLD.doc, OLD.kind, OLD.subject, -1)
    ON CONFLICT(doc, kind, subject) DO UPDATE SET n = n - 1;
END;

CREATE TRIGGER document_subjects_update AFTER UPDATE OF doc, kind, subject ON facts BEGIN
    INSERT INTO document_subjects SELECT OLD.doc, OLD.kind, OLD.subject, -1
    WHERE OLD.kind IN ('actor', 'publication_issue') AND OLD.subject IS NOT NULL
    ON CONFLICT(doc, kind, subject) DO UPDATE SET n = n - 1;
    INSERT INTO document_subjects SELECT NEW.doc, NEW.kind, NEW.subject, 1
    WHERE NEW.kind IN ('actor', 'publication_issue') AND NEW.subject IS NOT NULL
    ON CONFLICT(doc, kind, subject) DO UPDATE SET n = n + 1;
END;

-- An edited Telegram message is a new version of the same message, not a second document: every version
-- is kept (its row, its original bytes, its export as parent), the earlier ones point at the latest, and
-- only the latest carries facts, so stats, timelines and searches count the message once.
ALTER TABLE documents ADD COLUMN version_of TEXT;       -- what this is a version of: telegram:<channel id>:<message id>
ALTER TABLE documents ADD COLUMN version_at TEXT;       -- when this version was written: edited, else sent
ALTER TABLE documents ADD COLUMN superseded_by TEXT;    -- the latest version's id; NULL for the latest itself
CREATE INDEX documents_version ON documents(version_of) WHERE version_of IS NOT NULL;
CREATE INDEX documents_superseded ON documents(superseded_by) WHERE superseded_by IS NOT NULL;
-- messages archived before: give them their key, and link the versions already archived twice
UPDATE documents SET
    version_of = 'telegram:' || json_extract(meta, '$.channel_id') || ':' || json_extract(meta, '$.message_id'),
    version_at = coalesce(json_extract(meta, '$.edited'), json_extract(meta, '$.date'))
    WHERE media_type = 'text/x-telegram-message' AND json_extract(meta, '$.message_id') IS NOT NULL;
UPDATE documents SET superseded_by = (
    SELECT later.id FROM documents later
    WHERE later.version_of = documents.version_of AND later.rowid != documents.rowid
      AND (coalesce(later.version_at, '') > coalesce(documents.version_at, '')
           OR (coalesce(later.version_at, '') = coalesce(documents.version_at, '') AND later.rowid > documents.rowid))
    ORDER BY coalesce(later.version_at, '') DESC, later.rowid DESC LIMIT 1
) WHERE version_of IS NOT NULL;
DELETE FROM facts WHERE doc IN (SELECT rowid FROM documents WHERE superseded_by IS NOT NULL);

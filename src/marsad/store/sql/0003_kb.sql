-- Watchlist entities the user imported or added (the shipped watchlist lives in the package).
CREATE TABLE kb_entities (
    id TEXT PRIMARY KEY,
    source TEXT NOT NULL,                 -- "un", or the path of a user watchlist
    type TEXT NOT NULL,
    name TEXT NOT NULL,
    data TEXT NOT NULL                    -- JSON: aliases, roles, external ids
);
CREATE INDEX kb_entities_source ON kb_entities(source);

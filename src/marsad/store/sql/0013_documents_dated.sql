-- The page-date checks read the documents dated by their URL, or only to a month (store documents_dated): through
-- these, not a scan of every document row (each row holds its text: the whole archive read, ~0.5 s a check at
-- 100,000 documents).
CREATE INDEX documents_dated_from ON documents(published_from) WHERE superseded_by IS NULL AND published IS NOT NULL;
CREATE INDEX documents_dated_length ON documents(length(published))
    WHERE superseded_by IS NULL AND published IS NOT NULL;

-- A search's actor and series facets count, for each matching document, its facts of one kind by subject: with the
-- kind and subject in the per-document index, that count seeks them in the index alone, not every fact row of the
-- document (~24 a document: 0.1-0.3 s for a word matching 3,000 documents at 100,000). One index, not two: a
-- document's facts of one extractor (re-extraction deletes them) are still read through its document.
DROP INDEX facts_doc;
CREATE INDEX facts_doc ON facts(doc, kind, subject, extractor);

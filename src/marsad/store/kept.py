"""The answers' kept tables (migrations 0010 fact_group_counts, 0012 issue_topics, 0015 document_subjects; 0014):
what a transaction's new facts add to them, tallied as the writer writes the facts and written once before it
commits. A group's count then costs one upsert a transaction, not one a fact (a trigger a row doubled the cost of
writing facts). What is deleted or updated is taken out by triggers, at once (a count may go below zero until the
tally is written)."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from typing import Any

from marsad.store.facts import FACT_COLUMNS

COUNTED = frozenset({"statement", "event", "publication_issue", "campaign"})  # the kinds fact_group_counts keeps
FACETED = frozenset({"actor", "publication_issue"})  # the kinds whose entities document_subjects keeps (store.facets)
_KEY = [FACT_COLUMNS.index(c) for c in ("kind", "subject", "predicate", "value", "date", "date_end", "precision",
                                        "modality")]  # fmt: skip
_ID, _KIND, _DETAIL = (FACT_COLUMNS.index(c) for c in ("id", "kind", "detail"))
_SUBJECT, _VALUE = FACT_COLUMNS.index("subject"), FACT_COLUMNS.index("value")
_ADD_COUNT = (
    "INSERT INTO fact_group_counts VALUES (json_array(?, ?, ?, ?, ?, ?, ?, ?), ?, ?, ?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT(key) DO UPDATE SET n = n + excluded.n"
)
_ADD_TOPIC = "INSERT INTO issue_topics(fact, series, issue, topic) VALUES (?, ?, ?, ?)"
_ADD_SUBJECT = (
    "INSERT INTO document_subjects VALUES (?, ?, ?, ?) ON CONFLICT(doc, kind, subject) DO UPDATE SET n = n + excluded.n"
)
# through its partial index, the empty rows only (the planner would scan the table: a row a document and entity,
# millions at a million documents, read every transaction)
DROP_EMPTY_SUBJECTS = "DELETE FROM document_subjects INDEXED BY document_subjects_empty WHERE n <= 0"
_LARGE = 50_000  # entries: a tally this large is written before its transaction ends (memory, not speed)


class Tally:
    def __init__(self) -> None:
        self.counts: Counter[tuple[Any, ...]] = Counter()
        self.topics: dict[tuple[str, str], tuple[Any, ...]] = {}  # (fact, topic): a fact written twice, once
        self.subjects: Counter[tuple[int, str, str]] = Counter()  # (document rowid, kind, entity)

    def add(self, row: tuple[Any, ...], doc: int) -> None:
        """A fact row (store.facts.FACT_COLUMNS) the transaction writes for the document of rowid `doc`."""
        kind = row[_KIND]
        if kind in FACETED and row[_SUBJECT] is not None:
            self.subjects[(doc, kind, row[_SUBJECT])] += 1
        if kind not in COUNTED:
            return
        self.counts[tuple(row[i] for i in _KEY)] += 1
        if kind == "publication_issue" and '"topics"' in row[_DETAIL]:
            for topic in json.loads(row[_DETAIL]).get("topics") or []:
                if isinstance(topic, dict) and topic.get("id") is not None:
                    key = (row[_ID], topic["id"])
                    self.topics[key] = (row[_ID], row[_SUBJECT], row[_VALUE], topic["id"])

    def write(self, con: sqlite3.Connection) -> None:
        """Add the tally to the kept tables (inside the transaction that wrote the facts), then forget it. Also part
        of a long transaction's tally, early (a long document's millions of facts are one transaction): once what is
        pending is added, a count is its group's facts, so one at zero is empty whenever this runs."""
        if self.counts:
            con.executemany(_ADD_COUNT, ((*key, *key, n) for key, n in self.counts.items()))
        con.execute("DELETE FROM fact_group_counts WHERE n <= 0")
        if self.topics:
            con.executemany(_ADD_TOPIC, self.topics.values())
        if self.subjects:
            con.executemany(_ADD_SUBJECT, ((*key, n) for key, n in self.subjects.items()))
        con.execute(DROP_EMPTY_SUBJECTS)
        self.clear()

    def large(self) -> bool:
        return len(self.counts) + len(self.topics) + len(self.subjects) >= _LARGE

    def clear(self) -> None:
        self.counts.clear()
        self.topics.clear()
        self.subjects.clear()

"""The cost of the answers' kept tables on the writer (fact_group_counts, issue_topics, document_subjects:
store/kept.py and the delete and update triggers), beside the same fact rows written into the same schema without them.

usage: python bench/fact_writes.py [--docs 20000] [--from bench/out/analyze-100000.db]

The rows are the first --docs documents' facts of an archive built by bench/analyze.py (documents copied as they
are), written through the store (`replace_facts`, each document's rows, in transactions of 2,000 documents as the
ingest's writer writes them) into two fresh archives; the baseline is the one whose kept tables are not maintained
(their triggers dropped, the writer's tally off).
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
import time
from itertools import groupby
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

TRIGGERS = ("fact_group_counts_delete", "fact_group_counts_update", "issue_topics_delete", "issue_topics_update",
            "document_subjects_delete", "document_subjects_update")  # fmt: skip


class _NoTally:
    def add(self, row: tuple[Any, ...], doc: int) -> None: ...

    def write(self, con: sqlite3.Connection) -> None: ...

    def clear(self) -> None: ...

    def large(self) -> bool:
        return False


def write(db: Path, source: Path, docs: int, kept: bool) -> tuple[float, int]:
    from marsad.store import SQLiteStore
    from marsad.store.facts import FACT_COLUMNS

    store = SQLiteStore(db)
    con = store._con
    if not kept:
        for name in TRIGGERS:
            con.execute(f"DROP TRIGGER {name}")
        store._tally = _NoTally()  # type: ignore[assignment]
    con.execute(f"ATTACH 'file:{source}?mode=ro' AS src")
    last = con.execute("SELECT max(rowid) FROM (SELECT rowid FROM src.documents ORDER BY rowid LIMIT ?)", (docs,))
    top = int(last.fetchone()[0])
    with store.transaction():
        con.execute("INSERT INTO documents SELECT * FROM src.documents WHERE rowid <= ?", (top,))
    columns = ", ".join(f"f.{c}" for c in FACT_COLUMNS)
    started, facts = time.perf_counter(), 0
    for low in range(1, top + 1, 2000):
        rows = con.execute(
            f"SELECT d.id, {columns} FROM src.facts f JOIN src.documents d ON d.rowid = f.doc "
            "WHERE f.doc BETWEEN ? AND ? ORDER BY f.doc",
            (low, min(top, low + 1999)),
        ).fetchall()
        with store.transaction():
            for doc_id, group in groupby(rows, key=lambda r: r[0]):
                store.replace_facts(doc_id, (), [tuple(r[1:]) for r in group])
        facts += len(rows)
    seconds = time.perf_counter() - started
    store.close()
    return seconds, facts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=20_000)
    parser.add_argument("--from", dest="source", type=Path, default=Path(__file__).parent / "out/analyze-100000.db")
    args = parser.parse_args()
    if not args.source.is_file():
        raise SystemExit(f"no archive at {args.source}: build it with python bench/analyze.py --docs 100000")
    print(f"fact rows of the first {args.docs} documents of {args.source.name}, written in transactions of 2,000")
    print(f"{'schema':34} {'seconds':>8} {'facts':>9} {'facts/s':>9}")
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, kept in (("baseline: without kept tables", False), ("with the kept tables", True)):
            seconds, facts = write(Path(tmp) / f"{kept}.db", args.source, args.docs, kept)
            results.append(seconds)
            print(f"{name:34} {seconds:8.2f} {facts:9d} {facts / seconds:9.0f}")
    print(f"the kept tables cost {results[1] / results[0] - 1:+.0%} on writing facts")


if __name__ == "__main__":
    main()

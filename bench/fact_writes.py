"""The cost of the answers' kept tables on the writer: fact rows written with their triggers (migrations 0010
fact_group_counts and 0012 issue_topics) beside the same rows written into the same schema without them.

usage: python bench/fact_writes.py [--docs 20000] [--from bench/out/analyze-100000.db]

The rows are the first --docs documents' facts of an archive built by bench/analyze.py (documents and facts
copied as they are), written into two fresh archives in transactions of 2,000 documents, as the ingest's writer
writes them; the baseline is the archive whose kept-table triggers were dropped first.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

TRIGGERS = [f"fact_group_counts_{t}" for t in ("insert", "delete", "update")] + [
    f"issue_topics_{t}" for t in ("insert", "delete", "update")
]


def write(db: Path, source: Path, docs: int, with_triggers: bool) -> tuple[float, int]:
    from marsad.store import open_store

    open_store(db).close()  # the schema, every migration applied
    con = sqlite3.connect(db, isolation_level=None)
    con.execute("PRAGMA recursive_triggers = ON")
    con.execute("PRAGMA journal_mode = WAL")
    con.execute("PRAGMA synchronous = NORMAL")
    con.execute("PRAGMA cache_size = -65536")
    if not with_triggers:
        for name in TRIGGERS:
            con.execute(f"DROP TRIGGER {name}")
    con.execute(f"ATTACH 'file:{source}?mode=ro' AS src")
    columns = [r[1] for r in con.execute("PRAGMA src.table_info(facts)")]
    rowids = [r[0] for r in con.execute("SELECT rowid FROM src.documents ORDER BY rowid LIMIT ?", (docs,))]
    con.execute("BEGIN")
    con.execute("INSERT INTO documents SELECT * FROM src.documents WHERE rowid <= ?", (rowids[-1],))
    con.execute("COMMIT")
    insert = f"INSERT OR REPLACE INTO facts({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    started, facts = time.perf_counter(), 0
    for i in range(0, len(rowids), 2000):
        batch = rowids[i : i + 2000]
        rows = con.execute(
            f"SELECT {', '.join(columns)} FROM src.facts WHERE doc BETWEEN ? AND ?", (batch[0], batch[-1])
        ).fetchall()
        con.execute("BEGIN")
        con.executemany(insert, rows)
        con.execute("COMMIT")
        facts += len(rows)
    seconds = time.perf_counter() - started
    con.close()
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
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, triggers in (("baseline: without kept tables", False), ("with their triggers", True)):
            seconds, facts = write(Path(tmp) / f"{triggers}.db", args.source, args.docs, triggers)
            results[name] = seconds
            print(f"{name:34} {seconds:8.2f} {facts:9d} {facts / seconds:9.0f}")
    base, kept = results.values()
    print(f"the kept tables cost {kept / base - 1:+.0%} on writing facts")


if __name__ == "__main__":
    main()

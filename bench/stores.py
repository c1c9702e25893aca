"""The PostgreSQL store beside the SQLite one (the baseline), on the same generated collection, in one run.

usage: MARSAD_BENCH_POSTGRESQL=postgresql://USER@127.0.0.1:PORT/DB python bench/stores.py [--docs 5000]

Builds the EN/AR corpus of bench/corpus.py (--docs documents), ingests it with extraction into a new SQLite file
and into a new schema of the given PostgreSQL database (`marsad ingest` as a subprocess, 2 workers each), then
prints side by side: ingest documents/s, search p50/p95 per query class (bench/ingest.py's), and each answer's
median time (timeline, first mention, absence, latency, check). The schema is dropped after.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.corpus import write_corpus
from bench.ingest import QUERY_CLASSES, search_latency

OUT = Path(__file__).resolve().parent / "out"


def ingest(where: str, folder: Path) -> float:
    started = time.perf_counter()
    cmd = [sys.executable, "-m", "marsad", "--db", where, "ingest", "-q", "--workers", "2", str(folder)]
    subprocess.run(cmd, check=True)
    return time.perf_counter() - started


def median_ms(fn: Callable[[], Any], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def answers(where: str) -> dict[str, float]:
    from marsad.analyze.checks import check
    from marsad.analyze.latency import latency
    from marsad.analyze.mentions import absence, first_mention
    from marsad.analyze.timeline import timeline
    from marsad.kb import load_watchlist
    from marsad.store import open_store

    wl = load_watchlist()
    store = open_store(where)
    cases: dict[str, Callable[[], Any]] = {
        "timeline --actor IS": lambda: timeline(store, wl, actor="Islamic State"),
        "timeline --topic Gaza --from 2023": lambda: timeline(store, wl, topic="Gaza", date_from="2023"),
        "first-mention Gaza --actor IS": lambda: first_mention(store, wl, "Gaza", actor="Islamic State"),
        "absence Gaza al-Naba 300-499": lambda: absence(store, wl, "Gaza", "al-Naba", 300, 499),
        "latency 2023-10-07 -> IS on Gaza": lambda: latency(store, wl, "2023-10-07", "Islamic State", "Gaza"),
        "check": lambda: check(store, wl),
    }
    out = {name: median_ms(fn) for name, fn in cases.items()}
    store.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=5000)
    args = parser.parse_args()
    server = os.environ.get("MARSAD_BENCH_POSTGRESQL")
    if not server:
        sys.exit("set MARSAD_BENCH_POSTGRESQL to a database this benchmark may make a schema in")
    import psycopg

    OUT.mkdir(exist_ok=True)
    folder = OUT / f"stores-corpus-{args.docs}"
    if not folder.is_dir():
        write_corpus(folder, args.docs)
    db = OUT / f"stores-{args.docs}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    schema = f"bench_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server, autocommit=True) as con:
        con.execute(f"CREATE SCHEMA {schema}")
    url = server + ("&" if "?" in server else "?") + f"options=-csearch_path%3D{schema}"
    try:
        sides = {"sqlite (baseline)": str(db), "postgresql": url}
        took = {name: ingest(where, folder) for name, where in sides.items()}
        found = {name: search_latency(where) for name, where in sides.items()}
        answered = {name: answers(where) for name, where in sides.items()}
    finally:
        with psycopg.connect(server, autocommit=True) as con:
            con.execute(f"DROP SCHEMA {schema} CASCADE")
    names = list(sides)
    print(f"stores benchmark — {args.docs} documents, ingested with extraction, 2 workers")
    print(f"{'':36}" + "".join(f"{n:>24}" for n in names))
    print(f"{'ingest documents/s':36}" + "".join(f"{args.docs / took[n]:>24.0f}" for n in names))
    print(f"{'ingest seconds':36}" + "".join(f"{took[n]:>24.1f}" for n in names))
    print("search p50 / p95 ms")
    for q in QUERY_CLASSES:
        print(f"  {q:34}" + "".join(f"{found[n][q][0]:>14.1f} / {found[n][q][1]:>7.1f}" for n in names))
    print("answer median ms")
    for a in answered[names[0]]:
        print(f"  {a:34}" + "".join(f"{answered[n][a]:>24.1f}" for n in names))


if __name__ == "__main__":
    main()

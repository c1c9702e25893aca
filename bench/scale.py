"""marsad at scale (issue 13): ingest, search and the answers at each size, on SQLite and on PostgreSQL, in one run.

usage: python bench/scale.py [--docs 100000 1000000] [--speedup-docs 3000] [--no-dask] [--archive-only]
       (MARSAD_BENCH_POSTGRESQL=postgresql://USER@127.0.0.1:PORT/DB adds the PostgreSQL columns)

For each size it generates the EN/AR corpus of bench/corpus.py (deterministic: the same documents every run, as
JSON Lines dumps of 1,000 records, never held in memory whole) and prints, side by side:
- the bare baselines: sqlite3 inserting the texts into an FTS5 table, and (with a server) psycopg COPYing them
  into a plain table: what storing the text costs with no parsing, folding, facts or originals;
- `marsad ingest --no-extract` (archive only) and `marsad ingest` (extracting) into a new SQLite file, and on
  PostgreSQL `ingest --no-extract` then `marsad extract`: documents/s, MB/s, peak RSS of the largest process;
- search p50/p95 per query class (bench/ingest.py's) and each answer's median time (bench/stores.py's: timeline,
  first mention, absence, latency, check) on each store.
Then, once, the speed-up of `marsad extract --force` with 1 and 2 worker processes and 2 Dask workers over a
--speedup-docs corpus (bench/reextract.py; efficiency = speed-up / workers).
Targets (issue 13): extracting ingest >= 1.0 MB/s on 2 cores; memory flat from 100k to 1M (< 1.2x); search p95
< 100 ms for every query class at 1M on SQLite; each answer < 2 s at 1M; 2 Dask workers >= 1.6x one.
The archives are kept in bench/out/scale-N.db (and dropped on the server) for a look afterwards.
--archive-only measures archive-only ingest and search alone (no extraction, answers or speed-ups; search reads
the full-text index only): the 1M search figures in minutes where the extracting ingest takes hours.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.corpus import iter_texts
from bench.ingest import QUERY_CLASSES, bare_sqlite, search_latency
from bench.long_ingest import _children, _rss_kb
from bench.stores import answers

OUT = Path(__file__).resolve().parent / "out"
PER_DUMP = 1000


def write_dumps(folder: Path, n: int) -> tuple[int, float]:
    """The corpus's n documents as JSON Lines dumps, and an index card for most al-Naba issues 300-499 (as
    bench/analyze.py adds, so that absence has issues to read): how many documents, and MB of text."""
    folder.mkdir(parents=True, exist_ok=True)
    size = 0
    dump = None
    for i, lang, text in iter_texts(n):
        if i % PER_DUMP == 0:
            if dump is not None:
                dump.close()
            dump = (folder / f"{i:08d}.jsonl").open("w", encoding="utf-8")
        assert dump is not None
        record = {"id": f"b{i}", "text": text, "language": lang, "published": f"{2014 + i % 11}-01-01"}
        dump.write(json.dumps(record, ensure_ascii=False) + "\n")
        size += len(text.encode("utf-8"))
    if dump is not None:
        dump.close()
    rng = random.Random(5)
    with (folder / "index-cards.jsonl").open("w", encoding="utf-8") as cards:
        for issue in range(300, 500):
            if rng.random() < 0.1:
                continue  # not archived
            topic = " It covers Gaza." if rng.random() < 0.3 else ""
            card = {"text": f"Index card: al-Naba issue {issue}.{topic}", "series": "al-Naba", "issue": issue}
            cards.write(json.dumps(card) + "\n")
            n += 1
            size += len(str(card["text"]).encode("utf-8"))
    return n, size / 1e6


def _texts(n: int) -> Iterator[tuple[int, str]]:
    return ((i + 1, text) for i, _, text in iter_texts(n))


def bare_copy(server: str, n: int) -> float:
    import psycopg

    with psycopg.connect(server, autocommit=True) as con:
        table = f"bench_bare_{uuid.uuid4().hex[:12]}"
        con.execute(f"CREATE TABLE {table} (id bigint, body text)")
        try:
            started = time.perf_counter()
            with con.cursor() as cur, cur.copy(f"COPY {table} (id, body) FROM STDIN") as copy:
                for row in _texts(n):
                    copy.write_row(row)
            return time.perf_counter() - started
        finally:
            con.execute(f"DROP TABLE {table}")


def marsad_run(where: str, *args: str) -> tuple[float, int, str]:
    """`marsad --db WHERE ARGS`: seconds, the largest process's peak RSS (MB; sampled every 0.2 s over it and its
    workers) and its last line."""
    cmd = [sys.executable, "-m", "marsad", "--db", where, *args]
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = 0
    while proc.poll() is None:
        peak = max([peak, _rss_kb(proc.pid), *(_rss_kb(c) for c in _children(proc.pid))])
        time.sleep(0.2)
    out, err = proc.communicate()
    took = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}): {err.strip()}")
    return took, peak // 1024, out.strip().splitlines()[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--speedup-docs", type=int, default=3000, help="the corpus the speed-ups are measured on")
    parser.add_argument("--no-dask", action="store_true", help="without the Dask rows of the speed-up")
    parser.add_argument("--archive-only", action="store_true", help="ingest --no-extract and search only")
    args = parser.parse_args()
    server = os.environ.get("MARSAD_BENCH_POSTGRESQL")
    OUT.mkdir(exist_ok=True)
    pg = "at MARSAD_BENCH_POSTGRESQL" if server else "not measured (set MARSAD_BENCH_POSTGRESQL)"
    print(f"marsad scale benchmark — {os.cpu_count()} cores, SQLite {sqlite3.sqlite_version}, PostgreSQL {pg}")
    for size in args.docs:
        folder = OUT / f"scale-corpus-{size}"
        n, mb = write_dumps(folder, size)
        print(f"\n== {n:,} documents, {mb:,.0f} MB of text (bench/out/scale-corpus-{size})")
        rows: list[tuple[str, float, int | None, str]] = []
        texts = (text for _, _, text in iter_texts(size))
        rows.append(("bare sqlite3 FTS5 insert (baseline)", bare_sqlite(OUT / "bare.db", texts), None, ""))
        (OUT / "bare.db").unlink()
        if server:
            rows.append(("bare psycopg COPY (baseline)", bare_copy(server, size), None, ""))
        db = OUT / f"scale-{size}.db"
        for extract in (False,) if args.archive_only else (False, True):
            for suffix in ("", "-wal", "-shm"):
                Path(str(db) + suffix).unlink(missing_ok=True)
            flag = [] if extract else ["--no-extract"]
            took, rss, line = marsad_run(str(db), "ingest", "-q", "--workers", "2", *flag, str(folder))
            rows.append((f"sqlite: ingest{' (extracting)' if extract else ' --no-extract'}", took, rss, line))
        url = schema = None
        if server:
            import psycopg

            schema = f"bench_{uuid.uuid4().hex[:12]}"
            with psycopg.connect(server, autocommit=True) as con:
                con.execute(f"CREATE SCHEMA {schema}")
            url = server + ("&" if "?" in server else "?") + f"options=-csearch_path%3D{schema}"
            took, rss, line = marsad_run(url, "ingest", "-q", "--workers", "2", "--no-extract", str(folder))
            rows.append(("postgresql: ingest --no-extract", took, rss, line))
            if not args.archive_only:
                took, rss, line = marsad_run(url, "extract", "--workers", "2")
                rows.append(("postgresql: extract (after it)", took, rss, line))
        try:
            print(f"{'':40}{'seconds':>9}{'docs/s':>9}{'MB/s':>7}{'peak RSS':>10}  summary")
            for name, seconds, peak, summary in rows:
                memory = f"{peak:>8}MB" if peak is not None else f"{'':>10}"
                print(f"{name:40}{seconds:9.1f}{n / seconds:9.0f}{mb / seconds:7.2f}{memory}  {summary}")
            stores = {"sqlite": str(db), **({"postgresql": url} if url else {})}
            found = {name: search_latency(where) for name, where in stores.items()}
            answered = {} if args.archive_only else {name: answers(where) for name, where in stores.items()}
            print("search p50 / p95 ms (max hits)")
            for q in QUERY_CLASSES:
                cells = "".join(f"{found[s][q][0]:>12.1f} / {found[s][q][1]:>7.1f} ({found[s][q][2]})" for s in stores)
                print(f"  {q:32}{cells}")
            if answered:
                print("answer median ms")
            for a in answered.get("sqlite", {}):
                print(f"  {a:32}" + "".join(f"{answered[s][a]:>24.1f}" for s in stores))
        finally:
            if schema is not None:
                import psycopg

                with psycopg.connect(server or "", autocommit=True) as con:
                    con.execute(f"DROP SCHEMA {schema} CASCADE")
    if args.archive_only:
        return
    print(f"\n== speed-up of marsad extract --force over {args.speedup_docs} documents (bench/reextract.py)")
    extra = [] if args.no_dask else ["--dask"]
    reextract = [sys.executable, str(Path(__file__).with_name("reextract.py")), "--docs", str(args.speedup_docs)]
    subprocess.run([*reextract, *extra], check=True)


if __name__ == "__main__":
    main()

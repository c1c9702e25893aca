"""Answers at scale: timeline, first mention, absence, latency and check on an archive of N documents.

usage: python bench/analyze.py [--docs 100000] [--keep]

Builds (or reuses, with --keep) bench/out/analyze-N.db: the generated EN/AR corpus of bench/corpus.py,
ingested with extraction, plus one JSON Lines index card per al-Naba issue 300-499 (some with the topic).
Then times each answer in this process (5 runs: median and worst) next to a named baseline measured in
the same run: one pass over the facts table (`SELECT count(*), max(date) FROM facts`), the least a
question about all facts costs without indexes. Target (issue 5): each answer < 1 s at 100,000 documents.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.corpus import write_corpus

OUT = Path(__file__).resolve().parent / "out"


def build(db: Path, docs: int) -> float:
    folder = OUT / f"analyze-corpus-{docs}"
    if not folder.is_dir():
        write_corpus(folder, docs)
        rng = random.Random(5)
        with (folder / "jsonl" / "index-cards.jsonl").open("w", encoding="utf-8") as f:
            for n in range(300, 500):
                if rng.random() < 0.1:
                    continue  # not archived
                day = f"2021-08-{19:02d}" if n == 300 else None
                text = "Index card. Sections: editorial; operations tally." + (" Places: Gaza." if n % 7 == 0 else "")
                f.write(json.dumps({"series": "al-Naba", "issue": n, "published": day, "text": text}) + "\n")
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "marsad", "--db", str(db), "ingest", "-q", str(folder)], check=True)
    return time.perf_counter() - started


def timed(fn: Callable[[], Any], runs: int = 5) -> tuple[float, float, Any]:
    times, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), max(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--keep", action="store_true", help="reuse an archive built by an earlier run")
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    db = OUT / f"analyze-{args.docs}.db"
    if not (args.keep and db.is_file()):
        took = build(db, args.docs)
        print(f"built {db.name}: {args.docs} documents + index cards, ingested with extraction in {took:.0f} s")

    from marsad.analyze.checks import check
    from marsad.analyze.latency import latency
    from marsad.analyze.mentions import absence, first_mention
    from marsad.analyze.timeline import timeline
    from marsad.kb import load_watchlist
    from marsad.store import SQLiteStore

    store = SQLiteStore(db)
    wl = load_watchlist()
    facts = store._con.execute("SELECT count(*) FROM facts").fetchone()[0]
    docs = store.stats().documents
    print(f"marsad answers benchmark — {docs} documents, {facts} facts")
    # so that the first check below writes its findings, as on a fresh archive (the store autocommits)
    store._con.execute("DELETE FROM facts WHERE kind = 'inconsistency' AND extractor = 'check'")
    base_p50, base_max, _ = timed(lambda: store._con.execute("SELECT count(*), max(date) FROM facts").fetchone())
    cases: list[tuple[str, Callable[[], Any], Callable[[Any], str]]] = [
        ("timeline --actor 'Islamic State'", lambda: timeline(store, wl, actor="Islamic State"),
         lambda r: f"{len(r)} rows"),
        ("timeline --series al-Naba", lambda: timeline(store, wl, series="al-Naba"), lambda r: f"{len(r)} rows"),
        ("timeline --topic Gaza --from 2023", lambda: timeline(store, wl, topic="Gaza", date_from="2023"),
         lambda r: f"{len(r)} rows"),
        ("first-mention Gaza --actor IS", lambda: first_mention(store, wl, "Gaza", actor="Islamic State"),
         lambda r: f"{r.first.date if r.first else None}"),
        ("first-mention Gaza --series al-Naba", lambda: first_mention(store, wl, "Gaza", series="al-Naba"),
         lambda r: f"issue {r.issue}"),
        ("absence Gaza al-Naba 300-499", lambda: absence(store, wl, "Gaza", "al-Naba", 300, 499),
         lambda r: f"{len(r.silent)} silent, {len(r.missing)} missing"),
        ("latency 2023-10-07 -> IS on Gaza", lambda: latency(store, wl, "2023-10-07", "Islamic State", "Gaza"),
         lambda r: f"{r.days} days"),
        ("check (findings unchanged: no rewrite)", lambda: check(store, wl), lambda r: f"{len(r)} findings"),
    ]  # fmt: skip
    started = time.perf_counter()
    first = check(store, wl)
    first_ms = (time.perf_counter() - started) * 1000
    print(f"{'answer':40} {'p50 ms':>8} {'max ms':>8}  result")
    print(f"{'baseline: one pass over facts':40} {base_p50:8.1f} {base_max:8.1f}  (count and max date)")
    for name, fn, show in cases:
        p50, worst, result = timed(fn)
        print(f"{name:40} {p50:8.1f} {worst:8.1f}  {show(result)}")
    print(f"{'check, first run (writes its findings)':40} {first_ms:8.1f} {first_ms:8.1f}  {len(first)} findings")
    print("target (issue 5): each answer < 1000 ms at 100,000 documents")
    store.close()


if __name__ == "__main__":
    main()

"""The web UI's latency: `marsad serve` on loopback over an archive of N documents, each page type fetched
many times by a client in another process, p50 and p95 beside a named baseline measured in the same run.

usage: python bench/web.py [--docs 100000] [--keep] [--requests 40]

The archive is bench/analyze.py's (bench/out/analyze-N.db: the generated EN/AR corpus ingested with
extraction, plus al-Naba index cards); --keep reuses one built earlier. The baseline is the server's own
floor: the stylesheet, a static file through the same middleware (headers, Host check). Targets (issue 14)
at 100,000 documents: search p95 < 150 ms, document p95 < 100 ms, entity and timeline p95 < 500 ms. The server
keeps the timelines asked lately, and searches' facet counts, while the archive is unchanged (web/kept.py), so a
timeline's later pages and askings read its kept rows, and a search's later pages its kept facets: "first of each"
is the first asking of each timeline, or of each search word, computed whole.
"""

from __future__ import annotations

import argparse
import random
import re
import socket
import sqlite3
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.analyze import OUT, build

TARGETS = {"search": 150, "document": 100, "entity": 500, "timeline": 500}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fetch(url: str) -> float:
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=60) as r:
        r.read()
        assert r.status == 200, url
    return (time.perf_counter() - started) * 1000


def paths(db: Path, n: int, rng: random.Random) -> dict[str, list[str]]:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    ids = [r[0] for r in con.execute("SELECT id FROM documents ORDER BY random() LIMIT ?", (n,))]
    con.close()
    words = ["Gaza", "غزة", "al-Naba", "النبأ", '"audio statement"', "spokesman", "Hudhayfa", "الأنصاري", "Mosul"]
    entities = ["Islamic State", "al-Naba", "Abu Hudhayfa al-Ansari", "Al-Furqan Media Foundation", "Gaza"]
    timelines = ["", "series=al-Naba", "actor=Abu+Hudhayfa+al-Ansari", "topic=Gaza&from=2023",
                 "from=2023-10&to=2023-10"]  # fmt: skip
    return {
        "baseline: static file": ["/static/marsad.css"] * n,
        "search": [f"/search?q={urllib.parse.quote(rng.choice(words))}&page={rng.choice([1, 1, 1, 2, 5])}"
                   for _ in range(n)],
        "document": [f"/doc/{i}" for i in ids],
        "entity": [f"/entities?name={urllib.parse.quote(rng.choice(entities))}" for _ in range(n)],
        "timeline": [f"/timeline?{rng.choice(timelines)}" for _ in range(n)],
    }  # fmt: skip


WARM = {"timeline": "/timeline?from=1990-01&to=1990-01", "search": "/search?q=warm"}  # none of the measured


def report(name: str, times: list[float], target: int | None) -> None:
    times = sorted(times)
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    verdict = "" if target is None else f"< {target} ms: {'yes' if p95 < target else 'NO'}"
    print(f"{name:24} {statistics.median(times):8.1f} {p95:8.1f} {times[-1]:8.1f}  {verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--keep", action="store_true", help="reuse an archive built by an earlier run")
    parser.add_argument("--requests", type=int, default=40, help="requests per page type")
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    db = OUT / f"analyze-{args.docs}.db"
    if not (args.keep and db.is_file()):
        took = build(db, args.docs)
        print(f"built {db.name}: {args.docs} documents + index cards, ingested with extraction in {took:.0f} s")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [sys.executable, "-m", "marsad", "--db", str(db), "serve", "--port", str(port)], stderr=subprocess.DEVNULL
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                fetch(base + "/static/marsad.css")
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit("marsad serve did not start") from None
                time.sleep(0.2)
        docs = sqlite3.connect(f"file:{db}?mode=ro", uri=True).execute("SELECT count(*) FROM documents").fetchone()[0]
        print(f"marsad web UI benchmark — {docs} documents, {args.requests} requests per page type, one client")
        print(f"{'page':24} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}  target p95")
        for name, urls in paths(db, args.requests, random.Random(14)).items():
            fetch(base + WARM.get(name, urls[0]))  # warm: the first request of a page type loads its modules
            timed = [(u, fetch(base + u)) for u in urls]
            report(name, [t for _, t in timed], TARGETS.get(name))
            if name in WARM:  # the server keeps a timeline and a search's facets while the archive is unchanged:
                # their first asking (any page of a search shares its facets)
                first = {re.sub(r"&page=\d+", "", u): t for u, t in reversed(timed)}
                report(f"  first of each ({len(first)})", list(first.values()), None)
    finally:
        server.terminate()
        server.wait(10)


if __name__ == "__main__":
    main()

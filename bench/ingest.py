"""Ingest throughput and memory of `marsad ingest`, against bare sqlite3 FTS5 inserts of the same texts.

usage: python bench/ingest.py [--docs 100000] [--out bench/out]

Prints, for a text+JSONL collection of --docs documents (and one of a tenth of the size, to show
memory is flat): documents/s, MB/s and peak RSS of `marsad ingest` as a subprocess; the same texts
inserted by a bare sqlite3 script into the same FTS5 table (the store's physical limit); the ratio.
Then a mixed collection with HTML pages, and search p50/p95 per query class at the full size.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.corpus import write_corpus

FTS = (
    "CREATE VIRTUAL TABLE documents_fts USING fts5("
    "body, content='', prefix='2 3', tokenize='unicode61 remove_diacritics 0')"
)

QUERY_CLASSES = {
    "en common word": ["analysts", "weekly", "report", "issue", "group"],
    "en rare word": ["transliteration", "ceasefire", "moderation", "designation", "humanitarian"],
    "ar word": ["الصحيفة", "المتحدث", "الحملة", "القيادة", "غزة"],
    "ar folded variant": ["الاسبوعيه", "ابو حذيفه", "اعماق", "الانساني", "الاعلام"],
    "en phrase": ['"weekly report"', '"Abu Hudhayfah"', '"issue 412"', '"al-Naba"', '"media outlet"'],
    "ar phrase": ['"صحيفة النبأ"', '"مؤسسة الفرقان"', '"العدد ٤١٢"', '"كانون الثاني"', '"وكالة أعماق"'],
    "prefix": ["transl*", "camp*", "الصحي*", "ceasef*", "المتحد*"],
    "or / not": ["Gaza OR غزة", "ceasefire OR الهدنة", "weekly -report", "الصحيفة -العدد", "Amaq OR أعماق"],
}


def _launch(cmd: list[str]) -> tuple[float, int, int, str, str]:
    """Run a command and return (seconds, peak RSS in KiB, exit code, stdout, stderr).

    Runs inside a small process from a forkserver: Linux counts the image a child was forked from in its
    peak RSS, so launching from this benchmark (which holds the whole corpus in memory) would inflate it.
    """
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    out, err = proc.communicate()
    took = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return took, usage.ru_maxrss, proc.returncode, out, err


_LAUNCHER: Any = None


def launcher() -> Any:
    """Started before any corpus is built, so its processes stay small."""
    global _LAUNCHER
    if _LAUNCHER is None:
        _LAUNCHER = multiprocessing.get_context("forkserver").Pool(1, maxtasksperchild=1)
    return _LAUNCHER


def ingest_run(db: Path, folder: Path, extract: bool = True) -> tuple[float, int, str]:
    """Seconds, peak RSS (KiB, the largest of the ingest process and its workers) and the summary line."""
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    flag = "--extract" if extract else "--no-extract"
    cmd = [sys.executable, "-m", "marsad", "--db", str(db), "ingest", flag, "-q", str(folder)]
    took, rss, code, out, err = launcher().apply(_launch, (cmd,))
    if code != 0:
        raise SystemExit(f"ingest failed ({code}): {err}")
    return took, rss, out.strip().splitlines()[-1]


def bare_sqlite(db: Path, texts: Iterable[str]) -> float:
    db.unlink(missing_ok=True)
    con = sqlite3.connect(db, isolation_level=None)
    con.execute("PRAGMA journal_mode = WAL")
    con.execute("PRAGMA synchronous = NORMAL")
    con.execute(FTS)
    started = time.perf_counter()
    con.execute("BEGIN")
    con.executemany("INSERT INTO documents_fts(rowid, body) VALUES (?, ?)", enumerate(texts, start=1))
    con.execute("COMMIT")
    took = time.perf_counter() - started
    con.close()
    return took


def search_latency(db: Path | str) -> dict[str, tuple[float, float, int]]:
    from marsad.analyze.search import search
    from marsad.store import open_store

    store = open_store(db)
    out = {}
    for name, queries in QUERY_CLASSES.items():
        times, hits = [], 0
        for _ in range(4):
            for q in queries:
                t = time.perf_counter()
                results = search(store, q, limit=20)
                times.append((time.perf_counter() - t) * 1000)
                hits = max(hits, results.total)
        times.sort()
        out[name] = (statistics.median(times), times[int(0.95 * (len(times) - 1))], hits)
    store.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "out")
    args = parser.parse_args()
    launcher().apply(time.sleep, (0,))  # start the small launcher before the corpus fills this process
    out: Path = args.out
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)

    print(
        f"marsad ingest benchmark — {os.cpu_count()} cores, Python {sys.version.split()[0]}, "
        f"SQLite {sqlite3.sqlite_version}"
    )
    print(
        f"{'collection':<26}{'docs':>8}{'MB':>8}{'docs/s':>10}{'MB/s':>8}{'peak RSS':>11}{'bare docs/s':>13}"
        f"{'ratio':>7}"
    )
    for n in (args.docs // 10, args.docs):
        folder = out / f"textjsonl-{n}"
        texts = write_corpus(folder, n, html_share=0.0)
        mb = sum(len(t.encode()) for t in texts) / 1e6
        bare = bare_sqlite(out / "bare.db", texts)
        bare_rate = n / bare
        for extract in (False, True):
            took, rss, summary = ingest_run(out / "bench.db", folder, extract)
            rate = n / took
            label = "text+JSONL" + (", extracting" if extract else ", archive only")
            print(
                f"{label:<26}{n:>8}{mb:>8.1f}{rate:>10.0f}{mb / took:>8.2f}{rss / 1024:>9.0f}MB"
                f"{bare_rate:>13.0f}{rate / bare_rate:>7.2f}"
            )
            print(f"  marsad: {summary}")
    search_db = out / "bench.db"
    latency = search_latency(search_db)

    n_html = args.docs // 10
    folder = out / f"mixed-{n_html}"
    texts = write_corpus(folder, n_html, html_share=0.5)
    took, rss, summary = ingest_run(out / "mixed.db", folder, extract=True)
    bare = bare_sqlite(out / "bare-mixed.db", texts)
    mb = sum(len(t.encode()) for t in texts) / 1e6
    print(
        f"{'mixed+HTML, extracting':<26}{n_html:>8}{mb:>8.1f}{n_html / took:>10.0f}{mb / took:>8.2f}"
        f"{rss / 1024:>9.0f}MB{n_html / bare:>13.0f}{bare / took:>7.2f}"
    )
    print(f"  marsad: {summary}")

    print(f"\nsearch at {args.docs} documents (analyze.search: ranked page of 20 + total count + snippets)")
    print(f"{'query class':<22}{'p50 ms':>9}{'p95 ms':>9}{'max hits':>10}")
    for name, (p50, p95, hits) in latency.items():
        print(f"{name:<22}{p50:>9.1f}{p95:>9.1f}{hits:>10}")


if __name__ == "__main__":
    main()

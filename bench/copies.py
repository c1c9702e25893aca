"""The answers and search at K times an extracted archive: the archive copied K times over (documents and their
facts under new ids) through the store's writer, timed beside the archive itself in the same run.

usage: python bench/copies.py [--from bench/out/scale-100000.db] [--times 10] [--keep]

Extracting 1,000,000 documents takes hours on 2 cores (bench/scale.py). The answers read facts and the search reads
the full-text index, not the extractors, so their cost at 1M is measured here on bench/scale.py's 100,000-document
archive written ten times: copy k gives each document and each fact a new id (a hash of the old one and k; a date
anchored on another fact points to that fact's copy), the rest as it was. That is the same mix of kinds, subjects
and dates with ten times the rows: what bench/corpus.py's generated documents would give at 1M, whose templates
repeat. It does not measure extraction, nor an archive with ten times the distinct subjects.
The copy is bench/out/copies-N.db (N documents); --keep reuses one an earlier run built.
Targets (issue 13): search p95 < 100 ms for every query class at 1M on SQLite; each answer < 2 s at 1M.
"""

from __future__ import annotations

import argparse
import hashlib
import resource
import sqlite3
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.ingest import QUERY_CLASSES, search_latency
from bench.stores import answers

OUT = Path(__file__).resolve().parent / "out"
_DOC_IDS = ("id", "parent", "version_of")  # the document columns that hold a document's id
_BATCH = 2000


def _renamed(old: str | None, k: int) -> str | None:
    return None if old is None else hashlib.sha256(f"{old}\x1fcopy {k}".encode()).hexdigest()


def copy_into(source: Path, target: Path, times: int) -> float:
    """`target`: `source` and times - 1 copies of its documents and facts; the seconds the copies took."""
    from marsad.store import open_store
    from marsad.store.facts import FACT_COLUMNS
    from marsad.store.rows import COLUMNS
    from marsad.text.fold import fold_index

    for suffix in ("", "-wal", "-shm"):
        Path(str(target) + suffix).unlink(missing_ok=True)
    with sqlite3.connect(f"file:{source}?mode=ro", uri=True) as src, sqlite3.connect(target) as dst:
        src.backup(dst)  # copy 0 is the archive itself
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    store = open_store(str(target))
    at = {c: COLUMNS.index(c) for c in (*_DOC_IDS, "title", "text")}
    anchor = FACT_COLUMNS.index("anchor")
    started = time.perf_counter()
    for k in range(1, times):
        docs = src.execute(f"SELECT rowid, {', '.join(COLUMNS)} FROM documents ORDER BY rowid")
        while batch := docs.fetchmany(_BATCH):
            with store.transaction():
                for rowid, *row in batch:
                    for column in _DOC_IDS:
                        row[at[column]] = _renamed(row[at[column]], k)
                    facts = []
                    for fact in src.execute(f"SELECT {', '.join(FACT_COLUMNS)} FROM facts WHERE doc = ?", (rowid,)):
                        fact = list(fact)
                        fact[0], fact[anchor] = _renamed(fact[0], k), _renamed(fact[anchor], k)
                        facts.append(tuple(fact))
                    extracted = tuple(src.execute("SELECT extractor, version FROM extractions WHERE doc = ?", (rowid,)))
                    text = str(row[at["text"]])
                    store.add_row(
                        tuple(row), f"copy {k}\n{text}".encode(), fold_index(row[at["title"]], text), facts, extracted
                    )
        print(f"  copy {k}: {time.perf_counter() - started:.0f} s", flush=True)
    store.close()
    src.close()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--from", dest="source", type=Path, default=OUT / "scale-100000.db")
    parser.add_argument("--times", type=int, default=10)
    parser.add_argument("--keep", action="store_true", help="reuse the copy an earlier run built")
    args = parser.parse_args()
    if not args.source.is_file():
        sys.exit(f"no archive at {args.source}: build it with python bench/scale.py --docs 100000")
    with sqlite3.connect(f"file:{args.source}?mode=ro", uri=True) as con:
        docs = int(con.execute("SELECT count(*) FROM documents").fetchone()[0])
        facts = int(con.execute("SELECT count(*) FROM facts").fetchone()[0])
    target = OUT / f"copies-{docs * args.times}.db"
    print(f"{args.source.name}: {docs:,} documents, {facts:,} facts; copied {args.times} times -> {target.name}")
    if not (args.keep and target.is_file()):
        took = copy_into(args.source, target, args.times)
        print(f"copied in {took:.0f} s ({docs * (args.times - 1) / took:,.0f} documents/s with their facts)")
    archives = {f"{docs:,} docs": str(args.source), f"{docs * args.times:,} docs": str(target)}
    found = {name: search_latency(where) for name, where in archives.items()}
    answered = {name: answers(where) for name, where in archives.items()}
    print(f"search p50 / p95 ms (max hits){''.join(f'{name:>34}' for name in archives)}")
    for q in QUERY_CLASSES:
        cells = "".join(f"{found[a][q][0]:>14.1f} / {found[a][q][1]:>7.1f} ({found[a][q][2]:>7})" for a in archives)
        print(f"  {q:28}{cells}")
    print(f"answer median ms{'':14}{''.join(f'{name:>34}' for name in archives)}")
    for a in answered[next(iter(archives))]:
        print(f"  {a:36}" + "".join(f"{answered[s][a]:>26.1f}" for s in archives))
    print(f"peak RSS of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB")


if __name__ == "__main__":
    main()

"""Extraction time of one long document: does it grow with its size, or faster (issue 12)?

usage: python bench/long_document.py [--mb 1 2 4] [--extractor all|dates|statements|...] [--whole]

One document made of the generated EN/AR notes (bench/corpus.py) joined by blank lines, at each size, each run in
a fresh process (spawn) so its peak RSS is its own. Baseline in the same run: the smallest size scaled linearly
("linear" column) — a ratio near 1.0 means the extractor is linear in the document's size; 2.0 at double the
size would be quadratic.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import resource
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def _document(mb: float) -> str:
    from bench.corpus import iter_texts

    parts, size = [], 0
    for _, _lang, text in iter_texts(10**9, seed=3):
        parts.append(text)
        size += len(text.encode("utf-8"))
        if size >= mb * 1e6:
            break
    return "\n\n".join(parts)


def _run(mb: float, extractor: str, parts: bool, out: Any) -> None:
    from marsad.extract.registry import CHUNK_CHARS, EXTRACTORS, extractor_by_name, run_extractors
    from marsad.model import Document, PartialDate

    text = _document(mb)
    doc = Document("d" * 64, "bench", "text/plain", text, 0, published=PartialDate("2024-01-05"))
    chosen = EXTRACTORS if extractor == "all" else (extractor_by_name(extractor),)
    start = time.perf_counter()
    facts = len(run_extractors(doc, chosen, chunk=CHUNK_CHARS if parts else 10**12))
    seconds = time.perf_counter() - start
    out.put((seconds, facts, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, nargs="+", default=[1.0, 2.0, 4.0])
    parser.add_argument("--extractor", default="all")
    parser.add_argument("--whole", action="store_true", help="read each document whole (the baseline), not in parts")
    args = parser.parse_args()
    ctx = mp.get_context("spawn")
    how = "read whole" if args.whole else "read in parts (marsad.extract.chunks)"
    print(f"one long document, extractor: {args.extractor}, {how} (fresh process per size)")
    print(f"{'MB':>5} {'seconds':>8} {'MB/s':>6} {'facts':>7} {'peak RSS':>9} {'linear':>7}")
    first: tuple[float, float] | None = None
    for mb in sorted(args.mb):
        queue = ctx.Queue()
        proc = ctx.Process(target=_run, args=(mb, args.extractor, not args.whole, queue))
        proc.start()
        seconds, facts, rss = queue.get()
        proc.join()
        if first is None:
            first = (mb, seconds)
        linear = seconds / (first[1] * mb / first[0])
        print(f"{mb:5.1f} {seconds:8.2f} {mb / seconds:6.2f} {facts:7d} {rss:7d}MB {linear:7.2f}")


if __name__ == "__main__":
    main()

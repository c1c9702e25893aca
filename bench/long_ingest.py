"""One long text file through `marsad ingest`: wall time and peak memory of the whole process tree (issue 12).

usage: python bench/long_ingest.py [--mb 10 50] [--workers auto] [--html | --jsonl | --telegram] [--max-size 200MB]
                                   [--modes archive extract]

The file is bench/long_document.py's document (the generated EN/AR notes joined by blank lines) at each size
(--html: the same notes as the paragraphs of one HTML page, ~12,000 facts a MB: a dense page; --jsonl: the
notes as the records of one JSON Lines dump, a note a record, written as generated; --telegram: the notes as
the messages of one Telegram Desktop export of a channel),
ingested into a fresh archive by the CLI. Peak memory is sampled every 0.1 s over the ingest process and its
worker processes: together (the sum of their PSS, which counts a page a forked worker shares with its parent
once) and apart (the largest one's RSS). Baseline in the same run: the same file
archived only (--no-extract): what reading, folding and indexing cost without the extractors.
Targets (issue 12): 50 MB of text in under 60 s within 1 GB; 300 MB under the documented limit within 2.5 GB.
Target (issue 13): a 500 MB JSON Lines file ingested under 400 MB RSS (`--jsonl --mb 50 500 --max-size 600MB`).
"""

from __future__ import annotations

import argparse
import html
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.long_document import _document


def _rss_kb(pid: int, field: str = "Rss:") -> int:
    """A process's resident memory; "Pss:" shares the pages a forked worker shares with its parent among them."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith(field):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _children(pid: int) -> list[int]:
    out = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            out += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return out


def run(path: Path, db: Path, workers: str, extract: bool, max_size: str) -> tuple[float, int, int, str]:
    """(seconds, peak summed PSS in MB, peak single-process RSS in MB, the summary line)."""
    args = [sys.executable, "-m", "marsad", "--db", str(db), "ingest", "-q", "--workers", workers,
            "--max-size", max_size, str(path)]  # fmt: skip
    if not extract:
        args.insert(-1, "--no-extract")
    started = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    total = single = 0
    while proc.poll() is None:
        pids = (proc.pid, *_children(proc.pid))
        total = max(total, sum(_rss_kb(p, "Pss:") for p in pids))
        single = max(single, max(_rss_kb(p) for p in pids))
        time.sleep(0.1)
    seconds = time.perf_counter() - started
    out = (proc.stdout.read() if proc.stdout else "").strip().splitlines()
    return seconds, total // 1024, single // 1024, out[-1] if out else f"exit {proc.returncode}"


def _write_dump(path: Path, mb: float, telegram: bool = False) -> None:
    """The notes as a JSON Lines dump, or as the messages of one channel's Telegram export, written as made."""
    from bench.corpus import iter_texts

    size = 0
    with path.open("w", encoding="utf-8") as out:
        if telegram:
            out.write('{"name": "Bench Channel", "type": "public_channel", "id": 1900000001, "messages": [\n')
        for i, (_, lang, text) in enumerate(iter_texts(10**9, seed=3)):
            if telegram:
                day = 1 + i % 28
                message = {"id": i, "type": "message", "date": f"2024-02-{day:02d}T10:00:00", "text": text}
                line = ("," if i else "") + json.dumps(message, ensure_ascii=False) + "\n"
            else:
                line = json.dumps({"id": i, "text": text, "language": lang}, ensure_ascii=False) + "\n"
            out.write(line)
            size += len(line.encode("utf-8"))
            if size >= mb * 1e6:
                break
        if telegram:
            out.write("]}\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, nargs="+", default=[10.0, 50.0])
    parser.add_argument("--workers", default="auto")
    parser.add_argument("--html", action="store_true", help="one HTML page of the notes, not a text file")
    parser.add_argument("--jsonl", action="store_true", help="one JSON Lines dump of the notes, a record each")
    parser.add_argument("--telegram", action="store_true", help="one Telegram export of the notes, a message each")
    parser.add_argument("--modes", nargs="+", choices=("archive", "extract"), default=["archive", "extract"])
    parser.add_argument("--max-size", default="200MB", help="ingest's --max-size (300 MB of text needs 400MB)")
    args = parser.parse_args()
    print(f"one long text file through marsad ingest (--workers {args.workers}); memory of the process tree")
    print(f"{'MB':>5} {'mode':18} {'seconds':>8} {'MB/s':>6} {'peak PSS':>9} {'largest':>8}  summary")
    with tempfile.TemporaryDirectory() as tmp:
        for mb in sorted(args.mb):
            kind = "html" if args.html else "jsonl" if args.jsonl else "json" if args.telegram else "txt"
            path = Path(tmp) / f"long-{mb:g}.{kind}"
            if args.jsonl or args.telegram:
                _write_dump(path, mb, telegram=args.telegram)
            else:
                text = _document(mb)
                if args.html:
                    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n\n"))
                    text = f"<!doctype html><html><head><title>Long page</title></head><body>{body}</body></html>"
                path.write_text(text, encoding="utf-8")
                del text
            size = path.stat().st_size / 1e6
            modes = (("baseline: archive", False), ("with extraction", True))
            for mode, extract in (m for m in modes if ("extract" if m[1] else "archive") in args.modes):
                db = Path(tmp) / f"{mode[:4]}-{mb:g}.db"
                seconds, total, single, summary = run(path, db, args.workers, extract, args.max_size)
                print(
                    f"{size:5.0f} {mode:18} {seconds:8.1f} {size / seconds:6.2f} {total:7d}MB {single:6d}MB  {summary}"
                )
            path.unlink()


if __name__ == "__main__":
    main()

"""`marsad extract --force` on every core: the speed-up of 1 and 2 worker processes over extracting in-process.

usage: python bench/reextract.py [--docs 2000] [--long-mb 0] [--dask]

Builds an archive of the generated EN/AR notes (bench/corpus.py) without facts (`ingest --no-extract`), plus,
with --long-mb, one long text of that size (read in parts by the workers), then times `marsad extract --force`
through the CLI with --workers 0 (the baseline, in the same run: one process extracts and writes), 1 and 2, each
on a fresh copy of the archive. Efficiency is speed-up / workers (the writer shares the cores: 2 workers on 2
cores leave it none of its own). Peak memory is the largest process's RSS and the process tree's summed PSS.
Target (issue 13): efficiency >= 0.8 with 2 workers.
--dask adds `marsad extract --scheduler` on a Dask cluster started from the CLI on loopback (`dask scheduler`,
`dask worker --nworkers N --nthreads 1`) with 1 and 2 workers; their speed-up is over the 1-worker cluster (target,
issue 13: 2 Dask workers >= 1.6x one). The memory columns of those rows are marsad's process only (the Dask
workers are the cluster's).
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.corpus import write_corpus
from bench.long_document import _document
from bench.long_ingest import _children, _rss_kb


def _run(args: list[str]) -> tuple[float, int, int, str]:
    """(seconds, peak summed PSS in MB, peak largest RSS in MB, the last line printed)."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    pss = rss = 0
    while proc.poll() is None:
        tree = [proc.pid, *_children(proc.pid)]
        pss = max(pss, sum(_rss_kb(p, "Pss:") for p in tree))
        rss = max(rss, max(_rss_kb(p) for p in tree))
        time.sleep(0.1)
    out = proc.stdout.read() if proc.stdout else ""
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{out}")
    return time.perf_counter() - start, pss // 1024, rss // 1024, out.strip().splitlines()[-1]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _dask_cluster(workers: int) -> tuple[str, list[subprocess.Popen[bytes]]]:
    """A scheduler and `workers` worker processes, from the dask command line, on loopback."""
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    dask = [sys.executable, "-m", "dask"]
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    procs = [subprocess.Popen([*dask, "scheduler", "--host", "127.0.0.1", "--port", str(port),
                               "--no-dashboard"], **quiet)]  # type: ignore[call-overload]  # fmt: skip
    time.sleep(2)
    # as the README's recipe starts them: without Dask's statistical profiler (it samples the task's stack every 10 ms:
    # ~10 % of a worker's CPU on marsad's pure-Python extraction, measured here)
    env = {**os.environ, "DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED": "False"}
    procs.append(subprocess.Popen([*dask, "worker", address, "--nworkers", str(workers), "--nthreads", "1",
                                   "--no-dashboard", "--host", "127.0.0.1"], env=env, **quiet))  # type: ignore[call-overload]  # fmt: skip
    from distributed import Client

    with Client(address, timeout="30s") as client:  # type: ignore[no-untyped-call]
        client.wait_for_workers(workers, timeout=60)
    return address, procs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--long-mb", type=float, default=0.0)
    parser.add_argument("--dask", action="store_true", help="also on a local Dask cluster of 1 and 2 workers")
    opts = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        texts = write_corpus(root / "in", opts.docs, text_share=1.0)
        mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
        if opts.long_mb:
            long = _document(opts.long_mb)
            (root / "in" / "long.txt").write_text(long, encoding="utf-8")
            mb += len(long.encode("utf-8")) / 1e6
        base = root / "base.db"
        marsad = [sys.executable, "-m", "marsad", "--db"]
        subprocess.run([*marsad, str(base), "ingest", "-q", "--no-extract", "--max-size", "1GB", str(root / "in")],
                       check=True, capture_output=True)  # fmt: skip
        docs = opts.docs + (1 if opts.long_mb else 0)
        print(f"marsad extract --force over {docs} documents, {mb:.1f} MB (long text: {opts.long_mb:g} MB)")
        print(f"{'workers':>7} {'seconds':>8} {'docs/s':>7} {'MB/s':>6} {'speed-up':>8} {'efficiency':>10} "
              f"{'peak PSS':>8} {'largest':>8}  summary")  # fmt: skip
        baseline = 0.0
        for workers in (0, 1, 2):
            db = root / f"w{workers}.db"
            shutil.copy(base, db)
            seconds, pss, rss, line = _run([*marsad, str(db), "extract", "--force", "--workers", str(workers)])
            baseline = baseline or seconds
            speedup = baseline / seconds
            efficiency = f"{speedup / workers:10.2f}" if workers else f"{'baseline':>10}"
            print(f"{workers:>7} {seconds:8.1f} {docs / seconds:7.0f} {mb / seconds:6.2f} {speedup:8.2f} {efficiency} "
                  f"{pss:>6}MB {rss:>6}MB  {line}")  # fmt: skip
        one = 0.0
        for workers in (1, 2) if opts.dask else ():
            address, procs = _dask_cluster(workers)
            try:
                db = root / f"d{workers}.db"
                shutil.copy(base, db)
                seconds, pss, rss, line = _run([*marsad, str(db), "extract", "--force", "--scheduler", address])
            finally:
                for p in reversed(procs):
                    p.terminate()
                    p.wait(30)
            one = one or seconds
            print(f"{'dask ' + str(workers):>7} {seconds:8.1f} {docs / seconds:7.0f} {mb / seconds:6.2f} "
                  f"{one / seconds:8.2f} {one / seconds / workers:10.2f} {pss:>6}MB {rss:>6}MB  {line}")  # fmt: skip


if __name__ == "__main__":
    main()

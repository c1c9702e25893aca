"""kill -9 in the middle of a large ingest leaves a consistent archive; the same command finishes it."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from marsad.store import open_store
from marsad.store.query import parse_query

N = 3000


def _count(db: Path) -> int:
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return int(con.execute("SELECT count(*) FROM documents").fetchone()[0])
        finally:
            con.close()
    except sqlite3.Error:
        return 0


def _children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0]
    except (OSError, IndexError):
        return False
    return state != "Z"


@pytest.mark.slow
def test_kill_9_mid_ingest_then_resume(tmp_path: Path) -> None:
    folder = tmp_path / "collection"
    folder.mkdir()
    for i in range(N):
        lang = "ar" if i % 3 == 0 else "en"
        body = (
            f"ملاحظة رقم {i} عن صحيفة النبأ والعدد {400 + i % 50}."
            if lang == "ar"
            else f"Note {i} on al-Naba issue {400 + i % 50} and the campaign of week {i % 52}."
        )
        (folder / f"note-{i:05d}.txt").write_text(body * 3, encoding="utf-8")
    db = tmp_path / "crash.db"
    cmd = [
        sys.executable,
        "-m",
        "marsad",
        "--db",
        str(db),
        "ingest",
        "--batch",
        "50",
        "--workers",
        "2",
        "-q",
        str(folder),
    ]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while _count(db) < 200 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    assert proc.poll() is None, "ingest finished before it could be killed; raise N"
    workers = _children(proc.pid)
    assert workers, "the ingest should be parsing in worker processes"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 10
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [w for w in workers if _alive(w)], "worker processes outlived the killed ingest"
    partial = _count(db)
    assert 0 < partial < N

    store = open_store(db)
    assert store.check_integrity() == []
    store.close()

    again = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    assert f"ingested {N - partial}, already archived {partial}, failed 0" in again.stdout

    store = open_store(db)
    assert store.check_integrity() == []
    stats = store.stats()
    assert stats.documents == N
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM originals").fetchone()[0] == N
    assert con.execute("SELECT count(DISTINCT source) FROM documents").fetchone()[0] == N
    arabic = len(range(0, N, 3))
    assert store.count_matches(parse_query("note")) == N - arabic  # the index has every document once
    assert store.count_matches(parse_query("النبا")) == arabic
    store.close()

"""Build the hostile and faulty inputs of issue 12 in a temporary folder, run marsad on each, print a table.

usage: python tests/hostile/build_cases.py [--quick] [--keep DIR]

One row per case: its name, the exit code, the first error/warning/skip line the user reads, the
documents archived (current versions, and earlier versions of edited messages), whether a traceback
appeared, and whether the run is what a correct one looks like (cases.Case: exit codes and a phrase).
--quick leaves out the case that waits 10 s for a write lock. Exits 1 if any case is not as expected.
Cases that need root (another user, chattr, a tmpfs) are marked 'n/a' without it.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.hostile.cases import CASES, Case

NOBODY = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]


def run_case(build: object, work: Path) -> dict[str, object]:
    work.mkdir(parents=True)
    case: Case = build(work)  # type: ignore[operator]
    db = work / case.db
    root = os.geteuid() == 0
    needs_root = case.as_nobody or case.immutable or case.full_disk
    if needs_root and not (root and shutil.which("setpriv") and shutil.which("chattr")):
        return {"case": case.name, "exit": "n/a", "line": "needs root (setpriv, chattr, mount)", "ok": True}
    with _full_disk(work, case.full_disk) as db_folder:
        if db_folder is not None:
            db = db_folder / case.db
        env = {**os.environ, **case.env}
        for earlier in case.before:
            _marsad(db, earlier, {**os.environ})
        prefix: list[str] = []
        if case.as_nobody:
            work.chmod(0o755)
            for folder in (work, *[p for p in work.rglob("*") if p.is_dir() and os.access(p, os.X_OK)]):
                if folder.stat().st_mode & 0o700:
                    folder.chmod(folder.stat().st_mode | 0o055)
            db_dir = Path(tempfile.mkdtemp(dir=work))
            db_dir.chmod(0o777)
            db = db_dir / "archive.db"
            prefix = NOBODY
        with _immutable(case.immutable), _locked(db, case.lock):
            done = _marsad(db, case.args, env, prefix)
        documents = _documents(db)  # before a small disk is unmounted
    lines = [ln for ln in done.stderr.splitlines() if ln.startswith(("error:", "warning:", "skipped:", "Error:"))]
    lines += [ln for ln in done.stdout.splitlines() if ln.startswith("skipped ")]
    said = (lines[0] if lines else "").replace(str(work) + "/", "")  # paths inside the case's folder
    traceback = "Traceback" in done.stderr
    ok = done.returncode in case.exits and not traceback and (not case.says or case.says in done.stderr)
    return {
        "case": case.name,
        "exit": done.returncode,
        "line": said,
        "docs": documents,
        "traceback": "yes" if traceback else "no",
        "ok": ok,
    }


def _marsad(
    db: Path, args: list[str], env: dict[str, str], prefix: list[str] | None = None
) -> subprocess.CompletedProcess[str]:
    command = [*(prefix or []), sys.executable, "-m", "marsad", "--db", str(db), *args]
    return subprocess.run(
        command, env=env, capture_output=True, text=True, errors="replace", timeout=300, cwd=db.parent
    )


def _documents(db: Path) -> str:
    """Documents archived (current versions, and earlier versions of edited messages); '-' for no file."""
    if not db.exists():
        return "-"
    for flags in ("mode=ro", "mode=ro&immutable=1"):  # immutable: the read-only-media case
        try:
            con = sqlite3.connect(f"{db.absolute().as_uri()}?{flags}", uri=True)
        except sqlite3.Error:
            continue
        try:
            current = con.execute("SELECT count(*) FROM documents WHERE superseded_by IS NULL").fetchone()[0]
            earlier = con.execute("SELECT count(*) FROM documents WHERE superseded_by IS NOT NULL").fetchone()[0]
            return f"{current}" + (f" (+{earlier} earlier)" if earlier else "")
        except sqlite3.Error:
            continue
        finally:
            con.close()
    return "not an archive"


@contextlib.contextmanager
def _immutable(paths: list[Path]) -> Iterator[None]:
    for p in paths:
        subprocess.run(["chattr", "+i", str(p)], check=True)
    try:
        yield
    finally:
        for p in reversed(paths):
            subprocess.run(["chattr", "-i", str(p)], check=False)


@contextlib.contextmanager
def _full_disk(work: Path, wanted: bool) -> Iterator[Path | None]:
    if not wanted:
        yield None
        return
    mount = work / "small-disk"
    mount.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)], check=True)
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=False)


@contextlib.contextmanager
def _locked(db: Path, wanted: bool) -> Iterator[None]:
    """Another program in a write transaction for as long as the case runs."""
    if not wanted:
        yield
        return
    con = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    con.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        con.execute("ROLLBACK")
        con.close()


def print_table(rows: list[dict[str, object]]) -> None:
    widths = {"case": 42, "exit": 4, "docs": 14, "traceback": 9, "ok": 4}
    head = f"{'case':42} {'exit':>4} {'docs':>14} {'traceback':>9} {'ok':>4}  error / warning line"
    print(head)
    print("-" * 150)
    for r in rows:
        line = str(r.get("line", ""))
        line = line if len(line) <= 90 else line[:89] + "…"
        print(
            f"{r['case']!s:{widths['case']}} {r['exit']!s:>4} {r.get('docs', '')!s:>14} "
            f"{r.get('traceback', '')!s:>9} {'yes' if r['ok'] else 'NO':>4}  {line}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="leave out the 10 s write-lock case")
    parser.add_argument("--keep", metavar="DIR", help="build the cases here and keep them")
    opts = parser.parse_args()
    base = Path(opts.keep) if opts.keep else Path(tempfile.mkdtemp(prefix="marsad-hostile-"))
    base.mkdir(parents=True, exist_ok=True)
    base.chmod(0o755)  # the cases run as another user reach their folders through it
    rows = []
    try:
        for n, build in enumerate(CASES):
            if opts.quick and build.__name__ == "write_lock_held":
                continue
            rows.append(run_case(build, base / f"{n:02d}-{build.__name__}"))
    finally:
        if not opts.keep:
            subprocess.run(["chattr", "-R", "-i", str(base)], capture_output=True, check=False)
            shutil.rmtree(base, ignore_errors=True)
    print_table(rows)
    bad = [r["case"] for r in rows if not r["ok"]]
    print(f"\n{len(rows)} cases, {len(rows) - len(bad)} as expected" + (f"; not as expected: {bad}" if bad else ""))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())

"""Open an archive file for reading or for writing, and never mistake another file for one.

A read never creates a file: a mistyped --db is an error, not an empty archive that answers "none
found". A write never touches an SQLite file that is not marsad's: no tables added, no switch to WAL.
marsad's archives carry a marker in the SQLite header (PRAGMA application_id); one written before the
marker existed is recognised by its recorded migrations and marked on its next write. Reads open the
file read-only, so an archive on read-only media or shared read-only can be queried.
"""

from __future__ import annotations

import enum
import importlib
import os
import sqlite3
from pathlib import Path
from types import ModuleType

from marsad.errors import StoreError
from marsad.store.migrations import migrations

APPLICATION_ID = 0x6D727364  # "mrsd"
_HEADER = b"SQLite format 3\x00"
_DATABASE_ERROR = "cannot open the archive ({}); is it a marsad database? Use --db to point at another file."


SERVER_SCHEMES = ("postgresql://", "postgres://")


def is_server_url(path: str | os.PathLike[str]) -> bool:
    """Does --db name a PostgreSQL database (a URL: store.postgres), not an SQLite file?"""
    return str(path).startswith(SERVER_SCHEMES)


def postgres() -> ModuleType:
    """The PostgreSQL store's module, imported when a URL names a server: psycopg (marsad[postgresql]) is needed only
    then, and a machine without it is told so in one line."""
    try:
        return importlib.import_module("marsad.store.postgres")
    except ImportError as exc:
        raise StoreError(
            f"a PostgreSQL archive needs the psycopg package ({exc}): pip install 'marsad[postgresql]'"
        ) from None


class FileKind(enum.Enum):
    MISSING = "missing"
    BLANK = "blank"  # a 0-byte file, or an SQLite file with no table: nothing to lose
    ARCHIVE = "archive"  # marked as marsad's
    UNMARKED_ARCHIVE = "unmarked archive"  # marsad's, from before the marker
    FOREIGN = "foreign"  # another application's SQLite database


def identify(path: str) -> tuple[FileKind, list[str]]:
    """What the file at `path` is, and its tables; raises StoreError when it is not SQLite at all."""
    if not os.path.exists(path):
        return FileKind.MISSING, []
    if os.path.isdir(path):
        raise StoreError(f"{path}: is a folder, not an archive file; give --db a file name")
    try:
        with open(path, "rb") as fh:
            header = fh.read(100)
    except OSError as exc:
        raise StoreError(f"{path}: cannot read the archive ({exc.strerror or exc})") from None
    if not header:
        return FileKind.BLANK, []
    if not header.startswith(_HEADER):
        raise StoreError(f"{path}: " + _DATABASE_ERROR.format("not an SQLite file"))
    con = connect_read_only(path)
    try:
        app_id = int(con.execute("PRAGMA application_id").fetchone()[0])
        tables = sorted(r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'"))
        first = _first_migration(con) if "schema_migrations" in tables else None
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: " + _DATABASE_ERROR.format(exc)) from exc
    finally:
        con.close()
    if app_id == APPLICATION_ID:
        return FileKind.ARCHIVE, tables
    if app_id == 0 and not tables:
        return FileKind.BLANK, tables
    if app_id == 0 and "documents" in tables and first == (1, "archive"):
        return FileKind.UNMARKED_ARCHIVE, tables
    return FileKind.FOREIGN, tables


def _first_migration(con: sqlite3.Connection) -> tuple[int, str] | None:
    row = con.execute("SELECT version, name FROM schema_migrations ORDER BY version LIMIT 1").fetchone()
    return None if row is None else (int(row[0]), str(row[1]))


def connect_read_only(path: str) -> sqlite3.Connection:
    """A connection that cannot write. On read-only media SQLite cannot make the WAL index beside the
    file, so the file is then opened as immutable (nobody can be writing it there)."""
    uri = Path(path).absolute().as_uri()
    last: sqlite3.Error | None = None
    for flags in ("?mode=ro", "?mode=ro&immutable=1"):
        con = sqlite3.connect(uri + flags, uri=True, isolation_level=None, check_same_thread=False)
        try:
            con.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return con
        except sqlite3.OperationalError as exc:  # "unable to open database file": no -shm on read-only media
            con.close()
            last = exc
        except sqlite3.DatabaseError:
            con.close()
            raise
    raise StoreError(f"{path}: cannot open the archive for reading ({last})")


def check_writable(path: str) -> FileKind:
    """Refuse, before anything is written, a file that is not marsad's; return what the file is."""
    kind, tables = identify(path)
    if kind is FileKind.FOREIGN:
        shown = ", ".join(tables[:6]) + (", ..." if len(tables) > 6 else "")
        raise StoreError(
            f"{path}: an SQLite database of another application (tables: {shown or 'none'}), not a marsad "
            "archive; marsad will not write into it. Use --db to name a marsad archive or a new file."
        )
    return kind


def check_readable(path: str) -> FileKind:
    """Refuse a missing, blank or foreign file (or server database) before a read command answers from it."""
    if is_server_url(path):
        postgres().check_readable_server(path)
        return FileKind.ARCHIVE
    kind, tables = identify(path)
    if kind in (FileKind.MISSING, FileKind.BLANK):
        raise StoreError(
            f"no archive at {path}; ingest something first (marsad ingest PATH) or point --db (or MARSAD_DB) "
            "at an existing archive"
        )
    if kind is FileKind.FOREIGN:
        raise StoreError(
            f"{path}: an SQLite database of another application (tables: {', '.join(tables[:6])}), not a marsad "
            "archive. Use --db to name a marsad archive."
        )
    return kind


def pending_migrations(con: sqlite3.Connection) -> list[int]:
    """Migrations the file lacks, read without writing."""
    try:
        done = {int(r[0]) for r in con.execute("SELECT version FROM schema_migrations")}
    except sqlite3.OperationalError:
        done = set()
    return [m.version for m in migrations() if m.version not in done]

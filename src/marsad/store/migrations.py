"""Recorded schema migrations: numbered SQL files in store/sql, each applied once, in order."""

from __future__ import annotations

import datetime as dt
import importlib.resources
import re
import sqlite3
from dataclasses import dataclass

_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    sql: str


def migrations(folder: str = "sql") -> list[Migration]:
    """The migrations in store/`folder`: "sql" for SQLite's, "pgsql" for PostgreSQL's, by version."""
    found = []
    for entry in importlib.resources.files("marsad.store").joinpath(folder).iterdir():
        m = _NAME.match(entry.name)
        if m:
            found.append(Migration(int(m.group(1)), m.group(2), entry.read_text(encoding="utf-8")))
    return sorted(found, key=lambda mig: mig.version)


def applied_versions(con: sqlite3.Connection) -> set[int]:
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
    return {row[0] for row in con.execute("SELECT version FROM schema_migrations")}


def migrate(con: sqlite3.Connection) -> list[Migration]:
    """Apply what is missing, each migration in its own transaction; return what was applied."""
    done = applied_versions(con)
    applied = []
    for mig in migrations():
        if mig.version in done:
            continue
        con.execute("BEGIN IMMEDIATE")
        try:
            for statement in _split(mig.sql):
                con.execute(statement)
            con.execute(
                "INSERT INTO schema_migrations(version, name, applied_at) VALUES (?, ?, ?)",
                (mig.version, mig.name, dt.datetime.now(dt.UTC).isoformat(timespec="seconds")),
            )
        except BaseException:
            con.execute("ROLLBACK")
            raise
        con.execute("COMMIT")
        applied.append(mig)
    return applied


def _split(sql: str) -> list[str]:
    """Split a migration file into statements (our files never put ';' inside a literal); a trigger's body, whose
    statements end in ';' too, stays whole (sqlite3.complete_statement says where a statement ends)."""
    body = "\n".join(line.split("--", 1)[0] for line in sql.splitlines())
    out, pending = [], ""
    for piece in body.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \n;"):
                out.append(pending.strip().removesuffix(";"))
            pending = ""
    if pending.strip(" \n;"):
        out.append(pending.strip().removesuffix(";"))
    return out

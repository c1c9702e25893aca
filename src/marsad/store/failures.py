"""SQLite's operational failures, said as what happened to the archive and what to do."""

from __future__ import annotations

import sqlite3

from marsad.errors import StoreError


def store_failure(path: str, exc: sqlite3.Error, waited: float) -> StoreError:
    """The one line a user reads for an SQLite error met while writing (or opening) the archive."""
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        reason = (
            f"the archive is locked by another program, which held its write lock for more than {waited:g} s; "
            "run the same command again when it has finished"
        )
    elif "full" in text:
        reason = "disk full while writing the archive; free some space and run the same command again"
    elif "readonly" in text or "read-only" in text:
        reason = "the archive cannot be written (read-only file or medium); copy it somewhere writable"
    elif "disk i/o" in text:
        reason = "the disk failed while writing the archive (I/O error); check the disk and run again"
    else:
        reason = f"the archive could not be written ({exc})"
    return StoreError(f"{path}: {reason}; what was written before is consistent")

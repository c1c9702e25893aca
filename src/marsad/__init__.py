"""marsad: a self-hosted observatory for extremist media campaigns.

The library is the product: ingest -> text -> extract -> store -> analyze -> export/web/cli.
`marsad.open(path)` opens an archive for notebooks (marsad.api).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from marsad.api import Archive

__version__ = "0.1.0"


def open(path: str) -> Archive:
    """Open the archive at `path` read-only: search, facts, timeline, first_mention, absence, latency, check."""
    from marsad.api import open_archive

    return open_archive(path)

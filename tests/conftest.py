"""Shared fixtures: a fresh archive per test, and the CLI run in-process."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from marsad.cli import cli
from marsad.store import SQLiteStore

SAMPLE = Path(__file__).resolve().parents[1] / "src" / "marsad" / "sample" / "collection"
SHARED_EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "archive.db"


@pytest.fixture
def store(db: Path) -> Iterator[SQLiteStore]:
    s = SQLiteStore(db)
    yield s
    s.close()


class Marsad:
    """Runs `marsad --db <tmp> ...` in-process and returns click's Result."""

    def __init__(self, db: Path) -> None:
        self.db = db

    def __call__(self, *args: str, input: str | bytes | None = None) -> Result:
        return CliRunner().invoke(cli, ["--db", str(self.db), *args], input=input, catch_exceptions=False)


@pytest.fixture
def marsad(db: Path) -> Marsad:
    return Marsad(db)


@pytest.fixture(autouse=True)
def _shipped_watchlist_after_each_test() -> Iterator[None]:
    """Commands run in-process configure the extractors with their archive's watchlist: undo it, so a
    test never sees another test's imports."""
    yield
    from marsad.extract.actors import configure

    configure(None)

"""Shared fixtures: a fresh archive per test, and the CLI run in-process."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from marsad.cli import cli
from marsad.store import SQLiteStore, Store, open_store

SAMPLE = Path(__file__).resolve().parents[1] / "src" / "marsad" / "sample" / "collection"
SHARED_EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "archive.db"


# A PostgreSQL database the tests may make schemas in (each test its own, dropped after): .ci/run starts a server on
# loopback and sets it. Without it the PostgreSQL tests are skipped, and say so.
POSTGRESQL = os.environ.get("MARSAD_TEST_POSTGRESQL")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "postgresql: needs a PostgreSQL server (MARSAD_TEST_POSTGRESQL; run alone)")
    config.addinivalue_line("markers", "sqlite: about the SQLite file itself: skipped with --store postgresql")


@pytest.fixture
def postgresql_url() -> Iterator[str]:
    """The URL of an empty schema of its own on the test server (its search_path), dropped after the test."""
    if not POSTGRESQL:
        pytest.skip("no PostgreSQL server: set MARSAD_TEST_POSTGRESQL (.ci/run starts one)")
    import psycopg

    schema = f"t_{uuid.uuid4().hex[:16]}"
    with psycopg.connect(POSTGRESQL, autocommit=True) as con:
        con.execute(f"CREATE SCHEMA {schema}")
    yield POSTGRESQL + ("&" if "?" in POSTGRESQL else "?") + f"options=-csearch_path%3D{schema}"
    with psycopg.connect(POSTGRESQL, autocommit=True) as con:
        con.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture
def store(db: Path) -> Iterator[SQLiteStore]:
    s = SQLiteStore(db)
    yield s
    s.close()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)])
def any_store(request: pytest.FixtureRequest, db: Path) -> Iterator[Store]:
    """The same test on each store: an SQLite file, and a PostgreSQL schema when a server is there."""
    where = str(db) if request.param == "sqlite" else request.getfixturevalue("postgresql_url")
    s = open_store(where)
    yield s
    s.close()


class Marsad:
    """Runs `marsad --db <tmp> ...` in-process and returns click's Result."""

    def __init__(self, db: Path | str) -> None:
        self.where = str(db)  # an SQLite file, or a PostgreSQL URL (tests/store/test_postgres.py)
        self.db = Path(db)  # the file's path (a URL's is meaningless)

    def __call__(self, *args: str, input: str | bytes | None = None) -> Result:
        return CliRunner().invoke(cli, ["--db", self.where, *args], input=input, catch_exceptions=False)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--store",
        choices=("sqlite", "postgresql"),
        default="sqlite",
        help="the store the CLI tests' archive is on (postgresql: a schema on MARSAD_TEST_POSTGRESQL)",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--store") != "postgresql":
        return
    if not POSTGRESQL:  # said once per test skipped, not a failure: a machine without a server runs the SQLite pass
        none = pytest.mark.skip(reason="--store postgresql: no server (set MARSAD_TEST_POSTGRESQL; .ci/run starts one)")
        for item in items:
            item.add_marker(none)
        return
    skip = pytest.mark.skip(reason="about the SQLite file itself (--store postgresql)")
    for item in items:
        if item.get_closest_marker("sqlite"):
            item.add_marker(skip)


@pytest.fixture
def marsad(request: pytest.FixtureRequest, db: Path) -> Marsad:
    if request.config.getoption("--store") == "postgresql":
        return Marsad(request.getfixturevalue("postgresql_url"))
    return Marsad(db)

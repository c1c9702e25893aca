"""Shared fixtures: a fresh archive per test, and the CLI run in-process."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import cast

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


def _new_schema() -> str:
    """The URL of a new, empty schema on the test server (its search_path)."""
    import psycopg

    assert POSTGRESQL
    schema = f"t_{uuid.uuid4().hex[:16]}"
    with psycopg.connect(POSTGRESQL, autocommit=True) as con:
        con.execute(f"CREATE SCHEMA {schema}")
    return POSTGRESQL + ("&" if "?" in POSTGRESQL else "?") + f"options=-csearch_path%3D{schema}"


def _drop_schema(url: str) -> None:
    import psycopg

    assert POSTGRESQL
    with psycopg.connect(POSTGRESQL, autocommit=True) as con:
        con.execute(f"DROP SCHEMA {url.rpartition('%3D')[2]} CASCADE")


@pytest.fixture
def postgresql_url() -> Iterator[str]:
    """The URL of an empty schema of its own on the test server (its search_path), dropped after the test."""
    if not POSTGRESQL:
        pytest.skip("no PostgreSQL server: set MARSAD_TEST_POSTGRESQL (.ci/run starts one)")
    url = _new_schema()
    yield url
    _drop_schema(url)


@pytest.fixture
def archive_at(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Callable[[str], str]]:
    """Where the test's archive called `name` is (the same name, the same archive): a file in tmp_path, or with
    --store postgresql a schema of its own on the test server, dropped after the test."""
    on_server = request.config.getoption("--store") == "postgresql"
    made: dict[str, str] = {}

    def at(name: str) -> str:
        if name not in made:
            made[name] = _new_schema() if on_server else str(tmp_path / f"{name}.db")
        return made[name]

    yield at
    for url in made.values() if on_server else ():
        _drop_schema(url)


@pytest.fixture
def store(request: pytest.FixtureRequest, db: Path) -> Iterator[SQLiteStore]:
    """A fresh archive: the SQLite file `db`, or with --store postgresql a schema on the test server (PostgresStore
    reads as SQLiteStore does: it is one)."""
    if request.config.getoption("--store") == "postgresql":
        s = cast(SQLiteStore, open_store(request.getfixturevalue("postgresql_url")))
    else:
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

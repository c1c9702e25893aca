"""An archive of the web corpus, built once per session and copied for tests that write; clients over it."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from starlette.testclient import TestClient

from marsad.cli import cli
from marsad.web.app import create_app
from marsad.web.config import WebConfig
from tests.web import corpus

BASE = "http://127.0.0.1:8765"


@pytest.fixture(scope="session")
def built_archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("web")
    db = work / "archive.db"
    notes, watchlist = corpus.write(work)
    runner = CliRunner()
    for args in (["kb", "add", str(watchlist)], ["ingest", str(notes)], ["check"]):
        result = runner.invoke(cli, ["--db", str(db), *args], catch_exceptions=False)
        assert result.exit_code == 0, result.output
    return db


@pytest.fixture
def archive(built_archive: Path, tmp_path: Path) -> Path:
    """A copy of the built archive this test may write."""
    db = tmp_path / "archive.db"
    shutil.copy(built_archive, db)
    return db


@pytest.fixture
def client(built_archive: Path) -> Iterator[TestClient]:
    with TestClient(create_app(WebConfig(db=str(built_archive))), base_url=BASE) as c:
        yield c


@pytest.fixture
def review_client(archive: Path) -> Iterator[TestClient]:
    with TestClient(create_app(WebConfig(db=str(archive), review=True, reviewer="tester")), base_url=BASE) as c:
        yield c

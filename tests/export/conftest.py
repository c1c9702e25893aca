"""Fixtures for the exports: the bundled sample archived once per test, and no network at all."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from typing import Any

import pytest

from tests.conftest import SAMPLE, Marsad


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """An export (or the STIX validator) that tries to reach the network fails the test."""

    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError(f"network access attempted: {args[1:] if len(args) > 1 else args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    yield


@pytest.fixture
def sample(marsad: Marsad) -> Marsad:
    result = marsad("ingest", str(SAMPLE))
    assert result.exit_code == 0, result.output
    return marsad

"""Every setting in one table: name, default, help and the MARSAD_* variable that overrides it."""

from __future__ import annotations

import os
from dataclasses import dataclass

from marsad.errors import ConfigError


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: str
    help: str

    @property
    def env(self) -> str:
        return "MARSAD_" + self.name.upper().replace("-", "_")

    def value(self) -> str:
        return os.environ.get(self.env, self.default)


SETTINGS: tuple[Setting, ...] = (
    Setting("db", "marsad.db", "SQLite archive file (created by the first ingest)."),
    Setting("max-size", "200MB", "Largest input file ingest accepts; larger files are reported and skipped."),
    Setting("batch", "2000", "Documents written per transaction during ingest (each document is atomic)."),
    Setting("workers", "auto", "Processes that parse during ingest: a number, 0 to parse in-process, or auto (cores)."),
)

_BY_NAME = {s.name: s for s in SETTINGS}


def setting(name: str) -> Setting:
    try:
        return _BY_NAME[name]
    except KeyError:
        known = ", ".join(sorted(_BY_NAME))
        raise ConfigError(f"unknown setting {name!r}; known settings: {known}") from None


_UNITS = {"": 1, "B": 1, "KB": 10**3, "MB": 10**6, "GB": 10**9, "KIB": 2**10, "MIB": 2**20, "GIB": 2**30}


def parse_size(text: str) -> int:
    """'200MB' -> 200_000_000; plain numbers are bytes."""
    raw = text.strip().upper().replace(" ", "")
    number = raw.rstrip("KMGIB")
    unit = raw[len(number) :]
    if not number or unit not in _UNITS:
        raise ConfigError(f"cannot read size {text!r}; use e.g. 200MB, 1.5GB or 4096")
    try:
        return int(float(number) * _UNITS[unit])
    except ValueError:
        raise ConfigError(f"cannot read size {text!r}; use e.g. 200MB, 1.5GB or 4096") from None


def worker_count(text: str) -> int:
    """'auto' -> one worker per core (up to 8) on a multi-core machine, none on a single core."""
    if text.strip().lower() == "auto":
        cores = os.cpu_count() or 1
        return 0 if cores < 2 else min(cores, 8)
    try:
        count = int(text)
    except ValueError:
        raise ConfigError(f"workers must be a number or 'auto', not {text!r}") from None
    if count < 0:
        raise ConfigError("workers must be 0 or more")
    return count

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

    def given(self, option: str | None = None) -> tuple[str, str]:
        """The value in force and where it came from, for messages: the option, the variable, or the default."""
        if option is not None:
            return option, f"--{self.name}"
        if self.env in os.environ:
            return os.environ[self.env], self.env
        return self.default, f"the default of --{self.name}"


SETTINGS: tuple[Setting, ...] = (
    Setting("db", "marsad.db", "The archive: an SQLite file (created by the first ingest), or postgresql://URL."),
    Setting("max-size", "200MB", "Largest input file ingest accepts; larger files are reported and skipped."),
    Setting("batch", "2000", "Documents written per transaction during ingest (each document is atomic)."),
    Setting(
        "workers",
        "auto",
        "Processes that prepare and extract (ingest, extract): a number, 0 to work in-process, or auto (cores).",
    ),
    Setting(
        "extract-seconds",
        "600",
        "Longest one document's extraction may take, in seconds (0: no limit), for each 50 million characters of "
        "it; a document over it is archived without facts, reported as over budget, and `marsad extract` tries it "
        "again.",
    ),
)

_BY_NAME = {s.name: s for s in SETTINGS}


def setting(name: str) -> Setting:
    try:
        return _BY_NAME[name]
    except KeyError:
        known = ", ".join(sorted(_BY_NAME))
        raise ConfigError(f"unknown setting {name!r}; known settings: {known}") from None


_UNITS = {"": 1, "B": 1, "KB": 10**3, "MB": 10**6, "GB": 10**9, "KIB": 2**10, "MIB": 2**20, "GIB": 2**30}


def parse_size(text: str, where: str = "") -> int:
    """'200MB' -> 200_000_000; plain numbers are bytes. `where` names the option or variable for messages."""
    raw = text.strip().upper().replace(" ", "")
    number = raw.rstrip("KMGIB")
    unit = raw[len(number) :]
    problem = ConfigError(f"cannot read size {text!r}{_of(where)}; use e.g. 200MB, 1.5GB or 4096")
    if not number or unit not in _UNITS:
        raise problem
    try:
        size = float(number) * _UNITS[unit]
    except ValueError:
        raise problem from None
    if not 0 < size < 2**62:  # also refuses nan and inf
        raise problem
    return int(size)


def batch_size(text: str, where: str = "") -> int:
    """Documents per transaction: a whole number, 1 or more."""
    try:
        count = int(text.strip())
    except ValueError:
        count = 0
    if not 1 <= count <= 10**9:
        raise ConfigError(f"documents per transaction{_of(where)} must be a whole number from 1, not {text!r}")
    return count


def _of(where: str) -> str:
    return f" ({where})" if where else ""


def worker_count(text: str, where: str = "") -> int:
    """'auto' -> one worker per core (up to 8) on a multi-core machine, none on a single core."""
    if text.strip().lower() == "auto":
        cores = os.cpu_count() or 1
        return 0 if cores < 2 else min(cores, 8)
    try:
        count = int(text)
    except ValueError:
        raise ConfigError(f"workers{_of(where)} must be a number or 'auto', not {text!r}") from None
    if not 0 <= count <= 256:
        raise ConfigError(f"workers{_of(where)} must be from 0 to 256, not {text!r}")
    return count


def ingest_settings(
    max_size: str | None = None, batch: str | None = None, workers: str | None = None
) -> tuple[int, int, int]:
    """(largest file, documents per transaction, parsing processes) from the options given, else the
    MARSAD_* variables, else the defaults; a bad value is a ConfigError naming where it came from."""
    return (
        parse_size(*setting("max-size").given(max_size)),
        batch_size(*setting("batch").given(batch)),
        worker_count(*setting("workers").given(workers)),
    )


def extract_seconds(text: str | None = None, where: str = "") -> float:
    """The extraction budget per document in seconds (0: none), from `text`, else MARSAD_EXTRACT_SECONDS, else the
    default."""
    text, where = setting("extract-seconds").given(text) if text is None else (text, where)
    try:
        value = float(text.strip())
    except ValueError:
        value = -1.0
    if not 0 <= value < 10**7:
        raise ConfigError(f"extraction seconds{_of(where)} must be a number from 0 (no limit), not {text!r}")
    return value

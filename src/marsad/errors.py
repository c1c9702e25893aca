"""One exception tree for the whole package; the CLI maps it to messages and exit codes."""

from __future__ import annotations


class MarsadError(Exception):
    """Root of every error marsad raises on purpose."""

    exit_code = 1


class ConfigError(MarsadError):
    """A setting or command-line value is wrong."""

    exit_code = 2


class IngestError(MarsadError):
    """One input item could not be archived; `path` names it, the message says why."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class StoreError(MarsadError):
    """The archive database cannot be opened, migrated or written."""


class NotFoundError(MarsadError):
    """A document id or prefix matches nothing (or more than one thing)."""


class QueryError(MarsadError):
    """A search query cannot be understood."""

    exit_code = 2

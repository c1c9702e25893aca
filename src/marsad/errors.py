"""One exception tree for the whole package; the CLI maps it to messages and exit codes."""

from __future__ import annotations

import errno


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


class OriginalChanged(StoreError):
    """A file kept as its path (a long file, a streamed container) is no longer the bytes it was read as."""

    def __init__(self, message: str, path: str) -> None:
        super().__init__(message)
        self.path = path  # as the OS opens it (OriginalFile.path)


class NotFoundError(MarsadError):
    """A document id or prefix matches nothing (or more than one thing)."""


class QueryError(MarsadError):
    """A search query cannot be understood."""

    exit_code = 2


class SystemFailure(MarsadError):
    """The machine refused something: a full disk, a file that cannot be written, a closed pipe."""


def from_os_error(exc: OSError) -> MarsadError:
    """An OSError that escaped a command, as one line that names the file and says what to do."""
    where = f"{exc.filename}: " if exc.filename else ""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return SystemFailure(f"{where}no space left on the device; free some space and run the same command again")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return SystemFailure(f"{where}not allowed to write or read here ({exc.strerror})")
    return SystemFailure(f"{where}{exc.strerror or exc}")

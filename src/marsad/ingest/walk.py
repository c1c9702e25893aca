"""Expand what the user named (files, folders, '-' for a list on stdin) into input files.

Nothing found is passed over in silence: a folder that cannot be read and a symbolic link to a folder
(not followed: it may loop, or lead out of the collection) become inputs that carry why they were not
read. A folder the user named that cannot be read is an error; one found inside a walked folder is
reported and skipped. Hidden files and folders (a leading dot) are not read.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TextIO

LINKED_FOLDER = "symbolic link to a folder, not followed (name it on the command line to ingest it)"


@dataclass(frozen=True, slots=True)
class Input:
    path: str
    explicit: bool  # named by the user, not found inside a folder
    failed: str | None = None  # could not even be listed: the reason
    skipped: str | None = None  # deliberately not read: the reason


def iter_inputs(paths: Iterable[str], stdin: TextIO | None = None) -> Iterator[Input]:
    for given in paths:
        if given == "-" and stdin is not None:
            for name in _stdin_names(stdin):
                if name.strip():
                    yield from _expand(name)
        else:
            yield from _expand(given)


def _stdin_names(stdin: TextIO) -> Iterator[str]:
    """One name a line, read as bytes: a list of names may hold names that are not UTF-8 (find's output)."""
    raw = getattr(stdin, "buffer", None)
    if raw is None:
        yield from (line.rstrip("\r\n") for line in stdin)
        return
    for line in raw:
        yield os.fsdecode(line.rstrip(b"\r\n"))


def _expand(path: str) -> Iterator[Input]:
    if os.path.isdir(path):
        yield from _walk(path, named=True)
    else:
        yield Input(path, explicit=True)


def _walk(folder: str, named: bool) -> Iterator[Input]:
    """The folder's files in name order, then its subfolders the same way (as os.walk, sorted)."""
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda e: e.name)
    except OSError as exc:
        reason = f"cannot read folder ({exc.strerror or exc})"
        yield Input(folder, explicit=named, failed=reason if named else None, skipped=None if named else reason)
        return
    folders: list[str] = []
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                folders.append(entry.path)
                continue
            if entry.is_symlink() and entry.is_dir():
                yield Input(entry.path, explicit=False, skipped=LINKED_FOLDER)
                continue
        except OSError:
            pass  # reading it will say what is wrong
        yield Input(entry.path, explicit=False)
    for sub in folders:
        yield from _walk(sub, named=False)

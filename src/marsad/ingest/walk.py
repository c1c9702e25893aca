"""Expand what the user named (files, folders, '-' for a list on stdin) into input files."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TextIO


@dataclass(frozen=True, slots=True)
class Input:
    path: str
    explicit: bool  # named by the user, not found inside a folder


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
    if not os.path.isdir(path):
        yield Input(path, explicit=True)
        return
    for root, dirs, files in os.walk(path, onerror=None):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Input(os.path.join(root, name), explicit=False)

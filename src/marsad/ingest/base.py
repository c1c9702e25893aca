"""What a format parser receives and yields."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO

from marsad.model import Document, Original, PartialDate


@dataclass(frozen=True, slots=True)
class SourceFile:
    path: str  # as the user gave it (or as found under a folder they gave)
    data: bytes
    captured_at: str  # the file's modification time, ISO 8601 UTC


@dataclass(frozen=True, slots=True)
class SourceStream:
    """A file that a streaming format reads as it goes (a JSON Lines dump): memory follows one record, not the file."""

    path: str  # as SourceFile.path
    stream: BinaryIO  # open for reading, at its start
    size: int
    captured_at: str
    os_path: str = ""  # as the OS opens it (a container's original is copied from it when it is written)


@dataclass(frozen=True, slots=True)
class Item:
    """A parsed document and the original bytes to keep for it."""

    document: Document
    original: Original
    container: bool = False  # an export whose children follow; never short-circuits a resume


@dataclass(frozen=True, slots=True)
class RecordFailure:
    """One record of a container could not be read; the rest of the container goes on."""

    where: str  # "path:line 12", "path message 40"
    reason: str


Parsed = Item | RecordFailure


@dataclass(frozen=True, slots=True)
class Format:
    name: str
    media_type: str
    extensions: tuple[str, ...]
    sniff: Callable[[bytes], bool]  # does the start of the file look like this format?
    parse: Callable[[SourceFile], Iterator[Parsed]]
    container: bool = False  # yields many documents (export, JSON Lines)
    # reads the file as it goes, never whole (`parse` is then the same reading of a file held in memory)
    stream: Callable[[SourceStream], Iterator[Parsed]] | None = None


_ISO = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ]|$)")


def iso_partial_date(text: str, anchor: str = "absolute") -> PartialDate | None:
    """A PartialDate from the start of an ISO 8601 value ('2024', '2024-01', '2024-01-04T10:00Z')."""
    m = _ISO.match(text or "")
    if not m:
        return None
    year, month, day = m.groups()
    value = year + (f"-{int(month):02d}" if month else "") + (f"-{int(day):02d}" if day else "")
    try:
        return PartialDate(value=value, original=text.strip(), anchor=anchor)
    except ValueError:
        return None


def utc_from_timestamp(ts: float) -> str:
    return dt.datetime.fromtimestamp(ts, dt.UTC).isoformat(timespec="seconds")


SURROGATE = re.compile("[\ud800-\udfff]")
SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def without_lone_surrogates(value: Any, raw: bytes) -> tuple[Any, int]:
    """A decoded JSON value with every lone surrogate ("\\ud800" written alone, which no UTF-8 text can hold) replaced
    by U+FFFD, and how many were replaced. `raw` is the JSON text: a value without such an escape is returned as is,
    unwalked."""
    if not SURROGATE_ESCAPE.search(raw):
        return value, 0
    return scrub_surrogates(value)


def scrub_surrogates(value: Any) -> tuple[Any, int]:
    """A decoded JSON value with every lone surrogate replaced by U+FFFD, and how many were replaced (walked whole)."""
    count = 0

    def scrub(v: Any) -> Any:
        nonlocal count
        if isinstance(v, str):
            fixed, n = SURROGATE.subn("\ufffd", v)
            count += n
            return fixed
        if isinstance(v, list):
            return [scrub(x) for x in v]
        if isinstance(v, dict):
            return {scrub(k): scrub(x) for k, x in v.items()}
        return v

    return scrub(value), count

"""The formats marsad reads, as an explicit list; a file's format by its extension, else by sniffing."""

from __future__ import annotations

from pathlib import PurePath

from marsad.errors import ConfigError, IngestError
from marsad.ingest.base import Format
from marsad.ingest.html import HTML
from marsad.ingest.jsonl import JSONL
from marsad.ingest.pdf import PDF
from marsad.ingest.telegram import TELEGRAM
from marsad.ingest.text import MARKDOWN, TEXT

FORMATS: tuple[Format, ...] = (HTML, PDF, TELEGRAM, JSONL, MARKDOWN, TEXT)
CONTAINER_EXTENSIONS = frozenset(ext for f in FORMATS if f.container for ext in f.extensions)
CONTAINER_FORMATS = frozenset(f.name for f in FORMATS if f.container)


def supported_extensions() -> str:
    return " ".join(ext for f in FORMATS for ext in f.extensions)


def format_by_name(name: str) -> Format:
    for fmt in FORMATS:
        if fmt.name == name:
            return fmt
    known = ", ".join(f.name for f in FORMATS)
    raise ConfigError(f"unknown format {name!r}; known formats: {known}")


def is_supported(path: str) -> bool:
    suffix = PurePath(path).suffix.lower()
    return any(suffix in f.extensions for f in FORMATS)


def streaming_format(path: str) -> Format | None:
    """The format that reads a file of this name as it goes (by its extension), if there is one."""
    suffix = PurePath(path).suffix.lower()
    return next((f for f in FORMATS if suffix in f.extensions and f.stream is not None), None)


def format_for(path: str, head: bytes) -> Format:
    suffix = PurePath(path).suffix.lower()
    for fmt in FORMATS:
        if suffix in fmt.extensions:
            return fmt
    if not suffix:  # a file saved without an extension: judge by its first bytes
        for fmt in FORMATS:
            if fmt.sniff(head):
                return fmt
    raise IngestError(
        path,
        f"unsupported file type {suffix or '(no extension)'!r}; marsad reads "
        f"{supported_extensions()} (Telegram exports are .json)",
    )

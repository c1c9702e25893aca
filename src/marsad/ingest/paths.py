"""File names as the archive keeps them: any bytes the file system allows, in text that UTF-8 can hold.

A name is bytes on Linux; Python hands a name that is not UTF-8 (`caf\\xe9.txt`, made on Windows in
Latin-1) as a string with lone surrogates, which SQLite, JSON and a UTF-8 terminal all refuse. Such a
name is kept escaped: each byte that is not UTF-8 as `\\xHH`, and, in that name only, each backslash
doubled, so `unescape` gives back the exact bytes. A UTF-8 name is kept unchanged.
"""

from __future__ import annotations

import os
import re

_ESCAPE = re.compile(r"\\(\\|x[0-9a-f]{2})")


def needs_escape(path: str) -> bool:
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def escape(path: str) -> str:
    """The name as the archive stores and prints it (unchanged when it is UTF-8)."""
    if not needs_escape(path):
        return path
    raw = os.fsencode(path).replace(b"\\", b"\\\\")
    return raw.decode("utf-8", errors="backslashreplace")


def unescape(shown: str) -> str:
    """The name `escape` was given (as the os module takes it), from a name it escaped."""
    out = bytearray()
    pos = 0
    for m in _ESCAPE.finditer(shown):
        out += shown[pos : m.start()].encode("utf-8")
        token = m.group(1)
        out += b"\\" if token == "\\" else bytes([int(token[1:], 16)])
        pos = m.end()
    out += shown[pos:].encode("utf-8")
    return os.fsdecode(bytes(out))

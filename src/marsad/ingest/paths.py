"""File names as the archive keeps them: any bytes the file system allows, in text that UTF-8 can hold
and that prints on one line as what it is.

A name is bytes on Linux; Python hands a name that is not UTF-8 (`caf\\xe9.txt`, made on Windows in
Latin-1) as a string with lone surrogates, which SQLite, JSON and a UTF-8 terminal all refuse. A name may
also hold a newline (which would forge a second message line) or a bidirectional control (which makes
`exe.txt` look like `txt.exe`). Such a name is kept escaped: each byte that is not UTF-8, and each byte of
a control character, as `\\xHH`, and, in that name only, each backslash doubled, so `unescape` gives back
the exact bytes. Any other name is kept unchanged.
"""

from __future__ import annotations

import os
import re

# bytes that are not UTF-8 (surrogateescape), C0 and C1 controls, DEL, bidirectional marks and controls
_SHOWN_AS_BYTES = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\udc80-\udcff]")
_ESCAPE = re.compile(r"\\(\\|x[0-9a-f]{2})")


def needs_escape(path: str) -> bool:
    return _SHOWN_AS_BYTES.search(path) is not None


def escape(path: str) -> str:
    """The name as the archive stores and prints it (unchanged when nothing in it needs escaping)."""
    if not needs_escape(path):
        return path
    return _SHOWN_AS_BYTES.sub(_as_bytes, path.replace("\\", "\\\\"))


def _as_bytes(m: re.Match[str]) -> str:
    c = m.group(0)
    raw = bytes([ord(c) - 0xDC00]) if "\udc80" <= c <= "\udcff" else c.encode("utf-8")
    return "".join(f"\\x{b:02x}" for b in raw)


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


def one_line(text: str) -> str:
    """Any text for a message line (a reason, a channel's name): controls shown as bytes, nothing else
    changed. For display only: unlike `escape`, not reversible."""
    return _SHOWN_AS_BYTES.sub(_as_bytes, text)

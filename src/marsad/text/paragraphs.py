"""Split extracted text into paragraphs (character ranges), for language detection and display."""

from __future__ import annotations

import re

_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
_LINE = re.compile(r"[^\n]+")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Blocks separated by blank lines; in a text with no blank line, each line is a paragraph."""
    if _BLANK_LINE.search(text):
        spans: list[tuple[int, int]] = []
        start = 0
        for m in _BLANK_LINE.finditer(text):
            spans.append((start, m.start()))
            start = m.end()
        spans.append((start, len(text)))
    else:
        spans = [(m.start(), m.end()) for m in _LINE.finditer(text)]
    return [_strip(text, s, e) for s, e in spans if text[s:e].strip()]


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end

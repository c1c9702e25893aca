"""Split extracted text into paragraphs (character ranges), for language detection and display."""

from __future__ import annotations

import re

_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
_LINE = re.compile(r"[^\n]+")
_ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")
_LATIN = re.compile(r"[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Blocks separated by blank lines (each line, in a text with none), split where the script changes."""
    if _BLANK_LINE.search(text):
        blocks: list[tuple[int, int]] = []
        start = 0
        for m in _BLANK_LINE.finditer(text):
            blocks.append((start, m.start()))
            start = m.end()
        blocks.append((start, len(text)))
    else:
        blocks = [(m.start(), m.end()) for m in _LINE.finditer(text)]
    spans = []
    for s, e in blocks:
        spans.extend(_split_by_script(text, s, e))
    return [_strip(text, s, e) for s, e in spans if text[s:e].strip()]


def dominant_script(line: str) -> str | None:
    arabic, latin = len(_ARABIC.findall(line)), len(_LATIN.findall(line))
    if arabic == latin == 0:
        return None
    return "arabic" if arabic >= latin else "latin"


def _split_by_script(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A block whose lines alternate between Arabic and Latin script becomes one span per run of lines."""
    if "\n" not in text[start:end]:
        return [(start, end)]
    out: list[tuple[int, int]] = []
    run_start, run_script = start, None
    for m in _LINE.finditer(text, start, end):
        script = dominant_script(m.group(0))
        if script and run_script and script != run_script:
            out.append((run_start, m.start()))
            run_start = m.start()
        run_script = script or run_script
    out.append((run_start, end))
    return out


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end

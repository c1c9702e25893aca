"""Repair Arabic lines that a PDF stores in visual (right-to-left reversed) order.

Written here: no PDF library detects this. In logical order Arabic words often start with the
article ال and end with ة or ى; reversed, they start with ة/ى (impossible in Arabic) and end with لا.
"""

from __future__ import annotations

import re

_ARABIC_WORD = re.compile(r"[\u0621-\u064A\u066E-\u06D3\u06FA-\u06FF]+")
_LTR_RUN = re.compile(r"[A-Za-z0-9\u0660-\u0669\u06F0-\u06F9][A-Za-z0-9\u0660-\u0669\u06F0-\u06F9.,:/%\-]*")


def looks_reversed(line: str) -> bool:
    logical = reversed_ = 0
    for word in _ARABIC_WORD.findall(line):
        if len(word) < 3:
            continue
        logical += word.startswith("ال") + (word[-1] in "ةى")
        reversed_ += word.endswith("لا") + (word[0] in "ةى")
    return reversed_ >= 2 and reversed_ > 2 * logical


def reverse_visual_line(line: str) -> str:
    """Reverse the line's characters, then put Latin and digit runs back in reading order."""
    flipped = line[::-1]
    return _LTR_RUN.sub(lambda m: m.group(0)[::-1], flipped)


def repair_reversed_arabic(text: str) -> tuple[str, int]:
    """Return the text with reversed Arabic lines put in logical order, and how many were repaired."""
    lines = text.split("\n")
    repaired = 0
    for i, line in enumerate(lines):
        if looks_reversed(line):
            lines[i] = reverse_visual_line(line)
            repaired += 1
    return "\n".join(lines), repaired

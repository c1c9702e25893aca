"""Which script a string is written in (for labelling aliases and checking matches)."""

from __future__ import annotations

import re

_ARABIC_BLOCK = re.compile(r"[\u0600-\u06ff]")


def has_arabic(text: str) -> bool:
    """True if any character is in the Arabic block (Arabic, Persian and Urdu letters, Arabic digits)."""
    return _ARABIC_BLOCK.search(text) is not None


_LETTER = re.compile(r"[^\W\d_]")


def mostly_arabic(text: str) -> bool:
    """True if at least half of the letters are Arabic: such a text reads right to left as a whole."""
    letters = _LETTER.findall(text)
    return bool(letters) and sum(1 for c in letters if _ARABIC_BLOCK.match(c)) * 2 >= len(letters)

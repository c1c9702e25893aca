"""Which script a string is written in (for labelling aliases and checking matches)."""

from __future__ import annotations

import re

_ARABIC_BLOCK = re.compile(r"[\u0600-\u06ff]")


def has_arabic(text: str) -> bool:
    """True if any character is in the Arabic block (Arabic, Persian and Urdu letters, Arabic digits)."""
    return _ARABIC_BLOCK.search(text) is not None

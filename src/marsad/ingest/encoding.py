"""Decode a text file whatever its encoding (UTF-8/16/32 with or without BOM, Windows-1256, ...)."""

from __future__ import annotations

import codecs
import unicodedata

from charset_normalizer import from_bytes

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")


class NotText(ValueError):
    """The bytes are not text in any encoding we can trust."""


def decode_text(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name) or raise NotText with the reason."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data.decode(name), name)
            except UnicodeDecodeError as exc:
                raise NotText(f"starts with a {name} byte-order mark but does not decode: {exc.reason}") from exc
    if b"\x00" in data:
        wide = _utf16_without_bom(data)
        if wide is None:
            raise NotText("binary data, not text (contains NUL bytes)")
        return _checked(data.decode(wide), wide)
    try:
        return _checked(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise NotText("binary data, not text (no encoding fits)")
    return _checked(str(best), best.encoding)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text of mostly Latin or Arabic letters has NULs in every other byte (LE) or the first."""
    if len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    if odd.count(0) > 0.3 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.3 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _checked(text: str, encoding: str) -> tuple[str, str]:
    sample = text[:100_000]
    controls = sum(1 for c in sample if unicodedata.category(c) == "Cc" and c not in _ALLOWED_CONTROLS)
    if sample and controls > 0.01 * len(sample):
        raise NotText(f"binary data, not text ({controls} control characters in the first {len(sample)})")
    return text, encoding

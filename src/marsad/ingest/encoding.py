"""Decode a text file whatever its encoding (UTF-8/16/32 with or without BOM, Windows-1256, ...)."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")  # C0/C1 controls but tab, newlines, form feed


class NotText(ValueError):
    """The bytes are not text in any encoding we can trust."""


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    warning: str | None = None  # what the reader should know: bytes replaced, an encoding guessed


def decode_text(data: bytes) -> Decoded:
    """The text and the encoding it was read in, or NotText with the reason.

    In order: a byte-order mark; UTF-16 without one; UTF-8; UTF-8 with a few bad bytes replaced (when
    its multi-byte characters outnumber the bad bytes: a legacy code page would turn all of them into
    mojibake to save a few); Windows-1256 when it reads as Arabic words; Windows-1252 when it reads as
    a Western European language (accented letters among plain ones); else the best statistical guess,
    said in a warning."""
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
    mostly = _mostly_utf8(data)
    if mostly is not None:
        return mostly
    arabic = _as_windows_arabic(data)
    if arabic is not None:
        return _checked(arabic, "cp1256")
    western = _as_windows_western(data)
    if western is not None:
        return _checked(western, "cp1252")
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise NotText("binary data, not text (no encoding fits)")
    warning = f"not UTF-8; the encoding {best.encoding} is a statistical guess: check that the text reads right"
    return _checked(str(best), best.encoding, warning)


_BAD_BYTE = re.compile("[\udc80-\udcff]")  # what surrogateescape makes of a byte that is not UTF-8


def _mostly_utf8(data: bytes) -> Decoded | None:
    escaped = data.decode("utf-8", errors="surrogateescape")
    bad = len(_BAD_BYTE.findall(escaped))
    multibyte = len(escaped) - len(escaped.encode("ascii", errors="ignore")) - bad
    if multibyte < bad:
        return None
    text = _BAD_BYTE.sub("\ufffd", escaped)
    noun = "byte is" if bad == 1 else "bytes are"
    return _checked(text, "utf-8", f"{bad} {noun} not UTF-8 and replaced by U+FFFD; the rest is UTF-8")


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text has NULs but decodes to characters of the alphabetic scripts (below U+0800) and
    general punctuation; binary data decoded as UTF-16 scatters over the whole plane."""
    if len(data) % 2:
        return None
    for name in ("utf-16-le", "utf-16-be"):
        try:
            text = data[:20_000].decode(name)
        except UnicodeDecodeError:
            continue
        plausible = sum(1 for c in text if ord(c) < 0x0800 or 0x2000 <= ord(c) <= 0x206F)
        if text and plausible >= 0.95 * len(text):
            return name
    return None


_ARABIC_FUNCTION_WORDS = frozenset({"في", "من", "على", "عن", "إلى", "أن", "التي", "الذي", "مع", "بعد"})


def _as_windows_arabic(data: bytes) -> str | None:
    """Windows-1256 is the legacy encoding Arabic files come in; short files fool generic detectors
    (they read them as Cyrillic cp1251), so accept cp1256 when the words it yields read as Arabic."""
    try:
        text = data[:50_000].decode("cp1256")
    except UnicodeDecodeError:
        return None
    words = [w for w in text.split() if any("\u0621" <= c <= "\u064a" for c in w)]
    if len(words) < 3:
        return None
    arabic_like = sum(1 for w in words if w.startswith(("ال", "وال", "بال", "لل")) or w in _ARABIC_FUNCTION_WORDS)
    return data.decode("cp1256", errors="strict") if arabic_like >= 0.15 * len(words) else None


_WESTERN = frozenset("ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝßàáâãäåæçèéêëìíîïñòóôõöøùúûüýÿŒœŠšŽžŸ")
_WESTERN_MARKS = frozenset("‘’‚“”„–—…«»°€·¡¿ªº\u00a0§©®±´µ¶¼½¾¢£¥¨¯")  # not ¹ ² ³: Polish ą ł in cp1250


def _as_windows_western(data: bytes) -> str | None:
    """Windows-1252 (Latin-1's superset) when every character above ASCII is a Western European letter or
    mark, and accented letters are a minority among the letters: French, Spanish, German, Portuguese.
    Greek, Cyrillic or Central European code pages fail one test or the other (Russian in cp1251 reads as
    nothing but accented letters), and generic detectors pick cp1250 for short French ("ŕ" for "à")."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    high = [c for c in text[:200_000] if ord(c) > 127]
    letters = sum(1 for c in text[:200_000] if c.isalpha())
    accented = sum(1 for c in high if c in _WESTERN)
    if any(c not in _WESTERN and c not in _WESTERN_MARKS for c in high) or accented > 0.3 * letters:
        return None
    return text


def _checked(text: str, encoding: str, warning: str | None = None) -> Decoded:
    sample = text[:100_000]
    controls = len(_CONTROL.findall(sample))
    if sample and controls > 0.01 * len(sample):
        raise NotText(f"binary data, not text ({controls} control characters in the first {len(sample)})")
    return Decoded(text, encoding, warning)

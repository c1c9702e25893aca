"""Fold text the way an Arabic or English reader searches, keeping a map back to original offsets.

No search engine folds Arabic right (FTS5 splits vocalised words into letters; none folds hamza-alef,
ة/ه, ى/ي or tatweel), so the index holds a folded copy and queries are folded the same way.

Folding: NFKC (presentation forms, ligatures), Arabic diacritics and tatweel dropped, أ إ آ ٱ -> ا,
ى/ی -> ي, ة -> ه, ک -> ك, Latin diacritics dropped (Ḥ -> h), case folded, every decimal digit
(٠-٩, ۰-۹) -> 0-9, format characters (RLM, ZWNJ, BOM) and transliteration marks (ʿ ʾ) dropped.
ؤ and ئ keep their hamza: they are letters of their own in most spellings.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

_OVERRIDE = {
    "ٱ": "ا",  # alef wasla
    "ى": "ي",  # alef maqsura, written for final yeh in Egyptian spelling
    "ی": "ي",  # Farsi yeh
    "ې": "ي",
    "ة": "ه",  # ta marbuta
    "ک": "ك",  # keheh
    "ـ": "",  # tatweel
    "ʿ": "",  # ayn and hamza marks of Latin transliteration (ʿAmaq = Amaq)
    "ʾ": "",
    "ʻ": "",
    "ʼ": "",
    "ؤ": "ؤ",
    "ئ": "ئ",
}
_DROP_CATEGORIES = frozenset({"Mn", "Me", "Cf"})


def fold_char(c: str) -> str:
    out: list[str] = []
    for ch in unicodedata.normalize("NFKC", c):
        if ch in _OVERRIDE:
            out.append(_OVERRIDE[ch])
            continue
        cat = unicodedata.category(ch)
        if cat in _DROP_CATEGORIES:
            continue
        if cat == "Nd":
            out.append(str(unicodedata.digit(ch)))
            continue
        base = "".join(x for x in unicodedata.normalize("NFD", ch) if not unicodedata.combining(x))
        out.append(base.casefold())
    return "".join(out)


class _FoldTable(dict[int, str]):
    """str.translate table that computes and caches each character's fold on first sight."""

    def __missing__(self, key: int) -> str:
        folded = fold_char(chr(key))
        self[key] = folded
        return folded


_TABLE = _FoldTable()


# Most of a collection is ASCII and basic Arabic: for such text lower() and a few replace() calls give
# exactly what the table gives (a property test holds them equal), five times faster.
_SIMPLE_RANGES = ((0x00, 0x7F), (0x0621, 0x063A), (0x0640, 0x0652), (0x0660, 0x0669), (0x0670, 0x0670),
                  (0x060C, 0x060C), (0x061B, 0x061B), (0x061F, 0x061F), (0x06F0, 0x06F9), (0x2013, 0x2014),
                  (0x2018, 0x2019), (0x201C, 0x201D), (0x00AB, 0x00AB), (0x00BB, 0x00BB))  # fmt: skip
_NOT_SIMPLE = re.compile("[^" + "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in _SIMPLE_RANGES) + "]")
_SIMPLE_REPLACEMENTS = (
    ("أ", "ا"),
    ("إ", "ا"),
    ("آ", "ا"),
    ("ى", "ي"),
    ("ة", "ه"),
    ("ـ", ""),
    *((chr(c), "") for c in range(0x064B, 0x0653)),
    ("\u0670", ""),
    *((chr(0x0660 + d), str(d)) for d in range(10)),
    *((chr(0x06F0 + d), str(d)) for d in range(10)),
)


_FOLD_PIECE = 1 << 20  # characters folded at a time: str.translate's buffer of a long text is ~15 bytes a character


def fold(text: str) -> str:
    """Folded copy of `text` for indexing and querying (no offset map). Each character folds on its own, so a long
    text is folded a piece at a time, its peak memory that of the result and one piece."""
    return "".join(_folded_pieces(text)) if len(text) > _FOLD_PIECE else _fold(text)


def fold_index(title: str | None, text: str) -> str:
    """fold(title + "\n" + text), the text a document is indexed by, without joining the two first (a long text's
    copy)."""
    if len(text) > _FOLD_PIECE:
        return "".join([_fold((title or "") + "\n"), *_folded_pieces(text)])
    return _fold((title or "") + "\n" + text)


def _folded_pieces(text: str) -> Iterator[str]:
    return (_fold(text[i : i + _FOLD_PIECE]) for i in range(0, len(text), _FOLD_PIECE))


def _fold(text: str) -> str:
    if _NOT_SIMPLE.search(text) is not None:
        return text.translate(_TABLE)
    folded = text.lower()
    for old, new in _SIMPLE_REPLACEMENTS:
        if old in folded:
            folded = folded.replace(old, new)
    return folded


def fold_by_table(text: str) -> str:
    """The reference fold, one character at a time."""
    return text.translate(_TABLE)


def _length_changing(text: str) -> re.Pattern[str] | None:
    """A character class of the characters of `text` whose fold is not exactly one character (for text of the
    simple characters, the one class of those among them: no set of the text's characters to build)."""
    if _NOT_SIMPLE.search(text) is None:
        return _simple_length_changing()
    changing = sorted(c for c in set(text) if len(_TABLE[ord(c)]) != 1)
    return re.compile("[" + "".join(re.escape(c) for c in changing) + "]") if changing else None


@cache
def _simple_length_changing() -> re.Pattern[str]:
    changing = [chr(c) for a, b in _SIMPLE_RANGES for c in range(a, b + 1) if len(_TABLE[c]) != 1]
    return re.compile("[" + "".join(re.escape(c) for c in changing) + "]")


@dataclass(frozen=True, slots=True)
class Folded:
    """A folded text and, for each of its characters, the offset of the original character."""

    text: str
    offsets: list[int]  # len(text) + 1 entries; the last is len(original)

    def folded_offset(self, pos: int) -> int:
        """The folded offset of the original offset `pos` (the first folded character at or after it)."""
        return bisect.bisect_left(self.offsets, pos)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of the folded text to the original text."""
        if start >= end:
            pos = self.offsets[start]
            return pos, pos
        return self.offsets[start], self.offsets[end - 1] + 1


_LAST_FOLDED: list[tuple[str, Folded]] = []  # the extractors fold the same document text in turn


def fold_with_offsets(text: str) -> Folded:
    if _LAST_FOLDED and _LAST_FOLDED[0][0] is text:
        return _LAST_FOLDED[0][1]
    result = _fold_with_offsets(text)
    _LAST_FOLDED[:] = [(text, result)]
    return result


def fold_map(text: str) -> Folded:
    """fold_with_offsets without the one-document memo: for short stretches that must not evict a page's fold."""
    return _fold_with_offsets(text)


def _fold_with_offsets(text: str) -> Folded:
    folded = fold(text)
    offsets: list[int] = []
    prev = 0
    pattern = _length_changing(text)
    for m in pattern.finditer(text) if pattern else ():
        pos = m.start()
        offsets.extend(range(prev, pos))
        offsets.extend([pos] * len(_TABLE[ord(text[pos])]))
        prev = pos + 1
    offsets.extend(range(prev, len(text)))
    if len(offsets) != len(folded):  # an astral character that expands: take the slow path
        offsets = [i for i, ch in enumerate(text) for _ in range(len(_TABLE[ord(ch)]))]
    offsets.append(len(text))
    return Folded(folded, offsets)


_TOKEN = re.compile(r"[^\W_]+")


def tokens(text: str) -> list[str]:
    """Word tokens of already folded text, split like SQLite's unicode61 tokenizer."""
    return _TOKEN.findall(text)


def iter_tokens(text: str) -> Iterator[str]:
    """tokens(text), one at a time (a long text's words are never all in one list)."""
    return (m.group() for m in _TOKEN.finditer(text))

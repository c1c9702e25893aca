"""Name keys that make spellings of one name meet, across transliterations and Arabic inflection.

Written here: no library folds "Abu Ḥudhayfah al-Ansari", "Abu Huthaifa al-Ansary" and the kunya
cases أبو / أبي / أبا to one key. A Latin token keeps its first letter and its consonants (vowels, y/w
glides, doubled letters and the article dropped; dh/th/z/dz -> d, ph -> f, q/k -> k, the final -ah/-a
dropped); an Arabic token is folded (hamza forms, ة, ى, diacritics) with the kunya cases joined.
"""

from __future__ import annotations

import re
from functools import lru_cache

from marsad.text.fold import fold

_ARTICLES = frozenset({"al", "el", "ad", "ash", "as", "at", "ar", "az", "an", "adh", "ath", "ul", "l"})
_KUNYA = {"ابي": "ابو", "ابا": "ابو"}
_LATIN_DIGRAPHS = (
    ("dj", "j"),  # French spellings: Djamel
    ("dh", "d"),
    ("th", "d"),
    ("dz", "d"),
    ("z", "d"),
    ("ph", "f"),
    ("q", "k"),
    ("gh", "g"),
    ("kh", "k"),
    ("sh", "s"),
    ("ch", "s"),
    ("c", "s"),  # French spellings: Youcef
    ("j", "g"),
)
_VOWELS = re.compile(r"[aeiouyw]")
_DOUBLE = re.compile(r"(.)\1+")
_AR = re.compile(r"[\u0621-\u064a]")


# English words that are never part of a name: kept whole, so "the Iraqi" is not the skeleton of "Zaid al-Iraqi"
_FUNCTION_WORDS = frozenset(
    "the of and or in on to for by from with into is was were are be his her its their this that these those a "
    "who which than then".split()
)


def latin_key(token: str) -> str:
    t = re.sub(r"['’ʿʾ`]", "", fold(token))
    if not t or not t.isalpha():
        return t
    if t in _FUNCTION_WORDS:
        return "=" + t
    if t.endswith("ah") and len(t) > 4:
        t = t[:-1]
    for old, new in _LATIN_DIGRAPHS:
        t = t.replace(old, new)
    head, rest = t[0], t[1:]
    if head in "aeiou":
        head = "a"  # Umar / Omar, Ibrahim / Ebrahim
    rest = _VOWELS.sub("", rest)
    return _DOUBLE.sub(r"\1", head + rest)


_PROCLITICS = "وفبكل"
_KUNYA_FORMS = ("ابو", "ابي", "ابا")


def arabic_key(token: str) -> str:
    """Folded, one or two proclitics before the article or a kunya dropped (والبغدادي, للتنظيم, وأبي)."""
    t = fold(token)
    for _ in range(2):
        if len(t) > 3 and t[0] in _PROCLITICS:
            rest = t[1:]
            if rest.startswith("ل") and t[0] == "ل" and not rest.startswith("ال"):
                t = "ا" + rest  # للتنظيم = ل + التنظيم
                continue
            if rest.startswith("ال") or rest.startswith(_KUNYA_FORMS):
                t = rest
                continue
        break
    return _KUNYA.get(t, t)


@lru_cache(maxsize=200_000)
def token_key(token: str) -> str:
    """Cached: a collection repeats its words, and a key costs a dozen string operations."""
    return arabic_key(token) if _AR.search(token) else latin_key(token)


_TOKEN = re.compile(r"[^\W_]+(?:['’ʿʾ][^\W_]+)*")


_POSSESSIVE = re.compile(r"[A-Za-z]['’][sS]$")


def tokens_with_offsets(text: str) -> list[tuple[str, int, int]]:
    """Word tokens with their offsets; apostrophes inside a word (Du'a, Sha'ban) stay in it, an English
    possessive does not ("the Islamic State's" names the Islamic State, not a second entity)."""
    out = []
    for m in _TOKEN.finditer(text):
        token, start, end = m.group(0), m.start(), m.end()
        if len(token) > 3 and _POSSESSIVE.search(token):
            token, end = token[:-2], end - 2
        out.append((token, start, end))
    return out


def name_key(name: str) -> str:
    """The key of a whole name: token keys, articles dropped, joined by single spaces."""
    keys = []
    for token, _, _ in tokens_with_offsets(name):
        if fold(token) in _ARTICLES:
            continue
        keys.append(token_key(token))
    return " ".join(k for k in keys if k)


@lru_cache(maxsize=200_000)
def is_article(token: str) -> bool:
    return fold(token) in _ARTICLES


@lru_cache(maxsize=200_000)
def word_key(token: str) -> str:
    """A one-word alias's key: folded (Arabic: proclitics dropped), apostrophes removed."""
    if _AR.search(token):
        return arabic_key(token)
    return fold(token.replace("'", "").replace("’", ""))

"""Sentences, clauses and words of a document, with their original offsets (what the event reader walks)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from marsad.text.fold import fold

# a word: letters, with the Arabic marks (harakat, tatweel) inside it
_WORD = re.compile(r"(?:[^\W\d_]|[\u064b-\u065f\u0670\u0640'’])+")
_ABBREV = frozenset(
    "mr mrs ms dr st no nos gen col lt sgt maj capt rev prof jan feb mar apr jun jul aug sep sept oct nov dec "
    "inc ltd co corp vs etc al".split()
)
_SENTENCE_END = re.compile(r"[.!?؟]+[\"”’»)\]]*(?:\[\d+\])*(?=\s)|\n+")  # "in 2013.[7] He ...": a footnote mark
# a relative clause closed by a comma right before a verb ("X, who succeeded Y in March, was killed", «X، الذي خلف
# Y، قُتل»): what it holds is not the verb's — its names and its dates belong to the clause
CLOSED_RELATIVE = re.compile(
    r"[،,]\s*(?:who|which|whose|الذي|التي|الذين|اللذين)\s[^،,.;]{0,120}[،,]\s*(?:(?:was|were|had\s+been|has\s+been)\s+)?$"
)
# a name, then its bearer's life in brackets: "Ahmed Abdi Godane (10 July 1977 – 1 September 2014)", "X (born
# 1971)", «أبو مصعب الزرقاوي (1966 - 2006)» — the dates of a life, never of what the sentence says he did
_LIFESPAN_OPEN = re.compile(r"[^\W\d_][\"”'’]?\s*[(\[]\s*(?:born\s+|b\.\s*|n[ée]e?\s+|ولد\s+|ولد\s+في\s+|مواليد\s+)?$")


def lifespan(text: str, start: int) -> bool:
    """Does a date starting at `start` open the brackets right after a name (a life span, a birth date)?"""
    return _LIFESPAN_OPEN.search(text, max(0, start - 40), start) is not None


_AR_CLITICS = ("وب", "ول", "وس", "فب", "و", "ف", "ب", "ل")


@dataclass(slots=True)  # not frozen: a frozen dataclass is built 3x slower, and a page's every word is one
class Word:
    text: str
    key: str  # folded
    start: int
    end: int


@lru_cache(maxsize=200_000)
def word_key(word: str) -> str:
    """The folded word, without an English possessive ("State's" is "state"); cached: pages repeat words."""
    key = fold(word)
    return key.partition("'")[0].partition("’")[0] if ("'" in key or "’" in key) else key


def words(text: str, start: int, end: int) -> list[Word]:
    return [Word(w := m.group(), word_key(w), m.start(), m.end()) for m in _WORD.finditer(text, start, end)]


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans: a full stop before white space ends one unless it closes an abbreviation ("U.S.", "Dr.")
    or an initial; a line break always does."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if m.group(0)[0] == ".":
            before = re.search(r"(\w+)\.$", text[max(0, m.start() - 12) : m.start() + 1])
            token = before.group(1) if before else ""
            if (
                len(token) == 1
                or token.lower() in _ABBREV
                or re.search(r"\b[A-Z]\.[A-Z]$", text[max(0, m.start() - 4) : m.start()])
            ):
                continue
        end = m.end() if m.group(0)[0] != "\n" else m.start()
        if text[start:end].strip():
            out.append(_trim(text, start, end))
        start = m.end()
    if text[start:].strip():
        out.append(_trim(text, start, len(text)))
    return out


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


@lru_cache(maxsize=200_000)
def arabic_stems(key: str) -> tuple[str, ...]:
    """The folded word and what remains without the conjunctions and prepositions glued before it
    («وأعلن» -> «اعلن», «بمقتل» -> «مقتل»), longest first."""
    out = [key]
    for clitic in _AR_CLITICS:
        if key.startswith(clitic) and len(key) - len(clitic) >= 2:  # «وبث»: a two-letter verb
            out.append(key[len(clitic) :])
    for stem in list(out):  # «الكلمة», «بالبيان»: the article too
        if stem.startswith("ال") and len(stem) >= 5:
            out.append(stem[2:])
    if key.startswith("لل") and len(key) >= 5:
        out.append(key[2:])
    return tuple(dict.fromkeys(out))


_PRONOUN_SUFFIX = ("هما", "هم", "ها", "ه")


def arabic_pronoun(key: str) -> tuple[str, str] | None:
    """«مقتله» -> («مقتل», «ه»): a masdar with the pronoun of its participant attached."""
    for suffix in _PRONOUN_SUFFIX:
        if key.endswith(suffix) and len(key) - len(suffix) >= 3:
            return key[: -len(suffix)], suffix
    return None

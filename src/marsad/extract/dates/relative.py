"""Relative dates: yesterday, last Thursday, three days later, 89 days after 7 October 2023, أمس,
الخميس الماضي, بعد أسبوع. Anchored to the document date or to a date in the same sentence, never to today.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from marsad.extract.dates.grammar import AR_LETTER, lookup
from marsad.extract.dates.lexicon import AR_NUMBERS, AR_UNITS, EN_NUMBERS, EN_UNITS
from marsad.text.fold import fold

_NA_B = rf"(?<![{AR_LETTER}])"
_NA_A = rf"(?![{AR_LETTER}])"


@dataclass(slots=True)
class Relative:
    start: int
    end: int
    lang: str
    kind: str  # "deictic" (yesterday), "weekday", "period" (last week), "offset" (3 days after/later/ago)
    amount: int = 0
    unit: str = "day"  # day | week | month | year
    direction: int = 0  # -1 before / ago, +1 after / later
    weekday: int | None = None
    object_follows: bool = False  # "after <something>": the phrase dates that something


_AR_PLURALS = frozenset({"أيام", "ايام", "أسابيع", "اسابيع", "أشهر", "اشهر", "شهور", "أعوام", "سنوات"})


def _words(table: dict[str, int] | dict[str, str] | dict[str, tuple[str, int]]) -> str:
    from marsad.extract.dates.grammar import trie_regex

    return trie_regex(sorted({fold(k) for k in table}))


@cache
def _patterns() -> list[tuple[str, str, re.Pattern[str]]]:
    from marsad.extract.dates.grammar import _tables

    wd_en, wd_ar = _tables()["en_weekday"][0], _tables()["ar_weekday"][0]
    num_en = rf"(?:\d{{1,4}}|{_words(EN_NUMBERS)})"
    num_ar = rf"(?:\d{{1,4}}|{_words(AR_NUMBERS)})"
    return [
        ("deictic", "en", re.compile(r"(?<![a-z])(?P<w>yesterday|tomorrow)(?![a-z])")),
        ("deictic", "ar", re.compile(rf"{_NA_B}(?:و|ب)?(?P<w>امس|البارحه|غدا){_NA_A}")),
        (
            "weekday",
            "en",
            re.compile(rf"(?<![a-z])(?P<rel>last|this|next|past|previous|coming)\s+(?P<wd>{wd_en})(?![a-z])"),
        ),
        (
            "weekday",
            "ar",
            re.compile(rf"(?:يوم\s+)?{_NA_B}(?P<wd>{wd_ar})\s+(?P<rel>الماضي|المنصرم|المقبل|القادم){_NA_A}"),
        ),
        (
            "period",
            "en",
            re.compile(r"(?<![a-z])(?P<rel>last|next|previous|past|this)\s+(?P<unit>week|month|year)(?![a-z])"),
        ),
        (
            "period",
            "ar",
            re.compile(rf"{_NA_B}(?P<unit>الاسبوع|الشهر|العام|السنه)\s+(?P<rel>الماضي|المنصرم|المقبل|القادم){_NA_A}"),
        ),
        (
            "offset",
            "en",
            re.compile(
                rf"(?<![a-z\d])(?P<n>{num_en})[\s-]+(?P<unit>{_words(EN_UNITS)})\s+(?P<dir>ago|later|earlier|after|before|afterwards)(?![a-z])"
            ),
        ),
        (
            "offset",
            "en",
            re.compile(r"(?<![a-z])the\s+(?P<dir>following|next|previous)\s+(?P<unit>day|week|month|year)(?![a-z])"),
        ),
        (
            "offset",
            "ar",
            re.compile(
                rf"{_NA_B}(?:[وف](?=بعد|قبل))?(?P<dir>بعد|قبل)\s+(?:(?P<n>{num_ar})\s+)?(?P<unit>{_words(AR_UNITS)}){_NA_A}"
                rf"(?P<of>\s+من)?"
            ),
        ),
    ]


def find_relative(folded: str) -> list[Relative]:
    out: list[Relative] = []
    for kind, lang, rx in _patterns():
        for m in rx.finditer(folded):
            rel = _to_relative(kind, lang, m, folded)
            if rel is not None:
                out.append(rel)
    return out


def _to_relative(kind: str, lang: str, m: re.Match[str], folded: str) -> Relative | None:
    g = m.groupdict()
    # «وبعد أسبوع»: the evidence starts at «بعد», not at the conjunction glued to it
    start = m.start() + 1 if lang == "ar" and m.group(0)[:1] in "وف" and m.group(0)[1:3] in ("بع", "قب") else m.start()
    r = Relative(start, m.end(), lang, kind)
    if kind == "deictic":
        r.amount, r.unit = 1, "day"
        r.direction = 1 if g["w"] in ("tomorrow", "غدا") else -1
    elif kind == "weekday":
        table = "en_weekday" if lang == "en" else "ar_weekday"
        r.weekday = lookup(table, g["wd"])
        r.direction = {"last": -1, "past": -1, "previous": -1, "الماضي": -1, "المنصرم": -1, "this": 0}.get(g["rel"], 1)
    elif kind == "period":
        unit = g["unit"]
        r.unit = {"الاسبوع": "week", "الشهر": "month", "العام": "year", "السنه": "year"}.get(unit, unit)
        r.amount = 1
        r.direction = {"last": -1, "previous": -1, "past": -1, "الماضي": -1, "المنصرم": -1, "this": 0}.get(g["rel"], 1)
        if r.direction == 0:
            r.amount = 0
    else:
        direction = g["dir"]
        r.direction = -1 if direction in ("ago", "earlier", "before", "previous", "قبل") else 1
        if lang == "ar":
            unit, implied = AR_UNITS[_unfold_key(AR_UNITS, g["unit"])]
            if not g.get("n") and _unfold_key(AR_UNITS, g["unit"]) in _AR_PLURALS:
                return None  # "بعد أيام", "after some days": too vague to date
            r.unit = unit
            r.amount = _number(g.get("n"), AR_NUMBERS) if g.get("n") else implied
            r.object_follows = bool(g.get("of"))
            if r.object_follows:
                r.end = m.start("of")  # the phrase ends before "من"
        else:
            r.unit = EN_UNITS.get(g["unit"], g["unit"])
            r.amount = _number(g.get("n"), EN_NUMBERS) if g.get("n") else 1
            r.object_follows = direction in ("after", "before") and _object_follows(folded, m.end())
        if r.amount <= 0 or r.amount > 10_000:
            return None
    return r


def _object_follows(folded: str, pos: int) -> bool:
    """'three days after the attack' has an object; 'three days after.' does not."""
    rest = folded[pos : pos + 3].lstrip()
    return bool(rest) and (rest[0].isalnum())


def _number(text: str | None, table: dict[str, int]) -> int:
    if text is None:
        return 1
    if text.isdigit():
        return int(text)
    return table[_unfold_key(table, text)]


def _unfold_key(table: dict[str, int] | dict[str, tuple[str, int]], folded_word: str) -> str:
    for key in table:
        if fold(key) == folded_word:
            return key
    raise KeyError(folded_word)

"""Dates that need another date to be read: the document's ("yesterday", "last week", «الخميس الماضي», "on
Tuesday", "this summer") or one the text gave just before ("the next day", «في اليوم نفسه», "three days
later", «غداة»). Found here; anchored by marsad.extract.dates.anchor, never to today's date.

The patterns run only in windows around their trigger words (one cheap scan first), as grammar.py does
for month names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from marsad.extract.dates.grammar import AR_LETTER, lookup, trie_regex
from marsad.extract.dates.lexicon import (
    AR_DECADES,
    AR_NUMBERS,
    AR_UNITS,
    EN_DECADES,
    EN_NUMBERS,
    EN_ORDINAL_WORDS,
    EN_TENS,
    EN_UNITS,
)
from marsad.text.fold import fold
from marsad.text.script import has_arabic

_NA_B = rf"(?<![{AR_LETTER}])"
_NA_A = rf"(?![{AR_LETTER}])"


@dataclass(slots=True)
class Relative:
    start: int
    end: int
    lang: str
    # deictic (today, yesterday: `amount` days from the document's date), weekday, period (last week: a unit
    # `direction` steps from the document's date), anaphoric (the next day: from the date just given),
    # offset (3 days after/later/ago), quarter / season / decade without a year
    kind: str
    amount: int = 0
    unit: str = "day"  # day | week | weekend | month | year | quarter | half | season | decade
    direction: int | None = 0  # -1 before, +1 after, 0 this one, None: the tense decides
    weekday: int | None = None
    object_follows: bool = False  # "after <something>": the phrase dates that something
    part: str | None = None  # early / mid / late part of the period
    sub: str | None = None  # "earlier" / "later" this week: the part before or after the document's date
    season: str | None = None
    quarter: int | None = None
    decade: int | None = None
    says_weekday: int | None = None  # «اليوم الخميس», "yesterday (Tuesday)": a weekday to check, not to use
    delay: bool = False  # "three days later than planned": the date just given, not three days after it


_AR_PLURALS = frozenset({"أيام", "ايام", "أسابيع", "اسابيع", "أشهر", "اشهر", "شهور", "أعوام", "سنوات"})


def _words(table: dict[str, int] | dict[str, str] | dict[str, tuple[str, int]]) -> str:
    return trie_regex(sorted({fold(k) for k in table}))


_DIRECTION = {
    "last": -1,
    "past": -1,
    "previous": -1,
    "preceding": -1,
    "prior": -1,
    "before": -1,
    "الماضي": -1,
    "الماضيه": -1,
    "المنصرم": -1,
    "المنصرمه": -1,
    "الفائت": -1,
    "الفائته": -1,
    "السابق": -1,
    "السابقه": -1,
    "this": 0,
    "الجاري": 0,
    "الحالي": 0,
    "الحاليه": 0,
    "هذا": 0,
    "هذه": 0,
    "نفسه": 0,
    "نفسها": 0,
    "ذاته": 0,
    "ذاتها": 0,
    "same": 0,
    "next": 1,
    "coming": 1,
    "following": 1,
    "after": 1,
    "المقبل": 1,
    "المقبله": 1,
    "القادم": 1,
    "القادمه": 1,
    "التالي": 1,
    "التاليه": 1,
    "الموالي": 1,
}
_AR_UNIT = {
    "اليوم": "day",
    "الليله": "day",
    "الاسبوع": "week",
    "الشهر": "month",
    "العام": "year",
    "السنه": "year",
    "الصيف": "summer",
    "الشتاء": "winter",
    "الربيع": "spring",
    "الخريف": "fall",
}
_EN_SEASON = {"spring": "spring", "summer": "summer", "fall": "fall", "autumn": "fall", "winter": "winter"}
_PART = {
    "early": "early",
    "mid": "mid",
    "late": "late",
    "the end of": "late",
    "the end": "late",
    "the beginning": "early",
    "the start": "early",
    "end of": "late",
    "the beginning of": "early",
    "beginning of": "early",
    "the start of": "early",
    "start of": "early",
    "مطلع": "early",
    "اوائل": "early",
    "اوايل": "early",
    "بدايه": "early",
    "منتصف": "mid",
    "اواسط": "mid",
    "اواخر": "late",
    "نهايه": "late",
    "اخر": "late",
}
_EN_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "fifteenth": 15,
    "twentieth": 20,
    "twenty-fifth": 25,
    "thirtieth": 30,
    "fortieth": 40,
    "fiftieth": 50,
}
_AR_ORDINALS = {
    "الاولي": 1,
    "الثانيه": 2,
    "الثالثه": 3,
    "الرابعه": 4,
    "الخامسه": 5,
    "السادسه": 6,
    "السابعه": 7,
    "الثامنه": 8,
    "التاسعه": 9,
    "العاشره": 10,
    "العشرين": 20,
    "الثلاثين": 30,
    "الاربعين": 40,
    "الخمسين": 50,
}
_TIME_OF_DAY_EN = r"(?:\s+(?:morning|afternoon|evening|night))?"
_TIME_OF_DAY_AR = r"(?:(?:صباح|مساء|ظهر|ظهيره|عصر|فجر|ليل|ليله|نهار|منتصف\s+ليل)\s+)?"
_EN_PARTS = r"early|mid|late|the\s+end\s+of|end\s+of|the\s+beginning\s+of|beginning\s+of|the\s+start\s+of|start\s+of"
_AR_PARTS = r"مطلع|اوائل|اوايل|بدايه|منتصف|اواسط|اواخر|نهايه"
_AR_REL = r"الماضي|الماضيه|المنصرم|المنصرمه|المقبل|المقبله|القادم|القادمه|الجاري|الحالي|الحاليه|الفائت|الفائته"


@cache
def _patterns() -> list[tuple[str, str, re.Pattern[str]]]:
    from marsad.extract.dates.grammar import _tables

    wd_en, wd_ar = _tables()["en_weekday"][0], _tables()["ar_weekday"][0]
    tens = "|".join(EN_TENS)
    num_en = rf"(?:\d{{1,4}}|(?:{tens})[\s-](?:one|two|three|four|five|six|seven|eight|nine)|{_words(EN_NUMBERS)})"
    num_ar = rf"(?:\d{{1,4}}|{_words(AR_NUMBERS)})"
    ord_en = _words(EN_ORDINAL_WORDS)
    return [
        # -- deictic: the document's date ---------------------------------------------------------------
        (
            "deictic",
            "en",
            re.compile(
                r"(?<![a-z])(?:(?P<sub>earlier|later)\s+)?(?P<w>today|tonight|yesterday|tomorrow|the\s+day\s+before\s+"
                rf"yesterday|the\s+day\s+after\s+tomorrow|last\s+night|this\s+(?:morning|afternoon|evening)){_TIME_OF_DAY_EN}"
                rf"(?![a-z])(?:\s*[,(]\s*(?P<wd>{wd_en})(?![a-z])\)?)?"
            ),
        ),
        (
            "deictic",
            "ar",
            re.compile(
                rf"{_NA_B}(?P<clitic>[وبل]|في\s+)?{_TIME_OF_DAY_AR}(?P<w>اليوم|امس|البارحه|غدا|اول\s+امس|اول\s+من\s+امس|امس\s+الاول)"
                rf"{_NA_A}(?:\s*[،,(]?\s*(?:يوم\s+)?(?P<wd>{wd_ar})(?:\s*\))?{_NA_A})?"
            ),
        ),
        # -- a day of this (last, next) month: «في الـ11 من الشهر الجاري», "on the 11th of this month" -------
        (
            "day_of_month",
            "ar",
            re.compile(
                rf"{_NA_B}(?P<pre>في\s+)?(?:ال)?(?P<day>\d{{1,2}})\s+من\s+(?:(?:الشهر|شهر)\s+(?P<rel>{_AR_REL})|"
                rf"(?P<this>هذا\s+الشهر)){_NA_A}"
            ),
        ),
        (
            "day_of_month",
            "en",
            re.compile(
                r"(?<![a-z])(?P<pre>on\s+)?the\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+of\s+(?P<rel>this|last|next)\s+month"
                r"(?![a-z])"
            ),
        ),
        # -- a weekday: the one before or after the document's date --------------------------------------
        (
            "weekday",
            "en",
            re.compile(
                r"(?<![a-z])(?:(?P<rel>last|this|next|past|previous|coming)\s+|(?P<cue>on|by|since|until|till|from|"
                rf"before|after|early|late|that|every)\s+)?(?P<wd>{wd_en})(?![a-z]){_TIME_OF_DAY_EN}"
                r"(?P<before_last>\s+before\s+last(?![a-z]))?"
            ),
        ),
        (
            "weekday",
            "ar",
            re.compile(
                rf"(?:(?P<cue>يوم|مساء|صباح|ليله|ليل|فجر|ظهر|عصر|ظهيره|نهار|منذ|حتي)\s+)?{_NA_B}(?P<clitic>[وب])?(?P<wd>{wd_ar})"
                rf"(?:\s+(?P<before_last>قبل\s+الماضي)|\s+(?P<rel>الماضي|المنصرم|المقبل|القادم|الفائت))?{_NA_A}"
            ),
        ),
        # -- a period counted from the document's date -----------------------------------------------------
        (
            "period",
            "en",
            re.compile(
                rf"(?<![a-z])(?:(?P<sub>earlier|later)\s+|(?P<part>{_EN_PARTS})[\s-]+)?(?P<rel>last|this|next|coming)\s+"
                r"(?P<unit>week|weekend|month|year|quarter|summer|spring|fall|autumn|winter)(?![a-z])"
            ),
        ),
        (
            "period",
            "en",
            re.compile(r"(?<![a-z])(?P<pre>at|over|during|on|this\s+past)\s+the\s+(?P<unit>weekend)(?![a-z])"),
        ),
        (
            "period",
            "en",
            re.compile(
                r"(?<![a-z])(?P<part>the\s+end|the\s+beginning|the\s+start)\s+of\s+(?:the|this)\s+(?P<unit>year|month)(?![a-z])"
            ),
        ),
        (
            "weekend",
            "ar",
            re.compile(rf"{_NA_B}(?:عطله\s+|نهايه\s+)الاسبوع(?:\s+(?P<rel>{_AR_REL}))?{_NA_A}"),
        ),
        (
            "period",
            "ar",
            re.compile(
                rf"{_NA_B}(?P<clitic>[وب]|في\s+)?(?:(?P<part>{_AR_PARTS}|اخر)\s+)?(?:في\s+)?(?P<unit>الاسبوع|الشهر|العام|السنه|الصيف|الشتاء|الربيع|الخريف)"
                rf"\s+(?P<rel>{_AR_REL}){_NA_A}"
            ),
        ),
        (
            "period",
            "ar",
            re.compile(
                rf"{_NA_B}(?P<clitic>[وب]|في\s+)?(?P<part>{_AR_PARTS}|اخر)\s+(?P<unit>الشهر|العام|السنه){_NA_A}(?!\s+(?:{_AR_REL}|هذا|\d))"
            ),
        ),
        (
            "period",
            "ar",
            re.compile(
                rf"{_NA_B}(?:(?P<part>{_AR_PARTS})\s+)?(?P<rel>هذا|هذه)\s+(?P<unit>العام|الشهر|الاسبوع|السنه|الصيف|الشتاء){_NA_A}"
            ),
        ),
        # -- quarters, halves and seasons without their year --------------------------------------------
        (
            "quarter",
            "en",
            re.compile(
                rf"(?<![a-z])(?:the\s+)?(?P<q>{ord_en})[\s-]+(?P<unit>quarter|half)(?![a-z])(?!\s+of\s+(?:the\s+)?\d)"
            ),
        ),
        (
            "quarter",
            "ar",
            re.compile(
                rf"{_NA_B}(?P<unit>الربع|النصف)\s+(?P<q>الاول|الثاني|الثالث|الرابع|الاخير){_NA_A}"
                rf"(?:\s+من\s+(?:العام|السنه)(?:\s+(?P<rel>{_AR_REL}))?{_NA_A})?(?!\s+(?:من\s+)?(?:عام\s+|العام\s+)?\d)"
            ),
        ),
        (
            "season",
            "en",
            re.compile(
                r"(?<![a-z])(?:in|during|over|by|until|through)\s+the\s+(?P<season>spring|summer|fall|autumn|winter)(?![a-z])(?!\s+of)"
            ),
        ),
        # -- decades in words ------------------------------------------------------------------------------
        (
            "decade",
            "en",
            re.compile(rf"(?<![a-z])the\s+(?:(?P<part>early|mid|late)[\s-]*)?(?P<dec>{_words(EN_DECADES)})(?![a-z])"),
        ),
        (
            "decade",
            "ar",
            re.compile(
                rf"{_NA_B}(?:(?P<part>{_AR_PARTS})\s+)?(?:(?:عقد|حقبه)\s+)?(?P<dec>(?:ال)?(?:عشرين|ثلاثين|اربعين|خمسين|ستين|سبعين|"
                rf"ثمانين|تسعين)(?:ات|يات)){_NA_A}(?:\s+(?:من\s+)?القرن\s+(?:الماضي|العشرين|المنصرم){_NA_A})?"
            ),
        ),
        # -- anaphoric: the date just given ----------------------------------------------------------------
        (
            "anaphoric",
            "en",
            re.compile(
                r"(?<![a-z])(?:(?P<sub>later|earlier)\s+)?(?:(?P<pre>on|in|of|during)\s+)?(?:(?P<that>that|that\s+same|the\s+same|the\s+very\s+same)"
                r"|the\s+(?P<rel>following|next|previous|preceding|prior))\s+(?P<unit>day|week|weekend|month|year|night|morning|evening)(?![a-z])"
            ),
        ),
        (
            "anaphoric",
            "en",
            re.compile(r"(?<![a-z])the\s+(?P<unit>day|week|month|year|night)\s+(?P<rel>before|after)(?![a-z])"),
        ),
        (
            "anaphoric",
            "ar",
            re.compile(
                rf"{_NA_B}(?P<clitic>في\s+|ب|و|ف)?{_TIME_OF_DAY_AR}(?P<unit>اليوم|الليله|الاسبوع|الشهر|العام|السنه)\s+"
                rf"(?P<rel>نفسه|نفسها|ذاته|ذاتها|التالي|التاليه|السابق|السابقه|الموالي){_NA_A}"
            ),
        ),
        (
            "anaphoric",
            "ar",
            re.compile(
                rf"{_NA_B}(?P<clitic>في\s+|ب)?(?:(?P<that>نفس|ذات|ذلك|تلك)\s+)(?P<unit>اليوم|الليله|الاسبوع|الشهر|العام|السنه){_NA_A}"
            ),
        ),
        ("eve", "ar", re.compile(rf"{_NA_B}(?P<clitic>و|في\s+)?(?P<w>غداه|عشيه){_NA_A}")),
        # -- anniversaries: "the tenth anniversary of the 2001 attacks" is 2011 ---------------------------
        (
            "anniversary",
            "en",
            re.compile(
                rf"(?<![a-z])(?:the\s+)?(?P<n>\d{{1,3}}(?:st|nd|rd|th)|{_words(_EN_ORDINALS)})[\s-]+anniversary\s+of(?![a-z])"
            ),
        ),
        (
            "anniversary",
            "ar",
            re.compile(
                rf"{_NA_B}(?P<clitic>[وب]|في\s+)?الذكري\s+(?:السنويه\s+)?(?:(?P<n>{_words(_AR_ORDINALS)})|ال\s*(?P<d>\d{{1,3}}))"
                rf"(?:\s+(?:ل|علي)?)?"
            ),
        ),
        # -- offsets: three days later / ago / after ... --------------------------------------------------
        (
            "offset",
            "en",
            re.compile(
                rf"(?<![a-z\d])(?P<n>{num_en})[\s-]+(?P<unit>{_words(EN_UNITS)})\s+(?P<dir>ago|later|earlier|after|before|afterwards)(?![a-z])"
                r"(?P<delay>\s+than\s+(?:originally\s+|first\s+|previously\s+|initially\s+)?(?:planned|expected|scheduled|anticipated|intended|announced))?"
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
                rf"{_NA_B}(?P<clitic>[وف](?=بعد|قبل|منذ))?(?P<dir>بعد|قبل|منذ)\s+(?:(?P<n>{num_ar})\s+)?(?P<unit>{_words(AR_UNITS)}){_NA_A}"
                rf"(?:\s+(?:تقريبا|فقط))?(?P<of>\s+(?:من|علي))?"  # «من», «على» (folded)
            ),
        ),
    ]


_TRIGGERS = (
    "today tonight yesterday tomorrow night morning afternoon evening week weekend month year quarter half summer "
    "spring fall autumn winter day days weeks months years ago later earlier monday tuesday wednesday thursday "
    "friday saturday sunday twenties thirties forties fifties sixties seventies eighties nineties decade "
    "اليوم امس البارحه غدا الاسبوع الشهر العام السنه الصيف الشتاء الربيع الخريف الليله بعد قبل منذ غداه عشيه "
    "الربع النصف الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت الاحد والاثنين والثلاثاء والاربعاء والخميس والجمعه "
    "والسبت والاحد بالاثنين بالثلاثاء بالاربعاء بالخميس بالجمعه بالسبت بالاحد واليوم باليوم امس وامس اسبوع يوم "
    "عطله نهايه anniversary الذكري"
)


@cache
def _trigger(lang: str) -> re.Pattern[str]:
    """The words a relative phrase of `lang` ("en", "ar") turns on, as they are written in that language."""
    decades = {fold(k) for k in AR_DECADES}
    words = set(_TRIGGERS.split()) | decades | {d.removeprefix("ال") for d in decades}
    words = {w for w in words if has_arabic(w) == (lang == "ar")}
    return re.compile(rf"(?:{trie_regex(sorted(words))})(?![a-z{AR_LETTER}])")  # «وغداة»: a clitic may stand before


def _windows(folded: str, lang: str) -> list[tuple[int, int]]:
    """Stretches around the trigger words of `lang`: its patterns are matched there, not across the whole text
    (an English phrase turns on an English word: it is not looked for around an Arabic one)."""
    spans: list[tuple[int, int]] = []
    for m in _trigger(lang).finditer(folded):
        start, end = max(0, m.start() - 60), min(len(folded), m.end() + 60)
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


def find_relative(folded: str) -> list[Relative]:
    """Every relative phrase, longest first where two overlap."""
    found: list[tuple[int, Relative]] = []
    by_lang = {lang: _windows(folded, lang) for lang in ("en", "ar")}
    for priority, (kind, lang, rx) in enumerate(_patterns()):
        for start, end in by_lang[lang]:
            for m in rx.finditer(folded, start, end):
                rel = _to_relative(kind, lang, m, folded)
                if rel is not None:
                    found.append((priority, rel))
    chosen: list[Relative] = []
    seen: set[tuple[int, int]] = set()
    for _, r in sorted(found, key=lambda pr: (-(pr[1].end - pr[1].start), pr[0])):
        if (r.start, r.end) in seen or any(r.start < c.end and c.start < r.end for c in chosen):
            continue
        seen.add((r.start, r.end))
        chosen.append(r)
    return sorted(chosen, key=lambda r: r.start)


def _to_relative(kind: str, lang: str, m: re.Match[str], folded: str) -> Relative | None:
    g = m.groupdict()
    # «وبعد أسبوع», «في اليوم نفسه», "on the same day": the evidence starts after the clitic or preposition
    start = m.start()
    for group in ("clitic", "pre"):
        if m.groupdict().get(group):
            start = m.end(group)
            while start < m.end() and folded[start].isspace():
                start += 1
    r = Relative(start, m.end(), lang, kind)
    try:
        return _fill(r, kind, lang, g, m, folded)
    except KeyError:
        return None


def _fill(
    r: Relative, kind: str, lang: str, g: dict[str, str | None], m: re.Match[str], folded: str
) -> Relative | None:
    if kind == "deictic":
        return _deictic(r, lang, g, m, folded)
    if kind == "day_of_month":
        r.amount = int(g["day"] or 0)
        r.unit = "month"
        r.direction = 0 if g.get("this") else _DIRECTION[g["rel"] or ""]
        return r if 1 <= r.amount <= 31 else None
    if kind == "weekday":
        r.weekday = int(lookup("en_weekday" if lang == "en" else "ar_weekday", g["wd"] or ""))
        rel = g.get("rel")
        r.direction = _DIRECTION[rel] if rel else None
        if g.get("cue") == "every":
            return None  # "every Friday" is habitual, not a date
        if g.get("before_last"):  # "Thursday before last", «الخميس قبل الماضي»: a week before the last one
            r.direction, r.amount = -1, 7
        if g.get("cue") == "that":
            r.kind = "anaphoric-weekday"
        r.start = (
            m.start("rel")
            if rel and lang == "en"
            else (m.start("cue") if g.get("cue") and lang == "ar" else m.start("wd"))
        )
        if lang == "ar" and not rel and not g.get("cue") and not _standalone(folded, m.start("wd"), m.end("wd")):
            return None
        return r
    if kind in ("period", "weekend"):
        unit = g.get("unit") or "weekend"
        r.kind = "period"
        r.unit = _AR_UNIT.get(unit, unit)
        if r.unit in _EN_SEASON:
            r.season, r.unit = _EN_SEASON[r.unit], "season"
        rel = g.get("rel")
        r.direction = _DIRECTION[rel] if rel else None
        if kind == "weekend" or unit == "weekend":
            r.unit = "weekend"
        r.sub = g.get("sub")
        if g.get("part"):
            r.part = _PART[re.sub(r"\s+", " ", g["part"] or "")]
            if not rel:
                r.direction = 0  # "the end of the year", «نهاية العام»: of the document's year
        return r
    if kind == "quarter":
        q = g["q"] or ""
        r.unit = {"الربع": "quarter", "النصف": "half"}.get(g["unit"] or "", g["unit"] or "")
        r.quarter = EN_ORDINAL_WORDS.get(q) or {"الاول": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4, "الاخير": 4}[q]
        if r.unit == "half" and r.quarter > 2:
            return None
        r.direction = _DIRECTION[g["rel"] or ""] if g.get("rel") else None
        return r
    if kind == "season":
        r.season, r.unit, r.direction = _EN_SEASON[g["season"] or ""], "season", None
        r.start = m.start("season")
        return r
    if kind == "decade":
        if re.match(r"\s*(?:من\s+)?(?:عمر|العمر|of\s+age)", folded[m.end() : m.end() + 12]):
            return None  # «في أوائل الأربعينيات من عمره»: an age, not a decade
        word = g["dec"] or ""
        r.unit = "decade"
        r.decade = 1900 + 10 * (EN_DECADES[word] if lang == "en" else _ar_decade(word))
        r.part = g.get("part") and _PART[g["part"] or ""]
        return r
    if kind in ("anaphoric", "eve"):
        return _anaphoric(r, lang, g)
    if kind == "anniversary":
        n = g.get("n") or ""
        r.amount = (
            int(g["d"] or 0)
            if g.get("d")
            else (int(n[:-2]) if n[:1].isdigit() else (_EN_ORDINALS.get(n) or _AR_ORDINALS[n]))
        )
        r.unit, r.direction, r.object_follows = "year", 1, True
        return r if r.amount > 0 else None
    return _offset(r, lang, g, m, folded)


def _deictic(r: Relative, lang: str, g: dict[str, str | None], m: re.Match[str], folded: str) -> Relative | None:
    w = re.sub(r"\s+", " ", g["w"] or "")
    if lang == "ar" and w == "اليوم":
        after = folded[m.end("w") : m.end("w") + 12]
        if re.match(
            r"\s+(?:ال)?(?:اخر|اخره|موعود|قيامه|دين|عالمي|وطني|دولي|اول|ثاني|ثالث|رابع|خامس|سادس|سابع|ثامن|تاسع|عاشر)",
            after,
        ):
            return None  # «اليوم الآخر» (the hereafter), «اليوم العالمي», «اليوم السابع» (a newspaper)
        if re.search(r"(?:حتي|الي|منذ)\s*$", folded[max(0, m.start() - 6) : m.start()]):
            return None  # «حتى اليوم»: to this day, not a day
    r.amount = {
        "today": 0,
        "tonight": 0,
        "this morning": 0,
        "this afternoon": 0,
        "this evening": 0,
        "yesterday": -1,
        "last night": -1,
        "tomorrow": 1,
        "the day before yesterday": -2,
        "the day after tomorrow": 2,
        "اليوم": 0,
        "امس": -1,
        "البارحه": -1,
        "غدا": 1,
        "اول امس": -2,
        "اول من امس": -2,
        "امس الاول": -2,
    }[w]
    r.unit, r.direction = "day", 0
    r.sub = g.get("sub")
    if g.get("wd"):
        r.says_weekday = int(lookup("en_weekday" if lang == "en" else "ar_weekday", g["wd"] or ""))
    return r


_NAME_BEFORE = re.compile(r"(?<![\u0621-\u064a])(?:بن|ابن|بنت|ابو|ابي|ابا|عبد|ال|ام)\s+$")
_SAYS_BEFORE = re.compile(
    r"(?<![\u0621-\u064a])(?:بيان|تسجيل|كلمه|مؤتمر|تصريح|تصريحات|هجوم|غاره|قصف|اجتماع|لقاء|عمليه|تقرير|"
    r"[وف]?(?:نشر|نشرت|بث|بثت|صدر|صدرت|اصدر|اصدرت|اعلن|اعلنت|قال|قالت|اكد|اكدت|نشره|نشرته|بثه|بثته))\s+$"
)  # «في بيان الأربعاء،», «في كلمة نشرت الخميس،»: after the statement or the verb that made it public


def _standalone(folded: str, start: int, end: int) -> bool:
    """«أعلن التنظيم، الخميس، مقتل ...», «في بيان الأربعاء، إن ...»: a bare Arabic weekday set off by commas or
    after a statement noun, not part of a name («محمد الخميس»)."""
    before = folded[max(0, start - 3) : start].rstrip()
    after = folded[end : end + 2].lstrip()
    closed = not after or after[0] in "،,.)\n:؛"
    if (not before or before[-1] in "،,(\n:") and closed:
        return True
    window = folded[max(0, start - 14) : start]
    if closed and bool(_SAYS_BEFORE.search(window)) and not _NAME_BEFORE.search(window):
        return True
    # «أعلن الجيش العراقي الخميس استعادة ...»: a speech verb, its subject an institution, then the weekday
    return bool(_SAYS_THEN_BODY.search(folded, max(0, start - 70), start))


_BODY_WORDS = (
    r"(?:ال)?(?:جيش|قوات|تنظيم|حكومه|وزاره|شرطه|وكاله|مؤسسه|رئاسه|قياده|مرصد|جماعه|حركه|تحالف|بنتاغون|"
    r"خارجيه|داخليه|دفاع|مجلس|سلطات|امم)"
)
_SAYS_THEN_BODY = re.compile(
    r"(?<![\u0621-\u064a])[وف]?(?:اعلن|اعلنت|قال|قالت|اكد|اكدت|نشر|نشرت|بث|بثت|اصدر|اصدرت|نفي|نفت|تبني|تبنت|"
    r"نعي|نعت|دعا|دعت|ذكر|ذكرت)\s+(?:[\u0621-\u064a]+\s+){0,2}"
    + _BODY_WORDS
    + r"(?![\u0621-\u064a])(?:\s+[\u0621-\u064a]+){0,3}\s+$"
)


def _ar_decade(word: str) -> int:
    stem = word.removeprefix("ال")
    for key, tens in (
        ("عشرين", 2),
        ("ثلاثين", 3),
        ("اربعين", 4),
        ("خمسين", 5),
        ("ستين", 6),
        ("سبعين", 7),
        ("ثمانين", 8),
        ("تسعين", 9),
    ):
        if stem.startswith(key):
            return tens
    raise KeyError(word)


def _anaphoric(r: Relative, lang: str, g: dict[str, str | None]) -> Relative | None:
    r.kind = "anaphoric"
    if g.get("w"):  # «غداة» the day after, «عشية» the eve of
        r.unit, r.amount, r.direction = "day", 1, 1 if g["w"] == "غداه" else -1
        r.object_follows = True
        return r
    unit = g["unit"] or "day"
    unit = _AR_UNIT.get(unit, unit)
    r.unit = {"night": "day", "morning": "day", "evening": "day"}.get(unit, unit)
    rel = g.get("rel")
    r.direction = _DIRECTION[rel] if rel else 0
    r.amount = 0 if r.direction == 0 else 1
    r.sub = g.get("sub")
    return r


def _offset(r: Relative, lang: str, g: dict[str, str | None], m: re.Match[str], folded: str) -> Relative | None:
    direction = g["dir"] or ""
    r.direction = -1 if direction in ("ago", "earlier", "before", "previous", "قبل", "منذ") else 1
    if lang == "ar":
        unit, implied = AR_UNITS[_unfold_key(AR_UNITS, g["unit"] or "")]
        if not g.get("n") and _unfold_key(AR_UNITS, g["unit"] or "") in _AR_PLURALS:
            return None  # "بعد أيام", "after some days": too vague to date
        if re.match(r"\s*\d{4}", folded[m.end("unit") : m.end("unit") + 6]):
            return None  # «منذ عام 2000»: since the year 2000, not a year ago
        if direction == "منذ":
            if re.search(r"(?:مره|الاولي|الاول)\s*$", folded[max(0, m.start() - 12) : m.start()]):
                return None  # «للمرة الأولى منذ خمس سنوات»: for the first time in five years, a duration
            r.kind = "ago"
        r.unit = unit
        r.amount = _number(g.get("n"), AR_NUMBERS) if g.get("n") else implied
        r.object_follows = bool(g.get("of")) and direction != "منذ"
        if direction == "قبل" and not r.object_follows:
            r.kind = "ago"  # «قبل ثلاثة أيام»: three days ago
        if g.get("of"):
            r.end = m.start("of")  # the phrase ends before "من"
    else:
        r.unit = EN_UNITS.get(g["unit"] or "", g["unit"] or "")
        r.amount = _number(g.get("n"), EN_NUMBERS) if g.get("n") else 1
        r.object_follows = direction in ("after", "before") and _object_follows(folded, m.end())
        r.delay = bool(g.get("delay"))
        if direction == "ago":
            r.kind = "ago"
    limit = {"day": 10_000, "week": 2_000, "month": 1_200, "year": 200, "decade": 20}.get(r.unit, 200)
    if r.amount <= 0 or r.amount > limit:
        return None  # «قبل 2023 عام», "1990 years": a year, not a count of years
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
    parts = re.split(r"[\s-]", text)
    if len(parts) == 2 and parts[0] in EN_TENS:  # "twenty-seven"
        return table[parts[0]] + table[parts[1]]
    return table[_unfold_key(table, re.sub(r"\s+", " ", text))]


def _unfold_key(table: dict[str, int] | dict[str, tuple[str, int]], folded_word: str) -> str:
    for key in table:
        if fold(key) == folded_word:
            return key
    raise KeyError(folded_word)

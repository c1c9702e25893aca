"""Absolute dates in folded text: English and Arabic Gregorian, Hijri in both scripts, ISO and numeric.

Written here: no library reads Arabic regional month names, Hijri dates in running text, or dual dates
(dateparser, the usual choice, got 2 of 13 Arabic dates right in a test here).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from marsad.extract.dates.lexicon import (
    AR_MONTHS,
    AR_ORDINALS,
    AR_WEEKDAYS,
    EN_MONTHS,
    EN_WEEKDAYS,
    HIJRI_AR,
    HIJRI_LATIN,
)
from marsad.extract.dates.mention import Mention
from marsad.text.fold import fold

AR_LETTER = "\u0621-\u064a"
_NOT_AR_BEFORE = rf"(?<![{AR_LETTER}])"
_NOT_AR_AFTER = rf"(?![{AR_LETTER}])"
_DASH = r"\s*[-–—]\s*"


def _alternation(words: dict[str, int]) -> tuple[str, dict[str, int]]:
    folded = {fold(w): v for w, v in words.items()}
    return trie_regex(list(folded)), folded


def trie_regex(words: list[str]) -> str:
    """One regular expression for many words, sharing their prefixes: the engine then follows one branch
    per character instead of trying every word at every position (5-10x faster on month lists)."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        ends = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return build(trie)


@cache
def _tables() -> dict[str, tuple[str, dict[str, int]]]:
    return {
        "en_month": _alternation(EN_MONTHS),
        "ar_month": _alternation(AR_MONTHS),
        "hijri_ar": _alternation(HIJRI_AR),
        "ar_ordinal": _alternation(AR_ORDINALS),
        "en_weekday": _alternation(EN_WEEKDAYS),
        "ar_weekday": _alternation(AR_WEEKDAYS),
    }


def lookup(table: str, word: str) -> int:
    return _tables()[table][1][re.sub(r"\s+", " ", word)]


def hijri_latin_month(word: str) -> int:
    for pattern, month in HIJRI_LATIN.items():
        if re.fullmatch(pattern, word):
            return month
    raise KeyError(word)


@cache
def patterns() -> list[tuple[str, str, re.Pattern[str]]]:
    """(form, language, pattern) in priority order: longer, more specific forms first."""
    t = _tables()
    full = "|".join(
        k for k in sorted(t["en_month"][1], key=len, reverse=True) if len(k) > 4 or k in ("may", "june", "july")
    )
    abbrev = "|".join(
        k for k in sorted(t["en_month"][1], key=len, reverse=True) if len(k) <= 4 and k not in ("may", "june", "july")
    )
    # no look-behind: "issueOctober" (words glued by scraping) is told apart from "preoctober" by the extractor
    em = rf"(?:(?:{full})(?![a-z])|(?:{abbrev})(?![a-z])\.?)"
    am_one = rf"{_NOT_AR_BEFORE}(?:[وبل]|في\s?)?(?:{t['ar_month'][0]}){_NOT_AR_AFTER}"
    # a dual month: "كانون الثاني/يناير", "تشرين الأول (أكتوبر)", "كانون ثاني/ يناير"
    am = rf"(?P<am>{am_one})(?:\s*[/،,(-]\s*(?P<am2>{am_one})(?:\s*\))?)?"
    am_end = am.replace("?P<am>", "?P<am_e>").replace("?P<am2>", "?P<am2_e>")
    ordinal = rf"{_NOT_AR_BEFORE}(?P<ord>{t['ar_ordinal'][0]}){_NOT_AR_AFTER}"
    hm_ar = rf"{_NOT_AR_BEFORE}(?:[وبل]|في\s?)?(?P<hm>{t['hijri_ar'][0]}){_NOT_AR_AFTER}"
    hm_lat = "(?<![a-z])(?P<hml>" + "|".join(f"(?:{p})" for p in HIJRI_LATIN) + ")(?![a-z])"
    d = r"(?P<d>[0-3]?\d)(?![\d:])"  # no look-behind: it would defeat the engine's first-character scan
    d2 = r"(?P<d2>[0-3]?\d)(?![\d:])"
    sfx = r"(?:st|nd|rd|th)?"
    y = r"(?<![\d.,:/])(?P<y>(?:19|20)\d\d)(?!\d|[.,]\d)"
    y_e = y.replace("?P<y>", "?P<y_e>")
    hy = r"(?<![\d.,:/])(?P<hy>1[34]\d\d)(?!\d|[.,]\d)"
    ar_year = rf"(?:\s+(?:من\s+)?(?:عام|العام|سنه|لعام|لسنه|للعام)\s+|\s*،?\s*){y}(?:\s*م{_NOT_AR_AFTER}|\s*ميلاديه?)?"
    hijri_suffix = rf"(?:\s*ه{_NOT_AR_AFTER}|\s*هجريه?|\s*(?:a\.\s?h\.|ah|h)(?![a-z]))"
    part = r"(?P<part>early|mid|late|end\s+of|the\s+end\s+of|beginning\s+of|the\s+beginning\s+of|start\s+of)"
    relation = rf"(?:\s+(?P<rel>الجاري|الحالي|الماضي|المنصرم|المقبل|القادم){_NOT_AR_AFTER})"

    forms: list[tuple[str, str, str]] = [
        # Hijri, Arabic script
        ("hijri-range", "ar", rf"{d}{_DASH}{d2}\s+(?:من\s+)?{hm_ar}\s+(?:(?:عام|سنه|لعام)\s+)?{hy}(?:{hijri_suffix})?"),
        (
            "hijri-day",
            "ar",
            rf"(?:{d}|{ordinal})\s+(?:من\s+)?(?:شهر\s+)?{hm_ar}(?:\s+(?:(?:عام|سنه|لعام)\s+)?{hy}(?:{hijri_suffix})?)?",
        ),
        ("hijri-month", "ar", rf"{hm_ar}\s+(?:(?:عام|سنه|لعام)\s+)?{hy}(?:{hijri_suffix})?"),
        # Hijri, Latin script
        ("hijri-range", "en", rf"{d}{_DASH}{d2}\s+{hm_lat},?\s+{hy}(?:\s*{hijri_suffix})?"),
        ("hijri-day", "en", rf"{d}{sfx}\s+(?:of\s+)?{hm_lat},?\s+{hy}(?:\s*{hijri_suffix})?"),
        ("hijri-day", "en", rf"{hm_lat}\s+{d}{sfx},?\s+{hy}(?:\s*{hijri_suffix})?"),
        ("hijri-month", "en", rf"{hm_lat},?\s+{hy}(?:\s*{hijri_suffix})?"),
        ("hijri-year", "xx", rf"{hy}{hijri_suffix}"),
        # Arabic Gregorian
        (
            "day-range",
            "ar",
            rf"{d}\s*(?:[-–—]|و|الى|إلى|حتى)\s*{d2}\s+(?:من\s+)?(?:شهر\s+)?{am}(?:{relation}|{ar_year})?",
        ),
        ("day-month-year", "ar", rf"(?:{d}|{ordinal})\s+(?:من\s+)?(?:شهر\s+)?{am}(?:{relation}|{ar_year})?"),
        ("month-range", "ar", rf"{am}\s*(?:[-–—/]|و|الى|إلى|حتى)\s*{am_end}{ar_year}"),
        (
            "month-year",
            "ar",
            rf"{am}(?:{relation}|{ar_year})",
        ),
        # English Gregorian
        (
            "day-range",
            "en",
            rf"{d}{sfx}(?:{_DASH}|\s+and\s+|\s+to\s+){d2}{sfx}\s+(?:of\s+)?(?P<em>{em}),?(?:\s+{y})?",
        ),
        ("day-range", "en", rf"(?P<em>{em})\s+{d}{sfx}{_DASH}{d2}{sfx}(?:,?\s+{y})?"),
        ("day-month-year", "en", rf"{d}{sfx}\s+(?:of\s+)?(?P<em>{em}),?(?:\s+{y})?"),
        ("month-day-year", "en", rf"(?P<em>{em})\s+(?:the\s+)?{d}{sfx}(?:,?\s+{y})?"),
        ("month-range", "en", rf"(?P<em>{em}){_DASH}(?P<em_e>{em}),?\s+{y}"),
        ("month-year", "en", rf"(?P<em>{em}),?\s+(?:of\s+)?{y}"),
        ("year-part", "en", rf"{part}[\s-]*{y}"),
        # language-neutral
        ("iso", "xx", r"(?<![\d/.-])(?P<y>(?:19|20)\d\d)([-/.])(?P<m>[01]?\d)\2(?P<d>[0-3]?\d)(?![\d/-]|\.\d)"),
        ("numeric", "xx", r"(?<![\d/.:-])(?P<a>[0-3]?\d)([/.-])(?P<b>[0-3]?\d)\2(?P<y>(?:19|20)\d\d)(?![\d/-]|\.\d)"),
        ("year-range", "xx", rf"{y}{_DASH}{y_e}"),
        (
            "year",
            "en",
            rf"(?<![a-z])(?:in|since|by|during|until|till|from|through|before|after|of|summer|spring|autumn|fall|winter)\s+{y}",
        ),
        ("year", "ar", rf"{_NOT_AR_BEFORE}(?:عام|العام|سنه|لعام|للعام|منذ|في|خلال|حتى)\s+{y}(?:\s*م{_NOT_AR_AFTER})?"),
    ]
    return [(form, lang, re.compile(rx)) for form, lang, rx in forms]


# Forms that always contain a month name run only in windows around month names: one cheap scan for the
# names, then the costly patterns on a few hundred characters each, not on the whole text.
_NUMERIC_FORMS = frozenset({"iso", "numeric", "year-range", "year", "year-part", "hijri-year"})
_BEFORE, _AFTER = 45, 60  # back to a day, ordinal or day range; on to a year, a dual month, a relation word


# Which month names a form needs: its windows come from hits of that kind only.
_KIND_OF_FORM = {
    ("hijri-range", "ar"): "hijri_ar",
    ("hijri-day", "ar"): "hijri_ar",
    ("hijri-month", "ar"): "hijri_ar",
    ("hijri-range", "en"): "hijri_lat",
    ("hijri-day", "en"): "hijri_lat",
    ("hijri-month", "en"): "hijri_lat",
}


def _kind(form: str, lang: str) -> str:
    return _KIND_OF_FORM.get((form, lang), "ar_month" if lang == "ar" else "en_month")


@cache
def _month_names() -> re.Pattern[str]:
    t = _tables()
    hijri_lat = "|".join(f"(?:{p})" for p in HIJRI_LATIN)
    return re.compile(
        f"(?P<en_month>{t['en_month'][0]})|(?P<ar_month>{t['ar_month'][0]})"
        f"|(?P<hijri_ar>{t['hijri_ar'][0]})|(?P<hijri_lat>{hijri_lat})"
    )


def _windows(folded: str) -> dict[str, list[tuple[int, int]]]:
    out: dict[str, list[tuple[int, int]]] = {"en_month": [], "ar_month": [], "hijri_ar": [], "hijri_lat": []}
    for m in _month_names().finditer(folded):
        spans = out[m.lastgroup or "en_month"]
        start, end = max(0, m.start() - _BEFORE), min(len(folded), m.end() + _AFTER)
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return out


@cache
def _left() -> re.Pattern[str]:
    """What may stand before a date and belongs to it: a weekday, "between", a part of the period, «شهر»."""
    t = _tables()
    return re.compile(
        rf"(?:(?:يوم\s+)?(?P<wd_ar>{t['ar_weekday'][0]})\s+(?:الموافق\s+)?"
        rf"|(?P<wd_en>{t['en_weekday'][0]}),?\s+(?:the\s+)?"
        r"|(?P<between>between|بين)\s+"
        r"|(?P<part>early|mid|late|end\s+of|the\s+end\s+of|beginning\s+of|the\s+beginning\s+of|start\s+of)[\s-]*"
        r"|(?P<part_ar>مطلع|اوايل|اواخر|منتصف|بدايه|نهايه|اواسط)\s+(?:شهر\s+)?"
        r"|(?:شهري|شهر)\s+)$"
    )


_WEEK_OF = re.compile(r"(?:week|wk\.?)\s*$")
_BAD_BEFORE = frozenset("0123456789.,:/-")
_WEEKDAY_FORMS = frozenset({"day-month-year", "month-day-year", "hijri-day"})


def _extend_left(folded: str, mention: Mention) -> None:
    m = _left().search(folded, max(0, mention.start - 40), mention.start)
    if m is None:
        return
    if m.group("wd_ar") or m.group("wd_en"):
        if mention.form not in _WEEKDAY_FORMS or mention.day is None:
            return
        table = "ar_weekday" if m.group("wd_ar") else "en_weekday"
        mention.weekday = lookup(table, m.group("wd_ar") or m.group("wd_en"))
    elif m.group("between"):
        if mention.end_day is None and mention.end_month is None:
            return
    elif m.group("part") or m.group("part_ar"):
        if mention.form != "month-year":
            return
        mention.part = _part(m.group("part") or m.group("part_ar"))
    mention.start = m.start()


_YEARISH = re.compile(r"(?:19|20|13|14)\d\d")  # every numeric form holds a Gregorian or Hijri year


def _year_windows(folded: str) -> list[tuple[int, int]]:
    """Stretches around four-digit years: the numeric forms are matched there, not across the whole text."""
    spans: list[tuple[int, int]] = []
    for m in _YEARISH.finditer(folded):
        start, end = max(0, m.start() - 40), min(len(folded), m.end() + 20)
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


def find_absolute(folded: str) -> Iterator[Mention]:
    windows = _windows(folded)
    years = _year_windows(folded)
    for form, lang, rx in patterns():
        spans = years if form in _NUMERIC_FORMS else windows[_kind(form, lang)]
        for start, end in spans:
            for m in rx.finditer(folded, start, end):
                if m.start() > 0:
                    before, first = folded[m.start() - 1], folded[m.start()]
                    if first.isdigit() and before in _BAD_BEFORE:
                        continue  # "2,014", "3/4/2024" read from its middle, "10:30"
                mention = _to_mention(form, lang, m)
                if mention is None or (
                    mention.day is not None and _WEEK_OF.search(folded, max(0, m.start() - 12), m.start())
                ):
                    continue  # "week 2 of January" is a week, not the 2nd
                _extend_left(folded, mention)
                yield mention


def _group(m: re.Match[str], name: str) -> str | None:
    return m.groupdict().get(name)


def _month_of(m: re.Match[str], suffix: str = "") -> int | None:
    em = _group(m, "em" + suffix)
    if em:
        return lookup("en_month", em.rstrip(".").strip())
    am = _group(m, "am" + suffix)
    if am:
        return lookup("ar_month", _strip_clitic(am, "ar_month"))
    return None


def _strip_clitic(word: str, table_name: str) -> str:
    """The month name without the «في»/«و»/«ب»/«ل» written before it, when what remains is in the table."""
    word = re.sub(r"\s+", " ", word.strip())
    table = _tables()[table_name][1]
    for clitic in ("", "في ", "في", "و", "ب", "ل"):
        if word.startswith(clitic) and word[len(clitic) :] in table:
            return word[len(clitic) :]
    return word


def _to_mention(form: str, lang: str, m: re.Match[str]) -> Mention | None:
    g = m.groupdict()
    mention = Mention(m.start(), m.end(), form, lang)
    for group in ("am", "hm"):
        if g.get(group) and m.start(group) == m.start():  # "في أكتوبر": the evidence starts at the month
            word = g[group] or ""
            bare = _strip_clitic(word, "ar_month" if group == "am" else "hijri_ar")
            mention.start += len(word) - len(bare)
    try:
        if form.startswith("hijri"):
            mention.calendar = "hijri"
            if g.get("hy"):
                mention.year = int(g["hy"])
            if g.get("hm"):
                mention.month = lookup("hijri_ar", _strip_clitic(g["hm"], "hijri_ar"))
            elif g.get("hml"):
                mention.month = hijri_latin_month(g["hml"])
            mention.day = _day(g)
            if form == "hijri-range":
                mention.end_day = int(g["d2"])
            if mention.year is None:
                return None  # a Hijri month without a year: kept only when a neighbour supplies it (later)
        elif form in ("iso",):
            mention.year, mention.month, mention.day = int(g["y"]), int(g["m"]), int(g["d"])
        elif form == "numeric":
            return _numeric(mention, int(g["a"]), int(g["b"]), int(g["y"]))
        elif form in ("year", "year-part"):
            mention.year = int(g["y"])
        elif form == "year-range":
            mention.year, mention.end_year = int(g["y"]), int(g["y_e"])
            if not mention.year < mention.end_year <= mention.year + 30:
                return None
        else:
            mention.month = _month_of(m)
            mention.day = _day(g)
            if g.get("y"):
                mention.year = int(g["y"])
            if form == "day-range":
                mention.end_day = int(g["d2"])
            if form == "month-range":
                mention.end_month = _month_of(m, "_e")
                if mention.end_month == mention.month:
                    return None  # "كانون الثاني/يناير" is one month named twice, not a range
                if g.get("y_e"):
                    mention.end_year = int(g["y_e"])
            am2 = g.get("am2")
            if am2 and lookup("ar_month", _strip_clitic(am2, "ar_month")) != mention.month:
                mention.detail["dual_month_disagrees"] = True
                mention.confidence = 0.6
        if g.get("part"):
            mention.part = _part(g["part"])
        if g.get("rel"):
            mention.relation = g["rel"]
        if g.get("wd"):
            table = "en_weekday" if lang == "en" else "ar_weekday"
            mention.weekday = lookup(table, g["wd"])
    except (KeyError, ValueError):
        return None
    if not _valid(mention):
        return None
    return mention


def _day(g: dict[str, str | None]) -> int | None:
    if g.get("d"):
        return int(g["d"] or 0)
    if g.get("ord"):
        return lookup("ar_ordinal", g["ord"] or "")
    return None


def _part(word: str) -> str:
    word = word.strip()
    if word in ("early", "مطلع", "اوايل", "بدايه") or "beginning" in word or "start" in word:
        return "early"
    if word in ("mid", "منتصف", "اواسط"):
        return "mid"
    return "late"


def _numeric(mention: Mention, a: int, b: int, year: int) -> Mention | None:
    """d/m/y or m/d/y: decided by impossibility; otherwise both readings are kept for the resolver."""
    mention.year = year
    day_first = 1 <= b <= 12 and 1 <= a <= 31
    month_first = 1 <= a <= 12 and 1 <= b <= 31
    if day_first and not month_first:
        mention.day, mention.month = a, b
        mention.detail["order"] = "day-first"
    elif month_first and not day_first:
        mention.month, mention.day = a, b
        mention.detail["order"] = "month-first"
    elif day_first and month_first:
        mention.day, mention.month = a, b
        mention.detail["ambiguous"] = a != b
        mention.detail["readings"] = [f"{year}-{b:02d}-{a:02d}", f"{year}-{a:02d}-{b:02d}"]
    else:
        return None
    return mention if _valid(mention) else None


def _valid(m: Mention) -> bool:
    import datetime as dt

    if m.month is not None and not 1 <= m.month <= 12:
        return False
    if m.end_month is not None and not 1 <= m.end_month <= 12:
        return False
    for day in (m.day, m.end_day):
        if day is not None and not 1 <= day <= (30 if m.calendar == "hijri" else 31):
            return False
    if m.calendar == "gregorian" and m.year and m.month and m.day:
        try:
            dt.date(m.year, m.month, m.day)
        except ValueError:
            return False
    return not (m.day is not None and m.end_day is not None and m.end_day <= m.day)

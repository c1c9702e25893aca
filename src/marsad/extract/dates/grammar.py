"""Dates written out in folded text: English and Arabic Gregorian, Hijri in both scripts, ISO and numeric,
with or without their year, and the periods that are not a day or a month (seasons, quarters, halves,
parts of a year, decades).

Written here: no library reads Arabic regional month names, Hijri dates in running text, or dual dates
(dateparser, the usual choice, got 2 of 13 Arabic dates right in a test here). What stands around a
match and decides whether it is a date at all (a count such as "2000 fighters", the verb "may") is judged
in marsad.extract.dates.guards, which sees the original text's letter case.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from marsad.extract.dates.lexicon import (
    AR_MONTHS,
    AR_ORDINAL_WORDS,
    AR_ORDINALS,
    AR_SEASONS,
    AR_WEEKDAYS,
    EN_MONTHS,
    EN_ORDINAL_WORDS,
    EN_SEASONS,
    EN_WEEKDAYS,
    HIJRI_AR,
    HIJRI_LATIN,
    SEASON_MONTHS,
)
from marsad.extract.dates.mention import Mention
from marsad.text.fold import fold

AR_LETTER = "\u0621-\u064a"
_NOT_AR_BEFORE = rf"(?<![{AR_LETTER}])"
_NOT_AR_AFTER = rf"(?![{AR_LETTER}])"
_DASH = r"\s*[-–—]\s*"


def _alternation(words: dict[str, Any]) -> tuple[str, dict[str, Any]]:
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
def _tables() -> dict[str, tuple[str, dict[str, Any]]]:
    return {
        "en_month": _alternation(EN_MONTHS),
        "ar_month": _alternation(AR_MONTHS),
        "hijri_ar": _alternation(HIJRI_AR),
        "ar_ordinal": _alternation(AR_ORDINALS),
        "en_weekday": _alternation(EN_WEEKDAYS),
        "ar_weekday": _alternation(AR_WEEKDAYS),
        "en_season": _alternation(EN_SEASONS),
        "ar_season": _alternation(AR_SEASONS),
        "en_ordword": _alternation(EN_ORDINAL_WORDS),
        "ar_ordword": _alternation(AR_ORDINAL_WORDS),
    }


def lookup(table: str, word: str) -> Any:
    return _tables()[table][1][re.sub(r"\s+", " ", word)]


def hijri_latin_month(word: str) -> int:
    for pattern, month in HIJRI_LATIN.items():
        if re.fullmatch(pattern, word):
            return month
    raise KeyError(word)


# The cue words that may stand before a month written without its year ("in June", «في نيسان»): the
# extractor asks for one where the month name is also an everyday word (may, march, «مارس»).
EN_MONTH_CUE = (
    r"in|on|since|by|until|till|through|throughout|during|from|of|early|mid|late|last|next|this|before|after|"
    r"between|and|to|or|end\s+of|beginning\s+of|start\s+of|middle\s+of|the\s+end\s+of|the\s+beginning\s+of|"
    r"the\s+start\s+of|the\s+middle\s+of"
)
AR_MONTH_CUE = r"في|منذ|خلال|حتي|مطلع|اوائل|اوايل|بدايه|منتصف|اواسط|اواخر|نهايه|شهر|شهري|من|الي|قبل|بعد|بين|و"
_PART_EN = r"early|mid|late|end\s+of|the\s+end\s+of|beginning\s+of|the\s+beginning\s+of|start\s+of|the\s+start\s+of"
_PART_AR = r"مطلع|اوائل|اوايل|بدايه|منتصف|اواسط|اواخر|نهايه|اخر"


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
    part = rf"(?P<part>{_PART_EN})"
    relation = rf"(?:\s+(?P<rel>الجاري|الحالي|الماضي|المنصرم|المقبل|القادم|الفائت){_NOT_AR_AFTER})"
    # "March this year", "June of last year", «مارس من العام الجاري», «أبريل من هذا العام»
    yrel_en = r"(?:,?\s+(?:of\s+)?(?P<yrel>this|last|next|that|the\s+same|the\s+following|the\s+previous)\s+year)"
    yrel_ar = (
        rf"(?:\s+(?:من\s+)?(?:(?P<yrel_this>هذا\s+العام|هذه\s+السنه)|(?:العام|السنه)\s+"
        rf"(?P<yrel_ar>الجاري|الحالي|الحاليه|الماضي|الماضيه|المنصرم|المقبل|القادم|نفسه|ذاته|نفسها|ذاتها)){_NOT_AR_AFTER})"
    )
    season_en = rf"(?P<season>{t['en_season'][0]})"
    season_ar = rf"{_NOT_AR_BEFORE}(?:فصل\s+)?(?P<season_ar>{t['ar_season'][0]}){_NOT_AR_AFTER}"
    ordword = rf"(?P<ordw>{t['en_ordword'][0]})"
    ordword_ar = rf"(?P<ordw_ar>{t['ar_ordword'][0]}){_NOT_AR_AFTER}"
    of_year = r"(?:\s+of)?(?:\s+the\s+year)?\s+"
    ar_of_year = r"\s+(?:من\s+)?(?:(?:عام|العام|سنه)\s+)?"

    forms: list[tuple[str, str, str]] = [
        # Hijri, Arabic script
        (
            "hijri-range",
            "ar",
            rf"{d}(?:{_DASH}|\s*(?:الي|حتي|و)\s*){d2}\s+(?:من\s+)?{hm_ar}\s+(?:(?:عام|سنه|لعام)\s+)?{hy}(?:{hijri_suffix})?",
        ),
        (
            "hijri-day",
            "ar",
            rf"(?:{d}|{ordinal})\s+(?:من\s+)?(?:شهر\s+)?{hm_ar}(?:\s+(?:(?:عام|سنه|لعام)\s+)?{hy}(?:{hijri_suffix})?|{relation})?",
        ),
        ("hijri-month", "ar", rf"{hm_ar}\s+(?:(?:عام|سنه|لعام)\s+)?{hy}(?:{hijri_suffix})?"),
        ("hijri-month-gyear", "ar", rf"{hm_ar}\s+(?:(?:عام|سنه|لعام)\s+)?{y}"),
        ("hijri-month", "ar", rf"(?P<cue>شهر|في|خلال|منذ|مطلع|منتصف|اواخر|قبل|بعد|حتي)\s+{hm_ar}(?:{relation})?"),
        ("hijri-month", "ar", rf"{hm_ar}{relation}"),  # «رمضان الماضي»: last Ramadan
        # Hijri, Latin script
        ("hijri-range", "en", rf"{d}{_DASH}{d2}\s+{hm_lat},?\s+{hy}(?:\s*{hijri_suffix})?"),
        ("hijri-day", "en", rf"{d}{sfx}\s+(?:of\s+)?{hm_lat},?\s+{hy}(?:\s*{hijri_suffix})?"),
        ("hijri-day", "en", rf"{hm_lat}\s+{d}{sfx},?\s+{hy}(?:\s*{hijri_suffix})?"),
        ("hijri-month", "en", rf"{hm_lat},?\s+{hy}(?:\s*{hijri_suffix})?"),
        ("hijri-month-gyear", "en", rf"{hm_lat},?\s+{y}"),
        ("hijri-month", "en", rf"(?P<cue>during|in|of|since|before|after|until|through|throughout)\s+{hm_lat}"),
        ("hijri-year", "xx", rf"{hy}{hijri_suffix}"),
        # Arabic Gregorian
        (
            "day-range",
            "ar",
            rf"{d}\s*(?:[-–—]|و|الي|حتي)\s*{d2}\s+(?:من\s+)?(?:شهر\s+)?{am}(?:{relation}|{ar_year}|{yrel_ar})?",
        ),
        (
            "day-month-year",
            "ar",
            rf"(?:{d}|{ordinal})\s+(?:من\s+)?(?:شهر\s+)?{am}(?:{relation}|{ar_year}|{yrel_ar})?",
        ),
        ("month-range", "ar", rf"{am}\s*(?:[-–—/]|و|الي|حتي)\s*{am_end}{ar_year}"),
        ("month-year", "ar", rf"{am}(?:{relation}|{ar_year}|{yrel_ar})"),
        ("month", "ar", rf"(?:(?P<cue_ar>{AR_MONTH_CUE})\s+)?{am}"),
        # English Gregorian
        (
            "day-range",
            "en",
            rf"{d}{sfx}(?:{_DASH}|\s+and\s+|\s+to\s+){d2}{sfx}\s+(?:of\s+)?(?P<em>{em}),?(?:\s+{y})?",
        ),
        (
            "day-range",
            "en",
            rf"(?P<em>{em})\s+{d}{sfx}(?:{_DASH}|\s+(?:and|to|through)\s+){d2}{sfx}(?![\d,]\d)(?:,?\s+{y})?",
        ),
        ("day-month-year", "en", rf"{d}{sfx},?\s+(?:of\s+)?(?P<em>{em}),?(?:\s+{y}|{yrel_en})?"),
        ("month-day-year", "en", rf"(?P<em>{em})\s+(?:the\s+)?{d}{sfx}(?:,?\s+{y}|{yrel_en})?"),
        ("month-range", "en", rf"(?P<em>{em}){_DASH}(?P<em_e>{em}),?\s+{y}"),
        ("month-year", "en", rf"(?P<em>{em}),?\s+(?:of\s+)?{y}"),
        ("month-year", "en", rf"(?P<em>{em}){yrel_en}"),
        ("month", "en", rf"(?:(?P<cue>{EN_MONTH_CUE})[\s-]+)?(?P<em>{em})"),
        # periods of a year
        ("year-part", "en", rf"{part}[\s-]*{y}"),
        ("year-part", "ar", rf"{_NOT_AR_BEFORE}(?P<part_ar>{_PART_AR})\s+(?:(?:عام|العام|سنه)\s+)?{y}"),
        ("season", "en", rf"(?:(?P<part_s>early|mid|late)[\s-]*)?{season_en}(?:\s+of)?\s+{y}"),
        ("season", "ar", rf"{season_ar}\s+(?:(?:عام|العام|سنه)\s+)?{y}"),
        ("quarter", "en", rf"(?:the\s+)?{ordword}[\s-]+quarter{of_year}{y}"),
        ("quarter", "en", rf"(?<![a-z])q(?P<qn>[1-4])\s*(?:of\s+)?{y}"),
        ("quarter", "ar", rf"{_NOT_AR_BEFORE}الربع\s+{ordword_ar}{ar_of_year}{y}"),
        ("half", "en", rf"(?:the\s+)?(?P<hw>first|second)[\s-]+half{of_year}{y}"),
        ("half", "ar", rf"{_NOT_AR_BEFORE}النصف\s+(?P<hw_ar>الاول|الثاني){ar_of_year}{y}"),
        (
            "decade",
            "en",
            r"(?<![\w'])(?:the\s+)?(?:(?P<part_d>early|mid|late)[\s-]*)?(?P<dec>(?:1[89]|20)\d0)'?s(?![a-z])",
        ),
        # language-neutral
        ("iso", "xx", r"(?<![\d/.-])(?P<y>(?:19|20)\d\d)([-/.])(?P<m>[01]?\d)\2(?P<d>[0-3]?\d)(?![\d/-]|\.\d)"),
        ("numeric", "xx", r"(?<![\d/.:-])(?P<a>[0-3]?\d)([/.-])(?P<b>[0-3]?\d)\2(?P<y>(?:19|20)\d\d)(?![\d/-]|\.\d)"),
        ("numeric-short", "xx", r"(?<![\d/.:-])(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<yy>\d\d)(?![\d/]|\.\d)"),
        ("year-range", "xx", rf"{y}{_DASH}{y_e}"),
        ("year-range", "xx", rf"{y}\s*[–—]\s*(?P<yy_e>\d\d)(?![\d:.,/]|\.\d)"),
        (
            "year",
            "en",
            rf"(?<![a-z])(?P<cue>in|since|by|during|until|till|from|through|before|after|of|summer|spring|autumn|"
            rf"fall|winter)\s+{y}",
        ),
        (
            "year",
            "ar",
            rf"{_NOT_AR_BEFORE}(?P<cue>عام|العام|عامي|سنه|سنتي|لعام|للعام|منذ|في|خلال|حتي)\s+{y}(?:\s*م{_NOT_AR_AFTER})?",
        ),
        ("year-bare", "xx", rf"(?<![\w$£€#'’\-]){y}(?!\w|'s|’s|\s*%)"),
        ("year-bare", "ar", rf"(?<=[وبل]){y}(?!\w|\s*%)"),
    ]
    return [(form, lang, re.compile(rx)) for form, lang, rx in forms]


# Forms that always contain a month name run only in windows around month names: one cheap scan for the
# names, then the costly patterns on a few hundred characters each, not on the whole text.
_NUMERIC_FORMS = frozenset(
    {
        "iso",
        "numeric",
        "numeric-short",
        "year-range",
        "year",
        "year-bare",
        "year-part",
        "hijri-year",
        "season",
        "quarter",
        "half",
        "decade",
    }
)
_BEFORE, _AFTER = 45, 60  # back to a day, ordinal or day range; on to a year, a dual month, a relation word


# Which month names a form needs: its windows come from hits of that kind only.
_KIND_OF_FORM = {
    ("hijri-range", "ar"): "hijri_ar",
    ("hijri-day", "ar"): "hijri_ar",
    ("hijri-month", "ar"): "hijri_ar",
    ("hijri-range", "en"): "hijri_lat",
    ("hijri-day", "en"): "hijri_lat",
    ("hijri-month", "en"): "hijri_lat",
    ("hijri-month-gyear", "ar"): "hijri_ar",
    ("hijri-month-gyear", "en"): "hijri_lat",
}

# A cheap test a window must pass before a form's pattern runs on it: the word or shape the form cannot do
# without (a quarter needs "quarter", a numeric date a separator between digits). Most windows fail most tests.
_PRECHECK: dict[tuple[str, str], re.Pattern[str]] = {
    key: re.compile(rx)
    for key, rx in {
        ("quarter", "en"): r"quarter|q[1-4]",
        ("quarter", "ar"): "الربع",
        ("half", "en"): "half",
        ("half", "ar"): "النصف",
        ("season", "en"): "spring|summer|autumn|fall|winter",
        ("season", "ar"): "ربيع|صيف|خريف|شتاء",
        ("decade", "en"): r"0'?s",
        ("year-part", "en"): "early|mid|late|end|beginning|start",
        ("year-part", "ar"): "مطلع|اوائل|اوايل|بدايه|منتصف|اواسط|اواخر|نهايه|اخر",
        ("iso", "xx"): r"\d[-/.]\d",
        ("numeric", "xx"): r"\d[-/.]\d",
        ("numeric-short", "xx"): r"\d/\d",
        ("year-range", "xx"): "[-–—]",
        ("hijri-year", "xx"): r"1[34]\d\d\s*(?:ه|a\.?\s?h|h)",
        ("day-range", "en"): r"\d\s*(?:[-–—]|and|to|through)\s*\d",
        ("day-range", "ar"): r"\d\s*(?:[-–—]|و|الي|حتي)\s*\d",
        ("hijri-range", "ar"): r"\d\s*(?:[-–—]|و|الي|حتي)\s*\d",
        ("hijri-range", "en"): r"\d\s*[-–—]\s*\d",
        ("month-range", "en"): "[-–—]",
        ("month-range", "ar"): "[-–—/و]|الي|حتي",
    }.items()
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
        rf"(?:(?:{_NOT_AR_BEFORE}يوم\s+)?{_NOT_AR_BEFORE}(?P<wd_ar>{t['ar_weekday'][0]})\s*،?\s+(?:الموافق\s+)?"
        rf"|(?P<wd_en>{t['en_weekday'][0]}),?\s+(?:the\s+)?"
        r"|(?P<between>between|بين)\s+"
        rf"|(?P<part>{_PART_EN})[\s-]*"
        rf"|(?P<part_ar>{_PART_AR})\s+(?:شهر\s+)?"
        r"|(?:شهري|شهر)\s+)$"
    )


_WEEK_OF = re.compile(r"(?:week|wk\.?)\s*$")
_BAD_BEFORE = frozenset("0123456789.,:/-")
_WEEKDAY_FORMS = frozenset({"day-month-year", "month-day-year", "hijri-day", "iso", "numeric"})
_PART_FORMS = frozenset({"month-year", "month"})


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
        if mention.form not in _PART_FORMS:
            return
        mention.part = _part(m.group("part") or m.group("part_ar"))
    mention.start = m.start()


_YEARISH = re.compile(r"(?:19|20|13|14|18)\d\d|(?<![\d/])[0-3]?\d/[0-3]?\d/\d\d(?![\d/])")


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
    starts: list[int] = []  # matches so far, by start: a match inside one of them can only lose to it
    ends: list[int] = []
    for form, lang, rx in patterns():
        spans = years if form in _NUMERIC_FORMS else windows[_kind(form, lang)]
        pre = _PRECHECK.get((form, lang))
        for start, end in spans:
            if pre is not None and pre.search(folded, start, end) is None:
                continue
            for m in rx.finditer(folded, start, end):
                i = bisect.bisect_right(starts, m.start())
                if any(ends[j] >= m.end() for j in range(max(0, i - 3), i)):
                    continue
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
                i = bisect.bisect_right(starts, m.start())
                starts.insert(i, m.start())
                ends.insert(i, m.end())
                yield mention


def _group(m: re.Match[str], name: str) -> str | None:
    return m.groupdict().get(name)


def _month_of(m: re.Match[str], suffix: str = "") -> int | None:
    em = _group(m, "em" + suffix)
    if em:
        return int(lookup("en_month", em.rstrip(".").strip()))
    am = _group(m, "am" + suffix)
    if am:
        return int(lookup("ar_month", _strip_clitic(am, "ar_month")))
    return None


def _strip_clitic(word: str, table_name: str) -> str:
    """The month name without the «في»/«و»/«ب»/«ل» written before it, when what remains is in the table."""
    word = re.sub(r"\s+", " ", word.strip())
    table = _tables()[table_name][1]
    for clitic in ("", "في ", "في", "و", "ب", "ل"):
        if word.startswith(clitic) and word[len(clitic) :] in table:
            return word[len(clitic) :]
    return word


_YEAR_RELATION = {
    "this": "this",
    "last": "last",
    "next": "next",
    "that": "same",
    "the same": "same",
    "the following": "following",
    "the previous": "previous",
    "الجاري": "this",
    "الحالي": "this",
    "الحاليه": "this",
    "الماضي": "last",
    "الماضيه": "last",
    "المنصرم": "last",
    "المقبل": "next",
    "القادم": "next",
    "نفسه": "same",
    "ذاته": "same",
    "نفسها": "same",
    "ذاتها": "same",
}


def _start_at(mention: Mention, m: re.Match[str], *groups: str) -> None:
    """The evidence starts at the first of `groups` that matched ("in June" cites "June")."""
    for g in groups:
        if m.groupdict().get(g):
            mention.start = m.start(g)
            return


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
            if not _hijri(mention, form, g, m):
                return None
        elif form == "iso":
            mention.year, mention.month, mention.day = int(g["y"]), int(g["m"]), int(g["d"])
        elif form == "numeric":
            return _numeric(mention, int(g["a"]), int(g["b"]), int(g["y"]))
        elif form == "numeric-short":
            return _numeric_short(mention, int(g["a"]), int(g["b"]), int(g["yy"]))
        elif form in ("year", "year-bare"):
            mention.year = int(g["y"])
            if g.get("cue"):
                mention.detail["cue"] = g["cue"]
            _start_at(mention, m, "y")
        elif form == "year-range":
            mention.year = int(g["y"])
            mention.end_year = int(g["y_e"]) if g.get("y_e") else mention.year // 100 * 100 + int(g["yy_e"])
            if not mention.year < mention.end_year <= mention.year + 30:
                return None
        elif form in ("year-part", "season", "quarter", "half", "decade"):
            if not _period(mention, form, g):
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
            if form == "month":
                mention.detail["cue"] = g.get("cue") or g.get("cue_ar")
                if g.get("em"):
                    mention.start = m.start("em")
                elif g.get("am"):
                    word = g["am"] or ""
                    bare = _strip_clitic(word, "ar_month")
                    mention.start = m.start("am") + len(word) - len(bare)
                    if bare != re.sub(r"\s+", " ", word.strip()):
                        mention.detail["cue"] = mention.detail["cue"] or "clitic"
            am2 = g.get("am2")
            if am2 and lookup("ar_month", _strip_clitic(am2, "ar_month")) != mention.month:
                mention.detail["dual_month_disagrees"] = True
                mention.confidence = 0.6
            rel = g.get("yrel") or g.get("yrel_ar") or ("this" if g.get("yrel_this") else None)
            if rel:
                mention.detail["year_relation"] = _YEAR_RELATION[re.sub(r"\s+", " ", rel)]
        if g.get("part"):
            mention.part = _part(g["part"])
        if g.get("rel"):
            mention.relation = g["rel"]
    except (KeyError, ValueError):
        return None
    if not _valid(mention):
        return None
    return mention


def _hijri(mention: Mention, form: str, g: dict[str, str | None], m: re.Match[str]) -> bool:
    mention.calendar = "hijri"
    if g.get("hm"):
        mention.month = int(lookup("hijri_ar", _strip_clitic(g["hm"] or "", "hijri_ar")))
    elif g.get("hml"):
        mention.month = hijri_latin_month(g["hml"] or "")
    mention.day = _day(g)
    if form == "hijri-range":
        mention.end_day = int(g["d2"] or 0)
    if g.get("hy"):
        mention.year = int(g["hy"] or 0)
    elif form == "hijri-month-gyear":
        mention.detail["gregorian_year"] = int(g["y"] or 0)  # "Ramadan 2020": the Ramadan of 2020
    elif g.get("cue"):
        _start_at(mention, m, "hm", "hml")  # "during Ramadan": its year comes from the document's date
    elif mention.day is not None:
        return False  # "2 Muharram" with no year and no cue: a neighbour would have to supply it
    return mention.month is not None or mention.year is not None


def _period(mention: Mention, form: str, g: dict[str, str | None]) -> bool:
    """Seasons, quarters, halves, parts of a year and decades as month or year ranges."""
    year = int(g["y"] or 0) if g.get("y") else None
    if form == "decade":
        start = int(g["dec"] or 0)
        lo, hi = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}.get(g.get("part_d") or "", (0, 9))
        mention.year, mention.end_year, mention.granularity = start + lo, start + hi, "decade"
        if g.get("part_d"):
            mention.part = g["part_d"]
        return True
    assert year is not None
    mention.year, mention.end_year = year, year
    if form == "year-part":
        part = _part(g.get("part") or g.get("part_ar") or "")
        mention.month, mention.end_month = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}[part]
        mention.part, mention.granularity = part, "part"
        return True
    if form == "season":
        season = str(
            lookup("en_season", g["season"] or "") if g.get("season") else lookup("ar_season", g["season_ar"] or "")
        )
        first, last = SEASON_MONTHS[season]
        mention.month, mention.end_month, mention.granularity = first, last, "season"
        mention.detail["season"] = season
        if first > last:  # winter 2014: December 2013 to February 2014
            mention.year = year - 1
        return True
    if form == "quarter":
        q = int(g["qn"] or 0) if g.get("qn") else int(lookup("en_ordword", g["ordw"] or "") if g.get("ordw") else 0)
        if not q:
            q = int(lookup("ar_ordword", g["ordw_ar"] or ""))
        mention.month, mention.end_month, mention.granularity = 3 * q - 2, 3 * q, "quarter"
        return True
    half = 1 if (g.get("hw") == "first" or g.get("hw_ar") == "الاول") else 2
    mention.month, mention.end_month, mention.granularity = 6 * half - 5, 6 * half, "half"
    return True


def _day(g: dict[str, str | None]) -> int | None:
    if g.get("d"):
        return int(g["d"] or 0)
    if g.get("ord"):
        return int(lookup("ar_ordinal", g["ord"] or ""))
    return None


def _part(word: str) -> str:
    word = word.strip()
    if word in ("early", "مطلع", "اوايل", "اوائل", "بدايه") or "beginning" in word or "start" in word:
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


def _numeric_short(mention: Mention, a: int, b: int, yy: int) -> Mention | None:
    """7/8/07: a two-digit year (the century is settled by the document's date later)."""
    mention.detail["two_digit_year"] = yy
    return _numeric(mention, a, b, 2000 + yy if yy < 50 else 1900 + yy)


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

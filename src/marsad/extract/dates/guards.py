"""Is it a date at all? The words around a match that a pattern alone cannot weigh.

A four-digit number is a year in "the 1998 competition" and "between 2014 and 2016", a count in "2000
fighters" and "about 1500 people"; "May" is a month in "in May" and a verb in "they may"; «مارس» is March
after «في» and "he practised" elsewhere. Case is read from the original text (the folded copy is lower-case).
"""

from __future__ import annotations

import re

from marsad.extract.dates.lexicon import COUNT_NOUNS_EN
from marsad.extract.dates.mention import Mention
from marsad.text.fold import Folded

_AR = re.compile(r"[\u0621-\u064a]")
_WORD_AFTER = re.compile(r"\s*([^\W\d_]+)")
_WORD_BEFORE = re.compile(r"([^\W\d_]+)[\s.]*$")
# words before a number that make it a count or a label: "about 2000", "No. 2014", "$1999", "flight 1907"
_COUNT_BEFORE = frozenset(
    """about around approximately nearly almost over more than less fewer some up least most only just exactly
    roughly total estimated another additional extra further no number issue issues edition page pages flight
    route model version room item article section resolution law code km kilometers kilometres miles pp vol
    volume chapter verse part episode hotline tel phone fax box suite unit units""".split()
)
_DETERMINERS = frozenset("the its his her their our your a an this that these those whose".split())
_TIME_AFTER = re.compile(r"\s*(?:gmt|utc|hours?|hrs|h\b|local\s+time|zulu|z\b)", re.IGNORECASE)
_AR_YEAR_CUE_AFTER = re.compile(r"\s*(?:م(?![\u0621-\u064a])|ميلادي|[-–—،,.;:)\]»\"'”]|$|\n)")
_AR_YEAR_CUE_BEFORE = re.compile(r"(?:[(\[«\"“،,:\-–—]|^|\n)\s*$")
_NEAR_YEAR = re.compile(r"(?:19|20)\d\d")
_EN_ABBREV_MONTHS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())


def original_text(folded: Folded, original: str, start: int, end: int) -> str:
    a, b = folded.original_span(start, end)
    return original[a:b]


# (folded) a period noun before an Arabic ordinal: «الأسبوع الأول من مارس» is the first week, not 1 March
_PERIOD_BEFORE_ORDINAL = re.compile(
    r"(?<![\u0621-\u064a])(?:ال)?(?:اسبوع|اسبوعين|عشر|عشره|نصف|ربع|ثلث|يومين|ايام|اسابيع)\s+$"
)


def keep(m: Mention, folded: Folded, original: str) -> bool:
    ordinal_day = m.day is not None and not folded.text[m.start : m.start + 1].isdigit()
    if m.lang == "ar" and ordinal_day and _PERIOD_BEFORE_ORDINAL.search(folded.text, max(0, m.start - 12), m.start):
        return False
    if m.form == "year-bare":
        return _bare_year(m, folded, original)
    if m.form == "month":
        return _bare_month(m, folded, original)
    return True


def _arabic_context(text: str, start: int, end: int) -> bool:
    return bool(_AR.search(text, max(0, start - 12), start) or _AR.search(text, end, end + 12))


def _bare_year(m: Mention, folded: Folded, original: str) -> bool:
    text = folded.text
    if m.lang == "ar":  # «بين 2014 و2016»: a year glued to «و» counts only beside another year
        return bool(_NEAR_YEAR.search(text, max(0, m.start - 30), m.start))
    if _arabic_context(text, m.start, m.end):
        return bool(
            _AR_YEAR_CUE_AFTER.match(text, m.end) or _AR_YEAR_CUE_BEFORE.search(text, max(0, m.start - 3), m.start)
        )
    if _TIME_AFTER.match(text, m.end):
        return False  # "at 2000 GMT", "1800 hours"
    before = _WORD_BEFORE.search(text, max(0, m.start - 30), m.start)
    word_before = before.group(1) if before else ""
    if word_before in _COUNT_BEFORE or (m.start > 0 and text[m.start - 1] in "$£€#"):
        return False
    after = _WORD_AFTER.match(text, m.end)
    if after and after.group(1) in COUNT_NOUNS_EN and word_before not in _DETERMINERS:
        return _possessive_before(text, m.start)  # "2000 fighters" is a count, "Iraq's 2005 elections" a year
    return True


def _possessive_before(text: str, start: int) -> bool:
    """ "Iraq's 2005 elections": a year that a possessive owns."""
    return bool(re.search(r"['’]s\s*$", text[max(0, start - 4) : start]))


def _bare_month(m: Mention, folded: Folded, original: str) -> bool:
    cue = m.detail.get("cue")
    if m.lang == "ar":
        return cue is not None  # «في مارس», «ومارس»: a preposition or a clitic before it
    word = re.split(r"[\s-]+", original_text(folded, original, m.start, m.end).strip())[-1]  # "mid-September"
    if not word[:1].isupper():
        return False  # "august company", "they may"
    key = word.rstrip(".").lower()
    if key in ("may", "march") or key in _EN_ABBREV_MONTHS:
        return bool(cue) or m.part is not None
    return True

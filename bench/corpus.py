"""A synthetic, varied EN/AR analytic corpus for benchmarks: no two texts alike, no propaganda.

Texts are built from neutral analytic vocabulary, function words, numbers and dates, so that every document is unique
and the word distribution has both frequent and rare terms, as a real collection does.
"""

from __future__ import annotations

import functools
import json
import random
from collections.abc import Iterator
from pathlib import Path

EN_WORDS = (
    "analysts monitors newsletter issue weekly report statement spokesman channel campaign claims "
    "media outlet province release audio video leadership succession editorial coverage silence "
    "response event archive source timeline dating cadence thursday publication series translation "
    "summary researchers observed recorded noted compared earlier later previous following week "
    "month year group network supporters official unofficial distribution platform account removal "
    "moderation region border town security forces operation reports casualties displaced "
    "humanitarian negotiation ceasefire election ministry court trial sanctions designation list "
    "reference alias spelling transliteration variant "
).split()
AR_WORDS = (
    "المحللون المراصد الصحيفة العدد الأسبوعية التقرير البيان المتحدث القناة الحملة الادعاءات "
    "الإعلام المؤسسة الولاية الإصدار الصوتي المرئي القيادة الخلافة الافتتاحية التغطية الصمت الرد "
    "الحدث الأرشيف المصدر التسلسل التأريخ الإيقاع الخميس النشر السلسلة الترجمة الملخص الباحثون رصد "
    "سجل لاحظ قارن سابقا لاحقا الأسبوع الشهر العام الجماعة الشبكة المناصرون الرسمي التوزيع المنصة "
    "الحساب الحذف المنطقة الحدود البلدة القوات العملية الضحايا النازحون الإنساني التفاوض الهدنة "
    "الانتخابات الوزارة المحكمة العقوبات التصنيف القائمة المرجع الكنية التهجئة النقل الصيغة غزة "
    "القدس سوريا العراق أفريقيا "
).split()
NAMES_EN = ["Abu Hudhayfah al-Ansari", "Abu Hafs al-Hashimi al-Qurashi", "al-Naba", "Amaq", "al-Furqan"]
NAMES_AR = ["أبو حذيفة الأنصاري", "أبي حفص الهاشمي القرشي", "صحيفة النبأ", "وكالة أعماق", "مؤسسة الفرقان"]
MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
MONTHS_AR = [
    "كانون الثاني",
    "شباط",
    "آذار",
    "نيسان",
    "أيار",
    "حزيران",
    "تموز",
    "آب",
    "أيلول",
    "تشرين الأول",
    "تشرين الثاني",
    "كانون الأول",
]
AR_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def _zipf_pick(rng: random.Random, words: list[str]) -> str:
    return words[min(int(rng.paretovariate(1.1)) - 1, len(words) - 1)]


EN_FUNCTION = "the the the of of and in on to was that with by for a".split()
AR_FUNCTION = "في من على إلى عن أن التي الذي مع بعد".split()


WRONG_ISSUE_DATES = 0.005  # share of issue mentions whose sentence gives another date than al-Naba's cadence


@functools.cache
def _issue_day(issue: int) -> tuple[int, int, int]:
    """The date the shipped watchlist's al-Naba cadence gives the issue (day, month index, year)."""
    from marsad.analyze.cadence import cadence_from_watchlist
    from marsad.kb import load_watchlist

    watchlist = load_watchlist()
    naba = watchlist.by_name("al-Naba")
    day = cadence_from_watchlist(watchlist.cadence[naba.id]).expected(issue)
    return day.day, day.month - 1, day.year


def sentence(rng: random.Random, arabic: bool, serial: int) -> str:
    words = AR_WORDS if arabic else EN_WORDS
    function = AR_FUNCTION if arabic else EN_FUNCTION
    body = [_zipf_pick(rng, words) if rng.random() < 0.65 else rng.choice(function) for _ in range(rng.randint(10, 22))]
    issue = rng.randint(1, 520)
    if rng.random() < WRONG_ISSUE_DATES:
        day, month, year = rng.randint(1, 28), rng.randrange(12), rng.randint(2014, 2025)
    else:  # most sentences that name an issue give its date right, as real notes do
        day, month, year = _issue_day(issue)
    if arabic:
        date = f"{str(day).translate(AR_DIGITS)} {MONTHS_AR[month]} {str(year).translate(AR_DIGITS)}"
        extra = [rng.choice(NAMES_AR), date, f"العدد {issue}", f"رقم{serial}"]
    else:
        extra = [
            rng.choice(NAMES_EN),
            f"{day} {MONTHS_EN[month]} {year}",
            f"issue {issue}",
            f"ref{serial}",
        ]
    for piece in extra:
        body.insert(rng.randrange(len(body) + 1), piece)
    text = " ".join(body)
    return (text + ".") if not arabic else (text + "، " + _zipf_pick(rng, words) + ".")


def document_text(rng: random.Random, serial: int) -> tuple[str, str]:
    arabic = rng.random() < 0.45
    paragraphs = []
    for p in range(rng.randint(2, 5)):
        paragraphs.append(" ".join(sentence(rng, arabic, serial * 10 + p) for _ in range(rng.randint(1, 4))))
    return ("ar" if arabic else "en"), "\n\n".join(paragraphs)


def iter_texts(n: int, seed: int = 20231019) -> Iterator[tuple[int, str, str]]:
    rng = random.Random(seed)
    for i in range(n):
        lang, text = document_text(rng, i)
        yield i, lang, text


def write_corpus(root: Path, n: int, html_share: float = 0.0, text_share: float = 0.3) -> list[str]:
    """Write n documents under root as .txt files, .html pages and .jsonl dumps; return all texts."""
    (root / "text").mkdir(parents=True, exist_ok=True)
    (root / "html").mkdir(exist_ok=True)
    (root / "jsonl").mkdir(exist_ok=True)
    texts: list[str] = []
    dump, dump_lines = None, 0
    rng = random.Random(7)
    for i, lang, text in iter_texts(n):
        texts.append(text)
        r = rng.random()
        if r < html_share:
            paras = "".join(f"<p>{p}</p>" for p in text.split("\n\n"))
            page = (
                f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>Note {i}</title>'
                f'<link rel="canonical" href="https://bench.example.org/{2014 + i % 11}/{1 + i % 12:02d}/'
                f'{1 + i % 28:02d}/note-{i}"></head><body><nav>home</nav><article>{paras}</article>'
                f"<footer>bench</footer></body></html>"
            )
            (root / "html" / f"{i:07d}.html").write_text(page, encoding="utf-8")
        elif r < html_share + text_share:
            (root / "text" / f"{i:07d}.txt").write_text(text, encoding="utf-8")
        else:
            if dump is None or dump_lines >= 1000:
                if dump is not None:
                    dump.close()
                dump = (root / "jsonl" / f"{i:07d}.jsonl").open("w", encoding="utf-8")
                dump_lines = 0
            record = {"id": f"b{i}", "text": text, "language": lang, "published": f"{2014 + i % 11}-01-01"}
            dump.write(json.dumps(record, ensure_ascii=False) + "\n")
            dump_lines += 1
    if dump is not None:
        dump.close()
    return texts

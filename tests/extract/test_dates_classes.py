"""Every class of date a reader anchors, in English and Arabic: one row a phrase of our own, the document's date
it is read against, the evidence it must cite, its value, its end and its precision (day, month, year, or the
period: week, weekend, quarter, half, season, part, decade)."""

from __future__ import annotations

import pytest

from marsad.extract.dates import DateExtractor
from marsad.model import Document, PartialDate, Statement
from marsad.store.facts import precision_of

EX = DateExtractor()


def extract(text: str, published: str | None) -> list[Statement]:
    doc = Document(
        "c" * 64, "note.txt", "text/plain", text, len(text), published=PartialDate(published) if published else None
    )
    return EX.extract(doc)


def read(text: str, published: str | None) -> list[tuple[str, str, str | None, str]]:
    out = []
    for s in extract(text, published):
        if s.kind == "date" and s.date is not None:
            e = s.evidence[0]
            out.append((text[e.start : e.end], s.date.value, s.date.end, precision_of(s.date)))
    return out


ROWS = [
    # -- a weekday on its own: the one on or before the document's date, after it in a future clause
    ("weekday", "The group released the audio on Tuesday.", "2024-01-11", "Tuesday", "2024-01-09", None, "day"),
    ("weekday", "The delegation will meet the envoy on Tuesday.", "2024-01-11", "Tuesday", "2024-01-16", None, "day"),
    (
        "weekday",
        "Officials confirmed the death Thursday in a statement.",
        "2024-01-11",
        "Thursday",
        "2024-01-11",
        None,
        "day",
    ),
    ("weekday", "It was posted last Friday.", "2024-01-11", "last Friday", "2024-01-05", None, "day"),
    ("weekday", "نشر التنظيم البيان يوم الخميس", "2024-01-13", "يوم الخميس", "2024-01-11", None, "day"),
    ("weekday", "صدر العدد الخميس الماضي", "2024-01-13", "الخميس الماضي", "2024-01-11", None, "day"),
    ("weekday", "أعلن التنظيم، الأربعاء، مقتل قائده", "2024-01-13", "الأربعاء", "2024-01-10", None, "day"),
    ("weekday", "وقال الجيش في بيان الأحد، إن العملية انتهت", "2024-01-13", "الأحد", "2024-01-07", None, "day"),
    # -- today and its neighbours
    ("today", "The spokesman's speech was published today.", "2024-01-04", "today", "2024-01-04", None, "day"),
    ("today", "Earlier today the channel posted a notice.", "2024-01-04", "Earlier today", "2024-01-04", None, "day"),
    ("today", "The trailer appeared yesterday.", "2024-01-04", "yesterday", "2024-01-03", None, "day"),
    ("today", "أعلن التنظيم اليوم تعيين متحدث جديد", "2024-01-04", "اليوم", "2024-01-04", None, "day"),
    ("today", "أكد التنظيم أمس الأربعاء مقتل قائده", "2024-01-04", "أمس الأربعاء", "2024-01-03", None, "day"),
    ("today", "بث التسجيل أول أمس", "2024-01-04", "أول أمس", "2024-01-02", None, "day"),
    # -- a month without its year: the last one (or the next, in a future clause)
    ("month", "The group lost the town in June.", "2024-09-20", "June", "2024-06", None, "month"),
    ("month", "The group lost the town in October.", "2024-03-20", "October", "2023-10", None, "month"),
    ("month", "Elections are expected to take place in October.", "2024-03-20", "October", "2024-10", None, "month"),
    ("month", "سيطر التنظيم على المدينة في نيسان", "2024-09-20", "نيسان", "2024-04", None, "month"),
    ("month", "قتل في مارس الماضي", "2024-09-20", "مارس الماضي", "2024-03", None, "month"),
    ("month", "He was named in March this year.", "2024-09-20", "March this year", "2024-03", None, "month"),
    ("month", "صدر العدد في يونيو من العام الجاري", "2024-09-20", "يونيو من العام الجاري", "2024-06", None, "month"),
    # -- the same day, that day, the day before and after: the date just given
    (
        "same-day",
        "The raid was on 26 October 2019. The group confirmed it the same day.",
        None,
        "the same day",
        "2019-10-26",
        None,
        "day",
    ),
    (
        "same-day",
        "The raid was on 26 October 2019; the next day the group named a successor.",
        None,
        "the next day",
        "2019-10-27",
        None,
        "day",
    ),
    (
        "same-day",
        "The raid was on 26 October 2019. The day before, drones were seen.",
        None,
        "The day before",
        "2019-10-25",
        None,
        "day",
    ),
    (
        "same-day",
        "وقعت الغارة في 26 أكتوبر 2019، وفي اليوم نفسه أعلن التنظيم مقتله",
        None,
        "اليوم نفسه",
        "2019-10-26",
        None,
        "day",
    ),
    (
        "same-day",
        "وقعت الغارة في 26 أكتوبر 2019، وفي اليوم التالي أعلن التنظيم مقتله",
        None,
        "اليوم التالي",
        "2019-10-27",
        None,
        "day",
    ),
    ("same-day", "صدر البيان غداة 7 أكتوبر 2023", None, "غداة 7 أكتوبر 2023", "2023-10-08", None, "day"),
    # -- a year standing alone, in ranges and as an adjective
    ("year", "The 1991 settlement ended the war.", None, "1991", "1991", None, "year"),
    ("year", "It will take delivery between 2014 and 2016.", None, "2014", "2014", "2016", "year"),
    ("year", "It will take delivery between 2014 and 2016.", None, "2016", "2016", None, "year"),
    ("year", "Six aircraft arrive from 2009 to 2011.", None, "2011", "2011", None, "year"),
    ("year", "نفذ التنظيم هجماته بين 2014 و2016", None, "2016", "2016", None, "year"),
    ("year", "Iraq's 2005 elections were boycotted.", None, "2005", "2005", None, "year"),
    # -- quarters and halves
    (
        "quarter",
        "Profits fell in the third quarter of 2008.",
        None,
        "the third quarter of 2008",
        "2008-07",
        "2008-09",
        "quarter",
    ),
    ("quarter", "Deliveries slipped to Q3 2008.", None, "Q3 2008", "2008-07", "2008-09", "quarter"),
    (
        "quarter",
        "The company posted a loss in the fourth quarter.",
        "2009-02-10",
        "the fourth quarter",
        "2008-10",
        "2008-12",
        "quarter",
    ),
    (
        "quarter",
        "ارتفعت الهجمات في الربع الأول من عام 2020",
        None,
        "الربع الأول من عام 2020",
        "2020-01",
        "2020-03",
        "quarter",
    ),
    ("half", "Attacks rose in the first half of 2016.", None, "the first half of 2016", "2016-01", "2016-06", "half"),
    ("half", "تراجعت الهجمات في النصف الثاني من 2016", None, "النصف الثاني من 2016", "2016-07", "2016-12", "half"),
    # -- weeks and weekends: a period, never a made-up day
    ("week", "The channel went quiet last week.", "2024-01-11", "last week", "2024-01-01", "2024-01-07", "week"),
    (
        "week",
        "The Coalition killed him earlier this week.",
        "2024-01-11",
        "earlier this week",
        "2024-01-08",
        "2024-01-10",
        "week",
    ),
    (
        "week",
        "توقفت القناة عن النشر الأسبوع الماضي",
        "2024-01-11",
        "الأسبوع الماضي",
        "2024-01-01",
        "2024-01-07",
        "week",
    ),
    (
        "weekend",
        "The raid happened at the weekend.",
        "2019-10-31",
        "the weekend",
        "2019-10-26",
        "2019-10-27",
        "weekend",
    ),
    ("weekend", "The claims came this weekend.", "2024-01-15", "this weekend", "2024-01-13", "2024-01-14", "weekend"),
    (
        "weekend",
        "وقعت الهجمات في نهاية الأسبوع الماضي",
        "2024-01-17",
        "نهاية الأسبوع الماضي",
        "2024-01-13",
        "2024-01-14",
        "weekend",
    ),
    # -- seasons
    ("season", "Inspire 8 is dated fall 2011.", None, "fall 2011", "2011-09", "2011-11", "season"),
    ("season", "The campaign ran in the summer of 2014.", None, "summer of 2014", "2014-06", "2014-08", "season"),
    ("season", "The offensive began last summer.", "2024-03-01", "last summer", "2023-06", "2023-08", "season"),
    ("season", "شن التنظيم هجماته في صيف 2014", None, "صيف 2014", "2014-06", "2014-08", "season"),
    # -- decades
    ("decade", "The movement grew in the 1990s.", None, "the 1990s", "1990", "1999", "decade"),
    ("decade", "It began in the early 1980s.", None, "the early 1980s", "1980", "1983", "decade"),
    (
        "decade",
        "نشأت الجماعة في التسعينيات من القرن الماضي",
        None,
        "التسعينيات من القرن الماضي",
        "1990",
        "1999",
        "decade",
    ),
    # -- parts of a month or a year
    ("part", "The speech was recorded after mid-September.", "2020-10-19", "mid-September", "2020-09", None, "month"),
    ("part", "Attacks were reported in early 2025.", None, "early 2025", "2025-01", "2025-04", "part"),
    ("part", "قتل في منتصف الشهر الماضي", "2024-03-20", "منتصف الشهر الماضي", "2024-02", None, "month"),
    ("part", "أعلن عن الحملة في مطلع أكتوبر", "2024-11-20", "مطلع أكتوبر", "2024-10", None, "month"),
    ("part", "تراجع نشاطه في أواخر العام الماضي", "2024-03-20", "أواخر العام الماضي", "2023", None, "year"),
    ("part", "The plant will close by the end of the year.", "2008-10-10", "the end of the year", "2008", None, "year"),
    # -- "N units after <event>" counted from that event's date, and from the date just given
    (
        "offset",
        "He spoke on 4 January 2024, 89 days after 7 October 2023.",
        None,
        "89 days after 7 October 2023",
        "2024-01-04",
        None,
        "day",
    ),
    (
        "offset",
        "The attack came on 7 October 2023. Three days later the group spoke.",
        None,
        "Three days later",
        "2023-10-10",
        None,
        "day",
    ),
    (
        "offset",
        "The channel closed on 3 March 2024 and reopened two weeks later.",
        None,
        "two weeks later",
        "2024-03-17",
        None,
        "day",
    ),
    ("offset", "قتل في 3 آذار 2024 وبعد أسبوع أعلن التنظيم مقتله", None, "بعد أسبوع", "2024-03-10", None, "day"),
    ("offset", "قتل قبل ثلاثة أيام", "2024-03-10", "قبل ثلاثة أيام", "2024-03-07", None, "day"),
    ("offset", "قتل زعيم الجماعة منذ شهر", "2024-03-10", "منذ شهر", "2024-02", None, "month"),
    # -- years a nearby sentence, a tense or a range end must not change
    (
        "year-of",
        "The A380 will fly in November 2006. It arrives on November 11 in Singapore.",
        "2005-11-05",
        "November 11",
        "2005-11-11",
        None,
        "day",
    ),
    (
        "year-of",
        "Leaders will meet on November 18 to sign the accord.",
        "2024-12-02",
        "November 18",
        "2025-11-18",
        None,
        "day",
    ),
    ("year-of", "He ruled from 16 October 2022 – 29 April 2023.", None, "29 April 2023", "2023-04-29", None, "day"),
    (
        "year-of",
        "He ruled from 16 October 2022 – 29 April 2023.",
        None,
        "16 October 2022",
        "2022-10-16",
        "2023-04-29",
        "day",
    ),
    (
        "year-of",
        "Vigils marked the tenth anniversary of the 11 September 2001 attacks.",
        None,
        "the tenth anniversary of the 11 September 2001",
        "2011-09-11",
        None,
        "day",
    ),
    (
        "year-of",
        "وأقيمت فعاليات في الذكرى العاشرة لهجمات 11 سبتمبر 2001",
        None,
        "الذكرى العاشرة لهجمات 11 سبتمبر 2001",
        "2011-09-11",
        None,
        "day",
    ),
    ("year-of", "The stamp reads 7/8/07 on the cover.", "2007-07-09", "7/8/07", "2007-07-08", None, "day"),
    # -- Hijri months without their year, and with a Gregorian one
    ("hijri", "The campaign peaked during Ramadan.", "2024-05-01", "Ramadan", "2024-03-11", "2024-04-09", "month"),
    ("hijri", "تصاعدت الهجمات في شهر رمضان", "2024-05-01", "شهر رمضان", "2024-03-11", "2024-04-09", "month"),
    ("hijri", "The attacks of Ramadan 2020 were claimed.", None, "Ramadan 2020", "2020-04-24", "2020-05-23", "month"),
]


@pytest.mark.parametrize(("cls", "text", "published", "evidence", "value", "end", "precision"), ROWS)
def test_every_class_of_date(
    cls: str, text: str, published: str | None, evidence: str, value: str, end: str | None, precision: str
) -> None:
    assert (evidence, value, end, precision) in read(text, published), cls


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("They may attack again and march on the capital.", "2024-01-11"),
        ("About 2000 fighters and 1500 civilians left; $2019 was paid.", "2024-01-11"),
        ("The meeting is at 2000 GMT.", "2024-01-11"),
        ("قال محمد الخميس إن الوضع هادئ", "2024-01-11"),
        ("يؤمن بالله واليوم الآخر", "2024-01-11"),
        ("قتل 2000 مقاتل في المعارك", "2024-01-11"),
        ("He is in his early forties; she is in her twenties.", "2024-01-11"),
        ("وهو في أوائل الأربعينيات من عمره", "2024-01-11"),
        ("For the first time in five years he appeared, للمرة الأولى منذ خمس سنوات.", "2024-01-11"),
        ("The group releases a video every Friday.", "2024-01-11"),
    ],
)
def test_words_that_are_not_dates(text: str, published: str) -> None:
    assert read(text, published) == []


def test_relative_phrases_need_a_document_date() -> None:
    assert read("The group spoke on Tuesday, yesterday, last week and in June.", None) == []

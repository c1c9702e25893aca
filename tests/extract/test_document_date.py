"""The document's own date: where it comes from, which source wins, and when a page's date cannot be trusted."""

from __future__ import annotations

from typing import Any

import pytest

from marsad.extract.dates import DateExtractor
from marsad.model import Document, PartialDate, Statement

EX = DateExtractor()


def doc(text: str, meta: dict[str, Any] | None = None, published: str | None = None, source: str = "") -> Document:
    return Document(
        "e" * 64,
        "page.html",
        "text/html",
        text,
        len(text),
        published=PartialDate(published) if published else None,
        published_from=source or None,
        meta=meta or {},
    )


def dated(d: Document, phrase: str) -> str | None:
    for s in EX.extract(d):
        e = s.evidence[0]
        if s.kind == "date" and s.date is not None and d.text[e.start : e.end] == phrase:
            return s.date.value
    return None


def findings(d: Document) -> list[Statement]:
    return [s for s in EX.extract(d) if s.kind == "inconsistency"]


@pytest.mark.parametrize(
    ("text", "value", "source"),
    [
        (
            "Spokesman speaks again\nBy A. Writer (@writer) on 28 May 2020\nThe audio came out yesterday.",
            "2020-05-28",
            "byline",
        ),
        ("Spokesman speaks again\nOctober 19, 2020\nThe audio came out yesterday.", "2020-10-19", "dateline"),
        ("16 ديسمبر 2017 م\nمرصد: العدد الأخير من الصحيفة صدر يوم الخميس الماضي", "2017-12-16", "dateline"),
        ("date 2022-11-30 The group confirmed yesterday the death of its leader.", "2022-11-30", "dateline"),
        ("تاريخ النشر: 11th, March 2024 GMT\nأعلن التنظيم الأحد وفاة زعيمه", "2024-03-11", "dateline"),
        ("أعلن التنظيم، اليوم الخميس، 31 تشرين الأول، 2019، تعيين خليفة جديد", "2019-10-31", "today"),
        ("حرية – (11/3/2024)\nأكد التنظيم أمس الأحد مقتل زعيمه", "2024-03-11", "dateline"),
    ],
)
def test_datelines_in_the_first_lines(text: str, value: str, source: str) -> None:
    found = EX.document_date(doc(text))
    assert found.date is not None and found.date.value == value
    assert found.chosen is not None and found.chosen.source.startswith(source)


def test_the_dateline_anchors_what_follows() -> None:
    d = doc("Spokesman speaks again\nBy A. Writer on 28 May 2020\nThe audio came out yesterday.")
    assert dated(d, "yesterday") == "2020-05-27"


@pytest.mark.parametrize(
    "text",
    [
        # a site's calendar widget: weekday, Hijri and Gregorian, then the article about something else
        "X إغلاق\nالثلاثاء 18 ذو الحجة 1440 | 20 آب 2019\nنشرت المؤسسة مقطع فيديو في مارس الماضي",
        # an infobox line is a fact of the biography, not the page's date
        "Abu X\n- Term Start: 3 August 2023\n- Predecessor: Abu Y\nHe spoke on Thursday.",
        # a revision stamp of an encyclopedia page
        "This is an old revision of this page, as edited by Someone at 02:56, 30 September 2023.\nHe spoke Thursday.",
    ],
)
def test_lines_that_are_not_the_articles_date(text: str) -> None:
    assert EX.document_date(doc(text)).date is None


def test_a_dateline_far_after_everything_the_article_dates_is_a_visit_not_the_article() -> None:
    text = (
        "Social Media\nTuesday, October 8, 2024\nVoice: Issue 22\nOn February 16, 2022, the outlet published the issue."
        " It discussed the earthquake of February 2023 and a death on February 5, 2023."
    )
    d = doc(text)
    assert EX.document_date(d).date is None
    (finding,) = findings(d)
    assert finding.predicate == "document_date_far_from_content"
    assert finding.detail["latest_content_date"] == "2023-02-28"


def test_metadata_wins_and_a_disagreeing_dateline_is_a_finding() -> None:
    d = doc(
        "Headline\nMarch 3, 2021\nThe group spoke on Tuesday.",
        meta={"date_candidates": [["2021-05-20", "meta:article:published_time"], ["2021/05/20", "url"]]},
    )
    assert EX.document_date(d).date == PartialDate("2021-05-20", anchor="document-metadata")
    (finding,) = findings(d)
    assert finding.predicate == "document_dates_disagree" and finding.detail["days_apart"] == 78


def test_a_url_month_is_refined_by_a_dateline_inside_it() -> None:
    d = doc("Headline\nDecember 9, 2016\nHe spoke on Monday.", meta={"date_candidates": [["2016-12", "url"]]})
    found = EX.document_date(d)
    assert found.date is not None and found.date.value == "2016-12-09"
    assert dated(d, "Monday") == "2016-12-05"
    assert findings(d) == []


def test_a_record_date_comes_first() -> None:
    d = doc("Headline\nMarch 3, 2021\nPosted.", published="2021-03-04", source="telegram:date")
    assert EX.document_date(d).date == PartialDate("2021-03-04")


def test_today_with_a_weekday_the_date_does_not_have_is_a_finding() -> None:
    d = doc("أعلن التنظيم اليوم الخميس تعيين متحدث جديد", meta={"date_candidates": [["2019-10-30", "url"]]})
    (finding,) = findings(d)
    assert finding.predicate == "document_date_weekday"
    assert finding.detail["weekday_written"] == "Thursday" and finding.detail["weekday_of_date"] == "Wednesday"


def test_each_post_of_an_archive_page_is_dated_by_its_own_byline() -> None:
    text = (
        "Tag: the spokesman\nFirst post\nBy A. Writer on 21 March 2019\nOn 14 March the spokesman spoke.\n"
        "Second post\nBy A. Writer on 9 December 2016\nOn 5 December the group named a new spokesman."
    )
    d = doc(text)
    assert dated(d, "14 March") == "2019-03-14"
    assert dated(d, "5 December") == "2016-12-05"


@pytest.mark.parametrize(
    "body",
    [  # the twins: a body that counts from its own day ("on Sunday", «أمس») was written then; old dates are background
        "The group announced on Sunday the death of its leader. He had led it since February 2020, after June 2015.",
        "أعلن التنظيم أمس الأحد وفاة زعيمه، الذي تولى القيادة في فبراير 2020 بعد أحداث يونيو 2015.",
    ],
)
def test_a_dateline_far_after_background_dates_holds_when_the_body_counts_from_it(body: str) -> None:
    d = doc(f"Published 11 March 2024\n{body}")
    got = EX.document_date(d).date
    assert got is not None and got.value == "2024-03-11"
    assert [f for f in findings(d) if f.predicate == "document_date_far_from_content"] == []

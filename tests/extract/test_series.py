"""Publication issues of a series, linked and dated, phrase by phrase."""

from __future__ import annotations

import pytest

from marsad.extract.series import SeriesExtractor
from marsad.model import Document, PartialDate

EX = SeriesExtractor()


def issues(text: str, published: str | None = None) -> list[tuple[str, int, str | None, str]]:
    doc = Document("c" * 64, "s", "text/plain", text, 0, published=PartialDate(published) if published else None)
    out = []
    for s in EX.extract(doc):
        e = s.evidence[0]
        out.append(
            (text[e.start : e.end], int(s.detail["issue"]), s.date.value if s.date else None, s.detail["series"])
        )
    return out


@pytest.mark.parametrize(
    ("text", "evidence", "issue", "date"),
    [
        ("The weekly al-Naba: issue 412 came out late.", "issue 412", 412, None),
        ("Our copy of issue.416 of al-Naba is torn.", "issue.416", 416, None),
        ("Al-Naba 413 (19 October 2023) said nothing.", "Al-Naba 413 (19 October 2023)", 413, "2023-10-19"),
        ("We read al-Naba #454 closely.", "al-Naba #454", 454, None),
        ("Al-Naba (No.49, 2 Muharram 1437) pictured.", "Al-Naba (No.49, 2 Muharram 1437)", 49, "2015-10-15"),
        ("صدر العدد ٤١٢ من صحيفة النبأ", "العدد ٤١٢", 412, None),
        ("خصصت صحيفة النبأ في عددها 414 افتتاحيتها لغزة", "عددها 414", 414, None),  # «عددها»: its issue
        ("العدد 112 الصادر يوم الخميس الماضى من صحيفة النبأ", "العدد 112 الصادر يوم الخميس الماضى", 112, "2017-12-28"),
        ("Al-Naba history. First issueOctober 16, 2015", "First issueOctober 16, 2015", 1, "2015-10-16"),
    ],
)
def test_issues(text: str, evidence: str, issue: int, date: str | None) -> None:
    assert (evidence, issue, date, "al-Naba") in issues(text, "2017-12-31")


def test_an_issue_range_is_each_issue() -> None:
    got = issues("The last al-Naba issues 478-479 covered Africa.")
    assert [(n, s) for _, n, _, s in got] == [(478, "al-Naba"), (479, "al-Naba")]


def test_no_series_no_issues() -> None:
    assert issues("Issue 412 of the quarterly magazine was late.") == []


def test_naba_meaning_news_is_not_the_series() -> None:
    assert issues("وصل النبأ إلى القرية، وفي رقم 12 من الشارع") == []


def test_date_of_a_following_sentence_is_not_taken() -> None:
    (got,) = issues("Al-Naba issue 412 was short. On 12 October 2023 the group spoke.")
    assert got[2] is None


def test_a_magazine_infobox_row_gives_the_final_number_and_its_date() -> None:
    text = "Rumiyah\nPublisher Al Hayat\nFinal issue\n— Number\n9 September 2017\n13\nCountry Syria"
    assert ("Final issue\n— Number\n9 September 2017\n13", 13, "2017-09-09", "Rumiyah") in issues(text)


def test_a_day_of_a_date_after_number_is_not_an_issue() -> None:
    # "Number / 9 September 2017": the 9 is the day; "issue 9, September 2017" keeps its comma and its issue
    assert [n for _, n, _, _ in issues("Rumiyah, number\n9 September 2017.")] == []
    assert [n for _, n, _, _ in issues("Rumiyah issue 9, September 2017.")] == [9]


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        (
            "Inspire issues eleven and twelve came out. These issues, released in June 2013, sold.",
            [11, 12, 11, 12],
        ),
        ("صدر العددان 40 و41 من صحيفة النبأ. وقد نُشر هذان العددان في يوم واحد.", [40, 41, 40, 41]),
        # a single issue before: "these issues" is not it
        ("Inspire issue 11 came out. These issues are hard to find.", [11]),
    ],
)
def test_these_issues_are_the_issues_just_listed(text: str, numbers: list[int]) -> None:
    assert [n for _, n, _, _ in issues(text)] == numbers


def test_these_issues_take_the_date_they_are_given() -> None:
    got = issues("Inspire issues eleven and twelve came out. These issues, released on 3 June 2013, were thin.")
    assert [(n, d) for e, n, d, _ in got if e.startswith("These")] == [(11, "2013-06-03"), (12, "2013-06-03")]


def test_an_article_of_the_one_issue_a_page_discusses() -> None:
    text = (
        "حلل الباحثون العدد 200 من صحيفة النبأ الصادر في 20 سبتمبر 2019. "
        'وقد نشرت صحيفة النبأ مقالا تحت عنوان "رسالة إلى الأنصار" في صفحتها الأخيرة.'
    )
    got = [x for x in issues(text) if "عنوان" in x[0]]
    assert got == [('مقالا تحت عنوان "رسالة إلى الأنصار"', 200, "2019-09-20", "al-Naba")]
    twin = 'قارن الباحثون العدد 200 والعدد 201 من صحيفة النبأ. ونشرت صحيفة النبأ مقالا بعنوان "رسالة إلى الأنصار".'
    assert [x for x in issues(twin) if "عنوان" in x[0]] == []


def test_an_english_editorial_of_the_issue_under_review() -> None:
    text = "Issue 450 of al-Naba appeared on 21 July 2024. Its editorial titled 'The Long Road' blamed rivals."
    got = [x for x in issues(text) if "editorial" in x[0]]
    assert got == [("editorial titled 'The Long Road'", 450, "2024-07-21", "al-Naba")]


def test_the_first_broadcast_of_a_news_channel() -> None:
    text = "Al-Shabaab announced the al-Kataib News Channel; it aired its first broadcast a week later."
    assert [(n, s) for _, n, _, s in issues(text)] == [(1, "al-Kataib News Channel")]


@pytest.mark.parametrize(
    ("text", "date"),
    [  # a date after a clause about the issue's content dates that content, not the issue
        ("In issue 412, al-Naba claimed an attack in Mosul on 3 October 2023.", None),
        ("In its issue 412, al-Naba reported that fighters had killed five soldiers on 3 October 2023.", None),
        ("The editorial of al-Naba 412 discussed the Hamas attack of 7 October 2023.", None),
        ("وفي العدد 412 من صحيفة النبأ، تبنى التنظيم هجوما في الموصل يوم 3 أكتوبر 2023.", None),
        ("وتحدث العدد 412 من صحيفة النبأ عن هجوم 7 أكتوبر 2023.", None),
        # the twins: the date set beside the issue, or after its release verb
        ("Al-Naba issue 412, released on 12 October 2023, claimed an attack in Mosul.", "2023-10-12"),
        ("صدر العدد 412 من صحيفة النبأ يوم الخميس 12 أكتوبر 2023.", "2023-10-12"),
    ],
)
def test_a_date_of_the_issues_content_is_not_the_issues(text: str, date: str | None) -> None:
    ((_, issue, got, _),) = issues(text)
    assert issue == 412 and got == date

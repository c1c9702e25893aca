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

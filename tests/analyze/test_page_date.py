"""`marsad check`: a page dated to a month by its URL, whose weekday or deictic phrase fits no day of that month
for what it dates; each beside a consistent twin (the same page at a URL of the right month)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Marsad

PAGE = """<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>Weekly review</title>
<link rel="canonical" href="https://news.example.org/{month}/weekly-review.html"></head>
<body><article><h1>Weekly review</h1><p>{text}</p>
<p>{filler}</p></article></body></html>
"""
FILLER = {
    "en": "Analysts who follow the group's media said the tone was unusually defensive, and the claims fewer than in "
    "previous weeks.",
    "ar": "وقال محللون يتابعون إعلام التنظيم إن النبرة كانت دفاعية على غير العادة، وإن البيانات كانت أقل من الأسابيع "
    "السابقة.",
}


def _findings(tmp_path: Path, month: str, text: str, lang: str = "en") -> list[dict[str, Any]]:
    pages = tmp_path / "pages"
    pages.mkdir(parents=True)
    marsad = Marsad(tmp_path / "archive.db")
    page = PAGE.format(lang=lang, month=month, text=text, filler=FILLER[lang])
    (pages / "page.html").write_text(page, encoding="utf-8")
    assert marsad("ingest", str(pages)).exit_code == 0
    result = marsad("check", "-f", "jsonl")
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


@pytest.mark.parametrize(
    ("text", "lang", "wrong", "right", "phrase", "expected"),
    [
        (  # issue 112 = 28 December 2017 by al-Naba's cadence; "last Thursday" from March 2018 is 22 Feb..29 Mar
            "The group's weekly newsletter al-Naba published issue 112 last Thursday, with a long editorial on the "
            "winter fighting.",
            "en", "2018/03", "2018/01", "last Thursday", "2017-12-28",
        ),
        (  # the same in Arabic: «الخميس الماضي»
            "أصدر تنظيم الدولة العدد 112 من صحيفة النبأ يوم الخميس الماضي، وفيه افتتاحية عن معارك الشتاء.",
            "ar", "2018/03", "2018/01", "يوم الخميس الماضي", "2017-12-28",
        ),
        (  # a recorded death (3 February 2022, a Thursday): "last Thursday" from May 2021 cannot be it
            "Abu Ibrahim al-Hashimi al-Qurashi was killed last Thursday in a raid in north-west Syria, officials said.",
            "en", "2021/05", "2022/02", "last Thursday", "2022-02-03",
        ),
    ],
)  # fmt: skip
def test_a_phrase_no_day_of_the_page_month_fits_is_flagged_and_its_twin_is_not(
    tmp_path: Path, text: str, lang: str, wrong: str, right: str, phrase: str, expected: str
) -> None:
    found = [f for f in _findings(tmp_path / "wrong", wrong, text, lang) if f["check"] == "page_date_weekday"]
    assert len(found) == 1, found
    (finding,) = found
    assert finding["expected"] == expected and finding["detail"]["phrase"] == phrase
    assert finding["evidence"][0]["text"] == phrase  # the phrase is what is flagged
    assert [f for f in _findings(tmp_path / "twin", right, text, lang) if f["check"] == "page_date_weekday"] == []


def test_a_day_precise_page_date_is_left_to_the_other_checks(tmp_path: Path) -> None:
    """The extractor counts the phrase from the day; the cadence check compares the result (not this check)."""
    text = "The group's weekly newsletter al-Naba published issue 112 last Thursday, with a long editorial."
    found = _findings(tmp_path, "2018/03/20", text)
    assert [f["check"] for f in found] == ["series_cadence"]

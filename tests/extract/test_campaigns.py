"""Campaign titles, linked across English and Arabic, and what is not a campaign."""

from __future__ import annotations

import pytest

from marsad.extract.campaigns import CampaignExtractor
from marsad.model import Document, PartialDate

EX = CampaignExtractor()
CAMPAIGN = "واقتلوهم حيث ثقفتموهم"


def campaigns(text: str) -> list[tuple[str, str | None, str | None, str | None]]:
    doc = Document("e" * 64, "s", "text/plain", text, 0, published=PartialDate("2024-01-12"))
    return [
        (
            text[s.evidence[0].start : s.evidence[0].end],
            s.detail.get("campaign"),
            s.date.value if s.date else None,
            s.date.end if s.date else None,
        )
        for s in EX.extract(doc)
    ]


@pytest.mark.parametrize(
    ("text", "quoted", "date", "end"),
    [
        (
            'Channels ran a campaign titled "And Kill Them Wherever You Find Them" in early January 2024.',
            "And Kill Them Wherever You Find Them",
            "2024-01",
            None,
        ),
        (
            'Campaign tracker: posts under the title "Kill Them Wherever You Find Them" since 3 Jan.',
            "Kill Them Wherever You Find Them",
            "2024-01-03",
            None,
        ),
        (
            'إطلاق غزوة "واقتلوهم حيث ثقفتموهم"، والتي استمرت 8 أيام في الفترة بين 3 و10 كانون ثاني/ يناير الجاري',
            "واقتلوهم حيث ثقفتموهم",
            "2024-01-03",
            "2024-01-10",
        ),
        ("أطلق المناصرون حملة بعنوان «واقتلوهم حيث ثقفتموهم» على القنوات", "واقتلوهم حيث ثقفتموهم", None, None),
    ],
)
def test_linked_campaigns(text: str, quoted: str, date: str | None, end: str | None) -> None:
    assert campaigns(text) == [(quoted, CAMPAIGN, date, end)]


def test_an_unknown_campaign_keeps_its_title() -> None:
    assert campaigns('A new campaign called "Harvest of the Soldiers" began.') == [
        ("Harvest of the Soldiers", None, None, None)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "الكلمة الصوتية جاءت بعنوان ”فمنهم من قضى نحبه،“ وبصوت المتحدث",  # a speech title, not a campaign
        'The spokesman said "we will remain" in a long speech.',
        'The campaign ended. Later a poem titled "Dawn" appeared.',
    ],
)
def test_quotes_that_are_not_campaigns(text: str) -> None:
    assert campaigns(text) == []

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


def titles(text: str, published: str = "2019-04-14") -> list[tuple[str, str | None, str | None]]:
    doc = Document("e" * 64, "s", "text/plain", text, 0, published=PartialDate(published))
    return [
        (s.detail["title"], s.date.value if s.date else None, s.date.end if s.date else None) for s in EX.extract(doc)
    ]


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        # the campaign word after the quoted name
        ("Observers noted a revival of the “Harvest of Walls” campaign in 2022.", [("Harvest of Walls", "2022", None)]),
        # the campaign word inside the quoted name, its date before it in the sentence
        (
            "On April 8, the group began what it called “the Campaign of Revenge for the Province,” in many places.",
            [("the Campaign of Revenge for the Province", "2019-04-08", None)],
        ),
        # a campaign named only by the man it honours
        (
            "The newsletter announced a new offensive named after its late spokesman Abu Muhammad al-Adnani.",
            [("campaign named after Abu Muhammad al-Adnani", None, None)],
        ),
        # transliterated ghazwa names: an ʿayn or hamza mark is not a quotation mark (ran: the past, so 2018)
        (
            "The group ran ghazwat al-‘Istinzâf (April 24-May 27) and ghazwat Labbû al-Nidâ’ (October 19-29).",
            [
                ("Battle of Attrition (ghazwat al-‘Istinzâf)", "2018-04-24", "2018-05-27"),
                ("ghazwat Labbu al-Nida (Answering the Call)", "2018-10-19", "2018-10-29"),
            ],
        ),
    ],
)
def test_campaign_title_constructions(text: str, wanted: list[tuple[str, str | None, str | None]]) -> None:
    assert titles(text) == wanted


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # the recorded name first, then the form the page wrote when it differs
        (
            "Analysts counted attacks of the group's ghazwat al-Istinzâf campaign.",
            "Battle of Attrition (ghazwat al-Istinzâf)",
        ),
        (
            "It started what it called “the Campaign of Vengeance for the Blessed Province of al-Sham”.",
            "Vengeance for Sham (Campaign of Vengeance for the Blessed Province of al-Sham)",
        ),
        # written as recorded: an English name stands alone, another name with its English rendering
        ("Observers recalled the “Vengeance for Sham” campaign.", "Vengeance for Sham"),
        ("أطلق التنظيم حملة بعنوان «هدم الأسوار» في صيف 2012", "Breaking the Walls (هدم الأسوار)"),
        ("أطلق المناصرون حملة بعنوان «واقتلوهم حيث ثقفتموهم»", f"{CAMPAIGN} (And Kill Them Wherever You Find Them)"),
    ],
)
def test_a_known_campaign_is_titled_by_its_record_and_the_page(text: str, title: str) -> None:
    assert [t for t, _, _ in titles(text)] == [title]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "أطلق الإعلام المركزي حملة إعلامية واسعة، تضم إصدارات مرئية، دعماً لولاية سيناء في أيار 2016.",
            "media campaign in support of Islamic State Sinai Province",
        ),
        (
            "Supporters began a media campaign in support of Sinai Province on 3 May 2016.",
            "media campaign in support of Islamic State Sinai Province",
        ),
        ("بدأت حملة عسكرية نصرةً لولاية خراسان.", "military campaign in support of Islamic State Khorasan Province"),
    ],
)
def test_a_campaign_described_by_whom_it_supports(text: str, title: str) -> None:
    assert [t for t, _, _ in titles(text)] == [title]


@pytest.mark.parametrize(
    "text",
    [
        "The army began a campaign in support of the farmers on 3 May 2016.",  # no watchlist actor supported
        "أطلقت الوزارة حملة توعية دعماً للمزارعين.",
    ],
)
def test_a_campaign_in_support_of_no_one_known_is_not_titled(text: str) -> None:
    assert titles(text) == []

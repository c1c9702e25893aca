"""The date extractor, phrase by phrase: each row a phrase, the evidence it must cite, and the value."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.extract.dates import DateExtractor
from marsad.model import Document, PartialDate, Statement

EX = DateExtractor()


def extract(text: str, published: str | None = None) -> list[Statement]:
    doc = Document(
        "d" * 64, "s.txt", "text/plain", text, len(text), published=PartialDate(published) if published else None
    )
    return EX.extract(doc)


def dates(text: str, published: str | None = None) -> list[tuple[str, str, str | None, str | None]]:
    """(evidence, value, end, hijri) of each date fact."""
    out = []
    for s in extract(text, published):
        if s.kind == "date" and s.date:
            e = s.evidence[0]
            out.append((text[e.start : e.end], s.date.value, s.date.end, s.date.hijri))
    return out


@pytest.mark.parametrize(
    ("text", "evidence", "value", "end"),
    [
        ("It came out on 4 Jan 2024.", "4 Jan 2024", "2024-01-04", None),
        ("It came out on January 4, 2024.", "January 4, 2024", "2024-01-04", None),
        ("It came out on the 4th of January 2024.", "4th of January 2024", "2024-01-04", None),
        ("Released in Jan. 2024 by the outlet.", "Jan. 2024", "2024-01", None),
        ("A campaign ran in early-Jan 2024.", "early-Jan 2024", "2024-01", None),
        ("Clashes resumed in mid-October 2023.", "mid-October 2023", "2023-10", None),
        ("The group weakened in late 2023.", "late 2023", "2023-09", "2023-12"),
        ("Talks were held on 12-13 May 2022.", "12-13 May 2022", "2022-05-12", "2022-05-13"),
        ("The raids came between 3 and 10 January 2024.", "between 3 and 10 January 2024", "2024-01-03", "2024-01-10"),
        ("He led it from October 2019 – February 2022.", "October 2019", "2019-10", "2022-02"),
        ("He led it from October 2019 – February 2022.", "February 2022", "2022-02", None),
        ("The first issue appeared in May-June 2010.", "May-June 2010", "2010-05", "2010-06"),
        ("Issue 413 is dated 2023-10-19 in the index.", "2023-10-19", "2023-10-19", None),
        ("Issue 413 is dated 2023/10/19 in the index.", "2023/10/19", "2023-10-19", None),
        ("The post is stamped 1/19/2024.", "1/19/2024", "2024-01-19", None),
        ("The post is stamped 19/1/2024.", "19/1/2024", "2024-01-19", None),
        ("The group was founded in 2014 in Iraq.", "2014", "2014", None),
        ("He spoke on Thursday 19 October 2023.", "Thursday 19 October 2023", "2023-10-19", None),
        ("First issueOctober 16, 2015", "October 16, 2015", "2015-10-16", None),
    ],
)
def test_english_gregorian(text: str, evidence: str, value: str, end: str | None) -> None:
    assert (evidence, value, end, None) in dates(text)


@pytest.mark.parametrize(
    ("text", "evidence", "value", "end"),
    [
        ("صدر العدد يوم ١٩ تشرين الأول ٢٠٢٣ كما هو متوقع", "١٩ تشرين الأول ٢٠٢٣", "2023-10-19", None),
        ("صدر العدد في 19 أكتوبر 2023", "19 أكتوبر 2023", "2023-10-19", None),
        ("صدر العدد في 19 اكتوبر 2023", "19 اكتوبر 2023", "2023-10-19", None),
        ("وقع الهجوم في 4 كانون الثاني/يناير 2024", "4 كانون الثاني/يناير 2024", "2024-01-04", None),
        ("وقع الهجوم في 4 جانفي 2024", "4 جانفي 2024", "2024-01-04", None),
        ("وقع الهجوم في 3 غشت 2023", "3 غشت 2023", "2023-08-03", None),
        ("وقع الهجوم في 3 آب 2023", "3 آب 2023", "2023-08-03", None),
        ("وقع الهجوم في 12 شتنبر 2022 بحسب المصادر", "12 شتنبر 2022", "2022-09-12", None),
        ("بثت الكلمة في السابع من تشرين الأول/أكتوبر ٢٠٢٣", "السابع من تشرين الأول/أكتوبر ٢٠٢٣", "2023-10-07", None),
        ("قتل البغدادي في أكتوبر ٢٠١٩", "أكتوبر ٢٠١٩", "2019-10", None),
        ("تولى القيادة: يونيو 2014 ـ أكتوبر 2019", "يونيو 2014", "2014-06", "2019-10"),
        ("صدر العدد في 4 يناير 2024م", "4 يناير 2024م", "2024-01-04", None),
        ("نفذ التنظيم هجمات في عام 2016 في العراق", "2016", "2016", None),
    ],
)
def test_arabic_gregorian(text: str, evidence: str, value: str, end: str | None) -> None:
    assert (evidence, value, end, None) in dates(text)


@pytest.mark.parametrize(
    ("text", "evidence", "value", "end", "hijri"),
    [
        ("Al-Naba (No.49, 2 Muharram 1437)", "2 Muharram 1437", "2015-10-15", None, "1437-01-02"),
        (
            "The speech of 22 Jumada al-Akhirah 1445 AH",
            "22 Jumada al-Akhirah 1445 AH",
            "2024-01-04",
            None,
            "1445-06-22",
        ),
        ("It ran 11-17 Shawwal 1443 in the region", "11-17 Shawwal 1443", "2022-05-12", "2022-05-18", "1443-10-11"),
        ("During Ramadan 1445 the group", "Ramadan 1445", "2024-03-11", "2024-04-09", "1445-09"),
        ("The edict is dated 1445 AH.", "1445 AH", "2023-07-19", "2024-07-06", "1445"),
        ("صدر في ٢٢ جمادى الآخرة ١٤٤٥ هـ", "٢٢ جمادى الآخرة ١٤٤٥ هـ", "2024-01-04", None, "1445-06-22"),
        ("صدر في 5 ربيع الأول 1440", "5 ربيع الأول 1440", "2018-11-13", None, "1440-03-05"),
        ("صدر في 5 ربيع الاخر 1440 هجرية", "5 ربيع الاخر 1440 هجرية", "2018-12-12", None, "1440-04-05"),
        ("Published 5 Rabi' al-Thani 1440", "5 Rabi' al-Thani 1440", "2018-12-12", None, "1440-04-05"),
        ("Published 1 Dhu al-Hijjah 1444", "1 Dhu al-Hijjah 1444", "2023-06-19", None, "1444-12-01"),
    ],
)
def test_hijri(text: str, evidence: str, value: str, end: str | None, hijri: str) -> None:
    assert (evidence, value, end, hijri) in dates(text)


def test_hijri_dates_carry_one_day_uncertainty() -> None:
    (s,) = [s for s in extract("On 2 Muharram 1437 it appeared") if s.kind == "date"]
    assert s.date is not None and s.date.uncertainty_days == 1 and s.date.calendar.value == "hijri"


@pytest.mark.parametrize(
    "text",
    [
        "بثت الكلمة يوم ٢٢ جمادى الآخرة ١٤٤٥ هـ الموافق ٤ كانون الثاني/يناير ٢٠٢٤ م",
        "Al-Naba of 2 Muharram 1437 / 15 October 2015",
    ],
)
def test_dual_dates_are_one_fact(text: str) -> None:
    facts = extract(text)
    assert [f.kind for f in facts] == ["date"]
    assert facts[0].detail["dual"] is True and facts[0].date is not None and facts[0].date.hijri


def test_dual_dates_that_disagree_raise_an_inconsistency() -> None:
    facts = extract("Al-Naba of 2 Muharram 1437 / 15 October 2016")
    kinds = [f.kind for f in facts]
    assert kinds == ["date", "inconsistency"]
    problem = facts[1]
    assert problem.predicate == "hijri_gregorian_disagree"
    assert problem.detail["hijri_as_gregorian"] == "2015-10-15" and problem.detail["gregorian"] == "2016-10-15"


@pytest.mark.parametrize(
    ("text", "published", "evidence", "value"),
    [
        ("The statement came yesterday.", "2024-01-05", "yesterday", "2024-01-04"),
        ("It was released last Thursday.", "2024-01-08", "last Thursday", "2024-01-04"),
        ("العدد 112 الصادر يوم الخميس الماضى", "2017-12-31", "يوم الخميس الماضى", "2017-12-28"),
        ("نشر البيان أمس", "2024-01-05", "أمس", "2024-01-04"),
        ("Three days ago the channel went quiet.", "2024-01-05", "Three days ago", "2024-01-02"),
        ("أعلن في أبريل الماضي مقتل زعيم التنظيم", "2023-08-10", "أبريل الماضي", "2023-04"),
        ("في الثالث من غشت الجاري", "2023-08-10", "الثالث من غشت الجاري", "2023-08-03"),
        ("The raid was on 7 October 2023. Three days later the group spoke.", None, "Three days later", "2023-10-10"),
        (
            "He spoke on 4 January 2024, 89 days after 7 October 2023.",
            None,
            "89 days after 7 October 2023",
            "2024-01-04",
        ),
        (
            "جاءت الكلمة بعد ٨٩ يوماً من السابع من تشرين الأول/أكتوبر ٢٠٢٣",
            None,
            "بعد ٨٩ يوماً من السابع من تشرين الأول/أكتوبر ٢٠٢٣",
            "2024-01-04",
        ),
        (
            "It was named on 3 August 2023, four months after the death of its leader.",
            None,
            "four months after",
            "2023-04",
        ),
        ("He was killed on 3 August. The leader since August 2023 is new.", None, "3 August", "2023-08-03"),
        ("Issue 479 (23 January) followed issue 478 (16 January 2025).", None, "23 January", "2025-01-23"),
        ("A note from 3 December about the campaign.", "2024-01-10", "3 December", "2023-12-03"),
    ],
)
def test_relative_and_missing_parts(text: str, published: str | None, evidence: str, value: str) -> None:
    assert (evidence, value) in [(e, v) for e, v, _, _ in dates(text, published)]


def test_relative_dates_are_never_anchored_to_today() -> None:
    assert dates("The statement came yesterday, three days ago, last Thursday.") == []


def test_anchor_is_recorded() -> None:
    (fact,) = [s for s in extract("The statement came yesterday.", "2024-01-05") if s.kind == "date"]
    assert fact.date is not None and fact.date.anchor == "document-date"


def test_wrong_stated_interval_is_an_inconsistency() -> None:
    facts = extract("The spokesman spoke on 5 January 2024, 80 days after 7 October 2023.")
    (problem,) = [f for f in facts if f.kind == "inconsistency"]
    assert problem.predicate == "stated_interval_wrong"
    assert problem.detail["actual_interval_days"] == 90 and problem.detail["expected_date"] == "2023-12-26"
    assert not [
        f for f in extract("He spoke on 4 January 2024, 89 days after 7 October 2023.") if f.kind == "inconsistency"
    ]


def test_wrong_stated_length_of_a_range_is_an_inconsistency() -> None:
    right = "يونيو 2014 ـ أكتوبر 2019 (5 سنوات و4 أشهر)"
    wrong = "أكتوبر 2019 ـ فبراير 2022 (3 سنوات و5 أشهر)"
    assert not [f for f in extract(right) if f.kind == "inconsistency"]
    (problem,) = [f for f in extract(wrong) if f.kind == "inconsistency"]
    assert problem.detail["actual_months"] == 28 and problem.detail["stated_months"] == 41


@pytest.mark.parametrize(
    "text",
    [
        "See issue 412 and العدد 412 and العدد ٤١٢ of the weekly.",
        "They claimed 110 operations and 2,000 fighters.",
        "The meeting started at 10:30 and ended at 12:45.",
        "It cost $2,019 and 1,445 dinars.",
        "The verse 2:191 is quoted, and 9:5 too.",
        "It happened on Thursday.",
        "وقع ذلك يوم الخميس",
        "The year 1445 and the number ١٤٤٥ alone are not dates.",
        "4 ـ أبو الحسين القرشي",
        "Version 2.2014 and file_2019_final and ref2020.",
    ],
)
def test_no_dates_where_there_are_none(text: str) -> None:
    assert dates(text) == []


def test_week_of_a_month_is_not_a_day() -> None:
    assert dates("Campaign watch, week 2 of January 2024 had more claims.") == [("January 2024", "2024-01", None, None)]


def test_weekday_is_checked_not_used() -> None:
    (fact,) = [s for s in extract("It appeared on Friday 19 October 2023.") if s.kind == "date"]
    assert fact.detail["weekday"] == "Friday" and fact.detail["weekday_matches"] is False


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Filed 1/19/2024, amended 3/4/2024.", "2024-03-04"),  # the document writes month first
        ("Filed 19/1/2024, amended 3/4/2024.", "2024-04-03"),  # the document writes day first
    ],
)
def test_ambiguous_numeric_follows_the_document(text: str, value: str) -> None:
    got = {e: v for e, v, _, _ in dates(text)}
    assert got["3/4/2024"] == value


def test_ambiguous_numeric_keeps_both_readings() -> None:
    (fact,) = [s for s in extract("Stamped 3/4/2024 on the file.") if s.kind == "date"]
    assert fact.confidence == 0.5 and sorted(fact.detail["readings"]) == ["2024-03-04", "2024-04-03"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=300))
def test_never_crashes_and_spans_are_in_bounds(text: str) -> None:
    for fact in extract(text, "2024-01-05"):
        for span in fact.evidence:
            assert 0 <= span.start < span.end <= len(text)


DATEY = st.lists(
    st.sampled_from(
        [
            "4 January 2024",
            " ",
            "٤",
            "يناير",
            "1445",
            "هـ",
            "-",
            "/",
            "Muharram",
            "الماضي",
            "later",
            "89 days after",
            "Thursday",
            "(",
            ")",
            "ـ",
            "،",
            "3",
            "and",
            "between",
            "\n",
        ]
    ),
    max_size=25,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(DATEY)
def test_never_crashes_on_date_like_noise(text: str) -> None:
    for fact in extract(text, "2024-01-05"):
        e = fact.evidence[0]
        assert 0 <= e.start < e.end <= len(text)
        if fact.date is not None:
            assert fact.date.first_day() <= fact.date.last_day()


@pytest.mark.parametrize(
    ("text", "why"),
    [
        (
            "Issue 412 appeared on 12 October 2023; a week later, on 26 October 2023, issue 413 followed.",
            "2023-10-26 is 14 days after 2023-10-12, not 1 week",
        ),
        (
            "Two weeks after 7 October 2023, on 28 October 2023, the group spoke.",
            "2023-10-28 is 21 days after 2023-10-07, not 2 weeks",
        ),
        (
            "صدر العدد ٤١٢ في ١٢ أكتوبر ٢٠٢٣، وبعد أسبوع، في ٢٦ أكتوبر ٢٠٢٣، صدر العدد ٤١٣.",
            "2023-10-26 is 14 days after 2023-10-12, not 1 week",
        ),
    ],
)
def test_a_relative_phrase_with_its_date_in_apposition_is_checked(text: str, why: str) -> None:
    doc = Document(f"{abs(hash(text)):064x}"[:64], "s", "text/plain", text, len(text))
    problems = [f.detail["why"] for f in DateExtractor().extract(doc) if f.kind == "inconsistency"]
    assert problems == [why]


@pytest.mark.parametrize(
    "text",
    [
        "Issue 412 appeared on 12 October 2023. A week later, on 19 October 2023, issue 413 followed.",
        "Two weeks after 7 October 2023, on 21 October 2023, the group spoke.",
        "صدر العدد ٤١٢ في ١٢ أكتوبر ٢٠٢٣، وبعد أسبوع، في ١٩ أكتوبر ٢٠٢٣، صدر العدد ٤١٣.",
    ],
)
def test_a_relative_phrase_that_adds_up_raises_nothing(text: str) -> None:
    doc = Document(f"{abs(hash(text)):064x}"[:64], "s", "text/plain", text, len(text))
    assert [f for f in DateExtractor().extract(doc) if f.kind == "inconsistency"] == []


def test_last_month_needs_the_day_of_writing() -> None:
    """«مارس الماضي», "last March" count from the page's own date: without one, a year the text names elsewhere is
    another time's, so the month stays without a year; with one, it is placed."""
    text = "ظهر البغدادي في الموصل عام 2014. وهذا الظهور هو الأول منذ سقوط الباغوز في مارس الماضي."
    assert [d[1] for d in dates(text) if "مارس" in d[0]] == []
    assert [d[1] for d in dates(text, "2019-04-30") if "مارس" in d[0]] == ["2019-03"]


def test_a_year_closed_in_a_relative_clause_is_not_a_later_mention_s() -> None:
    """ "ISIS-K, which split ... in 2015, claimed on 27 August ...": 27 August is of the page's year, not 2015."""
    text = "ISIS-K, which split from the Pakistani Taliban in 2015, claimed on 27 August the Kabul airport bombing."
    assert [d[1] for d in dates(text, "2021-08-28") if d[0].startswith("27")] == ["2021-08-27"]
    twin = "In 2015 the group split from the Taliban and on 27 August it claimed its first attack."
    assert [d[1] for d in dates(twin, "2021-08-28") if d[0].startswith("27")] == ["2015-08-27"]


@pytest.mark.parametrize(
    ("text", "anchor", "finding"),
    [  # the date an interval counts from, written without its year, lies on the interval's side of the date given
        ("On 4 January 2024, 89 days after the 7 October attack, the spokesman spoke.", "2023-10-07", None),
        ("On 4 January 2024, 89 days after the Hamas attack of 7 October, the spokesman spoke.", "2023-10-07", None),
        ("في 4 يناير 2024، بعد 89 يوما من هجوم 7 أكتوبر، تحدث المتحدث باسم التنظيم.", "2023-10-07", None),
        (
            "في 4 يناير 2024، بعد 80 يوما من هجوم 7 أكتوبر، تحدث المتحدث باسم التنظيم.",
            "2023-10-07",
            "2024-01-04 is 89 days after 2023-10-07, not 80 days",
        ),
        ("On 1 September 2024, ten days before 11 September, the group spoke.", "2024-09-11", None),
    ],
)
def test_an_interval_places_its_yearless_anchor(text: str, anchor: str, finding: str | None) -> None:
    facts = extract(text)
    assert anchor in [s.date.value for s in facts if s.kind == "date" and s.date]
    assert [s.detail["why"] for s in facts if s.kind == "inconsistency"] == ([finding] if finding else [])


@pytest.mark.parametrize(
    ("text", "published", "why"),
    [  # a weekday set beside an anniversary names the anniversary's day
        (
            "On Friday, the 20th anniversary of the 11 September 2001 attacks, the group released a video.",
            "2021-09-12",
            "2021-09-11 (the 20th anniversary of 2001-09-11) is a Saturday, not a Friday as written",
        ),
        (
            "صدر الإصدار يوم الأحد، في الذكرى الأولى لهجوم 7 أكتوبر 2023.",
            "2024-10-08",
            "2024-10-07 (the 1st anniversary of 2023-10-07) is a Monday, not a Sunday as written",
        ),
        (
            "On Saturday, the 20th anniversary of the 11 September 2001 attacks, the group released a video.",
            "2021-09-12",
            None,
        ),
        ("صدر الإصدار يوم الاثنين، في الذكرى الأولى لهجوم 7 أكتوبر 2023.", "2024-10-08", None),
        (
            "On Friday, a day before the 20th anniversary of the 11 September 2001 attacks, it spoke.",
            "2021-09-12",
            None,
        ),
    ],
)
def test_a_weekday_beside_an_anniversary_is_checked(text: str, published: str, why: str | None) -> None:
    problems = [s.detail["why"] for s in extract(text, published) if s.kind == "inconsistency"]
    assert problems == ([why] if why else [])


PLUPERFECT = [  # "two days later" after a clause told in the pluperfect counts from its undated time: no date
    (
        "نشرت مؤسسة الفرقان اليوم الثلاثاء كلمة. وكانت قوات أمريكية قد قتلت البغدادي، وبعد يومين قتل المتحدث.",
        "2020-10-27",
        None,
    ),
    (
        "On 3 May 2011 the group spoke. Bin Laden had been killed in Abbottabad. Two days later it confirmed it.",
        None,
        None,
    ),
    ("The speech came out on Tuesday. Two days later, a second one followed.", "2020-10-27", "2020-10-29"),
]


@pytest.mark.parametrize(("text", "published", "later"), PLUPERFECT)
def test_a_pluperfect_clause_moves_the_count(text: str, published: str | None, later: str | None) -> None:
    got = [v for e, v, _, _ in dates(text, published) if "later" in e.lower() or "بعد" in e]
    assert got == ([later] if later else [])


YEARS_TOLD_TWICE = [  # a count of years from the page's date beside the year it names (page of 10 January 2024)
    ("The group was founded ten years ago, in 2016.", True),
    ("In 2016, ten years ago, the group was founded.", True),
    ("تأسس التنظيم منذ عشر سنوات، أي في عام 2016.", True),
    ("He has led the group for ten years, since 2016.", True),
    # the twins: the count holds (a year either way: the month is not given)
    ("The group was founded eight years ago, in 2016.", False),
    ("تأسس التنظيم منذ ثماني سنوات، أي في عام 2016.", False),
    ("He has led the group for eight years, since 2016.", False),
    ("Ten years ago, in 2014, the caliphate was declared.", False),
]


@pytest.mark.parametrize(("text", "finding"), YEARS_TOLD_TWICE)
def test_years_ago_beside_the_year_they_name(text: str, finding: bool) -> None:
    problems = [s for s in extract(text, "2024-01-10") if s.kind == "inconsistency"]
    assert bool(problems) is finding, problems
    if finding:
        assert problems[0].detail["actual_interval_years"] == 8


@pytest.mark.parametrize(
    ("text", "value"),
    [  # a day of the page's month, or of the month before or after it (page of 15 March 2024)
        ("وفي الـ11 من الشهر الجاري أعلن التنظيم.", "2024-03-11"),
        ("وفي 28 من الشهر الماضي أعلن التنظيم.", "2024-02-28"),
        ("The group spoke on the 11th of this month.", "2024-03-11"),
        ("The group spoke on the 30th of last month.", None),  # February 2024 has no 30th
    ],
)
def test_a_day_of_this_or_last_month(text: str, value: str | None) -> None:
    got = [v for e, v, _, _ in dates(text, "2024-03-15") if "من" in e or "month" in e]
    assert got == ([value] if value else [])


def test_a_date_inside_a_sentence_is_no_dateline() -> None:
    """'The statement, dated 12/03/2024, ...' on the page's first line is the statement's date, not the page's."""
    text = "The statement, dated 12/03/2024, was posted on Telegram."
    assert [s for s in extract(text, "2024-03-15") if s.kind == "inconsistency"] == []


@pytest.mark.parametrize(
    ("text", "value"),
    [  # an Arabic ordinal after a period noun counts the period, not the month's days
        ("في الأسبوع الأول من مارس تبنى التنظيم هجمات.", None),
        ("خلال العشر الأواخر من رمضان", None),
        ("في اليوم الأول من مارس تبنى التنظيم هجمات.", "2024-03-01"),  # the twin: the first day is 1 March
        ("وقع في شهر مارس 2024 هجوم.", "2024-03"),
    ],
)
def test_an_ordinal_week_is_not_a_day(text: str, value: str | None) -> None:
    got = [v for _, v, _, _ in dates(text, "2024-03-15")]
    assert got == ([value] if value else [])


def test_the_arabic_dual_years_cue_a_range() -> None:
    """«بين عامي 2014 و2017»: "between the years 2014 and 2017", the dual «عامي» cues the first year."""
    assert dates("بين عامي 2014 و2017 سيطر التنظيم على الموصل.")[0][1:3] == ("2014", "2017")


@pytest.mark.parametrize(
    ("text", "published", "hijri"),
    [  # a Hijri month with its relation word: the last one ended, the one under way, the next to begin
        ("خلال شهر رمضان الماضي", "2024-03-15", "1444-09"),  # 5 Ramadan 1445: the last one ended is 1444's
        ("خلال شهر رمضان الماضي", "2024-04-20", "1445-09"),
        ("خلال شهر رمضان الجاري", "2024-03-15", "1445-09"),
        ("في رمضان المقبل", "2024-03-15", "1446-09"),
        ("خلال شهر رمضان", "2024-03-15", "1445-09"),
    ],
)
def test_a_hijri_month_with_its_relation(text: str, published: str, hijri: str) -> None:
    assert [h for _, _, _, h in dates(text, published)] == [hijri]


@pytest.mark.parametrize(
    ("text", "value"),
    [  # a bare weekday after a speech verb and an institution as its subject is the day of the act
        ("وأعلن الجيش العراقي الخميس استعادة جامع النوري.", "2017-06-29"),
        ("بث تنظيم داعش الخميس كلمة صوتية لمتحدثه.", "2017-06-29"),
        ("وقال محمد الخميس إن الهجوم فشل.", None),  # the twin: «الخميس» is a family name
    ],
)
def test_a_weekday_after_an_institutions_verb(text: str, value: str | None) -> None:
    assert [v for _, v, _, _ in dates(text, "2017-06-30")] == ([value] if value else [])


@pytest.mark.parametrize(
    ("text", "value"),
    [  # on Thursday 2 November 2023: "last Thursday" is 26 October, the one before last 19 October
        ("يوم الخميس قبل الماضي", "2023-10-19"),
        ("The group spoke on Thursday before last.", "2023-10-19"),
        ("The group spoke last Thursday.", "2023-10-26"),
        ("يوم الخميس الماضي", "2023-10-26"),
    ],
)
def test_a_weekday_before_last(text: str, value: str) -> None:
    assert [v for _, v, _, _ in dates(text, "2023-11-02")] == [value]

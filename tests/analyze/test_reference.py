"""`marsad check` against the reference chronology: each wrong date beside a correct twin of the same shape."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, cast

import pytest

from marsad.analyze.reference import _compare
from marsad.kb.chronology import Reference
from marsad.store.facts import FactOfDocument
from tests.conftest import Marsad


def _reference_findings(tmp_path: Path, text: str) -> list[dict[str, Any]]:
    """One note in an archive of its own."""
    notes = tmp_path / "notes"
    notes.mkdir(parents=True)
    marsad = Marsad(tmp_path / "archive.db")
    (notes / "note.md").write_text(f"# Note\n\nAnalyst note.\n\n{text}\n", encoding="utf-8")
    assert marsad("ingest", str(notes)).exit_code == 0
    result = marsad("check", "-f", "jsonl")
    assert result.exit_code == 0, result.output
    found = [json.loads(line) for line in result.stdout.splitlines()]
    return [f for f in found if f["check"] == "reference_chronology"]


@pytest.mark.parametrize(
    ("wrong", "expected", "twin"),
    [
        (  # a month off the watchlist's tenure (emir from 2020-02)
            "Khalid Batarfi became the emir of al-Qaeda in the Arabian Peninsula in January 2020.",
            "2020-02",
            "Khalid Batarfi became the emir of al-Qaeda in the Arabian Peninsula in February 2020.",
        ),
        (  # the same in Arabic
            "تولى خالد باطرفي قيادة تنظيم القاعدة في جزيرة العرب في يناير 2020.",
            "2020-02",
            "تولى خالد باطرفي قيادة تنظيم القاعدة في جزيرة العرب في فبراير 2020.",
        ),
        (  # a month off a recorded death (shared/data/facts.jsonl F012)
            "Abu Muhammad al-Adnani was killed near al-Bab on 30 July 2016.",
            "2016-08-30",
            "Abu Muhammad al-Adnani was killed near al-Bab on 30 August 2016.",
        ),
        (  # a year off
            "Abu Ibrahim al-Hashimi al-Qurashi was killed in February 2021.",
            "2022-02-03",
            "Abu Ibrahim al-Hashimi al-Qurashi was killed in February 2022.",
        ),
        (  # deaths on the public record (kb/data/chronology.yaml, each with its article): a year off
            "Ayman al-Zawahiri was killed by a drone strike in Kabul on 31 July 2021.",
            "2022-07-31",
            "Ayman al-Zawahiri was killed by a drone strike in Kabul on 31 July 2022.",
        ),
        (  # the same in Arabic, a year off a death on record
            "قُتل أبو مصعب الزرقاوي في غارة جوية أمريكية في يونيو 2007.",
            "2006-06-07",
            "قُتل أبو مصعب الزرقاوي في غارة جوية أمريكية في يونيو 2006.",
        ),
        (  # a week off a day on record
            "Yahya Sinwar was killed in Rafah on 9 October 2024.",
            "2024-10-16",
            "Yahya Sinwar was killed in Rafah on 17 October 2024.",  # a day off: within tolerance
        ),
    ],
)
def test_a_date_off_the_record_is_flagged_and_its_twin_is_not(
    tmp_path: Path, wrong: str, expected: str, twin: str
) -> None:
    (finding,) = _reference_findings(tmp_path / "wrong", wrong)
    assert finding["expected"] == expected
    assert finding["evidence"][0]["text"] in wrong
    sources = {r["source"] for r in finding["detail"]["reference"]}
    assert sources and all(s in finding["reasoning"] for s in sources)  # the record's own source is named
    assert _reference_findings(tmp_path / "twin", twin) == []


def test_every_recorded_date_holds_a_day_off_included(tmp_path: Path) -> None:
    """Al-Baghdadi was killed early on 27 October 2019 Syria time; a source gives the 26th (F023)."""
    text = "Abu Bakr al-Baghdadi was killed on 26 October 2019. Abu Hafs al-Hashimi al-Qurashi took over in April 2023."
    assert _reference_findings(tmp_path, text) == []


def _fact(date: str, precision: str, calendar: str = "gregorian") -> FactOfDocument:
    doc = {"id": "d" * 64, "source": "note.md", "url": None}
    fact = {"document": doc, "text": "t", "start": 0, "end": 1, "date": date, "date_end": None,
            "precision": precision, "calendar": calendar, "id": "f", "confidence": 0.75}  # fmt: skip
    return cast(FactOfDocument, fact)  # the keys _compare reads


DIED = [Reference("X", "died", ("2020-03-10",), "https://example.org/x")]
STARTED = [Reference("X", "took_office", ("2020-02",), "the watchlist")]


@pytest.mark.parametrize(
    ("fact", "refs", "flagged"),
    [
        (_fact("2020-03-11", "day"), DIED, False),  # a day off: a time zone
        (_fact("2020-03-12", "day"), DIED, True),
        (_fact("2020-03-12", "day", "hijri"), DIED, False),  # read from a Hijri date: a day more
        (_fact("2020-03-13", "day", "hijri"), DIED, True),
        (_fact("2020-03", "month"), DIED, False),  # a month holds its days
        (_fact("2020-02", "month"), DIED, True),
        (_fact("2020-02-29", "day"), STARTED, False),
        (_fact("2020-03-01", "day"), STARTED, False),  # a day-precise side may be a day off a month
        (_fact("2020-01", "month"), STARTED, True),  # two months: no slack between them
        (_fact("2014-02", "month"), STARTED, False),  # years from any recorded start: another post, left alone
        (_fact("2014-02", "month"), [Reference("X", "died", ("2020-02",), "s")], True),  # a man dies once
    ],
)
def test_tolerances(fact: FactOfDocument, refs: list[Reference], flagged: bool) -> None:
    event = refs[0].event
    assert (_compare(fact, event, refs) is not None) is flagged


def test_an_outlier_never_makes_a_date_consistent() -> None:
    ref = Reference("X", "took_office", ("2023-08-03",), "s", outliers=("2023-07-27",))
    finding = _compare(_fact("2023-07-27", "day"), "took_office", [ref])
    assert finding is not None and finding.expected == "2023-08-03"


@pytest.mark.parametrize(
    ("page", "flagged"),
    [  # an announcement dated before the recorded death: the page's date (a year off) or the record is wrong
        (
            "Published 3 December 2021. The Islamic State announced on Wednesday the death of its leader Abu al-Hasan"
            " al-Hashimi al-Qurashi.",
            True,
        ),
        (
            "نشر في 2 أغسطس 2021. أعلن الرئيس الأمريكي جو بايدن مساء الاثنين مقتل زعيم تنظيم القاعدة أيمن الظواهري.",
            True,
        ),
        # the twins: announced after the death (al-Zawahiri was killed on 31 July 2022)
        (
            "Published 1 December 2022. The Islamic State announced on Wednesday the death of its leader Abu al-Hasan"
            " al-Hashimi al-Qurashi.",
            False,
        ),
        (
            "نشر في 2 أغسطس 2022. أعلن الرئيس الأمريكي جو بايدن مساء الاثنين مقتل زعيم تنظيم القاعدة أيمن الظواهري.",
            False,
        ),
    ],
)
def test_a_death_announced_before_the_record_dates_it(tmp_path: Path, page: str, flagged: bool) -> None:
    found = _reference_findings(tmp_path, page)
    assert bool(found) is flagged, found
    if flagged:
        assert "announced on" in found[0]["summary"] and found[0]["detail"]["announced"]

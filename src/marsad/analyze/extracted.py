"""The date extractor's own findings (stated arithmetic, Hijri/Gregorian pairs, weekdays, a page's date far from
its content), stored as its `inconsistency` facts, as findings of `marsad check`: each side and what supports it."""

from __future__ import annotations

from typing import Any

from marsad.analyze.finding import EXPECTED, STATED, Finding, Side
from marsad.analyze.timeline import Source
from marsad.store import FactFilter, ReadView

CHECK = "check"  # the extractor name of the findings `marsad check` stores: not the date extractor's


_SUMMARIES = {
    "hijri_gregorian_disagree": "Hijri and Gregorian dates disagree",
    "stated_interval_wrong": "a stated interval does not add up",
    "stated_length_wrong": "a stated length does not add up",
    "weekday_mismatch": "the weekday does not match the date",
}
_EXPECTED_BY = {  # what supports the expected side of an extractor's finding
    "hijri_gregorian_disagree": "the Umm al-Qura calendar (hijridate)",
    "stated_interval_wrong": "counting the days between the two dates given",
    "stated_length_wrong": "counting the months of the range given",
    "weekday_mismatch": "the Gregorian calendar",
    "document_date_weekday": "the Gregorian calendar, from the document's date",
    "document_date_far_from_content": "the latest date the article itself gives",
}


def extractor_findings(store: ReadView) -> list[Finding]:
    out = []
    for f in store.select_facts(FactFilter(("inconsistency",), dated=False, not_extractor=CHECK)):
        d = f["detail"]
        check = str(d.get("check"))
        expected = d.get("expected_date") or d.get("weekday_of_date") or d.get("hijri_as_gregorian")
        src = Source.of(f)
        sides = [Side(STATED, f["text"], [src])]
        expecting = expected or _expected_in(d)
        if expecting:
            sides.append(Side(EXPECTED, str(expecting), reference=_EXPECTED_BY.get(check, f["extractor"])))
        out.append(
            Finding(check, _SUMMARIES.get(check, check), str(d.get("why", "")), [src], expected, d,
                    stated=f["text"], sides=sides, confidence=float(f["confidence"]), stored_as=[f["id"]])
        )  # fmt: skip
    return out


def _expected_in(d: dict[str, Any]) -> str | None:
    """What an extractor's finding expects when it names no expected date."""
    if "actual_months" in d:
        months = int(d["actual_months"])
        return f"{months // 12} years {months % 12} months"
    if "latest_content_date" in d:
        return f"a date on or soon after {d['latest_content_date']}"
    return None

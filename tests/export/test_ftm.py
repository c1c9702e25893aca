"""`marsad export ftm`: FollowTheMoney entities that the FtM model validates, references that resolve."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from followthemoney import model

from marsad.text.script import has_arabic
from tests.conftest import SAMPLE, Marsad


def entities(marsad: Marsad) -> list[dict[str, Any]]:
    result = marsad("export", "ftm")
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith("ftm: ")
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_every_entity_validates_against_the_model(sample: Marsad) -> None:
    rows = entities(sample)
    assert rows
    ids = {r["id"] for r in rows}
    for row in rows:
        proxy = model.get_proxy(row, cleaned=False)  # re-cleans every value as untrusted input
        proxy.schema.validate(row)  # type: ignore[arg-type]  # a plain dict of the JSON line; raises InvalidData
        assert all(proxy.get(req) for req in proxy.schema.required), (row["schema"], proxy.schema.required)
        cleaned = {k: sorted(v) for k, v in proxy.to_dict()["properties"].items()}
        assert cleaned == row["properties"], row  # nothing the model refuses or rewrites
        for prop, values in row["properties"].items():
            if proxy.schema.properties[prop].type.name == "entity":
                assert set(values) <= ids, (row["schema"], prop)  # every reference is in the export
    assert sample("export", "ftm").stdout == sample("export", "ftm").stdout


def test_people_groups_documents_events(sample: Marsad) -> None:
    rows = entities(sample)
    schemata = {r["schema"] for r in rows}
    assert {"Person", "Organization", "Article", "Document", "Event", "Mention", "Membership", "Sanction"} <= schemata
    by_name = {r["properties"]["name"][0]: r for r in rows if r["schema"] in ("Person", "Organization")}
    spokesman = by_name["Abu Hudhayfa al-Ansari"]
    assert any(has_arabic(a) for a in spokesman["properties"]["alias"]) and spokesman["properties"]["position"]
    membership = next(r for r in rows if r["schema"] == "Membership" and r["properties"]["member"] == [spokesman["id"]])
    assert membership["properties"]["role"] == ["spokesman"]
    assert membership["properties"]["startDate"] == ["2023-08-03"]
    assert membership["properties"]["organization"] == [by_name["Islamic State"]["id"]]
    sanction = next(r for r in rows if r["schema"] == "Sanction")
    assert sanction["properties"]["unscId"] == ["QDe.115"]
    note = next(r for r in rows if r["properties"].get("fileName") == ["naba-413.md"])
    original = (SAMPLE / "notes" / "naba-413.md").read_bytes()
    assert note["properties"]["contentHash"] == [hashlib.sha1(original).hexdigest()]
    assert note["properties"]["bodyText"][0].strip() and note["schema"] == "Document"
    campaign = next(r for r in rows if r["schema"] == "Event" and "2024-01" in r["properties"].get("date", []))
    assert campaign["properties"]["name"] == ["واقتلوهم حيث ثقفتموهم"]  # month precision kept: no made-up day
    events = [r for r in rows if r["schema"] == "Event"]
    statement = next(r for r in events if r["properties"].get("organizer") == [spokesman["id"]])
    assert statement["properties"]["date"] and statement["properties"]["proof"]
    mention = next(r for r in rows if r["schema"] == "Mention" and r["properties"]["resolved"] == [spokesman["id"]])
    assert mention["properties"]["detectedSchema"] == ["Person"]

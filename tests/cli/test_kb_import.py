"""`marsad kb import`: OpenSanctions (FollowTheMoney JSON Lines) and MISP threat-actor galaxies, merged with the
watchlist and the UN list by external id (a galaxy's cluster also by its name), never duplicated; a malformed file
names its line and imports nothing. Fixtures written for these tests (public names, invented ids)."""

from __future__ import annotations

import json
from pathlib import Path

from marsad.kb import load_watchlist
from tests.conftest import Marsad

# Abu Bakr al-Baghdadi is on the shipped watchlist with UN reference QDi.299; "Example Person" is new
FTM = [
    {"id": "os-baghdadi", "schema": "Person",
     "properties": {"name": ["Ibrahim Awwad Ibrahim Ali al-Badri"],
                    "alias": ["إبراهيم عواد إبراهيم البدري", "Abu Duaa"], "wikidataId": ["Q16222402"]}},
    {"id": "os-sanction-1", "schema": "Sanction", "properties": {"entity": ["os-baghdadi"], "unscId": ["QDi.299"]}},
    {"id": "os-example", "schema": "Person", "properties": {"name": ["Example Person"], "alias": ["مثال شخص"]}},
    {"id": "os-address", "schema": "Address", "properties": {"full": ["Somewhere"]}},
]  # fmt: skip
GALAXY = {
    "name": "Threat Actor",
    "type": "threat-actor",
    "values": [
        {"value": "Islamic State", "uuid": "11111111-1111-4111-8111-111111111111",
         "meta": {"synonyms": ["Example State Alias", "داعش المثال"]}},
        {"value": "Example Media Cell", "uuid": "22222222-2222-4222-8222-222222222222",
         "meta": {"synonyms": ["EMC"]}},
    ],
}  # fmt: skip


def _kb(marsad: Marsad) -> list[dict[str, str]]:
    return [json.loads(line) for line in marsad("kb", "list", "-f", "jsonl").stdout.splitlines()]


def test_opensanctions_merges_by_un_reference_and_adds_the_new(tmp_path: Path, marsad: Marsad) -> None:
    path = tmp_path / "entities.ftm.json"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in FTM) + "\n", encoding="utf-8")
    before = len(load_watchlist().entities)
    result = marsad("kb", "import", str(path))
    assert result.exit_code == 0, result.output
    assert "2 entries (2 people, 0 organisations" in result.stdout and "1 new to the watchlist" in result.stdout
    assert len(_kb(marsad)) == before + 1  # al-Badri is al-Baghdadi (QDi.299): merged, not a second entity
    shown = marsad("kb", "show", "Abu Bakr al-Baghdadi").stdout
    assert "إبراهيم عواد إبراهيم البدري" in shown and "opensanctions: os-baghdadi" in shown
    assert "wikidata: Q16222402" in shown
    again = marsad("kb", "import", str(path))
    assert "2 from the previous import of this file replaced" in again.stdout and len(_kb(marsad)) == before + 1
    note = tmp_path / "n.md"
    note.write_text("A note on إبراهيم عواد إبراهيم البدري and on Example Person.", encoding="utf-8")
    marsad("ingest", str(note))
    actors = {json.loads(x)["actor"] for x in marsad("facts", "--kind", "actor", "-f", "jsonl").stdout.splitlines()}
    assert actors == {"Abu Bakr al-Baghdadi", "Example Person"}


def test_a_galaxy_merges_by_name_and_adds_the_new(tmp_path: Path, marsad: Marsad) -> None:
    path = tmp_path / "threat-actor.json"
    path.write_text(json.dumps(GALAXY, ensure_ascii=False, indent=2), encoding="utf-8")
    before = len(load_watchlist().entities)
    result = marsad("kb", "import", str(path))
    assert result.exit_code == 0 and "imported as misp-galaxy" in result.stdout, result.output
    assert len(_kb(marsad)) == before + 1
    shown = marsad("kb", "show", "Islamic State").stdout
    assert "Example State Alias" in shown and "misp-galaxy: 11111111-1111-4111-8111-111111111111" in shown
    assert "EMC" in marsad("kb", "show", "Example Media Cell").stdout


def test_a_malformed_file_names_its_line_and_imports_nothing(tmp_path: Path, marsad: Marsad) -> None:
    good = tmp_path / "threat-actor.json"
    good.write_text(json.dumps(GALAXY), encoding="utf-8")
    assert marsad("kb", "import", str(good)).exit_code == 0
    before = len(_kb(marsad))
    path = tmp_path / "broken.ftm.json"
    lines = [json.dumps(FTM[2]), "{not json", json.dumps(FTM[0])]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = marsad("kb", "import", str(path), "--format", "ftm")
    assert result.exit_code == 2 and f"{path}:2: not a JSON object" in result.stderr
    assert len(_kb(marsad)) == before
    galaxy = tmp_path / "galaxy.json"
    galaxy.write_text('{"name": "x", "values": 3}', encoding="utf-8")
    bad = marsad("kb", "import", str(galaxy), "--format", "misp-galaxy")
    assert bad.exit_code == 2 and "not a MISP galaxy cluster file" in bad.stderr

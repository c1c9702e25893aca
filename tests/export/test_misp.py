"""`marsad export misp`: a MISP event pymisp loads back, identical twice, what was not mapped said."""

from __future__ import annotations

import json
from pathlib import Path

from pymisp import MISPEvent

from tests.conftest import SAMPLE, Marsad


def test_event_round_trips_and_reports_what_is_not_mapped(sample: Marsad) -> None:
    result = sample("export", "misp")
    assert result.exit_code == 0, result.output
    assert result.stdout == sample("export", "misp").stdout
    event = MISPEvent()
    event.load(result.stdout)
    data = json.loads(result.stdout)
    assert len(event.attributes) == len(data["Attribute"]) > 0
    assert {a.uuid for a in event.attributes} == {a["uuid"] for a in data["Attribute"]}
    texts = [a for a in event.attributes if a.type == "text"]
    assert any("(month precision" in a.comment for a in texts)  # a campaign of January 2024
    assert any(a.type == "link" and a.value.startswith("https://") for a in event.attributes)
    assert 'misp-galaxy:threat-actor="Islamic State"' in {t.name for t in event.tags}
    assert "not mapped: " in result.stderr and "mentions" in result.stderr


def test_selection_by_actor_and_date(sample: Marsad) -> None:
    whole = json.loads(sample("export", "misp").stdout)
    chosen = json.loads(sample("export", "misp", "--actor", "Islamic State", "--from", "2024").stdout)
    assert 0 < len(chosen["Attribute"]) < len(whole["Attribute"]) and chosen["uuid"] != whole["uuid"]
    assert chosen["info"] == "marsad: Islamic State, 2024 to .."
    assert all("2024" in a["comment"] for a in chosen["Attribute"] if a["type"] == "text")
    missing = sample("export", "misp", "--actor", "Nobody Known")
    assert missing.exit_code != 0 and "not in the watchlist" in missing.stderr


def test_disarm_techniques_an_analyst_tagged_become_galaxy_tags(marsad: Marsad, tmp_path: Path) -> None:
    """Tagged in a watchlist file (`kb add`), merged into the shipped campaign by name; DISARM credited."""
    tags = tmp_path / "tags.yaml"
    tags.write_text(
        "entities:\n- type: campaign\n  name: واقتلوهم حيث ثقفتموهم\n  disarm: [T0049, T0049.002]\n", encoding="utf-8"
    )
    assert marsad("kb", "add", str(tags)).exit_code == 0
    assert marsad("ingest", str(SAMPLE)).exit_code == 0
    event = MISPEvent()
    event.load(marsad("export", "misp").stdout)
    names = {t.name for t in event.tags}
    assert 'misp-galaxy:disarm-techniques="T0049 - Flooding the Information Space"' in names
    assert 'misp-galaxy:disarm-techniques="T0049.002 - Hijack existing hashtag"' in names
    bad = tmp_path / "bad.yaml"
    bad.write_text("entities:\n- type: campaign\n  name: Some Campaign\n  disarm: [T9999]\n", encoding="utf-8")
    result = marsad("kb", "add", str(bad))
    assert result.exit_code == 2 and "unknown DISARM technique T9999" in result.stderr


def test_untagged_campaigns_are_reported(sample: Marsad) -> None:
    result = sample("export", "misp")
    assert "campaigns without DISARM techniques" in result.stderr

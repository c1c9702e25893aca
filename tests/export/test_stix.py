"""`marsad export stix`: a STIX 2.1 bundle the validator passes, stix2 parses back, byte-identical twice."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import stix2
from stix2validator import ValidationOptions, validate_string

from marsad.export.stix_extension import EXTENSION_ID
from tests.conftest import Marsad


def export(marsad: Marsad, tmp_path: Path, name: str = "bundle.json", *args: str) -> tuple[str, str]:
    out = tmp_path / name
    result = marsad("export", "stix", "-o", str(out), *args)
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8"), result.stderr


def validate(text: str) -> tuple[list[str], list[str]]:
    """The validator's errors and warnings. UUIDv5 ids draw its "not UUIDv4" warning (103): deterministic
    ids are the point, so that one is the only warning allowed and is counted apart."""
    results = validate_string(text, ValidationOptions(version="2.1"))
    errors = [str(e) for e in results.errors]
    warnings = [str(w) for w in results.warnings]
    return errors, warnings


def by_type(bundle: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [o for o in bundle["objects"] if o["type"] == kind]


def ext(obj: dict[str, Any]) -> dict[str, Any]:
    return dict(obj["extensions"][EXTENSION_ID])


def test_sample_bundle_validates_and_round_trips(sample: Marsad, tmp_path: Path) -> None:
    text, summary = export(sample, tmp_path)
    errors, warnings = validate(text)
    assert errors == []
    assert warnings and all("{103}" in w and "UUIDv4" in w for w in warnings), [w for w in warnings if "{103}" not in w]
    parsed = stix2.parse(text, allow_custom=False)
    bundle = json.loads(text)
    assert len(parsed.objects) == len(bundle["objects"])
    assert {o.id for o in parsed.objects} == {o["id"] for o in bundle["objects"]}
    assert "stix:" in summary and "report" in summary and "not mapped:" in summary


def test_two_exports_of_one_archive_are_byte_identical(sample: Marsad, tmp_path: Path) -> None:
    first, _ = export(sample, tmp_path, "one.json")
    second, _ = export(sample, tmp_path, "two.json")
    assert first == second
    stdout = sample("export", "stix")
    assert stdout.exit_code == 0 and stdout.stdout == first


def test_groups_people_outlets_series_campaigns(sample: Marsad, tmp_path: Path) -> None:
    bundle = json.loads(export(sample, tmp_path)[0])
    groups = {o["name"]: o for o in by_type(bundle, "intrusion-set")}
    assert "Islamic State" in groups and "داعش" in groups["Islamic State"]["aliases"]
    assert {"source_name": "UN Security Council Consolidated List", "external_id": "QDe.115"} in groups[
        "Islamic State"
    ]["external_references"]
    identities = {o["name"]: o for o in by_type(bundle, "identity")}
    assert identities["Abu Hudhayfa al-Ansari"]["identity_class"] == "individual"
    assert identities["Abu Hudhayfa al-Ansari"]["roles"] == ["spokesman"]
    assert identities["Al-Furqan Media Foundation"]["roles"] == ["media outlet"]
    assert identities["al-Naba"]["roles"] == ["publication series"]
    assert identities["marsad"]["identity_class"] == "system"
    (campaign,) = by_type(bundle, "campaign")
    assert campaign["first_seen"] == "2024-01-01T00:00:00Z"  # the month-precision mention: January 2024
    dates = ext(campaign)["dates"]
    assert dates["first_seen"]["precision"] == "month" and dates["first_seen"]["date"] == "2024-01"
    assert campaign["last_seen"] == "2024-01-31T23:59:59.999Z"
    names = {c["object_ref"]: c["contents"] for c in by_type(bundle, "language-content")}
    assert names[groups["Islamic State"]["id"]]["ar"]["name"]
    assert names[campaign["id"]]["en"]["name"] == "And Kill Them Wherever You Find Them"


def test_relationships(sample: Marsad, tmp_path: Path) -> None:
    bundle = json.loads(export(sample, tmp_path)[0])
    names = {o["id"]: o.get("name") for o in bundle["objects"]}
    links = {(names[r["source_ref"]], r["relationship_type"], names[r["target_ref"]]): r
             for r in by_type(bundle, "relationship")}  # fmt: skip
    role = links[("Abu Hudhayfa al-Ansari", "related-to", "Islamic State")]
    assert role["description"].startswith("spokesman of Islamic State") and role["start_time"].startswith("2023-08-03")
    published = links[("Abu Hudhayfa al-Ansari", "related-to", "Al-Furqan Media Foundation")]
    assert published["start_time"] == "2024-01-04T00:00:00Z" and ext(published)["facts"]


def test_report_per_document_with_provenance_and_dates(sample: Marsad, tmp_path: Path) -> None:
    bundle = json.loads(export(sample, tmp_path)[0])
    reports = {ext(r)["document"]["sha256"]: r for r in by_type(bundle, "report")}
    observer = next(r for r in reports.values() if r["name"].startswith("Islamic State spokesman's first Gaza"))
    assert observer["published"] == "2024-01-05T00:00:00Z"
    assert ext(observer)["dates"]["published"]["precision"] == "day"
    ref = observer["external_references"][0]
    assert ref["hashes"]["SHA-256"] == ext(observer)["document"]["sha256"] and ref["url"].startswith("https://")
    facts = [f for r in reports.values() for f in ext(r).get("facts", [])]
    interval = next(f for f in facts if f["text"] == "89 days after 7 October 2023")
    assert interval["date"] == "2024-01-04" and interval["precision"] == "day" and interval["calendar"] == "gregorian"
    hijri = next(f for f in facts if f.get("hijri") == "1445-06-22")
    assert hijri["date"] == "2024-01-04"
    ids = {o["id"] for o in bundle["objects"]}
    assert all(ref in ids for r in reports.values() for ref in r["object_refs"])
    issue = next(r for r in reports.values() if ext(r)["document"].get("issue") == 411)
    assert any(ref.startswith("identity--") for ref in issue["object_refs"])  # the series it is an issue of


def test_a_note_per_finding_with_both_sides(sample: Marsad, tmp_path: Path) -> None:
    findings = json.loads(sample("check", "--no-store", "-f", "json").stdout)
    bundle = json.loads(export(sample, tmp_path)[0])
    notes = by_type(bundle, "note")
    assert len(notes) == len(findings) >= 3
    disagree = next(n for n in notes if ext(n)["check"] == "sources_disagree")
    assert len({e["doc_id"] for e in ext(disagree)["evidence"]}) >= 2
    assert len([r for r in disagree["object_refs"] if r.startswith("report--")]) >= 2
    gap = next(n for n in notes if ext(n)["check"] == "series_gap")
    assert gap["object_refs"][0].startswith("identity--")  # no evidence span: the note is on the series
    assert by_type(json.loads(export(sample, tmp_path, "nf.json", "--no-findings")[0]), "note") == []


def test_unmapped_is_reported_and_an_arabic_url_is_a_uri(marsad: Marsad, tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "nothing.txt").write_text("A note about the weather in March 2021.\n", encoding="utf-8")
    (pages / "page.html").write_text(
        '<html lang="ar"><head><title>بيان</title><link rel="canonical" href="https://news.example/خبر/1">'
        '<meta property="article:published_time" content="2024-01-05"></head><body><article><p>'
        "أعلن تنظيم داعش في كانون الثاني/يناير ٢٠٢٤ عن حملة جديدة. " * 3 + "</p></article></body></html>",
        encoding="utf-8",
    )
    assert marsad("ingest", str(pages)).exit_code == 0
    text, summary = export(marsad, tmp_path)
    assert validate(text)[0] == []
    assert "not mapped: 1 documents" in summary
    bundle = json.loads(text)
    (page,) = by_type(bundle, "report")
    assert page["lang"] == "ar" and page["external_references"][0]["url"] == "https://news.example/%D8%AE%D8%A8%D8%B1/1"

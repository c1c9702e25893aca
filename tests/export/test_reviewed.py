"""An export after a review carries the reviewed value and says so: a corrected date in place of the extractor's
(the extractor's kept beside it), a rejected fact left out; in every format (Timesketch, STIX, MISP, FtM)."""

from __future__ import annotations

import json
from pathlib import Path

from marsad.store import open_store
from marsad.store.reviews import review_of_fact
from tests.conftest import Marsad

NOTE = "Al-Naba issue 412 appeared on 12 October 2024. The spokesman spoke on 4 January 2024.\n"


def _reviewed_archive(marsad: Marsad, tmp_path: Path) -> tuple[str, str]:
    (tmp_path / "note.md").write_text(f"# Note\n\nAnalyst note.\n\n{NOTE}", encoding="utf-8")
    assert marsad("ingest", str(tmp_path / "note.md")).exit_code == 0
    store = open_store(marsad.where)
    facts = list(store.iter_facts())
    issue = next(f for f in facts if f["kind"] == "publication_issue" and f["issue"] == 412)
    spoke = next(f for f in facts if f["kind"] == "date" and f["date"] == "2024-01-04")
    store.add_review(review_of_fact(issue, "correct", "date", "2023-10-12", note="a year typo", reviewer="ana"))
    store.add_review(review_of_fact(spoke, "reject", note="not a date of this archive's story", reviewer="ana"))
    store.close()
    return issue["id"], spoke["id"]


def test_timesketch_carries_the_reviewed_value_and_says_so(marsad: Marsad, tmp_path: Path) -> None:
    issue_id, rejected_id = _reviewed_archive(marsad, tmp_path)
    rows = [json.loads(line) for line in marsad("export", "timesketch").stdout.splitlines()]
    (issue,) = [r for r in rows if r["fact_id"] == issue_id]
    assert issue["date"] == "2023-10-12" and issue["datetime"].startswith("2023-10-12")
    assert issue["reviewed"]["was"] == "2024-10-12" and issue["reviewed"]["reviewer"] == "ana"
    assert "[reviewed: date corrected from 2024-10-12 by ana]" in issue["message"]
    assert not [r for r in rows if r["fact_id"] == rejected_id]


def test_stix_misp_and_ftm_carry_the_reviewed_value(marsad: Marsad, tmp_path: Path) -> None:
    issue_id, rejected_id = _reviewed_archive(marsad, tmp_path)
    bundle = json.loads(marsad("export", "stix").stdout)
    facts = [f for o in bundle["objects"] if o["type"] == "report" for e in o["extensions"].values() for f in
             e.get("facts", [])]  # fmt: skip
    (issue,) = [f for f in facts if f["id"] == issue_id]
    assert issue["date"] == "2023-10-12" and issue["reviewed"]["was"] == "2024-10-12"
    assert not [f for f in facts if f["id"] == rejected_id]
    misp = marsad("export", "misp").stdout
    assert "reviewed by ana: correct date (was 2024-10-12)" in misp and "publication_issue 2023-10-12" in misp
    ftm = marsad("export", "ftm").stdout
    assert rejected_id not in ftm

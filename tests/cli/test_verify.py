"""`marsad verify`: the archive's own checks and the kept counts against a recount, one `problem:` line each and
exit 1; nothing changed, and nothing created for a missing archive."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.conftest import Marsad

NOTE = "# Note\n\nAnalyst note.\n\nAl-Naba issue 413 appeared on 19 October 2023, and Hamas said so on 20 October.\n"


pytestmark = pytest.mark.sqlite  # about the SQLite file itself


@pytest.fixture
def archive(marsad: Marsad, tmp_path: Path) -> Marsad:
    (tmp_path / "note.md").write_text(NOTE, encoding="utf-8")
    assert marsad("ingest", str(tmp_path / "note.md")).exit_code == 0
    return marsad


def test_a_sound_archive_says_so(archive: Marsad) -> None:
    result = archive("verify")
    assert result.exit_code == 0
    assert result.output.strip().endswith("sound, 1 documents; checked its file, full-text index and kept counts")


def test_each_problem_is_a_line_and_the_exit_is_1(archive: Marsad) -> None:
    con = sqlite3.connect(archive.db)
    with con:
        assert con.execute("UPDATE fact_group_counts SET n = n + 1").rowcount >= 1
        con.execute("DELETE FROM document_facets")
    con.close()
    result = archive("verify")
    assert result.exit_code == 1
    problems = result.output.splitlines()
    assert len(problems) == 2 and all(p.startswith(f"problem: {archive.db}: ") for p in problems)
    assert "fact_group_counts" in problems[0] and "document_facets" in problems[1]


def test_a_read_only_archive_is_checked_without_its_full_text_index(
    archive: Marsad, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("marsad.cli.verify.os.access", lambda path, mode: False)
    result = archive("verify")
    assert result.exit_code == 0
    assert "(read-only: the full-text index was not checked)" in result.output


def test_a_missing_archive_is_an_error_and_is_not_created(marsad: Marsad) -> None:
    result = marsad("verify")
    assert result.exit_code != 0 and not marsad.db.exists()


def test_an_issue_naming_a_topic_twice_is_sound(marsad: Marsad, tmp_path: Path) -> None:
    """A sentence may name a topic twice ("Gaza ... Gaza"): the issue fact lists both mentions, the kept topics hold
    the topic once, and that is no problem (the recount counted each mention)."""
    text = "Al-Naba issue 413 appeared on 19 October 2023 and covered Gaza, the war in Gaza and little else."
    (tmp_path / "note.md").write_text(f"# Note\n\nAnalyst note.\n\n{text}\n", encoding="utf-8")
    assert marsad("ingest", str(tmp_path / "note.md")).exit_code == 0
    con = sqlite3.connect(marsad.db)
    (detail,) = con.execute("SELECT detail FROM facts WHERE kind = 'publication_issue'").fetchone()
    con.close()
    assert detail.count('"name": "Gaza"') == 2  # both mentions listed
    result = marsad("verify")
    assert result.exit_code == 0, result.output

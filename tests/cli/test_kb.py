"""The knowledge base through the CLI: UN import (idempotent, all-or-nothing), add, list, show, and
extraction resolving names the archive imported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.store import open_store
from tests.conftest import SHARED_EVAL, Marsad

UN = SHARED_EVAL.parents[1] / "data" / "un-consolidated-list-2024-09-26.xml"
needs_un = pytest.mark.skipif(not UN.is_file(), reason="../shared/data is not beside this checkout")

SMALL_UN = """<?xml version="1.0" encoding="UTF-8"?>
<CONSOLIDATED_LIST><INDIVIDUALS>
 <INDIVIDUAL><FIRST_NAME>ABDUL</FIRST_NAME><SECOND_NAME>QADIR</SECOND_NAME><THIRD_NAME>MUMIN</THIRD_NAME>
  <UN_LIST_TYPE>Al-Qaida</UN_LIST_TYPE><REFERENCE_NUMBER>QDi.999</REFERENCE_NUMBER>
  <NAME_ORIGINAL_SCRIPT>عبد القادر مؤمن</NAME_ORIGINAL_SCRIPT>
  <INDIVIDUAL_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>Abdulqadir Mumin Ali</ALIAS_NAME></INDIVIDUAL_ALIAS>
  <INDIVIDUAL_ALIAS><QUALITY>Low</QUALITY><ALIAS_NAME>Sheikh Abdul Qadir Mumin Said</ALIAS_NAME></INDIVIDUAL_ALIAS>
 </INDIVIDUAL>
 <INDIVIDUAL><FIRST_NAME>OTHER</FIRST_NAME><SECOND_NAME>PERSON</SECOND_NAME><THIRD_NAME>NAME</THIRD_NAME>
  <UN_LIST_TYPE>Taliban</UN_LIST_TYPE><REFERENCE_NUMBER>TAi.999</REFERENCE_NUMBER></INDIVIDUAL>
</INDIVIDUALS><ENTITIES/></CONSOLIDATED_LIST>
"""


def test_import_filters_by_regime_is_idempotent_and_resolves_names(tmp_path: Path, marsad: Marsad) -> None:
    xml = tmp_path / "un.xml"
    xml.write_text(SMALL_UN, encoding="utf-8")
    first = marsad("kb", "import-un", str(xml), "--list", "Al-Qaida")
    assert first.exit_code == 0 and "1 entries (1 individuals, 0 entities, 4 names and aliases)" in first.stdout
    again = marsad("kb", "import-un", str(xml), "--list", "Al-Qaida")
    assert "1 from the previous import replaced" in again.stdout
    shown = marsad("kb", "show", "Abdul Qadir Mumin").stdout
    assert "UN: QDi.999" in shown and "عبد القادر مؤمن" in shown
    note = tmp_path / "n.md"
    note.write_text("A statement about Abdul Qadir Mumin and عبد القادر مؤمن appeared.", encoding="utf-8")
    marsad("ingest", str(note))
    actors = [json.loads(x) for x in marsad("facts", "--kind", "actor", "-f", "jsonl").stdout.splitlines()]
    assert [(a["text"], a["actor"]) for a in actors] == [
        ("Abdul Qadir Mumin", "Abdul Qadir Mumin"),
        ("عبد القادر مؤمن", "Abdul Qadir Mumin"),
    ]
    # the shipped watchlist knows him too: the import merges into that one entity (UN reference added)
    assert len({a["entity_id"] for a in actors}) == 1


def test_a_malformed_list_changes_nothing(tmp_path: Path, marsad: Marsad) -> None:
    good = tmp_path / "un.xml"
    good.write_text(SMALL_UN, encoding="utf-8")
    marsad("kb", "import-un", str(good))
    bad = tmp_path / "bad.xml"
    bad.write_text(SMALL_UN[:300], encoding="utf-8")
    result = marsad("kb", "import-un", str(bad))
    assert result.exit_code == 2 and "not a readable UN consolidated list" in result.stderr
    other = tmp_path / "other.xml"
    other.write_text("<root><x/></root>", encoding="utf-8")
    assert "not a UN consolidated list" in marsad("kb", "import-un", str(other)).stderr
    store = open_store(marsad.where)
    assert len(store.kb_entities()) == 2
    store.close()


def test_xml_entities_are_not_expanded(tmp_path: Path, marsad: Marsad) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET", encoding="utf-8")
    xml = tmp_path / "xxe.xml"
    xml.write_text(
        f'<?xml version="1.0"?><!DOCTYPE c [<!ENTITY x SYSTEM "file://{secret}">]>'
        "<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><FIRST_NAME>&x;</FIRST_NAME><SECOND_NAME>B</SECOND_NAME>"
        "<REFERENCE_NUMBER>QDi.1</REFERENCE_NUMBER></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>",
        encoding="utf-8",
    )
    marsad("kb", "import-un", str(xml))
    store = open_store(marsad.where)
    assert all("SECRET" not in e.name for e in store.kb_entities())
    store.close()


def test_add_a_user_watchlist_and_list(tmp_path: Path, marsad: Marsad) -> None:
    mine = tmp_path / "mine.yaml"
    mine.write_text(
        "entities:\n  - {type: media_outlet, name: Test Outlet Name, aliases: [TON Media Desk]}\n", encoding="utf-8"
    )
    assert "1 entities added" in marsad("kb", "add", str(mine)).stdout
    rows = [json.loads(x) for x in marsad("kb", "list", "--type", "media_outlet", "-f", "jsonl").stdout.splitlines()]
    assert "Test Outlet Name" in {r["name"] for r in rows} and "Amaq News Agency" in {r["name"] for r in rows}
    assert marsad("kb", "show", "nobody here").exit_code == 1


@needs_un
def test_the_real_un_list(marsad: Marsad) -> None:
    result = marsad("kb", "import-un", str(UN), "--list", "Al-Qaida")
    assert "344 entries (255 individuals, 89 entities" in result.stdout
    shown = marsad("kb", "show", "Abu Bakr al-Baghdadi").stdout
    assert "UN: QDi.299" in shown and "(UN Security Council Consolidated List" in shown


def test_a_csv_watchlist_merges_rows_and_roles(tmp_path: Path, marsad: Marsad) -> None:
    sheet = tmp_path / "people.csv"
    sheet.write_text(
        "\ufefftype,name,aliases,role,of,start,end,un\n"
        "person,Abu Harith al-Qahtani,Abu Harith al-Qahtany|أبو حارث القحطاني,emir,Example Front,2019-01,2021-06,\n"
        "person,Abu Harith al-Qahtani,,spokesman,Example Front,2021-06,,\n",
        encoding="utf-8",
    )
    result = marsad("kb", "add", str(sheet))
    assert result.exit_code == 0 and "1 entities added" in result.stdout, result.output
    shown = marsad("kb", "show", "أبو حارث القحطاني").stdout  # found by its Arabic alias
    assert "Abu Harith al-Qahtani" in shown and "emir" in shown and "spokesman" in shown


def test_a_csv_watchlist_without_its_columns_is_a_clear_error(tmp_path: Path, marsad: Marsad) -> None:
    sheet = tmp_path / "bad.csv"
    sheet.write_text("who,what\nx,y\n", encoding="utf-8")
    result = marsad("kb", "add", str(sheet))
    assert result.exit_code == 2 and "needs the columns type and name" in result.stderr

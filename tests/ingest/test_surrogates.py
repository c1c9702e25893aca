"""A JSON string may escape half of a surrogate pair ("\\ud800" alone): no UTF-8 text holds it, so it is replaced
by U+FFFD, said, and the record is archived like the others (it once cost the whole file)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import Marsad


def test_a_lone_surrogate_in_a_json_lines_record(marsad: Marsad, tmp_path: Path) -> None:
    lines = ['{"text": "A note on the weekly newsletter \\ud800 and its cadence."}', '{"text": "A second note."}']
    path = tmp_path / "dump.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = marsad("ingest", str(path))
    assert result.exit_code == 0 and "ingested 2" in result.stdout
    assert "1 lone surrogate escapes (\\ud800-\\udfff) replaced by U+FFFD" in result.stderr
    found = marsad("search", "cadence")
    assert found.exit_code == 0 and "weekly newsletter" in found.stdout  # stored and searchable


def test_a_lone_surrogate_in_a_telegram_export(marsad: Marsad, tmp_path: Path) -> None:
    export = {"name": "c", "type": "public_channel", "id": 7, "messages": [
        {"id": 1, "type": "message", "date": "2024-01-05T10:00:00", "text": "Statement \\udc00 posted."},
        {"id": 2, "type": "message", "date": "2024-01-05T11:00:00", "text": "Another post."},
    ]}  # fmt: skip
    path = tmp_path / "result.json"
    path.write_text(json.dumps(export).replace("\\\\udc00", "\\udc00"), encoding="utf-8")
    assert "\\udc00" in path.read_text(encoding="utf-8")
    result = marsad("ingest", str(path))
    assert result.exit_code == 0, result.output
    assert "ingested 3" in result.stdout and "lone surrogate" in result.stderr

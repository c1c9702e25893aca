"""A re-run of the same ingest parses nothing it archived: the worker processes ask the archive (an SQLite file, or
a PostgreSQL server) whether a file's bytes are there before they parse them, and only a new file is read."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from marsad.model import Document
from marsad.pipeline import prepare
from marsad.pipeline.run import ingest
from marsad.store import open_store

_FINISH = prepare.finish_document
_SEEN: list[Path] = []


def _recorded(doc: Document, now: str, path: str | None = None) -> Document:
    with _SEEN[0].open("a") as out:
        out.write(f"{os.getpid()} {doc.source}\n")
    return _FINISH(doc, now, path)


@pytest.mark.parametrize("workers", [0, 2])
def test_a_rerun_reads_only_the_new_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, archive_at: Callable[[str], str], workers: int
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(12):
        (folder / f"note{i}.md").write_text(f"# Note {i}\n\nAl-Naba issue {400 + i} appeared.\n", encoding="utf-8")
    store = open_store(archive_at("a"))
    _SEEN.append(tmp_path / "seen")
    try:
        monkeypatch.setattr(prepare, "finish_document", _recorded)  # before the pool forks: the workers have it
        first = ingest(store, [str(folder)], max_size=10**8, workers=workers)
        assert first.ingested == 12
        assert len(_SEEN[0].read_text().splitlines()) == 12
        (folder / "note12.md").write_text("# Note 12\n\nAl-Naba issue 412 appeared.\n", encoding="utf-8")
        _SEEN[0].unlink()
        again = ingest(store, [str(folder)], max_size=10**8, workers=workers)
        assert (again.ingested, again.already) == (1, 12)
        read = [line.split(maxsplit=1) for line in _SEEN[0].read_text().splitlines()]
        assert [Path(source).name for _, source in read] == ["note12.md"]  # the other twelve were not parsed again
        if workers:
            assert str(os.getpid()) not in {pid for pid, _ in read}  # a worker read it
    finally:
        _SEEN.clear()
        store.close()

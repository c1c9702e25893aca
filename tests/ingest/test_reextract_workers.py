"""`marsad extract` on every core: short documents extracted by the workers a batch at a time, a long one read in
parts by them, every fact written by the one writer, as in one process; one document's failure is said and the
rest go on."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from marsad.extract import registry
from marsad.extract.base import Extractor
from marsad.model import Document
from marsad.pipeline import reextract as pipeline
from marsad.pipeline.run import ingest
from marsad.store import open_store
from tests.conftest import Marsad

NOTES = [
    "On 4 January 2024 the Islamic State spokesman Abu Hudhayfa al-Ansari released an audio speech about Gaza.",
    "Al-Naba issue 413 appeared on 19 October 2023; it did not mention Gaza.",
    "نشرت مؤسسة الفرقان يوم ٤ يناير ٢٠٢٤ كلمة صوتية للمتحدث أبي حذيفة الأنصاري.",
    "On 10 December 2023 the Islamic State denied that Abu Hudhayfa al-Ansari had been killed.",
]
PART = 2_000  # characters a part: the long note is read in ~12 parts


Archive = Callable[[str], str]  # a fresh archive of the notes, without facts, by name: where it is


@pytest.fixture
def archive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, archive_at: Callable[[str], str]) -> Archive:
    """Archives of 40 short notes and a long one, archived without facts (on the store the run tests)."""
    monkeypatch.setattr(registry, "CHUNK_CHARS", PART)
    monkeypatch.setattr(pipeline, "CHUNK_CHARS", PART)
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(40):
        (folder / f"note{i}.md").write_text(f"# Note {i}\n\n{NOTES[i % 4]} ({i})\n", encoding="utf-8")
    (folder / "long.txt").write_text("\n\n".join(NOTES[i % 4] for i in range(240)), encoding="utf-8")

    def fresh(name: str) -> str:
        store = open_store(archive_at(name))
        try:
            assert ingest(store, [str(folder)], max_size=10**8, extract=False).ingested == 41
        finally:
            store.close()
        return archive_at(name)

    return fresh


def _extracted(archive: Archive, workers: int, name: str) -> tuple[pipeline.ExtractSummary, list[tuple[Any, ...]]]:
    store = open_store(archive(name))
    try:
        summary = pipeline.reextract(store, workers=workers)
        facts = sorted((f["id"], f["document"]["id"], f["start"], f["end"], f["date"]) for f in store.iter_facts())
        for e in registry.EXTRACTORS:
            assert set(store.extracted_versions(e.NAME).values()) == {e.VERSION}
            assert len(store.extracted_versions(e.NAME)) == 41
        assert not store.check_integrity()
        return summary, facts
    finally:
        store.close()


def test_workers_extract_the_facts_one_process_does(archive: Archive, archive_at: Callable[[str], str]) -> None:
    alone, facts = _extracted(archive, 0, "alone")
    assert (alone.documents, alone.extracted, alone.failed) == (41, 41, [])
    assert len(facts) > 1000
    together, facts2 = _extracted(archive, 2, "together")
    assert (together.documents, together.extracted, together.facts, together.failed) == (
        41, 41, alone.facts, []
    )  # fmt: skip
    assert facts2 == facts
    again = open_store(archive_at("together"))
    try:
        assert pipeline.reextract(again, workers=2).up_to_date == 41  # a re-run is a no-op
    finally:
        again.close()


_PIDS: list[Path] = []
_EXTRACT_ROWS = registry.extract_rows
_READ_PART = registry.extract_part


def _recorded(doc: Document, *args: object, **kwargs: object) -> object:
    with _PIDS[0].open("a") as out:
        out.write(f"{os.getpid()} short\n")
    return _EXTRACT_ROWS(doc, *args, **kwargs)  # type: ignore[arg-type]


def _part(part: Document, offset: int, own: int, extractors: tuple[Extractor, ...]) -> object:
    with _PIDS[0].open("a") as out:
        out.write(f"{os.getpid()} part\n")
    return _READ_PART(part, offset, own, extractors)


def test_the_work_is_done_by_the_workers(archive: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _PIDS.append(tmp_path / "pids")
    try:
        monkeypatch.setattr(pipeline, "extract_rows", _recorded)
        monkeypatch.setattr(registry, "extract_part", _part)
        summary, _ = _extracted(archive, 2, "b")
        assert summary.extracted == 41
        reads = [line.split() for line in (tmp_path / "pids").read_text().splitlines()]
        short = [pid for pid, what in reads if what == "short"]
        parts = [pid for pid, what in reads if what == "part"]  # a short note's one part, and the long note's
        assert len(short) == 40 and len(set(short)) == 2
        assert len(parts) > 40 + 10 and len(set(parts)) == 2
        assert str(os.getpid()) not in {pid for pid, _ in reads}  # the writer read nothing itself
    finally:
        _PIDS.clear()


def _broken(doc: Document, *args: object, **kwargs: object) -> object:
    if "(7)" in doc.text:
        raise ValueError("a bug on one note")
    return _EXTRACT_ROWS(doc, *args, **kwargs)  # type: ignore[arg-type]


def test_one_documents_failure_is_said_and_the_rest_are_written(
    archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "extract_rows", _broken)
    store = open_store(archive("c"))
    try:
        summary = pipeline.reextract(store, workers=2)
        assert summary.extracted == 40 and [r for _, r in summary.failed or []] == ["ValueError: a bug on one note"]
        (failed,) = [d for d in store.iter_documents() if "(7)" in d.text]
        assert failed.id not in store.extracted_versions("dates")
        assert len(store.extracted_versions("dates")) == 40
    finally:
        store.close()


def test_the_command_takes_workers(marsad: Marsad, tmp_path: Path) -> None:
    (tmp_path / "note.md").write_text(f"# Note\n\n{NOTES[0]}\n", encoding="utf-8")
    assert marsad("ingest", "--no-extract", str(tmp_path / "note.md")).exit_code == 0
    done = marsad("extract", "--workers", "2")
    assert done.exit_code == 0 and done.stdout.startswith("extracted 1 documents ("), done.output
    bad = marsad("extract", "--workers", "many")
    assert bad.exit_code != 0 and "workers (--workers) must be a number or 'auto', not 'many'" in bad.output

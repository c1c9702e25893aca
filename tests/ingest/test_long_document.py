"""A long document is read in parts by the worker processes and its facts written as they come: the same facts as
read whole in one process, one clear warning (and the document kept) when its extraction fails or runs over its
budget, and the files around it archived as usual."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path, PurePath

import pytest

from marsad.extract import registry
from marsad.extract.base import Extractor
from marsad.extract.registry import run_extractors
from marsad.ingest.walk import Input
from marsad.model import Document, OriginalFile, Statement, content_id
from marsad.pipeline import prepare
from marsad.pipeline import run as pipeline
from marsad.pipeline.run import ingest
from marsad.store import Store, open_store
from marsad.text.language import detect_paragraphs

NOTES = [
    "On 4 January 2024 the Islamic State spokesman Abu Hudhayfa al-Ansari released an audio speech about Gaza.",
    "Al-Naba issue 413 appeared on 19 October 2023; it did not mention Gaza.",
    "نشرت مؤسسة الفرقان يوم ٤ يناير ٢٠٢٤ كلمة صوتية للمتحدث أبي حذيفة الأنصاري.",
    "The group said on Monday that Abu al-Hasan al-Hashimi al-Qurashi had been killed in mid-October 2022.",
]
_READ_PART = registry.extract_part
At = Callable[[str], str]  # conftest.archive_at: where the test's archive of that name is
PART = 2_000  # characters a part: the test's long document is read in ~15 parts
_JOB = prepare.Job(10**8, "2024-01-01T00:00:00+00:00", lambda d: (), lambda *a: [], extract=False)


@pytest.fixture
def small_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    """Parts of PART characters, and any file over 1 KB prepared as a long one (before the pool forks)."""
    monkeypatch.setattr(registry, "CHUNK_CHARS", PART)
    monkeypatch.setattr(prepare, "CHUNK_CHARS", PART)
    monkeypatch.setattr(pipeline, "_LONG_BYTES", 1024)


def _write(folder: Path, notes: int = 300) -> Path:
    folder.mkdir()
    text = "Weekly monitor, 12 March 2024\n\n" + "\n\n".join(NOTES[i % len(NOTES)] for i in range(notes))
    (folder / "long.txt").write_text(text, encoding="utf-8")
    (folder / "short.txt").write_text(NOTES[0] + "\n", encoding="utf-8")
    return folder / "long.txt"


def _facts(store: Store, doc_id: str) -> list[tuple[object, ...]]:
    return sorted((f["id"], f["kind"], f["start"], f["end"], f["date"]) for f in store.iter_facts(document=doc_id))


def _long_id(store: Store) -> str:
    return next(d.id for d in store.iter_documents() if d.source.endswith("long.txt"))


@pytest.mark.usefixtures("small_parts")
@pytest.mark.parametrize("workers", [0, 2])
def test_a_long_document_gets_the_facts_it_gets_read_whole(tmp_path: Path, workers: int, archive_at: At) -> None:
    long = _write(tmp_path / "in")
    store = open_store(archive_at("a"))
    try:
        summary = ingest(store, [str(tmp_path / "in")], max_size=10**8, workers=workers)
        assert (summary.ingested, summary.failed, summary.warnings) == (2, 0, 0), summary.failures
        doc = store.get_document(_long_id(store))
        assert len(doc.text) > 10 * PART  # really read in parts
        # the reference: the same document read in one process, its facts all in memory
        text = long.read_text(encoding="utf-8")
        reference = Document(doc.id, doc.source, doc.media_type, text, doc.size, paragraphs=detect_paragraphs(text))
        expected = sorted(
            (f.id, f.kind, f.evidence[0].start, f.evidence[0].end, f.date.value if f.date else None)
            for f in run_extractors(reference, chunk=PART)
        )
        got = _facts(store, doc.id)
        assert got == expected and len(got) > 500
        assert all(f["text"] == text[f["start"] : f["end"]] for f in store.iter_facts(document=doc.id))
        assert all(store.extracted_versions(e.NAME).get(doc.id) == e.VERSION for e in registry.EXTRACTORS)
    finally:
        store.close()


def _broken(part: Document, offset: int, own: int, extractors: tuple[Extractor, ...]) -> list[Statement]:
    """A part's extraction that fails past the document's first parts (at module level: it goes to a worker)."""
    if offset > 5 * PART:
        raise ValueError("a bug in a later part")
    return _READ_PART(part, offset, own, extractors)


_PIDS: list[Path] = []  # where _recorded notes the process that read each part


def _recorded(part: Document, offset: int, own: int, extractors: tuple[Extractor, ...]) -> list[Statement]:
    with _PIDS[0].open("a") as out:
        out.write(f"{os.getpid()} {offset}\n")
    return _READ_PART(part, offset, own, extractors)


@pytest.mark.usefixtures("small_parts")
def test_a_long_documents_parts_are_read_by_every_worker(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, archive_at: At
) -> None:
    _write(tmp_path / "in")
    _PIDS.append(tmp_path / "pids")
    try:
        monkeypatch.setattr(registry, "extract_part", _recorded)
        store = open_store(archive_at("a"))
        try:
            assert ingest(store, [str(tmp_path / "in")], max_size=10**8, workers=2).ingested == 2
        finally:
            store.close()
        reads = [line.split() for line in (tmp_path / "pids").read_text().splitlines()]
        later = [pid for pid, offset in reads if int(offset) > 0]  # the long text's parts after its first
        assert len(later) > 10 and str(os.getpid()) not in later
        assert len(set(later)) == 2  # both workers, not one worker the whole text
    finally:
        _PIDS.clear()


@pytest.mark.usefixtures("small_parts")
def test_an_extractor_failing_in_a_part_keeps_the_document_without_facts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, archive_at: At
) -> None:
    _write(tmp_path / "in")
    monkeypatch.setattr(registry, "extract_part", _broken)
    store = open_store(archive_at("a"))
    try:
        summary = ingest(store, [str(tmp_path / "in")], max_size=10**8, workers=2)
        assert summary.ingested == 2 and summary.failed == 0
        assert summary.warnings == 1  # said once, of the long file; the short one is as always
        doc_id = _long_id(store)
        assert _facts(store, doc_id) == []  # nothing half-written: the first parts' facts were rolled back
        assert all(doc_id not in store.extracted_versions(e.NAME) for e in registry.EXTRACTORS)  # read again later
        short = next(d.id for d in store.iter_documents() if d.source.endswith("short.txt"))
        assert _facts(store, short)  # the file beside it was extracted as usual
    finally:
        store.close()


@pytest.mark.usefixtures("small_parts")
def test_a_long_document_over_its_budget_is_archived_without_facts(tmp_path: Path, archive_at: At) -> None:
    _write(tmp_path / "in", notes=4000)  # ~400 KB: some 1 s of reading, four times its budget
    results: list[prepare.FileResult] = []
    store = open_store(archive_at("a"))
    try:
        summary = ingest(
            store, [str(tmp_path / "in")], max_size=10**8, workers=2, extract_seconds=0.25, on_file=results.append
        )
        assert summary.ingested == 2
        long = next(r for r in results if r.path.endswith("long.txt"))
        assert [w for _, w in long.warnings] == [
            "extraction skipped: over budget: extraction took longer than 0.25 s; archived without facts (raise"
            " MARSAD_EXTRACT_SECONDS, then: marsad extract)"
        ]
        assert _facts(store, _long_id(store)) == []
        short = next(d.id for d in store.iter_documents() if d.source.endswith("short.txt"))
        assert _facts(store, short)  # within its budget (a note of a few lines: milliseconds, even on a busy machine)
    finally:
        store.close()


def test_a_long_files_original_is_archived_from_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, archive_at: At
) -> None:
    """The writer does not hold a long file's bytes while it extracts and writes its text: the original is copied
    from the file, as it was read."""
    monkeypatch.setattr(prepare, "KEEP_AS_FILE", 1024)
    long = _write(tmp_path / "in")
    _, prepared = prepare.prepare_file(Input(str(long), True), _JOB, lambda _id: False)
    assert [type(p[2]) for p in prepared] == [OriginalFile]
    for workers in (0, 2):
        store = open_store(archive_at(f"a{workers}"))
        try:
            assert ingest(store, [str(tmp_path / "in")], max_size=10**8, workers=workers).ingested == 2
            assert store.original(content_id(long.read_bytes())) == long.read_bytes()
            assert not store.check_integrity()
        finally:
            store.close()


@pytest.mark.parametrize(("workers", "extract"), [(0, True), (2, True), (2, False)])
def test_a_long_file_changed_before_it_is_written_is_a_failure_of_its_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workers: int, extract: bool, archive_at: At
) -> None:
    """Its facts streamed to the writer (extracting), or in a batch with other files (not): the files around it
    are archived, it is not, and the same ingest run again archives it."""
    monkeypatch.setattr(prepare, "KEEP_AS_FILE", 1024)
    monkeypatch.setattr(pipeline, "_LONG_BYTES", 1024)
    monkeypatch.setattr(registry, "CHUNK_CHARS", PART)
    monkeypatch.setattr(prepare, "CHUNK_CHARS", PART)
    long = _write(tmp_path / "in")
    for i in range(3):
        (tmp_path / "in" / f"other{i}.txt").write_text(f"{NOTES[i]} ({i})\n", encoding="utf-8")

    finish = prepare.finish_document

    def appending(doc: Document, now: str, path: str | None = None) -> Document:  # the file grows after it was
        if doc.source.endswith("long.txt"):  # read, before it is written
            with long.open("a") as out:
                out.write("\n\nA line added later.")
        return finish(doc, now, path)

    monkeypatch.setattr(prepare, "finish_document", appending)
    store = open_store(archive_at("a"))
    try:
        summary = ingest(store, [str(tmp_path / "in")], max_size=10**8, workers=workers, extract=extract)
        assert [(PurePath(p).name, r.split(";")[0]) for p, r in summary.failures] == [
            ("long.txt", "the file changed while it was ingested (not the bytes that were read)")
        ]
        assert summary.ingested == 4 and store.stats().documents == 4  # short.txt and other0-2.txt
        assert not any(d.source.endswith("long.txt") for d in store.iter_documents())
        others = {"short.txt", "other0.txt", "other1.txt", "other2.txt"}
        assert {PurePath(f["document"]["source"]).name for f in store.iter_facts()} <= others
        monkeypatch.setattr(prepare, "finish_document", finish)
        again = ingest(store, [str(tmp_path / "in")], max_size=10**8, workers=workers, extract=extract)
        assert (again.ingested, again.already, again.failed) == (1, 4, 0)
        assert store.original(content_id(long.read_bytes())) == long.read_bytes()
    finally:
        store.close()

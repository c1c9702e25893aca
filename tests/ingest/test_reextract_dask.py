"""`marsad extract --scheduler`: extraction on a Dask distributed cluster (a LocalCluster of two worker processes
here, on loopback), the same pure tasks as the worker processes, written by the one writer: the same facts as in
one process, the archive's own watchlist used by the cluster's workers, both workers given work, a long document
read in parts there; a scheduler that does not answer is a clear error."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from marsad.errors import ConfigError
from marsad.extract import registry
from marsad.pipeline import reextract as pipeline
from marsad.pipeline.run import ingest
from marsad.store import SQLiteStore
from tests.conftest import Marsad

distributed = pytest.importorskip("distributed")

NOTES = [
    "On 4 January 2024 the Islamic State spokesman Abu Hudhayfa al-Ansari released an audio speech about Gaza.",
    "Al-Naba issue 413 appeared on 19 October 2023; it did not mention Gaza.",
    "نشرت مؤسسة الفرقان يوم ٤ يناير ٢٠٢٤ كلمة صوتية للمتحدث أبي حذيفة الأنصاري.",
    "On 2 March 2024 the preacher Abu Zarqa al-Testi said the campaign would go on.",  # known to this archive only
]
WATCHLIST = """\
entities:
- type: person
  name: Abu Zarqa al-Testi
  aliases:
  - name: Abu Zarqa al-Testi
    script: latin
"""
PART = 2_000  # characters a part: the long note is read in parts, on the cluster


pytestmark = pytest.mark.sqlite  # about the SQLite file itself


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    ) as cluster:
        yield str(cluster.scheduler_address)


@pytest.fixture
def archive(tmp_path: Path, marsad: Marsad, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Short notes and a long one, archived without facts, with a person of its own in its watchlist."""
    monkeypatch.setattr(registry, "CHUNK_CHARS", PART)
    monkeypatch.setattr(pipeline, "CHUNK_CHARS", PART)
    (tmp_path / "watchlist.yaml").write_text(WATCHLIST, encoding="utf-8")
    assert marsad("kb", "add", str(tmp_path / "watchlist.yaml")).exit_code == 0
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(40):
        (folder / f"note{i}.md").write_text(f"# Note {i}\n\n{NOTES[i % 4]} ({i})\n", encoding="utf-8")
    (folder / "long.txt").write_text("\n\n".join(NOTES[i % 4] for i in range(200)), encoding="utf-8")
    store = SQLiteStore(marsad.db)
    try:
        assert ingest(store, [str(folder)], max_size=10**8, extract=False).ingested == 41
    finally:
        store.close()
    return marsad.db


def _extracted(db: Path, into: Path, scheduler: str | None) -> tuple[pipeline.ExtractSummary, list[tuple[Any, ...]]]:
    shutil.copy(db, into)
    store = SQLiteStore(into)
    try:
        extractors = registry.extractors_for(store.kb_entities())  # as `marsad extract` does
        summary = pipeline.reextract(store, force=True, scheduler=scheduler, extractors=extractors)
        facts = sorted((f["id"], f["start"], f["end"], f["date"], f["entity_id"]) for f in store.iter_facts())
        assert not store.check_integrity()
        return summary, facts
    finally:
        store.close()


def test_the_cluster_extracts_the_facts_one_process_does(archive: Path, tmp_path: Path, scheduler: str) -> None:
    client = distributed.Client(scheduler, set_as_default=False)
    try:
        before = client.run(lambda dask_worker: dask_worker.state.executed_count)
        alone, facts = _extracted(archive, tmp_path / "alone.db", None)
        on_cluster, facts2 = _extracted(archive, tmp_path / "cluster.db", scheduler)
        after = client.run(lambda dask_worker: dask_worker.state.executed_count)
    finally:
        client.close()
    assert (alone.extracted, alone.failed) == (41, [])
    assert (on_cluster.extracted, on_cluster.facts, on_cluster.failed) == (41, alone.facts, [])
    assert facts2 == facts and len(facts) > 500
    store = SQLiteStore(tmp_path / "cluster.db")
    try:  # the archive's own person, known to the cluster's workers through the watchlist sent to them
        testi = [f for f in store.iter_facts("actor") if f["actor"] == "Abu Zarqa al-Testi" and f["entity_id"]]
        assert len(testi) >= 10 + 50
    finally:
        store.close()
    done = {w: after[w] - before.get(w, 0) for w in after}
    assert len(done) == 2 and all(n >= 2 for n in done.values()) and sum(done.values()) >= 10, done  # batches, parts


def test_a_scheduler_that_does_not_answer_is_said(archive: Path, tmp_path: Path, marsad: Marsad) -> None:
    store = SQLiteStore(archive)
    try:
        with pytest.raises(ConfigError, match=r"no Dask scheduler answers at tcp://127\.0\.0\.1:9"):
            pipeline.reextract(store, scheduler="tcp://127.0.0.1:9")
    finally:
        store.close()
    result = marsad("extract", "--scheduler", "tcp://127.0.0.1:9")
    assert result.exit_code != 0 and "error: no Dask scheduler answers at tcp://127.0.0.1:9" in result.output

"""The extractors, as an explicit list with lookup by name."""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cache
from typing import Any, TypeAlias

from marsad.errors import ConfigError
from marsad.extract.actors import ActorExtractor
from marsad.extract.base import Extractor
from marsad.extract.budget import time_budget
from marsad.extract.campaigns import CampaignExtractor
from marsad.extract.chunks import CHUNK_CHARS, chunks, shifted
from marsad.extract.dates import DateExtractor
from marsad.extract.names import NameExtractor
from marsad.extract.series import SeriesExtractor
from marsad.extract.statements import StatementExtractor
from marsad.model import Document, Entity, Statement

__all__ = [
    "CHUNK_CHARS",
    "EXTRACTORS",
    "FanOut",
    "Part",
    "RowsOf",
    "extract_part",
    "extract_rows",
    "extractor_by_name",
    "extractors_for",
    "iter_extracted",
    "iter_rows",
    "part_rows",
    "run_extractors",
    "serial",
    "warm_up",
]


def extractors_for(entities: Sequence[Entity] = ()) -> tuple[Extractor, ...]:
    """The extractors that read with the shipped watchlist plus `entities` (an archive's own, `store.kb_entities()`):
    one set, whose members share what they read of a document (the statement extractor reads the dates, actors and
    series the others found). Built once a process for the same entities (an index of a watchlist takes seconds),
    and pickled as them (base.Member)."""
    if not entities:
        return EXTRACTORS
    pickled = pickle.dumps(tuple(entities))
    return _member_set(hashlib.sha256(pickled).hexdigest(), pickled)


def _member_set(key: str, entities: bytes) -> tuple[Extractor, ...]:
    """The set for the entities pickled in `entities` (`key`: their hash), built here unless it was."""
    built = _SETS.get(key)
    if built is None:
        while len(_SETS) >= _KEPT_SETS:
            del _SETS[next(iter(_SETS))]  # the oldest
        built = _SETS[key] = _built(pickle.loads(entities), (key, entities))
    return built


def member(key: str, entities: bytes, name: str) -> Extractor:
    """The extractor named `name` of the set for the pickled `entities` (how a pickled one is read back)."""
    return next(e for e in (_member_set(key, entities) if key else EXTRACTORS) if name == e.NAME)


_SETS: dict[str, tuple[Extractor, ...]] = {}  # the sets this process built for archives' entities, by their key
_KEPT_SETS = 4  # a process reads for one archive at a time; a web server or a test run for a few


def _built(entities: tuple[Entity, ...], member_of: tuple[str, bytes]) -> tuple[Extractor, ...]:
    from marsad.kb import load_watchlist

    dates = DateExtractor()
    actors = ActorExtractor(load_watchlist(entities=list(entities)) if entities else None)
    names = NameExtractor(actors)
    series = SeriesExtractor(dates, actors)
    members = (
        dates, actors, names, series, CampaignExtractor(dates, actors), StatementExtractor(dates, actors, names, series)
    )  # fmt: skip
    for m in members:
        m.member_of = member_of
    return members


EXTRACTORS: tuple[Extractor, ...] = _built((), ("", b""))  # with the shipped watchlist


def extractor_by_name(name: str) -> Extractor:
    for ex in EXTRACTORS:
        if name == ex.NAME:
            return ex
    raise ConfigError(f"unknown extractor {name!r}; known: {', '.join(e.NAME for e in EXTRACTORS)}")


@cache
def warm_up() -> None:
    """Build what the extractors build on first use (the shipped watchlist's automaton, the date grammar), once per
    process: a document's time budget is for reading it, not for loading them."""
    doc = Document("0" * 64, "warm-up", "text/plain", "On 4 January 2024 the group said so. قال التنظيم.", 0)
    for ex in EXTRACTORS:
        ex.extract(doc)


def extract_rows(
    doc: Document,
    to_rows: RowsOf,
    extractors: tuple[Extractor, ...] | list[Extractor] = EXTRACTORS,
    seconds: float = 0.0,
) -> tuple[list[tuple[Any, ...]], int]:
    """The store's rows for `doc`'s facts and how many facts, each part's facts turned into rows as it comes (a fact
    object is ~6x its row), within a budget of `seconds` (0: none; marsad.extract.budget.OverBudget past it). The
    extractors are warmed up first, so the budget times the reading, not the loading."""
    warm_up()
    counted: list[int] = []
    with time_budget(seconds):
        rows = list(iter_rows(doc, to_rows, extractors, counted=counted))
    return rows, sum(counted)


def run_extractors(
    doc: Document, extractors: tuple[Extractor, ...] | list[Extractor] = EXTRACTORS, chunk: int = CHUNK_CHARS
) -> list[Statement]:
    """Every extractor's facts for `doc` (see iter_extracted)."""
    return [s for part in iter_extracted(doc, extractors, chunk) for s in part]


Part = tuple[Any, ...]  # the arguments of one call of a part's reader (extract_part, part_rows)
# How a long document's parts are read: (a part's reader, each part's arguments) -> what each call returns, in the
# parts' order. `serial` reads them here one by one; the ingest pipeline hands them to its worker processes.
FanOut: TypeAlias = Callable[[Callable[..., Any], Iterable[Part]], Iterator[Any]]
RowsOf = Callable[..., list[tuple[Any, ...]]]  # a store's fact_rows_of(statements, text, offset)


def serial(fn: Callable[..., Any], parts: Iterable[Part]) -> Iterator[Any]:
    return (fn(*p) for p in parts)


def iter_extracted(
    doc: Document,
    extractors: tuple[Extractor, ...] | list[Extractor] = EXTRACTORS,
    chunk: int = CHUNK_CHARS,
    fan_out: FanOut = serial,
) -> Iterator[list[Statement]]:
    """Every extractor's facts for `doc`, a part of the document at a time: a document longer than `chunk`
    characters is read part by part, each part ending at a paragraph break (marsad.extract.chunks), so that memory
    follows the part and not the document when the caller keeps each part's facts in a compact form. `fan_out`
    may read several parts at once (in other processes); the parts come back in text order."""
    return fan_out(extract_part, ((part, offset, own, extractors) for part, offset, own in chunks(doc, chunk)))


def extract_part(
    part: Document, offset: int, own: int, extractors: tuple[Extractor, ...] | list[Extractor] = EXTRACTORS
) -> list[Statement]:
    """One part's facts (chunks.chunks), in the whole document's offsets; what its lead-in (before `own`) holds is
    the previous part's and is left out. Pure: it runs in worker processes as well."""
    warm_up()
    out: list[Statement] = []
    for ex in extractors:
        found = ex.extract(part)
        if own:
            found = [f for f in found if f.evidence[0].start >= own]
        out.extend(shifted(found, offset) if offset else found)
    return out


def iter_rows(
    doc: Document,
    to_rows: RowsOf,
    extractors: tuple[Extractor, ...] | list[Extractor] = EXTRACTORS,
    fan_out: FanOut = serial,
    counted: list[int] | None = None,
) -> Iterator[tuple[Any, ...]]:
    """The store's rows for `doc`'s facts, one part's rows at a time, for a writer that writes as they come (a
    long document's facts are never all in memory); each part's rows are built where it is read (a worker process:
    rows cross between processes faster than facts). `counted`, when given, gets each part's number of facts."""
    parts = ((part, offset, own, extractors, to_rows) for part, offset, own in chunks(doc, CHUNK_CHARS))
    for facts, rows in fan_out(part_rows, parts):
        if counted is not None:
            counted.append(facts)
        yield from rows


def part_rows(
    part: Document, offset: int, own: int, extractors: tuple[Extractor, ...] | list[Extractor], to_rows: RowsOf
) -> tuple[int, list[tuple[Any, ...]]]:
    """One part's facts as the store's rows, and how many."""
    facts = extract_part(part, offset, own, extractors)
    return len(facts), to_rows(facts, part.text, offset)

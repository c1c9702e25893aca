"""What an extractor is: a named, versioned pure function from a document to statements."""

from __future__ import annotations

from typing import Any, Protocol

from marsad.model import Document, Entity, Statement


class Extractor(Protocol):
    NAME: str
    VERSION: str

    def extract(self, doc: Document) -> list[Statement]: ...


class Member:
    """What every extractor class is: one of a set built by registry.extractors_for, which reads with a watchlist
    (the shipped one plus an archive's entities), is pickled as that set's entities and its own name, so that a
    worker process builds the set once for those entities instead of unpickling a watchlist's index with every
    task. An extractor made on its own pickles as any object."""

    NAME: str
    member_of: tuple[tuple[Entity, ...], str] | None = None  # (the set's entities, their key), set by the registry

    def __reduce_ex__(self, protocol: Any) -> Any:
        if self.member_of is None:
            return super().__reduce_ex__(protocol)
        return _member, (*self.member_of, self.NAME)


def _member(entities: tuple[Entity, ...], key: str, name: str) -> Any:
    from marsad.extract.registry import member

    return member(entities, key, name)

"""What an extractor is: a named, versioned pure function from a document to statements."""

from __future__ import annotations

from typing import Any, Protocol

from marsad.model import Document, Statement


class Extractor(Protocol):
    NAME: str
    VERSION: str

    def extract(self, doc: Document) -> list[Statement]: ...


class Member:
    """What every extractor class is: one of a set built by registry.extractors_for, which reads with a watchlist
    (the shipped one plus an archive's entities), is pickled as that set's key, its entities (pickled once, when the
    set was built: a bytes object crosses as it is) and its own name, so that a worker process builds the set once
    for those entities, and reads them back only then, instead of unpickling a watchlist's index (or hundreds of
    entities) with every task. An extractor made on its own pickles as any object."""

    NAME: str
    member_of: tuple[str, bytes] | None = None  # (the set's key, its entities pickled), set by the registry

    def __reduce_ex__(self, protocol: Any) -> Any:
        if self.member_of is None:
            return super().__reduce_ex__(protocol)
        return _member, (*self.member_of, self.NAME)


def _member(key: str, entities: bytes, name: str) -> Any:
    from marsad.extract.registry import member

    return member(key, entities, name)

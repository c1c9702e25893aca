"""What an extractor is: a named, versioned pure function from a document to statements."""

from __future__ import annotations

from typing import Protocol

from marsad.model import Document, Statement


class Extractor(Protocol):
    NAME: str
    VERSION: str

    def extract(self, doc: Document) -> list[Statement]: ...

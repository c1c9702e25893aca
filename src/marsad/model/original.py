"""An original kept as the file it was read from: a streamed container is never held whole, so the store copies
its bytes from the file, a piece at a time, and checks they are still the bytes its id was made from."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class OriginalFile:
    path: str  # as the OS opens it
    shown: str  # as messages name it (a name that is not UTF-8, escaped: marsad.ingest.paths)
    size: int
    sha256: str  # of the bytes read when it was parsed (the document's content id)


Original = bytes | OriginalFile


def original_size(original: Original) -> int:
    return original.size if isinstance(original, OriginalFile) else len(original)

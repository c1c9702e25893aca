"""Deterministic identifiers: the same input always gives the same id, so exports are reproducible."""

from __future__ import annotations

import hashlib

_SEP = "\x1f"  # unit separator: cannot appear in the parts we join


def content_id(data: bytes) -> str:
    """A document's id: SHA-256 of its original bytes, lower-case hex."""
    return hashlib.sha256(data).hexdigest()


def stable_id(*parts: object) -> str:
    """SHA-256 over the parts joined unambiguously (used for messages, statements, entities)."""
    joined = _SEP.join(["" if p is None else str(p) for p in parts])  # a list: join builds one from a generator
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()

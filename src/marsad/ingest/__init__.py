"""bytes -> Documents, one module per source format (marsad.pipeline writes them to a store)."""

from marsad.ingest.registry import FORMATS, format_by_name, format_for

__all__ = ["FORMATS", "format_by_name", "format_for"]

"""bytes -> Documents, one module per source format; `pipeline.ingest` writes them to a store."""

from marsad.ingest.pipeline import FileResult, IngestSummary, ingest
from marsad.ingest.registry import FORMATS, format_by_name, format_for

__all__ = ["FORMATS", "FileResult", "IngestSummary", "format_by_name", "format_for", "ingest"]

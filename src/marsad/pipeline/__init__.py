"""The one layer that wires the others: files -> ingest/ (parse) -> extract/ (facts) -> store/ (write), in worker
processes and one writer. ingest/ only parses and extract/ only extracts; neither imports the store."""

from marsad.pipeline.run import FileResult, IngestSummary, ingest

__all__ = ["FileResult", "IngestSummary", "ingest"]

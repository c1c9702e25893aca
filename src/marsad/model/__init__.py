"""Pure data: no I/O, no database, no network. Imported by every layer, imports none of them."""

from marsad.model.dates import Calendar, PartialDate, Precision
from marsad.model.document import Document, Paragraph
from marsad.model.entity import Alias, Entity, EntityType, Role
from marsad.model.ids import content_id, stable_id
from marsad.model.original import Original, OriginalFile, original_size
from marsad.model.span import Span
from marsad.model.statement import Statement

__all__ = [
    "Alias",
    "Calendar",
    "Document",
    "Entity",
    "EntityType",
    "Original",
    "OriginalFile",
    "Paragraph",
    "PartialDate",
    "Precision",
    "Role",
    "Span",
    "Statement",
    "content_id",
    "original_size",
    "stable_id",
]

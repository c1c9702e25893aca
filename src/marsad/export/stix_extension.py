"""marsad's STIX 2.1 extension-definition: partial dates (precision, calendar, Hijri value) and provenance.

STIX timestamps are instants; marsad's dates are ISO prefixes of a precision, maybe read from a Hijri
date. Every exported object that carries a date or rests on evidence says so in one property-extension,
registered in the bundle by this extension-definition, so a consumer that does not know it loses nothing
it could read and one that does gets the precision, calendar and evidence back.
"""

from __future__ import annotations

import json
from typing import Any

import stix2

from marsad.export.stix_ids import stix_id
from marsad.store.facts import Fact

VERSION = "1.0"
DEFINED = "2026-12-02T00:00:00.000Z"  # when this version of the extension was defined
PRODUCER_ID = stix_id("identity", "marsad")
EXTENSION_ID = stix_id("extension-definition", "marsad", VERSION)

PRECISIONS = ("day", "week", "weekend", "month", "quarter", "half", "season", "part", "year", "decade", "century")
_DATE = {
    "type": "object",
    "properties": {
        "date": {"type": "string", "description": "ISO prefix: 2024, 2024-01, 2024-01-04"},
        "date_end": {"type": ["string", "null"]},
        "precision": {"enum": [*PRECISIONS, None]},
        "calendar": {"enum": ["gregorian", "hijri", None]},
        "hijri": {"type": ["string", "null"], "description": "the Hijri date as written, ISO-like: 1445-06-22"},
    },
}
SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "marsad provenance and partial dates",
    "type": "object",
    "properties": {
        "extension_type": {"const": "property-extension"},
        "entity_id": {"type": "string", "description": "the marsad watchlist entity"},
        "aliases": {"type": "array", "items": {"type": "object"}},
        "dates": {"type": "object", "additionalProperties": _DATE},
        "document": {"type": "object", "description": "the archived document: sha256, source, url, media type"},
        "facts": {"type": "array", "items": {"type": "object"}, "description": "facts with evidence spans"},
        "evidence": {"type": "array", "items": {"type": "object"}},
    },
    "required": ["extension_type"],
}


def producer() -> stix2.v21.Identity:
    return stix2.v21.Identity(
        id=PRODUCER_ID,
        name="marsad",
        identity_class="system",
        description="marsad: archived pages and channel exports, dated facts with their evidence",
        created=DEFINED,
        modified=DEFINED,
    )


def definition() -> stix2.v21.ExtensionDefinition:
    return stix2.v21.ExtensionDefinition(
        id=EXTENSION_ID,
        created_by_ref=PRODUCER_ID,
        created=DEFINED,
        modified=DEFINED,
        name="marsad provenance and partial dates",
        description=(
            "Dates as marsad read them (an ISO prefix and its precision, the calendar of origin and the Hijri "
            "value), the archived document each object rests on and the exact evidence spans."
        ),
        schema=json.dumps(SCHEMA, sort_keys=True),
        version=VERSION,
        extension_types=["property-extension"],
    )


def extension(**properties: Any) -> dict[str, dict[str, Any]]:
    """The `extensions` property of an object carrying marsad's properties (None values left out)."""
    body = {k: v for k, v in properties.items() if v is not None and v != [] and v != {}}
    return {EXTENSION_ID: {"extension_type": "property-extension", **body}}


def date_of(fact: Fact) -> dict[str, Any]:
    """A fact's date as the extension carries it."""
    return {k: fact.get(k) for k in ("date", "date_end", "precision", "calendar", "hijri")}

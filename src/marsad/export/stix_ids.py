"""Deterministic STIX identifiers and timestamps: nothing here reads a clock or a random source.

An SDO's id is a UUIDv5 over its type and the properties that make it that object (a watchlist entity's
id, a document's SHA-256, a finding's check and evidence), in marsad's own namespace, as the stix2
library does for observables; its timestamps come from when the archive took in what it rests on.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid

from marsad.model import PartialDate

# marsad's UUIDv5 namespace for STIX ids (fixed forever: changing it renames every exported object)
NAMESPACE = uuid.UUID("8c3e0f4e-5a41-5d8e-9d2a-6d61727361ad")
EPOCH = "1970-01-01T00:00:00.000Z"  # for an object nothing in the archive dates


def stix_id(object_type: str, *parts: object) -> str:
    """`type--uuid5(parts)`: the same parts give the same id in every export."""
    name = json.dumps([object_type, *["" if p is None else str(p) for p in parts]], ensure_ascii=False)
    return f"{object_type}--{uuid.uuid5(NAMESPACE, name)}"


def timestamp(value: str | None) -> str:
    """An ISO timestamp as a STIX one: UTC, millisecond precision, `Z`. None or unreadable: the epoch."""
    if not value:
        return EPOCH
    try:
        moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return EPOCH
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    moment = moment.astimezone(dt.UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def first_moment(date: str, date_end: str | None = None) -> str:
    """The first instant a partial date (2024, 2024-01, 2024-01-04) can mean: STIX has no partial dates,
    so the precision travels beside it in marsad's extension."""
    day = PartialDate(date, end=date_end).first_day()
    return f"{day.isoformat()}T00:00:00.000Z"


def last_moment(date: str, date_end: str | None = None) -> str:
    """The last instant it can mean (the last day of a month-precision date)."""
    day = PartialDate(date, end=date_end).last_day()
    return f"{day.isoformat()}T23:59:59.999Z"

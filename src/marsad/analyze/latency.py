"""Response latency: days from an event to an actor's first statement after it (on a topic)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from marsad.analyze.dating import bounds, parse_day
from marsad.analyze.reviewed import reviewed_facts
from marsad.analyze.subjects import ACTOR_TYPES, MENTIONABLE, entity, with_members
from marsad.analyze.timeline import Source
from marsad.errors import NotFoundError
from marsad.kb import Watchlist
from marsad.model import EntityType
from marsad.store import FactFilter, ReadView
from marsad.store.facts import Fact


@dataclass
class Latency:
    event: str
    event_date: dt.date
    event_evidence: str  # where the event's date comes from
    event_source: Source | None
    actor: str
    topic: str | None
    response: Source | None
    response_fact: Fact | None
    days: int | None
    days_max: int | None  # when the response date is a range (a month), the latest it can be

    def as_dict(self) -> dict[str, Any]:
        return {
            "event": self.event,
            "event_date": self.event_date.isoformat(),
            "event_evidence": self.event_evidence,
            "event_source": vars(self.event_source) if self.event_source else None,
            "actor": self.actor,
            "topic": self.topic,
            "days": self.days,
            "days_max": self.days_max,
            "response_date": self.response.date if self.response else None,
            "responder": self.response_fact.get("actor") if self.response_fact else None,
            "response_evidence": self.response.text if self.response else None,
            "response_source": vars(self.response) if self.response else None,
        }


def _event(store: ReadView, watchlist: Watchlist, event: str) -> tuple[str, dt.date, str, Source | None]:
    found = watchlist.resolve(event, (EntityType.EVENT,))
    if found and found[0].id in watchlist.dates:
        e = found[0]
        day = dt.date.fromisoformat(watchlist.dates[e.id])
        how = f"watchlist: {e.name}, {day.isoformat()}"
    else:
        parsed = parse_day(event)
        if parsed is None:
            raise NotFoundError(
                f"event {event!r} is neither a date nor a dated event of the watchlist (`marsad kb list` shows them)"
            )
        day, how = parsed, f"the date given: {parsed.isoformat()}"
        e = None
    # an archived text that states that day, as evidence beside the watchlist's word
    exact = store.select_facts(FactFilter(("date",), on=day.isoformat()), limit=1)
    return (e.name if e else day.isoformat()), day, how, (Source.of(exact[0]) if exact else None)


def latency(store: ReadView, watchlist: Watchlist, event: str, actor: str, topic: str | None = None) -> Latency:
    name, day, how, source = _event(store, watchlist, event)
    a = entity(watchlist, actor, ACTOR_TYPES, "actor")
    subjects = [e.id for e in with_members(watchlist, a)]
    about = entity(watchlist, topic, MENTIONABLE, "topic").id if topic else None
    wanted = FactFilter(("statement",), subjects=subjects, date_from=day.isoformat(), about=about, min_confidence=0.5)
    facts = reviewed_facts(
        store, watchlist, wanted, limit=200
    )  # as reviewed: a statement re-dated after the event counts
    after = [f for f in facts if f.get("date") and bounds(f["date"], f["date_end"])[0] >= day]
    if not after:
        return Latency(name, day, how, source, a.name, topic, None, None, None, None)
    first = after[0]
    start, end = bounds(first["date"], first["date_end"])
    days, days_max = (start - day).days, (end - day).days
    return Latency(name, day, how, source, a.name, topic, Source.of(first), first, days, days_max)

"""The findings of `marsad check` (analyze.checks, read-only here: nothing is stored), each side with its
evidence linked to its documents; a finding that the last `marsad check` stored (its inconsistency facts) can
be accepted or dismissed, a review of those facts like any other."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends
from starlette.requests import Request
from starlette.responses import HTMLResponse

from marsad.analyze.checks import findings_of, stored_ids
from marsad.store import ReadView
from marsad.store.reviews import attach, latest
from marsad.web.archive import reading, watchlist_of
from marsad.web.render import page

router = APIRouter()


@router.get("/findings", response_class=HTMLResponse)
def findings_page(request: Request, store: Annotated[ReadView, Depends(reading)]) -> HTMLResponse:
    findings = findings_of(store, watchlist_of(store))
    facts = {f["id"]: f for f in store.iter_facts(kind="inconsistency")}
    stored = {f.id: [facts[i] for i in stored_ids(f) if i in facts] for f in findings}
    docs = sorted({fact["document"]["id"] for kept in stored.values() for fact in kept})
    attached, _ = attach(facts.values(), [r for d in docs for r in store.reviews(d)])
    verdicts: dict[str, Any] = {
        f.id: latest([r for fact in stored[f.id] for r in attached.get(fact["id"], [])]) for f in findings
    }
    return page(request, "findings.html", title="findings", findings=findings, stored=stored, verdicts=verdicts)

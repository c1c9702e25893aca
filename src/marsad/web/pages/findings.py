"""The findings of `marsad check` (analyze.checks, read-only here: nothing is stored), each side with its
evidence linked to its documents."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends
from starlette.requests import Request
from starlette.responses import HTMLResponse

from marsad.analyze.checks import check
from marsad.store import SQLiteStore
from marsad.web.archive import reading, watchlist_of
from marsad.web.render import page

router = APIRouter()


@router.get("/findings", response_class=HTMLResponse)
def findings_page(request: Request, store: Annotated[SQLiteStore, Depends(reading)]) -> HTMLResponse:
    findings = check(store, watchlist_of(store), persist=False)
    return page(request, "findings.html", title="findings", findings=findings)

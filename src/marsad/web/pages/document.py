"""A document: its text with every fact's span highlighted by kind, the facts beside it with their reviews,
its provenance; and its original, only ever as a download."""

from __future__ import annotations

import re
from pathlib import PurePath
from typing import Annotated, Any

from fastapi import APIRouter, Depends
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from marsad.store import ReadView
from marsad.store.facts import Fact
from marsad.store.reviews import CORRECTABLE, VERDICTS, attach, latest
from marsad.web.archive import reading, watchlist_of
from marsad.web.highlight import MAX_SHOWN, Mark, blocks
from marsad.web.render import page

router = APIRouter()
_EXTENSION = re.compile(r"^\.[A-Za-z0-9]{1,8}$")


@router.get("/doc/{doc_id}", response_class=HTMLResponse)
def document_page(request: Request, doc_id: str, store: Annotated[ReadView, Depends(reading)]) -> HTMLResponse:
    doc = store.get_document(doc_id)
    facts = list(store.iter_facts(document=doc.id))
    reviews, detached = attach(facts, store.reviews(doc.id))
    marks = [Mark(f["start"], f["end"], f["kind"], f["id"]) for f in facts]
    later, earlier = store.versions(doc.id)
    return page(
        request,
        "document.html",
        title=doc.title or PurePath(doc.source).name or doc.id[:12],
        doc=doc,
        blocks=blocks(doc.text, doc.paragraphs, marks),
        truncated=len(doc.text) > MAX_SHOWN,
        shown=MAX_SHOWN,
        facts=[_shown(f, reviews.get(f["id"], [])) for f in facts],
        detached=detached,
        children=store.children(doc.id),
        later=later,
        earlier=earlier,
        verdicts=VERDICTS,
        fields=CORRECTABLE,
        names={e.id: e.name for e in watchlist_of(store).entities},
    )


def _shown(fact: Fact, reviews: list[Any]) -> dict[str, Any]:
    """A fact with its reviews and the review in force."""
    return {**fact, "reviews": reviews, "verdict": latest(reviews)}


@router.get("/doc/{doc_id}/original")
def original(doc_id: str, store: Annotated[ReadView, Depends(reading)]) -> Response:
    """The bytes exactly as archived, as an attachment a browser saves and never renders or sniffs."""
    doc = store.get_document(doc_id)
    suffix = PurePath(doc.source.replace("\\", "/")).suffix
    name = doc.id[:16] + (suffix.lower() if _EXTENSION.match(suffix) else ".bin")
    return Response(
        store.original(doc.id),
        media_type="application/octet-stream",
        headers={"Content-Disposition": f'attachment; filename="{name}"', "X-Content-Type-Options": "nosniff"},
    )

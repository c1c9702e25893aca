"""Reviews: confirm, reject or correct a fact (`marsad serve --review`), each stored as its own record keyed to
the fact's evidence (store.reviews); and the list of every review, attached or not."""

from __future__ import annotations

import re
from typing import Annotated
from urllib.parse import parse_qs

from fastapi import APIRouter, Depends
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from marsad.errors import ConfigError, NotFoundError
from marsad.store import ReadView
from marsad.store.reviews import attach, review_of_fact
from marsad.web.archive import config_of, reading, writing
from marsad.web.config import WebConfig
from marsad.web.render import page
from marsad.web.security import csrf_ok

router = APIRouter()
MAX_FORM = 16_384  # bytes of a review form
_BACK = re.compile(r"/findings#finding-[0-9a-f]{16}")


class Forbidden(ConfigError):
    """A write the server refuses: read-only, or a form without its CSRF token."""


@router.post("/review")
async def review(request: Request) -> Response:
    config = config_of(request)
    if not config.review:
        raise Forbidden("this server is read-only; start it with `marsad serve --review` to record reviews")
    body = await request.body()
    if len(body) > MAX_FORM:
        raise ConfigError(f"a review form is at most {MAX_FORM} bytes")
    form = {k: v[0] for k, v in parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True).items()}
    if not csrf_ok(config, request, form.get("csrf")):
        raise Forbidden("the form's CSRF token is missing or wrong: reload the document page and review again")
    doc_id = await run_in_threadpool(_record, config, form)
    back = form.get("back", "")
    if _BACK.fullmatch(back):  # only back to a finding of ours: never a redirect to anywhere a form names
        return RedirectResponse(back, status_code=303)
    return RedirectResponse(f"/doc/{doc_id}#f-{form.get('fact', '')}", status_code=303)


def _record(config: WebConfig, form: dict[str, str]) -> str:
    with writing(config) as store:
        doc = store.get_document(form.get("doc", ""))
        fact = next((f for f in store.iter_facts(document=doc.id) if f["id"] == form.get("fact")), None)
        if fact is None:
            raise NotFoundError(f"no fact {form.get('fact', '')!r} in document {doc.id[:12]}")
        store.add_review(
            review_of_fact(
                fact, form.get("verdict", ""), form.get("field"), form.get("value"), form.get("note", ""),
                config.reviewer,
            )
        )  # fmt: skip
        return doc.id


@router.get("/reviews", response_class=HTMLResponse)
def reviews_page(request: Request, store: Annotated[ReadView, Depends(reading)]) -> HTMLResponse:
    reviews = store.reviews()
    docs = {r.doc_id for r in reviews}
    facts = [f for d in sorted(docs) for f in store.iter_facts(document=d)]
    attached, detached = attach(facts, reviews)
    live = {r.id for rs in attached.values() for r in rs}
    return page(request, "reviews.html", title="reviews", reviews=reviews, live=live, detached=detached)

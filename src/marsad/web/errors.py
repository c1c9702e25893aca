"""The one place marsad's errors become pages: the message, escaped, with the HTTP status it means."""

from __future__ import annotations

from fastapi import FastAPI
from starlette.requests import Request
from starlette.responses import Response

from marsad.errors import ConfigError, MarsadError, NotFoundError, QueryError
from marsad.web.pages.review import Forbidden
from marsad.web.render import page


def status_of(exc: MarsadError) -> int:
    if isinstance(exc, Forbidden):
        return 403
    if isinstance(exc, NotFoundError):
        return 404
    if isinstance(exc, QueryError | ConfigError):
        return 400
    return 500


async def _marsad_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, MarsadError)
    status = status_of(exc)
    return page(request, "error.html", status=status, title=f"error {status}", message=str(exc), code=status)


def install(app: FastAPI) -> None:
    app.add_exception_handler(MarsadError, _marsad_error)

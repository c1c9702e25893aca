"""The application: its configuration, the guard every request passes, the pages and the stylesheet."""

from __future__ import annotations

import importlib.resources

from fastapi import FastAPI
from starlette.requests import Request
from starlette.responses import Response
from starlette.staticfiles import StaticFiles

from marsad import __version__
from marsad.web import errors
from marsad.web.config import WebConfig
from marsad.web.pages import document, entity, findings, review, search, timeline
from marsad.web.security import Next, guard


def create_app(config: WebConfig) -> FastAPI:
    app = FastAPI(title="marsad", version=__version__, docs_url=None, redoc_url=None, openapi_url=None)
    app.state.config = config

    @app.middleware("http")
    async def _guard(request: Request, call_next: Next) -> Response:
        return await guard(config, request, call_next)

    errors.install(app)
    for module in (search, document, entity, timeline, findings, review):
        app.include_router(module.router)
    static = importlib.resources.files("marsad.web").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    return app

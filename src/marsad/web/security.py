"""What every response carries and every request must show: the headers that keep a hostile page inert, the
Host check against DNS rebinding, the access token, and the review forms' CSRF token."""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Awaitable, Callable
from urllib.parse import parse_qsl, urlencode

from starlette.datastructures import URL
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response

from marsad.web.config import WebConfig

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Cache-Control": "no-store",
}
TOKEN_COOKIE = "marsad_token"
Next = Callable[[Request], Awaitable[Response]]


def secure_headers(response: Response) -> Response:
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    return response


def host_allowed(config: WebConfig, request: Request) -> bool:
    if config.allowed_hosts is None:
        return True
    host = request.headers.get("host", "")
    name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
    return name.strip("[]").lower() in config.allowed_hosts


def _token_given(config: WebConfig, request: Request) -> str | None:
    """What the request shows of the token: a bearer header, the cookie, or ?token= (the first visit)."""
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        return auth[7:].strip()
    return request.cookies.get(TOKEN_COOKIE) or request.query_params.get("token")


def token_ok(config: WebConfig, given: str | None) -> bool:
    if config.token is None:
        return True
    return given is not None and hmac.compare_digest(given.encode(), config.token.encode())


def _without_token(url: URL) -> str:
    query = urlencode([kv for kv in parse_qsl(url.query, keep_blank_values=True) if kv[0] != "token"])
    return url.path + (f"?{query}" if query else "")


async def guard(config: WebConfig, request: Request, call_next: Next) -> Response:
    """The middleware: refuse a foreign Host and a missing token, then add the headers to whatever is sent."""
    if not host_allowed(config, request):
        return secure_headers(PlainTextResponse("this server answers only on 127.0.0.1", status_code=421))
    given = _token_given(config, request)
    if not token_ok(config, given):
        return secure_headers(
            PlainTextResponse("open the address with ?token=... as printed by marsad serve", status_code=401)
        )
    if config.token and request.query_params.get("token"):  # the first visit: keep it in a cookie, not the URL
        redirect = RedirectResponse(_without_token(request.url), status_code=303)
        redirect.set_cookie(TOKEN_COOKIE, config.token, httponly=True, samesite="strict")
        return secure_headers(redirect)
    return secure_headers(await call_next(request))


def csrf_token(config: WebConfig, purpose: str = "review") -> str:
    """The token a review form carries: a page of another site cannot read our pages, so cannot know it."""
    return hmac.new(config.csrf_secret.encode(), purpose.encode(), hashlib.sha256).hexdigest()


def csrf_ok(config: WebConfig, request: Request, given: str | None, purpose: str = "review") -> bool:
    origin = request.headers.get("origin")
    if origin is not None and origin != "null" and URL(origin).netloc != request.headers.get("host"):
        return False
    if request.headers.get("sec-fetch-site") == "cross-site":
        return False
    return given is not None and hmac.compare_digest(given, csrf_token(config, purpose))

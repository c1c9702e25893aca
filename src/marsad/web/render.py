"""Templates (Jinja2, every value autoescaped) and the few filters they use."""

from __future__ import annotations

from typing import Any

import jinja2
import markupsafe
from starlette.requests import Request
from starlette.responses import HTMLResponse

from marsad.text.script import has_arabic, mostly_arabic
from marsad.web.archive import config_of
from marsad.web.security import csrf_token

BIDI_CONTROLS = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f"))


def direction(text: Any) -> str:
    """dir= for a text from a document: mostly Arabic right to left, a Latin text holding Arabic left to right
    (so its parentheses hold), else the browser's own reading (auto)."""
    s = "" if text is None else str(text)
    return "rtl" if mostly_arabic(s) else "ltr" if has_arabic(s) else "auto"


def visible_controls(text: Any) -> str:
    """A name shown in our own sentences (a file name, a source) with its bidirectional controls made
    visible: a right-to-left override in a file name cannot disguise it ('gpj.exe')."""
    s = "" if text is None else str(text)
    return "".join(f"<U+{ord(c):04X}>" if ord(c) in BIDI_CONTROLS else c for c in s)


def basename(text: Any) -> str:
    """The last part of a path or URL (the full one goes in a title)."""
    s = ("" if text is None else str(text)).replace("\\", "/").rstrip("/")
    return s.rsplit("/", 1)[-1] or s


OVERRIDES = {0x202A: "[LRE]", 0x202B: "[RLE]", 0x202C: "[PDF]", 0x202D: "[LRO]", 0x202E: "[RLO]"}


def overrides_shown(value: Any) -> Any:
    """Every value a template prints (Jinja's finalize): a bidirectional embedding or override becomes a visible
    marker instead of being obeyed, so «\u202egpj.exe» reads "[RLO]gpj.exe", never "exe.jpg". Isolates and marks
    stay: they reorder nothing outside their own run."""
    if isinstance(value, str) and not isinstance(value, markupsafe.Markup):
        return value.translate(OVERRIDES)
    return value


def short(text: Any, n: int = 160) -> str:
    s = " ".join(("" if text is None else str(text)).split())
    return s if len(s) <= n else s[: n - 1] + "…"


ENV = jinja2.Environment(
    loader=jinja2.PackageLoader("marsad.web", "templates"),
    autoescape=True,  # every template, whatever its name
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    finalize=overrides_shown,
)
ENV.filters.update(direction=direction, visible=visible_controls, short=short, basename=basename)


def page(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    config = config_of(request)
    body = ENV.get_template(template).render(
        review=config.review, csrf=csrf_token(config) if config.review else "", **context
    )
    return HTMLResponse(body, status_code=status)

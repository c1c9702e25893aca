"""What keeps the archive's hostile pages inert and the archive private: the headers on every response,
loopback by default, a token for any other address, read-only unless --review, CSRF on the review form."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from starlette.testclient import TestClient

from marsad.cli import cli
from marsad.errors import ConfigError
from marsad.web.app import create_app
from marsad.web.config import WebConfig, config_for_bind
from marsad.web.security import CSP, csrf_token
from tests.web.helpers import doc_ids

TOKEN = "a-long-enough-test-token-0123456789"
PAGES = ["/", "/search?q=Gaza", "/timeline", "/entities", "/reviews", "/static/marsad.css", "/doc/nothere"]


@pytest.mark.parametrize("path", PAGES)
def test_every_response_carries_the_headers(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.headers["content-security-policy"] == CSP and CSP.startswith("default-src 'self';")
    assert "'unsafe-inline'" not in CSP and "script-src 'self'" in CSP
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["x-frame-options"] == "DENY" and r.headers["referrer-policy"] == "no-referrer"


def test_a_page_carries_no_script_and_no_inline_style(client: TestClient) -> None:
    for path in PAGES[:5]:
        page = client.get(path).text.lower()
        # one script, the vendored htmx from the server itself, and nothing inline
        assert page.count("<script") == 1 and '<script src="/static/htmx.min.js" defer></script>' in page, path
        assert " style=" not in page and "<style" not in page, path


def test_another_host_name_is_refused(built_archive: Path) -> None:
    """A page of another site that rebinds its name to 127.0.0.1 gets nothing."""
    with TestClient(create_app(WebConfig(db=str(built_archive))), base_url="http://evil.example:8765") as c:
        r = c.get("/")
        assert r.status_code == 421 and "archive" not in r.text


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.20", "::", "example.org"])
def test_any_address_but_loopback_needs_a_token(host: str) -> None:
    with pytest.raises(ConfigError, match="--token"):
        config_for_bind("x.db", host, None, False, "me")
    assert config_for_bind("x.db", host, TOKEN, False, "me").token == TOKEN


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "::1", "127.0.0.2"])
def test_loopback_needs_none(host: str) -> None:
    assert config_for_bind("x.db", host, None, False, "me").allowed_hosts is not None


def test_serve_refuses_to_start_without_a_token(built_archive: Path) -> None:
    result = CliRunner().invoke(cli, ["--db", str(built_archive), "serve", "--host", "0.0.0.0"])
    assert result.exit_code == 2
    assert "give --token" in result.stderr
    short = CliRunner().invoke(cli, ["--db", str(built_archive), "serve", "--host", "0.0.0.0", "--token", "abc"])
    assert short.exit_code == 2 and "at least 16 characters" in short.stderr


def test_a_token_guards_every_request(built_archive: Path) -> None:
    config = config_for_bind(str(built_archive), "0.0.0.0", TOKEN, False, "me")
    with TestClient(create_app(config), base_url="http://192.0.2.7:8765") as c:
        assert c.get("/").status_code == 401
        assert c.get("/static/marsad.css").status_code == 401
        assert c.get("/", params={"token": "wrong" + TOKEN}).status_code == 401
        assert c.get("/", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200
        first = c.get("/search", params={"q": "Gaza", "token": TOKEN}, follow_redirects=False)
        assert first.status_code == 303 and first.headers["location"] == "/search?q=Gaza"  # out of the address bar
        cookie = first.headers["set-cookie"]
        assert "HttpOnly" in cookie and "SameSite=strict" in cookie
        assert c.get("/search", params={"q": "Gaza"}).status_code == 200  # the cookie carries it now


def test_read_only_by_default(client: TestClient) -> None:
    doc = doc_ids(client.get("/search", params={"q": "Hudhayfa"}).text)[0]
    page = client.get(f"/doc/{doc}").text
    assert '<form class="review"' not in page and "read-only" in page
    r = client.post("/review", data={"doc": doc, "fact": "x", "verdict": "confirm"})
    assert r.status_code == 403 and "read-only" in r.text


def _a_fact(c: TestClient) -> tuple[str, str]:
    import re

    doc = doc_ids(c.get("/search", params={"q": "Hudhayfa statement 89 days"}).text)[0]
    fact = re.findall(r'<li id="f-([0-9a-f]{64})"', c.get(f"/doc/{doc}").text)[0]
    return doc, fact


def test_a_review_needs_the_forms_csrf_token(review_client: TestClient) -> None:
    doc, fact = _a_fact(review_client)
    form = {"doc": doc, "fact": fact, "verdict": "confirm"}
    assert review_client.post("/review", data=form).status_code == 403
    assert review_client.post("/review", data={**form, "csrf": "0" * 64}).status_code == 403
    config = review_client.app.state.config  # type: ignore[attr-defined]
    good = {**form, "csrf": csrf_token(config)}
    cross = review_client.post("/review", data=good, headers={"Origin": "http://evil.example"})
    assert cross.status_code == 403
    assert review_client.post("/review", data=good, follow_redirects=False).status_code == 303


def test_a_generated_token_is_printed_once_and_guards_the_server(
    built_archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import uvicorn

    started: list[dict[str, object]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: started.append(kw))
    result = CliRunner().invoke(
        cli, ["--db", str(built_archive), "serve", "--host", "0.0.0.0", "--port", "0", "--token", "generate"]
    )
    assert result.exit_code == 0, result.output
    (line,) = [x for x in result.stderr.splitlines() if "token (shown once" in x]
    token = line.rsplit(" ", 1)[1]
    assert len(token) >= 16 and result.stderr.count(token) == 2  # the line and the address to open
    assert started and started[0]["host"] == "0.0.0.0"

"""How one `marsad serve` runs: the archive, who may reach it, and whether it takes reviews."""

from __future__ import annotations

import ipaddress
import secrets
from dataclasses import dataclass, field

from marsad.errors import ConfigError

LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1")


@dataclass(frozen=True, slots=True)
class WebConfig:
    db: str
    token: str | None = None  # required of every request when set (any address but loopback needs one)
    review: bool = False  # accept reviews (writes); read-only otherwise
    reviewer: str = "analyst"  # whose reviews these are
    # the Host headers answered: a page on another site that rebinds its name to 127.0.0.1 is refused;
    # None answers any (a token guards the server then)
    allowed_hosts: tuple[str, ...] | None = LOOPBACK_NAMES
    csrf_secret: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    page_size: int = 20


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def config_for_bind(db: str, host: str, token: str | None, review: bool, reviewer: str) -> WebConfig:
    """The configuration for serving on `host`: any address but loopback refuses to start without a token."""
    if token is not None and len(token) < 16:
        raise ConfigError("--token must be at least 16 characters: a long random one is best (openssl rand -hex 24)")
    if not is_loopback(host) and not token:
        raise ConfigError(
            f"--host {host} makes the archive reachable from other machines: give --token (or MARSAD_TOKEN) "
            "so that only those who have it can read it; without one, serve on 127.0.0.1"
        )
    hosts = None if token else (*LOOPBACK_NAMES, host)
    return WebConfig(db=db, token=token or None, review=review, reviewer=reviewer, allowed_hosts=hosts)

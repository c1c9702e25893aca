"""`marsad serve`: the local web UI (marsad.web) over the archive."""

from __future__ import annotations

import getpass
import secrets

import click

from marsad.cli.common import handle_errors
from marsad.store import open_store
from marsad.store.opening import check_readable
from marsad.web.config import config_for_bind

DEFAULT_PORT = 8765


def _reviewer() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in this environment
        return "analyst"


@click.command("serve")
@click.option(
    "--host", default="127.0.0.1", show_default=True, help="Address to listen on; any but loopback needs --token."
)
@click.option("--port", type=click.IntRange(0, 65535), default=DEFAULT_PORT, show_default=True)
@click.option(
    "--token",
    envvar="MARSAD_TOKEN",
    metavar="SECRET",
    help="Every request must show it (open the printed address once; a cookie keeps it); `--token generate` makes a "
    "random one and prints it once. Env: MARSAD_TOKEN.",
)
@click.option("--review", is_flag=True, help="Accept reviews of facts (confirm, reject, correct): the only writes.")
@click.option("--reviewer", metavar="NAME", default=None, help="Whose reviews these are (default: the user name).")
@click.pass_context
@handle_errors
def serve_command(
    ctx: click.Context, host: str, port: int, token: str | None, review: bool, reviewer: str | None
) -> None:
    """Browse the archive in a browser: search, documents with every fact highlighted, entities, the timeline.

    Read-only unless --review. Pages run no script and fetch nothing beyond this server; originals are
    offered only as downloads.
    """
    import uvicorn

    from marsad.web.app import create_app

    db = ctx.find_root().obj["db"]
    if token == "generate":  # a random token, shown once here and nowhere else
        token = secrets.token_urlsafe(24)
        click.echo(f"marsad: token (shown once, keep it): {token}", err=True)
    config = config_for_bind(db, host, token, review, reviewer or _reviewer())
    check_readable(db)
    open_store(db, read_only=not review).close()  # an older archive is upgraded (the reviews table) here, once
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{port}/" + (f"?token={token}" if token else "")
    mode = f"reviews as {config.reviewer}" if review else "read-only"
    click.echo(f"marsad: serving {db} on {url} ({mode}; Ctrl-C stops)", err=True)
    uvicorn.run(create_app(config), host=host, port=port, log_level="warning", server_header=False, proxy_headers=False)

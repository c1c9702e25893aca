"""`marsad verify`"""

from __future__ import annotations

import os
import sys

import click

from marsad.cli.common import handle_errors, store_from
from marsad.store.opening import is_server_url


@click.command("verify")
@click.pass_context
@handle_errors
def verify_command(ctx: click.Context) -> None:
    """Check the archive: SQLite's own integrity check, the full-text index, and the counts the answers keep (fact
    groups, issue topics, search facets) against a recount from the facts and documents. Changes nothing; prints a
    `problem:` line for each problem and exits 1, else says the archive is sound. On a read-only archive the
    full-text index is not checked (SQLite checks it as a write), and it says so. On a PostgreSQL archive: every
    document indexed and with its original, every fact's text the span it names."""
    path = ctx.find_root().obj["db"]
    server = is_server_url(path)  # a PostgreSQL database: the server checks its own files
    writable = server or (os.access(path, os.W_OK) and os.access(os.path.dirname(os.path.abspath(path)), os.W_OK))
    store = store_from(ctx, write=writable)
    problems = store.check_integrity(full_text=writable)
    for problem in problems:
        click.echo(f"problem: {store.path}: {problem}")
    if problems:
        sys.stdout.flush()
        ctx.exit(1)
    checked = (
        "every document's index rows and original, every fact's text against its span"
        if server
        else "its file, full-text index and kept counts"
        if writable
        else "its file and kept counts (read-only: the full-text index was not checked)"
    )
    click.echo(f"{store.path}: sound, {store.stats().documents} documents; checked {checked}")

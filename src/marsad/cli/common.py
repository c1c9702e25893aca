"""What every command shares: the group with --db, output formats, errors mapped to exit codes."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from marsad import __version__
from marsad.errors import MarsadError
from marsad.export.tabular import FORMATS
from marsad.settings import setting
from marsad.store import SQLiteStore, open_store
from marsad.store.opening import check_readable

F = TypeVar("F", bound=Callable[..., Any])


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option(
    "--db",
    "db",
    envvar=setting("db").env,
    default=setting("db").default,
    show_default=True,
    metavar="PATH",
    help=f"{setting('db').help} Env: {setting('db').env}.",
)
@click.version_option(__version__, prog_name="marsad")
@click.pass_context
def cli(ctx: click.Context, db: str) -> None:
    """marsad: archive, date and check what armed groups publish, with every fact linked to its source."""
    ctx.obj = {"db": db}


def store_from(ctx: click.Context, write: bool = False, create: bool = False) -> SQLiteStore:
    """The archive named by --db: read-only unless the command writes; created only by a command that
    archives (`create`), so a mistyped --db is an error, never an empty archive answering "none found"."""
    path = ctx.find_root().obj["db"]
    if write and not create:
        check_readable(path)  # a read-only open checks this itself
    store = open_store(path, read_only=not write)
    ctx.call_on_close(store.close)
    return store


def use_archive_watchlist(store: SQLiteStore) -> None:
    """Extractors resolve names against the shipped watchlist plus what this archive imported or added."""
    from marsad.extract.actors import configure
    from marsad.kb import load_watchlist

    imported = store.kb_entities()
    configure(load_watchlist(entities=imported) if imported else None)


def format_option(*choices: str) -> Callable[[F], F]:
    allowed = choices or FORMATS
    return click.option(
        "--format",
        "-f",
        "fmt",
        type=click.Choice(allowed),
        default=allowed[0],
        show_default=True,
        help="Output format.",
    )


def handle_errors(func: F) -> F:
    """Turn marsad's own errors into one line on stderr and the error's exit code."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except MarsadError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo("interrupted: what was written is consistent; run the same command again to resume", err=True)
            sys.exit(130)

    return wrapper  # type: ignore[return-value]

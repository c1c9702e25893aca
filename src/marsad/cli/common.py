"""What every command shares: the group with --db, output formats, errors mapped to exit codes."""

from __future__ import annotations

import functools
import os
import sqlite3
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

from marsad import __version__
from marsad.errors import MarsadError, StoreError, from_os_error
from marsad.export.tabular import FORMATS
from marsad.settings import setting
from marsad.store import ReadView, Store, open_store
from marsad.store.opening import check_readable

if TYPE_CHECKING:
    from marsad.extract.base import Extractor

F = TypeVar("F", bound=Callable[..., Any])


def setting_option(flag: str, name: str, metavar: str, dest: str | None = None) -> Callable[[F], F]:
    """An option for the setting `name` (marsad.settings): its default shown, its help and its variable named."""
    s = setting(name)
    return click.option(
        *((flag, dest) if dest else (flag,)), metavar=metavar, show_default=s.default, help=f"{s.help} Env: {s.env}."
    )


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


def _db_after_the_command(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    if value is not None:
        ctx.find_root().obj["db"] = value


def accept_db_everywhere(command: click.Command) -> None:
    """`marsad stats --db x.db` as well as `marsad --db x.db stats`: every command takes --db too."""
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            accept_db_everywhere(sub)
        return
    command.params.append(
        click.Option(
            ["--db"],
            metavar="PATH",
            expose_value=False,
            callback=_db_after_the_command,
            help="The archive (as `marsad --db PATH`, which it overrides).",
        )
    )


def store_from(ctx: click.Context, write: bool = False, create: bool = False) -> Store:
    """The archive named by --db: read-only unless the command writes; created only by a command that
    archives (`create`), so a mistyped --db is an error, never an empty archive answering "none found"."""
    path = ctx.find_root().obj["db"]
    if write and not create:
        check_readable(path)  # a read-only open checks this itself
    store = open_store(path, read_only=not write)
    ctx.call_on_close(store.close)
    return store


def archive_extractors(store: ReadView) -> tuple[Extractor, ...]:
    """The extractors that resolve names against the shipped watchlist plus what this archive imported or added."""
    from marsad.extract.registry import extractors_for

    return extractors_for(store.kb_entities())


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
    """The one place failures become what a user reads: one `error:` line on stderr and a non-zero exit
    code, never a traceback. marsad's own errors carry their exit code; a full disk, a refused write or
    a database failure that escaped the store are said the same way."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            result = func(*args, **kwargs)
            sys.stdout.flush()  # a closed pipe or a full disk shows here, not at exit
            return result
        except MarsadError as exc:
            _fail(exc)
        except BrokenPipeError:  # `marsad facts | head`: the reader has what it wanted
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(141)
        except OSError as exc:
            _fail(from_os_error(exc))
        except sqlite3.Error as exc:
            _fail(StoreError(f"{ctx_db()}: the archive failed ({type(exc).__name__}: {exc})"))
        except KeyboardInterrupt:
            click.echo("interrupted: what was written is consistent; run the same command again to resume", err=True)
            sys.exit(130)
        except Exception as exc:
            if not _server_failed(exc):
                raise
            from marsad.store.postgres import shown  # loaded: the error is psycopg's

            reason = " ".join(str(exc).split())
            _fail(StoreError(f"{shown(ctx_db())}: the PostgreSQL server failed ({type(exc).__name__}: {reason})"))

    return wrapper  # type: ignore[return-value]


def _server_failed(exc: Exception) -> bool:
    """A PostgreSQL archive's server failed, or dropped the connection, outside a store's own error handling (a
    read): psycopg's error, when psycopg is loaded (it is not imported for an SQLite archive)."""
    psycopg = sys.modules.get("psycopg")
    return psycopg is not None and isinstance(exc, psycopg.Error)


def _fail(exc: MarsadError) -> NoReturn:
    click.echo(f"error: {exc}", err=True)
    sys.exit(exc.exit_code)


def ctx_db() -> str:
    ctx = click.get_current_context(silent=True)
    return str(ctx.find_root().obj["db"]) if ctx is not None and ctx.find_root().obj else "archive"

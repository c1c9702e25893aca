"""`marsad ingest PATH...`"""

from __future__ import annotations

import sys
import time
from typing import TYPE_CHECKING

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from marsad.cli.common import archive_extractors, handle_errors, setting_option, store_from
from marsad.ingest.paths import one_line
from marsad.ingest.walk import iter_inputs
from marsad.pipeline import ingest
from marsad.pipeline.run import UNSUPPORTED, FileResult, IngestSummary
from marsad.settings import ingest_settings
from marsad.store import Store

if TYPE_CHECKING:
    from marsad.extract.base import Extractor


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True)
@setting_option("--max-size", "max-size", "SIZE")
@setting_option("--batch", "batch", "N", dest="batch_size")
@setting_option("--workers", "workers", "N|auto")
@click.option(
    "--extract/--no-extract",
    default=True,
    show_default=True,
    help="Extract facts while ingesting; --no-extract archives only (run `marsad extract` later).",
)
@click.option("--quiet", "-q", is_flag=True, help="Print only problems and the summary.")
@click.pass_context
@handle_errors
def ingest_command(
    ctx: click.Context,
    paths: tuple[str, ...],
    max_size: str | None,
    batch_size: str | None,
    workers: str | None,
    extract: bool,
    quiet: bool,
) -> None:
    """Archive files and folders (recursively); '-' reads a list of paths from stdin.

    Reads saved pages (.html), PDFs, text and Markdown notes, Telegram Desktop exports (result.json)
    and JSON Lines dumps. The same bytes twice are archived once. Exits 1 if any input failed.
    """
    size_limit, batch, processes = ingest_settings(max_size, batch_size, workers)
    store = store_from(ctx, write=True, create=True)
    summary = run_ingest(store, paths, size_limit, batch, processes, quiet, extract)
    sys.exit(1 if summary.failed else 0)


def run_ingest(
    store: Store,
    paths: tuple[str, ...],
    max_size: int,
    batch_size: int,
    workers: int,
    quiet: bool,
    extract: bool = True,
) -> IngestSummary:
    started = time.monotonic()
    extractors = archive_extractors(store)  # built here, before the workers fork: they inherit it
    if sys.stdout.isatty() and "-" not in paths:
        summary = _with_progress(store, paths, max_size, batch_size, workers, extract, extractors)
    else:
        summary = ingest(
            store,
            paths,
            max_size=max_size,
            batch_size=batch_size,
            workers=workers,
            extract=extract,
            stdin=sys.stdin,
            on_file=lambda r: _print_result(r, quiet),
            extractors=extractors,
        )
    took = time.monotonic() - started
    click.echo(
        f"ingested {summary.ingested}, already archived {summary.already}, failed {summary.failed}, "
        f"skipped {summary.skipped}, warnings {summary.warnings} ({summary.files} files in {took:.1f} s)"
    )
    return summary


def _with_progress(
    store: Store, paths: tuple[str, ...], max_size: int, batch_size: int, workers: int, extract: bool,
    extractors: tuple[Extractor, ...],
) -> IngestSummary:  # fmt: skip
    total = sum(1 for _ in iter_inputs(paths))
    columns = (TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    # refreshed by hand, not by rich's thread: worker processes are forked, and forking beside a thread is unsafe
    with Progress(*columns, console=Console(stderr=True), transient=True, auto_refresh=False) as progress:
        task = progress.add_task("ingest", total=total)

        def on_file(result: FileResult) -> None:
            progress.advance(task)
            for line, err in _lines(result, quiet=True):
                progress.console.print(line, markup=False, highlight=False, style="red" if err else "yellow")
            progress.refresh()

        return ingest(
            store, paths, max_size=max_size, batch_size=batch_size, workers=workers, extract=extract, on_file=on_file,
            extractors=extractors,
        )  # fmt: skip


def _print_result(result: FileResult, quiet: bool) -> None:
    for line, err in _lines(result, quiet):
        click.echo(line, err=err)


def _lines(result: FileResult, quiet: bool) -> list[tuple[str, bool]]:
    lines = [(one_line(f"error: {where}: {reason}"), True) for where, reason in result.failures]
    lines += [(one_line(f"warning: {where}: {reason}"), True) for where, reason in result.warnings]
    if result.skipped and not result.skipped.startswith(UNSUPPORTED):  # not routine: said even with -q
        lines.append((f"skipped: {result.path}: {result.skipped}", True))
    if quiet:
        return lines
    if result.skipped and result.skipped.startswith(UNSUPPORTED):
        lines.append((f"skipped   {result.path}: {result.skipped}", False))
    elif result.ingested or result.already:
        counts = f"{result.ingested} new" + (f", {result.already} already archived" if result.already else "")
        if result.ingested == 1 and not result.already and len(result.documents) == 1:
            counts = f"{result.documents[0][:12]}"
        elif result.already and not result.ingested:
            counts = "already archived" if result.already == 1 else f"{result.already} already archived"
        lines.insert(0, (f"{result.format or '?':9} {result.path}  {counts}", False))
    return lines

"""`marsad export stix|timesketch|ftm`: the archive in the formats other tools read (marsad.export)."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TextIO

import click

from marsad.cli.common import handle_errors, store_from
from marsad.cli.kb import archive_watchlist
from marsad.export.snapshot import Snapshot, take_snapshot
from marsad.export.timesketch import KINDS as TIMESKETCH_KINDS


@click.group("export")
def export_group() -> None:
    """The archive as STIX 2.1, Timesketch JSON Lines or FollowTheMoney entities; same archive, same bytes."""


def _output(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--output", "-o", "output", metavar="FILE", help="Write here instead of standard output.")(func)


def _snapshot(ctx: click.Context, findings: bool = True) -> Snapshot:
    store = store_from(ctx)
    return take_snapshot(store, archive_watchlist(store), findings=findings)


@contextmanager
def _opened(output: str | None) -> Iterator[TextIO]:
    if output is None:
        yield sys.stdout
        return
    with open(output, "w", encoding="utf-8", newline="\n") as fh:
        yield fh


def _summary(name: str, counts: Counter[str], unmapped: dict[str, tuple[int, str]], unit: str = "objects") -> None:
    shown = ", ".join(f"{n} {kind}" for kind, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    click.echo(f"{name}: {sum(counts.values())} {unit} ({shown or 'none'})", err=True)
    for what, (n, why) in sorted(unmapped.items()):
        click.echo(f"not mapped: {n} {what}: {why}", err=True)


@export_group.command("stix")
@click.option("--no-findings", is_flag=True, help="Leave out the findings of `marsad check` (faster).")
@_output
@click.pass_context
@handle_errors
def export_stix(ctx: click.Context, no_findings: bool, output: str | None) -> None:
    """A STIX 2.1 bundle: groups, people, outlets, series, campaigns, a report per document, a note per
    finding, relationships; dates' precision, calendar and Hijri value in marsad's extension-definition."""
    from marsad.export.stix import stix_bundle, write_stix

    export = stix_bundle(_snapshot(ctx, findings=not no_findings))
    with _opened(output) as out:
        write_stix(export, out)
    _summary("stix", export.counts(), export.unmapped)


@export_group.command("timesketch")
@click.option(
    "--kind",
    "kinds",
    multiple=True,
    type=click.Choice([*TIMESKETCH_KINDS, "date"]),
    help="Only facts of this kind (repeatable; default: statements, events, issues, campaigns, findings).",
)
@click.option("--no-documents", is_flag=True, help="Leave out a line per document's publication date.")
@_output
@click.pass_context
@handle_errors
def export_timesketch(ctx: click.Context, kinds: tuple[str, ...], no_documents: bool, output: str | None) -> None:
    """Timesketch JSON Lines: datetime, timestamp_desc, message and marsad's fields; a month- or year-precision
    date is placed at its first instant and its message says "[month precision: 2024-01]"."""
    from marsad.export.timesketch import timesketch_lines, write_timesketch

    lines = timesketch_lines(_snapshot(ctx, findings=False), kinds or TIMESKETCH_KINDS, not no_documents)
    with _opened(output) as out:
        counts = write_timesketch(lines, out)
    _summary("timesketch", counts, {}, "lines")


@export_group.command("ftm")
@_output
@click.pass_context
@handle_errors
def export_ftm(ctx: click.Context, output: str | None) -> None:
    """FollowTheMoney entities (JSON Lines): Person, Organization, Article/Document with its text and hash,
    Event with its dates and participants, Membership, Mention, UnknownLink; for OpenAleph's importer."""
    from marsad.export.ftm import ftm_entities, write_ftm

    store = store_from(ctx)
    entities, unmapped = ftm_entities(take_snapshot(store, archive_watchlist(store), findings=False), store.original)
    with _opened(output) as out:
        counts = write_ftm(entities, out)
    _summary("ftm", counts, unmapped, "entities")


@export_group.command("misp")
@click.option("--actor", metavar="NAME", help="Only facts naming this actor (an organisation: its people too).")
@click.option("--from", "date_from", metavar="DATE", help="From this ISO date (prefix).")
@click.option("--to", "date_to", metavar="DATE", help="Up to this ISO date (prefix).")
@_output
@click.pass_context
@handle_errors
def export_misp(
    ctx: click.Context, actor: str | None, date_from: str | None, date_to: str | None, output: str | None
) -> None:
    """One MISP event (pymisp, offline) for an actor, a date range or the whole archive: dated facts as text
    attributes with their evidence, document URLs as links, groups as threat-actor galaxy tags."""
    from marsad.analyze.subjects import ACTOR_TYPES, entity, with_members
    from marsad.export.misp import Selection, misp_event, write_misp

    store = store_from(ctx)
    watchlist = archive_watchlist(store)
    ids: frozenset[str] = frozenset()
    label = "the whole archive"
    if actor:
        found = entity(watchlist, actor, ACTOR_TYPES, "actor")
        ids, label = frozenset(e.id for e in with_members(watchlist, found)), found.name
    if date_from or date_to:
        label += f", {date_from or '..'} to {date_to or '..'}"
    export = misp_event(take_snapshot(store, watchlist), Selection(ids, date_from, date_to, label))
    with _opened(output) as out:
        write_misp(export, out)
    _summary("misp", export.counts(), export.unmapped, "items")

"""`marsad kb list|show|add|import-un|import`: the watchlist the extractors resolve names against."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from marsad.cli.common import format_option, handle_errors, store_from
from marsad.errors import ConfigError, NotFoundError
from marsad.export.tabular import write_rows
from marsad.kb import Watchlist, load_watchlist
from marsad.kb.misp_galaxy import parse_galaxy
from marsad.kb.opensanctions import parse_ftm
from marsad.kb.un import parse_un_list
from marsad.kb.watchlist import read_watchlist_file
from marsad.model import EntityType
from marsad.store import ReadView


def archive_watchlist(store: ReadView) -> Watchlist:
    """The shipped watchlist with what this archive imported or added."""
    return load_watchlist(entities=store.kb_entities())


@click.group("kb")
def kb_group() -> None:
    """The knowledge base: people, organisations, outlets, series, campaigns and topics, with aliases."""


@kb_group.command("list")
@click.option("--type", "kind", type=click.Choice([t.value for t in EntityType]), help="Only entities of this type.")
@format_option("table", "jsonl", "csv", "json")
@click.pass_context
@handle_errors
def kb_list(ctx: click.Context, kind: str | None, fmt: str) -> None:
    """Every entity with its type, alias count, roles and external ids."""
    wl = archive_watchlist(store_from(ctx))
    rows = [
        {
            "id": e.id[:12] if fmt == "table" else e.id,
            "type": e.type.value,
            "name": e.name,
            "aliases": len(e.aliases),
            "roles": "; ".join(f"{r.role} {r.start or ''}..{r.end or ''}" for r in e.roles),
            "ids": " ".join(f"{k}:{v}" for k, v in e.external_ids.items()),
        }
        for e in wl.entities
        if kind is None or e.type.value == kind
    ]
    write_rows(rows, ["id", "type", "name", "aliases", "roles", "ids"], fmt, sys.stdout)


@kb_group.command("show")
@click.argument("name")
@click.pass_context
@handle_errors
def kb_show(ctx: click.Context, name: str) -> None:
    """One entity (by name, any alias in any spelling or script, or id prefix) with all its aliases and
    where each comes from."""
    wl = archive_watchlist(store_from(ctx))
    matches = [e for e in wl.entities if e.name.lower() == name.lower() or e.id.startswith(name)] or wl.resolve(name)
    if not matches:
        raise NotFoundError(f"no entity named {name!r}; see `marsad kb list`")
    if len(matches) > 1 and not any(e.name.lower() == name.lower() for e in matches):
        click.echo(
            f"{name!r} names {len(matches)} entities: {', '.join(e.name for e in matches)}; the first:", err=True
        )
    e = matches[0]
    click.echo(f"{e.name}  ({e.type.value}, id {e.id})")
    for k, v in e.external_ids.items():
        click.echo(f"  {k}: {v}")
    for r in e.roles:
        click.echo(f"  role: {r.role} of {r.of or '?'} {r.start or '?'} .. {r.end or 'present'}")
    for a in e.aliases:
        click.echo(f"  alias [{a.script}] {a.name}" + (f"   ({a.source})" if a.source else ""))


@kb_group.command("add")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_context
@handle_errors
def kb_add(ctx: click.Context, path: Path) -> None:
    """Merge a watchlist file into this archive's kb: YAML (entities with type, name, aliases, roles) or CSV
    (columns type, name, aliases separated by |, role, of, start, end, un; one role a row)."""
    entities = read_watchlist_file(path)
    removed, added = store_from(ctx, write=True, create=True).replace_kb(f"file:{path.resolve()}", entities)
    click.echo(f"{path}: {added} entities added ({removed} from an earlier version of this file replaced)")


@kb_group.command("import-un")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--list", "list_type", metavar="REGIME", help='Only one regime, e.g. "Al-Qaida" (ISIL and Al-Qaida).')
@click.pass_context
@handle_errors
def kb_import_un(ctx: click.Context, path: Path, list_type: str | None) -> None:
    """Import the UN Security Council Consolidated List XML; importing again replaces the earlier import."""
    entities = parse_un_list(path, list_type)
    removed, added = store_from(ctx, write=True, create=True).replace_kb("un", entities)
    people = sum(1 for e in entities if e.type is EntityType.PERSON)
    aliases = sum(len(e.aliases) for e in entities)
    click.echo(
        f"{path}: {added} entries ({people} individuals, {added - people} entities, {aliases} names and "
        f"aliases) imported; {removed} from the previous import replaced"
    )


@kb_group.command("import")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--format",
    "kind",
    type=click.Choice(["auto", "ftm", "misp-galaxy"]),
    default="auto",
    show_default=True,
    help="ftm: FollowTheMoney / OpenSanctions JSON Lines; misp-galaxy: a MISP galaxy cluster file (JSON).",
)
@click.pass_context
@handle_errors
def kb_import(ctx: click.Context, path: Path, kind: str) -> None:
    """Import people and organisations from OpenSanctions (FollowTheMoney JSON Lines) or a MISP threat-actor
    galaxy; merged with the watchlist and the UN list by UN reference, Wikidata, OpenSanctions or galaxy id
    (a galaxy's cluster also by its name), never duplicated. Importing the same file again replaces it."""
    if kind == "auto":
        kind = _sniff(path)
    entities = parse_ftm(path) if kind == "ftm" else parse_galaxy(path)
    store = store_from(ctx, write=True, create=True)
    before = len(archive_watchlist(store).entities)
    removed, added = store.replace_kb(f"{kind}:{path.resolve()}", entities)
    after = len(archive_watchlist(store).entities)
    people = sum(1 for e in entities if e.type is EntityType.PERSON)
    aliases = sum(len(e.aliases) for e in entities)
    click.echo(
        f"{path}: {added} entries ({people} people, {added - people} organisations, {aliases} names and aliases) "
        f"imported as {kind}; {after - before} new to the watchlist, the rest merged into entities it knew"
        + (f"; {removed} from the previous import of this file replaced" if removed else "")
    )


def _sniff(path: Path) -> str:
    """JSON Lines of FollowTheMoney entities ("schema" on the first line), else a galaxy (one JSON object, often
    spread over many lines)."""
    try:
        with path.open(encoding="utf-8-sig") as f:
            first = next((line for line in f if line.strip()), "")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read ({exc.strerror})") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 text ({exc.reason})") from None
    try:
        record = json.loads(first)
    except json.JSONDecodeError:
        return "misp-galaxy"
    return "misp-galaxy" if isinstance(record, dict) and "values" in record and "schema" not in record else "ftm"

"""`marsad review`: the analyst's reviews of facts (made in `marsad serve --review`), listed or exported."""

from __future__ import annotations

import sys

import click

from marsad.cli.common import format_option, handle_errors, store_from
from marsad.export.tabular import write_rows
from marsad.store.reviews import attach


@click.command("review")
@click.option("--document", metavar="ID_PREFIX", help="Only the reviews of this document.")
@format_option("table", "jsonl", "csv", "json")
@click.pass_context
@handle_errors
def review_command(ctx: click.Context, document: str | None, fmt: str) -> None:
    """Every review (confirm, reject, correct a field), oldest first, with the fact it attaches to now: a
    review is keyed to its fact's document, span and kind, so it outlives re-extraction; "attached" is empty
    when no fact of its kind is found at its span any more."""
    store = store_from(ctx)
    doc_id = store.get_document(document).id if document else None
    reviews = store.reviews(doc_id)
    facts = [f for d in sorted({r.doc_id for r in reviews}) for f in store.iter_facts(document=d)]
    attached, _ = attach(facts, reviews)
    now = {r.id: fact_id for fact_id, rs in attached.items() for r in rs}
    rows = [{**r.as_dict(), "attached": now.get(r.id)} for r in reviews]
    if fmt == "table":
        for row in rows:
            row["document"] = row["document"][:12]
            row["attached"] = (row["attached"] or "")[:12]
    columns = ["id", "created_at", "reviewer", "verdict", "field", "value", "kind", "document", "start", "end", "note",
               "attached"]  # fmt: skip
    write_rows(rows, columns, fmt, sys.stdout, title=f"reviews: {len(rows)}")

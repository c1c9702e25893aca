"""`marsad timeline | first-mention | absence | latency | check`: the analyst's questions, answered with evidence."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from marsad.analyze.checks import check, findings_of
from marsad.analyze.disputes import attach, stored_refs
from marsad.analyze.explain import explanation, find_finding
from marsad.analyze.finding import Finding
from marsad.analyze.latency import Latency, latency
from marsad.analyze.mentions import Absence, FirstMention, absence, first_mention
from marsad.analyze.timeline import PRECISIONS, Row, timeline
from marsad.cli.common import format_option, handle_errors, store_from
from marsad.cli.kb import archive_watchlist
from marsad.export.tabular import write_rows

ANSWER_FORMATS = ("table", "md", "json", "jsonl", "csv")
ID_SHOWN = 12  # characters of a finding's id in a table: enough for `marsad check --explain`


def _short(text: str, n: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _where(source: str) -> str:
    return Path(source).name or source


def timeline_rows(rows: list[Row], fmt: str) -> tuple[list[dict[str, Any]], list[str]]:
    out = []
    for r in rows:
        docs = list(dict.fromkeys(s.doc_id for s in r.sources))
        names = list(dict.fromkeys(_where(s.source) for s in r.sources))
        out.append(
            {
                "when": r.when,
                "precision": r.dating,
                "what": r.what,
                "evidence": _short(r.evidence) if fmt in ("table", "md") else r.evidence,
                "sources": f"{len(docs)}: " + ", ".join(names[:3]) + (" …" if len(names) > 3 else ""),
                "disputed": " vs ".join(r.dates)
                if r.disputed
                else (f"explained: {r.explained}" if r.explained else ""),
                "findings": "; ".join(
                    f"{f['id'][:ID_SHOWN]} {f['check']}" if fmt in ("table", "md") else f"{f['id']} {f['summary']}"
                    for f in r.findings
                )
                + "".join(  # a reviewed value says so
                    f"{'; ' if r.findings or i else ''}reviewed: {v['field']} was {v.get('was')} ({v['reviewer']})"
                    for i, v in enumerate(r.reviewed)
                ),
            }
        )
    return out, ["when", "precision", "what", "evidence", "sources", "disputed", "findings"]


def print_timeline(rows: list[Row], fmt: str, limit: int | None = None) -> None:
    shown = rows[:limit] if limit else rows
    if fmt in ("json", "jsonl"):
        write_rows([r.as_dict() for r in shown], [], fmt, sys.stdout)
        return
    table, columns = timeline_rows(shown, fmt)
    title = f"timeline: {len(rows)} row{'' if len(rows) == 1 else 's'}" + (
        f" (first {len(shown)})" if len(shown) < len(rows) else ""
    )
    write_rows(table, columns, fmt, sys.stdout, title=title)


def finding_rows(findings: list[Finding], fmt: str) -> tuple[list[dict[str, Any]], list[str]]:
    out = []
    for f in findings:
        ev = f.evidence[0] if f.evidence else None
        out.append(
            {
                "id": f.id[:ID_SHOWN] if fmt in ("table", "md") else f.id,
                "check": f.check,
                "finding": f.summary,
                "evidence": (f"{_where(ev.source)}: {_short(ev.text, 90) if fmt in ('table', 'md') else ev.text}")
                if ev
                else "",
                "expected": f.expected or "",
                "reasoning": f.reasoning,
            }
        )
    return out, ["id", "check", "finding", "evidence", "expected", "reasoning"]


def print_findings(findings: list[Finding], fmt: str) -> None:
    if fmt in ("json", "jsonl"):
        write_rows([f.as_dict() for f in findings], [], fmt, sys.stdout)
        return
    rows, columns = finding_rows(findings, fmt)
    write_rows(
        rows, columns, fmt, sys.stdout, title=f"check: {len(findings)} finding{'' if len(findings) == 1 else 's'}"
    )


@click.command("timeline")
@click.option("--actor", metavar="NAME", help="Statements and events of this actor (an organisation: its people too).")
@click.option("--series", metavar="NAME", help="Issues of this series.")
@click.option("--topic", metavar="NAME", help="Statements and events whose sentence names this topic or actor.")
@click.option("--campaign", metavar="NAME", help="This campaign.")
@click.option("--from", "date_from", metavar="DATE", help="From this ISO date (prefix: 2023, 2023-10).")
@click.option("--to", "date_to", metavar="DATE", help="Up to this ISO date (prefix).")
@click.option("--limit", type=click.IntRange(0), default=None, help="Print only the first N rows.")
@click.option(
    "--precision",
    "precisions",
    type=click.Choice(PRECISIONS),
    multiple=True,
    help="Only rows dated to this precision (repeat for several; none: undated precision).",
)
@click.option(
    "--unasserted",
    is_flag=True,
    help="Also what is denied, negated, rumoured, habitual, conditional or only called for (left out by default).",
)
@format_option(*ANSWER_FORMATS)
@click.pass_context
@handle_errors
def timeline_command(
    ctx: click.Context,
    actor: str | None,
    series: str | None,
    topic: str | None,
    campaign: str | None,
    date_from: str | None,
    date_to: str | None,
    limit: int | None,
    precisions: tuple[str, ...],
    unasserted: bool,
    fmt: str,
) -> None:
    """Statements, events, series issues and campaigns in time order, one row per thing, all its sources.

    A month-precision fact is a range (sorted by its middle, not its 1st day); an issue that sources date
    differently is one row with each date (`marsad check` says which is right), not disputed when the one page
    giving both names the delay between them. A row names the findings of the last `marsad check` (and the
    date extractor's) whose evidence is one of its facts.
    """
    store = store_from(ctx)
    rows = timeline(
        store, archive_watchlist(store), actor, series, topic, campaign, date_from, date_to, unasserted=unasserted,
        precisions=precisions,
    )  # fmt: skip
    attach(rows, stored_refs(store))
    print_timeline(rows, fmt, limit)


def first_mention_lines(answer: FirstMention) -> str:
    if answer.first is None:
        return f"first mention of {answer.topic} {answer.scope}: none found ({answer.note})"
    what = f" in issue {answer.issue}" if answer.issue is not None else ""
    who = f" by {answer.fact['actor']}" if answer.fact and answer.fact.get("actor") else ""
    line = f"first mention of {answer.topic} {answer.scope}: {answer.first.date}{what}{who}"
    line += f'\n  evidence: "{_short(answer.first.text, 200)}" ({_where(answer.first.source)})'
    if answer.note:
        line += f"\n  note: {answer.note}"
    return line


@click.command("first-mention")
@click.argument("topic")
@click.option("--series", metavar="NAME", help="The first archived issue of this series that mentions it.")
@click.option("--actor", metavar="NAME", help="The first statement of this actor (or its people) that names it.")
@format_option(*ANSWER_FORMATS)
@click.pass_context
@handle_errors
def first_mention_command(ctx: click.Context, topic: str, series: str | None, actor: str | None, fmt: str) -> None:
    """When TOPIC (a topic or an actor, any spelling, English or Arabic) was first mentioned."""
    store = store_from(ctx)
    answer = first_mention(store, archive_watchlist(store), topic, series, actor)
    if fmt in ("json", "jsonl"):
        write_rows([answer.as_dict()], [], fmt, sys.stdout)
        return
    if fmt == "table":
        click.echo(first_mention_lines(answer))
    rows = [
        {"n": i + 1, "date": s.date, "evidence": _short(s.text), "source": _where(s.source), "document": s.doc_id[:12]}
        for i, s in enumerate([answer.first, *answer.next] if answer.first else [])
    ]
    if rows or fmt != "table":
        write_rows(rows, ["n", "date", "evidence", "source", "document"], fmt, sys.stdout)


def absence_rows(answer: Absence) -> list[dict[str, Any]]:
    rows = [
        {
            "issue": d.issue,
            "status": "mentions it, a page reports" if d.reported else "mentions it",
            "date": d.date,
            "document": _where(d.source),
        }
        for d in answer.mentioning
    ]
    rows += [
        {
            "issue": d.issue,
            "status": "no mention, a page reports" if d.reported else "no mention (EN or AR)",
            "date": d.date,
            "document": _where(d.source),
        }
        for d in answer.silent
    ]
    rows += [{"issue": n, "status": "not archived: unknown", "date": None, "document": None} for n in answer.missing]
    return sorted(rows, key=lambda r: int(r["issue"]))


@click.command("absence")
@click.argument("topic")
@click.option("--series", required=True, metavar="NAME", help="The series.")
@click.option("--from-issue", type=int, required=True, help="First issue number of the range.")
@click.option("--to-issue", type=int, required=True, help="Last issue number of the range.")
@format_option(*ANSWER_FORMATS)
@click.pass_context
@handle_errors
def absence_command(ctx: click.Context, topic: str, series: str, from_issue: int, to_issue: int, fmt: str) -> None:
    """Which issues of a series never mention TOPIC (in either language), and which are not archived at all."""
    store = store_from(ctx)
    answer = absence(store, archive_watchlist(store), topic, series, from_issue, to_issue)
    if fmt in ("json", "jsonl"):
        write_rows([answer.as_dict()], [], fmt, sys.stdout)
        return
    if fmt == "table":
        click.echo(
            f"{answer.topic} in {answer.series} {answer.from_issue}-{answer.to_issue}: "
            f"{len(answer.silent)} archived issues never mention it, {len(answer.mentioning)} "
            f"{'does' if len(answer.mentioning) == 1 else 'do'}, "
            f"{len(answer.missing)} are not archived (nothing can be said about them)"
            + (
                f"; {reported} of these as pages about the issues report"
                if (reported := sum(d.reported for d in answer.silent + answer.mentioning))
                else ""
            )
        )
    write_rows(absence_rows(answer), ["issue", "status", "date", "document"], fmt, sys.stdout)


def latency_lines(answer: Latency) -> str:
    on = f" on {answer.topic}" if answer.topic else ""
    head = f"{answer.event} ({answer.event_date.isoformat()}) -> first statement{on} by {answer.actor}"
    if answer.response is None:
        return head + ": none found in the archive"
    span = f"{answer.days}" if answer.days == answer.days_max else f"{answer.days}-{answer.days_max}"
    who = answer.response_fact.get("actor") if answer.response_fact else None
    lines = [
        f"{head}: {span} days",
        f"  event:    {answer.event_evidence}"
        + (f'; stated in "{_short(answer.event_source.text, 80)}" ({_where(answer.event_source.source)})'
           if answer.event_source else ""),
        f'  response: {answer.response.date} by {who}: "{_short(answer.response.text, 160)}" '
        f"({_where(answer.response.source)})",
    ]  # fmt: skip
    return "\n".join(lines)


@click.command("latency")
@click.option("--event", required=True, metavar="NAME_OR_DATE", help="A dated watchlist event, or a date.")
@click.option("--actor", required=True, metavar="NAME", help="Whose response (an organisation: its people too).")
@click.option("--topic", metavar="NAME", help="Only a statement whose sentence names this topic.")
@format_option(*ANSWER_FORMATS)
@click.pass_context
@handle_errors
def latency_command(ctx: click.Context, event: str, actor: str, topic: str | None, fmt: str) -> None:
    """Days from an event to an actor's first statement after it (on a topic), with both ends' evidence."""
    store = store_from(ctx)
    answer = latency(store, archive_watchlist(store), event, actor, topic)
    if fmt in ("json", "jsonl"):
        write_rows([answer.as_dict()], [], fmt, sys.stdout)
        return
    if fmt == "table":
        click.echo(latency_lines(answer))
        return
    d = answer.as_dict()
    columns = ["event", "event_date", "actor", "topic", "days", "response_date", "responder", "response_evidence"]
    write_rows([d], columns, fmt, sys.stdout)


@click.command("check")
@click.option("--no-store", is_flag=True, help="Do not store the findings as inconsistency facts.")
@click.option(
    "--explain",
    "explain_id",
    metavar="ID",
    help="Print one finding's reasoning: what was stated, what is expected, each side's evidence and source "
    "(ID: a finding's id or unique prefix, as listed; nothing is stored).",
)
@format_option(*ANSWER_FORMATS)
@click.pass_context
@handle_errors
def check_command(ctx: click.Context, no_store: bool, explain_id: str | None, fmt: str) -> None:
    """Dates that do not hold: series cadence, sources that disagree, stated arithmetic, Hijri/Gregorian
    pairs, weekdays, the reference chronology. Each finding has an id, its evidence and reasoning
    (`--explain ID` for one in full); exit code 0 either way."""
    if explain_id is not None:
        store = store_from(ctx)
        finding = find_finding(findings_of(store, archive_watchlist(store)), explain_id)
        if fmt in ("json", "jsonl"):
            write_rows([finding.as_dict()], [], fmt, sys.stdout)
        else:
            click.echo(explanation(finding))
        return
    store = store_from(ctx, write=not no_store)
    findings = check(store, archive_watchlist(store), persist=not no_store)
    print_findings(findings, fmt)

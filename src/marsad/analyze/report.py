"""The analyst's report: one self-contained HTML file (no script, no remote asset, a CSP that forbids them).

Sections: the findings of `marsad check`; the answers for the topics asked (first mention anywhere, by the
actor, in the series, absence over the archived run, latency from the event); a timeline chart (inline
SVG, a mark per row, linked to it); the timeline table with each row's evidence and sources; and the
sources, each document with every piece of evidence quoted from it. Everything that comes from a
document is escaped; Arabic text is laid out right to left.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from marsad.analyze.dating import bounds
from marsad.analyze.disputes import attach, refs_of
from marsad.analyze.finding import Finding
from marsad.analyze.latency import Latency
from marsad.analyze.mentions import Absence, FirstMention
from marsad.analyze.timeline import Row, Source
from marsad.text.script import has_arabic, mostly_arabic

MAX_ROWS = 1000  # timeline rows in the report; the count says when more exist
LANES = ("publication_issue", "statement", "event", "campaign")
LANE_NAMES = {
    "publication_issue": "series issues",
    "statement": "statements",
    "event": "events",
    "campaign": "campaigns",
}
COLOURS = {"publication_issue": "#1f6f8b", "statement": "#2e7d32", "event": "#8e44ad", "campaign": "#d35400"}
FLAG = "#b03a2e"  # rows with a finding or disputed dates


@dataclass
class Answers:
    first_mentions: list[FirstMention] = field(default_factory=list)
    absences: list[Absence] = field(default_factory=list)
    latencies: list[Latency] = field(default_factory=list)


def e(text: Any) -> str:
    return html.escape("" if text is None else str(text), quote=True)


def t(text: Any, tag: str = "span", cls: str = "") -> str:
    """Document text in an element with its direction: mostly Arabic right to left; a mostly Latin label
    that holds an Arabic title left to right (forced right to left, its parentheses would scramble), the
    Arabic run inside it still laid out right to left by the browser."""
    s = "" if text is None else str(text)
    attrs = ' dir="rtl" lang="ar"' if mostly_arabic(s) else (' dir="ltr"' if has_arabic(s) else ' dir="auto"')
    return f"<{tag}{attrs}{f' class={chr(34)}{cls}{chr(34)}' if cls else ''}>{e(s)}</{tag}>"


def b(text: Any) -> str:
    """Text from a document inside a sentence of ours: isolated, so its direction cannot reorder ours."""
    return f"<bdi>{e(text)}</bdi>"


def isolated(text: Any) -> str:
    """The same for plain text (an SVG tooltip): Unicode's first-strong isolate around the text."""
    return "\u2068" + ("" if text is None else str(text)) + "\u2069"


def render(
    title: str,
    rows: Sequence[Row],
    findings: Sequence[Finding],
    answers: Answers,
    stats: dict[str, Any],
    generated: str | None = None,
) -> str:
    shown = list(rows[:MAX_ROWS])
    docs = _documents(shown, findings, answers)
    flagged = {s.fact_id for f in findings for s in f.evidence if s.fact_id}
    attach(shown, refs_of(findings))  # each row names the findings on its facts, linked to them
    parts = [
        _head(title),
        f"<header><h1>{e(title)}</h1><p class=meta>{e(stats.get('documents', 0))} documents archived · "
        f"{len(rows)} timeline rows · {len(findings)} findings"
        + (f" · {e(stats['reviews'])} analysts' reviews applied" if stats.get("reviews") else "")
        + f" · generated {e(generated or _now())} by marsad</p>"
        "<nav><a href=#findings>Findings</a> · <a href=#answers>Answers</a> · <a href=#chart>Timeline chart</a>"
        " · <a href=#timeline>Timeline</a> · <a href=#sources>Sources</a></nav></header><main>",
        _findings(findings, docs),
        _answers(answers, docs),
        _chart(shown, flagged),
        _timeline(shown, len(rows), flagged, docs),
        _sources(docs),
        "</main></body></html>\n",
    ]
    return "".join(parts)


def _now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")


def _head(title: str) -> str:
    return (
        "<!DOCTYPE html><html lang=en><head><meta charset=utf-8>"
        "<meta http-equiv=Content-Security-Policy content=\"default-src 'none'; style-src 'unsafe-inline'; "
        "img-src data:; base-uri 'none'; form-action 'none'\">"
        "<meta name=referrer content=no-referrer>"
        "<meta name=viewport content='width=device-width, initial-scale=1'>"
        f"<title>{e(title)}</title><style>{_CSS}</style></head><body>"
    )


_CSS = """
body{font:15px/1.45 system-ui,'Noto Sans','Noto Naskh Arabic','DejaVu Sans',sans-serif;margin:0;color:#1b1b1b;
background:#fafafa}header{background:#17324d;color:#fff;padding:14px 24px}header a{color:#cfe6ff}
h1{margin:0 0 4px;font-size:22px}.meta{margin:0 0 6px;opacity:.85}main{padding:8px 24px 40px;max-width:1400px}
h2{border-bottom:2px solid #17324d;padding-bottom:3px;margin-top:28px}table{border-collapse:collapse;width:100%;
background:#fff}th,td{border:1px solid #d5d9de;padding:5px 7px;vertical-align:top;text-align:start}
th{background:#eef2f6}td [dir=rtl]{display:block;text-align:right}tr.flag td{background:#fdecea}
.finding{background:#fff;border-left:5px solid #b03a2e;padding:8px 12px;margin:10px 0}
.finding h3{margin:0 0 4px;font-size:16px;color:#b03a2e}.why{color:#444}.ev{background:#fff8d6;padding:1px 3px}
.answer{background:#fff;border-left:5px solid #1f6f8b;padding:8px 12px;margin:10px 0}
.answer h3{margin:0 0 4px;font-size:16px}.src{font-size:13px;color:#555}.tag{font-size:12px;padding:1px 5px;
border-radius:3px;background:#e3e8ee}.doc{background:#fff;border:1px solid #d5d9de;padding:8px 12px;margin:8px 0}
.doc h3{margin:0;font-size:15px}blockquote{margin:4px 0 4px 10px;padding:2px 8px;border-left:3px solid #c9c9c9}
svg text{font-size:12px;fill:#333}
"""


# -- documents referenced ----------------------------------------------------------------------------
@dataclass
class _Doc:
    id: str
    source: str
    url: str | None
    title: str | None
    quotes: dict[tuple[int, int], Source] = field(default_factory=dict)


def _documents(rows: Iterable[Row], findings: Iterable[Finding], answers: Answers) -> dict[str, _Doc]:
    docs: dict[str, _Doc] = {}

    def add(s: Source | None) -> None:
        if s is None or not s.doc_id:
            return
        d = docs.setdefault(s.doc_id, _Doc(s.doc_id, s.source, s.url, s.title))
        if s.text and s.end > s.start:
            d.quotes.setdefault((s.start, s.end), s)

    for r in rows:
        for s in r.sources:
            add(s)
    for f in findings:
        for s in f.evidence:
            add(s)
    for a in answers.first_mentions:
        add(a.first)
    for lat in answers.latencies:
        add(lat.response)
        add(lat.event_source)
    return docs


def _doc_link(s: Source | None, docs: dict[str, _Doc]) -> str:
    if s is None or s.doc_id not in docs:
        return ""
    name = s.source.rsplit("/", 1)[-1] or s.source
    anchor = f"#q-{s.doc_id[:16]}-{s.start}-{s.end}" if s.end > s.start else f"#doc-{s.doc_id[:16]}"
    return f'<a class=src href="{anchor}">{b(name)} · {e(s.doc_id[:12])}</a>'


# -- sections ----------------------------------------------------------------------------------------
def _findings(findings: Sequence[Finding], docs: dict[str, _Doc]) -> str:
    out = [f"<section id=findings><h2>Findings ({len(findings)})</h2>"]
    if not findings:
        out.append("<p>No finding: every checked date holds.</p>")
    for f in findings:
        out.append(f"<div class=finding id=f-{e(f.id[:16])}><h3>{e(f.check)}: {b(f.summary)}</h3>")
        out.append(f"<p class=meta>finding {e(f.id[:12])} · confidence {f.confidence:.2f}</p>")
        if f.expected:
            out.append(f"<p><b>Expected:</b> {e(f.expected)}</p>")
        out.append(f"<p class=why>{e(f.reasoning)}</p>")
        for s in f.evidence:
            date = f" <span class=tag>{e(s.date)}</span>" if s.date else ""
            out.append(f"<blockquote>{t(s.text, cls='ev')}{date} {_doc_link(s, docs)}</blockquote>")
        out.append("</div>")
    out.append("</section>")
    return "".join(out)


def _answers(answers: Answers, docs: dict[str, _Doc]) -> str:
    out = ["<section id=answers><h2>Answers</h2>"]
    if not (answers.first_mentions or answers.absences or answers.latencies):
        out.append("<p>No topic was asked (<code>marsad report --topic NAME</code>).</p>")
    for a in answers.first_mentions:
        out.append(f"<div class=answer><h3>{first_mention_title(a)}</h3>")
        if a.first is None:
            out.append(f"<p>None found. {e(a.note)}</p></div>")
            continue
        issue = f" (issue {e(a.issue)})" if a.issue is not None else ""
        who = f" by {e(a.fact['actor'])}" if a.fact and a.fact.get("actor") else ""
        out.append(f"<p><b>{e(a.first.date)}</b>{issue}{who}</p>")
        out.append(f"<blockquote>{t(a.first.text, cls='ev')} {_doc_link(a.first, docs)}</blockquote>")
        if a.note:
            out.append(f"<p class=why>{e(a.note)}</p>")
        out.append("</div>")
    for topic in dict.fromkeys(a.topic for a in answers.first_mentions):
        out.append(_first_mentions_compared([a for a in answers.first_mentions if a.topic == topic]))
    for ab in answers.absences:
        out.append(
            f"<div class=answer><h3>{e(ab.topic)} in {e(ab.series)} {e(ab.from_issue)}–{e(ab.to_issue)}</h3>"
            f"<p>Never mentioned (English or Arabic) in archived issues: <b>{e(_nums(d.issue for d in ab.silent))}"
            f"</b>. Mentioned in: <b>{e(_nums(d.issue for d in ab.mentioning))}</b>. Not in the archive, so "
            f"nothing can be said: <b>{e(_nums(ab.missing))}</b>.</p></div>"
        )
    for lat in answers.latencies:
        on = f" on {lat.topic}" if lat.topic else ""
        out.append(f"<div class=answer><h3>From {e(lat.event)} to the first statement{e(on)} by {e(lat.actor)}</h3>")
        if lat.response is None or lat.days is None:
            out.append("<p>No statement found after the event.</p></div>")
            continue
        days = f"{lat.days}" if lat.days == lat.days_max else f"{lat.days}–{lat.days_max}"
        out.append(f"<p><b>{e(days)} days</b>: {e(lat.event_date.isoformat())} → {e(lat.response.date)}</p>")
        out.append(f"<p class=why>Event: {e(lat.event_evidence)}</p>")
        if lat.event_source:
            out.append(
                f"<blockquote>{t(lat.event_source.text, cls='ev')} {_doc_link(lat.event_source, docs)}</blockquote>"
            )
        out.append(f"<blockquote>{t(lat.response.text, cls='ev')} {_doc_link(lat.response, docs)}</blockquote></div>")
    out.append("</section>")
    return "".join(out)


def first_mention_title(a: FirstMention) -> str:
    """Say what was counted, so answers that count different things do not seem to contradict."""
    if a.basis == "issue":
        return f"First archived issue {e(a.scope)} that mentions {b(a.topic)}"
    return f"First dated statement or event naming {b(a.topic)}, {e(a.scope)}"


def _first_mentions_compared(answers: Sequence[FirstMention]) -> str:
    """For one topic's answers: when an issue mentions it before any statement names it, say why both
    are right."""
    issues = [a for a in answers if a.basis == "issue" and a.first and a.first.date]
    statements = [a for a in answers if a.basis == "statement" and a.first and a.first.date]
    if not issues or not statements:
        return ""
    issue = min(issues, key=lambda a: str(a.first.date if a.first else ""))
    statement = min(statements, key=lambda a: str(a.first.date if a.first else ""))
    assert issue.first is not None and statement.first is not None
    text = (
        "These answers count different things: a <b>statement or event</b> is something an actor said or did, "
        "dated by its sentence; an <b>issue</b> counts when its text mentions the topic at all, dated by the "
        "issue."
    )
    if str(issue.first.date) < str(statement.first.date):
        text += (
            f" So issue {e(issue.issue)} {e(issue.scope)} ({e(issue.first.date)}) mentions {b(issue.topic)} before "
            f"the first dated statement naming it ({e(statement.first.date)}): a mention is not a statement."
        )
    return f"<p class=why>{text}</p>"


def _nums(numbers: Iterable[int]) -> str:
    got = sorted(numbers)
    return ", ".join(map(str, got)) if got else "none"


def _chart(rows: Sequence[Row], flagged: set[str]) -> str:
    """An SVG timeline: a lane per kind, a dot per day-precision row, a bar per range; each links to its row."""
    out = ["<section id=chart><h2>Timeline chart</h2>"]
    if not rows:
        out.append("<p>Nothing dated yet.</p></section>")
        return "".join(out)
    spans = [bounds(r.date, r.date_end) for r in rows]
    lo = min(s[0] for s in spans) - dt.timedelta(days=15)
    hi = max(s[1] for s in spans) + dt.timedelta(days=15)
    width, left, lane_h, top = 1200, 130, 46.0, 24.0
    lanes = [k for k in LANES if any(r.kind == k for r in rows)]
    height = top + lane_h * len(lanes) + 30
    total = max(1, (hi - lo).days)

    def x(day: dt.date) -> float:
        return left + (day - lo).days / total * (width - left - 10)

    svg = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-label="timeline chart">',
        f'<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff"/>',
    ]
    for i, lane in enumerate(lanes):
        y = top + i * lane_h
        svg.append(f'<rect x="{left}" y="{y}" width="{width - left - 10}" height="{lane_h - 8}" fill="#f3f5f8"/>')
        svg.append(f'<text x="8" y="{y + lane_h / 2}">{e(LANE_NAMES[lane])}</text>')
    for tick, text in axis_ticks(lo, hi):
        tx = x(tick)
        svg.append(f'<line x1="{tx:.1f}" y1="{top - 4}" x2="{tx:.1f}" y2="{height - 26}" stroke="#d0d4da"/>')
        svg.append(_tick_label(tx, height - 10, text, width))
    for n, (r, (first, last)) in enumerate(zip(rows, spans, strict=True)):
        if r.kind not in lanes:
            continue
        y = top + lanes.index(r.kind) * lane_h + (lane_h - 8) / 2
        bad = r.disputed or bool(r.findings) or any(s.fact_id in flagged for s in r.sources)
        colour = FLAG if bad else COLOURS[r.kind]
        tip = f"<title>{e(r.when)} · {e(isolated(r.what))}</title>"
        if first == last:
            mark = f'<circle cx="{x(first):.1f}" cy="{y:.1f}" r="6" fill="{colour}" stroke="#fff">{tip}</circle>'
        else:
            w = max(4.0, x(last) - x(first))
            mark = (
                f'<rect x="{x(first):.1f}" y="{y - 5:.1f}" width="{w:.1f}" height="10" fill="{colour}" '
                f'opacity=".75">{tip}</rect>'
            )
        svg.append(f'<a href="#row-{n}">{mark}</a>')
    svg.append("</svg>")
    out.append("".join(svg))
    legend = " ".join(
        f'<span class=tag style="background:{COLOURS[k]};color:#fff">{e(LANE_NAMES[k])}</span>' for k in lanes
    )
    out.append(f'<p>{legend} <span class=tag style="background:{FLAG};color:#fff">finding or disputed date</span> '
               "· a bar is a date range (a month, a year); a dot is a day.</p></section>")  # fmt: skip
    return "".join(out)


TICK_CHAR_WIDTH = 7.5  # px per character of a 12px axis label (digits and '-'), with room to spare


def _tick_label(tx: float, y: float, text: str, width: int) -> str:
    """An axis label beside its tick line: after it, or before it when it would run past the chart's edge."""
    if tx + 2 + TICK_CHAR_WIDTH * len(text) > width:
        return f'<text x="{tx - 2:.1f}" y="{y}" text-anchor="end">{e(text)}</text>'
    return f'<text x="{tx + 2:.1f}" y="{y}">{e(text)}</text>'


def axis_ticks(lo: dt.date, hi: dt.date) -> list[tuple[dt.date, str]]:
    """A timeline axis's ticks: years over a long span (every few when there are many), months over a short one
    (every third over a year or more). The report's chart and the web UI's draw the same axis."""
    days = (hi - lo).days
    if days > 3 * 365:
        step = max(1, days // 365 // 12 + 1)
        return [(dt.date(y, 1, 1), str(y)) for y in range(lo.year + 1, hi.year + 1, step)]
    out: list[tuple[dt.date, str]] = []
    y, m = lo.year, lo.month
    every = 1 if days < 400 else 3
    while True:
        m += 1
        if m > 12:
            y, m = y + 1, 1
        day = dt.date(y, m, 1)
        if day > hi:
            return out
        if (m - 1) % every == 0:
            out.append((day, day.strftime("%Y-%m")))


def _timeline(rows: Sequence[Row], total: int, flagged: set[str], docs: dict[str, _Doc]) -> str:
    more = f" (first {len(rows)} of {total})" if total > len(rows) else ""
    out = [
        f"<section id=timeline><h2>Timeline{e(more)}</h2><table><thead><tr><th>when</th><th>what</th>"
        "<th>evidence</th><th>sources</th></tr></thead><tbody>"
    ]
    for n, r in enumerate(rows):
        bad = r.disputed or bool(r.findings) or any(s.fact_id in flagged for s in r.sources)
        dates = (
            f"<br><b>dates given:</b> {e(', '.join(f'{d} ({k})' for d, k in r.dates.items()))}" if r.disputed else ""
        )
        if r.explained:
            dates += f"<br><b>dates given:</b> {e(', '.join(r.dates))}, the page naming the gap: {b(r.explained)}"
        if r.findings:
            dates += "<br><b>findings:</b> " + ", ".join(
                f"<a href=#f-{e(f['id'][:16])}>{e(f['check'])}</a>" for f in r.findings
            )
        for v in r.reviewed:  # a reviewed value says so: what the extractor read, who corrected it, why
            why = f": {b(str(v['note']))}" if v.get("note") else ""
            dates += (
                f"<br><b>reviewed:</b> {e(str(v['field']))} {b(str(v['value']))}, read as {b(str(v.get('was')))}"
                f" (by {b(str(v['reviewer']))}{why})"
            )
        links = "<br>".join(_doc_link(s, docs) for s in _distinct(r.sources)[:8])
        more_src = f"<br>… {len(_distinct(r.sources)) - 8} more" if len(_distinct(r.sources)) > 8 else ""
        out.append(
            f"<tr id=row-{n}{' class=flag' if bad else ''}><td>{e(r.when)}<br><span class=tag>{e(r.dating)}"
            f"</span></td><td>{t(r.what)}{dates}</td><td>{t(r.evidence)}</td><td>{links}{more_src}</td></tr>"
        )
    out.append("</tbody></table></section>")
    return "".join(out)


def _distinct(sources: Sequence[Source]) -> list[Source]:
    seen: dict[tuple[str, int, int], Source] = {}
    for s in sources:
        seen.setdefault((s.doc_id, s.start, s.end), s)
    return list(seen.values())


def _sources(docs: dict[str, _Doc]) -> str:
    out = [f"<section id=sources><h2>Sources ({len(docs)} documents)</h2>"]
    for d in sorted(docs.values(), key=lambda d: d.source):
        out.append(f"<div class=doc id=doc-{e(d.id[:16])}><h3>{t(d.title or d.source)}</h3>")
        out.append(f"<p class=src>{e(d.source)} · id {e(d.id)}" + (f" · {e(d.url)}" if d.url else "") + "</p>")
        for (start, end), q in sorted(d.quotes.items()):
            out.append(
                f"<blockquote id=q-{e(d.id[:16])}-{start}-{end}>{t(q.text, cls='ev')} "
                f"<span class=src>characters {start}–{end}"
                + (f" · {e(q.date)}" if q.date else "")
                + "</span></blockquote>"
            )
        out.append("</div>")
    out.append("</section>")
    return "".join(out)


def build(
    store: Any,
    watchlist: Any,
    topics: Sequence[str] = (),
    actor: str | None = None,
    series: str | None = None,
    event: str | None = None,
    findings: Sequence[Finding] | None = None,
    title: str = "marsad report",
    rows: Sequence[Row] | None = None,
) -> tuple[str, Answers]:
    """The whole report for an archive: the timeline and the findings (computed now unless given), and for each topic
    its first mention anywhere, by the actor, in the series (with absence over the archived run of issues),
    and the latency from the event to the actor's first statement on it."""
    from marsad.analyze.checks import findings_of
    from marsad.analyze.issues import series_issue_documents
    from marsad.analyze.latency import latency
    from marsad.analyze.mentions import absence, first_mention
    from marsad.analyze.subjects import entity
    from marsad.analyze.timeline import timeline
    from marsad.model import EntityType

    if rows is None:
        rows = timeline(store, watchlist)
    if findings is None:
        findings = findings_of(store, watchlist)
    answers = Answers()
    for topic in topics:
        answers.first_mentions.append(first_mention(store, watchlist, topic))
        if actor:
            answers.first_mentions.append(first_mention(store, watchlist, topic, actor=actor))
        if series:
            answers.first_mentions.append(first_mention(store, watchlist, topic, series=series))
            issues = series_issue_documents(store, entity(watchlist, series, (EntityType.SERIES,), "series"))
            if issues:
                answers.absences.append(
                    absence(store, watchlist, topic, series, issues[0]["issue"], issues[-1]["issue"])
                )
        if event and actor:
            answers.latencies.append(latency(store, watchlist, event, actor, topic))
    stats = {"documents": store.stats().documents, "reviews": len(store.reviews())}
    return render(title, rows, list(findings), answers, stats), answers

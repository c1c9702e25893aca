"""`marsad check`: findings about dates that do not hold, each with its evidence and reasoning.

(a) series cadence: each series' issue -> date model (the watchlist's cadence and anchors, or one learned
    from the archive: the median days per issue and a median offset, so a wrong date cannot bend it); an
    issue dated further from the model than the tolerance is flagged with the date expected. Archived issue
    documents also show gaps (numbers missing from the run) and duplicate numbers.
(b) stated arithmetic, (c) Hijri/Gregorian pairs, (e) weekdays: found by the date extractor in each sentence
    (`inconsistency` facts), gathered here.
(d) the same issue dated differently by different sources (or passages): by how much, and who says what; one
    event (a death, an appointment) dated differently across sources (analyze/same_event.py).
(f) deaths and appointments against the reference chronology (analyze/reference.py); (g) tenures given as
    a range (analyze/tenure.py); (h) an issue dated before the events its content reports (analyze/content.py);
    (i) a cause dated after the effect it is said to explain (analyze/cause.py); (j) a successor appointed before
    his named predecessor's recorded end (analyze/succession.py); (k) a page dated to a month by its URL whose
    weekday phrase fits no day of it (analyze/page_date.py); (l) a URL date before what the page reports as
    done (analyze/page_content.py).

Findings of (a), (d) and (f)-(l) are stored as `inconsistency` facts of the extractor "check" (replaced
on each run), so `marsad facts --kind inconsistency` and the report show them beside the extractor's own.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from typing import Any

from marsad.analyze.cadence import Cadence, cadence_from_watchlist, day, learn_cadence
from marsad.analyze.cause import cause_findings
from marsad.analyze.content import content_findings
from marsad.analyze.dating import bounds, label
from marsad.analyze.explained import gap_explained
from marsad.analyze.extracted import extractor_findings
from marsad.analyze.finding import EXPECTED, OTHER, STATED, Finding, Side
from marsad.analyze.issues import series_issue_documents
from marsad.analyze.page_content import page_content_findings
from marsad.analyze.page_date import page_date_findings
from marsad.analyze.reference import reference_findings
from marsad.analyze.same_event import same_event_findings
from marsad.analyze.succession import succession_findings
from marsad.analyze.tenure import tenure_findings
from marsad.analyze.timeline import Source, source_of_row
from marsad.kb import Watchlist
from marsad.kb.chronology import load_chronology
from marsad.model import EntityType
from marsad.model.ids import stable_id
from marsad.store import FactFilter, ReadView, Store

NAME = "check"
VERSION = "0.2"  # 0.2: findings carry their id, confidence and sides


def check(store: Store, watchlist: Watchlist, persist: bool = True) -> list[Finding]:
    """Every finding of the archive (findings_of); `persist` stores them, through the store's writer, as
    inconsistency facts."""
    found, stored = _findings(store.reviewed_view(), watchlist)
    if persist:
        store.replace_findings(NAME, [row for f in stored for row in _fact_rows(f)])
    return found


def findings_of(store: ReadView, watchlist: Watchlist) -> list[Finding]:
    """Every finding of the archive, read as the analyst reviewed its facts (a rejected fact raises nothing, a
    corrected date or issue is checked as corrected); nothing is stored."""
    return _findings(store.reviewed_view(), watchlist)[0]


def _findings(view: ReadView, watchlist: Watchlist) -> tuple[list[Finding], list[Finding]]:
    """(every finding, those stored as facts: all but the extractors' own, which are facts already)."""
    findings = extractor_findings(view)
    series_findings = _series_findings(view, watchlist)
    chronology = load_chronology(watchlist)
    on_record = reference_findings(view, watchlist, chronology)
    series_findings += on_record + tenure_findings(view, watchlist, chronology)
    flagged = {(s.doc_id, s.start, s.end) for f in on_record for s in f.evidence}
    series_findings += same_event_findings(view, watchlist, chronology, flagged)
    series_findings += succession_findings(view, watchlist, chronology, flagged)
    series_findings += page_date_findings(view, watchlist, chronology) + page_content_findings(view)
    series_findings += content_findings(view) + cause_findings(view)
    return series_findings + findings, series_findings


def _series_findings(store: ReadView, watchlist: Watchlist) -> list[Finding]:
    observed: dict[str, dict[int, dict[tuple[str, str | None], int]]] = defaultdict(lambda: defaultdict(dict))
    evidence = _Evidence(store)
    for group in store.fact_groups(FactFilter(("publication_issue",))):
        _, series_id, _, value, date, date_end, _, n = group
        if series_id is None or not str(value).isdigit():
            continue
        dates = observed[series_id][int(value)]
        dates[(date, date_end)] = dates.get((date, date_end), 0) + n
        evidence.keys[(series_id, int(value), date, date_end)].append(group)
    series_by_id = {e.id: e for e in watchlist.entities if e.type is EntityType.SERIES}
    documents: dict[str, list[dict[str, Any]]] = {}
    for sid, s in series_by_id.items():
        docs = series_issue_documents(store, s)
        if docs:
            documents[sid] = docs
        for d in docs:
            if d["published"]:
                key = (d["published"], None)
                observed[sid][d["issue"]][key] = observed[sid][d["issue"]].get(key, 0) + 1
    out: list[Finding] = []
    for sid, issues in sorted(observed.items()):
        name = series_by_id[sid].name if sid in series_by_id else sid
        model = _model(watchlist, sid, issues)
        for issue in sorted(issues):
            dates = issues[issue]
            if model is not None:
                out += _cadence(evidence, sid, name, issue, dates, model)
            out += _disagree(evidence, sid, name, issue, dates, model)
        if sid in documents:
            out += _gaps_and_duplicates(name, documents[sid])
    return out


def _model(watchlist: Watchlist, sid: str, issues: dict[int, dict[tuple[str, str | None], int]]) -> Cadence | None:
    if sid in watchlist.cadence:
        return cadence_from_watchlist(watchlist.cadence[sid])
    days = {}
    for issue, dates in issues.items():
        day_dates = {d: n for (d, e), n in dates.items() if e is None and len(d) == 10}
        if day_dates:
            days[issue] = day(max(day_dates, key=lambda d: day_dates[d]))
    return learn_cadence(days)


EVIDENCE = 5  # facts quoted per date a finding is about


class _Evidence:
    """Reads the facts behind a (series, issue, date) only when a finding needs them."""

    def __init__(self, store: ReadView) -> None:
        self.store = store
        # (series, issue, date, date_end) -> the fact_groups keys that say so
        self.keys: dict[tuple[str, int, str, str | None], list[tuple[Any, ...]]] = defaultdict(list)

        self.read: dict[tuple[str, int, str, str | None], list[Source]] = {}

    def __call__(self, sid: str, issue: int, date: str, date_end: str | None) -> list[Source]:
        key = (sid, issue, date, date_end)
        if key in self.read:  # a wrong date is both a cadence finding and one side of a dispute
            return list(self.read[key])
        out: list[Source] = []
        for group in self.keys.get(key, []):
            out += [source_of_row(r) for r in self.store.group_sources(group, EVIDENCE - len(out))]
            if len(out) >= EVIDENCE:
                break
        self.read[key] = out
        return list(out)


def _cadence(
    sources: _Evidence, sid: str, name: str, issue: int, dates: dict[tuple[str, str | None], int], model: Cadence
) -> list[Finding]:
    expected = model.expected(issue)
    out = []
    for (date, date_end), _n in sorted(dates.items()):
        first, last = bounds(date, date_end)
        tolerance = model.tolerance_for(issue)
        if first - dt.timedelta(days=tolerance) <= expected <= last + dt.timedelta(days=tolerance):
            continue
        off = (first - expected).days if first > expected else (last - expected).days
        evidence = sources(sid, issue, date, date_end)
        if not evidence:
            continue  # only an issue document's own date: reported under sources_disagree if others differ
        if gap_explained(sources.store, evidence):
            continue  # a late release the page itself names ("after a delay of six months")
        n_years = abs(round(off / 365.25))
        years = f" (about {n_years} year{'s' if n_years != 1 else ''})" if abs(off) > 300 else ""
        out.append(
            Finding(
                "series_cadence",
                f"{name} {issue} dated {label(date, date_end)}; the cadence expects {expected.isoformat()}",
                f"{name} appears every {model.every_days} days ({model.source}); issue {issue} should fall on "
                f"{expected.isoformat()}, {abs(off)} days {'before' if off > 0 else 'after'} the date given{years}, "
                f"beyond the tolerance of {tolerance} days"
                + (
                    f" ({model.tolerance} + drift over {abs(issue - model.nearest(issue))} issues from the nearest "
                    f"anchor, {model.nearest(issue)})"
                    if tolerance > model.tolerance
                    else ""
                )
                + _between(model, issue),
                evidence,
                expected.isoformat(),
                {"series": name, "issue": issue, "date": date, "date_end": date_end, "days_off": off},
                stated=f"{name} {issue} dated {label(date, date_end)}",
                sides=[
                    Side(STATED, f"{name} {issue} appeared on {label(date, date_end)}", evidence),
                    Side(
                        EXPECTED,
                        f"{name} {issue} on {expected.isoformat()} (±{tolerance} days)",
                        reference=f"{model.source}; "
                        + (
                            f"anchors: issue {step[0]} = {model.anchors[step[0]].isoformat()}, issue {step[1]} = "
                            f"{model.anchors[step[1]].isoformat()}"
                            if (step := model.in_step(issue))
                            else f"nearest anchor: issue {model.nearest(issue)} = "
                            f"{model.anchors[model.nearest(issue)].isoformat()}"
                        ),
                    ),
                ],
                confidence=0.8 if model.source.startswith("watchlist") else 0.6,
            )
        )
    return out


def _between(model: Cadence, issue: int) -> str:
    step = model.in_step(issue)
    if step is None or step[0] == step[1]:
        return ""
    return (
        f" (issue {issue} lies between anchor issues {step[0]} and {step[1]}, whose dates are exactly the cadence "
        "apart: no week was skipped between them)"
    )


def _disagree(
    sources: _Evidence,
    sid: str,
    name: str,
    issue: int,
    dates: dict[tuple[str, str | None], int],
    model: Cadence | None,
) -> list[Finding]:
    if len(dates) < 2:
        return []
    ranges = sorted((bounds(d, e), (d, e), n) for (d, e), n in dates.items())
    tolerance = model.tolerance_for(issue) if model else 1
    (_first_lo, first_hi), _, _ = ranges[0]
    (last_lo, _last_hi), _, _ = ranges[-1]
    gap = (last_lo - first_hi).days
    if gap <= tolerance:
        return []
    if gap_explained(sources.store, [s for _, key, _ in ranges for s in sources(sid, issue, *key)]):
        return []  # one page giving a cover date and a late release, and saying so
    evidence: list[Source] = []
    by_side: dict[str, list[Source]] = {}
    said = []
    for _, (d, e), n in ranges:
        src = sources(sid, issue, d, e)
        evidence += src[:3]
        by_side[label(d, e)] = src[:3]
        docs = len({s.doc_id for s in src}) or 1
        said.append(f"{label(d, e)} ({n} mention{'s' if n != 1 else ''} in {docs} document{'s' if docs != 1 else ''})")
    right = ""
    if model is not None:
        exp = model.expected(issue)
        fits = [
            label(d, e)
            for (lo, hi), (d, e), _ in ranges
            if lo - dt.timedelta(days=tolerance) <= exp <= hi + dt.timedelta(days=tolerance)
        ]
        right = f"; the cadence expects {exp.isoformat()}" + (
            f", which fits {', '.join(fits)}" if fits else ", which fits none"
        )
    else:  # no cadence: the dates fewer sources give
        most = max(n for _, _, n in ranges)
        fits = [label(d, e) for _, (d, e), n in ranges if n == most] if [n for *_, n in ranges].count(most) == 1 else []
    wrong = [
        s for side, srcs in by_side.items() if side not in fits for s in srcs
    ]  # the side that holds is not flagged
    sides = [
        Side(EXPECTED if side in fits else (STATED if fits else OTHER), f"{name} {issue} dated {side}", srcs)
        for side, srcs in by_side.items()
    ]
    if model is not None:
        sides.append(Side(EXPECTED, f"{name} {issue} on {model.expected(issue).isoformat()}", reference=model.source))
    return [
        Finding(
            "sources_disagree",
            f"{name} {issue} is dated differently: " + " vs ".join(said),
            f"sources give {len(dates)} dates for the same issue, up to {gap} days apart{right}",
            evidence,
            model.expected(issue).isoformat() if model else None,
            {"series": name, "issue": issue, "dates": {label(d, e): n for _, (d, e), n in ranges}, "days_apart": gap},
            flagged=wrong,
            stated=f"{name} {issue} dated " + " and ".join(by_side),
            sides=sides,
            confidence=0.7 if fits else 0.5,  # which side holds is known, or only that both cannot
        )
    ]


def _gaps_and_duplicates(name: str, docs: list[dict[str, Any]]) -> list[Finding]:
    out = []
    numbers = sorted({d["issue"] for d in docs})
    missing = sorted(set(range(numbers[0], numbers[-1] + 1)) - set(numbers))
    if missing:
        out.append(
            Finding(
                "series_gap",
                f"{name}: {len(missing)} issue{'s' if len(missing) != 1 else ''} between {numbers[0]} and "
                f"{numbers[-1]} not in the archive: {', '.join(map(str, missing[:30]))}"
                + (" ..." if len(missing) > 30 else ""),
                "the archive holds issues on both sides of these numbers; nothing can be said about what they contain",
                [],
                None,
                {"series": name, "missing": missing},
                stated=f"{name} {numbers[0]}-{numbers[-1]} archived without {len(missing)} numbers",
                sides=[Side(OTHER, f"{name}: the archived issues beside the gaps", _around_gaps(docs, missing))],
                confidence=1.0,
            )
        )
    by_number: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for d in docs:
        by_number[d["issue"]].append(d)
    for n, group in sorted(by_number.items()):
        if len(group) > 1:
            out.append(
                Finding(
                    "duplicate_issue_number",
                    f"{name} {n}: {len(group)} archived documents carry this number",
                    "two documents claim one issue number: the same issue twice, or a misnumbered one",
                    [Source.of_issue_document(d) for d in group],
                    None,
                    {"series": name, "issue": n, "documents": [d["id"] for d in group]},
                    stated=f"{name} {n} archived {len(group)} times",
                    sides=[
                        Side(OTHER, f"{name} {n}: {d['title'] or d['source']}", [Source.of_issue_document(d)])
                        for d in group
                    ],
                    confidence=0.7,
                )
            )
    return out


def _around_gaps(docs: list[dict[str, Any]], missing: list[int], most: int = 6) -> list[Source]:
    """The archived issues next to the first missing numbers."""
    edges = {n + step for n in missing for step in (-1, 1)} - set(missing)
    near = sorted((d for d in docs if d["issue"] in edges), key=lambda d: d["issue"])
    return [Source.of_issue_document(d) for d in list({d["issue"]: d for d in near}.values())[:most]]


def stored_ids(finding: Finding) -> list[str]:
    """The ids of the `inconsistency` facts a finding is (an extractor's) or is stored as (the check's)."""
    return finding.stored_as or [row[0] for _, row in _fact_rows(finding)]


def _fact_rows(finding: Finding) -> list[tuple[str, tuple[Any, ...]]]:
    """One `inconsistency` fact per flagged piece of evidence with a span (a wrong date; the side of a dispute
    that does not hold). Rows are built directly (ids as Statement makes them, plus the finding's id): thousands
    of findings at 100,000 documents."""
    out = []
    sides = [_side_of(side) for side in finding.all_sides()]  # the evidence of both sides, in the facts contract
    for src in finding.evidence if finding.flagged is None else finding.flagged:
        if src.end <= src.start or not src.fact_id:
            continue
        detail = {**finding.detail, "check": finding.check, "why": finding.reasoning, "summary": finding.summary,
                  "expected": finding.expected, "fact": src.fact_id, "finding": finding.id,
                  "confidence": finding.confidence, "sides": sides}  # fmt: skip
        row = (
            # the finding's id and the check's version in the fact's id: the store keeps rows whose ids it has
            # (replace_findings), so a row must hash all it says — its finding's summary and sides included
            stable_id(
                NAME,
                "inconsistency",
                finding.check,
                src.doc_id,
                src.start,
                src.end,
                None,
                None,
                src.date,
                finding.id,
                VERSION,
            ),
            "inconsistency",
            finding.check,
            src.start,
            src.end,
            src.text,
            src.date,
            src.date_end,
            _PRECISION.get(len(src.date or "")),
            "gregorian" if src.date else None,
            None,
            None,
            None,
            None,
            None,
            NAME,
            VERSION,
            finding.confidence,
            json.dumps(detail, ensure_ascii=False, sort_keys=True),
            None,  # modality: a finding is asserted
        )
        out.append((src.doc_id, row))
    return out


def _side_of(side: Side) -> dict[str, Any]:
    evidence = [{"document": s.doc_id, "start": s.start, "end": s.end, "text": s.text} for s in side.sources]
    return {"role": side.role, "says": side.says, "reference": side.reference, "evidence": evidence}


_PRECISION = {4: "year", 7: "month", 10: "day"}

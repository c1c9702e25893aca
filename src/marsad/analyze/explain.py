"""`marsad check --explain ID`: one finding's reasoning, side by side with the evidence of each side.

ID is a finding's id or a unique prefix of it (as `marsad check` lists them), or the id of an
`inconsistency` fact the finding was stored as (`marsad facts --kind inconsistency`).
"""

from __future__ import annotations

from collections.abc import Sequence

from marsad.analyze.checks import stored_ids
from marsad.analyze.finding import Finding, Side
from marsad.errors import NotFoundError

QUOTE = 400  # characters of a span quoted; longer spans are cut in the middle


def find_finding(findings: Sequence[Finding], wanted: str) -> Finding:
    """The one finding whose id starts with `wanted` (or the finding an inconsistency fact came from)."""
    key = wanted.strip().lower()
    if len(key) < 4:
        raise NotFoundError(f"finding id {wanted!r}: give at least 4 characters of an id `marsad check` lists")
    found = [f for f in findings if f.id.startswith(key)]
    if not found:
        found = [f for f in findings if any(i.startswith(key) for i in stored_ids(f))]
    if not found:
        raise NotFoundError(
            f"finding id {wanted!r}: no finding of `marsad check` has it (ids change when the archive does; "
            "run `marsad check` to list the current ones)"
        )
    ids = sorted({f.id for f in found})
    if len(ids) > 1:
        raise NotFoundError(
            f"finding id {wanted!r} is ambiguous: {', '.join(i[:16] for i in ids[:5])}"
            + (" ..." if len(ids) > 5 else "")
            + "; give more characters"
        )
    return found[0]


def explanation(finding: Finding) -> str:
    """The reasoning as plain text: the check, what was stated, what is expected, each side's evidence."""
    lines = [
        f"finding {finding.id}",
        f"check:      {finding.check}",
        f"confidence: {finding.confidence:.2f}",
        f"summary:    {finding.summary}",
        f"stated:     {finding.stated or finding.summary}",
        f"expected:   {finding.expected or '(no single date: see the sides)'}",
        "",
    ]
    for n, side in enumerate(finding.all_sides(), start=1):
        lines += _side(n, side)
    lines += ["why:", *_wrap(finding.reasoning, "  ")]
    shown = {k: v for k, v in finding.detail.items() if k not in ("why", "summary")}
    if shown:
        lines += ["detail:", *(f"  {k}: {v}" for k, v in sorted(shown.items()))]
    return "\n".join(lines)


def _side(n: int, side: Side) -> list[str]:
    out = [f"side {n} ({side.role}): {side.says}"]
    if side.reference:
        out.append(f"  record: {side.reference}")
    for s in side.sources:
        where = s.url or s.source
        span = f"characters {s.start}-{s.end}" if s.end > s.start else "the document itself"
        dated = f", dated {s.date}" + (f" .. {s.date_end}" if s.date_end and s.date_end != s.date else "")
        out.append(f"  evidence: {where} (document {s.doc_id[:12]}, {span}{dated if s.date else ''})")
        if s.text:
            out.append(f"    «{_quote(s.text)}»")
    if not side.sources and not side.reference:
        out.append("  evidence: none archived (the check's own reasoning, below)")
    return [*out, ""]


def _quote(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= QUOTE:
        return text
    half = QUOTE // 2
    return f"{text[:half]} … {text[-half:]}"


def _wrap(text: str, indent: str, width: int = 100) -> list[str]:
    lines: list[str] = []
    line = ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(indent + line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return [*lines, indent + line] if line else lines

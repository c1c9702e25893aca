"""Score the date extractor: precision, recall and value accuracy per language and per form.

Two sets: our written notes (tests/eval/dates_corpus.jsonl, annotated exhaustively, so precision is
measured) and the real pages of ../shared/eval/dev (annotations are not exhaustive: recall and value
accuracy only). `python -m tests.eval.score_dates` prints the table; tests/eval/test_gate.py fails CI
when a figure drops below its floor in tests/eval/floors.json.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marsad.extract.dates import DateExtractor
from marsad.ingest.base import Item, SourceFile
from marsad.ingest.html import HTML
from marsad.model import Document, PartialDate, Statement

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "dates_corpus.jsonl"
DEV = HERE.parents[2] / "shared" / "eval" / "dev"


@dataclass
class Tally:
    expected: int = 0
    found: int = 0  # an extracted date overlaps the annotated span
    right: int = 0  # ... and carries the annotated value
    predicted: int = 0
    spurious: int = 0  # extracted dates that overlap no annotation (exhaustive sets only)

    def figures(self) -> dict[str, float | None]:
        return {
            "precision": round(1 - self.spurious / self.predicted, 3) if self.predicted else None,
            "recall": round(self.found / self.expected, 3) if self.expected else None,
            "value_accuracy": round(self.right / self.found, 3) if self.found else None,
        }


@dataclass
class Report:
    by_lang: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    by_form: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    misses: list[str] = field(default_factory=list)
    checks_expected: int = 0
    checks_found: int = 0
    checks_spurious: int = 0


def _value_ok(fact: Statement, ann: dict[str, Any]) -> bool:
    d = fact.date
    if d is None or d.value != ann["date"]:
        return False
    if ann.get("date_end") and d.end != ann["date_end"]:
        return False
    return not (ann.get("hijri") and d.hijri != ann["hijri"])


def _locate(text: str, span: str) -> tuple[int, int] | None:
    i = text.find(span)
    return None if i < 0 else (i, i + len(span))


def score_document(
    report: Report,
    doc_key: str,
    text: str,
    facts: list[Statement],
    anns: list[dict[str, Any]],
    lang: str,
    exhaustive: bool,
) -> None:
    dates = [f for f in facts if f.kind == "date"]
    spans = []
    for ann in anns:
        where = _locate(text, ann["text"])
        if where is None:
            report.misses.append(f"{doc_key}: annotated text not in document: {ann['text'][:60]!r}")
            continue
        spans.append(where)
        near = [f for f in dates if f.evidence[0].start < where[1] and where[0] < f.evidence[0].end]
        for tally in (report.by_lang[lang], report.by_form[ann.get("form", "other")]):
            tally.expected += 1
            tally.found += bool(near)
            tally.right += any(_value_ok(f, ann) for f in near)
        if not near:
            report.misses.append(f"{doc_key} missed {ann['text'][:70]!r} -> {ann['date']}")
        elif not any(_value_ok(f, ann) for f in near):
            got = ", ".join(f"{f.date.value if f.date else None}..{f.date.end if f.date else None}" for f in near)
            report.misses.append(f"{doc_key} wrong value {ann['text'][:50]!r}: want {ann['date']}, got {got}")
    if exhaustive:
        tally = report.by_lang[lang]
        for f in dates:
            tally.predicted += 1
            e = f.evidence[0]
            if not any(e.start < b and a < e.end for a, b in spans):
                tally.spurious += 1
                report.misses.append(
                    f"{doc_key} spurious {text[e.start : e.end]!r} -> {f.date.value if f.date else None}"
                )


def score_written(extractor: DateExtractor | None = None) -> Report:
    extractor = extractor or DateExtractor()
    report = Report()
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        published = PartialDate(rec["published"]) if rec.get("published") else None
        doc = Document(rec["id"].ljust(64, "0"), rec["id"], "text/plain", rec["text"], 0, published=published)
        facts = extractor.extract(doc)
        score_document(report, rec["id"], rec["text"], facts, rec["dates"], rec["lang"], exhaustive=True)
        checks = [f for f in facts if f.kind == "inconsistency"]
        if rec.get("inconsistency"):
            report.checks_expected += 1
            report.checks_found += any(f.predicate == rec["inconsistency"] for f in checks)
        else:
            report.checks_spurious += len(checks)
    return report


def dev_pages() -> list[tuple[str, Document]]:
    out = []
    for path in sorted((DEV / "docs").glob("*.html")):
        items = list(HTML.parse(SourceFile(str(path), path.read_bytes(), "")))
        assert isinstance(items[0], Item)
        out.append((path.stem, items[0].document))
    return out


def score_dev(extractor: DateExtractor | None = None) -> Report:
    """Real pages: every annotation with a date in its text; those dated only by the URL need the statement
    extractor (a later milestone) and are scored all the same, so the figures say what the text alone gives."""
    extractor = extractor or DateExtractor()
    report = Report()
    anns_by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for line in (DEV / "annotations.jsonl").read_text(encoding="utf-8").splitlines():
        ann = json.loads(line)
        norm = ann["normalized"]
        if "date" in norm and ann["kind"] != "date_inconsistency" and not ann.get("requires_external_dct"):
            anns_by_doc[ann["doc"]].append(
                {
                    "text": ann["text_span"],
                    "date": norm["date"],
                    "date_end": norm.get("date_end"),
                    "hijri": norm.get("hijri"),
                    "form": f"dev-{ann['kind']}",
                }
            )
    for key, doc in dev_pages():
        lang = doc.declared_language or "en"
        score_document(report, key, doc.text, extractor.extract(doc), anns_by_doc.get(key, []), lang, exhaustive=False)
    return report


def figures() -> dict[str, Any]:
    written = score_written()
    out: dict[str, Any] = {
        "written": {lang: t.figures() for lang, t in sorted(written.by_lang.items())},
        "written_forms": {form: t.figures() for form, t in sorted(written.by_form.items())},
        "written_checks": {
            "expected": written.checks_expected,
            "found": written.checks_found,
            "spurious": written.checks_spurious,
        },
    }
    if DEV.is_dir():
        dev = score_dev()
        out["dev"] = {lang: t.figures() for lang, t in sorted(dev.by_lang.items())}
    return out


def main() -> None:
    written = score_written()
    print("written notes (exhaustive annotations)")
    print(f"  {'':24}{'n':>4}{'precision':>11}{'recall':>8}{'value acc':>11}")
    for name, tally in [
        *sorted(written.by_lang.items()),
        *[("form " + k, v) for k, v in sorted(written.by_form.items())],
    ]:
        f = tally.figures()
        cells = "".join(
            f"{'' if f[k] is None else f[k]:>{w}}"
            for k, w in (("precision", 11), ("recall", 8), ("value_accuracy", 11))
        )
        print(f"  {name:24}{tally.expected:>4}{cells}")
    print(f"  checks: {written.checks_found}/{written.checks_expected} found, {written.checks_spurious} spurious")
    if DEV.is_dir():
        dev = score_dev()
        print("real pages, ../shared/eval/dev (annotations not exhaustive)")
        for name, tally in sorted(dev.by_lang.items()):
            f = tally.figures()
            print(f"  {name:24}{tally.expected:>4}{'':>11}{f['recall']!s:>8}{f['value_accuracy']!s:>11}")
        written.misses += dev.misses
    print("misses:")
    for miss in written.misses:
        print("  " + miss)


if __name__ == "__main__":
    main()

"""The date extractor against dateparser's search_dates, on the same texts, in one run.

usage: python bench/dates.py [--mb 10]     (needs: pip install -e '.[bench]')

1. Quality on the annotated documents (our written notes and ../shared/eval/dev): recall and value
   accuracy of each, matched the same way (evidence overlapping the annotated text, value equal at the
   annotation's precision). dateparser gets the document's language and its date as RELATIVE_BASE.
2. Throughput on a generated mixed EN/AR corpus of --mb megabytes: MB/s of each and the ratio.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
import warnings
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.eval.score_dates import CORPUS, DEV, dev_pages

from bench.corpus import iter_texts
from marsad.extract.dates import DateExtractor
from marsad.model import Document, PartialDate

warnings.filterwarnings("ignore")  # dateparser warns about pytz and regex internals


def annotated() -> list[tuple[str, str, str | None, list[dict[str, Any]]]]:
    """(text, language, document date, annotations) for every annotated document."""
    docs = []
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        docs.append((r["text"], r["lang"], r.get("published"), r["dates"]))
    if DEV.is_dir():
        anns: dict[str, list[dict[str, Any]]] = {}
        for line in (DEV / "annotations.jsonl").read_text(encoding="utf-8").splitlines():
            a = json.loads(line)
            if "date" in a["normalized"] and a["kind"] != "date_inconsistency":
                anns.setdefault(a["doc"], []).append({"text": a["text_span"], "date": a["normalized"]["date"]})
        for key, doc in dev_pages():
            docs.append(
                (
                    doc.text,
                    doc.declared_language or "en",
                    doc.published.value if doc.published else None,
                    anns.get(key, []),
                )
            )
    return docs


def marsad_dates(text: str, published: str | None) -> list[tuple[int, int, str]]:
    doc = Document("b" * 64, "b", "text/plain", text, 0, published=PartialDate(published) if published else None)
    return [(f.evidence[0].start, f.evidence[0].end, f.date.value) for f in DateExtractor().extract(doc) if f.date]


def dateparser_dates(text: str, lang: str, published: str | None) -> list[tuple[int, int, str]]:
    from dateparser.search import search_dates

    base = PartialDate(published).first_day() if published else None  # a URL may give only a month
    settings: dict[str, Any] = {"RELATIVE_BASE": dt.datetime(base.year, base.month, base.day)} if base else {}
    found = search_dates(text, languages=[lang], settings=settings) or []
    out, pos = [], 0
    for matched, when in found:
        start = text.find(matched, pos)
        if start < 0:
            start = text.find(matched)
        if start >= 0:
            out.append((start, start + len(matched), when.date().isoformat()))
            pos = start + len(matched)
    return out


def quality(name: str, run: Any) -> dict[str, float]:
    total = found = right = 0
    for text, lang, published, anns in annotated():
        got = run(text, lang, published)
        for ann in anns:
            i = text.find(ann["text"])
            if i < 0:
                continue
            near = [v for s, e, v in got if s < i + len(ann["text"]) and i < e]
            total += 1
            found += bool(near)
            right += any(v[: len(ann["date"])] == ann["date"] for v in near)
    return {"recall": found / total, "value_accuracy": right / found if found else 0.0, "annotations": total}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, default=10.0)
    args = parser.parse_args()

    print("quality on the annotated documents")
    q_marsad = quality("marsad", lambda t, lang, p: marsad_dates(t, p))
    q_dp = quality("dateparser", dateparser_dates)
    for name, q in (("marsad", q_marsad), ("dateparser", q_dp)):
        print(
            f"  {name:12} recall {q['recall']:.3f}  value accuracy {q['value_accuracy']:.3f}  "
            f"({q['annotations']} annotated dates)"
        )

    texts: list[tuple[str, str]] = []
    size = 0
    for _, lang, text in iter_texts(10**7, seed=7):
        texts.append((lang, text))
        size += len(text.encode("utf-8"))
        if size >= args.mb * 1e6:
            break
    mb = size / 1e6
    print(f"\nthroughput on {mb:.1f} MB of generated EN/AR notes ({len(texts)} documents)")
    started = time.perf_counter()
    n_marsad = sum(len(marsad_dates(text, "2024-01-05")) for _, text in texts)
    t_marsad = time.perf_counter() - started
    started = time.perf_counter()
    n_dp = sum(len(dateparser_dates(text, lang, "2024-01-05")) for lang, text in texts)
    t_dp = time.perf_counter() - started
    print(f"  marsad      {mb / t_marsad:7.2f} MB/s  ({t_marsad:.1f} s, {n_marsad} dates)")
    print(f"  dateparser  {mb / t_dp:7.2f} MB/s  ({t_dp:.1f} s, {n_dp} dates)")
    print(f"  ratio       {t_dp / t_marsad:7.1f}x")


if __name__ == "__main__":
    main()

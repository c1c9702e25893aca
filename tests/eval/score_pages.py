"""Score marsad the way the hidden pages and news are scored: through its command line, by the shared scorers.

1. The real pages of ../shared/eval/dev: `marsad ingest` into a fresh archive, `marsad check`, `marsad facts
   --format jsonl`, then ../shared/eval/score.py: recall per kind and field, value accuracy of dates.
2. The MEANTIME news of ../shared/eval/timeml: ../shared/eval/timeml/score_timeml.py (TempEval-3 value F1 and
   relaxed precision, beside dateparser in the same run).

`python -m tests.eval.score_pages` prints both; tests/eval/test_pages_gate.py holds them to the floors of
tests/eval/floors.json.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SHARED_EVAL = HERE.parents[2] / "shared" / "eval"
DEV = SHARED_EVAL / "dev"
TIMEML = SHARED_EVAL / "timeml"
# the dated kinds of the figure: "date recall of events, statements, issues and campaigns"
DATED = ("event.date", "statement.date", "publication_issue.date", "campaign.date")


def _marsad(db: Path, *args: str) -> str:
    env = {**os.environ, "MARSAD_DB": str(db)}
    done = subprocess.run([sys.executable, "-m", "marsad", *args], env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"marsad {' '.join(args)} failed ({done.returncode}): {done.stderr[-2000:]}")
    if "extraction failed" in done.stderr:
        raise RuntimeError(f"marsad {' '.join(args)}: {done.stderr[-2000:]}")
    return done.stdout


def page_figures(workdir: Path | None = None) -> dict[str, Any]:
    """The shared scorer's figures on the dev pages, plus the combined date recall of the dated kinds."""
    with tempfile.TemporaryDirectory(prefix="marsad-pages-") as tmp:
        folder = workdir or Path(tmp)
        db = folder / "dev.db"
        _marsad(db, "ingest", str(DEV / "docs"))
        _marsad(db, "check")
        facts = folder / "facts.jsonl"
        facts.write_text(_marsad(db, "facts", "--format", "jsonl"), encoding="utf-8")
        scored = subprocess.run(
            [sys.executable, str(SHARED_EVAL / "score.py"), str(DEV / "annotations.jsonl"), str(facts), "--json"],
            capture_output=True,
            text=True,
            check=True,
        )
        rows = [json.loads(line) for line in facts.read_text(encoding="utf-8").splitlines() if line.strip()]
    result: dict[str, Any] = json.loads(scored.stdout)
    result["facts_rows"] = rows
    counts = result["counts"]
    found = sum(counts[k][0] for k in DATED if k in counts)
    total = sum(counts[k][1] for k in DATED if k in counts)
    result["dates_recall"] = round(found / total, 3) if total else 0.0
    result["dates_counts"] = [found, total]
    return result


def doc_key(fact: dict[str, Any]) -> str:
    """A fact's page, as the shared scorer names it: the file stem of its source."""
    return Path(str(fact["document"]["source"])).stem


def verdict_figures(
    rows: list[dict[str, Any]], verdicts_file: Path, kinds: tuple[str, ...], extractor: str
) -> dict[str, Any]:
    """Precision read by hand: each fact the extractor yields now, matched to its verdict by page, span and value
    (and, for statements and events, predicate and actor) in tests/eval/verdicts_*.jsonl (spans and verdicts only,
    no page text). Facts with no verdict are counted apart: the verdicts must be renewed when the output changes.
    Figures overall, per language and per kind and language ("statement/en")."""
    verdicts = {}
    for line in verdicts_file.read_text(encoding="utf-8").splitlines():
        if line.strip():
            v = json.loads(line)
            verdicts[_verdict_key(v, v["doc"])] = v["verdict"]
    empty = {"right": 0, "wrong": 0, "unsure": 0, "unjudged": 0}
    tally: dict[str, int] = dict(empty)
    by_lang: dict[str, dict[str, int]] = {}
    by_kind: dict[str, dict[str, int]] = {}
    for f in rows:
        if f["kind"] not in kinds or not f["extractor"].startswith(extractor + "/"):
            continue
        page = doc_key(f)
        verdict = verdicts.get(_verdict_key(f, page))
        label = (
            "unjudged"
            if verdict is None
            else ("right" if verdict == "right" else "unsure" if verdict == "unsure" else "wrong")
        )
        tally[label] += 1
        lang = "en" if page.startswith("e") or page in ("02", "06", "11", "12") else "ar"
        by_lang.setdefault(lang, dict(empty))[label] += 1
        by_kind.setdefault(f"{f['kind']}/{lang}", dict(empty))[label] += 1

    def share(t: dict[str, int]) -> float:
        return round(t["right"] / (t["right"] + t["wrong"]), 3) if t["right"] + t["wrong"] else 0.0

    return {
        **tally,
        "precision": share(tally),
        "by_lang": {lang: share(t) for lang, t in by_lang.items()},
        "by_kind": {kind: share(t) for kind, t in sorted(by_kind.items())},
        "counts_by_kind": by_kind,
    }


def _verdict_key(row: dict[str, Any], page: str) -> tuple[Any, ...]:
    """A fact's identity for its verdict: page, kind, span and dates; statements and events also by what was done,
    by whom and in which mood (a new reading of the same sentence needs a new verdict)."""
    key: tuple[Any, ...] = (page, row["kind"], row["start"], row["end"], row.get("date"), row.get("date_end"))
    if row["kind"] in ("statement", "event"):
        key += (row.get("predicate"), row.get("actor"), row.get("modality"))
    return key


def timeml_figures() -> dict[str, Any]:
    """score_timeml.py's one-line summary (marsad through its CLI, dateparser beside it)."""
    done = subprocess.run(
        [sys.executable, str(TIMEML / "score_timeml.py"), "--json", "--marsad", f"{sys.executable} -m marsad"],
        capture_output=True,
        text=True,
        check=True,
    )
    summary: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return summary


def main() -> None:
    pages = page_figures()
    print("dev pages (../shared/eval/dev), scored by ../shared/eval/score.py")
    for key, (got, want) in sorted(pages["counts"].items()):
        print(f"  {key:30} {got:4}/{want:<4} {got / want:.3f}")
    print(
        f"  dates of events, statements, issues, campaigns: recall {pages['dates_recall']} "
        f"({pages['dates_counts'][0]}/{pages['dates_counts'][1]}), value accuracy {pages['date_value_accuracy']}"
    )
    dates = verdict_figures(pages["facts_rows"], HERE / "verdicts_dates.jsonl", ("date", "inconsistency"), "dates")
    print(
        f"  dates read by hand (tests/eval/verdicts_dates.jsonl): precision {dates['precision']} "
        f"({dates['right']} right, {dates['wrong']} wrong, {dates['unsure']} unsure, "
        f"{dates['unjudged']} not yet judged); "
        f"by language {dates['by_lang']}"
    )
    said = verdict_figures(
        pages["facts_rows"], HERE / "verdicts_statements.jsonl", ("statement", "event"), "statements"
    )
    print(
        f"  statements and events read by hand (tests/eval/verdicts_statements.jsonl): fully right {said['precision']} "
        f"({said['right']} right, {said['wrong']} wrong, {said['unsure']} unsure, {said['unjudged']} not yet judged); "
        f"by kind and language {said['by_kind']}"
    )
    if TIMEML.is_dir():
        t = timeml_figures()
        m, d = t["marsad"], t["dateparser"]
        print(f"MEANTIME {','.join(t['corpora'])} ({t['docs']} articles, {t['setting']}), TempEval-3 value F1:")
        print(f"  marsad     {m['value_f1']:5.1f}  relaxed P {m['relaxed_p']:5.1f} R {m['relaxed_r']:5.1f}")
        print(f"  dateparser {d['value_f1']:5.1f}  relaxed P {d['relaxed_p']:5.1f} R {d['relaxed_r']:5.1f}")


if __name__ == "__main__":
    main()

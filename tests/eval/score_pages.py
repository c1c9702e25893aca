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
    result: dict[str, Any] = json.loads(scored.stdout)
    counts = result["counts"]
    found = sum(counts[k][0] for k in DATED if k in counts)
    total = sum(counts[k][1] for k in DATED if k in counts)
    result["dates_recall"] = round(found / total, 3) if total else 0.0
    result["dates_counts"] = [found, total]
    return result


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
    if TIMEML.is_dir():
        t = timeml_figures()
        m, d = t["marsad"], t["dateparser"]
        print(f"MEANTIME {','.join(t['corpora'])} ({t['docs']} articles, {t['setting']}), TempEval-3 value F1:")
        print(f"  marsad     {m['value_f1']:5.1f}  relaxed P {m['relaxed_p']:5.1f} R {m['relaxed_r']:5.1f}")
        print(f"  dateparser {d['value_f1']:5.1f}  relaxed P {d['relaxed_p']:5.1f} R {d['relaxed_r']:5.1f}")


if __name__ == "__main__":
    main()

"""Actor mentions on our written notes (tests/eval/actors_corpus.jsonl, annotated exhaustively: every
mention of a watchlist actor), precision and recall per language; and on the same notes the recall of
publication issue numbers and of dated statements and events (actor and date); `python -m tests.eval.score_actors`.

The notes mix spellings and scripts, kunya cases, short names (IS, Daesh, داعش, Hamas), two caliphs whose
names share a skeleton, and everyday words that are also names (أعماق "depths", بحماس "with zeal").
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from marsad.extract.actors import ActorExtractor
from marsad.model import Document

CORPUS = Path(__file__).resolve().parent / "actors_corpus.jsonl"


def score(extractor: ActorExtractor | None = None, verbose: bool = False) -> dict[str, tuple[float, float]]:
    ex = extractor or ActorExtractor()
    tp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    for n, line in enumerate(CORPUS.read_text(encoding="utf-8").splitlines()):
        rec = json.loads(line)
        text, lang = rec["text"], rec["lang"]
        doc = Document(f"{n:064x}", "eval", "text/plain", text, len(text.encode()))
        facts = [f for f in ex.extract(doc) if f.kind == "actor" and f.detail.get("actor")]
        taken: set[int] = set()
        used: set[int] = set()
        for written, actor in rec["mentions"]:
            starts = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(written)}(?!\w)", text)]
            start = next(s for s in starts if s not in taken)
            taken.add(start)
            end = start + len(written)
            hit = [i for i, f in enumerate(facts) if f.evidence[0].start < end and start < f.evidence[0].end]
            hit = [i for i in hit if facts[i].detail["actor"] == actor]
            if hit:
                tp[lang] += 1
                used.update(hit)
            else:
                fn[lang] += 1
                if verbose:
                    print(f"  missed {rec['id']}: {written} ({actor})")
        for i, f in enumerate(facts):
            if i not in used:
                fp[lang] += 1
                if verbose:
                    e = f.evidence[0]
                    print(f"  spurious {rec['id']}: {text[e.start : e.end]} -> {f.detail['actor']}")
    return {
        lang: (tp[lang] / (tp[lang] + fp[lang] or 1), tp[lang] / (tp[lang] + fn[lang] or 1)) for lang in sorted(tp | fn)
    }


def recall_of_issues_and_events(verbose: bool = False) -> dict[str, tuple[int, int]]:
    """(found, annotated) for issue numbers (per language) and for statements/events (kind, actor, date)."""
    from marsad.extract.registry import run_extractors

    found: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for n, line in enumerate(CORPUS.read_text(encoding="utf-8").splitlines()):
        rec = json.loads(line)
        text = rec["text"]
        doc = Document(f"{n + 1000:064x}", "eval", "text/plain", text, len(text.encode()))
        facts = run_extractors(doc)
        for written, number in rec.get("issues", []):
            start = text.find(written)
            hit = any(
                f.kind == "publication_issue" and f.detail.get("issue") == number
                and f.evidence[0].start < start + len(written) and start < f.evidence[0].end
                for f in facts
            )  # fmt: skip
            total[f"issues {rec['lang']}"] += 1
            found[f"issues {rec['lang']}"] += hit
            if verbose and not hit:
                print(f"  missed issue {rec['id']}: {written}")
        said = {(f.kind, f.detail.get("actor"), f.date.value if f.date else None) for f in facts}
        for kind, actor, date in rec.get("events", []):
            hit = (kind, actor, date) in said
            total[f"statements/events {rec['lang']}"] += 1
            found[f"statements/events {rec['lang']}"] += hit
            if verbose and not hit:
                print(f"  missed {kind} {rec['id']}: {actor} {date}")
    return {k: (found[k], total[k]) for k in sorted(total)}


def main() -> None:
    for lang, (p, r) in score(verbose=True).items():
        print(f"actor mentions {lang}  precision {p:.3f}  recall {r:.3f}")
    for name, (got, want) in recall_of_issues_and_events(verbose=True).items():
        print(f"{name:22} recall {got}/{want}")


if __name__ == "__main__":
    main()

"""Score the name matcher (marsad.kb.match.same_name) on alias pairs, next to rapidfuzz's ratio alone.

Two sets:
- written: tests/eval/alias_pairs.yaml — spelling groups (every pair inside a group is positive) and hard
  negatives (different people or groups whose names share words);
- UN list (real, not written by us, read from ../shared/data when it is there): each individual's Latin
  name against its original-script name (positive), and against the original-script name of the next
  individual whose Latin name starts with the same word (hard negative).

The baseline is rapidfuzz.fuzz.ratio on lower-cased names at its best threshold on the same pairs (the
most favourable setting for it). `python -m tests.eval.score_aliases` prints the table; test_alias_gate.py
holds the floors.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from pathlib import Path

import yaml
from lxml import etree
from rapidfuzz import fuzz, utils

from marsad.kb.match import name_key, same_name
from marsad.text.script import has_arabic

HERE = Path(__file__).resolve().parent
WRITTEN = HERE / "alias_pairs.yaml"
UN_XML = HERE.parents[2] / "shared" / "data" / "un-consolidated-list-2024-09-26.xml"

Pair = tuple[str, str, bool, str]  # a, b, same?, kind


@dataclass(frozen=True)
class Score:
    pairs: int
    positives: int
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _kind(a: str, b: str) -> str:
    sa, sb = has_arabic(a), has_arabic(b)
    return "arabic-latin" if sa != sb else ("arabic-arabic" if sa else "latin-latin")


def written_pairs() -> list[Pair]:
    data = yaml.safe_load(WRITTEN.read_text(encoding="utf-8"))
    out: list[Pair] = []
    for group in data["groups"]:
        names = list(dict.fromkeys(group))
        out += [(a, b, True, _kind(a, b)) for a, b in itertools.combinations(names, 2)]
    out += [(a, b, False, _kind(a, b)) for a, b in data["negatives"]]
    return out


def un_pairs(path: Path = UN_XML) -> list[Pair]:
    root = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True)).getroot()
    people: list[tuple[str, str]] = []
    for el in root.iter("INDIVIDUAL"):
        original = " ".join((el.findtext("NAME_ORIGINAL_SCRIPT") or "").split())
        parts = [" ".join((el.findtext(t) or "").split()) for t in ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME")]
        latin = " ".join(p for p in parts if p and p.lower() != "na")
        fourth = " ".join((el.findtext("FOURTH_NAME") or "").split())
        if fourth and fourth.lower() != "na":
            latin += " " + fourth
        if latin and has_arabic(original):
            people.append((latin, original))
    out: list[Pair] = [(latin, original, True, "un arabic-latin") for latin, original in people]
    for i, (latin, _) in enumerate(people):
        first = name_key(latin).skeleton[:1]
        for j in itertools.chain(range(i + 1, len(people)), range(i)):
            other_latin, other_original = people[j]
            if name_key(other_latin).skeleton[:1] == first and not same_name(latin, other_latin):
                out.append((latin, other_original, False, "un arabic-latin"))
                break
    return out


def score(pairs: list[Pair], match: object) -> Score:
    assert callable(match)
    tp = fp = fn = 0
    for a, b, same, _ in pairs:
        said = bool(match(a, b))
        tp += said and same
        fp += said and not same
        fn += same and not said
    return Score(len(pairs), sum(p[2] for p in pairs), tp, fp, fn)


def ratio_at(threshold: float):  # type: ignore[no-untyped-def]
    def match(a: str, b: str) -> bool:
        return bool(fuzz.ratio(a, b, processor=utils.default_process) >= threshold)

    return match


def best_ratio(pairs: list[Pair]) -> tuple[float, Score]:
    scored = [(t, score(pairs, ratio_at(t))) for t in range(50, 101, 5)]
    return max(scored, key=lambda ts: ts[1].f1)


def sets() -> dict[str, list[Pair]]:
    written = written_pairs()
    out = {"written, all": written}
    for kind in ("latin-latin", "arabic-latin", "arabic-arabic"):
        out[f"written, {kind}"] = [p for p in written if p[3] == kind]
    if UN_XML.is_file():
        out["UN list (real), arabic-latin"] = un_pairs()
    return out


def main() -> None:
    print(f"{'set':34} {'pairs':>5} {'pos':>4}   {'marsad P/R/F1':>20}   {'rapidfuzz ratio (best t) P/R/F1':>34}")
    for name, pairs in sets().items():
        ours = score(pairs, same_name)
        t, base = best_ratio(pairs)
        print(
            f"{name:34} {len(pairs):>5} {ours.positives:>4}   "
            f"{ours.precision:6.3f} {ours.recall:6.3f} {ours.f1:6.3f}   "
            f"t={t:<3.0f} {base.precision:6.3f} {base.recall:6.3f} {base.f1:6.3f}"
        )
    written = written_pairs()
    misses = [(a, b, same) for a, b, same, _ in written if same_name(a, b) != same]
    if misses:
        print("\nwritten pairs marsad gets wrong:")
        for a, b, same in misses:
            print(f"  {'missed' if same else 'false match'}: {a} | {b}")


if __name__ == "__main__":
    main()

"""(i) A cause dated after the effect it is said to explain: "In September 2016 the magazine was replaced.
Observers said this was due to the loss of the town in October 2016."

A sentence that opens by pointing back (this, that, it; «وذلك», «جاء ذلك») and gives a cause (due to,
because of, a result of, in response to; «بسبب», «نتيجة», «رداً على») explains what the sentence before it
dated. If the cause's date begins after the last day the effect's date can mean, the order does not hold.
"""

from __future__ import annotations

import re

from marsad.analyze.dating import bounds
from marsad.analyze.finding import EXPECTED, STATED, Finding, Side
from marsad.analyze.timeline import Source
from marsad.store import ReadView
from marsad.store.facts import Fact
from marsad.store.query import parse_query

_EN_CUES = ("due to", "because of", "caused by", "a result of", "in response to", "prompted by", "a response to")
_AR_POINTS = ("وذلك", "وجاء ذلك", "جاء ذلك", "وياتي ذلك", "ويأتي ذلك")
_AR_CUES = ("بسبب", "نتيجة", "نتيجةً", "ردا على", "رداً على", "بعد")


def _either(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in words)


_POINTS_BACK = re.compile(
    r"(?:^|[.!?؟]\s+)(?P<s>(?:[A-Z]\w+\s+){0,2}(?:\w+\s+)?(?:this|that|it)\s+(?:was|is|had been|came)\s+"
    rf"(?:(?:largely|partly|mainly|probably|likely)\s+)?(?:{_either(_EN_CUES)})"
    rf"|(?:{_either(_AR_POINTS)})\s+(?:{_either(_AR_CUES)}))",
)
# the documents that may hold a cue: each cue's words, as a phrase of the full-text index (its last pointing word
# then the cue, in Arabic); the pattern above then reads only them
_CUED = parse_query(
    " OR ".join(
        [f'"{c}"' for c in _EN_CUES]
        + [f'"{p.split()[-1]} {c}"' for p in dict.fromkeys(p.split()[-1] for p in _AR_POINTS) for c in _AR_CUES]
    )
)
_END = re.compile(r"[.!?؟](?:\s|$)")


def cause_findings(store: ReadView) -> list[Finding]:
    out = []
    for doc in store.documents_matching(_CUED):
        cues = [m.start("s") for m in _POINTS_BACK.finditer(doc.text)]
        if not cues:
            continue
        dates = [f for f in store.iter_facts("date", document=doc.id) if f["date"]]
        for at in cues:
            finding = _check(doc.text, at, dates)
            if finding is not None:
                out.append(finding)
    return out


def _check(text: str, at: int, dates: list[Fact]) -> Finding | None:
    end = _END.search(text, at)
    stop = end.start() if end else len(text)
    before = [m.end() for m in _END.finditer(text, max(0, at - 600), max(0, at - 2))]  # not the one ending it
    begin = before[-1] if before else max(0, at - 600)
    effects = [d for d in dates if begin <= d["start"] and d["end"] <= at]
    causes = [d for d in dates if at <= d["start"] and d["end"] <= stop]
    if not effects or not causes:
        return None
    effect = effects[-1]
    _, effect_last = bounds(effect["date"], effect["date_end"])
    late = [c for c in causes if bounds(c["date"])[0] > effect_last]
    if len(late) != len(causes):
        return None  # a cause dated in time is among them: the order may hold
    cause = late[0]
    return Finding(
        "cause_after_effect",
        f"a cause dated {cause['date']} is said to explain what happened in {effect['date']}",
        f"the sentence gives as the reason for what the sentence before it dates to {effect['date']} an event "
        f"of {cause['date']}, which begins after it: a cause cannot follow its effect (or the effect's date is "
        f"wrong)",
        [Source.of(cause), Source.of(effect)],
        None,
        {"effect_date": effect["date"], "cause_date": cause["date"]},
        flagged=[Source.of(cause)],
        stated=f"a cause of {cause['date']}",
        sides=[
            Side(STATED, f"the cause happened in {cause['date']}", [Source.of(cause)]),
            Side(EXPECTED, f"a cause on or before {effect['date']}, when the effect is dated", [Source.of(effect)]),
        ],
        confidence=0.6,
    )

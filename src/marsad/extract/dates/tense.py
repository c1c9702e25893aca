"""Past or future? The tense of the clause a date stands in decides which "Thursday", "in June" or "the third
quarter" it is: "will meet on November 18" looks forward from the document's date, "was killed in June"
back. Read from the words of the clause around the date (no parser ships Arabic offline).
"""

from __future__ import annotations

import re

_BOUNDARY = re.compile(r"[.;!?؟؛\n]|,\s+(?:but|while|and|although|whereas)\s|،\s*(?:لكن|بينما)")
_FUTURE_EN = re.compile(
    r"(?<![a-z])(?:will|won['’]t|['’]ll|shall|is\s+to|are\s+to|is\s+due|are\s+due|due\s+to\s+(?:be|begin|start|arrive|open|"
    r"take|meet|hold|vote|launch)|scheduled|slated|set\s+to|expected\s+to|plans?\s+to|planning\s+to|planned\s+for|"
    r"intends?\s+to|going\s+to|aims?\s+to|hopes?\s+to|upcoming|forthcoming|is\s+to\s+be|would\s+be\s+held)(?![a-z])"
)
_PAST_EN = re.compile(
    r"(?<![a-z])(?:was|were|had|did|has\s+been|have\s+been|ago|last|yesterday|earlier|previously|former|"
    r"went|came|took|made|gave|began|spoke|wrote|met|held|left|found|saw|won|lost|struck|fought|fled|rose|fell|sent|"
    r"brought|led|ran|stood|became|knew|thought|got|paid|sold|bought|built|caught|chose|drove|flew|grew|hit|kept|"
    r"meant|sat|shot|spent|stole|swore|taught|threw|broke|hung|[a-z]{3,}ed)(?![a-z])"
)
# -ed words that are not a past tense here (adjectives, numbers) or that look forward
_NOT_PAST = frozenset(
    """scheduled expected planned slated intended based related red need united hundred indeed armed alleged called
    detailed limited advanced concerned interested supposed used proposed anticipated feed speed seed bed shed
    embed breed weed deed exceed proceed succeed guaranteed
    announced reported added stated noted claimed confirmed warned explained revealed""".split()
)  # a reporting verb's tense is the report's, not that of what it reports ("said it would ship in April")
# «سوف», «سيعقد», «ستبدأ»; «من المقرر» (it is scheduled), «من المتوقع» (it is expected), «يعتزم» (intends)
_FUTURE_AR = re.compile(
    r"(?<![\u0621-\u064a])(?:سوف|من\s+المقرر|من\s+المتوقع|المقرر|يعتزم|تعتزم|ينوي|تنوي|المزمع|"
    r"س[يتن](?:تم|كون|عقد|بدا|صل|زور|نطلق|جري|علن|قام|صدر|شارك|لتقي|توجه|ستانف|عود|نظم|طلق|نفذ|بحث|ناقش|جتمع|عقدون|"
    r"صوت|دخل|غادر|تولي|حضر|لقي)[\u0621-\u064a]*)(?![\u0621-\u064a])"
)


_PASSIVE = re.compile(r"(?<![a-z])(?:be|being|to|will|would|can|could|may|might|must|should)\s+$")


def clause(text: str, start: int, end: int, reach: int = 160) -> tuple[int, int]:
    """The clause around [start, end): from the previous sentence or clause boundary to the next."""
    left = max(0, start - reach)
    for m in _BOUNDARY.finditer(text, left, start):
        left = m.end()
    right_match = _BOUNDARY.search(text, end, min(len(text), end + reach))
    right = right_match.start() if right_match else min(len(text), end + reach)
    return left, right


def tense(folded: str, start: int, end: int) -> str | None:
    """ "future", "past" or None (no cue) for the clause of the date at [start, end) of folded text: the cue
    nearest the date wins ("said on Tuesday that it will ..." dates Tuesday by "said")."""
    left, right = clause(folded, start, end)
    best: tuple[int, str] | None = None
    for rx, label in ((_FUTURE_EN, "future"), (_FUTURE_AR, "future"), (_PAST_EN, "past")):
        for m in rx.finditer(folded, left, right):
            if label == "past" and (
                m.group(0) in _NOT_PAST or _PASSIVE.search(folded, max(0, m.start() - 8), m.start())
            ):
                continue  # "will be held": a participle after "be" is not a past tense
            if m.start() < end and m.end() > start:
                continue  # a word of the date itself ("last" in "last June")
            distance = start - m.end() if m.end() <= start else m.start() - end
            if best is None or distance < best[0]:
                best = (distance, label)
    return best[1] if best else None

"""Our own synthetic analytic notes on the public facts of the scenario (issue 5), as files to ingest.

CORRECT notes raise no finding; each SEEDED note carries one error of one kind. Facts: al-Naba is weekly
on Thursdays, issue 413 = Thursday 19 October 2023 (so 412 = 12 October 2023); the spokesman's first
statement on the Gaza war came on 4 January 2024, 89 days after 7 October 2023; a campaign ran in early
January 2024. Issue index cards are JSON Lines records with "series" and "issue" fields.
"""

from __future__ import annotations

import json
from pathlib import Path

CORRECT = {
    "n1-cadence.md": (
        "# Cadence note\n\nAnalyst note, 21 October 2023.\n\nAl-Naba issue 413 appeared on Thursday 19 October 2023, "
        "and issue 412 on 12 October 2023, one week earlier. Issue 169 is dated 14 February 2019.\n"
    ),
    "n2-statement.md": (
        "# Statement note\n\nAnalyst note, 6 January 2024.\n\nOn 4 January 2024 the spokesman Abu Hudhayfa al-Ansari "
        "released an audio statement, the group's first on the Gaza war. It came 89 days after 7 October 2023.\n"
    ),
    "n3-hijri.md": (
        "# ملاحظة\n\nبثت مؤسسة الفرقان يوم الخميس ٢٢ جمادى الآخرة ١٤٤٥ هـ الموافق ٤ يناير ٢٠٢٤ م كلمة صوتية "
        "للمتحدث أبي حذيفة الأنصاري عن غزة.\n"
    ),
    "n4-earlier.md": (
        "# Earlier statement\n\nAnalyst note.\n\nOn 3 August 2023 Abu Hudhayfa al-Ansari announced the new "
        "leader; the recording did not name any place.\n"
    ),
}

SEEDED = {
    "s1-year.md": (  # series cadence: a year error
        "# Channel post, as collected\n\nA channel post dates al-Naba issue 412 to 12 October 2024.\n",
        "series_cadence",
    ),
    "s2-weekday.md": (  # weekday
        "# Weekday slip\n\nAl-Naba issue 413 was released on Friday 19 October 2023.\n",
        "weekday_mismatch",
    ),
    "s3-hijri.md": (  # a Hijri/Gregorian pair off by a month
        "# ملاحظة ثانية\n\nنشرت الكلمة يوم ٢٢ رجب ١٤٤٥ هـ الموافق ٤ يناير ٢٠٢٤ م.\n",
        "hijri_gregorian_disagree",
    ),
    "s4-arithmetic.md": (  # stated arithmetic
        "# Arithmetic slip\n\nThe spokesman spoke on 4 January 2024, 95 days after 7 October 2023.\n",
        "stated_interval_wrong",
    ),
}

INDEX_CARDS = [
    {"id": "c411", "series": "al-Naba", "issue": 411, "published": "2023-10-05", "language": "en",
     "title": "al-Naba 411: index card",
     "text": "Index card. Sections: editorial on finances; operations tally for Iraq and Syria."},
    {"id": "c412", "series": "al-Naba", "issue": 412, "published": "2023-10-12", "language": "en",
     "title": "al-Naba 412: index card",
     "text": "Index card. Sections: editorial on prisoners; operations tally for Iraq, Syria and Mozambique."},
    {"id": "c413", "series": "النبأ", "issue": 413, "published": "2023-10-19", "language": "ar",
     "title": "النبأ ٤١٣", "text": "بطاقة فهرسة. الأقسام: افتتاحية، وحصيلة العمليات في العراق وسوريا."},
    {"id": "c416", "series": "al-Naba", "issue": 416, "published": "2023-11-09", "language": "ar",
     "title": "النبأ ٤١٦", "text": "بطاقة فهرسة. الأقسام: افتتاحية عن الحرب في غزة، وحصيلة العمليات في العراق."},
]  # fmt: skip


def write(folder: Path, seeded: bool = False, cards: bool = True) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in CORRECT.items():
        (folder / name).write_text(text, encoding="utf-8")
    if seeded:
        for name, (text, _) in SEEDED.items():
            (folder / name).write_text(text, encoding="utf-8")
    if cards:
        lines = "\n".join(json.dumps(c, ensure_ascii=False) for c in INDEX_CARDS)
        (folder / "cards.jsonl").write_text(lines + "\n", encoding="utf-8")
    return folder

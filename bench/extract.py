"""Full extraction throughput and memory, with the shipped watchlist and with the UN list imported.

usage: python bench/extract.py [--mb 5] [--un ../shared/data/un-consolidated-list-2024-09-26.xml]

Each configuration runs in its own fresh process (spawn) on the same generated EN/AR corpus (bench/corpus.py),
one core, so its peak RSS is its own. The last row uses the shipped watchlist, the whole UN list and
generated names (kunya + father + nisba, Latin and Arabic) up to 5,200 aliases, the issue's scale.
Baseline in the same run: folding every text (the least any extractor does), and each extractor alone,
so a slow one shows.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import resource
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

HERE = Path(__file__).resolve().parent
DEFAULT_UN = HERE.parents[1] / "shared" / "data" / "un-consolidated-list-2024-09-26.xml"


def _corpus(mb: float) -> list[tuple[str, str]]:
    from bench.corpus import iter_texts

    out, size = [], 0
    for _, lang, text in iter_texts(10**9):
        out.append((lang, text))
        size += len(text.encode("utf-8"))
        if size >= mb * 1e6:
            return out
    return out


_GIVEN = [
    ("Umar", "عمر"),
    ("Hamza", "حمزة"),
    ("Bakr", "بكر"),
    ("Yahya", "يحيى"),
    ("Musab", "مصعب"),
    ("Ubayda", "عبيدة"),
    ("Khalid", "خالد"),
    ("Anas", "أنس"),
    ("Sulayman", "سليمان"),
    ("Ayyub", "أيوب"),
]
_NISBA = [
    ("Iraqi", "العراقي"),
    ("Shami", "الشامي"),
    ("Masri", "المصري"),
    ("Libi", "الليبي"),
    ("Tunisi", "التونسي"),
    ("Maghribi", "المغربي"),
    ("Yamani", "اليمني"),
    ("Sudani", "السوداني"),
    ("Kurdi", "الكردي"),
    ("Jazrawi", "الجزراوي"),
    ("Halabi", "الحلبي"),
    ("Homsi", "الحمصي"),
    ("Mosuli", "الموصلي"),
    ("Anbari", "الأنباري"),
    ("Hasawi", "الحساوي"),
]
_FATHER = [("Muhammad", "محمد"), ("Ahmad", "أحمد"), ("Ibrahim", "إبراهيم"), ("Ali", "علي"), ("Hasan", "حسن"),
           ("Yusuf", "يوسف"), ("Salih", "صالح"), ("Mahmud", "محمود")]  # fmt: skip


def _padding(n: int) -> list[Any]:
    """n generated watchlist aliases (kunya + father + nisba, Latin and Arabic) to reach the issue's scale."""
    from marsad.model import Alias, Entity, EntityType

    out: list[Any] = []
    for (g, ga), (f, fa), (s, sa) in ((a, b, c) for a in _GIVEN for b in _FATHER for c in _NISBA):
        if len(out) * 2 >= n:
            break
        latin, arabic = f"Abu {g} {f} al-{s}", f"أبو {ga} {fa} {sa}"
        out.append(Entity(EntityType.PERSON, latin, (Alias(latin), Alias(arabic, "arabic"))))
    return out


def _run(config: str, mb: float, un: str | None, queue: Any) -> None:
    from marsad.extract.registry import extractors_for
    from marsad.kb import load_watchlist
    from marsad.kb.un import parse_un_list
    from marsad.model import Document, PartialDate
    from marsad.text.fold import fold

    texts = _corpus(mb)
    aliases = 0
    t0 = time.perf_counter()
    entities = []
    if un:
        imported = parse_un_list(un)
        watchlist = load_watchlist(entities=imported)
        missing = 5200 - sum(len(e.aliases) for e in watchlist.entities)
        entities = [*imported, *_padding(missing)]
    watchlist = load_watchlist(entities=entities)
    aliases = sum(len(e.aliases) for e in watchlist.entities)
    chosen = extractors_for(entities)  # builds the watchlist's automaton before the clock starts
    extractors = [e for e in chosen if config in ("all", "all+un") or config == e.NAME]
    if extractors:
        chosen[1].extract(Document("0" * 64, "warm-up", "text/plain", "Hamas", 5))  # the shipped index, built lazily
    setup = time.perf_counter() - t0
    docs = [
        Document(f"{i:064x}", "bench", "text/plain", t, len(t), published=PartialDate("2023-10-19"),
                 declared_language=lang)
        for i, (lang, t) in enumerate(texts)
    ]  # fmt: skip
    facts = 0
    t0 = time.perf_counter()
    if config == "fold":
        for d in docs:
            facts += len(fold(d.text)) > 0
    else:
        for d in docs:
            for ex in extractors:
                facts += len(ex.extract(d))
    seconds = time.perf_counter() - t0
    size = sum(len(t.encode("utf-8")) for _, t in texts)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    queue.put((config, len(docs), size, seconds, facts, rss, setup, aliases))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.0)
    parser.add_argument("--un", default=str(DEFAULT_UN) if DEFAULT_UN.is_file() else None)
    args = parser.parse_args()
    configs = ["fold", "dates", "actors", "names", "series", "campaigns", "statements", "all"]
    if args.un:
        configs.append("all+un")
    ctx = mp.get_context("spawn")
    print(f"marsad extraction benchmark — {args.mb} MB of generated EN/AR notes, one process per row, one core")
    head = ("configuration", "aliases", "docs", "MB/s", "docs/s", "facts", "setup s", "peak RSS")
    print(f"{head[0]:22} " + " ".join(f"{h:>7}" for h in head[1:]))
    base = None
    for config in configs:
        queue = ctx.Queue()
        p = ctx.Process(target=_run, args=(config, args.mb, args.un if config == "all+un" else None, queue))
        p.start()
        name, docs, size, seconds, facts, rss, setup, aliases = queue.get()
        p.join()
        mbs = size / 1e6 / seconds
        base = base or mbs
        label = {"fold": "fold only (baseline)", "all": "all, shipped list", "all+un": "all, +UN +generated"}.get(
            name, f"{name} alone"
        )
        print(
            f"{label:22} {aliases:>7} {docs:>7} {mbs:>7.2f} {docs / seconds:>7.0f} {facts:>7} {setup:>7.2f} "
            f"{rss:>5.0f}MB"
        )
    print("target (issue 4): full extraction >= 1 MB/s per core")


if __name__ == "__main__":
    main()

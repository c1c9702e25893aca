"""FactFilter.admits is the store's fact query in Python (for a fact as the analyst corrected it, which the query saw
uncorrected): on a whole archive, for filters of every field, it admits exactly the facts the query selects."""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import marsad as marsad_package
from marsad.store import Store, open_store
from marsad.store.base import FactFilter
from tests.analyze import scenario
from tests.conftest import Marsad


def _filters(store: Store) -> list[FactFilter]:
    facts = list(store.iter_facts())

    def common(key: str) -> list[Any]:
        fields: list[Mapping[str, Any]] = list(facts)
        return [v for v, _ in Counter(f[key] for f in fields if f[key] is not None).most_common(3)]

    kinds = sorted({f["kind"] for f in facts})
    topics = Counter(t["id"] for f in facts for t in (f["detail"].get("topics") or []) if isinstance(t, dict))
    abouts = [t for t, _ in topics.most_common(2)] + [common("entity_id")[0]]
    dates = common("date")
    out = [FactFilter(tuple(kinds), dated=False), FactFilter(tuple(kinds), dated=False, unasserted=True)]
    for kind in kinds:
        out += [FactFilter((kind,)), FactFilter((kind,), dated=False, min_confidence=0.6)]
    for subjects, predicates in itertools.product([None, common("entity_id")[:2], []], [None, common("predicate")]):
        out.append(FactFilter(("statement", "event"), subjects=subjects, predicates=predicates))
    for lo, hi in [("2023-10", "2023-10"), ("2024", None), (None, "2023-12-31"), ("2014-06-29", "2024-01-04")]:
        out += [
            FactFilter(tuple(kinds), date_from=lo, date_to=hi),
            FactFilter(("date",), date_from=lo, unasserted=True),
        ]
    out += [FactFilter(tuple(kinds), on=d) for d in dates]
    out += [FactFilter(tuple(kinds), on=f["date"]) for f in facts if f["date_end"]][:5]  # a range is not on its day
    out += [FactFilter(("statement", "event", "publication_issue"), about=a, dated=False) for a in abouts]
    out += [FactFilter(("publication_issue",), values=["413", "412"], dated=False), FactFilter(tuple(kinds), values=[])]
    out += [FactFilter(tuple(kinds), not_extractor="dates", dated=False)]
    return out


# our own note: what is denied, rumoured or habitual (read only with `unasserted`), and dates that are ranges
NOTE = (
    "On 6 March 2024 Hamas denied that it had attacked the town.\n\n"
    "Al-Shabaab may have attacked the convoy on 2 February 2024, a claim no one confirmed.\n\n"
    "Every week the Islamic State releases its newsletter al-Naba.\n\n"
    "Between 3 and 5 January 2024 the Islamic State released three statements about Gaza.\n"
)


def test_admits_what_the_query_selects(marsad: Marsad, tmp_path: Path) -> None:
    collection = Path(marsad_package.__file__).parent / "sample" / "collection"
    notes = scenario.write(tmp_path / "notes", seeded=True)
    (notes / "unasserted.md").write_text(f"# Note\n\n{NOTE}", encoding="utf-8")
    assert marsad("ingest", str(collection), str(notes)).exit_code == 0
    store = open_store(marsad.where)
    try:
        every = list(store.iter_facts())
        assert len(every) > 150
        filters = _filters(store)
        selected_any = 0
        for where in filters:
            selected = sorted(f["id"] for f in store.select_facts(where))
            admitted = sorted(f["id"] for f in every if where.admits(f))
            assert admitted == selected, where
            selected_any += 0 < len(selected) < len(every)
        assert selected_any > 0.7 * len(filters)  # the filters do select: most keep some facts and drop others
        assert any(f["modality"] not in (None, "asserted", "reported") for f in every)
        assert any(f["date_end"] for f in every)
    finally:
        store.close()

from __future__ import annotations

import pytest

from marsad.analyze.dating import bounds
from marsad.errors import QueryError
from marsad.model import Document, PartialDate, Span, Statement
from marsad.store import FactFilter, SQLiteStore
from marsad.store.query import parse_query


@pytest.mark.parametrize(
    ("text", "fts"),
    [
        ("Hamas Gaza", '"hamas" AND "gaza"'),
        ('"wherever you find" Naba', '"wherever you find" AND "naba"'),
        ("camp*", '"camp"*'),
        ("Gaza OR غزة", '("gaza" OR "غزه")'),
        ("Naba -Hamas", '"naba" NOT "hamas"'),
        ("أبو حذيفة", '("ابو" OR "ابي" OR "ابا") AND "حذيفه"'),
        ('"أبي حذيفة"', '("ابو حذيفه" OR "ابي حذيفه" OR "ابا حذيفه")'),
        ('"حذيفة أبو"', '"حذيفه ابو"'),  # a kunya ends no name: only its leading form varies
        ("issue.416", '"issue 416"'),
        ('NEAR("a") ) OR', '"near a"'),  # FTS5 syntax in user input is only words
    ],
)
def test_queries_become_safe_fts5(text: str, fts: str) -> None:
    assert parse_query(text).fts() == fts


@pytest.mark.parametrize("text", ["", "   ", "!!!", "-Hamas", '""'])
def test_empty_queries_are_refused(text: str) -> None:
    with pytest.raises(QueryError):
        parse_query(text)


_DATES = [("2013", None), ("2016", None), ("2016-03", None), ("2016-03-05", None), ("2017-01-02", None),
          ("2014", "2017"), ("2010-05", "2016-02"), ("2015-11-30", "2016-03-01"), ("2012", "2013"),
          ("2018", None)]  # fmt: skip


@pytest.mark.parametrize(("date_from", "date_to"), [("2016-03", None), ("2016", "2016"), ("2016-03-05", "2016-12"),
                                                    ("2017", None), ("2011", "2012")])  # fmt: skip
def test_a_date_range_keeps_every_fact_whose_own_range_overlaps_it(
    store: SQLiteStore, date_from: str, date_to: str | None
) -> None:
    """Ranges begun years before the asked start (2010-05..2016-02) are kept by the date filter's lower bound."""
    text = " ".join(f"e{i}" for i in range(len(_DATES)))
    with store.transaction():
        store.add_document(Document("a" * 64, "n.txt", "text/plain", text, len(text)), b"x")
    facts = [
        Statement("event", "occurred", (Span("a" * 64, 3 * i, 3 * i + 2),), "test", "1", subject="x",
                  date=PartialDate(value, end=end))
        for i, (value, end) in enumerate(_DATES)
    ]  # fmt: skip
    store.replace_facts("a" * 64, (("test", "1"),), store.fact_rows_of(facts, text))
    lo, hi = bounds(date_from)[0], bounds(date_to)[1] if date_to else None
    expected = {(v, e) for v, e in _DATES if bounds(v, e)[1] >= lo and (hi is None or bounds(v, e)[0] <= hi)}
    got = {(f["date"], f["date_end"]) for f in store.select_facts(FactFilter(("event",), None, date_from, date_to))}
    assert got == expected and expected

from __future__ import annotations

import pytest

from marsad.errors import QueryError
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

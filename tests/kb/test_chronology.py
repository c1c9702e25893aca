"""The reference chronology: shipped facts with their sources, the watchlist's roles, and bad files named."""

from __future__ import annotations

import pytest

from marsad.errors import ConfigError
from marsad.kb import load_watchlist
from marsad.kb.chronology import load_chronology, parse_chronology, role_references, shipped_references


def test_every_shipped_fact_has_a_source_and_a_known_subject() -> None:
    watchlist = load_watchlist()
    refs = shipped_references()
    assert len(refs) >= 15
    for r in refs:
        # from the shared reference data, or a public record that names its article
        assert r.source and (r.via.startswith("shared/data/") or r.source.startswith("https://")), r
        watchlist.by_name(r.subject)  # raises KeyError for a subject the watchlist does not know
    assert len(load_chronology(watchlist).references) >= len(refs)


def test_the_watchlist_roles_are_references_too() -> None:
    watchlist = load_watchlist()
    chronology = load_chronology(watchlist)
    batarfi = watchlist.by_name("Khalid Batarfi")
    (started,) = chronology.about(batarfi.id, "took_office")
    assert started.dates == ("2020-02",) and started.via == "watchlist role"
    assert chronology.about(batarfi.id, "died") == []  # a role's end is no death
    assert all(r.event == "took_office" for r in role_references(watchlist))


def test_a_death_carries_every_recorded_date() -> None:
    watchlist = load_watchlist()
    baghdadi = watchlist.by_name("Abu Bakr al-Baghdadi")
    (died,) = load_chronology(watchlist).about(baghdadi.id, "died")
    assert set(died.dates) == {"2019-10-27", "2019-10-26"} and "kyleorton" in died.source


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("facts: [{subject: X, event: born, dates: ['2020'], source: s}]", "is not one of"),
        ("facts: [{subject: X, event: died, dates: ['2020-13-40'], source: s}]", "not an ISO date"),
        ("facts: [{subject: X, event: died}]", "needs a subject"),
        ("- just a list", "a 'facts' list"),
    ],
)
def test_a_bad_chronology_is_named(text: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        parse_chronology(text, "mine.yaml")

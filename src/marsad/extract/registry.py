"""The extractors, as an explicit list with lookup by name."""

from __future__ import annotations

from marsad.errors import ConfigError
from marsad.extract.actors import ActorExtractor
from marsad.extract.base import Extractor
from marsad.extract.campaigns import CampaignExtractor
from marsad.extract.dates import DateExtractor
from marsad.extract.names import NameExtractor
from marsad.extract.series import SeriesExtractor
from marsad.extract.statements import StatementExtractor
from marsad.model import Document, Statement

EXTRACTORS: tuple[Extractor, ...] = (
    DateExtractor(),
    ActorExtractor(),
    NameExtractor(),
    SeriesExtractor(),
    CampaignExtractor(),
    StatementExtractor(),
)


def extractor_by_name(name: str) -> Extractor:
    for ex in EXTRACTORS:
        if name == ex.NAME:
            return ex
    raise ConfigError(f"unknown extractor {name!r}; known: {', '.join(e.NAME for e in EXTRACTORS)}")


def run_extractors(doc: Document) -> list[Statement]:
    out: list[Statement] = []
    for ex in EXTRACTORS:
        out.extend(ex.extract(doc))
    return out

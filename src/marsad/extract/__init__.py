"""Document -> Statements, one extractor per concern; each has a NAME and a VERSION."""

from marsad.extract.base import Extractor
from marsad.extract.registry import EXTRACTORS, extractor_by_name, iter_extracted, run_extractors, warm_up

__all__ = ["EXTRACTORS", "Extractor", "extractor_by_name", "iter_extracted", "run_extractors", "warm_up"]

"""Dates in English and Arabic, Gregorian and Hijri, absolute and relative -> `date` facts."""

from marsad.extract.dates.extractor import DateExtractor

__all__ = ["DateExtractor"]

"""A time budget for one document's extraction: past it, the extraction stops with OverBudget.

Written here: an interval timer (SIGALRM) raises in the thread that extracts, between two Python steps; no library
bounds a pure-Python computation in the same process. It runs only in a process's main thread (ingest workers and
the command line are); elsewhere the extraction is not bounded. A regular expression running in C is not stopped
midway: the budget is a bound to within one such step.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

SCALE_CHARS = 50_000_000  # a document longer than this gets its budget again for each as many characters


def budget_for(chars: int, seconds: float) -> float:
    """The budget of a document of `chars` characters, `seconds` being MARSAD_EXTRACT_SECONDS (0: none): that much
    up to SCALE_CHARS, in proportion beyond. Extraction is linear in a document's length (~2.4 s a million
    characters on one core here), so a 300 MB text is given time for its length and is not archived without facts
    for being long; the budget still stops one that reads far slower than its size says (a pathological page)."""
    return 0.0 if seconds <= 0 else seconds * max(1.0, chars / SCALE_CHARS)


class OverBudget(Exception):
    """The extraction of a document took longer than its budget."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"over budget: extraction took longer than {seconds:g} s")
        self.seconds = seconds


@contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Raise OverBudget in the body once `seconds` have passed (0 or less: no limit)."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def _over(signum: int, frame: FrameType | None) -> None:
        raise OverBudget(seconds)

    previous = signal.signal(signal.SIGALRM, _over)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)

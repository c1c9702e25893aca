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

"""The worker processes ingest and extract share: forked from the writing process (they inherit its watchlist),
killed with it, and a long document's parts read by them a few at a time, in order."""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from typing import Any

from marsad.extract.registry import FanOut, Part


def pool(workers: int, initializer: Callable[..., None], initargs: tuple[Any, ...] = ()) -> ProcessPoolExecutor:
    """`workers` processes forked from this one; `initializer` runs first in each (see worker_init)."""
    context = multiprocessing.get_context("fork")
    return ProcessPoolExecutor(workers, mp_context=context, initializer=initializer, initargs=initargs)


def worker_init(parent: int) -> None:
    """What every worker does first: leave Ctrl-C to the writing process, and die with it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle
    die_with(parent)


def fan_out_to(executor: Executor, workers: int) -> FanOut:
    """A long document's parts read in the pool, `workers` + 1 at most at once (memory: a few parts), in order."""

    def run(fn: Callable[..., Any], parts: Iterable[Part]) -> Iterator[Any]:
        window: deque[Future[Any]] = deque()
        try:
            for part in parts:
                window.append(executor.submit(fn, *part))
                if len(window) > workers:
                    yield window.popleft().result()
            while window:
                yield window.popleft().result()
        finally:
            for pending in window:  # over budget, or the writer failed: the rest is not read
                pending.cancel()

    return run


def die_with(parent: int) -> None:
    """A forked worker holds its own end of the task pipe, so it would wait forever if the writer were
    killed (kill -9): ask Linux to kill it with its parent, and check the parent did not die meanwhile."""
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    if os.getppid() != parent:
        os._exit(1)

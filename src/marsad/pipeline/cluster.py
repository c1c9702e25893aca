"""Extraction on a Dask distributed cluster (`marsad extract --scheduler tcp://HOST:PORT`): the same pure tasks
the worker processes run (a batch of short documents, a part of a long one), sent to the cluster's workers; their
fact rows come back to the one writer here. The archive and its originals stay where they are: a task carries its
documents' texts only, and its extractors as their set's entities (the archive's own watchlist entries) and names,
from which a worker builds that set once (extract.base.Member).

Each Dask worker process extracts one task at a time, whatever its threads: a set's extractors keep what they
last read, which two threads must not share. A task there has no time budget (marsad.extract.budget bounds the
main thread of a process only; a Dask worker runs tasks in its threads)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future
from contextlib import contextmanager
from typing import Any

from marsad.errors import ConfigError

_ONE_AT_A_TIME = threading.Lock()  # a worker's threads extract in turn: a set's extractors are per process


class ClusterExecutor(Executor):
    """Submits to a Dask client, each call run on a worker one at a time."""

    def __init__(self, client: Any) -> None:
        self._client = client

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        """`fn(*args)` on the cluster, as a concurrent.futures Future (cancelling it cancels the task)."""
        future: Future[Any] = Future()
        task = self._client.submit(_in_turn, fn, *args, pure=False, **kwargs)

        def done(t: Any) -> None:
            if not future.set_running_or_notify_cancel():
                return  # cancelled here meanwhile
            try:
                future.set_result(t.result())
            except BaseException as exc:  # the task's own failure (or the cluster's), raised where it is awaited
                future.set_exception(exc)

        future.add_done_callback(lambda f: task.cancel() if f.cancelled() else None)
        task.add_done_callback(done)
        return future


def _in_turn(fn: Callable[..., Any], *args: Any) -> Any:
    """Run on a Dask worker: `fn`, once no other thread of this process runs one."""
    with _ONE_AT_A_TIME:
        return fn(*args)


@contextmanager
def cluster(address: str) -> Iterator[tuple[ClusterExecutor, int]]:
    """An executor on the Dask scheduler at `address` and how many worker threads it has."""
    try:
        from distributed import Client
    except ImportError:
        raise ConfigError(
            "--scheduler needs Dask's distributed scheduler: pip install 'marsad[dask]' (here and on the workers)"
        ) from None
    try:
        client: Any = Client(address, timeout="10s", set_as_default=False)  # type: ignore[no-untyped-call]
    except OSError as exc:
        raise ConfigError(f"no Dask scheduler answers at {address} ({exc})") from None
    try:
        workers = sum(int(w.get("nthreads", 1)) for w in client.scheduler_info()["workers"].values())
        if workers == 0:
            raise ConfigError(f"the Dask scheduler at {address} has no workers: start some (dask worker {address})")
        yield ClusterExecutor(client), workers
    finally:
        client.close()

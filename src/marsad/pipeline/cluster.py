"""Extraction on a Dask distributed cluster (`marsad extract --scheduler tcp://HOST:PORT`): the same pure tasks
the worker processes run (a batch of short documents, a part of a long one), sent to the cluster's workers with
the archive's watchlist; their fact rows come back to the one writer here. The archive and its originals stay
where they are: a task carries its documents' texts only.

Each Dask worker process holds the watchlist once (sent to every worker when the run starts, built into its
index at its first task) and extracts one task at a time, whatever its threads: the extractors keep per-process
caches that two threads must not share. A task there has no time budget (marsad.extract.budget bounds the main
thread of a process only; a Dask worker runs tasks in its threads)."""

from __future__ import annotations

import hashlib
import pickle
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor, Future
from contextlib import contextmanager
from typing import Any

from marsad.errors import ConfigError
from marsad.model import Entity

_ONE_AT_A_TIME = threading.Lock()  # a worker's threads extract in turn: the extractors' caches are per process
_HELD: list[str] = []  # the watchlist this worker process is configured with (its key)


class ClusterExecutor(Executor):
    """Submits to a Dask client, each call run on a worker configured with the archive's watchlist first."""

    def __init__(self, client: Any, watchlist: Any, key: str) -> None:
        self._client, self._watchlist, self._key = client, watchlist, key

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        """`fn(*args)` on the cluster, as a concurrent.futures Future (cancelling it cancels the task)."""
        future: Future[Any] = Future()
        task = self._client.submit(_configured_call, self._key, self._watchlist, fn, *args, pure=False, **kwargs)

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


def _configured_call(key: str, entities: Sequence[Entity], fn: Callable[..., Any], *args: Any) -> Any:
    """Run on a Dask worker: configure the extractors with the archive's watchlist unless they are, then `fn`."""
    from marsad.extract.actors import configure
    from marsad.kb import load_watchlist

    with _ONE_AT_A_TIME:
        if [key] != _HELD:
            configure(load_watchlist(entities=list(entities)) if entities else None)
            _HELD[:] = [key]
        return fn(*args)


@contextmanager
def cluster(address: str, entities: Sequence[Entity]) -> Iterator[tuple[ClusterExecutor, int]]:
    """An executor on the Dask scheduler at `address` and how many worker threads it has; the archive's imported
    entities (`store.kb_entities()`) sent to every worker once."""
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
        key = hashlib.sha256(pickle.dumps(list(entities))).hexdigest()
        [shipped] = client.scatter([tuple(entities)], broadcast=True, hash=False)  # one object: the whole list
        yield ClusterExecutor(client, shipped, key), workers
    finally:
        client.close()

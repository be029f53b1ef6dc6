"""Building over a Dask cluster (``kgbuild build --executor dask [--scheduler tcp://HOST:PORT]``).

The client (the process running the build) reads the articles, skips those
the store already holds, and submits chunks of articles as tasks. Each Dask
worker loads the model once (a worker plugin, on its first chunk), builds
its chunks with :func:`kgbuild.pipeline.build_chunk` and sends back their
graphs as N-Quads; the client writes each into the store in one batch as it
arrives. A few chunks per worker thread are in flight at a time, so the
client's memory stays flat. The graph is the same as a local build's.

Without a scheduler address, a local cluster of ``workers`` processes (one
thread each, bound to 127.0.0.1) is started and stopped with the build. Its
worker processes are started with SIGINT ignored (they keep that through
``exec``), so that Ctrl-C at the terminal, which reaches the whole process
group, interrupts only the build: the build finishes writing its batch and
closes the cluster, and no worker prints a traceback. Dask's own log lines
below ERROR (a worker closed while busy, a slow event loop) are not shown.
Workers of a remote cluster need kgbuild and the model installed; give them
one thread each (``dask worker --nthreads 1``): parsing holds Python's lock
most of the time, so threads of one worker do not parse in parallel.

Dask is an optional dependency (``pip install 'kgbuild[dask]'``); this
module imports it, so import this module only when the dask executor is used.
"""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from itertools import islice

from distributed import Client, LocalCluster, WorkerPlugin, as_completed, get_worker
from spacy.language import Language

from .pipeline import BuildOptionError, Chunk, ChunkResult, ChunkTools, build_chunk
from .workers import Runner, WorkerSetup

__all__ = ["PLUGIN_NAME", "ChunkToolsPlugin", "build_chunk_on_worker", "dask_executor"]

#: The name the worker plugin is registered under.
PLUGIN_NAME = "kgbuild-chunk-tools"
# Chunks in flight per worker thread.
_IN_FLIGHT_PER_THREAD = 2


class ChunkToolsPlugin(WorkerPlugin):
    """A Dask worker plugin holding the worker's chunk tools, loaded by its first chunk.

    Loading on first use rather than in ``setup`` keeps the worker's event
    loop free while the model loads, and sends a missing model back to the
    client as that chunk's error.
    """

    def __init__(self, setup: WorkerSetup) -> None:
        self.setup_ = setup
        self._tools: ChunkTools | None = None
        self._lock = threading.Lock()

    def __getstate__(self) -> dict:
        return {"setup_": self.setup_}

    def __setstate__(self, state: dict) -> None:
        self.__init__(state["setup_"])

    def teardown(self, worker) -> None:
        del worker
        self._tools = None

    def tools(self) -> ChunkTools:
        with self._lock:
            if self._tools is None:
                self._tools = self.setup_.load()
            return self._tools


def build_chunk_on_worker(chunk: Chunk) -> ChunkResult:
    """The task run on a Dask worker: build one chunk with the worker's tools."""
    plugin = get_worker().plugins[PLUGIN_NAME]
    return build_chunk(chunk, plugin.tools())


@contextmanager
def dask_executor(
    *,
    scheduler: str | None = None,
    workers: int | None = None,
    nlp: Language | None = None,
    model: str | None = None,
    validate: str = "sample",
) -> Iterator[Runner]:
    """A runner on the Dask cluster at ``scheduler``, or on a local cluster of ``workers`` processes."""
    setup = WorkerSetup(model=model, nlp=nlp, validate=validate)
    if scheduler is None:
        with _interrupts_ignored():  # by the worker processes started meanwhile
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                                   dashboard_address="127.0.0.1:0", silence_logs=logging.ERROR)
    else:
        cluster = None
    with cluster if cluster is not None else nullcontext():
        try:
            client = Client(cluster if cluster is not None else scheduler)
        except OSError as error:  # nothing answers at that address
            raise BuildOptionError(f"cannot reach the Dask scheduler at {scheduler}: {error}") from error
        with client:
            client.register_plugin(ChunkToolsPlugin(setup), name=PLUGIN_NAME)
            yield lambda chunks: _run_on_cluster(client, chunks)


@contextmanager
def _interrupts_ignored() -> Iterator[None]:
    """SIGINT ignored by this process for a moment, and so by the processes it starts meanwhile."""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may change signal handlers (and only it gets KeyboardInterrupt)
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _run_on_cluster(client: Client, chunks: Iterator[Chunk]) -> Iterator[ChunkResult]:
    threads = max(1, sum(client.nthreads().values()))
    pending = as_completed()
    for chunk in islice(chunks, _IN_FLIGHT_PER_THREAD * threads):
        pending.add(client.submit(build_chunk_on_worker, chunk, pure=False))
    for future in pending:
        result = future.result()
        future.release()
        following = next(chunks, None)
        if following is not None:
            pending.add(client.submit(build_chunk_on_worker, following, pure=False))
        yield result

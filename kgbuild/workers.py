"""Running :func:`kgbuild.pipeline.build_chunk` over chunks: in this process, or in worker processes.

:func:`local_executor` gives a function from an iterator of chunks to an
iterator of their results, in the chunks' order. With one worker it builds
in this process. With N it starts N worker processes and keeps only a few
chunks in flight, so reading the input never runs far ahead of the parsing.

Where the platform can fork (Linux), the model and the other tools are
loaded once in this process and the workers are forked from it as soon as
the pool is made, so they start at once and share the model's memory (as
spaCy's own ``n_process`` does); the caller opens the store only after that,
so no worker is a copy of a process holding it. Elsewhere the workers are
spawned and each loads the tools on its first chunk (a script that builds
with workers must then guard its entry point with ``if __name__ ==
"__main__":``).

While a runner runs, the tools it loaded are kept out of the garbage
collector's passes (:func:`frozen_objects`), in this process and in the
workers forked from it; the collector is as it was once the runner ends.
With glibc, the memory the parse frees between chunks also stays with the
process while a runner runs (:func:`steady_heap`), instead of being given
back to the system and faulted in again by the next chunk.

Workers end with the process that started them, even when it is killed
with SIGKILL and cannot shut the pool down: an idle worker waits on a pipe
that its siblings also hold open, so it would otherwise wait for ever. On
Linux each worker asks the kernel for SIGKILL when its parent ends
(``prctl(PR_SET_PDEATHSIG)``, through ctypes: immediate, and it works while
the worker is busy in C code); elsewhere a daemon thread of the worker
waits on the parent's process sentinel (:func:`multiprocessing.parent_process`,
a pipe or process handle that becomes ready when the parent ends, on every
platform) and ends the worker then.
"""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
import signal
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass

from spacy.language import Language

from .pipeline import Chunk, ChunkResult, ChunkTools, build_chunk, load_chunk_tools

__all__ = ["WorkerSetup", "end_with_parent", "frozen_objects", "local_executor", "run_chunks", "steady_heap"]

Runner = Callable[[Iterator[Chunk]], Iterator[ChunkResult]]


@dataclass(frozen=True)
class WorkerSetup:
    """How a worker loads its tools: the model by name, or a pipeline shipped to it."""

    model: str | None = None
    nlp: Language | None = None
    validate: str = "sample"

    def load(self) -> ChunkTools:
        return load_chunk_tools(nlp=self.nlp, model=self.model, validate=self.validate)


def run_chunks(chunks: Iterator[Chunk], tools: ChunkTools) -> Iterator[ChunkResult]:
    """Build the chunks one after the other in this process."""
    for chunk in chunks:
        yield build_chunk(chunk, tools)


@contextmanager
def local_executor(
    *, workers: int = 1, nlp: Language | None = None, model: str | None = None, validate: str = "sample", in_flight: int = 2
) -> Iterator[Runner]:
    """A runner on this machine: in this process for one worker, else in ``workers`` processes."""
    setup = WorkerSetup(model=model, nlp=nlp, validate=validate)
    if workers == 1:
        with steady_heap():
            tools = setup.load()
            with frozen_objects():
                yield lambda chunks: run_chunks(chunks, tools)
        return
    with ExitStack() as stack:
        stack.enter_context(steady_heap())  # before forking: the forked workers inherit the settings
        if _can_fork():
            _worker_state["tools"] = setup.load()  # the forked workers inherit it
            stack.enter_context(frozen_objects())  # before forking: the workers inherit the frozen state too
            pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"),
                                       initializer=_start_forked_worker, initargs=(os.getpid(),))
            try:
                pool.submit(os.getpid).result()  # with fork, the first task starts every worker: now, before the store opens
            finally:
                _worker_state.clear()  # the parent keeps no worker state
        else:
            pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                                       initializer=_start_worker, initargs=(setup, os.getpid()))  # once per worker
        try:
            yield lambda chunks: _run_in_pool(pool, chunks, in_flight=max(in_flight, workers))
        finally:
            # On an interrupt, queued chunks are dropped; the workers finish the chunk they hold and exit.
            pool.shutdown(wait=True, cancel_futures=True)


@contextmanager
def frozen_objects() -> Iterator[None]:
    """Keep the objects alive now (the model, the rules' resources) out of the garbage collector's passes, for the block.

    Python's cyclic collector runs after every 700 net new objects, and now
    and then it makes a full pass over every object, the loaded model's and
    resources' too (about 130,000): some 0.4 CPU s in a build of 100k words
    that finds little to collect (nearly everything a build makes is freed
    by its reference count). In the block, the objects alive at its start
    are frozen (``gc.freeze()``, which Python's documentation also advises
    before forking: a forked worker then does not write to the pages it
    shares with its parent), and the collector runs after 10,000 net new
    objects instead of 700, at most a few MB more held. Both are undone at
    the end, so a program that builds many times leaks nothing. A caller
    that froze objects itself is left to manage the collector.
    """
    if gc.get_freeze_count():
        yield
        return
    thresholds = _freeze_collector()
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()


@contextmanager
def steady_heap() -> Iterator[None]:
    """Keep the memory freed in the block for the process to use again, instead of giving it back to the system (glibc only).

    With glibc's default settings, malloc gives back to the system the
    memory freed at the top of its heap once more than a threshold is free
    there, and makes large blocks with ``mmap`` and unmaps them when freed.
    The parse of a chunk frees its large work buffers, the extraction
    between two chunks moves the heap's top, and the next chunk's parse asks
    for them again: every page is then faulted in and zeroed anew. A
    1-process build of 100k words took some 390,000 page faults (``nlp.pipe``
    alone about 60,000) and 1.4 CPU s of system time (``nlp.pipe`` 0.4). In
    the block, blocks below 32 MB (glibc's largest dynamic ``mmap``
    threshold) come from the heap, and up to 256 MB free at its top is
    kept: that build then takes some 80,000 page faults, about 0.9 CPU s
    less, and 20 MB (6%) more peak memory. At the end the trim threshold is
    what glibc's dynamic settings give with that ``mmap`` threshold (twice
    it), and the free memory the heap holds is given back
    (``malloc_trim``). Without glibc nothing changes.
    """
    libc = _glibc()
    if libc is None or not libc.mallopt(_M_MMAP_THRESHOLD, _HEAP_MMAP_THRESHOLD):
        yield
        return
    libc.mallopt(_M_TRIM_THRESHOLD, _HEAP_TRIM_THRESHOLD)
    try:
        yield
    finally:
        libc.mallopt(_M_TRIM_THRESHOLD, 2 * _HEAP_MMAP_THRESHOLD)
        libc.malloc_trim(0)


def _glibc() -> ctypes.CDLL | None:
    """The C library of this process if it is glibc (whose ``mallopt`` :func:`steady_heap` uses), else ``None``."""
    try:
        if not (os.confstr("CS_GNU_LIBC_VERSION") or "").startswith("glibc"):
            return None
        libc = ctypes.CDLL(None)
    except (ValueError, OSError):  # no such confstr name (not glibc), no C library to load
        return None
    return libc if hasattr(libc, "mallopt") and hasattr(libc, "malloc_trim") else None


def _freeze_collector() -> tuple[int, int, int]:
    """Freeze the objects alive now and make the collector's passes rarer (see :func:`frozen_objects`);
    return the thresholds it had."""
    thresholds = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(max(thresholds[0], _BUILD_GC_THRESHOLD), *thresholds[1:])
    return thresholds


def _can_fork() -> bool:
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


def _run_in_pool(pool: ProcessPoolExecutor, chunks: Iterator[Chunk], *, in_flight: int) -> Iterator[ChunkResult]:
    pending: deque[Future[ChunkResult]] = deque()
    for chunk in chunks:
        pending.append(pool.submit(_build_in_worker, chunk))
        if len(pending) >= in_flight:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


# What a worker process builds with: the tools it inherited from the parent
# (fork), or its setup, given when the pool starts it, and the tools loaded
# from that by its first chunk (spawn; so that a missing model is raised by
# that chunk's result in the parent, not lost in a broken pool). Module state
# is the way a ProcessPoolExecutor worker keeps something between tasks; the
# parent holds it only while forking the workers.
_worker_state: dict[str, object] = {}


#: The collector's first threshold (net new objects between passes) while a build runs: see frozen_objects().
_BUILD_GC_THRESHOLD = 10_000

#: ``mallopt`` parameters (malloc.h) and the values :func:`steady_heap` gives them while a build runs.
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3
_HEAP_MMAP_THRESHOLD = 32 << 20  # glibc's largest dynamic value on 64-bit (DEFAULT_MMAP_THRESHOLD_MAX)
_HEAP_TRIM_THRESHOLD = 256 << 20  # with 64 MB a build of 100k words still took some 210,000 page faults

#: ``prctl`` option: the signal this process gets when its parent ends (linux/prctl.h).
_PR_SET_PDEATHSIG = 1


def _ignore_interrupts() -> None:
    # Ctrl-C reaches the whole process group: the parent handles it and shuts the pool down.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _start_forked_worker(parent: int) -> None:
    _ignore_interrupts()
    end_with_parent(parent)


def _start_worker(setup: WorkerSetup, parent: int) -> None:
    _ignore_interrupts()
    end_with_parent(parent)
    _worker_state.clear()
    _worker_state["setup"] = setup


def end_with_parent(parent: int, *, kernel: bool = True) -> None:
    """Make this (worker) process end when the process ``parent`` that started it ends, however it ends.

    See the module docstring: ``PR_SET_PDEATHSIG`` on Linux (unless not
    ``kernel``), else a thread waiting on the parent's sentinel.
    """
    if kernel and sys.platform.startswith("linux") and _parent_death_signal(signal.SIGKILL):
        if os.getppid() != parent:  # the parent ended before the request was made
            os._exit(1)
        return
    watched = multiprocessing.parent_process()
    if watched is not None:
        threading.Thread(target=_end_when_ended, args=(watched,), name="kgbuild-parent-watch", daemon=True).start()


def _parent_death_signal(signum: int) -> bool:
    """Ask Linux to send ``signum`` to this process when its parent ends; whether that worked."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(_PR_SET_PDEATHSIG, int(signum), 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _end_when_ended(parent: multiprocessing.process.BaseProcess) -> None:
    parent.join()  # the parent's sentinel: returns when the parent has ended
    os._exit(1)


def _build_in_worker(chunk: Chunk) -> ChunkResult:
    tools = _worker_state.get("tools")
    if tools is None:
        setup = _worker_state["setup"]
        assert isinstance(setup, WorkerSetup)
        tools = _worker_state["tools"] = setup.load()
        _freeze_collector()  # this process keeps its tools to its end: nothing to restore
    assert isinstance(tools, ChunkTools)
    return build_chunk(chunk, tools)

"""Composes the stages: read, parse, extract, map, validate, store. No rules here.

A build streams. Articles are read lazily; an article whose id and text hash
the store already holds is skipped (``force`` rebuilds it anyway). The others
go in chunks of up to :data:`CHUNK_SIZE` articles to an executor, which parses
each chunk with ``nlp.pipe``, extracts, maps and serialises it as N-Quads
(:func:`build_chunk`). The built chunks are written to the store in batches of
``batch_size`` articles, one bulk load each
(:func:`kgbuild.store.write_nquads`), in a thread of their own while the
next batch is built. Only a few chunks are in flight at a time, so memory
stays flat however large the corpus. Interrupting a build keeps every batch
written before (and finishes the one being written); building again does
the rest.

With workers (processes or Dask), the input is read one article ahead of
the chunks handed out, so its end is known while the last chunks are still
being built: the last chunk is cut into one piece per worker, and from then
on each chunk built is written as it comes (smaller batches), so the build
ends with a small write instead of a whole batch written after the last
parse. In this process, chunks are read one at a time and nothing changes.
A second thread does not help the parse itself: ``nlp.pipe`` holds Python's
lock nearly all the time (``bench/gil.py``), so extracting one chunk beside
the parse of the next takes as long as one after the other.

Executors (``executor=``, ``workers=``):

* ``"local"`` with one worker: everything in this process;
* ``"local"`` with N workers: N worker processes, each loading the model once;
* ``"dask"``: the chunks go to the workers of a Dask cluster
  (:mod:`kgbuild.cluster`), a local one or the one at ``scheduler``.

They give the same graph. Validation (``validate=``) is ``"all"`` (every
article graph against the SHACL shapes: slower than the parse itself),
``"sample"`` (the default: the first :data:`SAMPLE_HEAD` articles built,
then one in :data:`SAMPLE_EVERY`, 1-3% of the build's time) or
``"none"``.
"""

from __future__ import annotations

import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

import pyoxigraph
from rdflib import Graph
from spacy.language import Language

from .articles import InputProblem, read_articles
from .extract import ExtractionResources, extract_article, load_resources
from .facts import Article, Extraction
from .mapping import GRAPH_FORMAT, extraction_to_graph, extraction_to_nquads, text_hash
from .nlp import DEFAULT_BATCH_SIZE, load_pipeline
from .settings import DEFAULT_STORE, DEFAULT_WRITE_BATCH, SAMPLE_EVERY, SAMPLE_HEAD, BuildOptionError  # see .settings
from .store import StoredBuild, open_store, remove_stale_bulk_files, stored_builds, write_nquads
from .validation import load_ontology, load_shapes, validate_graph

__all__ = [
    "BuildOptionError",
    "BuildProgress",
    "BuildReport",
    "Chunk",
    "ChunkResult",
    "ChunkTools",
    "CHUNK_SIZE",
    "DEFAULT_STORE",
    "DEFAULT_WRITE_BATCH",
    "EXECUTORS",
    "VALIDATE_MODES",
    "build",
    "build_chunk",
    "extract_articles",
    "load_chunk_tools",
]

#: The most articles in one chunk, the unit of work of a worker: one ``nlp.pipe``
#: batch, small enough that the workers finish together (with 24, two workers
#: building 61 articles split them 37/24) and progress moves.
CHUNK_SIZE = DEFAULT_BATCH_SIZE
#: The ways a build can validate its graphs.
VALIDATE_MODES: tuple[str, ...] = ("all", "sample", "none")
#: The executors a build can run on.
EXECUTORS: tuple[str, ...] = ("local", "dask")
# Chunks in flight per worker: one being built, one waiting, so no worker idles.
_IN_FLIGHT_PER_WORKER = 2
# Report progress at least every this many unchanged articles skipped.
_SKIP_PROGRESS_EVERY = 1000


@dataclass(frozen=True)
class BuildReport:
    """What a build did.

    ``unchanged`` articles were skipped because the store already held
    them with the same text; ``validated`` articles were checked against
    the SHACL shapes; ``words`` counts the words of the articles built.
    """

    articles: int
    facts: int
    triples: int
    problems: tuple[InputProblem, ...]
    violations: tuple[str, ...]
    unchanged: int = 0
    validated: int = 0
    words: int = 0


@dataclass(frozen=True)
class BuildProgress:
    """How far a running build is, passed to ``on_progress`` after each chunk built.

    ``articles`` counts the articles built, ``written`` those of them written
    to the store or being written (in the background: a build stopped by an
    exception or Ctrl-C finishes that batch first); ``read`` counts every
    article read so far: built, unchanged or in flight.
    """

    articles: int
    written: int
    unchanged: int
    read: int
    words: int
    facts: int
    triples: int
    seconds: float


@dataclass(frozen=True)
class Chunk:
    """Articles to build together; ``start`` is the position of the first among the articles built."""

    start: int
    articles: tuple[Article, ...]


@dataclass(frozen=True)
class ChunkResult:
    """A built chunk: its graphs as N-Quads, ready for one batch write, and what it holds.

    ``graphs`` names the article graphs in ``nquads``; an article that
    failed is left out and reported in ``problems``.
    """

    nquads: bytes
    graphs: tuple[str, ...]
    articles: int
    words: int
    facts: int
    triples: int
    validated: int = 0
    violations: tuple[str, ...] = ()
    problems: tuple[InputProblem, ...] = ()


@dataclass(frozen=True)
class ChunkTools:
    """What building a chunk needs, loaded once per worker."""

    nlp: Language
    resources: ExtractionResources
    validate: str = "sample"
    shapes: Graph | None = None
    ontology: Graph | None = None
    nlp_batch_size: int = DEFAULT_BATCH_SIZE


def load_chunk_tools(*, nlp: Language | None = None, model: str | None = None, validate: str = "sample") -> ChunkTools:
    """Load the model (unless ``nlp`` is given), the extraction resources and, when validating, the shapes."""
    checking = validate != "none"
    return ChunkTools(
        nlp=nlp if nlp is not None else load_pipeline(model),
        resources=load_resources(),
        validate=validate,
        shapes=load_shapes() if checking else None,
        ontology=load_ontology() if checking else None,
    )


def extract_articles(
    articles: Iterable[Article],
    *,
    nlp: Language | None = None,
    resources: ExtractionResources | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> Iterator[Extraction]:
    """Parse and extract each article, lazily and in order."""
    nlp = nlp or load_pipeline()
    resources = resources or load_resources()
    pairs = ((a.text, a) for a in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield extract_article(doc, article, resources=resources)


def build_chunk(chunk: Chunk, tools: ChunkTools) -> ChunkResult:
    """Parse, extract, map, (maybe) validate and serialise the articles of ``chunk``.

    Each article's graph is written as N-Quads straight from its extraction
    (:func:`kgbuild.mapping.extraction_to_nquads`); only the articles
    validated are also made into an rdflib graph (from the same triples).
    An article whose extraction or mapping fails is reported in the
    result's ``problems`` and left out; the others are built.
    """
    texts: list[bytes] = []
    graphs: list[str] = []
    problems: list[InputProblem] = []
    violations: list[str] = []
    words = facts = triples = validated = 0
    pairs = ((article.text, (chunk.start + n, article)) for n, article in enumerate(chunk.articles))
    for doc, (position, article) in tools.nlp.pipe(pairs, as_tuples=True, batch_size=tools.nlp_batch_size):
        checked = _validates(position, tools.validate)
        try:
            extraction = extract_article(doc, article, resources=tools.resources)
            quads = extraction_to_nquads(extraction)  # a lone surrogate fails here, for this article only
            graph = extraction_to_graph(extraction) if checked else None
        # One article the rules or the mapping cannot handle must not end a build of
        # thousands: it is reported, with the error, and the others are built.
        except Exception as error:  # noqa: BLE001
            problems.append(InputProblem(article.origin or article.id, f"article {article.id!r} not built: {type(error).__name__}: {error}"))
            continue
        if graph is not None:
            result = validate_graph(graph, shapes=tools.shapes, ontology=tools.ontology)
            violations.extend(f"{article.id}: {v.message}" for v in result.violations)
            validated += 1
        texts.append(quads.data)
        graphs.append(quads.graph)
        words += len(article.text.split())
        facts += len(extraction.facts)
        triples += quads.triples
    return ChunkResult(
        nquads=b"".join(texts),
        graphs=tuple(graphs),
        articles=len(graphs),
        words=words,
        facts=facts,
        triples=triples,
        validated=validated,
        violations=tuple(violations),
        problems=tuple(problems),
    )


def _validates(position: int, mode: str) -> bool:
    if mode == "all":
        return True
    if mode == "sample":
        return position < SAMPLE_HEAD or position % SAMPLE_EVERY == 0
    return False


def build(
    paths: Iterable[str | Path],
    *,
    store: str | Path = DEFAULT_STORE,
    nlp: Language | None = None,
    model: str | None = None,
    validate: bool | str = "sample",
    on_problem: Callable[[InputProblem], None] | None = None,
    on_progress: Callable[[BuildProgress], None] | None = None,
    workers: int | None = None,
    executor: str = "local",
    scheduler: str | None = None,
    batch_size: int = DEFAULT_WRITE_BATCH,
    force: bool = False,
) -> BuildReport:
    """Build the articles under ``paths`` into the store at ``store``.

    Each article's named graph replaces what an earlier build made of it; an
    article the store already holds with the same text is skipped unless
    ``force``. Bad inputs are skipped and reported to ``on_problem``; the
    build goes on. ``on_progress`` gets a :class:`BuildProgress` after each
    chunk built. ``validate`` is one of :data:`VALIDATE_MODES` (``True``
    means ``"all"``, ``False`` ``"none"``). ``workers`` is the number of
    processes (``"local"``, default 1) or of Dask workers of a local cluster
    (``"dask"`` without ``scheduler``; by default Dask's choice for this
    machine). Where processes cannot be forked, a script building with
    more than one local worker must guard its entry point with ``if
    __name__ == "__main__":`` (see :mod:`kgbuild.workers`). See the module
    docstring.
    """
    mode = _validate_mode(validate)
    _check_options(workers=workers, executor=executor, scheduler=scheduler, batch_size=batch_size)
    problems: list[InputProblem] = []

    def report(problem: InputProblem) -> None:
        problems.append(problem)
        if on_problem is not None:
            on_problem(problem)

    totals = _Totals()
    unwritten: list[ChunkResult] = []

    def progress() -> None:
        if on_progress is not None:
            on_progress(totals.progress(time.perf_counter() - started))

    # The executor first: it loads the model (a missing one fails before any file is
    # made), and local worker processes are forked before this process opens the store.
    # Chunks built in this process are read one at a time; workers get them ahead (see _chunked).
    parallel = executor != "local" or (workers or 1) > 1
    tail = (workers or 2) if parallel else 1
    with _executor(executor, workers=workers, scheduler=scheduler, nlp=nlp, model=model, validate=mode) as run:
        database = open_store(store)
        remove_stale_bulk_files(store)
        writer = _BatchWriter(database)
        started = time.perf_counter()  # progress() is called only from here on

        def write() -> None:
            writer.wait()  # before joining this batch: one batch's N-Quads in memory twice at most
            writer.write(b"".join(r.nquads for r in unwritten), [g for r in unwritten for g in r.graphs])
            totals.written += sum(r.articles for r in unwritten)
            unwritten.clear()

        wanted = _changed_articles(read_articles(paths, on_problem=report), database, force=force, totals=totals, progress=progress)
        # Where chunks are built ahead (worker processes, Dask), the input's end is known while
        # the last chunks are still being built: from then on each chunk is written as it comes,
        # so that the build ends with one small write, not a whole batch written after the rest.
        chunks = _chunked(wanted, min(batch_size, CHUNK_SIZE), ahead=parallel, tail=tail, on_end=totals.end_of_input)
        try:
            for result in run(chunks):
                totals.add(result)
                for problem in result.problems:
                    report(problem)
                unwritten.append(result)
                if sum(r.articles for r in unwritten) >= batch_size or totals.all_read:
                    write()
                progress()
            if unwritten:
                write()
                progress()
            writer.wait()
            database.flush()
        except BaseException as error:
            # Every batch handed to the writer so far stays (close() below finishes the
            # one being written). The frames of the traceback would keep the store, and
            # its lock, open for as long as the exception is kept: a caller that catches
            # an interrupt and builds again would find the store in use.
            if error.__traceback__ is not None and error.__traceback__.tb_next is not None:
                traceback.clear_frames(error.__traceback__.tb_next)
            raise
        finally:
            writer.close()
            chunks.close()
            wanted.close()
            database = writer = None  # type: ignore[assignment]  # let go of the store (and its lock) now
    return BuildReport(
        articles=totals.articles,
        facts=totals.facts,
        triples=totals.triples,
        problems=tuple(problems),
        violations=tuple(totals.violations),
        unchanged=totals.unchanged,
        validated=totals.validated,
        words=totals.words,
    )


class _BatchWriter:
    """Writes the batches of a build to the store in a thread of its own, one at a time.

    A bulk load spends much of its time waiting for the disk (RocksDB writes
    and syncs a file per index), with Python's lock released, so the build
    parses the next articles meanwhile. One batch at most is being written:
    :meth:`write` first waits for the one before, and raises its error.
    :meth:`close` waits for the batch being written, whatever stopped the
    build (an exception, Ctrl-C): a batch handed over is written whole, and
    only a kill can stop it, which leaves it absent (see
    :func:`kgbuild.store.write_nquads`).
    """

    def __init__(self, database: pyoxigraph.Store) -> None:
        self._database: pyoxigraph.Store | None = database
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kgbuild-store-writer")
        self._pending: Future[None] | None = None

    def write(self, data: bytes, graphs: list[str]) -> None:
        """Start writing one batch (its N-Quads, replacing ``graphs``) once the one before is written."""
        self.wait()
        self._pending = self._thread.submit(write_nquads, self._database, data, replace=graphs)

    def wait(self) -> None:
        """Wait until the batch being written is written; raise its error if it failed."""
        pending, self._pending = self._pending, None
        if pending is not None:
            pending.result()

    def close(self) -> None:
        """Wait for the batch being written (its error is left to :meth:`wait`) and end the thread."""
        self._thread.shutdown(wait=True)
        self._database = None


class _Totals:
    """The running counts of a build (mutable, private to one call of :func:`build`)."""

    def __init__(self) -> None:
        self.articles = self.written = self.unchanged = self.read = self.words = self.facts = self.triples = self.validated = 0
        self.violations: list[str] = []
        self.all_read = False  # the input's last article has been read (known ahead only where chunks are built ahead)

    def end_of_input(self) -> None:
        self.all_read = True

    def add(self, result: ChunkResult) -> None:
        self.articles += result.articles
        self.words += result.words
        self.facts += result.facts
        self.triples += result.triples
        self.validated += result.validated
        self.violations.extend(result.violations)

    def progress(self, seconds: float) -> BuildProgress:
        return BuildProgress(
            articles=self.articles, written=self.written, unchanged=self.unchanged, read=self.read,
            words=self.words, facts=self.facts, triples=self.triples, seconds=seconds,
        )


def _changed_articles(
    articles: Iterable[Article], database: pyoxigraph.Store, *, force: bool, totals: _Totals, progress: Callable[[], None]
) -> Iterator[Article]:
    """The articles the store does not hold with the same text in a graph of the current
    format (all of them when ``force``)."""
    for article in articles:
        totals.read += 1
        if not force:
            stored = stored_builds(database, [article.id]).get(article.id)
            if stored == StoredBuild(text_hash(article.text), GRAPH_FORMAT):
                totals.unchanged += 1
                if totals.unchanged % _SKIP_PROGRESS_EVERY == 0:
                    progress()
                continue
        yield article


def _chunked(articles: Iterable[Article], size: int, *, ahead: bool = False, tail: int = 1,
             on_end: Callable[[], None] | None = None) -> Iterator[Chunk]:
    """Chunks of up to ``size`` articles, in order, read lazily.

    With ``ahead``, the article after each chunk is read before the chunk is
    given out, so the last chunk is known as the last: ``on_end`` is called
    before it is given, and it is cut into up to ``tail`` chunks, so that as
    many workers share the end of a build instead of one building it alone.
    """
    iterator = iter(articles)
    start = 0
    batch = tuple(islice(iterator, size))
    while batch:
        following = tuple(islice(iterator, 1)) if ahead else ()
        if ahead and not following:
            if on_end is not None:
                on_end()
            step = -(-len(batch) // max(1, min(tail, len(batch))))
            for offset in range(0, len(batch), step):
                yield Chunk(start=start + offset, articles=batch[offset:offset + step])
            return
        yield Chunk(start=start, articles=batch)
        start += len(batch)
        batch = following + tuple(islice(iterator, size - len(following)))


def _validate_mode(validate: bool | str) -> str:
    if validate is True:
        return "all"
    if validate is False:
        return "none"
    if validate not in VALIDATE_MODES:
        raise BuildOptionError(f"validate must be one of {', '.join(VALIDATE_MODES)}, not {validate!r}")
    return validate


def _check_options(*, workers: int | None, executor: str, scheduler: str | None, batch_size: int) -> None:
    if executor not in EXECUTORS:
        raise BuildOptionError(f"unknown executor {executor!r}; choose one of {', '.join(EXECUTORS)}")
    if workers is not None and (not isinstance(workers, int) or workers < 1):
        raise BuildOptionError(f"workers must be a whole number of at least 1, not {workers!r}")
    if not isinstance(batch_size, int) or batch_size < 1:
        raise BuildOptionError(f"batch size must be a whole number of at least 1, not {batch_size!r}")
    if scheduler is not None and executor != "dask":
        raise BuildOptionError("a scheduler address needs the dask executor (--executor dask)")


def _executor(name: str, *, workers: int | None, scheduler: str | None, nlp: Language | None, model: str | None, validate: str):
    """A context manager giving a function from chunks to chunk results (imported late: Dask is optional)."""
    if name == "dask":
        try:
            from .cluster import dask_executor
        except ModuleNotFoundError as error:
            if error.name not in ("dask", "distributed"):
                raise
            raise BuildOptionError("the dask executor needs Dask distributed: pip install 'kgbuild[dask]'") from None
        return dask_executor(scheduler=scheduler, workers=workers, nlp=nlp, model=model, validate=validate)
    from .workers import local_executor

    workers = workers or 1
    return local_executor(workers=workers, nlp=nlp, model=model, validate=validate, in_flight=_IN_FLIGHT_PER_WORKER * workers)

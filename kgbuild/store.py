"""The embedded store (pyoxigraph on disk): opening, writing article graphs, export.

A build writes N-Quads made straight from its records
(:func:`kgbuild.mapping.extraction_to_nquads`) with :func:`write_nquads`,
once per batch of articles. rdflib stays the API for graphs:
:func:`write_article_graphs` takes rdflib graphs and writes them as one
such batch (:class:`NQuadsWriter`); :func:`dataset_from_store` and
:func:`store_graph` give rdflib views back.

>>> import rdflib
>>> store = pyoxigraph.Store()  # in memory; open_store(path) for one on disk
>>> graph = rdflib.Graph(identifier=rdflib.URIRef("https://example.org/graph/a1"))
>>> graph.add((rdflib.URIRef("https://example.org/x"), rdflib.RDFS.label, rdflib.Literal("X", lang="en")))
<Graph identifier=https://example.org/graph/a1 (<class 'rdflib.graph.Graph'>)>
>>> write_article_graphs(store, [graph])
1
>>> article_graphs(store), count_triples(store)
(['https://example.org/graph/a1'], 1)
"""

from __future__ import annotations

import hashlib
import os
import re
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import pyoxigraph
import rdflib
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import RDF, XSD

from .facts import EntityKind
from .mapping import MappingError, article_graph_iri, article_iri, nquads_iri, nquads_literal
from .namespace import DIP

__all__ = [
    "EXPORT_FORMATS",
    "Compaction",
    "ExportFormatError",
    "NQuadsWriter",
    "StoreError",
    "StoreInUse",
    "article_graphs",
    "compact",
    "count_triples",
    "dataset_from_store",
    "export",
    "open_store",
    "remove_stale_bulk_files",
    "store_graph",
    "StoredBuild",
    "stored_builds",
    "union_triples",
    "write_article_graphs",
    "write_nquads",
]

#: Export format names and their serialisations. trig, nquads and jsonld keep
#: the named graphs; turtle, ntriples and xml write the union of all graphs.
EXPORT_FORMATS: dict[str, pyoxigraph.RdfFormat] = {
    "turtle": pyoxigraph.RdfFormat.TURTLE,
    "trig": pyoxigraph.RdfFormat.TRIG,
    "nquads": pyoxigraph.RdfFormat.N_QUADS,
    "ntriples": pyoxigraph.RdfFormat.N_TRIPLES,
    "jsonld": pyoxigraph.RdfFormat.JSON_LD,
    "xml": pyoxigraph.RdfFormat.RDF_XML,
}

#: Prefixes written by the formats that use them. Instances get one prefix per
#: kind (``person:fumio-kishida``), whose local names (slugs, hex digests)
#: never need a backslash escape: Virtuoso's Turtle and TriG loader keeps
#: such escapes in the IRI (``id:person\/x`` would load as ``.../person\/x``).
#: Article and graph IRIs, which hold any article id, are written in full.
EXPORT_PREFIXES: dict[str, str] = {
    "dip": "https://w3id.org/kgbuild/diplomacy#",
    **{kind.value: f"https://w3id.org/kgbuild/id/{kind.value}/" for kind in EntityKind},
    "fact": "https://w3id.org/kgbuild/id/fact/",
    "rdf": str(RDF),
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "xsd": str(XSD),
}


_BNODE_LABEL = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_\-]*")
_BULK_FILE = re.compile(r"bulk-\d+\.sst")
_TEXT_HASH = pyoxigraph.NamedNode(str(DIP.textHash))
_GRAPH_FORMAT = pyoxigraph.NamedNode(str(DIP.graphFormat))


class StoreError(Exception):
    """The store could not be opened, read or written."""


class StoreInUse(StoreError):
    """The store's lock is held: another process (or handle) has it open for writing."""


class ExportFormatError(StoreError, ValueError):
    """An export format kgbuild does not know."""


def open_store(path: str | os.PathLike[str], *, read_only: bool = False) -> pyoxigraph.Store:
    """Open (creating the folder if needed) the store at ``path``.

    ``read_only`` opens an existing store without taking its write lock.
    Raises :class:`StoreInUse` when another process holds the lock,
    :class:`StoreError` for any other failure.
    """
    folder = Path(path)
    try:
        if read_only:
            if not folder.is_dir():
                raise StoreError(f"no store at {folder}")
            return pyoxigraph.Store.read_only(str(folder))
        folder.mkdir(parents=True, exist_ok=True)
        return pyoxigraph.Store(str(folder))
    except (OSError, RuntimeError) as error:  # RocksDB reports corruption as RuntimeError
        if "lock" in str(error).lower():
            raise StoreInUse(
                f"store {folder} is in use: another process (or another open handle) holds its lock; "
                "close it first, or open the store read-only"
            ) from error
        raise StoreError(f"cannot open store {folder}: {error}") from error


def write_article_graphs(store: pyoxigraph.Store, graphs: Iterable[rdflib.Graph]) -> int:
    """Replace, for each graph, the named graph of the same identifier; return triples written.

    All the graphs go in one batch (see :func:`write_nquads`): for many
    graphs, call it once per batch of a few dozen articles, not once per graph.
    """
    writer = NQuadsWriter()
    chunks: list[str] = []
    names: list[str] = []
    triples = 0
    for graph in graphs:
        chunks.append(writer.graph(graph))
        names.append(str(graph.identifier))
        triples += len(graph)
    write_nquads(store, "".join(chunks).encode("utf-8"), replace=names)
    return triples


def write_nquads(store: pyoxigraph.Store, data: bytes, *, replace: Iterable[str] = ()) -> None:
    """Write one batch of N-Quads; the named graphs ``replace`` lists are removed first.

    The batch goes in with pyoxigraph's ``bulk_load``: its quads are sorted
    into new files that RocksDB takes in with one ingestion at the end of
    the call, so a batch is all-or-nothing even if the process is killed
    during the call (a killed load leaves only unused ``bulk-*.sst`` files,
    which :func:`remove_stale_bulk_files` clears). It is about three times
    faster than ``load`` or ``extend``, whose transactions write every quad
    through the write-ahead log. Removing the replaced graphs is one
    transaction per graph before that; a kill in between leaves those
    articles absent (and rebuilt by the next build), never half-written.
    """
    try:
        for name in replace:
            node = pyoxigraph.NamedNode(name)
            if store.contains_named_graph(node):
                store.remove_graph(node)
        if data:
            store.bulk_load(data, format=pyoxigraph.RdfFormat.N_QUADS)
    except SyntaxError as error:
        raise StoreError(f"cannot write a batch of graphs: bad N-Quads: {error}") from error
    except (OSError, ValueError) as error:
        raise StoreError(f"cannot write a batch of graphs: {error}") from error


def remove_stale_bulk_files(path: str | os.PathLike[str]) -> int:
    """Delete the unused files a killed ``bulk_load`` left in the store folder; return how many.

    Call it only while holding the store's write lock (after :func:`open_store`):
    a running bulk load of another process would lose its files otherwise.
    """
    removed = 0
    for file in Path(path).glob("bulk-*.sst"):
        if _BULK_FILE.fullmatch(file.name):
            try:
                file.unlink()
                removed += 1
            except FileNotFoundError:
                pass
    return removed


@dataclass(frozen=True)
class StoredBuild:
    """What the store says of an article's graph: the text it was built from, and its shape."""

    text_hash: str
    #: ``dip:graphFormat`` (:data:`kgbuild.mapping.GRAPH_FORMAT` when built); ``None`` in a
    #: graph built before kgbuild wrote it.
    graph_format: int | None


def stored_builds(store: pyoxigraph.Store, article_ids: Iterable[str]) -> dict[str, StoredBuild]:
    """The text hash and graph format stored for each of ``article_ids`` that is in the store.

    They are read from the article's own named graph, which is written in one
    batch with them: a hash present means the article's graph is complete.
    """
    builds = {}
    for article_id in article_ids:
        graph = pyoxigraph.NamedNode(str(article_graph_iri(article_id)))
        node = pyoxigraph.NamedNode(str(article_iri(article_id)))
        for quad in store.quads_for_pattern(node, _TEXT_HASH, None, graph):
            formats = [q.object.value for q in store.quads_for_pattern(node, _GRAPH_FORMAT, None, graph)]
            graph_format = int(formats[0]) if len(formats) == 1 and formats[0].isdigit() else None
            builds[article_id] = StoredBuild(text_hash=quad.object.value, graph_format=graph_format)
            break
    return builds


class NQuadsWriter:
    r"""N-Quads text of rdflib graphs, one named graph at a time.

    It keeps the text of each IRI it has written, so the IRIs that every
    article repeats (properties, classes, countries) are checked and
    formatted once.

    >>> graph = rdflib.Graph(identifier=rdflib.URIRef("https://example.org/graph/a1"))
    >>> _ = graph.add((rdflib.URIRef("https://example.org/x"), rdflib.RDFS.label, rdflib.Literal('say "hi"\n')))
    >>> print(NQuadsWriter().graph(graph), end="")
    <https://example.org/x> <http://www.w3.org/2000/01/rdf-schema#label> "say \"hi\"\n" <https://example.org/graph/a1> .
    """

    def __init__(self) -> None:
        self._iris: dict[str, str] = {}

    def graph(self, graph: rdflib.Graph) -> str:
        """The N-Quads lines of ``graph``, in its named graph (its identifier, an IRI)."""
        if not isinstance(graph.identifier, rdflib.URIRef):
            raise StoreError(f"an article graph needs an IRI identifier, not {graph.identifier!r}")
        tail = f" {self._iri(graph.identifier)} .\n"
        term = self._term
        return "".join(f"{term(s)} {term(p)} {term(o)}{tail}" for s, p, o in graph)

    def _iri(self, iri: str) -> str:
        text = self._iris.get(iri)
        if text is None:
            try:
                text = self._iris[iri] = nquads_iri(iri)
            except MappingError as error:
                raise StoreError(f"cannot store the IRI <{iri}>: not an absolute IRI without spaces or <>\"{{}}|^`\\") from error
        return text

    def _term(self, term: rdflib.term.Node) -> str:
        if isinstance(term, rdflib.URIRef):
            return self._iri(term)
        if isinstance(term, rdflib.Literal):
            if term.datatype is not None and term.language is None and term.datatype != XSD.string:
                return nquads_literal(str(term)) + "^^" + self._iri(term.datatype)
            return nquads_literal(str(term), language=term.language)
        if isinstance(term, rdflib.BNode):
            label = str(term)
            if _BNODE_LABEL.fullmatch(label) is None:  # derive a stable label N-Quads accepts
                label = "b" + hashlib.sha1(label.encode("utf-8")).hexdigest()
            return f"_:{label}"
        raise StoreError(f"cannot store the RDF term {term!r}")


def article_graphs(store: pyoxigraph.Store) -> list[str]:
    """The IRIs of the store's named graphs (one per article), sorted."""
    return sorted(g.value for g in store.named_graphs() if isinstance(g, pyoxigraph.NamedNode))


def count_triples(store: pyoxigraph.Store, *, graph: str | None = None) -> int:
    """Triples in all graphs (a triple in two graphs counts twice), or in one named graph."""
    if graph is None:
        return len(store)
    return sum(1 for _ in store.quads_for_pattern(None, None, None, pyoxigraph.NamedNode(graph)))


def export(store: pyoxigraph.Store, fmt: str, out: BinaryIO | str | os.PathLike[str]) -> None:
    """Write the store to ``out`` (a binary file or a path) in ``fmt`` (see :data:`EXPORT_FORMATS`).

    Dataset formats stream the named graphs as they are; graph formats
    stream the union of all graphs, each triple once. Memory stays flat
    whatever the store's size (see :func:`union_triples`).
    """
    try:
        rdf_format = EXPORT_FORMATS[fmt]
    except KeyError:
        raise ExportFormatError(
            f"unknown export format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}"
        ) from None
    target = os.fspath(out) if isinstance(out, (str, os.PathLike)) else out
    prefixes = EXPORT_PREFIXES if rdf_format in (pyoxigraph.RdfFormat.TURTLE, pyoxigraph.RdfFormat.TRIG) else None
    try:
        if rdf_format.supports_datasets:
            store.dump(target, rdf_format, prefixes=prefixes)
        else:
            pyoxigraph.serialize(union_triples(store), target, rdf_format, prefixes=prefixes)
    except OSError as error:
        raise StoreError(f"cannot export the store as {fmt}: {error}") from error


def union_triples(store: pyoxigraph.Store) -> Iterator[pyoxigraph.Triple]:
    """Each triple of the store once, whichever graphs hold it, in flat memory.

    A quad is kept only when its graph is the first of those holding its
    triple (one index lookup per quad). A ``CONSTRUCT`` over the union graph
    gives the same triples about three times faster, but remembers every
    triple it wrote to drop repeats: some 400 bytes a triple.
    """
    for quad in store.quads_for_pattern(None, None, None, None):
        first = next(iter(store.quads_for_pattern(quad.subject, quad.predicate, quad.object, None)))
        if first.graph_name == quad.graph_name:
            yield quad.triple


def dataset_from_store(store: pyoxigraph.Store) -> rdflib.Dataset:
    """An in-memory rdflib ``Dataset`` copy of the store, graph by graph."""
    dataset = rdflib.Dataset()
    dataset.addN(
        (
            _from_ox(quad.subject),
            _from_ox(quad.predicate),
            _from_ox(quad.object),
            dataset.graph(
                DATASET_DEFAULT_GRAPH_ID
                if isinstance(quad.graph_name, pyoxigraph.DefaultGraph)
                else _from_ox(quad.graph_name)
            ),
        )
        for quad in store
    )
    return dataset


def store_graph(store: pyoxigraph.Store) -> rdflib.Dataset:
    """A live rdflib view of the store (through oxrdflib) whose default graph is the union of all graphs.

    Reads go straight to the store; nothing is copied. Plain literals come
    back typed ``xsd:string`` (oxrdflib's conversion); lookups with plain
    ``Literal("x")`` still match.
    """
    # Imported here: it imports rdflib's SPARQL engine, some 0.1 s that a build does not need.
    from oxrdflib import OxigraphStore

    return rdflib.Dataset(store=OxigraphStore(store=store), default_union=True)


def _from_ox(term: object) -> rdflib.term.Identifier:
    """The rdflib term of a pyoxigraph term (``xsd:string`` literals become plain ones)."""
    if isinstance(term, pyoxigraph.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, pyoxigraph.BlankNode):
        return rdflib.BNode(term.value)
    if isinstance(term, pyoxigraph.Literal):
        if term.language:
            return rdflib.Literal(term.value, lang=term.language)
        if term.datatype.value == str(XSD.string):
            return rdflib.Literal(term.value)
        return rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype.value))
    raise StoreError(f"cannot convert the stored term {term!r}")


@dataclass(frozen=True)
class Compaction:
    """What :func:`compact` did: how long it took, and the store folder's size after it."""

    seconds: float
    size_bytes: int


def compact(path: str | os.PathLike[str]) -> Compaction:
    """Compact the store at ``path``: RocksDB's full compaction, through pyoxigraph's ``Store.optimize``.

    A build leaves the store's newest data in files of overlapping key
    ranges (one per write batch, until RocksDB's background merges catch
    up), and a lookup probes each of them. Compaction merges them into the
    sorted levels below, so that a lookup reads one file per level. Named
    queries that follow hundreds of facts (one lookup per fact and
    property) run 10-30% faster after it on a store of 2M triples built by
    ``kgbuild build``; it takes about 2 s per million triples, about 2% of
    the build that wrote them, so a build does not run it unasked
    (``kgbuild compact``, or ``kgbuild build --compact``). The quads are
    unchanged. Needs the store's write lock: raises :class:`StoreInUse`
    while another process holds it, and :class:`StoreError` when there is
    no store at ``path``.
    """
    folder = Path(path)
    if not folder.is_dir():
        raise StoreError(f"no store at {folder}")
    started = time.perf_counter()
    store = open_store(folder)
    try:
        store.optimize()
        store.flush()
    except (OSError, RuntimeError) as error:
        raise StoreError(f"cannot compact the store {folder}: {error}") from error
    finally:
        del store  # closes the database and releases its lock
    size = sum(entry.stat().st_size for entry in folder.iterdir() if entry.is_file())
    return Compaction(seconds=time.perf_counter() - started, size_bytes=size)

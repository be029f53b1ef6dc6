"""The embedded store (pyoxigraph on disk): opening, writing article graphs, export.

rdflib stays the API for graphs: :func:`write_article_graphs` takes rdflib
graphs and converts their terms to pyoxigraph terms directly;
:func:`dataset_from_store` and :func:`store_graph` give rdflib views back.

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
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

import pyoxigraph
import rdflib
from oxrdflib import OxigraphStore
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import RDF, XSD

__all__ = [
    "EXPORT_FORMATS",
    "ExportFormatError",
    "StoreError",
    "StoreInUse",
    "article_graphs",
    "count_triples",
    "dataset_from_store",
    "export",
    "open_store",
    "store_graph",
    "write_article_graphs",
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

#: Prefixes written by the formats that use them.
EXPORT_PREFIXES: dict[str, str] = {
    "dip": "https://w3id.org/kgbuild/diplomacy#",
    "id": "https://w3id.org/kgbuild/id/",
    "graph": "https://w3id.org/kgbuild/graph/",
    "rdf": str(RDF),
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "xsd": str(XSD),
}

_UNION_TRIPLES = "CONSTRUCT WHERE { ?s ?p ?o }"


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

    Each graph is replaced by two transactions: the old named graph is removed,
    then the new triples are added in one ``extend``. An article is therefore
    always either complete or absent, never half-written (a crash between the
    two leaves it absent until the next build). One SPARQL update (``DROP
    GRAPH`` + ``INSERT DATA``) would be a single transaction but measured ~30%
    slower and needs the graph serialised to text.
    """
    written = 0
    for graph in graphs:
        if not isinstance(graph.identifier, rdflib.URIRef):
            raise StoreError(f"an article graph needs an IRI identifier, not {graph.identifier!r}")
        name = pyoxigraph.NamedNode(str(graph.identifier))
        quads = [
            pyoxigraph.Quad(_to_ox(s), _to_ox(p), _to_ox(o), name)  # type: ignore[arg-type]
            for s, p, o in graph
        ]
        try:
            if store.contains_named_graph(name):
                store.remove_graph(name)
            store.extend(quads)
        except OSError as error:
            raise StoreError(f"cannot write graph <{graph.identifier}>: {error}") from error
        written += len(quads)
    return written


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
    stream the union of all graphs, each triple once.
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
            # CONSTRUCT over the union default graph yields each triple once.
            triples = store.query(_UNION_TRIPLES, use_default_graph_as_union=True)
            pyoxigraph.serialize(triples, target, rdf_format, prefixes=prefixes)
    except OSError as error:
        raise StoreError(f"cannot export the store as {fmt}: {error}") from error


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
    return rdflib.Dataset(store=OxigraphStore(store=store), default_union=True)


def _to_ox(term: rdflib.term.Node) -> pyoxigraph.NamedNode | pyoxigraph.BlankNode | pyoxigraph.Literal:
    """The pyoxigraph term of an rdflib term."""
    if isinstance(term, rdflib.URIRef):
        return pyoxigraph.NamedNode(str(term))
    if isinstance(term, rdflib.BNode):
        try:
            return pyoxigraph.BlankNode(str(term))
        except ValueError:  # an id Oxigraph does not accept: derive a stable one
            return pyoxigraph.BlankNode("b" + hashlib.sha1(str(term).encode("utf-8")).hexdigest())
    if isinstance(term, rdflib.Literal):
        if term.language is not None:
            return pyoxigraph.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return pyoxigraph.Literal(str(term), datatype=pyoxigraph.NamedNode(str(term.datatype)))
        return pyoxigraph.Literal(str(term))
    raise StoreError(f"cannot store the RDF term {term!r}")


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

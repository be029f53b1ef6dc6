"""SHACL validation of article graphs against ``ontology/shapes.ttl``.

Load the shapes and the ontology once and pass them in when validating many
graphs::

    shapes, ontology = load_shapes(), load_ontology()
    for graph in graphs:
        report = validate_graph(graph, shapes=shapes, ontology=ontology)

The ontology is mixed into (a copy of) the data graph for its class and
property hierarchy only, as pySHACL mixes an ``ont_graph`` in (its axioms:
class and property declarations, ``rdfs:subClassOf``, ``rdfs:subPropertyOf``
and the like); no inference is run (``inference="none"``). RDFS
inference would type every object of ``dip:said`` as a ``dip:Statement``
from the property's range, so the shapes that check the kinds of thing a
property joins could never fail, and its reflexive ``rdfs:subPropertyOf``
closure would break the check that a fact's finer property refines its
relation; the shapes check what kgbuild wrote, not what could be entailed
from it. It is also more than twice as slow (about 0.65 s against 0.27 s for
a graph of ~1900 triples, measured before the shapes were indexed; without
inference it is faster still now).

The graph is validated as RDF terms, not as rdflib's Python values: each
literal is rebuilt from its lexical form first, so ``Literal(0.9,
datatype=XSD.decimal)`` (a float value under a decimal datatype, which
pySHACL's ``sh:datatype`` check rejects) is checked as ``"0.9"^^xsd:decimal``,
exactly what a Turtle file or the store would hold.

What makes one validation cheaper, with the same results: :func:`load_shapes`
and :func:`load_ontology` return graphs indexed for reading (pySHACL reads the
shapes graph some twenty times per fact it checks, and rdflib's store spends
most of each lookup on its bookkeeping of contexts), and the ontology's
axioms are worked out once, not mixed in from the whole ontology for every
graph. A plain ``Graph`` passed as ``shapes`` or ``ontology`` gives the same
results, more slowly.

Results of severity ``Warning`` (a fact joining implausible kinds of thing,
an extraction error) are reported but do not make a graph non-conforming;
``Violation`` results (a malformed graph) do.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from itertools import chain
from types import MappingProxyType

from rdflib import RDF, ConjunctiveGraph, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH
from rdflib.term import Node

from .resources import ontology_path

__all__ = [
    "ValidationReport",
    "Violation",
    "load_ontology",
    "load_shapes",
    "validate_graph",
]

_SEVERITY_ORDER = {"Violation": 0, "Warning": 1, "Info": 2}
_NOTHING: Mapping[Node, list[Node]] = MappingProxyType({})  # what an index gives for a node it does not hold


@dataclass(frozen=True)
class Violation:
    """One SHACL result: which node, which property path, what is wrong.

    ``path`` is empty when the constraint is on the node itself; ``value`` is
    empty when no single value is at fault (a missing property).
    ``severity`` is ``"Violation"``, ``"Warning"`` or ``"Info"``.
    """

    focus_node: str
    path: str
    message: str
    severity: str
    value: str = ""

    def __str__(self) -> str:
        where = f" {self.path}" if self.path else ""
        value = f" (value {self.value})" if self.value else ""
        return f"{self.severity}: <{self.focus_node}>{where}: {self.message}{value}"


@dataclass(frozen=True)
class ValidationReport:
    """The outcome of validating one graph; ``violations`` holds every result, warnings too."""

    conforms: bool
    violations: tuple[Violation, ...] = ()

    @property
    def errors(self) -> tuple[Violation, ...]:
        """The results that make the graph non-conforming (severity ``Violation``)."""
        return tuple(v for v in self.violations if v.severity == "Violation")

    @property
    def text(self) -> str:
        """A summary line, then one line per result.

        >>> print(ValidationReport(conforms=True).text)
        conforms: 0 violations, 0 warnings
        """
        errors = len(self.errors)
        warnings = sum(1 for v in self.violations if v.severity == "Warning")
        head = "conforms" if self.conforms else "does not conform"
        lines = [f"{head}: {errors} violations, {warnings} warnings"]
        lines.extend(str(v) for v in self.violations)
        return "\n".join(lines)


def load_shapes() -> Graph:
    """The SHACL shapes graph (``ontology/shapes.ttl``), parsed and indexed for :func:`validate_graph`."""
    return _indexed(Graph().parse(ontology_path("shapes.ttl"), format="turtle"))


def load_ontology() -> Graph:
    """The diplomacy ontology (``ontology/diplomacy.ttl``), parsed and indexed for :func:`validate_graph`."""
    return _indexed(Graph().parse(ontology_path("diplomacy.ttl"), format="turtle"))


def validate_graph(
    graph: Graph,
    *,
    shapes: Graph | None = None,
    ontology: Graph | None = None,
) -> ValidationReport:
    """Validate ``graph`` (one article graph, or a union of them) against kgbuild's shapes.

    ``shapes`` and ``ontology`` default to freshly parsed shipped files; pass
    the results of :func:`load_shapes` and :func:`load_ontology` when
    validating many graphs. ``graph`` is not modified. A ``Dataset`` is
    validated as the union of its graphs.
    """
    if shapes is None:
        shapes = load_shapes()
    elif type(shapes) is Graph:  # not a Dataset: pySHACL reads all of a Dataset's graphs
        shapes = _indexed(shapes)  # copying it costs less than one validation's lookups in it
    # Imported here: with rdflib's SPARQL engine it costs some 0.15 s, which a build that validates nothing does not pay.
    from pyshacl import validate

    conforms, report_graph, _ = validate(
        _mixed_copy(graph, ontology if ontology is not None else load_ontology()),
        shacl_graph=shapes,
        inference="none",
        inplace=True,  # our own copy, with the ontology's axioms mixed in already: nothing to clone
        allow_warnings=True,
        allow_infos=True,
    )
    return ValidationReport(conforms=bool(conforms), violations=_violations(report_graph))


class _IndexedGraph(Graph):
    """A graph validation reads many times (the shapes, the ontology, the copy of the graph validated),
    its lookups by subject or by predicate made dictionary lookups.

    pySHACL reads its shapes graph some twenty times per fact (each property
    shape, each ``sh:node`` and ``sh:or`` branch, re-read for every focus
    node), and rdflib's default store spends most of a lookup on its
    bookkeeping of contexts: with this index, and the ontology's axioms
    worked out once (:meth:`ontology_axioms`, what pySHACL mixes into a data
    graph from this graph as an ontology), validating an article graph takes
    about 40% less CPU.

    Writing to it through ``Graph``'s methods (``add``, ``addN``, ``remove``,
    and so ``parse``, ``set``, ``+=``, ``-=``) drops the index and the
    axioms, made again when next read. pySHACL adds two triples of its own to
    every shapes graph it is given, each time: adding a triple the graph
    holds already changes nothing and keeps the index.
    """

    def __init__(self, triples: Iterable[tuple[Node, Node, Node]], *, namespaces: Iterable[tuple[str, URIRef]] = ()) -> None:
        super().__init__()
        for prefix, namespace in namespaces:
            self.bind(prefix, namespace, override=True)
        super().addN((s, p, o, self) for s, p, o in triples)
        self._by_subject: dict[Node, dict[Node, list[Node]]] | None = None
        self._by_predicate: dict[Node, dict[Node, list[Node]]] = {}
        self._axioms: tuple[tuple[Node, Node, Node], ...] | None = None

    def add(self, triple):  # type: ignore[no-untyped-def]  # rdflib's signature
        if triple not in self:
            self._changed()
            super().add(triple)
        return self

    def addN(self, quads):  # type: ignore[no-untyped-def]  # rdflib's name and signature
        self._changed()
        return super().addN(quads)

    def remove(self, triple):  # type: ignore[no-untyped-def]
        self._changed()
        return super().remove(triple)

    def _changed(self) -> None:
        self._by_subject, self._by_predicate, self._axioms = None, {}, None

    # pySHACL's reads, most of them ``objects(s, p)`` and ``predicate_objects(s)``: answered here
    # without going through ``triples``, each a dictionary lookup (``unique`` changes nothing: a graph
    # holds a triple once). A predicate that is not a plain IRI (a property path) goes to rdflib; the
    # test is on the exact type, as ``isinstance`` against rdflib's abstract classes costs more than
    # the lookup.

    def objects(self, subject=None, predicate=None, unique=False):  # type: ignore[no-untyped-def]
        if subject is None or type(predicate) is not URIRef or type(subject) is list:
            return super().objects(subject, predicate, unique)
        return iter(self._subject_index().get(subject, _NOTHING).get(predicate, ()))

    def predicate_objects(self, subject=None, unique=False):  # type: ignore[no-untyped-def]
        if subject is None:
            return super().predicate_objects(subject, unique)
        return ((p, o) for p, objects in self._subject_index().get(subject, _NOTHING).items() for o in objects)

    def triples(self, triple):  # type: ignore[no-untyped-def]
        """rdflib's ``Graph.triples`` (which ``value``, ``subjects``... call), the patterns
        ``(s, ?p, None)`` and ``(None, p, ?o)`` answered from the index."""
        s, p, o = triple
        if p is not None and type(p) is not URIRef:  # a property path
            return super().triples(triple)
        if s is not None and o is None:
            by_predicate = self._subject_index().get(s, _NOTHING)
            if p is None:
                return ((s, p2, o2) for p2, objects in by_predicate.items() for o2 in objects)
            return ((s, p, o2) for o2 in by_predicate.get(p, ()))
        if s is None and p is not None:
            by_object = self._predicate_index(p)
            if o is None:
                return ((s2, p, o2) for o2, subjects in by_object.items() for s2 in subjects)
            return ((s2, p, o) for s2 in by_object.get(o, ()))
        return super().triples(triple)

    def _subject_index(self) -> dict[Node, dict[Node, list[Node]]]:
        index = self._by_subject
        if index is None:
            index = {}
            for s, p, o in super().triples((None, None, None)):
                index.setdefault(s, {}).setdefault(p, []).append(o)
            self._by_subject = index
        return index

    def _predicate_index(self, predicate: Node) -> dict[Node, list[Node]]:
        index = self._by_predicate.get(predicate)
        if index is None:
            index = {}
            for s, _, o in super().triples((None, predicate, None)):
                index.setdefault(o, []).append(s)
            self._by_predicate[predicate] = index  # once whole: another thread may read it as soon as it is there
        return index

    def ontology_axioms(self) -> tuple[tuple[Node, Node, Node], ...]:
        """The triples pySHACL mixes into a data graph validated with this graph as its ``ont_graph``."""
        if self._axioms is None:
            self._axioms = _ontology_axioms(self)
        return self._axioms


def _indexed(graph: Graph) -> _IndexedGraph:
    return _IndexedGraph(graph, namespaces=graph.namespaces())


def _ontology_axioms(ontology: Graph) -> tuple[tuple[Node, Node, Node], ...]:
    """What pySHACL mixes into a data graph from ``ontology``, found by letting it mix the ontology into an empty graph.

    In place and with no shapes, that is all ``validate`` does; the triples
    do not depend on the data graph (a blank node of the ontology, such as
    a list, gets one fresh id here, kept for every graph).
    """
    from pyshacl import validate  # imported here: see validate_graph

    axioms = Graph()
    validate(axioms, shacl_graph=Graph(), ont_graph=ontology, inference="none", inplace=True)
    return tuple(axioms)


def _mixed_copy(graph: Graph, ontology: Graph) -> Graph:
    """A plain ``Graph`` of the triples of ``graph`` (all its graphs, for a ``Dataset``), each literal
    rebuilt from its lexical form, and of the axioms pySHACL would mix in from ``ontology``."""
    axioms = ontology.ontology_axioms() if isinstance(ontology, _IndexedGraph) else _ontology_axioms(ontology)
    copy = _IndexedGraph(chain(_lexical_triples(graph), axioms))
    # pySHACL also binds the ontology's prefixes the data graph lacks (its own messages print nodes with them)
    bound = {prefix for prefix, _ in copy.namespaces()}
    for prefix, namespace in ontology.namespaces():
        if prefix not in bound:
            copy.bind(prefix, namespace)
    return copy


def _violations(report: Graph) -> tuple[Violation, ...]:
    """The top-level results of a SHACL report (not the details nested under
    ``sh:detail``), without repeats, in a stable order."""
    results = {
        _violation(report, result)
        for node in report.subjects(RDF.type, SH.ValidationReport)
        for result in report.objects(node, SH.result)
    }
    return tuple(
        sorted(results, key=lambda v: (_SEVERITY_ORDER.get(v.severity, 3), v.focus_node, v.path, v.message, v.value))
    )


def _lexical_triples(graph: Graph) -> Iterator[tuple[Node, Node, Node]]:
    """The triples of ``graph`` (all its graphs, for a ``Dataset``), each literal rebuilt from its lexical form."""
    if isinstance(graph, ConjunctiveGraph):  # a Dataset too
        triples: Iterator[tuple[Node, Node, Node]] = ((s, p, o) for s, p, o, _ in graph.quads((None, None, None, None)))
    else:
        triples = graph.triples((None, None, None))
    # A literal comes back often (a rule name, a confidence): each is rebuilt once. The key holds
    # the language tag as written, as rdflib's literal equality ignores its case.
    rebuilt: dict[tuple[Literal, str | None], Literal] = {}
    for s, p, o in triples:
        if isinstance(o, Literal):
            key = (o, o.language)
            made = rebuilt.get(key)
            if made is None:
                made = rebuilt[key] = Literal(str(o), lang=o.language, datatype=o.datatype)
            o = made
        yield s, p, o


def _violation(report: Graph, result: Node) -> Violation:
    focus = report.value(result, SH.focusNode)
    path = report.value(result, SH.resultPath)
    value = report.value(result, SH.value)
    severity = report.value(result, SH.resultSeverity)
    messages = sorted(str(m) for m in report.objects(result, SH.resultMessage))
    return Violation(
        focus_node=str(focus) if focus is not None else "",
        path=_path_text(report, path),
        message=messages[0] if messages else "",
        severity=_local_name(severity) if severity is not None else "Violation",
        value=str(value) if value is not None else "",
    )


def _path_text(report: Graph, path: Node | None) -> str:
    """A readable SHACL path: an IRI, ``a / b`` for a sequence, ``a | b`` for alternatives."""
    if path is None:
        return ""
    if isinstance(path, URIRef):
        return str(path)
    alternatives = report.value(path, SH.alternativePath)
    if alternatives is not None:
        return " | ".join(_path_text(report, p) for p in Collection(report, alternatives))
    if report.value(path, RDF.first) is not None:
        return " / ".join(_path_text(report, p) for p in Collection(report, path))
    return path.n3()


def _local_name(iri: URIRef) -> str:
    return str(iri).rsplit("#", 1)[-1]

"""SHACL validation of article graphs against ``ontology/shapes.ttl``.

Load the shapes and the ontology once and pass them in when validating many
graphs::

    shapes, ontology = load_shapes(), load_ontology()
    for graph in graphs:
        report = validate_graph(graph, shapes=shapes, ontology=ontology)

The ontology is mixed into (a copy of) the data graph for its class and
property hierarchy only; no inference is run (``inference="none"``). RDFS
inference would type every object of ``dip:said`` as a ``dip:Statement``
from the property's range, so the shapes that check the kinds of thing a
property joins could never fail, and its reflexive ``rdfs:subPropertyOf``
closure would break the check that a fact's finer property refines its
relation; the shapes check what kgbuild wrote, not what could be entailed
from it. It is also more than twice as slow (about 0.65 s against 0.27 s for
a graph of ~1900 triples).

The graph is validated as RDF terms, not as rdflib's Python values: each
literal is rebuilt from its lexical form first, so ``Literal(0.9,
datatype=XSD.decimal)`` (a float value under a decimal datatype, which
pySHACL's ``sh:datatype`` check rejects) is checked as ``"0.9"^^xsd:decimal``,
exactly what a Turtle file or the store would hold.

Results of severity ``Warning`` (a fact joining implausible kinds of thing,
an extraction error) are reported but do not make a graph non-conforming;
``Violation`` results (a malformed graph) do.
"""

from __future__ import annotations

from dataclasses import dataclass

from pyshacl import validate
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
    """The SHACL shapes graph (``ontology/shapes.ttl``), parsed."""
    return Graph().parse(ontology_path("shapes.ttl"), format="turtle")


def load_ontology() -> Graph:
    """The diplomacy ontology (``ontology/diplomacy.ttl``), parsed."""
    return Graph().parse(ontology_path("diplomacy.ttl"), format="turtle")


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
    conforms, report_graph, _ = validate(
        _lexical_copy(graph),
        shacl_graph=shapes if shapes is not None else load_shapes(),
        ont_graph=ontology if ontology is not None else load_ontology(),
        inference="none",
        inplace=True,  # on our own copy: the ontology is mixed into it, not into ``graph``
        allow_warnings=True,
        allow_infos=True,
    )
    return ValidationReport(conforms=bool(conforms), violations=_violations(report_graph))


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


def _lexical_copy(graph: Graph) -> Graph:
    """A plain ``Graph`` of the triples of ``graph`` (all its graphs, for a
    ``Dataset``), each literal rebuilt from its lexical form."""
    copy = Graph()
    if isinstance(graph, ConjunctiveGraph):  # a Dataset too
        triples = ((s, p, o) for s, p, o, _ in graph.quads((None, None, None, None)))
    else:
        triples = graph.triples((None, None, None))
    for s, p, o in triples:
        if isinstance(o, Literal):
            o = Literal(str(o), lang=o.language, datatype=o.datatype)
        copy.add((s, p, o))
    return copy


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

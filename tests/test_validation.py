"""SHACL validation of article graphs built by ``kgbuild.mapping``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal

import pytest
from extraction import entity
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kgbuild.facts import Article, Entity, EntityKind, Evidence, Extraction, Fact, Modality
from kgbuild.mapping import article_iri, entity_iri, extraction_to_graph, extractions_to_dataset, fact_iri
from kgbuild.namespace import DIP
from kgbuild.validation import ValidationReport, Violation, load_ontology, load_shapes, validate_graph

TEXT = (
    "President Mara Olsen of Veloria met Foreign Minister Tomas Reyes in Port Caldera on Tuesday. "
    "Olsen will attend the Harbour Summit, which opens in Port Caldera next week. "
    '"We stand with our neighbours," Olsen said. Veloria condemned the blockade.'
)


OLSEN = entity(EntityKind.PERSON, "Mara Olsen", alt_labels=("Olsen",))
REYES = entity(EntityKind.PERSON, "Tomas Reyes")
VELORIA = entity(EntityKind.COUNTRY, "Veloria", wikidata="Q999999999")
PORT = entity(EntityKind.PLACE, "Port Caldera")
SUMMIT = entity(
    EntityKind.EVENT, "Harbour Summit", event_type="Summit", start=dt.date(2031, 5, 12), end=dt.date(2031, 5, 13)
)
MINISTER = entity(EntityKind.POSITION, "Foreign Minister of Veloria", country=VELORIA.key)
QUOTE = entity(EntityKind.STATEMENT, "We stand with our neighbours")
BLOCKADE = entity(EntityKind.TOPIC, "the blockade")


def _sentence(start: int) -> Evidence:
    end = TEXT.index(".", start) + 1
    return Evidence("art-1", TEXT[start:end], start, end, "hand-built", 0.75)


def _fact(subject: Entity, relation: str, obj: Entity, **extra) -> Fact:
    extra.setdefault("modality", Modality.ASSERTED)
    evidence = extra.pop("evidence", _sentence(0))
    return Fact(subject.key, relation, obj.key, evidence=evidence, **extra)


LEADER = _fact(OLSEN, "leaderOf", VELORIA)
MEETS = _fact(OLSEN, "meets", REYES, refinement="talksWith")
ATTENDS = _fact(OLSEN, "attends", SUMMIT, modality=Modality.PLANNED, evidence=_sentence(TEXT.index("Olsen will")))
HELD_IN = _fact(SUMMIT, "heldIn", PORT, evidence=_sentence(TEXT.index("Olsen will")))
HOLDS = _fact(REYES, "holdsPosition", MINISTER)
SAID = _fact(OLSEN, "said", QUOTE, evidence=_sentence(TEXT.index('"We')))
CONDEMNS = _fact(VELORIA, "opposes", BLOCKADE, refinement="condemns", evidence=_sentence(TEXT.index("Veloria c")))
NOT_VISITS = _fact(REYES, "visits", VELORIA, modality=Modality.NEGATED)


def _extraction(article_id: str = "art-1", facts: tuple[Fact, ...] | None = None) -> Extraction:
    article = Article(
        id=article_id,
        text=TEXT,
        date=dt.date(2031, 5, 6),
        title="Olsen and Reyes meet",
        url="https://news.example/olsen-reyes",
        source="Example Wire",
    )
    if facts is None:
        facts = (LEADER, MEETS, ATTENDS, HELD_IN, HOLDS, SAID, CONDEMNS, NOT_VISITS)
    entities = (OLSEN, REYES, VELORIA, PORT, SUMMIT, MINISTER, QUOTE, BLOCKADE)
    return Extraction(article=article, entities=entities, facts=facts)


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return load_shapes()


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return load_ontology()


@pytest.fixture
def graph() -> Graph:
    return extraction_to_graph(_extraction())


def test_mapped_extraction_conforms(graph: Graph, shapes: Graph, ontology: Graph) -> None:
    report = validate_graph(graph, shapes=shapes, ontology=ontology)
    assert report.violations == ()
    assert report.conforms
    assert report.text == "conforms: 0 violations, 0 warnings"


def test_loads_shapes_and_ontology_when_not_given(graph: Graph) -> None:
    assert validate_graph(graph).conforms


def _in_article(fact: Fact, article_id: str) -> Fact:
    return replace(fact, evidence=replace(fact.evidence, article_id=article_id))


def test_union_of_article_graphs_conforms(shapes: Graph, ontology: Graph) -> None:
    second = tuple(_in_article(f, "art-2") for f in (SAID, HELD_IN))
    dataset = extractions_to_dataset([_extraction("art-1"), _extraction("art-2", facts=second)])
    assert validate_graph(dataset, shapes=shapes, ontology=ontology).conforms


def test_union_of_graphs_is_validated_not_just_the_default_graph(shapes: Graph, ontology: Graph) -> None:
    second = tuple(_in_article(f, "art-2") for f in (SAID, HELD_IN))
    dataset = extractions_to_dataset([_extraction("art-1"), _extraction("art-2", facts=second)])
    dataset.graph(URIRef("https://w3id.org/kgbuild/graph/art-2")).remove((entity_iri(PORT.key), RDFS.label, None))
    dataset.graph(URIRef("https://w3id.org/kgbuild/graph/art-1")).remove((entity_iri(PORT.key), RDFS.label, None))
    report = validate_graph(dataset, shapes=shapes, ontology=ontology)
    assert not report.conforms
    assert str(entity_iri(PORT.key)) in {v.focus_node for v in report.violations}


def test_validation_leaves_the_graph_alone(graph: Graph, shapes: Graph, ontology: Graph) -> None:
    before = Graph()
    for triple in graph:
        before.add(triple)
    validate_graph(graph, shapes=shapes, ontology=ontology)
    assert isomorphic(graph, before)


def _replace(graph: Graph, subject: URIRef, predicate: URIRef, new_object) -> None:
    graph.remove((subject, predicate, None))
    graph.add((subject, predicate, new_object))


def _drop_label(g: Graph) -> URIRef:
    node = entity_iri(REYES.key)
    g.remove((node, RDFS.label, None))
    return node


def _blank_label(g: Graph) -> URIRef:
    node = entity_iri(BLOCKADE.key)
    _replace(g, node, RDFS.label, Literal("  "))
    return node


def _bad_modality(g: Graph) -> URIRef:
    node = fact_iri(LEADER)
    _replace(g, node, DIP.modality, DIP.Person)
    return node


def _confidence_too_high(g: Graph) -> URIRef:
    node = fact_iri(MEETS)
    _replace(g, node, DIP.confidence, Literal(Decimal("2.0")))
    return node


def _confidence_not_decimal(g: Graph) -> URIRef:
    node = fact_iri(MEETS)
    _replace(g, node, DIP.confidence, Literal("high"))
    return node


def _said_object_not_statement(g: Graph) -> URIRef:
    _replace(g, entity_iri(QUOTE.key), RDF.type, DIP.Topic)
    return entity_iri(OLSEN.key)


def _start_after_end(g: Graph) -> URIRef:
    node = fact_iri(HOLDS)
    _replace(g, node, DIP.charStart, Literal(500))
    return node


def _negative_offset(g: Graph) -> URIRef:
    node = fact_iri(HOLDS)
    _replace(g, node, DIP.charStart, Literal(-1))
    return node


def _relation_not_core(g: Graph) -> URIRef:
    node = fact_iri(CONDEMNS)
    _replace(g, node, DIP.factRelation, DIP.condemns)
    return node


def _refinement_under_wrong_relation(g: Graph) -> URIRef:
    node = fact_iri(CONDEMNS)
    _replace(g, node, DIP.factProperty, DIP.praises)
    return node


def _two_subjects(g: Graph) -> URIRef:
    node = fact_iri(SAID)
    g.add((node, DIP.factSubject, entity_iri(REYES.key)))
    return node


def _missing_rule(g: Graph) -> URIRef:
    node = fact_iri(NOT_VISITS)
    g.remove((node, DIP.rule, None))
    return node


def _subject_without_label(g: Graph) -> URIRef:
    node = fact_iri(SAID)
    _replace(g, node, DIP.factSubject, URIRef("https://w3id.org/kgbuild/id/person/nobody"))
    return node


def _leader_not_person(g: Graph) -> URIRef:
    g.add((entity_iri(VELORIA.key), DIP.leaderOf, entity_iri(VELORIA.key)))
    return entity_iri(VELORIA.key)


def _held_in_a_person(g: Graph) -> URIRef:
    g.add((entity_iri(SUMMIT.key), DIP.heldIn, entity_iri(REYES.key)))
    return entity_iri(SUMMIT.key)


def _article_without_id(g: Graph) -> URIRef:
    node = article_iri("art-1")
    g.remove((node, DIP.articleId, None))
    return node


def _event_date_not_a_date(g: Graph) -> URIRef:
    node = entity_iri(SUMMIT.key)
    _replace(g, node, DIP.endDate, Literal("next week"))
    return node


def _event_ends_before_it_starts(g: Graph) -> URIRef:
    node = entity_iri(SUMMIT.key)
    _replace(g, node, DIP.endDate, Literal(dt.date(2031, 5, 1)))
    return node


BREAKAGES: dict[str, tuple[Callable[[Graph], URIRef], URIRef | None]] = {
    "label removed": (_drop_label, RDFS.label),
    "blank label": (_blank_label, RDFS.label),
    "bad modality": (_bad_modality, DIP.modality),
    "confidence 2.0": (_confidence_too_high, DIP.confidence),
    "confidence not a decimal": (_confidence_not_decimal, DIP.confidence),
    "said object not a statement": (_said_object_not_statement, DIP.said),
    "charStart after charEnd": (_start_after_end, DIP.charStart),
    "negative offset": (_negative_offset, DIP.charStart),
    "relation not core": (_relation_not_core, DIP.factRelation),
    "refinement under wrong relation": (_refinement_under_wrong_relation, None),
    "two subjects": (_two_subjects, DIP.factSubject),
    "missing rule": (_missing_rule, DIP.rule),
    "subject without label": (_subject_without_label, DIP.factSubject),
    "leader not a person": (_leader_not_person, None),
    "held in a person": (_held_in_a_person, DIP.heldIn),
    "article without id": (_article_without_id, DIP.articleId),
    "event date not a date": (_event_date_not_a_date, DIP.endDate),
    "event ends before it starts": (_event_ends_before_it_starts, DIP.startDate),
}


@pytest.mark.parametrize("name", sorted(BREAKAGES))
def test_broken_graph_names_the_focus_node(graph: Graph, shapes: Graph, ontology: Graph, name: str) -> None:
    breakage, path = BREAKAGES[name]
    focus = breakage(graph)
    report = validate_graph(graph, shapes=shapes, ontology=ontology)
    assert not report.conforms
    matching = [v for v in report.errors if v.focus_node == str(focus)]
    assert matching, report.text
    if path is not None:
        assert str(path) in {v.path for v in matching}, report.text
    assert all(v.message for v in matching)
    assert len(set(report.violations)) == len(report.violations)
    assert str(focus) in report.text


def test_said_violation_names_the_bad_object(graph: Graph, shapes: Graph, ontology: Graph) -> None:
    _said_object_not_statement(graph)
    report = validate_graph(graph, shapes=shapes, ontology=ontology)
    (said,) = [v for v in report.errors if v.path == str(DIP.said)]
    assert said.value == str(entity_iri(QUOTE.key))
    assert "dip:Statement" in said.message


def test_implausible_fact_is_a_warning_only(shapes: Graph, ontology: Graph) -> None:
    attends_country = _fact(OLSEN, "attends", VELORIA)
    graph = extraction_to_graph(_extraction(facts=(attends_country,)))
    report = validate_graph(graph, shapes=shapes, ontology=ontology)
    assert report.conforms
    assert report.errors == ()
    (warning,) = report.violations
    assert warning.severity == "Warning"
    assert warning.focus_node == str(entity_iri(OLSEN.key))
    assert warning.path == f"{DIP.attends} | {DIP.hosts}"
    assert "0 violations, 1 warnings" in report.text


def test_report_text_lists_each_result() -> None:
    report = ValidationReport(
        conforms=False,
        violations=(Violation("https://x.example/a", "https://x.example/p", "is wrong", "Violation", "3"),),
    )
    assert report.text.splitlines() == [
        "does not conform: 1 violations, 0 warnings",
        "Violation: <https://x.example/a> https://x.example/p: is wrong (value 3)",
    ]

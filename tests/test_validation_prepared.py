"""Validation with the prepared shapes and ontology (indexed graphs, the ontology's axioms worked out once)
gives exactly what pySHACL gives when it mixes the whole ontology into the data graph itself."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from extraction import entity
from pyshacl import validate
from rdflib import RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.compare import isomorphic
from rdflib.namespace import SH

from kgbuild.facts import Article, EntityKind, Evidence, Extraction, Fact, Modality
from kgbuild.mapping import entity_iri, extraction_to_graph, extractions_to_dataset, fact_iri
from kgbuild.namespace import DIP
from kgbuild.resources import ontology_path
from kgbuild.validation import _violations, load_ontology, load_shapes, validate_graph

XSD_DECIMAL = URIRef("http://www.w3.org/2001/XMLSchema#decimal")
TEXT = (
    "Chancellor Ilse Varga of Norland hosted Premier Joon Park in Eastport on Friday. "
    "Varga will attend the Tidewater Forum next month. "
    '"Trade must stay open," Park said. Norland criticised the tariff plan.'
)


VARGA = entity(EntityKind.PERSON, "Ilse Varga", alt_labels=("Varga",))
PARK = entity(EntityKind.PERSON, "Joon Park")
NORLAND = entity(EntityKind.COUNTRY, "Norland")
EASTPORT = entity(EntityKind.PLACE, "Eastport")
FORUM = entity(EntityKind.EVENT, "Tidewater Forum", event_type="Conference", start=dt.date(2032, 3, 1))
CHANCELLOR = entity(EntityKind.POSITION, "Chancellor of Norland", country=NORLAND.key)
QUOTE = entity(EntityKind.STATEMENT, "Trade must stay open")
TARIFFS = entity(EntityKind.TOPIC, "the tariff plan")


def _evidence(start: int) -> Evidence:
    end = TEXT.index(".", start) + 1
    return Evidence("varga-1", TEXT[start:end], start, end, "hand-built", 0.8)


FACTS = (
    Fact(VARGA.key, "holdsPosition", CHANCELLOR.key, evidence=_evidence(0), modality=Modality.ASSERTED),
    Fact(VARGA.key, "meets", PARK.key, evidence=_evidence(0), modality=Modality.ASSERTED, refinement="talksWith"),
    Fact(VARGA.key, "attends", FORUM.key, evidence=_evidence(TEXT.index("Varga will")), modality=Modality.PLANNED),
    Fact(PARK.key, "said", QUOTE.key, evidence=_evidence(TEXT.index('"Trade')), modality=Modality.ASSERTED),
    Fact(NORLAND.key, "opposes", TARIFFS.key, evidence=_evidence(TEXT.index("Norland c")),
         modality=Modality.ASSERTED, refinement="criticises"),
    Fact(PARK.key, "visits", EASTPORT.key, evidence=_evidence(0), modality=Modality.HYPOTHETICAL),
)


def _extraction(article_id: str = "varga-1") -> Extraction:
    article = Article(id=article_id, text=TEXT, date=dt.date(2032, 2, 6), title="Varga hosts Park")
    entities = (VARGA, PARK, NORLAND, EASTPORT, FORUM, CHANCELLOR, QUOTE, TARIFFS)
    return Extraction(article=article, entities=entities, facts=FACTS)


@pytest.fixture(scope="module")
def prepared() -> tuple[Graph, Graph]:
    return load_shapes(), load_ontology()


@pytest.fixture(scope="module")
def plain() -> tuple[Graph, Graph]:
    """The shipped files parsed into plain rdflib graphs, as pySHACL gets them when nothing is prepared."""
    return (Graph().parse(ontology_path("shapes.ttl"), format="turtle"),
            Graph().parse(ontology_path("diplomacy.ttl"), format="turtle"))


def _pyshacl_itself(graph: Graph, shapes: Graph, ontology: Graph):
    """The results pySHACL gives mixing the whole ontology into a copy of ``graph`` (what kgbuild did before)."""
    copy = Graph()
    for s, p, o in graph:
        copy.add((s, p, Literal(str(o), lang=o.language, datatype=o.datatype) if isinstance(o, Literal) else o))
    conforms, report, _ = validate(copy, shacl_graph=shapes, ont_graph=ontology, inference="none", inplace=True,
                                   allow_warnings=True, allow_infos=True)
    return bool(conforms), _violations(report)


def _broken(name: str) -> Graph:
    """The article's graph with one thing wrong (several kinds of fault, warnings among them)."""
    graph = extraction_to_graph(_extraction())
    said, criticises = fact_iri(FACTS[3]), fact_iri(FACTS[4])
    if name == "label removed":
        graph.remove((entity_iri(PARK.key), RDFS.label, None))
    elif name == "refinement under the wrong relation":
        graph.set((criticises, DIP.factProperty, DIP.welcomes))
    elif name == "said object is a topic":
        graph.set((entity_iri(QUOTE.key), RDF.type, DIP.Topic))
    elif name == "confidence as a float value":
        graph.set((said, DIP.confidence, Literal(0.5, datatype=XSD_DECIMAL)))  # checked as "0.5": conforms
    elif name == "confidence out of range":
        graph.set((said, DIP.confidence, Literal(Decimal("1.5"))))
    elif name == "attends a country (warning)":
        graph.add((entity_iri(VARGA.key), DIP.attends, entity_iri(NORLAND.key)))
    elif name == "blank node value with a language-tagged label":
        value = BNode()
        graph.add((entity_iri(FORUM.key), DIP.heldIn, value))
        graph.add((value, RDFS.label, Literal("Hafen", lang="de")))
    elif name != "intact":
        raise ValueError(name)
    return graph


#: Each case, and whether it has any result.
CASES = {"intact": False, "label removed": True, "refinement under the wrong relation": True,
         "said object is a topic": True, "confidence as a float value": False, "confidence out of range": True,
         "attends a country (warning)": True, "blank node value with a language-tagged label": True}


@pytest.mark.parametrize("name", sorted(CASES))
def test_same_results_as_pyshacl_mixing_the_whole_ontology(prepared, plain, name):
    graph = _broken(name)
    expected_conforms, expected = _pyshacl_itself(graph, *plain)
    report = validate_graph(graph, shapes=prepared[0], ontology=prepared[1])
    assert (report.conforms, report.violations) == (expected_conforms, expected)
    assert validate_graph(graph, shapes=plain[0], ontology=plain[1]) == report  # plain graphs: prepared per call
    assert bool(report.violations) == CASES[name]


def test_same_results_without_the_shapes_messages(prepared, plain):
    """With no sh:message, pySHACL writes its own messages, naming nodes with the prefixes of the graphs."""
    bare = Graph()
    for prefix, namespace in plain[0].namespaces():
        bare.bind(prefix, namespace)
    for triple in plain[0]:
        if triple[1] != SH.message:
            bare.add(triple)
    for name in ("label removed", "said object is a topic", "blank node value with a language-tagged label"):
        graph = _broken(name)
        assert validate_graph(graph, shapes=bare, ontology=prepared[1]).violations == _pyshacl_itself(graph, bare, plain[1])[1]


def test_union_of_graphs_as_pyshacl_gives_it(prepared, plain):
    dataset = extractions_to_dataset([_extraction("varga-1"), _extraction("varga-2")])
    union = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    union.remove((entity_iri(EASTPORT.key), RDFS.label, None))
    dataset.remove((entity_iri(EASTPORT.key), RDFS.label, None, None))
    report = validate_graph(dataset, shapes=prepared[0], ontology=prepared[1])
    assert (report.conforms, report.violations) == _pyshacl_itself(union, *plain)
    assert not report.conforms


def test_prepared_graphs_answer_every_lookup_as_a_plain_graph(prepared, plain):
    for fast, parsed in zip(prepared, plain):
        assert isomorphic(fast, parsed)
        slow = Graph()  # the same triples, blank nodes and all, in rdflib's own store
        for triple in fast:
            slow.add(triple)
        subjects = sorted(set(slow.subjects()), key=str)[:60]
        predicates = sorted(set(slow.predicates()), key=str)
        for s in subjects:
            assert sorted(fast.predicate_objects(s)) == sorted(slow.predicate_objects(s))
            assert sorted(fast.triples((s, None, None))) == sorted(slow.triples((s, None, None)))
            for p in predicates:
                assert sorted(fast.objects(s, p)) == sorted(slow.objects(s, p))
                assert fast.value(s, p) in set(slow.objects(s, p)) | {None}
        for p in predicates:
            assert sorted(fast.subject_objects(p)) == sorted(slow.subject_objects(p))
            for o in list(slow.objects(None, p))[:5]:
                assert sorted(fast.subjects(p, o)) == sorted(slow.subjects(p, o))
    shapes = prepared[0]
    fact_shape = URIRef("https://w3id.org/kgbuild/shapes#FactShape")
    relation = next(p for p in shapes.objects(fact_shape, SH.property) if shapes.value(p, SH.path) == DIP.factRelation)
    assert DIP.said in list(Collection(shapes, shapes.value(relation, SH["in"])))


def test_a_prepared_graph_written_to_is_read_afresh():
    shapes = load_shapes()
    graph = extraction_to_graph(_extraction())
    assert validate_graph(graph, shapes=shapes).conforms
    # a shape added after loading (and so after the index was made) is checked
    shape = URIRef("https://example.org/shapes#NeedsIso")
    rule = BNode()
    shapes.add((shape, RDF.type, SH.NodeShape))
    shapes.add((shape, SH.targetClass, DIP.Country))
    shapes.add((shape, SH.property, rule))
    shapes.add((rule, SH.path, DIP.isoCode))
    shapes.add((rule, SH.minCount, Literal(1)))
    report = validate_graph(graph, shapes=shapes)
    assert not report.conforms
    assert [v.focus_node for v in report.errors] == [str(entity_iri(NORLAND.key))]
    shapes.remove((shape, None, None))
    assert validate_graph(graph, shapes=shapes).conforms


def test_an_ontology_written_to_gives_its_new_hierarchy():
    ontology = load_ontology()
    graph = extraction_to_graph(_extraction())
    criticises = fact_iri(FACTS[4])
    graph.set((criticises, DIP.factProperty, DIP.welcomes))
    assert not validate_graph(graph, ontology=ontology).conforms  # welcomes refines supports, not opposes
    ontology.set((DIP.welcomes, RDFS.subPropertyOf, DIP.opposes))  # (a remove and an add)
    assert validate_graph(graph, ontology=ontology).conforms

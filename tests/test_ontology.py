"""The ontology, the shapes and ``kgbuild.namespace.DIP`` stay in step."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, SH

import kgbuild
from kgbuild.facts import CORE_RELATIONS, Modality
from kgbuild.mapping import EVENT_CLASSES, KIND_CLASSES
from kgbuild.namespace import DIP, ONTOLOGY_IRI
from kgbuild.resources import ontology_path

NS = str(DIP._NS)
PACKAGE_DIR = Path(kgbuild.__file__).parent
WIKIDATA_PREFIXES = ("http://www.wikidata.org/entity/", "http://www.wikidata.org/prop/")

CORE = (
    "attends", "hosts", "heldIn", "meets", "visits", "leaderOf", "holdsPosition",
    "citizenOf", "memberOf", "partnerOf", "supports", "opposes", "cooperatesWith", "said",
)  # fmt: skip
FINER = {
    "condemns": "opposes",
    "criticises": "opposes",
    "sanctions": "opposes",
    "threatens": "opposes",
    "rejects": "opposes",
    "welcomes": "supports",
    "praises": "supports",
    "aids": "supports",
    "alliedWith": "cooperatesWith",
    "agreesWith": "cooperatesWith",
    "signsWith": "cooperatesWith",
    "talksWith": "meets",
}


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ontology_path("diplomacy.ttl"), format="turtle")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(ontology_path("shapes.ttl"), format="turtle")


def dip_names() -> set[str]:
    """The terms ``DIP`` declares (its annotations)."""
    return {name for name in DIP.__annotations__ if not name.startswith("_")}


def names_used_in_code() -> set[str]:
    """Every ``DIP.name`` / ``DIP["name"]`` written in the package, plus the
    names the code builds at run time from relations and modalities."""
    pattern = re.compile(r"""\bDIP(?:\.([A-Za-z_]\w*)|\[\s*["']([^"']+)["']\s*\])""")
    used: set[str] = set()
    for source in PACKAGE_DIR.rglob("*.py"):
        for match in pattern.finditer(source.read_text(encoding="utf-8")):
            used.add(match.group(1) or match.group(2))
    used.discard("_NS")
    # mapping.py writes DIP[fact.relation] and DIP[fact.modality.value]
    return used | set(CORE_RELATIONS) | {m.value for m in Modality}


def defined_dip_terms(graph: Graph) -> set[str]:
    """Local names of the dip: IRIs the ontology gives a type to."""
    return {
        str(s)[len(NS) :]
        for s in graph.subjects(RDF.type, None)
        if isinstance(s, URIRef) and str(s).startswith(NS)
    }


def test_ontology_header(ontology: Graph) -> None:
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(ONTOLOGY_IRI, OWL.versionInfo) == Literal("0.1.0")
    assert ontology.value(ONTOLOGY_IRI, OWL.versionIRI) is not None
    for prop in (DCTERMS.title, DCTERMS.description, DCTERMS.license):
        assert ontology.value(ONTOLOGY_IRI, prop) is not None, prop


def test_code_scan_finds_the_terms_mapping_uses() -> None:
    # Guards the regular expression: if it stopped matching, the next test would pass vacuously.
    used = names_used_in_code()
    assert {"Fact", "factSubject", "confidence", "textHash", "startDate"} <= used


@pytest.mark.parametrize("name", sorted(dip_names() | names_used_in_code()))
def test_term_is_defined_with_label_and_comment(ontology: Graph, name: str) -> None:
    term = URIRef(NS + name)
    assert (term, RDF.type, None) in ontology, f"dip:{name} is not defined in diplomacy.ttl"
    assert ontology.value(term, RDFS.label) is not None, f"dip:{name} has no rdfs:label"
    assert ontology.value(term, RDFS.comment) is not None, f"dip:{name} has no rdfs:comment"


def test_names_used_in_code_are_in_dip() -> None:
    assert names_used_in_code() <= dip_names()


def test_every_ontology_term_is_in_dip(ontology: Graph) -> None:
    assert defined_dip_terms(ontology) == dip_names()


def test_core_properties(ontology: Graph) -> None:
    assert CORE_RELATIONS == CORE
    for name in CORE:
        assert (DIP[name], RDF.type, OWL.ObjectProperty) in ontology, name
        assert ontology.value(DIP[name], RDFS.subPropertyOf) not in {DIP[c] for c in CORE}


def test_symmetric_properties(ontology: Graph) -> None:
    symmetric = {
        str(s)[len(NS) :] for s in ontology.subjects(RDF.type, OWL.SymmetricProperty)
    }
    assert {"meets", "cooperatesWith"} <= symmetric
    assert symmetric <= {"meets", "cooperatesWith", "alliedWith", "signsWith", "talksWith"}


def test_finer_properties_refine_a_core_property(ontology: Graph) -> None:
    for finer, core in FINER.items():
        assert (DIP[finer], RDFS.subPropertyOf, DIP[core]) in ontology, finer
    # and nothing else in dip: is a sub-property of a dip: property
    refining = {
        str(s)[len(NS) :]
        for s, o in ontology.subject_objects(RDFS.subPropertyOf)
        if str(s).startswith(NS) and str(o).startswith(NS)
    }
    assert refining == set(FINER)


def test_modalities_are_individuals(ontology: Graph) -> None:
    individuals = set(ontology.subjects(RDF.type, DIP.Modality))
    assert individuals == {DIP[m.value] for m in Modality}


def test_class_hierarchy(ontology: Graph) -> None:
    def parents(cls: URIRef) -> set:
        return set(ontology.objects(cls, RDFS.subClassOf))

    for agent in (DIP.Person, DIP.Country, DIP.Organisation):
        assert DIP.Agent in parents(agent)
    assert DIP.Organisation in parents(DIP.InternationalOrganisation)
    for event in EVENT_CLASSES.values():
        assert DIP.Event in parents(event)
    assert DIP.Place not in parents(DIP.Country)


def test_mapping_classes_are_owl_classes(ontology: Graph) -> None:
    for cls in [*KIND_CLASSES.values(), *EVENT_CLASSES.values(), DIP.Article, DIP.Fact]:
        assert (cls, RDF.type, OWL.Class) in ontology, cls


def test_wikidata_is_matched_with_skos_only(ontology: Graph) -> None:
    # Wikidata items and properties are not OWL terms: no logical axioms about them.
    logical = (RDFS.subClassOf, RDFS.subPropertyOf, OWL.equivalentClass, OWL.equivalentProperty, OWL.inverseOf)
    for prop in logical:
        for target in ontology.objects(None, prop):
            assert not str(target).startswith(WIKIDATA_PREFIXES), (prop, target)


def test_shapes_parse_and_refer_only_to_defined_terms(ontology: Graph, shapes: Graph) -> None:
    assert len(list(shapes.subjects(RDF.type, SH.NodeShape))) >= 5
    defined = defined_dip_terms(ontology)
    referenced = {
        str(term)[len(NS) :]
        for triple in shapes
        for term in triple
        if isinstance(term, URIRef) and str(term).startswith(NS)
    }
    assert referenced
    assert referenced <= defined

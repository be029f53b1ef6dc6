"""Facts to RDF: IRI minting and the shape of an article's named graph.

Every article becomes one named graph holding

* the article node (``dip:Article``: id, date, title, url, source, text hash);
* each entity it mentions (type, ``rdfs:label``, ``skos:altLabel`` per surface
  form, event dates, position country, Wikidata match);
* each fact as a ``dip:Fact`` node carrying its evidence and modality;
* the direct triple (``:kishida dip:attends :nato-summit-...``) for asserted,
  planned and reported facts only; a refined fact also gets its finer
  property (``dip:condemns`` beside ``dip:opposes``).

IRIs are minted from content only, so the same input always gives the same
graph and the same entity in two articles gets one IRI.
"""

from __future__ import annotations

import hashlib
from decimal import Decimal
from urllib.parse import quote

from rdflib import RDF, RDFS, XSD, Dataset, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from .facts import Article, Entity, EntityKind, Extraction, Fact
from .namekeys import name_keys
from .namespace import DIP, GRAPH, ID

__all__ = [
    "KIND_CLASSES",
    "article_graph_iri",
    "article_iri",
    "entity_iri",
    "extraction_to_graph",
    "extractions_to_dataset",
    "fact_iri",
]

WIKIDATA = "http://www.wikidata.org/entity/"

#: The ontology class of each entity kind.
KIND_CLASSES: dict[EntityKind, URIRef] = {
    EntityKind.PERSON: DIP.Person,
    EntityKind.COUNTRY: DIP.Country,
    EntityKind.ORGANISATION: DIP.Organisation,
    EntityKind.INTERNATIONAL_ORGANISATION: DIP.InternationalOrganisation,
    EntityKind.PLACE: DIP.Place,
    EntityKind.POSITION: DIP.Position,
    EntityKind.EVENT: DIP.Event,
    EntityKind.STATEMENT: DIP.Statement,
    EntityKind.TOPIC: DIP.Topic,
}

#: Event types the ontology names as subclasses of ``dip:Event``.
EVENT_CLASSES: dict[str, URIRef] = {
    "Summit": DIP.Summit,
    "Meeting": DIP.Meeting,
    "Visit": DIP.Visit,
    "Conference": DIP.Conference,
    "Exercise": DIP.Exercise,
}


def _segment(text: str) -> str:
    """Percent-encode ``text`` so that it is one valid IRI path segment, whatever it holds.

    Every character but ASCII letters, digits and ``-._~`` is encoded as its
    UTF-8 bytes (a lone surrogate as the bytes it would take), so two texts
    never give the same segment. ``.`` and ``..`` are encoded too: as they
    are, resolving or normalising the IRI would remove them.

    >>> _segment("a b#c/<d>é"), _segment(".."), _segment("")
    ('a%20b%23c%2F%3Cd%3E%C3%A9', '%2E%2E', '')
    """
    if text and text.strip(".") == "":
        return "%2E" * len(text)
    return quote(text.encode("utf-8", "surrogatepass"), safe="-._~")


def entity_iri(key: str) -> URIRef:
    """The IRI of the entity with ``key`` (``kind/slug``).

    >>> str(entity_iri("person/fumio-kishida"))
    'https://w3id.org/kgbuild/id/person/fumio-kishida'
    """
    kind, _, slug = key.partition("/")
    return ID[f"{_segment(kind)}/{_segment(slug)}"]


def article_iri(article_id: str) -> URIRef:
    """The IRI of the article node."""
    return ID[f"article/{_segment(article_id)}"]


def article_graph_iri(article_id: str) -> URIRef:
    """The IRI of the named graph that holds everything built from one article."""
    return GRAPH[_segment(article_id)]


def fact_iri(fact: Fact) -> URIRef:
    """A content-derived IRI for a fact node (same fact, same evidence, same IRI)."""
    ev = fact.evidence
    content = "\x1f".join(
        (ev.article_id, fact.subject, fact.relation, fact.object, str(ev.start), ev.rule)
    )
    return ID[f"fact/{hashlib.sha1(content.encode('utf-8')).hexdigest()[:20]}"]


def text_hash(text: str) -> str:
    """The SHA-256 of an article's text, stored to detect changed articles."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def extraction_to_graph(extraction: Extraction) -> Graph:
    """The named graph (an rdflib ``Graph`` with the article graph IRI) of one extraction."""
    article = extraction.article
    graph = Graph(identifier=article_graph_iri(article.id))
    _add_article(graph, article)
    for entity in extraction.entities:
        _add_entity(graph, entity)
    for fact in extraction.facts:
        _add_fact(graph, fact, article)
    return graph


def extractions_to_dataset(extractions) -> Dataset:
    """A ``Dataset`` with one named graph per extraction."""
    dataset = Dataset()
    for extraction in extractions:
        target = dataset.graph(article_graph_iri(extraction.article.id))
        for triple in extraction_to_graph(extraction):
            target.add(triple)
    return dataset


def _add_article(graph: Graph, article: Article) -> None:
    node = article_iri(article.id)
    graph.add((node, RDF.type, DIP.Article))
    graph.add((node, DIP.articleId, Literal(article.id)))
    graph.add((node, DIP.textHash, Literal(text_hash(article.text))))
    if article.date is not None:
        graph.add((node, DIP.published, Literal(article.date.isoformat(), datatype=XSD.date)))
    if article.title:
        graph.add((node, DIP.title, Literal(article.title)))
    if article.url:
        graph.add((node, DIP.url, Literal(article.url, datatype=XSD.anyURI)))
    if article.source:
        graph.add((node, DIP.source, Literal(article.source)))


def _add_entity(graph: Graph, entity: Entity) -> None:
    node = entity_iri(entity.key)
    graph.add((node, RDF.type, KIND_CLASSES[entity.kind]))
    graph.add((node, RDFS.label, Literal(entity.label)))
    for alt in entity.alt_labels:
        if alt != entity.label:
            graph.add((node, SKOS.altLabel, Literal(alt)))
    if entity.kind is not EntityKind.STATEMENT:  # a statement's words are not a name
        for key in dict.fromkeys(k for name in (entity.label, *entity.alt_labels) for k in name_keys(name)):
            graph.add((node, DIP.nameKey, Literal(key)))
    if entity.kind is EntityKind.EVENT and entity.event_type in EVENT_CLASSES:
        graph.add((node, RDF.type, EVENT_CLASSES[entity.event_type]))
    if entity.kind is EntityKind.STATEMENT:
        graph.add((node, DIP.text, Literal(entity.label)))
    if entity.start is not None:
        graph.add((node, DIP.startDate, Literal(entity.start.isoformat(), datatype=XSD.date)))
    if entity.end is not None:
        graph.add((node, DIP.endDate, Literal(entity.end.isoformat(), datatype=XSD.date)))
    if entity.country is not None and entity.kind is EntityKind.POSITION:
        graph.add((node, DIP.positionOf, entity_iri(entity.country)))
    if entity.wikidata:
        graph.add((node, SKOS.exactMatch, URIRef(WIKIDATA + entity.wikidata)))


def _add_fact(graph: Graph, fact: Fact, article: Article) -> None:
    node = fact_iri(fact)
    subject, obj = entity_iri(fact.subject), entity_iri(fact.object)
    prop = DIP[fact.relation]
    ev = fact.evidence
    graph.add((node, RDF.type, DIP.Fact))
    graph.add((node, DIP.factSubject, subject))
    graph.add((node, DIP.factRelation, prop))
    graph.add((node, DIP.factObject, obj))
    graph.add((node, DIP.modality, DIP[fact.modality.value]))
    graph.add((node, DIP.confidence, Literal(Decimal(str(round(ev.confidence, 3))))))
    graph.add((node, DIP.rule, Literal(ev.rule)))
    graph.add((node, DIP.sentence, Literal(ev.sentence)))
    graph.add((node, DIP.charStart, Literal(ev.start)))
    graph.add((node, DIP.charEnd, Literal(ev.end)))
    graph.add((node, DIP.fromArticle, article_iri(article.id)))
    if fact.refinement:
        graph.add((node, DIP.factProperty, DIP[fact.refinement]))
    if fact.modality.is_positive:
        graph.add((subject, prop, obj))
        if fact.refinement:
            graph.add((subject, DIP[fact.refinement], obj))

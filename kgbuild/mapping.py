"""Facts to RDF: IRI minting and the shape of an article's named graph.

Every article becomes one named graph holding

* the article node (``dip:Article``: id, date, title, url, source, text hash);
* each entity it mentions (type, ``rdfs:label``, ``skos:altLabel`` per surface
  form, ``dip:nameKey`` per word of its names and ``dip:nameWords`` per name
  (its sorted words: see :mod:`kgbuild.namekeys`), event dates, position country,
  Wikidata match, and for an office holder the text does not name, the
  ``dip:leaderOf`` link that defines it);
* each fact as a ``dip:Fact`` node carrying its evidence and modality;
* the direct triple (``:kishida dip:attends :nato-summit-...``) for asserted,
  planned and reported facts only; a refined fact also gets its finer
  property (``dip:condemns`` beside ``dip:opposes``);
* for each entity the graph gives a role (``dip:holdsPosition``,
  ``dip:leaderOf`` or ``dip:citizenOf``), the labels of those roles as this
  graph states them: ``dip:positionLabel`` (each position it holds) and
  ``dip:countryLabel`` (each ``dip:Country`` it leads, is a citizen of or
  holds a position of). Nothing new: they repeat what the graph's other
  triples say, so that a query reads them in one lookup instead of a walk
  of three or four (see :func:`_role_label_triples`).

IRIs are minted from content only, so the same input always gives the same
graph and the same entity in two articles gets one IRI.

The shape is written once, in :func:`extraction_triples`, as plain terms (an
IRI is a ``str``, a literal a :class:`LiteralTerm`). Two things are made from
it: :func:`extraction_to_graph`, an rdflib ``Graph`` (for the API, validation
and tests), and :func:`extraction_to_nquads`, the N-Quads text a build writes
to the store without making any rdflib object, several times faster.

>>> from kgbuild.facts import Article
>>> quads = extraction_to_nquads(Extraction(article=Article(id="a1", text="Talks.")))
>>> quads.triples, quads.graph
(4, 'https://w3id.org/kgbuild/graph/a1')
>>> print(quads.data.decode().splitlines()[1])
<https://w3id.org/kgbuild/id/article/a1> <https://w3id.org/kgbuild/diplomacy#articleId> "a1" <https://w3id.org/kgbuild/graph/a1> .
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple
from urllib.parse import quote

from rdflib import RDF, RDFS, XSD, Dataset, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from .facts import Article, Entity, EntityKind, Extraction, Fact
from .namekeys import name_keys, spaced_words
from .namespace import DIP, GRAPH, ID

__all__ = [
    "ArticleNQuads",
    "KIND_CLASSES",
    "LiteralTerm",
    "GRAPH_FORMAT",
    "MappingError",
    "article_graph_iri",
    "article_iri",
    "entity_iri",
    "extraction_to_graph",
    "extraction_to_nquads",
    "extraction_triples",
    "extractions_to_dataset",
    "fact_iri",
    "nquads_iri",
    "nquads_literal",
    "text_hash",
]

WIKIDATA = "http://www.wikidata.org/entity/"

#: The version of the shape of an article's graph, stored on the article
#: (``dip:graphFormat``). A build rebuilds every article stored with another
#: version, even when its text has not changed, so that the named queries,
#: which read what the current mapping writes, find it in every graph. Bump it
#: whenever :func:`extraction_triples` writes other properties.
#: (2: ``dip:positionLabel`` and ``dip:countryLabel`` beside the roles;
#: 3: ``dip:nameWords`` per name.)
GRAPH_FORMAT = 3

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

# The terms the shape uses, as the plain strings extraction_triples yields.
_TYPE, _LABEL, _ALT_LABEL, _EXACT_MATCH = str(RDF.type), str(RDFS.label), str(SKOS.altLabel), str(SKOS.exactMatch)
_DATE, _ANY_URI, _DECIMAL, _INTEGER = str(XSD.date), str(XSD.anyURI), str(XSD.decimal), str(XSD.integer)
_STRING = str(XSD.string)
_ID, _GRAPH = str(ID), str(GRAPH)
_KIND_CLASSES = {kind: str(iri) for kind, iri in KIND_CLASSES.items()}
_EVENT_CLASSES = {name: str(iri) for name, iri in EVENT_CLASSES.items()}
_ARTICLE, _ARTICLE_ID, _TEXT_HASH, _PUBLISHED = str(DIP.Article), str(DIP.articleId), str(DIP.textHash), str(DIP.published)
_GRAPH_FORMAT = str(DIP.graphFormat)
_TITLE, _URL, _SOURCE = str(DIP.title), str(DIP.url), str(DIP.source)
_NAME_KEY, _NAME_WORDS, _TEXT, _START_DATE, _END_DATE, _POSITION_OF = (
    str(DIP.nameKey), str(DIP.nameWords), str(DIP.text), str(DIP.startDate), str(DIP.endDate), str(DIP.positionOf)
)
_LEADER_OF, _CITIZEN_OF, _HOLDS_POSITION = str(DIP.leaderOf), str(DIP.citizenOf), str(DIP.holdsPosition)
_POSITION_LABEL, _COUNTRY_LABEL = str(DIP.positionLabel), str(DIP.countryLabel)
_FACT, _FACT_SUBJECT, _FACT_RELATION, _FACT_OBJECT, _FACT_PROPERTY = (
    str(DIP.Fact), str(DIP.factSubject), str(DIP.factRelation), str(DIP.factObject), str(DIP.factProperty)
)
_MODALITY, _CONFIDENCE, _RULE, _SENTENCE = str(DIP.modality), str(DIP.confidence), str(DIP.rule), str(DIP.sentence)
_CHAR_START, _CHAR_END, _FROM_ARTICLE = str(DIP.charStart), str(DIP.charEnd), str(DIP.fromArticle)

# Characters an IRI may not hold in N-Quads (IRIREF).
_IRI_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|^`\\]')
# What _segment leaves as it is.
_UNRESERVED = re.compile(r"[A-Za-z0-9\-._~]*")


class MappingError(ValueError):
    """An extraction that cannot be written as RDF (an IRI that N-Quads cannot hold)."""


class LiteralTerm(NamedTuple):
    """A literal as :func:`extraction_triples` yields it: lexical form and datatype IRI (``None``: a plain string)."""

    lexical: str
    datatype: str | None = None


#: A term of :func:`extraction_triples`: an IRI (``str``) or a literal.
Term = str | LiteralTerm


@dataclass(frozen=True)
class ArticleNQuads:
    """One article's named graph as UTF-8 N-Quads: ``triples`` distinct lines in the graph ``graph``."""

    graph: str
    data: bytes
    triples: int


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
    if _UNRESERVED.fullmatch(text) is not None:  # nothing to encode (most slugs): skip quote's work
        return text
    return quote(text.encode("utf-8", "surrogatepass"), safe="-._~")


def _entity_iri(key: str) -> str:
    kind, _, slug = key.partition("/")
    return f"{_ID}{_segment(kind)}/{_segment(slug)}"


def _article_iri(article_id: str) -> str:
    return f"{_ID}article/{_segment(article_id)}"


def _article_graph_iri(article_id: str) -> str:
    return _GRAPH + _segment(article_id)


def _fact_iri(fact: Fact) -> str:
    ev = fact.evidence
    content = "\x1f".join(
        (ev.article_id, fact.subject, fact.relation, fact.object, str(ev.start), ev.rule)
    )
    return f"{_ID}fact/{hashlib.sha1(content.encode('utf-8')).hexdigest()[:20]}"


def entity_iri(key: str) -> URIRef:
    """The IRI of the entity with ``key`` (``kind/slug``).

    >>> str(entity_iri("person/fumio-kishida"))
    'https://w3id.org/kgbuild/id/person/fumio-kishida'
    """
    return URIRef(_entity_iri(key))


def article_iri(article_id: str) -> URIRef:
    """The IRI of the article node."""
    return URIRef(_article_iri(article_id))


def article_graph_iri(article_id: str) -> URIRef:
    """The IRI of the named graph that holds everything built from one article."""
    return URIRef(_article_graph_iri(article_id))


def fact_iri(fact: Fact) -> URIRef:
    """A content-derived IRI for a fact node (same fact, same evidence, same IRI)."""
    return URIRef(_fact_iri(fact))


def text_hash(text: str) -> str:
    """The SHA-256 of an article's text, stored to detect changed articles."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# --- the shape of an article's graph: one source for both outputs ---------------------------

def extraction_triples(extraction: Extraction) -> Iterator[tuple[str, str, Term]]:
    """The triples of an extraction's named graph, as plain terms, in a fixed order.

    Subjects and predicates are IRIs (``str``); an object is an IRI or a
    :class:`LiteralTerm`. A triple may come more than once (an entity listed
    twice): the graph holds it once.
    """
    article = extraction.article
    node = _article_iri(article.id)
    yield from _article_triples(node, article)
    iris: dict[str, str] = {}  # entity key -> IRI, minted once per extraction

    def iri_of(key: str) -> str:
        iri = iris.get(key)
        if iri is None:
            iri = iris[key] = _entity_iri(key)
        return iri

    for entity in extraction.entities:
        yield from _entity_triples(iri_of(entity.key), entity, iri_of)
    dip: dict[str, str] = {}  # local name -> ontology IRI; an unknown name raises here, as DIP[name] does

    def dip_of(name: str) -> str:
        iri = dip.get(name)
        if iri is None:
            iri = dip[name] = str(DIP[name])
        return iri

    triples: list[tuple[str, str, Term]] = []
    for fact in extraction.facts:
        triples.extend(_fact_triples(fact, node, iri_of, dip_of))
    yield from triples
    yield from _role_label_triples(extraction, iri_of, triples)


def _role_label_triples(
    extraction: Extraction, iri_of: Callable[[str], str], fact_triples: list[tuple[str, str, Term]]
) -> Iterator[tuple[str, str, Term]]:
    """``dip:positionLabel`` and ``dip:countryLabel`` of each entity the graph gives a role, read from the graph itself.

    For an entity ``A`` of the graph: each label (in this graph) of each
    position ``A dip:holdsPosition``; each label of each ``dip:Country`` of
    this graph that ``A`` is ``dip:leaderOf`` or ``dip:citizenOf``, or holds
    a position ``dip:positionOf``. Exactly what the SPARQL paths
    ``dip:holdsPosition/rdfs:label`` and
    ``(dip:leaderOf|dip:citizenOf|dip:holdsPosition/dip:positionOf)`` with a
    country's type and label give in this graph, so a query may read either.
    """
    labels: dict[str, list[str]] = {}
    countries: set[str] = set()
    position_of: dict[str, list[str]] = {}
    for entity in extraction.entities:
        iri = iri_of(entity.key)
        labels.setdefault(iri, []).append(entity.label)
        if entity.kind is EntityKind.COUNTRY:
            countries.add(iri)
        if entity.country is not None and entity.kind is EntityKind.POSITION:
            position_of.setdefault(iri, []).append(iri_of(entity.country))
    holds: dict[str, list[str]] = {}
    linked: dict[str, list[str]] = {}  # the entity -> what it leads or is a citizen of
    for entity in extraction.entities:
        if entity.leads is not None:
            linked.setdefault(iri_of(entity.key), []).append(iri_of(entity.leads))
    for subject, predicate, obj in fact_triples:
        if predicate == _HOLDS_POSITION:
            holds.setdefault(subject, []).append(obj)  # type: ignore[arg-type]
        elif predicate in (_LEADER_OF, _CITIZEN_OF):
            linked.setdefault(subject, []).append(obj)  # type: ignore[arg-type]
    for subject in dict.fromkeys((*holds, *linked)):
        positions = holds.get(subject, [])
        for position in positions:
            for label in labels.get(position, ()):
                yield subject, _POSITION_LABEL, LiteralTerm(label)
        for country in (*linked.get(subject, ()), *(c for p in positions for c in position_of.get(p, ()))):
            if country in countries:
                for label in labels[country]:
                    yield subject, _COUNTRY_LABEL, LiteralTerm(label)


def _article_triples(node: str, article: Article) -> Iterator[tuple[str, str, Term]]:
    yield node, _TYPE, _ARTICLE
    yield node, _ARTICLE_ID, LiteralTerm(article.id)
    yield node, _TEXT_HASH, LiteralTerm(text_hash(article.text))
    yield node, _GRAPH_FORMAT, LiteralTerm(str(GRAPH_FORMAT), _INTEGER)
    if article.date is not None:
        yield node, _PUBLISHED, LiteralTerm(article.date.isoformat(), _DATE)
    if article.title:
        yield node, _TITLE, LiteralTerm(article.title)
    if article.url:
        yield node, _URL, LiteralTerm(article.url, _ANY_URI)
    if article.source:
        yield node, _SOURCE, LiteralTerm(article.source)


def _entity_triples(node: str, entity: Entity, iri_of: Callable[[str], str]) -> Iterator[tuple[str, str, Term]]:
    yield node, _TYPE, _KIND_CLASSES[entity.kind]
    yield node, _LABEL, LiteralTerm(entity.label)
    for alt in entity.alt_labels:
        if alt != entity.label:
            yield node, _ALT_LABEL, LiteralTerm(alt)
    if entity.kind is not EntityKind.STATEMENT:  # a statement's words are not a name
        keyed = [name_keys(name) for name in (entity.label, *entity.alt_labels)]  # (each name's words, read once)
        for key in dict.fromkeys(k for keys in keyed for k in keys):
            yield node, _NAME_KEY, LiteralTerm(key)
        for words in dict.fromkeys(spaced_words(keys) for keys in keyed if keys):  # dip:nameWords: see namekeys.name_words
            yield node, _NAME_WORDS, LiteralTerm(words)
    if entity.kind is EntityKind.EVENT and entity.event_type in _EVENT_CLASSES:
        yield node, _TYPE, _EVENT_CLASSES[entity.event_type]
    if entity.kind is EntityKind.STATEMENT:
        yield node, _TEXT, LiteralTerm(entity.label)
    if entity.start is not None:
        yield node, _START_DATE, LiteralTerm(entity.start.isoformat(), _DATE)
    if entity.end is not None:
        yield node, _END_DATE, LiteralTerm(entity.end.isoformat(), _DATE)
    if entity.country is not None and entity.kind is EntityKind.POSITION:
        yield node, _POSITION_OF, iri_of(entity.country)
    if entity.leads is not None:
        yield node, _LEADER_OF, iri_of(entity.leads)
    if entity.wikidata:
        yield node, _EXACT_MATCH, WIKIDATA + entity.wikidata


def _fact_triples(
    fact: Fact, article_node: str, iri_of: Callable[[str], str], dip_of: Callable[[str], str]
) -> Iterator[tuple[str, str, Term]]:
    node = _fact_iri(fact)
    subject, obj = iri_of(fact.subject), iri_of(fact.object)
    prop = dip_of(fact.relation)
    ev = fact.evidence
    yield node, _TYPE, _FACT
    yield node, _FACT_SUBJECT, subject
    yield node, _FACT_RELATION, prop
    yield node, _FACT_OBJECT, obj
    yield node, _MODALITY, dip_of(fact.modality.value)
    yield node, _CONFIDENCE, LiteralTerm(_decimal(ev.confidence), _DECIMAL)
    yield node, _RULE, LiteralTerm(ev.rule)
    yield node, _SENTENCE, LiteralTerm(ev.sentence)
    yield node, _CHAR_START, LiteralTerm(_integer(ev.start), _INTEGER)
    yield node, _CHAR_END, LiteralTerm(_integer(ev.end), _INTEGER)
    yield node, _FROM_ARTICLE, article_node
    if fact.refinement:
        yield node, _FACT_PROPERTY, dip_of(fact.refinement)
    if fact.modality.is_positive:
        yield subject, prop, obj
        if fact.refinement:
            yield subject, dip_of(fact.refinement), obj


def _decimal(value: float) -> str:
    """A confidence as an ``xsd:decimal`` lexical form: rounded to 3 places, as rdflib writes a ``Decimal``.

    >>> _decimal(0.85), _decimal(1), _decimal(1e-05), _decimal(2e17), _decimal(float("inf"))
    ('0.85', '1', '0.0', '200000000000000000', 'Infinity')
    """
    text = str(round(value, 3))
    if "e" in text or "n" in text:  # exponent, inf or nan: Decimal spells them out
        return f"{Decimal(text):f}"
    return text


def _integer(value: int) -> str:
    """A character offset as an ``xsd:integer`` lexical form."""
    return str(int(value))


# --- the two outputs -------------------------------------------------------------------------

def extraction_to_graph(extraction: Extraction) -> Graph:
    """The named graph (an rdflib ``Graph`` with the article graph IRI) of one extraction."""
    graph = Graph(identifier=article_graph_iri(extraction.article.id))
    nodes: dict[Term, URIRef | Literal] = {}

    def node(term: Term) -> URIRef | Literal:
        made = nodes.get(term)
        if made is None:
            made = nodes[term] = _rdflib_term(term)
        return made

    graph.addN((node(s), node(p), node(o), graph) for s, p, o in extraction_triples(extraction))
    return graph


def extractions_to_dataset(extractions: Iterable[Extraction]) -> Dataset:
    """A ``Dataset`` with one named graph per extraction."""
    dataset = Dataset()
    for extraction in extractions:
        target = dataset.graph(article_graph_iri(extraction.article.id))
        for triple in extraction_to_graph(extraction):
            target.add(triple)
    return dataset


def extraction_to_nquads(extraction: Extraction) -> ArticleNQuads:
    """The named graph of one extraction as N-Quads, each triple once: the same triples as :func:`extraction_to_graph`.

    Raises :class:`MappingError` for an IRI N-Quads cannot hold (a
    malformed Wikidata id) and ``UnicodeEncodeError`` for a lone surrogate
    in a literal (which no RDF store takes).
    """
    graph = _article_graph_iri(extraction.article.id)
    tail = f" {nquads_iri(graph)} .\n"
    texts: dict[Term, str] = {}

    def text(term: Term) -> str:
        written = texts.get(term)
        if written is None:
            written = texts[term] = nquads_iri(term) if isinstance(term, str) else nquads_literal(*term)
        return written

    get = texts.get  # a written term is never empty: `get(t) or text(t)` writes each term once
    lines = dict.fromkeys(
        f"{get(s) or text(s)} {get(p) or text(p)} {get(o) or text(o)}{tail}" for s, p, o in extraction_triples(extraction)
    )
    return ArticleNQuads(graph=graph, data="".join(lines).encode("utf-8"), triples=len(lines))


def nquads_iri(iri: str) -> str:
    """An IRI as an N-Quads term; :class:`MappingError` if N-Quads cannot hold it.

    >>> nquads_iri("https://example.org/a%20b")
    '<https://example.org/a%20b>'
    """
    if _IRI_FORBIDDEN.search(iri) is not None or ":" not in iri:
        raise MappingError(f"cannot write the IRI <{iri}>: not an absolute IRI without spaces or <>\"{{}}|^`\\")
    return f"<{iri}>"


def nquads_literal(lexical: str, datatype: str | None = None, language: str | None = None) -> str:
    r"""A literal as an N-Quads term: quotes, backslashes and line breaks escaped, every other character as it is.

    A plain literal and an ``xsd:string`` one are the same term, written without a datatype.

    >>> print(nquads_literal('say "hi"\n'), nquads_literal("0.9", str(XSD.decimal)), nquads_literal("Lisboa", language="pt"))
    "say \"hi\"\n" "0.9"^^<http://www.w3.org/2001/XMLSchema#decimal> "Lisboa"@pt
    """
    escaped = lexical.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    if language:
        return f'"{escaped}"@{language}'
    if datatype is not None and datatype != _STRING:
        return f'"{escaped}"^^{nquads_iri(datatype)}'
    return f'"{escaped}"'


def _rdflib_term(term: Term) -> URIRef | Literal:
    if isinstance(term, str):
        return URIRef(term)
    return Literal(term.lexical, datatype=None if term.datatype is None else URIRef(term.datatype))

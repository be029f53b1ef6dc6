"""The diplomacy ontology as an rdflib ``DefinedNamespace``, and kgbuild's IRI bases.

A misspelt term fails where it is written (``_fail = True``); a test keeps
this class and ``ontology/diplomacy.ttl`` in step.
"""

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

__all__ = ["DIP", "ID", "GRAPH", "ONTOLOGY_IRI"]

ONTOLOGY_IRI = URIRef("https://w3id.org/kgbuild/diplomacy")

#: Instances (people, countries, events, facts...) are minted under this base.
ID = Namespace("https://w3id.org/kgbuild/id/")
#: One named graph per article, under this base.
GRAPH = Namespace("https://w3id.org/kgbuild/graph/")


class DIP(DefinedNamespace):
    """kgbuild diplomacy ontology, ``https://w3id.org/kgbuild/diplomacy#``."""

    _fail = True
    _NS = Namespace("https://w3id.org/kgbuild/diplomacy#")

    # Classes: agents and places
    Agent: URIRef
    Person: URIRef
    Country: URIRef
    Organisation: URIRef
    InternationalOrganisation: URIRef
    Place: URIRef
    Position: URIRef
    Topic: URIRef
    # Classes: events
    Event: URIRef
    Summit: URIRef
    Meeting: URIRef
    Visit: URIRef
    Conference: URIRef
    Exercise: URIRef
    # Classes: statements, articles, provenance
    Statement: URIRef
    Article: URIRef
    Fact: URIRef
    Modality: URIRef

    # Core properties (their local names are a public contract)
    attends: URIRef
    hosts: URIRef
    heldIn: URIRef
    meets: URIRef
    visits: URIRef
    leaderOf: URIRef
    holdsPosition: URIRef
    citizenOf: URIRef
    memberOf: URIRef
    partnerOf: URIRef
    supports: URIRef
    opposes: URIRef
    cooperatesWith: URIRef
    said: URIRef

    # Finer properties, each a sub-property of a core one
    condemns: URIRef
    criticises: URIRef
    sanctions: URIRef
    threatens: URIRef
    rejects: URIRef
    welcomes: URIRef
    praises: URIRef
    aids: URIRef
    alliedWith: URIRef
    agreesWith: URIRef
    signsWith: URIRef
    talksWith: URIRef

    # Entity and event attributes
    positionOf: URIRef
    isoCode: URIRef
    startDate: URIRef
    endDate: URIRef
    text: URIRef
    nameKey: URIRef
    nameWords: URIRef
    positionLabel: URIRef
    countryLabel: URIRef

    # Article attributes
    articleId: URIRef
    published: URIRef
    title: URIRef
    url: URIRef
    source: URIRef
    textHash: URIRef
    graphFormat: URIRef

    # Fact (evidence) attributes
    factSubject: URIRef
    factRelation: URIRef
    factProperty: URIRef
    factObject: URIRef
    modality: URIRef
    confidence: URIRef
    rule: URIRef
    sentence: URIRef
    charStart: URIRef
    charEnd: URIRef
    fromArticle: URIRef

    # Modality individuals
    asserted: URIRef
    planned: URIRef
    reported: URIRef
    negated: URIRef
    hypothetical: URIRef

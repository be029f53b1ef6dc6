"""The typed records that cross kgbuild's stages.

Reading produces :class:`Article`; extraction turns a parsed article into an
:class:`Extraction` (entities plus facts, each fact with its
:class:`Evidence`); mapping turns an :class:`Extraction` into RDF. This module
imports neither spaCy nor rdflib, so every stage can share it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from enum import Enum
from functools import lru_cache

__all__ = [
    "Article",
    "CORE_RELATIONS",
    "Entity",
    "EntityKind",
    "Evidence",
    "Extraction",
    "Fact",
    "Modality",
    "SYMMETRIC_RELATIONS",
    "entity_key",
    "slugify",
]

#: The core relations: the local names of the ontology's core properties.
CORE_RELATIONS: tuple[str, ...] = (
    "attends",
    "hosts",
    "heldIn",
    "meets",
    "visits",
    "leaderOf",
    "holdsPosition",
    "citizenOf",
    "memberOf",
    "partnerOf",
    "supports",
    "opposes",
    "cooperatesWith",
    "said",
)

#: Relations whose direction carries no meaning.
SYMMETRIC_RELATIONS: frozenset[str] = frozenset({"meets", "cooperatesWith"})


class Modality(str, Enum):
    """How the text presents a fact.

    Only asserted, planned and reported facts are materialised as direct
    triples; negated and hypothetical ones are kept as evidence only.
    """

    ASSERTED = "asserted"
    PLANNED = "planned"
    REPORTED = "reported"
    NEGATED = "negated"
    HYPOTHETICAL = "hypothetical"

    @property
    def is_positive(self) -> bool:
        # (a set built once: a tuple of ``Modality.X`` looked up on every call cost ten times more,
        # and rules ask it of every fact)
        return self in _POSITIVE_MODALITIES


_POSITIVE_MODALITIES = frozenset({Modality.ASSERTED, Modality.PLANNED, Modality.REPORTED})


class EntityKind(str, Enum):
    """What an entity is; the value is the IRI path segment and maps to a class."""

    PERSON = "person"
    COUNTRY = "country"
    ORGANISATION = "organisation"
    INTERNATIONAL_ORGANISATION = "international-organisation"
    PLACE = "place"
    POSITION = "position"
    EVENT = "event"
    STATEMENT = "statement"
    TOPIC = "topic"  # a thing a stance is about that is none of the above


@dataclass(frozen=True)
class Article:
    """One input article, as read from a file.

    ``origin`` names where it came from (``path`` or ``path:line``) for
    messages; it is not part of the graph.
    """

    id: str
    text: str
    date: dt.date | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    origin: str = ""


@dataclass(frozen=True)
class Entity:
    """A resolved entity of one article.

    ``key`` is ``kind/slug`` and is all the IRI is minted from, so the same
    person, country or event found in two articles gets one IRI.
    """

    key: str
    kind: EntityKind
    label: str
    alt_labels: tuple[str, ...] = ()
    event_type: str | None = None  # Summit, Meeting, Visit, Conference, Exercise...
    start: dt.date | None = None  # events only
    end: dt.date | None = None
    wikidata: str | None = None  # Q-id from the gazetteer, where known
    country: str | None = None  # key of the country a position or leader belongs to
    #: For an office holder the text does not name ("the leader of South Korea"):
    #: what it leads. The link defines the entity, so the graph describes it with a
    #: direct ``dip:leaderOf`` triple rather than as a fact read from a sentence.
    leads: str | None = None


@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: article, sentence, character span, rule, confidence.

    ``start``/``end`` are character offsets into the article text of the
    sentence the fact was read from.
    """

    article_id: str
    sentence: str
    start: int
    end: int
    rule: str
    confidence: float


@dataclass(frozen=True)
class Fact:
    """One extracted fact: subject and object are entity keys.

    ``relation`` is a core relation; ``refinement`` optionally names a finer
    sub-property (``condemns`` under ``opposes``).
    """

    subject: str
    relation: str
    object: str
    modality: Modality
    evidence: Evidence
    refinement: str | None = None

    def __post_init__(self) -> None:
        if self.relation not in CORE_RELATIONS:
            raise ValueError(f"unknown relation {self.relation!r}")


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one article."""

    article: Article
    entities: tuple[Entity, ...] = ()
    facts: tuple[Fact, ...] = field(default=())


_NON_WORD = re.compile(r"[^a-z0-9]+")


def slugify(text: str) -> str:
    """Lower-case ASCII slug: ``"Fumio Kishida"`` -> ``"fumio-kishida"``.

    >>> slugify("Côte d'Ivoire")
    'cote-d-ivoire'
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = _NON_WORD.sub("-", ascii_text.lower()).strip("-")
    return slug or "x" + format(abs(hash_text(text)) % 10**8, "08d")


def hash_text(text: str) -> int:
    """A stable (process-independent) integer hash of ``text``."""
    return int.from_bytes(hashlib.sha1(text.encode("utf-8")).digest()[:8], "big")


@lru_cache(maxsize=65536)
def entity_key(kind: EntityKind, name: str) -> str:
    """The deterministic key of an entity: ``"person/fumio-kishida"``.

    Memoised: the same names ("United States", "NATO") come back in article after article, and
    normalising and slugging a name anew each time cost about 1.5% of extraction (a key depends
    on its arguments only, so the memo changes no answer)."""
    return f"{kind.value}/{slugify(name)}"

"""Rules over a parsed article, one module per kind of fact.

:func:`extract_article` runs them in dependency order: entities first (every
later rule asks which entity a token stands for), then roles (which link
"the president" to a person), events, relations and quotes.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from ..facts import Article, EntityKind, Extraction, Fact, Modality
from ..gazetteer import Gazetteer, load_gazetteer
from .entities import ArticleEntities, find_entities
from .events import extract_events
from .lexicon import Lexicon, load_lexicon
from .quotes import extract_quotes
from .relations import extract_relations
from .roles import extract_roles
from .syntax import evidence

__all__ = ["ExtractionResources", "extract_article", "load_resources"]

#: Who can be the speaker of a quote.
SPEAKER_KINDS = frozenset({EntityKind.PERSON, EntityKind.COUNTRY, EntityKind.ORGANISATION, EntityKind.INTERNATIONAL_ORGANISATION})


@dataclass(frozen=True)
class ExtractionResources:
    """The data the rules consult, loaded once and passed in."""

    gazetteer: Gazetteer
    lexicon: Lexicon


def load_resources() -> ExtractionResources:
    """Load the shipped gazetteer and lexicon."""
    return ExtractionResources(gazetteer=load_gazetteer(), lexicon=load_lexicon())


def extract_article(doc: Doc, article: Article, *, resources: ExtractionResources) -> Extraction:
    """Every entity and fact of one parsed article."""
    gazetteer, lexicon = resources.gazetteer, resources.lexicon
    found = find_entities(doc, gazetteer=gazetteer, title_words=lexicon.title_heads, government_nouns=lexicon.government_nouns)
    facts: list[Fact] = []
    facts += extract_roles(doc, found, gazetteer=gazetteer, lexicon=lexicon, article_id=article.id)
    facts += extract_events(doc, found, gazetteer=gazetteer, lexicon=lexicon, article_id=article.id, anchor=article.date)
    facts += extract_relations(doc, found, lexicon=lexicon, article_id=article.id)
    facts += _said_facts(doc, found, article_id=article.id)
    facts = _distinct(f for f in facts if f.subject != f.object)
    used = {k for f in facts for k in (f.subject, f.object)}
    entities = [e for e in found.entities() if e.key in used or e.kind is EntityKind.PERSON]
    # what the kept entities point at (a position's country or organisation) is kept too
    pointed = {e.country for e in entities if e.country} - {e.key for e in entities}
    entities = tuple(sorted([*entities, *(e for e in found.entities() if e.key in pointed)], key=lambda e: e.key))
    return Extraction(article=article, entities=entities, facts=tuple(facts))


def _said_facts(doc: Doc, found: ArticleEntities, *, article_id: str) -> list[Fact]:
    facts = []
    for quote in _joined_quotes(extract_quotes(doc)):
        if quote.speaker is None:
            continue
        speakers = [k for k in found.at(quote.speaker) if found.kind(k) in SPEAKER_KINDS]
        if not speakers or not quote.text.strip():
            continue
        digest = hashlib.sha1(f"{article_id}\x1f{quote.start_char}\x1f{quote.text}".encode()).hexdigest()[:16]
        statement = found.add(EntityKind.STATEMENT, quote.text, key=f"statement/{digest}")
        sent = doc.char_span(quote.start_char, quote.end_char, alignment_mode="expand")
        ev = evidence(sent.sent if sent is not None else doc[quote.speaker].sent, article_id=article_id, rule=f"quote/{quote.rule}", confidence=0.9 if quote.direct else 0.75)
        # "Beijing denied that it had supplied weapons": the words are not Beijing's claim.
        modality = Modality.NEGATED if quote.cue == "deny" else Modality.ASSERTED
        for speaker in speakers:
            facts.append(Fact(speaker, "said", statement, modality, ev))
    return facts


def _joined_quotes(quotes):
    """A quote continued right after an attributed one is one statement with it."""
    previous = None
    for quote in quotes:
        if previous is not None and quote.rule.endswith("continued") and quote.speaker == previous.speaker:
            previous = replace(previous, text=f"{previous.text} {quote.text}", end_char=quote.end_char)
            continue
        if previous is not None:
            yield previous
        previous = quote
    if previous is not None:
        yield previous


def _distinct(facts) -> list[Fact]:
    seen: set[tuple] = set()
    kept = []
    for fact in facts:
        key = (fact.subject, fact.relation, fact.object, fact.modality, fact.evidence.start)
        if key not in seen:
            seen.add(key)
            kept.append(fact)
    return kept

"""Rules over a parsed article, one module per kind of fact.

:func:`extract_article` runs them in dependency order: entities first (every
later rule asks which entity a token stands for), then roles (which link
"the president" to a person), events, relations and quotes.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from ..facts import Article, EntityKind, Extraction, Fact, Modality
from ..gazetteer import Gazetteer, load_gazetteer
from .biography import extract_biography
from .companions import extract_companion_cooperation, extract_shared_fight
from .datelines import extract_dateline_arrivals
from .denials import cancel_withdrawn_plans, negate_denied_reports
from .docindex import DocIndex
from .entities import (
    ArticleEntities,
    find_entities,
    link_first_person,
    link_reported_pronouns,
)
from .epithets import (
    extract_name_calling,
    extract_sentential_stances,
    without_name_calling_meets,
    without_self_stances,
)
from .events import extract_events
from .groups import (
    extract_people_visits,
    link_group_agents,
    link_leader_governments,
    mark_group_facts,
)
from .lexicon import Lexicon, load_lexicon
from .presence import extract_presence
from .quotes import extract_quotes
from .relations import extract_relations
from .roles import extract_roles
from .stances import extract_stances
from .statements import (
    extract_comma_titles,
    extract_cutbacks,
    extract_led_by_leaders,
    extract_readout_acts,
    extract_threat_conditions,
    link_capitalised_bodies,
    link_government_phrases,
    link_titles_to_holders,
    without_vessel_facts,
)

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
    # The names of an article repeat, and so do the words and sentences the rules look up.
    gazetteer, lexicon = resources.gazetteer.for_article(), resources.lexicon
    doc_index = DocIndex(doc, text=article.text)  # the parsed text, as spaCy keeps it
    found = find_entities(doc, gazetteer=gazetteer, title_words=lexicon.title_heads, government_nouns=lexicon.government_nouns, doc_index=doc_index)
    link_government_phrases(doc, found, doc_index=doc_index)  # "the Government of Ghana" untagged
    link_capitalised_bodies(doc, found, doc_index=doc_index)  # "the Coalition" as a name
    facts: list[Fact] = []
    facts += extract_roles(doc, found, gazetteer=gazetteer, lexicon=lexicon, article_id=article.id, doc_index=doc_index)
    link_titles_to_holders(doc, found, facts, doc_index=doc_index)  # "the Minister" is the one minister named
    facts += extract_events(doc, found, gazetteer=gazetteer, lexicon=lexicon, article_id=article.id, anchor=article.date, doc_index=doc_index)
    quotes = list(extract_quotes(doc, doc_index=doc_index))
    link_first_person(found, doc, quotes)  # "X said: I condemn ...": "I" is X
    link_leader_governments(doc, found, lexicon=lexicon, doc_index=doc_index)  # "Assad's regime" is Assad's
    groups = link_group_agents(doc, found, lexicon=lexicon, doc_index=doc_index)  # "British businesses" as agents
    link_reported_pronouns(found, doc, doc_index=doc_index)  # again, with the groups: "Kurdish leaders said they would ..."
    facts += extract_relations(doc, found, lexicon=lexicon, article_id=article.id, doc_index=doc_index)
    facts += extract_stances(doc, found, lexicon=lexicon, article_id=article.id, doc_index=doc_index)
    facts += extract_people_visits(doc, found, lexicon=lexicon, article_id=article.id, doc_index=doc_index)
    facts += extract_companion_cooperation(doc, found, lexicon=lexicon, article_id=article.id, doc_index=doc_index)
    facts += extract_shared_fight(doc, found, lexicon=lexicon, article_id=article.id, doc_index=doc_index)
    facts += extract_threat_conditions(doc, found, lexicon=lexicon, article_id=article.id, doc_index=doc_index)
    facts += extract_led_by_leaders(doc, found, lexicon=lexicon, article_id=article.id, doc_index=doc_index)
    facts += extract_comma_titles(doc, found, lexicon=lexicon, article_id=article.id, doc_index=doc_index)
    facts += extract_cutbacks(doc, found, lexicon=lexicon, article_id=article.id, doc_index=doc_index)
    facts += extract_readout_acts(doc, found, lexicon=lexicon, article_id=article.id, doc_index=doc_index)
    facts += extract_name_calling(doc, found, lexicon=lexicon, article_id=article.id, doc_index=doc_index)  # "called X a liar"
    facts += extract_sentential_stances(doc, found, lexicon=lexicon, article_id=article.id, doc_index=doc_index)  # ", which X opposed"
    facts += extract_dateline_arrivals(doc, found, lexicon=lexicon, article_id=article.id, doc_index=doc_index)  # "flew into the resort"
    facts += extract_presence(doc, found, lexicon=lexicon, article_id=article.id, doc_index=doc_index, gazetteer=gazetteer, prior=facts)
    facts += _said_facts(doc, found, article_id=article.id, quotes=quotes, doc_index=doc_index)
    facts += extract_biography(doc, found, facts, gazetteer=gazetteer, lexicon=lexicon, article_id=article.id, doc_index=doc_index)
    facts = negate_denied_reports(doc, facts, doc_index=doc_index)  # "X reported ... Y denied the report"
    facts = cancel_withdrawn_plans(doc, facts, found, doc_index=doc_index)  # "was to attend but pulled out"
    facts = _distinct(f for f in mark_group_facts(facts, groups, found) if f.subject != f.object)
    facts = _without_cut_titles(facts, found)
    facts = without_self_stances(without_name_calling_meets(facts), found)  # no phone call, no stance on oneself
    facts = without_vessel_facts(facts, found)  # ships tagged as people are no agents
    used = {k for f in facts for k in (f.subject, f.object)}
    # the entities kept, chosen by key before any record is made (most entities found are no fact's)
    kept = {k for k in found.keys() if k in used or found.kind(k) is EntityKind.PERSON}
    # what the kept entities point at (a position's country or organisation) is kept too
    pointed = {found.country_of(k) for k in kept} - {None}
    return Extraction(article=article, entities=found.entities(keys=kept | pointed), facts=tuple(facts))


def _said_facts(doc: Doc, found: ArticleEntities, *, article_id: str, quotes=None, doc_index: DocIndex | None = None) -> list[Fact]:
    if doc_index is None:
        doc_index = DocIndex(doc)
    facts = []
    for quote in _joined_quotes(_without_echoes(list(extract_quotes(doc, doc_index=doc_index)) if quotes is None else quotes)):
        if quote.speaker is None:
            continue
        speakers = [k for k in found.at(quote.speaker) if found.kind(k) in SPEAKER_KINDS] or _appositive_speaker(doc[quote.speaker], found)
        if not speakers or not quote.text.strip():
            continue
        digest = hashlib.sha1(f"{article_id}\x1f{quote.start_char}\x1f{quote.text}".encode()).hexdigest()[:16]
        statement = found.add(EntityKind.STATEMENT, quote.text, key=f"statement/{digest}")
        span = doc.char_span(quote.start_char, quote.end_char, alignment_mode="expand")
        ev = doc_index.evidence(doc[span.start] if span is not None else doc[quote.speaker], article_id=article_id, rule=f"quote/{quote.rule}", confidence=0.9 if quote.direct else 0.75)
        # "Beijing denied that it had supplied weapons": the words are not Beijing's claim.
        modality = Modality.NEGATED if quote.cue == "deny" else Modality.ASSERTED
        for speaker in speakers:
            facts.append(Fact(speaker, "said", statement, modality, ev))
    return facts


def _without_cut_titles(facts: list[Fact], found: ArticleEntities) -> list[Fact]:
    """ "External Affairs Minister S. Jaishankar": where the model takes part of a title for an
    organisation, the bare "Minister" read before the name is a cut of the full title read off
    the same words; keep the full one only."""
    positions: dict[tuple[str, int], set[str]] = {}
    for f in facts:
        if f.relation == "holdsPosition":
            positions.setdefault((f.subject, f.evidence.start), set()).add(found.label(f.object))

    def cut(f: Fact) -> bool:
        if f.relation != "holdsPosition":
            return False
        label = found.label(f.object)
        words = label.lower().split()
        return len(words) == 1 and any(
            other != label and words[0] in other.lower().split() for other in positions[(f.subject, f.evidence.start)]
        )

    return [f for f in facts if not cut(f)]


def _appositive_speaker(token: Token, found: ArticleEntities) -> list[str]:
    """ "A spokesman for the foreign ministry, Mao Ning, said": an unresolved speaker noun
    stands for the one person named in apposition to it."""
    people = {k for c in token.children if c.dep_ == "appos" for k in found.at(c.i) if found.kind(k) is EntityKind.PERSON}
    return list(people) if len(people) == 1 and token.pos_ == "NOUN" else []


def _without_echoes(quotes):
    """A quoted fragment inside the reported clause of the same speaker is part of that
    statement (X said he was “disappointed” by Y), not a second one."""
    reported = [q for q in quotes if not q.direct]
    return [
        q
        for q in quotes
        if not (
            q.rule == "direct-embedded"
            and any(r.speaker == q.speaker and r.start_char <= q.start_char and q.end_char <= r.end_char for r in reported)
        )
    ]


def _joined_quotes(quotes):
    """A quote continued right after an attributed one is one statement with it."""
    previous = None
    for quote in quotes:
        if previous is not None and quote.speaker == previous.speaker and (quote.rule.endswith("continued") or _interrupted(previous, quote)):
            previous = replace(previous, text=f"{previous.text} {quote.text}", end_char=quote.end_char)
            continue
        if previous is not None:
            yield previous
        previous = quote
    if previous is not None:
        yield previous


def _interrupted(previous, quote) -> bool:
    """ "'The door is open,' X told reporters, 'but Ukraine must first win.'": one sentence
    quoted around its cue, the second part going on in lower case."""
    return (
        previous.direct and quote.direct and quote.text[:1].islower()
        and 0 <= quote.start_char - previous.end_char <= 60
    )


def _distinct(facts) -> list[Fact]:
    seen: set[tuple] = set()
    kept = []
    for fact in facts:
        key = (fact.subject, fact.relation, fact.object, fact.modality, fact.evidence.start)
        if key not in seen:
            seen.add(key)
            kept.append(fact)
    return kept

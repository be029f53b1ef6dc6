"""The place a wire dateline names, gone to without its name.

``visits-dateline-place``: "SHARM EL-SHEIKH, Egypt - Biden flew into the Red Sea resort on
Friday": in the lead sentence of a datelined article, a person who travels into "the resort",
"the city" or "the capital" (a place noun with no name of its own) visits the dateline's place.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..facts import EntityKind, Fact
from .docindex import DocIndex
from .entities import ArticleEntities
from .events import dateline_place
from .factmaking import make_fact
from .lexicon import Lexicon
from .syntax import conjuncts, subjects

__all__ = ["extract_dateline_arrivals"]

#: Verbs of arriving somewhere.
ARRIVAL_VERBS = frozenset({"fly", "arrive", "travel", "come", "land", "jet"})
#: Nouns of a place that, with "the" and no name, stand for the place the article is datelined in.
PLACE_NOUNS = frozenset({"resort", "city", "capital", "town", "port", "village"})


def _unnamed_place(token: Token, found: ArticleEntities) -> bool:
    """ "the Red Sea resort", "the Uzbek city": a place noun with "the", naming no place itself."""
    if token.lemma_.lower() not in PLACE_NOUNS or found.at(token.i):
        return False
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
        return False
    # "the resort of X" names the place: the visit rules read it
    return not any(c.dep_ in {"prep", "appos"} and c.lower_ != "for" for c in token.children)


def extract_dateline_arrivals(doc: Doc, found: ArticleEntities, *, lexicon: Lexicon, article_id: str, doc_index: DocIndex) -> list[Fact]:
    place = dateline_place(doc, found)
    if place is None or not doc_index.sentences:
        return []
    lead = doc_index.sentences[0]
    facts: list[Fact] = []
    for verb in doc_index.tokens_with(lemma=ARRIVAL_VERBS):
        if verb.pos_ != "VERB" or not (lead.start <= verb.i < lead.end):
            continue
        targets = [o for p in verb.children if p.dep_ == "prep" and p.lower_ in {"into", "in", "to"} for o in p.children if o.dep_ == "pobj"]
        if not any(_unnamed_place(t, found) for t in targets):
            continue
        agents = {k for s in subjects(verb) for t in conjuncts(s) for k in found.at(t.i) if found.kind(k) is EntityKind.PERSON}
        for agent in sorted(agents):
            facts.append(make_fact(agent, "visits", place, verb, rule="visits-dateline-place", confidence=0.6, lexicon=lexicon, article_id=article_id, doc_index=doc_index))
    return facts

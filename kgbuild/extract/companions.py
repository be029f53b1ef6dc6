"""Cooperation read from a companion phrase ("fought alongside X", "in partnership with X"),
and the fight that a supporter and the one it supports share.

Readouts name a partner in a phrase beside the act rather than with a
cooperation verb: "Kenyan troops fought alongside Ugandan forces", "In
partnership with the EU, Norway will fund schools", "France, together with
Germany, proposed a plan", "Ghana acted jointly with Togo". The one acting
and the companion cooperate. Plain "with" is left out ("met with", "spoke
with" are meetings, read by :mod:`.relations`; "with X's help" is no partner).

:func:`extract_shared_fight` reads "X supports Y in the fight against Z": the
one supported fights Z, and so does the supporter when the fight is not
called the supported one's own ("in its fight against Z").
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from ..facts import Fact
from .docindex import DocIndex
from .entities import ArticleEntities
from .factmaking import AGENT_KINDS, make_fact
from .lexicon import Lexicon
from .relations import _agents, _topic
from .syntax import PREP_ID, objects, prep_objects, subjects

__all__ = ["extract_companion_cooperation", "extract_shared_fight"]

#: Verbs of a shared action whose "alongside X" makes X a partner ("fought alongside X");
#: "stood alongside X at the podium" says where someone stood, not that they cooperate.
JOINT_ACTION_VERBS = frozenset({
    "fight", "serve", "operate", "train", "patrol", "battle", "deploy", "campaign", "work",
    "act", "advise", "assist", "conduct", "participate", "contribute", "partner", "combat",
})  # fmt: skip
#: Nouns of partnership whose "with X" names the partner ("in partnership with X").
PARTNERSHIP_NOUNS = frozenset({"partnership", "cooperation", "co-operation", "coordination", "collaboration", "concert", "conjunction", "tandem", "association"})
#: Adverbs that turn "with X" into a partnership ("together with X", "jointly with X").
JOINTLY = frozenset({"together", "jointly"})
CONFIDENCE = 0.7


def extract_companion_cooperation(doc: Doc, found: ArticleEntities, *, lexicon: Lexicon, article_id: str, doc_index: DocIndex) -> list[Fact]:
    """cooperatesWith facts between who acts and the companion a phrase names."""
    facts: list[Fact] = []
    # "with" and "in" are common, and name a partner only beside a word of partnership or
    # "together"/"jointly" (see _companions): without one in the article, only "alongside" is read
    partnership = bool(doc_index.tokens_with(lemma=PARTNERSHIP_NOUNS))
    jointly = bool(doc_index.tokens_with(lower=JOINTLY))
    words = frozenset({"alongside", *(("with",) if partnership or jointly else ()), *(("in",) if partnership else ())})
    for prep in doc_index.tokens_with(lower=words):
        if prep.dep != PREP_ID:  # (the int: ``dep_`` decodes a new str on every read)
            continue
        companions = _companions(prep)
        if not companions:
            continue
        head = prep.head
        if head.pos_ in {"VERB", "AUX"}:
            if prep.lower_ == "alongside" and head.lemma_.lower() not in JOINT_ACTION_VERBS:
                continue
            actors, predicate = subjects(head), head
        elif head.pos_ in {"PROPN", "NOUN"} and head.dep_ in {"nsubj", "nsubjpass"} and prep.lower_ != "in":
            actors, predicate = [head], head.head  # "France, together with Germany, proposed"
        else:
            continue
        facts.extend(_cooperation(actors, companions, predicate, found, lexicon=lexicon, article_id=article_id, doc_index=doc_index))
    return facts


def _companions(prep: Token) -> list[Token]:
    """Whom a companion phrase names, or nothing when the phrase is no partnership."""
    word = prep.lower_
    if word == "alongside":
        return [t for _, t in _objects_of(prep)]
    if word == "with" and any(c.dep_ == "advmod" and c.lower_ in JOINTLY for c in prep.children):
        return [t for _, t in _objects_of(prep)]  # "together with X"
    if word == "with" and prep.head.dep_ == "advmod" and prep.head.lower_ in JOINTLY:
        return [t for _, t in _objects_of(prep)]  # the parse hanging "with" on "together"
    if word == "with" and any(c.dep_ == "advmod" and c.lower_ in JOINTLY and c.i < prep.i for c in prep.head.children):
        return [t for _, t in _objects_of(prep)]  # "acted jointly with X"
    if word in {"in", "with"}:
        # "in partnership with X", "in close coordination with X", "with the cooperation of X"
        nouns = [t for _, t in _objects_of(prep) if t.lemma_.lower() in PARTNERSHIP_NOUNS]
        return [t for n in nouns for _, t in prep_objects(n, "with" if word == "in" else "of")]
    return []


def _objects_of(prep: Token) -> Iterator[tuple[str, Token]]:
    """The objects of the preposition ``prep`` itself, with their conjuncts."""
    for obj in prep.children:
        if obj.dep_ == "pobj":
            yield prep.lower_, obj
            for conj in obj.conjuncts:
                yield prep.lower_, conj


def _cooperation(actors, companions, predicate, found, *, lexicon, article_id, doc_index) -> Iterator[Fact]:
    agents = {k for k, _ in _agents(actors, found)}
    partners = {found.government_of(k) for k, _ in _agents(companions, found)}
    agents = {found.government_of(k) for k in agents}
    for agent in sorted(agents):
        for partner in sorted(partners - {agent}):
            yield make_fact(agent, "cooperatesWith", partner, predicate, rule="cooperate-companion", confidence=CONFIDENCE, lexicon=lexicon, article_id=article_id, doc_index=doc_index)


#: Possessive pronouns that make a fight the supported party's own ("in its fight against Z").
OWN_FIGHT = frozenset({"its", "their", "his", "her"})


def extract_shared_fight(doc: Doc, found: ArticleEntities, *, lexicon: Lexicon, article_id: str, doc_index: DocIndex) -> list[Fact]:
    """ "Britain supports Iraq in the fight against Z": Iraq and Britain oppose Z;
    "Japan supports Ukraine in its fight against Russia": Ukraine opposes Russia."""
    facts: list[Fact] = []
    for fight in doc_index.tokens_with(lemma=lexicon.stances.campaign_nouns):
        if fight.pos_ != "NOUN" or fight.dep_ != "pobj" or fight.head.lower_ != "in":
            continue
        stance = fight.head.head
        if stance.pos_ == "VERB" and lexicon.stance_verbs.get(stance.lemma_.lower()) != "supports":
            # "restated French support for Mali in the fight against Z": the phrase hangs on the verb
            held = [o for o in stance.children if o.dep_ == "dobj" and lexicon.stance_nouns.get(o.lemma_.lower()) == "supports"]
            stance = held[0] if held else stance
        relation = (lexicon.stance_nouns if stance.pos_ == "NOUN" else lexicon.stance_verbs).get(stance.lemma_.lower())
        if relation != "supports":
            continue
        # a headline without a full stop runs into the next line ("against the militants\n\nMinister Hale said")
        enemies = [t for _, t in prep_objects(fight, "against") if "\n" not in doc[fight.i : t.i].text]
        if not enemies:
            continue
        if stance.pos_ == "NOUN":
            supported = [t for _, t in prep_objects(stance, "for", "of", "to")]
            supporters = [c for c in stance.lefts if c.dep_ in {"poss", "amod", "compound"} and c.tag_ != "PRP$"]
            if not supporters and stance.dep_ == "dobj":
                supporters = subjects(stance.head)  # "reiterated its support for Y"
            elif not supporters and stance.dep_ == "pobj" and stance.head.head.pos_ in {"ADJ", "VERB", "AUX"}:
                supporters = subjects(stance.head.head)  # "stays firm in its support of Y"
        else:
            supported, supporters = objects(stance), subjects(stance)
        shared = not any(c.dep_ == "poss" and c.lower_ in OWN_FIGHT for c in fight.children)
        fighters = {found.government_of(k) for k, _ in _agents(supported + (supporters if shared else []), found)}
        # "support for the Malian people": the people's country fights
        fighters |= {k for t in supported if not found.at(t.i) and (k := _topic(t, found, lexicon=lexicon)) is not None and found.kind(k) in AGENT_KINDS}
        targets = {found.government_of(k) for t in enemies for k in found.at(t.i)}
        if not targets:
            targets = {k for t in enemies if t.pos_ in {"NOUN", "PROPN"} and (k := _topic(t, found, lexicon=lexicon)) is not None}
        for fighter in sorted(fighters):
            for enemy in sorted(targets - {fighter}):
                facts.append(make_fact(fighter, "opposes", enemy, fight, rule="opposes-shared-fight", confidence=0.65, lexicon=lexicon, article_id=article_id, doc_index=doc_index))
    return facts

"""Relations between agents, events and places, read from verbs and nouns.

Each rule finds a predicate (a verb or a noun from the lexicon), its agents
(subject, "by"/"from"/"of" phrase) and its target (object or prepositional
object), and yields one fact per coordinated member ("Biden and Xi met").
Direction follows the syntax: the passive "X was condemned by Y" gives
``Y opposes X``.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from ..facts import EntityKind, Fact, Modality
from .entities import ArticleEntities
from .factuality import modality_of
from .lexicon import Lexicon
from .syntax import conjuncts, evidence, objects, prep_objects, subjects

__all__ = ["extract_relations"]

AGENT_KINDS = frozenset({EntityKind.PERSON, EntityKind.COUNTRY, EntityKind.ORGANISATION, EntityKind.INTERNATIONAL_ORGANISATION})
PLACE_KINDS = frozenset({EntityKind.PLACE, EntityKind.COUNTRY})
#: Prepositions after which an agent's action happens at an event it attends.
AT_EVENT_PREPS = ("at", "during", "on", "in", "for", "to", "of")
#: Prepositions that introduce whom a meeting or cooperation is with.
WITH_PREPS = ("with", "alongside")
#: Prepositions that introduce the target of a stance ("object to", "warn against").
TARGET_PREPS = ("to", "against", "with", "on", "over", "by", "for", "behind", "regarding", "towards")
#: Entity types that are never what a stance is about ("rejected it on Thursday").
NOT_TOPICS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"})
#: Modifiers that name who a stance target belongs to ("Russia's invasion", "a US offer").
OWNER_DEPS = frozenset({"poss", "amod", "compound", "nmod"})
#: Longest topic label kept, in words, for stance targets that are no entity.
MAX_TOPIC_WORDS = 12


def extract_relations(doc: Doc, found: ArticleEntities, *, lexicon: Lexicon, article_id: str) -> list[Fact]:
    """attends, hosts, meets, visits, supports, opposes and cooperatesWith facts."""
    facts: list[Fact] = []
    for token in doc:
        if token.pos_ in {"VERB", "AUX"} or (token.pos_ == "ADJ" and token.lower_ == "present"):
            facts.extend(_verb_facts(token, found, lexicon=lexicon, article_id=article_id))
        elif token.pos_ == "NOUN":
            facts.extend(_noun_facts(token, found, lexicon=lexicon, article_id=article_id))
    return facts


def _keys(token: Token, found: ArticleEntities, kinds: frozenset[EntityKind]) -> list[str]:
    return [k for k in found.at(token.i) if found.kind(k) in kinds]


def _agents(tokens: list[Token], found: ArticleEntities) -> list[tuple[str, Token]]:
    return [(k, t) for t in tokens for k in _keys(t, found, AGENT_KINDS)]


def _fact(subject: str, relation: str, obj: str, predicate: Token, *, rule: str, confidence: float, lexicon: Lexicon, article_id: str, refinement: str | None = None, modality: Modality | None = None) -> Fact:
    return Fact(
        subject,
        relation,
        obj,
        modality or modality_of(predicate, lexicon=lexicon),
        evidence(predicate.sent, article_id=article_id, rule=rule, confidence=confidence),
        refinement,
    )


def _verb_facts(verb: Token, found: ArticleEntities, *, lexicon: Lexicon, article_id: str) -> Iterator[Fact]:
    lemma = verb.lemma_.lower()
    passive = any(c.dep_ == "nsubjpass" for c in verb.children)
    # "the summit hosted by India": a passive participle modifying its target
    reduced = verb.dep_ == "acl" and verb.tag_ == "VBN" and any(c.dep_ == "agent" for c in verb.children)
    if passive or reduced:
        passive = True
        agents = _agents([t for _, t in prep_objects(verb, "by")], found)
        if reduced:
            targets = conjuncts(verb.head)
        else:
            targets = [t for c in verb.children if c.dep_ == "nsubjpass" for t in conjuncts(c)]
    else:
        agents = _agents(subjects(verb), found)
        # "Alongside Kishida, leaders will be present": the companion acts too.
        agents += _agents([t for p, t in prep_objects(verb, "alongside") ], found)
        for subject_token in subjects(verb):
            agents += _agents([t for p, t in prep_objects(subject_token, "with", "alongside")], found)
        targets = objects(verb)
    if not agents:
        return
    attending = lemma in lexicon.attend_verbs or lemma in lexicon.host_verbs
    events = _event_targets(verb, targets if attending else [], found)
    # attends / hosts
    if events:
        if lemma in lexicon.host_verbs:
            for agent, _ in agents:
                for event in events:
                    yield _fact(agent, "hosts", event, verb, rule="host-verb", confidence=0.85, lexicon=lexicon, article_id=article_id)
        elif lemma != "hold":  # "held talks" is a meeting, "held a summit" a hosting: neither says who attended
            negative = lemma in lexicon.attend_negative
            confidence = 0.9 if lemma in lexicon.attend_verbs else 0.6
            for agent, _ in agents:
                for event in events:
                    yield _fact(agent, "attends", event, verb, rule="attend-verb" if confidence > 0.6 else "act-at-event", confidence=confidence, lexicon=lexicon, article_id=article_id, modality=Modality.NEGATED if negative else None)
    # "Biden hosted Kishida": a host meets its guest
    if lemma in lexicon.host_verbs and not events:
        for agent, _ in agents:
            for guest, _ in _agents(targets, found):
                if guest != agent and found.kind(guest) is EntityKind.PERSON:
                    yield _fact(agent, "meets", guest, verb, rule="host-guest", confidence=0.75, lexicon=lexicon, article_id=article_id)
    # meets
    if lemma in lexicon.meet_verbs or lemma == "join":
        partners = _agents(targets if lemma in lexicon.meet_transitive else [], found)
        partners += _agents([t for _, t in prep_objects(verb, *WITH_PREPS)], found)
        if lemma in {"hold", "have"}:
            for obj in objects(verb):
                if obj.lemma_.lower() in lexicon.meet_nouns or obj.lower_ in lexicon.meet_nouns:
                    partners += _agents([t for _, t in prep_objects(obj, "with")], found)
        elif lemma not in {"meet", "talk", "speak", "confer"} and not partners:
            partners = []
        if lemma == "join" and any(o.lemma_.lower() in lexicon.meet_nouns for _, o in prep_objects(verb, "for")):
            partners += _agents(targets, found)  # "joined X for talks"
        if lemma in {"meet", "talk", "confer"} and not partners and len(agents) > 1:
            yield from _pairwise(agents, "meets", verb, rule="meet-coordinated", lexicon=lexicon, article_id=article_id)
        for agent, _ in agents:
            for partner, _ in partners:
                if partner != agent:
                    yield _fact(agent, "meets", partner, verb, rule="meet-verb", confidence=0.85, lexicon=lexicon, article_id=article_id)
    # visits
    if lemma in lexicon.visit_verbs:
        places = [(k, t) for t in (targets if lemma in {"visit", "tour"} else []) for k in _keys(t, found, PLACE_KINDS)]
        if lemma != "visit":
            preps = ("to", "in") if lemma == "arrive" else ("to",)
            places += [(k, t) for p, t in prep_objects(verb, *preps) for k in _keys(t, found, PLACE_KINDS)]
        for agent, _ in agents:
            for place, _ in places:
                if place != agent:
                    yield _fact(agent, "visits", place, verb, rule="visit-verb", confidence=0.85, lexicon=lexicon, article_id=article_id)
    # stances and cooperation
    relation = lexicon.stance_verbs.get(lemma)
    if relation is not None and not (events and attending):
        refinement = lexicon.refinements.get(lemma)
        stance_targets = list(targets) + [t for _, t in prep_objects(verb, *TARGET_PREPS) if not passive]
        if lemma in lexicon.intent_verbs:
            # "threatened to cut ties with Congo", "refused to meet Abdullah": the act's objects
            for clause in verb.children:
                if clause.dep_ == "xcomp":
                    stance_targets += objects(clause)
                    stance_targets += [t for _, t in prep_objects(clause, "with", "against", "on", "to", "from")]
        if lemma in lexicon.clause_target_verbs:
            # "demanded that Iraq comply", "urged Iran to": the one pressed is the clause's subject
            for clause in verb.children:
                if clause.dep_ in {"ccomp", "xcomp"}:
                    stance_targets += [t for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"} for t in conjuncts(c)]
        objs = [(found.government_of(k), t) for t in stance_targets for k in found.at(t.i)]
        objs = [(k, t) for k, t in objs if k not in {a for a, _ in agents}]
        if not objs:
            objs = [(_topic(t, found), t) for t in stance_targets if t.pos_ in {"NOUN", "PROPN"}]
            objs = [(k, t) for k, t in objs if k]
        agent_objects = [o for o in objs if found.kind(o[0]) in AGENT_KINDS]
        if relation == "cooperatesWith" and not agent_objects and len(agents) > 1:
            yield from _pairwise(agents, relation, verb, rule="cooperate-coordinated", lexicon=lexicon, article_id=article_id, refinement=refinement)
        for agent, _ in agents:
            for obj, _ in objs:
                if relation == "cooperatesWith" and found.kind(obj) not in AGENT_KINDS:
                    continue
                yield _fact(agent, relation, obj, verb, rule=f"{relation}-verb", confidence=0.75, lexicon=lexicon, article_id=article_id, refinement=refinement)


def _event_targets(verb: Token, targets: list[Token], found: ArticleEntities) -> list[str]:
    """Events the verb's object or prepositional phrases name ("attend the summit", "at the summit")."""
    tokens = list(targets)
    for prep, obj in prep_objects(verb, *AT_EVENT_PREPS):
        tokens.append(obj)
        # "on the sidelines of the summit"
        tokens.extend(t for _, t in prep_objects(obj, "of"))
    for child in verb.children:
        if child.dep_ in {"acomp", "advmod"}:
            tokens.extend(t for _, t in prep_objects(child, "at", "in", "from"))
        if child.dep_ == "dobj" and child.lower_ == "part":
            tokens.extend(t for _, t in prep_objects(child, "in"))
    return list(dict.fromkeys(k for t in tokens for k in found.at(t.i) if found.kind(k) is EntityKind.EVENT))


def _pairwise(agents, relation, predicate, *, rule, lexicon, article_id, refinement=None):
    keys = list(dict.fromkeys(k for k, _ in agents))
    for n, a in enumerate(keys):
        for b in keys[n + 1 :]:
            yield _fact(a, relation, b, predicate, rule=rule, confidence=0.8, lexicon=lexicon, article_id=article_id, refinement=refinement)


def _topic(token: Token, found: ArticleEntities) -> str | None:
    """What a stance is about: the agent whose act it targets ("condemned Russia's
    invasion" is against Russia), else a topic entity for the noun phrase."""
    owners = [
        k
        for child in token.children
        if child.dep_ in OWNER_DEPS and child.i < token.i
        for k in found.at(child.i)
        if found.kind(k) in AGENT_KINDS
    ]
    owners += [k for _, t in prep_objects(token, "by", "from") for k in found.at(t.i) if found.kind(k) in AGENT_KINDS]
    if len(set(owners)) == 1:
        return owners[0]  # "rejected an Indian proposal", "calls by Annan": against its author
    return _topic_entity(token, found)


def _topic_entity(token: Token, found: ArticleEntities) -> str | None:
    """A topic entity for a stance target that names no entity ("the emergence of military blocs").

    Its label is the noun phrase, with generic mentions replaced by the name
    they stand for ("the alliance's activities" -> "NATO's activities").
    """
    skip = {t.i for c in token.children if c.dep_ in {"relcl", "acl", "appos", "punct"} for t in c.subtree}
    words = [t for t in token.subtree if t.i not in skip and t.dep_ != "punct"]
    while words and words[0].dep_ == "det":
        words.pop(0)
    if not words or len(words) > MAX_TOPIC_WORDS or token.pos_ == "PRON" or token.ent_type_ in NOT_TOPICS:
        return None
    if not (token.is_alpha and len(token) > 2):
        return None  # a fragment of a hyphenated or broken word ("re" of "re-taking")
    words = [t for t in words if not (t.is_punct or t.like_num and t is words[-1] or "[" in t.text)]
    parts: list[str] = []
    for n, t in enumerate(words):
        keys = found.at(t.i)
        if t.dep_ == "det" and n + 1 < len(words) and found.at(words[n + 1].i):
            continue
        if len(keys) == 1 and t.pos_ == "NOUN":
            parts.append(found.label(keys[0]))
        else:
            parts.append(t.text)
        if t.whitespace_ == "" and n + 1 < len(words) and words[n + 1].i == t.i + 1:
            parts[-1] += "\x00"
    label = " ".join(parts).replace("\x00 ", "")
    return found.add(EntityKind.TOPIC, label, surface=label)


def _meeting_noun_facts(noun: Token, found: ArticleEntities, *, lexicon: Lexicon, article_id: str) -> Iterator[Fact]:
    """ "talks with Kishida", "a call with Macron": whoever holds or travels for them meets the partner."""
    partners = _agents([t for _, t in prep_objects(noun, "with")], found)
    if not partners:
        return
    agents = _agents([c for c in noun.children if c.dep_ == "poss"], found)
    head = noun.head
    if not agents and noun.dep_ in {"dobj", "pobj"}:
        verb = head if noun.dep_ == "dobj" else head.head
        if verb.pos_ in {"VERB", "AUX"} and verb.lemma_.lower() not in {"hold", "have"}:
            agents = _agents(subjects(verb), found)
    for agent, _ in agents:
        for partner, _ in partners:
            if partner != agent:
                yield _fact(agent, "meets", partner, noun, rule="meet-noun", confidence=0.75, lexicon=lexicon, article_id=article_id, modality=modality_of(noun.head if noun.dep_ == "pobj" else noun, lexicon=lexicon))


def _visit_noun_facts(noun: Token, found: ArticleEntities, *, lexicon: Lexicon, article_id: str) -> Iterator[Fact]:
    """ "his visit to Tokyo", "a trip by Biden to Hanoi", "Biden's state visit to India"."""
    visitors = _agents([c for c in noun.children if c.dep_ == "poss"], found)
    visitors += _agents([t for _, t in prep_objects(noun, "by", "of")], found)
    places = [(k, t) for _, t in prep_objects(noun, "to") for k in _keys(t, found, PLACE_KINDS)]
    for visitor, _ in visitors:
        for place, _ in places:
            if place != visitor:
                yield _fact(visitor, "visits", place, noun, rule="visit-noun", confidence=0.8, lexicon=lexicon, article_id=article_id)


def _noun_facts(noun: Token, found: ArticleEntities, *, lexicon: Lexicon, article_id: str) -> Iterator[Fact]:
    lemma = noun.lemma_.lower()
    relation = lexicon.stance_nouns.get(lemma) or lexicon.stance_nouns.get(noun.lower_)
    if lemma in lexicon.visit_nouns:
        yield from _visit_noun_facts(noun, found, lexicon=lexicon, article_id=article_id)
        return
    # "relations between Japan and NATO", "a meeting between Biden and Xi"
    between = _agents([t for _, t in prep_objects(noun, "between", "among")], found)
    hostile = any(c.lower_ in lexicon.hostile_modifiers for c in noun.children)
    if len(between) > 1 and not hostile and (relation == "cooperatesWith" or lemma in lexicon.meet_nouns):
        rel = "cooperatesWith" if relation == "cooperatesWith" else "meets"
        yield from _pairwise(between, rel, noun, rule=f"{rel}-noun-between", lexicon=lexicon, article_id=article_id)
        return
    if lemma in lexicon.meet_nouns or noun.lower_ in lexicon.meet_nouns:
        yield from _meeting_noun_facts(noun, found, lexicon=lexicon, article_id=article_id)
    if relation is None:
        return
    # "objections from Beijing", "the support of Xi for Putin", "China's opposition to"
    agents = _agents([t for _, t in prep_objects(noun, "from", "by", "of")], found)
    agents += _agents([c for c in noun.children if c.dep_ == "poss"], found)
    # "Washington imposed sanctions on Tehran": the light verb's subject holds the stance
    if not agents and noun.dep_ == "dobj" and noun.head.lemma_.lower() in lexicon.light_verbs:
        agents = _agents(subjects(noun.head), found)
    if not agents:
        return
    agent_keys = {a for a, _ in agents}
    target_preps = ("for", "to", "against", "regarding", "over", "with", "toward", "towards", "on")
    targets = [t for _, t in prep_objects(noun, *target_preps)]
    # "the support of Xi for Putin": the target phrase often hangs on the agent's name
    targets += [t for _, agent in agents for _, t in prep_objects(agent, *target_preps)]
    # "X faced opposition from Y": the opposed is the subject of "face"
    if noun.dep_ == "dobj" and noun.head.lemma_ in {"face", "meet", "draw", "receive", "win", "earn", "attract"}:
        targets += [t for c in noun.head.children if c.dep_ == "nsubj" for t in conjuncts(c)]
    objs = [(found.government_of(k), t) for t in targets for k in found.at(t.i)]
    objs = [(k, t) for k, t in objs if k not in agent_keys]
    if not objs:
        objs = [(k, t) for t in targets if (k := _topic(t, found))]
    refinement = lexicon.noun_refinements.get(lemma)
    for agent, _ in agents:
        for obj, _ in objs:
            if relation == "cooperatesWith" and found.kind(obj) not in AGENT_KINDS:
                continue
            yield _fact(agent, relation, obj, noun, rule=f"{relation}-noun", confidence=0.7, lexicon=lexicon, article_id=article_id, refinement=refinement)

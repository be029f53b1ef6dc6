"""Stances whose agent or target sits away from the stance word.

:mod:`.relations` reads a stance from a verb with its subject and object, or
from a noun with its own "of/by/from" agent. The rules here read the
constructions where the agent or the target hangs elsewhere in the clause:

- a stance noun inside a prepositional phrase of the predicate: "X stays
  firm in its support of Y", "X called for sanctions against Y",
  "X will provide $5 million in assistance to Y" (the clause's subject holds
  the stance; "of" then names the target);
- the recipient of a light verb: "X gave Y aid", "X imposed sanctions on Y"
  when the parser hangs "on Y" on the verb;
- a campaign noun with "against": "Russia's war against Ukraine",
  "X joined the fight against Y";
- a feeling about someone's act: "X is appalled by Y's attack" (opposes),
  "X is encouraged by Y's decision" (supports);
- breaking ties: "X suspended aid to Y", "X severed relations with Y",
  "a suspension of flights to Y";
- "X is opposed to Y", "X is against Y", "X is in favour of Y";
- talks held by coordinated agents without a named partner: "Biden and Xi
  held talks", "US and Russian negotiators returned to Geneva for talks";
- a shared commitment of coordinated agents: "Canada and Mexico reaffirmed
  their commitment to ...", "the UK and France are determined to ..." (they
  cooperate).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from ..facts import Fact
from .docindex import DocIndex
from .entities import ArticleEntities
from .factmaking import AGENT_KINDS, make_fact
from .lexicon import Lexicon

# the agent, fact and topic helpers of the verb and noun rules, shared so that both read alike
from .relations import _agent_counts, _agents, _pairwise, _PhraseHeads, _topic
from .statements import scare_quoted
from .syntax import DOBJ_ID, conjuncts, prep_objects, subjects, tie_targets

__all__ = ["extract_stances"]

#: Prepositions that introduce the target of a stance noun.
NOUN_TARGET_PREPS = ("for", "to", "against", "regarding", "over", "with", "toward", "towards", "on")
#: Prepositions after a light verb that name whom its stance noun is aimed at ("imposed sanctions on X").
VERB_TARGET_PREPS = ("to", "on", "against", "for", "with")
#: Prepositions that introduce what a feeling is about ("appalled by", "pleased with").
FEELING_PREPS = ("by", "at", "with", "over", "about")
#: The verbs whose position phrase :func:`_position_facts` reads ("is opposed to", "is against").
POSITION_LEMMAS = frozenset({"oppose", "be"})
#: The prepositions of those phrases ("opposed to", "against", "in favour of").
POSITION_PREPS = ("to", "against", "in")
#: Possessive pronouns that may stand for the clause's own subject ("X reaffirmed its support").
OWN_POSSESSIVES = frozenset({"its", "their", "our", "his", "her", "my"})


def extract_stances(doc: Doc, found: ArticleEntities, *, lexicon: Lexicon, article_id: str, doc_index: DocIndex | None = None) -> list[Fact]:
    """supports, opposes and meets facts from the constructions listed in the module docstring."""
    if doc_index is None:
        doc_index = DocIndex(doc)
    facts: list[Fact] = []
    meeting_nouns = doc_index.tokens_with(lemma=lexicon.meet_nouns, lower=lexicon.meet_nouns)
    # The joint rules pair two agents or more of one clause, and the talks rule needs a meeting
    # noun in it; a clause lies in its sentence: skip the search for agents in other sentences.
    # (the governed noun and feeling rules need one agent, found the same way)
    named = _agent_counts(found, doc_index)
    paired = {n for n, count in named.items() if count >= 2}
    talks_paired = paired & {doc_index.sentence_number(t.i) for t in meeting_nouns}
    # which verbs have a position phrase ("opposed to", "against", "in favour of"): see _position_facts
    phrases = _PhraseHeads(doc_index)
    for token in _candidates(doc_index, lexicon, meeting_nouns):
        # each attribute read once: spaCy decodes the string afresh on every read
        lemma, lower, pos = token.lemma_.lower(), token.lower_, token.pos_
        sentence = doc_index.sentence_number(token.i)
        if pos == "NOUN":
            if (lemma in lexicon.stance_nouns or lower in lexicon.stance_nouns) and sentence in named:
                facts.extend(_governed_noun_facts(token, found, lexicon=lexicon, article_id=article_id, doc_index=doc_index))
            if lemma in lexicon.stances.campaign_nouns:
                facts.extend(_campaign_facts(token, found, lexicon=lexicon, article_id=article_id, doc_index=doc_index))
            if lemma in lexicon.stances.rupture_nouns:
                facts.extend(_rupture_noun_facts(token, found, lexicon=lexicon, article_id=article_id, doc_index=doc_index))
        if pos in {"ADJ", "VERB"} and lower in lexicon.stances.feelings and sentence in named:
            facts.extend(_feeling_facts(token, found, lexicon=lexicon, article_id=article_id, doc_index=doc_index))
        if pos in {"VERB", "AUX"}:
            if lemma in lexicon.stances.rupture_verbs:
                facts.extend(_rupture_verb_facts(token, found, lexicon=lexicon, article_id=article_id, doc_index=doc_index))
            if lemma in POSITION_LEMMAS and phrases.has(token, *POSITION_PREPS):
                facts.extend(_position_facts(token, found, lexicon=lexicon, article_id=article_id, doc_index=doc_index))
            if sentence in talks_paired:
                facts.extend(_joint_talks_facts(token, found, lexicon=lexicon, article_id=article_id, doc_index=doc_index))
        if pos in {"VERB", "AUX", "ADJ"} and sentence in paired:
            facts.extend(_joint_intent_facts(token, found, lexicon=lexicon, article_id=article_id, doc_index=doc_index))
    return facts


def _candidates(doc_index: DocIndex, lexicon: Lexicon, meeting_nouns: list[Token]) -> list[Token]:
    """The tokens a rule of :func:`extract_stances` can start from, in text order: its trigger
    words, and the words a meeting noun ("talks", of ``meeting_nouns``) can be the object of (all
    others yield nothing)."""
    words = lexicon.stances
    triggers = doc_index.tokens_with(
        # (as frozensets: DocIndex.tokens_with keeps the string ids of a frozenset it saw)
        lemma=frozenset({*lexicon.stance_nouns, *words.campaign_nouns, *words.rupture_nouns, *words.rupture_verbs, *lexicon.light_verbs, *POSITION_LEMMAS}),
        lower=frozenset({*lexicon.stance_nouns, *words.feelings, *words.joint_predicates}),
    )
    verbs = []
    for talks in meeting_nouns:
        # "held talks", "(returned) for talks", and through coordination ("for trade and talks")
        node = talks
        while True:
            if node.dep_ == "dobj":
                verbs.append(node.head)
            elif node.dep_ in {"pobj", "pcomp"}:
                verbs.append(node.head.head)
            if node.dep_ != "conj" or node.head.i == node.i:
                break
            node = node.head
    if not verbs:
        return triggers
    return sorted({t.i: t for t in [*triggers, *verbs]}.values(), key=lambda t: t.i)


def _targets(tokens: list[Token], found: ArticleEntities, agents: set[str], *, lexicon: Lexicon, doc_index: DocIndex | None = None) -> list[str]:
    """Whom a stance is aimed at: named agents, else the agent owning each phrase ("Y's attack")
    or a group of people ("the Syrian opposition"); never a bare thing, which these looser
    constructions often name ("in support of the relief effort")."""
    keys = [found.government_of(k) for t in tokens for k in found.at(t.i)]
    keys = [k for k in dict.fromkeys(keys) if k not in agents and found.kind(k) in AGENT_KINDS]
    if keys:
        return keys
    for t in tokens:
        if t.pos_ not in {"NOUN", "PROPN"} or found.at(t.i):
            continue
        key = _topic(t, found, lexicon=lexicon, doc_index=doc_index)
        if key is not None and (found.kind(key) in AGENT_KINDS or t.lemma_.lower() in lexicon.stances.group_heads or t.lower_ in lexicon.stances.group_heads):
            keys.append(key)
    return [k for k in dict.fromkeys(keys) if k not in agents]


def _own_agents(noun: Token, found: ArticleEntities) -> list[tuple[str, Token]]:
    """Agents a stance noun names itself: "China's support", "support from China"."""
    agents = _agents([t for _, t in prep_objects(noun, "from", "by")], found)
    return agents + _agents([c for c in noun.children if c.dep_ == "poss"], found)


def _foreign_owner(noun: Token, found: ArticleEntities, agents: list[tuple[str, Token]]) -> bool:
    """Whether a possessive says the noun is someone's other than ``agents`` ("Iraq's support")."""
    keys = {k for k, _ in agents}
    for child in noun.children:
        if child.dep_ == "poss" and child.lower_ not in OWN_POSSESSIVES:
            return True
        if child.dep_ == "poss" and any(k not in keys for k in found.at(child.i)):
            return True
    return False


def _governing_agents(noun: Token, found: ArticleEntities, *, lexicon: Lexicon) -> tuple[list[tuple[str, Token]], Token | None]:
    """The clause subject that holds a stance its noun does not name, and the verb it hangs on.

    "X stays firm in its support of Y", "X called for sanctions against Y",
    "X will provide $5 million in assistance to Y".
    """
    if noun.dep_ != "pobj" or noun.head.dep_ != "prep":
        return [], None
    prep, host = noun.head.lower_, noun.head.head
    if prep == "in" and host.pos_ in {"ADJ", "VERB", "AUX"}:
        return _agents(subjects(host), found), host
    if prep == "for" and host.pos_ == "VERB" and host.lemma_.lower() in lexicon.stances.advocacy_verbs:
        return _agents(subjects(host), found), host
    if prep in {"in", "of"} and host.pos_ in {"NOUN", "NUM"} and host.dep_ == "dobj" and host.head.lemma_.lower() in lexicon.light_verbs:
        return _agents(subjects(host.head), found), host.head  # "$5 million in aid", "5 tonnes of aid"
    return [], None


def _governed_noun_facts(noun: Token, found: ArticleEntities, *, lexicon: Lexicon, article_id: str, doc_index: DocIndex) -> Iterator[Fact]:
    relation = lexicon.stance_nouns.get(noun.lemma_.lower()) or lexicon.stance_nouns.get(noun.lower_)
    if relation not in {"supports", "opposes"}:
        return
    if [a for a in _own_agents(noun, found) if a[1].lower_ not in OWN_POSSESSIVES]:
        return  # "China's support for Russia": read by relations
    # "support against X" is no support of X
    target_preps = NOUN_TARGET_PREPS if relation == "opposes" else tuple(p for p in NOUN_TARGET_PREPS if p != "against")
    targets = [t for _, t in prep_objects(noun, *target_preps, doc_index=doc_index)]
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in lexicon.light_verbs:
        # "gave Ivory Coast aid", "imposed sanctions on Iran" with "on Iran" hung on the verb
        verb = noun.head
        agents = _agents(subjects(verb, doc_index=doc_index), found)
        targets += [c for c in verb.children if c.dep_ == "dative" and c.pos_ in {"PROPN", "NOUN"}]
        targets += [t for p, t in prep_objects(verb, *VERB_TARGET_PREPS, doc_index=doc_index) if p in target_preps]
    else:
        agents, verb = _governing_agents(noun, found, lexicon=lexicon)
        if verb is None:
            return
        # governed by the clause, "of" names the target: "in support of Turkey"
        targets += [t for _, t in prep_objects(noun, "of", doc_index=doc_index)]
        if verb.lemma_.lower() in lexicon.light_verbs:
            targets += [c for c in verb.children if c.dep_ == "dative" and c.pos_ in {"PROPN", "NOUN"}]
            targets += [t for p, t in prep_objects(verb, *VERB_TARGET_PREPS, doc_index=doc_index) if p in target_preps]
    if not agents or _foreign_owner(noun, found, agents):
        return
    agent_keys = {k for k, _ in agents}
    refinement = lexicon.noun_refinements.get(noun.lemma_.lower())
    modality = doc_index.modality(noun if noun.dep_ == "dobj" else verb, lexicon=lexicon)  # "will provide $5m in aid"
    for obj in _targets(targets, found, agent_keys, lexicon=lexicon, doc_index=doc_index):
        for agent in dict.fromkeys(agent_keys):
            yield make_fact(agent, relation, obj, noun, rule=f"{relation}-noun-governed", confidence=0.7, lexicon=lexicon, article_id=article_id, doc_index=doc_index, refinement=refinement, modality=modality)


def _campaign_facts(noun: Token, found: ArticleEntities, *, lexicon: Lexicon, article_id: str, doc_index: DocIndex) -> Iterator[Fact]:
    """ "Russia's war against Ukraine", "the coalition campaign against the militia", "X joined the fight against Y"."""
    targets = [t for p, t in prep_objects(noun, "against", "on", doc_index=doc_index) if p == "against" or noun.lemma_.lower() == "war"]
    if not targets or scare_quoted(noun):
        return  # (a "“war” on X" in scare quotes is no war: see extract/statements.py)
    agents = _own_agents(noun, found)
    agents += _agents([c for c in noun.children if c.dep_ in {"compound", "amod"} and c.i < noun.i], found)
    if not agents and not any(c.dep_ == "poss" for c in noun.children):
        if noun.dep_ == "dobj" and noun.head.lemma_.lower() in lexicon.stances.campaign_verbs:
            agents = _agents(subjects(noun.head, doc_index=doc_index), found)
    agent_keys = set(dict.fromkeys(found.government_of(k) for k, _ in agents))
    for obj in _targets(targets, found, agent_keys, lexicon=lexicon, doc_index=doc_index):
        for agent in agent_keys:
            yield make_fact(agent, "opposes", obj, noun, rule="opposes-campaign", confidence=0.7, lexicon=lexicon, article_id=article_id, doc_index=doc_index)


def _feeling_facts(word: Token, found: ArticleEntities, *, lexicon: Lexicon, article_id: str, doc_index: DocIndex) -> Iterator[Fact]:
    """ "X is appalled by Y's attack" (opposes Y), "X is encouraged by Y's decision" (supports Y)."""
    relation = lexicon.stances.feelings[word.lower_]
    agents = _agents(subjects(word, doc_index=doc_index), found)
    if not agents:
        return
    agent_keys = {k for k, _ in agents}
    targets = [t for _, t in prep_objects(word, *FEELING_PREPS, doc_index=doc_index)]
    for obj in _targets(targets, found, agent_keys, lexicon=lexicon, doc_index=doc_index):
        for agent in dict.fromkeys(agent_keys):
            yield make_fact(agent, relation, obj, word, rule=f"{relation}-feeling", confidence=0.7, lexicon=lexicon, article_id=article_id, doc_index=doc_index)


def _rupture_verb_facts(verb: Token, found: ArticleEntities, *, lexicon: Lexicon, article_id: str, doc_index: DocIndex) -> Iterator[Fact]:
    """ "X suspended aid to Y", "X severed diplomatic relations with Y", "X cut off ties with Y"."""
    ties = [o for o in verb.children if o.dep_ in {"dobj", "nsubjpass"} for o in conjuncts(o, doc_index=doc_index)]
    ties = [t for t in ties if t.lemma_.lower() in lexicon.stances.tie_nouns or t.lower_ in lexicon.stances.tie_nouns]
    ties = [t for t in ties if not _ended_stance(verb, t, lexicon=lexicon)]
    if not ties:
        return
    passive = any(c.dep_ == "nsubjpass" for c in verb.children)
    agents = _agents([t for _, t in prep_objects(verb, "by", doc_index=doc_index)] if passive else subjects(verb, doc_index=doc_index), found)
    targets = [t for tie in ties for t in tie_targets(tie, lexicon.stances.tie_nouns)]
    targets += [t for _, t in prep_objects(verb, "with", "to", "for", "from", doc_index=doc_index)]
    yield from _rupture(agents, targets, verb, found, lexicon=lexicon, article_id=article_id, doc_index=doc_index)


#: Ties that are a stance only: ending one ("ended its support for X") ends the stance, opposing nobody.
STANCE_TIES = frozenset({"support", "backing", "endorsement"})


def _ended_stance(verb: Token, tie: Token, *, lexicon: Lexicon) -> bool:
    """ "X withdrew its support for Y": the stance noun's own rule reads the support as ended
    (negated); the rupture rule gives no opposition beside it (``aid`` cut stays a rupture)."""
    return verb.lemma_.lower() in lexicon.stances.ending_verbs and tie.lemma_.lower() in STANCE_TIES


def _rupture_noun_facts(noun: Token, found: ArticleEntities, *, lexicon: Lexicon, article_id: str, doc_index: DocIndex) -> Iterator[Fact]:
    """ "announced a suspension of flights to Y", "Italy's freeze of aid to Y"."""
    ties = [t for _, t in prep_objects(noun, "of", "in", doc_index=doc_index)]
    targets = [t for tie in ties for t in tie_targets(tie, lexicon.stances.tie_nouns)]
    if not targets:
        return
    agents = _own_agents(noun, found)
    if not agents and noun.dep_ == "dobj" and noun.head.lemma_.lower() in lexicon.light_verbs:
        agents = _agents(subjects(noun.head, doc_index=doc_index), found)
    yield from _rupture(agents, targets, noun, found, lexicon=lexicon, article_id=article_id, doc_index=doc_index)


def _rupture(
    agents: list[tuple[str, Token]], targets: list[Token], predicate: Token, found: ArticleEntities, *, lexicon: Lexicon, article_id: str, doc_index: DocIndex
) -> Iterator[Fact]:
    agent_keys = set(dict.fromkeys(found.government_of(k) for k, _ in agents))
    for obj in _targets(targets, found, agent_keys, lexicon=lexicon, doc_index=doc_index):
        for agent in agent_keys:
            yield make_fact(agent, "opposes", obj, predicate, rule="opposes-rupture", confidence=0.7, lexicon=lexicon, article_id=article_id, doc_index=doc_index)


def _position_facts(verb: Token, found: ArticleEntities, *, lexicon: Lexicon, article_id: str, doc_index: DocIndex) -> Iterator[Fact]:
    """ "X is opposed to Y", "X is firmly against Y", "X is in favour of Y"."""
    lemma = verb.lemma_.lower()
    pairs: list[tuple[str, list[Token]]] = []
    subject_of = verb
    if lemma == "oppose" and not any(c.dep_ == "agent" for c in verb.children):
        if any(c.dep_ == "nsubjpass" for c in verb.children):
            pairs.append(("opposes", [t for _, t in prep_objects(verb, "to", doc_index=doc_index)]))
        elif verb.dep_ == "acomp" and verb.head.lemma_.lower() == "be":
            pairs.append(("opposes", [t for _, t in prep_objects(verb, "to", doc_index=doc_index)]))  # "X is opposed to Y"
            subject_of = verb.head
    elif lemma == "be":
        pairs.append(("opposes", [t for _, t in prep_objects(verb, "against", doc_index=doc_index)]))
        favour = [t for _, t in prep_objects(verb, "in", doc_index=doc_index) if t.lemma_.lower() in {"favour", "favor"}]
        pairs.append(("supports", [t for f in favour for _, t in prep_objects(f, "of", doc_index=doc_index)]))
    pairs = [(r, ts) for r, ts in pairs if ts]
    if not pairs:
        return
    agents = [(k, t) for t in (c for c in subject_of.children if c.dep_ in {"nsubj", "nsubjpass"}) for t in conjuncts(t, doc_index=doc_index) for k in found.at(t.i) if found.kind(k) in AGENT_KINDS]
    agent_keys = set(dict.fromkeys(found.government_of(k) for k, _ in agents))
    for relation, targets in pairs:
        for obj in _targets(targets, found, agent_keys, lexicon=lexicon, doc_index=doc_index):
            for agent in agent_keys:
                yield make_fact(agent, relation, obj, verb, rule=f"{relation}-position", confidence=0.7, lexicon=lexicon, article_id=article_id, doc_index=doc_index)


def _joint_talks_facts(verb: Token, found: ArticleEntities, *, lexicon: Lexicon, article_id: str, doc_index: DocIndex) -> Iterator[Fact]:
    """ "Biden and Xi held talks", "US and Russian negotiators returned to Geneva for talks": they meet."""
    # "X and Y attended the summit": taking part together is no meeting of the two ("held a summit" is)
    attending = verb.lemma_.lower() in lexicon.attend_verbs
    talks = [c for c in doc_index.children(verb) if c.dep == DOBJ_ID and not attending] + [t for _, t in prep_objects(verb, "for", doc_index=doc_index)]
    talks = [t for t in talks if t.lemma_.lower() in lexicon.meet_nouns or t.lower_ in lexicon.meet_nouns]
    # "talks with X", "talks between X and Y", "Xi's talks" name their parties themselves
    talks = [t for t in talks if not any(c.dep_ == "prep" and c.lower_ in {"with", "between", "among"} or c.dep_ == "poss" and found.at(c.i) for c in t.children)]
    if not talks or verb.lemma_.lower() in lexicon.host_verbs or any(p for p, _ in prep_objects(verb, "with", doc_index=doc_index)):
        return
    agents = _agents(subjects(verb, doc_index=doc_index), found)
    if len({k for k, _ in agents}) > 1:
        yield from _pairwise(agents, "meets", verb, rule="meet-joint-talks", lexicon=lexicon, article_id=article_id, doc_index=doc_index)


def _joint_intent_facts(word: Token, found: ArticleEntities, *, lexicon: Lexicon, article_id: str, doc_index: DocIndex) -> Iterator[Fact]:
    """ "Canada and Mexico reaffirmed their commitment to ...", "the UK and France are determined to ..."."""
    lemma = word.lemma_.lower()
    if word.lower_ in lexicon.stances.joint_predicates and word.dep_ in {"ROOT", "acomp", "conj", "ccomp", "xcomp", "advcl"}:
        predicate = word
    elif word.pos_ in {"VERB", "AUX"} and lemma in lexicon.light_verbs:
        shared = [
            o for o in word.children
            if o.dep_ == "dobj" and o.lemma_.lower() in lexicon.stances.joint_nouns
            and any(c.lower_ in {"their", "joint", "shared", "common", "mutual"} for c in o.children)
        ]
        if not shared:
            return
        predicate = word
    else:
        return
    agents = _agents(subjects(predicate, doc_index=doc_index), found)
    if len({k for k, _ in agents}) < 2 or any(c.dep_ == "agent" for c in predicate.children):
        return
    yield from _pairwise(agents, "cooperatesWith", predicate, rule="cooperate-joint-intent", lexicon=lexicon, article_id=article_id, doc_index=doc_index)

"""Relations between agents, events and places, read from verbs and nouns.

Each rule finds a predicate (a verb or a noun from the lexicon), its agents
(subject, "by"/"from"/"of" phrase) and its target (object or prepositional
object), and yields one fact per coordinated member ("Biden and Xi met").
Direction follows the syntax: the passive "X was condemned by Y" gives
``Y opposes X``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace

from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from ..facts import EntityKind, Fact, Modality
from .docindex import DocIndex
from .entities import ArticleEntities
from .factmaking import AGENT_KINDS, make_fact
from .lexicon import Lexicon
from .statements import ended_stance, governed_modality, joins_body, unanchored_target
from .syntax import (
    ACL_ID,
    ADJ_ID,
    APPOS_ID,
    DOBJ_ID,
    NOUN_ID,
    POSS_ID,
    PREP_ID,
    PREP_IDS,
    PUNCT_ID,
    RELCL_ID,
    VERB_POS_IDS,
    children_of,
    conjuncts,
    ids_of,
    objects,
    prep_objects,
    subjects,
)

__all__ = ["extract_relations"]

PLACE_KINDS = frozenset({EntityKind.PLACE, EntityKind.COUNTRY})
#: Prepositions after which an agent's action happens at an event it attends.
AT_EVENT_PREPS = ("at", "during", "on", "in", "for", "to", "of")
#: Prepositions that introduce whom a meeting or cooperation is with.
WITH_PREPS = ("with", "alongside")
#: Prepositions of a companion who acts too ("X, with Y, attended", "alongside Kishida, leaders will be present").
COMPANION_PREPS = ("with", "alongside")
#: Prepositions that name the parties of a relation or a meeting ("relations between X and Y").
BETWEEN_PREPS = ("between", "among")
#: Prepositions that introduce the target of a stance ("object to", "warn against").
TARGET_PREPS = ("to", "against", "with", "on", "over", "by", "for", "behind", "regarding", "towards")
#: Entity types that are never what a stance is about ("rejected it on Thursday").
NOT_TOPICS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"})
#: Modifiers that name who a stance target belongs to ("Russia's invasion", "a US offer").
OWNER_DEPS = frozenset({"poss", "amod", "compound", "nmod"})
OWNER_DEP_IDS = ids_of(*OWNER_DEPS)  # (``Token.dep``, an int read at no cost)
#: Stance verbs that take a stance only on an agent they press, never on a topic ("urged restraint").
AGENT_ONLY_STANCE_VERBS = frozenset({"urge", "press", "pressure", "call", "insist", "encourage"})
#: Verbs whose organisation subject has the countries they name as members ("the Quad groups A and B").
GROUPING_VERBS = frozenset({"group", "comprise", "include", "unite", "gather"})
#: Nouns naming who hosts an event, in apposition or as a copula's complement ("X, the host,").
HOST_NOUNS = frozenset({"host", "organiser", "organizer"})
#: Nouns of taking part whose "at EVENT" names what their possessor attends ("his appearance at the Assembly").
PARTICIPATION_NOUNS = frozenset({"appearance", "participation", "attendance", "presence", "debut", "speech", "address", "remarks", "remark"})
#: Verbs that say who takes part in an event they do not name as their object ("also attended", "sent X").
TAKING_PART_VERBS = frozenset({"shake", "attend", "send", "represent", "lead"})
#: Phrasal verbs whose particle changes the stance of their verb ("stand up to", "call out", "back down").
PHRASAL_STANCES: dict[tuple[str, str], str | None] = {
    ("stand", "up"): "opposes",
    ("call", "out"): "opposes",
    ("lash", "out"): "opposes",  # "lashed out at the G7"
    ("hit", "out"): "opposes",
    ("push", "back"): "opposes",  # "pushed back against the plan"
    ("back", "down"): None,
    ("back", "off"): None,
    ("back", "away"): None,
}
PHRASAL_STANCE_VERBS = frozenset(verb for verb, _ in PHRASAL_STANCES)
#: Verbs of refusing an act: refusing a stance ("declined to condemn X") is no stance on X.
REFUSAL_VERBS = frozenset({"refuse", "decline"})
#: Parts of speech of the predicates the verb rules read.
PREDICATE_POS = frozenset({"VERB", "AUX"})
#: The one adjective they read ("leaders will be present").
PRESENT = frozenset({"present"})
#: Prepositions that put a person at an event ("in Jakarta for the summit", "leaders at the summit").
EVENT_PHRASE_PREPS = frozenset({"for", "at"})
#: The words the membership rules start from besides their verbs ("as a member of", "member").
MEMBERSHIP_WORDS = frozenset({"as", "member"})
#: Longest topic label kept, in words, for stance targets that are no entity.
MAX_TOPIC_WORDS = 12
# Dependency labels as string ids: ``Token.dep`` is an int, read at no cost, while ``Token.dep_``
# decodes a new str on every read; the loops over many tokens below test the int.
NSUBJPASS_ID, AGENT_ID, PRT_ID, ADVMOD_ID, ACOMP_ID = (get_string_id(dep) for dep in ("nsubjpass", "agent", "prt", "advmod", "acomp"))
ADVCL_ID, DET_ID = get_string_id("advcl"), get_string_id("det")
#: The phrases of a topic noun left out of its label ("the plan, which ...", "the plan, a trap,").
TOPIC_SKIPPED_DEP_IDS = frozenset({RELCL_ID, ACL_ID, APPOS_ID, PUNCT_ID})
NEUTRAL_DEP_IDS = frozenset({ACOMP_ID, get_string_id("oprd")})
PLACE_PHRASE_DEP_IDS = frozenset({ACOMP_ID, ADVMOD_ID})
#: The dependencies of a verb's children below which _event_targets reads phrases.
EVENT_PATH_DEP_IDS = PREP_IDS | PLACE_PHRASE_DEP_IDS | {DOBJ_ID}


def extract_relations(doc: Doc, found: ArticleEntities, *, lexicon: Lexicon, article_id: str, doc_index: DocIndex | None = None) -> list[Fact]:
    """attends, hosts, meets, visits, supports, opposes and cooperatesWith facts."""
    if doc_index is None:
        doc_index = DocIndex(doc)
    facts: list[Fact] = []
    # tokens that stand for an event (these rules link none): a verb with none in its subtree
    # and no relation verb's lemma is read by no rule of _verb_facts
    events_at = found.linked_to(EntityKind.EVENT)
    event_sentences = {doc_index.sentence_number(i) for i in events_at}
    # and a noun no stance, visit or meeting word is read by no rule of _noun_facts
    # (word lists as frozensets: DocIndex.tokens_with keeps the string ids of a frozenset it saw)
    nouns = frozenset({*lexicon.stance_nouns, *lexicon.visit_nouns, *lexicon.meet_nouns})
    # every rule of _verb_facts and _noun_facts needs an agent: none reads a sentence that names none
    with_agents = _agent_counts(found, doc_index)
    phrases = _PhraseHeads(doc_index)
    # (of the adjectives, only "present" is read: asked by its word, the others are not walked)
    for token in doc_index.tokens_with(pos=PREDICATE_POS, lemma=nouns, lower=nouns | PRESENT):
        sentence = doc_index.sentence_number(token.i)
        if sentence not in with_agents:
            continue
        pos = token.pos  # (an int: ``pos_`` decodes a new str on every read)
        if pos in VERB_POS_IDS or (pos == ADJ_ID and token.lower_ == "present"):
            lemma = token.lemma_.lower()
            if sentence in event_sentences:
                read = _is_relation_verb(lemma, lexicon) or _any_between(events_at, token.left_edge.i, token.right_edge.i)
            else:  # (the event rules find their event in the verb's tree, in its sentence)
                read = _reads_without_event(lemma, lexicon)
            if read:
                facts.extend(_verb_facts(token, found, lexicon=lexicon, article_id=article_id, doc_index=doc_index, lemma=lemma, phrases=phrases))
        elif pos == NOUN_ID:
            facts.extend(_noun_facts(token, found, lexicon=lexicon, article_id=article_id, doc_index=doc_index, phrases=phrases))
    facts.extend(_taking_part_facts(doc, found, lexicon=lexicon, article_id=article_id, doc_index=doc_index))
    facts.extend(_membership_facts(doc, found, lexicon=lexicon, article_id=article_id, doc_index=doc_index))
    facts.extend(_event_draws_facts(doc, found, lexicon=lexicon, article_id=article_id, doc_index=doc_index))
    facts.extend(_people_at_events(doc, found, lexicon=lexicon, article_id=article_id, doc_index=doc_index))
    return facts


#: Nouns for the people an event gathers ("leaders at the summit, including X").
GATHERED_NOUNS = frozenset({"leader", "head", "delegate", "minister", "participant", "attendee", "guest"})


def _people_at_events(doc: Doc, found: ArticleEntities, *, lexicon: Lexicon, article_id: str, doc_index: DocIndex) -> Iterator[Fact]:
    """A name or a group of people that a phrase puts at an event: "Harris, in Jakarta for the
    summit,", "leaders at the summit, including X and Y"."""
    event_sentences = {doc_index.sentence_number(i) for i in found.linked_to(EntityKind.EVENT)}
    for prep in doc_index.tokens_with(lower=EVENT_PHRASE_PREPS):
        # (the event is the phrase's object, in its sentence; ``dep`` is an int, read at no cost)
        if prep.dep != PREP_ID or doc_index.sentence_number(prep.i) not in event_sentences:
            continue
        events = [k for o in prep.children if o.dep_ == "pobj" for k in found.at(o.i) if found.kind(k) is EntityKind.EVENT and found.event_type(k) != "Visit"]
        if not events:
            continue
        holder = prep.head
        if holder.dep_ == "prep" and holder.lower_ == "in":
            holder = holder.head  # "Harris, in Jakarta for the summit"
        people = [k for k in found.at(holder.i) if found.kind(k) is EntityKind.PERSON]
        if not people and holder.pos_ == "NOUN" and holder.lemma_.lower() in GATHERED_NOUNS:
            people = [k for p in holder.children if p.dep_ == "prep" and p.lower_ == "including" for t in conjuncts_of_pobj(p) for k in found.at(t.i) if found.kind(k) in AGENT_KINDS]
        for person in people:
            for event in events:
                yield make_fact(person, "attends", event, prep, rule="person-at-event", confidence=0.7, lexicon=lexicon, article_id=article_id, doc_index=doc_index)


#: Particles the parser sometimes reads as adverbs.
ADVERB_PARTICLES = frozenset({"back", "out", "off", "down", "away", "up"})
#: Predicates of being away ("was absent from the summit", "was missing from the meeting").
ABSENCE_WORDS = frozenset({"absent", "missing", "away"})
#: Verbs whose event subject brings its participants together ("the summit drew leaders including X").
DRAWING_VERBS = frozenset({"bring", "draw", "attract", "gather", "assemble", "unite", "convene"})


def _event_draws_facts(doc: Doc, found: ArticleEntities, *, lexicon: Lexicon, article_id: str, doc_index: DocIndex) -> Iterator[Fact]:
    """ "The summit brought together leaders including X and Y", "the summit drew leaders from 31
    countries, including X": who an event brings together attends it."""
    for verb in doc_index.tokens_with(lemma=DRAWING_VERBS):
        if verb.pos_ != "VERB":
            continue
        events = [k for s in subjects(verb, doc_index=doc_index) for k in found.at(s.i) if found.kind(k) is EntityKind.EVENT and found.event_type(k) != "Visit"]
        if not events:
            continue
        objs = objects(verb, doc_index=doc_index)
        not_subject = [t for t in verb.subtree if not any(s.left_edge.i <= t.i <= s.right_edge.i for s in subjects(verb, doc_index=doc_index))]
        people = [*objs, *(t for prep in not_subject if prep.dep_ == "prep" and prep.lower_ == "including" for t in conjuncts_of_pobj(prep))]
        for agent, token in _agents(people, found):
            for event in events:
                yield make_fact(agent, "attends", event, verb, rule="event-draws", confidence=0.75, lexicon=lexicon, article_id=article_id, doc_index=doc_index)


def _membership_facts(doc: Doc, found: ArticleEntities, *, lexicon: Lexicon, article_id: str, doc_index: DocIndex) -> Iterator[Fact]:
    """Membership in news shapes: "the Quad, which groups Australia, India, Japan and the
    United States"; "South Africa, as a member of the ICC, ..."; "was admitted as a member of the G20"."""
    org_kinds = {EntityKind.ORGANISATION, EntityKind.INTERNATIONAL_ORGANISATION}
    for token in doc_index.tokens_with(lower=MEMBERSHIP_WORDS, lemma=GROUPING_VERBS):  # the words the rules start from
        lower = token.lower_  # (read once: spaCy decodes the string afresh on every read)
        if lower == "member":
            yield from _member_copula(token, found, lexicon=lexicon, article_id=article_id, doc_index=doc_index)
        elif token.pos_ == "VERB" and token.lemma_.lower() in GROUPING_VERBS:
            orgs = [(k, t) for k, t in _agents(subjects(token, doc_index=doc_index), found) if found.kind(k) in org_kinds]
            members = [(k, t) for k, t in _agents(objects(token, doc_index=doc_index), found) if found.kind(k) is EntityKind.COUNTRY]
            for org, _ in orgs:
                for member, _ in members:
                    yield make_fact(member, "memberOf", org, token, rule="membership-grouping", confidence=0.8, lexicon=lexicon, article_id=article_id, doc_index=doc_index)
        elif lower == "as" and token.dep == PREP_ID:
            for noun in token.children:
                if noun.dep_ != "pobj" or noun.lemma_.lower() not in {"member", "ally", "signatory"}:
                    continue
                orgs = [k for _, t in prep_objects(noun, "of", doc_index=doc_index) for k in found.at(t.i) if found.kind(k) in org_kinds]
                verb = token.head
                while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:  # Token objects are not interned
                    verb = verb.head
                members = [k for k, _ in _agents(subjects(verb, doc_index=doc_index), found) if found.kind(k) is not EntityKind.PERSON]
                for member in members:
                    for org in orgs:
                        if member != org:
                            yield make_fact(member, "memberOf", org, verb, rule="membership-as-member", confidence=0.75, lexicon=lexicon, article_id=article_id, doc_index=doc_index)


def _member_copula(noun: Token, found: ArticleEntities, *, lexicon: Lexicon, article_id: str, doc_index: DocIndex) -> Iterator[Fact]:
    """ "Belarus became the tenth full member of the SCO": a country or organisation that
    becomes a member of an international organisation ("is a member of" is a description, in roles)."""
    verb = noun.head
    if noun.dep_ != "attr" or verb.lemma_.lower() != "become":
        return
    orgs = [k for _, t in prep_objects(noun, "of", doc_index=doc_index) for k in found.at(t.i) if found.kind(k) is EntityKind.INTERNATIONAL_ORGANISATION]
    members = [k for k, _ in _agents(subjects(verb, doc_index=doc_index), found) if found.kind(k) in {EntityKind.COUNTRY, EntityKind.INTERNATIONAL_ORGANISATION}]
    for member in members:
        for org in orgs:
            if member != org:
                yield make_fact(member, "memberOf", org, verb, rule="membership-copula", confidence=0.8, lexicon=lexicon, article_id=article_id, doc_index=doc_index)


def _taking_part_facts(doc: Doc, found: ArticleEntities, *, lexicon: Lexicon, article_id: str, doc_index: DocIndex) -> Iterator[Fact]:
    """Taking part where the event is not the verb's object: "Lula and Modi also attended"
    (the event the article is about), "sent Premier Li Qiang", "was represented by Lavrov",
    "Lavrov led Russia's delegation", "his appearance at the Assembly", and meetings
    by handshake ("Biden and Xi shook hands")."""
    triggers = doc_index.tokens_with(lemma=HOST_NOUNS | PARTICIPATION_NOUNS | TAKING_PART_VERBS)
    if not triggers:
        return
    mentions = [(i, k) for i in found.linked_to(EntityKind.EVENT) for k in found.at(i) if found.kind(k) is EntityKind.EVENT and found.event_type(k) != "Visit"]
    for token in triggers:
        lemma = token.lemma_.lower()
        host = lemma in HOST_NOUNS and token.pos_ == "NOUN"
        as_host = host and token.dep_ == "pobj" and token.head.lower_ == "as" and token.head.head.pos_ in {"VERB", "AUX"}
        if host and (token.dep_ == "appos" or token.dep_ == "attr" and token.head.lemma_ == "be" or as_host):
            # "Cyril Ramaphosa, the host,", "Sanchez, the summit's host,", "X was the host",
            # "As host of the summit, X urged ..."
            if as_host:
                hosts = subjects(token.head.head, doc_index=doc_index)
            else:
                hosts = [token.head] if token.dep_ == "appos" else [c for c in token.head.children if c.dep_ == "nsubj"]
            named = [k for c in token.children if c.dep_ in {"poss", "compound"} for k in found.at(c.i) if found.kind(k) is EntityKind.EVENT]
            event = named[0] if named else _event_in_view(token, mentions, found, same_sentence=False, doc_index=doc_index)
            for host, _ in _agents(hosts, found):
                if event is not None:
                    yield make_fact(host, "hosts", event, token, rule="host-noun", confidence=0.75, lexicon=lexicon, article_id=article_id, doc_index=doc_index)
            continue
        if token.pos_ == "NOUN" and lemma in PARTICIPATION_NOUNS:
            events = [k for _, t in prep_objects(token, "at", "in", "to", doc_index=doc_index) for k in found.at(t.i) if found.kind(k) is EntityKind.EVENT]
            # "in remarks delivered at a summit": the place phrase on the noun's participle
            events += [k for c in token.children if c.dep_ == "acl" for _, t in prep_objects(c, "at", doc_index=doc_index) for k in found.at(t.i) if found.kind(k) is EntityKind.EVENT]
            owners = [c for c in token.children if c.dep_ == "poss"]
            if not owners and token.dep_ == "dobj" and token.head.lemma_.lower() in {"make", "deliver", "give"}:
                owners = subjects(token.head, doc_index=doc_index)  # "X made an appearance at the summit"
            if not _agents(owners, found) and token.dep_ == "pobj" and token.head.lower_ in {"in", "during"} and token.head.head.pos_ == "VERB":
                owners = subjects(token.head.head, doc_index=doc_index)  # "In her speech at the summit, X said"
            for agent, _ in _agents(owners, found):
                for event in events:
                    yield make_fact(agent, "attends", event, token, rule="participation-noun", confidence=0.75, lexicon=lexicon, article_id=article_id, modality=doc_index.modality(token.head if token.dep_ == "pobj" else token, lexicon=lexicon))
            continue
        if token.pos_ != "VERB":
            continue
        objs = [c for c in token.children if c.dep_ == "dobj"]
        if lemma == "shake" and any(o.lower_ == "hands" for o in objs):
            agents = _agents(subjects(token, doc_index=doc_index), found)
            partners = _agents([t for _, t in prep_objects(token, "with", doc_index=doc_index)], found)
            if partners:
                yield from (make_fact(a, "meets", p, token, rule="handshake", confidence=0.75, lexicon=lexicon, article_id=article_id, doc_index=doc_index) for a, _ in agents for p, _ in partners if a != p)
            elif len(agents) > 1:
                yield from _pairwise(agents, "meets", token, rule="handshake", lexicon=lexicon, article_id=article_id, doc_index=doc_index)
            continue
        takers: list[tuple[str, Token]] = []
        if lemma == "attend" and not [o for o in objs if o.ent_type_ != "DATE"] and not _event_targets(token, [], found):
            takers = _agents(subjects(token, doc_index=doc_index), found) or _agents(_copula_subjects(token), found)  # "Lula and Modi also attended", "X was the only one to attend"
        elif lemma == "send" and not any(p == "to" for p, _ in prep_objects(token, "to", doc_index=doc_index)):
            people = [t for o in objs for c in conjuncts(o, doc_index=doc_index) for t in (c, *(a for a in c.children if a.dep_ == "appos"))]  # "sending X and Y"
            takers = [(k, t) for k, t in _agents(people, found) if found.kind(k) is EntityKind.PERSON]
        elif lemma == "represent" and any(c.dep_ in {"nsubjpass", "auxpass"} for c in token.children):
            takers = [(k, t) for k, t in _agents([t for _, t in prep_objects(token, "by", doc_index=doc_index)], found) if found.kind(k) is EntityKind.PERSON]
        elif lemma == "lead" and any(o.lemma_.lower() in {"delegation", "delegations"} for o in objs):
            takers = _agents(subjects(token, doc_index=doc_index), found)
        if not takers:
            continue
        event = _event_in_view(token, mentions, found, same_sentence=lemma != "attend", doc_index=doc_index)
        if event is None:
            continue
        for taker, _ in takers:
            yield make_fact(taker, "attends", event, token, rule=f"takes-part/{lemma}", confidence=0.7, lexicon=lexicon, article_id=article_id, doc_index=doc_index)


def _event_in_view(verb: Token, mentions: list[tuple[int, str]], found: ArticleEntities, *, same_sentence: bool, doc_index: DocIndex) -> str | None:
    """The event a sentence is about: one at the verb ("at the summit"), else (with
    ``same_sentence``) the first one its sentence names, else the one the article has named
    most often so far (the latest of those), never another year's occasion."""
    at = _event_targets(verb, [], found)
    if at:
        return at[0]
    mentions = [(i, k) for i, k in mentions if not found.is_other_occasion(k)]
    sent = doc_index.sentence(verb)
    here = [k for i, k in mentions if sent.start <= i < sent.end]
    if here and same_sentence:
        return here[0]
    before = [(i, k) for i, k in mentions if i < sent.start]
    if not before:
        return None
    counts = Counter(k for _, k in before)
    latest = {k: i for i, k in before}
    return max(counts, key=lambda k: (counts[k], latest[k]))


def _keys(token: Token, found: ArticleEntities, kinds: frozenset[EntityKind]) -> list[str]:
    return [k for k in found.at(token.i) if found.kind(k) in kinds]


def _agents(tokens: list[Token], found: ArticleEntities) -> list[tuple[str, Token]]:
    # (``_keys(t, found, AGENT_KINDS)`` inlined: most tokens stand for nothing, and a call each costs more than the test)
    return [(k, t) for t in tokens for k in found.at(t.i) if found.kind(k) in AGENT_KINDS]


def _agent_counts(found: ArticleEntities, doc_index: DocIndex) -> dict[int, int]:
    """How many distinct agents (``AGENT_KINDS``) the tokens of each sentence stand for, by
    sentence number (sentences with none left out).

    A rule that needs agents of a predicate finds them in its dependency tree, which lies in its
    sentence (spaCy's sentences are the parse's trees): in other sentences it can skip the search.
    """
    agents: dict[int, set[str]] = {}
    for i, keys in found.linked():
        for key in keys:
            if found.kind(key) in AGENT_KINDS:
                agents.setdefault(doc_index.sentence_number(i), set()).add(key)
    return {n: len(keys) for n, keys in agents.items()}


def _verb_facts(verb: Token, found: ArticleEntities, *, lexicon: Lexicon, article_id: str, doc_index: DocIndex, lemma: str, phrases: _PhraseHeads) -> Iterator[Fact]:
    """The facts read from ``verb`` (whose lower-cased lemma is ``lemma``)."""
    relation_verb = _is_relation_verb(lemma, lexicon)
    # the events at any other verb (none of the attending verbs): read once
    events_at_verb = [] if relation_verb else _event_targets(verb, [], found, doc_index=doc_index, phrases=phrases)
    if not relation_verb and not events_at_verb:
        return  # no rule below reads this verb: spare the search for its agents
    children = doc_index.children(verb)  # read by most rules below: made once
    passive = any(c.dep == NSUBJPASS_ID for c in children)
    # "the summit hosted by India": a passive participle modifying its target
    reduced = verb.dep == ACL_ID and verb.tag_ == "VBN" and any(c.dep == AGENT_ID for c in children)
    # "X hosted a summit in Riyadh, attended by Y": the trailing participle is the object's
    trailing = _trailing_attended(verb, children, lexicon)
    subject_tokens: list[Token] = []  # (read below only when not passive)
    verb_objects: list[Token] | None = None  # objects(verb), kept when read (a walk of its children); see below
    if passive or reduced or trailing:
        passive = True
        agents = _agents([t for _, t in doc_index.prep_objects(verb, "by")], found)
        if trailing:
            targets = trailing
        elif reduced:
            targets = conjuncts(verb.head, doc_index=doc_index)
        else:
            targets = [t for c in children if c.dep == NSUBJPASS_ID for t in conjuncts(c, doc_index=doc_index)]
    else:
        subject_tokens = subjects(verb, doc_index=doc_index)
        agents = _agents(subject_tokens, found)
        # "Alongside Kishida, leaders will be present": the companion acts too.
        if phrases.has(verb, "alongside"):
            agents += _agents([t for p, t in doc_index.prep_objects(verb, "alongside")], found)
        for subject_token in subject_tokens:
            if phrases.has(subject_token, *COMPANION_PREPS):
                agents += _agents([t for p, t in doc_index.prep_objects(subject_token, *COMPANION_PREPS)], found)
        targets = verb_objects = objects(verb, doc_index=doc_index)
    attending = lemma in lexicon.attend_verbs or lemma in lexicon.host_verbs
    if attending and not passive and lemma not in lexicon.host_verbs:
        agents += _included_agents(subject_tokens, found)  # "leaders including X and Y gathered for the summit"
    if attending and _relative_object(verb):
        targets = [*targets, *_relative_antecedents(verb)]  # "a banquet, which Scholz attended"
    if not agents and attending and not passive:
        agents = _agents(_clause_subjects(verb), found)
    elif not agents and lemma in lexicon.visit_verbs and not passive:
        agents = _agents(_copula_subjects(verb), found)  # "X became the first leader to visit Kyiv"
    if not agents:
        return
    events = _event_targets(verb, targets if attending else [], found, doc_index=doc_index, phrases=phrases) if relation_verb else events_at_verb
    if lemma in {"hold", "have"} and not passive:
        # (its objects: read here once for the rules of "hold" and "have", which never read them changed)
        verb_objects = objects(verb, doc_index=doc_index) if verb_objects is None else verb_objects
        yield from _talks_at_event(verb, agents, found, lexicon=lexicon, article_id=article_id, doc_index=doc_index, phrases=phrases, verb_objects=verb_objects)
    # attends / hosts
    if events:
        if lemma in lexicon.host_verbs or _plays_host(verb):
            for agent, _ in agents:
                for event in events:
                    yield make_fact(agent, "hosts", event, verb, rule="host-verb", confidence=0.85, lexicon=lexicon, article_id=article_id, doc_index=doc_index)
        elif lemma != "hold" and not _neutral_predicate(verb):  # "held talks" is a meeting, "held a summit" a hosting: neither says who attended
            # "was absent from the summit": a predicate of being away denies the attendance
            negative = lemma in lexicon.attend_negative or any(c.dep == ACOMP_ID and c.lemma_.lower() in ABSENCE_WORDS for c in children)
            confidence = 0.9 if lemma in lexicon.attend_verbs else 0.6
            # any act done at an event puts its doer there, but "called for a summit", "prepared
            # for the meeting", "responded to the summit" say nothing of being there
            # ("met for a summit" does)
            present = events if confidence > 0.6 or lemma in {"meet", "talk", "confer", "convene", "assemble"} else [e for e in events if e in _events_where(verb, found)]
            for agent, agent_token in agents:
                for event in present:
                    if found.event_type(event) == "Visit" or _own_event(agent, verb, event, found):
                        continue  # a visit is made, not attended; NATO does not attend "its summit"
                    yield make_fact(agent, "attends", event, verb, rule="attend-verb" if confidence > 0.6 else "act-at-event", confidence=confidence, lexicon=lexicon, article_id=article_id, doc_index=doc_index, modality=Modality.NEGATED if negative else None)
            if lemma in lexicon.meet_transitive and not negative:
                # "on the sidelines of the summit, Biden met Xi": the one met is there too
                yield from _met_at_event(verb, agents, targets, events, found, lexicon=lexicon, article_id=article_id, doc_index=doc_index)
    # "Biden hosted Kishida": a host meets its guest
    if lemma in lexicon.host_verbs:  # "welcomed Modi for a state visit": the guest is met too
        for agent, _ in agents:
            for guest, guest_token in _agents(targets, found):
                if guest != agent and found.kind(guest) is EntityKind.PERSON:
                    yield make_fact(agent, "meets", guest, verb, rule="host-guest", confidence=0.75, lexicon=lexicon, article_id=article_id, doc_index=doc_index)
                    yield from _guest_visits(verb, guest, guest_token, found, lexicon=lexicon, article_id=article_id, doc_index=doc_index)
                    if not events:
                        for visit in _visits_made_by(guest, verb, found, doc_index=doc_index):
                            # "The King arrived for a state visit. Steinmeier welcomed him": the visit's host
                            yield make_fact(agent, "hosts", visit, verb, rule="host-of-visit", confidence=0.7, lexicon=lexicon, article_id=article_id, doc_index=doc_index)
                    # "hosted Kishida and Marcos for a summit": the guests take part in it
                    for event in events:
                        if found.event_type(event) != "Visit":
                            yield make_fact(guest, "attends", event, verb, rule="host-guest-event", confidence=0.75, lexicon=lexicon, article_id=article_id, doc_index=doc_index)
    # meets
    # the parser tags some particles as adverbs ("pushed back against")
    particle = next((c.lower_ for c in children if c.dep == PRT_ID or (c.dep == ADVMOD_ID and c.lower_ in ADVERB_PARTICLES)), None)
    if (lemma in lexicon.meet_verbs or lemma == "join") and particle not in {"off", "out"}:  # "called off", "call out"
        partners = _agents(targets if lemma in lexicon.meet_transitive else [], found)
        partners += _agents([t for _, t in doc_index.prep_objects(verb, *WITH_PREPS)], found)
        if lemma in {"hold", "have"}:
            for obj in _with_measured(objects(verb, doc_index=doc_index) if verb_objects is None else verb_objects):  # (read above unless passive)
                if obj.lemma_.lower() in lexicon.meet_nouns or obj.lower_ in lexicon.meet_nouns:
                    partners += _agents([t for _, t in prep_objects(obj, "with", doc_index=doc_index)], found)
        elif lemma not in {"meet", "talk", "speak", "confer"} and not partners:
            partners = []
        if lemma == "join" and any(o.lemma_.lower() in lexicon.meet_nouns or o.lower_ in lexicon.meet_nouns for _, o in doc_index.prep_objects(verb, "for")):
            partners += _agents(targets, found)  # "joined X for talks"
        talks = lemma in {"hold", "have"} and any(o.lemma_.lower() in lexicon.meet_nouns or o.lower_ in lexicon.meet_nouns for o in _with_measured(objects(verb, doc_index=doc_index) if verb_objects is None else verb_objects))
        if (lemma in {"meet", "talk", "confer", "speak"} or talks) and not partners and len(agents) > 1:
            yield from _pairwise(agents, "meets", verb, rule="meet-coordinated", lexicon=lexicon, article_id=article_id, doc_index=doc_index)
        for agent, _ in agents:
            for partner, partner_token in partners:
                if partner != agent:
                    yield make_fact(agent, "meets", partner, verb, rule="meet-verb", confidence=0.85, lexicon=lexicon, article_id=article_id, doc_index=doc_index)
                    if lemma == "receive" and found.kind(partner) is EntityKind.PERSON and partner_token in targets:
                        yield from _guest_visits(verb, partner, partner_token, found, lexicon=lexicon, article_id=article_id, doc_index=doc_index)  # "received Macron in Beijing"
    # visits
    if lemma in lexicon.visit_verbs:
        places = [(k, t) for t in (targets if lemma in {"visit", "tour"} else []) for k in _keys(t, found, PLACE_KINDS)]
        if lemma != "visit":
            # "flew into San Francisco", "arrived in Kazan"
            preps = ("to", "in", "into") if lemma in {"arrive", "land"} else ("to", "into")
            places += [(k, t) for p, t in doc_index.prep_objects(verb, *preps) for t in _place_named(t) for k in _keys(t, found, PLACE_KINDS)]
        for agent, _ in agents:
            for place, _ in places:
                if place != agent:
                    yield make_fact(agent, "visits", place, verb, rule="visit-verb", confidence=0.85, lexicon=lexicon, article_id=article_id, doc_index=doc_index)
    # stances and cooperation
    relation = PHRASAL_STANCES.get((lemma, particle), lexicon.stance_verbs.get(lemma)) if particle else lexicon.stance_verbs.get(lemma)
    if relation is not None and not (events and attending) and not _ceremonial_welcome(verb):
        refinement = lexicon.refinements.get(lemma)
        stance_targets = list(targets) + [t for _, t in doc_index.prep_objects(verb, *TARGET_PREPS) if not passive]
        if relation == "opposes" and (particle == "out" or lemma == "bristle"):
            stance_targets += [t for _, t in prep_objects(verb, "at", doc_index=doc_index)]  # "lashed out at X", "bristled at X"
        if particle and not passive:
            # "pushed back against X": the parser hangs the phrase on the particle it takes for an adverb
            stance_targets += [t for c in children if c.dep == ADVMOD_ID and c.lower_ == particle for _, t in prep_objects(c, *TARGET_PREPS, doc_index=doc_index)]
        act_targets: list[Token] = []  # the act threatened or refused, and whom it is aimed at
        if lemma in lexicon.intent_verbs:
            # "threatened to cut ties with Congo", "refused to meet Abdullah": the act's objects
            for clause in children:
                # "declined to condemn Moscow", "refused to back X": the act is itself a stance,
                # which its own verb reads (negated); refusing it is no stance on its target
                if clause.dep_ == "xcomp" and not (lemma in REFUSAL_VERBS and clause.lemma_.lower() in lexicon.stance_verbs):
                    act_targets += objects(clause, doc_index=doc_index)
                    act_targets += [t for _, t in prep_objects(clause, "with", "against", "on", "to", "from", doc_index=doc_index)]
                    act_targets += [t for o in objects(clause, doc_index=doc_index) for _, t in prep_objects(o, "on", "to", doc_index=doc_index)]  # "to impose sanctions on X"
                    # "threatened to cut relations with Congo", "refused to deploy troops in Iraq"
                    act_targets += [
                        t for o in objects(clause, doc_index=doc_index) for p, t in prep_objects(o, "with", "against", "in", doc_index=doc_index)
                        if any(found.kind(k) is (EntityKind.COUNTRY if p == "in" else found.kind(k)) for k in found.at(t.i))
                    ]
        if lemma in lexicon.clause_target_verbs:
            # "demanded that Iraq comply", "urged Iran to": the one pressed is the clause's subject
            for clause in children:
                if clause.dep_ in {"ccomp", "xcomp"}:
                    stance_targets += [t for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"} for t in conjuncts(c, doc_index=doc_index)]
        objs = [(found.government_of(k), t) for t in stance_targets + act_targets for k in found.at(t.i)]
        objs = [(k, t) for k, t in objs if k not in {a for a, _ in agents}]
        if lemma in {"join", "rejoin"} and any(t.lemma_.lower() == "member" for _, t in prep_objects(verb, "as", doc_index=doc_index)):
            # "joined the G20 as a permanent member": a membership (see biography), not a partnership
            objs = [(k, t) for k, t in objs if found.kind(k) is not EntityKind.INTERNATIONAL_ORGANISATION]
        if not objs:
            # with a direct object, a prepositional phrase gives the reason, not the target
            # ("jailed X on charges of treason", "blamed X for the bombing")
            pool = [t for t in stance_targets if t in targets and t.i > verb.i] or stance_targets
            if lemma in lexicon.clause_target_verbs:
                # what is demanded is not opposed ("demanded an apology"); whom it is asked of is
                act_targets = act_targets + [t for o in pool for t in [o, *(t for _, t in prep_objects(o, "with", "to", "from", doc_index=doc_index))]]
                pool = []
            objs = [(_topic(t, found, lexicon=lexicon, doc_index=doc_index), t) for t in pool if t.pos_ in {"NOUN", "PROPN"}]
            # the act threatened or refused is not the target ("threatened to launch an offensive"): whom it hits is
            objs += [
                (k, t)
                for t in act_targets
                if t.pos_ in {"NOUN", "PROPN"}
                for k in ([found.government_of(k) for k in found.at(t.i)] or [_topic(t, found, lexicon=lexicon, doc_index=doc_index)])
                if k not in {a for a, _ in agents}
            ]
            groups = lexicon.stances.group_heads
            objs = [(k, t) for k, t in objs if k and (t not in act_targets or found.kind(k) in AGENT_KINDS or t.lemma_.lower() in groups)]
            if lemma in AGENT_ONLY_STANCE_VERBS or (lemma in lexicon.intent_verbs and relation == "opposes"):
                # "urged world leaders to act", "declined to give him a joint address": no stance on a topic,
                # but on a group of people ("threatened to shell Iraqi towns")
                objs = [(k, t) for k, t in objs if found.kind(k) in AGENT_KINDS or t.lemma_.lower() in groups]
        agent_objects = [o for o in objs if found.kind(o[0]) in AGENT_KINDS]
        # "Egypt and Iran joined the bloc": each joins it, they need not cooperate with each other
        # (but "joined forces", "joined hands")
        joined_something = lemma in {"join", "rejoin"} and any(t.lemma_.lower() not in {"force", "hand"} for t in targets)
        if relation == "cooperatesWith" and not agent_objects and len(agents) > 1 and not joined_something:
            yield from _pairwise(agents, relation, verb, rule="cooperate-coordinated", lexicon=lexicon, article_id=article_id, doc_index=doc_index, refinement=refinement)
        for agent, _ in agents:
            for obj, _ in objs:
                if relation == "cooperatesWith" and (found.kind(obj) not in AGENT_KINDS or joins_body(lemma, obj, found)):
                    continue
                yield make_fact(agent, relation, obj, verb, rule=f"{relation}-verb", confidence=0.75, lexicon=lexicon, article_id=article_id, doc_index=doc_index, refinement=refinement)


#: Nouns of a place whose "of" phrase or apposition names it ("the city of Guangzhou", "the capital, Kyiv").
PLACE_NOUNS = frozenset({"city", "capital", "town", "port", "province", "region", "island", "village"})
#: Verbs whose object visit is made by their subject ("paid a state visit to Serbia").
VISIT_LIGHT_VERBS = frozenset({"pay", "make", "begin", "start", "undertake", "conclude", "end", "wrap", "complete"})


def _place_named(token: Token) -> list[Token]:
    """The token itself, and for "the city of X" / "the capital, X" the tokens that name the place."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in PLACE_NOUNS:
        return [token]
    return [token, *(t for _, t in prep_objects(token, "of")), *(c for c in token.children if c.dep_ == "appos")]


def _clause_subjects(verb: Token) -> list[Token]:
    """Who does an attending verb that has no subject of its own: the subject of the verb whose
    purpose it is ("flew to Rome to attend the summit"), or the person a participle describes
    ("Sunak, attending his first G20, said")."""
    if verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return subjects(verb.head) if verb.head.pos_ in {"VERB", "AUX"} else []
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ == "PROPN":
        return [verb.head]
    return _copula_subjects(verb)


def _trailing_attended(verb: Token, children, lexicon: Lexicon) -> list[Token]:
    """ "X hosted a summit in Riyadh, attended by Y": an attending participle after the
    clause, parsed as its adverbial, is said of the clause's object (the event)."""
    if not (verb.dep == ADVCL_ID and verb.tag_ == "VBN" and verb.lemma_.lower() in lexicon.attend_verbs):
        return []
    if not any(c.dep == AGENT_ID for c in children) or verb.head.pos_ != "VERB":
        return []
    return [t for c in verb.head.children if c.dep_ == "dobj" for t in conjuncts(c)]


def _included_agents(subject_tokens: list[Token], found: ArticleEntities) -> list[tuple[str, Token]]:
    """The named members of a subject group: "Leaders including X and Y attended", "heads of
    state, among them X, gathered"; the group noun itself names no one."""
    named = []
    for subject in subject_tokens:
        if found.at(subject.i):
            continue  # "Macron, including ...": a named subject is the agent already
        for prep in subject.children:
            if prep.lower_ in {"including", "among"} and prep.dep_ == "prep":
                named += [t for c in prep.children if c.dep_ == "pobj" for t in conjuncts(c)]
    return [(k, t) for k, t in _agents(named, found) if found.kind(k) in {EntityKind.PERSON, EntityKind.COUNTRY}]


def _copula_subjects(verb: Token) -> list[Token]:
    """ "X was the only leader to attend the forum", "Y became the first pontiff to address
    the summit": the infinitive describes the noun the subject is said to be; "among those
    attending were X and Y": the participle describes a group the subjects are in."""
    noun = verb.head
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and noun.dep_ == "pobj" and noun.head.lower_ == "among" and noun.head.head.lemma_.lower() == "be":
        return subjects(noun.head.head)
    if not (verb.dep_ in {"relcl", "acl"} and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)):
        return []
    if noun.dep_ != "attr" or noun.head.lemma_.lower() not in {"be", "become"}:
        return []
    return subjects(noun.head)


def _met_at_event(verb: Token, agents, targets: list[Token], events: list[str], found: ArticleEntities, *, lexicon: Lexicon, article_id: str, doc_index: DocIndex) -> Iterator[Fact]:
    """The people a meeting verb's subject meets at an event attend it too."""
    agent_keys = {a for a, _ in agents}
    for guest, _ in _agents(targets, found):
        if guest in agent_keys or found.kind(guest) is not EntityKind.PERSON:
            continue
        for event in events:
            if found.event_type(event) != "Visit":
                yield make_fact(guest, "attends", event, verb, rule="met-at-event", confidence=0.7, lexicon=lexicon, article_id=article_id, doc_index=doc_index)


def _is_relation_verb(lemma: str, lexicon: Lexicon) -> bool:
    """Whether a rule of :func:`_verb_facts` other than "acts at an event" reads this verb.

    Each branch there asks for one of these word lists; keep this in step with them.
    """
    return (
        lemma in lexicon.attend_verbs
        or lemma in lexicon.host_verbs
        or lemma in lexicon.meet_verbs
        or lemma == "join"
        or lemma in lexicon.visit_verbs
        or lemma in lexicon.stance_verbs
        or lemma in PHRASAL_STANCE_VERBS
    )


def _reads_without_event(lemma: str, lexicon: Lexicon) -> bool:
    """Whether a rule of :func:`_verb_facts` that needs no event (hosts a guest, meets, visits,
    takes a stance) reads this verb: the attending verbs that are none of these ("be", "tell")
    give a fact only with an event ("was at the summit"). Keep this in step with _verb_facts."""
    return (
        lemma in lexicon.host_verbs
        or lemma in lexicon.meet_verbs
        or lemma == "join"
        or lemma in lexicon.visit_verbs
        or lemma in lexicon.stance_verbs
        or lemma in PHRASAL_STANCE_VERBS
    )


def _own_event(agent: str, verb: Token, event: str, found: ArticleEntities) -> bool:
    """Whether the verb names the event as the agent's own ("the alliance will invite them at its summit")."""
    if found.kind(agent) is EntityKind.PERSON:
        return False  # "attending his first G20": a person attends the summits called theirs
    for token in verb.subtree:
        if event in found.at(token.i):
            owners = [k for c in token.children if c.dep_ == "poss" for k in found.at(c.i)]
            if agent in owners or (owners == [] and any(c.dep_ == "poss" and c.lower_ in {"its", "their"} for c in token.children) and found.kind(agent) in {EntityKind.ORGANISATION, EntityKind.INTERNATIONAL_ORGANISATION}):
                return True
    return False


def _with_measured(tokens: list[Token]) -> list[Token]:
    """Objects and what their "of" measures: "held seven hours of talks", "two rounds of talks"."""
    return [*tokens, *(t for o in tokens for _, t in prep_objects(o, "of"))]


#: What a guest is welcomed with in person ("welcomed the King with military honours").
#: Places a guest is welcomed to ("welcomed the leaders to the palace"): a reception, not a stance.
RECEIVING_PLACES = frozenset({"palace", "house", "castle", "residence", "capital", "city", "country", "office", "chancellery", "kremlin", "estate", "retreat"})
CEREMONY_NOUNS = frozenset({"honour", "honours", "honor", "honors", "ceremony", "carpet", "guard", "salute", "fanfare", "parade", "handshake", "hug", "embrace"})


def _ceremonial_welcome(verb: Token) -> bool:
    """ "welcomed the King with military honours": a reception in person, not a stance."""
    if verb.lemma_.lower() not in {"welcome", "greet"}:
        return False
    # "welcomed the leaders to the palace", "welcomed Modi to the White House": guests received at a place
    if objects(verb) and any(obj.ent_type_ in {"GPE", "FAC", "LOC"} or obj.lemma_.lower() in RECEIVING_PLACES for _, obj in prep_objects(verb, "to")):
        return True
    return any(obj.lemma_.lower() in CEREMONY_NOUNS or obj.lower_ in CEREMONY_NOUNS
               for tok in (verb, *objects(verb)) for _, obj in prep_objects(tok, "with"))


def _relative_object(verb: Token) -> bool:
    """A relative clause whose object is its relative pronoun ("the dinner, which X attended")."""
    return verb.dep == RELCL_ID and any(c.dep == DOBJ_ID and c.tag_ == "WDT" for c in verb.children)


def conjuncts_of_pobj(prep: Token) -> list[Token]:
    return [t for c in prep.children if c.dep_ == "pobj" for t in conjuncts(c)]


#: Parts of an event that put whoever acts at them at the event ("at the opening of the summit").
EVENT_PART_NOUNS = frozenset({"opening", "start", "beginning", "close", "closing", "end", "session", "day", "ceremony"})


def _events_where(verb: Token, found: ArticleEntities) -> set[str]:
    """The events a verb's phrases put its act at: "at the summit", "during the meeting", "on
    the sidelines (margins) of the summit", "in the talks", "at the opening of the forum"."""
    tokens = [t for _, t in prep_objects(verb, "at", "during", "in")]
    tokens.extend(t for part in list(tokens) if part.lemma_.lower() in EVENT_PART_NOUNS for _, t in prep_objects(part, "of"))
    for _, obj in prep_objects(verb, "on"):
        if obj.lemma_.lower() in {"sideline", "sidelines", "margin", "margins"}:
            tokens.extend(t for _, t in prep_objects(obj, "of"))
    for child in verb.children:  # "was present at", "among the leaders at"
        if child.dep_ in {"acomp", "advmod"}:
            tokens.extend(t for _, t in prep_objects(child, "at", "in"))
    tokens.extend(t for _, group in prep_objects(verb, "among") for _, t in prep_objects(group, "at"))
    eras = {t.i for _, t in prep_objects(verb, "during")}
    return {k for t in tokens for k in found.at(t.i) if found.kind(k) is EntityKind.EVENT and not (t.i in eras and _era_event(k, found))}


#: Heads of events that last long enough to be a time frame ("during the Second World War").
ERA_EVENT_HEADS = frozenset({"war", "wars", "revolution", "occupation", "crisis", "conflict", "era", "period", "pandemic"})


def _era_event(key: str, found: ArticleEntities) -> bool:
    """ "studied law during the Second World War", "wrote novels during the Cold War": an act
    done during a war or crisis dates it, and does not make its doer a party to it (an act
    "at" or "in" it still does; so does a verb of fighting or serving, see extract/biography.py)."""
    words = found.label(key).lower().split()
    return bool(words) and words[-1] in ERA_EVENT_HEADS


def _plays_host(verb: Token) -> bool:
    """ "played host to the summit": the idiom hosts, it does not attend."""
    return verb.lemma_.lower() == "play" and any(o.lemma_.lower() == "host" for o in verb.children if o.dep == DOBJ_ID)


def _talks_at_event(verb: Token, agents, found: ArticleEntities, *, lexicon: Lexicon, article_id: str, doc_index: DocIndex, phrases: _PhraseHeads, verb_objects: list[Token]) -> Iterator[Fact]:
    """ "Modi and Xi held talks on the sidelines of the summit": who holds talks at an event is
    there (the talks themselves are a meeting, not an event they attend)."""
    # the events are read in the verb's tree, which lies in its sentence: in a sentence that names
    # none, the search for the talks and their phrases can be spared
    sent = doc_index.sentence(verb)
    if not _any_between(found.linked_to(EntityKind.EVENT), sent.start, sent.end - 1):
        return
    talks = [o for o in verb_objects if o.lemma_.lower() in lexicon.meet_nouns or o.lower_ in lexicon.meet_nouns]  # (``objects(verb)``)
    if not talks:
        return
    own = {k for o in talks for k in found.at(o.i)}
    # the place phrase hangs on the verb or on the talks ("held talks on the sidelines of X");
    # (``phrases`` only spares the walks for phrases a token has no word of: the same events)
    for event in dict.fromkeys([*_event_targets(verb, [], found, phrases=phrases), *(e for o in talks for e in _event_targets(o, [], found, phrases=phrases))]):
        if event in own or found.event_type(event) == "Visit":
            continue
        for agent, _ in agents:
            if not _own_event(agent, verb, event, found):
                yield make_fact(agent, "attends", event, verb, rule="talks-at-event", confidence=0.75, lexicon=lexicon, article_id=article_id, doc_index=doc_index)


def _visits_made_by(guest: str, verb: Token, found: ArticleEntities, *, doc_index: DocIndex) -> list[str]:
    """The visit events the article says ``guest`` makes, named up to the verb's sentence:
    "X's state visit", "his state visit" (X's), "X arrived in Berlin for a state visit"."""
    made = []
    end = doc_index.sentence(verb).end
    for i, keys in found.linked():
        if i >= end:
            continue
        for key in keys:
            if found.kind(key) is not EntityKind.EVENT or found.event_type(key) != "Visit" or key in made:
                continue
            noun = verb.doc[i]
            makers = [c for c in noun.children if c.dep_ == "poss"]
            if noun.dep_ == "pobj" and noun.head.head.pos_ in {"VERB", "AUX"}:
                makers += subjects(noun.head.head, doc_index=doc_index)
            elif noun.dep_ == "dobj":
                makers += subjects(noun.head, doc_index=doc_index)
            if any(guest in found.at(t.i) for t in makers):
                made.append(key)
    return made


def _guest_visits(verb: Token, guest: str, guest_token: Token, found: ArticleEntities, *, lexicon: Lexicon, article_id: str, doc_index: DocIndex) -> Iterator[Fact]:
    """ "Trudeau hosted Zelensky in Ottawa", "welcomed Biden to Hanoi": the guest is visiting
    the place where the host receives them (not their own country)."""
    for _, obj in [*doc_index.prep_objects(verb, "in", "to"), *prep_objects(guest_token, "in", doc_index=doc_index)]:
        for t in _place_named(obj):
            for place in _keys(t, found, PLACE_KINDS):
                if place != guest and place != found.country_of(guest):
                    yield make_fact(guest, "visits", place, verb, rule="host-guest-place", confidence=0.7, lexicon=lexicon, article_id=article_id, doc_index=doc_index)


def _relative_antecedents(verb: Token) -> list[Token]:
    """What a relative clause's pronoun may stand for: its noun, and where that noun is the place
    of an event ("a banquet at the palace, which X attended"), the event noun or verb object too."""
    head = verb.head
    found = [head]
    if head.dep_ == "pobj" and head.head.lower_ in {"at", "in"}:
        holder = head.head.head
        found.append(holder)
        found.extend(c for c in holder.children if c.dep_ == "dobj" and holder.pos_ in {"VERB", "AUX"})
    return found


def _grouping_tokens(noun: Token) -> list[Token]:
    return [c for c in noun.children if c.dep_ == "compound"] + [t for _, t in prep_objects(noun, "of")]


def _event_targets(verb: Token, targets: list[Token], found: ArticleEntities, *, doc_index: DocIndex | None = None, phrases: _PhraseHeads | None = None) -> list[str]:
    """Events the verb's object or prepositional phrases name ("attend the summit", "at the summit").

    With ``phrases``, the phrases of a token that has none of their words are not looked for."""

    def may_have(token: Token, *words: str) -> bool:
        return phrases is None or phrases.has(token, *words)

    # What is read below is a target or lies in the verb's subtree: most verbs have no event there.
    events_at = found.linked_to(EntityKind.EVENT)
    if phrases is not None and not targets and verb.i not in phrases.event_heads(events_at):
        return []  # no event below a child of the verb that any phrase read below starts from
    if doc_index is not None:
        # the subtree and the targets (objects, relative antecedents) lie in the verb's sentence
        # (spaCy's sentences are the parse's trees): a sentence with no event spares the reads of
        # the verb's edges, which make two new Tokens
        sent = doc_index.sentence(verb)
        if not _any_between(events_at, sent.start, sent.end - 1):
            return []
    if not _any_between(events_at, verb.left_edge.i, verb.right_edge.i) and not any(_any_between(events_at, t.i, t.i) for t in targets):
        return []
    tokens = list(targets)
    # "hosted leaders of the Quad": the grouping named for its meeting (see events._organisation_events)
    tokens += [g for t in targets if t.lemma_.lower() in {"leader", "head"} for g in _grouping_tokens(t)]
    pairs = doc_index.prep_objects(verb, *AT_EVENT_PREPS) if doc_index else prep_objects(verb, *AT_EVENT_PREPS)
    for prep, obj in pairs:
        tokens.append(obj)
        # "on the sidelines of the summit"
        if may_have(obj, "of"):
            tokens.extend(t for _, t in prep_objects(obj, "of", doc_index=doc_index))
    for child in children_of(verb, doc_index=doc_index):
        if child.dep in PLACE_PHRASE_DEP_IDS and may_have(child, "at", "in", "from"):
            tokens.extend(t for _, t in prep_objects(child, "at", "in", "from", doc_index=doc_index))
        if child.dep == DOBJ_ID and child.lower_ == "part":
            tokens.extend(t for _, t in prep_objects(child, "in", doc_index=doc_index))
    # "was among the leaders at the summit": the group is at the event
    among = doc_index.prep_objects(verb, "among") if doc_index else prep_objects(verb, "among")
    tokens.extend(t for _, group in among for _, t in prep_objects(group, "at", doc_index=doc_index))
    return list(dict.fromkeys(k for t in tokens for k in found.at(t.i) if found.kind(k) is EntityKind.EVENT))


class _PhraseHeads:
    """Which tokens of a doc have a child of a given word, found once per word and article.

    Only such a token can have a prepositional phrase of that word (``prep_objects(token, word)``
    is empty for all others): a rule that looks for such phrases on many tokens can skip the walk
    of the children of the rest, which spaCy makes anew on every walk.
    """

    def __init__(self, doc_index: DocIndex) -> None:
        self._doc_index = doc_index
        # (the event tokens they were found for, the heads): see event_heads
        self._event_heads: tuple[list[int], frozenset[int]] | None = None

    def event_heads(self, events_at: list[int]) -> frozenset[int]:
        """The tokens whose phrases :func:`_event_targets` may find one of the event tokens
        ``events_at`` (``ArticleEntities.linked_to(EntityKind.EVENT)``) in, leaving its targets aside.

        Every token it reads apart from the targets lies below a child of the verb that is a
        preposition ("at the summit", "among the leaders at"), an adjective or adverb complement
        ("present at") or the object "part" ("took part in"): a verb that is no ancestor of an
        event token through such a child can have no event there. Found once per article (by a
        walk up from each event token) instead of walking the phrases of each verb.
        """
        if self._event_heads is not None and self._event_heads[0] is events_at:
            return self._event_heads[1]  # (linked_to gives a new list when the links change)
        heads = set()
        tokens = self._doc_index.tokens
        for i in events_at:
            child = tokens[i]
            head = child.head
            while head.i != child.i:
                if child.dep in EVENT_PATH_DEP_IDS:
                    heads.add(head.i)
                child, head = head, head.head
        self._event_heads = (events_at, frozenset(heads))
        return self._event_heads[1]

    def has(self, token: Token, *words: str) -> bool:
        """Whether ``token`` has a child whose lower-cased text is one of ``words``."""
        heads_of_word = self._doc_index.heads_of_word  # (kept by the index: shared by every rule module)
        for word in words:
            if token.i in heads_of_word(word):
                return True
        return False


def _any_between(indices: list[int], first: int, last: int) -> bool:
    """Whether the sorted ``indices`` hold one from ``first`` to ``last`` (included)."""
    return bisect_left(indices, first) < bisect_right(indices, last)


def _pairwise(agents, relation, predicate, *, rule, lexicon, article_id, doc_index=None, refinement=None):
    keys = list(dict.fromkeys(k for k, _ in agents))
    for n, a in enumerate(keys):
        for b in keys[n + 1 :]:
            yield make_fact(a, relation, b, predicate, rule=rule, confidence=0.8, lexicon=lexicon, article_id=article_id, doc_index=doc_index, refinement=refinement)


def _topic(token: Token, found: ArticleEntities, *, lexicon: Lexicon | None = None, doc_index: DocIndex | None = None) -> str | None:
    """What a stance is about: the agent whose act it targets ("condemned Russia's
    invasion" is against Russia), else a topic entity for the noun phrase."""
    children = children_of(token, doc_index=doc_index)  # (read up to three times below)
    # "rejected the premier's choice, General Farid": the apposition names whom it is about
    named = [k for c in children if c.dep == APPOS_ID for k in found.at(c.i) if found.kind(k) in AGENT_KINDS]
    if named:
        return found.government_of(named[0])
    lemma = token.lemma_.lower()
    if lemma in CHOSEN_PERSON_NOUNS and _names_a_chosen_person(token):  # (its own test of the lemma, read once here)
        return None  # "rejected the minister's nominee": a stance on the one chosen, not on the chooser
    words = lexicon.stances if lexicon is not None else None
    if words is not None and (lemma in words.content_nouns or token.lower_ in words.content_nouns):
        return _content_topic(token, found, lexicon=lexicon, doc_index=doc_index)
    if words is not None and (lemma in words.member_heads or token.lower_ in words.member_heads):
        # "arrested members of the Brotherhood": against the group they belong to
        bodies = {found.government_of(k) for _, t in prep_objects(token, "of", doc_index=doc_index) for k in found.at(t.i) if found.kind(k) in AGENT_KINDS}
        if len(bodies) == 1:
            return bodies.pop()
    if words is not None and (lemma in words.group_heads or token.lower_ in words.group_heads):
        if any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in children):
            return None  # "urged its citizens to leave": the agent's own people, no target
        if lexicon is not None and unanchored_target(token, lexicon=lexicon, doc_index=doc_index):
            return None  # "these rebels": a back-reference, see extract/statements.py
        return _topic_entity(token, found, doc_index=doc_index)  # "the Syrian opposition" is not Syria
    owners = [
        k
        for child in children
        if child.dep in OWNER_DEP_IDS and child.i < token.i
        for k in found.at(child.i)
        if found.kind(k) in AGENT_KINDS
    ]
    owners += [k for _, t in prep_objects(token, "by", "from", doc_index=doc_index) for k in found.at(t.i) if found.kind(k) in AGENT_KINDS]
    if words is not None and lemma in words.authored_nouns:
        # "the decision of President X", "a proposal of Japan": "of" names the author
        owners += [k for _, t in prep_objects(token, "of", doc_index=doc_index) for k in found.at(t.i) if found.kind(k) in AGENT_KINDS]
    if not owners and token.dep_ == "conj":
        # "Iraqi unity and sovereignty": the second noun shares the first one's owner; without
        # one, the first noun's phrase already names both ("the use or threat of nuclear arms")
        first = token
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        if first.i != token.i and first.pos_ == "NOUN" and not found.at(first.i):
            owned = _topic(first, found, lexicon=lexicon, doc_index=doc_index)
            return owned if owned is not None and found.kind(owned) in AGENT_KINDS else None
    if len(set(owners)) == 1:
        return owners[0]  # "rejected an Indian proposal", "calls by Annan": against its author
    if lexicon is not None and unanchored_target(token, lexicon=lexicon, doc_index=doc_index):
        return None  # "condemns the attacks", "these militants": see extract/statements.py
    return _topic_entity(token, found, doc_index=doc_index)


def _content_topic(noun: Token, found: ArticleEntities, *, lexicon: Lexicon, doc_index: DocIndex | None = None) -> str | None:
    """What a stance on a piece of news is about: the agent of its "that" clause ("welcomed
    the news that Mali freed the hostages" is about Mali), else the agent it comes from ("the
    statement by Japan"); never the bare noun, which says nothing ("welcomed the news")."""
    for clause in noun.children:
        if clause.dep_ in {"acl", "ccomp", "relcl"} and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
            agents = [found.government_of(k) for s in clause.children if s.dep_ in {"nsubj", "nsubjpass"} for t in conjuncts(s, doc_index=doc_index) for k in found.at(t.i)]
            agents = [k for k in agents if found.kind(k) in AGENT_KINDS]
            return agents[0] if agents else None
    owners = [k for c in noun.children if c.dep_ in OWNER_DEPS and c.i < noun.i for k in found.at(c.i) if found.kind(k) in AGENT_KINDS]
    owners += [k for _, t in prep_objects(noun, "by", "from", "of", doc_index=doc_index) for k in found.at(t.i) if found.kind(k) in AGENT_KINDS]
    owners = list(dict.fromkeys(found.government_of(k) for k in owners))
    return owners[0] if len(owners) == 1 else None


def _predicative_as(child: Token) -> bool:
    """ "condemned the remarks as unacceptable": the verdict the parser hangs on the noun is
    no part of what the stance is about."""
    return child.dep == PREP_ID and child.lower_ == "as" and any(c.pos_ == "ADJ" for c in child.children)


def _neutral_predicate(verb: Token) -> bool:
    """ "Spain was neutral in the war", "remained neutral during the conflict": a predicate of
    standing aside says nobody took part (no attendance, asserted or denied: "neutral at a vote"
    may still be there)."""
    return any(c.dep in NEUTRAL_DEP_IDS and c.lemma_.lower() == "neutral" for c in verb.children)


#: Nouns that stand for a person someone chose ("the premier's choice", "the president's nominee").
CHOSEN_PERSON_NOUNS = frozenset({"choice", "pick", "nominee", "appointee", "candidate", "protege", "protégé"})


def _names_a_chosen_person(token: Token) -> bool:
    """ "rejected X's choice, Y", "opposed the president's nominee": the noun stands for whoever
    was chosen, whose stance target its owner is not (rule of stance targets, no fact of its own)."""
    return token.lemma_.lower() in CHOSEN_PERSON_NOUNS and any(c.dep_ in {"poss", "appos"} for c in token.children)


def _topic_entity(token: Token, found: ArticleEntities, *, doc_index: DocIndex | None = None) -> str | None:
    """A topic entity for a stance target that names no entity ("the emergence of military blocs").

    Its label is the noun phrase, with generic mentions replaced by the name
    they stand for ("the alliance's activities" -> "NATO's activities").
    """
    # (the tests of the token itself first: they spare the walks of its phrase)
    if token.pos_ == "PRON" or token.ent_type_ in NOT_TOPICS:
        return None
    if not (token.is_alpha and len(token) > 2):
        return None  # a fragment of a hyphenated or broken word ("re" of "re-taking")
    # (dependency labels compared as ints: ``dep_`` decodes a new str on every read)
    skip = {t.i for c in children_of(token, doc_index=doc_index) if c.dep in TOPIC_SKIPPED_DEP_IDS or _predicative_as(c) for t in c.subtree}
    words = [t for t in token.subtree if t.i not in skip and t.dep != PUNCT_ID]
    while words and words[0].dep == DET_ID:
        words.pop(0)
    if not words or len(words) > MAX_TOPIC_WORDS:
        return None
    words = [t for t in words if not (t.is_punct or t.like_num and t is words[-1] or "[" in t.text)]
    parts: list[str] = []
    for n, t in enumerate(words):
        keys = found.at(t.i)
        if t.dep == DET_ID and n + 1 < len(words) and len(found.at(words[n + 1].i)) == 1 and words[n + 1].pos_ == "NOUN":
            continue  # "the alliance's activities" -> "NATO's activities"
        if len(keys) == 1 and t.pos_ == "NOUN":
            parts.append(found.label(keys[0]))
        else:
            parts.append(t.text)
        if t.whitespace_ == "" and n + 1 < len(words) and words[n + 1].i == t.i + 1:
            parts[-1] += "\x00"
    label = " ".join(parts).replace("\x00 ", "")
    return found.add(EntityKind.TOPIC, label, surface=label)


def _meeting_noun_facts(noun: Token, found: ArticleEntities, *, lexicon: Lexicon, article_id: str, doc_index: DocIndex) -> Iterator[Fact]:
    """ "talks with Kishida", "a call with Macron": whoever holds or travels for them meets the partner."""
    partners = _agents([t for _, t in prep_objects(noun, "with", doc_index=doc_index)], found)
    if not partners:
        return
    agents = _agents([c for c in noun.children if c.dep_ == "poss"], found)
    head = noun.head
    if not agents and noun.dep_ in {"dobj", "pobj"}:
        verb = head if noun.dep_ == "dobj" else head.head
        if verb.pos_ in {"VERB", "AUX"} and verb.lemma_.lower() not in {"hold", "have"}:
            agents = _agents(subjects(verb, doc_index=doc_index), found)
    for agent, _ in agents:
        for partner, _ in partners:
            if partner != agent:
                yield make_fact(agent, "meets", partner, noun, rule="meet-noun", confidence=0.75, lexicon=lexicon, article_id=article_id, doc_index=doc_index, modality=doc_index.modality(noun.head if noun.dep_ == "pobj" else noun, lexicon=lexicon))


def _visit_noun_facts(noun: Token, found: ArticleEntities, *, lexicon: Lexicon, article_id: str, doc_index: DocIndex) -> Iterator[Fact]:
    """ "his visit to Tokyo", "a trip by Biden to Hanoi", "Biden's state visit to India"."""
    visitors = _agents([c for c in noun.children if c.dep_ == "poss"], found)
    visitors += _agents([t for _, t in prep_objects(noun, "by", "of", doc_index=doc_index)], found)
    if not visitors:
        # "Xi paid a state visit to Serbia", "Macron, on a visit to Beijing, said", "during a trip to Hanoi, Blinken said"
        head = noun.head
        if noun.dep_ == "dobj" and head.lemma_.lower() in VISIT_LIGHT_VERBS:
            visitors = _agents(subjects(head, doc_index=doc_index), found)
        elif noun.dep_ == "pobj" and head.lower_ in {"on", "during", "after", "before", "following"}:
            verb = head.head
            if verb.pos_ in {"VERB", "AUX"} and verb.lemma_.lower() not in lexicon.host_verbs and verb.lemma_.lower() != "invite":
                visitors = _agents(subjects(verb, doc_index=doc_index), found)
            elif verb.pos_ == "PROPN" and head.dep_ == "prep":
                visitors = _agents([verb], found)  # "Macron, on a state visit to China,"
    places = [(k, t) for _, t in prep_objects(noun, "to", doc_index=doc_index) for t in _place_named(t) for k in _keys(t, found, PLACE_KINDS)]
    if visitors and not places and not any(True for _ in prep_objects(noun, "to", doc_index=doc_index)):
        places = _visit_clause_places(noun, found)
    for visitor, _ in visitors:
        for place, _ in places:
            if place == found.country_of(visitor):
                continue  # the visitor's own country is where it comes from
            if place != visitor:
                yield make_fact(visitor, "visits", place, noun, rule="visit-noun", confidence=0.8, lexicon=lexicon, article_id=article_id, doc_index=doc_index)


def _visit_clause_places(noun: Token, found: ArticleEntities) -> list[tuple[str, Token]]:
    """Where a visit named without a destination went: the place of the clause it is the time
    of ("the summit in Oslo closed after a surprise visit by X", "talks resumed in Geneva
    following a trip by Y"): "in P" on that clause's verb or on its object."""
    if not (noun.dep_ == "pobj" and noun.head.lower_ in {"after", "during", "before", "following"}):
        return []
    verb = noun.head.head
    if verb.pos_ not in {"VERB", "AUX"}:
        return []
    holders = [verb, *(c for c in verb.children if c.dep_ in {"dobj", "nsubj", "nsubjpass"})]
    return [(k, t) for h in holders for _, t in prep_objects(h, "in") for k in _keys(t, found, PLACE_KINDS)]


#: Prepositions whose object is the target of a stance noun, which leaves its name modifier to be its agent.
NOUN_TARGET_PREPS = ("for", "to", "against", "on", "toward", "towards", "with")


def _named_modifier_agents(noun: Token, found: ArticleEntities) -> list[tuple[str, Token]]:
    """The country or organisation a name before a stance noun makes its holder: a demonym
    always ("British support for Iraq", "American aid"), a name only when a target phrase
    follows ("UK support for Iraq"), since alone it is often the target ("Russia sanctions")."""
    holder_kinds = {EntityKind.COUNTRY, EntityKind.ORGANISATION, EntityKind.INTERNATIONAL_ORGANISATION}
    targeted = any(True for _ in prep_objects(noun, *NOUN_TARGET_PREPS))
    modifiers = [c for c in noun.lefts if c.dep_ == "amod" or (c.dep_ == "compound" and targeted)]
    return [(found.government_of(k), t) for k, t in _agents(modifiers, found) if found.kind(k) in holder_kinds]


def _noun_facts(noun: Token, found: ArticleEntities, *, lexicon: Lexicon, article_id: str, doc_index: DocIndex, phrases: _PhraseHeads) -> Iterator[Fact]:
    """The facts read from a stance, visit or meeting noun."""
    lemma, lower = noun.lemma_.lower(), noun.lower_
    relation = lexicon.stance_nouns.get(lemma) or lexicon.stance_nouns.get(lower)
    if relation is None and lemma not in lexicon.visit_nouns and lemma not in lexicon.meet_nouns and lower not in lexicon.meet_nouns:
        return  # a noun no rule below reads
    if lemma in lexicon.visit_nouns:
        yield from _visit_noun_facts(noun, found, lexicon=lexicon, article_id=article_id, doc_index=doc_index)
        return
    children = doc_index.children(noun)  # read up to three times below
    # "relations between Japan and NATO", "a meeting between Biden and Xi"
    between = _agents([t for _, t in prep_objects(noun, *BETWEEN_PREPS, doc_index=doc_index)], found) if phrases.has(noun, *BETWEEN_PREPS) else []
    # (whether a hostile modifier qualifies it, "strained ties": asked only where it matters, as it
    # decodes the text of every child)
    def hostile() -> bool:
        return any(c.lower_ in lexicon.hostile_modifiers for c in children)

    if len(between) > 1 and (relation == "cooperatesWith" or lemma in lexicon.meet_nouns or lower in lexicon.meet_nouns) and not hostile():
        rel = "cooperatesWith" if relation == "cooperatesWith" else "meets"
        framed = governed_modality(noun, lexicon=lexicon)  # "would host a meeting between X and Y" (extract/statements.py)
        for fact in _pairwise(between, rel, noun, rule=f"{rel}-noun-between", lexicon=lexicon, article_id=article_id, doc_index=doc_index):
            yield fact if framed is None or fact.modality is not Modality.ASSERTED else replace(fact, modality=framed)
        return
    if (lemma in lexicon.meet_nouns or lower in lexicon.meet_nouns) and phrases.has(noun, "with"):  # (partners: "with X")
        yield from _meeting_noun_facts(noun, found, lexicon=lexicon, article_id=article_id, doc_index=doc_index)
    if relation is None:
        return
    # "objections from Beijing", "the support of Xi for Putin", "China's opposition to"
    agents = _agents([t for _, t in prep_objects(noun, "from", "by", "of", doc_index=doc_index)], found) if phrases.has(noun, "from", "by", "of") else []
    agents += _agents([c for c in children if c.dep == POSS_ID], found)
    rule = f"{relation}-noun"
    if not agents and not (relation == "cooperatesWith" and hostile()):  # "strained US ties with X"
        agents = _named_modifier_agents(noun, found)
        rule = f"{relation}-noun-modifier" if agents else rule
    # "Washington imposed sanctions on Tehran": the light verb's subject holds the stance
    if not agents and noun.dep_ == "dobj" and noun.head.lemma_.lower() in lexicon.light_verbs:
        agents = _agents(subjects(noun.head, doc_index=doc_index), found)
    if not agents:
        return
    agent_keys = {a for a, _ in agents}
    target_preps = ("for", "to", "against", "regarding", "over", "with", "toward", "towards", "on")
    if relation == "supports":
        target_preps = tuple(p for p in target_preps if p != "against")  # "support against X" is no support of X
    targets = [t for _, t in prep_objects(noun, *target_preps, doc_index=doc_index)]
    if not targets and noun.dep_ == "dobj" and noun.head.lemma_.lower() in lexicon.light_verbs:
        targets = [t for _, t in prep_objects(noun.head, *target_preps, doc_index=doc_index)]  # "voiced opposition to X": the phrase on the verb
    # "the support of Xi for Putin": the target phrase often hangs on the agent's name
    targets += [t for _, agent in agents for _, t in prep_objects(agent, *target_preps, doc_index=doc_index)]
    # "X faced opposition from Y": the opposed is the subject of "face"
    if noun.dep_ == "dobj" and noun.head.lemma_ in {"face", "meet", "draw", "receive", "win", "earn", "attract"}:
        targets += [t for c in noun.head.children if c.dep_ == "nsubj" for t in conjuncts(c, doc_index=doc_index)]
    objs = [(found.government_of(k), t) for t in targets for k in found.at(t.i)]
    objs = [(k, t) for k, t in objs if k not in agent_keys]
    if not objs:
        objs = [(k, t) for t in targets if (k := _topic(t, found, lexicon=lexicon, doc_index=doc_index))]
    refinement = lexicon.noun_refinements.get(lemma)
    for agent, _ in agents:
        for obj, _ in objs:
            if relation == "cooperatesWith" and found.kind(obj) not in AGENT_KINDS:
                continue
            yield make_fact(agent, relation, obj, noun, rule=rule, confidence=0.7, lexicon=lexicon, article_id=article_id, doc_index=doc_index, refinement=refinement, modality=ended_stance(noun, lexicon=lexicon))

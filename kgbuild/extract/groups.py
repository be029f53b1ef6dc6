"""Groups of people as agents: "Rwandan rebels", "British businesses", "members of the Council".

Statements and readouts often name who acts or is met by a group that is no
named entity: "the minister met British businesses", "Ivory Coast rebels
rejected the plan", "Uganda granted asylum to Rwandan rebels". The group is
not its country ("Albanian rebels" are not Albania; a demonym with a
government noun, "Iraqi security forces", already stands for the country and
is left alone), so it gets an entity of its own: an organisation labelled by
its noun phrase. Only a group anchored by a name is kept (a demonym, a
country or organisation in a modifier, or "of/in/from NAME" after the head):
"officials" or "a number of students" alone tell a user nothing.

:func:`link_group_agents` runs before the relation rules, so every verb and
noun rule reads these groups like any other agent; the facts they take part
in are then marked by :func:`mark_group_facts` with the rule ``group-agent``
and a lower confidence. :func:`extract_people_visits` reads visits paid to
people ("visited U.S. troops at the base"): the visitor meets them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from spacy.tokens import Doc, Token

from ..facts import EntityKind, Fact
from .docindex import DocIndex
from .entities import ArticleEntities
from .factmaking import make_fact
from .lexicon import Lexicon
from .relations import _clause_subjects
from .syntax import objects, subjects

__all__ = ["extract_people_visits", "link_group_agents", "link_leader_governments", "mark_group_facts"]

#: Entity kinds whose name anchors a group ("Turkish", "NATO", "in the Ivory Coast").
ANCHOR_KINDS = frozenset({EntityKind.COUNTRY, EntityKind.ORGANISATION, EntityKind.INTERNATIONAL_ORGANISATION, EntityKind.PLACE})
#: Entity kinds a body head stands for ("NATO members" act as NATO; a country's people are
#: read by the government nouns of entities.py, and "U.S. service members" are not the US).
BODY_KINDS = frozenset({EntityKind.ORGANISATION, EntityKind.INTERNATIONAL_ORGANISATION})
#: Nouns of a government that a person's name in front makes that person's ("Assad's regime").
LEADER_GOVERNMENT_NOUNS = frozenset({"regime", "administration", "government"})
#: Named-entity types that anchor a group the gazetteer does not know ("Yoruba leaders").
ANCHOR_ENT_TYPES = frozenset({"NORP", "GPE", "ORG", "LOC"})
#: Modifiers before a group head that may carry its anchor.
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "poss"})
#: Prepositions after a group head whose object may anchor it ("members of X", "rebels in X").
ANCHOR_PREPS = ("of", "in", "from")
#: Words dropped from the front of a group's label ("some 800 Kurdish fighters" -> "Kurdish fighters").
LEADING_NOISE_DEPS = frozenset({"det", "predet", "nummod", "quantmod", "advmod"})
#: Longest group label kept, in words.
MAX_GROUP_WORDS = 9
#: Confidence given to a fact with a group as subject or object (at most).
GROUP_CONFIDENCE = 0.6
#: The verbs of a visit paid to people.
VISIT_LEMMAS = frozenset({"visit"})
#: Confidence of a meeting read from a visit paid to people.
VISIT_PEOPLE_CONFIDENCE = 0.7


def link_group_agents(doc: Doc, found: ArticleEntities, *, lexicon: Lexicon, doc_index: DocIndex) -> frozenset[str]:
    """Link each anchored group noun phrase to an organisation entity; return the keys made."""
    heads = lexicon.stances.group_agent_heads
    made: list[str] = []
    for token in doc_index.tokens_with(lemma=heads, lower=heads):
        if token.pos_ not in {"NOUN", "PROPN"} or found.at(token.i) or token.ent_type_:
            continue  # a common noun (maybe capitalised: "the Members of") that stands for nothing yet
        if token.tag_ not in {"NNS", "NNPS"} and token.lower_ not in lexicon.stances.collective_heads:
            continue  # "a Saudi businessman" is one person
        anchor = _anchor(token, found)
        if anchor is None:
            continue
        body = _body(token, anchor, found) if token.lower_ in lexicon.stances.body_heads else None
        if body is not None:
            # "the members of the Security Council" act as the Council: a surface form of it
            found.add(found.kind(body), found.label(body), key=body, surface=_label(token, anchor), tokens=[token.i])
            continue
        label = _label(token, anchor)
        if label is None:
            continue
        made.append(found.add(EntityKind.ORGANISATION, label, surface=label, tokens=[token.i]))
    return frozenset(made)


def link_leader_governments(doc: Doc, found: ArticleEntities, *, lexicon: Lexicon, doc_index: DocIndex) -> None:
    """Let "Assad's regime", "the Bush administration" stand for the person who leads it, with
    the phrase as a surface form of that person, as "the Iraqi government" stands for Iraq."""
    for token in doc_index.tokens_with(lemma=LEADER_GOVERNMENT_NOUNS, lower=LEADER_GOVERNMENT_NOUNS):
        if token.pos_ != "NOUN" or found.at(token.i):
            continue
        # a name, not a pronoun: "his government" gives the person no new name
        owners = {k for c in token.lefts if c.dep_ in {"poss", "compound"} and c.pos_ == "PROPN" for k in found.at(c.i)}
        if len(owners) != 1:
            continue
        person = owners.pop()
        if found.kind(person) is not EntityKind.PERSON:
            continue
        words = [t for t in doc[token.left_edge.i : token.i + 1]]
        while words and words[0].dep_ in LEADING_NOISE_DEPS and words[0].i != token.i:
            words.pop(0)
        surface = " ".join("".join(t.text_with_ws for t in words).split())
        found.add(EntityKind.PERSON, found.label(person), key=person, surface=surface, tokens=[token.i])


def _named(tokens: Iterable[Token], found: ArticleEntities) -> bool:
    """Whether any of ``tokens`` names a country, organisation or place."""
    return any(
        t.ent_type_ in ANCHOR_ENT_TYPES or any(found.kind(k) in ANCHOR_KINDS for k in found.at(t.i))
        for t in tokens
        if t.pos_ not in {"PRON", "DET"}
    )


def _anchor(head: Token, found: ArticleEntities) -> Token | None:
    """The preposition whose object names the group's country or body, or the head itself
    when a modifier does ("Turkish and UK organisations"); ``None`` when nothing names it."""
    if _named((t for c in head.lefts if c.dep_ in MODIFIER_DEPS for t in c.subtree), found):
        return head
    for prep in head.rights:
        if prep.dep_ == "prep" and prep.lower_ in ANCHOR_PREPS and _named(prep.subtree, found):
            return prep
    return None


def _body(head: Token, anchor: Token, found: ArticleEntities) -> str | None:
    """The one country or organisation that the anchor of a body head names, if it is one."""
    tokens = [t for c in head.lefts if c.dep_ in MODIFIER_DEPS for t in c.subtree] if anchor.i == head.i else list(anchor.subtree)
    keys = {found.government_of(k) for t in tokens for k in found.at(t.i)}
    bodies = [k for k in keys if found.kind(k) in BODY_KINDS]  # "U.S. service members" are no body of the US
    return bodies[0] if len(keys) == 1 and bodies else None


def _label(head: Token, anchor: Token) -> str | None:
    """The group's noun phrase: its modifiers and head, and the anchoring "of/in/from" phrase."""
    words = [t for t in head.doc[head.left_edge.i : head.i + 1]]
    while words and (words[0].dep_ in LEADING_NOISE_DEPS or words[0].like_num or words[0].is_punct) and words[0].i != head.i:
        words.pop(0)
    if anchor.i != head.i:
        words += list(anchor.subtree)
    if len(words) > MAX_GROUP_WORDS or any(t.text in {"(", ")", "[", "]", "\n"} for t in words):
        return None
    text = "".join(t.text_with_ws for t in words).strip(" ,.;:")
    return " ".join(text.split()) or None


def mark_group_facts(facts: Iterable[Fact], groups: frozenset[str], found: ArticleEntities) -> list[Fact]:
    """Facts with a group as subject or object, their rule suffixed ``/group-agent`` and their
    confidence capped: a group's bounds are looser than a named agent's. A group's stance on
    a mere topic ("Democratic lawmakers boycotted the speech") is left out: it names neither
    a country, an organisation nor a person, and tells a user of the graph little."""
    marked = []
    for fact in facts:
        if fact.subject in groups and found.kind(fact.object) is EntityKind.TOPIC:
            continue
        if groups and (fact.subject in groups or fact.object in groups) and not fact.evidence.rule.endswith("/group-agent"):
            evidence = replace(fact.evidence, rule=f"{fact.evidence.rule}/group-agent", confidence=min(fact.evidence.confidence, GROUP_CONFIDENCE))
            fact = replace(fact, evidence=evidence)
        marked.append(fact)
    return marked


def extract_people_visits(doc: Doc, found: ArticleEntities, *, lexicon: Lexicon, article_id: str, doc_index: DocIndex) -> list[Fact]:
    """ "The minister visited the troops of X", "flew to visit Y": a visit paid to people is a meeting."""
    facts = []
    for verb in doc_index.tokens_with(lemma=VISIT_LEMMAS):
        if verb.pos_ != "VERB":
            continue
        visited = [(k, t) for t in objects(verb) for k in found.at(t.i) if found.kind(k) in {EntityKind.PERSON, EntityKind.ORGANISATION}]
        visited = [(k, t) for k, t in visited if t.pos_ != "PROPN" or found.kind(k) is EntityKind.PERSON]  # "visited Airbus" is a site
        if not visited:
            continue
        visitor_tokens = subjects(verb) or _clause_subjects(verb)
        if not visitor_tokens and verb.dep_ in {"advcl", "xcomp"} and verb.head.pos_ in {"VERB", "AUX"}:
            visitor_tokens = subjects(verb.head)  # "Carter flew to visit Y"
        visitors = [k for t in visitor_tokens for k in found.at(t.i) if found.kind(k) in {EntityKind.PERSON, EntityKind.COUNTRY, EntityKind.ORGANISATION, EntityKind.INTERNATIONAL_ORGANISATION}]
        for visitor in dict.fromkeys(visitors):
            for guest, _ in visited:
                if guest != visitor:
                    facts.append(make_fact(visitor, "meets", guest, verb, rule="meet-visit-people", confidence=VISIT_PEOPLE_CONFIDENCE, lexicon=lexicon, article_id=article_id, doc_index=doc_index))
    return facts

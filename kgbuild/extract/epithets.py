"""Name-calling and stances on oneself.

* ``opposes-name-calling``: "X called Y a hypocrite", "X called Y \"two-faced\"", "X branded Y
  a liar": calling a person, country or organisation an insult is opposing it. The verb is then
  no phone call, so the ``meets`` the call verb gives in the same sentence between the two is
  dropped (:func:`without_name_calling_meets`).
* :func:`without_self_stances`: a stance whose target is a topic named after its own agent
  ("..., which Tokyo strongly opposed" where the relative pronoun hangs on "Japan") reads the
  wrong antecedent: an agent takes no stance on itself. ``<relation>-sentential-which``: that
  "which" stands for the clause before it, whose subject the stance is on
  (:func:`extract_sentential_stances`).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from ..facts import EntityKind, Fact
from ..scoring import normalise_label
from .docindex import DocIndex
from .entities import ArticleEntities
from .factmaking import make_fact
from .lexicon import Lexicon
from .syntax import RELCL_ID, conjuncts, subjects

__all__ = ["extract_name_calling", "extract_sentential_stances", "without_name_calling_meets", "without_self_stances"]

#: Verbs that give their object a name ("called X a liar", "branded X a traitor").
NAMING_VERBS = frozenset({"call", "brand", "label", "dub"})
#: Dependencies of the name given ("a hypocrite", "two-faced", "dishonest").
COMPLEMENT_DEPS = frozenset({"oprd", "xcomp", "attr", "acomp", "npadvmod"})
AGENT_KINDS = (EntityKind.PERSON, EntityKind.COUNTRY, EntityKind.ORGANISATION, EntityKind.INTERNATIONAL_ORGANISATION)
STANCES = frozenset({"supports", "opposes"})


def _complements(verb: Token, target: Token) -> list[Token]:
    after = [
        c for c in verb.children
        if c.dep_ in COMPLEMENT_DEPS and c.i > target.i and not any(a.dep_ in {"aux", "mark"} for a in c.children)
    ]  # "called X to condemn ...": a clause of purpose, not a name given
    # "called X \"dishonest\"": the parser may hang the name given on X itself
    return after + [c for c in target.children if c.dep_ in {"amod", "appos"} and c.i > target.i]


def _joined(words: list[Token]) -> str:
    """The words as lower-case text, a hyphen joining its neighbours ("two - faced" -> "two-faced")."""
    return "".join(t.text + (" " if t.whitespace_ else "") for t in words).lower().replace(" - ", "-").replace(" -", "-").replace("- ", "-").strip()


def _insult(complement: Token, insults: frozenset[str]) -> bool:
    """Whether a complement's words hold an insult: "a hypocrite", "\"two-faced\"", "a war criminal"."""
    words = [t for t in complement.subtree if not t.is_punct or t.text == "-"]
    text = _joined(words)
    lemmas = {t.lemma_.lower() for t in words} | {t.lower_ for t in words}
    return bool(lemmas & insults) or any(" " in i or "-" in i for i in insults if i in text)


#: How many words after the name called an insult may take ("a war criminal", "two - faced").
WINDOW = 4
#: Words that start another phrase after the name ("on Monday", "to discuss", "and said").
PHRASE_STARTS = frozenset({"ADP", "PART", "SCONJ", "CCONJ"})


def _insult_after(target: Token, insults: frozenset[str]) -> bool:
    """Whether the words right after the name called are an insult, however the parser hangs them
    ("called Y \"two-faced\"" parsed with "faced" as the sentence's root): up to the next comma."""
    doc = target.doc
    last = max(t.i for t in target.subtree if t.i >= target.i)
    words: list[Token] = []
    for t in doc[last + 1 : min(len(doc), last + 1 + WINDOW + 2)]:
        if t.is_quote:
            continue
        if (t.is_punct and t.text != "-") or t.pos_ in PHRASE_STARTS or t.sent != target.sent or len(words) == WINDOW:
            break  # "called X to condemn the terrorist attack": what follows is no name given
        words.append(t)
    text = _joined(words)
    return bool({t.lower_ for t in words} & insults) or any(("-" in i or " " in i) and i in text for i in insults)


def _agents(verb: Token, found: ArticleEntities) -> list[str]:
    tokens = subjects(verb)
    if not tokens and verb.dep_ == "acl" and verb.tag_ in {"VBD", "VBN"} and verb.head.i == verb.i - 1 and not any(c.dep_ == "agent" for c in verb.children):
        tokens = [verb.head]  # the parser hangs "X called Y ..." on X as a participle
    return list(dict.fromkeys(found.government_of(k) for s in tokens for t in conjuncts(s) for k in found.at(t.i) if found.kind(k) in AGENT_KINDS))


def _name_calls(doc_index: DocIndex, found: ArticleEntities, lexicon: Lexicon) -> Iterator[tuple[Token, list[str], list[str]]]:
    insults = lexicon.stances.insult_words
    for verb in doc_index.tokens_with(lemma=NAMING_VERBS):
        if verb.pos_ != "VERB":
            continue
        for obj in (c for c in verb.children if c.dep_ in {"dobj", "oprd"}):
            targets = [found.government_of(k) for t in conjuncts(obj) for k in found.at(t.i) if found.kind(k) in AGENT_KINDS]
            if not targets or not (any(_insult(c, insults) for c in _complements(verb, obj) if not found.at(c.i)) or _insult_after(obj, insults)):
                continue
            agents = [a for a in _agents(verb, found) if a not in targets]
            if agents:
                yield verb, agents, list(dict.fromkeys(targets))


def extract_name_calling(doc: Doc, found: ArticleEntities, *, lexicon: Lexicon, article_id: str, doc_index: DocIndex) -> list[Fact]:
    """ "X called Y a hypocrite": X opposes Y (``opposes-name-calling``), with the verb's modality."""

    return [
        make_fact(agent, "opposes", target, verb, rule="opposes-name-calling", confidence=0.7, lexicon=lexicon, article_id=article_id, doc_index=doc_index)
        for verb, agents, targets in _name_calls(doc_index, found, lexicon)
        for agent in agents
        for target in targets
    ]


def without_name_calling_meets(facts: list[Fact]) -> list[Fact]:
    """``facts`` without the ``meets`` a call verb gave between the two sides of a name-calling
    read in the same sentence ("X called Y a liar" is no phone call)."""
    called = {
        frozenset((f.subject, f.object)) | {f.evidence.start}
        for f in facts
        if f.evidence.rule == "opposes-name-calling"
    }
    if not called:
        return facts
    return [
        f for f in facts
        if not (f.relation == "meets" and f.evidence.rule.startswith("meet-verb") and (frozenset((f.subject, f.object)) | {f.evidence.start}) in called)
    ]


#: How far up from a relative clause's antecedent its clause's subject may be.
CLAUSE_REACH = 6


def _clause_subject(antecedent: Token) -> list[Token]:
    """The subject of the clause an antecedent ends ("the Quad was an attempt to contain China"):
    the first verb above it that has one."""
    node = antecedent
    for _ in range(CLAUSE_REACH):
        if node.head is node:
            return []
        node = node.head
        if node.pos_ in {"VERB", "AUX"}:
            found = [c for c in node.children if c.dep_ in {"nsubj", "nsubjpass"}]
            if found:
                return found
    return []


def extract_sentential_stances(doc: Doc, found: ArticleEntities, *, lexicon: Lexicon, article_id: str, doc_index: DocIndex) -> list[Fact]:
    """ "X was an attempt to contain China, which Beijing opposed": where "which" would make the
    agent take a stance on itself, it stands for the whole clause before it, whose subject (X) the
    stance is on (``<relation>-sentential-which``)."""

    facts: list[Fact] = []
    for verb in doc_index.tokens_with(lemma=lexicon.stance_verbs):
        if verb.dep != RELCL_ID:  # (the int, read at no cost: most stance verbs head no relative clause)
            continue
        relation = lexicon.stance_verbs.get(verb.lemma_.lower())
        if relation not in STANCES or verb.pos_ != "VERB":
            continue
        if not any(c.dep_ == "dobj" and c.lower_ == "which" for c in verb.children):
            continue
        antecedent = verb.head
        agents = [a for a in _agents(verb, found)]
        if not agents or not {found.government_of(k) for k in found.at(antecedent.i)} & set(agents):
            continue  # an antecedent other than the agent: the relative clause's own rules read it
        targets = [found.government_of(k) for s in _clause_subject(antecedent) for t in conjuncts(s) for k in found.at(t.i) if found.kind(k) in AGENT_KINDS]
        for target in dict.fromkeys(t for t in targets if t not in agents):
            for agent in agents:
                facts.append(make_fact(agent, relation, target, verb, rule=f"{relation}-sentential-which", confidence=0.6, lexicon=lexicon, article_id=article_id, doc_index=doc_index))
    return facts


def without_self_stances(facts: list[Fact], found: ArticleEntities) -> list[Fact]:
    """``facts`` without a stance of an agent on a topic that is only the agent's own name."""
    normalised: dict[str, tuple[str, ...]] = {}  # by entity key: an agent takes many stances

    def name(key: str) -> tuple[str, ...]:
        found_name = normalised.get(key)
        if found_name is None:
            found_name = normalised[key] = normalise_label(found.label(key))
        return found_name

    def on_itself(f: Fact) -> bool:
        return (
            f.relation in STANCES
            and found.kind(f.object) is EntityKind.TOPIC
            and found.kind(f.subject) in AGENT_KINDS
            and name(f.object) == name(f.subject)
        )

    return [f for f in facts if not on_itself(f)]

"""Factuality: is a fact asserted, planned, reported, negated or hypothetical?

The modality of a fact is read off the predicate that states it and the
predicates governing that one, up to the sentence root: a negation or a
cancelling verb anywhere on that path negates; a conditional or modal makes
it hypothetical; "will", "plans to", "is expected to" make it planned;
"reportedly", "according to", "X said that" make it reported.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from spacy.strings import get_string_id
from spacy.tokens import Token

from ..facts import Modality
from .lexicon import Lexicon

__all__ = ["modality_of"]

#: Modal auxiliaries that leave a fact possible rather than stated.
HYPOTHETICAL_AUX = frozenset({"could", "might", "may", "should", "must"})  # "X and Y must agree": an obligation, not a fact
#: The dependency labels of the children that can change a modality, as string ids: reading
#: ``Token.dep`` (an int) costs much less than ``Token.dep_`` (a str decoded on every read), so the
#: children with other labels are skipped before any string is read.
FRAME_DEPS = frozenset(get_string_id(dep) for dep in ("neg", "det", "aux", "auxpass", "nsubj", "nsubjpass", "mark", "advmod", "amod", "prep"))


def _children(token: Token) -> Iterable[Token]:
    return token.children


def modality_of(predicate: Token, *, lexicon: Lexicon, children: Callable[[Token], Iterable[Token]] = _children) -> Modality:
    """The modality of the fact stated by ``predicate`` (a verb, noun or adjective).

    ``children`` gives a token's children (``DocIndex.children`` reads them once per doc)."""
    negated = planned = reported = hypothetical = would = False
    token = predicate
    depth = 0
    from_conj = False  # reached ``token`` from a verb coordinated with it
    while True:
        for child in children(token):
            if child.dep not in FRAME_DEPS:
                continue
            dep, word = child.dep_, child.lower_  # (spaCy makes the strings afresh on every read)
            if dep == "neg" or (dep == "det" and word == "no"):
                # "chose not to make the trip and instead flew to India": the negation is the first verb's
                negated = negated or not from_conj
            elif dep in {"aux", "auxpass"}:
                # (``tag``, an int, tested before the lemma is decoded: few auxiliaries are "going")
                if word in {"will", "shall", "'ll"} or child.tag == _VBG and child.lemma_.lower() == "go":
                    planned = True
                elif word in {"would", "'d"}:
                    would = True  # future in the past ("said he would attend"), unless a condition follows
                elif word in HYPOTHETICAL_AUX:
                    hypothetical = True
            elif dep in {"nsubj", "nsubjpass"} and _no_one(child, children):
                negated = True  # "Neither Putin nor Xi attended", "No leader attended"
            elif dep == "mark" and word in {"if", "unless", "whether"}:
                hypothetical = True
            elif dep in {"advmod", "amod"}:
                lemma = child.lemma_.lower()
                if dep == "advmod" and lemma in lexicon.reported:
                    reported = True
                elif lemma in {"potentially", "possibly", "potential", "possible", "perhaps"}:
                    hypothetical = True
                elif dep == "amod" and lemma in {"upcoming", "coming", "planned", "proposed", "scheduled"}:
                    planned = True
            elif dep == "prep" and word == "according":
                reported = True
        lemma = token.lemma_.lower()
        if token is not predicate:
            if _negating_verb(token, lexicon, children) and not from_conj:
                negated = True
            elif lemma in lexicon.hypothetical and token.pos_ in {"VERB", "ADJ"}:
                hypothetical = True
            elif lemma in lexicon.planned:
                planned = True
            elif lemma in lexicon.reported and token.pos_ == "VERB" and depth >= 1:
                reported = True
        if token is not predicate and lemma in lexicon.planned and any(c.dep_ == "conj" and c.i > token.i and _negating_verb(c, lexicon, children) for c in children(token)):
            negated = True  # "had planned to attend but cancelled his trip"
        dep = token.dep_  # (read once: a new str on every read)
        if dep in {"ROOT"} or token.head is token or depth > 6:
            break
        # A relative clause states its own fact ("X, who visited Japan, said ..."); a content
        # clause ("reports that X would attend") stays under the frame of its noun's verb.
        if dep == "relcl" or (dep == "acl" and not any(c.dep_ == "mark" for c in children(token))):
            if dep == "acl" and token.head.lemma_.lower() in lexicon.planned:
                planned = True  # "Sweden's bid to join NATO": the act is intended, not done
            break
        # A noun predicate takes its frame from its own verb only ("will face opposition").
        if predicate.pos_ == "NOUN" and (depth >= 1 or dep not in {"dobj", "nsubj", "nsubjpass", "attr"}):
            break
        from_conj = dep == "conj" and not any(c.dep_ == "cc" and c.lower_ in {"or", "nor"} for c in children(token.head))
        # "did not attend, sending Lavrov instead": a participle clause is an act of its own
        from_conj = from_conj or (dep == "advcl" and _participle_clause(token, children))
        token = token.head
        depth += 1
    if negated:
        return Modality.NEGATED
    if hypothetical:
        return Modality.HYPOTHETICAL
    if would:
        planned = True
    if planned:
        return Modality.PLANNED
    if reported:
        return Modality.REPORTED
    return Modality.ASSERTED


def _participle_clause(token: Token, children: Callable[[Token], Iterable[Token]]) -> bool:
    """An -ing clause that adds an act to its verb's ("skipped the summit, sending his foreign
    minister instead"; "stayed away, citing..."): the verb's negation is not the clause's."""
    return token.dep_ == "advcl" and token.tag_ == "VBG" and not any(c.dep_ in {"mark", "neg"} for c in children(token))


def _negating_verb(token: Token, lexicon: Lexicon, children: Callable[[Token], Iterable[Token]]) -> bool:
    """A verb that denies or cancels what it governs: "cancelled", "ruled out", "called off"."""
    if token.pos_ not in {"VERB", "AUX"}:
        return False
    lemma = token.lemma_.lower()
    if lemma in lexicon.negated:
        return True
    if lemma not in lexicon.negated_phrase_starts:
        return False  # no "<lemma> <particle>" entry to look for among the children
    return any(c.dep_ == "prt" and f"{lemma} {c.lower_}" in lexicon.negated for c in children(token))


#: The words and labels :func:`_no_one` looks for, as string ids (``Token.lower`` and ``Token.dep``
#: are ints read at no cost; ``lower_`` and ``dep_`` decode a new str on every read). Most
#: subjects have no such word, and their children no such label.
_NO_ONE_WORDS = frozenset(get_string_id(word) for word in ("none", "nobody", "neither", "no-one"))
_NO_ONE_DEPS = frozenset(get_string_id(dep) for dep in ("preconj", "det", "cc"))
_VBG = get_string_id("VBG")


def _no_one(subject: Token, children: Callable[[Token], Iterable[Token]]) -> bool:
    """A subject that denies its verb: "neither X nor Y", "no leader", "none of them", "nobody"."""
    if subject.lower in _NO_ONE_WORDS:
        return True
    return any(
        (c.dep_ in {"preconj", "det"} and c.lower_ == "neither") or (c.dep_ == "det" and c.lower_ == "no") or (c.dep_ == "cc" and c.lower_ == "nor")
        for c in children(subject)
        if c.dep in _NO_ONE_DEPS
    )

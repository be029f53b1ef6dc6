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
from .syntax import (
    ADJ_ID,
    AMOD_ID,
    NOMINAL_SUBJECT_IDS,
    NOUN_ID,
    VERB_ID,
    VERB_POS_IDS,
    ids_of,
)

__all__ = ["modality_of"]

#: Modal auxiliaries that leave a fact possible rather than stated.
HYPOTHETICAL_AUX = frozenset({"could", "might", "may", "should", "must"})  # "X and Y must agree": an obligation, not a fact
#: The dependency labels of the children that can change a modality, as string ids: reading
#: ``Token.dep`` (an int) costs much less than ``Token.dep_`` (a str decoded on every read), so the
#: children with other labels are skipped before any string is read.
FRAME_DEPS = ids_of("neg", "det", "aux", "auxpass", "nsubj", "nsubjpass", "mark", "advmod", "amod", "prep")


def _children(token: Token) -> Iterable[Token]:
    return token.children


# The labels, words and parts of speech :func:`modality_of` compares, as string ids: ``Token.dep``,
# ``lower`` and ``pos`` are ints read at no cost, where ``dep_``, ``lower_`` and ``pos_`` decode a
# new str on every read (the walk reads them for every child of every token up to the root).
_NEG, _DET, _MARK, _PREP, _CONJ, _ADVCL, _RELCL, _ACL, _CC, _ROOT_DEP = (
    get_string_id(dep) for dep in ("neg", "det", "mark", "prep", "conj", "advcl", "relcl", "acl", "cc", "ROOT")
)
_AUX_DEPS, _MODIFIER_DEPS = ids_of("aux", "auxpass"), ids_of("advmod", "amod")
_ADVMOD = get_string_id("advmod")
_NO, _ACCORDING = get_string_id("no"), get_string_id("according")
_WILL, _WOULD, _HYPOTHETICAL_AUX = ids_of("will", "shall", "'ll"), ids_of("would", "'d"), ids_of(*HYPOTHETICAL_AUX)
_CONDITIONS, _ALTERNATIVES = ids_of("if", "unless", "whether"), ids_of("or", "nor")
#: The parts of speech a governing word must have to make a fact hypothetical or reported.
_VERB_ADJ = frozenset({VERB_ID, ADJ_ID})
#: The labels (``dep``) of a noun predicate that take their frame from their verb.
_NOUN_FRAME_DEPS = ids_of("dobj", "nsubj", "nsubjpass", "attr")
_PARTICLE, _MARK_NEG = get_string_id("prt"), ids_of("mark", "neg")


def modality_of(predicate: Token, *, lexicon: Lexicon, children: Callable[[Token], Iterable[Token]] = _children) -> Modality:
    """The modality of the fact stated by ``predicate`` (a verb, noun or adjective).

    ``children`` gives a token's children (``DocIndex.children`` reads them once per doc)."""
    negated = planned = reported = hypothetical = would = False
    token = predicate
    depth = 0
    from_conj = False  # reached ``token`` from a verb coordinated with it
    noun_predicate = predicate.pos == NOUN_ID  # (read once)
    while True:
        for child in children(token):
            dep = child.dep
            if dep not in FRAME_DEPS:
                continue
            word = child.lower
            if dep == _NEG or (dep == _DET and word == _NO):
                # "chose not to make the trip and instead flew to India": the negation is the first verb's
                negated = negated or not from_conj
            elif dep in _AUX_DEPS:
                # (``tag``, an int, tested before the lemma is decoded: few auxiliaries are "going")
                if word in _WILL or child.tag == _VBG and child.lemma_.lower() == "go":
                    planned = True
                elif word in _WOULD:
                    would = True  # future in the past ("said he would attend"), unless a condition follows
                elif word in _HYPOTHETICAL_AUX:
                    hypothetical = True
            elif dep in NOMINAL_SUBJECT_IDS:
                if _no_one(child, children):
                    negated = True  # "Neither Putin nor Xi attended", "No leader attended"
            elif dep == _MARK:
                if word in _CONDITIONS:
                    hypothetical = True
            elif dep in _MODIFIER_DEPS:
                lemma = child.lemma_.lower()
                if dep == _ADVMOD and lemma in lexicon.reported:
                    reported = True
                elif lemma in {"potentially", "possibly", "potential", "possible", "perhaps"}:
                    hypothetical = True
                elif dep == AMOD_ID and lemma in {"upcoming", "coming", "planned", "proposed", "scheduled"}:
                    planned = True
            elif dep == _PREP and word == _ACCORDING:
                reported = True
        if depth:  # a word governing the predicate (``token`` is the predicate itself at depth 0 only)
            lemma = token.lemma_.lower()
            pos = token.pos
            if _negating_verb(token, lexicon, children, lemma=lemma) and not from_conj:
                negated = True
            elif lemma in lexicon.hypothetical and pos in _VERB_ADJ:
                hypothetical = True
            elif lemma in lexicon.planned:
                planned = True
            elif lemma in lexicon.reported and pos == VERB_ID:
                reported = True
            if lemma in lexicon.planned and any(c.dep == _CONJ and c.i > token.i and _negating_verb(c, lexicon, children) for c in children(token)):
                negated = True  # "had planned to attend but cancelled his trip"
        dep = token.dep  # (the label id, read once)
        # (``token.head is token`` was tested here too: never true, as every read of ``head`` makes a new Token)
        if dep == _ROOT_DEP or depth > 6:
            break
        # A relative clause states its own fact ("X, who visited Japan, said ..."); a content
        # clause ("reports that X would attend") stays under the frame of its noun's verb.
        if dep == _RELCL or (dep == _ACL and not any(c.dep == _MARK for c in children(token))):
            if dep == _ACL and token.head.lemma_.lower() in lexicon.planned:
                planned = True  # "Sweden's bid to join NATO": the act is intended, not done
            break
        # A noun predicate takes its frame from its own verb only ("will face opposition").
        if noun_predicate and (depth >= 1 or dep not in _NOUN_FRAME_DEPS):
            break
        from_conj = dep == _CONJ and not any(c.dep == _CC and c.lower in _ALTERNATIVES for c in children(token.head))
        # "did not attend, sending Lavrov instead": a participle clause is an act of its own
        from_conj = from_conj or (dep == _ADVCL and _participle_clause(token, children))
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
    return token.dep == _ADVCL and token.tag == _VBG and not any(c.dep in _MARK_NEG for c in children(token))


def _negating_verb(token: Token, lexicon: Lexicon, children: Callable[[Token], Iterable[Token]], *, lemma: str | None = None) -> bool:
    """A verb that denies or cancels what it governs: "cancelled", "ruled out", "called off".
    ``lemma``: ``token.lemma_.lower()`` where the caller has read it."""
    if token.pos not in VERB_POS_IDS:
        return False
    if lemma is None:
        lemma = token.lemma_.lower()
    if lemma in lexicon.negated:
        return True
    if lemma not in lexicon.negated_phrase_starts:
        return False  # no "<lemma> <particle>" entry to look for among the children
    return any(c.dep == _PARTICLE and f"{lemma} {c.lower_}" in lexicon.negated for c in children(token))


#: The words and labels :func:`_no_one` looks for, as string ids (``Token.lower`` and ``Token.dep``
#: are ints read at no cost; ``lower_`` and ``dep_`` decode a new str on every read). Most
#: subjects have no such word, and their children no such label.
_NO_ONE_WORDS = ids_of("none", "nobody", "neither", "no-one")
_NO_ONE_DEPS = ids_of("preconj", "det", "cc")
_VBG = get_string_id("VBG")
_NEITHER, _NOR = get_string_id("neither"), get_string_id("nor")
_PRECONJ_OR_DET = ids_of("preconj", "det")


def _no_one(subject: Token, children: Callable[[Token], Iterable[Token]]) -> bool:
    """A subject that denies its verb: "neither X nor Y", "no leader", "none of them", "nobody"."""
    if subject.lower in _NO_ONE_WORDS:
        return True
    # (ids compared: the children are mostly "the" and "a", whose strings need not be decoded)
    return any(
        (c.dep in _PRECONJ_OR_DET and c.lower == _NEITHER) or (c.dep == _DET and c.lower == _NO) or (c.dep == _CC and c.lower == _NOR)
        for c in children(subject)
        if c.dep in _NO_ONE_DEPS
    )

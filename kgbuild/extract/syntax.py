"""Small dependency-tree helpers shared by the rule modules."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from ..facts import Evidence

__all__ = ["SUBJECT_DEPS", "OBJECT_DEPS", "conjuncts", "evidence", "objects", "subjects", "prep_objects"]

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
OBJECT_DEPS = frozenset({"dobj", "obj", "attr", "oprd"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})


def conjuncts(token: Token) -> list[Token]:
    """``token`` and the tokens coordinated with it ("Japan, Australia and India")."""
    return [token, *token.conjuncts]


def subjects(verb: Token) -> list[Token]:
    """Subjects of ``verb``, inherited from the first verb of a coordination ("met and praised")."""
    found = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    # "X met and praised Y", "X aims to bolster": the subject sits on the governing verb.
    while not found and verb.dep_ in {"conj", "xcomp"} and verb.head is not verb:
        verb = verb.head
        found = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    # "Y, who visited Z": the relative pronoun stands for the noun the clause modifies.
    if verb.dep_ == "relcl" and (not found or found[0].lower_ in RELATIVE_PRONOUNS):
        found = [verb.head]
    return [t for s in found for t in conjuncts(s)]


def objects(verb: Token) -> list[Token]:
    """Direct objects of ``verb`` with their conjuncts.

    In a relative clause ("the summit, which Portugal hosts") the relative
    pronoun stands for the noun the clause modifies.
    """
    found = [t for c in verb.children if c.dep_ in OBJECT_DEPS for t in conjuncts(c)]
    if verb.dep_ == "relcl":
        found = [verb.head if t.lower_ in RELATIVE_PRONOUNS else t for t in found]
    return found


def prep_objects(head: Token, *preps: str) -> Iterator[tuple[str, Token]]:
    """(preposition, object) pairs under ``head`` for the given prepositions (all when none)."""
    for prep in head.children:
        if prep.dep_ not in {"prep", "agent", "dative"}:
            continue
        if preps and prep.lower_ not in preps:
            continue
        for obj in prep.children:
            if obj.dep_ in {"pobj", "pcomp"}:
                for t in conjuncts(obj):
                    yield prep.lower_, t


def evidence(sent: Span, *, article_id: str, rule: str, confidence: float) -> Evidence:
    """Evidence pointing at the sentence ``sent`` of the article."""
    return Evidence(
        article_id=article_id,
        sentence=sent.text.strip(),
        start=sent.start_char,
        end=sent.end_char,
        rule=rule,
        confidence=confidence,
    )

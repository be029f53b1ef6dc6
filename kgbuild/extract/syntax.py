"""Small dependency-tree helpers shared by the rule modules."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from spacy.strings import get_string_id
from spacy.tokens import Span, Token

from ..facts import Evidence

if TYPE_CHECKING:  # (docindex imports this module's label ids)
    from .docindex import DocIndex

__all__ = ["OBJECT_DEPS", "SUBJECT_DEPS", "children_of", "conjuncts", "evidence", "ids_of", "listed_appositions", "objects", "prep_objects", "subjects", "tie_targets"]


def ids_of(*strings: str) -> frozenset[int]:
    """The spaCy string ids of ``strings``: the labels, parts of speech and words the rules compare
    with ``Token.dep``, ``pos`` and ``lower`` (ints read at no cost, where ``dep_``, ``pos_`` and
    ``lower_`` decode a new str on every read)."""
    return frozenset(get_string_id(string) for string in strings)


SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
OBJECT_DEPS = frozenset({"dobj", "obj", "attr", "oprd"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
# The same labels as string ids: ``Token.dep`` is an int, read at no cost, while ``Token.dep_``
# decodes a new str on every read; the helpers below test the int of every child they walk.
_SUBJECT_IDS = ids_of(*SUBJECT_DEPS)
_OBJECT_IDS = ids_of(*OBJECT_DEPS)
PREP_IDS = ids_of("prep", "agent", "dative")
PREP_OBJECT_IDS = ids_of("pobj", "pcomp")
_CONJ, _ROOT = get_string_id("conj"), get_string_id("ROOT")
# The labels, parts of speech and tag that rules in several modules test, one table for all.
APPOS_ID, COMPOUND_ID, DOBJ_ID, NSUBJ_ID, POBJ_ID, POSS_ID, PREP_ID, PUNCT_ID = (
    get_string_id(dep) for dep in ("appos", "compound", "dobj", "nsubj", "pobj", "poss", "prep", "punct")
)
ACL_ID, AMOD_ID, RELCL_ID = (get_string_id(dep) for dep in ("acl", "amod", "relcl"))
#: Nominal subjects, active and passive.
NOMINAL_SUBJECT_IDS = frozenset({NSUBJ_ID, get_string_id("nsubjpass")})
#: The modifiers written before a noun that tell its kind ("the trade summit", "the annual summit").
MODIFIER_IDS = frozenset({COMPOUND_ID, AMOD_ID})
ADJ_ID, NOUN_ID, PRON_ID, PROPN_ID, VERB_ID = (get_string_id(pos) for pos in ("ADJ", "NOUN", "PRON", "PROPN", "VERB"))
#: The parts of speech of a predicate.
VERB_POS_IDS = frozenset({VERB_ID, get_string_id("AUX")})
#: The tag of the possessive "'s".
POSSESSIVE_TAG_ID = get_string_id("POS")
#: Verbs whose object, not subject, does the act of their infinitive ("invited Y to visit").
OBJECT_CONTROL_VERBS = frozenset({"invite", "urge", "ask", "persuade", "encourage", "tell", "press", "force", "allow", "order", "request", "pressure", "convince"})
#: Nouns of an intention whose infinitive their owner carries out ("Russia's decision to invade").
INTENT_NOUNS = frozenset({
    "decision", "plan", "effort", "attempt", "bid", "move", "commitment", "pledge", "promise",
    "threat", "readiness", "willingness", "determination", "intention", "offer",
    "proposal", "push", "campaign", "resolve", "vow", "call",
})  # fmt: skip
#: Verbs whose subject speaks through the document that is their object ("issued a statement condemning").
DOCUMENT_VERBS = frozenset({"issue", "release", "adopt", "sign", "publish", "pass", "sponsor", "table", "send", "deliver", "approve", "unveil", "draft"})
#: Predicates whose "to"-gerund shares their subject ("X is committed to supporting Y").
COMMITMENT_PREDICATES = frozenset({
    "committed", "commit", "dedicated", "dedicate", "determined", "ready", "willing", "prepared",
    "eager", "keen", "resolved", "devoted", "devote", "look",
})  # fmt: skip


# Each helper below takes an optional ``doc_index`` (the article's :class:`DocIndex`): given, the
# children and conjuncts of a token are read from it, made once per token, instead of from spaCy,
# which walks the tree and makes new Tokens on every read. The answers are the same.


def children_of(token: Token, *, doc_index: DocIndex | None = None) -> tuple[Token, ...]:
    """``token.children``, in text order (a tuple: rules read it more than once)."""
    return tuple(token.children) if doc_index is None else doc_index.children(token)


def _conjuncts_of(token: Token, doc_index: DocIndex | None) -> tuple[Token, ...]:
    return token.conjuncts if doc_index is None else doc_index.conjuncts(token)


def conjuncts(token: Token, *, doc_index: DocIndex | None = None) -> list[Token]:
    """``token`` and the tokens coordinated with it ("Japan, Australia and India")."""
    if token.dep != _CONJ and not token.n_rights:
        return [token]  # neither coordinated with a head nor heading any: no walk (``Token.conjuncts`` is one)
    return [token, *_conjuncts_of(token, doc_index), *listed_appositions(token, doc_index=doc_index)]


def listed_appositions(token: Token, *, doc_index: DocIndex | None = None) -> list[Token]:
    """The members of a list the parser hung on ``token`` as an apposition: in "Canada, the
    Alliance and the Government of Chad are committed" the small model makes "Coalition" an
    apposition of "UK" and "Government" its conjunct; an apposition with a conjunction of its
    own ("and") after a comma is a list ("the two leaders, Biden and Xi," lists them too)."""
    if not token.n_rights:
        return []  # no right child (``n_rights`` is a count spaCy keeps: no walk)
    appositions = [c for c in (token.rights if doc_index is None else doc_index.rights(token)) if c.dep == APPOS_ID]
    if not appositions:
        return []
    for child in appositions:
        if not any(c.dep_ == "cc" and c.lower_ == "and" for c in children_of(child, doc_index=doc_index)):
            continue  # "X, Y or Z" names alternatives, and a stray "plus" is no list
        between = token.doc[token.i + 1 : child.left_edge.i]
        if any(t.text == "," for t in between):
            return [child, *_conjuncts_of(child, doc_index)]
    return _and_before_last_apposition(token, appositions)


def _and_before_last_apposition(token: Token, appositions: list[Token]) -> list[Token]:
    """ "Morrison, Moon Jae-in and Ramaphosa flew": appositions after a comma whose last one follows
    an "and" the parser hung elsewhere (on the "in" of "Jae-in") are a list all the same.
    ``appositions`` are the right children of ``token`` that are appositions."""
    if len(appositions) < 2 or token.doc[token.i + 1].text != ",":
        return []
    last = appositions[-1]
    before = last.left_edge.i - 1
    if before <= token.i or token.doc[before].lower_ != "and":
        return []
    return [m for a in appositions for m in (a, *a.conjuncts)]


def subjects(verb: Token, *, doc_index: DocIndex | None = None) -> list[Token]:
    """Subjects of ``verb``, inherited from the first verb of a coordination ("met and praised")."""
    found = [c for c in children_of(verb, doc_index=doc_index) if c.dep in _SUBJECT_IDS]
    # "X invited Y to visit Z": the one invited, urged or asked does the act.
    if not found and verb.dep_ == "xcomp" and verb.head.lemma_.lower() in OBJECT_CONTROL_VERBS:
        found = [c for c in children_of(verb.head, doc_index=doc_index) if c.dep == DOBJ_ID]
    # "X met and praised Y", "X aims to bolster": the subject sits on the governing verb.
    while not found and verb.head.i != verb.i:
        dep = verb.dep_  # (read once: a new str on every read)
        if dep == "acl" and verb.head.lemma_.lower() in INTENT_NOUNS and any(c.lower_ == "to" for c in children_of(verb, doc_index=doc_index)):
            # "Russia's decision to invade", "coalition efforts to support": the noun's owner acts
            return [c for c in children_of(verb.head, doc_index=doc_index) if c.dep_ in {"poss", "compound", "amod"} and c.i < verb.head.i]
        if dep == "acl" and verb.tag_ == "VBG" and verb.head.dep_ == "dobj" and verb.head.head.lemma_.lower() in DOCUMENT_VERBS:
            verb = verb.head.head  # "X issued a statement condemning Y": X condemns
        elif dep in {"conj", "xcomp", "acomp"}:
            verb = verb.head  # "X is ready to sign": the predicate adjective's subject
        elif dep == "pcomp" and verb.head.head.lemma_.lower() in COMMITMENT_PREDICATES:
            verb = verb.head.head  # "X is committed to supporting Y"
        elif dep == "advcl" and verb.head.pos_ in {"VERB", "AUX"} and any(c.dep_ == "aux" and c.lower_ == "to" for c in children_of(verb, doc_index=doc_index)):
            verb = verb.head  # a purpose clause: "X sent troops to help Y" (X helps)
        else:
            break
        found = [c for c in children_of(verb, doc_index=doc_index) if c.dep in _SUBJECT_IDS]
    # "Y, who visited Z": the relative pronoun stands for the noun the clause modifies.
    if verb.dep_ == "relcl" and (not found or found[0].lower_ in RELATIVE_PRONOUNS):
        found = [verb.head]
    if verb.dep == _ROOT:
        found = _dateline_subject(verb, found, doc_index=doc_index)
    return [t for s in found for t in conjuncts(s, doc_index=doc_index)]


#: Dashes that end a wire dateline ("KAZAN, Russia, Oct 23 (Reuters) - ...").
DATELINE_DASHES = frozenset({"-", "—", "–", "--"})


def _dateline_subject(verb: Token, found: list[Token], *, doc_index: DocIndex | None = None) -> list[Token]:
    """ "KAZAN, Russia, Oct 23 (Reuters) - Russian President Vladimir Putin welcomed ...": the
    parser hangs the lead's subject on the dateline (an apposition of "KAZAN", or "KAZAN" made
    the subject); the noun phrase between the dateline's dash and the verb is the subject."""
    doc = verb.doc
    # Only in the lead sentence: walk back to the sentence start (``verb.sent`` would check the
    # whole doc's annotation and make two Spans); the dash is among its first 16 tokens.
    # (``doc_index`` knows the sentence of every token: no walk)
    if doc_index is not None and doc_index.sentence_number(verb.i) != 0:
        return found
    start = verb.i
    while start > 0 and not doc[start].is_sent_start:
        start -= 1
    if start != 0:
        return found
    dash = next((t for t in doc[1 : min(16, verb.i)] if t.text in DATELINE_DASHES and doc[t.i - 1].whitespace_), None)
    if dash is None or any(t.i > dash.i for t in found):
        return found
    heads = [t for t in verb.doc[dash.i + 1 : verb.i] if not dash.i < t.head.i < verb.i and t.pos_ in {"PROPN", "NOUN"}]
    if len(heads) == 1 and heads[0].dep_ in {"appos", "npadvmod", "nmod", "dep", "compound", "conj", "nsubj"}:
        return heads
    return found


def objects(verb: Token, *, doc_index: DocIndex | None = None) -> list[Token]:
    """Direct objects of ``verb`` with their conjuncts.

    In a relative clause ("the summit, which Portugal hosts") the relative
    pronoun stands for the noun the clause modifies.
    """
    found = [t for c in children_of(verb, doc_index=doc_index) if c.dep in _OBJECT_IDS for t in conjuncts(c, doc_index=doc_index)]
    if verb.dep_ == "relcl":
        found = [verb.head if t.lower_ in RELATIVE_PRONOUNS else t for t in found]
    return found


def prep_objects(head: Token, *preps: str, doc_index: DocIndex | None = None) -> Iterator[tuple[str, Token]]:
    """(preposition, object) pairs under ``head`` for the given prepositions (all when none)."""
    if not head.n_lefts and not head.n_rights:
        return  # no children (counts spaCy keeps: no walk of the tree, no new Tokens)
    for prep in children_of(head, doc_index=doc_index):
        if prep.dep not in PREP_IDS:
            continue
        word = prep.lower_  # (read once: a new str on every read)
        if preps and word not in preps:
            continue
        for obj in children_of(prep, doc_index=doc_index):
            if obj.dep in PREP_OBJECT_IDS:
                for t in conjuncts(obj, doc_index=doc_index):
                    yield word, t


def tie_targets(tie: Token, tie_nouns: frozenset[str]) -> list[Token]:
    """Whom a tie noun links to ("relations with X", "aid to X", "a programme for X"): the objects of
    its "with", "to" and "for", when ``tie`` (its lemma or its lower-case form) is one of ``tie_nouns``."""
    if tie.lemma_.lower() not in tie_nouns and tie.lower_ not in tie_nouns:
        return []
    return [t for _, t in prep_objects(tie, "with", "to", "for")]


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

"""Reports denied afterwards: "Media reported that X had flown to Neom and met Y. The Saudi
foreign minister denied that any such meeting took place."

A fact read as reported (hearsay: "media reported that ...") is cancelled when one of the next
sentences denies it by a back-reference: "denied that any such meeting took place", "denied the
report", "rejected these claims". The fact is kept with a negated modality and its evidence
names the rule (``.../report-denied``); facts stated as true, and reports nobody denies, are
left as they are. A plan given up in a clause joined to it ("was expected to attend but pulled
out") is negated the same way (``.../plan-withdrawn``).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from ..facts import Fact, Modality
from .docindex import DocIndex
from .syntax import objects, subjects

__all__ = ["cancel_withdrawn_plans", "negate_denied_reports"]

#: Verbs of denying a report.
DENIAL_VERBS = frozenset({"deny", "dismiss", "reject", "refute"})
#: Nouns that refer back to a report ("denied the report", "dismissed these claims").
REPORT_NOUNS = frozenset({"report", "claim", "account", "story", "allegation", "rumour", "rumor", "suggestion"})
#: Determiners of a back-reference.
BACK_DETERMINERS = frozenset({"the", "this", "these", "that", "those", "such", "any"})
#: How many sentences before the denial a denied report may stand.
DENIAL_REACH = 2


def negate_denied_reports(doc: Doc, facts: list[Fact], *, doc_index: DocIndex) -> list[Fact]:
    """``facts`` with the reported ones a later sentence denies turned negated."""
    spans: list[tuple[int, int]] = []  # character ranges of the sentences whose reports are denied
    for verb in doc_index.tokens_with(lemma=DENIAL_VERBS):
        if verb.pos_ != "VERB" or not _denies_a_back_reference(verb):
            continue
        first = doc_index.sentences[max(0, doc_index.sentence_number(verb.i) - DENIAL_REACH)]
        spans.append((first.start_char, doc_index.sentence(verb).start_char))
    if not spans:
        return facts
    return [
        replace(f, modality=Modality.NEGATED, evidence=replace(f.evidence, rule=f"{f.evidence.rule}/report-denied"))
        if f.modality is Modality.REPORTED and any(start <= f.evidence.start < end for start, end in spans)
        else f
        for f in facts
    ]


def _denies_a_back_reference(verb: Token) -> bool:
    """ "denied the report", "rejected these claims", "denied that any such meeting took place"."""
    for obj in objects(verb):
        if obj.lemma_.lower() in REPORT_NOUNS and any(c.dep_ in {"det", "predet"} and c.lower_ in BACK_DETERMINERS for c in obj.children):
            return True
    for clause in verb.children:
        if clause.dep_ == "ccomp" and any(t.lower_ == "such" and t.dep_ in {"amod", "det", "predet"} for t in clause.subtree):
            return True
    return False


#: Verbs (with their particle, if any) of giving up a plan: "pulled out", "backed out", "withdrew".
WITHDRAWAL_VERBS = {"pull": "out", "back": "out", "drop": "out", "withdraw": None, "cancel": None, "scrap": None}
#: What a withdrawal verb may cancel ("cancelled the trip"); with another object it is no withdrawal.
PLAN_NOUNS = frozenset({"trip", "visit", "plan", "attendance", "appearance", "participation", "meeting", "journey", "tour", "stop", "leg"})
#: Relations a withdrawal cancels.
PLANNED_PRESENCE = frozenset({"attends", "visits", "meets"})


def cancel_withdrawn_plans(doc: Doc, facts: list[Fact], found, *, doc_index: DocIndex) -> list[Fact]:
    """ "X had been expected to attend the summit but pulled out", "X was due to visit Y but did
    not": the plan, given up in a clause joined to it, is negated (rule ``.../plan-withdrawn``)."""
    cancelled: set[tuple[str, int]] = set()  # (subject key, sentence start character)
    for verb in doc_index.tokens_with(lemma={*WITHDRAWAL_VERBS, "do"}):
        if verb.dep_ != "conj" or verb.pos_ not in {"VERB", "AUX"}:
            continue
        if not any(c.dep_ == "cc" and c.lower_ in {"but", "yet"} for c in verb.head.children):
            continue  # "will attend the summit and cancel the trip": a second act, no plan given up
        lemma = verb.lemma_.lower()
        if lemma == "do":
            if not any(c.dep_ == "neg" for c in verb.children):
                continue  # "but did not"
        elif WITHDRAWAL_VERBS[lemma] and not any(c.dep_ in {"prt", "advmod"} and c.lower_ == WITHDRAWAL_VERBS[lemma] for c in verb.children):
            continue  # "pulled" without "out"
        elif any(o.lemma_.lower() not in PLAN_NOUNS for o in objects(verb)):
            continue  # "will visit Kyiv and cancel its debt": something else is cancelled
        for subject in subjects(verb):
            for key in found.at(subject.i):
                cancelled.add((key, verb.sent.start_char))
    if not cancelled:
        return facts
    return [
        replace(f, modality=Modality.NEGATED, evidence=replace(f.evidence, rule=f"{f.evidence.rule}/plan-withdrawn"))
        if f.modality is Modality.PLANNED and f.relation in PLANNED_PRESENCE and (f.subject, f.evidence.start) in cancelled
        else f
        for f in facts
    ]

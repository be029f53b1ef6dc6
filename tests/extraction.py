"""Helpers shared by the rule tests: run the extractor on a hand-built parse, read its facts by label."""

from __future__ import annotations

from kgbuild.extract import extract_article
from kgbuild.facts import Entity, EntityKind, Evidence, Fact, Modality, entity_key


def entity(kind: EntityKind, label: str, **extra) -> Entity:
    """An entity record keyed as the extractor keys it (``entity_key``), for hand-built extractions."""
    return Entity(key=entity_key(kind, label), kind=kind, label=label, **extra)


def hand_fact(article: str, subject: Entity, relation: str, obj: Entity, modality: Modality = Modality.ASSERTED) -> Fact:
    """A fact between two entity records, with a sentence made of their labels, for hand-built extractions."""
    sentence = f"{subject.label} {relation} {obj.label}."
    return Fact(subject.key, relation, obj.key, modality, Evidence(article, sentence, 0, len(sentence), "hand", 0.8))


def run(make_doc, article_for, resources, table):
    """The extraction of the hand-built parse ``table`` (see conftest.make_doc)."""
    doc = make_doc(table)
    return extract_article(doc, article_for(doc), resources=resources)


def triples(extraction, *, modality: Modality | None = None):
    """(subject label, relation, object label, modality) of every fact."""
    labels = {e.key: e.label for e in extraction.entities}
    return {
        (labels[f.subject], f.relation, labels[f.object], f.modality)
        for f in extraction.facts
        if modality is None or f.modality is modality
    }


def extract_text(nlp, article_for, resources, text):
    """The extraction of ``text`` parsed by the real model."""
    doc = nlp(text)
    return extract_article(doc, article_for(doc), resources=resources)


def relation_facts(extraction, relation):
    """(subject label, object label, modality, rule) of one relation."""
    labels = {e.key: e.label for e in extraction.entities}
    return {
        (labels[f.subject], labels[f.object], f.modality, f.evidence.rule)
        for f in extraction.facts
        if f.relation == relation
    }


def relation_pairs(extraction, relation, modality=Modality.ASSERTED):
    """(subject label, object label) of one relation's facts of ``modality``."""
    return {(s, o) for s, o, m, _ in relation_facts(extraction, relation) if m is modality}

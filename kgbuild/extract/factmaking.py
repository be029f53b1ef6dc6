"""Making a rule's fact: the one constructor every rule module calls, so none imports another's internals."""

from __future__ import annotations

from spacy.tokens import Token

from ..facts import EntityKind, Fact, Modality
from .docindex import DocIndex
from .factuality import modality_of
from .lexicon import Lexicon
from .syntax import evidence

__all__ = ["AGENT_KINDS", "make_fact"]

#: The kinds of entity that act: take part, meet, take stances.
AGENT_KINDS = frozenset({EntityKind.PERSON, EntityKind.COUNTRY, EntityKind.ORGANISATION, EntityKind.INTERNATIONAL_ORGANISATION})


def make_fact(subject: str, relation: str, obj: str, predicate: Token, *, rule: str, confidence: float, lexicon: Lexicon, article_id: str, doc_index: DocIndex | None = None, refinement: str | None = None, modality: Modality | None = None) -> Fact:
    """The fact ``subject relation obj`` a rule reads at ``predicate``: its evidence is
    ``predicate``'s sentence, its modality ``modality`` or else what the sentence says of
    ``predicate`` (negated, planned, reported...)."""
    if doc_index is None:  # a rule without the article's index
        ev = evidence(predicate.sent, article_id=article_id, rule=rule, confidence=confidence)
        return Fact(subject, relation, obj, modality or modality_of(predicate, lexicon=lexicon), ev, refinement)
    ev = doc_index.evidence(predicate, article_id=article_id, rule=rule, confidence=confidence)
    return Fact(subject, relation, obj, modality or doc_index.modality(predicate, lexicon=lexicon), ev, refinement)

"""What the rules look up in one parsed doc, computed once per article.

spaCy computes ``doc.text``, ``doc.ents`` and ``Token.sent`` afresh on every
call, each walking the doc, and a rule that loops over every token to find
the few with a given word pays for every token it skips. :class:`DocIndex`
computes them once; the rules ask it instead.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable

import numpy as np
from spacy.attrs import LEMMA, LOWER, POS
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from ..facts import Evidence, Modality
from .factuality import modality_of
from .lexicon import Lexicon

__all__ = ["DocIndex"]

#: The token attributes :meth:`DocIndex.tokens_with` finds tokens by.
INDEXED = (POS, LOWER, LEMMA)


class DocIndex:
    """The text, entities, sentences and words of one doc.

    >>> import spacy
    >>> doc = spacy.blank("en")("Talks began. They ended.")
    >>> doc[3].is_sent_start = True
    >>> index = DocIndex(doc)
    >>> index.sentence(doc[4]).text, [t.text for t in index.tokens_with(lower={"ended", "talks"})]
    ('They ended.', ['Talks', 'ended'])
    """

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self._tokens = tuple(doc)
        self.text = "".join(t.text_with_ws for t in self._tokens)  # doc.text, without making the Tokens again
        self.ents = doc.ents
        self._sentences = tuple(doc.sents)
        self._numbers = [0] * len(doc)  # token index -> sentence number
        for n, sent in enumerate(self._sentences):
            self._numbers[sent.start : sent.end] = [n] * len(sent)
        self._ent_starts = [ent.start for ent in self.ents]
        self._cited: dict[tuple[int, str, str, float], Evidence] = {}
        self._columns: dict[int, _Grouped] = {}  # made on first use
        self._lemmas: dict[str, list[int]] | None = None
        self._children: dict[int, tuple[Token, ...]] = {}
        self._prep_pairs: dict[int, list[tuple[str, Token]]] = {}
        self._modalities: dict[int, Modality] = {}  # by predicate token index; one lexicon per article

    @property
    def sentences(self) -> tuple[Span, ...]:
        """The sentences of the doc (``doc.sents``), in order."""
        return self._sentences

    def sentence(self, token: Token) -> Span:
        """The sentence ``token`` is in (``token.sent``)."""
        return self._sentences[self._numbers[token.i]]

    def sentence_number(self, i: int) -> int:
        """The position in the doc of the sentence of token ``i`` (0 for the first)."""
        return self._numbers[i]

    def evidence(self, token: Token, *, article_id: str, rule: str, confidence: float) -> Evidence:
        """Evidence pointing at the sentence of ``token`` (``syntax.evidence(token.sent, ...)``)."""
        key = (self._numbers[token.i], article_id, rule, confidence)
        found = self._cited.get(key)
        if found is None:
            sent = self._sentences[key[0]]
            start, end = sent.start_char, sent.end_char
            found = self._cited[key] = Evidence(
                article_id=article_id,
                sentence=self.text[start:end].strip(),
                start=start,
                end=end,
                rule=rule,
                confidence=confidence,
            )
        return found

    def modality(self, predicate: Token, *, lexicon: Lexicon) -> Modality:
        """``factuality.modality_of(predicate)``, read once per predicate (several facts share one)."""
        found = self._modalities.get(predicate.i)
        if found is None:
            found = self._modalities[predicate.i] = modality_of(predicate, lexicon=lexicon)
        return found

    def ents_starting(self, start: int, end: int) -> tuple[Span, ...]:
        """The entities (of ``doc.ents``) that start at a token from ``start`` up to ``end`` (excluded)."""
        return self.ents[bisect_left(self._ent_starts, start) : bisect_left(self._ent_starts, end)]

    def having(self, *flags: int) -> list[int]:
        """Indices of the tokens with any of the lexical ``flags`` (``spacy.attrs.IS_TITLE``...), in text order."""
        return np.flatnonzero(self.doc.to_array(list(flags)).reshape(len(self.doc), len(flags)).any(axis=1)).tolist()

    def tokens_with(self, *, pos: Iterable[str] = (), lower: Iterable[str] = (), lemma: Iterable[str] = ()) -> list[Token]:
        """Tokens whose part of speech (``pos_``) is in ``pos``, whose lower-cased text (``lower_``) is in
        ``lower`` or whose lower-cased lemma (``lemma_.lower()``) is in ``lemma``, in text order."""
        hits: list[int] = []
        for attr, strings in ((POS, pos), (LOWER, lower)):
            if strings:
                column = self._column(attr)
                for string in strings:
                    hits += column.indices(get_string_id(string))
        if lemma:
            column, lowered = self._column(LEMMA), self._lowered_lemmas()
            for string in lemma:
                hits += column.indices(get_string_id(string))
                for value in lowered.get(string, ()):
                    hits += column.indices(value)
        tokens = self.tokens
        return [tokens[i] for i in sorted(set(hits))]

    def children(self, token: Token) -> tuple[Token, ...]:
        """``token.children``, read once per token (spaCy walks the tree and makes new Tokens on every call)."""
        found = self._children.get(token.i)
        if found is None:
            found = self._children[token.i] = tuple(token.children)
        return found

    def prep_objects(self, head: Token, *preps: str) -> list[tuple[str, Token]]:
        """``syntax.prep_objects(head, *preps)`` as a list, the pairs of ``head`` read once."""
        pairs = self._prep_pairs.get(head.i)
        if pairs is None:
            pairs = self._prep_pairs[head.i] = [
                (prep.lower_, t)
                for prep in self.children(head)
                if prep.dep_ in {"prep", "agent", "dative"}
                for obj in self.children(prep)
                if obj.dep_ in {"pobj", "pcomp"}
                for t in (obj, *obj.conjuncts)
            ]
        return [pair for pair in pairs if pair[0] in preps] if preps else list(pairs)

    @property
    def tokens(self) -> tuple[Token, ...]:
        """The tokens of the doc, made once (``doc[i]`` makes a new Token object on every call)."""
        return self._tokens

    def _lowered_lemmas(self) -> dict[str, list[int]]:
        """The string ids of the doc's lemmas that may not be lower-case, by their lower-cased
        text (made on first use). A lemma that is some token's ``lower_`` is lower-case already,
        so only the others are looked up (reading a string out of the vocabulary is slow)."""
        if self._lemmas is None:
            strings = self.doc.vocab.strings
            self._lemmas = {}
            for value in self._column(LEMMA).spans.keys() - self._column(LOWER).spans.keys():
                lowered = strings[value].lower()
                if get_string_id(lowered) != value:  # the lemma itself is found by its own id
                    self._lemmas.setdefault(lowered, []).append(value)
        return self._lemmas

    def _column(self, attr: int) -> _Grouped:
        """The string ids of ``attr`` (``POS``, ``LOWER`` or ``LEMMA``) of every token, grouped (the
        three made together on first use)."""
        if not self._columns:
            table = self.doc.to_array(list(INDEXED)).reshape(len(self.doc), len(INDEXED))
            for n, column in enumerate(INDEXED):
                self._columns[column] = _Grouped(table[:, n])
        return self._columns[attr]


class _Grouped:
    """The positions of each value of a column. Grouping by sorting with numpy costs much less
    than grouping in a Python loop, and a look-up is one dict access."""

    def __init__(self, column: np.ndarray) -> None:
        order = np.argsort(column, kind="stable")  # stable: the positions of a value in text order
        ordered = column[order]
        starts = np.flatnonzero(np.concatenate(([True], ordered[1:] != ordered[:-1]))) if len(column) else order
        ends = np.append(starts[1:], len(column))
        self.positions: list[int] = order.tolist()
        self.spans: dict[int, tuple[int, int]] = dict(zip(ordered[starts].tolist(), zip(starts.tolist(), ends.tolist())))

    def indices(self, value: int) -> list[int]:
        """The positions holding ``value``, in order."""
        span = self.spans.get(value)
        return self.positions[span[0] : span[1]] if span else []

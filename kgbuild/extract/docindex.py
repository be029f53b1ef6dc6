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
        self.text = doc.text
        self.ents = doc.ents
        self._sentences = tuple(doc.sents)
        self._numbers = [0] * len(doc)  # token index -> sentence number
        for n, sent in enumerate(self._sentences):
            self._numbers[sent.start : sent.end] = [n] * len(sent)
        self._ent_starts = [ent.start for ent in self.ents]
        self._cited: dict[tuple[int, str, str, float], Evidence] = {}
        self._columns: dict[int, tuple[np.ndarray, set[int]]] = {}  # made on first use
        self._lemmas: dict[str, list[int]] | None = None
        self._tokens: tuple[Token, ...] | None = None
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
        hits = np.zeros(len(self.doc), dtype=bool)
        for attr, strings in ((POS, pos), (LOWER, lower)):
            values, present = self._column(attr)
            wanted = present.intersection(get_string_id(string) for string in strings)
            if wanted:
                hits |= np.isin(values, np.fromiter(wanted, dtype=values.dtype, count=len(wanted)))
        if lemma:
            values, present = self._column(LEMMA)
            lowered = self._lowered_lemmas()
            wanted = [value for string in lemma for value in lowered.get(string, ())]
            wanted += present.intersection(get_string_id(string) for string in lemma)
            if wanted:
                hits |= np.isin(values, np.array(wanted, dtype=values.dtype))
        tokens = self.tokens
        return [tokens[i] for i in np.flatnonzero(hits).tolist()]

    @property
    def tokens(self) -> tuple[Token, ...]:
        """The tokens of the doc, made once (``doc[i]`` makes a new Token object on every call)."""
        if self._tokens is None:
            self._tokens = tuple(self.doc)
        return self._tokens

    def _lowered_lemmas(self) -> dict[str, list[int]]:
        """The string ids of the doc's lemmas that may not be lower-case, by their lower-cased
        text (made on first use). A lemma that is some token's ``lower_`` is lower-case already,
        so only the others are looked up (reading a string out of the vocabulary is slow)."""
        if self._lemmas is None:
            strings = self.doc.vocab.strings
            self._lemmas = {}
            for value in self._column(LEMMA)[1] - self._column(LOWER)[1]:
                self._lemmas.setdefault(strings[value].lower(), []).append(value)
        return self._lemmas

    def _column(self, attr: int) -> tuple[np.ndarray, set[int]]:
        """The string ids of one attribute of every token, and the set of them."""
        if attr not in self._columns:
            values = self.doc.to_array(attr)
            self._columns[attr] = values, set(values.tolist())
        return self._columns[attr]

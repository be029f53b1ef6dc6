"""What the rules look up in one parsed doc, computed once per article.

spaCy computes ``doc.text``, ``doc.ents`` and ``Token.sent`` afresh on every
call, each walking the doc, and a rule that loops over every token to find
the few with a given word pays for every token it skips. :class:`DocIndex`
computes them once; the rules ask it instead.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from functools import lru_cache

import numpy as np
from spacy.attrs import HEAD, IS_TITLE, IS_UPPER, LEMMA, LOWER, POS
from spacy.strings import StringStore, get_string_id
from spacy.tokens import Doc, Span, Token

from ..facts import Evidence, Modality
from .factuality import modality_of
from .lexicon import Lexicon
from .syntax import PREP_IDS, PREP_OBJECT_IDS, ids_of

__all__ = ["DocIndex", "string_ids"]

#: The token attributes :meth:`DocIndex.tokens_with` finds tokens by.
INDEXED = (POS, LOWER, LEMMA)
#: The lexical flags the entity rules ask :meth:`DocIndex.having` for, read in the same
#: ``Doc.to_array`` call as :data:`INDEXED` (each call has a cost of its own).
FLAGS = (IS_TITLE, IS_UPPER)
#: The columns of :meth:`DocIndex._table`: the head offsets last (read by :meth:`DocIndex.children`).
TABLE = (*INDEXED, *FLAGS, HEAD)


class DocIndex:
    """The text, entities, sentences and words of one doc.

    >>> import spacy
    >>> doc = spacy.blank("en")("Talks began. They ended.")
    >>> doc[3].is_sent_start = True
    >>> index = DocIndex(doc)
    >>> index.sentence(doc[4]).text, [t.text for t in index.tokens_with(lower={"ended", "talks"})]
    ('They ended.', ['Talks', 'ended'])
    """

    def __init__(self, doc: Doc, *, text: str | None = None) -> None:
        """``text``, when given, is the text ``doc`` was parsed from (``Article.text``): spaCy's
        tokenizer keeps every character, so it is ``doc.text``, which then need not be joined again
        from the tokens (a text of another length is not taken)."""
        self.doc = doc
        self._tokens = tuple(doc)
        if text is None or not self._tokens or len(text) != self._tokens[-1].idx + len(self._tokens[-1].text_with_ws):
            text = "".join([t.text_with_ws for t in self._tokens])  # doc.text, without making the Tokens again
        self.text = text
        self.ents = doc.ents
        self._sentences = tuple(doc.sents)
        self._numbers = [0] * len(doc)  # token index -> sentence number
        for n, sent in enumerate(self._sentences):
            self._numbers[sent.start : sent.end] = [n] * len(sent)
        self._ent_starts = [ent.start for ent in self.ents]
        self._cited: dict[tuple[int, str, str, float], Evidence] = {}
        self._columns: dict[int, _Grouped] = {}  # made on first use
        self._array: np.ndarray | None = None
        self._lemmas: dict[int, list[int]] | None = None
        self._children: dict[int, tuple[Token, ...]] = {}
        self._heads: tuple[list[int], list[int]] | None = None  # see :meth:`_dependents`, made on first use
        self._conjuncts: dict[int, tuple[Token, ...]] = {}
        self._word_heads: dict[str, frozenset[int]] = {}
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
            found = self._modalities[predicate.i] = modality_of(predicate, lexicon=lexicon, children=self.children)
        return found

    def ents_starting(self, start: int, end: int) -> tuple[Span, ...]:
        """The entities (of ``doc.ents``) that start at a token from ``start`` up to ``end`` (excluded)."""
        return self.ents[bisect_left(self._ent_starts, start) : bisect_left(self._ent_starts, end)]

    def having(self, *flags: int) -> list[int]:
        """Indices of the tokens with any of the lexical ``flags`` (``spacy.attrs.IS_TITLE``...), in text order."""
        if all(flag in FLAGS for flag in flags):
            table = self._table()
            columns = [table[:, len(INDEXED) + FLAGS.index(flag)] for flag in flags]
        else:
            table = self.doc.to_array(list(flags)).reshape(len(self.doc), len(flags))
            columns = [table[:, n] for n in range(len(flags))]
        # (the columns OR-ed one by one: ``table.any(axis=1)`` over a few columns costs several times more)
        held = columns[0] != 0
        for column in columns[1:]:
            held |= column != 0
        return np.flatnonzero(held).tolist()

    def tokens_with(self, *, pos: Iterable[str] = (), lower: Iterable[str] = (), lemma: Iterable[str] = ()) -> list[Token]:
        """Tokens whose part of speech (``pos_``) is in ``pos``, whose lower-cased text (``lower_``) is in
        ``lower`` or whose lower-cased lemma (``lemma_.lower()``) is in ``lemma``, in text order."""
        found: list[list[int]] = []  # the positions of each value found, each list in text order
        for attr, strings in ((POS, pos), (LOWER, lower), (LEMMA, lemma)):
            if not strings:
                continue
            ids = string_ids(strings)
            column = self._column(attr)
            spans, positions, bounds = column.spans, column.positions, column.bounds
            # only the asked values the doc holds: a set intersection in C, over the smaller of the two
            held = spans.keys() & ids if len(ids) <= len(spans) else ids.intersection(spans)
            found += [positions[bounds[n] : bounds[n + 1]] for n in map(spans.__getitem__, held)]
            if attr == LEMMA:
                lowered = self._lowered_lemmas()
                found += [column.indices(value) for key in ids.intersection(lowered) for value in lowered[key]]
        tokens = self.tokens
        if len(found) == 1:  # one value's positions: in text order already
            return [tokens[i] for i in found[0]]
        return [tokens[i] for i in sorted(set().union(*found))]  # (the union made in C)

    def by_lemma(self, *, pos: str) -> dict[int, list[int]]:
        """The indices of the tokens whose part of speech (``pos_``) is ``pos``, grouped by the string
        id of their lemma (``Token.lemma``), each group in text order; read off the index's columns,
        no Token made."""
        positions = self._column(POS).indices(get_string_id(pos))
        groups: dict[int, list[int]] = {}
        lemmas = self._table()[positions, INDEXED.index(LEMMA)].tolist()
        for i, lemma in zip(positions, lemmas):
            group = groups.get(lemma)
            if group is None:
                groups[lemma] = [i]
            else:
                group.append(i)
        return groups

    def heads_of_word(self, word: str) -> frozenset[int]:
        """Indices of the tokens with a child whose lower-cased text is ``word`` (the heads of the
        tokens ``tokens_with(lower={word})``), found once per word."""
        found = self._word_heads.get(word)
        if found is None:
            found = self._word_heads[word] = frozenset([t.head.i for t in self.tokens_with(lower=frozenset((word,)))])
        return found

    def children(self, token: Token) -> tuple[Token, ...]:
        """``token.children``, read once per token (spaCy walks the tree and makes new Tokens on every call)."""
        i = token.i
        found = self._children.get(i)
        if found is None:
            # The tokens whose head is ``i`` (but ``i`` itself, a root), in text order, are its
            # children: spaCy's ``Token.children`` yields the same (its lefts, then its rights, each
            # in text order), but makes a new Token per child and walks every token between the
            # edges of the subtree; the grouped head column is read at once, for the whole doc.
            if self._heads is None:
                self._heads = self._dependents()
            order, starts = self._heads
            tokens = self._tokens
            found = self._children[i] = tuple([tokens[j] for j in order[starts[i] : starts[i + 1]] if j != i])
        return found

    def _dependents(self) -> tuple[list[int], list[int]]:
        """The token indices ordered by their heads (stably: in text order under each head), and
        where the tokens of each head start in that order (the head of ``order[starts[h] :
        starts[h + 1]]`` is ``h``; a root is its own head)."""
        table = self._table()
        n = len(table)
        offsets = table[:, len(TABLE) - 1].astype(np.int64)  # (``to_array`` wraps negative offsets: cast back)
        heads = np.arange(n, dtype=np.int64) + offsets
        order = np.argsort(heads, kind="stable")
        starts = np.searchsorted(heads[order], np.arange(n + 1), side="left")
        return order.tolist(), starts.tolist()

    def rights(self, token: Token) -> list[Token]:
        """``token.rights`` (its children after it), off :meth:`children`."""
        i = token.i
        return [c for c in self.children(token) if c.i > i]

    def conjuncts(self, token: Token) -> tuple[Token, ...]:
        """``token.conjuncts``, read once per token (spaCy walks the right children of every
        member of the coordination on each call)."""
        found = self._conjuncts.get(token.i)
        if found is None:
            found = self._conjuncts[token.i] = token.conjuncts
        return found

    def prep_objects(self, head: Token, *preps: str) -> list[tuple[str, Token]]:
        """``syntax.prep_objects(head, *preps)`` as a list, the pairs of ``head`` read once."""
        pairs = self._prep_pairs.get(head.i)
        if pairs is None:
            pairs = self._prep_pairs[head.i] = [
                (prep.lower_, t)
                for prep in self.children(head)
                if prep.dep in PREP_IDS
                for obj in self.children(prep)
                if obj.dep in PREP_OBJECT_IDS
                for t in (obj, *self.conjuncts(obj))
            ]
        return [pair for pair in pairs if pair[0] in preps] if preps else list(pairs)

    @property
    def tokens(self) -> tuple[Token, ...]:
        """The tokens of the doc, made once (``doc[i]`` makes a new Token object on every call)."""
        return self._tokens

    def _lowered_lemmas(self) -> dict[int, list[int]]:
        """The string ids of the doc's lemmas that may not be lower-case, by the string id of their
        lower-cased text (made on first use). A lemma that is some token's ``lower_`` is lower-case
        already, so only the others are looked up (reading a string out of the vocabulary is slow)."""
        if self._lemmas is None:
            strings = self.doc.vocab.strings
            self._lemmas = {}
            for value in self._column(LEMMA).spans.keys() - self._column(LOWER).spans.keys():
                lowered = _lowered_id(strings, value)
                if lowered != value:  # the lemma itself is found by its own id
                    self._lemmas.setdefault(lowered, []).append(value)
        return self._lemmas

    def _column(self, attr: int) -> _Grouped:
        """The string ids of ``attr`` (``POS``, ``LOWER`` or ``LEMMA``) of every token, grouped (the
        three made together on first use)."""
        if not self._columns:
            table = self._table()
            for n, column in enumerate(INDEXED):
                self._columns[column] = _Grouped(table[:, n])
        return self._columns[attr]

    def _table(self) -> np.ndarray:
        """The values of :data:`TABLE` (:data:`INDEXED`, :data:`FLAGS`, ``HEAD``) of every token, one row a token (made on first use)."""
        if self._array is None:
            self._array = self.doc.to_array(list(TABLE)).reshape(len(self.doc), len(TABLE))
        return self._array


def string_ids(strings: Iterable[str]) -> frozenset[int]:
    """The spaCy string ids (``get_string_id``) of ``strings``, a word list the rules ask for.

    The rules ask for the same few dozen word lists in every article, and hashing each word of a
    list anew on every call cost more than the look-up itself: the ids of the lists last asked
    for are kept (a string's id is fixed, so the memo changes no answer). A list that is no
    frozenset is keyed by its frozenset (hashing Python strings is cheap: their hashes are cached).

    >>> string_ids(["PROPN"]) == {get_string_id("PROPN")}
    True
    """
    return _memoised_ids(strings if isinstance(strings, frozenset) else frozenset(strings))


@lru_cache(maxsize=4096)
def _memoised_ids(strings: frozenset[str]) -> frozenset[int]:
    return ids_of(*strings)


@lru_cache(maxsize=65536)
def _lowered_id(strings: StringStore, value: int) -> int:
    """The string id of the lower-cased string ``value`` (an id ``strings`` holds). The same lemmas
    come back in article after article, and reading a string out of the vocabulary and hashing
    it again cost more than the look-up (an id's string is fixed: the memo changes no answer)."""
    return get_string_id(strings[value].lower())


class _Grouped:
    """The positions of each value of a column. Grouping by sorting with numpy costs much less
    than grouping in a Python loop, and a look-up is one dict access."""

    def __init__(self, column: np.ndarray) -> None:
        order = np.argsort(column, kind="stable")  # stable: the positions of a value in text order
        ordered = column[order]
        # where each value's group starts (an array: indexing ``ordered`` with a list converts it first)
        starts = np.flatnonzero(np.concatenate(([True], ordered[1:] != ordered[:-1]))) if len(column) else np.zeros(0, dtype=np.intp)
        self.positions: list[int] = order.tolist()
        #: where each group starts in ``positions``, and its end last
        self.bounds: list[int] = [*starts.tolist(), len(column)]
        #: the number of each value's group (an int, not a pair of bounds: one object less per value)
        self.spans: dict[int, int] = dict(zip(ordered[starts].tolist(), range(len(starts))))

    def group(self, value: int) -> list[int]:
        """The positions holding ``value`` (which the column holds), in order."""
        n = self.spans[value]
        return self.positions[self.bounds[n] : self.bounds[n + 1]]

    def indices(self, value: int) -> list[int]:
        """The positions holding ``value``, in order."""
        return self.group(value) if value in self.spans else []

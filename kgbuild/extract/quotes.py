"""Quotations and reported speech, with the token that names their speaker.

:func:`extract_quotes` reads a parsed ``Doc`` and yields :class:`Quote`
records. Direct quotes are found from the quotation marks in the text, then
attributed from the parse; reported speech ("X said that ...", "according to
X, ...") from the parse alone. Pronoun speakers are reported as they are
("he"); resolving them is coreference's job, not this module's.

Rules (the ``rule`` field of each quote):

``direct-cue-after``
    “...,” X said. / “...,” said X, a minister. / “A. B.” she said.
``direct-according-to``
    “...,” according to X.
``direct-cue-before``
    X said: “...” / X told reporters, “...”
``direct-embedded``
    X said the plan was “a betrayal of trust”: a quoted fragment inside the
    clause of a speech verb.
``direct-continued``
    “...,” he said. “More words.”: a quote right after an attributed one,
    with nothing but white space between, has the same speaker.
``direct-unattributed``
    a double-quoted passage of at least :data:`MIN_UNATTRIBUTED_WORDS` words
    with no cue (shorter ones are scare quotes and are skipped). Single curly
    quotes are kept only when attributed.
``reported-speech``
    X said (that) <clause>; X stated / confirmed / denied that <clause>.
``reported-in-statement``
    X said in a statement that <clause> (the parser hangs the clause on the
    noun).
``according-to``
    According to X, <clause>. / <clause>, according to X.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, replace

from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from .docindex import DocIndex
from .syntax import ACL_ID, NSUBJ_ID, POBJ_ID, PREP_ID, RELCL_ID, VERB_ID, ids_of

__all__ = ["MIN_UNATTRIBUTED_WORDS", "Quote", "SPEECH_VERBS", "extract_quotes"]

#: Lemmas of verbs that introduce what someone said.
SPEECH_VERBS: frozenset[str] = frozenset(
    {
        "say", "tell", "state", "add", "announce", "confirm", "warn", "stress",
        "note", "insist", "declare", "explain", "claim", "argue", "remark",
        "comment", "write", "tweet", "deny",
    }
)  # fmt: skip

#: Nouns naming the channel in "said in a statement that ...".
STATEMENT_NOUNS: frozenset[str] = frozenset(
    {"statement", "interview", "speech", "post", "message", "letter", "briefing", "communique"}
)

#: An unattributed quoted passage shorter than this is taken as scare quotes.
MIN_UNATTRIBUTED_WORDS = 4

_ACCORDING_TO = "according to"

# Tokens allowed between the closing mark and a speech verb besides the
# subject: "“...,” she later told reporters".
_VERB_MODIFIERS = frozenset({"aux", "auxpass", "advmod", "neg"})
# Where a parser may put the speaker of an inverted "said X" other than nsubj.
_INVERTED_SPEAKER_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "npadvmod", "dative"})
_NOMINAL = frozenset({"NOUN", "PROPN", "PRON"})
_SHARED_SUBJECT = frozenset({"conj", "advcl", "xcomp"})
_INTRODUCING_PUNCT = frozenset({":", ",", "—", "–", "-"})
# The labels and parts of speech above as string ids, compared with ``Token.dep`` and ``Token.pos``
# (ints, read at no cost: ``dep_`` and ``pos_`` decode a new str on every read).
_VERB_MODIFIER_IDS = ids_of(*_VERB_MODIFIERS)
_INVERTED_SPEAKER_DEP_IDS = ids_of(*_INVERTED_SPEAKER_DEPS)
_NOMINAL_IDS = ids_of(*_NOMINAL)
_SHARED_SUBJECT_IDS = ids_of(*_SHARED_SUBJECT)
_NEG, _CCOMP, _AGENT, _MARK = (get_string_id(dep) for dep in ("neg", "ccomp", "agent", "mark"))
_CLAUSE_OF_NOUN = frozenset({RELCL_ID, ACL_ID})

_CURLY_DOUBLE = re.compile(r"“[^“”]*”")
_STRAIGHT_DOUBLE = re.compile(r'"[^"\n]*"')
# A single curly quote opens at the start of a word and closes at the end of
# one, not inside a word as an apostrophe does ("don’t", "Ortiz’s").
_CURLY_SINGLE = re.compile(r"(?<![^\s(\[“—])‘(?=\S)[^‘\n]*?(?<=\S)’(?![\w’])")


@dataclass(frozen=True)
class Quote:
    """What someone said: the words, where they are, and who said them.

    ``start_char``/``end_char`` delimit ``text`` in the doc text, quotation
    marks excluded; ``speaker`` is the index of the head token of the speaker
    mention; ``cue`` the lemma of the speech verb or ``"according to"``.
    """

    text: str
    start_char: int
    end_char: int
    speaker: int | None
    cue: str
    rule: str
    direct: bool


@dataclass(frozen=True)
class _Marks:
    """One quoted passage: the character positions of its two marks."""

    open: int
    close: int
    single: bool

    def holds(self, char: int) -> bool:
        return self.open < char < self.close


@dataclass(frozen=True)
class _Attribution:
    speaker: int | None
    cue: str
    rule: str
    end: int  # last token of the quote and its attribution


def extract_quotes(doc: Doc, *, doc_index: DocIndex | None = None) -> Iterator[Quote]:
    """Direct quotes and reported speech in ``doc``, in text order.

    ``doc`` needs a dependency parse (``pos``, ``dep``, ``head``, ``lemma``).
    """
    if doc_index is None:
        doc_index = DocIndex(doc)
    marks = _quotation_marks(doc_index.text)
    found = [*_direct_quotes(doc, marks, doc_index), *_reported_speech(doc, marks, doc_index)]
    yield from sorted(found, key=lambda quote: (quote.start_char, not quote.direct))


# -- direct quotes ------------------------------------------------------------


def _quotation_marks(text: str) -> list[_Marks]:
    """Quoted passages, outermost only, in text order."""
    doubles = [
        _Marks(m.start(), m.end() - 1, single=False)
        for pattern in (_CURLY_DOUBLE, _STRAIGHT_DOUBLE)
        for m in pattern.finditer(text)
    ]
    # (the pattern opens with a look-behind, so the search tries it at every character: skip it where no "‘" is)
    singles = [_Marks(m.start(), m.end() - 1, single=True) for m in _CURLY_SINGLE.finditer(text)] if "‘" in text else []
    kept: list[_Marks] = []
    for marks in sorted(doubles, key=_by_open) + sorted(singles, key=_by_open):
        if not any(marks.open <= k.close and k.open <= marks.close for k in kept):
            kept.append(marks)
    return sorted(kept, key=_by_open)


def _by_open(marks: _Marks) -> int:
    return marks.open


def _direct_quotes(doc: Doc, all_marks: list[_Marks], doc_index: DocIndex) -> Iterator[Quote]:
    previous: _Attribution | None = None
    opens = frozenset(m.open for m in all_marks)
    text = doc_index.text
    for marks in all_marks:
        bounds = _content_bounds(text, marks)
        if bounds is None:
            continue
        start, end = bounds
        open_tok = _token_at(doc, marks.open)
        close_tok = _token_at(doc, marks.close)
        found = (
            _cue_after(doc, close_tok, opens, doc_index)
            or _cue_before(doc, open_tok, close_tok)
            or _embedding_cue(doc, marks, open_tok, close_tok)
            or _continuation(doc, previous, open_tok, close_tok)
        )
        if found is not None and found.rule == "direct-according-to":
            # X said the talks had “made progress,” according to CCTV: the words are X's
            embedded = _embedding_cue(doc, marks, open_tok, close_tok)
            if embedded is not None and embedded.speaker is not None:
                found = embedded
        previous = found
        if found is None:
            if marks.single or len(text[start:end].split()) < MIN_UNATTRIBUTED_WORDS:
                continue
            found = _Attribution(None, "", "direct-unattributed", close_tok.i)
        yield Quote(
            text=text[start:end],
            start_char=start,
            end_char=end,
            speaker=found.speaker,
            cue=found.cue,
            rule=found.rule,
            direct=True,
        )


def _content_bounds(text: str, marks: _Marks) -> tuple[int, int] | None:
    """The quoted words: inside the marks, without edge white space or a closing comma."""
    start, end = marks.open + 1, marks.close
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return (start, end) if start < end else None


def _cue_after(doc: Doc, close_tok: Token, opens: frozenset[int], doc_index: DocIndex) -> _Attribution | None:
    """A speech verb right after the closing mark, with its subject."""
    tail = _tail(doc, close_tok, opens, doc_index)
    if not tail:
        return None
    words = [tok for tok in tail if not tok.is_punct]
    if words and words[0].lower_ == "according":
        source = _according_to_source(words[0])
        if source is not None:
            return _Attribution(source.i, _ACCORDING_TO, "direct-according-to", tail[-1].i)
    for verb in tail:
        if not _is_speech_verb(verb) or _has_clause_after(verb):
            continue
        subject = _subject_of(verb)
        allowed = {tok.i for tok in subject.subtree} if subject is not None else set()
        between = doc[tail[0].i : verb.i]
        if all(
            tok.is_punct
            or tok.i in allowed
            or (tok.head == verb and tok.dep in _VERB_MODIFIER_IDS)
            for tok in between
        ):
            speaker = subject if subject is not None else _inverted_speaker(verb)
            return _Attribution(_index(speaker), _lemma(verb), "direct-cue-after", tail[-1].i)
    return None


def _tail(doc: Doc, close_tok: Token, opens: frozenset[int], doc_index: DocIndex) -> list[Token]:
    """Tokens after the closing mark up to the end of their sentence.

    Stops at a paragraph break or the opening mark of another quote.
    """
    if close_tok.i + 1 >= len(doc):
        return []
    tokens = doc_index.tokens  # (made once: ``doc[i]`` and a Span's iteration make new Tokens)
    sent_end = doc_index.sentence(tokens[close_tok.i + 1]).end
    tail: list[Token] = []
    for tok in tokens[close_tok.i + 1 : sent_end]:
        paragraph_break = tok.is_space and "\n" in tok.text
        if paragraph_break or not opens.isdisjoint(range(tok.idx, tok.idx + len(tok))):  # an opening mark in the token
            break
        tail.append(tok)
    return tail


def _cue_before(doc: Doc, open_tok: Token, close_tok: Token) -> _Attribution | None:
    """``X said: “...”``: the words before the opening mark belong to a speech verb."""
    i = open_tok.i - 1
    while i >= 0 and doc[i].text in _INTRODUCING_PUNCT:
        i -= 1
    # After a full stop or another quote, the quote starts a new utterance.
    if i < 0 or doc[i].is_punct or doc[i].is_space:
        return None
    verb = _governing_speech_verb(doc[i], through_clause=False)
    if verb is None:
        return None
    return _Attribution(_index(_subject_of(verb)), _lemma(verb), "direct-cue-before", close_tok.i)


def _embedding_cue(
    doc: Doc, marks: _Marks, open_tok: Token, close_tok: Token
) -> _Attribution | None:
    """``X said the plan was “a betrayal”``: the quote hangs inside a speech verb's clause."""
    inside = doc[open_tok.i + 1 : close_tok.i]
    roots = [tok for tok in inside if not marks.holds(tok.head.idx)]
    roots = [tok for tok in roots if not tok.is_punct and tok.head != tok]
    if not roots:
        return None
    verb = _governing_speech_verb(roots[0].head)
    if verb is None or marks.holds(verb.idx):
        return None
    return _Attribution(_index(_subject_of(verb)), _lemma(verb), "direct-embedded", close_tok.i)


def _continuation(
    doc: Doc, previous: _Attribution | None, open_tok: Token, close_tok: Token
) -> _Attribution | None:
    """A quote that follows an attributed one with only white space between."""
    if previous is None or previous.speaker is None or previous.end >= open_tok.i:
        return None
    if not all(tok.is_space for tok in doc[previous.end + 1 : open_tok.i]):
        return None
    return _Attribution(previous.speaker, previous.cue, "direct-continued", close_tok.i)


# -- reported speech ----------------------------------------------------------


def _reported_speech(doc: Doc, marks: list[_Marks], doc_index: DocIndex) -> Iterator[Quote]:
    # The passages do not overlap and are in text order: the one that can hold
    # a character is the last to open before it.
    opens = [m.open for m in marks]

    def quoted(char: int) -> bool:
        n = bisect_left(opens, char) - 1
        return n >= 0 and marks[n].holds(char)

    text = doc_index.text
    # (the words whose lemma, or text for want of one, is a speech verb, and "according")
    for tok in doc_index.tokens_with(lemma=SPEECH_VERBS, lower=SPEECH_VERBS | {"according"}):
        if not _is_speech_verb(tok) and tok.lower_ != "according":
            continue  # only speech verbs and "according to" report speech
        if quoted(tok.idx):
            continue  # speech reported inside a quote is the quoted speaker's claim
        found: list[Quote | None] = []
        if _is_speech_verb(tok) and not any(c.dep == _NEG for c in tok.children):
            speaker = _index(_subject_of(tok))
            for clause, rule in _reported_clauses(tok):
                start, end = clause.left_edge.i, clause.right_edge.i + 1
                found.append(_span_quote(start, end, speaker=speaker, cue=_lemma(tok), rule=rule, doc_index=doc_index))
        elif tok.lower_ == "according":
            source = _according_to_source(tok)
            span = _according_to_clause(tok) if source is not None else None
            if span is not None:
                found.append(
                    _span_quote(span.start, span.end, speaker=source.i, cue=_ACCORDING_TO, rule="according-to", doc_index=doc_index)
                )
        # A clause that starts inside quotation marks is a direct quote's.
        yield from (
            _close_quote(q, marks, text)
            for q in found
            if q is not None and not quoted(q.start_char)
        )


def _close_quote(quote: Quote, marks: list[_Marks], text: str) -> Quote:
    """Extend a reported clause that ends inside a quoted fragment to its closing mark."""
    for m in marks:
        if quote.start_char < m.open < quote.end_char <= m.close:
            end = m.close + 1
            return replace(quote, text=text[quote.start_char : end], end_char=end)
    return quote


def _reported_clauses(verb: Token) -> Iterator[tuple[Token, str]]:
    """The clause heads a speech verb reports, with the rule that found them."""
    for child in verb.children:
        if child.dep == _CCOMP:
            yield child, "reported-speech"
        elif child.dep == PREP_ID:
            for noun in child.children:
                if noun.dep == POBJ_ID and _lemma(noun) in STATEMENT_NOUNS:
                    for clause in noun.children:
                        if clause.dep in _CLAUSE_OF_NOUN and _has_that(clause):
                            yield clause, "reported-in-statement"


def _span_quote(first: int, stop: int, *, speaker: int | None, cue: str, rule: str, doc_index: DocIndex) -> Quote | None:
    """A reported-speech quote over the tokens from ``first`` to ``stop`` (excluded), without a
    leading "that" or edge punctuation."""
    tokens = list(doc_index.tokens[first:stop])  # the index's Tokens (a Span would make new ones)
    while tokens and (tokens[0].is_punct or tokens[0].is_space or _is_that(tokens[0])):
        tokens.pop(0)
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens.pop()
    if not tokens:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    text = doc_index.text[start:end]  # the text of those tokens (``Span.text`` would walk them again)
    return Quote(text, start, end, speaker, cue, rule, direct=False)


def _according_to_source(according: Token) -> Token | None:
    """X in "according to X"."""
    for to in according.children:
        if to.lower_ == "to":
            for pobj in to.children:
                if pobj.dep_ == "pobj":
                    return pobj
    nxt = according.nbor(1) if according.i + 1 < len(according.doc) else None
    if nxt is not None and nxt.lower_ == "to":  # the parser hung "to" elsewhere
        return next((c for c in nxt.children if c.dep_ == "pobj"), None)
    return None


def _according_to_clause(according: Token) -> Span | None:
    """The clause "according to X" qualifies, without the attribution at its edge.

    When the attribution sits in the middle ("The talks, according to X, had
    collapsed") the span keeps it, since offsets must stay one span.
    """
    head = according.head
    while head.pos_ not in ("VERB", "AUX") and head.head != head:
        head = head.head
    if head == according:
        return None
    speech = head
    while not _is_speech_verb(speech) and speech.dep_ == "ccomp" and speech.head != speech:
        speech = speech.head
    if _is_speech_verb(speech) and _subject_of(speech) is not None:
        return None  # "X said ..., according to CCTV": X is the speaker, CCTV only the channel
    doc = according.doc
    start, end = head.left_edge.i, head.right_edge.i + 1
    while start < end and doc[start].is_punct:
        start += 1
    while end > start and doc[end - 1].is_punct:
        end -= 1
    first, last = according.left_edge.i, according.right_edge.i + 1
    if first <= start:
        return doc[last:end]
    if last >= end:
        return doc[start:first]
    return doc[start:end]


# -- shared helpers -----------------------------------------------------------


def _is_speech_verb(tok: Token) -> bool:
    return tok.pos == VERB_ID and _lemma(tok) in SPEECH_VERBS


def _governing_speech_verb(tok: Token, *, through_clause: bool = True) -> Token | None:
    """The first verb at or above ``tok``, if it is a speech verb.

    With ``through_clause=False`` the path may not leave a reported clause
    ("said the plan was" is not "said:").
    """
    while tok.pos != VERB_ID:
        if tok.head == tok or (not through_clause and tok.dep == _CCOMP):
            return None
        tok = tok.head
    return tok if _is_speech_verb(tok) else None


def _subject_of(verb: Token) -> Token | None:
    """The speaker of a speech verb: its subject, its agent, or its conjunct head's subject."""
    for child in verb.children:
        if child.dep == NSUBJ_ID:
            # "Wang Yi, who told him that ...": the relative pronoun stands for the noun it follows
            if verb.dep == RELCL_ID and child.lower_ in {"who", "which", "that"} and verb.head != verb:
                return verb.head
            return child
    for child in verb.children:
        if child.dep == _AGENT:
            return next((c for c in child.children if c.dep == POBJ_ID), None)
    # "arrived and said that", "said, adding that": the subject is shared.
    if verb.dep in _SHARED_SUBJECT_IDS and verb.head != verb:
        return _subject_of(verb.head)
    return None


def _inverted_speaker(verb: Token) -> Token | None:
    """The speaker of "said X" when the parser did not call X the subject."""
    return next(
        (c for c in verb.rights if c.dep in _INVERTED_SPEAKER_DEP_IDS and c.pos in _NOMINAL_IDS),
        None,
    )


def _has_clause_after(verb: Token) -> bool:
    """The verb already reports a clause that follows it: "X said the talks failed"."""
    return any(child.dep == _CCOMP for child in verb.rights)


def _has_that(clause: Token) -> bool:
    return any(child.dep == _MARK and _is_that(child) for child in clause.children)


def _is_that(tok: Token) -> bool:
    return tok.dep == _MARK and tok.lower_ == "that"  # (the int first: no str decoded for most tokens)


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower() or tok.lower_


def _index(tok: Token | None) -> int | None:
    return tok.i if tok is not None else None


def _token_at(doc: Doc, char: int) -> Token:
    """The token holding character ``char``."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is None or len(span) == 0:  # the character is white space between tokens
        raise ValueError(f"no token at character {char}")
    return span[0]

"""spaCy's English rule lemmatizer, reading and writing lemmas a document at a time.

spaCy's :class:`~spacy.lang.en.lemmatizer.EnglishLemmatizer` (the
lemmatizer of ``en_core_web_sm`` and the other English models) visits every
token in Python:
it makes a ``Token``, asks its cache (keyed by the token's form, part of
speech and morphology) and sets ``lemma_`` through the string store, about
3.5 µs a token, 2-3% of the parse of ``en_core_web_sm``. Nearly every token
is a cache hit.

:class:`MemoLemmatizer` keeps spaCy's lemmatizer (its tables, modes,
serialisation and scoring) and reads the form, part of speech, morphology
and lemma of all tokens with one ``Doc.to_array``, answers the tokens whose
key it has seen from its own table of lemma ids, asks spaCy's
``lemmatize`` for the others (so the lemma is spaCy's, and a token it
leaves alone stays alone), and writes the lemmas back with one
``Doc.from_array``. Tokens the attribute ruler already gave a lemma keep it,
unless the lemmatizer is set to overwrite, as in spaCy.
"""

# No `from __future__ import annotations`: spaCy 3.8.2-3.8.7 (which kgbuild supports) read the factory's
# annotations as types through confection and pydantic, and fail on the strings it would make of them.

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.lang.en import English
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["FACTORY", "MemoLemmatizer", "memoize_lemmatizer"]

#: The spaCy factory name of :class:`MemoLemmatizer`.
FACTORY = "kgbuild_lemmatizer"

_COLUMNS = [ORTH, POS, MORPH, LEMMA]


class MemoLemmatizer(EnglishLemmatizer):
    """An :class:`~spacy.lang.en.lemmatizer.EnglishLemmatizer` that lemmatizes a whole ``Doc`` through arrays; same lemmas."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._lemma_ids: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not self._validated:
            self._validate_tables()
        error_handler = self.get_error_handler()
        try:
            self._lemmatize_doc(doc)
            return doc
        except Exception as error:  # noqa: BLE001 - spaCy's contract: the pipeline's error handler decides
            return error_handler(self.name, self, [doc], error)

    def _lemmatize_doc(self, doc: Doc) -> None:
        if not len(doc):
            return
        rows = doc.to_array(_COLUMNS)
        lemmas = rows[:, 3].copy()
        known = self._lemma_ids
        strings = self.vocab.strings
        overwrite = self.overwrite
        changed = False
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma and not overwrite:
                continue
            key = (orth, pos, morph)
            lemma_id = known.get(key)
            if lemma_id is None:
                lemma_id = strings.add(self.lemmatize(doc[i])[0])
                # spaCy's rule lemmatizer answers a key the same way every time (it caches by
                # that key); a lookup or custom mode may not, so only the rule mode is remembered.
                if self.mode == "rule":
                    known[key] = lemma_id
            lemmas[i] = lemma_id
            changed = True
        if changed:
            doc.from_array([LEMMA], numpy.ascontiguousarray(lemmas.reshape(-1, 1)))

    def from_bytes(self, *args, **kwargs):
        self._lemma_ids = {}
        return super().from_bytes(*args, **kwargs)

    def from_disk(self, *args, **kwargs):
        self._lemma_ids = {}
        return super().from_disk(*args, **kwargs)

    def initialize(self, *args, **kwargs) -> None:
        self._lemma_ids = {}
        super().initialize(*args, **kwargs)


@English.factory(FACTORY, default_config={"model": None, "mode": "rule", "overwrite": False, "scorer": None})
def make_memo_lemmatizer(nlp: Language, name: str, model, mode: str, overwrite: bool, scorer) -> MemoLemmatizer:
    return MemoLemmatizer(nlp.vocab, model, name, mode=mode, overwrite=overwrite, scorer=scorer)


def memoize_lemmatizer(nlp: Language) -> Language:
    """Swap ``nlp``'s English rule lemmatizer(s) for :class:`MemoLemmatizer` with the same tables, in place."""
    for name, component in list(nlp.pipeline):
        if type(component) is EnglishLemmatizer and component.mode == "rule":
            replacement = nlp.replace_pipe(
                name, FACTORY, config={"mode": component.mode, "overwrite": component.overwrite}
            )
            replacement.lookups = component.lookups
            replacement.scorer = component.scorer
            replacement._validated = component._validated
    return nlp

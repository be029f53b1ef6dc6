"""kgbuild's lemmatizer gives the lemmas spaCy's English lemmatizer gives, with the model's own tables."""

from __future__ import annotations

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.tokens import Doc

from kgbuild.lemmatizer import MemoLemmatizer
from kgbuild.nlp import default_model, load_pipeline

WORDS = ["ministers", "met", "meeting", "were", "Vilnius", "summits", "is", "better", "talks", "Leaders", "gone",
         "her", "they", "Talks", "\n"]
POS = ["NOUN", "VERB", "AUX", "PROPN", "ADJ", "PRON", "SPACE", "ADV"]
MORPHS = ["", "Number=Plur", "Number=Sing", "Tense=Past|VerbForm=Fin", "VerbForm=Ger", "Degree=Cmp",
          "Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin"]


@pytest.fixture(scope="module")
def shipped():
    """spaCy's lemmatizer as the model ships it, and kgbuild's with the same tables."""
    nlp = spacy.load(default_model())
    stock = nlp.get_pipe("lemmatizer")
    assert type(stock) is EnglishLemmatizer
    ours = MemoLemmatizer(nlp.vocab, None, "lemmatizer", mode="rule")
    ours.lookups = stock.lookups
    return nlp.vocab, stock, ours


def hand_built(vocab, words, pos, morphs, lemmas=None) -> Doc:
    return Doc(vocab, words=words, pos=pos, morphs=morphs, lemmas=lemmas)


def lemmas(doc: Doc) -> list[str]:
    return [t.lemma_ for t in doc]


def test_lemmas_are_spacys(shipped):
    vocab, stock, ours = shipped
    words = ["The", "ministers", "were", "meeting", "in", "Vilnius", "and", "had", "met", "twice", "."]
    pos = ["DET", "NOUN", "AUX", "VERB", "ADP", "PROPN", "CCONJ", "AUX", "VERB", "ADV", "PUNCT"]
    morphs = ["", "Number=Plur", "Tense=Past|VerbForm=Fin", "VerbForm=Ger", "", "Number=Sing", "",
              "Tense=Past|VerbForm=Fin", "Tense=Past|VerbForm=Part", "", ""]
    expected = lemmas(stock(hand_built(vocab, words, pos, morphs)))
    got = lemmas(ours(hand_built(vocab, words, pos, morphs)))
    assert got == expected
    assert [got[1], got[3], got[8], got[5]] == ["minister", "meet", "meet", "Vilnius"]


def test_a_lemma_already_set_is_kept_unless_overwriting(shipped):
    vocab, stock, ours = shipped
    words, pos, morphs = ["talks", "met"], ["NOUN", "VERB"], ["Number=Plur", "Tense=Past|VerbForm=Fin"]
    preset = ["negotiation", ""]
    assert lemmas(ours(hand_built(vocab, words, pos, morphs, preset))) == ["negotiation", "meet"]
    overwriting = MemoLemmatizer(vocab, None, "lemmatizer", mode="rule", overwrite=True)
    overwriting.lookups = stock.lookups
    assert lemmas(overwriting(hand_built(vocab, words, pos, morphs, preset))) == ["talk", "meet"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(POS), st.sampled_from(MORPHS)), min_size=1,
                max_size=10))
def test_any_doc_gets_spacys_lemmas(shipped, tokens):
    vocab, stock, ours = shipped
    words, pos, morphs = (list(column) for column in zip(*tokens))
    assert lemmas(ours(hand_built(vocab, words, pos, morphs))) == lemmas(stock(hand_built(vocab, words, pos, morphs)))


def test_load_pipeline_swaps_the_lemmatizer_unless_stock():
    assert type(load_pipeline().get_pipe("lemmatizer")) is MemoLemmatizer
    assert type(load_pipeline(stock=True).get_pipe("lemmatizer")) is EnglishLemmatizer

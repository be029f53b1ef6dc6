"""kgbuild's attribute ruler gives exactly what spaCy's gives, on hand-built Docs and through the real model."""

from __future__ import annotations

import pickle

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from kgbuild.attribute_ruler import MemoAttributeRuler, memoize_attribute_ruler
from kgbuild.nlp import default_model, load_pipeline

#: Rules of every kind the lookup keys: exact, IN, NOT_IN and REGEX predicates on strings, a boolean, DEP,
#: rules that override earlier ones, and longer rules setting their first or last token.
RULES = [
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Sing"}},
    {"patterns": [[{"TAG": "NNP"}]], "attrs": {"POS": "PROPN"}},
    {"patterns": [[{"TAG": "VBD"}]], "attrs": {"POS": "VERB", "MORPH": "Tense=Past"}},
    {"patterns": [[{"TAG": {"IN": ["PRP", "PRP$"]}}]], "attrs": {"POS": "PRON"}},
    {"patterns": [[{"TAG": "PRP", "DEP": {"NOT_IN": ["nsubj"]}}]], "attrs": {"MORPH": "Case=Acc"}},
    {"patterns": [[{"LOWER": {"IN": ["summit", "talks"]}, "TAG": "NN"}]], "attrs": {"LEMMA": "meeting"}},
    {"patterns": [[{"LOWER": {"REGEX": "^vil"}}]], "attrs": {"POS": "X"}},
    {"patterns": [[{"LOWER": "met", "DEP": "ROOT"}]], "attrs": {"LEMMA": "meet"}},
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"POS": "SPACE"}},
    {"patterns": [[{"TAG": "NN", "LOWER": "summit"}]], "attrs": {"POS": "PROPN"}},  # overrides the first rule
    {"patterns": [[{"LOWER": "prime"}, {"LOWER": "minister"}]], "attrs": {"LEMMA": "premier"}, "index": -1},
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "go"}, "index": 0},
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": {"REGEX": "^n"}}]], "attrs": {"POS": "AUX"}, "index": 0},
]

WORDS = ["The", "prime", "minister", "met", "them", "at", "the", "Vilnius", "summit", "gon", "na", "talks", "villa",
         "Summit", "\n\n", "she", "her", "."]
TAGS = ["DT", "NN", "NNP", "VBD", "PRP", "PRP$", "IN", "NN", "_SP", "."]
DEPS = ["det", "nsubj", "ROOT", "dobj", "prep", "pobj", "compound", "punct", "dep"]


def rulers(rules: list[dict]) -> tuple[AttributeRuler, MemoAttributeRuler]:
    vocab = spacy.blank("en").vocab
    stock, memo = AttributeRuler(vocab), MemoAttributeRuler(vocab)
    stock.add_patterns(rules)
    memo.add_patterns(rules)
    return stock, memo


def hand_built(vocab, words: list[str], tags: list[str], deps: list[str]) -> Doc:
    heads = [0] * len(words)  # every token attached to the first; the rules read labels only
    return Doc(vocab, words=words, tags=tags, deps=deps, heads=heads, spaces=[True] * len(words))


def annotations(doc: Doc) -> list[tuple[str, ...]]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]


def both(rules: list[dict], words: list[str], tags: list[str], deps: list[str]) -> tuple[list, list]:
    stock, memo = rulers(rules)
    return (
        annotations(stock(hand_built(stock.vocab, words, tags, deps))),
        annotations(memo(hand_built(memo.vocab, words, tags, deps))),
    )


def test_each_kind_of_rule_sets_what_spacy_sets():
    words = ["The", "prime", "minister", "met", "them", "at", "the", "Vilnius", "summit", "\n\n", "She", "gon", "na"]
    tags = ["DT", "NN", "NNP", "VBD", "PRP", "IN", "DT", "NNP", "NN", "_SP", "PRP", "VBG", "TO"]
    deps = ["det", "compound", "nsubj", "ROOT", "dobj", "prep", "det", "compound", "pobj", "dep", "nsubj", "ROOT", "aux"]
    expected, got = both(RULES, words, tags, deps)
    assert got == expected
    by_word = {row[0]: row for row in got}
    assert by_word["minister"][4] == "premier"  # a two-token rule setting its last token
    assert by_word["summit"][2] == "PROPN" and by_word["summit"][4] == "meeting"  # a later rule overrides POS
    assert by_word["them"][3] == "Case=Acc" and by_word["She"][3] == ""  # NOT_IN on DEP
    assert by_word["Vilnius"][2] == "X"  # REGEX
    assert by_word["\n\n"][2] == "SPACE"
    assert by_word["gon"][2] == "AUX" and by_word["gon"][4] == "go"


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(WORDS), st.sampled_from(TAGS), st.sampled_from(DEPS)), min_size=1, max_size=12
    )
)
def test_any_doc_gets_what_spacy_gives_it(tokens):
    words, tags, deps = (list(column) for column in zip(*tokens))
    expected, got = both(RULES, words, tags, deps)
    assert got == expected


def test_rules_testing_one_attribute_only():
    # One attribute keyed: Doc.to_array gives a flat column. POS values are symbol ids, as the rules name them.
    rules = [
        {"patterns": [[{"POS": "NOUN"}]], "attrs": {"LEMMA": "thing"}},
        {"patterns": [[{"POS": {"IN": ["VERB", "AUX"]}}]], "attrs": {"LEMMA": "act"}},
    ]
    stock, memo = rulers(rules)
    words, pos = ["talks", "met", "new", "summit"], ["NOUN", "VERB", "ADJ", "NOUN"]
    expected = annotations(stock(Doc(stock.vocab, words=words, pos=pos)))
    got = annotations(memo(Doc(memo.vocab, words=words, pos=pos)))
    assert got == expected
    assert [row[4] for row in got] == ["thing", "act", "", "thing"]


def test_a_remembered_outcome_is_reused_for_an_equivalent_token():
    _, memo = rulers(RULES)
    memo(hand_built(memo.vocab, ["talks", "Berlin"], ["NN", "NNP"], ["nsubj", "ROOT"]))
    remembered = dict(memo._outcomes)
    # "Oslo" and "Berlin" differ only in a word no rule names: the same key, nothing new to match.
    doc = memo(hand_built(memo.vocab, ["talks", "Oslo"], ["NN", "NNP"], ["nsubj", "ROOT"]))
    assert memo._outcomes == remembered
    assert [t.pos_ for t in doc] == ["NOUN", "PROPN"]


def test_rules_it_cannot_key_are_left_to_spacys_matcher():
    rules = [*RULES, {"patterns": [[{"LOWER": "talks", "OP": "+"}]], "attrs": {"LEMMA": "talk"}}]
    _, memo = rulers(rules)
    words, tags, deps = ["talks", "talks", "met"], ["NN", "NN", "VBD"], ["nsubj", "dep", "ROOT"]
    expected, got = both(rules, words, tags, deps)
    assert got == expected
    assert got[0][4] == "talk"
    memo(hand_built(memo.vocab, words, tags, deps))
    assert memo._plan is None  # the quantifier made the lookup step aside


def test_adding_a_rule_after_use_takes_effect():
    _, memo = rulers(RULES)
    doc = memo(hand_built(memo.vocab, ["talks"], ["NN"], ["ROOT"]))
    assert doc[0].pos_ == "NOUN"
    memo.add([[{"LOWER": "talks"}]], {"POS": "VERB"})
    assert memo(hand_built(memo.vocab, ["talks"], ["NN"], ["ROOT"]))[0].pos_ == "VERB"


def test_load_pipeline_swaps_the_ruler_unless_stock():
    assert type(load_pipeline().get_pipe("attribute_ruler")) is MemoAttributeRuler
    assert type(load_pipeline(stock=True).get_pipe("attribute_ruler")) is AttributeRuler


@pytest.fixture(scope="module")
def stock_nlp():
    return spacy.load(default_model())


def test_the_real_model_parses_the_same_as_shipped(nlp, stock_nlp):
    texts = [
        "They ain't gon na stop the talks, and y'all know it. Let's see: there are two summits in Vilnius.",
        "C'mon, the Prime Minister said on Tuesday that he was going to attend the NATO summit.\n\nHe didn't.",
        "Leaders of South Korea, Australia and New Zealand gotta decide whether they're coming.",
    ]
    for ours, shipped in zip(nlp.pipe(texts), stock_nlp.pipe(texts)):
        assert annotations(ours) == annotations(shipped)
        assert [t.head.i for t in ours] == [t.head.i for t in shipped]


def test_a_pipeline_with_it_survives_pickling(nlp):
    copy = pickle.loads(pickle.dumps(memoize_attribute_ruler(spacy.blank("en"))))
    assert copy.pipe_names == []
    again = pickle.loads(pickle.dumps(nlp))
    text = "Let's meet in Vilnius."
    assert annotations(again(text)) == annotations(nlp(text))

"""The shortcuts that make the rules cheaper answer as the slow ways they replace.

``DocIndex.tokens_with`` keeps the string ids of the word lists it is asked for,
``DocIndex`` may take the article text instead of joining the tokens, the
factuality and syntax helpers read dependency labels as integers and skip walks
that cannot find anything: each is checked here against the plain reading.
"""

from __future__ import annotations

import pytest
from spacy.strings import get_string_id

from kgbuild.extract.docindex import DocIndex, string_ids
from kgbuild.extract.factuality import modality_of
from kgbuild.extract.syntax import (
    conjuncts,
    listed_appositions,
    objects,
    prep_objects,
    subjects,
)
from kgbuild.facts import Modality

# "Envoy Tomas Brenner called off the visit to Oslo. Norway and Sweden, the hosts, regretted it."
TABLE = """
    Envoy      2 compound PROPN NNP envoy     O
    Tomas      2 compound PROPN NNP tomas     B-PERSON
    Brenner    3 nsubj    PROPN NNP brenner   I-PERSON
    called     3 ROOT     VERB  VBD call      O
    off        3 prt      ADP   RP  off       O
    the        6 det      DET   DT  the       O
    visit      3 dobj     NOUN  NN  visit     O
    to         6 prep     ADP   IN  to        O
    Oslo       7 pobj     PROPN NNP Oslo      B-GPE
    .          3 punct    PUNCT .   .         O
  | Norway     16 nsubj   PROPN NNP Norway    B-GPE
    and        10 cc      CCONJ CC  and       O
    Sweden     10 conj    PROPN NNP Sweden    B-GPE
    ,          10 punct   PUNCT ,   ,         O
    the        15 det     DET   DT  the       O
    hosts      10 appos   NOUN  NNS host      O
    regretted  16 ROOT    VERB  VBD regret    O
    it         16 dobj    PRON  PRP it        O
    .          16 punct   PUNCT .   .         O
"""


@pytest.fixture()
def doc(make_doc):
    return make_doc(TABLE)


def test_string_ids_are_the_ids_of_the_words_whatever_the_collection():
    words = {"visit": "a dict's keys", "talks": ""}
    expected = {get_string_id("visit"), get_string_id("talks")}
    assert string_ids(words) == string_ids(frozenset(words)) == string_ids(["talks", "visit"]) == expected
    assert string_ids(set(words)) is string_ids(frozenset(words))  # asked again: the kept answer


def test_tokens_with_answers_the_same_for_every_kind_of_word_list(doc):
    index = DocIndex(doc)
    by_pass = [t for t in doc if t.lemma_.lower() in {"oslo", "norway", "regret"} or t.lower_ in {"off", "it"}]
    for kind in (set, frozenset, list, dict.fromkeys):
        found = index.tokens_with(lemma=kind(["oslo", "norway", "regret"]), lower=kind(["off", "it"]))
        assert found == by_pass
    assert [t.text for t in index.tokens_with(lemma={"oslo"})] == ["Oslo"]  # a capitalised lemma, found lower-cased
    assert index.tokens_with(pos={"PROPN"}) == [t for t in doc if t.pos_ == "PROPN"]


def test_doc_index_takes_the_parsed_text_and_no_other(doc):
    assert DocIndex(doc, text=doc.text).text == doc.text
    assert DocIndex(doc, text=doc.text + " and more").text == doc.text  # not the text of this doc: joined again


def test_modality_reads_the_same_through_the_index(doc, resources):
    index = DocIndex(doc)
    lexicon = resources.lexicon
    for token in doc:
        assert modality_of(token, lexicon=lexicon, children=index.children) is modality_of(token, lexicon=lexicon)
        assert index.modality(token, lexicon=lexicon) is modality_of(token, lexicon=lexicon)
    assert modality_of(doc[6], lexicon=lexicon) is Modality.NEGATED  # "called off the visit"
    assert "call" in lexicon.negated_phrase_starts and "regret" not in lexicon.negated_phrase_starts


def test_syntax_helpers_read_the_tree(doc):
    norway, regretted, hosts = doc[10], doc[16], doc[15]
    assert [t.text for t in subjects(regretted)] == ["Norway", "Sweden"]
    assert [t.text for t in objects(doc[3])] == ["visit"]
    assert [t.text for t in conjuncts(norway)] == ["Norway", "Sweden"]
    assert listed_appositions(norway) == []  # an apposition with no "and" of its own is no list
    assert listed_appositions(hosts) == []  # no right children at all
    assert [t.text for t in subjects(doc[3])] == ["Brenner"]


# "OSLO - Brenner met envoys. PARIS - Envoys met Brenner."
DATELINE = """
    OSLO     3 nsubj    PROPN NNP OSLO     B-GPE
    -        3 punct    PUNCT :   -        O
    Brenner  3 npadvmod PROPN NNP Brenner  B-PERSON
    met      3 ROOT     VERB  VBD meet     O
    envoys   3 dobj     NOUN  NNS envoy    O
    .        3 punct    PUNCT .   .        O
  | PARIS    9 nsubj    PROPN NNP PARIS    B-GPE
    -        9 punct    PUNCT :   -        O
    Envoys   9 npadvmod NOUN  NNS envoy    O
    met      9 ROOT     VERB  VBD meet     O
    Brenner  9 dobj     PROPN NNP Brenner  B-PERSON
    .        9 punct    PUNCT .   .        O
"""


def test_the_lead_sentence_alone_has_a_dateline_subject(make_doc):
    doc = make_doc(DATELINE)
    assert [t.text for t in subjects(doc[3])] == ["Brenner"]  # the name after the dateline's dash
    assert [t.text for t in subjects(doc[9])] == ["PARIS"]  # not the lead: the parser's subject stands


def test_syntax_helpers_read_the_same_tree_through_the_index(doc):
    index = DocIndex(doc)
    for token in doc:
        assert index.children(token) == tuple(token.children)
        assert index.rights(token) == list(token.rights)
        assert index.conjuncts(token) == token.conjuncts
        assert subjects(token, doc_index=index) == subjects(token)
        assert objects(token, doc_index=index) == objects(token)
        assert conjuncts(token, doc_index=index) == conjuncts(token)
        assert listed_appositions(token, doc_index=index) == listed_appositions(token)
        assert list(prep_objects(token, doc_index=index)) == list(prep_objects(token))
    assert index.children(doc[17]) == ()  # a leaf ("it"): no walk
    assert [t.text for _, t in prep_objects(doc[6], "to", doc_index=index)] == ["Oslo"]


def test_the_dateline_subject_reads_the_same_through_the_index(make_doc):
    doc = make_doc(DATELINE)
    index = DocIndex(doc)
    assert [t.text for t in subjects(doc[3], doc_index=index)] == ["Brenner"]
    assert [t.text for t in subjects(doc[9], doc_index=index)] == ["PARIS"]


def test_heads_of_a_word_are_the_heads_of_its_tokens(doc):
    index = DocIndex(doc)
    assert index.heads_of_word("to") == {6}  # "the visit to Oslo"
    assert index.heads_of_word("off") == {3} and index.heads_of_word("nowhere") == frozenset()
    assert index.heads_of_word("to") is index.heads_of_word("to")  # found once


# "Lena Vik (1950) was a diplomat.": an encyclopedia's opening.
OPENING = """
    Lena       1 compound PROPN NNP Lena      B-PERSON
    Vik        5 nsubj    PROPN NNP Vik       I-PERSON
    (          1 punct    PUNCT -LRB- (       O
    1950       1 appos    NUM   CD  1950      B-DATE
    )          1 punct    PUNCT -RRB- )       O
    was        5 ROOT     AUX   VBD be        O
    a          7 det      DET   DT  a         O
    diplomat   5 attr     NOUN  NN  diplomat  O
    .          5 punct    PUNCT .   .         O
"""


# A non-projective tree: "on trade" hangs on "hearing" across "was held", which do not descend from it.
CROSSED = """
    A          1 det      DET   DT  a         O
    hearing    3 nsubjpass NOUN NN  hearing   O
    was        3 auxpass  AUX   VBD be        O
    held       3 ROOT     VERB  VBN hold      O
    on         1 prep     ADP   IN  on        O
    trade      4 pobj     NOUN  NN  trade     O
    .          3 punct    PUNCT .   .         O
"""


def test_children_are_spacys_in_spacys_order(doc, make_doc):
    for parsed in (doc, make_doc(OPENING), make_doc(CROSSED)):
        index = DocIndex(parsed)
        for token in parsed:
            children = index.children(token)
            assert [c.i for c in children] == [c.i for c in token.children]
            assert all(c is index.tokens[c.i] for c in children)  # the index's own Tokens, none made anew
    index = DocIndex(doc)
    assert [c.text for c in index.children(doc[3])] == ["Brenner", "off", "visit", "."]
    assert index.children(doc[0]) == ()  # a leaf


def test_having_finds_the_tokens_with_any_flag(doc):
    from spacy.attrs import IS_DIGIT, IS_PUNCT, IS_TITLE, IS_UPPER

    index = DocIndex(doc)
    assert index.having(IS_TITLE, IS_UPPER) == [t.i for t in doc if t.is_title or t.is_upper]
    assert index.having(IS_TITLE) == [t.i for t in doc if t.is_title]
    # flags outside the index's table are read from spaCy
    assert index.having(IS_PUNCT, IS_DIGIT) == [t.i for t in doc if t.is_punct or t.is_digit]


def test_by_lemma_groups_a_part_of_speech_by_lemma(doc):
    index = DocIndex(doc)
    groups = index.by_lemma(pos="PROPN")
    expected: dict[int, list[int]] = {}
    for t in doc:
        if t.pos_ == "PROPN":
            expected.setdefault(t.lemma, []).append(t.i)
    assert groups == expected
    assert index.by_lemma(pos="NUM") == {}


def test_an_encyclopedic_opening_is_read_the_same_through_the_index(doc, make_doc):
    from kgbuild.extract.entities import defines_its_subject, opens_as_reference

    opening = make_doc(OPENING)
    assert defines_its_subject(opening) and opens_as_reference(opening)
    assert defines_its_subject(opening, doc_index=DocIndex(opening)) and opens_as_reference(opening, doc_index=DocIndex(opening))
    assert not opens_as_reference(doc) and not opens_as_reference(doc, doc_index=DocIndex(doc))


def test_entities_of_chosen_keys_are_those_of_all_entities():
    from kgbuild.extract.entities import ArticleEntities
    from kgbuild.facts import EntityKind

    found = ArticleEntities()
    keys = [found.add(EntityKind.COUNTRY, name) for name in ("Norway", "Sweden", "Chile")]
    every = found.entities()
    assert found.entities(keys=keys) == every
    assert found.entities(keys={keys[2], keys[0], "country/nowhere"}) == tuple(e for e in every if e.key in {keys[0], keys[2]})

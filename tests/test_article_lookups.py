"""Per-article lookups answer as the plain ones: DocIndex against spaCy, the gazetteer's article view against the gazetteer.

The rules ask these instead of ``Token.sent``, ``doc.ents``, ``doc.text``
and full passes over the tokens, which spaCy recomputes on every call; a
difference here would change what is extracted. The sentences are invented.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.attrs import IS_TITLE, IS_UPPER
from spacy.tokens import Doc

from kgbuild.extract.docindex import DocIndex
from kgbuild.extract.entities import ArticleEntities
from kgbuild.extract.syntax import evidence, prep_objects
from kgbuild.facts import EntityKind
from kgbuild.gazetteer import load_gazetteer, lookup_key

# "Envoy Tomas Brenner met the ministers in Oslo on Monday. He said talks would resume." + a third sentence.
TABLE = """
    Envoy      2 compound PROPN NNP envoy     O
    Tomas      2 compound PROPN NNP tomas     B-PERSON
    Brenner    3 nsubj    PROPN NNP brenner   I-PERSON
    met        3 ROOT     VERB  VBD meet      O
    the        5 det      DET   DT  the       O
    ministers  3 dobj     NOUN  NNS minister  O
    in         3 prep     ADP   IN  in        O
    Oslo       6 pobj     PROPN NNP oslo      B-GPE
    on         3 prep     ADP   IN  on        O
    Monday     8 pobj     PROPN NNP monday    B-DATE
    .          3 punct    PUNCT .   .         O
  | He         12 nsubj   PRON  PRP he        O
    said       12 ROOT    VERB  VBD say       O
    talks      15 nsubj   NOUN  NNS talk      O
    would      15 aux     AUX   MD  would     O
    resume     12 ccomp   VERB  VB  resume    O
    .          12 punct   PUNCT .   .         O
  | NATO       18 nsubj   PROPN NNP NATO      B-ORG
    agreed     18 ROOT    VERB  VBD agree     O
    .          18 punct   PUNCT .   .         O
"""


@pytest.fixture()
def doc(make_doc):
    return make_doc(TABLE)


def test_doc_index_reads_what_spacy_computes(doc):
    index = DocIndex(doc)
    assert index.text == doc.text
    assert index.ents == doc.ents
    for token in doc:
        assert index.sentence(token) == token.sent
        assert index.sentence_number(token.i) == [s.start for s in doc.sents].index(token.sent.start)
        assert index.evidence(token, article_id="a", rule="r", confidence=0.5) == evidence(token.sent, article_id="a", rule="r", confidence=0.5)
    assert [e.text for e in index.ents_starting(0, 9)] == ["Tomas Brenner", "Oslo"]
    assert [e.text for e in index.ents_starting(9, len(doc))] == ["Monday", "NATO"]


def test_doc_index_finds_the_tokens_a_full_pass_would(doc):
    index = DocIndex(doc)
    assert index.tokens_with(pos={"VERB"}) == [t for t in doc if t.pos_ == "VERB"]
    assert [t.text for t in index.tokens_with(lower={"he", "nato"})] == ["He", "NATO"]
    assert [t.text for t in index.tokens_with(pos={"AUX"}, lower={"oslo"})] == ["Oslo", "would"]
    assert index.tokens_with(lower={"absent"}) == []
    assert index.having(IS_TITLE, IS_UPPER) == [t.i for t in doc if t.is_title or t.is_upper]
    assert index.having(IS_TITLE) == [t.i for t in doc if t.is_title]


def test_doc_index_reads_the_tree_as_spacy_and_syntax_do(doc):
    index = DocIndex(doc)
    for token in doc:
        assert index.children(token) == tuple(token.children)
        assert index.prep_objects(token) == list(prep_objects(token))
        assert index.prep_objects(token, "in", "by") == list(prep_objects(token, "in", "by"))
    met = doc[3]
    assert [(p, t.text) for p, t in index.prep_objects(met, "on")] == [("on", "Monday")]


def test_doc_index_finds_a_lemma_whatever_its_case(doc):
    # "NATO" has the lemma "NATO": a look-up by lower-cased lemma finds it, as lemma_.lower() would
    index = DocIndex(doc)
    assert [t.text for t in index.tokens_with(lemma={"nato", "meet"})] == ["met", "NATO"]
    assert [t.text for t in index.tokens_with(lemma={"say"}, lower={"said", "talks"})] == ["said", "talks"]


def test_doc_index_of_an_empty_doc(vocab):
    index = DocIndex(Doc(vocab, words=[]))
    assert index.text == "" and index.tokens_with(pos={"NOUN"}) == [] and index.having(IS_TITLE) == []


def test_article_entities_list_the_tokens_of_an_entity():
    found = ArticleEntities()
    key = found.add(EntityKind.PERSON, "Tomas Brenner", tokens=[3, 1])
    found.add(EntityKind.COUNTRY, "Norway", tokens=[5])
    found.link(5, key, replace=False)
    assert found.tokens_of(key) == [1, 3, 5]
    assert found.add(EntityKind.PERSON, "Tomas Brenner") == key


def test_article_entities_list_the_tokens_of_a_kind_as_links_change():
    found = ArticleEntities()
    summit = found.add(EntityKind.EVENT, "Oslo talks", tokens=[9])
    assert found.linked_to(EntityKind.EVENT) == [9]
    found.link(4, summit, replace=False)
    person = found.add(EntityKind.PERSON, "Tomas Brenner", tokens=[2])
    found.link(9, person)  # replaces the event there
    assert found.linked_to(EntityKind.EVENT) == [4] and found.linked_to(EntityKind.PERSON) == [2, 9]
    found.unlink(4)
    assert found.linked_to(EntityKind.EVENT) == []
    found.discard(person)
    assert found.linked_to(EntityKind.PERSON) == []


FORMS = ["Japan", "japan", "the US", "US", "us", "U.S.", "Japan's", "Türkiye", "Turkiye", "NATO", "who", "WHO",
         "Canberra", "Kiev", "Australians", "the alliance", "alliance", "bloc", "Fumio Kishida", "", "  ", "The"]


def test_the_article_view_of_the_gazetteer_answers_as_the_gazetteer():
    gazetteer = load_gazetteer()
    view = gazetteer.for_article()
    for form in FORMS * 2:  # the second round is answered from what the view remembers
        assert view.country(form) == gazetteer.country(form)
        assert view.country_by_capital(form) == gazetteer.country_by_capital(form)
        assert view.organisation(form) == gazetteer.organisation(form)
        assert view.is_demonym(form) == gazetteer.is_demonym(form)
        assert view.organisations_for_noun(form) == gazetteer.organisations_for_noun(form)
    assert gazetteer.for_article() is not view  # one view per article


PLAIN = st.from_regex(r"[A-Za-z0-9&+-]{1,6}( [A-Za-z0-9&+-]{1,6}){0,2}", fullmatch=True)


@settings(max_examples=200, deadline=None)
@given(text=PLAIN)
def test_plain_names_take_the_short_way_to_the_same_answer(resources, text):
    # Surrounding spaces send a form down the full normalisation, which drops them again.
    gazetteer = resources.gazetteer
    padded = f" {text} "
    assert lookup_key(text) == lookup_key(padded)
    assert gazetteer.country(text) == gazetteer.country(padded)
    assert gazetteer.organisation(text) == gazetteer.organisation(padded)

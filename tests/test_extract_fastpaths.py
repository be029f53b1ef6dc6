"""The early exits and id comparisons the extraction rules take to save time answer as the slow
paths did: a dateline needs an opening word in capitals (and an empty doc has none), the
modality of a predicate reads the same through the index's children as through spaCy's, and
the article's country is the one named most (by a margin) whatever order the counts come in."""

from __future__ import annotations

from kgbuild.extract.biography import _dominant_country
from kgbuild.extract.docindex import DocIndex
from kgbuild.extract.entities import ArticleEntities
from kgbuild.extract.events import dateline_place
from kgbuild.extract.factuality import modality_of
from kgbuild.facts import EntityKind, Modality

DATELINE = """
OSLO 5 nmod PROPN NNP Oslo B-GPE
- 5 punct PUNCT HYPH - O
Ministers 5 nsubj NOUN NNS minister O
from 2 prep ADP IN from O
Chile 3 pobj PROPN NNP Chile B-GPE
met 5 ROOT VERB VBD meet O
. 5 punct PUNCT . . O
"""

#: "Lena Berg will not attend the forum ." with "attend" as the root and its own auxiliaries.
NEGATED_PLAN = """
Lena 1 compound PROPN NNP Lena B-PERSON
Berg 4 nsubj PROPN NNP Berg I-PERSON
will 4 aux AUX MD will O
not 4 neg PART RB not O
attend 4 ROOT VERB VB attend O
the 6 det DET DT the O
forum 4 dobj NOUN NN forum O
. 4 punct PUNCT . . O
"""


def test_a_dateline_in_capitals_gives_its_place(make_doc):
    doc = make_doc(DATELINE)
    found = ArticleEntities()
    oslo = found.add(EntityKind.PLACE, "Oslo", tokens=[0])
    assert dateline_place(doc, found) == oslo


def test_no_dateline_without_an_opening_in_capitals_nor_in_an_empty_doc(make_doc, vocab):
    from spacy.tokens import Doc

    lower = make_doc(DATELINE.replace("OSLO 5 nmod PROPN NNP Oslo", "oslo 5 nmod PROPN NNP oslo"))
    found = ArticleEntities()
    found.add(EntityKind.PLACE, "Oslo", tokens=[0])
    assert dateline_place(lower, found) is None
    assert dateline_place(Doc(vocab, words=[]), ArticleEntities()) is None


def test_modality_reads_the_same_through_the_index(make_doc, resources):
    doc = make_doc(NEGATED_PLAN)
    index = DocIndex(doc)
    verb = doc[4]
    slow = modality_of(verb, lexicon=resources.lexicon)
    assert slow is Modality.NEGATED  # "not" wins over "will"
    assert modality_of(verb, lexicon=resources.lexicon, children=index.children) is slow
    assert index.modality(verb, lexicon=resources.lexicon) is slow
    # the object noun takes its frame from its verb: negated too
    assert modality_of(doc[6], lexicon=resources.lexicon, children=index.children) is Modality.NEGATED


def test_the_article_country_is_named_most_by_a_margin():
    assert _dominant_country([]) is None
    assert _dominant_country([(0, "country/chile")]) == "country/chile"
    mentions = [(0, "country/peru"), (3, "country/chile"), (5, "country/chile"), (9, "country/chile"), (12, "country/chile")]
    assert _dominant_country(mentions) == "country/chile"  # four against one
    assert _dominant_country([(0, "country/peru"), (3, "country/chile"), (5, "country/chile")]) == "country/chile"  # twice as often
    three_to_two = [(0, "country/peru"), (2, "country/chile"), (3, "country/chile"), (5, "country/peru"), (8, "country/chile")]
    assert _dominant_country(three_to_two) is None  # not twice as often
    assert _dominant_country([(0, "country/peru"), (3, "country/chile")]) is None  # once each

"""Property-based tests: any string in, valid RDF out or a clean, one-line user error.

Three boundaries are fuzzed with hypothesis: the readers (any bytes as a
.txt or .jsonl file, any JSON record), IRI minting (any string as an id or
an entity key), and the text-to-graph path through the real spaCy model
(any text in, a graph that the store accepts, that parses back and that
passes SHACL). Example counts are kept small so the suite stays fast. In
CI (``CI=true``) the examples are derandomised, so a run there is
repeatable; elsewhere each run tries new ones (a failure prints the example).
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path

import pyoxigraph
import pytest
import rdflib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kgbuild.articles import MAX_ID_CHARS, InputProblem, read_articles
from kgbuild.facts import Article
from kgbuild.mapping import article_graph_iri, article_iri, entity_iri, extraction_to_graph
from kgbuild.pipeline import extract_articles
from kgbuild.store import write_article_graphs
from kgbuild.validation import load_ontology, load_shapes, validate_graph

# RFC 3987 IRI (ASCII part): a scheme, then no space, no <>"{}|\^`, "%" only before two hex digits.
IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:(?:[^\x00-\x20<>\"{}|\\^`%\x7f-\x9f]|%[0-9A-Fa-f]{2})*")
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")

# Any unicode, lone surrogates included (JSON can spell them).
ANY_TEXT = st.text(st.characters(codec=None, exclude_categories=()), max_size=200)
IN_CI = os.environ.get("CI", "").lower() == "true"
FAST = settings(max_examples=150, deadline=None, derandomize=IN_CI, database=None,
                suppress_health_check=[HealthCheck.too_slow])


def assert_valid_iri(value: str) -> None:
    assert IRI.fullmatch(value), value
    pyoxigraph.NamedNode(value)  # oxiri parses it, or this raises


def assert_clean(articles: list[Article], problems: list[InputProblem]) -> None:
    """What the reader lets through is safe to parse; what it refuses is said in one line."""
    for article in articles:
        assert article.text.strip() and not CONTROL.search(article.text)
        assert article.id.strip() and len(article.id) <= MAX_ID_CHARS and not CONTROL.search(article.id)
        assert "\n" not in article.id and "\r" not in article.id
        for value in (article.title, article.url, article.source):
            assert value is None or not CONTROL.search(value)
    for problem in problems:
        line = str(problem)
        assert "\n" not in line and "\r" not in line, line
        assert problem.origin and problem.reason


def read_file(name: str, data: bytes) -> tuple[list[Article], list[InputProblem]]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        problems: list[InputProblem] = []
        articles = list(read_articles([path], on_problem=problems.append))
    return articles, problems


# ---- the readers ----------------------------------------------------------------------------


@FAST
@given(data=st.binary(max_size=400), suffix=st.sampled_from([".txt", ".jsonl"]))
def test_any_bytes_are_read_or_refused_cleanly(data, suffix):
    assert_clean(*read_file(f"input{suffix}", data))


JSON_VALUE = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | ANY_TEXT,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(ANY_TEXT, children, max_size=3),
    max_leaves=8,
)
FIELD = st.sampled_from(["id", "text", "date", "title", "url", "source", "other"])


@FAST
@given(records=st.lists(st.dictionaries(FIELD, JSON_VALUE | ANY_TEXT, max_size=6) | JSON_VALUE, max_size=4))
def test_any_json_lines_are_read_or_refused_cleanly(records):
    lines = "\n".join(json.dumps(record, ensure_ascii=True) for record in records)
    articles, problems = read_file("feed.jsonl", lines.encode("utf-8"))
    assert_clean(articles, problems)
    assert len(articles) <= len(records)


@FAST
@given(text=ANY_TEXT.filter(lambda t: t.strip()), article_id=ANY_TEXT.filter(lambda t: t.strip()))
def test_a_well_formed_line_keeps_its_id_exactly_or_says_why_not(text, article_id):
    line = json.dumps({"id": article_id, "text": text})
    articles, problems = read_file("one.jsonl", line.encode("utf-8"))
    assert_clean(articles, problems)
    if articles:
        assert articles[0].id == article_id
    else:
        assert problems and all(p.skipped for p in problems)


# ---- IRI minting ----------------------------------------------------------------------------


@settings(max_examples=300, deadline=None, derandomize=IN_CI, database=None)
@given(value=ANY_TEXT, other=ANY_TEXT)
def test_minted_iris_are_valid_and_distinct_for_distinct_ids(value, other):
    for iri in (article_graph_iri(value), article_iri(value), entity_iri(f"person/{value}"), entity_iri(value)):
        assert_valid_iri(str(iri))
    if value != other:
        assert article_graph_iri(value) != article_graph_iri(other)
        assert entity_iri(f"event/{value}") != entity_iri(f"event/{other}")


# ---- text to graph, through the real model --------------------------------------------------

NAMES = ["Elena Marsh", "Tiago Serra", "Ingrid Dahl", "Portugal", "Canada", "Ghana", "NATO", "the United Nations",
         "Lisbon", "Oslo", "President", "Prime Minister", "foreign minister", "summit", "talks", "Atlantic Summit"]
WORDS = ["met", "will attend", "did not attend", "hosted", "visited", "condemned", "backed", "said", "told reporters",
         "might meet", "on Monday", "next week", "in", "with", "and", "of", "the", "'s", ",", ".", ";", "“", "”", '"',
         "(", ")", "-", "—", "\n", "\n\n", "?", "!", "...", "%", "#", "<b>", "&amp;", "€5bn", "2031", "ß", "İ",
         "東京", "🙂", "\u200b", "\u0301", "\t"]
TEXT = st.one_of(
    st.lists(st.sampled_from(NAMES + WORDS), min_size=1, max_size=60).map(" ".join),
    st.lists(st.sampled_from(NAMES + WORDS) | st.text(max_size=12), min_size=1, max_size=40).map("".join),
    st.text(st.characters(codec=None, exclude_categories=()), min_size=1, max_size=300),
)


@pytest.fixture(scope="module")
def graph_checks():
    return load_shapes(), load_ontology()


@pytest.mark.model
@settings(max_examples=40, deadline=None, derandomize=IN_CI, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(text=TEXT, article_id=ANY_TEXT.filter(lambda t: t.strip()), date=st.none() | st.dates().map(str))
def test_any_text_gives_a_valid_graph_or_a_clean_error(nlp, graph_checks, text, article_id, date):
    line = json.dumps({"id": article_id, "text": text, "date": date, "title": text[:40]})
    articles, problems = read_file("fuzz.jsonl", line.encode("utf-8"))
    assert_clean(articles, problems)
    if not articles:
        return
    [extraction] = list(extract_articles(articles, nlp=nlp))
    graph = extraction_to_graph(extraction)
    store = pyoxigraph.Store()
    written = write_article_graphs(store, [graph])  # pyoxigraph refuses any invalid IRI or literal
    assert written == len(graph)
    for quad in store:
        for term in (quad.subject, quad.predicate, quad.object, quad.graph_name):
            if isinstance(term, pyoxigraph.NamedNode):
                assert_valid_iri(term.value)
    for fmt, rdflib_format in [(pyoxigraph.RdfFormat.N_QUADS, "nquads"), (pyoxigraph.RdfFormat.TRIG, "trig")]:
        reparsed = rdflib.Dataset()
        reparsed.parse(data=store.dump(format=fmt).decode("utf-8"), format=rdflib_format)
        assert len(reparsed) == written
    union = store.query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
    xml = pyoxigraph.serialize(union, format=pyoxigraph.RdfFormat.RDF_XML)
    rdflib.Graph().parse(data=xml.decode("utf-8"), format="xml")
    shapes, ontology = graph_checks
    report = validate_graph(graph, shapes=shapes, ontology=ontology)
    assert report.conforms, [v.message for v in report.violations]


@pytest.mark.model
def test_found_by_fuzzing_a_position_of_an_organisation_is_in_the_graph(nlp, graph_checks):
    [extraction] = list(extract_articles([Article(id="f1", text="Elena Marsh the United Nations X President")], nlp=nlp))
    shapes, ontology = graph_checks
    report = validate_graph(extraction_to_graph(extraction), shapes=shapes, ontology=ontology)
    assert report.conforms, [v.message for v in report.violations]

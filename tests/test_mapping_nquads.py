"""The N-Quads a build writes straight from the typed records are the rdflib graph's triples, exactly.

Both come from one generator (:func:`kgbuild.mapping.extraction_triples`);
these tests check the two ways of writing its terms: the fast N-Quads text
(escaping, datatypes, each triple once) and the rdflib terms. Each side is
parsed into pyoxigraph terms (the N-Quads by pyoxigraph's parser, the rdflib
graph term by term, without any serialiser) and the sets compared. The
rdflib side is also held to the terms the mapping wrote before the fast
path existed (``Literal(Decimal(...))`` for a confidence, ``Literal(int)``
for an offset), and a build's store to one written from rdflib graphs.
Last, the build's batch writes, which run in a thread of their own: a batch
handed over is finished when the build stops, and a failed write fails the
build.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import time
from decimal import Decimal
from pathlib import Path

import pyoxigraph
import pytest
import rdflib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kgbuild.articles import read_articles
from kgbuild.extract import load_resources
from kgbuild.facts import CORE_RELATIONS, Article, Entity, EntityKind, Evidence, Extraction, Fact, Modality
from kgbuild.mapping import (
    MappingError,
    article_graph_iri,
    extraction_to_graph,
    extraction_to_nquads,
    fact_iri,
    nquads_literal,
)
from kgbuild.namespace import DIP
from kgbuild.pipeline import build, extract_articles
from kgbuild.store import StoreError, open_store, write_article_graphs, write_nquads

REPO = Path(__file__).resolve().parents[1]
NEWS = REPO / "tests" / "scale" / "news.jsonl"
INPUTS = sorted((REPO / "examples").glob("*.txt")) + sorted((REPO / "examples").glob("*.jsonl")) + [NEWS]
IN_CI = os.environ.get("CI", "").lower() == "true"


def from_rdflib(term: rdflib.term.Node) -> pyoxigraph.NamedNode | pyoxigraph.Literal:
    if isinstance(term, rdflib.URIRef):
        return pyoxigraph.NamedNode(str(term))
    assert isinstance(term, rdflib.Literal) and term.language is None
    if term.datatype is None:
        return pyoxigraph.Literal(str(term))
    return pyoxigraph.Literal(str(term), datatype=pyoxigraph.NamedNode(str(term.datatype)))


def graph_quads(graph: rdflib.Graph) -> set[pyoxigraph.Quad]:
    """The rdflib graph's triples as pyoxigraph quads, converted term by term."""
    name = pyoxigraph.NamedNode(str(graph.identifier))
    return {pyoxigraph.Quad(from_rdflib(s), from_rdflib(p), from_rdflib(o), name) for s, p, o in graph}


def nquads_quads(data: bytes) -> list[pyoxigraph.Quad]:
    return list(pyoxigraph.parse(data, format=pyoxigraph.RdfFormat.N_QUADS))


def assert_same_quads(extraction: Extraction) -> None:
    fast = extraction_to_nquads(extraction)
    graph = extraction_to_graph(extraction)
    parsed = nquads_quads(fast.data)
    assert len(parsed) == fast.triples == len(graph)  # each triple once
    assert set(parsed) == graph_quads(graph)
    assert fast.graph == str(graph.identifier) == str(article_graph_iri(extraction.article.id))


def assert_old_terms(extraction: Extraction, graph: rdflib.Graph) -> None:
    """The typed literals are the ones the mapping made from Python values before the fast path."""
    for fact in extraction.facts:
        node, ev = fact_iri(fact), fact.evidence
        assert (node, DIP.confidence, rdflib.Literal(Decimal(str(round(ev.confidence, 3))))) in graph
        assert (node, DIP.charStart, rdflib.Literal(ev.start)) in graph
        assert (node, DIP.charEnd, rdflib.Literal(ev.end)) in graph
        assert (node, DIP.sentence, rdflib.Literal(ev.sentence)) in graph
    article = extraction.article
    subject = rdflib.URIRef(f"https://w3id.org/kgbuild/id/article/{str(article_graph_iri(article.id)).rsplit('/', 1)[1]}")
    if article.date is not None:
        assert (subject, DIP.published, rdflib.Literal(article.date.isoformat(), datatype=rdflib.XSD.date)) in graph
    if article.url:
        assert (subject, DIP.url, rdflib.Literal(article.url, datatype=rdflib.XSD.anyURI)) in graph


# --- hand-made records ------------------------------------------------------------------------

SENTENCE = 'Mara Velt said "the Orland summit \\ will go ahead"\nas planned.\r\x00\x1f\u2028'
MARA = Entity(key="person/mara-velt", kind=EntityKind.PERSON, label="Mara Velt", alt_labels=("Velt", "Mara Velt"))
NORLAND = Entity(key="country/norland", kind=EntityKind.COUNTRY, label="Norland", wikidata="Q123")
SUMMIT = Entity(key="event/orland-summit", kind=EntityKind.EVENT, label="Orland Summit", event_type="Summit",
                start=dt.date(2031, 3, 4), end=dt.date(2031, 3, 5))
ENVOY = Entity(key="position/envoy-of-norland", kind=EntityKind.POSITION, label="Envoy", country="country/norland")
QUOTE = Entity(key="statement/abc", kind=EntityKind.STATEMENT, label='"We will go"')


def evidence(confidence: float = 0.85, start: int = 0) -> Evidence:
    return Evidence(article_id="a1", sentence=SENTENCE, start=start, end=start + len(SENTENCE), rule="rule-x",
                    confidence=confidence)


def record() -> Extraction:
    facts = (
        Fact(MARA.key, "attends", SUMMIT.key, Modality.PLANNED, evidence()),
        Fact(MARA.key, "opposes", NORLAND.key, Modality.ASSERTED, evidence(0.9), refinement="condemns"),
        Fact(MARA.key, "said", QUOTE.key, Modality.REPORTED, evidence(1.0, 7)),
        Fact(MARA.key, "meets", NORLAND.key, Modality.NEGATED, evidence(0.12345)),
    )
    article = Article(id="a 1/é", text="Text.", date=dt.date(2031, 3, 1), title='A "title"\n', url="https://x.org/a?b=c",
                      source="Wire")
    return Extraction(article=article, entities=(MARA, NORLAND, SUMMIT, ENVOY, QUOTE, MARA), facts=facts)


def test_hand_made_record_gives_the_same_quads_both_ways():
    extraction = record()
    assert_same_quads(extraction)
    assert_old_terms(extraction, extraction_to_graph(extraction))


def test_the_shape_of_the_hand_made_record():
    graph = extraction_to_graph(record())
    ns, skos = rdflib.Namespace("https://w3id.org/kgbuild/id/"), rdflib.SKOS
    mara, norland, summit = ns["person/mara-velt"], ns["country/norland"], ns["event/orland-summit"]
    quote, envoy = ns["statement/abc"], ns["position/envoy-of-norland"]
    assert set(graph.objects(mara, skos.altLabel)) == {rdflib.Literal("Velt")}  # not the label again
    assert set(graph.objects(mara, DIP.nameKey)) == {rdflib.Literal("mara"), rdflib.Literal("velt")}
    assert set(graph.objects(mara, DIP.nameWords)) == {rdflib.Literal(" mara velt "), rdflib.Literal(" velt ")}  # one per name
    assert set(graph.objects(quote, DIP.nameKey)) == set() and (quote, DIP.text, rdflib.Literal('"We will go"')) in graph
    assert set(graph.objects(summit, rdflib.RDF.type)) == {DIP.Event, DIP.Summit}
    assert (summit, DIP.endDate, rdflib.Literal("2031-03-05", datatype=rdflib.XSD.date)) in graph
    assert (envoy, DIP.positionOf, norland) in graph
    assert (norland, skos.exactMatch, rdflib.URIRef("http://www.wikidata.org/entity/Q123")) in graph
    assert {(p, o) for p, o in graph.predicate_objects(mara) if p.startswith(str(DIP))} - {
        (DIP.nameKey, rdflib.Literal("mara")), (DIP.nameKey, rdflib.Literal("velt")),
        (DIP.nameWords, rdflib.Literal(" mara velt ")), (DIP.nameWords, rdflib.Literal(" velt ")),
    } == {(DIP.attends, summit), (DIP.opposes, norland), (DIP.condemns, norland), (DIP.said, quote)}  # not the negated meets
    refined = fact_iri(record().facts[1])
    assert (refined, DIP.factProperty, DIP.condemns) in graph and (refined, DIP.modality, DIP.asserted) in graph


def test_the_nquads_spell_the_typed_literals_as_rdflib_did():
    data = extraction_to_nquads(record()).data.decode("utf-8")
    xsd = "http://www.w3.org/2001/XMLSchema#"
    for term in (f'"0.85"^^<{xsd}decimal>', f'"0.123"^^<{xsd}decimal>', f'"1.0"^^<{xsd}decimal>', f'"7"^^<{xsd}integer>',
                 f'"2031-03-04"^^<{xsd}date>', f'"https://x.org/a?b=c"^^<{xsd}anyURI>', '"A \\"title\\"\\n"'):
        assert term in data, term
    assert '\\\\ will go ahead\\"\\nas planned.\\r\x00\x1f\u2028"' in data  # only " \\ LF CR escaped


def test_an_entity_listed_twice_is_written_once():
    once = dataclasses.replace(record(), entities=(MARA, NORLAND, SUMMIT, ENVOY, QUOTE))
    assert extraction_to_nquads(record()).triples == extraction_to_nquads(once).triples


def test_a_lone_surrogate_fails_the_article_both_ways():
    extraction = dataclasses.replace(record(), article=Article(id="a1", text="T.", title="bad \ud800 title"))
    with pytest.raises(UnicodeEncodeError):
        extraction_to_nquads(extraction)
    with pytest.raises(UnicodeEncodeError):
        write_article_graphs(pyoxigraph.Store(), [extraction_to_graph(extraction)])


def test_an_unknown_refinement_fails_both_ways():
    bad = Fact(MARA.key, "opposes", NORLAND.key, Modality.ASSERTED, evidence(), refinement="dislikes")
    extraction = dataclasses.replace(record(), facts=(bad,))
    with pytest.raises(AttributeError):
        extraction_to_nquads(extraction)
    with pytest.raises(AttributeError):
        extraction_to_graph(extraction)


def test_an_iri_nquads_cannot_hold_is_refused():
    extraction = dataclasses.replace(record(), entities=(dataclasses.replace(NORLAND, wikidata="Q1 <2>"),))
    with pytest.raises(MappingError, match="Q1 <2>"):
        extraction_to_nquads(extraction)


def test_nquads_literal_round_trips_through_pyoxigraph():
    text = 'a "b" \\ c\nd\re\tf\x00\x7f\u2028\U0001f642'
    [quad] = nquads_quads(f"<https://e.org/s> <https://e.org/p> {nquads_literal(text)} .\n".encode())
    assert quad.object == pyoxigraph.Literal(text)


# --- hostile records (hypothesis) -------------------------------------------------------------

ANY_TEXT = st.text(st.characters(codec=None, exclude_categories=()), max_size=40)
SOME_TEXT = ANY_TEXT | st.sampled_from(['"', "\\", "\n", "\r\n", "\x00", "\\n", '\\"', "é", "\u2028", " ", ".."])
KEY = st.builds(lambda kind, slug: f"{kind.value}/{slug}", st.sampled_from(list(EntityKind)), SOME_TEXT)
FINER = ["condemns", "criticises", "sanctions", "welcomes", "praises", "talksWith"]
CONFIDENCE = st.floats(min_value=0, max_value=1) | st.floats(allow_nan=True, allow_infinity=True)
ENTITY = st.builds(
    Entity,
    key=KEY,
    kind=st.sampled_from(list(EntityKind)),
    label=SOME_TEXT,
    alt_labels=st.lists(SOME_TEXT, max_size=3).map(tuple),
    event_type=st.none() | st.sampled_from(["Summit", "Meeting", "Visit", "Conference", "Exercise", "Talks"]),
    start=st.none() | st.dates(),
    end=st.none() | st.dates(),
    wikidata=st.none() | st.sampled_from(["Q1", "Q42", "Q123456"]),
    country=st.none() | KEY,
)


@st.composite
def extractions(draw) -> Extraction:
    article = Article(
        id=draw(SOME_TEXT), text=draw(SOME_TEXT), date=draw(st.none() | st.dates()), title=draw(st.none() | SOME_TEXT),
        url=draw(st.none() | SOME_TEXT), source=draw(st.none() | SOME_TEXT),
    )
    entities = tuple(draw(st.lists(ENTITY, max_size=5)))
    keys = [e.key for e in entities] or [draw(KEY)]
    facts = tuple(
        Fact(
            subject=draw(st.sampled_from(keys)), relation=draw(st.sampled_from(CORE_RELATIONS)),
            object=draw(st.sampled_from(keys) | KEY), modality=draw(st.sampled_from(list(Modality))),
            refinement=draw(st.none() | st.sampled_from(FINER)),
            evidence=Evidence(article_id=article.id, sentence=draw(SOME_TEXT), start=draw(st.integers(0, 10**12)),
                              end=draw(st.integers(0, 10**12)), rule=draw(SOME_TEXT), confidence=draw(CONFIDENCE)),
        )
        for _ in range(draw(st.integers(0, 4)))
    )
    return Extraction(article=article, entities=entities, facts=facts)


@settings(max_examples=300, deadline=None, derandomize=IN_CI, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(extraction=extractions())
def test_hostile_records_give_the_same_quads_both_ways_or_fail_both_ways(extraction):
    try:
        graph = extraction_to_graph(extraction)
    except UnicodeEncodeError:  # a lone surrogate in the article text: no text hash
        with pytest.raises(UnicodeEncodeError):
            extraction_to_nquads(extraction)
        return
    try:
        fast = extraction_to_nquads(extraction)
    except UnicodeEncodeError:  # a lone surrogate in a literal: no store takes it
        assert any(isinstance(o, rdflib.Literal) and _has_surrogate(str(o)) for _, _, o in graph)
        return
    assert not any(isinstance(o, rdflib.Literal) and _has_surrogate(str(o)) for _, _, o in graph)
    assert set(nquads_quads(fast.data)) == graph_quads(graph)
    assert fast.triples == len(graph)
    assert_old_terms(extraction, graph)


def _has_surrogate(text: str) -> bool:
    return any("\ud800" <= ch <= "\udfff" for ch in text)


# --- real articles through the model ----------------------------------------------------------

@pytest.mark.model
@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_example_articles_give_the_same_quads_both_ways(nlp, path):
    extractions_ = list(extract_articles(read_articles([path]), nlp=nlp))
    assert extractions_ and any(e.facts for e in extractions_)
    for extraction in extractions_:
        assert_same_quads(extraction)
        assert_old_terms(extraction, extraction_to_graph(extraction))


def build_both_ways(tmp_path: Path, nlp, paths: list[Path]) -> tuple[set[str], set[str]]:
    """A build's store, and a store written from the rdflib graphs of the same extractions (the path before)."""
    build(paths, store=tmp_path / "built", nlp=nlp, validate="none")
    built = {str(q) for q in pyoxigraph.Store.read_only(str(tmp_path / "built"))}
    store = open_store(tmp_path / "from-rdflib")
    write_article_graphs(store, [extraction_to_graph(e) for e in extract_articles(read_articles(paths), nlp=nlp,
                                                                                   resources=load_resources())])
    return built, {str(q) for q in store}


def test_a_build_stores_what_the_rdflib_graphs_hold(tmp_path, sentencizer):
    built, expected = build_both_ways(tmp_path, sentencizer, INPUTS)
    assert built == expected and len(built) > 50


@pytest.mark.model
def test_a_build_with_the_model_stores_what_the_rdflib_graphs_hold(tmp_path, nlp):
    built, expected = build_both_ways(tmp_path, nlp, INPUTS)
    assert built == expected and len(built) > 500


# --- the build's writes, in a thread of their own ---------------------------------------------

def test_a_batch_being_written_when_the_build_stops_is_finished(tmp_path, sentencizer, monkeypatch):
    from kgbuild import pipeline

    writes: list[list[str]] = []

    def slow_write(store, data, *, replace=()):
        time.sleep(0.3)  # still writing when the build stops
        write_nquads(store, data, replace=replace)
        writes.append(list(replace))

    def stop(progress):
        if progress.written:
            raise KeyboardInterrupt

    monkeypatch.setattr(pipeline, "write_nquads", slow_write)
    with pytest.raises(KeyboardInterrupt):
        build([NEWS], store=tmp_path / "store", nlp=sentencizer, validate="none", batch_size=2, on_progress=stop)
    assert len(writes) == 1 and len(writes[0]) == 2  # the batch handed over was written whole, and no other
    stored = open_store(tmp_path / "store")  # the lock is free again
    assert sorted(g.value for g in stored.named_graphs()) == sorted(writes[0])


def test_a_failed_write_fails_the_build_and_keeps_the_batches_before(tmp_path, sentencizer, monkeypatch):
    from kgbuild import pipeline

    calls: list[int] = []

    def failing_write(store, data, *, replace=()):
        calls.append(len(calls))
        if len(calls) == 2:
            raise StoreError("disk full")
        write_nquads(store, data, replace=replace)

    monkeypatch.setattr(pipeline, "write_nquads", failing_write)
    with pytest.raises(StoreError, match="disk full"):
        build([NEWS], store=tmp_path / "store", nlp=sentencizer, validate="none", batch_size=2)
    assert len(calls) == 2  # nothing written after the failure
    assert sum(1 for _ in open_store(tmp_path / "store").named_graphs()) == 2


# --- role labels: what the graph's own role triples say, in one lookup --------------------------

ROLE_PATHS = """
PREFIX dip: <https://w3id.org/kgbuild/diplomacy#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?entity ?kind ?label WHERE {
  { ?entity dip:holdsPosition/rdfs:label ?label BIND("position" AS ?kind) }
  UNION
  { ?entity dip:leaderOf|dip:citizenOf|dip:holdsPosition/dip:positionOf ?country .
    ?country a dip:Country ; rdfs:label ?label BIND("country" AS ?kind) }
}
"""


def role_labels(graph: rdflib.Graph) -> tuple[set[tuple], set[tuple]]:
    """(the role labels the graph holds, those its role triples give through the paths the queries used to walk)."""
    written = {(s, "position", o) for s, o in graph.subject_objects(DIP.positionLabel)}
    written |= {(s, "country", o) for s, o in graph.subject_objects(DIP.countryLabel)}
    bare = rdflib.Graph()
    for triple in graph:
        if triple[1] not in (DIP.positionLabel, DIP.countryLabel):
            bare.add(triple)
    walked = {(row.entity, str(row.kind), row.label) for row in bare.query(ROLE_PATHS)}
    return written, walked


def test_role_labels_repeat_the_roles_the_article_gives():
    ns = rdflib.Namespace("https://w3id.org/kgbuild/id/")
    ilse = Entity("person/ilse-daro", EntityKind.PERSON, "Ilse Daro")
    tomas = Entity("person/tomas-brek", EntityKind.PERSON, "Tomas Brek")
    club = Entity("organisation/harbour-club", EntityKind.ORGANISATION, "Harbour Club")
    estmark = Entity("country/estmark", EntityKind.COUNTRY, "Estmark")
    head = Entity("person/president-of-estmark", EntityKind.PERSON, "President of Estmark", leads=estmark.key)
    facts = (
        Fact(MARA.key, "holdsPosition", ENVOY.key, Modality.ASSERTED, evidence()),
        Fact(MARA.key, "leaderOf", estmark.key, Modality.REPORTED, evidence()),
        Fact(ilse.key, "citizenOf", NORLAND.key, Modality.ASSERTED, evidence()),
        Fact(ilse.key, "citizenOf", club.key, Modality.ASSERTED, evidence()),  # not a country: no country label
        Fact(tomas.key, "holdsPosition", ENVOY.key, Modality.NEGATED, evidence()),  # negated: no role at all
        Fact(tomas.key, "leaderOf", club.key, Modality.PLANNED, evidence()),  # leads, but no country
    )
    extraction = Extraction(Article(id="a1", text="Text."), (MARA, NORLAND, ENVOY, ilse, tomas, club, estmark, head), facts)
    graph = extraction_to_graph(extraction)
    written, walked = role_labels(graph)
    assert written == walked == {
        (ns["person/mara-velt"], "position", rdflib.Literal("Envoy")),
        (ns["person/mara-velt"], "country", rdflib.Literal("Norland")),  # through the position
        (ns["person/mara-velt"], "country", rdflib.Literal("Estmark")),
        (ns["person/ilse-daro"], "country", rdflib.Literal("Norland")),
        (ns["person/president-of-estmark"], "country", rdflib.Literal("Estmark")),
    }
    assert_same_quads(extraction)


ROLE_KEY = st.sampled_from(["person/a", "person/b", "country/c", "country/d", "position/e", "organisation/f"])
ROLE_ENTITY = st.builds(
    lambda key, kind, label, country, leads: Entity(
        key, kind or EntityKind(key.split("/")[0]), label, country=country, leads=leads
    ),
    key=ROLE_KEY,
    kind=st.none() | st.sampled_from([EntityKind.PERSON, EntityKind.COUNTRY, EntityKind.POSITION]),  # mostly the key's
    label=st.sampled_from(["A", "B", "C", "Envoy", "Envoy of C"]),
    country=st.none() | ROLE_KEY,
    leads=st.none() | ROLE_KEY,
)


@st.composite
def role_extractions(draw) -> Extraction:
    entities = tuple(draw(st.lists(ROLE_ENTITY, min_size=1, max_size=6)))
    keys = [e.key for e in entities]
    facts = tuple(
        Fact(draw(st.sampled_from(keys)), draw(st.sampled_from(["holdsPosition", "leaderOf", "citizenOf", "attends"])),
             draw(st.sampled_from(keys)), draw(st.sampled_from(list(Modality))), evidence(start=n))
        for n in range(draw(st.integers(0, 6)))
    )
    return Extraction(Article(id="a1", text="Text."), entities, facts)


@settings(max_examples=200, deadline=None, derandomize=IN_CI, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(extraction=role_extractions())
def test_role_labels_equal_the_role_paths_whatever_the_records(extraction):
    written, walked = role_labels(extraction_to_graph(extraction))
    assert written == walked

"""The embedded store: opening, replacing article graphs, export round trips."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import sys

import pyoxigraph
import pytest
import rdflib
from rdflib.compare import isomorphic

from kgbuild.facts import Article, Entity, EntityKind, Evidence, Extraction, Fact, Modality
from kgbuild.mapping import article_graph_iri, extraction_to_graph
from kgbuild.namespace import DIP
from kgbuild.store import (
    EXPORT_FORMATS,
    ExportFormatError,
    StoreError,
    StoreInUse,
    article_graphs,
    count_triples,
    dataset_from_store,
    export,
    open_store,
    store_graph,
    write_article_graphs,
)

SENTENCE = "Mara Velt, President of Norland, will attend the Orland summit."
MARA = Entity(key="person/mara-velt", kind=EntityKind.PERSON, label="Mara Velt", alt_labels=("Velt",))
NORLAND = Entity(key="country/norland", kind=EntityKind.COUNTRY, label="Norland", alt_labels=("Norlandic",))
SUMMIT = Entity(key="event/orland-summit", kind=EntityKind.EVENT, label="Orland summit", event_type="Summit",
                start=dt.date(2031, 3, 4))


def evidence(article_id: str, sentence: str = SENTENCE) -> Evidence:
    return Evidence(article_id=article_id, sentence=sentence, start=0, end=len(sentence), rule="test", confidence=0.85)


def extraction(article_id: str, *, attends: Modality = Modality.PLANNED, leader: bool = True) -> Extraction:
    facts = [Fact(MARA.key, "attends", SUMMIT.key, attends, evidence(article_id))]
    if leader:
        facts.append(Fact(MARA.key, "leaderOf", NORLAND.key, Modality.ASSERTED, evidence(article_id)))
    article = Article(id=article_id, text=SENTENCE, date=dt.date(2031, 3, 1), title="Summit plans")
    return Extraction(article=article, entities=(MARA, NORLAND, SUMMIT), facts=tuple(facts))


@pytest.fixture
def store(tmp_path):
    database = open_store(tmp_path / "store")
    write_article_graphs(database, [extraction_to_graph(extraction("a1")), extraction_to_graph(extraction("a2"))])
    return database


def graph_triples(store: pyoxigraph.Store, article_id: str) -> int:
    return count_triples(store, graph=str(article_graph_iri(article_id)))


def test_open_store_creates_the_folder(tmp_path):
    path = tmp_path / "nested" / "store"
    open_store(path)
    assert path.is_dir()


def test_write_returns_triples_written_and_lists_article_graphs(tmp_path):
    database = open_store(tmp_path / "s")
    graph = extraction_to_graph(extraction("a1"))
    assert write_article_graphs(database, [graph]) == len(graph)
    assert count_triples(database) == len(graph)
    assert article_graphs(database) == [str(article_graph_iri("a1"))]


def test_rewriting_an_article_replaces_its_graph(store):
    before = count_triples(store)
    a1 = graph_triples(store, "a1")
    write_article_graphs(store, [extraction_to_graph(extraction("a1"))])
    assert count_triples(store) == before  # no duplicates
    # A changed article loses what it no longer says: no leaderOf fact, a negated attends.
    changed = extraction_to_graph(extraction("a1", attends=Modality.NEGATED, leader=False))
    write_article_graphs(store, [changed])
    assert graph_triples(store, "a1") == len(changed) < a1
    named = pyoxigraph.NamedNode(str(article_graph_iri("a1")))
    mara, attends = pyoxigraph.NamedNode("https://w3id.org/kgbuild/id/person/mara-velt"), pyoxigraph.NamedNode(str(DIP.attends))
    assert list(store.quads_for_pattern(mara, attends, None, named)) == []
    assert graph_triples(store, "a2") == a1  # the other article is untouched


def test_graph_without_iri_is_refused(tmp_path):
    database = open_store(tmp_path / "s")
    with pytest.raises(StoreError, match="IRI"):
        write_article_graphs(database, [rdflib.Graph(identifier=rdflib.BNode())])


def test_terms_keep_language_datatype_and_blank_nodes(tmp_path):
    database = open_store(tmp_path / "s")
    graph = rdflib.Graph(identifier=rdflib.URIRef("https://example.org/graph/t"))
    thing, node = rdflib.URIRef("https://example.org/thing"), rdflib.BNode("b1")
    graph.add((thing, rdflib.RDFS.label, rdflib.Literal("Norland", lang="en")))
    graph.add((thing, DIP.startDate, rdflib.Literal("2031-03-04", datatype=rdflib.XSD.date)))
    graph.add((thing, DIP.title, rdflib.Literal('quote " and \\ and\nnewline')))
    graph.add((thing, rdflib.RDFS.seeAlso, node))
    graph.add((node, DIP.confidence, rdflib.Literal("0.5", datatype=rdflib.XSD.decimal)))
    write_article_graphs(database, [graph])
    assert isomorphic(dataset_from_store(database).graph(graph.identifier), graph)


def test_store_in_use_by_another_process(tmp_path):
    path = tmp_path / "s"
    holder = open_store(path)  # holds the lock while it is referenced
    probe = (
        "import sys\nfrom kgbuild.store import open_store, StoreInUse\n"
        f"try:\n    open_store({str(path)!r})\nexcept StoreInUse as e:\n    print('in use:', e)\n    sys.exit(3)\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert result.returncode == 3, result.stderr
    assert "in use" in result.stdout and "read-only" in result.stdout
    del holder


def test_store_in_use_in_the_same_process_and_read_only_open(store, tmp_path):
    with pytest.raises(StoreInUse):
        open_store(tmp_path / "store")
    store.flush()
    reader = open_store(tmp_path / "store", read_only=True)
    assert count_triples(reader) == count_triples(store)


def test_read_only_open_of_a_missing_store_fails_clearly(tmp_path):
    with pytest.raises(StoreError, match="no store"):
        open_store(tmp_path / "none", read_only=True)


def test_store_on_a_file_fails_with_store_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(StoreError):
        open_store(blocker / "store")


def _parse(data: bytes, fmt: str) -> rdflib.Dataset:
    rdflib_format = {"turtle": "turtle", "trig": "trig", "nquads": "nquads", "ntriples": "nt",
                     "jsonld": "json-ld", "xml": "xml"}[fmt]
    dataset = rdflib.Dataset()
    dataset.parse(data=data, format=rdflib_format)
    return dataset


@pytest.mark.parametrize("fmt", sorted(EXPORT_FORMATS))
def test_export_reimports_isomorphic(store, fmt, tmp_path):
    expected = dataset_from_store(store)
    buffer = io.BytesIO()
    export(store, fmt, buffer)
    parsed = _parse(buffer.getvalue(), fmt)
    if EXPORT_FORMATS[fmt].supports_datasets:  # named graphs kept: compare graph by graph
        names = sorted(str(g.identifier) for g in parsed.graphs() if len(g))
        assert names == article_graphs(store)
        for name in names:
            assert isomorphic(parsed.graph(rdflib.URIRef(name)), expected.graph(rdflib.URIRef(name))), name
    else:  # the union of all graphs, each triple once
        union = rdflib.Graph()
        for s, p, o, _ in expected.quads((None, None, None, None)):
            union.add((s, p, o))
        assert len(parsed) == len(union) < count_triples(store)
        assert isomorphic(parsed.default_graph, union)


def test_export_to_a_path(store, tmp_path):
    target = tmp_path / "out.nq"
    export(store, "nquads", target)
    assert len(target.read_bytes().splitlines()) == count_triples(store)


def test_export_unknown_format(store):
    with pytest.raises(ExportFormatError, match="choose one of"):
        export(store, "csv", io.BytesIO())


def test_store_graph_is_a_live_union_view(store):
    view = store_graph(store)
    mara = rdflib.URIRef("https://w3id.org/kgbuild/id/person/mara-velt")
    assert {str(label) for label in view.objects(mara, rdflib.RDFS.label)} == {"Mara Velt"}
    assert (mara, DIP.attends, rdflib.URIRef("https://w3id.org/kgbuild/id/event/orland-summit")) in view
    write_article_graphs(store, [extraction_to_graph(extraction("a3", leader=False))])
    assert str(article_graph_iri("a3")) in {str(g.identifier) for g in view.graphs()}

"""Building at scale: streaming in chunks, batched N-Quads writes, worker processes, validation modes, progress."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pyoxigraph
import pytest
import rdflib
from rdflib.compare import isomorphic

from kgbuild import cli, pipeline
from kgbuild.articles import read_articles
from kgbuild.extract import extract_article, load_resources
from kgbuild.mapping import article_graph_iri, extraction_to_graph
from kgbuild.pipeline import CHUNK_SIZE, SAMPLE_HEAD, BuildOptionError, BuildProgress, Chunk, ChunkTools, build, build_chunk
from kgbuild.progress import ProgressDisplay, count_articles
from kgbuild.store import NQuadsWriter, StoreError, dataset_from_store, write_article_graphs

NEWS = Path(__file__).parent / "scale" / "news.jsonl"


def write_corpus(path: Path, count: int) -> Path:
    """``count`` short articles (made from the test news, under new ids) as JSON Lines."""
    records = [json.loads(line) for line in NEWS.read_text(encoding="utf-8").splitlines()]
    with path.open("w", encoding="utf-8") as out:
        for n in range(count):
            record = records[n % len(records)]
            out.write(json.dumps({**record, "id": f"{record['id']}-{n}"}) + "\n")
    return path


def store_quads(path: Path) -> set[str]:
    return {str(quad) for quad in pyoxigraph.Store.read_only(str(path))}


# --- N-Quads writing -------------------------------------------------------------------------

def test_nquads_writer_keeps_every_kind_of_term(tmp_path):
    graph = rdflib.Graph(identifier=rdflib.URIRef("https://example.org/graph/terms"))
    thing = rdflib.URIRef("https://example.org/id/caf%C3%A9")
    label = rdflib.RDFS.label
    for text in ('quote " backslash \\ tab \t', "line\nbreak and\r\nreturn", "ünïcödé — “curly” \u2028 sep", ""):
        graph.add((thing, label, rdflib.Literal(text)))
    graph.add((thing, label, rdflib.Literal("Lisboa", lang="pt")))
    graph.add((thing, rdflib.URIRef("https://example.org/p/n"), rdflib.Literal(0.9, datatype=rdflib.XSD.decimal)))
    graph.add((thing, rdflib.URIRef("https://example.org/p/d"), rdflib.Literal("2031-03-04", datatype=rdflib.XSD.date)))
    graph.add((thing, rdflib.URIRef("https://example.org/p/b"), rdflib.BNode("weird id!")))
    store = pyoxigraph.Store()
    assert write_article_graphs(store, [graph]) == len(graph)
    assert isomorphic(dataset_from_store(store).graph(graph.identifier), graph)


def test_nquads_writer_refuses_an_iri_it_cannot_write():
    graph = rdflib.Graph(identifier=rdflib.URIRef("https://example.org/graph/bad"))
    graph.add((rdflib.URIRef("https://example.org/a b"), rdflib.RDFS.label, rdflib.Literal("x")))
    with pytest.raises(StoreError, match="a b"):
        NQuadsWriter().graph(graph)


def test_a_batch_replaces_the_graphs_it_names_and_keeps_the_others():
    store = pyoxigraph.Store()
    old, other = (rdflib.Graph(identifier=article_graph_iri(i)) for i in ("a1", "a2"))
    for graph, word in ((old, "old"), (other, "other")):
        graph.add((rdflib.URIRef("https://example.org/x"), rdflib.RDFS.label, rdflib.Literal(word)))
    write_article_graphs(store, [old, other])
    new = rdflib.Graph(identifier=article_graph_iri("a1"))
    new.add((rdflib.URIRef("https://example.org/x"), rdflib.RDFS.label, rdflib.Literal("new")))
    write_article_graphs(store, [new])
    labels = {(q.graph_name.value, q.object.value) for q in store}
    assert labels == {(str(article_graph_iri("a1")), "new"), (str(article_graph_iri("a2")), "other")}


# --- chunks and streaming --------------------------------------------------------------------

def test_a_chunk_is_the_mapped_graphs_of_its_articles(sentencizer):
    articles = tuple(read_articles([NEWS]))
    resources = load_resources()
    result = build_chunk(Chunk(start=0, articles=articles), ChunkTools(nlp=sentencizer, resources=resources, validate="none"))
    assert result.articles == len(articles) and not result.problems
    loaded = pyoxigraph.Store()
    loaded.load(result.nquads, format=pyoxigraph.RdfFormat.N_QUADS)
    dataset = dataset_from_store(loaded)
    for article, doc in zip(articles, sentencizer.pipe(a.text for a in articles)):
        expected = extraction_to_graph(extract_article(doc, article, resources=resources))
        assert isomorphic(dataset.graph(expected.identifier), expected), article.id
    assert result.triples == len(loaded)
    assert result.words == sum(len(a.text.split()) for a in articles)


def test_the_build_reads_lazily_one_chunk_ahead_at_most(tmp_path, sentencizer):
    corpus = write_corpus(tmp_path / "corpus.jsonl", 40)
    seen: list[BuildProgress] = []
    report = build([corpus], store=tmp_path / "store", nlp=sentencizer, validate="none", batch_size=10,
                   on_progress=seen.append)
    assert report.articles == 40
    assert [p.articles for p in seen] == list(range(10, 50, 10))  # chunks of up to CHUNK_SIZE articles
    assert [p.written for p in seen] == [p.articles for p in seen]  # one write per batch of 10
    # In this process, a chunk is read, built and written before the next one is read.
    assert all(p.read == p.articles for p in seen)


def test_chunks_are_smaller_than_write_batches(tmp_path, sentencizer):
    corpus = write_corpus(tmp_path / "corpus.jsonl", 2 * CHUNK_SIZE + 2)
    seen: list[BuildProgress] = []
    build([corpus], store=tmp_path / "store", nlp=sentencizer, validate="none", batch_size=1000, on_progress=seen.append)
    assert [(p.articles, p.written) for p in seen] == [
        (CHUNK_SIZE, 0), (2 * CHUNK_SIZE, 0), (2 * CHUNK_SIZE + 2, 0), (2 * CHUNK_SIZE + 2, 2 * CHUNK_SIZE + 2)
    ]


def test_an_article_whose_extraction_fails_is_reported_and_the_others_built(tmp_path, sentencizer, monkeypatch):
    def failing(doc, article, *, resources):
        if article.id == "grain-deal":
            raise ValueError("a rule tripped")
        return extract_article(doc, article, resources=resources)

    monkeypatch.setattr(pipeline, "extract_article", failing)
    problems = []
    report = build([NEWS], store=tmp_path / "store", nlp=sentencizer, validate="none", on_problem=problems.append)
    assert report.articles == 7
    assert [str(p) for p in problems] == [f"{NEWS}:5: article 'grain-deal' not built: ValueError: a rule tripped"]
    assert report.problems == tuple(problems)


@pytest.mark.parametrize(("mode", "count"), [("all", 25), ("sample", SAMPLE_HEAD), ("none", 0), (True, 25), (False, 0)])
def test_validation_modes(tmp_path, sentencizer, mode, count):
    corpus = write_corpus(tmp_path / "corpus.jsonl", 25)  # positions 0..24: the sample is the head only
    assert SAMPLE_HEAD < 25 < pipeline.SAMPLE_EVERY
    report = build([corpus], store=tmp_path / "store", nlp=sentencizer, validate=mode)
    assert report.validated == count


@pytest.mark.parametrize(
    "options",
    [{"workers": 0}, {"executor": "spark"}, {"scheduler": "tcp://127.0.0.1:1"}, {"batch_size": 0}, {"validate": "some"}],
)
def test_bad_build_options_are_refused_before_any_work(tmp_path, options):
    with pytest.raises(BuildOptionError):
        build([NEWS], store=tmp_path / "store", **options)
    assert not (tmp_path / "store").exists()


def test_bad_build_options_are_one_line_cli_errors(tmp_path, capsys):
    code = cli.main(["build", str(NEWS), "--store", str(tmp_path / "s"), "--scheduler", "tcp://127.0.0.1:1"])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "--executor dask" in err


@pytest.mark.model
def test_two_worker_processes_build_the_same_graph_as_one(tmp_path, nlp):
    corpus = write_corpus(tmp_path / "corpus.jsonl", 12)
    one = build([corpus], store=tmp_path / "one", nlp=nlp, validate="sample")
    two = build([corpus], store=tmp_path / "two", workers=2, batch_size=3, validate="sample")
    assert store_quads(tmp_path / "one") == store_quads(tmp_path / "two")
    assert (two.articles, two.facts, two.triples, two.validated) == (one.articles, one.facts, one.triples, one.validated)
    assert sorted(two.violations) == sorted(one.violations)


# --- progress ---------------------------------------------------------------------------------

def test_count_articles_counts_txt_files_and_jsonl_lines(tmp_path):
    (tmp_path / "a.txt").write_text("One article.")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.jsonl").write_text('{"id": "b1"}\n\n{"id": "b2"}\n')
    (tmp_path / "notes.md").write_text("not an article")
    assert count_articles([tmp_path]) == 3
    assert count_articles([tmp_path / "missing.jsonl"]) == 0


def test_progress_log_lines_give_articles_rate_facts_and_eta():
    out = io.StringIO()
    ticks = iter([0.0, 5.0, 12.0, 14.0, 30.0])
    display = ProgressDisplay(out, style="log", total=1000, interval=10, clock=lambda: next(ticks))
    for articles in (100, 200, 300, 400):
        display(BuildProgress(articles=articles, written=articles, unchanged=0, read=articles, words=articles * 300,
                              facts=articles * 5, triples=0, seconds=articles / 10))
    lines = out.getvalue().splitlines()
    assert lines == [
        "kgbuild: 200/1,000 articles (20%), 3,000 words/s, 1,000 facts, ETA 1:20",
        "kgbuild: 400/1,000 articles (40%), 3,000 words/s, 2,000 facts, ETA 1:00",
    ]


def test_progress_bar_redraws_one_line_and_ends_it():
    out = io.StringIO()
    display = ProgressDisplay(out, style="bar", total=4, interval=0)
    display(BuildProgress(articles=1, written=1, unchanged=1, read=2, words=100, facts=3, triples=9, seconds=1.0))
    display.close()
    text = out.getvalue()
    assert text.startswith("\r[############............] 2/4 articles (50%), 1 unchanged, 100 words/s, 3 facts, ETA 0:02")
    assert text.endswith("\n") and text.count("\n") == 1

"""The end of a build with workers: the last chunk shared among them, and the chunks after the input's end written as they come."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph

from kgbuild import pipeline
from kgbuild.facts import Article
from kgbuild.pipeline import CHUNK_SIZE, build
from kgbuild.store import write_nquads

NEWS = Path(__file__).parent / "scale" / "news.jsonl"


def articles(count: int) -> list[Article]:
    return [Article(id=f"a{n}", text=f"Article number {n} has one sentence.") for n in range(count)]


def corpus(path: Path, count: int) -> Path:
    records = [json.loads(line) for line in NEWS.read_text(encoding="utf-8").splitlines()]
    with path.open("w", encoding="utf-8") as out:
        for n in range(count):
            out.write(json.dumps({**records[n % len(records)], "id": f"tail-{n}"}) + "\n")
    return path


def test_without_reading_ahead_chunks_are_read_one_at_a_time():
    read: list[str] = []

    def source():
        for article in articles(7):
            read.append(article.id)
            yield article

    chunks = pipeline._chunked(source(), 3)
    first = next(chunks)
    assert [a.id for a in first.articles] == ["a0", "a1", "a2"] and read == ["a0", "a1", "a2"]
    assert [(c.start, len(c.articles)) for c in chunks] == [(3, 3), (6, 1)]


def test_reading_ahead_finds_the_last_chunk_and_cuts_it_among_the_workers():
    read: list[str] = []
    ended_before: list[int] = []
    given: list[int] = []

    def source():
        for article in articles(8):
            read.append(article.id)
            yield article

    chunks = pipeline._chunked(source(), 3, ahead=True, tail=2, on_end=lambda: ended_before.append(len(given)))
    first = next(chunks)
    given.append(first.start)
    assert len(read) == 4  # one article ahead of the chunk given out, no more
    for chunk in chunks:
        given.append(chunk.start)
        assert chunk.articles == tuple(articles(8)[chunk.start:chunk.start + len(chunk.articles)])
    # 8 articles in chunks of 3: 0-2, 3-5, and the last chunk (6-7) cut in two for two workers
    assert given == [0, 3, 6, 7]
    assert ended_before == [2]  # the end was known before the last chunk was given out


def test_a_short_last_chunk_is_cut_into_no_more_pieces_than_articles():
    chunks = list(pipeline._chunked(iter(articles(4)), 3, ahead=True, tail=4))
    assert [(c.start, len(c.articles)) for c in chunks] == [(0, 3), (3, 1)]
    assert list(pipeline._chunked(iter(()), 3, ahead=True, tail=2)) == []


def test_two_workers_write_each_chunk_after_the_input_ends_and_build_the_same_store(tmp_path, sentencizer, monkeypatch):
    source = corpus(tmp_path / "corpus.jsonl", 2 * CHUNK_SIZE + 2)
    one = build([source], store=tmp_path / "one", nlp=sentencizer, validate="none")
    writes: list[list[str]] = []

    def recording_write(store, data, *, replace=()):
        writes.append(list(replace))
        write_nquads(store, data, replace=replace)

    monkeypatch.setattr(pipeline, "write_nquads", recording_write)  # the parent writes; the workers only build
    two = build([source], store=tmp_path / "two", nlp=sentencizer, validate="none", workers=2, batch_size=1000)
    # The whole corpus fits in one batch of 1,000; the input's end is read while the workers still
    # build, so each chunk is written as it comes and the last two articles went to both workers.
    assert [len(w) for w in writes] == [CHUNK_SIZE, CHUNK_SIZE, 1, 1]
    assert (two.articles, two.triples) == (one.articles, one.triples)
    quads = [sorted(str(q) for q in pyoxigraph.Store.read_only(str(tmp_path / name))) for name in ("one", "two")]
    assert quads[0] == quads[1]

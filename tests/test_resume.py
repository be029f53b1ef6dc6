"""Resumable, incremental builds: unchanged articles are skipped, changed ones replaced, interrupted builds finished."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph
import pytest

from kgbuild import cli
from kgbuild.mapping import GRAPH_FORMAT, article_graph_iri
from kgbuild.namespace import DIP
from kgbuild.pipeline import BuildProgress, build
from kgbuild.store import open_store

pytestmark = pytest.mark.model

NEWS = Path(__file__).parent / "scale" / "news.jsonl"


def store_quads(path: Path) -> set[str]:
    return {str(quad) for quad in pyoxigraph.Store.read_only(str(path))}


def graph_quads(quads: set[str], article_id: str) -> set[str]:
    name = f"<{article_graph_iri(article_id)}>"
    return {quad for quad in quads if quad.endswith(f" {name}")}


def article_ids() -> list[str]:
    return [json.loads(line)["id"] for line in NEWS.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def reference(tmp_path_factory, nlp) -> set[str]:
    """The quads of one uninterrupted build of the test news."""
    store = tmp_path_factory.mktemp("reference") / "store"
    report = build([NEWS], store=store, nlp=nlp, validate="none")
    assert report.articles == len(article_ids())
    return store_quads(store)


def test_a_second_build_skips_unchanged_articles(tmp_path, nlp, reference):
    store = tmp_path / "store"
    build([NEWS], store=store, nlp=nlp, validate="none")
    again = build([NEWS], store=store, nlp=nlp, validate="none")
    assert (again.articles, again.unchanged, again.triples) == (0, len(article_ids()), 0)
    assert store_quads(store) == reference


def test_a_changed_article_is_rebuilt_and_its_graph_replaced(tmp_path, nlp, reference):
    store = tmp_path / "store"
    build([NEWS], store=store, nlp=nlp, validate="none")
    lines = NEWS.read_text(encoding="utf-8").splitlines()
    first = json.loads(lines[0])
    first["text"] = "Chilean President Marta Oyarce cancelled her trip to Oslo. Chile condemned the new tariffs."
    changed = tmp_path / "changed.jsonl"
    changed.write_text("\n".join([json.dumps(first), *lines[1:]]) + "\n", encoding="utf-8")

    report = build([changed], store=store, nlp=nlp, validate="none")
    assert (report.articles, report.unchanged) == (1, len(lines) - 1)
    fresh = tmp_path / "fresh"
    build([changed], store=fresh, nlp=nlp, validate="none")
    assert store_quads(store) == store_quads(fresh)  # nothing left of the old text
    assert graph_quads(store_quads(store), first["id"]) != graph_quads(reference, first["id"])


@pytest.mark.parametrize("stored_format", [None, GRAPH_FORMAT - 1])
def test_a_graph_of_another_format_is_rebuilt_with_its_text_unchanged(tmp_path, nlp, reference, stored_format):
    """A store built by an older kgbuild (no dip:graphFormat, or an older one) lacks what the
    queries now read: the next build rebuilds those graphs, and only those."""
    store = tmp_path / "store"
    build([NEWS], store=store, nlp=nlp, validate="none")
    first = article_ids()[0]
    graph = pyoxigraph.NamedNode(str(article_graph_iri(first)))
    database = open_store(store)
    [old] = list(database.quads_for_pattern(None, pyoxigraph.NamedNode(str(DIP.graphFormat)), None, graph))
    database.remove(old)
    if stored_format is not None:
        database.add(pyoxigraph.Quad(old.subject, old.predicate, pyoxigraph.Literal(str(stored_format), datatype=old.object.datatype), graph))
    database.flush()
    del database

    report = build([NEWS], store=store, nlp=nlp, validate="none")
    assert (report.articles, report.unchanged) == (1, len(article_ids()) - 1)
    assert store_quads(store) == reference


def test_force_rebuilds_unchanged_articles(tmp_path, nlp, reference):
    store = tmp_path / "store"
    build([NEWS], store=store, nlp=nlp, validate="none")
    again = build([NEWS], store=store, nlp=nlp, validate="none", force=True)
    assert (again.articles, again.unchanged) == (len(article_ids()), 0)
    assert store_quads(store) == reference


def test_an_interrupted_build_keeps_written_articles_and_the_next_build_finishes(tmp_path, nlp, reference):
    store = tmp_path / "store"
    seen: list[BuildProgress] = []

    def interrupt(progress: BuildProgress) -> None:
        seen.append(progress)
        raise KeyboardInterrupt  # as Ctrl-C would, right after the first batch is written

    with pytest.raises(KeyboardInterrupt):
        build([NEWS], store=store, nlp=nlp, validate="none", batch_size=3, on_progress=interrupt)
    assert seen[0].articles == 3
    kept = store_quads(store)
    built = [i for i in article_ids() if graph_quads(kept, i)]
    assert len(built) == 3
    for article_id in built:  # each article written is complete
        assert graph_quads(kept, article_id) == graph_quads(reference, article_id)

    rest = build([NEWS], store=store, nlp=nlp, validate="none", batch_size=3)
    assert (rest.articles, rest.unchanged) == (len(article_ids()) - 3, 3)
    assert store_quads(store) == reference


def test_a_killed_build_leaves_each_article_complete_or_absent(tmp_path, nlp):
    """SIGKILL a build process in the middle; every article graph in the store is whole; a rerun finishes."""
    corpus = tmp_path / "news.jsonl"  # the test news four times over, so that the build runs long enough to kill
    records = [json.loads(line) for line in NEWS.read_text(encoding="utf-8").splitlines()]
    corpus.write_text("".join(json.dumps({**r, "id": f"{r['id']}-{n}"}) + "\n" for n in range(4) for r in records))
    ids = [f"{r['id']}-{n}" for n in range(4) for r in records]
    build([corpus], store=tmp_path / "reference", nlp=nlp, validate="none")
    reference = store_quads(tmp_path / "reference")

    store = tmp_path / "store"
    command = [sys.executable, "-m", "kgbuild", "build", str(corpus), "--store", str(store), "--batch-size", "1",
               "--no-validate", "--progress", "off"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and process.poll() is None and _named_graphs(store) < 2:
            time.sleep(0.02)
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.wait(timeout=60)
    assert process.returncode == -signal.SIGKILL, process.stderr.read().decode() if process.stderr else ""

    kept = store_quads(store)
    built = [i for i in ids if graph_quads(kept, i)]
    assert 2 <= len(built) < len(ids)
    for article_id in built:
        assert graph_quads(kept, article_id) == graph_quads(reference, article_id), article_id

    assert cli.main(["build", str(corpus), "--store", str(store), "--no-validate", "--progress", "off"]) == 0
    assert store_quads(store) == reference
    assert not list(store.glob("bulk-*.sst"))  # what a killed bulk load leaves is cleared


def _named_graphs(store: Path) -> int:
    if not (store / "CURRENT").exists():
        return 0
    try:
        return sum(1 for _ in pyoxigraph.Store.read_only(str(store)).named_graphs())
    except (OSError, RuntimeError):  # the writer is still creating the store
        return 0


def test_the_cli_reports_unchanged_articles_and_succeeds(tmp_path, capsys):
    store = tmp_path / "store"
    assert cli.main(["build", str(NEWS), "--store", str(store), "--no-validate"]) == 0
    capsys.readouterr()
    assert cli.main(["build", str(NEWS), "--store", str(store), "--no-validate"]) == 0
    out = capsys.readouterr().out
    assert "built 0 article(s)" in out and f"{len(article_ids())} unchanged article(s) kept" in out
    assert open_store(store) is not None  # the lock was released

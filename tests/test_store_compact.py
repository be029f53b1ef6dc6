"""Compacting the embedded store: same quads, one-line errors, and the CLI's two ways in."""

from __future__ import annotations

import pyoxigraph
import pytest
from test_store import extraction

from kgbuild import cli
from kgbuild.mapping import extraction_to_graph
from kgbuild.store import (
    StoreError,
    StoreInUse,
    compact,
    open_store,
    write_article_graphs,
)


def sorted_dump(path) -> list[bytes]:
    store = pyoxigraph.Store.read_only(str(path))
    return sorted(store.dump(format=pyoxigraph.RdfFormat.N_QUADS).splitlines())


@pytest.fixture
def written(tmp_path):
    """A store written in twelve batches, each flushed to a file of its own."""
    path = tmp_path / "store"
    store = open_store(path)
    for number in range(12):
        write_article_graphs(store, [extraction_to_graph(extraction(f"a{number}"))])
        store.flush()
    del store
    return path


def test_compaction_keeps_every_quad(written):
    before = sorted_dump(written)
    done = compact(written)
    assert sorted_dump(written) == before
    assert len(before) > 12 * 10  # twelve article graphs of facts, evidence and labels
    assert done.size_bytes > 0 and done.seconds >= 0


def test_compaction_of_a_store_in_use_or_missing_fails_clearly(written, tmp_path):
    holder = open_store(written)
    with pytest.raises(StoreInUse, match="in use"):
        compact(written)
    del holder
    with pytest.raises(StoreError, match="no store at"):
        compact(tmp_path / "nowhere")


def test_compact_command_reports_and_errors_in_one_line(written, tmp_path, capsys):
    before = sorted_dump(written)
    assert cli.main(["compact", "--store", str(written)]) == 0
    assert capsys.readouterr().out.startswith(f"compacted {written} in ")
    assert sorted_dump(written) == before

    assert cli.main(["compact", "--store", str(tmp_path / "nowhere")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no store here" in err

    holder = open_store(written)
    assert cli.main(["compact", "--store", str(written)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "is in use" in err
    del holder


def test_build_with_compact_compacts_at_the_end(tmp_path, capsys):
    article = tmp_path / "talks.txt"
    article.write_text("Prime Minister Lena Koss of Estmark met President Ivo Brand of Norland in Tallinn on Monday.\n",
                       encoding="utf-8")
    store = tmp_path / "store"
    assert cli.main(["build", str(article), "--store", str(store), "--no-validate", "--progress", "off", "--compact"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("built 1 article(s)")
    assert lines[1].startswith(f"compacted {store} in ")
    assert sorted_dump(store)  # the built graph is there after compaction

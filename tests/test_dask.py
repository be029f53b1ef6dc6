"""The dask executor: a build spread over a LocalCluster of two workers gives the single-process graph."""

from __future__ import annotations

import json
from pathlib import Path

import dask
import pyoxigraph
import pytest
from distributed import LocalCluster
from rdflib.compare import isomorphic

from kgbuild import cli
from kgbuild.pipeline import BuildOptionError, build
from kgbuild.store import dataset_from_store, open_store

pytestmark = pytest.mark.model

NEWS = Path(__file__).parent / "scale" / "news.jsonl"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The test news twice over (16 articles), so that two workers each get several chunks."""
    path = tmp_path_factory.mktemp("corpus") / "news.jsonl"
    records = [json.loads(line) for line in NEWS.read_text(encoding="utf-8").splitlines()]
    path.write_text("".join(json.dumps({**r, "id": f"{r['id']}-{n}"}) + "\n" for n in range(2) for r in records))
    return path


@pytest.fixture(scope="module")
def single(tmp_path_factory, corpus, nlp) -> Path:
    store = tmp_path_factory.mktemp("single") / "store"
    build([corpus], store=store, nlp=nlp, validate="all")
    return store


def assert_same_graph(left: Path, right: Path) -> None:
    a, b = (dataset_from_store(pyoxigraph.Store.read_only(str(p))) for p in (left, right))
    names = sorted(str(g.identifier) for g in a.graphs() if len(g))
    assert names == sorted(str(g.identifier) for g in b.graphs() if len(g))
    for name in names:
        assert isomorphic(a.graph(name), b.graph(name)), name


def test_a_local_dask_cluster_of_two_workers_builds_the_single_process_graph(tmp_path, corpus, single):
    store = tmp_path / "store"
    report = build([corpus], store=store, executor="dask", workers=2, batch_size=3, validate="all")
    assert (report.articles, report.validated) == (16, 16)
    assert_same_graph(single, store)
    again = build([corpus], store=store, executor="dask", workers=2, batch_size=3)
    assert (again.articles, again.unchanged) == (0, 16)  # resuming works the same on the cluster


def test_the_cli_sends_the_work_to_a_running_scheduler(tmp_path, corpus, single, capsys):
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address="127.0.0.1:0") as cluster:
        store = tmp_path / "store"
        code = cli.main(["build", str(corpus), "--store", str(store), "--executor", "dask",
                         "--scheduler", cluster.scheduler_address, "--batch-size", "2"])
        out = capsys.readouterr().out
        assert code == 0, out
        assert "built 16 article(s)" in out
        assert sum(cluster.scheduler.workers[w].nthreads for w in cluster.scheduler.workers) == 2
    assert_same_graph(single, store)


def test_an_unreachable_scheduler_is_a_build_option_error(tmp_path):
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        with pytest.raises(BuildOptionError, match="127.0.0.1:9"):
            build([NEWS], store=tmp_path / "store", executor="dask", scheduler="tcp://127.0.0.1:9")
    open_store(tmp_path / "store")  # the store is released

"""Push, remote queries and bulk loading against a real Virtuoso (Debian's virtuoso-opensource).

The server is the test's own: an ini in a temporary folder, loopback ports,
a user with SPARQL_UPDATE for Digest authentication on ``/sparql-auth`` and
``/sparql-graph-crud-auth``, and a small ``ResultSetMaxRows``.
"""

from __future__ import annotations

import dataclasses
import json
import warnings
from pathlib import Path

import pytest
import rdflib
from servers import VIRTUOSO_PASSWORD, VIRTUOSO_USER, Virtuoso, require_binary, run_cli
from test_query import CASES, corpus

from kgbuild import api
from kgbuild.mapping import article_graph_iri, extraction_to_graph
from kgbuild.remote import INSERT_DATA_TRIPLES, Credentials, PushError, Remote, RemoteAuthError, push
from kgbuild.sparql import QueryError, QueryResult, ResultsTruncatedWarning, run_query
from kgbuild.store import article_graphs, count_triples, export, open_store, write_article_graphs

DATA = Path(__file__).resolve().parent / "data"
SIZES = DATA / "graph_sizes.rq"
TRIPLES = DATA / "graph_triples.rq"
ALL = DATA / "all_triples.rq"
REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "000_0aaa81bd92fafe41.txt"
MAX_ROWS = 1000
CREDENTIALS = Credentials(VIRTUOSO_USER, VIRTUOSO_PASSWORD)


@pytest.fixture(scope="session")
def virtuoso(tmp_path_factory):
    binary = require_binary("virtuoso-t", "apt-get install virtuoso-opensource")
    isql = require_binary("isql-vt", "apt-get install virtuoso-opensource")
    server = Virtuoso(binary, isql, tmp_path_factory.mktemp("virtuoso"), max_rows=MAX_ROWS).start()
    yield server
    server.stop()


@pytest.fixture
def remote(virtuoso):
    """The session's Virtuoso without any kgbuild graph."""
    graphs = [row[0] for row in run_query(SIZES, endpoint=virtuoso.query).rows]
    if graphs:
        virtuoso.isql(*(f"SPARQL CLEAR GRAPH <{graph}>;" for graph in graphs), "checkpoint;")
    return virtuoso


@pytest.fixture(scope="module")
def local(tmp_path_factory):
    store = open_store(tmp_path_factory.mktemp("local") / "store")
    write_article_graphs(store, (extraction_to_graph(e) for e in corpus()))
    return store


def gsp(server: Virtuoso, **options) -> Remote:
    return Remote(server.gsp_auth, "gsp", credentials=CREDENTIALS, **options)


def update(server: Virtuoso, **options) -> Remote:
    return Remote(server.update_auth, "update", credentials=CREDENTIALS, **options)


def remote_sizes(endpoint: str) -> dict[str, int]:
    return {graph: int(n) for graph, n in run_query(SIZES, endpoint=endpoint).rows}


def same_graphs(local, endpoint: str) -> None:
    assert run_query(SIZES, endpoint=endpoint) == run_query(SIZES, store=local)
    for graph in article_graphs(local):
        params = {"graph": graph}
        there = run_query(TRIPLES, endpoint=endpoint, params=params)
        here = run_query(TRIPLES, store=local, params=params)
        assert sorted(there.rows) == sorted(here.rows), graph  # Virtuoso orders strings its own way


def label_lists_sorted(result: QueryResult) -> list[tuple]:
    """Rows with each " | "-joined list sorted: GROUP_CONCAT's order is unspecified, and Virtuoso's differs."""
    return [tuple(" | ".join(sorted(v.split(" | "))) if v else v for v in row) for row in result.rows]


# ---- push and query ----------------------------------------------------------------------------


@pytest.mark.parametrize("protocol", ["gsp", "update"])
def test_push_with_digest_and_every_query_answers_as_locally(local, remote, protocol):
    report = push(local, gsp(remote) if protocol == "gsp" else update(remote))
    assert (report.graphs, report.triples) == (3, count_triples(local))
    same_graphs(local, remote.query)
    for name, params in CASES:
        there = run_query(name, endpoint=remote.query, params=params)
        here = run_query(name, store=local, params=params)
        assert there.columns == here.columns
        if name == "facts":  # its label columns join several labels
            assert label_lists_sorted(there) == label_lists_sorted(here)
        else:
            assert there == here, name


@pytest.mark.parametrize("protocol", ["gsp", "update"])
def test_pushing_twice_equals_pushing_once_and_a_change_touches_one_graph(remote, tmp_path, protocol):
    store = open_store(tmp_path / "store")
    extractions = corpus()
    write_article_graphs(store, (extraction_to_graph(e) for e in extractions))
    target = gsp(remote) if protocol == "gsp" else update(remote)
    push(store, target)
    once = remote_sizes(remote.query)
    push(store, target)
    assert remote_sizes(remote.query) == once

    changed = extractions[2]
    write_article_graphs(store, [extraction_to_graph(dataclasses.replace(changed, facts=changed.facts[1:]))])
    name = str(article_graph_iri(changed.article.id))
    others = {g: sorted(run_query(TRIPLES, endpoint=remote.query, params={"graph": g}).rows) for g in once if g != name}
    push(store, target)
    after = remote_sizes(remote.query)
    assert after[name] < once[name]
    for graph, rows in others.items():
        assert after[graph] == once[graph]
        assert sorted(run_query(TRIPLES, endpoint=remote.query, params={"graph": graph}).rows) == rows
    same_graphs(store, remote.query)


def big_graph(article_id: str, triples: int) -> rdflib.Graph:
    graph = rdflib.Graph(identifier=article_graph_iri(article_id))
    for n in range(triples):
        graph.add((rdflib.URIRef(f"https://w3id.org/kgbuild/id/person/p{n}"), rdflib.RDFS.label,
                   rdflib.Literal(f"Person «{n}» \"quoted\"", lang="en")))
    return graph


@pytest.fixture(scope="module")
def big_store(tmp_path_factory):
    """One graph larger than Virtuoso's parser takes in one INSERT DATA, and than its ResultSetMaxRows."""
    store = open_store(tmp_path_factory.mktemp("big") / "store")
    write_article_graphs(store, [big_graph("big", 3 * INSERT_DATA_TRIPLES + 11)])
    return store


@pytest.mark.parametrize("protocol", ["gsp", "update"])
def test_a_large_graph_goes_in_one_request(big_store, remote, protocol):
    report = push(big_store, gsp(remote) if protocol == "gsp" else update(remote))
    assert report.requests <= 4  # the probe (twice with Digest's challenge), then the graph in one request
    assert remote_sizes(remote.query) == {str(article_graph_iri("big")): count_triples(big_store)}


@pytest.fixture(scope="module")
def oversized_store(tmp_path_factory):
    """The invented world, with a literal in orland-2 too long for Virtuoso (it fails mid-load)."""
    store = open_store(tmp_path_factory.mktemp("oversized") / "store")
    graphs = [extraction_to_graph(e) for e in corpus()]
    graphs[1].add((rdflib.URIRef("https://w3id.org/kgbuild/id/topic/tariff-plan"), rdflib.RDFS.comment,
                   rdflib.Literal("x" * 20_000_000)))
    write_article_graphs(store, graphs)
    return store


@pytest.mark.parametrize("protocol", ["gsp", "update"])
def test_a_failed_push_leaves_no_half_written_graph(local, oversized_store, remote, protocol):
    target = gsp(remote) if protocol == "gsp" else update(remote)
    push(local, target)
    before = remote_sizes(remote.query)
    name = str(article_graph_iri("orland-2"))
    with pytest.raises(PushError) as failure:
        push(oversized_store, target, graphs=[name])
    message = str(failure.value)
    assert "\n" not in message and failure.value.graph == name and "HTTP 500" in message
    after = remote_sizes(remote.query)
    if protocol == "update":  # one transaction: the graph is as it was
        assert after == before
        assert sorted(run_query(TRIPLES, endpoint=remote.query, params={"graph": name}).rows) == sorted(
            run_query(TRIPLES, store=local, params={"graph": name}).rows)
    else:  # Virtuoso's PUT had already replaced part of the graph: kgbuild removed it
        assert "removed rather than left half-written" in message
        assert after == {g: n for g, n in before.items() if g != name}


# ---- authentication and refusals -------------------------------------------------------------


def test_auth_endpoints_demand_digest_credentials(local, remote):
    with pytest.raises(RemoteAuthError, match="asks for credentials"):
        push(local, Remote(remote.gsp_auth, "gsp"))
    wrong = Credentials(VIRTUOSO_USER, "not-" + VIRTUOSO_PASSWORD)
    with pytest.raises(RemoteAuthError) as failure:
        push(local, Remote(remote.gsp_auth, "gsp", credentials=wrong))
    assert VIRTUOSO_PASSWORD not in str(failure.value)
    assert remote_sizes(remote.query) == {}


def test_remote_queries_authenticate_with_digest(local, remote):
    push(local, gsp(remote))
    for name, params in CASES[:4]:
        there = run_query(name, endpoint=remote.update_auth, params=params, credentials=CREDENTIALS)
        assert sorted(there.rows, key=str) == sorted(run_query(name, store=local, params=params).rows, key=str)
    with pytest.raises(QueryError, match="asks for credentials"):
        run_query(SIZES, endpoint=remote.update_auth)
    with pytest.raises(QueryError, match=f"refused the credentials of user '{VIRTUOSO_USER}'") as failure:
        run_query(SIZES, endpoint=remote.update_auth, credentials=Credentials(VIRTUOSO_USER, "not-" + VIRTUOSO_PASSWORD))
    assert VIRTUOSO_PASSWORD not in str(failure.value)
    shown = run_cli("query", str(SIZES), "--endpoint", remote.update_auth, "--user", VIRTUOSO_USER, "--format", "csv",
                    env={"KGBUILD_PASSWORD": VIRTUOSO_PASSWORD})
    assert shown.returncode == 0, shown.stderr
    assert len(shown.stdout.splitlines()) == 1 + len(article_graphs(local))
    assert VIRTUOSO_PASSWORD not in shown.stdout + shown.stderr


def test_anonymous_update_is_refused_until_granted(local, remote):
    with pytest.raises(PushError) as failure:
        push(local, Remote(remote.query, "update"))
    message = str(failure.value)
    assert "\n" not in message and "No permission" in message
    assert failure.value.graph == article_graphs(local)[0]
    assert remote_sizes(remote.query) == {}
    remote.isql('GRANT SPARQL_UPDATE TO "SPARQL";')
    try:
        push(local, Remote(remote.query, "update"))
    finally:
        remote.isql('REVOKE SPARQL_UPDATE FROM "SPARQL";')
    same_graphs(local, remote.query)


# ---- results cut at ResultSetMaxRows ---------------------------------------------------------


def test_truncated_results_raise_a_warning(big_store, remote):
    push(big_store, gsp(remote))
    with pytest.warns(ResultsTruncatedWarning, match=f"limit of {MAX_ROWS} rows"):
        result = run_query(ALL, endpoint=remote.query)
    assert len(result.rows) == MAX_ROWS < count_triples(big_store)
    with warnings.catch_warnings():
        warnings.simplefilter("error", ResultsTruncatedWarning)
        assert len(run_query(SIZES, endpoint=remote.query).rows) == 1
    shown = run_cli("query", str(ALL), "--endpoint", remote.query, "--format", "csv")
    assert shown.returncode == 0
    assert shown.stderr.startswith("kgbuild: warning: ") and str(MAX_ROWS) in shown.stderr
    assert len(shown.stdout.splitlines()) == MAX_ROWS + 1


def test_remote_query_errors_are_one_line(remote, tmp_path):
    broken = tmp_path / "broken.rq"
    broken.write_text("# name: broken\n# columns: x\nSELECT ?x WHERE { ?x ?p }\n")
    with pytest.raises(QueryError) as failure:
        run_query(broken, endpoint=remote.query)
    assert "\n" not in str(failure.value) and "broken" in str(failure.value)


# ---- the exported files load with Virtuoso's bulk loader --------------------------------------


@pytest.mark.parametrize(("fmt", "suffix"), [("nquads", "nq"), ("trig", "trig")])
def test_export_loads_with_the_bulk_loader(local, remote, tmp_path, fmt, suffix):
    folder = remote.folder / f"load-{fmt}"  # the ini's DirsAllowed lists the server's folder
    folder.mkdir(exist_ok=True)
    export(local, fmt, folder / f"kgbuild.{suffix}")
    remote.isql(
        f"ld_dir('{folder}', '*.{suffix}', 'urn:kgbuild:unused-default');",
        "rdf_loader_run();",
        "checkpoint;",
    )
    errors = remote.isql(
        f"SELECT ll_file, ll_error FROM DB.DBA.LOAD_LIST WHERE ll_file LIKE '{folder}%' AND ll_error IS NOT NULL;"
    )
    assert "0 Rows" in errors, errors
    same_graphs(local, remote.query)


# ---- the reference article, through the real model -------------------------------------------


@pytest.mark.model
def test_reference_article_pushed_to_virtuoso_answers_like_the_local_store(remote, tmp_path):
    if not REFERENCE.is_file():
        pytest.fail(f"the reference article is missing: {REFERENCE}")
    folder = tmp_path / "store"
    report = api.build([REFERENCE], store=folder)
    env = {"KG_VIRTUOSO_PASSWORD": VIRTUOSO_PASSWORD}
    pushed = run_cli("push", "--store", str(folder), "--gsp", remote.gsp_auth, "--user", VIRTUOSO_USER,
                     "--password-env", "KG_VIRTUOSO_PASSWORD", env=env)
    assert pushed.returncode == 0, pushed.stderr
    assert f"{report.triples} triples" in pushed.stdout and VIRTUOSO_PASSWORD not in pushed.stdout + pushed.stderr
    question = ("query", "summit_attendees", "--param", "event=Vilnius", "--format", "json")
    here = run_cli(*question, "--store", str(folder))
    there = run_cli(*question, "--endpoint", remote.query)
    assert there.returncode == 0, there.stderr
    rows = json.loads(here.stdout)
    assert json.loads(there.stdout) == rows
    assert {"Fumio Kishida", "Leader of South Korea", "Leader of Australia", "Leader of New Zealand"} <= {
        row["attendee_label"] for row in rows
    }

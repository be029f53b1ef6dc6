"""Push and remote queries against a real Oxigraph server: both protocols, idempotence, subsets, faults, auth."""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import json
import subprocess
from pathlib import Path
from urllib.parse import quote

import pytest
import rdflib
from servers import Fault, FaultProxy, Oxigraph, free_port, require_binary, run_cli
from test_query import CASES, corpus

from kgbuild import api
from kgbuild.facts import Modality
from kgbuild.mapping import article_graph_iri, extraction_to_graph
from kgbuild.remote import (
    INSERT_DATA_TRIPLES,
    Credentials,
    CredentialsError,
    PushError,
    Remote,
    RemoteAuthError,
    RemoteError,
    credentials_for,
    push,
    select_graphs,
)
from kgbuild.retry import RetryPolicy
from kgbuild.sparql import run_query
from kgbuild.store import article_graphs, count_triples, export, open_store, write_article_graphs

DATA = Path(__file__).resolve().parent / "data"
SIZES = DATA / "graph_sizes.rq"
TRIPLES = DATA / "graph_triples.rq"
REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "000_0aaa81bd92fafe41.txt"


@pytest.fixture(scope="session")
def oxigraph(tmp_path_factory):
    server = Oxigraph(require_binary("oxigraph", "pip install oxigraph"), tmp_path_factory.mktemp("oxigraph")).start()
    yield server
    server.stop()


@pytest.fixture
def remote(oxigraph):
    """The session's Oxigraph server, emptied for the test."""
    oxigraph.clear()
    return oxigraph


@pytest.fixture(scope="module")
def local(tmp_path_factory):
    store = open_store(tmp_path_factory.mktemp("local") / "store")
    write_article_graphs(store, (extraction_to_graph(e) for e in corpus()))
    return store


@pytest.fixture
def proxy(oxigraph):
    server = FaultProxy(target=oxigraph.base).start()
    yield server
    server.stop()


def same_graphs(local, endpoint: str) -> None:
    """The remote article graphs hold exactly the local triples."""
    assert run_query(SIZES, endpoint=endpoint) == run_query(SIZES, store=local)
    for graph in article_graphs(local):
        params = {"graph": graph}
        assert run_query(TRIPLES, endpoint=endpoint, params=params) == run_query(TRIPLES, store=local, params=params)


def remote_sizes(endpoint: str) -> dict[str, int]:
    return {graph: int(n) for graph, n in run_query(SIZES, endpoint=endpoint).rows}


# ---- both protocols replicate the store ------------------------------------------------------


@pytest.mark.parametrize("protocol", ["gsp", "update"])
def test_push_replicates_every_graph_and_every_query_answers_the_same(local, remote, protocol):
    url = remote.gsp if protocol == "gsp" else remote.update
    report = push(local, Remote(url, protocol))
    assert (report.graphs, report.triples) == (3, count_triples(local))
    same_graphs(local, remote.query)
    for name, params in CASES:
        assert run_query(name, endpoint=remote.query, params=params) == run_query(name, store=local, params=params)


@pytest.mark.parametrize("protocol", ["gsp", "update"])
def test_pushing_twice_equals_pushing_once_and_a_changed_article_changes_only_its_graph(remote, tmp_path, protocol):
    url = remote.gsp if protocol == "gsp" else remote.update
    store = open_store(tmp_path / "store")
    extractions = corpus()
    write_article_graphs(store, (extraction_to_graph(e) for e in extractions))
    push(store, Remote(url, protocol))
    once = remote_sizes(remote.query)
    push(store, Remote(url, protocol))
    assert remote_sizes(remote.query) == once
    same_graphs(store, remote.query)

    changed = extractions[1]
    fewer = dataclasses.replace(changed, facts=changed.facts[:2])
    write_article_graphs(store, [extraction_to_graph(fewer)])
    others = {g: run_query(TRIPLES, endpoint=remote.query, params={"graph": g}) for g in once
              if g != str(article_graph_iri(changed.article.id))}
    push(store, Remote(url, protocol))
    after = remote_sizes(remote.query)
    assert after[str(article_graph_iri(changed.article.id))] < once[str(article_graph_iri(changed.article.id))]
    assert {g: n for g, n in after.items() if g in others} == {g: once[g] for g in others}
    for graph, rows in others.items():  # untouched, triple for triple
        assert run_query(TRIPLES, endpoint=remote.query, params={"graph": graph}) == rows
    same_graphs(store, remote.query)


def test_update_batches_graphs_and_reports_progress(local, remote):
    seen = []
    together = push(local, Remote(remote.update, "update"), batch_triples=10**6, on_progress=seen.append)
    assert together.requests == 2  # the probe, then one request for all three graphs
    assert [(p.graphs_done, p.graphs_total) for p in seen] == [(3, 3)]
    seen.clear()
    apart = push(local, Remote(remote.update, "update"), batch_triples=1, on_progress=seen.append)
    assert apart.requests == 4
    assert [p.graphs_done for p in seen] == [1, 2, 3]
    assert seen[-1].triples_done == count_triples(local)
    same_graphs(local, remote.query)


def big_graph(article_id: str, triples: int) -> rdflib.Graph:
    graph = rdflib.Graph(identifier=article_graph_iri(article_id))
    label = rdflib.RDFS.label
    for n in range(triples):
        graph.add((rdflib.URIRef(f"https://w3id.org/kgbuild/id/person/p{n}"), label, rdflib.Literal(f"Person «{n}»", lang="en")))
    return graph


@pytest.mark.parametrize("protocol", ["gsp", "update"])
def test_a_graph_larger_than_one_insert_is_still_replaced_whole(remote, tmp_path, protocol):
    store = open_store(tmp_path / "store")
    write_article_graphs(store, [big_graph("big", 2 * INSERT_DATA_TRIPLES + 7)])
    url = remote.gsp if protocol == "gsp" else remote.update
    report = push(store, Remote(url, protocol), batch_triples=100)
    assert report.requests == 2
    same_graphs(store, remote.query)


# ---- subsets ---------------------------------------------------------------------------------


def test_select_graphs_by_article_and_date(local):
    orland_1, orland_2 = (str(article_graph_iri(a)) for a in ("orland-1", "orland-2"))
    assert select_graphs(local) == article_graphs(local)
    assert select_graphs(local, articles=["orland-2", "orland-1"]) == [orland_1, orland_2]
    assert select_graphs(local, since=dt.date(2031, 1, 1)) == [orland_1]  # the only dated article
    assert select_graphs(local, since=dt.date(2031, 3, 2)) == []
    assert select_graphs(local, articles=["orland-2"], since=dt.date(2031, 1, 1)) == []
    with pytest.raises(RemoteError, match="no article 'nowhere'"):
        select_graphs(local, articles=["nowhere"])


def test_push_of_one_article_leaves_the_others_alone(local, remote):
    push(local, Remote(remote.gsp, "gsp"), graphs=select_graphs(local, articles=["orland-1"]))
    assert list(remote_sizes(remote.query)) == [str(article_graph_iri("orland-1"))]


# ---- faults ----------------------------------------------------------------------------------


def test_transient_errors_are_retried(local, remote, proxy):
    proxy.faults = [Fault(times=1), Fault(status=503, times=2)]  # the probe passes, then two 503s
    report = push(local, Remote(proxy.url("/store"), "gsp", retry=RetryPolicy(backoff=0.01)))
    assert report.retries == 2
    same_graphs(local, remote.query)


def test_a_timeout_is_retried(local, remote, proxy):
    proxy.faults = [Fault(times=1), Fault(delay=2, times=1)]
    report = push(local, Remote(proxy.url("/store"), "gsp", timeout=0.5, retry=RetryPolicy(backoff=0.01)))
    assert report.retries == 1
    same_graphs(local, remote.query)


def test_retries_run_out_with_a_one_line_error_naming_the_graph(local, remote, proxy):
    proxy.faults = [Fault(times=1), Fault(status=503, times=100)]
    with pytest.raises(PushError) as failure:
        push(local, Remote(proxy.url("/store"), "gsp", retry=RetryPolicy(retries=2, backoff=0.01)))
    message = str(failure.value)
    assert "\n" not in message
    assert f"<{article_graphs(local)[0]}>" in message and "503" in message and "busy" in message
    assert "tried 3 times" in message
    assert failure.value.graph == article_graphs(local)[0]
    assert remote_sizes(remote.query) == {}


@pytest.mark.parametrize("protocol", ["gsp", "update"])
def test_a_refused_graph_is_named_and_the_graphs_before_it_are_complete(local, remote, proxy, protocol):
    proxy.reject = b"/orland-2>"
    with pytest.raises(PushError) as failure:
        push(local, Remote(proxy.url("/store" if protocol == "gsp" else "/update"), protocol))
    message = str(failure.value)
    assert failure.value.graph == str(article_graph_iri("orland-2"))
    assert "orland-2" in message and "HTTP 400" in message and "the proxy refuses this graph" in message
    assert "\n" not in message and "second line" not in message
    orland_1 = str(article_graph_iri("orland-1"))
    assert remote_sizes(remote.query) == {orland_1: count_triples(local, graph=orland_1)}


def test_connection_refused_is_a_one_line_error():
    with pytest.raises(PushError, match=r"^contacting the store failed at http://127\.0\.0\.1:\d+/store: "
                                   r"cannot connect \(connection refused\) \(tried 1 time\)$"):
        push(open_store_in_memory(), Remote(f"http://127.0.0.1:{free_port()}/store", "gsp", retry=RetryPolicy(retries=0)))


def open_store_in_memory():
    import pyoxigraph

    return pyoxigraph.Store()


def test_remote_settings_are_checked():
    with pytest.raises(RemoteError, match="protocol"):
        Remote("http://127.0.0.1/store", "ftp")
    with pytest.raises(RemoteError, match="http"):
        Remote("file:///tmp/x", "gsp")


# ---- authentication --------------------------------------------------------------------------

SECRET = "pa55-w0rd-of-the-test"


def test_basic_auth_with_a_password_from_the_environment(local, remote, proxy):
    proxy.basic = ("kg", SECRET)
    url = proxy.url("/store")
    with pytest.raises(RemoteAuthError, match="asks for credentials"):
        push(local, Remote(url, "gsp"))
    credentials = credentials_for(url, user="kg", password_env="KG_PW", environ={"KG_PW": SECRET})
    push(local, Remote(url, "gsp", credentials=credentials))
    same_graphs(local, remote.query)
    wrong = Credentials("kg", "not-" + SECRET)
    with pytest.raises(RemoteAuthError) as failure:
        push(local, Remote(url, "gsp", credentials=wrong))
    assert SECRET not in str(failure.value) and "'kg'" in str(failure.value)
    assert SECRET not in repr(Remote(url, "gsp", credentials=credentials))


def test_credentials_in_the_url_are_used_and_never_shown(local, remote, proxy):
    proxy.basic = ("kg", SECRET)
    in_url = Remote(f"http://kg:{quote(SECRET, safe='')}@{proxy.base[len('http://'):]}/store", "gsp")
    assert in_url.credentials == Credentials("kg", SECRET) and in_url.url == proxy.url("/store")
    report = push(local, in_url)
    assert report.graphs == 3 and SECRET not in repr(report) + repr(in_url)
    with pytest.raises(RemoteError, match="path holds '@'") as failure:  # "/" in a password not percent-encoded
        Remote(f"http://kg:{SECRET}/x@{proxy.base[len('http://'):]}/store", "gsp")
    assert SECRET not in str(failure.value)


def test_a_server_echoing_the_authorization_header_does_not_get_the_password_shown(local, remote, proxy):
    proxy.basic = ("kg", SECRET)
    proxy.echo_auth = True
    with pytest.raises(PushError) as failure:
        push(local, Remote(proxy.url("/store"), "gsp", credentials=Credentials("kg", SECRET), retry=RetryPolicy(retries=0)))
    message = str(failure.value)
    assert "you sent Authorization: Basic ***" in message
    assert SECRET not in message and base64.b64encode(f"kg:{SECRET}".encode()).decode() not in message


def test_credentials_from_a_netrc_file(tmp_path):
    netrc = tmp_path / "netrc"
    netrc.write_text(f"machine 127.0.0.1 login kg password {SECRET}\n")
    netrc.chmod(0o600)
    assert credentials_for("http://127.0.0.1:1/store", netrc_file=netrc) == Credentials("kg", SECRET)
    assert credentials_for("http://127.0.0.1:1/store", user="kg", netrc_file=netrc) == Credentials("kg", SECRET)
    assert credentials_for("http://elsewhere/store", netrc_file=netrc) is None
    with pytest.raises(CredentialsError, match="no password for other"):
        credentials_for("http://127.0.0.1:1/store", user="other", netrc_file=netrc)
    with pytest.raises(CredentialsError, match="KG_UNSET"):
        credentials_for("http://127.0.0.1:1/store", user="kg", password_env="KG_UNSET", environ={})
    with pytest.raises(CredentialsError, match="needs --user"):
        credentials_for("http://127.0.0.1:1/store", password_env="KG_PW", environ={"KG_PW": SECRET})


# ---- the command line ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def store_folder(tmp_path_factory) -> Path:
    """A store on disk that no handle in this process keeps open (the CLI opens it itself)."""
    folder = tmp_path_factory.mktemp("cli") / "store"
    store = open_store(folder)
    write_article_graphs(store, (extraction_to_graph(e) for e in corpus()))
    store.flush()
    del store
    return folder


def test_cli_push_and_remote_query(store_folder, remote, proxy, tmp_path):
    proxy.basic = ("kg", SECRET)
    netrc = tmp_path / "netrc"
    netrc.write_text(f"machine 127.0.0.1 login kg password {SECRET}\n")
    netrc.chmod(0o600)
    pushed = run_cli("push", "--store", str(store_folder), "--gsp", proxy.url("/store"), env={"NETRC": str(netrc)})
    assert pushed.returncode == 0, pushed.stderr
    assert pushed.stdout.startswith("pushed 3 graph(s), ") and "triples/s" in pushed.stdout
    assert "pushed 3/3 graphs" in pushed.stderr and SECRET not in pushed.stdout + pushed.stderr

    local = run_cli("query", "summit_attendees", "--param", "event=orland", "--store", str(store_folder), "--format", "json")
    there = run_cli("query", "summit_attendees", "--param", "event=orland", "--endpoint", remote.query, "--format", "json")
    assert there.returncode == 0, there.stderr
    assert json.loads(there.stdout) == json.loads(local.stdout) != []


def test_cli_push_errors_are_one_line_and_never_show_the_password(store_folder, proxy):
    proxy.basic = ("kg", SECRET)
    wrong = run_cli("push", "--store", str(store_folder), "--gsp", proxy.url("/store"), "--user", "kg",
                    "--password-env", "KG_PW", env={"KG_PW": "x" + SECRET})
    assert wrong.returncode == 2
    assert wrong.stderr.startswith("kgbuild: error: ") and wrong.stderr.count("\n") == 1
    assert SECRET not in wrong.stderr + wrong.stdout
    subset = run_cli("push", "--store", str(store_folder), "--gsp", proxy.url("/store"), "--article", "nowhere",
                     "--user", "kg", "--password-env", "KG_PW", env={"KG_PW": SECRET})
    assert subset.returncode == 2 and "no article 'nowhere'" in subset.stderr
    both = run_cli("push", "--store", str(store_folder))
    assert both.returncode == 2 and "--gsp" in both.stderr


def test_cli_push_of_a_subset(store_folder, remote):
    result = run_cli("push", "--store", str(store_folder), "--update", remote.update, "--since", "2031-01-01")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("pushed 1 graph(s)")
    assert list(remote_sizes(remote.query)) == [str(article_graph_iri("orland-1"))]


# ---- the exported files load with `oxigraph load` ---------------------------------------------


@pytest.mark.parametrize(("fmt", "suffix"), [("nquads", "nq"), ("trig", "trig")])
def test_export_loads_with_oxigraph_load(local, tmp_path, fmt, suffix):
    dump = tmp_path / f"kgbuild.{suffix}"
    export(local, fmt, dump)
    loaded = tmp_path / "loaded"
    result = subprocess.run([require_binary("oxigraph", "pip install oxigraph"), "load", "--location", str(loaded),
                             "--file", str(dump)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    copy = open_store(loaded, read_only=True)
    assert article_graphs(copy) == article_graphs(local)
    assert set(copy) == set(local)  # quad for quad, named graphs kept


# ---- the reference article, through the real model -------------------------------------------


@pytest.mark.model
def test_reference_article_pushed_to_oxigraph_answers_like_the_local_store(remote, tmp_path):
    if not REFERENCE.is_file():
        pytest.fail(f"the reference article is missing: {REFERENCE}")
    folder = tmp_path / "store"
    report = api.build([REFERENCE], store=folder)
    assert report.articles == 1
    pushed = api.push(store=folder, gsp=remote.gsp)
    assert pushed.graphs == 1 and pushed.triples == report.triples
    params = {"event": "Vilnius"}
    local = api.query("summit_attendees", store=folder, params=params)
    there = api.query("summit_attendees", endpoint=remote.query, params=params)
    assert there == local
    labels = {row[1] for row in local.rows}
    assert {"Fumio Kishida", "Leader of South Korea", "Leader of Australia", "Leader of New Zealand"} <= labels
    assert {row[6] for row in local.rows} == {"planned"}


def test_a_changed_modality_reaches_the_remote(remote, tmp_path):
    """A fact turned negated by a rebuild disappears from summit_attendees remotely too."""
    store = open_store(tmp_path / "store")
    extractions = corpus()
    write_article_graphs(store, (extraction_to_graph(e) for e in extractions))
    push(store, Remote(remote.gsp, "gsp"))
    before = run_query("summit_attendees", endpoint=remote.query, params={"event": "orland"})
    first = extractions[0]
    facts = tuple(dataclasses.replace(f, modality=Modality.NEGATED) if f.relation == "attends" else f for f in first.facts)
    write_article_graphs(store, [extraction_to_graph(dataclasses.replace(first, facts=facts))])
    push(store, Remote(remote.gsp, "gsp"), graphs=select_graphs(store, articles=[first.article.id]))
    after = run_query("summit_attendees", endpoint=remote.query, params={"event": "orland"})
    assert len(after.rows) == len(before.rows) - 1
    assert after == run_query("summit_attendees", store=store, params={"event": "orland"})

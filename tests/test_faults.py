"""Remote faults: a real Oxigraph server stopped, slowed, answering 5xx, or killed in the middle of a push.

Push (both protocols) and remote queries must retry passing faults (refused
or reset connections, 502, 503, 504, no answer in time; 500 for queries and
Graph Store PUTs) with growing, jittered waits or the ``Retry-After`` asked
for (capped), then fail with a one-line error naming the endpoint; anything
else fails at once, in one line. A push must never leave a
half-written graph on the server: with the server killed (SIGKILL) at a
random moment of a push that replaces older versions of the graphs, every
graph is afterwards the old version or the new one, and pushing again
completes the copy. The faults are injected by the loopback proxy of
``servers.py`` or by stopping the server process; waits between retries
are recorded instead of slept where the module allows it.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import random
import signal
import threading
import time
from collections import defaultdict
from dataclasses import dataclass

import pyoxigraph
import pytest
from servers import Fault, FaultProxy, Oxigraph, http_get, require_binary, run_cli

import kgbuild.remote
from kgbuild.facts import Article, Entity, EntityKind, Evidence, Extraction, Fact, Modality
from kgbuild.mapping import extraction_to_graph
from kgbuild.remote import PushError, PushProgress, Remote, push
from kgbuild.retry import RetryPolicy
from kgbuild.sparql import QueryError, run_query
from kgbuild.store import write_article_graphs

ARTICLES = 16
FACTS_PER_ARTICLE = 24
SEED = 7878


def extraction(n: int, *, version: int) -> Extraction:
    """An invented article; ``version`` 2 says different things about the same people as version 1."""
    rng = random.Random(SEED * 10 + n * 2 + version)
    people = [Entity(f"person/envoy-{n}-{k}", EntityKind.PERSON, f"Envoy {n}-{k} v{version}") for k in range(6)]
    events = [Entity(f"event/talks-{n}-{k}", EntityKind.EVENT, f"Talks {n}-{k}", event_type="Meeting") for k in range(3)]
    facts = []
    for k in range(FACTS_PER_ARTICLE):
        sentence = f"Envoy {n}-{k % 6} met the others at talks {n}-{k % 3}, version {version}."
        evidence = Evidence(f"wire-{n}", sentence, k * 80, k * 80 + len(sentence), f"rule-{version}", 0.5 + version / 10)
        subject, event = rng.choice(people), rng.choice(events)
        modality = Modality.PLANNED if version == 1 else rng.choice([Modality.ASSERTED, Modality.NEGATED])
        facts.append(Fact(subject.key, "attends", event.key, modality, evidence))
    article = Article(f"wire-{n}", f"Envoys met, version {version}.", date=dt.date(2031, 3, 1 + version))
    return Extraction(article, tuple(people + events), tuple(facts))


def store_of(version: int) -> pyoxigraph.Store:
    store = pyoxigraph.Store()
    write_article_graphs(store, (extraction_to_graph(extraction(n, version=version)) for n in range(ARTICLES)))
    return store


def graphs_of(quads) -> dict[str, set[str]]:
    graphs: dict[str, set[str]] = defaultdict(set)
    for quad in quads:
        if isinstance(quad.graph_name, pyoxigraph.NamedNode):
            graphs[quad.graph_name.value].add(str(pyoxigraph.Triple(quad.subject, quad.predicate, quad.object)))
    return dict(graphs)


def remote_graphs(server: Oxigraph) -> dict[str, set[str]]:
    """Every named graph on the server, as sets of N-Triples lines."""
    data = http_get(server.gsp, accept="application/n-quads")
    return graphs_of(pyoxigraph.parse(data, format=pyoxigraph.RdfFormat.N_QUADS))


@dataclass
class Waits:
    """A stand-in for the ``time`` module of the code under test: waits are recorded, not slept."""

    slept: list

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)

    def __getattr__(self, name: str):
        return getattr(time, name)


@pytest.fixture
def waits(monkeypatch) -> list:
    slept: list = []
    monkeypatch.setattr(kgbuild.remote, "time", Waits(slept))  # the HTTP client of both push and queries
    return slept


@pytest.fixture(scope="module")
def binary() -> str:
    return require_binary("oxigraph", "pip install oxigraph")


@pytest.fixture(scope="module")
def server(binary, tmp_path_factory):
    running = Oxigraph(binary, tmp_path_factory.mktemp("faults-server")).start()
    yield running
    running.stop()


@pytest.fixture(scope="module")
def new() -> pyoxigraph.Store:
    return store_of(2)


@pytest.fixture(scope="module")
def old() -> pyoxigraph.Store:
    return store_of(1)


@pytest.fixture
def proxy(server):
    running = FaultProxy(target=server.base).start()
    yield running
    running.stop()


@pytest.fixture
def filled(server, new):
    """The server holding the new version of every graph."""
    server.clear()
    push(new, Remote(server.gsp, "gsp"))
    return server


def one_line(error: BaseException) -> str:
    message = str(error)
    assert message and "\n" not in message and "\r" not in message and "Traceback" not in message
    return message


# ---- remote queries --------------------------------------------------------------------------

TRANSIENT = [502, 503, 504]
#: Waits of exactly backoff, twice that...: no jitter, so that the test can name them.
STEADY = RetryPolicy(jitter=0.0)


@pytest.mark.parametrize("status", [*TRANSIENT, 500])
def test_remote_query_retries_a_busy_or_failing_server_and_succeeds(filled, proxy, new, waits, status):
    proxy.faults = [Fault(status=status, times=2, retry_after=None)]
    result = run_query("facts", endpoint=proxy.url("/query"), timeout=30, retry=STEADY)
    assert result == run_query("facts", store=new)
    assert proxy.seen == 3 and waits == [1, 2]  # two retries, the second wait twice the first


@pytest.mark.parametrize("status", TRANSIENT)
def test_remote_query_gives_up_in_one_line_when_the_server_stays_busy(filled, proxy, waits, status):
    proxy.faults = [Fault(status=status, times=100, retry_after=None)]
    with pytest.raises(QueryError) as failure:
        run_query("facts", endpoint=proxy.url("/query"), timeout=30, retry=RetryPolicy(retries=2, jitter=0.0))
    message = one_line(failure.value)
    assert f"HTTP {status}" in message and proxy.url("/query") in message and "tried 3 times" in message
    assert proxy.seen == 3 and waits == [1, 2]


def test_remote_query_waits_are_jittered_within_their_bounds(filled, proxy, waits):
    proxy.faults = [Fault(status=503, times=100, retry_after=None)]
    with pytest.raises(QueryError):
        run_query("facts", endpoint=proxy.url("/query"), retry=RetryPolicy(retries=5, backoff=1.0, jitter=0.5, max_wait=8))
    assert proxy.seen == 6 and len(waits) == 5
    for attempt, wait in enumerate(waits):
        full = min(8, 2**attempt)
        assert full / 2 <= wait <= full


def test_remote_query_follows_retry_after_in_seconds_and_as_a_date_within_the_cap(filled, proxy, new, waits):
    soon = email.utils.format_datetime(dt.datetime.now(dt.timezone.utc) + dt.timedelta(seconds=20), usegmt=True)
    proxy.faults = [Fault(status=503, retry_after="3"), Fault(status=503, retry_after="3600"),
                    Fault(status=503, retry_after=soon)]
    result = run_query("facts", endpoint=proxy.url("/query"), retry=RetryPolicy(max_wait=30))
    assert result == run_query("facts", store=new)
    assert waits[0] == 3 and waits[1] == 30  # an hour is capped
    assert 10 < waits[2] <= 20  # the date, less the time since it was written


def test_remote_query_retries_a_reset_connection(filled, proxy, new, waits):
    proxy.faults = [Fault(status=503, retry_after="1"), Fault(reset=True)]  # the brief's flaky network
    result = run_query("summit_attendees", endpoint=proxy.url("/query"), params={"event": "talks"})
    assert result == run_query("summit_attendees", store=new, params={"event": "talks"})
    assert proxy.seen == 3 and len(waits) == 2 and waits[0] == 1


def test_remote_query_retries_a_slow_answer(filled, proxy, new, waits):
    proxy.faults = [Fault(delay=2.5, times=1)]
    result = run_query("events", endpoint=proxy.url("/query"), timeout=1, retry=STEADY)
    assert result == run_query("events", store=new)
    assert proxy.seen == 2 and waits == [1]


def test_remote_query_gives_up_in_one_line_when_the_server_stays_slow(filled, proxy, waits):
    proxy.faults = [Fault(delay=2.5, times=3)]
    with pytest.raises(QueryError) as failure:
        run_query("events", endpoint=proxy.url("/query"), timeout=1, retry=RetryPolicy(retries=2, jitter=0.0))
    assert "no answer within 1 s" in one_line(failure.value)
    assert proxy.seen == 3 and waits == [1, 2]


def test_remote_query_does_not_retry_a_refusal(filled, proxy, waits, tmp_path):
    broken = tmp_path / "broken.rq"
    broken.write_text("# name: broken\n# columns: x\nSELECT ?x WHERE { ?x ?p }\n")
    with pytest.raises(QueryError) as failure:
        run_query(broken, endpoint=proxy.url("/query"))
    assert "HTTP 400" in one_line(failure.value)
    assert proxy.seen == 1 and waits == []


def test_remote_query_on_a_stopped_server_is_a_one_line_error_after_its_retries(binary, tmp_path, waits):
    stopped = Oxigraph(binary, tmp_path / "gone").start()
    stopped.stop()
    with pytest.raises(QueryError) as failure:
        run_query("facts", endpoint=stopped.query, timeout=5)
    message = one_line(failure.value)
    assert "cannot connect (connection refused)" in message and stopped.query in message
    assert "tried 4 times" in message and len(waits) == 3


def test_the_cli_retries_as_told_and_fails_in_one_line(filled, proxy, new):
    proxy.faults = [Fault(status=503, retry_after="0", times=2), Fault(reset=True)]
    shown = run_cli("query", "facts", "--endpoint", proxy.url("/query"), "--format", "csv", "--retries", "3")
    assert shown.returncode == 0, shown.stderr
    assert len(shown.stdout.splitlines()) == len(run_query("facts", store=new).rows) + 1
    proxy.faults = [Fault(status=503, retry_after="0", times=100)]
    before = proxy.seen
    shown = run_cli("query", "facts", "--endpoint", proxy.url("/query"), "--retries", "1")
    assert shown.returncode == 2 and proxy.seen == before + 2
    assert shown.stderr.count("\n") == 1 and shown.stderr.startswith("kgbuild: error: query 'facts' failed at ")
    assert proxy.url("/query") in shown.stderr and "HTTP 503" in shown.stderr and "tried 2 times" in shown.stderr


# ---- push ------------------------------------------------------------------------------------

PROTOCOLS = ["gsp", "update"]


def endpoint(proxy_or_server, protocol: str) -> str:
    path = "/store" if protocol == "gsp" else "/update"
    if isinstance(proxy_or_server, FaultProxy):
        return proxy_or_server.url(path)
    return proxy_or_server.base + path


@pytest.mark.parametrize("protocol", PROTOCOLS)
@pytest.mark.parametrize("status", TRANSIENT)
def test_push_retries_a_busy_server_with_growing_waits(server, proxy, new, waits, protocol, status):
    server.clear()
    proxy.faults = [Fault(times=1), Fault(status=status, times=3)]  # the probe passes, then three refusals
    report = push(new, Remote(endpoint(proxy, protocol), protocol, retry=RetryPolicy(backoff=0.5)))
    assert report.retries == 3 and waits == [0, 0, 0]  # the proxy asks for Retry-After: 0
    assert remote_graphs(server) == graphs_of(new)


def test_push_backoff_doubles_without_retry_after(server, new, waits, monkeypatch):
    server.clear()
    proxy = FaultProxy(target=server.base).start()
    try:
        proxy.faults = [Fault(times=1), Fault(status=503, times=3, retry_after=None)]
        push(new, Remote(proxy.url("/store"), "gsp", retry=RetryPolicy(backoff=0.5, jitter=0.0)))
    finally:
        proxy.stop()
    assert waits == [0.5, 1.0, 2.0]
    assert remote_graphs(server) == graphs_of(new)


@pytest.mark.parametrize("protocol", PROTOCOLS)
def test_push_gives_up_in_one_line_and_leaves_no_half_graph(server, proxy, old, new, waits, protocol):
    server.clear()
    push(old, Remote(server.gsp, "gsp"))
    proxy.faults = [Fault(times=4), Fault(status=503, times=100)]  # the probe and three requests pass
    with pytest.raises(PushError) as failure:
        push(new, Remote(endpoint(proxy, protocol), protocol, retry=RetryPolicy(retries=2, backoff=0.01)),
             batch_triples=1)  # one graph per Update request too
    message = one_line(failure.value)
    assert "503" in message and "tried 3 times" in message and f"<{failure.value.graph}>" in message
    there, before, after = remote_graphs(server), graphs_of(old), graphs_of(new)
    assert sorted(g for g in there if there[g] == after[g]) == sorted(after)[:3]
    assert all(there[g] in (before[g], after[g]) for g in after)


@pytest.mark.parametrize("protocol", PROTOCOLS)
def test_push_retries_a_slow_server(server, proxy, new, waits, protocol):
    server.clear()
    proxy.faults = [Fault(times=2), Fault(delay=2.5, times=1)]  # the probe and one request pass, then a slow one
    report = push(new, Remote(endpoint(proxy, protocol), protocol, timeout=1, retry=RetryPolicy(backoff=0.01)),
                  batch_triples=400)
    assert report.retries == 1
    assert remote_graphs(server) == graphs_of(new)


def test_push_retries_an_internal_error_of_a_graph_store_put(server, proxy, new, waits):
    server.clear()
    proxy.faults = [Fault(times=1), Fault(status=500, times=2, retry_after=None)]
    report = push(new, Remote(endpoint(proxy, "gsp"), "gsp", retry=RetryPolicy(backoff=0.01)))
    assert report.retries == 2 and len(waits) == 2  # a PUT of a whole graph does the same when done twice
    assert remote_graphs(server) == graphs_of(new)


def test_push_does_not_retry_an_internal_error_of_an_update(server, proxy, new, waits):
    server.clear()
    proxy.faults = [Fault(times=1), Fault(status=500, times=100)]
    with pytest.raises(PushError) as failure:
        push(new, Remote(endpoint(proxy, "update"), "update", retry=RetryPolicy(backoff=0.01)))
    assert "HTTP 500" in one_line(failure.value) and waits == []
    # The probe, the batch, then its first graph alone (to name the culprit).
    assert proxy.seen == 3
    assert remote_graphs(server) == {}


@pytest.mark.parametrize("protocol", PROTOCOLS)
def test_push_retries_a_reset_connection_and_follows_retry_after(server, proxy, new, waits, protocol):
    server.clear()
    proxy.faults = [Fault(times=2), Fault(status=503, retry_after="2"), Fault(reset=True)]
    report = push(new, Remote(endpoint(proxy, protocol), protocol, retry=RetryPolicy(backoff=0.01)), batch_triples=400)
    assert report.retries == 2 and waits[0] == 2
    assert remote_graphs(server) == graphs_of(new)


@pytest.mark.parametrize("protocol", PROTOCOLS)
def test_push_to_a_stopped_server_is_a_one_line_error_after_its_retries(binary, tmp_path, new, waits, protocol):
    stopped = Oxigraph(binary, tmp_path / "gone").start()
    stopped.stop()
    with pytest.raises(PushError) as failure:
        push(new, Remote(endpoint(stopped, protocol), protocol, retry=RetryPolicy(retries=2)))
    message = one_line(failure.value)
    assert "connection refused" in message and "tried 3 times" in message and endpoint(stopped, protocol) in message
    assert len(waits) == 2


def test_push_follows_a_server_that_comes_back(binary, tmp_path, new):
    """Connection refused while the server restarts: the retries reach it once it listens again."""
    location = tmp_path / "restarting"
    first = Oxigraph(binary, location).start()
    first.stop()
    starting = threading.Timer(1.0, first.start, kwargs={"same_port": True})
    starting.start()
    try:
        report = push(new, Remote(first.gsp, "gsp", retry=RetryPolicy(retries=8, backoff=0.5, max_wait=2)))
        assert report.retries >= 1
        assert remote_graphs(first) == graphs_of(new)
    finally:
        starting.join()
        first.stop()


# ---- the server killed in the middle of a push ----------------------------------------------

KILLS_PER_PROTOCOL = 3


@pytest.mark.parametrize("protocol", PROTOCOLS)
def test_a_server_killed_mid_push_keeps_each_graph_old_or_new(binary, tmp_path, old, new, protocol):
    rng = random.Random(SEED)
    location = tmp_path / "server"
    before, after = graphs_of(old), graphs_of(new)
    outcomes = []
    for kill in range(KILLS_PER_PROTOCOL):
        running = Oxigraph(binary, location).start()
        running.clear()
        push(old, Remote(running.gsp, "gsp"))
        at = rng.randrange(2, ARTICLES - 8)
        timers: list[threading.Timer] = []

        def kill_soon(progress: PushProgress, *, server=running, at=at) -> None:
            if progress.graphs_done >= at and not timers:  # a random moment after the at-th graph
                timers.append(threading.Timer(rng.uniform(0, 0.01), server.process.send_signal, (signal.SIGKILL,)))
                timers[0].start()

        with pytest.raises(PushError) as failure:
            push(new, Remote(endpoint(running, protocol), protocol, retry=RetryPolicy(retries=1, backoff=0.01)),
                 batch_triples=400,
                 on_progress=kill_soon)
        timers[0].join()
        running.process.wait()
        one_line(failure.value)
        restarted = Oxigraph(binary, location).start()
        try:
            there = remote_graphs(restarted)
            assert set(there) <= set(after)
            for graph in after:
                assert graph in there, f"{graph} vanished from the server"
                assert there[graph] in (before[graph], after[graph]), f"{graph} is half-written on the server"
            outcomes.append(sum(there[g] == after[g] for g in after))
            push(new, Remote(endpoint(restarted, protocol), protocol))
            assert remote_graphs(restarted) == after
        finally:
            restarted.stop()
    assert all(0 < n < ARTICLES for n in outcomes), outcomes  # every kill fell inside the push


"""Hostile query parameters: bound as plain literals, never pasted into the query.

Every value of ``INJECTIONS`` goes to each of the four named queries that
take a text parameter, through ``kgbuild query --param``, the Python API
(``kgbuild.query``), and a remote endpoint (``kgbuild serve`` over the same
store). Each must return nothing, or rows whose label holds the value as
plain text (the store holds a few labels that look like injections, so a
literal match is checked too); the store must be unchanged; and no
``SERVICE`` call may reach the listener the values point at (a positive
control shows that a real ``SERVICE`` call would reach it).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import socket
import threading
import urllib.error
import urllib.request
from pathlib import Path

import pyoxigraph
import pytest
from servers import free_port, require_binary

import kgbuild
from kgbuild import api, cli
from kgbuild.facts import Article, Entity, EntityKind, Evidence, Extraction, Fact, Modality
from kgbuild.mapping import extraction_to_graph
from kgbuild.serve import server_command
from kgbuild.sparql import QueryError, QueryParameterError, run_query
from kgbuild.store import open_store, write_article_graphs

# ---- a store with a few labels that look like injections ------------------------------------

TRAP_EVENT = 'Night "} UNION { ?s ?p ?o } # Summit'
TRAP_PERSON = "Rob' OR '1'='1"
MARSH = Entity("person/elena-marsh", EntityKind.PERSON, "Elena Marsh")
TRAPPER = Entity("person/rob-trap", EntityKind.PERSON, TRAP_PERSON)
CANADA = Entity("country/canada", EntityKind.COUNTRY, "Canada")
LISBON = Entity("place/lisbon", EntityKind.PLACE, "Lisbon")
SUMMIT = Entity("event/harbour-summit", EntityKind.EVENT, "Harbour Summit", event_type="Summit")
TRAP = Entity("event/night-summit", EntityKind.EVENT, TRAP_EVENT, event_type="Summit")
QUOTE = Entity("statement/drop", EntityKind.STATEMENT, 'We say "; DROP ALL ; # to nobody.')
PLAN = Entity("topic/patrol-plan", EntityKind.TOPIC, "patrol plan")


def _fact(subject: Entity, relation: str, obj: Entity, sentence: str, modality=Modality.ASSERTED) -> Fact:
    return Fact(subject.key, relation, obj.key, modality, Evidence("inj-1", sentence, 0, len(sentence), "hand", 0.8))


def world() -> list[Extraction]:
    s1 = "Elena Marsh will attend the Harbour Summit in Lisbon."
    s2 = f"{TRAP_PERSON} attended the {TRAP_EVENT}."
    return [Extraction(
        Article("inj-1", f"{s1} {s2}", date=dt.date(2031, 3, 4)),
        (MARSH, TRAPPER, CANADA, LISBON, SUMMIT, TRAP, QUOTE, PLAN),
        (
            _fact(MARSH, "attends", SUMMIT, s1, Modality.PLANNED),
            _fact(MARSH, "leaderOf", CANADA, s1),
            _fact(SUMMIT, "heldIn", LISBON, s1),
            _fact(TRAPPER, "attends", TRAP, s2),
            _fact(TRAPPER, "leaderOf", CANADA, s2),
            _fact(TRAPPER, "said", QUOTE, s2, Modality.REPORTED),
            _fact(CANADA, "supports", PLAN, s1),
        ),
    )]


#: The queries with a text parameter: (query, parameter, the column holding the matched label).
TEXT_PARAMETERS = [
    ("summit_attendees", "event", "event_label"),
    ("person_roles", "person", "person_label"),
    ("statements", "speaker", "speaker_label"),
    ("stances", "about", "object_label"),
]
#: The labels each query searches for its parameter's text.
SEARCHED = {
    "summit_attendees": [e.label.lower() for e in (SUMMIT, TRAP, LISBON)],
    "person_roles": [e.label.lower() for e in (MARSH, TRAPPER)],
    "statements": [TRAPPER.label.lower()],
    "stances": [PLAN.label.lower()],
}


class ServiceListener:
    """A loopback TCP port that counts the connections made to it (a SERVICE call would be one)."""

    def __init__(self) -> None:
        self.socket = socket.socket()
        self.socket.bind(("127.0.0.1", 0))
        self.socket.listen()
        self.connections = 0
        self.url = f"http://127.0.0.1:{self.socket.getsockname()[1]}/sparql"
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                connection, _ = self.socket.accept()
            except OSError:
                return
            self.connections += 1
            connection.close()

    def close(self) -> None:
        self.socket.close()


@pytest.fixture(scope="module")
def listener():
    server = ServiceListener()
    yield server
    server.close()


def injections(service: str) -> list[str]:
    """The hostile values; ``service`` is the URL of the listener a SERVICE clause would call."""
    return [
        'x" } ; DROP ALL ; #',
        "x' } ; DROP ALL ; #",
        '"}} UNION { ?s ?p ?o } #',
        'lisbon")) } UNION { GRAPH ?g { ?attendee ?p ?o } } #',
        "> <http://example.org/evil> <",
        '"> } ; INSERT DATA { <urn:x> <urn:y> <urn:z> } #',
        "UNION",
        "; DROP ALL",
        "DROP ALL",
        "CLEAR DEFAULT",
        f'x" }} SERVICE <{service}> {{ ?s ?p ?o }} #',
        f"SERVICE <{service}> {{ ?s ?p ?o }}",
        f"x' ) }} UNION {{ SERVICE SILENT <{service}> {{ ?s ?p ?o }} }} #",
        "lisbon\n} ; DROP ALL ; #",
        "lisbon\r\nUNION { ?s ?p ?o }",
        "# } ; DROP ALL",
        "\\u0022 } UNION { ?s ?p ?o } #",
        "\\U00000027) } #",
        'x\\" ) ) } #',
        '""" } ; DROP ALL ; #',
        "''' } ; DROP ALL ; #",
        "?param_event",
        "$param_event",
        "<https://w3id.org/kgbuild/id/person/elena-marsh>",
        'BIND("Harbour" AS ?event_label)',
        "%22%7D%20UNION",
        "{{event}}",
        "lisbon\u202e\u200b",
        "x" * 100_000,
        "lisbon" + "}" * 5_000,
        # Plain text that looks like an injection and is in the store: a literal match.
        '"} UNION { ?s ?p ?o } #',
        "' OR '1'='1",
        '"; DROP ALL ; #',
    ]


def digest(store: pyoxigraph.Store) -> str:
    return hashlib.sha256("\n".join(sorted(str(q) for q in store)).encode()).hexdigest()


@pytest.fixture(scope="module")
def store_folder(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("injection") / "store"
    database = open_store(folder)
    write_article_graphs(database, (extraction_to_graph(e) for e in world()))
    database.flush()
    del database
    return folder


def check_rows(name: str, columns, rows, value: str, label_column: str) -> None:
    """No rows, or rows whose label holds the value as plain text (case-insensitive)."""
    if not any(value.lower() in label for label in SEARCHED[name]):
        assert list(rows) == [], (value, rows)
        return
    assert rows, f"{value!r} is in a label but found nothing"
    index = list(columns).index(label_column)
    for row in rows:
        assert value.lower() in (row[index] or "").lower(), (value, row)


def literal_matches(values: list[str]) -> list[tuple[str, str]]:
    return [(name, v) for name in SEARCHED for v in values if any(v.lower() in label for label in SEARCHED[name])]


def test_there_are_at_least_twenty_injections(listener):
    assert len(injections(listener.url)) >= 20
    assert sorted(literal_matches(injections(listener.url))) == [
        ("person_roles", "' OR '1'='1"), ("statements", "' OR '1'='1"),
        ("summit_attendees", '"} UNION { ?s ?p ?o } #'), ("summit_attendees", "UNION"),
    ]


def test_a_service_call_would_reach_the_listener(listener, tmp_path):
    """The positive control: pyoxigraph does make SERVICE calls, and the listener sees them."""
    before = listener.connections
    with pytest.raises(OSError):
        list(pyoxigraph.Store().query(f"SELECT * WHERE {{ SERVICE <{listener.url}> {{ ?s ?p ?o }} }}"))
    assert listener.connections > before


# ---- through the CLI and the Python API, on the local store ---------------------------------


@pytest.mark.parametrize(("name", "parameter", "label_column"), TEXT_PARAMETERS)
def test_cli_param_values_are_bound_as_plain_literals(store_folder, listener, capsys, name, parameter, label_column):
    before, calls = digest(open_store(store_folder, read_only=True)), listener.connections
    for value in injections(listener.url):
        code = cli.main(["query", name, "--param", f"{parameter}={value}", "--store", str(store_folder),
                         "--format", "json"])
        out, err = capsys.readouterr()
        assert code == 0 and err == "", (value, err)
        rows = json.loads(out)
        check_rows(name, rows[0].keys() if rows else (), [tuple(r.values()) for r in rows], value, label_column)
    assert digest(open_store(store_folder, read_only=True)) == before
    assert listener.connections == calls, "a SERVICE call reached the listener"


@pytest.mark.parametrize(("name", "parameter", "label_column"), TEXT_PARAMETERS)
def test_python_api_values_are_bound_as_plain_literals(store_folder, listener, name, parameter, label_column):
    database = open_store(store_folder, read_only=True)
    before, calls = digest(database), listener.connections
    for value in injections(listener.url):
        result = kgbuild.query(name, params={parameter: value}, store=store_folder)
        check_rows(name, result.columns, result.rows, value, label_column)
        assert run_query(name, store=database, params={parameter: value}) == result
    assert digest(database) == before
    assert listener.connections == calls, "a SERVICE call reached the listener"


def test_a_literal_match_finds_exactly_the_trap(store_folder):
    result = kgbuild.query("summit_attendees", params={"event": '"} UNION { ?s ?p ?o } #'}, store=store_folder)
    assert [(r[1], r[5]) for r in result.rows] == [(TRAP_PERSON, TRAP_EVENT)]
    roles = kgbuild.query("person_roles", params={"person": "' OR '1'='1"}, store=store_folder)
    assert [(r[1], r[3]) for r in roles.rows] == [(TRAP_PERSON, "Canada")]


@pytest.mark.parametrize("key", ['event" } #', "param_event", "event=x", "", "?param_event"])
def test_parameter_names_are_checked_not_used(store_folder, key):
    with pytest.raises(QueryParameterError):
        kgbuild.query("summit_attendees", params={key: "lisbon"}, store=store_folder)


def test_values_that_are_not_text_are_refused(store_folder):
    for value in (3, ["lisbon"], {"x": 1}):
        with pytest.raises(QueryParameterError, match="must be a string"):
            kgbuild.query("summit_attendees", params={"event": value}, store=store_folder)  # type: ignore[dict-item]
    with pytest.raises(QueryParameterError, match="not valid unicode"):
        kgbuild.query("summit_attendees", params={"event": "lis\ud800bon"}, store=store_folder)


# ---- named queries with an IRI parameter take only a valid IRI ------------------------------

IRI_QUERY = (
    "# name: labels_of\n# description: the labels of one thing\n"
    "# parameters: thing (required, iri) - the IRI of the thing\n# columns: label\n\n"
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
    "SELECT DISTINCT ?label ?param_thing WHERE { ?param_thing rdfs:label ?label }\n"
)
BAD_IRIS = [
    "Elena Marsh", "elena-marsh", "/id/person/elena-marsh", "http://example.org/a b", "http://example.org/<x>",
    'x:"', "urn:x> ; DROP ALL ; <urn:y", "https://w3id.org/x} UNION {", "http://example.org/%zz",
    "http://[::1", "a:b#c#d", "\nhttps://w3id.org/kgbuild/id/person/elena-marsh", "https://w3id.org/x\\u0022",
]


@pytest.fixture(scope="module")
def iri_query(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("iri") / "labels_of.rq"
    path.write_text(IRI_QUERY, encoding="utf-8")
    return path


def test_an_iri_parameter_takes_a_valid_iri(store_folder, iri_query):
    result = kgbuild.query(iri_query, params={"thing": "https://w3id.org/kgbuild/id/person/elena-marsh"},
                           store=store_folder)
    assert result.rows == (("Elena Marsh",),)
    unicode = kgbuild.query(iri_query, params={"thing": "https://example.org/東京"}, store=store_folder)
    assert unicode.rows == ()


@pytest.mark.parametrize("value", BAD_IRIS)
def test_an_iri_parameter_refuses_anything_else(store_folder, iri_query, value, capsys):
    with pytest.raises(QueryParameterError, match="must be an absolute IRI"):
        kgbuild.query(iri_query, params={"thing": value}, store=store_folder)
    code = cli.main(["query", str(iri_query), "--param", f"thing={value}", "--store", str(store_folder)])
    err = capsys.readouterr().err
    assert code == 2 and err.startswith("kgbuild: error: parameter 'thing' must be an absolute IRI")
    assert err.count("\n") == 1


# ---- remote: the same values through a served copy of the store ------------------------------


@pytest.fixture(scope="module")
def served(store_folder):
    require_binary("oxigraph", "pip install oxigraph")
    server = api.serve(store=store_folder, bind=f"127.0.0.1:{free_port()}")
    yield server
    server.stop()


def test_a_service_call_would_reach_the_listener_from_the_server_too(served, listener, tmp_path):
    """The positive control for the server: it does make SERVICE calls."""
    query = tmp_path / "service.rq"
    query.write_text(f"# name: service\n# columns: s\nSELECT ?s WHERE {{ SERVICE <{listener.url}> {{ ?s ?p ?o }} }}\n")
    before = listener.connections
    with pytest.raises(QueryError):
        run_query(query, endpoint=served.query_url, timeout=10)
    assert listener.connections > before


@pytest.mark.parametrize(("name", "parameter", "label_column"), TEXT_PARAMETERS)
def test_remote_values_are_bound_as_plain_literals(store_folder, served, listener, name, parameter, label_column):
    local = open_store(store_folder, read_only=True)
    before, calls = digest(local), listener.connections
    for value in injections(listener.url):
        if len(value) > 20_000:
            value = value[:20_000]  # a URL-encoded form body of 100 kB is a test of the server, not of binding
        remote = kgbuild.query(name, params={parameter: value}, endpoint=served.query_url)
        check_rows(name, remote.columns, remote.rows, value, label_column)
        assert remote == run_query(name, store=local, params={parameter: value})
    assert digest(open_store(store_folder, read_only=True)) == before
    assert listener.connections == calls, "a SERVICE call reached the listener"


def test_remote_iri_parameter_refuses_what_is_not_an_iri(served, iri_query):
    for value in BAD_IRIS:
        with pytest.raises(QueryParameterError):
            kgbuild.query(iri_query, params={"thing": value}, endpoint=served.query_url)


# ---- serve: loopback by default, no updates unless asked ------------------------------------


def test_serve_binds_loopback_and_is_read_only_by_default(store_folder, served, capsys):
    assert api.DEFAULT_BIND.startswith("127.0.0.1:")
    command = server_command(store_folder, binary="oxigraph")
    assert command[1] == "serve-read-only" and command[command.index("--bind") + 1].startswith("127.0.0.1:")
    assert server_command(store_folder, binary="oxigraph", allow_update=True)[1] == "serve"
    with pytest.raises(SystemExit):
        cli.main(["serve", "--help"])
    assert "default: 127.0.0.1:" in capsys.readouterr().out
    before = digest(open_store(store_folder, read_only=True))
    for path, body, kind in [("/update", b"DROP ALL", "application/sparql-update"),
                             ("/query", b"DROP ALL", "application/sparql-update"),
                             ("/store", b"<urn:a> <urn:b> <urn:c> .", "application/n-triples")]:
        request = urllib.request.Request(served.base_url + path, data=body, method="POST", headers={"Content-Type": kind})
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=30)
        assert 400 <= refused.value.code < 500, (path, refused.value.code)
    assert digest(open_store(store_folder, read_only=True)) == before

"""Passwords for remote stores never show: not in output, logs, error messages or exception text.

Each scenario pushes (or queries) with a password, through the command line
in a subprocess (stdout and stderr kept) and through the Python API in this
process (the exception's text, repr and printed traceback, every exception
chained to it, and every log record at DEBUG level kept). All of that text
is then searched for the password, its URL-encoded form, and the base64 of
``user:password`` that HTTP Basic authentication sends.
"""

from __future__ import annotations

import base64
import http.server
import logging
import threading
import traceback
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pyoxigraph
import pytest
from servers import Fault, FaultProxy, Oxigraph, closed_store, free_port, require_binary, run_cli

from kgbuild import api
from kgbuild.facts import Article, Entity, EntityKind, Evidence, Extraction, Fact, Modality
from kgbuild.remote import Credentials, Remote, RemoteError, credentials_for, push
from kgbuild.retry import RetryPolicy
from kgbuild.sparql import QueryError, run_query
from kgbuild.store import open_store

USER = "kgpush"
SECRET = "Zq7-never/shown:at@all%41"


def forms(secret: str = SECRET, user: str = USER) -> list[str]:
    """Every way the password could be written out."""
    return [
        secret,
        urllib.parse.quote(secret, safe=""),
        urllib.parse.quote_plus(secret),
        base64.b64encode(f"{user}:{secret}".encode()).decode(),
        base64.b64encode(secret.encode()).decode(),
        repr(secret)[1:-1],
    ]


def assert_no_secret(*texts: str) -> None:
    for text in texts:
        for form in forms():
            assert form not in text, f"the password ({form!r}) shows in: {text[:300]!r}"


def exception_texts(error: BaseException) -> Iterator[str]:
    """The text of an exception as a user or a log collector could see it: str, repr, traceback, chained ones."""
    yield "".join(traceback.format_exception(error))
    seen: set[int] = set()
    stack: list[BaseException | None] = [error]
    while stack:
        item = stack.pop()
        if item is None or id(item) in seen:
            continue
        seen.add(id(item))
        yield str(item)
        yield repr(item)
        yield repr(item.args)
        stack.extend([item.__cause__, item.__context__])


# ---- a store to push, servers to push to ----------------------------------------------------


def extraction() -> Extraction:
    marsh = Entity("person/elena-marsh", EntityKind.PERSON, "Elena Marsh")
    summit = Entity("event/harbour-summit", EntityKind.EVENT, "Harbour Summit", event_type="Summit")
    sentence = "Elena Marsh will attend the Harbour Summit."
    evidence = Evidence("sec-1", sentence, 0, len(sentence), "hand", 0.9)
    fact = Fact(marsh.key, "attends", summit.key, Modality.PLANNED, evidence)
    return Extraction(Article("sec-1", sentence), (marsh, summit), (fact,))


@pytest.fixture(scope="module")
def store_folder(tmp_path_factory) -> Path:
    return closed_store(tmp_path_factory.mktemp("secrets") / "store", [extraction()])


@pytest.fixture(scope="module")
def local(store_folder) -> pyoxigraph.Store:
    return open_store(store_folder, read_only=True)


@pytest.fixture(scope="module")
def oxigraph(tmp_path_factory):
    server = Oxigraph(require_binary("oxigraph", "pip install oxigraph"), tmp_path_factory.mktemp("secret-server")).start()
    yield server
    server.stop()


@pytest.fixture
def guarded(oxigraph):
    """A proxy in front of the server that asks for HTTP Basic authentication with the password."""
    proxy = FaultProxy(target=oxigraph.base, basic=(USER, SECRET)).start()
    yield proxy
    proxy.stop()


class EchoingServer:
    """A hostile (or badly configured) server: it asks for Basic auth, then fails and echoes the request headers."""

    def __init__(self, status: int = 500) -> None:
        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:
                pass

            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                if length:
                    self.rfile.read(length)
                if self.headers.get("Authorization") is None:
                    code, body, extra = 401, b"log in", {"WWW-Authenticate": 'Basic realm="kg"'}
                else:
                    code, extra = status, {}
                    body = ("Authorization: " + self.headers["Authorization"] + "\n" + str(dict(self.headers))).encode()
                self.send_response(code)
                for key, value in extra.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(body)

            do_GET = do_POST = do_PUT = do_HEAD = _handle

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


# ---- the command line -----------------------------------------------------------------------


def cli_scenarios(guarded: FaultProxy, tmp_path: Path) -> dict[str, tuple[list[str], dict[str, str]]]:
    """name -> (kgbuild arguments, environment), each using the password one way or another."""
    netrc = tmp_path / "netrc"
    netrc.write_text(f"machine 127.0.0.1 login {USER} password {SECRET}\n")
    netrc.chmod(0o600)
    broken_netrc = tmp_path / "broken-netrc"
    broken_netrc.write_text(f"machine 127.0.0.1 login {USER} password {SECRET} oops \"unclosed\n")
    broken_netrc.chmod(0o600)
    gone = f"127.0.0.1:{free_port()}"
    proxied = guarded.base[len("http://"):]
    env = {"KG_PW": SECRET}
    with_password = ["--user", USER, "--password-env", "KG_PW"]
    userinfo = f"http://{USER}:{quote(SECRET, safe='')}@"
    return {
        "push, right password": (["push", "--gsp", guarded.url("/store"), *with_password], env),
        "push, right password from netrc": (["push", "--gsp", guarded.url("/store")], {"NETRC": str(netrc)}),
        "push, wrong password": (["push", "--gsp", guarded.url("/store"), *with_password], {"KG_PW": "x" + SECRET}),
        "push, stopped server": (["push", "--gsp", f"http://{gone}/store", *with_password], env),
        "push, unreadable netrc": (["push", "--gsp", guarded.url("/store"), "--user", USER],
                                   {"NETRC": str(broken_netrc)}),
        "push, password in the URL": (["push", "--gsp", f"{userinfo}{proxied}/store"], {}),
        "push, password in the URL, stopped server": (["push", "--update", f"{userinfo}{gone}/update"], {}),
        "query, password in the URL": (["query", "facts", "--endpoint", f"{userinfo}{proxied}/query"], {}),
        "query, password in a bad URL": (["query", "facts", "--endpoint", f"http://{USER}:{SECRET}@{gone}x/q"], {}),
    }


def test_cli_output_and_errors_never_show_the_password(store_folder, guarded, tmp_path):
    outcomes = {}
    for name, (arguments, env) in cli_scenarios(guarded, tmp_path).items():
        if arguments[0] == "push":
            arguments = [*arguments, "--store", str(store_folder), "--retries", "1"]
        result = run_cli(*arguments, env=env)
        assert_no_secret(result.stdout, result.stderr)
        assert "Traceback" not in result.stderr, (name, result.stderr)
        outcomes[name] = result.returncode
    succeed = {"push, right password", "push, right password from netrc", "push, password in the URL"}
    assert outcomes == {name: 0 if name in succeed else 2 for name in outcomes}


# ---- the Python API: exceptions and logs ----------------------------------------------------


@pytest.fixture
def debug_logs(caplog):
    caplog.set_level(logging.DEBUG)
    logging.getLogger("urllib3").setLevel(logging.DEBUG)
    return caplog


def api_failures(local: pyoxigraph.Store, guarded: FaultProxy, tmp_path: Path) -> Iterator[tuple[str, BaseException]]:
    """Each failing call made with the password, and what it raised."""
    right = Credentials(USER, SECRET)
    gone = f"http://127.0.0.1:{free_port()}"
    calls = {
        "wrong password": lambda: push(local, Remote(guarded.url("/store"), "gsp",
                                                     credentials=Credentials(USER, "x" + SECRET))),
        "no answer in time": lambda: (guarded.faults.extend([Fault(times=1), Fault(delay=2, times=9)]),
                                      push(local, Remote(guarded.url("/store"), "gsp", credentials=right, timeout=0.5,
                                                         retry=RetryPolicy(retries=1, backoff=0.01)))),
        "busy until the end": lambda: (guarded.faults.extend([Fault(times=1), Fault(status=503, times=9)]),
                                       push(local, Remote(guarded.url("/update"), "update", credentials=right,
                                                          retry=RetryPolicy(retries=1, backoff=0.01)))),
        "stopped server": lambda: push(local, Remote(f"{gone}/store", "gsp", credentials=right, retry=RetryPolicy(retries=0))),
        "password in the URL": lambda: push(local, Remote(f"http://{USER}:{quote(SECRET, safe='')}@127.0.0.1:"
                                                          f"{free_port()}/store", "gsp", retry=RetryPolicy(retries=0))),
        "unset variable": lambda: credentials_for(guarded.url("/store"), user=USER, password_env="KG_NOT_SET",
                                                  environ={}),
        "remote query, password in the URL": lambda: run_query(
            "facts", endpoint=f"http://{USER}:{SECRET}@{guarded.base[len('http://'):]}/query"),
        "api push, wrong password": lambda: api.push(store=tmp_path / "none", gsp=guarded.url("/store"), user=USER,
                                                     password_env="KG_PW_TEST"),
    }
    for name, call in calls.items():
        try:
            call()
        except (RemoteError, QueryError, api.UsageError) as error:
            yield name, error
        else:
            pytest.fail(f"{name}: no error")
        guarded.faults.clear()


def test_exceptions_and_logs_never_show_the_password(local, guarded, tmp_path, debug_logs, monkeypatch):
    monkeypatch.setenv("KG_PW_TEST", "x" + SECRET)
    failures = list(api_failures(local, guarded, tmp_path))
    assert len(failures) == 8
    for name, error in failures:
        for text in exception_texts(error):
            assert_no_secret(text)
        assert "\n" not in str(error), name
    assert_no_secret(debug_logs.text, *(repr(record.args) for record in debug_logs.records))
    assert any("urllib3" in record.name for record in debug_logs.records)  # the logs were on


def test_successful_push_and_its_report_never_show_the_password(local, guarded, debug_logs):
    remote = Remote(guarded.url("/store"), "gsp", credentials=Credentials(USER, SECRET))
    report = push(local, remote)
    assert report.graphs == 1
    assert_no_secret(repr(remote), str(remote), repr(remote.credentials), repr(report), debug_logs.text)
    in_url = Remote(f"http://{USER}:{quote(SECRET, safe='')}@{guarded.base[7:]}/store", "gsp")
    assert_no_secret(repr(push(local, in_url)))


def test_a_server_echoing_the_credentials_does_not_get_them_into_the_error(local):
    echoing = EchoingServer()
    try:
        with pytest.raises(RemoteError) as failure:
            push(local, Remote(echoing.base + "/store", "gsp", credentials=Credentials(USER, SECRET), retry=RetryPolicy(retries=0)))
    finally:
        echoing.stop()
    for text in exception_texts(failure.value):
        assert_no_secret(text)


def test_a_password_in_the_url_without_percent_encoding_is_not_shown():
    with pytest.raises(RemoteError) as failure:
        push(pyoxigraph.Store(), Remote(f"http://{USER}:{SECRET}@127.0.0.1:{free_port()}/store", "gsp", retry=RetryPolicy(retries=0)))
    for text in exception_texts(failure.value):
        assert_no_secret(text)

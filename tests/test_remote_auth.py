"""Remote queries and pushes with HTTP authentication: where the password comes from, and the endpoint's answers.

A real Oxigraph server behind the loopback proxy of ``servers.py`` asking
for HTTP Basic authentication; Digest against Virtuoso is in
``test_virtuoso.py``. The password is given through ``KGBUILD_PASSWORD``,
``--password-env``, a netrc file or a prompt on a real terminal (a pty),
never on the command line.
"""

from __future__ import annotations

import os
import pty
import select
import sys
import time
from pathlib import Path

import pyoxigraph
import pytest
from servers import FaultProxy, Oxigraph, closed_store, require_binary, run_cli
from test_query import corpus

from kgbuild import api
from kgbuild.remote import DEFAULT_PASSWORD_ENV, Credentials, CredentialsError, Remote, credentials_for, push
from kgbuild.sparql import QueryError, run_query
from kgbuild.store import open_store

USER = "analyst"
PASSWORD = "w1de-Gate:4/9"


@pytest.fixture(scope="module")
def store_folder(tmp_path_factory) -> Path:
    return closed_store(tmp_path_factory.mktemp("auth") / "store", corpus())


@pytest.fixture(scope="module")
def local(store_folder) -> pyoxigraph.Store:
    return open_store(store_folder, read_only=True)


@pytest.fixture(scope="module")
def guarded(local, tmp_path_factory):
    """Oxigraph holding the store's graphs, behind a proxy that asks for HTTP Basic authentication."""
    server = Oxigraph(require_binary("oxigraph", "pip install oxigraph"), tmp_path_factory.mktemp("auth-server")).start()
    push(local, Remote(server.gsp, "gsp"))
    proxy = FaultProxy(target=server.base, basic=(USER, PASSWORD)).start()
    yield proxy
    proxy.stop()
    server.stop()


def one_line(error: BaseException) -> str:
    message = str(error)
    assert message and "\n" not in message and PASSWORD not in message
    return message


# ---- the library ------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "params"), [("facts", {}), ("summit_attendees", {"event": "orland"})])
def test_a_query_with_basic_credentials_answers_like_the_local_store(local, guarded, name, params):
    remote = run_query(name, endpoint=guarded.url("/query"), params=params, credentials=Credentials(USER, PASSWORD))
    assert remote == run_query(name, store=local, params=params)
    assert remote.rows


def test_a_query_without_or_with_wrong_credentials_is_a_one_line_error(guarded):
    with pytest.raises(QueryError) as failure:
        run_query("facts", endpoint=guarded.url("/query"))
    assert "HTTP 401" in one_line(failure.value) and "asks for credentials: give --user" in str(failure.value)
    with pytest.raises(QueryError) as failure:
        run_query("facts", endpoint=guarded.url("/query"), credentials=Credentials(USER, "not-" + PASSWORD))
    assert f"refused the credentials of user {USER!r}" in one_line(failure.value)


def test_the_password_comes_from_the_option_the_default_variable_netrc_or_a_prompt(tmp_path):
    url = "http://127.0.0.1:1/query"
    netrc = tmp_path / "netrc"
    netrc.write_text(f"machine 127.0.0.1 login {USER} password from-netrc\n")
    netrc.chmod(0o600)
    asked: list[str] = []

    def prompt(question: str) -> str:
        asked.append(question)
        return "from-prompt"

    def password(**options) -> str | None:
        found = credentials_for(url, netrc_file=options.pop("netrc_file", tmp_path / "none"), prompt=prompt, **options)
        return None if found is None else found.password

    env = {"MY_PW": "from-option", DEFAULT_PASSWORD_ENV: "from-default"}
    assert password(user=USER, password_env="MY_PW", environ=env) == "from-option"
    assert password(user=USER, environ=env) == "from-default"
    assert password(user=USER, environ={}, netrc_file=netrc) == "from-netrc"
    assert asked == []
    assert password(user=USER, environ={}) == "from-prompt"
    assert asked == [f"Password for {USER} at 127.0.0.1: "]
    assert password(environ=env) is None  # no user: anonymous, the variable alone names nobody
    with pytest.raises(CredentialsError, match=f"set {DEFAULT_PASSWORD_ENV}"):
        credentials_for(url, user=USER, environ={}, netrc_file=tmp_path / "none")


# ---- the command line -------------------------------------------------------------------------


def test_cli_query_takes_the_password_from_kgbuild_password(local, guarded):
    shown = run_cli("query", "facts", "--endpoint", guarded.url("/query"), "--user", USER, "--format", "csv",
                    env={DEFAULT_PASSWORD_ENV: PASSWORD})
    assert shown.returncode == 0, shown.stderr
    assert len(shown.stdout.splitlines()) == len(run_query("facts", store=local).rows) + 1
    assert PASSWORD not in shown.stdout + shown.stderr


def test_cli_query_without_a_password_and_no_terminal_fails_in_one_line(guarded):
    env = {key: value for key, value in os.environ.items() if key != DEFAULT_PASSWORD_ENV}
    shown = run_cli("query", "facts", "--endpoint", guarded.url("/query"), "--user", USER,
                    env={**env, "NETRC": "/nonexistent"})
    assert shown.returncode == 2 and shown.stderr.count("\n") == 1
    assert shown.stderr.startswith(f"kgbuild: error: no password for {USER} at 127.0.0.1: set {DEFAULT_PASSWORD_ENV}")
    anonymous = run_cli("query", "facts", "--endpoint", guarded.url("/query"))
    assert anonymous.returncode == 2 and "asks for credentials" in anonymous.stderr
    assert anonymous.stderr.count("\n") == 1


def test_cli_user_without_an_endpoint_is_a_usage_error(store_folder):
    shown = run_cli("query", "facts", "--store", str(store_folder), "--user", USER)
    assert shown.returncode == 2 and "--user and --password-env are for a remote endpoint" in shown.stderr


def run_on_terminal(arguments: list[str], answer: str, *, timeout: float = 120) -> tuple[int, str]:
    """Run ``kgbuild ARGUMENTS`` on a pseudo-terminal, answer its password prompt; its exit code and output."""
    pid, fd = pty.fork()
    if pid == 0:  # the child: a terminal on its stdin, stdout and stderr
        env = {key: value for key, value in os.environ.items() if key != DEFAULT_PASSWORD_ENV}
        env["NETRC"] = "/nonexistent"
        os.execve(sys.executable, [sys.executable, "-m", "kgbuild", *arguments], env)
    output = b""
    answered = False
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([fd], [], [], 1)
            if not ready:
                continue
            try:
                chunk = os.read(fd, 4096)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            output += chunk
            if not answered and b"Password for" in output:
                os.write(fd, answer.encode() + b"\n")
                answered = True
    finally:
        os.close(fd)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), output.decode("utf-8", "replace")


def test_cli_query_asks_for_the_password_on_a_terminal(local, guarded):
    code, output = run_on_terminal(
        ["query", "summit_attendees", "--param", "event=orland", "--endpoint", guarded.url("/query"), "--user", USER,
         "--format", "csv"], PASSWORD)
    assert code == 0, output
    assert f"Password for {USER} at 127.0.0.1: " in output
    assert PASSWORD not in output  # getpass does not echo it
    rows = run_query("summit_attendees", store=local, params={"event": "orland"}).rows
    assert rows and all(row[0] in output for row in rows)


def test_api_query_and_push_take_the_same_credentials(local, guarded, monkeypatch, store_folder):
    monkeypatch.setenv("AUTH_TEST_PW", PASSWORD)
    result = api.query("facts", endpoint=guarded.url("/query"), user=USER, password_env="AUTH_TEST_PW", retries=0)
    assert result == run_query("facts", store=local)
    report = api.push(store=store_folder, gsp=guarded.url("/store"), user=USER, password_prompt=lambda _: PASSWORD,
                      netrc_file="/nonexistent", retries=0)
    assert report.graphs == len(corpus())

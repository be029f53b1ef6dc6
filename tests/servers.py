"""Real servers for the tests: Oxigraph and Virtuoso on free loopback ports, and a small fault-injecting proxy.

Each helper starts a process (or thread) and stops it; the fixtures that use
them live in the test modules, scoped so that each server starts once per
session. A missing server binary skips its tests with the reason, except in
CI (``CI=true``), where .ci/run installs every binary and a missing one fails.
"""

from __future__ import annotations

import base64
import http.client
import http.server
import os
import shutil
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from string import Template

import pytest

from kgbuild.facts import Extraction
from kgbuild.mapping import extraction_to_graph
from kgbuild.store import open_store, write_article_graphs

DATA = Path(__file__).resolve().parent / "data"


def closed_store(folder: Path, extractions: Iterable[Extraction]) -> Path:
    """A store at ``folder`` holding the graphs of ``extractions``, its handle closed so that a server can open it."""
    store = open_store(folder)
    write_article_graphs(store, (extraction_to_graph(extraction) for extraction in extractions))
    store.flush()
    del store
    return folder


def interruptible() -> None:
    """``preexec_fn`` for a child that a test stops with Ctrl-C (SIGINT): a child started from a
    background job (``nohup``, ``cmd &``) inherits SIGINT ignored, and Python then never raises
    KeyboardInterrupt in it. Restores the default, as a terminal's foreground job has it."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def require_binary(name: str, how_to_install: str) -> str:
    """The path of ``name`` (beside this Python first, then on PATH); skip without it, or fail in CI."""
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.is_file() else shutil.which(name)
    if found is None:
        message = f"{name} is not installed ({how_to_install})"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{message}; .ci/run must install it", pytrace=False)
        pytest.skip(message)
    return found


def wait_for_http(url: str, process: subprocess.Popen, *, timeout: float = 60, what: str = "server") -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            urllib.request.urlopen(url, timeout=2).close()
            return
        except urllib.error.HTTPError:
            return  # it answers
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        if process.poll() is not None:
            raise RuntimeError(f"{what} exited with code {process.returncode} at start-up")
        if time.monotonic() > deadline:
            raise RuntimeError(f"{what} did not answer at {url} within {timeout} s")
        time.sleep(0.1)


def stop_process(process: subprocess.Popen, *, timeout: float = 20) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


# ---- Oxigraph ----------------------------------------------------------------------------------


@dataclass
class Oxigraph:
    """``oxigraph serve`` on a folder, the default graph the union of the named graphs."""

    binary: str
    location: Path
    base: str = ""
    process: subprocess.Popen | None = None

    def start(self, *, same_port: bool = False) -> Oxigraph:
        """Start the server, on a free port (or on the one it had, to come back after :meth:`stop`)."""
        if not (same_port and self.base):
            self.base = f"http://127.0.0.1:{free_port()}"
        self.process = subprocess.Popen(
            [self.binary, "serve", "--location", str(self.location), "--bind", self.base[len("http://"):],
             "--union-default-graph"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        wait_for_http(f"{self.base}/query?query=ASK%7B%7D", self.process, what="oxigraph")
        return self

    def stop(self) -> None:
        if self.process is not None:
            stop_process(self.process)

    @property
    def query(self) -> str:
        return f"{self.base}/query"

    @property
    def update(self) -> str:
        return f"{self.base}/update"

    @property
    def gsp(self) -> str:
        return f"{self.base}/store"

    def clear(self) -> None:
        request = urllib.request.Request(self.update, data=b"CLEAR ALL", method="POST",
                                         headers={"Content-Type": "application/sparql-update"})
        urllib.request.urlopen(request, timeout=30).close()


# ---- Virtuoso ----------------------------------------------------------------------------------

#: The user the tests push as (Digest authentication on the -auth endpoints).
VIRTUOSO_USER = "kgpush"
VIRTUOSO_PASSWORD = "t3st-Pa55-never-shown"


@dataclass
class Virtuoso:
    """``virtuoso-t`` with a database of its own in ``folder``, SQL and HTTP on free loopback ports."""

    binary: str
    isql_binary: str
    folder: Path
    max_rows: int = 1000
    http_port: int = 0
    sql_port: int = 0
    process: subprocess.Popen | None = None

    def start(self) -> Virtuoso:
        self.http_port, self.sql_port = free_port(), free_port()
        ini = self.folder / "virtuoso.ini"
        ini.write_text(Template((DATA / "virtuoso.ini").read_text()).substitute(
            dir=self.folder, http_port=self.http_port, sql_port=self.sql_port, max_rows=self.max_rows,
        ))
        self.process = subprocess.Popen(
            [self.binary, "+foreground", "+configfile", str(ini)], cwd=self.folder,
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        wait_for_http(f"{self.base}/sparql?query=ASK%7B%7D", self.process, timeout=120, what="virtuoso")
        self.isql(
            f"DB.DBA.USER_CREATE('{VIRTUOSO_USER}', '{VIRTUOSO_PASSWORD}');",
            f'GRANT SPARQL_UPDATE TO "{VIRTUOSO_USER}";',
        )
        return self

    def isql(self, *statements: str) -> str:
        """Run SQL statements as dba; their output (fails on an error)."""
        script = " ".join(statements)
        result = subprocess.run(
            [self.isql_binary, f"127.0.0.1:{self.sql_port}", "dba", "dba", f"exec={script}"],
            capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL,
        )
        if result.returncode != 0 or "*** Error" in result.stdout + result.stderr:
            raise RuntimeError(f"isql failed: {result.stdout}{result.stderr}")
        return result.stdout

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        try:
            subprocess.run([self.isql_binary, f"127.0.0.1:{self.sql_port}", "dba", "dba", "exec=shutdown;"],
                           capture_output=True, timeout=60, stdin=subprocess.DEVNULL)
            self.process.wait(timeout=60)
        except (subprocess.SubprocessError, OSError):
            stop_process(self.process)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"

    @property
    def query(self) -> str:
        return f"{self.base}/sparql"

    @property
    def update_auth(self) -> str:
        return f"{self.base}/sparql-auth"

    @property
    def gsp_auth(self) -> str:
        return f"{self.base}/sparql-graph-crud-auth"


# ---- a proxy that injects faults in front of a real server -------------------------------------


@dataclass
class Fault:
    """What the proxy does to the next requests: ``status`` answers (with ``Retry-After``, unless ``None``),
    a ``delay`` first, or a ``reset`` of the connection (a TCP RST once the request is read, no answer)."""

    status: int | None = None
    delay: float = 0.0
    times: int = 1
    retry_after: str | None = "0"
    reset: bool = False


@dataclass
class FaultProxy:
    """A loopback HTTP proxy to ``target`` that can answer with faults, reject bodies, or demand HTTP Basic auth.

    ``faults`` is consumed one request at a time; ``reject`` answers 400 to a
    request whose body contains the bytes; ``basic`` is (user, password);
    ``echo_auth`` answers 500 quoting the request's Authorization header.
    ``seen`` counts the requests that reached the proxy.
    """

    target: str
    faults: list[Fault] = field(default_factory=list)
    reject: bytes | None = None
    basic: tuple[str, str] | None = None
    echo_auth: bool = False
    seen: int = 0
    _server: http.server.ThreadingHTTPServer | None = None

    @property
    def base(self) -> str:
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def start(self) -> FaultProxy:
        proxy = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:  # quiet
                pass

            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                proxy.seen += 1
                fault = proxy._next_fault()
                if fault is not None and fault.delay:
                    time.sleep(fault.delay)
                if fault is not None and fault.reset:
                    # SO_LINGER 0: close() sends a RST, the client's read fails with "connection reset".
                    self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                    self.close_connection = True
                    self.connection.close()
                    return None
                if fault is not None and fault.status:
                    after = {} if fault.retry_after is None else {"Retry-After": fault.retry_after}
                    return self._answer(fault.status, b"the proxy says: busy", after)
                if proxy.basic is not None:
                    expected = "Basic " + base64.b64encode(":".join(proxy.basic).encode()).decode()
                    if self.headers.get("Authorization") != expected:
                        return self._answer(401, b"who are you?", {"WWW-Authenticate": 'Basic realm="kg"'})
                if proxy.echo_auth and self.command != "HEAD":  # a badly behaved server: the header in its error
                    said = f"bad request; you sent Authorization: {self.headers.get('Authorization')}"
                    return self._answer(500, said.encode(), {"Content-Type": "text/plain"})
                if proxy.reject is not None and proxy.reject in body:
                    return self._answer(400, b"the proxy refuses this graph\nsecond line", {})
                self._forward(body)

            def _forward(self, body: bytes) -> None:
                target = urllib.parse.urlsplit(proxy.target)
                connection = http.client.HTTPConnection(target.hostname, target.port, timeout=60)
                headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "authorization")}
                connection.request(self.command, self.path, body=body if body else None, headers=headers)
                answer = connection.getresponse()
                data = answer.read()
                connection.close()
                passed = {k: v for k, v in answer.getheaders() if k.lower() in ("content-type", "server")}
                self._answer(answer.status, data, passed)

            def _answer(self, status: int, data: bytes, headers: dict[str, str]) -> None:
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(data)

            do_GET = do_POST = do_PUT = do_HEAD = do_DELETE = _handle

        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def _next_fault(self) -> Fault | None:
        while self.faults:
            fault = self.faults[0]
            if fault.times > 0:
                fault.times -= 1
                return fault
            self.faults.pop(0)
        return None

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()


def http_get(url: str, *, accept: str, timeout: float = 30) -> bytes:
    request = urllib.request.Request(url, headers={"Accept": accept})
    with urllib.request.urlopen(request, timeout=timeout) as answer:
        return answer.read()


def run_cli(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """``python -m kgbuild ARGS`` in a subprocess."""
    return subprocess.run([sys.executable, "-m", "kgbuild", *args], capture_output=True, text=True, timeout=300,
                          env={**os.environ, **(env or {})}, cwd=cwd, stdin=subprocess.DEVNULL)


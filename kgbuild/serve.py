"""A SPARQL endpoint over the embedded store: the Oxigraph server (``pip install oxigraph``) on the store's folder.

The server answers SPARQL 1.1 queries at ``/query`` with the default graph
the union of the article graphs (as local queries see it), and its page at
``/`` is a query editor (YASGUI) for the browser. It opens the store
read-only (``oxigraph serve-read-only``) unless ``allow_update`` is given,
in which case it holds the store's lock and also answers ``/update`` and
``/store`` (so ``kgbuild build`` must wait until it stops).

>>> command = server_command("kgbuild-store", binary="oxigraph")
>>> command[1:]
['serve-read-only', '--location', 'kgbuild-store', '--bind', '127.0.0.1:7878', '--union-default-graph']
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import IO

__all__ = ["DEFAULT_BIND", "Server", "ServeError", "find_server_binary", "serve", "server_command"]

DEFAULT_BIND = "127.0.0.1:7878"
_READY_QUERY = "/query?query=ASK%7B%7D"


class ServeError(Exception):
    """The SPARQL server could not be found or started."""


@dataclass
class Server:
    """A running server process; stop it with :meth:`stop` (or use it as a context manager)."""

    process: subprocess.Popen[bytes]
    base_url: str
    read_only: bool
    log: IO[bytes]

    @property
    def query_url(self) -> str:
        """The SPARQL query endpoint."""
        return f"{self.base_url}/query"

    @property
    def page_url(self) -> str:
        """The query page for the browser."""
        return f"{self.base_url}/"

    def wait(self) -> int:
        """Block until the server exits; its exit code."""
        return self.process.wait()

    def stop(self, *, timeout: float = 10) -> None:
        """Stop the server (terminate, then kill after ``timeout`` seconds)."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()

    def messages(self) -> str:
        """What the server wrote to its standard error so far."""
        if self.log.closed:
            return ""
        self.log.seek(0)
        return self.log.read().decode("utf-8", "replace")

    def __enter__(self) -> Server:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.stop()


def find_server_binary() -> str:
    """The ``oxigraph`` command: beside this Python (a venv's bin/), else on ``PATH``."""
    beside = Path(sys.executable).with_name("oxigraph")
    if beside.is_file() and os.access(beside, os.X_OK):
        return str(beside)
    found = shutil.which("oxigraph")
    if found is None:
        raise ServeError("the oxigraph server is not installed: pip install oxigraph")
    return found


def server_command(
    store: str | os.PathLike[str], *, bind: str = DEFAULT_BIND, allow_update: bool = False, binary: str | None = None
) -> list[str]:
    """The command line that serves ``store`` on ``bind`` (``HOST:PORT``)."""
    mode = "serve" if allow_update else "serve-read-only"
    return [binary or find_server_binary(), mode, "--location", os.fspath(store), "--bind", bind, "--union-default-graph"]


def serve(
    store: str | os.PathLike[str],
    *,
    bind: str = DEFAULT_BIND,
    allow_update: bool = False,
    binary: str | None = None,
    startup_timeout: float = 30,
) -> Server:
    """Start the server on ``store`` and return once it answers queries.

    ``bind`` is ``HOST:PORT``; it defaults to the loopback interface. Raises
    :class:`ServeError` when the store is missing, the binary is absent or of
    another version than pyoxigraph (their stores would not agree), or the
    server exits or does not answer within ``startup_timeout`` seconds.
    """
    folder = Path(store)
    if not folder.is_dir():
        raise ServeError(f"{folder}: no store here; build one first with: kgbuild build ARTICLES --store {folder}")
    host, sep, port = bind.rpartition(":")
    if not sep or not host or not port.isdigit():
        raise ServeError(f"--bind {bind!r}: expected HOST:PORT, like {DEFAULT_BIND}")
    command = server_command(folder, bind=bind, allow_update=allow_update, binary=binary)
    _check_version(command[0])
    _check_free(host, int(port))
    # Its messages go to a file: a pipe nobody reads would block it once full.
    log = tempfile.TemporaryFile()
    process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=log, stderr=log)
    url_host = f"[{host}]" if ":" in host and not host.startswith("[") else host
    server = Server(process=process, base_url=f"http://{url_host}:{port}", read_only=not allow_update, log=log)
    try:
        _wait_until_ready(server, startup_timeout)
    except BaseException:
        server.stop()
        raise
    return server


def _check_free(host: str, port: int) -> None:
    """Fail early when something already listens there: the ready check would talk to it instead."""
    try:
        family = socket.AF_INET6 if ":" in host.strip("[]") else socket.AF_INET
        with socket.socket(family) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as servers do: TIME_WAIT is no obstacle
            probe.bind((host.strip("[]"), port))
    except OSError as error:
        raise ServeError(f"cannot listen on {host}:{port}: {error.strerror or error}") from None


def _check_version(binary: str) -> None:
    import pyoxigraph

    try:
        printed = subprocess.run([binary, "--version"], capture_output=True, text=True, timeout=30, check=True).stdout
    except (OSError, subprocess.SubprocessError) as error:
        raise ServeError(f"cannot run {binary}: {error}") from error
    version = printed.split()[-1] if printed.split() else "?"
    if version.split(".")[:2] != pyoxigraph.__version__.split(".")[:2]:
        raise ServeError(
            f"{binary} is version {version} but pyoxigraph is {pyoxigraph.__version__}: "
            f"install the same release, e.g. pip install 'oxigraph=={pyoxigraph.__version__}'"
        )


def _wait_until_ready(server: Server, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while True:
        if server.process.poll() is not None:
            lines = [line.strip() for line in server.messages().splitlines() if line.strip()]
            why = lines[-1] if lines else f"exit code {server.process.returncode}"
            raise ServeError(f"the server stopped at start-up: {why}")
        try:
            with urllib.request.urlopen(server.base_url + _READY_QUERY, timeout=2):
                if server.process.poll() is None:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        if time.monotonic() > deadline:
            raise ServeError(f"the server did not answer at {server.base_url} within {timeout:g} s")
        time.sleep(0.1)

"""Pushing the store's article graphs to a remote triple store over the SPARQL 1.1 protocols.

Two protocols, one graph at a time replaced as a whole, so that pushing twice
leaves the remote store as pushing once:

* Graph Store HTTP Protocol (``gsp``): one ``PUT URL?graph=IRI`` per article
  graph, the graph as N-Triples;
* SPARQL 1.1 Update (``update``), for stores without GSP: ``DROP SILENT GRAPH``
  then ``INSERT DATA`` per graph, several small graphs to one request.

Each request is one transaction on the server and a graph never spans two
requests, so a failed push leaves every graph either as it was or complete.
Virtuoso's Graph Store ``PUT`` is the exception (it empties the graph, then
loads, committing as it goes): when one fails, kgbuild deletes that graph, so
it is absent rather than half-written. Its Update endpoint is transactional.
Refused and dropped connections, timeouts and 502/503/504 answers are
retried under the remote's :class:`~kgbuild.retry.RetryPolicy` (exponential
backoff with jitter, ``Retry-After`` followed): a retried request replaces the
same graphs again, so retrying is safe. A 500 is retried for a Graph Store
``PUT`` (idempotent), not for an Update request (Virtuoso answers 500 to
updates it will never take). Anything else fails at once with a one-line
:class:`PushError` naming the graph and what the server said.

Credentials are given as :class:`Credentials` (see :func:`credentials_for`:
a password from an environment variable, a netrc file or a prompt); HTTP Basic or
Digest is chosen from the server's challenge (Virtuoso's ``/sparql-auth`` and
``/sparql-graph-crud-auth`` take Digest only). The password appears in no
message and no ``repr``. :class:`EndpointClient` is push's HTTP side
(credentials, retries, one-line errors); remote queries go through
SPARQLWrapper (:func:`kgbuild.sparql.run_query`) under the same retry loop,
:func:`retried`.

>>> remote = Remote(url="http://127.0.0.1:7878/store", protocol="gsp")
>>> remote.protocol, remote.retry.retries
('gsp', 3)
>>> Credentials("kg", "s3cret")
Credentials(user='kg', password='***')
"""

from __future__ import annotations

import base64
import datetime as dt
import netrc
import os
import re
import time
import urllib.parse
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import pyoxigraph
import requests
from requests.auth import HTTPBasicAuth, HTTPDigestAuth

from .mapping import article_graph_iri
from .namespace import DIP
from .retry import RetryPolicy, connection_failure, retry_after_seconds, retryable_status

_T = TypeVar("_T")

__all__ = [
    "PROTOCOLS",
    "redact_url",
    "Credentials",
    "CredentialsError",
    "DEFAULT_PASSWORD_ENV",
    "EndpointClient",
    "Failure",
    "PushError",
    "PushProgress",
    "PushReport",
    "Remote",
    "RemoteAuthError",
    "RemoteError",
    "RequestFailed",
    "credentials_for",
    "first_line",
    "push",
    "retried",
    "scrub",
    "select_graphs",
    "strip_tags",
]

#: ``gsp``: SPARQL 1.1 Graph Store HTTP Protocol; ``update``: SPARQL 1.1 Update.
PROTOCOLS = ("gsp", "update")

#: The environment variable a password is read from when ``--user`` is given without ``--password-env``.
DEFAULT_PASSWORD_ENV = "KGBUILD_PASSWORD"

#: Triples in one ``INSERT DATA`` operation. Virtuoso's SPARQL parser gives up
#: ("memory exhausted") a little under 5,000; a graph may take several
#: operations of one request, so it is still replaced in one transaction.
INSERT_DATA_TRIPLES = 2000

#: Prepended to an update sent to Virtuoso: it then passes the inserted triples
#: to its SQL layer as data rather than compiling them into code, which is some
#: 50 times faster and lifts its "generated SQL text has exceeded 10000 lines" limit.
VIRTUOSO_UPDATE_PRAGMA = "DEFINE sql:big-data-const 1\n"

# An echoed "Authorization: Basic dXNlcjpwYXNz" (or Digest ...) header.
_AUTHORIZATION = re.compile(r"(authorization[\"']?\s*[:=]\s*[\"']?(?:basic|digest|bearer))\s+[^\s\"',}]+", re.IGNORECASE)
_HTML_START = re.compile(r"\s*<(!DOCTYPE|html)", re.IGNORECASE)
_HTML_HEAD = re.compile(r"<!DOCTYPE[^>]*>|<head\b.*?</head>|<h1\b.*?</h1>", re.IGNORECASE | re.DOTALL)
# Tags only: "<http://e.org/g>" in an error's text is no tag.
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^>]*)?/?>")
#: Server message length kept in an error.
_MESSAGE_CHARS = 240
#: A graph name for the probe request: it should exist nowhere.
_PROBE_GRAPH = "urn:kgbuild:probe"


class RemoteError(Exception):
    """A remote store could not be reached, or refused a request."""


class RemoteAuthError(RemoteError):
    """The remote store asked for credentials, or refused the ones given."""


class CredentialsError(RemoteError):
    """Credentials that cannot be put together (an unset variable, a password without a user...)."""


class RequestFailed(RemoteError):
    """A request that failed for good: no answer, or only passing failures until the retries ran out."""


class PushError(RemoteError):
    """A graph could not be pushed; ``graph`` is its IRI."""

    def __init__(self, message: str, *, graph: str | None = None, status: int | None = None) -> None:
        super().__init__(message)
        self.graph = graph
        #: The HTTP status the server answered with, or ``None`` (no answer, or only transient ones).
        self.status = status


@dataclass(frozen=True)
class Credentials:
    """A user name and password for HTTP Basic or Digest authentication."""

    user: str
    password: str = field(repr=False)

    def __repr__(self) -> str:
        return f"Credentials(user={self.user!r}, password='***')"


@dataclass(frozen=True)
class Remote:
    """A remote store: its GSP or Update endpoint URL and how to talk to it.

    ``timeout`` (seconds) applies to each request; a request that fails for a
    passing reason is tried again as ``retry`` says.
    """

    url: str
    protocol: str = "gsp"
    credentials: Credentials | None = None
    timeout: float = 120.0
    retry: RetryPolicy = RetryPolicy()

    def __post_init__(self) -> None:
        if self.protocol not in PROTOCOLS:
            raise RemoteError(f"unknown protocol {self.protocol!r}; choose one of {', '.join(PROTOCOLS)}")
        parts = urllib.parse.urlsplit(self.url)
        if "@" in parts.path:
            # Most likely a password holding "/" written into the URL without
            # percent-encoding: refuse it without echoing the URL.
            raise RemoteError(
                "the URL's path holds '@': give the password with --password-env or netrc rather than in the URL "
                "(or percent-encode it; an '@' of the path is %40)"
            )
        try:
            parts.port  # noqa: B018 - raises ValueError when the port is not a number
        except ValueError:
            raise RemoteError("the URL's port is not a number") from None
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise RemoteError(f"not an http(s) URL: {redact_url(self.url)}")
        if parts.username is not None or parts.password is not None:
            # user:password@ in the URL: move them to the credentials, so that
            # Digest works too and the URL kept (and shown) holds no password.
            if self.credentials is None:
                user = urllib.parse.unquote(parts.username or "")
                object.__setattr__(self, "credentials", Credentials(user, urllib.parse.unquote(parts.password or "")))
            object.__setattr__(self, "url", redact_url(self.url))
        if self.timeout <= 0:
            raise RemoteError("the timeout must be positive")


@dataclass(frozen=True)
class PushProgress:
    """How far a push has got, after each request."""

    graphs_done: int
    graphs_total: int
    triples_done: int


@dataclass(frozen=True)
class PushReport:
    """What a push did: graphs and triples sent, HTTP requests made (retries included), time taken."""

    url: str
    protocol: str
    graphs: int
    triples: int
    requests: int
    retries: int
    seconds: float

    @property
    def triples_per_second(self) -> float:
        return self.triples / self.seconds if self.seconds > 0 else float("inf")


def credentials_for(
    url: str,
    *,
    user: str | None = None,
    password_env: str | None = None,
    netrc_file: str | os.PathLike[str] | None = None,
    environ: Mapping[str, str] | None = None,
    prompt: Callable[[str], str] | None = None,
) -> Credentials | None:
    """The credentials to use for ``url``, or ``None`` to go anonymous.

    The password comes from the environment variable ``password_env`` when
    given; else, with a ``user``, from :data:`DEFAULT_PASSWORD_ENV`
    (``KGBUILD_PASSWORD``) when set; else from the netrc file
    (``netrc_file``, else ``$NETRC``, else ``~/.netrc``) entry for the URL's
    host, whose login must equal ``user`` when a user is given; else, with a
    ``user``, from ``prompt`` (called with the question, e.g.
    :func:`getpass.getpass`) when given. Raises :class:`CredentialsError`
    when a user is given but no password is found, or the variable is unset.
    A password is never taken from the command line.

    >>> credentials_for("http://h/", user="kg", password_env="PW", environ={"PW": "x"})
    Credentials(user='kg', password='***')
    >>> credentials_for("http://h/", user="kg", environ={"KGBUILD_PASSWORD": "x"})
    Credentials(user='kg', password='***')
    >>> credentials_for("http://h/", netrc_file="/nonexistent") is None
    True
    """
    env = os.environ if environ is None else environ
    if password_env is not None:
        if user is None:
            raise CredentialsError("--password-env needs --user")
        password = env.get(password_env)
        if password is None:
            raise CredentialsError(f"the environment variable {password_env} (the password for {user}) is not set")
        return Credentials(user, password)
    if user is not None and env.get(DEFAULT_PASSWORD_ENV) is not None:
        return Credentials(user, env[DEFAULT_PASSWORD_ENV])
    host = urllib.parse.urlsplit(url).hostname or ""
    entry = _netrc_entry(host, netrc_file if netrc_file is not None else env.get("NETRC"))
    if entry is not None and (user is None or entry[0] == user):
        return Credentials(entry[0], entry[1])
    if user is not None and prompt is not None:
        return Credentials(user, prompt(f"Password for {user} at {host}: "))
    if user is not None:
        raise CredentialsError(
            f"no password for {user} at {host}: set {DEFAULT_PASSWORD_ENV}, give --password-env VAR, or add a netrc "
            f"entry for {host} with login {user}"
        )
    return None


def _netrc_entry(host: str, path: str | os.PathLike[str] | None) -> tuple[str, str] | None:
    file = Path(path) if path is not None else Path.home() / ".netrc"
    if not file.is_file():
        return None
    try:
        found = netrc.netrc(str(file)).authenticators(host)
    except (OSError, netrc.NetrcParseError) as error:
        # The parse error quotes the offending line, which may be a password.
        raise CredentialsError(f"cannot read the netrc file {file} ({type(error).__name__})") from None
    if found is None or not found[0] or not found[2]:
        return None
    return found[0], found[2]


def select_graphs(
    store: pyoxigraph.Store, *, articles: Sequence[str] = (), since: dt.date | None = None
) -> list[str]:
    """The named graphs to push, sorted: all, or those of ``articles`` (ids), or of articles published on or after ``since``.

    ``articles`` and ``since`` together select articles meeting both. An
    article without a publication date is never selected by ``since``.
    Raises :class:`RemoteError` for an article id the store does not hold.
    """
    present = {g.value for g in store.named_graphs() if isinstance(g, pyoxigraph.NamedNode)}
    chosen = set(present)
    if articles:
        wanted = {str(article_graph_iri(article)): article for article in articles}
        missing = sorted(article for iri, article in wanted.items() if iri not in present)
        if missing:
            raise RemoteError(f"no article {missing[0]!r} in the store")
        chosen &= set(wanted)
    if since is not None:
        recent = {
            quad.graph_name.value
            for quad in store.quads_for_pattern(None, pyoxigraph.NamedNode(str(DIP.published)), None, None)
            if isinstance(quad.graph_name, pyoxigraph.NamedNode)
            and isinstance(quad.object, pyoxigraph.Literal)
            and _on_or_after(quad.object.value, since)
        }
        chosen &= recent
    return sorted(chosen)


def _on_or_after(lexical: str, since: dt.date) -> bool:
    try:
        return dt.date.fromisoformat(lexical[:10]) >= since
    except ValueError:
        return False


def push(
    store: pyoxigraph.Store,
    remote: Remote,
    *,
    graphs: Iterable[str] | None = None,
    batch_triples: int = 20_000,
    on_progress: Callable[[PushProgress], None] | None = None,
    session: requests.Session | None = None,
) -> PushReport:
    """Replace, on ``remote``, each of ``graphs`` (default: every named graph of ``store``) with the store's copy.

    With the Update protocol, graphs are sent together in requests of about
    ``batch_triples`` triples (one graph larger than that goes alone). With
    GSP every graph is one ``PUT``. ``on_progress`` is called after each
    request. Raises :class:`PushError` (naming the graph),
    :class:`RemoteAuthError` or :class:`RemoteError`; graphs pushed before
    the failure stay pushed, and the failed request changed nothing.
    """
    names = select_graphs(store) if graphs is None else list(graphs)
    client = _Client(remote, session)
    started = time.monotonic()
    try:
        client.probe()
        done_graphs = done_triples = 0
        for batch in _batches(store, names, remote.protocol, batch_triples):
            client.send_batch(batch)
            done_graphs += len(batch)
            done_triples += sum(graph.triples for graph in batch)
            if on_progress is not None:
                on_progress(PushProgress(done_graphs, len(names), done_triples))
    finally:
        if session is None:
            client.http.close()
    return PushReport(
        url=redact_url(remote.url),
        protocol=remote.protocol,
        graphs=done_graphs,
        triples=done_triples,
        requests=client.http.requests,
        retries=client.http.retried,
        seconds=time.monotonic() - started,
    )


@dataclass(frozen=True)
class _Graph:
    iri: str
    ntriples: bytes
    triples: int


def _read_graph(store: pyoxigraph.Store, iri: str) -> _Graph:
    data = store.dump(format=pyoxigraph.RdfFormat.N_TRIPLES, from_graph=pyoxigraph.NamedNode(iri)) or b""
    return _Graph(iri=iri, ntriples=data, triples=data.count(b"\n"))


def _batches(store: pyoxigraph.Store, names: Sequence[str], protocol: str, batch_triples: int) -> Iterator[list[_Graph]]:
    """Graphs read from the store lazily, grouped: one a batch for GSP, up to ``batch_triples`` for Update."""
    batch: list[_Graph] = []
    size = 0
    for iri in names:
        graph = _read_graph(store, iri)
        if batch and (protocol == "gsp" or size + graph.triples > batch_triples):
            yield batch
            batch, size = [], 0
        batch.append(graph)
        size += graph.triples
    if batch:
        yield batch


def _update_request(graphs: Sequence[_Graph], *, pragma: str = "") -> bytes:
    """One SPARQL Update replacing each graph: ``DROP SILENT GRAPH`` then ``INSERT DATA`` in chunks."""
    operations: list[bytes] = []
    for graph in graphs:
        name = pyoxigraph.NamedNode(graph.iri)
        operations.append(b"DROP SILENT GRAPH " + str(name).encode())
        lines = graph.ntriples.splitlines()
        for start in range(0, len(lines), INSERT_DATA_TRIPLES):
            chunk = b"\n".join(lines[start : start + INSERT_DATA_TRIPLES])
            operations.append(b"INSERT DATA { GRAPH " + str(name).encode() + b" {\n" + chunk + b"\n} }")
    return pragma.encode() + b" ;\n".join(operations) + b"\n"


class EndpointClient:
    """One HTTP session with a remote endpoint: credentials, retries, one-line errors without the password.

    The credentials are used once the server asks for them (HTTP 401), with
    the scheme of its challenge (Basic or Digest), or from the start after
    :meth:`use_basic`. :meth:`request` retries passing failures as ``retry``
    says (see :mod:`kgbuild.retry`) and raises :class:`RequestFailed` when
    there is no answer to return; ``requests`` and ``retried`` count the
    requests sent and the retries.
    """

    def __init__(
        self,
        url: str,
        *,
        credentials: Credentials | None = None,
        timeout: float = 120.0,
        retry: RetryPolicy = RetryPolicy(),
        session: requests.Session | None = None,
    ) -> None:
        self.url = url
        self.credentials = credentials
        self.timeout = timeout
        self.retry = retry
        self.session = session if session is not None else requests.Session()
        self.requests = 0
        self.retried = 0

    def close(self) -> None:
        self.session.close()

    def scrub(self, text: str) -> str:
        """``text`` without this client's password (see :func:`scrub`)."""
        return scrub(text, self.credentials)

    def said(self, response: requests.Response) -> str:
        """``: what the server said`` in one short line, or nothing."""
        return self.scrub(_said(response))

    def use_basic(self) -> None:
        """Send the credentials with every request from now on, as HTTP Basic."""
        if self.credentials is not None:
            self.session.auth = HTTPBasicAuth(self.credentials.user, self.credentials.password)

    def answer_challenge(self, response: requests.Response) -> bool:
        """After a 401, take up the scheme it asks for (Digest, else Basic); whether there is something new to try."""
        if response.status_code != 401 or self.credentials is None or self.session.auth is not None:
            return False
        challenge = response.headers.get("WWW-Authenticate", "").lower()
        scheme = HTTPDigestAuth if "digest" in challenge else HTTPBasicAuth
        self.session.auth = scheme(self.credentials.user, self.credentials.password)
        return True

    def request(
        self,
        method: str,
        *,
        what: str,
        idempotent: bool,
        params: Mapping[str, str] | None = None,
        body: bytes | None = None,
        headers: Mapping[str, str] | None = None,
        retry_internal_error: bool | None = None,
    ) -> requests.Response:
        """Send, retrying passing failures; an answer not worth another try is returned, whatever its status.

        ``what`` names the request in errors ("push of graph <...>"). An
        ``idempotent`` request (doing it twice does what doing it once does)
        is also tried again after a dropped connection, no answer in time, or
        (unless ``retry_internal_error`` is false) an HTTP 500; see
        :mod:`kgbuild.retry`. Raises :class:`RequestFailed` when no answer
        came, or only passing failures until the retries ran out (the message
        then says how many tries).
        """
        internal = idempotent if retry_internal_error is None else retry_internal_error and idempotent

        def send() -> requests.Response:
            response = self._send(method, params=params, body=body, headers=headers)
            if retryable_status(response.status_code, idempotent=internal):
                raise _PassingAnswer(response)
            return response

        def failure(error: Exception) -> Failure | None:
            if isinstance(error, _PassingAnswer):
                answer = error.response
                return Failure(f"HTTP {answer.status_code} {answer.reason}{self.said(answer)}", again=True,
                               retry_after=retry_after_seconds(answer.headers.get("Retry-After")))
            if isinstance(error, requests.Timeout):
                # A connect timeout sent nothing; a read timeout may have sent it all.
                return Failure(f"no answer within {self.timeout:g} s",
                               again=idempotent or isinstance(error, requests.ConnectTimeout))
            if isinstance(error, requests.ConnectionError):
                kind = connection_failure(error)
                if kind == "refused":
                    return Failure("cannot connect (connection refused)", again=True)
                if kind == "reset":
                    return Failure("the connection was closed before the answer", again=idempotent)
                return Failure(f"cannot connect ({self.scrub(first_line(error))})", again=idempotent)
            if isinstance(error, requests.RequestException):
                return Failure(self.scrub(first_line(error)), again=False)
            return None

        return retried(send, what=what, url=self.url, retry=self.retry, failure=failure, on_retry=self._count_retry)

    def _count_retry(self) -> None:
        self.retried += 1

    def _send(
        self, method: str, *, params: Mapping[str, str] | None, body: bytes | None, headers: Mapping[str, str] | None
    ) -> requests.Response:
        """One request, and once more with the credentials when it met their challenge."""
        for _ in range(2):
            self.requests += 1
            response = self.session.request(method, self.url, params=params, data=body, headers=headers,
                                            timeout=self.timeout)
            if not self.answer_challenge(response):
                break
        return response


class _Client:
    """The push side: the probe, batches of graphs, Virtuoso's quirks; HTTP through an :class:`EndpointClient`."""

    def __init__(self, remote: Remote, session: requests.Session | None) -> None:
        self.remote = remote
        self.http = EndpointClient(remote.url, credentials=remote.credentials, timeout=remote.timeout,
                                   retry=remote.retry, session=session)
        self.pragma = ""
        self.pragma_switched = False  # the pragma is switched on or off at most once
        self.virtuoso = False

    def probe(self) -> None:
        """One bodiless request: reach the server, pick Basic or Digest from its challenge,
        check the credentials, recognise Virtuoso."""
        params = {"graph": _PROBE_GRAPH} if self.remote.protocol == "gsp" else None
        response = self._request("HEAD", params=params, body=None, what="contacting the store")
        credentials = self.remote.credentials
        if response.status_code == 401:
            if credentials is None:
                raise RemoteAuthError(
                    f"{redact_url(self.remote.url)} asks for credentials: give --user (the password in "
                    f"{DEFAULT_PASSWORD_ENV}, --password-env VAR or a netrc entry)"
                )
            raise RemoteAuthError(f"{redact_url(self.remote.url)} refused the credentials of user {credentials.user!r}")
        if credentials is not None and self.http.session.auth is None:
            self.http.use_basic()
        self.virtuoso = "virtuoso" in response.headers.get("Server", "").lower()
        if self.virtuoso and self.remote.protocol == "update":
            self.pragma = VIRTUOSO_UPDATE_PRAGMA


    def send_batch(self, batch: Sequence[_Graph]) -> None:
        try:
            self._send(batch)
        except PushError as error:
            if len(batch) == 1 or error.status is None:
                raise
            # The server refused the request: find out which graph it refuses.
            # Each request is one transaction, so sending the batch again graph
            # by graph is safe; all of them going through one by one means the
            # batch was only too large for the server, and the push goes on.
            for graph in batch:
                self._send([graph])

    def _send(self, batch: Sequence[_Graph]) -> None:
        first = batch[0].iri
        what = f"push of graph <{first}>" if len(batch) == 1 else f"push of {len(batch)} graphs from <{first}>"
        if self.remote.protocol == "gsp":
            try:
                response = self._request(
                    "PUT", params={"graph": first}, body=batch[0].ntriples,
                    headers={"Content-Type": "application/n-triples"}, what=what, graph=first,
                )
                self._check(response, what, first)
            except PushError as error:
                if self.virtuoso:
                    raise self._remove_after_failure(first, error) from None
                raise
            return
        response = self._request(
            "POST", params=None, body=_update_request(batch, pragma=self.pragma),
            headers={"Content-Type": "application/sparql-update"}, what=what, graph=first,
            # A 500 to an update is a refusal that does not pass (Virtuoso's compiler, its size limits):
            # answered at once, so that the batch is split to name the graph refused, or the pragma switched.
            retry_internal_error=False,
        )
        if response.status_code >= 400:
            said = response.text[:2000]
            if self.pragma and "big-data-const" in said and not self.pragma_switched:
                # Virtuoso says this instead of the real refusal (an endpoint
                # without SPARQL_UPDATE): try again without the pragma to show that.
                self.pragma, self.pragma_switched = "", True
                self._send(batch)
                return
            too_big = "SP031" in said or "SQ199" in said
            if not self.pragma and said.startswith("Virtuoso") and too_big and not self.pragma_switched:
                # A Virtuoso the probe did not recognise (a proxy hid its name),
                # whose compiler gives up on large INSERT DATA: use its pragma.
                self.pragma, self.pragma_switched = VIRTUOSO_UPDATE_PRAGMA, True
                self._send(batch)
                return
        self._check(response, what, first)

    def _check(self, response: requests.Response, what: str, graph: str) -> None:
        if response.status_code == 401:
            raise RemoteAuthError(
                f"{what} refused by {redact_url(self.remote.url)}: HTTP {response.status_code} {response.reason}{self.http.said(response)}"
            )
        if response.status_code >= 400:
            raise PushError(
                f"{what} failed at {redact_url(self.remote.url)}: HTTP {response.status_code} {response.reason}{self.http.said(response)}",
                graph=graph, status=response.status_code,
            )

    def _remove_after_failure(self, graph: str, error: PushError) -> PushError:
        """Virtuoso's Graph Store PUT is not one transaction: a failed one can leave part of the new graph.

        Delete the graph, so that it is absent rather than half-written, and
        say so in the error.
        """
        try:
            response = self._request("DELETE", params={"graph": graph}, body=None, what="removal", graph=graph)
            removed = response.status_code < 300 or response.status_code == 404
        except RemoteError:
            removed = False
        note = (
            "the graph was removed rather than left half-written (Virtuoso's Graph Store PUT is not transactional); "
            "push it again, or use --update"
            if removed
            else "and the graph could not be removed: it may be half-written; push it again"
        )
        return PushError(f"{error}; {note}", graph=graph, status=error.status)

    def _request(
        self,
        method: str,
        *,
        params: dict[str, str] | None,
        body: bytes | None,
        what: str,
        headers: dict[str, str] | None = None,
        graph: str | None = None,
        retry_internal_error: bool = True,
    ) -> requests.Response:
        """Send through the HTTP client; its final failure becomes a :class:`PushError` naming ``graph``.

        Every request of a push is idempotent: HEAD, a ``PUT`` or ``DELETE`` of
        a whole graph, and Update requests that drop each graph before
        inserting it again.
        """
        try:
            return self.http.request(method, params=params, body=body, headers=headers, what=what, idempotent=True,
                                     retry_internal_error=retry_internal_error)
        except RequestFailed as error:
            raise PushError(str(error), graph=graph) from None


@dataclass(frozen=True)
class Failure:
    """What one failed try tells: why (one line), whether another try may help, and the wait the server asked for."""

    reason: str
    again: bool
    retry_after: float | None = None


def retried(
    send: Callable[[], _T],
    *,
    what: str,
    url: str,
    retry: RetryPolicy,
    failure: Callable[[Exception], Failure | None],
    on_retry: Callable[[], None] = lambda: None,
) -> _T:
    """``send()``, tried again as ``retry`` says while it raises an exception that ``failure`` reads as passing.

    The one retry loop of :class:`EndpointClient` and of remote queries
    (SPARQLWrapper's client). ``failure`` returns ``None`` for an exception
    that is not about the request (it is raised as it is); ``on_retry`` is
    called before each new try. Raises :class:`RequestFailed`
    naming ``what`` and ``url`` (without credentials) when a failure does not
    pass, or the retries ran out (the message then says how many tries).
    """
    where = redact_url(url)
    reason = ""
    for attempt in range(retry.retries + 1):
        try:
            return send()
        except Exception as error:  # noqa: BLE001 - ``failure`` decides which ones are about the request
            found = failure(error)
            if found is None:
                raise
            if not found.again:
                raise RequestFailed(f"{what} failed at {where}: {found.reason}") from None
            reason = found.reason
            if attempt < retry.retries:
                time.sleep(retry.delay(attempt, retry_after=found.retry_after))
                on_retry()
    tries = retry.retries + 1
    raise RequestFailed(f"{what} failed at {where}: {reason} (tried {tries} time{'s' * (tries > 1)})")


class _PassingAnswer(Exception):
    """An answer worth another try (a busy server), raised inside :meth:`EndpointClient.request` only."""

    def __init__(self, response: requests.Response) -> None:
        super().__init__(response.status_code)
        self.response = response


def scrub(text: str, credentials: Credentials | None) -> str:
    """``text`` without the password in any form a server could echo (as is, URL-encoded, in a Basic header)."""
    text = _AUTHORIZATION.sub(r"\1 ***", text)
    if credentials is None or not credentials.password:
        return text
    secret, pair = credentials.password, f"{credentials.user}:{credentials.password}"
    forms = {
        secret, urllib.parse.quote(secret, safe=""), urllib.parse.quote_plus(secret), repr(secret)[1:-1],
        base64.b64encode(pair.encode()).decode(), base64.b64encode(secret.encode()).decode(),
    }
    for form in sorted(forms, key=len, reverse=True):
        text = text.replace(form, "***")
    return text


def _said(response: requests.Response) -> str:
    """``: what the server said`` in one short line, or nothing.

    From a plain-text answer, its first line (Virtuoso's and Oxigraph's
    errors say it all there); from an HTML error page, its body's text
    without the heading that repeats the status.
    """
    text = response.text if response.content else ""
    if "html" in response.headers.get("Content-Type", "").lower() or _HTML_START.match(text):
        text = _HTML_HEAD.sub(" ", text)
        text = " ".join(strip_tags(text).split())
    message = first_line(text)
    return f": {message}" if message else ""


def strip_tags(text: str) -> str:
    """``text`` with its HTML tags made spaces (IRIs in angle brackets, ``<http://...>``, stay)."""
    return _HTML_TAG.sub(" ", text)


def first_line(value: object) -> str:
    """The first non-empty line of ``value``'s text, whitespace collapsed, cut short."""
    for line in str(value).splitlines():
        line = " ".join(line.split())
        if line:
            return line if len(line) <= _MESSAGE_CHARS else line[: _MESSAGE_CHARS - 1] + "…"
    return ""


def redact_url(url: str) -> str:
    """``url`` without a user name or password in it."""
    parts = urllib.parse.urlsplit(url)
    if parts.username is None and parts.password is None:
        return url
    host = parts.hostname or ""
    netloc = f"{host}:{parts.port}" if parts.port else host
    return urllib.parse.urlunsplit(parts._replace(netloc=netloc))

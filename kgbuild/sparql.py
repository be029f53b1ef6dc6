"""Named SPARQL queries: loading them, binding their parameters safely, running them.

A named query is a ``.rq`` file that starts with a header comment block::

    # name: person_roles
    # description: Positions and leaderships of people whose name matches a text.
    # parameters: person (required) - words of the person's name (whole words, any case, any accents)
    # columns: person, person_label, relation, role, modality

More parameters go on further ``# parameters:`` lines; ``(required, iri)``
or ``(optional, iri)`` marks one whose value must be an absolute IRI.

A parameter ``x`` binds the variable ``?param_x``. A text parameter (one
without ``iri``) also binds, when the query mentions them, the variables of
its name lookup (:func:`kgbuild.namekeys.name_lookup`): ``?param_x_key``
(the longest word, titles aside, case-folded and accent-free, to look up in
``dip:nameKey``; ``""`` when the text is to be matched as plain text),
``?param_x_words`` (every word, between spaces) and ``?param_x_size`` (how
many); for an optional parameter that is not given they are ``""``, ``" "``
and 0, and ``?param_x`` stays unbound. The result keeps the header's columns
only.

Values are bound, never pasted into the text: locally and remotely alike,
through ``VALUES`` blocks of terms in ``rdflib`` syntax (``n3()``, so a value
is only ever a literal or a checked IRI), inserted at the start of the
outermost ``WHERE`` group and of every sub-``SELECT`` that projects the
variable through every enclosing ``SELECT`` (where SEP-0007 substitution
would replace it). So a query may use its parameters in its outermost group
(a ``FILTER EXISTS`` there sees them) and in the sub-``SELECT`` groups that
project them; use ``COALESCE(?param_x, "")`` for an optional one.

>>> query = load_query("events")
>>> query.columns[:3]
('event', 'event_label', 'type')
>>> print(format_result(QueryResult(columns=("a", "bb"), rows=(("x", None),)), "csv"), end="")
a,bb
x,
"""

from __future__ import annotations

import ast
import csv
import http.client
import io
import json
import os
import re
import socket
import urllib.error
import urllib.parse
import urllib.request
import warnings
from collections.abc import Mapping
from dataclasses import dataclass
from http import HTTPStatus
from pathlib import Path

import pyoxigraph
import rdflib

from .namekeys import name_lookup
from .remote import (
    DEFAULT_PASSWORD_ENV,
    Credentials,
    EndpointClient,
    Failure,
    RequestFailed,
    first_line,
    redact_url,
    retried,
    scrub,
    strip_tags,
)
from .resources import queries_dir
from .retry import RetryPolicy, connection_failure, retry_after_seconds, retryable_status

__all__ = [
    "NamedQuery",
    "Parameter",
    "QueryError",
    "QueryHeaderError",
    "QueryNotFound",
    "QueryParameterError",
    "QueryResult",
    "RESULT_FORMATS",
    "ResultFormatError",
    "ResultsTruncatedWarning",
    "check_endpoint",
    "format_result",
    "insert_values",
    "list_queries",
    "load_query",
    "run_query",
]

#: The names :func:`format_result` accepts.
RESULT_FORMATS: tuple[str, ...] = ("table", "csv", "json")

#: The variable a parameter binds is this prefix plus the parameter name.
PARAMETER_VARIABLE_PREFIX = "param_"

#: The suffixes of the variables a text parameter's name lookup binds (``?param_x_key``...).
LOOKUP_SUFFIXES: tuple[str, ...] = ("key", "words", "size")

_HEADER_LINE = re.compile(r"#\s*(?P<key>[a-z]+)\s*:\s*(?P<value>.*?)\s*$")
_PARAMETER = re.compile(r"(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*\((?P<flags>[^)]*)\)\s*(?:[-:]\s*(?P<description>.*))?")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
# An absolute IRI: a scheme, then no character that IRIREF forbids.
_ABSOLUTE_IRI = re.compile(r'[A-Za-z][A-Za-z0-9+.\-]*:[^\x00-\x20<>"{}|^`\\]*')
# The SPARQL tokens that may hold a brace or "WHERE" that is not syntax.
_IRIREF = re.compile(r'<[^<>"{}|^`\\\x00-\x20]*>')
_STRING = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""|' r"'''(?:[^'\\]|\\.|'(?!''))*'''|" r'"(?:[^"\\\n]|\\.)*"|' r"'(?:[^'\\\n]|\\.)*'",
    re.DOTALL,
)
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_\-]*")
_SURROGATE = re.compile("[\ud800-\udfff]")
_LOCAL_NAME = re.compile(r"(?:[A-Za-z0-9_\-.:]|%[0-9A-Fa-f]{2}|\\.)*")


class QueryError(Exception):
    """A named query could not be loaded or run."""


class QueryNotFound(QueryError, LookupError):
    """No named query of that name, and no ``.rq`` file at that path."""


class QueryHeaderError(QueryError):
    """A ``.rq`` file whose header comment block is missing or malformed."""


class QueryParameterError(QueryError, ValueError):
    """A parameter value that is missing, unknown or invalid."""


class ResultFormatError(QueryError, ValueError):
    """A result format :func:`format_result` does not know."""


class ResultsTruncatedWarning(UserWarning):
    """A remote endpoint returned fewer rows than the query has (Virtuoso's ``ResultSetMaxRows``)."""


@dataclass(frozen=True)
class Parameter:
    """One parameter of a named query."""

    name: str
    required: bool
    description: str = ""
    iri: bool = False

    @property
    def variable(self) -> str:
        """The SPARQL variable (without ``?``) the parameter binds."""
        return PARAMETER_VARIABLE_PREFIX + self.name


@dataclass(frozen=True)
class NamedQuery:
    """A SPARQL query read from a ``.rq`` file, with its header."""

    name: str
    path: Path
    text: str
    parameters: tuple[Parameter, ...]
    columns: tuple[str, ...]
    description: str = ""


@dataclass(frozen=True)
class QueryResult:
    """Rows of plain strings (IRIs as strings, literals as their lexical form, ``None`` when unbound)."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str | None, ...], ...]


def list_queries() -> list[NamedQuery]:
    """The named queries shipped in ``queries/``, sorted by name."""
    return [parse_query_file(path) for path in sorted(queries_dir().glob("*.rq"))]


def load_query(name_or_path: str | os.PathLike[str]) -> NamedQuery:
    """The named query called ``name_or_path``, or the one in that ``.rq`` file.

    >>> load_query("no_such_query")
    Traceback (most recent call last):
    ...
    kgbuild.sparql.QueryNotFound: no query named 'no_such_query'; available: events, facts, person_roles, stances, statements, summit_attendees
    """
    text = os.fspath(name_or_path)
    looks_like_path = text.endswith(".rq") or os.sep in text or "/" in text
    if looks_like_path:
        path = Path(text)
        if not path.is_file():
            raise QueryNotFound(f"no query file {path}")
        return parse_query_file(path)
    path = queries_dir() / f"{text}.rq"
    if _NAME.fullmatch(text) is None or not path.is_file():
        available = ", ".join(sorted(p.stem for p in queries_dir().glob("*.rq")))
        raise QueryNotFound(f"no query named {text!r}; available: {available}")
    return parse_query_file(path)


def parse_query_file(path: Path) -> NamedQuery:
    """Read a ``.rq`` file and its header comment block."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise QueryError(f"cannot read query file {path}: {error}") from error
    fields: dict[str, str] = {}
    parameters: list[Parameter] = []
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("#"):
            break  # the header ends at the first line of SPARQL
        match = _HEADER_LINE.fullmatch(stripped)
        if match is None:
            continue  # a plain comment
        key, value = match.group("key"), match.group("value")
        if key == "parameters":
            parameters.extend(_parse_parameters(value, f"{path}:{number}"))
        elif key in ("name", "description", "columns"):
            fields[key] = value
    for key in ("name", "columns"):
        if not fields.get(key):
            raise QueryHeaderError(f"{path}: the header has no '# {key}:' line")
    columns = tuple(column.strip() for column in fields["columns"].split(","))
    if not all(_NAME.fullmatch(column) for column in columns):
        raise QueryHeaderError(f"{path}: '# columns:' must be a comma-separated list of variable names")
    for parameter in parameters:
        if re.search(rf"[?$]{parameter.variable}\b", text) is None:
            raise QueryHeaderError(f"{path}: parameter {parameter.name!r} is never used as ?{parameter.variable}")
    names = {parameter.name for parameter in parameters}
    for parameter in parameters:
        taken = names & {f"{parameter.name}_{suffix}" for suffix in LOOKUP_SUFFIXES}
        if len(names) < len(parameters) or (taken and not parameter.iri):
            raise QueryHeaderError(
                f"{path}: parameter {parameter.name!r} is declared twice or clashes with {sorted(taken)}"
            )
    return NamedQuery(
        name=fields["name"],
        path=path,
        text=text,
        parameters=tuple(parameters),
        columns=columns,
        description=fields.get("description", ""),
    )


def _parse_parameters(value: str, origin: str) -> list[Parameter]:
    if value.lower() in ("", "none", "-"):
        return []
    match = _PARAMETER.fullmatch(value)
    if match is None:
        raise QueryHeaderError(f"{origin}: expected '# parameters: name (required|optional) - meaning'")
    flags = {flag.strip().lower() for flag in match.group("flags").split(",")}
    if len(flags & {"required", "optional"}) != 1 or flags - {"required", "optional", "iri"}:
        raise QueryHeaderError(f"{origin}: parameter flags must be 'required' or 'optional', and maybe 'iri'")
    return [
        Parameter(
            name=match.group("name"),
            required="required" in flags,
            description=(match.group("description") or "").strip(),
            iri="iri" in flags,
        )
    ]


def run_query(
    query: NamedQuery | str | os.PathLike[str],
    *,
    store: pyoxigraph.Store | None = None,
    endpoint: str | None = None,
    params: Mapping[str, str] | None = None,
    timeout: float = 60,
    credentials: Credentials | None = None,
    retry: RetryPolicy = RetryPolicy(),
) -> QueryResult:
    """Run a named query on a local ``store`` or a remote SPARQL ``endpoint``; exactly one is given.

    The default graph is the union of the named graphs (locally; a remote
    endpoint must be configured so). ``timeout`` (seconds), ``credentials``
    (HTTP Basic or Digest, as the endpoint asks) and ``retry`` (see
    :mod:`kgbuild.retry`; a query is idempotent, so a 500 or a dropped
    connection is tried again too) apply to remote queries only: pyoxigraph
    has no query timeout.
    """
    named = query if isinstance(query, NamedQuery) else load_query(query)
    if (store is None) == (endpoint is None):
        raise QueryError("run_query needs exactly one of store= or endpoint=")
    bindings = bind_parameters(named, params or {})
    if store is not None:
        return _run_local(named, store, bindings)
    check_endpoint(endpoint)  # type: ignore[arg-type]
    return _run_remote(named, endpoint, bindings, timeout=timeout, credentials=credentials,  # type: ignore[arg-type]
                       retry=retry)


def check_endpoint(endpoint: str) -> None:
    """Refuse an endpoint that is not an ``http(s)://host[:port]/...`` URL, without echoing what it holds.

    A user name or password in the URL is refused: it must not end up in a
    message, a shell history or a process list (give ``credentials``).

    >>> check_endpoint("http://kg:s3cret@127.0.0.1:7878/query")
    Traceback (most recent call last):
    ...
    kgbuild.sparql.QueryParameterError: the endpoint URL holds a user name or password; give an endpoint without them (and --user NAME)
    """
    if not isinstance(endpoint, str):
        raise QueryParameterError(f"the endpoint must be a URL string, not {type(endpoint).__name__}")
    try:
        parts = urllib.parse.urlsplit(endpoint)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except (ValueError, TypeError):
        raise QueryParameterError("the endpoint is not a valid URL") from None
    if "@" in parts.netloc:
        raise QueryParameterError(
            "the endpoint URL holds a user name or password; give an endpoint without them (and --user NAME)"
        )
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise QueryParameterError(f"the endpoint must be an http:// or https:// URL, not {_shown(endpoint)}")


def bind_parameters(query: NamedQuery, params: Mapping[str, str]) -> dict[str, rdflib.term.Identifier]:
    """The RDF term each variable binds, keyed by variable name; checks parameter names and values.

    Beside each text parameter come the variables of its name lookup that
    the query mentions (see the module docstring).

    >>> bindings = bind_parameters(load_query("summit_attendees"), {"event": "Vilnius summit"})
    >>> {name: str(term) for name, term in bindings.items()}
    {'param_event': 'Vilnius summit', 'param_event_key': 'vilnius', 'param_event_words': ' vilnius summit ', 'param_event_size': '2'}
    """
    known = {parameter.name: parameter for parameter in query.parameters}
    unknown = sorted(set(params) - set(known))
    if unknown:
        takes = ", ".join(known) or "no parameters"
        raise QueryParameterError(f"query {query.name!r} has no parameter {unknown[0]!r}; it takes: {takes}")
    bindings: dict[str, rdflib.term.Identifier] = {}
    for parameter in query.parameters:
        value = params.get(parameter.name)
        if value is None or value == "":
            if parameter.required:
                raise QueryParameterError(
                    f"query {query.name!r} needs parameter {parameter.name!r} ({parameter.description or 'required'})"
                )
            continue
        if not isinstance(value, str):
            raise QueryParameterError(f"parameter {parameter.name!r} must be a string, not {type(value).__name__}")
        if _SURROGATE.search(value):
            raise QueryParameterError(f"parameter {parameter.name!r} is not valid unicode (it holds a lone surrogate)")
        if parameter.iri:
            if _ABSOLUTE_IRI.fullmatch(value) is None or not _parses_as_iri(value):
                raise QueryParameterError(f"parameter {parameter.name!r} must be an absolute IRI, not {_shown(value)}")
            bindings[parameter.variable] = rdflib.URIRef(value)
        else:
            bindings[parameter.variable] = rdflib.Literal(value)
    for parameter in query.parameters:
        if not parameter.iri:
            bindings.update(_lookup_bindings(query, parameter, params.get(parameter.name) or None))
    return bindings


def _lookup_bindings(query: NamedQuery, parameter: Parameter, value: str | None) -> dict[str, rdflib.Literal]:
    """The name-lookup variables of a text parameter that ``query`` mentions, bound for ``value``."""
    lookup = name_lookup(value)
    terms = {"key": rdflib.Literal(lookup.key), "words": rdflib.Literal(lookup.words), "size": rdflib.Literal(lookup.size)}
    bindings: dict[str, rdflib.Literal] = {}
    for suffix in LOOKUP_SUFFIXES:
        variable = f"{parameter.variable}_{suffix}"
        if re.search(rf"[?$]{variable}\b", query.text):
            bindings[variable] = terms[suffix]
    return bindings


def _parses_as_iri(value: str) -> bool:
    """Whether ``value`` is an absolute IRI by RFC 3987 (percent-encoding, host, one fragment...)."""
    try:
        pyoxigraph.NamedNode(value)
    except ValueError:
        return False
    return True


def _shown(value: str, limit: int = 80) -> str:
    """``value`` quoted for a one-line message, cut short."""
    shown = repr(value)
    return shown if len(shown) <= limit else shown[: limit - 4] + "...'"


def _run_local(
    query: NamedQuery, store: pyoxigraph.Store, bindings: Mapping[str, rdflib.term.Identifier]
) -> QueryResult:
    """Run ``query`` on ``store`` with its parameters bound by ``VALUES`` blocks, as remotely.

    Not through pyoxigraph's ``substitutions``: on the shipped queries they
    gave plans up to 20 times slower than the same values in ``VALUES``
    blocks (summit_attendees, 1.9 s against 0.1 s on 2M triples). One block
    per group: it halves the planning time of the longer queries.
    """
    text = insert_values(query.text, {name: term.n3() for name, term in bindings.items()}, one_block=True)
    try:
        solutions = store.query(text, use_default_graph_as_union=True)
        if not isinstance(solutions, pyoxigraph.QuerySolutions):
            raise QueryError(f"query {query.name!r} is not a SELECT query")
        variables = [variable.value for variable in solutions.variables]
        _check_columns(query, set(variables))
        # By position: looking a column up by name costs more than the rest of a row.
        positions = [variables.index(column) for column in query.columns]
        rows = tuple(tuple(_plain(solution[i]) for i in positions) for solution in solutions)
    except (SyntaxError, OSError, RuntimeError, ValueError) as error:
        raise QueryError(f"query {query.name!r} failed: {error}") from error
    return QueryResult(columns=query.columns, rows=rows)


def _plain(term: object) -> str | None:
    if term is None:
        return None
    return term.value  # type: ignore[attr-defined]


def _run_remote(
    query: NamedQuery,
    endpoint: str,
    bindings: Mapping[str, rdflib.term.Identifier],
    *,
    timeout: float,
    credentials: Credentials | None,
    retry: RetryPolicy,
) -> QueryResult:
    """Run ``query`` at ``endpoint`` through SPARQLWrapper, asking for SPARQL JSON results explicitly.

    Virtuoso answers in its own default format unless told, and cuts results
    at its ``ResultSetMaxRows`` saying so only in an ``X-SPARQL-MaxRows``
    header: kgbuild then issues a :class:`ResultsTruncatedWarning`. Passing
    failures are tried again as ``retry`` says (a query is idempotent: a 500
    or a dropped connection too); credentials are sent only when the endpoint
    asks for them, in the scheme it asks for (see :func:`_authenticate`).
    """
    from SPARQLWrapper import JSON, POST, SPARQLWrapper  # the network edge only

    text = insert_values(query.text, {name: term.n3() for name, term in bindings.items()})
    client = SPARQLWrapper(endpoint)
    client.setQuery(text)
    client.setMethod(POST)
    client.setReturnFormat(JSON)
    client.addCustomHttpHeader("Accept", "application/sparql-results+json")
    client.setTimeout(max(1, round(timeout)))
    what = f"query {query.name!r}"

    def send() -> tuple[Mapping[str, str], bytes]:
        answer = client.query()
        return answer.info(), answer.response.read()

    def failure(error: Exception) -> Failure | None:
        return _remote_failure(error, timeout=timeout, credentials=credentials)

    digest = False
    try:
        if credentials is not None:
            digest = _authenticate(client, endpoint, credentials, what=what, timeout=timeout, retry=retry)
        headers, body = retried(send, what=what, url=endpoint, retry=retry, failure=failure)
    except RequestFailed as error:
        raise QueryError(str(error)) from None
    finally:
        if digest:
            # SPARQLWrapper does Digest through a process-wide urllib opener that keeps the
            # password: removed, so that no later request carries it unasked.
            urllib.request.install_opener(None)
    where = redact_url(endpoint)
    try:
        response = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        response = None
    if not isinstance(response, dict) or not isinstance(response.get("results"), dict):
        kind = headers.get("content-type", "no content type")
        raise QueryError(f"query {query.name!r}: {where} did not answer with SPARQL JSON results (it sent {kind})")
    _check_columns(query, set(response.get("head", {}).get("vars", ())))
    rows = tuple(
        tuple(binding[column]["value"] if column in binding else None for column in query.columns)
        for binding in response["results"].get("bindings", ())
    )
    limit = headers.get("x-sparql-maxrows")
    if limit is not None:
        warnings.warn(
            ResultsTruncatedWarning(
                f"query {query.name!r}: {where} cut the results at its limit of {limit} rows "
                f"(Virtuoso's ResultSetMaxRows); {len(rows)} rows came back"
            ),
            stacklevel=4,
        )
    return QueryResult(columns=query.columns, rows=rows)


def _authenticate(
    client: object, endpoint: str, credentials: Credentials, *, what: str, timeout: float, retry: RetryPolicy
) -> bool:
    """Give ``client`` (a SPARQLWrapper) ``credentials`` in the scheme the endpoint's challenge asks for.

    An anonymous ``ASK {}`` reads the challenge: Digest (with its realm) or
    Basic; an endpoint that does not ask gets no credentials. Whether Digest
    is used (SPARQLWrapper then installs a urllib opener, see the caller).
    """
    from SPARQLWrapper import BASIC, DIGEST

    probe = EndpointClient(endpoint, timeout=timeout, retry=retry)
    try:
        answer = probe.request(
            "POST", what=what, idempotent=True, body=b"query=ASK+%7B%7D",
            headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/sparql-results+json"},
        )
    finally:
        probe.close()
    if answer.status_code != 401:
        return False
    challenge = answer.headers.get("WWW-Authenticate", "")
    digest = "digest" in challenge.lower()
    realm = re.search(r'realm="([^"]*)"', challenge)
    client.setHTTPAuth(DIGEST if digest else BASIC)  # type: ignore[attr-defined]
    client.setCredentials(credentials.user, credentials.password,  # type: ignore[attr-defined]
                          realm=realm.group(1) if realm else "SPARQL")
    return digest


def _said_line(text: object) -> str:
    """The first non-empty line of what an endpoint said, its HTML tags dropped, cut short."""
    return first_line(strip_tags(str(text)))


#: The HTTP status behind each of SPARQLWrapper's exceptions (which do not keep it).
_WRAPPER_STATUS = {"QueryBadFormed": 400, "Unauthorized": 401, "EndPointNotFound": 404, "URITooLong": 414,
                   "EndPointInternalError": 500}


def _remote_failure(error: Exception, *, timeout: float, credentials: Credentials | None) -> Failure | None:
    """What a failed SPARQLWrapper query tells (a query is idempotent: any passing failure is worth another try)."""
    from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException, Unauthorized

    if isinstance(error, Unauthorized):
        if credentials is not None:
            return Failure(f"HTTP 401 Unauthorized; it refused the credentials of user {credentials.user!r}", again=False)
        return Failure("HTTP 401 Unauthorized; it asks for credentials: give --user NAME "
                       f"(the password in {DEFAULT_PASSWORD_ENV}, --password-env VAR, or asked for)", again=False)
    if isinstance(error, SPARQLWrapperException):  # 400, 404, 414, 500: the body says why
        # SPARQLWrapper keeps the body only as the repr() of its bytes at the end of its message.
        tail = str(error).partition("Response:\n")[2]
        try:
            body = ast.literal_eval(tail) if tail else b""
        except (ValueError, SyntaxError):
            body = tail
        said = _said_line(body.decode("utf-8", "replace") if isinstance(body, bytes) else body)
        status = _WRAPPER_STATUS.get(type(error).__name__)
        shown = f"HTTP {status} {HTTPStatus(status).phrase}" if status else error.msg.split(":")[0]
        return Failure(scrub(f"{shown}{': ' + said if said else ''}", credentials), again=status == 500)
    if isinstance(error, urllib.error.HTTPError):
        said = _said_line(error.read().decode("utf-8", "replace"))
        return Failure(
            scrub(f"HTTP {error.code} {error.reason}{': ' + said if said else ''}", credentials),
            again=retryable_status(error.code, idempotent=True),
            retry_after=retry_after_seconds(error.headers.get("Retry-After") if error.headers else None),
        )
    kind = connection_failure(error)
    if kind == "refused":
        return Failure("cannot connect (connection refused)", again=True)
    if kind == "reset":
        return Failure("the connection was closed before the answer", again=True)
    if isinstance(error, (TimeoutError, socket.timeout)) or "timed out" in str(error):
        return Failure(f"no answer within {timeout:g} s", again=True)
    if isinstance(error, urllib.error.URLError):
        return Failure(scrub(f"cannot connect ({error.reason})", credentials), again=True)
    if isinstance(error, (OSError, http.client.HTTPException)):
        return Failure(scrub(_said_line(error) or type(error).__name__, credentials), again=True)
    return None


def _check_columns(query: NamedQuery, variables: set[str]) -> None:
    missing = [column for column in query.columns if column not in variables]
    if missing:
        raise QueryError(f"query {query.name!r} does not select the header column(s) {', '.join(missing)}")


def insert_values(text: str, values: Mapping[str, str], *, one_block: bool = False) -> str:
    """``text`` with ``VALUES ?name { term }`` blocks where SEP-0007 substitution would replace the variables.

    That is right after the brace of the outermost WHERE group (every
    variable), and of each sub-``SELECT`` that projects the variable through
    every enclosing sub-``SELECT`` (that variable only). ``values`` maps
    variable names to terms in SPARQL syntax (``Literal(v).n3()``). Comments,
    strings and IRIs are skipped while looking for the braces. With
    ``one_block``, the variables of a group share one ``VALUES (?a ?b)``
    block (one join less per variable for Oxigraph's planner, a few ms on the
    shipped queries; Virtuoso 7.2 loses rows with such blocks in sub-selects).

    >>> insert_values('SELECT ?x # WHERE {\\nWHERE { ?x ?p "{" }', {"v": '"a"'})
    'SELECT ?x # WHERE {\\nWHERE { VALUES ?v { "a" } ?x ?p "{" }'
    >>> insert_values("SELECT ?v WHERE { { SELECT ?v ?n WHERE { ?n ?p ?v } } }", {"v": '"a"', "w": '"b"'})
    'SELECT ?v WHERE { VALUES ?v { "a" } VALUES ?w { "b" } { SELECT ?v ?n WHERE { VALUES ?v { "a" } ?n ?p ?v } } }'
    """
    if not values:
        return text
    insertions = [(outer_where_brace(text), list(values))]
    for brace, visible in subselect_groups(text):
        names = [name for name in values if visible is None or name in visible]
        if names:
            insertions.append((brace, names))
    for brace, names in sorted(insertions, reverse=True):
        if one_block and len(names) > 1:
            block = f" VALUES ({' '.join('?' + name for name in names)}) {{ ({' '.join(values[name] for name in names)}) }}"
        else:
            block = "".join(f" VALUES ?{name} {{ {values[name]} }}" for name in names)
        text = text[: brace + 1] + block + text[brace + 1 :]
    return text


def _tokens(text: str):
    """The braces, parentheses, ``*``, keywords and variables of a SPARQL text, as ``(kind, index, value)``.

    Kinds are ``"punct"``, ``"word"`` (not the prefix of a prefixed name) and
    ``"var"`` (the name without ``?``); comments, strings, IRIs and the local
    parts of prefixed names are skipped.
    """
    i = 0
    while i < len(text):
        char = text[i]
        if char == "#":
            end = text.find("\n", i)
            i = len(text) if end < 0 else end + 1
            continue
        if char in "\"'":
            match = _STRING.match(text, i)
            if match is None:
                raise QueryError("unterminated string in the query")
            i = match.end()
            continue
        if char == "<":
            match = _IRIREF.match(text, i)
            i = match.end() if match else i + 1  # otherwise the less-than operator
            continue
        if char in "?$":  # a variable: its name is not a keyword
            match = _WORD.match(text, i + 1)
            if match:
                yield "var", i, match.group()
            i = match.end() if match else i + 1
            continue
        if char == ":":  # the local part of a prefixed name is not a keyword
            i = _LOCAL_NAME.match(text, i + 1).end()  # type: ignore[union-attr]
            continue
        if char.isalpha() or char == "_":
            match = _WORD.match(text, i)
            assert match is not None
            i = match.end()
            if not (i < len(text) and text[i] == ":"):  # a prefix is not a keyword
                yield "word", match.start(), match.group().upper()
            continue
        if char in "{}()*":
            yield "punct", i, char
        i += 1


def outer_where_brace(text: str) -> int:
    """The index of the opening brace of the outermost WHERE group of a SPARQL query.

    That is the first ``{`` after a top-level ``WHERE`` keyword, or the first
    top-level ``{`` when the keyword is left out (``SELECT * { ... }``).
    """
    depth = 0
    first_brace: int | None = None
    saw_where = False
    for kind, i, value in _tokens(text):
        if kind == "word" and depth == 0 and value == "WHERE":
            saw_where = True
        elif value == "{" and kind == "punct":
            if depth == 0:
                if saw_where:
                    return i
                if first_brace is None:
                    first_brace = i
            depth += 1
        elif value == "}" and kind == "punct":
            depth -= 1
    if first_brace is not None:
        return first_brace
    raise QueryError("the query has no WHERE group")


def subselect_groups(text: str) -> list[tuple[int, frozenset[str] | None]]:
    """The opening brace of each sub-``SELECT``'s WHERE group, with the outermost group's variables it sees.

    A sub-``SELECT`` sees the variables it projects (``?v``, ``(... AS ?v)``;
    ``None``, all of them, with ``*``) that its enclosing ``SELECT`` sees in turn.

    >>> [(brace, sorted(sees)) for brace, sees in subselect_groups(
    ...     "SELECT * { ?a ?b ?c { SELECT ?a (COUNT(?d) AS ?n) WHERE { ?a ?p ?d } GROUP BY ?a } }")]
    [(56, ['a', 'n'])]
    """
    found: list[tuple[int, frozenset[str] | None]] = []
    scopes: list[frozenset[str] | None] = []  # what each open group sees of the outermost one (None: all)
    projected: list[str] | None = None  # the variables of the SELECT clause being read, if any
    every = after_as = False
    parens = 0
    for kind, i, value in _tokens(text):
        if projected is not None:  # in a SELECT clause, up to the brace of its WHERE group
            if kind == "punct" and value == "(":
                parens += 1
            elif kind == "punct" and value == ")":
                parens -= 1
            elif kind == "punct" and value == "*" and parens == 0:
                every = True
            elif kind == "var" and (parens == 0 or after_as):
                projected.append(value)
            after_as = kind == "word" and value == "AS"
            if kind == "punct" and value == "{" and parens == 0:
                if not scopes:  # the outermost SELECT: its group holds every variable
                    scopes.append(None)
                else:
                    outer, own = scopes[-1], None if every else frozenset(projected)
                    sees = own if outer is None else outer if own is None else outer & own
                    found.append((i, sees))
                    scopes.append(sees)
                projected = None
            continue
        if kind == "word" and value == "SELECT":
            projected, every, after_as, parens = [], False, False, 0
        elif kind == "punct" and value == "{":
            scopes.append(scopes[-1] if scopes else None)
        elif kind == "punct" and value == "}" and scopes:
            scopes.pop()
    return found


def format_result(result: QueryResult, fmt: str) -> str:
    """``result`` as ``table`` (aligned columns), ``csv`` (header = columns) or ``json`` (a list of objects).

    >>> print(format_result(QueryResult(columns=("name", "n"), rows=(("Orland", "2"),)), "table"))
    name    n
    ------  -
    Orland  2
    """
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(result.columns)
        writer.writerows(["" if value is None else value for value in row] for row in result.rows)
        return buffer.getvalue()
    if fmt == "json":
        objects = [dict(zip(result.columns, row)) for row in result.rows]
        return json.dumps(objects, ensure_ascii=False, indent=2)
    if fmt == "table":
        cells = [list(result.columns)] + [
            [" ".join((value or "").split()) for value in row] for row in result.rows
        ]
        widths = [max(len(row[i]) for row in cells) for i in range(len(result.columns))]
        lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip() for row in cells]
        lines.insert(1, "  ".join("-" * width for width in widths))
        return "\n".join(lines)
    raise ResultFormatError(f"unknown result format {fmt!r}; choose one of {', '.join(RESULT_FORMATS)}")

"""kgbuild's public operations, each the library call behind one CLI command.

>>> import kgbuild
>>> sorted(kgbuild.query_names())[:2]
['events', 'facts']
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from .gazetteer import GazetteerError, load_gazetteer
from .remote import PushProgress, PushReport, Remote, RemoteError, credentials_for, select_graphs
from .remote import push as _push
from .retry import RetryPolicy
from .scoring import GoldFileError, PredictionFileError, Scores, format_scores, load_gold, predictions_from_facts_csv, score
from .scoring import evaluate as _evaluate_extraction
from .serve import DEFAULT_BIND, ServeError, Server
from .serve import serve as _serve
from .settings import DEFAULT_STORE, DEFAULT_WRITE_BATCH, BuildOptionError, ModelNotFound
from .sparql import (
    QueryError,
    QueryResult,
    ResultsTruncatedWarning,
    check_endpoint,
    format_result,
    list_queries,
    load_query,
    run_query,
)
from .store import Compaction, StoreError, dataset_from_store, open_store
from .store import compact as _compact
from .store import export as _export
from .validation import ValidationReport, validate_graph

if TYPE_CHECKING:
    from .pipeline import BuildProgress, BuildReport

__all__ = [
    "EXPORT_FORMATS",
    "ResultsTruncatedWarning",
    "UsageError",
    "UserError",
    "build",
    "compact",
    "evaluate",
    "export",
    "format_result",
    "format_scores",
    "push",
    "query",
    "query_names",
    "serve",
    "validate",
]

EXPORT_FORMATS = ("turtle", "trig", "nquads", "ntriples", "jsonld", "xml")


class UsageError(Exception):
    """A command was given arguments it cannot use."""


#: Errors that are the user's to fix: the CLI prints them in one line, without a traceback.
UserError = (UsageError, StoreError, QueryError, ModelNotFound, GoldFileError, PredictionFileError, GazetteerError,
             RemoteError, ServeError, BuildOptionError)


def build(
    paths: Iterable[str | os.PathLike[str]],
    *,
    store: str | os.PathLike[str] = DEFAULT_STORE,
    model: str | None = None,
    validate: bool | str = "sample",
    on_problem=None,
    on_progress: Callable[[BuildProgress], None] | None = None,
    workers: int | None = None,
    executor: str = "local",
    scheduler: str | None = None,
    batch_size: int = DEFAULT_WRITE_BATCH,
    force: bool = False,
) -> BuildReport:
    """Build articles (.txt, .jsonl, folders) into the store; see :func:`kgbuild.pipeline.build`.

    Articles the store holds with the same text are skipped unless ``force``;
    ``validate`` is ``"all"``, ``"sample"`` or ``"none"``; ``workers`` processes
    (or Dask workers with ``executor="dask"``, on the cluster at ``scheduler``
    if given). Where processes cannot be forked (macOS, Windows), a script
    building with ``workers`` > 1 must guard its entry point with
    ``if __name__ == "__main__":``: the workers are spawned and import it.
    """
    from .pipeline import build as _build  # here: spaCy and the rules load only for a build

    return _build(paths, store=store, model=model, validate=validate, on_problem=on_problem, on_progress=on_progress,
                  workers=workers, executor=executor, scheduler=scheduler, batch_size=batch_size, force=force)


def query(
    name: str | os.PathLike[str],
    *,
    store: str | os.PathLike[str] | None = DEFAULT_STORE,
    endpoint: str | None = None,
    params: Mapping[str, str] | None = None,
    user: str | None = None,
    password_env: str | None = None,
    netrc_file: str | os.PathLike[str] | None = None,
    password_prompt: Callable[[str], str] | None = None,
    timeout: float = 60,
    retries: int = RetryPolicy.retries,
) -> QueryResult:
    """Run a named query (or a .rq file) on the store, or on a remote endpoint when given.

    At an endpoint asking for HTTP Basic or Digest authentication, the
    credentials are ``user`` with the password of :func:`kgbuild.remote.credentials_for`
    (``password_env``, else ``KGBUILD_PASSWORD``, else a netrc entry, else
    ``password_prompt``). A request that fails for a passing reason is tried
    ``retries`` more times (see :mod:`kgbuild.retry`); ``timeout`` is per request.
    """
    named = load_query(name)
    if endpoint is not None:
        check_endpoint(endpoint)
        credentials = credentials_for(endpoint, user=user, password_env=password_env, netrc_file=netrc_file,
                                      prompt=password_prompt)
        return run_query(named, endpoint=endpoint, params=params, credentials=credentials, timeout=timeout,
                         retry=_retry_policy(retries))
    if user is not None or password_env is not None:
        raise UsageError("--user and --password-env are for a remote endpoint (--endpoint URL)")
    return run_query(named, store=_existing_store(store), params=params)


def push(
    *,
    store: str | os.PathLike[str] = DEFAULT_STORE,
    gsp: str | None = None,
    update: str | None = None,
    user: str | None = None,
    password_env: str | None = None,
    netrc_file: str | os.PathLike[str] | None = None,
    password_prompt: Callable[[str], str] | None = None,
    articles: Sequence[str] = (),
    since: dt.date | None = None,
    batch_triples: int = 20_000,
    timeout: float = 120,
    retries: int = RetryPolicy.retries,
    on_progress: Callable[[PushProgress], None] | None = None,
) -> PushReport:
    """Replace, on a remote store, each article's named graph with the store's copy.

    All graphs, or those of ``articles`` (ids), or of articles published on or after ``since``.

    Give exactly one endpoint: ``gsp`` (SPARQL 1.1 Graph Store HTTP Protocol,
    one ``PUT`` per graph) or ``update`` (SPARQL 1.1 Update). The password
    comes from the environment variable ``password_env``, ``KGBUILD_PASSWORD``,
    a netrc file or ``password_prompt``; see :mod:`kgbuild.remote`. A
    request that fails for a passing reason is tried ``retries`` more times.
    """
    if (gsp is None) == (update is None):
        raise UsageError("push needs exactly one of --gsp URL or --update URL")
    url = gsp if gsp is not None else update
    credentials = credentials_for(url, user=user, password_env=password_env, netrc_file=netrc_file,  # type: ignore[arg-type]
                                  prompt=password_prompt)
    remote = Remote(url=url, protocol="gsp" if gsp is not None else "update", credentials=credentials,  # type: ignore[arg-type]
                    timeout=timeout, retry=_retry_policy(retries))
    database = _existing_store(store)
    graphs = select_graphs(database, articles=articles, since=since)
    return _push(database, remote, graphs=graphs, batch_triples=batch_triples, on_progress=on_progress)


def serve(
    *, store: str | os.PathLike[str] = DEFAULT_STORE, bind: str = DEFAULT_BIND, allow_update: bool = False
) -> Server:
    """Start a SPARQL endpoint (with a query page) over the store; read-only unless ``allow_update``. Stop it with ``.stop()``."""
    return _serve(Path(store), bind=bind, allow_update=allow_update)


def query_names() -> list[str]:
    """The names of the shipped queries."""
    return [q.name for q in list_queries()]


def export(*, store: str | os.PathLike[str] = DEFAULT_STORE, fmt: str = "trig", out: BinaryIO | str | os.PathLike[str]) -> None:
    """Write the whole store in ``fmt`` to ``out`` (a path or a binary stream)."""
    if fmt not in EXPORT_FORMATS:
        raise UsageError(f"unknown export format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}")
    _export(_existing_store(store), fmt, out)


def compact(*, store: str | os.PathLike[str] = DEFAULT_STORE) -> Compaction:
    """Compact the store's files so that queries read fewer of them; the quads stay the same (see :func:`kgbuild.store.compact`)."""
    return _compact(_store_folder(store))


def validate(*, store: str | os.PathLike[str] = DEFAULT_STORE) -> ValidationReport:
    """Validate the union of the store's article graphs against ``ontology/shapes.ttl``."""
    return validate_graph(dataset_from_store(_existing_store(store)))


def evaluate(gold: str | os.PathLike[str], *, predictions: str | os.PathLike[str] | None = None, model: str | None = None) -> Scores:
    """Score extraction (or a CSV of the ``facts`` query) against a gold file."""
    if predictions is None:
        return _evaluate_extraction(gold, model=model)
    return score(load_gold(gold), predictions_from_facts_csv(predictions), gazetteer=load_gazetteer())


def _retry_policy(retries: int) -> RetryPolicy:
    if not isinstance(retries, int) or retries < 0:
        raise UsageError(f"retries must be a whole number, 0 or more, not {retries!r}")
    return RetryPolicy(retries=retries)


def _store_folder(path: str | os.PathLike[str] | None) -> Path:
    """The folder of the store at ``path`` (the default store for ``None``); a user error when there is none."""
    folder = Path(path if path is not None else DEFAULT_STORE)
    if not folder.is_dir():
        raise UsageError(f"{folder}: no store here; build one first with: kgbuild build ARTICLES --store {folder}")
    return folder


def _existing_store(path: str | os.PathLike[str] | None):
    return open_store(_store_folder(path), read_only=True)

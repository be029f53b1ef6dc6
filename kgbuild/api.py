"""kgbuild's public operations, each the library call behind one CLI command.

>>> import kgbuild
>>> sorted(kgbuild.query_names())[:2]
['events', 'facts']
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import BinaryIO

from .articles import InputProblem
from .scoring import GoldFileError, PredictionFileError, Scores, format_scores, load_gold, predictions_from_facts_csv, score
from .scoring import evaluate as _evaluate_extraction
from .gazetteer import GazetteerError, load_gazetteer
from .nlp import ModelNotFound
from .pipeline import DEFAULT_STORE, BuildReport
from .pipeline import build as _build
from .sparql import QueryError, QueryResult, format_result, list_queries, load_query, run_query
from .store import StoreError, dataset_from_store, open_store
from .store import export as _export
from .validation import ValidationReport, validate_graph

__all__ = [
    "EXPORT_FORMATS",
    "UsageError",
    "UserError",
    "build",
    "evaluate",
    "export",
    "format_result",
    "format_scores",
    "query",
    "query_names",
    "validate",
]

EXPORT_FORMATS = ("turtle", "trig", "nquads", "ntriples", "jsonld", "xml")


class UsageError(Exception):
    """A command was given arguments it cannot use."""


#: Errors that are the user's to fix: the CLI prints them in one line, without a traceback.
UserError = (UsageError, StoreError, QueryError, ModelNotFound, GoldFileError, PredictionFileError, GazetteerError)


def build(
    paths: Iterable[str | os.PathLike[str]],
    *,
    store: str | os.PathLike[str] = DEFAULT_STORE,
    model: str | None = None,
    validate: bool = True,
    on_problem=None,
) -> BuildReport:
    """Build articles (.txt, .jsonl, folders) into the store; see :func:`kgbuild.pipeline.build`."""
    return _build(paths, store=store, model=model, validate=validate, on_problem=on_problem)


def query(
    name: str | os.PathLike[str],
    *,
    store: str | os.PathLike[str] | None = DEFAULT_STORE,
    endpoint: str | None = None,
    params: Mapping[str, str] | None = None,
) -> QueryResult:
    """Run a named query (or a .rq file) on the store, or on a remote endpoint when given."""
    named = load_query(name)
    if endpoint is not None:
        return run_query(named, endpoint=endpoint, params=params)
    return run_query(named, store=_existing_store(store), params=params)


def query_names() -> list[str]:
    """The names of the shipped queries."""
    return [q.name for q in list_queries()]


def export(*, store: str | os.PathLike[str] = DEFAULT_STORE, fmt: str = "trig", out: BinaryIO | str | os.PathLike[str]) -> None:
    """Write the whole store in ``fmt`` to ``out`` (a path or a binary stream)."""
    if fmt not in EXPORT_FORMATS:
        raise UsageError(f"unknown export format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}")
    _export(_existing_store(store), fmt, out)


def validate(*, store: str | os.PathLike[str] = DEFAULT_STORE) -> ValidationReport:
    """Validate the union of the store's article graphs against ``ontology/shapes.ttl``."""
    return validate_graph(dataset_from_store(_existing_store(store)))


def evaluate(gold: str | os.PathLike[str], *, predictions: str | os.PathLike[str] | None = None, model: str | None = None) -> Scores:
    """Score extraction (or a CSV of the ``facts`` query) against a gold file."""
    if predictions is None:
        return _evaluate_extraction(gold, model=model)
    return score(load_gold(gold), predictions_from_facts_csv(predictions), gazetteer=load_gazetteer())


def _existing_store(path: str | os.PathLike[str] | None):
    path = Path(path if path is not None else DEFAULT_STORE)
    if not path.is_dir():
        raise UsageError(f"{path}: no store here; build one first with: kgbuild build ARTICLES --store {path}")
    return open_store(path, read_only=True)

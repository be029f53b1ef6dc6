"""Composes the stages: read, parse, extract, map, store, validate. No rules here."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language

from .articles import InputProblem, read_articles
from .extract import ExtractionResources, extract_article, load_resources
from .facts import Article, Extraction
from .mapping import extraction_to_graph
from .nlp import DEFAULT_BATCH_SIZE, load_pipeline
from .store import open_store, write_article_graphs
from .validation import load_ontology, load_shapes, validate_graph

__all__ = ["BuildReport", "DEFAULT_STORE", "build", "extract_articles"]

#: Where ``build`` and ``query`` keep the store unless told otherwise.
DEFAULT_STORE = Path("kgbuild-store")


@dataclass(frozen=True)
class BuildReport:
    """What a build did."""

    articles: int
    facts: int
    triples: int
    problems: tuple[InputProblem, ...]
    violations: tuple[str, ...]


def extract_articles(
    articles: Iterable[Article],
    *,
    nlp: Language | None = None,
    resources: ExtractionResources | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> Iterator[Extraction]:
    """Parse and extract each article, lazily and in order."""
    nlp = nlp or load_pipeline()
    resources = resources or load_resources()
    pairs = ((a.text, a) for a in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield extract_article(doc, article, resources=resources)


def build(
    paths: Iterable[str | Path],
    *,
    store: str | Path = DEFAULT_STORE,
    nlp: Language | None = None,
    model: str | None = None,
    validate: bool = True,
    on_problem=None,
) -> BuildReport:
    """Build the articles under ``paths`` into the store at ``store``.

    Each article's named graph replaces what an earlier build made of it.
    Bad inputs are skipped and reported; the build goes on.
    """
    problems: list[InputProblem] = []

    def report(problem: InputProblem) -> None:
        problems.append(problem)
        if on_problem is not None:
            on_problem(problem)

    nlp = nlp or load_pipeline(model)
    shapes = load_shapes() if validate else None
    ontology = load_ontology() if validate else None
    database = open_store(store)
    articles = facts = triples = 0
    violations: list[str] = []
    for extraction in extract_articles(read_articles(paths, on_problem=report), nlp=nlp):
        graph = extraction_to_graph(extraction)
        if validate:
            result = validate_graph(graph, shapes=shapes, ontology=ontology)
            violations.extend(f"{extraction.article.id}: {v.message}" for v in result.violations)
        triples += write_article_graphs(database, [graph])
        articles += 1
        facts += len(extraction.facts)
    database.flush()
    return BuildReport(articles, facts, triples, tuple(problems), tuple(violations))

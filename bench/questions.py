"""Questions for the named queries, drawn from a store: the parameter values a user would ask about.

A named query's latency depends on its parameter: a person named in three
articles is answered in a few milliseconds, a country named in thousands
in a second. So bench/run.py times each named query over many questions
whose parameters are drawn from the store itself (the parameter curation of
benchmarks such as LDBC's): the labels of the people who hold a position for
``person_roles``, of speakers for ``statements``, of the objects of stances
for ``stances``, of attended events for ``summit_attendees``; for ``facts``
half the questions give an article id and half a subject's label; ``events``
takes no parameter and is asked as is.

The candidates of each parameter are listed by a SPARQL query in
bench/question_sources/ (one column, ``value``), sorted, and sampled by a
``random.Random`` seeded with the seed and the query and parameter names, so
the same store and seed give the same questions. A label is used whole, as a
user types a name ("Aino Varga"); a label the named queries would not look up
by its words (it holds characters no name holds, see
:func:`kgbuild.namekeys.name_lookup`) is left out, not rewritten.

    >>> import pyoxigraph
    >>> [question.params for question in draw_questions(pyoxigraph.Store(), per_query=2, seed=1)]
    [{}, {}]
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph

from kgbuild.namekeys import name_lookup

SOURCES_DIR = Path(__file__).resolve().parent / "question_sources"


@dataclass(frozen=True)
class Source:
    """Where the values of one parameter of a named query come from."""

    query: str
    #: The parameter drawn, or None for a query asked without parameters.
    parameter: str | None = None
    #: The .rq file of SOURCES_DIR that lists the candidates (column ``value``).
    candidates: str | None = None
    #: Whether the value is a name the query looks up by its words (a label), not an exact id.
    is_name: bool = True
    #: What is drawn, in a few words, for the benchmark's table.
    described: str = "no parameter: the query as is"


#: Every named query's sources, in the order the table lists them. A query with two sources
#: (facts) splits its questions between them, the first taking the odd one.
SOURCES: tuple[Source, ...] = (
    Source("events"),
    Source("facts", "article", "fact_articles.rq", is_name=False, described="the id of an article with facts"),
    Source("facts", "subject", "fact_subjects.rq", described="the label of a fact's subject"),
    Source("person_roles", "person", "position_holders.rq", described="the label of a person who holds a position"),
    Source("stances", "about", "stance_objects.rq",
           described="the label of the object of a supports, opposes or cooperatesWith fact"),
    Source("statements", "speaker", "speakers.rq", described="the label of the subject of a said fact"),
    Source("summit_attendees", "event", "attended_events.rq", described="the label of the object of an attends fact"),
)


@dataclass(frozen=True)
class Question:
    """One run of a named query: its name and (for a query with parameters) one parameter's value."""

    query: str
    parameter: str | None = None
    value: str | None = None

    @property
    def params(self) -> dict[str, str]:
        """The parameters as :func:`kgbuild.sparql.run_query` takes them."""
        return {} if self.parameter is None or self.value is None else {self.parameter: self.value}

    def __str__(self) -> str:
        return f"{self.query} {self.parameter}={self.value}" if self.params else self.query


def candidates(store: pyoxigraph.Store, source: Source) -> list[str]:
    """The sorted distinct values ``source`` lists in ``store`` (empty for a source without parameter).

    Labels whose text the named queries would match as plain text instead of
    looking their words up (``name_lookup(...).key == ""``) are left out.
    """
    if source.candidates is None:
        return []
    text = (SOURCES_DIR / source.candidates).read_text(encoding="utf-8")
    values = {solution["value"].value for solution in store.query(text)}
    if source.is_name:
        values = {value for value in values if name_lookup(value).key}
    return sorted(values)


def draw_questions(
    store: pyoxigraph.Store, *, per_query: int, seed: int, pools: Mapping[Source, Sequence[str]] | None = None
) -> tuple[Question, ...]:
    """``per_query`` questions for each named query of SOURCES, with distinct values drawn from ``store``
    (from ``pools``, each source's :func:`candidates` in ``store``, when the caller has listed them).

    A query with two sources takes half its questions from each; a source
    with fewer candidates than its share gives them all. A query without
    parameters is asked ``per_query`` times as is. Deterministic: the same
    store, ``per_query`` and ``seed`` give the same questions, in the same order.
    """
    drawn: list[Question] = []
    for query in dict.fromkeys(source.query for source in SOURCES):
        sources = [source for source in SOURCES if source.query == query]
        for position, source in enumerate(sources):
            share = per_query // len(sources) + (1 if position < per_query % len(sources) else 0)
            if source.parameter is None:
                drawn.extend(Question(query) for _ in range(share))
                continue
            pool = candidates(store, source) if pools is None else pools[source]
            # Seeded by the names too, so that each source's draw depends on its own candidates only.
            chosen = random.Random(f"{seed}/{query}/{source.parameter}").sample(pool, min(share, len(pool)))
            drawn.extend(Question(query, source.parameter, value) for value in chosen)
    return tuple(drawn)

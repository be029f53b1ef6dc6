"""bench/questions.py: the questions the benchmark draws from a store are real values of the right kind, and answer.

The store is built from hand-written extractions through kgbuild's own
mapping (no model), with decoys for each source: a position held only in a
negated fact, a position held by an organisation, a hypothetical statement,
a negated stance, an event whose label holds braces, an article without facts.
"""

from __future__ import annotations

import doctest
import importlib
from pathlib import Path

import pytest
from extraction import hand_fact as fact

from kgbuild.facts import Article, Entity, EntityKind, Extraction, Modality
from kgbuild.mapping import extraction_to_graph
from kgbuild.sparql import list_queries, run_query
from kgbuild.store import open_store, write_article_graphs

BENCH = Path(__file__).resolve().parents[1] / "bench"


@pytest.fixture(scope="module")
def bench(monkeypatch_module):
    """bench/questions.py and bench/run.py, imported as bench/run.py imports its neighbours (bench is no package)."""
    monkeypatch_module.syspath_prepend(str(BENCH))
    return importlib.import_module("questions"), importlib.import_module("run")


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


LIRA = Entity("person/lira-moss", EntityKind.PERSON, "Lira Moss")
TOVE = Entity("person/tove-arns", EntityKind.PERSON, "Tove Arns")
VANTOR = Entity("country/vantor", EntityKind.COUNTRY, "Vantor")
KELMAR = Entity("country/kelmar", EntityKind.COUNTRY, "Kelmar")
BOARD = Entity("organisation/delta-board", EntityKind.ORGANISATION, "Delta Board")
ENVOY = Entity("position/envoy-of-vantor", EntityKind.POSITION, "Envoy of Vantor", country="country/vantor")
OBSERVER = Entity("position/observer", EntityKind.POSITION, "Observer")
TARIFF = Entity("topic/the-tariff-plan", EntityKind.TOPIC, "the tariff plan")
ACCORD = Entity("topic/grain-accord", EntityKind.TOPIC, "Grain Accord")
SUMMIT = Entity("event/harbour-summit", EntityKind.EVENT, "Harbour Summit", event_type="Summit")
BRACED = Entity("event/bay-forum", EntityKind.EVENT, "Bay {Forum}", event_type="Conference")
PORT = Entity("statement/port", EntityKind.STATEMENT, "We will reopen the port.")
MAYBE = Entity("statement/maybe", EntityKind.STATEMENT, "We might close the strait.")


def corpus() -> list[Extraction]:
    return [
        Extraction(
            Article("port-1", "Lira Moss, Envoy of Vantor, said the port would reopen before the Harbour Summit."),
            (LIRA, VANTOR, ENVOY, PORT, SUMMIT),
            (
                fact("port-1", LIRA, "holdsPosition", ENVOY),
                fact("port-1", LIRA, "said", PORT),
                fact("port-1", LIRA, "attends", SUMMIT, Modality.PLANNED),
            ),
        ),
        Extraction(
            Article("trade-1", "Vantor opposed the tariff plan and worked with Kelmar; it did not back the Grain Accord."),
            (VANTOR, KELMAR, TARIFF, ACCORD),
            (
                fact("trade-1", VANTOR, "opposes", TARIFF),
                fact("trade-1", VANTOR, "cooperatesWith", KELMAR, Modality.REPORTED),
                fact("trade-1", VANTOR, "supports", ACCORD, Modality.NEGATED),
            ),
        ),
        Extraction(
            Article("decoys-1", "Tove Arns is not an envoy; she might say something. The Delta Board is an observer."),
            (TOVE, ENVOY, MAYBE, BOARD, OBSERVER, BRACED),
            (
                fact("decoys-1", TOVE, "holdsPosition", ENVOY, Modality.NEGATED),
                fact("decoys-1", TOVE, "said", MAYBE, Modality.HYPOTHETICAL),
                fact("decoys-1", BOARD, "holdsPosition", OBSERVER),
                fact("decoys-1", TOVE, "attends", BRACED),
            ),
        ),
        Extraction(Article("quiet-1", "Nothing happened in Vantor."), (VANTOR,), ()),
    ]


#: What each source must list from corpus(): the decoys above are all left out.
EXPECTED = {
    ("facts", "article"): ["decoys-1", "port-1", "trade-1"],
    ("facts", "subject"): ["Delta Board", "Lira Moss", "Tove Arns", "Vantor"],
    ("person_roles", "person"): ["Lira Moss"],
    ("stances", "about"): ["Kelmar", "the tariff plan"],
    ("statements", "speaker"): ["Lira Moss"],
    ("summit_attendees", "event"): ["Harbour Summit"],  # not "Bay {Forum}": braces are matched as plain text
}


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("questions") / "store"
    store = open_store(path)
    write_article_graphs(store, (extraction_to_graph(extraction) for extraction in corpus()))
    store.flush()
    del store  # releases the lock: the benchmark opens the store read-only
    return path


@pytest.fixture(scope="module")
def store(store_path):
    return open_store(store_path, read_only=True)


def test_every_named_query_has_a_source(bench):
    questions, _ = bench
    assert {source.query for source in questions.SOURCES} == {query.name for query in list_queries()}


def test_candidates_are_the_labels_of_the_right_kind(bench, store):
    questions, _ = bench
    found = {(s.query, s.parameter): questions.candidates(store, s) for s in questions.SOURCES if s.parameter}
    assert found == EXPECTED


def test_draws_distinct_values_deterministically_and_each_question_answers(bench, store):
    questions, _ = bench
    drawn = questions.draw_questions(store, per_query=6, seed=3)
    assert drawn == questions.draw_questions(store, per_query=6, seed=3)
    by_source: dict[tuple[str, str | None], list[str | None]] = {}
    for question in drawn:
        by_source.setdefault((question.query, question.parameter), []).append(question.value)
    # Six each, or every candidate there is; facts splits its six between articles and subjects.
    assert by_source.pop(("events", None)) == [None] * 6
    for key, values in by_source.items():
        share = 3 if key[0] == "facts" else 6
        if len(EXPECTED[key]) <= share:
            assert sorted(values) == EXPECTED[key]
        else:
            assert len(set(values)) == share and set(values) < set(EXPECTED[key])
    for question in drawn:
        assert run_query(question.query, store=store, params=question.params).rows, str(question)


def test_the_seed_decides_the_draw(bench, store):
    questions, _ = bench
    draws = {questions.draw_questions(store, per_query=2, seed=seed) for seed in range(8)}
    assert len(draws) > 1  # the subject drawn for facts (one of four) changes with the seed


def test_the_benchmark_prints_one_row_per_named_query(bench, store_path, capsys):
    _, run = bench
    run.question_latency(store_path, per_query=4, seed=1)
    lines = capsys.readouterr().out.splitlines()
    rows = [line.split(" | ") for line in lines if line.startswith("| ") and not line.startswith("| query")]
    assert sorted(row[0].lstrip("| ") for row in rows) == sorted(query.name for query in list_queries())
    questions_per_query = {row[0].lstrip("| "): int(row[1]) for row in rows}
    assert questions_per_query["person_roles"] == 1 and questions_per_query["facts"] == 4
    assert any(line.startswith("slowest questions: ") and line.count(" rows, ") == 3 for line in lines)


def test_module_doctests_pass(bench):
    questions, _ = bench
    assert doctest.testmod(questions).failed == 0

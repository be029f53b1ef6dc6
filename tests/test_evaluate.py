"""The scorer: gold reading, every matching and counting rule, both prediction paths."""

from __future__ import annotations

import csv
import datetime as dt
import doctest
import importlib
import json
import sys
import types
from pathlib import Path

import pytest

from kgbuild.facts import Article, Entity, EntityKind, Evidence, Extraction, Fact, Modality
from kgbuild.gazetteer import Gazetteer, load_gazetteer
from kgbuild.mapping import article_graph_iri, entity_iri
from kgbuild.scoring import (
    FACTS_CSV_COLUMNS,
    GoldFact,
    GoldFileError,
    GoldItem,
    PredictedFact,
    PredictionFileError,
    Scores,
    evaluate,
    format_scores,
    load_gold,
    normalise_label,
    predictions_from_extractions,
    predictions_from_facts_csv,
    score,
)

SEED = Path(__file__).parents[2] / "shared/eval/dev/seed.jsonl"


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


def fact(subject, relation, obj, *, optional=False) -> GoldFact:
    as_tuple = lambda v: (v,) if isinstance(v, str) else tuple(v)  # noqa: E731
    return GoldFact(as_tuple(subject), relation, as_tuple(obj), optional)


def pred(subject, relation, obj, modality="asserted") -> PredictedFact:
    as_tuple = lambda v: (v,) if isinstance(v, str) else tuple(v)  # noqa: E731
    return PredictedFact(as_tuple(subject), relation, as_tuple(obj), modality)


def doc(*facts, id="d1", negated=(), complete_for=None) -> GoldItem:
    return GoldItem(
        id=id, text="text", facts=tuple(facts), negated_facts=tuple(negated), complete_for=complete_for
    )


def counts(scores: Scores, relation: str | None = None) -> tuple[int, int, int]:
    row = scores.micro if relation is None else scores.relation(relation)
    return row.tp, row.fp, row.fn


def test_module_doctests_pass():
    # kgbuild re-exports the evaluate() function under the module's name
    result = doctest.testmod(importlib.import_module("kgbuild.scoring"))
    assert result.attempted > 0
    assert result.failed == 0


# -- reading gold ---------------------------------------------------------------------


GOOD_LINE = {
    "id": "t-1",
    "text": "Minister Anna Berglund flew to Oslo on Monday.",
    "date": "2021-03-04",
    "title": "A visit",
    "source": "written for the tests",
    "license": "CC0",
    "facts": [
        {"subject": ["Anna Berglund", "Berglund"], "relation": "visits", "object": ["Oslo"], "optional": False},
        {"subject": ["Anna Berglund"], "relation": "citizenOf", "object": ["Sweden"], "optional": True},
    ],
    "negated_facts": [{"subject": ["Anna Berglund"], "relation": "visits", "object": ["Bergen"]}],
    "gold_complete_for": ["visits"],
}


def write_jsonl(path: Path, records) -> Path:
    path.write_text(
        "\n".join(r if isinstance(r, str) else json.dumps(r) for r in records) + "\n", encoding="utf-8"
    )
    return path


def test_load_gold_reads_every_field(tmp_path):
    second = {"id": "t-2", "text": "Nothing happened.", "date": None, "facts": []}
    items = load_gold(write_jsonl(tmp_path / "g.jsonl", [GOOD_LINE, "", second]))
    assert [item.id for item in items] == ["t-1", "t-2"]
    first = items[0]
    assert first.date == dt.date(2021, 3, 4)
    assert first.title == "A visit"
    assert first.facts[0] == GoldFact(("Anna Berglund", "Berglund"), "visits", ("Oslo",), False)
    assert first.facts[1].optional
    assert first.negated_facts == (GoldFact(("Anna Berglund",), "visits", ("Bergen",), False),)
    assert first.complete_for == ("visits",)
    assert items[1].complete_for is None
    assert items[1].date is None
    assert items[1].negated_facts == ()


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"id": ""}, "'id'"),
        ({"text": None}, "'text'"),
        ({"date": "04/03/2021"}, "'date'"),
        ({"facts": "none"}, "'facts' must be a list"),
        ({"facts": [{"subject": [], "relation": "visits", "object": ["Oslo"]}]}, "'subject'"),
        ({"facts": [{"subject": ["A"], "relation": "travelsTo", "object": ["Oslo"]}]}, "unknown relation"),
        ({"facts": [{"subject": ["A"], "relation": "visits", "object": ["Oslo"], "optional": "no"}]}, "optional"),
        ({"gold_complete_for": ["visits", "greets"]}, "unknown relation"),
    ],
)
def test_bad_gold_lines_name_path_and_line(tmp_path, change, reason):
    path = write_jsonl(tmp_path / "g.jsonl", [GOOD_LINE, {**GOOD_LINE, "id": "t-2", **change}])
    with pytest.raises(GoldFileError, match=rf"g\.jsonl:2: .*{reason}"):
        load_gold(path)


def test_invalid_json_and_duplicate_ids_are_refused(tmp_path):
    with pytest.raises(GoldFileError, match=r"g\.jsonl:1: invalid JSON"):
        load_gold(write_jsonl(tmp_path / "g.jsonl", ["{not json"]))
    with pytest.raises(GoldFileError, match=r"h\.jsonl:2: duplicate id"):
        load_gold(write_jsonl(tmp_path / "h.jsonl", [GOOD_LINE, GOOD_LINE]))


# -- entity matching ------------------------------------------------------------------


def test_normalise_label():
    assert normalise_label("The Harbour Council's") == ("harbour", "council")
    assert normalise_label("an envoy") == ("envoy",)
    assert normalise_label("U.S.") == ("us",)
    assert normalise_label("vice-chair, (acting)") == ("vice", "chair", "acting")
    assert normalise_label("the") == ("the",)


def one_fact_scores(gaz, gold_subject, predicted_subject, relation="visits"):
    gold = [doc(fact(gold_subject, relation, "Lake Town"))]
    return score(gold, {"d1": [pred(predicted_subject, relation, "Lake Town")]}, gazetteer=gaz)


@pytest.mark.parametrize(
    ("gold_forms", "predicted", "matches"),
    [
        # exact, after lower-casing
        (["Harbour Council"], "harbour council", True),
        # leading articles are dropped
        (["Harbour Council"], "The Harbour Council", True),
        (["the harbour council"], "Harbour Council", True),
        # possessive 's is dropped
        (["Harbour Council"], "Harbour Council's", True),
        # punctuation is dropped
        (["Harbour Council"], "Harbour Council,", True),
        # every token of a gold form of two or more tokens
        (["Anna Berglund"], "Deputy Minister Anna Berglund", True),
        (["Anna Berglund"], "Anna Lindqvist", False),
        # a one-token gold form must be the last predicted token
        (["Berglund"], "Minister Anna Berglund", True),
        (["Anna"], "Anna Berglund", False),
        # any of several gold forms
        (["Foreign Minister", "Berglund"], "Anna Berglund", True),
        # any of several predicted labels
        (["Berglund"], ["Minister", "A. Berglund"], True),
        (["Anna Berglund"], "Berglund", False),
    ],
)
def test_entity_rules(gaz, gold_forms, predicted, matches):
    got = counts(one_fact_scores(gaz, gold_forms, predicted))
    assert got == ((1, 0, 0) if matches else (0, 1, 1))


@pytest.mark.parametrize(
    ("gold_form", "predicted", "matches"),
    [
        ("Norway", "Norwegian", True),
        ("Norwegian", "Norway", True),
        ("Norway", "Norwegians", True),
        ("Norway", "the Kingdom of Norway", True),
        ("United States", "U.S.", True),
        ("United Kingdom", "Britain", True),
        ("Czech Republic", "Czechia", True),
        # a capital is not its country
        ("Norway", "Oslo", False),
        ("Oslo", "Norway", False),
        # different countries stay different
        ("Norway", "Swedish", False),
    ],
)
def test_country_equivalence_through_gazetteer(gaz, gold_form, predicted, matches):
    gold = [doc(fact("Anna Berglund", "citizenOf", gold_form))]
    got = counts(score(gold, {"d1": [pred("Anna Berglund", "citizenOf", predicted)]}, gazetteer=gaz))
    assert got == ((1, 0, 0) if matches else (0, 1, 1))


@pytest.mark.parametrize("relation", ["meets", "cooperatesWith"])
def test_symmetric_relations_ignore_direction(gaz, relation):
    gold = [doc(fact("Anna Berglund", relation, "Tomas Eklund"))]
    predictions = {"d1": [pred("Tomas Eklund", relation, "Anna Berglund")]}
    assert counts(score(gold, predictions, gazetteer=gaz)) == (1, 0, 0)


def test_other_relations_keep_direction(gaz):
    gold = [doc(fact("Anna Berglund", "supports", "Tomas Eklund"))]
    predictions = {"d1": [pred("Tomas Eklund", "supports", "Anna Berglund")]}
    assert counts(score(gold, predictions, gazetteer=gaz)) == (0, 1, 1)


def test_relation_must_be_equal(gaz):
    gold = [doc(fact("Anna Berglund", "supports", "Tomas Eklund"), fact("X", "opposes", "Y"))]
    predictions = {"d1": [pred("Anna Berglund", "opposes", "Tomas Eklund")]}
    scores = score(gold, predictions, gazetteer=gaz)
    assert counts(scores, "supports") == (0, 0, 1)
    assert counts(scores, "opposes") == (0, 1, 1)


# -- said ---------------------------------------------------------------------------------

QUOTE = "the harbour will reopen to all ships next spring"  # 9 words


@pytest.mark.parametrize(
    ("predicted_text", "matches"),
    [
        ("The harbour will reopen to all ships next spring.", True),
        # 5 of the 9 gold words: at least half
        ("harbour reopen ships next spring maybe", True),
        # 4 of 9: under half
        ("harbour reopen ships spring", False),
        # every gold word, but longer than 3 * 9 + 25 = 52 words
        (QUOTE + " and" * 44, False),
        # exactly 52 words is still fine
        (QUOTE + " and" * 43, True),
    ],
)
def test_said_objects_by_word_overlap_and_length(gaz, predicted_text, matches):
    gold = [doc(fact("Anna Berglund", "said", QUOTE))]
    predictions = {"d1": [pred("Anna Berglund", "said", predicted_text)]}
    assert counts(score(gold, predictions, gazetteer=gaz)) == ((1, 0, 0) if matches else (0, 1, 1))


def test_said_subject_still_matched_as_entity(gaz):
    gold = [doc(fact("Anna Berglund", "said", QUOTE))]
    predictions = {"d1": [pred("Tomas Eklund", "said", QUOTE)]}
    assert counts(score(gold, predictions, gazetteer=gaz)) == (0, 1, 1)


# -- counting ---------------------------------------------------------------------------


def test_optional_facts_absorb_predictions_and_are_never_missed(gaz):
    gold = [
        doc(
            fact("Anna Berglund", "visits", "Lake Town"),
            fact("Anna Berglund", "visits", "Hill Town", optional=True),
            fact("Tomas Eklund", "visits", "River Town", optional=True),
        )
    ]
    predictions = {"d1": [pred("Minister Anna Berglund", "visits", "Hill Town")]}
    assert counts(score(gold, predictions, gazetteer=gaz)) == (0, 0, 1)


def test_several_predictions_of_one_gold_fact_count_once(gaz):
    gold = [doc(fact(["Anna Berglund", "Berglund"], "visits", "Lake Town"))]
    predictions = {
        "d1": [
            pred("Anna Berglund", "visits", "Lake Town"),
            pred("Minister Berglund", "visits", "the Lake Town"),
            pred("Anna Berglund", "visits", "Lake Town"),
        ]
    }
    assert counts(score(gold, predictions, gazetteer=gaz)) == (1, 0, 0)


def test_identical_wrong_predictions_are_one_false_positive(gaz):
    gold = [doc(fact("Anna Berglund", "visits", "Lake Town"))]
    wrong = pred("Anna Berglund", "visits", "Hill Town")
    assert counts(score(gold, {"d1": [wrong, wrong]}, gazetteer=gaz)) == (0, 1, 1)


@pytest.mark.parametrize("modality", ["planned", "reported", "asserted"])
def test_positive_modalities_count(gaz, modality):
    gold = [doc(fact("Anna Berglund", "visits", "Lake Town"))]
    predictions = {"d1": [pred("Anna Berglund", "visits", "Lake Town", modality)]}
    assert counts(score(gold, predictions, gazetteer=gaz)) == (1, 0, 0)


def test_negated_predictions_are_not_predictions(gaz):
    gold = [doc(fact("Anna Berglund", "visits", "Lake Town"))]
    predictions = {
        "d1": [
            pred("Anna Berglund", "visits", "Lake Town", "negated"),
            pred("Anna Berglund", "visits", "Hill Town", "negated"),
        ]
    }
    assert counts(score(gold, predictions, gazetteer=gaz)) == (0, 0, 1)


def test_asserting_a_negated_fact_is_a_false_positive_counted_apart(gaz):
    gold = [
        doc(
            fact("Anna Berglund", "visits", "Lake Town"),
            negated=[fact("Anna Berglund", "visits", "Hill Town")],
        )
    ]
    predictions = {
        "d1": [
            pred("Anna Berglund", "visits", "Hill Town"),
            pred("Anna Berglund", "visits", "Hill Town", "negated"),
            pred("Anna Berglund", "visits", "Sea Town"),
        ]
    }
    scores = score(gold, predictions, gazetteer=gaz)
    assert counts(scores) == (0, 2, 1)
    assert scores.negated_asserted == 1
    assert scores.relation("visits").negated_asserted == 1


def test_complete_for_limits_the_scored_relations(gaz):
    gold = [
        doc(
            fact("Anna Berglund", "meets", "Tomas Eklund"),
            fact("Anna Berglund", "visits", "Lake Town"),  # annotated, but not completely
            complete_for=("meets",),
        )
    ]
    predictions = {
        "d1": [
            pred("Anna Berglund", "visits", "Hill Town"),  # ignored: visits not scored here
            pred("Anna Berglund", "meets", "Lena Holm"),  # FP
        ]
    }
    scores = score(gold, predictions, gazetteer=gaz)
    assert counts(scores) == (0, 1, 1)
    assert counts(scores, "visits") == (0, 0, 0)
    assert [row.relation for row in scores.relations] == ["meets"]


def test_without_complete_for_the_files_relations_are_scored(gaz):
    gold = [
        doc(fact("Anna Berglund", "visits", "Lake Town"), id="d1"),
        doc(fact("Tomas Eklund", "meets", "Lena Holm"), id="d2"),
    ]
    predictions = {
        "d1": [
            pred("Anna Berglund", "meets", "Lena Holm"),  # meets occurs in the file: FP
            pred("Anna Berglund", "hosts", "Harbour Forum"),  # hosts occurs nowhere: ignored
        ],
    }
    scores = score(gold, predictions, gazetteer=gaz)
    assert counts(scores, "meets") == (0, 1, 1)
    assert counts(scores, "visits") == (0, 0, 1)
    assert counts(scores, "hosts") == (0, 0, 0)
    assert {row.relation for row in scores.relations} == {"visits", "meets"}


def test_micro_average_over_documents_and_missing_documents(gaz):
    gold = [
        doc(fact("Anna Berglund", "visits", "Lake Town"), fact("Lena Holm", "visits", "Hill Town"), id="d1"),
        doc(fact("Tomas Eklund", "visits", "Sea Town"), id="d2"),
        doc(fact("Lena Holm", "visits", "Lake Town"), id="d3"),  # no prediction entry
    ]
    predictions = {
        "d1": [pred("Anna Berglund", "visits", "Lake Town"), pred("Lena Holm", "visits", "Sea Town")],
        "d2": [pred("Tomas Eklund", "visits", "Sea Town")],
        "elsewhere": [pred("Tomas Eklund", "visits", "Sea Town")],  # not in gold: ignored
    }
    scores = score(gold, predictions, gazetteer=gaz)
    assert counts(scores) == (2, 1, 2)
    assert scores.micro.precision == pytest.approx(2 / 3)
    assert scores.micro.recall == pytest.approx(2 / 4)
    assert scores.micro.f1 == pytest.approx(2 * 2 / (2 * 2 + 1 + 2))
    assert scores.documents == 3


def test_format_scores_is_an_aligned_table(gaz):
    gold = [doc(fact("Anna Berglund", "visits", "Lake Town"), fact("A B", "meets", "C D"))]
    text = format_scores(score(gold, {"d1": [pred("Anna Berglund", "visits", "Lake Town")]}, gazetteer=gaz))
    lines = text.splitlines()
    assert lines[0].split() == ["relation", "tp", "fp", "fn", "P", "R", "F1"]
    assert lines[1].split() == ["meets", "0", "0", "1", "-", "0.000", "0.000"]
    assert lines[2].split() == ["visits", "1", "0", "0", "1.000", "1.000", "1.000"]
    assert lines[3].split() == ["micro", "1", "0", "1", "1.000", "0.500", "0.667"]
    assert lines[4] == "negated asserted: 0 (1 documents)"
    assert len({len(line) for line in lines[:4]}) == 1


# -- the two prediction paths -----------------------------------------------------------


def _extraction() -> Extraction:
    article = Article(id="art/1", text="Minister Anna Berglund met Tomas Eklund in Lake Town.")

    def ev(rule: str) -> Evidence:
        return Evidence(article.id, article.text, 0, len(article.text), rule, 0.9)

    berglund = Entity("person/anna-berglund", EntityKind.PERSON, "Anna Berglund", ("Berglund", "Minister Berglund"))
    eklund = Entity("person/tomas-eklund", EntityKind.PERSON, "Tomas Eklund")
    town = Entity("place/lake-town", EntityKind.PLACE, "Lake Town")
    norway = Entity("country/norway", EntityKind.COUNTRY, "Norway", ("Norwegian",))
    quote = Entity("statement/q1", EntityKind.STATEMENT, "The lake will stay open to every boat")
    return Extraction(
        article=article,
        entities=(berglund, eklund, town, norway, quote),
        facts=(
            Fact(berglund.key, "meets", eklund.key, Modality.ASSERTED, ev("meet")),
            Fact(berglund.key, "visits", town.key, Modality.PLANNED, ev("visit")),
            Fact(eklund.key, "visits", town.key, Modality.NEGATED, ev("visit")),
            Fact(eklund.key, "citizenOf", norway.key, Modality.REPORTED, ev("cit")),
            Fact(berglund.key, "said", quote.key, Modality.ASSERTED, ev("quote")),
            Fact(berglund.key, "opposes", "topic/missing", Modality.ASSERTED, ev("stance")),
        ),
    )


def test_predictions_from_extractions():
    predictions = predictions_from_extractions([_extraction(), Extraction(Article(id="empty", text=""))])
    assert predictions["empty"] == []
    facts = predictions["art/1"]
    assert facts[0] == PredictedFact(
        ("Anna Berglund", "Berglund", "Minister Berglund"), "meets", ("Tomas Eklund",), "asserted"
    )
    assert facts[2].modality == "negated"
    assert facts[4].object_labels == ("The lake will stay open to every boat",)
    assert facts[5].object_labels == ()


def _write_facts_csv(path: Path, extraction: Extraction) -> Path:
    """What the ``facts`` query returns for one extraction, written by hand."""
    entities = {entity.key: entity for entity in extraction.entities}
    dip = "https://w3id.org/kgbuild/diplomacy#"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(FACTS_CSV_COLUMNS)
        for f in extraction.facts:
            def labels(key: str) -> str:
                entity = entities.get(key)
                # reversed on purpose: label order must not matter
                return " | ".join(reversed((entity.label, *entity.alt_labels))) if entity else ""

            writer.writerow(
                [
                    str(article_graph_iri(extraction.article.id)),
                    str(entity_iri(f.subject)),
                    labels(f.subject),
                    dip + f.relation,
                    str(entity_iri(f.object)),
                    labels(f.object),
                    dip + f.modality.value.capitalize(),
                    f.evidence.confidence,
                    f.evidence.sentence,
                ]
            )
    return path


def test_csv_path_scores_like_the_records_path(tmp_path, gaz):
    extraction = _extraction()
    gold = [
        GoldItem(
            id="art/1",
            text=extraction.article.text,
            facts=(
                fact("Tomas Eklund", "meets", "Berglund"),
                fact("Anna Berglund", "visits", "Lake Town"),
                fact("Tomas Eklund", "visits", "Lake Town"),
                fact("Eklund", "citizenOf", "Norway"),
                fact("Anna Berglund", "said", "The lake will stay open"),
                fact("Anna Berglund", "opposes", "closing the lake"),
            ),
        )
    ]
    from_records = predictions_from_extractions([extraction])
    from_csv = predictions_from_facts_csv(_write_facts_csv(tmp_path / "facts.csv", extraction))
    assert set(from_csv) == {"art/1"}
    assert [(p.relation, p.modality) for p in from_csv["art/1"]] == [
        (p.relation, p.modality) for p in from_records["art/1"]
    ]
    records_scores = score(gold, from_records, gazetteer=gaz)
    csv_scores = score(gold, from_csv, gazetteer=gaz)
    assert csv_scores == records_scores
    assert counts(records_scores) == (4, 1, 2)


def _as_sets(predictions):
    return {
        article: sorted(
            (sorted(set(p.subject_labels)), p.relation, sorted(set(p.object_labels)), p.modality)
            for p in facts
        )
        for article, facts in predictions.items()
    }


def _second_article_extraction(alt_label: str) -> Extraction:
    """Another article naming Anna Berglund, with its own surface form of her."""
    article = Article(id="art/2", text="Berglund met Lena Holm.")
    evidence = Evidence(article.id, article.text, 0, len(article.text), "meet", 0.5)
    berglund = Entity("person/anna-berglund", EntityKind.PERSON, "Anna Berglund", (alt_label,))
    holm = Entity("person/lena-holm", EntityKind.PERSON, "Lena Holm")
    return Extraction(
        article, (berglund, holm), (Fact(berglund.key, "meets", holm.key, Modality.ASSERTED, evidence),)
    )


@pytest.mark.parametrize(
    "second_alt_label",
    [None, "Foreign Minister"],
)
def test_facts_query_csv_gives_the_records_predictions(tmp_path, gaz, second_alt_label):
    """Through the real store and the real ``facts`` query."""
    from kgbuild.mapping import extraction_to_graph
    from kgbuild.sparql import format_result, run_query
    from kgbuild.store import open_store, write_article_graphs

    extractions = [_extraction()]
    if second_alt_label is not None:
        extractions.append(_second_article_extraction(second_alt_label))
    store = open_store(tmp_path / "store")
    write_article_graphs(store, [extraction_to_graph(e) for e in extractions])
    csv_path = tmp_path / "facts.csv"
    csv_path.write_text(format_result(run_query("facts", store=store), "csv"), encoding="utf-8")
    del store
    from_records = predictions_from_extractions(extractions)
    from_csv = predictions_from_facts_csv(csv_path)
    assert _as_sets(from_csv) == _as_sets(from_records)


def test_csv_with_plain_ids_and_names(tmp_path):
    path = tmp_path / "facts.csv"
    path.write_text(
        ",".join(FACTS_CSV_COLUMNS)
        + "\nd9,person/x,Lena Holm,visits,place/y,Hill Town | Hill,asserted,0.8,She went.\n",
        encoding="utf-8",
    )
    assert predictions_from_facts_csv(path) == {
        "d9": [PredictedFact(("Lena Holm",), "visits", ("Hill Town", "Hill"), "asserted")]
    }


def test_csv_with_wrong_header_is_refused(tmp_path):
    path = tmp_path / "facts.csv"
    path.write_text("article,subject,relation,object\n", encoding="utf-8")
    with pytest.raises(PredictionFileError, match=r"facts\.csv:1: header"):
        predictions_from_facts_csv(path)


# -- end to end -----------------------------------------------------------------------


def test_evaluate_runs_the_pipeline_over_gold_articles(tmp_path, monkeypatch, gaz):
    path = write_jsonl(tmp_path / "g.jsonl", [GOOD_LINE])
    seen = {}

    def extract_articles(articles, *, nlp):
        seen["articles"] = list(articles)
        seen["nlp"] = nlp
        for article in seen["articles"]:
            person = Entity("person/anna-berglund", EntityKind.PERSON, "Anna Berglund")
            city = Entity("place/oslo", EntityKind.PLACE, "Oslo")
            evidence = Evidence(article.id, article.text, 0, 5, "test", 1.0)
            yield Extraction(
                article, (person, city), (Fact(person.key, "visits", city.key, Modality.ASSERTED, evidence),)
            )

    fake = types.ModuleType("kgbuild.pipeline")
    fake.extract_articles = extract_articles
    monkeypatch.setitem(sys.modules, "kgbuild.pipeline", fake)
    sentinel = object()
    scores = evaluate(path, nlp=sentinel, gazetteer=gaz)
    assert seen["nlp"] is sentinel
    assert [(a.id, a.date) for a in seen["articles"]] == [("t-1", dt.date(2021, 3, 4))]
    assert counts(scores) == (1, 0, 0)


def test_gold_as_predictions_scores_perfectly_on_seed(gaz):
    from conftest import require_shared

    items = load_gold(require_shared(SEED))
    predictions = {
        item.id: [
            PredictedFact((f.subject[0],), f.relation, (f.object[0],), "asserted") for f in item.facts
        ]
        for item in items
    }
    scores = score(items, predictions, gazetteer=gaz)
    assert scores.micro.tp > 0
    assert scores.micro.f1 == 1.0
    assert scores.negated_asserted == 0

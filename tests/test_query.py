"""Named queries: headers, safe parameter binding, every shipped query's rows, local and remote."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph
import pytest

from kgbuild.facts import Article, Entity, EntityKind, Evidence, Extraction, Fact, Modality
from kgbuild.mapping import extraction_to_graph
from kgbuild.sparql import (
    NamedQuery,
    Parameter,
    QueryError,
    QueryHeaderError,
    QueryNotFound,
    QueryParameterError,
    QueryResult,
    ResultFormatError,
    bind_parameters,
    format_result,
    insert_values,
    list_queries,
    load_query,
    outer_where_brace,
    run_query,
    subselect_groups,
)
from kgbuild.store import count_triples, open_store, write_article_graphs

ID = "https://w3id.org/kgbuild/id/"

# A small invented world: two summits, three people, three countries.
MARA = Entity("person/mara-velt", EntityKind.PERSON, "Mara Velt", alt_labels=("President Velt", "Velt"))
TOMAS = Entity("person/tomas-brek", EntityKind.PERSON, "Tomas Brek", alt_labels=("Brek",))
ILSE = Entity("person/ilse-daro", EntityKind.PERSON, "Ilse Daro")
NORLAND = Entity("country/norland", EntityKind.COUNTRY, "Norland", alt_labels=("Norlandic",))
ESTMARK = Entity("country/estmark", EntityKind.COUNTRY, "Estmark")
PRESIDENT = Entity("position/president-of-norland", EntityKind.POSITION, "President of Norland",
                   country="country/norland")
ORLAND = Entity("place/orland", EntityKind.PLACE, "Orland")
VESSBY = Entity("place/vessby", EntityKind.PLACE, "Vessby")
SUMMIT = Entity("event/orland-summit", EntityKind.EVENT, "Orland summit", alt_labels=("Orland meeting",),
                event_type="Summit", start=dt.date(2031, 3, 4), end=dt.date(2031, 3, 5))
TALKS = Entity("event/spring-accord-talks", EntityKind.EVENT, "Spring Accord talks", event_type="Meeting")
QUOTE = Entity("statement/we-will-stand-by-our-neighbours", EntityKind.STATEMENT, "We will stand by our neighbours.")
PLAN = Entity("topic/tariff-plan", EntityKind.TOPIC, "tariff plan")


def fact(article: str, sentence: str, subject: Entity, relation: str, obj: Entity,
         modality: Modality = Modality.ASSERTED, refinement: str | None = None, start: int = 0) -> Fact:
    evidence = Evidence(article, sentence, start, start + len(sentence), "hand", 0.75)
    return Fact(subject.key, relation, obj.key, modality, evidence, refinement)


def corpus() -> list[Extraction]:
    s1 = "Mara Velt, President of Norland, will attend the Orland summit."
    s2 = '"We will stand by our neighbours," Velt said, welcoming Estmark.'
    s3 = "Tomas Brek, leader of Estmark, will not attend the summit in Orland, but Estmark will."
    s4 = "Brek rejected the tariff plan."
    s5 = "Ilse Daro, a Norlandic citizen, and Brek joined the Spring Accord talks in Vessby; Velt might join."
    return [
        Extraction(
            Article("orland-1", s1 + " " + s2, date=dt.date(2031, 3, 1)),
            (MARA, PRESIDENT, NORLAND, ESTMARK, SUMMIT, ORLAND, QUOTE),
            (
                fact("orland-1", s1, MARA, "attends", SUMMIT, Modality.PLANNED),
                fact("orland-1", s1, MARA, "holdsPosition", PRESIDENT),
                fact("orland-1", s1, MARA, "leaderOf", NORLAND),
                fact("orland-1", s1, SUMMIT, "heldIn", ORLAND),
                fact("orland-1", s2, MARA, "said", QUOTE, Modality.REPORTED, start=len(s1) + 1),
                fact("orland-1", s2, NORLAND, "supports", ESTMARK, refinement="welcomes", start=len(s1) + 1),
            ),
        ),
        Extraction(
            Article("orland-2", s3 + " " + s4),
            (TOMAS, ESTMARK, SUMMIT, ORLAND, PLAN),
            (
                fact("orland-2", s3, TOMAS, "leaderOf", ESTMARK),
                fact("orland-2", s3, TOMAS, "attends", SUMMIT, Modality.NEGATED),
                fact("orland-2", s3, ESTMARK, "attends", SUMMIT, Modality.PLANNED),
                fact("orland-2", s3, SUMMIT, "heldIn", ORLAND),
                fact("orland-2", s4, TOMAS, "opposes", PLAN, refinement="rejects", start=len(s3) + 1),
            ),
        ),
        Extraction(
            Article("vessby-1", s5),
            (ILSE, NORLAND, TALKS, VESSBY, MARA, TOMAS, ESTMARK),
            (
                fact("vessby-1", s5, ILSE, "citizenOf", NORLAND),
                fact("vessby-1", s5, ILSE, "attends", TALKS),
                fact("vessby-1", s5, TOMAS, "attends", TALKS),
                fact("vessby-1", s5, TALKS, "heldIn", VESSBY),
                fact("vessby-1", s5, MARA, "attends", TALKS, Modality.HYPOTHETICAL),
            ),
        ),
    ]


FACT_COUNT = sum(len(e.facts) for e in corpus())


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    database = open_store(tmp_path_factory.mktemp("query") / "store")
    write_article_graphs(database, (extraction_to_graph(e) for e in corpus()))
    return database


def column(result: QueryResult, name: str) -> list[str | None]:
    index = result.columns.index(name)
    return [row[index] for row in result.rows]


def records(result: QueryResult) -> list[dict[str, str | None]]:
    return [dict(zip(result.columns, row)) for row in result.rows]


# ---- headers and loading ------------------------------------------------------------------

EXPECTED_COLUMNS = {
    "facts": ("article", "subject", "subject_label", "relation", "object", "object_label", "modality",
              "confidence", "evidence"),
    "summit_attendees": ("attendee", "attendee_label", "role", "country", "event", "event_label", "modality"),
    "person_roles": ("person", "person_label", "relation", "role", "modality"),
    "statements": ("speaker", "speaker_label", "statement", "article", "modality"),
    "stances": ("subject", "subject_label", "stance", "object", "object_label", "modality", "evidence"),
    "events": ("event", "event_label", "type", "place_label", "start", "end", "participants"),
}


def test_shipped_queries_and_their_headers():
    queries = {q.name: q for q in list_queries()}
    assert {name: q.columns for name, q in queries.items()} == EXPECTED_COLUMNS
    assert all(q.description for q in queries.values())
    assert queries["summit_attendees"].parameters == (
        Parameter("event", True, queries["summit_attendees"].parameters[0].description),
    )
    assert [(p.name, p.required) for p in queries["statements"].parameters] == [("speaker", False)]
    assert [(p.name, p.required) for p in queries["stances"].parameters] == [("about", False)]
    assert [(p.name, p.required, p.iri) for p in queries["facts"].parameters] == [
        ("article", False, False), ("relation", False, False), ("subject", False, False),
    ]
    assert queries["events"].parameters == ()


def test_load_query_by_name_and_by_path():
    by_name = load_query("person_roles")
    assert isinstance(by_name, NamedQuery)
    assert load_query(by_name.path) == by_name
    assert load_query(str(by_name.path)) == by_name


def test_unknown_query_lists_the_available_names(tmp_path):
    with pytest.raises(QueryNotFound, match="available: events, facts, person_roles"):
        load_query("summits")
    with pytest.raises(QueryNotFound):
        load_query(tmp_path / "missing.rq")


def write_query(tmp_path: Path, header: str, body: str = "SELECT ?label WHERE { ?s ?p ?label }") -> Path:
    path = tmp_path / "custom.rq"
    path.write_text(header + "\n\n" + body + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ("# name: custom", "no '# columns:' line"),
        ("# columns: label", "no '# name:' line"),
        ("# name: custom\n# columns: label, not a name", "comma-separated"),
        ("# name: custom\n# parameters: who (maybe) - x\n# columns: label", "required"),
        ("# name: custom\n# parameters: who, what\n# columns: label", "expected"),
        ("# name: custom\n# parameters: who (required) - never used\n# columns: label", "never used"),
    ],
)
def test_malformed_headers_are_refused(tmp_path, header, message):
    with pytest.raises(QueryHeaderError, match=message):
        load_query(write_query(tmp_path, header))


# ---- parameters ---------------------------------------------------------------------------


def test_missing_and_unknown_parameters(store):
    with pytest.raises(QueryParameterError, match="needs parameter 'event'"):
        run_query("summit_attendees", store=store)
    with pytest.raises(QueryParameterError, match="needs parameter 'event'"):
        run_query("summit_attendees", store=store, params={"event": ""})
    with pytest.raises(QueryParameterError, match="no parameter 'place'; it takes: event"):
        run_query("summit_attendees", store=store, params={"event": "orland", "place": "x"})
    with pytest.raises(QueryParameterError, match="it takes: no parameters"):
        run_query("events", store=store, params={"x": "y"})
    with pytest.raises(QueryParameterError, match="it takes: article, relation, subject"):
        run_query("facts", store=store, params={"x": "y"})


def test_exactly_one_of_store_and_endpoint(store):
    with pytest.raises(QueryError, match="exactly one"):
        run_query("facts")
    with pytest.raises(QueryError, match="exactly one"):
        run_query("facts", store=store, endpoint="http://127.0.0.1:9/query")


def iri_query(tmp_path: Path) -> Path:
    return write_query(
        tmp_path,
        "# name: label_of\n# description: labels of one thing\n"
        "# parameters: thing (required, iri) - the IRI of the thing\n# columns: label",
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
        "SELECT DISTINCT ?label ?param_thing WHERE { ?param_thing rdfs:label ?label }",
    )


def test_iri_parameter(store, tmp_path):
    path = iri_query(tmp_path)
    assert load_query(path).parameters[0].iri
    result = run_query(path, store=store, params={"thing": ID + "person/mara-velt"})
    assert result.rows == (("Mara Velt",),)
    for bad in ("Mara Velt", "mara-velt", "http://example.org/a b", "http://example.org/<x>", 'x:"'):
        with pytest.raises(QueryParameterError, match="absolute IRI"):
            run_query(path, store=store, params={"thing": bad})


INJECTIONS = [
    'x" } ; DROP ALL ; #',
    "x' } ; DROP ALL ; #",
    '"}} UNION { ?s ?p ?o } #',
    'orland")) } UNION { ?attendee ?p ?o } #',
    'x\\" ) ) } #',
    "orland\n} ; CLEAR ALL",
    "<http://example.org/x> } #",
    '""" } #',
]


@pytest.mark.parametrize("value", INJECTIONS)
def test_injection_strings_are_bound_as_plain_values(store, value):
    before = count_triples(store)
    assert run_query("summit_attendees", store=store, params={"event": value}).rows == ()
    assert run_query("statements", store=store, params={"speaker": value}).rows == ()
    assert count_triples(store) == before


# ---- the shipped queries on the invented world --------------------------------------------


def test_facts_lists_every_fact(store):
    result = run_query("facts", store=store)
    assert result.columns == EXPECTED_COLUMNS["facts"]
    assert len(result.rows) == FACT_COUNT
    assert column(result, "article") == sorted(column(result, "article"))
    rows = records(result)
    attends = next(r for r in rows if r["relation"] == "attends" and r["article"] == "orland-1")
    assert attends["subject"] == ID + "person/mara-velt"
    assert attends["object"] == ID + "event/orland-summit"
    assert attends["modality"] == "planned"
    assert attends["confidence"] == "0.75"
    assert attends["evidence"] == "Mara Velt, President of Norland, will attend the Orland summit."
    labels = attends["subject_label"].split(" | ")
    assert labels[0] == "Mara Velt" and sorted(labels[1:]) == ["President Velt", "Velt"]
    assert attends["object_label"] == "Orland summit | Orland meeting"
    said = next(r for r in rows if r["relation"] == "said")
    assert said["object_label"] == "We will stand by our neighbours."
    assert {r["modality"] for r in rows} == {"asserted", "planned", "reported", "negated", "hypothetical"}
    assert run_query("facts", store=store) == result  # deterministic


def test_summit_attendees(store):
    result = run_query("summit_attendees", store=store, params={"event": "orland summit"})
    assert result.columns == EXPECTED_COLUMNS["summit_attendees"]
    assert records(result) == [
        {"attendee": ID + "country/estmark", "attendee_label": "Estmark", "role": None, "country": "Estmark",
         "event": ID + "event/orland-summit", "event_label": "Orland summit", "modality": "planned"},
        {"attendee": ID + "person/mara-velt", "attendee_label": "Mara Velt", "role": "President of Norland",
         "country": "Norland", "event": ID + "event/orland-summit", "event_label": "Orland summit",
         "modality": "planned"},
    ]


def test_summit_attendees_matches_the_place_case_insensitively(store):
    result = run_query("summit_attendees", store=store, params={"event": "VESSBY"})
    assert records(result) == [
        {"attendee": ID + "person/ilse-daro", "attendee_label": "Ilse Daro", "role": None, "country": "Norland",
         "event": ID + "event/spring-accord-talks", "event_label": "Spring Accord talks", "modality": "asserted"},
        {"attendee": ID + "person/tomas-brek", "attendee_label": "Tomas Brek", "role": "leader", "country": "Estmark",
         "event": ID + "event/spring-accord-talks", "event_label": "Spring Accord talks", "modality": "asserted"},
    ]
    assert run_query("summit_attendees", store=store, params={"event": "oRlAnD MEETING"}).rows


def test_negated_and_hypothetical_attendance_is_left_out(store):
    orland = run_query("summit_attendees", store=store, params={"event": "orland"})
    assert ID + "person/tomas-brek" not in column(orland, "attendee")
    vessby = run_query("summit_attendees", store=store, params={"event": "spring accord"})
    assert column(vessby, "attendee") == [ID + "person/ilse-daro", ID + "person/tomas-brek"]


def test_person_roles(store):
    result = run_query("person_roles", store=store, params={"person": "VELT"})
    assert result.columns == EXPECTED_COLUMNS["person_roles"]
    assert [(r["person_label"], r["relation"], r["role"], r["modality"]) for r in records(result)] == [
        ("Mara Velt", "holdsPosition", "President of Norland", "asserted"),
        ("Mara Velt", "leaderOf", "Norland", "asserted"),
    ]
    brek = run_query("person_roles", store=store, params={"person": "brek"})
    assert [(r["relation"], r["role"]) for r in records(brek)] == [("leaderOf", "Estmark")]


def test_statements(store):
    everyone = run_query("statements", store=store)
    assert everyone.columns == EXPECTED_COLUMNS["statements"]
    assert records(everyone) == [
        {"speaker": ID + "person/mara-velt", "speaker_label": "Mara Velt",
         "statement": "We will stand by our neighbours.", "article": "orland-1", "modality": "reported"},
    ]
    assert run_query("statements", store=store, params={"speaker": "president velt"}) == everyone
    assert run_query("statements", store=store, params={"speaker": "Brek"}).rows == ()


def test_stances(store):
    result = run_query("stances", store=store)
    assert result.columns == EXPECTED_COLUMNS["stances"]
    assert [(r["subject_label"], r["stance"], r["object_label"], r["modality"]) for r in records(result)] == [
        ("Norland", "welcomes", "Estmark", "asserted"),
        ("Tomas Brek", "rejects", "tariff plan", "asserted"),
    ]
    about = run_query("stances", store=store, params={"about": "TARIFF"})
    assert column(about, "evidence") == ["Brek rejected the tariff plan."]


def test_events(store):
    result = run_query("events", store=store)
    assert result.columns == EXPECTED_COLUMNS["events"]
    assert records(result) == [
        {"event": ID + "event/spring-accord-talks", "event_label": "Spring Accord talks", "type": "Meeting",
         "place_label": "Vessby", "start": None, "end": None, "participants": "2"},
        {"event": ID + "event/orland-summit", "event_label": "Orland summit", "type": "Summit",
         "place_label": "Orland", "start": "2031-03-04", "end": "2031-03-05", "participants": "2"},
    ]


# ---- text parameters: whole words, any case, any accents, any order; a substring otherwise ----


def test_text_parameters_match_whole_words_in_any_order(store):
    orland = run_query("summit_attendees", store=store, params={"event": "orland summit"})
    assert orland.rows
    assert run_query("summit_attendees", store=store, params={"event": "SUMMIT Orland"}) == orland
    assert run_query("person_roles", store=store, params={"person": "velt mara"}) == run_query(
        "person_roles", store=store, params={"person": "Mara Velt"})
    # Every word must be a word of the names of one entity: "orland" and "talks" name two events.
    assert run_query("summit_attendees", store=store, params={"event": "orland talks"}).rows == ()
    assert run_query("person_roles", store=store, params={"person": "mara brek"}).rows == ()
    # ... and of one of its names: "summit" and "meeting" are words of two names of the Orland
    # summit ("Orland summit", "Orland meeting"), so together they find nothing; either name does.
    assert run_query("summit_attendees", store=store, params={"event": "summit meeting"}).rows == ()
    assert run_query("summit_attendees", store=store, params={"event": "meeting orland"}) == orland


def test_a_part_of_a_word_is_matched_as_a_substring_of_a_name(store):
    # "Vel" is no word of any name: the text is then a case-insensitive substring, as before.
    assert run_query("person_roles", store=store, params={"person": "Vel"}) == run_query(
        "person_roles", store=store, params={"person": "velt"})
    vessby = run_query("summit_attendees", store=store, params={"event": "SSBY"})
    assert column(vessby, "event") == [ID + "event/spring-accord-talks"] * 2
    about = run_query("stances", store=store, params={"about": "arif"})
    assert column(about, "object") == [ID + "topic/tariff-plan"]
    # A word that is known but a whole name that is not: no substring search.
    assert run_query("person_roles", store=store, params={"person": "velt xyz"}).rows == ()


def test_text_holding_characters_no_name_holds_is_matched_as_text(store):
    for value in ('orland"', "orland}", "orland;", "<orland>", "orland\u200b"):
        assert run_query("summit_attendees", store=store, params={"event": value}).rows == (), value
    assert run_query("statements", store=store, params={"speaker": "---"}).rows == ()


def accented_world() -> list[Extraction]:
    sentence = "Élodie Marchà, Foreign Minister of Sørland, will attend the Sommet de Genève in Genève."
    elodie = Entity("person/elodie-marcha", EntityKind.PERSON, "Élodie Marchà", alt_labels=("Marchà",))
    sorland = Entity("country/sorland", EntityKind.COUNTRY, "Sørland")
    minister = Entity("position/foreign-minister-of-sorland", EntityKind.POSITION, "Foreign Minister of Sørland",
                      country="country/sorland")
    geneve = Entity("place/geneve", EntityKind.PLACE, "Genève")
    sommet = Entity("event/sommet-geneve", EntityKind.EVENT, "Sommet de Genève", event_type="Summit")
    return [Extraction(
        Article("geneve-1", sentence),
        (elodie, sorland, minister, geneve, sommet),
        (
            fact("geneve-1", sentence, elodie, "holdsPosition", minister),
            fact("geneve-1", sentence, elodie, "attends", sommet, Modality.PLANNED),
            fact("geneve-1", sentence, sommet, "heldIn", geneve),
        ),
    )]


def test_accents_and_case_are_ignored(tmp_path):
    database = open_store(tmp_path / "store")
    write_article_graphs(database, (extraction_to_graph(e) for e in accented_world()))
    roles = run_query("person_roles", store=database, params={"person": "elodie MARCHA"})
    assert [(r["person_label"], r["role"]) for r in records(roles)] == [("Élodie Marchà", "Foreign Minister of Sørland")]
    assert run_query("person_roles", store=database, params={"person": "Marchà Élodie"}) == roles
    for event in ("geneve", "SOMMET de geneve", "Genève"):
        attendees = run_query("summit_attendees", store=database, params={"event": event})
        assert [(r["attendee_label"], r["role"], r["country"]) for r in records(attendees)] == [
            ("Élodie Marchà", "Foreign Minister of Sørland", "Sørland")], event


def test_lookup_variables_are_bound_beside_text_parameters():
    statements = load_query("statements")
    assert {name: str(term) for name, term in bind_parameters(statements, {"speaker": "Mara VELT"}).items()} == {
        "param_speaker": "Mara VELT", "param_speaker_key": "mara", "param_speaker_words": " mara velt ",
        "param_speaker_size": "2",
    }
    # Not given: the text stays unbound, its lookup says "nothing to look up".
    assert {name: str(term) for name, term in bind_parameters(statements, {}).items()} == {
        "param_speaker_key": "", "param_speaker_words": " ", "param_speaker_size": "0",
    }
    # A text that is no name (here with braces) is looked up by no key: it is matched as text.
    assert str(bind_parameters(statements, {"speaker": "velt }"})["param_speaker_key"]) == ""
    # IRI parameters and queries that do not use the lookup variables get none.
    events = load_query("events")
    assert bind_parameters(events, {}) == {}


# ---- facts: all of them, or those of one article, relation or subject ------------------------


FACT_FILTERS = [
    ({"article": "orland-2"}, lambda row: row["article"] == "orland-2"),
    ({"relation": "attends"}, lambda row: row["relation"] == "attends"),
    ({"subject": "brek"}, lambda row: row["subject"] == ID + TOMAS.key),
    ({"subject": "Tomas BREK", "relation": "attends"},
     lambda row: row["subject"] == ID + TOMAS.key and row["relation"] == "attends"),
    ({"article": "vessby-1", "subject": "velt"}, lambda row: row["article"] == "vessby-1" and row["subject"] == ID + MARA.key),
    ({"article": "orland-1", "relation": "said"}, lambda row: row["article"] == "orland-1" and row["relation"] == "said"),
    ({"subject": "ORLAND summit"}, lambda row: row["subject"] == ID + SUMMIT.key),
    # A part of a word: a substring of a name ("Orland summit", "Norland").
    ({"subject": "rlan"}, lambda row: row["subject"] in (ID + SUMMIT.key, ID + NORLAND.key)),
]


@pytest.mark.parametrize(("params", "keep"), FACT_FILTERS)
def test_facts_filters_give_the_matching_rows_of_all_facts(store, params, keep):
    expected = [row for row in records(run_query("facts", store=store)) if keep(row)]
    assert expected  # the comparison means something
    assert records(run_query("facts", store=store, params=params)) == expected


def test_facts_filters_that_match_nothing(store):
    assert run_query("facts", store=store, params={"article": "no-such-article"}).rows == ()
    assert run_query("facts", store=store, params={"relation": "no such relation"}).rows == ()
    assert run_query("facts", store=store, params={"article": "vessby-1", "relation": "said"}).rows == ()


def test_query_errors_are_query_errors(store, tmp_path):
    path = write_query(tmp_path, "# name: broken\n# columns: x", "SELECT ?x WHERE { ?x ?p }")
    with pytest.raises(QueryError, match="broken"):
        run_query(path, store=store)
    path = write_query(tmp_path, "# name: other\n# columns: y", "SELECT ?x WHERE { ?x ?p ?o }")
    with pytest.raises(QueryError, match="header column"):
        run_query(path, store=store)


# ---- VALUES insertion for remote endpoints -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "before"),
    [
        ("SELECT * WHERE { ?s ?p ?o }", "SELECT * WHERE "),
        ("select * where{?s ?p ?o}", "select * where"),
        ("SELECT * { ?s ?p ?o }", "SELECT * "),
        ("# WHERE { in a comment\nSELECT * WHERE { ?s ?p ?o }", "# WHERE { in a comment\nSELECT * WHERE "),
        ('PREFIX x: <http://e.org/ns#> SELECT ?where WHERE { ?s x:where "WHERE {" }',
         'PREFIX x: <http://e.org/ns#> SELECT ?where WHERE '),
        ("SELECT * WHERE # {\n{ ?s ?p ?o }", "SELECT * WHERE # {\n"),
        ("SELECT ?s FROM <http://e.org/g> WHERE { ?s ?p ?o FILTER(?o < 3) }", "SELECT ?s FROM <http://e.org/g> WHERE "),
        ("SELECT (CONCAT('{', \"\"\"}\n\"\"\") AS ?x) WHERE { }", "SELECT (CONCAT('{', \"\"\"}\n\"\"\") AS ?x) WHERE "),
        ("PREFIX : <http://e.org/>\nSELECT * FROM :where { ?s ?p ?o }", "PREFIX : <http://e.org/>\nSELECT * FROM :where "),
        ("SELECT * WHERE { { SELECT ?s WHERE { ?s ?p ?o } } }", "SELECT * WHERE "),
    ],
)
def test_outer_where_brace(text, before):
    assert outer_where_brace(text) == len(before)
    assert text[len(before)] == "{"


def test_insert_values_keeps_the_query_valid_and_binding():
    text = 'SELECT ?s WHERE { ?s <http://e.org/p> ?v FILTER(?v = ?param_v) }'
    query = insert_values(text, {"param_v": '"a \\" b"'})
    assert query == 'SELECT ?s WHERE { VALUES ?param_v { "a \\" b" } ?s <http://e.org/p> ?v FILTER(?v = ?param_v) }'
    store = pyoxigraph.Store()
    store.add(pyoxigraph.Quad(pyoxigraph.NamedNode("http://e.org/s"), pyoxigraph.NamedNode("http://e.org/p"),
                              pyoxigraph.Literal('a " b')))
    assert [row["s"].value for row in store.query(query)] == ["http://e.org/s"]
    assert insert_values(text, {}) == text


def test_values_go_into_the_sub_selects_that_project_the_variable():
    text = (
        "SELECT ?v WHERE { { SELECT ?v ?x WHERE { ?x <http://e.org/p> ?v } }"
        " { SELECT ?x WHERE { ?x <http://e.org/q> ?v } }"
        " { SELECT * WHERE { { SELECT ?v WHERE { ?x <http://e.org/p> ?v } } } }"
        " { SELECT ?x WHERE { { SELECT ?v ?x WHERE { ?x <http://e.org/p> ?v } } } } }"
    )
    bound = insert_values(text, {"v": '"a"'})
    assert bound == (
        'SELECT ?v WHERE { VALUES ?v { "a" } { SELECT ?v ?x WHERE { VALUES ?v { "a" } ?x <http://e.org/p> ?v } }'
        " { SELECT ?x WHERE { ?x <http://e.org/q> ?v } }"
        ' { SELECT * WHERE { VALUES ?v { "a" } { SELECT ?v WHERE { VALUES ?v { "a" } ?x <http://e.org/p> ?v } } } }'
        " { SELECT ?x WHERE { { SELECT ?v ?x WHERE { ?x <http://e.org/p> ?v } } } } }"
    )
    assert [(brace, sees) for brace, sees in subselect_groups(text)][2][1] is None  # SELECT * sees every variable
    store = pyoxigraph.Store()
    for s, p, o in (("s", "p", "a"), ("t", "p", "b"), ("s", "q", "z")):
        store.add(pyoxigraph.Quad(pyoxigraph.NamedNode(f"http://e.org/{s}"), pyoxigraph.NamedNode(f"http://e.org/{p}"),
                                  pyoxigraph.Literal(o)))
    assert {row["v"].value for row in store.query(bound)} == {"a"}


def test_query_without_group_is_refused():
    with pytest.raises(QueryError):
        outer_where_brace("SELECT ?x")


# ---- formatting ---------------------------------------------------------------------------

RESULT = QueryResult(columns=("name", "country"), rows=(("Mara Velt", "Norland"), ("Estmark", None),
                                                        ('A "quoted",\nname', "X")))


def test_format_table_aligns_columns():
    assert format_result(RESULT, "table").splitlines() == [
        "name              country",
        "----------------  -------",
        "Mara Velt         Norland",
        "Estmark",
        'A "quoted", name  X',
    ]


def test_format_csv_and_json_round_trip():
    import csv
    import io

    rows = list(csv.reader(io.StringIO(format_result(RESULT, "csv"))))
    assert rows[0] == ["name", "country"]
    assert rows[3] == ['A "quoted",\nname', "X"]
    assert json.loads(format_result(RESULT, "json")) == [
        {"name": "Mara Velt", "country": "Norland"},
        {"name": "Estmark", "country": None},
        {"name": 'A "quoted",\nname', "country": "X"},
    ]
    with pytest.raises(ResultFormatError, match="table, csv, json"):
        format_result(RESULT, "xml")


# ---- remote: a real Oxigraph server, when the oxigraph package is installed ----------------


def _oxigraph_binary() -> str | None:
    beside = Path(sys.executable).with_name("oxigraph")
    return str(beside) if beside.is_file() else shutil.which("oxigraph")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def endpoint(store, tmp_path_factory):
    binary = _oxigraph_binary()
    if binary is None:
        pytest.skip("the oxigraph server (pip install oxigraph) is not installed")
    base = f"http://127.0.0.1:{_free_port()}"
    server = subprocess.Popen(
        [binary, "serve", "--location", str(tmp_path_factory.mktemp("server")), "--bind", base[len("http://"):],
         "--union-default-graph"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"{base}/query?query=ASK%7B%7D", timeout=2).close()
                break
            except (urllib.error.URLError, ConnectionError):
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"oxigraph server did not start: {server.stderr.read().decode() if server.stderr else ''}")
                time.sleep(0.1)
        for graph in store.named_graphs():
            data = store.dump(format=pyoxigraph.RdfFormat.N_TRIPLES, from_graph=graph)
            request = urllib.request.Request(
                f"{base}/store?graph={urllib.parse.quote(graph.value, safe='')}",
                data=data, method="POST", headers={"Content-Type": "application/n-triples"},
            )
            urllib.request.urlopen(request, timeout=30).close()
        yield f"{base}/query"
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


CASES = [
    ("facts", {}),
    ("facts", {"article": "orland-2"}),
    ("facts", {"subject": "brek", "relation": "attends"}),
    ("events", {}),
    ("summit_attendees", {"event": "ORLAND"}),
    ("summit_attendees", {"event": "vessby"}),
    ("summit_attendees", {"event": "summit orland"}),
    ("person_roles", {"person": "velt"}),
    ("person_roles", {"person": "Vel"}),
    ("statements", {}),
    ("statements", {"speaker": "mara"}),
    ("statements", {"speaker": "president velt"}),
    ("stances", {}),
    ("stances", {"about": "estmark"}),
    ("stances", {"about": "arif"}),
]


@pytest.mark.parametrize(("name", "params"), CASES)
def test_remote_rows_equal_local_rows(store, endpoint, name, params):
    local = run_query(name, store=store, params=params)
    remote = run_query(name, endpoint=endpoint, params=params, timeout=30)
    assert local.rows  # the comparison means something
    assert remote == local


@pytest.mark.parametrize("value", INJECTIONS)
def test_remote_injection_strings_find_nothing_and_change_nothing(store, endpoint, value):
    assert run_query("summit_attendees", endpoint=endpoint, params={"event": value}).rows == ()
    assert run_query("stances", endpoint=endpoint, params={"about": value}).rows == ()
    assert run_query("facts", endpoint=endpoint) == run_query("facts", store=store)


def test_remote_iri_parameter(store, endpoint, tmp_path):
    path = iri_query(tmp_path)
    params = {"thing": ID + "country/norland"}
    assert run_query(path, endpoint=endpoint, params=params) == run_query(path, store=store, params=params)


def test_unreachable_endpoint_is_a_query_error():
    with pytest.raises(QueryError, match="failed at"):
        run_query("facts", endpoint=f"http://127.0.0.1:{_free_port()}/query", timeout=5)

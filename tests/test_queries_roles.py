"""summit_attendees' role and country columns: which article's roles a row reads, and lists of several roles."""

from __future__ import annotations

import pytest
from extraction import hand_fact as fact

from kgbuild.facts import Article, Entity, EntityKind, Extraction, Modality
from kgbuild.mapping import extraction_to_graph
from kgbuild.sparql import QueryResult, run_query
from kgbuild.store import open_store, write_article_graphs

ID = "https://w3id.org/kgbuild/id/"

# An invented world: one forum, two people with several roles, a trade bloc.
RUNA = Entity("person/runa-halt", EntityKind.PERSON, "Runa Halt")
OSK = Entity("person/osk-perin", EntityKind.PERSON, "Osk Perin")
KELDA = Entity("country/kelda", EntityKind.COUNTRY, "Kelda")
MOREN = Entity("country/moren", EntityKind.COUNTRY, "Moren")
BLOC = Entity("organisation/tallow-bloc", EntityKind.ORGANISATION, "Tallow Bloc")
KELDA_FM = Entity("position/foreign-minister-of-kelda", EntityKind.POSITION, "Foreign Minister of Kelda",
                  country="country/kelda")
MOREN_ENVOY = Entity("position/envoy-of-moren", EntityKind.POSITION, "Envoy of Moren", country="country/moren")
FORUM = Entity("event/harbour-forum", EntityKind.EVENT, "Harbour Forum", event_type="Conference")


def corpus() -> list[Extraction]:
    return [
        # Runa's two offices are stated where she attends; Osk only attends here.
        Extraction(
            Article("forum-1", "Runa Halt and Osk Perin came to the Harbour Forum."),
            (RUNA, OSK, KELDA, MOREN, KELDA_FM, MOREN_ENVOY, FORUM),
            (
                fact("forum-1", RUNA, "holdsPosition", KELDA_FM),
                fact("forum-1", RUNA, "holdsPosition", MOREN_ENVOY),
                fact("forum-1", RUNA, "attends", FORUM),
                fact("forum-1", OSK, "attends", FORUM),
            ),
        ),
        # Osk's roles come from another article: an office and the bloc he leads.
        Extraction(
            Article("bloc-1", "Osk Perin, Envoy of Moren, leads the Tallow Bloc."),
            (OSK, MOREN, MOREN_ENVOY, BLOC),
            (
                fact("bloc-1", OSK, "holdsPosition", MOREN_ENVOY),
                fact("bloc-1", OSK, "leaderOf", BLOC),
            ),
        ),
        # Here Runa is only a citizen of Kelda, and plans to attend: this article's role is read, not her offices.
        Extraction(
            Article("forum-2", "Runa Halt, a Keldan, plans to attend the Harbour Forum."),
            (RUNA, KELDA, FORUM),
            (
                fact("forum-2", RUNA, "citizenOf", KELDA),
                fact("forum-2", RUNA, "attends", FORUM, Modality.PLANNED),
            ),
        ),
    ]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    database = open_store(tmp_path_factory.mktemp("roles") / "store")
    write_article_graphs(database, (extraction_to_graph(e) for e in corpus()))
    return database


def rows(result: QueryResult) -> dict[tuple[str, str], dict[str, str | None]]:
    """Rows keyed by attendee and modality; the role and country lists as sets (their order is the store's)."""
    found = {}
    for row in result.rows:
        record = dict(zip(result.columns, row))
        for column in ("role", "country"):
            if record[column] is not None:
                record[column] = set(record[column].split(" | "))
        found[(record["attendee"], record["modality"])] = record
    return found


def test_roles_stated_in_the_attendance_article_are_all_listed(store):
    runa = rows(run_query("summit_attendees", store=store, params={"event": "harbour forum"}))[(ID + "person/runa-halt", "asserted")]
    assert runa["role"] == {"Foreign Minister of Kelda", "Envoy of Moren"}
    assert runa["country"] == {"Kelda", "Moren"}


def test_an_article_stating_no_role_reads_the_roles_every_other_article_states(store):
    osk = rows(run_query("summit_attendees", store=store, params={"event": "harbour forum"}))[(ID + "person/osk-perin", "asserted")]
    assert osk["role"] == {"Envoy of Moren"}  # a position's label comes before "leader"
    assert osk["country"] == {"Moren"}  # the bloc he leads is no country


def test_an_article_stating_a_role_is_read_alone(store):
    runa = rows(run_query("summit_attendees", store=store, params={"event": "harbour forum"}))[(ID + "person/runa-halt", "planned")]
    assert runa["role"] is None  # a citizen only: her offices are stated in another article
    assert runa["country"] == {"Kelda"}


def test_every_row_once(store):
    result = run_query("summit_attendees", store=store, params={"event": "forum"})
    assert sorted((row[0], row[-1]) for row in result.rows) == [
        (ID + "person/osk-perin", "asserted"), (ID + "person/runa-halt", "asserted"), (ID + "person/runa-halt", "planned"),
    ]

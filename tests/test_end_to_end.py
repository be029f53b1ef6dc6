"""End to end through the real model and the CLI: articles in, graph and answers out."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyoxigraph
import pytest
from conftest import require_shared

from kgbuild import cli
from kgbuild.mapping import entity_iri
from kgbuild.namespace import DIP

pytestmark = pytest.mark.model

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"

REFERENCE = SHARED / "corpus" / "000_0aaa81bd92fafe41.txt"
SEED = SHARED / "eval" / "dev" / "seed.jsonl"
EXAMPLES = REPO / "examples"


def run_cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def example_store(tmp_path_factory) -> Path:
    store = tmp_path_factory.mktemp("examples") / "store"
    assert cli.main(["build", str(EXAMPLES), "--store", str(store)]) == 0
    return store


def test_reference_article_answers_who_attends_the_vilnius_summit(tmp_path, capsys):
    require_shared(REFERENCE)
    store = tmp_path / "store"
    code, out, err = run_cli(capsys, "build", str(REFERENCE), "--store", str(store))
    assert code == 0, err
    assert "SHACL" not in err
    code, out, _ = run_cli(capsys, "query", "summit_attendees", "--param", "event=vilnius", "--store", str(store), "--format", "json")
    assert code == 0
    rows = json.loads(out)
    attendees = {row["attendee_label"]: row for row in rows}
    assert {"Fumio Kishida", "Leader of South Korea", "Leader of Australia", "Leader of New Zealand"} <= set(attendees)
    assert all(row["modality"] in {"planned", "asserted"} for row in rows)
    assert {attendees[f"Leader of {c}"]["country"] for c in ("South Korea", "Australia", "New Zealand")} == {
        "South Korea",
        "Australia",
        "New Zealand",
    }


def test_rebuilding_replaces_an_article_instead_of_duplicating_it(tmp_path, capsys):
    store = tmp_path / "store"
    assert cli.main(["build", str(EXAMPLES), "--store", str(store)]) == 0
    first = capsys.readouterr().out
    assert cli.main(["build", str(EXAMPLES / "lisbon-summit.txt"), "--store", str(store)]) == 0
    capsys.readouterr()
    code, out, _ = run_cli(capsys, "export", "--store", str(store), "--format", "nquads")
    again = pyoxigraph.Store()
    again.load(io.BytesIO(out.encode()), format=pyoxigraph.RdfFormat.N_QUADS)
    triples_in_first_build = int(first.split(" triples")[0].rsplit(" ", 1)[1])
    assert len(again) == triples_in_first_build


def test_negated_fact_is_kept_as_evidence_but_not_asserted(example_store):
    store = pyoxigraph.Store.read_only(str(example_store))
    dahl = pyoxigraph.NamedNode(str(entity_iri("person/ingrid-dahl")))
    attends = pyoxigraph.NamedNode(str(DIP.attends))
    direct = list(store.quads_for_pattern(dahl, attends, None, None))
    assert direct == []
    negated = store.query(
        "ASK { ?f dip:factSubject ?s ; dip:factRelation dip:attends ; dip:modality dip:negated }",
        prefixes={"dip": str(DIP)},
        substitutions={pyoxigraph.Variable("s"): dahl},
        use_default_graph_as_union=True,
    )
    assert bool(negated)


def test_validate_reports_a_conforming_store(example_store, capsys):
    code, out, _ = run_cli(capsys, "validate", "--store", str(example_store))
    assert code == 0
    assert out.startswith("conforms")


def test_seed_f1_is_reproduced_from_the_facts_csv(tmp_path, capsys):
    require_shared(SEED)
    code, direct, _ = run_cli(capsys, "evaluate", str(SEED))
    assert code == 0
    micro = next(line for line in direct.splitlines() if line.startswith("micro"))
    assert float(micro.split()[-1]) >= 0.80
    store = tmp_path / "store"
    assert cli.main(["build", str(SEED), "--store", str(store)]) == 0
    capsys.readouterr()
    code, out, _ = run_cli(capsys, "query", "facts", "--store", str(store), "--format", "csv")
    assert list(csv.reader(io.StringIO(out)))[0] == [
        "article", "subject", "subject_label", "relation", "object", "object_label", "modality", "confidence", "evidence",
    ]
    facts_csv = tmp_path / "facts.csv"
    facts_csv.write_text(out, encoding="utf-8")
    code, from_csv, _ = run_cli(capsys, "evaluate", str(SEED), "--predictions", str(facts_csv))
    assert code == 0
    assert from_csv == direct

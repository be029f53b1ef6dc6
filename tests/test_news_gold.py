"""Accuracy floors on kgbuild's own diplomacy news gold sets, through the real model.

``tests/data/news-gold.jsonl`` (34 articles) is the set the news rules were developed
against; ``tests/data/news-heldout.jsonl`` (10 articles) was annotated with it but kept
out of that work, as a check that the rules generalise. Both are short articles written
for kgbuild on real 2019-2024 events (G7, G20, BRICS, NATO, ASEAN, APEC, Quad, SCO,
COP, UN General Assembly, state visits), annotated in the ``shared/eval`` format with
negated facts (skipped, cancelled, denied). The floors sit a little below what the
extractor reaches, so that a regression fails here; raise them when accuracy improves.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kgbuild.scoring import evaluate, load_gold

DATA = Path(__file__).parent / "data"
#: (file, micro-F1 floor, precision floor)
FLOORS = [
    ("news-gold.jsonl", 0.91, 0.95),  # reached: F1 0.922, P 0.964 (34 articles; the first 26: F1 0.941, P 0.982)
    ("news-heldout.jsonl", 0.815, 0.90),  # reached: F1 0.854, P 0.931
]


@pytest.mark.parametrize("name", [name for name, _, _ in FLOORS])
def test_gold_files_are_well_formed_and_licensed(name):
    items = load_gold(DATA / name)
    assert len(items) >= 10
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        assert record["source"] == "written for kgbuild" and record["license"] == "same as the project"
        assert 120 <= len(record["text"].split()) <= 300, record["id"]
        assert [f for f in record["facts"] if not f["optional"]], record["id"]


def test_held_out_articles_are_not_the_development_articles():
    development = {item.id for item in load_gold(DATA / "news-gold.jsonl")}
    held_out = {item.id for item in load_gold(DATA / "news-heldout.jsonl")}
    assert development and held_out and not development & held_out


@pytest.mark.model
@pytest.mark.parametrize(("name", "f1_floor", "precision_floor"), FLOORS)
def test_news_accuracy_floors(nlp, name, f1_floor, precision_floor):
    scores = evaluate(DATA / name, nlp=nlp)
    assert scores.negated_asserted == 0, "a fact the article denies or cancels was asserted"
    assert scores.micro.precision >= precision_floor, scores.micro
    assert scores.micro.f1 >= f1_floor, scores.micro

"""Shared fixtures: the shipped resources, a hand-built Doc maker, and the real model (loaded once)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from kgbuild.extract import load_resources
from kgbuild.facts import Article

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def require_shared(path: Path) -> Path:
    """A file of the shared folder beside the checkout: skipped where absent, but a failure in CI."""
    if not path.exists():
        message = f"{path} not found (the shared folder sits beside the checkout)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture(scope="session")
def resources():
    """The shipped gazetteer and lexicon."""
    return load_resources()


@pytest.fixture(scope="session")
def vocab():
    return spacy.blank("en").vocab


@pytest.fixture(scope="session")
def make_doc(vocab):
    """Build a parsed Doc by hand from a table, one token a line.

    Columns: word, head index (absolute), dependency, POS, tag, lemma, IOB
    entity (``O``, ``B-PERSON``...); a line starting with ``|`` starts a new
    sentence. Words are joined with spaces except before punctuation.
    """

    def build(table: str) -> Doc:
        rows = [line.split() for line in table.strip().splitlines() if line.strip()]
        sent_starts, words = [], []
        for row in rows:
            starts = row[0] == "|"
            if starts:
                row.pop(0)
            sent_starts.append(starts or not words)
            words.append(row)
        heads = [int(w[1]) for w in words]
        for start in range(len(heads)):
            seen, i = set(), start
            while heads[i] != i:  # a cycle in the table would crash spaCy, so fail here instead
                if i in seen:
                    raise ValueError(f"head cycle through token {i} ({words[i][0]!r})")
                seen.add(i)
                i = heads[i]
        spaces = [
            n + 1 < len(words) and words[n + 1][0] not in {".", ",", "'s", ":", ";", "?"}
            for n in range(len(words))
        ]
        return Doc(
            vocab,
            words=[w[0] for w in words],
            spaces=spaces,
            heads=heads,
            deps=[w[2] for w in words],
            pos=[w[3] for w in words],
            tags=[w[4] for w in words],
            lemmas=[w[5] for w in words],
            ents=[w[6] for w in words],
            sent_starts=sent_starts,
        )

    return build


@pytest.fixture(scope="session")
def article_for():
    def make(doc: Doc, *, date: dt.date | None = dt.date(2024, 5, 6)) -> Article:
        return Article(id="test-article", text=doc.text, date=date)

    return make


@pytest.fixture(scope="session")
def nlp():
    """The real spaCy model (end-to-end tests only)."""
    from kgbuild.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def sentencizer():
    """A pipeline without a model: sentences only, no entities, so builds are fast and find few facts."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp

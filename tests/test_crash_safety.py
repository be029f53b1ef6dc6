"""Crash safety: a build killed with SIGKILL loses nothing, and a second build on a busy store is refused.

A real ``kgbuild build`` process is killed at several points of a run over a
generated corpus of invented articles: it shows its progress bar, and the
test kills it once the bar passes a chosen number of articles, plus a random
fraction of a second, so the kill falls between two writes or inside one.
After each kill the store must open, answer a named query, and hold every
article either complete (exactly the quads of an uninterrupted build) or not
at all. The next run resumes (the store keeps what was written); one kill
falls in a ``--force`` run, which replaces graphs that are already there.
A final uninterrupted run must give exactly the store of an uninterrupted build.
"""

from __future__ import annotations

import json
import os
import random
import re
import select
import signal
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

import pytest

from kgbuild.api import query
from kgbuild.pipeline import build
from kgbuild.store import open_store

ARTICLES = 240
#: Articles per chunk (one store write each): small, so a run has many writes to be killed in.
BATCH = 8
#: (extra build options, kill once the progress bar shows this many articles done).
KILLS = (((), 40), ((), 110), (("--force",), 70), ((), 180))
SEED = 20310304

PEOPLE = ["Elena Marsh", "Tiago Serra", "Ingrid Dahl", "Kofi Mensah", "Lucia Prado", "Aiko Mori", "Pavel Novak"]
COUNTRIES = ["Canada", "Portugal", "Norway", "Ghana", "Brazil", "Japan", "Chile", "Kenya"]
CITIES = ["Lisbon", "Oslo", "Accra", "Ottawa", "Tokyo", "Nairobi", "Santiago"]
TEMPLATES = [
    "Prime Minister {a} of {c} will attend the {city} Summit next week, her office said on {day}.",
    "{a} is expected to meet {d}'s foreign minister, {b}, on the sidelines of the summit.",
    "{c} condemned the blockade of the strait and backed a joint patrol plan with {d}.",
    "\u201cWe will keep talking,\u201d {b} told reporters in {city} after the talks.",
    "{b} did not attend the preparatory meeting in {city}, citing a scheduling conflict.",
    "President {b} of {d} hosted {a} in {city} for two days of talks on trade.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def write_corpus(path: Path) -> None:
    """A JSONL corpus of ``ARTICLES`` invented articles of four sentences each."""
    rng = random.Random(SEED)
    lines = []
    for n in range(ARTICLES):
        a, b = rng.sample(PEOPLE, 2)
        c, d = rng.sample(COUNTRIES, 2)
        sentences = [t.format(a=a, b=b, c=c, d=d, city=rng.choice(CITIES), day=rng.choice(DAYS))
                     for t in rng.sample(TEMPLATES, 4)]
        lines.append(json.dumps({"id": f"wire-{n:04d}", "text": " ".join(sentences), "date": "2031-03-04"}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def quads_by_graph(store_path: Path) -> dict[str, set[str]]:
    """Each named graph's quads, as N-Quads lines; opening read-write also proves the lock is free."""
    database = open_store(store_path)
    graphs: dict[str, set[str]] = defaultdict(set)
    for quad in database:
        graphs[quad.graph_name.value].add(str(quad))
    del database
    return dict(graphs)


def build_command(corpus: Path, store: Path, *options: str) -> list[str]:
    return [sys.executable, "-m", "kgbuild", "build", str(corpus), "--store", str(store), "--no-validate",
            "--batch-size", str(BATCH), "--progress", "bar", *options]


# The progress bar's count: "[####....] 40/240 articles (17%)", or "40 articles" before the total is known.
_DONE = re.compile(r"(\d[\d,]*)(?:/[\d,]+)? articles")


def wait_until_done(process: subprocess.Popen, articles: int, *, limit: float = 300) -> None:
    """Read the build's progress bar until it shows ``articles`` done (a guard against a hang, not a timing test)."""
    seen = ""
    deadline = time.monotonic() + limit
    fd = process.stderr.fileno()
    while True:
        counts = [int(n.replace(",", "")) for n in _DONE.findall(seen[-400:])]
        if counts and counts[-1] >= articles:
            return
        if time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"the build never showed {articles} articles done; it wrote: {seen[-2000:]!r}")
        ready, _, _ = select.select([fd], [], [], 1.0)
        if ready:
            chunk = os.read(fd, 65_536)
            if not chunk:
                pytest.fail(f"the build ended (exit {process.wait()}) before {articles} articles: {seen[-2000:]!r}")
            seen += chunk.decode(errors="replace")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("crash") / "corpus.jsonl"
    write_corpus(path)
    return path


@pytest.fixture(scope="module")
def reference(corpus, nlp, tmp_path_factory) -> dict[str, set[str]]:
    """The store of an uninterrupted build."""
    store = tmp_path_factory.mktemp("reference") / "store"
    report = build([corpus], store=store, nlp=nlp, validate=False)
    assert report.articles == ARTICLES
    return quads_by_graph(store)


@pytest.mark.model
def test_sigkill_at_any_moment_loses_nothing_and_a_rerun_completes(corpus, reference, tmp_path):
    store = tmp_path / "store"
    rng = random.Random(SEED)
    kept = []
    for options, articles in KILLS:
        process = subprocess.Popen(build_command(corpus, store, *options), stdout=subprocess.DEVNULL,
                                   stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
        try:
            wait_until_done(process, articles)
            time.sleep(rng.uniform(0, 0.2))  # between two writes, or inside one
            process.send_signal(signal.SIGKILL)
        finally:
            process.wait()
            process.stderr.close()
        assert process.returncode == -signal.SIGKILL, "the build ended before it was killed"
        state = quads_by_graph(store)
        for graph, quads in state.items():
            assert quads == reference[graph], f"{graph} is half-written after a SIGKILL"
        assert query("facts", store=store).rows  # readable by the named queries
        kept.append(len(state))
    assert 0 < kept[0] < ARTICLES, "the first kill did not fall inside the run"
    assert kept[1] < ARTICLES, "the second kill did not fall inside the run"
    rerun = subprocess.run(build_command(corpus, store, "--progress", "off"), capture_output=True, text=True,
                           timeout=600, stdin=subprocess.DEVNULL)
    assert rerun.returncode == 0, rerun.stderr
    assert quads_by_graph(store) == reference
    assert not list(store.glob("bulk-*.sst"))


@pytest.mark.model
def test_a_second_build_on_a_busy_store_is_refused_cleanly(corpus, reference, tmp_path):
    """While a build runs (frozen with SIGSTOP, so it cannot finish first), a second one says the store is in use."""
    store = tmp_path / "store"
    first = subprocess.Popen(build_command(corpus, store), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                             stdin=subprocess.DEVNULL)
    try:
        wait_until_done(first, 40)
        first.send_signal(signal.SIGSTOP)
        second = subprocess.run(build_command(corpus, store, "--progress", "off"), capture_output=True, text=True,
                                timeout=600, stdin=subprocess.DEVNULL)
    finally:
        first.kill()  # SIGKILL ends a stopped process too
        first.wait()
        first.stderr.close()
    assert second.returncode == 2, second.stderr
    assert second.stderr.startswith("kgbuild: error: ") and second.stderr.count("\n") == 1, second.stderr
    assert "is in use" in second.stderr and str(store) in second.stderr
    for graph, quads in quads_by_graph(store).items():  # the refused build broke nothing
        assert quads == reference[graph]

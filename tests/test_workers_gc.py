"""The garbage collector while a build runs: the loaded tools frozen, fewer passes, everything restored after."""

from __future__ import annotations

import gc
import json
from collections.abc import Iterator

import pytest

from kgbuild.pipeline import build
from kgbuild.workers import frozen_objects, local_executor


@pytest.fixture
def collector() -> Iterator[tuple[int, int, int]]:
    """The collector's thresholds before the test; the collector as it was after it, whatever the test did."""
    thresholds = gc.get_threshold()
    frozen = gc.get_freeze_count()
    try:
        yield thresholds
    finally:
        gc.set_threshold(*thresholds)
        if gc.get_freeze_count() and not frozen:
            gc.unfreeze()


def test_frozen_objects_freezes_what_is_alive_and_collects_less_often_in_the_block(collector):
    kept = [object() for _ in range(10)]
    with frozen_objects():
        assert gc.get_freeze_count() > len(kept)
        assert gc.get_threshold()[0] >= 10_000
        assert gc.get_threshold()[1:] == collector[1:]
    assert gc.get_freeze_count() == 0
    assert gc.get_threshold() == collector


def test_frozen_objects_restores_the_collector_when_the_block_fails(collector):
    with pytest.raises(RuntimeError), frozen_objects():
        raise RuntimeError("the build stopped")
    assert gc.get_freeze_count() == 0
    assert gc.get_threshold() == collector


def test_frozen_objects_leaves_a_caller_that_froze_objects_itself_alone(collector):
    gc.freeze()
    frozen = gc.get_freeze_count()
    with frozen_objects():
        assert gc.get_threshold() == collector
    assert gc.get_freeze_count() >= frozen  # not unfrozen by the block
    gc.unfreeze()


def test_a_local_executor_freezes_its_tools_only_while_it_runs(collector, sentencizer):
    with local_executor(workers=1, nlp=sentencizer, validate="none"):
        assert gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0
    assert gc.get_threshold() == collector


def test_a_build_leaves_the_collector_as_it_found_it(collector, sentencizer, tmp_path):
    corpus = tmp_path / "news.jsonl"
    corpus.write_text(json.dumps({"id": "gc-1", "text": "The two ministers met in Oslo on Friday."}) + "\n", encoding="utf-8")
    report = build([corpus], store=tmp_path / "store", nlp=sentencizer, validate="none")
    assert report.articles == 1
    assert gc.get_freeze_count() == 0
    assert gc.get_threshold() == collector

"""Worker processes end with the build: after a SIGKILL of the parent, and quietly on Ctrl-C (local pool and Dask).

Each test runs a real ``kgbuild build`` in a subprocess, in a session of its
own so that a Ctrl-C can be sent to its whole process group as a terminal
would. Waits are polls with generous deadlines, never assertions on speed.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph
import pytest
from servers import interruptible

from kgbuild.mapping import article_graph_iri
from kgbuild.pipeline import build

# Linux's process table; CI runs on Linux, so this never skips there.
pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads the process table from /proc")

NEWS = Path(__file__).parent / "scale" / "news.jsonl"
#: Copies of the test news (8 short articles, 228 words): about 680,000 words, minutes of work on two cores, so
#: that the build is surely still running when it is stopped after its first progress line (10 s in).
COPIES = 3000


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("lifecycle") / "news.jsonl"
    records = [json.loads(line) for line in NEWS.read_text(encoding="utf-8").splitlines()]
    path.write_text("".join(json.dumps({**r, "id": f"{r['id']}-{n}"}) + "\n" for n in range(COPIES) for r in records))
    return path


def children(pid: int) -> set[int]:
    """The processes whose parent is ``pid``."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rpartition(")")[2].split()[1]) == pid:
                found.add(int(entry.name))
    return found


def alive(pid: int) -> bool:
    """Whether ``pid`` runs (a zombie waiting for a reaper that is not ours has ended)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
    except OSError:
        return False
    return state != "Z"


def wait_until(condition, *, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"{what} (waited {timeout:.0f} s)")
        time.sleep(0.2)


def start_build(corpus: Path, store: Path, log: Path, *options: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "kgbuild", "build", str(corpus), "--store", str(store), "--progress", "log",
         "--no-validate", "--batch-size", "8", *options],
        stdin=subprocess.DEVNULL, stdout=log.open("w"), stderr=subprocess.STDOUT, start_new_session=True,
        preexec_fn=interruptible,
    )


def written_part(corpus: Path, store: Path, into: Path) -> int:
    """Write to ``into`` the corpus records whose article graph the store holds; how many."""
    graphs = {graph.value for graph in pyoxigraph.Store.read_only(str(store)).named_graphs()}
    lines = [line for line in corpus.read_text(encoding="utf-8").splitlines()
             if str(article_graph_iri(json.loads(line)["id"])) in graphs]
    into.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return len(lines)


@pytest.mark.model
def test_workers_end_when_the_parent_is_killed(corpus, tmp_path):
    process = start_build(corpus, tmp_path / "store", tmp_path / "log", "--workers", "2")
    try:
        wait_until(lambda: len(children(process.pid)) >= 2 or process.poll() is not None, timeout=240,
                   what="the two workers did not start")
        assert process.poll() is None, (tmp_path / "log").read_text()
        workers = children(process.pid)
        wait_until(lambda: (tmp_path / "store").exists(), timeout=120, what="the build did not start")
        process.send_signal(signal.SIGKILL)
        process.wait()
        wait_until(lambda: not any(alive(pid) for pid in workers), timeout=30,
                   what=f"workers {sorted(pid for pid in workers if alive(pid))} outlived their killed parent")
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


@pytest.mark.model
@pytest.mark.parametrize("options", [("--workers", "2"), ("--executor", "dask", "--workers", "2")],
                         ids=["local pool", "dask"])
def test_ctrl_c_prints_one_line_keeps_written_articles_and_stops_every_worker(corpus, tmp_path, options, nlp):
    store, log = tmp_path / "store", tmp_path / "log"
    process = start_build(corpus, store, log, *options)
    try:
        # Interrupt once some batches are written: the progress log's first line comes after the first chunk.
        wait_until(lambda: "articles (" in log.read_text() or process.poll() is not None, timeout=240,
                   what="the build showed no progress")
        assert process.poll() is None, log.read_text()
        workers = children(process.pid)
        os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C on a terminal does: the whole process group
        code = process.wait(timeout=120)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    output = log.read_text()
    assert code == 130, output
    assert output.rstrip("\n").splitlines()[-1] == "kgbuild: interrupted", output
    assert "Traceback" not in output and "KeyboardInterrupt" not in output and "Error" not in output, output
    wait_until(lambda: not any(alive(pid) for pid in workers), timeout=30, what="workers outlived the interrupted build")
    kept = written_part(corpus, store, tmp_path / "kept.jsonl")
    assert kept > 0, output
    again = build([tmp_path / "kept.jsonl"], store=store, nlp=nlp, validate="none")
    assert (again.unchanged, again.articles) == (kept, 0)  # every article written is whole: a rebuild skips it


PARENT = """
import multiprocessing, os, sys, time
from pathlib import Path
from kgbuild.workers import end_with_parent

def child(parent, ready):
    end_with_parent(parent, kernel=False)  # the watching thread of platforms without PR_SET_PDEATHSIG
    Path(ready).write_text(str(os.getpid()))
    time.sleep(600)

if __name__ == "__main__":
    multiprocessing.get_context("spawn").Process(target=child, args=(os.getpid(), sys.argv[1])).start()
    time.sleep(600)
"""


def test_the_portable_parent_watch_ends_a_spawned_child_of_a_killed_parent(tmp_path):
    script, ready = tmp_path / "parent.py", tmp_path / "ready"
    script.write_text(PARENT)
    parent = subprocess.Popen([sys.executable, str(script), str(ready)], stdin=subprocess.DEVNULL, start_new_session=True)
    try:
        wait_until(lambda: ready.exists() and ready.read_text() != "", timeout=120, what="the child did not start")
        child = int(ready.read_text())
        assert alive(child)
        parent.send_signal(signal.SIGKILL)
        parent.wait()
        wait_until(lambda: not alive(child), timeout=30, what="the child outlived its killed parent")
    finally:
        if parent.poll() is None:
            os.killpg(parent.pid, signal.SIGKILL)
            parent.wait()

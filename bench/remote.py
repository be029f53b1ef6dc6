"""Benchmarks for the remote side: push throughput to real servers, and export memory against store size.

    python bench/remote.py export 20000 200000        # peak memory of exporting stores of that many triples
    python bench/remote.py push oxigraph 50000        # triples/s pushed to a fresh Oxigraph server (GSP and Update)
    python bench/remote.py push virtuoso 50000        # the same against a fresh Virtuoso (Digest auth)

The stores are synthetic article graphs shaped like kgbuild's (about 80
triples an article: entities with labels, facts with evidence). Nothing is
asserted; the script prints numbers.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

DIP = "https://w3id.org/kgbuild/diplomacy#"
ID = "https://w3id.org/kgbuild/id/"
RDF_TYPE = pyoxigraph.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
LABEL = pyoxigraph.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")


def synthetic_store(folder: Path, triples: int) -> pyoxigraph.Store:
    """Articles of 8 facts (10 triples each) about people shared across articles, until ``triples``."""
    store = pyoxigraph.Store(str(folder))
    article = 0
    written = 0
    while written < triples:
        graph = pyoxigraph.NamedNode(f"https://w3id.org/kgbuild/graph/bench-{article}")
        quads = []
        for n in range(8):
            fact = pyoxigraph.NamedNode(f"{ID}fact/{article:06d}{n:02d}")
            person = pyoxigraph.NamedNode(f"{ID}person/p{(article * 8 + n) % 5000}")
            event = pyoxigraph.NamedNode(f"{ID}event/e{article % 700}")
            sentence = f"Person {n} of article {article} will attend event {article % 700} next week, officials said."
            quads += [
                pyoxigraph.Quad(fact, RDF_TYPE, pyoxigraph.NamedNode(DIP + "Fact"), graph),
                pyoxigraph.Quad(fact, pyoxigraph.NamedNode(DIP + "factSubject"), person, graph),
                pyoxigraph.Quad(fact, pyoxigraph.NamedNode(DIP + "factRelation"), pyoxigraph.NamedNode(DIP + "attends"), graph),
                pyoxigraph.Quad(fact, pyoxigraph.NamedNode(DIP + "factObject"), event, graph),
                pyoxigraph.Quad(fact, pyoxigraph.NamedNode(DIP + "modality"), pyoxigraph.NamedNode(DIP + "planned"), graph),
                pyoxigraph.Quad(fact, pyoxigraph.NamedNode(DIP + "sentence"), pyoxigraph.Literal(sentence), graph),
                pyoxigraph.Quad(fact, pyoxigraph.NamedNode(DIP + "confidence"),
                                pyoxigraph.Literal("0.9", datatype=pyoxigraph.NamedNode("http://www.w3.org/2001/XMLSchema#decimal")), graph),
                pyoxigraph.Quad(person, LABEL, pyoxigraph.Literal(f"Person {(article * 8 + n) % 5000}"), graph),
                pyoxigraph.Quad(person, pyoxigraph.NamedNode(DIP + "attends"), event, graph),
                pyoxigraph.Quad(event, LABEL, pyoxigraph.Literal(f"Event {article % 700}"), graph),
            ]
        store.extend(quads)
        written += len(quads)
        article += 1
    store.flush()
    return store


def export_memory(sizes: list[int]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            folder = Path(tmp) / f"s{size}"
            store = synthetic_store(folder, size)
            count = len(store)
            del store
            for fmt in ("nquads", "trig", "turtle", "ntriples"):
                out = Path(tmp) / f"out.{fmt}"
                child = (
                    "from kgbuild.store import export, open_store\n"
                    f"export(open_store({str(folder)!r}, read_only=True), {fmt!r}, {str(out)!r})\n"
                    # VmHWM, not ru_maxrss: the latter keeps the forking parent's peak across exec.
                    "print([l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM')][0])"
                )
                started = time.monotonic()
                peak_kib = int(subprocess.run([sys.executable, "-c", child], capture_output=True, text=True,
                                              check=True).stdout.split()[-1])
                seconds = time.monotonic() - started
                print(f"export {fmt:8} {count:>9} quads: peak RSS {peak_kib / 1024:7.1f} MiB, "
                      f"{out.stat().st_size / 2**20:7.1f} MiB written, {seconds:5.1f} s (with interpreter start)")


def push_throughput(server_kind: str, size: int) -> None:
    from servers import VIRTUOSO_PASSWORD, VIRTUOSO_USER, Oxigraph, Virtuoso

    from kgbuild.remote import Credentials, Remote, push

    with tempfile.TemporaryDirectory() as tmp:
        store = synthetic_store(Path(tmp) / "store", size)
        if server_kind == "oxigraph":
            server = Oxigraph(str(Path(sys.executable).with_name("oxigraph")), Path(tmp) / "server").start()
            targets = [("gsp", server.gsp, None), ("update", server.update, None)]
        else:
            (Path(tmp) / "server").mkdir()
            server = Virtuoso("/usr/bin/virtuoso-t", "/usr/bin/isql-vt", Path(tmp) / "server").start()
            credentials = Credentials(VIRTUOSO_USER, VIRTUOSO_PASSWORD)
            targets = [("gsp", server.gsp_auth, credentials), ("update", server.update_auth, credentials)]
        try:
            for protocol, url, credentials in targets:
                for attempt in ("first", "again"):
                    report = push(store, Remote(url, protocol, credentials=credentials))
                    print(f"push {server_kind:8} {protocol:6} {attempt:5}: {report.graphs} graphs, {report.triples} triples "
                          f"in {report.seconds:6.2f} s = {report.triples_per_second:8.0f} triples/s "
                          f"({report.requests} requests)")
        finally:
            server.stop()


if __name__ == "__main__":
    if sys.argv[1:2] == ["export"]:
        export_memory([int(n) for n in sys.argv[2:]] or [20_000, 200_000])
    elif sys.argv[1:2] == ["push"]:
        push_throughput(sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 50_000)
    else:
        sys.exit(__doc__)
    print(f"bench peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")

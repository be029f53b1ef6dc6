"""Does a second thread pay in a 1-process build? How much of the parse and of the store writes run beside Python.

    python bench/gil.py              # about 1 min on 2 cores
    python bench/gil.py --words 40000

Two measurements on a corpus this script makes (bench/corpus.py), each
repeated (``--repeats``), each printing times alone and together:

1. the parse (``nlp.pipe`` of some articles) in one thread while another
   thread extracts and maps other, already parsed articles (pure Python):
   if the parse released Python's lock (the GIL) for much of its time, the
   two together would take less than the two one after the other, and a
   build could extract batch k while parsing batch k+1;
2. ``kgbuild.store.write_nquads`` (pyoxigraph's ``bulk_load``, on disk) in one
   thread while another counts in pure Python: how much the counter keeps
   of its speed alone, and how much CPU the writing thread itself spends
   holding the interpreter (the rest runs in RocksDB's threads).

"together ÷ one after the other" below 1 means the threads overlap; about 1
(or above: lock hand-overs cost) means they take turns. Timings are
wall-clock: run it on a quiet machine (the load average is printed). The
cores used while both run (process CPU seconds ÷ wall seconds) hold up
better on a busy machine: above 1 only if the threads truly run at once.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import write_corpus  # noqa: E402

from kgbuild.articles import read_articles  # noqa: E402
from kgbuild.extract import extract_article, load_resources  # noqa: E402
from kgbuild.mapping import extraction_to_nquads  # noqa: E402
from kgbuild.nlp import DEFAULT_BATCH_SIZE, load_pipeline  # noqa: E402
from kgbuild.pipeline import DEFAULT_WRITE_BATCH  # noqa: E402
from kgbuild.store import open_store, write_nquads  # noqa: E402


def _timed(work, into: dict[str, float], name: str) -> None:
    start = time.perf_counter()
    work()
    into[name] = time.perf_counter() - start


def _together(first, second) -> dict[str, float]:
    """Run both in threads of their own; their times, the time of both, and the cores used meanwhile (CPU ÷ wall)."""
    times: dict[str, float] = {}
    cpu = time.process_time()
    threads = [threading.Thread(target=_timed, args=(first, times, "first")),
               threading.Thread(target=_timed, args=(second, times, "second"))]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    times["both"] = time.perf_counter() - start
    times["cores"] = (time.process_time() - cpu) / times["both"]
    return times


def parse_beside_extraction(articles, nlp, resources, repeats: int) -> None:
    half = len(articles) // 2
    to_parse, to_extract = articles[:half], articles[half:]
    parsed = list(nlp.pipe(((a.text, a) for a in to_extract), as_tuples=True, batch_size=DEFAULT_BATCH_SIZE))

    def parse() -> None:
        for _ in nlp.pipe((a.text for a in to_parse), batch_size=DEFAULT_BATCH_SIZE):
            pass

    def extract() -> None:
        for doc, article in parsed:
            extraction_to_nquads(extract_article(doc, article, resources=resources))

    print("\n## The parse in one thread, extraction and mapping in another\n")
    print(f"{len(to_parse)} articles parsed, {len(parsed)} others extracted\n")
    print("| run | parse alone s | extract alone s | one after the other s | together s | together ÷ one after the other | "
          "cores used together (CPU s ÷ s) |")
    print("|---|---|---|---|---|---|---|")
    parse()  # warm-up
    for run in range(1, repeats + 1):
        alone: dict[str, float] = {}
        _timed(parse, alone, "parse")
        _timed(extract, alone, "extract")
        together = _together(parse, extract)
        serial = alone["parse"] + alone["extract"]
        print(f"| {run} | {alone['parse']:.2f} | {alone['extract']:.2f} | {serial:.2f} | {together['both']:.2f} | "
              f"{together['both'] / serial:.2f} | {together['cores']:.2f} |")


def writes_beside_python(articles, nlp, resources, scratch: Path, repeats: int) -> None:
    quads = [extraction_to_nquads(extract_article(doc, article, resources=resources))
             for doc, article in nlp.pipe(((a.text, a) for a in articles), as_tuples=True, batch_size=DEFAULT_BATCH_SIZE)]
    batches = [(b"".join(q.data for q in quads[i:i + DEFAULT_WRITE_BATCH]), [q.graph for q in quads[i:i + DEFAULT_WRITE_BATCH]])
               for i in range(0, len(quads), DEFAULT_WRITE_BATCH)]

    def write(path: Path) -> float:
        """Write every batch; the CPU seconds of the calling thread."""
        store = open_store(path)
        cpu = time.thread_time()
        for data, graphs in batches:
            write_nquads(store, data, replace=graphs)
        store.flush()
        cpu = time.thread_time() - cpu
        del store
        shutil.rmtree(path)
        return cpu

    def count(stop: threading.Event, counted: list[int]) -> None:
        n = 0
        while not stop.is_set():
            for _ in range(10_000):
                n += 1
        counted.append(n)

    def counter_rate(during) -> tuple[float, float]:
        stop, counted = threading.Event(), []
        thread = threading.Thread(target=count, args=(stop, counted))
        start = time.perf_counter()
        thread.start()
        result = during()
        stop.set()
        thread.join()
        return counted[0] / (time.perf_counter() - start), result

    print("\n## Store writes (write_nquads, on disk) in one thread, pure Python in another\n")
    print(f"{sum(len(d) for d, _ in batches) / 1e6:.1f} MB of N-Quads in {len(batches)} batches of {DEFAULT_WRITE_BATCH} articles\n")
    print("| run | writes alone s | writes beside the counter s | writing thread CPU s | counter speed beside the writes ÷ alone | "
          "cores used together (CPU s ÷ s) |")
    print("|---|---|---|---|---|---|")
    for run in range(1, repeats + 1):
        start = time.perf_counter()
        write(scratch / "alone")
        alone = time.perf_counter() - start
        rate_alone, _ = counter_rate(lambda: time.sleep(2))
        start, process_cpu = time.perf_counter(), time.process_time()
        rate_beside, cpu = counter_rate(lambda: write(scratch / "beside"))
        beside = time.perf_counter() - start
        cores = (time.process_time() - process_cpu) / beside
        print(f"| {run} | {alone:.2f} | {beside:.2f} | {cpu:.2f} | {rate_beside / rate_alone:.2f} | {cores:.2f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=30_000, help="words in the corpus made (default 30,000)")
    parser.add_argument("--repeats", type=int, default=2)
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="kgbuild-gil-"))
    try:
        corpus = scratch / "corpus.jsonl"
        write_corpus(corpus, args.words, seed=11)
        articles = list(read_articles([corpus]))
        nlp, resources = load_pipeline(), load_resources()
        print(f"# Threads beside the parse and the writes\n\n{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f} at start; "
              f"{len(articles)} articles")
        parse_beside_extraction(articles, nlp, resources, args.repeats)
        writes_beside_python(articles, nlp, resources, scratch, args.repeats)
        print(f"\nload average {os.getloadavg()[0]:.2f} at the end")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()

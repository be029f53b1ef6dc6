"""kgbuild's scale benchmark: build speed against raw spaCy, memory, store load rate, query latency.

    python bench/run.py            # the full run: 100k words, 1M words, >= 1M triples (about 13 min on 2 cores)
    python bench/run.py --quick    # the same measurements at a fifth of the size (about 2 min)

Everything is measured in one run on a corpus this script makes
(bench/corpus.py recombines the sentences of bench/templates.txt), in a
scratch folder that is deleted at the end (``--keep`` keeps it):

1. raw ``nlp.pipe`` words/s (bench/raw_pipe.py: same model, same batch size;
   once with the model as shipped and once with the pipeline kgbuild loads,
   whose attribute ruler and lemmatizer are kgbuild's faster equivalents)
   and ``kgbuild build`` words/s, each timed as a whole process from start
   to exit, for 1 process and for 2 (``n_process=2`` / ``--workers 2``), in
   ``--rounds`` rounds (3; the median run of each kind is reported, with each
   round's ratios: wall times on this 2-core machine move by up to 10% from
   one minute to the next), and the start-up cost of each (a process given
   one short article);
2. the peak RSS of ``kgbuild build`` (1 process) on the corpus and on one ten
   times larger;
3. the rate of writing the built facts into the embedded store the way a
   build does (one ``write_nquads`` batch per 64 articles) beside
   pyoxigraph's own ``bulk_load`` of the same N-Quads into an empty store;
4. p50/p95 latency of every named query on the ten-times store (at least
   one million triples; the quick run replicates its graphs under new IRIs
   up to a fifth of that): a lookup of one named thing and a broad word for
   each query that takes text, and facts by article, by subject and as a
   full dump (QUERY_CASES), first as the build left the store, then (the
   table's figures) after ``kgbuild compact``;
5. p50/p95 latency of every named query as users meet it, on the same
   compacted store: ``--questions`` questions per query (40; 15 with
   ``--quick``), each with a parameter value drawn from the store
   (bench/questions.py: a person who holds a position, a speaker, the
   object of a stance, an attended event, an article or a fact's subject;
   events as is), each run once untimed and once timed, with the rows
   each returned and the three slowest questions;
6. where a 1-process build spends its CPU time after start-up, stage by
   stage, doing what ``build_chunk`` and ``build`` do (resume lookup, parse,
   extract, N-Quads, sampled validation, batch writes to a store on disk).

Targets (printed, never asserted): build/raw >= 0.90 for 1 and for 2
processes, RSS 10x/1x <= 1.2, load/bulk_load >= 0.90, query p50 <= 50 ms.
Timings are wall-clock and suffer from anything else running on the machine;
CPU seconds are printed beside them.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph
import spacy

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import write_corpus  # noqa: E402
from questions import SOURCES, Question, candidates, draw_questions  # noqa: E402

import kgbuild  # noqa: E402
from kgbuild.articles import read_articles  # noqa: E402
from kgbuild.extract import extract_article, load_resources  # noqa: E402
from kgbuild.mapping import ArticleNQuads, extraction_to_graph, extraction_to_nquads  # noqa: E402
from kgbuild.nlp import DEFAULT_BATCH_SIZE, load_pipeline  # noqa: E402
from kgbuild.pipeline import DEFAULT_WRITE_BATCH, SAMPLE_EVERY, SAMPLE_HEAD  # noqa: E402
from kgbuild.sparql import list_queries, run_query  # noqa: E402
from kgbuild.store import compact, open_store, stored_builds, write_nquads  # noqa: E402
from kgbuild.validation import load_ontology, load_shapes, validate_graph  # noqa: E402
from kgbuild.workers import frozen_objects  # noqa: E402

#: The named-query runs timed: (query, kind, parameters), with values the benchmark corpus holds.
#: "lookup": one named thing, as a user asks; "broad": a word many names share (the previous
#: benchmark's parameters: Lisbon is every event of the year in Lisbon, Lehto 30 people);
#: facts as a full dump is every row of the store.
QUERY_CASES: tuple[tuple[str, str, dict[str, str]], ...] = (
    ("events", "all", {}),
    ("facts", "lookup", {"article": "bench-8-0000146"}),
    ("facts", "lookup", {"subject": "Aino Varga"}),
    ("facts", "lookup", {"subject": "Aino Varga", "relation": "said"}),
    ("facts", "full dump", {}),
    ("person_roles", "lookup", {"person": "Aino Varga"}),
    ("person_roles", "broad", {"person": "Lehto"}),
    ("stances", "lookup", {"about": "joint plan with Brazil"}),
    ("stances", "broad", {"about": "Brazil"}),
    ("statements", "lookup", {"speaker": "Aino Varga"}),
    ("statements", "broad", {"speaker": "Varga"}),
    ("summit_attendees", "lookup", {"event": "Ocean Partnership Summit"}),
    ("summit_attendees", "broad", {"event": "Lisbon"}),
    ("summit_attendees", "part of a word", {"event": "Lisb"}),
)
#: The seed of the questions drawn from the store (bench/questions.py): the same store gives the same questions.
QUESTION_SEED = 8
ID = "https://w3id.org/kgbuild/id/"
GRAPH = "https://w3id.org/kgbuild/graph/"


@dataclass(frozen=True)
class Run:
    """One timed process."""

    seconds: float
    cpu: float
    peak_rss_mb: float
    output: str


def run_process(command: list[str], *, cwd: Path) -> Run:
    """Run ``command`` to its end; its wall time, CPU time (with waited-for children) and peak RSS."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    output = process.stdout.read().decode("utf-8", "replace") if process.stdout else ""
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"failed ({process.returncode}): {' '.join(command)}\n{output}")
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, output.strip())


def corpus_words(path: Path) -> int:
    with path.open(encoding="utf-8") as lines:
        return sum(len(json.loads(line)["text"].split()) for line in lines if line.strip())


def speed(corpus: Path, words: int, scratch: Path, *, rounds: int) -> dict[str, Run]:
    """Raw and build runs, ``rounds`` times in turn (so that a slow minute on the machine hits every kind alike).

    Returns the median run of each kind (by wall time).
    """
    runs: dict[str, list[Run]] = defaultdict(list)
    python = sys.executable
    # kgbuild's modules are byte-compiled first, as installing a package does: where the
    # environment sets PYTHONDONTWRITEBYTECODE (this machine's does), a source checkout
    # would otherwise be compiled anew by every process, about 0.1 s of each build's start.
    compileall.compile_dir(str(Path(kgbuild.__file__).parent), quiet=1)
    # First the fixed cost of each process (imports, model, resources, store) on one short
    # article; this also warms the file cache for the timed runs, so that none starts cold.
    tiny = scratch / "one-article.jsonl"
    tiny.write_text(json.dumps({"id": "start-up", "text": "The leaders met in Lisbon on Monday."}) + "\n", encoding="utf-8")
    runs["raw-start"].append(run_process([python, str(HERE / "raw_pipe.py"), str(tiny)], cwd=scratch))
    runs["build-start"].append(run_process(
        [python, "-m", "kgbuild", "build", str(tiny), "--store", str(scratch / "start-store"), "--progress", "off"], cwd=scratch
    ))
    shutil.rmtree(scratch / "start-store")
    for _ in range(rounds):
        for processes in (1, 2):
            raw = [python, str(HERE / "raw_pipe.py"), str(corpus), "--processes", str(processes)]
            runs[f"stock{processes}"].append(run_process([*raw, "--stock"], cwd=scratch))
            runs[f"raw{processes}"].append(run_process(raw, cwd=scratch))
            store = scratch / f"speed-store-{processes}"
            runs[f"build{processes}"].append(run_process(
                [python, "-m", "kgbuild", "build", str(corpus), "--store", str(store), "--workers", str(processes), "--progress", "off"],
                cwd=scratch,
            ))
            shutil.rmtree(store)
    medians = {kind: sorted(each, key=lambda run: run.seconds)[len(each) // 2] for kind, each in runs.items()}
    print("\n## Build speed against raw nlp.pipe (whole processes timed)\n")
    print(f"corpus: {words:,} words; batch_size={DEFAULT_BATCH_SIZE}; build: defaults (validation sample: first {SAMPLE_HEAD}, "
          f"then 1 in {SAMPLE_EVERY}; {DEFAULT_WRITE_BATCH} articles a batch); {rounds} round(s), each kind of run once a "
          "round, in turn; the table gives the median run of each kind, and the ratios of each round\n")
    print("Two baselines, both spaCy's nlp.pipe alone: the model as shipped (`load_pipeline(stock=True)`), and the pipeline "
          "kgbuild loads (`load_pipeline()`: the same model with kgbuild's attribute ruler and lemmatizer in place of the "
          "stock ones, same output). build / shipped is the issue's figure; build / kgbuild's pipeline is what kgbuild's own "
          "stages (extraction, mapping, validation, writes) cost on top of its parse.\n")
    print("| processes | nlp.pipe, model as shipped, words/s | nlp.pipe, kgbuild's pipeline, words/s | build words/s | "
          "build / shipped (target >= 0.90) | the same, each round | build / kgbuild's pipeline | "
          "CPU s: shipped, kgbuild's pipeline, build | CPU: shipped / build, each round |")
    print("|---|---|---|---|---|---|---|---|---|")
    for processes in (1, 2):
        stock, raw, built = (medians[f"{kind}{processes}"] for kind in ("stock", "raw", "build"))
        pairs = list(zip(runs[f"stock{processes}"], runs[f"build{processes}"]))
        each = ", ".join(f"{s.seconds / b.seconds:.2f}" for s, b in pairs)
        each_cpu = ", ".join(f"{s.cpu / b.cpu:.2f}" for s, b in pairs)
        print(f"| {processes} | {words / stock.seconds:,.0f} | {words / raw.seconds:,.0f} | {words / built.seconds:,.0f} | "
              f"{stock.seconds / built.seconds:.2f} | {each} | {raw.seconds / built.seconds:.2f} | "
              f"{stock.cpu:.1f}, {raw.cpu:.1f}, {built.cpu:.1f} | {each_cpu} |")
    start_raw, start_build = medians["raw-start"], medians["build-start"]
    print(f"\nstart-up (a process given one short article): raw {start_raw.seconds:.1f} s, {start_raw.cpu:.1f} CPU s; "
          f"build {start_build.seconds:.1f} s, {start_build.cpu:.1f} CPU s")
    print(f"build output (1 process): {medians['build1'].output.splitlines()[-1]}")
    return medians


def memory(small: Run, small_words: int, large_corpus: Path, large_words: int, scratch: Path) -> Path:
    store = scratch / "large-store"
    large = run_process(
        [sys.executable, "-m", "kgbuild", "build", str(large_corpus), "--store", str(store), "--progress", "off"], cwd=scratch
    )
    print("\n## Peak memory of build (1 process)\n")
    print("| corpus | words | peak RSS MB | words/s |")
    print("|---|---|---|---|")
    print(f"| 1x | {small_words:,} | {small.peak_rss_mb:,.0f} | {small_words / small.seconds:,.0f} |")
    print(f"| 10x | {large_words:,} | {large.peak_rss_mb:,.0f} | {large_words / large.seconds:,.0f} |")
    print(f"\nRSS 10x / 1x = {large.peak_rss_mb / small.peak_rss_mb:.2f} (target <= 1.2)")
    print(f"build output (10x): {large.output.splitlines()[-1]}")
    return store


def load_rate(store_path: Path, scratch: Path) -> None:
    """Write the built facts again, batch by batch as a build does, beside one bulk_load of the same N-Quads."""
    nquads = scratch / "built.nq"
    pyoxigraph.Store.read_only(str(store_path)).dump(str(nquads), pyoxigraph.RdfFormat.N_QUADS)
    by_graph: dict[str, list[bytes]] = defaultdict(list)
    with nquads.open("rb") as lines:
        for line in lines:
            by_graph[line.rsplit(b" ", 2)[-2].decode()].append(line)
    names = sorted(by_graph)
    batches = [
        (b"".join(line for name in names[i:i + DEFAULT_WRITE_BATCH] for line in by_graph[name]),
         [name.strip("<>") for name in names[i:i + DEFAULT_WRITE_BATCH]])
        for i in range(0, len(names), DEFAULT_WRITE_BATCH)
    ]
    triples = sum(len(lines) for lines in by_graph.values())
    del by_graph

    def ours(path: Path) -> int:
        store = open_store(path)
        for data, graphs in batches:
            write_nquads(store, data, replace=graphs)
        store.flush()
        return len(store)

    def theirs(path: Path) -> int:
        store = pyoxigraph.Store(str(path))
        store.bulk_load(path=str(nquads), format=pyoxigraph.RdfFormat.N_QUADS)
        store.flush()
        return len(store)

    best: dict[str, tuple[float, float]] = {}
    for _ in range(2):  # alternate, keep the best of two: the machine may be busy with other work
        for name, load in (("ours", ours), ("theirs", theirs)):
            path = scratch / f"load-{name}"
            start, cpu = time.perf_counter(), _cpu()
            loaded = load(path)
            seconds, cpu_seconds = time.perf_counter() - start, _cpu() - cpu
            assert loaded == triples, (name, loaded, triples)
            shutil.rmtree(path)
            best[name] = min(best.get(name, (seconds, cpu_seconds)), (seconds, cpu_seconds))
    print("\n## Loading the built facts into the embedded store (on disk)\n")
    print(f"{triples:,} quads in {len(names):,} article graphs; best of two runs each\n")
    print("| path | seconds | triples/s | CPU s |")
    print("|---|---|---|---|")
    for name, label in (("ours", f"kgbuild write_nquads, {len(batches)} batches of {DEFAULT_WRITE_BATCH} articles"),
                        ("theirs", "pyoxigraph bulk_load of one N-Quads file")):
        seconds, cpu_seconds = best[name]
        print(f"| {label} | {seconds:.2f} | {triples / seconds:,.0f} | {cpu_seconds:.2f} |")
    print(f"\nkgbuild / bulk_load = {best['theirs'][0] / best['ours'][0]:.2f} (target >= 0.90); "
          f"in CPU time {best['theirs'][1] / best['ours'][1]:.2f}")
    nquads.unlink()


def _cpu() -> float:
    """CPU seconds of this process, all threads (RocksDB works in threads of its own)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def query_store(built: Path, scratch: Path, minimum: int) -> Path:
    """The built store, or a copy replicated under new article, fact and statement IRIs up to ``minimum`` triples."""
    source = pyoxigraph.Store.read_only(str(built))
    size = len(source)
    if size >= minimum:
        return built
    target = scratch / "query-store"
    nquads = scratch / "replica.nq"
    source.dump(str(nquads), pyoxigraph.RdfFormat.N_QUADS)
    original = nquads.read_text(encoding="utf-8")
    copies = -(-minimum // size)
    store = pyoxigraph.Store(str(target))
    for copy in range(copies):
        text = original if copy == 0 else (
            original.replace(GRAPH, f"{GRAPH}c{copy}-")
            .replace(f"{ID}article/", f"{ID}article/c{copy}-")
            .replace(f"{ID}fact/", f"{ID}fact/c{copy}-")
            .replace(f"{ID}statement/", f"{ID}statement/c{copy}-")
        )
        store.bulk_load(text.encode("utf-8"), format=pyoxigraph.RdfFormat.N_QUADS)
    store.flush()
    del store
    nquads.unlink()
    return target


def queries(path: Path, *, runs: int, budget: float) -> None:
    """p50/p95 of each of QUERY_CASES (and of every named query QUERY_CASES leaves out, without parameters).

    Each is timed on the store as the build left it (not the full dump: it takes seconds), then the store is
    compacted (``kgbuild compact``) and each is timed again: the table's p50 and p95 are the compacted store's.
    """
    timed = {name for name, _, _ in QUERY_CASES}
    cases = QUERY_CASES + tuple((query.name, "all", {}) for query in list_queries() if query.name not in timed)
    store = pyoxigraph.Store.read_only(str(path))
    as_built = {(name, kind): statistics.median(_query_times(store, name, params, runs=5, budget=budget)[1])
                for name, kind, params in cases if kind != "full dump"}
    del store
    done = compact(path)
    store = pyoxigraph.Store.read_only(str(path))
    print("\n## Named queries\n")
    print(f"store: {len(store):,} triples in {sum(1 for _ in store.named_graphs()):,} article graphs, compacted "
          f"(`kgbuild compact`: {done.seconds:.1f} s) after a first timing as the build left it (5 runs; not the full "
          f"dump); {runs} timed runs after one warm-up (fewer when a query takes more than {budget:.0f} s in all); "
          "time from kgbuild.sparql.run_query's call to its rows as Python strings\n")
    print("| query | kind | parameters | rows | p50 ms as built | p50 ms | p95 ms | µs per row | target p50 <= 50 ms |")
    print("|---|---|---|---|---|---|---|---|---|")
    for name, kind, params in cases:
        result, times = _query_times(store, name, params, runs=runs, budget=budget)
        p50 = statistics.median(times)
        p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
        shown = ", ".join(f"{k}={v}" for k, v in params.items()) or "-"
        per_row = f"{p50 * 1000 / len(result.rows):,.0f}" if result.rows else "-"
        before = f"{as_built[name, kind]:,.1f}" if (name, kind) in as_built else "-"
        print(f"| {name} | {kind} | {shown} | {len(result.rows):,} | {before} | {p50:,.1f} | {p95:,.1f} | {per_row} | "
              f"{'met' if p50 <= 50 else 'missed'} |")


def _query_times(store: pyoxigraph.Store, name: str, params: dict[str, str], *, runs: int, budget: float):
    """The result of one warm-up run, and the sorted milliseconds of up to ``runs`` timed runs within ``budget`` s."""
    result = run_query(name, store=store, params=params)
    times = []
    started = time.perf_counter()
    for _ in range(runs):
        start = time.perf_counter()
        run_query(name, store=store, params=params)
        times.append((time.perf_counter() - start) * 1000)
        if time.perf_counter() - started > budget:
            break
    return result, sorted(times)


def question_latency(path: Path, *, per_query: int, seed: int) -> None:
    """p50/p95 of each named query over ``per_query`` questions whose parameters are drawn from the store.

    The questions come from bench/questions.py (draw_questions); each is run
    once untimed and once timed, as _query_times does, like a user asking a
    question again (the first run of a question warms the store's caches for
    it, as QUERY_CASES' warm-up run does).
    """
    store = pyoxigraph.Store.read_only(str(path))
    pools = {source: candidates(store, source) for source in SOURCES if source.parameter is not None}
    drawn = draw_questions(store, per_query=per_query, seed=seed, pools=pools)
    timed: dict[str, list[tuple[float, int, Question]]] = defaultdict(list)
    for question in drawn:
        result, times = _query_times(store, question.query, question.params, runs=1, budget=0)
        timed[question.query].append((times[0], len(result.rows), question))
    print("\n## Named queries over drawn questions\n")
    print(f"store: the same (compacted) store; for each named query {per_query} questions (fewer when the store "
          f"holds fewer values), each with one parameter value drawn from the store (bench/questions.py: the sorted "
          f"distinct values a SPARQL query of bench/question_sources/ lists, sampled with random.Random, seed {seed}; "
          "labels are used whole, as a user types a name; labels the queries would not look up by their words are "
          "left out); facts takes half its questions by article id and half by a subject's label; events has no "
          "parameter and is asked as is. Each question is run once untimed, then once timed (a user asking again); "
          "time from kgbuild.sparql.run_query's call to its rows as Python strings\n")
    print("| query | questions | parameter drawn (candidates) | rows p50 | rows max | p50 ms | p95 ms | max ms | "
          "target p50 <= 50 ms |")
    print("|---|---|---|---|---|---|---|---|---|")
    for query, runs in timed.items():
        times = sorted(milliseconds for milliseconds, _, _ in runs)
        rows = sorted(count for _, count, _ in runs)
        drawn_from = "; ".join(
            f"{s.parameter}= {s.described} ({len(pools[s]):,})" if s.parameter else s.described
            for s in SOURCES if s.query == query
        )
        p50 = statistics.median(times)
        print(f"| {query} | {len(runs)} | {drawn_from} | {statistics.median(rows):,.0f} | {rows[-1]:,} | {p50:,.1f} | "
              f"{_percentile(times, 0.95):,.1f} | {times[-1]:,.1f} | {'met' if p50 <= 50 else 'missed'} |")
    slowest = sorted((run for runs in timed.values() for run in runs), key=lambda run: run[0], reverse=True)[:3]
    print("\nslowest questions: " + "; ".join(f"{question} ({rows:,} rows, {ms:,.0f} ms)" for ms, rows, question in slowest))


def _percentile(ordered: list[float], share: float) -> float:
    """The value at ``share`` of the sorted ``ordered`` values (nearest rank, as queries() takes its p95)."""
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


#: A build runs its writes in a thread of their own, beside the parse; here they are timed one by one.
WRITE_STAGE = "write (write_nquads per batch, on disk; in a build, in a thread beside the parse)"


def stages(corpus: Path, scratch: Path, *, limit: int) -> None:
    """CPU seconds per stage of an in-process build of the first ``limit`` articles (the work a build does)."""
    nlp, resources = load_pipeline(), load_resources()
    shapes, ontology = load_shapes(), load_ontology()
    articles = list(read_articles([corpus]))[:limit]
    clock = time.process_time
    spent: dict[str, float] = defaultdict(float)
    path = scratch / "stages-store"
    store = open_store(path)
    unwritten: list[ArticleNQuads] = []

    def write() -> None:
        start = clock()
        write_nquads(store, b"".join(q.data for q in unwritten), replace=[q.graph for q in unwritten])
        spent[WRITE_STAGE] += clock() - start
        unwritten.clear()

    with frozen_objects():  # as a build does: see kgbuild.workers.frozen_objects
        docs = iter(nlp.pipe(((a.text, a) for a in articles), as_tuples=True, batch_size=DEFAULT_BATCH_SIZE))
        position = 0
        while True:
            start = clock()
            pair = next(docs, None)
            spent["parse (nlp.pipe)"] += clock() - start
            if pair is None:
                break
            doc, article = pair
            start = clock()
            stored_builds(store, [article.id])
            middle = clock()
            extraction = extract_article(doc, article, resources=resources)
            after = clock()
            unwritten.append(extraction_to_nquads(extraction))
            done = clock()
            spent["resume lookup (stored_builds)"] += middle - start
            spent["extract (kgbuild.extract)"] += after - middle
            spent["map to N-Quads (kgbuild.mapping)"] += done - after
            if position < SAMPLE_HEAD or position % SAMPLE_EVERY == 0:
                start = clock()
                validate_graph(extraction_to_graph(extraction), shapes=shapes, ontology=ontology)
                spent["validate (sample; rdflib graph + pySHACL)"] += clock() - start
            position += 1
            if len(unwritten) == DEFAULT_WRITE_BATCH:
                write()
        if unwritten:
            write()
        start = clock()
        store.flush()
        spent[WRITE_STAGE] += clock() - start
    del store
    shutil.rmtree(path)
    total = sum(spent.values())
    print(f"\n## Where a 1-process build spends its CPU time ({len(articles)} articles, in process)\n")
    print("| stage | CPU s | share | per parse second |")
    print("|---|---|---|---|")
    parse = spent["parse (nlp.pipe)"]
    for stage, seconds in spent.items():
        print(f"| {stage} | {seconds:.2f} | {seconds / total:.0%} | {seconds / parse:.2f} |")
    print(f"\nparse / all = {parse / total:.2f}: the most a 1-process build can reach against raw nlp.pipe, before start-up")


def main() -> None:
    parser = argparse.ArgumentParser(description="kgbuild's scale benchmark (see the module docstring)")
    parser.add_argument("--quick", action="store_true", help="a fifth of the size: a sanity run, not the targets' scale")
    parser.add_argument("--keep", action="store_true", help="keep the scratch folder")
    parser.add_argument("--rounds", type=int, default=3,
                        help="rounds of the speed runs (each kind once a round; medians reported; default 3)")
    parser.add_argument("--words", type=int, help="words in the 1x corpus (default: 100,000; 20,000 with --quick)")
    parser.add_argument("--questions", type=int, metavar="N",
                        help="questions drawn from the store per named query (default: 40; 15 with --quick)")
    args = parser.parse_args()
    words_wanted = args.words or (20_000 if args.quick else 100_000)
    minimum_triples = 200_000 if args.quick else 1_000_000
    scratch = Path(tempfile.mkdtemp(prefix="kgbuild-bench-"))
    began = time.perf_counter()
    try:
        small_corpus, large_corpus = scratch / "corpus-1x.jsonl", scratch / "corpus-10x.jsonl"
        write_corpus(small_corpus, words_wanted, seed=7)
        write_corpus(large_corpus, 10 * words_wanted, seed=8)
        small_words = corpus_words(small_corpus)
        large_words = corpus_words(large_corpus)
        print(f"# kgbuild benchmark{' (quick)' if args.quick else ''}\n")
        print(f"python {sys.version.split()[0]}, spaCy {spacy.__version__}, pyoxigraph {pyoxigraph.__version__}, "
              f"{os.cpu_count()} CPUs, "
              f"load average {os.getloadavg()[0]:.2f} at start; scratch {scratch}")
        runs = speed(small_corpus, small_words, scratch, rounds=args.rounds)
        large_store = memory(runs["build1"], small_words, large_corpus, large_words, scratch)
        load_rate(large_store, scratch)
        query_path = query_store(large_store, scratch, minimum_triples)
        queries(query_path, runs=5 if args.quick else 9, budget=60)
        question_latency(query_path, per_query=args.questions or (15 if args.quick else 40), seed=QUESTION_SEED)
        stages(small_corpus, scratch, limit=120 if args.quick else 300)
        print(f"\ntotal benchmark time: {time.perf_counter() - began:,.0f} s; load average {os.getloadavg()[0]:.2f} at the end")
    finally:
        if args.keep:
            print(f"kept {scratch}")
        else:
            shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()

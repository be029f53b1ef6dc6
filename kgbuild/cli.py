"""The ``kgbuild`` command: one sub-command per verb, each a thin call into the library."""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import getpass
import sys
import time
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from . import api
from .progress import PROGRESS_STYLES, ProgressDisplay
from .settings import DEFAULT_STORE, DEFAULT_WRITE_BATCH, SAMPLE_EVERY, SAMPLE_HEAD

__all__ = ["main", "run"]

BUILD_EXAMPLE = """example:
  kgbuild build examples/ --store kgbuild-store
  kgbuild build news.jsonl article.txt --store /data/kg
  kgbuild build news/ --workers 2                     # two processes; run again to finish an interrupted build
  kgbuild build news/ --executor dask --scheduler tcp://10.0.0.5:8786"""
QUERY_EXAMPLE = """example:
  kgbuild query summit_attendees --param event=Vilnius --store kgbuild-store
  kgbuild query facts --format csv > facts.csv
  kgbuild query my-question.rq --store kgbuild-store
  kgbuild query events --endpoint http://127.0.0.1:7878/query
  KGBUILD_PASSWORD=... kgbuild query facts --endpoint http://127.0.0.1:8890/sparql-auth --user kg --retries 5

At an endpoint that asks for HTTP Basic or Digest authentication, --user NAME gives the user; the password
comes from $KGBUILD_PASSWORD (or the variable of --password-env), else a netrc entry, else a prompt on the
terminal; never from the command line. Refused or dropped connections, no answer in time and HTTP 500/502/
503/504 are tried again --retries times, waiting longer each time (or as the server's Retry-After asks).

named queries: {names}"""
EXPORT_EXAMPLE = """example:
  kgbuild export --store kgbuild-store --format trig -o graph.trig"""
COMPACT_EXAMPLE = """example:
  kgbuild compact --store kgbuild-store
  kgbuild build news/ --store kgbuild-store --compact     # the same, at the end of a build

After a large build, queries that follow hundreds of facts run 10-30% faster on a compacted store."""
VALIDATE_EXAMPLE = """example:
  kgbuild validate --store kgbuild-store"""
PUSH_EXAMPLE = """example:
  kgbuild push --store kgbuild-store --gsp http://127.0.0.1:7878/store
  KGBUILD_PASSWORD=... kgbuild push --gsp http://127.0.0.1:8890/sparql-graph-crud-auth --user kg
  KG_PASSWORD=... kgbuild push --update http://127.0.0.1:8890/sparql-auth --user kg --password-env KG_PASSWORD
  kgbuild push --update http://127.0.0.1:7878/update --article lisbon-summit --since 2024-01-01 --retries 5

Each article's named graph is replaced as a whole, so pushing twice equals pushing once.
With --user, the password comes from --password-env's variable, else $KGBUILD_PASSWORD, else the netrc file
($NETRC or ~/.netrc), else a prompt on the terminal; never from the command line. Without --user, a netrc
entry for the host, if any, is used. Refused or dropped connections, no answer in time and HTTP 502/503/504
(and 500 to a Graph Store PUT) are tried again --retries times, waiting longer each time (or as Retry-After asks)."""
SERVE_EXAMPLE = """example:
  kgbuild serve --store kgbuild-store              # then open http://127.0.0.1:7878/
  kgbuild query events --endpoint http://127.0.0.1:7878/query"""
EVALUATE_EXAMPLE = """example:
  kgbuild evaluate ../shared/eval/dev/seed.jsonl
  kgbuild evaluate gold.jsonl --predictions facts.csv   # score the facts query's CSV"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kgbuild",
        description="Turn diplomacy news into an RDF knowledge graph and ask it questions.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    raw = argparse.RawDescriptionHelpFormatter

    build = commands.add_parser("build", help="build articles into the store", epilog=BUILD_EXAMPLE, formatter_class=raw,
                                description="Extract facts from articles (.txt, .jsonl, folders) into the store; "
                                "building an article again replaces its graph.")
    build.add_argument("paths", nargs="+", metavar="ARTICLES", help=".txt files, .jsonl files or folders")
    build.add_argument("--store", default=str(DEFAULT_STORE), help="store folder (default: %(default)s)")
    build.add_argument("--model", help="spaCy model name (default: en_core_web_sm, else its PyPI mirror)")
    checks = build.add_mutually_exclusive_group()
    checks.add_argument("--validate", dest="validate", action="store_const", const="all", default="sample",
                        help="check every article graph against the SHACL shapes (slower than parsing); by "
                        f"default the first {SAMPLE_HEAD} articles built and then one in {SAMPLE_EVERY} are checked")
    checks.add_argument("--no-validate", dest="validate", action="store_const", const="none",
                        help="skip the SHACL check of the built graphs")
    build.add_argument("--strict", action="store_true", help="exit 1 when any input was skipped or had a warning")
    build.add_argument("--workers", type=int, metavar="N",
                       help="parse in N processes (default: 1), or start N Dask workers for --executor dask without "
                       "--scheduler (default: Dask's choice for this machine)")
    build.add_argument("--executor", choices=("local", "dask"), default="local",
                       help="where the work runs: this machine's processes, or a Dask cluster (default: %(default)s)")
    build.add_argument("--scheduler", metavar="tcp://HOST:PORT", help="the Dask scheduler to use (default: a local cluster)")
    build.add_argument("--batch-size", type=int, default=DEFAULT_WRITE_BATCH, metavar="N",
                       help="articles written to the store at once, one transaction each; Ctrl-C finishes the batch being "
                       "written, a kill loses at most that batch and the one being built (default: %(default)s)")
    build.add_argument("--force", action="store_true", help="rebuild every article, even those the store holds unchanged")
    build.add_argument("--compact", action="store_true",
                       help="compact the store's files when the build ends (see kgbuild compact; about 2%% of a build's time)")
    build.add_argument("--progress", choices=PROGRESS_STYLES, default="auto",
                       help="a bar (on a terminal, the default), a log line every 10 s (elsewhere), or off")

    query = commands.add_parser("query", help="run a named query or a .rq file", epilog=QUERY_EXAMPLE.format(names=", ".join(api.query_names())),
                                formatter_class=raw, description="Run a named query (see below) or any SPARQL file "
                                "against the store or a remote SPARQL endpoint.")
    query.add_argument("name", metavar="NAME", help="a named query or a path to a .rq file")
    query.add_argument("--param", action="append", default=[], metavar="KEY=VALUE", help="a query parameter (repeatable)")
    where = query.add_mutually_exclusive_group()
    where.add_argument("--store", default=str(DEFAULT_STORE), help="store folder (default: %(default)s)")
    where.add_argument("--endpoint", metavar="URL", help="a remote SPARQL endpoint instead of the store")
    query.add_argument("--format", choices=("table", "csv", "json"), default="table")
    query.add_argument("--user", metavar="NAME", help="user for HTTP Basic or Digest authentication at the endpoint")
    query.add_argument("--password-env", metavar="VAR",
                       help="environment variable holding the password (default: KGBUILD_PASSWORD)")
    query.add_argument("--timeout", type=float, default=60, metavar="SECONDS",
                       help="per request to the endpoint (default: %(default)s)")
    query.add_argument("--retries", type=int, default=3, metavar="N",
                       help="retries of a request to the endpoint that met a passing failure (default: %(default)s)")

    export = commands.add_parser("export", help="write the store as RDF", epilog=EXPORT_EXAMPLE, formatter_class=raw,
                                 description="Write the whole store; trig and nquads keep one named graph per article.")
    export.add_argument("--store", default=str(DEFAULT_STORE), help="store folder (default: %(default)s)")
    export.add_argument("--format", choices=api.EXPORT_FORMATS, default="trig")
    export.add_argument("-o", "--output", metavar="FILE", help="output file (default: standard output)")

    compact = commands.add_parser("compact", help="compact the store's files so that queries read fewer",
                                  epilog=COMPACT_EXAMPLE, formatter_class=raw,
                                  description="Rewrite the store's indexes as sorted runs of files (RocksDB's full "
                                  "compaction); the quads stay the same.")
    compact.add_argument("--store", default=str(DEFAULT_STORE), help="store folder (default: %(default)s)")

    validate = commands.add_parser("validate", help="check the store against the SHACL shapes", epilog=VALIDATE_EXAMPLE,
                                   formatter_class=raw, description="Validate the store's graphs with ontology/shapes.ttl.")
    validate.add_argument("--store", default=str(DEFAULT_STORE), help="store folder (default: %(default)s)")

    push = commands.add_parser("push", help="replace the article graphs on a remote triple store", epilog=PUSH_EXAMPLE,
                               formatter_class=raw, description="Send the store's article graphs to a triple store "
                               "over the SPARQL 1.1 Graph Store HTTP Protocol or SPARQL 1.1 Update.")
    push.add_argument("--store", default=str(DEFAULT_STORE), help="store folder (default: %(default)s)")
    target = push.add_mutually_exclusive_group(required=True)
    target.add_argument("--gsp", metavar="URL", help="a Graph Store Protocol endpoint (one PUT per graph)")
    target.add_argument("--update", metavar="URL", help="a SPARQL Update endpoint, for stores without GSP")
    push.add_argument("--user", metavar="NAME", help="user for HTTP Basic or Digest authentication")
    push.add_argument("--password-env", metavar="VAR",
                      help="environment variable holding the password (default: KGBUILD_PASSWORD)")
    push.add_argument("--article", action="append", default=[], metavar="ID", help="push only this article (repeatable)")
    push.add_argument("--since", metavar="DATE", type=_date, help="push only articles published on or after DATE (YYYY-MM-DD)")
    push.add_argument("--batch-triples", type=int, default=20_000, metavar="N",
                      help="triples per Update request (default: %(default)s; GSP sends one graph a request)")
    push.add_argument("--timeout", type=float, default=120, metavar="SECONDS", help="per request (default: %(default)s)")
    push.add_argument("--retries", type=int, default=3, metavar="N",
                      help="retries of a request that met a passing failure (default: %(default)s)")

    serve = commands.add_parser("serve", help="a SPARQL endpoint and query page over the store", epilog=SERVE_EXAMPLE,
                                formatter_class=raw, description="Serve the store with the Oxigraph server: SPARQL at "
                                "/query (default graph = union of the article graphs), a query page at /. Read-only "
                                "unless --allow-update. Stop with Ctrl-C.")
    serve.add_argument("--store", default=str(DEFAULT_STORE), help="store folder (default: %(default)s)")
    serve.add_argument("--bind", default=api.DEFAULT_BIND, metavar="HOST:PORT", help="address (default: %(default)s)")
    serve.add_argument("--allow-update", action="store_true",
                       help="also accept SPARQL Update and Graph Store writes (locks the store while serving)")

    evaluate = commands.add_parser("evaluate", help="score extraction against a gold file", epilog=EVALUATE_EXAMPLE,
                                   formatter_class=raw, description="Precision, recall and F1 per relation, with the "
                                   "rules of the evaluation README.")
    evaluate.add_argument("gold", metavar="GOLD.jsonl")
    evaluate.add_argument("--predictions", metavar="FACTS.csv", help="score the CSV of the facts query instead of extracting")
    evaluate.add_argument("--model", help="spaCy model name")
    return parser


def run() -> NoReturn:
    """The ``kgbuild`` command: :func:`main`, then exit without the collector's last pass.

    By the time :func:`main` returns, every store is closed and every output flushed. At exit
    Python would still walk the loaded model object by object (0.6 s after a build);
    frozen objects are left to the operating system instead. Tests call :func:`main`, which
    leaves the collector alone.
    """
    code = main()
    gc.freeze()
    sys.exit(code)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return _COMMANDS[args.command](args)
    except api.UserError as exc:
        print(f"kgbuild: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("kgbuild: interrupted", file=sys.stderr)
        return 130


def _build(args: argparse.Namespace) -> int:
    display = ProgressDisplay(sys.stderr, style=args.progress, paths=args.paths)

    def show(problem) -> None:
        display.close()  # a problem gets a line of its own, not the end of the progress bar's
        print(f"kgbuild: {'skipped' if problem.skipped else 'warning:'} {problem}", file=sys.stderr)

    try:
        report = api.build(args.paths, store=args.store, model=args.model, validate=args.validate, on_problem=show,
                           on_progress=display, workers=args.workers, executor=args.executor, scheduler=args.scheduler,
                           batch_size=args.batch_size, force=args.force)
    finally:
        display.close()
    skipped = sum(1 for problem in report.problems if problem.skipped)
    warned = len(report.problems) - skipped
    print(
        f"built {report.articles} article(s): {report.facts} facts, {report.triples} triples into {args.store}"
        + (f"; {report.unchanged} unchanged article(s) kept" if report.unchanged else "")
        + (f"; skipped {skipped} input(s)" if skipped else "")
        + (f"; {warned} warning(s)" if warned else "")
    )
    for violation in report.violations[:20]:
        print(f"kgbuild: SHACL: {violation}", file=sys.stderr)
    if report.violations:
        print(f"kgbuild: {len(report.violations)} SHACL violation(s)", file=sys.stderr)
    if report.articles == 0 and report.unchanged == 0:
        why = (f"all {skipped} input(s) were skipped (reasons above)" if skipped
               else f"no .txt or .jsonl article found in {' '.join(args.paths)}")
        print(f"kgbuild: error: no article could be built: {why}", file=sys.stderr)
        return 1
    if args.compact:
        _report_compaction(args.store, api.compact(store=args.store))
    if args.strict and report.problems:
        print(f"kgbuild: error: --strict: {skipped} input(s) skipped, {warned} warning(s)", file=sys.stderr)
        return 1
    return 0


def _query(args: argparse.Namespace) -> int:
    params = {}
    for item in args.param:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise api.UsageError(f"--param {item!r}: expected KEY=VALUE")
        params[key] = value
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", api.ResultsTruncatedWarning)
        result = api.query(args.name, store=None if args.endpoint else args.store, endpoint=args.endpoint, params=params,
                           user=args.user, password_env=args.password_env, password_prompt=_password_prompt(),
                           timeout=args.timeout, retries=args.retries)
    for warning in caught:
        if issubclass(warning.category, api.ResultsTruncatedWarning):
            print(f"kgbuild: warning: {warning.message}", file=sys.stderr)
        else:  # not ours: shown as it would have been
            warnings.showwarning(warning.message, warning.category, warning.filename, warning.lineno)
    text = api.format_result(result, args.format)
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return 0


def _export(args: argparse.Namespace) -> int:
    if args.output:
        api.export(store=args.store, fmt=args.format, out=Path(args.output))
    else:
        api.export(store=args.store, fmt=args.format, out=sys.stdout.buffer)
    return 0


def _compact(args: argparse.Namespace) -> int:
    _report_compaction(args.store, api.compact(store=args.store))
    return 0


def _report_compaction(store: str, done: api.Compaction) -> None:
    print(f"compacted {store} in {done.seconds:.1f} s ({done.size_bytes / 1e6:,.1f} MB)")


def _validate(args: argparse.Namespace) -> int:
    report = api.validate(store=args.store)
    if report.conforms:
        print("conforms: the store passes ontology/shapes.ttl")
        return 0
    for violation in report.violations:
        print(violation)
    print(f"{len(report.violations)} violation(s)")
    return 1


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date like 2024-05-06, not {text!r}") from None


def _push(args: argparse.Namespace) -> int:
    last_shown = time.monotonic()

    def show(progress) -> None:
        nonlocal last_shown
        if time.monotonic() - last_shown >= 2 or progress.graphs_done == progress.graphs_total:
            last_shown = time.monotonic()
            print(f"kgbuild: pushed {progress.graphs_done}/{progress.graphs_total} graphs, "
                  f"{progress.triples_done} triples", file=sys.stderr)

    report = api.push(store=args.store, gsp=args.gsp, update=args.update, user=args.user,
                      password_env=args.password_env, password_prompt=_password_prompt(), articles=args.article,
                      since=args.since,
                      batch_triples=args.batch_triples, timeout=args.timeout, retries=args.retries, on_progress=show)
    print(f"pushed {report.graphs} graph(s), {report.triples} triples to {report.url} in {report.seconds:.1f} s "
          f"({report.triples_per_second:.0f} triples/s, {report.requests} requests)")
    return 0


def _password_prompt():
    """:func:`getpass.getpass` when someone is at a terminal to answer it, else ``None`` (no password: an error)."""
    if not sys.stdin.isatty():
        return None

    def ask(question: str) -> str:
        try:
            return getpass.getpass(question)
        except EOFError:  # Ctrl-D
            raise api.UsageError("no password given") from None

    return ask


def _serve(args: argparse.Namespace) -> int:
    with api.serve(store=args.store, bind=args.bind, allow_update=args.allow_update) as server:
        mode = "read-only" if server.read_only else "read-write"
        print(f"serving {args.store} ({mode}): SPARQL endpoint {server.query_url}, query page {server.page_url}; "
              "Ctrl-C stops", flush=True)
        try:
            code = server.wait()
        except KeyboardInterrupt:
            return 0
    if code != 0:
        print(f"kgbuild: error: the server exited with code {code}", file=sys.stderr)
        return 1
    return 0


def _evaluate(args: argparse.Namespace) -> int:
    scores = api.evaluate(args.gold, predictions=args.predictions, model=args.model)
    print(api.format_scores(scores))
    return 0


_COMMANDS = {"build": _build, "query": _query, "export": _export, "compact": _compact, "validate": _validate, "evaluate": _evaluate,
             "push": _push, "serve": _serve}

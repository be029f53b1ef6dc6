"""The ``kgbuild`` command: one sub-command per verb, each a thin call into the library."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from . import api
from .pipeline import DEFAULT_STORE

__all__ = ["main"]

BUILD_EXAMPLE = """example:
  kgbuild build examples/ --store kgbuild-store
  kgbuild build news.jsonl article.txt --store /data/kg"""
QUERY_EXAMPLE = """example:
  kgbuild query summit_attendees --param event=Vilnius --store kgbuild-store
  kgbuild query facts --format csv > facts.csv
  kgbuild query my-question.rq --store kgbuild-store
  kgbuild query events --endpoint http://127.0.0.1:7878/query

named queries: {names}"""
EXPORT_EXAMPLE = """example:
  kgbuild export --store kgbuild-store --format trig -o graph.trig"""
VALIDATE_EXAMPLE = """example:
  kgbuild validate --store kgbuild-store"""
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
    build.add_argument("--no-validate", action="store_true", help="skip the SHACL check of the built graphs")
    build.add_argument("--strict", action="store_true", help="exit non-zero when any input was skipped")

    query = commands.add_parser("query", help="run a named query or a .rq file", epilog=QUERY_EXAMPLE.format(names=", ".join(api.query_names())),
                                formatter_class=raw, description="Run a named query (see below) or any SPARQL file "
                                "against the store or a remote SPARQL endpoint.")
    query.add_argument("name", metavar="NAME", help="a named query or a path to a .rq file")
    query.add_argument("--param", action="append", default=[], metavar="KEY=VALUE", help="a query parameter (repeatable)")
    where = query.add_mutually_exclusive_group()
    where.add_argument("--store", default=str(DEFAULT_STORE), help="store folder (default: %(default)s)")
    where.add_argument("--endpoint", metavar="URL", help="a remote SPARQL endpoint instead of the store")
    query.add_argument("--format", choices=("table", "csv", "json"), default="table")

    export = commands.add_parser("export", help="write the store as RDF", epilog=EXPORT_EXAMPLE, formatter_class=raw,
                                 description="Write the whole store; trig and nquads keep one named graph per article.")
    export.add_argument("--store", default=str(DEFAULT_STORE), help="store folder (default: %(default)s)")
    export.add_argument("--format", choices=api.EXPORT_FORMATS, default="trig")
    export.add_argument("-o", "--output", metavar="FILE", help="output file (default: standard output)")

    validate = commands.add_parser("validate", help="check the store against the SHACL shapes", epilog=VALIDATE_EXAMPLE,
                                   formatter_class=raw, description="Validate the store's graphs with ontology/shapes.ttl.")
    validate.add_argument("--store", default=str(DEFAULT_STORE), help="store folder (default: %(default)s)")

    evaluate = commands.add_parser("evaluate", help="score extraction against a gold file", epilog=EVALUATE_EXAMPLE,
                                   formatter_class=raw, description="Precision, recall and F1 per relation, with the "
                                   "rules of the evaluation README.")
    evaluate.add_argument("gold", metavar="GOLD.jsonl")
    evaluate.add_argument("--predictions", metavar="FACTS.csv", help="score the CSV of the facts query instead of extracting")
    evaluate.add_argument("--model", help="spaCy model name")
    return parser


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
    def show(problem) -> None:
        print(f"kgbuild: skipped {problem}", file=sys.stderr)

    report = api.build(args.paths, store=args.store, model=args.model, validate=not args.no_validate, on_problem=show)
    print(
        f"built {report.articles} article(s): {report.facts} facts, {report.triples} triples into {args.store}"
        + (f"; skipped {len(report.problems)} input(s)" if report.problems else "")
    )
    for violation in report.violations[:20]:
        print(f"kgbuild: SHACL: {violation}", file=sys.stderr)
    if report.violations:
        print(f"kgbuild: {len(report.violations)} SHACL violation(s)", file=sys.stderr)
    if report.articles == 0:
        print("kgbuild: error: no article could be built", file=sys.stderr)
        return 1
    return 1 if args.strict and report.problems else 0


def _query(args: argparse.Namespace) -> int:
    params = {}
    for item in args.param:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise api.UsageError(f"--param {item!r}: expected KEY=VALUE")
        params[key] = value
    result = api.query(args.name, store=None if args.endpoint else args.store, endpoint=args.endpoint, params=params)
    sys.stdout.write(api.format_result(result, args.format))
    return 0


def _export(args: argparse.Namespace) -> int:
    if args.output:
        api.export(store=args.store, fmt=args.format, out=Path(args.output))
    else:
        api.export(store=args.store, fmt=args.format, out=sys.stdout.buffer)
    return 0


def _validate(args: argparse.Namespace) -> int:
    report = api.validate(store=args.store)
    if report.conforms:
        print("conforms: the store passes ontology/shapes.ttl")
        return 0
    for violation in report.violations:
        print(violation)
    print(f"{len(report.violations)} violation(s)")
    return 1


def _evaluate(args: argparse.Namespace) -> int:
    scores = api.evaluate(args.gold, predictions=args.predictions, model=args.model)
    print(api.format_scores(scores))
    return 0


_COMMANDS = {"build": _build, "query": _query, "export": _export, "validate": _validate, "evaluate": _evaluate}

"""The package imports lazily: one module does not pull in the whole library, and every public name resolves."""

from __future__ import annotations

import ast
import subprocess
import sys

import kgbuild


def test_every_public_name_resolves():
    for name in kgbuild.__all__:
        assert getattr(kgbuild, name) is not None, name
    assert set(kgbuild.__all__) <= set(dir(kgbuild))


def test_an_unknown_name_is_an_attribute_error():
    try:
        kgbuild.no_such_name  # noqa: B018
    except AttributeError as error:
        assert "no_such_name" in str(error)
    else:
        raise AssertionError("kgbuild.no_such_name resolved")


def imported_by(module: str, candidates: tuple[str, ...]) -> list[str]:
    """Which of ``candidates`` importing ``module`` imports, in a fresh interpreter (this test
    session has imported everything already)."""
    code = f"import sys, {module}; print(sorted(m for m in {candidates!r} if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return ast.literal_eval(result.stdout.strip())


def test_loading_the_parser_module_leaves_rdf_and_rules_unimported():
    assert imported_by("kgbuild.nlp", ("rdflib", "pyshacl", "pyoxigraph", "kgbuild.api", "kgbuild.extract")) == []


def test_loading_the_cli_leaves_the_shacl_and_sparql_engines_unimported():
    # What every command imports: pySHACL (and rdflib's SPARQL engine, which it and oxrdflib
    # import) are imported only by a validation, oxrdflib only by kgbuild.store.store_graph.
    assert imported_by("kgbuild.cli", ("pyshacl", "oxrdflib", "rdflib.plugins.sparql")) == []


def test_loading_the_cli_leaves_spacy_and_the_rules_unimported():
    # Commands that never parse (query, export, compact, push, serve, validate) start without
    # spaCy (about 0.8 s): the CLI and the API read their defaults and error classes from
    # kgbuild.settings, and import the pipeline only to build.
    assert imported_by("kgbuild.cli", ("spacy", "thinc", "kgbuild.nlp", "kgbuild.pipeline", "kgbuild.extract")) == []


def test_the_probe_sees_what_a_module_imports():
    # (so that the three tests above cannot pass by a probe that finds nothing)
    assert imported_by("kgbuild.nlp", ("spacy", "kgbuild.attribute_ruler")) == ["kgbuild.attribute_ruler", "spacy"]


def test_the_settings_are_the_ones_the_pipeline_and_parser_use():
    from kgbuild import nlp, pipeline, settings

    assert pipeline.DEFAULT_STORE is settings.DEFAULT_STORE
    assert pipeline.BuildOptionError is settings.BuildOptionError
    assert nlp.ModelNotFound is settings.ModelNotFound

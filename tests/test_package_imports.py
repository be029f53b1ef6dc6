"""The package imports lazily: one module does not pull in the whole library, and every public name resolves."""

from __future__ import annotations

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


def test_loading_the_parser_module_leaves_rdf_and_rules_unimported():
    # A fresh interpreter: this test session has imported everything already.
    code = (
        "import sys, kgbuild.nlp; "
        "print(sorted(m for m in ('rdflib', 'pyshacl', 'pyoxigraph', 'kgbuild.api', 'kgbuild.extract') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_loading_the_cli_leaves_the_shacl_and_sparql_engines_unimported():
    # What every command imports: pySHACL (and rdflib's SPARQL engine, which it and oxrdflib
    # import) are imported only by a validation, oxrdflib only by kgbuild.store.store_graph.
    code = (
        "import sys, kgbuild.cli; "
        "print(sorted(m for m in ('pyshacl', 'oxrdflib', 'rdflib.plugins.sparql') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_loading_the_cli_leaves_spacy_and_the_rules_unimported():
    # Commands that never parse (query, export, compact, push, serve, validate) start without
    # spaCy (about 0.8 s): the CLI and the API read their defaults and error classes from
    # kgbuild.settings, and import the pipeline only to build.
    code = (
        "import sys, kgbuild.cli; "
        "print(sorted(m for m in ('spacy', 'thinc', 'kgbuild.nlp', 'kgbuild.pipeline', 'kgbuild.extract') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_the_settings_are_the_ones_the_pipeline_and_parser_use():
    from kgbuild import nlp, pipeline, settings

    assert pipeline.DEFAULT_STORE is settings.DEFAULT_STORE
    assert pipeline.BuildOptionError is settings.BuildOptionError
    assert nlp.ModelNotFound is settings.ModelNotFound

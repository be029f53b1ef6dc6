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

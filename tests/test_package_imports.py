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

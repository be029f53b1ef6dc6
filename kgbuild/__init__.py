"""kgbuild: diplomacy news in, an RDF knowledge graph out.

>>> import kgbuild
>>> report = kgbuild.build(["examples/"], store="kgbuild-store")  # doctest: +SKIP
>>> kgbuild.query("summit_attendees", params={"event": "Vilnius"}, store="kgbuild-store")  # doctest: +SKIP
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .api import (
        EXPORT_FORMATS,
        UsageError,
        UserError,
        build,
        compact,
        evaluate,
        export,
        format_result,
        format_scores,
        push,
        query,
        query_names,
        serve,
        validate,
    )
    from .facts import Article, Entity, EntityKind, Evidence, Extraction, Fact, Modality
    from .pipeline import BuildReport, extract_articles

#: Where each public name lives. They are imported on first use (PEP 562), so that
#: importing one module of the package (``kgbuild.nlp``, ``kgbuild.facts``) does not
#: import the whole library: rdflib, pySHACL, pyoxigraph and the rules.
_HOMES = {
    **dict.fromkeys(
        ["EXPORT_FORMATS", "UsageError", "UserError", "build", "compact", "evaluate", "export", "format_result",
         "format_scores", "push", "query", "query_names", "serve", "validate"],
        "api",
    ),
    **dict.fromkeys(["Article", "Entity", "EntityKind", "Evidence", "Extraction", "Fact", "Modality"], "facts"),
    **dict.fromkeys(["BuildReport", "extract_articles"], "pipeline"),
}


def __getattr__(name: str):
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f".{home}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


__all__ = [
    "EXPORT_FORMATS",
    "Article",
    "BuildReport",
    "Entity",
    "EntityKind",
    "Evidence",
    "Extraction",
    "Fact",
    "Modality",
    "UsageError",
    "UserError",
    "build",
    "compact",
    "evaluate",
    "export",
    "extract_articles",
    "format_result",
    "format_scores",
    "push",
    "query",
    "query_names",
    "serve",
    "validate",
]

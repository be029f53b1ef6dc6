"""kgbuild: diplomacy news in, an RDF knowledge graph out.

>>> import kgbuild
>>> report = kgbuild.build(["examples/"], store="kgbuild-store")  # doctest: +SKIP
>>> kgbuild.query("summit_attendees", params={"event": "Vilnius"}, store="kgbuild-store")  # doctest: +SKIP
"""

from .api import (
    EXPORT_FORMATS,
    UsageError,
    UserError,
    build,
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

__all__ = [
    "Article",
    "BuildReport",
    "EXPORT_FORMATS",
    "Entity",
    "EntityKind",
    "Evidence",
    "Extraction",
    "Fact",
    "Modality",
    "UsageError",
    "UserError",
    "build",
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

"""The one place shipped data files are found: ontology, queries, gazetteer.

In a wheel, ``ontology/`` and ``queries/`` are force-included under
``kgbuild/_shipped/``; in a checkout they sit at the repository top. Both
read the same files.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

__all__ = ["data_path", "ontology_path", "queries_dir"]

_PACKAGE = resources.files("kgbuild")


def _shipped(folder: str) -> Path:
    installed = Path(str(_PACKAGE / "_shipped" / folder))
    if installed.is_dir():
        return installed
    return Path(str(_PACKAGE)).parent / folder


def ontology_path(name: str = "diplomacy.ttl") -> Path:
    """Path of a file in ``ontology/`` (``diplomacy.ttl`` or ``shapes.ttl``)."""
    return _shipped("ontology") / name


def queries_dir() -> Path:
    """The folder of named queries, one ``.rq`` file each."""
    return _shipped("queries")


def data_path(name: str) -> Path:
    """Path of a data file shipped in ``kgbuild/data/`` (the gazetteer, lexicons)."""
    return Path(str(_PACKAGE / "data" / name))

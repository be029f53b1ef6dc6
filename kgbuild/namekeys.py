"""Name keys: the words of a name as named queries look them up.

A text parameter such as ``event=Vilnius`` is matched against the words of
the names in the graph. Each labelled node carries one ``dip:nameKey``
literal per distinct word of its names, case-folded and without accents, so
that a query finds the candidates by a pattern with the literal in it (an
index lookup) before it checks the full text on those few nodes.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["name_keys", "lookup_key"]

_WORD = re.compile(r"\w+")


def name_keys(text: str) -> tuple[str, ...]:
    """The distinct words of ``text``, case-folded and accent-free, in order.

    >>> name_keys("NATO Summit in Vilnius, Vilnius")
    ('nato', 'summit', 'in', 'vilnius')
    >>> name_keys("Élysée Palace")
    ('elysee', 'palace')
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return tuple(dict.fromkeys(_WORD.findall(plain)))


def lookup_key(text: str) -> str | None:
    """The one key a parameter value is looked up by: its longest word (the rarest, as a rule).

    ``None`` when the text has no word (only punctuation or spaces).

    >>> lookup_key("the Vilnius summit")
    'vilnius'
    """
    keys = name_keys(text)
    return max(keys, key=len) if keys else None

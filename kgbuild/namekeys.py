"""Name keys: the words of a name as named queries look them up.

A text parameter such as ``event=Vilnius`` is matched against the words of
the names in the graph. Each labelled node carries one ``dip:nameKey``
literal per distinct word of its names, case-folded and without accents, so
that a query finds the candidates by a pattern with the literal in it (an
index lookup) before it checks the full text on those few nodes.

:func:`name_lookup` turns a parameter value into what a query binds beside
it: the key it looks up, every word it must find, and how many there are.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

__all__ = ["GENERIC_WORDS", "NAME_PUNCTUATION", "NameLookup", "is_name_text", "lookup_key", "name_keys", "name_lookup", "strip_accents"]

_WORD = re.compile(r"\w+")

#: Punctuation that occurs inside names ("Côte d'Ivoire", "Al-Sisi", "U.S.",
#: "Trade & Industry"). A parameter holding any other punctuation or symbol
#: (braces, quotes, ``#``, ``;``, ``=``, control or format characters...) is
#: not a name and is matched as plain text.
NAME_PUNCTUATION = frozenset(".,'’‘`´-‐‑‒–—()&/:")


def name_keys(text: str) -> tuple[str, ...]:
    """The distinct words of ``text``, case-folded and accent-free, in order.

    >>> name_keys("NATO Summit in Vilnius, Vilnius")
    ('nato', 'summit', 'in', 'vilnius')
    >>> name_keys("Élysée Palace")
    ('elysee', 'palace')
    """
    return tuple(dict.fromkeys(_WORD.findall(strip_accents(text.casefold()))))


def strip_accents(text: str) -> str:
    """``text`` in compatibility decomposition (NFKD) without its combining marks.

    >>> strip_accents("Élysée ﬁle")
    'Elysee file'
    """
    if text.isascii():
        return text  # no accents, and NFKD leaves ASCII as it is
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


#: Words that many names share (titles, kinds of event, particles): a poor key
#: to look a name up by, since every "Foreign Minister" or "summit" holds them.
GENERIC_WORDS = frozenset(
    "a al an and at de del der des di du el for in la le of on the to van von y "
    "ambassador chancellor chief deputy defence defense envoy finance foreign general head king leader "
    "minister ministry official president prime prince queen secretary spokesman spokesperson trade vice "
    "conference forum meeting meetings summit talks visit".split()
)


def lookup_key(text: str) -> str | None:
    """The one key a parameter value is looked up by: its longest word that is not a generic one, else its longest.

    The longest word is the rarest, as a rule; titles and kinds of event are
    the exception (:data:`GENERIC_WORDS`). ``None`` when the text has no word
    (only punctuation or spaces).

    >>> lookup_key("the Vilnius summit"), lookup_key("Prime Minister Kishida"), lookup_key("Foreign Minister")
    ('vilnius', 'kishida', 'minister')
    """
    keys = name_keys(text)
    if not keys:
        return None
    specific = [key for key in keys if key not in GENERIC_WORDS]
    return max(specific or keys, key=len)


def is_name_text(text: str) -> bool:
    """Whether ``text`` is made of words, spaces and the punctuation names hold (:data:`NAME_PUNCTUATION`).

    >>> is_name_text("Côte d'Ivoire"), is_name_text("Lisbon}"), is_name_text("x' OR '1'='1")
    (True, False, False)
    """
    return all(
        ch in NAME_PUNCTUATION or ch == " " or ch == "_" or unicodedata.category(ch)[0] in "LMN"
        or unicodedata.category(ch) == "Zs"
        for ch in text
    )


@dataclass(frozen=True)
class NameLookup:
    """What a named query binds beside a text parameter to find the names that match it.

    ``key`` is the word looked up in the ``dip:nameKey`` index, or ``""`` when
    the text is matched as plain text (it holds no word, or characters no name
    holds); ``words`` is every word of the text between spaces (``" nato summit "``),
    for a ``CONTAINS(words, CONCAT(" ", key, " "))`` test; ``size`` is how many
    words there are.
    """

    key: str
    words: str
    size: int


def name_lookup(text: str | None) -> NameLookup:
    """The lookup for a parameter value (``None`` or ``""``: no parameter, so nothing to look up).

    >>> name_lookup("NATO Summit")
    NameLookup(key='nato', words=' nato summit ', size=2)
    >>> name_lookup('Vilnius" }')
    NameLookup(key='', words=' vilnius ', size=1)
    """
    words = name_keys(text or "")
    key = (lookup_key(text or "") or "") if is_name_text(text or "") else ""
    return NameLookup(key=key, words=" " + " ".join(words) + " " if words else " ", size=len(words))

"""Name keys: the words of a name as named queries look them up.

A text parameter such as ``event=Vilnius`` is matched against the words of
the names in the graph. Each labelled node carries one ``dip:nameKey``
literal per distinct word of its names, case-folded and without accents, so
that a query finds the candidates by a pattern with the literal in it (an
index lookup) before it checks the full text on those few nodes; and one
``dip:nameWords`` literal per name (:func:`name_words`: its distinct words,
sorted, between spaces), so that a text of several words matches a node only
when one of its names holds them all ("Meeting in Geneva" is not found in a
node named "meeting" by one article and "summit in Geneva" by another).

:func:`name_lookup` turns a parameter value into what a query binds beside
it: the key it looks up, every word it must find (sorted, as in
``dip:nameWords``), and how many there are.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = [
    "GENERIC_WORDS", "NAME_PUNCTUATION", "NameLookup", "is_name_text", "lookup_key", "name_keys", "name_lookup", "name_words",
    "spaced_words", "strip_accents",
]

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


def name_words(name: str) -> str:
    """The distinct words of one name, as :func:`name_keys` gives them, sorted and between spaces: the
    ``dip:nameWords`` literal a query tests a text of several words against (``""`` for a name without words).

    >>> name_words("Summit in Vilnius"), name_words("NATO summit, NATO"), name_words("--")
    (' in summit vilnius ', ' nato summit ', '')
    """
    return spaced_words(name_keys(name))


def spaced_words(keys: Iterable[str]) -> str:
    """``keys`` (the words of one name or text, as :func:`name_keys` gives them) sorted and between
    spaces, the form :func:`name_words` and :func:`name_lookup` give them; ``""`` for no word.

    >>> spaced_words(("vilnius", "nato")), spaced_words(())
    (' nato vilnius ', '')
    """
    words = sorted(keys)
    return " " + " ".join(words) + " " if words else ""


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
    holds); ``words`` is every word of the text, sorted, between spaces
    (``" nato summit "``), as :func:`name_words` writes a name's: a query makes
    it the pattern ``REPLACE(words, " ", " (.* )?")``, which a name's
    ``dip:nameWords`` matches when it holds every word (both sorted: a
    subsequence); ``size`` is how many words there are.
    """

    key: str
    words: str
    size: int


def name_lookup(text: str | None) -> NameLookup:
    """The lookup for a parameter value (``None`` or ``""``: no parameter, so nothing to look up).

    >>> name_lookup("Summit NATO")
    NameLookup(key='nato', words=' nato summit ', size=2)
    >>> name_lookup('Vilnius" }')
    NameLookup(key='', words=' vilnius ', size=1)
    """
    words = name_keys(text or "")
    key = (lookup_key(text or "") or "") if is_name_text(text or "") else ""
    return NameLookup(key=key, words=spaced_words(words) or " ", size=len(words))

"""Countries and organisations: the shipped gazetteer and its lookups.

The data lives in ``kgbuild/data/countries.tsv`` and
``kgbuild/data/organisations.tsv``. :func:`load_gazetteer` reads both into a
:class:`Gazetteer`; load it once and pass it to whatever needs it.

Lookups normalise their input: a leading "the", a possessive ``'s``, dots in
acronyms and surrounding punctuation are dropped, and case and accents are
ignored, except for all-caps forms of at most three letters ("US", "WHO"),
which match only in capitals so that the pronoun "us" or the word "who" never
resolve.

>>> gaz = load_gazetteer()
>>> gaz.country("the U.S.").name
'United States'
>>> gaz.country("us") is None
True
>>> gaz.country("Japan's").iso3
'JPN'
>>> gaz.country("Australians").name
'Australia'
>>> gaz.country_by_capital("Canberra").name
'Australia'
>>> gaz.organisation("North Atlantic Treaty Organization").name
'NATO'
>>> [org.name for org in gaz.organisations_for_noun("the alliance")][:1]
['NATO']
"""

from __future__ import annotations

import copy
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from .namekeys import strip_accents
from .resources import data_path

__all__ = [
    "Country",
    "Gazetteer",
    "GazetteerError",
    "Organisation",
    "SurfaceForm",
    "is_case_sensitive",
    "load_gazetteer",
    "lookup_key",
]

COUNTRY_COLUMNS = ("name", "iso2", "iso3", "wikidata", "capital", "demonyms", "aliases")
ORGANISATION_COLUMNS = (
    "name",
    "full_name",
    "kind",
    "wikidata",
    "aliases",
    "generic_nouns",
    "head_title",
)
#: Separator of list values inside one TSV cell.
LIST_SEPARATOR = "|"

_QID = re.compile(r"Q[1-9][0-9]*")
_ISO2 = re.compile(r"[A-Z]{2}")
_ISO3 = re.compile(r"[A-Z]{3}")
# A single letter followed by a dot, as in "U.S." or "E.U.".
_ACRONYM_DOT = re.compile(r"\b([A-Za-z])\.")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:'s|(?<=s)')$", re.IGNORECASE)
_SPACES = re.compile(r"\s+")
# ASCII words (letters, digits, "-", "+", "&") between single spaces, the first not
# "the": a form in which _normalise and strip_accents find nothing to drop.
_PLAIN = re.compile(r"(?!(?i:the) )[A-Za-z0-9&+-]+(?: [A-Za-z0-9&+-]+)*")
# Punctuation dropped around a form; "+" (OPEC+) and "-" stay.
_SURROUNDING = "\"'`“”‘’«»()[]{}<>,.;:!?*"
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'"})


class GazetteerError(ValueError):
    """A gazetteer data file is malformed; the message starts with ``path:line:``."""


@dataclass(frozen=True)
class Country:
    """A country: canonical short name, codes, capital, demonyms and aliases.

    ``capital`` is the capital; ``seats`` holds other seats of government and
    other spellings of the capital (``"Kiev"``), also found by
    :meth:`Gazetteer.country_by_capital`.
    """

    name: str
    iso2: str
    iso3: str
    wikidata: str
    capital: str
    demonyms: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    seats: tuple[str, ...] = ()


@dataclass(frozen=True)
class Organisation:
    """An organisation: international (NATO, the UN) or not (Hamas).

    ``generic_nouns`` are the nouns that can refer back to it within an
    article ("the alliance"); ``head_title`` is the title of its head.
    """

    name: str
    full_name: str
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    international: bool = True
    generic_nouns: tuple[str, ...] = ()
    head_title: str | None = None


class SurfaceForm(NamedTuple):
    """One way a gazetteer entry is written: ``(text, kind, canonical)``.

    ``kind`` is ``"country"``, ``"demonym"``, ``"capital"``,
    ``"international-organisation"`` or ``"organisation"``; ``canonical`` is
    the entry's name.
    """

    text: str
    kind: str
    canonical: str

    @property
    def case_sensitive(self) -> bool:
        """Whether the form must match in its own case (see :func:`is_case_sensitive`)."""
        return is_case_sensitive(self.text)


def _normalise(text: str) -> str:
    """Drop what does not tell entries apart, keeping case.

    >>> _normalise("  (the U.S.'s) ")
    'US'
    """
    if _PLAIN.fullmatch(text):
        return text  # the common case, and lookups are many: skip the rewrites
    text = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES)
    text = _ACRONYM_DOT.sub(r"\1", text)
    text = text.strip().strip(_SURROUNDING).strip()
    text = _POSSESSIVE.sub("", text).strip().strip(_SURROUNDING).strip()
    text = _LEADING_THE.sub("", text)
    return _SPACES.sub(" ", text.replace(",", " ")).strip()


def is_case_sensitive(form: str) -> bool:
    """Whether ``form`` is an all-caps acronym of at most three letters.

    Such forms ("US", "UK", "WHO") match only in capitals.

    >>> is_case_sensitive("U.S."), is_case_sensitive("NATO"), is_case_sensitive("Chad")
    (True, False, False)
    """
    norm = _normalise(form)
    return norm.isalpha() and norm.isupper() and len(norm) <= 3


def lookup_key(text: str) -> str:
    """The case- and accent-insensitive key of ``text``.

    >>> lookup_key("The Türkiye’s")
    'turkiye'
    """
    return strip_accents(_normalise(text)).casefold()


class _Index:
    """Forms to values: all-caps short forms by exact case, the rest folded."""

    def __init__(self, what: str) -> None:
        self._what = what
        self._exact: dict[str, object] = {}
        self._folded: dict[str, object] = {}

    def add(self, form: str, value: object) -> None:
        norm = _normalise(form)
        if not norm:
            return
        if is_case_sensitive(norm):
            table, key = self._exact, norm
        else:
            table, key = self._folded, lookup_key(norm)
        previous = table.setdefault(key, value)
        if previous is not value:
            raise GazetteerError(
                f"{self._what} form {form!r} names both {_name(previous)!r} and {_name(value)!r}"
            )

    def get(self, text: str) -> object | None:
        if _PLAIN.fullmatch(text):  # its own normal form; its lookup key is its lower case
            found = self._exact.get(text)
            return found if found is not None else self._folded.get(text.lower())
        norm = _normalise(text)
        if not norm:
            return None
        found = self._exact.get(norm)
        if found is not None:
            return found
        return self._folded.get(lookup_key(norm))


#: What a :meth:`Gazetteer.for_article` view holds for a question not asked yet (``None`` is an answer).
_UNASKED = object()


def _name(value: object) -> str:
    return getattr(value, "name", repr(value))


class Gazetteer:
    """Fast, case-insensitive lookups over countries and organisations.

    Build it with :func:`load_gazetteer`; it is immutable after construction
    (:meth:`for_article` makes a view that remembers its answers). Raises
    :class:`GazetteerError` if one form names two countries (or two
    organisations).
    """

    def __init__(
        self, countries: Iterable[Country], organisations: Iterable[Organisation]
    ) -> None:
        self.countries: tuple[Country, ...] = tuple(countries)
        self.organisations: tuple[Organisation, ...] = tuple(organisations)
        self._countries = _Index("country")
        self._demonyms = _Index("demonym")
        self._capitals = _Index("capital")
        self._organisations = _Index("organisation")
        self._nouns: dict[str, list[Organisation]] = {}
        self._answers: dict[tuple[str, str], Any] | None = None  # kept by for_article() views only
        for country in self.countries:
            for form in (country.name, *country.aliases, *country.demonyms):
                self._countries.add(form, country)
            for form in country.demonyms:
                self._demonyms.add(form, country)
            for form in (country.capital, *country.seats):
                self._capitals.add(form, country)
        for org in self.organisations:
            for form in (org.name, org.full_name, *org.aliases):
                self._organisations.add(form, org)
            for noun in org.generic_nouns:
                self._nouns.setdefault(lookup_key(noun), []).append(org)

    def __repr__(self) -> str:
        return (
            f"<Gazetteer {len(self.countries)} countries, "
            f"{len(self.organisations)} organisations>"
        )

    def for_article(self) -> Gazetteer:
        """A view of this gazetteer that remembers its answers, for the lookups of one article.

        The names of an article repeat; the view looks each text up once.
        It answers as the gazetteer does; drop it with the article.

        >>> gaz = load_gazetteer().for_article()
        >>> gaz.country("Japan") is gaz.country("Japan"), gaz.country("Japan").name
        (True, 'Japan')
        """
        view = copy.copy(self)
        view._answers = {}
        return view

    def _answer(self, question: str, text: str, lookup: Callable[[str], Any]) -> Any:
        if self._answers is None:
            return lookup(text)
        key = (question, text)
        found = self._answers.get(key, _UNASKED)  # (one dict look-up for a question asked before)
        if found is _UNASKED:
            found = self._answers[key] = lookup(text)
        return found

    def country(self, text: str) -> Country | None:
        """The country named by ``text``: its name, an alias or a demonym.

        Capitals are not countries here: see :meth:`country_by_capital`.

        >>> gaz = load_gazetteer()
        >>> gaz.country("Czech Republic").name, gaz.country("DPRK").name
        ('Czechia', 'North Korea')
        >>> gaz.country("Tokyo") is None
        True
        """
        found = self._answer("country", text, self._countries.get)
        return found if isinstance(found, Country) else None

    def country_by_capital(self, text: str) -> Country | None:
        """The country whose capital (or other seat of government) is ``text``.

        >>> load_gazetteer().country_by_capital("Kiev").name
        'Ukraine'
        """
        found = self._answer("capital", text, self._capitals.get)
        return found if isinstance(found, Country) else None

    def is_demonym(self, text: str) -> bool:
        """Whether ``text`` is a demonym ("French", "Australians").

        >>> gaz = load_gazetteer()
        >>> gaz.is_demonym("Japanese"), gaz.is_demonym("Japan")
        (True, False)
        """
        return self._answer("demonym", text, self._demonyms.get) is not None

    def organisation(self, text: str) -> Organisation | None:
        """The organisation named by ``text``: name, full name or alias.

        >>> gaz = load_gazetteer()
        >>> gaz.organisation("the E.U.").name
        'European Union'
        >>> gaz.organisation("who") is None
        True
        """
        found = self._answer("organisation", text, self._organisations.get)
        return found if isinstance(found, Organisation) else None

    def organisations_for_noun(self, noun: str) -> tuple[Organisation, ...]:
        """The organisations a generic noun ("bloc", "the alliance") can refer to.

        >>> "BRICS" in [org.name for org in load_gazetteer().organisations_for_noun("bloc")]
        True
        """
        return self._answer("noun", noun, self._organisations_for_noun)

    def has_organisations_for_noun(self, noun: str) -> bool:
        """Whether :meth:`organisations_for_noun` finds any organisation for ``noun``.

        A plain lower-case word is its own lookup key and is looked up as it is (a rule asks
        this of every noun of an article, and few are such nouns).

        >>> gaz = load_gazetteer()
        >>> gaz.has_organisations_for_noun("bloc"), gaz.has_organisations_for_noun("weather")
        (True, False)
        """
        if noun.isascii() and noun.isalpha() and noun.islower():
            return noun in self._nouns  # lookup_key(noun) is noun
        return bool(self.organisations_for_noun(noun))

    def _organisations_for_noun(self, noun: str) -> tuple[Organisation, ...]:
        return tuple(self._nouns.get(lookup_key(noun), ()))

    def surface_forms(self) -> Iterator[SurfaceForm]:
        """Every form an entry is written in, for building a phrase matcher.

        Forms that differ only by what lookups ignore are still listed
        separately ("US" and "U.S."), since a matcher sees raw tokens.
        """
        seen: set[tuple[str, str]] = set()
        for country in self.countries:
            forms = (
                [(form, "country") for form in (country.name, *country.aliases)]
                + [(form, "demonym") for form in country.demonyms]
                + [(form, "capital") for form in (country.capital, *country.seats)]
            )
            for form, kind in forms:
                if (form, kind) not in seen:
                    seen.add((form, kind))
                    yield SurfaceForm(form, kind, country.name)
        for org in self.organisations:
            kind = "international-organisation" if org.international else "organisation"
            for form in (org.name, org.full_name, *org.aliases):
                if (form, kind) not in seen:
                    seen.add((form, kind))
                    yield SurfaceForm(form, kind, org.name)


def load_gazetteer(
    *, countries_path: Path | None = None, organisations_path: Path | None = None
) -> Gazetteer:
    """Read the shipped (or the given) gazetteer files into a :class:`Gazetteer`.

    >>> load_gazetteer()
    <Gazetteer 197 countries, 96 organisations>
    """
    countries_path = countries_path or data_path("countries.tsv")
    organisations_path = organisations_path or data_path("organisations.tsv")
    countries = [
        _country_from_row(row, where)
        for row, where in _read_tsv(countries_path, COUNTRY_COLUMNS)
    ]
    organisations = [
        _organisation_from_row(row, where)
        for row, where in _read_tsv(organisations_path, ORGANISATION_COLUMNS)
    ]
    return Gazetteer(countries, organisations)


def _read_tsv(path: Path, columns: tuple[str, ...]) -> Iterator[tuple[dict[str, str], str]]:
    """Rows of a TSV file with ``#`` comment lines and a header row."""
    header_seen = False
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            line = line.rstrip("\r\n")
            if not line.strip() or line.startswith("#"):
                continue
            cells = [cell.strip() for cell in line.split("\t")]
            where = f"{path}:{number}"
            if not header_seen:
                if tuple(cells) != columns:
                    raise GazetteerError(f"{where}: header must be {' '.join(columns)}")
                header_seen = True
                continue
            if len(cells) != len(columns):
                raise GazetteerError(
                    f"{where}: expected {len(columns)} tab-separated cells, got {len(cells)}"
                )
            yield dict(zip(columns, cells)), where
    if not header_seen:
        raise GazetteerError(f"{path}: no header row")


def _split(cell: str) -> tuple[str, ...]:
    values: list[str] = []
    for value in cell.split(LIST_SEPARATOR):
        value = value.strip()
        if value and value not in values:
            values.append(value)
    return tuple(values)


def _country_from_row(row: dict[str, str], where: str) -> Country:
    if not row["name"]:
        raise GazetteerError(f"{where}: empty name")
    if not _ISO2.fullmatch(row["iso2"]) or not _ISO3.fullmatch(row["iso3"]):
        raise GazetteerError(f"{where}: bad ISO code {row['iso2']!r}/{row['iso3']!r}")
    if not _QID.fullmatch(row["wikidata"]):
        raise GazetteerError(f"{where}: bad Wikidata id {row['wikidata']!r}")
    capitals = _split(row["capital"])
    if not capitals:
        raise GazetteerError(f"{where}: no capital")
    return Country(
        name=row["name"],
        iso2=row["iso2"],
        iso3=row["iso3"],
        wikidata=row["wikidata"],
        capital=capitals[0],
        demonyms=_split(row["demonyms"]),
        aliases=tuple(a for a in _split(row["aliases"]) if a != row["name"]),
        seats=capitals[1:],
    )


def _organisation_from_row(row: dict[str, str], where: str) -> Organisation:
    if not row["name"]:
        raise GazetteerError(f"{where}: empty name")
    if row["kind"] not in ("international", "other"):
        raise GazetteerError(f"{where}: kind must be 'international' or 'other'")
    if row["wikidata"] and not _QID.fullmatch(row["wikidata"]):
        raise GazetteerError(f"{where}: bad Wikidata id {row['wikidata']!r}")
    return Organisation(
        name=row["name"],
        full_name=row["full_name"] or row["name"],
        aliases=tuple(a for a in _split(row["aliases"]) if a != row["name"]),
        wikidata=row["wikidata"] or None,
        international=row["kind"] == "international",
        generic_nouns=_split(row["generic_nouns"]),
        head_title=row["head_title"] or None,
    )

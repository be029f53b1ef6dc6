"""Mentions to entities within one article.

Named entities from the parser are re-typed with the gazetteer (a country
is a country whatever label the model gave it), surnames are joined to the
full name seen elsewhere in the article, pronouns to the person they most
likely refer to, "the alliance" to the organisation it names, and capitals
used as agents ("Beijing objected") to their country.

The result, :class:`ArticleEntities`, maps token indices to entity keys; a
token can stand for several entities ("leaders of Japan and India").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..facts import Entity, EntityKind, entity_key
from ..gazetteer import Gazetteer

__all__ = ["ArticleEntities", "find_entities", "clean_name"]

#: NER labels that name people, places, countries and organisations.
NAME_LABELS = frozenset({"PERSON", "GPE", "NORP", "ORG", "LOC", "FAC"})
#: Dependency labels where a capital acts as its government ("Beijing objected").
AGENT_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "agent", "conj", "appos"})
PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})
#: How many sentences back a pronoun may look for its person.
PRONOUN_REACH = 2


def clean_name(text: str) -> str:
    """A mention's text without a leading article or trailing possessive.

    >>> clean_name("the United States'")
    'United States'
    """
    text = " ".join(text.split())
    for suffix in ("'s", "’s", "'", "’"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    if text.lower().startswith("the "):
        text = text[4:]
    return text.strip(" ,.;:\"“”")


@dataclass
class _Draft:
    kind: EntityKind
    label: str
    alts: dict[str, None] = field(default_factory=dict)
    wikidata: str | None = None
    event_type: str | None = None
    country: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None


class ArticleEntities:
    """Entities of one article and the tokens that mention them."""

    def __init__(self) -> None:
        self._drafts: dict[str, _Draft] = {}
        self._tokens: dict[int, tuple[str, ...]] = {}
        self._governments: dict[str, str] = {}  # capital place key -> country key

    def add(
        self,
        kind: EntityKind,
        name: str,
        *,
        surface: str | None = None,
        tokens: Iterable[int] = (),
        wikidata: str | None = None,
        key: str | None = None,
        event_type: str | None = None,
        country: str | None = None,
    ) -> str:
        """Register an entity (or a new surface form of it) and return its key."""
        key = key or entity_key(kind, name)
        draft = self._drafts.get(key)
        if draft is None:
            draft = self._drafts[key] = _Draft(kind, name, wikidata=wikidata, event_type=event_type)
        if surface and surface != draft.label:
            draft.alts[surface] = None
        if country and not draft.country:
            draft.country = country
        for i in tokens:
            self.link(i, key)
        return key

    def link(self, i: int, key: str, *, replace: bool = True) -> None:
        """Let token ``i`` stand for entity ``key`` (alone, or beside what it stood for)."""
        if replace or i not in self._tokens:
            self._tokens[i] = (key,)
        elif key not in self._tokens[i]:
            self._tokens[i] = self._tokens[i] + (key,)

    def set_dates(self, key: str, start: dt.date, end: dt.date) -> None:
        """Give an event its dates (the first dates found win)."""
        draft = self._drafts[key]
        if draft.start is None:
            draft.start, draft.end = start, end

    def unlink(self, i: int) -> None:
        self._tokens.pop(i, None)

    def at(self, i: int) -> tuple[str, ...]:
        """Keys of the entities token ``i`` stands for (empty when none)."""
        return self._tokens.get(i, ())

    def set_government(self, place: str, country: str) -> None:
        """Record that the capital ``place`` can stand for ``country``."""
        self._governments[place] = country

    def government_of(self, key: str) -> str:
        """The country a capital stands for as an actor, else ``key`` itself."""
        return self._governments.get(key, key)

    def kind(self, key: str) -> EntityKind:
        return self._drafts[key].kind

    def label(self, key: str) -> str:
        return self._drafts[key].label

    def country_of(self, key: str) -> str | None:
        return self._drafts[key].country

    def keys(self, kind: EntityKind | None = None) -> list[str]:
        return [k for k, d in self._drafts.items() if kind is None or d.kind is kind]

    def entities(self) -> tuple[Entity, ...]:
        """The frozen entities, in a stable order."""
        return tuple(
            Entity(
                key=key,
                kind=d.kind,
                label=d.label,
                alt_labels=tuple(a for a in d.alts if a != d.label),
                wikidata=d.wikidata,
                event_type=d.event_type,
                country=d.country,
                start=d.start,
                end=d.end,
            )
            for key, d in sorted(self._drafts.items())
        )


def find_entities(
    doc: Doc, *, gazetteer: Gazetteer, title_words: frozenset[str], government_nouns: frozenset[str] = frozenset()
) -> ArticleEntities:
    """Resolve the named mentions, surnames and pronouns of ``doc``."""
    found = ArticleEntities()
    covered: set[int] = set()
    for ent in doc.ents:
        if ent.label_ != "PERSON" and ent[-1].lower_ in title_words and len(ent) > 1:
            continue  # "US National Security Advisor" taken for an organisation: a title, read by roles
        if ent.label_ in NAME_LABELS and _add_named(found, ent, gazetteer=gazetteer, title_words=title_words):
            covered.update(range(ent.start, ent.end))
    _add_gazetteer_names(found, doc, covered, gazetteer=gazetteer)
    _join_surnames(found, doc, gazetteer=gazetteer)
    _capitals_as_governments(found, doc, gazetteer=gazetteer)
    _generic_organisation_nouns(found, doc, gazetteer=gazetteer)
    _governments(found, doc, gazetteer=gazetteer, nouns=government_nouns)
    _pronouns(found, doc)
    return found


def _add_named(found: ArticleEntities, ent: Span, *, gazetteer: Gazetteer, title_words: frozenset[str]) -> bool:
    # Titles the model sometimes pulls into a PERSON span ("President Biden").
    start = ent.start
    while start < ent.end - 1 and ent.doc[start].lower_ in title_words:
        start += 1
    end = ent.end
    # A name cut short by the model ("Aino" of "Aino Lehto"): take the untagged name it modifies.
    if ent.label_ == "PERSON":
        doc = ent.doc
        while end < len(doc) and doc[end].pos_ == "PROPN" and not doc[end].ent_type_ and doc[end - 1].head.i == end:
            end += 1
    span = ent.doc[start:end]
    if span and span[-1].tag_ == "POS":
        span = span[:-1]
    if not span:
        return False
    surface = clean_name(span.text)
    if not surface or not any(ch.isalpha() for ch in surface):
        return False
    tokens = range(span.start, span.end)
    country = gazetteer.country(surface)
    if country is not None:
        found.add(EntityKind.COUNTRY, country.name, surface=surface, tokens=tokens, wikidata=country.wikidata)
        return True
    org = gazetteer.organisation(surface)
    if org is not None:
        kind = EntityKind.INTERNATIONAL_ORGANISATION if org.international else EntityKind.ORGANISATION
        found.add(kind, org.name, surface=surface, tokens=tokens, wikidata=org.wikidata)
        return True
    if ent.label_ == "NORP":
        return False  # "Asian", "Western": groups, not entities of ours
    capital = gazetteer.country_by_capital(surface)
    if capital is not None:
        found.add(EntityKind.PLACE, surface, surface=surface, tokens=tokens)
        return True
    if ent.label_ == "PERSON" or _looks_like_person(span, title_words):
        if ent.label_ != "PERSON" and len(span) < 2:
            return False
        found.add(EntityKind.PERSON, surface, surface=surface, tokens=tokens)
        return True
    if ent.label_ == "ORG":
        found.add(EntityKind.ORGANISATION, surface, surface=surface, tokens=tokens)
        return True
    found.add(EntityKind.PLACE, surface, surface=surface, tokens=tokens)
    return True


def _looks_like_person(span: Span, title_words: frozenset[str]) -> bool:
    """A name the model mislabelled: a title right before it or in apposition to it."""
    if not all(t.pos_ == "PROPN" for t in span):
        return False
    before = span.doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.lower_ in title_words and before.dep_ == "compound":
        return True
    return any(c.dep_ == "appos" and c.lemma_.lower() in title_words for c in span.root.children)


def _add_gazetteer_names(found: ArticleEntities, doc: Doc, covered: set[int], *, gazetteer: Gazetteer) -> None:
    """Countries and organisations the model did not tag ("the US", "ASEAN")."""
    i = 0
    while i < len(doc):
        if i in covered or not (doc[i].is_title or doc[i].is_upper) or doc[i].is_stop:
            i += 1
            continue
        for n in (4, 3, 2, 1):
            span = doc[i : i + n]
            if len(span) < n or any(j in covered for j in range(i, i + n)):
                continue
            if not all(t.is_title or t.is_upper or t.lower_ in {"of", "and"} for t in span):
                continue
            text = clean_name(span.text)
            country = gazetteer.country(text)
            if country is not None and not gazetteer.is_demonym(text):
                found.add(EntityKind.COUNTRY, country.name, surface=text, tokens=range(i, i + n), wikidata=country.wikidata)
                covered.update(range(i, i + n))
                i += n - 1
                break
            org = gazetteer.organisation(text)
            if org is not None:
                kind = EntityKind.INTERNATIONAL_ORGANISATION if org.international else EntityKind.ORGANISATION
                found.add(kind, org.name, surface=text, tokens=range(i, i + n), wikidata=org.wikidata)
                covered.update(range(i, i + n))
                i += n - 1
                break
        i += 1


def _join_surnames(found: ArticleEntities, doc: Doc, *, gazetteer: Gazetteer) -> None:
    """Single-word names to the full name of the same article ("Kishida" -> "Fumio Kishida")."""
    full_names: dict[str, str] = {}
    given_names: dict[str, str] = {}
    for key in found.keys(EntityKind.PERSON):
        parts = found.label(key).split()
        if len(parts) >= 2:
            full_names.setdefault(parts[-1].lower(), key)
            given_names.setdefault(parts[0].lower(), key)
    if not full_names:
        return
    for token in doc:
        if not token.is_title or token.pos_ not in {"PROPN", "NOUN", "ADJ"}:
            continue
        current = found.at(token.i)
        if current and found.kind(current[0]) is not EntityKind.PERSON and found.kind(current[0]) is not EntityKind.ORGANISATION:
            continue
        if current and found.kind(current[0]) is EntityKind.ORGANISATION and gazetteer.organisation(found.label(current[0])):
            continue
        name = token.lower_
        person = full_names.get(name) or given_names.get(name)
        if person is None or current == (person,):
            continue
        if current and current[0] != person and len(found.label(current[0]).split()) > 1:
            continue  # part of another multi-word name
        found.add(EntityKind.PERSON, found.label(person), surface=token.text, key=person)
        found.link(token.i, person)


def _capitals_as_governments(found: ArticleEntities, doc: Doc, *, gazetteer: Gazetteer) -> None:
    """A capital that acts ("Beijing objected", "objections from Beijing") stands for its country."""
    for key in found.keys(EntityKind.PLACE):
        country = gazetteer.country_by_capital(found.label(key))
        if country is None:
            continue
        found.set_government(key, found.add(EntityKind.COUNTRY, country.name, wikidata=country.wikidata))
        for token in doc:
            if found.at(token.i) != (key,) or token.i != _span_root(doc, token, found).i:
                continue
            head = token.head
            agentive = token.dep_ in AGENT_DEPS or (
                token.dep_ == "pobj" and head.lower_ in {"from", "by", "between", "with"}
            )
            if agentive:
                country_key = found.add(EntityKind.COUNTRY, country.name, surface=found.label(key), wikidata=country.wikidata)
                found.link(token.i, country_key)


def _span_root(doc: Doc, token: Token, found: ArticleEntities) -> Token:
    """The syntactic head of the multi-token mention that ``token`` is part of."""
    keys = found.at(token.i)
    while token.head.i != token.i and found.at(token.head.i) == keys and token.dep_ == "compound":
        token = token.head
    return token


def _generic_organisation_nouns(found: ArticleEntities, doc: Doc, *, gazetteer: Gazetteer) -> None:
    """ "the alliance", "the bloc" to the organisation the article last named with that noun."""
    last_seen: dict[str, int] = {}
    org_kinds = (EntityKind.INTERNATIONAL_ORGANISATION, EntityKind.ORGANISATION)
    for token in doc:
        for key in found.at(token.i):
            if found.kind(key) in org_kinds:
                last_seen[key] = token.i
        if found.at(token.i) or token.pos_ != "NOUN":
            continue
        has_the = any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
        if not has_the or any(c.dep_ in {"compound", "amod", "nummod"} and c.pos_ == "PROPN" for c in token.children):
            continue
        candidates = [
            key
            for key in last_seen
            if any(org.name == found.label(key) for org in gazetteer.organisations_for_noun(token.lemma_.lower()))
        ]
        if candidates:
            best = max(candidates, key=last_seen.__getitem__)
            found.add(found.kind(best), found.label(best), key=best)
            found.link(token.i, best)


def _governments(found: ArticleEntities, doc: Doc, *, gazetteer: Gazetteer, nouns: frozenset[str]) -> None:
    """ "the German government", "Hungarian and Romanian officials" stand for their countries."""
    for token in doc:
        if token.pos_ != "NOUN" or found.at(token.i) or token.lower_ not in nouns or token.dep_ == "compound":
            continue  # a compound is part of a longer name ("foreign ministry spokesperson")
        keys: list[str] = []
        for child in token.children:
            if child.dep_ not in {"amod", "compound", "poss", "nmod"}:
                continue
            for member in [child, *child.conjuncts]:
                linked = [k for k in found.at(member.i) if found.kind(k) is EntityKind.COUNTRY]
                if not linked and (member.is_title or member.is_upper):
                    country = gazetteer.country(clean_name(member.text))
                    if country is not None:
                        linked = [found.add(EntityKind.COUNTRY, country.name, surface=member.text, wikidata=country.wikidata)]
                keys.extend(linked)
        keys = list(dict.fromkeys(keys))
        for n, key in enumerate(keys):
            found.link(token.i, key, replace=n == 0)
        if len(keys) == 1:
            # "the Sudanese government" is one of the names the country goes by
            words = [t for t in token.subtree if t.i <= token.i and t.dep_ != "det"]
            found.add(found.kind(keys[0]), found.label(keys[0]), surface=" ".join(t.text for t in words), key=keys[0])


def _pronouns(found: ArticleEntities, doc: Doc) -> None:
    """he/she/his/her to the most recent person in reach, preferring sentence subjects."""
    sentence_of = {}
    for n, sent in enumerate(doc.sents):
        for token in sent:
            sentence_of[token.i] = n
    recent: list[tuple[int, str, bool]] = []  # (token index, person key, was a subject)
    for token in doc:
        if token.lower_ in PERSONAL_PRONOUNS and not found.at(token.i):
            here = sentence_of[token.i]
            in_reach = [r for r in recent if here - sentence_of[r[0]] <= PRONOUN_REACH and r[1]]
            if in_reach:
                subjects = [r for r in in_reach if r[2]]
                chosen = (subjects or in_reach)[-1]
                found.link(token.i, chosen[1])
            continue
        for key in found.at(token.i):
            if found.kind(key) is EntityKind.PERSON:
                recent.append((token.i, key, token.dep_ in {"nsubj", "nsubjpass"}))

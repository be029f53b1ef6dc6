"""Events: one node per real event of an article, with its place and dates.

Every event noun ("summit", "talks", "conference", "exercise") is a mention;
mentions of one type whose organiser and place agree are one event ("the NATO
summit", "the summit in Vilnius", "the summit"). A bare noun joins the most
recent event of its type. Meetings become nodes only when something anchors
them (an organiser, a place, or a verb of attending or hosting), since
"talks" alone is often no event at all.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..facts import EntityKind, Fact, Modality, entity_key
from ..gazetteer import Gazetteer
from .entities import ArticleEntities, clean_name
from .lexicon import Lexicon
from .syntax import evidence
from .time import resolve_date

__all__ = ["extract_events"]

ORG_KINDS = (EntityKind.INTERNATIONAL_ORGANISATION, EntityKind.ORGANISATION)
PLACE_KINDS = (EntityKind.PLACE, EntityKind.COUNTRY)
#: Event types that are nodes even without an organiser or place.
SELF_STANDING = frozenset({"Summit", "Conference", "Exercise"})
#: Verbs whose object or complement makes a meeting an event.
ANCHORING_VERBS = frozenset({"attend", "host", "hold", "join", "skip", "chair", "convene", "boycott", "participate"})


@dataclass
class _Cluster:
    event_type: str
    org: str | None = None
    places: list[str] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    surfaces: list[str] = field(default_factory=list)
    place_tokens: list[tuple[str, Token]] = field(default_factory=list)
    name: str | None = None
    dates: list[tuple[dt.date, dt.date]] = field(default_factory=list)
    historic: bool = False  # a named past event ("the Korean War"): the article's year says nothing of it


def extract_events(
    doc: Doc,
    found: ArticleEntities,
    *,
    gazetteer: Gazetteer,
    lexicon: Lexicon,
    article_id: str,
    anchor: dt.date | None,
) -> list[Fact]:
    """Register event entities, link their mentions, and return ``heldIn`` facts."""
    clusters: list[_Cluster] = _named_events(doc, found, lexicon)
    for token in doc:
        event_type = _event_type(token, lexicon)
        if event_type is None or not _free_for_event(token, found):
            continue
        org = _organiser(token, found)
        place_tokens = _places(token, found)
        places = [p for p, _ in place_tokens]
        cluster = None
        if _bare_reference(token, org, places, lexicon) and clusters:
            cluster = clusters[-1]
        elif event_type not in SELF_STANDING and org is None and not places and not _anchored(token):
            continue
        else:
            cluster = _matching(clusters, event_type, org, places, gazetteer, found)
        if cluster is None:
            cluster = _Cluster(event_type)
            clusters.append(cluster)
        cluster.org = cluster.org or org
        cluster.name = cluster.name or _proper_name(token)
        cluster.places.extend(p for p in places if p not in cluster.places)
        cluster.place_tokens.extend(place_tokens)
        cluster.tokens.append(token)
        cluster.surfaces.append(_surface(token))
        when = _date_of(token, anchor)
        if when is not None:
            cluster.dates.append(when)
    facts: list[Fact] = []
    for cluster in clusters:
        key = _register(cluster, found, gazetteer, anchor=anchor)
        for place, token in cluster.place_tokens:
            ev = evidence(token.sent, article_id=article_id, rule="event-place", confidence=0.85)
            facts.append(Fact(key, "heldIn", place, Modality.ASSERTED, ev))
    return facts


def _named_events(doc: Doc, found: ArticleEntities, lexicon: Lexicon) -> list[_Cluster]:
    """Events the model names that no event noun of ours heads ("the Korean War", "Battle of Warsaw")."""
    clusters = []
    for ent in doc.ents:
        if ent.label_ != "EVENT" or _event_type(ent.root, lexicon) is not None or found.at(ent.root.i):
            continue
        name = clean_name(ent.text)
        if len(name) < 3:
            continue
        cluster = _Cluster("Event", name=name, historic=True, surfaces=[name])
        cluster.tokens = [t for t in ent if not found.at(t.i)]
        for t in ent:
            if t.dep_ == "pobj" and t.head.lower_ in {"of", "in"}:
                cluster.place_tokens += [(k, t) for k in found.at(t.i) if found.kind(k) in PLACE_KINDS]
        cluster.places = list(dict.fromkeys(k for k, _ in cluster.place_tokens))
        clusters.append(cluster)
    return clusters


def _event_type(token: Token, lexicon: Lexicon) -> str | None:
    if token.pos_ not in {"NOUN", "PROPN"}:
        return None
    lemma = token.lemma_.lower()
    if lemma == "sideline":
        return None
    if token.lower_ == "call" and not any(c.lower_ in {"phone", "telephone", "video"} for c in token.lefts):
        return None
    return lexicon.event_types.get(lemma) or lexicon.event_types.get(token.lower_)


def _free_for_event(token: Token, found: ArticleEntities) -> bool:
    """An event noun is an event unless it names something else; the model often
    takes a named event ("the Atlantic Ocean Summit") for an organisation."""
    keys = found.at(token.i)
    if not keys:
        return True
    if len(keys) == 1 and found.kind(keys[0]) in {EntityKind.ORGANISATION, EntityKind.PLACE} and token.is_title:
        for t in token.doc[token.i - 4 if token.i >= 4 else 0 : token.i + 1]:
            if found.at(t.i) == keys:
                found.unlink(t.i)
        return True
    return False


def _proper_name(token: Token) -> str | None:
    """ "Atlantic Ocean Summit": a capitalised event name ending in the event noun."""
    if not token.is_title:
        return None
    start = token.i
    doc = token.doc
    while start > 0 and (doc[start - 1].is_title or doc[start - 1].is_upper) and doc[start - 1].dep_ in {"compound", "amod"} and token in doc[start - 1].ancestors:
        start -= 1
    return doc[start : token.i + 1].text if start < token.i else None


def _bare_reference(token: Token, org: str | None, places: list[str], lexicon: Lexicon) -> bool:
    """ "the gathering", "the meeting": a plain reference back to the latest event."""
    if org or places or token.lower_ not in lexicon.generic_event_nouns:
        return False
    return any(c.dep_ == "det" and c.lower_ == "the" for c in token.children) and not any(
        c.dep_ in {"amod", "compound", "prep"} for c in token.children
    )


def _organiser(token: Token, found: ArticleEntities) -> str | None:
    for child in token.children:
        if child.dep_ in {"compound", "poss", "nmod", "amod"}:
            for key in found.at(child.i):
                if found.kind(key) in ORG_KINDS:
                    return key
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                for key in found.at(obj.i):
                    if found.kind(key) in ORG_KINDS:
                        return key
    return None


def _places(token: Token, found: ArticleEntities) -> list[tuple[str, Token]]:
    places: list[tuple[str, Token]] = []
    for child in token.children:
        if child.dep_ in {"compound", "nmod"}:
            places.extend((k, child) for k in found.at(child.i) if found.kind(k) is EntityKind.PLACE)
        if child.dep_ == "prep" and child.lower_ in {"in", "at"}:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    places.extend((k, obj) for k in found.at(obj.i) if found.kind(k) in PLACE_KINDS)
    # "the summit, held in Vilnius" / "the summit will take place in Vilnius"
    for child in token.children:
        if child.dep_ == "acl" and child.lemma_ in {"hold", "take", "scheduled", "set"}:
            for prep in child.children:
                if prep.dep_ == "prep" and prep.lower_ in {"in", "at"}:
                    for obj in prep.children:
                        places.extend((k, obj) for k in found.at(obj.i) if found.kind(k) in PLACE_KINDS)
    return places


def _anchored(token: Token) -> bool:
    head = token.head
    if token.dep_ in {"dobj", "nsubjpass"} and head.lemma_ in ANCHORING_VERBS:
        return True
    return token.dep_ == "pobj" and head.head.lemma_ in ANCHORING_VERBS


def _matching(clusters, event_type, org, places, gazetteer: Gazetteer, found: ArticleEntities):
    for cluster in reversed(clusters):
        if cluster.event_type != event_type:
            continue
        if org and cluster.org and org != cluster.org:
            continue
        if places and cluster.places and not _same_place(places, cluster.places, gazetteer, found):
            continue
        return cluster
    return None


def _same_place(a: list[str], b: list[str], gazetteer: Gazetteer, found: ArticleEntities) -> bool:
    """Places agree when one equals the other or lies in it (a capital in its country)."""
    countries_a = {_country_name(k, gazetteer, found) for k in a}
    countries_b = {_country_name(k, gazetteer, found) for k in b}
    return bool(set(a) & set(b)) or bool(countries_a & countries_b - {None})


def _country_name(key: str, gazetteer: Gazetteer, found: ArticleEntities) -> str | None:
    label = found.label(key)
    if found.kind(key) is EntityKind.COUNTRY:
        return label
    country = gazetteer.country_by_capital(label)
    return country.name if country else None


def _surface(token: Token) -> str:
    words = [t for t in token.subtree if t.i <= token.i and t.dep_ not in {"det", "punct", "poss", "case"} and t.pos_ != "NUM"]
    words = [t for t in words if t.i >= token.i - 3]
    text = " ".join(t.text for t in words)
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in {"in", "at"}:
            obj = [c for c in prep.children if c.dep_ == "pobj"]
            if obj and obj[0].ent_type_ in {"GPE", "LOC", "FAC"}:
                text += f" {prep.text} " + " ".join(t.text for t in obj[0].subtree if t.dep_ != "det")
    return text


def _date_of(token: Token, anchor: dt.date | None) -> tuple[dt.date, dt.date] | None:
    """A date attached to the event noun or to the clause that mentions it."""
    candidates = [token, token.head] if token.head is not token else [token]
    for head in candidates:
        for t in head.subtree:
            if t.ent_type_ == "DATE" and t.ent_iob_ == "B":
                span = next(e for e in t.doc.ents if e.start == t.i)
                tense = "future" if any(a.lower_ in {"will", "'ll"} for a in head.children) else None
                resolved = resolve_date(span.text, anchor=anchor, tense=tense)
                if resolved is not None:
                    return resolved.start, resolved.end
    return None


def _register(cluster: _Cluster, found: ArticleEntities, gazetteer: Gazetteer, *, anchor: dt.date | None) -> str:
    """Register the event; its key is type, place and year (else organiser), so the same
    event reported by two articles gets one IRI."""
    org_label = found.label(cluster.org) if cluster.org else None
    city = next((p for p in cluster.places if found.kind(p) is EntityKind.PLACE), None)
    place = city or (cluster.places[0] if cluster.places else None)
    place_label = found.label(place) if place else None
    noun = cluster.event_type.lower()
    if cluster.name:
        label = cluster.name
    elif not org_label and not place_label and cluster.surfaces:
        label = max(cluster.surfaces, key=len)
    else:
        label = " ".join(x for x in (org_label, noun if org_label else cluster.event_type) if x)
        if place_label:
            label += f" in {place_label}"
    year = cluster.dates[0][0].year if cluster.dates else (anchor.year if anchor and not cluster.historic else None)
    if cluster.name:
        parts = (cluster.name, year)
    elif place_label:
        parts = (noun, place_label, year)
    else:
        parts = (org_label, noun, year)
    key_name = " ".join(str(x) for x in parts if x)
    key = found.add(EntityKind.EVENT, label, key=entity_key(EntityKind.EVENT, key_name), event_type=cluster.event_type)
    for surface in cluster.surfaces:
        found.add(EntityKind.EVENT, label, surface=surface, key=key)
    if cluster.dates:
        found.set_dates(key, *cluster.dates[0])
    for token in cluster.tokens:
        found.link(token.i, key)
    return key

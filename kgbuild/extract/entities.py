"""Mentions to entities within one article.

Named entities from the parser are re-typed with the gazetteer (a country
is a country whatever label the model gave it), a name the model cut at a
particle or honorific is made whole ("Ursula von" + "der Leyen", "Sheikh" +
"Tamim bin Hamad"), surnames are joined to the
full name seen elsewhere in the article, pronouns to the person they most
likely refer to, "the alliance" to the organisation it names, and capitals
used as agents ("Beijing objected") to their country.

The result, :class:`ArticleEntities`, maps token indices to entity keys; a
token can stand for several entities ("leaders of Japan and India").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from itertools import takewhile

from spacy.attrs import IS_TITLE, IS_UPPER
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from ..facts import Entity, EntityKind, entity_key
from ..gazetteer import Gazetteer
from .docindex import DocIndex, string_ids
from .syntax import COMPOUND_ID, NOMINAL_SUBJECT_IDS, NOUN_ID, NSUBJ_ID, POSSESSIVE_TAG_ID, PROPN_ID, ids_of

__all__ = [
    "ArticleEntities",
    "clean_name",
    "defines_its_subject",
    "find_entities",
    "link_first_person",
    "link_reported_pronouns",
    "opens_as_reference",
]

#: NER labels that name people, places, countries and organisations.
NAME_LABELS = frozenset({"PERSON", "GPE", "NORP", "ORG", "LOC", "FAC"})
#: Dependency labels where a capital acts as its government ("Beijing objected").
AGENT_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "agent", "conj", "appos"})
PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})
MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})
FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})
#: Endings clean_name drops, in this order ("States'", "Japan's").
POSSESSIVE_ENDINGS = ("'s", "’s", "'", "’")
#: How many sentences back a pronoun may look for its person.
PRONOUN_REACH = 2
#: The most words of a name that opens a reference article ("Carol II (1893-1953) reigned ...").
MAX_OPENING_NAME = 8
#: A year in a token ("1923", "1923-2012").
YEAR = re.compile(r"\d{3,4}")
#: Honorifics that open an Arab name and are part of it ("Sheikh Mohamed bin Zayed").
HONORIFICS = frozenset({"sheikh", "sheikha", "sheik"})
#: Lower-case particles inside a surname ("Ursula von der Leyen", "Mohammed bin Salman",
#: "Lula da Silva", "Abdel Fattah al-Sisi"): a person's name does not end on one.
NAME_PARTICLES = frozenset({
    "von", "van", "der", "den", "de", "del", "della", "di", "da", "das", "dos", "du", "le", "la",
    "ten", "ter", "al", "el", "bin", "ibn", "bint", "ben", "abu",
})


def clean_name(text: str) -> str:
    """A mention's text without a leading article or trailing possessive.

    >>> clean_name("the United States'")
    'United States'
    """
    text = " ".join(text.split())
    if text.endswith(POSSESSIVE_ENDINGS):
        for suffix in POSSESSIVE_ENDINGS:
            if text.endswith(suffix):
                text = text[: -len(suffix)]
    if text.lower().startswith("the "):
        text = text[4:]
    return text.strip(" ,.;:\"“”-–—")


@dataclass
class _Draft:
    kind: EntityKind
    label: str
    alts: dict[str, None] = field(default_factory=dict)
    wikidata: str | None = None
    event_type: str | None = None
    country: str | None = None
    leads: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None


class ArticleEntities:
    """Entities of one article and the tokens that mention them."""

    def __init__(self) -> None:
        self._drafts: dict[str, _Draft] = {}
        self._keys: dict[tuple[EntityKind, str], str] = {}  # entity_key of each name seen, computed once
        self._tokens: dict[int, tuple[str, ...]] = {}
        self._governments: dict[str, str] = {}  # capital place key -> country key
        self._other_occasions: set[str] = set()  # event keys of past or next occasions
        self._linked_to: dict[EntityKind, list[int]] = {}  # answers of linked_to(), dropped when a link changes
        self._linked: list[tuple[int, tuple[str, ...]]] | None = None  # the answer of linked(), dropped likewise

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
        leads: str | None = None,
    ) -> str:
        """Register an entity (or a new surface form of it) and return its key."""
        if not key:
            key = self._keys.get((kind, name))
            if key is None:
                key = self._keys[(kind, name)] = entity_key(kind, name)
        draft = self._drafts.get(key)
        if draft is None:
            draft = self._drafts[key] = _Draft(kind, name, wikidata=wikidata, event_type=event_type)
        if surface and surface != draft.label:
            draft.alts[surface] = None
        if country and not draft.country:
            draft.country = country
        if leads and not draft.leads:
            draft.leads = leads
        if tokens:
            linked = (key,)
            for i in tokens:  # self.link(i, key), without a call per token
                self._tokens[i] = linked
            self._forget_answers()
        return key

    def link(self, i: int, key: str, *, replace: bool = True) -> None:
        """Let token ``i`` stand for entity ``key`` (alone, or beside what it stood for)."""
        self._forget_answers()
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
        self._forget_answers()
        self._tokens.pop(i, None)

    def discard(self, key: str) -> None:
        """Forget an entity that turned out to be another's name ("(MASSOB)" after the full name)."""
        self._drafts.pop(key, None)
        self._forget_answers()
        for i in [i for i, keys in self._tokens.items() if key in keys]:
            rest = tuple(k for k in self._tokens[i] if k != key)
            if rest:
                self._tokens[i] = rest
            else:
                del self._tokens[i]

    def at(self, i: int) -> tuple[str, ...]:
        """Keys of the entities token ``i`` stands for (empty when none)."""
        return self._tokens.get(i, ())

    def linked(self) -> list[tuple[int, tuple[str, ...]]]:
        """(token index, keys) of every token that stands for an entity, in text order.

        Sorted once until a link changes (several rules ask for it between changes); a copy is
        returned, which the caller may change."""
        if self._linked is None:
            self._linked = sorted(self._tokens.items())
        return list(self._linked)

    def _forget_answers(self) -> None:
        """Drop the answers of :meth:`linked` and :meth:`linked_to`: a link changed."""
        self._linked_to.clear()
        self._linked = None

    def linked_to(self, kind: EntityKind) -> list[int]:
        """Indices of the tokens that stand for an entity of ``kind`` (maybe beside others), in text order."""
        found = self._linked_to.get(kind)
        if found is None:
            of_kind = {key for key, draft in self._drafts.items() if draft.kind is kind}
            found = self._linked_to[kind] = sorted(i for i, keys in self._tokens.items() if not of_kind.isdisjoint(keys))
        return found

    def tokens_of(self, key: str) -> list[int]:
        """Indices of the tokens that stand for ``key`` (maybe beside others), in text order."""
        return sorted(i for i, keys in self._tokens.items() if key in keys)

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

    def event_type(self, key: str) -> str | None:
        return self._drafts[key].event_type

    def mark_other_occasion(self, key: str) -> None:
        """Record that event ``key`` is another occasion than the article's ("last year's meeting")."""
        self._other_occasions.add(key)

    def is_other_occasion(self, key: str) -> bool:
        return key in self._other_occasions

    def country_of(self, key: str) -> str | None:
        return self._drafts[key].country

    def leads_of(self, key: str) -> str | None:
        """What an unnamed office holder leads (see ``Entity.leads``)."""
        return self._drafts[key].leads

    def keys(self, kind: EntityKind | None = None) -> list[str]:
        return [k for k, d in self._drafts.items() if kind is None or d.kind is kind]

    def entities(self, *, keys: Collection[str] | None = None) -> tuple[Entity, ...]:
        """The frozen entities (only those of ``keys``, when given), in a stable order (by key)."""
        drafts = self._drafts
        items = drafts.items() if keys is None else [(key, drafts[key]) for key in keys if key in drafts]
        return tuple(
            Entity(
                key=key,
                kind=d.kind,
                label=d.label,
                alt_labels=tuple(a for a in d.alts if a != d.label),
                wikidata=d.wikidata,
                event_type=d.event_type,
                country=d.country,
                leads=d.leads,
                start=d.start,
                end=d.end,
            )
            for key, d in sorted(items)
        )


def find_entities(
    doc: Doc,
    *,
    gazetteer: Gazetteer,
    title_words: frozenset[str],
    government_nouns: frozenset[str] = frozenset(),
    doc_index: DocIndex | None = None,
) -> ArticleEntities:
    """Resolve the named mentions, surnames and pronouns of ``doc``."""
    if doc_index is None:
        doc_index = DocIndex(doc)
    found = ArticleEntities()
    covered: set[int] = set()
    dateline = _dateline_place(found, doc, gazetteer=gazetteer)
    covered.update(dateline)
    tokens = doc_index.tokens  # (spaCy makes a new Token, and a new str, on every read: read each once)
    titles = string_ids(title_words)  # (for _add_named: looked up once, not once per entity)
    for ent in doc_index.ents:
        start, end = ent.start, ent.end
        if start in dateline:
            continue  # the model reads a capitalised dateline ("CAMP DAVID, Maryland -") as anything
        if found.at(start) and found.kind(found.at(start)[0]) is EntityKind.PERSON:
            covered.update(range(start, end))
            continue  # a name already taken into the one before it ("Leyen" of "Ursula von der Leyen")
        label, last = ent.label_, tokens[end - 1].lower_
        if label != "PERSON" and last in title_words and end - start > 1:
            continue  # "US National Security Advisor" taken for an organisation: a title, read by roles
        if (
            last in HONORIFICS and all(tokens[i].lower_ in title_words for i in range(start, end - 1))
            and end < len(doc) and tokens[end].ent_type_ == "PERSON"
        ):
            continue  # "(Emir) Sheikh" of "Emir Sheikh Tamim bin Hamad": taken into the name after it
        if label not in NAME_LABELS:
            continue
        if last == "of" and _gazetteer_name_beyond(doc, ent, gazetteer=gazetteer):
            continue  # "Group of" of "the Group of 20": the gazetteer names below take the whole name
        if _add_named(found, ent, gazetteer=gazetteer, title_words=title_words, label=label, doc_index=doc_index, titles=titles):
            covered.update(range(start, end))
    _add_gazetteer_names(found, doc, covered, gazetteer=gazetteer, doc_index=doc_index)
    _untagged_person_names(found, doc, covered, gazetteer=gazetteer, title_words=title_words, doc_index=doc_index)
    _parenthesised_acronyms(found, doc, doc_index=doc_index)
    _government_names(found, doc, gazetteer=gazetteer)
    _join_surnames(found, doc, gazetteer=gazetteer, doc_index=doc_index)
    _join_particle_surnames(found, doc)
    _capital_references(found, doc, gazetteer=gazetteer, doc_index=doc_index)
    _capitals_as_governments(found, doc, gazetteer=gazetteer, dateline=dateline)
    _generic_organisation_nouns(found, doc, gazetteer=gazetteer, doc_index=doc_index)
    _governments(found, doc, gazetteer=gazetteer, nouns=government_nouns, doc_index=doc_index)
    _pronouns(found, doc, doc_index=doc_index, title_words=title_words)
    _topic_pronouns(found, doc, doc_index=doc_index)
    _group_heads(found, doc, doc_index=doc_index)
    _appositive_names(found, doc, doc_index=doc_index)
    _two_party_references(found, doc, doc_index=doc_index)
    link_reported_pronouns(found, doc, doc_index=doc_index)
    return found


#: Word lists asked of :meth:`DocIndex.tokens_with`, made once as frozensets (the string ids
#: of a frozenset are memoised; a set literal would be hashed into a new frozenset on every call).
PROPN_POS = frozenset({"PROPN"})
OPENING_BRACKETS, CAPITAL_WORDS = frozenset({"("}), frozenset({"capital"})

#: The string ids of the words a name does not end on ("of", "and", "the"), compared with
#: ``Token.lower`` (an int, read without decoding a string).
TRAILING_WORDS = ids_of("of", "and", "the")

#: Words of the names of bodies, events, media and buildings, never of a person ("Green Transition
#: Forum", "Piłsudski Monument").
BODY_NAME_WORDS = frozenset({
    "airport", "bridge", "building", "cathedral", "centre", "center", "church", "hall", "hospital", "monument",
    "museum", "palace", "park", "square", "stadium", "station", "street", "tower", "school", "embassy",
    "agency", "airlines", "alliance", "army", "assembly", "association", "bank", "battalion", "brigade", "command",
    "commission", "committee", "company", "conference", "corporation", "council", "court", "department", "forces",
    "force", "forum", "front", "fund", "government", "group", "guard", "house", "institute", "league", "ministry",
    "movement", "navy", "news", "office", "organisation", "organization", "parliament", "party", "police", "post",
    "press", "service", "summit", "talks", "times", "union", "university", "coalition",
})


#: Styles before a name that the model may leave untagged with it ("Lord Alanbrooke"): what follows
#: them may be a title as much as a name, so such runs are left to the model. (Royal titles such as
#: "King" are title words already.)
STYLE_WORDS = frozenset({"lord", "lady", "sir", "dame", "mr", "mrs", "ms", "dr", "marshal"})


def _untagged_person_names(
    found: ArticleEntities, doc: Doc, covered: set[int], *, gazetteer: Gazetteer, title_words: frozenset[str],
    doc_index: DocIndex,
) -> None:
    """A two- or three-word proper name the model left untagged, taken for a person where only a
    person fits: the subject of a verb ("Ana Ruiz took part in the summit"), or listed with a
    person ("Ana Ruiz and Tomas Berg met"). The small model misses such names most at the start
    of a sentence. Names of countries, places and bodies, and titles, are never taken."""
    for head in doc_index.tokens_with(pos=PROPN_POS):
        if head.i in covered or found.at(head.i) or head.ent_type:  # (``ent_type`` 0: no entity, read as an int)
            continue
        # (``head.lefts`` off the index's children: spaCy walks the tokens from the left edge)
        words = [t for t in doc_index.children(head) if t.dep == COMPOUND_ID and t.i < head.i]
        start = head.i - len(words)
        if not 1 <= len(words) <= 2 or [t.i for t in words] != list(range(start, head.i)):
            continue
        tokens = doc[start : head.i + 1]
        if any(
            t.pos_ != "PROPN" or t.ent_type_ or t.i in covered or not (t.is_alpha and t.is_title)
            or t.lower_ in title_words or t.lower_ in BODY_NAME_WORDS or t.lower_ in HONORIFICS or t.lower_ in STYLE_WORDS
            for t in tokens
        ):
            continue
        if any(gazetteer.country(t.text) or gazetteer.organisation(t.text) or gazetteer.country_by_capital(t.text) for t in tokens):
            continue
        subject = head.dep_ in {"nsubj", "nsubjpass"} and head.head.pos_ in {"VERB", "AUX"}
        beside_person = any(
            found.kind(k) is EntityKind.PERSON
            for other in (*head.conjuncts, head.head if head.dep_ == "conj" else head)
            if other.i != head.i
            for k in found.at(other.i)
        )
        if subject or beside_person:
            found.add(EntityKind.PERSON, tokens.text, surface=tokens.text, tokens=range(start, head.i + 1))
            covered.update(range(start, head.i + 1))


def _dateline_place(found: ArticleEntities, doc: Doc, *, gazetteer: Gazetteer) -> range:
    """A wire dateline's place ("SAMARKAND, Uzbekistan - ...", "CAMP DAVID, Maryland - ..."): the
    words in capitals that open the article, before a comma or a spaced dash. Returns its tokens."""
    end = 0
    while end < min(len(doc), 5) and (
        (doc[end].is_upper and doc[end].is_alpha) or (end and doc[end].text == "-" and not doc[end - 1].whitespace_)
    ):
        end += 1
    if end == 0 or end >= len(doc) or doc[end].text not in {",", "-", "—", "–", "("}:
        return range(0)
    dash = next((t.i for t in doc[end : end + 12] if t.text in {"-", "—", "–"} and doc[t.i - 1].whitespace_), None)
    if dash is None:
        return range(0)
    name = " ".join(t.text for t in doc[:end]).replace(" - ", "-").title()
    if len(name) < 3:
        return range(0)
    country = gazetteer.country(name)
    if country is not None:
        found.add(EntityKind.COUNTRY, country.name, surface=name, tokens=range(end), wikidata=country.wikidata)
    else:
        found.add(EntityKind.PLACE, name, surface=name, tokens=range(end))
    # the rest of the dateline ("OSAKA, Japan, June 29 (Reuters) -") names no one who acts
    return range(dash)


def _add_named(
    found: ArticleEntities, ent: Span, *, gazetteer: Gazetteer, title_words: frozenset[str], label: str, doc_index: DocIndex,
    titles: frozenset[int],
) -> bool:
    """Add the entity the named mention ``ent`` (of NER label ``label``) stands for, if any.

    The words are read from ``doc_index.tokens`` and the text from ``doc_index.text``, and the
    mention's bounds are moved as indices: a Span and its tokens would be made anew on every read."""
    doc, tokens = ent.doc, doc_index.tokens
    # (``titles``: the string ids of the title words. ``Token.lower``, ``pos`` and ``ent_type`` are
    # ints read without decoding a string, and an id is equal where its string is)
    # Titles the model sometimes pulls into a PERSON span ("President Biden").
    start = ent.start
    while start < ent.end - 1 and tokens[start].lower in titles:
        start += 1
    end = ent.end
    # A name cut short by the model ("Aino" of "Aino Lehto"): take the untagged name it modifies.
    if label == "PERSON":
        while (
            end < len(doc) and tokens[end].pos == PROPN_ID and not tokens[end].ent_type and tokens[end - 1].head.i == end
            and tokens[end].lower not in titles  # "Azerbaijani" tagged a person: "President" is no name of it
        ):
            end += 1
        end = _surname_after_particles(doc, start, end)
        # "Moon Jae-in", "Kim Jong-un": a hyphened lower-case syllable ends the given name
        if (
            end + 1 < len(doc) and tokens[end].text == "-" and not tokens[end - 1].whitespace_ and not tokens[end].whitespace_
            and tokens[end + 1].is_lower and tokens[end + 1].is_alpha and len(tokens[end + 1]) <= 3
        ):
            end += 2
        if start > 0 and tokens[start - 1].is_title and tokens[start - 1].lower_ in HONORIFICS:  # (the flag first: no str)
            start -= 1  # "Sheikh Tamim bin Hamad Al Thani"
        # ... or its first name ("Zakhary" of "Zakhary Petrovich Lyapunov")
        while (
            start > 0 and tokens[start - 1].pos == PROPN_ID and not tokens[start - 1].ent_type and tokens[start - 1].dep == COMPOUND_ID
            and start <= tokens[start - 1].head.i < end and tokens[start - 1].lower not in titles
            and tokens[start - 1].lower_ not in {"elect", "designate"}  # "President-elect Joe Biden"
        ):
            start -= 1
    if end > start and tokens[end - 1].tag == POSSESSIVE_TAG_ID:
        end -= 1
    while end - start > 1 and tokens[end - 1].lower in TRAILING_WORDS:
        end -= 1  # "Eugene of" of "Prince Eugene of Savoy"
    if end <= start:
        return False
    surface = clean_name(doc_index.text[tokens[start].idx : tokens[end - 1].idx + len(tokens[end - 1])])  # the Span's text
    if not surface or not (surface[0].isalpha() or any(ch.isalpha() for ch in surface)):  # (most open with a letter)
        return False
    # (the surface of "Indian" is its text: only it can be Native American)
    if surface.lower() in {"indian", "indians"} and native_american_indian(doc[start:end]):
        return False  # "the commissioner of Indian affairs": no mention of India
    country = gazetteer.country(surface)
    if country is not None:
        found.add(EntityKind.COUNTRY, country.name, surface=surface, tokens=range(start, end), wikidata=country.wikidata)
        return True
    org = gazetteer.organisation(surface)
    if org is not None:
        kind = EntityKind.INTERNATIONAL_ORGANISATION if org.international else EntityKind.ORGANISATION
        found.add(kind, org.name, surface=surface, tokens=range(start, end), wikidata=org.wikidata)
        return True
    if label == "NORP":
        return False  # "Asian", "Western": groups, not entities of ours
    if label in {"PERSON", "GPE", "LOC", "FAC"} and end - start == 1 and any(ch.isdigit() for ch in surface):
        return False  # "COP29", "P5" taken for a name or a place: neither is called with a number
    capital = gazetteer.country_by_capital(surface)
    if capital is not None:
        found.add(EntityKind.PLACE, surface, surface=surface, tokens=range(start, end))
        return True
    if label == "PERSON" or _looks_like_person(doc, start, end, title_words=title_words, doc_index=doc_index):
        if label != "PERSON" and end - start < 2:
            return False
        found.add(EntityKind.PERSON, surface, surface=surface, tokens=range(start, end))
        return True
    if label == "ORG":
        found.add(EntityKind.ORGANISATION, surface, surface=surface, tokens=range(start, end))
        return True
    found.add(EntityKind.PLACE, surface, surface=surface, tokens=range(start, end))
    return True


#: Nouns after "Indian" that make it Native American in encyclopedic English ("Indian
#: Territory", "Indian tribes", "the Indian Wars"), and words before it that do ("American Indian").
NATIVE_INDIAN_NOUNS = frozenset({"tribe", "tribes", "reservation", "reservations", "territory", "agent", "agents", "agency", "removal", "wars"})
NATIVE_INDIAN_BEFORE = frozenset({"american", "native", "plains"})


def native_american_indian(span: Span) -> bool:
    """ "Indian" as Native American, not as India: "American Indian", "Indian Territory",
    "Indian tribes", "the Indian Wars", and "of Indian affairs" (the US and Canadian office:
    "commissioner of Indian affairs"; "interference in Indian affairs" stays India's)."""
    if span.text.lower() not in {"indian", "indians"}:
        return False
    doc = span.doc
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    return before in NATIVE_INDIAN_BEFORE or after in NATIVE_INDIAN_NOUNS or (after == "affairs" and before == "of")


def _surname_after_particles(doc: Doc, start: int, end: int) -> int:
    """The end of a person's name that the model cut at or before a particle ("Ursula von"
    of "Ursula von der Leyen", "Mohammed" of "Mohammed bin Salman"): the particles and the
    capitalised word after them are part of it."""
    trailing = end - start > 1 and doc[end - 1].lower_ in NAME_PARTICLES
    j = end
    # a capitalised word after a name is a particle only after another one ("bin Hamad Al Thani")
    while j < len(doc) and doc[j].lower_ in NAME_PARTICLES and (doc[j].is_lower or trailing or j > end) and j - start < 6:
        j += 1
        if j < len(doc) and doc[j].text in {"-", "‑"} and not doc[j - 1].whitespace_:
            j += 1  # "al-Sisi"
    if (j == end and not trailing) or j >= len(doc):
        return end
    last = doc[j]
    if not (last.is_title and last.is_alpha) or (last.ent_type_ == "PERSON" and last.ent_iob_ == "B"):
        return end
    return j + 1


def _looks_like_person(doc: Doc, start: int, end: int, *, title_words: frozenset[str], doc_index: DocIndex) -> bool:
    """A name the model mislabelled (the tokens from ``start`` up to ``end``): a title right
    before it or in apposition to it."""
    tokens = doc_index.tokens
    if not all(tokens[i].pos == PROPN_ID for i in range(start, end)):  # (the Span is made only when needed)
        return False
    before = tokens[start - 1] if start > 0 else None
    if before is not None and before.lower_ in title_words and before.dep_ == "compound":
        return True
    return any(c.dep_ == "appos" and c.lemma_.lower() in title_words for c in doc[start:end].root.children)


def _add_gazetteer_names(found: ArticleEntities, doc: Doc, covered: set[int], *, gazetteer: Gazetteer, doc_index: DocIndex) -> None:
    """Countries and organisations the model did not tag ("the US", "ASEAN")."""
    tokens = doc_index.tokens
    capitalised = doc_index.having(IS_TITLE, IS_UPPER)
    is_capitalised = set(capitalised)  # (``is_title or is_upper``, without reading the Token)
    for i in capitalised:  # a name starts with a capital
        if i in covered or tokens[i].is_stop:
            continue  # the words of a name found are covered too
        # how many words from here could belong to a name: capitalised, or "of" and "and"
        run = 1
        while run < 4 and i + run < len(doc) and (
            i + run in is_capitalised or tokens[i + run].lower_ in {"of", "and"}
            or (tokens[i + run].is_digit and tokens[i + run - 1].lower_ == "of")  # "Group of 20"
        ):
            run += 1
        for n in (4, 3, 2, 1):
            if n > run or any(j in covered for j in range(i, i + n)):
                continue
            last = tokens[i + n - 1]
            text = clean_name(doc_index.text[tokens[i].idx : last.idx + len(last)])  # doc[i : i + n].text, without the Span
            country = gazetteer.country(text)
            if country is not None and not gazetteer.is_demonym(text):
                found.add(EntityKind.COUNTRY, country.name, surface=text, tokens=range(i, i + n), wikidata=country.wikidata)
                covered.update(range(i, i + n))
                break
            org = gazetteer.organisation(text)
            if org is not None:
                kind = EntityKind.INTERNATIONAL_ORGANISATION if org.international else EntityKind.ORGANISATION
                found.add(kind, org.name, surface=text, tokens=range(i, i + n), wikidata=org.wikidata)
                covered.update(range(i, i + n))
                break


def _gazetteer_name_beyond(doc: Doc, ent: Span, *, gazetteer: Gazetteer) -> bool:
    """Whether the model cut a gazetteer name short: "Group of" tagged in "the Group of 20
    summit" (a number after "of" ends the name), the name going on past the tagged span."""
    if ent.label_ == "PERSON" or ent.end >= len(doc) or ent[-1].lower_ != "of" or len(ent) < 2:
        return False
    for end in range(min(len(doc), ent.end + 2), ent.end, -1):
        text = clean_name(doc[ent.start : end].text)
        if gazetteer.organisation(text) is not None or gazetteer.country(text) is not None:
            return True
    return False


def _is_acronym_of(acronym: str, words: list[str]) -> bool:
    """Whether ``acronym`` spells initials of ``words`` in order, starting with the first.

    >>> _is_acronym_of("FTA", ["Free", "Trade", "Agreement"])
    True
    """
    initials = [w[0].upper() for w in words if w[:1].isalpha()]
    if len(acronym) < 2 or not initials or acronym[0] != initials[0]:
        return False
    rest = iter(initials[1:])
    return all(any(letter == i for i in rest) for letter in acronym[1:])


def _parenthesised_acronyms(found: ArticleEntities, doc: Doc, *, doc_index: DocIndex) -> None:
    """ "the Islamic Salvation Front (ISF)": the acronym is another name of the entity before it."""
    for before in doc_index.tokens_with(lower=OPENING_BRACKETS):
        if not 2 <= before.i + 1 < len(doc) - 1:
            continue
        token, after = doc[before.i + 1], doc[before.i + 2]
        if before.text != "(" or after.text != ")" or not token.is_upper or not token.is_alpha:
            continue
        named = found.at(before.i - 1)
        if len(named) != 1 or found.kind(named[0]) in {EntityKind.COUNTRY, EntityKind.PLACE}:
            continue
        key = named[0]
        start = before.i - 1
        while start > 0 and found.at(start - 1) == (key,):
            start -= 1
        while start < before.i - 1 and doc[start].lower_ in {"the", "a", "an"}:
            start += 1
        if _is_acronym_of(token.text, [t.text for t in doc[start : before.i]]):
            for other in found.at(token.i):
                if other != key and found.label(other) == token.text:
                    # the model's own entity for the acronym: its mentions are the full name's
                    for mention in doc:
                        if found.at(mention.i) == (other,):
                            found.link(mention.i, key)
                    found.discard(other)
            found.add(found.kind(key), found.label(key), surface=token.text, key=key)
            found.link(token.i, key)


def _government_names(found: ArticleEntities, doc: Doc, *, gazetteer: Gazetteer) -> None:
    """ "the Government of Iraq", "the Iraqi Government" tagged as organisations are the country."""
    for key in found.keys(EntityKind.ORGANISATION):
        words = found.label(key).split()
        if len(words) < 2:
            continue
        if words[0].lower() == "government" and words[1].lower() == "of":
            name = " ".join(words[2:])
        elif words[-1].lower() == "government":
            name = " ".join(words[:-1])
        else:
            continue
        country = gazetteer.country(clean_name(name))
        if country is None:
            continue
        country_key = found.add(EntityKind.COUNTRY, country.name, surface=found.label(key), wikidata=country.wikidata)
        for token in doc:
            if key in found.at(token.i):
                found.link(token.i, country_key)
        found.discard(key)


def _join_surnames(found: ArticleEntities, doc: Doc, *, gazetteer: Gazetteer, doc_index: DocIndex) -> None:
    """Single-word names to the full name of the same article ("Kishida" -> "Fumio Kishida")."""
    full_names: dict[str, str] = {}
    given_names: dict[str, str] = {}
    for key in found.keys(EntityKind.PERSON):
        parts = found.label(key).split()
        if len(parts) >= 2:
            full_names.setdefault(parts[-1].lower(), key)
            given_names.setdefault(parts[0].lower(), key)
            surname = _after_particle(parts[-1])
            if surname:
                full_names.setdefault(surname, key)  # "Sisi" for "Abdel Fattah el-Sisi"
    if not full_names:
        return
    # the capitalised words that are some person's surname or given name (found by word, in text order)
    for token in doc_index.tokens_with(lower=full_names.keys() | given_names.keys()):
        if not token.is_title:
            continue
        name = token.lower_
        person = full_names.get(name) or given_names.get(name)
        if person is None or token.pos_ not in {"PROPN", "NOUN", "ADJ"}:
            continue
        current = found.at(token.i)
        if current and found.kind(current[0]) is not EntityKind.PERSON and found.kind(current[0]) is not EntityKind.ORGANISATION:
            if not _unknown_place(found, current[0], gazetteer):
                continue  # a known place or country; "Blinken" tagged as a place is a surname
        if current and found.kind(current[0]) is EntityKind.ORGANISATION and gazetteer.organisation(found.label(current[0])):
            continue
        if current == (person,):
            continue
        if current and current[0] != person and len(found.label(current[0]).split()) > 1:
            continue  # part of another multi-word name
        found.add(EntityKind.PERSON, found.label(person), surface=token.text, key=person)
        found.link(token.i, person)


def _after_particle(word: str) -> str | None:
    """ "sisi" of "el-Sisi", "assad" of "al-Assad": the surname a hyphened particle opens, which
    the article may use alone."""
    particle, _, surname = word.lower().partition("-")
    return surname if surname and particle in NAME_PARTICLES else None


def _join_particle_surnames(found: ArticleEntities, doc: Doc) -> None:
    """A surname that opens with a particle to the full name of the same article ("Von der
    Leyen" -> "Ursula von der Leyen", "Al-Sisi" -> "Abdel Fattah al-Sisi")."""
    labels = {key: found.label(key).lower() for key in found.keys(EntityKind.PERSON)}
    full: dict[str, str] = {}
    for key, label in labels.items():
        if label.split("-")[0].split()[0] not in NAME_PARTICLES:
            continue
        longer = [k for k, other in labels.items() if other.endswith(" " + label)]
        if len(longer) == 1:
            full[key] = longer[0]
    if not full:
        return
    for token in doc:
        current = found.at(token.i)
        if len(current) == 1 and current[0] in full:
            person = full[current[0]]
            found.add(EntityKind.PERSON, found.label(person), surface=found.label(current[0]), key=person)
            found.link(token.i, person)


def _unknown_place(found: ArticleEntities, key: str, gazetteer: Gazetteer) -> bool:
    """A one-word place the gazetteer does not know: what the model makes of a surname it misreads."""
    label = found.label(key)
    return (
        found.kind(key) is EntityKind.PLACE
        and len(label.split()) == 1
        and gazetteer.country(label) is None
        and gazetteer.country_by_capital(label) is None
    )


def _capital_references(found: ArticleEntities, doc: Doc, *, gazetteer: Gazetteer, doc_index: DocIndex) -> None:
    """ "the Lithuanian capital", "the capital of Spain": the capital city of that country."""
    for token in doc_index.tokens_with(lower=CAPITAL_WORDS):
        if token.lower_ != "capital" or found.at(token.i) or token.pos_ != "NOUN":
            continue
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            continue
        modifiers = [c for c in token.children if c.dep_ in {"amod", "compound", "poss"}]
        modifiers += [o for p in token.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
        countries = set()
        for m in modifiers:
            linked = [found.label(k) for k in found.at(m.i) if found.kind(k) is EntityKind.COUNTRY]
            text = linked[0] if linked else clean_name(m.text) if (m.is_title or m.is_upper) else ""
            country = gazetteer.country(text) if text else None
            if country is not None and country.capital:
                countries.add(country)
        if len(countries) == 1:
            capital = next(iter(countries)).capital.split(",")[0]
            found.add(EntityKind.PLACE, capital, surface=capital, tokens=[token.i])


def _capitals_as_governments(found: ArticleEntities, doc: Doc, *, gazetteer: Gazetteer, dateline: range = range(0)) -> None:
    """A capital that acts ("Beijing objected", "objections from Beijing") stands for its country;
    a dateline ("BERLIN (March 30) - ...") names where the story is filed, and never acts."""
    for key in found.keys(EntityKind.PLACE):
        country = gazetteer.country_by_capital(found.label(key))
        if country is None:
            continue
        found.set_government(key, found.add(EntityKind.COUNTRY, country.name, wikidata=country.wikidata))
        for i in found.tokens_of(key):
            token = doc[i]
            if found.at(i) != (key,) or i != _span_root(doc, token, found).i or i in dateline:
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


def _generic_organisation_nouns(found: ArticleEntities, doc: Doc, *, gazetteer: Gazetteer, doc_index: DocIndex) -> None:
    """ "the alliance", "the bloc" to the organisation the article last named with that noun."""
    last_seen: dict[str, int] = {}
    org_kinds = (EntityKind.INTERNATIONAL_ORGANISATION, EntityKind.ORGANISATION)
    nouns = _nouns_for_organisations(doc, gazetteer=gazetteer, doc_index=doc_index)
    # the mentions and the nouns that can refer to one (the loop links no other token)
    for i in sorted(nouns.union(i for i, _ in found.linked())):
        token = doc_index.tokens[i]
        for key in found.at(token.i):
            if found.kind(key) in org_kinds:
                last_seen[key] = token.i
        if found.at(token.i) or token.pos != NOUN_ID:  # (ids: ``pos_``, ``dep_`` and ``lower_`` decode a new str)
            continue
        names = {org.name for org in gazetteer.organisations_for_noun(token.lemma_.lower())}
        children = doc_index.children(token)
        has_the = any(c.dep == DET_ID and c.lower == THE_ID for c in children)
        if not has_the or any(c.dep in NOUN_MODIFIER_IDS and c.pos == PROPN_ID for c in children):
            continue
        candidates = [key for key in last_seen if found.label(key) in names]
        if candidates:
            best = max(candidates, key=last_seen.__getitem__)
            found.add(found.kind(best), found.label(best), key=best)
            found.link(token.i, best)


DET_ID, THE_ID = get_string_id("det"), get_string_id("the")
#: The modifiers whose proper noun makes a name of "the alliance" ("the Atlantic alliance").
NOUN_MODIFIER_IDS = ids_of("compound", "amod", "nummod")


def _nouns_for_organisations(doc: Doc, *, gazetteer: Gazetteer, doc_index: DocIndex) -> set[int]:
    """Indices of the nouns that may stand for an organisation ("the bloc"). The nouns are grouped
    by lemma (``Token.lemma``, an int read at no cost) and each lemma is decoded and looked up once."""
    strings = doc.vocab.strings
    return {i for lemma, found in doc_index.by_lemma(pos="NOUN").items() if gazetteer.has_organisations_for_noun(strings[lemma].lower()) for i in found}


def _governments(found: ArticleEntities, doc: Doc, *, gazetteer: Gazetteer, nouns: frozenset[str], doc_index: DocIndex) -> None:
    """ "the German government", "Hungarian and Romanian officials" stand for their countries."""
    for token in doc_index.tokens_with(lower=nouns):
        if not (token.pos_ == "NOUN" or token.pos_ == "PROPN" and token.is_lower) or found.at(token.i) or token.lower_ not in nouns or token.dep_ == "compound":
            continue  # a compound is part of a longer name ("foreign ministry spokesperson")
        if _names_a_person(token, found):
            continue  # "Kenya's envoy, Amina Otieno,": the title of the person beside it (read by roles)
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


def _names_a_person(token: Token, found: ArticleEntities) -> bool:
    """Whether a singular government noun stands in apposition with a person's name ("China's
    climate envoy, Xie Lin," / "Xie Lin, China's envoy,"): it is then that person's title."""
    if token.tag_ != "NN":
        return False
    beside = [c for c in token.children if c.dep_ == "appos"]
    if token.dep_ == "appos":
        beside.append(token.head)
    return any(found.kind(k) is EntityKind.PERSON for t in beside for k in found.at(t.i))


def _pronouns(found: ArticleEntities, doc: Doc, *, doc_index: DocIndex, title_words: frozenset[str] = frozenset()) -> None:
    """he/she/his/her to the most recent person in reach, preferring sentence subjects. "The King
    said ..." counts as a mention of the person last named with that title ("King Charles")."""
    sentence_of = doc_index.sentence_number
    pronouns = {t.i for t in doc_index.tokens_with(lower=PERSONAL_PRONOUNS)}
    titled = {t.i for t in doc_index.tokens_with(lower=title_words)} if title_words else set()
    titled_person: dict[str, str] = {}  # title word -> the person last named right after it
    recent: list[tuple[int, str, bool]] = []  # (token index, person key, was a subject), in text order
    # the pronouns, the title words and the mentions (the loop links no other token)
    for i in sorted(pronouns.union(titled, (i for i, _ in found.linked()))):
        token = doc_index.tokens[i]
        if i in titled and not found.at(i):
            if token.lower_ in titled_person and any(c.dep_ == "det" and c.lower_ == "the" for c in doc_index.children(token)):
                recent.append((i, titled_person[token.lower_], _is_subject(token)))
            continue
        if i in pronouns and not found.at(token.i):  # (``pronouns``: the tokens whose ``lower_`` is one)
            here = sentence_of(token.i)
            # the latest subject in reach, else the latest mention in reach
            in_reach = list(takewhile(lambda r: here - sentence_of(r[0]) <= PRONOUN_REACH, reversed(recent)))
            chosen = next((r for r in in_reach if r[2]), in_reach[0] if in_reach else None)
            if chosen is not None:
                found.link(token.i, chosen[1])
            continue
        for key in found.at(token.i):
            if found.kind(key) is EntityKind.PERSON:
                recent.append((token.i, key, _is_subject(token) and not _in_time_clause(token)))
                if i > 0 and i - 1 in titled and not found.at(i - 1):
                    titled_person[doc_index.tokens[i - 1].lower_] = key


#: Subordinators of time clauses: "..., before President-elect X takes office" is a side remark,
#: its subject no antecedent preferred over the main clause's.
TIME_SUBORDINATORS = frozenset({"before", "until", "till", "once"})


def _in_time_clause(token: Token) -> bool:
    """A subject of an adverbial clause opened by "before", "until" or "once"."""
    verb = token.head
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in TIME_SUBORDINATORS for c in verb.children)


def _is_subject(token: Token) -> bool:
    """A sentence subject, or a name in apposition to one ("The conference president, Sultan Al Jaber, rejected")."""
    if token.dep_ in {"nsubj", "nsubjpass"}:
        return True
    return token.dep_ == "appos" and token.head.dep_ in {"nsubj", "nsubjpass"}


def _first_sentence(doc: Doc, doc_index: DocIndex | None) -> Span | None:
    """The first sentence of ``doc``, off ``doc_index`` where given (``doc.sents`` makes a Span
    of every sentence of the doc before it yields the first)."""
    if doc_index is not None:
        return doc_index.sentences[0] if doc_index.sentences else None
    return next(iter(doc.sents), None)


def defines_its_subject(doc: Doc, *, doc_index: DocIndex | None = None) -> bool:
    """Whether the article's first sentence defines its subject with a copula, as an
    encyclopedia does ("X (1923-2012) was a Norwegian politician", "The Y is a party in Z");
    not "It was the first visit in years", whose subject is no name."""
    first = _first_sentence(doc, doc_index)
    if first is None:
        return False
    root = first.root
    return (
        root.lemma_ == "be"
        and any(c.dep_ in {"nsubj", "nsubjpass"} and c.pos_ != "PRON" for c in root.children)
        and any(c.dep_ == "attr" for c in root.children)
    )


def opens_as_reference(doc: Doc, *, doc_index: DocIndex | None = None) -> bool:
    """Whether the article opens as a reference work does, not as news: its first sentence
    defines its subject, or gives the dates of the name it opens with in brackets ("Olav
    V (1903-1991) reigned as King of Norway"). News opens with a dateline or an event."""
    if defines_its_subject(doc, doc_index=doc_index):
        return True
    first = _first_sentence(doc, doc_index)
    if first is None:
        return False
    i = first.start
    while i < min(first.end, first.start + MAX_OPENING_NAME) and doc[i].pos_ == "PROPN":
        i += 1
    if i == first.start or i >= first.end or doc[i].text != "(":
        return False
    inside = []
    for token in doc[i + 1 : first.end]:
        if token.text == ")":
            return any(YEAR.search(t.text) for t in inside) or any(t.lower_ == "born" for t in inside)
        inside.append(token)
    return False


def _topic_pronouns(found: ArticleEntities, doc: Doc, *, doc_index: DocIndex) -> None:
    """In an article that opens as a reference work does with a person's name as its first
    subject ("Eivind Bolle (1923-2012) was a Norwegian politician"), "He"/"She" as a
    main-clause subject, and "His"/"Her" opening a sentence, refer to that person: the
    article's topic. (News names many people; its pronouns are left to the nearest one.)"""
    sentences = doc_index.sentences
    if not found.at(0) or not sentences or not opens_as_reference(doc, doc_index=doc_index):
        return
    topic = found.at(0)[0]
    root = sentences[0].root
    named = [t for t in sentences[0] if found.at(t.i) == (topic,)]
    if found.kind(topic) is not EntityKind.PERSON or not any(t.dep_ in {"nsubj", "nsubjpass"} and t.head.i == root.i for t in named):
        return
    male = sum(t.lower_ in MALE_PRONOUNS for t in doc)
    female = sum(t.lower_ in FEMALE_PRONOUNS for t in doc)
    pronouns = MALE_PRONOUNS if male > female else FEMALE_PRONOUNS if female > male else frozenset()
    for sent in sentences[1:]:
        for token in sent:
            if token.lower_ not in pronouns:
                continue
            subject = token.dep_ in {"nsubj", "nsubjpass"} and token.head.i == sent.root.i
            if subject or (token.i == sent.start and token.dep_ == "poss"):
                found.link(token.i, topic)


#: Pronouns that refer back to a country, organisation or group.
COLLECTIVE_PRONOUNS = frozenset({"it", "they"})
COLLECTIVE_POSSESSIVES = frozenset({"its", "their"})
COLLECTIVE_WORDS = COLLECTIVE_PRONOUNS | COLLECTIVE_POSSESSIVES
#: Verbs whose content clause a collective pronoun subject often shares the speaker of
#: ("China said it would ...", "the rebels announced they would ...").
REPORTING_VERBS = frozenset({
    "say", "tell", "state", "add", "announce", "confirm", "warn", "stress", "note", "insist",
    "declare", "explain", "claim", "argue", "reiterate", "vow", "pledge", "promise", "signal",
    "indicate", "threaten", "hint", "decide", "agree", "deny", "report",
})  # fmt: skip
#: Nouns for a body of people whose "of X" names who they are ("a delegation of Moroccan diplomats").
GROUP_NOUNS = frozenset({"group", "delegation", "team", "contingent", "party", "body", "number", "grouping"})
COLLECTIVE_KINDS = frozenset({EntityKind.COUNTRY, EntityKind.ORGANISATION, EntityKind.INTERNATIONAL_ORGANISATION})


def _group_heads(found: ArticleEntities, doc: Doc, *, doc_index: DocIndex) -> None:
    """ "a group of Moroccan diplomats", "a delegation from Japan" stand for who they are made of."""
    for token in doc_index.tokens_with(lemma=GROUP_NOUNS):
        if found.at(token.i) or token.lemma_.lower() not in GROUP_NOUNS or token.pos_ != "NOUN":
            continue
        keys = [
            k
            for prep in token.children
            if prep.dep_ == "prep" and prep.lower_ in {"of", "from"}
            for obj in prep.children
            if obj.dep_ == "pobj"
            for member in [obj, *obj.conjuncts]
            for k in found.at(member.i)
            if found.kind(k) in COLLECTIVE_KINDS or found.kind(k) is EntityKind.PERSON and prep.lower_ == "from"
        ]
        for n, key in enumerate(dict.fromkeys(keys)):
            found.link(token.i, key, replace=n == 0)


def link_reported_pronouns(found: ArticleEntities, doc: Doc, *, doc_index: DocIndex) -> None:
    """ "China said it would ...", "Hungary announced its support for ...": "it"/"its" is the speaker or subject.

    :func:`find_entities` runs it; extraction runs it again once groups of people are agents
    (:func:`.groups.link_group_agents`), so that "Kurdish leaders said they would ..." links "they"."""
    for token in doc_index.tokens_with(lower=COLLECTIVE_WORDS):
        word = token.lower_
        if found.at(token.i) or word not in COLLECTIVE_WORDS:
            continue
        if word in COLLECTIVE_PRONOUNS and token.dep_ in {"nsubj", "nsubjpass"}:
            clause = token.head
            while clause.dep_ in {"conj", "xcomp"} and clause.head.i != clause.i:
                clause = clause.head
            if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in REPORTING_VERBS:
                continue
            speakers = [s for c in doc_index.children(clause.head) if c.dep == NSUBJ_ID for s in [c, *c.conjuncts]]
        elif word in COLLECTIVE_POSSESSIVES and token.dep_ == "poss":
            speakers = _clause_subjects(token, doc_index=doc_index)
            # "the US backed Iraq in its fight": another agent in between makes "its" unclear
            if speakers and any(  # (by index: a Span would make a Token for each word between)
                found.at(i) and found.at(i) != found.at(speakers[0].i)
                for i in range(speakers[-1].i + 1, token.i)
            ):
                continue
        else:
            continue
        keys = [k for s in speakers for k in found.at(s.i) if found.kind(k) in COLLECTIVE_KINDS]
        if word in {"it", "its"} and len(set(keys)) != 1:
            continue
        for n, key in enumerate(dict.fromkeys(keys)):
            found.link(token.i, key, replace=n == 0)


def _clause_subjects(token: Token, *, doc_index: DocIndex) -> list[Token]:
    """Subjects of the clause a token sits in, found through its verb (not across clauses)."""
    children = doc_index.children
    head = token.head
    while head.pos_ not in {"VERB", "AUX"} and head.head.i != head.i:
        head = head.head
    while not any(c.dep in NOMINAL_SUBJECT_IDS for c in children(head)) and head.dep_ in {"conj", "xcomp", "acomp"} and head.head.i != head.i:
        head = head.head
    # (``dep``, an int, tested before ``conjuncts`` walks the tree: see NOMINAL_SUBJECT_IDS)
    found = [s for c in children(head) if c.dep in NOMINAL_SUBJECT_IDS for s in [c, *c.conjuncts]]
    if head.dep_ == "ccomp" and head.head.lemma_.lower() in REPORTING_VERBS:
        # "China said its partnership with Russia was strong": the speaker, if the clause names no one
        found += [s for c in children(head.head) if c.dep == NSUBJ_ID for s in [c, *c.conjuncts]]
    return found


#: Nouns that an apposition names ("his Indian counterpart, S. Jaishankar").
APPOSITIVE_HEADS = frozenset({"counterpart", "host", "guest", "visitor", "successor", "predecessor", "deputy", "rival", "ally"})
#: Plural nouns that "the two ..." / "both ..." use for the last two people named.
TWO_PEOPLE_NOUNS = frozenset({"leader", "minister", "president", "man", "woman", "official", "diplomat", "envoy", "premier", "counterpart"})
#: Plural nouns that "the two ..." / "both ..." use for the last two countries or bodies named.
TWO_PARTY_NOUNS = frozenset({"side", "country", "nation", "government", "state", "party", "partner", "ally", "neighbour", "neighbor", "organisation", "organization"})
TWO_NOUNS = TWO_PEOPLE_NOUNS | TWO_PARTY_NOUNS
#: How many sentences back "the two sides" may look for the parties.
TWO_PARTY_REACH = 2


def _appositive_names(found: ArticleEntities, doc: Doc, *, doc_index: DocIndex) -> None:
    """ "his Indian counterpart, S. Jaishankar": the noun stands for the person named beside it."""
    for token in doc_index.tokens_with(lemma=APPOSITIVE_HEADS):
        if found.at(token.i) or token.pos_ != "NOUN":
            continue
        if token.lemma_.lower() not in APPOSITIVE_HEADS:
            continue  # titles ("the Polish king, X") are read by roles
        people = [k for c in token.children if c.dep_ == "appos" for k in found.at(c.i) if found.kind(k) is EntityKind.PERSON]
        if len(set(people)) == 1:
            found.link(token.i, people[0])


def _two_party_references(found: ArticleEntities, doc: Doc, *, doc_index: DocIndex) -> None:
    """ "the two leaders", "both sides": the two people, or countries and bodies, named last
    (going back sentence by sentence, in reach); none if the sentence completing the pair names more."""
    sentences = doc_index.sentences
    for token in doc_index.tokens_with(lemma=TWO_NOUNS):
        if found.at(token.i) or token.pos_ != "NOUN" or token.tag_ not in {"NNS", "NNPS"}:
            continue
        lemma = token.lemma_.lower()
        if lemma not in TWO_NOUNS:
            continue
        both = any(c.lower_ == "both" and c.dep_ in {"det", "predet", "amod"} for c in token.children)
        two = any(c.lower_ == "two" and c.dep_ == "nummod" for c in token.children) and any(c.lower_ == "the" for c in token.children)
        if not (both or two):
            continue
        kinds = {EntityKind.PERSON} if lemma in TWO_PEOPLE_NOUNS else COLLECTIVE_KINDS
        here = doc_index.sentence_number(token.i)
        named: list[str] = []
        for n in range(here, max(-1, here - TWO_PARTY_REACH - 1), -1):
            span = sentences[n] if n < here else doc[sentences[n].start : token.i]
            named = list(dict.fromkeys([*named, *(k for t in span for k in found.at(t.i) if found.kind(k) in kinds)]))
            if len(named) >= 2:
                break  # more than two in the sentence that completes the pair is unclear
        if len(named) == 2:
            for m, key in enumerate(named):
                found.link(token.i, key, replace=m == 0)


FIRST_PERSON_SINGULAR = frozenset({"i", "me", "my", "myself", "mine"})


def link_first_person(found: ArticleEntities, doc: Doc, quotes) -> None:
    """ "Hammond said: I condemn ...": "I", "me" and "my" in a person's quote stand for that person.

    ``quotes`` are :class:`kgbuild.extract.quotes.Quote` records of ``doc``.
    """
    for quote in quotes:
        if quote.speaker is None:
            continue
        people = [k for k in found.at(quote.speaker) if found.kind(k) is EntityKind.PERSON]
        if len(people) != 1:
            continue
        span = doc.char_span(quote.start_char, quote.end_char, alignment_mode="expand")
        if span is None:
            continue
        for token in span:
            if token.lower_ in FIRST_PERSON_SINGULAR and not found.at(token.i):
                found.link(token.i, people[0])

"""Biographical facts: the shapes of encyclopedic English.

News names a leader with the country in the title ("French President Emmanuel
Macron"); an encyclopedia article often does not. It writes "President
Ulysses S. Grant" in an article about the United States, "was President of
Peru from 1985 to 1990", "served as prime minister", "a Ghanaian
diplomat", "born in Accra". The rules here read those shapes, each under its
own rule name (the name is in every fact's evidence):

* ``title-before-name-surface``: a title read off the words right before a
  name where the parse does not attach them ("at the request of President of
  Kenya Uhuru Kenyatta", "the President of Poland, Lech Walesa,",
  "the country's prime minister Sheikh Hasina"), and the body the parse left
  off a title it read ("European Commission President X" read as "President");
* ``title-name-of-country``: the country after a titled name ("Prime
  Minister Narendra Modi of India", "Foreign Minister X of China"; not "of
  India's ruling party");
* ``demonym-before-name``: "the British artist Jacob Epstein"; of a
  hyphenated "Pakistani-American" only the last demonym is a citizenship;
* ``office-predicate``: "was President of Panama", "who was the third
  President of Botswana", "served as Prime Minister of New Zealand", "reigned
  as King of Norway", "was elected president", "appointed her Minister
  of Finance of Peru";
* ``royal-style``: "King Constantine I of Greece" leads Greece, "Princess
  Helen of Greece" is Greek;
* ``former-office/citizen``: a former office gives no position and no
  leadership, but "former Afghan Prime Minister X" still says X is Afghan;
* ``birthplace``: "born in Dublin", "born in Kumasi, Ghana", "a native of
  Accra", "his native Poland";
* ``office-country/...``: an unqualified head of state or government
  ("President X", "became Prime Minister", "the presidency of X", "his
  reign") leads the country the article names for that office (``/named``),
  the one the person is a citizen of (``/citizen``), or the country the
  article is about (``/article``); ``/position`` where a head-of-state
  position was read with its country but with a word in front ("the 12th
  President of the United States"). These are inferences, made at a lower
  confidence, never where another named person holds that office of that
  country in the article, nor for two people with that bare title in one
  sentence ("President A met President B"), nor for the president of a
  conference or assembly. ``/named`` and ``/article`` are made only in an
  article that opens as a reference work does ("X is a ...", "X (1893-1953)
  reigned as ..."): news names the leaders of many countries ("President Biden
  welcomed Prime Minister Modi of India"), and neither the country it names
  most nor the one whose office it names is a bare-titled leader's;
* ``leader/citizen``: the head of a country's state or government is its
  citizen;
* ``party-member``: "X of the Labour Party", "Labour Party candidate X",
  "ran as the Y Party candidate", "joined the Y Party", "the party founded
  by X";
* ``organisation-member``: "Finland joined NATO", "it is a member state of
  the Arab League";
* ``war-participant``, ``battle-place`` and ``event-place-verb``: "took part
  in the Easter Rising", "a veteran of the Korean War", "the Battle of
  Narva" (held in Narva, so in Estonia), "the French Revolution" (in France),
  "the war took place in the Ohio valley"; "X, also known as Y" is one event;
* ``article-country/citizen``: in an article that opens as an encyclopedia
  does ("X is a Y") and is about one country, the people it names with no
  other nationality are that country's citizens (confidence 0.4: an inference
  from the article, never made for news, which does not open that way).
* ``office-inverted-copula``: "The first president of Ghana was X", "The
  current prime minister of Portugal is X" (asserted, not former, future or
  denied);
* ``member-state-apposition``: "Lithuania, a member state of the European
  Union, ..." (not "not a member state", "a former member state");
* ``demonym-before-names``: "the German envoys A and B": one demonym on a
  plural noun gives every listed name its country;
* ``leader-member``: "Solidarity leader X": the leader (chairman, chief) of a
  national organisation is one of its members (not the head of NATO);
* ``party-cofounder``: "Together with A and B, C formed the People's Front",
  "C founded the Green Party with A";
* ``war-side``: "Italy entered the First World War", "the war was fought
  between A and B"; "served as a nurse in the First World War" is a
  ``war-participant``.

The country an article is about is the only one it names, or one named at
least twice and twice as often as any other; in a biography with such a
country, the subject's own nationality ("X was a Malawian
politician") wins. "the country" and "the nation" refer to it; in news, to
the country named in that sentence or the one before, and to none if two
were named there.

Past and former offices. An encyclopedia states offices held in the past
("was President of Peru from 1985 to 1990"); such a statement is asserted
as read (the graph keeps no time on a fact; the evidence sentence carries the
dates), as the news rules do with "was". An office marked as not the current
one ("former", "ex-", "then", "late", "retired") or not yet held ("future",
"designate") gives no position and no leadership, only the citizenship its
demonym or country states.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from operator import itemgetter

from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from ..facts import EntityKind, Evidence, Fact, Modality, entity_key
from ..gazetteer import Gazetteer
from .docindex import DocIndex
from .entities import NAME_PARTICLES, ArticleEntities, clean_name, defines_its_subject, opens_as_reference
from .factuality import modality_of
from .lexicon import Lexicon
from .roles import OFFICE_MODIFIERS, _facts_for, _noun_phrase, _read_title, _Title, _titles_of
from .syntax import MODIFIER_IDS, POSSESSIVE_TAG_ID, PRON_ID, PROPN_ID, VERB_POS_IDS, conjuncts, prep_objects, subjects

__all__ = ["extract_biography"]

PERSON = EntityKind.PERSON
COUNTRY = EntityKind.COUNTRY
ORG_KINDS = frozenset({EntityKind.ORGANISATION, EntityKind.INTERNATIONAL_ORGANISATION})
#: The kinds that ``_keys`` looks for, made once (a ``frozenset({...})`` in a call is built on every call).
PERSON_ONLY = frozenset({PERSON})
COUNTRY_ONLY = frozenset({COUNTRY})
PLACE_ONLY = frozenset({EntityKind.PLACE})
HOLDER_KINDS = frozenset({COUNTRY, *ORG_KINDS})
AGENT_KINDS = frozenset({PERSON, COUNTRY, *ORG_KINDS})
PLACE_KINDS = frozenset({EntityKind.PLACE, COUNTRY})
#: The most words a title before a name may have ("former Kenyan Ambassador to the United Kingdom").
MAX_TITLE_WORDS = 8
HYPHENS = frozenset({"-", "–", "‑"})
#: "45th", "2nd": ordinals that qualify an office without being part of it.
ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$")
#: Common nouns that refer back to the country of the article ("the country's prime minister").
COUNTRY_NOUNS = frozenset({"country", "nation"})
#: Words after which a name closes an apposition ("the President of Poland, Lech Walesa, ...").
APPOSITION_CLOSERS = frozenset({",", ".", ")", ";", "and"})
#: How many times more often the article's country must be named than any other,
#: and how often at least, before an unqualified office is taken to be of it.
DOMINANCE = 2
MIN_COUNTRY_MENTIONS = 2
#: Nouns that, with a party named beside them, say what a founded or joined organisation is.
PARTY_NOUNS = frozenset({"party", "organization", "organisation", "movement", "group", "faction"})
#: Nouns of a membership that a state holds ("a member state of the Arab League").
MEMBER_STATE_NOUNS = frozenset({"state", "country", "nation"})
#: The id of the tag of a plural noun ("the German envoys").
PLURAL_NOUN_TAG_ID = get_string_id("NNS")
OF_ID, THE_ID = get_string_id("of"), get_string_id("the")
#: Roman numerals of regnal names ("Carol II", "Louis XIV").
REGNAL = re.compile(r"^(?=[IVXL])M*(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})$")


@dataclass(frozen=True)
class _Office:
    """An office some person holds or held, as read from one sentence."""

    person: str
    label: str  # the office without its country ("Prime Minister")
    evidence: Evidence
    former: bool = False


@dataclass(frozen=True)
class _Parse:
    """The tokens of a Doc, made once (iterating or indexing a Doc makes new Token objects,
    which is most of what these rules would otherwise cost), with each one's sentence start."""

    doc: Doc
    tokens: tuple[Token, ...]
    sentence_starts: tuple[int, ...]
    index: DocIndex
    #: The tokens that are title words (:func:`_is_title_word`), found once through the index: the
    #: rules ask it of the words before every name, and most words are none.
    title_words: frozenset[int] = frozenset()

    @classmethod
    def of(cls, doc: Doc, index: DocIndex, *, lexicon: Lexicon) -> _Parse:
        starts = [0] * len(doc)
        for sent in index.sentences:
            starts[sent.start : sent.end] = [sent.start] * (sent.end - sent.start)
        heads = lexicon.title_heads
        # (the index finds every token whose word or lower-cased lemma is listed; the test keeps it exact)
        title_words = frozenset(t.i for t in index.tokens_with(lower=heads, lemma=heads) if _is_title_word(t, lexicon))
        return cls(doc, index.tokens, tuple(starts), index, title_words)

    def sentence(self, token: Token) -> Span:
        """The sentence of ``token`` (``token.sent``, without spaCy's walk to its boundaries)."""
        return self.index.sentence(token)

    def of_pos(self, *pos: str) -> list[Token]:
        """The tokens of some parts of speech, in order (found through the index, not by a walk over every token)."""
        return self.index.tokens_with(pos=pos)


def extract_biography(
    doc: Doc, found: ArticleEntities, facts: list[Fact], *, gazetteer: Gazetteer, lexicon: Lexicon, article_id: str, doc_index: DocIndex | None = None
) -> list[Fact]:
    """Biographical facts of ``doc`` that the news rules do not read; ``facts`` are the facts found so far."""
    parse = _Parse.of(doc, doc_index or DocIndex(doc), lexicon=lexicon)
    countries = _country_mentions(parse, found)
    dominant = _dominant_country(countries)
    if dominant is not None:
        # a biography's country is its subject's, however often it names another
        dominant = _topic_country(doc, found, facts, doc_index=parse.index) or dominant
    reference = opens_as_reference(doc, doc_index=parse.index)
    _country_references(parse, found, countries, dominant, reference=reference)
    people = _mentions(parse, found, PERSON_ONLY)
    named = _named_mentions(parse, people, found)  # (read once: a key's label and the words do not change)
    # The run of words before each name, read once by the rules from here to _party_membership:
    # none of them links a token, so the runs (which depend on the links) stay as read.
    runs: dict[int, list[Token]] = {}
    new: list[Fact] = []
    offices: list[_Office] = []
    new += _titles_before_names(parse, named, found, facts, offices, runs, gazetteer=gazetteer, lexicon=lexicon, article_id=article_id)
    new += _office_predicates(parse, found, offices, gazetteer=gazetteer, lexicon=lexicon, article_id=article_id)
    new += _former_offices(parse, people, found, offices, gazetteer=gazetteer, lexicon=lexicon, article_id=article_id)
    _tenures(parse, found, offices, lexicon=lexicon, article_id=article_id)
    new += _royal_styles(parse, people, found, lexicon=lexicon, article_id=article_id)
    new += _countries_after_names(parse, named, found, [*facts, *new], runs, gazetteer=gazetteer, lexicon=lexicon, article_id=article_id)
    new += _birthplaces(parse, found, gazetteer=gazetteer, article_id=article_id)
    new += _party_membership(parse, people, found, runs, lexicon=lexicon, article_id=article_id)
    runs.clear()  # the rules below link tokens
    new += _organisation_membership(parse, found, lexicon=lexicon, article_id=article_id)
    new += _appositive_member_states(parse, found, lexicon=lexicon, article_id=article_id)
    new += _plural_demonym_lists(parse, found, gazetteer=gazetteer, article_id=article_id)
    new += _cofounders(parse, found, lexicon=lexicon, article_id=article_id)
    new += _inverted_office_copula(parse, found, gazetteer=gazetteer, lexicon=lexicon, article_id=article_id)
    events = _historic_events(parse, found, lexicon=lexicon)
    new += _war_participation(parse, found, events, lexicon=lexicon, article_id=article_id)
    new += _war_entries_and_sides(parse, found, events, lexicon=lexicon, article_id=article_id)
    new += _event_places(parse, found, events, gazetteer=gazetteer, lexicon=lexicon, article_id=article_id)
    new += _leaders_as_members(found, [*facts, *new])
    new += _article_country_offices(found, [*facts, *new], offices, dominant, reference=reference, lexicon=lexicon)
    new += _article_nationals(parse, named, found, [*facts, *new], dominant, article_id=article_id)
    return new


# -- shared helpers ---------------------------------------------------------------------


def _mentions(parse: _Parse, found: ArticleEntities, kinds: frozenset[EntityKind]) -> list[tuple[int, int, str]]:
    """(start, end, key) of each run of tokens standing for one entity of ``kinds`` (no pronouns)."""
    tokens = parse.tokens
    spans = []
    end = 0  # where the last run ended
    for i, keys in found.linked():  # a run starts at a token that stands for an entity
        if i >= end and len(keys) == 1 and found.kind(keys[0]) in kinds and tokens[i].pos != PRON_ID:  # (ids: no string read)
            end = i + 1
            while end < len(tokens) and found.at(end) == keys and tokens[end].pos != PRON_ID:
                end += 1
            spans.append((i, end, keys[0]))
    return spans


def _named_mentions(parse: _Parse, people: list[tuple[int, int, str]], found: ArticleEntities) -> list[tuple[int, int, str]]:
    """Mentions of people known by a full name ("Kwame Nkrumah", or "Nkrumah" for him): not
    the one-word names the model makes of other words ("Order", "Riksdag"), nor unnamed
    office holders ("the Norwegian prime minister")."""
    return [
        (start, end, key)
        for start, end, key in people
        if len(found.label(key).split()) > 1
        and all(t.pos == PROPN_ID or t.lower_ in NAME_PARTICLES or (t.text in HYPHENS and not t.whitespace_) for t in parse.tokens[start:end])
    ]


def _keys(token: Token, found: ArticleEntities, kinds: frozenset[EntityKind]) -> list[str]:
    return [k for k in found.at(token.i) if found.kind(k) in kinds]


def _people(tokens, found: ArticleEntities) -> list[str]:
    return list(dict.fromkeys(k for t in tokens for k in _keys(t, found, PERSON_ONLY)))


def _described_people(noun: Token, found: ArticleEntities) -> list[str]:
    """The people a description is about: "X was a Zambian politician", "X, a Zambian politician"."""
    people = _people([noun], found)
    if people:
        return people
    head = noun.head
    if noun.dep_ in {"attr", "acomp"} and head.lemma_ == "be":
        return _people([t for c in head.children if c.dep_ in {"nsubj", "nsubjpass"} for t in conjuncts(c)], found)
    if noun.dep_ == "appos":
        return _people([head], found)
    return []


def _subject_people(verb: Token, found: ArticleEntities) -> list[str]:
    """The people a verb's clause is about, through "who" and through described nouns."""
    people: list[str] = []
    if verb.dep_ == "xcomp" and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
        # "chose X to replace Y": the chosen one acts
        chosen = [t for c in verb.head.children if c.dep_ == "dobj" for t in conjuncts(c)]
        if chosen:
            return _people(chosen, found)
    for subject in subjects(verb):
        people += _people([subject], found) or _described_people(subject, found)
    if not people and verb.dep_ in {"advcl", "acl"} and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
        # "Born in Madrid, X studied law": the participle's subject is the main clause's
        people = _people(subjects(verb.head), found) if verb.dep_ == "advcl" else _described_people(verb.head, found)
    return list(dict.fromkeys(people))


def _is_title_word(token: Token, lexicon: Lexicon) -> bool:
    return token.lower_ in lexicon.title_heads or token.lemma_.lower() in lexicon.title_heads


def _is_membership(title: _Title) -> bool:
    """ "a member of the council", "the first member of the royal family": a membership, not an office."""
    return bool({"member", "members"} & set(title.office.lower().split()))


def _is_subnational(office: str, lexicon: Lexicon) -> bool:
    words = office.lower().replace("-", " ").split()
    return any(" ".join(words[-n:]) in lexicon.biography.subnational for n in (1, 2, 3) if len(words) >= n)


def _cite(parse: _Parse, sent: Span, *, rule: str, confidence: float, article_id: str) -> Evidence:
    """``syntax.evidence(sent, ...)`` for a sentence of the doc, made once per sentence and rule by the index
    (``Span.text`` and ``Token.sent`` walk the tokens on every call)."""
    return parse.index.evidence(parse.tokens[sent.start], article_id=article_id, rule=rule, confidence=confidence)


def _fact(parse: _Parse, subject: str, relation: str, obj: str, sent: Span, *, rule: str, confidence: float, article_id: str, modality: Modality = Modality.ASSERTED) -> Fact:
    return Fact(subject, relation, obj, modality, _cite(parse, sent, article_id=article_id, rule=rule, confidence=confidence))


def _office_facts(parse: _Parse, person: str, title: _Title, found: ArticleEntities, *, rule: str, lexicon: Lexicon, article_id: str) -> list[Fact]:
    """Position, leadership and citizenship of a current office (no citizenship from a state's or city's office)."""
    facts = _facts_for(person, title, found, rule=rule, lexicon=lexicon, article_id=article_id, doc_index=parse.index)
    if _is_subnational(title.office, lexicon):
        facts = [f for f in facts if f.relation != "citizenOf"]
    return facts


def _former_citizenship(parse: _Parse, person: str, title: _Title, found: ArticleEntities, *, lexicon: Lexicon, article_id: str) -> list[Fact]:
    """ "former Afghan Prime Minister X": no current office, but X is Afghan."""
    if title.holder_of is None or found.kind(title.holder_of) is not COUNTRY or _is_subnational(title.office, lexicon):
        return []
    return [_fact(parse, person, "citizenOf", title.holder_of, parse.sentence(title.anchor), rule="former-office/citizen", confidence=0.65, article_id=article_id)]


def _country_mentions(parse: _Parse, found: ArticleEntities) -> list[tuple[int, str]]:
    """(first token, country key) of each mention of a country, in order."""
    mentions: list[tuple[int, str]] = []
    previous: tuple[str, ...] = ()  # the countries of the token before
    last = -2
    for i, linked in found.linked():  # the other tokens stand for no country
        # (most tokens stand for one entity: its kind read without a generator)
        keys = (linked if found.kind(linked[0]) is COUNTRY else ()) if len(linked) == 1 else tuple(k for k in linked if found.kind(k) is COUNTRY)
        if keys and (keys != previous or i != last + 1):
            mentions.extend((i, k) for k in keys)
        previous, last = keys, i
    return mentions


def _country_references(parse: _Parse, found: ArticleEntities, mentions: list[tuple[int, str]], dominant: str | None, *, reference: bool) -> None:
    """ "the country", "the nation" to the country the article is about, else the one it last
    named. In news (not ``reference``) the country last named in that sentence or the one
    before comes first, and none if it named two there ("the trip to China by America's top
    diplomat ... met the country's top diplomat": which country is not said)."""
    starts = [i for i, _ in mentions]
    for token in parse.index.tokens_with(lower=COUNTRY_NOUNS):
        if token.pos_ != "NOUN" or found.at(token.i):
            continue
        before = bisect.bisect_left(starts, token.i)
        last = dominant or (mentions[before - 1][1] if before else None)
        if not reference:
            sent_start = parse.sentence_starts[token.i]
            reach = parse.sentence_starts[sent_start - 1] if sent_start else 0
            near = {key for i, key in mentions[:before] if i >= reach}
            if len(near) > 1:
                continue
            last = next(iter(near)) if near else last
        if last is None:
            continue
        if any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in token.children) and not any(
            c.dep_ in {"amod", "compound", "prep", "nummod"} for c in token.children
        ):
            found.link(token.i, last)


# -- titles before names ------------------------------------------------------------------


def _titles_before_names(
    parse: _Parse, named: list[tuple[int, int, str]], found: ArticleEntities, facts: list[Fact], offices: list[_Office], runs: dict[int, list[Token]], *, gazetteer: Gazetteer, lexicon: Lexicon, article_id: str
) -> list[Fact]:
    """Titles read off the words before a name (``named``: the :func:`_named_mentions`)."""
    out: list[Fact] = []
    tokens = parse.tokens
    # (person, sentence) -> whether a title the parse gave there names whose office it is
    titled: dict[tuple[str, int], bool] = {}
    for f in facts:
        if f.relation == "holdsPosition":
            where = (f.subject, f.evidence.start)
            titled[where] = titled.get(where, False) or found.country_of(f.object) is not None
    for start, end, person in named:
        sent = parse.sentence(tokens[start])
        # the title rules link a title's head word to the name ("President" of "Commission President X")
        linked = start
        while linked < end - 1 and linked in parse.title_words:
            linked += 1
        if linked > start and titled.get((person, sent.start_char)) is False:
            body_title = _body_before_title(parse, start, linked, found, lexicon=lexicon)
            if body_title is not None:
                out += _office_facts(parse, person, body_title, found, rule="title-before-name-surface", lexicon=lexicon, article_id=article_id)
        run = _cached_run_before(parse, start, found, runs, lexicon=lexicon)
        appositive = False
        if not run and start - 1 > sent.start and tokens[start - 1].text == "," and (end >= sent.end or tokens[end].lower_ in APPOSITION_CLOSERS):
            # "the President of Poland, Lech Walesa, attended"
            run = _run_before(parse, start - 1, found, lexicon=lexicon)
            first = run[0].i if run else start
            appositive = first - 1 >= sent.start and tokens[first - 1].lower_ == "the" and (first - 2 < sent.start or tokens[first - 2].text != ",")
            if not appositive:
                continue
        if not run:
            continue
        if not appositive:
            for country in _demonym_countries(run, found, gazetteer):
                out.append(_fact(parse, person, "citizenOf", country, sent, rule="demonym-before-name", confidence=0.7, article_id=article_id))
        title_words = _title_tokens(parse, run, found, gazetteer=gazetteer, lexicon=lexicon)
        if not title_words or any(t.lower_ in lexicon.biography.not_yet for t in run):
            continue
        title = _read_title(title_words, found, gazetteer=gazetteer, lexicon=lexicon)
        if title is None or _is_membership(title) or (appositive and title.holder_of is None):
            continue
        if title.former:
            out += _former_citizenship(parse, person, title, found, lexicon=lexicon, article_id=article_id)
            if title.holder_of is None:
                offices.append(_Office(person, title.office, _cite(parse, sent, article_id=article_id, rule="", confidence=0), former=True))
            continue
        if (person, sent.start_char) in titled and (titled[(person, sent.start_char)] or title.holder_of is None):
            continue  # the parse gave this title already (if without its country or body, the words give it)
        out += _office_facts(parse, person, title, found, rule="title-before-name-surface", lexicon=lexicon, article_id=article_id)
    return out


def _plural_demonym_lists(parse: _Parse, found: ArticleEntities, *, gazetteer: Gazetteer, article_id: str) -> list[Fact]:
    """ "the German envoys Hans Weber and Karl Richter": a demonym on a plural noun describes
    every name listed after it (rule ``demonym-before-names``; one demonym only: "the German
    and French ministers A and B" does not say whose is whose)."""
    out: list[Fact] = []
    for noun in parse.of_pos("NOUN"):
        if noun.tag != PLURAL_NOUN_TAG_ID:  # (the id: no string read for every noun)
            continue
        demonyms = [c for c in parse.index.children(noun) if c.i < noun.i and c.dep in MODIFIER_IDS]
        countries = _demonym_countries(demonyms, found, gazetteer) if demonyms else []
        if len(countries) != 1:
            continue
        heads = [c for c in parse.index.children(noun) if c.dep_ == "appos"]
        if noun.dep_ == "compound" and noun.head.i > noun.i:
            heads.append(noun.head)
        names = [t for h in heads for t in conjuncts(h)]
        people = _people(names, found)
        if len(people) < 2:
            continue  # one name: the demonym-before-name rule reads it
        for person in people:
            out.append(_fact(parse, person, "citizenOf", countries[0], parse.sentence(noun), rule="demonym-before-names", confidence=0.7, article_id=article_id))
    return out


def _body_before_title(parse: _Parse, start: int, end: int, found: ArticleEntities, *, lexicon: Lexicon) -> _Title | None:
    """ "European Commission President X" where the parse read the title ``tokens[start:end]``
    ("President") without the body named right before it: the title of that body."""
    tokens = parse.tokens
    sent_start = parse.sentence_starts[start]
    keys = tuple(_holder_keys(tokens[start - 1], found)) if start - 1 >= sent_start else ()
    if len(keys) != 1:
        return None
    first = start - 1
    while first - 1 >= sent_start and found.at(first - 1) == found.at(start - 1):
        first -= 1
    if first - 1 >= sent_start and (tokens[first - 1].lower_ in lexicon.former or tokens[first - 1].lower_ in lexicon.biography.not_yet):
        return None
    office = " ".join(t.text for t in tokens[start:end])
    surface = " ".join(t.text for t in tokens[first:end])
    return _Title(office=office, surface=surface, holder_of=keys[0], former=False, anchor=tokens[end - 1])


def _run_before(parse: _Parse, start: int, found: ArticleEntities, *, lexicon: Lexicon) -> list[Token]:
    """The words right before a name that can describe it: titles, demonyms, countries,
    organisations, nouns and adjectives, "of"/"for" before a country ("President of
    Pakistan"), a possessive after a country ("Bangladesh's")."""
    tokens = parse.tokens
    sent_start = parse.sentence_starts[start] if start < len(tokens) else 0
    run: list[Token] = []
    holder_next = False  # whether run[0], the word after token i, stands for a country or organisation
    i = start - 1
    while i >= sent_start and len(run) < MAX_TITLE_WORDS:
        token = tokens[i]
        keys = found.at(i)
        before = tokens[i - 1] if i - 1 >= sent_start else None
        if keys:
            if not _holder_keys(token, found):
                break
        elif token.tag == POSSESSIVE_TAG_ID:  # (the tag id: no string read)
            if before is None or not _holder_keys(before, found):
                break
        else:
            lower = token.lower_
            if lower in {"of", "for"}:
                if not (holder_next and before is not None and before.i in parse.title_words):
                    break
            elif lower == "the":
                if not (holder_next and before is not None and before.lower_ in {"of", "for"}):
                    break
            elif token.text in HYPHENS:
                if not (run and before is not None and before.is_alpha):
                    break
            elif not (token.pos_ in {"NOUN", "PROPN", "ADJ"} or lower in lexicon.former):
                break
        run.insert(0, token)
        holder_next = bool(keys)  # a word with keys got here only as a holder; one without is none
        i -= 1
    return run


def _cached_run_before(parse: _Parse, start: int, found: ArticleEntities, runs: dict[int, list[Token]], *, lexicon: Lexicon) -> list[Token]:
    """``_run_before(parse, start, ...)``, read once per ``start`` into ``runs`` (valid while no token is linked)."""
    run = runs.get(start)
    if run is None:
        run = runs[start] = _run_before(parse, start, found, lexicon=lexicon)
    return run


def _holder_keys(token: Token, found: ArticleEntities) -> list[str]:
    return _keys(token, found, HOLDER_KINDS)


def _demonym_countries(run: list[Token], found: ArticleEntities, gazetteer: Gazetteer) -> list[str]:
    """Countries of the demonyms in a run; "Pakistani-American" gives the last one only,
    and "Russian-backed" none."""
    keys: list[str] = []
    doc = run[0].doc
    for token in run:
        if not token.is_title or found.at(token.i) and not _keys(token, found, COUNTRY_ONLY):
            continue
        if not gazetteer.is_demonym(token.text):
            continue
        if token.i + 1 < len(doc) and doc[token.i + 1].text in HYPHENS:
            continue
        country = gazetteer.country(token.text)
        keys.append(found.add(COUNTRY, country.name, surface=token.text, wikidata=country.wikidata))
    return list(dict.fromkeys(keys))


def _title_tokens(parse: _Parse, run: list[Token], found: ArticleEntities, *, gazetteer: Gazetteer, lexicon: Lexicon) -> list[Token]:
    """The title part of a run: from its first title word, country or organisation on,
    without ordinals and other qualifiers ("the 12th President" -> "President")."""
    words = lexicon.biography

    def starts_title(token: Token) -> bool:
        return (
            token.i in parse.title_words
            or token.lower_ in OFFICE_MODIFIERS
            or token.lower_ in lexicon.former
            or bool(_holder_keys(token, found))
            or (token.is_title and gazetteer.is_demonym(token.text))
        )

    while run and not starts_title(run[0]):
        run = run[1:]
    return [t for t in run if not _filler(t, words)]


def _filler(token: Token, words) -> bool:
    lower = token.lower_
    # (an ordinal starts with a digit: the pattern is tried only then)
    return lower in words.office_fillers or (lower[:1].isdigit() and bool(ORDINAL.match(lower))) or token.ent_type_ == "ORDINAL"


# -- offices in predicates ----------------------------------------------------------------


def _office_predicates(parse: _Parse, found: ArticleEntities, offices: list[_Office], *, gazetteer: Gazetteer, lexicon: Lexicon, article_id: str) -> list[Fact]:
    """ "was President of Panama", "served as prime minister", "was elected president"."""
    words = lexicon.biography
    out: list[Fact] = []
    for verb in parse.index.tokens_with(lemma=words.office_verbs | words.succession_verbs | words.appointment_verbs):
        if verb.pos not in VERB_POS_IDS:  # (tested first, on the id: most are not verbs)
            continue
        lemma = verb.lemma_.lower()
        if lemma in words.office_verbs:
            if lemma == "be" and verb.dep_ == "xcomp":
                continue  # "nominated X to be", "is said to be": not an office held
            complements = [c for c in parse.index.children(verb) if c.dep_ in {"attr", "oprd"}] if lemma in {"be", "become", "remain"} else []
            complements += [t for _, t in prep_objects(verb, "as")]
            if not complements:
                continue  # (most verbs, "be" above all, have none: their holders need not be read)
            holders = _subject_people(verb, found)
        elif lemma in words.succession_verbs:
            # "X replaced Y as president": both held the office
            holders = _subject_people(verb, found) + _people([t for c in verb.children if c.dep_ == "dobj" for t in conjuncts(c)], found)
            complements = [t for _, t in prep_objects(verb, "as")]
        elif lemma in words.appointment_verbs:
            passive = any(c.dep_ == "nsubjpass" for c in verb.children)
            if passive:
                holders = _subject_people(verb, found)
            else:
                holders = _people([t for c in verb.children if c.dep_ == "dobj" for t in conjuncts(c)], found)
                # "Karzai appointed him": "him" is never the one who appoints
                holders = [p for p in holders if p not in _people(subjects(verb), found)]
            complements = [c for c in verb.children if c.dep_ in {"oprd", "attr"}]
            complements += [t for _, t in prep_objects(verb, "as", *(("to",) if lemma == "promote" else ()))]
        else:
            continue
        if not holders or not complements:
            continue
        modality = modality_of(verb, lexicon=lexicon)
        if not modality.is_positive:
            continue
        for noun in complements:
            if noun.pos_ not in {"NOUN", "PROPN"} or (found.at(noun.i) and not _holder_keys(noun, found)):
                continue
            phrase = _noun_phrase(noun)
            if any(t.lower_ in words.not_yet for t in phrase):
                continue
            title = _read_title([t for t in phrase if not _filler(t, words)], found, gazetteer=gazetteer, lexicon=lexicon)
            if title is None or _is_membership(title):
                continue
            for person in holders:
                if title.former:
                    out += _former_citizenship(parse, person, title, found, lexicon=lexicon, article_id=article_id)
                    continue
                for fact in _office_facts(parse, person, title, found, rule="office-predicate", lexicon=lexicon, article_id=article_id):
                    out.append(replace(fact, modality=modality))
                if title.holder_of is None:
                    offices.append(_Office(person, title.office, _cite(parse, parse.sentence(verb), article_id=article_id, rule="", confidence=0)))
    return out


def _inverted_office_copula(parse: _Parse, found: ArticleEntities, *, gazetteer: Gazetteer, lexicon: Lexicon, article_id: str) -> list[Fact]:
    """ "The first president of Ghana was X", "The current prime minister of Portugal is X":
    the office as the copula's subject and the named holder as its complement, read as
    "X was the first president of Ghana" is (rule ``office-inverted-copula``)."""
    words = lexicon.biography
    out: list[Fact] = []
    for verb in parse.index.tokens_with(lemma={"be"}):
        if verb.lemma_ != "be" or verb.pos_ not in {"AUX", "VERB"}:
            continue
        holders = _people([t for c in verb.children if c.dep_ == "attr" and c.pos_ == "PROPN" for t in conjuncts(c)], found)
        offices = [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "NOUN" and not found.at(c.i)]
        if not holders or not offices:
            continue
        if modality_of(verb, lexicon=lexicon) is not Modality.ASSERTED:
            continue  # "the president of X is not Y", "the next president will be Y"
        phrase = _noun_phrase(offices[0])
        if any(t.lower_ in words.not_yet or t.lower_ in lexicon.former or t.lower_ in {"next", "incoming"} for t in phrase):
            continue  # "the next president of X is Y", "the former minister was Y"
        title = _read_title([t for t in phrase if not _filler(t, words)], found, gazetteer=gazetteer, lexicon=lexicon)
        if title is None or title.former or _is_membership(title) or title.holder_of is None:
            continue
        for person in holders:
            out += _office_facts(parse, person, title, found, rule="office-inverted-copula", lexicon=lexicon, article_id=article_id)
    return out


def _former_offices(parse: _Parse, people: list[tuple[int, int, str]], found: ArticleEntities, offices: list[_Office], *, gazetteer: Gazetteer, lexicon: Lexicon, article_id: str) -> list[Fact]:
    """Citizenship from the former offices the title rules pass over ("X, a former Afghan minister")."""
    out: list[Fact] = []
    for start, end, person in people:
        # the mention's syntactic head: the token whose head lies outside it
        # (a one-word mention is its own head: no walk over its words)
        root = parse.tokens[start] if end - start == 1 else next((t for t in parse.tokens[start:end] if not start <= t.head.i < end or t.head.i == t.i), parse.tokens[end - 1])
        for _, title in _titles_of(root, found, gazetteer=gazetteer, lexicon=lexicon, doc_index=parse.index):
            if title.former:
                out += _former_citizenship(parse, person, title, found, lexicon=lexicon, article_id=article_id)
                if title.holder_of is None:
                    offices.append(_Office(person, title.office, _cite(parse, parse.sentence(root), article_id=article_id, rule="", confidence=0), former=True))
    return out


def _tenures(parse: _Parse, found: ArticleEntities, offices: list[_Office], *, lexicon: Lexicon, article_id: str) -> None:
    """ "the presidency of Harry Truman", "during his reign": the office the person held
    (its country is left to :func:`_article_country_offices`)."""
    for noun in parse.index.tokens_with(lemma=lexicon.biography.tenures):  # (a tenure's lemma, of any part of speech)
        office = lexicon.biography.tenures.get(noun.lemma_.lower())
        if office is None or noun.pos_ != "NOUN":
            continue
        holders = [t for _, t in prep_objects(noun, "of")] + [c for c in noun.children if c.dep_ == "poss"]
        for person in _people(holders, found):
            offices.append(_Office(person, office, _cite(parse, parse.sentence(noun), article_id=article_id, rule="tenure", confidence=0)))


def _countries_after_names(
    parse: _Parse, named: list[tuple[int, int, str]], found: ArticleEntities, facts: list[Fact], runs: dict[int, list[Token]], *, gazetteer: Gazetteer, lexicon: Lexicon, article_id: str
) -> list[Fact]:
    """ "Prime Minister Narendra Modi of India", "Foreign Minister Wang Yi of China": a title
    before the name with its country after it (monarchs and royals are :func:`_royal_styles`')."""
    words = lexicon.biography
    tokens = parse.tokens
    with_country = {(f.subject, f.evidence.start) for f in facts if f.relation == "holdsPosition" and found.country_of(f.object) is not None}
    # (person, sentence) -> the office the title rules read there without its country
    bare = {(f.subject, f.evidence.start): found.label(f.object) for f in facts if f.relation == "holdsPosition" and found.country_of(f.object) is None}
    out: list[Fact] = []
    for start, end, person in named:
        j = end + 1
        if j >= len(tokens) or tokens[end].lower_ != "of" or parse.sentence_starts[j] != parse.sentence_starts[start]:
            continue
        if all(i in parse.title_words for i in range(start, end)):
            continue  # "the President of Mauritius": an office, not a name
        j += tokens[j].lower_ == "the"
        countries = _keys(tokens[j], found, COUNTRY_ONLY) if j < len(tokens) else []
        after = j
        while after < len(tokens) and countries and found.at(after) == found.at(j):
            after += 1
        if len(countries) != 1 or (after < len(tokens) and (tokens[after].tag_ == "POS" or tokens[after].text in HYPHENS)):
            continue  # "President X of India's ruling party", "of Indian-American descent"
        sent = parse.sentence(tokens[start])
        if (person, sent.start_char) in with_country:
            continue
        run = _cached_run_before(parse, start, found, runs, lexicon=lexicon)
        if any(t.lower_ in lexicon.former or t.lower_ in words.not_yet for t in run):
            continue
        if (person, sent.start_char) in bare:
            office = bare[(person, sent.start_char)]
            title = _Title(office=office, surface=office, holder_of=None, former=False, anchor=tokens[start])
        else:
            title = _read_title(_title_tokens(parse, run, found, gazetteer=gazetteer, lexicon=lexicon), found, gazetteer=gazetteer, lexicon=lexicon)
        if title is None or title.holder_of is not None or title.former or _is_membership(title):
            continue
        office = title.office.lower().split()
        if {office[-1], " ".join(office[-2:])} & (words.monarchs | words.royals):
            continue
        out += _office_facts(parse, person, replace(title, holder_of=countries[0]), found, rule="title-name-of-country", lexicon=lexicon, article_id=article_id)
    return out


def _royal_styles(parse: _Parse, people: list[tuple[int, int, str]], found: ArticleEntities, *, lexicon: Lexicon, article_id: str) -> list[Fact]:
    """ "King Carol I of Romania", "Philip V of Spain" lead their country; "Princess Helen of
    Greece" is Greek. A monarch's title or a regnal numeral makes the name a reign."""
    words = lexicon.biography
    tokens = parse.tokens
    out: list[Fact] = []
    for start, end, person in people:
        if end + 1 >= len(tokens) or tokens[end].lower_ != "of":
            continue
        countries = _keys(tokens[end + 1], found, COUNTRY_ONLY)
        nxt = end + 1
        while nxt < len(tokens) and found.at(nxt) == found.at(end + 1):
            nxt += 1
        if nxt + 1 < len(tokens) and tokens[nxt].lower_ == "and":
            countries += _keys(tokens[nxt + 1], found, COUNTRY_ONLY)
        if not countries:
            continue
        # the title before the name, or inside the mention where the title rules linked it
        near = [t.lower_ for t in tokens[max(start - 2, parse.sentence_starts[start]) : end]]
        pairs = {" ".join(near[n : n + 2]) for n in range(len(near) - 1)}
        if set(near) & lexicon.former:
            continue
        noble = bool((set(near) | pairs) & words.royals)
        reign = not noble and (bool(set(near) & words.monarchs) or bool(REGNAL.match(tokens[end - 1].text)))
        if not (noble or reign):
            continue
        sent = parse.sentence(tokens[start])
        for country in dict.fromkeys(countries):
            out.append(_fact(parse, person, "citizenOf", country, sent, rule="royal-style", confidence=0.7, article_id=article_id))
            if reign and len(countries) == 1:
                out.append(_fact(parse, person, "leaderOf", country, sent, rule="royal-style", confidence=0.7, article_id=article_id))
    return out


# -- birth ---------------------------------------------------------------------------------


def _birthplaces(parse: _Parse, found: ArticleEntities, *, gazetteer: Gazetteer, article_id: str) -> list[Fact]:
    """ "born in Dublin", "born in Kumasi, Ghana", "a native of Accra", "his native Poland"."""
    out: list[Fact] = []
    for token in parse.index.tokens_with(lower={"born", "native"}):
        people: list[str] = []
        places: list[Token] = []
        if token.lower_ == "born" and token.pos_ in {"VERB", "AUX"}:
            places = [t for _, t in prep_objects(token, "in")][:1]
            people = _subject_people(token, found)
            if not people and token.head.i != token.i:
                people = _people([token.head], found)  # "X (born 1950 in Accra)"
        elif token.lower_ == "native" and token.pos_ == "NOUN":
            places = [t for _, t in prep_objects(token, "of")][:1]
            people = _described_people(token, found) or _people([token.head], found)
        elif token.lower_ == "native" and token.pos_ == "ADJ" and token.dep_ == "amod":
            places = [token.head]
            people = _people([c for c in token.head.children if c.dep_ == "poss"], found)
        if not people or not places:
            continue
        for country in _countries_of_place(places[0], found, gazetteer):
            for person in people:
                out.append(_fact(parse, person, "citizenOf", country, parse.sentence(token), rule="birthplace", confidence=0.6, article_id=article_id))
    return out


def _countries_of_place(token: Token, found: ArticleEntities, gazetteer: Gazetteer) -> list[str]:
    """The country a place names: itself, its capital's country, or the country after it ("Kumasi, Ghana")."""
    countries = _keys(token, found, COUNTRY_ONLY)
    if countries:
        return countries[:1]
    for key in _keys(token, found, PLACE_ONLY):
        country = gazetteer.country_by_capital(found.label(key))
        if country is not None:
            return [found.add(COUNTRY, country.name, wikidata=country.wikidata)]
    for child in token.children:
        if child.dep_ in {"appos", "conj", "npadvmod"}:
            countries = _keys(child, found, COUNTRY_ONLY)
            if countries:
                return countries[:1]
    doc = token.doc
    after = token.right_edge.i + 1
    if after + 1 < len(doc) and doc[after].text == ",":
        return _keys(doc[after + 1], found, COUNTRY_ONLY)[:1]
    return []


# -- parties and organisations ---------------------------------------------------------------


def _is_party(key: str, found: ArticleEntities, lexicon: Lexicon) -> bool:
    words = found.label(key).lower().split()
    return found.kind(key) is EntityKind.ORGANISATION and bool(words) and (words[-1] in lexicon.biography.party_heads or _party_head_before_of(words))


#: Party heads that keep their sense before an "of"/"for" phrase ("Movement for Multi-party
#: Democracy", "Party of Regions", "Front for the Liberation of X"; not "Congress of Deputies",
#: "League of Nations").
PARTY_HEADS_BEFORE_OF = frozenset({"party", "movement", "front"})


def _party_head_before_of(words: list[str]) -> bool:
    """A name whose head comes before its first "of"/"for" phrase and is a party noun (rule
    ``party-member`` and ``party-founder`` read such names as parties)."""
    for n, word in enumerate(words[1:], start=1):
        if word in {"of", "for"}:
            return words[n - 1] in PARTY_HEADS_BEFORE_OF
    return False


def _party_membership(parse: _Parse, people: list[tuple[int, int, str]], found: ArticleEntities, runs: dict[int, list[Token]], *, lexicon: Lexicon, article_id: str) -> list[Fact]:
    words = lexicon.biography
    tokens = parse.tokens
    out: list[Fact] = []
    # "Uma Bharti of the Janata Party", "Labour Party candidate X"
    for start, end, person in people:
        sent = parse.sentence(tokens[start])
        j = end
        if j < len(tokens) and tokens[j].lower == OF_ID:  # (ids: no string read)
            j += 1
            if j < len(tokens) and tokens[j].lower == THE_ID:
                j += 1
            for key in found.at(j) if j < len(tokens) else ():
                if _is_party(key, found, lexicon):
                    out.append(_fact(parse, person, "memberOf", key, sent, rule="party-member", confidence=0.7, article_id=article_id))
        run = _cached_run_before(parse, start, found, runs, lexicon=lexicon)
        if run and (run[-1].lower_ in words.party_roles or run[-1].lemma_.lower() in words.party_roles):
            for token in run:
                for key in found.at(token.i):
                    if _is_party(key, found, lexicon):
                        out.append(_fact(parse, person, "memberOf", key, sent, rule="party-member", confidence=0.7, article_id=article_id))
    # the nouns and verbs the rules below read, found by their lemma
    for token in parse.index.tokens_with(lemma=words.party_roles | words.join_verbs | words.found_verbs):
        lemma = token.lemma_.lower()
        # "ran as the MMD candidate", "was elected as the candidate of the Labour Party"
        if token.pos_ == "NOUN" and lemma in words.party_roles and token.dep_ == "pobj" and token.head.lower_ == "as":
            people = _subject_people(token.head.head, found)
            for key in _party_keys(token, found, lexicon):
                for person in people:
                    out.append(_fact(parse, person, "memberOf", key, parse.sentence(token), rule="party-member", confidence=0.7, article_id=article_id))
        elif token.pos_ == "VERB" and (lemma in words.join_verbs or lemma in words.found_verbs):
            out += _joined_or_founded(parse, token, found, lexicon=lexicon, article_id=article_id)
    return out


def _party_keys(noun: Token, found: ArticleEntities, lexicon: Lexicon) -> list[str]:
    """Parties named as a noun's modifier, "of"-phrase or apposition ("the Labour Party candidate")."""
    tokens = [c for c in noun.children if c.dep_ in {"compound", "nmod", "poss", "appos"}]
    tokens += [t for _, t in prep_objects(noun, "of", "for")]
    return list(dict.fromkeys(k for t in tokens for k in found.at(t.i) if _is_party(k, found, lexicon)))


def _organisations_named(noun: Token, found: ArticleEntities, lexicon: Lexicon) -> list[str]:
    """The organisation a noun stands for: its own entity, or one in apposition or compound
    to a party noun ("a new party - the Union for Renewal", "the organization Minsei Domei")."""
    keys = [k for k in found.at(noun.i) if found.kind(k) in ORG_KINDS]
    if keys:
        return keys
    if noun.lemma_.lower() in PARTY_NOUNS:
        return list(dict.fromkeys(
            k for c in noun.children if c.dep_ in {"appos", "compound", "nmod"} for t in conjuncts(c) for k in found.at(t.i) if found.kind(k) in ORG_KINDS
        ))
    return []


def _joined_or_founded(parse: _Parse, verb: Token, found: ArticleEntities, *, lexicon: Lexicon, article_id: str) -> list[Fact]:
    """ "X joined the Labour Party" (and "Finland joined NATO"), "X founded the Y Party", "the party founded by X"."""
    words = lexicon.biography
    founding = verb.lemma_.lower() in words.found_verbs
    passive = any(c.dep_ == "nsubjpass" for c in verb.children) or (verb.dep_ == "acl" and verb.tag_ == "VBN")
    if passive:
        members = [t for _, t in prep_objects(verb, "by")]
        targets = [t for c in verb.children if c.dep_ == "nsubjpass" for t in conjuncts(c)] or [verb.head]
    else:
        members = subjects(verb)
        targets = [t for c in verb.children if c.dep_ == "dobj" for t in conjuncts(c)]
    orgs: list[str] = []
    for target in targets:
        if target.lemma_.lower() in {"leader", "head", "minister", "counterpart", "official"}:
            continue  # "joined EU leaders in calling for": their company, not their organisation
        orgs += _organisations_named(target, found, lexicon) or _it_antecedent(target, found)
    modality = modality_of(verb, lexicon=lexicon)
    out = []
    for member in members:
        for key in _keys(member, found, AGENT_KINDS):
            kind = found.kind(key)
            for org in dict.fromkeys(orgs):
                if org == key:
                    continue
                if kind is PERSON and (_is_party(org, found, lexicon) or any(t.lemma_.lower() in PARTY_NOUNS for t in targets)):
                    rule = "party-founder" if founding else "party-member"
                elif kind in (COUNTRY, EntityKind.INTERNATIONAL_ORGANISATION) and found.kind(org) is EntityKind.INTERNATIONAL_ORGANISATION and not founding:
                    rule = "organisation-member"
                else:
                    continue
                out.append(_fact(parse, key, "memberOf", org, parse.sentence(verb), rule=rule, confidence=0.7, article_id=article_id, modality=modality))
    return out


def _cofounders(parse: _Parse, found: ArticleEntities, *, lexicon: Lexicon, article_id: str) -> list[Fact]:
    """ "Together with A and B, C formed the People's Front", "C founded the Green Party with A",
    "Joining together with A, C formed the organization X": the companions found it too
    (rule ``party-cofounder``; people only, of what the founding rule reads as a party)."""
    words = lexicon.biography
    out: list[Fact] = []
    for verb in parse.index.tokens_with(lemma=words.found_verbs):
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in words.found_verbs:
            continue
        founded = [f for f in _joined_or_founded(parse, verb, found, lexicon=lexicon, article_id=article_id) if f.evidence.rule == "party-founder"]
        if not founded:
            continue
        companions = [t for _, t in prep_objects(verb, "with", "alongside")]
        companions += [
            t for c in verb.children
            if c.dep_ == "advcl" and c.lemma_.lower() == "join" and any(a.lower_ == "together" for a in c.children)
            for _, t in prep_objects(c, "with")
        ]
        for person in _people(companions, found):
            for fact in founded:
                if person != fact.subject:
                    out.append(replace(fact, subject=person, evidence=replace(fact.evidence, rule="party-cofounder")))
    return list(dict.fromkeys(out))


def _it_antecedent(token: Token, found: ArticleEntities) -> list[str]:
    """ "It" at the head of a clause: the country or organisation that was the subject of the
    sentence before (encyclopedia articles open with their topic and go on with "it")."""
    if token.lower_ != "it":
        return []
    sent = token.sent
    doc = token.doc
    if sent.start == 0:
        return []
    previous = doc[sent.start - 1].sent
    for t in previous:
        if t.dep_ in {"nsubj", "nsubjpass"}:
            keys = [k for k in found.at(t.i) if found.kind(k) in ORG_KINDS or found.kind(k) is COUNTRY]
            if keys:
                return keys[:1]
    return []


def _organisation_membership(parse: _Parse, found: ArticleEntities, *, lexicon: Lexicon, article_id: str) -> list[Fact]:
    """ "a member state of the Arab League", "a United Nations member state"."""
    out: list[Fact] = []
    for noun in parse.index.tokens_with(lemma=MEMBER_STATE_NOUNS):
        if noun.lemma_.lower() not in MEMBER_STATE_NOUNS or noun.pos_ != "NOUN":
            continue
        if not any(c.dep_ in {"compound", "amod"} and c.lower_ in {"member", "founding"} for c in noun.children):
            continue
        orgs = [k for c in noun.children if c.dep_ in {"compound", "nmod"} for k in found.at(c.i) if found.kind(k) in ORG_KINDS]
        orgs += [k for _, t in prep_objects(noun, "of") for k in found.at(t.i) if found.kind(k) in ORG_KINDS]
        members: list[str] = []
        head = noun.head
        if noun.dep_ in {"attr", "conj", "appos"}:
            while noun.dep_ in {"conj", "appos"} and head.pos_ == "NOUN":
                noun, head = head, head.head
            if head.lemma_ == "be":
                for s in (c for c in head.children if c.dep_ == "nsubj"):
                    members += [k for k in found.at(s.i) if found.kind(k) is COUNTRY] or _it_antecedent(s, found)
        for member in members:
            for org in dict.fromkeys(orgs):
                out.append(_fact(parse, member, "memberOf", org, parse.sentence(head), rule="organisation-member", confidence=0.7, article_id=article_id))
    return out


def _appositive_member_states(parse: _Parse, found: ArticleEntities, *, lexicon: Lexicon, article_id: str) -> list[Fact]:
    """ "Lithuania, a member state of the European Union, ...", "Chile, an APEC member
    economy's neighbour" is not one: only a "member state/country/nation" noun in apposition
    to a country (rule ``member-state-apposition``)."""
    out: list[Fact] = []
    for noun in parse.index.tokens_with(lemma=MEMBER_STATE_NOUNS):
        if noun.lemma_.lower() not in MEMBER_STATE_NOUNS or noun.pos_ != "NOUN" or noun.dep_ != "appos":
            continue
        modifiers = [c for c in noun.children if c.dep_ in {"compound", "amod"}]
        if not any(c.lower_ in {"member", "founding"} for c in modifiers) or any(t.lower_ in lexicon.former or t.lower_ in {"non", "non-member", "not", "never"} for t in parse.doc[min(noun.head.i + 1, noun.i) : noun.i]):
            continue
        members = [k for t in conjuncts(noun.head) for k in found.at(t.i) if found.kind(k) is COUNTRY]
        orgs = [k for c in noun.children if c.dep_ in {"compound", "nmod"} for k in found.at(c.i) if found.kind(k) in ORG_KINDS]
        orgs += [k for _, t in prep_objects(noun, "of") for k in found.at(t.i) if found.kind(k) in ORG_KINDS]
        for member in dict.fromkeys(members):
            for org in dict.fromkeys(orgs):
                out.append(_fact(parse, member, "memberOf", org, parse.sentence(noun), rule="member-state-apposition", confidence=0.7, article_id=article_id))
    return out


# -- wars and battles -------------------------------------------------------------------------


def _historic_events(parse: _Parse, found: ArticleEntities, *, lexicon: Lexicon) -> dict[int, str]:
    """Named wars, battles, uprisings ("the Easter Rising", "Battle of Narva",
    "World War II"), whatever label the model gave them: token index -> event key."""
    words = lexicon.biography
    events: dict[int, str] = {}
    doc, tokens = parse.doc, parse.tokens
    last_key: str | None = None
    last_end = 0
    for token in parse.index.tokens_with(lower=words.war_heads, lemma=words.war_heads):  # the only words that can match
        if not token.is_title or token.lower_ not in words.war_heads and token.lemma_.lower() not in words.war_heads:
            continue
        start = token.i
        while start > parse.sentence_starts[token.i] and _name_word(tokens[start - 1]):
            start -= 1
        end = token.i + 1
        if end < len(tokens) and REGNAL.match(tokens[end].text):
            end += 1  # "World War II"
        elif end + 1 < len(tokens) and tokens[end].lower_ == "of":
            j = end + 1
            if tokens[j].lower_ == "the":
                j += 1
            k = j
            while k < len(tokens) and _name_word(tokens[k]):
                k += 1
            if k > j:
                end = k
        if end - start < 2:
            continue
        existing = [k for i in range(start, end) for k in found.at(i) if found.kind(k) is EntityKind.EVENT]
        name = clean_name(doc[start:end].text)
        between = [t.lower_ for t in tokens[last_end:start] if t.lower_ not in {"the", ",", "("}] if last_key else []
        if between in (["also", "known", "as"], ["or"], ["known", "as"]):
            # "the Pastry War, also known as the First French Intervention": one event, two names
            key = last_key
            found.add(EntityKind.EVENT, found.label(key), surface=name, key=key)
        elif existing:
            key = existing[0]
        else:
            key = found.add(EntityKind.EVENT, name, key=entity_key(EntityKind.EVENT, name), event_type="Event")
        last_key, last_end = key, end
        for i in range(start, end):
            events[i] = key
        if not found.at(token.i) or not existing:
            found.link(token.i, key)
    return events


def _name_word(token: Token) -> bool:
    """A capitalised word that can be part of an event's name."""
    return (token.is_title or token.is_upper) and token.pos_ in {"PROPN", "ADJ", "NOUN"}


def _event_of(token: Token, events: dict[int, str], found: ArticleEntities) -> list[str]:
    if token.i in events:
        return [events[token.i]]
    return [k for k in found.at(token.i) if found.kind(k) is EntityKind.EVENT and k in events.values()]


def _war_participation(parse: _Parse, found: ArticleEntities, events: dict[int, str], *, lexicon: Lexicon, article_id: str) -> list[Fact]:
    """ "fought in the Korean War", "took part in the Uprising", "a veteran of the Boer War",
    "the Battle of Narva, which was commanded by X"."""
    words = lexicon.biography
    out: list[Fact] = []
    if not events:
        return out
    for token in parse.of_pos("VERB", "NOUN"):
        lemma = token.lemma_.lower()
        if token.pos_ == "VERB" and lemma in words.war_verbs:
            if lemma == "take" and not any(c.dep_ == "dobj" and c.lower_ == "part" for c in token.children):
                continue
            passive = any(c.dep_ in {"nsubjpass", "agent"} for c in token.children)
            if passive:
                agent_tokens = [t for _, t in prep_objects(token, "by")]
                targets = [t for c in token.children if c.dep_ == "nsubjpass" for t in conjuncts(c)]
                if token.dep_ == "relcl" and targets and targets[0].lower_ in {"which", "that"}:
                    targets = [token.head]
            else:
                agent_tokens = subjects(token)
                targets = [t for c in token.children if c.dep_ == "dobj" for t in conjuncts(c)]
            targets += [t for _, t in prep_objects(token, "in", "during", "at")]
            targets += [t for c in token.children if c.dep_ == "dobj" and c.lower_ == "part" for _, t in prep_objects(c, "in")]
            targets += _wars_of_role(token)
            agents = [k for t in agent_tokens for k in _keys(t, found, AGENT_KINDS)]
            modality = modality_of(token, lexicon=lexicon)
        elif token.pos_ == "NOUN" and lemma == "veteran":
            # "a veteran of the Korean War", "a World War I veteran"
            targets = [t for _, t in prep_objects(token, "of")] + [c for c in token.children if c.dep_ in {"compound", "nmod"}]
            agents = _described_people(token, found)
            modality = Modality.ASSERTED
        else:
            continue
        keys = list(dict.fromkeys(k for t in targets for k in _event_of(t, events, found)))
        if not keys or not modality.is_positive:
            continue
        for agent in dict.fromkeys(agents):
            for event in keys:
                out.append(_fact(parse, agent, "attends", event, parse.sentence(token), rule="war-participant", confidence=0.7, article_id=article_id, modality=modality))
    return out


#: Titles whose holder leads a party or movement from inside it ("Labour leader X", "the
#: chairman of the Unity Party"); not a head of a body made of states ("NATO Secretary General").
MEMBER_LEADER_TITLES = frozenset({"leader", "co-leader", "chairman", "chairwoman", "chairperson", "chair", "chief"})


def _leaders_as_members(found: ArticleEntities, facts: list[Fact]) -> list[Fact]:
    """ "Solidarity leader X", "X, the chairman of the Unity Party": the leader of a (national,
    not international) organisation is one of its members (rule ``leader-member``)."""
    positions = {(f.subject, f.evidence.start): f.object for f in facts if f.relation == "holdsPosition" and f.modality is Modality.ASSERTED}
    out: list[Fact] = []
    for f in facts:
        if f.relation != "leaderOf" or f.modality is not Modality.ASSERTED or found.kind(f.object) is not EntityKind.ORGANISATION:
            continue
        position = positions.get((f.subject, f.evidence.start))
        words = found.label(position).lower().split() if position else []
        if not words or words[0] not in MEMBER_LEADER_TITLES or words[1:2] != ["of"]:
            continue
        out.append(Fact(f.subject, "memberOf", f.object, Modality.ASSERTED, replace(f.evidence, rule="leader-member", confidence=min(f.evidence.confidence, 0.7))))
    return out


def _war_entries_and_sides(parse: _Parse, found: ArticleEntities, events: dict[int, str], *, lexicon: Lexicon, article_id: str) -> list[Fact]:
    """ "Italy entered the First World War" (a named war as the direct object of "enter") and
    "the Winter War was fought between Finland and the Soviet Union" (the sides of a war
    fought or waged "between" them) take part in it (rule ``war-side``)."""
    out: list[Fact] = []
    if not events:
        return out
    for verb in parse.of_pos("VERB"):
        lemma = verb.lemma_.lower()
        passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children)
        if lemma == "enter" and not passive:
            agents = [k for t in subjects(verb) for k in _keys(t, found, AGENT_KINDS)]
            targets = [t for c in verb.children if c.dep_ == "dobj" for t in conjuncts(c)]
        elif lemma in {"fight", "wage"} and passive:
            agents = [k for _, t in prep_objects(verb, "between") for k in _keys(t, found, AGENT_KINDS)]
            targets = [t for c in verb.children if c.dep_ == "nsubjpass" for t in conjuncts(c)]
        else:
            continue
        keys = list(dict.fromkeys(k for t in targets for k in _event_of(t, events, found)))
        modality = modality_of(verb, lexicon=lexicon)
        if not keys or not agents or not modality.is_positive:
            continue
        for agent in dict.fromkeys(agents):
            for event in keys:
                out.append(_fact(parse, agent, "attends", event, parse.sentence(verb), rule="war-side", confidence=0.7, article_id=article_id, modality=modality))
    return out


def _wars_of_role(verb: Token) -> list[Token]:
    """ "served as a nurse in the First World War", "served as a field surgeon and as an adviser
    to the cabinet in the war": the parse hangs the war on the role, not on "served" (rule
    ``war-participant``)."""
    if verb.lemma_.lower() != "serve":
        return []
    roles = [t for _, t in prep_objects(verb, "as")]
    roles += [t for c in verb.children if c.dep_ == "conj" and c.lower_ == "as" for _, t in prep_objects(c, "as")]
    roles += [t for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" for cc in c.children if cc.dep_ == "conj" and cc.lower_ == "as" for t in cc.children if t.dep_ == "pobj"]
    return [t for role in roles for _, t in prep_objects(role, "in", "during")]


def _event_places(parse: _Parse, found: ArticleEntities, events: dict[int, str], *, gazetteer: Gazetteer, lexicon: Lexicon, article_id: str) -> list[Fact]:
    """ "the Battle of Narva" was fought at Narva (and so in Estonia); "the French Revolution"
    happened in France; "the war took place in the Ohio valley"."""
    words = lexicon.biography
    out: list[Fact] = []
    places_by_label = {found.label(k).lower(): k for k in found.keys() if found.kind(k) in PLACE_KINDS}
    seen: set[str] = set()
    for i, key in sorted(events.items()):
        if key in seen:
            continue
        seen.add(key)
        label = found.label(key)
        head, _, place = label.partition(" of ")
        place = clean_name(place)
        places: list[str] = []
        if place and head.split()[-1].lower() in words.place_named_events:
            # "the Battle of Chiari": whatever else the model took "Chiari" for, a battle is named after its place
            country = gazetteer.country(place)
            if place.lower() in places_by_label:
                places.append(places_by_label[place.lower()])
            elif country is not None and not gazetteer.is_demonym(place):
                places.append(found.add(COUNTRY, country.name, wikidata=country.wikidata))
            elif place[:1].isupper() and all(found.label(k).lower() != place.lower() for k in found.keys(PERSON)):
                places.append(found.add(EntityKind.PLACE, place, surface=place))
        elif not place:
            # "the French Revolution", "the Mexican War": a war or revolution named after its country
            first = label.split()[0]
            country = gazetteer.country(first) if gazetteer.is_demonym(first) and "-" not in first else None
            if country is not None and label.split()[-1].lower() in words.war_heads:
                places.append(found.add(COUNTRY, country.name, wikidata=country.wikidata))
        for place_key in list(places):
            capital_of = gazetteer.country_by_capital(found.label(place_key)) if found.kind(place_key) is EntityKind.PLACE else None
            if capital_of is not None:
                places.append(found.add(COUNTRY, capital_of.name, wikidata=capital_of.wikidata))
        for place_key in places:
            out.append(_fact(parse, key, "heldIn", place_key, parse.sentence(parse.tokens[i]), rule="battle-place", confidence=0.7, article_id=article_id))
    for verb in parse.index.tokens_with(lemma=words.event_place_verbs):
        if verb.lemma_.lower() not in words.event_place_verbs or verb.pos_ != "VERB":
            continue
        if verb.lemma_.lower() == "take" and not any(c.dep_ == "dobj" and c.lower_ == "place" for c in verb.children):
            continue
        subjects_ = [t for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} for t in conjuncts(c)]
        if verb.dep_ == "relcl":
            subjects_ = [verb.head] if not subjects_ or subjects_[0].lower_ in {"which", "that"} else subjects_
        event_keys: list[str] = []
        for subject in subjects_:
            event_keys += [k for k in found.at(subject.i) if found.kind(k) is EntityKind.EVENT]
            if not event_keys and subject.dep_ == "attr" and subject.head.lemma_ == "be":
                event_keys += [k for c in subject.head.children if c.dep_ == "nsubj" for k in found.at(c.i) if found.kind(k) is EntityKind.EVENT]
        if not event_keys:
            continue
        places: list[str] = []
        for _, obj in prep_objects(verb, "in", "at", "near"):
            places += _keys(obj, found, PLACE_KINDS) or [k for c in obj.children if c.dep_ in {"compound", "amod"} for k in _keys(c, found, PLACE_KINDS)]
        for event in dict.fromkeys(event_keys):
            for place in dict.fromkeys(places):
                out.append(_fact(parse, event, "heldIn", place, parse.sentence(verb), rule="event-place-verb", confidence=0.75, article_id=article_id))
    return out


# -- the country of an unqualified office ---------------------------------------------------


def _article_country_offices(
    found: ArticleEntities, facts: list[Fact], offices: list[_Office], dominant: str | None, *, reference: bool, lexicon: Lexicon
) -> list[Fact]:
    """ "President X" with no country: the country the article gives that office, the
    person's own country, or the country the article is about. The article's country and
    its offices are read only in an article that opens as a reference work does
    (``reference``): news names the leaders of many countries ("President Biden welcomed
    Prime Minister Modi of India"), and the country it names most is not theirs."""
    heads = lexicon.biography.head_of_state
    events = frozenset(lexicon.event_types)
    positive = [f for f in facts if f.modality.is_positive]
    leaders = {f.subject for f in positive if f.relation == "leaderOf"}
    citizenship: dict[str, set[str]] = {}
    for f in positive:
        if f.relation == "citizenOf":
            citizenship.setdefault(f.subject, set()).add(f.object)
    named_offices: dict[str, set[str]] = {}  # office -> countries the article names it of, held by no one named
    held: dict[tuple[str, str], set[str]] = {}  # (office, country) -> named people holding it
    claims = list(offices)
    for holder in found.keys(PERSON):
        led = found.leads_of(holder)
        if led is not None:
            # "appointed by the President of Ghana": the office, named with its country
            office = _head_office(found.label(holder).rsplit(" of ", 1)[0], heads, events=events)
            if office is not None:
                named_offices.setdefault(office, set()).add(led)
    for f in positive:
        if f.relation != "holdsPosition" or found.kind(f.subject) is not PERSON:
            continue
        country = found.country_of(f.object)
        label = found.label(f.object)
        if country is None:
            claims.append(_Office(f.subject, label, f.evidence))
            continue
        office = _head_office(label.rsplit(" of ", 1)[0], heads, events=events)
        if office is not None and found.kind(country) is COUNTRY:
            held.setdefault((office, country), set()).add(f.subject)
    out: list[Fact] = []
    for (office, country), people in held.items():
        # "the 12th President of Ghana, X": a head of state whatever the ordinal
        for person in people - leaders:
            ev = next(f.evidence for f in positive if f.relation == "holdsPosition" and f.subject == person and found.country_of(f.object) == country)
            out.append(Fact(person, "leaderOf", country, Modality.ASSERTED, replace(ev, rule="office-country/position", confidence=0.75)))
            leaders.add(person)
    # Two people called by one unqualified title in one sentence ("President Biden and
    # President Lula") are not both that office's holders of one country.
    sentences: dict[tuple[str, int], set[str]] = {}
    for claim in claims:
        office = _head_office(claim.label, heads, events=events)
        if office is not None:
            sentences.setdefault((office, claim.evidence.start), set()).add(claim.person)
    done: set[tuple[str, str]] = set()
    for claim in claims:
        office = _head_office(claim.label, heads, events=events)
        if office is None or claim.person in leaders or (claim.person, office) in done:
            continue
        if len(sentences[(office, claim.evidence.start)]) > 1:
            continue
        done.add((claim.person, office))
        own = citizenship.get(claim.person, set())
        country, how, confidence = None, "", 0.0
        if len(own) == 1:
            country, how, confidence = next(iter(own)), "citizen", 0.6
        elif len(named_offices.get(office, ())) == 1 and reference:
            country, how, confidence = next(iter(named_offices[office])), "named", 0.6
        elif not own and not named_offices.get(office) and dominant is not None and reference:
            country, how, confidence = dominant, "article", 0.5
        if country is None or held.get((office, country), set()) - {claim.person}:
            continue
        if not claim.former:
            out.append(Fact(claim.person, "leaderOf", country, Modality.ASSERTED, replace(claim.evidence, rule=f"office-country/{how}", confidence=confidence)))
        if how != "citizen":
            out.append(Fact(claim.person, "citizenOf", country, Modality.ASSERTED, replace(claim.evidence, rule=f"office-country/{how}/citizen", confidence=round(confidence - 0.05, 2))))
            citizenship.setdefault(claim.person, set()).add(country)
    # A head of a country's state or government is its citizen (however the leadership was read).
    for f in positive:
        if f.relation == "leaderOf" and found.kind(f.subject) is PERSON and found.kind(f.object) is COUNTRY and not citizenship.get(f.subject):
            out.append(Fact(f.subject, "citizenOf", f.object, Modality.ASSERTED, replace(f.evidence, rule="leader/citizen", confidence=0.6)))
            citizenship.setdefault(f.subject, set()).add(f.object)
    return out


def _head_office(label: str, heads: frozenset[str], *, events: frozenset[str] = frozenset()) -> str | None:
    """The head-of-state office a position label ends in ("long-time President" -> "president");
    none for a vice, deputy or acting one, nor for the president of a meeting (one of
    ``events``: "the conference president", "the Assembly President")."""
    words = label.lower().replace("-", " ").split()
    for n in (2, 1):
        if len(words) >= n and " ".join(words[-n:]) in heads:
            before = words[-n - 1] if len(words) > n else ""
            if before in {"vice", "deputy", "assistant", "acting", "interim", "crown", "former", "ex", "late"} or before in events:
                return None
            return " ".join(words[-n:])
    return None


def _topic_country(doc: Doc, found: ArticleEntities, facts: list[Fact], *, doc_index: DocIndex | None = None) -> str | None:
    """The nationality of the person an encyclopedia article is about ("X (1931-2009) was a
    Malawian politician"), when the article states one."""
    topic = found.at(0)[0] if found.at(0) else None
    if topic is None or found.kind(topic) is not PERSON or not _is_encyclopedic(doc, doc_index=doc_index):
        return None
    countries = {f.object for f in facts if f.subject == topic and f.relation == "citizenOf" and f.modality.is_positive}
    return next(iter(countries)) if len(countries) == 1 else None


def _dominant_country(mentions: list[tuple[int, str]]) -> str | None:
    """The country the article is about: the only country it names, or one named at least
    twice and at least twice as often as any other (a demonym counts as a mention)."""
    counts: dict[str, int] = {}
    for _, key in mentions:
        counts[key] = counts.get(key, 0) + 1
    # ``Counter(...).most_common(2)`` without its heap: a stable sort, so that of two counted as
    # often the first named comes first, as there
    ranked = sorted(counts.items(), key=itemgetter(1), reverse=True)[:2]
    if not ranked:
        return None
    top, count = ranked[0]
    if len(ranked) == 1:
        return top
    return top if count >= MIN_COUNTRY_MENTIONS and count >= DOMINANCE * ranked[1][1] else None


def _is_encyclopedic(doc: Doc, *, doc_index: DocIndex | None = None) -> bool:
    """Whether the article opens as an encyclopedia does: its first sentence defines its
    subject with a copula ("X (1923-2012) was a Norwegian politician", "The Y is a party in Z")."""
    return defines_its_subject(doc, doc_index=doc_index)


def _article_nationals(parse: _Parse, named: list[tuple[int, int, str]], found: ArticleEntities, facts: list[Fact], dominant: str | None, *, article_id: str) -> list[Fact]:
    """In an encyclopedia article about one country, the people it names with no other
    nationality are that country's citizens (an inference from the article, at a low confidence)."""
    if dominant is None or not _is_encyclopedic(parse.doc, doc_index=parse.index):
        return []
    linked = {f.subject for f in facts if f.relation in {"citizenOf", "leaderOf"} and f.modality.is_positive}
    linked |= {f.subject for f in facts if f.relation == "holdsPosition" and found.country_of(f.object)}
    out = []
    seen = set()
    for start, _, person in named:
        if person in linked or person in seen:
            continue
        seen.add(person)
        out.append(_fact(parse, person, "citizenOf", dominant, parse.sentence(parse.tokens[start]), rule="article-country/citizen", confidence=0.4, article_id=article_id))
    return out

"""Who was where: the ways news puts a person at an event or a place without "attend" or "visit".

Wire copy rarely says "attended". Each rule here reads one shape and names itself in the
evidence (``presence/<name>``):

* ``left-event``: "left the summit early", "flew home from a NATO leaders' meeting";
* ``place-for-event``: "was in Osaka for the summit", "flew to Cornwall for the summit", "flew
  into the resort for a few hours at the climate summit", "is expected in Rome for the summit",
  "arrived in Rome ahead of the summit", "was in Tbilisi for talks with X" (a visit), "leaders,
  including X, gathered in Rome for the summit" (attends only);
* ``chair``: "X, who chaired the two-day summit" hosts it (a summit or conference, not a session);
* ``meal-with``: "had breakfast with X", "had tea with the Queen" (a meeting);
* ``among-gathered``: "X and Y were among those who gathered in the city";
* ``attending-participle``: "was in Rome, attending the summit", "agreed ..., after meeting on the
  sidelines of the summit";
* ``listed-attendees``: "Attendees included X", "Among the guests were X", "X was also present",
  "X and Y were in attendance";
* ``envoy``: "sent Foreign Minister X to the summit", "will be represented at the summit by X";
* ``where-clause``: "took him to Paris, where he held talks", "talks in Riyadh, where he met X";
* ``left-for``: "left Cornwall for Brussels";
* ``acting-abroad``: "In Abu Dhabi, X held talks with Y", "X met Y in Beijing", for a person whose
  own country (from a title) is not the place's.

The modality of a fact is that of its verb: "will fly to Rio for the summit" stays planned, "did
not fly to Cornwall for the summit" negated.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from ..facts import EntityKind, Fact, Modality
from ..gazetteer import Gazetteer
from .docindex import DocIndex
from .entities import ArticleEntities
from .factmaking import make_fact
from .lexicon import Lexicon
from .syntax import POBJ_ID, PREP_ID, VERB_POS_IDS, conjuncts, objects, subjects

__all__ = ["extract_presence"]

AGENT_KINDS = frozenset({EntityKind.PERSON, EntityKind.COUNTRY, EntityKind.ORGANISATION, EntityKind.INTERNATIONAL_ORGANISATION})
PLACE_KINDS = frozenset({EntityKind.PLACE, EntityKind.COUNTRY})
#: Verbs of leaving whose "from" phrase (or, for "leave", object) is an event one was at.
LEAVING_VERBS = frozenset({"fly", "return", "leave", "depart", "head", "rush", "walk", "storm", "exit"})
#: Verbs of being or getting somewhere: with a place and an event ("was in Osaka for the summit").
BEING_VERBS = frozenset({"be", "fly", "arrive", "travel", "come", "go", "land", "stay", "head", "jet", "expect", "gather", "assemble", "converge"})
#: Of those, the verbs of a crowd: "leaders, including X, gathered in Rome for the summit" says
#: who attended, not who travelled (the host was at home).
CROWD_VERBS = frozenset({"gather", "assemble", "converge"})
#: Meals and drinks shared with someone ("had breakfast with Trump", "had tea with the Queen").
MEAL_NOUNS = frozenset({"breakfast", "lunch", "dinner", "supper", "tea", "coffee", "luncheon", "brunch", "meal"})
#: Verbs of sharing a meal.
MEAL_VERBS = frozenset({"have", "share", "eat", "take", "host", "join"})
#: Verbs of a crowd coming together ("leaders gathered in Kazan").
GATHER_VERBS = frozenset({"gather", "assemble", "converge", "descend", "meet", "attend"})
#: Event types whose chair is their host.
CHAIRED_TYPES = frozenset({"Summit", "Conference"})
#: Participles of taking part ("..., attending the summit").
PARTICIPLE_VERBS = frozenset({"attend", "join", "address", "lead", "represent", "chair", "meet", "talk"})
#: Nouns for the people at an event ("Attendees included X", "Among the guests were X").
ATTENDEE_NOUNS = frozenset({"attendee", "participant", "guest", "delegate", "invitee"})
#: Subordinators that make a participle's act a condition, not a fact.
CONDITIONS = frozenset({"if", "unless", "whether"})
#: How far back (in sentences) an event mention may be to be "the event in view".
EVENT_WINDOW = 2


def extract_presence(
    doc: Doc, found: ArticleEntities, *, lexicon: Lexicon, article_id: str, doc_index: DocIndex,
    gazetteer: Gazetteer | None = None, prior: list[Fact] | None = None,
) -> list[Fact]:
    """attends, hosts, visits and meets facts from the shapes listed in the module docstring.

    ``prior`` are the facts read so far (a person's own country, from their title, keeps
    "In Washington, Biden met X" from making Biden a visitor of Washington); ``gazetteer`` finds
    the country of a capital."""
    facts: list[Fact] = []
    facts += _left_event(doc_index, found, lexicon=lexicon, article_id=article_id)
    facts += _place_for_event(doc_index, found, lexicon=lexicon, article_id=article_id)
    facts += _chaired(doc_index, found, lexicon=lexicon, article_id=article_id)
    facts += _meal_with(doc_index, found, lexicon=lexicon, article_id=article_id)
    facts += _gathered(doc, doc_index, found, lexicon=lexicon, article_id=article_id)
    facts += _attending_participle(doc_index, found, lexicon=lexicon, article_id=article_id)
    facts += _listed_attendees(doc, doc_index, found, lexicon=lexicon, article_id=article_id)
    facts += _sent_to(doc_index, found, lexicon=lexicon, article_id=article_id)
    facts += _where_clause(found, prior or [], gazetteer=gazetteer, lexicon=lexicon, article_id=article_id, doc_index=doc_index)
    facts += _left_for(doc_index, found, lexicon=lexicon, article_id=article_id)
    facts += _acting_abroad(found, prior or [], gazetteer=gazetteer, lexicon=lexicon, article_id=article_id, doc_index=doc_index)
    return facts


def _events(token: Token, found: ArticleEntities) -> list[str]:
    """The events (not visits) a token stands for."""
    return [k for k in found.at(token.i) if found.kind(k) is EntityKind.EVENT and found.event_type(k) != "Visit"]


def _agents(tokens: list[Token], found: ArticleEntities) -> list[str]:
    keys: list[str] = []
    for token in tokens:
        for t in conjuncts(token):
            keys += [k for k in found.at(t.i) if found.kind(k) in AGENT_KINDS and k not in keys]
    return keys



def _pobjs(head: Token, *preps: str, doc_index: DocIndex) -> list[Token]:
    """The objects of ``head``'s prepositions ``preps``, with their conjuncts (the children read through the index)."""
    children = doc_index.children
    return [t for p in children(head) if p.dep == PREP_ID and p.lower_ in preps for o in children(p) if o.dep == POBJ_ID for t in conjuncts(o)]


def _left_event(doc_index: DocIndex, found: ArticleEntities, *, lexicon: Lexicon, article_id: str) -> Iterator[Fact]:
    """ "flew home early from a NATO meeting", "left the summit before its close": whoever leaves
    an event was at it (rule ``presence/left-event``)."""
    for verb in doc_index.tokens_with(lemma=LEAVING_VERBS):
        if verb.pos_ != "VERB":
            continue
        targets = _pobjs(verb, "from", doc_index=doc_index)
        targets += [t for c in verb.children if c.dep_ == "advmod" for t in _pobjs(c, "from", doc_index=doc_index)]  # "flew home from"
        if verb.lemma_.lower() in {"leave", "exit"}:
            targets += objects(verb)
        events = [e for t in targets for e in _events(t, found)]
        if not events:
            continue
        for agent in _agents(subjects(verb, doc_index=doc_index), found):
            for event in events:
                yield make_fact(agent, "attends", event, verb, rule="presence/left-event", confidence=0.75, lexicon=lexicon, article_id=article_id, doc_index=doc_index)


def _place_for_event(doc_index: DocIndex, found: ArticleEntities, *, lexicon: Lexicon, article_id: str) -> Iterator[Fact]:
    """ "was in Osaka for the summit", "flew to Cornwall for the summit", "flew into the resort
    for a few hours at the climate summit": the subject visits the place and attends the event
    (rule ``presence/place-for-event``)."""
    for verb in doc_index.tokens_with(lemma=BEING_VERBS):
        if verb.pos not in VERB_POS_IDS:  # (the id: no string read for the many forms of "be")
            continue
        destinations = _pobjs(verb, "in", "to", "into", doc_index=doc_index)  # (read once)
        if not destinations:
            continue  # no place and nowhere gone to (most verbs: tested before anything else is read)
        # "flew into the Red Sea resort of Sharm el-Sheikh": a place noun's "of" phrase names it
        places = [p for t in destinations for p in [t, *_pobjs(t, "of", doc_index=doc_index)] if any(found.kind(k) in PLACE_KINDS for k in found.at(p.i))]
        if not places and verb.lemma_ == "be":
            continue  # "flew into the resort for a few hours at the summit": a place not named is still one gone to
        # the event: "for the summit", "at the summit", "for a few hours at the summit", also hung on the place
        # "arrived in Rome ahead of the summit": the parser hangs "of" on the adverb
        holders = [verb, *places, *(c for c in doc_index.children(verb) if c.dep_ == "advmod" and c.lower_ == "ahead")]
        event_tokens = [t for h in holders for t in _pobjs(h, "for", "at", doc_index=doc_index)]
        event_tokens += [t for h in holders if h.lower_ == "ahead" for t in _pobjs(h, "of", doc_index=doc_index)]
        event_tokens += [t for h in list(event_tokens) for t in _pobjs(h, "at", "of", doc_index=doc_index)]
        events = [e for t in event_tokens for e in _events(t, found)]
        # "was in Tbilisi for talks with X": a meeting the rules make no event of still takes one there
        meeting = places and any(t.lemma_.lower() in lexicon.meet_nouns or t.lower_ in lexicon.meet_nouns for t in event_tokens)
        if not events and not meeting:
            continue
        subject_tokens = subjects(verb, doc_index=doc_index)
        # "leaders of the G20, including X and Y, gathered in Rome for the summit"
        agents = _agents(subject_tokens + [t for s in subject_tokens for h in [s, *_pobjs(s, "of", doc_index=doc_index)] for t in _pobjs(h, "including", doc_index=doc_index)], found)
        crowd = verb.lemma_.lower() in CROWD_VERBS
        # "is expected in Rome for the summit": a plan, unless denied ("is not expected")
        expected = verb.lemma_.lower() == "expect" and not any(c.dep_ == "neg" for c in verb.children)
        modality = Modality.PLANNED if expected else None
        for agent in agents:
            if found.kind(agent) is not EntityKind.PERSON:
                continue
            for place in [] if crowd else places:
                for key in found.at(place.i):
                    if found.kind(key) in PLACE_KINDS and key != agent:
                        yield make_fact(agent, "visits", key, verb, rule="presence/place-for-event", confidence=0.75, lexicon=lexicon, article_id=article_id, doc_index=doc_index, modality=modality)
            for event in events:
                yield make_fact(agent, "attends", event, verb, rule="presence/place-for-event", confidence=0.75, lexicon=lexicon, article_id=article_id, doc_index=doc_index, modality=modality)


def _chaired(doc_index: DocIndex, found: ArticleEntities, *, lexicon: Lexicon, article_id: str) -> Iterator[Fact]:
    """ "Abe, who chaired the two-day gathering": the chair of a meeting hosts it
    (rule ``presence/chair``)."""
    for verb in doc_index.tokens_with(lemma={"chair", "preside"}):
        if verb.pos_ != "VERB":
            continue
        targets = objects(verb) + _pobjs(verb, "over", doc_index=doc_index)
        # a whole summit or conference: who chairs a session or talks within it need not host it
        events = [e for t in targets for e in _events(t, found) if found.event_type(e) in CHAIRED_TYPES or t.lemma_.lower() == "gathering"]
        if not events:
            continue
        subject_tokens = subjects(verb, doc_index=doc_index)
        if not subject_tokens and verb.dep_ == "relcl":
            subject_tokens = [verb.head]
        for agent in _agents(subject_tokens, found):
            for event in events:
                yield make_fact(agent, "hosts", event, verb, rule="presence/chair", confidence=0.75, lexicon=lexicon, article_id=article_id, doc_index=doc_index)


def _event_in_view(token: Token, doc_index: DocIndex, found: ArticleEntities) -> str | None:
    """The event mentioned last before ``token`` within its sentence and the ``EVENT_WINDOW``
    sentences before it, else the first one after it in its own sentence."""
    # the index's sentences and tokens: ``Token.sent`` walks the doc and ``doc[i]`` makes a Token
    sent = doc_index.sentence(token)
    start = sent.start
    for _ in range(EVENT_WINDOW):
        if start == 0:
            break
        start = doc_index.sentences[doc_index.sentence_number(start - 1)].start
    tokens = doc_index.tokens
    for i in range(token.i - 1, start - 1, -1):
        events = _events(tokens[i], found)
        if events:
            return events[0]
    for i in range(token.i + 1, sent.end):
        events = _events(tokens[i], found)
        if events:
            return events[0]
    return None


def _meal_with(doc_index: DocIndex, found: ArticleEntities, *, lexicon: Lexicon, article_id: str) -> Iterator[Fact]:
    """ "had breakfast with Trump", "had tea with the Queen": sharing a meal is meeting
    (rule ``presence/meal-with``)."""
    for meal in doc_index.tokens_with(lemma=MEAL_NOUNS):
        if meal.pos_ != "NOUN" or meal.dep_ not in {"dobj", "pobj"}:
            continue
        verb = meal.head if meal.dep_ == "dobj" else meal.head.head
        if verb.lemma_.lower() not in MEAL_VERBS and not (meal.dep_ == "pobj" and meal.head.lower_ == "for"):
            continue
        partners = _agents(_pobjs(meal, "with", doc_index=doc_index) + _pobjs(verb, "with", doc_index=doc_index), found)
        if not partners:
            continue
        for agent in _agents(subjects(verb, doc_index=doc_index), found):
            for partner in partners:
                if partner != agent and found.kind(partner) is EntityKind.PERSON:
                    yield make_fact(agent, "meets", partner, verb, rule="presence/meal-with", confidence=0.7, lexicon=lexicon, article_id=article_id, doc_index=doc_index)


def _gathered(doc: Doc, doc_index: DocIndex, found: ArticleEntities, *, lexicon: Lexicon, article_id: str) -> Iterator[Fact]:
    """ "X and Y were among those who gathered in the city": the people listed attend the event
    in view (rule ``presence/among-gathered``)."""
    for those in doc_index.tokens_with(lower={"those"}):
        prep = those.head
        if those.dep_ != "pobj" or prep.lower_ != "among" or prep.head.lemma_ != "be":
            continue
        clause = next((c for c in those.children if c.dep_ == "relcl" and c.lemma_.lower() in GATHER_VERBS), None)
        if clause is None:
            continue
        events = [e for t in objects(clause) + _pobjs(clause, "for", "at", doc_index=doc_index) for e in _events(t, found)]
        if not events:
            event = _event_in_view(those, doc_index, found)
            events = [event] if event else []
        for agent in _agents(subjects(prep.head), found):
            for event in events:
                yield make_fact(agent, "attends", event, clause, rule="presence/among-gathered", confidence=0.7, lexicon=lexicon, article_id=article_id, doc_index=doc_index)


#: Verbs of going somewhere whose destination a "where" clause may follow.
GOING_VERBS = frozenset({"travel", "fly", "go", "head", "take", "leave", "continue", "move", "arrive", "come", "return", "jet", "proceed"})
#: Acts done at a place that make the doer a visitor when the place comes first ("In Doha, he met ...").
PLACED_ACTS = frozenset({"meet", "hold", "talk", "sign", "speak", "address", "attend", "lay", "tour", "visit", "confer", "have", "open", "join"})


def _where_clause(found: ArticleEntities, prior: list[Fact], *, gazetteer: Gazetteer | None, lexicon: Lexicon, article_id: str, doc_index: DocIndex) -> Iterator[Fact]:
    """ "took him first to Paris, where he held talks with Macron", "left Cornwall for Brussels,
    where he will attend a NATO summit": whoever acts in the "where" clause of a destination
    visits it; "wrapped up the tour with talks in Riyadh, where he met X": so does a foreign
    subject acting at any other place named (rule ``presence/where-clause``)."""
    for where in doc_index.tokens_with(lower={"where"}):
        clause = where.head
        if where.dep_ != "advmod" or clause.dep_ != "relcl" or clause.lemma_.lower() not in PLACED_ACTS:
            continue
        place = clause.head
        prep = place.head
        if place.dep_ != "pobj":
            continue
        going = prep
        while going.dep_ == "conj" and going.head.pos_ == "ADP":
            going = going.head  # "took him to Paris, ... and then to Istanbul, where"
        destination = prep.lower_ in {"to", "for", "into"} and going.head.lemma_.lower() in GOING_VERBS
        places = [k for k in found.at(place.i) if found.kind(k) in PLACE_KINDS]
        visitors = [a for a in _agents(subjects(clause), found) if found.kind(a) is EntityKind.PERSON]
        if destination:
            # the one who goes there ("took him to Paris", "she flew to Lima") over the clause's
            # pronoun, which may have been read as the last person named
            mover = going.head
            travellers = [a for a in _agents(objects(mover) if mover.lemma_.lower() == "take" else subjects(mover), found) if found.kind(a) is EntityKind.PERSON]
            visitors = travellers or visitors
        for agent in visitors:
            home = _home_countries(agent, prior)
            for key in places:
                if not destination and (not home or _country_of_place(key, found, gazetteer) in home | {None}):
                    continue
                yield make_fact(agent, "visits", key, going.head if destination else clause, rule="presence/where-clause", confidence=0.7, lexicon=lexicon, article_id=article_id, doc_index=doc_index)


def _left_for(doc_index: DocIndex, found: ArticleEntities, *, lexicon: Lexicon, article_id: str) -> Iterator[Fact]:
    """ "left Cornwall for Brussels", "departed for Beijing": the "for" place is the next stop
    (rule ``presence/left-for``)."""
    for verb in doc_index.tokens_with(lemma={"leave", "depart", "set", "head"}):
        if verb.pos_ != "VERB":
            continue
        if verb.lemma_.lower() == "set" and not any(c.dep_ == "prt" and c.lower_ == "off" for c in verb.children):
            continue
        places = [k for t in _pobjs(verb, "for", doc_index=doc_index) for k in found.at(t.i) if found.kind(k) in PLACE_KINDS]
        if not places:
            continue
        for agent in _agents(subjects(verb, doc_index=doc_index), found):
            if found.kind(agent) is EntityKind.PERSON:
                for key in places:
                    yield make_fact(agent, "visits", key, verb, rule="presence/left-for", confidence=0.7, lexicon=lexicon, article_id=article_id, doc_index=doc_index)


def _home_countries(person: str, prior: list[Fact]) -> set[str]:
    return {f.object for f in prior if f.subject == person and f.relation in {"leaderOf", "citizenOf"}}


def _acting_abroad(found: ArticleEntities, prior: list[Fact], *, gazetteer: Gazetteer | None, lexicon: Lexicon, article_id: str, doc_index: DocIndex) -> Iterator[Fact]:
    """ "In Abu Dhabi, Pompeo held talks with X", "Macron met Xi in Beijing": a place where a
    foreign subject meets or acts is one it visits (rule ``presence/acting-abroad``). Only when
    the person's own country is known (from a title) and the place is another country or its
    capital: "In Washington, Biden met X" is no visit."""
    for first in doc_index.tokens_with(lower={"in"}):
        if first.dep != PREP_ID:  # (ids: "in" is a frequent word, and most are read no further)
            continue
        verb = first.head
        if verb.pos not in VERB_POS_IDS or verb.lemma_.lower() not in PLACED_ACTS:
            continue
        place_tokens = [o for o in doc_index.children(first) if o.dep == POBJ_ID]
        places = [k for t in place_tokens for k in found.at(t.i) if found.kind(k) in PLACE_KINDS]
        if not places:
            continue
        for agent in _agents(subjects(verb, doc_index=doc_index), found):
            if found.kind(agent) is not EntityKind.PERSON:
                continue
            home = _home_countries(agent, prior)
            if not home:
                continue
            for key in places:
                country = _country_of_place(key, found, gazetteer)
                if country is None or country in home:
                    continue
                yield make_fact(agent, "visits", key, verb, rule="presence/acting-abroad", confidence=0.65, lexicon=lexicon, article_id=article_id, doc_index=doc_index)


def _country_of_place(key: str, found: ArticleEntities, gazetteer: Gazetteer | None) -> str | None:
    """A country's own key, or the key of the country whose capital a place is (when that
    country is an entity of the article, or else its gazetteer name)."""
    if found.kind(key) is EntityKind.COUNTRY:
        return key
    if gazetteer is None:
        return None
    country = gazetteer.country_by_capital(found.label(key))
    if country is None:
        return None
    return next((k for k in found.keys(EntityKind.COUNTRY) if found.label(k) == country.name), f"country:{country.name}")


def _attending_participle(doc_index: DocIndex, found: ArticleEntities, *, lexicon: Lexicon, article_id: str) -> Iterator[Fact]:
    """ "X was in Rome on Saturday, attending the G20 summit": a participle of attending with no
    subject of its own is done by its clause's subject, who is also in the place the clause
    names (rule ``presence/attending-participle``)."""
    for verb in doc_index.tokens_with(lemma=PARTICIPLE_VERBS):
        if verb.tag_ != "VBG" or any(c.dep_ in {"nsubj", "nsubjpass"} or (c.dep_ == "mark" and c.lower_ in CONDITIONS) for c in verb.children):
            continue
        if verb.dep_ == "advcl":
            main = verb.head
        elif verb.dep_ == "pcomp" and verb.head.lower_ in {"after", "before", "while", "since", "on"}:
            main = verb.head.head  # "agreed ..., after meeting on the sidelines of the summit"
        else:
            continue
        # "meeting on the sidelines of the summit": the sidelines are the summit's
        margins = [t for t in _pobjs(verb, "on", doc_index=doc_index) if t.lemma_.lower() in {"sideline", "sidelines", "margin", "margins"}]
        # ("of the Group of 20 summit": the parser may hang the summit on "Group")
        sidelines_of = [u for m in margins for t in _pobjs(m, "of", doc_index=doc_index) for u in [t, *_pobjs(t, "of", doc_index=doc_index)]]
        event_tokens = objects(verb) + _pobjs(verb, "in", "at", doc_index=doc_index) + sidelines_of
        if verb.lemma_.lower() in {"meet", "talk"}:
            event_tokens = _pobjs(verb, "at", doc_index=doc_index) + sidelines_of  # whom one meets is no event
        events = [e for t in event_tokens for e in _events(t, found)]
        if not events or main.pos_ not in {"VERB", "AUX"}:
            continue
        agents = [a for a in _agents(subjects(main), found) if found.kind(a) is EntityKind.PERSON]
        places = [k for t in _pobjs(main, "in", doc_index=doc_index) for k in found.at(t.i) if found.kind(k) in PLACE_KINDS] if main.lemma_ == "be" else []
        for agent in agents:
            for event in events:
                yield make_fact(agent, "attends", event, verb, rule="presence/attending-participle", confidence=0.75, lexicon=lexicon, article_id=article_id, doc_index=doc_index)
            for place in places:
                yield make_fact(agent, "visits", place, main, rule="presence/attending-participle", confidence=0.7, lexicon=lexicon, article_id=article_id, doc_index=doc_index)


def _sent_to(doc_index: DocIndex, found: ArticleEntities, *, lexicon: Lexicon, article_id: str) -> Iterator[Fact]:
    """ "sent Foreign Minister X to the summit", "will be represented at the summit by X": the
    envoy attends (rule ``presence/envoy``)."""
    for verb in doc_index.tokens_with(lemma={"send", "dispatch", "represent"}):
        if verb.pos_ != "VERB":
            continue
        if verb.lemma_.lower() == "represent":
            if not any(c.dep_ == "nsubjpass" for c in verb.children):
                continue  # "X represented Chile at the summit" is read as an act at the event
            event_tokens = _pobjs(verb, "at", doc_index=doc_index)
            # "by X" on the verb, or hung by the parser on the event it follows
            envoys = [t for a in verb.children if a.dep_ == "agent" for t in a.children if t.dep_ == "pobj"]
            envoys += [t for e in event_tokens for t in _pobjs(e, "by", doc_index=doc_index)]
        else:
            envoys = objects(verb)  # ("skipped the summit, sending X instead" is read by relations.py)
            event_tokens = _pobjs(verb, "to", doc_index=doc_index)
        events = [e for t in event_tokens for e in _events(t, found)]
        for agent in _agents(envoys, found):
            if found.kind(agent) is EntityKind.PERSON:
                for event in events:
                    yield make_fact(agent, "attends", event, verb, rule="presence/envoy", confidence=0.75, lexicon=lexicon, article_id=article_id, doc_index=doc_index)


def _listed_attendees(doc: Doc, doc_index: DocIndex, found: ArticleEntities, *, lexicon: Lexicon, article_id: str) -> Iterator[Fact]:
    """ "Attendees included X and Y", "Among the guests were X and Y", "X and Y were also present":
    the people listed attend the event in view (rule ``presence/listed-attendees``)."""
    for verb in doc_index.tokens_with(lemma={"include", "be"}):
        if verb.pos_ not in {"VERB", "AUX"}:
            continue
        listed: list[Token] = []
        lemma = verb.lemma_.lower()
        if lemma == "include" and any(s.lemma_.lower() in ATTENDEE_NOUNS for s in subjects(verb, doc_index=doc_index)):
            listed = objects(verb)
        elif lemma == "be" and any(p.lower_ == "among" and any(o.lemma_.lower() in ATTENDEE_NOUNS for o in p.children if o.dep_ == "pobj") for p in verb.children if p.dep_ == "prep"):
            listed = subjects(verb, doc_index=doc_index)
        elif lemma == "be" and any(c.dep_ == "acomp" and c.lower_ == "present" and not list(c.children) for c in verb.children):
            listed = subjects(verb, doc_index=doc_index)  # "were also present" (at an event named before, not "present at X")
        elif lemma == "be" and any(o.lower_ == "attendance" and not list(o.children) for o in _pobjs(verb, "in", doc_index=doc_index)):
            listed = subjects(verb, doc_index=doc_index)  # "were in attendance"
        if not listed:
            continue
        event = _event_in_view(verb, doc_index, found)
        if event is None:
            continue
        for agent in _agents(listed, found):
            if found.kind(agent) is EntityKind.PERSON:
                yield make_fact(agent, "attends", event, verb, rule="presence/listed-attendees", confidence=0.7, lexicon=lexicon, article_id=article_id, doc_index=doc_index)

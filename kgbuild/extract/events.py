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
from bisect import bisect_left
from dataclasses import dataclass, field

from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from ..facts import EntityKind, Fact, Modality, entity_key
from ..gazetteer import Gazetteer
from .docindex import DocIndex
from .entities import ArticleEntities, clean_name
from .factuality import modality_of
from .lexicon import Lexicon
from .syntax import (
    ACL_ID,
    AMOD_ID,
    DOBJ_ID,
    MODIFIER_IDS,
    NOMINAL_SUBJECT_IDS,
    POBJ_ID,
    POSS_ID,
    PREP_ID,
    PROPN_ID,
    VERB_ID,
    VERB_POS_IDS,
    ids_of,
)
from .time import DateRange, Tense, resolve_date

__all__ = ["dateline_place", "extract_events"]

ORG_KINDS = (EntityKind.INTERNATIONAL_ORGANISATION, EntityKind.ORGANISATION)
#: The people of a body whose possessive names its meeting ("a NATO leaders' meeting").
ORGANISER_PEOPLE = frozenset({"leader", "minister", "head", "envoy", "delegate"})
PLACE_KINDS = (EntityKind.PLACE, EntityKind.COUNTRY)
#: Event types that are nodes even without an organiser or place.
SELF_STANDING = frozenset({"Summit", "Conference", "Exercise"})
#: Verbs whose object is an event that takes place where the verb's "in" phrase says ("ended the summit in X").
EVENT_FRAME_VERBS = frozenset({"open", "close", "end", "begin", "start", "wrap", "hold", "host", "convene", "conclude", "stage"})
#: Verbs of coming together whose "for EVENT" names the event at the place they say.
GATHERING_VERBS = frozenset({"gather", "meet", "assemble", "convene", "arrive", "travel", "come", "fly", "go", "head"})
TRAVEL_VERBS = frozenset({"travel", "come", "fly", "go", "head", "arrive"})
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
    year_offset: int = 0  # "next year's summit" (+1), "last year's meeting" (-1): another occasion


def extract_events(
    doc: Doc,
    found: ArticleEntities,
    *,
    gazetteer: Gazetteer,
    lexicon: Lexicon,
    article_id: str,
    anchor: dt.date | None,
    doc_index: DocIndex | None = None,
) -> list[Fact]:
    """Register event entities, link their mentions, and return ``heldIn`` facts."""
    if doc_index is None:
        doc_index = DocIndex(doc)
    clusters: list[_Cluster] = _named_events(doc_index, found, lexicon)
    # "the annual gathering" before any event noun: its antecedent may be a body named as a
    # meeting ("the first in-person General Assembly"), which is known only further down
    pending: list[Token] = []
    dates = _Dates.of(doc_index)  # (the article's dates, read once for every event noun)
    for token in doc_index.tokens_with(lemma=lexicon.event_types, lower=lexicon.event_types):  # no other word names an event
        event_type = _event_type(token, lexicon, doc_index)
        if event_type is None or not _free_for_event(token, found):
            continue
        org = _organiser(token, found, doc_index)
        place_tokens = _places(token, found, doc_index)
        places = [p for p, _ in place_tokens]
        cluster = None
        offset = _other_occasion(token, doc_index)
        current = [c for c in clusters if not c.year_offset]
        # (each read once: both are asked twice below)
        bare = not offset and _bare_reference(token, org, places, lexicon, doc_index)
        outside = _outside(current, token) if bare else []
        if offset:
            cluster = next((c for c in clusters if c.year_offset == offset and c.event_type == event_type), None)
        elif bare and outside:
            cluster = outside[-1]
        elif bare:
            pending.append(token)
            continue
        elif (
            event_type not in SELF_STANDING and org is None and not places and not _anchored(token)
            and not _formal_visit(token, event_type) and _numbered_name(token) is None
        ):
            continue
        else:
            # "In Jerusalem he held a meeting" after talks in Riyadh: the clause's place tells them apart
            clause_places = _matching_places(token, found)
            cluster = _matching(current, event_type, org, places or clause_places, gazetteer, found)
            if cluster is None and _plain_definite(token, org, places or clause_places, doc_index):
                cluster = _latest_before(_outside(current, token), token)  # "joined the talks" at the summit named before
            if event_type not in SELF_STANDING and org is None and not places and clause_places and (cluster is None or (cluster.org is None and not cluster.name)):
                places = clause_places  # an unnamed meeting goes by its place ("Meeting in Lima"), apart from one in Quito
        if cluster is None:
            cluster = _Cluster(event_type, year_offset=offset)
            clusters.append(cluster)
        cluster.org = cluster.org or org
        head_of_name = _name_head(token, found)
        if head_of_name is not None:
            # "the Voice of Global South Summit": the name's head word stands for the event too
            cluster.name = cluster.name or token.doc[head_of_name.i : token.i + 1].text
            cluster.tokens.append(head_of_name)
        cluster.name = cluster.name or _with_name_tail(token, _proper_name(token)) or (None if org else _numbered_name(token))
        cluster.places.extend(p for p in places if p not in cluster.places)
        cluster.place_tokens.extend(place_tokens)
        cluster.place_tokens.extend(_clause_places(token, found))
        cluster.tokens.append(token)
        cluster.surfaces.append(_surface(token, doc_index))
        when = _date_of(token, anchor, doc_index, dates=dates)
        if when is not None:
            cluster.dates.append(when)
    _organisation_events(clusters, doc_index, found, gazetteer, lexicon)
    for token in pending:
        earlier = [c for c in clusters if not c.year_offset and c.tokens and min(t.i for t in c.tokens) < token.i]
        later = _named_later_in_sentence(clusters, token, doc_index)
        if earlier:
            cluster = max(earlier, key=lambda c: max(t.i for t in c.tokens if t.i < token.i))
        elif later is not None:
            cluster = later  # "X, who hosted the gathering, closed the G7 summit": the one it names next
        elif _anchored(token):
            cluster = _Cluster(_event_type(token, lexicon, doc_index) or "Meeting")
            clusters.append(cluster)
        else:
            continue
        cluster.tokens.append(token)
        cluster.surfaces.append(_surface(token, doc_index))
    facts: list[Fact] = []
    dateline = dateline_place(doc, found)
    for cluster in clusters:
        key = _register(cluster, found, gazetteer, anchor=anchor)
        for place, token in cluster.place_tokens:
            ev = doc_index.evidence(token, article_id=article_id, rule="event-place", confidence=0.85)
            facts.append(Fact(key, "heldIn", place, Modality.ASSERTED, ev))
        lead = _lead_mention(cluster, doc_index, lexicon=lexicon)
        if dateline is not None and not cluster.places and lead is not None:
            ev = doc_index.evidence(lead, article_id=article_id, rule="event-place-dateline", confidence=0.6)
            facts.append(Fact(key, "heldIn", dateline, Modality.ASSERTED, ev))
    return facts


#: Verbs whose object organisation stands for its meeting ("attended the G20", "skipped ASEAN").
MEETING_OF_VERBS = frozenset({"attend", "skip", "boycott", "miss", "address"})
#: The lemmas :func:`_organisation_events` looks at: those verbs, "host", "join" and the prepositions of a place.
ORGANISATION_EVENT_WORDS = MEETING_OF_VERBS | {"at", "for", "to", "host", "join"}
_ADP = get_string_id("ADP")


def _organisation_events(clusters: list[_Cluster], doc_index: DocIndex, found: ArticleEntities, gazetteer: Gazetteer, lexicon: Lexicon) -> None:
    """A grouping taken for its meeting: "attending his first G20", "skipped the BRICS" (its summit),
    and a body named as a meeting ("the UN General Assembly", "the East Asia Summit") where
    someone is, goes or speaks ("addressed the General Assembly", "at the East Asia Summit")."""
    # The heads of the tokens that stand for an international organisation: a preposition or a
    # verb of attending has an organisation's meeting for object only if it is one of them
    # (most of the prepositions looked at have none, and their children need not be read).
    organisation_heads = {doc_index.tokens[i].head.i for i in found.linked_to(EntityKind.INTERNATIONAL_ORGANISATION)}
    for verb in doc_index.tokens_with(lemma=ORGANISATION_EVENT_WORDS):
        held = verb.i in organisation_heads
        pos = verb.pos  # (the id, read once)
        if not held and pos != VERB_ID:
            continue  # (tested first: most of these words are prepositions heading no organisation, read below only if they do)
        lemma = verb.lemma_.lower()  # (read once: a new str on every read)
        if pos == VERB_ID and (lemma == "host" or lemma == "join" and _placed(verb, found)):
            # "hosted leaders of the Quad", "hosted the Quad leaders", "joined the G7 leaders in
            # Apulia": the grouping's meeting ("joined EU leaders in calling for" is no meeting)
            heads = [g for o in verb.children if o.dep_ == "dobj" and o.lemma_.lower() in LEADER_NOUNS for g in _grouping_of(o)]
            if lemma == "host":
                heads += [o for o in verb.children if o.dep_ == "dobj"]  # "Japan hosts the G7 this year"
            named_only = False
        elif pos == _ADP:
            if not held or not (verb.dep_ == "prep" and verb.head.pos_ in {"VERB", "AUX", "NOUN"}):
                continue
            heads = [c for c in verb.children if c.dep_ == "pobj"]
            named_only = True  # "at NATO" is at its headquarters; "at the G20 summit" is an event noun already
        elif pos == VERB_ID and lemma in MEETING_OF_VERBS:
            if not held:
                continue
            heads = [c for c in verb.children if c.dep_ == "dobj"]
            named_only = lemma == "address"  # "addressed NATO" is no meeting
        else:
            continue
        for token in heads:
            keys = [k for k in found.at(token.i) if found.kind(k) is EntityKind.INTERNATIONAL_ORGANISATION]
            if len(keys) != 1 or len(found.at(token.i)) != 1:
                continue
            named = lexicon.event_types.get(token.lemma_.lower()) or lexicon.event_types.get(token.lower_)
            if named not in {"Summit", "Conference"} and (named_only or named is not None):
                continue
            org = keys[0]
            event_type = named or "Summit"
            current = [c for c in clusters if not c.year_offset]
            cluster = _matching(current, event_type, org, [], gazetteer, found)
            if cluster is None:
                cluster = _Cluster(event_type, org=org, name=found.label(org) if named else None)
                clusters.append(cluster)
            cluster.org = cluster.org or org
            cluster.tokens.append(token)
            cluster.surfaces.append(found.label(org) if named else f"{found.label(org)} {event_type.lower()}")
            if pos == VERB_ID and lemma in {"host", "join"}:
                # "hosted leaders of the Quad in Wilmington": where the meeting is held
                cluster.place_tokens.extend(
                    (k, obj) for h in (verb, token, token.head.head if token.dep_ == "pobj" else token.head)
                    for p in h.children if p.dep_ == "prep" and p.lower_ in {"in", "at"}
                    for obj in p.children if obj.dep_ == "pobj" for k in found.at(obj.i) if found.kind(k) is EntityKind.PLACE
                )


#: Nouns for the people a grouping's meeting brings together ("hosted leaders of the Quad").
LEADER_NOUNS = frozenset({"leader", "leaders", "head", "heads"})


def _placed(verb: Token, found: ArticleEntities) -> bool:
    """Whether the verb says where it happens ("in Apulia", "at Borgo Egnazia")."""
    heads = [verb, *(o for o in verb.children if o.dep_ == "dobj")]  # "joined the leaders in Apulia"
    return any(
        p.dep_ == "prep" and p.lower_ in {"in", "at"} and found.kind(k) in PLACE_KINDS
        for h in heads for p in h.children for obj in p.children if obj.dep_ == "pobj" for k in found.at(obj.i)
    )


def _grouping_of(noun: Token) -> list[Token]:
    """The grouping a "leaders" noun belongs to: "leaders of the Quad", "the Quad leaders"."""
    return [c for c in noun.children if c.dep_ == "compound"] + [
        t for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for t in p.children if t.dep_ == "pobj"
    ]


def dateline_place(doc: Doc, found: ArticleEntities) -> str | None:
    """The city of a wire dateline ("VILNIUS, July 12 -", "SAMARKAND, Uzbekistan -"): the
    place written in capitals at the very start, before a dash in the first words."""
    if not len(doc) or not doc[0].is_upper:
        return None  # (tested first: most articles open with no word in capitals, and need no look for a dash)
    dash = next((t for t in doc[:12] if t.text in {"-", "—", "–", "--"} and t.i > 0 and doc[t.i - 1].whitespace_), None)
    if dash is None:
        return None
    keys = [k for k in found.at(0) if found.kind(k) is EntityKind.PLACE]
    return keys[0] if keys else None


def _lead_mention(cluster: _Cluster, doc_index: DocIndex, *, lexicon: Lexicon) -> Token | None:
    """The event's mention in the article's first sentence when the sentence states it as
    happening (not planned elsewhere, cancelled or past): what a dateline places."""
    if cluster.event_type not in SELF_STANDING or cluster.year_offset or cluster.historic:
        return None
    end = 0
    for sent in doc_index.sentences:  # the lead sentence, with a dateline the parser split off
        end = sent.end
        if len(sent) >= 8:
            break
    for token in cluster.tokens:
        if token.i < end and modality_of(token, lexicon=lexicon) is Modality.ASSERTED:
            return token
    return None


def _named_events(doc_index: DocIndex, found: ArticleEntities, lexicon: Lexicon) -> list[_Cluster]:
    """Events the model names that no event noun of ours heads ("the Korean War", "Battle of Warsaw")."""
    clusters = []
    for ent in doc_index.ents:
        if ent.label_ != "EVENT" or _event_type(ent.root, lexicon, doc_index) is not None or found.at(ent.root.i):
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


#: Ids (``Token.dep``, ``Token.pos``, ``Token.lower``) compared by the rules of another
#: occasion below: integers, where the ``dep_``/``pos_``/``lower_`` strings are decoded per call.
_NPADVMOD = get_string_id("npadvmod")
_AMOD_DET = ids_of("amod", "det")
_OBJECT_IDS = ids_of("dobj", "nsubjpass")
_EARLIER_IDS = ids_of("earlier", "ago", "before")
_AGO_IDS = ids_of("earlier", "ago")


def _other_occasion(token: Token, doc_index: DocIndex) -> int:
    """+1 for "next year's summit", "the next summit"; -1 for "last year's meeting"; else 0."""
    for child in doc_index.children(token):
        dep = child.dep  # (label ids: no ``dep_`` string read per child)
        if dep == POSS_ID and child.lemma_.lower() == "year":
            words = {c.lower_ for c in child.children if c.dep in _AMOD_DET}
        elif dep != AMOD_ID:
            continue
        else:
            words = {child.lower_}
        if words & {"next", "following"}:
            return 1
        if words & {"last", "previous", "past"}:
            if child.lower_ == "last" and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in doc_index.children(token)):
                continue  # "his last summit in office": his final one, this one
            return -1
    return _year_of_verb(token, doc_index) or _earlier_occasion(token, doc_index)


#: Time nouns of "a year earlier", "two years ago" after an event noun.
SPAN_NOUNS = frozenset({"year", "month", "week", "day", "decade"})


def _earlier_occasion(token: Token, doc_index: DocIndex) -> int:
    """-1 for a past event said so by its own phrase: "since their Helsinki summit", "the summit
    a year earlier", "a meeting two months ago"; else 0."""
    # (ids: ``Token.dep``/``lower``/``pos`` compared as integers, no string read per word)
    dep = token.dep
    if dep == POBJ_ID and token.head.lower_ == "since":
        return -1
    for child in doc_index.children(token):
        if child.lower in _EARLIER_IDS and any(c.lemma_.lower() in SPAN_NOUNS for c in child.children):
            return -1
    # "met at a summit in Quito two years ago": years back on the verb (days back may be this event's)
    verb = token.head.head if dep == POBJ_ID else token.head if dep in _OBJECT_IDS else None
    if verb is not None and verb.pos in VERB_POS_IDS:
        for child in doc_index.children(verb):
            if child.lower in _AGO_IDS and any(c.lemma_.lower() in {"year", "decade"} for c in child.children):
                return -1
    return 0


def _duration(child: Token) -> bool:
    """ "two-day" in "the two-day gathering": how long, which tells one event from another no
    more than "annual" does."""
    return child.dep_ == "compound" and child.lemma_.lower() in SPAN_NOUNS and any(c.dep_ == "nummod" for c in child.children)


def _year_of_verb(token: Token, doc_index: DocIndex) -> int:
    """ "did not travel to the summit in Johannesburg last year": the year said of the verb the
    event is the destination or object of; +1 for next year, -1 for last year, else 0."""
    dep = token.dep  # (ids, as in _earlier_occasion)
    verb = token.head.head if dep == POBJ_ID else token.head if dep in _OBJECT_IDS else None
    if verb is None or verb.pos not in VERB_POS_IDS:
        return 0
    for child in doc_index.children(verb):
        if child.dep == _NPADVMOD and child.lemma_.lower() == "year":
            words = {c.lower_ for c in child.children if c.dep in _AMOD_DET}
            if words & {"next", "following"}:
                return 1
            if words & {"last", "previous", "past"}:
                return -1
    return 0


#: The ids (``Token.pos``) of the parts of speech an event noun has: compared without reading ``pos_``.
_NOUN_POS_IDS = ids_of("NOUN", "PROPN")


def _event_type(token: Token, lexicon: Lexicon, doc_index: DocIndex) -> str | None:
    if token.pos not in _NOUN_POS_IDS:
        return None
    lemma = token.lemma_.lower()
    event_type = lexicon.event_types.get(lemma) or lexicon.event_types.get(token.lower_)
    if event_type is None or lemma == "sideline":
        return None  # most nouns name no event
    if any(c.dep in MODIFIER_IDS and c.lower_ in {"news", "press"} for c in doc_index.children(token)):
        return None  # "a news conference" is where words are said, not a diplomatic event
    if token.lower == _CALL and not any(c.lower_ in {"phone", "telephone", "video"} for c in token.lefts):
        return None
    return event_type


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


def _with_name_tail(token: Token, name: str | None) -> str | None:
    """ "the Summit for Democracy", "the Summit on Peace in Ukraine", "the Summit of the
    Americas": a capitalised event noun whose name goes on in a phrase of capitalised words."""
    if not token.is_title:
        return name
    for prep in token.children:
        if prep.dep_ == "prep" and prep.i == token.i + 1 and prep.lower_ in {"on", "for", "of"}:
            words = list(prep.subtree)
            if words and all(t.is_title or t.lower_ in {"of", "in", "on", "for", "the", "and"} for t in words[1:]) and any(t.is_title for t in words[1:]):
                end = words[-1].i + 1
                return f"{name or token.text}{token.whitespace_}{token.doc[prep.i : end].text}"
    return name


def _name_head(token: Token, found: ArticleEntities) -> Token | None:
    """ "the Voice of Global South Summit", "the Festival of Nations Summit": a capitalised
    event noun inside an "X of ..." name, every word capitalised but "of": the head X."""
    if not token.is_title or token.dep_ != "pobj" or token.head.lower_ != "of":
        return None
    head = token.head.head
    if head.pos_ != "PROPN" or not head.is_title or head.i != token.head.i - 1 or found.at(head.i):
        return None
    if not all(t.is_title for t in token.doc[token.head.i + 1 : token.i + 1]):
        return None
    return head


def _numbered_name(token: Token) -> str | None:
    """ "the COP29 climate talks", "the G20 talks": an event noun after a capitalised name with a
    number in it (a numbered meeting or grouping) names one occasion: its words up to the noun."""
    doc = token.doc
    for c in token.lefts:
        if c.dep_ == "compound" and c.text[:1].isupper() and any(ch.isdigit() for ch in c.text) and any(ch.isalpha() for ch in c.text):
            if all(t.dep_ in {"compound", "amod"} and t.head.i > t.i for t in doc[c.i : token.i]):
                return doc[c.i : token.i + 1].text
    return None


#: Words that describe an event without telling it from another ("the annual gathering").
DESCRIPTIVE_EVENT_WORDS = frozenset({"annual", "yearly", "two-day", "three-day", "one-day", "week-long", "weeklong", "high-level", "closed-door"})


def _named_later_in_sentence(clusters: list[_Cluster], reference: Token, doc_index: DocIndex) -> _Cluster | None:
    """For a back-reference with nothing before it, the first event its own sentence names
    after it ("Macron, who hosted the gathering, closed the G7 summit")."""
    sent = doc_index.sentence(reference)  # (``Token.sent`` walks the doc)
    start, end = sent.start, sent.end
    after = [
        (min(t.i for t in c.tokens if reference.i < t.i < end), n)
        for n, c in enumerate(clusters)
        if not c.year_offset and any(reference.i < t.i < end for t in c.tokens) and not any(start <= t.i < reference.i for t in c.tokens)
    ]
    return clusters[min(after)[1]] if after else None


def _outside(clusters: list[_Cluster], reference: Token) -> list[_Cluster]:
    """The clusters a back-reference may stand for: not one whose every mention governs it
    ("held talks ... on the sidelines of the meeting": the meeting is not the talks)."""
    above = {t.i for t in reference.ancestors}
    return [c for c in clusters if not (c.tokens and all(t.i in above for t in c.tokens))]


def _bare_reference(token: Token, org: str | None, places: list[str], lexicon: Lexicon, doc_index: DocIndex) -> bool:
    """ "the gathering", "the meeting": a plain reference back to the latest event."""
    if org or places or token.lower_ not in lexicon.generic_event_nouns:
        return False
    return any(c.dep_ == "det" and c.lower_ == "the" for c in doc_index.children(token)) and not any(
        c.dep_ in {"amod", "compound", "prep"} and c.lower_ not in DESCRIPTIVE_EVENT_WORDS and not _time_phrase(c) and not _duration(c) for c in doc_index.children(token)
    )


def _matching_places(token: Token, found: ArticleEntities) -> list[str]:
    """Where the clause about an event mention puts it ("In Jerusalem he held a meeting"): what
    tells it from an event of its type elsewhere, as its own "in X" does."""
    return [p for p, _ in _clause_places(token, found)]


def _plain_definite(token: Token, org: str | None, places: list[str], doc_index: DocIndex) -> bool:
    """ "the talks" with nothing that names them: a reference back, never a new event of its own."""
    return not org and not places and any(c.dep_ == "det" and c.lower_ == "the" for c in doc_index.children(token)) and not any(
        c.dep_ in {"amod", "compound", "prep", "poss", "nummod", "relcl", "acl"} and c.lower_ not in DESCRIPTIVE_EVENT_WORDS and not _time_phrase(c) and not _duration(c)
        for c in doc_index.children(token)
    )


def _latest_before(clusters: list[_Cluster], token: Token) -> _Cluster | None:
    """The event mentioned last before ``token`` (the current occasion, not a past or next one)."""
    earlier = [c for c in clusters if not c.year_offset and c.tokens and min(t.i for t in c.tokens) < token.i]
    return max(earlier, key=lambda c: max(t.i for t in c.tokens if t.i < token.i)) if earlier else None


def _time_phrase(prep: Token) -> bool:
    """ "for the third time", "on Thursday", "this week": a phrase of when, which tells one
    event from another no more than "annual" does."""
    return prep.dep_ == "prep" and any(
        o.dep_ == "pobj" and (o.lemma_.lower() == "time" or o.ent_type_ in {"DATE", "TIME"}) for o in prep.children
    )


#: Label and word ids compared by :func:`_organiser` (``Token.dep`` and ``lower`` are ints; ``dep_`` and ``lower_`` decode a str per read).
_ORGANISER_DEPS = ids_of("compound", "poss", "nmod", "amod")
_OWNER_DEPS = ids_of("poss", "compound")
_BODY_DEPS = ids_of("compound", "nmod", "amod")
_OF = get_string_id("of")


def _organiser(token: Token, found: ArticleEntities, doc_index: DocIndex) -> str | None:
    children = doc_index.children
    for child in children(token):
        if child.dep in _ORGANISER_DEPS:
            for key in found.at(child.i):
                if found.kind(key) in ORG_KINDS:
                    return key
    for child in children(token):  # "a NATO leaders' meeting", "the G7 ministers' talks": the body's people meet
        if child.dep in _OWNER_DEPS and child.lemma_.lower() in ORGANISER_PEOPLE:
            for grand in children(child):
                if grand.dep in _BODY_DEPS:
                    for key in found.at(grand.i):
                        if found.kind(key) in ORG_KINDS:
                            return key
    for prep in children(token):
        if prep.dep == PREP_ID and prep.lower == _OF:
            for obj in children(prep):
                for key in found.at(obj.i):
                    if found.kind(key) in ORG_KINDS:
                        return key
    return None


def _places(token: Token, found: ArticleEntities, doc_index: DocIndex) -> list[tuple[str, Token]]:
    places: list[tuple[str, Token]] = []
    paired: bool | None = None  # read on first need: most event nouns have no place for a modifier
    children = doc_index.children
    # (label ids throughout: ``Token.dep`` is an int, ``dep_`` a str decoded on every read)
    for child in children(token):
        dep = child.dep
        if dep in _NAME_MODIFIER_IDS:
            found_places = [(k, child) for k in found.at(child.i) if found.kind(k) is EntityKind.PLACE]
            if found_places:
                if paired is None:
                    paired = _hyphened_pair(token, doc_index)
                if not paired:
                    places.extend(found_places)
        elif dep == PREP_ID and child.lower in _IN_AT_IDS:
            for obj in children(child):
                if obj.dep == POBJ_ID:
                    places.extend((k, obj) for k in found.at(obj.i) if found.kind(k) in PLACE_KINDS)
    # "the summit, held in Vilnius" / "the summit will take place in Vilnius"
    for child in children(token):
        if child.dep == ACL_ID and child.lemma_ in {"hold", "take", "scheduled", "set"}:
            for prep in children(child):
                if prep.dep == PREP_ID and prep.lower in _IN_AT_IDS:
                    for obj in children(prep):
                        places.extend((k, obj) for k in found.at(obj.i) if found.kind(k) in PLACE_KINDS)
    return places


def _hyphened_pair(token: Token, doc_index: DocIndex) -> bool:
    """ "the China-Central Asia summit", "the EU-Japan summit": a hyphened pair before the event
    noun names its parties (neither is the place of the event)."""
    tokens = doc_index.tokens
    return any(
        t.tag == _HYPH and 0 < t.i < len(tokens) - 1 and tokens[t.i - 1].pos == PROPN_ID and tokens[t.i + 1].pos == PROPN_ID
        for c in token.lefts if c.dep in _PAIR_DEPS for t in c.subtree
    )


#: Label, tag and word ids compared by :func:`_places`.
_NAME_MODIFIER_IDS = ids_of("compound", "nmod")
_PAIR_DEPS = ids_of("compound", "nmod", "punct")
_IN_AT_IDS = ids_of("in", "at")
_HYPH = get_string_id("HYPH")


#: The labels of an event noun whose clause :func:`_clause_places` reads: subject, object, "for" object.
_CLAUSE_ROLE_IDS = NOMINAL_SUBJECT_IDS | {DOBJ_ID, POBJ_ID}


def _clause_places(token: Token, found: ArticleEntities) -> list[tuple[str, Token]]:
    """Where the clause about the event puts it: "the conference opened in Dubai",
    "leaders gathered in Glasgow for the conference", "travelled to Jakarta for the summit"."""
    dep = token.dep  # (the label id, read once: ``dep_`` decodes a str on every read)
    if dep not in _CLAUSE_ROLE_IDS:
        return []  # (no head read for an event noun in no such role)
    head = token.head
    if dep in NOMINAL_SUBJECT_IDS or (dep == DOBJ_ID and head.lemma_ in EVENT_FRAME_VERBS):
        verb, preps = head, ("in", "at")
    elif dep == POBJ_ID and head.lower_ == "for" and head.head.lemma_ in GATHERING_VERBS:
        verb = head.head
        preps = ("in", "at", "to", "into") if verb.lemma_ in TRAVEL_VERBS else ("in", "at")
    else:
        return []
    if verb.pos not in VERB_POS_IDS:
        return []
    return [
        (k, obj)
        for prep in verb.children
        if prep.dep == PREP_ID and prep.lower_ in preps
        for obj in prep.children
        if obj.dep == POBJ_ID
        for k in found.at(obj.i)
        if found.kind(k) is EntityKind.PLACE
    ]


def _formal_visit(token: Token, event_type: str) -> bool:
    """ "a state visit", "an official visit": an event of its own, whoever makes it."""
    return event_type == "Visit" and any(c.dep_ in {"amod", "compound"} and c.lower_ in {"state", "official"} for c in token.children)


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
        known = _known_places(cluster)
        if places and known and not _same_place(places, known, gazetteer, found):
            continue
        return cluster
    return None


def _known_places(cluster: _Cluster) -> list[str]:
    """Where an event is: its mentions' own places, else those their clauses put it in ("In Lima
    he held a meeting"), so that a meeting in Quito is another one."""
    return cluster.places or [k for k, _ in cluster.place_tokens]


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


#: Nouns of a time whose event it is ("last year's summit", "this week's meeting").
TIME_NOUNS = frozenset({"year", "week", "month"})


#: Label and part-of-speech ids of the words left out of an event's surface ("the", "'s", numbers).
_NOT_SURFACE_DEPS = ids_of("det", "punct", "poss", "case")
_NUM = get_string_id("NUM")
_DATE, _CALL = get_string_id("DATE"), get_string_id("call")


def _surface(token: Token, doc_index: DocIndex) -> str:
    # the event noun itself is always a word of it ("the summit's host": the noun is a possessive)
    # ... and so is a time it belongs to ("next year's summit" is not "next summit")
    children = doc_index.children(token)
    timed = {t.i for c in children if c.dep == POSS_ID and c.lemma_.lower() in TIME_NOUNS for t in c.subtree}  # (ids: see POSS_ID)
    # ``token.subtree`` (its left children's subtrees, itself, its right children's) without
    # the right children that hold no word kept below: none before the noun (a right child
    # reaches there only in a non-projective parse) and no time's (the phrases after it)
    walked = [t for c in children if c.i < token.i for t in c.subtree]
    walked.append(token)
    walked += [t for c in children if c.i > token.i and (c.left_edge.i < token.i or c.i in timed) for t in c.subtree]
    words = [
        t for t in walked
        if t.i == token.i or t.i in timed or t.i < token.i and t.dep not in _NOT_SURFACE_DEPS and t.pos != _NUM
    ]
    words = [t for t in words if t.i >= token.i - 3]
    text = " ".join(t.text for t in words).replace(" 's ", "'s ").replace(" ’s ", "’s ")
    for prep in children:
        if prep.dep == PREP_ID and prep.lower_ in {"in", "at"}:
            obj = [c for c in prep.children if c.dep == POBJ_ID]
            if obj and obj[0].ent_type_ in {"GPE", "LOC", "FAC"}:
                text += f" {prep.text} " + " ".join(t.text for t in obj[0].subtree if t.dep_ != "det")
    return text


@dataclass(frozen=True)
class _Dates:
    """The ``DATE`` entities of a doc (of ``doc.ents``, in order), with their first tokens."""

    ents: tuple[Span, ...]
    starts: tuple[int, ...]
    #: What :func:`resolve_date` made of each date, by (first token, anchor, tense): an event noun
    #: and its clause, and the nouns of one sentence, find the same dates.
    resolved: dict[tuple[int, dt.date | None, str | None], DateRange | None] = field(default_factory=dict)

    @classmethod
    def of(cls, doc_index: DocIndex) -> _Dates:
        ents = tuple(e for e in doc_index.ents if e.label == _DATE)  # (the label id)
        return cls(ents, tuple(e.start for e in ents))

    def starting(self, start: int, end: int) -> tuple[Span, ...]:
        """The dates that start at a token from ``start`` up to ``end`` (excluded)."""
        return self.ents[bisect_left(self.starts, start) : bisect_left(self.starts, end)]

    def resolve(self, span: Span, text: str, *, anchor: dt.date | None, tense: Tense | None) -> DateRange | None:
        """``resolve_date(text, ...)`` of the date ``span`` (whose text is ``text``), made once."""
        key = (span.start, anchor, tense)
        if key not in self.resolved:
            self.resolved[key] = resolve_date(text, anchor=anchor, tense=tense)
        return self.resolved[key]


def _date_of(token: Token, anchor: dt.date | None, doc_index: DocIndex, *, dates: _Dates | None = None) -> tuple[dt.date, dt.date] | None:
    """A date attached to the event noun or to the clause that mentions it (``dates``: the
    article's, :meth:`_Dates.of` ``doc_index``)."""
    if dates is None:
        dates = _Dates.of(doc_index)
    if not dates.ents:
        return None  # an article that names no date (no subtree to look at)
    parent = token.head
    # (compared by position: ``token.head`` is a new Token on every read, never ``token`` itself)
    candidates = [token, parent] if parent.i != token.i else [token]
    for head in candidates:
        # a subtree lies within its edges: look at it only when a date starts there
        starting = {e.start: e for e in dates.starting(head.left_edge.i, head.right_edge.i + 1)}
        if not starting:
            continue
        # the dates that start in the subtree, in the order of ``head.subtree``: found by walking up
        # from each date (a clause's subtree is long); walked down only to order two or more
        inside = [i for i in starting if _descends(i, head, doc_index)]
        tense = "future" if any(a.lower_ in {"will", "'ll"} for a in doc_index.children(head)) else None  # (once per head, not per date)
        for i in inside if len(inside) < 2 else [t.i for t in head.subtree if t.i in starting]:
            span = starting[i]
            resolved = dates.resolve(span, doc_index.text[span.start_char : span.end_char], anchor=anchor, tense=tense)  # (``span.text``)
            if resolved is not None:
                return resolved.start, resolved.end
    return None


def _descends(i: int, head: Token, doc_index: DocIndex) -> bool:
    """Whether token ``i`` is ``head`` or one of its descendants (in ``head.subtree``)."""
    tokens = doc_index.tokens
    while i != head.i:
        up = tokens[i].head.i
        if up == i:
            return False  # the root of the sentence, not reached from ``head``
        i = up
    return True


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
        # "the summit ... the gathering": the words naming its type first, then the longest
        label = max(cluster.surfaces, key=lambda s: (s.split()[-1:] == [noun], len(s)))
    else:
        label = " ".join(x for x in (org_label, noun if org_label else cluster.event_type) if x)
        if place_label:
            label += f" in {place_label}"
    year = cluster.dates[0][0].year if cluster.dates else (anchor.year + cluster.year_offset if anchor and not cluster.historic else None)
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
    if cluster.year_offset:
        found.mark_other_occasion(key)
    return key

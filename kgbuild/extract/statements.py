"""Rules for government statements and readouts that keep stances on agents.

Statements and readouts name their targets in ways the verb and noun rules of
:mod:`.relations` misread or miss:

- a stance on an incident that names no doer ("The United States condemns the
  attacks in the capital today") has no agent to point at, and a
  back-reference ("vowed to punish these militants") names none in its
  own words: :func:`unanchored_target` tells :func:`.relations._topic` to make
  no topic of them (with a doer, "Y's attack" or "the attack by Y", the stance
  is on Y as before);
- a call to everyone ("urged all sides to show restraint") is aimed at no one, and a campaign in
  scare quotes ("Norland's “war” on smugglers is a sham") is no campaign: :func:`scare_quoted`;
- ships the model tags as people ("USS Ward") are no agents: :func:`without_vessel_facts`;
- cutting a tie or a part of one ("reduced aid to X", "suspended part of its aid to X"):
  :func:`extract_cutbacks`, rule ``opposes-cutback``;
- a meeting "between X and Y" that a verb only offers, plans or imagines ("would be willing to stage
  talks between X and Y") is not asserted: :func:`governed_modality`;
- a stance noun that a verb ends ("lifted its embargo on X") is a stance that no longer holds:
  :func:`ended_stance` makes it negated;
- a warm welcome given, a mediation between two sides, intelligence shared with a partner:
  :func:`extract_readout_acts`;
- a threat made conditional on someone's act is aimed at that someone ("Iran
  threatened to end the talks unless Baghdad accepted its terms"):
  :func:`extract_threat_conditions`, rule ``opposes-threat-condition``;
- an organisation "is led by", "headed by" or "commanded by" a person names its leader:
  :func:`extract_led_by_leaders`, rule ``leaderOf-led-by`` (an untagged unit name, "TF 88",
  is the organisation); so does "General X, commander, Southern Command":
  :func:`extract_comma_titles`, rule ``leaderOf-comma-title``;
- "the Government of Ghana" untagged by the model stands for Ghana:
  :func:`link_government_phrases`;
- "the Coalition" capitalised as a name is an organisation: :func:`link_capitalised_bodies`;
- "the Minister" acting in a sentence is the article's one named minister:
  :func:`link_titles_to_holders`;
- "X joined Y" with Y a unit, force or other (non-international) organisation makes X
  part of Y, not its partner: :func:`joins_body`.
"""

from __future__ import annotations

import re

from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from ..facts import EntityKind, Fact, Modality
from .docindex import DocIndex
from .entities import ArticleEntities
from .factmaking import AGENT_KINDS, make_fact
from .factuality import modality_of
from .lexicon import Lexicon
from .roles import office_acts
from .syntax import children_of, conjuncts, prep_objects, subjects, tie_targets

__all__ = [
    "ended_stance",
    "extract_comma_titles",
    "extract_cutbacks",
    "extract_led_by_leaders",
    "extract_readout_acts",
    "extract_threat_conditions",
    "governed_modality",
    "joins_body",
    "link_capitalised_bodies",
    "link_government_phrases",
    "link_titles_to_holders",
    "scare_quoted",
    "unanchored_target",
    "without_vessel_facts",
]

#: Determiners that make a noun phrase point back at something named before ("these militants").
DEMONSTRATIVES = frozenset({"this", "these", "that", "those"})
#: Determiners of a call to everyone ("urged all parties"), which names no target.
QUANTIFIERS = frozenset({"all", "every"})  # ("rejected any interference" still names what is rejected)
#: Dependency labels of determiners, as string ids (``Token.dep``).
DETERMINER_DEP_IDS = frozenset({get_string_id("det"), get_string_id("predet")})
#: Quote marks around a word in scare quotes.
OPENING_QUOTES = frozenset({"“", '"', "‘", "'"})
CLOSING_QUOTES = frozenset({"”", '"', "’", "'"})
#: Prefixes of ships' names (navies' and merchant), which the model often tags as people.
VESSEL_PREFIXES = frozenset({
    "USS", "USNS", "USCGC", "HMS", "HMAS", "HMCS", "HMNZS", "FS", "INS", "ESPS", "TCG", "ROKS", "JS",
    "KRI", "BNS", "PNS", "SPS", "FGS", "HNLMS", "HDMS", "HNoMS", "NRP", "BAP", "ARA", "RSS", "MV", "RV",
})  # fmt: skip
#: Type designators of military aircraft ("F-16", "B-52s", "MQ-9", "Su-35", "MiG-29", "KC-135").
AIRCRAFT_TYPE = re.compile(r"^(?:A|B|C|E|F|P|KC|MQ|RQ|AH|UH|CH|MH|HH|Su|MiG|Tu|Il|Mi|Ka|J|Yak)-\d{1,3}[A-Z]?s?$")
#: Nouns of a reception a host gives a guest ("gave Y a warm welcome"), and the verbs that give one.
WELCOME_NOUNS = frozenset({"welcome", "reception"})
WELCOME_VERBS = frozenset({"give", "extend", "accord", "offer"})
#: Verbs of the readout acts other than mediating ("sharing intelligence", "donated $10 million").
READOUT_VERBS = frozenset({"share", "donate"})
#: Words of a mediation between two sides.
MEDIATION_WORDS = frozenset({"mediation", "mediate"})
#: What partners share ("sharing intelligence with Y"); not a border, a view or a concern.
SHARED_GOODS = frozenset({"intelligence", "information", "expertise", "technology", "know-how", "data", "experience", "experiences", "knowledge", "resources", "equipment"})
#: Marks of a condition whose subject a threat is aimed at.
OWN_PRONOUNS = frozenset({"it", "they", "we", "he", "she", "i"})
CONDITION_MARKS = frozenset({"unless", "if"})
#: Verbs that name the leader of their subject when passive ("is led by X").
LEAD_VERBS = frozenset({"lead", "head", "command"})
#: Words that put a leadership in the past ("was once led by", "then headed by").
PAST_MARKERS = frozenset({"formerly", "previously", "once", "then", "earlier", "originally", "later"})
#: Nouns whose "of" phrase names the country they stand for ("the Government of Ghana").
GOVERNMENT_HEADS = frozenset({"government", "Government"})
#: Office head words a bare "the ..." refers back with ("the Minister", "the Secretary").
TITLE_BACK_REFERENCES = frozenset({"minister", "secretary", "ambassador", "envoy", "commissioner", "governor", "mayor", "chancellor"})
#: Organisations a titled head leads.
BODIES = frozenset({EntityKind.ORGANISATION, EntityKind.INTERNATIONAL_ORGANISATION})
#: Generic body words that statements capitalise as a name ("the Coalition").
CAPITALISED_BODIES = frozenset({"coalition"})
#: What a leader leads.
LED_KINDS = frozenset({EntityKind.ORGANISATION, EntityKind.INTERNATIONAL_ORGANISATION, EntityKind.COUNTRY})


def unanchored_target(token: Token, *, lexicon: Lexicon, doc_index: DocIndex | None = None) -> bool:
    """Whether a stance target that names no entity is one no stance fact should point at:
    a violent incident with no doer named ("the attacks in Iraq", "this brutal bombing"), or
    a back-reference whose referent it does not name ("these militants", "this group")."""
    if token.lemma_.lower() in lexicon.stances.incident_nouns or token.lower_ in lexicon.stances.incident_nouns:
        return True
    # "these militants"; "urged all sides to show restraint": a call to everyone is aimed at no one
    # (``dep`` is an int, read at no cost: the words are decoded only for determiners)
    return any(
        c.dep in DETERMINER_DEP_IDS and (c.lower_ in DEMONSTRATIVES or c.lower_ in QUANTIFIERS)
        for c in children_of(token, doc_index=doc_index)
    )


def scare_quoted(token: Token) -> bool:
    """ "Norland's “war” on smugglers is a sham", "the so-called campaign against X": a word in scare quotes
    or called "so-called" is not what the writer says it is, so no stance is read from it."""
    doc = token.doc
    start = min([token.i, *(c.left_edge.i for c in token.children if c.i < token.i)])
    if "so-called" in doc[start : token.i].text.lower().replace(" ", ""):
        return True
    if token.i == 0 or token.i + 1 >= len(doc):
        return False
    return doc[token.i - 1].text in OPENING_QUOTES and doc[token.i + 1].text in CLOSING_QUOTES


def without_vessel_facts(facts: list[Fact], found: ArticleEntities) -> list[Fact]:
    """ "FS Tromp joined USS Ward and HMS Kent", "F-16 Fighting Falcons joined the fight against X":
    ships and aircraft the model tags as people or organisations are no agents; no fact
    (cooperation, stance, meeting, nationality...) has one at either end. A ship is named by its
    prefix ("USS", "HMS"), and its bare name ("Tromp") is the same ship; an aircraft by its type
    designator ("F-16", "MQ-9", "Su-35")."""
    labels = {k: found.label(k) for k in found.keys()}  # (each read once)
    vessels = {k for k, label in labels.items() if label.split(" ", 1)[0] in VESSEL_PREFIXES and " " in label}
    names = {labels[k].split(" ", 1)[1] for k in vessels}
    if names:
        vessels |= {k for k, label in labels.items() if label in names and found.kind(k) is EntityKind.PERSON}
    vessels |= {
        k
        for k, label in labels.items()
        # (every type designator has a hyphen: a label without one is no aircraft)
        if "-" in label and found.kind(k) in {EntityKind.PERSON, EntityKind.ORGANISATION} and any(AIRCRAFT_TYPE.match(w) for w in label.split())
    }
    if not vessels:
        return facts
    return [f for f in facts if f.subject not in vessels and f.object not in vessels]


def joins_body(lemma: str, obj: str, found: ArticleEntities) -> bool:
    """ "The frigate joined the task force", "fighters join the armed group": joining a unit, force
    or other organisation makes the subject part of it, not its partner. Joining an international
    organisation or alliance ("Sweden joined NATO") stays a partnership as well as a membership."""
    return lemma in {"join", "rejoin"} and found.kind(obj) is EntityKind.ORGANISATION


def link_government_phrases(doc: Doc, found: ArticleEntities, *, doc_index: DocIndex) -> None:
    """ "The Government of Ghana condemns ...": an untagged "government of" a country stands for the
    country (as "the Ghanaian government" does), and the phrase is one of the names it goes by."""
    for token in doc_index.tokens_with(lower=GOVERNMENT_HEADS):
        if token.pos_ not in {"NOUN", "PROPN"} or found.at(token.i) or token.dep_ == "compound":
            continue
        countries = [k for _, t in prep_objects(token, "of", doc_index=doc_index) for k in found.at(t.i) if found.kind(k) is EntityKind.COUNTRY]
        if len(set(countries)) != 1:
            continue
        key = countries[0]
        found.link(token.i, key)
        of = next(t for _, t in prep_objects(token, "of", doc_index=doc_index))
        found.add(EntityKind.COUNTRY, found.label(key), surface=doc[token.i : of.i + 1].text, key=key)


def link_capitalised_bodies(doc: Doc, found: ArticleEntities, *, doc_index: DocIndex) -> None:
    """ "The Coalition backs the border guards", "Coalition efforts to train X": a generic body word
    written with a capital as a name ("Coalition", as military and government statements name
    the anti-piracy coalition) is an organisation of that name; lower-case "the coalition", a
    word that opens its sentence, and a word inside a longer name ("the Syrian Arab Coalition")
    are left alone."""
    for token in doc_index.tokens_with(lower=CAPITALISED_BODIES):
        if token.text not in {w.title() for w in CAPITALISED_BODIES} or found.at(token.i) or token.is_sent_start:
            continue
        if token.dep_ == "compound" and (token.head.pos_ == "PROPN" or found.at(token.head.i)):
            continue  # part of a longer name
        if any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.children):
            continue  # "the Syrian Arab Coalition" the model left untagged
        found.add(EntityKind.ORGANISATION, token.text, surface=token.text, tokens=[token.i])


def link_titles_to_holders(doc: Doc, found: ArticleEntities, facts: list[Fact], *, doc_index: DocIndex) -> None:
    """ "Foreign Minister Ana Ruiz arrived on Monday. The Minister met ...": a bare "the Minister"
    or "the Secretary" acting in a sentence is the one person the article names with an office of
    that head word; with two such people (or none) it stays unresolved."""
    holders: dict[str, set[str]] = {}
    for fact in facts:
        if fact.relation == "holdsPosition" and fact.modality is Modality.ASSERTED and found.kind(fact.subject) is EntityKind.PERSON:
            head = _office_head(found.label(fact.object))
            if head:
                holders.setdefault(head, set()).add(fact.subject)
    sole = {head: next(iter(people)) for head, people in holders.items() if len(people) == 1}
    if not sole:
        return
    for token in doc_index.tokens_with(lower=frozenset(sole)):
        if found.at(token.i) or token.tag_ not in {"NN", "NNP"} or token.dep_ == "compound":
            continue
        if [c.lower_ for c in token.children if c.dep_ != "punct"] != ["the"] or not office_acts(token):
            continue  # "the foreign minister of Peru", "the Minister, Ana Ruiz,": read by the office rules
        found.link(token.i, sole[token.lower_])


def _office_head(label: str) -> str | None:
    """ "minister" for "Foreign Minister of Peru" and "Minister for Central Asia"."""
    words = label.lower().split()
    for n, word in enumerate(words):
        if word in {"of", "for", "to"}:
            words = words[:n]
            break
    return words[-1] if words and words[-1] in TITLE_BACK_REFERENCES else None


def governed_modality(noun: Token, *, lexicon: Lexicon) -> Modality | None:
    """ "President X said she would be willing to stage talks between Y and Z", "offered to arrange talks
    between Y and Z": a meeting noun that is the object of a verb takes that verb's whole frame (the
    frame of a noun is otherwise read off its own verb only). ``None`` when that frame asserts."""
    verb = noun.head if noun.dep_ == "dobj" else noun.head.head if noun.dep_ == "pobj" else None
    if verb is None or verb.pos_ not in {"VERB", "AUX"}:
        return None
    modality = modality_of(verb, lexicon=lexicon)
    return None if modality is Modality.ASSERTED else modality


def ended_stance(noun: Token, *, lexicon: Lexicon) -> Modality | None:
    """ "Canada agreed to lift its embargo on Cuba", "X withdrew its support for Y", "calls to end the
    sanctions on Y": a stance noun that is the object of a verb ending it names a stance that no
    longer holds (or is to end): ``NEGATED``; ``None`` otherwise (the noun's own frame decides)."""
    verb = noun
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head  # "lifted the embargo and the sanctions on X"
    verb = verb.head if verb.dep_ in {"dobj", "nsubjpass"} else None
    if verb is None or verb.pos_ not in {"VERB", "AUX"}:
        return None
    lemma = verb.lemma_.lower()
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), "")
    if lemma in lexicon.stances.ending_verbs or (lemma, particle) in {("call", "off"), ("phase", "out"), ("roll", "back")}:
        return Modality.NEGATED
    return None


def extract_cutbacks(doc: Doc, found: ArticleEntities, *, lexicon: Lexicon, article_id: str, doc_index: DocIndex) -> list[Fact]:
    """ "Japan suspended part of its aid program for Myanmar", "Norway reduced aid to Malawi", "the
    EU will prohibit all aid to the rebels": cutting a tie, or a part of one, opposes whom it links to
    (as "suspended aid to X" does, read by :mod:`.stances`)."""
    words = lexicon.stances
    ties_words = words.tie_nouns | {"supplies", "supply"}
    facts: list[Fact] = []
    for verb in doc_index.tokens_with(lemma=words.cutback_verbs | words.rupture_verbs):
        if verb.pos_ != "VERB":
            continue
        cutback = verb.lemma_.lower() in words.cutback_verbs
        ties = []
        for obj in (o for c in verb.children if c.dep_ == "dobj" for o in conjuncts(c, doc_index=doc_index)):
            if obj.lower_ in words.part_heads or obj.lemma_.lower() in words.part_heads:
                ties += [t for _, t in prep_objects(obj, "of", doc_index=doc_index)]  # "part of its aid"
            elif cutback:
                ties.append(obj)  # "reduced aid to X" (the rupture verbs' own objects are read by stances)
        ties = [t for t in ties if t.lemma_.lower() in ties_words or t.lower_ in ties_words]
        if not ties:
            continue
        agents = {found.government_of(k) for s in subjects(verb, doc_index=doc_index) for k in found.at(s.i) if found.kind(k) in AGENT_KINDS}
        targets = [t for tie in ties for t in (*tie_targets(tie, words.tie_nouns), *(t for _, t in prep_objects(tie, "to", "for", doc_index=doc_index)))]
        targets += [t for _, t in prep_objects(verb, "to", "for", "with", doc_index=doc_index)]
        # named agents only: "supplies to a Cambodian refugee camp" are not cut to Cambodia
        objs = [found.government_of(k) for t in targets for k in found.at(t.i) if found.kind(k) in AGENT_KINDS]
        for obj in dict.fromkeys(k for k in objs if k not in agents):
            for agent in sorted(agents):
                facts.append(make_fact(agent, "opposes", obj, verb, rule="opposes-cutback", confidence=0.7, lexicon=lexicon, article_id=article_id, doc_index=doc_index))
    return facts


def extract_readout_acts(doc: Doc, found: ArticleEntities, *, lexicon: Lexicon, article_id: str, doc_index: DocIndex) -> list[Fact]:
    """Acts of readouts that name a meeting or a cooperation without the usual verbs:

    - "X gave Y a warm welcome", "X extended a warm welcome to Y": X meets Y (``meets-welcome``);
    - "X undertook a mediation mission between Y and Z", "X mediated between Y and Z": the mediator
      meets each side (``meets-mediation``), the sides do not meet;
    - "X has been sharing intelligence with Y": X cooperates with Y (``cooperatesWith-sharing``);
      sharing a border, a view or a concern is no cooperation.
    - "X donated $10 million to Y": X supports Y (``supports-donation``), not the gift.
    """

    def agents(tokens) -> list[str]:
        return list(dict.fromkeys(found.government_of(k) for t in tokens for c in conjuncts(t, doc_index=doc_index) for k in found.at(c.i) if found.kind(k) in AGENT_KINDS))

    facts: list[Fact] = []

    def add(subjects_: list[str], relation: str, objects_: list[str], predicate: Token, rule: str) -> None:
        for a in subjects_:
            for b in objects_:
                if a != b:
                    facts.append(make_fact(a, relation, b, predicate, rule=rule, confidence=0.7, lexicon=lexicon, article_id=article_id, doc_index=doc_index))

    for token in doc_index.tokens_with(lemma=WELCOME_NOUNS | MEDIATION_WORDS | READOUT_VERBS):
        lemma = token.lemma_.lower()
        if lemma in WELCOME_NOUNS and token.pos_ == "NOUN" and token.dep_ == "dobj" and token.head.lemma_.lower() in WELCOME_VERBS:
            verb = token.head
            guests = [c for c in verb.children if c.dep_ == "dative" and c.lower_ != "to"]
            guests += [t for _, t in prep_objects(verb, "to", doc_index=doc_index)] + [t for _, t in prep_objects(token, "to", doc_index=doc_index)]
            add(agents(subjects(verb, doc_index=doc_index)), "meets", agents(guests), verb, "meets-welcome")
        elif lemma in MEDIATION_WORDS:
            holder = token
            if token.dep_ == "compound" and token.head.pos_ == "NOUN":
                holder = token.head  # "a mediation mission between Y and Z"
            sides = agents([t for _, t in prep_objects(holder, "between", doc_index=doc_index)])
            if len(sides) < 2:
                continue
            if token.pos_ == "VERB":
                mediators, predicate = agents(subjects(token, doc_index=doc_index)), token
            else:
                mediators = agents([c for c in holder.children if c.dep_ == "poss"])
                predicate = holder.head if holder.dep_ == "dobj" else holder
                if not mediators and holder.dep_ == "dobj":
                    mediators = agents(subjects(holder.head, doc_index=doc_index))
            add(mediators, "meets", sides, predicate, "meets-mediation")
        elif lemma == "donate" and token.pos_ == "VERB":
            # "Japan donated $10 million to the WFP": whom the gift goes to, never the gift
            add(agents(subjects(token, doc_index=doc_index)), "supports", agents([t for _, t in prep_objects(token, "to", doc_index=doc_index)]), token, "supports-donation")
        elif lemma == "share" and token.pos_ == "VERB":
            goods = [o for c in token.children if c.dep_ == "dobj" for o in conjuncts(c, doc_index=doc_index)]
            if any(o.lemma_.lower() in SHARED_GOODS for o in goods):
                partners = [t for _, t in prep_objects(token, "with", doc_index=doc_index)] + [t for o in goods for _, t in prep_objects(o, "with", doc_index=doc_index)]
                add(agents(subjects(token, doc_index=doc_index)), "cooperatesWith", agents(partners), token, "cooperatesWith-sharing")
    return facts


def extract_threat_conditions(doc: Doc, found: ArticleEntities, *, lexicon: Lexicon, article_id: str, doc_index: DocIndex) -> list[Fact]:
    """ "X threatened to walk out of the talks unless Y dropped its demand", "X warned that it
    would retaliate if Y ...": X opposes Y (the threat is made, whatever Y then does)."""
    # the verb rules' fact builder, shared so that both read alike

    facts: list[Fact] = []
    for verb in doc_index.tokens_with(lemma=lexicon.stances.threat_verbs, lower=frozenset()):
        if verb.pos_ != "VERB":
            continue
        subject_tokens = subjects(verb, doc_index=doc_index)  # (read twice below)
        agents = [found.government_of(k) for s in subject_tokens for k in found.at(s.i) if found.kind(k) in AGENT_KINDS]
        if not agents:
            continue
        own = [k for s in subject_tokens for k in found.at(s.i)]
        targets = [found.government_of(k) for t in _condition_subjects(verb, own, found) for k in found.at(t.i) if found.kind(k) in AGENT_KINDS]
        for agent in dict.fromkeys(agents):
            for target in dict.fromkeys(targets):
                if target != agent and target != found.country_of(agent):
                    facts.append(make_fact(agent, "opposes", target, verb, rule="opposes-threat-condition", confidence=0.7, lexicon=lexicon, article_id=article_id, doc_index=doc_index, refinement="threatens"))
    return facts


def _condition_subjects(verb: Token, agents: list[str], found_entities: ArticleEntities) -> list[Token]:
    """Subjects of the "unless/if" clauses on a threat verb or on the act it threatens; a "that"
    clause counts only when its threat is the warner's own ("X warned that it would ... if Y",
    not "X warned that Z would retaliate if Y", which is Z's threat)."""
    clauses = [verb, *(c for c in verb.children if c.dep_ == "xcomp")]
    for clause in (c for c in verb.children if c.dep_ == "ccomp"):
        doers = [s for s in clause.children if s.dep_ in {"nsubj", "nsubjpass"}]
        if doers and all(d.lower_ in OWN_PRONOUNS or set(found_entities.at(d.i)) & set(agents) for d in doers):
            clauses.append(clause)
    found = []
    for clause in clauses:
        for child in clause.children:
            if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in child.children):
                found += [t for s in child.children if s.dep_ in {"nsubj", "nsubjpass"} for t in conjuncts(s)]
    return found


def extract_led_by_leaders(doc: Doc, found: ArticleEntities, *, lexicon: Lexicon, article_id: str, doc_index: DocIndex) -> list[Fact]:
    """ "The task force is currently led by Commodore X", "the government, headed by Prime
    Minister Y,": the person leads the organisation or country. A leadership put in the past
    ("was led by", "then headed by") is no current one and gives nothing."""

    facts: list[Fact] = []
    for verb in doc_index.tokens_with(lemma=LEAD_VERBS, lower=frozenset()):
        if verb.tag_ != "VBN" or not _current(verb):
            continue
        leaders = [k for _, t in prep_objects(verb, "by", doc_index=doc_index) for t in conjuncts(t, doc_index=doc_index) for k in found.at(t.i) if found.kind(k) is EntityKind.PERSON]
        if verb.dep_ == "acl":
            led_tokens = [verb.head]  # "the coalition, led by X,"
        else:
            led_tokens = [t for c in verb.children if c.dep_ == "nsubjpass" for t in conjuncts(c, doc_index=doc_index)]
        led = [found.government_of(k) for t in led_tokens for k in found.at(t.i) if found.kind(k) in LED_KINDS]
        if leaders and not led and verb.dep_ != "acl":
            led = [k for t in led_tokens if (k := _unit_named(t, found)) is not None]
        for leader in dict.fromkeys(leaders):
            for body in dict.fromkeys(led):
                facts.append(make_fact(leader, "leaderOf", body, verb, rule="leaderOf-led-by", confidence=0.75, lexicon=lexicon, article_id=article_id, doc_index=doc_index))
    return facts


def _unit_named(token: Token, found: ArticleEntities) -> str | None:
    """ "TF 88 is led by Commodore X": an untagged proper name (with its number) that a person
    leads is an organisation (a unit, a task force)."""
    if token.pos_ != "PROPN" or token.dep_ != "nsubjpass":
        return None
    words = [t for t in token.subtree if t.dep_ not in {"det", "punct"}]
    if any(found.at(t.i) for t in words) or any(t.dep_ not in {"compound", "nummod"} and t is not token for t in words):
        return None
    label = " ".join(t.text for t in words)
    return found.add(EntityKind.ORGANISATION, label, surface=label, tokens=[t.i for t in words])


def extract_comma_titles(doc: Doc, found: ArticleEntities, *, lexicon: Lexicon, article_id: str, doc_index: DocIndex) -> list[Fact]:
    """ "General Ana Ruiz, commander, Southern Command, said": the military readout style that sets
    a head's title and its organisation side by side between commas names the organisation's
    leader (as "commander of Southern Command" does)."""

    facts: list[Fact] = []
    for title in doc_index.tokens_with(lower=lexicon.org_only_leader_titles):
        if title.dep_ != "appos" or any(c.dep_ == "prep" for c in title.children) or doc[title.i + 1 : title.i + 2].text != ",":
            continue  # ("commander of X" is read by the office rules)
        person = title.head
        people = [k for k in found.at(person.i) if found.kind(k) is EntityKind.PERSON]
        # the parser hangs the organisation on the name or on the title
        bodies = [
            k
            for c in (*person.children, *title.children)
            if c.dep_ == "appos" and c.i > title.i
            for k in found.at(c.i)
            if found.kind(k) in BODIES
        ]
        for leader in dict.fromkeys(people):
            for body in dict.fromkeys(bodies):
                facts.append(make_fact(leader, "leaderOf", body, title, rule="leaderOf-comma-title", confidence=0.7, lexicon=lexicon, article_id=article_id, doc_index=doc_index))
    return facts


def _current(verb: Token) -> bool:
    """A present leadership: "is/are (currently) led by", or a participle "X, led by Y," not put
    in the past."""
    if any(c.dep_ in {"advmod", "npadvmod"} and c.lower_ in PAST_MARKERS for c in verb.children):
        return False
    aux = [c for c in verb.children if c.dep_ in {"auxpass", "aux"}]
    if verb.dep_ == "acl":
        return not aux
    if any(a.lower_ in {"was", "were", "had"} for a in aux):
        return False
    return any(a.tag_ in {"VBZ", "VBP", "MD"} for a in aux)

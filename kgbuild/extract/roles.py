"""Offices: who holds which position, who leads which country or organisation.

Three shapes of title are read, each rule named in the evidence:

* ``title-before-name``: "Japanese Prime Minister Fumio Kishida",
  "NATO Secretary General Jens Stoltenberg";
* ``title-apposition``: "Olaf Scholz, the German chancellor," and the reverse
  "Indonesia's defence minister, Prabowo Subianto";
* ``unnamed-office-holder``: "the leaders of South Korea and Australia",
  "Japan's prime minister" with no name: one person node per country.

A former office ("a former minister") gives no current position.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..facts import EntityKind, Fact, Modality, entity_key
from ..gazetteer import Gazetteer
from .entities import ArticleEntities
from .lexicon import Lexicon
from .syntax import conjuncts, evidence

__all__ = ["extract_roles"]

#: Dependency labels of the words that make up a title in front of a name.
TITLE_DEPS = frozenset({"compound", "amod", "poss", "nmod", "case", "punct"})
COUNTRY_KINDS = (EntityKind.COUNTRY,)
ORG_KINDS = (EntityKind.INTERNATIONAL_ORGANISATION, EntityKind.ORGANISATION)
AGENT_KINDS = (EntityKind.PERSON, EntityKind.COUNTRY, *ORG_KINDS)
#: Nouns that describe belonging to an organisation, and the relation each gives.
MEMBERSHIP_NOUNS = {"member": "memberOf", "ally": "memberOf", "partner": "partnerOf", "signatory": "memberOf"}
#: Generic heads that name an unnamed office holder only together with a country.
UNNAMED_HEADS = frozenset({"leader", "president", "premier", "chancellor", "king", "queen", "minister", "emir", "spokesperson", "spokesman", "spokeswoman", "ambassador", "envoy"})

#: Words that belong to an office's name when they modify its head ("foreign minister").
OFFICE_MODIFIERS = frozenset({"prime", "supreme", "vice", "deputy", "foreign", "defence", "defense", "finance", "interior", "trade", "chief", "crown"})


@dataclass(frozen=True)
class _Title:
    office: str  # "Prime Minister"
    surface: str  # "Japanese Prime Minister"
    holder_of: str | None  # key of the country or organisation
    former: bool
    anchor: Token  # the title's head word


def extract_roles(
    doc: Doc, found: ArticleEntities, *, gazetteer: Gazetteer, lexicon: Lexicon, article_id: str
) -> list[Fact]:
    """Position, leader and citizenship facts; links "the president" and unnamed leaders to people."""
    facts: list[Fact] = []
    holders: dict[str, list[str]] = {}  # office (lower) -> person keys, in order of mention
    for root, person in _person_roots(doc, found):
        for rule, title in _titles_of(root, found, gazetteer=gazetteer, lexicon=lexicon):
            if title.former:
                continue
            facts.extend(_facts_for(person, title, found, rule=rule, lexicon=lexicon, article_id=article_id))
            if rule == "title-before-name":
                # "Japanese Prime Minister Fumio Kishida" is a surface form of the person too
                found.add(EntityKind.PERSON, found.label(person), surface=f"{title.surface} {_name_text(root, person, found)}", key=person)
            holders.setdefault(title.office.lower(), []).append(person)
            found.link(title.anchor.i, person)
    facts.extend(_unnamed_holders(doc, found, holders, gazetteer=gazetteer, lexicon=lexicon, article_id=article_id))
    facts.extend(_descriptions(doc, found, gazetteer=gazetteer, lexicon=lexicon, article_id=article_id))
    return facts


def _descriptions(doc: Doc, found: ArticleEntities, *, gazetteer: Gazetteer, lexicon: Lexicon, article_id: str) -> list[Fact]:
    """What an apposition or copula says of an agent: "X, a Norwegian politician",
    "Norway is a member of NATO", "X was a politician for the Labour Party"."""
    facts: list[Fact] = []
    for token in doc:
        keys = [k for k in found.at(token.i) if found.kind(k) in AGENT_KINDS]
        if not keys or token.pos_ == "PRON" or (token.dep_ == "compound" and found.at(token.head.i) == found.at(token.i)):
            continue
        nouns = [c for c in token.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
        if token.dep_ in {"nsubj", "nsubjpass"} and token.head.lemma_ == "be":
            nouns += [c for c in token.head.children if c.dep_ == "attr" and c.pos_ == "NOUN"]
        # "NATO member Turkey", "fellow NATO ally Poland": the description sits before the name
        nouns += [c for c in token.children if c.dep_ == "compound" and c.lemma_.lower() in MEMBERSHIP_NOUNS]
        for noun in nouns:
            former = any(c.lower_ in lexicon.former for c in noun.lefts)
            if former:
                continue
            ev = evidence(noun.sent, article_id=article_id, rule="description", confidence=0.7)
            lemma = noun.lemma_.lower()
            countries = [] if lemma in MEMBERSHIP_NOUNS else _countries_of(noun, found, gazetteer=gazetteer)
            for key in keys:
                if found.kind(key) is EntityKind.PERSON:
                    facts.extend(Fact(key, "citizenOf", c, Modality.ASSERTED, ev) for c in countries)
            groups = [
                g for _, obj in _prep_objects(noun, ("of", "for", "in")) for g in found.at(obj.i)
                if found.kind(g) in ORG_KINDS and (lemma in MEMBERSHIP_NOUNS or "party" in found.label(g).lower())
            ]
            groups += [g for c in noun.children if c.dep_ in {"compound", "nmod"} and lemma in MEMBERSHIP_NOUNS for g in found.at(c.i) if found.kind(g) in ORG_KINDS]
            relation = MEMBERSHIP_NOUNS.get(lemma, "memberOf")
            for key in keys:
                facts.extend(Fact(key, relation, g, Modality.ASSERTED, ev) for g in groups if g != key)
    return facts


def _prep_objects(head: Token, preps: tuple[str, ...]):
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in preps:
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    for member in conjuncts(obj):
                        yield prep.lower_, member


def _name_text(root: Token, person: str, found: ArticleEntities) -> str:
    start = root.i
    while start > 0 and found.at(start - 1) == (person,) and root.doc[start - 1].pos_ == "PROPN":
        start -= 1
    return root.doc[start : root.i + 1].text


def _person_roots(doc: Doc, found: ArticleEntities):
    """(root token, person key) of each multi- or single-token person mention."""
    for token in doc:
        keys = found.at(token.i)
        if len(keys) != 1 or found.kind(keys[0]) is not EntityKind.PERSON:
            continue
        if token.pos_ == "PRON":
            continue
        if token.dep_ == "compound" and found.at(token.head.i) == keys:
            continue
        yield token, keys[0]


def _titles_of(root: Token, found: ArticleEntities, *, gazetteer: Gazetteer, lexicon: Lexicon):
    name_keys = found.at(root.i)
    before = [
        t
        for t in root.subtree
        if t.i < root.i and found.at(t.i) != name_keys and t.dep_ in TITLE_DEPS | {"prep", "pobj"}
        and not (t.dep_ == "punct" and t.text != "-")
    ]
    # Only the contiguous run right before the name.
    first_name = min((t.i for t in root.subtree if found.at(t.i) == name_keys), default=root.i)
    run = [t for t in before if t.i < first_name]
    contiguous: list[Token] = []
    for t in reversed(run):
        expected = (contiguous[0].i if contiguous else first_name) - 1
        if t.i != expected:
            break
        contiguous.insert(0, t)
    title = _read_title(contiguous, found, gazetteer=gazetteer, lexicon=lexicon)
    if title is not None:
        yield "title-before-name", title
    for child in root.children:
        if child.dep_ == "appos" and child.pos_ in {"NOUN", "PROPN"} and not found.at(child.i):
            title = _read_title(_noun_phrase(child), found, gazetteer=gazetteer, lexicon=lexicon)
            if title is not None:
                yield "title-apposition", title
    if root.dep_ == "appos" and root.head.pos_ in {"NOUN", "PROPN"} and not found.at(root.head.i):
        title = _read_title(_noun_phrase(root.head), found, gazetteer=gazetteer, lexicon=lexicon)
        if title is not None:
            yield "title-apposition", title
    # "X is the president of Y" / "X, who is Y's foreign minister"
    verb = root.head
    if root.dep_ == "nsubj" and verb.lemma_ == "be":
        for attr in verb.children:
            if attr.dep_ == "attr" and attr.pos_ == "NOUN" and not found.at(attr.i):
                title = _read_title(_noun_phrase(attr), found, gazetteer=gazetteer, lexicon=lexicon)
                if title is not None:
                    yield "title-copula", title


def _noun_phrase(head: Token) -> list[Token]:
    """The head noun with its left modifiers and an "of/for X" complement."""
    tokens = [t for left in head.lefts if left.dep_ not in {"det", "punct"} for t in left.subtree]
    tokens.append(head)
    for prep in head.rights:
        if prep.dep_ == "prep" and prep.lower_ in {"of", "for"}:
            tokens.extend(t for t in prep.subtree if t.dep_ not in {"det", "punct", "relcl", "appos"})
    return sorted(set(tokens), key=lambda t: t.i)


def _read_title(tokens: list[Token], found: ArticleEntities, *, gazetteer: Gazetteer, lexicon: Lexicon) -> _Title | None:
    if not tokens:
        return None
    holder: str | None = None
    former = False
    office: list[Token] = []
    for t in tokens:
        lower = t.lower_
        keys = found.at(t.i)
        if lower in lexicon.former or lower.startswith("ex-"):
            former = True
            continue
        if keys and found.kind(keys[0]) is EntityKind.ORGANISATION and t.pos_ == "PROPN" and len(found.label(keys[0]).split()) == 1:
            office.append(t)  # "Defense" in "Defense Minister", mistaken for an organisation
            continue
        if keys and found.kind(keys[0]) in COUNTRY_KINDS + ORG_KINDS:
            holder = holder or keys[0]
            continue
        if keys:
            return None  # another name inside: not a title
        country = gazetteer.country(t.text) if t.pos_ in {"ADJ", "PROPN", "NOUN"} else None
        if country is not None and (t.is_title or t.is_upper):
            holder = holder or found.add(EntityKind.COUNTRY, country.name, surface=t.text, wikidata=country.wikidata)
            continue
        if t.tag_ == "POS" or lower in lexicon.not_title or t.dep_ == "poss":
            continue
        office.append(t)
    # Drop a dangling "of/for/to" left after removing its country ("President of France" -> "President").
    while office and office[-1].lower_ in {"of", "for", "to", "and"}:
        office.pop()
    if not office or not any(t.lemma_.lower() in lexicon.title_heads or t.lower_ in lexicon.title_heads for t in office):
        return None
    if office[-1].pos_ not in {"NOUN", "PROPN"}:
        return None
    text = " ".join(t.text for t in office)
    if text.islower():
        text = text.title()
    anchor = max((t for t in office if t.lower_ not in {"of", "for", "to"}), key=lambda t: t.head is t or t.dep_ not in {"compound", "amod"})
    surface = " ".join(t.text for t in tokens if t.tag_ != "POS")
    return _Title(office=text, surface=surface, holder_of=holder, former=former, anchor=anchor)


def _facts_for(person: str, title: _Title, found: ArticleEntities, *, rule: str, lexicon: Lexicon, article_id: str) -> list[Fact]:
    sent = title.anchor.sent
    holder_label = found.label(title.holder_of) if title.holder_of else None
    label = f"{title.office} of {holder_label}" if holder_label else title.office
    position = found.add(
        EntityKind.POSITION,
        label,
        surface=title.surface if title.surface != label else None,
        country=title.holder_of,
    )
    if title.office != label:
        found.add(EntityKind.POSITION, label, surface=title.office, key=position)
    facts = [
        Fact(person, "holdsPosition", position, Modality.ASSERTED, evidence(sent, article_id=article_id, rule=rule, confidence=0.9))
    ]
    office = title.office.lower()
    if title.holder_of is not None:
        holder_kind = found.kind(title.holder_of)
        is_leader = office in lexicon.leader_titles and (
            holder_kind in ORG_KINDS or office not in lexicon.org_only_leader_titles
        )
        if is_leader:
            if holder_kind in COUNTRY_KINDS:
                found.add(EntityKind.PERSON, found.label(person), key=person, country=title.holder_of)
            facts.append(Fact(person, "leaderOf", title.holder_of, Modality.ASSERTED, evidence(sent, article_id=article_id, rule=rule, confidence=0.85)))
        if holder_kind in COUNTRY_KINDS:
            facts.append(Fact(person, "citizenOf", title.holder_of, Modality.ASSERTED, evidence(sent, article_id=article_id, rule=rule + "/citizen", confidence=0.7)))
    return facts


def _unnamed_holders(doc: Doc, found: ArticleEntities, holders: dict[str, list[str]], *, gazetteer: Gazetteer, lexicon: Lexicon, article_id: str) -> list[Fact]:
    """ "leaders of A, B and C", "Japan's prime minister", "the president" without a name."""
    facts: list[Fact] = []
    for token in doc:
        if found.at(token.i) or token.pos_ not in {"NOUN", "PROPN"}:
            continue
        lemma = token.lemma_.lower()
        office = _office_words(token)
        is_leader = office.lower() in lexicon.leader_titles
        if lemma not in UNNAMED_HEADS or (lemma == "leader" and not is_leader):
            continue
        if any(c.dep_ in {"appos"} for c in token.children) or token.dep_ == "compound":
            continue
        if not _acts(token):
            continue  # "the Prime Minister of X is the head of government": the office, not a person
        countries = _countries_of(token, found, gazetteer=gazetteer)
        if countries:
            people = []
            for country in countries:
                label = f"{office.title() if office.islower() else office} of {found.label(country)}"
                known = [p for p in holders.get(office.lower(), []) if found.country_of(p) == country]
                person = known[-1] if known else found.add(EntityKind.PERSON, label, key=entity_key(EntityKind.PERSON, label), country=country)
                people.append(person)
                if not known:
                    ev = evidence(token.sent, article_id=article_id, rule="unnamed-office-holder", confidence=0.8)
                    if is_leader:
                        facts.append(Fact(person, "leaderOf", country, Modality.ASSERTED, ev))
                    if lemma != "leader":
                        position = found.add(EntityKind.POSITION, label, country=country)
                        facts.append(Fact(person, "holdsPosition", position, Modality.ASSERTED, ev))
            for n, person in enumerate(people):
                found.link(token.i, person, replace=n == 0)
        elif any(c.dep_ == "det" and c.lower_ == "the" for c in token.children) and token.tag_ in {"NN", "NNP"}:
            candidates = holders.get(office.lower(), [])
            if len(set(candidates)) == 1:
                found.link(token.i, candidates[0])
    return facts


def _acts(token: Token) -> bool:
    """Whether an office noun names someone taking part in what the sentence says."""
    while token.dep_ == "conj":
        token = token.head
    head = token.head
    if token.dep_ in {"nsubj", "nsubjpass", "dobj"}:
        # "is the head of government" defines an office; "will be present at" is an act
        return not (head.lemma_ == "be" and any(c.dep_ == "attr" for c in head.children))
    return token.dep_ == "pobj" and head.lower_ in {"with", "between", "by", "from", "alongside"}


def _office_words(token: Token) -> str:
    """ "prime minister" for the head "minister" with its compound "prime"."""
    parts = [c for c in token.lefts if c.dep_ in {"compound", "amod"} and c.lower_ in OFFICE_MODIFIERS]
    return " ".join([*(p.lower_ for p in parts), token.lower_ if token.tag_ != "NNS" else token.lemma_.lower()])


def _countries_of(token: Token, found: ArticleEntities, *, gazetteer: Gazetteer) -> list[str]:
    keys: list[str] = []
    # A parse slip hangs the last country of "leaders from A, B and C" on "leaders".
    has_from = any(c.dep_ == "prep" and c.lower_ in {"of", "from"} for c in token.children)
    for child in token.children:
        if child.dep_ in {"poss", "amod", "compound"}:
            keys.extend(_country_keys(child, found, gazetteer))
        elif child.dep_ == "prep" and child.lower_ in {"of", "from"}:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    for c in conjuncts(obj):
                        keys.extend(_country_keys(c, found, gazetteer))
        elif child.dep_ == "conj" and has_from and token.tag_ == "NNS":
            country_keys = _country_keys(child, found, gazetteer)
            keys.extend(country_keys)
            if country_keys:
                found.unlink(child.i)
    return list(dict.fromkeys(keys))


def _country_keys(token: Token, found: ArticleEntities, gazetteer: Gazetteer) -> list[str]:
    keys = [k for k in found.at(token.i) if found.kind(k) is EntityKind.COUNTRY]
    if not keys and token.pos_ in {"ADJ", "PROPN"} and (token.is_title or token.is_upper):
        country = gazetteer.country(token.text)
        if country is not None:
            keys = [found.add(EntityKind.COUNTRY, country.name, surface=token.text, wikidata=country.wikidata)]
    return keys

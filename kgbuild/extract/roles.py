"""Offices: who holds which position, who leads which country or organisation.

Three shapes of title are read, each rule named in the evidence:

* ``title-before-name``: "Japanese Prime Minister Fumio Kishida",
  "NATO Secretary General Jens Stoltenberg";
* ``title-apposition``: "Olaf Scholz, the German chancellor," and the reverse
  "Indonesia's defence minister, Prabowo Subianto";
* unnamed office holders: "the leaders of South Korea and Australia",
  "Japan's prime minister" with no name: one person node per country, whose
  ``leads`` (the country) defines it rather than being a fact read from the text.

A former office ("a former minister") gives no current position.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, replace

from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from ..facts import EntityKind, Evidence, Fact, Modality, entity_key
from ..gazetteer import Gazetteer
from .docindex import DocIndex
from .entities import ArticleEntities
from .lexicon import Lexicon
from .syntax import (
    APPOS_ID,
    COMPOUND_ID,
    MODIFIER_IDS,
    NOMINAL_SUBJECT_IDS,
    NSUBJ_ID,
    POBJ_ID,
    POSS_ID,
    POSSESSIVE_TAG_ID,
    PREP_ID,
    PRON_ID,
    PUNCT_ID,
    children_of,
    conjuncts,
    evidence,
    ids_of,
)

__all__ = ["extract_roles", "office_acts"]

#: Dependency labels of the words that make up a title in front of a name.
TITLE_DEPS = frozenset({"compound", "amod", "poss", "nmod", "case", "punct"})
#: The dependencies of the words in the run before a name that may be its title ("Minister of Defence").
TITLE_RUN_DEPS = TITLE_DEPS | {"prep", "pobj"}
#: Label ids (``Token.dep``) of the labels compared in the hot title rules: an integer
#: comparison instead of reading ``Token.dep_`` (a string decoded per call).
_TITLE_RUN_DEP_IDS = ids_of(*TITLE_RUN_DEPS)
_ATTR = get_string_id("attr")
COUNTRY_KINDS = (EntityKind.COUNTRY,)
ORG_KINDS = (EntityKind.INTERNATIONAL_ORGANISATION, EntityKind.ORGANISATION)
AGENT_KINDS = (EntityKind.PERSON, EntityKind.COUNTRY, *ORG_KINDS)
HOLDER_KINDS = COUNTRY_KINDS + ORG_KINDS  # the kinds whose office a title names
#: Nouns that describe belonging to an organisation, and the relation each gives.
MEMBERSHIP_NOUNS = {"member": "memberOf", "ally": "memberOf", "partner": "partnerOf", "signatory": "memberOf"}
#: Generic heads that name an unnamed office holder only together with a country.
UNNAMED_HEADS = frozenset({"leader", "president", "premier", "chancellor", "king", "queen", "minister", "emir", "spokesperson", "spokesman", "spokeswoman", "ambassador", "envoy"})

#: First and last words of names read with "the" ("the United States", "the Czech Republic", "the African Union").
THE_FIRST_WORDS = frozenset({"United", "European", "Holy", "Central", "Democratic", "Dominican", "Gambia"})
THE_LAST_WORDS = frozenset({"Republic", "Union", "Nations", "Kingdom", "Emirates", "Islands", "Commission", "Council", "Parliament", "Bank", "Organization", "Organisation", "Court", "Assembly", "Fund", "Community"})
#: Words that make a noun phrase a description rather than an office title.
NOT_AN_OFFICE = frozenset({"only", "sole"})

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
    doc: Doc, found: ArticleEntities, *, gazetteer: Gazetteer, lexicon: Lexicon, article_id: str, doc_index: DocIndex | None = None
) -> list[Fact]:
    """Position, leader and citizenship facts; links "the president" and unnamed leaders to people."""
    if doc_index is None:
        doc_index = DocIndex(doc)
    facts: list[Fact] = []
    holders: dict[str, list[str]] = {}  # office (lower) -> person keys, in order of mention
    # The tokens that stand for an entity, in text order (a heap), instead of every token of the
    # doc: only these can be a person's root. A title's head linked to its person further on
    # ("X, the president,") is queued as it is linked, and visited in its turn.
    queue = [i for i, _ in found.linked()]
    queued = set(queue)
    while queue:
        i = heapq.heappop(queue)
        person = _person_root(i, found, doc_index)
        if person is None:
            continue
        root = doc_index.tokens[i]
        for rule, title in _titles_of(root, found, gazetteer=gazetteer, lexicon=lexicon, doc_index=doc_index):
            if title.former or {"member", "members"} & set(title.office.lower().split()):
                continue  # a former office is no current one; "a member of X" is a membership (see _descriptions)
            if title.holder_of is None and title.office.lower() in lexicon.org_only_leader_titles:
                title = replace(title, holder_of=_organisation_headed(title.office, found, gazetteer))
            facts.extend(_facts_for(person, title, found, rule=rule, lexicon=lexicon, article_id=article_id, doc_index=doc_index))
            if rule == "title-before-name":
                # "Japanese Prime Minister Fumio Kishida" is a surface form of the person too
                found.add(EntityKind.PERSON, found.label(person), surface=f"{title.surface} {_name_text(root, person, found, doc_index)}", key=person)
            holders.setdefault(title.office.lower(), []).append(person)
            if title.holder_of is not None and found.kind(title.holder_of) in ORG_KINDS:
                # "European Commission President X" is no candidate for "the French president"
                holders.setdefault(title.office.lower() + ORG_HELD, []).append(person)
            found.link(title.anchor.i, person)
            if title.anchor.i > i and title.anchor.i not in queued:
                queued.add(title.anchor.i)
                heapq.heappush(queue, title.anchor.i)
    facts.extend(_unnamed_holders(doc, found, holders, gazetteer=gazetteer, lexicon=lexicon, article_id=article_id, doc_index=doc_index))
    _link_possessive_holders(found, holders, gazetteer=gazetteer, lexicon=lexicon, doc_index=doc_index)
    facts.extend(_descriptions(doc, found, gazetteer=gazetteer, lexicon=lexicon, article_id=article_id, doc_index=doc_index))
    return facts


def _descriptions(doc: Doc, found: ArticleEntities, *, gazetteer: Gazetteer, lexicon: Lexicon, article_id: str, doc_index: DocIndex) -> list[Fact]:
    """What an apposition or copula says of an agent: "X, a Norwegian politician",
    "Norway is a member of NATO", "X was a politician for the Labour Party"."""
    facts: list[Fact] = []
    described = _described_tokens(doc_index)
    for i, linked in found.linked():  # the mentions (the rules below link no token)
        if i not in described:
            continue  # no apposition, complement or membership noun to read (tested first: the cheapest)
        keys = [k for k in linked if found.kind(k) in AGENT_KINDS]
        if not keys:
            continue
        token = doc_index.tokens[i]
        if token.pos_ == "PRON" or (token.dep_ == "compound" and found.at(token.head.i) == found.at(token.i)):
            continue
        children = doc_index.children(token)
        nouns = [c for c in children if c.dep_ == "appos" and c.pos_ == "NOUN"]
        if token.dep_ in {"nsubj", "nsubjpass"} and token.head.lemma_ == "be":
            nouns += [c for c in doc_index.children(token.head) if c.dep_ == "attr" and c.pos_ == "NOUN"]
        # "NATO member Turkey", "fellow NATO ally Poland": the description sits before the name
        nouns += [c for c in children if c.dep_ == "compound" and c.lemma_.lower() in MEMBERSHIP_NOUNS]
        for noun in nouns:
            former = any(c.lower_ in lexicon.former for c in noun.lefts)
            if former:
                continue
            ev = doc_index.evidence(noun, article_id=article_id, rule="description", confidence=0.7)
            # "Egypt is not a member of NATO": the copula's negation is the description's
            said = Modality.NEGATED if noun.dep_ == "attr" and any(c.dep_ == "neg" for c in noun.head.children) else Modality.ASSERTED
            lemma = noun.lemma_.lower()
            countries = [] if lemma in MEMBERSHIP_NOUNS else _countries_of(noun, found, gazetteer=gazetteer, doc_index=doc_index)
            for key in keys:
                if found.kind(key) is EntityKind.PERSON:
                    facts.extend(Fact(key, "citizenOf", c, said, ev) for c in countries)
            groups = [
                g for _, obj in _prep_objects(noun, ("of", "for", "in"), doc_index) for g in found.at(obj.i)
                if found.kind(g) in ORG_KINDS and (lemma in MEMBERSHIP_NOUNS or "party" in found.label(g).lower())
            ]
            groups += [g for c in noun.children if c.dep_ in {"compound", "nmod"} and lemma in MEMBERSHIP_NOUNS for g in found.at(c.i) if found.kind(g) in ORG_KINDS]
            relation = MEMBERSHIP_NOUNS.get(lemma, "memberOf")
            for key in keys:
                facts.extend(Fact(key, relation, g, said, ev) for g in groups if g != key)
    return facts


def _described_tokens(doc_index: DocIndex) -> set[int]:
    """The tokens :func:`_descriptions` can read a description of, found from the few description
    words rather than by reading the children of every mention: those with a noun in apposition
    or a membership noun as compound ("NATO member Turkey"), and the subjects of a head with a
    noun as complement ("X is a member of Y")."""
    described = {t.head.i for t in doc_index.tokens_with(lemma=MEMBERSHIP_NOUNS) if t.dep == COMPOUND_ID}
    for noun in doc_index.tokens_with(pos={"NOUN"}):
        dep = noun.dep
        if dep == APPOS_ID:
            described.add(noun.head.i)
        elif dep == _ATTR:
            described.update(c.i for c in doc_index.children(noun.head) if c.dep in NOMINAL_SUBJECT_IDS)  # (label ids, not strings)
    return described


def _prep_objects(head: Token, preps: tuple[str, ...], doc_index: DocIndex):
    """(preposition, object) pairs of the prepositions ``preps`` of ``head``: only "prep"
    children and "pobj" objects, with every conjunct (unlike ``DocIndex.prep_objects``, which
    takes "agent"/"dative" and "pcomp" too); the children read through the index, labels as ids."""
    children = doc_index.children
    for prep in children(head):
        if prep.dep == PREP_ID:
            word = prep.lower_  # (read once: a new str on every read)
            if word in preps:
                for obj in children(prep):
                    if obj.dep == POBJ_ID:
                        for member in conjuncts(obj, doc_index=doc_index):
                            yield word, member


def _name_text(root: Token, person: str, found: ArticleEntities, doc_index: DocIndex) -> str:
    tokens = doc_index.tokens
    start = root.i
    while start > 0 and found.at(start - 1) == (person,) and tokens[start - 1].pos_ == "PROPN":
        start -= 1
    return doc_index.text[tokens[start].idx : root.idx + len(root)]  # ``doc[start : root.i + 1].text``, without a walk


def _person_root(i: int, found: ArticleEntities, doc_index: DocIndex) -> str | None:
    """The person key of token ``i`` if it is the root of a multi- or single-token person mention."""
    keys = found.at(i)
    if len(keys) != 1 or found.kind(keys[0]) is not EntityKind.PERSON:
        return None
    token = doc_index.tokens[i]
    if token.pos == PRON_ID:  # (ids, not the ``pos_``/``dep_`` strings)
        return None
    if token.dep == COMPOUND_ID and found.at(token.head.i) == keys:
        return None
    return keys[0]


def _titles_of(root: Token, found: ArticleEntities, *, gazetteer: Gazetteer, lexicon: Lexicon, doc_index: DocIndex | None = None):
    name_keys = found.at(root.i)
    children = children_of(root, doc_index=doc_index)
    root_i = root.i  # (read once: each ``Token.i`` is a property call)
    # The subtree's words before the name's root, in the order of ``root.subtree`` (each child's
    # subtree in turn), walked once: none when its leftmost word is the root itself (most
    # names), and only the children that reach left of the root (a right child only in a
    # non-projective parse), not the clauses to the right of the name.
    left = [
        t
        for child in (children if root.left_edge.i < root_i else ())
        if child.i < root_i or child.left_edge.i < root_i
        for t in child.subtree
        if t.i < root_i
    ]
    before = []
    first_name = root_i
    for t in left:
        if found.at(t.i) == name_keys:
            first_name = min(first_name, t.i)
        elif t.dep in _TITLE_RUN_DEP_IDS and not (t.dep == PUNCT_ID and t.text != "-"):  # (label ids: no string read)
            before.append(t)
    # Only the contiguous run right before the name.
    run = [t for t in before if t.i < first_name]
    contiguous: list[Token] = []
    for t in reversed(run):
        expected = (contiguous[0].i if contiguous else first_name) - 1
        if t.i != expected or _spaced_dash(t):
            break  # a dateline ("NEW DELHI - Chinese President Xi") ends at its dash
        contiguous.insert(0, t)
    # (most names have no words before them: no call to find no title in none)
    title = _read_title(contiguous, found, gazetteer=gazetteer, lexicon=lexicon) if contiguous else None
    if title is not None:
        yield "title-before-name", title
    for child in children:
        if child.dep == APPOS_ID and child.pos_ in {"NOUN", "PROPN"} and not found.at(child.i):
            title = _read_title(_without_pronoun_owner(_noun_phrase(child)), found, gazetteer=gazetteer, lexicon=lexicon)
            if title is not None:
                yield "title-apposition", title
    root_dep = root.dep  # (the label id, read once)
    if root_dep == APPOS_ID and root.head.pos_ in {"NOUN", "PROPN"} and not found.at(root.head.i):
        title = _read_title(_without_pronoun_owner(_noun_phrase(root.head)), found, gazetteer=gazetteer, lexicon=lexicon)
        if title is not None:
            yield "title-apposition", title
    # "X is the president of Y" / "X, who is Y's foreign minister"
    if root_dep == NSUBJ_ID:
        verb = root.head
        if verb.lemma_ in {"be", "become"}:
            for attr in verb.children:
                if attr.dep == _ATTR and attr.pos_ == "NOUN" and not found.at(attr.i):
                    title = _read_title(_noun_phrase(attr), found, gazetteer=gazetteer, lexicon=lexicon)
                    if title is not None:
                        yield "title-copula", title


def _without_pronoun_owner(tokens: list[Token]) -> list[Token]:
    """ "sent her foreign minister, X": a pronoun owning a title is no part of it."""
    return [t for t in tokens if not (t.dep_ == "poss" and t.pos_ == "PRON")]


def _organisation_headed(office: str, found: ArticleEntities, gazetteer: Gazetteer) -> str | None:
    """ "Secretary General Jens Stoltenberg" in an article about NATO: the one organisation the
    article names whose head has that title."""
    def norm(text: str) -> str:
        return " ".join(text.lower().replace("-", " ").split())

    matching = []
    for key in found.keys(EntityKind.INTERNATIONAL_ORGANISATION):
        org = gazetteer.organisation(found.label(key))
        if org is not None and org.head_title and norm(org.head_title) == norm(office):
            matching.append(key)
    return matching[0] if len(matching) == 1 else None


def with_article(name: str) -> str:
    """A country or organisation name as it reads after "of": "the United States", "the
    Philippines", "the European Commission", but "Japan" and "NATO".

    >>> with_article("United States"), with_article("Japan"), with_article("Philippines")
    ('the United States', 'Japan', 'the Philippines')
    """
    words = name.split()
    if not words or words[0].lower() == "the" or name.isupper():
        return name
    plural = len(words) == 1 and name.endswith(("ines", "lands", "amas", "ives", "oros", "elles"))
    if plural or words[0] in THE_FIRST_WORDS or (len(words) > 1 and words[-1] in THE_LAST_WORDS):
        return f"the {name}"
    return name


def _spaced_dash(token: Token) -> bool:
    """A dash with space before it: the end of a dateline, never inside a title ("Vice-President")."""
    return token.text in {"-", "—", "–", "--"} and token.i > 0 and bool(token.doc[token.i - 1].whitespace_)


def _noun_phrase(head: Token) -> list[Token]:
    """The head noun with its left modifiers and an "of/for X" complement."""
    tokens = [t for left in head.lefts if left.dep_ not in {"det", "punct"} for t in left.subtree]
    tokens.append(head)
    for prep in head.rights:
        if prep.dep_ == "prep" and prep.lower_ in {"of", "for"}:
            tokens.extend(t for t in prep.subtree if t.dep_ not in {"det", "punct", "relcl", "appos"})
    tokens = sorted(set(tokens), key=lambda t: t.i)
    # "NAIROBI - Kenya's envoy": the parser may hang the dateline on the phrase; it ends at its dash
    dashes = [t.i for t in head.doc[tokens[0].i : head.i] if _spaced_dash(t)]
    return [t for t in tokens if t.i > dashes[-1]] if dashes else tokens


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
        pos = t.pos_  # (read once)
        if lower in NOT_AN_OFFICE or pos == "NUM":
            return None  # "the only leader of the five permanent members": a description, not an office
        if keys and found.kind(keys[0]) is EntityKind.ORGANISATION and pos == "PROPN" and len(found.label(keys[0]).split()) == 1:
            office.append(t)  # "Defense" in "Defense Minister", mistaken for an organisation
            continue
        if keys and found.kind(keys[0]) in HOLDER_KINDS:
            holder = holder or keys[0]
            continue
        if keys:
            return None  # another name inside: not a title
        # (the case flags, cheap, before the gazetteer's lookup of the text)
        country = gazetteer.country(t.text) if pos in {"ADJ", "PROPN", "NOUN"} and (t.is_title or t.is_upper) else None
        if country is not None:
            holder = holder or found.add(EntityKind.COUNTRY, country.name, surface=t.text, wikidata=country.wikidata)
            continue
        if t.tag == POSSESSIVE_TAG_ID or lower in lexicon.not_title or t.dep == POSS_ID:  # (ids: no string read)
            continue
        office.append(t)
    # Drop a dangling "of/for/to" left after removing its country ("President of France" -> "President").
    while office and office[-1].lower_ in {"of", "for", "to", "and"}:
        office.pop()
    office = _without_styles(office)
    if not office or not any(t.lemma_.lower() in lexicon.title_heads or t.lower_ in lexicon.title_heads for t in office):
        return None
    if office[-1].pos_ not in {"NOUN", "PROPN"}:
        return None
    # "Secretary-General" is three tokens with no space between them: keep it one word
    text = "".join(t.text + (" " if n + 1 < len(office) and (t.whitespace_ or office[n + 1].i != t.i + 1) else "") for n, t in enumerate(office))
    if text.islower():
        text = text.title()
    # the head word: the first not modifying another (``t.head is t`` was tested too, never true: every
    # read of ``Token.head`` makes a new Token)
    anchor = max((t for t in office if t.lower_ not in {"of", "for", "to"}), key=lambda t: t.dep not in MODIFIER_IDS)
    surface = " ".join(t.text for t in tokens if t.tag != POSSESSIVE_TAG_ID)
    return _Title(office=text, surface=surface, holder_of=holder, former=former, anchor=anchor)


#: Styles of royals and nobles before a name: no office ("Prince Faisal", "Sheikh Tamim"), unless
#: "crown" makes one ("Crown Prince").
STYLES = frozenset({"prince", "princess", "sheikh", "sheikha", "duke", "duchess", "lord", "lady", "sir", "dame"})


def _without_styles(office: list[Token]) -> list[Token]:
    """ "Foreign Minister Prince Faisal": the style after an office is the name's, not the office's
    ("Foreign Minister"); a style alone ("its foreign minister, Prince Faisal") is no office."""
    while office and office[-1].lower_ in STYLES and not (len(office) > 1 and office[-2].lower_ == "crown"):
        office = office[:-1]
    return office


def _facts_for(person: str, title: _Title, found: ArticleEntities, *, rule: str, lexicon: Lexicon, article_id: str, doc_index: DocIndex | None = None) -> list[Fact]:
    def cite(named_rule: str, confidence: float) -> Evidence:
        if doc_index is None:  # a caller without the article's index
            return evidence(title.anchor.sent, article_id=article_id, rule=named_rule, confidence=confidence)
        return doc_index.evidence(title.anchor, article_id=article_id, rule=named_rule, confidence=confidence)

    holder_label = found.label(title.holder_of) if title.holder_of else None
    label = f"{title.office} of {with_article(holder_label)}" if holder_label else title.office
    position = found.add(
        EntityKind.POSITION,
        label,
        surface=title.surface if title.surface != label else None,
        country=title.holder_of,
    )
    if title.office != label:
        found.add(EntityKind.POSITION, label, surface=title.office, key=position)
    facts = [
        Fact(person, "holdsPosition", position, Modality.ASSERTED, cite(rule, 0.9))
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
            facts.append(Fact(person, "leaderOf", title.holder_of, Modality.ASSERTED, cite(rule, 0.85)))
        if holder_kind in COUNTRY_KINDS:
            facts.append(Fact(person, "citizenOf", title.holder_of, Modality.ASSERTED, cite(rule + "/citizen", 0.7)))
    return facts


def _unnamed_holders(doc: Doc, found: ArticleEntities, holders: dict[str, list[str]], *, gazetteer: Gazetteer, lexicon: Lexicon, article_id: str, doc_index: DocIndex) -> list[Fact]:
    """ "leaders of A, B and C", "Japan's prime minister", "the president" without a name."""
    facts: list[Fact] = []
    for token in doc_index.tokens_with(lemma=UNNAMED_HEADS):  # (the only lemmas read below)
        if found.at(token.i) or token.pos_ not in {"NOUN", "PROPN"}:
            continue
        lemma = token.lemma_.lower()
        if lemma not in UNNAMED_HEADS:
            continue
        # (tested before the office is read, on label ids: the title of a name, "President" of
        # "President X", is a compound, and these tests only pass over a token)
        if token.dep == COMPOUND_ID or any(c.dep == APPOS_ID for c in doc_index.children(token)):
            continue
        office = _office_words(token)
        is_leader = office.lower() in lexicon.leader_titles
        if lemma == "leader" and not is_leader:
            continue
        if lemma == "leader" and _sectional(token):
            continue  # "Kenyan business leaders" do not lead Kenya
        if not office_acts(token):
            continue  # "the Prime Minister of X is the head of government": the office, not a person
        if _named_after(token, found, doc_index):
            continue  # "President of Kenya Uhuru Kenyatta", "the President of Chile, Rosa Vidal": a named holder's title
        if _title_before_name(token, found, doc_index):
            continue  # "French ecological transition minister Agnes Dupont": her title, however parsed
        countries = _countries_of(token, found, gazetteer=gazetteer, doc_index=doc_index)
        if countries:
            people = []
            for country in countries:
                label = f"{office.title() if office.islower() else office} of {with_article(found.label(country))}"
                known = _named_holders(office.lower(), country, holders, found, lexicon=lexicon)
                resolved = None if known else _sole_holder(token, office.lower(), holders, found, countries=countries, lexicon=lexicon)
                rule, confidence = "office-holder-resolved", 0.75
                if resolved is None and not known and is_leader:
                    resolved, rule, confidence = _untitled_holder(token, country, countries, holders, found, lexicon=lexicon), "office-holder-untitled", 0.6
                if resolved is not None:
                    # "The U.S. president told Xi", the article's only president named without a country
                    known = [resolved]
                    ev = doc_index.evidence(token, article_id=article_id, rule=rule, confidence=confidence)
                    found.add(EntityKind.PERSON, found.label(resolved), key=resolved, country=country if is_leader else None)
                    if lemma != "leader":
                        position = found.add(EntityKind.POSITION, label, country=country)
                        facts.append(Fact(resolved, "holdsPosition", position, Modality.ASSERTED, ev))
                    if is_leader:
                        facts.append(Fact(resolved, "leaderOf", country, Modality.ASSERTED, ev))
                # An unnamed holder is defined by its office: what it leads is part of its description.
                person = known[-1] if known else found.add(
                    EntityKind.PERSON, label, key=entity_key(EntityKind.PERSON, label), country=country, leads=country if is_leader else None
                )
                people.append(person)
            for n, person in enumerate(people):
                found.link(token.i, person, replace=n == 0)
        elif any(c.dep_ == "det" and c.lower_ == "the" for c in token.children) and token.tag_ in {"NN", "NNP"}:
            candidates = holders.get(office.lower(), [])
            if len(set(candidates)) == 1:
                found.link(token.i, candidates[0])
    return facts


#: Modifiers that make leaders the heads of a part of a country, not of the country ("tribal leaders").
SECTIONAL_MODIFIERS = frozenset({
    "religious", "tribal", "political", "military", "business", "community", "opposition", "rebel",
    "party", "civic", "student", "union", "spiritual", "church", "clan", "militia", "insurgent", "protest",
})  # fmt: skip


def _link_possessive_holders(found: ArticleEntities, holders: dict[str, list[str]], *, gazetteer: Gazetteer, lexicon: Lexicon, doc_index: DocIndex) -> None:
    """ "criticised the French leader's remark": an office holder in the possessive stands for the
    one person the article names holding that office of that country (never a new person)."""
    for token in doc_index.tokens_with(lemma=UNNAMED_HEADS):
        if token.pos_ not in {"NOUN", "PROPN"} or token.dep_ != "poss" or found.at(token.i) or token.lemma_.lower() not in UNNAMED_HEADS:
            continue
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            continue
        countries = _countries_of(token, found, gazetteer=gazetteer, doc_index=doc_index)
        if len(countries) != 1:
            continue
        named = _named_holders(_office_words(token).lower(), countries[0], holders, found, lexicon=lexicon)
        if len(set(named)) == 1:
            found.link(token.i, named[0])


def _sectional(leaders: Token) -> bool:
    """Whether "leaders" are those of a group: a common noun before it ("business leaders",
    "rebel leaders") or an adjective of a part of society ("religious leaders")."""
    return any(
        c.i < leaders.i and (c.dep_ == "compound" and c.pos_ == "NOUN" or c.lower_ in SECTIONAL_MODIFIERS)
        for c in leaders.children
    )


def _named_holders(office: str, country: str, holders: dict[str, list[str]], found: ArticleEntities, *, lexicon: Lexicon) -> list[str]:
    """Named people of the article holding ``office`` of ``country``; for the generic
    "leader" ("the leaders of Japan and India"), whoever the article names as leading it."""
    known = [p for p in holders.get(office, []) if found.country_of(p) == country]
    if not known and office == "leader":
        known = [p for title, people in holders.items() if title in lexicon.leader_titles for p in people if found.country_of(p) == country]
    return list(dict.fromkeys(known))


#: Suffix of the ``holders`` keys listing the people who hold an office of an organisation.
ORG_HELD = "@organisation"


def _sole_holder(token: Token, office: str, holders: dict[str, list[str]], found: ArticleEntities, *, countries: list[str], lexicon: Lexicon) -> str | None:
    """ "the U.S. president": the one person the article calls president without saying of
    what; "the leaders of the United States, Japan and South Korea" with Japan's and South
    Korea's leaders named: the one leader named without a country leads the one left."""
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
        return None
    if office == "leader":
        left = [c for c in countries if not _named_holders(office, c, holders, found, lexicon=lexicon)]
        people = {p for title, named in holders.items() if title in lexicon.leader_titles for p in named if not found.country_of(p)}
        return next(iter(people)) if len(left) == 1 and len(people) == 1 else None
    org_held = set(holders.get(office + ORG_HELD, []))
    people = {p for p in holders.get(office, []) if not found.country_of(p) and p not in org_held}
    return next(iter(people)) if len(people) == 1 else None


def _untitled_holder(token: Token, country: str, countries: list[str], holders: dict[str, list[str]], found: ArticleEntities, *, lexicon: Lexicon) -> str | None:
    """ "Emmanuel Macron showed Xi around ... the French president pressed his guest": "the"
    leader's office of one country, whose leader the article names nowhere, refers back to the
    one person named before it with no title and no other country (a second "the French
    president" finds the same person again)."""
    if len(countries) != 1 or not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
        return None
    if _named_holders("leader", country, holders, found, lexicon=lexicon):
        return None
    titled = {p for people in holders.values() for p in people}
    candidates = [
        p for p in found.keys(EntityKind.PERSON)
        if p not in titled and found.country_of(p) in (None, country) and not found.leads_of(p)
        and any(i < token.i for i in found.tokens_of(p))
    ]
    return candidates[0] if len(candidates) == 1 else None


def _named_after(token: Token, found: ArticleEntities, doc_index: DocIndex) -> bool:
    """Whether a person's name follows an office noun, after its "of/to Country" and an optional comma."""
    doc = doc_index.tokens  # (``doc[i]`` of a Doc would make a new Token at each step)
    i = token.i + 1
    while i < len(doc) and (doc[i].lower_ in {"of", "to", "for", "the"} or any(found.kind(k) in COUNTRY_KINDS + ORG_KINDS for k in found.at(i))):
        i += 1
    if i < len(doc) and doc[i].text == ",":
        i += 1
    return i < len(doc) and i > token.i + 1 and any(found.kind(k) is EntityKind.PERSON for k in found.at(i)) and doc[i].pos_ == "PROPN"


def _title_before_name(token: Token, found: ArticleEntities, doc_index: DocIndex) -> bool:
    """Whether an office noun runs straight into a person's name ("Dutch trade minister Anna
    Visser", "A and Indian Prime Minister B attended"): the name's title, even where the
    parser makes the noun a subject or conjunct of its own."""
    doc = doc_index.tokens
    i = token.i + 1
    return (
        i < len(doc) and doc[i].pos_ == "PROPN"
        and any(found.kind(k) is EntityKind.PERSON for k in found.at(i))
    )


def office_acts(token: Token) -> bool:
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


def _countries_of(token: Token, found: ArticleEntities, *, gazetteer: Gazetteer, doc_index: DocIndex) -> list[str]:
    keys: list[str] = []
    children = doc_index.children(token)  # (read once)
    # A parse slip hangs the last country of "leaders from A, B and C" on "leaders".
    has_from = any(c.dep_ == "prep" and c.lower_ in {"of", "from"} for c in children)
    for child in children:
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

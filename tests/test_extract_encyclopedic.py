"""Encyclopedic shapes read by extract/biography.py, through the real model on sentences written
for these tests: an office named before its holder ("The first president of Ghana was X",
rule ``office-inverted-copula``) and a country described as a member state in apposition
("Lithuania, a member state of the European Union, ...", rule ``member-state-apposition``).

Each rule test fails with its rule switched off; the tests named "... no ..." beside them guard
what the rule must leave alone (they pass either way).
"""

from __future__ import annotations

import pytest

from kgbuild.extract import extract_article
from kgbuild.facts import Modality


def facts(nlp, article_for, resources, text, relation):
    doc = nlp(text)
    ex = extract_article(doc, article_for(doc), resources=resources)
    labels = {e.key: e.label for e in ex.entities}
    return {(labels[f.subject], labels[f.object], f.modality, f.evidence.rule) for f in ex.facts if f.relation == relation}


def asserted(found):
    return {(s, o) for s, o, m, _ in found if m is Modality.ASSERTED}


# -- the office before its holder -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "person", "country", "position"),
    [
        ("The first president of Ghana was Kwame Nkrumah.", "Kwame Nkrumah", "Ghana", "President of Ghana"),
        ("The current prime minister of Portugal is Antonio Costa.", "Antonio Costa", "Portugal", "Prime Minister of Portugal"),
    ],
)
def test_an_office_named_before_its_holder_is_held_and_led(nlp, article_for, resources, text, person, country, position):
    leads = facts(nlp, article_for, resources, text, "leaderOf")
    assert (person, country) in asserted(leads)
    assert any(rule == "office-inverted-copula" for s, o, m, rule in leads if (s, o) == (person, country))
    assert (person, position) in asserted(facts(nlp, article_for, resources, text, "holdsPosition"))


def test_a_minister_named_before_the_holder_holds_the_post_but_leads_nothing(nlp, article_for, resources):
    text = "The foreign minister of Japan was Yoko Kamikawa."
    assert ("Yoko Kamikawa", "Foreign Minister of Japan") in asserted(facts(nlp, article_for, resources, text, "holdsPosition"))
    assert asserted(facts(nlp, article_for, resources, text, "leaderOf")) == set()


@pytest.mark.parametrize(
    "text",
    [
        "The former prime minister of Italy was Mario Draghi.",
        "The next president of France will be Marine Le Pen.",
        "The president of France is not Marine Le Pen.",
        "The guest of honour at the dinner was Emmanuel Macron.",
    ],
)
def test_no_office_from_a_former_future_denied_or_non_office_subject(nlp, article_for, resources, text):
    assert asserted(facts(nlp, article_for, resources, text, "leaderOf")) == set()
    assert asserted(facts(nlp, article_for, resources, text, "holdsPosition")) == set()


# -- a member state in apposition -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Lithuania, a member state of the European Union, joined NATO in 2004.", ("Lithuania", "European Union")),
        ("Poland, a NATO member state, bought new tanks last year.", ("Poland", "NATO")),
    ],
)
def test_a_country_described_as_a_member_state_is_a_member(nlp, article_for, resources, text, pair):
    found = facts(nlp, article_for, resources, text, "memberOf")
    assert pair in asserted(found)
    assert any(rule == "member-state-apposition" for s, o, m, rule in found if (s, o) == pair)


@pytest.mark.parametrize(
    "text",
    [
        "Norway, not a member state of the European Union, signed the deal.",
        "Estonia, a former member state of the Soviet Union, adopted the euro.",
    ],
)
def test_no_membership_from_a_denied_or_former_member_state(nlp, article_for, resources, text):
    assert asserted(facts(nlp, article_for, resources, text, "memberOf")) == set()


# -- party names headed before their "of"/"for" phrase ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Viktor Petrenko of the Party of Regions won the seat.", ("Viktor Petrenko", "Party of Regions")),
        (
            "Samora Machel of the Front for the Liberation of Mozambique spoke first.",
            ("Samora Machel", "Front for the Liberation of Mozambique"),
        ),
    ],
)
def test_a_party_named_with_an_of_or_for_phrase_is_a_party(nlp, article_for, resources, text, pair):
    found = facts(nlp, article_for, resources, text, "memberOf")
    assert pair in asserted(found)
    assert any(rule == "party-member" for s, o, m, rule in found if (s, o) == pair)


@pytest.mark.parametrize(
    "text",
    [
        "In 1920 Jan Novak joined the League of Nations secretariat.",
        "Ana Torres was elected to the Congress of Deputies.",
    ],
)
def test_no_party_from_a_league_or_congress_of_something(nlp, article_for, resources, text):
    assert asserted(facts(nlp, article_for, resources, text, "memberOf")) == set()


# -- a chosen person is the stance's target, not the one who chose ------------------------------------


@pytest.mark.parametrize(
    ("text", "chooser"),
    [
        ("Germany opposed Hungary's candidate, a former diplomat.", "Hungary"),
        ("Brazil rejected Argentina's nominee for the post.", "Argentina"),
    ],
)
def test_rejecting_someones_choice_is_no_stance_on_the_chooser(nlp, article_for, resources, text, chooser):
    assert all(o != chooser for s, o in asserted(facts(nlp, article_for, resources, text, "opposes")))


def test_rejecting_someones_proposal_still_opposes_its_author(nlp, article_for, resources):
    found = facts(nlp, article_for, resources, "Poland rejected Germany's proposal.", "opposes")
    assert ("Poland", "Germany") in asserted(found)


# -- "Indian" as Native American ---------------------------------------------------------------------


def india_facts(nlp, article_for, resources, text):
    doc = nlp(text)
    ex = extract_article(doc, article_for(doc), resources=resources)
    labels = {e.key: e.label for e in ex.entities}
    return {(labels[f.subject], f.relation) for f in ex.facts if labels[f.object] == "India"}


@pytest.mark.parametrize(
    "text",
    [
        "Thomas Reed (1830 - 1901) was a lawyer from Ohio. He declined the post of commissioner of Indian affairs offered by President Ulysses Grant.",
        "Mary Hale (1840 - 1910) was a teacher from Kansas. She taught in American Indian schools and wrote about Plains Indian tribes.",
    ],
)
def test_native_american_indian_is_no_mention_of_india(nlp, article_for, resources, text):
    assert india_facts(nlp, article_for, resources, text) == set()


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("Indian Prime Minister Narendra Modi met the Japanese delegation.", ("Narendra Modi", "leaderOf")),
        ("Priya Nair (born 1960) is an Indian diplomat. She has long opposed foreign interference in Indian affairs.", ("Priya Nair", "citizenOf")),
    ],
)
def test_india_is_still_named_by_its_demonym(nlp, article_for, resources, text, fact):
    assert fact in india_facts(nlp, article_for, resources, text)


# -- a demonym on a plural noun describes every name listed ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "people", "country"),
    [
        ("Advised by the German envoys Hans Weber and Karl Richter, he founded a bank.", {"Hans Weber", "Karl Richter"}, "Germany"),
        ("Two Kenyan runners, Mary Wanjiru and Grace Atieno, won medals.", {"Mary Wanjiru", "Grace Atieno"}, "Kenya"),
    ],
)
def test_a_demonym_on_a_plural_noun_gives_every_listed_name_its_country(nlp, article_for, resources, text, people, country):
    found = facts(nlp, article_for, resources, text, "citizenOf")
    assert {(p, country) for p in people} <= asserted(found)
    assert any(rule == "demonym-before-names" for *_, rule in found)


def test_no_nationality_shared_out_from_two_demonyms(nlp, article_for, resources):
    found = facts(nlp, article_for, resources, "The German and French ministers Hans Weber and Paul Leroy met in Bonn.", "citizenOf")
    assert not any(rule == "demonym-before-names" for *_, rule in found)


# -- a war hung on the role served in ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Anna Berg served as a nurse in the First World War.", ("Anna Berg", "First World War")),
        (
            "Jan Visser served as an army officer and as a member of the war council in the Second World War.",
            ("Jan Visser", "Second World War"),
        ),
    ],
)
def test_serving_in_a_role_in_a_war_takes_part_in_it(nlp, article_for, resources, text, pair):
    found = facts(nlp, article_for, resources, text, "attends")
    assert pair in asserted(found)
    assert any(rule == "war-participant" for s, o, m, rule in found if (s, o) == pair)


def test_no_war_from_a_role_served_in_a_city(nlp, article_for, resources):
    assert asserted(facts(nlp, article_for, resources, "Tom Reyes served as ambassador in Madrid.", "attends")) == set()


# -- the leader of a party is one of its members ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Solidarity leader Adam Nowak lost the vote.", ("Adam Nowak", "Solidarity")),
        ("Labour leader Keir Starmer spoke first.", ("Keir Starmer", "Labour")),
    ],
)
def test_the_leader_of_a_party_is_a_member(nlp, article_for, resources, text, pair):
    found = facts(nlp, article_for, resources, text, "memberOf")
    assert pair in asserted(found)
    assert any(rule == "leader-member" for s, o, m, rule in found if (s, o) == pair)


def test_no_membership_for_the_head_of_a_body_of_states(nlp, article_for, resources):
    text = "NATO Secretary General Jens Stoltenberg opened the summit."
    assert asserted(facts(nlp, article_for, resources, text, "memberOf")) == set()


# -- co-founders of a party ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "members"),
    [
        ("Together with Ana Perez and Luis Gomez, Carlos Ruiz formed the People's Front in 1975.", {"Ana Perez", "Luis Gomez", "Carlos Ruiz"}),
        ("Carlos Ruiz founded the Green Party with Ana Perez in 1980.", {"Ana Perez", "Carlos Ruiz"}),
    ],
)
def test_companions_of_a_party_founder_are_members(nlp, article_for, resources, text, members):
    found = facts(nlp, article_for, resources, text, "memberOf")
    assert {s for s, _ in asserted(found)} == members
    assert any(rule == "party-cofounder" for *_, rule in found)


def test_no_cofounder_from_a_business_founded_together(nlp, article_for, resources):
    assert asserted(facts(nlp, article_for, resources, "Carlos Ruiz founded a bakery with Ana Perez.", "memberOf")) == set()


# -- sides of a war, and neutrals -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        ("Italy entered the First World War in 1915.", {("Italy", "First World War")}),
        ("The Football War was fought between Honduras and El Salvador in 1969.", {("Honduras", "Football War"), ("El Salvador", "Football War")}),
    ],
)
def test_entering_a_war_or_being_its_side_takes_part_in_it(nlp, article_for, resources, text, pairs):
    found = facts(nlp, article_for, resources, text, "attends")
    assert pairs <= asserted(found)
    assert all(rule == "war-side" for s, o, m, rule in found if (s, o) in pairs)


def test_no_war_entered_when_denied(nlp, article_for, resources):
    text = "The United States did not enter the Second World War until 1941."
    assert asserted(facts(nlp, article_for, resources, text, "attends")) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Spain and Portugal were neutral in the Second World War.",
        "Sweden remained neutral during the Winter War.",
    ],
)
def test_a_neutral_country_takes_no_part(nlp, article_for, resources, text):
    assert asserted(facts(nlp, article_for, resources, text, "attends")) == set()


def test_fighting_in_a_war_still_takes_part(nlp, article_for, resources):
    found = facts(nlp, article_for, resources, "Sweden fought in the Thirty Years War.", "attends")
    assert ("Sweden", "Thirty Years War") in asserted(found)


# -- an act during a war dates it -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Maria Lopez studied law in Paris during the Second World War.",
        "Maria Lopez wrote three novels during the Cold War.",
    ],
)
def test_an_act_during_a_war_takes_no_part_in_it(nlp, article_for, resources, text):
    assert asserted(facts(nlp, article_for, resources, text, "attends")) == set()


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Joe Biden signed the declaration during the NATO summit.", ("Joe Biden", "NATO summit")),
        ("Tom Hale served during the Korean War as a pilot.", ("Tom Hale", "Korean War")),
    ],
)
def test_an_act_during_a_summit_or_serving_during_a_war_still_attends(nlp, article_for, resources, text, pair):
    assert pair in asserted(facts(nlp, article_for, resources, text, "attends"))

"""Rules of extract/statements.py, through the real model on sentences written for these tests
(names, places and events invented or generic): stances on incidents, back-references and calls
to everyone make no fact, threats are aimed at whoever must act, "is led by" and "X, commander,
Y" name a leader, joining a unit is no partnership, ships and aircraft are no agents, ended
stances and merely offered meetings are not asserted, "the Minister" is the one minister named.

Each rule test fails with its rule switched off; the tests named "... still ..." or "... no ..."
beside them guard what the rule must leave alone (they pass either way).
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


def pairs(found, *, asserted_only=True):
    return {(s, o) for s, o, m, _ in found if not asserted_only or m is not Modality.NEGATED}


# -- stances on incidents and back-references ---------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Canada strongly condemns the cowardly bombing in Kabul yesterday.",
        "The European Union strongly condemned the attacks in Mogadishu on Sunday.",
    ],
)
def test_a_condemned_incident_that_names_no_doer_makes_no_stance(nlp, article_for, resources, text):
    assert facts(nlp, article_for, resources, text, "opposes") == set()


def test_an_incident_with_its_doer_is_a_stance_on_the_doer(nlp, article_for, resources):
    found = facts(nlp, article_for, resources, "Germany condemned Russia's attack on the port of Odesa.", "opposes")
    assert ("Germany", "Russia") in pairs(found)


def test_a_back_reference_is_no_stance_target_but_the_commitment_still_binds_its_makers(nlp, article_for, resources):
    text = "Norway and Sweden remain committed to defeating these militants."
    assert facts(nlp, article_for, resources, text, "opposes") == set()
    assert pairs(facts(nlp, article_for, resources, text, "cooperatesWith")) == {("Norway", "Sweden")}


# -- threats aimed at whoever must act --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Iran threatened to walk out of the negotiations unless France dropped its demands.", ("Iran", "France")),
        ("Turkey warned that it would close its airspace if Greece continued the exercises.", ("Turkey", "Greece")),
    ],
)
def test_a_threat_is_aimed_at_the_subject_of_its_condition(nlp, article_for, resources, text, pair):
    found = facts(nlp, article_for, resources, text, "opposes")
    assert (*pair, Modality.ASSERTED, "opposes-threat-condition") in found


def test_a_denied_threat_is_never_asserted(nlp, article_for, resources):
    found = facts(nlp, article_for, resources, "Iran did not threaten to leave the talks unless France changed its position.", "opposes")
    assert ("Iran", "France", Modality.NEGATED, "opposes-threat-condition") in found
    assert ("Iran", "France") not in pairs(found)


def test_a_threat_reported_as_someone_else_s_is_not_the_warner_s(nlp, article_for, resources):
    text = "The United States warned that China would retaliate if Taiwan declared independence."
    found = facts(nlp, article_for, resources, text, "opposes")
    assert ("United States", "Taiwan") not in pairs(found) and ("China", "Taiwan") not in pairs(found)


def test_a_threat_without_a_condition_names_no_one_else(nlp, article_for, resources):
    found = facts(nlp, article_for, resources, "Iran threatened to leave the talks as France watched.", "opposes")
    assert not any(rule == "opposes-threat-condition" for *_, rule in found)


# -- "is led by" ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("The Indonesian Navy is led by Admiral Yudo Margono.", ("Admiral Yudo Margono", "Indonesian Navy")),
        ("The Democratic Alliance, led by John Steenhuisen, joined the coalition government.", ("John Steenhuisen", "Democratic Alliance")),
        ("The African Union is headed by Moussa Faki.", ("Moussa Faki", "African Union")),
    ],
)
def test_led_by_names_the_leader(nlp, article_for, resources, text, pair):
    found = facts(nlp, article_for, resources, text, "leaderOf")
    assert (*pair, Modality.ASSERTED, "leaderOf-led-by") in found


def test_a_past_leadership_is_no_current_leader(nlp, article_for, resources):
    found = facts(nlp, article_for, resources, "The Democratic Alliance was led by Mmusi Maimane until 2019.", "leaderOf")
    assert not any(rule == "leaderOf-led-by" for *_, rule in found)
    assert ("Mmusi Maimane", "Democratic Alliance") not in pairs(found)


# -- joining a body ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The Dutch frigate Tromp joined the European Union Naval Force in the Gulf of Aden.",
        "Local Somali fighters continue to join the Danab Brigade.",
    ],
)
def test_joining_a_force_or_unit_is_no_partnership(nlp, article_for, resources, text):
    assert facts(nlp, article_for, resources, text, "cooperatesWith") == set()


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Poland joined Lithuania in criticising the decision.", ("Poland", "Lithuania")),
        ("Japan joined the Quad in 2007.", ("Japan", "Quad")),
    ],
)
def test_joining_a_country_or_an_alliance_is_still_cooperation(nlp, article_for, resources, text, pair):
    assert pair in pairs(facts(nlp, article_for, resources, text, "cooperatesWith"))


# -- "the Government of X" and "the Minister" -------------------------------------------------------


def test_an_untagged_government_of_a_country_is_the_country(nlp, article_for, resources):
    doc = nlp("The Government of Ghana strongly supports the African Union.")
    ex = extract_article(doc, article_for(doc), resources=resources)
    labels = {e.key: e for e in ex.entities}
    found = {(labels[f.subject].label, labels[f.object].label) for f in ex.facts if f.relation == "supports"}
    assert ("Ghana", "African Union") in found
    ghana = next(e for e in ex.entities if e.label == "Ghana")
    assert "Government of Ghana" in ghana.alt_labels


def test_the_minister_is_the_one_minister_the_article_names(nlp, article_for, resources):
    text = "Foreign Minister Ana Ruiz arrived in Lima on Monday. The Minister met President Pedro Castillo."
    assert ("Ana Ruiz", "Pedro Castillo") in pairs(facts(nlp, article_for, resources, text, "meets"))


def test_the_secretary_is_the_one_secretary_the_article_names(nlp, article_for, resources):
    text = "Secretary of State Mark Hale flew to Nairobi. The Secretary condemned the Sudanese army."
    assert ("Mark Hale", "Sudan") in pairs(facts(nlp, article_for, resources, text, "opposes"))


def test_the_minister_stays_unresolved_when_two_ministers_are_named(nlp, article_for, resources):
    text = (
        "Foreign Minister Ana Ruiz and Trade Minister Luis Soto arrived in Lima on Monday. "
        "The Minister met President Pedro Castillo."
    )
    found = pairs(facts(nlp, article_for, resources, text, "meets"))
    assert ("Ana Ruiz", "Pedro Castillo") not in found and ("Luis Soto", "Pedro Castillo") not in found


# -- calls to everyone, scare quotes, ships and aircraft -------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The Council urged all factions to show restraint.",
        "Ghana urged all parties in Sudan to respect the ceasefire.",
    ],
)
def test_a_call_to_everyone_is_aimed_at_no_one(nlp, article_for, resources, text):
    assert facts(nlp, article_for, resources, text, "opposes") == set()


def test_a_call_to_a_named_agent_is_still_pressure_on_it(nlp, article_for, resources):
    found = facts(nlp, article_for, resources, "The Council urged the Sudanese army to show restraint.", "opposes")
    assert ("Council", "Sudan") in pairs(found)


@pytest.mark.parametrize(
    "text",
    [
        "Ministers said Syria's “war” against the rebels was a sham.",
        "Ministers said Iran's so-called war against Israel was a sham.",
    ],
)
def test_a_campaign_in_scare_quotes_is_no_campaign(nlp, article_for, resources, text):
    assert facts(nlp, article_for, resources, text, "opposes") == set()


def test_a_campaign_without_quotes_is_still_read(nlp, article_for, resources):
    assert ("Russia", "Ukraine") in pairs(facts(nlp, article_for, resources, "Russia's war against Ukraine continues.", "opposes"))


@pytest.mark.parametrize(
    ("text", "relation"),
    [
        ("The Dutch frigate HNLMS Tromp is joining USS Ward and HMS Kent in the Gulf.", "cooperatesWith"),
        ("The Dutch frigate HNLMS Tromp is joining USS Ward and HMS Kent in the Gulf.", "citizenOf"),
        ("HNLMS Tromp will work together with USS Ward and the Royal Navy.", "cooperatesWith"),
        ("The French frigate FS Surcouf arrived in Muscat on Monday.", "visits"),
        ("Two F-35 jets from a Norwegian air base flew north to help the battle against Tamil rebels.", "opposes"),
    ],
)
def test_ships_and_aircraft_are_no_agents(nlp, article_for, resources, text, relation):
    assert facts(nlp, article_for, resources, text, relation) == set()


def test_a_designator_like_name_of_a_grouping_is_no_aircraft(nlp, article_for, resources):
    assert ("G20", "Hamas") in pairs(facts(nlp, article_for, resources, "The G-20 condemned the attack by Hamas.", "opposes"))


# -- military readout titles and unit names ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("General Mark Hale, commander, U.S. Africa Command, met with Kenyan officials.", ("Mark Hale", "U.S. Africa Command")),
        (
            "Admiral John Reyes, commander, U.S. Naval Forces Central Command said the exercise was a success.",
            ("Admiral John Reyes", "U.S. Naval Forces Central Command"),
        ),
    ],
)
def test_a_title_and_its_organisation_between_commas_name_the_leader(nlp, article_for, resources, text, pair):
    assert (*pair, Modality.ASSERTED, "leaderOf-comma-title") in facts(nlp, article_for, resources, text, "leaderOf")


def test_an_untagged_unit_led_by_a_person_is_an_organisation(nlp, article_for, resources):
    found = facts(nlp, article_for, resources, "CTF 151 is commanded by Captain Mark Hale.", "leaderOf")
    assert ("Captain Mark Hale", "CTF 151", Modality.ASSERTED, "leaderOf-led-by") in found


# -- cutting a tie, or a part of one --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "pair", "modality"),
    [
        ("Canada suspended part of its development aid program for Haiti on Monday.", ("Canada", "Haiti"), Modality.ASSERTED),
        ("Japan suspended some of its loans to Myanmar after the coup.", ("Japan", "Myanmar"), Modality.ASSERTED),
        ("Norway reduced aid to Malawi.", ("Norway", "Malawi"), Modality.ASSERTED),
        ("Norway did not reduce aid to Malawi.", ("Norway", "Malawi"), Modality.NEGATED),
    ],
)
def test_cutting_a_tie_or_part_of_one_opposes_whom_it_links_to(nlp, article_for, resources, text, pair, modality):
    assert (*pair, modality, "opposes-cutback") in facts(nlp, article_for, resources, text, "opposes")


@pytest.mark.parametrize("text", ["Germany reduced its gas imports last year.", "Japan reduced tariffs on Vietnamese rice."])
def test_reducing_what_is_no_tie_is_no_stance(nlp, article_for, resources, text):
    assert facts(nlp, article_for, resources, text, "opposes") == set()


# -- meetings only offered, agreements only demanded -----------------------------------------------------


def test_a_meeting_a_host_would_be_ready_to_arrange_is_not_asserted(nlp, article_for, resources):
    text = "President Alvarez said she would be willing to host a meeting between Chilean and Bolivian diplomats."
    found = facts(nlp, article_for, resources, text, "meets")
    assert found and all(m is not Modality.ASSERTED for _, _, m, _ in found)


def test_a_meeting_a_host_refused_to_arrange_is_negated(nlp, article_for, resources):
    found = facts(nlp, article_for, resources, "Qatar refused to host talks between Hamas and Fatah.", "meets")
    assert ("Hamas", "Fatah", Modality.NEGATED, "meets-noun-between") in found
    assert ("Hamas", "Fatah") not in pairs(found)


def test_a_meeting_that_was_hosted_is_still_asserted(nlp, article_for, resources):
    found = facts(nlp, article_for, resources, "Qatar hosted a meeting between Hamas and Fatah in Doha on Monday.", "meets")
    assert ("Hamas", "Fatah", Modality.ASSERTED, "meets-noun-between") in found


def test_what_two_sides_must_agree_to_is_no_agreement(nlp, article_for, resources):
    text = "Opposition leaders said President Dlamini and the ruling Swazi Union must agree to a new constitution."
    found = facts(nlp, article_for, resources, text, "cooperatesWith")
    assert found and all(m is Modality.HYPOTHETICAL for _, _, m, _ in found)


def test_a_cut_to_a_place_a_demonym_qualifies_is_no_stance_on_the_country(nlp, article_for, resources):
    text = "The aid agency cut water deliveries to a large Malian refugee camp in Niger."
    assert facts(nlp, article_for, resources, text, "opposes") == set()


# -- ended stances, group pronouns ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Canada agreed to lift its embargo on Cuba.", ("Canada", "Cuba")),
        ("Japan lifted its ban on imports from South Korea.", ("Japan", "South Korea")),
    ],
)
def test_a_stance_a_verb_ends_no_longer_holds(nlp, article_for, resources, text, pair):
    found = facts(nlp, article_for, resources, text, "opposes")
    assert (*pair, Modality.NEGATED, "opposes-noun") in found
    assert pair not in pairs(found)


def test_an_ended_support_is_negated_and_a_renewed_one_asserted(nlp, article_for, resources):
    ended = facts(nlp, article_for, resources, "Germany ended its support for the French candidate.", "supports")
    assert ("Germany", "France", Modality.NEGATED, "supports-noun") in ended
    renewed = facts(nlp, article_for, resources, "Brazil renewed its support for the Argentine candidate.", "supports")
    assert ("Brazil", "Argentina", Modality.ASSERTED, "supports-noun") in renewed


def test_an_imposed_embargo_is_still_asserted(nlp, article_for, resources):
    assert ("Australia", "Myanmar") in pairs(facts(nlp, article_for, resources, "Australia imposed an embargo on Myanmar.", "opposes"))


def test_they_in_a_group_s_reported_clause_is_the_group(nlp, article_for, resources):
    found = facts(nlp, article_for, resources, "Basque leaders announced they would boycott any talks with the Spanish government.", "opposes")
    assert ("Basque leaders", "Spain", Modality.PLANNED) in {(s, o, m) for s, o, m, _ in found}


# -- welcomes, mediations, shared intelligence, donations ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "relation", "expected"),
    [
        ("President Emmanuel Macron gave a warm welcome on Friday to Kenyan President William Ruto.", "meets", {("Emmanuel Macron", "William Ruto", Modality.ASSERTED, "meets-welcome")}),
        (
            "UN envoy Martin Griffiths undertook a mediation mission between Saudi Arabia and Iran.",
            "meets",
            {("Martin Griffiths", "Saudi Arabia", Modality.ASSERTED, "meets-mediation"), ("Martin Griffiths", "Iran", Modality.ASSERTED, "meets-mediation")},
        ),
        (
            "Qatar offered to mediate between Russia and Ukraine.",
            "meets",
            {("Qatar", "Russia", Modality.PLANNED, "meets-mediation"), ("Qatar", "Ukraine", Modality.PLANNED, "meets-mediation")},
        ),
        ("Jordan has been sharing intelligence with Iraq for years.", "cooperatesWith", {("Jordan", "Iraq", Modality.ASSERTED, "cooperatesWith-sharing")}),
        ("Japan donated $10 million to the World Food Programme.", "supports", {("Japan", "World Food Programme", Modality.ASSERTED, "supports-donation")}),
    ],
)
def test_readout_acts(nlp, article_for, resources, text, relation, expected):
    assert expected <= facts(nlp, article_for, resources, text, relation)


def test_the_sides_of_a_mediation_do_not_meet(nlp, article_for, resources):
    found = pairs(facts(nlp, article_for, resources, "Egypt mediated between Israel and Hamas last week.", "meets"))
    assert ("Egypt", "Israel") in found and ("Egypt", "Hamas") in found
    assert ("Israel", "Hamas") not in found and ("Hamas", "Israel") not in found


@pytest.mark.parametrize(
    ("text", "relation"),
    [
        ("Chile shares a long border with Argentina.", "cooperatesWith"),
        ("France shared its concerns with Germany.", "cooperatesWith"),
        ("Norway donated medical supplies to Gaza hospitals.", "supports"),
    ],
)
def test_what_is_shared_or_given_is_no_partner(nlp, article_for, resources, text, relation):
    assert facts(nlp, article_for, resources, text, relation) == set()


def test_asylum_granted_is_support(nlp, article_for, resources):
    found = facts(nlp, article_for, resources, "Russia granted asylum to Bashar al-Assad.", "supports")
    assert ("Russia", "Bashar al-Assad", Modality.ASSERTED, "supports-noun") in found


def test_asylum_sought_is_no_stance(nlp, article_for, resources):
    assert facts(nlp, article_for, resources, "Thousands of Syrians sought asylum in Germany.", "supports") == set()


def test_ruled_as_governed_denies_nothing_but_ruled_out_does(nlp, article_for, resources):
    text = "Junta ruled Myanmar is sharing its expertise with the Arakan Army."
    found = facts(nlp, article_for, resources, text, "cooperatesWith")
    assert ("Myanmar", "Arakan Army", Modality.ASSERTED, "cooperatesWith-sharing") in found
    ruled_out = facts(nlp, article_for, resources, "Macron ruled out attending the summit in Moscow.", "attends")
    assert ruled_out and all(m is Modality.NEGATED for _, _, m, _ in ruled_out)

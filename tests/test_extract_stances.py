"""Stances, cooperation and meetings whose agent or target sits away from their word.

Hand-built parses of invented sentences test one rule each (kgbuild/extract/stances.py,
the subject and target helpers of syntax.py and relations.py, and the actor
resolution of entities.py); a few end-to-end tests run the real model.
"""

from __future__ import annotations

import datetime as dt

from extraction import run, triples

from kgbuild.extract import extract_article
from kgbuild.facts import Article, EntityKind, Modality


def stances(extraction):
    """(subject, relation, object) of the supports / opposes / cooperatesWith / meets facts, modality aside."""
    return {(s, r, o) for s, r, o, _ in triples(extraction) if r in {"supports", "opposes", "cooperatesWith", "meets"}}


# -- stance nouns governed by the clause ----------------------------------------------


def test_support_in_a_predicate_phrase_is_the_subjects(make_doc, article_for, resources):
    # "Norway remains firm in its support of the Kenyan government."
    ex = run(make_doc, article_for, resources, """
        Norway     1 nsubj PROPN NNP  norway     B-GPE
        remains    1 ROOT  VERB  VBZ  remain     O
        firm       1 acomp ADJ   JJ   firm       O
        in         2 prep  ADP   IN   in         O
        its        5 poss  PRON  PRP$ its        O
        support    3 pobj  NOUN  NN   support    O
        of         5 prep  ADP   IN   of         O
        the        9 det   DET   DT   the        O
        Kenyan     9 amod  ADJ   JJ   kenyan     B-NORP
        government 6 pobj  NOUN  NN   government O
        .          1 punct PUNCT .    .          O
    """)
    assert stances(ex) == {("Norway", "supports", "Kenya")}


def test_calling_for_sanctions_against_a_country_opposes_it(make_doc, article_for, resources):
    # "Senator Ana Ruiz called for sanctions against Belarus."
    ex = run(make_doc, article_for, resources, """
        Senator   2 compound PROPN NNP senator  O
        Ana       2 compound PROPN NNP ana      B-PERSON
        Ruiz      3 nsubj    PROPN NNP ruiz     I-PERSON
        called    3 ROOT     VERB  VBD call     O
        for       3 prep     ADP   IN  for      O
        sanctions 4 pobj     NOUN  NNS sanction O
        against   5 prep     ADP   IN  against  O
        Belarus   6 pobj     PROPN NNP belarus  B-GPE
        .         3 punct    PUNCT .   .        O
    """)
    assert stances(ex) == {("Ana Ruiz", "opposes", "Belarus")}


def test_aid_measured_in_money_goes_to_the_group_not_its_country(make_doc, article_for, resources):
    # "Canada will provide $20 million in aid to the Sudanese opposition."
    ex = run(make_doc, article_for, resources, """
        Canada     2  nsubj    PROPN NNP canada     B-GPE
        will       2  aux      AUX   MD  will       O
        provide    2  ROOT     VERB  VB  provide    O
        $          5  quantmod SYM   $   $          B-MONEY
        20         5  compound NUM   CD  20         I-MONEY
        million    2  dobj     NUM   CD  million    I-MONEY
        in         5  prep     ADP   IN  in         O
        aid        6  pobj     NOUN  NN  aid        O
        to         2  prep     ADP   IN  to         O
        the        11 det      DET   DT  the        O
        Sudanese   11 amod     ADJ   JJ  sudanese   B-NORP
        opposition 8  pobj     NOUN  NN  opposition O
        .          2  punct    PUNCT .   .          O
    """)
    facts = triples(ex)
    assert ("Canada", "supports", "Sudanese opposition", Modality.PLANNED) in facts
    assert not [f for f in facts if f[2] == "Sudan"]  # the opposition is not the country


def test_the_recipient_of_a_light_verb_is_the_target(make_doc, article_for, resources):
    # "The European Union gave Moldova new aid."
    ex = run(make_doc, article_for, resources, """
        The      2 det      DET   DT  the      B-ORG
        European 2 compound PROPN NNP european I-ORG
        Union    3 nsubj    PROPN NNP union    I-ORG
        gave     3 ROOT     VERB  VBD give     O
        Moldova  3 dative   PROPN NNP moldova  B-GPE
        new      6 amod     ADJ   JJ  new      O
        aid      3 dobj     NOUN  NN  aid      O
        .        3 punct    PUNCT .   .        O
    """)
    assert stances(ex) == {("European Union", "supports", "Moldova")}


def test_joining_the_fight_against_a_group_opposes_it(make_doc, article_for, resources):
    # "Britain joined the fight against the Islamic State."
    ex = run(make_doc, article_for, resources, """
        Britain 1 nsubj    PROPN NNP britain B-GPE
        joined  1 ROOT     VERB  VBD join    O
        the     3 det      DET   DT  the     O
        fight   1 dobj     NOUN  NN  fight   O
        against 3 prep     ADP   IN  against O
        the     7 det      DET   DT  the     B-ORG
        Islamic 7 compound PROPN NNP islamic I-ORG
        State   4 pobj     PROPN NNP state   I-ORG
        .       1 punct    PUNCT .   .       O
    """)
    assert ("United Kingdom", "opposes", "Islamic State") in stances(ex)


def test_a_war_against_a_country_is_its_wagers_opposition(make_doc, article_for, resources):
    # "Russia's war against Ukraine dragged on."
    ex = run(make_doc, article_for, resources, """
        Russia  2 poss  PROPN NNP russia  B-GPE
        's      0 case  PART  POS 's      O
        war     5 nsubj NOUN  NN  war     O
        against 2 prep  ADP   IN  against O
        Ukraine 3 pobj  PROPN NNP ukraine B-GPE
        dragged 5 ROOT  VERB  VBD drag    O
        on      5 prt   ADP   RP  on      O
        .       5 punct PUNCT .   .       O
    """)
    assert stances(ex) == {("Russia", "opposes", "Ukraine")}


# -- feelings, positions, ruptures ----------------------------------------------------


def test_appalled_by_an_attack_opposes_its_author(make_doc, article_for, resources):
    # "Chile was appalled by the attack by Hamas."
    ex = run(make_doc, article_for, resources, """
        Chile    2 nsubjpass PROPN NNP chile  B-GPE
        was      2 auxpass   AUX   VBD be     O
        appalled 2 ROOT      VERB  VBN appal  O
        by       2 agent     ADP   IN  by     O
        the      5 det       DET   DT  the    O
        attack   3 pobj      NOUN  NN  attack O
        by       5 prep      ADP   IN  by     O
        Hamas    6 pobj      PROPN NNP hamas  B-ORG
        .        2 punct     PUNCT .   .      O
    """)
    assert stances(ex) == {("Chile", "opposes", "Hamas")}


def test_encouraged_by_a_decision_supports_whoever_took_it(make_doc, article_for, resources):
    # "Ghana is encouraged by the decision of Kenya."
    ex = run(make_doc, article_for, resources, """
        Ghana      2 nsubjpass PROPN NNP ghana     B-GPE
        is         2 auxpass   AUX   VBZ be        O
        encouraged 2 ROOT      VERB  VBN encourage O
        by         2 agent     ADP   IN  by        O
        the        5 det       DET   DT  the       O
        decision   3 pobj      NOUN  NN  decision  O
        of         5 prep      ADP   IN  of        O
        Kenya      6 pobj      PROPN NNP kenya     B-GPE
        .          2 punct     PUNCT .   .         O
    """)
    assert stances(ex) == {("Ghana", "supports", "Kenya")}


def test_suspending_aid_to_a_country_opposes_it(make_doc, article_for, resources):
    # "Peru suspended military aid to Bolivia."
    ex = run(make_doc, article_for, resources, """
        Peru      1 nsubj PROPN NNP peru     B-GPE
        suspended 1 ROOT  VERB  VBD suspend  O
        military  3 amod  ADJ   JJ  military O
        aid       1 dobj  NOUN  NN  aid      O
        to        1 prep  ADP   IN  to       O
        Bolivia   4 pobj  PROPN NNP bolivia  B-GPE
        .         1 punct PUNCT .   .        O
    """)
    assert stances(ex) == {("Peru", "opposes", "Bolivia")}


def test_an_announced_suspension_of_flights_opposes_their_destination(make_doc, article_for, resources):
    # "Italy announced a suspension of flights to Serbia."
    ex = run(make_doc, article_for, resources, """
        Italy      1 nsubj PROPN NNP italy      B-GPE
        announced  1 ROOT  VERB  VBD announce   O
        a          3 det   DET   DT  a          O
        suspension 1 dobj  NOUN  NN  suspension O
        of         3 prep  ADP   IN  of         O
        flights    4 pobj  NOUN  NNS flight     O
        to         5 prep  ADP   IN  to         O
        Serbia     6 pobj  PROPN NNP serbia     B-GPE
        .          1 punct PUNCT .   .          O
    """)
    assert stances(ex) == {("Italy", "opposes", "Serbia")}


def test_opposed_to_a_countrys_mediation_opposes_the_country(make_doc, article_for, resources):
    # "Sweden is opposed to Turkish mediation."
    ex = run(make_doc, article_for, resources, """
        Sweden    1 nsubj PROPN NNP sweden    B-GPE
        is        1 ROOT  AUX   VBZ be        O
        opposed   1 acomp VERB  VBN oppose    O
        to        2 prep  ADP   IN  to        O
        Turkish   5 amod  ADJ   JJ  turkish   B-NORP
        mediation 3 pobj  NOUN  NN  mediation O
        .         1 punct PUNCT .   .         O
    """)
    assert stances(ex) == {("Sweden", "opposes", "Turkey")}


def test_being_against_or_in_favour_of_a_country(make_doc, article_for, resources):
    # "Austria is against Hungary. | Chile is in favour of Peru."
    ex = run(make_doc, article_for, resources, """
        Austria 1  nsubj PROPN NNP austria B-GPE
        is      1  ROOT  AUX   VBZ be      O
        against 1  prep  ADP   IN  against O
        Hungary 2  pobj  PROPN NNP hungary B-GPE
        .       1  punct PUNCT .   .       O
        | Chile 6  nsubj PROPN NNP chile   B-GPE
        is      6  ROOT  AUX   VBZ be      O
        in      6  prep  ADP   IN  in      O
        favour  7  pobj  NOUN  NN  favour  O
        of      8  prep  ADP   IN  of      O
        Peru    9  pobj  PROPN NNP peru    B-GPE
        .       6  punct PUNCT .   .       O
    """)
    assert stances(ex) == {("Austria", "opposes", "Hungary"), ("Chile", "supports", "Peru")}


# -- joint acts of coordinated agents ------------------------------------------------


def test_coordinated_agents_holding_talks_meet(make_doc, article_for, resources):
    # "Kenya and Uganda held talks in Nairobi."
    ex = run(make_doc, article_for, resources, """
        Kenya   3 nsubj PROPN NNP kenya   B-GPE
        and     0 cc    CCONJ CC  and     O
        Uganda  0 conj  PROPN NNP uganda  B-GPE
        held    3 ROOT  VERB  VBD hold    O
        talks   3 dobj  NOUN  NNS talk    O
        in      4 prep  ADP   IN  in      O
        Nairobi 5 pobj  PROPN NNP nairobi B-GPE
        .       3 punct PUNCT .   .       O
    """)
    assert stances(ex) == {("Kenya", "meets", "Uganda")}


def test_a_shared_commitment_is_cooperation(make_doc, article_for, resources):
    # "Canada and Mexico reaffirmed their commitment to the pact."
    ex = run(make_doc, article_for, resources, """
        Canada     3 nsubj PROPN NNP  canada     B-GPE
        and        0 cc    CCONJ CC   and        O
        Mexico     0 conj  PROPN NNP  mexico     B-GPE
        reaffirmed 3 ROOT  VERB  VBD  reaffirm   O
        their      5 poss  PRON  PRP$ their      O
        commitment 3 dobj  NOUN  NN   commitment O
        to         5 prep  ADP   IN   to         O
        the        8 det   DET   DT   the        O
        pact       6 pobj  NOUN  NN   pact       O
        .          3 punct PUNCT .    .          O
    """)
    assert stances(ex) == {("Canada", "cooperatesWith", "Mexico")}


def test_one_countrys_commitment_is_no_cooperation(make_doc, article_for, resources):
    # "Canada reaffirmed its commitment to the pact."
    ex = run(make_doc, article_for, resources, """
        Canada     1 nsubj PROPN NNP  canada     B-GPE
        reaffirmed 1 ROOT  VERB  VBD  reaffirm   O
        its        3 poss  PRON  PRP$ its        O
        commitment 1 dobj  NOUN  NN   commitment O
        to         3 prep  ADP   IN   to         O
        the        6 det   DET   DT   the        O
        pact       4 pobj  NOUN  NN   pact       O
        .          1 punct PUNCT .    .          O
    """)
    assert stances(ex) == set()


# -- who acts: subjects away from the verb ----------------------------------------------


def test_the_owner_of_a_decision_does_what_it_decided(make_doc, article_for, resources):
    # "Russia's decision to invade Georgia shocked Europe."
    ex = run(make_doc, article_for, resources, """
        Russia   2 poss  PROPN NNP russia   B-GPE
        's       0 case  PART  POS 's       O
        decision 6 nsubj NOUN  NN  decision O
        to       4 aux   PART  TO  to       O
        invade   2 acl   VERB  VB  invade   O
        Georgia  4 dobj  PROPN NNP georgia  B-GPE
        shocked  6 ROOT  VERB  VBD shock    O
        Europe   6 dobj  PROPN NNP europe   B-LOC
        .        6 punct PUNCT .   .        O
    """)
    assert ("Russia", "opposes", "Georgia") in stances(ex)


def test_a_bid_to_join_is_planned(make_doc, article_for, resources):
    # "Finland announced its bid to join NATO."
    ex = run(make_doc, article_for, resources, """
        Finland   1 nsubj PROPN NNP  finland  B-GPE
        announced 1 ROOT  VERB  VBD  announce O
        its       3 poss  PRON  PRP$ its      O
        bid       1 dobj  NOUN  NN   bid      O
        to        5 aux   PART  TO   to       O
        join      3 acl   VERB  VB   join     O
        NATO      5 dobj  PROPN NNP  nato     B-ORG
        .         1 punct PUNCT .    .        O
    """)
    assert ("Finland", "cooperatesWith", "NATO", Modality.PLANNED) in triples(ex)
    assert ("Finland", "cooperatesWith", "NATO", Modality.ASSERTED) not in triples(ex)


def test_committed_to_supporting_shares_the_subject(make_doc, article_for, resources):
    # "Chile is committed to supporting Peru."
    ex = run(make_doc, article_for, resources, """
        Chile      2 nsubjpass PROPN NNP chile   B-GPE
        is         2 auxpass   AUX   VBZ be      O
        committed  2 ROOT      VERB  VBN commit  O
        to         2 prep      ADP   IN  to      O
        supporting 3 pcomp     VERB  VBG support O
        Peru       4 dobj      PROPN NNP peru    B-GPE
        .          2 punct     PUNCT .   .       O
    """)
    assert stances(ex) == {("Chile", "supports", "Peru")}


def test_a_statement_condemns_for_whoever_issued_it(make_doc, article_for, resources):
    # "Japan issued a statement condemning Iran."
    ex = run(make_doc, article_for, resources, """
        Japan      1 nsubj PROPN NNP japan     B-GPE
        issued     1 ROOT  VERB  VBD issue     O
        a          3 det   DET   DT  a         O
        statement  1 dobj  NOUN  NN  statement O
        condemning 3 acl   VERB  VBG condemn   O
        Iran       4 dobj  PROPN NNP iran      B-GPE
        .          1 punct PUNCT .   .         O
    """)
    assert stances(ex) == {("Japan", "opposes", "Iran")}


# -- actors: acronyms, governments, pronouns, "the two leaders" ---------------------------


def test_arresting_members_of_a_group_opposes_the_group_and_its_acronym(make_doc, article_for, resources):
    # "Indonesia arrested members of the Free Papua Movement (FPM). | FPM protested."
    ex = run(make_doc, article_for, resources, """
        Indonesia   1  nsubj    PROPN NNP   indonesia B-GPE
        arrested    1  ROOT     VERB  VBD   arrest    O
        members     1  dobj     NOUN  NNS   member    O
        of          2  prep     ADP   IN    of        O
        the         7  det      DET   DT    the       B-ORG
        Free        7  compound PROPN NNP   free      I-ORG
        Papua       7  compound PROPN NNP   papua     I-ORG
        Movement    3  pobj     PROPN NNP   movement  I-ORG
        (           7  punct    PUNCT -LRB- (         O
        FPM         7  appos    PROPN NNP   fpm       B-PERSON
        )           1  punct    PUNCT -RRB- )         O
        .           1  punct    PUNCT .     .         O
        | FPM       13 nsubj    PROPN NNP   fpm       B-PERSON
        protested   13 ROOT     VERB  VBD   protest   O
        .           13 punct    PUNCT .     .         O
    """)
    assert stances(ex) == {("Indonesia", "opposes", "Free Papua Movement")}
    movement = next(e for e in ex.entities if e.label == "Free Papua Movement")
    assert "FPM" in movement.alt_labels
    assert not [e for e in ex.entities if e.kind is EntityKind.PERSON]  # the acronym is no person


def test_the_government_of_a_country_is_the_country(make_doc, article_for, resources):
    # "The Government of Chile thanked Peru."
    ex = run(make_doc, article_for, resources, """
        The        1 det   DET   DT  the        B-ORG
        Government 4 nsubj PROPN NNP government I-ORG
        of         1 prep  ADP   IN  of         I-ORG
        Chile      2 pobj  PROPN NNP chile      I-ORG
        thanked    4 ROOT  VERB  VBD thank      O
        Peru       4 dobj  PROPN NNP peru       B-GPE
        .          4 punct PUNCT .   .          O
    """)
    assert stances(ex) == {("Chile", "supports", "Peru")}
    chile = next(e for e in ex.entities if e.label == "Chile")
    assert chile.kind is EntityKind.COUNTRY and "Government of Chile" in chile.alt_labels


def test_it_in_a_reported_clause_is_the_speaker(make_doc, article_for, resources):
    # "Hungary said it would back Serbia."
    ex = run(make_doc, article_for, resources, """
        Hungary 1 nsubj PROPN NNP hungary B-GPE
        said    1 ROOT  VERB  VBD say     O
        it      4 nsubj PRON  PRP it      O
        would   4 aux   AUX   MD  would   O
        back    1 ccomp VERB  VB  back    O
        Serbia  4 dobj  PROPN NNP serbia  B-GPE
        .       1 punct PUNCT .   .       O
    """)
    assert ("Hungary", "supports", "Serbia", Modality.PLANNED) in triples(ex)


def test_the_two_leaders_are_the_last_two_people_named(make_doc, article_for, resources):
    # "Ana Ruiz met Ivo Brandt on Monday. | The two leaders agreed to expand cooperation."
    ex = run(make_doc, article_for, resources, """
        Ana         1  compound PROPN NNP ana         B-PERSON
        Ruiz        2  nsubj    PROPN NNP ruiz        I-PERSON
        met         2  ROOT     VERB  VBD meet        O
        Ivo         4  compound PROPN NNP ivo         B-PERSON
        Brandt      2  dobj     PROPN NNP brandt      I-PERSON
        on          2  prep     ADP   IN  on          O
        Monday      5  pobj     PROPN NNP monday      B-DATE
        .           2  punct    PUNCT .   .           O
        | The       10 det      DET   DT  the         O
        two         10 nummod   NUM   CD  two         B-CARDINAL
        leaders     11 nsubj    NOUN  NNS leader      O
        agreed      11 ROOT     VERB  VBD agree       O
        to          13 aux      PART  TO  to          O
        expand      11 xcomp    VERB  VB  expand      O
        cooperation 13 dobj     NOUN  NN  cooperation O
        .           11 punct    PUNCT .   .           O
    """)
    facts = stances(ex)
    assert ("Ana Ruiz", "meets", "Ivo Brandt") in facts
    assert ("Ana Ruiz", "cooperatesWith", "Ivo Brandt") in facts or ("Ivo Brandt", "cooperatesWith", "Ana Ruiz") in facts


def test_a_counterpart_named_in_apposition_is_met(make_doc, article_for, resources):
    # "Lena Morel spoke with her Indian counterpart, Ravi Shah."
    ex = run(make_doc, article_for, resources, """
        Lena        1  compound PROPN NNP  lena        B-PERSON
        Morel       2  nsubj    PROPN NNP  morel       I-PERSON
        spoke       2  ROOT     VERB  VBD  speak       O
        with        2  prep     ADP   IN   with        O
        her         6  poss     PRON  PRP$ her         O
        Indian      6  amod     ADJ   JJ   indian      B-NORP
        counterpart 3  pobj     NOUN  NN   counterpart O
        ,           6  punct    PUNCT ,    ,           O
        Ravi        9  compound PROPN NNP  ravi        B-PERSON
        Shah        6  appos    PROPN NNP  shah        I-PERSON
        .           2  punct    PUNCT .    .           O
    """)
    assert stances(ex) == {("Lena Morel", "meets", "Ravi Shah")}


def test_commander_of_a_named_command_leads_it(make_doc, article_for, resources):
    # "General Ana Lima, commander of the Southern Command, visited Chile."
    ex = run(make_doc, article_for, resources, """
        General   2  compound PROPN NNP general   O
        Ana       2  compound PROPN NNP ana       B-PERSON
        Lima      10 nsubj    PROPN NNP lima      I-PERSON
        ,         2  punct    PUNCT ,   ,         O
        commander 2  appos    NOUN  NN  commander O
        of        4  prep     ADP   IN  of        O
        the       8  det      DET   DT  the       B-ORG
        Southern  8  compound PROPN NNP southern  I-ORG
        Command   5  pobj     PROPN NNP command   I-ORG
        ,         2  punct    PUNCT ,   ,         O
        visited   10 ROOT     VERB  VBD visit     O
        Chile     10 dobj     PROPN NNP chile     B-GPE
        .         10 punct    PUNCT .   .         O
    """)
    leads = {(s, o) for s, r, o, _ in triples(ex) if r == "leaderOf"}
    assert leads == {("Ana Lima", "Southern Command")}


# -- what a stance is about ----------------------------------------------------------


def test_backing_a_countrys_opposition_is_not_backing_the_country(make_doc, article_for, resources):
    # "Canada backs the Syrian opposition."
    ex = run(make_doc, article_for, resources, """
        Canada     1 nsubj PROPN NNP canada     B-GPE
        backs      1 ROOT  VERB  VBZ back       O
        the        4 det   DET   DT  the        O
        Syrian     4 amod  ADJ   JJ  syrian     B-NORP
        opposition 1 dobj  NOUN  NN  opposition O
        .          1 punct PUNCT .   .          O
    """)
    assert stances(ex) == {("Canada", "supports", "Syrian opposition")}


def test_a_threatened_act_is_not_the_target(make_doc, article_for, resources):
    # "Iran threatened to launch a new offensive."
    ex = run(make_doc, article_for, resources, """
        Iran       1 nsubj PROPN NNP iran      B-GPE
        threatened 1 ROOT  VERB  VBD threaten  O
        to         3 aux   PART  TO  to        O
        launch     1 xcomp VERB  VB  launch    O
        a          6 det   DET   DT  a         O
        new        6 amod  ADJ   JJ  new       O
        offensive  3 dobj  NOUN  NN  offensive O
        .          1 punct PUNCT .   .         O
    """)
    assert stances(ex) == set()


def test_threatening_sanctions_on_a_country_opposes_it(make_doc, article_for, resources):
    # "Iran threatened to impose sanctions on Kuwait."
    ex = run(make_doc, article_for, resources, """
        Iran       1 nsubj PROPN NNP iran      B-GPE
        threatened 1 ROOT  VERB  VBD threaten  O
        to         3 aux   PART  TO  to        O
        impose     1 xcomp VERB  VB  impose    O
        sanctions  3 dobj  NOUN  NNS sanction  O
        on         4 prep  ADP   IN  on        O
        Kuwait     5 pobj  PROPN NNP kuwait    B-GPE
        .          1 punct PUNCT .   .         O
    """)
    assert ("Iran", "opposes", "Kuwait") in stances(ex)


def test_what_is_demanded_is_not_opposed(make_doc, article_for, resources):
    # "China demanded an apology."
    ex = run(make_doc, article_for, resources, """
        China    1 nsubj PROPN NNP china   B-GPE
        demanded 1 ROOT  VERB  VBD demand  O
        an       3 det   DET   DT  an      O
        apology  1 dobj  NOUN  NN  apology O
        .        1 punct PUNCT .   .       O
    """)
    assert stances(ex) == set()


def test_the_agents_own_people_are_no_target(make_doc, article_for, resources):
    # "Pakistan urged its citizens to leave."
    ex = run(make_doc, article_for, resources, """
        Pakistan 1 nsubj PROPN NNP  pakistan B-GPE
        urged    1 ROOT  VERB  VBD  urge     O
        its      3 poss  PRON  PRP$ its      O
        citizens 1 dobj  NOUN  NNS  citizen  O
        to       5 aux   PART  TO   to       O
        leave    1 xcomp VERB  VB   leave    O
        .        1 punct PUNCT .    .        O
    """)
    assert stances(ex) == set()


def test_a_reason_is_not_a_second_target(make_doc, article_for, resources):
    # "Egypt blamed Israel for the bombing of the convoy."
    ex = run(make_doc, article_for, resources, """
        Egypt   1 nsubj PROPN NNP egypt   B-GPE
        blamed  1 ROOT  VERB  VBD blame   O
        Israel  1 dobj  PROPN NNP israel  B-GPE
        for     1 prep  ADP   IN  for     O
        the     5 det   DET   DT  the     O
        bombing 3 pobj  NOUN  NN  bombing O
        of      5 prep  ADP   IN  of      O
        the     8 det   DET   DT  the     O
        convoy  6 pobj  NOUN  NN  convoy  O
        .       1 punct PUNCT .   .       O
    """)
    assert stances(ex) == {("Egypt", "opposes", "Israel")}


def test_a_second_noun_shares_the_first_ones_owner(make_doc, article_for, resources):
    # "Brazil supports Bolivian unity and sovereignty."
    ex = run(make_doc, article_for, resources, """
        Brazil      1 nsubj PROPN NNP brazil      B-GPE
        supports    1 ROOT  VERB  VBZ support     O
        Bolivian    3 amod  ADJ   JJ  bolivian    B-NORP
        unity       1 dobj  NOUN  NN  unity       O
        and         3 cc    CCONJ CC  and         O
        sovereignty 3 conj  NOUN  NN  sovereignty O
        .           1 punct PUNCT .   .           O
    """)
    assert stances(ex) == {("Brazil", "supports", "Bolivia")}


def test_an_apposition_names_whom_a_rejected_choice_is(make_doc, article_for, resources):
    # "Peru rejected Mendez's choice, Carlos Ortiz."
    ex = run(make_doc, article_for, resources, """
        Peru     1 nsubj PROPN NNP peru    B-GPE
        rejected 1 ROOT  VERB  VBD reject  O
        Mendez   4 poss  PROPN NNP mendez  B-PERSON
        's       2 case  PART  POS 's      O
        choice   1 dobj  NOUN  NN  choice  O
        ,        4 punct PUNCT ,   ,       O
        Carlos   7 compound PROPN NNP carlos B-PERSON
        Ortiz    4 appos PROPN NNP ortiz   I-PERSON
        .        1 punct PUNCT .   .       O
    """)
    assert stances(ex) == {("Peru", "opposes", "Carlos Ortiz")}


# -- end to end through the real model -------------------------------------------------


def _extract(nlp, resources, text):
    doc = nlp(text)
    return extract_article(doc, Article(id="e2e", text=text, date=dt.date(2024, 3, 4)), resources=resources)


def test_readout_end_to_end(nlp, resources):
    ex = _extract(nlp, resources, (
        "Foreign Minister Lena Morel met Kenyan Foreign Minister Ravi Shah in Nairobi on Tuesday. "
        "The two ministers agreed to deepen cooperation on trade. "
        "Canada will provide $20 million in aid to the Sudanese opposition, Morel said."
    ))
    facts = stances(ex)
    assert ("Lena Morel", "meets", "Ravi Shah") in facts or ("Ravi Shah", "meets", "Lena Morel") in facts
    assert ("Lena Morel", "cooperatesWith", "Ravi Shah") in facts or ("Ravi Shah", "cooperatesWith", "Lena Morel") in facts
    assert ("Canada", "supports", "Sudanese opposition") in facts


def test_first_person_in_a_quote_is_the_speaker_end_to_end(nlp, resources):
    ex = _extract(nlp, resources, '"I condemn this attack by Russia," said Foreign Minister Anna Berg.')
    assert ("Anna Berg", "opposes", "Russia") in stances(ex)


def test_wire_sentences_end_to_end(nlp, resources):
    ex = _extract(nlp, resources, (
        "Peru suspended military aid to Bolivia on Monday. "
        "Hungary said it would back Serbia in the dispute. "
        "Iran threatened to launch a new offensive."
    ))
    facts = stances(ex)
    assert ("Peru", "opposes", "Bolivia") in facts
    assert ("Hungary", "supports", "Serbia") in facts
    assert not [f for f in facts if f[0] == "Iran"]

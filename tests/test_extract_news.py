"""News-style extraction rules on hand-built parses (datelines, offices, taking part,
factuality, quotes). The sentences and names are invented for these tests; the parses are
written out so that each rule is tested apart from the statistical model.
"""

from __future__ import annotations

from extraction import run, triples

from kgbuild.extract import extract_article
from kgbuild.facts import EntityKind, Modality


def relations(extraction, relation):
    labels = {e.key: e.label for e in extraction.entities}
    return {(labels[f.subject], labels[f.object], f.modality) for f in extraction.facts if f.relation == relation}


# -- datelines ------------------------------------------------------------------------


def test_a_dateline_does_not_swallow_the_title_after_it(make_doc, article_for, resources):
    # "LIMA - Chilean President Rosa Vidal arrived."
    ex = run(make_doc, article_for, resources, """
        LIMA      6 npadvmod PROPN NNP lima      B-GPE
        -         0 punct    PUNCT HYPH -        O
        Chilean   3 amod     ADJ   JJ  chilean   B-NORP
        President 5 compound PROPN NNP president O
        Rosa      5 compound PROPN NNP rosa      B-PERSON
        Vidal     6 nsubj    PROPN NNP vidal     I-PERSON
        arrived   6 ROOT     VERB  VBD arrive    O
        .         6 punct    PUNCT .   .         O
    """)
    facts = triples(ex)
    assert ("Rosa Vidal", "holdsPosition", "President of Chile", Modality.ASSERTED) in facts
    assert ("Rosa Vidal", "leaderOf", "Chile", Modality.ASSERTED) in facts


def test_the_dateline_city_places_the_summit_of_the_lead(make_doc, article_for, resources):
    # "PORT LOUIS, Mauritius - Island leaders opened a summit on Monday." The model reads
    # the capitalised dateline as a person; the dateline rule reads it as a place.
    ex = run(make_doc, article_for, resources, """
        PORT     1 compound PROPN NNP port     B-PERSON
        LOUIS    8 npadvmod PROPN NNP louis    I-PERSON
        ,        1 punct    PUNCT ,   ,        O
        Mauritius 1 appos   PROPN NNP mauritius B-GPE
        -        1 punct    PUNCT HYPH -       O
        Island   6 compound NOUN  NN  island   O
        leaders  7 nsubj    NOUN  NNS leader   O
        opened   7 ROOT     VERB  VBD open     O
        a        9 det      DET   DT  a        O
        summit   7 dobj     NOUN  NN  summit   O
        on       7 prep     ADP   IN  on       O
        Monday   10 pobj    PROPN NNP monday   B-DATE
        .        7 punct    PUNCT .   .        O
    """)
    facts = triples(ex)
    assert ("Summit", "heldIn", "Port Louis", Modality.ASSERTED) in {(s.title(), r, o, m) for s, r, o, m in facts}
    assert not [e for e in ex.entities if e.kind is EntityKind.PERSON]


def test_a_cancelled_summit_is_not_placed_at_the_dateline(make_doc, article_for, resources):
    # "QUITO - A summit planned for June was cancelled."
    ex = run(make_doc, article_for, resources, """
        QUITO     7 npadvmod PROPN NNP quito     B-GPE
        -         0 punct    PUNCT HYPH -        O
        A         3 det      DET   DT  a         O
        summit    7 nsubjpass NOUN NN  summit    O
        planned   3 acl      VERB  VBN plan      O
        for       4 prep     ADP   IN  for       O
        June      5 pobj     PROPN NNP june      B-DATE
        cancelled 7 ROOT     VERB  VBN cancel    O
        .         7 punct    PUNCT .   .         O
    """)
    assert not relations(ex, "heldIn")


# -- offices -------------------------------------------------------------------------


def test_the_only_leader_of_a_group_is_no_office(make_doc, article_for, resources):
    # "Rosa Vidal was the only leader of the five members to attend."
    ex = run(make_doc, article_for, resources, """
        Rosa    1 compound PROPN NNP rosa   B-PERSON
        Vidal   2 nsubj    PROPN NNP vidal  I-PERSON
        was     2 ROOT     AUX   VBD be     O
        the     5 det      DET   DT  the    O
        only    5 amod     ADJ   JJ  only   O
        leader  2 attr     NOUN  NN  leader O
        of      5 prep     ADP   IN  of     O
        the     9 det      DET   DT  the    O
        five    9 nummod   NUM   CD  five   B-CARDINAL
        members 6 pobj     NOUN  NNS member O
        to      11 aux     PART  TO  to     O
        attend  5 relcl    VERB  VB  attend O
        .       2 punct    PUNCT .   .      O
    """)
    assert not relations(ex, "holdsPosition")


def test_the_country_president_is_the_one_president_named_without_a_country(make_doc, article_for, resources):
    # "Ines Varga became president in May. | The Chilean president met Hugo Lane."
    ex = run(make_doc, article_for, resources, """
        Ines      1 compound PROPN NNP ines      B-PERSON
        Varga     2 nsubj    PROPN NNP varga     I-PERSON
        became    2 ROOT     VERB  VBD become    O
        president 2 attr     NOUN  NN  president O
        in        2 prep     ADP   IN  in        O
        May       4 pobj     PROPN NNP may       B-DATE
        .         2 punct    PUNCT .   .         O
        | The     9 det      DET   DT  the       O
        Chilean   9 amod     ADJ   JJ  chilean   B-NORP
        president 10 nsubj   NOUN  NN  president O
        met       10 ROOT    VERB  VBD meet      O
        Hugo      12 compound PROPN NNP hugo     B-PERSON
        Lane      10 dobj    PROPN NNP lane      I-PERSON
        .         10 punct   PUNCT .   .         O
    """)
    facts = triples(ex)
    assert ("Ines Varga", "leaderOf", "Chile", Modality.ASSERTED) in facts
    assert ("Ines Varga", "meets", "Hugo Lane", Modality.ASSERTED) in facts
    assert not [e for e in ex.entities if e.label == "President of Chile" and e.kind is EntityKind.PERSON]


def test_leaders_of_countries_resolve_to_the_leaders_named_later(make_doc, article_for, resources):
    # "The leaders of Chile and Peru met. | Chilean President Rosa Vidal praised Peruvian President Hugo Lane."
    ex = run(make_doc, article_for, resources, """
        The       1 det      DET   DT  the       O
        leaders   6 nsubj    NOUN  NNS leader    O
        of        1 prep     ADP   IN  of        O
        Chile     2 pobj     PROPN NNP chile     B-GPE
        and       3 cc       CCONJ CC  and       O
        Peru      3 conj     PROPN NNP peru      B-GPE
        met       6 ROOT     VERB  VBD meet      O
        .         6 punct    PUNCT .   .         O
        | Chilean 9 amod     ADJ   JJ  chilean   B-NORP
        President 11 compound PROPN NNP president O
        Rosa      11 compound PROPN NNP rosa     B-PERSON
        Vidal     12 nsubj   PROPN NNP vidal     I-PERSON
        praised   12 ROOT    VERB  VBD praise    O
        Peruvian  14 amod    ADJ   JJ  peruvian  B-NORP
        President 16 compound PROPN NNP president O
        Hugo      16 compound PROPN NNP hugo     B-PERSON
        Lane      12 dobj    PROPN NNP lane      I-PERSON
        .         12 punct   PUNCT .   .         O
    """)
    assert ("Rosa Vidal", "Hugo Lane", Modality.ASSERTED) in relations(ex, "meets") | {
        (o, s, m) for s, o, m in relations(ex, "meets")
    }
    assert not [e for e in ex.entities if e.label.startswith("Leader of")]


# -- factuality ----------------------------------------------------------------------


def test_a_negation_stays_with_its_own_verb_in_a_coordination(make_doc, article_for, resources):
    # "Vidal chose not to attend the summit and instead flew to Lima."
    ex = run(make_doc, article_for, resources, """
        Vidal   1 nsubj  PROPN NNP vidal   B-PERSON
        chose   1 ROOT   VERB  VBD choose  O
        not     4 neg    PART  RB  not     O
        to      4 aux    PART  TO  to      O
        attend  1 xcomp  VERB  VB  attend  O
        the     6 det    DET   DT  the     O
        summit  4 dobj   NOUN  NN  summit  O
        and     4 cc     CCONJ CC  and     O
        instead 9 advmod ADV   RB  instead O
        flew    4 conj   VERB  VBD fly     O
        to      9 prep   ADP   IN  to      O
        Lima    10 pobj  PROPN NNP lima    B-GPE
        .       1 punct  PUNCT .   .       O
    """)
    assert {m for _, _, m in relations(ex, "attends")} == {Modality.NEGATED}
    assert relations(ex, "visits") == {("Vidal", "Lima", Modality.ASSERTED)}


def test_a_called_off_trip_is_negated(make_doc, article_for, resources):
    # "Vidal called off her trip to Peru."
    ex = run(make_doc, article_for, resources, """
        Vidal  1 nsubj PROPN NNP vidal B-PERSON
        called 1 ROOT  VERB  VBD call  O
        off    1 prt   ADP   RP  off   O
        her    4 poss  PRON  PRP$ her  O
        trip   1 dobj  NOUN  NN  trip  O
        to     4 prep  ADP   IN  to    O
        Peru   5 pobj  PROPN NNP peru  B-GPE
        .      1 punct PUNCT .   .     O
    """)
    assert relations(ex, "visits") == {("Vidal", "Peru", Modality.NEGATED)}
    assert not relations(ex, "meets")


def test_a_plan_then_cancelled_is_negated(make_doc, article_for, resources):
    # "Vidal had planned to attend the summit but cancelled her trip."
    ex = run(make_doc, article_for, resources, """
        Vidal     2 nsubj PROPN NNP vidal     B-PERSON
        had       2 aux   AUX   VBD have      O
        planned   2 ROOT  VERB  VBN plan      O
        to        4 aux   PART  TO  to        O
        attend    2 xcomp VERB  VB  attend    O
        the       6 det   DET   DT  the       O
        summit    4 dobj  NOUN  NN  summit    O
        but       2 cc    CCONJ CC  but       O
        cancelled 2 conj  VERB  VBD cancel    O
        her       10 poss PRON  PRP$ her      O
        trip      8 dobj  NOUN  NN  trip      O
        .         2 punct PUNCT .   .         O
    """)
    assert {m for _, _, m in relations(ex, "attends")} == {Modality.NEGATED}


def test_will_attend_and_cancel_keeps_the_attendance_planned(make_doc, article_for, resources):
    # "Vidal will attend the summit and cancel the trip."
    ex = run(make_doc, article_for, resources, """
        Vidal  2 nsubj PROPN NNP vidal  B-PERSON
        will   2 aux   AUX   MD  will   O
        attend 2 ROOT  VERB  VB  attend O
        the    4 det   DET   DT  the    O
        summit 2 dobj  NOUN  NN  summit O
        and    2 cc    CCONJ CC  and    O
        cancel 2 conj  VERB  VB  cancel O
        the    8 det   DET   DT  the    O
        trip   6 dobj  NOUN  NN  trip   O
        .      2 punct PUNCT .   .      O
    """)
    assert {m for _, _, m in relations(ex, "attends")} == {Modality.PLANNED}


def test_invited_to_visit_is_the_guest_s_planned_visit(make_doc, article_for, resources):
    # "Vidal invited Lane to visit Chile."
    ex = run(make_doc, article_for, resources, """
        Vidal   1 nsubj PROPN NNP vidal   B-PERSON
        invited 1 ROOT  VERB  VBD invite  O
        Lane    1 dobj  PROPN NNP lane    B-PERSON
        to      4 aux   PART  TO  to      O
        visit   1 xcomp VERB  VB  visit   O
        Chile   4 dobj  PROPN NNP chile   B-GPE
        .       1 punct PUNCT .   .       O
    """)
    assert relations(ex, "visits") == {("Lane", "Chile", Modality.PLANNED)}


# -- stances -------------------------------------------------------------------------


def test_phrasal_verbs_change_the_stance(make_doc, article_for, resources):
    # "Chile called out Peru. | Bolivia stood up to Peru."
    ex = run(make_doc, article_for, resources, """
        Chile    1 nsubj PROPN NNP chile   B-GPE
        called   1 ROOT  VERB  VBD call    O
        out      1 prt   ADP   RP  out     O
        Peru     1 dobj  PROPN NNP peru    B-GPE
        .        1 punct PUNCT .   .       O
        | Bolivia 6 nsubj PROPN NNP bolivia B-GPE
        stood    6 ROOT  VERB  VBD stand   O
        up       6 prt   ADP   RP  up      O
        to       6 prep  ADP   IN  to      O
        Peru     8 pobj  PROPN NNP peru    B-GPE
        .        6 punct PUNCT .   .       O
    """)
    assert relations(ex, "opposes") == {("Chile", "Peru", Modality.ASSERTED), ("Bolivia", "Peru", Modality.ASSERTED)}
    assert not relations(ex, "meets") and not relations(ex, "supports")


def test_urging_takes_no_stance_on_a_topic(make_doc, article_for, resources):
    # "Chile urged world leaders to act."
    ex = run(make_doc, article_for, resources, """
        Chile   1 nsubj    PROPN NNP chile  B-GPE
        urged   1 ROOT     VERB  VBD urge   O
        world   3 compound NOUN  NN  world  O
        leaders 1 dobj     NOUN  NNS leader O
        to      5 aux      PART  TO  to     O
        act     1 xcomp    VERB  VB  act    O
        .       1 punct    PUNCT .   .      O
    """)
    assert not relations(ex, "opposes")


def test_a_refusal_targets_the_country_its_act_is_in(make_doc, article_for, resources):
    # "Chile refused to deploy troops in Peru."
    ex = run(make_doc, article_for, resources, """
        Chile   1 nsubj PROPN NNP chile  B-GPE
        refused 1 ROOT  VERB  VBD refuse O
        to      3 aux   PART  TO  to     O
        deploy  1 xcomp VERB  VB  deploy O
        troops  3 dobj  NOUN  NNS troop  O
        in      4 prep  ADP   IN  in     O
        Peru    5 pobj  PROPN NNP peru   B-GPE
        .       1 punct PUNCT .   .      O
    """)
    assert ("Chile", "Peru", Modality.ASSERTED) in relations(ex, "opposes")


# -- events ----------------------------------------------------------------------------


def test_the_capital_of_a_demonym_is_the_city(make_doc, article_for, resources):
    # "Leaders held a summit in the Peruvian capital."
    ex = run(make_doc, article_for, resources, """
        Leaders  1 nsubj NOUN  NNS leader   O
        held     1 ROOT  VERB  VBD hold     O
        a        3 det   DET   DT  a        O
        summit   1 dobj  NOUN  NN  summit   O
        in       3 prep  ADP   IN  in       O
        the      7 det   DET   DT  the      O
        Peruvian 7 amod  ADJ   JJ  peruvian B-NORP
        capital  4 pobj  NOUN  NN  capital  O
        .        1 punct PUNCT .   .        O
    """)
    assert {o for _, o, _ in relations(ex, "heldIn")} == {"Lima"}


def test_next_year_s_summit_is_another_event(make_doc, article_for, resources):
    # "Chile hosted the summit. | Peru will host next year's summit."
    ex = run(make_doc, article_for, resources, """
        Chile   1 nsubj PROPN NNP chile  B-GPE
        hosted  1 ROOT  VERB  VBD host   O
        the     3 det   DET   DT  the    O
        summit  1 dobj  NOUN  NN  summit O
        .       1 punct PUNCT .   .      O
        | Peru  7 nsubj PROPN NNP peru   B-GPE
        will    7 aux   AUX   MD  will   O
        host    7 ROOT  VERB  VB  host   O
        next    9 amod  ADJ   JJ  next   B-DATE
        year    11 poss NOUN  NN  year   I-DATE
        's      9 case  PART  POS 's     I-DATE
        summit  7 dobj  NOUN  NN  summit O
        .       7 punct PUNCT .   .      O
    """)
    hosts = [f for f in ex.facts if f.relation == "hosts"]
    assert len({f.object for f in hosts}) == 2


def test_a_news_conference_is_no_event(make_doc, article_for, resources):
    # "Vidal spoke at a news conference."
    ex = run(make_doc, article_for, resources, """
        Vidal      1 nsubj    PROPN NNP vidal      B-PERSON
        spoke      1 ROOT     VERB  VBD speak      O
        at         1 prep     ADP   IN  at         O
        a          5 det      DET   DT  a          O
        news       5 compound NOUN  NN  news       O
        conference 2 pobj     NOUN  NN  conference O
        .          1 punct    PUNCT .   .          O
    """)
    assert not relations(ex, "attends")


def test_gathering_in_a_city_for_a_conference_places_it(make_doc, article_for, resources):
    # "Leaders gathered in Lima for the conference."
    ex = run(make_doc, article_for, resources, """
        Leaders    1 nsubj PROPN NNS leader     O
        gathered   1 ROOT  VERB  VBD gather     O
        in         1 prep  ADP   IN  in         O
        Lima       2 pobj  PROPN NNP lima       B-GPE
        for        1 prep  ADP   IN  for        O
        the        6 det   DET   DT  the        O
        conference 4 pobj  NOUN  NN  conference O
        .          1 punct PUNCT .   .          O
    """)
    assert {o for _, o, _ in relations(ex, "heldIn")} == {"Lima"}


# -- taking part ------------------------------------------------------------------------


def test_who_is_sent_or_represents_takes_part(make_doc, article_for, resources):
    # "Chile skipped the summit and was represented by Hugo Lane. | Peru sent Ana Ruiz."
    ex = run(make_doc, article_for, resources, """
        Chile       1 nsubj   PROPN NNP chile     B-GPE
        skipped     1 ROOT    VERB  VBD skip      O
        the         3 det     DET   DT  the       O
        summit      1 dobj    NOUN  NN  summit    O
        and         1 cc      CCONJ CC  and       O
        was         6 auxpass AUX   VBD be        O
        represented 1 conj    VERB  VBN represent O
        by          6 agent   ADP   IN  by        O
        Hugo        9 compound PROPN NNP hugo     B-PERSON
        Lane        7 pobj    PROPN NNP lane      I-PERSON
        .           1 punct   PUNCT .   .         O
        | Peru      12 nsubj  PROPN NNP peru      B-GPE
        sent        12 ROOT   VERB  VBD send      O
        Ana         14 compound PROPN NNP ana     B-PERSON
        Ruiz        12 dobj   PROPN NNP ruiz      I-PERSON
        .           12 punct  PUNCT .   .         O
    """)
    attends = relations(ex, "attends")
    assert ("Hugo Lane", "summit", Modality.ASSERTED) in {(s, o.lower(), m) for s, o, m in attends}
    assert ("Ana Ruiz", "summit", Modality.ASSERTED) in {(s, o.lower(), m) for s, o, m in attends}
    assert ("Chile", "summit", Modality.NEGATED) in {(s, o.lower(), m) for s, o, m in attends}


def test_also_attended_takes_the_event_the_article_is_about(make_doc, article_for, resources):
    # "Leaders met at the summit. | Vidal skipped the forum. | Lane also attended."
    ex = run(make_doc, article_for, resources, """
        Leaders  1 nsubj  NOUN  NNS leader  O
        met      1 ROOT   VERB  VBD meet    O
        at       1 prep   ADP   IN  at      O
        the      4 det    DET   DT  the     O
        summit   2 pobj   NOUN  NN  summit  O
        .        1 punct  PUNCT .   .       O
        | Vidal  7 nsubj  PROPN NNP vidal   B-PERSON
        skipped  7 ROOT   VERB  VBD skip    O
        the      9 det    DET   DT  the     O
        forum    7 dobj   NOUN  NN  forum   O
        .        7 punct  PUNCT .   .       O
        | The    12 det   DET   DT  the     O
        summit   13 nsubj NOUN  NN  summit  O
        was      13 ROOT  AUX   VBD be      O
        long     13 acomp ADJ   JJ  long    O
        .        13 punct PUNCT .   .       O
        | Lane   18 nsubj PROPN NNP lane    B-PERSON
        also     18 advmod ADV  RB  also    O
        attended 18 ROOT  VERB  VBD attend  O
        .        18 punct PUNCT .   .       O
    """)
    attended = {(s, o.lower(), m) for s, o, m in relations(ex, "attends")}
    assert ("Lane", "summit", Modality.ASSERTED) in attended
    assert not [a for a in attended if a[0] == "Lane" and a[1] != "summit"]


def test_leading_a_delegation_and_an_appearance_are_taking_part(make_doc, article_for, resources):
    # "Lane led Chile's delegation to the conference. | Her appearance at the conference ..." (two facts)
    ex = run(make_doc, article_for, resources, """
        Lane       1 nsubj PROPN NNP lane       B-PERSON
        led        1 ROOT  VERB  VBD lead       O
        Chile      4 poss  PROPN NNP chile      B-GPE
        's         2 case  PART  POS 's         O
        delegation 1 dobj  NOUN  NN  delegation O
        to         4 prep  ADP   IN  to         O
        the        7 det   DET   DT  the        O
        conference 5 pobj  NOUN  NN  conference O
        .          1 punct PUNCT .   .          O
        | Ruiz     11 poss PROPN NNP ruiz       B-PERSON
        's         9 case  PART  POS 's         O
        appearance 15 nsubj NOUN NN  appearance O
        at         11 prep ADP   IN  at         O
        the        14 det  DET   DT  the        O
        conference 12 pobj NOUN  NN  conference O
        ended      15 ROOT VERB  VBD end        O
        .          15 punct PUNCT .  .          O
    """)
    people = {s for s, _, m in relations(ex, "attends") if m is Modality.ASSERTED}
    assert {"Lane", "Ruiz"} <= people


# -- meetings --------------------------------------------------------------------------


def test_coordinated_subjects_of_talks_and_handshakes_meet(make_doc, article_for, resources):
    # "Vidal and Lane held talks. | Ruiz and Soto shook hands. | Mora and Ibarra spoke briefly."
    ex = run(make_doc, article_for, resources, """
        Vidal  3 nsubj PROPN NNP vidal  B-PERSON
        and    0 cc    CCONJ CC  and    O
        Lane   0 conj  PROPN NNP lane   B-PERSON
        held   3 ROOT  VERB  VBD hold   O
        talks  3 dobj  NOUN  NNS talk   O
        .      3 punct PUNCT .   .      O
        | Ruiz 9 nsubj PROPN NNP ruiz   B-PERSON
        and    6 cc    CCONJ CC  and    O
        Soto   6 conj  PROPN NNP soto   B-PERSON
        shook  9 ROOT  VERB  VBD shake  O
        hands  9 dobj  NOUN  NNS hand   O
        .      9 punct PUNCT .   .      O
        | Mora 15 nsubj PROPN NNP mora  B-PERSON
        and    12 cc   CCONJ CC  and    O
        Ibarra 12 conj PROPN NNP ibarra B-PERSON
        spoke  15 ROOT VERB  VBD speak  O
        briefly 15 advmod ADV RB briefly O
        .      15 punct PUNCT .  .      O
    """)
    pairs = {frozenset((s, o)) for s, o, _ in relations(ex, "meets")}
    assert pairs == {frozenset(("Vidal", "Lane")), frozenset(("Ruiz", "Soto")), frozenset(("Mora", "Ibarra"))}


def test_hours_of_talks_with_someone_and_talks_between_two(make_doc, article_for, resources):
    # "Vidal held seven hours of talks with Lane. | It came after talks between Ruiz and Soto."
    ex = run(make_doc, article_for, resources, """
        Vidal  1 nsubj   PROPN NNP vidal  B-PERSON
        held   1 ROOT    VERB  VBD hold   O
        seven  3 nummod  NUM   CD  seven  B-TIME
        hours  1 dobj    NOUN  NNS hour   I-TIME
        of     3 prep    ADP   IN  of     O
        talks  4 pobj    NOUN  NNS talk   O
        with   5 prep    ADP   IN  with   O
        Lane   6 pobj    PROPN NNP lane   B-PERSON
        .      1 punct   PUNCT .   .      O
        | It   10 nsubj  PRON  PRP it     O
        came   10 ROOT   VERB  VBD come   O
        after  10 prep   ADP   IN  after  O
        talks  11 pobj   NOUN  NNS talk   O
        between 12 prep  ADP   IN  between O
        Ruiz   13 pobj   PROPN NNP ruiz   B-PERSON
        and    14 cc     CCONJ CC  and    O
        Soto   14 conj   PROPN NNP soto   B-PERSON
        .      10 punct  PUNCT .   .      O
    """)
    pairs = {frozenset((s, o)) for s, o, _ in relations(ex, "meets")}
    assert {frozenset(("Vidal", "Lane")), frozenset(("Ruiz", "Soto"))} <= pairs


def test_a_surname_the_model_takes_for_a_place_is_the_person(make_doc, article_for, resources):
    # "Ines Varga arrived. | Varga met Lane."
    ex = run(make_doc, article_for, resources, """
        Ines    1 compound PROPN NNP ines   B-PERSON
        Varga   2 nsubj    PROPN NNP varga  I-PERSON
        arrived 2 ROOT     VERB  VBD arrive O
        .       2 punct    PUNCT .   .      O
        | Varga 5 nsubj    PROPN NNP varga  B-GPE
        met     5 ROOT     VERB  VBD meet   O
        Lane    5 dobj     PROPN NNP lane   B-PERSON
        .       5 punct    PUNCT .   .      O
    """)
    assert ("Ines Varga", "Lane", Modality.ASSERTED) in relations(ex, "meets")
    assert not [e for e in ex.entities if e.kind is EntityKind.PLACE]


# -- quotes --------------------------------------------------------------------------


def test_a_quoted_word_inside_reported_speech_is_one_statement(make_doc, article_for, resources):
    # 'Vidal said she was "disappointed" by the vote.'
    ex = run(make_doc, article_for, resources, """
        Vidal        1 nsubj  PROPN NNP vidal        B-PERSON
        said         1 ROOT   VERB  VBD say          O
        she          3 nsubj  PRON  PRP she          O
        was          1 ccomp  AUX   VBD be           O
        "            3 punct  PUNCT `` "             O
        disappointed 3 acomp  ADJ   JJ  disappointed O
        "            3 punct  PUNCT '' "             O
        by           5 prep   ADP   IN  by           O
        the          9 det    DET   DT  the          O
        vote         7 pobj   NOUN  NN  vote         O
        .            1 punct  PUNCT .   .            O
    """)
    said = relations(ex, "said")
    assert len(said) == 1
    ((_, statement, _),) = said
    assert "vote" in statement


def test_according_to_a_broadcaster_does_not_take_the_speaker_s_words(make_doc, article_for, resources):
    # "Vidal said the talks went well, according to Radio Sur."
    ex = run(make_doc, article_for, resources, """
        Vidal     1 nsubj    PROPN NNP vidal     B-PERSON
        said      1 ROOT     VERB  VBD say       O
        the       3 det      DET   DT  the       O
        talks     4 nsubj    NOUN  NNS talk      O
        went      1 ccomp    VERB  VBD go        O
        well      4 advmod   ADV   RB  well      O
        ,         4 punct    PUNCT ,   ,         O
        according 4 prep     VERB  VBG accord    O
        to        7 prep     ADP   IN  to        O
        Radio     10 compound PROPN NNP radio    B-ORG
        Sur       8 pobj     PROPN NNP sur       I-ORG
        .         1 punct    PUNCT .   .         O
    """)
    assert {s for s, _, _ in relations(ex, "said")} == {"Vidal"}


def test_a_relative_clause_speaker_is_the_person_it_follows(make_doc, article_for, resources):
    # "Lane met Hugo Soto, who told him that the deal was dead."
    ex = run(make_doc, article_for, resources, """
        Lane  1 nsubj    PROPN NNP lane  B-PERSON
        met   1 ROOT     VERB  VBD meet  O
        Hugo  3 compound PROPN NNP hugo  B-PERSON
        Soto  1 dobj     PROPN NNP soto  I-PERSON
        ,     3 punct    PUNCT ,   ,     O
        who   6 nsubj    PRON  WP  who   O
        told  3 relcl    VERB  VBD tell  O
        him   6 dobj     PRON  PRP him   O
        that  11 mark    SCONJ IN  that  O
        the   10 det     DET   DT  the   O
        deal  11 nsubj   NOUN  NN  deal  O
        was   6 ccomp    AUX   VBD be    O
        dead  11 acomp   ADJ   JJ  dead  O
        .     1 punct    PUNCT .   .     O
    """)
    assert {s for s, _, _ in relations(ex, "said")} == {"Hugo Soto"}


def test_a_pronoun_after_an_appositive_subject_is_that_person(make_doc, article_for, resources):
    # 'Yesterday Rosa Vidal spoke. | The host, Hugo Lane, rejected the claims. | "They are false," he said.'
    ex = run(make_doc, article_for, resources, """
        Yesterday 2 npadvmod NOUN NN yesterday B-DATE
        Rosa 2 compound PROPN NNP rosa B-PERSON
        Vidal 3 nsubj PROPN NNP vidal I-PERSON
        spoke 3 ROOT VERB VBD speak O
        . 3 punct PUNCT . . O
        | The 6 det DET DT the O
        host 11 nsubj NOUN NN host O
        , 6 punct PUNCT , , O
        Hugo 9 compound PROPN NNP hugo B-PERSON
        Lane 6 appos PROPN NNP lane I-PERSON
        , 6 punct PUNCT , , O
        rejected 11 ROOT VERB VBD reject O
        the 13 det DET DT the O
        claims 11 dobj NOUN NNS claim O
        . 11 punct PUNCT . . O
        | " 17 punct PUNCT `` " O
        They 17 nsubj PRON PRP they O
        are 22 ccomp AUX VBP be O
        false 17 acomp ADJ JJ false O
        , 22 punct PUNCT , , O
        " 22 punct PUNCT '' " O
        he 22 nsubj PRON PRP he O
        said 22 ROOT VERB VBD say O
        . 22 punct PUNCT . . O
    """)
    assert {s for s, _, _ in relations(ex, "said")} == {"Hugo Lane"}


# -- hosts, visits and membership --------------------------------------------------------


def test_the_host_in_apposition_hosts_the_event_in_view(make_doc, article_for, resources):
    # "Leaders met at the summit. | Ines Varga, the host, spoke first."
    ex = run(make_doc, article_for, resources, """
        Leaders 1 nsubj    NOUN  NNS leader O
        met     1 ROOT     VERB  VBD meet   O
        at      1 prep     ADP   IN  at     O
        the     4 det      DET   DT  the    O
        summit  2 pobj     NOUN  NN  summit O
        .       1 punct    PUNCT .   .      O
        | Ines  7 compound PROPN NNP ines   B-PERSON
        Varga   12 nsubj   PROPN NNP varga  I-PERSON
        ,       7 punct    PUNCT ,   ,      O
        the     10 det     DET   DT  the    O
        host    7 appos    NOUN  NN  host   O
        ,       7 punct    PUNCT ,   ,      O
        spoke   12 ROOT    VERB  VBD speak  O
        first   12 advmod  ADV   RB  first  O
        .       12 punct   PUNCT .   .      O
    """)
    assert {(s, o.lower(), m) for s, o, m in relations(ex, "hosts")} == {("Ines Varga", "summit", Modality.ASSERTED)}


def test_a_state_visit_is_hosted_and_its_guest_met_but_never_attended(make_doc, article_for, resources):
    # "Vidal welcomed Lane for a state visit. | Lane, on a state visit, spoke."
    ex = run(make_doc, article_for, resources, """
        Vidal    1 nsubj    PROPN NNP vidal   B-PERSON
        welcomed 1 ROOT     VERB  VBD welcome O
        Lane     1 dobj     PROPN NNP lane    B-PERSON
        for      1 prep     ADP   IN  for     O
        a        6 det      DET   DT  a       O
        state    6 compound NOUN  NN  state   O
        visit    3 pobj     NOUN  NN  visit   O
        .        1 punct    PUNCT .   .       O
        | Lane   15 nsubj   PROPN NNP lane    B-PERSON
        ,        8 punct    PUNCT ,   ,       O
        on       8 prep     ADP   IN  on      O
        a        13 det     DET   DT  a       O
        state    13 compound NOUN NN  state   O
        visit    10 pobj    NOUN  NN  visit   O
        ,        8 punct    PUNCT ,   ,       O
        spoke    15 ROOT    VERB  VBD speak   O
        .        15 punct   PUNCT .   .       O
    """)
    assert {s for s, _, _ in relations(ex, "hosts")} == {"Vidal"}
    assert ("Vidal", "Lane", Modality.ASSERTED) in relations(ex, "meets")
    assert not relations(ex, "attends")


def test_an_organisation_does_not_attend_its_own_summit(make_doc, article_for, resources):
    # "NATO will invite Finland at its summit."
    ex = run(make_doc, article_for, resources, """
        NATO    2 nsubj PROPN NNP nato    B-ORG
        will    2 aux   AUX   MD  will    O
        invite  2 ROOT  VERB  VB  invite  O
        Finland 2 dobj  PROPN NNP finland B-GPE
        at      2 prep  ADP   IN  at      O
        its     6 poss  PRON  PRP$ its    O
        summit  4 pobj  NOUN  NN  summit  O
        .       2 punct PUNCT .   .       O
    """)
    assert not relations(ex, "attends")


def test_an_organisation_that_groups_countries_has_them_as_members(make_doc, article_for, resources):
    # "Peru criticised the Quad, which groups Australia, India and Japan."
    ex = run(make_doc, article_for, resources, """
        Peru       1 nsubj PROPN NNP peru      B-GPE
        criticised 1 ROOT  VERB  VBD criticise O
        the        3 det   DET   DT  the       O
        Quad       1 dobj  PROPN NNP quad      B-ORG
        ,          3 punct PUNCT ,   ,         O
        which      6 nsubj PRON  WDT which     O
        groups     3 relcl VERB  VBZ group     O
        Australia  6 dobj  PROPN NNP australia B-GPE
        ,          7 punct PUNCT ,   ,         O
        India      7 conj  PROPN NNP india     B-GPE
        and        9 cc    CCONJ CC  and       O
        Japan      9 conj  PROPN NNP japan     B-GPE
        .          1 punct PUNCT .   .         O
    """)
    assert {s for s, o, _ in relations(ex, "memberOf") if o == "Quad"} == {"Australia", "India", "Japan"}


def test_admitted_as_a_member_of_an_organisation(make_doc, article_for, resources):
    # "Chile was admitted as a member of NATO."
    ex = run(make_doc, article_for, resources, """
        Chile    2 nsubjpass PROPN NNP chile  B-GPE
        was      2 auxpass   AUX   VBD be     O
        admitted 2 ROOT      VERB  VBN admit  O
        as       2 prep      ADP   IN  as     O
        a        5 det       DET   DT  a      O
        member   3 pobj      NOUN  NN  member O
        of       5 prep      ADP   IN  of     O
        NATO     6 pobj      PROPN NNP nato   B-ORG
        .        2 punct     PUNCT .   .      O
    """)
    assert relations(ex, "memberOf") == {("Chile", "NATO", Modality.ASSERTED)}


# -- offices and government voices ---------------------------------------------------------


def test_positions_of_countries_named_with_the_read_with_the(make_doc, article_for, resources):
    # "Philippine President Ana Cruz arrived."
    ex = run(make_doc, article_for, resources, """
        Philippine 1 amod     ADJ   JJ  philippine B-NORP
        President  3 compound PROPN NNP president  O
        Ana        3 compound PROPN NNP ana        B-PERSON
        Cruz       4 nsubj    PROPN NNP cruz       I-PERSON
        arrived    4 ROOT     VERB  VBD arrive     O
        .          4 punct    PUNCT .   .          O
    """)
    assert ("Ana Cruz", "President of the Philippines", Modality.ASSERTED) in relations(ex, "holdsPosition")


def test_a_secretary_general_leads_the_organisation_the_article_names(make_doc, article_for, resources):
    # "NATO met. | Secretary General Ola Berg spoke."
    ex = run(make_doc, article_for, resources, """
        NATO      1 nsubj    PROPN NNP nato      B-ORG
        met       1 ROOT     VERB  VBD meet      O
        .         1 punct    PUNCT .   .         O
        | Secretary 4 compound PROPN NNP secretary O
        General   6 compound PROPN NNP general   O
        Ola       6 compound PROPN NNP ola       B-PERSON
        Berg      7 nsubj    PROPN NNP berg      I-PERSON
        spoke     7 ROOT     VERB  VBD speak     O
        .         7 punct    PUNCT .   .         O
    """)
    assert ("Ola Berg", "NATO", Modality.ASSERTED) in relations(ex, "leaderOf")


def test_a_chief_leads_an_organisation_but_not_a_country(make_doc, article_for, resources):
    # "NATO chief Ola Berg met Chilean army chief Ines Varga."
    ex = run(make_doc, article_for, resources, """
        NATO    1 compound PROPN NNP nato    B-ORG
        chief   3 compound NOUN  NN  chief   O
        Ola     3 compound PROPN NNP ola     B-PERSON
        Berg    4 nsubj    PROPN NNP berg    I-PERSON
        met     4 ROOT     VERB  VBD meet    O
        Chilean 7 amod     ADJ   JJ  chilean B-NORP
        army    7 compound NOUN  NN  army    O
        chief   9 compound NOUN  NN  chief   O
        Ines    9 compound PROPN NNP ines    B-PERSON
        Varga   4 dobj     PROPN NNP varga   I-PERSON
        .       4 punct    PUNCT .   .       O
    """)
    leads = relations(ex, "leaderOf")
    assert ("Ola Berg", "NATO", Modality.ASSERTED) in leads
    assert not [l for l in leads if l[0] == "Ines Varga"]


def test_a_country_s_ministry_and_news_agency_speak_for_it(make_doc, article_for, resources):
    # "Peru's foreign ministry criticised the summit. | Chile's state news agency condemned the summit."
    ex = run(make_doc, article_for, resources, """
        Peru       3 poss     PROPN NNP peru      B-GPE
        's         0 case     PART  POS 's        O
        foreign    3 amod     PROPN NNP foreign   O
        ministry   4 nsubj    PROPN NNP ministry  O
        criticised 4 ROOT     VERB  VBD criticise O
        the        6 det      DET   DT  the       O
        summit     4 dobj     NOUN  NN  summit    O
        .          4 punct    PUNCT .   .         O
        | Chile    12 poss    PROPN NNP chile     B-GPE
        's         8 case     PART  POS 's        O
        state      12 compound NOUN NN  state     O
        news       12 compound NOUN NN  news      O
        agency     13 nsubj   NOUN  NN  agency    O
        condemned  13 ROOT    VERB  VBD condemn   O
        the        15 det     DET   DT  the       O
        summit     13 dobj    NOUN  NN  summit    O
        .          13 punct   PUNCT .   .         O
    """)
    assert {s for s, _, _ in relations(ex, "opposes")} == {"Peru", "Chile"}


def test_a_one_word_capitalised_text_is_no_dateline(make_doc, article_for, resources):
    # "GENEVA" alone: nothing follows, so there is no dateline to read
    ex = run(make_doc, article_for, resources, """
        GENEVA 0 ROOT PROPN NNP geneva B-GPE
    """)
    assert not ex.facts


# -- more ways of taking part, hosting and travelling (session 2) ------------------------


def test_the_one_met_at_an_event_attends_it_too(make_doc, article_for, resources):
    # "At the summit, Tomas Berg met Ana Ruiz."
    ex = run(make_doc, article_for, resources, """
        At     5 prep     ADP   IN  at     O
        the    2 det      DET   DT  the    O
        summit 0 pobj     NOUN  NN  summit O
        ,      5 punct    PUNCT ,   ,      O
        Berg   5 nsubj    PROPN NNP berg   B-PERSON
        met    5 ROOT     VERB  VBD meet   O
        Ruiz   5 dobj     PROPN NNP ruiz   B-PERSON
        .      5 punct    PUNCT .   .      O
    """)
    attends = relations(ex, "attends")
    assert ("Berg", "summit", Modality.ASSERTED) in attends
    assert ("Ruiz", "summit", Modality.ASSERTED) in attends


def test_a_purpose_clause_attends_with_the_travellers_subject(make_doc, article_for, resources):
    # "Berg flew to Lisbon to attend the summit."
    ex = run(make_doc, article_for, resources, """
        Berg   1 nsubj  PROPN NNP berg   B-PERSON
        flew   1 ROOT   VERB  VBD fly    O
        to     1 prep   ADP   IN  to     O
        Lisbon 2 pobj   PROPN NNP lisbon B-GPE
        to     5 aux    PART  TO  to     O
        attend 1 advcl  VERB  VB  attend O
        the    7 det    DET   DT  the    O
        summit 5 dobj   NOUN  NN  summit O
        .      1 punct  PUNCT .   .      O
    """)
    assert ("Berg", "summit", Modality.ASSERTED) in relations(ex, "attends")
    assert ("Berg", "Lisbon", Modality.ASSERTED) in relations(ex, "visits")


def test_among_the_leaders_at_an_event_attends_it(make_doc, article_for, resources):
    # "Berg was among the leaders at the summit."
    ex = run(make_doc, article_for, resources, """
        Berg    1 nsubj PROPN NNP berg    B-PERSON
        was     1 ROOT  AUX   VBD be      O
        among   1 prep  ADP   IN  among   O
        the     4 det   DET   DT  the     O
        leaders 2 pobj  NOUN  NNS leader  O
        at      4 prep  ADP   IN  at      O
        the     7 det   DET   DT  the     O
        summit  5 pobj  NOUN  NN  summit  O
        .       1 punct PUNCT .   .       O
    """)
    assert ("Berg", "summit", Modality.ASSERTED) in relations(ex, "attends")


def test_paying_a_state_visit_visits_the_country(make_doc, article_for, resources):
    # "Berg paid a state visit to Chile."
    ex = run(make_doc, article_for, resources, """
        Berg  1 nsubj    PROPN NNP berg  B-PERSON
        paid  1 ROOT     VERB  VBD pay   O
        a     4 det      DET   DT  a     O
        state 4 compound NOUN  NN  state O
        visit 1 dobj     NOUN  NN  visit O
        to    4 prep     ADP   IN  to    O
        Chile 5 pobj     PROPN NNP chile B-GPE
        .     1 punct    PUNCT .   .     O
    """)
    assert ("Berg", "Chile", Modality.ASSERTED) in relations(ex, "visits")


def test_an_invitation_on_a_visit_is_no_visit_by_the_host(make_doc, article_for, resources):
    # "Berg invited Ruiz on a visit to Chile."
    ex = run(make_doc, article_for, resources, """
        Berg    1 nsubj PROPN NNP berg   B-PERSON
        invited 1 ROOT  VERB  VBD invite O
        Ruiz    1 dobj  PROPN NNP ruiz   B-PERSON
        on      1 prep  ADP   IN  on     O
        a       5 det   DET   DT  a      O
        visit   3 pobj  NOUN  NN  visit  O
        to      5 prep  ADP   IN  to     O
        Chile   6 pobj  PROPN NNP chile  B-GPE
        .       1 punct PUNCT .   .      O
    """)
    assert not any(s == "Berg" for s, _, _ in relations(ex, "visits"))


def test_landing_in_a_city_and_the_city_of_a_name_are_visits(make_doc, article_for, resources):
    # "Berg landed in Lisbon. | Ruiz travelled to the city of Porto."
    ex = run(make_doc, article_for, resources, """
        Berg      1 nsubj PROPN NNP berg   B-PERSON
        landed    1 ROOT  VERB  VBD land   O
        in        1 prep  ADP   IN  in     O
        Lisbon    2 pobj  PROPN NNP lisbon B-GPE
        .         1 punct PUNCT .   .      O
        | Ruiz    6 nsubj PROPN NNP ruiz   B-PERSON
        travelled 6 ROOT  VERB  VBD travel O
        to        6 prep  ADP   IN  to     O
        the       9 det   DET   DT  the    O
        city      7 pobj  NOUN  NN  city   O
        of        9 prep  ADP   IN  of     O
        Porto     10 pobj PROPN NNP porto  B-GPE
        .         6 punct PUNCT .   .      O
    """)
    visits = relations(ex, "visits")
    assert ("Berg", "Lisbon", Modality.ASSERTED) in visits
    assert ("Ruiz", "Porto", Modality.ASSERTED) in visits


def test_a_grouping_attended_or_skipped_stands_for_its_summit(nlp, article_for, resources):
    doc = nlp("President Ana Ruiz skipped the G20.")
    ex = extract_article(doc, article_for(doc), resources=resources)
    assert ("Ana Ruiz", "G20 summit", Modality.NEGATED) in relations(ex, "attends")


def test_a_participle_on_a_name_attends_with_that_name(make_doc, article_for, resources):
    # "Berg, attending his first G20, spoke."
    ex = run(make_doc, article_for, resources, """
        Berg      7 nsubj PROPN NNP berg   B-PERSON
        ,         0 punct PUNCT ,   ,      O
        attending 0 acl   VERB  VBG attend O
        his       5 poss  PRON  PRP$ his   O
        first     5 amod  ADJ   JJ  first  B-ORDINAL
        G20       2 dobj  PROPN NNP g20    B-ORG
        ,         0 punct PUNCT ,   ,      O
        spoke     7 ROOT  VERB  VBD speak  O
        .         7 punct PUNCT .   .      O
    """)
    assert ("Berg", "G20 summit", Modality.ASSERTED) in relations(ex, "attends")


def test_a_body_named_as_a_meeting_is_attended_by_who_addresses_it(nlp, article_for, resources):
    doc = nlp("President Ana Ruiz addressed the UN General Assembly on Tuesday. Finland joined NATO in April.")
    ex = extract_article(doc, article_for(doc), resources=resources)
    assert ("Ana Ruiz", "UN General Assembly", Modality.ASSERTED) in relations(ex, "attends")
    assert not relations(ex, "attends") - {("Ana Ruiz", "UN General Assembly", Modality.ASSERTED)}


def test_the_leader_met_on_the_sidelines_attends_through_the_model(nlp, article_for, resources):
    doc = nlp("On the sidelines of the G20 summit, President Ana Ruiz met Prime Minister Tomas Berg.")
    ex = extract_article(doc, article_for(doc), resources=resources)
    attends = {(s, m) for s, _, m in relations(ex, "attends")}
    assert {("Ana Ruiz", Modality.ASSERTED), ("Tomas Berg", Modality.ASSERTED)} <= attends

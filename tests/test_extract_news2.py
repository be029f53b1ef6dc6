"""More news rules on hand-built parses: demonyms the model takes for names, participle clauses
after a denied verb, guests of a hosted event, relative clauses on events, "the annual
gathering", "his last summit", ceremonial welcomes and "the King said ... he". The sentences and
names are invented for these tests; a few run end to end through the model at the end.
"""

from __future__ import annotations

import pytest
from extraction import run, triples

from kgbuild.extract import extract_article
from kgbuild.facts import EntityKind, Modality


def relations(extraction, relation):
    labels = {e.key: e.label for e in extraction.entities}
    return {(labels[f.subject], labels[f.object], f.modality) for f in extraction.facts if f.relation == relation}


def test_a_demonym_tagged_as_a_name_does_not_take_the_title_after_it(make_doc, article_for, resources):
    # "Nepali President Ram Paudel praised Chile. Chilean President Rosa Vidal did not attend."
    # The model tags "Nepali" alone as a person: "Nepali President" must not become a person,
    # or every later "President" would be read as that person's name.
    ex = run(make_doc, article_for, resources, """
        Nepali      1 compound PROPN NNP nepali    B-PERSON
        President   3 compound PROPN NNP president O
        Ram         3 compound PROPN NNP ram       B-PERSON
        Paudel      4 nsubj    PROPN NNP paudel    I-PERSON
        praised     4 ROOT     VERB  VBD praise    O
        Chile       4 dobj     PROPN NNP chile     B-GPE
        .           4 punct    PUNCT .   .         O
        | Chilean   8 amod     ADJ   JJ  chilean   B-NORP
        President  10 compound PROPN NNP president O
        Rosa       10 compound PROPN NNP rosa      B-PERSON
        Vidal      13 nsubj    PROPN NNP vidal     I-PERSON
        did        13 aux      AUX   VBD do        O
        not        13 neg      PART  RB  not       O
        attend     13 ROOT     VERB  VB  attend    O
        .          13 punct    PUNCT .   .         O
    """)
    facts = triples(ex)
    assert ("Rosa Vidal", "holdsPosition", "President of Chile", Modality.ASSERTED) in facts
    assert ("Rosa Vidal", "leaderOf", "Chile", Modality.ASSERTED) in facts
    people = {e.label for e in ex.entities if e.kind is EntityKind.PERSON}
    assert "Nepali President" not in people


def test_a_participle_clause_after_a_denied_verb_is_asserted(make_doc, article_for, resources):
    # "Premier Li Qiang skipped the summit, sending Foreign Minister Wang Yi instead."
    ex = run(make_doc, article_for, resources, """
        Premier     2 compound PROPN NNP premier  O
        Li          2 compound PROPN NNP li       B-PERSON
        Qiang       3 nsubj    PROPN NNP qiang    I-PERSON
        skipped     3 ROOT     VERB  VBD skip     O
        the         5 det      DET   DT  the      O
        summit      3 dobj     NOUN  NN  summit   O
        ,           3 punct    PUNCT ,   ,        O
        sending     3 advcl    VERB  VBG send     O
        Foreign     9 compound PROPN NNP foreign  O
        Minister   11 compound PROPN NNP minister O
        Wang       11 compound PROPN NNP wang     B-PERSON
        Yi          7 dobj     PROPN NNP yi       I-PERSON
        instead     7 advmod   ADV   RB  instead  O
        .           3 punct    PUNCT .   .        O
    """)
    attends = relations(ex, "attends")
    assert ("Li Qiang", "summit", Modality.NEGATED) in {(s, o.lower(), m) for s, o, m in attends}
    assert ("Wang Yi", "summit", Modality.ASSERTED) in {(s, o.lower(), m) for s, o, m in attends}


def test_a_denial_still_reaches_a_participle_that_is_negated_itself(make_doc, article_for, resources):
    # "Ana Ruiz did not attend the summit, not sending anyone." -- the clause keeps its own "not"
    from kgbuild.extract.factuality import modality_of

    doc = make_doc("""
        Ana        1 compound PROPN NNP ana     B-PERSON
        Ruiz       4 nsubj    PROPN NNP ruiz    I-PERSON
        did        4 aux      AUX   VBD do      O
        not        4 neg      PART  RB  not     O
        attend     4 ROOT     VERB  VB  attend  O
        the        6 det      DET   DT  the     O
        summit     4 dobj     NOUN  NN  summit  O
        ,          4 punct    PUNCT ,   ,       O
        not        9 neg      PART  RB  not     O
        sending    4 advcl    VERB  VBG send    O
        anyone     9 dobj     PRON  NN  anyone  O
        .          4 punct    PUNCT .   .       O
    """)
    assert modality_of(doc[9], lexicon=resources.lexicon) is Modality.NEGATED
    assert modality_of(doc[4], lexicon=resources.lexicon) is Modality.NEGATED


def test_the_guests_of_a_hosted_event_attend_it(make_doc, article_for, resources):
    # "Prime Minister Tomas Varga hosted President Aino Lehto in Oslo for a regional summit."
    ex = run(make_doc, article_for, resources, """
        Prime       1 compound PROPN NNP prime     O
        Minister    3 compound PROPN NNP minister  O
        Tomas       3 compound PROPN NNP tomas     B-PERSON
        Varga       4 nsubj    PROPN NNP varga     I-PERSON
        hosted      4 ROOT     VERB  VBD host      O
        President   7 compound PROPN NNP president O
        Aino        7 compound PROPN NNP aino      B-PERSON
        Lehto       4 dobj     PROPN NNP lehto     I-PERSON
        in          4 prep     ADP   IN  in        O
        Oslo        8 pobj     PROPN NNP oslo      B-GPE
        for         4 prep     ADP   IN  for       O
        a          13 det      DET   DT  a         O
        regional   13 amod     ADJ   JJ  regional  O
        summit     10 pobj     NOUN  NN  summit    O
        .           4 punct    PUNCT .   .         O
    """)
    hosts = {(s, o.lower()) for s, o, _ in relations(ex, "hosts")}
    attends = {(s, o.lower(), m) for s, o, m in relations(ex, "attends")}
    assert ("Tomas Varga", "regional summit") in hosts
    assert ("Aino Lehto", "regional summit", Modality.ASSERTED) in attends
    assert ("Tomas Varga", "Aino Lehto", Modality.ASSERTED) in relations(ex, "meets")


def test_a_relative_clause_attends_the_event_it_follows(make_doc, article_for, resources):
    # "The king hosted a banquet at the palace, which Chancellor Olaf Scholz attended."
    # The parse hangs the clause on "palace"; the event is the banquet held there.
    ex = run(make_doc, article_for, resources, """
        The         1 det      DET   DT  the        O
        king        2 nsubj    NOUN  NN  king       O
        hosted      2 ROOT     VERB  VBD host       O
        a           4 det      DET   DT  a          O
        banquet     2 dobj     NOUN  NN  banquet    O
        at          2 prep     ADP   IN  at         O
        the         7 det      DET   DT  the        O
        palace      5 pobj     NOUN  NN  palace     O
        ,           7 punct    PUNCT ,   ,          O
        which      13 dobj     PRON  WDT which      O
        Chancellor 12 compound PROPN NNP chancellor O
        Olaf       12 compound PROPN NNP olaf       B-PERSON
        Scholz     13 nsubj    PROPN NNP scholz     I-PERSON
        attended    7 relcl    VERB  VBD attend     O
        .           2 punct    PUNCT .   .          O
    """)
    assert ("Olaf Scholz", "banquet", Modality.ASSERTED) in {(s, o.lower(), m) for s, o, m in relations(ex, "attends")}


def test_a_relative_clause_on_a_place_alone_attends_nothing(make_doc, article_for, resources):
    # "Ana Ruiz visited the palace, which Tomas Berg attended." -- no event anywhere
    ex = run(make_doc, article_for, resources, """
        Ana         1 compound PROPN NNP ana     B-PERSON
        Ruiz        2 nsubj    PROPN NNP ruiz    I-PERSON
        visited     2 ROOT     VERB  VBD visit   O
        the         4 det      DET   DT  the     O
        palace      2 dobj     NOUN  NN  palace  O
        ,           4 punct    PUNCT ,   ,       O
        which       9 dobj     PRON  WDT which   O
        Tomas       8 compound PROPN NNP tomas   B-PERSON
        Berg        9 nsubj    PROPN NNP berg    I-PERSON
        attended    4 relcl    VERB  VBD attend  O
        .           2 punct    PUNCT .   .       O
    """)
    assert not relations(ex, "attends")


def test_the_annual_gathering_refers_back_to_the_summit(make_doc, article_for, resources):
    # "Leaders opened a summit in Lima. Ram Paudel skipped the annual gathering."
    ex = run(make_doc, article_for, resources, """
        Leaders     1 nsubj    NOUN  NNS leader    O
        opened      1 ROOT     VERB  VBD open      O
        a           3 det      DET   DT  a         O
        summit      1 dobj     NOUN  NN  summit    O
        in          1 prep     ADP   IN  in        O
        Lima        4 pobj     PROPN NNP lima      B-GPE
        .           1 punct    PUNCT .   .         O
        | Ram       8 compound PROPN NNP ram       B-PERSON
        Paudel      9 nsubj    PROPN NNP paudel    I-PERSON
        skipped     9 ROOT     VERB  VBD skip      O
        the        12 det      DET   DT  the       O
        annual     12 amod     ADJ   JJ  annual    B-DATE
        gathering   9 dobj     NOUN  NN  gathering O
        .           9 punct    PUNCT .   .         O
    """)
    events = [e for e in ex.entities if e.kind is EntityKind.EVENT]
    assert len(events) == 1 and events[0].event_type == "Summit"
    assert relations(ex, "attends") == {("Ram Paudel", events[0].label, Modality.NEGATED)}


def test_his_last_summit_in_office_is_this_years(make_doc, article_for, resources):
    # "Erik Dahl will attend his last summit in office." -- his final one, not last year's
    ex = run(make_doc, article_for, resources, """
        Erik        1 compound PROPN NNP erik    B-PERSON
        Dahl        3 nsubj    PROPN NNP dahl    I-PERSON
        will        3 aux      AUX   MD  will    O
        attend      3 ROOT     VERB  VB  attend  O
        his         6 poss     PRON  PRP$ his    O
        last        6 amod     ADJ   JJ  last    O
        summit      3 dobj     NOUN  NN  summit  O
        in          6 prep     ADP   IN  in      O
        office      7 pobj     NOUN  NN  office  O
        .           3 punct    PUNCT .   .       O
    """)
    (event,) = [e for e in ex.entities if e.kind is EntityKind.EVENT]
    assert event.key.endswith("-2024")  # the article's year (see conftest.article_for)
    assert ("Erik Dahl", event.label, Modality.PLANNED) in relations(ex, "attends")


def test_last_years_summit_is_still_another_occasion(make_doc, article_for, resources):
    # "Erik Dahl attended last year's summit."
    ex = run(make_doc, article_for, resources, """
        Erik        1 compound PROPN NNP erik    B-PERSON
        Dahl        2 nsubj    PROPN NNP dahl    I-PERSON
        attended    2 ROOT     VERB  VBD attend  O
        last        4 amod     ADJ   JJ  last    B-DATE
        year        6 poss     NOUN  NN  year    I-DATE
        's          4 case     PART  POS 's      I-DATE
        summit      2 dobj     NOUN  NN  summit  O
        .           2 punct    PUNCT .   .       O
    """)
    (event,) = [e for e in ex.entities if e.kind is EntityKind.EVENT]
    assert event.key.endswith("-2023")


def test_a_welcome_with_honours_is_a_reception_not_a_stance(make_doc, article_for, resources):
    # "President Aino Lehto welcomed the queen with military honours."
    ex = run(make_doc, article_for, resources, """
        President   2 compound PROPN NNP president O
        Aino        2 compound PROPN NNP aino      B-PERSON
        Lehto       3 nsubj    PROPN NNP lehto     I-PERSON
        welcomed    3 ROOT     VERB  VBD welcome   O
        the         5 det      DET   DT  the       O
        queen       3 dobj     NOUN  NN  queen     O
        with        3 prep     ADP   IN  with      O
        military    8 amod     ADJ   JJ  military  O
        honours     6 pobj     NOUN  NNS honour    O
        .           3 punct    PUNCT .   .         O
    """)
    assert not relations(ex, "supports")


def test_a_welcome_of_a_decision_is_still_support(make_doc, article_for, resources):
    # "Chile welcomed the decision of Peru."
    ex = run(make_doc, article_for, resources, """
        Chile       1 nsubj    PROPN NNP chile    B-GPE
        welcomed    1 ROOT     VERB  VBD welcome  O
        the         3 det      DET   DT  the      O
        decision    1 dobj     NOUN  NN  decision O
        of          3 prep     ADP   IN  of       O
        Peru        4 pobj     PROPN NNP peru     B-GPE
        .           1 punct    PUNCT .   .        O
    """)
    assert {s for s, _, _ in relations(ex, "supports")} == {"Chile"}


def test_the_king_said_makes_the_king_the_next_he(make_doc, article_for, resources):
    # 'King Harald arrived on Monday. "We are friends," the King said. Later he became the
    # first Norwegian monarch to address the parliament.' -- "he" is the King, not someone else.
    ex = run(make_doc, article_for, resources, """
        King        1 compound PROPN NNP king      B-PERSON
        Harald      2 nsubj    PROPN NNP harald    I-PERSON
        arrived     2 ROOT     VERB  VBD arrive    O
        on          2 prep     ADP   IN  on        O
        Monday      3 pobj     PROPN NNP monday    B-DATE
        .           2 punct    PUNCT .   .         O
        | Chancellor 7 compound PROPN NNP chancellor O
        Olaf        8 compound PROPN NNP olaf      B-PERSON
        Scholz      9 nsubj    PROPN NNP scholz    I-PERSON
        waited      9 ROOT     VERB  VBD wait      O
        .           9 punct    PUNCT .   .         O
        | "        19 punct    PUNCT ``  "         O
        We         13 nsubj    PRON  PRP we        O
        are        19 ccomp    AUX   VBP be        O
        friends    13 attr     NOUN  NNS friend    O
        ,          19 punct    PUNCT ,   ,         O
        "          19 punct    PUNCT ''  "         O
        the        18 det      DET   DT  the       O
        King       19 nsubj    PROPN NNP king      O
        said       19 ROOT     VERB  VBD say       O
        .          19 punct    PUNCT .   .         O
        | Later    23 advmod   ADV   RBR later     O
        he         23 nsubj    PRON  PRP he        O
        became     23 ROOT     VERB  VBD become    O
        the        27 det      DET   DT  the       O
        first      27 amod     ADJ   JJ  first     B-ORDINAL
        Norwegian  27 amod     ADJ   JJ  norwegian B-NORP
        monarch    23 attr     NOUN  NN  monarch   O
        .          23 punct    PUNCT .   .         O
    """)
    leaders = relations(ex, "leaderOf")
    assert ("Harald", "Norway", Modality.ASSERTED) in {(s.split()[-1], o, m) for s, o, m in leaders}
    assert not any("Scholz" in s for s, _, _ in leaders)


# -- end to end through the model -----------------------------------------------------------


@pytest.mark.model
def test_leaders_who_skip_and_the_envoys_they_send_through_the_model(nlp, article_for, resources):
    doc = nlp(
        "Leaders gathered in Geneva for the annual World Health Assembly. "
        "Chilean President Rosa Vidal did not attend, sending Foreign Minister Tomas Berg instead. "
        "Peruvian President Ana Ruiz attended and met Berg on the sidelines."
    )
    ex = extract_article(doc, article_for(doc), resources=resources)
    attends = {(s, m) for s, _, m in relations(ex, "attends")}
    assert ("Rosa Vidal", Modality.NEGATED) in attends
    assert ("Tomas Berg", Modality.ASSERTED) in attends
    assert ("Rosa Vidal", Modality.ASSERTED) not in attends
    facts = triples(ex)
    assert ("Rosa Vidal", "leaderOf", "Chile", Modality.ASSERTED) in facts
    assert ("Ana Ruiz", "leaderOf", "Peru", Modality.ASSERTED) in facts


@pytest.mark.model
def test_a_state_banquet_hosted_and_attended_through_the_model(nlp, article_for, resources):
    doc = nlp(
        "President Aino Lehto welcomed King Harald with military honours in Helsinki on Tuesday. "
        "In the evening Lehto hosted a state banquet at the presidential palace, which Prime Minister Erik Dahl attended. "
        '"Our friendship is old," the King said in a toast. On Wednesday he visited Turku.'
    )
    ex = extract_article(doc, article_for(doc), resources=resources)
    assert not relations(ex, "supports")
    assert ("Aino Lehto", "state banquet") in {(s, o) for s, o, _ in relations(ex, "hosts")}
    assert ("Erik Dahl", "state banquet", Modality.ASSERTED) in relations(ex, "attends")
    assert ("King Harald", "Turku", Modality.ASSERTED) in {(s if "Harald" not in s else "King Harald", o, m) for s, o, m in relations(ex, "visits")}


# -- membership ------------------------------------------------------------------------------


def test_a_country_that_becomes_a_member_is_a_member(make_doc, article_for, resources):
    # "Belarus became a member of the SCO."
    ex = run(make_doc, article_for, resources, """
        Belarus     1 nsubj    PROPN NNP belarus  B-GPE
        became      1 ROOT     VERB  VBD become   O
        a           3 det      DET   DT  a        O
        member      1 attr     NOUN  NN  member   O
        of          3 prep     ADP   IN  of       O
        the         6 det      DET   DT  the      O
        SCO         4 pobj     PROPN NNP sco      B-ORG
        .           1 punct    PUNCT .   .        O
    """)
    assert {(s, m) for s, _, m in relations(ex, "memberOf")} == {("Belarus", Modality.ASSERTED)}


def test_a_denied_membership_is_negated(make_doc, article_for, resources):
    # "Egypt is not a member of NATO."
    ex = run(make_doc, article_for, resources, """
        Egypt       1 nsubj    PROPN NNP egypt    B-GPE
        is          1 ROOT     AUX   VBZ be       O
        not         1 neg      PART  RB  not      O
        a           4 det      DET   DT  a        O
        member      1 attr     NOUN  NN  member   O
        of          4 prep     ADP   IN  of       O
        NATO        5 pobj     PROPN NNP nato     B-ORG
        .           1 punct    PUNCT .   .        O
    """)
    members = relations(ex, "memberOf")
    assert members and {(s, m) for s, _, m in members} == {("Egypt", Modality.NEGATED)}


def test_an_organisation_joining_another_as_a_member_is_a_member_not_a_partner(make_doc, article_for, resources):
    # "The African Union joined the G20 as a member."
    ex = run(make_doc, article_for, resources, """
        The         2 det      DET   DT  the      B-ORG
        African     2 compound PROPN NNP african  I-ORG
        Union       3 nsubj    PROPN NNP union    I-ORG
        joined      3 ROOT     VERB  VBD join     O
        the         5 det      DET   DT  the      O
        G20         3 dobj     PROPN NNP g20      B-ORG
        as          3 prep     ADP   IN  as       O
        a           8 det      DET   DT  a        O
        member      6 pobj     NOUN  NN  member   O
        .           3 punct    PUNCT .   .        O
    """)
    assert {(s, m) for s, _, m in relations(ex, "memberOf")} == {("African Union", Modality.ASSERTED)}
    assert not relations(ex, "cooperatesWith")


# -- taking part and hosting -----------------------------------------------------------------


def test_a_visit_before_the_verb_is_made_by_its_subject(make_doc, article_for, resources):
    # "Ana Ruiz attended the summit after a visit to Chile."
    ex = run(make_doc, article_for, resources, """
        Ana         1 compound PROPN NNP ana      B-PERSON
        Ruiz        2 nsubj    PROPN NNP ruiz     I-PERSON
        attended    2 ROOT     VERB  VBD attend   O
        the         4 det      DET   DT  the      O
        summit      2 dobj     NOUN  NN  summit   O
        after       2 prep     ADP   IN  after    O
        a           7 det      DET   DT  a        O
        visit       5 pobj     NOUN  NN  visit    O
        to          7 prep     ADP   IN  to       O
        Chile       8 pobj     PROPN NNP chile    B-GPE
        .           2 punct    PUNCT .   .        O
    """)
    assert ("Ana Ruiz", "Chile", Modality.ASSERTED) in relations(ex, "visits")


def test_telling_or_speaking_at_a_summit_attends_it(make_doc, article_for, resources):
    # "Ana Ruiz told the summit that peace mattered. Tomas Berg spoke at the summit."
    ex = run(make_doc, article_for, resources, """
        Ana         1 compound PROPN NNP ana      B-PERSON
        Ruiz        2 nsubj    PROPN NNP ruiz     I-PERSON
        told        2 ROOT     VERB  VBD tell     O
        the         4 det      DET   DT  the      O
        summit      2 dobj     NOUN  NN  summit   O
        that        7 mark     SCONJ IN  that     O
        peace       7 nsubj    NOUN  NN  peace    O
        mattered    2 ccomp    VERB  VBD matter   O
        .           2 punct    PUNCT .   .        O
        | Tomas    10 compound PROPN NNP tomas    B-PERSON
        Berg       11 nsubj    PROPN NNP berg     I-PERSON
        spoke      11 ROOT     VERB  VBD speak    O
        at         11 prep     ADP   IN  at       O
        the        14 det      DET   DT  the      O
        summit     12 pobj     NOUN  NN  summit   O
        .          11 punct    PUNCT .   .        O
    """)
    attends = {(s, m) for s, _, m in relations(ex, "attends")}
    assert attends == {("Ana Ruiz", Modality.ASSERTED), ("Tomas Berg", Modality.ASSERTED)}


def test_the_leaders_a_summit_draws_attend_it(make_doc, article_for, resources):
    # "The summit drew leaders including Ana Ruiz and Tomas Berg."
    ex = run(make_doc, article_for, resources, """
        The         1 det      DET   DT  the       O
        summit      2 nsubj    NOUN  NN  summit    O
        drew        2 ROOT     VERB  VBD draw      O
        leaders     2 dobj     NOUN  NNS leader    O
        including   3 prep     VERB  VBG include   O
        Ana         6 compound PROPN NNP ana       B-PERSON
        Ruiz        4 pobj     PROPN NNP ruiz      I-PERSON
        and         6 cc       CCONJ CC  and       O
        Tomas       9 compound PROPN NNP tomas     B-PERSON
        Berg        6 conj     PROPN NNP berg      I-PERSON
        .           2 punct    PUNCT .   .         O
    """)
    assert {s for s, _, _ in relations(ex, "attends")} == {"Ana Ruiz", "Tomas Berg"}


def test_a_person_the_summit_draws_from_a_country_clause_attends_it(make_doc, article_for, resources):
    # "The summit drew leaders from 30 countries, including Ana Ruiz." -- "including" on "countries"
    ex = run(make_doc, article_for, resources, """
        The         1 det      DET   DT  the       O
        summit      2 nsubj    NOUN  NN  summit    O
        drew        2 ROOT     VERB  VBD draw      O
        leaders     2 dobj     NOUN  NNS leader    O
        from        2 prep     ADP   IN  from      O
        30          6 nummod   NUM   CD  30        B-CARDINAL
        countries   4 pobj     NOUN  NNS country   O
        ,           6 punct    PUNCT ,   ,         O
        including   6 prep     VERB  VBG include   O
        Ana        10 compound PROPN NNP ana       B-PERSON
        Ruiz        8 pobj     PROPN NNP ruiz      I-PERSON
        .           2 punct    PUNCT .   .         O
    """)
    assert {s for s, _, _ in relations(ex, "attends")} == {"Ana Ruiz"}


def test_talks_on_the_sidelines_of_a_summit_put_both_at_it(make_doc, article_for, resources):
    # "Ruiz and Berg held talks on the sidelines of the summit."
    ex = run(make_doc, article_for, resources, """
        Ruiz        3 nsubj    PROPN NNP ruiz      B-PERSON
        and         0 cc       CCONJ CC  and       O
        Berg        0 conj     PROPN NNP berg      B-PERSON
        held        3 ROOT     VERB  VBD hold      O
        talks       3 dobj     NOUN  NNS talk      O
        on          4 prep     ADP   IN  on        O
        the         7 det      DET   DT  the       O
        sidelines   5 pobj     NOUN  NNS sideline  O
        of          7 prep     ADP   IN  of        O
        the        10 det      DET   DT  the       O
        summit      8 pobj     NOUN  NN  summit    O
        .           3 punct    PUNCT .   .         O
    """)
    attends = relations(ex, "attends")
    assert {s for s, _, _ in attends} == {"Ruiz", "Berg"}
    assert all(o.lower() == "summit" for _, o, _ in attends)  # not the talks themselves
    assert ("Ruiz", "Berg", Modality.ASSERTED) in relations(ex, "meets") | {(b, a, m) for a, b, m in relations(ex, "meets")}


def test_playing_host_hosts_and_does_not_merely_attend(make_doc, article_for, resources):
    # "Chile played host to the summit."
    ex = run(make_doc, article_for, resources, """
        Chile       1 nsubj    PROPN NNP chile     B-GPE
        played      1 ROOT     VERB  VBD play      O
        host        1 dobj     NOUN  NN  host      O
        to          1 prep     ADP   IN  to        O
        the         5 det      DET   DT  the       O
        summit      3 pobj     NOUN  NN  summit    O
        .           1 punct    PUNCT .   .         O
    """)
    assert {(s, m) for s, _, m in relations(ex, "hosts")} == {("Chile", Modality.ASSERTED)}
    assert not relations(ex, "attends")


def test_as_host_of_the_summit_the_subject_hosts_it(make_doc, article_for, resources):
    # "As host of the summit, Ruiz spoke."
    ex = run(make_doc, article_for, resources, """
        As          7 prep     ADP   IN  as        O
        host        0 pobj     NOUN  NN  host      O
        of          1 prep     ADP   IN  of        O
        the         4 det      DET   DT  the       O
        summit      2 pobj     NOUN  NN  summit    O
        ,           7 punct    PUNCT ,   ,         O
        Ruiz        7 nsubj    PROPN NNP ruiz      B-PERSON
        spoke       7 ROOT     VERB  VBD speak     O
        .           7 punct    PUNCT .   .         O
    """)
    assert {(s, o.lower()) for s, o, _ in relations(ex, "hosts")} == {("Ruiz", "summit")}


# -- stances ---------------------------------------------------------------------------------


def test_lashing_out_at_someone_opposes_them(make_doc, article_for, resources):
    # "Chile lashed out at Peru."
    ex = run(make_doc, article_for, resources, """
        Chile       1 nsubj    PROPN NNP chile     B-GPE
        lashed      1 ROOT     VERB  VBD lash      O
        out         1 prt      ADP   RP  out       O
        at          1 prep     ADP   IN  at        O
        Peru        3 pobj     PROPN NNP peru      B-GPE
        .           1 punct    PUNCT .   .         O
    """)
    assert relations(ex, "opposes") == {("Chile", "Peru", Modality.ASSERTED)}


def test_absent_from_a_summit_denies_attending_it(make_doc, article_for, resources):
    # "Ana Ruiz was absent from the summit."
    ex = run(make_doc, article_for, resources, """
        Ana         1 compound PROPN NNP ana      B-PERSON
        Ruiz        2 nsubj    PROPN NNP ruiz     I-PERSON
        was         2 ROOT     AUX   VBD be       O
        absent      2 acomp    ADJ   JJ  absent   O
        from        3 prep     ADP   IN  from     O
        the         6 det      DET   DT  the      O
        summit      4 pobj     NOUN  NN  summit   O
        .           2 punct    PUNCT .   .        O
    """)
    assert {(s, m) for s, _, m in relations(ex, "attends")} == {("Ana Ruiz", Modality.NEGATED)}


def test_making_an_appearance_at_a_summit_attends_it(make_doc, article_for, resources):
    # "Ana Ruiz made a surprise appearance at the summit."
    ex = run(make_doc, article_for, resources, """
        Ana         1 compound PROPN NNP ana        B-PERSON
        Ruiz        2 nsubj    PROPN NNP ruiz       I-PERSON
        made        2 ROOT     VERB  VBD make       O
        a           5 det      DET   DT  a          O
        surprise    5 compound NOUN  NN  surprise   O
        appearance  2 dobj     NOUN  NN  appearance O
        at          5 prep     ADP   IN  at         O
        the         8 det      DET   DT  the        O
        summit      6 pobj     NOUN  NN  summit     O
        .           2 punct    PUNCT .   .          O
    """)
    assert {(s, m) for s, _, m in relations(ex, "attends")} == {("Ana Ruiz", Modality.ASSERTED)}


@pytest.mark.model
def test_a_capital_dateline_never_acts_through_the_model(nlp, article_for, resources):
    # The model makes the dateline the subject of "arrived"; the capital there is no government.
    doc = nlp("LIMA (May 6) - President Ana Ruiz arrived in Lima on Monday. Lima objected to the plan.")
    ex = extract_article(doc, article_for(doc), resources=resources)
    assert {s for s, _, _ in relations(ex, "visits")} <= {"Ana Ruiz"}
    assert ("Peru", "plan", Modality.ASSERTED) in relations(ex, "opposes")  # a capital in the story still acts


def test_a_verdict_after_as_is_not_part_of_the_stance_topic(make_doc, article_for, resources):
    # "Chile condemned the remarks as unacceptable." (the parser hangs "as" on "remarks")
    ex = run(make_doc, article_for, resources, """
        Chile        1 nsubj    PROPN NNP chile        B-GPE
        condemned    1 ROOT     VERB  VBD condemn      O
        the          3 det      DET   DT  the          O
        remarks      1 dobj     NOUN  NNS remark       O
        as           3 prep     ADP   IN  as           O
        unacceptable 4 amod     ADJ   JJ  unacceptable O
        .            1 punct    PUNCT .   .            O
    """)
    assert relations(ex, "opposes") == {("Chile", "remarks", Modality.ASSERTED)}


def test_pushing_back_against_something_opposes_it(make_doc, article_for, resources):
    # "Chile pushed back against the criticism." -- the parser reads "back" as an adverb
    ex = run(make_doc, article_for, resources, """
        Chile       1 nsubj    PROPN NNP chile     B-GPE
        pushed      1 ROOT     VERB  VBD push      O
        back        1 advmod   ADV   RB  back      O
        against     1 prep     ADP   IN  against   O
        the         5 det      DET   DT  the       O
        criticism   3 pobj     NOUN  NN  criticism O
        .           1 punct    PUNCT .   .         O
    """)
    assert relations(ex, "opposes") == {("Chile", "criticism", Modality.ASSERTED)}


def test_bristling_at_remarks_opposes_their_author(make_doc, article_for, resources):
    # "Chile bristled at the remarks by Peru."
    ex = run(make_doc, article_for, resources, """
        Chile       1 nsubj    PROPN NNP chile     B-GPE
        bristled    1 ROOT     VERB  VBD bristle   O
        at          1 prep     ADP   IN  at        O
        the         4 det      DET   DT  the       O
        remarks     2 pobj     NOUN  NNS remark    O
        by          4 prep     ADP   IN  by        O
        Peru        5 pobj     PROPN NNP peru      B-GPE
        .           1 punct    PUNCT .   .         O
    """)
    assert relations(ex, "opposes") == {("Chile", "Peru", Modality.ASSERTED)}


def test_hosting_the_leaders_of_a_grouping_hosts_its_summit(make_doc, article_for, resources):
    # "Chile hosted leaders of the Quad in Santiago."
    ex = run(make_doc, article_for, resources, """
        Chile       1 nsubj    PROPN NNP chile     B-GPE
        hosted      1 ROOT     VERB  VBD host      O
        leaders     1 dobj     NOUN  NNS leader    O
        of          2 prep     ADP   IN  of        O
        the         5 det      DET   DT  the       O
        Quad        3 pobj     PROPN NNP quad      B-ORG
        in          5 prep     ADP   IN  in        O
        Santiago    6 pobj     PROPN NNP santiago  B-GPE
        .           1 punct    PUNCT .   .         O
    """)
    hosts = relations(ex, "hosts")
    assert {(s, m) for s, _, m in hosts} == {("Chile", Modality.ASSERTED)}
    (summit,) = {o for _, o, _ in hosts}
    assert "Quad" in summit
    assert (summit, "Santiago", Modality.ASSERTED) in relations(ex, "heldIn")


def test_joining_leaders_in_an_act_is_neither_a_summit_nor_a_membership(make_doc, article_for, resources):
    # "Japan joined EU leaders in calling for a ceasefire."
    ex = run(make_doc, article_for, resources, """
        Japan       1 nsubj    PROPN NNP japan     B-GPE
        joined      1 ROOT     VERB  VBD join      O
        EU          3 compound PROPN NNP eu        B-ORG
        leaders     1 dobj     NOUN  NNS leader    O
        in          1 prep     ADP   IN  in        O
        calling     4 pcomp    VERB  VBG call      O
        for         5 prep     ADP   IN  for       O
        a           8 det      DET   DT  a         O
        ceasefire   6 pobj     NOUN  NN  ceasefire O
        .           1 punct    PUNCT .   .         O
    """)
    assert not relations(ex, "memberOf")
    assert not relations(ex, "attends")
    assert not [e for e in ex.entities if e.kind is EntityKind.EVENT]


def test_joining_a_groupings_leaders_somewhere_attends_its_summit(make_doc, article_for, resources):
    # "Pope Francis joined the G7 leaders in Apulia."
    ex = run(make_doc, article_for, resources, """
        Pope        1 compound PROPN NNP pope      B-PERSON
        Francis     2 nsubj    PROPN NNP francis   I-PERSON
        joined      2 ROOT     VERB  VBD join      O
        the         5 det      DET   DT  the       O
        G7          5 compound PROPN NNP g7        B-ORG
        leaders     2 dobj     NOUN  NNS leader    O
        in          5 prep     ADP   IN  in        O
        Apulia      6 pobj     PROPN NNP apulia    B-GPE
        .           2 punct    PUNCT .   .         O
    """)
    attends = relations(ex, "attends")
    assert len(attends) == 1
    (_, summit, modality), = attends
    assert "G7" in summit and modality is Modality.ASSERTED


def test_attending_the_same_summit_is_no_meeting_of_the_two(make_doc, article_for, resources):
    # "Chile and Peru attended the summit."
    ex = run(make_doc, article_for, resources, """
        Chile       3 nsubj    PROPN NNP chile     B-GPE
        and         0 cc       CCONJ CC  and       O
        Peru        0 conj     PROPN NNP peru      B-GPE
        attended    3 ROOT     VERB  VBD attend    O
        the         5 det      DET   DT  the       O
        summit      3 dobj     NOUN  NN  summit    O
        .           3 punct    PUNCT .   .         O
    """)
    assert {s for s, _, _ in relations(ex, "attends")} == {"Chile", "Peru"}
    assert not relations(ex, "meets")


def test_joining_a_bloc_together_is_no_partnership_of_the_joiners(make_doc, article_for, resources):
    # "Egypt and Iran joined the bloc."
    ex = run(make_doc, article_for, resources, """
        Egypt       3 nsubj    PROPN NNP egypt     B-GPE
        and         0 cc       CCONJ CC  and       O
        Iran        0 conj     PROPN NNP iran      B-GPE
        joined      3 ROOT     VERB  VBD join      O
        the         5 det      DET   DT  the       O
        bloc        3 dobj     NOUN  NN  bloc      O
        .           3 punct    PUNCT .   .         O
    """)
    assert not relations(ex, "cooperatesWith")


def test_joining_forces_is_still_a_partnership(make_doc, article_for, resources):
    # "Egypt and Iran joined forces."
    ex = run(make_doc, article_for, resources, """
        Egypt       3 nsubj    PROPN NNP egypt     B-GPE
        and         0 cc       CCONJ CC  and       O
        Iran        0 conj     PROPN NNP iran      B-GPE
        joined      3 ROOT     VERB  VBD join      O
        forces      3 dobj     NOUN  NNS force     O
        .           3 punct    PUNCT .   .         O
    """)
    assert {frozenset((s, o)) for s, o, _ in relations(ex, "cooperatesWith")} == {frozenset(("Egypt", "Iran"))}


def test_hosting_a_grouping_hosts_its_summit(make_doc, article_for, resources):
    # "Japan hosts the G7."
    ex = run(make_doc, article_for, resources, """
        Japan       1 nsubj    PROPN NNP japan     B-GPE
        hosts       1 ROOT     VERB  VBZ host      O
        the         3 det      DET   DT  the       O
        G7          1 dobj     PROPN NNP g7        B-ORG
        .           1 punct    PUNCT .   .         O
    """)
    assert relations(ex, "hosts") == {("Japan", "G7 summit", Modality.ASSERTED)}


def test_in_her_speech_at_a_summit_the_speaker_attends_it(make_doc, article_for, resources):
    # "In her speech at the summit, Ana Ruiz said peace mattered."
    ex = run(make_doc, article_for, resources, """
        In          9 prep     ADP   IN  in        O
        her         2 poss     PRON  PRP$ her      O
        speech      0 pobj     NOUN  NN  speech    O
        at          2 prep     ADP   IN  at        O
        the         5 det      DET   DT  the       O
        summit      3 pobj     NOUN  NN  summit    O
        ,           9 punct    PUNCT ,   ,         O
        Ana         8 compound PROPN NNP ana       B-PERSON
        Ruiz        9 nsubj    PROPN NNP ruiz      I-PERSON
        said        9 ROOT     VERB  VBD say       O
        peace      11 nsubj    NOUN  NN  peace     O
        mattered    9 ccomp    VERB  VBN matter    O
        .           9 punct    PUNCT .   .         O
    """)
    assert {s for s, _, _ in relations(ex, "attends")} == {"Ana Ruiz"}


def test_using_a_summit_attends_it(make_doc, article_for, resources):
    # "Ana Ruiz used the summit to reassure allies."
    ex = run(make_doc, article_for, resources, """
        Ana         1 compound PROPN NNP ana       B-PERSON
        Ruiz        2 nsubj    PROPN NNP ruiz      I-PERSON
        used        2 ROOT     VERB  VBD use       O
        the         4 det      DET   DT  the       O
        summit      2 dobj     NOUN  NN  summit    O
        to          6 aux      PART  TO  to        O
        reassure    2 advcl    VERB  VB  reassure  O
        allies      6 dobj     NOUN  NNS ally      O
        .           2 punct    PUNCT .   .         O
    """)
    assert {(s, m) for s, _, m in relations(ex, "attends")} == {("Ana Ruiz", Modality.ASSERTED)}


def test_leaders_at_a_summit_including_a_name_put_that_name_there(make_doc, article_for, resources):
    # "Leaders at the summit, including Ana Ruiz, called for calm."
    ex = run(make_doc, article_for, resources, """
        Leaders     9 nsubj    NOUN  NNS leader    O
        at          0 prep     ADP   IN  at        O
        the         3 det      DET   DT  the       O
        summit      1 pobj     NOUN  NN  summit    O
        ,           0 punct    PUNCT ,   ,         O
        including   0 prep     VERB  VBG include   O
        Ana         7 compound PROPN NNP ana       B-PERSON
        Ruiz        5 pobj     PROPN NNP ruiz      I-PERSON
        ,           7 punct    PUNCT ,   ,         O
        called      9 ROOT     VERB  VBD call      O
        for         9 prep     ADP   IN  for       O
        calm       10 pobj     NOUN  NN  calm      O
        .           9 punct    PUNCT .   .         O
    """)
    assert {(s, m) for s, _, m in relations(ex, "attends")} == {("Ana Ruiz", Modality.ASSERTED)}


def test_a_name_in_a_city_for_a_summit_attends_it(make_doc, article_for, resources):
    # "Ruiz, in Lima for the summit, called for calm." (as the model parses it: the phrase on the name)
    ex = run(make_doc, article_for, resources, """
        Ruiz        9 nsubj    PROPN NNP ruiz      B-PERSON
        ,           0 punct    PUNCT ,   ,         O
        in          0 prep     ADP   IN  in        O
        Lima        2 pobj     PROPN NNP lima      B-GPE
        for         2 prep     ADP   IN  for       O
        the         6 det      DET   DT  the       O
        summit      4 pobj     NOUN  NN  summit    O
        ,           0 punct    PUNCT ,   ,         O
        called      9 ROOT     VERB  VBD call      O
        for         9 prep     ADP   IN  for       O
        calm       10 pobj     NOUN  NN  calm      O
        .           9 punct    PUNCT .   .         O
    """)
    assert {(s, m) for s, _, m in relations(ex, "attends")} == {("Ruiz", Modality.ASSERTED)}


def test_a_call_for_a_summit_attends_nothing(make_doc, article_for, resources):
    # "Ruiz called for a summit." -- "for" on a verb is no presence
    ex = run(make_doc, article_for, resources, """
        Ruiz        1 nsubj    PROPN NNP ruiz      B-PERSON
        called      1 ROOT     VERB  VBD call      O
        for         1 prep     ADP   IN  for       O
        a           4 det      DET   DT  a         O
        summit      2 pobj     NOUN  NN  summit    O
        .           1 punct    PUNCT .   .         O
    """)
    assert not relations(ex, "attends")


def test_an_act_at_the_opening_of_a_summit_puts_its_doers_there(make_doc, article_for, resources):
    # "Ruiz and Berg shook hands at the opening of the summit." -- a part of the event is the event
    ex = run(make_doc, article_for, resources, """
        Ruiz        3 nsubj    PROPN NNP ruiz      B-PERSON
        and         0 cc       CCONJ CC  and       O
        Berg        0 conj     PROPN NNP berg      B-PERSON
        shook       3 ROOT     VERB  VBD shake     O
        hands       3 dobj     NOUN  NNS hand      O
        at          3 prep     ADP   IN  at        O
        the         7 det      DET   DT  the       O
        opening     5 pobj     NOUN  NN  opening   O
        of          7 prep     ADP   IN  of        O
        the        10 det      DET   DT  the       O
        summit      8 pobj     NOUN  NN  summit    O
        .           3 punct    PUNCT .   .         O
    """)
    assert {(s, m) for s, _, m in relations(ex, "attends")} == {("Ruiz", Modality.ASSERTED), ("Berg", Modality.ASSERTED)}


def test_leaders_who_meet_for_a_summit_attend_it(make_doc, article_for, resources):
    # "Chile and Peru met for a summit."
    ex = run(make_doc, article_for, resources, """
        Chile       3 nsubj    PROPN NNP chile     B-GPE
        and         0 cc       CCONJ CC  and       O
        Peru        0 conj     PROPN NNP peru      B-GPE
        met         3 ROOT     VERB  VBD meet      O
        for         3 prep     ADP   IN  for       O
        a           6 det      DET   DT  a         O
        summit      4 pobj     NOUN  NN  summit    O
        .           3 punct    PUNCT .   .         O
    """)
    assert {s for s, _, _ in relations(ex, "attends")} == {"Chile", "Peru"}


def test_a_generic_reference_waits_for_a_body_named_as_a_meeting(make_doc, article_for, resources):
    # "Leaders returned to New York for the General Assembly. Ana Ruiz skipped the annual
    # gathering, sending Tomas Berg and Rosa Vidal." -- the Assembly becomes an event only once
    # the grouping rules have run; "the annual gathering" is that event, and both envoys attend it.
    ex = run(make_doc, article_for, resources, """
        Leaders     1 nsubj    NOUN  NNS leader    O
        returned    1 ROOT     VERB  VBD return    O
        to          1 prep     ADP   IN  to        O
        New         4 compound PROPN NNP new       B-GPE
        York        2 pobj     PROPN NNP york      I-GPE
        for         1 prep     ADP   IN  for       O
        the         8 det      DET   DT  the       B-ORG
        General     8 compound PROPN NNP general   I-ORG
        Assembly    5 pobj     PROPN NNP assembly  I-ORG
        .           1 punct    PUNCT .   .         O
        | Ana      11 compound PROPN NNP ana       B-PERSON
        Ruiz       12 nsubj    PROPN NNP ruiz      I-PERSON
        skipped    12 ROOT     VERB  VBD skip      O
        the        15 det      DET   DT  the       O
        annual     15 amod     ADJ   JJ  annual    B-DATE
        gathering  12 dobj     NOUN  NN  gathering O
        ,          12 punct    PUNCT ,   ,         O
        sending    12 advcl    VERB  VBG send      O
        Tomas      19 compound PROPN NNP tomas     B-PERSON
        Berg       17 dobj     PROPN NNP berg      I-PERSON
        and        19 cc       CCONJ CC  and       O
        Rosa       22 compound PROPN NNP rosa      B-PERSON
        Vidal      19 conj     PROPN NNP vidal     I-PERSON
        .          12 punct    PUNCT .   .         O
    """)
    events = [e for e in ex.entities if e.kind is EntityKind.EVENT]
    assert len(events) == 1 and "Assembly" in events[0].label
    assert relations(ex, "attends") == {
        ("Ana Ruiz", events[0].label, Modality.NEGATED),
        ("Tomas Berg", events[0].label, Modality.ASSERTED),
        ("Rosa Vidal", events[0].label, Modality.ASSERTED),
    }


def test_an_untagged_name_doing_something_is_a_person(make_doc, article_for, resources):
    # "Ana Ruiz took part in the summit." -- the model tagged no name at the sentence's start
    ex = run(make_doc, article_for, resources, """
        Ana         1 compound PROPN NNP ana       O
        Ruiz        2 nsubj    PROPN NNP ruiz      O
        took        2 ROOT     VERB  VBD take      O
        part        2 dobj     NOUN  NN  part      O
        in          2 prep     ADP   IN  in        O
        the         6 det      DET   DT  the       O
        summit      4 pobj     NOUN  NN  summit    O
        .           2 punct    PUNCT .   .         O
    """)
    assert [e.label for e in ex.entities if e.kind is EntityKind.PERSON] == ["Ana Ruiz"]
    assert {(s, m) for s, _, m in relations(ex, "attends")} == {("Ana Ruiz", Modality.ASSERTED)}


def test_an_untagged_name_listed_with_a_person_is_a_person(make_doc, article_for, resources):
    # "Ana Ruiz and Tomas Berg met." -- only the second name tagged
    ex = run(make_doc, article_for, resources, """
        Ana         1 compound PROPN NNP ana       O
        Ruiz        5 nsubj    PROPN NNP ruiz      O
        and         1 cc       CCONJ CC  and       O
        Tomas       4 compound PROPN NNP tomas     B-PERSON
        Berg        1 conj     PROPN NNP berg      I-PERSON
        met         5 ROOT     VERB  VBD meet      O
        .           5 punct    PUNCT .   .         O
    """)
    assert {e.label for e in ex.entities if e.kind is EntityKind.PERSON} == {"Ana Ruiz", "Tomas Berg"}
    assert relations(ex, "meets")


@pytest.mark.parametrize("first, second", [("Coastal", "Council"), ("Lord", "Brandon"), ("Green", "Forum")])
def test_untagged_names_of_bodies_and_styles_are_no_person(make_doc, article_for, resources, first, second):
    # "Coastal Council met." / "Lord Brandon met." / "Green Forum met." -- a body's name, or a style
    # whose next word may be a title as much as a name, is not taken for a person
    ex = run(make_doc, article_for, resources, f"""
        {first}     1 compound PROPN NNP {first.lower()}  O
        {second}    2 nsubj    PROPN NNP {second.lower()} O
        met         2 ROOT     VERB  VBD meet      O
        .           2 punct    PUNCT .   .         O
    """)
    assert not [e for e in ex.entities if e.kind is EntityKind.PERSON]


def test_an_untagged_name_as_an_object_is_left_alone(make_doc, article_for, resources):
    # "Leaders praised Ana Ruiz." -- an object may be anything named: only subjects and people's
    # companions are read as people
    ex = run(make_doc, article_for, resources, """
        Leaders     1 nsubj    NOUN  NNS leader    O
        praised     1 ROOT     VERB  VBD praise    O
        Ana         3 compound PROPN NNP ana       O
        Ruiz        1 dobj     PROPN NNP ruiz      O
        .           1 punct    PUNCT .   .         O
    """)
    assert not [e for e in ex.entities if e.kind is EntityKind.PERSON]

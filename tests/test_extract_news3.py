"""News rules, third set, on hand-built parses: groupings named "Group of 20" that the model cuts
short, lower-case titles running into a name, and back-references that must not stand for the
event their own clause names. The sentences and names are invented for these tests; a few run
end to end through the model at the end.
"""

from __future__ import annotations

from extraction import run, triples

from kgbuild.extract import extract_article
from kgbuild.facts import EntityKind, Modality


def relations(extraction, relation):
    labels = {e.key: e.label for e in extraction.entities}
    return {(labels[f.subject], labels[f.object], f.modality) for f in extraction.facts if f.relation == relation}


def test_a_grouping_named_with_a_number_is_the_gazetteer_organisation(make_doc, article_for, resources):
    # "Prime Minister Ana Ruiz skipped the Group of 20 summit." The model tags "Group of" alone
    # as an organisation and the number as a cardinal: the name is the G20, and so is the summit.
    ex = run(make_doc, article_for, resources, """
        Prime      1 compound PROPN NNP prime    O
        Minister   3 compound PROPN NNP minister O
        Ana        3 compound PROPN NNP ana      B-PERSON
        Ruiz       4 nsubj    PROPN NNP ruiz     I-PERSON
        skipped    4 ROOT     VERB  VBD skip     O
        the        6 det      DET   DT  the      O
        Group      4 dobj     PROPN NNP group    B-ORG
        of         6 prep     ADP   IN  of       I-ORG
        20         9 nummod   NUM   CD  20       B-CARDINAL
        summit     7 pobj     NOUN  NN  summit   O
        .          4 punct    PUNCT .   .        O
    """)
    assert ("Ana Ruiz", "G20 summit", Modality.NEGATED) in relations(ex, "attends")
    assert "Group" not in {e.label for e in ex.entities}


def test_a_tagged_span_ending_in_of_that_names_nothing_longer_is_kept(make_doc, article_for, resources):
    # "The Bank of 1890 Street" is no gazetteer name: the model's span is left as it was read.
    ex = run(make_doc, article_for, resources, """
        Ana        1 compound PROPN NNP ana      B-PERSON
        Ruiz       2 nsubj    PROPN NNP ruiz     I-PERSON
        criticised 2 ROOT     VERB  VBD criticise O
        the        4 det      DET   DT  the      O
        Bank       2 dobj     PROPN NNP bank     B-ORG
        of         4 prep     ADP   IN  of       I-ORG
        Lima       5 pobj     PROPN NNP lima     I-ORG
        .          2 punct    PUNCT .   .        O
    """)
    assert ("Ana Ruiz", "Bank of Lima", Modality.ASSERTED) in relations(ex, "opposes")


def test_a_lower_case_title_running_into_a_name_is_no_second_person(make_doc, article_for, resources):
    # "Dutch trade minister Anna Visser criticised the tariffs." The parser makes "minister" a
    # subject of its own: it is her title, not an unnamed "Minister of the Netherlands".
    ex = run(make_doc, article_for, resources, """
        Dutch      2 amod     ADJ   JJ  dutch      B-NORP
        trade      2 compound NOUN  NN  trade      O
        minister   5 nsubj    NOUN  NN  minister   O
        Anna       4 compound PROPN NNP anna       B-PERSON
        Visser     5 nsubj    PROPN NNP visser     I-PERSON
        criticised 5 ROOT     VERB  VBD criticise  O
        the        7 det      DET   DT  the        O
        tariffs    5 dobj     NOUN  NNS tariff     O
        .          5 punct    PUNCT .   .          O
    """)
    people = {e.label for e in ex.entities if e.kind is EntityKind.PERSON}
    assert people == {"Anna Visser"}
    assert ("Anna Visser", "tariffs", Modality.ASSERTED) in relations(ex, "opposes")


def test_an_unnamed_lower_case_minister_is_still_a_holder(make_doc, article_for, resources):
    # "The Dutch minister criticised the tariffs.": no name follows, so the office holder stays.
    ex = run(make_doc, article_for, resources, """
        The        2 det      DET   DT  the        O
        Dutch      2 amod     ADJ   JJ  dutch      B-NORP
        minister   3 nsubj    NOUN  NN  minister   O
        criticised 3 ROOT     VERB  VBD criticise  O
        the        5 det      DET   DT  the        O
        tariffs    3 dobj     NOUN  NNS tariff     O
        .          3 punct    PUNCT .   .          O
    """)
    assert {s for s, _, _ in relations(ex, "opposes")} == {"Minister of the Netherlands"}


def test_the_meeting_on_whose_sidelines_talks_are_held_is_not_the_talks(make_doc, article_for, resources):
    # "The Arctic Council summit opened in Tromso. Lehto held talks with Dahl on the sidelines of
    # the meeting." "the meeting" is the summit: talks are not held on their own sidelines.
    ex = run(make_doc, article_for, resources, """
        The        3 det      DET   DT  the      O
        Arctic     2 compound PROPN NNP arctic   B-ORG
        Council    3 compound PROPN NNP council  I-ORG
        summit     4 nsubj    NOUN  NN  summit   O
        opened     4 ROOT     VERB  VBD open     O
        in         4 prep     ADP   IN  in       O
        Tromso     5 pobj     PROPN NNP tromso   B-GPE
        .          4 punct    PUNCT .   .        O
        | Aino     9 compound PROPN NNP aino     B-PERSON
        Lehto     10 nsubj    PROPN NNP lehto    I-PERSON
        held      10 ROOT     VERB  VBD hold     O
        talks     10 dobj     NOUN  NNS talk     O
        with      11 prep     ADP   IN  with     O
        Erik      14 compound PROPN NNP erik     B-PERSON
        Dahl      12 pobj     PROPN NNP dahl     I-PERSON
        on        11 prep     ADP   IN  on       O
        the       17 det      DET   DT  the      O
        sidelines 15 pobj     NOUN  NNS sideline O
        of        17 prep     ADP   IN  of       O
        the       20 det      DET   DT  the      O
        meeting   18 pobj     NOUN  NN  meeting  O
        .         10 punct    PUNCT .   .        O
    """)
    attends = relations(ex, "attends")
    assert {o for _, o, _ in attends} == {"Arctic Council summit"}
    assert ("Aino Lehto", "Arctic Council summit", Modality.ASSERTED) in attends
    assert ("Aino Lehto", "Erik Dahl", Modality.ASSERTED) in relations(ex, "meets")


# -- through the model ----------------------------------------------------------


def test_group_of_twenty_and_group_of_seven_through_the_model(nlp, article_for, resources):
    doc = nlp(
        "Kenyan President Ruth Wanjiru will not attend the Group of 20 summit in Cape Town, and "
        "Foreign Minister Peter Otieno will lead the Kenyan delegation instead. "
        "Chile is preparing to host leaders of the Group of Seven in Valparaiso next year."
    )
    ex = extract_article(doc, article_for(doc), resources=resources)
    attends = relations(ex, "attends")
    assert ("Ruth Wanjiru", "G20 summit in Cape Town", Modality.NEGATED) in attends
    assert ("Peter Otieno", "G20 summit in Cape Town", Modality.PLANNED) in attends
    assert {(s, o.split(" in ")[0]) for s, o, _ in relations(ex, "hosts")} == {("Chile", "G7 summit")}


def test_a_lower_case_title_before_a_name_through_the_model(nlp, article_for, resources):
    doc = nlp("Belgian energy transition minister Marie Lenoir condemned the remarks and cancelled her trip to Baku.")
    ex = extract_article(doc, article_for(doc), resources=resources)
    assert {e.label for e in ex.entities if e.kind is EntityKind.PERSON} == {"Marie Lenoir"}
    facts = triples(ex)
    assert ("Marie Lenoir", "citizenOf", "Belgium", Modality.ASSERTED) in facts


def test_a_visit_without_destination_goes_where_its_clause_happens(make_doc, article_for, resources):
    # "The summit in Oslo closed after a surprise visit by Aino Lehto." The visit has no "to":
    # it is the time of a clause placed in Oslo, so Oslo is where she went.
    ex = run(make_doc, article_for, resources, """
        The        1 det      DET   DT  the      O
        summit     4 nsubj    NOUN  NN  summit   O
        in         1 prep     ADP   IN  in       O
        Oslo       2 pobj     PROPN NNP oslo     B-GPE
        closed     4 ROOT     VERB  VBD close    O
        after      4 prep     ADP   IN  after    O
        a          8 det      DET   DT  a        O
        surprise   8 compound NOUN  NN  surprise O
        visit      5 pobj     NOUN  NN  visit    O
        by         8 prep     ADP   IN  by       O
        Aino      11 compound PROPN NNP aino     B-PERSON
        Lehto      9 pobj     PROPN NNP lehto    I-PERSON
        .          4 punct    PUNCT .   .        O
    """)
    assert ("Aino Lehto", "Oslo", Modality.ASSERTED) in relations(ex, "visits")


def test_a_visit_without_destination_is_not_to_the_visitors_own_country(make_doc, article_for, resources):
    # "Protests broke out in Finland after a visit by Finnish President Aino Lehto."
    ex = run(make_doc, article_for, resources, """
        Protests   1 nsubj    NOUN  NNS protest   O
        broke      1 ROOT     VERB  VBD break     O
        out        1 prt      ADP   RP  out       O
        in         1 prep     ADP   IN  in        O
        Finland    3 pobj     PROPN NNP finland   B-GPE
        after      1 prep     ADP   IN  after     O
        a          7 det      DET   DT  a         O
        visit      5 pobj     NOUN  NN  visit     O
        by         7 prep     ADP   IN  by        O
        Finnish   10 amod     ADJ   JJ  finnish   B-NORP
        President 12 compound PROPN NNP president O
        Aino      12 compound PROPN NNP aino      B-PERSON
        Lehto      8 pobj     PROPN NNP lehto     I-PERSON
        .          1 punct    PUNCT .   .         O
    """)
    assert ("Aino Lehto", "leaderOf", "Finland", Modality.ASSERTED) in triples(ex)
    assert not relations(ex, "visits")


def test_numbered_climate_talks_are_one_event_and_no_person(make_doc, article_for, resources):
    # "The COP31 climate talks hosted by Australia closed in Adelaide." The model tags "COP31"
    # as a person; a name with a number is no person, and it makes the talks one occasion.
    ex = run(make_doc, article_for, resources, """
        The        3 det      DET   DT  the      O
        COP31      3 compound PROPN NNP cop31    B-PERSON
        climate    3 compound NOUN  NN  climate  O
        talks      7 nsubj    NOUN  NNS talk     O
        hosted     3 acl      VERB  VBN host     O
        by         4 agent    ADP   IN  by       O
        Australia  5 pobj     PROPN NNP australia B-GPE
        closed     7 ROOT     VERB  VBD close    O
        in         7 prep     ADP   IN  in       O
        Adelaide   8 pobj     PROPN NNP adelaide B-GPE
        .          7 punct    PUNCT .   .        O
    """)
    assert not [e for e in ex.entities if e.kind is EntityKind.PERSON]
    assert ("Australia", "COP31 climate talks", Modality.ASSERTED) in relations(ex, "hosts")
    assert ("COP31 climate talks", "Adelaide", Modality.ASSERTED) in relations(ex, "heldIn")


def test_plain_climate_talks_are_no_event_of_their_own(make_doc, article_for, resources):
    # "Officials held climate talks." names no occasion: no event, as before.
    ex = run(make_doc, article_for, resources, """
        Officials  1 nsubj    NOUN  NNS official O
        held       1 ROOT     VERB  VBD hold     O
        climate    3 compound NOUN  NN  climate  O
        talks      1 dobj     NOUN  NNS talk     O
        .          1 punct    PUNCT .   .        O
    """)
    assert not [e for e in ex.entities if e.kind is EntityKind.EVENT]


def test_the_only_leader_to_attend_is_the_subject_of_the_copula(make_doc, article_for, resources):
    # "Viktor Orban was the only leader to attend the summit in Beijing."
    ex = run(make_doc, article_for, resources, """
        Viktor     1 compound PROPN NNP viktor  B-PERSON
        Orban      2 nsubj    PROPN NNP orban   I-PERSON
        was        2 ROOT     AUX   VBD be      O
        the        5 det      DET   DT  the     O
        only       5 amod     ADJ   JJ  only    O
        leader     2 attr     NOUN  NN  leader  O
        to         7 aux      PART  TO  to      O
        attend     5 relcl    VERB  VB  attend  O
        the        9 det      DET   DT  the     O
        summit     7 dobj     NOUN  NN  summit  O
        in         9 prep     ADP   IN  in      O
        Beijing   10 pobj     PROPN NNP beijing B-GPE
        .          2 punct    PUNCT .   .       O
    """)
    assert ("Viktor Orban", "Summit in Beijing", Modality.ASSERTED) in relations(ex, "attends")


def test_the_only_leader_to_attend_without_an_object_attends_the_articles_event(make_doc, article_for, resources):
    # "The summit opened in Lima. Rosa Vidal was the only leader to attend." (the summit)
    ex = run(make_doc, article_for, resources, """
        The        1 det      DET   DT  the     O
        summit     2 nsubj    NOUN  NN  summit  O
        opened     2 ROOT     VERB  VBD open    O
        in         2 prep     ADP   IN  in      O
        Lima       3 pobj     PROPN NNP lima    B-GPE
        .          2 punct    PUNCT .   .       O
        | Rosa     7 compound PROPN NNP rosa    B-PERSON
        Vidal      8 nsubj    PROPN NNP vidal   I-PERSON
        was        8 ROOT     AUX   VBD be      O
        the       11 det      DET   DT  the     O
        only      11 amod     ADJ   JJ  only    O
        leader     8 attr     NOUN  NN  leader  O
        to        13 aux      PART  TO  to      O
        attend    11 relcl    VERB  VB  attend  O
        .          8 punct    PUNCT .   .       O
    """)
    assert {(s, m) for s, _, m in relations(ex, "attends")} == {("Rosa Vidal", Modality.ASSERTED)}


def test_a_leader_to_be_described_is_no_attendance(make_doc, article_for, resources):
    # "Rosa Vidal wants a leader to attend the summit in Lima." No copula: nobody is said to attend.
    ex = run(make_doc, article_for, resources, """
        Rosa       1 compound PROPN NNP rosa    B-PERSON
        Vidal      2 nsubj    PROPN NNP vidal   I-PERSON
        wants      2 ROOT     VERB  VBZ want    O
        a          4 det      DET   DT  a       O
        leader     2 dobj     NOUN  NN  leader  O
        to         6 aux      PART  TO  to      O
        attend     4 relcl    VERB  VB  attend  O
        the        8 det      DET   DT  the     O
        summit     6 dobj     NOUN  NN  summit  O
        in         8 prep     ADP   IN  in      O
        Lima       9 pobj     PROPN NNP lima    B-GPE
        .          2 punct    PUNCT .   .       O
    """)
    assert ("Rosa Vidal", "Summit in Lima", Modality.ASSERTED) not in relations(ex, "attends")


def test_who_opens_a_conference_attends_it_through_the_model(nlp, article_for, resources):
    doc = nlp("Ghanaian President John Mensah opened the climate conference in Accra on Monday.")
    ex = extract_article(doc, article_for(doc), resources=resources)
    assert {(s, m) for s, _, m in relations(ex, "attends")} == {("John Mensah", Modality.ASSERTED)}


def test_a_title_in_a_coordination_is_the_next_names_through_the_model(nlp, article_for, resources):
    doc = nlp(
        "The summit opened in Lima on Tuesday. Chilean President Rosa Vidal and "
        "Peruvian Prime Minister Ana Ruiz also attended."
    )
    ex = extract_article(doc, article_for(doc), resources=resources)
    assert {e.label for e in ex.entities if e.kind is EntityKind.PERSON} == {"Rosa Vidal", "Ana Ruiz"}
    assert {s for s, _, _ in relations(ex, "attends")} == {"Rosa Vidal", "Ana Ruiz"}


def test_a_guest_hosted_in_a_city_visits_it(make_doc, article_for, resources):
    # "Rosa Vidal hosted Aino Lehto in Lima on Friday."
    ex = run(make_doc, article_for, resources, """
        Rosa       1 compound PROPN NNP rosa    B-PERSON
        Vidal      2 nsubj    PROPN NNP vidal   I-PERSON
        hosted     2 ROOT     VERB  VBD host    O
        Aino       4 compound PROPN NNP aino    B-PERSON
        Lehto      2 dobj     PROPN NNP lehto   I-PERSON
        in         4 prep     ADP   IN  in      O
        Lima       5 pobj     PROPN NNP lima    B-GPE
        on         2 prep     ADP   IN  on      O
        Friday     7 pobj     PROPN NNP friday  B-DATE
        .          2 punct    PUNCT .   .       O
    """)
    assert ("Aino Lehto", "Lima", Modality.ASSERTED) in relations(ex, "visits")
    assert ("Rosa Vidal", "Aino Lehto", Modality.ASSERTED) in relations(ex, "meets")


def test_a_guest_is_not_visiting_their_own_country(make_doc, article_for, resources):
    # "Rosa Vidal welcomed Finnish President Aino Lehto to Finland." (a home-coming, no visit)
    ex = run(make_doc, article_for, resources, """
        Rosa       1 compound PROPN NNP rosa      B-PERSON
        Vidal      2 nsubj    PROPN NNP vidal     I-PERSON
        welcomed   2 ROOT     VERB  VBD welcome   O
        Finnish    4 amod     ADJ   JJ  finnish   B-NORP
        President  6 compound PROPN NNP president O
        Aino       6 compound PROPN NNP aino      B-PERSON
        Lehto      2 dobj     PROPN NNP lehto     I-PERSON
        to         2 prep     ADP   IN  to        O
        Finland    7 pobj     PROPN NNP finland   B-GPE
        .          2 punct    PUNCT .   .         O
    """)
    assert ("Aino Lehto", "leaderOf", "Finland", Modality.ASSERTED) in triples(ex)
    assert not relations(ex, "visits")


def test_a_guest_received_in_a_capital_visits_it_through_the_model(nlp, article_for, resources):
    doc = nlp("Chilean President Rosa Vidal received Peruvian President Ana Ruiz in Santiago on Thursday.")
    ex = extract_article(doc, article_for(doc), resources=resources)
    assert ("Ana Ruiz", "Santiago", Modality.ASSERTED) in relations(ex, "visits")
    assert not {s for s, _, _ in relations(ex, "visits")} - {"Ana Ruiz"}


def test_a_numbered_name_tagged_as_a_place_is_no_place(make_doc, article_for, resources):
    # "Egypt hosted the COP27 climate summit in Sharm el-Sheikh." The model tags "COP27" as a
    # place: the summit is held in Sharm el-Sheikh only.
    ex = run(make_doc, article_for, resources, """
        Egypt      1 nsubj    PROPN NNP egypt    B-GPE
        hosted     1 ROOT     VERB  VBD host     O
        the        5 det      DET   DT  the      O
        COP27      5 compound PROPN NNP cop27    B-GPE
        climate    5 compound NOUN  NN  climate  O
        summit     1 dobj     NOUN  NN  summit   O
        in         5 prep     ADP   IN  in       O
        Sharm      6 pobj     PROPN NNP sharm    B-GPE
        .          1 punct    PUNCT .   .        O
    """)
    assert {o for _, o, _ in relations(ex, "heldIn")} == {"Sharm"}
    assert ("Egypt", "COP27 climate summit", Modality.ASSERTED) in relations(ex, "hosts")


def test_a_host_of_the_summits_is_named_after_the_summit(make_doc, article_for, resources):
    # "Rosa Vidal, the summit's host, called for unity." The event noun is a possessive: the
    # event keeps its word as its label.
    ex = run(make_doc, article_for, resources, """
        Rosa       1 compound PROPN NNP rosa    B-PERSON
        Vidal      7 nsubj    PROPN NNP vidal   I-PERSON
        ,          1 punct    PUNCT ,   ,       O
        the        4 det      DET   DT  the     O
        summit     6 poss     NOUN  NN  summit  O
        's         4 case     PART  POS 's      O
        host       1 appos    NOUN  NN  host    O
        called     7 ROOT     VERB  VBD call    O
        for        7 prep     ADP   IN  for     O
        unity      8 pobj     NOUN  NN  unity   O
        .          7 punct    PUNCT .   .       O
    """)
    assert all(e.label for e in ex.entities)
    assert ("Rosa Vidal", "summit", Modality.ASSERTED) in relations(ex, "hosts")


def test_among_those_attending_were_through_the_model(nlp, article_for, resources):
    doc = nlp(
        "The summit opened in Lisbon on Thursday. Among those attending were Chilean President "
        "Rosa Vidal and Colombian President Carlos Mendoza."
    )
    ex = extract_article(doc, article_for(doc), resources=resources)
    assert {(s, m) for s, _, m in relations(ex, "attends")} == {("Rosa Vidal", Modality.ASSERTED), ("Carlos Mendoza", Modality.ASSERTED)}


def test_next_years_summit_keeps_its_year_in_the_label(make_doc, article_for, resources):
    # "Peru will host next year's summit." The label says what the text says.
    ex = run(make_doc, article_for, resources, """
        Peru    2 nsubj PROPN NNP peru   B-GPE
        will    2 aux   AUX   MD  will   O
        host    2 ROOT  VERB  VB  host   O
        next    4 amod  ADJ   JJ  next   B-DATE
        year    6 poss  NOUN  NN  year   I-DATE
        's      4 case  PART  POS 's     I-DATE
        summit  2 dobj  NOUN  NN  summit O
        .       2 punct PUNCT .   .      O
    """)
    assert ("Peru", "next year's summit", Modality.PLANNED) in relations(ex, "hosts")
    (event,) = [e for e in ex.entities if e.kind is EntityKind.EVENT]
    assert event.key.endswith("-2025")


def test_leaders_including_named_ones_attend(make_doc, article_for, resources):
    # "Leaders including Rosa Vidal and Erik Dahl attended the summit in Lima."
    ex = run(make_doc, article_for, resources, """
        Leaders    7 nsubj    NOUN  NNS leader  O
        including  0 prep     VERB  VBG include O
        Rosa       3 compound PROPN NNP rosa    B-PERSON
        Vidal      1 pobj     PROPN NNP vidal   I-PERSON
        and        3 cc       CCONJ CC  and     O
        Erik       6 compound PROPN NNP erik    B-PERSON
        Dahl       3 conj     PROPN NNP dahl    I-PERSON
        attended   7 ROOT     VERB  VBD attend  O
        the        9 det      DET   DT  the     O
        summit     7 dobj     NOUN  NN  summit  O
        in         9 prep     ADP   IN  in      O
        Lima      10 pobj     PROPN NNP lima    B-GPE
        .          7 punct    PUNCT .   .       O
    """)
    assert {(s, m) for s, _, m in relations(ex, "attends")} == {("Rosa Vidal", Modality.ASSERTED), ("Erik Dahl", Modality.ASSERTED)}


def test_a_trailing_attended_by_is_said_of_the_hosted_event(make_doc, article_for, resources):
    # "Rosa Vidal hosted a summit in Lima, attended by Erik Dahl."
    ex = run(make_doc, article_for, resources, """
        Rosa       1 compound PROPN NNP rosa    B-PERSON
        Vidal      2 nsubj    PROPN NNP vidal   I-PERSON
        hosted     2 ROOT     VERB  VBD host    O
        a          4 det      DET   DT  a       O
        summit     2 dobj     NOUN  NN  summit  O
        in         4 prep     ADP   IN  in      O
        Lima       5 pobj     PROPN NNP lima    B-GPE
        ,          2 punct    PUNCT ,   ,       O
        attended   2 advcl    VERB  VBN attend  O
        by         8 agent    ADP   IN  by      O
        Erik      11 compound PROPN NNP erik    B-PERSON
        Dahl       9 pobj     PROPN NNP dahl    I-PERSON
        .          2 punct    PUNCT .   .       O
    """)
    assert ("Rosa Vidal", "Summit in Lima", Modality.ASSERTED) in relations(ex, "hosts")
    assert {(s, o) for s, o, _ in relations(ex, "attends")} == {("Erik Dahl", "Summit in Lima")}


def test_a_speaker_noun_stands_for_the_name_in_apposition(make_doc, article_for, resources):
    # "A spokesman for the foreign ministry, Ana Ruiz, said the talks had failed."
    ex = run(make_doc, article_for, resources, """
        A          1 det      DET   DT  a         O
        spokesman 10 nsubj    NOUN  NN  spokesman O
        for        1 prep     ADP   IN  for       O
        the        5 det      DET   DT  the       O
        foreign    5 amod     ADJ   JJ  foreign   O
        ministry   2 pobj     NOUN  NN  ministry  O
        ,          1 punct    PUNCT ,   ,         O
        Ana        8 compound PROPN NNP ana       B-PERSON
        Ruiz       1 appos    PROPN NNP ruiz      I-PERSON
        ,          1 punct    PUNCT ,   ,         O
        said      10 ROOT     VERB  VBD say       O
        the       12 det      DET   DT  the       O
        talks     14 nsubj    NOUN  NNS talk      O
        had       14 aux      AUX   VBD have      O
        failed    10 ccomp    VERB  VBN fail      O
        .         10 punct    PUNCT .   .         O
    """)
    assert ("Ana Ruiz", "the talks had failed", Modality.ASSERTED) in relations(ex, "said")


def test_the_gathering_for_the_third_time_refers_back_to_the_summit(make_doc, article_for, resources):
    # "The summit opened in Lima. Peru is hosting the gathering for the third time."
    ex = run(make_doc, article_for, resources, """
        The        1 det      DET   DT  the       O
        summit     2 nsubj    NOUN  NN  summit    O
        opened     2 ROOT     VERB  VBD open      O
        in         2 prep     ADP   IN  in        O
        Lima       3 pobj     PROPN NNP lima      B-GPE
        .          2 punct    PUNCT .   .         O
        | Peru     8 nsubj    PROPN NNP peru      B-GPE
        is         8 aux      AUX   VBZ be        O
        hosting    8 ROOT     VERB  VBG host      O
        the       10 det      DET   DT  the       O
        gathering  8 dobj     NOUN  NN  gathering O
        for       10 prep     ADP   IN  for       O
        the       14 det      DET   DT  the       O
        third     14 amod     ADJ   JJ  third     B-ORDINAL
        time      11 pobj     NOUN  NN  time      O
        .          8 punct    PUNCT .   .         O
    """)
    assert len([e for e in ex.entities if e.kind is EntityKind.EVENT]) == 1
    assert ("Peru", "summit", Modality.ASSERTED) in relations(ex, "hosts")


def test_the_first_leader_to_visit_is_the_subject_of_the_copula_through_the_model(nlp, article_for, resources):
    doc = nlp("Kenyan President William Ruto became the first African leader to visit Kyiv.")
    ex = extract_article(doc, article_for(doc), resources=resources)
    assert relations(ex, "visits") == {("William Ruto", "Kyiv", Modality.ASSERTED)}


def test_who_welcomes_a_state_visitor_hosts_the_visit_through_the_model(nlp, article_for, resources):
    doc = nlp(
        "Kenyan President William Ruto is on a state visit to Washington. "
        "On Thursday Biden welcomed Ruto at the White House."
    )
    ex = extract_article(doc, article_for(doc), resources=resources)
    assert ("Biden", "state visit", Modality.ASSERTED) in relations(ex, "hosts")
    assert ("William Ruto", "Washington", Modality.ASSERTED) in relations(ex, "visits")


def test_a_guest_who_makes_no_visit_gives_the_host_no_visit_through_the_model(nlp, article_for, resources):
    doc = nlp(
        "Kenyan President William Ruto is on a state visit to Washington. "
        "On Thursday Biden welcomed Chilean President Gabriel Boric at the White House."
    )
    ex = extract_article(doc, article_for(doc), resources=resources)
    assert not relations(ex, "hosts")


def test_a_title_cut_by_an_organisation_tag_keeps_only_the_full_title_through_the_model(nlp, article_for, resources):
    # The model tags "External Affairs" as an organisation: "Minister" alone is a cut of the title.
    doc = nlp("Secretary of State Anna Cole and External Affairs Minister R. Menon also met separately.")
    ex = extract_article(doc, article_for(doc), resources=resources)
    positions = {o for s, o, _ in relations(ex, "holdsPosition") if s == "R. Menon"}
    assert positions == {"Minister of External Affairs"}


def test_a_quote_interrupted_by_its_cue_is_one_statement_through_the_model(nlp, article_for, resources):
    doc = nlp('"The door is open," Secretary-General Anna Cole told reporters, "but the talks must first resume."')
    ex = extract_article(doc, article_for(doc), resources=resources)
    said = relations(ex, "said")
    assert len(said) == 1
    ((speaker, words, _),) = said
    assert speaker == "Anna Cole"
    assert words.startswith("The door is open") and "talks must first resume" in words


def test_pushed_back_against_with_the_particle_taken_for_an_adverb(make_doc, article_for, resources):
    # "Chile pushed back against the plan." The parser hangs "against" on "back".
    ex = run(make_doc, article_for, resources, """
        Chile     1 nsubj  PROPN NNP chile   B-GPE
        pushed    1 ROOT   VERB  VBD push    O
        back      1 advmod ADV   RB  back    O
        against   2 prep   ADP   IN  against O
        the       5 det    DET   DT  the     O
        plan      3 pobj   NOUN  NN  plan    O
        .         1 punct  PUNCT .   .       O
    """)
    assert ("Chile", "plan", Modality.ASSERTED) in relations(ex, "opposes")


def test_voiced_opposition_with_the_target_phrase_on_the_verb(make_doc, article_for, resources):
    # "Chile voiced opposition to the tariffs." The parser hangs "to" on "voiced".
    ex = run(make_doc, article_for, resources, """
        Chile      1 nsubj  PROPN NNP chile      B-GPE
        voiced     1 ROOT   VERB  VBD voice      O
        opposition 1 dobj   NOUN  NN  opposition O
        to         1 prep   ADP   IN  to         O
        the        5 det    DET   DT  the        O
        tariffs    3 pobj   NOUN  NNS tariff     O
        .          1 punct  PUNCT .   .          O
    """)
    assert ("Chile", "tariffs", Modality.ASSERTED) in relations(ex, "opposes")


def test_a_reference_before_any_event_is_the_one_its_sentence_names_next(make_doc, article_for, resources):
    # "Rosa Vidal, who hosted the gathering, closed the summit in Lima."
    ex = run(make_doc, article_for, resources, """
        Rosa       1 compound PROPN NNP rosa      B-PERSON
        Vidal      8 nsubj    PROPN NNP vidal     I-PERSON
        ,          1 punct    PUNCT ,   ,         O
        who        4 nsubj    PRON  WP  who       O
        hosted     1 relcl    VERB  VBD host      O
        the        6 det      DET   DT  the       O
        gathering  4 dobj     NOUN  NN  gathering O
        ,          1 punct    PUNCT ,   ,         O
        closed     8 ROOT     VERB  VBD close     O
        the       10 det      DET   DT  the       O
        summit     8 dobj     NOUN  NN  summit    O
        in        10 prep     ADP   IN  in        O
        Lima      11 pobj     PROPN NNP lima      B-GPE
        .          8 punct    PUNCT .   .         O
    """)
    assert len([e for e in ex.entities if e.kind is EntityKind.EVENT]) == 1
    assert ("Rosa Vidal", "Summit in Lima", Modality.ASSERTED) in relations(ex, "hosts")


def test_remarks_delivered_at_a_summit_put_the_speaker_there_through_the_model(nlp, article_for, resources):
    doc = nlp("Chilean President Rosa Vidal spoke of unity in remarks delivered at the summit in Lima.")
    ex = extract_article(doc, article_for(doc), resources=resources)
    assert ("Rosa Vidal", "Summit in Lima", Modality.ASSERTED) in relations(ex, "attends")


def test_an_event_named_with_a_phrase_after_its_noun(make_doc, article_for, resources):
    # "Rosa Vidal attended the Summit for Democracy."
    ex = run(make_doc, article_for, resources, """
        Rosa       1 compound PROPN NNP rosa      B-PERSON
        Vidal      2 nsubj    PROPN NNP vidal     I-PERSON
        attended   2 ROOT     VERB  VBD attend    O
        the        4 det      DET   DT  the       O
        Summit     2 dobj     PROPN NNP summit    O
        for        4 prep     ADP   IN  for       O
        Democracy  5 pobj     PROPN NNP democracy O
        .          2 punct    PUNCT .   .         O
    """)
    assert relations(ex, "attends") == {("Rosa Vidal", "Summit for Democracy", Modality.ASSERTED)}


def test_an_event_named_x_of_y_summit_stands_for_its_whole_name(make_doc, article_for, resources):
    # "Rosa Vidal attended the Voice of Andean Nations Summit." The model tags the name as an
    # organisation and parses "Summit" as the object of "of".
    ex = run(make_doc, article_for, resources, """
        Rosa       1 compound PROPN NNP rosa    B-PERSON
        Vidal      2 nsubj    PROPN NNP vidal   I-PERSON
        attended   2 ROOT     VERB  VBD attend  O
        the        4 det      DET   DT  the     B-ORG
        Voice      2 dobj     PROPN NNP voice   I-ORG
        of         4 prep     ADP   IN  of      I-ORG
        Andean     8 compound PROPN NNP andean  I-ORG
        Nations    8 compound PROPN NNP nations I-ORG
        Summit     5 pobj     PROPN NNP summit  I-ORG
        .          2 punct    PUNCT .   .       O
    """)
    assert relations(ex, "attends") == {("Rosa Vidal", "Voice of Andean Nations Summit", Modality.ASSERTED)}


def test_a_hyphened_pair_before_a_summit_names_its_parties_not_its_place(make_doc, article_for, resources):
    # "Chile hosted the Peru-Central Asia summit in Arica."
    ex = run(make_doc, article_for, resources, """
        Chile     1 nsubj    PROPN NNP chile   B-GPE
        hosted    1 ROOT     VERB  VBD host    O
        the       7 det      DET   DT  the     O
        Peru      6 compound PROPN NNP peru    B-GPE
        -         6 punct    PUNCT HYPH -      O
        Central   6 compound PROPN NNP central B-LOC
        Asia      7 compound PROPN NNP asia    I-LOC
        summit    1 dobj     NOUN  NN  summit  O
        in        7 prep     ADP   IN  in      O
        Arica     8 pobj     PROPN NNP arica   B-GPE
        .         1 punct    PUNCT .   .       O
    """)
    assert {o for _, o, _ in relations(ex, "heldIn")} == {"Arica"}


def test_a_city_before_a_three_day_summit_is_still_its_place(make_doc, article_for, resources):
    # "Chile hosted the three-day Arica summit."
    ex = run(make_doc, article_for, resources, """
        Chile     1 nsubj    PROPN NNP chile   B-GPE
        hosted    1 ROOT     VERB  VBD host    O
        the       7 det      DET   DT  the     O
        three     5 nummod   NUM   CD  three   B-DATE
        -         5 punct    PUNCT HYPH -      I-DATE
        day       7 compound NOUN  NN  day     I-DATE
        Arica     7 compound PROPN NNP arica   B-GPE
        summit    1 dobj     NOUN  NN  summit  O
        .         1 punct    PUNCT .   .       O
    """)
    assert {o for _, o, _ in relations(ex, "heldIn")} == {"Arica"}

"""Extraction rules on hand-built parses: each test states what one rule must read.

The sentences are invented for these tests; the parses are what a parser
should give for them, written out so that a rule is tested apart from the
statistical model.
"""

from __future__ import annotations

import datetime as dt

from extraction import run, triples

from kgbuild.facts import EntityKind, Modality
from kgbuild.mapping import entity_iri, extraction_to_graph
from kgbuild.namespace import DIP


def test_title_before_name_gives_position_leadership_and_citizenship(make_doc, article_for, resources):
    # "French President Lena Morel visited Kyiv."
    ex = run(make_doc, article_for, resources, """
        French     1 amod     ADJ   JJ  french     B-NORP
        President  3 compound PROPN NNP president  O
        Lena       3 compound PROPN NNP lena       B-PERSON
        Morel      4 nsubj    PROPN NNP morel      I-PERSON
        visited    4 ROOT     VERB  VBD visit      O
        Kyiv       4 dobj     PROPN NNP kyiv       B-GPE
        .          4 punct    PUNCT .   .          O
    """)
    facts = triples(ex)
    assert ("Lena Morel", "holdsPosition", "President of France", Modality.ASSERTED) in facts
    assert ("Lena Morel", "leaderOf", "France", Modality.ASSERTED) in facts
    assert ("Lena Morel", "citizenOf", "France", Modality.ASSERTED) in facts
    assert ("Lena Morel", "visits", "Kyiv", Modality.ASSERTED) in facts
    position = next(e for e in ex.entities if e.kind is EntityKind.POSITION)
    assert "French President" in position.alt_labels


def test_former_office_gives_no_current_position(make_doc, article_for, resources):
    # "Ivo Brandt, a former defence minister, spoke."
    ex = run(make_doc, article_for, resources, """
        Ivo       1 compound PROPN NNP ivo      B-PERSON
        Brandt    8 nsubj    PROPN NNP brandt   I-PERSON
        ,         1 punct    PUNCT ,   ,        O
        a         6 det      DET   DT  a        O
        former    6 amod     ADJ   JJ  former   O
        defence   6 compound NOUN  NN  defence  O
        minister  1 appos    NOUN  NN  minister O
        ,         1 punct    PUNCT ,   ,        O
        spoke     8 ROOT     VERB  VBD speak    O
        .         8 punct    PUNCT .   .        O
    """)
    assert not [f for f in ex.facts if f.relation in {"holdsPosition", "leaderOf"}]


def test_unnamed_leaders_of_coordinated_countries_each_attend(make_doc, article_for, resources):
    # "Leaders from Chile and Peru will attend the summit in Lima."
    ex = run(make_doc, article_for, resources, """
        Leaders 6 nsubj PROPN NNS leader O
        from    0 prep  ADP   IN  from   O
        Chile   1 pobj  PROPN NNP chile  B-GPE
        and     2 cc    CCONJ CC  and    O
        Peru    2 conj  PROPN NNP peru   B-GPE
        will    6 aux   AUX   MD  will   O
        attend  6 ROOT  VERB  VB  attend O
        the     8 det   DET   DT  the    O
        summit  6 dobj  NOUN  NN  summit O
        in      8 prep  ADP   IN  in     O
        Lima    9 pobj  PROPN NNP lima   B-GPE
        .       6 punct PUNCT .   .      O
    """)
    facts = triples(ex)
    # An unnamed holder is defined by what it leads: an entity attribute (a direct
    # dip:leaderOf triple), not a fact read from the sentence.
    assert not [f for f in ex.facts if f.relation == "leaderOf"]
    leads = {e.label: e.leads for e in ex.entities if e.leads}
    assert leads == {"Leader of Chile": "country/chile", "Leader of Peru": "country/peru"}
    graph = extraction_to_graph(ex)
    assert (entity_iri("person/leader-of-chile"), DIP.leaderOf, entity_iri("country/chile")) in graph
    assert ("Leader of Chile", "attends", "Summit in Lima", Modality.PLANNED) in facts
    assert ("Leader of Peru", "attends", "Summit in Lima", Modality.PLANNED) in facts
    assert ("Summit in Lima", "heldIn", "Lima", Modality.ASSERTED) in facts


def test_did_not_attend_is_negated(make_doc, article_for, resources):
    # "Ada Quist did not attend the conference."
    ex = run(make_doc, article_for, resources, """
        Ada        1 compound PROPN NNP ada        B-PERSON
        Quist      4 nsubj    PROPN NNP quist      I-PERSON
        did        4 aux      AUX   VBD do         O
        not        4 neg      PART  RB  not        O
        attend     4 ROOT     VERB  VB  attend     O
        the        6 det      DET   DT  the        O
        conference 4 dobj     NOUN  NN  conference O
        .          4 punct    PUNCT .   .          O
    """)
    attends = [f for f in ex.facts if f.relation == "attends"]
    assert [f.modality for f in attends] == [Modality.NEGATED]


def test_skipping_an_event_is_a_negated_attendance(make_doc, article_for, resources):
    # "Ada Quist skipped the summit."
    ex = run(make_doc, article_for, resources, """
        Ada     1 compound PROPN NNP ada    B-PERSON
        Quist   2 nsubj    PROPN NNP quist  I-PERSON
        skipped 2 ROOT     VERB  VBD skip   O
        the     4 det      DET   DT  the    O
        summit  2 dobj     NOUN  NN  summit O
        .       2 punct    PUNCT .   .      O
    """)
    assert [f.modality for f in ex.facts if f.relation == "attends"] == [Modality.NEGATED]


def test_passive_condemnation_keeps_direction_and_refinement(make_doc, article_for, resources):
    # "Spain was condemned by Morocco."
    ex = run(make_doc, article_for, resources, """
        Spain     2 nsubjpass PROPN NNP spain   B-GPE
        was       2 auxpass   AUX   VBD be      O
        condemned 2 ROOT      VERB  VBN condemn O
        by        2 agent     ADP   IN  by      O
        Morocco   3 pobj      PROPN NNP morocco B-GPE
        .         2 punct     PUNCT .   .       O
    """)
    (fact,) = [f for f in ex.facts if f.relation == "opposes"]
    assert (fact.subject, fact.object, fact.refinement) == ("country/morocco", "country/spain", "condemns")


def test_capital_as_agent_is_its_government(make_doc, article_for, resources):
    # "Beijing objected to the plan."
    ex = run(make_doc, article_for, resources, """
        Beijing  1 nsubj PROPN NNP beijing B-GPE
        objected 1 ROOT  VERB  VBD object  O
        to       1 prep  ADP   IN  to      O
        the      4 det   DET   DT  the     O
        plan     2 pobj  NOUN  NN  plan    O
        .        1 punct PUNCT .   .       O
    """)
    assert ("China", "opposes", "plan", Modality.ASSERTED) in triples(ex)


def test_surname_and_pronoun_resolve_to_the_full_name(make_doc, article_for, resources):
    # "Tala Ortiz met Egypt's foreign minister. | Ortiz said she backed Egypt."
    ex = run(make_doc, article_for, resources, """
        Tala     1 compound PROPN NNP tala     B-PERSON
        Ortiz    2 nsubj    PROPN NNP ortiz    I-PERSON
        met      2 ROOT     VERB  VBD meet     O
        Egypt    6 poss     PROPN NNP egypt    B-GPE
        's       3 case     PART  POS 's       O
        foreign  6 amod     ADJ   JJ  foreign  O
        minister 2 dobj     NOUN  NN  minister O
        .        2 punct    PUNCT .   .        O
        | Ortiz  9 nsubj    PROPN NNP ortiz    B-ORG
        said     9 ROOT     VERB  VBD say      O
        she     11 nsubj    PRON  PRP she      O
        backed   9 ccomp    VERB  VBD back     O
        Egypt   11 dobj     PROPN NNP egypt    B-GPE
        .        9 punct    PUNCT .   .        O
    """)
    facts = triples(ex)
    assert ("Tala Ortiz", "supports", "Egypt", Modality.REPORTED) in facts
    assert ("Tala Ortiz", "meets", "Foreign Minister of Egypt", Modality.ASSERTED) in facts
    assert [e.label for e in ex.entities if e.kind is EntityKind.PERSON].count("Tala Ortiz") == 1


def test_generic_noun_refers_to_the_named_organisation(make_doc, article_for, resources):
    # "Norway backs NATO. | Sweden joined the alliance."
    ex = run(make_doc, article_for, resources, """
        Norway  1 nsubj PROPN NNP norway   B-GPE
        backs   1 ROOT  VERB  VBZ back     O
        NATO    1 dobj  PROPN NNP nato     B-ORG
        .       1 punct PUNCT .   .        O
        | Sweden 5 nsubj PROPN NNP sweden  B-GPE
        joined  5 ROOT  VERB  VBD join     O
        the     7 det   DET   DT  the      O
        alliance 5 dobj NOUN  NN  alliance O
        .       5 punct PUNCT .   .        O
    """)
    facts = triples(ex)
    assert ("Norway", "supports", "NATO", Modality.ASSERTED) in facts
    assert ("Sweden", "cooperatesWith", "NATO", Modality.ASSERTED) in facts


def test_coordinated_subjects_meet_each_other(make_doc, article_for, resources):
    # "Ruto and Lula met in Nairobi."
    ex = run(make_doc, article_for, resources, """
        Ruto    3 nsubj PROPN NNP ruto    B-PERSON
        and     0 cc    CCONJ CC  and     O
        Lula    0 conj  PROPN NNP lula    B-PERSON
        met     3 ROOT  VERB  VBD meet    O
        in      3 prep  ADP   IN  in      O
        Nairobi 4 pobj  PROPN NNP nairobi B-GPE
        .       3 punct PUNCT .   .       O
    """)
    assert ("Ruto", "meets", "Lula", Modality.ASSERTED) in triples(ex)


def test_conditional_is_hypothetical(make_doc, article_for, resources):
    # "If Chile joins, Peru could condemn Chile."
    ex = run(make_doc, article_for, resources, """
        If      2 mark  SCONJ IN  if      O
        Chile   2 nsubj PROPN NNP chile   B-GPE
        joins   6 advcl VERB  VBZ join    O
        ,       6 punct PUNCT ,   ,       O
        Peru    6 nsubj PROPN NNP peru    B-GPE
        could   6 aux   AUX   MD  could   O
        condemn 6 ROOT  VERB  VB  condemn O
        Chile   6 dobj  PROPN NNP chile   B-GPE
        .       6 punct PUNCT .   .       O
    """)
    assert ("Peru", "opposes", "Chile", Modality.HYPOTHETICAL) in triples(ex)


def test_government_noun_stands_for_its_countries(make_doc, article_for, resources):
    # "Greek and Turkish officials agreed."
    ex = run(make_doc, article_for, resources, """
        Greek     3 amod  ADJ   JJ  greek    B-NORP
        and       0 cc    CCONJ CC  and      O
        Turkish   0 conj  ADJ   JJ  turkish  B-NORP
        officials 4 nsubj NOUN  NNS official O
        agreed    4 ROOT  VERB  VBD agree    O
        .         4 punct PUNCT .   .        O
    """)
    assert ("Greece", "cooperatesWith", "Turkey", Modality.ASSERTED) in triples(ex)


def test_light_verb_stance_noun_with_modal_is_hypothetical(make_doc, article_for, resources):
    # "Canada could impose sanctions on Iran."
    ex = run(make_doc, article_for, resources, """
        Canada    2 nsubj PROPN NNP canada   B-GPE
        could     2 aux   AUX   MD  could    O
        impose    2 ROOT  VERB  VB  impose   O
        sanctions 2 dobj  NOUN  NNS sanction O
        on        3 prep  ADP   IN  on       O
        Iran      4 pobj  PROPN NNP iran     B-GPE
        .         2 punct PUNCT .   .        O
    """)
    (fact,) = [f for f in ex.facts if f.relation == "opposes"]
    assert (fact.subject, fact.object, fact.modality, fact.refinement) == (
        "country/canada", "country/iran", Modality.HYPOTHETICAL, "sanctions",
    )


def test_demand_targets_the_subject_of_the_demanded_clause(make_doc, article_for, resources):
    # "Egypt demanded that Libya withdraw."
    ex = run(make_doc, article_for, resources, """
        Egypt    1 nsubj PROPN NNP egypt    B-GPE
        demanded 1 ROOT  VERB  VBD demand   O
        that     4 mark  SCONJ IN  that     O
        Libya    4 nsubj PROPN NNP libya    B-GPE
        withdraw 1 ccomp VERB  VB  withdraw O
        .        1 punct PUNCT .   .        O
    """)
    assert ("Egypt", "opposes", "Libya", Modality.ASSERTED) in triples(ex)


def test_the_gathering_refers_back_to_the_last_event(make_doc, article_for, resources):
    # "Chile hosts the summit in Lima. | Peru stayed away from the gathering."
    ex = run(make_doc, article_for, resources, """
        Chile     1 nsubj  PROPN NNP chile     B-GPE
        hosts     1 ROOT   VERB  VBZ host      O
        the       3 det    DET   DT  the       O
        summit    1 dobj   NOUN  NN  summit    O
        in        3 prep   ADP   IN  in        O
        Lima      4 pobj   PROPN NNP lima      B-GPE
        .         1 punct  PUNCT .   .         O
        | Peru    8 nsubj  PROPN NNP peru      B-GPE
        stayed    8 ROOT   VERB  VBD stay      O
        away      8 advmod ADV   RB  away      O
        from      9 prep   ADP   IN  from      O
        the      12 det    DET   DT  the       O
        gathering 10 pobj  NOUN  NN  gathering O
        .         8 punct  PUNCT .   .         O
    """)
    facts = triples(ex)
    assert ("Chile", "hosts", "Summit in Lima", Modality.ASSERTED) in facts
    assert ("Peru", "attends", "Summit in Lima", Modality.NEGATED) in facts
    assert len([e for e in ex.entities if e.kind is EntityKind.EVENT]) == 1


def test_denied_reported_speech_is_not_a_claim(make_doc, article_for, resources):
    # "Iran denied that it sent drones."
    ex = run(make_doc, article_for, resources, """
        Iran   1 nsubj PROPN NNP iran   B-GPE
        denied 1 ROOT  VERB  VBD deny   O
        that   4 mark  SCONJ IN  that   O
        it     4 nsubj PRON  PRP it     O
        sent   1 ccomp VERB  VBD send   O
        drones 4 dobj  NOUN  NNS drone  O
        .      1 punct PUNCT .   .      O
    """)
    said = [f for f in ex.facts if f.relation == "said"]
    assert said and all(f.modality is Modality.NEGATED for f in said)


def test_participle_hosted_by_names_the_host(make_doc, article_for, resources):
    # "The forum hosted by Kenya opened."
    ex = run(make_doc, article_for, resources, """
        The    1 det   DET   DT  the   O
        forum  5 nsubj NOUN  NN  forum O
        hosted 1 acl   VERB  VBN host  O
        by     2 agent ADP   IN  by    O
        Kenya  3 pobj  PROPN NNP kenya B-GPE
        opened 5 ROOT  VERB  VBD open  O
        .      5 punct PUNCT .   .     O
    """)
    assert ("Kenya", "hosts", "forum", Modality.ASSERTED) in triples(ex)


def test_title_with_of_phrase_before_the_name(make_doc, article_for, resources):
    # "Secretary of State Ada Quist spoke."
    ex = run(make_doc, article_for, resources, """
        Secretary 4 compound PROPN NNP secretary O
        of        0 prep     ADP   IN  of        O
        State     1 pobj     PROPN NNP state     O
        Ada       4 compound PROPN NNP ada       B-PERSON
        Quist     5 nsubj    PROPN NNP quist     I-PERSON
        spoke     5 ROOT     VERB  VBD speak     O
        .         5 punct    PUNCT .   .         O
    """)
    assert ("Ada Quist", "holdsPosition", "Secretary of State", Modality.ASSERTED) in triples(ex)


def test_rejecting_a_proposal_opposes_its_author(make_doc, article_for, resources):
    # "Chile rejected a Peruvian proposal."
    ex = run(make_doc, article_for, resources, """
        Chile     1 nsubj PROPN NNP chile     B-GPE
        rejected  1 ROOT  VERB  VBD reject    O
        a         4 det   DET   DT  a         O
        Peruvian  4 amod  ADJ   JJ  peruvian  B-NORP
        proposal  1 dobj  NOUN  NN  proposal  O
        .         1 punct PUNCT .   .         O
    """)
    (fact,) = [f for f in ex.facts if f.relation == "opposes"]
    assert (fact.subject, fact.object, fact.refinement) == ("country/chile", "country/peru", "rejects")


def test_threat_targets_the_object_of_the_threatened_act(make_doc, article_for, resources):
    # "Ghana threatened to cut ties with Togo."
    ex = run(make_doc, article_for, resources, """
        Ghana      1 nsubj PROPN NNP ghana    B-GPE
        threatened 1 ROOT  VERB  VBD threaten O
        to         3 aux   PART  TO  to       O
        cut        1 xcomp VERB  VB  cut      O
        ties       3 dobj  NOUN  NNS tie      O
        with       3 prep  ADP   IN  with     O
        Togo       5 pobj  PROPN NNP togo     B-GPE
        .          1 punct PUNCT .   .        O
    """)
    assert ("Ghana", "opposes", "Togo", Modality.ASSERTED) in triples(ex)


def test_event_dates_resolve_against_the_article_date(make_doc, article_for, resources):
    # "Chile will host the summit in Lima next week." (article of Monday 6 May 2024)
    ex = run(make_doc, article_for, resources, """
        Chile  2 nsubj    PROPN NNP chile  B-GPE
        will   2 aux      AUX   MD  will   O
        host   2 ROOT     VERB  VB  host   O
        the    4 det      DET   DT  the    O
        summit 2 dobj     NOUN  NN  summit O
        in     4 prep     ADP   IN  in     O
        Lima   5 pobj     PROPN NNP lima   B-GPE
        next   8 amod     ADJ   JJ  next   B-DATE
        week   2 npadvmod NOUN  NN  week   I-DATE
        .      2 punct    PUNCT .   .      O
    """)
    (event,) = [e for e in ex.entities if e.kind is EntityKind.EVENT]
    assert (event.start, event.end) == (dt.date(2024, 5, 13), dt.date(2024, 5, 19))
    assert event.key == "event/summit-lima-2024"
    assert ("Chile", "hosts", "Summit in Lima", Modality.PLANNED) in triples(ex)


def test_membership_and_partnership_descriptions(make_doc, article_for, resources):
    # "NATO member Norway welcomed Japan, a NATO partner."
    ex = run(make_doc, article_for, resources, """
        NATO     1 compound PROPN NNP nato    B-ORG
        member   2 compound NOUN  NN  member  O
        Norway   3 nsubj    PROPN NNP norway  B-GPE
        welcomed 3 ROOT     VERB  VBD welcome O
        Japan    3 dobj     PROPN NNP japan   B-GPE
        ,        4 punct    PUNCT ,   ,       O
        a        8 det      DET   DT  a       O
        NATO     8 compound PROPN NNP nato    B-ORG
        partner  4 appos    NOUN  NN  partner O
        .        3 punct    PUNCT .   .       O
    """)
    facts = triples(ex)
    assert ("Norway", "memberOf", "NATO", Modality.ASSERTED) in facts
    assert ("Japan", "partnerOf", "NATO", Modality.ASSERTED) in facts
    assert ("Norway", "supports", "Japan", Modality.ASSERTED) in facts


def test_denied_report_of_a_plan_is_negated(make_doc, article_for, resources):
    # "Aides denied reports that Ada Quist would attend the summit."
    ex = run(make_doc, article_for, resources, """
        Aides   1 nsubj    NOUN  NNS aide    O
        denied  1 ROOT     VERB  VBD deny    O
        reports 1 dobj     NOUN  NNS report  O
        that    7 mark     SCONJ IN  that    O
        Ada     5 compound PROPN NNP ada     B-PERSON
        Quist   7 nsubj    PROPN NNP quist   I-PERSON
        would   7 aux      AUX   MD  would   O
        attend  2 acl      VERB  VB  attend  O
        the     9 det      DET   DT  the     O
        summit  7 dobj     NOUN  NN  summit  O
        .       1 punct    PUNCT .   .       O
    """)
    assert [f.modality for f in ex.facts if f.relation == "attends"] == [Modality.NEGATED]


def test_would_without_a_condition_is_a_plan(make_doc, article_for, resources):
    # "Ada Quist said she would visit Peru."
    ex = run(make_doc, article_for, resources, """
        Ada    1 compound PROPN NNP ada   B-PERSON
        Quist  2 nsubj    PROPN NNP quist I-PERSON
        said   2 ROOT     VERB  VBD say   O
        she    5 nsubj    PRON  PRP she   O
        would  5 aux      AUX   MD  would O
        visit  2 ccomp    VERB  VB  visit O
        Peru   5 dobj     PROPN NNP peru  B-GPE
        .      2 punct    PUNCT .   .     O
    """)
    assert ("Ada Quist", "visits", "Peru", Modality.PLANNED) in triples(ex)


def test_named_event_without_event_noun_takes_part(make_doc, article_for, resources):
    # "Chile fought in the Pacific War."
    ex = run(make_doc, article_for, resources, """
        Chile   1 nsubj    PROPN NNP chile   B-GPE
        fought  1 ROOT     VERB  VBD fight   O
        in      1 prep     ADP   IN  in      O
        the     5 det      DET   DT  the     B-EVENT
        Pacific 5 compound PROPN NNP pacific I-EVENT
        War     2 pobj     PROPN NNP war     I-EVENT
        .       1 punct    PUNCT .   .       O
    """)
    (event,) = [e for e in ex.entities if e.kind is EntityKind.EVENT]
    assert (event.label, event.key) == ("Pacific War", "event/pacific-war")
    assert ("Chile", "attends", "Pacific War", Modality.ASSERTED) in triples(ex)


def test_an_office_defined_is_no_person(make_doc, article_for, resources):
    # "The president of Chile is the head of state."
    ex = run(make_doc, article_for, resources, """
        The       1 det   DET   DT  the       O
        president 4 nsubj NOUN  NN  president O
        of        1 prep  ADP   IN  of        O
        Chile     2 pobj  PROPN NNP chile     B-GPE
        is        4 ROOT  AUX   VBZ be        O
        the       6 det   DET   DT  the       O
        head      4 attr  NOUN  NN  head      O
        of        6 prep  ADP   IN  of        O
        state     7 pobj  NOUN  NN  state     O
        .         4 punct PUNCT .   .         O
    """)
    assert not [e for e in ex.entities if e.kind is EntityKind.PERSON]

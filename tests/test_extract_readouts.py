"""Agents of government statements and readouts that are no named entity.

Hand-built parses of invented sentences test one rule each: groups of people
anchored by a name (kgbuild/extract/groups.py), the members of a body acting
as the body, a leader's regime, a visit paid to people, a stance on a piece of
news (relations._content_topic) and a list the parser took for an apposition
(syntax.listed_appositions).
"""

from __future__ import annotations

from extraction import run, triples

from kgbuild.facts import EntityKind


def stances(extraction):
    """(subject, relation, object) of the supports / opposes / cooperatesWith / meets facts."""
    return {(s, r, o) for s, r, o, _ in triples(extraction) if r in {"supports", "opposes", "cooperatesWith", "meets"}}


def rules(extraction):
    """(relation, rule, confidence) of every fact."""
    return {(f.relation, f.evidence.rule, f.evidence.confidence) for f in extraction.facts}


def entity(extraction, label):
    return next(e for e in extraction.entities if e.label == label)


# -- groups of people anchored by a name ---------------------------------------------


def test_a_minister_meets_a_group_named_by_its_nationality(make_doc, article_for, resources):
    # "Minister Lena Park met with Kenyan farmers in Nakuru."
    ex = run(make_doc, article_for, resources, """
        Minister 2   compound  PROPN NNP  minister O
        Lena     2   compound  PROPN NNP  lena     B-PERSON
        Park     3   nsubj     PROPN NNP  park     I-PERSON
        met      3   ROOT      VERB  VBD  meet     O
        with     3   prep      ADP   IN   with     O
        Kenyan   6   amod      ADJ   JJ   kenyan   B-NORP
        farmers  4   pobj      NOUN  NNS  farmer   O
        in       3   prep      ADP   IN   in       O
        Nakuru   7   pobj      PROPN NNP  nakuru   B-GPE
        .        3   punct     PUNCT .    .        O
    """)
    assert stances(ex) == {("Lena Park", "meets", "Kenyan farmers")}
    assert entity(ex, "Kenyan farmers").kind is EntityKind.ORGANISATION  # a group, not Kenya
    # the fact names the group rule and carries a lower confidence than a named partner's
    assert ("meets", "meet-verb/group-agent", 0.6) in rules(ex)


def test_a_group_without_a_name_is_no_agent(make_doc, article_for, resources):
    # "Officials met with students."
    ex = run(make_doc, article_for, resources, """
        Officials 1   nsubj     NOUN  NNS  official  O
        met       1   ROOT      VERB  VBD  meet      O
        with      1   prep      ADP   IN   with      O
        students  2   pobj      NOUN  NNS  student   O
        .         1   punct     PUNCT .    .         O
    """)
    assert stances(ex) == set()
    assert not [e for e in ex.entities if e.kind is EntityKind.ORGANISATION]


def test_rebels_named_by_their_country_oppose_as_a_group(make_doc, article_for, resources):
    # "Rwandan rebels condemned Uganda."
    ex = run(make_doc, article_for, resources, """
        Rwandan   1   amod      ADJ   JJ   rwandan   B-NORP
        rebels    2   nsubj     NOUN  NNS  rebel     O
        condemned 2   ROOT      VERB  VBD  condemn   O
        Uganda    2   dobj      PROPN NNP  uganda    B-GPE
        .         2   punct     PUNCT .    .         O
    """)
    assert stances(ex) == {("Rwandan rebels", "opposes", "Uganda")}  # not Rwanda


def test_one_person_of_a_nationality_is_no_group(make_doc, article_for, resources):
    # "A Saudi businessman sued Canada."
    ex = run(make_doc, article_for, resources, """
        A           2   det       DET   DT   a           O
        Saudi       2   amod      ADJ   JJ   saudi       B-NORP
        businessman 3   nsubj     NOUN  NN   businessman O
        sued        3   ROOT      VERB  VBD  sue         O
        Canada      3   dobj      PROPN NNP  canada      B-GPE
        .           3   punct     PUNCT .    .           O
    """)
    assert not [e for e in ex.entities if e.kind is EntityKind.ORGANISATION]


def test_the_members_of_a_body_act_as_the_body(make_doc, article_for, resources):
    # "The members of the Security Council welcomed the decision of President Ali Karim."
    ex = run(make_doc, article_for, resources, """
        The       1   det       DET   DT   the       O
        members   6   nsubj     NOUN  NNS  member    O
        of        1   prep      ADP   IN   of        O
        the       5   det       DET   DT   the       O
        Security  5   compound  PROPN NNP  security  B-ORG
        Council   2   pobj      PROPN NNP  council   I-ORG
        welcomed  6   ROOT      VERB  VBD  welcome   O
        the       8   det       DET   DT   the       O
        decision  6   dobj      NOUN  NN   decision  O
        of        8   prep      ADP   IN   of        O
        President 12  compound  PROPN NNP  president O
        Ali       12  compound  PROPN NNP  ali       B-PERSON
        Karim     9   pobj      PROPN NNP  karim     I-PERSON
        .         6   punct     PUNCT .    .         O
    """)
    (council,) = [e for e in ex.entities if e.kind is EntityKind.INTERNATIONAL_ORGANISATION]
    assert "members of the Security Council" in council.alt_labels  # the surface form users search for
    assert stances(ex) == {(council.label, "supports", "Ali Karim")}


def test_a_groups_stance_on_a_mere_topic_is_left_out(make_doc, article_for, resources):
    # "Kenyan farmers rejected the new tax."
    ex = run(make_doc, article_for, resources, """
        Kenyan   1   amod      ADJ   JJ   kenyan   B-NORP
        farmers  2   nsubj     NOUN  NNS  farmer   O
        rejected 2   ROOT      VERB  VBD  reject   O
        the      5   det       DET   DT   the      O
        new      5   amod      ADJ   JJ   new      O
        tax      2   dobj      NOUN  NN   tax      O
        .        2   punct     PUNCT .    .        O
    """)
    assert stances(ex) == set()


def test_business_leaders_of_a_country_are_a_group_not_its_leader(make_doc, article_for, resources):
    # "Kenyan business leaders welcomed Ghana."
    ex = run(make_doc, article_for, resources, """
        Kenyan   2   amod      ADJ   JJ   kenyan   B-NORP
        business 2   compound  NOUN  NN   business O
        leaders  3   nsubj     NOUN  NNS  leader   O
        welcomed 3   ROOT      VERB  VBD  welcome  O
        Ghana    3   dobj      PROPN NNP  ghana    B-GPE
        .        3   punct     PUNCT .    .        O
    """)
    assert stances(ex) == {("Kenyan business leaders", "supports", "Ghana")}
    assert not [f for f in triples(ex) if f[1] == "leaderOf"]


# -- a visit paid to people -----------------------------------------------------------


def test_flying_to_visit_troops_named_by_their_country_meets_them(make_doc, article_for, resources):
    # "Defence Secretary Tom Hale flew to visit Kenyan service members."
    ex = run(make_doc, article_for, resources, """
        Defence   1   compound  PROPN NNP  defence   O
        Secretary 3   compound  PROPN NNP  secretary O
        Tom       3   compound  PROPN NNP  tom       B-PERSON
        Hale      4   nsubj     PROPN NNP  hale      I-PERSON
        flew      4   ROOT      VERB  VBD  fly       O
        to        6   aux       PART  TO   to        O
        visit     4   xcomp     VERB  VB   visit     O
        Kenyan    9   amod      ADJ   JJ   kenyan    B-NORP
        service   9   compound  NOUN  NN   service   O
        members   6   dobj      NOUN  NNS  member    O
        .         4   punct     PUNCT .    .         O
    """)
    assert stances(ex) == {("Tom Hale", "meets", "Kenyan service members")}
    assert ("meets", "meet-visit-people/group-agent", 0.6) in rules(ex)
    assert not [f for f in triples(ex) if f[1] == "visits"]  # people are no place


# -- a leader's regime ----------------------------------------------------------------


def test_an_attack_by_a_leaders_regime_is_opposed_as_his(make_doc, article_for, resources):
    # "Foreign Minister Ana Silva condemned the attack by Assad's regime."
    ex = run(make_doc, article_for, resources, """
        Foreign   1   compound  PROPN NNP  foreign   O
        Minister  3   compound  PROPN NNP  minister  O
        Ana       3   compound  PROPN NNP  ana       B-PERSON
        Silva     4   nsubj     PROPN NNP  silva     I-PERSON
        condemned 4   ROOT      VERB  VBD  condemn   O
        the       6   det       DET   DT   the       O
        attack    4   dobj      NOUN  NN   attack    O
        by        6   prep      ADP   IN   by        O
        Assad     10  poss      PROPN NNP  assad     B-PERSON
        's        8   case      PART  POS  's        O
        regime    7   pobj      NOUN  NN   regime    O
        .         4   punct     PUNCT .    .         O
    """)
    assert stances(ex) == {("Ana Silva", "opposes", "Assad")}
    assert "Assad's regime" in entity(ex, "Assad").alt_labels


# -- a stance on a piece of news ------------------------------------------------------


def test_welcoming_news_supports_whoever_the_news_is_about(make_doc, article_for, resources):
    # "Minister Ann Ray welcomed the news that Mali has freed the hostages."
    ex = run(make_doc, article_for, resources, """
        Minister 2   compound  PROPN NNP  minister O
        Ann      2   compound  PROPN NNP  ann      B-PERSON
        Ray      3   nsubj     PROPN NNP  ray      I-PERSON
        welcomed 3   ROOT      VERB  VBD  welcome  O
        the      5   det       DET   DT   the      O
        news     3   dobj      NOUN  NN   news     O
        that     9   mark      SCONJ IN   that     O
        Mali     9   nsubj     PROPN NNP  mali     B-GPE
        has      9   aux       AUX   VBZ  have     O
        freed    5   acl       VERB  VBN  free     O
        the      11  det       DET   DT   the      O
        hostages 9   dobj      NOUN  NNS  hostage  O
        .        3   punct     PUNCT .    .        O
    """)
    assert stances(ex) == {("Ann Ray", "supports", "Mali")}


def test_welcoming_bare_news_is_no_stance_on_a_topic(make_doc, article_for, resources):
    # "Japan welcomed the news."
    ex = run(make_doc, article_for, resources, """
        Japan    1   nsubj     PROPN NNP  japan    B-GPE
        welcomed 1   ROOT      VERB  VBD  welcome  O
        the      3   det       DET   DT   the      O
        news     1   dobj      NOUN  NN   news     O
        .        1   punct     PUNCT .    .        O
    """)
    assert stances(ex) == set()


# -- a list the parser took for an apposition -----------------------------------------


def test_a_list_parsed_as_an_apposition_commits_every_member(make_doc, article_for, resources):
    # "Canada, the Arctic Council and the Government of Ghana are committed to defeating the militants."
    ex = run(make_doc, article_for, resources, """
        Canada     10  nsubj     PROPN NNP  canada     B-GPE
        ,          0   punct     PUNCT ,    ,          O
        the        4   det       DET   DT   the        B-ORG
        Arctic     4   compound  PROPN NNP  arctic     I-ORG
        Council    0   appos     PROPN NNP  council    I-ORG
        and        4   cc        CCONJ CC   and        O
        the        7   det       DET   DT   the        B-ORG
        Government 4   conj      PROPN NNP  government I-ORG
        of         7   prep      ADP   IN   of         I-ORG
        Ghana      8   pobj      PROPN NNP  ghana      I-ORG
        are        10  ROOT      AUX   VBP  be         O
        committed  10  acomp     VERB  VBN  commit     O
        to         11  prep      ADP   IN   to         O
        defeating  12  pcomp     VERB  VBG  defeat     O
        the        15  det       DET   DT   the        O
        militants  13  dobj      NOUN  NNS  militant   O
        .          10  punct     PUNCT .    .          O
    """)
    cooperation = {(s, o) for s, r, o in stances(ex) if r == "cooperatesWith"}
    assert {frozenset(p) for p in cooperation} == {
        frozenset({"Canada", "Arctic Council"}),
        frozenset({"Canada", "Ghana"}),
        frozenset({"Arctic Council", "Ghana"}),
    }


def test_a_true_apposition_is_no_list(make_doc, article_for, resources):
    # "Kenya, the host, welcomed Ghana."
    ex = run(make_doc, article_for, resources, """
        Kenya    4   nsubj     PROPN NNP  kenya    B-GPE
        ,        0   punct     PUNCT ,    ,        O
        the      3   det       DET   DT   the      O
        host     0   appos     NOUN  NN   host     O
        welcomed 4   ROOT      VERB  VBD  welcome  O
        Ghana    4   dobj      PROPN NNP  ghana    B-GPE
        .        4   punct     PUNCT .    .        O
    """)
    assert stances(ex) == {("Kenya", "supports", "Ghana")}


# -- cooperation read from a companion phrase -----------------------------------------


def test_fighting_alongside_forces_cooperates_with_their_country(make_doc, article_for, resources):
    # "Kenyan troops fought alongside Ugandan forces."
    ex = run(make_doc, article_for, resources, """
        Kenyan    1   amod      ADJ   JJ   kenyan    B-NORP
        troops    2   nsubj     NOUN  NNS  troop     O
        fought    2   ROOT      VERB  VBD  fight     O
        alongside 2   prep      ADP   IN   alongside O
        Ugandan   5   amod      ADJ   JJ   ugandan   B-NORP
        forces    3   pobj      NOUN  NNS  force     O
        .         2   punct     PUNCT .    .         O
    """)
    assert stances(ex) == {("Kenya", "cooperatesWith", "Uganda")}
    assert ("cooperatesWith", "cooperate-companion", 0.7) in rules(ex)


def test_standing_alongside_someone_is_no_cooperation(make_doc, article_for, resources):
    # "Biden stood alongside Macron."
    ex = run(make_doc, article_for, resources, """
        Biden     1   nsubj     PROPN NNP  biden     B-PERSON
        stood     1   ROOT      VERB  VBD  stand     O
        alongside 1   prep      ADP   IN   alongside O
        Macron    2   pobj      PROPN NNP  macron    B-PERSON
        .         1   punct     PUNCT .    .         O
    """)
    assert not [f for f in triples(ex) if f[1] == "cooperatesWith"]


def test_a_subject_together_with_another_cooperates_with_it(make_doc, article_for, resources):
    # "France, together with Germany, proposed a plan."
    ex = run(make_doc, article_for, resources, """
        France   6   nsubj     PROPN NNP  france   B-GPE
        ,        0   punct     PUNCT ,    ,        O
        together 3   advmod    ADV   RB   together O
        with     0   prep      ADP   IN   with     O
        Germany  3   pobj      PROPN NNP  germany  B-GPE
        ,        6   punct     PUNCT ,    ,        O
        proposed 6   ROOT      VERB  VBD  propose  O
        a        8   det       DET   DT   a        O
        plan     6   dobj      NOUN  NN   plan     O
        .        6   punct     PUNCT .    .        O
    """)
    assert ("France", "cooperatesWith", "Germany") in stances(ex)


def test_acting_in_coordination_with_a_country_cooperates_with_it(make_doc, article_for, resources):
    # "Peru, in close coordination with Ecuador, reopened the border."
    ex = run(make_doc, article_for, resources, """
        Peru         8   nsubj     PROPN NNP  peru         B-GPE
        ,            8   punct     PUNCT ,    ,            O
        in           8   prep      ADP   IN   in           O
        close        4   amod      ADJ   JJ   close        O
        coordination 2   pobj      NOUN  NN   coordination O
        with         4   prep      ADP   IN   with         O
        Ecuador      5   pobj      PROPN NNP  ecuador      B-GPE
        ,            8   punct     PUNCT ,    ,            O
        reopened     8   ROOT      VERB  VBD  reopen       O
        the          10  det       DET   DT   the          O
        border       8   dobj      NOUN  NN   border       O
        .            8   punct     PUNCT .    .            O
    """)
    assert stances(ex) == {("Peru", "cooperatesWith", "Ecuador")}


# -- the fight a supporter and the supported share ------------------------------------


def test_support_in_its_fight_makes_only_the_supported_a_fighter(make_doc, article_for, resources):
    # "Japan supports Ukraine in its fight against Russia."
    ex = run(make_doc, article_for, resources, """
        Japan    1   nsubj     PROPN NNP  japan    B-GPE
        supports 1   ROOT      VERB  VBZ  support  O
        Ukraine  1   dobj      PROPN NNP  ukraine  B-GPE
        in       1   prep      ADP   IN   in       O
        its      5   poss      PRON  PRP$ its      O
        fight    3   pobj      NOUN  NN   fight    O
        against  5   prep      ADP   IN   against  O
        Russia   6   pobj      PROPN NNP  russia   B-GPE
        .        1   punct     PUNCT .    .        O
    """)
    assert stances(ex) == {("Japan", "supports", "Ukraine"), ("Ukraine", "opposes", "Russia")}
    assert ("opposes", "opposes-shared-fight", 0.65) in rules(ex)


def test_help_in_the_fight_makes_both_fighters(make_doc, article_for, resources):
    # "Britain will help Kenya in the fight against Somalia."
    ex = run(make_doc, article_for, resources, """
        Britain 2   nsubj     PROPN NNP  britain B-GPE
        will    2   aux       AUX   MD   will    O
        help    2   ROOT      VERB  VB   help    O
        Kenya   2   dobj      PROPN NNP  kenya   B-GPE
        in      2   prep      ADP   IN   in      O
        the     6   det       DET   DT   the     O
        fight   4   pobj      NOUN  NN   fight   O
        against 6   prep      ADP   IN   against O
        Somalia 7   pobj      PROPN NNP  somalia B-GPE
        .       2   punct     PUNCT .    .       O
    """)
    assert {("Kenya", "opposes", "Somalia"), ("United Kingdom", "opposes", "Somalia")} <= stances(ex)


def test_alternatives_parsed_as_an_apposition_are_no_list(make_doc, article_for, resources):
    # "Kenya, the host or Uganda, welcomed Ghana." (an apposition joined by "or")
    ex = run(make_doc, article_for, resources, """
        Kenya    7   nsubj     PROPN NNP  kenya    B-GPE
        ,        0   punct     PUNCT ,    ,        O
        the      3   det       DET   DT   the      O
        host     0   appos     NOUN  NN   host     O
        or       3   cc        CCONJ CC   or       O
        Uganda   3   conj      PROPN NNP  uganda   B-GPE
        ,        7   punct     PUNCT ,    ,        O
        welcomed 7   ROOT      VERB  VBD  welcome  O
        Ghana    7   dobj      PROPN NNP  ghana    B-GPE
        .        7   punct     PUNCT .    .        O
    """)
    assert stances(ex) == {("Kenya", "supports", "Ghana")}


def test_a_fight_hung_on_the_verb_of_a_support_noun_is_shared(make_doc, article_for, resources):
    # "Minister Jo Bell reiterated UK support for Ghana in the fight against Togo."
    ex = run(make_doc, article_for, resources, """
        Minister   2   compound  PROPN NNP  minister   O
        Jo         2   compound  PROPN NNP  jo         B-PERSON
        Bell       3   nsubj     PROPN NNP  bell       I-PERSON
        reiterated 3   ROOT      VERB  VBD  reiterate  O
        UK         5   compound  PROPN NNP  uk         B-GPE
        support    3   dobj      NOUN  NN   support    O
        for        5   prep      ADP   IN   for        O
        Ghana      6   pobj      PROPN NNP  ghana      B-GPE
        in         3   prep      ADP   IN   in         O
        the        10  det       DET   DT   the        O
        fight      8   pobj      NOUN  NN   fight      O
        against    10  prep      ADP   IN   against    O
        Togo       11  pobj      PROPN NNP  togo       B-GPE
        .          3   punct     PUNCT .    .          O
    """)
    found = stances(ex)
    assert ("United Kingdom", "supports", "Ghana") in found  # the UK holds the support it names
    assert {("Ghana", "opposes", "Togo"), ("United Kingdom", "opposes", "Togo")} <= found
    assert ("supports", "supports-noun-modifier", 0.7) in rules(ex)


# -- a name before a stance noun ------------------------------------------------------


def test_a_demonym_before_a_support_noun_holds_the_support(make_doc, article_for, resources):
    # "Minister Jo Bell reiterated Canadian support for Ghana."
    ex = run(make_doc, article_for, resources, """
        Minister   2   compound  PROPN NNP  minister   O
        Jo         2   compound  PROPN NNP  jo         B-PERSON
        Bell       3   nsubj     PROPN NNP  bell       I-PERSON
        reiterated 3   ROOT      VERB  VBD  reiterate  O
        Canadian   5   amod      ADJ   JJ   canadian   B-NORP
        support    3   dobj      NOUN  NN   support    O
        for        5   prep      ADP   IN   for        O
        Ghana      6   pobj      PROPN NNP  ghana      B-GPE
        .          3   punct     PUNCT .    .          O
    """)
    assert ("Canada", "supports", "Ghana") in stances(ex)


def test_a_country_named_before_sanctions_without_a_target_is_their_target(make_doc, article_for, resources):
    # "Canada lifted the Russia sanctions."
    ex = run(make_doc, article_for, resources, """
        Canada    1   nsubj     PROPN NNP  canada    B-GPE
        lifted    1   ROOT      VERB  VBD  lift      O
        the       4   det       DET   DT   the       O
        Russia    4   compound  PROPN NNP  russia    B-GPE
        sanctions 1   dobj      NOUN  NNS  sanction  O
        .         1   punct     PUNCT .    .         O
    """)
    assert ("Russia", "opposes", "Canada") not in stances(ex)
    assert not [f for f in ex.facts if f.evidence.rule.endswith("-noun-modifier")]


def test_support_against_a_country_is_no_support_of_it(make_doc, article_for, resources):
    # "Kenya offered support against Somalia."
    ex = run(make_doc, article_for, resources, """
        Kenya   1   nsubj     PROPN NNP  kenya   B-GPE
        offered 1   ROOT      VERB  VBD  offer   O
        support 1   dobj      NOUN  NN   support O
        against 2   prep      ADP   IN   against O
        Somalia 3   pobj      PROPN NNP  somalia B-GPE
        .       1   punct     PUNCT .    .       O
    """)
    assert ("Kenya", "supports", "Somalia") not in stances(ex)

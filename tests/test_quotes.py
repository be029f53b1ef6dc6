"""Quote rules on hand-built parses, plus a few end-to-end runs of the real model.

Fixtures ``vocab`` (a blank English vocab) and ``nlp`` (the real model) come
from conftest.py.

Each hand-built parse copies what en_core_web_sm gives for the sentence, so
the rules are tested on the shapes they meet in practice. Table rows are
``index word lemma POS dep head``; the index is checked, heads are absolute.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from kgbuild.extract.quotes import SPEECH_VERBS, Quote, extract_quotes

PARAGRAPH = "¶"  # stands for a "\n\n" white-space token in a table


def parse(vocab, text: str, table: str, *, ents: tuple[tuple[int, int, str], ...] = ()) -> Doc:
    """A Doc whose words, spaces and annotations come from ``text`` and ``table``."""
    rows = [line.split() for line in table.strip().splitlines() if line.strip()]
    assert [int(row[0]) for row in rows] == list(range(len(rows))), "table indices"
    rows = [[cell.replace(PARAGRAPH, "\n\n") for cell in row] for row in rows]
    words = [row[1] for row in rows]
    spaces, position = [], 0
    for word in words:
        position = text.index(word, position) + len(word)
        spaces.append(text[position : position + 1] == " ")
    iob = ["O"] * len(words)
    for start, end, label in ents:
        iob[start : end] = [f"B-{label}"] + [f"I-{label}"] * (end - start - 1)
    doc = Doc(
        vocab,
        words=words,
        spaces=spaces,
        lemmas=[row[2] for row in rows],
        pos=[row[3] for row in rows],
        deps=[row[4] for row in rows],
        heads=[int(row[5]) for row in rows],
        ents=iob,
    )
    assert doc.text == text
    return doc


def direct(text: str, words: str, *, speaker: int | None, cue: str, rule: str) -> Quote:
    start = text.index(words)
    return Quote(words, start, start + len(words), speaker, cue, rule, direct=True)


def reported(text: str, words: str, *, speaker: int | None, cue: str, rule: str) -> Quote:
    start = text.index(words)
    return Quote(words, start, start + len(words), speaker, cue, rule, direct=False)


# -- direct quotes --------------------------------------------------------------


def test_quote_then_subject_and_verb(vocab):
    text = "“We will not accept these terms,” Minister Tala Ortiz said."
    doc = parse(vocab, text, """
        0 “ “ PUNCT punct 12
        1 We we PRON nsubj 4
        2 will will AUX aux 4
        3 not not PART neg 4
        4 accept accept VERB ccomp 12
        5 these these DET det 6
        6 terms term NOUN dobj 4
        7 , , PUNCT punct 12
        8 ” ” PUNCT punct 12
        9 Minister minister PROPN compound 11
        10 Tala Tala PROPN compound 11
        11 Ortiz Ortiz PROPN nsubj 12
        12 said say VERB ROOT 12
        13 . . PUNCT punct 12
    """, ents=((10, 12, "PERSON"),))
    assert list(extract_quotes(doc)) == [
        direct(text, "We will not accept these terms", speaker=11, cue="say",
               rule="direct-cue-after")
    ]  # fmt: skip


@pytest.mark.parametrize("speaker_dep", ["nsubj", "dobj"])
def test_inverted_said_x_with_apposition(vocab, speaker_dep):
    # The parser sometimes calls the speaker of "said X" an object.
    text = '"We must talk," said Tala Ortiz, a former minister.'
    doc = parse(vocab, text, f"""
        0 " " PUNCT punct 6
        1 We we PRON nsubj 3
        2 must must AUX aux 3
        3 talk talk VERB ccomp 6
        4 , , PUNCT punct 6
        5 " " PUNCT punct 6
        6 said say VERB ROOT 6
        7 Tala Tala PROPN compound 8
        8 Ortiz Ortiz PROPN {speaker_dep} 6
        9 , , PUNCT punct 8
        10 a a DET det 12
        11 former former ADJ amod 12
        12 minister minister NOUN appos 8
        13 . . PUNCT punct 6
    """)
    assert list(extract_quotes(doc)) == [
        direct(text, "We must talk", speaker=8, cue="say", rule="direct-cue-after")
    ]


def test_speaker_then_colon_then_quote(vocab):
    text = "Tala Ortiz said: “The talks are over.”"
    doc = parse(vocab, text, """
        0 Tala Tala PROPN compound 1
        1 Ortiz Ortiz PROPN nsubj 2
        2 said say VERB ROOT 2
        3 : : PUNCT punct 2
        4 “ “ PUNCT punct 2
        5 The the DET det 6
        6 talks talk NOUN nsubj 7
        7 are be AUX ccomp 2
        8 over over ADV advmod 7
        9 . . PUNCT punct 2
        10 ” ” PUNCT punct 2
    """)
    # The quoted clause is the verb's ccomp, but it is not reported speech too.
    assert list(extract_quotes(doc)) == [
        direct(text, "The talks are over.", speaker=1, cue="say", rule="direct-cue-before")
    ]


def test_noun_speaker_before_straight_quote(vocab):
    text = 'The spokesperson said "the border stays closed."'
    doc = parse(vocab, text, """
        0 The the DET det 1
        1 spokesperson spokesperson NOUN nsubj 2
        2 said say VERB ROOT 2
        3 " " PUNCT punct 2
        4 the the DET det 5
        5 border border NOUN nsubj 6
        6 stays stay VERB ccomp 2
        7 closed closed ADJ acomp 6
        8 . . PUNCT punct 2
        9 " " PUNCT punct 2
    """)
    assert list(extract_quotes(doc)) == [
        direct(text, "the border stays closed.", speaker=1, cue="say", rule="direct-cue-before")
    ]


def test_told_reporters_in_june(vocab):
    text = "“The border will reopen,” Ortiz told reporters in June."
    doc = parse(vocab, text, """
        0 “ “ PUNCT punct 8
        1 The the DET det 2
        2 border border NOUN nsubj 4
        3 will will AUX aux 4
        4 reopen reopen VERB ccomp 8
        5 , , PUNCT punct 8
        6 ” ” PUNCT punct 8
        7 Ortiz Ortiz PROPN nsubj 8
        8 told tell VERB ROOT 8
        9 reporters reporter NOUN dobj 8
        10 in in ADP prep 8
        11 June June PROPN pobj 10
        12 . . PUNCT punct 8
    """)
    assert list(extract_quotes(doc)) == [
        direct(text, "The border will reopen", speaker=7, cue="tell", rule="direct-cue-after")
    ]


def test_said_in_a_statement_after_quote(vocab):
    text = "“The sanctions are unjust,” the ministry said in a statement."
    doc = parse(vocab, text, """
        0 “ “ PUNCT punct 9
        1 The the DET det 2
        2 sanctions sanction NOUN nsubj 3
        3 are be AUX ccomp 9
        4 unjust unjust ADJ acomp 3
        5 , , PUNCT punct 9
        6 ” ” PUNCT punct 9
        7 the the DET det 8
        8 ministry ministry NOUN nsubj 9
        9 said say VERB ROOT 9
        10 in in ADP prep 9
        11 a a DET det 12
        12 statement statement NOUN pobj 10
        13 . . PUNCT punct 9
    """)
    assert list(extract_quotes(doc)) == [
        direct(text, "The sanctions are unjust", speaker=8, cue="say", rule="direct-cue-after")
    ]


def test_quote_of_two_sentences_attributed_after_it(vocab):
    text = "“The deal is fragile. Both sides must act.” she said."
    doc = parse(vocab, text, """
        0 “ “ PUNCT punct 3
        1 The the DET det 2
        2 deal deal NOUN nsubj 3
        3 is be AUX ROOT 3
        4 fragile fragile ADJ acomp 3
        5 . . PUNCT punct 3
        6 Both both DET det 7
        7 sides side NOUN nsubj 9
        8 must must AUX aux 9
        9 act act VERB ROOT 9
        10 . . PUNCT punct 9
        11 ” ” PUNCT punct 9
        12 she she PRON nsubj 13
        13 said say VERB ROOT 13
        14 . . PUNCT punct 13
    """)
    assert [s.start for s in doc.sents] == [0, 6, 12]
    assert list(extract_quotes(doc)) == [
        direct(text, "The deal is fragile. Both sides must act.", speaker=12, cue="say",
               rule="direct-cue-after")
    ]  # fmt: skip


CONTINUED = """
    0 “ “ PUNCT punct 8
    1 The the DET det 2
    2 deal deal NOUN nsubj 3
    3 is be AUX ccomp 8
    4 fragile fragile ADJ acomp 3
    5 , , PUNCT punct 8
    6 ” ” PUNCT punct 8
    7 he he PRON nsubj 8
    8 said say VERB ROOT 8
    9 . . PUNCT punct 8
"""


CONTINUATION = """
    {i0} “ “ PUNCT punct {h}
    {i1} Both both DET det {i2}
    {i2} sides side NOUN nsubj {h}
    {i3} must must AUX aux {h}
    {i4} act act VERB ROOT {h}
    {i5} now now ADV advmod {h}
    {i6} . . PUNCT punct {h}
    {i7} ” ” PUNCT punct {h}
"""


@pytest.mark.parametrize(
    ("gap", "space_row", "first"),
    [(" ", "", 10), ("\n\n", "10 ¶ ¶ SPACE dep 8", 11)],  # a paragraph break is a token
)
def test_quote_right_after_an_attributed_one_continues_it(vocab, gap, space_row, first):
    text = f"“The deal is fragile,” he said.{gap}“Both sides must act now.”"
    indices = {f"i{k}": first + k for k in range(8)}
    table = CONTINUED + space_row + "\n" + CONTINUATION.format(h=first + 4, **indices)
    doc = parse(vocab, text, table)
    assert list(extract_quotes(doc)) == [
        direct(text, "The deal is fragile", speaker=7, cue="say", rule="direct-cue-after"),
        direct(text, "Both sides must act now.", speaker=7, cue="say", rule="direct-continued"),
    ]


def test_quote_after_an_unrelated_sentence_is_not_continued(vocab):
    text = "“The deal is fragile,” he said. The talks resumed. “Both sides must act now.”"
    doc = parse(vocab, text, CONTINUED + """
        10 The the DET det 11
        11 talks talk NOUN nsubj 12
        12 resumed resume VERB ROOT 12
        13 . . PUNCT punct 12
        14 “ “ PUNCT punct 18
        15 Both both DET det 16
        16 sides side NOUN nsubj 18
        17 must must AUX aux 18
        18 act act VERB ROOT 18
        19 now now ADV advmod 18
        20 . . PUNCT punct 18
        21 ” ” PUNCT punct 18
    """)
    quotes = list(extract_quotes(doc))
    assert [(q.text, q.speaker, q.rule) for q in quotes] == [
        ("The deal is fragile", 7, "direct-cue-after"),
        ("Both sides must act now.", None, "direct-unattributed"),
    ]


def test_next_sentence_with_its_own_clause_does_not_claim_the_quote(vocab):
    text = "“We are ready to sign today.” Ortiz said the talks would resume."
    doc = parse(vocab, text, """
        0 “ “ PUNCT punct 2
        1 We we PRON nsubj 2
        2 are be AUX ROOT 2
        3 ready ready ADJ acomp 2
        4 to to PART aux 5
        5 sign sign VERB xcomp 3
        6 today today NOUN npadvmod 5
        7 . . PUNCT punct 2
        8 ” ” PUNCT punct 2
        9 Ortiz Ortiz PROPN nsubj 10
        10 said say VERB ROOT 10
        11 the the DET det 12
        12 talks talk NOUN nsubj 14
        13 would would AUX aux 14
        14 resume resume VERB ccomp 10
        15 . . PUNCT punct 10
    """)
    quotes = list(extract_quotes(doc))
    assert [(q.text, q.speaker, q.rule) for q in quotes] == [
        ("We are ready to sign today.", None, "direct-unattributed"),
        ("the talks would resume", 9, "reported-speech"),
    ]


def test_split_quote_around_the_cue(vocab):
    text = "“The talks are over,” Ortiz added, “and we will go home.”"
    doc = parse(vocab, text, """
        0 “ “ PUNCT punct 8
        1 The the DET det 2
        2 talks talk NOUN nsubj 3
        3 are be AUX ccomp 8
        4 over over ADV advmod 3
        5 , , PUNCT punct 8
        6 ” ” PUNCT punct 8
        7 Ortiz Ortiz PROPN nsubj 8
        8 added add VERB ROOT 8
        9 , , PUNCT punct 8
        10 “ “ PUNCT punct 8
        11 and and CCONJ cc 8
        12 we we PRON nsubj 14
        13 will will AUX aux 14
        14 go go VERB conj 8
        15 home home ADV advmod 14
        16 . . PUNCT punct 8
        17 ” ” PUNCT punct 8
    """)
    assert list(extract_quotes(doc)) == [
        direct(text, "The talks are over", speaker=7, cue="add", rule="direct-cue-after"),
        direct(text, "and we will go home.", speaker=7, cue="add", rule="direct-cue-before"),
    ]


def test_quoted_fragment_inside_reported_clause(vocab):
    text = "Ortiz said the plan was “a betrayal of trust”."
    doc = parse(vocab, text, """
        0 Ortiz Ortiz PROPN nsubj 1
        1 said say VERB ROOT 1
        2 the the DET det 3
        3 plan plan NOUN nsubj 4
        4 was be AUX ccomp 1
        5 “ “ PUNCT punct 4
        6 a a DET det 7
        7 betrayal betrayal NOUN attr 4
        8 of of ADP prep 7
        9 trust trust NOUN pobj 8
        10 ” ” PUNCT punct 4
        11 . . PUNCT punct 1
    """)
    assert list(extract_quotes(doc)) == [
        reported(text, "the plan was “a betrayal of trust”", speaker=0, cue="say",
                 rule="reported-speech"),
        direct(text, "a betrayal of trust", speaker=0, cue="say", rule="direct-embedded"),
    ]  # fmt: skip


def test_according_to_after_a_quote(vocab):
    text = "“The deal is dead,” according to Ortiz."
    doc = parse(vocab, text, """
        0 “ “ PUNCT punct 3
        1 The the DET det 2
        2 deal deal NOUN nsubj 3
        3 is be AUX ROOT 3
        4 dead dead ADJ acomp 3
        5 , , PUNCT punct 3
        6 ” ” PUNCT punct 3
        7 according accord VERB prep 3
        8 to to ADP prep 7
        9 Ortiz Ortiz PROPN pobj 8
        10 . . PUNCT punct 3
    """)
    assert list(extract_quotes(doc)) == [
        direct(text, "The deal is dead", speaker=9, cue="according to", rule="direct-according-to")
    ]


def test_scare_quotes_are_not_quotes(vocab):
    text = "The opposition called the deal “reckless”."
    doc = parse(vocab, text, """
        0 The the DET det 1
        1 opposition opposition NOUN nsubj 2
        2 called call VERB ROOT 2
        3 the the DET det 4
        4 deal deal NOUN dobj 2
        5 “ “ PUNCT punct 6
        6 reckless reckless ADJ oprd 2
        7 ” ” PUNCT punct 2
        8 . . PUNCT punct 2
    """)
    assert list(extract_quotes(doc)) == []


def test_single_curly_quotes_when_attributed(vocab):
    text = "‘We will not back down,’ Ortiz said."
    doc = parse(vocab, text, """
        0 ‘ ‘ PUNCT punct 9
        1 We we PRON nsubj 4
        2 will will AUX aux 4
        3 not not PART neg 4
        4 back back VERB ccomp 9
        5 down down ADP prt 4
        6 , , PUNCT punct 9
        7 ’ ’ PUNCT punct 9
        8 Ortiz Ortiz PROPN nsubj 9
        9 said say VERB ROOT 9
        10 . . PUNCT punct 9
    """)
    assert list(extract_quotes(doc)) == [
        direct(text, "We will not back down", speaker=8, cue="say", rule="direct-cue-after")
    ]


def test_apostrophes_are_not_single_quotes(vocab):
    text = "‘The ministers’ talks ended, and Ortiz’s aide left."
    doc = parse(vocab, text, """
        0 ‘ ‘ PUNCT punct 5
        1 The the DET det 2
        2 ministers minister NOUN poss 4
        3 ’ ’ PUNCT case 2
        4 talks talk NOUN nsubj 5
        5 ended end VERB ROOT 5
        6 , , PUNCT punct 5
        7 and and CCONJ cc 5
        8 Ortiz Ortiz PROPN poss 10
        9 ’s ’s PART case 8
        10 aide aide NOUN nsubj 11
        11 left leave VERB conj 5
        12 . . PUNCT punct 11
    """)
    assert list(extract_quotes(doc)) == []


# -- reported speech ------------------------------------------------------------

REPORTED = """
    0 Ortiz Ortiz PROPN nsubj 1
    1 {word} {lemma} {pos} ROOT 1
    2 that that SCONJ mark 6
    3 the the DET det 4
    4 talks talk NOUN nsubj 6
    5 had have AUX aux 6
    6 collapsed collapse VERB ccomp 1
    7 . . PUNCT punct 1
"""


@pytest.mark.parametrize(
    ("word", "lemma"),
    [("said", "say"), ("stated", "state"), ("confirmed", "confirm"), ("denied", "deny"),
     ("warned", "warn")],
)  # fmt: skip
def test_x_said_that_clause(vocab, word, lemma):
    text = f"Ortiz {word} that the talks had collapsed."
    doc = parse(vocab, text, REPORTED.format(word=word, lemma=lemma, pos="VERB"))
    assert list(extract_quotes(doc)) == [
        reported(text, "the talks had collapsed", speaker=0, cue=lemma, rule="reported-speech")
    ]


def test_speech_lemma_that_is_not_a_verb_is_no_cue(vocab):
    text = "Ortiz claim that the talks had collapsed."  # a mis-tagged noun
    doc = parse(vocab, text, REPORTED.format(word="claim", lemma="claim", pos="NOUN"))
    assert list(extract_quotes(doc)) == []


def test_said_without_that(vocab):
    text = "Ortiz said the talks had collapsed."
    doc = parse(vocab, text, """
        0 Ortiz Ortiz PROPN nsubj 1
        1 said say VERB ROOT 1
        2 the the DET det 3
        3 talks talk NOUN nsubj 5
        4 had have AUX aux 5
        5 collapsed collapse VERB ccomp 1
        6 . . PUNCT punct 1
    """)
    assert list(extract_quotes(doc)) == [
        reported(text, "the talks had collapsed", speaker=0, cue="say", rule="reported-speech")
    ]


def test_negated_speech_is_not_reported(vocab):
    text = "Ortiz did not say that the talks had collapsed."
    doc = parse(vocab, text, """
        0 Ortiz Ortiz PROPN nsubj 3
        1 did do AUX aux 3
        2 not not PART neg 3
        3 say say VERB ROOT 3
        4 that that SCONJ mark 8
        5 the the DET det 6
        6 talks talk NOUN nsubj 8
        7 had have AUX aux 8
        8 collapsed collapse VERB ccomp 3
        9 . . PUNCT punct 3
    """)
    assert list(extract_quotes(doc)) == []


def test_said_in_a_statement_that(vocab):
    text = "Ortiz said in a statement that the sanctions were unjust."
    doc = parse(vocab, text, """
        0 Ortiz Ortiz PROPN nsubj 1
        1 said say VERB ROOT 1
        2 in in ADP prep 1
        3 a a DET det 4
        4 statement statement NOUN pobj 2
        5 that that SCONJ mark 8
        6 the the DET det 7
        7 sanctions sanction NOUN nsubj 8
        8 were be AUX acl 4
        9 unjust unjust ADJ acomp 8
        10 . . PUNCT punct 1
    """)
    assert list(extract_quotes(doc)) == [
        reported(text, "the sanctions were unjust", speaker=0, cue="say",
                 rule="reported-in-statement")
    ]  # fmt: skip


def test_participle_shares_the_subject(vocab):
    text = "The delegation left, adding that the talks had been useful."
    doc = parse(vocab, text, """
        0 The the DET det 1
        1 delegation delegation NOUN nsubj 2
        2 left leave VERB ROOT 2
        3 , , PUNCT punct 2
        4 adding add VERB advcl 2
        5 that that SCONJ mark 9
        6 the the DET det 7
        7 talks talk NOUN nsubj 9
        8 had have AUX aux 9
        9 been be AUX ccomp 4
        10 useful useful ADJ acomp 9
        11 . . PUNCT punct 2
    """)
    assert list(extract_quotes(doc)) == [
        reported(text, "the talks had been useful", speaker=1, cue="add", rule="reported-speech")
    ]


def test_according_to_x_first(vocab):
    text = "According to Ortiz, the talks had collapsed."
    doc = parse(vocab, text, """
        0 According accord VERB prep 7
        1 to to ADP prep 0
        2 Ortiz Ortiz PROPN pobj 1
        3 , , PUNCT punct 7
        4 the the DET det 5
        5 talks talk NOUN nsubj 7
        6 had have AUX aux 7
        7 collapsed collapse VERB ROOT 7
        8 . . PUNCT punct 7
    """)
    assert list(extract_quotes(doc)) == [
        reported(text, "the talks had collapsed", speaker=2, cue="according to",
                 rule="according-to")
    ]  # fmt: skip


def test_according_to_x_last(vocab):
    text = "The talks collapsed, according to the foreign ministry."
    doc = parse(vocab, text, """
        0 The the DET det 1
        1 talks talk NOUN nsubj 2
        2 collapsed collapse VERB ROOT 2
        3 , , PUNCT punct 2
        4 according accord VERB prep 2
        5 to to ADP prep 4
        6 the the DET det 8
        7 foreign foreign ADJ amod 8
        8 ministry ministry NOUN pobj 5
        9 . . PUNCT punct 2
    """)
    assert list(extract_quotes(doc)) == [
        reported(text, "The talks collapsed", speaker=8, cue="according to", rule="according-to")
    ]


def test_speech_verbs_cover_the_listed_cues():
    assert {"say", "tell", "state", "confirm", "deny", "tweet"} <= SPEECH_VERBS


# -- the real model -------------------------------------------------------------


def _speakers(nlp, text: str) -> list[tuple[str, str | None, str, bool]]:
    doc = nlp(text)
    quotes = list(extract_quotes(doc))
    for quote in quotes:
        assert doc.text[quote.start_char : quote.end_char] == quote.text
    return [
        (q.text, doc[q.speaker].text if q.speaker is not None else None, q.cue, q.direct)
        for q in quotes
    ]


@pytest.mark.model
def test_model_direct_quotes_and_continuation(nlp):
    text = (
        "“We will not accept these terms,” Foreign Minister Tala Ortiz of Veloria "
        "told reporters. "
        "“Our position has not changed.”\n\n"
        "The spokesperson said: “The border stays closed.”"
    )
    assert _speakers(nlp, text) == [
        ("We will not accept these terms", "Ortiz", "tell", True),
        ("Our position has not changed.", "Ortiz", "tell", True),
        ("The border stays closed.", "spokesperson", "say", True),
    ]


@pytest.mark.model
def test_model_reported_speech(nlp):
    text = (
        "Ben Arvel, a spokesperson for the ministry, insisted that no troops had "
        "crossed the border. "
        "According to Ortiz, the talks had collapsed. "
        "The president confirmed that the embassy would reopen on Friday."
    )
    assert _speakers(nlp, text) == [
        ("no troops had crossed the border", "Arvel", "insist", False),
        ("the talks had collapsed", "Ortiz", "according to", False),
        ("the embassy would reopen on Friday", "president", "confirm", False),
    ]


@pytest.mark.model
def test_model_multi_sentence_quote_with_pronoun(nlp):
    text = "“The deal is fragile. Both sides must act.” she said."
    assert _speakers(nlp, text) == [
        ("The deal is fragile. Both sides must act.", "she", "say", True)
    ]

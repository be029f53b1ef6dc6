"""Name keys: the words names are indexed by, and what a text parameter is looked up by."""

from __future__ import annotations

import re

import pytest

from kgbuild.namekeys import GENERIC_WORDS, NameLookup, is_name_text, lookup_key, name_keys, name_lookup, name_words


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        ("NATO summit in Vilnius", ("nato", "summit", "in", "vilnius")),
        ("Élodie Marchà", ("elodie", "marcha")),
        ("Sørland", ("sørland",)),  # ø is a letter of its own, not o with an accent
        ("Côte d'Ivoire", ("cote", "d", "ivoire")),
        ("Abdel-Rahman al-Sisi", ("abdel", "rahman", "al", "sisi")),
        ("G7 Summit, G7", ("g7", "summit")),
        ("ＮＡＴＯ", ("nato",)),  # full-width letters fold to plain ones
        ("STRASSE Straße", ("strasse",)),  # case folding, not lower-casing
        ("", ()),
        ("--- ...", ()),
    ],
)
def test_name_keys_are_distinct_folded_words_in_order(text, keys):
    assert name_keys(text) == keys


def test_a_text_and_the_name_it_matches_have_the_same_keys():
    assert set(name_keys("elodie MARCHA")) == set(name_keys("Élodie Marchà"))
    assert set(name_keys("cote divoire")) != set(name_keys("Côte d'Ivoire"))  # "d'Ivoire" is two words


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("the Vilnius summit", "vilnius"),
        ("Prime Minister Fumio Kishida", "kishida"),  # titles are poor keys, however long
        ("Foreign Minister", "minister"),  # only generic words: the longest of them
        ("NATO summit", "nato"),
        ("Ocean Partnership Summit", "partnership"),
        ("Lula da Silva", "silva"),  # the first of the longest
        ("...", None),
    ],
)
def test_lookup_key_is_the_longest_specific_word(text, key):
    assert lookup_key(text) == key


def test_generic_words_are_folded_keys():
    assert all(name_keys(word) == (word,) for word in GENERIC_WORDS)


@pytest.mark.parametrize(
    ("text", "is_name"),
    [
        ("Mara Velt", True),
        ("Côte d'Ivoire", True),
        ("Côte d’Ivoire", True),
        ("U.S. Secretary of State", True),
        ("Trade & Industry (Ministry)", True),
        ("al-Sisi", True),
        ("2023 G20", True),
        ("lisbon}", False),
        ('x" } ; DROP ALL ; #', False),
        ("' OR '1'='1", False),
        ("lisbon\u202e\u200b", False),  # format characters
        ("lisbon\n} ;", False),
        ("?param_event", False),
        ("%22%7D", False),
    ],
)
def test_name_text(text, is_name):
    assert is_name_text(text) is is_name


def test_name_words_are_one_names_distinct_words_sorted_between_spaces():
    assert name_words("Summit in Vilnius, Vilnius") == " in summit vilnius "
    assert name_words("Élysée Palace") == " elysee palace "
    assert name_words("--") == ""


def test_a_lookups_words_are_a_subsequence_of_a_name_holding_them_all():
    # What the named queries test: REGEX(name words, REPLACE(lookup words, " ", " (.* )?")).
    def matches(text: str, name: str) -> bool:
        return re.search(name_lookup(text).words.replace(" ", " (.* )?"), name_words(name)) is not None

    assert matches("vilnius nato", "NATO summit in Vilnius") and matches("Summit", "NATO summit in Vilnius")
    assert not matches("meeting in geneva", "Food Security Summit in Geneva")
    assert not matches("nato vilnius", "NATO") and not matches("vil", "Vilnius")


def test_name_lookup():
    assert name_lookup("Mara VELT") == NameLookup(key="mara", words=" mara velt ", size=2)
    # The words are sorted, as a name's dip:nameWords are: the query tests them as a subsequence.
    assert name_lookup("velt mara velt") == NameLookup(key="velt", words=" mara velt ", size=2)
    # Text that is no name is looked up by no key (it is matched as text), but keeps its words.
    assert name_lookup("velt }") == NameLookup(key="", words=" velt ", size=1)
    assert name_lookup("!!!") == NameLookup(key="", words=" ", size=0)
    # No parameter: nothing to look up.
    assert name_lookup(None) == name_lookup("") == NameLookup(key="", words=" ", size=0)

"""The shipped gazetteer: data integrity and lookups."""

from __future__ import annotations

import doctest
import importlib
import re
from collections import defaultdict

import pytest

from kgbuild.gazetteer import (
    Country,
    Gazetteer,
    GazetteerError,
    Organisation,
    is_case_sensitive,
    load_gazetteer,
    lookup_key,
)


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


def test_module_doctests_pass():
    result = doctest.testmod(importlib.import_module("kgbuild.gazetteer"))
    assert result.attempted > 0
    assert result.failed == 0


# -- data integrity -------------------------------------------------------------------


def test_every_un_member_and_the_four_extras_are_present(gaz):
    assert len(gaz.countries) == 197
    names = {country.name for country in gaz.countries}
    assert {"Taiwan", "Kosovo", "Palestine", "Holy See"} <= names


def test_every_country_row_has_valid_codes_and_qid(gaz):
    for country in gaz.countries:
        assert re.fullmatch(r"[A-Z]{2}", country.iso2), country
        assert re.fullmatch(r"[A-Z]{3}", country.iso3), country
        assert re.fullmatch(r"Q[1-9][0-9]*", country.wikidata), country
        assert country.capital, country


def test_some_codes_and_qids(gaz):
    by_name = {country.name: country for country in gaz.countries}
    assert (by_name["United States"].iso2, by_name["United States"].iso3) == ("US", "USA")
    assert (by_name["Germany"].iso3, by_name["Germany"].wikidata) == ("DEU", "Q183")
    assert (by_name["Kosovo"].iso2, by_name["Kosovo"].iso3) == ("XK", "XKX")
    assert by_name["Japan"].wikidata == "Q17"


def test_codes_and_qids_are_unique(gaz):
    for field in ("iso2", "iso3", "wikidata", "name"):
        values = [getattr(country, field) for country in gaz.countries]
        assert len(values) == len(set(values)), field


def test_no_form_names_two_countries(gaz):
    owners: dict[str, set[str]] = defaultdict(set)
    for country in gaz.countries:
        for form in (country.name, *country.aliases, *country.demonyms):
            owners[lookup_key(form)].add(country.name)
    shared = {form: names for form, names in owners.items() if len(names) > 1}
    assert shared == {}


def test_organisation_rows_are_well_formed(gaz):
    names = [org.name for org in gaz.organisations]
    assert len(names) == len(set(names))
    assert sum(org.international for org in gaz.organisations) >= 80
    for org in gaz.organisations:
        assert org.wikidata is None or re.fullmatch(r"Q[1-9][0-9]*", org.wikidata), org
        assert org.full_name, org
        assert org.generic_nouns, org


def test_regions_are_not_countries(gaz):
    for region in ("Europe", "Asia", "Indo-Pacific", "Middle East", "Africa"):
        assert gaz.country(region) is None


# -- lookups --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("United States of America", "United States"),
        ("the U.S.", "United States"),
        ("U.S.A.", "United States"),
        ("America's", "United States"),
        ("Americans", "United States"),
        ("UK", "United Kingdom"),
        ("Great Britain", "United Kingdom"),
        ("Britons", "United Kingdom"),
        ("Republic of Korea", "South Korea"),
        ("ROK", "South Korea"),
        ("Korea", "South Korea"),
        ("DPRK", "North Korea"),
        ("Russian Federation", "Russia"),
        ("People's Republic of China", "China"),
        ("People’s Republic of China", "China"),
        ("PRC", "China"),
        ("Czech Republic", "Czechia"),
        ("Türkiye", "Turkey"),
        ("turkiye", "Turkey"),
        ("Ivory Coast", "Côte d'Ivoire"),
        ("cote d'ivoire", "Côte d'Ivoire"),
        ("Vatican", "Holy See"),
        ("  (Japanese) ", "Japan"),
        ("AUSTRALIA", "Australia"),
        ("Frenchmen", "France"),
        ("Holland", "Netherlands"),
    ],
)
def test_country_lookup(gaz, text, expected):
    country = gaz.country(text)
    assert isinstance(country, Country)
    assert country.name == expected


def test_short_all_caps_aliases_are_case_sensitive(gaz):
    assert gaz.country("US").name == "United States"
    assert gaz.country("us") is None
    assert gaz.country("Us") is None
    assert gaz.country("uk") is None
    assert gaz.organisation("WHO").name == "World Health Organization"
    assert gaz.organisation("who") is None
    assert gaz.organisation("un") is None
    # longer acronyms and names are case-insensitive
    assert gaz.organisation("Nato").name == "NATO"
    assert gaz.country("japan").name == "Japan"


def test_is_case_sensitive():
    assert is_case_sensitive("US")
    assert is_case_sensitive("U.K.")
    assert is_case_sensitive("WHO")
    assert not is_case_sensitive("NATO")
    assert not is_case_sensitive("Peru")
    assert not is_case_sensitive("G7")


def test_capitals_resolve_only_through_country_by_capital(gaz):
    assert gaz.country("Canberra") is None
    assert gaz.country_by_capital("Canberra").name == "Australia"
    assert gaz.country_by_capital("Kyiv").name == "Ukraine"
    assert gaz.country_by_capital("Kiev").name == "Ukraine"
    assert gaz.country_by_capital("Washington, D.C.").name == "United States"
    assert gaz.country_by_capital("the Hague").name == "Netherlands"
    assert gaz.country_by_capital("Japan") is None
    assert gaz.country_by_capital("Atlantis") is None


def test_is_demonym(gaz):
    assert gaz.is_demonym("Japanese")
    assert gaz.is_demonym("Australians")
    assert gaz.is_demonym("french")
    assert not gaz.is_demonym("France")
    assert not gaz.is_demonym("Paris")
    assert not gaz.is_demonym("")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("North Atlantic Treaty Organization", "NATO"),
        ("North Atlantic Alliance", "NATO"),
        ("NATO's", "NATO"),
        ("U.N.", "United Nations"),
        ("the E.U.", "European Union"),
        ("UNSC", "UN Security Council"),
        ("ISIL", "Islamic State"),
        ("Daesh", "Islamic State"),
        ("al-Qaida", "al-Qaeda"),
        ("OPEC+", "OPEC+"),
        ("OPEC", "OPEC"),
        ("International Monetary Fund", "International Monetary Fund"),
    ],
)
def test_organisation_lookup(gaz, text, expected):
    org = gaz.organisation(text)
    assert isinstance(org, Organisation)
    assert org.name == expected


def test_organisation_kinds_and_head_titles(gaz):
    assert gaz.organisation("NATO").international
    assert gaz.organisation("NATO").head_title == "Secretary General"
    assert gaz.organisation("UN").head_title == "Secretary-General"
    assert gaz.organisation("European Commission").head_title == "President"
    assert not gaz.organisation("Hamas").international
    assert not gaz.organisation("Taliban").international
    assert gaz.organisation("Japan") is None


def test_organisations_for_noun(gaz):
    assert "NATO" in [org.name for org in gaz.organisations_for_noun("alliance")]
    assert "NATO" in [org.name for org in gaz.organisations_for_noun("the Alliance")]
    unions = {org.name for org in gaz.organisations_for_noun("union")}
    assert {"European Union", "African Union"} <= unions
    blocs = {org.name for org in gaz.organisations_for_noun("bloc")}
    assert {"European Union", "ASEAN", "BRICS"} <= blocs
    assert "UN Security Council" in {org.name for org in gaz.organisations_for_noun("council")}
    assert gaz.organisations_for_noun("teapot") == ()


def test_surface_forms(gaz):
    forms = list(gaz.surface_forms())
    assert ("U.S.", "country", "United States") in forms
    assert ("US", "country", "United States") in forms
    assert ("Japanese", "demonym", "Japan") in forms
    assert ("Tokyo", "capital", "Japan") in forms
    assert ("NATO", "international-organisation", "NATO") in forms
    assert ("Hamas", "organisation", "Hamas") in forms
    assert len(forms) == len(set(forms))
    by_text = {form.text: form for form in forms}
    assert by_text["US"].case_sensitive
    assert not by_text["United States"].case_sensitive
    text, kind, canonical = forms[0]  # plain 3-tuples for a phrase matcher
    assert isinstance(text, str) and isinstance(kind, str) and isinstance(canonical, str)


# -- loading errors -------------------------------------------------------------------


def _write(path, lines):
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


ORG_HEADER = "name\tfull_name\tkind\twikidata\taliases\tgeneric_nouns\thead_title"
COUNTRY_HEADER = "name\tiso2\tiso3\twikidata\tcapital\tdemonyms\taliases"


def test_load_custom_files(tmp_path):
    countries = _write(
        tmp_path / "c.tsv",
        ["# comment", COUNTRY_HEADER, "Freedonia\tFD\tFRD\tQ42\tFredville|Old Fred\tFreedonian\tFD Republic"],
    )
    orgs = _write(tmp_path / "o.tsv", [ORG_HEADER, "Pact\tThe Grand Pact\tother\t\tGP\tpact\t"])
    gaz = load_gazetteer(countries_path=countries, organisations_path=orgs)
    assert gaz.country("Freedonian").name == "Freedonia"
    assert gaz.country("FD Republic").iso3 == "FRD"
    assert gaz.country_by_capital("Old Fred").capital == "Fredville"
    org = gaz.organisation("GP")
    assert org.wikidata is None and org.head_title is None and not org.international


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("Freedonia\tF\tFRD\tQ42\tFredville\t\t", "bad ISO code"),
        ("Freedonia\tFD\tFRD\t42\tFredville\t\t", "bad Wikidata id"),
        ("Freedonia\tFD\tFRD\tQ42\tFredville", "expected 7"),
        ("Freedonia\tFD\tFRD\tQ42\t\t\t", "no capital"),
    ],
)
def test_bad_country_rows_name_file_and_line(tmp_path, row, message):
    countries = _write(tmp_path / "c.tsv", ["# comment", COUNTRY_HEADER, row])
    orgs = _write(tmp_path / "o.tsv", [ORG_HEADER])
    with pytest.raises(GazetteerError, match=rf"c\.tsv:3: {message}"):
        load_gazetteer(countries_path=countries, organisations_path=orgs)


def test_a_form_shared_by_two_countries_is_refused(tmp_path):
    countries = _write(
        tmp_path / "c.tsv",
        [COUNTRY_HEADER, "Aland\tAA\tAAA\tQ1\tA-town\tIslander\t", "Bland\tBB\tBBB\tQ2\tB-town\tIslander\t"],
    )
    orgs = _write(tmp_path / "o.tsv", [ORG_HEADER])
    with pytest.raises(GazetteerError, match="Islander"):
        load_gazetteer(countries_path=countries, organisations_path=orgs)

"""resolve_date: absolute dates, dates relative to the article date, and the tense rule."""

from __future__ import annotations

import datetime as dt

import pytest

from kgbuild.extract.time import DateRange, resolve_date

D = dt.date
THURSDAY = D(2023, 7, 13)  # the anchor for relative expressions


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("July 11, 2023", D(2023, 7, 11), D(2023, 7, 11)),
        ("11 July 2023", D(2023, 7, 11), D(2023, 7, 11)),
        ("2023-07-11", D(2023, 7, 11), D(2023, 7, 11)),
        ("on Tuesday, July 11, 2023", D(2023, 7, 11), D(2023, 7, 11)),
        ("Sept. 5, 2022", D(2022, 9, 5), D(2022, 9, 5)),
        ("the 3rd of March 2021", D(2021, 3, 3), D(2021, 3, 3)),
        ("July 11-12, 2023", D(2023, 7, 11), D(2023, 7, 12)),
        ("11–12 July 2023", D(2023, 7, 11), D(2023, 7, 12)),
        ("July 30 to August 2, 2023", D(2023, 7, 30), D(2023, 8, 2)),
        ("December 30 - January 2, 2024", D(2023, 12, 30), D(2024, 1, 2)),
        ("May 2023", D(2023, 5, 1), D(2023, 5, 31)),
        ("in February 2024", D(2024, 2, 1), D(2024, 2, 29)),
        ("in 2023", D(2023, 1, 1), D(2023, 12, 31)),
        ("late 2023", D(2023, 9, 1), D(2023, 12, 31)),
        ("mid-May 2022", D(2022, 5, 11), D(2022, 5, 20)),
    ],
)
def test_absolute_dates_need_no_anchor(text, start, end):
    assert resolve_date(text, anchor=None) == DateRange(start, end, text)
    assert resolve_date(text, anchor=THURSDAY) == DateRange(start, end, text)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("today", THURSDAY, THURSDAY),
        ("yesterday", D(2023, 7, 12), D(2023, 7, 12)),
        ("last night", D(2023, 7, 12), D(2023, 7, 12)),
        ("tomorrow", D(2023, 7, 14), D(2023, 7, 14)),
        ("this morning", THURSDAY, THURSDAY),
        ("this week", D(2023, 7, 10), D(2023, 7, 16)),
        ("last week", D(2023, 7, 3), D(2023, 7, 9)),
        ("next week", D(2023, 7, 17), D(2023, 7, 23)),
        ("the coming week", D(2023, 7, 14), D(2023, 7, 20)),
        ("in the coming week", D(2023, 7, 14), D(2023, 7, 20)),
        ("earlier this week", D(2023, 7, 10), THURSDAY),
        ("earlier this month", D(2023, 7, 1), THURSDAY),
        ("later this month", THURSDAY, D(2023, 7, 31)),
        ("earlier this year", D(2023, 1, 1), THURSDAY),
        ("last month", D(2023, 6, 1), D(2023, 6, 30)),
        ("next month", D(2023, 8, 1), D(2023, 8, 31)),
        ("last year", D(2022, 1, 1), D(2022, 12, 31)),
        ("next year", D(2024, 1, 1), D(2024, 12, 31)),
        ("early next year", D(2024, 1, 1), D(2024, 4, 30)),
        ("in May", D(2023, 5, 1), D(2023, 5, 31)),
        ("11-12 July", D(2023, 7, 11), D(2023, 7, 12)),
        ("July 20", D(2023, 7, 20), D(2023, 7, 20)),
        ("in early July", D(2023, 7, 1), D(2023, 7, 10)),
    ],
)
def test_relative_expressions_use_the_anchor(text, start, end):
    assert resolve_date(text, anchor=THURSDAY) == DateRange(start, end, text)
    assert resolve_date(text, anchor=None) is None


def test_month_end_rolls_over_the_year():
    assert resolve_date("next month", anchor=D(2023, 12, 5)) == DateRange(
        D(2024, 1, 1), D(2024, 1, 31), "next month"
    )
    assert resolve_date("last month", anchor=D(2024, 1, 5)).start == D(2023, 12, 1)


@pytest.mark.parametrize(
    ("text", "tense", "expected"),
    [
        # Without a tense: the nearest such day, at most three days away.
        ("on Tuesday", None, D(2023, 7, 11)),
        ("on Sunday", None, D(2023, 7, 16)),
        ("on Thursday", None, THURSDAY),
        ("on Tuesday", "past", D(2023, 7, 11)),
        ("on Tuesday", "future", D(2023, 7, 18)),
        ("on Sunday", "past", D(2023, 7, 9)),
        ("on Thursday", "past", THURSDAY),
        ("on Thursday", "future", THURSDAY),
        ("last Thursday", None, D(2023, 7, 6)),
        ("next Thursday", None, D(2023, 7, 20)),
        ("last Monday", "future", D(2023, 7, 10)),
        ("Tuesday evening", "past", D(2023, 7, 11)),
    ],
)
def test_weekdays(text, tense, expected):
    assert resolve_date(text, anchor=THURSDAY, tense=tense) == DateRange(expected, expected, text)


@pytest.mark.parametrize(
    ("text", "tense", "year"),
    [
        ("in May", "future", 2024),  # May is already past in July
        ("in May", "past", 2023),
        ("in September", "past", 2022),  # September has not come yet
        ("in September", "future", 2023),
        ("in July", "future", 2023),  # the anchor's own month stays
        ("July 11", "future", 2024),  # days compare as days
        ("July 11", "past", 2023),
        ("July 20", "past", 2022),
    ],
)
def test_tense_moves_a_yearless_date(text, tense, year):
    found = resolve_date(text, anchor=THURSDAY, tense=tense)
    assert found is not None and found.start.year == year


@pytest.mark.parametrize(
    "text", ["", "the 1990s", "recent years", "February 30, 2023", "soon", "early July 11"]
)
def test_unresolvable(text):
    assert resolve_date(text, anchor=THURSDAY) is None


def test_text_is_kept_as_given():
    assert resolve_date("  on Tuesday ", anchor=THURSDAY).text == "on Tuesday"

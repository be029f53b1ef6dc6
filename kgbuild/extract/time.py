"""Resolve what a news article says about time into a date range.

:func:`resolve_date` takes the text of one date expression (typically a spaCy
``DATE`` entity) and returns a :class:`DateRange`, or ``None`` when it cannot
say which days are meant. Pure functions; no spaCy needed.

Rules (``anchor`` is the article's publication date):

* Absolute dates resolve without an anchor: ``"July 11, 2023"``,
  ``"11 July 2023"``, ``"2023-07-11"``, ``"July 11-12, 2023"``,
  ``"July 30 to August 2, 2023"``, ``"May 2023"``, ``"in 2023"``.
* A day or month without a year takes the anchor's year. With
  ``tense="future"`` a date (or, for a bare month, a month) already before the
  anchor moves to the next year; with ``tense="past"`` one after the anchor
  moves to the previous year. Without an anchor they return ``None``.
* A weekday (``"on Tuesday"``) is the nearest such day to the anchor, at most
  three days before or after it (the anchor itself when it is that day).
  ``tense="past"`` takes the most recent one on or before the anchor,
  ``tense="future"`` the first one on or after it. ``"last Tuesday"`` is
  strictly before the anchor, ``"next Tuesday"`` strictly after it.
* Weeks are calendar weeks, Monday to Sunday: ``"this week"``,
  ``"last week"``, ``"next week"``; ``"the coming week"`` is the seven days
  after the anchor and ``"the past week"`` the seven days before it.
* ``"earlier this week/month/year"`` runs from the start of the period to the
  anchor; ``"later this ..."`` from the anchor to the end of the period.
* ``"early"``, ``"mid-"`` and ``"late"`` before a month take days 1-10,
  11-20 and 21 to the end; before a year, January-April, May-August and
  September-December.
* Relative expressions (``"today"``, ``"last month"``, ...) need an anchor;
  without one they return ``None``.

>>> resolve_date("July 11-12, 2023", anchor=None)
DateRange(start=datetime.date(2023, 7, 11), end=datetime.date(2023, 7, 12), text='July 11-12, 2023')
>>> resolve_date("last week", anchor=dt.date(2023, 7, 12)).start
datetime.date(2023, 7, 3)
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

__all__ = ["DateRange", "Tense", "resolve_date"]

Tense = Literal["past", "future"]


@dataclass(frozen=True)
class DateRange:
    """The days a date expression covers, both ends included."""

    start: dt.date
    end: dt.date
    text: str


# English names spelt out: calendar.month_name follows the locale.
_MONTH_NAMES = (
    "january february march april may june july august september october november december"
).split()
_MONTHS: dict[str, int] = {
    **{name: number for number, name in enumerate(_MONTH_NAMES, start=1)},
    **{name[:3]: number for number, name in enumerate(_MONTH_NAMES, start=1)},
    "sept": 9,
}
_WEEKDAY_NAMES = "monday tuesday wednesday thursday friday saturday sunday".split()
_WEEKDAYS: dict[str, int] = {name: number for number, name in enumerate(_WEEKDAY_NAMES)}

# Longest names first, so "june" is not read as "jun" + "e".
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_WEEKDAY = "|".join(_WEEKDAYS)
_DAY = r"\d{1,2}"
_YEAR = r"[12]\d{3}"  # years 1000-2999: a bare "0000" is no date
_TO = r"\s?(?:-|to|and|until|through)\s?"


def _month(group: str) -> str:
    return rf"(?P<{group}>{_MONTH})"


def _group(name: str, pattern: str) -> str:
    return rf"(?P<{name}>{pattern})"


# Absolute patterns over the normalised text (lower case, no commas or dots).
# Groups: d1/m1 the first day and month, d2/m2 the last, y the year.
_ABSOLUTE: tuple[re.Pattern[str], ...] = tuple(
    re.compile(pattern)
    for pattern in (
        # "july 11 2023", "july 11-12 2023", "july 30 to august 2 2023", "july 11"
        rf"{_month('m1')} {_group('d1', _DAY)}"
        rf"(?:{_TO}(?:{_month('m2')} )?{_group('d2', _DAY)})?(?: {_group('y', _YEAR)})?",
        # "11 july 2023", "11-12 july 2023", "30 july to 2 august 2023", "11 july"
        rf"{_group('d1', _DAY)}(?: {_month('m1')})?{_TO}{_group('d2', _DAY)} {_month('m2')}"
        rf"(?: {_group('y', _YEAR)})?",
        rf"{_group('d1', _DAY)} (?:of )?{_month('m1')}(?: {_group('y', _YEAR)})?",
        # "may 2023", "may", "july to august 2023"
        rf"{_month('m1')}(?:{_TO}{_month('m2')})?(?: (?:of )?{_group('y', _YEAR)})?",
        # "2023"
        _group("y", _YEAR),
    )
)
_ISO = re.compile(r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})")

_PART = re.compile(r"(?P<part>early|mid|late)(?:-| )")
_LEADING = re.compile(r"^(?:(?:on|in|during|at|of)\s+)?(?:the\s+(?=\d))?")
_PART_OF_DAY = re.compile(r"\s+(?:morning|afternoon|evening|night)$")
_WEEKDAY_PREFIX = re.compile(rf"^(?:{_WEEKDAY})\s+(?=\S*(?:\d|{_MONTH}))")
_ORDINAL = re.compile(r"(\d)(?:st|nd|rd|th)\b")
_DASHES = re.compile(r"\s*[-\u2010-\u2015]\s*")
_RELATIVE_WEEKDAY = re.compile(rf"(?:(?P<which>last|next|this|past|coming) )?(?P<day>{_WEEKDAY})")
_PERIOD_PHRASE = re.compile(
    r"(?P<phrase>this|last|next|earlier this|later this|the previous|the following|"
    r"the coming|the past) (?P<unit>week|weekend|month|year)"
)


def resolve_date(
    text: str, *, anchor: dt.date | None, tense: Tense | None = None
) -> DateRange | None:
    """The days ``text`` refers to, or ``None``; see the module docstring for the rules.

    >>> resolve_date("on Tuesday", anchor=dt.date(2023, 7, 13), tense="past").start
    datetime.date(2023, 7, 11)
    >>> resolve_date("in May", anchor=None) is None
    True
    """
    clean = text.strip()
    s = _normalise(clean)
    if not s:
        return None
    part = _PART.match(s)
    if part:
        s = s[part.end() :]
    found = _absolute(s, anchor=anchor, tense=tense)
    if found is None and anchor is not None:
        found = _relative(s, anchor=anchor, tense=tense)
    if found is None:
        return None
    if part:
        found = _narrow(found, part["part"])
        if found is None:
            return None
    start, end = found
    return DateRange(start=start, end=end, text=clean)


def _narrow(days: tuple[dt.date, dt.date], part: str) -> tuple[dt.date, dt.date] | None:
    """The early, mid or late third of a whole month or a whole year; else ``None``."""
    start, end = days
    third = ("early", "mid", "late").index(part)
    if start.day == 1 and end == _month_end(start.year, start.month) and start.month == end.month:
        first = start.replace(day=1 + 10 * third)
        return first, (end if third == 2 else first + dt.timedelta(days=9))
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        first = start.replace(month=1 + 4 * third)
        return first, _month_end(end.year, first.month + 3)
    return None


@lru_cache(maxsize=4096)
def _normalise(text: str) -> str:
    """``text`` lower-cased, its punctuation, dashes, ordinals and leading words cut.

    Memoised: the same dates ("Monday", "last week") come back in article after article, and
    the regular expressions (``_DASHES`` is tried at every position) cost more than a look-up
    (the result depends on ``text`` only: the memo changes no answer)."""
    s = text.lower().replace(",", " ").replace(".", " ")
    s = _DASHES.sub("-", s)
    s = _ORDINAL.sub(r"\1", s)
    s = " ".join(s.split())
    s = _LEADING.sub("", s)
    if s not in _FIXED_DAYS:  # "this morning" is a day, "tuesday morning" the day
        s = _PART_OF_DAY.sub("", s)
    return _WEEKDAY_PREFIX.sub("", s)


def _absolute(
    s: str, *, anchor: dt.date | None, tense: Tense | None
) -> tuple[dt.date, dt.date] | None:
    iso = _ISO.fullmatch(s)
    if iso:
        day = _safe_date(int(iso["y"]), int(iso["m"]), int(iso["d"]))
        return (day, day) if day else None
    for pattern in _ABSOLUTE:
        match = pattern.fullmatch(s)
        if match:
            return _from_groups(match.groupdict(), anchor=anchor, tense=tense)
    return None


def _from_groups(
    groups: dict[str, str | None], *, anchor: dt.date | None, tense: Tense | None
) -> tuple[dt.date, dt.date] | None:
    if groups.get("m1") is None and groups.get("m2") is None:
        year = int(groups["y"])  # a bare year
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    m2 = _MONTHS[groups.get("m2") or groups["m1"]]  # type: ignore[index]
    m1 = _MONTHS[groups["m1"]] if groups.get("m1") else m2
    d1 = int(groups["d1"]) if groups.get("d1") else None
    d2 = int(groups["d2"]) if groups.get("d2") else d1
    if groups.get("y"):
        year = int(groups["y"])  # type: ignore[arg-type]
    elif anchor is None:
        return None
    else:
        year = _infer_year(m1, d1, anchor=anchor, tense=tense)
    end_year = year
    if (m1, d1 or 1) > (m2, d2 or 1):  # "December 30 to January 2"
        if groups.get("y"):
            year -= 1
        else:
            end_year += 1
    if d1 is None:
        return dt.date(year, m1, 1), _month_end(end_year, m2)
    start = _safe_date(year, m1, d1)
    end = _safe_date(end_year, m2, d2)  # type: ignore[arg-type]
    if start is None or end is None:
        return None
    return start, end


def _infer_year(month: int, day: int | None, *, anchor: dt.date, tense: Tense | None) -> int:
    """The anchor's year, moved by one when the tense says the date is on the other side."""
    here = (month, day) if day is not None else (month,)
    now = (anchor.month, anchor.day) if day is not None else (anchor.month,)
    if tense == "future" and here < now:
        return anchor.year + 1
    if tense == "past" and here > now:
        return anchor.year - 1
    return anchor.year


def _relative(s: str, *, anchor: dt.date, tense: Tense | None) -> tuple[dt.date, dt.date] | None:
    fixed = _FIXED_DAYS.get(s)
    if fixed is not None:
        day = anchor + dt.timedelta(days=fixed)
        return day, day
    match = _RELATIVE_WEEKDAY.fullmatch(s)
    if match:
        day = _weekday(_WEEKDAYS[match["day"]], which=match["which"], anchor=anchor, tense=tense)
        return day, day
    match = _PERIOD_PHRASE.fullmatch(s)
    if match:
        resolve = _PERIODS.get((match["phrase"], match["unit"]))
        return resolve(anchor) if resolve else None
    return None


_FIXED_DAYS: dict[str, int] = {
    "today": 0,
    "tonight": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "yesterday": -1,
    "last night": -1,
    "tomorrow": 1,
}


def _weekday(target: int, *, which: str | None, anchor: dt.date, tense: Tense | None) -> dt.date:
    ahead = (target - anchor.weekday()) % 7  # days to the first one on or after the anchor
    behind = (anchor.weekday() - target) % 7  # days to the last one on or before it
    if which in ("last", "past"):
        return anchor - dt.timedelta(days=behind or 7)
    if which in ("next", "coming"):
        return anchor + dt.timedelta(days=ahead or 7)
    if tense == "past":
        return anchor - dt.timedelta(days=behind)
    if tense == "future":
        return anchor + dt.timedelta(days=ahead)
    return anchor + dt.timedelta(days=ahead) if ahead <= 3 else anchor - dt.timedelta(days=behind)


def _week(anchor: dt.date, offset: int) -> tuple[dt.date, dt.date]:
    monday = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(weeks=offset)
    return monday, monday + dt.timedelta(days=6)


def _weekend(anchor: dt.date, offset: int) -> tuple[dt.date, dt.date]:
    _, sunday = _week(anchor, offset)
    return sunday - dt.timedelta(days=1), sunday


def _month_range(anchor: dt.date, offset: int) -> tuple[dt.date, dt.date]:
    index = anchor.year * 12 + anchor.month - 1 + offset
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, 1), _month_end(year, month + 1)


def _year_range(anchor: dt.date, offset: int) -> tuple[dt.date, dt.date]:
    year = anchor.year + offset
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


_Period = Callable[[dt.date, int], tuple[dt.date, dt.date]]


def _earlier(period: _Period) -> Callable[[dt.date], tuple[dt.date, dt.date]]:
    return lambda anchor: (period(anchor, 0)[0], anchor)


def _later(period: _Period) -> Callable[[dt.date], tuple[dt.date, dt.date]]:
    return lambda anchor: (anchor, period(anchor, 0)[1])


_UNITS = {"week": _week, "weekend": _weekend, "month": _month_range, "year": _year_range}
_OFFSETS = {
    "this": 0,
    "last": -1,
    "the previous": -1,
    "next": 1,
    "the following": 1,
}

_PERIODS: dict[tuple[str, str], Callable[[dt.date], tuple[dt.date, dt.date]]] = {
    **{
        (phrase, unit): (lambda anchor, p=period, o=offset: p(anchor, o))
        for phrase, offset in _OFFSETS.items()
        for unit, period in _UNITS.items()
    },
    **{("earlier this", unit): _earlier(period) for unit, period in _UNITS.items()},
    **{("later this", unit): _later(period) for unit, period in _UNITS.items()},
    ("the coming", "week"): lambda a: (a + dt.timedelta(days=1), a + dt.timedelta(days=7)),
    ("the past", "week"): lambda a: (a - dt.timedelta(days=7), a - dt.timedelta(days=1)),
}


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None

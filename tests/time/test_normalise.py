"""Date phrases as news writes them, normalised against a publication date.

Publication date of every case: Tuesday 23 June 2015 (the seed article's dateline).
Each row: phrase, expected start, expected end, precision, basis.
"""

from __future__ import annotations

import datetime as dt

import pytest

from newsgraph.models import TimeSpan
from newsgraph.time import normalise, publication_span
from newsgraph.time.normalise import shifted

PUBLISHED = dt.date(2015, 6, 23)
D = dt.date

CASES = [
    # Absolute: years, months, days.
    ("In 2001", D(2001, 1, 1), D(2001, 12, 31), "year", "explicit"),
    ("2011", D(2011, 1, 1), D(2011, 12, 31), "year", "explicit"),
    ("in 1995", D(1995, 1, 1), D(1995, 12, 31), "year", "explicit"),
    ("May 2013", D(2013, 5, 1), D(2013, 5, 31), "month", "explicit"),
    ("In May 2013", D(2013, 5, 1), D(2013, 5, 31), "month", "explicit"),
    ("in March 2011", D(2011, 3, 1), D(2011, 3, 31), "month", "explicit"),
    ("Sept 2019", D(2019, 9, 1), D(2019, 9, 30), "month", "explicit"),
    ("June 23, 2015", D(2015, 6, 23), D(2015, 6, 23), "day", "explicit"),
    ("13 November 2001", D(2001, 11, 13), D(2001, 11, 13), "day", "explicit"),
    ("November 13, 2001", D(2001, 11, 13), D(2001, 11, 13), "day", "explicit"),
    ("Nov. 13, 2001", D(2001, 11, 13), D(2001, 11, 13), "day", "explicit"),
    ("on 7 October 2001", D(2001, 10, 7), D(2001, 10, 7), "day", "explicit"),
    ("29 February 2020", D(2020, 2, 29), D(2020, 2, 29), "day", "explicit"),
    ("Saturday, 14 October 2017", D(2017, 10, 14), D(2017, 10, 14), "day", "explicit"),
    # Parts of years, seasons, decades.
    ("late 2014", D(2014, 9, 1), D(2014, 12, 31), "year", "explicit"),
    ("early 2020", D(2020, 1, 1), D(2020, 4, 30), "year", "explicit"),
    ("mid-2010", D(2010, 5, 1), D(2010, 8, 31), "year", "explicit"),
    ("summer of 2014", D(2014, 6, 1), D(2014, 8, 31), "season", "explicit"),
    ("spring 2015", D(2015, 3, 1), D(2015, 5, 31), "season", "explicit"),
    ("the winter of 2001", D(2001, 12, 1), D(2002, 2, 28), "season", "explicit"),
    ("in the 1990s", D(1990, 1, 1), D(1999, 12, 31), "decade", "explicit"),
    ("the 1980s", D(1980, 1, 1), D(1989, 12, 31), "decade", "explicit"),
    ("the early 2000s", D(2000, 1, 1), D(2003, 12, 31), "decade", "explicit"),
    ("the late 1990s", D(1996, 1, 1), D(1999, 12, 31), "decade", "explicit"),
    ("the 90s", D(1990, 1, 1), D(1999, 12, 31), "decade", "explicit"),
    ("in the late ’70s", D(1976, 1, 1), D(1979, 12, 31), "decade", "explicit"),
    ("the 20s", D(1920, 1, 1), D(1929, 12, 31), "decade", "explicit"),
    ("the 10s", D(2010, 1, 1), D(2019, 12, 31), "decade", "explicit"),
    ("many months in 2013", D(2013, 1, 1), D(2013, 12, 31), "year", "explicit"),
    # Ranges.
    ("from 2002 to 2005", D(2002, 1, 1), D(2005, 12, 31), "year", "explicit"),
    ("From 2002 to 2005", D(2002, 1, 1), D(2005, 12, 31), "year", "explicit"),
    ("between 1996 and 2001", D(1996, 1, 1), D(2001, 12, 31), "year", "explicit"),
    ("between 2011 and 2013", D(2011, 1, 1), D(2013, 12, 31), "year", "explicit"),
    ("2002-2005", D(2002, 1, 1), D(2005, 12, 31), "year", "explicit"),
    ("1996–2001", D(1996, 1, 1), D(2001, 12, 31), "year", "explicit"),
    ("2014/15", D(2014, 1, 1), D(2015, 12, 31), "year", "explicit"),
    ("from 1979 until 1989", D(1979, 1, 1), D(1989, 12, 31), "year", "explicit"),
    ("from March to June 2014", D(2014, 3, 1), D(2014, 6, 30), "month", "explicit"),
    ("from January 2002 to March 2005", D(2002, 1, 1), D(2005, 3, 31), "month", "explicit"),
    # Relative to the publication date.
    ("last week", D(2015, 6, 15), D(2015, 6, 21), "week", "relative"),
    ("this week", D(2015, 6, 22), D(2015, 6, 28), "week", "relative"),
    ("next week", D(2015, 6, 29), D(2015, 7, 5), "week", "relative"),
    ("earlier this week", D(2015, 6, 22), D(2015, 6, 28), "week", "relative"),
    ("yesterday", D(2015, 6, 22), D(2015, 6, 22), "day", "relative"),
    ("tomorrow", D(2015, 6, 24), D(2015, 6, 24), "day", "relative"),
    ("on Monday", D(2015, 6, 22), D(2015, 6, 22), "day", "relative"),
    ("Monday", D(2015, 6, 22), D(2015, 6, 22), "day", "relative"),
    ("last Sunday", D(2015, 6, 21), D(2015, 6, 21), "day", "relative"),
    ("on Friday night", D(2015, 6, 19), D(2015, 6, 19), "day", "relative"),
    ("early on Saturday", D(2015, 6, 20), D(2015, 6, 20), "day", "relative"),
    ("Saturday morning", D(2015, 6, 20), D(2015, 6, 20), "day", "relative"),
    ("three days ago", D(2015, 6, 20), D(2015, 6, 20), "day", "relative"),
    ("last month", D(2015, 5, 1), D(2015, 5, 31), "month", "relative"),
    ("this month", D(2015, 6, 1), D(2015, 6, 30), "month", "relative"),
    ("next month", D(2015, 7, 1), D(2015, 7, 31), "month", "relative"),
    ("earlier this month", D(2015, 6, 1), D(2015, 6, 30), "month", "relative"),
    ("in January", D(2015, 1, 1), D(2015, 1, 31), "month", "relative"),
    ("earlier this year", D(2015, 1, 1), D(2015, 6, 23), "year", "relative"),
    ("last year", D(2014, 1, 1), D(2014, 12, 31), "year", "relative"),
    ("next year", D(2016, 1, 1), D(2016, 12, 31), "year", "relative"),
    ("two years ago", D(2013, 1, 1), D(2013, 12, 31), "year", "relative"),
    ("2 years ago", D(2013, 1, 1), D(2013, 12, 31), "year", "relative"),
    ("11 months ago", D(2014, 7, 1), D(2014, 7, 31), "month", "relative"),
    ("three weeks ago", D(2015, 6, 1), D(2015, 6, 7), "week", "relative"),
    ("four years ago", D(2011, 1, 1), D(2011, 12, 31), "year", "relative"),
    ("a decade ago", D(2005, 1, 1), D(2005, 12, 31), "year", "relative"),
    ("last autumn", D(2014, 9, 1), D(2014, 11, 30), "season", "relative"),
    ("the past decade", D(2005, 1, 1), D(2015, 6, 23), "decade", "relative"),
    ("late last year", D(2014, 9, 1), D(2014, 12, 31), "year", "relative"),
    ("early this year", D(2015, 1, 1), D(2015, 4, 30), "year", "relative"),
    ("the end of next year", D(2016, 9, 1), D(2016, 12, 31), "year", "relative"),
    ("mid-last year", D(2014, 5, 1), D(2014, 8, 31), "year", "relative"),
    ("August last year", D(2014, 8, 1), D(2014, 8, 31), "month", "relative"),
    ("in March this year", D(2015, 3, 1), D(2015, 3, 31), "month", "relative"),
    # Stretches up to the publication date.
    ("over the past 18 months", D(2013, 12, 1), D(2015, 6, 23), "month", "relative"),
    ("the past few months", D(2015, 3, 1), D(2015, 6, 23), "month", "relative"),
    ("the last two years", D(2013, 1, 1), D(2015, 6, 23), "year", "relative"),
    ("the past two decades", D(1995, 1, 1), D(2015, 6, 23), "decade", "relative"),
    ("the past three weeks", D(2015, 6, 2), D(2015, 6, 23), "week", "relative"),
    ("in the last 10 days", D(2015, 6, 13), D(2015, 6, 23), "day", "relative"),
    ("over the past year", D(2014, 1, 1), D(2015, 6, 23), "year", "relative"),
    ("the past month", D(2015, 5, 1), D(2015, 6, 23), "month", "relative"),
]


@pytest.mark.parametrize(("phrase", "start", "end", "precision", "basis"), CASES)
def test_normalise(phrase: str, start: dt.date, end: dt.date, precision: str, basis: str) -> None:
    span = normalise(phrase, PUBLISHED)
    assert span is not None, phrase
    assert (span.start, span.end, span.precision, span.basis) == (start, end, precision, basis)
    assert span.text == phrase


def test_at_least_sixty_phrases() -> None:
    assert len(CASES) >= 60


@pytest.mark.parametrize(
    "phrase",
    ["recent years", "dozens", "the same day", "decades", "now", "53", "27", "this century", "last century", "20s",
     "late 30s"],
)
def test_phrases_that_place_nothing(phrase: str) -> None:
    assert normalise(phrase, PUBLISHED) is None


def test_relative_phrase_without_publication_date() -> None:
    assert normalise("last week", None) is None
    assert normalise("In 2001", None) is not None


def test_publication_span() -> None:
    span = publication_span(PUBLISHED)
    assert (span.start, span.end, span.precision, span.basis) == (PUBLISHED, PUBLISHED, "day", "publication")
    assert publication_span(None).basis == "unknown"


@pytest.mark.parametrize(
    ("phrase", "published", "start", "end"),
    [
        ("last December", D(2019, 2, 4), D(2018, 12, 1), D(2018, 12, 31)),
        ("last September", D(2018, 4, 10), D(2017, 9, 1), D(2017, 9, 30)),
        ("this March", D(2018, 4, 10), D(2018, 3, 1), D(2018, 3, 31)),
        ("next January", D(2018, 4, 10), D(2019, 1, 1), D(2019, 1, 31)),
        ("nearly two years ago", D(2019, 1, 10), D(2017, 1, 1), D(2017, 12, 31)),
    ],
)
def test_relative_to_other_publication_dates(phrase: str, published: dt.date, start: dt.date, end: dt.date) -> None:
    span = normalise(phrase, published)
    assert span is not None and (span.start, span.end) == (start, end)


@pytest.mark.parametrize(
    "phrase",
    ["four years", "two weeks", "several months", "a decade", "more than eighteen years", "twenty-five years",
     "the 12 days", "the two weeks", "three days of talks"],
)
def test_durations_are_no_dates(phrase: str) -> None:
    # "after more than eighteen years of war" once became 18 years back, or ahead in a future clause
    assert normalise(phrase, PUBLISHED) is None
    assert normalise(phrase, PUBLISHED, future=True) is None


@pytest.mark.parametrize(
    ("phrase", "future", "start", "end"),
    [
        # 23 June 2015 is a Tuesday
        ("on Tuesday", False, D(2015, 6, 23), D(2015, 6, 23)),
        ("earlier on Tuesday", False, D(2015, 6, 23), D(2015, 6, 23)),
        ("Saturday", False, D(2015, 6, 20), D(2015, 6, 20)),
        ("Saturday", True, D(2015, 6, 27), D(2015, 6, 27)),
        ("Sunday's", False, D(2015, 6, 21), D(2015, 6, 21)),
        ("in October", True, D(2015, 10, 1), D(2015, 10, 31)),
        ("the weekend", False, D(2015, 6, 20), D(2015, 6, 21)),
        ("this weekend", False, D(2015, 6, 27), D(2015, 6, 28)),
        ("earlier in the week", False, D(2015, 6, 22), D(2015, 6, 28)),
        ("since 2014", False, D(2014, 1, 1), PUBLISHED),
        ("since March", False, D(2015, 3, 1), PUBLISHED),
        ("this decade", False, D(2010, 1, 1), D(2019, 12, 31)),
        ("the next decade", False, PUBLISHED, D(2025, 6, 23)),
    ],
)
def test_weekdays_weekends_and_since(phrase: str, future: bool, start: dt.date, end: dt.date) -> None:
    span = normalise(phrase, PUBLISHED, future)
    assert span is not None and (span.start, span.end) == (start, end)


@pytest.mark.parametrize(
    ("phrase", "anchor", "start", "end", "precision"),
    [
        ("six months later", "in January", D(2015, 6, 1), PUBLISHED, "month"),  # never past publication
        ("a year later", "in 2011", D(2012, 1, 1), D(2012, 12, 31), "year"),
        ("three days later", "13 November 2001", D(2001, 11, 16), D(2001, 11, 16), "day"),
        ("ten days earlier", "31 August 2013", D(2013, 8, 21), D(2013, 8, 21), "day"),
        ("two years before", "in 2015", D(2013, 1, 1), D(2013, 12, 31), "year"),
        ("the previous year", "In 2014", D(2013, 1, 1), D(2013, 12, 31), "year"),
        ("in the previous year", "In 2014", D(2013, 1, 1), D(2013, 12, 31), "year"),
        ("the previous year's", "In 2014", D(2013, 1, 1), D(2013, 12, 31), "year"),
        ("since the previous year", "In 2012", D(2011, 1, 1), PUBLISHED, "year"),  # up to now
        ("the previous month", "last month", D(2015, 4, 1), D(2015, 4, 30), "month"),
        ("the following year", "in 2009", D(2010, 1, 1), D(2010, 12, 31), "year"),
        ("More than a year later", "October 2013", D(2014, 1, 1), D(2014, 12, 31), "year"),
    ],
)
def test_a_shift_counts_from_the_date_told_before(
    phrase: str, anchor: str, start: dt.date, end: dt.date, precision: str
) -> None:
    # "six months later" after "in January" is July, not six months after publication
    assert normalise(phrase, PUBLISHED) is None
    told = normalise(anchor, PUBLISHED)
    assert told is not None
    span = shifted(phrase, told, PUBLISHED)
    assert span is not None and (span.start, span.end, span.precision) == (start, end, precision)


def test_a_shift_from_publication_looks_only_back() -> None:
    assert shifted("six months later", publication_span(PUBLISHED), PUBLISHED) is None
    span = shifted("the previous year", publication_span(PUBLISHED), PUBLISHED)
    assert span is not None and span.start == D(2014, 1, 1)


@pytest.mark.parametrize("phrase", ["months later", "last year", "the next day", "in 2014"])
def test_other_phrases_are_no_shift(phrase: str) -> None:
    assert shifted(phrase, TimeSpan(D(2014, 1, 1), D(2014, 12, 31), "year", "2014", "explicit"), PUBLISHED) is None


def test_the_next_decade_runs_ten_years_to_the_day() -> None:
    # published on the 31st, the decade ends on the 31st ten years on, not on the 28th
    span = normalise("the next decade", D(2019, 1, 31))
    assert span is not None and (span.start, span.end) == (D(2019, 1, 31), D(2029, 1, 31))

"""Date phrases normalised against the publication date.

``normalise`` turns one date phrase into a TimeSpan: dateparser does full and relative dates
("13 November 2001", "last week", "two years ago", "on Monday"); what it does not model (years
alone, decades, seasons, ranges, "earlier this year", stretches up to publication) is handled
here.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache
from typing import Any

import dateparser

from newsgraph.errors import KnowledgeBaseError
from newsgraph.models import TimeSpan

# A year of the last two centuries, as a regex group.
YEAR = r"(1[89]\d\d|20\d\d)"
_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name} | {
    name.lower(): i for i, name in enumerate(calendar.month_abbr) if name
} | {"sept": 9}
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}
_RANGE = re.compile(
    rf"(?:from|between)?\s*(?:(?P<m1>[a-z]+)\s+)?{YEAR}\s*(?:to|and|until|till|through|-|–|—|/)\s*"
    rf"(?:(?P<m2>[a-z]+)\s+)?(?P<y2>1[89]\d\d|20\d\d|\d\d)\b"
)
_MONTH_RANGE = re.compile(
    rf"(?:from|between)?\s*(?P<m1>[a-z]+)\s*(?:to|and|until|till|through|-|–|—)\s*(?P<m2>[a-z]+)\s+{YEAR}$"
)
_PART_OF_YEAR = re.compile(rf"^(?P<part>early|mid|late)[- ]?(?:in\s+)?{YEAR}$")
_RELATIVE_MONTH = re.compile(r"^(?P<rel>last|this|next|past)\s+(?P<month>[a-z]+)\.?$")
_RELATIVE_SEASON = re.compile(r"^(?P<rel>last|this|next|past)\s+(?P<season>spring|summer|autumn|fall|winter)$")
# "the past decade", "the last two years", "over the past 18 months": a stretch up to publication
_PAST_SPAN = re.compile(
    r"^(?:the\s+)?(?:past|last|previous)\s+(?P<n>\w+\s+)?(?P<unit>decades?|years|months|weeks|days)$"
)
_TIME_OF_DAY = re.compile(r"^(?:early|late)\s+(?:on\s+)?|\s+(?:morning|afternoon|evening|night)$")
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
            "ten": 10, "several": 3, "few": 3}
_DECADE = re.compile(r"(?:the\s+)?(?:(?P<part>early|mid|late)[- ])?(?P<decade>(?:1[89]|20)\d0)'?s\b")
# "the 90s", "the late '80s": the last such decade before publication ("in his 20s", bare, is an age)
_SHORT_DECADE = re.compile(r"^(?P<head>the\s+(?:(?:early|mid|late)[- ])?|')'?(?P<decade>\d0)'?s$")
_AGE = re.compile(r"^(?:early|mid|late)?[- ]?\d0s$")
_SEASON = re.compile(rf"(?P<season>spring|summer|autumn|fall|winter)\s+(?:of\s+)?{YEAR}")
_MONTH_YEAR = re.compile(rf"^(?:in\s+|early\s+|late\s+|mid-?)?(?P<month>[a-z]+)\.?,?\s+{YEAR}$")
_YEAR_ONLY = re.compile(rf"^(?:in\s+|the\s+year\s+|since\s+|by\s+|early\s+|late\s+|mid-?)?{YEAR}$")
# "late last year", "the end of this year", "August last year": a part or a month of a year named
# relative to publication
_YEAR_SHIFTS = {"last": -1, "previous": -1, "this": 0, "next": 1}
_PART_OF_RELATIVE_YEAR = re.compile(
    r"^(?:the\s+)?(?P<part>early|mid|late|start|beginning|middle|end)(?:\s+of)?[- ]?\s*"
    r"(?P<rel>last|this|next|previous)\s+year$"
)
_PARTS = {"early": (1, 4), "start": (1, 4), "beginning": (1, 4), "mid": (5, 8), "middle": (5, 8),
          "late": (9, 12), "end": (9, 12)}
_MONTH_OF_RELATIVE_YEAR = re.compile(r"^(?P<month>[a-z]+)\.?\s+(?:of\s+)?(?P<rel>last|this|next|previous)\s+year$")
# "the past year", "over the past month": the stretch up to publication, not the calendar unit before
_PAST_UNIT = re.compile(r"^(?:over\s+)?the\s+(?:past|last)\s+(?P<unit>year|month)$")
_THIS_YEAR = re.compile(r"\b(?P<rel>earlier|later|this|last|next|previous|past)\s+(?:this\s+)?year\b")
_THIS_MONTH = re.compile(r"\b(?P<rel>earlier this|later this|this|last|next|previous|past)\s+month\b")
_THIS_WEEK = re.compile(r"\b(?P<rel>earlier this|later this|this|last|next|previous|past)\s+week\b")
_WEEKDAY = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b")
_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
# "on Thursday", "earlier on Thursday", "Thursday evening": the nearest such day, not a named week
_BARE_WEEKDAY = re.compile(
    r"^(?:(?:early|late|earlier|later)\s+(?:on\s+)?)?(?P<day>[a-z]+)(?:\s+(?:morning|afternoon|evening|night))?$"
)
_WEEKEND = re.compile(r"^(?P<rel>last|this|next|the|over the|at the)\s+weekend$")
_IN_THE_WEEK = re.compile(r"^(?:earlier|later)\s+in\s+the\s+week$")
# "53" (an age), "27": numbers the NER model tags as dates that place nothing
_BARE_NUMBER = re.compile(r"^\d{1,3}$")
_NOT_DATES = re.compile(
    r"^(?:recent|years?|decades?|months?|weeks?|days?|now|today's|the past|the future|once|annual"
    r"|daily|weekly|monthly|(?:the\s+)?(?:this|last|next|past|coming)\s+century)$"
)
# "this decade", "the next decade": dateparser reads them as ten years back
_THIS_DECADE = re.compile(r"^(?:the\s+)?(?P<rel>this|next|coming)\s+decade$")
# "nearly two years ago": the approximation does not move the year
_APPROXIMATELY = re.compile(
    r"^(?:nearly|almost|about|around|some|roughly|approximately|more than|over|less than|just)\s+"
)
# "four years", "the past few months": a length of time, not a point in it
_UNITS_WORD = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_NUMBER_WORD = (
    r"(?:a|an|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|several|few|many"
    r"|" + _UNITS_WORD + r"|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ]" + _UNITS_WORD + r")?"
    r"|(?:a\s+)?hundred|\d+)"
)
_DURATION = re.compile(r"^(?:the\s+)?" + _NUMBER_WORD + r"\s+(?:years?|months?|weeks?|days?|decades?|hours?)$")
# "many months in 2015", "several weeks of 2016": a stretch inside a time, which dates it
_DURATION_IN = re.compile(r"^" + _NUMBER_WORD + r"\s+(?:years?|months?|weeks?|days?)\s+(?:in|of|during)\s+(?=\S)")
# "six months later", "two years before", "the previous month": a shift from the time the story has
# reached, not from the publication date (``shifted``)
_SHIFT = re.compile(
    r"^(?:(?P<n>" + _NUMBER_WORD + r")\s+(?P<unit>year|month|week|day)s?\s+(?P<dir>later|after|earlier|before)"
    r"|the\s+(?P<rel>following|previous|preceding)\s+(?P<unit1>year|month|week|day))$"
)
# How many years back a length of time may reach and still date an event.
MAX_YEARS_BACK = 200
_SETTINGS: dict[str, object] = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}


def table_date(value: Any, where: str, last: bool = False) -> tuple[dt.date, str]:
    """A date a bundled table gives, as an ISO date (YAML reads it as one) or a year, with its
    precision; a year is its first day, or with ``last`` its last.

    Raises:
        KnowledgeBaseError: neither; the message starts with ``where`` ("conflicts.yaml: X: start").
    """
    if isinstance(value, dt.date):
        return value, "day"
    if isinstance(value, int):
        return (dt.date(value, 12, 31) if last else dt.date(value, 1, 1)), "year"
    raise KnowledgeBaseError(f"{where} {value!r} is neither an ISO date nor a year")


def _year_span(year: int, year_end: int | None = None) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year_end or year, 12, 31)


def _month_span(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _week_of(day: dt.date) -> tuple[dt.date, dt.date]:
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def _full_year(short: str, first: int) -> int:
    if len(short) == 4:
        return int(short)
    century = first // 100 * 100
    value = century + int(short)
    return value if value >= first else value + 100


def _weekday(text: str, published: dt.date, future: bool) -> TimeSpan | None:
    """A bare weekday or weekend: the nearest one before (or, in a future clause, after) the
    publication day, the publication day itself when it is that day ("on Thursday" in a
    Thursday paper is that Thursday)."""
    if (match := _BARE_WEEKDAY.match(text)) and match["day"] in _WEEKDAYS:
        gap = (_WEEKDAYS[match["day"]] - published.weekday()) % 7
        day = published + dt.timedelta(days=gap) if future else published - dt.timedelta(days=(7 - gap) % 7)
        return TimeSpan(day, day, "day", text, "relative")
    if match := _WEEKEND.match(text):
        saturday = published - dt.timedelta(days=(published.weekday() - 5) % 7)  # on or before
        in_weekend = published.weekday() >= 5
        if match["rel"] == "last" and in_weekend:
            saturday -= dt.timedelta(days=7)
        elif match["rel"] == "next" or (
            not in_weekend and (match["rel"] == "this" or future) and match["rel"] != "last"
        ):
            saturday += dt.timedelta(days=7)
        return TimeSpan(saturday, saturday + dt.timedelta(days=1), "week", text, "relative")
    if _IN_THE_WEEK.match(text):
        start, end = _week_of(published)
        return TimeSpan(start, end, "week", text, "relative")
    return None


def _relative(text: str, published: dt.date) -> TimeSpan | None:
    """Expressions relative to the publication date that name a week, month, season or year."""
    if (match := _RELATIVE_MONTH.match(text)) and match["month"] in _MONTHS:
        month = _MONTHS[match["month"]]
        year = published.year
        if match["rel"] in ("last", "past") and month >= published.month:
            year -= 1
        elif match["rel"] == "next" and month <= published.month:
            year += 1
        start, end = _month_span(year, month)
        return TimeSpan(start, end, "month", text, "relative")
    if match := _RELATIVE_SEASON.match(text):
        m1, m2 = _SEASONS[match["season"]]
        year = published.year
        if match["rel"] in ("last", "past") and published.month <= (m2 if m2 >= m1 else 12):
            year -= 1
        elif match["rel"] == "next":
            year += 1
        end_year = year + 1 if m2 < m1 else year
        return TimeSpan(dt.date(year, m1, 1), _month_span(end_year, m2)[1], "season", text, "relative")
    if match := _PAST_SPAN.match(text):
        return _past_span(match["n"], match["unit"], text, published)
    if match := _PAST_UNIT.match(text):
        return _past_span("1", match["unit"] + "s", text, published)
    if match := _THIS_DECADE.match(text):
        if match["rel"] == "this":
            first = published.year // 10 * 10
            return TimeSpan(dt.date(first, 1, 1), dt.date(first + 9, 12, 31), "decade", text, "relative")
        return TimeSpan(published, _moved(published, "year", 10), "decade", text, "relative")
    if match := _THIS_WEEK.search(text):
        shift = {"last": -7, "previous": -7, "past": -7, "next": 7}.get(match["rel"], 0)
        start, end = _week_of(published + dt.timedelta(days=shift))
        return TimeSpan(start, end, "week", text, "relative")
    if match := _THIS_MONTH.search(text):
        shift = {"last": -1, "previous": -1, "past": -1, "next": 1}.get(match["rel"], 0)
        moved = _moved(published, "month", shift)
        start, end = _month_span(moved.year, moved.month)
        return TimeSpan(start, end, "month", text, "relative")
    if match := _PART_OF_RELATIVE_YEAR.match(text):
        year = published.year + _YEAR_SHIFTS[match["rel"]]
        first, last = _PARTS[match["part"]]
        return TimeSpan(dt.date(year, first, 1), _month_span(year, last)[1], "year", text, "relative")
    if (match := _MONTH_OF_RELATIVE_YEAR.match(text)) and match["month"] in _MONTHS:
        start, end = _month_span(published.year + _YEAR_SHIFTS[match["rel"]], _MONTHS[match["month"]])
        return TimeSpan(start, end, "month", text, "relative")
    if match := _THIS_YEAR.search(text):
        shift = {"last": -1, "previous": -1, "past": -1, "next": 1}.get(match["rel"], 0)
        start, end = _year_span(published.year + shift)
        if match["rel"] == "earlier":
            end = published
        return TimeSpan(start, end, "year", text, "relative")
    return None


def _past_span(number: str | None, unit: str, text: str, published: dt.date) -> TimeSpan | None:
    """The stretch a "past N units" phrase names, from N units before publication up to it."""
    word = (number or "").strip()
    count = count_of(word) if word else 1
    if not count:
        return None
    # (beyond MAX_YEARS_BACK, "for 5000 years" names no time a calendar date can hold)
    if unit.startswith("decade") or unit == "years":
        years = 10 * count if unit.startswith("decade") else count
        if years > MAX_YEARS_BACK:
            return None
        precision = "decade" if years >= 10 else "year"
        return TimeSpan(dt.date(published.year - years, 1, 1), published, precision, text, "relative")
    if unit == "months":
        if count > 12 * MAX_YEARS_BACK:
            return None
        start = _moved(published, "month", -count).replace(day=1)
        return TimeSpan(start, published, "month", text, "relative")
    if count > (52 if unit == "weeks" else 365) * MAX_YEARS_BACK:
        return None
    days = 7 * count if unit == "weeks" else count
    return TimeSpan(published - dt.timedelta(days=days), published, unit[:-1], text, "relative")


def _absolute(text: str) -> TimeSpan | None:
    """Years, decades, seasons, month-years and ranges, which dateparser does not span."""
    if match := _RANGE.search(text):
        first = int(match[2])
        last = _full_year(match["y2"], first)
        if last >= first:
            m1 = _MONTHS.get(match["m1"] or "")
            m2 = _MONTHS.get(match["m2"] or "")
            start = dt.date(first, m1 or 1, 1)
            end = _month_span(last, m2)[1] if m2 else dt.date(last, 12, 31)
            return TimeSpan(start, end, "month" if m1 and m2 else "year", text, "explicit")
    if match := _MONTH_RANGE.match(text):
        m1, m2 = _MONTHS.get(match["m1"]), _MONTHS.get(match["m2"])
        if m1 and m2 and m1 <= m2:
            year = int(match[3])
            return TimeSpan(dt.date(year, m1, 1), _month_span(year, m2)[1], "month", text, "explicit")
    if match := _PART_OF_YEAR.match(text):
        year = int(match[2])
        first, last = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}[match["part"]]
        return TimeSpan(dt.date(year, first, 1), _month_span(year, last)[1], "year", text, "explicit")
    if match := _DECADE.search(text):
        decade = int(match["decade"])
        first, last = {"early": (0, 3), "mid": (3, 6), "late": (6, 9)}.get(match["part"] or "", (0, 9))
        return TimeSpan(dt.date(decade + first, 1, 1), dt.date(decade + last, 12, 31), "decade", text, "explicit")
    if match := _SEASON.search(text):
        year = int(match[2])
        m1, m2 = _SEASONS[match["season"]]
        end_year = year + 1 if m2 < m1 else year
        return TimeSpan(dt.date(year, m1, 1), _month_span(end_year, m2)[1], "season", text, "explicit")
    if match := _MONTH_YEAR.match(text):
        month = _MONTHS.get(match["month"])
        if month:
            start, end = _month_span(int(match[2]), month)
            return TimeSpan(start, end, "month", text, "explicit")
    if match := _YEAR_ONLY.match(text):
        start, end = _year_span(int(match[1]))
        return TimeSpan(start, end, "year", text, "explicit")
    return None


@lru_cache(maxsize=4096)
def normalise(text: str, published: dt.date | None, future: bool = False) -> TimeSpan | None:
    """Normalise one date phrase against the publication date.

    Args:
        text: the phrase as written ("In 2001", "last week", "from 2002 to 2005", "since 2014").
        published: the article's publication date, the anchor of relative phrases.
        future: the phrase stands in a future clause ("will meet on Friday"), so a bare weekday
            or month is the next one rather than the last.

    Returns:
        A TimeSpan whose ``text`` is the phrase as written, or None when the phrase names no
        placeable time. "since X" spans from X to the publication date.
    """
    phrase = " ".join(text.lower().replace("’", "'").split()).strip(" ,.")
    span = _normalise(phrase, published, future)
    if span is None:
        return None
    end = span.end
    if phrase.startswith("since ") and published is not None and span.start is not None and span.start <= published:
        end = published  # "have supported them since 2014": the whole stretch up to now
    return TimeSpan(span.start, end, span.precision, text.strip(), span.basis)


def _bare(phrase: str) -> str:
    """A lower-cased phrase without its leading preposition and trailing possessive: "in the
    previous year" and "the previous year's attack" are "the previous year"."""
    phrase = re.sub(r"'s$", "", phrase)  # "Saturday's attack"
    return re.sub(r"^(?:on|in|at|during|since|by|around|about|from)\s+(?=[a-z0-9])", "", phrase)


def _normalise(phrase: str, published: dt.date | None, future: bool) -> TimeSpan | None:
    """Normalise a lower-cased phrase without the cache; see ``normalise``."""
    phrase = _DURATION_IN.sub("", _APPROXIMATELY.sub("", _bare(phrase)))
    if not phrase or any(p.match(phrase) for p in (_AGE, _NOT_DATES, _DURATION, _BARE_NUMBER)):
        return None
    if _SHIFT.match(phrase):
        return None  # counted from another date of the text: see ``shifted``
    if match := _SHORT_DECADE.match(phrase):
        decade = 1900 + int(match["decade"])
        while published is not None and decade + 100 <= published.year:
            decade += 100
        phrase = f"{match['head'].strip(chr(39))}{decade}s"
    if (span := _absolute(phrase)) is not None:
        return span
    if published is not None and (span := _relative(phrase, published)) is not None:
        return span
    if published is not None and (span := _weekday(phrase, published, future)) is not None:
        return span
    phrase = _TIME_OF_DAY.sub("", phrase)
    base = dt.datetime.combine(published, dt.time()) if published else None
    settings = dict(_SETTINGS)
    if future:
        settings["PREFER_DATES_FROM"] = "future"
    if base is not None:
        settings["RELATIVE_BASE"] = base
    parsed = dateparser.parse(phrase, languages=["en"], settings=settings)
    if parsed is None:
        return None
    day = parsed.date()
    has_year = re.search(YEAR, phrase) is not None
    basis = "explicit" if has_year else "relative"
    if basis == "relative" and published is None:
        return None
    # "11 months ago" names a month, not a day
    shape = ago["unit"] if (ago := re.search(r"\b(?P<unit>week|month|year)s?\s+ago$", phrase)) else phrase
    if re.search(r"\d{1,2}(?:st|nd|rd|th)?\b", re.sub(YEAR, "", shape)) or _WEEKDAY.search(shape) or any(
        w in shape for w in ("yesterday", "today", "tomorrow", "day")
    ):
        return TimeSpan(day, day, "day", phrase, basis)
    if "week" in shape:
        start, end = _week_of(day)
        return TimeSpan(start, end, "week", phrase, basis)
    if any(m in shape.split() for m in _MONTHS) or "month" in shape:
        start, end = _month_span(day.year, day.month)
        return TimeSpan(start, end, "month", phrase, basis)
    start, end = _year_span(day.year)
    return TimeSpan(start, end, "year", phrase, basis)


_LENGTH = re.compile(r"^(?P<n>\S+)\s+(?P<unit>years?|decades?|months?|weeks?|days?)$")


def lasting(text: str, published: dt.date | None) -> TimeSpan | None:
    """The stretch up to publication that a length of time names when something has gone on for
    it ("has waged an insurgency for more than three decades": from 30 years before publication).
    None for lengths without a count ("for decades") or without a publication date."""
    phrase = _APPROXIMATELY.sub("", " ".join(text.lower().split()).strip(" ,."))
    match = _LENGTH.match(phrase)
    if published is None or match is None:
        return None
    unit = match["unit"].removesuffix("s") + "s"
    count = "1" if match["n"] in ("a", "an") else match["n"]  # "for a decade"
    return _past_span(count, unit, text.strip(), published)



def _moved(day: dt.date, unit: str, count: int) -> dt.date:
    """The day ``count`` units after ``day`` (before it when negative)."""
    if unit in ("day", "week"):
        return day + dt.timedelta(days=count * (7 if unit == "week" else 1))
    months = day.year * 12 + day.month - 1 + count * (12 if unit == "year" else 1)
    year, month = months // 12, months % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def shifted(text: str, anchor: TimeSpan, published: dt.date | None) -> TimeSpan | None:
    """The time a phrase counted from an earlier date of the text names: "six months later" after
    "in January" is July, "the previous year" after "in 2017" is 2016. Counted from a past time,
    never past the publication day ("six months later" of a story published in June is June);
    counted from a time to come, a time to come. Counted from the publication day, only a phrase
    looking back names a time ("the previous year"). None for other phrases and for counts without
    a number ("months later")."""
    written = " ".join(text.lower().replace("’", "'").split()).strip(" ,.")
    phrase = _APPROXIMATELY.sub("", _bare(written))
    match = _SHIFT.match(phrase)
    if match is None or anchor.start is None:
        return None
    unit = match["unit"] or match["unit1"]
    count = 1 if match["rel"] or match["n"] in ("a", "an") else count_of(match["n"])
    if count is None:
        return None
    if match["dir"] in ("earlier", "before") or match["rel"] in ("previous", "preceding"):
        count = -count
    elif anchor.basis == "publication":
        return None  # "six months later" than nothing the text told
    day = _moved(anchor.start, unit, count)
    # counted from a time still to come ("will visit Cuba in March; two weeks later ..."), the
    # phrase names a time to come too: only a count from the past stops at the publication day
    limit = published if published is not None and anchor.start <= published else None
    if limit is not None:
        day = min(day, limit)
    start, end = {
        "year": lambda: _year_span(day.year), "month": lambda: _month_span(day.year, day.month),
        "week": lambda: _week_of(day), "day": lambda: (day, day),
    }[unit]()
    if limit is not None:
        end = min(end, limit)
        if written.startswith("since "):
            end = limit  # "since the previous year": the whole stretch up to now, as ``normalise``
    return TimeSpan(start, end, unit, text.strip(), "relative")


def count_of(word: str) -> int | None:
    """A count written in digits or as a small number word ("18", "seven"), else None."""
    return int(word) if word.isdigit() else _NUMBERS.get(word.lower())


def publication_span(published: dt.date | None) -> TimeSpan:
    """The fallback date of an undated event: the publication day."""
    if published is None:
        return TimeSpan(None, None, "unknown", None, "unknown")
    return TimeSpan(published, published, "day", None, "publication")



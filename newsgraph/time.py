"""When each event happened: date phrases normalised and scoped to their clauses.

``normalise`` turns one date phrase into a TimeSpan against the publication date: dateparser
does full and relative dates ("13 November 2001", "last week", "two years ago", "on Monday");
what it does not model (years alone, decades, seasons, ranges, "earlier this year") is handled
here.

The ``newsgraph_time`` component dates every event on the Doc, numbered as the comments use it:
  1. A date phrase in the event's own clause, or in a clause that governs it, dates it
     (basis explicit, or relative when resolved against the publication date).
  2. Otherwise a past-tense event inherits the latest date of its paragraph's narrative
     (basis inherited).
  3. Otherwise the event takes the publication date (basis publication).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import dateparser
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsgraph.events.modality import load_cues, quotations, quoted_in
from newsgraph.models import TimeSpan
from newsgraph.syntax import clause_verb, infinitive

if TYPE_CHECKING:
    from newsgraph.events.component import RawEvent

_YEAR = r"(1[89]\d\d|20\d\d)"
_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name} | {
    name.lower(): i for i, name in enumerate(calendar.month_abbr) if name
} | {"sept": 9}
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}
_RANGE = re.compile(
    rf"(?:from|between)?\s*(?:(?P<m1>[a-z]+)\s+)?{_YEAR}\s*(?:to|and|until|till|through|-|–|—|/)\s*"
    rf"(?:(?P<m2>[a-z]+)\s+)?(?P<y2>1[89]\d\d|20\d\d|\d\d)\b"
)
_MONTH_RANGE = re.compile(
    rf"(?:from|between)?\s*(?P<m1>[a-z]+)\s*(?:to|and|until|till|through|-|–|—)\s*(?P<m2>[a-z]+)\s+{_YEAR}$"
)
_PART_OF_YEAR = re.compile(rf"^(?P<part>early|mid|late)[- ]?(?:in\s+)?{_YEAR}$")
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
_SEASON = re.compile(rf"(?P<season>spring|summer|autumn|fall|winter)\s+(?:of\s+)?{_YEAR}")
_MONTH_YEAR = re.compile(rf"^(?:in\s+|early\s+|late\s+|mid-?)?(?P<month>[a-z]+)\.?,?\s+{_YEAR}$")
_YEAR_ONLY = re.compile(rf"^(?:in\s+|the\s+year\s+|since\s+|by\s+|early\s+|late\s+|mid-?)?{_YEAR}$")
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
_DURATION = re.compile(r"^" + _NUMBER_WORD + r"\s+(?:years?|months?|weeks?|days?|decades?|hours?)$")
_SETTINGS: dict[str, object] = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}


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
    if match := _THIS_DECADE.match(text):
        if match["rel"] == "this":
            first = published.year // 10 * 10
            return TimeSpan(dt.date(first, 1, 1), dt.date(first + 9, 12, 31), "decade", text, "relative")
        end = dt.date(published.year + 10, published.month, min(published.day, 28))
        return TimeSpan(published, end, "decade", text, "relative")
    if match := _THIS_WEEK.search(text):
        shift = {"last": -7, "previous": -7, "past": -7, "next": 7}.get(match["rel"], 0)
        start, end = _week_of(published + dt.timedelta(days=shift))
        return TimeSpan(start, end, "week", text, "relative")
    if match := _THIS_MONTH.search(text):
        shift = {"last": -1, "previous": -1, "past": -1, "next": 1}.get(match["rel"], 0)
        month_index = published.year * 12 + published.month - 1 + shift
        start, end = _month_span(month_index // 12, month_index % 12 + 1)
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
    count = int(word) if word.isdigit() else _NUMBERS.get(word, 1 if not word else 0)
    if count <= 0:
        return None
    if unit.startswith("decade") or unit == "years":
        years = 10 * count if unit.startswith("decade") else count
        precision = "decade" if years >= 10 else "year"
        return TimeSpan(dt.date(published.year - years, 1, 1), published, precision, text, "relative")
    if unit == "months":
        index = published.year * 12 + published.month - 1 - count
        return TimeSpan(dt.date(index // 12, index % 12 + 1, 1), published, "month", text, "relative")
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


def _normalise(phrase: str, published: dt.date | None, future: bool) -> TimeSpan | None:
    """Normalise a lower-cased phrase without the cache; see ``normalise``."""
    phrase = re.sub(r"'s$", "", phrase)  # "Saturday's attack"
    phrase = re.sub(r"^(?:on|in|at|during|since|by|around|about|from)\s+(?=[a-z0-9])", "", phrase)
    phrase = _APPROXIMATELY.sub("", phrase)
    if not phrase or _NOT_DATES.match(phrase) or _DURATION.match(phrase) or _BARE_NUMBER.match(phrase):
        return None
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
    has_year = re.search(_YEAR, phrase) is not None
    basis = "explicit" if has_year else "relative"
    if basis == "relative" and published is None:
        return None
    # "11 months ago" names a month, not a day
    shape = ago["unit"] if (ago := re.search(r"\b(?P<unit>week|month|year)s?\s+ago$", phrase)) else phrase
    if re.search(r"\d{1,2}(?:st|nd|rd|th)?\b", re.sub(_YEAR, "", shape)) or _WEEKDAY.search(shape) or any(
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


def publication_span(published: dt.date | None) -> TimeSpan:
    """The fallback date of an undated event: the publication day."""
    if published is None:
        return TimeSpan(None, None, "unknown", None, "unknown")
    return TimeSpan(published, published, "day", None, "publication")


def _clause_chain(trigger: Token) -> list[Token]:
    """The verbs whose tense tells whether the event is narrated in the past: its own and those
    governing it, up to a noun ("Trump's decision to withdraw" takes no tense from the sentence)."""
    chain = [clause_verb(trigger)]
    node = chain[0]
    while node.head.i != node.i and node.head.pos_ in ("VERB", "AUX"):
        node = node.head
        chain.append(node)
    return chain


def _conjunct_below(trigger: Token, governor: Token) -> bool:
    """Whether the trigger sits in a clause coordinated under ``governor`` ("X did A, and B")."""
    node = trigger
    while node.i != governor.i and node.head.i != node.i:
        if node.dep_ == "conj" and node.pos_ in ("VERB", "AUX"):
            return True
        node = node.head
    return False


def _is_past(verb: Token) -> bool:
    if verb.tag_ == "VBD":
        return True
    return verb.tag_ == "VBN" and any(c.lower_ in ("had", "was", "were") for c in verb.children)


def _is_future(verb: Token) -> bool:
    """Whether a clause speaks of what is still to come: "will meet", "a summit to be held",
    "are expected to start" (the cue words are the event stage's ``planned`` cues)."""
    cues = load_cues()
    if any(c.dep_ == "aux" and c.lower_ in cues.planned_aux for c in verb.children):
        return True
    if not infinitive(verb):
        return False
    head = verb.head
    if verb.dep_ in ("acl", "relcl") and head.pos_ in ("NOUN", "PROPN"):
        return True  # "a summit to be held on Friday"
    if _is_past(head) or any(c.lower_ in ("had", "was", "were") for c in head.children):
        return False  # "was expected to arrive on Friday": a plan told in the past
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    return passive or head.lemma_.lower() in cues.planned | cues.readiness


def _date_governor(ent: Span, fronted: bool) -> Token:
    """The word a date phrase dates: the sentence's root when it opens the sentence; the noun
    it sits in ("Trump's decision last December", "the 2016 deal"); else its clause's verb,
    past a participle that works as a preposition ("including last September")."""
    root = ent.root
    if fronted:
        return root.sent.root
    if root.dep_ != "pobj" and root.head.i != root.i and root.head.pos_ in ("NOUN", "PROPN"):
        # the subject's date is its clause's ("the attack last Saturday killed dozens"); an
        # object's is its own ("lauded the decision last December" is not last December)
        return clause_verb(root.head) if root.head.dep_ in ("nsubj", "nsubjpass") else root.head
    verb = clause_verb(root)
    if root.dep_ == "pobj" and verb.i == root.head.i and verb.dep_ == "prep" and verb.head.i != verb.i:
        verb = clause_verb(verb.head)
    return verb


def _since_clause(verb: Token) -> Token | None:
    """The clause a since-clause measures ("have pressed Turkey since he was detained"): the
    nearest perfect verb above it, past infinitives the parser hangs it on ("to extradite")."""
    if verb.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ == "since" for c in verb.children):
        return None
    node = verb.head
    while True:
        if any(c.dep_ == "aux" and c.lemma_ == "have" for c in node.children):
            return node
        if node.dep_ not in ("advcl", "xcomp") or node.head.i == node.i:
            return verb.head
        node = node.head


def _when_clause(doc: Doc, ent: Span) -> Token | None:
    """The verb of a when-clause that restates a date ("11 months ago, when the army invaded"),
    which the parser often hangs elsewhere."""
    i = ent.end + (1 if ent.end < len(doc) and doc[ent.end].text == "," else 0)
    if i < len(doc) and doc[i].lower_ == "when" and doc[i].head.pos_ in ("VERB", "AUX") and doc[i].head.i > i:
        return doc[i].head
    return None


def _fronted(doc: Doc, ent: Span, sent_start: int) -> bool:
    """A date that opens its sentence ("Last year, ...", "In September Turkey ...") sets the
    time of the whole sentence, whatever the parser attached it to."""
    first = sent_start
    while first < ent.start and doc[first].is_punct:
        first += 1
    opening = ent.start == first or (ent.start == first + 1 and doc[first].pos_ == "ADP")
    return opening and ent.root.dep_ != "poss" and not (ent.end < len(doc) and doc[ent.end].tag_ == "POS")


NARRATIVE_SENTENCES = 3  # how far back a narrative date carries within a paragraph
_NOUN_MODIFIER = {"compound", "amod", "nummod", "nmod", "poss", "quantmod"}
_RANGE_WORDS = {"to", "until", "till", "through", "and", "-", "–", "—"}


def _extend_range(doc: Doc, ent: Span) -> Span:
    """Join "2002" + "to 2005" when the model tags only the first year of a range."""
    end = ent.end
    if end + 1 < len(doc) and doc[end].lower_ in _RANGE_WORDS and re.fullmatch(_YEAR, doc[end + 1].text):
        return doc[ent.start : end + 2]
    return ent


# Relative phrases the small NER model sometimes leaves untagged ("nearly two years ago").
_RELATIVE_PHRASE = re.compile(
    r"\b(?:(?:nearly|almost|about|some|more than)\s+)?(?:a|an|one|two|three|four|five|six|seven|eight|nine"
    r"|ten|\d+)\s+(?:years?|months?|weeks?|days?|decades?)\s+ago\b"
    r"|\b(?:earlier|later)\s+in\s+the\s+week\b"
    r"|\b(?:last|next)\s+(?:week|month|year|January|February|March|April|May|June|July|August"
    r"|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b",
    re.I,
)


def _date_phrases(doc: Doc) -> list[Span]:
    """The DATE entities, and the relative date phrases the small NER model misses or cuts short
    ("earlier in the week" tagged as "the week"): a phrase that holds entities replaces them."""
    tagged = [e for e in doc.ents if e.label_ == "DATE"]
    found = []
    for match in _RELATIVE_PHRASE.finditer(doc.text):
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is None:
            continue
        overlapping = [e for e in tagged if e.start < span.end and span.start < e.end]
        if all(span.start <= e.start and e.end <= span.end for e in overlapping) and not any(
            (e.start, e.end) == (span.start, span.end) for e in overlapping
        ):
            found.append(span)
            tagged = [e for e in tagged if e not in overlapping]
    return tagged + found


def _paragraph_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in re.finditer(r"\n\s*", text)]


@dataclass(frozen=True)
class _Dated:
    """A date phrase of the Doc with what the cascade needs to know about it."""

    ent: Span
    span: TimeSpan
    governor: Token  # the verb it dates
    fronted: bool  # it opens its sentence and so dates the whole sentence
    when: Token | None  # the verb of a when-clause right after it ("in 2014, when Isis took Mosul")
    quote: tuple[int, int] | None  # the quotation it stands in, as character offsets


class EventDater:
    """Dates the events of a Doc (see the module docstring for the cascade)."""

    def __call__(self, doc: Doc) -> Doc:
        published = doc._.published
        events = doc._.ng_events or []
        dates: list[_Dated] = []
        quotes = quotations(doc.text)
        for ent in _date_phrases(doc):
            ent = _extend_range(doc, ent)
            if ent.start > 0 and doc[ent.start - 1].lower_ == "since":
                ent = doc[ent.start - 1 : ent.end]  # "since 2014" runs up to the publication date
            fronted = _fronted(doc, ent, ent.sent.start)
            governor = _date_governor(ent, fronted)
            if (span := normalise(ent.text, published, _is_future(governor))) is not None:
                quote = quoted_in(quotes, ent.start_char)
                dates.append(_Dated(ent, span, governor, fronted, _when_clause(doc, ent), quote))
                if (perfect := _since_clause(governor)) is not None and published is not None:
                    # "had been pressing for his extradition since he was detained two years ago":
                    # the perfect clause runs from the date of the since-clause up to now (the
                    # since-clause itself keeps its date: the detention was two years ago)
                    stretch = TimeSpan(span.start, max(published, span.end or published), span.precision,
                                       span.text, span.basis)
                    dates.append(_Dated(ent, stretch, perfect, False, None, quote))
        dates.sort(key=lambda dated: dated.ent.start)
        starts = _paragraph_starts(doc.text)
        for event in events:
            event.extra["date"] = self._date(doc, event, dates, starts, quotes, published)
        return doc

    def _date(
        self,
        doc: Doc,
        event: RawEvent,
        dates: list[_Dated],
        starts: list[int],
        quotes: list[tuple[int, int]],
        published: dt.date | None,
    ) -> TimeSpan:
        trigger = doc[event.trigger]
        ancestors = {trigger.i, *(t.i for t in trigger.ancestors)}
        # a relative clause describes its noun in a time of its own: "On Tuesday Erdogan named
        # the PKK, with whom Ankara has fought for decades" does not date the fighting Tuesday
        relative = next((t for t in (trigger, *trigger.ancestors) if t.dep_ == "relcl"), None)
        above_relative = {t.i for t in relative.ancestors} if relative is not None else set()
        # 1. A date in the clause of the event or of a clause governing it; nearest wins.
        best: tuple[int, TimeSpan] | None = None
        for dated in dates:
            ent, governor = dated.ent, dated.governor
            if dated.when is not None and dated.when.i in ancestors:
                governor = dated.when  # "11 months ago, when the army invaded ...": that clause's time
            if not (event.sent_start <= ent.start < event.sent_end):
                continue
            if (ent.root.dep_ in _NOUN_MODIFIER and ent.root.head.i != trigger.i and not dated.fronted
                    and governor.pos_ in ("VERB", "AUX")):
                continue  # "the 2015 deal" parsed onto a verb: a date of the deal, not of this event
            # the date of the event noun itself, or of a clause describing it ("a summit, to be
            # held on Friday")
            inside = ent.root.head.i == trigger.i or (
                governor.dep_ in ("acl", "relcl") and governor.head.i == trigger.i
            )
            if (not inside and (dated.fronted or ent.start > governor.i) and _conjunct_below(trigger, governor)
                    and _is_past(governor) != _is_past(clause_verb(trigger))):
                continue  # "fought a war in 2006, and officials have warned ...": another tense
            if governor.i in above_relative and not dated.fronted and not inside:
                continue
            if inside or governor.i in ancestors:
                distance = 0 if inside else len(list(trigger.ancestors)) - len(list(governor.ancestors))
                if best is None or distance < best[0]:
                    best = (distance, dated.span)
        if best is not None:
            return best[1]
        # 2. Narrative carry-over for past-tense events: the latest date of the last few
        # sentences of the paragraph (or, at a paragraph's start, the end of the one before).
        # A date quoted from someone carries over only inside the same quotation; "since 2014"
        # names a stretch up to now, and a date in a clause describing a noun ("an agreement
        # signed last year") that noun's past, not the time of the story.
        chain = _clause_chain(trigger)
        if any(_is_past(v) for v in chain):
            # a statement takes the date of an earlier statement, not of the events it is about
            # ("The attack on Saturday killed 70. The ambassador said ..." is not Saturday)
            reporting = load_cues().reporting
            statement = any(v.lemma_.lower() in reporting for v in chain)
            here = doc[event.sent_start].idx
            paragraph = max(s for s in starts if s <= here)
            previous = max((s for s in starts if s < paragraph), default=0)
            window = doc[max(0, event.sent_start - 1)].sent
            for _ in range(NARRATIVE_SENTENCES - 1):
                if window.start == 0:
                    break
                window = doc[window.start - 1].sent
            since = max(window.start_char, paragraph)
            quote = quoted_in(quotes, trigger.idx)
            narrative = [
                dated for dated in dates
                if (dated.fronted or dated.ent.root.dep_ not in _NOUN_MODIFIER)
                and dated.ent[0].lower_ != "since"
                and dated.governor.dep_ not in ("acl", "relcl")
                and dated.quote in (None, quote)
                and (not statement or dated.governor.lemma_.lower() in reporting)
                and (published is None or dated.span.start is None or dated.span.start <= published)
            ]
            earlier = [d.span for d in narrative if since <= d.ent.start_char < here]
            if not earlier and since == paragraph:
                earlier = [d.span for d in narrative if previous <= d.ent.start_char < paragraph]
            if earlier:
                span = earlier[-1]
                return TimeSpan(span.start, span.end, span.precision, span.text, "inherited")
        # 3. The publication date.
        return publication_span(published)


@Language.factory(
    "newsgraph_time",
    requires=["doc._.ng_events", "doc.ents"],
    assigns=["doc._.ng_events"],
)
def make_event_dater(nlp: Language, name: str) -> EventDater:
    """spaCy factory: the time stage."""
    return EventDater()

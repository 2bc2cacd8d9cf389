"""Well-known events a text dates by, without a date (``data/named_events.yaml``).

"Trump praised Erdogan after the failed coup" dates the praise by the coup of 15 July 2016; the
table gives the date of such events, and ``named_event_phrases`` finds the phrases of time that
name one ("after the attempted coup", "since 9/11", "in the wake of the Arab spring").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from spacy.tokens import Doc, Span, Token

from newsgraph.actors.kb import read_yaml
from newsgraph.errors import KnowledgeBaseError
from newsgraph.models import TimeSpan
from newsgraph.time.normalise import YEAR, table_date

_FILE = "named_events.yaml"


@dataclass(frozen=True)
class NamedEvent:
    """One event of the table: the expressions that name it and its dates."""

    name: str
    country: str | None
    start: dt.date
    end: dt.date
    names: re.Pattern[str] | None  # resolve anywhere
    phrases: re.Pattern[str] | None  # resolve only in a text about ``country``


@dataclass(frozen=True)
class NamedEvents:
    """The table with the words that make a phrase of time of its events."""

    preps: frozenset[str]
    around: frozenset[str]
    events: tuple[NamedEvent, ...]


def _pattern(value: Any, field: str, name: str) -> re.Pattern[str] | None:
    if value is None:
        return None
    if not (isinstance(value, list) and value and all(isinstance(v, str) for v in value)):
        raise KnowledgeBaseError(f"{_FILE}: {name}: {field} must be a non-empty list of expressions")
    try:
        return re.compile(r"(?<!\w)(?:" + "|".join(value) + r")(?!\w)")
    except re.error as e:
        raise KnowledgeBaseError(f"{_FILE}: {name}: {field}: not a valid expression ({e})") from e


def _event(entry: dict[str, Any]) -> NamedEvent:
    name = str(entry.get("name", "?"))
    start = table_date(entry.get("start"), f"{_FILE}: {name}: start")[0]
    end = table_date(entry.get("end", entry.get("start")), f"{_FILE}: {name}: end", last=True)[0]
    if end < start:
        raise KnowledgeBaseError(f"{_FILE}: {name}: end {end} is before start {start}")
    names, phrases = _pattern(entry.get("names"), "names", name), _pattern(entry.get("phrases"), "phrases", name)
    country = entry.get("country")
    if names is None and phrases is None:
        raise KnowledgeBaseError(f"{_FILE}: {name}: give names or phrases")
    if phrases is not None and not country:
        raise KnowledgeBaseError(f"{_FILE}: {name}: phrases need a country")
    return NamedEvent(name, str(country) if country else None, start, end, names, phrases)


@lru_cache(maxsize=1)
def load_named_events() -> NamedEvents:
    """The bundled table of named events."""
    data = read_yaml(resources.files("newsgraph.time").joinpath(f"data/{_FILE}")) or {}
    return NamedEvents(
        frozenset(map(str, data.get("preps") or [])),
        frozenset(map(str, data.get("around") or [])),
        tuple(_event(entry) for entry in data.get("events") or []),
    )


def _head(noun: Token, table: NamedEvents) -> bool:
    """Whether ``noun`` heads a phrase of time: the object of one of the table's prepositions, or
    of "in"/"at" when it is an event-like noun ("in the wake of", "at the height of")."""
    if noun.dep_ != "pobj" or noun.head.i == noun.i:
        return False
    prep = noun.head.lower_
    return prep in table.preps or (prep in ("in", "at") and noun.lemma_.lower() in table.around)


def _countries(doc: Doc, start: int, end: int) -> set[str]:
    """The states of the actors named between two token offsets."""
    actors = doc._.ng_actors or {}
    return {
        actors[m.actor_id].country for m in doc._.ng_mentions or []
        if start <= m.start and m.end <= end and m.actor_id in actors and actors[m.actor_id].country
    }


def _place_countries(phrase: Span) -> set[str]:
    """The countries of the places a phrase puts its event in ("in Caracas", "in La Paz")."""
    from newsgraph.places import as_place, load_gazetteer

    gazetteer = load_gazetteer()
    return {
        place.country for token in phrase
        if as_place(token) and (place := gazetteer.at(token)) is not None and place.country
    }


def _resolves(event: NamedEvent, doc: Doc, phrase: Span, generic: bool) -> bool:
    """A generic phrase names the event in a sentence about its country, naming no other state."""
    if not generic:
        return True
    # a state or a place of another country in the phrase: "after the failed coup in Caracas"
    inside = _countries(doc, phrase.start, phrase.end) | _place_countries(phrase)
    if inside - {event.country}:
        return False
    sent = phrase.sent
    return event.country in _countries(doc, sent.start, sent.end)


def _named(noun: Token, table: NamedEvents) -> Token | None:
    """The noun that must name the event: the phrase's own, or the object of "of" after a noun
    like "aftermath" ("after the failure of the coup attempt")."""
    if noun.lemma_.lower() not in table.around:
        return noun
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None


def _match(event: NamedEvent, doc: Doc, phrase: Span, text: str, named: Token) -> int | None:
    """Where in the noun phrase (a character offset) the expression of the event that covers the
    named noun ends, or None when there is none or the phrase states another year."""
    years = {int(y) for y in re.findall(YEAR, text)}
    if years - set(range(event.start.year, event.end.year + 1)):
        return None  # "after the 1980 coup"
    at = named.idx - phrase.start_char
    for pattern, generic in ((event.names, False), (event.phrases, True)):
        if pattern is None:
            continue
        for found in pattern.finditer(text):
            if text.startswith("'s", found.end()):
                continue  # "the death of bin Laden's son": the name is another's possessor
            if found.start() <= at < found.end() and _resolves(event, doc, phrase, generic):
                return found.end()
    return None


def named_event_phrases(doc: Doc, published: dt.date | None) -> list[tuple[Span, TimeSpan]]:
    """The phrases of time of a Doc that name a known event ("after the failed coup", "since
    9/11"), each as the whole phrase from its preposition and the time it names (basis
    ``background``). "since" runs from the event up to the publication date."""
    table = load_named_events()
    found = []
    for noun in doc:
        if not _head(noun, table):
            continue
        named = _named(noun, table)
        if named is None:
            continue
        phrase = doc[noun.left_edge.i : noun.right_edge.i + 1]
        text = phrase.text.lower().replace("’", "'")
        for event in table.events:
            if published is not None and event.start > published:
                continue  # not yet happened: another event is meant
            if (last := _match(event, doc, phrase, text, named)) is not None:
                prep = noun.head
                end = published if prep.lower_ == "since" and published is not None else event.end
                # the phrase up to the event's name: not a clause describing it ("after the
                # chemical attack that killed dozens a year ago"), which keeps its own date
                name = doc.char_span(phrase.start_char, phrase.start_char + last, alignment_mode="expand")
                whole = doc[min(prep.i, phrase.start) : name.end if name is not None else phrase.end]
                found.append((whole, TimeSpan(event.start, max(end, event.end), "year", whole.text, "background")))
                break
    return found


def named_event_of(noun: Token, published: dt.date | None) -> TimeSpan | None:
    """The time of a known event an event noun names itself ("the 9/11 attacks", "Russia's
    annexation of Crimea"), with basis ``background``; None for any other noun."""
    doc = noun.doc
    phrase = doc[noun.left_edge.i : noun.right_edge.i + 1]
    if phrase.end < len(doc) and doc[phrase.end].ent_type_ == "DATE":
        return None  # "the Douma attack last month": a date of its own, whatever the parser says
    text = phrase.text.lower().replace("’", "'")
    for event in load_named_events().events:
        if (published is None or event.start <= published) and _match(event, doc, phrase, text, noun) is not None:
            precision = "day" if event.start == event.end else "year"
            return TimeSpan(event.start, event.end, precision, event.name, "background")
    return None

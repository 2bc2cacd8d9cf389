"""Plain data classes that every stage of newsgraph speaks.

One definition per record: the DuckDB schema (``store/schema.sql``), the JSON output of
``newsgraph extract`` and the REST API all mirror these classes. ``to_dict`` gives the JSON
shape; nested records serialise recursively.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Any

EVENT_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)

ACTOR_KINDS: tuple[str, ...] = (
    "state", "government", "military", "police", "intelligence", "judiciary", "legislature",
    "party", "armed_group", "igo", "ngo", "media", "company", "person", "population", "other",
)

# Kinds that act for a state: at the country level, and as event-data principals, they are it.
STATE_KINDS: tuple[str, ...] = (
    "state", "government", "military", "police", "intelligence", "judiciary", "legislature",
)  # fmt: skip
# Kinds of organisations that are no organ of a state: whose people act for them, not for a state.
ORGANISATION_KINDS: tuple[str, ...] = ("party", "armed_group", "igo", "ngo", "media", "company")
MODALITIES: tuple[str, ...] = (
    "asserted", "reported", "planned", "hypothetical", "negated", "attempted",
)
PRECISIONS: tuple[str, ...] = ("day", "week", "month", "season", "year", "decade", "unknown")
DATE_BASES: tuple[str, ...] = ("explicit", "relative", "inherited", "background", "publication", "unknown")


def _as_json(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _as_json(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_as_json(v) for v in value]
    if isinstance(value, dict):
        return {k: _as_json(v) for k, v in value.items()}
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


class Record:
    """Mixin: JSON-ready dict of a dataclass, dates as ISO strings."""

    def to_dict(self) -> dict[str, Any]:
        """Return the record as plain JSON-serialisable data."""
        result: dict[str, Any] = _as_json(self)
        return result


def content_id(text: str) -> str:
    """Stable article id: the first 16 hex digits of the SHA-256 of the normalised text."""
    normalised = " ".join(text.split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:16]


@dataclass
class Article(Record):
    """One news text and what is known about it before NLP.

    ``text`` is the body that is coded; header lines (site name, crawl date, byline, dateline)
    have been moved into the metadata fields by the ingest stage.
    """

    text: str
    title: str | None = None
    author: str | None = None
    publisher: str | None = None
    published: dt.date | None = None
    url: str | None = None
    source_path: str | None = None
    external_id: str | None = None
    dateline_place: str | None = None
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            self.id = content_id(self.text)


@dataclass
class Role(Record):
    """A dated office: Putin was president of RUS (GOV) from 2000-05-07 to 2008-05-07."""

    title: str
    country: str | None
    sector: str | None
    start: str | None = None  # ISO date, inclusive; None = open
    end: str | None = None
    organisation: str | None = None  # actor id of the body the office belongs to

    def covers(self, day: dt.date | None) -> bool:
        """True when the role was held on ``day`` (an unknown day matches every role)."""
        if day is None:
            return True
        iso = day.isoformat()
        return (self.start is None or self.start <= iso) and (self.end is None or iso <= self.end)


@dataclass
class Actor(Record):
    """A canonical political actor: a state, an organ of one, a group, an organisation or a person."""

    id: str
    name: str
    kind: str
    country: str | None = None
    sector: str | None = None
    affiliation: str | None = None  # actor id a person or unit acts for
    aliases: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    provisional: bool = False  # not in the knowledge base: guessed from NER and context


@dataclass
class Mention(Record):
    """A span of article text that refers to an actor."""

    actor_id: str
    text: str
    start: int
    end: int
    sentence: int
    method: str  # kb | agent | ner | coref | title


@dataclass
class ActorRef(Record):
    """An actor as it takes part in one event, with its country and sector at that date."""

    id: str
    name: str
    kind: str
    country: str | None
    sector: str | None
    affiliation: str | None
    text: str


@dataclass
class TimeSpan(Record):
    """When an event happened: a closed interval of days and how precisely the text knows it."""

    start: dt.date | None
    end: dt.date | None
    precision: str = "unknown"  # one of PRECISIONS
    text: str | None = None
    basis: str = "unknown"  # one of DATE_BASES


@dataclass
class Place(Record):
    """Where an event happened, resolved with a gazetteer."""

    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    feature: str | None = None  # city | country | region
    text: str | None = None


@dataclass
class Quantity(Record):
    """A number the event carries: 20,000 rifles, millions of dollars."""

    value: float
    unit: str | None
    text: str


@dataclass
class Attribution(Record):
    """One link of a reporting chain: who said it, and the cue (said, quoted, according to)."""

    name: str
    cue: str
    actor_id: str | None = None


@dataclass
class Evidence(Record):
    """Where the event stands in the article: character offsets into ``Article.text``."""

    text: str
    sentence: str
    start: int
    end: int
    trigger: str


@dataclass
class Event(Record):
    """One coded event: the record every output speaks (ARCHITECTURE.md)."""

    id: str
    doc_id: str
    type: str
    mode: str | None
    source: list[ActorRef]
    target: list[ActorRef]
    date: TimeSpan
    place: Place | None
    quantity: Quantity | None
    modality: str
    covert: bool
    attribution: list[Attribution]
    evidence: Evidence
    cameo: str | None
    quad_class: int | None
    goldstein: float | None
    confidence: float
    rule: str


@dataclass
class Extraction(Record):
    """What one article yields: the article, the actors it names, their mentions and its events."""

    article: Article
    actors: list[Actor]
    mentions: list[Mention]
    events: list[Event]

    def to_dict(self) -> dict[str, Any]:
        """JSON shape of ``newsgraph extract --format json``: article, actors with aliases, events."""
        seen: dict[str, set[str]] = {}
        for mention in self.mentions:
            seen.setdefault(mention.actor_id, set()).add(mention.text)
        actors = []
        for actor in self.actors:
            data = actor.to_dict()
            data["aliases"] = sorted(seen.get(actor.id, set()))
            actors.append(data)
        return {
            "article": self.article.to_dict(),
            "actors": actors,
            "events": [event.to_dict() for event in self.events],
        }


@dataclass
class IngestError(Record):
    """An input that could not be read: one line for the user, one row in ``ingest_errors``."""

    source: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"

"""Resolve a short phrase ("the Afghan police", "Putin", "Moscow said") to one actor.

The phrase runs through the real pipeline up to and including the ``newsgraph_actors`` stage, so
a phrase resolves exactly as it would inside an article. Then, numbered as the comments use it:
  1. Pick the mention that heads the phrase: the one nearest the syntactic root ("Moscow" in
     "Moscow said", "police" in "a team of heavily armed police"), longest on ties.
  2. Context country (``context_country``: a code, name, adjective or demonym) breaks ties between
     actors that share an alias, and gives a country to a generic agent that has none
     ("the police" with context Mexico -> MEX COP) and to a provisional person.
  3. A generic agent with no country takes the country of a state or a gazetteer place named
     elsewhere in the phrase ("people in the UK" -> GBR CVL, "Shanghai police" -> CHN COP).
  4. A phrase that is only an office or sector word ("president", "Defense Minister"), or only a
     capital ("Beijing", "TEHRAN"), which the component leaves alone inside an article, is the
     generic agent or the government it names.
  5. Country and sector are those of the date (``pipeline.actor_at``): Putin is RUS GOV as
     president in 2001 and as prime minister in 2010. Undated, a person the phrase calls former
     ("former President Yeltsin") is an elite (ELI) of their last country, not its office holder.
  6. A provisional name made of run-together capitalised words ("NewAgeIslam") is a web handle or
     site name the NER mistook for an organisation or person, not an actor.
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsgraph.actors.kb import Agent, KnowledgeBase
from newsgraph.actors.names import MentionSpan
from newsgraph.errors import InputError
from newsgraph.models import Actor
from newsgraph.nlp import make_doc
from newsgraph.pipeline import Pipeline, actor_at
from newsgraph.places import articled, load_gazetteer

ACTOR_STAGE = "newsgraph_actors"
RESULT_KEYS = ("name", "kind", "country", "sector", "id", "affiliation", "provisional", "text")
DEFAULT_BATCH = 64
FORMER = {"former", "ex", "ex-", "retired", "erstwhile"}


@lru_cache(maxsize=1)
def default_pipeline() -> Pipeline:
    """The default pipeline, loaded once per process for callers that pass none."""
    return Pipeline()


def _after_actors(nlp: Language) -> list[str]:
    """Stages after the actor stage: resolving a phrase needs none of them."""
    names = list(nlp.pipe_names)
    if ACTOR_STAGE not in names:
        raise InputError("pipeline", f"the spaCy pipeline has no {ACTOR_STAGE!r} stage")
    return names[names.index(ACTOR_STAGE) + 1 :]


# 2. Context country -----------------------------------------------------------------------


@dataclass
class _StateWords:
    """Lowercase words naming states, for reading a context country ("Mexico", "Mexican")."""

    kb: KnowledgeBase
    names: dict[str, str] = field(default_factory=dict)
    capitals: dict[str, str] = field(default_factory=dict)  # lower capital or seat -> as listed

    def __post_init__(self) -> None:
        for alias, ids in self.kb.aliases.items():
            states = [i for i in sorted(ids) if self.kb.actors[i].kind == "state"]
            if states:
                self.names.setdefault(alias.lower(), states[0])
        for table in (self.kb.adjectives, self.kb.demonyms):
            for word, code in table.items():
                self.names.setdefault(word, code)
        for word in self.kb.capitals:
            self.capitals.setdefault(word.lower(), word)

    def code(self, text: str | None) -> str | None:
        """The alpha-3 code a context names, or None: "MEX", "Mexico", "Mexican",
        "Colombian defense" (the longest run of words that names a state wins)."""
        text = (text or "").strip()
        if not text:
            return None
        actor = self.kb.actors.get(text.upper())
        if actor is not None and actor.kind == "state" and len(text) == 3:
            return actor.id
        words = text.replace("’", "'").split()
        for size in range(len(words), 0, -1):
            for start in range(len(words) - size + 1):
                phrase = " ".join(words[start : start + size]).lower()
                phrase = phrase.removesuffix("'s").removeprefix("the ")
                if phrase in self.names:
                    return self.names[phrase]
        return None


_STATE_WORDS: dict[int, _StateWords] = {}


def state_words(kb: KnowledgeBase) -> _StateWords:
    """The (cached) state-word index of a knowledge base."""
    words = _STATE_WORDS.get(id(kb))
    if words is None or words.kb is not kb:
        words = _STATE_WORDS[id(kb)] = _StateWords(kb)
    return words


def context_code(context: str | None, kb: KnowledgeBase) -> str | None:
    """Read a context country given as a code, name, adjective or demonym."""
    return state_words(kb).code(context)


# 1. The head mention ----------------------------------------------------------------------


def _depth(token: Token) -> int:
    """Head hops from a token to the root of its sentence."""
    depth = 0
    while token.head.i != token.i and depth < 64:
        token = token.head
        depth += 1
    return depth


def head_mention(doc: Doc) -> MentionSpan | None:
    """The mention that heads the phrase: nearest the root, then longest, then first."""
    mentions: list[MentionSpan] = doc._.ng_mentions or []
    if not mentions:
        return None
    return min(
        mentions,
        key=lambda m: (_depth(m.span(doc).root), -(m.end - m.start), m.start),
    )


def _bare_capital(doc: Doc, kb: KnowledgeBase) -> Actor | None:
    """4. A phrase that is only a capital or seat ("Beijing", "the Pentagon"): its government."""
    key = doc.text.strip().lower().removeprefix("the ").strip()
    word = state_words(kb).capitals.get(key)
    if word is None:
        return None
    sector = kb.seat_sectors.get(word, "GOV")
    agent = Agent(kind="government" if sector == "GOV" else "military", sector=sector)
    return kb.agent_actor(kb.capitals[word], agent)


def _bare_agent(doc: Doc, kb: KnowledgeBase) -> tuple[Span, Agent] | None:
    """4. The longest agent phrase that contains the root of the phrase ("Defense Minister")."""
    root = next(iter(doc.sents)).root if len(doc) else None
    if root is None:
        return None
    for size in range(min(len(doc), 6), 0, -1):
        for start in range(len(doc) - size + 1):
            span = doc[start : start + size]
            if not span.start <= root.i < span.end:
                continue
            agent = kb.agents.get(span.text.lower())
            if agent is not None:
                return span, agent
    return None


# Resolution -------------------------------------------------------------------------------


def _aliases_of(text: str, kb: KnowledgeBase) -> set[str]:
    """Actor ids that share the alias a mention was matched on."""
    text = text.strip()
    for candidate in (text, text[4:] if text.lower().startswith("the ") else ""):
        if candidate and candidate in kb.aliases:
            return kb.aliases[candidate]
    lower = text.lower().removeprefix("the ")
    return {i for alias, ids in kb.aliases.items() if alias.lower() == lower for i in ids}


def _retie(actor: Actor, text: str, day: dt.date | None, context: str | None,
           kb: KnowledgeBase) -> Actor:  # fmt: skip
    """2. Between actors sharing the alias, prefer one of the context country (then in office)."""
    ids = _aliases_of(text, kb)
    if len(ids) < 2 or actor.id not in ids:
        return actor
    candidates = [kb.actors[i] for i in sorted(ids) if i in kb.actors]
    local = [a for a in candidates if actor_at(a, day, kb.actors)[0] == context]
    if not local or actor in local:
        return actor
    in_office = [a for a in local if any(r.covers(day) for r in a.roles)]
    return (in_office or local)[0]


def _country_in_phrase(doc: Doc, skip: MentionSpan) -> str | None:
    """3. The country of a state named elsewhere in the phrase, else of a place in it."""
    taken = set(range(skip.start, skip.end))
    for mention in doc._.ng_mentions or []:
        other = doc._.ng_actors.get(mention.actor_id)
        if mention is not skip and other is not None and other.kind == "state" and other.country:
            return str(other.country)
        if other is not None and not other.provisional:  # "Kano State" as an NER org may hold a place
            taken.update(range(mention.start, mention.end))
    gazetteer = load_gazetteer()
    # Entities first, whole then by proper noun ("Kano State" -> "Kano"); then capitalised words
    # the NER left untagged ("Dehli police").
    spans = [ent for ent in doc.ents if not taken & set(range(ent.start, ent.end))]
    # (with the entity's article: "across the Sahel" or "the West Midlands" name no province)
    texts: list[tuple[str, bool]] = []
    for ent in spans:
        article = articled(doc, ent.start)
        texts += [(ent.text, article), *((t.text, article) for t in ent if t.pos_ == "PROPN")]
    texts += [
        (t.text, False) for t in doc
        if t.i not in taken and not t.is_stop and (t.pos_ == "PROPN" or (t.is_title and t.dep_ == "compound"))
    ]  # fmt: skip
    for text, article in texts:
        place = gazetteer.resolve(text, article)
        if place is not None and place.country:
            return place.country
    return None


def _former(doc: Doc, mention: MentionSpan) -> bool:
    """ "former President Yeltsin", "ex-premier X": the phrase says the office is no longer held."""
    before = doc[max(0, mention.start - 4) : mention.start]
    return any(t.lower_ in FORMER or t.lower_.startswith("ex-") for t in before)


def _result(actor: Actor, text: str, day: dt.date | None, known: dict[str, Actor]) -> dict[str, Any]:
    country, sector = actor_at(actor, day, known)
    return {
        "name": actor.name, "kind": actor.kind, "country": country, "sector": sector,
        "id": actor.id, "affiliation": actor.affiliation, "provisional": actor.provisional,
        "text": text,
    }  # fmt: skip


def resolve_doc(doc: Doc, kb: KnowledgeBase, context_country: str | None = None) -> dict[str, Any] | None:
    """Resolve a Doc that has been through the actor stage (see the module docstring).

    Args:
        doc: a phrase, processed at least up to ``newsgraph_actors``; ``doc._.published`` is the
            date the actor's country and sector are read at.
        kb: the knowledge base the actor stage used.
        context_country: a country code, name, adjective or demonym, or None.

    Returns:
        The actor as ``{name, kind, country, sector, id, affiliation, provisional, text}``, or None
        when the phrase names no actor.
    """
    day = doc._.published
    context = context_code(context_country, kb)
    known = {**kb.actors, **(doc._.ng_actors or {})}
    mention = head_mention(doc)
    if mention is None:
        capital = _bare_capital(doc, kb)
        if capital is not None:
            return _result(capital, doc.text.strip(), day, known)
        bare = _bare_agent(doc, kb)
        if bare is None:
            return None
        span, agent = bare
        generic = kb.agent_actor(context, Agent(kind=agent.kind, sector=agent.sector))
        return _result(generic, span.text, day, known)
    actor = known[mention.actor_id]
    text = mention.span(doc).text
    if context and mention.method == "kb":
        actor = _retie(actor, text, day, context, kb)
    if actor.id.startswith("*.") and actor.sector:
        country = context or _country_in_phrase(doc, mention)
        if country:
            actor = kb.agent_actor(country, Agent(kind=actor.kind, sector=actor.sector))
    elif actor.provisional and actor.kind == "person" and actor.country is None and context:
        # a copy: the provisional actor belongs to this Doc, the context to this call
        actor = Actor(id=actor.id, name=actor.name, kind=actor.kind, country=context,
                      sector=actor.sector, affiliation=actor.affiliation, provisional=True)  # fmt: skip
    result = _result(actor, text, day, known)
    if day is None and actor.kind == "person" and actor.roles and _former(doc, mention):
        result["sector"] = "ELI"
    return result


def resolve(
    phrase: str,
    date: dt.date | None = None,
    context_country: str | None = None,
    pipeline: Pipeline | None = None,
) -> dict[str, Any] | None:
    """Resolve one phrase to the actor it names, with country and sector at ``date``.

    Args:
        phrase: a noun phrase or short sentence: "the Afghan police", "Putin", "Moscow said".
        date: the day the phrase speaks of; None reads a person's latest office.
        context_country: a country (code, name or adjective: "MEX", "Mexico", "Mexican") that
            breaks ties between actors sharing an alias and places a bare generic agent.
        pipeline: a loaded ``newsgraph.pipeline.Pipeline``; None loads the default once.

    Returns:
        ``{name, kind, country, sector, id, affiliation, provisional, text}`` or None.
    """
    if not phrase or not phrase.strip():
        return None
    pipeline = pipeline or default_pipeline()
    nlp = pipeline.nlp
    doc = nlp(make_doc(nlp, phrase.strip(), published=date), disable=_after_actors(nlp))
    return resolve_doc(doc, pipeline.kb, context_country)


def parse_date(value: Any, source: str) -> dt.date | None:
    """A record's date: None, a ``datetime.date`` or an ISO ``YYYY-MM-DD`` string."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise InputError(source, f"date {value!r} is not YYYY-MM-DD") from None


def resolve_many(
    records: Iterable[dict[str, Any]],
    pipeline: Pipeline | None = None,
    batch_size: int = DEFAULT_BATCH,
) -> Iterator[dict[str, Any] | None]:
    """Resolve many phrases in order, batching the spaCy parse.

    Args:
        records: dicts ``{"text", "date" (optional, YYYY-MM-DD), "context_country" (optional)}``.
        pipeline: a loaded pipeline; None loads the default once.
        batch_size: phrases per ``nlp.pipe`` batch.

    Yields:
        One result per record, in input order (None where a phrase names no actor).

    Raises:
        InputError: a record is not a mapping, has no text, or has an unreadable date.
    """
    pipeline = pipeline or default_pipeline()
    nlp = pipeline.nlp
    contexts: deque[str | None] = deque()

    def docs() -> Iterator[Doc]:
        for number, record in enumerate(records, start=1):
            source = f"record {number}"
            if not isinstance(record, dict):
                raise InputError(source, "expected a JSON object with a 'text' field")
            text = record.get("text")
            if not isinstance(text, str):
                raise InputError(source, "missing 'text' (a string)")
            day = parse_date(record.get("date"), source)
            contexts.append(record.get("context_country"))
            yield make_doc(nlp, text.strip(), published=day)

    for doc in nlp.pipe(docs(), batch_size=batch_size, disable=_after_actors(nlp)):
        context = contexts.popleft()
        yield resolve_doc(doc, pipeline.kb, context) if len(doc) else None

"""Wiring of the stages: Article -> spaCy Doc -> Extraction (the records of ``models``)."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.actors.kb import Agent, KnowledgeBase, load_kb
from newsgraph.events.accusations import ACT
from newsgraph.events.component import RawEvent
from newsgraph.events.modality import load_cues
from newsgraph.models import (
    STATE_KINDS,
    Actor,
    ActorRef,
    Article,
    Event,
    Evidence,
    Extraction,
    Mention,
    Place,
    TimeSpan,
)
from newsgraph.nlp import load_pipeline, make_doc
from newsgraph.syntax import sentences_back

DEFAULT_BATCH = 16
PLACED_TYPES = {"ASSAULT", "COERCE", "PROTEST"}  # with no named recipient, the place's state is it
# Protest that names no addressee is addressed to the protesters' own authorities (PLOVER codes
# "students staged a hunger strike" as the students' country against itself).
DOMESTIC_TYPES = {"PROTEST"}
# A curfew, state of emergency or martial law is a state's measure over its own land: with no
# place or recipient named, its own state is on the receiving end (CAMEO 1723, 1724).
DOMESTIC_MODES = {"curfew", "martial-law"}


def actor_at(actor: Actor, day: dt.date | None, actors: dict[str, Actor]) -> tuple[str | None, str | None]:
    """Country and sector of an actor on a day: a person's office then, else their last one.

    A former office holder keeps the country of their last role, with sector ``ELI`` (elites);
    a person with no role takes the country of the organisation they act for.
    """
    if not actor.roles:
        if actor.country is None and actor.affiliation and actor.affiliation in actors:
            org = actors[actor.affiliation]
            return org.country, actor.sector or org.sector
        return actor.country, actor.sector
    covering = [role for role in actor.roles if role.covers(day)]
    if covering:
        return covering[-1].country, covering[-1].sector
    if day is not None:
        earlier = [role for role in actor.roles if role.end is not None and role.end < day.isoformat()]
        if earlier:
            return earlier[-1].country, "ELI"
    return actor.roles[0].country, actor.roles[0].sector


class Pipeline:
    """The extraction pipeline: one loaded spaCy model with the newsgraph stages.

    Args:
        model: an installed spaCy pipeline name; None picks the default English model.
        actors_file: a user YAML file of extra actors.
    """

    def __init__(self, model: str | None = None, actors_file: str | None = None) -> None:
        self.nlp: Language = load_pipeline(model, actors_file)
        self.kb = load_kb(actors_file)

    def extract(self, article: Article) -> Extraction:
        """Code one article."""
        return next(self.extract_many([article]))

    def extract_many(
        self, articles: Iterable[Article], batch_size: int = DEFAULT_BATCH
    ) -> Iterator[Extraction]:
        """Code articles in order, batching the spaCy parse."""
        pending: list[Article] = []

        def docs() -> Iterator[Doc]:
            for article in articles:
                pending.append(article)
                doc = make_doc(self.nlp, article.text, article.published)
                doc._.dateline_place = article.dateline_place
                yield doc

        for doc in self.nlp.pipe(docs(), batch_size=batch_size):
            yield to_extraction(pending.pop(0), doc, self.kb)


def _ref(actor: Actor, text: str, day: dt.date | None, known: dict[str, Actor]) -> ActorRef:
    country, sector = actor_at(actor, day, known)
    # "the UN envoy de Mistura": a person in an organisation's office that day acts for it
    office = next((role.organisation for role in reversed(actor.roles) if role.covers(day)), None)
    return ActorRef(
        id=actor.id, name=actor.name, kind=actor.kind, country=country, sector=sector,
        affiliation=actor.affiliation or office, text=text,
    )


def _localise(refs: list[ActorRef], country: str | None, kb: KnowledgeBase) -> list[ActorRef]:
    """ "Protesters demonstrated in Hong Kong": a generic actor the text ties to no country
    belongs to the country where the event took place."""
    out = []
    for ref in refs:
        if ref.country is None and ref.id.startswith("*.") and country and ref.sector:
            actor = kb.agent_actor(country, Agent(kind=ref.kind, sector=ref.sector))
            ref = ActorRef(actor.id, actor.name, actor.kind, country, ref.sector, None, ref.text)
        out.append(ref)
    return out


# How the actor stage found a country's people rather than its state: "Algerians", "Algerian
# landowners" (the word alone resolves to the state).
PEOPLE_METHODS = {"demonym", "adj"}


def _home(sources: list[ActorRef], organs: bool) -> str | None:
    """The one country of a source side that is not the state or its organs ("students", "the
    opposition party", "Algerians"), if any."""
    countries = {ref.country for ref in sources}
    return None if len(countries) != 1 or organs else countries.pop()


def _domestic(raw: RawEvent, sources: list[ActorRef], organs: bool) -> str | None:
    """The home state a recipient-less domestic act is aimed at: a people's protest, a state's
    curfew or martial law (whoever imposes it, organs of the state included)."""
    if raw.type in DOMESTIC_TYPES:
        return _home(sources, organs)
    return _home(sources, False) if raw.mode in DOMESTIC_MODES else None


def _theatre(
    doc: Doc, raw: RawEvent, kb: KnowledgeBase, countries: set[str | None], abroad: bool = False
) -> str | None:
    """Where an unplaced act happens: the state the event's sentence and the two before it name
    most, when it is one of the sources' ("Syrian and Russian jets bombed rebel positions", said
    of Syria: Syria's rebels; Russian jets alone over Syria give no rebels' country) or, with
    ``abroad``, when it is none of theirs (Turkey backing "the opposition in the Syrian war")."""
    start = sentences_back(doc[raw.sent_start].sent, 2)
    named = kb.states_named(doc[start.start : raw.sent_end])
    if abroad:
        named = Counter({code: n for code, n in named.items() if code not in countries})
    ranked = named.most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0] if abroad or ranked[0][0] in countries else None


def _warring(sources: list[ActorRef]) -> bool:
    """Whether an attack's doers are states or their armed forces, who may strike abroad (a
    police force, a government or a person acts at home)."""
    return bool(sources) and all(ref.kind == "state" or ref.sector == "MIL" for ref in sources)


def _story_state(doc: Doc, kb: KnowledgeBase) -> str | None:
    """The state a whole story names most, by name or adjective, when one leads (cached on the
    Doc: only attacks with unplaced victims ask)."""
    if "ng_story_state" not in doc.user_data:
        ranked = kb.states_named(doc).most_common(2)
        lead = len(ranked) == 1 or (len(ranked) > 1 and ranked[0][1] > ranked[1][1])
        doc.user_data["ng_story_state"] = ranked[0][0] if lead else None
    story: str | None = doc.user_data["ng_story_state"]
    return story


def _theatres(doc: Doc) -> set[str]:
    """The countries where a story's placed events happen, where its actors are seen at work
    (cached on the Doc)."""
    if "ng_theatres" not in doc.user_data:
        places = (raw.extra.get("place") for raw in doc._.ng_events)
        doc.user_data["ng_theatres"] = {place.country for place in places if place is not None and place.country}
    theatres: set[str] = doc.user_data["ng_theatres"]
    return theatres


def _theatre_of_war(doc: Doc, raw: RawEvent, place: Place) -> bool:
    """Whether an act is a fight told only with the country it is fought in ("Kurdish forces
    fighting in Syria", "troops who fought in Afghanistan"): the country is where the war is, not
    the foe, whose forces may be anyone's."""
    return place.feature == "country" and doc[raw.trigger].lemma_.lower() in load_cues().fights


def _event(article: Article, doc: Doc, raw: RawEvent, known: dict[str, Actor], kb: KnowledgeBase) -> Event | None:
    mentions = doc._.ng_mentions
    actors = doc._.ng_actors
    date: TimeSpan = raw.extra.get("date") or TimeSpan(None, None)
    day = date.start or article.published

    def refs(indices: list[int]) -> list[ActorRef]:
        out: dict[str, ActorRef] = {}
        for i in indices:
            mention = mentions[i]
            actor = actors[mention.actor_id]
            out.setdefault(actor.id, _ref(actor, mention.span(doc).text, day, known))
        return list(out.values())

    place = raw.extra.get("place")
    place_country = place.country if place is not None else None
    sources = _localise(refs(raw.sources), place_country, kb)
    # an accusation charges the act's doers: placed, as they are, by where the act happened
    # ("Amnesty said police beat students in Cairo": Egypt's police), not where it was told
    act = raw.extra.get(ACT)
    if act is not None and (act_place := act.extra.get("place")) is not None:
        place_country = act_place.country
    # "police dispersed demonstrators": unplaced generic targets are the source's compatriots,
    # but not armed opponents ("Russian jets bombed rebels" are no Russian rebels), organs of a
    # state ("backing from Iran" for "the government" is not for Iran's government) nor refugees
    # ("Turkey is welcoming 3.5 million refugees" are no Turks)
    home = place_country or next((s.country for s in sources if s.country), None)

    def foreign(ref: ActorRef) -> bool:
        return ref.kind == "armed_group" or ref.kind in STATE_KINDS or ref.sector == "REF"

    countries = {s.country for s in sources}
    # a state backs an opposition abroad: "Turkey supported the opposition" is no Turkish
    # opposition (its farmers, workers or civilians may well be its own)
    backing = raw.type in ("SUPPORT", "AID") and any(s.kind in STATE_KINDS for s in sources)

    def where(ref: ActorRef) -> str | None:
        # (the theatre is read from the text only for the targets that need it)
        if ref.kind == "armed_group":
            return place_country or _theatre(doc, raw, kb, countries)
        if not place_country and raw.type == "ASSAULT" and not foreign(ref) and _warring(sources):
            # "civilians were killed by Russian air strikes" in a story about Syria: Syrians; not
            # when the story tells of events in the attackers' own country ("Syrian troops killed
            # civilians" in a story of Syria's war that names Russia most: Syrians still)
            story = _story_state(doc, kb)
            if story is not None and story not in countries and not countries & _theatres(doc):
                return story
        if backing and ref.sector == "OPP" and ref.id.startswith("*."):
            return place_country or _theatre(doc, raw, kb, countries, abroad=True)
        return place_country if foreign(ref) else home

    targets = [_localise([ref], where(ref), kb)[0] for ref in refs(raw.targets)]
    if all(ref.id.startswith("*.") for ref in sources):
        return None  # "officials said": nobody an analyst can place
    organs = any(
        actors[mentions[i].actor_id].kind in STATE_KINDS and mentions[i].method not in PEOPLE_METHODS
        for i in raw.sources
    )
    host = raw.extra.get("host")
    if not targets and host in known and host not in {s.country for s in sources}:
        targets = [_ref(known[host], raw.extra["place"].text or host, day, known)]
    elif (
        not targets and raw.type in PLACED_TYPES and place is not None and place_country in known
        and not _theatre_of_war(doc, raw, place)
    ):
        # "shelled Jericho", "demonstrators blocked roads in Algiers": the state of the place
        # is on the receiving end, as event data (GDELT, PLOVER) codes it.
        targets = [_ref(known[place_country], place.text or place.name, day, known)]
    elif not targets and (home := _domestic(raw, sources, organs)) in known:
        targets = [_ref(known[home], known[home].name, day, known)]
    if not targets and any(raw.extra.get(flag) for flag in ("placed", "mentioned", "directed")):
        # a recipient it needs, a nominal act only mentioned ("his tour") or an act aimed at
        # someone ("warned of an exodus"), with none named nor given by its place
        return None
    span = doc[raw.start : raw.end]
    sent = doc[raw.sent_start : raw.sent_end]
    trigger = doc[raw.trigger]
    sides = "|".join(",".join(r.id for r in refs) for refs in (sources, targets))
    key = f"{article.id}:{span.start_char}:{trigger.idx}:{raw.type}:{sides}"
    return Event(
        id=hashlib.sha1(key.encode()).hexdigest()[:16],
        doc_id=article.id,
        type=raw.type,
        mode=raw.mode,
        source=sources,
        target=targets,
        date=date,
        place=raw.extra.get("place"),
        quantity=raw.quantity,
        modality=raw.modality,
        covert=raw.covert,
        attribution=raw.attribution,
        evidence=Evidence(
            text=span.text, sentence=sent.text, start=span.start_char, end=span.end_char,
            trigger=trigger.text,
        ),
        cameo=raw.cameo,
        quad_class=raw.quad_class,
        goldstein=raw.goldstein,
        confidence=raw.confidence,
        rule=raw.rule,
    )


def _principal(ref: ActorRef) -> str:
    return ref.country if ref.country and ref.kind in _COUNTRY_PRINCIPALS else ref.id


# Who counts as their country when events are compared: organs of a state, office holders and
# populations; groups, organisations and media stay themselves.
_COUNTRY_PRINCIPALS = {*STATE_KINDS, "person", "population"}


def _distinct(events: list[Event]) -> list[Event]:
    """One event per (sentence, type, source side, target side): "the arrival of the Saudi
    defence minister in Moscow and his meeting with President Putin" is one Saudi-Russian
    consultation, whichever words name the sides."""
    # the one kept is the most confident: a recipient the text names beats one its place gave
    # ("attacking Idlib, killing four people": the people, not Syria)
    kept: dict[tuple[object, ...], int] = {}
    for i, event in enumerate(events):
        key = (event.evidence.sentence, event.type, frozenset(map(_principal, event.source)),
               frozenset(map(_principal, event.target)), event.modality == "negated")
        if key not in kept or event.confidence > events[kept[key]].confidence:
            kept[key] = i
    return [events[i] for i in sorted(kept.values())]


def to_extraction(article: Article, doc: Doc, kb: KnowledgeBase) -> Extraction:
    """Turn a processed Doc into the records of one article."""
    sentence_of = {}
    for number, sent in enumerate(doc.sents):
        for token in sent:
            sentence_of[token.i] = number
    mentions = [
        Mention(
            actor_id=m.actor_id, text=m.span(doc).text, start=doc[m.start].idx,
            end=doc[m.end - 1].idx + len(doc[m.end - 1]), sentence=sentence_of[m.start],
            method=m.method,
        )
        for m in doc._.ng_mentions
    ]
    known = kb.actors
    events = _distinct(
        [e for raw in doc._.ng_events if (e := _event(article, doc, raw, known, kb)) is not None]
    )
    named = {m.actor_id for m in mentions} | {a.id for e in events for a in e.source + e.target}
    all_actors = {**known, **doc._.ng_actors}
    actors = [all_actors[i] for i in sorted(named) if i in all_actors]
    return Extraction(article=article, actors=actors, mentions=mentions, events=events)

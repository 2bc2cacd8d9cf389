"""The actor knowledge base: bundled YAML files (``actors/data/``) plus pycountry, plus user files.

Loaded once per process (``load_kb``); the resolver builds its matchers from ``KnowledgeBase``.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pycountry
import yaml

from newsgraph.cache import derived, package_files
from newsgraph.errors import KnowledgeBaseError
from newsgraph.models import ACTOR_KINDS, ORGANISATION_KINDS, Actor, Role

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

log = logging.getLogger(__name__)

ENTRY_FILES = ("igos.yaml", "agencies.yaml", "armed_groups.yaml", "media.yaml", "leaders.yaml")
SECTOR_LABELS = {
    "GOV": "government", "MIL": "military", "COP": "police", "SPY": "intelligence",
    "JUD": "judiciary", "LEG": "legislature", "PTY": "party", "REB": "rebels",
    "PRM": "paramilitary", "CVL": "civilians", "REF": "refugees", "BUS": "business",
    "JRN": "media", "OPP": "opposition", "REL": "religious", "CRM": "criminals",
    "LAB": "labour", "EDU": "students", "MED": "health", "ELI": "elites", "UAF": "gunmen",
}
KIND_OF_SECTOR = {
    "GOV": "government", "MIL": "military", "COP": "police", "SPY": "intelligence",
    "JUD": "judiciary", "LEG": "legislature", "PTY": "party", "REB": "armed_group",
    "PRM": "armed_group", "JRN": "media", "BUS": "company",
}
_ACRONYM = re.compile(r"^[A-Z0-9&.\-]{1,6}$")
# An acronym written with small letters inside ("LeT", "DoD", "HuM"): in small letters it is an
# everyday word ("let", "hum").
_MIXED_ACRONYM = re.compile(r"^[A-Za-z0-9&.]{2,6}$")


@dataclass
class Agent:
    """A generic sector word: "police" -> police/COP; ``head`` marks a single office holder."""

    kind: str
    sector: str
    head: bool = False


@dataclass
class KnowledgeBase:
    """Every canonical actor and the words that name them."""

    actors: dict[str, Actor] = field(default_factory=dict)
    aliases: dict[str, set[str]] = field(default_factory=dict)  # alias -> actor ids
    adjectives: dict[str, str] = field(default_factory=dict)  # lower adjective -> state id
    adjective_of: dict[str, str] = field(default_factory=dict)  # state id -> its first adjective
    demonyms: dict[str, str] = field(default_factory=dict)  # lower demonym -> state id
    ethnic: dict[str, str] = field(default_factory=dict)  # lower ethnic name -> kin state id
    capitals: dict[str, str] = field(default_factory=dict)  # capital or seat -> state id
    seat_sectors: dict[str, str] = field(default_factory=dict)  # "Pentagon" -> MIL
    agents: dict[str, Agent] = field(default_factory=dict)  # lower phrase -> Agent
    successors: dict[str, str] = field(default_factory=dict)  # historic state -> successor
    member_roles: frozenset[str] = frozenset()  # "recruiter", "commander": a person's place in a group
    terror_words: frozenset[str] = frozenset()  # "terror", "extremist": words describing a group by terror
    designated: frozenset[str] = frozenset()  # ids of groups listed as terrorist, and their affiliates

    def own_people(self, organisation: Actor, noun: str, kind: str) -> bool:
        """Whether people an organisation that is no organ of a state possesses are its own, who
        speak and fight for it: a place in a group (``member_roles``: "the Houthis' spokesman")
        or fighters (an agent ``kind`` armed_group or military: "Hamas's fighters"); not someone
        it holds or harms ("the group's hostages"). ``noun`` is the lemma of the people's noun."""
        return organisation.kind in ORGANISATION_KINDS and (
            noun in self.member_roles or kind in ("armed_group", "military")
        )

    def add(self, actor: Actor) -> None:
        """Add (or replace) an actor and index its name and aliases."""
        if actor.kind not in ACTOR_KINDS:
            raise KnowledgeBaseError(f"actor {actor.id!r}: unknown kind {actor.kind!r}")
        self.actors[actor.id] = actor
        for alias in {actor.name, *actor.aliases}:
            self.aliases.setdefault(alias.strip(), set()).add(actor.id)

    def state(self, code: str | None) -> Actor | None:
        """The state actor of an alpha-3 code."""
        return self.actors.get(code) if code else None

    def agent_actor(self, country: str | None, agent: Agent) -> Actor:
        """The canonical composed actor "Russian intelligence" (RUS.SPY), created on first use."""
        actor_id = f"{country}.{agent.sector}" if country else f"*.{agent.sector}"
        if actor_id not in self.actors:
            label = SECTOR_LABELS.get(agent.sector, agent.sector.lower())
            state = self.state(country)
            adjective = self.adjective_of.get(country or "")
            name = f"{adjective} {label}" if adjective else f"{state.name} {label}" if state else label
            kind = "government" if agent.kind == "state" else agent.kind
            self.actors[actor_id] = Actor(
                id=actor_id, name=name, kind=kind, country=country, sector=agent.sector
            )
        return self.actors[actor_id]

    def state_code(self, text: str) -> str | None:
        """The alpha-3 code of the state a name names exactly ("Russia" -> RUS), if any."""
        for actor_id in self.aliases.get(text, ()):
            if self.actors[actor_id].kind == "state":
                return actor_id
        return None

    def states_named(self, span: Doc | Span) -> Counter[str]:
        """How often a text names each state, by name or adjective ("Syria", "Syrian")."""
        return Counter(
            code
            for ent in span.ents
            if ent.label_ in ("GPE", "NORP")
            and (code := self.state_code(ent.text) or self.adjectives.get(ent.text.lower())) is not None
        )

    def is_case_sensitive(self, alias: str) -> bool:
        """Short acronyms (IS, RAW, SCO, AP; LeT, DoD) match only as written."""
        if _MIXED_ACRONYM.match(alias) and any(c.isupper() for c in alias[1:]):
            return True
        return bool(_ACRONYM.match(alias)) and alias.upper() == alias


def read_yaml(path: Path | Any) -> Any:
    """A YAML data file (a path or package resource) of the knowledge base or the lexicon.

    Raises:
        KnowledgeBaseError: it cannot be read or is not valid YAML (one line, naming the file).
    """
    try:
        # The C loader when PyYAML has it: a large imported dictionary loads several times faster.
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        return yaml.load(path.read_text(encoding="utf-8"), Loader=loader)  # a safe loader (C or pure Python)
    except OSError as e:
        raise KnowledgeBaseError(f"{path}: cannot be read ({e.strerror or e})") from e
    except yaml.YAMLError as e:
        raise KnowledgeBaseError(f"{path}: not valid YAML ({' '.join(str(e).split())})") from e


def _iso(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    return str(value)[:10]


def actor_from_entry(entry: dict[str, Any], source: str) -> Actor:
    """Build an Actor from one YAML entry (bundled or user file)."""
    try:
        roles = [
            Role(
                title=str(role.get("title", "")),
                country=role.get("country"),
                sector=role.get("sector"),
                start=_iso(role.get("start")),
                end=_iso(role.get("end")),
                organisation=role.get("organisation"),
            )
            for role in entry.get("roles") or []
        ]
        country = entry.get("country")
        sector = entry.get("sector")
        if roles and not country:
            country, sector = roles[-1].country, roles[-1].sector
        return Actor(
            id=str(entry["id"]),
            name=str(entry["name"]),
            kind=str(entry.get("kind", "other")),
            country=country,
            sector=sector,
            affiliation=entry.get("affiliation"),
            aliases=[str(a) for a in entry.get("aliases") or []],
            roles=roles,
        )
    except (KeyError, TypeError, AttributeError) as e:
        raise KnowledgeBaseError(f"{source}: malformed actor entry {entry!r} ({e})") from e


def _add_states(kb: KnowledgeBase, data: dict[str, Any]) -> None:
    extra = (data or {}).get("states") or {}
    for country in pycountry.countries:
        code = country.alpha_3
        info = extra.get(code) or {}
        # The everyday name news uses ("Russia", not "Russian Federation") leads the YAML aliases.
        name = (info.get("aliases") or [None])[0] or getattr(country, "common_name", None) or country.name
        aliases = {country.name, name, *(info.get("aliases") or [])}
        if official := getattr(country, "official_name", None):
            aliases.add(official)
        kb.add(Actor(id=code, name=name, kind="state", country=code, aliases=sorted(aliases)))
        _index_state_words(kb, code, info)
    known = {c.alpha_3 for c in pycountry.countries}
    for code, info in extra.items():
        if code not in known and info.get("name"):  # states pycountry lacks, e.g. Kosovo (XKX)
            kb.add(Actor(id=code, name=info["name"], kind="state", country=code,
                         aliases=list(info.get("aliases") or [])))
            _index_state_words(kb, code, info)
    for item in (data or {}).get("historic") or []:
        code = item["id"]
        kb.add(
            Actor(id=code, name=item["name"], kind="state", country=code,
                  aliases=list(item.get("aliases") or []))
        )
        kb.successors[code] = item.get("successor")
        _index_state_words(kb, code, item)


def _index_state_words(kb: KnowledgeBase, code: str, info: dict[str, Any]) -> None:
    for word in info.get("adjectives") or []:
        kb.adjectives.setdefault(word.lower(), code)
        kb.adjective_of.setdefault(code, word)
    for word in info.get("demonyms") or []:
        kb.demonyms.setdefault(word.lower(), code)
    for word in info.get("ethnic") or []:
        kb.ethnic.setdefault(word.lower(), code)
    for word in [*(info.get("capitals") or []), *(info.get("seats") or [])]:
        kb.capitals.setdefault(word, code)
    for word, sector in (info.get("seat_sectors") or {}).items():
        kb.seat_sectors[word] = sector


def _word_list(data: dict[str, Any] | None, key: str, source: str) -> list[Any]:
    """The list of words under ``key`` (none when absent).

    Raises:
        KnowledgeBaseError: the value is not a list ("terror_words: terror" would be its letters).
    """
    words = (data or {}).get(key) or []
    if not isinstance(words, list):
        raise KnowledgeBaseError(f"{source}: '{key}' must be a list of words")
    return words


def _add_agents(kb: KnowledgeBase, data: dict[str, Any], source: str) -> None:
    kb.member_roles = kb.member_roles | {str(word).lower() for word in _word_list(data, "member_roles", source)}
    kb.terror_words = kb.terror_words | {str(word).lower() for word in _word_list(data, "terror_words", source)}
    for item in (data or {}).get("agents") or []:
        agent = Agent(kind=item["kind"], sector=item["sector"], head=bool(item.get("head")))
        for word in item.get("words") or []:
            kb.agents.setdefault(word.lower(), agent)
        for word in item.get("head_words") or []:
            kb.agents.setdefault(
                word.lower(), Agent(kind=item["kind"], sector=item["sector"], head=True)
            )


def add_user_file(kb: KnowledgeBase, path: str | Path) -> int:
    """Extend the KB with a user YAML file of actors (README format). Returns entries added."""
    path = Path(path)
    if not path.is_file():
        raise KnowledgeBaseError(f"{path}: no such actors file")
    data = read_yaml(path)
    entries = (data or {}).get("actors") if isinstance(data, dict) else None
    agents = (data or {}).get("agents") if isinstance(data, dict) else None
    if not isinstance(entries, list) and not isinstance(agents, list):
        raise KnowledgeBaseError(f"{path}: expected a mapping with a list under 'actors:' or 'agents:'")
    for entry in entries or []:
        kb.add(actor_from_entry(entry, str(path)))
    if isinstance(agents, list):
        _add_agents(kb, data, str(path))
    return len(entries or []) + len(agents or [])


def load_kb(actors_file: str | Path | None = None) -> KnowledgeBase:
    """The bundled knowledge base, plus a user actors file when given; loaded once per file."""
    return _load_kb(str(actors_file) if actors_file else None)


@lru_cache(maxsize=4)
def _load_kb(actors_file: str | None) -> KnowledgeBase:
    sources = [*package_files("newsgraph", "actors/kb.py", "models.py"), *package_files("newsgraph.actors", "data/*")]
    kb = derived("kb", _bundled_kb, sources, packages=("pycountry",))
    if actors_file:
        add_user_file(kb, actors_file)
    kb.designated = _with_affiliates(kb, kb.designated)
    log.info("knowledge base: %d actors, %d aliases", len(kb.actors), len(kb.aliases))
    return kb


def _bundled_kb() -> KnowledgeBase:
    """The knowledge base of the bundled files alone (its ``designated`` as they list it), as the
    derived-data cache (``newsgraph.cache``) keeps it."""
    kb = KnowledgeBase()
    folder = resources.files("newsgraph.actors") / "data"
    states = folder / "states.yaml"
    _add_states(kb, read_yaml(states) if states.is_file() else {})
    for name in ENTRY_FILES:
        path = folder / name
        if not path.is_file():
            log.warning("knowledge base file %s is missing", name)
            continue
        data = read_yaml(path) or {}
        for entry in data.get("actors") or []:
            kb.add(actor_from_entry(entry, name))
        kb.designated = kb.designated | {str(i) for i in _word_list(data, "designated", name)}
    agents = folder / "agents.yaml"
    if agents.is_file():
        _add_agents(kb, read_yaml(agents), "agents.yaml")
    return kb


def _with_affiliates(kb: KnowledgeBase, listed: frozenset[str]) -> frozenset[str]:
    """The listed groups and every armed group affiliated with one of them, however many steps
    away (the Islamic State's provinces, al-Qaeda's branches and theirs).

    Raises:
        KnowledgeBaseError: a listed id names no actor.
    """
    unknown = sorted(listed - kb.actors.keys())
    if unknown:
        raise KnowledgeBaseError(f"designated groups not in the knowledge base: {', '.join(unknown)}")
    found = set(listed)
    while added := {a.id for a in kb.actors.values() if a.kind == "armed_group" and a.affiliation in found} - found:
        found |= added
    return frozenset(found)

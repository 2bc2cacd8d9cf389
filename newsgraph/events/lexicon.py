"""The event lexicon (``events/data/triggers.yaml``) and ontology (``events/data/ontology.yaml``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from newsgraph.actors.kb import read_yaml
from newsgraph.cache import derived, package_files
from newsgraph.errors import KnowledgeBaseError
from newsgraph.models import EVENT_TYPES

TARGET_SLOTS = {
    "dobj", "iobj", "to", "with", "against", "on", "from", "of", "for", "into", "at", "toward",
    "towards", "between", "among", "amongst", "over", "in", "upon", "onto", "across", "about",
}


@dataclass(frozen=True)
class Trigger:
    """One lexicon entry: a word or phrase that makes an event of a type (and mode)."""

    type: str
    pos: str
    lemma: str | None = None
    phrase: tuple[str, ...] = ()
    mode: str | None = None
    cameo: str | None = None
    target: tuple[str, ...] | None = None  # None: the default slots; (): no recipient
    objects: frozenset[str] = frozenset()
    not_objects: frozenset[str] = frozenset()
    requires_object: bool = False  # fires only with a recipient or direct object ("entered Kabul")
    requires_target: bool = False  # fires only with a recipient actor
    directed: bool = False  # aimed at someone: with no recipient found nor given by its place, no event
    armed_source: bool = False  # fires only when a military or armed group acts
    not_with_clause: bool = False  # no event when the verb takes a that-clause or gerund ("warned that")
    not_naming: bool = False  # no event when the verb names its object something ("calls them terrorists")
    converse: bool = False  # the subject receives, the target slot names the actor ("received arms from")
    armed_aid: bool = False  # backing an armed side is military aid ("Iran backs the Houthis")
    joint_cameo: str | None = None  # held by two sides together it is COOPERATE with this code ("war games")
    rule: str | None = None  # a construction rule's own name ("demand", "blame") instead of the word class

    @property
    def name(self) -> str:
        """The rule name events carry: ``verb:deliver``, ``phrase:make contact with``."""
        if self.phrase:
            return "phrase:" + " ".join(self.phrase)
        return f"{self.rule or self.pos.lower()}:{self.lemma}"


@dataclass
class TypeInfo:
    """A PLOVER type's CAMEO mapping: root code, QuadClass, Goldstein, modes."""

    quad_class: int
    cameo: str
    goldstein: float
    modes: dict[str, tuple[str, float]] = field(default_factory=dict)
    requires_recipient: bool = False
    directed: bool = False  # an act between parties: one alone, and no recipient found, is no event


@dataclass
class Lexicon:
    """Triggers indexed for lookup, and the ontology."""

    verbs: dict[str, list[Trigger]]
    nouns: dict[str, list[Trigger]]
    phrases: list[Trigger]
    types: dict[str, TypeInfo]
    intents: dict[str, tuple[str, float]] = field(default_factory=dict)

    def intent(self, cameo: str | None) -> tuple[str, float] | None:
        """The CAMEO 03 code and Goldstein weight of an expressed intent to do the act of a CAMEO
        code ("wants to help": 07 -> 033), by the longest listed prefix; None for no such act."""
        for end in range(len(cameo or ""), 1, -1):
            if (found := self.intents.get((cameo or "")[:end])) is not None:
                return found
        return None

    def code(self, trigger: Trigger) -> tuple[str | None, int | None, float | None]:
        """CAMEO code, QuadClass and Goldstein weight of a trigger's event."""
        info = self.types.get(trigger.type)
        if info is None:
            return trigger.cameo, None, None
        cameo, goldstein = info.cameo, info.goldstein
        if trigger.mode and trigger.mode in info.modes:
            cameo, goldstein = info.modes[trigger.mode]
        return trigger.cameo or cameo, info.quad_class, goldstein


def _read(name: str) -> Any:
    return read_yaml(resources.files("newsgraph.events") / "data" / name)


def _trigger(entry: dict[str, Any]) -> Trigger:
    kind = entry.get("type")
    if kind not in EVENT_TYPES:
        raise KnowledgeBaseError(f"triggers.yaml: unknown event type {kind!r} in {entry!r}")
    target = tuple(entry["target"] or ()) if "target" in entry else None
    bad = [slot for slot in target or () if slot not in TARGET_SLOTS]
    if bad:
        raise KnowledgeBaseError(f"triggers.yaml: unknown target slot(s) {bad} in {entry!r}")
    phrase = tuple(str(entry["phrase"]).lower().split()) if entry.get("phrase") else ()
    return Trigger(
        type=kind,
        pos=str(entry.get("pos") or ("PHRASE" if phrase else "VERB")).upper(),
        lemma=str(entry["lemma"]).lower() if entry.get("lemma") else None,
        phrase=phrase,
        mode=entry.get("mode"),
        cameo=str(entry["cameo"]) if entry.get("cameo") is not None else None,
        target=target,
        objects=frozenset(str(o).lower() for o in entry.get("objects") or ()),
        not_objects=frozenset(str(o).lower() for o in entry.get("not_objects") or ()),
        requires_object=bool(entry.get("requires_object")),
        requires_target=bool(entry.get("requires_target")),
        directed=bool(entry.get("directed")),
        armed_source=bool(entry.get("armed_source")),
        not_with_clause=bool(entry.get("not_with_clause")),
        not_naming=bool(entry.get("not_naming")),
        converse=bool(entry.get("converse")),
        armed_aid=bool(entry.get("armed_aid")),
        joint_cameo=str(entry["joint_cameo"]) if entry.get("joint_cameo") is not None else None,
    )


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The bundled lexicon and ontology, indexed (once per process; read from the derived-data
    cache, ``newsgraph.cache``, when it holds them)."""
    sources = [
        *package_files("newsgraph", "events/lexicon.py", "models.py", "actors/kb.py"),
        *package_files("newsgraph.events", "data/triggers.yaml", "data/ontology.yaml"),
    ]
    return derived("lexicon", _build_lexicon, sources)


def _build_lexicon() -> Lexicon:
    """Load and index the bundled lexicon and ontology."""
    triggers = [_trigger(entry) for entry in (_read("triggers.yaml") or {}).get("triggers") or []]
    verbs: dict[str, list[Trigger]] = {}
    nouns: dict[str, list[Trigger]] = {}
    phrases = []
    for trigger in triggers:
        if trigger.phrase:
            phrases.append(trigger)
        elif trigger.lemma:
            index = nouns if trigger.pos == "NOUN" else verbs
            index.setdefault(trigger.lemma, []).append(trigger)
    types = {}
    ontology = _read("ontology.yaml") or {}
    for name, info in (ontology.get("types") or {}).items():
        modes = {
            mode: (str(value.get("cameo")), float(value.get("goldstein", info["goldstein"])))
            for mode, value in (info.get("modes") or {}).items()
        }
        types[name] = TypeInfo(
            quad_class=int(info["quad_class"]),
            cameo=str(info["cameo"]),
            goldstein=float(info["goldstein"]),
            modes=modes,
            requires_recipient=bool(info.get("requires_recipient")),
            directed=bool(info.get("directed")),
        )
    return Lexicon(verbs=verbs, nouns=nouns, phrases=phrases, types=types, intents=intents(ontology.get("intents")))


def intents(table: Any) -> dict[str, tuple[str, float]]:
    """The ontology's table of intents: an act's CAMEO code -> (CAMEO 03 code, Goldstein weight).

    Raises:
        KnowledgeBaseError: an entry has no CAMEO code or no numeric Goldstein weight.
    """
    found = {}
    for act, value in (table or {}).items():
        try:
            found[str(act)] = (str(value["cameo"]), float(value["goldstein"]))
        except (TypeError, KeyError, ValueError):
            raise KnowledgeBaseError(
                f"ontology.yaml: intent {act!r} needs a cameo code and a numeric goldstein weight, got {value!r}"
            ) from None
    return found

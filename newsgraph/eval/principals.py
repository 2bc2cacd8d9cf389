"""Principals: how a coded actor is compared with gold annotations.

A state, an organ of one, an official or a population is its ISO alpha-3 code (Putin -> RUS,
"the Afghan police" -> AFG); a non-state actor (armed group, IGO, party, media, company) is a set
of lowercase names it may be annotated under ("northern alliance", "nato", "islamic state").
A person acting for a non-state organisation is that organisation (Mullah Baradar -> taliban).
"""

from __future__ import annotations

from typing import Any

from newsgraph.actors.kb import SECTOR_LABELS, KnowledgeBase
from newsgraph.models import STATE_KINDS, ActorRef

# A population ("Russians" acting for Russia) is annotated as its state too.
PRINCIPAL_KINDS = {*STATE_KINDS, "population"}


def _names(kb: KnowledgeBase, actor_id: str, name: str) -> set[str]:
    names = {actor_id.lower().replace("-", " "), name.lower()}
    actor = kb.actors.get(actor_id)
    if actor is not None:
        names |= {alias.lower() for alias in actor.aliases}
        names |= {alias.lower().removeprefix("the ") for alias in actor.aliases}
    return names


def principals(ref: ActorRef | dict[str, Any], kb: KnowledgeBase) -> set[str]:
    """The gold principals an actor reference may be annotated as."""
    data = ref if isinstance(ref, dict) else ref.to_dict()
    kind, country = data.get("kind"), data.get("country")
    affiliation = data.get("affiliation")
    if kind == "person" and affiliation and affiliation in kb.actors:
        org = kb.actors[affiliation]
        if org.kind not in PRINCIPAL_KINDS:
            return _names(kb, org.id, org.name)
    if kind == "population" and country:
        # "Syrian civilians" are annotated as Syria or as "civilians" (the people, not the state)
        generic = SECTOR_LABELS.get(data.get("sector") or "")
        return {country} | _names(kb, data["id"], data.get("name") or data["id"]) | ({generic} if generic else set())
    if (kind in PRINCIPAL_KINDS or kind == "person") and country:
        return {country}
    names = _names(kb, data["id"], data.get("name") or data["id"])
    if affiliation and affiliation in kb.actors:
        # an organ acts for its organisation: the UN Security Council is annotated as the UN too
        names |= _names(kb, affiliation, kb.actors[affiliation].name)
    return names


def matches(gold: list[str], predicted: list[set[str]]) -> bool:
    """Gold principals and predicted actors agree: both empty, or they share a principal."""
    if not gold:
        return not predicted
    return any(g.lower() in p or g.upper() in p for g in gold for p in predicted)

"""Long-running conflicts and when they began (``data/conflicts.yaml``).

A text that says a group "has waged an insurgency for more than three decades" measures the fight
instead of dating it; the table gives the year it began, so the event spans the whole conflict.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from newsgraph.actors.kb import read_yaml
from newsgraph.errors import KnowledgeBaseError
from newsgraph.models import STATE_KINDS, Actor
from newsgraph.time.normalise import table_date


@dataclass(frozen=True)
class Conflict:
    """One conflict of the table: its two sides and its dates."""

    name: str
    sides: tuple[frozenset[str], frozenset[str]]
    start: dt.date
    start_precision: str  # day | year
    end: dt.date | None

    def between(self, first: list[Actor], second: list[Actor]) -> bool:
        """The two lists of actors stand on opposite sides of this conflict."""
        one, other = self.sides
        return (_on(first, one) and _on(second, other)) or (_on(first, other) and _on(second, one))


def _side_of(actor: Actor) -> set[str]:
    """The names an actor takes in the table: its id and what it acts for, and its state when it
    is a state's organ or official."""
    names = {actor.id, *([actor.affiliation] if actor.affiliation else [])}
    if actor.country and (actor.kind in STATE_KINDS or actor.kind == "person"):
        names.add(actor.country)
    return names


def _on(actors: list[Actor], side: frozenset[str]) -> bool:
    return bool(actors) and all(_side_of(actor) & side for actor in actors)


def _conflict(entry: dict[str, Any]) -> Conflict:
    name = str(entry.get("name", "?"))
    sides = entry.get("sides")
    if not (isinstance(sides, list) and len(sides) == 2 and all(isinstance(s, list) and s for s in sides)):
        raise KnowledgeBaseError(f"conflicts.yaml: {name}: sides must be two non-empty lists of actors")
    start, precision = table_date(entry.get("start"), f"conflicts.yaml: {name}: start")
    end = None
    if entry.get("end") is not None:
        end = table_date(entry["end"], f"conflicts.yaml: {name}: end", last=True)[0]
    return Conflict(name, (frozenset(map(str, sides[0])), frozenset(map(str, sides[1]))), start, precision, end)


@lru_cache(maxsize=1)
def load_conflicts() -> tuple[Conflict, ...]:
    """The bundled table of conflicts."""
    data = read_yaml(resources.files("newsgraph.time").joinpath("data/conflicts.yaml"))
    return tuple(_conflict(entry) for entry in (data or {}).get("conflicts") or [])


def conflict_between(first: list[Actor], second: list[Actor]) -> Conflict | None:
    """The conflict of the table whose sides the two lists of actors stand on, if any."""
    return next((c for c in load_conflicts() if c.between(first, second)), None)

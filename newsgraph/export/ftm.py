"""FollowTheMoney entities (Aleph, OpenSanctions, nomenklatura): actors and their dated links.

Written as FtM JSON lines (``{"id", "schema", "properties": {name: [values]}}``) without
needing the followthemoney package:

- every actor that takes part in a matching event becomes a ``Person`` (persons), a
  ``PublicBody`` (states and their organs) or an ``Organization`` (everything else);
- a person or unit acting for an organisation gets a ``Membership`` in it;
- each source x target pair of an event becomes an ``UnknownLink`` (subject -> object) whose
  role is the event type, dated with the event dates, with the evidence sentence as summary and
  the article's URL and publisher as its source;
- an event without a target becomes an ``Event`` with its sources as ``involved``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import pycountry

from newsgraph.export.events import iter_events, write_lines
from newsgraph.models import STATE_KINDS
from newsgraph.store.duckdb_store import Store
from newsgraph.store.queries import EventFilter

Entity = dict[str, Any]


def entity_id(kind: str, key: str) -> str:
    """A stable FtM entity id for a newsgraph object (actor, event pair)."""
    return f"ng-{kind}-{hashlib.sha1(key.encode()).hexdigest()[:20]}"


def schema_of(kind: str) -> str:
    """The FtM schema of an actor kind."""
    if kind == "person":
        return "Person"
    return "PublicBody" if kind in STATE_KINDS else "Organization"


def _country(code: str | None) -> list[str]:
    country = pycountry.countries.get(alpha_3=code) if code else None
    return [country.alpha_2.lower()] if country else []


def _entity(schema: str, key: str, kind: str, **properties: list[Any]) -> Entity:
    props = {k: [str(v) for v in values if v not in (None, "")] for k, values in properties.items()}
    return {
        "id": entity_id(kind, key),
        "schema": schema,
        "properties": {k: v for k, v in props.items() if v},
    }


def ftm_entities(store: Store, where: EventFilter | None = None) -> Iterator[Entity]:
    """Actors, memberships and links of the matching events, actors first."""
    events = list(iter_events(store, where))
    used = sorted({ref["id"] for e in events for ref in e["source"] + e["target"]})
    actors = {
        row["id"]: row
        for row in store.query(
            "SELECT id, name, kind, country, sector, affiliation, aliases FROM actors "
            "WHERE id IN (SELECT unnest(?::VARCHAR[]))",
            [used],
        )
    }
    for e in events:  # actors known only from their event roles
        for ref in e["source"] + e["target"]:
            actors.setdefault(ref["id"], {**ref, "aliases": [], "affiliation": ref["affiliation"]})
    for actor_id in sorted(actors):
        actor = actors[actor_id]
        yield _entity(
            schema_of(actor["kind"]),
            actor_id,
            "actor",
            name=[actor["name"]],
            alias=list(actor.get("aliases") or []),
            country=_country(actor["country"]),
            sector=[actor["sector"]],
            notes=[f"newsgraph actor {actor_id} ({actor['kind']})"],
        )
    for actor_id in sorted(actors):
        org = actors[actor_id].get("affiliation")
        if org and org in actors and schema_of(actors[org]["kind"]) != "Person":
            yield _entity(
                "Membership",
                f"{actor_id}>{org}",
                "member",
                member=[entity_id("actor", actor_id)],
                organization=[entity_id("actor", org)],
                role=["acts for"],
            )
    for event in events:
        yield from _links(event)


def _links(event: dict[str, Any]) -> Iterator[Entity]:
    date, article = event["date"] or {}, event["article"] or {}
    evidence = event["evidence"] or {}
    chain = "; ".join(f"{a['name']} ({a['cue']})" for a in event["attribution"])
    description = f"{event['type']}{'/' + event['mode'] if event['mode'] else ''}, "
    description += f"{event['modality']}{', covert' if event['covert'] else ''}"
    if chain:
        description += f"; according to {chain}"
    url = article.get("url")
    common: dict[str, list[Any]] = {
        "startDate": [date.get("start")],
        "endDate": [date.get("end")],
        "summary": [evidence.get("sentence")],
        "description": [description],
        "sourceUrl": [url] if url and str(url).startswith(("http://", "https://")) else [],
        "publisher": [article.get("publisher")],
    }
    if not event["target"]:
        names = ", ".join(ref["name"] for ref in event["source"]) or "unknown"
        yield _entity(
            "Event",
            event["id"],
            "event",
            name=[f"{event['type']}: {names}"],
            involved=[entity_id("actor", ref["id"]) for ref in event["source"]],
            date=[date.get("start")],
            **common,
        )
        return
    for source in event["source"]:
        for target in event["target"]:
            yield _entity(
                "UnknownLink",
                f"{event['id']}:{source['id']}>{target['id']}",
                "link",
                subject=[entity_id("actor", source["id"])],
                object=[entity_id("actor", target["id"])],
                role=[event["type"]],
                date=[date.get("start")],
                recordId=[event["id"]],
                **common,
            )


def write_ftm(store: Store, out: str | Path | IO[str], where: EventFilter | None = None) -> int:
    """Write the entities as FtM JSON lines; returns the number of entities."""

    return write_lines(out, (json.dumps(entity, ensure_ascii=False) + "\n" for entity in ftm_entities(store, where)))

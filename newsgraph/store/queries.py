"""Read queries over a Store: filtered events as nested records, actors, articles, summaries.

The CLI, the REST API and the exports all read through these functions.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from newsgraph.store.duckdb_store import Store


@dataclass
class EventFilter:
    """Filters shared by ``newsgraph events``, ``/api/events`` and the network queries.

    ``actor`` matches either side, ``source``/``target`` one side, by actor id, name or country
    code (case-insensitive). Dates filter on the event date; with ``fallback_published`` an
    undated event counts at its article's publication date.
    """

    actor: str | None = None
    source: str | None = None
    target: str | None = None
    type: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    modality: str | None = None
    covert: bool | None = None
    publisher: str | None = None
    article_id: str | None = None
    fallback_published: bool = True
    limit: int | None = None
    offset: int = 0

    def where(self) -> tuple[str, list[Any]]:
        """SQL WHERE clause over ``events e JOIN articles a`` and its parameters."""
        clauses: list[str] = []
        params: list[Any] = []
        for value, role in ((self.actor, None), (self.source, "source"), (self.target, "target")):
            if value:
                role_sql = "AND x.role = ?" if role else ""
                clauses.append(
                    "e.id IN (SELECT x.event_id FROM event_actors x WHERE (lower(x.actor_id) = lower(?) "
                    f"OR lower(x.name) = lower(?) OR upper(x.country) = upper(?)) {role_sql})"
                )
                params += [value, value, value] + ([role] if role else [])
        if self.type:
            clauses.append("upper(e.type) = upper(?)")
            params.append(self.type)
        day = "coalesce(e.date_start, a.published)" if self.fallback_published else "e.date_start"
        day_end = "coalesce(e.date_end, a.published)" if self.fallback_published else "e.date_end"
        if self.start:
            clauses.append(f"{day_end} >= ?")
            params.append(self.start)
        if self.end:
            clauses.append(f"{day} <= ?")
            params.append(self.end)
        if self.modality:
            clauses.append("e.modality = ?")
            params.append(self.modality)
        if self.covert is not None:
            clauses.append("e.covert = ?")
            params.append(self.covert)
        if self.publisher:
            clauses.append("lower(a.publisher) = lower(?)")
            params.append(self.publisher)
        if self.article_id:
            clauses.append("e.article_id = ?")
            params.append(self.article_id)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def events(store: Store, where: EventFilter | None = None) -> list[dict[str, Any]]:
    """Events as nested records (the event contract), newest event date first."""
    where = where or EventFilter()
    sql, params = where.where()
    page = ""
    if where.limit is not None:
        page = f" LIMIT {int(where.limit)} OFFSET {int(where.offset)}"
    rows = store.query(
        "SELECT e.*, a.published, a.publisher, a.title, a.url FROM events e "
        f"JOIN articles a ON a.id = e.article_id{sql} "
        f"ORDER BY e.date_start DESC NULLS LAST, e.article_id, e.evidence_start{page}",
        params,
    )
    return _nested(store, rows)


def _nested(store: Store, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Event rows (with their article columns) as nested records, in the rows' order."""
    if not rows:
        return []
    ids = [row["id"] for row in rows]
    actors = store.query(
        "SELECT * FROM event_actors WHERE event_id IN (SELECT unnest(?)) ORDER BY event_id, role, position",
        [ids],
    )
    chains = store.query(
        "SELECT * FROM attributions WHERE event_id IN (SELECT unnest(?)) ORDER BY event_id, position",
        [ids],
    )
    by_event: dict[str, dict[str, list[dict[str, Any]]]] = {
        i: {"source": [], "target": [], "attribution": []} for i in ids
    }
    for actor in actors:
        by_event[actor["event_id"]][actor["role"]].append(
            {k: actor[k] for k in ("actor_id", "name", "kind", "country", "sector", "affiliation", "text")}
            | {"id": actor["actor_id"]}
        )
    for link in chains:
        by_event[link["event_id"]]["attribution"].append({"name": link["name"], "cue": link["cue"]})
    return [_nest(row, by_event[row["id"]]) for row in rows]


def _nest(row: dict[str, Any], parts: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    def group(prefix: str) -> dict[str, Any] | None:
        values = {k[len(prefix) :]: v for k, v in row.items() if k.startswith(prefix)}
        return values if any(v is not None for v in values.values()) else None

    for side in ("source", "target"):
        for ref in parts[side]:
            ref.pop("actor_id", None)
    return {
        "id": row["id"],
        "doc_id": row["article_id"],
        "type": row["type"],
        "mode": row["mode"],
        "source": parts["source"],
        "target": parts["target"],
        "date": group("date_") or {},
        "place": group("place_"),
        "quantity": group("quantity_"),
        "modality": row["modality"],
        "covert": row["covert"],
        "attribution": parts["attribution"],
        "evidence": group("evidence_"),
        "cameo": row["cameo"],
        "quad_class": row["quad_class"],
        "goldstein": row["goldstein"],
        "confidence": row["confidence"],
        "rule": row["rule"],
        "article": {k: row[k] for k in ("published", "publisher", "title", "url")},
    }


def actors(store: Store, search: str | None = None, kind: str | None = None,
           country: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:  # fmt: skip
    """Stored actors with their number of events and mentions, most active first."""
    clauses, params = [], []
    if search:
        clauses.append("(lower(ac.name) LIKE lower(?) OR lower(ac.id) = lower(?))")
        params += [f"%{search}%", search]
    if kind:
        clauses.append("ac.kind = ?")
        params.append(kind)
    if country:
        clauses.append("upper(ac.country) = upper(?)")
        params.append(country)
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    page = f" LIMIT {int(limit)}" if limit else ""
    return store.query(
        "SELECT ac.id, ac.name, ac.kind, ac.country, ac.sector, ac.affiliation, ac.provisional, "
        "coalesce(ev.n, 0) AS events, coalesce(me.n, 0) AS mentions FROM actors ac "
        "LEFT JOIN (SELECT actor_id, count(DISTINCT event_id) n FROM event_actors GROUP BY 1) ev "
        "ON ev.actor_id = ac.id "
        "LEFT JOIN (SELECT actor_id, count(*) n FROM mentions GROUP BY 1) me ON me.actor_id = ac.id"
        f"{where} ORDER BY events DESC, mentions DESC, ac.name{page}",
        params,
    )


def articles(store: Store, search: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
    """Stored articles (without their text) with their number of events."""
    where, params = "", []
    if search:
        where = " WHERE lower(a.title) LIKE lower(?) OR lower(a.text) LIKE lower(?)"
        params = [f"%{search}%", f"%{search}%"]
    page = f" LIMIT {int(limit)}" if limit else ""
    return store.query(
        "SELECT a.id, a.external_id, a.title, a.author, a.publisher, a.published, a.url, a.source_path, "
        "(SELECT count(*) FROM events e WHERE e.article_id = a.id) AS events FROM articles a"
        f"{where} ORDER BY a.published DESC NULLS LAST, a.id{page}",
        params,
    )


def summary(store: Store, top: int = 10) -> dict[str, Any]:
    """Top actors, strongest ties and events by type: what ``newsgraph demo`` prints."""
    ties = store.query(
        "SELECT s.name AS source, t.name AS target, count(DISTINCT e.id) AS events, "
        "round(sum(e.goldstein), 1) AS goldstein, min(year(e.date_start)) AS first_year, "
        "max(year(e.date_end)) AS last_year FROM events e "
        "JOIN event_actors s ON s.event_id = e.id AND s.role = 'source' "
        "JOIN event_actors t ON t.event_id = e.id AND t.role = 'target' "
        f"GROUP BY 1, 2 ORDER BY events DESC, abs(sum(e.goldstein)) DESC LIMIT {int(top)}"
    )
    by_type = store.query("SELECT type, count(*) AS events FROM events GROUP BY 1 ORDER BY 2 DESC, 1")
    return {
        "counts": store.counts(),
        "top_actors": actors(store, limit=top),
        "ties": ties,
        "by_type": by_type,
    }


# Read queries of the network, the REST API and the exports (issue 6) --------------------------


@dataclass
class EventQuery(EventFilter):
    """An ``EventFilter`` that also takes several values per field and explicit event ids.

    The web page hides whole groups at once (every modality but ``asserted``, three event types,
    two publishers); a single-valued field and its list combine with AND.
    """

    types: tuple[str, ...] = ()
    modalities: tuple[str, ...] = ()
    publishers: tuple[str, ...] = ()
    ids: tuple[str, ...] | None = None

    def where(self) -> tuple[str, list[Any]]:
        """SQL WHERE clause over ``events e JOIN articles a`` and its parameters."""
        sql, params = super().where()
        clauses = [sql.removeprefix(" WHERE ")] if sql else []
        for values, column in ((self.types, "upper(e.type)"), (self.modalities, "e.modality"),
                               (self.publishers, "lower(a.publisher)")):  # fmt: skip
            if values:
                clauses.append(f"{column} IN (SELECT unnest(?))")
                fold = str.upper if column.startswith("upper") else (
                    str.lower if column.startswith("lower") else str)  # fmt: skip
                params.append([fold(v) for v in values])
        if self.ids is not None:
            clauses.append("e.id IN (SELECT unnest(?::VARCHAR[]))")
            params.append(list(self.ids))
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


_EVENT_ORDER = "e.date_start DESC NULLS LAST, e.article_id, e.evidence_start"


def events_by_id(store: Store, ids: list[str] | tuple[str, ...]) -> list[dict[str, Any]]:
    """Nested records of the events with these ids (unknown ids left out), in ``events`` order.

    Events and their articles are looked up through their primary-key indexes, so a page of a
    million-event store comes back in milliseconds (``events`` with ``EventQuery(ids=...)``
    joins, and so scans, the whole articles table).
    """
    if not ids:
        return []
    rows = store.query(f"SELECT * FROM events WHERE id IN ({', '.join('?' for _ in ids)})", list(ids))
    if not rows:
        return []
    wanted = sorted({row["article_id"] for row in rows})
    found = {
        a["id"]: a
        for a in store.query(
            "SELECT id, published, publisher, title, url FROM articles "
            f"WHERE id IN ({', '.join('?' for _ in wanted)})",
            wanted,
        )
    }
    for row in rows:
        article = found.get(row["article_id"]) or {}
        row.update({k: article.get(k) for k in ("published", "publisher", "title", "url")})
    # The order of ``events``: date_start DESC NULLS LAST, article_id, evidence_start.
    rows.sort(key=lambda r: (r["article_id"], r["evidence_start"] is None, r["evidence_start"] or 0))
    rows.sort(key=lambda r: r["date_start"] or dt.date.min, reverse=True)
    rows.sort(key=lambda r: r["date_start"] is None)
    return _nested(store, rows)


def event_page(store: Store, where: EventFilter) -> tuple[int, list[dict[str, Any]]]:
    """One page of ``events(store, where)`` and the number of matching events.

    Same filter, order and records as ``events``; the matching events are found once (for the
    count and the page), the articles are joined only when the filter reads them, and the
    page's records are fetched by id.
    """
    sql, params = where.where()
    joined = re.search(r"\ba\.", sql) is not None
    source = "events e JOIN articles a ON a.id = e.article_id" if joined else "events e"
    page = f" LIMIT {int(where.limit)} OFFSET {int(where.offset)}" if where.limit is not None else ""
    rows = store.query(
        "WITH m AS MATERIALIZED (SELECT e.id, e.date_start, e.article_id, e.evidence_start "
        f"FROM {source}{sql}) SELECT (SELECT count(*) FROM m) AS total, id FROM m "
        f"ORDER BY date_start DESC NULLS LAST, article_id, evidence_start{page}",
        params,
    )
    if rows:
        return int(rows[0]["total"]), events_by_id(store, [row["id"] for row in rows])
    return int(store.query(f"SELECT count(*) AS n FROM {source}{sql}", params)[0]["n"]), []


def count_events(store: Store, where: EventFilter | None = None) -> int:
    """Number of events matching a filter (its ``limit`` and ``offset`` ignored)."""
    sql, params = (where or EventFilter()).where()
    rows = store.query(
        f"SELECT count(*) AS n FROM events e JOIN articles a ON a.id = e.article_id{sql}", params
    )
    return int(rows[0]["n"])


def article(store: Store, article_id: str) -> dict[str, Any] | None:
    """One article with its text, its actor mentions and its events (spans into the text).

    Returns:
        The article record plus ``mentions`` (offsets, actor id, name and kind) and ``events``
        (nested event records), or None when no article has this id.
    """
    rows = store.query(
        "SELECT id, external_id, title, author, publisher, published, url, source_path, "
        "dateline_place, text FROM articles WHERE id = ?",
        [article_id],
    )
    if not rows:
        return None
    mentions = store.query(
        'SELECT m.actor_id, m.text, m.start, m."end", m.sentence, m.method, ac.name, ac.kind, '
        "ac.country FROM mentions m LEFT JOIN actors ac ON ac.id = m.actor_id "
        "WHERE m.article_id = ? ORDER BY m.start, m.\"end\"",
        [article_id],
    )
    found = events(store, EventFilter(article_id=article_id))
    found.sort(key=lambda e: ((e["evidence"] or {}).get("start") or 0))
    return rows[0] | {"mentions": mentions, "events": found}


def actor(store: Store, actor_id: str) -> dict[str, Any] | None:
    """One stored actor with its aliases and its numbers of events, mentions and articles."""
    rows = store.query(
        "SELECT ac.*, (SELECT count(DISTINCT event_id) FROM event_actors WHERE actor_id = ac.id) "
        "AS events, (SELECT count(*) FROM mentions WHERE actor_id = ac.id) AS mentions, "
        "(SELECT count(DISTINCT article_id) FROM mentions WHERE actor_id = ac.id) AS articles "
        "FROM actors ac WHERE ac.id = ?",
        [actor_id],
    )
    return rows[0] if rows else None


def facets(store: Store) -> dict[str, Any]:
    """What a filter can choose from: the date range, event types, modalities and publishers.

    Dates are event dates, an undated event counting at its publication date (as in
    ``EventFilter``). Types, modalities and publishers come with their numbers of events.
    """
    span = store.query(
        "SELECT min(coalesce(e.date_start, a.published)) AS first, "
        "max(coalesce(e.date_end, a.published)) AS last, count(*) AS events "
        "FROM events e JOIN articles a ON a.id = e.article_id"
    )[0]
    return span | {
        "types": store.query(
            "SELECT type, count(*) AS events FROM events GROUP BY 1 ORDER BY 2 DESC, 1"
        ),
        "modalities": store.query(
            "SELECT modality, count(*) AS events FROM events GROUP BY 1 ORDER BY 2 DESC, 1"
        ),
        "publishers": store.query(
            "SELECT a.publisher, count(*) AS events FROM events e "
            "JOIN articles a ON a.id = e.article_id WHERE a.publisher IS NOT NULL "
            "GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 200"
        ),
        "counts": store.counts(),
    }

"""Ties: events aggregated per directed pair of nodes and time window, straight from DuckDB.

A **tie** is the events of one directed pair of nodes in one time window: counts by PLOVER type
and by CAMEO QuadClass, the cooperation/conflict balance (Goldstein sum and mean), the first and
last event date, the distinct articles and publishers that report it, and its evidence.

A **node** is an actor or, at the ``country`` level, what the actor rolls up to: a state organ
or a person in a state office (Putin, the GRU, "Russia") rolls up to its ISO alpha-3 country
(RUS); a person or unit acting for an organisation rolls up to it (Mullah Baradar -> Taliban);
other non-state actors stay themselves.

Every query reads temporary tables built once per ``TieTable`` (``refresh`` rebuilds them):
``ng_dyads``, one row per event x source x target (a missing side is NULL), carrying the node of
each side at both levels and the event and article columns that ``EventFilter`` reads, so its
SQL applies unchanged and a million events aggregate without joins; nodes are integer keys
there (``ng_keys`` holds their ids), which groups several times faster than text.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

import pycountry

from newsgraph.errors import QueryError
from newsgraph.models import STATE_KINDS, Record
from newsgraph.store.duckdb_store import Store
from newsgraph.store.queries import EventFilter, events_by_id

log = logging.getLogger(__name__)

Level = Literal["actor", "country"]
Window = Literal["all", "year", "month"]
LEVELS: tuple[str, ...] = ("actor", "country")
WINDOWS: tuple[str, ...] = ("all", "year", "month")
# Office sectors that act for a state (the kinds are models.STATE_KINDS): at the country level
# they become the state.
STATE_SECTORS = ("GOV", "MIL", "COP", "SPY", "JUD", "LEG")
COOPERATIVE_QUADS = (1, 2)  # verbal and material cooperation
CONFLICT_QUADS = (3, 4)  # verbal and material conflict

_SQL_LIST = ", ".join
_KINDS = _SQL_LIST(f"'{k}'" for k in STATE_KINDS)
_SECTORS = _SQL_LIST(f"'{s}'" for s in STATE_SECTORS)
# The country-level node of one event_actors row ``x`` whose affiliation is the actor ``af``.
_ROLL_UP = f"""CASE
    WHEN x.kind IN ({_KINDS}) AND x.country IS NOT NULL THEN x.country
    WHEN x.kind = 'person' AND x.sector IN ({_SECTORS}) AND x.country IS NOT NULL THEN x.country
    WHEN af.kind IN ({_KINDS}) AND af.country IS NOT NULL THEN af.country
    WHEN x.affiliation IS NOT NULL THEN x.affiliation
    ELSE x.actor_id END"""
_BUILD = (
    "CREATE OR REPLACE TEMP TABLE ng_sides AS SELECT x.event_id, x.role, x.position, x.actor_id, "
    f"{_ROLL_UP} AS node FROM event_actors x LEFT JOIN actors af ON af.id = x.affiliation",
    "CREATE OR REPLACE TEMP TABLE ng_keys AS SELECT CAST(row_number() OVER (ORDER BY v) AS "
    "INTEGER) AS k, v FROM (SELECT actor_id AS v FROM ng_sides UNION SELECT node FROM ng_sides)",
    """CREATE OR REPLACE TEMP TABLE ng_dyads AS
    WITH sides AS (
        SELECT s.event_id, s.role, s.position, ka.k AS actor, kn.k AS node FROM ng_sides s
        JOIN ng_keys ka ON ka.v = s.actor_id JOIN ng_keys kn ON kn.v = s.node)
    SELECT e.id, e.article_id, s.actor AS sa, t.actor AS ta, s.node AS sc, t.node AS tc,
        e.type, e.quad_class, e.goldstein, e.modality, e.covert, e.date_start, e.date_end,
        a.published, a.publisher, {'published': a.published, 'publisher': a.publisher} AS a,
        coalesce(e.date_start, a.published) AS first_day,
        coalesce(e.date_end, e.date_start, a.published) AS last_day,
        -- Flags that count each event once: its first row overall, per pair of countries, and
        -- per source or target node at each level (an event has a row per source x target).
        row_number() OVER (PARTITION BY e.id ORDER BY s.actor, t.actor) = 1 AS first_e,
        row_number() OVER (PARTITION BY e.id, s.node, t.node ORDER BY s.actor, t.actor) = 1
            AS first_c,
        coalesce(t.position, 0) = 0 AS first_sa,
        coalesce(s.position, 0) = 0 AS first_ta,
        row_number() OVER (PARTITION BY e.id, s.node ORDER BY s.actor, t.actor) = 1 AS first_sc,
        row_number() OVER (PARTITION BY e.id, t.node ORDER BY s.actor, t.actor) = 1 AS first_tc
    FROM events e JOIN articles a ON a.id = e.article_id
    LEFT JOIN sides s ON s.event_id = e.id AND s.role = 'source'
    LEFT JOIN sides t ON t.event_id = e.id AND t.role = 'target'
    ORDER BY first_day""",
    "DROP TABLE ng_sides",
)
_BUCKETS = {
    "all": "'all'",
    "year": "strftime(e.first_day, '%Y')",
    "month": "strftime(e.first_day, '%Y-%m')",
}


@dataclass
class Node(Record):
    """A node of the network: an actor, or a country at the country level."""

    id: str
    name: str
    kind: str
    country: str | None = None
    events: int = 0


@dataclass
class Tie(Record):
    """The events of one directed pair of nodes in one time window (``period``)."""

    source: str
    target: str
    period: str
    events: int
    by_type: dict[str, int]
    by_quad: dict[str, int]
    cooperation: int
    conflict: int
    goldstein_sum: float
    goldstein_mean: float | None
    first: dt.date | None
    last: dt.date | None
    articles: int
    publishers: int
    source_name: str = ""
    target_name: str = ""
    evidence: list[dict[str, Any]] = field(default_factory=list)


def check_level(level: str) -> Level:
    """Return ``level`` if it is a roll-up level, else raise QueryError."""
    if level not in LEVELS:
        raise QueryError(f"level: {level!r} is not a level (actor, country)")
    return level  # type: ignore[return-value]


def _check_window(window: str) -> None:
    if window not in WINDOWS:
        raise QueryError(f"window: {window!r} is not a time window (all, year, month)")


def _sides(level: str) -> tuple[str, str]:
    """The columns of the source and target node keys at a level."""
    return ("e.sa", "e.ta") if check_level(level) == "actor" else ("e.sc", "e.tc")


def _keys_sql(column: str) -> str:
    return f"{column} IN (SELECT unnest(?::INTEGER[]))"


class TieTable:
    """The ties of a store: one temporary table, then any number of queries.

    Args:
        store: an open store (read-only is enough). The table is a snapshot: call ``refresh``
            after writing to the store through the same connection.
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self.refresh()

    def refresh(self) -> None:
        """(Re)build the ``ng_keys`` and ``ng_dyads`` tables from the store."""
        for sql in _BUILD:
            self.store.con.execute(sql)

    def keys(self, ids: Iterable[str]) -> list[int]:
        """The integer keys of node ids (an unknown id has none)."""
        wanted = sorted(set(ids))
        if not wanted:
            return []
        rows = self.store.con.execute(
            "SELECT k FROM ng_keys WHERE v IN (SELECT unnest(?::VARCHAR[]))", [wanted]
        ).fetchall()
        return [int(row[0]) for row in rows]

    def _key(self, node: str) -> int:
        found = self.keys([node])
        return found[0] if found else -1

    # Rows -----------------------------------------------------------------------------------
    def _scan(
        self,
        where: EventFilter | None,
        level: str,
        extra: str = "",
        extra_params: Iterable[Any] = (),
    ) -> tuple[str, list[Any]]:
        """FROM and WHERE over ``ng_dyads e`` for a filter, plus an extra condition."""
        sql, params = (where or EventFilter()).where()
        clauses = [sql.removeprefix(" WHERE ")] if sql else []
        if extra:
            clauses.append(extra)
            params += list(extra_params)
        # EventFilter's SQL reads the article as ``a``: with no table of that name in the query,
        # a.published and a.publisher bind to the fields of ng_dyads' struct column ``a``, so
        # the filter needs no join (a LATERAL alias would work too, at three times the cost).
        condition = (" WHERE " + " AND ".join(clauses)) if clauses else ""
        return f" FROM ng_dyads e{condition}", params

    def _pairs(
        self,
        where: EventFilter | None,
        level: str,
        window: str,
        extra: str = "",
        extra_params: Iterable[Any] = (),
    ) -> tuple[str, list[Any]]:
        """SQL of the (source node, target node, period, event) rows; self-ties left out."""
        _check_window(window)
        s, t = _sides(level)
        condition = f"{s} IS NOT NULL AND {t} IS NOT NULL AND {s} <> {t}"
        if extra:
            condition += f" AND ({extra})"
        # At the actor level an event has each pair once; rolled up, two sources can become one.
        if level == "country":
            condition += " AND e.first_c"
        scan, params = self._scan(where, level, condition, extra_params)
        sql = (
            f"SELECT {s} AS s, {t} AS t, {_BUCKETS[window]} AS period, e.id, "
            "e.article_id, e.type, e.quad_class, e.goldstein, e.first_day, e.last_day, "
            f"e.publisher{scan}"
        )
        return sql, params

    # Nodes ----------------------------------------------------------------------------------
    def nodes(self, ids: Iterable[str], level: Level = "actor") -> dict[str, Node]:
        """Name, kind and country of node ids (actors, or countries at the country level)."""
        wanted = sorted(set(ids))
        if not wanted:
            return {}
        found = {
            row["id"]: Node(row["id"], row["name"], row["kind"], row["country"])
            for row in self.store.query(
                "SELECT id, name, kind, country FROM actors WHERE id IN (SELECT unnest(?))",
                [wanted],
            )
        }
        missing = [i for i in wanted if i not in found]
        if missing:  # actors only known from their event roles (hand-made or merged data)
            for row in self.store.query(
                "SELECT DISTINCT ON (actor_id) actor_id AS id, name, kind, country "
                "FROM event_actors WHERE actor_id IN (SELECT unnest(?)) ORDER BY actor_id",
                [missing],
            ):
                found[row["id"]] = Node(row["id"], row["name"] or row["id"], row["kind"] or "other", row["country"])
        for node_id in wanted:
            if node_id not in found:
                country = pycountry.countries.get(alpha_3=node_id) if len(node_id) == 3 else None
                found[node_id] = (
                    Node(
                        node_id,
                        getattr(country, "common_name", None) or country.name,
                        "state",
                        node_id,
                    )
                    if country
                    else Node(node_id, node_id, "other")
                )
        if level == "country":  # a state's own actor record may name it by its long form
            for node in found.values():
                if node.kind == "state":
                    node.country = node.id
        return found

    def resolve(self, text: str, level: Level = "actor") -> str:
        """The node an analyst means by ``text``: an actor id, name, alias or country code.

        Exact ids win over names, names over aliases, then the most active actor whose name
        contains the text. At the country level the actor's roll-up is returned (Putin -> RUS).

        Raises:
            QueryError: no actor matches, or the actor takes part in no event.
        """
        needle = text.strip()
        if not needle:
            raise QueryError("actor: empty name")
        aliases = "lower($1) IN (SELECT lower(unnest(ac.aliases)))"
        rows = self.store.query(
            "WITH hits AS (SELECT ac.id, CASE WHEN lower(ac.id) = lower($1) THEN 0 "
            f"WHEN lower(ac.name) = lower($1) THEN 1 WHEN {aliases} THEN 2 ELSE 3 END AS rank "
            "FROM actors ac WHERE lower(ac.id) = lower($1) OR lower(ac.name) = lower($1) "
            f"OR {aliases} OR contains(lower(ac.name), lower($1))), "
            "hit_keys AS (SELECT k, v AS id FROM ng_keys WHERE v IN (SELECT id FROM hits)), "
            "act AS (SELECT id, count(*) AS n FROM (SELECT sa AS k FROM ng_dyads UNION ALL "
            "SELECT ta FROM ng_dyads) JOIN hit_keys USING (k) GROUP BY id) "
            "SELECT hits.id FROM hits LEFT JOIN act USING (id) "
            "ORDER BY rank, act.n DESC NULLS LAST, hits.id LIMIT 1",
            [needle],
        )
        if rows:
            actor_id = str(rows[0]["id"])
        else:  # a country code or an id only the events know
            known = self.store.query(
                "SELECT v FROM ng_keys WHERE upper(v) = upper(?) ORDER BY v = ? DESC LIMIT 1",
                [needle, needle],
            )
            if not known:
                raise QueryError(f"actor: no actor matches {text!r}")
            actor_id = str(known[0]["v"])
        if check_level(level) == "actor":
            return actor_id
        key = self._key(actor_id)
        roll_up = self.store.query(
            "SELECT k.v AS node, count(*) AS n FROM (SELECT sc AS node FROM ng_dyads WHERE sa = ? "
            "UNION ALL SELECT tc FROM ng_dyads WHERE ta = ? "
            "UNION ALL SELECT sc FROM ng_dyads WHERE sc = ? UNION ALL SELECT tc FROM ng_dyads "
            "WHERE tc = ?) d JOIN ng_keys k ON k.k = d.node GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1",
            [key] * 4,
        )
        if not roll_up:
            raise QueryError(f"actor: {text!r} ({actor_id}) takes part in no stored event")
        return str(roll_up[0]["node"])

    # Ties -----------------------------------------------------------------------------------
    def ties(
        self,
        where: EventFilter | None = None,
        level: Level = "actor",
        window: Window = "all",
        min_weight: int = 1,
        limit: int | None = None,
        evidence: int = 0,
        touching: Iterable[str] | None = None,
        between: tuple[str, str] | None = None,
    ) -> list[Tie]:
        """Ties matching a filter, strongest first.

        Args:
            where: the events to count (``limit``/``offset`` of the filter are ignored).
            level: ``actor`` or ``country`` (roll-up of the nodes).
            window: ``all`` (one tie per pair), ``year`` or ``month`` (one tie per pair and period).
            min_weight: leave out ties with fewer events.
            limit: at most this many ties (the strongest).
            evidence: attach up to this many events (nested records, earliest first) per tie.
            touching: only ties with one of these nodes on either side.
            between: only the ties between these two nodes, in both directions.
        """
        s, t = _sides(level)
        conditions: list[str] = []
        extra_params: list[Any] = []
        if touching is not None:
            keys = self.keys(touching)
            conditions.append(f"{_keys_sql(s)} OR {_keys_sql(t)}")
            extra_params += [keys, keys]
        if between is not None:
            one, two = self._key(between[0]), self._key(between[1])
            conditions.append(f"({s} = ? AND {t} = ?) OR ({s} = ? AND {t} = ?)")
            extra_params += [one, two, two, one]
        extra = " AND ".join(f"({c})" for c in conditions)
        pairs, params = self._pairs(where, level, window, extra, extra_params)
        top = "" if limit is None else f" LIMIT {int(limit)}"
        # Pass 1 ranks the pairs by events; pass 2 describes only the pairs kept. An actor
        # filter (a subquery over event_actors) is evaluated once; other filters are cheaper
        # to evaluate twice than to materialise.
        if where is not None and (where.actor or where.source or where.target):
            body = (
                f"WITH rows AS MATERIALIZED ({pairs}), top AS (SELECT s, t, period, count(*) AS n "
                "FROM rows GROUP BY ALL HAVING count(*) >= ? "
                f"ORDER BY n DESC, s, t, period{top}), "
                "f AS (SELECT * FROM rows SEMI JOIN top USING (s, t, period)) "
            )
            params = [*params, int(min_weight)]
        else:
            body = (
                f"WITH top AS (SELECT s, t, period, count(*) AS n FROM ({pairs}) GROUP BY ALL "
                f"HAVING count(*) >= ? ORDER BY n DESC, s, t, period{top}), "
                f"f AS (SELECT * FROM ({pairs}) SEMI JOIN top USING (s, t, period)) "
            )
            params = [*params, int(min_weight), *params]
        rows = self.store.query(
            body + "SELECT ks.v AS s, kt.v AS t, agg.* EXCLUDE (s, t) FROM ("
            "SELECT f.s, f.t, f.period, count(*) AS events, histogram(f.type) AS by_type, "
            "histogram(f.quad_class) AS by_quad, "
            f"count(*) FILTER (WHERE f.quad_class IN {COOPERATIVE_QUADS}) AS cooperation, "
            f"count(*) FILTER (WHERE f.quad_class IN {CONFLICT_QUADS}) AS conflict, "
            "coalesce(sum(f.goldstein), 0) AS goldstein_sum, avg(f.goldstein) AS goldstein_mean, "
            "min(f.first_day) AS first, max(f.last_day) AS last, "
            "count(DISTINCT f.article_id) AS articles, count(DISTINCT f.publisher) AS publishers "
            "FROM f GROUP BY ALL) agg "
            "JOIN ng_keys ks ON ks.k = agg.s JOIN ng_keys kt ON kt.k = agg.t "
            "ORDER BY events DESC, s, t, period",
            params,
        )
        names = self.nodes([r["s"] for r in rows] + [r["t"] for r in rows], level)
        result = [
            Tie(
                source=r["s"],
                target=r["t"],
                period=r["period"],
                events=int(r["events"]),
                by_type={k: int(v) for k, v in sorted((r["by_type"] or {}).items())},
                by_quad={str(k): int(v) for k, v in sorted((r["by_quad"] or {}).items()) if k},
                cooperation=int(r["cooperation"]),
                conflict=int(r["conflict"]),
                goldstein_sum=round(float(r["goldstein_sum"]), 2),
                goldstein_mean=None if r["goldstein_mean"] is None else round(r["goldstein_mean"], 2),
                first=r["first"],
                last=r["last"],
                articles=int(r["articles"]),
                publishers=int(r["publishers"]),
                source_name=names[r["s"]].name,
                target_name=names[r["t"]].name,
            )
            for r in rows
        ]
        if evidence > 0 and result:
            self._attach_evidence(result, body, params, evidence)
        return result

    def _attach_evidence(self, ties: list[Tie], body: str, params: list[Any], per_tie: int) -> None:
        picked = self.store.query(
            body + "SELECT ks.v AS s, kt.v AS t, f.period, f.id FROM f "
            "JOIN ng_keys ks ON ks.k = f.s JOIN ng_keys kt ON kt.k = f.t "
            "QUALIFY row_number() OVER "
            "(PARTITION BY f.s, f.t, f.period ORDER BY f.first_day, f.id) <= ?",
            [*params, per_tie],
        )
        records = {e["id"]: e for e in events_by_id(self.store, [r["id"] for r in picked])}
        by_tie: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
        for row in picked:
            by_tie.setdefault((row["s"], row["t"], row["period"]), []).append(records[row["id"]])
        for tie in ties:
            found = by_tie.get((tie.source, tie.target, tie.period), [])
            tie.evidence = sorted(found, key=lambda e: (str(e["date"].get("start")), e["id"]))

    def edge_events(
        self,
        source: str,
        target: str,
        where: EventFilter | None = None,
        level: Level = "actor",
        limit: int = 100,
        offset: int = 0,
        both: bool = False,
    ) -> tuple[int, list[dict[str, Any]]]:
        """The events behind one tie (source -> target, or both ways): total and one page.

        Returns:
            The number of matching events and the page of nested event records, newest first.
        """
        s, t = _sides(level)
        one, two = self._key(source), self._key(target)
        pair = f"({s} = ? AND {t} = ?)" + (f" OR ({s} = ? AND {t} = ?)" if both else "")
        scan, params = self._scan(where, level, f"({pair})", [one, two] + ([two, one] if both else []))
        ids = [
            r["id"]
            for r in self.store.query(
                f"SELECT DISTINCT e.id, e.first_day{scan} ORDER BY e.first_day DESC NULLS LAST, e.id",
                params,
            )
        ]
        page = ids[offset : offset + limit]
        return len(ids), events_by_id(self.store, page)

    def _activity(self, ids: set[str], where: EventFilter | None, level: str) -> dict[str, int]:
        """Events each node takes part in (as source or target) among those matching."""
        keys = self.keys(ids)
        if not keys:
            return {}
        s, t = _sides(level)
        first_s, first_t, first_pair = (
            ("e.first_sa", "e.first_ta", "true") if level == "actor" else ("e.first_sc", "e.first_tc", "e.first_c")
        )
        scan, params = self._scan(where, level, f"({s} = ANY(?) OR {t} = ANY(?))", [keys, keys])
        # As source + as target - on both sides, each counted once by the build's flags.
        rows = self.store.query(
            f"WITH f AS MATERIALIZED (SELECT {s} AS s, {t} AS t, {first_s} AS fs, "
            f"{first_t} AS ft, {first_pair} AND {s} = {t} AS fst{scan}) "
            "SELECT k.v AS node, sum(n) AS n FROM ("
            "SELECT s AS node, count(*) FILTER (WHERE fs) - count(*) FILTER (WHERE fst) AS n "
            "FROM f GROUP BY 1 UNION ALL SELECT t, count(*) FILTER (WHERE ft) FROM f GROUP BY 1) "
            "JOIN ng_keys k ON k.k = node WHERE node = ANY(?) GROUP BY 1",
            [*params, keys],
        )
        return {r["node"]: int(r["n"]) for r in rows}

    # Time series ----------------------------------------------------------------------------
    def timeline(
        self,
        actor: str | None = None,
        other: str | None = None,
        where: EventFilter | None = None,
        level: Level = "actor",
        by: Literal["month", "year"] = "month",
    ) -> dict[str, Any]:
        """Events per month or year, split by QuadClass: of everything, an actor or a dyad.

        Args:
            actor: a node (any text ``resolve`` accepts); None for every event.
            other: with ``actor``, the dyad's events both ways.
            by: ``month`` or ``year``; periods without events are filled with zeros.
        """
        if by not in ("month", "year"):
            raise QueryError(f"by: {by!r} is not a period (month, year)")
        s, t = _sides(level)
        extra, params, nodes = "e.first_e", [], []
        if actor:
            nodes.append(self.resolve(actor, level))
            one = self._key(nodes[0])
            extra, params = f"({s} = ? OR {t} = ?)", [one, one]
        if other:
            if not actor:
                raise QueryError("other: give actor too (a dyad has two sides)")
            nodes.append(self.resolve(other, level))
            two = self._key(nodes[1])
            extra = f"(({s} = ? AND {t} = ?) OR ({s} = ? AND {t} = ?))"
            params = [one, two, two, one]
        scan, params = self._scan(where, level, extra, params)
        fmt = "%Y-%m" if by == "month" else "%Y"
        rows = self.store.query(
            f"SELECT strftime(first_day, '{fmt}') AS period, quad_class, count(*) AS n, "
            "coalesce(sum(goldstein), 0) AS g FROM (SELECT DISTINCT e.id, e.first_day, "
            f"e.quad_class, e.goldstein{scan}) WHERE first_day IS NOT NULL GROUP BY ALL ORDER BY 1",
            params,
        )
        series: dict[str, dict[str, Any]] = {}
        for row in rows:
            point = series.setdefault(
                row["period"],
                {"period": row["period"], "events": 0, "goldstein": 0.0, "by_quad": {}},
            )
            point["events"] += int(row["n"])
            point["goldstein"] = round(point["goldstein"] + float(row["g"]), 2)
            if row["quad_class"]:
                point["by_quad"][str(row["quad_class"])] = int(row["n"])
        named = self.nodes(nodes, level)
        return {
            "by": by,
            "level": level,
            "nodes": [named[n].to_dict() for n in nodes],
            "series": _fill(series, by),
        }


def _fill(series: dict[str, dict[str, Any]], by: str) -> list[dict[str, Any]]:
    if not series:
        return []
    keys = sorted(series)
    if by == "year":
        periods = [str(y) for y in range(int(keys[0]), int(keys[-1]) + 1)]
    else:
        year, month = map(int, keys[0].split("-"))
        periods = []
        while (key := f"{year:04d}-{month:02d}") <= keys[-1]:
            periods.append(key)
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return [series.get(p) or {"period": p, "events": 0, "goldstein": 0.0, "by_quad": {}} for p in periods]

"""Benchmark: /api/graph and /api/events latency over a synthetic database of N events.

Builds a synthetic newsgraph DuckDB (the real schema, filled with ``INSERT ... SELECT FROM
range(...)``, so a million events take seconds), starts the real FastAPI app on it, then times
the two endpoints through FastAPI's TestClient (real HTTP semantics, in process) and prints
p50/p95 per query. Run by hand, not by the test suite::

    .venv/bin/python benchmarks/api_bench.py --events 1000000
    .venv/bin/python benchmarks/api_bench.py --events 1000000 --db /tmp/bench.duckdb --keep

The gate of issue 6 is p95 < 300 ms for both endpoints on 1,000,000 events.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pycountry

from newsgraph.models import ACTOR_KINDS, EVENT_TYPES, MODALITIES
from newsgraph.store import Store

# CAMEO QuadClass and a representative Goldstein score per PLOVER type (only to fill columns).
_QUAD = {
    "AGREE": 1,
    "CONSULT": 1,
    "SUPPORT": 1,
    "CONCEDE": 1,
    "COOPERATE": 2,
    "AID": 2,
    "RETREAT": 2,
    "REQUEST": 1,
    "ACCUSE": 3,
    "REJECT": 3,
    "THREATEN": 3,
    "PROTEST": 3,
    "SANCTION": 3,
    "MOBILIZE": 4,
    "COERCE": 4,
    "ASSAULT": 4,
}
_GOLDSTEIN = {
    "AGREE": 4.5,
    "CONSULT": 1.0,
    "SUPPORT": 3.5,
    "CONCEDE": 5.0,
    "COOPERATE": 6.0,
    "AID": 7.0,
    "RETREAT": 5.0,
    "REQUEST": 3.0,
    "ACCUSE": -2.0,
    "REJECT": -4.0,
    "THREATEN": -6.0,
    "PROTEST": -6.5,
    "SANCTION": -8.0,
    "MOBILIZE": -7.0,
    "COERCE": -7.0,
    "ASSAULT": -10.0,
}


ACTOR_COLUMNS = "id, name, kind, country, sector, affiliation, aliases, provisional"


def _u(seed: int, column: str = "i") -> str:
    """A deterministic uniform number in [0, 1) per row, from DuckDB's hash of the row number."""
    return f"((hash({column} * 7919 + {seed}) % 1000003) / 1000003.0)"


def build(path: Path, n_events: int, n_actors: int | None = None) -> dict[str, int]:
    """Write a synthetic newsgraph database of ``n_events`` events to ``path``.

    Actors are drawn with a skew (a few very active ones, a long tail) so the network has hubs,
    a tenth of the events have no target and a twentieth have two sources; dates span
    2000-2024; articles carry ten events each and one of forty publishers.

    Returns:
        The row counts of the main tables.
    """
    n_actors = n_actors or max(50, min(5000, n_events // 200))
    n_articles = max(1, n_events // 10)
    hubs = ["RUS", "USA", "AFG", "CHN", "IRN", "PAK", "GBR", "FRA", "UKR", "SAU"]
    states = (hubs + sorted(c.alpha_3 for c in pycountry.countries if c.alpha_3 not in hubs))[:150]
    with Store(path) as store:
        con = store.con
        con.execute("BEGIN TRANSACTION")
        con.execute(
            "CREATE TEMP TABLE codes AS SELECT unnest(?) AS code, generate_subscripts(?, 1) - 1 AS n",
            [states, states],
        )
        con.execute(
            "CREATE TEMP TABLE kinds AS SELECT unnest(?) AS kind, generate_subscripts(?, 1) - 1 AS n",
            [list(ACTOR_KINDS), list(ACTOR_KINDS)],
        )
        con.execute(
            "CREATE TEMP TABLE types AS SELECT unnest(?) AS type, unnest(?) AS quad, "
            "unnest(?) AS goldstein, generate_subscripts(?, 1) - 1 AS n",
            [
                list(EVENT_TYPES),
                [_QUAD[t] for t in EVENT_TYPES],
                [_GOLDSTEIN[t] for t in EVENT_TYPES],
                list(EVENT_TYPES),
            ],
        )
        # Actors 0..149 are the states themselves (id = alpha-3), the rest organs, groups, persons.
        con.execute(
            f"INSERT INTO actors ({ACTOR_COLUMNS}) "
            "SELECT code, 'State ' || code, 'state', code, NULL, NULL, [], false FROM codes"
        )
        con.execute(
            f"INSERT INTO actors ({ACTOR_COLUMNS}) "
            "SELECT 'a' || i, 'Actor ' || i, k.kind, "
            "CASE WHEN k.kind IN ('igo', 'armed_group', 'ngo') AND i % 3 = 0 THEN NULL "
            "ELSE c.code END, "
            "'GOV', CASE WHEN k.kind = 'person' AND i % 2 = 0 THEN 'a' || (i - 13) END, [], false "
            f"FROM range(150, {n_actors}) r(i) JOIN kinds k ON k.n = i % 16 "
            "JOIN codes c ON c.n = (i * 31) % 150"
        )
        con.execute(
            "INSERT INTO articles (id, title, publisher, published, url, text) "
            "SELECT printf('%016x', i), 'Synthetic article ' || i, 'Publisher ' || (i % 40), "
            f"DATE '2000-01-01' + CAST(floor({_u(1)} * 9100) AS INTEGER), "
            "'https://news.example.org/' || i, "
            "'Actor one met actor two. Actor two then accused actor one. Talks went on.' "
            f"FROM range({n_articles}) r(i)"
        )
        modalities = "[" + ", ".join(f"'{m}'" for m in MODALITIES) + "]"
        con.execute(
            "INSERT INTO events (id, article_id, type, mode, date_start, date_end, date_precision, "
            "date_text, date_basis, modality, covert, evidence_text, evidence_sentence, "
            "evidence_start, evidence_end, evidence_trigger, cameo, quad_class, goldstein, "
            "confidence, rule) "
            f"SELECT printf('e%015x', i), printf('%016x', i % {n_articles}), t.type, NULL, "
            "a.published - CAST(i % 5 AS INTEGER), a.published - CAST(i % 5 AS INTEGER), 'day', "
            "NULL, 'relative', "
            f"{modalities}[1 + CAST(floor({_u(2)} * {_u(2)} * 6) AS INTEGER)], ({_u(3)} < 0.03), "
            "'Actor one met actor two', 'Actor one met actor two.', 0, 23, 'met', "
            "printf('%02d', t.n + 1), t.quad, t.goldstein, 0.9, 'synthetic' "
            f"FROM range({n_events}) r(i) "
            f"JOIN types t ON t.n = CAST(floor({_u(4)} * 16) AS INTEGER) "
            f"JOIN articles a ON a.id = printf('%016x', i % {n_articles})"
        )
        # Actor of a role: pow(u, 2.5) skews the draw towards low ids (the states and hubs).
        pick = f"CAST(floor(pow({{u}}, 2.5) * {n_actors}) AS INTEGER)"
        con.execute(
            "CREATE TEMP TABLE picks AS SELECT i, "
            f"{pick.format(u=_u(5))} AS s, {pick.format(u=_u(6))} AS t, "
            f"{pick.format(u=_u(7))} AS s2, {_u(8)} AS r FROM range({n_events}) r(i)"
        )
        con.execute(
            "CREATE TEMP TABLE ranked AS SELECT *, row_number() OVER "
            "(ORDER BY kind <> 'state', length(id), id) - 1 AS n FROM actors"
        )
        for role, position, column, condition in (
            ("source", 0, "s", "true"),
            ("source", 1, "s2", "p.r < 0.05 AND p.s2 <> p.s"),
            ("target", 0, "t", "p.r >= 0.10 AND p.t <> p.s"),
        ):
            con.execute(
                "INSERT INTO event_actors SELECT printf('e%015x', p.i), ?, ?, ac.id, ac.name, "
                "ac.kind, ac.country, ac.sector, ac.affiliation, ac.name FROM picks p "
                f"JOIN ranked ac ON ac.n = p.{column} WHERE {condition}",
                [role, position],
            )
        con.execute(
            "INSERT INTO mentions SELECT e.article_id, x.actor_id, x.text, 0, 9, 0, 'kb' "
            "FROM event_actors x JOIN events e ON e.id = x.event_id WHERE x.position = 0 "
            f"AND e.id < printf('e%015x', {min(n_events, 50_000)})"
        )
        con.execute(
            "INSERT INTO attributions SELECT id, 0, 'Publisher ' || (hash(id) % 40), 'said', NULL "
            "FROM events WHERE modality = 'reported'"
        )
        con.execute("COMMIT")
        return store.counts()


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


QUERIES: dict[str, list[str]] = {
    "/api/graph": [
        "/api/graph",
        "/api/graph?level=country",
        "/api/graph?from=2010-01-01&to=2012-12-31",
        "/api/graph?type=ASSAULT&modality=asserted",
        "/api/graph?actor=RUS&level=country&min_weight=2",
        "/api/graph?publisher=Publisher%207&covert=false",
    ],
    "/api/events": [
        "/api/events",
        "/api/events?actor=RUS",
        "/api/events?source=a200&target=AFG",
        "/api/events?type=AID&from=2015-01-01&to=2015-12-31",
        "/api/events?publisher=Publisher%203&offset=500",
        "/api/events?modality=reported&covert=true",
    ],
}


def _stats(timings: list[float]) -> dict[str, float]:
    return {
        "p50": statistics.median(timings),
        "p95": _percentile(timings, 0.95),
        "max": max(timings),
        "requests": len(timings),
    }


def bench(path: Path, repeat: int, detail: bool = False) -> dict[str, dict[str, float]]:
    """Time every query of ``QUERIES`` ``repeat`` times (after one warm-up) through the real app.

    Args:
        detail: also return each URL's own numbers (keyed by the URL).

    Returns:
        Per endpoint ("/api/graph (all queries)") and, with ``detail``, per URL (indented):
        p50, p95 and max in milliseconds, and the number of timed requests.
    """
    from fastapi.testclient import TestClient

    from newsgraph.api.app import create_app

    results: dict[str, dict[str, float]] = {}
    with TestClient(create_app(path)) as client:
        for endpoint, urls in QUERIES.items():
            timings: list[float] = []
            for url in urls:
                response = client.get(url)  # warm-up: caches, first plan
                response.raise_for_status()
                own: list[float] = []
                for _ in range(repeat):
                    started = time.perf_counter()
                    response = client.get(url)
                    own.append((time.perf_counter() - started) * 1000)
                    response.raise_for_status()
                timings += own
                if detail:
                    results[f"  {url}"] = _stats(own)
            results[f"{endpoint} (all queries)"] = _stats(timings)
    return results


def main(argv: list[str] | None = None) -> int:
    """Build (or reuse) the synthetic database, run the benchmark, print p50/p95."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000, help="synthetic events")
    parser.add_argument("--repeat", type=int, default=20, help="timed runs per query")
    parser.add_argument("--db", type=Path, help="database file (default: a temporary one)")
    parser.add_argument("--keep", action="store_true", help="reuse --db when it exists")
    parser.add_argument("--detail", action="store_true", help="print each URL's numbers too")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or Path(tmp) / "bench.duckdb"
        if not (args.keep and path.exists()):
            path.unlink(missing_ok=True)
            started = time.perf_counter()
            counts = build(path, args.events)
            print(
                f"built {path}: {counts['events']:,} events, {counts['articles']:,} articles, "
                f"{counts['actors']:,} actors in {time.perf_counter() - started:.1f}s"
            )
        started = time.perf_counter()
        results = bench(path, args.repeat, args.detail)
        print(f"timed in {time.perf_counter() - started:.1f}s (app start-up included)")
        for endpoint, r in results.items():
            print(
                f"{endpoint:58s} p50 {r['p50']:7.1f} ms   p95 {r['p95']:7.1f} ms   "
                f"max {r['max']:7.1f} ms   ({int(r['requests'])} requests)"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())

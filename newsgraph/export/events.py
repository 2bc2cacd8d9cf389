"""Event exports: CSV, Parquet (one flat row per event) and JSONL (the nested event records).

The flat table has the event columns of the store, its sides as ``;``-joined ids, names and
countries, the reporting chain as text and the article's date, publisher, title and URL. CSV and
Parquet are written by DuckDB itself, streaming, so a million events need no Python loop.
"""

from __future__ import annotations

import errno
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

import duckdb

from newsgraph.store.duckdb_store import Store
from newsgraph.store.queries import EventFilter, events_by_id

CHUNK = 5000

FLAT_EVENTS = """
WITH sides AS (
    SELECT event_id,
        string_agg(actor_id, '; ' ORDER BY position) FILTER (WHERE role = 'source') AS source_ids,
        string_agg(name, '; ' ORDER BY position) FILTER (WHERE role = 'source') AS source_names,
        string_agg(coalesce(country, ''), '; ' ORDER BY position) FILTER (WHERE role = 'source')
            AS source_countries,
        string_agg(actor_id, '; ' ORDER BY position) FILTER (WHERE role = 'target') AS target_ids,
        string_agg(name, '; ' ORDER BY position) FILTER (WHERE role = 'target') AS target_names,
        string_agg(coalesce(country, ''), '; ' ORDER BY position) FILTER (WHERE role = 'target')
            AS target_countries
    FROM event_actors GROUP BY event_id),
chains AS (
    SELECT event_id, string_agg(name || coalesce(' (' || cue || ')', ''), ' > ' ORDER BY position)
        AS attribution
    FROM attributions GROUP BY event_id)
SELECT e.id, e.article_id, e.type, e.mode, s.source_ids, s.source_names, s.source_countries,
    s.target_ids, s.target_names, s.target_countries, e.date_start, e.date_end, e.date_precision,
    e.date_text, e.date_basis, e.modality, e.covert, c.attribution, e.place_name,
    e.place_country, e.place_lat, e.place_lon, e.quantity_value, e.quantity_unit,
    e.quantity_text, e.evidence_text, e.evidence_sentence, e.evidence_start, e.evidence_end,
    e.evidence_trigger, e.cameo, e.quad_class, e.goldstein, e.confidence, e.rule,
    a.published, a.publisher, a.title, a.url
FROM events e JOIN articles a ON a.id = e.article_id
LEFT JOIN sides s ON s.event_id = e.id LEFT JOIN chains c ON c.event_id = e.id{where}
ORDER BY coalesce(e.date_start, a.published) NULLS LAST, e.article_id, e.evidence_start, e.id
"""


def _flat(store: Store, where: EventFilter | None) -> Any:
    sql, params = (where or EventFilter()).where()
    return store.con.sql(FLAT_EVENTS.format(where=sql), params=params)


def write_csv(store: Store, path: str | Path, where: EventFilter | None = None) -> int:
    """Write matching events as CSV with a header row; returns the number of events."""
    try:
        _flat(store, where).write_csv(str(path), header=True)
    except duckdb.IOException as e:
        raise OSError(errno.EIO, str(e).splitlines()[0]) from e
    return _count(store, where)


def write_parquet(store: Store, path: str | Path, where: EventFilter | None = None) -> int:
    """Write matching events as Parquet (zstd); returns the number of events."""
    try:
        _flat(store, where).write_parquet(str(path), compression="zstd")
    except duckdb.IOException as e:
        raise OSError(errno.EIO, str(e).splitlines()[0]) from e
    return _count(store, where)


def _count(store: Store, where: EventFilter | None) -> int:
    from newsgraph.store.queries import count_events

    return count_events(store, where)


def iter_events(store: Store, where: EventFilter | None = None) -> Iterator[dict[str, Any]]:
    """Matching events as nested records, in ``events()`` order, a chunk at a time."""
    sql, params = (where or EventFilter()).where()
    ids = [
        row[0]
        for row in store.con.execute(
            f"SELECT e.id FROM events e JOIN articles a ON a.id = e.article_id{sql} "
            "ORDER BY e.date_start DESC NULLS LAST, e.article_id, e.evidence_start",
            params,
        ).fetchall()
    ]
    for start in range(0, len(ids), CHUNK):
        # ``events_by_id`` sorts each chunk by the same key, so the chunks keep the global order.
        yield from events_by_id(store, ids[start : start + CHUNK])


def write_lines(out: str | Path | IO[str], lines: Iterable[str]) -> int:
    """Write text lines (each ending in a newline) to a path or an open stream; returns how many.

    The one writer behind the line formats: JSONL events, FollowTheMoney entities, GDELT rows.
    """

    def dump(stream: IO[str]) -> int:
        count = 0
        for line in lines:
            stream.write(line)
            count += 1
        return count

    if isinstance(out, (str, Path)):
        with open(out, "w", encoding="utf-8", newline="") as stream:
            return dump(stream)
    return dump(out)


def write_jsonl(store: Store, out: str | Path | IO[str], where: EventFilter | None = None) -> int:
    """Write matching events as JSON lines (the event contract); returns the count.

    Args:
        out: a path, or an open text stream (``sys.stdout``).
    """

    return write_lines(out, (json.dumps(e, ensure_ascii=False, default=str) + "\n" for e in iter_events(store, where)))
